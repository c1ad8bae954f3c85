#include "../../lib/csv.h"
#include "../../lib/export.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* One cell, alone on its row: what RFC 4180 and OWASP make of it. */
static const struct {
	const char *cell;
	size_t len;		/* 0: strlen */
	const char *want;
} cells[] = {
	{ "plain", 0, "plain\r\n" },
	{ "", 0, "\r\n" },
	{ "张三", 0, "张三\r\n" },
	{ "a,b", 0, "\"a,b\"\r\n" },
	{ "say \"hi\"", 0, "\"say \"\"hi\"\"\"\r\n" },
	{ "two\nlines", 0, "\"two\nlines\"\r\n" },
	{ "cr\rhere", 0, "\"cr\rhere\"\r\n" },
	{ "=1+2", 0, "'=1+2\r\n" },
	{ "+1", 0, "'+1\r\n" },
	{ "-1", 0, "'-1\r\n" },
	{ "@SUM(A1)", 0, "'@SUM(A1)\r\n" },
	{ "\tx", 0, "'\tx\r\n" },
	{ "\rx", 0, "\"'\rx\"\r\n" },
	{ "=HYPERLINK(\"http://x\",\"y\")", 0,
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n" },
	{ "=a,b", 0, "\"'=a,b\"\r\n" },
	{ "\xef\xbb\xbf=1", 0, "'\xef\xbb\xbf=1\r\n" },
	{ "\xef\xbb\xbf\xef\xbb\xbf@x", 0, "'\xef\xbb\xbf\xef\xbb\xbf@x\r\n" },
	{ "\xef\xbb\xbfok", 0, "\xef\xbb\xbfok\r\n" },
	{ "\0x", 2, "'\0x\r\n" },
	{ "a=1", 0, "a=1\r\n" },
	{ " =1", 0, " =1\r\n" },
	{ "'quoted", 0, "'quoted\r\n" },
};

static const struct {
	const char *in, *name, *phone, *address;
} masks[] = {
	{ "张三", "张*", "**", "张…" },
	{ "欧阳娜娜", "欧***", "**娜娜", "欧阳…" },
	{ "13800000000", "1**********", "138****0000", "13800…" },
	{ "010-12345678", "0***********", "010*****5678", "010-12…" },
	{ "95598", "9****", "***98", "95…" },
	{ "x", "*", "*", "…" },
	{ "某县某镇某村", "某*****", "****某村", "某县" },
	{ "北京市海淀区中关村大街1号", "北************", "北京市******大街1号",
	    "北京市海淀区" },
	{ "浙江省义乌市稠城街道", "浙*********", "浙江省***稠城街道", "浙江省义乌市" },
	{ "上海市浦东新区世纪大道", "上**********", "上海市****世纪大道",
	    "上海市浦东新区" },
};

static const char *
row(const char *s, size_t len)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	if (csv_add_celln(&sb, s, len, 1) == -1 || csv_end_row(&sb) == -1)
		return NULL;
	return sb.buf;
}

/* Records of a CSV text: each as its cells joined with |, or "ERR". */
static const struct {
	const char *in, *want;
} records[] = {
	{ "a,b,c\r\n", "a|b|c" },
	{ "\"a, b\",\"say \"\"hi\"\"\"\n", "a, b|say \"hi\"" },
	{ "\"line1\r\nline2\",x\r\n", "line1\nline2|x" },
	{ "\"lone\rcr\"\n", "lone\rcr" },
	{ ",,\n", "||" },
	{ "\"\"\n", "" },
	{ "x\"y\n", "ERR" },
	{ "a,x\"y\"z\n", "ERR" },
	{ "\"a\"b\n", "ERR" },
	{ "\"open\n", "ERR" },
};

static void
reader(void)
{
	struct strbuf split = STRBUF_INIT, got = STRBUF_INIT;
	size_t cell[CSV_MAX_COLS], n, end, next, i, j;
	struct perr e;
	int lines, bad;

	for (i = 0; i < NELEM(records); i++) {
		const char *in = records[i].in;

		perr_clear(&e);
		strbuf_reset(&got);
		bad = csv_record_extent(in, strlen(in), 0, &end, &next, &lines);
		if (bad || csv_split(in, 0, end, &split, cell, &n, &e) == -1)
			strbuf_addstr(&got, "ERR");
		else
			for (j = 0; j < n; j++) {
				if (j > 0)
					strbuf_addch(&got, '|');
				strbuf_addstr(&got, split.buf + cell[j]);
			}
		CHECK_STR(strbuf_str(&got), records[i].want);
		if (!bad)
			CHECK(next == strlen(in));
	}
	strbuf_release(&split);
	strbuf_release(&got);
}

static void
writer(void)
{
	struct strbuf sb = STRBUF_INIT;
	const char *three[] = { "id", NULL, "=x" };
	size_t i, len;

	for (i = 0; i < NELEM(cells); i++) {
		const char *got;

		len = cells[i].len ? cells[i].len : strlen(cells[i].cell);
		got = row(cells[i].cell, len);
		/* Compare bytes: a cell may hold NUL. */
		CHECK(got != NULL && memcmp(got, cells[i].want, strlen(
		    cells[i].want) + (cells[i].len ? 4 : 0)) == 0);
		if (got != NULL && cells[i].len == 0 &&
		    strcmp(got, cells[i].want) != 0)
			printf("#   cell %zu: \"%s\"\n", i, got);
	}
	CHECK(csv_add_bom(&sb) == 0 && csv_add_row(&sb, three, 3) == 0);
	CHECK_STR(sb.buf, "\xef\xbb\xbfid,,'=x\r\n");
	strbuf_reset(&sb);
	CHECK(csv_add_cell(&sb, "a", 1) == 0 && csv_add_cell(&sb, "b,c", 0) ==
	    0 && csv_add_cell(&sb, NULL, 0) == 0 && csv_end_row(&sb) == 0);
	CHECK_STR(sb.buf, "a,\"b,c\",\r\n");
	CHECK(csv_is_formula("=", 1) && !csv_is_formula("", 0) &&
	    !csv_is_formula(CSV_BOM, 3));
	for (i = 0; i < NELEM(masks); i++) {
		strbuf_reset(&sb);
		CHECK(export_mask_name(&sb, masks[i].in) == 0);
		CHECK_STR(strbuf_str(&sb), masks[i].name);
		strbuf_reset(&sb);
		CHECK(export_mask_phone(&sb, masks[i].in) == 0);
		CHECK_STR(strbuf_str(&sb), masks[i].phone);
		strbuf_reset(&sb);
		CHECK(export_mask_address(&sb, masks[i].in) == 0);
		CHECK_STR(strbuf_str(&sb), masks[i].address);
	}
	strbuf_release(&sb);
}
/* The separator of a header line, and cells cut at it. */
static void
separators(void)
{
	static const struct {
		const char *header;
		int sep;
	} cases[] = {
		{ "a,b,c", ',' }, { "a;b;c", ';' }, { "a\tb\tc", '\t' },
		{ "subject", ',' },		/* none: CSV */
		{ "a;b,c", ',' },		/* a tie: the comma */
		{ "a;b\tc", ';' },		/* then the semicolon */
		{ "\"x,y,z\";b;c", ';' },	/* quoted ones do not count */
		{ "a,b;c;d", ';' },
	};
	struct strbuf out = STRBUF_INIT;
	size_t cell[CSV_MAX_COLS], n, i;
	struct perr e;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK(csv_sniff_sep(cases[i].header, 0,
		    strlen(cases[i].header)) == cases[i].sep);
	perr_clear(&e);
	CHECK(csv_split_sep("\"a;b\";c,d", 0, 9, ';', &out, cell, &n,
	    &e) == 0);
	CHECK(n == 2);
	CHECK_STR(out.buf + cell[0], "a;b");
	CHECK_STR(out.buf + cell[1], "c,d");
	strbuf_release(&out);
}

void
suite_csv(void)
{
	reader();
	writer();
	separators();
}
