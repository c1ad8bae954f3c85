#include "../../lib/change.h"
#include "../../lib/complaint.h"
#include "../../lib/policy.h"
#include "../../lib/ptime.h"
#include "../../lib/strbuf.h"
#include "../../lib/workflow.h"
#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Every state and action of the complaint workflow, as a user would read
 * it: where it leads, with somebody assigned and without.  NULL: refused.
 */
static const struct {
	const char *state, *action;
	const char *next;		/* assigned */
	const char *next_unassigned;	/* nobody assigned */
} rows[] = {
	{ "new", "assign", "assigned", "assigned" },
	{ "new", "note", "new", "new" },
	{ "new", "notify", "new", "new" },
	{ "new", "set", "new", "new" },
	{ "new", "contact", "new", "new" },
	{ "new", "escalate", "escalated", "escalated" },
	{ "new", "extend", "new", "new" },
	{ "new", "resolve", "resolved", "resolved" },
	{ "new", "close", NULL, NULL },
	{ "new", "reopen", NULL, NULL },
	{ "new", "pause", "new", "new" },
	{ "new", "resume", "new", "new" },
	{ "new", "withdraw", "closed", "closed" },

	{ "assigned", "assign", "assigned", "assigned" },
	{ "assigned", "note", "assigned", "assigned" },
	{ "assigned", "notify", "assigned", "assigned" },
	{ "assigned", "set", "assigned", "assigned" },
	{ "assigned", "contact", "assigned", "assigned" },
	{ "assigned", "escalate", "escalated", "escalated" },
	{ "assigned", "extend", "assigned", "assigned" },
	{ "assigned", "resolve", "resolved", "resolved" },
	{ "assigned", "close", NULL, NULL },
	{ "assigned", "reopen", NULL, NULL },
	{ "assigned", "pause", "assigned", "assigned" },
	{ "assigned", "resume", "assigned", "assigned" },
	{ "assigned", "withdraw", "closed", "closed" },

	{ "escalated", "assign", "escalated", "escalated" },
	{ "escalated", "note", "escalated", "escalated" },
	{ "escalated", "notify", "escalated", "escalated" },
	{ "escalated", "set", "escalated", "escalated" },
	{ "escalated", "contact", "escalated", "escalated" },
	{ "escalated", "escalate", "escalated", "escalated" },
	{ "escalated", "extend", "escalated", "escalated" },
	{ "escalated", "resolve", "resolved", "resolved" },
	{ "escalated", "close", NULL, NULL },
	{ "escalated", "reopen", NULL, NULL },
	{ "escalated", "pause", "escalated", "escalated" },
	{ "escalated", "resume", "escalated", "escalated" },
	{ "escalated", "withdraw", "closed", "closed" },

	{ "resolved", "note", "resolved", "resolved" },
	{ "resolved", "notify", "resolved", "resolved" },
	{ "resolved", "set", "resolved", "resolved" },
	{ "resolved", "contact", "resolved", "resolved" },
	{ "resolved", "close", "closed", "closed" },
	{ "resolved", "reopen", "assigned", "new" },
	{ "resolved", "assign", NULL, NULL },
	{ "resolved", "escalate", NULL, NULL },
	{ "resolved", "extend", NULL, NULL },
	{ "resolved", "resolve", NULL, NULL },
	{ "resolved", "withdraw", "closed", "closed" },
	{ "resolved", "pause", NULL, NULL },
	{ "resolved", "resume", NULL, NULL },

	{ "closed", "note", "closed", "closed" },
	{ "closed", "notify", "closed", "closed" },
	{ "closed", "set", "closed", "closed" },
	{ "closed", "contact", "closed", "closed" },
	{ "closed", "reopen", "assigned", "new" },
	{ "closed", "assign", NULL, NULL },
	{ "closed", "escalate", NULL, NULL },
	{ "closed", "extend", NULL, NULL },
	{ "closed", "resolve", NULL, NULL },
	{ "closed", "close", NULL, NULL },
	{ "closed", "withdraw", NULL, NULL },
	{ "closed", "pause", NULL, NULL },
	{ "closed", "resume", NULL, NULL },

	/* Not in the table at all. */
	{ "new", "frobnicate", NULL, NULL },
	{ "open", "note", NULL, NULL },
	{ "", "note", NULL, NULL },
	{ "New", "note", NULL, NULL },
};

static const struct workflow *wf;

static int
same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static void
one(const char *state, const char *action, int assigned, const char *want)
{
	const char *next = "unset", *hint = NULL;
	int rc;

	rc = workflow_next(wf, state, action, assigned, &next,
	    &hint);
	CHECK(rc == (want != NULL ? 0 : -1));
	CHECK(same(next, want));
	if (want == NULL)
		CHECK(hint != NULL && *hint != '\0');
	if (rc != (want != NULL ? 0 : -1) || !same(next, want))
		printf("#   %s %s (%s): got %s\n", state ? state : "(null)",
		    action, assigned ? "assigned" : "unassigned",
		    next ? next : "refused");
}

/* The default workflow, as data/policies/default.yaml writes it. */
static void
complaint_table(void)
{
	const char *next, *hint;
	size_t i, j, k;

	for (i = 0; i < NELEM(rows); i++) {
		one(rows[i].state, rows[i].action, 1, rows[i].next);
		one(rows[i].state, rows[i].action, 0, rows[i].next_unassigned);
	}
	one(NULL, "note", 1, NULL);
	/* Every state and action of the workflow has a row above. */
	for (i = 0; i < wf->nstates; i++)
		for (k = 0; k < wf->nactions; k++) {
			const char *s = wf->states[i].name;
			const char *a = wf->actions[k].name;

			if (strcmp(a, "log") == 0)
				continue;
			for (j = 0; j < NELEM(rows); j++)
				if (strcmp(rows[j].state, s) == 0 &&
				    strcmp(rows[j].action, a) == 0)
					break;
			CHECK(j < NELEM(rows));
			if (j == NELEM(rows))
				printf("#   no row for %s %s\n", s, a);
			/* A refusal always says what to do instead. */
			if (workflow_next(wf, s, a, 1, &next, &hint) == -1)
				CHECK(strcmp(hint, "the workflow does not "
				    "allow it") != 0);
		}
	/* The specific hints, word for word as the commands print them. */
	workflow_next(wf, "new", "close", 1, &next, &hint);
	CHECK_STR(hint, "resolve it first ('plaint resolve ID -m RESULT')");
	workflow_next(wf, "closed", "assign", 1, &next, &hint);
	CHECK_STR(hint, "reopen it first ('plaint reopen ID -m REASON')");
	workflow_next(wf, "resolved", "resolve", 1, &next, &hint);
	CHECK_STR(hint, "reopen it first ('plaint reopen ID -m REASON')");
	workflow_next(wf, "closed", "close", 1, &next, &hint);
	CHECK_STR(hint, "to record another callback, reopen it first "
	    "('plaint reopen ID -m REASON')");
	workflow_next(wf, "resolved", "pause", 1, &next, &hint);
	CHECK_STR(hint, "its clocks have stopped; reopen it to work on it "
	    "again");
	workflow_next(wf, "assigned", "reopen", 1, &next, &hint);
	CHECK_STR(hint, "it is still open: carry on with it ('plaint note', "
	    "'plaint resolve')");

	CHECK(workflow_is_state(wf, "new"));
	CHECK(workflow_is_state(wf, "closed"));
	CHECK(!workflow_is_state(wf, "open"));
	CHECK(!workflow_is_state(wf, NULL));
	CHECK(workflow_is_open(wf, "new"));
	CHECK(workflow_is_open(wf, "assigned"));
	CHECK(workflow_is_open(wf, "escalated"));
	CHECK(!workflow_is_open(wf, "resolved"));
	CHECK(!workflow_is_open(wf, "closed"));
	CHECK(!workflow_is_open(wf, NULL));
	/* A closed complaint can be reopened: nothing here is final. */
	for (i = 0; i < wf->nstates; i++)
		CHECK(!wf->states[i].final);
	CHECK_STR(wf->states[0].name, "new");
	CHECK_STR(workflow_initial(wf, "log", 1), "assigned");
	CHECK_STR(workflow_initial(wf, "log", 0), "new");
	CHECK_STR(wf->owner, "assignee");
}

#define TICKET_POLICY \
	"policy: t\n" \
	"kinds:\n" \
	"  complaint: {}\n" \
	"  ticket: { workflow: ticket }\n" \
	"escalation: [desk]\n" \
	"people:\n" \
	"  张三: { roles: [signer, leader] }\n" \
	"  李四: { roles: [permitter] }\n" \
	"workflows:\n" \
	"  complaint:\n" \
	"    states: { new: { open: yes }, done: {} }\n" \
	"    actions:\n" \
	"      log: { to: new }\n" \
	"      resolve: { from: [new], to: done }\n" \
	"  ticket:\n" \
	"    owner: leader\n" \
	"    states:\n" \
	"      draft: { open: yes }\n" \
	"      issued: { open: yes }\n" \
	"      closed: { final: yes }\n" \
	"    actions:\n" \
	"      log: { to: draft }\n" \
	"      issue: { from: [draft], to: issued, role: signer }\n" \
	"      close: { from: { issued: closed }, role: [permitter, " \
	"leader], login: yes }\n" \
	"      note: { from: [draft, issued, closed] }\n"

static void
policy_workflows(void)
{
	const struct workflow *t, *c;
	const struct wf_action *a;
	struct policy p;
	struct perr e;
	const char *next, *hint;

	perr_clear(&e);
	if (policy_load_buf(&p, TICKET_POLICY, strlen(TICKET_POLICY), "t.yaml",
	    &e) == -1 || policy_load_workflows(&p, unit_find_data, &e) == -1) {
		printf("#   %s: %s\n", e.field, e.msg);
		CHECK(!"ticket policy");
		return;
	}
	CHECK(p.base == NULL);	/* its own workflows: nothing inherited */
	CHECK(p.nworkflows == 2);
	t = policy_workflow(&p, "ticket");
	c = policy_workflow(&p, "complaint");
	CHECK(t != NULL && strcmp(t->name, "ticket") == 0);
	CHECK(c != NULL && strcmp(c->name, "complaint") == 0);
	/* No kind, or one the policy lost: the one called complaint. */
	CHECK(policy_workflow(&p, NULL) == c);
	CHECK(policy_workflow(&p, "gone") == c);
	CHECK_STR(t->owner, "leader");
	CHECK(workflow_is_final(t, "closed"));
	CHECK(!workflow_is_final(t, "issued"));
	CHECK(workflow_next(t, "draft", "issue", 1, &next, &hint) == 0);
	CHECK_STR(next, "issued");
	CHECK(workflow_next(t, "issued", "close", 0, &next, &hint) == 0);
	CHECK_STR(next, "closed");
	/* Final: not even an action listed from it is taken. */
	CHECK(workflow_next(t, "closed", "note", 1, &next, &hint) == -1);
	CHECK(strstr(hint, "final") != NULL);
	CHECK(workflow_next(t, "draft", "close", 1, &next, &hint) == -1);
	CHECK_STR(hint, "the workflow does not allow it");
	a = workflow_action(t, "close");
	CHECK(a != NULL && a->nroles == 2 && a->login);
	CHECK(workflow_action(t, "issue")->nroles == 1);
	CHECK(policy_has_role(&p, "张三", "signer"));
	CHECK(policy_has_role(&p, "张三", "leader"));
	CHECK(!policy_has_role(&p, "张三", "permitter"));
	CHECK(!policy_has_role(&p, "王五", "signer"));
	CHECK_STR(workflow_initial(t, "log", 0), "draft");
	policy_release(&p);
}

static void
inherited(void)
{
	static const char text[] =
	    "policy: old\nkinds: [complaint]\nescalation: [desk]\n";
	struct policy p;
	struct perr e;

	perr_clear(&e);
	CHECK(policy_load_buf(&p, text, strlen(text), "old.yaml", &e) == 0);
	CHECK(p.nworkflows == 0);
	CHECK(policy_workflow(&p, "complaint") == NULL);
	CHECK(policy_load_workflows(&p, unit_find_data, &e) == 0);
	CHECK(p.base != NULL && p.nworkflows == 1);
	CHECK(policy_workflow(&p, "complaint") != NULL &&
	    strcmp(policy_workflow(&p, "complaint")->name, "complaint") == 0);
	policy_release(&p);
}

static int
no_data(char *buf, size_t size, const char *rel)
{
	(void)buf;
	(void)size;
	(void)rel;
	return -1;
}

static const struct {
	const char *yaml, *field, *msg;
} bad[] = {
	{ "workflows: []\n", "workflows", "must map a name" },
	{ "workflows: { w: { states: {}, actions: { a: { to: x } } } }\n",
	    "w", "states:" },
	{ "workflows: { w: { states: { s: {} } } }\n", "w", "actions:" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: { from: [x], "
	    "to: s } } } }\n", "a", "\"x\" is not a state of workflow w" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: { from: [s], "
	    "to: y } } } }\n", "a", "\"y\" is not a state" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: { from: "
	    "{ s: z } } } } }\n", "a", "\"z\" is not a state" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: {} } } }\n",
	    "a", "needs from:" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: { to: s, "
	    "colour: red } } } }\n", "a", "unknown key \"colour\"" },
	{ "workflows: { w: { states: { s: { open: yes, final: yes } }, "
	    "actions: { a: { to: s } } } }\n", "s", "both open and final" },
	{ "workflows: { w: { states: { s: { open: maybe } }, actions: "
	    "{ a: { to: s } } } }\n", "s", "open: must be yes or no" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: { to: s, "
	    "signatures: [x], exclusive: yes } } } }\n", "a", "exclusive" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: { to: s, "
	    "refused: { q: hint } } } } }\n", "a", "\"q\" is not a state" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: { to: s } } } }\n"
	    "kinds: { k: { workflow: v } }\n", "k",
	    "\"v\" is not one of the policy's workflows" },
	{ "people: [张三]\n", "people", "must map each person" },
	{ "workflows: { w: { number: { at: issue, pattern: \"{NNN}\", scope: "
	    "[month] }, states: { s: {} }, actions: { issue: { to: s } } } }\n",
	    "number", "counted per month, so it must show the month" },
	{ "workflows: { w: { number: { at: issue, pattern: \"{YYYY}\" }, "
	    "states: { s: {} }, actions: { issue: { to: s } } } }\n",
	    "number", "needs the serial" },
	{ "workflows: { w: { number: { at: sign, pattern: \"{NNN}\" }, "
	    "states: { s: {} }, actions: { issue: { to: s } } } }\n",
	    "number", "\"sign\" is not an action" },
	{ "workflows: { w: { states: { s: {} }, actions: { a: { to: s, "
	    "effect: fly } } } }\n", "a", "\"fly\" is not one of plaint's" },
	{ "workflows: { w: { times: [go], states: { s: {} }, actions: "
	    "{ a: { to: s } } } }\n", "w", "\"go\" is not an action" },
	{ "people: { 张三: { roles: signer } }\n", "张三", "roles: [ROLE" },
};

static void
bad_policies(void)
{
	static const char head[] = "policy: b\nescalation: [desk]\n";
	char text[1024];
	struct policy p;
	struct perr e;
	size_t i;

	for (i = 0; i < NELEM(bad); i++) {
		snprintf(text, sizeof(text), "%s%s%s", head,
		    strstr(bad[i].yaml, "kinds:") ? "" : "kinds: [k]\n",
		    bad[i].yaml);
		perr_clear(&e);
		CHECK(policy_load_buf(&p, text, strlen(text), "b.yaml", &e) ==
		    -1);
		CHECK(e.code == PLAINT_CONFIG);
		CHECK(strstr(e.field, bad[i].field) != NULL);
		CHECK(strstr(e.msg, bad[i].msg) != NULL);
		CHECK(e.line > 0);
		if (e.code != PLAINT_CONFIG || strstr(e.msg, bad[i].msg) ==
		    NULL || strstr(e.field, bad[i].field) == NULL)
			printf("#   %zu: %s: %s\n", i, e.field, e.msg);
	}
	/* No workflows, and no default installed to take them from. */
	snprintf(text, sizeof(text), "%skinds: [k]\n", head);
	perr_clear(&e);
	CHECK(policy_load_buf(&p, text, strlen(text), "b.yaml", &e) == 0);
	CHECK(policy_load_workflows(&p, no_data, &e) == -1);
	CHECK(e.code == PLAINT_CONFIG);
	policy_release(&p);
}

/* A ticket's number: pattern, scope, suffix, and the checks at load. */
static void
numbers(void)
{
	static const char text[] =
	    "policy: n\nkinds: {t: {workflow: w}}\nescalation: [desk]\n"
	    "workflows:\n"
	    "  w:\n"
	    "    number: { at: issue, pattern: \"{department}-{YY}{MM}{DD}-{NNN}\","
	    " scope: [department, day], suffix: { hand: \"手\" } }\n"
	    "    states: { a: {open: yes}, b: {} }\n"
	    "    actions: { log: {to: a}, issue: {from: [a], to: b} }\n";
	struct strbuf sb = STRBUF_INIT;
	const struct workflow *w;
	struct node *doc;
	struct policy p;
	struct perr e;
	ptime_t t;
	int off;

	perr_clear(&e);
	if (policy_load_buf(&p, text, strlen(text), "n.yaml", &e) == -1) {
		printf("#   %s: %s\n", e.field, e.msg);
		CHECK(!"number policy");
		return;
	}
	w = policy_workflow(&p, "t");
	CHECK(w != NULL && w->number.at != NULL);
	CHECK_STR(w->number.field, "number");
	ptime_parse("2026-11-27T23:30:00+08:00", 0, &t, &off);
	doc = node_new_map();
	node_map_set(doc, "department", node_new_str("运行一班"));
	CHECK(workflow_number_scope(&w->number, doc, t, 8 * 3600, &sb) == 0);
	CHECK_STR(strbuf_str(&sb), "number;department=运行一班;day=2026-11-27");
	/* The day is the office's: 23:30 in Beijing is still the 27th. */
	CHECK(workflow_number_format(&w->number, doc, t, 8 * 3600, 7,
	    &sb) == 0);
	CHECK_STR(strbuf_str(&sb), "运行一班-261127-007");
	CHECK(workflow_number_format(&w->number, doc, t, 8 * 3600, 1234,
	    &sb) == 0);
	CHECK_STR(strbuf_str(&sb), "运行一班-261127-1234");
	node_map_set(doc, "hand", node_new_bool(1));
	CHECK(workflow_number_format(&w->number, doc, t, 8 * 3600, 2,
	    &sb) == 0);
	CHECK_STR(strbuf_str(&sb), "运行一班-261127-002手");
	/* UTC: the 27th 15:30 is the 27th in UTC too, the 28th at +09:00. */
	CHECK(workflow_number_scope(&w->number, doc, t, 9 * 3600, &sb) == 0);
	CHECK_STR(strbuf_str(&sb), "number;department=运行一班;day=2026-11-28");
	node_map_del(doc, "department");
	CHECK(workflow_number_scope(&w->number, doc, t, 8 * 3600, &sb) == -1);
	CHECK(workflow_number_format(&w->number, doc, t, 8 * 3600, 1, &sb) ==
	    -1);
	node_free(doc);
	strbuf_release(&sb);
	policy_release(&p);
}

/*
 * complaint_replay on the default workflow: the events of a history and
 * the status they may leave, with an assignee or without.
 */
static const struct {
	const char *actions;	/* space-separated */
	int assignee;
	const char *status;
	int agrees;
	const char *led;	/* the first state it names, or the stuck action */
} replays[] = {
	{ "log", 0, "new", 1, NULL },
	{ "log", 0, "assigned", 0, "new" },
	{ "log", 1, "assigned", 1, NULL },
	{ "log", 1, "new", 1, NULL },	/* assignee given later? unknown */
	{ "log assign", 1, "new", 0, "assigned" },
	{ "log assign note", 1, "assigned", 1, NULL },
	{ "log escalate", 0, "escalated", 1, NULL },
	{ "log escalate assign", 1, "escalated", 1, NULL },
	{ "log resolve", 0, "resolved", 1, NULL },
	{ "log resolve close", 0, "closed", 1, NULL },
	{ "log resolve close", 0, "resolved", 0, "closed" },
	{ "log resolve close reopen", 0, "new", 1, NULL },
	{ "log resolve close reopen", 0, "escalated", 1, NULL },
	{ "log resolve close reopen", 0, "closed", 0, "new" },
	{ "log assign resolve reopen", 1, "assigned", 1, NULL },
	{ "log assign resolve reopen", 1, "new", 0, "assigned" },
	{ "log withdraw", 0, "closed", 1, NULL },
	{ "log penalty pause resume", 0, "new", 1, NULL },
	{ "log close", 0, "closed", 0, "close" },
	{ "log import", 0, "resolved", 1, NULL },
	{ "log import close", 0, "closed", 1, NULL },
	{ "log import close", 0, "new", 0, "closed" },
	{ "", 0, "resolved", 1, NULL },
};

static void
replay(const struct policy *p)
{
	struct complaint_replay rp;
	struct strbuf sb = STRBUF_INIT;
	struct node *doc;
	struct perr e;
	size_t i, n;

	for (i = 0; i < NELEM(replays); i++) {
		const char *a = replays[i].actions, *sp;
		int rc;

		strbuf_reset(&sb);
		strbuf_addf(&sb, "status: %s\n%shistory:\n", replays[i].status,
		    replays[i].assignee ? "assignee: 李四\n" : "");
		for (n = 1; *a != '\0'; n++, a = *sp ? sp + 1 : sp) {
			sp = strchr(a, ' ') ? strchr(a, ' ') : a + strlen(a);
			strbuf_addf(&sb, "- {n: %zu, action: %.*s}\n", n,
			    (int)(sp - a), a);
		}
		if (*replays[i].actions == '\0')
			strbuf_addstr(&sb, "- {n: 1, action: note}\n");
		perr_clear(&e);
		doc = yamlio_parse(strbuf_str(&sb), sb.len, "r", &e);
		CHECK(doc != NULL);
		if (doc == NULL)
			continue;
		rc = complaint_replay(doc, p, &rp);
		if ((rc == 0) != replays[i].agrees)
			printf("# replay \"%s\" to %s: got %d\n",
			    replays[i].actions, replays[i].status, rc);
		CHECK((rc == 0) == replays[i].agrees);
		if (replays[i].led != NULL && rc == -1)
			CHECK_STR(rp.stuck != NULL ? rp.action : rp.led[0],
			    replays[i].led);
		node_free(doc);
	}
	strbuf_release(&sb);
}

void
suite_workflow(void)
{
	struct policy p;
	struct perr e;
	char path[4096];

	perr_clear(&e);
	unit_find_data(path, sizeof(path), "policies/default.yaml");
	if (policy_load(&p, path, &e) == -1) {
		printf("#   %s: %s\n", path, e.msg);
		CHECK(!"default.yaml");
		return;
	}
	wf = policy_workflow(&p, "complaint");
	CHECK(wf != NULL);
	if (wf != NULL)
		complaint_table();
	if (policy_load_workflows(&p, unit_find_data, &e) == 0)
		replay(&p);
	policy_release(&p);
	policy_workflows();
	inherited();
	bad_policies();
	numbers();
}
