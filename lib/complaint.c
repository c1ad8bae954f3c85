#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complaint.h"
#include "store.h"
#include "utf8.h"
#include "workflow.h"

const char *const complaint_order[] = {
	"id", "kind", "status", "received", "channel", "received_by",
	"complainant", "category", "severity", "subject", "description",
	"department", "assignee", "level", "round", "due", "source_ref",
	"parent", "resolution", "notice", "satisfaction", "penalties", "extensions",
	"history", NULL
};

enum check { C_LINE, C_TEXT, C_TIME, C_KIND, C_CHANNEL, C_CATEGORY,
	C_SEVERITY, C_DEPARTMENT, C_ID };

struct field_spec {
	const char *name;
	enum check check;
};

/* The fields a user gives when a complaint is taken in. */
static const struct field_spec input_fields[] = {
	{ "kind", C_KIND }, { "channel", C_CHANNEL },
	{ "received", C_TIME }, { "received_by", C_LINE },
	{ "complainant.name", C_LINE }, { "complainant.phone", C_LINE },
	{ "complainant.address", C_LINE }, { "category", C_CATEGORY },
	{ "severity", C_SEVERITY }, { "subject", C_LINE },
	{ "description", C_TEXT }, { "department", C_DEPARTMENT },
	{ "assignee", C_LINE }, { "source_ref", C_LINE },
	{ "parent", C_ID },
};

/* Fields plaint keeps itself; readable by filters, not settable. */
static const char *const system_fields[] = {
	"id", "status", "level", "round", "resolution", "resolution.result",
	"resolution.valid", "resolution.cause", "resolution.responsible",
	"resolution.at", "notice", "notice.by", "notice.at", "satisfaction",
	"penalties", "extensions", "history", "due", "complainant", NULL
};

static const struct field_spec *
input_spec(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(input_fields) / sizeof(input_fields[0]); i++)
		if (strcmp(input_fields[i].name, name) == 0)
			return &input_fields[i];
	return NULL;
}

static int
is_clock_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
			return 0;
	return 1;
}

int
complaint_field_known(const struct policy *p, const char *name)
{
	size_t i;

	if (input_spec(name) != NULL || policy_field(p, name) != NULL)
		return 1;
	if (strncmp(name, "due.", 4) == 0 && is_clock_name(name + 4))
		return 1;
	for (i = 0; system_fields[i] != NULL; i++)
		if (strcmp(system_fields[i], name) == 0)
			return 1;
	/* A number a workflow gives is plaint's to set, and to filter on. */
	for (i = 0; i < p->nworkflows; i++)
		if (p->workflows[i].number.field != NULL &&
		    strcmp(p->workflows[i].number.field, name) == 0)
			return 1;
	return 0;
}

static struct node *refuse(struct perr *, int, const char *, const char *,
    ...) __attribute__((format(printf, 4, 5)));

static struct node *
refuse(struct perr *e, int code, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (e->code == 0) {
		e->code = code;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
		va_end(ap);
	}
	perr_field(e, field);
	return NULL;
}

static struct node *
check_listed(const struct strlist *l, const char *field, const char *v,
    struct perr *e)
{
	char allowed[600];
	const char *key;

	if (l->n == 0)
		return node_new_str(v);
	/* A label is taken for its value's name, which is what is kept. */
	if ((key = strlist_key(l, v)) != NULL)
		return node_new_str(key);
	strlist_join(l, allowed, sizeof(allowed));
	perr_set(e, PLAINT_DATAERR, "\"%.80s\" is not allowed; the policy "
	    "allows: %s", v, allowed);
	perr_field(e, field);
	return NULL;
}

static struct node *
check_time(const struct policy *p, const char *field, const char *v,
    struct perr *e)
{
	char buf[PTIME_BUFSZ];
	ptime_t t;
	int off;

	if (ptime_parse(v, p->tz_off, &t, &off) == -1)
		return refuse(e, PLAINT_DATAERR, field, "\"%.40s\" is not a "
		    "time (use 2026-11-27T10:00:00+08:00)", v);
	ptime_format(t, p->tz_off, buf);
	return node_new_str(buf);
}

static int
has_control(const char *s, int allow_newlines)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (allow_newlines && (c == '\n' || c == '\t'))
			continue;
		if (c < 0x20 || c == 0x7f)
			return 1;
	}
	return 0;
}

static int
is_person(const struct policy *p, const char *name)
{
	return node_map_get(p->people, name) != NULL;
}

static struct node *
check_person(const struct policy *p, const struct policy_field *f,
    const char *v, struct perr *e)
{
	if (!is_person(p, v))
		return refuse(e, PLAINT_DATAERR, f->name, "\"%.40s\" is not "
		    "one of the people in the policy (people: in plaint.yaml)",
		    v);
	return node_new_str(v);
}

/* One entry of a list field: a name, or a person. */
static struct node *
check_entry(const struct policy *p, const struct policy_field *f,
    const char *v, size_t len, struct perr *e)
{
	char buf[256];

	while (len > 0 && (*v == ' ' || *v == '\t'))
		v++, len--;
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	if (len == 0)
		return refuse(e, PLAINT_DATAERR, f->name, "%s", "has an empty "
		    "entry (entries are separated by commas)");
	if (len >= sizeof(buf))
		return refuse(e, PLAINT_DATAERR, f->name, "%s", "an entry is "
		    "longer than 255 bytes");
	memcpy(buf, v, len);
	buf[len] = '\0';
	/* A comma would split the entry when it is read back from CSV. */
	if (strchr(buf, ',') != NULL || strstr(buf, "\xef\xbc\x8c") != NULL)
		return refuse(e, PLAINT_DATAERR, f->name, "%s", "an entry "
		    "cannot hold a comma");
	if (has_control(buf, 0))
		return refuse(e, PLAINT_DATAERR, f->name, "%s",
		    "control characters are not allowed");
	return f->of_person ? check_person(p, f, buf, e) : node_new_str(buf);
}

/* "a,b" (or ，, as a Chinese keyboard types it) as a list. */
static struct node *
check_list(const struct policy *p, const struct policy_field *f,
    const char *v, struct perr *e)
{
	struct node *l = node_new_seq(), *n;
	const char *s = v, *comma;

	if (l == NULL)
		return NULL;
	for (;;) {
		size_t len, skip = 1;

		comma = strchr(s, ',');
		len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		if (strstr(s, "\xef\xbc\x8c") != NULL && (comma == NULL ||
		    strstr(s, "\xef\xbc\x8c") < comma)) {
			comma = strstr(s, "\xef\xbc\x8c");
			len = (size_t)(comma - s);
			skip = 3;
		}
		if ((n = check_entry(p, f, s, len, e)) == NULL ||
		    node_seq_push(l, n) == -1) {
			node_free(l);
			return NULL;
		}
		if (comma == NULL)
			return l;
		s = comma + skip;
	}
}

struct node *
complaint_names(const char *field, const char *s, struct perr *e)
{
	struct policy_field f;
	struct node *l, *one;
	size_t i, j;

	memset(&f, 0, sizeof(f));
	f.name = field;
	f.type = FIELD_LIST;
	if ((one = complaint_text(field, s, 0, e)) == NULL)
		return NULL;
	node_free(one);
	if ((l = check_list(NULL, &f, s, e)) == NULL)
		return NULL;
	for (i = 0; i < l->n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(l->kids[i]->str, l->kids[j]->str) == 0) {
				refuse(e, PLAINT_DATAERR, field, "names "
				    "\"%.40s\" twice", l->kids[j]->str);
				node_free(l);
				return NULL;
			}
	if (l->n > 1)
		return l;
	one = node_dup(l->kids[0]);
	node_free(l);
	return one;
}

static struct node *
check_extra(const struct policy *p, const struct policy_field *f,
    const char *v, struct perr *e)
{
	char *end;
	long long n;
	ptime_t t;
	int off;

	switch (f->type) {
	case FIELD_PERSON:
		return check_person(p, f, v, e);
	case FIELD_BOOL:
		if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0)
			return node_new_bool(1);
		if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0)
			return node_new_bool(0);
		return refuse(e, PLAINT_DATAERR, f->name, "%s", "must be yes "
		    "or no");
	case FIELD_LIST:
		return check_list(p, f, v, e);
	case FIELD_INTEGER:
		errno = 0;
		n = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno == ERANGE)
			return refuse(e, PLAINT_DATAERR, f->name,
			    "\"%.40s\" is not an integer", v);
		return node_new_int(n);
	case FIELD_DATE:
		if (strlen(v) != 10 || ptime_parse(v, 0, &t, &off) == -1)
			return refuse(e, PLAINT_DATAERR, f->name,
			    "\"%.40s\" is not a date (use 2026-11-27)", v);
		return node_new_str(v);
	case FIELD_ENUM:
		return check_listed(&f->values, f->name, v, e);
	case FIELD_TIME:
	case FIELD_STRING:
		break;
	}
	if (has_control(v, 0))
		return refuse(e, PLAINT_DATAERR, f->name, "%s",
		    "control characters are not allowed");
	return node_new_str(v);
}

/*
 * A value without the format the policy gives its field.  The value is
 * not repeated: a phone number is personal data.
 */
static struct node *
refuse_format(const struct policy *p, const char *name, struct perr *e)
{
	const struct policy_format *f = policy_format(p, name);

	if (f->kind == FORMAT_PHONE)
		return refuse(e, PLAINT_DATAERR, name, "%s", "is not a phone "
		    "number (a mobile 13800138000, a landline 010-12345678 "
		    "or 0755-1234567 with -123 for an extension, 95598, "
		    "400-123-4567; +86 allowed)");
	if (f->example != NULL)
		return refuse(e, PLAINT_DATAERR, name, "does not have the "
		    "policy's format (like %.80s)", f->example);
	return refuse(e, PLAINT_DATAERR, name, "does not match the policy's "
	    "format (%.120s)", f->pattern);
}

static int
format_at(const struct node *doc, const struct policy *p, const char *name,
    struct perr *e)
{
	const struct node *n = node_path_get(doc, name);

	if (node_str(n) == NULL || *n->str == '\0' ||
	    policy_format_ok(policy_format(p, name), n->str))
		return 0;
	refuse_format(p, name, e);
	perr_at(e, NULL, n->line, n->col);
	return -1;
}

int
complaint_formats(const struct node *doc, const struct policy *p,
    struct perr *e)
{
	size_t i;

	if (format_at(doc, p, "complainant.phone", e) == -1)
		return -1;
	for (i = 0; i < p->nformats; i++)
		if (format_at(doc, p, p->formats[i].field, e) == -1)
			return -1;
	return 0;
}

size_t
complaint_input_names(const struct policy *p, const char **out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < sizeof(input_fields) / sizeof(input_fields[0]) &&
	    n < max; i++)
		out[n++] = input_fields[i].name;
	for (i = 0; i < p->nfields && n < max; i++)
		out[n++] = p->fields[i].name;
	return n;
}

struct node *
complaint_input(const struct policy *p, const char *name, const char *v,
    struct perr *e)
{
	const struct field_spec *spec = input_spec(name);
	const struct policy_field *extra = policy_field(p, name);
	struct complaint_id id;
	struct node *n;

	if (!utf8_valid(v, strlen(v)))
		return refuse(e, PLAINT_DATAERR, name, "%s",
		    "value is not valid UTF-8");
	if (spec == NULL && extra == NULL) {
		if (strncmp(name, "due.", 4) == 0 && is_clock_name(name + 4))
			return check_time(p, name, v, e);
		if (strcmp(name, "complainant") == 0 || strcmp(name, "due") ==
		    0)
			return refuse(e, PLAINT_USAGE, name, "give its parts: "
			    "%s", *name == 'c' ? "complainant.name, "
			    "complainant.phone, complainant.address" :
			    "due.resolution and the like");
		if (complaint_field_known(p, name))
			return refuse(e, PLAINT_USAGE, name, "%s",
			    "is kept by plaint and cannot be set here");
		return refuse(e, PLAINT_USAGE, name, "%s", "unknown field");
	}
	if (extra != NULL && extra->type == FIELD_TIME)
		return check_time(p, name, v, e);
	if (extra != NULL && extra->type == FIELD_STRING && *v != '\0' &&
	    !policy_format_ok(policy_format(p, name), v))
		return refuse_format(p, name, e);
	if (extra != NULL) {
		n = check_extra(p, extra, v, e);
		return n == NULL && e->code == 0 ? (perr_nomem(e), NULL) : n;
	}
	if (*v == '\0')
		return refuse(e, PLAINT_DATAERR, name, "%s", "is empty");
	if (!policy_format_ok(policy_format(p, name), v))
		return refuse_format(p, name, e);
	switch (spec->check) {
	case C_KIND:
		return check_listed(&p->kinds, name, v, e);
	case C_CHANNEL:
		return check_listed(&p->channels, name, v, e);
	case C_CATEGORY:
		return check_listed(&p->categories, name, v, e);
	case C_SEVERITY:
		return check_listed(&p->severities, name, v, e);
	case C_DEPARTMENT:
		return check_listed(&p->departments, name, v, e);
	case C_TIME:
		return check_time(p, name, v, e);
	case C_ID:
		if (complaint_id_parse(v, &id) == -1)
			return refuse(e, PLAINT_DATAERR, name, "\"%.40s\" is "
			    "not a record id (ids look like 2611-0001)", v);
		break;
	case C_LINE:
	case C_TEXT:
		if (has_control(v, spec->check == C_TEXT))
			return refuse(e, PLAINT_DATAERR, name, "%s",
			    "control characters are not allowed");
		break;
	}
	if ((n = node_new_str(v)) == NULL)
		perr_nomem(e);
	return n;
}

int
complaint_set(struct node *doc, const char *path, struct node *val,
    struct perr *e)
{
	if (val == NULL)
		return e->code ? -1 : perr_nomem(e);
	if (node_path_set(doc, path, val, complaint_order) == -1)
		return errno == ENOMEM ? perr_nomem(e) : perr_set(e,
		    PLAINT_DATAERR, "cannot set \"%s\": a field on its way is "
		    "not a mapping", path);
	return 0;
}

/* A list field given as a list (JSON, YAML), entry by entry. */
static int
take_list(struct node *doc, const struct policy *p,
    const struct policy_field *f, const struct node *v, struct perr *e)
{
	struct node *l = node_new_seq(), *n;
	size_t i;

	if (l == NULL)
		return perr_nomem(e);
	for (i = 0; i < v->n; i++) {
		const char *s = node_str(v->kids[i]);

		if (s == NULL || node_kind(v->kids[i]) == KIND_NULL) {
			node_free(l);
			perr_set(e, PLAINT_DATAERR, "%s", "entries must be "
			    "single values");
			perr_field(e, f->name);
			perr_at(e, NULL, v->kids[i]->line, v->kids[i]->col);
			return -1;
		}
		if ((n = check_entry(p, f, s, strlen(s), e)) == NULL ||
		    node_seq_push(l, n) == -1) {
			node_free(l);
			if (e->code == 0)
				perr_nomem(e);
			perr_at(e, NULL, v->kids[i]->line, v->kids[i]->col);
			return -1;
		}
	}
	return complaint_set(doc, f->name, l, e);
}

static int
take_field(struct node *doc, const struct policy *p, const char *name,
    const struct node *v, struct perr *e)
{
	const struct policy_field *f = policy_field(p, name);

	if (v->type == NODE_SEQ && f != NULL && f->type == FIELD_LIST)
		return take_list(doc, p, f, v, e);
	if (v->type != NODE_SCALAR || node_kind(v) == KIND_NULL) {
		perr_set(e, PLAINT_DATAERR, "%s", v->type == NODE_SCALAR ?
		    "has no value" : "must be a single value");
		perr_field(e, name);
		perr_at(e, NULL, v->line, v->col);
		return -1;
	}
	if (complaint_set(doc, name, complaint_input(p, name, v->str, e),
	    e) == -1) {
		perr_at(e, NULL, v->line, v->col);
		return -1;
	}
	return 0;
}

/* Copy the user's fields, nested ones (complainant: {…}) by dotted name. */
static int
take_fields(struct node *doc, const struct policy *p,
    const struct node *fields, struct perr *e)
{
	char name[160];
	size_t i, j;

	for (i = 0; i < fields->n; i++) {
		const struct node *v = fields->kids[i];
		const char *key = fields->keys[i];

		if (v->type != NODE_MAP || policy_field(p, key) != NULL) {
			if (take_field(doc, p, key, v, e) == -1)
				return -1;
			continue;
		}
		for (j = 0; j < v->n; j++) {
			snprintf(name, sizeof(name), "%.70s.%.70s", key,
			    v->keys[j]);
			if (take_field(doc, p, name, v->kids[j], e) == -1)
				return -1;
		}
	}
	return 0;
}

static int
take_defaults(struct node *doc, const struct policy *p, struct perr *e)
{
	size_t i;

	if (p->defaults == NULL)
		return 0;
	for (i = 0; i < p->defaults->n; i++) {
		if (node_path_get(doc, p->defaults->keys[i]) != NULL)
			continue;
		if (take_field(doc, p, p->defaults->keys[i],
		    p->defaults->kids[i], e) == -1) {
			/* A default the policy cannot take is its own error. */
			if (e->code == PLAINT_OSERR)
				return -1;
			perr_at(e, "plaint.yaml", 0, 0);
			e->code = PLAINT_CONFIG;
			return -1;
		}
	}
	return 0;
}

/*
 * The policy's routes at intake, in order (a later one wins), on the
 * fields as given and defaulted: what they set, unless the person
 * logging gave that field, and the level the complaint starts at.  The
 * ids of the routes taken go into the log event (routes: […]).
 */
static int
route(struct node *doc, const struct policy *p, const struct node *given,
    long long *level, struct node *ev, struct perr *e)
{
	const char *dept = NULL, *who = NULL, *sev = NULL;
	struct node *taken = NULL;
	size_t i;

	for (i = 0; i < p->nroutes; i++) {
		const struct policy_route *r = &p->routes[i];

		if (!node_match(r->when, doc))
			continue;
		if (taken == NULL && (taken = node_new_seq()) == NULL)
			return perr_nomem(e);
		if (node_seq_push(taken, node_new_str(r->id)) == -1) {
			node_free(taken);
			return perr_nomem(e);
		}
		if (r->level >= 0)
			*level = r->level;
		dept = r->department != NULL ? r->department : dept;
		who = r->assignee != NULL ? r->assignee : who;
		sev = r->severity != NULL ? r->severity : sev;
	}
	if (taken == NULL)
		return 0;
	if (node_map_set(ev, "routes", taken) == -1)
		return perr_nomem(e);
	if ((dept != NULL && node_path_get(given, "department") == NULL &&
	    complaint_set(doc, "department", node_new_str(dept), e) == -1) ||
	    (who != NULL && node_path_get(given, "assignee") == NULL &&
	    complaint_set(doc, "assignee", node_new_str(who), e) == -1) ||
	    (sev != NULL && node_path_get(given, "severity") == NULL &&
	    complaint_set(doc, "severity", node_new_str(sev), e) == -1))
		return -1;
	return 0;
}

/* The state the workflow's log action starts the record in. */
static int
set_initial(struct node *doc, const struct policy *p, struct perr *e)
{
	const struct workflow *wf = policy_record_workflow(p, doc);
	const char *s = workflow_initial(wf, "log", node_map_get(doc,
	    wf != NULL ? wf->owner : "assignee") != NULL);

	if (s == NULL) {
		perr_set(e, PLAINT_CONFIG, "the policy gives this kind no "
		    "workflow");
		return -1;
	}
	return complaint_set(doc, "status", node_new_str(s), e);
}

static int
check_required(const struct node *doc, const struct policy *p,
    struct perr *e)
{
	size_t i;

	for (i = 0; i < p->required.n; i++)
		if (node_path_get(doc, p->required.v[i]) == NULL) {
			perr_set(e, PLAINT_DATAERR, "is required by the policy");
			perr_field(e, p->required.v[i]);
			return -1;
		}
	return 0;
}

int
complaint_new(struct node **out, const struct policy *p,
    const struct node *fields, const struct stamp *st, struct perr *e)
{
	struct node *doc = node_new_map(), *ev = NULL;
	char now[PTIME_BUFSZ];
	const char *dept;
	long long level = 0;
	int rc;

	*out = NULL;
	if (doc == NULL)
		return perr_nomem(e);
	if (take_fields(doc, p, fields, e) == -1 ||
	    take_defaults(doc, p, e) == -1)
		goto fail;
	ptime_format(st->now, st->off, now);
	if (node_map_get(doc, "received") == NULL &&
	    complaint_set(doc, "received", node_new_str(now), e) == -1)
		goto fail;
	if (node_map_get(doc, "received_by") == NULL &&
	    complaint_set(doc, "received_by", complaint_input(p,
	    "received_by", st->actor, e), e) == -1)
		goto fail;
	if ((ev = node_new_map()) == NULL) {
		perr_nomem(e);
		goto fail;
	}
	if (route(doc, p, fields, &level, ev, e) == -1)
		goto fail;
	dept = policy_category_department(p,
	    node_str(node_map_get(doc, "category")));
	/* A category routes; else the level of the chain it starts at may. */
	if (p->levels[level].department != NULL &&
	    (dept == NULL || level > 0))
		dept = p->levels[level].department;
	if (node_map_get(doc, "department") == NULL && dept != NULL &&
	    complaint_set(doc, "department", node_new_str(dept), e) == -1)
		goto fail;
	if (node_map_get(doc, "assignee") == NULL &&
	    p->levels[level].assignee != NULL && complaint_set(doc,
	    "assignee", node_new_str(p->levels[level].assignee), e) == -1)
		goto fail;
	if (set_initial(doc, p, e) == -1 ||
	    complaint_set(doc, "level", node_new_int(level), e) == -1 ||
	    complaint_set(doc, "round", node_new_int(1), e) == -1 ||
	    check_required(doc, p, e) == -1)
		goto fail;
	rc = complaint_event(doc, st, "log", ev, e);
	ev = NULL;
	if (rc == -1)
		goto fail;
	*out = doc;
	return 0;
fail:
	node_free(ev);
	node_free(doc);
	return -1;
}

int
complaint_month(const struct node *doc, int off, int *year, int *month,
    struct perr *e)
{
	const struct node *r = node_map_get(doc, "received");
	struct civil c;
	ptime_t t;
	int o;

	if (node_str(r) == NULL || ptime_parse(r->str, off, &t, &o) == -1) {
		perr_set(e, PLAINT_DATAERR, "missing or not a time");
		perr_field(e, "received");
		if (r != NULL)
			perr_at(e, NULL, r->line, r->col);
		return -1;
	}
	ptime_to_civil(t, off, &c);
	if (c.year < 2000 || c.year > 2099) {
		/* Ids carry two digits of the year. */
		perr_set(e, PLAINT_DATAERR, "year %d is outside 2000-2099",
		    c.year);
		perr_field(e, "received");
		perr_at(e, NULL, r->line, r->col);
		return -1;
	}
	*year = c.year;
	*month = c.month;
	return 0;
}

int
complaint_event(struct node *doc, const struct stamp *st, const char *action,
    struct node *extra, struct perr *e)
{
	struct node *hist = node_map_get(doc, "history"), *ev = NULL;
	char at[PTIME_BUFSZ];
	long long n = 0;
	size_t i;

	if (hist == NULL) {
		if (complaint_set(doc, "history", node_new_seq(), e) == -1)
			goto fail;
		hist = node_map_get(doc, "history");
	}
	if (hist->type != NODE_SEQ) {
		perr_set(e, PLAINT_DATAERR, "is not a list");
		perr_field(e, "history");
		perr_at(e, NULL, hist->line, hist->col);
		goto fail;
	}
	/* n orders events; clocks may step back (R8). */
	if (hist->n > 0 && node_int(node_map_get(hist->kids[hist->n - 1],
	    "n"), &n) == -1)
		n = (long long)hist->n;
	ptime_format(st->now, st->off, at);
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "n", node_new_int(n + 1)) == -1 ||
	    node_map_set(ev, "at", node_new_str(at)) == -1 ||
	    node_map_set(ev, "by", node_new_str(st->actor)) == -1 ||
	    node_map_set(ev, "action", node_new_str(action)) == -1)
		goto nomem;
	for (i = 0; extra != NULL && i < extra->n; i++) {
		if (node_map_set(ev, extra->keys[i], extra->kids[i]) == -1) {
			extra->kids[i] = NULL;
			goto nomem;
		}
		extra->kids[i] = NULL;
	}
	node_free(extra);
	extra = NULL;
	if (node_seq_push(hist, ev) == -1) {
		ev = NULL;
		goto nomem;
	}
	return 0;
nomem:
	perr_nomem(e);
fail:
	node_free(ev);
	node_free(extra);
	return -1;
}

const char *
complaint_status(const struct node *doc)
{
	return node_str(node_map_get(doc, "status"));
}

long long
complaint_level(const struct node *doc)
{
	long long level = 0;

	node_int(node_map_get(doc, "level"), &level);
	return level;
}

static int
invalid(struct perr *e, const char *path, const struct node *n,
    const char *field, const char *msg)
{
	perr_set(e, PLAINT_DATAERR, "%s", msg);
	perr_field(e, field);
	perr_at(e, path, n != NULL ? n->line : 0, n != NULL ? n->col : 0);
	return -1;
}

static int
validate_listed(const struct node *doc, const char *field,
    const struct strlist *l, const char *path, struct perr *e)
{
	const struct node *n = node_map_get(doc, field);

	if (n == NULL || l->n == 0)
		return 0;
	if (node_str(n) == NULL || !strlist_has(l, n->str))
		return invalid(e, path, n, field,
		    "value not listed in the policy");
	return 0;
}

static int
validate_history(const struct node *doc, const char *path, struct perr *e)
{
	const struct node *h = node_map_get(doc, "history");
	long long n, last = 0;
	size_t i;

	if (h == NULL)
		return 0;
	if (h->type != NODE_SEQ)
		return invalid(e, path, h, "history", "must be a list");
	for (i = 0; i < h->n; i++) {
		const struct node *ev = h->kids[i];

		if (ev->type != NODE_MAP ||
		    node_int(node_map_get(ev, "n"), &n) == -1 ||
		    node_str(node_map_get(ev, "action")) == NULL)
			return invalid(e, path, ev, "history",
			    "events need n (rising), at, by and action");
		/* n counts the events: a gap is one lost, or a hand edit. */
		if (n != last + 1)
			return invalid(e, path, node_map_get(ev, "n"),
			    "history", n <= last ? "n must rise: events are "
			    "numbered 1, 2, 3…" : "n skips a number: events "
			    "are numbered 1, 2, 3…");
		last = n;
	}
	return 0;
}

/* A resolved or closed complaint has its result, or was withdrawn. */
static int
validate_result(const struct node *doc, const struct workflow *wf,
    const char *path, struct perr *e)
{
	const struct node *st = node_map_get(doc, "status");
	const struct node *h = node_map_get(doc, "history");
	const char *s = node_str(st);
	size_t i;

	/* A work ticket is closed without a resolution: it has no resolve. */
	for (i = 0; wf != NULL && i < wf->nactions; i++)
		if (wf->actions[i].effect != NULL &&
		    strcmp(wf->actions[i].effect, "resolve") == 0)
			break;
	if (wf != NULL && i == wf->nactions)
		return 0;
	if (s == NULL || (strcmp(s, "resolved") != 0 && strcmp(s,
	    "closed") != 0) || node_map_get(doc, "resolution") != NULL)
		return 0;
	for (i = 0; h != NULL && h->type == NODE_SEQ && i < h->n; i++) {
		const char *a = node_str(node_map_get(h->kids[i], "action"));

		if (a != NULL && strcmp(a, "withdraw") == 0)
			return 0;
	}
	return invalid(e, path, st, "status", "resolved or closed, but the "
	    "complaint has no resolution (and was not withdrawn)");
}

int
complaint_validate(const struct node *doc, const struct policy *p,
    const char *idstr, const char *path, struct perr *e)
{
	const struct node *id = node_map_get(doc, "id");
	const struct node *st = node_map_get(doc, "status");
	const struct node *lv = node_map_get(doc, "level");
	long long level = 0;
	int y, m;

	if (node_str(id) == NULL || strcmp(id->str, idstr) != 0)
		return invalid(e, path, id != NULL ? id : doc, "id",
		    "does not match the file name");
	if (!workflow_is_state(policy_record_workflow(p, doc), node_str(st)))
		return invalid(e, path, st != NULL ? st : doc, "status",
		    "missing or not a known status");
	if (complaint_month(doc, p->tz_off, &y, &m, e) == -1) {
		perr_at(e, path, 0, 0);
		return -1;
	}
	if (lv != NULL && (node_int(lv, &level) == -1 || level < 0 ||
	    (size_t)level >= p->nlevels))
		return invalid(e, path, lv, "level",
		    "not a level of the escalation chain");
	if (validate_listed(doc, "kind", &p->kinds, path, e) == -1 ||
	    validate_listed(doc, "channel", &p->channels, path, e) == -1 ||
	    validate_listed(doc, "category", &p->categories, path, e) == -1 ||
	    validate_listed(doc, "severity", &p->severities, path, e) == -1 ||
	    validate_history(doc, path, e) == -1 ||
	    validate_result(doc, policy_record_workflow(p, doc), path, e) == -1)
		return -1;
	return 0;
}

struct node *
complaint_text(const char *field, const char *s, int multiline,
    struct perr *e)
{
	struct node *n;

	if (s == NULL || *s == '\0')
		return refuse(e, PLAINT_USAGE, field, "%s", "is empty");
	if (strlen(s) > 64 * 1024)
		return refuse(e, PLAINT_DATAERR, field, "%s",
		    "longer than 64 KiB");
	if (!utf8_valid(s, strlen(s)))
		return refuse(e, PLAINT_DATAERR, field, "%s",
		    "not valid UTF-8");
	if (has_control(s, multiline))
		return refuse(e, PLAINT_DATAERR, field, "%s",
		    "control characters are not allowed");
	if ((n = node_new_str(s)) == NULL)
		perr_nomem(e);
	return n;
}

struct node *
complaint_listed(const struct strlist *l, const char *const *dflt,
    const char *field, const char *s, struct perr *e)
{
	struct strlist fallback = { (const char **)dflt, 0, NULL, NULL };

	if (l->n > 0)
		return check_listed(l, field, s, e);
	while (dflt[fallback.n] != NULL)
		fallback.n++;
	return check_listed(&fallback, field, s, e);
}

long long
complaint_next_level(const struct node *doc, const struct policy *p,
    struct perr *e)
{
	long long level = complaint_level(doc);

	if (level + 1 >= (long long)p->nlevels) {
		perr_set(e, PLAINT_REFUSED, "already at the top of the "
		    "escalation chain (level %lld, %s); handle it at this "
		    "level, or lengthen the chain in plaint.yaml", level,
		    level >= 0 && (size_t)level < p->nlevels ?
		    p->levels[level].name : "?");
		return -1;
	}
	return level + 1;
}

/* The history replayed: each state is a bit of the set it may be in. */
typedef uint64_t state_set;

static state_set
state_bit(const struct workflow *wf, const char *state)
{
	const struct wf_state *s = workflow_state(wf, state);

	return s != NULL ? (state_set)1 << (s - wf->states) : 0;
}

/*
 * Where action leads from any state of from.  Whether the record had an
 * owner at the time, which an action's `unowned` depends on, is not in
 * the history: owned_lo..owned_hi are what it may have been (both, for
 * a record that has an owner now, until an assign gave it one).  A
 * reopen past the rounds goes one level up, where escalate leads
 * (reopen.c).
 */
static state_set
replay_action(const struct workflow *wf, state_set from,
    const struct wf_action *a, int owned_lo, int owned_hi)
{
	const char *next, *up, *hint;
	state_set to = 0;
	size_t i;
	int owned;

	for (i = 0; i < wf->nstates; i++) {
		if (!(from & (state_set)1 << i))
			continue;
		for (owned = owned_lo; owned <= owned_hi; owned++) {
			if (workflow_next(wf, wf->states[i].name, a->name,
			    owned, &next, &hint) == -1)
				continue;
			to |= state_bit(wf, next);
			if (a->effect != NULL && strcmp(a->effect, "reopen") ==
			    0 && workflow_next(wf, next, "escalate", 1, &up,
			    &hint) == 0)
				to |= state_bit(wf, up);
		}
	}
	return to;
}

/* The states a creating action (log) starts a record in. */
static state_set
replay_create(const struct workflow *wf, const struct wf_action *a,
    int owned_lo, int owned_hi)
{
	state_set to = 0;
	int owned;

	for (owned = owned_lo; owned <= owned_hi; owned++)
		to |= state_bit(wf, workflow_initial(wf, a->name, owned));
	return to;
}

int
complaint_replay(const struct node *doc, const struct policy *p,
    struct complaint_replay *out)
{
	const struct workflow *wf = policy_record_workflow(p, doc);
	const struct node *hist = node_map_get(doc, "history");
	state_set any, may;
	int owned_lo = 0, owned_hi;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (wf == NULL || wf->nstates == 0 || wf->nstates > 64 ||
	    hist == NULL || hist->type != NODE_SEQ)
		return 0;	/* nothing to replay it through */
	any = wf->nstates == 64 ? ~(state_set)0 :
	    ((state_set)1 << wf->nstates) - 1;
	may = any;
	owned_hi = node_map_get(doc, wf->owner != NULL ? wf->owner :
	    "assignee") != NULL;
	for (i = 0; i < hist->n; i++) {
		const char *name = node_str(node_map_get(hist->kids[i],
		    "action"));
		const struct wf_action *a = workflow_action(wf, name);

		if (name != NULL && strcmp(name, "import") == 0) {
			/* Brought from elsewhere, in whatever state. */
			may = any;
			continue;
		}
		if (a == NULL)
			continue;	/* penalty: no move */
		if (a->nmoves == 0 && a->to != NULL)
			may = replay_create(wf, a, owned_lo, owned_hi);
		else if (a->nmoves > 0)
			may = replay_action(wf, may, a, owned_lo, owned_hi);
		if (a->effect != NULL && strcmp(a->effect, "assign") == 0)
			owned_lo = owned_hi;
		if (may == 0) {
			out->stuck = hist->kids[i];
			out->action = name;
			return -1;
		}
	}
	if (may & state_bit(wf, complaint_status(doc)))
		return 0;
	for (i = 0; i < wf->nstates && out->nled < 4; i++)
		if (may & (state_set)1 << i)
			out->led[out->nled++] = wf->states[i].name;
	return -1;
}
