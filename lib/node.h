/*
 * node.h - an ordered YAML document in memory.
 *
 * A node is a scalar, a mapping or a sequence.  Mappings keep their keys
 * in the order they were read, so that a complaint rewritten by plaint
 * keeps unknown fields where they were.  A scalar keeps its text exactly
 * as read and remembers whether it was quoted: a quoted scalar is always
 * a string, a plain one resolves to null, bool, int, float or string
 * (node_kind) when a typed view is needed, as in JSON output.
 *
 * Ownership: a node owns its children, keys and text; node_free() frees
 * the whole subtree.  node_map_set() and node_seq_push() take ownership
 * of the value they are given, also when they fail.
 *
 * A tree may instead live in a node_pool, as the documents of a scan do:
 * it is read-only, node_free() leaves it alone, the functions that
 * change a tree refuse it (-1), and node_pool_reset() frees it all at
 * once.  node_dup() gives an ordinary copy.
 */
#ifndef PLAINT_NODE_H
#define PLAINT_NODE_H

#include <stddef.h>

#include "err.h"

enum node_type { NODE_SCALAR, NODE_MAP, NODE_SEQ };
enum scalar_kind { KIND_STR, KIND_NULL, KIND_BOOL, KIND_INT, KIND_FLOAT };

struct node {
	enum node_type type;
	unsigned quoted : 1;	/* scalar was quoted: always a string */
	unsigned flow : 1;	/* collection was written in flow style */
	unsigned pooled : 1;	/* lives in a node_pool: read-only */
	int line, col;		/* 1-based position in its file; 0 if new */
	char *str;		/* scalar text */
	size_t n, cap;		/* number of entries of a map or sequence */
	char **keys;		/* map keys, n of them */
	struct node **kids;	/* map values or sequence items */
};

struct pool_chunk;
struct node_pool {
	struct pool_chunk *head, *cur;
	size_t used;		/* bytes taken from cur */
};

#define NODE_POOL_INIT { NULL, NULL, 0 }

/* size bytes, aligned for any node field, or NULL. */
void *node_pool_alloc(struct node_pool *pool, size_t size);
/* Forget every tree of pool; keep one chunk for the next. */
void node_pool_reset(struct node_pool *pool);
void node_pool_release(struct node_pool *pool);

struct node *node_new_map(void);
struct node *node_new_seq(void);
/* A string scalar, quoted when written unless it is a plain-safe word. */
struct node *node_new_str(const char *s);
struct node *node_new_strn(const char *s, size_t len);
struct node *node_new_int(long long v);
struct node *node_new_bool(int v);
/* A scalar exactly as read from a file (quoted says how it was written). */
struct node *node_new_scalar(const char *s, size_t len, int quoted);
struct node *node_dup(const struct node *n);
/* Replace the text of scalar n with s (malloc'd; n takes it). */
int node_set_str(struct node *n, char *s);
void node_free(struct node *n);

enum scalar_kind node_kind(const struct node *n);
/* The text of a scalar; NULL for a missing node or a collection. */
const char *node_str(const struct node *n);
/* Typed reads: return -1 when n is missing or of another kind. */
int node_int(const struct node *n, long long *out);
int node_bool(const struct node *n, int *out);

struct node *node_map_get(const struct node *map, const char *key);
/* Replace the value of key, or add key at the end; takes val. */
int node_map_set(struct node *map, const char *key, struct node *val);
/*
 * Like node_map_set, but a new key goes before the first existing key
 * that comes after it in order[] (NULL-terminated); keys absent from
 * order[] rank just before the key named by order's last entry.
 */
int node_map_set_ordered(struct node *map, const char *key, struct node *val,
    const char *const *order);
/* Replace the value of key, or insert key at position at; takes val. */
int node_map_set_at(struct node *map, size_t at, const char *key,
    struct node *val);
void node_map_del(struct node *map, const char *key);
/* Append key (len bytes) without looking for it: for readers that have
 * already refused duplicates.  Takes val. */
int node_map_push(struct node *map, const char *key, size_t len,
    struct node *val);
int node_seq_push(struct node *seq, struct node *val);

/* Dotted paths: "complainant.name".  get returns NULL when absent. */
struct node *node_path_get(const struct node *root, const char *path);
/*
 * Does doc match a rule's `when` (NULL matches everything)?  Each key of
 * when is a dotted path whose value must equal one of the values given
 * (a value, or a list of them); "*" matches any non-empty value, "" an
 * absent one, and booleans compare as booleans (yes = true); a list in
 * doc matches when one of its entries does.
 */
int node_match(const struct node *when, const struct node *doc);
/*
 * Creates the intermediate maps; fails if one is not a map (errno
 * ENOTDIR) or memory runs out (ENOMEM, also for a val that is NULL).
 * Takes val.
 */
int node_path_set(struct node *root, const char *path, struct node *val,
    const char *const *order);
void node_path_del(struct node *root, const char *path);

/* Is s a string that can be written unquoted and read back as a string? */
int node_plain_safe(const char *s);

/*
 * An error in a configuration file (the policy, a workflow, a calendar):
 * msg, exit PLAINT_CONFIG, the key (may be NULL), and path (NULL: the
 * caller's) with n's line and column when n is known.  Only the first
 * error is kept.  Returns -1.
 */
int node_config_error(struct perr *e, const char *path, const struct node *n,
    const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
