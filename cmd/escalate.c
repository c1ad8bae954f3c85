/* plaint escalate: move a complaint one level up the policy's chain. */
#include "../lib/action.h"
#include "plaint.h"

static const char synopsis[] =
    "plaint escalate ID [-m reason] [assignee=person] [department=dept]";
static const char *const fields[] = { "assignee", "department", NULL };

int
cmd_escalate(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *doc = NULL, *ev = NULL;
	const char *next;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0 || (rc = setup(c)) != 0)
		return rc;
	if ((rc = begin_change(c, &id, "escalate", &doc, &next)) != 0)
		return rc;
	if ((ev = node_new_map()) == NULL ||
	    (ca.msg != NULL && node_map_set(ev, "note", complaint_text("-m",
	    ca.msg, 1, &e)) == -1) ||
	    action_escalate(doc, &c->store.policy, change_arg(&ca,
	    "assignee"), change_arg(&ca, "department"), ev, &e) == -1) {
		if (e.code == 0)
			perr_nomem(&e);
		goto done;
	}
	rc = commit_change(c, &id, doc, next, "escalate", ev);
	ev = NULL;
done:
	node_free(ev);
	node_free(doc);
	return e.code ? report(c, &e) : rc;
}
