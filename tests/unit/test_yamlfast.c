/*
 * yamlfast is held to libyaml: whatever it accepts must read exactly as
 * yamlio's libyaml path reads it (text, quoting, style, line, column),
 * and what plaint's own writer produces must be accepted.
 */
#include <stdlib.h>

#include "../../lib/strbuf.h"
#include "../../lib/yamlfast.h"
#include "../../lib/yamlio.h"
#include "tree.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* As gen-complaints writes them: indented sequences, every string quoted. */
static const char generated[] =
    "id: \"2606-0005\"\n"
    "kind: complaint\n"
    "status: closed\n"
    "received: \"2026-06-01T06:16:00+08:00\"\n"
    "complainant:\n"
    "  name: \"袁秋明\"\n"
    "  phone: \"19580278891\"\n"
    "category: service-attitude\n"
    "subject: \"抄表员态度恶劣\"\n"
    "description: \"客户来电反映：\\n6月1日上午\\t\\\"引号\\\" \\\\ \\u00e9\\x41\\U0001F600\"\n"
    "level: 0\n"
    "due:\n"
    "  first_response: \"2026-06-03T06:16:00+08:00\"\n"
    "  resolution: \"2026-06-16T06:16:00+08:00\"\n"
    "resolution:\n"
    "  valid: false\n"
    "penalties: []\n"
    "history:\n"
    "  - n: 1\n"
    "    at: \"2026-06-01T06:16:00+08:00\"\n"
    "    action: log\n"
    "  - n: 2\n"
    "    at:   \"2026-06-01T18:59:00+08:00\"   \n"
    "    to: \"朱庆珠\"\n";

/* As plaint's writer (libyaml's emitter) lays them out. */
static const char written[] =
    "id: 2611-0001\n"
    "status: assigned\n"
    "received: 2026-11-02T09:00:00+08:00\n"
    "complainant: {}\n"
    "tags:\n"
    "- urgent\n"
    "- \"\"\n"
    "history:\n"
    "- n: 1\n"
    "  at: \"2026-11-02T09:00:00+08:00\"\n"
    "  extra:\n"
    "  - a\n"
    "  - b: c\n"
    "    d: e\n"
    "  more:\n"
    "    deep: yes\n"
    "- n: 2\n"
    "  action: assign\n"
    "x-custom: \"kept\"\n"
    "amount: -5\n"
    "trailing: last";

static const char *const samples[] = { generated, written };

/* Valid YAML that yamlfast must leave to libyaml (and libyaml reads). */
static const char *const declined[] = {
	"a: 1\n# comment\nb: 2\n",
	"a: 1\n\nb: 2\n",
	"a: 1 # comment\n",
	"a: 'single'\n",
	"a: |\n  block\n",
	"a: >-\n  folded\n",
	"a: &x 1\nb: *x\n",
	"a: !!str 1\n",
	"---\na: 1\n",
	"a: 1\n...\n",
	"a:\nb: 2\n",
	"a: plain\n  continued\n",
	"a: \"two\n  lines\"\n",
	"a: {b: 1}\n",
	"a: [1, 2]\n",
	"a: 1\r\nb: 2\r\n",
	"\"quoted key\": 1\n",
	"a b: 1\n",
	"a: x\xe2\x80\xa8y\n",
	"a: \"\\/\"\n",
	"a: \"\\0\"\n",
	"a: \"\\\n  b\"\n",
	"a: b: c\n",
	"a:\tb\n",
	"? a\n: b\n",
	"- a\n- b\n",
	"plain scalar\n",
	"a: x,y\n",
	"a:    \n  b: 1\n",
};

static void
check_samples(void)
{
	struct perr e;
	size_t i;

	for (i = 0; i < NELEM(samples); i++) {
		size_t len = strlen(samples[i]);
		struct node *fast = yamlfast_parse(samples[i], len, NULL);
		struct node *ref;

		perr_clear(&e);
		ref = yamlio_parse_events(samples[i], len, "s", &e);
		CHECK(fast != NULL);
		CHECK(ref != NULL);
		CHECK(same_tree(fast, ref, 1));
		node_free(fast);
		node_free(ref);
	}
}

static void
check_declined(void)
{
	struct perr e;
	size_t i;

	for (i = 0; i < NELEM(declined); i++) {
		struct node *fast = yamlfast_parse(declined[i],
		    strlen(declined[i]), NULL);

		if (fast != NULL)
			printf("# accepted: %s", declined[i]);
		CHECK(fast == NULL);
		node_free(fast);
		perr_clear(&e);
	}
}

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	return unit_rnd(&rng, n);
}

static const char *const bits[] = {
	" ", "  ", "\n", ":", ": ", "-", "- ", "\"", "\\", "#", "{", "}", "[",
	"]", "{}", "[]", "\t", "\r", "a", "key: ", "'", "|", ">", "&", "*",
	"!", "?", ",", "0", "\\u", "\\x4", "\\n", "\xe4\xb8\xad", "\xc3",
	"\xe2\x80\xa8", "\xef\xbb\xbf", "\xc2\x85", "---", "...", "%", "@",
	"\n  ", "\n- ", "\n  - ", "~", "null", "\\U0001", "\x7f", "\x01",
};

static void
strbuf_insert(struct strbuf *sb, size_t at, const char *s, size_t n)
{
	if (strbuf_grow(sb, n) == -1)
		return;
	memmove(sb->buf + at + n, sb->buf + at, sb->len - at + 1);
	memcpy(sb->buf + at, s, n);
	sb->len += n;
}

static void
strbuf_remove(struct strbuf *sb, size_t at, size_t n)
{
	memmove(sb->buf + at, sb->buf + at + n, sb->len - at - n + 1);
	sb->len -= n;
}

static void
mutate(struct strbuf *sb)
{
	size_t at = sb->len ? rnd((unsigned)sb->len) : 0;
	const char *bit = bits[rnd(NELEM(bits))];
	size_t n;

	switch (rnd(4)) {
	case 0:		/* insert */
		strbuf_insert(sb, at, bit, strlen(bit));
		break;
	case 1:		/* delete a few bytes */
		n = 1 + rnd(3);
		if (at + n > sb->len)
			n = sb->len - at;
		strbuf_remove(sb, at, n);
		break;
	case 2:		/* replace one byte */
		if (sb->len > 0) {
			strbuf_remove(sb, at, 1);
			strbuf_insert(sb, at, bit, strlen(bit));
		}
		break;
	default:	/* duplicate a line */
		while (at > 0 && sb->buf[at - 1] != '\n')
			at--;
		n = at;
		while (n < sb->len && sb->buf[n] != '\n')
			n++;
		if (n < sb->len) {
			char line[512];
			size_t len = n + 1 - at < sizeof(line) ? n + 1 - at :
			    sizeof(line);

			memcpy(line, sb->buf + at, len);
			strbuf_insert(sb, at, line, len);
		}
		break;
	}
}

/*
 * Mutants of the samples: whatever yamlfast accepts, libyaml must read
 * the same way.  Both outcomes must occur often, or the test proves
 * nothing.
 */
static void
check_mutants(void)
{
	struct node_pool pool = NODE_POOL_INIT;
	int accepted = 0, declined_n = 0, wrong = 0, i, k;

	for (i = 0; i < 40000; i++) {
		struct strbuf sb = STRBUF_INIT;
		const char *src = samples[rnd(NELEM(samples))];
		struct node *fast, *ref;
		struct perr e;

		strbuf_addstr(&sb, src);
		for (k = 1 + (int)rnd(3); k > 0; k--)
			mutate(&sb);
		/* Half in a pool, as scans read, half malloc'd. */
		node_pool_reset(&pool);
		fast = yamlfast_parse(sb.buf, sb.len, i % 2 ? &pool : NULL);
		if (fast == NULL) {
			declined_n++;
			strbuf_release(&sb);
			continue;
		}
		accepted++;
		perr_clear(&e);
		ref = yamlio_parse_events(sb.buf, sb.len, "m", &e);
		if (!same_tree(fast, ref, 1) && wrong++ < 3)
			printf("# yamlfast and libyaml differ on:\n%s\n#--\n",
			    sb.buf);
		node_free(fast);
		node_free(ref);
		strbuf_release(&sb);
	}
	node_pool_release(&pool);
	printf("# yamlfast mutants: %d accepted, %d declined\n", accepted,
	    declined_n);
	CHECK(wrong == 0);
	CHECK(accepted > 4000);
	CHECK(declined_n > 4000);
}

static const char *const words[] = {
	"", "a", "yes", "null", "~", "12", "-3", "1.5e3", "2026-11-02", "a: b",
	"# not a comment", " lead", "trail ", "two\nlines", "tab\there",
	"quote\"s", "back\\slash", "中文投诉", "\xe2\x80\xa8", "\xc2\x85",
	"\xef\xbb\xbf", "\x01\x7f", "- dash", "[x]", "{y}", "'q'", "&a", "*b",
	"!t", "%p", "@q", "`r", "é", "\xf0\x9f\x98\x80", "...", "---",
};

static const char *const keys[] = {
	"id", "status", "history", "n", "at", "note", "x-custom", "a_b", "k2",
};

static struct node *
random_tree(int depth)
{
	struct node *n;
	int i, count;

	if (depth > 3 || rnd(3) == 0) {
		const char *w = words[rnd(NELEM(words))];

		return rnd(4) == 0 ? node_new_int((long long)rnd(1000) - 500) :
		    node_new_str(w);
	}
	count = (int)rnd(5);
	if (rnd(2) == 0) {
		n = node_new_map();
		for (i = 0; i < count; i++)
			node_map_set(n, keys[rnd(NELEM(keys))],
			    random_tree(depth + 1));
	} else {
		n = node_new_seq();
		for (i = 0; i < count; i++)
			node_seq_push(n, random_tree(depth + 1));
	}
	if (n->n == 0)
		n->flow = 1;	/* the writer gives {} and [] */
	return n;
}

/* What plaint writes, yamlfast reads: every file, same tree. */
static void
check_written(void)
{
	int i, accepted = 0, same = 0;

	for (i = 0; i < 3000; i++) {
		struct node *doc = node_new_map(), *fast, *ref;
		struct strbuf out = STRBUF_INIT;
		struct perr e;
		int k;

		perr_clear(&e);
		for (k = 0; k < 1 + (int)rnd(8); k++)
			node_map_set(doc, keys[rnd(NELEM(keys))], random_tree(1));
		yamlio_emit(doc, &out, &e);
		fast = yamlfast_parse(out.buf, out.len, NULL);
		ref = yamlio_parse_events(out.buf, out.len, "w", &e);
		accepted += fast != NULL;
		same += same_tree(fast, ref, 1);
		if (fast == NULL && accepted + 1 == i + 1)
			printf("# yamlfast declined what plaint wrote:\n%s\n",
			    out.buf);
		node_free(doc);
		node_free(fast);
		node_free(ref);
		strbuf_release(&out);
	}
	CHECK(accepted == 3000);
	CHECK(same == 3000);
}

/* A pooled tree is read-only and goes with its pool. */
static void
check_pool(void)
{
	struct node_pool pool = NODE_POOL_INIT;
	struct node *doc, *copy;
	int i;

	for (i = 0; i < 3; i++) {
		node_pool_reset(&pool);
		doc = yamlfast_parse(generated, strlen(generated), &pool);
		CHECK(doc != NULL && doc->pooled);
		CHECK(node_map_set(doc, "status", node_new_str("x")) == -1);
		CHECK(node_seq_push(node_map_get(doc, "history"),
		    node_new_str("x")) == -1);
		CHECK(node_set_str(node_map_get(doc, "status"),
		    strdup("x")) == -1);
		CHECK_STR(node_str(node_map_get(doc, "status")), "closed");
		copy = node_dup(doc);
		CHECK(copy != NULL && !copy->pooled);
		CHECK(node_map_set(copy, "status", node_new_str("x")) == 0);
		node_free(doc);	/* does nothing */
		node_free(copy);
	}
	/* A document larger than one chunk. */
	{
		struct strbuf big = STRBUF_INIT;

		for (i = 0; i < 900; i++)
			strbuf_addf(&big, "k%d: \"%0100d\"\n", i, i);
		node_pool_reset(&pool);
		doc = yamlfast_parse(big.buf, big.len, &pool);
		CHECK(doc != NULL && doc->n == 900);
		CHECK_STR(node_str(node_map_get(doc, "k899")) + 97, "899");
		strbuf_release(&big);
	}
	node_pool_release(&pool);
}

void
suite_yamlfast(void)
{
	check_pool();
	check_samples();
	check_declined();
	check_mutants();
	check_written();
}
