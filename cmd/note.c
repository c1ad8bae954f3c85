/*
 * plaint note: add a note; -c records contact with the complainant.
 * As `plaint do ID notify to=DEPT`, it records an internal notice.
 */
#include <string.h>

#include "plaint.h"

static const char synopsis[] = "plaint note ID ... -m text [-c]";
static const char *const fields[] = { "to", NULL };

/* plaint do ID notify to=法律事务部 [-m text]: the department informed. */
static struct node *
notify_event(struct ctx *c, const struct change_args *ca, struct perr *e)
{
	const char *to = change_arg(ca, "to");
	struct node *ev = node_new_map();

	if (ev == NULL) {
		perr_nomem(e);
		return NULL;
	}
	if (to == NULL) {
		perr_set(e, PLAINT_USAGE, "to=: the department informed");
		node_free(ev);
		return NULL;
	}
	if (node_map_set(ev, "to", complaint_text("to", to, 0, e)) == -1 ||
	    (ca->msg != NULL && node_map_set(ev, "note", complaint_text("-m",
	    ca->msg, 1, e)) == -1)) {
		if (e->code == 0)
			perr_nomem(e);
		node_free(ev);
		return NULL;
	}
	(void)c;
	return ev;
}

static int
note_one(struct ctx *c, const struct complaint_id *id, void *arg)
{
	struct change_args *ca = arg;
	struct node *ev;
	struct perr e;
	int rc;

	perr_clear(&e);
	if (c->action_as != NULL && strcmp(c->action_as, "notify") == 0) {
		if ((ev = notify_event(c, ca, &e)) == NULL)
			return report(c, &e);
		return run_change(c, id, "notify", ev, NULL, NULL);
	}
	if (policy_action(c, id, ca->flag ? "contact" : "note", ca, &rc))
		return rc;
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "note", complaint_text("-m", ca->msg, 1,
	    &e)) == -1) {
		node_free(ev);
		return e.code ? report(c, &e) : fail(c, PLAINT_OSERR,
		    "out of memory");
	}
	return run_change(c, id, ca->flag ? "contact" : "note", ev, NULL,
	    NULL);
}

int
cmd_note(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	int rc;

	if ((rc = change_ids_parse(c, argc, argv, "+:hm:c", synopsis, 0,
	    fields, &ca)) != 0)
		goto done;
	if (c->action_as == NULL || strcmp(c->action_as, "notify") != 0) {
		if (change_arg(&ca, "to") != NULL) {
			rc = fail(c, PLAINT_USAGE, "to=: an internal notice is "
			    "'plaint do ID notify to=DEPARTMENT'");
			goto done;
		}
		if (ca.msg == NULL) {
			rc = fail(c, PLAINT_USAGE, "-m: a note needs text");
			goto done;
		}
	}
	if ((rc = setup(c)) == 0)
		rc = change_each(c, &ca, note_one, &ca);
done:
	change_args_release(&ca);
	return rc;
}
