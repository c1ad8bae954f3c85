/* plaint escalate: move a complaint one level up the policy's chain. */
#include "../lib/action.h"
#include "plaint.h"

static const char synopsis[] =
    "plaint escalate ID [-m reason] [assignee=person] [department=dept]";
static const char *const fields[] = { "assignee", "department", NULL };

static int
escalate(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	const struct change_args *ca = arg;

	if (ca->msg != NULL && node_map_set(ev, "note", complaint_text("-m",
	    ca->msg, 1, e)) == -1)
		return e->code ? -1 : perr_nomem(e);
	return action_escalate(ch->doc, ch->policy, change_arg(ca,
	    "assignee"), change_arg(ca, "department"), ev, e);
}

int
cmd_escalate(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	int rc;

	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0 || (rc = setup(c)) != 0 ||
	    policy_action(c, &id, "escalate", &ca, &rc))
		return rc;
	return run_change(c, &id, "escalate", NULL, escalate, &ca);
}
