/*
 * json.h - a node tree as JSON (RFC 8259), keys in file order.
 *
 * Plain scalars keep their YAML type (null, true/false, numbers); quoted
 * ones are strings.  Strings are escaped for any UTF-8, including
 * U+2028 and U+2029 which break JavaScript parsers.
 */
#ifndef PLAINT_JSON_H
#define PLAINT_JSON_H

#include "node.h"
#include "strbuf.h"

int json_add_string(struct strbuf *sb, const char *s);
/* indent < 0: one line; else pretty-printed with that many spaces. */
int json_add_node(struct strbuf *sb, const struct node *n, int indent);

#endif
