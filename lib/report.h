/*
 * report.h - figures over a stream of complaints, per group.
 *
 * A report counts the complaints received in a period (from <= received
 * <= to) and groups them by one or two fields (`category`,
 * `department,category`, `month` for YYYY-MM of received).  Complaints
 * are fed one at a time (report_add, from a store_scan callback); the
 * report keeps counters per group, never the complaints, so its memory
 * grows with the number of groups and not with the number of complaints.
 *
 * For each group: total, by kind, by status, open, overdue now, invalid
 * (resolution.valid false), unsatisfied callbacks, the fines ledger
 * (penalty records summed per person and rule, in yuan), the sanctions
 * table (sanctions that are not money, and a fine's `also`, counted per
 * person, rule and sanction), and for each clock of
 * the policy: stopped on time or late (on time: stop <= due) and the
 * median and 90th percentile of the time from its start to its stop.
 * Values the policy no longer lists are counted under their own value.
 *
 * Percentiles are nearest-rank (the value at rank ceil(p/100 * n)) over
 * a report_dist: exact to the second while a group has at most
 * REPORT_DIST_EXACT distinct durations, then a fixed log-linear histogram
 * (64 buckets per power of two: within 1/128 of the true value), so that
 * a distribution never holds more than about 2,300 bins, whatever the
 * number of complaints.
 *
 * Calling sequence: report_init, report_period (optional: the default is
 * the month of now in the policy's zone), report_group_by (optional),
 * report_add for each complaint, report_finish (sorts the groups), read
 * all and groups, report_release.  A report borrows the policy and the
 * rules; it copies every string it keeps from a complaint.
 */
#ifndef PLAINT_REPORT_H
#define PLAINT_REPORT_H

#include <stddef.h>

#include "err.h"
#include "filter.h"
#include "node.h"
#include "policy.h"
#include "ptime.h"
#include "rules.h"

#define REPORT_MAX_BY 2
#define REPORT_DIST_EXACT 512

struct report_bin {
	long long key;		/* seconds, or a bucket once bucketed */
	unsigned long n;
};

struct report_dist {
	struct report_bin *v;	/* sorted by key */
	size_t n, cap;
	int bucketed;
	unsigned long count;
	long long min, max;
};

int report_dist_add(struct report_dist *d, long long secs);
/* The p-th percentile (1..100), nearest rank; -1 when d is empty. */
long long report_dist_pct(const struct report_dist *d, int p);
void report_dist_release(struct report_dist *d);

/* A count under a name: kinds, statuses. */
struct report_tally {
	char *name;
	long n;
};

/* One line of the fines ledger. */
struct report_fine {
	char *person, *rule;
	long n;
	long long amount;
};

/* One line of the sanctions table: sanctions that are not money. */
struct report_sanction {
	char *person, *rule, *sanction;
	long n;
};

/* One inform rule: the departments informed, and still to inform. */
struct report_informfig {
	long done, owed;
};

struct report_clockfig {
	long on_time, late;
	struct report_dist dur;	/* start to stop, stopped clocks */
};

struct report_group {
	int depth;			/* 0: everything, 1, 2 */
	char *key[REPORT_MAX_BY];	/* NULL: the field is absent */
	long total, open, overdue, invalid, unsatisfied;
	struct report_tally *kinds, *statuses;
	size_t nkinds, nstatuses;
	struct report_clockfig *clocks;	/* one per clock of the rules */
	struct report_fine *fines;	/* sorted by person, rule at finish */
	size_t nfines;
	long fines_n;
	long long fines_amount;
	struct report_sanction *sanctions;	/* sorted as the fines */
	size_t nsanctions;
	long sanctions_n;
	struct report_informfig *informs;	/* one per inform rule */
};

struct report {
	const struct policy *policy;
	const struct rules *rules;
	ptime_t now, from, to;
	int has_from, has_to;
	int given;		/* a period was given: no default month */
	const char *by[REPORT_MAX_BY];
	char *by_buf;
	size_t nby;
	struct report_group all;
	struct report_group **groups;	/* sorted at finish */
	size_t ngroups, cap;
	size_t *slots;			/* hash of groups: index + 1 */
	size_t nslots;
};

int report_init(struct report *rp, const struct policy *p,
    const struct rules *r, ptime_t now, struct perr *e);
/*
 * The period on received: from and to are periods (ptime_parse_period;
 * NULL: no bound; both NULL: this month): from is the start of its
 * period, to the end of its own (2026-11-30 up to 23:59:59), a relative
 * time (-30d) the point it names.  Given, it replaces the default month
 * and narrows what report_narrow set.  PLAINT_USAGE when malformed,
 * naming the value.
 */
int report_period(struct report *rp, const char *from, const char *to,
    struct perr *e);
/*
 * Narrow the period by a filter on received (others are ignored), as
 * parsed by filter_parse: the first replaces the default month.
 * received!= leaves the period open and the filter alone decides.
 */
void report_narrow(struct report *rp, const struct filter *f);
/* "2026-11-01 – 2026-11-30", "since 2026-11-05 10:00", "all". */
void report_period_text(const struct report *rp, char *buf, size_t size);
/*
 * "field" or "field,field": fields of a complaint, or month.  Fields
 * holding phone numbers or addresses, and fields that are not a single
 * value, are refused (PLAINT_USAGE).
 */
int report_group_by(struct report *rp, const char *spec, struct perr *e);
/* Count one complaint (ignored outside the period). */
int report_add(struct report *rp, const struct node *doc, struct perr *e);
void report_finish(struct report *rp);
void report_release(struct report *rp);

/* A value's count in a tally list, 0 if absent. */
long report_tally_get(const struct report_tally *t, size_t n,
    const char *name);

#endif
