#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "fileio.h"
#include "node.h"
#include "strbuf.h"
#include "yamlio.h"

#define SECS_PER_DAY 86400
#define MAX_RANGE 366		/* days in one rest range */

/* Sorted sets of day numbers. */

static int
days_find(const struct calendar_days *s, long long day, size_t *at)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->v[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (at != NULL)
		*at = lo;
	return lo < s->n && s->v[lo] == day;
}

static int
days_has(const struct calendar_days *s, long long day)
{
	return days_find(s, day, NULL);
}

static int
days_reserve(struct calendar_days *s, size_t extra)
{
	long long *v;
	size_t cap;

	if (s->n + extra <= s->cap)
		return 0;
	cap = s->cap ? s->cap : 16;
	while (cap < s->n + extra)
		cap *= 2;
	if ((v = realloc(s->v, cap * sizeof(*v))) == NULL)
		return -1;
	s->v = v;
	s->cap = cap;
	return 0;
}

/* Insert day; the room must have been reserved. */
static void
days_insert(struct calendar_days *s, long long day)
{
	size_t at;

	if (days_find(s, day, &at))
		return;
	memmove(s->v + at + 1, s->v + at, (s->n - at) * sizeof(*s->v));
	s->v[at] = day;
	s->n++;
}

static int
days_add(struct calendar_days *s, long long day)
{
	if (days_reserve(s, 1) == -1)
		return -1;
	days_insert(s, day);
	return 0;
}

static void
days_release(struct calendar_days *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static int
year_of(long long day)
{
	int y, m, d;

	ptime_civil_from_days(day, &y, &m, &d);
	return y;
}

void
calendar_init(struct calendar *cal)
{
	memset(cal, 0, sizeof(*cal));
}

void
calendar_release(struct calendar *cal)
{
	free(cal->years);
	days_release(&cal->rest);
	days_release(&cal->work);
	days_release(&cal->closed);
	calendar_init(cal);
}

int
calendar_covers(const struct calendar *cal, int year)
{
	size_t i;

	for (i = 0; i < cal->nyears; i++)
		if (cal->years[i] == year)
			return 1;
	return 0;
}

int
calendar_is_workday(const struct calendar *cal, long long day, int *covered)
{
	if (covered != NULL)
		*covered = calendar_covers(cal, year_of(day));
	if (days_has(&cal->closed, day))
		return 0;
	if (days_has(&cal->work, day))
		return 1;
	if (days_has(&cal->rest, day))
		return 0;
	return ptime_weekday(day) <= 5;
}

int
calendar_add_closure(struct calendar *cal, long long day, struct perr *e)
{
	if (days_add(&cal->closed, day) == -1)
		return perr_nomem(e);
	return 0;
}

/* Loading. */

#define bad(e, path, n, field, ...) \
	node_config_error(e, path, n, field, __VA_ARGS__)

/* One file, parsed and checked, before it is merged. */
struct loading {
	const char *path;
	int year;
	struct calendar_days rest, work;
	struct perr *e;
};

/* The date n; parent locates the error when n is missing. */
static int
parse_date(struct loading *ld, const struct node *n,
    const struct node *parent, const char *field, long long *day)
{
	const char *s = node_str(n);
	struct civil c;
	ptime_t t;
	int off, y;

	if (n == NULL)
		return bad(ld->e, ld->path, parent, field, "%s",
		    "missing date");
	if (s == NULL || strlen(s) != 10 || ptime_parse(s, 0, &t, &off) == -1)
		return bad(ld->e, ld->path, n, field, "%s",
		    "not a date (YYYY-MM-DD)");
	ptime_to_civil(t, 0, &c);
	*day = ptime_days_from_civil(c.year, c.month, c.day);
	y = c.year;
	if (y < ld->year - 1 || y > ld->year + 1)
		return bad(ld->e, ld->path, n, field,
		    "\"%s\" is too far from the calendar's year %d", s,
		    ld->year);
	return 0;
}

/* Refuse keys of m that are not in allowed (NULL-terminated). */
static int
check_keys(struct loading *ld, const struct node *m,
    const char *const *allowed, const char *where)
{
	size_t i, j;

	for (i = 0; i < m->n; i++) {
		for (j = 0; allowed[j] != NULL; j++)
			if (strcmp(m->keys[i], allowed[j]) == 0)
				break;
		if (allowed[j] == NULL)
			return bad(ld->e, ld->path, m->kids[i],
			    where != NULL ? where : m->keys[i],
			    "unknown key \"%s\"", m->keys[i]);
	}
	return 0;
}

static int
check_name(struct loading *ld, const struct node *m, const char *field)
{
	const struct node *name = node_map_get(m, "name");

	if (name != NULL && name->type != NODE_SCALAR)
		return bad(ld->e, ld->path, name, field, "%s",
		    "name must be a string");
	return 0;
}

static int
load_rest(struct loading *ld, const struct node *list)
{
	static const char *const keys[] = { "from", "to", "date", "name",
		NULL };
	char field[64];
	long long from, to, d;
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct node *it = list->kids[i];

		snprintf(field, sizeof(field), "rest[%zu]", i);
		if (it->type == NODE_SCALAR) {
			if (parse_date(ld, it, list, field, &from) == -1)
				return -1;
			to = from;
		} else if (it->type == NODE_MAP) {
			const struct node *date = node_map_get(it, "date");

			if (check_keys(ld, it, keys, field) == -1 ||
			    check_name(ld, it, field) == -1)
				return -1;
			if (date != NULL) {
				if (node_map_get(it, "from") != NULL ||
				    node_map_get(it, "to") != NULL)
					return bad(ld->e, ld->path, it, field,
					    "%s", "give date, or from and to");
				if (parse_date(ld, date, it, field,
				    &from) == -1)
					return -1;
				to = from;
			} else {
				snprintf(field, sizeof(field), "rest[%zu].from",
				    i);
				if (parse_date(ld, node_map_get(it, "from"),
				    it, field, &from) == -1)
					return -1;
				snprintf(field, sizeof(field), "rest[%zu].to",
				    i);
				if (parse_date(ld, node_map_get(it, "to"),
				    it, field, &to) == -1)
					return -1;
				if (to < from)
					return bad(ld->e, ld->path,
					    node_map_get(it, "to"), field,
					    "%s", "ends before it starts");
				if (to - from >= MAX_RANGE)
					return bad(ld->e, ld->path,
					    node_map_get(it, "to"), field,
					    "%s", "spans more than a year");
			}
		} else
			return bad(ld->e, ld->path, it, field, "%s",
			    "must be a date or {from:, to:, name:}");
		if (days_reserve(&ld->rest, (size_t)(to - from + 1)) == -1)
			return perr_nomem(ld->e);
		for (d = from; d <= to; d++)
			days_insert(&ld->rest, d);
	}
	return 0;
}

static int
load_work(struct loading *ld, const struct node *list)
{
	static const char *const keys[] = { "date", "name", NULL };
	const struct node *date;
	char field[64];
	long long day;
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct node *it = list->kids[i];

		snprintf(field, sizeof(field), "workdays[%zu]", i);
		if (it->type == NODE_SCALAR)
			date = it;
		else if (it->type == NODE_MAP) {
			if (check_keys(ld, it, keys, field) == -1 ||
			    check_name(ld, it, field) == -1)
				return -1;
			date = node_map_get(it, "date");
		} else
			return bad(ld->e, ld->path, it, field, "%s",
			    "must be a date or {date:, name:}");
		if (parse_date(ld, date, it, field, &day) == -1)
			return -1;
		if (ptime_weekday(day) <= 5)
			return bad(ld->e, ld->path, date, field,
			    "\"%s\" is a weekday: a make-up working day "
			    "is a Saturday or Sunday", node_str(date));
		if (days_has(&ld->rest, day))
			return bad(ld->e, ld->path, date, field,
			    "\"%s\" is also a rest day", node_str(date));
		if (days_add(&ld->work, day) == -1)
			return perr_nomem(ld->e);
	}
	return 0;
}

static int
load_doc(struct loading *ld, const struct node *root)
{
	static const char *const keys[] = { "calendar", "year", "source",
		"rest", "workdays", NULL };
	const struct node *n;
	long long year;

	if (root->type != NODE_MAP)
		return bad(ld->e, ld->path, root, NULL, "%s",
		    "a calendar must be a mapping");
	if (check_keys(ld, root, keys, NULL) == -1)
		return -1;
	n = node_map_get(root, "calendar");
	if (n == NULL || n->type != NODE_SCALAR || node_str(n)[0] == '\0')
		return bad(ld->e, ld->path, n != NULL ? n : root, "calendar",
		    "%s", "must name the calendar (calendar: cn-2026)");
	n = node_map_get(root, "source");
	if (n != NULL && n->type != NODE_SCALAR)
		return bad(ld->e, ld->path, n, "source", "%s",
		    "must be a string");
	n = node_map_get(root, "year");
	if (n == NULL || node_int(n, &year) == -1 || year < 1900 ||
	    year > 9999)
		return bad(ld->e, ld->path, n != NULL ? n : root, "year",
		    "%s", "must be a year (1900-9999)");
	ld->year = (int)year;
	n = node_map_get(root, "rest");
	if (n != NULL && node_kind(n) != KIND_NULL) {
		if (n->type != NODE_SEQ)
			return bad(ld->e, ld->path, n, "rest", "%s",
			    "must be a list");
		if (load_rest(ld, n) == -1)
			return -1;
	}
	n = node_map_get(root, "workdays");
	if (n != NULL && node_kind(n) != KIND_NULL) {
		if (n->type != NODE_SEQ)
			return bad(ld->e, ld->path, n, "workdays", "%s",
			    "must be a list");
		if (load_work(ld, n) == -1)
			return -1;
	}
	return 0;
}

/* Refuse what contradicts the calendar already loaded. */
static int
check_merge(const struct calendar *cal, struct loading *ld,
    const struct node *root)
{
	char buf[16];
	int y, m, d;
	size_t i;

	if (calendar_covers(cal, ld->year))
		return bad(ld->e, ld->path, node_map_get(root, "year"), "year",
		    "a calendar for %d is already loaded", ld->year);
	for (i = 0; i < ld->rest.n; i++)
		if (days_has(&cal->work, ld->rest.v[i]))
			break;
	if (i == ld->rest.n) {
		for (i = 0; i < ld->work.n; i++)
			if (days_has(&cal->rest, ld->work.v[i]))
				break;
		if (i == ld->work.n)
			return 0;
		ptime_civil_from_days(ld->work.v[i], &y, &m, &d);
	} else
		ptime_civil_from_days(ld->rest.v[i], &y, &m, &d);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
	return bad(ld->e, ld->path, root, NULL,
	    "%s is a rest day in one calendar and a working day in another",
	    buf);
}

int
calendar_load_buf(struct calendar *cal, const char *buf, size_t len,
    const char *path, struct perr *e)
{
	struct loading ld;
	struct node *root = NULL;
	int *years;
	size_t i;
	int rc = -1;

	memset(&ld, 0, sizeof(ld));
	ld.path = path;
	ld.e = e;
	if ((root = yamlio_parse(buf, len, path, e)) == NULL) {
		perr_as_config(e);
		goto done;
	}
	if (load_doc(&ld, root) == -1 || check_merge(cal, &ld, root) == -1)
		goto done;
	/* Make room first, so that the merge cannot fail half way. */
	if (days_reserve(&cal->rest, ld.rest.n) == -1 ||
	    days_reserve(&cal->work, ld.work.n) == -1) {
		perr_nomem(e);
		goto done;
	}
	if ((years = realloc(cal->years,
	    (cal->nyears + 1) * sizeof(*years))) == NULL) {
		perr_nomem(e);
		goto done;
	}
	cal->years = years;
	cal->years[cal->nyears++] = ld.year;
	for (i = 0; i < ld.rest.n; i++)
		days_insert(&cal->rest, ld.rest.v[i]);
	for (i = 0; i < ld.work.n; i++)
		days_insert(&cal->work, ld.work.v[i]);
	rc = 0;
done:
	node_free(root);
	days_release(&ld.rest);
	days_release(&ld.work);
	return rc;
}

int
calendar_load_file(struct calendar *cal, const char *path, struct perr *e)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = -1;

	if (fileio_read_path(path, YAMLIO_MAX_FILE, &sb, e) == 0)
		rc = calendar_load_buf(cal, strbuf_str(&sb), sb.len, path, e);
	else
		perr_as_config(e);
	strbuf_release(&sb);
	return rc;
}

/* Counting. */

static int
workday(const struct calendar *cal, long long day, int *incomplete)
{
	int covered;
	int w = calendar_is_workday(cal, day, &covered);

	if (!covered)
		*incomplete = 1;
	return w;
}

int
calendar_add_workdays(const struct calendar *cal, long long start, long n,
    long long *end, int *incomplete)
{
	long long day = start;

	*incomplete = 0;
	if (n < 0)
		return -1;
	while (n > 0) {
		day++;
		if (workday(cal, day, incomplete))
			n--;
	}
	*end = day;
	return 0;
}

static int
hours_ok(const struct business_hours *bh)
{
	return bh->open >= 0 && bh->open < bh->close &&
	    bh->close <= SECS_PER_DAY;
}

/* The local day of t and the seconds since its midnight. */
static long long
local_day(ptime_t t, int off, int *tod)
{
	struct civil c;

	ptime_to_civil(t, off, &c);
	if (tod != NULL)
		*tod = c.hour * 3600 + c.min * 60 + c.sec;
	return ptime_days_from_civil(c.year, c.month, c.day);
}

/* The instant of second tod of local day; 24:00 is 23:59:59. */
static ptime_t
instant(long long day, int tod, int off)
{
	struct civil c;

	if (tod >= SECS_PER_DAY)
		tod = SECS_PER_DAY - 1;
	ptime_civil_from_days(day, &c.year, &c.month, &c.day);
	c.hour = tod / 3600;
	c.min = tod / 60 % 60;
	c.sec = tod % 60;
	return ptime_from_civil(&c, off);
}

/* Art. 202: the corresponding day of the last month, or its last day. */
static long long
month_day(long long day, long n)
{
	int y, m, d, dim;
	long long mm;

	ptime_civil_from_days(day, &y, &m, &d);
	mm = (long long)y * 12 + (m - 1) + n;
	y = (int)(mm / 12);
	m = (int)(mm % 12) + 1;
	dim = (int)(ptime_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 :
	    m + 1, 1) - ptime_days_from_civil(y, m, 1));
	return ptime_days_from_civil(y, m, d > dim ? dim : d);
}

int
calendar_period_end(const struct calendar *cal, ptime_t start, int off,
    long n, enum calendar_unit unit, const struct business_hours *bh,
    ptime_t *due, int *incomplete)
{
	return calendar_period_end_paused(cal, start, off, n, unit, 0, bh,
	    due, NULL, incomplete);
}

int
calendar_period_end_paused(const struct calendar *cal, ptime_t start,
    int off, long n, enum calendar_unit unit, long paused,
    const struct business_hours *bh, ptime_t *due, ptime_t *nominal,
    int *incomplete)
{
	long long day = local_day(start, off, NULL);
	int close = bh != NULL ? bh->close : SECS_PER_DAY;

	*incomplete = 0;
	if (n < 0 || paused < 0 || (bh != NULL && !hours_ok(bh)))
		return -1;
	if (unit == WORKING_DAYS) {
		if (calendar_add_workdays(cal, day, n + paused, &day,
		    incomplete) == -1)
			return -1;
	} else {
		day = unit == CALENDAR_MONTHS ? month_day(day, n) : day + n;
		day += paused;
		if (nominal != NULL)
			*nominal = instant(day, close, off);
		/* Art. 203: a last day that is a rest day moves on. */
		while (!workday(cal, day, incomplete))
			day++;
	}
	*due = instant(day, close, off);
	if (nominal != NULL && unit == WORKING_DAYS)
		*nominal = *due;
	return 0;
}

int
calendar_add_business_hours(const struct calendar *cal, ptime_t start,
    int off, const struct business_hours *bh, long long secs, ptime_t *due,
    int *incomplete)
{
	int tod;
	long long day = local_day(start, off, &tod);

	*incomplete = 0;
	if (secs < 0 || !hours_ok(bh))
		return -1;
	for (;; day++, tod = 0) {
		if (!workday(cal, day, incomplete))
			continue;
		if (tod < bh->open)
			tod = bh->open;
		if (tod >= bh->close)
			continue;
		if (secs <= bh->close - tod) {
			*due = instant(day, tod, off) + secs;
			return 0;
		}
		secs -= bh->close - tod;
	}
}

/* "8:00" or "08:00" into seconds; returns the characters read or -1. */
static int
parse_hhmm(const char *s, int *out)
{
	const char *p = s;
	int h, m;

	if (*p < '0' || *p > '9')
		return -1;
	h = *p++ - '0';
	if (*p >= '0' && *p <= '9')
		h = h * 10 + (*p++ - '0');
	if (p[0] != ':' || p[1] < '0' || p[1] > '5' || p[2] < '0' ||
	    p[2] > '9')
		return -1;
	m = (p[1] - '0') * 10 + (p[2] - '0');
	p += 3;
	if (h > 24 || (h == 24 && m != 0))
		return -1;
	*out = h * 3600 + m * 60;
	return (int)(p - s);
}

int
calendar_parse_hours(const char *s, struct business_hours *bh)
{
	struct business_hours h;
	const char *dash = strchr(s, '-');
	int n;

	if (dash == NULL)
		return -1;
	n = parse_hhmm(s, &h.open);
	if (n == -1 || s + n != dash)
		return -1;
	n = parse_hhmm(dash + 1, &h.close);
	if (n == -1 || dash[1 + n] != '\0' || !hours_ok(&h))
		return -1;
	*bh = h;
	return 0;
}
