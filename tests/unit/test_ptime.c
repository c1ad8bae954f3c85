#include "../../lib/ptime.h"
#include "unit.h"

static const struct {
	const char *in;
	int ok;
	const char *out;	/* formatted at +08:00 */
} parse_cases[] = {
	{ "2026-11-27T10:00:00+08:00", 1, "2026-11-27T10:00:00+08:00" },
	{ "2026-11-27T02:00:00Z", 1, "2026-11-27T10:00:00+08:00" },
	{ "2026-11-27 10:00", 1, "2026-11-27T10:00:00+08:00" },
	{ "2026-11-27", 1, "2026-11-27T00:00:00+08:00" },
	{ "2026-11-30T23:59:59+08:00", 1, "2026-11-30T23:59:59+08:00" },
	{ "2026-12-31T16:00:00-08:00", 1, "2027-01-01T08:00:00+08:00" },
	{ "2028-02-29T12:00:00+08:00", 1, "2028-02-29T12:00:00+08:00" },
	{ "2026-02-29T12:00:00+08:00", 0, NULL },
	{ "2026-13-01", 0, NULL },
	{ "2026-11-27T24:00", 0, NULL },
	{ "2026-11-27T10:00:00+8", 0, NULL },
	{ "26-11-27", 0, NULL },
	{ "", 0, NULL },
	{ "2026-11-27X", 0, NULL },
	{ "2000-02-29", 1, "2000-02-29T00:00:00+08:00" },
	{ "2100-02-29", 0, NULL },
	{ "2026-11-27T10:00:00z", 1, "2026-11-27T18:00:00+08:00" },
	{ "2026-11-27T10:00:00+14:00", 1, "2026-11-27T04:00:00+08:00" },
	{ "2026-11-27T10:00:00-12:30", 1, "2026-11-28T06:30:00+08:00" },
	{ "2026-11-27T10:00:00+15:00", 0, NULL },
	{ "2026-11-27T10:00:00+08:60", 0, NULL },
	{ "2026-11-27T10:00:00+0800", 0, NULL },
	{ "2026-11-27T10:00:00.5+08:00", 0, NULL },
	{ "2026-11-27T10:00:60", 0, NULL },
	{ "2026-11-27T10:60", 0, NULL },
	{ "2026-11-27t10:00", 0, NULL },
	{ "2026-11-27T10", 0, NULL },
	{ "2026-11-27T10:00:", 0, NULL },
	{ "2026-04-31", 0, NULL },
	{ "2026-00-10", 0, NULL },
	{ "2026-11-00", 0, NULL },
	{ "1969-12-31", 0, NULL },
	{ "1970-01-01T08:00:00+08:00", 1, "1970-01-01T08:00:00+08:00" },
	{ " 2026-11-27", 0, NULL },
	{ "2026/11/27", 0, NULL },
	{ "２０２６-11-27", 0, NULL },
};

static const struct {
	const char *in;
	int ok;
	long long secs;
} dur_cases[] = {
	{ "10m", 1, 600 }, { "24h", 1, 86400 }, { "5d", 1, 5 * 86400 },
	{ "1w", 1, 7 * 86400 }, { "0m", 0, 0 }, { "5", 0, 0 },
	{ "d", 0, 0 }, { "-5d", 0, 0 }, { "5dd", 0, 0 }, { "3wd", 1, 3 * 86400 }, { "8bh", 1, 8 * 3600 },
	{ "3w d", 0, 0 }, { "2bhh", 0, 0 },
	/* From 1970-01-01: January has 31 days, 1970 has 365. */
	{ "1mo", 1, 31 * 86400 }, { "2mo", 1, 59 * 86400 },
	{ "1y", 1, 365 * 86400 }, { "mo", 0, 0 }, { "1m o", 0, 0 },
	{ "1yr", 0, 0 }, { "1M", 0, 0 },
	{ "100000m", 1, 6000000 }, { "100001m", 0, 0 }, { "05d", 1, 432000 },
	{ " 5d", 0, 0 }, { "5 d", 0, 0 }, { "5D", 0, 0 }, { "1.5h", 0, 0 },
	{ "", 0, 0 }, { "99999999999999999999m", 0, 0 },
};

/* Periods at 2026-12-02T12:00:00+08:00, as [lo, hi) at +08:00. */
static const struct {
	const char *in;
	const char *lo, *hi;	/* NULL: refused */
	int rel;
} period_cases[] = {
	{ "2026-11-05", "2026-11-05T00:00:00+08:00",
	  "2026-11-06T00:00:00+08:00", 0 },
	{ "2026-11", "2026-11-01T00:00:00+08:00",
	  "2026-12-01T00:00:00+08:00", 0 },
	{ "2026-12", "2026-12-01T00:00:00+08:00",
	  "2027-01-01T00:00:00+08:00", 0 },
	{ "2026", "2026-01-01T00:00:00+08:00",
	  "2027-01-01T00:00:00+08:00", 0 },
	{ "2026-11-05T10:00", "2026-11-05T10:00:00+08:00",
	  "2026-11-05T10:00:01+08:00", 0 },
	{ "today", "2026-12-02T00:00:00+08:00",
	  "2026-12-03T00:00:00+08:00", 0 },
	{ "yesterday", "2026-12-01T00:00:00+08:00",
	  "2026-12-02T00:00:00+08:00", 0 },
	{ "tomorrow", "2026-12-03T00:00:00+08:00",
	  "2026-12-04T00:00:00+08:00", 0 },
	{ "this-month", "2026-12-01T00:00:00+08:00",
	  "2027-01-01T00:00:00+08:00", 0 },
	{ "last-month", "2026-11-01T00:00:00+08:00",
	  "2026-12-01T00:00:00+08:00", 0 },
	{ "-30d", "2026-11-02T12:00:00+08:00",
	  "2026-12-02T12:00:01+08:00", 1 },
	{ "24h", "2026-12-02T12:00:00+08:00",
	  "2026-12-03T12:00:01+08:00", 1 },
	{ "-1mo", "2026-11-02T12:00:00+08:00",
	  "2026-12-02T12:00:01+08:00", 1 },
	{ "2026-13", NULL, NULL, 0 }, { "1969", NULL, NULL, 0 },
	{ "202", NULL, NULL, 0 }, { "-3wd", NULL, NULL, 0 },
	{ "next-month", NULL, NULL, 0 }, { "", NULL, NULL, 0 },
	{ "2026-11-5", NULL, NULL, 0 }, { "-0d", NULL, NULL, 0 },
};

/* Instants typed at 2026-12-02T12:00:00+08:00. */
static const struct {
	const char *in;
	const char *out;	/* NULL: refused */
} relative_cases[] = {
	{ "now", "2026-12-02T12:00:00+08:00" },
	{ "today", "2026-12-02T12:00:00+08:00" },
	{ "yesterday", "2026-12-01T12:00:00+08:00" },
	{ "yesterday 14:30", "2026-12-01T14:30:00+08:00" },
	{ "today 08:05", "2026-12-02T08:05:00+08:00" },
	{ "-2h", "2026-12-02T10:00:00+08:00" },
	{ "-3d", "2026-11-29T12:00:00+08:00" },
	{ "+30m", "2026-12-02T12:30:00+08:00" },
	{ "2026-11-27T10:00", "2026-11-27T10:00:00+08:00" },
	{ "yesterday 24:00", NULL }, { "yesterday 9:00", NULL },
	{ "tomorrow", NULL }, { "-2wd", NULL }, { "yesterdays", NULL },
	{ "today ", NULL }, { "2h ago", NULL },
};

static void
periods(void)
{
	char buf[PTIME_BUFSZ];
	struct ptime_period p;
	ptime_t now, t;
	size_t i;
	int off;

	CHECK(ptime_parse("2026-12-02T12:00", 8 * 3600, &now, &off) == 0);
	for (i = 0; i < sizeof(period_cases) / sizeof(period_cases[0]); i++) {
		int rc = ptime_parse_period(period_cases[i].in, now, 8 * 3600,
		    &p);

		CHECK((rc == 0) == (period_cases[i].lo != NULL));
		if (rc != 0 || period_cases[i].lo == NULL)
			continue;
		ptime_format(p.lo, 8 * 3600, buf);
		CHECK_STR(buf, period_cases[i].lo);
		ptime_format(p.hi, 8 * 3600, buf);
		CHECK_STR(buf, period_cases[i].hi);
		CHECK(p.rel == period_cases[i].rel);
	}
	CHECK(ptime_parse_period("-30d", now, 8 * 3600, &p) == 0);
	CHECK(p.at == p.lo);
	for (i = 0; i < sizeof(relative_cases) / sizeof(relative_cases[0]);
	    i++) {
		int rc = ptime_parse_relative(relative_cases[i].in, now,
		    8 * 3600, &t, &off);

		CHECK((rc == 0) == (relative_cases[i].out != NULL));
		if (rc != 0 || relative_cases[i].out == NULL)
			continue;
		ptime_format(t, 8 * 3600, buf);
		CHECK_STR(buf, relative_cases[i].out);
	}
}

void
suite_ptime(void)
{
	char buf[PTIME_BUFSZ];
	struct duration d;
	size_t i;
	ptime_t t;
	int off;

	periods();
	for (i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]); i++) {
		int rc = ptime_parse(parse_cases[i].in, 8 * 3600, &t, &off);

		CHECK((rc == 0) == parse_cases[i].ok);
		if (rc == 0 && parse_cases[i].out != NULL) {
			ptime_format(t, 8 * 3600, buf);
			CHECK_STR(buf, parse_cases[i].out);
		}
	}
	for (i = 0; i < sizeof(dur_cases) / sizeof(dur_cases[0]); i++) {
		int rc = ptime_parse_duration(dur_cases[i].in, &d);

		CHECK((rc == 0) == dur_cases[i].ok);
		if (rc == 0)
			CHECK(ptime_add(0, &d, 0) == dur_cases[i].secs);
	}
	/* Months keep the time of day and end on the month's last day. */
	{
		static const char *const months[][3] = {
			{ "2026-01-31T10:00:00+08:00", "1mo",
			  "2026-02-28T10:00:00+08:00" },
			{ "2028-01-31T23:30:00+08:00", "1mo",
			  "2028-02-29T23:30:00+08:00" },
			{ "2028-02-29T08:00:00+08:00", "1y",
			  "2029-02-28T08:00:00+08:00" },
			{ "2026-12-15T08:00:00+08:00", "14mo",
			  "2028-02-15T08:00:00+08:00" },
		};

		for (i = 0; i < sizeof(months) / sizeof(months[0]); i++) {
			CHECK(ptime_parse(months[i][0], 8 * 3600, &t,
			    &off) == 0);
			CHECK(ptime_parse_duration(months[i][1], &d) == 0);
			ptime_format(ptime_add(t, &d, 8 * 3600), 8 * 3600,
			    buf);
			CHECK_STR(buf, months[i][2]);
		}
		/* Backwards, as filters count -1mo. */
		CHECK(ptime_parse("2026-03-31T08:00:00+08:00", 8 * 3600, &t,
		    &off) == 0);
		d.unit = DUR_MONTH;
		d.count = -1;
		ptime_format(ptime_add(t, &d, 8 * 3600), 8 * 3600, buf);
		CHECK_STR(buf, "2026-02-28T08:00:00+08:00");
	}
	/* 2026-11-27 is a Friday; 1970-01-01 a Thursday. */
	CHECK(ptime_weekday(ptime_days_from_civil(2026, 11, 27)) == 5);
	CHECK(ptime_weekday(0) == 4);
	ptime_format_span(2 * 86400 + 3 * 3600 + 59, buf, sizeof(buf));
	CHECK_STR(buf, "2d 3h");
	ptime_format_span(-(3600 + 120), buf, sizeof(buf));
	CHECK_STR(buf, "1h 2m");
	ptime_format_span(59, buf, sizeof(buf));
	CHECK_STR(buf, "0m");
	/* Civil days round trip across leap days and the epoch. */
	{
		static const int days[][3] = { { 1970, 1, 1 }, { 1969, 12, 31 },
			{ 2000, 2, 29 }, { 2026, 12, 31 }, { 2027, 1, 1 },
			{ 2028, 2, 29 }, { 2100, 3, 1 } };
		size_t k;
		int y, m, dd;

		for (k = 0; k < sizeof(days) / sizeof(days[0]); k++) {
			ptime_civil_from_days(ptime_days_from_civil(days[k][0],
			    days[k][1], days[k][2]), &y, &m, &dd);
			CHECK(y == days[k][0] && m == days[k][1] &&
			    dd == days[k][2]);
		}
		CHECK(ptime_days_from_civil(1970, 1, 1) == 0);
		CHECK(ptime_days_from_civil(1969, 12, 31) == -1);
		CHECK(ptime_weekday(-1) == 3);
	}
}
