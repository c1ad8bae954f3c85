/*
 * faults.so - fail one of plaint's file calls on purpose (RELIABILITY
 * T7, the fault matrix).  strace can inject errors too, but from exec
 * on: the loader's own openat and close fail first, and its -P limits
 * by exact path, which a temporary name is not.  This shim sees only
 * the calls plaint itself makes (the C library's internal ones do not
 * come through here), and only those on files: writes and closes of
 * fds 0-2 and of stdout and stderr pass.
 *
 *	FAULT_FN=write		the call to fail (see calls[] below)
 *	FAULT_ERRNO=ENOSPC	with this error (ENOSPC EIO EDQUOT EROFS
 *				EMFILE EACCES)
 *	FAULT_AT=2		at its 2nd call (1 when unset)
 *	FAULT_PERSIST=1		and at every call after it
 *	FAULT_COUNTS=FILE	at exit, write "name count" for each call
 *				made, to find the last one, and "injected
 *				N", the calls it failed
 *
 * A failed close or fclose releases the descriptor first, as close(2)
 * always does; every other failed call does nothing.  "close" is the
 * close of a descriptor written through, "close-r" of any other;
 * "fsync" of a file, "fsync-dir" of a directory.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

enum { C_OPEN, C_OPENAT, C_MKSTEMP, C_WRITE, C_FSYNC, C_FDATASYNC, C_CLOSE,
	C_FTRUNCATE, C_FCHMOD, C_FLOCK, C_RENAME, C_RENAMEAT, C_RENAMEAT2,
	C_LINK, C_LINKAT, C_UNLINK, C_UNLINKAT, C_MKDIR, C_MKDIRAT, C_FWRITE,
	C_FFLUSH, C_FCLOSE, C_CLOSE_R, C_FSYNC_DIR, NCALLS };

static const char *const calls[NCALLS] = { "open", "openat", "mkstemp",
	"write", "fsync", "fdatasync", "close", "ftruncate", "fchmod",
	"flock", "rename", "renameat", "renameat2", "link", "linkat",
	"unlink", "unlinkat", "mkdir", "mkdirat", "fwrite", "fflush",
	"fclose", "close-r", "fsync-dir" };

static unsigned long count[NCALLS], injected;
static int target = -1, err, persist;
static unsigned long at = 1;

static const struct {
	const char *name;
	int value;
} errnos[] = { { "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EDQUOT", EDQUOT },
	{ "EROFS", EROFS }, { "EMFILE", EMFILE }, { "EACCES", EACCES } };

__attribute__((constructor)) static void
setup(void)
{
	const char *fn = getenv("FAULT_FN"), *en = getenv("FAULT_ERRNO");
	const char *a = getenv("FAULT_AT"), *p = getenv("FAULT_PERSIST");
	size_t i;

	for (i = 0; fn != NULL && i < NCALLS; i++)
		if (strcmp(fn, calls[i]) == 0)
			target = (int)i;
	err = EIO;
	for (i = 0; en != NULL && i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (strcmp(en, errnos[i].name) == 0)
			err = errnos[i].value;
	if (a != NULL && atol(a) > 0)
		at = (unsigned long)atol(a);
	persist = p != NULL && *p == '1';
}

static void *
real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL)
		abort();
	return f;
}

/* Count the call; 1 when it is to fail (errno is then set). */
static int
hit(int c)
{
	unsigned long n = ++count[c];

	if (c != target || n < at || (n > at && !persist))
		return 0;
	injected++;
	errno = err;
	return 1;
}

__attribute__((destructor)) static void
report(void)
{
	int (*ropen)(const char *, int, ...) = real("open");
	ssize_t (*rwrite)(int, const void *, size_t) = real("write");
	int (*rclose)(int) = real("close");
	const char *path = getenv("FAULT_COUNTS");
	char line[64];
	int fd, i, n;

	if (path == NULL || (fd = ropen(path, O_WRONLY | O_CREAT | O_TRUNC,
	    0600)) == -1)
		return;
	for (i = 0; i < NCALLS; i++)
		if (count[i] > 0 && (n = snprintf(line, sizeof(line),
		    "%s %lu\n", calls[i], count[i])) > 0)
			(void)!rwrite(fd, line, (size_t)n);
	if ((n = snprintf(line, sizeof(line), "injected %lu\n", injected)) > 0)
		(void)!rwrite(fd, line, (size_t)n);
	rclose(fd);
}

#define MODE_ARG(flags, mode) do {					\
	va_list ap;							\
	va_start(ap, flags);						\
	/* glibc's __OPEN_NEEDS_MODE: O_TMPFILE holds O_DIRECTORY's bit. */\
	mode = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ?	\
	    va_arg(ap, mode_t) : 0;					\
	va_end(ap);							\
} while (0)

int
open(const char *path, int flags, ...)
{
	static int (*f)(const char *, int, ...);
	mode_t mode;

	MODE_ARG(flags, mode);
	if (f == NULL)
		f = real("open");
	return hit(C_OPEN) ? -1 : f(path, flags, mode);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	static int (*f)(int, const char *, int, ...);
	mode_t mode;

	MODE_ARG(flags, mode);
	if (f == NULL)
		f = real("openat");
	return hit(C_OPENAT) ? -1 : f(dirfd, path, flags, mode);
}

int
mkstemp(char *tmpl)
{
	static int (*f)(char *);

	if (f == NULL)
		f = real("mkstemp");
	return hit(C_MKSTEMP) ? -1 : f(tmpl);
}

/* A directory's fsync, and the close of a descriptor nothing was
 * written through, count apart. */
static int
is_dir(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The descriptors written through since they were opened. */
static unsigned char written[4096];

static int
is_written(int fd)
{
	return fd >= 0 && (size_t)fd < sizeof(written) && written[fd];
}

static void
mark_written(int fd, int on)
{
	if (fd >= 0 && (size_t)fd < sizeof(written))
		written[fd] = (unsigned char)on;
}

ssize_t
write(int fd, const void *buf, size_t len)
{
	static ssize_t (*f)(int, const void *, size_t);

	if (f == NULL)
		f = real("write");
	if (fd > 2 && hit(C_WRITE))
		return -1;
	mark_written(fd, 1);
	return f(fd, buf, len);
}

int
fsync(int fd)
{
	static int (*f)(int);

	if (f == NULL)
		f = real("fsync");
	return fd > 2 && hit(is_dir(fd) ? C_FSYNC_DIR : C_FSYNC) ? -1 : f(fd);
}

int
fdatasync(int fd)
{
	static int (*f)(int);

	if (f == NULL)
		f = real("fdatasync");
	return fd > 2 && hit(C_FDATASYNC) ? -1 : f(fd);
}

int
close(int fd)
{
	static int (*f)(int);
	int e;

	if (f == NULL)
		f = real("close");
	if (fd <= 2 || !hit(is_written(fd) ? C_CLOSE : C_CLOSE_R)) {
		mark_written(fd, 0);
		return f(fd);
	}
	mark_written(fd, 0);
	e = errno;
	f(fd);
	errno = e;
	return -1;
}

int
ftruncate(int fd, off_t len)
{
	static int (*f)(int, off_t);

	if (f == NULL)
		f = real("ftruncate");
	return fd > 2 && hit(C_FTRUNCATE) ? -1 : f(fd, len);
}

int
fchmod(int fd, mode_t mode)
{
	static int (*f)(int, mode_t);

	if (f == NULL)
		f = real("fchmod");
	return fd > 2 && hit(C_FCHMOD) ? -1 : f(fd, mode);
}

int
flock(int fd, int op)
{
	static int (*f)(int, int);

	if (f == NULL)
		f = real("flock");
	return hit(C_FLOCK) ? -1 : f(fd, op);
}

int
rename(const char *a, const char *b)
{
	static int (*f)(const char *, const char *);

	if (f == NULL)
		f = real("rename");
	return hit(C_RENAME) ? -1 : f(a, b);
}

int
renameat(int da, const char *a, int db, const char *b)
{
	static int (*f)(int, const char *, int, const char *);

	if (f == NULL)
		f = real("renameat");
	return hit(C_RENAMEAT) ? -1 : f(da, a, db, b);
}

int
renameat2(int da, const char *a, int db, const char *b, unsigned flags)
{
	static int (*f)(int, const char *, int, const char *, unsigned);

	if (f == NULL)
		f = real("renameat2");
	return hit(C_RENAMEAT2) ? -1 : f(da, a, db, b, flags);
}

int
link(const char *a, const char *b)
{
	static int (*f)(const char *, const char *);

	if (f == NULL)
		f = real("link");
	return hit(C_LINK) ? -1 : f(a, b);
}

int
linkat(int da, const char *a, int db, const char *b, int flags)
{
	static int (*f)(int, const char *, int, const char *, int);

	if (f == NULL)
		f = real("linkat");
	return hit(C_LINKAT) ? -1 : f(da, a, db, b, flags);
}

int
unlink(const char *path)
{
	static int (*f)(const char *);

	if (f == NULL)
		f = real("unlink");
	return hit(C_UNLINK) ? -1 : f(path);
}

int
unlinkat(int dirfd, const char *path, int flags)
{
	static int (*f)(int, const char *, int);

	if (f == NULL)
		f = real("unlinkat");
	return hit(C_UNLINKAT) ? -1 : f(dirfd, path, flags);
}

int
mkdir(const char *path, mode_t mode)
{
	static int (*f)(const char *, mode_t);

	if (f == NULL)
		f = real("mkdir");
	return hit(C_MKDIR) ? -1 : f(path, mode);
}

int
mkdirat(int dirfd, const char *path, mode_t mode)
{
	static int (*f)(int, const char *, mode_t);

	if (f == NULL)
		f = real("mkdirat");
	return hit(C_MKDIRAT) ? -1 : f(dirfd, path, mode);
}

size_t
fwrite(const void *buf, size_t size, size_t n, FILE *fp)
{
	static size_t (*f)(const void *, size_t, size_t, FILE *);

	if (f == NULL)
		f = real("fwrite");
	if (fp != stdout && fp != stderr && hit(C_FWRITE))
		return 0;
	return f(buf, size, n, fp);
}

int
fflush(FILE *fp)
{
	static int (*f)(FILE *);

	if (f == NULL)
		f = real("fflush");
	if (fp != NULL && fp != stdout && fp != stderr && hit(C_FFLUSH))
		return EOF;
	return f(fp);
}

int
fclose(FILE *fp)
{
	static int (*f)(FILE *);
	int e;

	if (f == NULL)
		f = real("fclose");
	if (fp == stdout || fp == stderr || !hit(C_FCLOSE))
		return f(fp);
	e = errno;
	f(fp);
	errno = e;
	return EOF;
}
