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

/* Parse buf (len bytes); path names it in errors.  Returns the root. */
struct node *yamlio_parse(const char *buf, size_t len, const char *path,
    struct perr *e);
/* Read all of fp (at most YAMLIO_MAX_FILE bytes) and parse it. */
struct node *yamlio_parse_stream(FILE *fp, const char *path, struct perr *e);
/* Append the YAML text of root to out. */
int yamlio_emit(const struct node *root, struct strbuf *out, struct perr *e);

#endif
