/*
 * table.h - text tables aligned by display width.
 *
 * Cells are copied in; table_render() pads every column but the last to
 * its widest cell, counting CJK characters as two columns (utf8.h), and
 * strips control characters so that a hostile subject cannot move the
 * cursor of whoever reads the output.
 */
#ifndef PLAINT_TABLE_H
#define PLAINT_TABLE_H

#include <stddef.h>

#include "strbuf.h"

#define TABLE_MAX_COLS 16

struct table {
	size_t ncols, nrows, cap;
	char **cells;		/* nrows * ncols, row-major */
};

/*
 * For output too large to hold: measure every row first, then format
 * the rows one at a time with the widths found.
 */
struct table_layout {
	size_t ncols;
	size_t width[TABLE_MAX_COLS];
	struct strbuf scratch;
};

void table_layout_init(struct table_layout *l, size_t ncols);
void table_layout_release(struct table_layout *l);
int table_layout_measure(struct table_layout *l, const char *const *cells);
/* Append one padded row (and its newline) to out. */
int table_layout_row(struct table_layout *l, const char *const *cells,
    struct strbuf *out);

void table_init(struct table *t, size_t ncols);
void table_release(struct table *t);
/* Add one row of t->ncols cells (NULL is an empty cell). */
int table_add(struct table *t, const char *const *cells);
int table_render(const struct table *t, struct strbuf *out);

#endif
