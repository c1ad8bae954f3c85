/*
 * render.h - complaints as text for people.
 *
 * render_text() is `plaint show -f text`: the fields a clerk needs, the
 * deadlines with the time left or how late (a deadline is passed when
 * now > due; the rules say which clocks have stopped or are paused), and the history.  Times are shown in the policy's zone.
 * render_list_row() gives the cells of one line of `plaint list`.
 */
#ifndef PLAINT_RENDER_H
#define PLAINT_RENDER_H

#include "node.h"
#include "policy.h"
#include "ptime.h"
#include "rules.h"
#include "strbuf.h"

#define RENDER_LIST_COLS 6

/* children: its sub-records as "2611-0002 (working), …", or NULL. */
int render_text(struct strbuf *out, const struct node *doc,
    const struct policy *p, const struct rules *r, ptime_t now,
    const char *children);
/* "2026-11-27 10:00" from a stored time; the text itself if unparsable. */
void render_time(const char *iso, int off, char *buf, size_t size);
extern const char *const render_list_header[RENDER_LIST_COLS];
/*
 * Fills cells with pointers into doc, the policy or buf (size bytes);
 * labels: status and kind by their labels, for people (else the keys,
 * for CSV).
 */
void render_list_row(const struct node *doc, const struct policy *p,
    int labels, const char *cells[RENDER_LIST_COLS], char *buf, size_t size);

#endif
