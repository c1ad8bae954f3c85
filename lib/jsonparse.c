#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonparse.h"
#include "strbuf.h"
#include "utf8.h"
#include "yamlio.h"

struct jp {
	const char *s, *end, *line_start;
	const char *col_at;	/* a position on the line whose column is col */
	int col;
	const char *path;
	int line, depth;
	long nodes;
	struct strbuf sb;	/* the string being decoded */
	struct perr *e;
};

/*
 * The column of at, in characters as libyaml counts them (and editors
 * show them), found from the last one asked for: marks come in order.
 */
static int
column(struct jp *j, const char *at)
{
	if (j->col_at < j->line_start || j->col_at > at) {
		j->col_at = j->line_start;
		j->col = 1;
	}
	for (; j->col_at < at; j->col_at++)
		if (((unsigned char)*j->col_at & 0xc0) != 0x80)
			j->col++;
	return j->col;
}

static struct node *
fail(struct jp *j, const char *at, const char *msg)
{
	perr_set(j->e, PLAINT_DATAERR, "%s", msg);
	perr_at(j->e, j->path, j->line, column(j, at));
	return NULL;
}

static void
skip_ws(struct jp *j)
{
	for (; j->s < j->end; j->s++) {
		if (*j->s == '\n') {
			j->line++;
			j->line_start = j->s + 1;
		} else if (*j->s != ' ' && *j->s != '\t' && *j->s != '\r')
			break;
	}
}

static struct node *
mark(struct jp *j, struct node *n, const char *at)
{
	if (n == NULL) {
		perr_nomem(j->e);
		return NULL;
	}
	n->line = j->line;
	n->col = column(j, at);
	if (++j->nodes > YAMLIO_MAX_EVENTS) {
		node_free(n);
		return fail(j, at, "too many values");
	}
	return n;
}

static int
hex4(const char *p, unsigned long *out)
{
	unsigned long v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned long)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static int
add_utf8(struct strbuf *sb, unsigned long cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return strbuf_add(sb, b, n);
}

/* A string at j->s (on its quote), decoded into j->sb. */
static int
string(struct jp *j)
{
	const char *start = j->s, *run;
	unsigned long cp, lo;

	strbuf_reset(&j->sb);
	j->s++;
	for (;;) {
		for (run = j->s; j->s < j->end && *j->s != '"' &&
		    *j->s != '\\' && (unsigned char)*j->s >= 0x20; j->s++)
			;
		if (strbuf_add(&j->sb, run, (size_t)(j->s - run)) == -1)
			return perr_nomem(j->e);
		if (j->s >= j->end) {
			fail(j, start, "a string is not closed");
			return -1;
		}
		if (*j->s == '"')
			break;
		if (*j->s != '\\') {
			fail(j, j->s, "control character in a string");
			return -1;
		}
		if (j->end - j->s < 2)
			goto bad_escape;
		switch (j->s[1]) {
		case '"': case '\\': case '/':
			cp = (unsigned char)j->s[1];
			break;
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			if (j->end - j->s < 6 || hex4(j->s + 2, &cp) == -1)
				goto bad_escape;
			if (cp >= 0xdc00 && cp <= 0xdfff)
				goto bad_escape;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (j->end - j->s < 12 || j->s[6] != '\\' ||
				    j->s[7] != 'u' || hex4(j->s + 8, &lo) ==
				    -1 || lo < 0xdc00 || lo > 0xdfff)
					goto bad_escape;
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				j->s += 6;
			}
			if (cp == 0) {
				fail(j, j->s, "NUL character in a value");
				return -1;
			}
			j->s += 4;
			break;
		default:
			goto bad_escape;
		}
		if (add_utf8(&j->sb, cp) == -1)
			return perr_nomem(j->e);
		j->s += 2;
	}
	j->s++;
	if (j->sb.len > YAMLIO_MAX_SCALAR) {
		fail(j, start, "value longer than 64 KiB");
		return -1;
	}
	return 0;
bad_escape:
	fail(j, j->s, "bad escape in a string");
	return -1;
}

static struct node *
number(struct jp *j)
{
	const char *start = j->s, *p = j->s;

	if (p < j->end && *p == '-')
		p++;
	if (p < j->end && *p == '0')
		p++;
	else if (p < j->end && *p >= '1' && *p <= '9')
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	else
		return fail(j, start, "not a JSON value");
	if (p < j->end && *p == '.') {
		if (++p >= j->end || *p < '0' || *p > '9')
			return fail(j, start, "bad number");
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < j->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < j->end && (*p == '+' || *p == '-'))
			p++;
		if (p >= j->end || *p < '0' || *p > '9')
			return fail(j, start, "bad number");
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	}
	j->s = p;
	return mark(j, node_new_scalar(start, (size_t)(p - start), 0), start);
}

static struct node *value(struct jp *j);

static int
has_key(const struct node *map, const char *key)
{
	size_t i;

	for (i = 0; i < map->n; i++)
		if (map->keys[i][0] == key[0] && strcmp(map->keys[i], key) == 0)
			return 1;
	return 0;
}

static struct node *
collection(struct jp *j, int is_map)
{
	const char *start = j->s;
	struct node *n, *kid;
	char *key = NULL;

	if ((n = mark(j, is_map ? node_new_map() : node_new_seq(), start)) ==
	    NULL)
		return NULL;
	n->flow = 1;
	if (++j->depth > YAMLIO_MAX_DEPTH) {
		node_free(n);
		return fail(j, start, "nesting deeper than 32 levels");
	}
	j->s++;
	skip_ws(j);
	if (j->s < j->end && *j->s == (is_map ? '}' : ']')) {
		j->s++;
		j->depth--;
		return n;
	}
	for (;;) {
		skip_ws(j);
		if (is_map) {
			const char *at = j->s;

			if (j->s >= j->end || *j->s != '"') {
				fail(j, j->s, "expected a key in quotes");
				goto fail;
			}
			if (string(j) == -1)
				goto fail;
			/* No NUL: \u0000 and raw control characters fail. */
			if (has_key(n, j->sb.buf)) {
				char msg[200];

				snprintf(msg, sizeof(msg), "duplicate key "
				    "\"%.100s\"", j->sb.buf);
				fail(j, at, msg);
				goto fail;
			}
			if (n->n >= YAMLIO_MAX_KEYS) {
				fail(j, at, "too many keys in one mapping");
				goto fail;
			}
			skip_ws(j);
			if (j->s >= j->end || *j->s != ':') {
				fail(j, j->s, "expected ':' after a key");
				goto fail;
			}
			j->s++;
		}
		if (is_map && (key = strdup(j->sb.buf)) == NULL) {
			perr_nomem(j->e);
			goto fail;
		}
		if ((kid = value(j)) == NULL)
			goto fail;
		/* Checked for duplicates above: no look-up again. */
		if (is_map ? node_map_push(n, key, strlen(key), kid) == -1 :
		    node_seq_push(n, kid) == -1) {
			perr_nomem(j->e);
			goto fail;
		}
		free(key);
		key = NULL;
		skip_ws(j);
		if (j->s < j->end && *j->s == ',') {
			j->s++;
			continue;
		}
		if (j->s < j->end && *j->s == (is_map ? '}' : ']')) {
			j->s++;
			break;
		}
		fail(j, j->s, is_map ? "expected ',' or '}'" :
		    "expected ',' or ']'");
		goto fail;
	}
	j->depth--;
	return n;
fail:
	free(key);
	node_free(n);
	return NULL;
}

static struct node *
value(struct jp *j)
{
	const char *at;

	skip_ws(j);
	at = j->s;
	if (j->s >= j->end)
		return fail(j, at, "a value is missing");
	switch (*j->s) {
	case '{':
		return collection(j, 1);
	case '[':
		return collection(j, 0);
	case '"':
		if (string(j) == -1)
			return NULL;
		return mark(j, node_new_scalar(strbuf_str(&j->sb), j->sb.len,
		    1), at);
	case 't':
	case 'f':
	case 'n': {
		static const char *const words[] = { "true", "false", "null" };
		size_t i, n;

		for (i = 0; i < 3; i++) {
			n = strlen(words[i]);
			if ((size_t)(j->end - j->s) >= n &&
			    memcmp(j->s, words[i], n) == 0) {
				j->s += n;
				return mark(j, node_new_scalar(words[i], n, 0),
				    at);
			}
		}
		return fail(j, at, "not a JSON value");
	}
	default:
		return number(j);
	}
}

struct node *
jsonparse(const char *buf, size_t len, const char *path, struct perr *e)
{
	struct jp j;
	struct node *root;

	if (len > YAMLIO_MAX_FILE) {
		perr_set(e, PLAINT_DATAERR, "record larger than 1 MiB");
		perr_at(e, path, 1, 0);
		return NULL;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	memset(&j, 0, sizeof(j));
	j.s = j.line_start = buf;
	j.end = buf + len;
	j.path = path;
	j.line = 1;
	j.e = e;
	if (!utf8_valid(buf, len))
		return fail(&j, buf, "not valid UTF-8");
	root = value(&j);
	if (root != NULL) {
		skip_ws(&j);
		if (j.s < j.end) {
			node_free(root);
			root = fail(&j, j.s, "more after the JSON value");
		}
	}
	strbuf_release(&j.sb);
	return root;
}
