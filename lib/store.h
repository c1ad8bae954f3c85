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
 * Visit every complaint in id order.  fn gets the relative path and the
 * document (borrowed: it is freed when fn returns), or doc NULL and the
 * reason when the file could not be read; fn returns 0 to go on, -1 to
 * stop (store_scan then returns -1 with fn's error in e).
 */
typedef int (*store_scan_fn)(void *ctx, const char *path,
    const struct complaint_id *id, struct node *doc,
    const struct perr *bad, struct perr *e);
int store_scan(struct store *s, store_scan_fn fn, void *ctx, struct perr *e);

/*
 * Temporary files left by interrupted writes: count them (and remove
 * them if remove is set) when their writer is dead.  Needs the lock to
 * remove.  *found and *removed may be NULL.
 */
int store_sweep(struct store *s, int remove, long *found, long *removed,
    struct perr *e);

#endif
