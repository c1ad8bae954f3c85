#include "../../lib/table.h"
#include "../../lib/utf8.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;
	size_t ncols;
	const char *cells[4][3];	/* rows; a row of NULLs ends */
	int nrows;
	const char *want;
} tables[] = {
	{ "ASCII", 3, {
		{ "ID", "STATUS", "SUBJECT" },
		{ "2611-0001", "new", "meter" },
		{ "2611-10000", "escalated", "x" } }, 3,
	    "ID          STATUS     SUBJECT\n"
	    "2611-0001   new        meter\n"
	    "2611-10000  escalated  x\n" },
	{ "CJK counts two", 3, {
		{ "ID", "SUBJECT", "STATUS" },
		{ "2611-0001", "抄表员态度恶劣", "new" },
		{ "2611-0002", "bill", "assigned" } }, 3,
	    "ID         SUBJECT         STATUS\n"
	    "2611-0001  抄表员态度恶劣  new\n"
	    "2611-0002  bill            assigned\n" },
	{ "fullwidth and combining", 2, {
		{ "ＡＢ", "x" },
		{ "e\xcc\x81", "y" },
		{ "abcd", "z" } }, 3,
	    "ＡＢ  x\n"
	    "e\xcc\x81     y\n"
	    "abcd  z\n" },
	{ "control characters replaced", 2, {
		{ "a\x1b[2Jb", "tab\there" },
		{ "line\nbreak", "del\x7f" },
		{ "cr\r", NULL } }, 3,
	    "a [2Jb      tab here\n"
	    "line break  del \n"
	    "cr          \n" },
	{ "C1 controls replaced", 2, {
		{ "a\xc2\x9b" "2Jb", "\xc2\x85x" },
		{ "\xc2\xa0nbsp", "y" } }, 2,
	    "a  2Jb  " "  x\n"	/* each C1 control: two spaces */
	    "\xc2\xa0nbsp   y\n" },	/* U+00A0 is no control */
	{ "last column not padded", 2, {
		{ "a", "long last cell" },
		{ "bb", "x" } }, 2,
	    "a   long last cell\n"
	    "bb  x\n" },
	{ "one column", 1, {
		{ "only" },
		{ "张" } }, 2,
	    "only\n"
	    "张\n" },
	{ "empty", 3, { { NULL } }, 0, "" },
};

static void
many_rows(void)
{
	const char *cells[TABLE_MAX_COLS];
	struct strbuf out = STRBUF_INIT;
	struct table t;
	const char *line;
	char num[16];
	size_t c, lines = 0;
	int r;

	table_init(&t, TABLE_MAX_COLS + 4);
	CHECK(t.ncols == TABLE_MAX_COLS);
	for (c = 0; c < TABLE_MAX_COLS; c++)
		cells[c] = c % 2 ? "张" : num;
	for (r = 0; r < 1000; r++) {
		snprintf(num, sizeof(num), "%d", r);
		CHECK(table_add(&t, cells) == 0);
	}
	CHECK(t.nrows == 1000 && t.cap >= 1000);
	CHECK(table_render(&t, &out) == 0);
	/* Every line: 8 x ("999  " + "张  "), then the last "张". */
	for (line = strbuf_str(&out); *line != '\0'; lines++) {
		const char *nl = strchr(line, '\n');
		char buf[200];

		snprintf(buf, sizeof(buf), "%.*s", (int)(nl - line), line);
		CHECK(utf8_width(buf) == 8 * (5 + 4) - 2);
		line = nl + 1;
	}
	CHECK(lines == 1000);
	table_release(&t);
	strbuf_release(&out);
}

void
suite_table(void)
{
	size_t i;
	int r;

	for (i = 0; i < NELEM(tables); i++) {
		struct strbuf out = STRBUF_INIT;
		struct table t;
		const char *p;

		table_init(&t, tables[i].ncols);
		for (r = 0; r < tables[i].nrows; r++)
			CHECK(table_add(&t, tables[i].cells[r]) == 0);
		CHECK(table_render(&t, &out) == 0);
		CHECK_STR(strbuf_str(&out), tables[i].want);
		/* No control characters but newlines, C0 or C1. */
		for (p = strbuf_str(&out); *p != '\0'; p++)
			if (((unsigned char)*p < 0x20 && *p != '\n') ||
			    ((unsigned char)p[0] == 0xc2 &&
			    (unsigned char)p[1] >= 0x80 &&
			    (unsigned char)p[1] <= 0x9f))
				break;
		CHECK(*p == '\0');
		if (strcmp(strbuf_str(&out), tables[i].want) != 0)
			printf("#   %s:\n%s", tables[i].name, strbuf_str(&out));
		table_release(&t);
		CHECK(t.nrows == 0 && t.cells == NULL);
		strbuf_release(&out);
	}
	many_rows();
}
