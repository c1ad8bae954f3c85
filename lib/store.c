#define _GNU_SOURCE	/* syncfs(2) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "array.h"
#include "bgwrite.h"
#include "fileio.h"
#include "store.h"
#include "strbuf.h"
#include "strset.h"
#include "yamlio.h"

#define POLICY_FILE "plaint.yaml"
#define TMP_PREFIX ".tmp-"
#define TMP_MAX_AGE (36 * 3600)	/* Maildir's rule for orphans */

static int
is_tree(const char *dir)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/%s", dir, POLICY_FILE) >=
	    (int)sizeof(path))
		return 0;
	return access(path, F_OK) == 0;
}

static int
not_a_tree(struct perr *e, const char *where, int walked)
{
	perr_set(e, PLAINT_CONFIG, "not a plaint tree (no plaint.yaml in "
	    "%s%s); create one with 'plaint init DIR'", where,
	    walked ? " or above" : "");
	return -1;
}

int
store_find_root(const char *dir, char **out, struct perr *e)
{
	char cwd[PATH_MAX], *slash;

	*out = NULL;
	if (dir == NULL || *dir == '\0')
		dir = getenv("PLAINT_DIR");
	if (dir != NULL && *dir != '\0') {
		if (realpath(dir, cwd) == NULL)
			return perr_errno(e, PLAINT_CONFIG, errno,
			    "cannot find the tree", dir);
		if (!is_tree(cwd))
			return not_a_tree(e, dir, 0);
		goto found;
	}
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return perr_errno(e, PLAINT_CONFIG, errno,
		    "cannot get the working directory", NULL);
	for (;;) {
		if (is_tree(cwd))
			goto found;
		if ((slash = strrchr(cwd, '/')) == NULL || slash == cwd)
			break;
		*slash = '\0';
	}
	if (cwd[0] == '/' && cwd[1] != '\0' && (cwd[1] = '\0', is_tree(cwd)))
		goto found;
	return not_a_tree(e, "the working directory", 1);
found:
	if ((*out = strdup(cwd)) == NULL)
		return perr_nomem(e);
	return 0;
}

/* Read once, before any thread: umask(2) can only be read by setting it. */
static unsigned
process_umask(void)
{
	mode_t m = umask(077);

	umask(m);
	return (unsigned)m;
}

int
store_open(struct store *s, const char *root, struct perr *e)
{
	char path[PATH_MAX];

	memset(s, 0, sizeof(*s));
	s->rootfd = s->lockfd = -1;
	if ((s->root = strdup(root)) == NULL)
		return perr_nomem(e);
	s->rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (s->rootfd == -1) {
		/* No tree there is configuration; a failing disk is not. */
		perr_errno(e, errno == ENOENT ? PLAINT_CONFIG : PLAINT_IOERR,
		    errno, "cannot open the tree", root);
		perr_as_config(e);
		goto fail;
	}
	snprintf(path, sizeof(path), "%s/%s", root, POLICY_FILE);
	if (policy_load(&s->policy, path, e) == -1)
		goto fail;
	s->pid = (long)getpid();
	s->fix_mode = (process_umask() & s->policy.file_mode) != 0;
	return 0;
fail:
	store_close(s);
	return -1;
}

void
store_close(struct store *s)
{
	scan_pool_free(s->pool);
	s->pool = NULL;
	store_unlock(s);
	if (s->rootfd != -1)
		close(s->rootfd);
	s->rootfd = -1;
	policy_release(&s->policy);
	free(s->root);
	s->root = NULL;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
store_lock(struct store *s, long timeout_ms, struct perr *e)
{
	long start, wait = 1;
	int fd, dfd, saved;

	if (s->lockfd != -1)
		return 0;
	if (mkdirat(s->rootfd, ".plaint", s->policy.dir_mode) == -1 &&
	    errno != EEXIST)
		return perr_errno(e, PLAINT_CANTCREAT, errno,
		    "cannot create .plaint", s->root);
	/* Neither .plaint nor its lock is followed if it is a link. */
	if ((dfd = openat(s->rootfd, ".plaint", O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC)) == -1)
		return perr_errno(e, PLAINT_CANTCREAT, errno == ELOOP ||
		    errno == ENOTDIR ? ENOTDIR : errno, "cannot open the "
		    "folder of the lock (it must be a folder, not a link)",
		    ".plaint");
	fd = openat(dfd, "lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	saved = errno;
	close(dfd);
	if (fd == -1)
		return perr_errno(e, PLAINT_CANTCREAT, saved,
		    "cannot open the lock file", ".plaint/lock");
	start = now_ms();
	while (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			close(fd);
			return perr_errno(e, PLAINT_IOERR, errno,
			    "cannot lock", ".plaint/lock");
		}
		if (now_ms() - start >= timeout_ms) {
			close(fd);
			return perr_set(e, PLAINT_TEMPFAIL, "busy: another "
			    "plaint is changing this tree (waited %ld ms); "
			    "try again", timeout_ms);
		}
		/* Jittered backoff, so that waiters do not move in step. */
		sleep_ms(wait + rand() % (wait + 1));
		if (wait < 16)
			wait *= 2;
	}
	s->lockfd = fd;
	return 0;
}

void
store_unlock(struct store *s)
{
	if (s->lockfd == -1)
		return;
	close(s->lockfd);	/* releases the flock */
	s->lockfd = -1;
}

/* Ids */

static int
parse_digits(const char *s, size_t n, long *out)
{
	long v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
complaint_id_parse(const char *s, struct complaint_id *id)
{
	const char *dash = strchr(s, '-');
	size_t plen = 0, slen;
	long yy, mm, serial;

	memset(id, 0, sizeof(*id));
	if (strlen(s) > STORE_ID_MAX || dash == NULL)
		return -1;
	if (s[0] >= 'A' && s[0] <= 'Z') {
		plen = (size_t)(dash - s);
		if (plen > 8 || strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789") != plen)
			return -1;
		memcpy(id->prefix, s, plen);
		s = dash + 1;
	}
	if (parse_digits(s, 2, &yy) == -1 || parse_digits(s + 2, 2, &mm) ==
	    -1 || s[4] != '-' || mm < 1 || mm > 12)
		return -1;
	s += 5;
	slen = strlen(s);
	if (slen < 4 || slen > 9 || parse_digits(s, slen, &serial) == -1 ||
	    serial < 1 || (slen > 4 && s[0] == '0'))
		return -1;
	id->year = 2000 + (int)yy;
	id->month = (int)mm;
	id->serial = serial;
	return 0;
}

void
complaint_id_format(const struct complaint_id *id, char buf[STORE_ID_BUFSZ])
{
	snprintf(buf, STORE_ID_BUFSZ, "%s%s%02d%02d-%04ld", id->prefix,
	    id->prefix[0] ? "-" : "", id->year % 100, id->month, id->serial);
}

void
complaint_id_path(const struct complaint_id *id, char *buf, size_t size)
{
	char name[STORE_ID_BUFSZ];

	complaint_id_format(id, name);
	snprintf(buf, size, "%04d/%02d/%s.yaml", id->year, id->month, name);
}

/* Folders */

static int
open_subdir(struct store *s, int parent, const char *name, int create,
    const char *path, struct perr *e)
{
	int fd;

	for (;;) {
		fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (fd != -1)
			return fd;
		if (errno == ENOENT && create) {
			if (mkdirat(parent, name, s->policy.dir_mode) == -1 &&
			    errno != EEXIST)
				return perr_errno(e, PLAINT_CANTCREAT, errno,
				    "cannot create folder", path);
			fd = openat(parent, name, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);
			if (fd == -1)
				break;
			/* The umask must not decide who reads complaints. */
			if (fchmod(fd, s->policy.dir_mode) == -1 ||
			    fileio_fsync_dir(parent) == -1) {
				perr_errno(e, PLAINT_IOERR, errno,
				    "cannot set up folder", path);
				close(fd);
				return -1;
			}
			return fd;
		}
		break;
	}
	if (errno == ELOOP || errno == ENOTDIR)
		return perr_set(e, PLAINT_DATAERR, "%s: not a folder inside "
		    "the tree (symbolic links are not followed)", path);
	return perr_errno(e, errno == ENOENT ? PLAINT_NOINPUT : PLAINT_IOERR,
	    errno, "cannot open folder", path);
}

static int
open_month(struct store *s, int year, int month, int create, struct perr *e)
{
	char y[8], m[4], path[16];
	int yfd, mfd;

	snprintf(y, sizeof(y), "%04d", year);
	snprintf(m, sizeof(m), "%02d", month);
	snprintf(path, sizeof(path), "%s/%s", y, m);
	if ((yfd = open_subdir(s, s->rootfd, y, create, y, e)) == -1)
		return -1;
	mfd = open_subdir(s, yfd, m, create, path, e);
	close(yfd);
	return mfd;
}

/* Reading */

/*
 * A file's id must be its name's: a copy or a hand edit that disagrees
 * would be exported, and imported elsewhere, under the wrong id.
 */
static int
check_id(const struct node *doc, const char *idstr, const char *path,
    struct perr *e)
{
	const struct node *n = node_map_get(doc, "id");
	const char *have = node_str(n);

	if (have != NULL && strcmp(have, idstr) == 0)
		return 0;
	if (have == NULL)
		perr_set(e, PLAINT_DATAERR, "the file has no id (its name says "
		    "\"%s\")", idstr);
	else
		perr_set(e, PLAINT_DATAERR, "\"%.40s\" does not match the "
		    "file's name (\"%s\"): correct one of them", have, idstr);
	perr_field(e, "id");
	perr_at(e, path, n != NULL ? n->line : 0, n != NULL ? n->col : 0);
	return -1;
}

static struct node *
read_at(int dirfd, const char *name, const char *path, struct strbuf *sb,
    struct node_pool *pool, struct perr *e)
{
	struct node *doc = NULL;
	int fd;

	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK);
	if (fd == -1) {
		if (errno == ELOOP)
			perr_set(e, PLAINT_DATAERR, "%s: is a symbolic link, "
			    "not followed", path);
		else
			perr_errno(e, errno == ENOENT ? PLAINT_NOINPUT :
			    PLAINT_IOERR, errno, "cannot open", path);
		return NULL;
	}
	strbuf_reset(sb);
	if (fileio_read_fd(fd, YAMLIO_MAX_FILE, sb, path, e) == 0)
		doc = yamlio_parse_pool(strbuf_str(sb), sb->len, path, pool,
		    e);
	close(fd);
	if (doc != NULL && doc->type != NODE_MAP) {
		perr_set(e, PLAINT_DATAERR, "a complaint must be a mapping");
		perr_at(e, path, doc->line, doc->col);
		node_free(doc);
		doc = NULL;
	}
	return doc;
}

struct node *
store_read(struct store *s, const struct complaint_id *id, struct perr *e)
{
	char path[64], name[STORE_ID_BUFSZ + 8], idstr[STORE_ID_BUFSZ];
	struct strbuf sb = STRBUF_INIT;
	struct node *doc;
	int mfd;

	complaint_id_format(id, idstr);
	complaint_id_path(id, path, sizeof(path));
	snprintf(name, sizeof(name), "%s.yaml", idstr);
	if ((mfd = open_month(s, id->year, id->month, 0, e)) == -1) {
		if (e->code == PLAINT_NOINPUT) {
			perr_clear(e);
			perr_set(e, PLAINT_NOINPUT, "no such complaint \"%s\"",
			    idstr);
		}
		return NULL;
	}
	doc = read_at(mfd, name, path, &sb, NULL, e);
	strbuf_release(&sb);
	close(mfd);
	if (doc != NULL && check_id(doc, idstr, path, e) == -1) {
		node_free(doc);
		return NULL;
	}
	if (doc == NULL && e->code == PLAINT_NOINPUT) {
		perr_clear(e);
		perr_set(e, PLAINT_NOINPUT, "no such complaint \"%s\"", idstr);
	}
	return doc;
}

int
store_folder_extra_mode(struct store *s, int year, int month,
    unsigned *extra, char *folder, size_t size, struct perr *e)
{
	struct stat st;
	int m;

	/* The year's folder first, then the month's. */
	for (m = 0; m < 2; m++) {
		if (m == 0)
			snprintf(folder, size, "%04d", year);
		else
			snprintf(folder, size, "%04d/%02d", year, month);
		if (fstatat(s->rootfd, folder, &st, AT_SYMLINK_NOFOLLOW) == -1)
			return perr_errno(e, PLAINT_IOERR, errno,
			    "cannot stat", folder);
		*extra = (unsigned)(st.st_mode & 07777 & ~s->policy.dir_mode);
		if (*extra != 0)
			return 0;
	}
	return 0;
}

int
store_extra_mode(struct store *s, const struct complaint_id *id,
    unsigned *extra, struct perr *e)
{
	char path[64];
	struct stat st;

	complaint_id_path(id, path, sizeof(path));
	if (fstatat(s->rootfd, path, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return perr_errno(e, PLAINT_IOERR, errno, "cannot stat", path);
	*extra = (unsigned)(st.st_mode & 07777 & ~s->policy.file_mode);
	return 0;
}

/* Writing */

static int write_tmp_sync(struct store *, int, const struct node *, char *,
    size_t, const char *, int, struct perr *);

/* A temporary name no other writer uses: check -x knows it by its pid. */
static void
tmp_name(struct store *s, char *tmp, size_t size)
{
	snprintf(tmp, size, TMP_PREFIX "%ld-%u", s->pid, s->tmp_seq++);
}

static int
write_tmp(struct store *s, int dirfd, const struct node *doc, char *tmp,
    size_t tmpsize, const char *path, struct perr *e)
{
	return write_tmp_sync(s, dirfd, doc, tmp, tmpsize, path, 1, e);
}

/* Write text to a new temporary file in dirfd; fsync it if sync is set. */
static int
create_tmp(struct store *s, int dirfd, const struct strbuf *text, char *tmp,
    size_t tmpsize, const char *path, int sync, struct perr *e)
{
	tmp_name(s, tmp, tmpsize);
	switch (fileio_create_at(dirfd, tmp, s->policy.file_mode, s->fix_mode,
	    text->buf, text->len, sync)) {
	case 0:
		return 0;
	case -1:
		return perr_errno(e, PLAINT_CANTCREAT, errno, "cannot create",
		    path);
	default:
		return perr_errno(e, PLAINT_IOERR, errno, "cannot write", path);
	}
}

/* Write doc to a new temporary file in dirfd; fsync it if sync is set. */
static int
write_tmp_sync(struct store *s, int dirfd, const struct node *doc, char *tmp,
    size_t tmpsize, const char *path, int sync, struct perr *e)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = -1;

	if (yamlio_emit(doc, &sb, e) == 0)
		rc = create_tmp(s, dirfd, &sb, tmp, tmpsize, path, sync, e);
	else if (e->path[0] == '\0')
		perr_at(e, path, 0, 0);
	strbuf_release(&sb);
	return rc;
}

int
store_replace(struct store *s, const struct complaint_id *id,
    const struct node *doc, struct perr *e)
{
	char path[64], name[STORE_ID_BUFSZ + 8], idstr[STORE_ID_BUFSZ];
	char tmp[64];
	int mfd, rc = -1;

	complaint_id_format(id, idstr);
	complaint_id_path(id, path, sizeof(path));
	snprintf(name, sizeof(name), "%s.yaml", idstr);
	if ((mfd = open_month(s, id->year, id->month, 0, e)) == -1)
		return -1;
	if (write_tmp(s, mfd, doc, tmp, sizeof(tmp), path, e) == -1)
		goto done;
	if (renameat(mfd, tmp, mfd, name) == -1) {
		perr_errno(e, PLAINT_IOERR, errno, "cannot replace", path);
		unlinkat(mfd, tmp, 0);
		goto done;
	}
	if (fileio_fsync_dir(mfd) == -1) {
		perr_errno(e, PLAINT_IOERR, errno, "cannot sync folder of",
		    path);
		goto done;
	}
	rc = 0;
done:
	close(mfd);
	return rc;
}

/*
 * The highest serial of want's month and prefix among the files of
 * dirfd, and, when names is not NULL, the name of every file there
 * (less ".yaml") added to it.  -1 with errno when it cannot be listed.
 */
static long
month_serials(int dirfd, const struct complaint_id *want,
    struct strset *names)
{
	struct complaint_id id;
	struct dirent *de;
	char name[STORE_ID_BUFSZ + 8];
	long max = 0;
	size_t len;
	DIR *d;
	int fd = dup(dirfd);

	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return -1;
	}
	rewinddir(d);	/* a dup shares the offset of an fd read before */
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 6 || len >= sizeof(name) ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		memcpy(name, de->d_name, len - 5);
		name[len - 5] = '\0';
		if (names != NULL && strset_add(names, name, 0, NULL) == -1) {
			closedir(d);
			errno = ENOMEM;
			return -1;
		}
		if (complaint_id_parse(name, &id) == 0 &&
		    id.year == want->year && id.month == want->month &&
		    strcmp(id.prefix, want->prefix) == 0 && id.serial > max)
			max = id.serial;
	}
	closedir(d);
	return max;
}

int
store_create(struct store *s, int year, int month, struct node *doc,
    struct complaint_id *id, struct perr *e)
{
	char path[64], name[STORE_ID_BUFSZ + 8], idstr[STORE_ID_BUFSZ];
	char tmp[64];
	int mfd, rc = -1;
	long serial;

	memset(id, 0, sizeof(*id));
	snprintf(id->prefix, sizeof(id->prefix), "%s", s->policy.prefix);
	id->year = year;
	id->month = month;
	if ((mfd = open_month(s, year, month, 1, e)) == -1)
		return -1;
	if ((serial = month_serials(mfd, id, NULL)) == -1) {
		perr_errno(e, PLAINT_IOERR, errno, "cannot list folder", NULL);
		goto done;
	}
	for (id->serial = serial + 1;; id->serial++) {
		complaint_id_format(id, idstr);
		complaint_id_path(id, path, sizeof(path));
		snprintf(name, sizeof(name), "%s.yaml", idstr);
		if (node_map_set_at(doc, 0, "id", node_new_str(idstr)) == -1) {
			perr_nomem(e);
			goto done;
		}
		if (write_tmp(s, mfd, doc, tmp, sizeof(tmp), path, e) == -1)
			goto done;
		/* link(2) refuses an existing name: never overwrite. */
		if (linkat(mfd, tmp, mfd, name, 0) == 0)
			break;
		if (errno != EEXIST) {
			perr_errno(e, PLAINT_CANTCREAT, errno, "cannot create",
			    path);
			unlinkat(mfd, tmp, 0);
			goto done;
		}
		unlinkat(mfd, tmp, 0);
	}
	/*
	 * The complaint is filed now that its name exists: what fails from
	 * here on must not make a caller file it again.
	 */
	rc = 0;
	if (unlinkat(mfd, tmp, 0) == -1) {
		perr_errno(e, PLAINT_IOERR, errno, "filed, but its temporary "
		    "file stays until 'plaint check -x' removes it", path);
		e->code = PLAINT_OK;
		rc = 1;
	}
	if (fileio_fsync_dir(mfd) == -1) {
		perr_clear(e);
		perr_errno(e, PLAINT_IOERR, errno, "filed, but its folder "
		    "could not be synced to disk", path);
		rc = 1;
	}
done:
	close(mfd);
	return rc;
}

/* Scanning */

struct name_list {
	char **v;
	size_t n, cap;
};

static void
names_free(struct name_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static int
names_add(struct name_list *l, const char *name)
{
	if (ARRAY_GROW(l->v, l->n, l->cap) == -1)
		return -1;
	if ((l->v[l->n] = strdup(name)) == NULL)
		return -1;
	l->n++;
	return 0;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[n] == '\0';
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Complaint files sort by prefix, then serial: 2611-9999 < 2611-10000. */
static int
cmp_file(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t lx = strcspn(x, "."), ly = strcspn(y, ".");
	const char *dx = x + lx, *dy = y + ly;

	while (dx > x && dx[-1] >= '0' && dx[-1] <= '9')
		dx--;
	while (dy > y && dy[-1] >= '0' && dy[-1] <= '9')
		dy--;
	if (dx - x == dy - y && strncmp(x, y, (size_t)(dx - x)) == 0 &&
	    lx - (size_t)(dx - x) != ly - (size_t)(dy - y))
		return lx < ly ? -1 : 1;
	return strcmp(x, y);
}

/* List the entries of dirfd that keep(name) accepts, sorted by cmp. */
static int
list_dir(int dirfd, int (*keep)(const char *), int (*cmp)(const void *,
    const void *), struct name_list *out)
{
	struct dirent *de;
	DIR *d;
	int fd = dup(dirfd);

	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return -1;
	}
	/* A dup shares its offset: the root may have been listed before. */
	rewinddir(d);
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		if (keep(de->d_name) && names_add(out, de->d_name) == -1) {
			closedir(d);
			errno = ENOMEM;
			return -1;
		}
	}
	closedir(d);
	if (out->n > 1)		/* qsort(NULL, 0, ...) is undefined */
		qsort(out->v, out->n, sizeof(*out->v), cmp);
	return 0;
}

static int
keep_year(const char *n)
{
	return all_digits(n, 4);
}

static int
keep_month(const char *n)
{
	return all_digits(n, 2);
}

static int
keep_yaml(const char *n)
{
	size_t len = strlen(n);

	return n[0] != '.' && len > 5 && strcmp(n + len - 5, ".yaml") == 0;
}

static int
keep_tmp(const char *n)
{
	return strncmp(n, TMP_PREFIX, strlen(TMP_PREFIX)) == 0;
}

struct month_arg {
	store_scan_fn fn;
	void *ctx;
	struct perr *e;
	char *const *names;
	const struct policy *policy;
};

/*
 * A status its workflow does not have, or a received that is not a
 * time, would be counted or listed wrong (in no state a filter takes,
 * in no period): the readers skip such a file, as one that is not YAML.
 * Two lookups in a tree parsed anyway: a scan costs no more.
 */
static int
check_readable(const struct policy *p, const struct node *doc,
    const char *path, struct perr *e)
{
	const struct node *st = node_map_get(doc, "status");
	const struct node *r = node_map_get(doc, "received");
	const struct node *at;
	ptime_t t;
	int off;

	/* Before policy_load_workflows no workflow can say. */
	if (p->default_workflow != NULL &&
	    !workflow_is_state(policy_record_workflow(p, doc), node_str(st))) {
		if (node_str(st) == NULL)
			perr_set(e, PLAINT_DATAERR, "missing or not a known "
			    "status");
		else
			perr_set(e, PLAINT_DATAERR, "missing or not a known "
			    "status: \"%.40s\" is not a state of the "
			    "record's workflow", st->str);
		perr_field(e, "status");
		at = st != NULL ? st : doc;
	} else if (node_str(r) == NULL ||
	    ptime_parse(r->str, p->tz_off, &t, &off) == -1) {
		if (node_str(r) == NULL)
			perr_set(e, PLAINT_DATAERR, "missing or not a time");
		else
			perr_set(e, PLAINT_DATAERR, "\"%.40s\" is not a time",
			    r->str);
		perr_field(e, "received");
		at = r != NULL ? r : doc;
	} else
		return 0;
	perr_at(e, path, at->line, at->col);
	return -1;
}

/* One complaint of a month, in order: check its name, hand it on. */
static int
scan_one(void *arg, size_t i, const char *path, const struct node *doc,
    const struct perr *bad)
{
	struct month_arg *m = arg;
	struct complaint_id id;
	char idstr[STORE_ID_BUFSZ + 8];
	struct perr why;
	size_t len = strlen(m->names[i]) - 5;

	if (len >= sizeof(idstr))
		len = sizeof(idstr) - 1;
	memcpy(idstr, m->names[i], len);
	idstr[len] = '\0';
	if (complaint_id_parse(idstr, &id) == -1) {
		perr_clear(&why);
		perr_set(&why, PLAINT_DATAERR, "file name is not a complaint id");
		perr_at(&why, path, 0, 0);
		return m->fn(m->ctx, path, NULL, NULL, &why, m->e);
	}
	perr_clear(&why);
	if (doc != NULL && (check_id(doc, idstr, path, &why) == -1 ||
	    check_readable(m->policy, doc, path, &why) == -1))
		return m->fn(m->ctx, path, NULL, NULL, &why, m->e);
	return m->fn(m->ctx, path, doc == NULL ? NULL : &id, doc, bad, m->e);
}


/*
 * Threads pay where there are enough files to share: each reader parses
 * a complaint while the caller consumes the one before.  PLAINT_THREADS
 * sets how many (1 reads on the caller's thread alone).
 */
static struct scan_pool *
scan_pool(struct store *s, size_t nfiles)
{
	const char *env = getenv("PLAINT_THREADS");
	int n = env != NULL ? atoi(env) : 0;

	if (s->pool != NULL || nfiles < 2 * SCAN_BATCH || n == 1)
		return s->pool;
	s->pool = scan_pool_new(n, read_at);
	return s->pool;
}

static int
scan_month(struct store *s, int mfd, const char *dir, store_scan_fn fn,
    void *ctx, struct perr *e)
{
	struct name_list files = { 0 };
	struct month_arg m = { fn, ctx, e, NULL, &s->policy };
	struct strbuf sb = STRBUF_INIT;
	struct node_pool trees = NODE_POOL_INIT;
	struct scan_pool *pool;
	size_t i;
	int rc = 0;

	if (list_dir(mfd, keep_yaml, cmp_file, &files) == -1) {
		names_free(&files);
		return perr_errno(e, PLAINT_IOERR, errno, "cannot list", dir);
	}
	m.names = files.v;
	if ((pool = scan_pool(s, files.n)) != NULL)
		rc = scan_pool_run(pool, mfd, dir, files.v, files.n, scan_one,
		    &m);
	else
		for (i = 0; i < files.n && rc == 0; i++) {
			char path[PATH_MAX];
			struct perr bad;
			struct node *doc;

			perr_clear(&bad);
			snprintf(path, sizeof(path), "%s/%s", dir, files.v[i]);
			doc = read_at(mfd, files.v[i], path, &sb, &trees,
			    &bad);
			rc = scan_one(&m, i, path, doc, &bad);
			node_free(doc);
			node_pool_reset(&trees);
		}
	strbuf_release(&sb);
	node_pool_release(&trees);
	names_free(&files);
	return rc;
}

static int
walk_months(struct store *s, int (*visit)(struct store *, int, const char *,
    void *, const struct perr *, struct perr *), void *arg, struct perr *e)
{
	struct name_list years = { 0 }, months = { 0 };
	char path[16];
	size_t i, j;
	int rc = 0;

	if (list_dir(s->rootfd, keep_year, cmp_str, &years) == -1) {
		names_free(&years);
		return perr_errno(e, PLAINT_IOERR, errno, "cannot list",
		    s->root);
	}
	for (i = 0; i < years.n && rc == 0; i++) {
		struct perr bad;
		int yfd;

		perr_clear(&bad);
		yfd = open_subdir(s, s->rootfd, years.v[i], 0, years.v[i], &bad);
		if (yfd == -1) {
			/* A link or a stray file: say so, go on. */
			rc = visit(s, -1, years.v[i], arg, &bad, e);
			continue;
		}
		if (list_dir(yfd, keep_month, cmp_str, &months) == -1)
			rc = perr_errno(e, PLAINT_IOERR, errno, "cannot list",
			    years.v[i]);
		for (j = 0; j < months.n && rc == 0; j++) {
			int mfd;

			snprintf(path, sizeof(path), "%s/%s", years.v[i],
			    months.v[j]);
			perr_clear(&bad);
			mfd = open_subdir(s, yfd, months.v[j], 0, path, &bad);
			rc = visit(s, mfd, path, arg, mfd == -1 ? &bad : NULL,
			    e);
			if (mfd != -1)
				close(mfd);
		}
		names_free(&months);
		close(yfd);
	}
	names_free(&years);
	return rc;
}

struct scan_arg {
	store_scan_fn fn;
	void *ctx;
};

static int
visit_scan(struct store *s, int mfd, const char *dir, void *arg,
    const struct perr *bad, struct perr *e)
{
	struct scan_arg *a = arg;

	if (mfd == -1)
		return a->fn(a->ctx, dir, NULL, NULL, bad, e);
	return scan_month(s, mfd, dir, a->fn, a->ctx, e);
}

int
store_scan(struct store *s, store_scan_fn fn, void *ctx, struct perr *e)
{
	struct scan_arg a = { fn, ctx };

	return walk_months(s, visit_scan, &a, e);
}

struct sweep_arg {
	int remove;
	long found, removed;
};

static int
tmp_is_orphan(int mfd, const char *name)
{
	struct stat st;
	char *end;
	long pid = strtol(name + strlen(TMP_PREFIX), &end, 10);

	if (pid == (long)getpid())
		return 0;
	if (pid > 0 && *end == '-' && kill((pid_t)pid, 0) == -1 &&
	    errno == ESRCH)
		return 1;
	return fstatat(mfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    time(NULL) - st.st_mtime > TMP_MAX_AGE;
}

static int
visit_sweep(struct store *s, int mfd, const char *dir, void *arg,
    const struct perr *bad, struct perr *e)
{
	struct sweep_arg *a = arg;
	struct name_list tmps = { 0 };
	size_t i;
	int rc = 0;

	(void)s;
	if (mfd == -1 || bad != NULL)
		return 0;
	if (list_dir(mfd, keep_tmp, cmp_str, &tmps) == -1) {
		names_free(&tmps);
		return perr_errno(e, PLAINT_IOERR, errno, "cannot list", dir);
	}
	for (i = 0; i < tmps.n; i++) {
		if (!tmp_is_orphan(mfd, tmps.v[i]))
			continue;
		a->found++;
		if (!a->remove)
			continue;
		if (unlinkat(mfd, tmps.v[i], 0) == -1 && errno != ENOENT) {
			rc = perr_errno(e, PLAINT_IOERR, errno,
			    "cannot remove leftover in", dir);
			break;
		}
		a->removed++;
	}
	names_free(&tmps);
	return rc;
}

int
store_sweep(struct store *s, int remove, long *found, long *removed,
    struct perr *e)
{
	struct sweep_arg a = { remove, 0, 0 };
	int rc = walk_months(s, visit_sweep, &a, e);

	if (found != NULL)
		*found = a.found;
	if (removed != NULL)
		*removed = a.removed;
	return rc;
}

/* Text scans */

struct text_arg {
	store_text_fn fn;
	void *ctx;
	struct strbuf sb;
};

static int
visit_text(struct store *s, int mfd, const char *dir, void *arg,
    const struct perr *bad, struct perr *e)
{
	struct text_arg *a = arg;
	struct name_list files = { 0 };
	char path[PATH_MAX];
	size_t i;
	int rc = 0, fd;

	(void)s;
	if (mfd == -1) {
		*e = *bad;
		return a->fn(a->ctx, dir, NULL, 0, e);
	}
	if (list_dir(mfd, keep_yaml, cmp_file, &files) == -1) {
		names_free(&files);
		return perr_errno(e, PLAINT_IOERR, errno, "cannot list", dir);
	}
	for (i = 0; i < files.n && rc == 0; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files.v[i]);
		fd = openat(mfd, files.v[i], O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
		    O_NONBLOCK);
		if (fd == -1) {
			if (errno == ELOOP)
				perr_set(e, PLAINT_DATAERR, "%s: is a symbolic "
				    "link, not followed", path);
			else
				perr_errno(e, PLAINT_IOERR, errno,
				    "cannot open", path);
			rc = a->fn(a->ctx, path, NULL, 0, e);
			continue;
		}
		strbuf_reset(&a->sb);
		rc = fileio_read_fd(fd, YAMLIO_MAX_FILE, &a->sb, path, e);
		close(fd);
		rc = a->fn(a->ctx, path, rc == 0 ? strbuf_str(&a->sb) : NULL,
		    a->sb.len, e);
	}
	names_free(&files);
	return rc;
}

int
store_scan_text(struct store *s, store_text_fn fn, void *ctx, struct perr *e)
{
	struct text_arg a = { fn, ctx, STRBUF_INIT };
	int rc = walk_months(s, visit_text, &a, e);

	strbuf_release(&a.sb);
	return rc;
}

/* Batches */

#define BATCH_MAX_FDS 128

struct batch_month {
	int year, month;
	int fd;			/* -1 when closed */
	long next;		/* next serial to try; 0 until listed */
};

/*
 * The names already in month i's folder go into b->ids, and its next
 * serial is found: listed once, for we hold the lock and no one else
 * files here, instead of a look-up per record.
 */
static int
list_month(struct store_batch *b, size_t i, const struct complaint_id *want,
    struct perr *e)
{
	struct batch_month *m = &b->months[i];
	long max;

	if (m->next != 0)
		return 0;
	if ((max = month_serials(m->fd, want, b->ids)) == -1)
		return errno == ENOMEM ? perr_nomem(e) : perr_errno(e,
		    PLAINT_IOERR, errno, "cannot list folder", NULL);
	m->next = max + 1;
	return 0;
}

struct batch_file {
	size_t month;		/* index in months */
	char tmp[40];
	char name[STORE_ID_BUFSZ + 8];
	char path[64];
};

int
store_batch_init(struct store_batch *b, struct store *s, int sync_each,
    struct perr *e)
{
	memset(b, 0, sizeof(*b));
	b->s = s;
	b->sync_each = sync_each;
	if ((b->ids = malloc(sizeof(*b->ids))) == NULL)
		return perr_nomem(e);
	strset_init(b->ids);
	/* No thread to be had: the files are written here instead. */
	if (!sync_each)
		b->bg = bgwrite_new();
	return 0;
}

static void
close_months(struct store_batch *b)
{
	size_t i;

	for (i = 0; i < b->nmonths; i++) {
		if (b->months[i].fd != -1)
			close(b->months[i].fd);
		b->months[i].fd = -1;
	}
}

void
store_batch_release(struct store_batch *b)
{
	size_t i;

	bgwrite_free(b->bg);
	/* Files added but never linked: nothing refers to them. */
	for (i = 0; i < b->nfiles; i++)
		unlinkat(b->months[b->files[i].month].fd, b->files[i].tmp, 0);
	close_months(b);
	free(b->months);
	free(b->files);
	if (b->ids != NULL)
		strset_release(b->ids);
	free(b->ids);
	memset(b, 0, sizeof(*b));
}

static int batch_commit(struct store_batch *b, struct perr *e);

/* The index of the month's entry, its folder open (and created). */
static long
batch_month(struct store_batch *b, int year, int month, struct perr *e)
{
	struct batch_month *m;
	size_t i, open = 0;

	for (i = 0; i < b->nmonths; i++) {
		if (b->months[i].year == year && b->months[i].month == month)
			break;
		open += b->months[i].fd != -1;
	}
	if (i == b->nmonths) {
		if ((m = realloc(b->months, (i + 1) * sizeof(*m))) == NULL)
			return perr_nomem(e);
		b->months = m;
		memset(&m[i], 0, sizeof(m[i]));
		m[i].year = year;
		m[i].month = month;
		m[i].fd = -1;
		b->nmonths++;
	}
	if (b->months[i].fd != -1)
		return (long)i;
	/* Many months: link what waits on the open folders, close them. */
	if (open >= BATCH_MAX_FDS) {
		if (batch_commit(b, e) == -1)
			return -1;
		close_months(b);
	}
	b->months[i].fd = open_month(b->s, year, month, 1, e);
	return b->months[i].fd == -1 ? -1 : (long)i;
}

int
store_batch_new_id(struct store_batch *b, int year, int month,
    struct complaint_id *id, struct perr *e)
{
	char idstr[STORE_ID_BUFSZ];
	struct batch_month *m;
	long i;
	int rc;

	memset(id, 0, sizeof(*id));
	snprintf(id->prefix, sizeof(id->prefix), "%s", b->s->policy.prefix);
	id->year = year;
	id->month = month;
	if ((i = batch_month(b, year, month, e)) == -1)
		return -1;
	if (list_month(b, (size_t)i, id, e) == -1)
		return -1;
	m = &b->months[i];
	for (;;) {
		id->serial = m->next++;
		complaint_id_format(id, idstr);
		if ((rc = strset_add(b->ids, idstr, 0, NULL)) == -1)
			return perr_nomem(e);
		if (rc == 1)
			return 0;
	}
}

int
store_batch_claim(struct store_batch *b, const struct complaint_id *id,
    struct perr *e)
{
	char idstr[STORE_ID_BUFSZ];
	long i;

	if ((i = batch_month(b, id->year, id->month, e)) == -1 ||
	    list_month(b, (size_t)i, id, e) == -1)
		return -1;
	complaint_id_format(id, idstr);
	switch (strset_add(b->ids, idstr, 0, NULL)) {
	case -1:
		return perr_nomem(e);
	case 0:
		return 0;	/* on disk, or given out in this batch */
	default:
		return 1;
	}
}

/* Link file under its name, remove the temporary name. */
static int
batch_link(struct store_batch *b, struct batch_file *f, struct perr *e)
{
	int mfd = b->months[f->month].fd;

	/* Both refuse an existing name: never overwrite. */
	if (renameat2(mfd, f->tmp, mfd, f->name, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return perr_errno(e, PLAINT_CANTCREAT, errno, "cannot create",
		    f->path);
	/* A file system without RENAME_NOREPLACE: link, then unlink. */
	if (linkat(mfd, f->tmp, mfd, f->name, 0) == -1)
		return perr_errno(e, PLAINT_CANTCREAT, errno, "cannot create",
		    f->path);
	if (unlinkat(mfd, f->tmp, 0) == -1)
		return perr_errno(e, PLAINT_IOERR, errno,
		    "cannot remove the temporary file of", f->path);
	return 0;
}

static int
batch_commit(struct store_batch *b, struct perr *e)
{
	size_t i;

	if (b->nfiles == 0)
		return 0;
	if (b->bg != NULL && bgwrite_wait(b->bg, e) == -1)
		return -1;
	/* The data first, then the names that point to it. */
	if (syncfs(b->s->rootfd) == -1)
		return perr_errno(e, PLAINT_IOERR, errno, "cannot sync the tree",
		    b->s->root);
	for (i = 0; i < b->nfiles; i++) {
		if (batch_link(b, &b->files[i], e) == -1) {
			/*
			 * Those linked are done; release removes the rest,
			 * the temporary file of the one that failed included.
			 */
			memmove(b->files, b->files + i, (b->nfiles - i) *
			    sizeof(*b->files));
			b->nfiles -= i;
			b->committed += (long)i;
			return -1;
		}
	}
	b->committed += (long)b->nfiles;
	b->nfiles = 0;
	return 0;
}

int
store_batch_add_text(struct store_batch *b, const struct complaint_id *id,
    struct strbuf *text, struct perr *e)
{
	char idstr[STORE_ID_BUFSZ];
	struct batch_file *f;
	long i;

	if (ARRAY_GROW(b->files, b->nfiles, b->cap) == -1)
		return perr_nomem(e);
	if ((i = batch_month(b, id->year, id->month, e)) == -1)
		return -1;
	f = &b->files[b->nfiles];
	f->month = (size_t)i;
	complaint_id_format(id, idstr);
	complaint_id_path(id, f->path, sizeof(f->path));
	snprintf(f->name, sizeof(f->name), "%s.yaml", idstr);
	if (b->bg != NULL) {
		tmp_name(b->s, f->tmp, sizeof(f->tmp));
		/* Listed before it exists: release removes it either way. */
		b->nfiles++;
		if (bgwrite_put(b->bg, b->months[i].fd, f->tmp,
		    b->s->policy.file_mode, b->s->fix_mode, text, f->path,
		    e) == -1)
			return -1;
		return b->nfiles >= STORE_BATCH_MAX ? batch_commit(b, e) : 0;
	}
	if (create_tmp(b->s, b->months[i].fd, text, f->tmp, sizeof(f->tmp),
	    f->path, b->sync_each, e) == -1)
		return -1;
	if (!b->sync_each) {
		b->nfiles++;
		return b->nfiles >= STORE_BATCH_MAX ? batch_commit(b, e) : 0;
	}
	/* As store_create: the file is synced, link it, sync the folder. */
	if (batch_link(b, f, e) == -1) {
		unlinkat(b->months[i].fd, f->tmp, 0);
		return -1;
	}
	if (fileio_fsync_dir(b->months[i].fd) == -1)
		return perr_errno(e, PLAINT_IOERR, errno,
		    "cannot sync folder of", f->path);
	b->committed++;
	return 0;
}

int
store_batch_finish(struct store_batch *b, struct perr *e)
{
	if (b->sync_each)
		return 0;
	if (batch_commit(b, e) == -1)
		return -1;
	/* The links and the removals of temporary names. */
	if (b->committed > 0 && syncfs(b->s->rootfd) == -1)
		return perr_errno(e, PLAINT_IOERR, errno, "cannot sync the tree",
		    b->s->root);
	return 0;
}

#define NUMBERS ".plaint/numbers.yaml"

static struct node *
read_numbers(int dfd, struct perr *e)
{
	struct strbuf sb = STRBUF_INIT;
	struct node *map = NULL;
	int fd;

	if ((fd = openat(dfd, "numbers.yaml", O_RDONLY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno != ENOENT) {
			perr_errno(e, PLAINT_IOERR, errno, "cannot open",
			    NUMBERS);
			return NULL;
		}
		return node_new_map();
	}
	if (fileio_read_fd(fd, YAMLIO_MAX_FILE, &sb, NUMBERS, e) == 0) {
		map = yamlio_parse(strbuf_str(&sb), sb.len, NUMBERS, e);
		if (map != NULL && map->type != NODE_MAP) {
			node_free(map);
			map = NULL;
			perr_set(e, PLAINT_DATAERR, "%s: not a mapping of "
			    "series to their last number", NUMBERS);
		}
	}
	close(fd);
	strbuf_release(&sb);
	return map;
}

int
store_next_number(struct store *s, const char *scope, long *n,
    struct perr *e)
{
	struct strbuf sb = STRBUF_INIT;
	struct node *map = NULL;
	long long last = 0;
	char tmp[64];
	int dfd, rc = -1;

	if (s->lockfd == -1)
		return perr_set(e, PLAINT_SOFTWARE, "a number is given only "
		    "under the writer lock");
	if ((dfd = openat(s->rootfd, ".plaint", O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC)) == -1)
		return perr_errno(e, PLAINT_IOERR, errno, "cannot open",
		    ".plaint");
	if ((map = read_numbers(dfd, e)) == NULL)
		goto done;
	if (node_map_get(map, scope) != NULL &&
	    (node_int(node_map_get(map, scope), &last) == -1 || last < 0)) {
		perr_set(e, PLAINT_DATAERR, "%s: the last number of \"%.60s\" "
		    "is not a number", NUMBERS, scope);
		goto done;
	}
	*n = (long)last + 1;
	if (node_map_set(map, scope, node_new_int(*n)) == -1) {
		perr_nomem(e);
		goto done;
	}
	if (yamlio_emit(map, &sb, e) == -1 ||
	    create_tmp(s, dfd, &sb, tmp, sizeof(tmp), NUMBERS, 1, e) == -1)
		goto done;
	if (renameat(dfd, tmp, dfd, "numbers.yaml") == -1) {
		perr_errno(e, PLAINT_IOERR, errno, "cannot replace", NUMBERS);
		unlinkat(dfd, tmp, 0);
		goto done;
	}
	if (fileio_fsync_dir(dfd) == -1) {
		perr_errno(e, PLAINT_IOERR, errno, "cannot sync", ".plaint");
		goto done;
	}
	rc = 0;
done:
	strbuf_release(&sb);
	node_free(map);
	close(dfd);
	return rc;
}
