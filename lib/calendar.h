/*
 * calendar.h - working days and day-counted periods (PRC Civil Code,
 * articles 201-203).
 *
 * A calendar is the union of the official calendar files loaded into it
 * (data/calendars/cn-YYYY.yaml, one per year) and a policy's own
 * closures.  A day is a number of days since 1970-01-01
 * (ptime_days_from_civil).  A day is a working day when
 *
 *	it is not a closure, and
 *	it is a make-up working day (调休上班), or a weekday (Mon-Fri)
 *	that is not an official rest day.
 *
 * A year that no loaded file covers falls back on the weekday rule; every
 * function that answers for such a day says so (*covered = 0,
 * *incomplete = 1), so that a deadline is flagged, never silently wrong.
 *
 * A calendar file:
 *
 *	calendar: cn-2026
 *	year: 2026
 *	source: "国务院办公厅关于2026年部分节假日安排的通知"
 *	rest:				# dates, or inclusive ranges
 *	  - 2026-01-01
 *	  - {from: 2026-02-15, to: 2026-02-23, name: 春节}
 *	workdays:			# make-up working days
 *	  - {date: 2026-02-14, name: 春节}
 *
 * Dates may fall in the year before or after `year' (a notice can move a
 * day across New Year), but only `year' counts as covered.  A file is
 * refused (PLAINT_CONFIG, file:line:col and the key) for an unknown key,
 * an impossible date, a range that runs backwards or spans more than a
 * year, a day that is both a rest day and a make-up working day (also
 * across files), a make-up working day that is not a Saturday or
 * Sunday, and a year that another loaded file already covers.  A load
 * that fails leaves the calendar as it was.
 *
 * Calling sequence: calendar_init, calendar_load_file (once per file),
 * calendar_add_closure (optional), queries, calendar_release.  The
 * struct owns its arrays; queries never allocate or fail on a valid
 * calendar.
 */
#ifndef PLAINT_CALENDAR_H
#define PLAINT_CALENDAR_H

#include <stddef.h>

#include "err.h"
#include "ptime.h"

/* A sorted set of day numbers, without duplicates. */
struct calendar_days {
	long long *v;
	size_t n, cap;
};

struct calendar {
	int *years;		/* covered years, sorted */
	size_t nyears;
	struct calendar_days rest;	/* official rest days */
	struct calendar_days work;	/* make-up working days */
	struct calendar_days closed;	/* the policy's own closures */
};

/* Hours of business on a working day, local time of the policy's zone. */
struct business_hours {
	/* seconds after midnight, 0 <= open < close <= 86400 */
	int open, close;
};

enum calendar_unit { CALENDAR_DAYS, WORKING_DAYS, CALENDAR_MONTHS };

void calendar_init(struct calendar *cal);
void calendar_release(struct calendar *cal);

/* Merge one calendar file (buf, len bytes; path names it in errors). */
int calendar_load_buf(struct calendar *cal, const char *buf, size_t len,
    const char *path, struct perr *e);
int calendar_load_file(struct calendar *cal, const char *path,
    struct perr *e);
/* A day the policy's office is closed (not a working day, ever). */
int calendar_add_closure(struct calendar *cal, long long day,
    struct perr *e);

/* Does a loaded file cover year? */
int calendar_covers(const struct calendar *cal, int year);
/*
 * 1 if day is a working day, else 0.  *covered (may be NULL) is 0 when
 * no loaded file covers the day's year: the answer is then the weekday
 * rule (and the closures).
 */
int calendar_is_workday(const struct calendar *cal, long long day,
    int *covered);
/*
 * The n-th working day after start (start itself never counts; n = 0
 * gives start).  *incomplete is set to 1 if a day looked at lies in an
 * uncovered year, else 0.  Returns -1 if n < 0.
 */
int calendar_add_workdays(const struct calendar *cal, long long start,
    long n, long long *end, int *incomplete);

/*
 * The end of a period of n days (CALENDAR_DAYS) or n working days
 * (WORKING_DAYS) that starts at the instant start, read at the fixed UTC
 * offset off (Civil Code arts. 201-203):
 *
 *   - the day of start does not count; counting begins the next day;
 *   - calendar days: the last day is start's day + n; if it is not a
 *     working day, the period ends on the next working day instead;
 *   - working days: the last day is the n-th working day after start's
 *     day;
 *   - the period ends at 23:59:59 of its last day, or at bh->close when
 *     business hours are given (bh may be NULL).
 *
 *   - months (CALENDAR_MONTHS, art. 202): the last day is the day of
 *     the n-th month after start's month that corresponds to start's
 *     day, or that month's last day when it has no such day (1 month
 *     from 01-31 ends on 02-28, or 02-29); a rest day moves on as for
 *     calendar days;
 *
 * *incomplete is set to 1 if a day the answer depends on lies in an
 * uncovered year (then computed on weekdays alone), else 0.  Returns -1
 * for n < 0 or invalid hours.
 */
int calendar_period_end(const struct calendar *cal, ptime_t start, int off,
    long n, enum calendar_unit unit, const struct business_hours *bh,
    ptime_t *due, int *incomplete);
/*
 * The same period with `paused' days that do not count (a pause while
 * waiting on the customer): for calendar days and months they are added
 * to the nominal last day before a rest day moves it on, so that a pause
 * is never counted on top of a holiday it did not cause; for working
 * days they are working days added to n.  *nominal (may be NULL) is the
 * end of the last day before art. 203 moved it (*due for working days).
 */
int calendar_period_end_paused(const struct calendar *cal, ptime_t start,
    int off, long n, enum calendar_unit unit, long paused,
    const struct business_hours *bh, ptime_t *due, ptime_t *nominal,
    int *incomplete);

/*
 * start + secs of working time: only the hours bh->open..bh->close of
 * working days count.  A start before opening counts from the opening,
 * one after closing (or on a day off) from the next working day's
 * opening; a deadline that uses up a day exactly falls at its close.
 * 16:45 on a Friday + 1h with 08:00-17:00 is 08:45 of the next working
 * day.  *incomplete as above.  Returns -1 for secs < 0 or invalid hours.
 */
int calendar_add_business_hours(const struct calendar *cal, ptime_t start,
    int off, const struct business_hours *bh, long long secs, ptime_t *due,
    int *incomplete);

/* "08:00-17:00" (also "8:00-17:30", "00:00-24:00") into bh. */
int calendar_parse_hours(const char *s, struct business_hours *bh);

#endif
