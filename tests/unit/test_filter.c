#include "../../lib/filter.h"
#include "../../lib/yamlio.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char policy_yaml[] =
    "policy: t\n"
    "kinds: [complaint, suggestion]\n"
    "escalation: [desk, head]\n"
    "fields: {order_no: string, quantity: integer}\n";

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
	{ "resolution.valid=yes", 1, "resolution.valid", "yes", FILTER_EQ },
	{ "due.resolution=x", 1, "due.resolution", "x", FILTER_EQ },
	{ "order_no=PO-1", 1, "order_no", "PO-1", FILTER_EQ },
	{ "level=0", 1, "level", "0", FILTER_EQ },
	{ "history=x", 1, "history", "x", FILTER_EQ },
	{ "nosuch=1", 0, "nosuch", NULL, FILTER_EQ },
	{ "complainant.age=3", 0, "complainant.age", NULL, FILTER_EQ },
	{ "due.Bad=x", 0, "due.Bad", NULL, FILTER_EQ },
	{ "Status=new", 0, "Status", NULL, FILTER_EQ },
	{ "status==new", 1, "status", "=new", FILTER_EQ },
	{ "=new", 0, "", NULL, FILTER_EQ },
	{ "!=new", 0, "", NULL, FILTER_EQ },
	{ "status", 0, "", NULL, FILTER_EQ },
	{ "", 0, "", NULL, FILTER_EQ },
};

static const struct {
	const char *s;
	int looks;
} looks[] = {
	{ "a=b", 1 }, { "a!=b", 1 }, { "a=", 1 }, { "=b", 0 }, { "abc", 0 },
	{ "", 0 }, { "2611-0001", 0 },
};

static const char *const docs[] = {
	/* 0 */ "status: new\nkind: complaint\n",
	/* 1 */ "status: assigned\nassignee: \"李四\"\n"
	    "complainant: {name: \"张三\"}\n",
	/* 2 */ "status: escalated\nassignee: ~\nlevel: 1\n",
	/* 3 */ "status: resolved\nresolution: {valid: true}\n",
	/* 4 */ "status: closed\nresolution: {valid: false}\n"
	    "order_no: \"PO-1\"\n",
	/* 5 */ "status: resolved\nresolution: {valid: \"yes\"}\nquantity: 7\n",
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
	{ { "complainant.name=张三" }, 1 << 1 },
	{ { "complainant.name!=张三" }, 0x3d },
	{ { "complainant.name=" }, 0x3d },
	{ { "resolution.valid=yes" }, 1 << 3 | 1 << 5 },
	{ { "resolution.valid=true" }, 1 << 3 },
	{ { "resolution.valid=no" }, 1 << 4 },
	{ { "resolution.valid=false" }, 1 << 4 },
	{ { "resolution.valid!=yes" }, 0x17 },
	{ { "resolution=x" }, 0 },	/* a map never equals a word */
	{ { "kind=complaint" }, 1 << 0 },
	{ { "order_no=PO-1" }, 1 << 4 },
	{ { "quantity=7" }, 1 << 5 },
	{ { "level=1" }, 1 << 2 },
	{ { "status=open", "assignee=" }, 1 << 0 | 1 << 2 },
	{ { "status=resolved", "resolution.valid=yes", "quantity!=7" },
	    1 << 3 },
	{ { NULL }, 0x3f },		/* no filter: everything */
};

void
suite_filter(void)
{
	struct node *d[NELEM(docs)];
	struct filter_set fs;
	struct policy p;
	struct perr e;
	size_t i, j;

	perr_clear(&e);
	if (policy_load_buf(&p, policy_yaml, strlen(policy_yaml), "p", &e)) {
		CHECK(!"policy");
		return;
	}
	for (i = 0; i < NELEM(looks); i++)
		CHECK(filter_looks_like(looks[i].s) == looks[i].looks);
	for (i = 0; i < NELEM(parses); i++) {
		int rc;

		memset(&fs, 0, sizeof(fs));
		perr_clear(&e);
		rc = filter_parse(&fs, parses[i].s, &p, &e);
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

		memset(&fs, 0, sizeof(fs));
		for (j = 0; j < 3 && matches[i].f[j] != NULL; j++)
			CHECK(filter_parse(&fs, matches[i].f[j], &p, &e) == 0);
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
	for (i = 0; i < NELEM(docs); i++)
		node_free(d[i]);
	policy_release(&p);
}
