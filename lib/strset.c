#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strset.h"

void
strset_init(struct strset *set)
{
	memset(set, 0, sizeof(*set));
}

void
strset_release(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->keys[i]);
	free(set->keys);
	free(set->vals);
	strset_init(set);
}

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot of s, or the empty slot where it would go. */
static size_t
slot(const struct strset *set, const char *s)
{
	size_t i = (size_t)hash(s) & (set->cap - 1);

	while (set->keys[i] != NULL && strcmp(set->keys[i], s) != 0)
		i = (i + 1) & (set->cap - 1);
	return i;
}

static int
grow(struct strset *set)
{
	struct strset bigger;
	size_t i, j;

	bigger.cap = set->cap ? set->cap * 2 : 64;
	bigger.n = set->n;
	bigger.keys = calloc(bigger.cap, sizeof(*bigger.keys));
	bigger.vals = calloc(bigger.cap, sizeof(*bigger.vals));
	if (bigger.keys == NULL || bigger.vals == NULL) {
		free(bigger.keys);
		free(bigger.vals);
		return -1;
	}
	for (i = 0; i < set->cap; i++) {
		if (set->keys[i] == NULL)
			continue;
		j = slot(&bigger, set->keys[i]);
		bigger.keys[j] = set->keys[i];
		bigger.vals[j] = set->vals[i];
	}
	free(set->keys);
	free(set->vals);
	*set = bigger;
	return 0;
}

int
strset_add(struct strset *set, const char *s, long val, long *old)
{
	size_t i;

	/* At most half full, so that probes stay short. */
	if ((set->n + 1) * 2 > set->cap && grow(set) == -1)
		return -1;
	i = slot(set, s);
	if (set->keys[i] != NULL) {
		if (old != NULL)
			*old = set->vals[i];
		return 0;
	}
	if ((set->keys[i] = strdup(s)) == NULL)
		return -1;
	set->vals[i] = val;
	set->n++;
	return 1;
}

int
strset_set(struct strset *set, const char *s, long val)
{
	size_t i;

	if (strset_add(set, s, val, NULL) == -1)
		return -1;
	i = slot(set, s);
	set->vals[i] = val;
	return 0;
}

int
strset_has(const struct strset *set, const char *s, long *val)
{
	size_t i;

	if (set->cap == 0)
		return 0;
	i = slot(set, s);
	if (set->keys[i] == NULL)
		return 0;
	if (val != NULL)
		*val = set->vals[i];
	return 1;
}

const char *
strset_intern(struct strset *set, const char *s)
{
	if (strset_add(set, s, 0, NULL) == -1)
		return NULL;
	return set->keys[slot(set, s)];
}
