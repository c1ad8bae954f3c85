/* plaint note: add a note; -c records contact with the complainant. */
#include "plaint.h"

static const char synopsis[] = "plaint note ID -m text [-c]";
static const char *const fields[] = { NULL };

int
cmd_note(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct complaint_id id;
	struct node *ev;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:c", synopsis, 0,
	    fields, &ca, &id)) != 0)
		return rc;
	if (ca.msg == NULL)
		return fail(c, PLAINT_USAGE, "-m: a note needs text");
	if ((rc = setup(c)) != 0 ||
	    policy_action(c, &id, ca.flag ? "contact" : "note", &ca, &rc))
		return rc;
	if ((ev = node_new_map()) == NULL ||
	    node_map_set(ev, "note", complaint_text("-m", ca.msg, 1,
	    &e)) == -1) {
		node_free(ev);
		return e.code ? report(c, &e) : fail(c, PLAINT_OSERR,
		    "out of memory");
	}
	return run_change(c, &id, ca.flag ? "contact" : "note", ev, NULL,
	    NULL);
}
