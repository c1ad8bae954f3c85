/*
 * csv.h - CSV for spreadsheets and scripts: RFC 4180, UTF-8.
 *
 * Cells are separated by commas and rows end with CRLF.  A cell that
 * holds a comma, a double quote, CR or LF is quoted, its quotes
 * doubled.  A cell that a spreadsheet would read as a formula (OWASP
 * "CSV injection"): one starting with = + - @, TAB, CR or NUL, also
 * after byte order marks (U+FEFF), gets a leading ' so that it is shown
 * as text.  csv_add_bom() writes the byte order mark Excel needs to
 * read UTF-8 (Chinese) correctly; put it first in the output, once.
 *
 * All functions append to a strbuf and return -1 only when memory runs
 * out.
 */
#ifndef PLAINT_CSV_H
#define PLAINT_CSV_H

#include <stddef.h>

#include "strbuf.h"

#define CSV_BOM "\xef\xbb\xbf"

int csv_add_bom(struct strbuf *sb);
/* One cell of len bytes (it may hold NUL); first: no comma before it. */
int csv_add_celln(struct strbuf *sb, const char *s, size_t len, int first);
/* One cell; NULL is an empty cell. */
int csv_add_cell(struct strbuf *sb, const char *s, int first);
int csv_end_row(struct strbuf *sb);
/* A whole row of n cells (NULL ones empty), CRLF included. */
int csv_add_row(struct strbuf *sb, const char *const *cells, size_t n);
/* Would a spreadsheet take this cell for a formula? */
int csv_is_formula(const char *s, size_t len);

#endif
