#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"

int
array_grow(void *arrayp, size_t n, size_t *cap, size_t size)
{
	void *v, *bigger;
	size_t want;

	if (n < *cap)
		return 0;
	want = *cap ? *cap * 2 : 16;
	if (want < *cap || want > SIZE_MAX / size)
		return -1;
	/* arrayp points to a T *, whatever T is: copied, not cast. */
	memcpy(&v, arrayp, sizeof(v));
	if ((bigger = realloc(v, want * size)) == NULL)
		return -1;
	memcpy(arrayp, &bigger, sizeof(bigger));
	*cap = want;
	return 0;
}
