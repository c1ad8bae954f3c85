#include <string.h>

#include "json.h"

int
json_add_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int rc = strbuf_addch(sb, '"');

	for (; rc == 0 && *p != '\0'; p++) {
		switch (*p) {
		case '"':
			rc = strbuf_addstr(sb, "\\\"");
			break;
		case '\\':
			rc = strbuf_addstr(sb, "\\\\");
			break;
		case '\n':
			rc = strbuf_addstr(sb, "\\n");
			break;
		case '\r':
			rc = strbuf_addstr(sb, "\\r");
			break;
		case '\t':
			rc = strbuf_addstr(sb, "\\t");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				rc = strbuf_addf(sb, "\\u%04x", *p);
			else if (p[0] == 0xe2 && p[1] == 0x80 &&
			    (p[2] == 0xa8 || p[2] == 0xa9)) {
				rc = strbuf_addf(sb, "\\u%04x",
				    p[2] == 0xa8 ? 0x2028 : 0x2029);
				p += 2;
			} else
				rc = strbuf_addch(sb, *p);
		}
	}
	return rc == 0 ? strbuf_addch(sb, '"') : -1;
}

/* RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
is_json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		if (!(*++s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		if (*++s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

static int
add_scalar(struct strbuf *sb, const struct node *n)
{
	int b;

	switch (node_kind(n)) {
	case KIND_NULL:
		return strbuf_addstr(sb, "null");
	case KIND_BOOL:
		node_bool(n, &b);
		return strbuf_addstr(sb, b ? "true" : "false");
	case KIND_INT:
	case KIND_FLOAT:
		/* No '+', leading zeros, "1." or ".5": those are strings. */
		if (is_json_number(n->str))
			return strbuf_addstr(sb, n->str);
		/* FALLTHROUGH */
	case KIND_STR:
		break;
	}
	return json_add_string(sb, n->str);
}

static int
newline(struct strbuf *sb, int indent, int depth)
{
	int i;

	if (indent < 0)
		return 0;
	if (strbuf_addch(sb, '\n') == -1)
		return -1;
	for (i = 0; i < indent * depth; i++)
		if (strbuf_addch(sb, ' ') == -1)
			return -1;
	return 0;
}

static int
add_node(struct strbuf *sb, const struct node *n, int indent, int depth)
{
	int is_map = n->type == NODE_MAP;
	size_t i;

	if (n->type == NODE_SCALAR)
		return add_scalar(sb, n);
	if (strbuf_addch(sb, is_map ? '{' : '[') == -1)
		return -1;
	for (i = 0; i < n->n; i++) {
		if ((i > 0 && strbuf_addch(sb, ',') == -1) ||
		    newline(sb, indent, depth + 1) == -1)
			return -1;
		if (is_map && (json_add_string(sb, n->keys[i]) == -1 ||
		    strbuf_addstr(sb, indent < 0 ? ":" : ": ") == -1))
			return -1;
		if (add_node(sb, n->kids[i], indent, depth + 1) == -1)
			return -1;
	}
	if (n->n > 0 && newline(sb, indent, depth) == -1)
		return -1;
	return strbuf_addch(sb, is_map ? '}' : ']');
}

int
json_add_node(struct strbuf *sb, const struct node *n, int indent)
{
	return add_node(sb, n, indent, 0);
}
