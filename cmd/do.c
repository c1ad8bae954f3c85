/*
 * plaint do: take any action of the record's workflow.  An action with
 * one of plaint's effects (effect: resolve, …) runs the command that
 * carries it out, so that `do` and the command are one code path; any
 * other action sets the fields it requires or accepts and moves the
 * record on.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plaint.h"

static const char synopsis[] =
    "plaint do ID ACTION [field=value ...] [-m note]";
static const char *const fields[] = { "*", NULL };

static const struct {
	const char *effect;
	int (*fn)(struct ctx *, int, char **);
	const char *command, *extra;	/* extra: an argument it implies */
} owned[] = {
	{ "assign", cmd_assign, "assign", NULL },
	{ "close", cmd_close, "close", NULL },
	{ "contact", cmd_note, "note", "-c" },
	{ "escalate", cmd_escalate, "escalate", NULL },
	{ "extend", cmd_extend, "extend", NULL },
	{ "note", cmd_note, "note", NULL },
	{ "notify", cmd_note, "note", NULL },
	{ "pause", cmd_pause, "pause", NULL },
	{ "reopen", cmd_reopen, "reopen", NULL },
	{ "resolve", cmd_resolve, "resolve", NULL },
	{ "resume", cmd_resume, "resume", NULL },
	{ "set", cmd_set, "set", NULL },
	{ "withdraw", cmd_close, "close", "withdrawn=yes" },
};

/* Where ACTION is in argv (the second operand), or 0. */
static int
action_at(int argc, char **argv)
{
	struct args a;
	int ch, n = 0;

	args_init(&a, argc, argv, "+:hm:");
	while ((ch = args_next(&a)) != -1)
		if (ch == 0 && ++n == 2)
			return optind - 1;
	return 0;
}

/* The command that owns the action, run as if it had been typed. */
static int
forward(struct ctx *c, size_t k, int at, int argc, char **argv)
{
	char **av;
	int i, n = 0, rc;

	if ((av = calloc((size_t)argc + 2, sizeof(*av))) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	av[n++] = (char *)owned[k].command;
	for (i = 1; i < argc; i++)
		if (i != at)
			av[n++] = argv[i];
	/* Writable: the command splits field=value in place. */
	if (owned[k].extra != NULL && (av[n++] = strdup(owned[k].extra)) ==
	    NULL) {
		free(av);
		return fail(c, PLAINT_OSERR, "out of memory");
	}
	c->cmd = owned[k].command;
	c->action_as = argv[at];
	rc = owned[k].fn(c, n, av);
	if (owned[k].extra != NULL)
		free(av[n - 1]);
	free(av);
	return rc;
}

/*
 * The action named at argv[at] of the record named by the first operand,
 * when it has one of plaint's effects; NULL otherwise (*rc set when that
 * is an error to report).
 */
static const struct wf_action *
effect_of(struct ctx *c, int argc, char **argv, int at, int *rc)
{
	const struct wf_action *a;
	struct complaint_id id;
	struct args ar;
	struct perr e;
	int ch;

	*rc = 0;
	args_init(&ar, argc, argv, "+:hm:");
	while ((ch = args_next(&ar)) != -1 && ch != 0)
		;
	if (ch != 0 || complaint_id_parse(ar.arg, &id) == -1)
		return NULL;	/* change_args_parse will say why */
	if ((*rc = setup(c)) != 0)
		return NULL;
	perr_clear(&e);
	if ((a = record_action(c, &id, argv[at], &e)) == NULL && e.code != 0)
		*rc = report(c, &e);
	return a != NULL && a->effect != NULL ? a : NULL;
}

int
cmd_do(struct ctx *c, int argc, char **argv)
{
	const struct wf_action *a;
	struct change_args ca;
	struct complaint_id id;
	size_t k;
	int at, rc;

	/* The words after an action with an effect go to its command. */
	if ((at = action_at(argc, argv)) > 0 && (a = effect_of(c, argc, argv,
	    at, &rc)) != NULL)
		for (k = 0; k < sizeof(owned) / sizeof(owned[0]); k++)
			if (strcmp(owned[k].effect, a->effect) == 0)
				return forward(c, k, at, argc, argv);
	if (at > 0 && rc != 0)
		return rc;
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 1,
	    fields, &ca, &id)) != 0)
		return rc;
	if (strcmp(ca.pos[0], "log") == 0)
		return fail(c, PLAINT_USAGE, "log creates a record: use "
		    "'plaint log'");
	if ((rc = setup(c)) != 0)
		return rc;
	return run_change(c, &id, ca.pos[0], NULL, change_args_effect,
	    &ca);
}
