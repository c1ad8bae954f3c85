/*
 * shortwrite.so - every write(2) to a file (fd 3 and up) writes one
 * byte and returns 1, as a full pipe, a signal or NFS may make it do:
 * strace can fake errors but not short writes (RELIABILITY T7).  A
 * writer that does not loop leaves a torn file; plaint's must not.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
		    "write");
	return real(fd, buf, fd > 2 && n > 1 ? 1 : n);
}
