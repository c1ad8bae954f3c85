/*
 * The unit tests of lib/: every suite, or those named on the command
 * line, each in a child process of its own, so that a suite that
 * crashes is named (with its signal) and the others still report.
 * Ends with "unit: N passed, N failed"; exits 1 when anything failed.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"

int unit_passed, unit_failed;

struct suite {
	const char *name;
	void (*fn)(void);
};

static const struct suite suites[] = {
#define ENTRY(name) { #name, suite_##name },
	UNIT_SUITES(ENTRY)
#undef ENTRY
};

#define NSUITES (sizeof(suites) / sizeof(suites[0]))

/* Run one suite in a child; add its counts, or one failure if it died. */
static void
run_suite(const struct suite *s)
{
	int fd[2], status;
	int counts[2] = { 0, 0 };
	pid_t pid;
	ssize_t n;

	fflush(stdout);
	if (pipe(fd) == -1 || (pid = fork()) == -1) {
		perror("unit: fork");
		exit(1);
	}
	if (pid == 0) {
		close(fd[0]);
		unit_passed = unit_failed = 0;
		s->fn();
		counts[0] = unit_passed;
		counts[1] = unit_failed;
		fflush(stdout);
		if (write(fd[1], counts, sizeof(counts)) != sizeof(counts))
			_exit(1);
		/* exit, not _exit: LeakSanitizer checks at exit. */
		exit(0);
	}
	close(fd[1]);
	n = read(fd[0], counts, sizeof(counts));
	close(fd[0]);
	while (waitpid(pid, &status, 0) == -1)
		;
	if (n == sizeof(counts) && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0) {
		unit_passed += counts[0];
		unit_failed += counts[1];
		return;
	}
	unit_failed++;
	if (n == sizeof(counts)) {
		unit_passed += counts[0];
		unit_failed += counts[1];
	}
	if (WIFSIGNALED(status))
		printf("not ok suite %s: killed by signal %d\n", s->name,
		    WTERMSIG(status));
	else
		printf("not ok suite %s: exit status %d %s its counts\n",
		    s->name, WEXITSTATUS(status), n == sizeof(counts) ?
		    "after" : "before");
}

int
main(int argc, char **argv)
{
	size_t i;
	int j, found;

	for (j = 1; j < argc; j++) {
		for (i = 0, found = 0; i < NSUITES; i++)
			found |= strcmp(suites[i].name, argv[j]) == 0;
		if (!found) {
			printf("unit: no suite \"%s\"\n", argv[j]);
			return 2;
		}
	}
	for (i = 0; i < NSUITES; i++) {
		for (j = 1; j < argc; j++)
			if (strcmp(suites[i].name, argv[j]) == 0)
				break;
		if (argc == 1 || j < argc)
			run_suite(&suites[i]);
	}
	printf("unit: %d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed != 0;
}
