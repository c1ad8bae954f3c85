/*
 * failmalloc.so - make the n-th allocation fail, for the allocation
 * failure sweep (RELIABILITY T11).  LD_PRELOAD it with
 * PLAINT_FAIL_MALLOC=N (fail the N-th call to malloc, calloc or
 * realloc, and let the rest through) or N+ (fail the N-th and every
 * later one).  PLAINT_FAIL_MALLOC_COUNT=FILE writes the number of
 * calls at exit, so a sweep knows how far to go.  glibc lets a program
 * replace malloc; the real one is reached through __libc_malloc.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static long calls, fail_at = -2;
static int persistent;

static int
fails(void)
{
	const char *s;

	if (fail_at == -2) {
		fail_at = -1;
		if ((s = getenv("PLAINT_FAIL_MALLOC")) != NULL && *s != '\0') {
			fail_at = atol(s);
			persistent = s[strlen(s) - 1] == '+';
		}
	}
	calls++;
	if (fail_at > 0 && (calls == fail_at ||
	    (persistent && calls > fail_at))) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
malloc(size_t n)
{
	return fails() ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	return fails() ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	return fails() ? NULL : __libc_realloc(p, n);
}

void
free(void *p)
{
	__libc_free(p);
}

__attribute__((destructor)) static void
report_calls(void)
{
	const char *path = getenv("PLAINT_FAIL_MALLOC_COUNT");
	FILE *fp;

	if (path != NULL && (fp = fopen(path, "w")) != NULL) {
		fprintf(fp, "%ld\n", calls);
		fclose(fp);
	}
}
