#include <stdlib.h>

#include "../../lib/calendar.h"
#include "../../lib/ptime.h"
#include "unit.h"

/*
 * The working-day calendar, as a specification.  Every expected answer
 * below was worked out by hand from the State Council's 2025 and 2026
 * holiday notices (DESIGN.md, "Policies"):
 *
 * 2025 rest: 01-01; 01-28..02-04; 04-04..06; 05-01..05; 05-31..06-02;
 *      10-01..08.  Make-up working days: 01-26, 02-08, 04-27, 09-28, 10-11.
 * 2026 rest: 01-01..03; 02-15..23; 04-04..06; 05-01..05; 06-19..21;
 *      09-25..27; 10-01..07.  Make-up: 01-04, 02-14, 02-28, 05-09, 09-20,
 *      10-10.
 */

#define CST (8 * 3600)

static const struct {
	const char *date;
	int workday, covered;
} day_cases[] = {
	/* 2025 make-up working days (调休上班): weekend, yet working. */
	{ "2025-01-26", 1, 1 },	/* Sun, 春节 */
	{ "2025-02-08", 1, 1 },	/* Sat, 春节 */
	{ "2025-04-27", 1, 1 },	/* Sun, 劳动节 */
	{ "2025-09-28", 1, 1 },	/* Sun, 国庆节、中秋节 */
	{ "2025-10-11", 1, 1 },	/* Sat, 国庆节、中秋节 */
	/* 2026 make-up working days. */
	{ "2026-01-04", 1, 1 },	/* Sun, 元旦 */
	{ "2026-02-14", 1, 1 },	/* Sat, 春节 */
	{ "2026-02-28", 1, 1 },	/* Sat, 春节 */
	{ "2026-05-09", 1, 1 },	/* Sat, 劳动节 */
	{ "2026-09-20", 1, 1 },	/* Sun, 国庆节 */
	{ "2026-10-10", 1, 1 },	/* Sat, 国庆节 */
	/* 2025 rest days. */
	{ "2025-01-01", 0, 1 },	/* Wed, 元旦 */
	{ "2025-01-28", 0, 1 },	/* Tue, 春节 (除夕) */
	{ "2025-01-29", 0, 1 },	/* Wed */
	{ "2025-01-30", 0, 1 },	/* Thu */
	{ "2025-01-31", 0, 1 },	/* Fri */
	{ "2025-02-01", 0, 1 },	/* Sat */
	{ "2025-02-02", 0, 1 },	/* Sun */
	{ "2025-02-03", 0, 1 },	/* Mon */
	{ "2025-02-04", 0, 1 },	/* Tue */
	{ "2025-04-04", 0, 1 },	/* Fri, 清明节 */
	{ "2025-04-05", 0, 1 },	/* Sat */
	{ "2025-04-06", 0, 1 },	/* Sun */
	{ "2025-05-01", 0, 1 },	/* Thu, 劳动节 */
	{ "2025-05-02", 0, 1 },	/* Fri */
	{ "2025-05-03", 0, 1 },	/* Sat */
	{ "2025-05-04", 0, 1 },	/* Sun */
	{ "2025-05-05", 0, 1 },	/* Mon */
	{ "2025-05-31", 0, 1 },	/* Sat, 端午节 */
	{ "2025-06-01", 0, 1 },	/* Sun */
	{ "2025-06-02", 0, 1 },	/* Mon */
	{ "2025-10-01", 0, 1 },	/* Wed, 国庆节、中秋节 */
	{ "2025-10-02", 0, 1 },	/* Thu */
	{ "2025-10-03", 0, 1 },	/* Fri */
	{ "2025-10-04", 0, 1 },	/* Sat */
	{ "2025-10-05", 0, 1 },	/* Sun */
	{ "2025-10-06", 0, 1 },	/* Mon */
	{ "2025-10-07", 0, 1 },	/* Tue */
	{ "2025-10-08", 0, 1 },	/* Wed */
	/* 2026 rest days. */
	{ "2026-01-01", 0, 1 },	/* Thu, 元旦 */
	{ "2026-01-02", 0, 1 },	/* Fri */
	{ "2026-01-03", 0, 1 },	/* Sat */
	{ "2026-02-15", 0, 1 },	/* Sun, 春节 */
	{ "2026-02-16", 0, 1 },	/* Mon (除夕) */
	{ "2026-02-17", 0, 1 },	/* Tue */
	{ "2026-02-18", 0, 1 },	/* Wed */
	{ "2026-02-19", 0, 1 },	/* Thu */
	{ "2026-02-20", 0, 1 },	/* Fri */
	{ "2026-02-21", 0, 1 },	/* Sat */
	{ "2026-02-22", 0, 1 },	/* Sun */
	{ "2026-02-23", 0, 1 },	/* Mon */
	{ "2026-04-04", 0, 1 },	/* Sat, 清明节 */
	{ "2026-04-05", 0, 1 },	/* Sun */
	{ "2026-04-06", 0, 1 },	/* Mon */
	{ "2026-05-01", 0, 1 },	/* Fri, 劳动节 */
	{ "2026-05-02", 0, 1 },	/* Sat */
	{ "2026-05-03", 0, 1 },	/* Sun */
	{ "2026-05-04", 0, 1 },	/* Mon */
	{ "2026-05-05", 0, 1 },	/* Tue */
	{ "2026-06-19", 0, 1 },	/* Fri, 端午节 */
	{ "2026-06-20", 0, 1 },	/* Sat */
	{ "2026-06-21", 0, 1 },	/* Sun */
	{ "2026-09-25", 0, 1 },	/* Fri, 中秋节 */
	{ "2026-09-26", 0, 1 },	/* Sat */
	{ "2026-09-27", 0, 1 },	/* Sun */
	{ "2026-10-01", 0, 1 },	/* Thu, 国庆节 */
	{ "2026-10-02", 0, 1 },	/* Fri */
	{ "2026-10-03", 0, 1 },	/* Sat */
	{ "2026-10-04", 0, 1 },	/* Sun */
	{ "2026-10-05", 0, 1 },	/* Mon */
	{ "2026-10-06", 0, 1 },	/* Tue */
	{ "2026-10-07", 0, 1 },	/* Wed */
	/* Ordinary days around the holidays. */
	{ "2025-01-02", 1, 1 },	/* Thu */
	{ "2025-01-25", 0, 1 },	/* Sat before the make-up Sunday */
	{ "2025-02-05", 1, 1 },	/* Wed, back after 春节 */
	{ "2025-10-09", 1, 1 },	/* Thu, back after 国庆 */
	{ "2025-10-12", 0, 1 },	/* Sun after the make-up Saturday */
	{ "2026-01-05", 1, 1 },	/* Mon */
	{ "2026-02-13", 1, 1 },	/* Fri before 春节 */
	{ "2026-02-24", 1, 1 },	/* Tue, back after 春节 */
	{ "2026-02-27", 1, 1 },	/* Fri */
	{ "2026-03-01", 0, 1 },	/* Sun after the make-up Saturday */
	{ "2026-03-06", 1, 1 },	/* Fri */
	{ "2026-03-07", 0, 1 },	/* Sat */
	{ "2026-03-08", 0, 1 },	/* Sun */
	{ "2026-03-09", 1, 1 },	/* Mon */
	{ "2026-04-07", 1, 1 },	/* Tue */
	{ "2026-05-10", 0, 1 },	/* Sun after the make-up Saturday */
	{ "2026-06-18", 1, 1 },	/* Thu */
	{ "2026-06-22", 1, 1 },	/* Mon */
	{ "2026-09-19", 0, 1 },	/* Sat before the make-up Sunday */
	{ "2026-09-28", 1, 1 },	/* Mon */
	{ "2026-09-30", 1, 1 },	/* Wed */
	{ "2026-10-08", 1, 1 },	/* Thu */
	{ "2026-10-11", 0, 1 },	/* Sun */
	{ "2026-12-31", 1, 1 },	/* Thu */
	/* Uncovered years: the weekday rule, and covered = 0. */
	{ "2024-12-31", 1, 0 },	/* Tue */
	{ "2024-10-01", 1, 0 },	/* Tue, a holiday the calendar lacks */
	{ "2027-01-01", 1, 0 },	/* Fri, a holiday the calendar lacks */
	{ "2027-01-02", 0, 0 },	/* Sat */
	{ "2027-03-01", 1, 0 },	/* Mon */
};

enum { NOBH, BH };

static const struct {
	const char *start;
	long n;
	enum calendar_unit unit;
	int bh;			/* BH: business hours 08:00-17:00 */
	const char *due;	/* at +08:00 */
	int incomplete;
} period_cases[] = {
	/* Sep 23..27: Sep 27 is a rest day (中秋节) → Mon Sep 28. */
	{ "2026-09-22T10:00:00+08:00", 5, CALENDAR_DAYS, NOBH,
	  "2026-09-28T23:59:59+08:00", 0 },
	/*
	 * Months (art. 202): Jan 31 + 1 month has no Feb 31 → the month's
	 * last day, Sat Feb 28, itself a make-up working day (春节).
	 */
	{ "2026-01-31T10:00:00+08:00", 1, CALENDAR_MONTHS, NOBH,
	  "2026-02-28T23:59:59+08:00", 0 },
	/* The corresponding day: Mar 16 + 1 = Thu Apr 16. */
	{ "2026-03-16T08:00:00+08:00", 1, CALENDAR_MONTHS, NOBH,
	  "2026-04-16T23:59:59+08:00", 0 },
	/* Sep 1 + 1 = Oct 1, 国庆节 → Thu Oct 8 (art. 203). */
	{ "2026-09-01T08:00:00+08:00", 1, CALENDAR_MONTHS, NOBH,
	  "2026-10-08T23:59:59+08:00", 0 },
	/* Across the year: Nov 30 + 3 = Feb 28 2027 (a Sunday, no file). */
	{ "2026-11-30T08:00:00+08:00", 3, CALENDAR_MONTHS, NOBH,
	  "2027-03-01T23:59:59+08:00", 1 },
	/* 12 months from Mar 31: Wed Mar 31 2027 is a weekday. */
	{ "2026-03-31T08:00:00+08:00", 12, CALENDAR_MONTHS, NOBH,
	  "2027-03-31T23:59:59+08:00", 1 },
	{ "2026-01-31T10:00:00+08:00", 1, CALENDAR_MONTHS, BH,
	  "2026-02-28T17:00:00+08:00", 0 },
	/* Oct 3 falls in 国庆节 → first working day after: Thu Oct 8. */
	{ "2026-09-28T10:00:00+08:00", 5, CALENDAR_DAYS, NOBH,
	  "2026-10-08T23:59:59+08:00", 0 },
	{ "2026-09-24T09:00:00+08:00", 7, CALENDAR_DAYS, NOBH,
	  "2026-10-08T23:59:59+08:00", 0 },
	/* 2025: Oct 3 → the holiday runs to Oct 8 → Thu Oct 9. */
	{ "2025-09-28T10:00:00+08:00", 5, CALENDAR_DAYS, NOBH,
	  "2025-10-09T23:59:59+08:00", 0 },
	/* Fri Feb 13: Sat 14 (make-up) = 1, 15-23 rest, 24 = 2, 25 = 3. */
	{ "2026-02-13T15:00:00+08:00", 3, WORKING_DAYS, NOBH,
	  "2026-02-25T23:59:59+08:00", 0 },
	/* Fri Jan 24 2025: Sun 26 (make-up) = 1, Mon 27 = 2, Feb 5 = 3. */
	{ "2025-01-24T10:00:00+08:00", 3, WORKING_DAYS, NOBH,
	  "2025-02-05T23:59:59+08:00", 0 },
	/* Mon Mar 2 + 5 = Sat Mar 7 → Mon Mar 9. */
	{ "2026-03-02T09:00:00+08:00", 5, CALENDAR_DAYS, NOBH,
	  "2026-03-09T23:59:59+08:00", 0 },
	/* 1d from a Friday: Saturday → Monday. */
	{ "2026-03-06T09:00:00+08:00", 1, CALENDAR_DAYS, NOBH,
	  "2026-03-09T23:59:59+08:00", 0 },
	{ "2026-03-06T09:00:00+08:00", 1, WORKING_DAYS, NOBH,
	  "2026-03-09T23:59:59+08:00", 0 },
	/* 1d from a Thursday: Friday, no move. */
	{ "2026-03-05T09:00:00+08:00", 1, CALENDAR_DAYS, NOBH,
	  "2026-03-06T23:59:59+08:00", 0 },
	/* The start day never counts, even when received at its midnight. */
	{ "2026-03-05T00:00:00+08:00", 1, CALENDAR_DAYS, NOBH,
	  "2026-03-06T23:59:59+08:00", 0 },
	/* The day is the policy zone's: 20:00Z Thu is 04:00 Fri at +08:00. */
	{ "2026-03-05T20:00:00Z", 1, CALENDAR_DAYS, NOBH,
	  "2026-03-09T23:59:59+08:00", 0 },
	/* Last day a make-up Saturday: a working day, it stays. */
	{ "2026-02-11T10:00:00+08:00", 3, CALENDAR_DAYS, NOBH,
	  "2026-02-14T23:59:59+08:00", 0 },
	/* Last day Feb 17 in 春节 → Tue Feb 24. */
	{ "2026-02-12T10:00:00+08:00", 5, CALENDAR_DAYS, NOBH,
	  "2026-02-24T23:59:59+08:00", 0 },
	/* From a holiday: Jan 3 (rest Sat) → Jan 4 (make-up Sun). */
	{ "2026-01-01T10:00:00+08:00", 2, CALENDAR_DAYS, NOBH,
	  "2026-01-04T23:59:59+08:00", 0 },
	/* Across New Year: Jan 1-3 2026 rest → Jan 4; 2025 is not needed. */
	{ "2025-12-31T10:00:00+08:00", 1, CALENDAR_DAYS, NOBH,
	  "2026-01-04T23:59:59+08:00", 0 },
	/* A start in an uncovered year that no counted day needs. */
	{ "2024-12-31T10:00:00+08:00", 1, CALENDAR_DAYS, NOBH,
	  "2025-01-02T23:59:59+08:00", 0 },
	/* Apr 20 + 15 = May 5 (劳动节) → Wed May 6. */
	{ "2026-04-20T10:00:00+08:00", 15, CALENDAR_DAYS, NOBH,
	  "2026-05-06T23:59:59+08:00", 0 },
	/* Tue Apr 28: 29, 30, May 6, 7, 8, then Sat May 9 (make-up) = 6. */
	{ "2026-04-28T10:00:00+08:00", 6, WORKING_DAYS, NOBH,
	  "2026-05-09T23:59:59+08:00", 0 },
	{ "2026-06-18T10:00:00+08:00", 1, CALENDAR_DAYS, NOBH,
	  "2026-06-22T23:59:59+08:00", 0 },
	/* From inside 国庆节: Oct 8 = 1, 9 = 2, Sat 10 (make-up) = 3. */
	{ "2026-10-03T10:00:00+08:00", 1, WORKING_DAYS, NOBH,
	  "2026-10-08T23:59:59+08:00", 0 },
	{ "2026-10-03T10:00:00+08:00", 3, WORKING_DAYS, NOBH,
	  "2026-10-10T23:59:59+08:00", 0 },
	/* 2027 has no calendar: weekdays alone, flagged. */
	{ "2027-03-01T10:00:00+08:00", 5, CALENDAR_DAYS, NOBH,
	  "2027-03-08T23:59:59+08:00", 1 },
	/* Last day Sat Jan 2 2027 → Mon Jan 4, flagged. */
	{ "2026-12-28T10:00:00+08:00", 5, CALENDAR_DAYS, NOBH,
	  "2027-01-04T23:59:59+08:00", 1 },
	/* Dec 31 = 1, Fri Jan 1 2027 = 2 on weekdays alone, Jan 4 = 3. */
	{ "2026-12-30T10:00:00+08:00", 3, WORKING_DAYS, NOBH,
	  "2027-01-04T23:59:59+08:00", 1 },
	{ "2026-12-20T10:00:00+08:00", 3, CALENDAR_DAYS, NOBH,
	  "2026-12-23T23:59:59+08:00", 0 },
	/* Close of business when the policy sets hours (art. 203 ¶2). */
	{ "2026-09-22T10:00:00+08:00", 5, CALENDAR_DAYS, BH,
	  "2026-09-28T17:00:00+08:00", 0 },
	{ "2026-03-02T09:00:00+08:00", 5, CALENDAR_DAYS, BH,
	  "2026-03-09T17:00:00+08:00", 0 },
	{ "2026-02-13T15:00:00+08:00", 3, WORKING_DAYS, BH,
	  "2026-02-25T17:00:00+08:00", 0 },
	{ "2026-03-05T18:30:00+08:00", 1, CALENDAR_DAYS, BH,
	  "2026-03-06T17:00:00+08:00", 0 },
};

static const struct {
	const char *start;
	long long secs;
	const char *due;	/* at +08:00, hours 08:00-17:00 */
	int incomplete;
} bh_cases[] = {
	/* Fri 16:45 + 1h: 15 min on Friday, 45 on Monday. */
	{ "2026-03-06T16:45:00+08:00", 3600, "2026-03-09T08:45:00+08:00", 0 },
	/* Before opening: counting starts at 08:00. */
	{ "2026-03-05T07:00:00+08:00", 3600, "2026-03-05T09:00:00+08:00", 0 },
	{ "2026-03-05T10:00:00+08:00", 7200, "2026-03-05T12:00:00+08:00", 0 },
	/* Using up the day exactly ends at close, not next morning. */
	{ "2026-03-05T16:00:00+08:00", 3600, "2026-03-05T17:00:00+08:00", 0 },
	{ "2026-03-05T08:00:00+08:00", 9 * 3600,
	  "2026-03-05T17:00:00+08:00", 0 },
	{ "2026-03-05T08:00:00+08:00", 10 * 3600,
	  "2026-03-06T09:00:00+08:00", 0 },
	/* At or after closing: the next working day's opening. */
	{ "2026-03-05T17:00:00+08:00", 60, "2026-03-06T08:01:00+08:00", 0 },
	{ "2026-03-05T18:00:00+08:00", 3600, "2026-03-06T09:00:00+08:00", 0 },
	/* Received on a Saturday. */
	{ "2026-03-07T10:00:00+08:00", 3600, "2026-03-09T09:00:00+08:00", 0 },
	/* Fri Feb 13 16:00 + 2h: 1h, then Sat Feb 14 (make-up) 08:00-09:00. */
	{ "2026-02-13T16:00:00+08:00", 7200, "2026-02-14T09:00:00+08:00", 0 },
	/* Wed Sep 30 16:30 + 1h: 国庆节 Oct 1-7, back Thu Oct 8. */
	{ "2026-09-30T16:30:00+08:00", 3600, "2026-10-08T08:30:00+08:00", 0 },
	/* 24 working hours from Fri 16:45: 0:15 + Mon 9h, Tue 9h, Wed 5:45. */
	{ "2026-03-06T16:45:00+08:00", 24 * 3600,
	  "2026-03-11T13:45:00+08:00", 0 },
	/* 08:30Z is 16:30 at +08:00. */
	{ "2026-03-06T08:30:00Z", 3600, "2026-03-09T08:30:00+08:00", 0 },
	/* Into 2027, which has no calendar: flagged. */
	{ "2026-12-31T16:00:00+08:00", 7200, "2027-01-01T09:00:00+08:00", 1 },
	{ "2026-12-31T10:00:00+08:00", 3600, "2026-12-31T11:00:00+08:00", 0 },
};

static const struct {
	const char *in;
	int ok, open, close;
} hours_cases[] = {
	{ "08:00-17:00", 1, 8 * 3600, 17 * 3600 },
	{ "8:30-17:30", 1, 8 * 3600 + 1800, 17 * 3600 + 1800 },
	{ "00:00-24:00", 1, 0, 24 * 3600 },
	{ "17:00-08:00", 0, 0, 0 },
	{ "08:00-08:00", 0, 0, 0 },
	{ "08:00-24:30", 0, 0, 0 },
	{ "08:60-17:00", 0, 0, 0 },
	{ "0800-1700", 0, 0, 0 },
	{ "08:00-17:00x", 0, 0, 0 },
	{ "08:00", 0, 0, 0 },
	{ "", 0, 0, 0 },
};

/* Files that must be refused (loaded on top of cn-2025 and cn-2026). */
static const struct {
	const char *yaml;
	int line, col;
	const char *field;
} bad_cases[] = {
	{ "calendar: x\nyear: 2030\nrest:\n  - 2030-02-30\n", 4, 5,
	  "rest[0]" },
	{ "calendar: x\nyear: 2030\nrest:\n"
	  "  - {from: 2030-02-23, to: 2030-02-15}\n", 4, 28, "rest[0].to" },
	{ "calendar: x\nyear: 2030\nrest:\n  - {from: 2030-02-23}\n", 4, 5,
	  "rest[0].to" },
	{ "calendar: x\nyear: 2030\nrest:\n"
	  "  - {from: 2030-01-01, to: 2031-01-02}\n", 4, 28, "rest[0].to" },
	{ "calendar: x\nyear: 2030\nholidays: []\n", 3, 11, "holidays" },
	{ "calendar: x\nyear: 2030\nrest: [{date: 2030-01-01, day: 1}]\n",
	  3, 32, "rest[0]" },
	{ "calendar: x\nyear: 2030\nrest: [2030-02-16]\n"
	  "workdays: [2030-02-16]\n", 4, 12, "workdays[0]" },
	/* 2030-02-18 is a Monday: no make-up day. */
	{ "calendar: x\nyear: 2030\nworkdays: [2030-02-18]\n", 3, 12,
	  "workdays[0]" },
	{ "calendar: x\nyear: 2030\nrest: [2032-01-01]\n", 3, 8, "rest[0]" },
	{ "calendar: x\nyear: 2030\nrest: 2030-01-01\n", 3, 7, "rest" },
	{ "calendar: x\nrest: []\n", 1, 1, "year" },
	{ "calendar: x\nyear: twenty\n", 2, 7, "year" },
	{ "year: 2030\n", 1, 1, "calendar" },
	{ "- 2030-01-01\n", 1, 1, NULL },
	/* 2026 is covered already. */
	{ "calendar: x\nyear: 2026\nrest: [2026-03-02]\n", 2, 7, "year" },
	/* Sat 2026-10-03 is a rest day of cn-2026. */
	{ "calendar: x\nyear: 2027\nworkdays: [2026-10-03]\n", 1, 1, NULL },
	/* Not YAML a calendar may hold. */
	{ "calendar: [\n", 2, 1, NULL },
	{ "calendar: x\ncalendar: y\nyear: 2030\n", 2, 1, NULL },
};

static const char *
top(void)
{
	const char *t = getenv("PLAINT_TOP");

	return t != NULL && *t != '\0' ? t : ".";
}

static long long
day_of(const char *s)
{
	ptime_t t;
	int off;

	if (ptime_parse(s, 0, &t, &off) == -1)
		return 0;
	return t / 86400;
}

static void
check_days(const struct calendar *cal)
{
	size_t i;
	int covered, y, workdays, all_covered;
	long long d;

	for (i = 0; i < sizeof(day_cases) / sizeof(day_cases[0]); i++) {
		int w = calendar_is_workday(cal, day_of(day_cases[i].date),
		    &covered);

		if (w != day_cases[i].workday ||
		    covered != day_cases[i].covered)
			printf("# %s: workday %d covered %d\n",
			    day_cases[i].date, w, covered);
		CHECK(w == day_cases[i].workday);
		CHECK(covered == day_cases[i].covered);
	}
	/* 365 days - 104 weekend days - 13 statutory holidays = 248. */
	for (y = 2025; y <= 2026; y++) {
		workdays = 0;
		all_covered = 1;
		for (d = ptime_days_from_civil(y, 1, 1);
		    d < ptime_days_from_civil(y + 1, 1, 1); d++) {
			workdays += calendar_is_workday(cal, d, &covered);
			all_covered &= covered;
		}
		CHECK(workdays == 248);
		CHECK(all_covered);
	}
	CHECK(calendar_covers(cal, 2025));
	CHECK(calendar_covers(cal, 2026));
	CHECK(!calendar_covers(cal, 2024));
	CHECK(!calendar_covers(cal, 2027));
	CHECK(calendar_is_workday(cal, day_of("2026-02-14"), NULL) == 1);
}

static void
check_periods(const struct calendar *cal)
{
	const struct business_hours bh = { 8 * 3600, 17 * 3600 };
	char buf[PTIME_BUFSZ];
	ptime_t t, due;
	size_t i;
	int off, inc;

	for (i = 0; i < sizeof(period_cases) / sizeof(period_cases[0]); i++) {
		due = 0;
		inc = -1;
		CHECK(ptime_parse(period_cases[i].start, CST, &t, &off) == 0);
		CHECK(calendar_period_end(cal, t, CST, period_cases[i].n,
		    period_cases[i].unit, period_cases[i].bh ? &bh : NULL,
		    &due, &inc) == 0);
		ptime_format(due, CST, buf);
		CHECK_STR(buf, period_cases[i].due);
		if (inc != period_cases[i].incomplete)
			printf("# period %s: incomplete %d\n",
			    period_cases[i].start, inc);
		CHECK(inc == period_cases[i].incomplete);
	}
	for (i = 0; i < sizeof(bh_cases) / sizeof(bh_cases[0]); i++) {
		due = 0;
		inc = -1;
		CHECK(ptime_parse(bh_cases[i].start, CST, &t, &off) == 0);
		CHECK(calendar_add_business_hours(cal, t, CST, &bh,
		    bh_cases[i].secs, &due, &inc) == 0);
		ptime_format(due, CST, buf);
		CHECK_STR(buf, bh_cases[i].due);
		CHECK(inc == bh_cases[i].incomplete);
	}
}

static void
check_misc(const struct calendar *cal)
{
	const struct business_hours bad_bh = { 17 * 3600, 8 * 3600 };
	struct business_hours bh;
	long long end, start = day_of("2026-02-13");
	char buf[PTIME_BUFSZ];
	ptime_t t = 1780000000, due, nom;
	size_t i;
	int inc, off;

	CHECK(calendar_add_workdays(cal, start, 0, &end, &inc) == 0);
	CHECK(end == start && inc == 0);
	CHECK(calendar_add_workdays(cal, start, 1, &end, &inc) == 0);
	CHECK(end == day_of("2026-02-14") && inc == 0);
	CHECK(calendar_add_workdays(cal, start, -1, &end, &inc) == -1);
	CHECK(calendar_period_end(cal, t, CST, -1, CALENDAR_DAYS, NULL, &due,
	    &inc) == -1);
	CHECK(calendar_period_end(cal, t, CST, 1, CALENDAR_DAYS, &bad_bh,
	    &due, &inc) == -1);
	/*
	 * Paused days add to the nominal last day before a rest day moves
	 * it: 5 days from Mon Sep 28 end Sat Oct 3; one day paused makes
	 * that Oct 4, still 国庆节 → Thu Oct 8, not the moved Oct 8 + 1.
	 */
	CHECK(ptime_parse("2026-09-28T10:00:00+08:00", CST, &t, &off) == 0);
	CHECK(calendar_period_end_paused(cal, t, CST, 5, CALENDAR_DAYS, 1,
	    NULL, &due, NULL, &inc) == 0);
	ptime_format(due, CST, buf);
	CHECK_STR(buf, "2026-10-08T23:59:59+08:00");
	/* Seven paused days: Oct 10, a make-up working day. */
	CHECK(calendar_period_end_paused(cal, t, CST, 5, CALENDAR_DAYS, 7,
	    NULL, &due, NULL, &inc) == 0);
	ptime_format(due, CST, buf);
	CHECK_STR(buf, "2026-10-10T23:59:59+08:00");
	/* Working days: paused working days count on. */
	CHECK(calendar_period_end_paused(cal, t, CST, 3, WORKING_DAYS, 1,
	    NULL, &due, NULL, &inc) == 0);
	ptime_format(due, CST, buf);
	CHECK_STR(buf, "2026-10-09T23:59:59+08:00");
	CHECK(calendar_period_end_paused(cal, t, CST, 5, CALENDAR_DAYS, -1,
	    NULL, &due, NULL, &inc) == -1);
	/* The nominal end: Oct 3 + 1, before 国庆节 moved it. */
	CHECK(calendar_period_end_paused(cal, t, CST, 5, CALENDAR_DAYS, 1,
	    NULL, &due, &nom, &inc) == 0);
	ptime_format(nom, CST, buf);
	CHECK_STR(buf, "2026-10-04T23:59:59+08:00");
	CHECK(calendar_add_business_hours(cal, t, CST, &bad_bh, 60, &due,
	    &inc) == -1);
	for (i = 0; i < sizeof(hours_cases) / sizeof(hours_cases[0]); i++) {
		int rc = calendar_parse_hours(hours_cases[i].in, &bh);

		CHECK((rc == 0) == hours_cases[i].ok);
		if (rc == 0 && hours_cases[i].ok)
			CHECK(bh.open == hours_cases[i].open &&
			    bh.close == hours_cases[i].close);
	}
}

static void
check_bad(struct calendar *cal)
{
	struct perr e;
	size_t i, nrest = cal->rest.n, nwork = cal->work.n;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const char *y = bad_cases[i].yaml;

		perr_clear(&e);
		CHECK(calendar_load_buf(cal, y, strlen(y), "bad.yaml", &e) ==
		    -1);
		if (e.line != bad_cases[i].line || e.col != bad_cases[i].col ||
		    (bad_cases[i].field != NULL &&
		    strcmp(e.field, bad_cases[i].field) != 0))
			printf("# bad[%zu]: %d:%d: %s: %s\n", i, e.line, e.col,
			    e.field, e.msg);
		CHECK(e.code == PLAINT_CONFIG);
		CHECK_STR(e.path, "bad.yaml");
		CHECK(e.line == bad_cases[i].line);
		CHECK(e.col == bad_cases[i].col);
		if (bad_cases[i].field != NULL)
			CHECK_STR(e.field, bad_cases[i].field);
	}
	/* A refused file changes nothing. */
	CHECK(cal->nyears == 2);
	CHECK(cal->rest.n == nrest && cal->work.n == nwork);
	CHECK(!calendar_covers(cal, 2030));
	CHECK(calendar_is_workday(cal, day_of("2026-03-02"), NULL) == 1);

	perr_clear(&e);
	CHECK(calendar_load_file(cal, "no/such/calendar.yaml", &e) == -1);
	CHECK(e.code == PLAINT_CONFIG);
}

static void
check_closures(void)
{
	static const char extra[] =
	    "calendar: test-2027\n"
	    "year: 2027\n"
	    "rest:\n"
	    "  - 2027-01-01\n"
	    "  - {date: 2027-02-08, name: 春节}\n"
	    "  - {from: 2027-02-09, to: 2027-02-10}\n"
	    "workdays:\n"
	    "  - 2026-12-26\n"
	    "  - {date: 2027-02-20, name: 春节}\n";
	struct calendar cal;
	struct perr e;
	ptime_t t, due;
	char buf[PTIME_BUFSZ];
	int off, inc, covered;

	calendar_init(&cal);
	perr_clear(&e);
	CHECK(calendar_load_buf(&cal, extra, sizeof(extra) - 1, "extra.yaml",
	    &e) == 0);
	CHECK(calendar_covers(&cal, 2027) && !calendar_covers(&cal, 2026));
	CHECK(calendar_is_workday(&cal, day_of("2027-01-01"), &covered) == 0);
	CHECK(covered == 1);
	CHECK(calendar_is_workday(&cal, day_of("2027-02-09"), NULL) == 0);
	CHECK(calendar_is_workday(&cal, day_of("2027-02-20"), NULL) == 1);
	/* A day of the year before, but that year stays uncovered. */
	CHECK(calendar_is_workday(&cal, day_of("2026-12-26"), &covered) == 1);
	CHECK(covered == 0);

	/* A policy's own closure beats a weekday and a make-up day. */
	CHECK(calendar_add_closure(&cal, day_of("2027-03-01"), &e) == 0);
	CHECK(calendar_add_closure(&cal, day_of("2027-02-20"), &e) == 0);
	CHECK(calendar_add_closure(&cal, day_of("2027-02-20"), &e) == 0);
	CHECK(cal.closed.n == 2);
	CHECK(calendar_is_workday(&cal, day_of("2027-03-01"), NULL) == 0);
	CHECK(calendar_is_workday(&cal, day_of("2027-02-20"), NULL) == 0);
	/* Fri Feb 26 + 1d = Sat → Mon Mar 1 is closed → Tue Mar 2. */
	CHECK(ptime_parse("2027-02-26T10:00:00+08:00", CST, &t, &off) == 0);
	CHECK(calendar_period_end(&cal, t, CST, 1, CALENDAR_DAYS, NULL, &due,
	    &inc) == 0);
	ptime_format(due, CST, buf);
	CHECK_STR(buf, "2027-03-02T23:59:59+08:00");
	CHECK(inc == 0);
	calendar_release(&cal);
	CHECK(cal.nyears == 0 && cal.rest.v == NULL);
	calendar_release(&cal);
}

void
suite_calendar(void)
{
	struct calendar cal;
	struct perr e;
	char path[1024];
	const char *files[] = { "cn-2026", "cn-2025" };
	size_t i;

	calendar_init(&cal);
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/data/calendars/%s.yaml", top(),
		    files[i]);
		perr_clear(&e);
		if (calendar_load_file(&cal, path, &e) == -1)
			printf("# %s: %d:%d: %s: %s\n", path, e.line, e.col,
			    e.field, e.msg);
		CHECK(e.code == 0);
	}
	CHECK(cal.nyears == 2);
	CHECK(cal.rest.n == 28 + 33);
	CHECK(cal.work.n == 5 + 6);
	check_days(&cal);
	check_periods(&cal);
	check_misc(&cal);
	check_bad(&cal);
	calendar_release(&cal);
	check_closures();
}
