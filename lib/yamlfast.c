/*
 * yamlfast.c - the quick reader for the block YAML plaint writes.
 *
 * How it stays exact: it accepts a strict subset and declines the rest
 * (returns NULL), and yamlio then reads the text with libyaml.  Every
 * construct it accepts is one whose libyaml reading is known: keys are
 * ASCII words; a value is a double-quoted string on one line, a plain
 * word with no YAML indicator in it, {} or [], or a block mapping or
 * sequence on the lines below.  Comments, blank lines, tabs, CR, other
 * scalar styles, document markers, anchors, tags, multi-line scalars,
 * duplicate keys, characters YAML treats as breaks or forbids, and any
 * document near a reader limit are all declined, so their errors and
 * edge cases stay libyaml's.  Marks (line, column) are the ones libyaml
 * gives; columns count characters, and everything left of a value on a
 * line is ASCII here, so bytes and characters agree.
 */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "yamlfast.h"
#include "yamlio.h"

#define FAST_MAX_DEPTH 24	/* well inside YAMLIO_MAX_DEPTH */
#define FAST_MAX_NODES 20000	/* well inside YAMLIO_MAX_EVENTS */

struct entry {
	char *key;		/* NULL in a sequence */
	struct node *val;
};

struct fast {
	const char *p, *end;
	const char *bol;	/* start of the line p is on */
	int line;		/* 1-based line of p */
	int depth;
	long nodes;
	struct node_pool *pool;	/* where the tree goes; NULL: malloc */
	char *scratch;		/* unescaped text of a quoted scalar */
	size_t cap;
	/*
	 * Entries of the collections being read, innermost last: each is
	 * given arrays of its exact size when it ends.
	 */
	struct entry *stack;
	size_t top, stack_cap;
};

static int
is_key_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/*
 * Length of the UTF-8 character at p that YAML allows in content and
 * does not treat as a line break or byte-order mark; 0 if there is none.
 */
static int
utf8_char(const unsigned char *p, const unsigned char *end)
{
	unsigned cp;
	int len, i;

	if (p[0] < 0xc2)
		return 0;
	len = p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : p[0] < 0xf5 ? 4 : 0;
	if (len == 0 || end - p < len)
		return 0;
	cp = p[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff)
		return 0;
	if (cp < 0xa0 || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff)
		return 0;
	return len;
}

static int
grow(struct fast *f, size_t need)
{
	char *s;
	size_t cap = f->cap ? f->cap : 256;

	while (cap < need)
		cap *= 2;
	if (cap == f->cap)
		return 0;
	if ((s = realloc(f->scratch, cap)) == NULL)
		return -1;
	f->scratch = s;
	f->cap = cap;
	return 0;
}

static void *
take(struct fast *f, size_t size)
{
	return f->pool != NULL ? node_pool_alloc(f->pool, size) :
	    malloc(size);
}

/* A node with extra bytes after it for a scalar's text. */
static struct node *
new_node(struct fast *f, enum node_type type, size_t extra)
{
	struct node *n;

	if (++f->nodes > FAST_MAX_NODES ||
	    (n = take(f, sizeof(*n) + extra)) == NULL)
		return NULL;
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->pooled = f->pool != NULL;
	n->line = f->line;
	return n;
}

static struct node *
scalar(struct fast *f, const char *s, size_t len, int quoted, const char *at)
{
	struct node *n = new_node(f, NODE_SCALAR, len + 1);

	if (n == NULL)
		return NULL;
	n->str = (char *)(n + 1);
	memcpy(n->str, s, len);
	n->str[len] = '\0';
	n->quoted = quoted ? 1 : 0;
	n->col = (int)(at - f->bol) + 1;
	return n;
}

static int
push(struct fast *f, const char *key, size_t klen, struct node *val)
{
	char *k = NULL;

	if (ARRAY_GROW(f->stack, f->top, f->stack_cap) == -1)
		goto fail;
	if (key != NULL) {
		if ((k = take(f, klen + 1)) == NULL)
			goto fail;
		memcpy(k, key, klen);
		k[klen] = '\0';
	}
	f->stack[f->top].key = k;
	f->stack[f->top++].val = val;
	return 0;
fail:
	node_free(val);
	return -1;
}

/* Hand the entries above base to collection n. */
static int
finish(struct fast *f, struct node *n, size_t base)
{
	size_t i, cnt = f->top - base;

	if (cnt == 0)
		return 0;
	if ((n->kids = take(f, cnt * sizeof(*n->kids))) == NULL)
		return -1;
	if (n->type == NODE_MAP &&
	    (n->keys = take(f, cnt * sizeof(*n->keys))) == NULL)
		return -1;
	for (i = 0; i < cnt; i++) {
		if (n->keys != NULL)
			n->keys[i] = f->stack[base + i].key;
		n->kids[i] = f->stack[base + i].val;
	}
	n->n = n->cap = cnt;
	f->top = base;
	return 0;
}

/* After a decline: what malloc gave back to malloc. */
static void
drop_stack(struct fast *f)
{
	size_t i;

	if (f->pool == NULL)
		for (i = 0; i < f->top; i++) {
			free(f->stack[i].key);
			node_free(f->stack[i].val);
		}
	free(f->stack);
}

static unsigned
hex(const char *p, int digits)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < digits; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0xffffffffu;
	}
	return v;
}

static size_t
put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* One escape after a backslash at p; its text goes to out.  0: decline. */
static size_t
unescape(const char **pp, const char *end, char *out)
{
	const char *p = *pp;
	unsigned cp;
	int digits = 0;

	if (p >= end)
		return 0;
	switch (*p) {
	case '\\': cp = '\\'; break;
	case '"': cp = '"'; break;
	case 'a': cp = 0x07; break;
	case 'b': cp = 0x08; break;
	case 't': cp = 0x09; break;
	case 'n': cp = 0x0a; break;
	case 'v': cp = 0x0b; break;
	case 'f': cp = 0x0c; break;
	case 'r': cp = 0x0d; break;
	case 'e': cp = 0x1b; break;
	case 'N': cp = 0x85; break;
	case '_': cp = 0xa0; break;
	case 'L': cp = 0x2028; break;
	case 'P': cp = 0x2029; break;
	case 'x': digits = 2; break;
	case 'u': digits = 4; break;
	case 'U': digits = 8; break;
	default: return 0;
	}
	if (digits > 0) {
		if (end - p - 1 < digits)
			return 0;
		cp = hex(p + 1, digits);
		/* A NUL is refused by yamlio with its own message. */
		if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		p += digits;
	}
	*pp = p + 1;
	return put_utf8(out, cp);
}

/* A "string" on one line; p is at the opening quote. */
static struct node *
double_quoted(struct fast *f)
{
	const char *at = f->p, *p = at + 1, *end = f->end, *run = p;
	size_t len = 0;
	int k;

	for (;;) {
		unsigned char c;

		if (p >= end)
			return NULL;
		c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c >= 0x20 && c < 0x7f && c != '\\') {
			p++;
			continue;
		}
		if (c >= 0x80) {
			if ((k = utf8_char((const unsigned char *)p,
			    (const unsigned char *)end)) == 0)
				return NULL;
			p += k;
			continue;
		}
		if (c != '\\')
			return NULL;	/* control, tab or line break */
		if (grow(f, len + (size_t)(p - run) + 8) == -1)
			return NULL;
		memcpy(f->scratch + len, run, (size_t)(p - run));
		len += (size_t)(p - run);
		p++;
		if ((k = (int)unescape(&p, end, f->scratch + len)) == 0)
			return NULL;
		len += (size_t)k;
		run = p;
	}
	f->p = p + 1;
	if (len + (size_t)(p - run) > YAMLIO_MAX_SCALAR)
		return NULL;
	if (run == at + 1)
		return scalar(f, run, (size_t)(p - run), 1, at);
	if (grow(f, len + (size_t)(p - run) + 1) == -1)
		return NULL;
	memcpy(f->scratch + len, run, (size_t)(p - run));
	len += (size_t)(p - run);
	return scalar(f, f->scratch, len, 1, at);
}

/* A plain word running to the end of the line; p is at its start. */
static struct node *
plain(struct fast *f)
{
	const char *at = f->p, *p = at, *end = f->end;
	int k;

	/* "-5" is a word, "- 5" a sequence entry. */
	if (strchr("?:,[]{}#&*!|>'\"%@`", *p) != NULL || (*p == '-' &&
	    (p + 1 == end || p[1] == ' ' || p[1] == '\n')))
		return NULL;
	while (p < end && *p != '\n') {
		unsigned char c = (unsigned char)*p;

		if (c >= 0x80) {
			if ((k = utf8_char((const unsigned char *)p,
			    (const unsigned char *)end)) == 0)
				return NULL;
			p += k;
			continue;
		}
		if (c < 0x20 || c == 0x7f || strchr("#,[]{}", c) != NULL)
			return NULL;
		if (c == ':' && (p + 1 == end || p[1] == ' ' || p[1] == '\n'))
			return NULL;
		p++;
	}
	if (p[-1] == ' ' || p - at > YAMLIO_MAX_SCALAR)
		return NULL;
	f->p = p;
	return scalar(f, at, (size_t)(p - at), 0, at);
}

/* Step over the rest of a value's line: spaces, then the line break. */
static int
end_of_line(struct fast *f)
{
	while (f->p < f->end && *f->p == ' ')
		f->p++;
	if (f->p == f->end)
		return 0;
	if (*f->p != '\n')
		return -1;
	f->p++;
	f->bol = f->p;
	f->line++;
	return 0;
}

/*
 * The indent of the line f->p starts, leaving f->p on its first
 * character: -1 at the end of the text, -2 on a line that is declined
 * (blank, comment, tab, or spaces only).
 */
static int
indent(struct fast *f)
{
	const char *p = f->p;

	if (p == f->end)
		return -1;
	while (p < f->end && *p == ' ')
		p++;
	if (p == f->end || *p == '\n' || *p == '#' || *p == '\t' ||
	    *p == '\r')
		return -2;
	f->p = p;
	return (int)(p - f->bol);
}

static int
is_entry(const char *p, const char *end)
{
	return *p == '-' && (p + 1 == end || p[1] == ' ' || p[1] == '\n');
}

/* Does a key (word then ':' then space or break) start at p? */
static size_t
key_len(const char *p, const char *end)
{
	const char *k = p;

	if (*p == '-')
		return 0;
	while (k < end && is_key_char((unsigned char)*k))
		k++;
	if (k == p || k == end || *k != ':')
		return 0;
	if (k + 1 < end && k[1] != ' ' && k[1] != '\n')
		return 0;
	return (size_t)(k - p);
}

static struct node *block_map(struct fast *f, int ind);
static struct node *block_seq(struct fast *f, int ind);

static struct node *
empty_flow(struct fast *f, char close, int is_map)
{
	struct node *n;

	if (f->p + 1 >= f->end || f->p[1] != close)
		return NULL;
	if ((n = new_node(f, is_map ? NODE_MAP : NODE_SEQ, 0)) == NULL)
		return NULL;
	n->flow = 1;
	n->col = (int)(f->p - f->bol) + 1;
	f->p += 2;
	return n;
}

/* A value after "key: " or "- "; ends after its line break. */
static struct node *
inline_value(struct fast *f)
{
	struct node *n;

	switch (*f->p) {
	case '"':
		n = double_quoted(f);
		break;
	case '{':
		n = empty_flow(f, '}', 1);
		break;
	case '[':
		n = empty_flow(f, ']', 0);
		break;
	default:
		n = plain(f);
		break;
	}
	if (n != NULL && end_of_line(f) == -1) {
		node_free(n);
		return NULL;
	}
	return n;
}

/* The value of "key:" at indent ind, on the lines below. */
static struct node *
nested_value(struct fast *f, int ind)
{
	int next = indent(f);

	if (next < 0)
		return NULL;
	if (is_entry(f->p, f->end) && next >= ind)
		return block_seq(f, next);
	if (next > ind && key_len(f->p, f->end) > 0)
		return block_map(f, next);
	return NULL;
}

static int
dup_key(const struct fast *f, size_t base, const char *k, size_t len)
{
	size_t i;

	for (i = base; i < f->top; i++) {
		const char *have = f->stack[i].key;

		if (have[0] == k[0] && strncmp(have, k, len) == 0 &&
		    have[len] == '\0')
			return 1;
	}
	return 0;
}

/* A block mapping whose first key is at f->p, in column ind. */
static struct node *
block_map(struct fast *f, int ind)
{
	struct node *map, *val;
	size_t klen, base = f->top;
	int next;

	if (++f->depth > FAST_MAX_DEPTH ||
	    (map = new_node(f, NODE_MAP, 0)) == NULL)
		return NULL;
	map->col = ind + 1;
	for (;;) {
		const char *key = f->p;

		if ((klen = key_len(key, f->end)) == 0 ||
		    dup_key(f, base, key, klen) ||
		    f->top - base >= YAMLIO_MAX_KEYS - 1)
			goto decline;
		f->p += klen + 1;
		if (f->p < f->end && *f->p == ' ') {
			while (f->p < f->end && *f->p == ' ')
				f->p++;
			if (f->p == f->end || *f->p == '\n')
				goto decline;
			val = inline_value(f);
		} else {
			if (end_of_line(f) == -1)
				goto decline;
			val = nested_value(f, ind);
		}
		if (val == NULL || push(f, key, klen, val) == -1)
			goto decline;
		next = indent(f);
		if (next == -2 || next > ind)
			goto decline;
		if (next < ind)
			break;
	}
	if (finish(f, map, base) == -1)
		goto decline;
	f->depth--;
	return map;
decline:
	node_free(map);
	return NULL;
}

/* A block sequence whose first "-" is at f->p, in column ind. */
static struct node *
block_seq(struct fast *f, int ind)
{
	struct node *seq, *item;
	size_t base = f->top;
	int next;

	if (++f->depth > FAST_MAX_DEPTH ||
	    (seq = new_node(f, NODE_SEQ, 0)) == NULL)
		return NULL;
	seq->col = ind + 1;
	for (;;) {
		f->p++;
		if (f->p == f->end || *f->p != ' ')
			goto decline;
		while (f->p < f->end && *f->p == ' ')
			f->p++;
		if (f->p == f->end || *f->p == '\n')
			goto decline;
		if (is_entry(f->p, f->end))
			item = block_seq(f, (int)(f->p - f->bol));
		else if (key_len(f->p, f->end) > 0)
			item = block_map(f, (int)(f->p - f->bol));
		else
			item = inline_value(f);
		if (item == NULL || push(f, NULL, 0, item) == -1)
			goto decline;
		next = indent(f);
		if (next == -2 || next > ind)
			goto decline;
		if (next < ind || !is_entry(f->p, f->end))
			break;
	}
	if (finish(f, seq, base) == -1)
		goto decline;
	f->depth--;
	return seq;
decline:
	node_free(seq);
	return NULL;
}

struct node *
yamlfast_parse(const char *buf, size_t len, struct node_pool *pool)
{
	struct fast f = { 0 };
	struct node *root = NULL;

	f.p = f.bol = buf;
	f.end = buf + len;
	f.line = 1;
	f.pool = pool;
	if (len > 0 && indent(&f) == 0 && key_len(f.p, f.end) > 0)
		root = block_map(&f, 0);
	if (root != NULL && f.p != f.end) {
		node_free(root);
		root = NULL;
	}
	if (root == NULL)
		drop_stack(&f);
	else
		free(f.stack);
	free(f.scratch);
	return root;
}
