/* plaint list: one line per complaint that passes the filters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/filter.h"
#include "../lib/json.h"
#include "../lib/render.h"
#include "../lib/table.h"
#include "plaint.h"

static const char synopsis[] = "plaint list [-f text|json] [filter ...]";

struct list_state {
	struct ctx *c;
	struct filter_set filters;
	int json;
	size_t count;
	struct table table;
	struct strbuf out;
};

static int
visit(void *arg, const char *path, const struct complaint_id *id,
    struct node *doc, const struct perr *bad, struct perr *e)
{
	struct list_state *ls = arg;
	const char *cells[RENDER_LIST_COLS];
	char when[40];

	(void)path;
	(void)id;
	if (doc == NULL) {
		warn(ls->c, bad);
		return 0;
	}
	if (!filter_match(&ls->filters, doc))
		return 0;
	if (ls->json) {
		/* Streamed: memory stays flat however big the tree. */
		if (strbuf_addstr(&ls->out, ls->count ? ",\n" : "[\n") == -1 ||
		    json_add_node(&ls->out, doc, -1) == -1)
			return perr_nomem(e);
		fwrite(ls->out.buf, 1, ls->out.len, stdout);
		strbuf_reset(&ls->out);
	} else {
		render_list_row(doc, &ls->c->store.policy, cells, when,
		    sizeof(when));
		if (table_add(&ls->table, cells) == -1)
			return perr_nomem(e);
	}
	ls->count++;
	return 0;
}

int
cmd_list(struct ctx *c, int argc, char **argv)
{
	struct list_state ls;
	struct args a;
	struct perr e;
	const char *format = "text";
	char **ops = NULL;
	int ch, rc, nops = 0, i;

	memset(&ls, 0, sizeof(ls));
	perr_clear(&e);
	ls.c = c;
	args_init(&a, argc, argv, "+:hf:");
	if ((ops = calloc((size_t)argc + 1, sizeof(*ops))) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'f')
			format = a.arg;
		else if (ch == 0)
			ops[nops++] = (char *)a.arg;
		else {
			free(ops);
			return ch == 'h' ? usage(c, synopsis, ch) :
			    bad_option(c, synopsis, &a);
		}
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		free(ops);
		return fail(c, PLAINT_USAGE, "-f: unknown format \"%.20s\" "
		    "(text or json)", format);
	}
	if ((rc = setup(c)) != 0) {
		free(ops);
		return rc;
	}
	for (i = 0; i < nops; i++)
		if (filter_parse(&ls.filters, ops[i], &c->store.policy,
		    &e) == -1)
			goto done;
	ls.json = strcmp(format, "json") == 0;
	table_init(&ls.table, RENDER_LIST_COLS);
	if (!ls.json && table_add(&ls.table, render_list_header) == -1) {
		perr_nomem(&e);
		goto done;
	}
	if (store_scan(&c->store, visit, &ls, &e) == -1)
		goto done;
	if (ls.json)
		fputs(ls.count ? "\n]\n" : "[]\n", stdout);
	else if (ls.count > 0) {
		if (table_render(&ls.table, &ls.out) == -1) {
			perr_nomem(&e);
			goto done;
		}
		fwrite(ls.out.buf, 1, ls.out.len, stdout);
	}
done:
	free(ops);
	filter_release(&ls.filters);
	table_release(&ls.table);
	strbuf_release(&ls.out);
	return e.code ? report(c, &e) : PLAINT_OK;
}
