/*
 * filter.h - select complaints by field: "field OP value".
 *
 * OP is one of = != < <= > >=.  Fields may be dotted
 * (complainant.name=张三) and compare by what they hold:
 *
 *	times		received, due.*, resolution.at, notice.at, and the
 *			policy's time and date fields: as instants.  The
 *			value is a period (ptime_parse_period, which
 *			report's from= and to= read too): a time
 *			(2026-11-27T10:00:00+08:00), a day (2026-11-27), a
 *			month (2026-11) or a year (2026), read in the
 *			policy's zone, a span that = matches throughout
 *			(received>=2026-11-01 is from the start of that day,
 *			received<=2026-11-30 up to its end); now, today,
 *			yesterday, tomorrow, this-month, last-month; or a
 *			window from now: 24h, -7d (m, h, d, w, mo, y), which
 *			orderings compare with its end and = covers from now
 *			to its end (received=-7d: the last seven days).
 *	due		the earliest deadline of a clock still running
 *			(rules_running_due): due<24h is due within a day
 *			from now, overdue ones included.
 *	numbers		level, round, the policy's integer fields.
 *	id		by site prefix, month, then serial (2611-10000
 *			comes after 2611-9999).
 *	strings		everything else, in byte (code point) order.
 *
 * "status=open" matches the workflow's open states; "overdue=yes" a
 * complaint with a running clock past its deadline at now (now > due).
 * An empty value (assignee=) matches a field that is absent, with =, or
 * present, with !=.  Booleans, mappings and lists take = and != only.
 *
 * Calling sequence: filter_init (the policy and the rules are borrowed
 * and must outlive the set; now is the clock windows count from),
 * filter_parse for each operand, filter_match for each complaint (cheap:
 * values were parsed once, the complaint's are read in place),
 * filter_release.  filter_parse refuses (PLAINT_USAGE) a field a
 * complaint cannot have or a value its field cannot hold, naming the
 * field.
 */
#ifndef PLAINT_FILTER_H
#define PLAINT_FILTER_H

#include "err.h"
#include "node.h"
#include "policy.h"
#include "ptime.h"
#include "rules.h"
#include "store.h"

enum filter_op { FILTER_EQ, FILTER_NE, FILTER_LT, FILTER_LE, FILTER_GT,
	FILTER_GE };

/* What a field holds, hence how it compares (and sorts). */
enum filter_type {
	FILTER_STRING,
	FILTER_NUMBER,
	FILTER_TIME,
	FILTER_ID,
	FILTER_BOOL,
	FILTER_TREE,		/* a mapping or a list: = and != only */
	FILTER_DUE,		/* the earliest running deadline */
	FILTER_OVERDUE,		/* yes or no */
	FILTER_OPEN		/* status=open */
};

struct filter {
	char *field;
	char *value;
	enum filter_op op;
	enum filter_type type;
	int absent;		/* empty value: test presence */
	ptime_t lo, hi;		/* times: the value denotes [lo, hi) */
	double num;		/* numbers */
	struct complaint_id id;	/* FILTER_ID */
	int yes;		/* booleans, overdue=, or -1: a word */
};

struct filter_set {
	struct filter *v;
	size_t n;
	const struct policy *policy;
	const struct rules *rules;	/* may be NULL: no due, no overdue */
	ptime_t now;
};

void filter_init(struct filter_set *fs, const struct policy *p,
    const struct rules *r, ptime_t now);
/* Does s look like a filter (a field name, then an operator)? */
int filter_looks_like(const char *s);
int filter_parse(struct filter_set *fs, const char *s, struct perr *e);
int filter_match(const struct filter_set *fs, const struct node *doc);
void filter_release(struct filter_set *fs);

/*
 * How field compares, or -1 with PLAINT_USAGE naming it when a
 * complaint cannot have it ("due" and "overdue" are known).
 */
int filter_field_type(const struct policy *p, const char *field,
    enum filter_type *type, struct perr *e);

/*
 * A field's value in one complaint as a sort key.  present is 0 when
 * the field is absent or does not hold its type (such keys sort last).
 */
struct filter_key {
	int present;
	ptime_t t;			/* times, due */
	double num;			/* numbers */
	struct complaint_id id;		/* id */
	const char *s;			/* strings: borrowed from the doc */
};

void filter_key_get(const struct filter_set *fs, const char *field,
    enum filter_type type, const struct node *doc, struct filter_key *k);
/* <0, 0, >0; absent keys after present ones. */
int filter_key_cmp(enum filter_type type, const struct filter_key *a,
    const struct filter_key *b);

#endif
