/* plaint escalate: move a complaint one level up the policy's chain. */
#include <string.h>

#include "plaint.h"

static const char synopsis[] =
    "plaint escalate ID [-m reason] [assignee=person] [department=dept]";
static const char *const fields[] = { "assignee", "department", NULL };

/* The level's own assignee and department, unless the user gave them. */
static int
take(struct ctx *c, struct node *doc, struct node *ev, const char *field,
    const char *given, const char *from_level, struct perr *e)
{
	const char *v = given != NULL ? given : from_level;
	struct node *n;

	if (v == NULL)
		return 0;
	if ((n = complaint_input(&c->store.policy, field, v, e)) == NULL)
		return -1;
	/* The event names the new assignee "to", as assign does. */
	if (node_map_set(ev, strcmp(field, "assignee") == 0 ? "to" : field,
	    node_dup(n)) == -1) {
		node_free(n);
		return perr_nomem(e);
	}
	return complaint_set(doc, field, n, e);
}

int
cmd_escalate(struct ctx *c, int argc, char **argv)
{
	const struct policy_level *lv;
	struct change_args ca;
	struct complaint_id id;
	struct node *doc = NULL, *ev = NULL;
	const char *next;
	long long level;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0 || (rc = setup(c)) != 0)
		return rc;
	if ((rc = begin_change(c, &id, "escalate", &doc, &next)) != 0)
		return rc;
	if ((level = complaint_next_level(doc, &c->store.policy, &e)) == -1)
		goto done;
	lv = &c->store.policy.levels[level];
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "level", node_new_int(level)) == -1 ||
	    (ca.msg != NULL && node_map_set(ev, "note", complaint_text("-m",
	    ca.msg, 1, &e)) == -1) ||
	    complaint_set(doc, "level", node_new_int(level), &e) == -1 ||
	    take(c, doc, ev, "assignee", change_arg(&ca, "assignee"),
	    lv->assignee, &e) == -1 ||
	    take(c, doc, ev, "department", change_arg(&ca, "department"),
	    lv->department, &e) == -1) {
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
