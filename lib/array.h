/*
 * array.h - room for one more element in a growing array, as git's
 * ALLOC_GROW: the capacity doubles (from 16), so n appends cost O(n).
 *
 *	if (ARRAY_GROW(list->v, list->n, list->cap) == -1)
 *		return -1;
 *	list->v[list->n++] = x;
 *
 * On failure (no memory, or a size that would overflow) the array is as
 * it was.
 */
#ifndef PLAINT_ARRAY_H
#define PLAINT_ARRAY_H

#include <stddef.h>

int array_grow(void *arrayp, size_t n, size_t *cap, size_t size);

#define ARRAY_GROW(v, n, cap) array_grow(&(v), (n), &(cap), sizeof(*(v)))

#endif
