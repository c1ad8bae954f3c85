/* plaint close: record the callback and close a resolved complaint. */
#include "plaint.h"

static const char synopsis[] = "plaint close ID "
    "[satisfaction=satisfied|unsatisfied] [notice=letter|sms|phone|visit] "
    "[-m note]\nplaint close ID withdrawn=yes -m note";
static const char *const fields[] = { "satisfaction", "notice", "withdrawn",
	NULL };
static const char *const satisfactions[] = { "satisfied", "unsatisfied",
	NULL };
static const char *const notices[] = { "letter", "sms", "phone", "visit",
	NULL };

int
cmd_close(struct ctx *c, int argc, char **argv)
{
	const struct policy *p;
	struct change_args ca;
	struct complaint_id id;
	struct node *doc = NULL, *ev = NULL, *sat = NULL, *notice = NULL;
	const struct notice_rule *owed;
	const char *next, *s, *n, *w, *action;
	int withdrawn = 0;
	char at[PTIME_BUFSZ];
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0 || (rc = setup(c)) != 0)
		return rc;
	p = &c->store.policy;
	ptime_format(c->now, p->tz_off, at);
	s = change_arg(&ca, "satisfaction");
	n = change_arg(&ca, "notice");
	if ((ev = node_new_map()) == NULL)
		goto nomem;
	if (s != NULL && ((sat = complaint_listed(&p->satisfactions,
	    satisfactions, "satisfaction", s, &e)) == NULL ||
	    node_map_set(ev, "satisfaction", node_dup(sat)) == -1))
		goto nomem;
	if (n != NULL && ((notice = node_new_map()) == NULL ||
	    node_map_set(notice, "by", complaint_listed(&p->notice_methods, notices,
	    "notice", n, &e)) == -1 ||
	    node_map_set(notice, "at", node_new_str(at)) == -1 ||
	    node_map_set(ev, "notice", node_new_str(n)) == -1))
		goto nomem;
	if (ca.msg != NULL && node_map_set(ev, "note", complaint_text("-m",
	    ca.msg, 1, &e)) == -1)
		goto nomem;
	w = change_arg(&ca, "withdrawn");
	if (w != NULL && (parse_yesno(w, &withdrawn) == -1 ||
	    (withdrawn && ca.msg == NULL))) {
		perr_set(&e, PLAINT_USAGE, "withdrawn=yes needs -m: how the "
		    "complainant withdrew");
		goto done;
	}
	action = withdrawn ? "withdraw" : "close";
	if (withdrawn && node_map_set(ev, "withdrawn", node_new_bool(1)) == -1)
		goto nomem;
	if ((rc = begin_change(c, &id, action, &doc, &next)) != 0)
		goto done;
	/* complaint_set takes its value, also when it fails. */
	if (sat != NULL)
		rc = complaint_set(doc, "satisfaction", sat, &e);
	if (rc == 0 && notice != NULL)
		rc = complaint_set(doc, "notice", notice, &e);
	else
		node_free(notice);
	sat = notice = NULL;
	if (rc == 0 && withdrawn)
		rc = complaint_set(doc, "withdrawn", node_new_bool(1), &e);
	if (rc != 0)
		goto done;
	if (!withdrawn && (owed = rules_notice_owed(&c->rules, doc)) != NULL) {
		perr_set(&e, PLAINT_REFUSED, "a written notice of the result is "
		    "owed to the complainant (rule %s); give notice=%s when it "
		    "is sent", owed->id, owed->by.n > 0 ? owed->by.v[0] :
		    "letter");
		goto done;
	}
	rc = commit_change(c, &id, doc, next, action, ev);
	ev = NULL;
	goto done;
nomem:
	if (e.code == 0)
		perr_nomem(&e);
done:
	node_free(sat);
	node_free(notice);
	node_free(ev);
	node_free(doc);
	return e.code ? report(c, &e) : rc;
}
