/* plaint check: validate every file in the tree; -x sweeps leftovers. */
#include <stdio.h>

#include "plaint.h"

static const char synopsis[] = "plaint check [-x]";

struct check_state {
	struct ctx *c;
	long files, bad;
	int year, month;	/* the folder checked last */
};

/* A month's folders, once each: as private as the policy says. */
static int
check_folders(struct check_state *cs, const struct complaint_id *id,
    struct perr *e)
{
	char folder[16];
	struct perr why;
	unsigned extra;

	if (id->year == cs->year && id->month == cs->month)
		return 0;
	cs->year = id->year;
	cs->month = id->month;
	perr_clear(&why);
	if (store_folder_extra_mode(&cs->c->store, id->year, id->month,
	    &extra, folder, sizeof(folder), &why) == -1)
		return perr_set(e, why.code, "%s", why.msg);
	if (extra != 0) {
		cs->bad++;
		perr_set(&why, PLAINT_DATAERR, "folder open to others (mode "
		    "bits %04o beyond the policy's %04o); chmod it", extra,
		    (unsigned)cs->c->store.policy.dir_mode);
		perr_at(&why, folder, 0, 0);
		warn(cs->c, &why);
	}
	return 0;
}

static int
visit(void *arg, const char *path, const struct complaint_id *id,
    const struct node *doc, const struct perr *bad, struct perr *e)
{
	struct check_state *cs = arg;
	char idstr[STORE_ID_BUFSZ];
	struct perr why;
	unsigned extra;

	cs->files++;
	if (id != NULL && check_folders(cs, id, e) == -1)
		return -1;
	if (doc == NULL) {
		cs->bad++;
		warn(cs->c, bad);
		return 0;
	}
	perr_clear(&why);
	complaint_id_format(id, idstr);
	if (complaint_validate(doc, &cs->c->store.policy, idstr, path,
	    &why) == -1) {
		cs->bad++;
		warn(cs->c, &why);
		return 0;
	}
	/* Complaint files hold personal data (R10, PIPL art. 51). */
	if (store_extra_mode(&cs->c->store, id, &extra, &why) == -1)
		return perr_set(e, why.code, "%s", why.msg);
	if (extra != 0) {
		cs->bad++;
		perr_set(&why, PLAINT_DATAERR, "readable or writable by others "
		    "(mode bits %04o beyond the policy's %04o); chmod it",
		    extra, (unsigned)cs->c->store.policy.file_mode);
		perr_at(&why, path, 0, 0);
		warn(cs->c, &why);
	}
	return 0;
}

int
cmd_check(struct ctx *c, int argc, char **argv)
{
	struct check_state cs = { c, 0, 0, 0, 0 };
	struct args a;
	struct perr e;
	long leftovers = 0, removed = 0;
	int ch, sweep = 0, rc;

	perr_clear(&e);
	args_init(&a, argc, argv, "+:hx");
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'x')
			sweep = 1;
		else if (ch == 'h')
			return usage(c, synopsis, ch);
		else if (ch == 0)
			return usage(c, synopsis, '?');
		else
			return bad_option(c, synopsis, &a);
	}
	/* Removing leftovers is a change: it takes the writer lock. */
	if (sweep)
		c->flags |= WRITES;
	if ((rc = setup(c)) != 0)
		return rc;
	if (store_scan(&c->store, visit, &cs, &e) == -1 ||
	    store_sweep(&c->store, sweep, &leftovers, &removed, &e) == -1)
		return report(c, &e);
	if (leftovers > removed && !c->quiet)
		fprintf(stderr, "plaint: check: %ld leftover temporary "
		    "file(s) of interrupted writes; 'plaint check -x' removes "
		    "them\n", leftovers - removed);
	if (!c->quiet)
		fprintf(stderr, "plaint: check: %ld file(s), %ld with "
		    "problems%s\n", cs.files, cs.bad, removed ? "" : "");
	if (removed > 0 && !c->quiet)
		fprintf(stderr, "plaint: check: removed %ld leftover "
		    "temporary file(s)\n", removed);
	return cs.bad > 0 ? PLAINT_DATAERR : PLAINT_OK;
}
