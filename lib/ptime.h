/*
 * ptime.h - instants, offsets and durations, without the C library's
 * time zone machinery.
 *
 * An instant is seconds since the Unix epoch (ptime_t).  Wall-clock
 * fields come from an instant and a fixed UTC offset in seconds (the
 * policy's zone; China keeps no daylight saving time), computed with
 * Howard Hinnant's civil-date algorithms, so that the host's TZ and
 * locale never change where a complaint is filed or when it is due.
 */
#ifndef PLAINT_PTIME_H
#define PLAINT_PTIME_H

typedef long long ptime_t;

struct civil {
	int year, month, day, hour, min, sec;
};

#define PTIME_BUFSZ 32

long long ptime_days_from_civil(int y, int m, int d);
void ptime_civil_from_days(long long days, int *y, int *m, int *d);
/* Monday = 1 … Sunday = 7 */
int ptime_weekday(long long days);

void ptime_to_civil(ptime_t t, int off, struct civil *c);
ptime_t ptime_from_civil(const struct civil *c, int off);

/*
 * Parse "YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)", also with a space for the T,
 * without seconds, without an offset (then def_off applies) or as a bare
 * date (midnight).  Stores the instant and the offset written (or
 * def_off).  Returns -1 on anything else, including impossible dates.
 */
int ptime_parse(const char *s, int def_off, ptime_t *t, int *off);
/* "+08:00" or "Z" → seconds east of UTC. */
int ptime_parse_offset(const char *s, int *off);
/* "2026-11-27T10:00:00+08:00" */
void ptime_format(ptime_t t, int off, char buf[PTIME_BUFSZ]);

/*
 * Minutes and hours are elapsed time; days, weeks, months and years are
 * calendar periods and working days count the calendar's working days
 * (all end per the Civil Code, see calendar.h); business hours count
 * working time only.
 * ptime_add handles the elapsed units alone; rules_add (rules.h) all.
 */
enum dur_unit { DUR_MIN, DUR_HOUR, DUR_DAY, DUR_WEEK, DUR_WORKDAY,
	DUR_BHOUR, DUR_MONTH, DUR_YEAR };

struct duration {
	long count;
	enum dur_unit unit;
};

/* "30m", "24h", "5d", "1w", "3wd", "8bh", "1mo", "1y"; count 1..100000. */
int ptime_parse_duration(const char *s, struct duration *d);
/*
 * t + d for minutes and hours; days and weeks as days of 24 hours (a
 * fixed offset has no DST), months and years to the same time of the
 * corresponding day (or the month's last day) in UTC+off, all without
 * the Civil Code's end of day.
 */
ptime_t ptime_add(ptime_t t, const struct duration *d, int off);
/*
 * A period people type, in UTC+off at the clock now, as the span
 * [lo, hi) it covers: a day 2026-11-05, a month 2026-11, a year 2026, a
 * time 2026-11-05T10:00 (one second); today, yesterday, tomorrow,
 * this-month, last-month; now; or a time relative to now, -30d or 24h
 * (m, h, d, w, mo, y), which covers now to that time, either way, and is
 * the point "at" for comparisons (rel is 1).  -1 on anything else.
 */
struct ptime_period {
	ptime_t lo, hi, at;
	int rel;
};

int ptime_parse_period(const char *s, ptime_t now, int off,
    struct ptime_period *p);

/*
 * An instant a person types at the clock now: what ptime_parse takes,
 * or now, today (now), yesterday (24 hours before now: the same time
 * of day), either of these followed by a time of day ("yesterday
 * 14:30"), or now moved by -2h, -3d, +30m (m, h, d, w, mo, y).
 */
int ptime_parse_relative(const char *s, ptime_t now, int def_off,
    ptime_t *t, int *off);

/* "2d 3h", "45m", "0m" for a span of seconds (negative: absolute value). */
void ptime_format_span(long long secs, char *buf, unsigned long size);

#endif
