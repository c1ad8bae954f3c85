#include <string.h>

#include "../../lib/action.h"
#include "../../lib/complaint.h"
#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

static const char policy_yaml[] =
    "policy: t\n"
    "timezone: \"+08:00\"\n"
    "kinds: [complaint]\n"
    "escalation:\n"
    "  - name: desk\n"
    "  - { name: manager, assignee: \"经理\", department: \"客服部\" }\n"
    "  - { name: director }\n";

static const char doc_yaml[] =
    "id: \"2611-0001\"\nstatus: resolved\nassignee: \"李四\"\n"
    "level: 0\nround: 1\n"
    "resolution: { at: \"2026-11-27T10:00:00+08:00\" }\n"
    "satisfaction: unsatisfied\n";

static struct node *
doc_new(void)
{
	struct perr e;

	perr_clear(&e);
	return yamlio_parse(doc_yaml, strlen(doc_yaml), "doc", &e);
}

static const char *
str_at(const struct node *doc, const char *path)
{
	return node_str(node_path_get(doc, path));
}

static void
escalate(const struct policy *p)
{
	struct node *doc = doc_new(), *ev = node_new_map();
	struct perr e;

	perr_clear(&e);
	/* The level's own assignee and department; level first in the event. */
	CHECK(node_map_set(ev, "note", node_new_str("up")) == 0);
	CHECK(action_escalate(doc, p, NULL, NULL, ev, &e) == 0);
	CHECK(complaint_level(doc) == 1);
	CHECK_STR(str_at(doc, "assignee"), "经理");
	CHECK_STR(str_at(doc, "department"), "客服部");
	CHECK(ev->n == 4 && strcmp(ev->keys[0], "level") == 0 &&
	    strcmp(ev->keys[1], "note") == 0 &&
	    strcmp(ev->keys[2], "to") == 0 &&
	    strcmp(ev->keys[3], "department") == 0);
	/* Given names win over the level's. */
	node_free(ev);
	ev = node_new_map();
	CHECK(action_escalate(doc, p, "赵六", "总经办", ev, &e) == 0);
	CHECK(complaint_level(doc) == 2);
	CHECK_STR(str_at(doc, "assignee"), "赵六");
	CHECK_STR(str_at(doc, "department"), "总经办");
	CHECK_STR(str_at(ev, "to"), "赵六");
	/* The top of the chain refuses, and changes nothing. */
	node_free(ev);
	ev = node_new_map();
	CHECK(action_escalate(doc, p, "王五", NULL, ev, &e) == -1);
	CHECK(e.code == PLAINT_REFUSED);
	CHECK(complaint_level(doc) == 2 && ev->n == 0);
	node_free(ev);
	node_free(doc);
}

static void
reopen(const struct policy *p)
{
	struct node *doc = doc_new(), *ev = node_new_map();
	const char *next = "assigned";
	long long round = 0;
	struct perr e;

	perr_clear(&e);
	CHECK(node_map_set(ev, "note", node_new_str("again")) == 0);
	CHECK(action_reopen(doc, p, 2, ev, &next, &e) == 0);
	CHECK(node_int(node_map_get(doc, "round"), &round) == 0 &&
	    round == 2);
	CHECK(node_map_get(doc, "resolution") == NULL &&
	    node_map_get(doc, "satisfaction") == NULL);
	CHECK(complaint_level(doc) == 0);
	CHECK_STR(next, "assigned");
	CHECK(ev->n == 2 && strcmp(ev->keys[0], "round") == 0);
	/* Round 3 is past a cap of 2: one level up, escalated. */
	node_free(ev);
	ev = node_new_map();
	CHECK(action_reopen(doc, p, 2, ev, &next, &e) == 0);
	CHECK(complaint_level(doc) == 1);
	CHECK_STR(next, "escalated");
	CHECK(node_map_get(ev, "level") != NULL);
	/* No cap: rounds go on at the same level. */
	node_free(ev);
	ev = node_new_map();
	next = "assigned";
	CHECK(action_reopen(doc, p, 0, ev, &next, &e) == 0);
	CHECK(complaint_level(doc) == 1);
	CHECK_STR(next, "assigned");
	node_free(ev);
	node_free(doc);
}

void
suite_action(void)
{
	struct policy p;
	struct perr e;

	perr_clear(&e);
	if ((policy_load_buf(&p, policy_yaml, strlen(policy_yaml), "p",
	    &e) == -1 ||
	    policy_load_workflows(&p, unit_find_data, &e) == -1)) {
		CHECK(!"policy");
		return;
	}
	escalate(&p);
	reopen(&p);
	policy_release(&p);
}
