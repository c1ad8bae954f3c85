#include <stdio.h>
#include <string.h>

#include "complaint.h"
#include "render.h"
#include "utf8.h"

const char *const render_list_header[RENDER_LIST_COLS] = {
	"ID", "STATUS", "KIND", "RECEIVED", "ASSIGNEE", "SUBJECT"
};

void
render_time(const char *iso, int off, char *buf, size_t size)
{
	struct civil c;
	ptime_t t;
	int o;

	if (iso == NULL || ptime_parse(iso, off, &t, &o) == -1) {
		snprintf(buf, size, "%s", iso != NULL ? iso : "");
		return;
	}
	ptime_to_civil(t, off, &c);
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day,
	    c.hour, c.min);
}

static const char *
str_or(const struct node *doc, const char *path, const char *dflt)
{
	const char *s = node_str(node_path_get(doc, path));

	return s != NULL && *s != '\0' ? s : dflt;
}

/* One name, or several as "张三, 赵六"; "-" for none. */
static void
names_text(const struct node *n, char *buf, size_t size)
{
	size_t i, len = 0;

	*buf = '\0';
	if (n != NULL && n->type == NODE_SEQ)
		for (i = 0; i < n->n && len < size; i++) {
			if (node_str(n->kids[i]) == NULL)
				continue;
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    len ? ", " : "", node_str(n->kids[i]));
		}
	else if (node_str(n) != NULL)
		snprintf(buf, size, "%s", node_str(n));
	if (*buf == '\0')
		snprintf(buf, size, "-");
}

/* "Label:       value", the values in one column by display width. */
static int
line(struct strbuf *out, const char *label, const char *value)
{
	size_t w;

	if (value == NULL)
		return 0;
	if (strbuf_addstr(out, label) == -1)
		return -1;
	for (w = utf8_width(label); w < 14; w++)
		if (strbuf_addch(out, ' ') == -1)
			return -1;
	if (w == utf8_width(label) && strbuf_addch(out, ' ') == -1)
		return -1;
	return strbuf_addf(out, "%s\n", value);
}

/* "主题:" for subject: the field's label, else its name. */
static const char *
field_heading(const struct policy *p, const char *field, char *buf,
    size_t size)
{
	const char *l = policy_field_label(p, field);

	snprintf(buf, size, "%s:", l != NULL ? l : field);
	return buf;
}

/* One field of the record, by its label, its value by the value's. */
static int
field_line(struct strbuf *out, const struct policy *p, const char *field,
    const char *value)
{
	char head[160];

	return line(out, field_heading(p, field, head, sizeof(head)),
	    policy_value_label(p, field, value));
}

/* The status as the record's workflow names it (已关闭, 已终结 …). */
static const char *
status_label(const struct policy *p, const struct node *doc)
{
	const char *s = policy_status_label(p, doc);

	return s != NULL ? s : "?";
}

static int
render_due(struct strbuf *out, const struct node *doc,
    const struct policy *p, const struct rules *r, ptime_t now)
{
	const struct clock_def *c;
	struct rules_clock k;
	const struct node *due = node_map_get(doc, "due");
	char when[40], span[40];
	size_t i;

	if (due == NULL || due->type != NODE_MAP || due->n == 0)
		return 0;
	if (strbuf_addf(out, "%s\n", field_heading(p, "due", when,
	    sizeof(when))) == -1)
		return -1;
	for (i = 0; i < due->n; i++) {
		const char *iso = node_str(due->kids[i]);
		ptime_t t;
		int off;

		render_time(iso, p->tz_off, when, sizeof(when));
		memset(&k, 0, sizeof(k));
		if ((c = rules_clock(r, due->keys[i])) != NULL)
			rules_clock_state(r, c, doc, &k);
		if (iso == NULL || ptime_parse(iso, p->tz_off, &t, &off) == -1)
			snprintf(span, sizeof(span), "(not a time)");
		else if (k.stopped)
			snprintf(span, sizeof(span), k.stop > t ? "done, late" :
			    "done");
		else if (k.paused)
			snprintf(span, sizeof(span), "paused");
		else if (now > t) {
			ptime_format_span(now - t, span + 11, sizeof(span) - 11);
			memcpy(span, "overdue by ", 11);
		} else {
			ptime_format_span(t - now, span + 7, sizeof(span) - 7);
			memcpy(span, "due in ", 7);
		}
		if (strbuf_addf(out, "  %-16s %s  %s\n", due->keys[i], when,
		    span) == -1)
			return -1;
	}
	return 0;
}

static int
render_complainant(struct strbuf *out, const struct node *doc,
    const struct policy *p, const struct workflow *wf)
{
	char head[160];
	const struct node *c = node_map_get(doc, "complainant");
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int rc;

	/* A work ticket has no complainant to be anonymous. */
	if ((c == NULL || c->type != NODE_MAP || c->n == 0) && wf != NULL &&
	    strcmp(wf->name, "complaint") != 0)
		return 0;
	if (c == NULL || c->type != NODE_MAP || c->n == 0)
		return line(out, field_heading(p, "complainant", head,
		    sizeof(head)), "anonymous");
	for (i = 0; i < c->n; i++)
		if (node_str(c->kids[i]) != NULL && (strbuf_addstr(&sb,
		    i ? ", " : "") == -1 || strbuf_addstr(&sb,
		    c->kids[i]->str) == -1)) {
			strbuf_release(&sb);
			return -1;
		}
	rc = line(out, field_heading(p, "complainant", head, sizeof(head)),
	    strbuf_str(&sb));
	strbuf_release(&sb);
	return rc;
}

/* The policy's own fields the record has, lists joined, by label. */
static int
render_fields(struct strbuf *out, const struct node *doc,
    const struct policy *p)
{
	struct strbuf label = STRBUF_INIT, val = STRBUF_INIT;
	size_t i, j;
	int rc = 0;

	for (i = 0; rc == 0 && i < p->nfields; i++) {
		const char *name = p->fields[i].name;
		const struct node *v = node_map_get(doc, name);
		const char *l = policy_field_label(p, name);

		if (v == NULL)
			continue;
		strbuf_reset(&label);
		strbuf_reset(&val);
		if (strbuf_addf(&label, "%s:", l != NULL ? l : name) == -1)
			rc = -1;
		if (v->type == NODE_SEQ)
			for (j = 0; rc == 0 && j < v->n; j++)
				rc = strbuf_addf(&val, "%s%s", j ? ", " : "",
				    node_str(v->kids[j]) ? v->kids[j]->str : "");
		else if (node_str(v) != NULL && p->fields[i].type == FIELD_TIME) {
			char when[40];

			render_time(v->str, p->tz_off, when, sizeof(when));
			rc = strbuf_addstr(&val, when);
		} else if (node_str(v) != NULL)
			rc = strbuf_addstr(&val, policy_value_label(p, name,
			    v->str));
		if (rc == 0 && val.len > 0)
			rc = line(out, strbuf_str(&label), strbuf_str(&val));
	}
	strbuf_release(&label);
	strbuf_release(&val);
	return rc;
}

/*
 * The times of the steps the workflow names (times:), as a ticket
 * prints them: 许可开工时间, 工作终结时间 …, the last event of each.
 */
static int
render_times(struct strbuf *out, const struct node *doc,
    const struct workflow *wf, int off)
{
	const struct node *h = node_map_get(doc, "history");
	char label[160], when[40];
	size_t i, j;

	for (i = 0; wf != NULL && i < wf->ntimes; i++) {
		const struct wf_action *a = workflow_action(wf, wf->times[i]);
		const struct node *last = NULL;

		for (j = 0; h != NULL && h->type == NODE_SEQ && j < h->n; j++)
			if (strcmp(str_or(h->kids[j], "action", ""),
			    wf->times[i]) == 0)
				last = h->kids[j];
		if (last == NULL)
			continue;
		snprintf(label, sizeof(label), "%s时间:", a != NULL &&
		    a->label != NULL ? a->label : wf->times[i]);
		render_time(str_or(last, "at", NULL), off, when, sizeof(when));
		if (line(out, label, when) == -1)
			return -1;
	}
	return 0;
}

/* A set event's fields, each "name: old → new", so a correction is seen. */
static int
render_changed(struct strbuf *out, const struct node *fields)
{
	size_t i;

	if (fields == NULL || fields->type != NODE_MAP)
		return 0;
	for (i = 0; i < fields->n; i++)
		if (strbuf_addf(out, "  %s: %s → %s", fields->keys[i],
		    str_or(fields->kids[i], "old", "-"),
		    str_or(fields->kids[i], "new", "-")) == -1)
			return -1;
	return 0;
}

static int
render_event(struct strbuf *out, const struct node *ev, int off)
{
	static const char *const details[] = { "to", "level", "clock",
		"until", "approved_by", "satisfaction", "notice", "round",
		"result", "note", NULL };
	char when[40];
	size_t i;

	render_time(str_or(ev, "at", ""), off, when, sizeof(when));
	if (strbuf_addf(out, "  %3s  %s  %s  %s", str_or(ev, "n", "?"), when,
	    str_or(ev, "by", "?"), str_or(ev, "action", "?")) == -1 ||
	    render_changed(out, node_map_get(ev, "fields")) == -1)
		return -1;
	for (i = 0; details[i] != NULL; i++) {
		const char *v = str_or(ev, details[i], NULL);

		if (v != NULL && strbuf_addf(out, "  %s: %s", details[i],
		    v) == -1)
			return -1;
	}
	return strbuf_addch(out, '\n');
}

/* What may be done with the record now, by its workflow. */
static int
render_actions(struct strbuf *out, const struct node *doc,
    const struct policy *p)
{
	char buf[600];
	int n = workflow_open_text(policy_record_workflow(p, doc),
	    complaint_status(doc), buf, sizeof(buf));

	if (n == -1)
		return -1;
	return line(out, "Actions:", n > 0 ? buf : "none (final)");
}

/* s and spaces to width columns (at least one), by display width. */
static int
padded(struct strbuf *out, const char *s, size_t width)
{
	size_t w = utf8_width(s);

	if (strbuf_addstr(out, s) == -1)
		return -1;
	do
		if (strbuf_addch(out, ' ') == -1)
			return -1;
	while (++w < width + 1);
	return 0;
}

/* The fines and sanctions recorded: person, rule, amount or sanction. */
static int
render_penalties(struct strbuf *out, const struct policy *p,
    const struct node *doc)
{
	const struct node *l = node_map_get(doc, "penalties");
	char head[160];
	size_t i;

	if (l == NULL || l->type != NODE_SEQ || l->n == 0)
		return 0;
	if (strbuf_addf(out, "%s\n", field_heading(p, "penalties", head,
	    sizeof(head))) == -1)
		return -1;
	for (i = 0; i < l->n; i++) {
		const struct node *f = l->kids[i];
		const char *sanction = str_or(f, "sanction", NULL);
		const char *also = str_or(f, "also", NULL);

		if (strbuf_addstr(out, "  ") == -1 ||
		    padded(out, str_or(f, "person", "?"), 12) == -1 ||
		    padded(out, str_or(f, "rule", "?"), 24) == -1 ||
		    (sanction != NULL ? strbuf_addstr(out, sanction) :
		    strbuf_addf(out, "%s 元", str_or(f, "amount", "?"))) == -1 ||
		    (also != NULL && strbuf_addf(out, ", %s", also) == -1) ||
		    strbuf_addf(out, "  round %s\n", str_or(f, "round", "1")) ==
		    -1)
			return -1;
	}
	return 0;
}

/*
 * What is owed to people outside: the departments still to inform
 * (informs:), and the written notice a rule wants before close.
 */
static int
render_owed(struct strbuf *out, const struct policy *p,
    const struct rules *r, const struct node *doc)
{
	struct strbuf sb = STRBUF_INIT;
	const struct notice_rule *nr;
	size_t i;
	int rc = 0;

	if (r == NULL)
		return 0;
	/* Owed as remind lists them: informs whatever the state. */
	for (i = 0; rc == 0 && i < r->ninforms; i++)
		if (rules_inform(r, i, doc, NULL) == INFORM_OWED)
			rc = strbuf_addf(&sb, "%sinform %s (%s)",
			    sb.len ? ", " : "", policy_value_label(p, "department",
			    r->informs[i].to), r->informs[i].id);
	if (rc == 0 && !workflow_is_final(policy_record_workflow(p, doc),
	    complaint_status(doc)) && (nr = rules_notice_owed(r, doc)) != NULL)
		rc = strbuf_addf(&sb, "%swritten notice before close (%s)",
		    sb.len ? ", " : "", nr->id);
	if (rc == 0 && sb.len > 0)
		rc = line(out, "Owed:", strbuf_str(&sb));
	strbuf_release(&sb);
	return rc;
}

/* The record's level as "0 (受理部门), round 1". */
static void
level_text(const struct node *doc, const struct policy *p, char *buf,
    size_t size)
{
	long long lv = complaint_level(doc);

	snprintf(buf, size, "%lld (%s), round %s", lv,
	    lv >= 0 && (size_t)lv < p->nlevels ? p->levels[lv].name : "?",
	    str_or(doc, "round", "1"));
}

static int
render_resolution(struct strbuf *out, const struct node *doc,
    const struct policy *p)
{
	char res[400], who[200], head[160];

	if (node_map_get(doc, "resolution") == NULL)
		return 0;
	names_text(node_path_get(doc, "resolution.responsible"), who,
	    sizeof(who));
	snprintf(res, sizeof(res), "%s (valid: %s, cause: %s, "
	    "responsible: %s)", str_or(doc, "resolution.result", ""),
	    str_or(doc, "resolution.valid", "-"), policy_value_label(p,
	    "resolution.cause", str_or(doc, "resolution.cause", "-")), who);
	return line(out, field_heading(p, "resolution", head, sizeof(head)),
	    res);
}

int
render_text(struct strbuf *out, const struct node *doc,
    const struct policy *p, const struct rules *r, ptime_t now,
    const char *children)
{
	const struct node *h = node_map_get(doc, "history");
	const struct workflow *wf = policy_record_workflow(p, doc);
	char when[40], level[160], res[300], head[160];
	size_t i;

	render_time(str_or(doc, "received", NULL), p->tz_off, when,
	    sizeof(when));
	level_text(doc, p, level, sizeof(level));
	if (strbuf_addf(out, "%s  %s  %s\n", str_or(doc, "id", "?"),
	    policy_value_label(p, "kind", str_or(doc, "kind", "?")),
	    status_label(p, doc)) == -1 ||
	    field_line(out, p, "subject", str_or(doc, "subject", "")) == -1 ||
	    field_line(out, p, "received", when) == -1 ||
	    field_line(out, p, "received_by", str_or(doc, "received_by",
	    NULL)) == -1 ||
	    field_line(out, p, "channel", str_or(doc, "channel", NULL)) == -1 ||
	    field_line(out, p, "category", str_or(doc, "category", NULL)) ==
	    -1 ||
	    field_line(out, p, "severity", str_or(doc, "severity", NULL)) ==
	    -1 ||
	    field_line(out, p, "department", str_or(doc, "department",
	    NULL)) == -1 ||
	    field_line(out, p, "assignee", str_or(doc, "assignee", NULL)) ==
	    -1 ||
	    line(out, field_heading(p, "level", head, sizeof(head)), level) ==
	    -1 ||
	    (wf != NULL && wf->number.field != NULL && line(out,
	    policy_field_label(p, wf->number.field) != NULL ? field_heading(p,
	    wf->number.field, head, sizeof(head)) : "Number:", str_or(doc,
	    wf->number.field, NULL)) == -1) ||
	    render_complainant(out, doc, p, wf) == -1 ||
	    field_line(out, p, "source_ref", str_or(doc, "source_ref",
	    NULL)) == -1 ||
	    field_line(out, p, "description", str_or(doc, "description",
	    NULL)) == -1 ||
	    render_fields(out, doc, p) == -1 ||
	    render_times(out, doc, wf, p->tz_off) == -1 ||
	    render_due(out, doc, p, r, now) == -1)
		return -1;
	if (rules_open_pause(doc) != NULL) {
		render_time(str_or(rules_open_pause(doc), "at", NULL), p->tz_off,
		    when, sizeof(when));
		snprintf(res, sizeof(res), "since %s: %s", when,
		    str_or(rules_open_pause(doc), "note", ""));
		if (line(out, "Paused:", res) == -1)
			return -1;
	}
	if (render_resolution(out, doc, p) == -1 ||
	    field_line(out, p, "satisfaction", str_or(doc, "satisfaction",
	    NULL)) == -1 ||
	    field_line(out, p, "notice", policy_value_label(p, "notice.by",
	    str_or(doc, "notice.by", NULL))) == -1 ||
	    render_penalties(out, p, doc) == -1 ||
	    render_owed(out, p, r, doc) == -1)
		return -1;
	if (field_line(out, p, "parent", str_or(doc, "parent", NULL)) == -1 ||
	    line(out, "Children:", children) == -1 ||
	    render_actions(out, doc, p) == -1)
		return -1;
	if (h == NULL || h->type != NODE_SEQ)
		return 0;
	if (strbuf_addf(out, "%s\n", field_heading(p, "history", head,
	    sizeof(head))) == -1)
		return -1;
	for (i = 0; i < h->n; i++)
		if (render_event(out, h->kids[i], p->tz_off) == -1)
			return -1;
	return 0;
}

void
render_list_row(const struct node *doc, const struct policy *p, int labels,
    const char *cells[RENDER_LIST_COLS], char *buf, size_t size)
{
	render_time(str_or(doc, "received", NULL), p->tz_off, buf, size);
	cells[0] = str_or(doc, "id", "?");
	cells[1] = str_or(doc, "status", "?");
	cells[2] = str_or(doc, "kind", "?");
	if (labels) {
		cells[1] = status_label(p, doc);
		cells[2] = policy_value_label(p, "kind", cells[2]);
	}
	cells[3] = buf;
	cells[4] = str_or(doc, "assignee", "-");
	cells[5] = str_or(doc, "subject", "");
}
