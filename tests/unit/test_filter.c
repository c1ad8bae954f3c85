#include "../../lib/filter.h"
#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char policy_yaml[] =
    "policy: t\n"
    "timezone: \"+08:00\"\n"
    "kinds: [complaint, suggestion]\n"
    "escalation: [desk, head]\n"
    "severities: {minor: {label: 轻}, major: {label: 重}}\n"
    "fields: {order_no: string, quantity: integer, ship_date: date}\n"
    "clocks:\n"
    "  first_response: {starts: log, stops: [contact, resolve], "
    "pause: true}\n"
    "  resolution: {starts: log, stops: resolve, pause: true}\n"
    "  callback: {starts: resolve, stops: close}\n";

/* The clock of every match below. */
#define NOW "2026-11-27T10:00:00+08:00"

static const struct {
	const char *s;
	int ok;			/* else PLAINT_USAGE */
	const char *field;	/* as parsed, or as named in the error */
	const char *value;
	enum filter_op op;
} parses[] = {
	{ "status=new", 1, "status", "new", FILTER_EQ },
	{ "status!=closed", 1, "status", "closed", FILTER_NE },
	{ "status=open", 1, "status", "open", FILTER_EQ },
	{ "assignee=", 1, "assignee", "", FILTER_EQ },
	{ "assignee!=", 1, "assignee", "", FILTER_NE },
	{ "complainant.name=张三", 1, "complainant.name", "张三", FILTER_EQ },
	{ "subject=a=b", 1, "subject", "a=b", FILTER_EQ },
	{ "subject=a<b", 1, "subject", "a<b", FILTER_EQ },
	{ "subject<a=b", 1, "subject", "a=b", FILTER_LT },
	{ "subject>=李", 1, "subject", "李", FILTER_GE },
	{ "resolution.valid=yes", 1, "resolution.valid", "yes", FILTER_EQ },
	{ "due.resolution=2026-11-27", 1, "due.resolution", "2026-11-27",
	    FILTER_EQ },
	{ "order_no=PO-1", 1, "order_no", "PO-1", FILTER_EQ },
	{ "level=0", 1, "level", "0", FILTER_EQ },
	{ "level<1", 1, "level", "1", FILTER_LT },
	{ "level<=1", 1, "level", "1", FILTER_LE },
	{ "level>1", 1, "level", "1", FILTER_GT },
	{ "level>=1.5", 1, "level", "1.5", FILTER_GE },
	{ "quantity>-3", 1, "quantity", "-3", FILTER_GT },
	{ "history=x", 1, "history", "x", FILTER_EQ },
	{ "received>=2026-11-01", 1, "received", "2026-11-01", FILTER_GE },
	{ "received<2026-11-27T10:00", 1, "received", "2026-11-27T10:00",
	    FILTER_LT },
	{ "received=2026-11", 1, "received", "2026-11", FILTER_EQ },
	{ "received>-7d", 1, "received", "-7d", FILTER_GT },
	{ "received=today", 1, "received", "today", FILTER_EQ },
	{ "ship_date>=2026-11", 1, "ship_date", "2026-11", FILTER_GE },
	{ "due<24h", 1, "due", "24h", FILTER_LT },
	{ "due<=+30m", 1, "due", "+30m", FILTER_LE },
	{ "due=", 1, "due", "", FILTER_EQ },
	{ "overdue=yes", 1, "overdue", "yes", FILTER_EQ },
	{ "overdue!=no", 1, "overdue", "no", FILTER_NE },
	{ "id>=2611-0002", 1, "id", "2611-0002", FILTER_GE },
	{ "nosuch=1", 0, "nosuch", NULL, FILTER_EQ },
	{ "nosuch<1", 0, "nosuch", NULL, FILTER_EQ },
	{ "complainant.age=3", 0, "complainant.age", NULL, FILTER_EQ },
	{ "due.Bad=x", 0, "due.Bad", NULL, FILTER_EQ },
	{ "due.resolution=x", 0, "due.resolution", NULL, FILTER_EQ },
	{ "Status=new", 0, "Status", NULL, FILTER_EQ },
	/* Closed fields: a value they cannot hold, or a label for a key. */
	{ "status==new", 0, "status", NULL, FILTER_EQ },
	{ "status=nonsense", 0, "status", NULL, FILTER_EQ },
	{ "kind=complaint", 1, "kind", "complaint", FILTER_EQ },
	{ "kind!=complant", 0, "kind", NULL, FILTER_NE },
	{ "kind=", 1, "kind", "", FILTER_EQ },
	{ "severity=重", 1, "severity", "major", FILTER_EQ },
	{ "severity!=轻", 1, "severity", "minor", FILTER_NE },
	{ "severity=major", 1, "severity", "major", FILTER_EQ },
	{ "severity=normal", 0, "severity", NULL, FILTER_EQ },
	{ "level=head", 1, "level", "1", FILTER_EQ },
	{ "level=1.0", 1, "level", "1.0", FILTER_EQ },
	{ "level=2", 0, "level", NULL, FILTER_EQ },
	{ "level!=-1", 0, "level", NULL, FILTER_NE },
	{ "level<5", 1, "level", "5", FILTER_LT },
	{ "department=任何", 1, "department", "任何", FILTER_EQ },
	{ "received>=yesterday2", 0, "received", NULL, FILTER_EQ },
	{ "received=2026-13", 0, "received", NULL, FILTER_EQ },
	{ "received=2026-02-30", 0, "received", NULL, FILTER_EQ },
	{ "received<", 0, "received", NULL, FILTER_EQ },
	{ "level>x", 0, "level", NULL, FILTER_EQ },
	{ "level=one", 0, "level", NULL, FILTER_EQ },
	{ "quantity<=1e999", 0, "quantity", NULL, FILTER_EQ },
	{ "resolution.valid<yes", 0, "resolution.valid", NULL, FILTER_EQ },
	{ "history<x", 0, "history", NULL, FILTER_EQ },
	{ "overdue=maybe", 0, "overdue", NULL, FILTER_EQ },
	{ "overdue=", 0, "overdue", NULL, FILTER_EQ },
	{ "overdue<yes", 0, "overdue", NULL, FILTER_EQ },
	{ "due<3wd", 0, "due", NULL, FILTER_EQ },
	{ "due<soon", 0, "due", NULL, FILTER_EQ },
	{ "id>x", 0, "id", NULL, FILTER_EQ },
	{ "=new", 0, "", NULL, FILTER_EQ },
	{ "!=new", 0, "", NULL, FILTER_EQ },
	{ "<new", 0, "", NULL, FILTER_EQ },
	{ "a!b", 0, "", NULL, FILTER_EQ },
	{ "status", 0, "", NULL, FILTER_EQ },
	{ "", 0, "", NULL, FILTER_EQ },
};

static const struct {
	const char *s;
	int looks;
} looks[] = {
	{ "a=b", 1 }, { "a!=b", 1 }, { "a=", 1 }, { "a<b", 1 }, { "a>=b", 1 },
	{ "a>b", 1 }, { "=b", 0 }, { "<b", 0 }, { "a!b", 0 }, { "abc", 0 },
	{ "", 0 }, { "2611-0001", 0 },
};

static const char *const docs[] = {
	/* 0: fresh, first response due in 30 minutes */
	"id: \"2611-0001\"\nstatus: new\nkind: complaint\n"
	"received: \"2026-11-27T10:00:00+08:00\"\n"
	"due: {first_response: \"2026-11-27T10:30:00+08:00\", "
	"resolution: \"2026-12-02T23:59:59+08:00\"}\n"
	"history: [{n: 1, at: \"2026-11-27T10:00:00+08:00\", action: log}]\n",
	/* 1: contacted (first response stopped), resolution overdue */
	"id: \"2611-0002\"\nstatus: assigned\nassignee: \"李四\"\n"
	"complainant: {name: \"张三\"}\n"
	"received: \"2026-11-01T00:00:00+08:00\"\n"
	"due: {first_response: \"2026-11-01T00:30:00+08:00\", "
	"resolution: \"2026-11-20T23:59:59+08:00\"}\n"
	"history: [{n: 1, action: log}, {n: 2, action: contact}]\n",
	/* 2: paused: its pausable clock does not run */
	"id: \"2610-0003\"\nstatus: escalated\nassignee: ~\nlevel: 1\n"
	"received: \"2026-10-31T23:59:59+08:00\"\n"
	"due: {resolution: \"2026-11-01T00:00:00+08:00\"}\n"
	"history: [{n: 1, action: log}, {n: 2, action: pause}]\n",
	/* 3: resolved late (stopped), callback due in an hour */
	"id: \"2611-10000\"\nstatus: resolved\nresolution: {valid: true}\n"
	"received: \"2026-11-30T23:59:59+08:00\"\n"
	"due: {resolution: \"2026-11-01T00:00:00+08:00\", "
	"callback: \"2026-11-27T11:00:00+08:00\"}\n"
	"history: [{n: 1, action: log}, {n: 2, action: resolve}]\n",
	/* 4: no history, no clock */
	"id: \"2611-9999\"\nstatus: closed\nresolution: {valid: false}\n"
	"order_no: \"PO-1\"\nreceived: \"2026-12-01T00:00:00+08:00\"\n",
	/* 5: odd values */
	"id: \"BJ-2611-0001\"\nstatus: resolved\n"
	"resolution: {valid: \"yes\"}\nquantity: 7\nreceived: garbage\n",
};

/* Filters (up to three), and which of docs[] they match, as a bit set. */
static const struct {
	const char *f[3];
	unsigned match;
} matches[] = {
	{ { "status=new" }, 1 << 0 },
	{ { "status!=new" }, 0x3e },
	{ { "status=open" }, 0x07 },
	{ { "status!=open" }, 0x38 },
	{ { "status=resolved" }, 1 << 3 | 1 << 5 },
	{ { "assignee=" }, 0x3d },		/* absent or null */
	{ { "assignee!=" }, 1 << 1 },
	{ { "assignee=李四" }, 1 << 1 },
	{ { "assignee>=李" }, 1 << 1 },
	{ { "assignee<李四" }, 0 },		/* null is not a string */
	{ { "complainant.name=张三" }, 1 << 1 },
	{ { "complainant.name!=张三" }, 0x3d },
	{ { "complainant.name=" }, 0x3d },
	{ { "resolution.valid=yes" }, 1 << 3 | 1 << 5 },
	{ { "resolution.valid=true" }, 1 << 3 },
	{ { "resolution.valid=no" }, 1 << 4 },
	{ { "resolution.valid=false" }, 1 << 4 },
	{ { "resolution.valid!=yes" }, 0x17 },
	{ { "resolution=x" }, 0 },	/* a map never equals a word */
	{ { "resolution=" }, 0x07 },
	{ { "kind=complaint" }, 1 << 0 },
	{ { "order_no=PO-1" }, 1 << 4 },
	{ { "order_no>=PO" }, 1 << 4 },
	{ { "quantity=7" }, 1 << 5 },
	{ { "quantity=7.0" }, 1 << 5 },	/* numbers, not text */
	{ { "quantity>5" }, 1 << 5 },
	{ { "quantity<=7" }, 1 << 5 },
	{ { "quantity<7" }, 0 },
	{ { "level=1" }, 1 << 2 },
	{ { "level>=1" }, 1 << 2 },
	{ { "level>0.5" }, 1 << 2 },
	{ { "level<1" }, 0 },		/* absent compares with nothing */
	{ { "level!=1" }, 0x3b },
	/* times: a day or a month is a span */
	{ { "received>=2026-11-01" }, 0x1b },
	{ { "received<2026-11-01" }, 1 << 2 },
	{ { "received<=2026-11-30" }, 0x0f },
	{ { "received>2026-11-30" }, 1 << 4 },
	{ { "received=2026-11" }, 0x0b },
	{ { "received!=2026-11" }, 0x34 },
	{ { "received>=2026-12" }, 1 << 4 },
	{ { "received=2026-11-27" }, 1 << 0 },
	{ { "received=2026-11-27T10:00:00+08:00" }, 1 << 0 },
	{ { "received=2026-11-27T02:00:00Z" }, 1 << 0 },
	{ { "received=2026-11-27T10:00" }, 1 << 0 },
	{ { "received>2026-11-27T09:59:59+08:00" }, 0x19 },
	{ { "received>=-7d" }, 0x19 },
	{ { "received>-30d", "received<-1h" }, 0x06 },
	{ { "received=today" }, 1 << 0 },
	{ { "received=yesterday" }, 0 },
	{ { "received<now" }, 0x06 },
	{ { "received<=now" }, 0x07 },
	{ { "due.resolution<2026-11-21" }, 0x0e },
	/* due: the earliest running deadline */
	{ { "due<24h" }, 0x0b },
	{ { "due<=30m" }, 0x03 },
	{ { "due>now" }, 0x09 },
	{ { "due<now" }, 1 << 1 },
	{ { "due=" }, 0x34 },
	{ { "due!=" }, 0x0b },
	{ { "due=2026-11-27" }, 0x09 },
	{ { "overdue=yes" }, 1 << 1 },
	{ { "overdue=true" }, 1 << 1 },
	{ { "overdue=no" }, 0x3d },
	{ { "overdue!=yes" }, 0x3d },
	/* ids: prefix, month, serial */
	{ { "id=2611-0001" }, 1 << 0 },
	{ { "id<2611-0002" }, 0x05 },
	{ { "id>2611-9999" }, 0x28 },
	{ { "id>=2611-9999", "id<BJ-2611-0001" }, 0x18 },
	{ { "status=open", "assignee=" }, 1 << 0 | 1 << 2 },
	{ { "status=resolved", "resolution.valid=yes", "quantity!=7" },
	    1 << 3 },
	{ { NULL }, 0x3f },		/* no filter: everything */
};

static const struct {
	const char *field;
	enum filter_type type;
	int ok;
} types[] = {
	{ "id", FILTER_ID, 1 }, { "received", FILTER_TIME, 1 },
	{ "due", FILTER_DUE, 1 }, { "due.callback", FILTER_TIME, 1 },
	{ "level", FILTER_NUMBER, 1 }, { "quantity", FILTER_NUMBER, 1 },
	{ "ship_date", FILTER_TIME, 1 }, { "order_no", FILTER_STRING, 1 },
	{ "subject", FILTER_STRING, 1 }, { "history", FILTER_TREE, 1 },
	{ "resolution.valid", FILTER_BOOL, 1 },
	{ "overdue", FILTER_OVERDUE, 1 }, { "colour", FILTER_STRING, 0 },
};

static void
check_keys(struct filter_set *fs, struct node **d)
{
	struct filter_key a, b;

	/* due: doc 1 (Nov 20) before doc 0 (10:30); doc 4 has none. */
	filter_key_get(fs, "due", FILTER_DUE, d[1], &a);
	filter_key_get(fs, "due", FILTER_DUE, d[0], &b);
	CHECK(a.present && b.present && filter_key_cmp(FILTER_DUE, &a,
	    &b) < 0);
	filter_key_get(fs, "due", FILTER_DUE, d[4], &a);
	CHECK(!a.present && filter_key_cmp(FILTER_DUE, &a, &b) > 0);
	filter_key_get(fs, "id", FILTER_ID, d[3], &a);
	filter_key_get(fs, "id", FILTER_ID, d[4], &b);
	CHECK(filter_key_cmp(FILTER_ID, &a, &b) > 0);	/* 10000 > 9999 */
	filter_key_get(fs, "quantity", FILTER_NUMBER, d[5], &a);
	CHECK(a.present && a.num == 7);
	filter_key_get(fs, "received", FILTER_TIME, d[5], &a);
	CHECK(!a.present);		/* garbage */
	filter_key_get(fs, "assignee", FILTER_STRING, d[1], &a);
	CHECK(a.present && a.s != NULL && strcmp(a.s, "李四") == 0);
	filter_key_get(fs, "assignee", FILTER_STRING, d[2], &a);
	CHECK(!a.present);		/* null */
}

void
suite_filter(void)
{
	struct node *d[NELEM(docs)];
	struct filter_set fs;
	enum filter_type t;
	struct policy p;
	struct rules r;
	struct perr e;
	ptime_t now;
	size_t i, j;
	int off;

	perr_clear(&e);
	if ((policy_load_buf(&p, policy_yaml, strlen(policy_yaml), "p", &e) == -1 ||
	    policy_load_workflows(&p, unit_find_data, &e) == -1)) {
		CHECK(!"policy");
		return;
	}
	if (rules_load(&r, &p, NULL, &e) == -1) {
		CHECK(!"rules");
		policy_release(&p);
		return;
	}
	CHECK(ptime_parse(NOW, 0, &now, &off) == 0);
	for (i = 0; i < NELEM(looks); i++)
		CHECK(filter_looks_like(looks[i].s) == looks[i].looks);
	for (i = 0; i < NELEM(types); i++) {
		perr_clear(&e);
		CHECK(filter_field_type(&p, types[i].field, &t, &e) ==
		    (types[i].ok ? 0 : -1));
		if (types[i].ok)
			CHECK(t == types[i].type);
		else
			CHECK(e.code == PLAINT_USAGE);
	}
	for (i = 0; i < NELEM(parses); i++) {
		int rc;

		filter_init(&fs, &p, &r, now);
		perr_clear(&e);
		rc = filter_parse(&fs, parses[i].s, &e);
		CHECK(rc == (parses[i].ok ? 0 : -1));
		if (rc == 0) {
			CHECK(fs.n == 1);
			CHECK_STR(fs.v[0].field, parses[i].field);
			CHECK_STR(fs.v[0].value, parses[i].value);
			CHECK(fs.v[0].op == parses[i].op);
		} else {
			CHECK(e.code == PLAINT_USAGE && fs.n == 0);
			CHECK_STR(e.field, parses[i].field);
			CHECK(e.msg[0] != '\0');
		}
		if (rc != (parses[i].ok ? 0 : -1))
			printf("#   \"%s\": %s\n", parses[i].s, e.msg);
		filter_release(&fs);
	}
	for (i = 0; i < NELEM(docs); i++) {
		d[i] = yamlio_parse(docs[i], strlen(docs[i]), "d", &e);
		CHECK(d[i] != NULL);
	}
	for (i = 0; i < NELEM(matches); i++) {
		unsigned got = 0;

		filter_init(&fs, &p, &r, now);
		for (j = 0; j < 3 && matches[i].f[j] != NULL; j++)
			CHECK(filter_parse(&fs, matches[i].f[j], &e) == 0);
		for (j = 0; j < NELEM(docs); j++)
			if (d[j] != NULL && filter_match(&fs, d[j]))
				got |= 1u << j;
		CHECK(got == matches[i].match);
		if (got != matches[i].match)
			printf("#   %s: matched 0x%x\n", matches[i].f[0] ?
			    matches[i].f[0] : "(none)", got);
		filter_release(&fs);
		CHECK(fs.v == NULL && fs.n == 0);
	}
	filter_init(&fs, &p, &r, now);
	check_keys(&fs, d);
	for (i = 0; i < NELEM(docs); i++)
		node_free(d[i]);
	rules_release(&r);
	policy_release(&p);
}
