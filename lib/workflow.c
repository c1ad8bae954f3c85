#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"
#include "strbuf.h"
#include "table.h"
#include "workflow.h"

#define DEFAULT_HINT WORKFLOW_NO_HINT

static const char *const workflow_keys[] = {
	"title", "owner", "states", "actions", "exclusive", "number",
	"children", "distinct_from_parent", "times", NULL
};
static const char *const state_keys[] = {
	"label", "open", "final", "refused", NULL
};
static const char *const action_keys[] = {
	"label", "from", "to", "unowned", "refused", "role", "login",
	"requires", "accepts", "signatures", "exclusive", "before", "effect",
	NULL
};

/*
 * What the commands of the same names do, beyond the state (notify:
 * note's internal notice, to=DEPARTMENT; set: the intake's fields
 * corrected, with their old values in the event).
 */
static const char *const effects[] = {
	"assign", "note", "notify", "contact", "escalate", "extend", "pause",
	"resume", "resolve", "close", "withdraw", "reopen", "set", NULL
};

#define bad(e, n, key, ...) node_config_error(e, NULL, n, key, __VA_ARGS__)

static int
check_keys(const struct node *map, const char *const *known, const char *key,
    struct perr *e)
{
	size_t i, j;

	if (map->type != NODE_MAP)
		return bad(e, map, key, "%s", "must be a mapping");
	for (i = 0; i < map->n; i++) {
		for (j = 0; known[j] != NULL; j++)
			if (strcmp(known[j], map->keys[i]) == 0)
				break;
		if (known[j] == NULL)
			return bad(e, map->kids[i], key, "unknown key \"%.40s\"",
			    map->keys[i]);
	}
	return 0;
}

static const char *
text(const struct node *map, const char *k, const char *key, struct perr *e,
    int *err)
{
	const struct node *n = node_map_get(map, k);
	const char *s;

	if (n == NULL || node_kind(n) == KIND_NULL)
		return NULL;
	if ((s = node_str(n)) == NULL || *s == '\0') {
		*err = bad(e, n, key, "%s: must be a non-empty value", k);
		return NULL;
	}
	return s;
}

static int
flag(const struct node *map, const char *k, const char *key, int *out,
    struct perr *e)
{
	const struct node *n = node_map_get(map, k);

	*out = 0;
	if (n == NULL)
		return 0;
	if (node_bool(n, out) == -1)
		return bad(e, n, key, "%s: must be yes or no", k);
	return 0;
}

/* A name or a list of names, as an array of strings into the tree. */
static int
names(const struct node *map, const char *k, const char *key,
    const char ***out, size_t *nout, struct perr *e)
{
	const struct node *n = node_map_get(map, k);
	size_t i, count;

	*out = NULL;
	*nout = 0;
	if (n == NULL || node_kind(n) == KIND_NULL)
		return 0;
	if (n->type == NODE_MAP)
		return bad(e, n, key, "%s: must be a name or a list", k);
	count = n->type == NODE_SEQ ? n->n : 1;
	if (count == 0)
		return 0;
	if ((*out = calloc(count, sizeof(**out))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < count; i++) {
		const struct node *s = n->type == NODE_SEQ ? n->kids[i] : n;
		const char *name = node_str(s);

		if (name == NULL || *name == '\0')
			return bad(e, s, key, "%s: entries must be names", k);
		(*out)[(*nout)++] = name;
	}
	return 0;
}

static int
parse_states(struct workflow *wf, const struct node *n, struct perr *e)
{
	size_t i;
	int err = 0;

	if (n == NULL || n->type != NODE_MAP || n->n == 0)
		return bad(e, n, wf->name, "%s", "states: must map each state "
		    "to {open: yes} or {}");
	if ((wf->states = calloc(n->n, sizeof(*wf->states))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < n->n; i++) {
		const struct node *sn = n->kids[i];
		struct wf_state *s = &wf->states[wf->nstates++];

		s->name = n->keys[i];
		if (*s->name == '\0')
			return bad(e, sn, wf->name, "%s", "a state needs a name");
		if (node_kind(sn) == KIND_NULL)
			continue;
		if (check_keys(sn, state_keys, s->name, e) == -1 ||
		    flag(sn, "open", s->name, &s->open, e) == -1 ||
		    flag(sn, "final", s->name, &s->final, e) == -1)
			return -1;
		s->label = text(sn, "label", s->name, e, &err);
		s->refused = text(sn, "refused", s->name, e, &err);
		if (err)
			return -1;
		if (s->open && s->final)
			return bad(e, sn, s->name, "%s", "a state cannot be "
			    "both open and final");
	}
	return 0;
}

static int
known_state(const struct workflow *wf, const struct node *at,
    const char *name, const char *key, struct perr *e)
{
	if (workflow_state(wf, name) != NULL)
		return 0;
	return bad(e, at, key, "\"%.40s\" is not a state of workflow %s",
	    name, wf->name);
}

/* from: [states] with to: (absent: the state stays), or {state: next}. */
static int
parse_moves(const struct workflow *wf, struct wf_action *a,
    const struct node *an, struct perr *e)
{
	const struct node *from = node_map_get(an, "from");
	size_t i, count;

	if (from == NULL)
		return 0;
	count = from->type == NODE_SCALAR ? 1 : from->n;
	if (count == 0)
		return bad(e, from, a->name, "%s", "from: names no state");
	if ((a->moves = calloc(count, sizeof(*a->moves))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < count; i++) {
		struct wf_move *m = &a->moves[a->nmoves++];
		const struct node *s = from->type == NODE_SCALAR ? from :
		    from->kids[i];

		if (from->type == NODE_MAP) {
			m->from = from->keys[i];
			m->to = node_str(s);
		} else {
			m->from = node_str(s);
			m->to = a->to != NULL ? a->to : m->from;
		}
		if (m->from == NULL || m->to == NULL)
			return bad(e, s, a->name, "%s", "from: must list "
			    "states, or map each to the next");
		if (known_state(wf, s, m->from, a->name, e) == -1 ||
		    known_state(wf, s, m->to, a->name, e) == -1)
			return -1;
	}
	return 0;
}

static int
parse_refused(const struct workflow *wf, struct wf_action *a,
    const struct node *an, struct perr *e)
{
	const struct node *r = node_map_get(an, "refused");
	size_t i;

	if (r == NULL)
		return 0;
	if (r->type == NODE_SCALAR) {
		if ((a->refused = node_str(r)) == NULL || *a->refused == '\0')
			return bad(e, r, a->name, "%s", "refused: must be a "
			    "hint, or map states to hints");
		return 0;
	}
	if (r->type != NODE_MAP)
		return bad(e, r, a->name, "%s", "refused: must be a hint, or "
		    "map states to hints");
	for (i = 0; i < r->n; i++)
		if (known_state(wf, r->kids[i], r->keys[i], a->name, e) == -1)
			return -1;
		else if (node_str(r->kids[i]) == NULL)
			return bad(e, r->kids[i], a->name, "refused: %s: must "
			    "be a hint", r->keys[i]);
	a->refused_in = r;
	return 0;
}

static int
parse_action(const struct workflow *wf, struct wf_action *a,
    const struct node *an, struct perr *e)
{
	size_t i;
	int err = 0;

	if (node_kind(an) == KIND_NULL)
		return bad(e, an, a->name, "%s", "an action needs from: or to:");
	if (check_keys(an, action_keys, a->name, e) == -1)
		return -1;
	a->label = text(an, "label", a->name, e, &err);
	a->to = text(an, "to", a->name, e, &err);
	a->unowned = text(an, "unowned", a->name, e, &err);
	a->before = text(an, "before", a->name, e, &err);
	a->effect = text(an, "effect", a->name, e, &err);
	if (err)
		return -1;
	if ((a->to != NULL && known_state(wf, node_map_get(an, "to"), a->to,
	    a->name, e) == -1) || (a->unowned != NULL && known_state(wf,
	    node_map_get(an, "unowned"), a->unowned, a->name, e) == -1))
		return -1;
	if (node_map_get(an, "from") == NULL && a->to == NULL)
		return bad(e, an, a->name, "%s", "an action needs from: (the "
		    "states it is taken in) or to: (the state it creates)");
	if (parse_moves(wf, a, an, e) == -1 || parse_refused(wf, a, an, e) ==
	    -1 || names(an, "role", a->name, &a->roles, &a->nroles, e) == -1 ||
	    names(an, "requires", a->name, &a->requires, &a->nrequires, e) ==
	    -1 || names(an, "accepts", a->name, &a->accepts, &a->naccepts,
	    e) == -1 || names(an, "signatures", a->name, &a->signatures,
	    &a->nsignatures, e) == -1 ||
	    flag(an, "login", a->name, &a->login, e) == -1 ||
	    flag(an, "exclusive", a->name, &a->exclusive, e) == -1)
		return -1;
	for (i = 0; a->effect != NULL && effects[i] != NULL; i++)
		if (strcmp(effects[i], a->effect) == 0)
			break;
	if (a->effect != NULL && effects[i] == NULL)
		return bad(e, node_map_get(an, "effect"), a->name, "effect: "
		    "\"%.40s\" is not one of plaint's (assign, note, contact, "
		    "escalate, extend, pause, resume, resolve, close, withdraw, "
		    "reopen)", a->effect);
	if (a->exclusive && a->nsignatures < 2)
		return bad(e, an, a->name, "%s", "exclusive: needs two or more "
		    "signatures");
	return 0;
}

static const char *const number_keys[] = {
	"field", "at", "pattern", "scope", "suffix", NULL
};

/* The periods of the scope must show in the number, or it repeats. */
static int
check_pattern(const struct wf_number *num, const struct node *at,
    struct perr *e)
{
	const char *p = num->pattern;
	int year = strstr(p, "{YYYY}") != NULL || strstr(p, "{YY}") != NULL;
	int month = year && strstr(p, "{MM}") != NULL;
	int day = month && strstr(p, "{DD}") != NULL;
	size_t i;

	if (strstr(p, "{N") == NULL)
		return bad(e, at, "number", "%s", "pattern: needs the serial, "
		    "{NNN}");
	for (i = 0; i < num->nscope; i++) {
		const char *s = num->scope[i];

		if ((strcmp(s, "year") == 0 && !year) ||
		    (strcmp(s, "month") == 0 && !month) ||
		    (strcmp(s, "day") == 0 && !day))
			return bad(e, at, "number", "pattern: counted per %s, "
			    "so it must show the %s ({YYYY}%s%s), or numbers "
			    "repeat", s, s, strcmp(s, "year") ? "{MM}" : "",
			    strcmp(s, "day") == 0 ? "{DD}" : "");
	}
	return 0;
}

static int
parse_number(struct workflow *wf, const struct node *n, struct perr *e)
{
	struct wf_number *num = &wf->number;
	size_t i;
	int err = 0;

	if (check_keys(n, number_keys, "number", e) == -1)
		return -1;
	num->field = text(n, "field", "number", e, &err);
	num->at = text(n, "at", "number", e, &err);
	num->pattern = text(n, "pattern", "number", e, &err);
	if (err)
		return -1;
	if (num->field == NULL)
		num->field = "number";
	if (num->at == NULL || num->pattern == NULL)
		return bad(e, n, "number", "%s", "needs at: (the action that "
		    "gives it) and pattern:");
	if (names(n, "scope", "number", &num->scope, &num->nscope, e) == -1 ||
	    check_pattern(num, n, e) == -1)
		return -1;
	num->suffix = node_map_get(n, "suffix");
	if (num->suffix != NULL && num->suffix->type != NODE_MAP)
		return bad(e, num->suffix, "number", "%s", "suffix: must map "
		    "a field to the text it adds");
	for (i = 0; num->suffix != NULL && i < num->suffix->n; i++)
		if (node_str(num->suffix->kids[i]) == NULL)
			return bad(e, num->suffix->kids[i], "number", "%s",
			    "suffix: must map a field to the text it adds");
	return 0;
}

static int
parse_one(struct workflow *wf, const char *name, const struct node *n,
    struct perr *e)
{
	const struct node *acts;
	size_t i;
	int err = 0;

	wf->name = name;
	if (check_keys(n, workflow_keys, name, e) == -1)
		return -1;
	wf->title = text(n, "title", name, e, &err);
	wf->owner = text(n, "owner", name, e, &err);
	if (err)
		return -1;
	if (wf->owner == NULL)
		wf->owner = "assignee";
	if (names(n, "exclusive", name, &wf->exclusive, &wf->nexclusive,
	    e) == -1)
		return -1;
	if (node_map_get(n, "number") != NULL && parse_number(wf,
	    node_map_get(n, "number"), e) == -1)
		return -1;
	if (flag(n, "children", name, &wf->children, e) == -1 ||
	    names(n, "distinct_from_parent", name, &wf->distinct,
	    &wf->ndistinct, e) == -1 ||
	    names(n, "times", name, &wf->times, &wf->ntimes, e) == -1)
		return -1;
	if (parse_states(wf, node_map_get(n, "states"), e) == -1)
		return -1;
	acts = node_map_get(n, "actions");
	if (wf->number.at != NULL && (acts == NULL || acts->type != NODE_MAP ||
	    node_map_get(acts, wf->number.at) == NULL))
		return bad(e, node_map_get(n, "number"), "number", "at: \"%.40s\" "
		    "is not an action of workflow %s", wf->number.at, name);
	if (acts == NULL || acts->type != NODE_MAP || acts->n == 0)
		return bad(e, acts != NULL ? acts : n, name, "%s", "actions: "
		    "must map each action to {from: …, to: …}");
	if ((wf->actions = calloc(acts->n, sizeof(*wf->actions))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < acts->n; i++) {
		struct wf_action *a = &wf->actions[wf->nactions++];

		a->name = acts->keys[i];
		if (parse_action(wf, a, acts->kids[i], e) == -1)
			return -1;
	}
	for (i = 0; i < wf->ntimes; i++)
		if (workflow_action(wf, wf->times[i]) == NULL)
			return bad(e, node_map_get(n, "times"), name, "times: "
			    "\"%.40s\" is not an action of workflow %s",
			    wf->times[i], name);
	return 0;
}

int
workflow_parse_all(const struct node *n, struct workflow **out,
    size_t *nout, struct perr *e)
{
	struct workflow *w;
	size_t i;

	*out = NULL;
	*nout = 0;
	if (n->type != NODE_MAP || n->n == 0)
		return bad(e, n, "workflows", "%s", "must map a name to each "
		    "workflow");
	if ((w = calloc(n->n, sizeof(*w))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < n->n; i++) {
		if (parse_one(&w[i], n->keys[i], n->kids[i], e) == -1) {
			workflow_free_all(w, i + 1);
			perr_field(e, "workflows");
			return -1;
		}
	}
	*out = w;
	*nout = n->n;
	return 0;
}

void
workflow_free_all(struct workflow *w, size_t n)
{
	size_t i, j;

	for (i = 0; w != NULL && i < n; i++) {
		for (j = 0; j < w[i].nactions; j++) {
			free(w[i].actions[j].moves);
			free(w[i].actions[j].roles);
			free(w[i].actions[j].requires);
			free(w[i].actions[j].accepts);
			free(w[i].actions[j].signatures);
		}
		free(w[i].actions);
		free(w[i].states);
		free(w[i].exclusive);
		free(w[i].number.scope);
		free(w[i].distinct);
		free(w[i].times);
	}
	free(w);
}

const struct wf_state *
workflow_state(const struct workflow *wf, const char *state)
{
	size_t i;

	for (i = 0; wf != NULL && state != NULL && i < wf->nstates; i++)
		if (strcmp(wf->states[i].name, state) == 0)
			return &wf->states[i];
	return NULL;
}

const struct wf_action *
workflow_action(const struct workflow *wf, const char *action)
{
	size_t i;

	for (i = 0; wf != NULL && action != NULL && i < wf->nactions; i++)
		if (strcmp(wf->actions[i].name, action) == 0)
			return &wf->actions[i];
	return NULL;
}

int
workflow_is_state(const struct workflow *wf, const char *state)
{
	return workflow_state(wf, state) != NULL;
}

int
workflow_is_open(const struct workflow *wf, const char *state)
{
	const struct wf_state *s = workflow_state(wf, state);

	return s != NULL && s->open;
}

int
workflow_is_final(const struct workflow *wf, const char *state)
{
	const struct wf_state *s = workflow_state(wf, state);

	return s != NULL && s->final;
}

static const char *
refusal(const struct wf_action *a, const struct wf_state *s)
{
	const char *h;

	if (s->final)
		return s->refused != NULL ? s->refused : "it is final: no "
		    "action changes it any more";
	if (a != NULL && (h = node_str(node_map_get(a->refused_in,
	    s->name))) != NULL)
		return h;
	if (a != NULL && a->refused != NULL)
		return a->refused;
	return s->refused != NULL ? s->refused : DEFAULT_HINT;
}

int
workflow_next(const struct workflow *wf, const char *state,
    const char *action, int owned, const char **next, const char **hint)
{
	const struct wf_state *s = workflow_state(wf, state);
	const struct wf_action *a = workflow_action(wf, action);
	size_t i;

	*next = NULL;
	*hint = DEFAULT_HINT;
	if (s == NULL)
		return -1;
	for (i = 0; a != NULL && !s->final && i < a->nmoves; i++) {
		if (strcmp(a->moves[i].from, state) != 0)
			continue;
		*next = a->moves[i].to;
		if (!owned && a->unowned != NULL)
			*next = a->unowned;
		return 0;
	}
	*hint = refusal(a, s);
	return -1;
}

const char *
workflow_initial(const struct workflow *wf, const char *action, int owned)
{
	const struct wf_action *a = workflow_action(wf, action);

	if (a == NULL || a->nmoves > 0 || a->to == NULL)
		return wf != NULL && wf->nstates > 0 ? wf->states[0].name :
		    NULL;
	return !owned && a->unowned != NULL ? a->unowned : a->to;
}

static int
join(struct strbuf *sb, const char *const *v, size_t n, const char *none)
{
	size_t i;

	strbuf_reset(sb);
	if (n == 0)
		return strbuf_addstr(sb, none);
	for (i = 0; i < n; i++)
		if (strbuf_addf(sb, "%s%s", i ? ", " : "", v[i]) == -1)
			return -1;
	return 0;
}

/*
 * FROM and TO for people: "new, assigned, escalated" and "assigned
 * (escalated stays)"; "(stays)" when no move changes the state.
 */
static int
moves_text(const struct wf_action *a, struct strbuf *from, struct strbuf *to)
{
	const char *target = NULL;
	size_t i, nstay = 0, nchange = 0;
	int mixed = 0;

	strbuf_reset(from);
	strbuf_reset(to);
	if (a->nmoves == 0)
		return strbuf_addstr(from, "(creates)") == -1 ||
		    strbuf_addstr(to, a->to) == -1 ? -1 : 0;
	for (i = 0; i < a->nmoves; i++) {
		const struct wf_move *m = &a->moves[i];

		if (strbuf_addf(from, "%s%s", i ? ", " : "", m->from) == -1)
			return -1;
		if (strcmp(m->to, m->from) == 0)
			continue;
		if (target != NULL && strcmp(target, m->to) != 0)
			mixed = 1;
		target = m->to;
	}
	if (target == NULL)
		return strbuf_addstr(to, "(stays)");
	for (i = 0; i < a->nmoves; i++) {
		const struct wf_move *m = &a->moves[i];

		if (strcmp(m->to, m->from) != 0) {
			if (mixed && strbuf_addf(to, "%s%s → %s", nchange++ ?
			    ", " : "", m->from, m->to) == -1)
				return -1;
		} else if (mixed || strcmp(m->from, target) != 0)
			nstay++;
	}
	if (!mixed && strbuf_addstr(to, target) == -1)
		return -1;
	if (nstay == 0)
		return 0;
	if (strbuf_addstr(to, " (") == -1)
		return -1;
	for (i = 0, nstay = 0; i < a->nmoves; i++) {
		const struct wf_move *m = &a->moves[i];

		if (strcmp(m->to, m->from) == 0 && (mixed ||
		    strcmp(m->from, target) != 0) && strbuf_addf(to, "%s%s",
		    nstay++ ? ", " : "", m->from) == -1)
			return -1;
	}
	return strbuf_addstr(to, nstay > 1 ? " stay)" : " stays)");
}

int
workflow_table(const struct workflow *wf, struct strbuf *out)
{
	static const char *const shead[] = { "STATE", "LABEL", "OPEN",
	    "FINAL" };
	static const char *const ahead[] = { "ACTION", "LABEL", "FROM", "TO",
	    "NEEDS", "ROLE" };
	struct strbuf from = STRBUF_INIT, to = STRBUF_INIT, role = STRBUF_INIT;
	struct strbuf needs = STRBUF_INIT;
	struct table t;
	size_t i;
	int rc = -1;

	if (strbuf_addf(out, "workflow %s%s%s%s, owner: %s\n\n", wf->name,
	    wf->title ? " (" : "", wf->title ? wf->title : "", wf->title ? ")" :
	    "", wf->owner) == -1)
		return -1;
	table_init(&t, 4);
	if (table_add(&t, shead) == -1)
		goto done;
	for (i = 0; i < wf->nstates; i++) {
		const struct wf_state *s = &wf->states[i];
		const char *row[4];

		row[0] = s->name;
		row[1] = s->label ? s->label : "";
		row[2] = s->open ? "yes" : "no";
		row[3] = s->final ? "yes" : "no";
		if (table_add(&t, row) == -1)
			goto done;
	}
	if (table_render(&t, out) == -1 || strbuf_addch(out, '\n') == -1)
		goto done;
	table_release(&t);
	table_init(&t, 6);
	if (table_add(&t, ahead) == -1)
		goto done;
	for (i = 0; i < wf->nactions; i++) {
		const struct wf_action *a = &wf->actions[i];
		const char *row[6];

		if (moves_text(a, &from, &to) == -1 ||
		    (a->unowned != NULL && strbuf_addf(&to, " (%s if "
		    "unowned)", a->unowned) == -1) ||
		    join(&role, a->roles, a->nroles, "anyone") == -1 ||
		    (a->login && strbuf_addstr(&role, ", login name") == -1) ||
		    join(&needs, a->requires, a->nrequires, "") == -1 ||
		    (a->nsignatures > 0 && strbuf_addf(&needs, "%ssigned by "
		    "%zu role%s%s", needs.len ? "; " : "", a->nsignatures,
		    a->nsignatures > 1 ? "s" : "", a->exclusive ?
		    ", different people" : "") == -1))
			goto done;
		row[0] = a->name;
		row[1] = a->label ? a->label : "";
		row[2] = strbuf_str(&from);
		row[3] = strbuf_str(&to);
		row[4] = needs.len > 0 ? strbuf_str(&needs) : "-";
		row[5] = strbuf_str(&role);
		if (table_add(&t, row) == -1)
			goto done;
	}
	rc = table_render(&t, out);
done:
	table_release(&t);
	strbuf_release(&from);
	strbuf_release(&to);
	strbuf_release(&role);
	strbuf_release(&needs);
	return rc;
}

const char **
workflow_open_actions(const struct workflow *wf, const char *state)
{
	const char **v, *next, *hint;
	size_t i, n = 0;

	if ((v = calloc(wf != NULL ? wf->nactions + 1 : 1, sizeof(*v))) ==
	    NULL)
		return NULL;
	for (i = 0; wf != NULL && i < wf->nactions; i++)
		if (workflow_next(wf, state, wf->actions[i].name, 1, &next,
		    &hint) == 0)
			v[n++] = wf->actions[i].name;
	return v;
}

static int
add_field(struct strbuf *out, const struct node *doc, const char *name,
    size_t len)
{
	char key[160];
	const char *v;

	if (len >= sizeof(key))
		return -1;
	memcpy(key, name, len);
	key[len] = '\0';
	if ((v = node_str(node_path_get(doc, key))) == NULL || *v == '\0')
		return -1;
	return strbuf_addstr(out, v);
}

int
workflow_number_scope(const struct wf_number *num, const struct node *doc,
    long long now, int off, struct strbuf *out)
{
	struct civil c;
	size_t i;

	ptime_to_civil((ptime_t)now, off, &c);
	strbuf_reset(out);
	if (strbuf_addstr(out, num->field) == -1)
		return -1;
	for (i = 0; i < num->nscope; i++) {
		const char *s = num->scope[i];
		int rc;

		if (strbuf_addf(out, ";%s=", s) == -1)
			return -1;
		if (strcmp(s, "year") == 0)
			rc = strbuf_addf(out, "%04d", c.year);
		else if (strcmp(s, "month") == 0)
			rc = strbuf_addf(out, "%04d-%02d", c.year, c.month);
		else if (strcmp(s, "day") == 0)
			rc = strbuf_addf(out, "%04d-%02d-%02d", c.year,
			    c.month, c.day);
		else
			rc = add_field(out, doc, s, strlen(s));
		if (rc == -1)
			return -1;
	}
	return 0;
}

int
workflow_number_format(const struct wf_number *num, const struct node *doc,
    long long now, int off, long n, struct strbuf *out)
{
	const char *p = num->pattern, *end;
	struct civil c;
	size_t i;
	int b;

	ptime_to_civil((ptime_t)now, off, &c);
	strbuf_reset(out);
	for (; *p != '\0'; p = end + 1) {
		size_t len;

		if (*p != '{' || (end = strchr(p, '}')) == NULL) {
			if (strbuf_addch(out, *p) == -1)
				return -1;
			end = p;
			continue;
		}
		len = (size_t)(end - p - 1);
		if (len == 4 && strncmp(p + 1, "YYYY", 4) == 0)
			b = strbuf_addf(out, "%04d", c.year);
		else if (len == 2 && strncmp(p + 1, "YY", 2) == 0)
			b = strbuf_addf(out, "%02d", c.year % 100);
		else if (len == 2 && strncmp(p + 1, "MM", 2) == 0)
			b = strbuf_addf(out, "%02d", c.month);
		else if (len == 2 && strncmp(p + 1, "DD", 2) == 0)
			b = strbuf_addf(out, "%02d", c.day);
		else if (len > 0 && strspn(p + 1, "N") == len)
			b = strbuf_addf(out, "%0*ld", (int)len, n);
		else
			b = add_field(out, doc, p + 1, len);
		if (b == -1)
			return -1;
	}
	for (i = 0; num->suffix != NULL && i < num->suffix->n; i++)
		if (node_bool(node_map_get(doc, num->suffix->keys[i]), &b) ==
		    0 && b && strbuf_addstr(out, node_str(num->suffix->kids[i])
		    ? node_str(num->suffix->kids[i]) : "") == -1)
			return -1;
	return 0;
}

int
workflow_open_text(const struct workflow *wf, const char *state, char *buf,
    size_t size)
{
	const char **v = workflow_open_actions(wf, state);
	size_t i, len = 0;

	if (v == NULL)
		return -1;
	if (size > 0)
		buf[0] = '\0';
	for (i = 0; v[i] != NULL && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
		    v[i]);

		if (w < 0)
			break;
		len += (size_t)w;
	}
	while (v[i] != NULL)
		i++;
	free(v);
	return (int)i;
}
