#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "node.h"

/* A typical complaint's tree fits in one chunk. */
#define POOL_CHUNK (16 * 1024)

struct pool_chunk {
	struct pool_chunk *next;
	size_t size;
	max_align_t data[];
};

void *
node_pool_alloc(struct node_pool *p, size_t size)
{
	struct pool_chunk *c;
	size_t want;

	size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	for (;;) {
		if (p->cur != NULL && p->cur->size - p->used >= size) {
			void *r = (char *)p->cur->data + p->used;

			p->used += size;
			return r;
		}
		if (p->cur == NULL || p->cur->next == NULL)
			break;
		p->cur = p->cur->next;
		p->used = 0;
	}
	want = size > POOL_CHUNK ? size : POOL_CHUNK;
	if ((c = malloc(sizeof(*c) + want)) == NULL)
		return NULL;
	c->next = NULL;
	c->size = want;
	if (p->cur != NULL)
		p->cur->next = c;
	else
		p->head = c;
	p->cur = c;
	p->used = size;
	return c->data;
}

static void
free_chunks(struct pool_chunk *c)
{
	while (c != NULL) {
		struct pool_chunk *next = c->next;

		free(c);
		c = next;
	}
}

void
node_pool_reset(struct node_pool *p)
{
	if (p->head == NULL)
		return;
	free_chunks(p->head->next);
	p->head->next = NULL;
	p->cur = p->head;
	p->used = 0;
}

void
node_pool_release(struct node_pool *p)
{
	free_chunks(p->head);
	p->head = p->cur = NULL;
	p->used = 0;
}

static struct node *
node_alloc(enum node_type type)
{
	struct node *n = calloc(1, sizeof(*n));

	if (n != NULL)
		n->type = type;
	return n;
}

struct node *
node_new_map(void)
{
	return node_alloc(NODE_MAP);
}

struct node *
node_new_seq(void)
{
	return node_alloc(NODE_SEQ);
}

/*
 * A scalar and its text are one allocation: a complaint file has a
 * hundred of them, and a report reads a million files.
 */
struct node *
node_new_scalar(const char *s, size_t len, int quoted)
{
	struct node *n = malloc(sizeof(*n) + len + 1);

	if (n == NULL)
		return NULL;
	memset(n, 0, sizeof(*n));
	n->type = NODE_SCALAR;
	n->str = (char *)(n + 1);
	memcpy(n->str, s, len);
	n->str[len] = '\0';
	n->quoted = quoted ? 1 : 0;
	return n;
}

static void
free_str(struct node *n)
{
	if (n->str != (char *)(n + 1))
		free(n->str);
}

int
node_set_str(struct node *n, char *s)
{
	if (n->pooled) {
		free(s);
		return -1;
	}
	free_str(n);
	n->str = s;
	return 0;
}

struct node *
node_new_strn(const char *s, size_t len)
{
	struct node *n = node_new_scalar(s, len, 1);

	if (n != NULL && node_plain_safe(n->str))
		n->quoted = 0;
	return n;
}

struct node *
node_new_str(const char *s)
{
	return node_new_strn(s, strlen(s));
}

struct node *
node_new_int(long long v)
{
	char buf[32];
	int len = snprintf(buf, sizeof(buf), "%lld", v);

	return node_new_scalar(buf, (size_t)len, 0);
}

struct node *
node_new_bool(int v)
{
	return v ? node_new_scalar("true", 4, 0) : node_new_scalar("false", 5, 0);
}

struct node *
node_dup(const struct node *src)
{
	struct node *n;
	size_t i;

	if (src->type == NODE_SCALAR) {
		n = node_new_scalar(src->str, strlen(src->str), src->quoted);
		if (n != NULL) {
			n->line = src->line;
			n->col = src->col;
		}
		return n;
	}
	if ((n = node_alloc(src->type)) == NULL)
		return NULL;
	n->flow = src->flow;
	n->line = src->line;
	n->col = src->col;
	for (i = 0; i < src->n; i++) {
		struct node *kid = node_dup(src->kids[i]);
		int rc;

		if (kid == NULL) {
			node_free(n);
			return NULL;
		}
		rc = src->type == NODE_MAP ? node_map_set(n, src->keys[i], kid) :
		    node_seq_push(n, kid);
		if (rc == -1) {
			node_free(n);
			return NULL;
		}
	}
	return n;
}

void
node_free(struct node *n)
{
	size_t i;

	if (n == NULL || n->pooled)
		return;
	for (i = 0; i < n->n; i++) {
		if (n->keys != NULL)
			free(n->keys[i]);
		node_free(n->kids[i]);
	}
	free(n->keys);
	free(n->kids);
	if (n->str != NULL)
		free_str(n);
	free(n);
}

static int
is_int_text(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int
is_float_text(const char *s)
{
	int digits = 0, dot = 0;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && !dot)
			dot = 1;
		else if ((*s == 'e' || *s == 'E') && digits > 0)
			return is_int_text(s + 1);
		else
			return 0;
	}
	return digits > 0;
}

static int
word_in(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strcmp(s, *words) == 0)
			return 1;
	return 0;
}

static const char *const null_words[] = { "", "~", "null", "Null", "NULL",
	NULL };
static const char *const true_words[] = { "true", "True", "TRUE", "yes",
	"Yes", "YES", "on", "On", "ON", NULL };
static const char *const false_words[] = { "false", "False", "FALSE", "no",
	"No", "NO", "off", "Off", "OFF", NULL };

enum scalar_kind
node_kind(const struct node *n)
{
	if (n == NULL || n->type != NODE_SCALAR || n->quoted)
		return KIND_STR;
	if (word_in(n->str, null_words))
		return KIND_NULL;
	if (word_in(n->str, true_words) || word_in(n->str, false_words))
		return KIND_BOOL;
	if (is_int_text(n->str))
		return KIND_INT;
	if (is_float_text(n->str))
		return KIND_FLOAT;
	return KIND_STR;
}

const char *
node_str(const struct node *n)
{
	return n != NULL && n->type == NODE_SCALAR ? n->str : NULL;
}

int
node_int(const struct node *n, long long *out)
{
	char *end;

	if (node_kind(n) != KIND_INT || n == NULL || n->type != NODE_SCALAR)
		return -1;
	errno = 0;
	*out = strtoll(n->str, &end, 10);
	return errno != 0 || *end != '\0' ? -1 : 0;
}

int
node_bool(const struct node *n, int *out)
{
	if (n == NULL || node_kind(n) != KIND_BOOL)
		return -1;
	*out = word_in(n->str, true_words);
	return 0;
}

int
node_plain_safe(const char *s)
{
	const char *p;

	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_'))
			return 0;
	/* The words YAML reads as null or bool are all short. */
	if (p - s > 5)
		return 1;
	return !word_in(s, null_words) && !word_in(s, true_words) &&
	    !word_in(s, false_words);
}

static long
map_index(const struct node *map, const char *key)
{
	size_t i;

	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return (long)i;
	return -1;
}

struct node *
node_map_get(const struct node *map, const char *key)
{
	long i;

	if (map == NULL || key == NULL || map->type != NODE_MAP)
		return NULL;
	i = map_index(map, key);
	return i < 0 ? NULL : map->kids[i];
}

static int
ensure_room(struct node *n)
{
	size_t cap;
	struct node **kids;
	char **keys;

	if (n->pooled)
		return -1;
	if (n->n < n->cap)
		return 0;
	cap = n->cap ? n->cap * 2 : 8;
	if ((kids = realloc(n->kids, cap * sizeof(*kids))) == NULL)
		return -1;
	n->kids = kids;
	if (n->type == NODE_MAP) {
		if ((keys = realloc(n->keys, cap * sizeof(*keys))) == NULL)
			return -1;
		n->keys = keys;
	}
	n->cap = cap;
	return 0;
}

static int
map_insert_at(struct node *map, size_t at, const char *key, struct node *val)
{
	char *k;

	if (ensure_room(map) == -1 || (k = strdup(key)) == NULL) {
		node_free(val);
		return -1;
	}
	memmove(map->keys + at + 1, map->keys + at,
	    (map->n - at) * sizeof(*map->keys));
	memmove(map->kids + at + 1, map->kids + at,
	    (map->n - at) * sizeof(*map->kids));
	map->keys[at] = k;
	map->kids[at] = val;
	map->n++;
	return 0;
}

static int
replace_existing(struct node *map, const char *key, struct node *val)
{
	long i = map_index(map, key);

	if (i < 0)
		return 0;
	node_free(map->kids[i]);
	map->kids[i] = val;
	return 1;
}

int
node_map_set(struct node *map, const char *key, struct node *val)
{
	if (val == NULL)
		return -1;
	if (map == NULL || map->type != NODE_MAP || map->pooled) {
		node_free(val);
		return -1;
	}
	if (replace_existing(map, key, val))
		return 0;
	return map_insert_at(map, map->n, key, val);
}

static size_t
rank_of(const char *key, const char *const *order)
{
	size_t i;

	for (i = 0; order[i] != NULL; i++)
		if (strcmp(order[i], key) == 0)
			return i * 2;
	return i > 0 ? i * 2 - 3 : 0;	/* just before the last entry */
}

int
node_map_set_ordered(struct node *map, const char *key, struct node *val,
    const char *const *order)
{
	size_t at, rank;

	if (order == NULL)
		return node_map_set(map, key, val);
	if (val == NULL)
		return -1;
	if (map == NULL || map->type != NODE_MAP || map->pooled) {
		node_free(val);
		return -1;
	}
	if (replace_existing(map, key, val))
		return 0;
	rank = rank_of(key, order);
	for (at = 0; at < map->n; at++)
		if (rank_of(map->keys[at], order) > rank)
			break;
	return map_insert_at(map, at, key, val);
}

int
node_map_set_at(struct node *map, size_t at, const char *key,
    struct node *val)
{
	if (val == NULL)
		return -1;
	if (map == NULL || map->type != NODE_MAP || map->pooled) {
		node_free(val);
		return -1;
	}
	if (replace_existing(map, key, val))
		return 0;
	return map_insert_at(map, at < map->n ? at : map->n, key, val);
}

void
node_map_del(struct node *map, const char *key)
{
	long i;

	if (map == NULL || map->type != NODE_MAP || map->pooled ||
	    (i = map_index(map, key)) < 0)
		return;
	free(map->keys[i]);
	node_free(map->kids[i]);
	memmove(map->keys + i, map->keys + i + 1,
	    (map->n - (size_t)i - 1) * sizeof(*map->keys));
	memmove(map->kids + i, map->kids + i + 1,
	    (map->n - (size_t)i - 1) * sizeof(*map->kids));
	map->n--;
}

int
node_map_push(struct node *map, const char *key, size_t len,
    struct node *val)
{
	char *k;

	if (ensure_room(map) == -1 || (k = malloc(len + 1)) == NULL) {
		node_free(val);
		return -1;
	}
	memcpy(k, key, len);
	k[len] = '\0';
	map->keys[map->n] = k;
	map->kids[map->n++] = val;
	return 0;
}

int
node_seq_push(struct node *seq, struct node *val)
{
	if (val == NULL)
		return -1;
	if (seq == NULL || seq->type != NODE_SEQ || ensure_room(seq) == -1) {
		node_free(val);
		return -1;
	}
	seq->kids[seq->n++] = val;
	return 0;
}

struct node *
node_path_get(const struct node *root, const char *path)
{
	char part[128];
	const char *dot;
	size_t len;

	while (root != NULL && (dot = strchr(path, '.')) != NULL) {
		len = (size_t)(dot - path);
		if (len >= sizeof(part))
			return NULL;
		memcpy(part, path, len);
		part[len] = '\0';
		root = node_map_get(root, part);
		path = dot + 1;
	}
	return node_map_get(root, path);
}

int
node_path_set(struct node *root, const char *path, struct node *val,
    const char *const *order)
{
	char part[128];
	const char *dot;
	size_t len;
	struct node *next;

	if (val == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (root == NULL || root->type != NODE_MAP || root->pooled) {
		node_free(val);
		errno = ENOTDIR;
		return -1;
	}
	if ((dot = strchr(path, '.')) == NULL) {
		errno = ENOMEM;	/* the only way left to fail */
		return node_map_set_ordered(root, path, val, order);
	}
	len = (size_t)(dot - path);
	if (len >= sizeof(part)) {
		node_free(val);
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(part, path, len);
	part[len] = '\0';
	next = node_map_get(root, part);
	if (next == NULL) {
		if ((next = node_new_map()) == NULL ||
		    node_map_set_ordered(root, part, next, order) == -1) {
			node_free(val);
			errno = ENOMEM;
			return -1;
		}
	}
	return node_path_set(next, dot + 1, val, NULL);
}

void
node_path_del(struct node *root, const char *path)
{
	const char *dot = strrchr(path, '.');
	char parent[256];
	size_t len;

	if (dot == NULL) {
		node_map_del(root, path);
		return;
	}
	len = (size_t)(dot - path);
	if (len >= sizeof(parent))
		return;
	memcpy(parent, path, len);
	parent[len] = '\0';
	node_map_del(node_path_get(root, parent), dot + 1);
}

int
node_config_error(struct perr *e, const char *path, const struct node *n,
    const char *key, const char *fmt, ...)
{
	va_list ap;

	if (e->code == 0) {
		e->code = PLAINT_CONFIG;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
		va_end(ap);
	}
	if (key != NULL)
		perr_field(e, key);
	if (n != NULL || path != NULL)
		perr_at(e, path, n != NULL ? n->line : 0, n != NULL ? n->col :
		    0);
	return -1;
}

static int
value_matches(const struct node *want, const struct node *have)
{
	const char *w = node_str(want), *h = node_str(have);
	int wb, hb;

	if (w == NULL)
		return 0;
	if (strcmp(w, "*") == 0)
		return h != NULL && *h != '\0';
	if (h == NULL)
		return *w == '\0';
	if (node_bool(have, &hb) == 0 && node_bool(want, &wb) == 0)
		return hb == wb;
	return strcmp(w, h) == 0;
}

/* A list (members, responsible) matches when one of its entries does. */
static int
entry_matches(const struct node *want, const struct node *have)
{
	size_t i;

	if (have == NULL || have->type != NODE_SEQ)
		return value_matches(want, have);
	if (have->n == 0)
		return value_matches(want, NULL);
	for (i = 0; i < have->n; i++)
		if (value_matches(want, have->kids[i]))
			return 1;
	return 0;
}

int
node_match(const struct node *when, const struct node *doc)
{
	size_t i, j;

	for (i = 0; when != NULL && i < when->n; i++) {
		const struct node *want = when->kids[i];
		const struct node *have = node_path_get(doc, when->keys[i]);
		int any = 0;

		if (want->type == NODE_SEQ) {
			for (j = 0; j < want->n && !any; j++)
				any = entry_matches(want->kids[j], have);
		} else
			any = entry_matches(want, have);
		if (!any)
			return 0;
	}
	return 1;
}
