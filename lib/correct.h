/*
 * correct.h - plaint set: correct the data typed at intake, with its
 * history.
 *
 * Only what a person typed when the complaint was taken in may be set:
 * subject, description, category, severity, channel, complainant.*,
 * received and the policy's own fields.  Every field an action or the
 * rules write (status, due, level, round, assignee, department,
 * resolution, notice, satisfaction, penalties, extensions, history, id,
 * the workflow's number, kind) is refused, naming the command that
 * writes it.  Values are checked as log checks them (complaint_input);
 * an empty value clears a field the policy does not require.  The
 * change is one history event `set` whose `fields` map holds, per field
 * changed, its old and new value (export -r masks a complainant's, as it
 * masks the complainant); the change cycle's rules recompute the
 * deadlines from the corrected fields.
 */
#ifndef PLAINT_CORRECT_H
#define PLAINT_CORRECT_H

#include "change.h"
#include "err.h"
#include "policy.h"

struct correct {
	const char *const *keys;	/* field names, dotted */
	const char *const *values;	/* "" clears the field */
	size_t n;
	const char *note;		/* -m: why, required */
	size_t changed;			/* out: fields whose value changed */
};

/*
 * Before any record is read: every field may be set (PLAINT_REFUSED
 * naming what writes it, PLAINT_USAGE for a name that is no field) and
 * every value is one log would take (PLAINT_DATAERR), the reason is
 * text.
 */
int correct_check(const struct policy *p, const struct correct *co,
    struct perr *e);

/*
 * The effect of set for change_apply (arg: a struct correct): the
 * record's workflow's own checks (a field another of its actions writes
 * is refused, a required field cannot be cleared), the values set, the
 * event's fields and note.  A record that already holds every value is
 * left alone (ch->skip, co->changed 0).
 */
int correct_effect(struct change *ch, struct node *ev, void *arg,
    struct perr *e);

#endif
