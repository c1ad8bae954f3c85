/*
 * lib/report: percentiles (nearest rank, exact then bucketed), periods,
 * grouping and the figures of a few complaints built by hand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/report.h"
#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;
	long long v[10];
	size_t n;
	long long p50, p90;
} pcts[] = {
	{ "empty", { 0 }, 0, -1, -1 },
	{ "one", { 60 }, 1, 60, 60 },
	{ "two: the lower middle", { 60, 120 }, 2, 60, 120 },
	{ "four", { 7200, 1800, 172800, 3600 }, 4, 3600, 172800 },
	{ "ten: rank 5 and 9", { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 10, 5, 9 },
	{ "negative counts as zero", { -5, 10 }, 2, 0, 10 },
};

static void
test_percentiles(void)
{
	struct report_dist d;
	size_t i, j;

	for (i = 0; i < NELEM(pcts); i++) {
		memset(&d, 0, sizeof(d));
		for (j = 0; j < pcts[i].n; j++)
			CHECK(report_dist_add(&d, pcts[i].v[j]) == 0);
		if (report_dist_pct(&d, 50) != pcts[i].p50 ||
		    report_dist_pct(&d, 90) != pcts[i].p90)
			printf("# %s\n", pcts[i].name);
		CHECK(report_dist_pct(&d, 50) == pcts[i].p50);
		CHECK(report_dist_pct(&d, 90) == pcts[i].p90);
		report_dist_release(&d);
	}
}

/* Many distinct values: bounded bins, within 1/128 of the exact answer. */
static void
test_bucketed(void)
{
	struct report_dist d;
	long long i, p50, p90;
	int bad = 0;

	memset(&d, 0, sizeof(d));
	for (i = 1; i <= 100000; i++)
		bad |= report_dist_add(&d, i * 60);
	CHECK(bad == 0);
	CHECK(d.bucketed);
	CHECK(d.count == 100000);
	CHECK(d.n < 2400);
	p50 = report_dist_pct(&d, 50);
	p90 = report_dist_pct(&d, 90);
	CHECK(llabs(p50 - 50000 * 60) * 128 <= 50000 * 60);
	CHECK(llabs(p90 - 90000 * 60) * 128 <= 90000 * 60);
	CHECK(report_dist_pct(&d, 100) <= 100000 * 60);
	CHECK(report_dist_pct(&d, 1) >= 60);
	report_dist_release(&d);
}

static const char policy_text[] =
    "policy: test\n"
    "timezone: \"+08:00\"\n"
    "kinds: [complaint, inquiry]\n"
    "categories: [billing, other]\n"
    "escalation: [desk, boss]\n"
    "clocks:\n"
    "  first_response: {starts: log, stops: [contact, resolve]}\n"
    "  resolution: {starts: log, stops: resolve}\n";

/* Complaints as written in files: the report reads what is there. */
static const char *const docs[] = {
	/* on time for both clocks, fined twice */
	"id: \"2611-0001\"\nkind: complaint\nstatus: closed\n"
	"received: \"2026-11-02T09:00:00+08:00\"\ncategory: billing\n"
	"department: A\nsatisfaction: unsatisfied\n"
	"resolution: {valid: false}\n"
	"due: {first_response: \"2026-11-03T09:00:00+08:00\","
	" resolution: \"2026-11-07T23:59:59+08:00\"}\n"
	"penalties:\n"
	"  - {rule: late, person: \"李四\", amount: 20, round: 1}\n"
	"  - {rule: staff, person: \"李四\", amount: 50, round: 1}\n"
	"history:\n"
	"  - {n: 1, at: \"2026-11-02T09:00:00+08:00\", by: x, action: log}\n"
	"  - {n: 2, at: \"2026-11-02T10:00:00+08:00\", by: x, action: contact}\n"
	"  - {n: 3, at: \"2026-11-04T09:00:00+08:00\", by: x, action: resolve}\n"
	"  - {n: 4, at: \"2026-11-05T09:00:00+08:00\", by: x, action: close}\n",
	/* late first response, open and overdue; a category since dropped */
	"id: \"2611-0002\"\nkind: inquiry\nstatus: assigned\n"
	"received: \"2026-11-03T09:00:00+08:00\"\ncategory: meter\n"
	"department: A\n"
	"due: {first_response: \"2026-11-04T09:00:00+08:00\","
	" resolution: \"2026-11-08T23:59:59+08:00\"}\n"
	"history:\n"
	"  - {n: 1, at: \"2026-11-03T09:00:00+08:00\", by: x, action: log}\n"
	"  - {n: 2, at: \"2026-11-05T09:00:00+08:00\", by: x, action: contact}\n",
	/* reopened: the second round counts, its resolution is running */
	"id: \"2611-0003\"\nkind: complaint\nstatus: assigned\n"
	"received: \"2026-11-04T09:00:00+08:00\"\ncategory: billing\n"
	"due: {first_response: \"2026-11-21T09:00:00+08:00\","
	" resolution: \"2026-11-30T23:59:59+08:00\"}\n"
	"history:\n"
	"  - {n: 1, at: \"2026-11-04T09:00:00+08:00\", by: x, action: log}\n"
	"  - {n: 2, at: \"2026-11-05T09:00:00+08:00\", by: x, action: resolve}\n"
	"  - {n: 3, at: \"2026-11-20T09:00:00+08:00\", by: x, action: reopen}\n"
	"  - {n: 4, at: \"2026-11-20T09:30:00+08:00\", by: x, action: contact}\n",
	/* outside the period */
	"id: \"2610-0001\"\nkind: complaint\nstatus: new\n"
	"received: \"2026-10-31T23:59:59+08:00\"\ncategory: billing\n",
};

static struct node *
parse(const char *text)
{
	struct perr e;
	struct node *n;

	perr_clear(&e);
	n = yamlio_parse(text, strlen(text), "t.yaml", &e);
	if (n == NULL)
		printf("# %s\n", e.msg);
	return n;
}

static const struct report_group *
group(const struct report *rp, int depth, const char *k0, const char *k1)
{
	size_t i;

	for (i = 0; i < rp->ngroups; i++) {
		const struct report_group *g = rp->groups[i];

		if (g->depth != depth)
			continue;
		if ((k0 == NULL) != (g->key[0] == NULL) ||
		    (k0 != NULL && strcmp(k0, g->key[0]) != 0))
			continue;
		if (depth == 2 && ((k1 == NULL) != (g->key[1] == NULL) ||
		    (k1 != NULL && strcmp(k1, g->key[1]) != 0)))
			continue;
		return g;
	}
	return NULL;
}

static void
test_figures(void)
{
	struct policy p;
	struct rules r;
	struct report rp;
	struct perr e;
	const struct report_group *g;
	ptime_t now;
	size_t i;
	int o;

	perr_clear(&e);
	ptime_parse("2026-11-27T10:00:00+08:00", 0, &now, &o);
	if ((policy_load_buf(&p, policy_text, strlen(policy_text), "p.yaml",
	    &e) == -1 ||
	    policy_load_workflows(&p, unit_find_data, &e) == -1) || rules_load(&r, &p, NULL, &e) == -1) {
		printf("not ok: policy: %s\n", e.msg);
		unit_failed++;
		return;
	}
	CHECK(report_init(&rp, &p, &r, now, &e) == 0);
	CHECK(report_group_by(&rp, "department,category", &e) == 0);
	for (i = 0; i < NELEM(docs); i++) {
		struct node *d = parse(docs[i]);

		CHECK(d != NULL);
		if (d != NULL)
			CHECK(report_add(&rp, d, &e) == 0);
		node_free(d);
	}
	report_finish(&rp);

	/* The default period: November in +08:00. */
	{
		char b[PTIME_BUFSZ];

		ptime_format(rp.from, 8 * 3600, b);
		CHECK_STR(b, "2026-11-01T00:00:00+08:00");
		ptime_format(rp.to, 8 * 3600, b);
		CHECK_STR(b, "2026-11-30T23:59:59+08:00");
	}

	CHECK(rp.all.total == 3);
	CHECK(rp.all.open == 2);
	CHECK(rp.all.overdue == 1);
	CHECK(rp.all.invalid == 1);
	CHECK(rp.all.unsatisfied == 1);
	CHECK(report_tally_get(rp.all.kinds, rp.all.nkinds, "complaint") == 2);
	CHECK(report_tally_get(rp.all.kinds, rp.all.nkinds, "inquiry") == 1);
	CHECK(report_tally_get(rp.all.statuses, rp.all.nstatuses,
	    "assigned") == 2);
	/* first_response: 1h on time, 2d late, 30m (round 2) on time */
	CHECK(rp.all.clocks[0].on_time == 2);
	CHECK(rp.all.clocks[0].late == 1);
	CHECK(report_dist_pct(&rp.all.clocks[0].dur, 50) == 3600);
	CHECK(report_dist_pct(&rp.all.clocks[0].dur, 90) == 172800);
	/* resolution: 2d on time; 2611-0003's second round still runs */
	CHECK(rp.all.clocks[1].on_time == 1);
	CHECK(rp.all.clocks[1].late == 0);
	CHECK(report_dist_pct(&rp.all.clocks[1].dur, 50) == 172800);
	CHECK(rp.all.fines_n == 2);
	CHECK(rp.all.fines_amount == 70);
	CHECK(rp.all.nfines == 2);
	if (rp.all.nfines == 2) {
		CHECK_STR(rp.all.fines[0].rule, "late");
		CHECK_STR(rp.all.fines[1].rule, "staff");
	}

	/* Groups: A (with billing and meter), absent department last. */
	CHECK(rp.ngroups == 5);
	if (rp.ngroups == 5) {
		CHECK_STR(rp.groups[0]->key[0], "A");
		CHECK(rp.groups[0]->depth == 1);
		CHECK_STR(rp.groups[1]->key[1], "billing");
		CHECK_STR(rp.groups[2]->key[1], "meter");
		CHECK(rp.groups[3]->key[0] == NULL);
		CHECK(rp.groups[3]->depth == 1);
	}
	g = group(&rp, 1, "A", NULL);
	CHECK(g != NULL && g->total == 2 && g->overdue == 1);
	g = group(&rp, 2, "A", "meter");
	CHECK(g != NULL && g->total == 1 && g->clocks[0].late == 1);
	g = group(&rp, 2, NULL, "billing");
	CHECK(g != NULL && g->total == 1 && g->open == 1);
	report_release(&rp);

	/* Periods and grouping refused. */
	CHECK(report_init(&rp, &p, &r, now, &e) == 0);
	CHECK(report_period(&rp, "2026-11-03", "2026-11-03", &e) == 0);
	for (i = 0; i < NELEM(docs); i++) {
		struct node *d = parse(docs[i]);

		if (d != NULL)
			CHECK(report_add(&rp, d, &e) == 0);
		node_free(d);
	}
	CHECK(rp.all.total == 1);
	perr_clear(&e);
	CHECK(report_period(&rp, "soon", NULL, &e) == -1 &&
	    e.code == PLAINT_USAGE);
	perr_clear(&e);
	CHECK(report_period(&rp, "2026-11-05", "2026-11-04", &e) == -1);
	perr_clear(&e);
	CHECK(report_group_by(&rp, "complainant.phone", &e) == -1 &&
	    e.code == PLAINT_USAGE);
	perr_clear(&e);
	CHECK(report_group_by(&rp, "category,complainant.address", &e) == -1);
	perr_clear(&e);
	CHECK(report_group_by(&rp, "history", &e) == -1);
	perr_clear(&e);
	CHECK(report_group_by(&rp, "nosuch", &e) == -1);
	perr_clear(&e);
	CHECK(report_group_by(&rp, "a,b,c", &e) == -1);
	perr_clear(&e);
	CHECK(report_group_by(&rp, "month,category", &e) == 0 && rp.nby == 2);
	report_release(&rp);
	rules_release(&r);
	policy_release(&p);
}

void
suite_report(void)
{
	test_percentiles();
	test_bucketed();
	test_figures();
}
