/*
 * plaint remind: for cron.  What is overdue and what falls due within
 * the window, per assignee, and the written notices still owed; -e
 * escalates what the policy's auto_escalate names and records the fines
 * owed, once per clock and round, so that a second run changes nothing.
 *
 * Memory: the complaints are streamed; only the reminder items (one
 * copy of each assignee's name, the subject, and with -e the ids of
 * overdue complaints) are kept, so memory grows with what is due, not
 * with the tree, and the lines are written as they are formatted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/action.h"
#include "../lib/array.h"
#include "../lib/export.h"
#include "../lib/filter.h"
#include "../lib/report.h"
#include "../lib/strset.h"
#include "../lib/table.h"
#include "../lib/workflow.h"
#include "plaint.h"

static const char synopsis[] = "plaint remind [-w window] [-e] [filter ...]";

/* INFORM: a department to inform (informs:); due when the rule gives one. */
enum item_kind { OVERDUE, SOON, NOTICE, INFORM };

struct item {
	const char *assignee;	/* in names; NULL: unassigned */
	char *subject;
	char id[STORE_ID_BUFSZ];
	const char *what;	/* a clock's name (rules') or a notice rule id */
	enum item_kind kind;
	ptime_t due;
};

struct remind_state {
	struct ctx *c;
	struct filter_set filters;
	ptime_t limit;
	int escalate;
	struct item *items;
	size_t nitems, cap;
	struct strset names;	/* the assignees items point to */
	struct complaint_id *todo;	/* overdue: candidates for -e */
	size_t ntodo, todocap;
};

static int
add_item(struct remind_state *rs, const struct node *doc, const char *idstr,
    enum item_kind kind, const char *what, ptime_t due)
{
	const struct workflow *wf = policy_record_workflow(
	    &rs->c->store.policy, doc);
	/* Who has it: a complaint's assignee, a ticket's leader. */
	const char *a = node_str(node_map_get(doc, wf != NULL ? wf->owner :
	    "assignee"));
	const char *s = node_str(node_map_get(doc, "subject"));
	struct strbuf masked = STRBUF_INIT;
	struct item *it;
	struct perr e;

	if (ARRAY_GROW(rs->items, rs->nitems, rs->cap) == -1)
		return -1;
	it = &rs->items[rs->nitems];
	memset(it, 0, sizeof(*it));
	/* Cron mails what remind prints: no phone or name in a subject. */
	perr_clear(&e);
	if ((a != NULL && *a != '\0' &&
	    (it->assignee = strset_intern(&rs->names, a)) == NULL) ||
	    export_mask_text(doc, s != NULL ? s : "", &masked, &e) == -1 ||
	    (it->subject = strbuf_detach(&masked)) == NULL) {
		strbuf_release(&masked);
		return -1;
	}
	snprintf(it->id, sizeof(it->id), "%s", idstr);
	it->kind = kind;
	it->what = what;
	it->due = due;
	rs->nitems++;
	return 0;
}

static int
add_todo(struct remind_state *rs, const struct complaint_id *id)
{
	if (ARRAY_GROW(rs->todo, rs->ntodo, rs->todocap) == -1)
		return -1;
	rs->todo[rs->ntodo++] = *id;
	return 0;
}

/* The departments still to inform: owed whatever the window, as notices. */
static int
informs_owed(struct remind_state *rs, const struct node *doc,
    const char *idstr)
{
	struct rules *r = &rs->c->rules;
	ptime_t since, due;
	size_t i;

	for (i = 0; i < r->ninforms; i++) {
		if (rules_inform(r, i, doc, &since) != INFORM_OWED)
			continue;
		due = 0;
		if (r->informs[i].has_within && rules_add(r, since,
		    &r->informs[i].within, &due) == -1)
			due = 0;
		if (add_item(rs, doc, idstr, INFORM, r->informs[i].to, due) ==
		    -1)
			return -1;
	}
	return 0;
}

static int
visit(void *arg, const char *path, const struct complaint_id *id,
    const struct node *doc, const struct perr *bad, struct perr *e)
{
	struct remind_state *rs = arg;
	const struct rules *r = &rs->c->rules;
	const struct notice_rule *nr;
	char idstr[STORE_ID_BUFSZ];
	const char *status;
	int overdue = 0;
	size_t i;

	(void)path;
	if (doc == NULL) {
		warn(rs->c, bad);
		return 0;
	}
	if (!filter_match(&rs->filters, doc))
		return 0;
	complaint_id_format(id, idstr);
	for (i = 0; i < r->nclocks; i++) {
		struct rules_clock k;

		rules_clock_state(r, &r->clocks[i], doc, &k);
		if (!k.started || k.stopped || !k.has_due || k.paused)
			continue;
		if (rs->c->now > k.due) {
			overdue = 1;
			if (add_item(rs, doc, idstr, OVERDUE, r->clocks[i].name,
			    k.due) == -1)
				return perr_nomem(e);
		} else if (k.due <= rs->limit && add_item(rs, doc, idstr, SOON,
		    r->clocks[i].name, k.due) == -1)
			return perr_nomem(e);
	}
	status = complaint_status(doc);
	if (status != NULL && strcmp(status, "resolved") == 0 &&
	    (nr = rules_notice_owed(r, doc)) != NULL &&
	    add_item(rs, doc, idstr, NOTICE, nr->id, 0) == -1)
		return perr_nomem(e);
	if (informs_owed(rs, doc, idstr) == -1)
		return perr_nomem(e);
	if (overdue && rs->escalate && add_todo(rs, id) == -1)
		return perr_nomem(e);
	return 0;
}

static int
cmp_item(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;
	int c;

	/* Assignees by name, the unassigned last. */
	if (a->assignee == NULL || b->assignee == NULL) {
		if ((c = (a->assignee == NULL) - (b->assignee == NULL)) != 0)
			return c;
	} else if ((c = strcmp(a->assignee, b->assignee)) != 0)
		return c;
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	return strcmp(a->what, b->what);
}

static int
same_assignee(const struct item *a, const struct item *b)
{
	if (a->assignee == NULL || b->assignee == NULL)
		return a->assignee == b->assignee;
	return strcmp(a->assignee, b->assignee) == 0;
}

/* The cells of one line; due and state are the caller's buffers. */
static void
item_cells(const struct remind_state *rs, const struct item *it,
    const char **cells, char *due, size_t duesz, char *state, size_t statesz)
{
	struct civil cv;

	due[0] = '\0';
	if (it->kind != NOTICE && it->due != 0) {
		ptime_to_civil(it->due, rs->c->store.policy.tz_off, &cv);
		snprintf(due, duesz, "%04d-%02d-%02d %02d:%02d", cv.year,
		    cv.month, cv.day, cv.hour, cv.min);
	}
	if (it->kind == OVERDUE) {
		snprintf(state, statesz, "overdue by ");
		ptime_format_span(rs->c->now - it->due, state + 11,
		    statesz - 11);
	} else if (it->kind == SOON) {
		snprintf(state, statesz, "due in ");
		ptime_format_span(it->due - rs->c->now, state + 7, statesz - 7);
	} else if (it->kind == INFORM && it->due != 0 &&
	    rs->c->now > it->due) {
		snprintf(state, statesz, "inform overdue by ");
		ptime_format_span(rs->c->now - it->due, state + 18,
		    statesz - 18);
	} else
		snprintf(state, statesz, it->kind == INFORM ? "inform owed" :
		    "notice owed");
	cells[0] = it->id;
	/* A department to inform, by its label. */
	cells[1] = it->kind == INFORM ? policy_value_label(
	    &rs->c->store.policy, "department", it->what) : it->what;
	cells[2] = *due == '\0' ? "-" : due;
	cells[3] = state;
	cells[4] = it->subject;
}

static int
group_header(const struct remind_state *rs, size_t i, size_t j,
    const char *window, struct strbuf *out)
{
	long n[4] = { 0, 0, 0, 0 };
	size_t k;

	for (k = i; k < j; k++)
		n[rs->items[k].kind]++;
	if (strbuf_addf(out, "%s%s:", i ? "\n" : "",
	    rs->items[i].assignee != NULL ? rs->items[i].assignee :
	    "(unassigned)") == -1 ||
	    (n[OVERDUE] && strbuf_addf(out, " %ld overdue", n[OVERDUE]) == -1) ||
	    (n[SOON] && strbuf_addf(out, "%s %ld due within %s",
	    n[OVERDUE] ? "," : "", n[SOON], window) == -1) ||
	    (n[NOTICE] && strbuf_addf(out, "%s %ld notice%s owed",
	    n[OVERDUE] + n[SOON] ? "," : "", n[NOTICE],
	    n[NOTICE] > 1 ? "s" : "") == -1) ||
	    (n[INFORM] && strbuf_addf(out, "%s %ld to inform",
	    n[OVERDUE] + n[SOON] + n[NOTICE] ? "," : "", n[INFORM]) == -1))
		return -1;
	return strbuf_addch(out, '\n');
}

/*
 * One aligned table across all assignees, in groups: measured first,
 * then written to stdout a screenful at a time, never held whole.
 */
static int
print_items(struct remind_state *rs, const char *window)
{
	struct strbuf out = STRBUF_INIT;
	struct table_layout l;
	const char *cells[5];
	char due[40], state[64];
	size_t i, j;
	int rc = -1;

	table_layout_init(&l, 5);
	for (i = 0; i < rs->nitems; i++) {
		item_cells(rs, &rs->items[i], cells, due, sizeof(due), state,
		    sizeof(state));
		if (table_layout_measure(&l, cells) == -1)
			goto done;
	}
	for (i = 0; i < rs->nitems; i = j) {
		for (j = i; j < rs->nitems && same_assignee(&rs->items[i],
		    &rs->items[j]); j++)
			;
		if (group_header(rs, i, j, window, &out) == -1)
			goto done;
		for (; i < j; i++) {
			item_cells(rs, &rs->items[i], cells, due, sizeof(due),
			    state, sizeof(state));
			if (strbuf_addstr(&out, "  ") == -1 ||
			    table_layout_row(&l, cells, &out) == -1)
				goto done;
			if (out.len >= 64 * 1024) {
				fwrite(out.buf, 1, out.len, stdout);
				strbuf_reset(&out);
			}
		}
	}
	fwrite(out.buf, 1, out.len, stdout);
	rc = 0;
done:
	table_layout_release(&l);
	strbuf_release(&out);
	return rc;
}

/* -e for one overdue complaint, under the writer lock: say what it did. */
static int
act(struct ctx *c, const struct complaint_id *id, struct strbuf *out,
    struct perr *e)
{
	struct change_env env = ctx_env(c);
	struct change_overdue od;
	char idstr[STORE_ID_BUFSZ];
	size_t i;
	int rc = 0;

	if (change_overdue(&env, id, &od, e) == -1)
		return -1;
	warn_incomplete(c);
	complaint_id_format(id, idstr);
	if (od.clock != NULL && strbuf_addf(out, "escalated %s to level %lld "
	    "(%s): %s overdue\n", idstr, od.level, od.level_name, od.clock) ==
	    -1)
		rc = perr_nomem(e);
	for (i = 0; rc == 0 && od.fined != NULL && i < od.fined->n; i++) {
		const struct node *p = od.fined->kids[i];
		const char *rule = node_str(node_map_get(p, "rule"));
		const char *who = node_str(node_map_get(p, "person"));
		const char *what = node_str(node_map_get(p, "sanction"));
		long long amount = 0;

		node_int(node_map_get(p, "amount"), &amount);
		if ((what != NULL ? strbuf_addf(out, "sanctioned %s: %s (%s) "
		    "on %s\n", who != NULL ? who : "", what, rule != NULL ?
		    rule : "", idstr) : strbuf_addf(out, "fined %s %lld (%s) "
		    "on %s\n", who != NULL ? who : "", amount, rule != NULL ?
		    rule : "", idstr)) == -1)
			rc = perr_nomem(e);
	}
	node_free(od.fined);
	return rc;
}

int
cmd_remind(struct ctx *c, int argc, char **argv)
{
	struct remind_state rs;
	struct strbuf done = STRBUF_INIT;
	struct duration d;
	struct args a;
	struct perr e;
	const char *window = "24h";
	char **ops = NULL;
	int ch, rc, nops = 0, i;
	size_t k;

	memset(&rs, 0, sizeof(rs));
	perr_clear(&e);
	rs.c = c;
	args_init(&a, argc, argv, "+:hew:");
	if ((ops = calloc((size_t)argc + 1, sizeof(*ops))) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'w')
			window = a.arg;
		else if (ch == 'e')
			rs.escalate = 1;
		else if (ch == 0)
			ops[nops++] = (char *)a.arg;
		else {
			free(ops);
			return ch == 'h' ? usage(c, synopsis, ch) :
			    bad_option(c, synopsis, &a);
		}
	}
	if (ptime_parse_duration(window, &d) == -1) {
		free(ops);
		return fail(c, PLAINT_USAGE, "-w: \"%.20s\" is not a duration "
		    "(30m, 24h, 2d, 1w, 3wd, 8bh, 1mo)", window);
	}
	/* Escalating and fining are changes: they take the writer lock. */
	if (rs.escalate)
		c->flags |= WRITES;
	if ((rc = setup(c)) != 0) {
		free(ops);
		return rc;
	}
	filter_init(&rs.filters, &c->store.policy, &c->rules, c->now);
	if (d.unit == DUR_WORKDAY || d.unit == DUR_BHOUR) {
		if (rules_add(&c->rules, c->now, &d, &rs.limit) == -1) {
			perr_set(&e, PLAINT_USAGE, "-w: %s: the policy sets no "
			    "business hours", window);
			goto done;
		}
	} else
		rs.limit = ptime_add(c->now, &d, c->rules.off);
	for (i = 0; i < nops; i++)
		if (filter_parse(&rs.filters, ops[i], &e) == -1)
			goto done;
	if (store_scan(&c->store, visit, &rs, &e) == -1)
		goto done;
	for (k = 0; k < rs.ntodo; k++) {
		struct perr why;

		perr_clear(&why);
		if (act(c, &rs.todo[k], &done, &why) == -1) {
			if (why.code == PLAINT_OSERR || why.code ==
			    PLAINT_IOERR || why.code == PLAINT_CANTCREAT) {
				e = why;
				goto done;
			}
			warn(c, &why);
		}
	}
	if (rs.nitems == 0) {
		/* A person is told; cron, a pipe or a file stay empty. */
		if (!c->quiet && isatty(STDOUT_FILENO))
			printf("nothing overdue or due within %s\n", window);
	} else {
		qsort(rs.items, rs.nitems, sizeof(*rs.items), cmp_item);
		if (print_items(&rs, window) == -1) {
			perr_nomem(&e);
			goto done;
		}
	}
	if (done.len > 0) {
		putchar('\n');
		fwrite(done.buf, 1, done.len, stdout);
	}
done:
	free(ops);
	for (k = 0; k < rs.nitems; k++)
		free(rs.items[k].subject);
	free(rs.items);
	free(rs.todo);
	strset_release(&rs.names);
	filter_release(&rs.filters);
	strbuf_release(&done);
	return e.code ? report(c, &e) : PLAINT_OK;
}
