/* plaint resolve: record the result of handling a complaint. */
#include <string.h>

#include "plaint.h"

static const char synopsis[] = "plaint resolve ID -m result [valid=yes|no] "
    "[cause=cause] [responsible=person]";
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
	if (who != NULL && node_map_set(r, "responsible", complaint_text(
	    "responsible", who, 0, e)) == -1)
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

int
cmd_resolve(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *doc = NULL, *res = NULL, *ev = NULL;
	const struct penalty_rule *unpaid;
	const char *next;
	struct perr e;
	size_t i;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0)
		return rc;
	if (ca.msg == NULL)
		return fail(c, PLAINT_USAGE, "-m: give the result");
	if ((rc = setup(c)) != 0)
		return rc;
	if ((res = resolution(c, &ca, &e)) == NULL)
		return report(c, &e);
	if ((rc = begin_change(c, &id, "resolve", &doc, &next)) != 0)
		goto done;
	if ((ev = node_new_map()) == NULL)
		goto nomem;
	for (i = 0; i < res->n; i++)
		if (strcmp(res->keys[i], "at") != 0 && node_map_set(ev,
		    res->keys[i], node_dup(res->kids[i])) == -1)
			goto nomem;
	rc = complaint_set(doc, "resolution", res, &e);
	res = NULL;
	if (rc == -1)
		goto done;
	/* A fine the rules impose must not vanish for want of a name. */
	if ((unpaid = rules_unpaid(&c->rules, doc)) != NULL) {
		perr_set(&e, PLAINT_REFUSED, "the policy fines %s (rule %s): "
		    "give %s=NAME", strcmp(unpaid->person,
		    "resolution.responsible") == 0 ? "the person responsible" :
		    unpaid->person, unpaid->id, strcmp(unpaid->person,
		    "resolution.responsible") == 0 ? "responsible" :
		    unpaid->person);
		goto done;
	}
	rc = commit_change(c, &id, doc, next, "resolve", ev);
	ev = NULL;
	goto done;
nomem:
	perr_nomem(&e);
done:
	node_free(res);
	node_free(ev);
	node_free(doc);
	return e.code ? report(c, &e) : rc;
}
