/* plaint help: show the manual page of plaint or of one command. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "plaint.h"

static const char synopsis[] = "plaint help [command]";

int
cmd_help(struct ctx *c, int argc, char **argv)
{
	static const char *const sections[] = { "1", "5", "7" };
	char rel[100], path[PATH_MAX];
	const char *topic = NULL;
	struct args a;
	size_t i;
	int ch;

	args_init(&a, argc, argv, "+:h");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'h')
			return usage(c, synopsis, ch);
		if (ch != 0)
			return bad_option(c, synopsis, &a);
		if (topic != NULL)
			return usage(c, synopsis, '?');
		topic = a.arg;
	}
	if (topic != NULL && strspn(topic, "abcdefghijklmnopqrstuvwxyz") !=
	    strlen(topic))
		return fail(c, PLAINT_USAGE, "no manual page for \"%.30s\"",
		    topic);
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		snprintf(rel, sizeof(rel), "man%s/plaint%s%s.%s", sections[i],
		    topic ? "-" : "", topic ? topic : "", sections[i]);
		if (datafile(path, sizeof(path), "man", rel) == 0)
			break;
	}
	if (i == sizeof(sections) / sizeof(sections[0]))
		return fail(c, PLAINT_USAGE, "no manual page for \"%s\"",
		    topic ? topic : "plaint");
	fflush(stdout);
	execlp("man", "man", "-l", path, (char *)NULL);
	execlp("mandoc", "mandoc", path, (char *)NULL);
	return fail(c, PLAINT_OSERR, "cannot run man(1) or mandoc(1) to show "
	    "%s: %s", path, strerror(errno));
}
