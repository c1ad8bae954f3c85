#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bgwrite.h"
#include "fileio.h"

#define NJOBS 256	/* queued files: enough to ride out a slow create */
#define WAKE 32		/* jobs queued before an idle thread is woken */

struct job {
	int dirfd;
	unsigned mode;
	int fix_mode;
	char name[64];
	char path[64];
	struct strbuf text;
};

struct bgwrite {
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	pthread_t tid;
	struct job jobs[NJOBS];
	size_t head, count;	/* next job to do; jobs not yet done */
	int idle;		/* the thread waits for a job */
	int waiting;		/* the caller waits for room or the end */
	int quit;
	struct perr failed;	/* the first failure */
};

static int
do_job(struct bgwrite *w, struct job *j)
{
	int rc = fileio_create_at(j->dirfd, j->name, j->mode, j->fix_mode,
	    j->text.buf, j->text.len, 0);
	int saved = errno;

	if (rc == 0)
		return 0;
	pthread_mutex_lock(&w->mu);
	if (w->failed.code == 0)
		perr_errno(&w->failed, rc == -1 ? PLAINT_CANTCREAT :
		    PLAINT_IOERR, saved, rc == -1 ? "cannot create" :
		    "cannot write", j->path);
	pthread_mutex_unlock(&w->mu);
	return -1;
}

/*
 * The thread takes every job queued at once and does them without the
 * lock: a lock (and a wake-up) per file would cost more than the file.
 */
static void *
writer(void *arg)
{
	struct bgwrite *w = arg;
	size_t start, n, k;
	int failed;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->count == 0 && !w->quit) {
			w->idle = 1;
			pthread_cond_wait(&w->more, &w->mu);
			w->idle = 0;
		}
		if (w->count == 0)
			break;
		start = w->head;
		n = w->count;
		failed = w->failed.code != 0;
		pthread_mutex_unlock(&w->mu);
		for (k = 0; k < n && !failed; k++)
			failed = do_job(w, &w->jobs[(start + k) % NJOBS]) != 0;
		pthread_mutex_lock(&w->mu);
		w->head = (start + n) % NJOBS;
		w->count -= n;
		if (w->waiting)
			pthread_cond_signal(&w->room);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

struct bgwrite *
bgwrite_new(void)
{
	struct bgwrite *w = calloc(1, sizeof(*w));
	size_t i;

	if (w == NULL)
		return NULL;
	for (i = 0; i < NJOBS; i++)
		strbuf_init(&w->jobs[i].text);
	perr_clear(&w->failed);
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->more, NULL);
	pthread_cond_init(&w->room, NULL);
	if (pthread_create(&w->tid, NULL, writer, w) != 0) {
		pthread_mutex_destroy(&w->mu);
		pthread_cond_destroy(&w->more);
		pthread_cond_destroy(&w->room);
		free(w);
		return NULL;
	}
	return w;
}

static int
failure(struct bgwrite *w, struct perr *e)
{
	if (w->failed.code == 0)
		return 0;
	*e = w->failed;
	return -1;
}

int
bgwrite_put(struct bgwrite *w, int dirfd, const char *name, unsigned mode,
    int fix_mode, struct strbuf *text, const char *path, struct perr *e)
{
	struct strbuf swap;
	struct job *j;
	int rc;

	pthread_mutex_lock(&w->mu);
	while (w->count == NJOBS && w->failed.code == 0) {
		w->waiting = 1;
		pthread_cond_wait(&w->room, &w->mu);
		w->waiting = 0;
	}
	if ((rc = failure(w, e)) == 0) {
		j = &w->jobs[(w->head + w->count) % NJOBS];
		j->dirfd = dirfd;
		j->mode = mode;
		j->fix_mode = fix_mode;
		snprintf(j->name, sizeof(j->name), "%s", name);
		snprintf(j->path, sizeof(j->path), "%s", path);
		swap = j->text;
		j->text = *text;
		*text = swap;
		strbuf_reset(text);
		w->count++;
		/* Woken for a run of files, not for each. */
		if (w->idle && w->count >= WAKE)
			pthread_cond_signal(&w->more);
	}
	pthread_mutex_unlock(&w->mu);
	return rc;
}

int
bgwrite_wait(struct bgwrite *w, struct perr *e)
{
	int rc;

	pthread_mutex_lock(&w->mu);
	if (w->idle && w->count > 0)
		pthread_cond_signal(&w->more);
	while (w->count > 0) {
		w->waiting = 1;
		pthread_cond_wait(&w->room, &w->mu);
		w->waiting = 0;
	}
	rc = failure(w, e);
	pthread_mutex_unlock(&w->mu);
	return rc;
}

void
bgwrite_free(struct bgwrite *w)
{
	size_t i;

	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	w->quit = 1;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->tid, NULL);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->more);
	pthread_cond_destroy(&w->room);
	for (i = 0; i < NJOBS; i++)
		strbuf_release(&w->jobs[i].text);
	free(w);
}
