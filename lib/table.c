#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "utf8.h"

void
table_init(struct table *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols > TABLE_MAX_COLS ? TABLE_MAX_COLS : ncols;
}

void
table_release(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	table_init(t, t->ncols);
}

static char *
clean_copy(const char *s)
{
	char *c = strdup(s != NULL ? s : ""), *p;

	for (p = c; p != NULL && *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
		/* C1 controls in UTF-8 (U+0080-U+009F, e.g. CSI U+009B). */
		else if ((unsigned char)p[0] == 0xc2 &&
		    (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0x9f) {
			*p++ = ' ';
			*p = ' ';
		}
	}
	return c;
}

int
table_add(struct table *t, const char *const *cells)
{
	size_t i, base;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char **c = realloc(t->cells, cap * t->ncols * sizeof(*c));

		if (c == NULL)
			return -1;
		t->cells = c;
		t->cap = cap;
	}
	base = t->nrows * t->ncols;
	for (i = 0; i < t->ncols; i++) {
		if ((t->cells[base + i] = clean_copy(cells[i])) == NULL) {
			while (i-- > 0)
				free(t->cells[base + i]);
			return -1;
		}
	}
	t->nrows++;
	return 0;
}

int
table_render(const struct table *t, struct strbuf *out)
{
	size_t width[TABLE_MAX_COLS] = { 0 }, r, c, w;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++)
			if ((w = utf8_width(t->cells[r * t->ncols + c])) >
			    width[c])
				width[c] = w;
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const char *cell = t->cells[r * t->ncols + c];

			if (strbuf_addstr(out, cell) == -1)
				return -1;
			if (c + 1 == t->ncols)
				break;
			for (w = utf8_width(cell); w < width[c] + 2; w++)
				if (strbuf_addch(out, ' ') == -1)
					return -1;
		}
		if (strbuf_addch(out, '\n') == -1)
			return -1;
	}
	return 0;
}
