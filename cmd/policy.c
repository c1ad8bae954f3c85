/*
 * plaint policy: the rules in force, and what they compute for a
 * complaint that is only described (policy due …), without touching
 * the tree.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/json.h"
#include "../lib/yamlio.h"
#include "plaint.h"

static const char synopsis[] = "plaint policy [-f yaml|json|text]\n"
    "plaint policy [-f text|json] due [field=value ...]";

/* The deadlines a complaint with these fields would get. */
static int
show_due(struct ctx *c, struct node *fields, int json, struct perr *e)
{
	struct stamp st = ctx_stamp(c);
	struct strbuf out = STRBUF_INIT;
	struct node *doc = NULL, *due, *level;
	long long lv = 0;
	char junk;
	const char *rec = node_str(node_map_get(fields, "received"));
	size_t i;
	int off, rc = -1, given = 0;

	/* The complaint is received at received= (or now) and seen then. */
	if (rec != NULL && ptime_parse(rec, st.off, &st.now, &off) == -1) {
		perr_set(e, PLAINT_USAGE, "\"%.40s\" is not a time", rec);
		perr_field(e, "received");
		return -1;
	}
	c->now = st.now;
	/* What the policy requires is not needed to compute deadlines. */
	for (i = 0; i < c->store.policy.required.n; i++)
		if (node_path_get(fields, c->store.policy.required.v[i]) ==
		    NULL && node_path_set(fields, c->store.policy.required.v[i],
		    node_new_str("-"), NULL) == -1)
			goto nomem;
	/* level is plaint's to keep, but a deadline may depend on it. */
	if ((level = node_map_get(fields, "level")) != NULL) {
		/* By number or by name: level=1 or level=部门负责人. */
		const char *key = policy_value_key(&c->store.policy, "level",
		    node_str(level));

		if (key == NULL || sscanf(key, "%lld%c", &lv, &junk) != 1) {
			perr_set(e, PLAINT_USAGE, "level: not a level of the "
			    "escalation chain (by its number or its name)");
			goto done;
		}
		node_map_del(fields, "level");
		given = 1;
	}
	/* Without level=, the level the policy's routes start it at. */
	if (complaint_new(&doc, &c->store.policy, fields, &st, e) == -1 ||
	    (given && complaint_set(doc, "level", node_new_int(lv), e) ==
	    -1) ||
	    apply_rules(c, doc, e) == -1)
		goto done;
	due = node_map_get(doc, "due");
	if (json) {
		if ((due != NULL ? json_add_node(&out, due, 2) :
		    strbuf_addstr(&out, "{}")) == -1 ||
		    strbuf_addch(&out, '\n') == -1)
			goto nomem;
	} else
		for (i = 0; due != NULL && i < due->n; i++)
			if (strbuf_addf(&out, "%-16s %s\n", due->keys[i],
			    node_str(due->kids[i])) == -1)
				goto nomem;
	fwrite(out.buf ? out.buf : "", 1, out.len, stdout);
	rc = 0;
	goto done;
nomem:
	perr_nomem(e);
done:
	node_free(doc);
	strbuf_release(&out);
	return rc;
}

int
cmd_policy(struct ctx *c, int argc, char **argv)
{
	struct node *fields = NULL;
	struct strbuf out = STRBUF_INIT;
	const char *format = NULL;
	struct args a;
	struct perr e;
	char *value;
	int ch, due = 0, rc;

	perr_clear(&e);
	if ((fields = node_new_map()) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	args_init(&a, argc, argv, "+:hf:");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'f')
			format = a.arg;
		else if (ch == 0 && !due && strcmp(a.arg, "due") == 0)
			due = 1;
		else if (ch == 0 && due && split_assignment((char *)a.arg,
		    &value) == 0) {
			if (node_path_set(fields, a.arg, node_new_scalar(value,
			    strlen(value), 1), NULL) == -1) {
				if (errno == ENOMEM)
					perr_nomem(&e);
				else
					perr_set(&e, PLAINT_USAGE, "field "
					    "\"%.60s\" conflicts with another",
					    a.arg);
				goto done;
			}
		} else {
			node_free(fields);
			return ch == 'h' ? usage(c, synopsis, ch) : ch == 0 ?
			    usage(c, synopsis, '?') : bad_option(c, synopsis,
			    &a);
		}
	}
	if (format == NULL)
		format = due ? "text" : "yaml";
	if (strcmp(format, "json") != 0 && strcmp(format, "text") != 0 &&
	    (due || strcmp(format, "yaml") != 0)) {
		node_free(fields);
		return fail(c, PLAINT_USAGE, "-f: unknown format \"%.20s\"",
		    format);
	}
	if ((rc = setup(c)) != 0) {
		node_free(fields);
		return rc;
	}
	if (due) {
		show_due(c, fields, strcmp(format, "json") == 0, &e);
		goto done;
	}
	if (strcmp(format, "text") == 0) {
		size_t i;

		/* The lifecycles in force, the inherited ones too. */
		for (i = 0; i < c->store.policy.nworkflows && e.code == 0; i++)
			if ((i > 0 && strbuf_addch(&out, '\n') == -1) ||
			    workflow_table(&c->store.policy.workflows[i],
			    &out) == -1)
				perr_nomem(&e);
	} else if (strcmp(format, "json") == 0) {
		if (json_add_node(&out, c->store.policy.root, 2) == -1 ||
		    strbuf_addch(&out, '\n') == -1)
			perr_nomem(&e);
	} else
		yamlio_emit(c->store.policy.root, &out, &e);
	if (e.code == 0)
		fwrite(out.buf ? out.buf : "", 1, out.len, stdout);
done:
	node_free(fields);
	strbuf_release(&out);
	return e.code ? report(c, &e) : PLAINT_OK;
}
