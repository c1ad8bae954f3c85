/*
 * plaint export: every field of the selected complaints, for other
 * tools and for re-import.  jsonl (default): one JSON object a line,
 * the keys of the file in file order (as show -f json); csv: one column
 * per dotted field (export.h), read in two passes so that memory does
 * not grow with the tree.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/csv.h"
#include "../lib/export.h"
#include "../lib/filter.h"
#include "../lib/json.h"
#include "plaint.h"

static const char synopsis[] =
    "plaint export [-Br] [-f jsonl|csv] [-o file] [filter ...]";

struct export_state {
	struct ctx *c;
	struct filter_set filters;
	struct export_columns cols;
	int csv, redact, pass;
	FILE *out;
	int broken;		/* the output is a closed pipe */
	size_t count;
	struct strbuf buf;
};

static int
write_out(struct export_state *es, struct perr *e)
{
	int errnum;

	if (fwrite(es->buf.buf, 1, es->buf.len, es->out) == es->buf.len) {
		strbuf_reset(&es->buf);
		return 0;
	}
	errnum = errno;
	es->broken = errnum == EPIPE;
	return perr_errno(e, PLAINT_IOERR, errnum, "cannot write output",
	    NULL);
}

static int
add_row(struct export_state *es, const struct node *doc, struct perr *e)
{
	if (es->csv) {
		if (export_columns_row(&es->cols, doc, &es->buf) == -1)
			return perr_nomem(e);
	} else if (json_add_node(&es->buf, doc, -1) == -1 ||
	    strbuf_addch(&es->buf, '\n') == -1)
		return perr_nomem(e);
	es->count++;
	return write_out(es, e);
}

static int
visit(void *arg, const char *path, const struct complaint_id *id,
    const struct node *doc, const struct perr *bad, struct perr *e)
{
	struct export_state *es = arg;

	(void)path;
	(void)id;
	if (doc == NULL) {
		/* Once: the second pass of csv reads the same files. */
		if (es->pass == 1)
			warn(es->c, bad);
		return 0;
	}
	if (!filter_match(&es->filters, doc))
		return 0;
	if (es->csv && es->pass == 1)
		return export_columns_add(&es->cols, doc) == -1 ?
		    perr_nomem(e) : 0;
	if (es->redact) {
		/* The scan's tree is read-only: mask a copy. */
		struct node *copy = node_dup(doc);
		int rc;

		if (copy == NULL)
			return perr_nomem(e);
		rc = export_redact(copy, e) == -1 ? -1 : add_row(es, copy, e);
		node_free(copy);
		return rc;
	}
	return add_row(es, doc, e);
}

int
cmd_export(struct ctx *c, int argc, char **argv)
{
	struct export_state es;
	struct args a;
	struct perr e;
	const char *format = "jsonl", *file = NULL;
	struct output out;
	char **ops = NULL, msg[80];
	int ch, rc, nops = 0, i, bom = 0;

	memset(&es, 0, sizeof(es));
	perr_clear(&e);
	es.c = c;
	args_init(&a, argc, argv, "+:hBrf:o:");
	if ((ops = calloc((size_t)argc + 1, sizeof(*ops))) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'f')
			format = a.arg;
		else if (ch == 'o')
			file = a.arg;
		else if (ch == 'r')
			es.redact = 1;
		else if (ch == 'B')
			bom = 1;
		else if (ch == 0)
			ops[nops++] = (char *)a.arg;
		else {
			free(ops);
			return ch == 'h' ? usage(c, synopsis, ch) :
			    bad_option(c, synopsis, &a);
		}
	}
	if (strcmp(format, "jsonl") != 0 && strcmp(format, "csv") != 0) {
		free(ops);
		return fail(c, PLAINT_USAGE, "-f: unknown format \"%.20s\" "
		    "(jsonl or csv)", format);
	}
	es.csv = strcmp(format, "csv") == 0;
	output_init(&out, file, es.csv, bom);
	if ((rc = output_check(c, file, es.csv, bom)) != 0 ||
	    (rc = setup(c)) != 0) {
		free(ops);
		return rc;
	}
	filter_init(&es.filters, &c->store.policy, &c->rules, c->now);
	export_columns_init(&es.cols, &c->store.policy, &c->rules);
	for (i = 0; i < nops; i++)
		if (filter_parse(&es.filters, ops[i], &e) == -1)
			goto done;
	if (output_open(&out, &e) == -1)
		goto done;
	es.out = out.fp;
	es.pass = 1;
	if (es.csv) {
		if (store_scan(&c->store, visit, &es, &e) == -1)
			goto done;
		if ((out.bom && csv_add_bom(&es.buf) == -1) ||
		    export_columns_header(&es.cols, &es.buf) == -1) {
			perr_nomem(&e);
			goto done;
		}
		if (write_out(&es, &e) == -1)
			goto done;
		es.pass = 2;
	}
	if (store_scan(&c->store, visit, &es, &e) == -1)
		goto done;
	if (es.cols.unknown > 0) {
		struct perr w;

		perr_clear(&w);
		snprintf(msg, sizeof(msg), "%ld value(s) appeared while "
		    "exporting and have no column; export again",
		    es.cols.unknown);
		perr_set(&w, PLAINT_DATAERR, "%s", msg);
		warn(c, &w);
	}
done:
	output_close(c, &out, &e);
	free(ops);
	filter_release(&es.filters);
	export_columns_release(&es.cols);
	strbuf_release(&es.buf);
	if (es.broken && file == NULL)
		return PLAINT_OK;
	return e.code ? report(c, &e) : PLAINT_OK;
}
