/*
 * scan.h - read and parse the files of a folder on several threads,
 * and hand them back in order, on the calling thread.
 *
 * Parsing YAML is what a scan of a large tree costs; the callback that
 * consumes each complaint (a report's counters, a list's rows) is cheap
 * and need not be thread-safe, since it always runs on the caller's
 * thread, in the order of names[].  Memory stays bounded: at most two
 * batches of SCAN_BATCH parsed documents are alive at once.
 *
 * Calling sequence: scan_pool_new (NULL when threads cannot be had: the
 * caller then reads on its own), scan_pool_run per folder, scan_pool_free.
 */
#ifndef PLAINT_SCAN_H
#define PLAINT_SCAN_H

#include <stddef.h>

#include "err.h"
#include "node.h"
#include "strbuf.h"

#define SCAN_BATCH 128

/*
 * Read one file of dirfd; path names it in errors; scratch is the
 * reading thread's own buffer, kept from file to file, and the tree may
 * go into pool (reset once the tree has been consumed).  Thread-safe.
 */
typedef struct node *(*scan_read_fn)(int dirfd, const char *name,
    const char *path, struct strbuf *scratch, struct node_pool *pool,
    struct perr *e);
/* Consume file i: doc (read-only, gone after the call) or, when NULL,
 * why in bad. */
typedef int (*scan_back_fn)(void *ctx, size_t i, const char *path,
    const struct node *doc, const struct perr *bad);

struct scan_pool;

/* nthreads readers; 0 means one per online processor. */
struct scan_pool *scan_pool_new(int nthreads, scan_read_fn read);
void scan_pool_free(struct scan_pool *p);
/* Returns the first non-zero value back returned (and stops), or 0. */
int scan_pool_run(struct scan_pool *p, int dirfd, const char *dir,
    char *const *names, size_t n, scan_back_fn back, void *ctx);

#endif
