#include <stdint.h>
#include <string.h>

#include "suggest.h"
#include "utf8.h"

/*
 * The characters of s in cp, ASCII letters in lower case, an invalid
 * byte as a character of its own; SUGGEST_MAX + 1 if there are more.
 */
static size_t
decode(const char *s, unsigned long *cp)
{
	size_t len = strlen(s), n = 0, k;

	while (len > 0) {
		if (n == SUGGEST_MAX)
			return SUGGEST_MAX + 1;
		if ((k = utf8_decode(s, len, &cp[n])) == 0) {
			cp[n] = 0x110000UL + (unsigned char)*s;
			k = 1;
		}
		if (cp[n] >= 'A' && cp[n] <= 'Z')
			cp[n] += 'a' - 'A';
		s += k;
		len -= k;
		n++;
	}
	return n;
}

static size_t
min2(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* Optimal string alignment: Levenshtein plus the swap of neighbours. */
static size_t
distance(const unsigned long *x, size_t m, const unsigned long *y, size_t n)
{
	size_t rows[3][SUGGEST_MAX + 1];
	size_t i, j, *c, *p, *pp;

	for (j = 0; j <= n; j++)
		rows[0][j] = j;
	for (i = 1; i <= m; i++) {
		c = rows[i % 3];
		p = rows[(i - 1) % 3];
		pp = rows[(i + 1) % 3];	/* row i - 2 */
		c[0] = i;
		for (j = 1; j <= n; j++) {
			c[j] = min2(min2(p[j] + 1, c[j - 1] + 1),
			    p[j - 1] + (x[i - 1] != y[j - 1]));
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1])
				c[j] = min2(c[j], pp[j - 2] + 1);
		}
	}
	return rows[m % 3][n];
}

size_t
suggest_distance(const char *a, const char *b)
{
	unsigned long x[SUGGEST_MAX], y[SUGGEST_MAX];
	size_t m, n;

	if ((m = decode(a, x)) > SUGGEST_MAX ||
	    (n = decode(b, y)) > SUGGEST_MAX)
		return SIZE_MAX;
	return distance(x, m, y, n);
}

const char *
suggest_closest(const char *word, const char *const *candidates, size_t n)
{
	unsigned long x[SUGGEST_MAX], y[SUGGEST_MAX];
	const char *best = NULL;
	size_t i, m, k, d, most, bestd = SIZE_MAX;

	if ((m = decode(word, x)) > SUGGEST_MAX)
		return NULL;
	for (i = 0; i < n; i++) {
		if ((k = decode(candidates[i], y)) > SUGGEST_MAX)
			continue;
		most = ((m > k ? m : k) + 2) / 4;
		d = distance(x, m, y, k);
		if (d <= (most > 0 ? most : 1) && d < bestd) {
			best = candidates[i];
			bestd = d;
		}
	}
	return best;
}
