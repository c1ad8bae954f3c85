/* plaint reopen: back to work for another round. */
#include "../lib/action.h"
#include "plaint.h"

static const char synopsis[] = "plaint reopen ID -m reason";
static const char *const fields[] = { NULL };

static int
reopen(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	const char *to = ch->next, *up, *hint;

	(void)arg;
	if (action_reopen(ch->doc, ch->policy, ch->env->rules->max_rounds,
	    ev, &ch->next, e) == -1)
		return -1;
	/* One level up past the rounds: where this workflow's escalate goes. */
	if (ch->next != to && !workflow_is_state(ch->wf, ch->next))
		ch->next = workflow_next(ch->wf, to, "escalate", 1, &up,
		    &hint) == 0 ? up : to;
	return 0;
}

int
cmd_reopen(struct ctx *c, int argc, char **argv)
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
		return fail(c, PLAINT_USAGE, "-m: give the reason");
	if ((rc = setup(c)) != 0 || policy_action(c, &id, "reopen", &ca, &rc))
		return rc;
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "note", complaint_text("-m", ca.msg, 1, &e)) ==
	    -1) {
		node_free(ev);
		return e.code ? report(c, &e) : fail(c, PLAINT_OSERR,
		    "out of memory");
	}
	return run_change(c, &id, "reopen", ev, reopen, NULL);
}
