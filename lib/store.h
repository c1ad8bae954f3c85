/*
 * store.h - the complaint tree on disk.
 *
 *	<root>/plaint.yaml		the policy
 *	<root>/YYYY/MM/<id>.yaml	one complaint
 *	<root>/.plaint/lock		the writer lock (flock, never deleted)
 *
 * Calling sequence: store_find_root(), store_open() (opens the root and
 * loads the policy), then store_lock() before any change; a command that
 * changes a complaint reads it after taking the lock (lock, re-read,
 * change, atomic replace, unlock).  store_close() releases everything,
 * the lock included; the kernel releases it too if the process dies.
 *
 * Paths are built only from parsed ids, relative to a descriptor of the
 * root, and no symbolic link is followed inside the tree.  Files are
 * written to a temporary name in the same folder (".tmp-<pid>-<n>"),
 * fsync'd, then renamed (replace) or linked (create, which fails if the
 * name exists), and the folder is fsync'd.  Modes come from the policy
 * (0600/0700 unless it says 0640/0750) and are set explicitly.
 */
#ifndef PLAINT_STORE_H
#define PLAINT_STORE_H

#include "err.h"
#include "node.h"
#include "policy.h"
#include "ptime.h"
#include "scan.h"
#include "strset.h"

#define STORE_ID_MAX 32
#define STORE_ID_BUFSZ 48

struct complaint_id {
	char prefix[9];		/* "" or a site prefix such as "BJ" */
	int year, month;	/* 2026, 11 */
	long serial;		/* 1… */
};

struct store {
	char *root;		/* absolute path of the tree */
	int rootfd;
	int lockfd;		/* -1 unless locked */
	struct policy policy;
	unsigned tmp_seq;
	long pid;		/* in temporary names */
	int fix_mode;		/* the umask strips bits of policy.file_mode */
	struct scan_pool *pool;	/* readers for store_scan, made on demand */
};

/*
 * Where the tree is: dir if given, else $PLAINT_DIR, else the first
 * folder holding plaint.yaml from the working directory up.  *out is
 * malloc'd.  Fails with PLAINT_CONFIG outside a tree.
 */
int store_find_root(const char *dir, char **out, struct perr *e);
int store_open(struct store *s, const char *root, struct perr *e);
void store_close(struct store *s);

/* Take the writer lock, waiting up to timeout_ms (PLAINT_TEMPFAIL). */
int store_lock(struct store *s, long timeout_ms, struct perr *e);
void store_unlock(struct store *s);

/* Parse an id strictly ("2611-0001", "BJ-2611-0001"); -1 if malformed. */
int complaint_id_parse(const char *s, struct complaint_id *id);
void complaint_id_format(const struct complaint_id *id,
    char buf[STORE_ID_BUFSZ]);
/* "2026/11/2611-0001.yaml" */
void complaint_id_path(const struct complaint_id *id, char *buf, size_t size);

/* Read a complaint; PLAINT_NOINPUT if it does not exist. */
struct node *store_read(struct store *s, const struct complaint_id *id,
    struct perr *e);
/* Replace an existing complaint atomically. */
int store_replace(struct store *s, const struct complaint_id *id,
    const struct node *doc, struct perr *e);
/*
 * File a new complaint received in year/month: take the next serial of
 * that month (site prefix from the policy), set the doc's id, and create
 * the file exclusively.  Needs the lock.  The id is stored in *id.
 * Returns 0, or -1 when nothing was filed.  Once the file has its name
 * the complaint is filed, whatever fails after: then 1 says what did,
 * in e: its temporary file could not be removed (code PLAINT_OK, a
 * warning), or its folder could not be synced (PLAINT_IOERR: filed, but
 * not known to be on disk).
 */
int store_create(struct store *s, int year, int month, struct node *doc,
    struct complaint_id *id, struct perr *e);

/*
 * Permission bits of a complaint file beyond what the policy allows
 * (0 when it is as private as it should be), for check.
 */
int store_extra_mode(struct store *s, const struct complaint_id *id,
    unsigned *extra, struct perr *e);
/*
 * The same for the folders of a month: the year's, then the month's;
 * *extra is of the first that has any, named in folder.
 */
int store_folder_extra_mode(struct store *s, int year, int month,
    unsigned *extra, char *folder, size_t size, struct perr *e);

/*
 * Visit every complaint in id order.  fn gets the relative path and the
 * document (read-only and borrowed: it is gone when fn returns; node_dup
 * gives a copy to change), or doc NULL and the reason when the file could
 * not be read; fn returns 0 to go on, -1 to stop (store_scan then returns
 * -1 with fn's error in e).
 */
typedef int (*store_scan_fn)(void *ctx, const char *path,
    const struct complaint_id *id, const struct node *doc,
    const struct perr *bad, struct perr *e);
int store_scan(struct store *s, store_scan_fn fn, void *ctx, struct perr *e);

/*
 * The next number of a series (a work ticket's, within its department
 * and day): .plaint/numbers.yaml keeps the last one given for each
 * scope, and is replaced, synced, before the number is used, so that a
 * number is never given twice, not even after a crash (which can leave
 * a gap).  Needs the writer lock.
 */
int store_next_number(struct store *s, const char *scope, long *n,
    struct perr *e);

/*
 * Temporary files left by interrupted writes: count them (and remove
 * them if remove is set) when their writer is dead.  Needs the lock to
 * remove.  *found and *removed may be NULL.
 */
int store_sweep(struct store *s, int remove, long *found, long *removed,
    struct perr *e);

/*
 * Visit the text of every complaint file, unparsed, for scans that look
 * for one line in many files (import's source_ref).  buf is borrowed
 * and holds len bytes; for a file (or folder) that cannot be read, buf
 * is NULL and e holds the reason.  fn returns 0 to go on (clearing e),
 * -1 to stop with the reason in e.
 */
typedef int (*store_text_fn)(void *ctx, const char *path, const char *buf,
    size_t len, struct perr *e);
int store_scan_text(struct store *s, store_text_fn fn, void *ctx,
    struct perr *e);

/*
 * A batch of new complaints (import): files are written first, then
 * made durable together and linked under their names, which costs one
 * syncfs(2) per commit instead of two fsyncs per file.  The order of
 * store_create is kept: a file's data is on disk before its final name
 * exists (syncfs, then renameat2 RENAME_NOREPLACE, or link where the
 * file system lacks it), and the names are on disk before
 * store_batch_finish returns (a last syncfs).  With sync_each set, each
 * file is fsync'd, linked and its folder fsync'd as store_create does;
 * otherwise the files are created on a second thread (bgwrite.h) while
 * the caller prepares the next ones.
 *
 * Needs the lock for its whole life: the next serial of each month is
 * listed once and then counted in memory, and ids handed out or claimed
 * in the batch are remembered so that no two records get one id.
 * Calling sequence: store_batch_init, then for each complaint
 * store_batch_new_id or store_batch_claim, store_batch_add_text (commits by
 * itself every STORE_BATCH_MAX files), then store_batch_finish, and
 * store_batch_release in any case (it removes files added but not
 * committed).
 */
#define STORE_BATCH_MAX 16384

struct bgwrite;

struct store_batch {
	struct store *s;
	int sync_each;
	struct bgwrite *bg;		/* creates the files, if it could start */
	struct batch_month *months;
	size_t nmonths;
	struct batch_file *files;	/* added, not yet linked */
	size_t nfiles, cap;
	struct strset *ids;		/* handed out or claimed */
	long committed;
};

int store_batch_init(struct store_batch *b, struct store *s, int sync_each,
    struct perr *e);
void store_batch_release(struct store_batch *b);
/* The next free id of year/month with the tree's prefix. */
int store_batch_new_id(struct store_batch *b, int year, int month,
    struct complaint_id *id, struct perr *e);
/* Take id if no file has it and the batch did not hand it out: 1, else 0. */
int store_batch_claim(struct store_batch *b, const struct complaint_id *id,
    struct perr *e);
/*
 * Write text, the whole file of complaint id (its id field set by the
 * caller), to a temporary file beside its final name.  text may come
 * back emptied, its buffer swapped for another: reuse it, release it.
 */
int store_batch_add_text(struct store_batch *b, const struct complaint_id *id,
    struct strbuf *text, struct perr *e);
/* Link what was added; then all of it is durable. */
int store_batch_finish(struct store_batch *b, struct perr *e);

#endif
