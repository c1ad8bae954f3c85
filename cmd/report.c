/*
 * plaint report: counts, deadlines met, times and fines over a period,
 * per group, for people (table), for spreadsheets (csv) and for other
 * programs (json).  Complaints are streamed: only per-group counters are
 * kept (lib/report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/csv.h"
#include "../lib/filter.h"
#include "../lib/json.h"
#include "../lib/report.h"
#include "../lib/table.h"
#include "plaint.h"

static const char synopsis[] =
    "plaint report [-f table|csv|json] [-B] [-b field[,field]] "
    "[-o file] [-t table] [filter ...]";

enum format { F_TABLE, F_CSV, F_JSON };

struct report_state {
	struct ctx *c;
	struct filter_set filters;
	struct report rp;
	enum format format;
	int bom;
	const struct csv_table *table;	/* -t; NULL: all of them */
	const char **kinds, **statuses;	/* the columns */
	size_t nkinds, nstatuses;
	struct strbuf out;
};

static int
visit(void *arg, const char *path, const struct complaint_id *id,
    const struct node *doc, const struct perr *bad, struct perr *e)
{
	struct report_state *rs = arg;

	(void)path;
	(void)id;
	if (doc == NULL) {
		warn(rs->c, bad);
		return 0;
	}
	if (!filter_match(&rs->filters, doc))
		return 0;
	return report_add(&rs->rp, doc, e);
}

/* The policy's values first, then those only the complaints hold. */
static int
columns(const char ***out, size_t *n, const char *const *listed,
    size_t nlisted, const struct report_tally *seen, size_t nseen)
{
	const char **v;
	size_t i, j;

	if ((v = calloc(nlisted + nseen + 1, sizeof(*v))) == NULL)
		return -1;
	*out = v;
	*n = 0;
	for (i = 0; i < nlisted; i++)
		v[(*n)++] = listed[i];
	for (i = 0; i < nseen; i++) {
		for (j = 0; j < nlisted; j++)
			if (strcmp(listed[j], seen[i].name) == 0)
				break;
		if (j == nlisted)
			v[(*n)++] = seen[i].name;
	}
	return 0;
}

/* Cells */

static const char *
key_cell(const struct report_group *g, size_t level)
{
	if ((int)level >= g->depth)
		return "(all)";
	return g->key[level] != NULL ? g->key[level] : "(none)";
}

static void
pct_cell(char *buf, size_t size, long on, long late)
{
	long tot = on + late, pm;

	if (tot == 0) {
		snprintf(buf, size, "-");
		return;
	}
	pm = (on * 1000 + tot / 2) / tot;
	snprintf(buf, size, "%ld.%ld%%", pm / 10, pm % 10);
}

static void
span_cell(char *buf, size_t size, long long secs)
{
	if (secs < 0)
		snprintf(buf, size, "-");
	else
		ptime_format_span(secs, buf, size);
}

/* The groups in output order: each group, then everything. */
static const struct report_group *
nth_group(const struct report *rp, size_t i)
{
	return i < rp->ngroups ? rp->groups[i] : &rp->all;
}

/* Table */

#define NCELLS(a) (sizeof(a) / sizeof((a)[0]))

struct cells {
	const char *v[TABLE_MAX_COLS];
	char buf[TABLE_MAX_COLS][48];
	size_t n;
};

static void
cells_keys(struct cells *cl, const struct report *rp,
    const struct report_group *g)
{
	size_t i;

	cl->n = 0;
	/* For people, a value by its label (抄表、电费 for billing). */
	for (i = 0; i < rp->nby; i++)
		cl->v[cl->n++] = (int)i < g->depth && g->key[i] != NULL ?
		    policy_value_label(rp->policy, rp->by[i], g->key[i]) :
		    key_cell(g, i);
}

static void
cells_num(struct cells *cl, long long v)
{
	snprintf(cl->buf[cl->n], sizeof(cl->buf[0]), "%lld", v);
	cl->v[cl->n] = cl->buf[cl->n];
	cl->n++;
}

static void
header_keys(struct cells *cl, const struct report *rp)
{
	size_t i, j;

	cl->n = 0;
	for (i = 0; i < rp->nby; i++) {
		for (j = 0; rp->by[i][j] != '\0' && j + 1 <
		    sizeof(cl->buf[0]); j++)
			cl->buf[cl->n][j] = (char)(rp->by[i][j] >= 'a' &&
			    rp->by[i][j] <= 'z' ? rp->by[i][j] - 32 :
			    rp->by[i][j]);
		cl->buf[cl->n][j] = '\0';
		cl->v[cl->n] = cl->buf[cl->n];
		cl->n++;
	}
}

/* A section's table, its header row the group keys and then names. */
static int
table_start(struct table *t, struct cells *cl, const struct report *rp,
    const char *const *names, size_t n)
{
	size_t k;

	table_init(t, rp->nby + n);
	header_keys(cl, rp);
	for (k = 0; k < n; k++)
		cl->v[cl->n++] = names[k];
	return table_add(t, cl->v);
}

static void
cells_pct(struct cells *cl, long on, long late)
{
	pct_cell(cl->buf[cl->n], sizeof(cl->buf[0]), on, late);
	cl->v[cl->n] = cl->buf[cl->n];
	cl->n++;
}

static void
cells_span(struct cells *cl, long long secs)
{
	span_cell(cl->buf[cl->n], sizeof(cl->buf[0]), secs);
	cl->v[cl->n] = cl->buf[cl->n];
	cl->n++;
}

static int
flush_table(struct report_state *rs, struct table *t)
{
	int rc = 0;

	if (t->nrows > 1)
		rc = strbuf_addch(&rs->out, '\n') == -1 ||
		    table_render(t, &rs->out) == -1 ? -1 : 0;
	table_release(t);
	return rc;
}

/* A section with one column per name, split to fit a table's columns. */
static int
matrix(struct report_state *rs, const char **names, size_t n, int statuses)
{
	const struct report *rp = &rs->rp;
	size_t per = TABLE_MAX_COLS - rp->nby, at, i, k;
	struct table t;
	struct cells cl;

	for (at = 0; at < n; at += per) {
		size_t m = n - at < per ? n - at : per;
		const char *heads[TABLE_MAX_COLS];

		/* The columns are values too: headed by their labels. */
		for (k = 0; k < m; k++)
			heads[k] = policy_value_label(rp->policy, statuses ?
			    "status" : "kind", names[at + k]);
		if (table_start(&t, &cl, rp, heads, m) == -1)
			goto nomem;
		for (i = 0; i <= rp->ngroups; i++) {
			const struct report_group *g = nth_group(rp, i);

			cells_keys(&cl, rp, g);
			for (k = 0; k < m; k++)
				cells_num(&cl, statuses ?
				    report_tally_get(g->statuses, g->nstatuses,
				    names[at + k]) : report_tally_get(g->kinds,
				    g->nkinds, names[at + k]));
			if (table_add(&t, cl.v) == -1)
				goto nomem;
		}
		if (flush_table(rs, &t) == -1)
			return -1;
	}
	return 0;
nomem:
	table_release(&t);
	return -1;
}

static int
out_table(struct report_state *rs)
{
	const struct report *rp = &rs->rp;
	const struct rules *r = rp->rules;
	static const char *const summary[] = { "TOTAL", "OPEN", "OVERDUE",
		"INVALID", "UNSATISFIED", "FINES", "AMOUNT" };
	static const char *const clockh[] = { "CLOCK", "ON TIME", "LATE",
		"MET", "MEDIAN", "P90" };
	static const char *const fineh[] = { "PERSON", "RULE", "COUNT",
		"AMOUNT" };
	static const char *const sanctionh[] = { "PERSON", "RULE",
		"SANCTION", "COUNT" };
	static const char *const informh[] = { "INFORM", "TO", "DONE",
		"OWED" };
	char period[80];
	struct table t;
	struct cells cl;
	size_t i, j;

	report_period_text(rp, period, sizeof(period));
	if (strbuf_addf(&rs->out, "period: %s\nComplaints%s%s%s%s: %ld\n",
	    period, rp->nby ? " by " : "", rp->nby ? rp->by[0] : "",
	    rp->nby > 1 ? " and " : "", rp->nby > 1 ? rp->by[1] : "",
	    rp->all.total) == -1)
		return -1;
	if (rp->all.total == 0)
		return 0;

	if (table_start(&t, &cl, rp, summary, NCELLS(summary)) == -1)
		goto nomem;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		cells_keys(&cl, rp, g);
		cells_num(&cl, g->total);
		cells_num(&cl, g->open);
		cells_num(&cl, g->overdue);
		cells_num(&cl, g->invalid);
		cells_num(&cl, g->unsatisfied);
		cells_num(&cl, g->fines_n);
		cells_num(&cl, g->fines_amount);
		if (table_add(&t, cl.v) == -1)
			goto nomem;
	}
	if (flush_table(rs, &t) == -1 ||
	    matrix(rs, rs->kinds, rs->nkinds, 0) == -1 ||
	    matrix(rs, rs->statuses, rs->nstatuses, 1) == -1)
		return -1;

	/* Deadlines: one row per group and clock that has figures. */
	if (table_start(&t, &cl, rp, clockh, NCELLS(clockh)) == -1)
		goto nomem;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		for (j = 0; j < r->nclocks; j++) {
			const struct report_clockfig *cf = &g->clocks[j];

			if (cf->on_time + cf->late == 0 && cf->dur.count == 0)
				continue;
			cells_keys(&cl, rp, g);
			cl.v[cl.n++] = r->clocks[j].name;
			cells_num(&cl, cf->on_time);
			cells_num(&cl, cf->late);
			cells_pct(&cl, cf->on_time, cf->late);
			cells_span(&cl, report_dist_pct(&cf->dur, 50));
			cells_span(&cl, report_dist_pct(&cf->dur, 90));
			if (table_add(&t, cl.v) == -1)
				goto nomem;
		}
	}
	if (flush_table(rs, &t) == -1)
		return -1;

	/* The fines ledger. */
	if (table_start(&t, &cl, rp, fineh, NCELLS(fineh)) == -1)
		goto nomem;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		for (j = 0; j < g->nfines; j++) {
			cells_keys(&cl, rp, g);
			cl.v[cl.n++] = g->fines[j].person;
			cl.v[cl.n++] = g->fines[j].rule;
			cells_num(&cl, g->fines[j].n);
			cells_num(&cl, g->fines[j].amount);
			if (table_add(&t, cl.v) == -1)
				goto nomem;
		}
	}
	if (flush_table(rs, &t) == -1)
		return -1;

	/* Sanctions that are not money, apart from the yuan. */
	if (table_start(&t, &cl, rp, sanctionh, NCELLS(sanctionh)) == -1)
		goto nomem;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		for (j = 0; j < g->nsanctions; j++) {
			cells_keys(&cl, rp, g);
			cl.v[cl.n++] = g->sanctions[j].person;
			cl.v[cl.n++] = g->sanctions[j].rule;
			cl.v[cl.n++] = g->sanctions[j].sanction;
			cells_num(&cl, g->sanctions[j].n);
			if (table_add(&t, cl.v) == -1)
				goto nomem;
		}
	}
	if (flush_table(rs, &t) == -1)
		return -1;

	/* Departments informed, and still to inform (informs:). */
	if (table_start(&t, &cl, rp, informh, NCELLS(informh)) == -1)
		goto nomem;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		for (j = 0; j < r->ninforms; j++) {
			if (g->informs[j].done + g->informs[j].owed == 0)
				continue;
			cells_keys(&cl, rp, g);
			cl.v[cl.n++] = r->informs[j].id;
			cl.v[cl.n++] = r->informs[j].to;
			cells_num(&cl, g->informs[j].done);
			cells_num(&cl, g->informs[j].owed);
			if (table_add(&t, cl.v) == -1)
				goto nomem;
		}
	}
	return flush_table(rs, &t);
nomem:
	table_release(&t);
	return -1;
}

/* CSV (RFC 4180, lib/csv.h: formulas neutralised) */

static int
csv_num(struct strbuf *sb, long long v)
{
	return strbuf_addf(sb, ",%lld", v);
}

static int
csv_keys(struct strbuf *sb, const struct report *rp,
    const struct report_group *g)
{
	size_t i;

	for (i = 0; i < rp->nby; i++)
		if (csv_add_cell(sb, key_cell(g, i), i == 0) == -1)
			return -1;
	return 0;
}

static int
csv_head(struct strbuf *sb, const struct report *rp)
{
	size_t i;

	for (i = 0; i < rp->nby; i++)
		if (csv_add_cell(sb, rp->by[i], i == 0) == -1)
			return -1;
	return 0;
}

/* Names the header of a table after the grouping columns. */
static int
csv_table_head(struct strbuf *sb, const struct report *rp, const char *cols)
{
	return csv_head(sb, rp) == -1 || strbuf_addstr(sb, rp->nby ? "," :
	    "") == -1 || strbuf_addstr(sb, cols) == -1 ? -1 : 0;
}

/* A clock's met percentage, its median and p90 in seconds. */
static int
csv_clock_figures(struct strbuf *sb, const struct report_clockfig *cf)
{
	long long p50 = report_dist_pct(&cf->dur, 50);
	long long p90 = report_dist_pct(&cf->dur, 90);
	char pct[32] = "";

	if (cf->on_time + cf->late > 0)
		pct_cell(pct, sizeof(pct), cf->on_time, cf->late);
	if (*pct != '\0')
		pct[strlen(pct) - 1] = '\0';
	return csv_num(sb, cf->on_time) == -1 ||
	    csv_num(sb, cf->late) == -1 ||
	    strbuf_addf(sb, ",%s", pct) == -1 ||
	    (p50 < 0 ? strbuf_addch(sb, ',') : csv_num(sb, p50)) == -1 ||
	    (p90 < 0 ? strbuf_addch(sb, ',') : csv_num(sb, p90)) == -1 ?
	    -1 : 0;
}

static int
csv_sanctions(struct report_state *rs)
{
	const struct report *rp = &rs->rp;
	struct strbuf *sb = &rs->out;
	int first = rp->nby == 0;
	size_t i, k;

	if (csv_table_head(sb, rp, "person,rule,sanction,count\r\n") == -1)
		return -1;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		for (k = 0; k < g->nsanctions; k++)
			if (csv_keys(sb, rp, g) == -1 || csv_add_cell(sb,
			    g->sanctions[k].person, first) == -1 ||
			    csv_add_cell(sb, g->sanctions[k].rule, 0) == -1 ||
			    csv_add_cell(sb, g->sanctions[k].sanction, 0) ==
			    -1 || csv_num(sb, g->sanctions[k].n) == -1 ||
			    csv_end_row(sb) == -1)
				return -1;
	}
	return 0;
}

static int
csv_informs(struct report_state *rs)
{
	const struct report *rp = &rs->rp;
	const struct rules *r = rp->rules;
	struct strbuf *sb = &rs->out;
	int first = rp->nby == 0;
	size_t i, k;

	if (csv_table_head(sb, rp, "inform,to,done,owed\r\n") == -1)
		return -1;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		for (k = 0; k < r->ninforms; k++)
			if (csv_keys(sb, rp, g) == -1 || csv_add_cell(sb,
			    r->informs[k].id, first) == -1 ||
			    csv_add_cell(sb, r->informs[k].to, 0) == -1 ||
			    csv_num(sb, g->informs[k].done) == -1 ||
			    csv_num(sb, g->informs[k].owed) == -1 ||
			    csv_end_row(sb) == -1)
				return -1;
	}
	return 0;
}

static int
csv_fines(struct report_state *rs)
{
	const struct report *rp = &rs->rp;
	struct strbuf *sb = &rs->out;
	int first = rp->nby == 0;
	size_t i, k;

	if (csv_table_head(sb, rp, "person,rule,count,amount\r\n") == -1)
		return -1;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		for (k = 0; k < g->nfines; k++)
			if (csv_keys(sb, rp, g) == -1 ||
			    csv_add_cell(sb, g->fines[k].person, first) == -1 ||
			    csv_add_cell(sb, g->fines[k].rule, 0) == -1 ||
			    csv_num(sb, g->fines[k].n) == -1 ||
			    csv_num(sb, g->fines[k].amount) == -1 ||
			    csv_end_row(sb) == -1)
				return -1;
	}
	return 0;
}

/* The clocks one row per group and clock with figures, as the table's. */
static int
csv_clocks(struct report_state *rs)
{
	const struct report *rp = &rs->rp;
	const struct rules *r = rp->rules;
	struct strbuf *sb = &rs->out;
	int first = rp->nby == 0;
	size_t i, k;

	if (csv_table_head(sb, rp, "clock,on_time,late,met_pct,median_s,"
	    "p90_s\r\n") == -1)
		return -1;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		for (k = 0; k < r->nclocks; k++) {
			const struct report_clockfig *cf = &g->clocks[k];

			if (cf->on_time + cf->late == 0 && cf->dur.count == 0)
				continue;
			if (csv_keys(sb, rp, g) == -1 || csv_add_cell(sb,
			    r->clocks[k].name, first) == -1 ||
			    csv_clock_figures(sb, cf) == -1 ||
			    csv_end_row(sb) == -1)
				return -1;
		}
	}
	return 0;
}

static int
csv_summary(struct report_state *rs)
{
	const struct report *rp = &rs->rp;
	const struct rules *r = rp->rules;
	struct strbuf *sb = &rs->out;
	size_t i, k;
	char name[160], period[80];
	int first = rp->nby == 0;

	if (csv_head(sb, rp) == -1)
		return -1;
	if (strbuf_addstr(sb, first ? "total" : ",total") == -1 ||
	    strbuf_addstr(sb, ",open,overdue,invalid,unsatisfied,"
	    "fines,fines_amount") == -1)
		return -1;
	for (k = 0; k < rs->nkinds; k++) {
		snprintf(name, sizeof(name), "kind:%s", rs->kinds[k]);
		if (csv_add_cell(sb, name, 0) == -1)
			return -1;
	}
	for (k = 0; k < rs->nstatuses; k++) {
		snprintf(name, sizeof(name), "status:%s", rs->statuses[k]);
		if (csv_add_cell(sb, name, 0) == -1)
			return -1;
	}
	for (k = 0; k < r->nclocks; k++)
		if (strbuf_addf(sb, ",%s_on_time,%s_late,%s_met_pct,"
		    "%s_median_s,%s_p90_s", r->clocks[k].name,
		    r->clocks[k].name, r->clocks[k].name, r->clocks[k].name,
		    r->clocks[k].name) == -1)
			return -1;
	report_period_text(rp, period, sizeof(period));
	if (strbuf_addstr(sb, ",period") == -1 || csv_end_row(sb) == -1)
		return -1;
	for (i = 0; i <= rp->ngroups; i++) {
		const struct report_group *g = nth_group(rp, i);

		if (csv_keys(sb, rp, g) == -1 ||
		    strbuf_addf(sb, "%s%ld", first ? "" : ",", g->total) ==
		    -1 || csv_num(sb, g->open) == -1 ||
		    csv_num(sb, g->overdue) == -1 ||
		    csv_num(sb, g->invalid) == -1 ||
		    csv_num(sb, g->unsatisfied) == -1 ||
		    csv_num(sb, g->fines_n) == -1 ||
		    csv_num(sb, g->fines_amount) == -1)
			return -1;
		for (k = 0; k < rs->nkinds; k++)
			if (csv_num(sb, report_tally_get(g->kinds, g->nkinds,
			    rs->kinds[k])) == -1)
				return -1;
		for (k = 0; k < rs->nstatuses; k++)
			if (csv_num(sb, report_tally_get(g->statuses,
			    g->nstatuses, rs->statuses[k])) == -1)
				return -1;
		for (k = 0; k < r->nclocks; k++)
			if (csv_clock_figures(sb, &g->clocks[k]) == -1)
				return -1;
		if (csv_add_cell(sb, period, 0) == -1 || csv_end_row(sb) == -1)
			return -1;
	}
	return 0;
}

/* The tables -t names, in the order plaint-report(1) lists them. */
static const struct csv_table {
	const char *name;
	int (*write)(struct report_state *);
} csv_tables[] = {
	{ "summary", csv_summary },
	{ "clocks", csv_clocks },
	{ "fines", csv_fines },
	{ "sanctions", csv_sanctions },
	{ "informs", csv_informs },
};

static const struct csv_table *
csv_table_named(const char *name)
{
	size_t i;

	for (i = 0; i < NCELLS(csv_tables); i++)
		if (strcmp(csv_tables[i].name, name) == 0)
			return &csv_tables[i];
	return NULL;
}

/*
 * -t: that table alone, its header even when it has no rows.  Else the
 * layout of plaint-report(1): summary (the clocks are its columns),
 * then fines, sanctions and informs when they have rows (informs: when
 * the policy has informs), each after an empty line.
 */
static int
out_csv(struct report_state *rs)
{
	const struct report *rp = &rs->rp;

	if (rs->bom && csv_add_bom(&rs->out) == -1)
		return -1;
	if (rs->table != NULL)
		return rs->table->write(rs);
	if (csv_summary(rs) == -1 ||
	    (rp->all.nfines > 0 && (csv_end_row(&rs->out) == -1 ||
	    csv_fines(rs) == -1)) ||
	    (rp->all.nsanctions > 0 && (csv_end_row(&rs->out) == -1 ||
	    csv_sanctions(rs) == -1)))
		return -1;
	if (rp->rules->ninforms > 0 && (csv_end_row(&rs->out) == -1 ||
	    csv_informs(rs) == -1))
		return -1;
	return 0;
}

/* JSON */

static int
json_key(struct strbuf *sb, const char *key)
{
	return json_add_string(sb, key) == -1 || strbuf_addstr(sb, ": ") == -1 ?
	    -1 : 0;
}

static int
json_tallies(struct strbuf *sb, const char *name, const char **cols,
    size_t n, const struct report_tally *t, size_t nt, const char *ind)
{
	size_t k;

	if (strbuf_addf(sb, ",\n%s", ind) == -1 || json_key(sb, name) == -1 ||
	    strbuf_addch(sb, '{') == -1)
		return -1;
	for (k = 0; k < n; k++)
		if ((k && strbuf_addstr(sb, ", ") == -1) ||
		    json_key(sb, cols[k]) == -1 ||
		    strbuf_addf(sb, "%ld", report_tally_get(t, nt,
		    cols[k])) == -1)
			return -1;
	return strbuf_addch(sb, '}');
}

static int
json_figures(struct report_state *rs, const struct report_group *g,
    const char *ind)
{
	const struct rules *r = rs->rp.rules;
	struct strbuf *sb = &rs->out;
	size_t k;

	if (strbuf_addf(sb, "%s\"total\": %ld,\n%s\"open\": %ld,\n"
	    "%s\"overdue\": %ld,\n%s\"invalid\": %ld,\n"
	    "%s\"unsatisfied\": %ld", ind, g->total, ind, g->open, ind,
	    g->overdue, ind, g->invalid, ind, g->unsatisfied) == -1 ||
	    json_tallies(sb, "kinds", rs->kinds, rs->nkinds, g->kinds,
	    g->nkinds, ind) == -1 ||
	    json_tallies(sb, "statuses", rs->statuses, rs->nstatuses,
	    g->statuses, g->nstatuses, ind) == -1 ||
	    strbuf_addf(sb, ",\n%s\"clocks\": {", ind) == -1)
		return -1;
	for (k = 0; k < r->nclocks; k++) {
		const struct report_clockfig *cf = &g->clocks[k];
		long tot = cf->on_time + cf->late;
		long long p50 = report_dist_pct(&cf->dur, 50);
		long long p90 = report_dist_pct(&cf->dur, 90);
		char pct[32] = "null", a[24] = "null", b[24] = "null";

		if (tot > 0) {
			pct_cell(pct, sizeof(pct), cf->on_time, cf->late);
			pct[strlen(pct) - 1] = '\0';
		}
		if (p50 >= 0)
			snprintf(a, sizeof(a), "%lld", p50);
		if (p90 >= 0)
			snprintf(b, sizeof(b), "%lld", p90);
		if (strbuf_addf(sb, "%s\n%s  ", k ? "," : "", ind) == -1 ||
		    json_key(sb, r->clocks[k].name) == -1 ||
		    strbuf_addf(sb, "{\"on_time\": %ld, \"late\": %ld, "
		    "\"met_pct\": %s, \"stopped\": %lu, \"median_s\": %s, "
		    "\"p90_s\": %s}", cf->on_time, cf->late, pct,
		    cf->dur.count, a, b) == -1)
			return -1;
	}
	if (strbuf_addf(sb, "%s%s},\n%s\"fines\": %ld,\n%s\"fines_amount\": "
	    "%lld,\n%s\"fines_ledger\": [", r->nclocks ? "\n" : "",
	    r->nclocks ? ind : "", ind, g->fines_n, ind, g->fines_amount,
	    ind) == -1)
		return -1;
	for (k = 0; k < g->nfines; k++)
		if (strbuf_addf(sb, "%s\n%s  {\"person\": ", k ? "," : "",
		    ind) == -1 || json_add_string(sb, g->fines[k].person) ==
		    -1 || strbuf_addstr(sb, ", \"rule\": ") == -1 ||
		    json_add_string(sb, g->fines[k].rule) == -1 ||
		    strbuf_addf(sb, ", \"count\": %ld, \"amount\": %lld}",
		    g->fines[k].n, g->fines[k].amount) == -1)
			return -1;
	if (strbuf_addf(sb, "%s%s],\n%s\"sanctions\": [", g->nfines ? "\n" :
	    "", g->nfines ? ind : "", ind) == -1)
		return -1;
	for (k = 0; k < g->nsanctions; k++)
		if (strbuf_addf(sb, "%s\n%s  {\"person\": ", k ? "," : "",
		    ind) == -1 || json_add_string(sb,
		    g->sanctions[k].person) == -1 ||
		    strbuf_addstr(sb, ", \"rule\": ") == -1 ||
		    json_add_string(sb, g->sanctions[k].rule) == -1 ||
		    strbuf_addstr(sb, ", \"sanction\": ") == -1 ||
		    json_add_string(sb, g->sanctions[k].sanction) == -1 ||
		    strbuf_addf(sb, ", \"count\": %ld}", g->sanctions[k].n) ==
		    -1)
			return -1;
	if (strbuf_addf(sb, "%s%s],\n%s\"informs\": [", g->nsanctions ?
	    "\n" : "", g->nsanctions ? ind : "", ind) == -1)
		return -1;
	for (k = 0; k < r->ninforms; k++)
		if (strbuf_addf(sb, "%s\n%s  {\"inform\": ", k ? "," : "",
		    ind) == -1 || json_add_string(sb, r->informs[k].id) ==
		    -1 || strbuf_addstr(sb, ", \"to\": ") == -1 ||
		    json_add_string(sb, r->informs[k].to) == -1 ||
		    strbuf_addf(sb, ", \"done\": %ld, \"owed\": %ld}",
		    g->informs[k].done, g->informs[k].owed) == -1)
			return -1;
	return strbuf_addf(sb, "%s%s]", r->ninforms ? "\n" : "",
	    r->ninforms ? ind : "");
}

static int
json_group(struct report_state *rs, const struct report_group *g,
    const char *ind)
{
	struct strbuf *sb = &rs->out;
	const char *key = g->key[g->depth - 1];
	char inner[16];

	snprintf(inner, sizeof(inner), "%s  ", ind);
	if (strbuf_addf(sb, "%s{\n%s\"key\": ", ind, inner) == -1 ||
	    (key != NULL ? json_add_string(sb, key) :
	    strbuf_addstr(sb, "null")) == -1 ||
	    strbuf_addstr(sb, ",\n") == -1 ||
	    json_figures(rs, g, inner) == -1)
		return -1;
	return 0;
}

static int
out_json(struct report_state *rs)
{
	const struct report *rp = &rs->rp;
	struct strbuf *sb = &rs->out;
	char t[PTIME_BUFSZ], period[80];
	size_t i;
	int open1 = 0;

	if (strbuf_addstr(sb, "{\n  \"from\": ") == -1)
		return -1;
	ptime_format(rp->from, rp->policy->tz_off, t);
	if ((rp->has_from ? json_add_string(sb, t) : strbuf_addstr(sb,
	    "null")) == -1 || strbuf_addstr(sb, ",\n  \"to\": ") == -1)
		return -1;
	ptime_format(rp->to, rp->policy->tz_off, t);
	report_period_text(rp, period, sizeof(period));
	if ((rp->has_to ? json_add_string(sb, t) : strbuf_addstr(sb,
	    "null")) == -1 || strbuf_addstr(sb, ",\n  \"period\": ") == -1 ||
	    json_add_string(sb, period) == -1 ||
	    strbuf_addstr(sb, ",\n  \"by\": [") == -1)
		return -1;
	for (i = 0; i < rp->nby; i++)
		if ((i && strbuf_addstr(sb, ", ") == -1) ||
		    json_add_string(sb, rp->by[i]) == -1)
			return -1;
	if (strbuf_addstr(sb, "],\n") == -1 ||
	    json_figures(rs, &rp->all, "  ") == -1 ||
	    strbuf_addstr(sb, ",\n  \"groups\": [") == -1)
		return -1;
	for (i = 0; i < rp->ngroups; i++) {
		const struct report_group *g = rp->groups[i];

		if (g->depth == 1) {
			if (open1 && strbuf_addstr(sb, rp->nby > 1 ?
			    "\n      ]\n    }" : "\n    }") == -1)
				return -1;
			if (strbuf_addstr(sb, open1 ? ",\n" : "\n") == -1 ||
			    json_group(rs, g, "    ") == -1)
				return -1;
			if (rp->nby > 1 && strbuf_addstr(sb, ",\n      "
			    "\"groups\": [") == -1)
				return -1;
			open1 = 1;
			continue;
		}
		if (strbuf_addstr(sb, rp->groups[i - 1]->depth == 1 ? "\n" :
		    ",\n") == -1 || json_group(rs, g, "        ") == -1 ||
		    strbuf_addstr(sb, "\n        }") == -1)
			return -1;
	}
	if (open1 && strbuf_addstr(sb, rp->nby > 1 ? "\n      ]\n    }" :
	    "\n    }") == -1)
		return -1;
	return strbuf_addstr(sb, open1 ? "\n  ]\n}\n" : "]\n}\n");
}

/* The states of every workflow, each once, in the policy's order. */
static const char **
state_columns(const struct policy *p, size_t *n)
{
	const char **v;
	size_t i, j, k, total = 0;

	for (i = 0; i < p->nworkflows; i++)
		total += p->workflows[i].nstates;
	if ((v = calloc(total + 1, sizeof(*v))) == NULL)
		return NULL;
	*n = 0;
	for (i = 0; i < p->nworkflows; i++)
		for (j = 0; j < p->workflows[i].nstates; j++) {
			const char *s = p->workflows[i].states[j].name;

			for (k = 0; k < *n && strcmp(v[k], s) != 0; k++)
				;
			if (k == *n)
				v[(*n)++] = s;
		}
	return v;
}

/* -t: a table of the csv output, named as plaint-report(1) lists them. */
static int
check_table(struct ctx *c, struct report_state *rs, const char *name)
{
	if (name == NULL)
		return PLAINT_OK;
	if (rs->format != F_CSV)
		return fail(c, PLAINT_USAGE, "-t: only with -f csv");
	if ((rs->table = csv_table_named(name)) == NULL)
		return fail(c, PLAINT_USAGE, "-t: unknown table \"%.40s\" "
		    "(summary, clocks, fines, sanctions or informs)", name);
	return PLAINT_OK;
}

int
cmd_report(struct ctx *c, int argc, char **argv)
{
	struct report_state rs;
	struct args a;
	struct perr e;
	const char *format = "table", *by = NULL, *from = NULL, *to = NULL;
	const char *file = NULL, *table = NULL;
	struct output out;
	char **ops = NULL;
	const char **states = NULL;
	size_t nstates = 0;
	int ch, rc, nops = 0, i;

	memset(&rs, 0, sizeof(rs));
	perr_clear(&e);
	rs.c = c;
	args_init(&a, argc, argv, "+:hBb:f:o:t:");
	if ((ops = calloc((size_t)argc + 1, sizeof(*ops))) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'f')
			format = a.arg;
		else if (ch == 'b')
			by = a.arg;
		else if (ch == 'B')
			rs.bom = 1;
		else if (ch == 'o')
			file = a.arg;
		else if (ch == 't')
			table = a.arg;
		else if (ch == 0 && strncmp(a.arg, "from=", 5) == 0)
			from = a.arg + 5;
		else if (ch == 0 && strncmp(a.arg, "to=", 3) == 0)
			to = a.arg + 3;
		else if (ch == 0)
			ops[nops++] = (char *)a.arg;
		else {
			free(ops);
			return ch == 'h' ? usage(c, synopsis, ch) :
			    bad_option(c, synopsis, &a);
		}
	}
	if (strcmp(format, "table") == 0 || strcmp(format, "text") == 0)
		rs.format = F_TABLE;
	else if (strcmp(format, "csv") == 0)
		rs.format = F_CSV;
	else if (strcmp(format, "json") == 0)
		rs.format = F_JSON;
	else {
		free(ops);
		return fail(c, PLAINT_USAGE, "-f: unknown format \"%.20s\" "
		    "(table, csv or json)", format);
	}
	output_init(&out, file, rs.format == F_CSV, rs.bom);
	if ((rc = output_check(c, file, rs.format == F_CSV, rs.bom)) != 0 ||
	    (rc = check_table(c, &rs, table)) != 0 ||
	    (rc = setup(c)) != 0) {
		free(ops);
		return rc;
	}
	rs.bom = out.bom;
	filter_init(&rs.filters, &c->store.policy, &c->rules, c->now);
	if (report_init(&rs.rp, &c->store.policy, &c->rules, c->now,
	    &e) == -1 || ((from != NULL || to != NULL) &&
	    report_period(&rs.rp, from, to, &e) == -1) ||
	    (by != NULL && report_group_by(&rs.rp, by, &e) == -1))
		goto done;
	for (i = 0; i < nops; i++) {
		if (filter_parse(&rs.filters, ops[i], &e) == -1)
			goto done;
		report_narrow(&rs.rp, &rs.filters.v[rs.filters.n - 1]);
	}
	if (output_open(&out, &e) == -1 ||
	    store_scan(&c->store, visit, &rs, &e) == -1)
		goto done;
	report_finish(&rs.rp);
	if ((states = state_columns(&c->store.policy, &nstates)) == NULL ||
	    columns(&rs.kinds, &rs.nkinds, c->store.policy.kinds.v,
	    c->store.policy.kinds.n, rs.rp.all.kinds, rs.rp.all.nkinds) == -1 ||
	    columns(&rs.statuses, &rs.nstatuses, states,
	    nstates, rs.rp.all.statuses, rs.rp.all.nstatuses) == -1) {
		perr_nomem(&e);
		goto done;
	}
	if ((rs.format == F_TABLE ? out_table(&rs) : rs.format == F_CSV ?
	    out_csv(&rs) : out_json(&rs)) == -1) {
		perr_nomem(&e);
		goto done;
	}
	if (rs.out.len > 0)
		fwrite(rs.out.buf, 1, rs.out.len, out.fp);
done:
	output_close(c, &out, &e);
	free(ops);
	free(states);
	free(rs.kinds);
	free(rs.statuses);
	filter_release(&rs.filters);
	report_release(&rs.rp);
	strbuf_release(&rs.out);
	return e.code ? report(c, &e) : PLAINT_OK;
}
