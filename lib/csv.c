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

/* Reading */

int
csv_record_extent(const char *b, size_t len, size_t off, size_t *end,
    size_t *next, int *lines)
{
	int quoted = 0;
	size_t i;

	*lines = 1;
	for (i = off; i < len; i++) {
		if (b[i] == '"')
			quoted = !quoted;	/* "" toggles twice */
		else if (b[i] == '\n') {
			if (!quoted)
				break;
			(*lines)++;
		}
	}
	*end = i;
	*next = i < len ? i + 1 : len;
	if (*end > off && b[*end - 1] == '\r' && !quoted)
		(*end)--;
	return quoted ? -1 : 0;
}

int
csv_split(const char *b, size_t off, size_t end, struct strbuf *out,
    size_t *cell, size_t *ncells, struct perr *e)
{
	return csv_split_sep(b, off, end, ',', out, cell, ncells, e);
}

/*
 * The separator of a file, from its header line b[off, end): the one of
 * comma, semicolon and TAB found most often outside quotes; on a tie
 * the first of them in that order, so a header of one column is CSV.
 */
int
csv_sniff_sep(const char *b, size_t off, size_t end)
{
	static const char seps[] = ",;\t";
	size_t count[3] = { 0, 0, 0 }, i;
	const char *s;
	int quoted = 0, best = 0, k;

	for (i = off; i < end; i++) {
		if (b[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s = memchr(seps, b[i], 3)) != NULL)
			count[s - seps]++;
	}
	for (k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return seps[best];
}

int
csv_split_sep(const char *b, size_t off, size_t end, int sep,
    struct strbuf *out, size_t *cell, size_t *ncells, struct perr *e)
{
	size_t i = off;

	strbuf_reset(out);
	*ncells = 0;
	for (;;) {
		if (*ncells == CSV_MAX_COLS)
			return perr_set(e, PLAINT_DATAERR, "more than %d "
			    "columns", CSV_MAX_COLS);
		cell[(*ncells)++] = out->len;
		if (i < end && b[i] == '"') {
			for (i++;; i++) {
				if (i >= end)
					return perr_set(e, PLAINT_DATAERR,
					    "a quoted field is not closed");
				if (b[i] == '"') {
					if (i + 1 < end && b[i + 1] == '"') {
						i++;
					} else
						break;
				} else if (b[i] == '\r' && i + 1 < end &&
				    b[i + 1] == '\n')
					continue;
				if (strbuf_addch(out, b[i]) == -1)
					return perr_nomem(e);
			}
			i++;
			if (i < end && b[i] != sep)
				return perr_set(e, PLAINT_DATAERR, "text after "
				    "the closing quote of field %zu", *ncells);
		} else {
			size_t s = i;

			while (i < end && b[i] != sep)
				i++;
			if (memchr(b + s, '"', i - s) != NULL)
				return perr_set(e, PLAINT_DATAERR, "a quote "
				    "inside unquoted field %zu (quote the "
				    "whole field and double the quote)",
				    *ncells);
			if (strbuf_add(out, b + s, i - s) == -1)
				return perr_nomem(e);
		}
		if (strbuf_addch(out, '\0') == -1)
			return perr_nomem(e);
		if (memchr(out->buf + cell[*ncells - 1], '\0', out->len - 1 -
		    cell[*ncells - 1]) != NULL)
			return perr_set(e, PLAINT_DATAERR, "NUL byte in "
			    "field %zu", *ncells);
		if (i >= end)
			return 0;
		i++;	/* the separator */
	}
}
