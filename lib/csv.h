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

#include "err.h"
#include "strbuf.h"

#define CSV_BOM "\xef\xbb\xbf"
#define CSV_MAX_COLS 256

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

/*
 * Reading.  csv_record_extent finds where the record at off in b[0, len)
 * ends (*end, before its line break) and the next begins (*next); *lines
 * counts the lines it spans.  -1 when a quoted cell is never closed.
 * csv_split cuts the record b[off, end) into NUL-terminated cells in
 * out, cell[i] the offset of cell i (cell has CSV_MAX_COLS room); a
 * quoted cell may hold commas, line breaks and doubled quotes, and CRLF
 * in it becomes LF.  -1 (PLAINT_DATAERR) for a stray quote, an unclosed
 * one, a NUL byte or more than CSV_MAX_COLS cells.
 */
int csv_record_extent(const char *b, size_t len, size_t off, size_t *end,
    size_t *next, int *lines);
int csv_split(const char *b, size_t off, size_t end, struct strbuf *out,
    size_t *cell, size_t *ncells, struct perr *e);
/* The same with cells separated by sep (',', ';' or TAB). */
int csv_split_sep(const char *b, size_t off, size_t end, int sep,
    struct strbuf *out, size_t *cell, size_t *ncells, struct perr *e);
/* The separator a header line b[off, end) uses (see csv.c). */
int csv_sniff_sep(const char *b, size_t off, size_t end);

#endif
