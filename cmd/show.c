/* plaint show: one complaint, as stored, as JSON or for people. */
#include <stdio.h>
#include <string.h>

#include "../lib/json.h"
#include "../lib/render.h"
#include "../lib/yamlio.h"
#include "plaint.h"

static const char synopsis[] = "plaint show [-f yaml|json|text] ID";

int
cmd_show(struct ctx *c, int argc, char **argv)
{
	struct strbuf out = STRBUF_INIT;
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
		rc = json_add_node(&out, doc, 2) == -1 ||
		    strbuf_addch(&out, '\n') == -1 ? perr_nomem(&e) : 0;
	else if (strcmp(format, "text") == 0)
		rc = render_text(&out, doc, &c->store.policy, &c->rules,
		    c->now) == -1 ?
		    perr_nomem(&e) : 0;
	else
		rc = yamlio_emit(doc, &out, &e);
	if (rc == 0)
		fwrite(out.buf, 1, out.len, stdout);
	node_free(doc);
	strbuf_release(&out);
	return e.code ? report(c, &e) : PLAINT_OK;
}
