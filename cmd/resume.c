/* plaint resume: restart the clocks; deadlines move by the time paused. */
#include "plaint.h"

static const char synopsis[] = "plaint resume ID [-m note]";
static const char *const fields[] = { NULL };

static int
resume_clocks(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	(void)ev;
	if (!rules_paused(ch->doc))
		return perr_set(e, PLAINT_REFUSED, "%s is not paused",
		    (const char *)arg);
	return 0;
}

int
cmd_resume(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *ev;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0 || (rc = setup(c)) != 0 ||
	    policy_action(c, &id, "resume", &ca, &rc))
		return rc;
	if ((ev = node_new_map()) == NULL || (ca.msg != NULL &&
	    node_map_set(ev, "note", complaint_text("-m", ca.msg, 1, &e)) ==
	    -1)) {
		node_free(ev);
		return e.code ? report(c, &e) : fail(c, PLAINT_OSERR,
		    "out of memory");
	}
	return run_change(c, &id, "resume", ev, resume_clocks, (void *)ca.id);
}
