/*
 * change.h - one action on one record, the whole cycle, written once.
 *
 * change_apply reads the record again (the caller holds the writer
 * lock), applies the rules at now (a deadline that ran out before this
 * change is fined as things stood then), asks the record's workflow
 * whether the action is allowed here and where it leads, checks that the
 * actor holds the role it needs, lets the caller's effect make the
 * action's own change, sets the state, appends the history event,
 * applies the rules again and replaces the file atomically.  Every
 * command that changes a record, `plaint do` and `remind -e` go through
 * it; none does a cycle of its own.
 *
 * Refusals are PLAINT_REFUSED with what is missing and what is allowed
 * instead; a bad field is PLAINT_DATAERR.  Either way nothing is written.
 */
#ifndef PLAINT_CHANGE_H
#define PLAINT_CHANGE_H

#include "complaint.h"
#include "err.h"
#include "node.h"
#include "ptime.h"
#include "rules.h"
#include "store.h"
#include "workflow.h"

struct change_env {
	struct store *store;	/* its policy is the tree's */
	struct rules *rules;
	ptime_t now;
	const char *actor;	/* -u, $PLAINT_USER or the login name */
};

/* The change under way, as the effect sees it. */
struct change {
	const struct change_env *env;
	const struct policy *policy;
	const struct workflow *wf;
	const struct wf_action *action;
	struct node *doc;	/* the record as read inside the lock */
	const char *next;	/* the state it goes to; the effect may move it */
	const char *event;	/* the history event's action (default: action) */
	int skip;		/* the effect found nothing to do: write nothing */
	size_t fined_before;	/* penalties the record had when read */
	char warning[400];	/* for the caller to show, or "" */
};

/* What change_apply did, for the caller to say. */
struct change_out {
	int written;		/* the file was replaced */
	char warning[400];	/* a conflict the policy only warns of, or "" */
};

/*
 * The action's own change to ch->doc, recorded in ev (the history
 * event's map, which the effect fills in the order it should read).
 * Returns 0, or -1 with e set (nothing is written).
 */
typedef int (*change_effect_fn)(struct change *ch, struct node *ev,
    void *arg, struct perr *e);

/*
 * Take action on the record id.  ev (taken; NULL for an empty one) is
 * the start of the history event, what the caller could check before
 * reading the record; effect (may be NULL: the action changes only the
 * state) adds the rest.  out (may be NULL) says what was done.  A
 * conflict the policy lists (conflicts:) refuses the action, or is a
 * warning in out.
 */
int change_apply(const struct change_env *env, const struct complaint_id *id,
    const char *action, struct node *ev, change_effect_fn effect, void *arg,
    struct change_out *out, struct perr *e);

/*
 * The effect of an action the policy writes: the fields given (keys[i]
 * = values[i]), each one the action requires or accepts, every one it
 * requires, set on the record; the signatures it needs
 * (signed_by.ROLE=NAME), each by a person holding the role, no person
 * in two of the workflow's exclusive roles on one record; the note.
 * All of it goes into ev.  A field it does not take is PLAINT_USAGE, a
 * missing or bad one PLAINT_DATAERR, a signature missing or wrong
 * PLAINT_REFUSED.
 */
int change_take_fields(struct change *ch, const char *const *keys,
    const char *const *values, size_t n, const char *note, struct node *ev,
    struct perr *e);

/*
 * A new record's checks before it is filed: the actor may log it (the
 * role its workflow gives log), and its parent, if it names one, is a
 * record whose workflow takes sub-records, not in a final state, and
 * differs from it in the fields the workflow keeps apart (工作负责人不得
 * 兼任班组作业负责人).  PLAINT_DATAERR for a parent that is not there,
 * PLAINT_REFUSED otherwise.
 */
int change_check_new(const struct change_env *env, const struct node *doc,
    struct perr *e);

/*
 * The records whose parent is id, each with its status: fn is called
 * with the child's id text and its document (borrowed).  Reads every
 * file's text once, parsing only those that name id.
 */
typedef int (*change_child_fn)(void *ctx, const char *id,
    const struct node *doc, struct perr *e);
int change_children(struct store *s, const struct complaint_id *id,
    change_child_fn fn, void *ctx, struct perr *e);

/* What remind -e did to one record. */
struct change_overdue {
	const char *clock;	/* escalated for this overdue clock, or NULL */
	long long level;	/* to this level */
	const char *level_name;
	struct node *fined;	/* the penalties it recorded (a list), or NULL */
};

/*
 * remind -e on one record: record the fines owed at now; escalate one
 * level if a clock the policy escalates (auto_escalate) is overdue, was
 * not escalated for in this round, and the workflow and the actor's
 * roles allow it; write the file only if something changed.  out->fined
 * is the caller's to free.
 */
int change_overdue(const struct change_env *env, const struct complaint_id *id,
    struct change_overdue *out, struct perr *e);

/*
 * May the actor take action (on doc, NULL for a new record)?  0, or
 * PLAINT_REFUSED naming the role or the login it needs.
 */
int change_may(const struct change_env *env, const struct workflow *wf,
    const char *action, struct perr *e);


#endif
