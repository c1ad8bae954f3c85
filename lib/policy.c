#include <regex.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "phone.h"
#include "policy.h"
#include "ptime.h"
#include "strbuf.h"
#include "strset.h"
#include "yamlio.h"

static const char *const known_keys[] = {
	"policy", "title", "source", "timezone", "numbering", "file_mode",
	"kinds", "channels", "categories", "severities", "departments",
	"causes", "notice_methods", "satisfactions", "escalation", "required",
	"defaults", "fields", "calendars", "closures", "business_hours",
	"clocks", "deadlines", "penalties", "notices", "extensions", "rounds",
	"auto_escalate", "workflows", "people", "conflicts", "routes",
	"informs", "out_of_hours", "formats", "labels", NULL
};

/* The policy is p: its path is the caller's to add. */
#define bad(e, p, n, key, ...) \
	((void)(p), node_config_error(e, NULL, n, key, __VA_ARGS__))

static const char *
opt_str(const struct node *map, const char *key)
{
	const char *s = node_str(node_map_get(map, key));

	return s != NULL && *s != '\0' ? s : NULL;
}

/*
 * Give value i of l the label: 0, or 1 when the label is another
 * value's name or label (*other is that value), -1 out of memory.
 */
static int
index_label(struct strlist *l, size_t i, const char *label,
    const char **other)
{
	long old;

	if (strset_has(l->index, label, &old)) {
		if ((size_t)old == i || (size_t)old == l->n + i)
			return 0;
		*other = l->v[(size_t)old % l->n];
		return 1;
	}
	return strset_add(l->index, label, (long)(l->n + i), NULL) == -1 ?
	    -1 : 0;
}

/* The index of a list's names, then of their labels: 1 on a clash. */
static int
index_list(struct strlist *l, const char **a, const char **b,
    const char **label)
{
	size_t i;
	int rc;

	if ((l->index = malloc(sizeof(*l->index))) == NULL)
		return -1;
	strset_init(l->index);
	for (i = 0; i < l->n; i++)
		if (strset_add(l->index, l->v[i], (long)i, NULL) == -1)
			return -1;
	for (i = 0; l->labels != NULL && i < l->n; i++) {
		if (l->labels[i] == NULL)
			continue;
		if ((rc = index_label(l, i, l->labels[i], b)) != 0) {
			*a = l->v[i];
			*label = l->labels[i];
			return rc;
		}
	}
	return 0;
}

static int
clash(struct perr *e, const struct strlist *l, const char *key,
    const char *a, const char *b, const char *label)
{
	/* A label that is another's name is read as that name. */
	if (strlist_has(l, label))
		perr_set(e, PLAINT_CONFIG, "the label \"%.60s\" of \"%.60s\" "
		    "is the name of \"%.60s\"; a label must not be another "
		    "value's name", label, a, b);
	else
		perr_set(e, PLAINT_CONFIG, "\"%.60s\" and \"%.60s\" share the "
		    "label \"%.60s\"; each value needs its own", b, a, label);
	perr_field(e, key);
	return -1;
}

static int
index_vocab(struct policy *p, const struct node *n, const char *key,
    struct strlist *l, struct perr *e)
{
	const char *a = NULL, *b = NULL, *label = NULL;
	int rc = index_list(l, &a, &b, &label);

	if (rc == -1)
		return perr_nomem(e);
	if (rc == 1) {
		clash(e, l, key, a, b, label);
		return bad(e, p, node_map_get(n, a), key, "%s", "");
	}
	return 0;
}

static void
strlist_free(struct strlist *l)
{
	free(l->v);
	free(l->labels);
	if (l->index != NULL)
		strset_release(l->index);
	free(l->index);
	memset(l, 0, sizeof(*l));
}

/*
 * A vocabulary: a list of names, or a mapping of names to {label: …}.
 * may_be_empty: an empty one means "any" (departments) or "none"
 * (required); for the others it would silently mean plaint's defaults.
 */
static int
load_list(struct policy *p, const char *key, int may_be_empty,
    struct strlist *out, struct perr *e)
{
	const struct node *n = node_map_get(p->root, key);
	size_t i;

	out->v = NULL;
	out->n = 0;
	if (n == NULL || node_kind(n) == KIND_NULL)
		return 0;
	if (n->type == NODE_SCALAR)
		return bad(e, p, n, key, "%s", "must be a list or a mapping");
	if (n->n == 0)
		return may_be_empty ? 0 : bad(e, p, n, key, "%s", "names no "
		    "value: list at least one, or leave the key out for "
		    "plaint's own");
	for (i = 0; n->type == NODE_MAP && i < n->n; i++)
		if (n->kids[i]->type != NODE_MAP &&
		    node_kind(n->kids[i]) != KIND_NULL)
			return bad(e, p, n->kids[i], key, "%s: must map to "
			    "{label: …}", n->keys[i]);
	if ((out->v = calloc(n->n, sizeof(*out->v))) == NULL ||
	    (out->labels = calloc(n->n, sizeof(*out->labels))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < n->n; i++) {
		const char *name = n->type == NODE_MAP ? n->keys[i] :
		    node_str(n->kids[i]);

		if (name == NULL || *name == '\0')
			return bad(e, p, n->kids[i], key, "%s",
			    "entries must be non-empty names");
		if (n->type == NODE_MAP)
			out->labels[i] = opt_str(n->kids[i], "label");
		out->v[out->n++] = name;
	}
	return index_vocab(p, n, key, out, e);
}

/* Levels as a vocabulary: "0", "1" … by number, labelled by name. */
static int
index_levels(struct policy *p, struct perr *e)
{
	const char *a = NULL, *b = NULL, *label = NULL;
	struct strlist *l = &p->level_names;
	size_t i;
	int rc;

	if ((p->level_keys = malloc(p->nlevels * 24)) == NULL ||
	    (l->v = calloc(p->nlevels, sizeof(*l->v))) == NULL ||
	    (l->labels = calloc(p->nlevels, sizeof(*l->labels))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < p->nlevels; i++) {
		snprintf(p->level_keys + 24 * i, 24, "%zu", i);
		l->v[i] = p->level_keys + 24 * i;
		l->labels[i] = p->levels[i].name;
	}
	l->n = p->nlevels;
	if ((rc = index_list(l, &a, &b, &label)) == -1)
		return perr_nomem(e);
	if (rc == 1)
		return clash(e, l, "escalation", a, b, label);
	return 0;
}

static int
load_levels(struct policy *p, struct perr *e)
{
	const struct node *chain = node_map_get(p->root, "escalation");
	size_t i;

	if (chain == NULL)
		return bad(e, p, p->root, "escalation", "%s",
		    "missing: the policy needs at least one level");
	if (chain->type != NODE_SEQ || chain->n == 0)
		return bad(e, p, chain, "escalation", "%s",
		    "must be a list of levels");
	if ((p->levels = calloc(chain->n, sizeof(*p->levels))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < chain->n; i++) {
		const struct node *lv = chain->kids[i];
		struct policy_level *l = &p->levels[i];

		if (lv->type == NODE_SCALAR)
			l->name = node_str(lv);
		else if (lv->type == NODE_MAP) {
			l->name = opt_str(lv, "name");
			l->department = opt_str(lv, "department");
			l->assignee = opt_str(lv, "assignee");
		}
		if (l->name == NULL || *l->name == '\0')
			return bad(e, p, lv, "escalation", "%s",
			    "each level needs a name");
		p->nlevels++;
	}
	return index_levels(p, e);
}

static int
parse_type(const char *s, enum field_type *t)
{
	static const struct {
		const char *name;
		enum field_type type;
	} types[] = {
		{ "string", FIELD_STRING }, { "integer", FIELD_INTEGER },
		{ "date", FIELD_DATE }, { "time", FIELD_TIME },
		{ "enum", FIELD_ENUM }, { "person", FIELD_PERSON },
		{ "list", FIELD_LIST }, { "bool", FIELD_BOOL },
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (s != NULL && strcmp(s, types[i].name) == 0) {
			*t = types[i].type;
			return 0;
		}
	return -1;
}

static int
load_fields(struct policy *p, struct perr *e)
{
	const struct node *fs = node_map_get(p->root, "fields");
	size_t i;

	if (fs == NULL || node_kind(fs) == KIND_NULL ||
	    (fs->type != NODE_SCALAR && fs->n == 0))
		return 0;
	if (fs->type != NODE_MAP)
		return bad(e, p, fs, "fields", "%s",
		    "must map field names to {type: …}");
	if ((p->fields = calloc(fs->n, sizeof(*p->fields))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < fs->n; i++) {
		const struct node *spec = fs->kids[i];
		struct policy_field *f = &p->fields[i];
		const struct node *vals;
		const char *of;
		size_t j;

		f->name = fs->keys[i];
		if (parse_type(spec->type == NODE_MAP ?
		    node_str(node_map_get(spec, "type")) : node_str(spec),
		    &f->type) == -1)
			return bad(e, p, spec, f->name, "%s", "type must be "
			    "string, integer, date, time, enum, bool, person or "
			    "list");
		p->nfields++;
		if (f->type == FIELD_LIST && (of = node_str(node_map_get(spec,
		    "of"))) != NULL) {
			if (strcmp(of, "person") != 0 && strcmp(of, "string") !=
			    0)
				return bad(e, p, node_map_get(spec, "of"),
				    f->name, "%s", "of: must be string or "
				    "person");
			f->of_person = strcmp(of, "person") == 0;
		}
		if (f->type != FIELD_ENUM)
			continue;
		vals = node_map_get(spec, "values");
		if (vals == NULL || vals->type != NODE_SEQ || vals->n == 0)
			return bad(e, p, spec, f->name, "%s",
			    "an enum field needs a list of values");
		if ((f->values.v = calloc(vals->n, sizeof(char *))) == NULL)
			return perr_nomem(e);
		for (j = 0; j < vals->n; j++)
			if ((f->values.v[f->values.n++] =
			    node_str(vals->kids[j])) == NULL)
				return bad(e, p, vals->kids[j], f->name, "%s",
				    "enum values must be scalars");
	}
	return 0;
}

/* The text fields of every complaint a format can be set for. */
static const char *const format_core[] = {
	"complainant.name", "complainant.phone", "complainant.address",
	"subject", "description", "received_by", "assignee", "source_ref",
	NULL
};

static int
format_field_known(const struct policy *p, const char *name)
{
	const struct policy_field *f = policy_field(p, name);
	size_t i;

	for (i = 0; format_core[i] != NULL; i++)
		if (strcmp(format_core[i], name) == 0)
			return 1;
	return f != NULL && f->type == FIELD_STRING;
}

/* phone, none, or {pattern: ERE, example: …}, matched whole. */
static int
load_format(struct policy *p, struct policy_format *f, const struct node *n,
    struct perr *e)
{
	const char *kind = node_str(n);
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (kind != NULL && strcmp(kind, "phone") == 0) {
		f->kind = FORMAT_PHONE;
		return 0;
	}
	if (kind != NULL && strcmp(kind, "none") == 0) {
		f->kind = FORMAT_NONE;
		return 0;
	}
	f->kind = FORMAT_PATTERN;
	if (n->type != NODE_MAP || (f->pattern = node_str(node_map_get(n,
	    "pattern"))) == NULL || *f->pattern == '\0')
		return bad(e, p, n, f->field, "%s", "a format is phone, none, "
		    "or {pattern: REGEX, example: TEXT}");
	f->example = node_str(node_map_get(n, "example"));
	if ((f->re = calloc(1, sizeof(regex_t))) == NULL ||
	    strbuf_addstr(&sb, "^(") == -1 ||
	    strbuf_addstr(&sb, f->pattern) == -1 ||
	    strbuf_addstr(&sb, ")$") == -1) {
		strbuf_release(&sb);
		return perr_nomem(e);
	}
	rc = regcomp(f->re, strbuf_str(&sb), REG_EXTENDED | REG_NOSUB);
	strbuf_release(&sb);
	if (rc != 0) {
		free(f->re);
		f->re = NULL;
		return bad(e, p, node_map_get(n, "pattern"), f->field, "%s",
		    "pattern: not a POSIX extended regular expression");
	}
	if (f->example != NULL && !policy_format_ok(f, f->example))
		return bad(e, p, node_map_get(n, "example"), f->field, "%s",
		    "example: does not match the pattern");
	return 0;
}

static int
load_formats(struct policy *p, struct perr *e)
{
	const struct node *fs = node_map_get(p->root, "formats");
	size_t i;

	if (fs == NULL || node_kind(fs) == KIND_NULL)
		return 0;
	if (fs->type != NODE_MAP)
		return bad(e, p, fs, "formats", "%s",
		    "must map field names to a format");
	if (fs->n > 0 && (p->formats = calloc(fs->n,
	    sizeof(*p->formats))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < fs->n; i++) {
		struct policy_format *f = &p->formats[p->nformats++];

		f->field = fs->keys[i];
		if (!format_field_known(p, f->field))
			return bad(e, p, fs->kids[i], "formats", "%s: not a "
			    "text field (complainant.*, subject, a string "
			    "field of fields:)", f->field);
		if (load_format(p, f, fs->kids[i], e) == -1)
			return -1;
	}
	return 0;
}

/* plaint's own names for the fields of a complaint, for people. */
static const struct policy_label core_labels[] = {
	{ "id", "编号" }, { "kind", "类型" }, { "status", "状态" },
	{ "received", "受理时间" }, { "channel", "渠道" },
	{ "received_by", "受理人" }, { "complainant", "投诉人" },
	{ "complainant.name", "投诉人姓名" },
	{ "complainant.phone", "联系电话" },
	{ "complainant.address", "地址" }, { "category", "类别" },
	{ "severity", "严重程度" }, { "subject", "主题" },
	{ "description", "描述" }, { "department", "部门" },
	{ "assignee", "承办人" }, { "level", "级别" }, { "round", "轮次" },
	{ "due", "期限" }, { "source_ref", "来源编号" },
	{ "parent", "上级记录" }, { "resolution", "处理结果" },
	{ "resolution.cause", "原因" }, { "resolution.responsible", "责任人" },
	{ "notice", "书面告知" }, { "satisfaction", "满意度" },
	{ "penalties", "处罚" }, { "history", "处理记录" },
};

#define NCORE (sizeof(core_labels) / sizeof(core_labels[0]))

/* Field gets label: its slot in p->field_labels, new or replaced. */
static int
set_field_label(struct policy *p, const char *field, const char *label)
{
	long at;

	if (strset_has(p->field_index, field, &at)) {
		p->field_labels[at].label = label;
		return 0;
	}
	p->field_labels[p->nfield_labels].field = field;
	p->field_labels[p->nfield_labels].label = label;
	return strset_add(p->field_index, field, (long)p->nfield_labels++,
	    NULL) == -1 ? -1 : 0;
}

/* labels: {subject: 事由} renames a field plaint or the policy knows. */
static int
take_label_overrides(struct policy *p, const struct node *n, struct perr *e)
{
	size_t i;

	if (n->type != NODE_MAP)
		return bad(e, p, n, "labels", "%s", "must map field names to "
		    "labels, such as {subject: 事由}");
	for (i = 0; i < n->n; i++) {
		const char *l = node_str(n->kids[i]);

		if (l == NULL || *l == '\0')
			return bad(e, p, n->kids[i], "labels", "%s: the label "
			    "must be a non-empty value", n->keys[i]);
		if (!strset_has(p->field_index, n->keys[i], NULL) &&
		    policy_field(p, n->keys[i]) == NULL)
			return bad(e, p, n->kids[i], "labels", "%s: not a "
			    "field of a complaint", n->keys[i]);
		if (set_field_label(p, n->keys[i], l) == -1)
			return perr_nomem(e);
	}
	return 0;
}

static int
load_field_labels(struct policy *p, struct perr *e)
{
	const struct node *fs = node_map_get(p->root, "fields");
	const struct node *over = node_map_get(p->root, "labels");
	size_t i, max = NCORE + p->nfields + (over != NULL ? over->n : 0);
	long at;

	/* Each index set up as soon as it is there: policy_free frees both. */
	if ((p->field_labels = calloc(max + 1, sizeof(*p->field_labels))) ==
	    NULL || (p->field_index = malloc(sizeof(struct strset))) == NULL)
		return perr_nomem(e);
	strset_init(p->field_index);
	if ((p->field_label_index = malloc(sizeof(struct strset))) == NULL)
		return perr_nomem(e);
	strset_init(p->field_label_index);
	for (i = 0; i < NCORE; i++)
		if (set_field_label(p, core_labels[i].field,
		    core_labels[i].label) == -1)
			return perr_nomem(e);
	for (i = 0; i < p->nfields; i++) {
		const char *l = opt_str(node_map_get(fs, p->fields[i].name),
		    "label");

		if (l != NULL && set_field_label(p, p->fields[i].name, l) == -1)
			return perr_nomem(e);
	}
	if (over != NULL && node_kind(over) != KIND_NULL &&
	    take_label_overrides(p, over, e) == -1)
		return -1;
	/* A header row of labels must name one field per column. */
	for (i = 0; i < p->nfield_labels; i++) {
		const struct policy_label *fl = &p->field_labels[i];

		if (strset_has(p->field_label_index, fl->label, &at))
			return bad(e, p, over != NULL ? over : fs, "labels",
			    "fields \"%.60s\" and \"%.60s\" share the label "
			    "\"%.60s\"; each field needs its own",
			    p->field_labels[at].field, fl->field, fl->label);
		if (strset_add(p->field_label_index, fl->label, (long)i,
		    NULL) == -1)
			return perr_nomem(e);
	}
	return 0;
}

static int
load_modes(struct policy *p, struct perr *e)
{
	const struct node *n = node_map_get(p->root, "file_mode");
	const char *s = node_str(n);

	p->file_mode = 0600;
	p->dir_mode = 0700;
	if (n == NULL)
		return 0;
	if (s != NULL && strcmp(s, "0640") == 0) {
		p->file_mode = 0640;
		p->dir_mode = 0750;
		return 0;
	}
	if (s != NULL && strcmp(s, "0600") == 0)
		return 0;
	return bad(e, p, n, "file_mode", "%s", "must be \"0600\" or \"0640\"");
}

static int
load_numbering(struct policy *p, struct perr *e)
{
	const struct node *n = node_map_get(p->root, "numbering");
	const char *fmt, *s;

	p->prefix = "";
	if (n == NULL)
		return 0;
	if (n->type != NODE_MAP)
		return bad(e, p, n, "numbering", "%s", "must be a mapping");
	fmt = node_str(node_map_get(n, "format"));
	if (fmt != NULL && strcmp(fmt, "YYMM-NNNN") != 0)
		return bad(e, p, node_map_get(n, "format"), "numbering.format",
		    "unsupported format \"%s\" (only YYMM-NNNN)", fmt);
	if ((s = node_str(node_map_get(n, "prefix"))) == NULL || *s == '\0')
		return 0;
	if (strlen(s) > 8 || !(s[0] >= 'A' && s[0] <= 'Z') ||
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != strlen(s))
		return bad(e, p, node_map_get(n, "prefix"), "numbering.prefix",
		    "%s", "must be 1-8 capital letters or digits, "
		    "starting with a letter");
	p->prefix = s;
	return 0;
}

static int
load_people(struct policy *p, struct perr *e)
{
	const struct node *n = node_map_get(p->root, "people");
	size_t i, j;

	if (n == NULL || node_kind(n) == KIND_NULL)
		return 0;
	if (n->type != NODE_MAP)
		return bad(e, p, n, "people", "%s", "must map each person's "
		    "name to {roles: [ROLE, …]}");
	for (i = 0; i < n->n; i++) {
		const struct node *who = n->kids[i];
		const struct node *roles = node_map_get(who, "roles");

		if (who->type != NODE_MAP || roles == NULL ||
		    roles->type != NODE_SEQ)
			return bad(e, p, who, n->keys[i], "%s", "must be a "
			    "mapping with roles: [ROLE, …]");
		for (j = 0; j < roles->n; j++)
			if (node_str(roles->kids[j]) == NULL ||
			    *node_str(roles->kids[j]) == '\0')
				return bad(e, p, roles->kids[j], n->keys[i],
				    "%s", "roles: entries must be names");
	}
	p->people = n;
	return 0;
}

static int
load_conflicts(struct policy *p, struct perr *e)
{
	const struct node *n = node_map_get(p->root, "conflicts");
	size_t i, j;
	int b;

	if (n == NULL || node_kind(n) == KIND_NULL)
		return 0;
	if (n->type != NODE_SEQ)
		return bad(e, p, n, "conflicts", "%s", "must be a list of "
		    "{action, same, states, refuse}");
	if ((p->conflicts = calloc(n->n + 1, sizeof(*p->conflicts))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < n->n; i++) {
		const struct node *c = n->kids[i], *st;
		struct policy_conflict *k = &p->conflicts[p->nconflicts++];

		k->action = opt_str(c, "action");
		k->field = opt_str(c, "same");
		st = node_map_get(c, "states");
		if (c->type != NODE_MAP || k->action == NULL ||
		    k->field == NULL || st == NULL || st->type != NODE_SEQ ||
		    st->n == 0)
			return bad(e, p, c, "conflicts", "%s", "each needs "
			    "action:, same: (a field) and states: [...]");
		if (strchr(k->field, '.') != NULL)
			return bad(e, p, node_map_get(c, "same"), "conflicts",
			    "%s", "same: must name a field of the record's "
			    "top level, such as location");
		if ((k->states.v = calloc(st->n, sizeof(char *))) == NULL)
			return perr_nomem(e);
		for (j = 0; j < st->n; j++)
			if ((k->states.v[k->states.n++] = node_str(
			    st->kids[j])) == NULL)
				return bad(e, p, st->kids[j], "conflicts",
				    "%s", "states: must be names");
		if (node_map_get(c, "refuse") != NULL) {
			if (node_bool(node_map_get(c, "refuse"), &b) == -1)
				return bad(e, p, node_map_get(c, "refuse"),
				    "conflicts", "%s", "refuse: must be yes "
				    "or no");
			k->refuse = b;
		}
	}
	return 0;
}

static const struct workflow *
named_workflow(const struct workflow *w, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(w[i].name, name) == 0)
			return &w[i];
	return NULL;
}

/*
 * The states of all the workflows as one vocabulary: a state two
 * workflows share may have a label in each (closed: 已关闭, 已终结).
 */
static int
index_states(struct policy *p, struct perr *e)
{
	struct strlist *l = &p->states;
	const char *other = NULL;
	size_t i, j, max = 0;
	long at;
	int rc;

	strlist_free(l);
	p->states_relabelled = 0;
	for (i = 0; i < p->nworkflows; i++)
		max += p->workflows[i].nstates;
	if ((l->v = calloc(max + 1, sizeof(*l->v))) == NULL ||
	    (l->labels = calloc(max + 1, sizeof(*l->labels))) == NULL ||
	    (l->index = malloc(sizeof(*l->index))) == NULL)
		return perr_nomem(e);
	strset_init(l->index);
	for (i = 0; i < p->nworkflows; i++)
		for (j = 0; j < p->workflows[i].nstates; j++) {
			const struct wf_state *st = &p->workflows[i].states[j];

			if (strset_has(l->index, st->name, NULL))
				continue;
			if (strset_add(l->index, st->name, (long)l->n, NULL) ==
			    -1)
				return perr_nomem(e);
			l->labels[l->n] = st->label;
			l->v[l->n++] = st->name;
		}
	/* Labels go in once all the names are known: l->n is final. */
	for (i = 0; i < p->nworkflows; i++)
		for (j = 0; j < p->workflows[i].nstates; j++) {
			const struct wf_state *st = &p->workflows[i].states[j];

			if (st->label == NULL)
				continue;
			strset_has(l->index, st->name, &at);
			if (l->labels[at] == NULL)
				l->labels[at] = st->label;
			else if (strcmp(l->labels[at], st->label) != 0)
				p->states_relabelled = 1;
			if ((rc = index_label(l, (size_t)at, st->label,
			    &other)) == -1)
				return perr_nomem(e);
			if (rc == 1)
				return clash(e, l, "workflows", st->name, other,
				    st->label);
		}
	return 0;
}

/* Each kind to its workflow: the one it names, else "complaint". */
static int
link_kinds(struct policy *p, struct perr *e)
{
	const struct node *kinds = node_map_get(p->root, "kinds");
	const struct workflow *dflt;
	size_t i;

	if (index_states(p, e) == -1)
		return -1;

	dflt = named_workflow(p->workflows, p->nworkflows, "complaint");
	if (dflt == NULL)
		dflt = &p->workflows[0];
	p->default_workflow = dflt;
	free(p->kind_workflow);
	if ((p->kind_workflow = calloc(p->kinds.n + 1,
	    sizeof(*p->kind_workflow))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < p->kinds.n; i++) {
		const struct node *k = node_map_get(node_map_get(kinds,
		    p->kinds.v[i]), "workflow");
		const char *name = node_str(k);

		p->kind_workflow[i] = dflt;
		if (k == NULL)
			continue;
		if (name == NULL || (p->kind_workflow[i] = named_workflow(
		    p->workflows, p->nworkflows, name)) == NULL)
			return bad(e, p, k, p->kinds.v[i], "workflow: \"%.40s\" "
			    "is not one of the policy's workflows",
			    name != NULL ? name : "");
	}
	return 0;
}

static int
load_workflows(struct policy *p, struct perr *e)
{
	const struct node *n = node_map_get(p->root, "workflows");

	if (n == NULL)
		return 0;
	if (workflow_parse_all(n, &p->workflows, &p->nworkflows, e) == -1)
		return -1;
	return link_kinds(p, e);
}

int
policy_load_workflows(struct policy *p, policy_find_fn find, struct perr *e)
{
	char path[4096];

	if (p->nworkflows > 0)
		return 0;
	if (find(path, sizeof(path), "policies/default.yaml") == -1)
		return perr_set(e, PLAINT_CONFIG, "%s", "the policy writes no "
		    "workflows, and the default policy that would give them "
		    "(policies/default.yaml) is not installed");
	if ((p->base = malloc(sizeof(*p->base))) == NULL)
		return perr_nomem(e);
	if (policy_load(p->base, path, e) == -1) {
		free(p->base);
		p->base = NULL;
		return -1;
	}
	if (p->base->nworkflows == 0)
		return perr_set(e, PLAINT_CONFIG, "%s: writes no workflows",
		    path);
	p->workflows = p->base->workflows;
	p->nworkflows = p->base->nworkflows;
	return link_kinds(p, e);
}

const struct workflow *
policy_workflow(const struct policy *p, const char *kind)
{
	size_t i;

	if (p->kind_workflow == NULL)
		return NULL;
	for (i = 0; kind != NULL && i < p->kinds.n; i++)
		if (strcmp(p->kinds.v[i], kind) == 0)
			return p->kind_workflow[i];
	/* A record of no kind, or of one the policy lost: the default. */
	return p->default_workflow;
}

const struct workflow *
policy_record_workflow(const struct policy *p, const struct node *doc)
{
	return policy_workflow(p, node_str(node_map_get(doc, "kind")));
}

int
policy_has_role(const struct policy *p, const char *person, const char *role)
{
	const struct node *roles = node_map_get(node_map_get(p->people,
	    person), "roles");
	size_t i;

	for (i = 0; roles != NULL && roles->type == NODE_SEQ && i < roles->n;
	    i++)
		if (strcmp(node_str(roles->kids[i]), role) == 0)
			return 1;
	return 0;
}

/* Keys whose value is one word or one line of text. */
static const char *const scalar_keys[] = {
	"policy", "title", "source", "timezone", "file_mode", "business_hours",
	"out_of_hours", NULL
};

static int
check_keys(struct policy *p, struct perr *e)
{
	size_t i, j;

	if (p->root->type != NODE_MAP)
		return bad(e, p, p->root, "policy", "%s",
		    "a policy must be a YAML mapping");
	for (i = 0; i < p->root->n; i++) {
		for (j = 0; known_keys[j] != NULL; j++)
			if (strcmp(known_keys[j], p->root->keys[i]) == 0)
				break;
		if (known_keys[j] == NULL)
			return bad(e, p, p->root->kids[i], p->root->keys[i],
			    "%s", "unknown policy key");
		for (j = 0; scalar_keys[j] != NULL; j++)
			if (strcmp(scalar_keys[j], p->root->keys[i]) == 0 &&
			    p->root->kids[i]->type != NODE_SCALAR)
				return bad(e, p, p->root->kids[i],
				    p->root->keys[i], "%s", "must be a value, "
				    "not a list or a mapping");
	}
	return 0;
}

/* A route's level: its place in the chain (0 is the first), or a name. */
static int
route_level(struct policy *p, const struct node *n, long long *level,
    struct perr *e)
{
	size_t i;

	if (node_int(n, level) == 0 && *level >= 0 &&
	    (size_t)*level < p->nlevels)
		return 0;
	for (i = 0; node_str(n) != NULL && i < p->nlevels; i++)
		if (strcmp(p->levels[i].name, n->str) == 0) {
			*level = (long long)i;
			return 0;
		}
	return bad(e, p, n, "routes", "level: a level of the escalation "
	    "chain, by its number (0 to %zu) or its name", p->nlevels - 1);
}

static int
route_value(struct policy *p, const struct node *n, const char *key,
    const struct strlist *allowed, const char **out, struct perr *e)
{
	if ((*out = node_str(n)) == NULL || **out == '\0')
		return bad(e, p, n, "routes", "%s: must be a value", key);
	if (allowed != NULL && allowed->n > 0 && !strlist_has(allowed, *out))
		return bad(e, p, n, "routes", "%s: \"%.40s\" is not one of "
		    "the policy's", key, *out);
	return 0;
}

static int
load_route(struct policy *p, const struct node *n, struct policy_route *r,
    struct perr *e)
{
	const struct node *set = node_map_get(n, "set");
	size_t i, j;

	r->level = -1;
	if (n->type != NODE_MAP || (r->id = opt_str(n, "id")) == NULL)
		return bad(e, p, n, "routes", "%s", "each route is a mapping "
		    "with an id");
	for (i = 0; i < n->n; i++) {
		static const char *const keys[] = { "id", "source", "note",
			"when", "set", NULL };

		for (j = 0; keys[j] != NULL && strcmp(keys[j], n->keys[i]);
		    j++)
			;
		if (keys[j] == NULL)
			return bad(e, p, n->kids[i], "routes", "%s: unknown "
			    "key \"%s\" in a route", r->id, n->keys[i]);
	}
	r->when = node_map_get(n, "when");
	if (r->when == NULL || r->when->type != NODE_MAP || r->when->n == 0)
		return bad(e, p, n, "routes", "%s: when: the fields that send "
		    "a complaint this way", r->id);
	for (i = 0; i < r->when->n; i++)
		if (r->when->kids[i]->type == NODE_MAP)
			return bad(e, p, r->when->kids[i], "routes", "when: "
			    "%s: a value or a list of values", r->when->keys[i]);
	if (set == NULL || set->type != NODE_MAP || set->n == 0)
		return bad(e, p, n, "routes", "%s: set: level, department, "
		    "assignee or severity", r->id);
	for (i = 0; i < set->n; i++) {
		const char *k = set->keys[i];
		int rc;

		if (strcmp(k, "level") == 0)
			rc = route_level(p, set->kids[i], &r->level, e);
		else if (strcmp(k, "department") == 0)
			rc = route_value(p, set->kids[i], k, &p->departments,
			    &r->department, e);
		else if (strcmp(k, "assignee") == 0)
			rc = route_value(p, set->kids[i], k, NULL,
			    &r->assignee, e);
		else if (strcmp(k, "severity") == 0)
			rc = route_value(p, set->kids[i], k, &p->severities,
			    &r->severity, e);
		else
			rc = bad(e, p, set->kids[i], "routes", "%s: set: %s: a "
			    "route sets level, department, assignee or "
			    "severity", r->id, k);
		if (rc == -1)
			return -1;
	}
	return 0;
}

static int
load_routes(struct policy *p, struct perr *e)
{
	const struct node *l = node_map_get(p->root, "routes");
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != NODE_SEQ)
		return bad(e, p, l, "routes", "%s", "must be a list of routes");
	if (l->n == 0)
		return 0;
	if ((p->routes = calloc(l->n, sizeof(*p->routes))) == NULL)
		return perr_nomem(e);
	for (i = 0; i < l->n; i++, p->nroutes++)
		if (load_route(p, l->kids[i], &p->routes[i], e) == -1)
			return -1;
	return 0;
}

static int
load_all(struct policy *p, struct perr *e)
{
	const char *tz;

	if (check_keys(p, e) == -1)
		return -1;
	if ((p->name = node_str(node_map_get(p->root, "policy"))) == NULL)
		return bad(e, p, p->root, "policy", "%s",
		    "missing: the policy needs a name");
	tz = node_str(node_map_get(p->root, "timezone"));
	p->tz_off = 8 * 3600;
	if (tz != NULL && ptime_parse_offset(tz, &p->tz_off) == -1)
		return bad(e, p, node_map_get(p->root, "timezone"), "timezone",
		    "%s", "must be a UTC offset such as \"+08:00\"");
	if (load_modes(p, e) == -1 || load_numbering(p, e) == -1 ||
	    load_list(p, "kinds", 0, &p->kinds, e) == -1 ||
	    load_list(p, "channels", 0, &p->channels, e) == -1 ||
	    load_list(p, "categories", 0, &p->categories, e) == -1 ||
	    load_list(p, "severities", 0, &p->severities, e) == -1 ||
	    load_list(p, "departments", 1, &p->departments, e) == -1 ||
	    load_list(p, "causes", 0, &p->causes, e) == -1 ||
	    load_list(p, "notice_methods", 0, &p->notice_methods, e) == -1 ||
	    load_list(p, "satisfactions", 0, &p->satisfactions, e) == -1 ||
	    load_list(p, "required", 1, &p->required, e) == -1 ||
	    load_levels(p, e) == -1 || load_fields(p, e) == -1 ||
	    load_formats(p, e) == -1 ||
	    load_field_labels(p, e) == -1)
		return -1;
	if (p->kinds.n == 0)
		return bad(e, p, p->root, "kinds", "%s",
		    "the policy needs at least one kind");
	if (load_people(p, e) == -1 || load_workflows(p, e) == -1 ||
	    load_conflicts(p, e) == -1 || load_routes(p, e) == -1)
		return -1;
	p->defaults = node_map_get(p->root, "defaults");
	if (p->defaults != NULL && p->defaults->type != NODE_MAP)
		return bad(e, p, p->defaults, "defaults", "%s",
		    "must be a mapping of field: value");
	return 0;
}

int
policy_load_buf(struct policy *p, const char *buf, size_t len,
    const char *path, struct perr *e)
{
	memset(p, 0, sizeof(*p));
	if ((p->root = yamlio_parse(buf, len, path, e)) == NULL) {
		perr_as_config(e);
		return -1;
	}
	if (load_all(p, e) == -1) {
		perr_at(e, path, 0, 0);
		policy_release(p);
		return -1;
	}
	return 0;
}

int
policy_load(struct policy *p, const char *path, struct perr *e)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	if (fileio_read_path(path, YAMLIO_MAX_FILE, &sb, e) == 0)
		rc = policy_load_buf(p, strbuf_str(&sb), sb.len, path, e);
	else
		perr_as_config(e);
	strbuf_release(&sb);
	return rc;
}

void
policy_release(struct policy *p)
{
	size_t i;

	strlist_free(&p->kinds);
	strlist_free(&p->channels);
	strlist_free(&p->categories);
	strlist_free(&p->severities);
	strlist_free(&p->departments);
	strlist_free(&p->causes);
	strlist_free(&p->notice_methods);
	strlist_free(&p->satisfactions);
	strlist_free(&p->required);
	strlist_free(&p->states);
	strlist_free(&p->level_names);
	free(p->level_keys);
	free(p->field_labels);
	if (p->field_index != NULL)
		strset_release(p->field_index);
	if (p->field_label_index != NULL)
		strset_release(p->field_label_index);
	free(p->field_index);
	free(p->field_label_index);
	free(p->levels);
	for (i = 0; i < p->nfields; i++)
		free(p->fields[i].values.v);
	free(p->fields);
	for (i = 0; i < p->nformats; i++)
		if (p->formats[i].re != NULL) {
			regfree(p->formats[i].re);
			free(p->formats[i].re);
		}
	free(p->formats);
	free(p->kind_workflow);
	for (i = 0; i < p->nconflicts; i++)
		free(p->conflicts[i].states.v);
	free(p->conflicts);
	free(p->routes);
	if (p->base != NULL) {
		policy_release(p->base);
		free(p->base);
	} else
		workflow_free_all(p->workflows, p->nworkflows);
	node_free(p->root);
	memset(p, 0, sizeof(*p));
}

int
strlist_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

void
strlist_join(const struct strlist *l, char *buf, size_t size)
{
	size_t i, len = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < l->n && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
		    l->v[i]);

		if (w < 0)
			break;
		len += (size_t)w;
	}
}

const struct policy_field *
policy_field(const struct policy *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].name, name) == 0)
			return &p->fields[i];
	return NULL;
}

const char *
policy_category_department(const struct policy *p, const char *category)
{
	const struct node *cats = node_map_get(p->root, "categories");

	return opt_str(node_map_get(cats, category), "department");
}

const struct policy_format *
policy_format(const struct policy *p, const char *field)
{
	static const struct policy_format phone = { "complainant.phone",
		FORMAT_PHONE, NULL, NULL, NULL };
	size_t i;

	for (i = 0; i < p->nformats; i++)
		if (strcmp(p->formats[i].field, field) == 0)
			return &p->formats[i];
	return strcmp(field, phone.field) == 0 ? &phone : NULL;
}

int
policy_format_ok(const struct policy_format *f, const char *v)
{
	if (f == NULL || f->kind == FORMAT_NONE)
		return 1;
	if (f->kind == FORMAT_PHONE)
		return phone_cn_valid(v);
	return regexec(f->re, v, 0, NULL, 0) == 0;
}

void
strlist_join_labels(const struct strlist *l, char *buf, size_t size)
{
	size_t i, len = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < l->n && len < size; i++) {
		const char *lb = l->labels != NULL ? l->labels[i] : NULL;
		int w = snprintf(buf + len, size - len, lb != NULL ?
		    "%s%s (%s)" : "%s%s", i ? ", " : "", l->v[i], lb);

		if (w < 0)
			break;
		len += (size_t)w;
	}
}

const char *
strlist_key(const struct strlist *l, const char *s)
{
	size_t i;
	long at;

	if (s == NULL)
		return NULL;
	if (l->index != NULL)
		return strset_has(l->index, s, &at) ? l->v[(size_t)at % l->n] :
		    NULL;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return l->v[i];
	for (i = 0; l->labels != NULL && i < l->n; i++)
		if (l->labels[i] != NULL && strcmp(l->labels[i], s) == 0)
			return l->v[i];
	return NULL;
}

const char *
strlist_label(const struct strlist *l, const char *name)
{
	long at;

	if (name == NULL || l == NULL || l->labels == NULL ||
	    l->index == NULL || !strset_has(l->index, name, &at) ||
	    (size_t)at >= l->n || l->labels[at] == NULL)
		return name;
	return l->labels[at];
}

const struct strlist *
policy_vocab(const struct policy *p, const char *field)
{
	static const struct {
		const char *field;
		size_t offset;
	} vocabs[] = {
		{ "kind", offsetof(struct policy, kinds) },
		{ "channel", offsetof(struct policy, channels) },
		{ "category", offsetof(struct policy, categories) },
		{ "severity", offsetof(struct policy, severities) },
		{ "department", offsetof(struct policy, departments) },
		{ "status", offsetof(struct policy, states) },
		{ "level", offsetof(struct policy, level_names) },
		{ "resolution.cause", offsetof(struct policy, causes) },
		{ "notice.by", offsetof(struct policy, notice_methods) },
		{ "satisfaction", offsetof(struct policy, satisfactions) },
	};
	const struct strlist *l = NULL;
	const struct policy_field *f;
	size_t i;

	if (field == NULL)
		return NULL;
	for (i = 0; l == NULL && i < sizeof(vocabs) / sizeof(vocabs[0]); i++)
		if (strcmp(vocabs[i].field, field) == 0)
			l = (const struct strlist *)(const void *)
			    ((const char *)p + vocabs[i].offset);
	if (l == NULL && (f = policy_field(p, field)) != NULL &&
	    f->type == FIELD_ENUM)
		l = &f->values;
	return l != NULL && l->n > 0 ? l : NULL;
}

const char *
policy_value_key(const struct policy *p, const char *field, const char *value)
{
	const struct strlist *l = policy_vocab(p, field);

	return l == NULL ? value : strlist_key(l, value);
}

const char *
policy_value_label(const struct policy *p, const char *field, const char *key)
{
	return strlist_label(policy_vocab(p, field), key);
}

const char *
policy_field_label(const struct policy *p, const char *field)
{
	long at;

	if (field == NULL || p->field_index == NULL ||
	    !strset_has(p->field_index, field, &at))
		return NULL;
	return p->field_labels[at].label;
}

const char *
policy_field_by_label(const struct policy *p, const char *label)
{
	long at;

	if (label == NULL || p->field_label_index == NULL ||
	    !strset_has(p->field_label_index, label, &at))
		return NULL;
	return p->field_labels[at].field;
}

const char *
policy_status_label(const struct policy *p, const struct node *doc)
{
	const char *s = node_str(node_map_get(doc, "status"));
	const struct wf_state *st;

	/* One hash look-up, unless workflows name a state differently. */
	if (!p->states_relabelled)
		return strlist_label(&p->states, s);
	st = workflow_state(policy_record_workflow(p, doc), s);
	return st != NULL && st->label != NULL ? st->label : s;
}
