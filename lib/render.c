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
	if (strbuf_addstr(out, "Deadlines:\n") == -1)
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
    const struct workflow *wf)
{
	const struct node *c = node_map_get(doc, "complainant");
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int rc;

	/* A work ticket has no complainant to be anonymous. */
	if ((c == NULL || c->type != NODE_MAP || c->n == 0) && wf != NULL &&
	    strcmp(wf->name, "complaint") != 0)
		return 0;
	if (c == NULL || c->type != NODE_MAP || c->n == 0)
		return line(out, "Complainant:", "anonymous");
	for (i = 0; i < c->n; i++)
		if (node_str(c->kids[i]) != NULL && (strbuf_addstr(&sb,
		    i ? ", " : "") == -1 || strbuf_addstr(&sb,
		    c->kids[i]->str) == -1)) {
			strbuf_release(&sb);
			return -1;
		}
	rc = line(out, "Complainant:", strbuf_str(&sb));
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
		const char *l = node_str(node_map_get(node_map_get(
		    node_map_get(p->root, "fields"), name), "label"));

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
			rc = strbuf_addstr(&val, v->str);
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
	    str_or(ev, "by", "?"), str_or(ev, "action", "?")) == -1)
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

int
render_text(struct strbuf *out, const struct node *doc,
    const struct policy *p, const struct rules *r, ptime_t now,
    const char *children)
{
	const struct node *h = node_map_get(doc, "history");
	const struct workflow *wf = policy_record_workflow(p, doc);
	char received[160], when[40], level[160], res[300], who[200];
	long long lv = complaint_level(doc);
	size_t i;

	render_time(str_or(doc, "received", NULL), p->tz_off, when,
	    sizeof(when));
	snprintf(received, sizeof(received), "%s by %s via %s", when,
	    str_or(doc, "received_by", "?"), str_or(doc, "channel", "?"));
	snprintf(level, sizeof(level), "%lld (%s), round %s", lv,
	    lv >= 0 && (size_t)lv < p->nlevels ? p->levels[lv].name : "?",
	    str_or(doc, "round", "1"));
	if (strbuf_addf(out, "%s  %s  %s\n", str_or(doc, "id", "?"),
	    str_or(doc, "kind", "?"), str_or(doc, "status", "?")) == -1 ||
	    line(out, "Subject:", str_or(doc, "subject", "")) == -1 ||
	    line(out, "Received:", received) == -1 ||
	    line(out, "Category:", str_or(doc, "category", NULL)) == -1 ||
	    line(out, "Severity:", str_or(doc, "severity", NULL)) == -1 ||
	    line(out, "Department:", str_or(doc, "department", NULL)) == -1 ||
	    line(out, "Assignee:", str_or(doc, "assignee", NULL)) == -1 ||
	    line(out, "Level:", level) == -1 ||
	    (wf != NULL && wf->number.field != NULL && line(out, "Number:",
	    str_or(doc, wf->number.field, NULL)) == -1) ||
	    render_complainant(out, doc, wf) == -1 ||
	    line(out, "Source:", str_or(doc, "source_ref", NULL)) == -1 ||
	    line(out, "Description:", str_or(doc, "description", NULL)) == -1 ||
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
	if (node_map_get(doc, "resolution") != NULL) {
		names_text(node_path_get(doc, "resolution.responsible"), who,
		    sizeof(who));
		snprintf(res, sizeof(res), "%s (valid: %s, cause: %s, "
		    "responsible: %s)", str_or(doc, "resolution.result", ""),
		    str_or(doc, "resolution.valid", "-"),
		    str_or(doc, "resolution.cause", "-"), who);
		if (line(out, "Resolution:", res) == -1)
			return -1;
	}
	if (line(out, "Satisfaction:", str_or(doc, "satisfaction", NULL)) ==
	    -1 || line(out, "Notice:", str_or(doc, "notice.by", NULL)) == -1)
		return -1;
	if (line(out, "Parent:", str_or(doc, "parent", NULL)) == -1 ||
	    line(out, "Children:", children) == -1 ||
	    render_actions(out, doc, p) == -1)
		return -1;
	if (h == NULL || h->type != NODE_SEQ)
		return 0;
	if (strbuf_addstr(out, "History:\n") == -1)
		return -1;
	for (i = 0; i < h->n; i++)
		if (render_event(out, h->kids[i], p->tz_off) == -1)
			return -1;
	return 0;
}

void
render_list_row(const struct node *doc, const struct policy *p,
    const char *cells[RENDER_LIST_COLS], char *buf, size_t size)
{
	render_time(str_or(doc, "received", NULL), p->tz_off, buf, size);
	cells[0] = str_or(doc, "id", "?");
	cells[1] = str_or(doc, "status", "?");
	cells[2] = str_or(doc, "kind", "?");
	cells[3] = buf;
	cells[4] = str_or(doc, "assignee", "-");
	cells[5] = str_or(doc, "subject", "");
}
