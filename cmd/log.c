/* plaint log: record a new complaint and print its id. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../lib/yamlio.h"
#include "plaint.h"

static const char synopsis[] = "plaint log [field=value ...]\nplaint log -";

/* Operands field=value become one map, as if read from a document. */
static int
add_operand(struct ctx *c, struct node *fields, char *op, struct perr *e)
{
	char *value;

	(void)c;
	if (split_assignment(op, &value) == -1)
		return perr_set(e, PLAINT_USAGE, "expected field=value, not "
		    "\"%.40s\"", op);
	if (node_path_get(fields, op) != NULL)
		return perr_set(e, PLAINT_USAGE, "field \"%.60s\" given twice",
		    op);
	if (node_path_set(fields, op, node_new_scalar(value, strlen(value), 1),
	    NULL) == -1)
		return errno == ENOMEM ? perr_nomem(e) : perr_set(e,
		    PLAINT_USAGE, "field \"%.60s\" conflicts with another", op);
	return 0;
}

/*
 * received=yesterday, -2h, "today 09:30": stored as the time it names
 * at the command's clock, so that the file holds an absolute time.
 */
static int
absolute_received(struct ctx *c, struct node *fields, struct perr *e)
{
	struct node *r = node_map_get(fields, "received");
	char iso[PTIME_BUFSZ];
	ptime_t t;
	int off, o;

	if (node_str(r) == NULL || *r->str == '\0' ||
	    ptime_parse(r->str, c->store.policy.tz_off, &t, &o) == 0)
		return 0;
	if (ptime_parse_relative(r->str, c->now, c->store.policy.tz_off, &t,
	    &off) == -1)
		return 0;	/* complaint_new names what is wrong */
	ptime_format(t, off, iso);
	if (node_map_set(fields, "received", node_new_str(iso)) == -1)
		return perr_nomem(e);
	return 0;
}

int
cmd_log(struct ctx *c, int argc, char **argv)
{
	struct node *fields = NULL, *doc = NULL;
	struct complaint_id id;
	struct args a;
	struct perr e;
	struct stamp st;
	char idstr[STORE_ID_BUFSZ];
	int ch, from_stdin = 0, year, month, rc, filed;

	perr_clear(&e);
	if ((fields = node_new_map()) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	args_init(&a, argc, argv, "+:h");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'h' || (ch != 0)) {
			node_free(fields);
			return ch == 'h' ? usage(c, synopsis, ch) :
			    bad_option(c, synopsis, &a);
		}
		if (strcmp(a.arg, "-") == 0)
			from_stdin = 1;
		else if (add_operand(c, fields, (char *)a.arg, &e) == -1)
			goto done;
	}
	if (from_stdin && fields->n > 0) {
		perr_set(&e, PLAINT_USAGE, "give fields on the command line or "
		    "on stdin, not both");
		goto done;
	}
	if ((rc = setup(c)) != 0) {
		node_free(fields);
		return rc;
	}
	if (from_stdin) {
		node_free(fields);
		fields = yamlio_parse_stream(stdin, "<stdin>", &e);
		if (fields == NULL)
			goto done;
		if (fields->type != NODE_MAP) {
			perr_set(&e, PLAINT_DATAERR, "expected one mapping of "
			    "field: value");
			perr_at(&e, "<stdin>", fields->line, fields->col);
			goto done;
		}
	}
	if (absolute_received(c, fields, &e) == -1)
		goto done;
	st = ctx_stamp(c);
	if (complaint_new(&doc, &c->store.policy, fields, &st, &e) == -1) {
		if (from_stdin)
			perr_at(&e, "<stdin>", 0, 0);
		goto done;
	}
	if (may_log(c, doc, &e) == -1 || apply_rules(c, doc, &e) == -1 ||
	    complaint_month(doc, st.off, &year, &month, &e) == -1 ||
	    (filed = store_create(&c->store, year, month, doc, &id, &e)) == -1)
		goto done;
	/* Filed: the id is printed whatever follows, or a script logs twice. */
	complaint_id_format(&id, idstr);
	printf("%s\n", idstr);
	if (filed == 1 && e.code == PLAINT_OK) {
		warn(c, &e);
		perr_clear(&e);
	}
done:
	node_free(fields);
	node_free(doc);
	return e.code ? report(c, &e) : PLAINT_OK;
}
