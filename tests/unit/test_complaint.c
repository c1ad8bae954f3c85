#include "../../lib/complaint.h"
#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char policy_yaml[] =
    "policy: t\n"
    "kinds: [complaint, suggestion, inquiry]\n"
    "channels: [phone, web]\n"
    "categories:\n"
    "  billing: {label: 账单, department: 营业厅}\n"
    "  other: {label: 其他}\n"
    "severities: [minor, normal, major]\n"
    "escalation: [desk, head, boss]\n"
    "required: [subject]\n"
    "defaults: {kind: complaint, severity: normal}\n"
    "fields:\n"
    "  order_no: string\n"
    "  quantity: integer\n"
    "  batch: date\n"
    "  promised: time\n"
    "  grade: {type: enum, values: [A, B]}\n";

/* complaint_input: one field as a user gives it. */
static const struct {
	const char *name, *value;
	int code;		/* 0: accepted */
	const char *out;	/* the stored text, or a part of the message */
	int quoted;		/* of the stored node */
} inputs[] = {
	{ "kind", "complaint", 0, "complaint", 0 },
	{ "kind", "bogus", PLAINT_DATAERR,
	    "allows: complaint, suggestion, inquiry", 0 },
	{ "kind", "Complaint", PLAINT_DATAERR, "not allowed", 0 },
	{ "channel", "fax", PLAINT_DATAERR, "allows: phone, web", 0 },
	{ "category", "billing", 0, "billing", 0 },
	{ "category", "nosuch", PLAINT_DATAERR, "allows: billing, other", 0 },
	{ "severity", "huge", PLAINT_DATAERR, "minor, normal, major", 0 },
	{ "department", "任何部门", 0, "任何部门", 1 },	/* no list: any */
	{ "nosuch", "1", PLAINT_USAGE, "unknown field", 0 },
	{ "complainant.age", "1", PLAINT_USAGE, "unknown field", 0 },
	{ "due.Bad", "2026-11-27", PLAINT_USAGE, "unknown field", 0 },
	{ "status", "new", PLAINT_USAGE, "kept by plaint", 0 },
	{ "id", "2611-0001", PLAINT_USAGE, "kept by plaint", 0 },
	{ "level", "1", PLAINT_USAGE, "kept by plaint", 0 },
	{ "round", "2", PLAINT_USAGE, "kept by plaint", 0 },
	{ "history", "x", PLAINT_USAGE, "kept by plaint", 0 },
	{ "complainant", "x", PLAINT_USAGE, "give its parts", 0 },
	{ "due", "x", PLAINT_USAGE, "give its parts", 0 },
	{ "resolution.valid", "yes", PLAINT_USAGE, "kept by plaint", 0 },
	{ "received", "2026-11-27T10:00:00+08:00", 0,
	    "2026-11-27T10:00:00+08:00", 1 },
	{ "received", "2026-11-27T02:00:00Z", 0,
	    "2026-11-27T10:00:00+08:00", 1 },
	{ "received", "2026-11-26T21:00:00-05:00", 0,
	    "2026-11-27T10:00:00+08:00", 1 },
	{ "received", "2026-11-27 10:00", 0, "2026-11-27T10:00:00+08:00", 1 },
	{ "received", "2026-11-27", 0, "2026-11-27T00:00:00+08:00", 1 },
	{ "received", "yesterday", PLAINT_DATAERR, "not a time", 0 },
	{ "received", "2026-02-30", PLAINT_DATAERR, "not a time", 0 },
	{ "due.first_response", "2026-11-27T02:30:00Z", 0,
	    "2026-11-27T10:30:00+08:00", 1 },
	{ "promised", "2026-12-01T00:00:00+09:00", 0,
	    "2026-11-30T23:00:00+08:00", 1 },
	{ "quantity", "12", 0, "12", 0 },
	{ "quantity", "-3", 0, "-3", 0 },
	{ "quantity", "12x", PLAINT_DATAERR, "not an integer", 0 },
	{ "quantity", "", PLAINT_DATAERR, "not an integer", 0 },
	{ "quantity", "1.5", PLAINT_DATAERR, "not an integer", 0 },
	{ "quantity", "99999999999999999999", PLAINT_DATAERR,
	    "not an integer", 0 },
	{ "batch", "2026-11-27", 0, "2026-11-27", 1 },
	{ "batch", "2026-02-30", PLAINT_DATAERR, "not a date", 0 },
	{ "batch", "2026-11-27T10:00", PLAINT_DATAERR, "not a date", 0 },
	{ "batch", "27/11/2026", PLAINT_DATAERR, "not a date", 0 },
	{ "grade", "A", 0, "A", 1 },
	{ "grade", "C", PLAINT_DATAERR, "allows: A, B", 0 },
	{ "order_no", "PO-77", 0, "PO-77", 1 },
	{ "order_no", "yes", 0, "yes", 1 },
	{ "order_no", "a\x01", PLAINT_DATAERR, "control characters", 0 },
	{ "order_no", "a\nb", PLAINT_DATAERR, "control characters", 0 },
	{ "subject", "抄表员态度恶劣", 0, "抄表员态度恶劣", 1 },
	{ "subject", "007", 0, "007", 1 },
	{ "subject", "null", 0, "null", 1 },
	{ "subject", "", PLAINT_DATAERR, "is empty", 0 },
	{ "subject", "a\nb", PLAINT_DATAERR, "control characters", 0 },
	{ "subject", "a\tb", PLAINT_DATAERR, "control characters", 0 },
	{ "subject", "\x1b[31mred", PLAINT_DATAERR, "control characters", 0 },
	{ "subject", "del\x7f", PLAINT_DATAERR, "control characters", 0 },
	{ "subject", "\xff\xfe", PLAINT_DATAERR, "UTF-8", 0 },
	{ "subject", "\xed\xa0\x80", PLAINT_DATAERR, "UTF-8", 0 },
	{ "description", "line one\nline two\tand a tab", 0,
	    "line one\nline two\tand a tab", 1 },
	{ "description", "a\rb", PLAINT_DATAERR, "control characters", 0 },
	{ "complainant.name", "张三", 0, "张三", 1 },
	{ "complainant.phone", "13800000000", 0, "13800000000", 1 },
	{ "received_by", "王芳", 0, "王芳", 1 },
	{ "source_ref", "crm-000123", 0, "crm-000123", 0 },
};

static struct stamp stamp_at(const char *iso, const char *actor)
{
	struct stamp st = { 0, 8 * 3600, actor };
	int off;

	ptime_parse(iso, 8 * 3600, &st.now, &off);
	return st;
}

static struct node *
yaml(const char *s)
{
	struct perr e;
	struct node *n;

	perr_clear(&e);
	n = yamlio_parse(s, strlen(s), "test", &e);
	if (n == NULL)
		printf("#   bad test YAML: %d:%d: %s\n", e.line, e.col, e.msg);
	return n;
}

static const char *
keys_of(const struct node *map, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; map != NULL && i < map->n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    i ? "," : "", map->keys[i]);
	return buf;
}

static void
input(const struct policy *p)
{
	size_t i;

	for (i = 0; i < NELEM(inputs); i++) {
		struct perr e;
		struct node *n;

		perr_clear(&e);
		n = complaint_input(p, inputs[i].name, inputs[i].value, &e);
		CHECK((n != NULL) == (inputs[i].code == 0));
		CHECK(e.code == inputs[i].code);
		if (n != NULL) {
			CHECK_STR(node_str(n), inputs[i].out);
			CHECK(n->quoted == inputs[i].quoted);
		} else {
			CHECK_STR(e.field, inputs[i].name);
			CHECK(strstr(e.msg, inputs[i].out) != NULL);
		}
		if ((n != NULL) != (inputs[i].code == 0) ||
		    e.code != inputs[i].code || (n == NULL &&
		    strstr(e.msg, inputs[i].out) == NULL))
			printf("#   %s=%s: %d %s\n", inputs[i].name,
			    inputs[i].value, e.code, n ? n->str : e.msg);
		node_free(n);
	}
	CHECK(complaint_field_known(p, "status"));
	CHECK(complaint_field_known(p, "due.resolution"));
	CHECK(complaint_field_known(p, "order_no"));
	CHECK(complaint_field_known(p, "resolution.valid"));
	CHECK(!complaint_field_known(p, "nosuch"));
	CHECK(!complaint_field_known(p, "due."));
}

/* complaint_new: fields in, a complete new complaint out. */
static const struct {
	const char *name;
	const char *fields;
	int code;
	const char *field;	/* e.field when refused */
	int line;		/* e.line when refused, 0: unchecked */
	const char *want[8][2];	/* path, value; NULL value: absent */
} news[] = {
	{ "defaults", "subject: 抄表员态度恶劣\ncategory: billing\n"
	    "complainant: {name: 张三}\n", 0, NULL, 0, {
		{ "kind", "complaint" }, { "severity", "normal" },
		{ "status", "new" }, { "department", "营业厅" },
		{ "received", "2026-11-27T10:00:00+08:00" },
		{ "received_by", "王芳" }, { "complainant.name", "张三" },
		{ "assignee", NULL } } },
	{ "given values win", "subject: s\nkind: inquiry\ncategory: billing\n"
	    "department: 客服中心\nreceived: \"2026-11-01T02:00:00Z\"\n"
	    "received_by: 李四\nseverity: major\n", 0, NULL, 0, {
		{ "kind", "inquiry" }, { "department", "客服中心" },
		{ "received", "2026-11-01T10:00:00+08:00" },
		{ "received_by", "李四" }, { "severity", "major" } } },
	{ "assignee given", "subject: s\nassignee: 李四\n", 0, NULL, 0, {
		{ "status", "assigned" }, { "assignee", "李四" },
		{ "level", "0" }, { "round", "1" } } },
	{ "category without department", "subject: s\ncategory: other\n", 0,
	    NULL, 0, { { "department", NULL } } },
	{ "extra fields typed", "subject: s\nquantity: 12\nbatch: 2026-11-01\n"
	    "grade: B\norder_no: 77\n", 0, NULL, 0, {
		{ "quantity", "12" }, { "batch", "2026-11-01" },
		{ "grade", "B" }, { "order_no", "77" } } },
	{ "required missing", "category: billing\n", PLAINT_DATAERR, "subject",
	    0, { { NULL, NULL } } },
	{ "bad kind", "subject: s\nkind: bogus\n", PLAINT_DATAERR, "kind", 2,
	    { { NULL, NULL } } },
	{ "bad nested", "subject: s\ncomplainant:\n  name: a\n  age: 3\n",
	    PLAINT_USAGE, "complainant.age", 4, { { NULL, NULL } } },
	{ "system field", "subject: s\nstatus: closed\n", PLAINT_USAGE,
	    "status", 2, { { NULL, NULL } } },
	{ "list value", "subject: [a, b]\n", PLAINT_DATAERR, "subject", 1,
	    { { NULL, NULL } } },
	{ "null value", "subject: s\nchannel: ~\n", PLAINT_DATAERR, "channel",
	    2, { { NULL, NULL } } },
	{ "bad integer", "subject: s\nquantity: many\n", PLAINT_DATAERR,
	    "quantity", 2, { { NULL, NULL } } },
	{ "control chars", "subject: \"a\\u001bb\"\n", PLAINT_DATAERR,
	    "subject", 1, { { NULL, NULL } } },
};

static void
new_complaints(const struct policy *p)
{
	struct stamp st = stamp_at("2026-11-27T10:00:00+08:00", "王芳");
	char buf[400];
	size_t i, j;

	for (i = 0; i < NELEM(news); i++) {
		struct node *fields = yaml(news[i].fields), *doc = NULL;
		struct perr e;
		int rc;

		perr_clear(&e);
		rc = complaint_new(&doc, p, fields, &st, &e);
		CHECK(rc == (news[i].code ? -1 : 0));
		CHECK(e.code == news[i].code);
		if (rc != (news[i].code ? -1 : 0) || e.code != news[i].code)
			printf("#   %s: %d %s: %s\n", news[i].name, e.code,
			    e.field, e.msg);
		if (rc == -1) {
			CHECK(doc == NULL);
			CHECK_STR(e.field, news[i].field);
			if (news[i].line)
				CHECK(e.line == news[i].line);
		}
		for (j = 0; rc == 0 && j < 8 && news[i].want[j][0]; j++) {
			const char *got = node_str(node_path_get(doc,
			    news[i].want[j][0]));

			if (news[i].want[j][1] == NULL)
				CHECK(got == NULL);
			else
				CHECK_STR(got, news[i].want[j][1]);
		}
		node_free(doc);
		node_free(fields);
	}

	/* The whole of one new complaint: keys in the canonical order. */
	{
		struct node *fields = yaml("subject: s\nassignee: 李四\n"
		    "order_no: \"PO-1\"\ncomplainant: {phone: \"13800000000\"}\n"
		    "channel: phone\n");
		struct node *doc = NULL, *h;
		struct perr e;
		long long n;

		perr_clear(&e);
		CHECK(complaint_new(&doc, p, fields, &st, &e) == 0);
		CHECK_STR(keys_of(doc, buf, sizeof(buf)), "kind,status,"
		    "received,channel,received_by,complainant,severity,"
		    "subject,assignee,level,round,order_no,history");
		h = node_map_get(doc, "history");
		CHECK(h != NULL && h->type == NODE_SEQ && h->n == 1);
		if (h != NULL && h->n == 1) {
			CHECK(node_int(node_map_get(h->kids[0], "n"), &n) ==
			    0 && n == 1);
			CHECK_STR(node_str(node_map_get(h->kids[0], "action")),
			    "log");
			CHECK_STR(node_str(node_map_get(h->kids[0], "by")),
			    "王芳");
			CHECK_STR(node_str(node_map_get(h->kids[0], "at")),
			    "2026-11-27T10:00:00+08:00");
		}
		CHECK(complaint_level(doc) == 0);
		CHECK_STR(complaint_status(doc), "assigned");
		node_free(doc);
		node_free(fields);
	}
}

/* complaint_event: n continues from the last event's n, not the count. */
static const struct {
	const char *doc;
	int code;
	long long n;		/* of the new event */
} events[] = {
	{ "{}", 0, 1 },
	{ "history: []", 0, 1 },
	{ "history: [{n: 1, action: log}]", 0, 2 },
	{ "history: [{n: 1}, {n: 5}]", 0, 6 },
	{ "history: [{n: 9}, {n: 3}]", 0, 4 },
	{ "history: [{n: 1}, {action: x}]", 0, 3 },	/* no n: count */
	{ "history: [{n: 1}, {n: \"7\"}]", 0, 3 },	/* a string n */
	{ "history: x", PLAINT_DATAERR, 0 },
	{ "history: {n: 1}", PLAINT_DATAERR, 0 },
};

static void
event(void)
{
	struct stamp st = stamp_at("2026-11-28T09:00:00+08:00", "李四");
	char buf[200];
	size_t i;

	for (i = 0; i < NELEM(events); i++) {
		struct node *doc = yaml(events[i].doc), *h, *last, *extra;
		struct perr e;
		long long n = 0;
		int rc;

		perr_clear(&e);
		extra = node_new_map();
		node_map_set(extra, "to", node_new_str("赵六"));
		node_map_set(extra, "note", node_new_str("x"));
		rc = complaint_event(doc, &st, "assign", extra, &e);
		CHECK(rc == (events[i].code ? -1 : 0));
		CHECK(e.code == events[i].code);
		if (rc == 0) {
			h = node_map_get(doc, "history");
			last = h->kids[h->n - 1];
			CHECK(node_int(node_map_get(last, "n"), &n) == 0);
			CHECK(n == events[i].n);
			CHECK_STR(keys_of(last, buf, sizeof(buf)),
			    "n,at,by,action,to,note");
			CHECK_STR(node_str(node_map_get(last, "at")),
			    "2026-11-28T09:00:00+08:00");
		} else
			CHECK_STR(e.field, "history");
		node_free(doc);
	}
}

/* complaint_month: the month in the policy's zone (+08:00). */
static const struct {
	const char *received;
	int year, month;	/* 0: refused */
} months[] = {
	{ "2026-11-30T23:59:59+08:00", 2026, 11 },
	{ "2026-12-01T00:00:00+08:00", 2026, 12 },
	{ "2026-11-30T15:59:59Z", 2026, 11 },
	{ "2026-11-30T16:00:00Z", 2026, 12 },
	{ "2026-11-30T11:00:00-05:00", 2026, 12 },
	{ "2026-12-31T23:59:59+08:00", 2026, 12 },
	{ "2026-12-31T16:00:00Z", 2027, 1 },
	{ "2028-02-29T12:00:00+08:00", 2028, 2 },
	{ "2028-02-29T16:00:00Z", 2028, 3 },
	{ "2026-11-27", 2026, 11 },
	{ "2026-11-30 23:59", 2026, 11 },
	{ "junk", 0, 0 },
	{ "", 0, 0 },
};

static void
month(void)
{
	char buf[100];
	size_t i;
	int y, m;

	for (i = 0; i < NELEM(months); i++) {
		struct node *doc;
		struct perr e;
		int rc;

		snprintf(buf, sizeof(buf), "received: \"%s\"\n",
		    months[i].received);
		doc = yaml(buf);
		perr_clear(&e);
		y = m = 0;
		rc = complaint_month(doc, 8 * 3600, &y, &m, &e);
		CHECK(rc == (months[i].year ? 0 : -1));
		CHECK(y == months[i].year && m == months[i].month);
		if (rc == -1)
			CHECK(e.code == PLAINT_DATAERR && e.line == 1 &&
			    strcmp(e.field, "received") == 0);
		if (y != months[i].year || m != months[i].month)
			printf("#   %s: %d/%d\n", months[i].received, y, m);
		node_free(doc);
	}
	{
		struct node *doc = yaml("{}");
		struct perr e;

		perr_clear(&e);
		CHECK(complaint_month(doc, 8 * 3600, &y, &m, &e) == -1);
		CHECK_STR(e.field, "received");
		node_free(doc);
	}
}

/* complaint_validate: a good file, then one thing wrong at a time. */
#define GOOD_HEAD "id: \"2611-0001\"\nkind: complaint\n"
#define GOOD_TAIL "received: \"2026-11-27T10:00:00+08:00\"\n" \
    "level: 0\nhistory:\n  - {n: 1, at: x, by: y, action: log}\n"
static const struct {
	const char *name;
	const char *doc;
	const char *idstr;
	const char *field;	/* NULL: valid */
	int line;
} validates[] = {
	{ "good", GOOD_HEAD "status: new\n" GOOD_TAIL, "2611-0001", NULL,
	    0 },
	{ "id mismatch", GOOD_HEAD "status: new\n" GOOD_TAIL, "2611-0002",
	    "id", 1 },
	{ "id prefixed", GOOD_HEAD "status: new\n" GOOD_TAIL,
	    "BJ-2611-0001", "id", 1 },
	{ "id missing", "kind: complaint\nstatus: new\n" GOOD_TAIL,
	    "2611-0001", "id", 1 },
	{ "unknown status", GOOD_HEAD "status: open\n" GOOD_TAIL,
	    "2611-0001", "status", 3 },
	{ "status missing", GOOD_HEAD GOOD_TAIL, "2611-0001", "status", 1 },
	{ "status a list", GOOD_HEAD "status: [new]\n" GOOD_TAIL,
	    "2611-0001", "status", 3 },
	{ "received missing", GOOD_HEAD "status: new\nlevel: 0\n",
	    "2611-0001", "received", 0 },
	{ "received bad", GOOD_HEAD "status: new\nreceived: soon\n",
	    "2611-0001", "received", 4 },
	{ "level past chain", GOOD_HEAD "status: escalated\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\nlevel: 3\n",
	    "2611-0001", "level", 5 },
	{ "level top of chain", GOOD_HEAD "status: escalated\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\nlevel: 2\n",
	    "2611-0001", NULL, 0 },
	{ "level negative", GOOD_HEAD "status: new\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\nlevel: -1\n",
	    "2611-0001", "level", 5 },
	{ "level a word", GOOD_HEAD "status: new\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\nlevel: top\n",
	    "2611-0001", "level", 5 },
	{ "level quoted", GOOD_HEAD "status: new\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\nlevel: \"1\"\n",
	    "2611-0001", "level", 5 },
	{ "kind unlisted", "id: \"2611-0001\"\nkind: praise\nstatus: new\n"
	    GOOD_TAIL, "2611-0001", "kind", 2 },
	{ "severity unlisted", GOOD_HEAD "status: new\nseverity: huge\n"
	    GOOD_TAIL, "2611-0001", "severity", 4 },
	{ "history not rising", GOOD_HEAD "status: new\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\n"
	    "history: [{n: 2, action: a}, {n: 2, action: b}]\n",
	    "2611-0001", "history", 0 },
	{ "history without action", GOOD_HEAD "status: new\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\n"
	    "history: [{n: 1}]\n", "2611-0001", "history", 0 },
	{ "unknown fields kept", GOOD_HEAD "status: closed\n"
	    "order_no: x\nextra: {a: [1]}\nresolution: {result: r}\n"
	    GOOD_TAIL, "2611-0001", NULL, 0 },
	{ "history with a gap", GOOD_HEAD "status: new\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\n"
	    "history: [{n: 1, action: log}, {n: 3, action: note}]\n",
	    "2611-0001", "history", 0 },
	{ "history starting at 5", GOOD_HEAD "status: new\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\n"
	    "history: [{n: 5, action: log}]\n", "2611-0001", "history", 0 },
	{ "closed without a resolution", GOOD_HEAD "status: closed\n"
	    GOOD_TAIL, "2611-0001", "status", 3 },
	{ "resolved without a resolution", GOOD_HEAD "status: resolved\n"
	    GOOD_TAIL, "2611-0001", "status", 3 },
	{ "closed when withdrawn", GOOD_HEAD "status: closed\n"
	    "received: \"2026-11-27T10:00:00+08:00\"\n"
	    "history: [{n: 1, action: log}, {n: 2, action: withdraw}]\n",
	    "2611-0001", NULL, 0 },
};

static void
validate(const struct policy *p)
{
	size_t i;

	for (i = 0; i < NELEM(validates); i++) {
		struct node *doc = yaml(validates[i].doc);
		struct perr e;
		int rc;

		perr_clear(&e);
		rc = complaint_validate(doc, p, validates[i].idstr,
		    "2026/11/2611-0001.yaml", &e);
		CHECK(rc == (validates[i].field ? -1 : 0));
		if (validates[i].field != NULL) {
			CHECK(e.code == PLAINT_DATAERR);
			CHECK_STR(e.field, validates[i].field);
			CHECK_STR(e.path, "2026/11/2611-0001.yaml");
			if (validates[i].line)
				CHECK(e.line == validates[i].line);
		}
		if (rc != (validates[i].field ? -1 : 0) ||
		    (validates[i].line && e.line != validates[i].line))
			printf("#   %s: %d:%d: %s: %s\n", validates[i].name,
			    e.line, e.col, e.field, e.msg);
		node_free(doc);
	}
}

static void
next_level(const struct policy *p)
{
	static const struct {
		const char *doc;
		long long next;
	} rows[] = {
		{ "level: 0", 1 }, { "level: 1", 2 }, { "level: 2", -1 },
		{ "{}", 1 }, { "level: 9", -1 },
	};
	size_t i;

	for (i = 0; i < NELEM(rows); i++) {
		struct node *doc = yaml(rows[i].doc);
		struct perr e;

		perr_clear(&e);
		CHECK(complaint_next_level(doc, p, &e) == rows[i].next);
		if (rows[i].next == -1)
			CHECK(e.code == PLAINT_REFUSED);
		node_free(doc);
	}
}

void
suite_complaint(void)
{
	struct policy p;
	struct perr e;

	perr_clear(&e);
	if ((policy_load_buf(&p, policy_yaml, strlen(policy_yaml), "p",
	    &e) == -1 ||
	    policy_load_workflows(&p, unit_find_data, &e) == -1)) {
		printf("#   policy: %s: %s\n", e.field, e.msg);
		CHECK(!"policy");
		return;
	}
	input(&p);
	new_complaints(&p);
	event();
	month();
	validate(&p);
	next_level(&p);
	policy_release(&p);
}
