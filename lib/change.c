#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "action.h"
#include "change.h"
#include "strbuf.h"
#include "yamlio.h"

static void
roles_text(const struct wf_action *a, char *buf, size_t size)
{
	struct strlist l;

	l.v = a->roles;
	l.n = a->nroles;
	strlist_join(&l, buf, size);
}

int
change_may(const struct change_env *env, const struct workflow *wf,
    const char *action, struct perr *e)
{
	const struct policy *p = &env->store->policy;
	const struct wf_action *a = workflow_action(wf, action);
	struct passwd pwd, *pw = NULL;
	char roles[200], pwbuf[4096];
	size_t i;

	if (a == NULL || (a->nroles == 0 && !a->login))
		return 0;
	/* Asked only here, reentrant: import checks records in threads. */
	if (a->login && (getpwuid_r(getuid(), &pwd, pwbuf, sizeof(pwbuf),
	    &pw) != 0 || pw == NULL || strcmp(env->actor, pw->pw_name) != 0))
		return perr_set(e, PLAINT_REFUSED, "the policy lets only the "
		    "login name take it, and the actor given (-u or "
		    "$PLAINT_USER) is not the login name");
	for (i = 0; i < a->nroles; i++)
		if (policy_has_role(p, env->actor, a->roles[i]))
			return 0;
	if (a->nroles == 0)
		return 0;
	roles_text(a, roles, sizeof(roles));
	return perr_set(e, PLAINT_REFUSED, "it needs the role %s, which %s "
	    "does not hold (people: in plaint.yaml)", roles, env->actor);
}

static int
refuse(const struct change *ch, const struct complaint_id *id,
    const char *action, const char *status, const char *hint,
    struct perr *e)
{
	char idstr[STORE_ID_BUFSZ], allowed[300];
	int n;

	complaint_id_format(id, idstr);
	if (ch->wf == NULL || !workflow_is_state(ch->wf, status) ||
	    workflow_is_final(ch->wf, status) ||
	    (workflow_action(ch->wf, action) != NULL &&
	    strcmp(hint, WORKFLOW_NO_HINT) != 0))
		return perr_set(e, PLAINT_REFUSED, "cannot %s %s: it is %s; %s",
		    action, idstr, status != NULL ? status : "without a "
		    "status", hint);
	/* No hint the policy wrote: say which actions there are. */
	if ((n = workflow_open_text(ch->wf, status, allowed,
	    sizeof(allowed))) == -1)
		return perr_nomem(e);
	if (workflow_action(ch->wf, action) != NULL)
		return perr_set(e, PLAINT_REFUSED, "cannot %s %s: it is %s; %s; "
		    "from %s it allows: %s", action, idstr, status, hint,
		    status, n > 0 ? allowed : "nothing");
	return perr_set(e, PLAINT_REFUSED, "cannot %s %s: the %s workflow has "
	    "no action %s; from %s it allows: %s", action, idstr, ch->wf->name,
	    action, status, n > 0 ? allowed : "nothing");
}

static size_t
npenalties(const struct node *doc)
{
	const struct node *l = node_map_get(doc, "penalties");

	return l != NULL && l->type == NODE_SEQ ? l->n : 0;
}

struct children {
	char id[STORE_ID_BUFSZ];
	change_child_fn fn;
	void *ctx;
};

static int
child_text(void *arg, const char *path, const char *buf, size_t len,
    struct perr *e)
{
	struct children *k = arg;
	const char *slash = strrchr(path, '/'), *dot;
	char id[STORE_ID_BUFSZ];
	struct node *doc;
	int rc;

	if (buf == NULL) {
		perr_clear(e);	/* unreadable: check reports it, not this */
		return 0;
	}
	/* Quoted or plain, as a hand or an import may have left it. */
	if (!text_contains(buf, len, "\nparent: ") ||
	    !text_contains(buf, len, k->id))
		return 0;
	if ((doc = yamlio_parse(buf, len, path, e)) == NULL) {
		perr_clear(e);
		return 0;
	}
	if (node_str(node_map_get(doc, "parent")) == NULL ||
	    strcmp(node_str(node_map_get(doc, "parent")), k->id) != 0) {
		node_free(doc);
		return 0;
	}
	slash = slash != NULL ? slash + 1 : path;
	dot = strrchr(slash, '.');
	snprintf(id, sizeof(id), "%.*s", dot != NULL ? (int)(dot - slash) :
	    (int)strlen(slash), slash);
	rc = k->fn(k->ctx, id, doc, e);
	node_free(doc);
	return rc;
}

int
change_children(struct store *s, const struct complaint_id *id,
    change_child_fn fn, void *ctx, struct perr *e)
{
	struct children k;

	complaint_id_format(id, k.id);
	k.fn = fn;
	k.ctx = ctx;
	return store_scan_text(s, child_text, &k, e);
}

struct open_child {
	const struct policy *policy;
	char id[STORE_ID_BUFSZ];
	char status[64];
};

static int
first_open(void *arg, const char *id, const struct node *doc, struct perr *e)
{
	struct open_child *oc = arg;
	const char *st = complaint_status(doc);

	(void)e;
	if (oc->id[0] != '\0' || workflow_is_final(policy_record_workflow(
	    oc->policy, doc), st))
		return 0;
	snprintf(oc->id, sizeof(oc->id), "%s", id);
	snprintf(oc->status, sizeof(oc->status), "%s", st != NULL ? st : "?");
	return 0;
}

/* A record reaches a final state only when its sub-records have. */
static int
children_done(const struct change *ch, const struct complaint_id *id,
    const char *status, struct perr *e)
{
	struct open_child oc;

	if (ch->wf == NULL || !ch->wf->children ||
	    !workflow_is_final(ch->wf, ch->next) ||
	    workflow_is_final(ch->wf, status))
		return 0;
	memset(&oc, 0, sizeof(oc));
	oc.policy = ch->policy;
	if (change_children(ch->env->store, id, first_open, &oc, e) == -1)
		return -1;
	if (oc.id[0] == '\0')
		return 0;
	return perr_set(e, PLAINT_REFUSED, "its sub-record %s is still %s; "
	    "it must reach a final state first", oc.id, oc.status);
}

struct clash {
	const struct policy *policy;
	const struct policy_conflict *k;
	const char *value, *self;
	char needle[200];
	char other[STORE_ID_BUFSZ];
	char status[64];
};

static int
clash_text(void *arg, const char *path, const char *buf, size_t len,
    struct perr *e)
{
	struct clash *cl = arg;
	const char *slash = strrchr(path, '/'), *st, *v;
	struct node *doc;
	int n;

	if (buf == NULL) {
		perr_clear(e);
		return 0;
	}
	if (cl->other[0] != '\0' || !text_contains(buf, len, cl->needle) ||
	    !text_contains(buf, len, cl->value))
		return 0;
	slash = slash != NULL ? slash + 1 : path;
	n = (int)strcspn(slash, ".");
	if ((size_t)n == strlen(cl->self) && strncmp(slash, cl->self,
	    (size_t)n) == 0)
		return 0;
	if ((doc = yamlio_parse(buf, len, path, e)) == NULL) {
		perr_clear(e);
		return 0;
	}
	st = complaint_status(doc);
	v = node_str(node_path_get(doc, cl->k->field));
	if (st != NULL && v != NULL && strcmp(v, cl->value) == 0 &&
	    strlist_has(&cl->k->states, st)) {
		snprintf(cl->other, sizeof(cl->other), "%.*s", n, slash);
		snprintf(cl->status, sizeof(cl->status), "%s", st);
	}
	node_free(doc);
	return 0;
}

/*
 * conflicts: another record in one of the states, sharing the field's
 * value (two tickets working at one location): refused or warned of.
 */
static int
no_conflict(struct change *ch, const struct complaint_id *id,
    const char *action, struct perr *e)
{
	char self[STORE_ID_BUFSZ];
	struct clash cl;
	size_t i;

	complaint_id_format(id, self);
	for (i = 0; i < ch->policy->nconflicts; i++) {
		const struct policy_conflict *k = &ch->policy->conflicts[i];

		if (strcmp(k->action, action) != 0)
			continue;
		memset(&cl, 0, sizeof(cl));
		cl.policy = ch->policy;
		cl.k = k;
		cl.self = self;
		if ((cl.value = node_str(node_path_get(ch->doc, k->field))) ==
		    NULL)
			continue;
		snprintf(cl.needle, sizeof(cl.needle), "\n%.100s: ", k->field);
		if (store_scan_text(ch->env->store, clash_text, &cl, e) == -1)
			return -1;
		if (cl.other[0] == '\0')
			continue;
		if (k->refuse)
			return perr_set(e, PLAINT_REFUSED, "%s is %s at the "
			    "same %s (%.60s)", cl.other, cl.status, k->field,
			    cl.value);
		snprintf(ch->warning, sizeof(ch->warning), "%s is %s at the "
		    "same %s (%.60s)", cl.other, cl.status, k->field,
		    cl.value);
	}
	return 0;
}

/* before: FIELD: an extension only within the approved period. */
static int
in_time(const struct change *ch, struct perr *e)
{
	const char *f = ch->action != NULL ? ch->action->before : NULL;
	const char *s;
	ptime_t t;
	int off;

	if (f == NULL)
		return 0;
	s = node_str(node_path_get(ch->doc, f));
	if (s == NULL || ptime_parse(s, ch->policy->tz_off, &t, &off) == -1)
		return perr_set(e, PLAINT_REFUSED, "the record has no %s to "
		    "take it before", f);
	if (ch->env->now >= t)
		return perr_set(e, PLAINT_REFUSED, "its %s, %s, has passed: "
		    "it can be taken only before", f, s);
	return 0;
}

/* Read, rules at now, workflow and role: the checks before any effect. */
static int
begin(struct change *ch, const struct complaint_id *id, const char *action,
    struct perr *e)
{
	const char *status, *hint;

	if ((ch->doc = store_read(ch->env->store, id, e)) == NULL)
		return -1;
	ch->fined_before = npenalties(ch->doc);
	if (rules_update(ch->env->rules, ch->doc, ch->env->now, NULL, e) == -1)
		return -1;
	ch->wf = policy_record_workflow(ch->policy, ch->doc);
	status = complaint_status(ch->doc);
	ch->next = status;
	if (action == NULL)
		return 0;	/* the effect names the action */
	ch->action = workflow_action(ch->wf, action);
	if (workflow_next(ch->wf, status, action, node_map_get(ch->doc,
	    ch->wf != NULL ? ch->wf->owner : "assignee") != NULL, &ch->next,
	    &hint) == -1)
		return refuse(ch, id, action, status, hint, e);
	if (change_may(ch->env, ch->wf, action, e) == -1 ||
	    in_time(ch, e) == -1 || children_done(ch, id, status, e) == -1 ||
	    no_conflict(ch, id, action, e) == -1) {
		char idstr[STORE_ID_BUFSZ];

		complaint_id_format(id, idstr);
		perr_prefix(e, "cannot %s %s", action, idstr);
		return -1;
	}
	return 0;
}

/*
 * The record's number, at the action the workflow gives it at: the next
 * of its series, which the store keeps so that it is never given twice.
 */
static int
give_number(struct change *ch, const char *action, struct node *ev,
    struct perr *e)
{
	const struct wf_number *num = ch->wf != NULL ? &ch->wf->number : NULL;
	struct strbuf scope = STRBUF_INIT, text = STRBUF_INIT;
	int off = ch->policy->tz_off, rc = -1;
	long n;

	if (num == NULL || num->at == NULL || strcmp(num->at, action) != 0 ||
	    node_map_get(ch->doc, num->field) != NULL)
		return 0;
	if (workflow_number_scope(num, ch->doc, ch->env->now, off,
	    &scope) == -1) {
		perr_set(e, PLAINT_DATAERR, "the record needs the fields its "
		    "number is counted by (%.100s)", num->pattern);
		perr_field(e, num->field);
		goto done;
	}
	/* Every field it shows, before a serial is taken for it. */
	if (workflow_number_format(num, ch->doc, ch->env->now, off, 0,
	    &text) == -1) {
		perr_set(e, PLAINT_DATAERR, "the record lacks a field its "
		    "number shows (%.100s)", num->pattern);
		perr_field(e, num->field);
		goto done;
	}
	if (store_next_number(ch->env->store, strbuf_str(&scope), &n, e) == -1 ||
	    workflow_number_format(num, ch->doc, ch->env->now, off, n,
	    &text) == -1)
		goto done;
	if (complaint_set(ch->doc, num->field, node_new_str(strbuf_str(&text)),
	    e) == -1 || node_map_set(ev, num->field,
	    node_new_str(strbuf_str(&text))) == -1)
		goto done;
	rc = 0;
done:
	if (rc == -1 && e->code == 0)
		perr_nomem(e);
	strbuf_release(&scope);
	strbuf_release(&text);
	return rc;
}

/* Set the state, append the event (ev is taken), rules, replace. */
static int
finish(struct change *ch, const struct complaint_id *id, struct node *ev,
    struct change_out *out, struct perr *e)
{
	struct stamp st;

	if (ch->skip) {
		node_free(ev);
		return 0;
	}
	st.now = ch->env->now;
	st.off = ch->policy->tz_off;
	st.actor = ch->env->actor;
	if (complaint_set(ch->doc, "status", node_new_str(ch->next), e) == -1 ||
	    (strcmp(ch->event, "resume") == 0 && rules_move_given(
	    ch->env->rules, ch->doc, ch->env->now, e) == -1)) {
		node_free(ev);
		return -1;
	}
	if (complaint_event(ch->doc, &st, ch->event, ev, e) == -1 ||
	    rules_update(ch->env->rules, ch->doc, ch->env->now, NULL, e) ==
	    -1 || store_replace(ch->env->store, id, ch->doc, e) == -1)
		return -1;
	if (out != NULL)
		out->written = 1;
	return 0;
}

static void
change_init(struct change *ch, const struct change_env *env,
    const char *action)
{
	memset(ch, 0, sizeof(*ch));
	ch->env = env;
	ch->policy = &env->store->policy;
	ch->event = action;
}

int
change_apply(const struct change_env *env, const struct complaint_id *id,
    const char *action, struct node *ev, change_effect_fn effect, void *arg,
    struct change_out *out, struct perr *e)
{
	struct change ch;
	int rc = -1;

	if (out != NULL)
		memset(out, 0, sizeof(*out));
	change_init(&ch, env, action);
	if (begin(&ch, id, action, e) == -1)
		goto done;
	if (ev == NULL && (ev = node_new_map()) == NULL) {
		perr_nomem(e);
		goto done;
	}
	if ((effect != NULL && effect(&ch, ev, arg, e) == -1) ||
	    give_number(&ch, action, ev, e) == -1)
		goto done;
	rc = finish(&ch, id, ev, out, e);
	ev = NULL;
	if (out != NULL)
		memcpy(out->warning, ch.warning, sizeof(out->warning));
done:
	node_free(ev);
	node_free(ch.doc);
	return rc;
}

/* Was the record escalated for clock already in this round? */
static int
escalated_for(const struct node *doc, const char *clock)
{
	const struct node *h = node_map_get(doc, "history");
	size_t i, begin = 0;

	if (h == NULL || h->type != NODE_SEQ)
		return 0;
	for (i = 0; i < h->n; i++) {
		const char *a = node_str(node_map_get(h->kids[i], "action"));

		if (a != NULL && strcmp(a, "reopen") == 0)
			begin = i;
	}
	for (i = begin; i < h->n; i++) {
		const char *a = node_str(node_map_get(h->kids[i], "action"));
		const char *c = node_str(node_map_get(h->kids[i], "auto"));

		if (a != NULL && strcmp(a, "escalate") == 0 && c != NULL &&
		    strcmp(c, clock) == 0)
			return 1;
	}
	return 0;
}

/* The first overdue clock the policy escalates, not yet escalated for. */
static const char *
auto_clock(const struct change_env *env, const struct node *doc)
{
	const struct rules *r = env->rules;
	size_t i;

	for (i = 0; i < r->nclocks; i++) {
		struct rules_clock k;

		if (!strlist_has(&r->auto_escalate, r->clocks[i].name))
			continue;
		rules_clock_state(r, &r->clocks[i], doc, &k);
		if (k.started && !k.stopped && k.has_due && !k.paused &&
		    env->now > k.due && !escalated_for(doc, r->clocks[i].name))
			return r->clocks[i].name;
	}
	return NULL;
}

static int
overdue(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	struct change_overdue *out = arg;
	const struct node *l;
	const char *clock, *next, *hint;
	struct node *rules;
	struct perr why;
	long long level;
	size_t i;

	perr_clear(&why);
	if (ch->wf != NULL && (clock = auto_clock(ch->env, ch->doc)) != NULL &&
	    workflow_next(ch->wf, ch->next, "escalate", node_map_get(ch->doc,
	    ch->wf->owner) != NULL, &next, &hint) == 0 &&
	    change_may(ch->env, ch->wf, "escalate", &why) == 0 &&
	    (level = complaint_next_level(ch->doc, ch->policy, &why)) != -1) {
		if (node_map_set(ev, "auto", node_new_str(clock)) == -1)
			return perr_nomem(e);
		ch->event = "escalate";
		ch->next = next;
		out->clock = clock;
		out->level = level;
		out->level_name = ch->policy->levels[level].name;
		return action_escalate(ch->doc, ch->policy, NULL, NULL, ev, e);
	}
	if (npenalties(ch->doc) == ch->fined_before) {
		ch->skip = 1;	/* nothing owed: the file is left alone */
		return 0;
	}
	/* Fines alone are a change too: the history says so. */
	l = node_map_get(ch->doc, "penalties");
	if ((rules = node_new_seq()) == NULL ||
	    node_map_set(ev, "rules", rules) == -1)
		return perr_nomem(e);
	rules->flow = 1;
	for (i = ch->fined_before; i < l->n; i++) {
		const char *rule = node_str(node_map_get(l->kids[i], "rule"));

		if (node_seq_push(rules, node_new_str(rule != NULL ? rule :
		    "")) == -1)
			return perr_nomem(e);
	}
	ch->event = "penalty";
	return 0;
}

int
change_overdue(const struct change_env *env, const struct complaint_id *id,
    struct change_overdue *out, struct perr *e)
{
	struct change ch;
	struct node *ev = NULL;
	const struct node *l;
	size_t i;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	change_init(&ch, env, NULL);
	if (begin(&ch, id, NULL, e) == -1)
		goto done;
	if ((ev = node_new_map()) == NULL) {
		perr_nomem(e);
		goto done;
	}
	if (overdue(&ch, ev, out, e) == -1)
		goto done;
	rc = finish(&ch, id, ev, NULL, e);
	ev = NULL;
	if (rc == -1 || ch.skip)
		goto done;
	/* What was fined, escalation's own fines included, for the output. */
	l = node_map_get(ch.doc, "penalties");
	if (npenalties(ch.doc) > ch.fined_before && (out->fined =
	    node_new_seq()) == NULL)
		goto nomem;
	for (i = ch.fined_before; i < npenalties(ch.doc); i++)
		if (node_seq_push(out->fined, node_dup(l->kids[i])) == -1)
			goto nomem;
	goto done;
nomem:
	rc = perr_nomem(e);
	node_free(out->fined);
	out->fined = NULL;
done:
	node_free(ev);
	node_free(ch.doc);
	return rc;
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

#define SIGNED "signed_by."

static const char *
value_of(const char *const *keys, const char *const *values, size_t n,
    const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return values[i];
	return NULL;
}

/*
 * Another of the workflow's exclusive roles that who holds on this
 * record, by an earlier signature or as the field of that name (the
 * ticket's leader), or NULL.
 */
static const char *
signed_as(const struct workflow *wf, const struct node *doc, const char *who,
    const char *role)
{
	const struct node *h = node_map_get(doc, "history");
	size_t i, j;

	for (i = 0; i < wf->nexclusive; i++) {
		const char *s = node_str(node_map_get(doc, wf->exclusive[i]));

		if (strcmp(wf->exclusive[i], role) != 0 && s != NULL &&
		    strcmp(s, who) == 0)
			return wf->exclusive[i];
	}
	for (i = 0; h != NULL && h->type == NODE_SEQ && i < h->n; i++) {
		const struct node *s = node_map_get(h->kids[i], "signed_by");

		for (j = 0; s != NULL && s->type == NODE_MAP && j < s->n; j++)
			if (strcmp(s->keys[j], role) != 0 &&
			    listed(wf->exclusive, wf->nexclusive, s->keys[j]) &&
			    node_str(s->kids[j]) != NULL &&
			    strcmp(node_str(s->kids[j]), who) == 0)
				return s->keys[j];
	}
	return NULL;
}

/* signed_by: {ROLE: NAME} for each signature the action needs. */
static int
take_signatures(struct change *ch, const char *const *keys,
    const char *const *values, size_t n, struct node *ev, struct perr *e)
{
	const struct wf_action *a = ch->action;
	struct node *sig;
	char key[160];
	size_t i, j;

	if (a->nsignatures == 0)
		return 0;
	if ((sig = node_new_map()) == NULL)
		return perr_nomem(e);
	sig->flow = 1;
	if (node_map_set(ev, "signed_by", sig) == -1)
		return perr_nomem(e);
	for (i = 0; i < a->nsignatures; i++) {
		const char *role = a->signatures[i], *who, *other;

		snprintf(key, sizeof(key), SIGNED "%.140s", role);
		if ((who = value_of(keys, values, n, key)) == NULL ||
		    *who == '\0')
			return perr_set(e, PLAINT_REFUSED, "%s needs the "
			    "signature of the %s (%s=NAME)", a->name, role,
			    key);
		if (!policy_has_role(ch->policy, who, role))
			return perr_set(e, PLAINT_REFUSED, "%s cannot sign as "
			    "%s: the role is not theirs (people: in "
			    "plaint.yaml)", who, role);
		/* The record names its leader: only that one signs as it. */
		if ((other = node_str(node_map_get(ch->doc, role))) != NULL &&
		    strcmp(other, who) != 0)
			return perr_set(e, PLAINT_REFUSED, "%s cannot sign as "
			    "%s: the record's %s is %s", who, role, role,
			    other);
		for (j = 0; j < i; j++)
			if (a->exclusive && strcmp(node_str(sig->kids[j]),
			    who) == 0)
				return perr_set(e, PLAINT_REFUSED, "%s cannot "
				    "sign as both %s and %s", who,
				    sig->keys[j], role);
		other = NULL;
		if (listed(ch->wf->exclusive, ch->wf->nexclusive, role)) {
			other = signed_as(ch->wf, ch->doc, who, role);
			for (j = 0; other == NULL && j < sig->n; j++)
				if (strcmp(node_str(sig->kids[j]), who) == 0 &&
				    listed(ch->wf->exclusive,
				    ch->wf->nexclusive, sig->keys[j]))
					other = sig->keys[j];
		}
		if (other != NULL)
			return perr_set(e, PLAINT_REFUSED, "%s cannot sign as "
			    "%s: they sign this record as %s, and the "
			    "workflow lets no one hold two of %s", who, role,
			    other, "its exclusive roles");
		if (node_map_set(sig, role, node_new_str(who)) == -1)
			return perr_nomem(e);
	}
	return 0;
}

int
change_take_fields(struct change *ch, const char *const *keys,
    const char *const *values, size_t n, const char *note, struct node *ev,
    struct perr *e)
{
	const struct wf_action *a = ch->action;
	struct node *v;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *k = keys[i];

		if (strncmp(k, SIGNED, strlen(SIGNED)) == 0 ? !listed(
		    a->signatures, a->nsignatures, k + strlen(SIGNED)) :
		    !listed(a->requires, a->nrequires, k) &&
		    !listed(a->accepts, a->naccepts, k))
			return perr_set(e, PLAINT_USAGE, "%.60s: not a field "
			    "%s takes", k, a->name);
	}
	for (i = 0; i < a->nrequires; i++)
		if (value_of(keys, values, n, a->requires[i]) == NULL ||
		    *value_of(keys, values, n, a->requires[i]) == '\0') {
			perr_set(e, PLAINT_DATAERR, "is required by the "
			    "action %s", a->name);
			perr_field(e, a->requires[i]);
			return -1;
		}
	for (i = 0; i < n; i++) {
		if (strncmp(keys[i], SIGNED, strlen(SIGNED)) == 0)
			continue;
		if ((v = complaint_input(ch->policy, keys[i], values[i],
		    e)) == NULL)
			return -1;
		if (node_map_set(ev, keys[i], node_dup(v)) == -1) {
			node_free(v);
			return perr_nomem(e);
		}
		if (complaint_set(ch->doc, keys[i], v, e) == -1)
			return -1;
	}
	if (take_signatures(ch, keys, values, n, ev, e) == -1)
		return -1;
	if (note != NULL && node_map_set(ev, "note", complaint_text("-m",
	    note, 1, e)) == -1)
		return e->code ? -1 : perr_nomem(e);
	return 0;
}

int
change_check_new(const struct change_env *env, const struct node *doc,
    struct perr *e)
{
	const struct policy *p = &env->store->policy;
	const struct workflow *wf = policy_record_workflow(p, doc), *pwf;
	const char *ps = node_str(node_map_get(doc, "parent"));
	struct complaint_id pid;
	struct node *parent;
	size_t i;
	int rc = 0;

	const struct wf_action *log = workflow_action(wf, "log");

	if (change_may(env, wf, "log", e) == -1) {
		perr_prefix(e, "cannot log it");
		return -1;
	}
	/* What a record of this kind is logged with (a ticket's seven). */
	for (i = 0; log != NULL && i < log->nrequires; i++)
		if (node_path_get(doc, log->requires[i]) == NULL ||
		    (node_str(node_path_get(doc, log->requires[i])) != NULL &&
		    *node_str(node_path_get(doc, log->requires[i])) == '\0')) {
			perr_set(e, PLAINT_DATAERR, "is required for a %s",
			    node_str(node_map_get(doc, "kind")) ?
			    node_str(node_map_get(doc, "kind")) : "record");
			perr_field(e, log->requires[i]);
			return -1;
		}
	if (ps == NULL)
		return 0;
	if (complaint_id_parse(ps, &pid) == -1) {
		perr_set(e, PLAINT_DATAERR, "\"%.40s\" is not a record id", ps);
		perr_field(e, "parent");
		return -1;
	}
	if ((parent = store_read(env->store, &pid, e)) == NULL) {
		if (e->code == PLAINT_NOINPUT) {
			perr_clear(e);
			perr_set(e, PLAINT_DATAERR, "no record %.40s", ps);
			perr_field(e, "parent");
		}
		return -1;
	}
	pwf = policy_record_workflow(p, parent);
	if (pwf == NULL || !pwf->children)
		rc = perr_set(e, PLAINT_REFUSED, "%s cannot have sub-records "
		    "(its workflow has no children: yes)", ps);
	else if (workflow_is_final(pwf, complaint_status(parent)))
		rc = perr_set(e, PLAINT_REFUSED, "%s is %s, a final state: it "
		    "takes no sub-record", ps, complaint_status(parent));
	for (i = 0; rc == 0 && wf != NULL && i < wf->ndistinct; i++) {
		const char *f = wf->distinct[i];
		const char *a = node_str(node_path_get(doc, f));
		const char *b = node_str(node_path_get(parent, f));

		if (a != NULL && b != NULL && strcmp(a, b) == 0)
			rc = perr_set(e, PLAINT_REFUSED, "%s: %s is the %s of "
			    "%s, its parent, and may not be both", f, a, f,
			    ps);
	}
	node_free(parent);
	if (rc == -1)
		perr_prefix(e, "cannot log it");
	return rc;
}
