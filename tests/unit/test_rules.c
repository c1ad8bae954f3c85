/*
 * The rules engine over a small policy: deadlines by clock and unit
 * (with business hours 08:00-17:00, day periods end at 17:00),
 * pauses, extensions, the later-rule-wins order and penalties that fire
 * once per rule and round.  Expected times are written out by hand from
 * the State Council's 2026 schedule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/complaint.h"
#include "../../lib/rules.h"
#include "unit.h"

static const char policy_text[] =
    "policy: test\n"
    "kinds: [complaint, inquiry]\n"
    "severities: [normal, major, crisis]\n"
    "escalation: [desk, boss]\n"
    "calendars: [cn-2025, cn-2026]\n"
    "business_hours: \"08:00-17:00\"\n"
    "clocks:\n"
    "  first_response: {starts: log, stops: [contact, resolve], pause: true}\n"
    "  resolution: {starts: log, stops: resolve, pause: true}\n"
    "  callback: {starts: resolve, stops: close}\n"
    "deadlines:\n"
    "  - {id: base, set: {first_response: 24h, resolution: 5d}}\n"
    "  - {id: crisis, when: {severity: crisis}, set: {first_response: 10m}}\n"
    "  - {id: inquiry, when: {kind: inquiry}, set: {resolution: 3wd}}\n"
    "  - {id: major, when: {severity: major}, set: {resolution: 8bh}}\n"
    "  - {id: level1, when: {level: 1}, from: received,"
    " set: {resolution: 10d}}\n"
    "  - {id: callback, set: {callback: 2d}}\n"
    "penalties:\n"
    "  - {id: verified, when: {resolution.valid: true}, amount: 20}\n"
    "  - {id: staff, when: {resolution.valid: true, resolution.cause: staff},"
    " amount: 50}\n"
    "  - {id: late, on: breach, clock: first_response, amount: 30,"
    " person: assignee}\n";

static int
find(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("PLAINT_TOP");

	snprintf(buf, size, "%s/data/%s", top ? top : ".", rel);
	return 0;
}

static struct policy pol;
static struct rules rules;

static struct node *
new_doc(const char *kind, const char *severity, const char *received)
{
	struct node *fields = node_new_map(), *doc = NULL;
	struct stamp st = { 0, 8 * 3600, "王芳" };
	struct perr e;
	int off;

	perr_clear(&e);
	ptime_parse(received, st.off, &st.now, &off);
	node_map_set(fields, "subject", node_new_str("s"));
	node_map_set(fields, "kind", node_new_str(kind));
	node_map_set(fields, "severity", node_new_str(severity));
	node_map_set(fields, "assignee", node_new_str("李四"));
	complaint_new(&doc, &pol, fields, &st, &e);
	node_free(fields);
	CHECK(doc != NULL);
	CHECK(rules_update(&rules, doc, st.now, NULL, &e) == 0);
	return doc;
}

static void
event(struct node *doc, const char *action, const char *at,
    struct node *extra)
{
	struct stamp st = { 0, 8 * 3600, "李四" };
	struct perr e;
	int off;

	perr_clear(&e);
	ptime_parse(at, st.off, &st.now, &off);
	CHECK(complaint_event(doc, &st, action, extra, &e) == 0);
	CHECK(rules_update(&rules, doc, st.now, NULL, &e) == 0);
}

static const char *
due(const struct node *doc, const char *clock)
{
	char path[64];

	snprintf(path, sizeof(path), "due.%s", clock);
	return node_str(node_path_get(doc, path));
}

static const struct {
	const char *kind, *severity, *received, *clock, *due;
} due_cases[] = {
	/* 5 days ending on a working day (Fri → Wed). */
	{ "complaint", "normal", "2026-11-20T10:00", "resolution",
	  "2026-11-25T17:00:00+08:00" },
	/* 5 days whose last day (Oct 3) is in the National Day holiday. */
	{ "complaint", "normal", "2026-09-28T10:00", "resolution",
	  "2026-10-08T17:00:00+08:00" },
	/* 3 working days across the holiday end on the make-up Saturday. */
	{ "inquiry", "normal", "2026-09-30T10:00", "resolution",
	  "2026-10-10T17:00:00+08:00" },
	/* 8 business hours across the holiday: 4h on Sep 30, 4h on Oct 8. */
	{ "complaint", "major", "2026-09-30T13:00", "resolution",
	  "2026-10-08T12:00:00+08:00" },
	/* Hours across midnight and a month's end. */
	{ "complaint", "normal", "2026-11-30T20:00", "first_response",
	  "2026-12-01T20:00:00+08:00" },
	/* Minutes across the year's end need no calendar. */
	{ "complaint", "crisis", "2026-12-31T23:55", "first_response",
	  "2027-01-01T00:05:00+08:00" },
	/* A later matching rule wins for the clocks it sets only. */
	{ "complaint", "crisis", "2026-11-20T10:00", "resolution",
	  "2026-11-25T17:00:00+08:00" },
	/* 2027 has no calendar here: weekdays only (Sat Mar 6 → Mon). */
	{ "complaint", "normal", "2027-03-01T10:00", "resolution",
	  "2027-03-08T17:00:00+08:00" },
};

static void
check_due_cases(void)
{
	size_t i;

	for (i = 0; i < sizeof(due_cases) / sizeof(due_cases[0]); i++) {
		struct node *doc = new_doc(due_cases[i].kind,
		    due_cases[i].severity, due_cases[i].received);

		CHECK_STR(due(doc, due_cases[i].clock), due_cases[i].due);
		node_free(doc);
	}
}

static void
check_incomplete_marker(void)
{
	struct node *doc = new_doc("complaint", "normal", "2027-03-01T10:00");

	CHECK_STR(node_str(node_map_get(doc, "calendar")), "incomplete");
	node_free(doc);
	doc = new_doc("complaint", "normal", "2026-11-20T10:00");
	CHECK(node_map_get(doc, "calendar") == NULL);
	node_free(doc);
}

static void
check_pauses(void)
{
	/* 3wd from Thu Nov 19: Fri 20, Mon 23, Tue 24. */
	struct node *doc = new_doc("inquiry", "normal", "2026-11-19T10:00");

	CHECK_STR(due(doc, "resolution"), "2026-11-24T17:00:00+08:00");
	event(doc, "pause", "2026-11-20T09:00", NULL);
	/* While paused the deadline stands; resume pushes it. */
	CHECK_STR(due(doc, "resolution"), "2026-11-24T17:00:00+08:00");
	CHECK(rules_paused(doc));
	event(doc, "resume", "2026-11-23T09:00", NULL);
	CHECK(!rules_paused(doc));
	/* Paused one working day (Fri): Wed Nov 25. */
	CHECK_STR(due(doc, "resolution"), "2026-11-25T17:00:00+08:00");
	node_free(doc);

	/* A minute clock moves by the time paused, weekend and all. */
	doc = new_doc("complaint", "crisis", "2026-11-20T16:50");
	CHECK_STR(due(doc, "first_response"), "2026-11-20T17:00:00+08:00");
	event(doc, "pause", "2026-11-20T16:55", NULL);
	event(doc, "resume", "2026-11-23T09:00", NULL);
	CHECK_STR(due(doc, "first_response"), "2026-11-23T09:05:00+08:00");
	node_free(doc);
}

static void
check_escalation_and_extension(void)
{
	struct node *doc = new_doc("complaint", "normal", "2026-11-02T10:00");
	struct node *ext = node_new_map();

	/* Nov 7 is a Saturday: the period ends on Monday. */
	CHECK_STR(due(doc, "resolution"), "2026-11-09T17:00:00+08:00");
	node_map_set(doc, "level", node_new_int(1));
	event(doc, "escalate", "2026-11-05T10:00", NULL);
	/* Level 1: 10 days from receipt (Nov 12, a Thursday). */
	CHECK_STR(due(doc, "resolution"), "2026-11-12T17:00:00+08:00");
	node_map_set(ext, "clock", node_new_str("resolution"));
	node_map_set(ext, "duration", node_new_str("3d"));
	event(doc, "extend", "2026-11-06T10:00", ext);
	CHECK_STR(due(doc, "resolution"), "2026-11-16T17:00:00+08:00");
	node_free(doc);
}

static size_t
count_penalties(const struct node *doc)
{
	const struct node *l = node_map_get(doc, "penalties");

	return l == NULL ? 0 : l->n;
}

static void
check_penalties(void)
{
	struct node *doc = new_doc("complaint", "crisis", "2026-11-20T10:00");
	struct node *res = node_new_map();
	struct perr e;
	int fined;

	perr_clear(&e);
	/* First response due 10:10; a note at 10:30 is no contact. */
	event(doc, "note", "2026-11-20T10:30", NULL);
	CHECK(count_penalties(doc) == 1);
	CHECK_STR(node_str(node_map_get(node_map_get(doc, "penalties")->kids[0],
	    "person")), "李四");
	node_map_set(res, "valid", node_new_bool(1));
	node_map_set(res, "cause", node_new_str("staff"));
	node_map_set(res, "responsible", node_new_str("赵六"));
	node_map_set(doc, "resolution", res);
	node_map_set(doc, "status", node_new_str("resolved"));
	event(doc, "resolve", "2026-11-21T10:00", NULL);
	CHECK(count_penalties(doc) == 3);
	/* The same rules again fine no one twice. */
	CHECK(rules_update(&rules, doc, 1800000000, &fined, &e) == 0);
	CHECK(fined == 0 && count_penalties(doc) == 3);
	/* A new round may fine again. */
	node_map_set(doc, "round", node_new_int(2));
	CHECK(rules_update(&rules, doc, 1800000000, &fined, &e) == 0);
	CHECK(fined == 3 && count_penalties(doc) == 6);
	node_free(doc);
}

void
suite_rules(void)
{
	struct perr e;

	perr_clear(&e);
	CHECK(policy_load_buf(&pol, policy_text, strlen(policy_text), "t",
	    &e) == 0);
	CHECK(policy_load_workflows(&pol, find, &e) == 0);
	CHECK(rules_load(&rules, &pol, find, &e) == 0);
	if (e.code != 0) {
		printf("not ok rules: %s\n", e.msg);
		return;
	}
	check_due_cases();
	check_incomplete_marker();
	check_pauses();
	check_escalation_and_extension();
	check_penalties();
	rules_release(&rules);
	policy_release(&pol);
}
