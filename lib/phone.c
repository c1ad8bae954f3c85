#include <string.h>

#include "phone.h"

#define PHONE_DIGITS 24

/* The digits of a number written in groups, and where its last began. */
struct digits {
	char d[PHONE_DIGITS + 1];
	size_t n, last, groups;
};

/* Digit groups separated by one space or hyphen, nothing else. */
static int
read_digits(const char *s, const char *end, struct digits *out)
{
	int after_sep = 1;	/* no separator first */

	out->n = out->last = out->groups = 0;
	for (; s < end; s++) {
		if (*s >= '0' && *s <= '9') {
			if (out->n == PHONE_DIGITS)
				return 0;
			if (after_sep) {
				out->last = out->n;
				out->groups++;
			}
			out->d[out->n++] = *s;
			after_sep = 0;
		} else if ((*s == ' ' || *s == '-') && !after_sep)
			after_sep = 1;
		else
			return 0;
	}
	out->d[out->n] = '\0';
	return out->n > 0 && !after_sep;
}

static int
mobile(const char *d, size_t n)
{
	return n == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

/* 010 and 02X have 8-digit numbers; 0[3-9]XX 7 or 8. */
static int
landline(const char *d, size_t n)
{
	if (n < 4 || d[0] != '0')
		return 0;
	if (d[1] == '1' || d[1] == '2')
		return n == 11 && (d[1] == '2' || d[2] == '0');
	return d[1] >= '3' && (n == 11 || n == 12);
}

static int
service(const char *d, size_t n)
{
	if ((n == 5 || n == 6) && d[0] == '9' && d[1] == '5')
		return 1;
	return n == 10 && (strncmp(d, "400", 3) == 0 ||
	    strncmp(d, "800", 3) == 0);
}

/* A number that may carry an extension: a landline, 400 or 800. */
static int
has_lines(const char *d, size_t n, int intl)
{
	char with0[PHONE_DIGITS + 2];

	if (landline(d, n) || (!intl && n == 10 && service(d, n)))
		return 1;
	if (!intl || n >= PHONE_DIGITS)
		return 0;
	/* +86 10 12345678: the area code without its 0. */
	with0[0] = '0';
	memcpy(with0 + 1, d, n);
	with0[n + 1] = '\0';
	return landline(with0, n + 1);
}

static int
whole(const char *d, size_t n, int intl)
{
	return mobile(d, n) || has_lines(d, n, intl) ||
	    (!intl && service(d, n));
}

/* Where an extension is marked (转, ext, x, #): its length, or 0. */
static size_t
ext_marker(const char *s)
{
	static const char *const marks[] = { "\xe8\xbd\xac", "ext.", "ext",
		"EXT", "x", "X", "#", NULL };
	size_t i;

	for (i = 0; marks[i] != NULL; i++)
		if (strncmp(s, marks[i], strlen(marks[i])) == 0)
			return strlen(marks[i]);
	return 0;
}

static int
extension(const char *s, const char *end)
{
	struct digits x;

	while (s < end && *s == ' ')
		s++;
	return read_digits(s, end, &x) && x.groups == 1 && x.n <= 6;
}

int
phone_cn_valid(const char *s)
{
	const char *end = s + strlen(s), *m, *cut;
	struct digits num;
	int intl = 0;
	size_t len;

	if (strncmp(s, "+86", 3) == 0) {
		intl = 1;
		s += 3;
		if (*s == ' ' || *s == '-')
			s++;
	}
	for (m = s; m < end && ((*m >= '0' && *m <= '9') || *m == ' ' ||
	    *m == '-'); m++)
		;
	if (m < end) {
		/* An extension after its mark: 010-12345678 转 123. */
		if ((len = ext_marker(m)) == 0 || !extension(m + len, end))
			return 0;
		for (cut = m; cut > s && cut[-1] == ' '; cut--)
			;
		return read_digits(s, cut, &num) &&
		    has_lines(num.d, num.n, intl);
	}
	if (!read_digits(s, end, &num))
		return 0;
	if (whole(num.d, num.n, intl))
		return 1;
	/* 010-12345678-123: the last group is the extension. */
	return num.groups > 1 && num.n - num.last <= 6 &&
	    has_lines(num.d, num.last, intl);
}
