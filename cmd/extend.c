/* plaint extend: push one deadline back, with an approver and a reason. */
#include <string.h>

#include "plaint.h"

static const char synopsis[] =
    "plaint extend ID clock=duration approved_by=person -m reason\n"
    "plaint extend ID field=value ... [-m reason]";
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

struct extension {
	const char *clock, *dur, *approver, *reason;
	struct duration d;
};

static int
extend(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	struct extension *x = arg;
	const struct policy *p = ch->policy;
	struct node *ext = NULL, *list;
	char path[80], until[PTIME_BUFSZ], at[PTIME_BUFSZ];
	ptime_t t;
	int off, rc;

	snprintf(path, sizeof(path), "due.%.60s", x->clock);
	if (ptime_parse(node_str(node_path_get(ch->doc, path)) ?
	    node_str(node_path_get(ch->doc, path)) : "", p->tz_off, &t,
	    &off) == -1)
		return perr_set(e, PLAINT_REFUSED, "there is no %s deadline to "
		    "extend", x->clock);
	if (rules_add(ch->env->rules, t, &x->d, &t) == -1)
		return perr_set(e, PLAINT_REFUSED, "%s: business hours (bh) "
		    "need business_hours in the policy", x->clock);
	ptime_format(t, p->tz_off, until);
	ptime_format(ch->env->now, p->tz_off, at);
	if ((ext = node_new_map()) == NULL ||
	    node_map_set(ext, "clock", node_new_str(x->clock)) == -1 ||
	    node_map_set(ext, "duration", node_new_str(x->dur)) == -1 ||
	    node_map_set(ext, "until", node_new_str(until)) == -1 ||
	    node_map_set(ext, "approved_by", complaint_text("approved_by",
	    x->approver, 0, e)) == -1 ||
	    node_map_set(ext, "reason", complaint_text("-m", x->reason, 1,
	    e)) == -1 ||
	    node_map_set(ext, "at", node_new_str(at)) == -1 ||
	    node_map_set(ev, "clock", node_new_str(x->clock)) == -1 ||
	    node_map_set(ev, "duration", node_new_str(x->dur)) == -1 ||
	    node_map_set(ev, "until", node_new_str(until)) == -1 ||
	    node_map_set(ev, "approved_by", node_new_str(x->approver)) == -1 ||
	    node_map_set(ev, "note", node_new_str(x->reason)) == -1 ||
	    complaint_set(ch->doc, path, node_new_str(until), e) == -1)
		goto fail;
	if ((list = node_map_get(ch->doc, "extensions")) == NULL) {
		if (complaint_set(ch->doc, "extensions", node_new_seq(), e) ==
		    -1)
			goto fail;
		list = node_map_get(ch->doc, "extensions");
	}
	if (list->type != NODE_SEQ) {
		node_free(ext);
		return perr_set(e, PLAINT_DATAERR, "extensions: not a list");
	}
	rc = node_seq_push(list, ext);
	ext = NULL;
	if (rc == -1)
		goto fail;
	return 0;
fail:
	node_free(ext);
	return e->code ? -1 : perr_nomem(e);
}

int
cmd_extend(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct extension x;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0)
		return rc;
	/* Not a clock=duration with an approver: perhaps a ticket's. */
	if (change_arg(&ca, "approved_by") == NULL && ca.nkv > 0 &&
	    ptime_parse_duration(ca.value[0], &x.d) == -1 &&
	    ((rc = setup(c)) != 0 || policy_action(c, &id, "extend", &ca,
	    &rc)))
		return rc;
	if ((rc = find_clock(c, &ca, &x.clock, &x.dur)) != 0)
		return rc;
	if (ptime_parse_duration(x.dur, &x.d) == -1)
		return fail(c, PLAINT_USAGE, "%s: \"%.20s\" is not a duration "
		    "(30m, 24h, 5d, 1w, 3wd, 8bh, 1mo, 1y)", x.clock, x.dur);
	if ((x.approver = change_arg(&ca, "approved_by")) == NULL)
		return fail(c, PLAINT_USAGE, "approved_by: who approved it?");
	if ((x.reason = ca.msg) == NULL)
		return fail(c, PLAINT_USAGE, "-m: give the reason");
	/* A ticket's own extend takes fields, not clock=duration. */
	if ((rc = setup(c)) != 0 || policy_action(c, &id, "extend", &ca, &rc))
		return rc;
	if (rules_clock(&c->rules, x.clock) != NULL &&
	    rules_clock(&c->rules, x.clock)->until != NULL)
		return fail(c, PLAINT_REFUSED, "%s: its deadline is the record's "
		    "%s; set that instead", x.clock,
		    rules_clock(&c->rules, x.clock)->until);
	if (rules_may_extend(&c->rules, x.clock, &x.d, x.approver, &e) == -1)
		return report(c, &e);
	return run_change(c, &id, "extend", NULL, extend, &x);
}
