/* plaint resume: restart the clocks; deadlines move by the time paused. */
#include "plaint.h"

static const char synopsis[] = "plaint resume ID [-m note]";
static const char *const fields[] = { NULL };

int
cmd_resume(struct ctx *c, int argc, char **argv)
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
	if ((rc = begin_change(c, &id, "resume", &doc, &next)) != 0)
		return rc;
	if (!rules_paused(doc)) {
		node_free(doc);
		return fail(c, PLAINT_REFUSED, "%s is not paused", ca.id);
	}
	if ((ev = node_new_map()) == NULL || (ca.msg != NULL &&
	    node_map_set(ev, "note", complaint_text("-m", ca.msg, 1, &e)) ==
	    -1)) {
		node_free(ev);
		node_free(doc);
		return e.code ? report(c, &e) : fail(c, PLAINT_OSERR,
		    "out of memory");
	}
	rc = commit_change(c, &id, doc, next, "resume", ev);
	node_free(doc);
	return rc;
}
