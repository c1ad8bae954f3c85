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

#define SYNOPSIS "plaint [-q] [-C dir] [-N now] [-u actor] command [args]"

static int
main_usage(FILE *fp, int status)
{
	size_t i;

	fprintf(fp, "usage: %s\n\ncommands:\n", SYNOPSIS);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "   %-10s %s\n", commands[i].name,
		    commands[i].summary);
	fprintf(fp, "\nSee 'plaint help COMMAND' for the manual of one.\n");
	return status;
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
	struct ctx c;
	size_t i;
	int ch, status;

	memset(&c, 0, sizeof(c));
	c.cmd = "plaint";
	c.now_arg = getenv("PLAINT_NOW");
	signal(SIGPIPE, SIG_IGN);
	srand((unsigned)getpid() ^ (unsigned)time(NULL));
	opterr = 0;
	while ((ch = getopt(argc, argv, "+:C:N:u:qh")) != -1) {
		switch (ch) {
		case 'C':
			c.dir = optarg;
			break;
		case 'N':
			if (*optarg == '\0') {
				/* Not "now": a script's empty variable. */
				fprintf(stderr, "plaint: -N: the time is empty "
				    "(use 2026-11-27T10:00:00+08:00)\n");
				return PLAINT_USAGE;
			}
			c.now_arg = optarg;
			break;
		case 'u':
			c.actor = optarg;
			break;
		case 'q':
			c.quiet = 1;
			break;
		case 'h':
			return finish(main_usage(stdout, PLAINT_OK));
		case ':':
			fprintf(stderr, "plaint: option -%c needs a value\n",
			    optopt);
			return main_usage(stderr, PLAINT_USAGE);
		default:
			fprintf(stderr, "plaint: unknown option -%c\n", optopt);
			return main_usage(stderr, PLAINT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		return main_usage(stderr, PLAINT_USAGE);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, argv[0]) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		fprintf(stderr, "plaint: unknown command \"%.40s\"; see "
		    "'plaint -h'\n", argv[0]);
		return PLAINT_USAGE;
	}
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
