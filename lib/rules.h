/*
 * rules.h - the rules of a policy applied to a complaint: clocks and
 * their deadlines, pauses, extensions, penalties, notices and rounds.
 *
 * A clock (first_response, resolution, callback, or one a policy names)
 * starts at the first event of the current round whose action is one of
 * its starts (a round begins with log or reopen) and stops at the first
 * later event whose action is one of its stops.  Its deadline is the
 * clock's start plus the duration of the LAST deadline rule whose
 * `when` matches the complaint and that sets this clock ("later rule
 * wins"), counted again without the time the complaint was paused (in
 * the clock's own unit; only pauses that began while it still ran) and
 * pushed back by the extensions granted this round.  It is
 * recomputed from the history each time rules_update runs, so that it
 * follows the level after escalate, the round after reopen, and never
 * drifts.
 *
 * Penalty rules fire once per rule and round: on resolve when `when`
 * matches, or when a clock is breached (stopped after its deadline, or
 * running past it at now).  They fine or sanction every person the
 * rule's field names when it fires (resolution.responsible may list
 * several: one record each), so once per rule, round and person.  The
 * record carries the rule's id, so a second run of the same command or
 * cron job never fines twice, and a breach is not fined again to the
 * next assignee.
 *
 * Calling sequence: rules_load after the policy (it reads the policy's
 * keys and loads the calendars named there through find, which maps
 * "calendars/cn-2026.yaml" to a path), rules_update after every change,
 * rules_release.  A rules struct borrows strings from the policy: release
 * it before the policy.
 */
#ifndef PLAINT_RULES_H
#define PLAINT_RULES_H

#include "calendar.h"
#include "complaint.h"
#include "err.h"
#include "node.h"
#include "policy.h"
#include "ptime.h"

struct clock_def {
	const char *name;
	struct strlist starts, stops;
	int pausable;
	const char *until;	/* the deadline is this field's time */
};

struct deadline_rule {
	const char *id;
	const struct node *when;	/* NULL: every complaint */
	int from_received;		/* count from receipt, not clock start */
	const char *clock[8];
	struct duration dur[8];
	size_t nset;
};

enum penalty_on { PENALTY_RESOLVE, PENALTY_BREACH };

/*
 * A penalty fines (amount, in yuan) or sanctions (a sanction that is not
 * money: 通报批评, 按考核规定处理), each person the field names.
 */
struct penalty_rule {
	const char *id;
	const struct node *when;
	enum penalty_on on;
	const char *clock;		/* PENALTY_BREACH */
	long long amount;
	const char *sanction;		/* NULL: a fine of amount */
	const char *person;		/* field naming who pays: one or a list */
	const char *also;		/* a sanction with the fine */
	const char *approved_by;	/* the sanction's approval step */
	const char *carried_out_by;	/* and who carries it out */
};

struct notice_rule {
	const char *id;
	const struct node *when;
	struct strlist by;		/* methods that count as written */
};

/*
 * A duty to inform a department (informs:), not the complainant: owed
 * once the complaint matches `when` and an event of `after` (log by
 * default) has happened, until a `notify` event to `to` follows it;
 * due `within` of that event when the text gives a time.
 */
struct inform_rule {
	const char *id;
	const struct node *when;
	const char *to;
	struct strlist after;
	struct duration within;
	int has_within;
};

enum inform_state { INFORM_NONE, INFORM_OWED, INFORM_DONE };

struct extension_rule {
	const char *clock;
	struct duration max;
	int has_max;
	struct strlist approvers;	/* empty: anyone, named */
};

struct rules {
	struct calendar cal;
	struct business_hours bh;
	int has_bh;
	int next_opening;	/* out_of_hours: next-opening */
	int off;
	struct clock_def *clocks;
	size_t nclocks;
	struct deadline_rule *deadlines;
	size_t ndeadlines;
	struct penalty_rule *penalties;
	size_t npenalties;
	struct notice_rule *notices;
	size_t nnotices;
	struct inform_rule *informs;
	size_t ninforms;
	struct extension_rule *extensions;
	size_t nextensions;
	int extensions_listed;		/* the policy has an extensions key */
	long long max_rounds;		/* 0: no cap */
	struct strlist auto_escalate;	/* clocks remind -e escalates */
	int incomplete;			/* last computation left the calendars */
};

typedef int (*rules_find_fn)(char *buf, size_t size, const char *rel);

int rules_load(struct rules *r, const struct policy *p, rules_find_fn find,
    struct perr *e);
void rules_release(struct rules *r);

/* Does the rule's `when` map match doc (NULL matches everything)? */
int rules_match(const struct node *when, const struct node *doc);

/* t + d in any unit, on this calendar and these business hours. */
int rules_add(struct rules *r, ptime_t t, const struct duration *d,
    ptime_t *due);

/*
 * Recompute due.* from the history and apply penalties that are owed
 * (at now).  Sets doc's `due` and appends to `penalties`.  *fined (may be
 * NULL) counts the penalties added.
 */
int rules_update(struct rules *r, struct node *doc, ptime_t now, int *fined,
    struct perr *e);

/*
 * A penalty rule on resolve that matches doc but cannot be recorded
 * because the field naming who pays is empty, or NULL.
 */
const struct penalty_rule *rules_unpaid(const struct rules *r,
    const struct node *doc);
/* The notice rule that requires a written notice before close, or NULL. */
const struct notice_rule *rules_notice_owed(const struct rules *r,
    const struct node *doc);
/*
 * Where the duty of inform rule i stands on doc: INFORM_NONE (it does
 * not apply, or has not arisen), INFORM_OWED or INFORM_DONE; *since
 * (may be NULL) is when it arose, for the rule's `within`.
 */
enum inform_state rules_inform(const struct rules *r, size_t i,
    const struct node *doc, ptime_t *since);
/* May clock be extended by d with this approver?  PLAINT_REFUSED if not. */
int rules_may_extend(const struct rules *r, const char *clock,
    const struct duration *d, const char *approver, struct perr *e);
const struct clock_def *rules_clock(const struct rules *r, const char *name);
/*
 * On resume at now: move each deadline given by hand (due.CLOCK of a
 * pausable clock no rule sets, still running when the pause began) by
 * the pause, as the rules' deadlines are moved: by the days it spans
 * for one that ends a day, else by the time paused.
 */
int rules_move_given(struct rules *r, struct node *doc, ptime_t now,
    struct perr *e);
/*
 * Are doc's due.* what the rules give at its own history (rules_update
 * on a copy, penalties aside)?  A deadline no rule sets (given at log)
 * is the record's own and agrees; an extension or a pause is in the
 * history, so the rules count it.  0 when all agree; 1 with the first
 * clock that does not in out: what is stored (NULL: none) and what the
 * rules give (empty: none).
 */
struct rules_due_diff {
	const char *clock;
	const struct node *stored;
	char want[PTIME_BUFSZ];
};
int rules_check_due(struct rules *r, const struct node *doc,
    struct rules_due_diff *out, struct perr *e);
/* Is the complaint paused now (a pause event not yet resumed)? */
int rules_paused(const struct node *doc);
/* The pause event still in force, or NULL. */
const struct node *rules_open_pause(const struct node *doc);

/*
 * The earliest deadline of a clock still running (started this round,
 * not stopped, not held by a pause) among doc's due.*: 1 and *due (and
 * *clock, may be NULL, naming it), or 0 when no clock runs.  Reads the
 * stored due.* (rules_update keeps them current) and the history.
 */
int rules_running_due(const struct rules *r, const struct node *doc,
    ptime_t *due, const char **clock);
/*
 * One clock of a complaint in its current round: whether it started
 * (and when: receipt for a clock started by log), stopped (a stop
 * action or a withdrawal), is held by a pause, and its deadline.
 */
struct rules_clock {
	int started, stopped, paused, has_due;
	ptime_t start, stop, due;
};

void rules_clock_state(const struct rules *r, const struct clock_def *c,
    const struct node *doc, struct rules_clock *out);
/* Is a running clock past its deadline at now (now > due)? */
int rules_overdue(const struct rules *r, const struct node *doc, ptime_t now,
    const char **clock);

#endif
