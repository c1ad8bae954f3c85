#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * RELIABILITY.md T10: each hostile input fails in under 50 ms.  Sanitizers
 * and valgrind slow everything down, so the bound is scaled for them; even
 * scaled it stays far below libyaml's 29.5 s without a depth cap.
 */
static double
time_limit_ms(void)
{
	const char *pre = getenv("LD_PRELOAD");
	double ms = 50;

#if defined(__SANITIZE_ADDRESS__)
	ms *= 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	ms *= 10;
#endif
#endif
	if (pre != NULL && strstr(pre, "vgpreload") != NULL)
		ms *= 40;	/* running under valgrind */
	return ms;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static const char complaint_doc[] =
    "id: \"2611-0001\"\n"
    "kind: complaint\n"
    "status: assigned\n"
    "received: \"2026-11-27T10:00:00+08:00\"\n"
    "channel: phone\n"
    "received_by: \"王芳\"\n"
    "complainant:\n"
    "  name: \"张三\"\n"
    "  phone: \"13800000000\"\n"
    "category: service-attitude\n"
    "subject: \"抄表员态度恶劣\"\n"
    "description: \"第一行\\n第二行: \\\"引号\\\" #不是注释\"\n"
    "order_no: \"PO-77\"\n"		/* a field plaint does not know */
    "quantity: 12\n"
    "weird key: {x: [1, 2, {y: z}]}\n"
    "level: 0\n"
    "round: 1\n"
    "flags: [yes, \"no\", ~, null, 1.5, 007, -3]\n"
    "due:\n"
    "  first_response: \"2026-11-27T10:30:00+08:00\"\n"
    "resolution: {result: \"ok\", valid: true}\n"
    "history:\n"
    "  - {n: 1, at: \"2026-11-27T10:00:00+08:00\", by: \"王芳\", "
    "action: log}\n"
    "  - n: 2\n"
    "    at: \"2026-11-27T10:05:00+08:00\"\n"
    "    by: \"王芳\"\n"
    "    action: assign\n"
    "    to: \"李四\"\n"
    "  - {}\n"
    "  - []\n"
    "zz_last_unknown: 'single ''quoted'''\n";

static const struct {
	const char *name;
	const char *text;
} round_trips[] = {
	{ "complaint", complaint_doc },
	{ "scalars", "a: \"yes\"\nb: yes\nc: \"\"\nd: ''\ne:\nf: \"  lead\"\n"
	    "g: \"tab\\there\"\nh: \"\\u2028\"\ni: \"a: b\"\nj: \"- x\"\n"
	    "k: \"@at\"\nl: \"%pct\"\nm: \"\\x01\"\n" },
	{ "keys", "\"yes\": 1\n\"1\": 2\n\"a: b\": 3\n\"\": 4\n"
	    "\"张三\": 5\n" },
	{ "literal", "d: |\n  line one\n  line two\ne: >\n  folded\n"
	    "  text\n" },
	{ "sequence root", "- a\n- \"b\"\n- [c, d]\n" },
	{ "scalar root", "hello\n" },
	{ "explicit document", "---\na: 1\n...\n" },
};

static void
round_trip(void)
{
	size_t i;

	for (i = 0; i < NELEM(round_trips); i++) {
		const char *text = round_trips[i].text;
		struct strbuf out = STRBUF_INIT, out2 = STRBUF_INIT;
		struct node *a, *b = NULL;
		struct perr e;

		perr_clear(&e);
		a = yamlio_parse(text, strlen(text), round_trips[i].name, &e);
		CHECK(a != NULL);
		if (a == NULL) {
			printf("#   %s: %s:%d:%d: %s\n", round_trips[i].name,
			    e.path, e.line, e.col, e.msg);
			continue;
		}
		CHECK(yamlio_emit(a, &out, &e) == 0);
		b = yamlio_parse(out.buf, out.len, "emitted", &e);
		CHECK(same_tree(a, b, 0));
		if (!same_tree(a, b, 0))
			printf("#   %s emitted as:\n%s", round_trips[i].name,
			    strbuf_str(&out));
		/* Emitting again gives the same text. */
		if (b != NULL) {
			CHECK(yamlio_emit(b, &out2, &e) == 0);
			CHECK_STR(strbuf_str(&out2), strbuf_str(&out));
		}
		CHECK(e.code == 0);
		node_free(a);
		node_free(b);
		strbuf_release(&out);
		strbuf_release(&out2);
	}
}

static void
complaint_fields(void)
{
	struct strbuf out = STRBUF_INIT;
	struct node *doc, *again;
	struct perr e;
	const struct node *n;

	perr_clear(&e);
	doc = yamlio_parse(complaint_doc, strlen(complaint_doc), "c", &e);
	CHECK(doc != NULL && doc->type == NODE_MAP);
	if (doc == NULL)
		return;
	CHECK(doc->n == 20);
	CHECK_STR(doc->keys[0], "id");
	CHECK_STR(doc->keys[10], "order_no");
	CHECK_STR(doc->keys[doc->n - 1], "zz_last_unknown");
	n = node_map_get(doc, "id");
	CHECK(n->quoted && n->line == 1 && n->col == 5);
	n = node_path_get(doc, "complainant.name");
	CHECK_STR(node_str(n), "张三");
	CHECK(n != NULL && n->line == 8 && n->col == 9);
	CHECK_STR(node_str(node_map_get(doc, "description")),
	    "第一行\n第二行: \"引号\" #不是注释");
	CHECK_STR(node_str(node_map_get(doc, "zz_last_unknown")),
	    "single 'quoted'");
	CHECK(node_map_get(doc, "resolution")->flow == 1);
	CHECK(node_map_get(doc, "due")->flow == 0);
	CHECK(node_kind(node_map_get(doc, "quantity")) == KIND_INT);
	n = node_map_get(doc, "flags");
	CHECK(n->n == 7 && node_kind(n->kids[0]) == KIND_BOOL &&
	    node_kind(n->kids[1]) == KIND_STR &&
	    node_kind(n->kids[2]) == KIND_NULL &&
	    node_kind(n->kids[4]) == KIND_FLOAT);
	CHECK(node_str(node_path_get(doc, "weird key.x")) == NULL);
	CHECK(node_path_get(doc, "weird key.x")->n == 3);
	/* The emitted text keeps CJK as it is and unknown fields in place. */
	CHECK(yamlio_emit(doc, &out, &e) == 0);
	CHECK(strstr(strbuf_str(&out), "name: \"张三\"\n") != NULL);
	CHECK(strstr(strbuf_str(&out), "order_no: \"PO-77\"\nquantity: 12\n")
	    != NULL);
	CHECK(strncmp(strbuf_str(&out), "id: \"2611-0001\"\nkind: complaint\n",
	    32) == 0);
	again = yamlio_parse(out.buf, out.len, "again", &e);
	CHECK(same_tree(doc, again, 0));
	node_free(again);
	node_free(doc);
	strbuf_release(&out);
}

/* Hostile inputs are built by a function: most are too big to write. */
typedef void build_fn(struct strbuf *sb);

static void
repeat(struct strbuf *sb, const char *s, long n)
{
	while (n-- > 0)
		strbuf_addstr(sb, s);
}

static void
b_brackets(struct strbuf *sb)
{
	repeat(sb, "[", 100000);
}

static void
b_braces(struct strbuf *sb)
{
	repeat(sb, "{a:", 100000);
}

/* With a space after the colon, each { opens a mapping. */
static void
b_braces_spaced(struct strbuf *sb)
{
	repeat(sb, "{a: ", 100000);
}

static void
b_laughs(struct strbuf *sb)
{
	static const char *const names = "abcdefghi";
	int i, j;

	strbuf_addstr(sb, "lol: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
	    "\"lol\",\"lol\",\"lol\",\"lol\"]\n");
	for (i = 1; i < 9; i++) {
		strbuf_addf(sb, "l%c: &%c [", names[i], names[i]);
		for (j = 0; j < 9; j++)
			strbuf_addf(sb, "%s*%c", j ? "," : "", names[i - 1]);
		strbuf_addstr(sb, "]\n");
	}
}

static void
b_laughs_no_anchor(struct strbuf *sb)
{
	/* The alias alone, its anchor stripped: still refused. */
	strbuf_addstr(sb, "a: 1\nb: [*a, *a]\n");
}

static void
b_2mib(struct strbuf *sb)
{
	strbuf_addstr(sb, "big: ");
	repeat(sb, "xxxxxxxxxxxxxxxx", 2 * 1024 * 1024 / 16);
	strbuf_addch(sb, '\n');
}

static void
b_just_over(struct strbuf *sb)
{
	strbuf_addstr(sb, "a: 1\n");
	while (sb->len < YAMLIO_MAX_FILE + 1)
		strbuf_addstr(sb, "#");
}

/* Close to 1 MiB of comments, then one 70 KiB value on line 16001. */
static void
b_long_scalar(struct strbuf *sb)
{
	int i;

	for (i = 0; i < 16000; i++)
		strbuf_addstr(sb, "# 60 bytes of comment, padding the file to "
		    "nearly 1 MiB...\n");
	strbuf_addstr(sb, "big: ");
	repeat(sb, "x", 70 * 1024);
	strbuf_addch(sb, '\n');
}

static void
b_mib_scalar(struct strbuf *sb)
{
	strbuf_addstr(sb, "big: \"");
	repeat(sb, "y", YAMLIO_MAX_FILE - 16);
	strbuf_addstr(sb, "\"\n");
}

static void
b_dup(struct strbuf *sb)
{
	strbuf_addstr(sb, "id: \"2611-0001\"\nstatus: new\nstatus: closed\n");
}

static void
b_dup_nested(struct strbuf *sb)
{
	strbuf_addstr(sb, "complainant: {name: a, name: b}\n");
}

static void
b_python(struct strbuf *sb)
{
	strbuf_addstr(sb, "status: !!python/object/apply:os.system "
	    "[\"rm -rf /\"]\n");
}

static void
b_local_tag(struct strbuf *sb)
{
	strbuf_addstr(sb, "a: !foo bar\n");
}

static void
b_two_docs(struct strbuf *sb)
{
	strbuf_addstr(sb, "---\nid: \"2611-0001\"\n---\nid: \"2611-0002\"\n");
}

static void
b_bad_utf8(struct strbuf *sb)
{
	strbuf_addstr(sb, "subject: \"ab\xff\xfe\"\n");
}

static void
b_overlong(struct strbuf *sb)
{
	strbuf_addstr(sb, "subject: \xc0\xaf\n");
}

static void
b_utf16le(struct strbuf *sb)
{
	strbuf_add(sb, "\xff\xfe" "a\0:\0 \0b\0\n\0", 12);
}

static void
b_utf16be(struct strbuf *sb)
{
	strbuf_add(sb, "\xfe\xff" "\0a\0:\0 \0b\0\n", 12);
}

static void
b_utf32le(struct strbuf *sb)
{
	strbuf_add(sb, "\xff\xfe\0\0" "a\0\0\0:\0\0\0 \0\0\0b\0\0\0", 20);
}

static void
b_utf32be(struct strbuf *sb)
{
	strbuf_add(sb, "\0\0\xfe\xff" "\0\0\0a\0\0\0:\0\0\0 \0\0\0b", 20);
}

static void
b_nul(struct strbuf *sb)
{
	strbuf_add(sb, "subject: \"a\0b\"\n", 15);
}

static void
b_anchor(struct strbuf *sb)
{
	strbuf_addstr(sb, "id: \"2611-0001\"\nkind: &k complaint\n");
}

static void
b_anchor_map(struct strbuf *sb)
{
	strbuf_addstr(sb, "due: &d {a: 1}\n");
}

static void
b_depth33(struct strbuf *sb)
{
	repeat(sb, "[", 33);
	repeat(sb, "]", 33);
}

static void
b_depth33_block(struct strbuf *sb)
{
	int i;

	for (i = 0; i < 33; i++) {
		repeat(sb, "  ", i);
		strbuf_addstr(sb, "a:\n");
	}
	repeat(sb, "  ", 33);
	strbuf_addstr(sb, "b: 1\n");
}

static void
b_events(struct strbuf *sb)
{
	strbuf_addch(sb, '[');
	repeat(sb, "1,", YAMLIO_MAX_EVENTS);
	strbuf_addstr(sb, "1]\n");
}

static void
b_keys(struct strbuf *sb)
{
	int i;

	for (i = 0; i <= YAMLIO_MAX_KEYS; i++)
		strbuf_addf(sb, "k%d: 1\n", i);
}

static void
b_complex_key(struct strbuf *sb)
{
	strbuf_addstr(sb, "? [a, b]\n: 1\n");
}

static void
b_empty(struct strbuf *sb)
{
	(void)sb;
}

static void
b_syntax(struct strbuf *sb)
{
	strbuf_addstr(sb, "a: 1\nb: [1, 2\nc: 3\n");
}

static void
b_bad_indent(struct strbuf *sb)
{
	strbuf_addstr(sb, "a:\n  b: 1\n c: 2\n");
}

static const struct {
	const char *name;
	build_fn *build;
	int line, col;		/* where; 0: libyaml or the cap gives none */
	const char *msg;	/* a part of the message */
	double ms;		/* time allowed, if not T10's 50 ms */
} hostile[] = {
	{ "[ x 100000", b_brackets, 1, 33, "nesting deeper than 32", 0 },
	/* libyaml reads "a:{" as a plain scalar and stops at once. */
	{ "{a: x 100000", b_braces, 1, 3, "unexpected ':'", 0 },
	{ "{a:_ x 100000", b_braces_spaced, 1, 129,
	    "nesting deeper than 32", 0 },
	{ "billion laughs", b_laughs, 1, 6, "anchors are not allowed", 0 },
	{ "alias alone", b_laughs_no_anchor, 2, 5,
	    "aliases are not allowed", 0 },
	{ "2 MiB record", b_2mib, 0, 0, "larger than 1 MiB", 0 },
	{ "1 MiB + 1 byte", b_just_over, 0, 0, "larger than 1 MiB", 0 },
	{ "70 KiB value", b_long_scalar, 16001, 6, "longer than 64 KiB", 0 },
	{ "1 MiB value", b_mib_scalar, 1, 6, "longer than 64 KiB", 0 },
	{ "duplicate key", b_dup, 3, 1, "duplicate key \"status\"", 0 },
	{ "duplicate nested key", b_dup_nested, 1, 24, "duplicate key", 0 },
	{ "python tag", b_python, 1, 9, "tags are not allowed", 0 },
	{ "local tag", b_local_tag, 1, 4, "tags are not allowed", 0 },
	{ "two documents", b_two_docs, 3, 1, "more than one YAML document", 0 },
	{ "invalid UTF-8", b_bad_utf8, 0, 0, "byte", 0 },
	{ "overlong UTF-8", b_overlong, 0, 0, "byte", 0 },
	{ "UTF-16LE BOM", b_utf16le, 1, 1, "UTF-16", 0 },
	{ "UTF-16BE BOM", b_utf16be, 1, 1, "UTF-16", 0 },
	{ "UTF-32LE BOM", b_utf32le, 1, 1, "UTF-32 is not accepted", 0 },
	{ "UTF-32BE BOM", b_utf32be, 1, 1, "UTF-32 is not accepted", 0 },
	{ "embedded NUL", b_nul, 0, 0, "NUL", 0 },
	{ "anchor, no alias", b_anchor, 2, 7, "anchors are not allowed", 0 },
	{ "anchor on a map", b_anchor_map, 1, 6, "anchors are not allowed", 0 },
	{ "depth 33 flow", b_depth33, 1, 33, "nesting deeper than 32", 0 },
	{ "depth 33 block", b_depth33_block, 33, 65,
	    "nesting deeper than 32", 0 },
	/* 100k events are parsed before the cap trips: linear, not quick. */
	{ "too many events", b_events, 1, 199998, "too many YAML events",
	    500 },
	{ "too many keys", b_keys, 1025, 1, "too many keys", 0 },
	{ "collection as key", b_complex_key, 1, 3, "keys must be scalars", 0 },
	{ "empty", b_empty, 1, 1, "empty document", 0 },
	{ "unclosed flow", b_syntax, 3, 2, "", 0 },
	{ "bad indentation", b_bad_indent, 3, 2, "", 0 },
};

static void
hostile_inputs(void)
{
	double scale = time_limit_ms() / 50;
	size_t i;

	for (i = 0; i < NELEM(hostile); i++) {
		struct strbuf sb = STRBUF_INIT;
		struct node *n;
		struct perr e;
		double t0, ms;
		int where_ok;
		double limit = scale * (hostile[i].ms ? hostile[i].ms : 50);

		hostile[i].build(&sb);
		perr_clear(&e);
		t0 = now_ms();
		n = yamlio_parse(strbuf_str(&sb), sb.len, "h.yaml", &e);
		ms = now_ms() - t0;
		CHECK(n == NULL);
		CHECK(e.code == PLAINT_DATAERR);
		CHECK_STR(e.path, "h.yaml");
		where_ok = hostile[i].line == 0 ? e.line == 0 :
		    e.line == hostile[i].line && e.col == hostile[i].col;
		CHECK(where_ok);
		CHECK(strstr(e.msg, hostile[i].msg) != NULL);
		CHECK(ms < limit);
		if (n != NULL || e.code != PLAINT_DATAERR || !where_ok ||
		    strstr(e.msg, hostile[i].msg) == NULL || ms >= limit)
			printf("#   %s: %d:%d: %s (%.1f ms)\n", hostile[i].name,
			    e.line, e.col, e.msg, ms);
		node_free(n);
		strbuf_release(&sb);
	}
}

/* The limits themselves are allowed. */
static void
b_depth32(struct strbuf *sb)
{
	repeat(sb, "[", 32);
	repeat(sb, "]", 32);
}

static void
b_depth32_map(struct strbuf *sb)
{
	repeat(sb, "{a: ", 31);
	strbuf_addstr(sb, "{a: 1}");
	repeat(sb, "}", 31);
}

static void
b_depth32_block(struct strbuf *sb)
{
	int i;

	for (i = 0; i < 31; i++) {
		repeat(sb, "  ", i);
		strbuf_addstr(sb, "a:\n");
	}
	repeat(sb, "  ", 31);
	strbuf_addstr(sb, "b: 1\n");
}

static void
b_64kib(struct strbuf *sb)
{
	strbuf_addstr(sb, "big: ");
	repeat(sb, "x", YAMLIO_MAX_SCALAR);
	strbuf_addch(sb, '\n');
}

static void
b_max_keys(struct strbuf *sb)
{
	int i;

	for (i = 0; i < YAMLIO_MAX_KEYS; i++)
		strbuf_addf(sb, "k%d: 1\n", i);
}

static void
b_exactly_1mib(struct strbuf *sb)
{
	strbuf_addstr(sb, "a: 1\n");
	while (sb->len < YAMLIO_MAX_FILE)
		strbuf_addstr(sb, "#");
}

static const struct {
	const char *name;
	build_fn *build;
	int depth;		/* of the deepest collection */
} at_limit[] = {
	{ "depth 32 flow", b_depth32, 32 },
	{ "depth 32 flow map", b_depth32_map, 32 },
	{ "depth 32 block", b_depth32_block, 32 },
	{ "64 KiB value", b_64kib, 1 },
	{ "1024 keys", b_max_keys, 1 },
	{ "exactly 1 MiB", b_exactly_1mib, 1 },
};

static int
depth_of(const struct node *n)
{
	int d = 0, k;
	size_t i;

	if (n->type == NODE_SCALAR)
		return 0;
	for (i = 0; i < n->n; i++)
		if ((k = depth_of(n->kids[i])) > d)
			d = k;
	return d + 1;
}

static void
limits(void)
{
	size_t i;

	for (i = 0; i < NELEM(at_limit); i++) {
		struct strbuf sb = STRBUF_INIT;
		struct node *n;
		struct perr e;

		at_limit[i].build(&sb);
		perr_clear(&e);
		n = yamlio_parse(strbuf_str(&sb), sb.len, "l.yaml", &e);
		CHECK(n != NULL && e.code == 0);
		CHECK(n != NULL && depth_of(n) == at_limit[i].depth);
		if (n == NULL)
			printf("#   %s: %d:%d: %s\n", at_limit[i].name, e.line,
			    e.col, e.msg);
		node_free(n);
		strbuf_release(&sb);
	}
}

static void
streams(void)
{
	static const char text[] = "a: 1\nb: [x, \"y\"]\n";
	struct strbuf sb = STRBUF_INIT;
	struct node *n;
	struct perr e;
	FILE *fp;

	perr_clear(&e);
	fp = fmemopen((void *)text, sizeof(text) - 1, "r");
	n = yamlio_parse_stream(fp, "<stdin>", &e);
	fclose(fp);
	CHECK(n != NULL && n->n == 2);
	node_free(n);

	b_2mib(&sb);
	perr_clear(&e);
	fp = fmemopen(sb.buf, sb.len, "r");
	n = yamlio_parse_stream(fp, "<stdin>", &e);
	fclose(fp);
	CHECK(n == NULL && e.code == PLAINT_DATAERR);
	CHECK_STR(e.path, "<stdin>");
	strbuf_release(&sb);
}

/* How many scalars of n read as null. */
static int
nulls_of(const struct node *n)
{
	size_t i;
	int k = 0;

	if (n->type == NODE_SCALAR)
		return node_kind(n) == KIND_NULL;
	for (i = 0; i < n->n; i++)
		k += nulls_of(n->kids[i]);
	return k;
}

/*
 * A null inside a flow collection stays null through a rewrite: libyaml
 * can write an empty plain scalar there only as '', a string.
 */
static const struct {
	const char *in, *path;
} flow_nulls[] = {
	{ "extra: [{b: }]\n", "extra" },
	{ "other: {c: , d: [x, {e: }]}\n", "other" },
	{ "block:\n  g:\n", "block" },
};

static void
flow_nulls_stay_null(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct node *a, *b;
	struct perr e;
	size_t i;

	for (i = 0; i < sizeof(flow_nulls) / sizeof(flow_nulls[0]); i++) {
		perr_clear(&e);
		a = yamlio_parse(flow_nulls[i].in, strlen(flow_nulls[i].in),
		    "t", &e);
		strbuf_reset(&sb);
		CHECK(a != NULL && yamlio_emit(a, &sb, &e) == 0);
		b = yamlio_parse(strbuf_str(&sb), sb.len, "t", &e);
		CHECK(b != NULL);
		if (a != NULL && b != NULL)
			CHECK(nulls_of(a) == nulls_of(b) && nulls_of(a) > 0);
		node_free(a);
		node_free(b);
	}
	strbuf_release(&sb);
}

/*
 * Found by the fuzzer: "---\n..." holds an empty null, which the writer
 * wrote as nothing and the reader then refused as an empty document.
 */
static void
empty_root_reads_back(void)
{
	static const char *const texts[] = { "---\n...\n", "--- \n", "''\n" };
	struct strbuf out = STRBUF_INIT;
	struct node *a, *b;
	struct perr e;
	size_t i;

	for (i = 0; i < NELEM(texts); i++) {
		perr_clear(&e);
		strbuf_reset(&out);
		a = yamlio_parse(texts[i], strlen(texts[i]), "t", &e);
		CHECK(a != NULL && a->type == NODE_SCALAR);
		CHECK(a != NULL && yamlio_emit(a, &out, &e) == 0);
		b = yamlio_parse(out.buf, out.len, "again", &e);
		CHECK(b != NULL && b->type == NODE_SCALAR);
		if (a != NULL && b != NULL)
			CHECK(node_kind(a) == node_kind(b) &&
			    strcmp(a->str, b->str) == 0);
		node_free(a);
		node_free(b);
	}
	strbuf_release(&out);
}

void
suite_yamlio(void)
{
	empty_root_reads_back();
	flow_nulls_stay_null();
	round_trip();
	complaint_fields();
	hostile_inputs();
	limits();
	streams();
}
