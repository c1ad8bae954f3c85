#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan.h"

#define NBUF 2		/* batches in flight: one parsed, one consumed */
#define SCAN_CLAIM 8	/* files a reader takes at a time */
#define MAX_THREADS 8

struct slot {
	struct node *doc;
	struct node_pool trees;	/* where doc lives, unless libyaml read it */
	struct perr bad;
	char path[300];
};

struct scan_pool {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	pthread_t tid[MAX_THREADS];
	int nthreads, quit;
	scan_read_fn read;
	/* The folder being read. */
	int dirfd;
	const char *dir;
	char *const *names;
	size_t n;
	size_t next;		/* next file to claim */
	size_t limit;		/* files below it may be claimed */
	size_t left[NBUF];	/* files of each buffer not yet parsed */
	unsigned long gen;	/* a new folder was set up */
	int draining;		/* the caller stopped early and waits */
	struct slot *buf;	/* NBUF * SCAN_BATCH */
};

/* The caller is done with the tree of s. */
static void
slot_clear(struct slot *s)
{
	node_free(s->doc);
	s->doc = NULL;
	node_pool_reset(&s->trees);
}

static void
parse_one(struct scan_pool *p, size_t i, int dirfd, const char *dir,
    const char *name, struct strbuf *scratch)
{
	struct slot *s = &p->buf[i % (NBUF * SCAN_BATCH)];

	perr_clear(&s->bad);
	snprintf(s->path, sizeof(s->path), "%s/%s", dir, name);
	s->doc = p->read(dirfd, name, s->path, scratch, &s->trees, &s->bad);
}

/*
 * Readers claim a few files at a time and wake the caller only when a
 * batch is complete (or when it drains after stopping early): a lock
 * and a wake-up per file cost more than the parse on big trees.
 */
static void *
worker(void *arg)
{
	struct scan_pool *p = arg;
	struct strbuf scratch = STRBUF_INIT;
	size_t i, j, end, k;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->quit && p->next >= p->limit)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->quit)
			break;
		i = p->next;
		end = (i / SCAN_BATCH + 1) * SCAN_BATCH;
		j = i + SCAN_CLAIM;
		if (j > end)
			j = end;
		if (j > p->limit)
			j = p->limit;
		p->next = j;
		{
			int dirfd = p->dirfd;
			const char *dir = p->dir;
			char *const *names = p->names;

			pthread_mutex_unlock(&p->mu);
			for (k = i; k < j; k++)
				parse_one(p, k, dirfd, dir, names[k],
				    &scratch);
			pthread_mutex_lock(&p->mu);
		}
		p->left[(i / SCAN_BATCH) % NBUF] -= j - i;
		if (p->left[(i / SCAN_BATCH) % NBUF] == 0 || p->draining)
			pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	strbuf_release(&scratch);
	return NULL;
}

struct scan_pool *
scan_pool_new(int nthreads, scan_read_fn read)
{
	struct scan_pool *p;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int i;

	if (nthreads <= 0)
		nthreads = cpus > 0 ? (int)cpus : 1;
	if (nthreads > MAX_THREADS)
		nthreads = MAX_THREADS;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	if ((p->buf = calloc(NBUF * SCAN_BATCH, sizeof(*p->buf))) == NULL) {
		free(p);
		return NULL;
	}
	p->read = read;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	for (i = 0; i < nthreads; i++) {
		if (pthread_create(&p->tid[i], NULL, worker, p) != 0)
			break;
		p->nthreads++;
	}
	if (p->nthreads == 0) {
		scan_pool_free(p);
		return NULL;
	}
	return p;
}

void
scan_pool_free(struct scan_pool *p)
{
	int i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->quit = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (i = 0; i < p->nthreads; i++)
		pthread_join(p->tid[i], NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	for (i = 0; i < NBUF * SCAN_BATCH; i++)
		node_pool_release(&p->buf[i].trees);
	free(p->buf);
	free(p);
}

static size_t
batch_len(size_t n, size_t batch)
{
	size_t start = batch * SCAN_BATCH;

	return n - start < SCAN_BATCH ? n - start : SCAN_BATCH;
}

/* Let the readers claim the files of batch b into its buffer. */
static void
open_batch(struct scan_pool *p, size_t b)
{
	p->left[b % NBUF] = batch_len(p->n, b);
	p->limit = b * SCAN_BATCH + p->left[b % NBUF];
	pthread_cond_broadcast(&p->work);
}

int
scan_pool_run(struct scan_pool *p, int dirfd, const char *dir,
    char *const *names, size_t n, scan_back_fn back, void *ctx)
{
	size_t nbatch = (n + SCAN_BATCH - 1) / SCAN_BATCH, b, i, k;
	int rc = 0;

	if (n == 0)
		return 0;
	pthread_mutex_lock(&p->mu);
	p->dirfd = dirfd;
	p->dir = dir;
	p->names = names;
	p->n = n;
	p->next = 0;
	p->draining = 0;
	p->gen++;
	for (b = 0; b < nbatch && b < NBUF; b++)
		open_batch(p, b);
	for (b = 0; b < nbatch; b++) {
		while (p->left[b % NBUF] != 0)
			pthread_cond_wait(&p->done, &p->mu);
		pthread_mutex_unlock(&p->mu);
		k = batch_len(n, b);
		for (i = 0; i < k; i++) {
			struct slot *s = &p->buf[(b * SCAN_BATCH + i) %
			    (NBUF * SCAN_BATCH)];

			if (rc == 0)
				rc = back(ctx, b * SCAN_BATCH + i, s->path,
				    s->doc, s->doc == NULL ? &s->bad : NULL);
			slot_clear(s);
		}
		pthread_mutex_lock(&p->mu);
		if (rc != 0) {
			/* Let the batch in flight finish, then drop it. */
			p->limit = p->next;
			p->draining = 1;
			for (k = b + 1; k < nbatch && k < b + NBUF; k++) {
				/* Files claimed but not yet parsed. */
				while (p->next > k * SCAN_BATCH &&
				    p->left[k % NBUF] > k * SCAN_BATCH +
				    batch_len(n, k) - p->next)
					pthread_cond_wait(&p->done, &p->mu);
				for (i = 0; i < batch_len(n, k); i++) {
					struct slot *s = &p->buf[(k *
					    SCAN_BATCH + i) % (NBUF * SCAN_BATCH)];

					slot_clear(s);
				}
			}
			break;
		}
		if (b + NBUF < nbatch)
			open_batch(p, b + NBUF);
	}
	pthread_mutex_unlock(&p->mu);
	return rc;
}
