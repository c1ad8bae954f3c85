/* plaint pause: stop the clocks while the office waits on someone else. */
#include "plaint.h"

static const char synopsis[] = "plaint pause ID -m reason";
static const char *const fields[] = { NULL };

static int
may_pause(const struct rules *r)
{
	size_t i;

	for (i = 0; i < r->nclocks; i++)
		if (r->clocks[i].pausable)
			return 1;
	return 0;
}

static int
pause_clocks(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	const char *id = arg;

	(void)ev;
	if (rules_paused(ch->doc))
		return perr_set(e, PLAINT_REFUSED, "%s is paused already; "
		    "'plaint resume %s' restarts its clocks", id, id);
	return 0;
}

int
cmd_pause(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *ev;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0)
		return rc;
	if (ca.msg == NULL)
		return fail(c, PLAINT_USAGE, "-m: say what the office waits for");
	if ((rc = setup(c)) != 0 || policy_action(c, &id, "pause", &ca, &rc))
		return rc;
	if (!may_pause(&c->rules))
		return fail(c, PLAINT_REFUSED, "the policy lets no clock pause "
		    "(a clock needs pause: true in plaint.yaml)");
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "note", complaint_text("-m", ca.msg, 1, &e)) ==
	    -1) {
		node_free(ev);
		return e.code ? report(c, &e) : fail(c, PLAINT_OSERR,
		    "out of memory");
	}
	return run_change(c, &id, "pause", ev, pause_clocks, (void *)ca.id);
}
