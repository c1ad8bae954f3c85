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

void
suite_ptime(void)
{
	char buf[PTIME_BUFSZ];
	struct duration d;
	size_t i;
	ptime_t t;
	int off;

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
