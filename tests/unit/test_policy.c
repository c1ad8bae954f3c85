#include "../../lib/policy.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char good[] =
    "policy: test\n"
    "title: \"测试\"\n"
    "timezone: \"+05:30\"\n"
    "numbering: {format: YYMM-NNNN, prefix: BJ2}\n"
    "file_mode: \"0640\"\n"
    "kinds: [complaint, suggestion]\n"			/* a sequence */
    "channels:\n"					/* a mapping */
    "  phone: {label: 电话}\n"
    "  web: {label: 网站}\n"
    "categories:\n"
    "  billing: {label: 账单, department: 营业厅}\n"
    "  other: {label: 其他}\n"
    "severities: [minor, normal]\n"
    "departments: []\n"
    "causes: ~\n"
    "escalation:\n"
    "  - name: 受理部门\n"
    "  - {name: 部门负责人, department: 客服中心, assignee: 王经理}\n"
    "  - 总经理\n"
    "required: [subject, complainant.phone]\n"
    "defaults: {kind: complaint}\n"
    "fields:\n"
    "  order_no: string\n"
    "  quantity: {type: integer}\n"
    "  batch: {type: date}\n"
    "  promised: time\n"
    "  grade: {type: enum, values: [A, B]}\n"
    "  lead: {type: person}\n"
    "  crew: {type: list, of: person}\n"
    "  wires: {type: list}\n"
    "  hand: {type: bool}\n";

/* The smallest policy, then each bad one: a key changed or added. */
#define MIN "policy: t\nkinds: [complaint]\nescalation: [desk]\n"

static const struct {
	const char *name;
	const char *yaml;
	const char *field;	/* e.field */
	int line;		/* e.line, 0: not checked */
} bad[] = {
	{ "missing name", "kinds: [a]\nescalation: [x]\n", "policy", 0 },
	{ "name is a list", "policy: [a]\nkinds: [a]\nescalation: [x]\n",
	    "policy", 0 },
	{ "unknown key", MIN "colour: red\n", "colour", 4 },
	{ "misspelt key", MIN "kind: [a]\n", "kind", 4 },
	{ "bad timezone", MIN "timezone: Asia/Shanghai\n", "timezone", 4 },
	{ "timezone no colon", MIN "timezone: \"+0800\"\n", "timezone", 4 },
	{ "timezone +15", MIN "timezone: \"+15:00\"\n", "timezone", 4 },
	{ "prefix lowercase", MIN "numbering: {prefix: bj}\n",
	    "numbering.prefix", 4 },
	{ "prefix too long", MIN "numbering: {prefix: ABCDEFGHI}\n",
	    "numbering.prefix", 4 },
	{ "prefix digit first", MIN "numbering: {prefix: 1BJ}\n",
	    "numbering.prefix", 4 },
	{ "prefix with dash", MIN "numbering: {prefix: B-J}\n",
	    "numbering.prefix", 4 },
	{ "prefix path", MIN "numbering: {prefix: ../X}\n",
	    "numbering.prefix", 4 },
	{ "format", MIN "numbering: {format: NNNN}\n", "numbering.format",
	    4 },
	{ "numbering scalar", MIN "numbering: BJ\n", "numbering", 4 },
	{ "file_mode 0644", MIN "file_mode: \"0644\"\n", "file_mode", 4 },
	{ "file_mode 0666", MIN "file_mode: 0666\n", "file_mode", 4 },
	{ "file_mode list", MIN "file_mode: [0600]\n", "file_mode", 4 },
	{ "escalation missing", "policy: t\nkinds: [a]\n", "escalation", 0 },
	{ "escalation empty", "policy: t\nkinds: [a]\nescalation: []\n",
	    "escalation", 3 },
	{ "escalation scalar", "policy: t\nkinds: [a]\nescalation: desk\n",
	    "escalation", 3 },
	{ "escalation map", "policy: t\nkinds: [a]\nescalation: {a: b}\n",
	    "escalation", 3 },
	{ "level without name",
	    "policy: t\nkinds: [a]\nescalation: [{department: x}]\n",
	    "escalation", 3 },
	{ "level empty name",
	    "policy: t\nkinds: [a]\nescalation: [\"\"]\n", "escalation", 3 },
	{ "enum without values", MIN "fields: {grade: {type: enum}}\n",
	    "grade", 4 },
	{ "enum empty values",
	    MIN "fields: {grade: {type: enum, values: []}}\n", "grade", 4 },
	{ "enum as a word", MIN "fields: {grade: enum}\n", "grade", 4 },
	{ "enum values not scalars",
	    MIN "fields: {grade: {type: enum, values: [[a]]}}\n", "grade",
	    4 },
	{ "field type unknown", MIN "fields: {x: {type: boolean}}\n", "x", 4 },
	{ "list of what", MIN "fields: {x: {type: list, of: thing}}\n", "x", 4 },
	{ "field type missing", MIN "fields: {x: {}}\n", "x", 4 },
	{ "fields a list", MIN "fields: [a, b]\n", "fields", 4 },
	{ "fields a word", MIN "fields: order_no\n", "fields", 4 },
	{ "kinds missing", "policy: t\nescalation: [desk]\n", "kinds", 0 },
	{ "kinds empty", "policy: t\nkinds: []\nescalation: [desk]\n",
	    "kinds", 0 },
	{ "kinds scalar", "policy: t\nkinds: complaint\nescalation: [d]\n",
	    "kinds", 2 },
	{ "kinds empty name", "policy: t\nkinds: [\"\"]\nescalation: [d]\n",
	    "kinds", 2 },
	{ "kinds nested list", "policy: t\nkinds: [[a]]\nescalation: [d]\n",
	    "kinds", 2 },
	{ "channels scalar", MIN "channels: phone\n", "channels", 4 },
	/* Of the wrong type: refused, not loaded as if absent. */
	{ "timezone a list", MIN "timezone: [1, 2]\n", "timezone", 4 },
	{ "title a mapping", MIN "title: {a: b}\n", "title", 4 },
	{ "business hours a list", MIN "business_hours: [\"08:00-17:00\"]\n",
	    "business_hours", 4 },
	{ "departments mapped to a word", MIN "departments: {a: b}\n",
	    "departments", 4 },
	{ "channels empty", MIN "channels: {}\n", "channels", 4 },
	{ "severities empty", MIN "severities: []\n", "severities", 4 },
	{ "defaults a list", MIN "defaults: [a]\n", "defaults", 4 },
	{ "not a mapping", "- a\n- b\n", "policy", 0 },
	/* Labels: each stands for one value, and is no other's name. */
	{ "label is another value's name",
	    MIN "categories: {a: {label: b}, b: {label: x}}\n", "categories",
	    4 },
	{ "two values share a label",
	    MIN "severities: {a: {label: 重}, b: {label: 重}}\n", "severities",
	    4 },
	{ "level name is another level's number",
	    "policy: t\nkinds: [a]\nescalation: [\"1\", x]\n", "escalation",
	    0 },
	{ "two fields share a label", MIN "labels: {subject: 类别}\n",
	    "labels", 4 },
	{ "a field's label and a policy field's", MIN "fields: {x: {type: "
	    "string, label: 主题}}\n", "labels", 0 },
	{ "labels for no field", MIN "labels: {nosuch: x}\n", "labels", 4 },
	{ "labels a list", MIN "labels: [a]\n", "labels", 4 },
	{ "label empty", MIN "labels: {subject: \"\"}\n", "labels", 4 },
};

static const struct {
	const char *name;
	const char *yaml;
	int line;
} bad_yaml[] = {
	{ "syntax", "policy: [t\n", 2 },
	{ "duplicate key", "policy: t\npolicy: u\n", 2 },
	{ "alias", "policy: &p t\n", 1 },
	{ "empty", "", 1 },
};

void
suite_policy(void)
{
	struct policy p;
	struct perr e;
	char buf[200];
	size_t i;
	int rc;

	perr_clear(&e);
	CHECK(policy_load_buf(&p, good, strlen(good), "plaint.yaml", &e) ==
	    0);
	if (e.code != 0)
		printf("#   %s: %s\n", e.field, e.msg);
	CHECK_STR(p.name, "test");
	CHECK(p.tz_off == 5 * 3600 + 30 * 60);
	CHECK_STR(p.prefix, "BJ2");
	CHECK(p.file_mode == 0640 && p.dir_mode == 0750);
	CHECK(p.kinds.n == 2);
	CHECK_STR(p.kinds.v[1], "suggestion");
	CHECK(p.channels.n == 2);
	CHECK_STR(p.channels.v[0], "phone");
	CHECK(strlist_has(&p.channels, "web"));
	CHECK(!strlist_has(&p.channels, "label"));
	CHECK(p.categories.n == 2 && p.severities.n == 2);
	CHECK(p.departments.n == 0 && p.causes.n == 0 && p.notice_methods.n == 0);
	CHECK(p.required.n == 2);
	CHECK_STR(p.required.v[1], "complainant.phone");
	CHECK(p.nlevels == 3);
	CHECK_STR(p.levels[0].name, "受理部门");
	CHECK(p.levels[0].department == NULL && p.levels[0].assignee == NULL);
	CHECK_STR(p.levels[1].department, "客服中心");
	CHECK_STR(p.levels[1].assignee, "王经理");
	CHECK_STR(p.levels[2].name, "总经理");
	CHECK(p.nfields == 9);
	CHECK(policy_field(&p, "order_no")->type == FIELD_STRING);
	CHECK(policy_field(&p, "quantity")->type == FIELD_INTEGER);
	CHECK(policy_field(&p, "batch")->type == FIELD_DATE);
	CHECK(policy_field(&p, "promised")->type == FIELD_TIME);
	CHECK(policy_field(&p, "grade")->type == FIELD_ENUM);
	CHECK(policy_field(&p, "lead")->type == FIELD_PERSON);
	CHECK(policy_field(&p, "crew")->type == FIELD_LIST);
	CHECK(policy_field(&p, "crew")->of_person);
	CHECK(policy_field(&p, "wires")->type == FIELD_LIST);
	CHECK(!policy_field(&p, "wires")->of_person);
	CHECK(policy_field(&p, "hand")->type == FIELD_BOOL);
	CHECK(policy_field(&p, "grade")->values.n == 2);
	CHECK(policy_field(&p, "nosuch") == NULL);
	CHECK_STR(policy_category_department(&p, "billing"), "营业厅");
	CHECK(policy_category_department(&p, "other") == NULL);
	CHECK(policy_category_department(&p, "nosuch") == NULL);
	CHECK(p.defaults != NULL && p.defaults->n == 1);
	strlist_join(&p.kinds, buf, sizeof(buf));
	CHECK_STR(buf, "complaint, suggestion");
	strlist_join(&p.kinds, buf, 12);
	CHECK_STR(buf, "complaint, ");
	strlist_join(&p.departments, buf, sizeof(buf));
	CHECK_STR(buf, "");
	/* Labels in and out: a key or its label; one look-up each. */
	CHECK_STR(strlist_key(&p.channels, "电话"), "phone");
	CHECK_STR(strlist_key(&p.channels, "phone"), "phone");
	CHECK(strlist_key(&p.channels, "fax") == NULL);
	CHECK(strlist_key(&p.channels, NULL) == NULL);
	CHECK_STR(strlist_key(&p.kinds, "suggestion"), "suggestion");
	CHECK_STR(strlist_label(&p.channels, "web"), "网站");
	CHECK_STR(strlist_label(&p.kinds, "complaint"), "complaint");
	CHECK_STR(strlist_label(&p.channels, "fax"), "fax");
	CHECK(strlist_label(&p.channels, NULL) == NULL);
	strlist_join_labels(&p.categories, buf, sizeof(buf));
	CHECK_STR(buf, "billing (账单), other (其他)");
	CHECK_STR(policy_value_key(&p, "category", "账单"), "billing");
	CHECK_STR(policy_value_key(&p, "level", "部门负责人"), "1");
	CHECK_STR(policy_value_key(&p, "level", "2"), "2");
	CHECK(policy_value_key(&p, "level", "3") == NULL);
	CHECK(policy_value_key(&p, "grade", "C") == NULL);
	CHECK_STR(policy_value_key(&p, "grade", "A"), "A");
	CHECK_STR(policy_value_key(&p, "subject", "账单"), "账单");
	CHECK_STR(policy_value_key(&p, "department", "任何部门"), "任何部门");
	CHECK(policy_vocab(&p, "department") == NULL);
	CHECK(policy_vocab(&p, "status") == NULL);	/* no workflows */
	CHECK_STR(policy_value_label(&p, "level", "0"), "受理部门");
	CHECK_STR(policy_value_label(&p, "category", "other"), "其他");
	CHECK_STR(policy_value_label(&p, "subject", "x"), "x");
	CHECK_STR(policy_field_label(&p, "subject"), "主题");
	CHECK_STR(policy_field_label(&p, "complainant.name"), "投诉人姓名");
	CHECK(policy_field_label(&p, "order_no") == NULL);
	CHECK_STR(policy_field_by_label(&p, "渠道"), "channel");
	CHECK_STR(policy_field_by_label(&p, "联系电话"), "complainant.phone");
	CHECK(policy_field_by_label(&p, "事由") == NULL);
	policy_release(&p);
	CHECK(p.root == NULL && p.kinds.v == NULL);

	/* A policy renames fields: labels: for any, label: for its own. */
	{
		static const char over[] = MIN "labels: {subject: 事由}\n"
		    "fields: {x: {type: string, label: 工单号}}\n";

		perr_clear(&e);
		CHECK(policy_load_buf(&p, over, strlen(over), "o", &e) == 0);
		CHECK_STR(policy_field_label(&p, "subject"), "事由");
		CHECK_STR(policy_field_by_label(&p, "事由"), "subject");
		CHECK(policy_field_by_label(&p, "主题") == NULL);
		CHECK_STR(policy_field_label(&p, "x"), "工单号");
		CHECK_STR(policy_field_by_label(&p, "工单号"), "x");
		CHECK_STR(policy_field_label(&p, "category"), "类别");
		policy_release(&p);
	}

	/* Empty or null lists of fields are no fields. */
	for (i = 0; i < 3; i++) {
		static const char *const empty[] = { MIN "fields: {}\n",
			MIN "fields: []\n", MIN "fields:\n" };

		perr_clear(&e);
		CHECK(policy_load_buf(&p, empty[i], strlen(empty[i]), "e",
		    &e) == 0 && p.nfields == 0);
		policy_release(&p);
	}

	/* The smallest policy: defaults for what it leaves out. */
	perr_clear(&e);
	CHECK(policy_load_buf(&p, MIN, strlen(MIN), "min.yaml", &e) == 0);
	CHECK(p.tz_off == 8 * 3600);
	CHECK_STR(p.prefix, "");
	CHECK(p.file_mode == 0600 && p.dir_mode == 0700);
	CHECK(p.nfields == 0 && p.defaults == NULL);
	policy_release(&p);

	for (i = 0; i < NELEM(bad); i++) {
		perr_clear(&e);
		rc = policy_load_buf(&p, bad[i].yaml, strlen(bad[i].yaml),
		    "bad.yaml", &e);
		CHECK(rc == -1);
		CHECK(e.code == PLAINT_CONFIG);
		CHECK_STR(e.field, bad[i].field);
		CHECK_STR(e.path, "bad.yaml");
		CHECK(e.msg[0] != '\0');
		if (bad[i].line != 0)
			CHECK(e.line == bad[i].line);
		if (e.code != PLAINT_CONFIG || strcmp(e.field,
		    bad[i].field) != 0 || (bad[i].line && e.line !=
		    bad[i].line))
			printf("#   %s: %d:%d: %s: %s\n", bad[i].name, e.line,
			    e.col, e.field, e.msg);
		CHECK(p.root == NULL);
		if (rc == 0)
			policy_release(&p);
	}
	for (i = 0; i < NELEM(bad_yaml); i++) {
		perr_clear(&e);
		CHECK(policy_load_buf(&p, bad_yaml[i].yaml,
		    strlen(bad_yaml[i].yaml), "bad.yaml", &e) == -1);
		CHECK(e.code == PLAINT_CONFIG);
		CHECK(e.line == bad_yaml[i].line);
		CHECK_STR(e.path, "bad.yaml");
	}
	perr_clear(&e);
	CHECK(policy_load(&p, "/nonexistent/plaint.yaml", &e) == -1);
	CHECK(e.code == PLAINT_CONFIG);
}
