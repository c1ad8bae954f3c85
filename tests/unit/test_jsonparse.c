/*
 * jsonparse promises yamlio's tree for the same text, with yamlio's
 * limits: held to libyaml here on fixed and on mutated records, and
 * each refusal checked for its message and position.
 */
#include <stdlib.h>

#include "../../lib/jsonparse.h"
#include "../../lib/strbuf.h"
#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const good[] = {
	"{\"a\": 1, \"b\": \"two\", \"c\": [true, false, null], \"d\": {}}",
	"{\"subject\": \"停电\", \"n\": -1.5e3, \"e\": []}",
	"{\"esc\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\"}",
	"  {\"deep\": {\"er\": [[1, 2], {\"x\": \"y\"}]}}  ",
	"{\"a\":1,\"b\":[1,2,3],\"c\":{\"d\":\"e\"}}",
	"\xef\xbb\xbf{\"bom\": 1}",
	"[1, \"two\"]",
	"\"just a string\"",
};

static void
check_good(void)
{
	size_t i;

	for (i = 0; i < NELEM(good); i++) {
		struct perr e1, e2;
		struct node *j, *y;
		size_t len = strlen(good[i]);

		perr_clear(&e1);
		perr_clear(&e2);
		j = jsonparse(good[i], len, "g", &e1);
		y = yamlio_parse_events(good[i], len, "g", &e2);
		if (!same_tree(j, y, 1))
			printf("# jsonparse and libyaml differ: %s\n", good[i]);
		CHECK(j != NULL && same_tree(j, y, 1));
		node_free(j);
		node_free(y);
	}
}

static const struct {
	const char *text, *msg;
	int col;
} bad[] = {
	{ "{\"a\": 1, \"a\": 2}", "duplicate key \"a\"", 10 },
	{ "{\"a\": 1", "expected ',' or '}'", 8 },
	{ "{\"a\" 1}", "expected ':' after a key", 6 },
	{ "{a: 1}", "expected a key in quotes", 2 },
	{ "{\"a\": \"open}", "a string is not closed", 7 },
	{ "{\"a\": \"tab\there\"}", "control character in a string", 11 },
	{ "{\"a\": \"\\u0000\"}", "NUL character in a value", 0 },
	{ "{\"a\": \"\\x41\"}", "", 0 },
	{ "{\"a\": \"\\ud800\"}", "", 0 },
	{ "{\"a\": tru}", "not a JSON value", 7 },
	{ "{\"a\": 1} x", "more after the JSON value", 10 },
	{ "{\"a\": \"\xff\"}", "not valid UTF-8", 0 },
	{ "", "a value is missing", 0 },
};

/* JSON's surrogate pairs, which libyaml (YAML 1.1) does not read. */
static void
check_surrogates(void)
{
	const char *t = "{\"s\": \"\\ud83d\\ude00\"}";
	struct perr e;
	struct node *j;

	perr_clear(&e);
	j = jsonparse(t, strlen(t), "s", &e);
	CHECK_STR(node_str(node_map_get(j, "s")), "\xf0\x9f\x98\x80");
	node_free(j);
}

static void
check_bad(void)
{
	size_t i;

	for (i = 0; i < NELEM(bad); i++) {
		struct perr e;
		struct node *j;

		perr_clear(&e);
		j = jsonparse(bad[i].text, strlen(bad[i].text), "b.jsonl", &e);
		CHECK(j == NULL);
		CHECK(e.code == PLAINT_DATAERR);
		if (strstr(e.msg, bad[i].msg) == NULL)
			printf("# %s: got \"%s\"\n", bad[i].text, e.msg);
		CHECK(strstr(e.msg, bad[i].msg) != NULL);
		CHECK(strcmp(e.path, "b.jsonl") == 0);
		if (bad[i].col > 0)
			CHECK(e.line == 1 && e.col == bad[i].col);
		node_free(j);
	}
}

/* Deeper than yamlio allows, and far deeper: refused quickly. */
static void
check_depth(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct perr e;
	struct node *j;
	int i;

	for (i = 0; i < 100000; i++)
		strbuf_addch(&sb, '[');
	perr_clear(&e);
	j = jsonparse(sb.buf, sb.len, "d", &e);
	CHECK(j == NULL && strstr(e.msg, "deeper") != NULL);
	strbuf_release(&sb);
}

static unsigned long rng = 4242;

static unsigned
rnd(unsigned n)
{
	return unit_rnd(&rng, n);
}

/*
 * Mutated records: whatever both accept, they read the same way.  Each
 * accepts some text the other refuses: YAML is wider than JSON, and
 * libyaml (YAML 1.1) refuses some JSON: a tab before a record, a line
 * break between a key and its ':', surrogate pairs.
 */
static void
check_mutants(void)
{
	static const char *const bits[] = { "{", "}", "[", "]", ",", ":",
		"\"", "\\", " ", "\n", "1", "-", "e", ".", "t", "\\u",
		"\xe4\xb8\xad", "\t", "null", "#", "'", "&", "*", "!" };
	int accepted = 0, wrong = 0, i, k;

	for (i = 0; i < 20000; i++) {
		struct strbuf sb = STRBUF_INIT;
		struct perr e1, e2;
		struct node *j, *y;

		strbuf_addstr(&sb, good[rnd(NELEM(good) - 1)]);
		for (k = 1 + (int)rnd(2); k > 0; k--) {
			size_t at = rnd((unsigned)sb.len + 1);
			const char *bit = bits[rnd(NELEM(bits))];
			struct strbuf out = STRBUF_INIT;

			strbuf_add(&out, sb.buf, at);
			if (rnd(2))
				strbuf_addstr(&out, bit);
			else if (at < sb.len)
				at++;	/* delete one byte */
			strbuf_addstr(&out, sb.buf + at);
			strbuf_release(&sb);
			sb = out;
		}
		perr_clear(&e1);
		perr_clear(&e2);
		j = jsonparse(sb.buf, sb.len, "m", &e1);
		if (j != NULL) {
			accepted++;
			y = yamlio_parse_events(sb.buf, sb.len, "m", &e2);
			if (y != NULL && !same_tree(j, y, 1) && wrong++ < 3)
				printf("# jsonparse and libyaml differ on: %s\n",
				    sb.buf);
			node_free(y);
		}
		node_free(j);
		strbuf_release(&sb);
	}
	printf("# jsonparse mutants: %d accepted\n", accepted);
	CHECK(wrong == 0);
	CHECK(accepted > 1000);
}

void
suite_jsonparse(void)
{
	check_good();
	check_surrogates();
	check_bad();
	check_depth();
	check_mutants();
}
