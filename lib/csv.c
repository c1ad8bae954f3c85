#include <string.h>

#include "csv.h"

int
csv_add_bom(struct strbuf *sb)
{
	return strbuf_addstr(sb, CSV_BOM);
}

int
csv_is_formula(const char *s, size_t len)
{
	/* Byte order marks are invisible: look behind them. */
	while (len >= 3 && memcmp(s, CSV_BOM, 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (len == 0)
		return 0;
	return memchr("=+-@\t\r", *s, 6) != NULL || *s == '\0';
}

int
csv_add_celln(struct strbuf *sb, const char *s, size_t len, int first)
{
	size_t before = sb->len, i;
	int quote = 0;

	for (i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' ||
		    s[i] == '\n';
	if ((!first && strbuf_addch(sb, ',') == -1) ||
	    (quote && strbuf_addch(sb, '"') == -1) ||
	    (csv_is_formula(s, len) && strbuf_addch(sb, '\'') == -1))
		goto fail;
	for (i = 0; i < len; i++)
		if ((s[i] == '"' && strbuf_addch(sb, '"') == -1) ||
		    strbuf_addch(sb, s[i]) == -1)
			goto fail;
	if (quote && strbuf_addch(sb, '"') == -1)
		goto fail;
	return 0;
fail:
	sb->len = before;
	if (sb->buf != NULL)
		sb->buf[before] = '\0';
	return -1;
}

int
csv_add_cell(struct strbuf *sb, const char *s, int first)
{
	if (s == NULL)
		s = "";
	return csv_add_celln(sb, s, strlen(s), first);
}

int
csv_end_row(struct strbuf *sb)
{
	return strbuf_addstr(sb, "\r\n");
}

int
csv_add_row(struct strbuf *sb, const char *const *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (csv_add_cell(sb, cells[i], i == 0) == -1)
			return -1;
	return csv_end_row(sb);
}
