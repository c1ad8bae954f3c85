/*
 * The writer holds itself to the reader's limits (RELIABILITY R13):
 * every tree yamlio_emit accepts, yamlio_parse reads back; a tree just
 * past a limit is refused before any text is written, naming the field.
 * One row a limit, at the limit and one past it.
 */
#include <stdlib.h>
#include <string.h>

#include "../../lib/strbuf.h"
#include "../../lib/yamlio.h"
#include "unit.h"

/* A map {field: "x" * len}. */
static struct node *
value_of(size_t len)
{
	struct node *doc = node_new_map();
	char *s = malloc(len + 1);

	memset(s, 'x', len);
	s[len] = '\0';
	node_map_set(doc, "field", node_new_str(s));
	free(s);
	return doc;
}

/* depth nested maps {a: {a: … {a: x}}}. */
static struct node *
nested(int depth)
{
	struct node *doc = node_new_str("x"), *m;
	int i;

	for (i = 0; i < depth; i++) {
		m = node_new_map();
		node_map_set(m, "a", doc);
		doc = m;
	}
	return doc;
}

/* One map with n keys k0, k1, … */
static struct node *
keys(size_t n)
{
	struct node *doc = node_new_map();
	char k[32];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(k, sizeof(k), "k%zu", i);
		node_map_set(doc, k, node_new_str("v"));
	}
	return doc;
}

/* n notes of len bytes each: a history that grows past 1 MiB. */
static struct node *
notes(size_t n, size_t len)
{
	struct node *doc = node_new_map(), *h = node_new_seq();
	char *s = malloc(len + 1);
	size_t i;

	memset(s, 'n', len);
	s[len] = '\0';
	for (i = 0; i < n; i++) {
		struct node *ev = node_new_map();

		node_map_set(ev, "note", node_new_str(s));
		node_seq_push(h, ev);
	}
	node_map_set(doc, "history", h);
	free(s);
	return doc;
}

/* Text that escapes grow: n values of U+FEFF, 3 bytes written as 6. */
static struct node *
bom_values(size_t n, size_t count)
{
	struct node *doc = node_new_map();
	char *s = malloc(3 * count + 1), k[32];
	size_t i;

	for (i = 0; i < count; i++)
		memcpy(s + 3 * i, "\xef\xbb\xbf", 3);
	s[3 * count] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(k, sizeof(k), "f%zu", i);
		node_map_set(doc, k, node_new_str(s));
	}
	free(s);
	return doc;
}

static void
one(struct node *doc, int ok, const char *field, const char *msg)
{
	struct strbuf sb = STRBUF_INIT;
	struct node *back;
	struct perr e;
	int rc;

	perr_clear(&e);
	rc = yamlio_emit(doc, &sb, &e);
	CHECK(rc == (ok ? 0 : -1));
	if (ok && rc == 0) {
		back = yamlio_parse(strbuf_str(&sb), sb.len, "t", &e);
		CHECK(back != NULL);
		if (back == NULL)
			printf("#   emitted, then refused: %s\n", e.msg);
		node_free(back);
	} else if (!ok && rc == -1) {
		CHECK(e.code == PLAINT_DATAERR);
		CHECK_STR(e.field, field);
		CHECK(strstr(e.msg, msg) != NULL);
	} else
		printf("#   %s: wanted %s: %s\n", field, ok ? "written" :
		    "refused", e.msg);
	strbuf_release(&sb);
	node_free(doc);
}

void
suite_limits(void)
{
	one(value_of(YAMLIO_MAX_SCALAR), 1, "", "");
	one(value_of(YAMLIO_MAX_SCALAR + 1), 0, "field",
	    "a value of 65537 bytes is over the 64 KiB a field may hold");
	one(nested(YAMLIO_MAX_DEPTH), 1, "", "");
	one(nested(YAMLIO_MAX_DEPTH + 1), 0,
	    "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a",
	    "nesting deeper than 32 levels");
	one(keys(YAMLIO_MAX_KEYS), 1, "", "");
	one(keys(YAMLIO_MAX_KEYS + 1), 0, "the record",
	    "more than 1024 keys in one mapping");
	/* 17 notes of 60,000 bytes fit; the 18th makes 1.08 MB. */
	one(notes(17, 60000), 1, "", "");
	one(notes(18, 60000), 0, "", "the record would be 10");
	/* 756 KB of U+FEFF is 1.5 MB once escaped: refused. */
	one(bom_values(14, 18000), 0, "", "over the 1 MiB a file may hold");
	one(bom_values(4, 18000), 1, "", "");
}
