/*
 * plaint - complaint handling from the shell.
 *
 * Parses the global options, builds the context and runs one command
 * from the table.  The table's flags say what a command needs (a tree,
 * the writer lock); setup() provides it when the command asks, after
 * its own options are parsed, so that "-h" works anywhere.
 */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../lib/suggest.h"
#include "plaint.h"

static const struct command {
	const char *name;
	int (*fn)(struct ctx *, int, char **);
	unsigned flags;
	const char *summary;
} commands[] = {
	{ "assign", cmd_assign, NEED_TREE | WRITES, "give a complaint to someone" },
	{ "check", cmd_check, NEED_TREE, "validate every file in the tree" },
	{ "close", cmd_close, NEED_TREE | WRITES, "record the callback and close" },
	{ "do", cmd_do, NEED_TREE | WRITES, "take any action of the record's workflow" },
	{ "escalate", cmd_escalate, NEED_TREE | WRITES, "move one level up the chain" },
	{ "export", cmd_export, NEED_TREE, "the records as JSON Lines or CSV, for other tools" },
	{ "extend", cmd_extend, NEED_TREE | WRITES, "lengthen a deadline" },
	{ "help", cmd_help, 0, "show a manual page" },
	{ "import", cmd_import, NEED_TREE | WRITES, "batch intake from JSON Lines, CSV or YAML" },
	{ "init", cmd_init, 0, "create a complaint tree" },
	{ "list", cmd_list, NEED_TREE, "one line per complaint" },
	{ "log", cmd_log, NEED_TREE | WRITES, "record a new complaint" },
	{ "note", cmd_note, NEED_TREE | WRITES, "add a note or record contact" },
	{ "pause", cmd_pause, NEED_TREE | WRITES, "stop the clocks: waiting on the customer" },
	{ "policy", cmd_policy, NEED_TREE, "the rules in force and what they compute" },
	{ "remind", cmd_remind, NEED_TREE, "what is overdue or due soon; -e escalates" },
	{ "reopen", cmd_reopen, NEED_TREE | WRITES, "back to work, next round" },
	{ "report", cmd_report, NEED_TREE, "counts, deadlines met and fines per group" },
	{ "resolve", cmd_resolve, NEED_TREE | WRITES, "record the result" },
	{ "resume", cmd_resume, NEED_TREE | WRITES, "restart the clocks" },
	{ "set", cmd_set, NEED_TREE | WRITES, "correct what was typed at intake" },
	{ "show", cmd_show, NEED_TREE, "one complaint" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))
#define SYNOPSIS "plaint [-q] [-C dir] [-N now] [-u actor] command [args]\n" \
    "   or: plaint -V"

static int
main_usage(FILE *fp, int status)
{
	size_t i;

	fprintf(fp, "usage: %s\n\ncommands:\n", SYNOPSIS);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "   %-10s %s\n", commands[i].name,
		    commands[i].summary);
	fprintf(fp, "\nSee 'plaint help COMMAND' for the manual of one.\n"
	    "plaint %s\n", PLAINT_VERSION);
	return status;
}

/* A typo of a command is answered with the command, as git does. */
static int
unknown_command(const char *name)
{
	const char *names[NCOMMANDS], *close;
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	if ((close = suggest_closest(name, names, NCOMMANDS)) != NULL)
		fprintf(stderr, "plaint: unknown command \"%.40s\"; did you "
		    "mean %s?\n", name, close);
	else
		fprintf(stderr, "plaint: unknown command \"%.40s\"; see "
		    "'plaint -h'\n", name);
	return PLAINT_USAGE;
}

static const char *
login_name(void)
{
	struct passwd *pw;
	const char *s;

	if ((s = getenv("PLAINT_USER")) != NULL && *s != '\0')
		return s;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_name[0] != '\0')
		return pw->pw_name;
	if ((s = getenv("LOGNAME")) != NULL && *s != '\0')
		return s;
	return "unknown";
}

static int
finish(int status)
{
	/* A full disk or a closed pipe on stdout is an error too. */
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (errno == EPIPE)
			return status;
		fprintf(stderr, "plaint: cannot write output: %s\n",
		    strerror(errno));
		return status ? status : PLAINT_IOERR;
	}
	return status;
}

int
main(int argc, char **argv)
{
	const struct command *cmd = NULL;
	struct args a;
	struct ctx c;
	char name[48];
	size_t i;
	int ch, status;

	memset(&c, 0, sizeof(c));
	c.cmd = "plaint";
	c.now_arg = getenv("PLAINT_NOW");
	signal(SIGPIPE, SIG_IGN);
	srand((unsigned)getpid() ^ (unsigned)time(NULL));
	/* Options up to the first operand, the command; "--" ends them. */
	args_init(&a, argc, argv, "+:C:N:u:qhV");
	while ((ch = args_next(&a)) > 0) {
		switch (ch) {
		case 'C':
			c.dir = a.arg;
			break;
		case 'N':
			if (*a.arg == '\0') {
				/* Not "now": a script's empty variable. */
				fprintf(stderr, "plaint: -N: the time is empty "
				    "(use 2026-11-27T10:00:00+08:00)\n");
				return PLAINT_USAGE;
			}
			c.now_arg = a.arg;
			break;
		case 'u':
			c.actor = a.arg;
			break;
		case 'q':
			c.quiet = 1;
			break;
		case 'h':
			return finish(main_usage(stdout, PLAINT_OK));
		case 'V':
			return print_version();
		case ':':
			fprintf(stderr, "plaint: option -%c needs a value\n",
			    optopt);
			return main_usage(stderr, PLAINT_USAGE);
		default:
			fprintf(stderr, "plaint: unknown option %s\n",
			    option_name(&a, name, sizeof(name)));
			return main_usage(stderr, PLAINT_USAGE);
		}
	}
	if (ch == -1)
		return main_usage(stderr, PLAINT_USAGE);
	/* The command and what follows it: optind is past the command. */
	argc -= optind - 1;
	argv += optind - 1;
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, argv[0]) == 0)
			cmd = &commands[i];
	if (cmd == NULL)
		return unknown_command(argv[0]);
	if (c.actor == NULL)
		c.actor = login_name();
	c.cmd = cmd->name;
	c.flags = cmd->flags;
	status = cmd->fn(&c, argc, argv);
	if (c.tree_open) {
		rules_release(&c.rules);
		store_close(&c.store);
	}
	if (status == 0 && c.rval != 0)
		status = c.rval;
	return finish(status);
}
