/* plaint reopen: back to work for another round. */
#include "../lib/action.h"
#include "plaint.h"

static const char synopsis[] = "plaint reopen ID -m reason";
static const char *const fields[] = { NULL };

int
cmd_reopen(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *doc = NULL, *ev = NULL;
	const char *next;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0)
		return rc;
	if (ca.msg == NULL)
		return fail(c, PLAINT_USAGE, "-m: give the reason");
	if ((rc = setup(c)) != 0)
		return rc;
	if ((rc = begin_change(c, &id, "reopen", &doc, &next)) != 0)
		return rc;
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "note", complaint_text("-m", ca.msg, 1, &e)) ==
	    -1 || action_reopen(doc, &c->store.policy, c->rules.max_rounds, ev,
	    &next, &e) == -1) {
		if (e.code == 0)
			perr_nomem(&e);
		goto done;
	}
	rc = commit_change(c, &id, doc, next, "reopen", ev);
	ev = NULL;
done:
	node_free(ev);
	node_free(doc);
	return e.code ? report(c, &e) : rc;
}
