#include <stdio.h>
#include <string.h>

#include "correct.h"

/* What writes the fields set may not: said instead of setting them. */
static const struct {
	const char *field;
	const char *why;
} kept[] = {
	{ "id", "names the record's file; it cannot change" },
	{ "kind", "would move the record to another workflow, whose states "
	    "its history does not follow; log a new record instead" },
	{ "status", "follows the workflow's actions ('plaint do ID ACTION')" },
	{ "level", "is changed by 'plaint escalate'" },
	{ "round", "is changed by 'plaint reopen'" },
	{ "assignee", "is changed by 'plaint assign ID PERSON'" },
	{ "department", "is changed by 'plaint assign ID PERSON "
	    "department=DEPT'" },
	{ "due", "is computed by the rules ('plaint extend' lengthens a "
	    "deadline)" },
	{ "resolution", "is recorded by 'plaint resolve'" },
	{ "notice", "is recorded by 'plaint close'" },
	{ "satisfaction", "is recorded by 'plaint close'" },
	{ "penalties", "is recorded by the rules" },
	{ "extensions", "is recorded by 'plaint extend'" },
	{ "history", "only grows: every action appends to it" },
	{ "received_by", "is who took the complaint in, recorded by log" },
	{ "source_ref", "ties the record to the row it was imported from" },
	{ "parent", "links a sub-record as it was logged" },
};

/* field is name, or a part of it (due.resolution, resolution.cause). */
static int
is_or_under(const char *field, const char *name)
{
	size_t len = strlen(name);

	return strncmp(field, name, len) == 0 && (field[len] == '\0' ||
	    field[len] == '.');
}

static int
refused(struct perr *e, const char *field, const char *why)
{
	perr_set(e, PLAINT_REFUSED, "%s; set changes only what was typed at "
	    "intake", why);
	perr_field(e, field);
	return -1;
}

static int
may_set(const struct policy *p, const char *name, struct perr *e)
{
	size_t i;

	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		if (is_or_under(name, kept[i].field))
			return refused(e, name, kept[i].why);
	for (i = 0; i < p->nworkflows; i++)
		if (p->workflows[i].number.field != NULL &&
		    strcmp(p->workflows[i].number.field, name) == 0)
			return refused(e, name, "is the number the workflow "
			    "gave the record; it cannot change");
	return 0;
}

int
correct_check(const struct policy *p, const struct correct *co,
    struct perr *e)
{
	struct node *v;
	size_t i;

	for (i = 0; i < co->n; i++)
		if (may_set(p, co->keys[i], e) == -1)
			return -1;
	for (i = 0; i < co->n; i++) {
		/* log's checks: an unknown field is 64, a bad value 65. */
		if (*co->values[i] == '\0') {
			if ((v = complaint_input(p, co->keys[i], "x", e)) ==
			    NULL && e->code == PLAINT_USAGE)
				return -1;
			perr_clear(e);
		} else if ((v = complaint_input(p, co->keys[i],
		    co->values[i], e)) == NULL)
			return -1;
		node_free(v);
	}
	if ((v = complaint_text("-m", co->note, 1, e)) == NULL)
		return -1;
	node_free(v);
	return 0;
}

static int
listed(const char *const *v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/* Does the workflow's log take name (a ticket's location)? */
static int
logged_with(const struct workflow *wf, const char *name)
{
	const struct wf_action *log = workflow_action(wf, "log");

	return log != NULL && (listed(log->requires, log->nrequires, name) ||
	    listed(log->accepts, log->naccepts, name));
}

/*
 * A field a later action of the record's workflow writes (a ticket's
 * earth_wires, at permit); one typed at log stays the typist's.
 */
static int
workflow_writes(const struct change *ch, const char *name, struct perr *e)
{
	const struct workflow *wf = ch->wf;
	char why[200];
	size_t i;

	if (wf == NULL)
		return 0;
	if (wf->owner != NULL && strcmp(wf->owner, name) == 0)
		return refused(e, name, "names who has the record: it is "
		    "changed by 'plaint assign ID PERSON'");
	if (logged_with(wf, name))
		return 0;
	for (i = 0; i < wf->nactions; i++) {
		const struct wf_action *a = &wf->actions[i];

		if (strcmp(a->name, "log") == 0 || (a->effect != NULL &&
		    strcmp(a->effect, "set") == 0))
			continue;
		if (!listed(a->requires, a->nrequires, name) &&
		    !listed(a->accepts, a->naccepts, name))
			continue;
		snprintf(why, sizeof(why), "is written by the action %s "
		    "('plaint do ID %s')", a->name, a->name);
		return refused(e, name, why);
	}
	return 0;
}

/* A field the policy, or the workflow's log, requires. */
static int
required(const struct change *ch, const char *name)
{
	const struct wf_action *log = workflow_action(ch->wf, "log");

	return strcmp(name, "received") == 0 ||
	    strlist_has(&ch->policy->required, name) ||
	    (log != NULL && listed(log->requires, log->nrequires, name));
}

static int
same_value(const struct node *a, const struct node *b)
{
	size_t i;

	if (a->type != b->type || a->n != b->n)
		return 0;
	if (a->type == NODE_SCALAR)
		return strcmp(a->str, b->str) == 0;
	for (i = 0; i < a->n; i++)
		if ((a->type == NODE_MAP && strcmp(a->keys[i], b->keys[i]) !=
		    0) || !same_value(a->kids[i], b->kids[i]))
			return 0;
	return 1;
}

/* fields.NAME: {old: …, new: …}, either left out when there is none. */
static int
record(struct node *fields, const char *name, const struct node *old,
    const struct node *new, struct perr *e)
{
	struct node *m = node_new_map();

	if (m == NULL)
		return perr_nomem(e);
	m->flow = 1;
	if ((old != NULL && node_map_set(m, "old", node_dup(old)) == -1) ||
	    (new != NULL && node_map_set(m, "new", node_dup(new)) == -1)) {
		node_free(m);
		return perr_nomem(e);
	}
	return node_map_set(fields, name, m) == -1 ? perr_nomem(e) : 0;
}

/* Clear name; complainant: {} goes with its last part. */
static void
clear(struct node *doc, const char *name)
{
	const struct node *who;

	node_path_del(doc, name);
	who = node_map_get(doc, "complainant");
	if (who != NULL && who->type == NODE_MAP && who->n == 0)
		node_map_del(doc, "complainant");
}

static int
set_one(struct change *ch, struct node *fields, const char *name,
    const char *value, struct perr *e)
{
	const struct node *old = node_path_get(ch->doc, name);
	struct node *v;

	if (workflow_writes(ch, name, e) == -1)
		return -1;
	if (*value == '\0') {
		if (old == NULL)
			return 0;
		if (required(ch, name)) {
			perr_set(e, PLAINT_DATAERR, "is required: it cannot "
			    "be cleared");
			perr_field(e, name);
			return -1;
		}
		if (record(fields, name, old, NULL, e) == -1)
			return -1;
		clear(ch->doc, name);
		return 0;
	}
	if ((v = complaint_input(ch->policy, name, value, e)) == NULL)
		return -1;
	if (old != NULL && same_value(old, v)) {
		node_free(v);
		return 0;	/* as it was: not a change */
	}
	if (record(fields, name, old, v, e) == -1) {
		node_free(v);
		return -1;
	}
	return complaint_set(ch->doc, name, v, e);
}

int
correct_effect(struct change *ch, struct node *ev, void *arg,
    struct perr *e)
{
	struct correct *co = arg;
	struct node *fields = node_new_map();
	size_t i;

	co->changed = 0;
	if (fields == NULL || node_map_set(ev, "fields", fields) == -1)
		return perr_nomem(e);	/* node_map_set took it */
	for (i = 0; i < co->n; i++)
		if (set_one(ch, fields, co->keys[i], co->values[i], e) == -1)
			return -1;
	if ((co->changed = fields->n) == 0) {
		ch->skip = 1;	/* nothing differs: no event, no write */
		return 0;
	}
	if (node_map_set(ev, "note", complaint_text("-m", co->note, 1, e)) ==
	    -1)
		return e->code ? -1 : perr_nomem(e);
	return 0;
}
