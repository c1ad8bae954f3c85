#include "../../lib/utf8.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;
	const char *s;
	size_t len;		/* 0: strlen */
	int valid;
} valid_cases[] = {
	{ "empty", "", 0, 1 },
	{ "ASCII", "abc 123", 0, 1 },
	{ "NUL is ASCII", "a\0b", 3, 1 },
	{ "2 bytes", "\xc3\xa9", 0, 1 },
	{ "U+07FF", "\xdf\xbf", 0, 1 },
	{ "U+0800", "\xe0\xa0\x80", 0, 1 },
	{ "CJK", "张三", 0, 1 },
	{ "U+D7FF", "\xed\x9f\xbf", 0, 1 },
	{ "U+E000", "\xee\x80\x80", 0, 1 },
	{ "U+FFFF", "\xef\xbf\xbf", 0, 1 },
	{ "U+10000", "\xf0\x90\x80\x80", 0, 1 },
	{ "emoji", "\xf0\x9f\x98\x80", 0, 1 },
	{ "U+10FFFF", "\xf4\x8f\xbf\xbf", 0, 1 },
	{ "overlong /", "\xc0\xaf", 0, 0 },
	{ "overlong C1", "\xc1\xbf", 0, 0 },
	{ "overlong 3", "\xe0\x80\xaf", 0, 0 },
	{ "overlong 3 max", "\xe0\x9f\xbf", 0, 0 },
	{ "overlong 4", "\xf0\x80\x80\xaf", 0, 0 },
	{ "overlong 4 max", "\xf0\x8f\xbf\xbf", 0, 0 },
	{ "overlong NUL", "\xc0\x80", 0, 0 },
	{ "surrogate D800", "\xed\xa0\x80", 0, 0 },
	{ "surrogate DFFF", "\xed\xbf\xbf", 0, 0 },
	{ "surrogate pair", "\xed\xa0\xbd\xed\xb8\x80", 0, 0 },
	{ "past U+10FFFF", "\xf4\x90\x80\x80", 0, 0 },
	{ "F5", "\xf5\x80\x80\x80", 0, 0 },
	{ "FE", "\xfe", 0, 0 },
	{ "FF", "\xff", 0, 0 },
	{ "lone continuation", "\x80", 0, 0 },
	{ "continuation after ASCII", "a\xbf", 0, 0 },
	{ "truncated 2", "\xc3", 0, 0 },
	{ "truncated 3", "\xe5\xbc", 0, 0 },
	{ "truncated 4", "\xf0\x9f\x98", 0, 0 },
	{ "truncated by len", "张三", 5, 0 },
	{ "bad continuation", "\xe5\x41\x89", 0, 0 },
	{ "ASCII in a 4-byte", "\xf0\x9f\x41\x80", 0, 0 },
	{ "valid then invalid", "张\xff", 0, 0 },
};

static const struct {
	unsigned long cp;
	int width;
} cp_widths[] = {
	{ 'a', 1 }, { ' ', 1 }, { '~', 1 }, { 0, 0 }, { '\t', 0 },
	{ 0x1b, 0 }, { 0x7f, 0 }, { 0x85, 0 }, { 0xe9, 1 },
	{ 0x0301, 0 },		/* combining acute accent */
	{ 0x036f, 0 }, { 0x200b, 0 }, { 0xfe0f, 0 }, { 0xfeff, 0 },
	{ 0x1100, 2 },		/* Hangul jamo */
	{ 0x3000, 2 },		/* ideographic space */
	{ 0x3002, 2 },		/* 。 */
	{ 0x3042, 2 },		/* あ */
	{ 0x4e00, 2 }, { 0x5f20, 2 }, { 0x9fff, 2 },
	{ 0xac00, 2 },		/* 가 */
	{ 0xff01, 2 },		/* ！ fullwidth */
	{ 0xff21, 2 },		/* Ａ fullwidth */
	{ 0xff10, 2 },		/* ０ fullwidth digit */
	{ 0xff71, 1 },		/* ｱ halfwidth katakana */
	{ 0xffe5, 2 },		/* ￥ fullwidth yen */
	{ 0x1f600, 2 },		/* 😀 */
	{ 0x20000, 2 },		/* CJK extension B */
	{ 0x2028, 1 },
};

static const struct {
	const char *s;
	size_t width;
} str_widths[] = {
	{ "", 0 },
	{ "abc", 3 },
	{ "张三", 4 },
	{ "抄表员态度恶劣", 14 },
	{ "a张b", 4 },
	{ "ＡＢＣ", 6 },
	{ "２６１１", 8 },
	{ "e\xcc\x81", 1 },		/* e + combining acute */
	{ "한국", 4 },
	{ "ｱｲｳ", 3 },
	{ "「投诉」", 8 },
	{ "a\x1b[31m", 5 },		/* the ESC itself is 0 */
	{ "a\xff" "b", 3 },		/* a bad byte counts as one '?' */
	{ "\xe5\xbc", 2 },
};

void
suite_utf8(void)
{
	unsigned long cp;
	size_t i;

	for (i = 0; i < NELEM(valid_cases); i++) {
		const char *s = valid_cases[i].s;
		size_t len = valid_cases[i].len ? valid_cases[i].len :
		    strlen(s);

		CHECK(utf8_valid(s, len) == valid_cases[i].valid);
		if (utf8_valid(s, len) != valid_cases[i].valid)
			printf("#   %s\n", valid_cases[i].name);
	}
	for (i = 0; i < NELEM(cp_widths); i++) {
		CHECK(utf8_cp_width(cp_widths[i].cp) == cp_widths[i].width);
		if (utf8_cp_width(cp_widths[i].cp) != cp_widths[i].width)
			printf("#   U+%04lX\n", cp_widths[i].cp);
	}
	for (i = 0; i < NELEM(str_widths); i++) {
		CHECK(utf8_width(str_widths[i].s) == str_widths[i].width);
		if (utf8_width(str_widths[i].s) != str_widths[i].width)
			printf("#   \"%s\": %zu\n", str_widths[i].s,
			    utf8_width(str_widths[i].s));
	}
	CHECK(utf8_decode("张", 3, &cp) == 3 && cp == 0x5f20);
	CHECK(utf8_decode("\xf0\x9f\x98\x80", 4, &cp) == 4 && cp == 0x1f600);
	CHECK(utf8_decode("\xc3\xa9x", 3, &cp) == 2 && cp == 0xe9);
	CHECK(utf8_decode("A", 1, &cp) == 1 && cp == 'A');
	CHECK(utf8_decode("张", 2, &cp) == 0);
	CHECK(utf8_decode("", 0, &cp) == 0);
}
