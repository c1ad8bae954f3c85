/* plaint resolve: record the result of handling a complaint. */
#include <string.h>

#include "plaint.h"

static const char synopsis[] = "plaint resolve ID -m result [valid=yes|no] "
    "[cause=cause] [responsible=person[,person ...]]";
static const char *const fields[] = { "valid", "cause", "responsible", NULL };

/* Build the resolution map; the same entries go into the event. */
static struct node *
resolution(struct ctx *c, const struct change_args *ca, struct perr *e)
{
	static const char *const any[] = { NULL };
	const struct policy *p = &c->store.policy;
	const char *valid = change_arg(ca, "valid");
	const char *cause = change_arg(ca, "cause");
	const char *who = change_arg(ca, "responsible");
	char at[PTIME_BUFSZ];
	struct node *r = node_new_map();
	int v;

	ptime_format(c->now, p->tz_off, at);
	if (r == NULL ||
	    node_map_set(r, "result", complaint_text("-m", ca->msg, 1, e)) ==
	    -1)
		goto fail;
	if (valid != NULL) {
		if (parse_yesno(valid, &v) == -1) {
			perr_set(e, PLAINT_DATAERR, "must be yes or no");
			perr_field(e, "valid");
			goto fail;
		}
		if (node_map_set(r, "valid", node_new_bool(v)) == -1)
			goto fail;
	}
	if (cause != NULL && node_map_set(r, "cause", complaint_listed(
	    &p->causes, any, "cause", cause, e)) == -1)
		goto fail;
	if (who != NULL && node_map_set(r, "responsible", complaint_names(
	    "responsible", who, e)) == -1)
		goto fail;
	if (node_map_set(r, "at", node_new_str(at)) == -1)
		goto fail;
	return r;
fail:
	if (e->code == 0)
		perr_nomem(e);
	node_free(r);
	return NULL;
}

static int
resolve(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	struct node **res = arg;
	const struct penalty_rule *unpaid;
	size_t i;

	for (i = 0; i < (*res)->n; i++)
		if (strcmp((*res)->keys[i], "at") != 0 && node_map_set(ev,
		    (*res)->keys[i], node_dup((*res)->kids[i])) == -1)
			return perr_nomem(e);
	i = complaint_set(ch->doc, "resolution", *res, e) == -1;
	*res = NULL;
	if (i)
		return -1;
	/* A fine the rules impose must not vanish for want of a name. */
	if ((unpaid = rules_unpaid(ch->env->rules, ch->doc)) != NULL) {
		int named = strcmp(unpaid->person, "resolution.responsible") ==
		    0;

		return perr_set(e, PLAINT_REFUSED, "the policy fines %s (rule "
		    "%s): give %s=NAME", named ? "the person responsible" :
		    unpaid->person, unpaid->id, named ? "responsible" :
		    unpaid->person);
	}
	return 0;
}

int
cmd_resolve(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *res;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0)
		return rc;
	if (ca.msg == NULL)
		return fail(c, PLAINT_USAGE, "-m: give the result");
	if ((rc = setup(c)) != 0 || policy_action(c, &id, "resolve", &ca, &rc))
		return rc;
	if ((res = resolution(c, &ca, &e)) == NULL)
		return report(c, &e);
	rc = run_change(c, &id, "resolve", NULL, resolve, &res);
	node_free(res);
	return rc;
}
