#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

#define bad(e, n, key, ...) \
	node_config_error(e, "plaint.yaml", n, key, __VA_ARGS__)

static const char *
str_of(const struct node *map, const char *key)
{
	const char *s = node_str(node_map_get(map, key));

	return s != NULL && *s != '\0' ? s : NULL;
}

/* A list of names: a sequence, or a single scalar. */
static int
names(const struct node *n, struct strlist *out, const char *key,
    struct perr *e)
{
	size_t i;

	out->v = NULL;
	out->n = 0;
	if (n == NULL)
		return 0;
	if (n->type == NODE_SCALAR) {
		if ((out->v = calloc(1, sizeof(*out->v))) == NULL)
			return perr_nomem(e);
		out->v[out->n++] = n->str;
		return 0;
	}
	if (n->type != NODE_SEQ)
		return bad(e, n, key, "must be a name or a list of names");
	if (n->n == 0)
		return 0;
	if ((out->v = calloc(n->n, sizeof(*out->v))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < n->n; i++)
		if ((out->v[out->n++] = node_str(n->kids[i])) == NULL) {
			/* The caller frees only what it was given. */
			free(out->v);
			out->v = NULL;
			out->n = 0;
			return bad(e, n->kids[i], key, "must be a name");
		}
	return 0;
}

static int
duration(const struct node *n, const char *key, struct duration *d,
    struct perr *e)
{
	if (node_str(n) == NULL || ptime_parse_duration(n->str, d) == -1)
		return bad(e, n, key, "not a duration (10m, 24h, 5d, 1w, 3wd, "
		    "8bh, 1mo, 1y)");
	return 0;
}

/* Refuse keys a rule does not know: a typo must not widen a rule. */
static int
check_rule_keys(const struct node *n, const char *key,
    const char *const *known, struct perr *e)
{
	size_t i, j;

	for (i = 0; i < n->n; i++) {
		for (j = 0; known[j] != NULL; j++)
			if (strcmp(known[j], n->keys[i]) == 0)
				break;
		if (known[j] == NULL)
			return bad(e, n->kids[i], key, "unknown key \"%s\" in "
			    "a rule", n->keys[i]);
	}
	return 0;
}

static const char *const deadline_keys[] = { "id", "source", "note", "when",
	"from", "set", NULL };
static const char *const penalty_keys[] = { "id", "source", "note", "when",
	"on", "clock", "amount", "sanction", "person", "also", "approved_by",
	"carried_out_by", NULL };
static const char *const notice_keys[] = { "id", "source", "note", "when",
	"by", NULL };
static const char *const inform_keys[] = { "id", "source", "note", "when",
	"to", "after", "within", NULL };
static const char *const extension_keys[] = { "clock", "source", "note",
	"max", "approved_by", NULL };
static const char *const clock_keys[] = { "starts", "stops", "pause",
	"until", "source", "note", NULL };

static int
check_when(const struct node *when, const char *key, struct perr *e)
{
	size_t i;

	if (when == NULL)
		return 0;
	if (when->type != NODE_MAP)
		return bad(e, when, key, "when: must map fields to values");
	for (i = 0; i < when->n; i++)
		if (when->kids[i]->type == NODE_MAP)
			return bad(e, when->kids[i], key, "when: %s: a value "
			    "or a list of values", when->keys[i]);
	return 0;
}

/* Default clocks, when a policy names none. */
static const char *const fr_starts[] = { "log" };
static const char *const fr_stops[] = { "contact", "resolve" };
static const char *const res_stops[] = { "resolve" };
static const char *const cb_starts[] = { "resolve" };
static const char *const cb_stops[] = { "close" };

static int
default_clocks(struct rules *r, struct perr *e)
{
	struct clock_def *c;

	if ((r->clocks = calloc(3, sizeof(*r->clocks))) == NULL)
		return perr_nomem(e);
	c = r->clocks;
	c[0].name = "first_response";
	c[0].starts.v = (const char **)fr_starts;
	c[0].starts.n = 1;
	c[0].stops.v = (const char **)fr_stops;
	c[0].stops.n = 2;
	c[1].name = "resolution";
	c[1].starts.v = (const char **)fr_starts;
	c[1].starts.n = 1;
	c[1].stops.v = (const char **)res_stops;
	c[1].stops.n = 1;
	c[2].name = "callback";
	c[2].starts.v = (const char **)cb_starts;
	c[2].starts.n = 1;
	c[2].stops.v = (const char **)cb_stops;
	c[2].stops.n = 1;
	r->nclocks = 3;
	return 0;
}

static int
load_clocks(struct rules *r, const struct node *root, struct perr *e)
{
	const struct node *cs = node_map_get(root, "clocks");
	size_t i;
	int b;

	if (cs == NULL)
		return default_clocks(r, e);
	if (cs->type != NODE_MAP || cs->n == 0)
		return bad(e, cs, "clocks", "must map clock names to "
		    "{starts, stops, pause}");
	if ((r->clocks = calloc(cs->n, sizeof(*r->clocks))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < cs->n; i++) {
		struct clock_def *c = &r->clocks[r->nclocks++];
		const struct node *d = cs->kids[i];

		c->name = cs->keys[i];
		if (d->type != NODE_MAP)
			return bad(e, d, c->name, "must be {starts, stops}");
		if (check_rule_keys(d, c->name, clock_keys, e) == -1)
			return -1;
		if (names(node_map_get(d, "starts"), &c->starts, c->name,
		    e) == -1 || names(node_map_get(d, "stops"), &c->stops,
		    c->name, e) == -1)
			return -1;
		if (c->starts.n == 0 || c->stops.n == 0)
			return bad(e, d, c->name, "needs starts and stops");
		if (node_map_get(d, "until") != NULL && ((c->until = node_str(
		    node_map_get(d, "until"))) == NULL || *c->until == '\0'))
			return bad(e, node_map_get(d, "until"), c->name,
			    "until: must name a field holding a time");
		if (node_map_get(d, "pause") != NULL) {
			if (node_bool(node_map_get(d, "pause"), &b) == -1)
				return bad(e, node_map_get(d, "pause"),
				    c->name, "pause: must be true or false");
			c->pausable = b;
		}
	}
	return 0;
}

static void
release_clocks(struct rules *r)
{
	size_t i;

	/* The default clocks point at static arrays. */
	for (i = 0; i < r->nclocks; i++) {
		if (r->clocks[i].starts.v != (const char **)fr_starts &&
		    r->clocks[i].starts.v != (const char **)cb_starts)
			free(r->clocks[i].starts.v);
		if (r->clocks[i].stops.v != (const char **)fr_stops &&
		    r->clocks[i].stops.v != (const char **)res_stops &&
		    r->clocks[i].stops.v != (const char **)cb_stops)
			free(r->clocks[i].stops.v);
	}
	free(r->clocks);
}

const struct clock_def *
rules_clock(const struct rules *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nclocks; i++)
		if (strcmp(r->clocks[i].name, name) == 0)
			return &r->clocks[i];
	return NULL;
}

/* A list of rule mappings under key; returns the node or NULL. */
static const struct node *
rule_list(const struct node *root, const char *key, struct perr *e)
{
	const struct node *l = node_map_get(root, key);

	if (l != NULL && l->type != NODE_SEQ) {
		bad(e, l, key, "must be a list of rules");
		return NULL;
	}
	return l;
}

static int
check_duration_unit(const struct rules *r, const struct node *n,
    const char *key, const struct duration *d, struct perr *e)
{
	if (d->unit == DUR_BHOUR && !r->has_bh)
		return bad(e, n, key, "business hours (bh) need "
		    "business_hours in the policy");
	return 0;
}

static int
load_deadlines(struct rules *r, const struct node *root, struct perr *e)
{
	const struct node *l = rule_list(root, "deadlines", e);
	size_t i, j;

	if (e->code)
		return -1;
	if (l == NULL || l->n == 0)
		return 0;
	if ((r->deadlines = calloc(l->n, sizeof(*r->deadlines))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < l->n; i++) {
		struct deadline_rule *d = &r->deadlines[r->ndeadlines++];
		const struct node *n = l->kids[i], *set;
		const char *from;

		if (n->type != NODE_MAP)
			return bad(e, n, "deadlines", "each rule is a mapping");
		if (check_rule_keys(n, "deadlines", deadline_keys, e) == -1)
			return -1;
		d->id = str_of(n, "id");
		d->when = node_map_get(n, "when");
		if (check_when(d->when, "deadlines", e) == -1)
			return -1;
		if ((from = str_of(n, "from")) != NULL) {
			if (strcmp(from, "received") != 0)
				return bad(e, node_map_get(n, "from"),
				    "deadlines", "from: only \"received\"");
			d->from_received = 1;
		}
		set = node_map_get(n, "set");
		if (set == NULL || set->type != NODE_MAP || set->n == 0 ||
		    set->n > 8)
			return bad(e, n, "deadlines", "set: map 1-8 clocks to "
			    "durations");
		for (j = 0; j < set->n; j++) {
			if (rules_clock(r, set->keys[j]) == NULL)
				return bad(e, set->kids[j], "deadlines",
				    "set: no clock \"%s\"", set->keys[j]);
			d->clock[j] = set->keys[j];
			if (duration(set->kids[j], "deadlines", &d->dur[j],
			    e) == -1 || check_duration_unit(r, set->kids[j],
			    "deadlines", &d->dur[j], e) == -1)
				return -1;
		}
		d->nset = set->n;
	}
	return 0;
}

/* A fine (amount, also) or a sanction (sanction, its approval), not both. */
static int
penalty_kind(struct penalty_rule *p, const struct node *n, struct perr *e)
{
	const struct node *amount = node_map_get(n, "amount");
	const struct node *sanction = node_map_get(n, "sanction");

	if ((amount == NULL) == (sanction == NULL))
		return bad(e, n, "penalties", "%s: a fine (amount) or a "
		    "sanction (sanction), one of the two", p->id);
	if (amount != NULL && (node_int(amount, &p->amount) == -1 ||
	    p->amount < 0))
		return bad(e, amount, "penalties", "%s: amount must be a "
		    "whole number of yuan", p->id);
	if (sanction != NULL && (p->sanction = str_of(n, "sanction")) == NULL)
		return bad(e, sanction, "penalties", "%s: sanction: say what "
		    "it is (通报批评)", p->id);
	p->also = str_of(n, "also");
	p->approved_by = str_of(n, "approved_by");
	p->carried_out_by = str_of(n, "carried_out_by");
	if (p->also != NULL && p->sanction != NULL)
		return bad(e, node_map_get(n, "also"), "penalties", "%s: also: "
		    "goes with a fine, not a sanction", p->id);
	if ((p->approved_by != NULL || p->carried_out_by != NULL) &&
	    p->sanction == NULL && p->also == NULL)
		return bad(e, n, "penalties", "%s: approved_by and "
		    "carried_out_by belong to a sanction", p->id);
	return 0;
}

static int
load_penalties(struct rules *r, const struct node *root, struct perr *e)
{
	const struct node *l = rule_list(root, "penalties", e);
	size_t i;

	if (e->code)
		return -1;
	if (l == NULL || l->n == 0)
		return 0;
	if ((r->penalties = calloc(l->n, sizeof(*r->penalties))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < l->n; i++) {
		struct penalty_rule *p = &r->penalties[r->npenalties++];
		const struct node *n = l->kids[i];
		const char *on;

		if (n->type != NODE_MAP || (p->id = str_of(n, "id")) == NULL)
			return bad(e, n, "penalties", "each rule is a mapping "
			    "with an id");
		if (check_rule_keys(n, "penalties", penalty_keys, e) == -1)
			return -1;
		p->when = node_map_get(n, "when");
		if (check_when(p->when, "penalties", e) == -1)
			return -1;
		on = str_of(n, "on");
		if (on == NULL || strcmp(on, "resolve") == 0)
			p->on = PENALTY_RESOLVE;
		else if (strcmp(on, "breach") == 0) {
			p->on = PENALTY_BREACH;
			p->clock = str_of(n, "clock");
			if (p->clock == NULL || rules_clock(r, p->clock) ==
			    NULL)
				return bad(e, n, "penalties", "%s: on breach "
				    "needs the clock", p->id);
		} else
			return bad(e, node_map_get(n, "on"), "penalties",
			    "%s: on: resolve or breach", p->id);
		if (penalty_kind(p, n, e) == -1)
			return -1;
		p->person = str_of(n, "person");
		if (p->person == NULL)
			p->person = "responsible";
		if (strcmp(p->person, "responsible") == 0)
			p->person = "resolution.responsible";
	}
	return 0;
}

static int
load_notices(struct rules *r, const struct node *root, struct perr *e)
{
	const struct node *l = rule_list(root, "notices", e);
	size_t i;

	if (e->code)
		return -1;
	if (l == NULL || l->n == 0)
		return 0;
	if ((r->notices = calloc(l->n, sizeof(*r->notices))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < l->n; i++) {
		struct notice_rule *nr = &r->notices[r->nnotices++];
		const struct node *n = l->kids[i];

		if (n->type != NODE_MAP || (nr->id = str_of(n, "id")) == NULL)
			return bad(e, n, "notices", "each rule is a mapping "
			    "with an id");
		if (check_rule_keys(n, "notices", notice_keys, e) == -1)
			return -1;
		nr->when = node_map_get(n, "when");
		if (check_when(nr->when, "notices", e) == -1 ||
		    names(node_map_get(n, "by"), &nr->by, "notices", e) == -1)
			return -1;
	}
	return 0;
}

static const char *const inform_after[] = { "log" };

static int
load_informs(struct rules *r, const struct node *root, struct perr *e)
{
	const struct node *l = rule_list(root, "informs", e);
	size_t i;

	if (e->code)
		return -1;
	if (l == NULL || l->n == 0)
		return 0;
	if ((r->informs = calloc(l->n, sizeof(*r->informs))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < l->n; i++) {
		struct inform_rule *ir = &r->informs[r->ninforms++];
		const struct node *n = l->kids[i], *w;

		if (n->type != NODE_MAP || (ir->id = str_of(n, "id")) == NULL)
			return bad(e, n, "informs", "each rule is a mapping "
			    "with an id");
		if (check_rule_keys(n, "informs", inform_keys, e) == -1)
			return -1;
		if ((ir->to = str_of(n, "to")) == NULL)
			return bad(e, n, "informs", "%s: to: the department "
			    "to inform", ir->id);
		ir->when = node_map_get(n, "when");
		if (check_when(ir->when, "informs", e) == -1 ||
		    names(node_map_get(n, "after"), &ir->after, "informs",
		    e) == -1)
			return -1;
		if (ir->after.n == 0) {
			free(ir->after.v);
			ir->after.v = (const char **)inform_after;
			ir->after.n = 1;
		}
		if ((w = node_map_get(n, "within")) != NULL) {
			if (duration(w, "informs", &ir->within, e) == -1 ||
			    check_duration_unit(r, w, "informs", &ir->within,
			    e) == -1)
				return -1;
			ir->has_within = 1;
		}
	}
	return 0;
}

static int
load_extensions(struct rules *r, const struct node *root, struct perr *e)
{
	const struct node *l = rule_list(root, "extensions", e);
	size_t i;

	if (e->code)
		return -1;
	if (l == NULL)
		return 0;
	r->extensions_listed = 1;
	if (l->n == 0)
		return 0;
	if ((r->extensions = calloc(l->n, sizeof(*r->extensions))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < l->n; i++) {
		struct extension_rule *x = &r->extensions[r->nextensions++];
		const struct node *n = l->kids[i];

		if (n->type != NODE_MAP || (x->clock = str_of(n, "clock")) ==
		    NULL || rules_clock(r, x->clock) == NULL)
			return bad(e, n, "extensions", "each rule names one "
			    "of the policy's clocks");
		if (check_rule_keys(n, "extensions", extension_keys, e) == -1)
			return -1;
		if (node_map_get(n, "max") != NULL) {
			if (duration(node_map_get(n, "max"), "extensions",
			    &x->max, e) == -1)
				return -1;
			x->has_max = 1;
		}
		if (names(node_map_get(n, "approved_by"), &x->approvers,
		    "extensions", e) == -1)
			return -1;
	}
	return 0;
}

static int
load_calendars(struct rules *r, const struct node *root, rules_find_fn find,
    struct perr *e)
{
	const struct node *cals = node_map_get(root, "calendars");
	const struct node *cl = node_map_get(root, "closures");
	struct strlist l;
	char rel[128], path[4096];
	size_t i;
	ptime_t t;
	int off, rc = 0;

	if (names(cals, &l, "calendars", e) == -1)
		return -1;
	for (i = 0; i < l.n && rc == 0; i++) {
		if (strspn(l.v[i], "abcdefghijklmnopqrstuvwxyz0123456789-") !=
		    strlen(l.v[i]) || strlen(l.v[i]) > 40) {
			rc = bad(e, cals, "calendars", "not a calendar name");
			break;
		}
		snprintf(rel, sizeof(rel), "calendars/%s.yaml", l.v[i]);
		if (find == NULL || find(path, sizeof(path), rel) == -1)
			rc = bad(e, cals, "calendars", "no calendar \"%s\" "
			    "is installed", l.v[i]);
		else
			rc = calendar_load_file(&r->cal, path, e);
	}
	free(l.v);
	if (rc == -1 || cl == NULL)
		return rc;
	if (cl->type != NODE_SEQ)
		return bad(e, cl, "closures", "must be a list of dates");
	for (i = 0; i < cl->n; i++) {
		const char *s = node_str(cl->kids[i]);

		if (s == NULL || strlen(s) != 10 || ptime_parse(s, 0, &t,
		    &off) == -1)
			return bad(e, cl->kids[i], "closures", "not a date");
		if (calendar_add_closure(&r->cal, t / 86400, e) == -1)
			return -1;
	}
	return 0;
}

/*
 * out_of_hours: next-opening: a complaint received outside business
 * hours, or on a day off, counts as received at the next opening.  An
 * opt-in exception to clocks running from the moment of receipt.
 */
static int
load_out_of_hours(struct rules *r, const struct node *root, struct perr *e)
{
	const struct node *n = node_map_get(root, "out_of_hours");
	const char *s = node_str(n);

	if (n == NULL)
		return 0;
	if (s == NULL || (strcmp(s, "next-opening") != 0 &&
	    strcmp(s, "as-received") != 0))
		return bad(e, n, "out_of_hours", "next-opening or "
		    "as-received");
	if (strcmp(s, "next-opening") == 0 && !r->has_bh)
		return bad(e, n, "out_of_hours", "next-opening needs "
		    "business_hours in the policy");
	r->next_opening = strcmp(s, "next-opening") == 0;
	return 0;
}

int
rules_load(struct rules *r, const struct policy *p, rules_find_fn find,
    struct perr *e)
{
	const struct node *root = p->root, *rounds;
	const char *bh = str_of(root, "business_hours");

	memset(r, 0, sizeof(*r));
	calendar_init(&r->cal);
	r->off = p->tz_off;
	if (bh != NULL) {
		if (calendar_parse_hours(bh, &r->bh) == -1)
			return bad(e, node_map_get(root, "business_hours"),
			    "business_hours", "not hours such as "
			    "\"08:00-17:00\"");
		r->has_bh = 1;
	}
	if (load_out_of_hours(r, root, e) == -1)
		return -1;
	rounds = node_map_get(root, "rounds");
	if (rounds != NULL && (node_int(node_map_get(rounds, "max"),
	    &r->max_rounds) == -1 || r->max_rounds < 1))
		return bad(e, rounds, "rounds", "max: a whole number >= 1");
	if (load_calendars(r, root, find, e) == -1 ||
	    load_clocks(r, root, e) == -1 ||
	    names(node_map_get(root, "auto_escalate"), &r->auto_escalate,
	    "auto_escalate", e) == -1 || load_deadlines(r, root, e) == -1 ||
	    load_penalties(r, root, e) == -1 ||
	    load_notices(r, root, e) == -1 ||
	    load_informs(r, root, e) == -1 ||
	    load_extensions(r, root, e) == -1) {
		rules_release(r);
		return -1;
	}
	return 0;
}

void
rules_release(struct rules *r)
{
	size_t i;

	calendar_release(&r->cal);
	if (r->clocks != NULL)
		release_clocks(r);
	free(r->deadlines);
	free(r->penalties);
	for (i = 0; i < r->nnotices; i++)
		free(r->notices[i].by.v);
	free(r->notices);
	for (i = 0; i < r->ninforms; i++)
		if (r->informs[i].after.v != (const char **)inform_after)
			free(r->informs[i].after.v);
	free(r->informs);
	for (i = 0; i < r->nextensions; i++)
		free(r->extensions[i].approvers.v);
	free(r->extensions);
	free(r->auto_escalate.v);
	memset(r, 0, sizeof(*r));
}

int
rules_match(const struct node *when, const struct node *doc)
{
	return node_match(when, doc);
}

/* Durations */

int
rules_add(struct rules *r, ptime_t t, const struct duration *d,
    ptime_t *due)
{
	const struct business_hours *bh = r->has_bh ? &r->bh : NULL;
	int incomplete = 0, rc;

	switch (d->unit) {
	case DUR_MIN:
	case DUR_HOUR:
		*due = ptime_add(t, d, r->off);
		return 0;
	case DUR_DAY:
	case DUR_WEEK:
		rc = calendar_period_end(&r->cal, t, r->off, d->count *
		    (d->unit == DUR_WEEK ? 7 : 1), CALENDAR_DAYS, bh, due,
		    &incomplete);
		break;
	case DUR_WORKDAY:
		rc = calendar_period_end(&r->cal, t, r->off, d->count,
		    WORKING_DAYS, bh, due, &incomplete);
		break;
	case DUR_MONTH:
	case DUR_YEAR:
		rc = calendar_period_end(&r->cal, t, r->off, d->count *
		    (d->unit == DUR_YEAR ? 12 : 1), CALENDAR_MONTHS, bh, due,
		    &incomplete);
		break;
	case DUR_BHOUR:
		if (bh == NULL)
			return -1;
		rc = calendar_add_business_hours(&r->cal, t, r->off, bh,
		    d->count * 3600LL, due, &incomplete);
		break;
	default:
		return -1;
	}
	r->incomplete |= incomplete;
	return rc;
}

/* The history */

static ptime_t
event_time(const struct node *ev, int off)
{
	ptime_t t = 0;
	int o;

	ptime_parse(node_str(node_map_get(ev, "at")) ?
	    node_str(node_map_get(ev, "at")) : "", off, &t, &o);
	return t;
}

static const char *
event_action(const struct node *ev)
{
	const char *a = node_str(node_map_get(ev, "action"));

	return a != NULL ? a : "";
}

/* Index of the event that began the current round. */
static size_t
round_begin(const struct node *hist)
{
	size_t i, at = 0;

	for (i = 0; i < hist->n; i++)
		if (strcmp(event_action(hist->kids[i]), "reopen") == 0)
			at = i;
	return at;
}

static int
action_in(const struct strlist *l, const char *action, int round_start)
{
	/* A reopen begins a round as log began the first. */
	if (round_start && strlist_has(l, "log"))
		return 1;
	return strlist_has(l, action);
}

struct span {
	int started, stopped;
	size_t from, to;	/* event indexes */
	ptime_t start, stop;
};

/*
 * When the clock ran this round.  A clock started by the log event runs
 * from the complaint's receipt (a complaint logged late, or imported,
 * was still received when it was); a withdrawal stops every clock.
 */
static void
clock_span(const struct clock_def *c, const struct node *doc,
    const struct node *hist, int off, struct span *s)
{
	size_t i, begin = round_begin(hist);
	int o;

	memset(s, 0, sizeof(*s));
	for (i = begin; i < hist->n; i++) {
		const char *a = event_action(hist->kids[i]);

		if (!s->started) {
			if (action_in(&c->starts, a, i == begin)) {
				s->started = 1;
				s->from = i;
				s->start = event_time(hist->kids[i], off);
				if (strcmp(a, "log") == 0 &&
				    node_str(node_map_get(doc, "received")))
					ptime_parse(node_str(node_map_get(doc,
					    "received")), off, &s->start, &o);
			}
		} else if (strlist_has(&c->stops, a) ||
		    strcmp(a, "withdraw") == 0) {
			s->stopped = 1;
			s->to = i;
			s->stop = event_time(hist->kids[i], off);
			return;
		}
	}
}

static const struct deadline_rule *
deadline_for(const struct rules *r, const struct node *doc, const char *clock,
    const struct duration **dur)
{
	const struct deadline_rule *found = NULL;
	size_t i, j;

	for (i = 0; i < r->ndeadlines; i++) {
		const struct deadline_rule *d = &r->deadlines[i];

		if (!rules_match(d->when, doc))
			continue;
		for (j = 0; j < d->nset; j++)
			if (strcmp(d->clock[j], clock) == 0) {
				found = d;
				*dur = &d->dur[j];
			}
	}
	return found;
}

/* Working time between a and b, for pauses of a business-hours clock. */
static long long
business_secs(const struct rules *r, ptime_t a, ptime_t b)
{
	long long total = 0, day;
	struct civil c;

	for (; a < b; a = (day + 1) * 86400 - r->off) {
		ptime_t open, close;

		ptime_to_civil(a, r->off, &c);
		day = ptime_days_from_civil(c.year, c.month, c.day);
		if (!calendar_is_workday(&r->cal, day, NULL))
			continue;
		open = day * 86400 - r->off + r->bh.open;
		close = day * 86400 - r->off + r->bh.close;
		if (open < a)
			open = a;
		if (close > b)
			close = b;
		if (close > open)
			total += close - open;
	}
	return total;
}

/*
 * The time a pause from p to q does not count, in the unit the clock is
 * counted in: seconds for minutes and hours, working seconds for
 * business hours, working days for working days, and for calendar days,
 * weeks, months and years the midnights it spans (a pause within one
 * day does not move a day-counted deadline; 23:00 to 01:00 moves it by
 * one day).
 */
static long long
paused_amount(struct rules *r, const struct duration *unit, ptime_t p,
    ptime_t q)
{
	struct civil cp, cq;
	long long from, to, x, n = 0;

	if (q <= p)
		return 0;
	if (unit->unit == DUR_MIN || unit->unit == DUR_HOUR)
		return q - p;
	if (unit->unit == DUR_BHOUR)
		return business_secs(r, p, q);
	ptime_to_civil(p, r->off, &cp);
	ptime_to_civil(q, r->off, &cq);
	from = ptime_days_from_civil(cp.year, cp.month, cp.day);
	to = ptime_days_from_civil(cq.year, cq.month, cq.day);
	if (unit->unit != DUR_WORKDAY)
		return to - from;
	for (x = from; x < to; x++)
		n += calendar_is_workday(&r->cal, x, NULL);
	return n;
}

/*
 * base + dur with `paused' not counted: the period is counted again as
 * if it were that much longer, so that a day-counted one still ends per
 * art. 203 (5 days from Mon Sep 28 with one day paused end on Oct 4,
 * a holiday, hence Oct 8, not on the moved Oct 8 plus one day).
 * *nominal is where the counted period ends before art. 203 moves it.
 */
static int
period_with_pause(struct rules *r, ptime_t base, const struct duration *dur,
    long long paused, ptime_t *due, ptime_t *nominal)
{
	const struct business_hours *bh = r->has_bh ? &r->bh : NULL;
	enum calendar_unit u = CALENDAR_DAYS;
	long n = dur->count;
	int incomplete = 0;

	switch (dur->unit) {
	case DUR_MIN:
	case DUR_HOUR:
		*due = *nominal = ptime_add(base, dur, r->off) + paused;
		return 0;
	case DUR_BHOUR:
		if (bh == NULL || calendar_add_business_hours(&r->cal, base,
		    r->off, bh, dur->count * 3600LL + paused, due,
		    &incomplete) == -1)
			return -1;
		r->incomplete |= incomplete;
		*nominal = *due;
		return 0;
	case DUR_WEEK:
		n *= 7;
		break;
	case DUR_WORKDAY:
		u = WORKING_DAYS;
		break;
	case DUR_MONTH:
	case DUR_YEAR:
		n *= dur->unit == DUR_YEAR ? 12 : 1;
		u = CALENDAR_MONTHS;
		break;
	default:
		break;
	}
	if (calendar_period_end_paused(&r->cal, base, r->off, n, u,
	    (long)paused, bh, due, nominal, &incomplete) == -1)
		return -1;
	r->incomplete |= incomplete;
	return 0;
}

/*
 * due moved on by a pause that began after the counted period's nominal
 * end (on a day art. 203 or an extension added): by the same amount of
 * the clock's unit, from the deadline itself.
 */
static int
shift_late(struct rules *r, const struct duration *dur, long long late,
    ptime_t *due)
{
	struct duration d;
	int incomplete = 0;

	if (late == 0)
		return 0;
	switch (dur->unit) {
	case DUR_MIN:
	case DUR_HOUR:
		*due += late;
		return 0;
	case DUR_BHOUR:
		if (calendar_add_business_hours(&r->cal, *due, r->off, &r->bh,
		    late, due, &incomplete) == -1)
			return -1;
		r->incomplete |= incomplete;
		return 0;
	default:
		d.unit = dur->unit == DUR_WORKDAY ? DUR_WORKDAY : DUR_DAY;
		d.count = (long)late;
		return rules_add(r, *due, &d, due);
	}
}

/* The extensions of clock granted this round before event index upto. */
static int
apply_extensions(struct rules *r, const struct node *hist,
    const char *clock, size_t upto, ptime_t *due)
{
	size_t i;

	for (i = round_begin(hist); i < upto; i++) {
		const struct node *ev = hist->kids[i];
		const char *c = node_str(node_map_get(ev, "clock"));
		const char *by = node_str(node_map_get(ev, "duration"));
		struct duration d;

		if (strcmp(event_action(ev), "extend") != 0 || c == NULL ||
		    strcmp(c, clock) != 0 || by == NULL ||
		    ptime_parse_duration(by, &d) == -1)
			continue;
		if (rules_add(r, *due, &d, due) == -1)
			return -1;
	}
	return 0;
}

/* What the pauses so far take out of a clock's period. */
struct pauses {
	long long counted;	/* began by the nominal end: counted again */
	long long late;		/* began after it: move the deadline on */
};

static int
due_with(struct rules *r, const struct node *hist, const char *clock,
    ptime_t base, const struct duration *dur, const struct pauses *ps,
    size_t upto, ptime_t *due, ptime_t *nominal)
{
	if (period_with_pause(r, base, dur, ps->counted, due, nominal) == -1 ||
	    apply_extensions(r, hist, clock, upto, due) == -1)
		return -1;
	return shift_late(r, dur, ps->late, due);
}

/*
 * A clock's deadline: its duration from base, with each pause that
 * began while the clock still ran not counted, then the extensions.  A
 * pause that begins after the deadline has passed moves nothing: the
 * breach has happened, and it stays one with its fine.
 */
static int
clock_due(struct rules *r, const struct clock_def *c, const struct node *hist,
    const struct span *s, ptime_t base, const struct duration *dur,
    ptime_t *due)
{
	size_t i, end = s->stopped ? s->to : hist->n;
	struct pauses ps = { 0, 0 };
	ptime_t p = 0, t, nominal;
	int in = 0, late = 0;

	for (i = s->from; c->pausable && i < end; i++) {
		const char *a = event_action(hist->kids[i]);

		t = event_time(hist->kids[i], r->off);
		if (strcmp(a, "pause") == 0 && !in) {
			if (due_with(r, hist, c->name, base, dur, &ps, i, due,
			    &nominal) == -1)
				return -1;
			if (t <= *due) {
				in = 1;
				p = t;
				late = t > nominal;
			}
		} else if (strcmp(a, "resume") == 0 && in) {
			in = 0;
			*(late ? &ps.late : &ps.counted) += paused_amount(r,
			    dur, p, t);
		}
	}
	return due_with(r, hist, c->name, base, dur, &ps, hist->n, due,
	    &nominal);
}

/*
 * The deadline the rules give clock c now: 1 and *due; 0 when the clock
 * does not run this round (it has no deadline); 2 when no rule sets it,
 * so that a deadline given at log is the record's own.
 */
static int
clock_deadline(struct rules *r, const struct node *doc,
    const struct node *hist, const struct clock_def *c, ptime_t *due,
    struct perr *e)
{
	const struct deadline_rule *rule = NULL;
	const struct duration *dur = NULL;
	struct span s;
	ptime_t base;
	int o, inc;

	if (c->until == NULL &&
	    (rule = deadline_for(r, doc, c->name, &dur)) == NULL)
		return 2;
	clock_span(c, doc, hist, r->off, &s);
	/* A ticket's approved period ends when its planned_end says. */
	if (s.started && c->until != NULL && ptime_parse(node_str(
	    node_path_get(doc, c->until)) ? node_str(node_path_get(doc,
	    c->until)) : "", r->off, due, &o) == -1)
		s.started = 0;
	if (!s.started)
		return 0;
	if (c->until != NULL)
		return 1;
	base = s.start;
	if (rule->from_received)
		ptime_parse(node_str(node_map_get(doc, "received")) ?
		    node_str(node_map_get(doc, "received")) : "", r->off,
		    &base, &o);
	/* Received out of hours: counted from the next opening (opt-in). */
	if (r->next_opening && (rule->from_received || strcmp(event_action(
	    hist->kids[s.from]), "log") == 0) && calendar_add_business_hours(
	    &r->cal, base, r->off, &r->bh, 0, &base, &inc) == 0)
		r->incomplete |= inc;
	if (clock_due(r, c, hist, &s, base, dur, due) == -1)
		return perr_set(e, PLAINT_CONFIG, "cannot compute the %s "
		    "deadline", c->name);
	return 1;
}

static int
compute_due(struct rules *r, struct node *doc, const struct node *hist,
    const struct clock_def *c, struct perr *e)
{
	char path[160], buf[PTIME_BUFSZ];
	ptime_t due;
	int rc;

	if ((rc = clock_deadline(r, doc, hist, c, &due, e)) == -1)
		return -1;
	if (rc == 2)
		return 0;
	snprintf(path, sizeof(path), "due.%s", c->name);
	if (rc == 0) {
		/* Not running this round: last round's deadline is gone. */
		node_path_del(doc, path);
		if (node_map_get(doc, "due") != NULL &&
		    node_map_get(doc, "due")->n == 0)
			node_map_del(doc, "due");
		return 0;
	}
	ptime_format(due, r->off, buf);
	return complaint_set(doc, path, node_new_str(buf), e);
}

/* A stored deadline against the one the rules give: the same instant. */
static int
same_due(const struct node *have, int want, ptime_t due, int off)
{
	ptime_t t;
	int o;

	if (have == NULL || want == 0)
		return have == NULL && want == 0;
	return node_str(have) != NULL &&
	    ptime_parse(have->str, off, &t, &o) == 0 && t == due;
}

int
rules_check_due(struct rules *r, const struct node *doc,
    struct rules_due_diff *out, struct perr *e)
{
	const struct node *hist = node_map_get(doc, "history");
	int incomplete = r->incomplete, rc = 0, want;
	char path[160];
	ptime_t due;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (hist == NULL || hist->type != NODE_SEQ)
		return 0;
	/* The rules at the record's own history, on the record as it is. */
	for (i = 0; i < r->nclocks && rc == 0; i++) {
		if ((want = clock_deadline(r, doc, hist, &r->clocks[i], &due,
		    e)) == -1) {
			rc = -1;
			break;
		}
		if (want == 2)
			continue;	/* the record's own deadline */
		snprintf(path, sizeof(path), "due.%s", r->clocks[i].name);
		out->stored = node_path_get(doc, path);
		if (same_due(out->stored, want, due, r->off))
			continue;
		out->clock = r->clocks[i].name;
		if (want == 1)
			ptime_format(due, r->off, out->want);
		rc = 1;
	}
	if (rc != 1)
		out->stored = NULL;
	r->incomplete = incomplete;
	return rc;
}

/* Penalties */

static int
fined_already(const struct node *doc, const char *rule, long long round)
{
	const struct node *l = node_map_get(doc, "penalties");
	long long n;
	size_t i;

	for (i = 0; l != NULL && l->type == NODE_SEQ && i < l->n; i++) {
		const char *id = node_str(node_map_get(l->kids[i], "rule"));

		if (id == NULL || strcmp(id, rule) != 0)
			continue;
		/* Records without a round count for the first. */
		if (node_int(node_map_get(l->kids[i], "round"), &n) == -1)
			n = 1;
		if (n == round)
			return 1;
	}
	return 0;
}

/*
 * Does a pause hold clock c now?  Only one that began by its deadline: a
 * pause cannot stop a clock that had already run out.
 */
static int
holds(const struct rules *r, const struct clock_def *c, const struct node *doc,
    ptime_t due)
{
	const struct node *p;

	/* Only a pausable clock reads the history for the open pause. */
	if (!c->pausable || (p = rules_open_pause(doc)) == NULL)
		return 0;
	return event_time(p, r->off) <= due;
}

static int
breached(struct rules *r, const struct node *doc, const struct node *hist,
    const char *clock, ptime_t now)
{
	const struct clock_def *c = rules_clock(r, clock);
	char path[160];
	const char *iso;
	struct span s;
	ptime_t due;
	int o;

	snprintf(path, sizeof(path), "due.%s", clock);
	iso = node_str(node_path_get(doc, path));
	if (c == NULL || iso == NULL || ptime_parse(iso, r->off, &due,
	    &o) == -1)
		return 0;
	clock_span(c, doc, hist, r->off, &s);
	if (!s.started)
		return 0;
	if (s.stopped)
		return s.stop > due;
	return now > due && !holds(r, c, doc, due);
}

static int
add_penalty(struct rules *r, struct node *doc, const struct penalty_rule *p,
    const char *person, long long round, ptime_t now, struct perr *e)
{
	struct node *list = node_map_get(doc, "penalties"), *rec;
	char at[PTIME_BUFSZ];

	if (list == NULL) {
		if (complaint_set(doc, "penalties", node_new_seq(), e) == -1)
			return -1;
		list = node_map_get(doc, "penalties");
	}
	if (list->type != NODE_SEQ)
		return perr_set(e, PLAINT_DATAERR, "penalties: not a list");
	ptime_format(now, r->off, at);
	if ((rec = node_new_map()) == NULL ||
	    node_map_set(rec, "rule", node_new_str(p->id)) == -1 ||
	    node_map_set(rec, "person", node_new_str(person)) == -1 ||
	    (p->sanction == NULL ? node_map_set(rec, "amount",
	    node_new_int(p->amount)) : node_map_set(rec, "sanction",
	    node_new_str(p->sanction))) == -1 ||
	    node_map_set(rec, "round", node_new_int(round)) == -1 ||
	    (p->also != NULL && node_map_set(rec, "also",
	    node_new_str(p->also)) == -1) ||
	    (p->approved_by != NULL && node_map_set(rec, "approved_by",
	    node_new_str(p->approved_by)) == -1) ||
	    (p->carried_out_by != NULL && node_map_set(rec, "carried_out_by",
	    node_new_str(p->carried_out_by)) == -1) ||
	    node_map_set(rec, "at", node_new_str(at)) == -1) {
		node_free(rec);
		return perr_nomem(e);
	}
	return node_seq_push(list, rec) == -1 ? perr_nomem(e) : 0;
}

/* Does the field name someone: a name, or a list with one? */
static int
named(const struct node *who)
{
	size_t i;

	if (who == NULL)
		return 0;
	if (who->type != NODE_SEQ)
		return node_str(who) != NULL && *node_str(who) != '\0';
	for (i = 0; i < who->n; i++)
		if (node_str(who->kids[i]) != NULL &&
		    *node_str(who->kids[i]) != '\0')
			return 1;
	return 0;
}

static int
apply_penalties(struct rules *r, struct node *doc, const struct node *hist,
    ptime_t now, int *fined, struct perr *e)
{
	long long round = 1;
	const char *status = complaint_status(doc);
	size_t i;

	node_int(node_map_get(doc, "round"), &round);
	for (i = 0; i < r->npenalties; i++) {
		const struct penalty_rule *p = &r->penalties[i];
		const struct node *who = node_path_get(doc, p->person);
		size_t k, n = who == NULL ? 0 : who->type == NODE_SEQ ?
		    who->n : 1;

		if (!named(who) || fined_already(doc, p->id, round) ||
		    !rules_match(p->when, doc))
			continue;
		if (p->on == PENALTY_RESOLVE && (status == NULL ||
		    (strcmp(status, "resolved") != 0 &&
		    strcmp(status, "closed") != 0)))
			continue;
		if (p->on == PENALTY_BREACH && !breached(r, doc, hist,
		    p->clock, now))
			continue;
		/* Each person named (每人每次), once: the rule has fired. */
		for (k = 0; k < n; k++) {
			const char *person = node_str(who->type == NODE_SEQ ?
			    who->kids[k] : who);

			if (person == NULL || *person == '\0')
				continue;
			if (add_penalty(r, doc, p, person, round, now, e) == -1)
				return -1;
			(*fined)++;
		}
	}
	return 0;
}

int
rules_update(struct rules *r, struct node *doc, ptime_t now, int *fined,
    struct perr *e)
{
	const struct node *hist = node_map_get(doc, "history");
	int count = 0;
	size_t i;

	if (fined != NULL)
		*fined = 0;
	if (hist == NULL || hist->type != NODE_SEQ)
		return 0;
	r->incomplete = 0;
	for (i = 0; i < r->nclocks; i++)
		if (compute_due(r, doc, hist, &r->clocks[i], e) == -1)
			return -1;
	if (r->incomplete) {
		if (complaint_set(doc, "calendar", node_new_str("incomplete"),
		    e) == -1)
			return -1;
	} else
		node_map_del(doc, "calendar");
	if (apply_penalties(r, doc, hist, now, &count, e) == -1)
		return -1;
	if (fined != NULL)
		*fined = count;
	return 0;
}

const struct penalty_rule *
rules_unpaid(const struct rules *r, const struct node *doc)
{
	long long round = 1;
	size_t i;

	node_int(node_map_get(doc, "round"), &round);
	for (i = 0; i < r->npenalties; i++) {
		const struct penalty_rule *p = &r->penalties[i];

		if (p->on == PENALTY_RESOLVE && !named(node_path_get(doc,
		    p->person)) &&
		    !fined_already(doc, p->id, round) &&
		    rules_match(p->when, doc))
			return p;
	}
	return NULL;
}

const struct notice_rule *
rules_notice_owed(const struct rules *r, const struct node *doc)
{
	const char *by = node_str(node_path_get(doc, "notice.by"));
	size_t i;

	for (i = 0; i < r->nnotices; i++) {
		const struct notice_rule *n = &r->notices[i];

		if (!rules_match(n->when, doc))
			continue;
		if (by != NULL && (n->by.n == 0 || strlist_has(&n->by, by)))
			continue;
		return n;
	}
	return NULL;
}

enum inform_state
rules_inform(const struct rules *r, size_t i, const struct node *doc,
    ptime_t *since)
{
	const struct inform_rule *ir = &r->informs[i];
	const struct node *hist = node_map_get(doc, "history");
	size_t k, from = 0;
	int arisen = 0;

	if (hist == NULL || hist->type != NODE_SEQ ||
	    !rules_match(ir->when, doc))
		return INFORM_NONE;
	for (k = 0; k < hist->n; k++) {
		const struct node *ev = hist->kids[k];
		const char *to = node_str(node_map_get(ev, "to"));

		if (!arisen && strlist_has(&ir->after, event_action(ev))) {
			arisen = 1;
			from = k;
		} else if (arisen && strcmp(event_action(ev), "notify") == 0 &&
		    to != NULL && strcmp(to, ir->to) == 0)
			return INFORM_DONE;
	}
	if (!arisen)
		return INFORM_NONE;
	if (since != NULL)
		*since = event_time(hist->kids[from], r->off);
	return INFORM_OWED;
}

static long long
approx_secs(const struct duration *d)
{
	static const long long secs[] = { 60, 3600, 86400, 7 * 86400,
		86400 * 7 / 5, 3600, 31 * 86400, 366 * 86400 };

	return d->count * secs[d->unit];
}

int
rules_may_extend(const struct rules *r, const char *clock,
    const struct duration *d, const char *approver, struct perr *e)
{
	char names_buf[300];
	size_t i;

	if (!r->extensions_listed)
		return 0;
	for (i = 0; i < r->nextensions; i++) {
		const struct extension_rule *x = &r->extensions[i];

		if (strcmp(x->clock, clock) != 0)
			continue;
		if (x->has_max && approx_secs(d) > approx_secs(&x->max))
			return perr_set(e, PLAINT_REFUSED, "the policy allows "
			    "extending %s by %ld%s at most", clock,
			    x->max.count, (const char *[]){ "m", "h", "d",
			    "w", "wd", "bh", "mo", "y" }[x->max.unit]);
		if (x->approvers.n > 0 && !strlist_has(&x->approvers,
		    approver)) {
			strlist_join(&x->approvers, names_buf,
			    sizeof(names_buf));
			return perr_set(e, PLAINT_REFUSED, "extending %s needs "
			    "the approval of %s", clock, names_buf);
		}
		return 0;
	}
	return perr_set(e, PLAINT_REFUSED, "the policy does not allow "
	    "extending the %s deadline", clock);
}

/*
 * A deadline given by hand (no rule sets the clock) moves with a pause
 * as the rules' deadlines do: one at the end of a day by the days the
 * pause spans, any other by the time paused.
 */
static int
move_given(struct rules *r, struct node *doc, const struct clock_def *c,
    ptime_t p, ptime_t now, struct perr *e)
{
	static const struct duration days = { 1, DUR_DAY };
	const struct node *hist = node_map_get(doc, "history");
	const struct duration *dur;
	char path[160], buf[PTIME_BUFSZ];
	struct span s;
	struct civil cv;
	struct duration d;
	ptime_t due;
	int o, eod;

	snprintf(path, sizeof(path), "due.%s", c->name);
	if (!c->pausable || c->until != NULL || deadline_for(r, doc, c->name,
	    &dur) != NULL || node_str(node_path_get(doc, path)) == NULL ||
	    ptime_parse(node_str(node_path_get(doc, path)), r->off, &due,
	    &o) == -1 || due < p)
		return 0;
	clock_span(c, doc, hist, r->off, &s);
	if (!s.started || s.stopped)
		return 0;
	/* Where a day-counted period ends (calendar.c's instant()). */
	eod = r->has_bh && r->bh.close < 86400 ? r->bh.close : 86399;
	ptime_to_civil(due, r->off, &cv);
	if (cv.hour * 3600 + cv.min * 60 + cv.sec == eod) {
		d = days;
		if ((d.count = (long)paused_amount(r, &days, p, now)) == 0)
			return 0;
		if (rules_add(r, due, &d, &due) == -1)
			return perr_set(e, PLAINT_CONFIG, "cannot move the %s "
			    "deadline", c->name);
	} else
		due += now - p;
	ptime_format(due, r->off, buf);
	return complaint_set(doc, path, node_new_str(buf), e);
}

int
rules_move_given(struct rules *r, struct node *doc, ptime_t now,
    struct perr *e)
{
	const struct node *p = rules_open_pause(doc);
	size_t i;

	if (p == NULL || node_map_get(doc, "history") == NULL ||
	    node_map_get(doc, "history")->type != NODE_SEQ)
		return 0;
	for (i = 0; i < r->nclocks; i++)
		if (move_given(r, doc, &r->clocks[i], event_time(p, r->off),
		    now, e) == -1)
			return -1;
	return 0;
}

const struct node *
rules_open_pause(const struct node *doc)
{
	const struct node *hist = node_map_get(doc, "history"), *p = NULL;
	size_t i;

	for (i = 0; hist != NULL && hist->type == NODE_SEQ && i < hist->n;
	    i++) {
		const char *a = event_action(hist->kids[i]);

		if (strcmp(a, "pause") == 0)
			p = hist->kids[i];
		else if (strcmp(a, "resume") == 0 || strcmp(a, "reopen") == 0)
			p = NULL;
	}
	return p;
}

int
rules_paused(const struct node *doc)
{
	return rules_open_pause(doc) != NULL;
}

/* Clocks still running: for filters (overdue=yes, due<24h), list, remind */

void
rules_clock_state(const struct rules *r, const struct clock_def *c,
    const struct node *doc, struct rules_clock *out)
{
	const struct node *hist = node_map_get(doc, "history");
	char path[160];
	const char *iso;
	struct span sp;
	int o;

	memset(out, 0, sizeof(*out));
	snprintf(path, sizeof(path), "due.%s", c->name);
	iso = node_str(node_path_get(doc, path));
	out->has_due = iso != NULL && ptime_parse(iso, r->off, &out->due,
	    &o) == 0;
	if (hist == NULL || hist->type != NODE_SEQ)
		return;
	clock_span(c, doc, hist, r->off, &sp);
	out->started = sp.started;
	out->stopped = sp.stopped;
	out->start = sp.start;
	out->stop = sp.stop;
	out->paused = sp.started && !sp.stopped && (out->has_due ?
	    holds(r, c, doc, out->due) : c->pausable && rules_paused(doc));
}

int
rules_running_due(const struct rules *r, const struct node *doc,
    ptime_t *due, const char **clock)
{
	const struct node *dues = node_map_get(doc, "due");
	struct rules_clock k;
	size_t i;
	int found = 0;

	if (dues == NULL || dues->type != NODE_MAP)
		return 0;
	for (i = 0; i < dues->n; i++) {
		const struct clock_def *c = rules_clock(r, dues->keys[i]);

		if (c == NULL)
			continue;
		rules_clock_state(r, c, doc, &k);
		if (!k.has_due || !k.started || k.stopped || k.paused)
			continue;
		if (!found || k.due < *due) {
			*due = k.due;
			if (clock != NULL)
				*clock = c->name;
		}
		found = 1;
	}
	return found;
}

int
rules_overdue(const struct rules *r, const struct node *doc, ptime_t now,
    const char **clock)
{
	ptime_t due;

	/* The earliest running deadline is passed iff any one is. */
	return rules_running_due(r, doc, &due, clock) && now > due;
}
