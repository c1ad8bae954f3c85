/* plaint assign: give complaints to a named person. */
#include "plaint.h"

static const char synopsis[] =
    "plaint assign ID ... PERSON [department=dept] [-m note]";
static const char *const fields[] = { "department", NULL };

struct assignment {
	struct node *who, *dept;	/* taken by the effect */
};

static int
assign(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	struct assignment *as = arg;
	struct node *who = as->who, *dept = as->dept;

	(void)ev;
	as->who = as->dept = NULL;
	if (complaint_set(ch->doc, "assignee", who, e) == -1) {
		node_free(dept);
		return -1;
	}
	return dept != NULL ? complaint_set(ch->doc, "department", dept, e) : 0;
}

/* A policy's own assign: the person into the workflow's owner field. */
static int
assign_owner(struct change *ch, struct node *ev, void *arg, struct perr *e)
{
	const struct change_args *ca = arg;
	struct node *who;

	if ((who = complaint_input(ch->policy, ch->wf->owner, ca->pos[0],
	    e)) == NULL)
		return -1;
	if (node_map_set(ev, "to", node_dup(who)) == -1) {
		node_free(who);
		return perr_nomem(e);
	}
	if (complaint_set(ch->doc, ch->wf->owner, who, e) == -1)
		return -1;
	return change_args_effect(ch, ev, arg, e);
}

/* One record: the policy's own assign, or plaint's. */
static int
assign_one(struct ctx *c, const struct complaint_id *id, void *arg)
{
	struct change_args *ca = arg;
	const struct wf_action *a;
	struct assignment as = { NULL, NULL };
	struct node *ev = NULL;
	const char *d;
	struct perr e;
	int rc = 0;

	perr_clear(&e);
	if ((a = record_action(c, id, c->action_as != NULL ? c->action_as :
	    "assign", &e)) == NULL && e.code != 0)
		return report(c, &e);
	if (a != NULL && a->effect == NULL)
		return run_change(c, id, "assign", NULL, assign_owner, ca);
	if ((as.who = complaint_input(&c->store.policy, "assignee", ca->pos[0],
	    &e)) == NULL)
		return report(c, &e);
	d = change_arg(ca, "department");
	if (d != NULL && (as.dept = complaint_input(&c->store.policy,
	    "department", d, &e)) == NULL)
		goto done;
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "to", node_dup(as.who)) == -1 ||
	    (as.dept && node_map_set(ev, "department", node_dup(as.dept)) ==
	    -1) || (ca->msg && node_map_set(ev, "note", complaint_text("-m",
	    ca->msg, 1, &e)) == -1)) {
		if (e.code == 0)
			perr_nomem(&e);
		goto done;
	}
	rc = run_change(c, id, "assign", ev, assign, &as);
	ev = NULL;
done:
	node_free(as.who);
	node_free(as.dept);
	node_free(ev);
	return e.code ? report(c, &e) : rc;
}

int
cmd_assign(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	int rc;

	if ((rc = change_ids_parse(c, argc, argv, "+:hm:", synopsis, 1,
	    fields, &ca)) == 0 && (rc = setup(c)) == 0)
		rc = change_each(c, &ca, assign_one, &ca);
	change_args_release(&ca);
	return rc;
}
