#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complaint.h"
#include "filter.h"
#include "workflow.h"

/* Fields plaint knows the type of; the rest are strings. */
static const struct {
	const char *name;
	enum filter_type type;
} known_types[] = {
	{ "id", FILTER_ID },
	{ "received", FILTER_TIME },
	{ "resolution.at", FILTER_TIME },
	{ "notice.at", FILTER_TIME },
	{ "level", FILTER_NUMBER },
	{ "round", FILTER_NUMBER },
	{ "resolution.valid", FILTER_BOOL },
	{ "complainant", FILTER_TREE },
	{ "resolution", FILTER_TREE },
	{ "notice", FILTER_TREE },
	{ "penalties", FILTER_TREE },
	{ "extensions", FILTER_TREE },
	{ "history", FILTER_TREE },
	{ "due", FILTER_DUE },
	{ "overdue", FILTER_OVERDUE },
};

void
filter_init(struct filter_set *fs, const struct policy *p,
    const struct rules *r, ptime_t now)
{
	memset(fs, 0, sizeof(*fs));
	fs->policy = p;
	fs->rules = r;
	fs->now = now;
}

/* The length of the field name before the operator, and the operator. */
static size_t
split_op(const char *s, enum filter_op *op, size_t *oplen)
{
	size_t n = strcspn(s, "=!<>");

	switch (s[n]) {
	case '=':
		*op = FILTER_EQ;
		*oplen = 1;
		break;
	case '!':
		if (s[n + 1] != '=')
			return 0;
		*op = FILTER_NE;
		*oplen = 2;
		break;
	case '<':
	case '>':
		if (s[n + 1] == '=') {
			*op = s[n] == '<' ? FILTER_LE : FILTER_GE;
			*oplen = 2;
		} else {
			*op = s[n] == '<' ? FILTER_LT : FILTER_GT;
			*oplen = 1;
		}
		break;
	default:
		return 0;
	}
	return n;
}

int
filter_looks_like(const char *s)
{
	enum filter_op op;
	size_t oplen;

	return split_op(s, &op, &oplen) > 0;
}

int
filter_field_type(const struct policy *p, const char *field,
    enum filter_type *type, struct perr *e)
{
	const struct policy_field *pf;
	size_t i;

	for (i = 0; i < sizeof(known_types) / sizeof(known_types[0]); i++)
		if (strcmp(known_types[i].name, field) == 0) {
			*type = known_types[i].type;
			return 0;
		}
	if (!complaint_field_known(p, field)) {
		perr_set(e, PLAINT_USAGE, "unknown field in filter");
		perr_field(e, field);
		return -1;
	}
	*type = FILTER_STRING;
	if (strncmp(field, "due.", 4) == 0)
		*type = FILTER_TIME;
	else if ((pf = policy_field(p, field)) != NULL) {
		if (pf->type == FIELD_INTEGER)
			*type = FILTER_NUMBER;
		else if (pf->type == FIELD_TIME || pf->type == FIELD_DATE)
			*type = FILTER_TIME;
	}
	return 0;
}

static int
parse_number(const char *s, double *out)
{
	char *end;

	if (*s == '\0' || strchr(" \t\n", *s) != NULL)
		return -1;
	errno = 0;
	*out = strtod(s, &end);
	return *end != '\0' || errno == ERANGE || !isfinite(*out) ? -1 : 0;
}

/*
 * A time value as the span [lo, hi) it denotes (ptime_parse_period);
 * compared by order, a time relative to now is its point.
 */
static int
parse_time_value(const struct filter_set *fs, const struct filter *f,
    ptime_t *lo, ptime_t *hi)
{
	struct ptime_period p;

	if (ptime_parse_period(f->value, fs->now, fs->policy->tz_off,
	    &p) == -1)
		return -1;
	*lo = p.lo;
	*hi = p.hi;
	if (p.rel && f->op != FILTER_EQ && f->op != FILTER_NE) {
		*lo = p.at;
		*hi = p.at + 1;
	}
	return 0;
}

static int
parse_yes(const char *s)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0)
		return 1;
	if (strcmp(s, "no") == 0 || strcmp(s, "false") == 0)
		return 0;
	return -1;
}

static int
bad_value(struct filter *f, struct perr *e, const char *what)
{
	perr_set(e, PLAINT_USAGE, "\"%.60s\" is not %s", f->value, what);
	perr_field(e, f->field);
	return -1;
}

/*
 * A closed field's value as its key (a label is taken for its value):
 * a typo would otherwise match nothing and look like an empty result.
 */
static int
closed_value(const struct filter_set *fs, struct filter *f, int ordering,
    struct perr *e)
{
	const struct strlist *l = policy_vocab(fs->policy, f->field);
	const char *key;
	double x;
	char *copy, allowed[700];

	if (l == NULL || f->absent || f->type == FILTER_OPEN)
		return 0;
	key = strlist_key(l, f->value);
	/* level<5 compares; level=1.0 is level 1. */
	if (key == NULL && (ordering || (f->type == FILTER_NUMBER &&
	    parse_number(f->value, &x) == 0 && x == floor(x) && x >= 0 &&
	    x < (double)l->n)))
		return 0;
	if (key == NULL) {
		strlist_join_labels(l, allowed, sizeof(allowed));
		perr_set(e, PLAINT_USAGE, "\"%.60s\" is not one of its values: "
		    "%s%s", f->value, allowed, strcmp(f->field, "status") == 0 ?
		    ", or open" : "");
		perr_field(e, f->field);
		return -1;
	}
	if (strcmp(key, f->value) == 0)
		return 0;
	if ((copy = strdup(key)) == NULL)
		return perr_nomem(e);
	free(f->value);
	f->value = copy;
	return 0;
}

static int
parse_value(const struct filter_set *fs, struct filter *f, struct perr *e)
{
	int ordering = f->op != FILTER_EQ && f->op != FILTER_NE;

	f->absent = *f->value == '\0';
	if (f->type == FILTER_STRING && strcmp(f->field, "status") == 0 &&
	    strcmp(f->value, "open") == 0 && !ordering)
		f->type = FILTER_OPEN;
	if ((f->type == FILTER_DUE || f->type == FILTER_OVERDUE) &&
	    fs->rules == NULL) {
		perr_set(e, PLAINT_SOFTWARE, "filter needs the rules");
		perr_field(e, f->field);
		return -1;
	}
	if (ordering && (f->type == FILTER_BOOL || f->type == FILTER_TREE ||
	    f->type == FILTER_OVERDUE)) {
		perr_set(e, PLAINT_USAGE, "takes = or != only");
		perr_field(e, f->field);
		return -1;
	}
	if (closed_value(fs, f, ordering, e) == -1)
		return -1;
	if (f->absent) {
		if (ordering || f->type == FILTER_OVERDUE)
			return bad_value(f, e, f->type == FILTER_OVERDUE ?
			    "yes or no" : "a value to compare with");
		return 0;
	}
	switch (f->type) {
	case FILTER_NUMBER:
		if (parse_number(f->value, &f->num) == -1)
			return bad_value(f, e, "a number");
		break;
	case FILTER_TIME:
	case FILTER_DUE:
		if (parse_time_value(fs, f, &f->lo, &f->hi) == -1)
			return bad_value(f, e, "a time or a period (use "
			    "2026-11-27, 2026-11-27T10:00, 2026-11, 2026, "
			    "today, last-month, 24h or -7d)");
		break;
	case FILTER_ID:
		if (complaint_id_parse(f->value, &f->id) == -1)
			return bad_value(f, e, "a complaint id");
		break;
	case FILTER_OVERDUE:
		if ((f->yes = parse_yes(f->value)) == -1)
			return bad_value(f, e, "yes or no");
		break;
	case FILTER_BOOL:
		f->yes = parse_yes(f->value);
		break;
	case FILTER_STRING:
	case FILTER_TREE:
	case FILTER_OPEN:
		f->yes = parse_yes(f->value);
		break;
	}
	return 0;
}

int
filter_parse(struct filter_set *fs, const char *s, struct perr *e)
{
	struct filter f, *v;
	size_t flen, oplen;

	memset(&f, 0, sizeof(f));
	if ((flen = split_op(s, &f.op, &oplen)) == 0)
		return perr_set(e, PLAINT_USAGE, "not a filter: \"%.60s\" "
		    "(use field=value, field!=value, field<value, "
		    "field>=value...)", s);
	if (fs->policy == NULL)
		return perr_set(e, PLAINT_SOFTWARE, "filter_parse without "
		    "filter_init");
	if ((f.field = strndup(s, flen)) == NULL ||
	    (f.value = strdup(s + flen + oplen)) == NULL) {
		free(f.field);
		return perr_nomem(e);
	}
	if (filter_field_type(fs->policy, f.field, &f.type, e) == -1 ||
	    parse_value(fs, &f, e) == -1)
		goto fail;
	if ((v = realloc(fs->v, (fs->n + 1) * sizeof(*v))) == NULL) {
		perr_nomem(e);
		goto fail;
	}
	fs->v = v;
	fs->v[fs->n++] = f;
	return 0;
fail:
	free(f.field);
	free(f.value);
	return -1;
}

static int
id_cmp(const struct complaint_id *a, const struct complaint_id *b)
{
	int c = strcmp(a->prefix, b->prefix);

	if (c != 0)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->serial != b->serial)
		return a->serial < b->serial ? -1 : 1;
	return 0;
}

/* An ordering of the complaint's value against the filter's, as op asks. */
static int
by_cmp(enum filter_op op, int c)
{
	switch (op) {
	case FILTER_EQ:
	case FILTER_NE:		/* filter_match negates */
		return c == 0;
	case FILTER_LT:
		return c < 0;
	case FILTER_LE:
		return c <= 0;
	case FILTER_GT:
		return c > 0;
	case FILTER_GE:
		return c >= 0;
	}
	return 0;
}

/* x against the span [lo, hi): = is inside, < before, > after. */
static int
time_in(const struct filter *f, ptime_t x)
{
	switch (f->op) {
	case FILTER_EQ:
	case FILTER_NE:
		return x >= f->lo && x < f->hi;
	case FILTER_LT:
		return x < f->lo;
	case FILTER_LE:
		return x < f->hi;
	case FILTER_GT:
		return x >= f->hi;
	case FILTER_GE:
		return x >= f->lo;
	}
	return 0;
}

/* A list field (members=张三): does any entry match? */
static int
list_has(const struct filter *f, const struct node *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const char *s = node_str(l->kids[i]);

		if (s != NULL && by_cmp(f->op, strcmp(s, f->value)))
			return 1;
	}
	return 0;
}

/* Does doc match f; for != whether it matches = (filter_match negates). */
static int
match_one(const struct filter_set *fs, const struct filter *f,
    const struct node *doc)
{
	const struct node *n;
	const char *s;
	ptime_t t;
	double x;
	struct complaint_id id;
	int o, b;

	switch (f->type) {
	case FILTER_OVERDUE:
		return rules_overdue(fs->rules, doc, fs->now, NULL) == f->yes;
	case FILTER_DUE:
		if (!rules_running_due(fs->rules, doc, &t, NULL))
			return f->absent;
		return !f->absent && time_in(f, t);
	default:
		break;
	}
	n = node_path_get(doc, f->field);
	s = node_str(n);
	if (f->type == FILTER_OPEN)
		return workflow_is_open(policy_record_workflow(fs->policy,
		    doc), s);
	if (f->absent)
		return n == NULL || (s != NULL && node_kind(n) == KIND_NULL) ||
		    (n->type == NODE_SEQ && n->n == 0);
	if (n != NULL && n->type == NODE_SEQ && f->type == FILTER_STRING)
		return list_has(f, n);
	if (s == NULL || node_kind(n) == KIND_NULL)
		return 0;
	switch (f->type) {
	case FILTER_TIME:
		return ptime_parse(s, fs->policy->tz_off, &t, &o) == 0 &&
		    time_in(f, t);
	case FILTER_NUMBER:
		if (parse_number(s, &x) == -1)
			return 0;
		return by_cmp(f->op, x < f->num ? -1 : x > f->num);
	case FILTER_ID:
		return complaint_id_parse(s, &id) == 0 &&
		    by_cmp(f->op, id_cmp(&id, &f->id));
	default:
		break;
	}
	/* Strings; a boolean compares as one when the value is a word. */
	if (f->yes != -1 && node_bool(n, &b) == 0 &&
	    (f->op == FILTER_EQ || f->op == FILTER_NE))
		return b == f->yes;
	return by_cmp(f->op, strcmp(s, f->value));
}

int
filter_match(const struct filter_set *fs, const struct node *doc)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		const struct filter *f = &fs->v[i];

		/* != is the complement of =, for every type. */
		if (match_one(fs, f, doc) == (f->op == FILTER_NE))
			return 0;
	}
	return 1;
}

void
filter_release(struct filter_set *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].field);
		free(fs->v[i].value);
	}
	free(fs->v);
	fs->v = NULL;
	fs->n = 0;
}

void
filter_key_get(const struct filter_set *fs, const char *field,
    enum filter_type type, const struct node *doc, struct filter_key *k)
{
	const char *s;
	int o;

	memset(k, 0, sizeof(*k));
	if (type == FILTER_DUE) {
		k->present = fs->rules != NULL &&
		    rules_running_due(fs->rules, doc, &k->t, NULL);
		return;
	}
	if (type == FILTER_OVERDUE) {
		k->num = fs->rules != NULL && rules_overdue(fs->rules, doc,
		    fs->now, NULL);
		k->present = 1;
		return;
	}
	s = node_str(node_path_get(doc, field));
	if (s == NULL || node_kind(node_path_get(doc, field)) == KIND_NULL)
		return;
	switch (type) {
	case FILTER_TIME:
		k->present = ptime_parse(s, fs->policy->tz_off, &k->t,
		    &o) == 0;
		break;
	case FILTER_NUMBER:
		k->present = parse_number(s, &k->num) == 0;
		break;
	case FILTER_ID:
		k->present = complaint_id_parse(s, &k->id) == 0;
		break;
	default:
		k->s = s;
		k->present = 1;
		break;
	}
}

int
filter_key_cmp(enum filter_type type, const struct filter_key *a,
    const struct filter_key *b)
{
	if (!a->present || !b->present)
		return a->present == b->present ? 0 : a->present ? -1 : 1;
	switch (type) {
	case FILTER_TIME:
	case FILTER_DUE:
		return a->t < b->t ? -1 : a->t > b->t;
	case FILTER_NUMBER:
	case FILTER_OVERDUE:
		return a->num < b->num ? -1 : a->num > b->num;
	case FILTER_ID:
		return id_cmp(&a->id, &b->id);
	default:
		return strcmp(a->s, b->s);
	}
}
