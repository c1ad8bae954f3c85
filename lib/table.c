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

/* Append s with control characters turned into spaces. */
static int
add_clean(struct strbuf *out, const char *s)
{
	size_t start = out->len;
	char *p;

	if (strbuf_addstr(out, s != NULL ? s : "") == -1)
		return -1;
	for (p = out->buf + start; *p != '\0'; p++) {
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
	return 0;
}

static char *
clean_copy(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	if (add_clean(&sb, s) == -1) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

void
table_layout_init(struct table_layout *l, size_t ncols)
{
	memset(l, 0, sizeof(*l));
	l->ncols = ncols > TABLE_MAX_COLS ? TABLE_MAX_COLS : ncols;
	strbuf_init(&l->scratch);
}

void
table_layout_release(struct table_layout *l)
{
	strbuf_release(&l->scratch);
}

int
table_layout_measure(struct table_layout *l, const char *const *cells)
{
	size_t c, w;

	for (c = 0; c < l->ncols; c++) {
		strbuf_reset(&l->scratch);
		if (add_clean(&l->scratch, cells[c]) == -1)
			return -1;
		if ((w = utf8_width(strbuf_str(&l->scratch))) > l->width[c])
			l->width[c] = w;
	}
	return 0;
}

int
table_layout_row(struct table_layout *l, const char *const *cells,
    struct strbuf *out)
{
	size_t c, w, start;

	for (c = 0; c < l->ncols; c++) {
		start = out->len;
		if (add_clean(out, cells[c]) == -1)
			return -1;
		if (c + 1 == l->ncols)
			break;
		for (w = utf8_width(out->buf + start); w < l->width[c] + 2; w++)
			if (strbuf_addch(out, ' ') == -1)
				return -1;
	}
	return strbuf_addch(out, '\n');
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
	struct table_layout l;
	size_t r;
	int rc = 0;

	table_layout_init(&l, t->ncols);
	for (r = 0; r < t->nrows && rc == 0; r++)
		rc = table_layout_measure(&l, (const char *const *)t->cells +
		    r * t->ncols);
	for (r = 0; r < t->nrows && rc == 0; r++)
		rc = table_layout_row(&l, (const char *const *)t->cells +
		    r * t->ncols, out);
	table_layout_release(&l);
	return rc;
}
