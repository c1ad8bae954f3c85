/* plaint assign: give a complaint to a named person. */
#include "plaint.h"

static const char synopsis[] =
    "plaint assign ID PERSON [department=dept] [-m note]";
static const char *const fields[] = { "department", NULL };

int
cmd_assign(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *doc = NULL, *ev = NULL, *who, *dept = NULL;
	const char *next, *d;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 1,
	    fields, &ca, &id)) != 0 || (rc = setup(c)) != 0)
		return rc;
	if ((who = complaint_input(&c->store.policy, "assignee", ca.pos[0],
	    &e)) == NULL)
		return report(c, &e);
	d = change_arg(&ca, "department");
	if (d != NULL && (dept = complaint_input(&c->store.policy,
	    "department", d, &e)) == NULL)
		goto done;
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "to", node_dup(who)) == -1 ||
	    (dept && node_map_set(ev, "department", node_dup(dept)) == -1) ||
	    (ca.msg && node_map_set(ev, "note", complaint_text("-m", ca.msg,
	    1, &e)) == -1)) {
		if (e.code == 0)
			perr_nomem(&e);
		goto done;
	}
	if ((rc = begin_change(c, &id, "assign", &doc, &next)) != 0)
		goto done;
	if (complaint_set(doc, "assignee", who, &e) == -1 ||
	    (dept != NULL && complaint_set(doc, "department", dept, &e) == -1)) {
		who = dept = NULL;
		goto done;
	}
	who = dept = NULL;
	rc = commit_change(c, &id, doc, next, "assign", ev);
	ev = NULL;
done:
	node_free(who);
	node_free(dept);
	node_free(ev);
	node_free(doc);
	return e.code ? report(c, &e) : rc;
}
