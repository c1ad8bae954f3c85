#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

int
fileio_read_fd(int fd, size_t cap, struct strbuf *sb, const char *path,
    struct perr *e)
{
	ssize_t n;

	/*
	 * No fstat first: reading stops one chunk past cap anyway, and a
	 * scan of a large tree pays for every system call.
	 */
	for (;;) {
		if (strbuf_grow(sb, 8192) == -1)
			return perr_nomem(e);
		n = read(fd, sb->buf + sb->len, sb->alloc - sb->len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return perr_errno(e, PLAINT_IOERR, errno, "cannot read",
			    path);
		if (n == 0)
			break;
		sb->len += (size_t)n;
		sb->buf[sb->len] = '\0';
		if (sb->len > cap) {
			perr_set(e, PLAINT_DATAERR, "file larger than %zu KiB",
			    cap / 1024);
			perr_at(e, path, 0, 0);
			return -1;
		}
	}
	return 0;
}

int
fileio_read_path(const char *path, size_t cap, struct strbuf *sb,
    struct perr *e)
{
	struct stat st;
	int fd, rc;

	/* O_NONBLOCK: a FIFO in its place must not hang cron's remind. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return perr_errno(e, errno == ENOENT ? PLAINT_NOINPUT :
		    PLAINT_IOERR, errno, "cannot open", path);
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		perr_set(e, PLAINT_DATAERR, "not a regular file");
		perr_at(e, path, 0, 0);
		return -1;
	}
	rc = fileio_read_fd(fd, cap, sb, path, e);
	close(fd);
	return rc;
}

int
fileio_create_at(int dirfd, const char *name, unsigned mode,
    int fix_mode, const void *buf, size_t len, int sync)
{
	int fd, saved;

	fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
	    O_NOFOLLOW, (mode_t)mode);
	if (fd == -1)
		return -1;
	if ((fix_mode && fchmod(fd, (mode_t)mode) == -1) ||
	    fileio_write_all(fd, buf, len) == -1 ||
	    (sync && fsync(fd) == -1)) {
		saved = errno;
		close(fd);
		unlinkat(dirfd, name, 0);
		errno = saved;
		return -2;
	}
	if (close(fd) == -1) {
		saved = errno;
		unlinkat(dirfd, name, 0);
		errno = saved;
		return -2;
	}
	return 0;
}

int
fileio_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
fileio_fsync_dir(int dirfd)
{
	if (fsync(dirfd) == -1 && errno != EINVAL && errno != EROFS)
		return -1;
	return 0;
}

/* Is file absent or a regular file (not followed if a link)? */
static int
replaceable(const char *file, struct perr *e)
{
	struct stat st;

	if (lstat(file, &st) == -1)
		return errno == ENOENT ? 0 : perr_errno(e, PLAINT_CANTCREAT,
		    errno, "cannot create", file);
	if (S_ISREG(st.st_mode))
		return 0;
	perr_set(e, PLAINT_CANTCREAT, "\"%.200s\" is %s, not a regular "
	    "file: -o writes only a new file or over a regular one", file,
	    S_ISLNK(st.st_mode) ? "a symbolic link" : S_ISDIR(st.st_mode) ?
	    "a folder" : S_ISFIFO(st.st_mode) ? "a FIFO" :
	    S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" :
	    "a special file");
	return -1;
}

int
fileio_out_open(struct fileio_out *o, const char *file, struct perr *e)
{
	size_t len = strlen(file) + 16;
	int fd;

	memset(o, 0, sizeof(*o));
	o->file = file;
	if (replaceable(file, e) == -1)
		return -1;
	if ((o->tmp = malloc(len)) == NULL)
		return perr_nomem(e);
	snprintf(o->tmp, len, "%s.tmp-XXXXXX", file);
	if ((fd = mkstemp(o->tmp)) == -1) {
		perr_errno(e, PLAINT_CANTCREAT, errno, "cannot create", file);
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	if (fchmod(fd, 0600) == -1 || (o->fp = fdopen(fd, "w")) == NULL) {
		perr_errno(e, PLAINT_CANTCREAT, errno, "cannot create", file);
		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	return 0;
}

int
fileio_out_close(struct fileio_out *o, int ok, struct perr *e)
{
	int failed, errnum, rc = -1;

	if (o->tmp == NULL)
		return ok ? 0 : -1;
	failed = fflush(o->fp) == EOF || ferror(o->fp) ||
	    fsync(fileno(o->fp)) == -1;
	errnum = errno;
	if (fclose(o->fp) == EOF && !failed) {
		failed = 1;
		errnum = errno;
	}
	if (ok && failed)
		perr_errno(e, PLAINT_IOERR, errnum, "cannot write", o->file);
	/* Checked again: the name may have changed while we wrote. */
	else if (ok && replaceable(o->file, e) == 0) {
		if (rename(o->tmp, o->file) == 0)
			rc = 0;
		else
			perr_errno(e, PLAINT_IOERR, errno, "cannot write",
			    o->file);
	}
	if (rc == -1)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
	return rc;
}
