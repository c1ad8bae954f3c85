/* plaint show: one complaint, as stored, as JSON or for people. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/json.h"
#include "../lib/render.h"
#include "../lib/yamlio.h"
#include "plaint.h"

static const char synopsis[] = "plaint show [-f yaml|json|text] ID";

static int
add_child(void *arg, const char *id, const struct node *doc, struct perr *e)
{
	struct strbuf *sb = arg;
	const char *st = complaint_status(doc);

	if (strbuf_addf(sb, "%s%s (%s)", sb->len > 0 ? ", " : "", id,
	    st != NULL ? st : "?") == -1)
		return perr_nomem(e);
	return 0;
}

/* The sub-records, for a record whose workflow has them. */
static int
children_text(struct ctx *c, const struct complaint_id *id,
    const struct node *doc, struct strbuf *sb, struct perr *e)
{
	const struct workflow *wf = policy_record_workflow(&c->store.policy,
	    doc);

	if (wf == NULL || !wf->children)
		return 0;
	return change_children(&c->store, id, add_child, sb, e);
}

/* For scripts: the actions the workflow allows now, as "actions". */
static int
with_actions(struct node *doc, const struct policy *p)
{
	const char **v = workflow_open_actions(policy_record_workflow(p, doc),
	    complaint_status(doc));
	struct node *l = node_new_seq();
	size_t i;
	int rc = -1;

	if (v == NULL || l == NULL)
		goto done;
	for (i = 0; v[i] != NULL; i++)
		if (node_seq_push(l, node_new_str(v[i])) == -1)
			goto done;
	rc = node_map_set(doc, "actions", l);
	l = NULL;
done:
	node_free(l);
	free((void *)v);
	return rc;
}

int
cmd_show(struct ctx *c, int argc, char **argv)
{
	struct strbuf out = STRBUF_INIT, kids = STRBUF_INIT;
	struct complaint_id id;
	struct node *doc = NULL;
	struct args a;
	struct perr e;
	const char *format = "yaml", *idarg = NULL;
	int ch, rc;

	perr_clear(&e);
	args_init(&a, argc, argv, "+:hf:");
	while ((ch = args_next(&a)) != -1) {
		switch (ch) {
		case 'f':
			format = a.arg;
			break;
		case 'h':
			return usage(c, synopsis, ch);
		case 0:
			if (idarg != NULL)
				return usage(c, synopsis, '?');
			idarg = a.arg;
			break;
		default:
			return bad_option(c, synopsis, &a);
		}
	}
	if (idarg == NULL)
		return usage(c, synopsis, '?');
	if (strcmp(format, "yaml") != 0 && strcmp(format, "json") != 0 &&
	    strcmp(format, "text") != 0)
		return fail(c, PLAINT_USAGE, "-f: unknown format \"%.20s\" "
		    "(yaml, json or text)", format);
	if (parse_id(c, idarg, &id) != 0)
		return PLAINT_USAGE;
	if ((rc = setup(c)) != 0)
		return rc;
	if ((doc = store_read(&c->store, &id, &e)) == NULL)
		return report(c, &e);
	if (strcmp(format, "json") == 0)
		rc = with_actions(doc, &c->store.policy) == -1 ||
		    json_add_node(&out, doc, 2) == -1 ||
		    strbuf_addch(&out, '\n') == -1 ? perr_nomem(&e) : 0;
	else if (strcmp(format, "text") == 0)
		rc = children_text(c, &id, doc, &kids, &e) == -1 ? -1 :
		    render_text(&out, doc, &c->store.policy, &c->rules,
		    c->now, kids.len > 0 ? strbuf_str(&kids) : NULL) == -1 ?
		    perr_nomem(&e) : 0;
	else
		rc = yamlio_emit(doc, &out, &e);
	if (rc == 0)
		fwrite(out.buf, 1, out.len, stdout);
	node_free(doc);
	strbuf_release(&out);
	strbuf_release(&kids);
	return e.code ? report(c, &e) : PLAINT_OK;
}
