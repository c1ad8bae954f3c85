/* plaint list: one line per complaint that passes the filters. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/array.h"
#include "../lib/csv.h"
#include "../lib/export.h"
#include "../lib/filter.h"
#include "../lib/json.h"
#include "../lib/render.h"
#include "../lib/table.h"
#include "plaint.h"

static const char synopsis[] =
    "plaint list [-Bmr] [-f text|json|jsonl|csv|ids] [-n count] [-o file] "
    "[-s key] [filter ...]";

/* ids: one id a line, for plaint assign - and the like. */
enum list_format { FMT_TEXT, FMT_JSON, FMT_JSONL, FMT_CSV, FMT_IDS };

/* The six, the sort key's and DUE. */
#define LIST_MAX_COLS (RENDER_LIST_COLS + 2)

/* One complaint kept for sorting: its key and its output, nothing more. */
struct row {
	struct filter_key key;
	char *s;		/* a string key, copied */
	size_t seq;		/* scan (id) order: ties keep it */
	char *out;		/* text: the cells, NUL-separated */
	size_t len;
};

struct list_state {
	struct ctx *c;
	struct filter_set filters;
	enum list_format format;
	int bom, reverse;
	int mask;		/* -m: personal data masked, as export -r */
	int broken;		/* stdout is a closed pipe */
	FILE *out_fp;		/* stdout or -o FILE */
	const char *sort;	/* NULL: id order, as the tree is read */
	enum filter_type sort_type;
	int key_col;		/* the sort key is shown in its own column */
	char key_header[64];
	int due_col;		/* text filtered on deadlines: DUE shown */
	size_t limit;		/* -n: at most this many rows */
	size_t ncols;
	size_t count;
	struct row *rows;
	size_t nrows, cap;
	struct table table;
	struct strbuf out;
};

/* Columns of the csv output, as named in the file. */
static const char *const csv_header[RENDER_LIST_COLS] = {
	"id", "status", "kind", "received", "assignee", "subject"
};

static const char *const shown_keys[] = {
	"id", "status", "kind", "received", "assignee", "subject", NULL
};

/* For qsort, which takes no context: set before each sort. */
static const struct list_state *sorting;

static int
row_cmp(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c = filter_key_cmp(sorting->sort_type, &a->key, &b->key);

	/* Complaints without the key stay last, also in reverse. */
	if (c != 0 && sorting->reverse && a->key.present && b->key.present)
		c = -c;
	if (c == 0 && sorting->reverse && sorting->sort == NULL)
		return a->seq < b->seq ? 1 : -1;
	return c != 0 ? c : a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* A deadline in the zone, and " !" after it when overdue now. */
static const char *
due_text(struct list_state *ls, const struct node *doc, ptime_t due,
    char *buf, size_t size)
{
	const struct policy *p = &ls->c->store.policy;
	char iso[PTIME_BUFSZ];
	size_t n;

	ptime_format(due, p->tz_off, iso);
	render_time(iso, p->tz_off, buf, size);
	n = strlen(buf);
	if (rules_overdue(&ls->c->rules, doc, ls->filters.now, NULL))
		snprintf(buf + n, size - n, " !");
	return buf;
}

/* The DUE cell: the earliest running deadline, or "-". */
static const char *
due_cell(struct list_state *ls, const struct node *doc, char *buf,
    size_t size)
{
	ptime_t due;

	if (!rules_running_due(&ls->c->rules, doc, &due, NULL))
		return "-";
	return due_text(ls, doc, due, buf, size);
}

/* The sort key's cell: a time in the zone, a word, or "-". */
static const char *
key_cell(struct list_state *ls, const struct node *doc, char *buf,
    size_t size, int raw)
{
	const struct policy *p = &ls->c->store.policy;
	struct filter_key k;
	char iso[PTIME_BUFSZ];

	filter_key_get(&ls->filters, ls->sort, ls->sort_type, doc, &k);
	if (ls->sort_type == FILTER_DUE || ls->sort_type == FILTER_TIME) {
		if (!k.present && ls->sort_type == FILTER_DUE)
			return raw ? "" : "-";
		if (!k.present)
			goto word;
		if (!raw && ls->sort_type == FILTER_DUE)
			return due_text(ls, doc, k.t, buf, size);
		ptime_format(k.t, p->tz_off, iso);
		if (raw && ls->sort_type == FILTER_DUE) {
			snprintf(buf, size, "%s", iso);
			return buf;
		}
		if (!raw) {
			render_time(iso, p->tz_off, buf, size);
			return buf;
		}
	}
word:
	{
		const char *s = node_str(node_path_get(doc, ls->sort));

		if (s != NULL && !raw)
			s = policy_value_label(p, ls->sort, s);
		return s != NULL ? s : raw ? "" : "-";
	}
}

/* The cells of one complaint, in column order. */
static void
row_cells(struct list_state *ls, const struct node *doc, const char **cells,
    char *when, char *keybuf, char *duebuf, size_t size)
{
	const char *six[RENDER_LIST_COLS];
	int raw = ls->format == FMT_CSV;
	size_t i, j = 0;

	render_list_row(doc, &ls->c->store.policy, !raw, six, when, size);
	if (raw) {
		six[3] = node_str(node_map_get(doc, "received"));
		six[4] = node_str(node_map_get(doc, "assignee"));
	}
	for (i = 0; i < RENDER_LIST_COLS; i++) {
		if (i + 1 == RENDER_LIST_COLS && ls->key_col)
			cells[j++] = key_cell(ls, doc, keybuf, size, raw);
		if (i + 1 == RENDER_LIST_COLS && ls->due_col)
			cells[j++] = due_cell(ls, doc, duebuf, size);
		cells[j++] = six[i];
	}
}

static int
emit(const struct list_state *ls, const char *s, size_t len)
{
	return fwrite(s, 1, len, ls->out_fp) == len ? 0 : -1;
}

/*
 * Stop at the first failed write: a closed pipe (list | head) quietly,
 * anything else (a full disk) as an error.
 */
static int
write_failed(struct list_state *ls, struct perr *e)
{
	int errnum = errno;

	ls->broken = errnum == EPIPE;
	return perr_errno(e, PLAINT_IOERR, errnum, "cannot write output",
	    NULL);
}

/* The output of one complaint (text: its cells) into ls->out. */
static int
render_row(struct list_state *ls, const struct node *doc)
{
	const char *cells[LIST_MAX_COLS];
	char when[40], keybuf[40], duebuf[40];
	size_t i;

	switch (ls->format) {
	case FMT_JSON:
	case FMT_JSONL:
		if (json_add_node(&ls->out, doc, -1) == -1)
			return -1;
		return ls->format == FMT_JSONL ? strbuf_addch(&ls->out, '\n') :
		    0;
	case FMT_CSV:
		row_cells(ls, doc, cells, when, keybuf, duebuf,
		    sizeof(when));
		return csv_add_row(&ls->out, cells, ls->ncols);
	case FMT_IDS:
		return strbuf_addstr(&ls->out, node_str(node_map_get(doc,
		    "id"))) == -1 ? -1 : strbuf_addch(&ls->out, '\n');
	case FMT_TEXT:
		row_cells(ls, doc, cells, when, keybuf, duebuf,
		    sizeof(when));
		if (ls->sort == NULL && !ls->reverse)
			return table_add(&ls->table, cells);
		for (i = 0; i < ls->ncols; i++)
			if (strbuf_add(&ls->out, cells[i] ? cells[i] : "",
			    strlen(cells[i] ? cells[i] : "") + 1) == -1)
				return -1;
		return 0;
	}
	return -1;
}

static int
keep_row(struct list_state *ls, const struct node *doc)
{
	struct row *r;

	if (ARRAY_GROW(ls->rows, ls->nrows, ls->cap) == -1)
		return -1;
	r = &ls->rows[ls->nrows];
	memset(r, 0, sizeof(*r));
	r->seq = ls->count;
	if (ls->sort != NULL) {
		filter_key_get(&ls->filters, ls->sort, ls->sort_type, doc,
		    &r->key);
		if (r->key.s != NULL && (r->s = strdup(r->key.s)) == NULL)
			return -1;
		r->key.s = r->s;
	}
	r->len = ls->out.len;
	if ((r->out = strbuf_detach(&ls->out)) == NULL) {
		free(r->s);
		return -1;
	}
	ls->nrows++;
	return 0;
}

static int
visit(void *arg, const char *path, const struct complaint_id *id,
    const struct node *doc, const struct perr *bad, struct perr *e)
{
	struct list_state *ls = arg;
	int stream = ls->sort == NULL && !ls->reverse;

	(void)path;
	(void)id;
	if (doc == NULL) {
		warn(ls->c, bad);
		return 0;
	}
	if ((stream && ls->count >= ls->limit) ||
	    !filter_match(&ls->filters, doc))
		return 0;
	if (ls->format == FMT_JSON && stream &&
	    strbuf_addstr(&ls->out, ls->count ? ",\n" : "[\n") == -1)
		return perr_nomem(e);
	if (ls->mask) {
		/* -m: what export -r would show, on a copy (doc is shared). */
		struct node *copy = node_dup(doc);
		int rc = copy == NULL || export_redact(copy, e) == -1 ||
		    render_row(ls, copy) == -1 ? -1 : 0;

		node_free(copy);
		if (rc == -1)
			return e->code ? -1 : perr_nomem(e);
	} else if (render_row(ls, doc) == -1)
		return perr_nomem(e);
	if (!stream) {
		if (keep_row(ls, doc) == -1)
			return perr_nomem(e);
	} else if (ls->format != FMT_TEXT) {
		/* Streamed: memory stays flat however big the tree. */
		if (emit(ls, ls->out.buf, ls->out.len) == -1)
			return write_failed(ls, e);
		strbuf_reset(&ls->out);
	}
	ls->count++;
	return 0;
}

/* The kept rows, sorted, to stdout (text: into the table first). */
static int
flush_sorted(struct list_state *ls, struct perr *e)
{
	size_t i, j;

	sorting = ls;
	if (ls->nrows > 1)
		qsort(ls->rows, ls->nrows, sizeof(*ls->rows), row_cmp);
	for (i = 0; i < ls->nrows && i < ls->limit; i++) {
		struct row *r = &ls->rows[i];

		if (ls->format == FMT_TEXT) {
			const char *cells[LIST_MAX_COLS], *p = r->out;

			for (j = 0; j < ls->ncols; j++, p += strlen(p) + 1)
				cells[j] = p;
			if (table_add(&ls->table, cells) == -1)
				return perr_nomem(e);
		} else if ((ls->format == FMT_JSON && emit(ls, i ? ",\n" :
		    "[\n", 2) == -1) || emit(ls, r->out, r->len) == -1)
			return write_failed(ls, e);
		free(r->out);
		r->out = NULL;
	}
	return 0;
}

static void
free_rows(struct list_state *ls)
{
	size_t i;

	for (i = 0; i < ls->nrows; i++) {
		free(ls->rows[i].out);
		free(ls->rows[i].s);
	}
	free(ls->rows);
}

static int
parse_format(const char *s, enum list_format *f)
{
	static const char *const names[] = { "text", "json", "jsonl", "csv",
	    "ids" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum list_format)i;
			return 0;
		}
	return -1;
}

/* The header row: the six columns, and the sort key's before SUBJECT. */
static int
add_header(struct list_state *ls)
{
	const char *cells[LIST_MAX_COLS];
	const char *const *names = ls->format == FMT_CSV ? csv_header :
	    render_list_header;
	size_t i, j = 0;

	for (i = 0; i < RENDER_LIST_COLS; i++) {
		if (i + 1 == RENDER_LIST_COLS && ls->key_col)
			cells[j++] = ls->key_header;
		if (i + 1 == RENDER_LIST_COLS && ls->due_col)
			cells[j++] = "DUE";
		cells[j++] = names[i];
	}
	if (ls->format == FMT_CSV)
		return (ls->bom && csv_add_bom(&ls->out) == -1) ||
		    csv_add_row(&ls->out, cells, ls->ncols) == -1 ? -1 : 0;
	return table_add(&ls->table, cells);
}

static int
setup_sort(struct list_state *ls, struct perr *e)
{
	struct perr unknown;
	size_t i;

	perr_clear(&unknown);
	if (filter_field_type(&ls->c->store.policy, ls->sort, &ls->sort_type,
	    &unknown) == -1) {
		return perr_set(e, PLAINT_USAGE, "-s: unknown field \"%.60s\"",
		    ls->sort);
	}
	if (ls->sort_type == FILTER_TREE || ls->sort_type == FILTER_OVERDUE) {
		return perr_set(e, PLAINT_USAGE, "-s: cannot sort by "
		    "\"%.60s\" (%s)", ls->sort, ls->sort_type == FILTER_TREE ?
		    "a mapping or a list" : "yes or no");
	}
	ls->key_col = 1;
	for (i = 0; shown_keys[i] != NULL; i++)
		if (strcmp(shown_keys[i], ls->sort) == 0)
			ls->key_col = 0;
	for (i = 0; ls->sort[i] != '\0' && i + 1 < sizeof(ls->key_header);
	    i++)
		ls->key_header[i] = ls->format == FMT_CSV ? ls->sort[i] :
		    (char)(ls->sort[i] >= 'a' && ls->sort[i] <= 'z' ?
		    ls->sort[i] - 'a' + 'A' : ls->sort[i]);
	ls->key_header[i] = '\0';
	/* Id order is the order the tree is read in. */
	if (ls->sort_type == FILTER_ID && !ls->key_col)
		ls->sort = NULL;
	return 0;
}

/*
 * Text filtered on deadlines (overdue=, due, due.CLOCK) shows them,
 * unless the sort key already does.
 */
static void
setup_due_col(struct list_state *ls)
{
	size_t i;

	if (ls->format != FMT_TEXT || (ls->key_col &&
	    ls->sort_type == FILTER_DUE))
		return;
	for (i = 0; i < ls->filters.n; i++) {
		const struct filter *f = &ls->filters.v[i];

		if (f->type == FILTER_DUE || f->type == FILTER_OVERDUE ||
		    strncmp(f->field, "due.", 4) == 0)
			ls->due_col = 1;
	}
}

/* -n COUNT: a whole number from 1. */
static int
parse_limit(const char *s, size_t *limit)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || n < 1)
		return -1;
	*limit = (size_t)n;
	return 0;
}

int
cmd_list(struct ctx *c, int argc, char **argv)
{
	struct list_state ls;
	struct args a;
	struct perr e;
	const char *format = "text", *file = NULL;
	struct output out;
	char **ops = NULL;
	int ch, rc, nops = 0, i;

	memset(&ls, 0, sizeof(ls));
	perr_clear(&e);
	ls.c = c;
	ls.limit = (size_t)-1;
	args_init(&a, argc, argv, "+:hBmrf:n:o:s:");
	if ((ops = calloc((size_t)argc + 1, sizeof(*ops))) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'f')
			format = a.arg;
		else if (ch == 's')
			ls.sort = a.arg;
		else if (ch == 'n' && parse_limit(a.arg, &ls.limit) == -1) {
			free(ops);
			return fail(c, PLAINT_USAGE, "-n: \"%.20s\" is not a "
			    "count (a whole number from 1)", a.arg);
		} else if (ch == 'n')
			continue;
		else if (ch == 'o')
			file = a.arg;
		else if (ch == 'r')
			ls.reverse = 1;
		else if (ch == 'm')
			ls.mask = 1;
		else if (ch == 'B')
			ls.bom = 1;
		else if (ch == 0)
			ops[nops++] = (char *)a.arg;
		else {
			free(ops);
			return ch == 'h' ? usage(c, synopsis, ch) :
			    bad_option(c, synopsis, &a);
		}
	}
	if (parse_format(format, &ls.format) == -1) {
		free(ops);
		return fail(c, PLAINT_USAGE, "-f: unknown format \"%.20s\" "
		    "(text, json, jsonl, csv or ids)", format);
	}
	output_init(&out, file, ls.format == FMT_CSV, ls.bom);
	ls.out_fp = stdout;
	if ((rc = output_check(c, file, ls.format == FMT_CSV, ls.bom)) != 0 ||
	    (rc = setup(c)) != 0) {
		free(ops);
		return rc;
	}
	filter_init(&ls.filters, &c->store.policy, &c->rules, c->now);
	table_init(&ls.table, LIST_MAX_COLS);
	for (i = 0; i < nops; i++)
		if (filter_parse(&ls.filters, ops[i], &e) == -1)
			goto done;
	if (ls.sort != NULL && setup_sort(&ls, &e) == -1)
		goto done;
	setup_due_col(&ls);
	if (output_open(&out, &e) == -1)
		goto done;
	ls.out_fp = out.fp;
	ls.bom = out.bom;
	ls.ncols = RENDER_LIST_COLS + (ls.key_col ? 1 : 0) + ls.due_col;
	table_init(&ls.table, ls.ncols);
	if ((ls.format == FMT_TEXT || ls.format == FMT_CSV) &&
	    add_header(&ls) == -1) {
		perr_nomem(&e);
		goto done;
	}
	if (ls.format == FMT_CSV) {
		/* The header even when nothing matches. */
		emit(&ls, ls.out.buf, ls.out.len);
		strbuf_reset(&ls.out);
	}
	if (store_scan(&c->store, visit, &ls, &e) == -1)
		goto done;
	if ((ls.sort != NULL || ls.reverse) && flush_sorted(&ls, &e) == -1)
		goto done;
	if (ls.format == FMT_JSON)
		fputs(ls.count ? "\n]\n" : "[]\n", ls.out_fp);
	else if (ls.format == FMT_TEXT && ls.count > 0) {
		if (table_render(&ls.table, &ls.out) == -1) {
			perr_nomem(&e);
			goto done;
		}
		emit(&ls, ls.out.buf, ls.out.len);
	}
done:
	output_close(c, &out, &e);
	free(ops);
	free_rows(&ls);
	filter_release(&ls.filters);
	table_release(&ls.table);
	strbuf_release(&ls.out);
	if (ls.broken)
		return PLAINT_OK;
	return e.code ? report(c, &e) : PLAINT_OK;
}
