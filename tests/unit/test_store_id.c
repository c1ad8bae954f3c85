#include "../../lib/store.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *in;
	const char *prefix;
	int year, month;
	long serial;
	const char *path;
} good_ids[] = {
	{ "2611-0001", "", 2026, 11, 1, "2026/11/2611-0001.yaml" },
	{ "BJ-2611-0001", "BJ", 2026, 11, 1, "2026/11/BJ-2611-0001.yaml" },
	{ "2611-10000", "", 2026, 11, 10000, "2026/11/2611-10000.yaml" },
	{ "2611-9999", "", 2026, 11, 9999, "2026/11/2611-9999.yaml" },
	{ "2601-0042", "", 2026, 1, 42, "2026/01/2601-0042.yaml" },
	{ "2712-0100", "", 2027, 12, 100, "2027/12/2712-0100.yaml" },
	{ "0001-0001", "", 2000, 1, 1, "2000/01/0001-0001.yaml" },
	{ "9912-0001", "", 2099, 12, 1, "2099/12/9912-0001.yaml" },
	{ "2611-999999999", "", 2026, 11, 999999999,
	    "2026/11/2611-999999999.yaml" },
	{ "A1-2611-0001", "A1", 2026, 11, 1, "2026/11/A1-2611-0001.yaml" },
	{ "ABCDEFGH-2611-0001", "ABCDEFGH", 2026, 11, 1,
	    "2026/11/ABCDEFGH-2611-0001.yaml" },
};

/* RELIABILITY.md T14, then the grammar's own edges. */
static const char *const bad_ids[] = {
	"../../etc/passwd",
	"2611-0001/../../x",
	"/etc/passwd",
	"%2e%2e%2f",
	"2611-0001\\0x",	/* a C string cannot hold the NUL itself */
	/* ２６１１-０００１ */
	"\xef\xbc\x92\xef\xbc\x96\xef\xbc\x91\xef\xbc\x91-"
	    "\xef\xbc\x90\xef\xbc\x90\xef\xbc\x90\xef\xbc\x91",
	"\xd9\xa2\xd9\xa6\xd9\xa1\xd9\xa1-0001",		/* ٢٦١١-0001 */
	"2611-0001 ",
	"-rf",
	"2613-0001",		/* month 13 */
	"2600-0001",		/* month 0 */
	"2611-0000",		/* serial 0 */
	"2611-001",		/* too short */
	"2611-00001",		/* widened with a leading zero */
	"2611-010000",
	"2611-1234567890",	/* more than 9 digits */
	"bj-2611-0001",		/* lowercase prefix */
	"Bj-2611-0001",
	"ABCDEFGHI-2611-0001",	/* prefix longer than 8 */
	"B_J-2611-0001",
	"-2611-0001",
	"BJ--2611-0001",
	"BJ2611-0001",
	"12-2611-0001",
	"",
	"2611",
	"2611-",
	"26110001",
	"2611_0001",
	" 2611-0001",
	"2611-0001\n",
	"2611-0001.yaml",
	"2611-0001-2",
	"2611-+001",
	"+611-0001",
	"2611--001",
	"2611-0x01",
	"261-10001",
	"2611-0001/",
	"2026/11/2611-0001",
	"BJ-2611-0001-0001",
	"AAAAAAAAAAAAAAAAAAAAAAAA-2611-0001",
	"2611-00000000000000000000000000001",	/* over 32 characters */
};

void
suite_store_id(void)
{
	char buf[STORE_ID_BUFSZ], path[128];
	struct complaint_id id;
	size_t i;

	for (i = 0; i < NELEM(good_ids); i++) {
		int rc = complaint_id_parse(good_ids[i].in, &id);

		CHECK(rc == 0);
		if (rc != 0) {
			printf("#   refused \"%s\"\n", good_ids[i].in);
			continue;
		}
		CHECK_STR(id.prefix, good_ids[i].prefix);
		CHECK(id.year == good_ids[i].year);
		CHECK(id.month == good_ids[i].month);
		CHECK(id.serial == good_ids[i].serial);
		complaint_id_format(&id, buf);
		CHECK_STR(buf, good_ids[i].in);
		complaint_id_path(&id, path, sizeof(path));
		CHECK_STR(path, good_ids[i].path);
	}
	for (i = 0; i < NELEM(bad_ids); i++) {
		int rc = complaint_id_parse(bad_ids[i], &id);

		CHECK(rc == -1);
		if (rc != -1)
			printf("#   accepted \"%s\"\n", bad_ids[i]);
	}
	/* Built from numbers, not from the text it came from. */
	id = (struct complaint_id){ "", 2026, 12, 1 };
	complaint_id_format(&id, buf);
	CHECK_STR(buf, "2612-0001");
	complaint_id_path(&id, path, sizeof(path));
	CHECK_STR(path, "2026/12/2612-0001.yaml");
	id = (struct complaint_id){ "BJ", 2027, 1, 12345 };
	complaint_id_format(&id, buf);
	CHECK_STR(buf, "BJ-2701-12345");
	/* A small buffer truncates, never overflows. */
	complaint_id_path(&id, path, 8);
	CHECK_STR(path, "2027/01");
}
