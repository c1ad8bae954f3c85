/*
 * strset.h - a set of strings with a number attached to each, in a hash
 * table (open addressing, FNV-1a), for look-ups by the hundred thousand:
 * the source_ref of every complaint in a tree, the ids handed out in one
 * run.
 *
 * STRSET_INIT or strset_init() gives an empty set; strset_release()
 * frees it.  The set keeps its own copies of the strings.
 */
#ifndef PLAINT_STRSET_H
#define PLAINT_STRSET_H

#include <stddef.h>

struct strset {
	char **keys;
	long *vals;
	size_t n, cap;		/* cap is 0 or a power of two */
};

#define STRSET_INIT { NULL, NULL, 0, 0 }

void strset_init(struct strset *set);
void strset_release(struct strset *set);
/*
 * Add s with val: 1 if it was added, 0 if it was there already (*old,
 * which may be NULL, then holds its value), -1 when memory runs out.
 */
int strset_add(struct strset *set, const char *s, long val, long *old);
/* Add s with val, or give s that value if it is there; -1 on no memory. */
int strset_set(struct strset *set, const char *s, long val);
/*
 * The set's own copy of s, added if need be: one copy of each of a few
 * hundred names however many rows name them.  NULL on no memory.
 */
const char *strset_intern(struct strset *set, const char *s);
/* Is s in the set?  *val (may be NULL) gets its value. */
int strset_has(const struct strset *set, const char *s, long *val);

#endif
