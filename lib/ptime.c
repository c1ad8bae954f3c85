#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

long long
ptime_days_from_civil(int y, int m, int d)
{
	long long yy = y - (m <= 2);
	long long era = (yy >= 0 ? yy : yy - 399) / 400;
	long long yoe = yy - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
ptime_civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

int
ptime_weekday(long long days)
{
	/* 1970-01-01 was a Thursday (4). */
	long long w = (days + 3) % 7;

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

static long long
floor_div(long long a, long long b)
{
	long long q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void
ptime_to_civil(ptime_t t, int off, struct civil *c)
{
	long long local = t + off;
	long long days = floor_div(local, 86400);
	long long secs = local - days * 86400;

	ptime_civil_from_days(days, &c->year, &c->month, &c->day);
	c->hour = (int)(secs / 3600);
	c->min = (int)(secs / 60 % 60);
	c->sec = (int)(secs % 60);
}

ptime_t
ptime_from_civil(const struct civil *c, int off)
{
	return ptime_days_from_civil(c->year, c->month, c->day) * 86400 +
	    c->hour * 3600 + c->min * 60 + c->sec - off;
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int
ptime_parse_offset(const char *s, int *off)
{
	int h, m;

	if (strcmp(s, "Z") == 0 || strcmp(s, "z") == 0) {
		*off = 0;
		return 0;
	}
	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':' ||
	    digits(s + 1, 2, &h) == -1 || digits(s + 4, 2, &m) == -1 ||
	    h > 14 || m > 59)
		return -1;
	*off = (h * 3600 + m * 60) * (s[0] == '-' ? -1 : 1);
	return 0;
}

int
ptime_parse(const char *s, int def_off, ptime_t *t, int *off)
{
	struct civil c;
	const char *p;

	memset(&c, 0, sizeof(c));
	if (strlen(s) < 10 || digits(s, 4, &c.year) == -1 || s[4] != '-' ||
	    digits(s + 5, 2, &c.month) == -1 || s[7] != '-' ||
	    digits(s + 8, 2, &c.day) == -1)
		return -1;
	if (c.year < 1970 || c.year > 9999 || c.month < 1 || c.month > 12 ||
	    c.day < 1 || c.day > days_in_month(c.year, c.month))
		return -1;
	p = s + 10;
	*off = def_off;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (digits(p, 2, &c.hour) == -1 || p[2] != ':' ||
		    digits(p + 3, 2, &c.min) == -1)
			return -1;
		p += 5;
		if (*p == ':') {
			if (digits(p + 1, 2, &c.sec) == -1)
				return -1;
			p += 3;
		}
		if (c.hour > 23 || c.min > 59 || c.sec > 59)
			return -1;
		if (*p != '\0' && ptime_parse_offset(p, off) == -1)
			return -1;
	} else if (*p != '\0')
		return -1;
	*t = ptime_from_civil(&c, *off);
	return 0;
}

void
ptime_format(ptime_t t, int off, char buf[PTIME_BUFSZ])
{
	struct civil c;
	int a = off < 0 ? -off : off;

	ptime_to_civil(t, off, &c);
	snprintf(buf, PTIME_BUFSZ, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    c.year, c.month, c.day, c.hour, c.min, c.sec, off < 0 ? '-' : '+',
	    a / 3600, a / 60 % 60);
}

int
ptime_parse_duration(const char *s, struct duration *d)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9')
		return -1;
	n = strtol(s, &end, 10);
	if (n < 1 || n > 100000)
		return -1;
	if (strcmp(end, "m") == 0)
		d->unit = DUR_MIN;
	else if (strcmp(end, "h") == 0)
		d->unit = DUR_HOUR;
	else if (strcmp(end, "d") == 0)
		d->unit = DUR_DAY;
	else if (strcmp(end, "w") == 0)
		d->unit = DUR_WEEK;
	else if (strcmp(end, "wd") == 0)
		d->unit = DUR_WORKDAY;
	else if (strcmp(end, "bh") == 0)
		d->unit = DUR_BHOUR;
	else if (strcmp(end, "mo") == 0)
		d->unit = DUR_MONTH;
	else if (strcmp(end, "y") == 0)
		d->unit = DUR_YEAR;
	else
		return -1;
	d->count = n;
	return 0;
}

ptime_t
ptime_add(ptime_t t, const struct duration *d, int off)
{
	static const long long secs[] = { 60, 3600, 86400, 7 * 86400, 86400,
		3600 };
	struct civil c;
	long long m;
	int dim;

	if (d->unit != DUR_MONTH && d->unit != DUR_YEAR)
		return t + d->count * secs[d->unit];
	ptime_to_civil(t, off, &c);
	m = (long long)c.year * 12 + (c.month - 1) + d->count *
	    (d->unit == DUR_YEAR ? 12 : 1);
	c.year = (int)(m / 12);
	c.month = (int)(m % 12) + 1;
	dim = days_in_month(c.year, c.month);
	if (c.day > dim)
		c.day = dim;
	return ptime_from_civil(&c, off);
}

void
ptime_format_span(long long s, char *buf, unsigned long size)
{
	long long d, h, m;

	if (s < 0)
		s = -s;
	d = s / 86400;
	h = s / 3600 % 24;
	m = s / 60 % 60;
	if (d > 0)
		snprintf(buf, size, "%lldd %lldh", d, h);
	else if (h > 0)
		snprintf(buf, size, "%lldh %lldm", h, m);
	else
		snprintf(buf, size, "%lldm", m);
}

static ptime_t
day_start(ptime_t t, int off)
{
	struct civil c;

	ptime_to_civil(t, off, &c);
	return ptime_days_from_civil(c.year, c.month, c.day) * 86400 - off;
}

/* The first instant of month m (1..13) of year y in UTC+off. */
static ptime_t
month_start(int y, int m, int off)
{
	if (m > 12) {
		m -= 12;
		y++;
	} else if (m < 1) {
		m += 12;
		y--;
	}
	return ptime_days_from_civil(y, m, 1) * 86400 - off;
}

/* "-30d", "24h", "+1mo": now moved; workdays and business hours not. */
static int
parse_shift(const char *s, ptime_t now, int off, ptime_t *t)
{
	struct duration d;
	const char *p = s + (*s == '+' || *s == '-');

	if (ptime_parse_duration(p, &d) == -1 || d.unit == DUR_WORKDAY ||
	    d.unit == DUR_BHOUR)
		return -1;
	if (*s == '-')
		d.count = -d.count;
	*t = ptime_add(now, &d, off);
	return 0;
}

/* A day, month or year named by a word: today, last-month ... */
static int
named_period(const char *s, ptime_t now, int off, struct ptime_period *p)
{
	struct civil c;
	int shift;

	ptime_to_civil(now, off, &c);
	if (strcmp(s, "today") == 0 || strcmp(s, "yesterday") == 0 ||
	    strcmp(s, "tomorrow") == 0) {
		shift = *s == 'y' ? -1 : s[2] == 'm' ? 1 : 0;
		p->lo = day_start(now, off) + 86400 * shift;
		p->hi = p->lo + 86400;
		return 0;
	}
	if (strcmp(s, "this-month") == 0 || strcmp(s, "last-month") == 0) {
		shift = *s == 'l' ? -1 : 0;
		p->lo = month_start(c.year, c.month + shift, off);
		p->hi = month_start(c.year, c.month + shift + 1, off);
		return 0;
	}
	return -1;
}

int
ptime_parse_period(const char *s, ptime_t now, int off,
    struct ptime_period *p)
{
	char buf[16];
	int o, y;

	memset(p, 0, sizeof(*p));
	if (strcmp(s, "now") == 0) {
		p->lo = now;
		p->hi = now + 1;
		return 0;
	}
	if (named_period(s, now, off, p) == 0)
		return 0;
	if (parse_shift(s, now, off, &p->at) == 0) {
		p->rel = 1;
		p->lo = p->at < now ? p->at : now;
		p->hi = (p->at < now ? now : p->at) + 1;
		return 0;
	}
	/* A year: 2026; a month: 2026-11. */
	if (strlen(s) == 4 && digits(s, 4, &y) == 0 && y >= 1970) {
		p->lo = month_start(y, 1, off);
		p->hi = month_start(y + 1, 1, off);
		return 0;
	}
	if (strlen(s) == 7 && s[4] == '-') {
		snprintf(buf, sizeof(buf), "%s-01", s);
		if (ptime_parse(buf, off, &p->lo, &o) == -1)
			return -1;
		p->hi = month_start(atoi(s), atoi(s + 5) + 1, off);
		return 0;
	}
	if (ptime_parse(s, off, &p->lo, &o) == -1)
		return -1;
	p->hi = p->lo + (strlen(s) == 10 ? 86400 : 1);
	return 0;
}

int
ptime_parse_relative(const char *s, ptime_t now, int def_off, ptime_t *t,
    int *off)
{
	struct civil c;
	size_t n = strcspn(s, " ");
	int back = strncmp(s, "yesterday", n) == 0 && n == 9;

	*off = def_off;
	if (ptime_parse(s, def_off, t, off) == 0)
		return 0;
	if (strcmp(s, "now") == 0 || strcmp(s, "today") == 0 ||
	    strcmp(s, "yesterday") == 0) {
		*t = now - (back ? 86400 : 0);
		return 0;
	}
	if ((back || (n == 5 && strncmp(s, "today", 5) == 0)) &&
	    s[n] == ' ') {
		/* "yesterday 14:30": that day, at that time. */
		ptime_to_civil(now - (back ? 86400 : 0), def_off, &c);
		s += n + 1;
		if (strlen(s) != 5 || digits(s, 2, &c.hour) == -1 ||
		    s[2] != ':' || digits(s + 3, 2, &c.min) == -1 ||
		    c.hour > 23 || c.min > 59)
			return -1;
		c.sec = 0;
		*t = ptime_from_civil(&c, def_off);
		return 0;
	}
	return parse_shift(s, now, def_off, t);
}
