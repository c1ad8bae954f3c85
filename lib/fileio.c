#include <errno.h>
#include <fcntl.h>
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
	int fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return perr_errno(e, errno == ENOENT ? PLAINT_NOINPUT :
		    PLAINT_IOERR, errno, "cannot open", path);
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
