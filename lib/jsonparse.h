/*
 * jsonparse.h - read one JSON text (RFC 8259) into a node tree, fast.
 *
 * JSON is YAML, and yamlio_parse reads it too, but a JSON Lines import
 * parses one small document per line, a hundred thousand times: this
 * reader does it without libyaml's per-document set-up.  It gives the
 * tree yamlio_parse would give (strings quoted, numbers, true, false
 * and null plain, collections in flow style, 1-based line and column in
 * characters) and keeps yamlio's limits: size, depth, scalar length,
 * number of keys and nodes, no duplicate keys, valid UTF-8, no NUL.  A
 * UTF-8 BOM at the start is skipped.  It reads all of JSON, also what
 * libyaml (YAML 1.1) refuses: a tab before a value, a line break between
 * a key and its ':', \ud83d\ude00 surrogate pairs.
 */
#ifndef PLAINT_JSONPARSE_H
#define PLAINT_JSONPARSE_H

#include <stddef.h>

#include "err.h"
#include "node.h"

struct node *jsonparse(const char *buf, size_t len, const char *path,
    struct perr *e);

#endif
