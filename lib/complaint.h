/*
 * complaint.h - what a complaint file holds and who may set what.
 *
 * A complaint is a node tree (node.h) so that fields plaint does not
 * know survive a rewrite.  This module knows the fields: which ones a
 * user gives at intake (complaint_input), how their values are checked
 * against the policy, the order keys are written in, and the history,
 * which only grows and is numbered by n, not by clock.
 */
#ifndef PLAINT_COMPLAINT_H
#define PLAINT_COMPLAINT_H

#include "err.h"
#include "node.h"
#include "policy.h"
#include "ptime.h"

/* Top-level keys in the order plaint writes them. */
extern const char *const complaint_order[];

/* Who acts and when: every change is stamped with both. */
struct stamp {
	ptime_t now;
	int off;		/* the policy's UTC offset */
	const char *actor;
};

/*
 * Check one field a user gives (name may be dotted: complainant.phone)
 * and return its value as a node to store.  Unknown names and names
 * plaint sets itself fail with PLAINT_USAGE; a value the policy does not
 * allow fails with PLAINT_DATAERR naming the allowed values.
 */
/* The names complaint_input takes (at most max in out), for did-you-mean. */
size_t complaint_input_names(const struct policy *p, const char **out,
    size_t max);
struct node *complaint_input(const struct policy *p, const char *name,
    const char *value, struct perr *e);
/*
 * The formats of the policy (formats:, complainant.phone) on a whole
 * record, for one restored with its history: -1 at the first value that
 * lacks its field's format, with its line.
 */
int complaint_formats(const struct node *doc, const struct policy *p,
    struct perr *e);
/* Is name a field of a complaint (for filters)? */
int complaint_field_known(const struct policy *p, const char *name);

/*
 * Build a new complaint from fields (a map, possibly nested, whose values
 * were not yet checked: operands or a document read from stdin).
 * Applies the policy's defaults, received/received_by from the stamp,
 * checks required fields, and adds the "log" event.  The id is set later
 * by the store.  *out is NULL on failure.
 */
int complaint_new(struct node **out, const struct policy *p,
    const struct node *fields, const struct stamp *st, struct perr *e);

/* The month a complaint is filed under: its received time in the zone. */
int complaint_month(const struct node *doc, int off, int *year, int *month,
    struct perr *e);

/*
 * Append a history event {n, at, by, action, ...} where ... are the
 * entries of extra (a map, taken, may be NULL).
 */
int complaint_event(struct node *doc, const struct stamp *st,
    const char *action, struct node *extra, struct perr *e);

/* Set a top-level or dotted field in its canonical place; takes val. */
int complaint_set(struct node *doc, const char *path, struct node *val,
    struct perr *e);

const char *complaint_status(const struct node *doc);
long long complaint_level(const struct node *doc);

/*
 * Check a complaint read from the tree: id matches its file, known
 * status, values the policy lists, times parse.  Returns -1 with the
 * first problem (file:line:col) in e.
 */
int complaint_validate(const struct node *doc, const struct policy *p,
    const char *idstr, const char *path, struct perr *e);

/*
 * Does the status agree with the history?  Its events are replayed
 * through the record's workflow (an import starts it again in any
 * state; events that are not actions, such as penalty, move nothing).
 * 0 when status is a state they lead to, or nothing can be replayed;
 * -1 when it is not: out names up to four states they lead to, or the
 * event after which no state is possible.
 */
struct complaint_replay {
	const char *led[4];
	size_t nled;
	const struct node *stuck;	/* the event that cannot follow */
	const char *action;		/* its action */
};
int complaint_replay(const struct node *doc, const struct policy *p,
    struct complaint_replay *out);

#endif

/* Check free text (a note, a result): UTF-8, no control characters but
 * newline and tab, not empty, at most 64 KiB.  Returns a string node. */
struct node *complaint_text(const char *field, const char *s, int multiline,
    struct perr *e);
/*
 * One name or several ("张三,赵六", or with ，): each checked as a line of
 * text, none empty or twice.  A string node for one, a sequence for
 * several (resolution.responsible).
 */
struct node *complaint_names(const char *field, const char *s,
    struct perr *e);
/* Check a value against a list (the policy's, or dflt when it has none). */
struct node *complaint_listed(const struct strlist *l, const char *const *dflt,
    const char *field, const char *s, struct perr *e);
/*
 * The level escalate leads to, or -1 with PLAINT_REFUSED when the
 * complaint is at the top of the policy's chain.
 */
long long complaint_next_level(const struct node *doc, const struct policy *p,
    struct perr *e);
