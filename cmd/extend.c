/* plaint extend: push one deadline back, with an approver and a reason. */
#include <string.h>

#include "plaint.h"

static const char synopsis[] =
    "plaint extend ID clock=duration approved_by=person -m reason";
static const char *const fields[] = { "*", NULL };

/* The one operand that is not approved_by names the clock. */
static int
find_clock(struct ctx *c, const struct change_args *ca, const char **clock,
    const char **dur)
{
	int i;

	*clock = NULL;
	for (i = 0; i < ca->nkv; i++) {
		if (strcmp(ca->key[i], "approved_by") == 0)
			continue;
		if (*clock != NULL)
			return fail(c, PLAINT_USAGE, "extend one clock at a "
			    "time");
		*clock = ca->key[i];
		*dur = ca->value[i];
	}
	if (*clock == NULL)
		return fail(c, PLAINT_USAGE, "which clock? (e.g. "
		    "resolution=5d)");
	return 0;
}

int
cmd_extend(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct duration d;
	struct node *doc = NULL, *ev = NULL, *ext = NULL, *list;
	char path[80], until[PTIME_BUFSZ], at[PTIME_BUFSZ];
	const char *next, *clock = NULL, *dur = NULL, *approver;
	struct stamp st;
	struct perr e;
	ptime_t t;
	int rc, off;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0 || (rc = find_clock(c, &ca, &clock,
	    &dur)) != 0)
		return rc;
	if (ptime_parse_duration(dur, &d) == -1)
		return fail(c, PLAINT_USAGE, "%s: \"%.20s\" is not a duration "
		    "(30m, 24h, 5d, 1w, 3wd, 8bh)", clock, dur);
	if ((approver = change_arg(&ca, "approved_by")) == NULL)
		return fail(c, PLAINT_USAGE, "approved_by: who approved it?");
	if (ca.msg == NULL)
		return fail(c, PLAINT_USAGE, "-m: give the reason");
	if ((rc = setup(c)) != 0)
		return rc;
	if (rules_may_extend(&c->rules, clock, &d, approver, &e) == -1)
		return report(c, &e);
	if ((rc = begin_change(c, &id, "extend", &doc, &next)) != 0)
		return rc;
	snprintf(path, sizeof(path), "due.%.60s", clock);
	if (ptime_parse(node_str(node_path_get(doc, path)) ?
	    node_str(node_path_get(doc, path)) : "", c->store.policy.tz_off,
	    &t, &off) == -1) {
		perr_set(&e, PLAINT_REFUSED, "there is no %s deadline to "
		    "extend", clock);
		goto done;
	}
	st = ctx_stamp(c);
	if (rules_add(&c->rules, t, &d, &t) == -1) {
		perr_set(&e, PLAINT_REFUSED, "%s: business hours (bh) need "
		    "business_hours in the policy", clock);
		goto done;
	}
	ptime_format(t, st.off, until);
	ptime_format(st.now, st.off, at);
	if ((ev = node_new_map()) == NULL || (ext = node_new_map()) == NULL ||
	    node_map_set(ext, "clock", node_new_str(clock)) == -1 ||
	    node_map_set(ext, "duration", node_new_str(dur)) == -1 ||
	    node_map_set(ext, "until", node_new_str(until)) == -1 ||
	    node_map_set(ext, "approved_by", complaint_text("approved_by",
	    approver, 0, &e)) == -1 ||
	    node_map_set(ext, "reason", complaint_text("-m", ca.msg, 1,
	    &e)) == -1 ||
	    node_map_set(ext, "at", node_new_str(at)) == -1 ||
	    node_map_set(ev, "clock", node_new_str(clock)) == -1 ||
	    node_map_set(ev, "duration", node_new_str(dur)) == -1 ||
	    node_map_set(ev, "until", node_new_str(until)) == -1 ||
	    node_map_set(ev, "approved_by", node_new_str(approver)) == -1 ||
	    node_map_set(ev, "note", node_new_str(ca.msg)) == -1 ||
	    complaint_set(doc, path, node_new_str(until), &e) == -1)
		goto nomem;
	if ((list = node_map_get(doc, "extensions")) == NULL) {
		if (complaint_set(doc, "extensions", node_new_seq(), &e) == -1)
			goto nomem;
		list = node_map_get(doc, "extensions");
	}
	if (list->type != NODE_SEQ) {
		perr_set(&e, PLAINT_DATAERR, "extensions: not a list");
		goto done;
	}
	rc = node_seq_push(list, ext);
	ext = NULL;
	if (rc == -1)
		goto nomem;
	rc = commit_change(c, &id, doc, next, "extend", ev);
	ev = NULL;
	goto done;
nomem:
	if (e.code == 0)
		perr_nomem(&e);
done:
	node_free(ext);
	node_free(ev);
	node_free(doc);
	return e.code ? report(c, &e) : rc;
}
