/*
 * bgwrite.h - create files on a second thread.
 *
 * A batch import spends as long in the kernel creating files as it does
 * in its own code turning records into YAML; with the creating done on
 * another thread the two overlap.  Jobs are done in the order they were
 * queued; the first failure is kept, later jobs are then dropped, and
 * the caller learns of it from the next bgwrite_put or bgwrite_wait.
 *
 * bgwrite_new returns NULL when no thread can be had: the caller then
 * creates the files itself.  Not for use from several threads at once.
 */
#ifndef PLAINT_BGWRITE_H
#define PLAINT_BGWRITE_H

#include "err.h"
#include "strbuf.h"

struct bgwrite;

struct bgwrite *bgwrite_new(void);
/*
 * Queue: create name in dirfd with mode and fix_mode (fileio_create_at,
 * no fsync),
 * holding text; path names the file in errors.  text is swapped with an
 * empty buffer, so the caller's allocation is reused.  -1 (and why in
 * e) if an earlier job failed.
 */
int bgwrite_put(struct bgwrite *w, int dirfd, const char *name,
    unsigned mode, int fix_mode, struct strbuf *text, const char *path,
    struct perr *e);
/* Wait for every queued job; -1 (and why in e) if one failed. */
int bgwrite_wait(struct bgwrite *w, struct perr *e);
/* Wait, then stop the thread. */
void bgwrite_free(struct bgwrite *w);

#endif
