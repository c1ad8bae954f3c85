/* plaint reopen: back to work for another round. */
#include "plaint.h"

static const char synopsis[] = "plaint reopen ID -m reason";
static const char *const fields[] = { NULL };

int
cmd_reopen(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *doc = NULL, *ev = NULL;
	const char *next;
	long long round = 1;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0)
		return rc;
	if (ca.msg == NULL)
		return fail(c, PLAINT_USAGE, "-m: give the reason");
	if ((rc = setup(c)) != 0)
		return rc;
	if ((rc = begin_change(c, &id, "reopen", &doc, &next)) != 0)
		return rc;
	node_int(node_map_get(doc, "round"), &round);
	/* The resolve and close events keep what this round ended with. */
	node_map_del(doc, "resolution");
	node_map_del(doc, "satisfaction");
	node_map_del(doc, "notice");
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "round", node_new_int(round + 1)) == -1 ||
	    node_map_set(ev, "note", complaint_text("-m", ca.msg, 1, &e)) ==
	    -1 || complaint_set(doc, "round", node_new_int(round + 1), &e) ==
	    -1) {
		if (e.code == 0)
			perr_nomem(&e);
		goto done;
	}
	/* Past the policy's rounds, a reopened complaint goes up a level. */
	if (c->rules.max_rounds > 0 && round + 1 > c->rules.max_rounds) {
		long long level = complaint_next_level(doc, &c->store.policy,
		    &e);

		perr_clear(&e);
		if (level > 0 && (complaint_set(doc, "level",
		    node_new_int(level), &e) == -1 || node_map_set(ev, "level",
		    node_new_int(level)) == -1)) {
			if (e.code == 0)
				perr_nomem(&e);
			goto done;
		}
		if (level > 0)
			next = "escalated";
	}
	rc = commit_change(c, &id, doc, next, "reopen", ev);
	ev = NULL;
done:
	node_free(ev);
	node_free(doc);
	return e.code ? report(c, &e) : rc;
}
