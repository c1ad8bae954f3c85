/*
 * The CSV reader: every record splits or is refused with 65; the cells
 * of one that splits, written back by the writer and read again, are
 * the same cells (a cell a spreadsheet would take for a formula comes
 * back with the ' the writer puts before it, and CRLF in a cell as LF).
 */
#include <string.h>

#include "../../lib/csv.h"
#include "fuzz.h"

/*
 * The reader turns CRLF in a quoted cell into LF, so a cell that held
 * CR CR LF comes back as CR LF: b is a with each CRLF made LF.
 */
static int
same_cell(const char *a, const char *b)
{
	for (; *a != '\0'; a++, b++) {
		if (a[0] == '\r' && a[1] == '\n')
			a++;
		if (*a != *b)
			return 0;
	}
	return *b == '\0';
}

static void
one_record(const char *b, size_t off, size_t end)
{
	struct strbuf cells = STRBUF_INIT, row = STRBUF_INIT;
	struct strbuf again = STRBUF_INIT;
	size_t cell[CSV_MAX_COLS], cell2[CSV_MAX_COLS], n, n2, i;
	size_t rend, rnext;
	int lines;
	struct perr e;

	perr_clear(&e);
	if (csv_split(b, off, end, &cells, cell, &n, &e) == -1) {
		FUZZ_ASSERT(e.code == PLAINT_DATAERR);
		goto done;
	}
	for (i = 0; i < n; i++)
		FUZZ_ASSERT(csv_add_cell(&row, cells.buf + cell[i],
		    i == 0) == 0);
	FUZZ_ASSERT(csv_end_row(&row) == 0);
	FUZZ_ASSERT(csv_record_extent(row.buf, row.len, 0, &rend, &rnext,
	    &lines) == 0);
	FUZZ_ASSERT(rnext == row.len);
	FUZZ_ASSERT(csv_split(row.buf, 0, rend, &again, cell2, &n2,
	    &e) == 0);
	FUZZ_ASSERT(n2 == n);
	for (i = 0; i < n; i++) {
		const char *a = cells.buf + cell[i], *c = again.buf + cell2[i];

		if (csv_is_formula(a, strlen(a)))
			FUZZ_ASSERT(*c++ == '\'');
		FUZZ_ASSERT(same_cell(a, c));
	}
done:
	strbuf_release(&cells);
	strbuf_release(&row);
	strbuf_release(&again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *b = (const char *)data;
	size_t off = 0, end, next;
	int lines;

	while (off < size) {
		int bad = csv_record_extent(b, size, off, &end, &next, &lines);

		FUZZ_ASSERT(next > off && next <= size && end <= next);
		FUZZ_ASSERT(lines >= 1);
		one_record(b, off, bad ? size : end);
		off = next;
	}
	return 0;
}
