#include <stdint.h>
#include <stdlib.h>

#include "../../lib/array.h"
#include "unit.h"

void
suite_array(void)
{
	long *v = NULL;
	size_t n = 0, cap = 0, i, bad = 0;
	char *huge = NULL;
	size_t hn = 0, hcap = 0;

	for (i = 0; i < 1000; i++) {
		if (ARRAY_GROW(v, n, cap) == -1)
			break;
		v[n++] = (long)i * 3;
	}
	CHECK(n == 1000 && cap >= 1000 && cap < 2048);
	for (i = 0; i < n; i++)
		bad += v[i] != (long)i * 3;
	CHECK(bad == 0);
	/* Room already there: nothing moves. */
	{
		long *before = v;
		size_t c = cap;

		CHECK(ARRAY_GROW(v, cap - 1, cap) == 0 && v == before &&
		    cap == c);
	}
	free(v);
	/* A size that would overflow is refused, the array left alone. */
	CHECK(array_grow(&huge, hn, &hcap, SIZE_MAX / 4) == -1);
	CHECK(huge == NULL && hcap == 0);
}
