/*
 * plaint set: correct what was typed at intake (a wrong phone, subject
 * or category), with the old and new values in the history.
 */
#include "../lib/correct.h"
#include "plaint.h"

static const char synopsis[] =
    "plaint set ID ... field=value ... -m reason";
static const char *const fields[] = { "*", NULL };

static int
set_one(struct ctx *c, const struct complaint_id *id, void *arg)
{
	struct correct *co = arg;
	int rc;

	co->changed = 0;
	if ((rc = run_change(c, id, "set", NULL, correct_effect, co)) != 0)
		return rc;
	if (co->changed == 0 && !c->quiet)
		fprintf(stderr, "plaint: %s: nothing changed: the record "
		    "holds these values already\n", c->cmd);
	return 0;
}

int
cmd_set(struct ctx *c, int argc, char **argv)
{
	struct change_args ca;
	struct correct co;
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_ids_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca)) != 0)
		goto done;
	if (ca.nkv == 0) {
		rc = usage(c, synopsis, '?');
		goto done;
	}
	if (ca.msg == NULL) {
		rc = fail(c, PLAINT_USAGE, "-m: say why the record is "
		    "corrected");
		goto done;
	}
	co.keys = (const char *const *)ca.key;
	co.values = (const char *const *)ca.value;
	co.n = (size_t)ca.nkv;
	co.note = ca.msg;
	co.changed = 0;
	if ((rc = setup(c)) != 0)
		goto done;
	if (correct_check(&c->store.policy, &co, &e) == -1)
		rc = report(c, &e);
	else
		rc = change_each(c, &ca, set_one, &co);
done:
	change_args_release(&ca);
	return rc;
}
