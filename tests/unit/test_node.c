#include <stdlib.h>

#include <stdio.h>
#include <string.h>

#include "../../lib/node.h"
#include "../../lib/yamlio.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* "k1,k2,k3": the keys of a map in order, for comparing with a row. */
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

/* node_kind of a scalar, plain and quoted. */
static const struct {
	const char *text;
	enum scalar_kind plain;		/* quoted is always KIND_STR */
} kind_cases[] = {
	{ "yes", KIND_BOOL }, { "Yes", KIND_BOOL }, { "YES", KIND_BOOL },
	{ "no", KIND_BOOL }, { "No", KIND_BOOL }, { "NO", KIND_BOOL },
	{ "true", KIND_BOOL }, { "False", KIND_BOOL }, { "on", KIND_BOOL },
	{ "OFF", KIND_BOOL }, { "yEs", KIND_STR }, { "y", KIND_STR },
	{ "null", KIND_NULL }, { "Null", KIND_NULL }, { "NULL", KIND_NULL },
	{ "~", KIND_NULL }, { "", KIND_NULL }, { "nULL", KIND_STR },
	{ "0", KIND_INT }, { "42", KIND_INT }, { "-7", KIND_INT },
	{ "+3", KIND_INT }, { "007", KIND_INT }, { "-", KIND_STR },
	{ "+", KIND_STR }, { "12a", KIND_STR }, { "0x1F", KIND_STR },
	{ "3.14", KIND_FLOAT }, { "-0.5", KIND_FLOAT }, { ".5", KIND_FLOAT },
	{ "1.", KIND_FLOAT }, { "1e5", KIND_FLOAT }, { "1.5E-3", KIND_FLOAT },
	{ "1e", KIND_STR }, { "e5", KIND_STR }, { ".", KIND_STR },
	{ "1.2.3", KIND_STR }, { ".inf", KIND_STR }, { "1_000", KIND_STR },
	{ "2611-0001", KIND_STR }, { "2026-11-27", KIND_STR },
	{ "complaint", KIND_STR }, { "张三", KIND_STR },
};

static const struct {
	const char *s;
	int safe;
} plain_cases[] = {
	{ "phone", 1 }, { "service-attitude", 1 }, { "a_b", 1 },
	{ "abc123", 1 }, { "a-", 1 }, { "nan", 1 }, { "e5", 1 },
	{ "yes", 0 }, { "no", 0 }, { "on", 0 }, { "off", 0 }, { "true", 0 },
	{ "false", 0 }, { "null", 0 }, { "", 0 }, { "~", 0 },
	{ "2611", 0 }, { "2611-0001", 0 }, { "Phone", 0 }, { "a b", 0 },
	{ "a:b", 0 }, { "a#b", 0 }, { "-a", 0 }, { "_a", 0 }, { "a.b", 0 },
	{ "张三", 0 }, { "a\n", 0 }, { "a'", 0 }, { "a\"", 0 },
};

/* node_map_set_ordered: keys inserted one after another, final order. */
static const char *const test_order[] = { "id", "kind", "status",
	"history", NULL };
static const struct {
	const char *inserts;	/* comma-separated, inserted in this order */
	const char *want;
} order_cases[] = {
	{ "history,id,status,kind", "id,kind,status,history" },
	{ "status,kind,id", "id,kind,status" },
	/* Keys absent from order[] go just before its last entry. */
	{ "history,custom,id", "id,custom,history" },
	{ "id,history,zzz,aaa", "id,zzz,aaa,history" },
	{ "custom,history,kind", "kind,custom,history" },
	{ "custom,id", "id,custom" },
	/* A key set again keeps its place. */
	{ "id,kind,id", "id,kind" },
};

static void
map_basics(void)
{
	struct node *m = node_new_map(), *v;
	char buf[200];
	long long i;
	int b;

	CHECK(m != NULL && m->type == NODE_MAP && m->n == 0);
	CHECK(node_map_get(m, "a") == NULL);
	CHECK(node_map_set(m, "a", node_new_str("one")) == 0);
	CHECK(node_map_set(m, "b", node_new_int(-42)) == 0);
	CHECK(node_map_set(m, "c", node_new_bool(1)) == 0);
	CHECK_STR(keys_of(m, buf, sizeof(buf)), "a,b,c");
	CHECK_STR(node_str(node_map_get(m, "a")), "one");
	CHECK(node_int(node_map_get(m, "b"), &i) == 0 && i == -42);
	CHECK(node_bool(node_map_get(m, "c"), &b) == 0 && b == 1);
	CHECK(node_int(node_map_get(m, "a"), &i) == -1);
	CHECK(node_bool(node_map_get(m, "a"), &b) == -1);
	CHECK(node_int(NULL, &i) == -1);
	/* Replace keeps the position. */
	CHECK(node_map_set(m, "a", node_new_str("uno")) == 0);
	CHECK_STR(keys_of(m, buf, sizeof(buf)), "a,b,c");
	CHECK_STR(node_str(node_map_get(m, "a")), "uno");
	/* Insert at a position; past the end appends. */
	CHECK(node_map_set_at(m, 1, "x", node_new_str("x")) == 0);
	CHECK(node_map_set_at(m, 99, "y", node_new_str("y")) == 0);
	CHECK(node_map_set_at(m, 0, "c", node_new_str("c")) == 0);
	CHECK_STR(keys_of(m, buf, sizeof(buf)), "a,x,b,c,y");
	CHECK_STR(node_str(node_map_get(m, "c")), "c");
	node_map_del(m, "x");
	node_map_del(m, "a");
	node_map_del(m, "y");
	node_map_del(m, "nosuch");
	CHECK_STR(keys_of(m, buf, sizeof(buf)), "b,c");
	/* Many keys: the arrays grow. */
	for (i = 0; i < 100; i++) {
		snprintf(buf, sizeof(buf), "k%lld", i);
		CHECK(node_map_set(m, buf, node_new_int(i)) == 0);
	}
	CHECK(m->n == 102);
	CHECK(node_int(node_map_get(m, "k99"), &i) == 0 && i == 99);
	/* A set on something that is not a map frees the value. */
	v = node_new_str("scalar");
	CHECK(node_map_set(v, "k", node_new_str("leak?")) == -1);
	CHECK(node_map_set(NULL, "k", node_new_str("leak?")) == -1);
	CHECK(node_map_set(m, "k", NULL) == -1);
	CHECK(node_map_get(v, "k") == NULL);
	CHECK(node_str(m) == NULL);
	node_free(v);
	node_free(m);
	node_free(NULL);
}

static void
ordered(void)
{
	char buf[200], list[200], *tok, *save;
	size_t i;

	for (i = 0; i < NELEM(order_cases); i++) {
		struct node *m = node_new_map();

		snprintf(list, sizeof(list), "%s", order_cases[i].inserts);
		for (tok = strtok_r(list, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save))
			CHECK(node_map_set_ordered(m, tok, node_new_str(tok),
			    test_order) == 0);
		CHECK_STR(keys_of(m, buf, sizeof(buf)), order_cases[i].want);
		node_free(m);
	}
}

static void
paths(void)
{
	struct node *root = node_new_map(), *n;
	char buf[200];

	CHECK(node_path_set(root, "complainant.name", node_new_str("张三"),
	    test_order) == 0);
	CHECK(node_path_set(root, "complainant.phone",
	    node_new_str("13800000000"), test_order) == 0);
	CHECK(node_path_set(root, "a.b.c", node_new_int(1), NULL) == 0);
	CHECK(node_path_set(root, "id", node_new_str("2611-0001"),
	    test_order) == 0);
	CHECK_STR(keys_of(root, buf, sizeof(buf)), "id,complainant,a");
	CHECK_STR(node_str(node_path_get(root, "complainant.name")), "张三");
	CHECK_STR(node_str(node_path_get(root, "complainant.phone")),
	    "13800000000");
	CHECK_STR(node_str(node_path_get(root, "a.b.c")), "1");
	CHECK(node_path_get(root, "a.b")->type == NODE_MAP);
	CHECK(node_path_get(root, "a.x.c") == NULL);
	CHECK(node_path_get(root, "complainant.name.x") == NULL);
	CHECK(node_path_get(root, "nosuch") == NULL);
	CHECK(node_path_get(NULL, "a.b") == NULL);
	/* An intermediate that is not a map: refused, value freed. */
	CHECK(node_path_set(root, "id.x", node_new_str("v"), NULL) == -1);
	CHECK(node_path_set(root, "complainant.name.x", node_new_str("v"),
	    NULL) == -1);
	CHECK_STR(node_str(node_path_get(root, "id")), "2611-0001");
	/* Replace through a path. */
	CHECK(node_path_set(root, "complainant.name", node_new_str("李四"),
	    NULL) == 0);
	CHECK_STR(node_str(node_path_get(root, "complainant.name")), "李四");
	CHECK_STR(keys_of(node_path_get(root, "complainant"), buf,
	    sizeof(buf)), "name,phone");
	node_path_del(root, "complainant.name");
	node_path_del(root, "complainant.nosuch");
	node_path_del(root, "nosuch.name");
	node_path_del(root, "a");
	CHECK(node_path_get(root, "complainant.name") == NULL);
	CHECK_STR(keys_of(root, buf, sizeof(buf)), "id,complainant");
	n = node_path_get(root, "complainant");
	CHECK(n != NULL && n->n == 1);
	node_free(root);
}

static void
kinds(void)
{
	size_t i;

	for (i = 0; i < NELEM(kind_cases); i++) {
		const char *t = kind_cases[i].text;
		struct node *p = node_new_scalar(t, strlen(t), 0);
		struct node *q = node_new_scalar(t, strlen(t), 1);

		CHECK(node_kind(p) == kind_cases[i].plain);
		if (node_kind(p) != kind_cases[i].plain)
			printf("#   plain \"%s\"\n", t);
		CHECK(node_kind(q) == KIND_STR);
		node_free(p);
		node_free(q);
	}
	CHECK(node_kind(NULL) == KIND_STR);
}

static void
constructors(void)
{
	struct node *n;
	long long v;
	int b;

	/* node_new_str quotes whatever would not read back as a string. */
	n = node_new_str("phone");
	CHECK(!n->quoted && node_kind(n) == KIND_STR);
	node_free(n);
	n = node_new_str("yes");
	CHECK(n->quoted && node_kind(n) == KIND_STR);
	node_free(n);
	n = node_new_str("2611-0001");
	CHECK(n->quoted && node_kind(n) == KIND_STR);
	node_free(n);
	n = node_new_str("123");
	CHECK(n->quoted && node_kind(n) == KIND_STR);
	node_free(n);
	n = node_new_strn("abcdef", 3);
	CHECK_STR(node_str(n), "abc");
	node_free(n);
	n = node_new_int(-9223372036854775807LL - 1);
	CHECK(node_int(n, &v) == 0 && v == -9223372036854775807LL - 1);
	node_free(n);
	n = node_new_bool(0);
	CHECK(node_bool(n, &b) == 0 && b == 0);
	CHECK_STR(node_str(n), "false");
	node_free(n);
	/* An int too large for long long is not an int value. */
	n = node_new_scalar("99999999999999999999", 20, 0);
	CHECK(node_kind(n) == KIND_INT && node_int(n, &v) == -1);
	node_free(n);
}

static void
plain_safe(void)
{
	size_t i;

	for (i = 0; i < NELEM(plain_cases); i++) {
		const char *s = plain_cases[i].s;
		struct node *n;

		CHECK(node_plain_safe(s) == plain_cases[i].safe);
		if (node_plain_safe(s) != plain_cases[i].safe)
			printf("#   plain_safe \"%s\"\n", s);
		/* Safe words read back as strings when unquoted. */
		n = node_new_scalar(s, strlen(s), 0);
		if (plain_cases[i].safe)
			CHECK(node_kind(n) == KIND_STR);
		node_free(n);
	}
}

static int
same_tree(const struct node *a, const struct node *b)
{
	size_t i;

	if (a->type != b->type || a->n != b->n || a->flow != b->flow ||
	    a->line != b->line || a->col != b->col)
		return 0;
	if (a->type == NODE_SCALAR)
		return a->quoted == b->quoted && strcmp(a->str, b->str) == 0;
	for (i = 0; i < a->n; i++) {
		if (a->type == NODE_MAP && strcmp(a->keys[i], b->keys[i]) != 0)
			return 0;
		if (a->kids[i] == b->kids[i] || !same_tree(a->kids[i],
		    b->kids[i]))
			return 0;
	}
	return 1;
}

static void
dup(void)
{
	struct node *m = node_new_map(), *seq = node_new_seq(), *d;

	node_seq_push(seq, node_new_str("a"));
	node_seq_push(seq, node_new_scalar("1", 1, 1));
	node_map_set(m, "list", seq);
	node_path_set(m, "complainant.name", node_new_str("张三"), NULL);
	node_map_set(m, "n", node_new_int(3));
	m->line = 4;
	m->col = 2;
	seq->flow = 1;
	d = node_dup(m);
	CHECK(d != NULL && d != m);
	CHECK(d != NULL && same_tree(m, d));
	/* The copy is deep: changing it leaves the original alone. */
	node_path_set(d, "complainant.name", node_new_str("李四"), NULL);
	node_seq_push(node_map_get(d, "list"), node_new_str("b"));
	CHECK_STR(node_str(node_path_get(m, "complainant.name")), "张三");
	CHECK(seq->n == 2);
	node_free(d);
	d = node_dup(node_map_get(m, "n"));
	CHECK(d != NULL && d->type == NODE_SCALAR && !d->quoted);
	CHECK_STR(node_str(d), "3");
	node_free(d);
	node_free(m);
	/* A push on something that is not a sequence frees the value. */
	m = node_new_map();
	CHECK(node_seq_push(m, node_new_str("x")) == -1);
	CHECK(node_seq_push(NULL, node_new_str("x")) == -1);
	node_free(m);
}

/* Rule matching (node_match): values, lists of values, lists in doc. */
static void
matching(void)
{
	static const char doc_text[] =
	    "channel: media\nvalid: true\nresolution:\n"
	    "  responsible: [张三, 赵六]\nempty: []\n";
	static const struct {
		const char *when;
		int want;
	} cases[] = {
		{ "{channel: media}", 1 },
		{ "{channel: letter}", 0 },
		{ "{channel: [letter, media]}", 1 },
		{ "{channel: \"*\"}", 1 },
		{ "{missing: \"*\"}", 0 },
		{ "{missing: \"\"}", 1 },
		{ "{valid: yes}", 1 },
		{ "{valid: no}", 0 },
		{ "{resolution.responsible: 赵六}", 1 },
		{ "{resolution.responsible: 李四}", 0 },
		{ "{resolution.responsible: [李四, 张三]}", 1 },
		{ "{empty: \"\"}", 1 },
		{ "{empty: \"*\"}", 0 },
		{ "{channel: media, valid: no}", 0 },
	};
	struct node *doc, *when;
	struct perr e;
	size_t i;

	perr_clear(&e);
	doc = yamlio_parse(doc_text, sizeof(doc_text) - 1, "doc", &e);
	CHECK(doc != NULL);
	CHECK(node_match(NULL, doc) == 1);
	for (i = 0; doc != NULL && i < sizeof(cases) / sizeof(cases[0]); i++) {
		when = yamlio_parse(cases[i].when, strlen(cases[i].when),
		    "when", &e);
		CHECK(when != NULL);
		if (when == NULL)
			continue;
		if (node_match(when, doc) != cases[i].want)
			printf("#   when %s: not %d\n", cases[i].when,
			    cases[i].want);
		CHECK(node_match(when, doc) == cases[i].want);
		node_free(when);
	}
	node_free(doc);
}

void
suite_node(void)
{
	map_basics();
	ordered();
	paths();
	kinds();
	constructors();
	plain_safe();
	dup();
	matching();
}
