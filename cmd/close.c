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

struct callback {
	struct node *sat, *notice;	/* taken by the effect */
	int withdrawn;
};

static int
record_callback(struct change *ch, struct node *ev, void *arg,
    struct perr *e)
{
	struct callback *cb = arg;
	const struct notice_rule *owed;
	int rc = 0;

	(void)ev;
	/* complaint_set takes its value, also when it fails. */
	if (cb->sat != NULL)
		rc = complaint_set(ch->doc, "satisfaction", cb->sat, e);
	if (rc == 0 && cb->notice != NULL)
		rc = complaint_set(ch->doc, "notice", cb->notice, e);
	else
		node_free(cb->notice);
	cb->sat = cb->notice = NULL;
	if (rc == 0 && cb->withdrawn)
		rc = complaint_set(ch->doc, "withdrawn", node_new_bool(1), e);
	if (rc != 0)
		return -1;
	if (!cb->withdrawn && (owed = rules_notice_owed(ch->env->rules,
	    ch->doc)) != NULL)
		return perr_set(e, PLAINT_REFUSED, "a written notice of the "
		    "result is owed to the complainant (rule %s); give "
		    "notice=%s when it is sent", owed->id, owed->by.n > 0 ?
		    owed->by.v[0] : "letter");
	return 0;
}

int
cmd_close(struct ctx *c, int argc, char **argv)
{
	const struct policy *p;
	struct change_args ca;
	struct complaint_id id;
	struct callback cb = { NULL, NULL, 0 };
	struct node *ev = NULL;
	const char *s, *n, *w;
	char at[PTIME_BUFSZ];
	struct perr e;
	int rc;

	perr_clear(&e);
	if ((rc = change_args_parse(c, argc, argv, "+:hm:", synopsis, 0,
	    fields, &ca, &id)) != 0 || (rc = setup(c)) != 0)
		return rc;
	w = change_arg(&ca, "withdrawn");
	if (policy_action(c, &id, w != NULL && parse_yesno(w, &cb.withdrawn) ==
	    0 && cb.withdrawn ? "withdraw" : "close", &ca, &rc))
		return rc;
	p = &c->store.policy;
	ptime_format(c->now, p->tz_off, at);
	s = change_arg(&ca, "satisfaction");
	n = change_arg(&ca, "notice");
	if ((ev = node_new_map()) == NULL)
		goto nomem;
	if (s != NULL && ((cb.sat = complaint_listed(&p->satisfactions,
	    satisfactions, "satisfaction", s, &e)) == NULL ||
	    node_map_set(ev, "satisfaction", node_dup(cb.sat)) == -1))
		goto nomem;
	if (n != NULL && ((cb.notice = node_new_map()) == NULL ||
	    node_map_set(cb.notice, "by", complaint_listed(&p->notice_methods,
	    notices, "notice", n, &e)) == -1 ||
	    node_map_set(cb.notice, "at", node_new_str(at)) == -1 ||
	    node_map_set(ev, "notice", node_new_str(n)) == -1))
		goto nomem;
	if (ca.msg != NULL && node_map_set(ev, "note", complaint_text("-m",
	    ca.msg, 1, &e)) == -1)
		goto nomem;
	if (w != NULL && (parse_yesno(w, &cb.withdrawn) == -1 ||
	    (cb.withdrawn && ca.msg == NULL))) {
		perr_set(&e, PLAINT_USAGE, "withdrawn=yes needs -m: how the "
		    "complainant withdrew");
		goto done;
	}
	if (cb.withdrawn && node_map_set(ev, "withdrawn", node_new_bool(1)) ==
	    -1)
		goto nomem;
	rc = run_change(c, &id, cb.withdrawn ? "withdraw" : "close", ev,
	    record_callback, &cb);
	ev = NULL;
	goto done;
nomem:
	if (e.code == 0)
		perr_nomem(&e);
done:
	node_free(cb.sat);
	node_free(cb.notice);
	node_free(ev);
	return e.code ? report(c, &e) : rc;
}
