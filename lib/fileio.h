/*
 * fileio.h - whole-file reads and careful writes on file descriptors.
 *
 * Reads stop at a cap and fail rather than grow without bound.  Writes
 * loop over short writes and retry EINTR; none of them retries a failed
 * fsync (PostgreSQL's fsyncgate): the caller reports it and gives up.
 */
#ifndef PLAINT_FILEIO_H
#define PLAINT_FILEIO_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "strbuf.h"

/* Read all of fd into sb; more than cap bytes is a PLAINT_DATAERR. */
int fileio_read_fd(int fd, size_t cap, struct strbuf *sb, const char *path,
    struct perr *e);
/* The same for a file by name: anything but a regular file is refused. */
int fileio_read_path(const char *path, size_t cap, struct strbuf *sb,
    struct perr *e);
int fileio_write_all(int fd, const void *buf, size_t len);
/*
 * Create name in dirfd (O_EXCL, no symlink followed) with mode (set
 * again by fchmod if fix_mode says the umask strips some of it), write
 * buf and close it, fsync'd first if sync is set.  0; -1 if it could
 * not be created; -2 if it could not be written (it is removed again).
 * errno says why.
 */
int fileio_create_at(int dirfd, const char *name, unsigned mode,
    int fix_mode, const void *buf, size_t len, int sync);
/* fsync a directory (after a rename, link or mkdir in it). */
int fileio_fsync_dir(int dirfd);

/*
 * A file the user names for output (export -o FILE).  It is replaced
 * only when it is a regular file or does not exist: a symlink, device,
 * FIFO or folder is refused (PLAINT_CANTCREAT) before anything is
 * read, for renaming over /dev/null as root breaks the machine.  The
 * output goes to a temporary file beside it, created 0600, and replaces
 * FILE only when complete: close with ok = 0 and FILE is kept as it was.
 */
struct fileio_out {
	const char *file;
	char *tmp;
	FILE *fp;
};

int fileio_out_open(struct fileio_out *o, const char *file, struct perr *e);
/* Flush, fsync and rename over the file if ok, else remove the tmp. */
int fileio_out_close(struct fileio_out *o, int ok, struct perr *e);

#endif
