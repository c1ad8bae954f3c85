#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tree.h"

int
same_tree(const struct node *a, const struct node *b, int marks)
{
	size_t i;

	if (a == NULL || b == NULL || a->type != b->type || a->n != b->n)
		return 0;
	if (marks && (a->line != b->line || a->col != b->col))
		return 0;
	if (a->type == NODE_SCALAR)
		return a->quoted == b->quoted && strcmp(a->str, b->str) == 0;
	if (a->flow != b->flow)
		return 0;
	for (i = 0; i < a->n; i++) {
		if (a->type == NODE_MAP && strcmp(a->keys[i], b->keys[i]) != 0)
			return 0;
		if (!same_tree(a->kids[i], b->kids[i], marks))
			return 0;
	}
	return 1;
}

unsigned
unit_rnd(unsigned long *state, unsigned n)
{
	*state = *state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(*state >> 33) % n;
}

int
unit_find_data(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("PLAINT_TOP");
	int n = snprintf(buf, size, "%s/data/%s", top != NULL ? top : ".",
	    rel);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}
