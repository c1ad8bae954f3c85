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

/* "a" or "a" or "b": the states a history leads to. */
static void
states_text(const struct complaint_replay *rp, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < rp->nled && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s\"%s\"",
		    i == 0 ? "" : " or ", rp->led[i]);
}

/* A status no action of the history led to (a hand edit). */
static void
status_finding(const struct node *doc, const struct complaint_replay *rp,
    const char *path, struct perr *why)
{
	const struct node *st = node_map_get(doc, "status");
	const struct node *at = rp->stuck != NULL ? rp->stuck : st;
	char led[200];

	if (rp->stuck != NULL)
		perr_set(why, PLAINT_DATAERR, "\"%s\" is stored, but its "
		    "history does not replay through its workflow: the %s "
		    "event cannot follow the ones before it", st->str,
		    rp->action);
	else {
		states_text(rp, led, sizeof(led));
		perr_set(why, PLAINT_DATAERR, "\"%s\" is stored, but its "
		    "history leads to %s", st->str, led);
	}
	perr_field(why, "status");
	perr_at(why, path, at->line, at->col);
}

/* A deadline the rules would not give (a hand edit). */
static void
due_finding(const struct node *doc, const struct rules_due_diff *dd,
    const char *path, struct perr *why)
{
	const struct node *at = dd->stored != NULL ? dd->stored :
	    node_map_get(doc, "due") != NULL ? node_map_get(doc, "due") : doc;
	char field[80];

	if (dd->stored == NULL)
		perr_set(why, PLAINT_DATAERR, "missing, but the rules give "
		    "\"%s\"", dd->want);
	else if (dd->want[0] == '\0')
		perr_set(why, PLAINT_DATAERR, "\"%.40s\" is stored, but the "
		    "rules give none (the clock does not run)",
		    node_str(dd->stored) ? dd->stored->str : "?");
	else
		perr_set(why, PLAINT_DATAERR, "\"%.40s\" is stored, but the "
		    "rules give \"%s\"", node_str(dd->stored) ?
		    dd->stored->str : "?", dd->want);
	snprintf(field, sizeof(field), "due.%s", dd->clock);
	perr_field(why, field);
	perr_at(why, path, at->line, at->col);
}

/* The fields a hand edit can leave disagreeing with the history. */
static int
check_history(struct check_state *cs, const char *path,
    const struct node *doc, struct perr *e)
{
	struct complaint_replay rp;
	struct rules_due_diff dd;
	struct perr why;
	int bad = 0, rc;

	perr_clear(&why);
	if (complaint_replay(doc, &cs->c->store.policy, &rp) == -1) {
		status_finding(doc, &rp, path, &why);
		warn(cs->c, &why);
		bad = 1;
	}
	if ((rc = rules_check_due(&cs->c->rules, doc, &dd, e)) == -1)
		return -1;
	if (rc == 1) {
		perr_clear(&why);
		due_finding(doc, &dd, path, &why);
		warn(cs->c, &why);
		bad = 1;
	}
	return bad;
}

static int
visit(void *arg, const char *path, const struct complaint_id *id,
    const struct node *doc, const struct perr *bad, struct perr *e)
{
	struct check_state *cs = arg;
	char idstr[STORE_ID_BUFSZ];
	struct perr why;
	unsigned extra;
	int wrong;

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
	if ((wrong = check_history(cs, path, doc, e)) == -1)
		return -1;
	/* Complaint files hold personal data (R10, PIPL art. 51). */
	if (store_extra_mode(&cs->c->store, id, &extra, &why) == -1)
		return perr_set(e, why.code, "%s", why.msg);
	if (extra != 0) {
		wrong = 1;
		perr_set(&why, PLAINT_DATAERR, "readable or writable by others "
		    "(mode bits %04o beyond the policy's %04o); chmod it",
		    extra, (unsigned)cs->c->store.policy.file_mode);
		perr_at(&why, path, 0, 0);
		warn(cs->c, &why);
	}
	cs->bad += wrong;
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
