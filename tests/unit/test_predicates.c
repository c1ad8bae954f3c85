/*
 * The predicates the commands rely on to refuse something, one table
 * row a case: may this deadline be extended (rules_may_extend), is a
 * written notice still owed before close (rules_notice_owed), would a
 * fine have nobody to pay it (rules_unpaid), is the complaint paused
 * (rules_paused), is it overdue or breached at a given moment (now > due,
 * never now >= due), and does a penalty fire once per rule and round.
 * Each complaint is written out as the YAML a file would hold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/rules.h"
#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* What every policy must say. */
#define BASE "policy: t\nkinds: [complaint, inquiry]\nescalation: [desk]\n"

static int
find(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("PLAINT_TOP");

	snprintf(buf, size, "%s/data/%s", top ? top : ".", rel);
	return 0;
}

/* A policy and its rules, loaded from text; 0 on success. */
struct loaded {
	struct policy pol;
	struct rules rules;
};

static int
load(struct loaded *l, const char *text)
{
	struct perr e;

	perr_clear(&e);
	if ((policy_load_buf(&l->pol, text, strlen(text), "t", &e) == -1 ||
	    policy_load_workflows(&l->pol, unit_find_data, &e) == -1)) {
		printf("not ok predicates: policy: %s\n", e.msg);
		return -1;
	}
	if (rules_load(&l->rules, &l->pol, find, &e) == -1) {
		printf("not ok predicates: rules: %s\n", e.msg);
		policy_release(&l->pol);
		return -1;
	}
	return 0;
}

static void
unload(struct loaded *l)
{
	rules_release(&l->rules);
	policy_release(&l->pol);
}

static struct node *
doc_of(const char *yaml)
{
	struct perr e;
	struct node *doc;

	perr_clear(&e);
	doc = yamlio_parse(yaml, strlen(yaml), "row", &e);
	if (doc == NULL)
		printf("not ok predicates: row: %s\n", e.msg);
	return doc;
}

/* Extensions */

static const char extend_policy[] =
    BASE
    "extensions:\n"
    "  - {clock: resolution, max: 5d, approved_by: [总经理, 副总经理]}\n"
    "  - {clock: callback}\n";

static const struct {
	const char *clock, *dur, *approver;
	int refused;
	const char *msg;	/* a part of the refusal */
} extend_rows[] = {
	{ "resolution", "3d", "总经理", 0, NULL },
	{ "resolution", "5d", "副总经理", 0, NULL },
	{ "resolution", "120h", "总经理", 0, NULL },
	{ "resolution", "3wd", "总经理", 0, NULL },
	{ "resolution", "6d", "总经理", 1, "allows extending resolution by "
	  "5d at most" },
	{ "resolution", "121h", "总经理", 1, "by 5d at most" },
	{ "resolution", "1w", "总经理", 1, "by 5d at most" },
	{ "resolution", "4wd", "总经理", 1, "by 5d at most" },
	{ "resolution", "3d", "李四", 1, "extending resolution needs the "
	  "approval of 总经理, 副总经理" },
	{ "resolution", "3d", "", 1, "needs the approval" },
	{ "resolution", "6d", "李四", 1, "at most" },
	{ "callback", "30d", "李四", 0, NULL },
	{ "first_response", "1h", "总经理", 1, "the policy does not allow "
	  "extending the first_response deadline" },
	{ "nosuch", "1h", "总经理", 1, "does not allow extending" },
};

static void
check_extend_rows(void)
{
	struct loaded l;
	struct duration d;
	struct perr e;
	size_t i;
	int rc;

	if (load(&l, extend_policy) == -1) {
		unit_failed++;
		return;
	}
	for (i = 0; i < NELEM(extend_rows); i++) {
		perr_clear(&e);
		CHECK(ptime_parse_duration(extend_rows[i].dur, &d) == 0);
		rc = rules_may_extend(&l.rules, extend_rows[i].clock, &d,
		    extend_rows[i].approver, &e);
		CHECK(rc == (extend_rows[i].refused ? -1 : 0));
		if (extend_rows[i].refused) {
			CHECK(e.code == PLAINT_REFUSED);
			CHECK(strstr(e.msg, extend_rows[i].msg) != NULL);
		} else
			CHECK(e.code == 0);
		if (rc != (extend_rows[i].refused ? -1 : 0))
			printf("#   extend %s=%s by %s: %s\n",
			    extend_rows[i].clock, extend_rows[i].dur,
			    extend_rows[i].approver, rc ? e.msg : "allowed");
	}
	unload(&l);
}

/* No extensions key: any extension; an empty list: none at all. */
static void
check_extend_defaults(void)
{
	struct loaded l;
	struct duration d;
	struct perr e;

	ptime_parse_duration("100d", &d);
	if (load(&l, BASE) == 0) {
		perr_clear(&e);
		CHECK(rules_may_extend(&l.rules, "resolution", &d, "李四",
		    &e) == 0);
		unload(&l);
	}
	if (load(&l, BASE "extensions: []\n") == 0) {
		perr_clear(&e);
		CHECK(rules_may_extend(&l.rules, "resolution", &d, "总经理",
		    &e) == -1);
		CHECK(e.code == PLAINT_REFUSED);
		unload(&l);
	}
}

/* Notices */

static const char notice_policy[] =
    BASE
    "notices:\n"
    "  - {id: written, when: {complainant.name: \"*\"}, by: [letter, "
    "visit]}\n"
    "  - {id: inquiry-answer, when: {kind: inquiry}}\n";

static const struct {
	const char *doc;
	const char *owed;	/* the rule's id, or NULL */
} notice_rows[] = {
	{ "kind: complaint\ncomplainant: {name: 张三}\n", "written" },
	{ "kind: complaint\ncomplainant: {name: 张三}\nnotice: {by: letter}\n",
	  NULL },
	{ "kind: complaint\ncomplainant: {name: 张三}\nnotice: {by: visit}\n",
	  NULL },
	/* A call is no written notice. */
	{ "kind: complaint\ncomplainant: {name: 张三}\nnotice: {by: sms}\n",
	  "written" },
	{ "kind: complaint\ncomplainant: {name: \"\"}\n", NULL },
	{ "kind: complaint\n", NULL },
	{ "kind: complaint\ncomplainant: {phone: \"13800000000\"}\n", NULL },
	/* A rule without by: any notice will do. */
	{ "kind: inquiry\n", "inquiry-answer" },
	{ "kind: inquiry\nnotice: {by: sms}\n", NULL },
	{ "kind: inquiry\ncomplainant: {name: 张三}\nnotice: {by: sms}\n",
	  "written" },
	{ "kind: inquiry\ncomplainant: {name: 张三}\nnotice: {by: letter}\n",
	  NULL },
};

static void
check_notice_rows(void)
{
	const struct notice_rule *n;
	struct loaded l;
	struct node *doc;
	size_t i;

	if (load(&l, notice_policy) == -1) {
		unit_failed++;
		return;
	}
	for (i = 0; i < NELEM(notice_rows); i++) {
		if ((doc = doc_of(notice_rows[i].doc)) == NULL) {
			unit_failed++;
			continue;
		}
		n = rules_notice_owed(&l.rules, doc);
		if (notice_rows[i].owed == NULL)
			CHECK(n == NULL);
		else
			CHECK(n != NULL && strcmp(n->id,
			    notice_rows[i].owed) == 0);
		if ((n == NULL) != (notice_rows[i].owed == NULL))
			printf("#   notice row %zu: got %s\n", i,
			    n ? n->id : "none owed");
		node_free(doc);
	}
	unload(&l);
}

/* Fines that would have nobody to pay them */

static const char unpaid_policy[] =
    BASE
    "categories: [attitude, billing]\n"
    "penalties:\n"
    "  - {id: staff-fault, when: {resolution.valid: yes, resolution.cause: "
    "staff}, amount: 50}\n"
    "  - {id: late, on: breach, clock: first_response, amount: 20, "
    "person: assignee}\n"
    "  - {id: rude, when: {category: attitude}, amount: 10, "
    "person: received_by}\n";

static const struct {
	const char *doc;
	const char *unpaid;	/* the rule's id, or NULL */
} unpaid_rows[] = {
	{ "resolution: {valid: true, cause: staff, responsible: 赵六}\n"
	  "received_by: 王芳\n", NULL },
	{ "resolution: {valid: true, cause: staff}\nreceived_by: 王芳\n",
	  "staff-fault" },
	{ "resolution: {valid: true, cause: staff, responsible: \"\"}\n"
	  "received_by: 王芳\n", "staff-fault" },
	{ "resolution: {valid: false, cause: staff}\n", NULL },
	{ "resolution: {valid: true, cause: customer}\n", NULL },
	/* Fined already this round: nothing more is owed. */
	{ "round: 1\nresolution: {valid: true, cause: staff}\n"
	  "penalties:\n- {rule: staff-fault, person: 赵六, amount: 50, "
	  "round: 1}\n", NULL },
	/* A record without a round counts for the first. */
	{ "resolution: {valid: true, cause: staff}\n"
	  "penalties:\n- {rule: staff-fault, person: 赵六, amount: 50}\n",
	  NULL },
	/* Fined in an earlier round: owed again. */
	{ "round: 2\nresolution: {valid: true, cause: staff}\n"
	  "penalties:\n- {rule: staff-fault, person: 赵六, amount: 50, "
	  "round: 1}\n", "staff-fault" },
	/* Another rule's fine does not count for this one. */
	{ "round: 1\nresolution: {valid: true, cause: staff}\n"
	  "penalties:\n- {rule: late, person: 李四, amount: 20, round: 1}\n",
	  "staff-fault" },
	/* A breach rule is fined when the clock runs out, never here. */
	{ "category: billing\n", NULL },
	{ "category: attitude\nreceived_by: 王芳\n", NULL },
	{ "category: attitude\n", "rude" },
};

static void
check_unpaid_rows(void)
{
	const struct penalty_rule *p;
	struct loaded l;
	struct node *doc;
	size_t i;

	if (load(&l, unpaid_policy) == -1) {
		unit_failed++;
		return;
	}
	for (i = 0; i < NELEM(unpaid_rows); i++) {
		if ((doc = doc_of(unpaid_rows[i].doc)) == NULL) {
			unit_failed++;
			continue;
		}
		p = rules_unpaid(&l.rules, doc);
		if (unpaid_rows[i].unpaid == NULL)
			CHECK(p == NULL);
		else
			CHECK(p != NULL && strcmp(p->id,
			    unpaid_rows[i].unpaid) == 0);
		if ((p == NULL) != (unpaid_rows[i].unpaid == NULL))
			printf("#   unpaid row %zu: got %s\n", i,
			    p ? p->id : "none");
		node_free(doc);
	}
	unload(&l);
}

/* Pauses: which event is in force */

static const struct {
	const char *actions;	/* after log, separated by spaces */
	int paused;
	int open_at;		/* n of the pause in force, 0: none */
} pause_rows[] = {
	{ "", 0, 0 },
	{ "pause", 1, 2 },
	{ "pause resume", 0, 0 },
	{ "pause note assign", 1, 2 },
	{ "pause resume pause", 1, 4 },
	{ "pause resume pause resume", 0, 0 },
	{ "resume", 0, 0 },
	/* A new round starts unpaused. */
	{ "pause resolve reopen", 0, 0 },
	{ "resolve reopen pause", 1, 4 },
};

/* History YAML: log, then the actions, numbered from 1. */
static void
history_of(const char *actions, char *buf, size_t size)
{
	char copy[128], *a, *save = NULL;
	size_t len;
	int n = 1;

	len = (size_t)snprintf(buf, size, "history:\n- {n: 1, action: log}\n");
	snprintf(copy, sizeof(copy), "%s", actions);
	for (a = strtok_r(copy, " ", &save); a != NULL && len < size;
	    a = strtok_r(NULL, " ", &save))
		len += (size_t)snprintf(buf + len, size - len,
		    "- {n: %d, action: %s}\n", ++n, a);
}

static void
check_pause_rows(void)
{
	const struct node *ev;
	struct node *doc;
	char yaml[1024];
	long long n;
	size_t i;

	for (i = 0; i < NELEM(pause_rows); i++) {
		history_of(pause_rows[i].actions, yaml, sizeof(yaml));
		if ((doc = doc_of(yaml)) == NULL) {
			unit_failed++;
			continue;
		}
		CHECK(rules_paused(doc) == pause_rows[i].paused);
		ev = rules_open_pause(doc);
		n = 0;
		if (ev != NULL)
			node_int(node_map_get(ev, "n"), &n);
		CHECK(n == pause_rows[i].open_at);
		if (rules_paused(doc) != pause_rows[i].paused)
			printf("#   pause row \"%s\": paused %d\n",
			    pause_rows[i].actions, rules_paused(doc));
		node_free(doc);
	}
}

/*
 * Deadlines at a moment: a clock that runs out at 10:10 is overdue at
 * 10:10:01, not at 10:10:00; one stopped at 10:10:00 was met, one
 * stopped at 10:10:01 breached (and fined, once); a paused clock is not
 * overdue and not fined while the pause lasts; a clock that does not
 * pause (callback) is not held by a pause.
 */
static const char moment_policy[] =
    BASE
    "calendars: [cn-2026]\n"
    "clocks:\n"
    "  first_response: {starts: log, stops: contact, pause: true}\n"
    "  callback: {starts: log, stops: close}\n"
    "deadlines:\n"
    "  - {id: base, set: {first_response: 10m, callback: 1h}}\n"
    "penalties:\n"
    "  - {id: late, on: breach, clock: first_response, amount: 20, "
    "person: assignee}\n";

#define RECEIVED "2026-11-20T10:00:00+08:00"

static const struct {
	const char *events;	/* history after log */
	const char *now;
	int overdue;		/* rules_overdue at now */
	int fined;		/* penalties after rules_update at now */
} moment_rows[] = {
	{ "", "2026-11-20T10:09:59+08:00", 0, 0 },
	{ "", "2026-11-20T10:10:00+08:00", 0, 0 },
	{ "", "2026-11-20T10:10:01+08:00", 1, 1 },
	{ "- {n: 2, at: \"2026-11-20T10:10:00+08:00\", action: contact}\n",
	  "2026-11-20T12:00:00+08:00", 1, 0 },
	{ "- {n: 2, at: \"2026-11-20T10:10:01+08:00\", action: contact}\n",
	  "2026-11-20T10:30:00+08:00", 0, 1 },
	/* Paused before the deadline: held, not overdue, not fined. */
	{ "- {n: 2, at: \"2026-11-20T10:05:00+08:00\", action: pause}\n",
	  "2026-11-20T10:30:00+08:00", 0, 0 },
	/* Resumed at 10:20: 15 minutes paused move 10:10 to 10:25. */
	{ "- {n: 2, at: \"2026-11-20T10:05:00+08:00\", action: pause}\n"
	  "- {n: 3, at: \"2026-11-20T10:20:00+08:00\", action: resume}\n",
	  "2026-11-20T10:25:00+08:00", 0, 0 },
	{ "- {n: 2, at: \"2026-11-20T10:05:00+08:00\", action: pause}\n"
	  "- {n: 3, at: \"2026-11-20T10:20:00+08:00\", action: resume}\n",
	  "2026-11-20T10:25:01+08:00", 1, 1 },
	/* The callback clock does not pause: overdue at 11:00:01. */
	{ "- {n: 2, at: \"2026-11-20T10:01:00+08:00\", action: contact}\n"
	  "- {n: 3, at: \"2026-11-20T10:05:00+08:00\", action: pause}\n",
	  "2026-11-20T11:00:01+08:00", 1, 0 },
};

static void
check_moment_rows(void)
{
	char yaml[2048];
	struct loaded l;
	struct node *doc;
	const struct node *pen;
	struct perr e;
	ptime_t now;
	size_t i;
	int off, fined, rc;

	if (load(&l, moment_policy) == -1) {
		unit_failed++;
		return;
	}
	for (i = 0; i < NELEM(moment_rows); i++) {
		snprintf(yaml, sizeof(yaml), "received: \"%s\"\nassignee: "
		    "李四\nround: 1\nhistory:\n- {n: 1, at: \"%s\", action: "
		    "log}\n%s", RECEIVED, RECEIVED, moment_rows[i].events);
		if ((doc = doc_of(yaml)) == NULL) {
			unit_failed++;
			continue;
		}
		perr_clear(&e);
		CHECK(ptime_parse(moment_rows[i].now, 0, &now, &off) == 0);
		CHECK(rules_update(&l.rules, doc, now, &fined, &e) == 0);
		rc = rules_overdue(&l.rules, doc, now, NULL);
		CHECK(rc == moment_rows[i].overdue);
		CHECK(fined == moment_rows[i].fined);
		pen = node_map_get(doc, "penalties");
		CHECK((pen == NULL ? 0 : (int)pen->n) == moment_rows[i].fined);
		if (rc != moment_rows[i].overdue ||
		    fined != moment_rows[i].fined)
			printf("#   moment row %zu at %s: overdue %d, fined "
			    "%d\n", i, moment_rows[i].now, rc, fined);
		/* Once per rule and round: the same moment fines no more. */
		CHECK(rules_update(&l.rules, doc, now, &fined, &e) == 0);
		CHECK(fined == 0);
		node_free(doc);
	}
	unload(&l);
}

/*
 * A penalty "on resolve" waits for the result: at every open status it
 * fines nobody, however well its `when` matches; resolved or closed, once.
 */
static const char resolve_policy[] =
    BASE
    "categories: [attitude, billing]\n"
    "penalties:\n"
    "  - {id: first-desk, when: {category: attitude}, amount: 20, "
    "person: received_by}\n";

static const struct {
	const char *status;
	int fined;
} resolve_rows[] = {
	{ "new", 0 }, { "assigned", 0 }, { "escalated", 0 },
	{ "resolved", 1 }, { "closed", 1 },
};

static void
check_resolve_rows(void)
{
	char yaml[512];
	struct loaded l;
	struct node *doc;
	struct perr e;
	size_t i;
	int fined;

	if (load(&l, resolve_policy) == -1) {
		unit_failed++;
		return;
	}
	for (i = 0; i < NELEM(resolve_rows); i++) {
		snprintf(yaml, sizeof(yaml), "status: %s\ncategory: attitude\n"
		    "received_by: 王芳\nround: 1\nhistory:\n- {n: 1, at: \""
		    RECEIVED "\", action: log}\n", resolve_rows[i].status);
		if ((doc = doc_of(yaml)) == NULL) {
			unit_failed++;
			continue;
		}
		perr_clear(&e);
		CHECK(rules_update(&l.rules, doc, 1800000000, &fined, &e) == 0);
		CHECK(fined == resolve_rows[i].fined);
		if (fined != resolve_rows[i].fined)
			printf("#   status %s: fined %d\n",
			    resolve_rows[i].status, fined);
		node_free(doc);
	}
	unload(&l);
}

void
suite_predicates(void)
{
	check_extend_rows();
	check_extend_defaults();
	check_notice_rows();
	check_unpaid_rows();
	check_pause_rows();
	check_moment_rows();
	check_resolve_rows();
}
