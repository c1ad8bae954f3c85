#include <stdarg.h>
#include <string.h>
#include <yaml.h>

#include "yamlfast.h"
#include "yamlio.h"

struct reader {
	yaml_parser_t parser;
	const char *path;
	struct perr *e;
	long events;
	int depth;
};

static int
fail_at(struct reader *r, const yaml_mark_t *m, const char *msg)
{
	perr_set(r->e, PLAINT_DATAERR, "%s", msg);
	perr_at(r->e, r->path, (int)m->line + 1, (int)m->column + 1);
	return -1;
}

static int
parser_failed(struct reader *r)
{
	yaml_parser_t *p = &r->parser;
	char msg[300];

	if (p->error == YAML_MEMORY_ERROR)
		return perr_nomem(r->e);
	if (p->context != NULL)
		snprintf(msg, sizeof(msg), "%s %s", p->problem ? p->problem :
		    "syntax error", p->context);
	else
		snprintf(msg, sizeof(msg), "%s", p->problem ? p->problem :
		    "syntax error");
	if (p->error == YAML_READER_ERROR) {
		/* The reader reports a byte offset, not a line. */
		perr_set(r->e, PLAINT_DATAERR, "%s at byte %lu", msg,
		    (unsigned long)p->problem_offset);
		perr_at(r->e, r->path, 0, 0);
		return -1;
	}
	return fail_at(r, &p->problem_mark, msg);
}

static int
next_event(struct reader *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev))
		return parser_failed(r);
	if (++r->events > YAMLIO_MAX_EVENTS) {
		yaml_event_delete(ev);
		return fail_at(r, &r->parser.mark, "too many YAML events");
	}
	return 0;
}

static int
check_event(struct reader *r, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;

	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return fail_at(r, &ev->start_mark,
		    "YAML aliases are not allowed");
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		if (ev->data.scalar.length > YAMLIO_MAX_SCALAR)
			return fail_at(r, &ev->start_mark,
			    "value longer than 64 KiB");
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	default:
		break;
	}
	if (anchor != NULL)
		return fail_at(r, &ev->start_mark,
		    "YAML anchors are not allowed");
	if (tag != NULL)
		return fail_at(r, &ev->start_mark, "YAML tags are not allowed");
	return 0;
}

static struct node *parse_node(struct reader *r, yaml_event_t *ev);

static struct node *
parse_collection(struct reader *r, yaml_event_t *start)
{
	int is_map = start->type == YAML_MAPPING_START_EVENT;
	struct node *n = is_map ? node_new_map() : node_new_seq();
	yaml_event_t ev;
	char *key = NULL;

	if (n == NULL) {
		perr_nomem(r->e);
		return NULL;
	}
	n->line = (int)start->start_mark.line + 1;
	n->col = (int)start->start_mark.column + 1;
	n->flow = is_map ? start->data.mapping_start.style ==
	    YAML_FLOW_MAPPING_STYLE : start->data.sequence_start.style ==
	    YAML_FLOW_SEQUENCE_STYLE;
	if (++r->depth > YAMLIO_MAX_DEPTH) {
		fail_at(r, &start->start_mark, "nesting deeper than 32 levels");
		goto fail;
	}
	for (;;) {
		struct node *kid;

		if (next_event(r, &ev) == -1)
			goto fail;
		if (ev.type == YAML_MAPPING_END_EVENT ||
		    ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (is_map && key == NULL) {
			if (check_event(r, &ev) == -1 ||
			    ev.type != YAML_SCALAR_EVENT) {
				if (r->e->code == 0)
					fail_at(r, &ev.start_mark,
					    "mapping keys must be scalars");
				yaml_event_delete(&ev);
				goto fail;
			}
			key = strdup((char *)ev.data.scalar.value);
			if (key == NULL) {
				yaml_event_delete(&ev);
				perr_nomem(r->e);
				goto fail;
			}
			if (node_map_get(n, key) != NULL) {
				char msg[200];

				snprintf(msg, sizeof(msg),
				    "duplicate key \"%.100s\"", key);
				fail_at(r, &ev.start_mark, msg);
				yaml_event_delete(&ev);
				goto fail;
			}
			if (n->n >= YAMLIO_MAX_KEYS) {
				fail_at(r, &ev.start_mark,
				    "too many keys in one mapping");
				yaml_event_delete(&ev);
				goto fail;
			}
			yaml_event_delete(&ev);
			continue;
		}
		kid = parse_node(r, &ev);
		yaml_event_delete(&ev);
		if (kid == NULL)
			goto fail;
		if (is_map) {
			int rc = node_map_set(n, key, kid);

			free(key);
			key = NULL;
			if (rc == -1) {
				perr_nomem(r->e);
				goto fail;
			}
		} else if (node_seq_push(n, kid) == -1) {
			perr_nomem(r->e);
			goto fail;
		}
	}
	r->depth--;
	return n;
fail:
	free(key);
	node_free(n);
	return NULL;
}

static struct node *
parse_node(struct reader *r, yaml_event_t *ev)
{
	struct node *n;

	if (check_event(r, ev) == -1)
		return NULL;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = node_new_scalar((char *)ev->data.scalar.value,
		    ev->data.scalar.length,
		    ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE);
		if (n == NULL) {
			perr_nomem(r->e);
			return NULL;
		}
		if (memchr(n->str, '\0', ev->data.scalar.length) != NULL) {
			node_free(n);
			fail_at(r, &ev->start_mark, "NUL character in a value");
			return NULL;
		}
		n->line = (int)ev->start_mark.line + 1;
		n->col = (int)ev->start_mark.column + 1;
		return n;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		return parse_collection(r, ev);
	default:
		fail_at(r, &ev->start_mark, "unexpected YAML event");
		return NULL;
	}
}

static int
expect(struct reader *r, yaml_event_type_t type, const char *msg)
{
	yaml_event_t ev;
	int ok;

	if (next_event(r, &ev) == -1)
		return -1;
	ok = ev.type == type;
	if (!ok)
		fail_at(r, &ev.start_mark, msg);
	yaml_event_delete(&ev);
	return ok ? 0 : -1;
}

static int
check_bytes(const char *buf, size_t len, const char *path, struct perr *e)
{
	const unsigned char *u = (const unsigned char *)buf;

	if (len > YAMLIO_MAX_FILE) {
		perr_set(e, PLAINT_DATAERR, "file larger than 1 MiB");
		perr_at(e, path, 0, 0);
		return -1;
	}
	if (len >= 4 && ((memcmp(u, "\xff\xfe\0\0", 4) == 0) ||
	    memcmp(u, "\0\0\xfe\xff", 4) == 0)) {
		perr_set(e, PLAINT_DATAERR, "UTF-32 is not accepted, use UTF-8");
		perr_at(e, path, 1, 1);
		return -1;
	}
	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) {
		perr_set(e, PLAINT_DATAERR, "UTF-16 is not accepted, use UTF-8");
		perr_at(e, path, 1, 1);
		return -1;
	}
	if (memchr(buf, '\0', len) != NULL) {
		perr_set(e, PLAINT_DATAERR, "NUL byte in file");
		perr_at(e, path, 0, 0);
		return -1;
	}
	return 0;
}

static struct node *
parse_events(const char *buf, size_t len, const char *path, struct perr *e)
{
	struct reader r;
	struct node *root = NULL;
	yaml_event_t ev;

	memset(&r, 0, sizeof(r));
	r.path = path;
	r.e = e;
	if (!yaml_parser_initialize(&r.parser)) {
		perr_nomem(e);
		return NULL;
	}
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	if (expect(&r, YAML_STREAM_START_EVENT, "not a YAML stream") == -1)
		goto done;
	if (next_event(&r, &ev) == -1)
		goto done;
	if (ev.type != YAML_DOCUMENT_START_EVENT) {
		fail_at(&r, &ev.start_mark, "empty document");
		yaml_event_delete(&ev);
		goto done;
	}
	yaml_event_delete(&ev);
	if (next_event(&r, &ev) == -1)
		goto done;
	root = parse_node(&r, &ev);
	yaml_event_delete(&ev);
	if (root == NULL)
		goto done;
	if (expect(&r, YAML_DOCUMENT_END_EVENT, "unexpected content") == -1 ||
	    expect(&r, YAML_STREAM_END_EVENT,
	    "more than one YAML document") == -1) {
		node_free(root);
		root = NULL;
	}
done:
	yaml_parser_delete(&r.parser);
	return root;
}

static int
skip_bom(const char **buf, size_t *len, const char *path, struct perr *e)
{
	if (check_bytes(*buf, *len, path, e) == -1)
		return -1;
	/* Windows editors start UTF-8 with a BOM; it is not content. */
	if (*len >= 3 && memcmp(*buf, "\xef\xbb\xbf", 3) == 0) {
		*buf += 3;
		*len -= 3;
	}
	return 0;
}

struct node *
yamlio_parse_pool(const char *buf, size_t len, const char *path,
    struct node_pool *pool, struct perr *e)
{
	struct node *root;

	if (skip_bom(&buf, &len, path, e) == -1)
		return NULL;
	if ((root = yamlfast_parse(buf, len, pool)) != NULL)
		return root;
	return parse_events(buf, len, path, e);
}

struct node *
yamlio_parse(const char *buf, size_t len, const char *path, struct perr *e)
{
	return yamlio_parse_pool(buf, len, path, NULL, e);
}

struct node *
yamlio_parse_events(const char *buf, size_t len, const char *path,
    struct perr *e)
{
	if (skip_bom(&buf, &len, path, e) == -1)
		return NULL;
	return parse_events(buf, len, path, e);
}

struct node *
yamlio_parse_stream(FILE *fp, const char *path, struct perr *e)
{
	struct strbuf sb = STRBUF_INIT;
	struct node *root = NULL;
	char chunk[8192];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (sb.len + n > YAMLIO_MAX_FILE) {
			perr_set(e, PLAINT_DATAERR, "input larger than 1 MiB");
			perr_at(e, path, 0, 0);
			goto done;
		}
		if (strbuf_add(&sb, chunk, n) == -1) {
			perr_nomem(e);
			goto done;
		}
	}
	if (ferror(fp)) {
		perr_set(e, PLAINT_IOERR, "read error");
		perr_at(e, path, 0, 0);
		goto done;
	}
	root = yamlio_parse(strbuf_str(&sb), sb.len, path, e);
done:
	strbuf_release(&sb);
	return root;
}

/* Writer */

static int
write_handler(void *data, unsigned char *buf, size_t size)
{
	return strbuf_add(data, buf, size) == 0;
}

static int
emit(yaml_emitter_t *em, yaml_event_t *ev, struct perr *e)
{
	/* The emitter owns ev from here on, also when it fails. */
	if (yaml_emitter_emit(em, ev))
		return 0;
	if (em->error == YAML_MEMORY_ERROR || em->error == YAML_WRITER_ERROR)
		return perr_nomem(e);
	return perr_set(e, PLAINT_SOFTWARE, "cannot write YAML: %s",
	    em->problem ? em->problem : "emitter error");
}

static int
emit_scalar(yaml_emitter_t *em, const char *s, int quoted, struct perr *e)
{
	yaml_event_t ev;
	yaml_scalar_style_t style = quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE :
	    YAML_PLAIN_SCALAR_STYLE;

	if (!yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)s, (int)strlen(s), 1, 1, style))
		return perr_nomem(e);
	return emit(em, &ev, e);
}

static int
emit_node(yaml_emitter_t *em, const struct node *n, int in_flow,
    struct perr *e)
{
	yaml_event_t ev;
	size_t i;
	int ok;

	/*
	 * An empty plain scalar is null; in a flow collection libyaml can
	 * write it only as '' (a string), so it is written as null there.
	 */
	if (n->type == NODE_SCALAR)
		return emit_scalar(em, in_flow && !n->quoted && n->str[0] ==
		    '\0' ? "null" : n->str, n->quoted, e);
	in_flow |= n->flow;
	if (n->type == NODE_MAP)
		ok = yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    n->flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	else
		ok = yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    n->flow ? YAML_FLOW_SEQUENCE_STYLE :
		    YAML_BLOCK_SEQUENCE_STYLE);
	if (!ok)
		return perr_nomem(e);
	if (emit(em, &ev, e) == -1)
		return -1;
	for (i = 0; i < n->n; i++) {
		if (n->type == NODE_MAP &&
		    emit_scalar(em, n->keys[i], 0, e) == -1)
			return -1;
		if (emit_node(em, n->kids[i], in_flow, e) == -1)
			return -1;
	}
	if (n->type == NODE_MAP)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	return emit(em, &ev, e);
}

/*
 * The reader's limits, held to a tree about to be written.  The walk
 * keeps where it is (up, at) and spells the dotted name of the field
 * (history.18.note) only for the message.
 */
struct limits {
	size_t events;
	size_t bound;		/* the most bytes the text can take */
	struct perr *e;
	const struct node *up[YAMLIO_MAX_DEPTH + 1];
	size_t at[YAMLIO_MAX_DEPTH + 1];
};

static int too_big(struct limits *, int, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static int
too_big(struct limits *l, int depth, const char *fmt, ...)
{
	char path[128];
	size_t len = 0;
	va_list ap;
	int k, w;

	if (l->e->code == 0) {
		l->e->code = PLAINT_DATAERR;
		va_start(ap, fmt);
		vsnprintf(l->e->msg, sizeof(l->e->msg), fmt, ap);
		va_end(ap);
	}
	path[0] = '\0';
	for (k = 0; k < depth && len < sizeof(path); k++) {
		if (l->up[k]->type == NODE_MAP)
			w = snprintf(path + len, sizeof(path) - len, "%s%s",
			    k ? "." : "", l->up[k]->keys[l->at[k]]);
		else
			w = snprintf(path + len, sizeof(path) - len, "%s%zu",
			    k ? "." : "", l->at[k] + 1);
		if (w < 0)
			break;
		len += (size_t)w;
	}
	perr_field(l->e, path[0] != '\0' ? path : "the record");
	return -1;
}

static int
check_node(struct limits *l, const struct node *n, int depth)
{
	size_t i, len;

	/* Every byte escaped (\uXXXX for 3), and room for indentation. */
	l->events += n->type == NODE_SCALAR ? 1 : 2;
	l->bound += 80;
	if (n->type == NODE_SCALAR) {
		l->bound += 6 * (len = strlen(n->str));
		if (len > YAMLIO_MAX_SCALAR)
			return too_big(l, depth, "a value of %zu bytes is over "
			    "the 64 KiB a field may hold: keep long text in a "
			    "file of its own and note where it is", len);
		return 0;
	}
	if (depth + 1 > YAMLIO_MAX_DEPTH)
		return too_big(l, depth, "nesting deeper than %d levels",
		    YAMLIO_MAX_DEPTH);
	if (n->type == NODE_MAP && n->n > YAMLIO_MAX_KEYS)
		return too_big(l, depth, "more than %d keys in one mapping",
		    YAMLIO_MAX_KEYS);
	l->up[depth] = n;
	for (i = 0; i < n->n; i++) {
		l->at[depth] = i;
		if (n->type == NODE_MAP) {
			l->events++;
			l->bound += 80 + 6 * (len = strlen(n->keys[i]));
			if (len > YAMLIO_MAX_SCALAR)
				return too_big(l, depth, "a key of %zu bytes",
				    len);
		}
		if (check_node(l, n->kids[i], depth + 1) == -1)
			return -1;
	}
	if (l->events > YAMLIO_MAX_EVENTS)
		return too_big(l, depth, "more than %d values in one record",
		    YAMLIO_MAX_EVENTS);
	return 0;
}

/* The walk of root; *bound (may be NULL) is the most its text can take. */
static int
check_tree(const struct node *root, size_t *bound, struct perr *e)
{
	struct limits l;

	l.events = 4;	/* stream and document events */
	l.bound = 0;
	l.e = e;
	if (check_node(&l, root, 0) == -1)
		return -1;
	if (bound != NULL)
		*bound = l.bound;
	return 0;
}

int
yamlio_check_limits(const struct node *root, size_t len, struct perr *e)
{
	if (check_tree(root, NULL, e) == -1)
		return -1;
	if (len > YAMLIO_MAX_FILE) {
		perr_set(e, PLAINT_DATAERR, "the record would be %zu bytes, "
		    "over the 1 MiB a file may hold: keep long text in a file "
		    "of its own and note where it is", len);
		return -1;
	}
	return 0;
}

int
yamlio_fits(const struct node *root, size_t slack, struct strbuf *scratch,
    struct perr *e)
{
	size_t bound;

	if (check_tree(root, &bound, e) == -1)
		return -1;
	if (bound + slack <= YAMLIO_MAX_FILE)
		return 0;
	/* Near the limit: only the text itself can tell. */
	strbuf_reset(scratch);
	if (yamlio_emit(root, scratch, e) == -1)
		return -1;
	return yamlio_check_limits(root, scratch->len + slack, e);
}

int
yamlio_emit(const struct node *root, struct strbuf *out, struct perr *e)
{
	yaml_emitter_t em;
	yaml_event_t ev;
	size_t start = out->len;
	int rc = -1;

	if (!yaml_emitter_initialize(&em))
		return perr_nomem(e);
	yaml_emitter_set_output(&em, write_handler, out);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	if (emit(&em, &ev, e) == -1)
		goto done;
	/*
	 * An empty plain scalar alone would be written as nothing, which
	 * the reader refuses as an empty document: mark where it starts.
	 */
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL,
	    !(root->type == NODE_SCALAR && !root->quoted && *root->str == '\0'));
	if (emit(&em, &ev, e) == -1 || emit_node(&em, root, 0, e) == -1)
		goto done;
	yaml_document_end_event_initialize(&ev, 1);
	if (emit(&em, &ev, e) == -1)
		goto done;
	yaml_stream_end_event_initialize(&ev);
	if (emit(&em, &ev, e) == -1 || !yaml_emitter_flush(&em))
		goto done;
	/* Escapes can make the text longer than what it holds. */
	rc = yamlio_check_limits(root, out->len - start, e);
done:
	yaml_emitter_delete(&em);
	return rc;
}
