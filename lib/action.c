#include <string.h>

#include "action.h"
#include "complaint.h"

/* field := given, or the level's value; the event names it as key. */
static int
take(struct node *doc, const struct policy *p, struct node *ev,
    const char *field, const char *key, const char *value, struct perr *e)
{
	struct node *n;

	if (value == NULL)
		return 0;
	if ((n = complaint_input(p, field, value, e)) == NULL)
		return -1;
	if (node_map_set(ev, key, node_dup(n)) == -1) {
		node_free(n);
		return perr_nomem(e);
	}
	return complaint_set(doc, field, n, e);
}

int
action_escalate(struct node *doc, const struct policy *p,
    const char *assignee, const char *department, struct node *ev,
    struct perr *e)
{
	const struct policy_level *lv;
	long long level;

	if ((level = complaint_next_level(doc, p, e)) == -1)
		return -1;
	lv = &p->levels[level];
	if (node_map_set_at(ev, 0, "level", node_new_int(level)) == -1)
		return perr_nomem(e);
	if (complaint_set(doc, "level", node_new_int(level), e) == -1)
		return -1;
	/* The event names the new assignee "to", as assign does. */
	if (take(doc, p, ev, "assignee", "to", assignee != NULL ? assignee :
	    lv->assignee, e) == -1 || take(doc, p, ev, "department",
	    "department", department != NULL ? department : lv->department,
	    e) == -1)
		return -1;
	return 0;
}

int
action_reopen(struct node *doc, const struct policy *p,
    long long max_rounds, struct node *ev, const char **next,
    struct perr *e)
{
	long long round = 1, level;
	struct perr top;

	node_int(node_map_get(doc, "round"), &round);
	node_map_del(doc, "resolution");
	node_map_del(doc, "satisfaction");
	node_map_del(doc, "notice");
	if (node_map_set_at(ev, 0, "round", node_new_int(round + 1)) == -1)
		return perr_nomem(e);
	if (complaint_set(doc, "round", node_new_int(round + 1), e) == -1)
		return -1;
	if (!(max_rounds > 0 && round + 1 > max_rounds))
		return 0;
	/* Past the policy's rounds, a reopened complaint goes up a level. */
	perr_clear(&top);
	if ((level = complaint_next_level(doc, p, &top)) <= 0)
		return 0;
	if (complaint_set(doc, "level", node_new_int(level), e) == -1)
		return -1;
	if (node_map_set(ev, "level", node_new_int(level)) == -1)
		return perr_nomem(e);
	*next = "escalated";
	return 0;
}
