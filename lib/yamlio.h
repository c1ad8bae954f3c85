/*
 * yamlio.h - read and write one YAML document, safely.
 *
 * The reader turns a buffer into a node tree with libyaml's event API
 * and refuses, while streaming, what a complaint file must never hold:
 * more than YAMLIO_MAX_FILE bytes, nesting deeper than YAMLIO_MAX_DEPTH
 * (libyaml 0.2.5 has no limit of its own), scalars over
 * YAMLIO_MAX_SCALAR, more than YAMLIO_MAX_EVENTS events, anchors,
 * aliases, explicit tags, duplicate keys, several documents, invalid
 * UTF-8, UTF-16 and NUL bytes.  Errors carry path:line:column.
 *
 * The writer emits a node tree in block style through libyaml's emitter
 * (UTF-8, no line folding), quoting exactly the scalars that were quoted.
 */
#ifndef PLAINT_YAMLIO_H
#define PLAINT_YAMLIO_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "node.h"
#include "strbuf.h"

#define YAMLIO_MAX_FILE (1024 * 1024)
#define YAMLIO_MAX_DEPTH 32
#define YAMLIO_MAX_SCALAR (64 * 1024)
#define YAMLIO_MAX_EVENTS 100000
#define YAMLIO_MAX_KEYS 1024

/*
 * Parse buf (len bytes); path names it in errors.  Returns the root.
 * Text in the shape plaint writes is read by yamlfast, the rest (and
 * every error) by libyaml; both give the same tree.
 */
struct node *yamlio_parse(const char *buf, size_t len, const char *path,
    struct perr *e);
/*
 * The same for reading only: the tree may live in pool (see node.h), or
 * be malloc'd when libyaml had to read it; node_free() suits both.
 */
struct node *yamlio_parse_pool(const char *buf, size_t len,
    const char *path, struct node_pool *pool, struct perr *e);
/* The same, with libyaml alone: the reference yamlfast is held to. */
struct node *yamlio_parse_events(const char *buf, size_t len,
    const char *path, struct perr *e);
/* Read all of fp (at most YAMLIO_MAX_FILE bytes) and parse it. */
struct node *yamlio_parse_stream(FILE *fp, const char *path, struct perr *e);
/*
 * Append the YAML text of root to out.  What it writes, the reader
 * takes back: a tree or a text past any of the reader's limits is
 * refused (PLAINT_DATAERR naming the field and the limit), and then out
 * may hold part of it.
 */
int yamlio_emit(const struct node *root, struct strbuf *out, struct perr *e);
/* Is root within the reader's limits, as a text of len bytes? */
int yamlio_check_limits(const struct node *root, size_t len, struct perr *e);
/*
 * Will root, once slack more bytes are added to it, be written and read
 * back?  Emits it into scratch only when its text could come near the
 * file limit.
 */
int yamlio_fits(const struct node *root, size_t slack, struct strbuf *scratch,
    struct perr *e);

#endif
