#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "complaint.h"
#include "csv.h"
#include "export.h"
#include "json.h"
#include "utf8.h"

/* Masks */

/* The byte length of the character at s (1 for a stray byte). */
static size_t
char_len(const char *s)
{
	unsigned long cp;
	size_t n = utf8_decode(s, strlen(s), &cp);

	return n == 0 ? 1 : n;
}

static size_t
char_count(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s += char_len(s))
		n++;
	return n;
}

static int
stars(struct strbuf *out, size_t n)
{
	while (n-- > 0)
		if (strbuf_addch(out, '*') == -1)
			return -1;
	return 0;
}

int
export_mask_name(struct strbuf *out, const char *s)
{
	size_t n = char_count(s), first;

	if (n <= 1)
		return stars(out, n);
	first = char_len(s);
	return strbuf_add(out, s, first) == -1 ? -1 : stars(out, n - 1);
}

int
export_mask_phone(struct strbuf *out, const char *s)
{
	size_t n = char_count(s), i, keep_head, keep_tail;
	const char *p = s;

	if (n >= 7) {
		keep_head = 3;
		keep_tail = 4;
	} else {
		keep_head = 0;
		keep_tail = n >= 4 ? 2 : 0;
	}
	for (i = 0; i < n; i++, p += char_len(p)) {
		if (i < keep_head || i >= n - keep_tail) {
			if (strbuf_add(out, p, char_len(p)) == -1)
				return -1;
		} else if (strbuf_addch(out, '*') == -1)
			return -1;
	}
	return 0;
}

int
export_mask_address(struct strbuf *out, const char *s)
{
	const char *p, *district = NULL, *town = NULL;
	size_t n = char_count(s), keep, i;

	for (p = s; *p != '\0'; p += char_len(p)) {
		size_t l = char_len(p);

		if (district == NULL && l == 3 && (memcmp(p, "区", 3) == 0 ||
		    memcmp(p, "县", 3) == 0))
			district = p + l;
		if (town == NULL && l == 3 && (memcmp(p, "市", 3) == 0 ||
		    memcmp(p, "镇", 3) == 0))
			town = p + l;
	}
	if (district != NULL || town != NULL) {
		p = district != NULL ? district : town;
		return strbuf_add(out, s, (size_t)(p - s));
	}
	keep = n / 2 < 6 ? n / 2 : 6;
	for (i = 0, p = s; i < keep; i++)
		p += char_len(p);
	return strbuf_add(out, s, (size_t)(p - s)) == -1 ? -1 :
	    strbuf_addstr(out, "…");
}

struct secret {
	const char *orig;
	char *masked;
	char *own;	/* orig, when copied from a node masked in place */
};

#define MAX_SECRETS 16

static int
replace_str(struct node *n, struct strbuf *sb)
{
	char *s = strbuf_detach(sb);

	if (s == NULL || node_set_str(n, s) == -1)
		return -1;
	n->quoted = 1;
	return 0;
}

/* Mask 1[3-9]xxxxxxxxx standing alone: 138****0000. */
static void
mask_mobiles(char *s)
{
	size_t i = 0, run;

	while (s[i] != '\0') {
		if (!(s[i] >= '0' && s[i] <= '9')) {
			i++;
			continue;
		}
		for (run = 0; s[i + run] >= '0' && s[i + run] <= '9'; run++)
			;
		if (run == 11 && s[i] == '1' && s[i + 1] >= '3')
			memset(s + i + 3, '*', 4);
		i += run;
	}
}

/*
 * Every copy of a secret in the scalars under n (but skip) becomes its
 * mask, and so does any mobile number.
 */
static int
scrub(struct node *n, const struct secret *sec, size_t nsec,
    const struct node *skip)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (n == skip)
		return 0;
	if (n->type != NODE_SCALAR) {
		for (i = 0; i < n->n; i++)
			if (scrub(n->kids[i], sec, nsec, skip) == -1)
				return -1;
		return 0;
	}
	for (i = 0; i < nsec; i++) {
		const char *p = n->str, *hit;

		if (strstr(p, sec[i].orig) == NULL)
			continue;
		strbuf_reset(&sb);
		while ((hit = strstr(p, sec[i].orig)) != NULL) {
			if (strbuf_add(&sb, p, (size_t)(hit - p)) == -1 ||
			    strbuf_addstr(&sb, sec[i].masked) == -1)
				goto fail;
			p = hit + strlen(sec[i].orig);
		}
		if (strbuf_addstr(&sb, p) == -1 || replace_str(n, &sb) == -1)
			goto fail;
	}
	strbuf_release(&sb);
	mask_mobiles(n->str);
	return 0;
fail:
	strbuf_release(&sb);
	return -1;
}

/* The mask of the complainant's part k: name, phone, address, or ***. */
static int
mask_part(struct strbuf *sb, const char *k, const char *v)
{
	return strcmp(k, "name") == 0 ? export_mask_name(sb, v) :
	    strcmp(k, "phone") == 0 ? export_mask_phone(sb, v) :
	    strcmp(k, "address") == 0 ? export_mask_address(sb, v) :
	    strbuf_addstr(sb, "***");
}

/* Copies of a part shorter than this are left: common words. */
static size_t
copy_min(const char *k)
{
	return strcmp(k, "name") == 0 ? 2 : strcmp(k, "phone") == 0 ? 5 : 4;
}

/* One old or new value of a set event, masked where it stands. */
static int
redact_value(struct node **vp, const char *part, int old,
    struct secret *sec, size_t *nsec)
{
	struct strbuf sb = STRBUF_INIT;
	struct node *v = *vp;

	if (v->type != NODE_SCALAR) {
		node_free(v);
		return (*vp = node_new_str("***")) == NULL ? -1 : 0;
	}
	if (node_kind(v) == KIND_NULL || *v->str == '\0')
		return 0;
	if (mask_part(&sb, part, v->str) == -1)
		goto fail;
	/* An old value is no longer the complainant's: mask its copies. */
	if (old && char_count(v->str) >= copy_min(part) &&
	    *nsec < MAX_SECRETS) {
		if ((sec[*nsec].own = strdup(v->str)) == NULL ||
		    (sec[*nsec].masked = strdup(strbuf_str(&sb))) == NULL)
			goto fail;
		sec[*nsec].orig = sec[*nsec].own;
		(*nsec)++;
	}
	return replace_str(v, &sb);
fail:
	strbuf_release(&sb);
	return -1;
}

/*
 * plaint set keeps a complainant's old and new values in its event
 * (fields: {complainant.phone: {old: …, new: …}}): masked as the
 * complainant is.
 */
static int
redact_set_events(struct node *doc, struct secret *sec, size_t *nsec)
{
	const struct node *h = node_map_get(doc, "history");
	size_t i, j, k;

	for (i = 0; h != NULL && h->type == NODE_SEQ && i < h->n; i++) {
		const char *a = node_str(node_map_get(h->kids[i], "action"));
		struct node *f = node_map_get(h->kids[i], "fields");

		if (a == NULL || strcmp(a, "set") != 0 || f == NULL ||
		    f->type != NODE_MAP)
			continue;
		for (j = 0; j < f->n; j++) {
			struct node *m = f->kids[j];

			if (strncmp(f->keys[j], "complainant.", 12) != 0 ||
			    m->type != NODE_MAP)
				continue;
			for (k = 0; k < m->n; k++)
				if (redact_value(&m->kids[k], f->keys[j] + 12,
				    strcmp(m->keys[k], "old") == 0, sec,
				    nsec) == -1)
					return -1;
		}
	}
	return 0;
}

int
export_redact(struct node *doc, struct perr *e)
{
	struct node *who = node_map_get(doc, "complainant");
	struct secret sec[MAX_SECRETS];
	struct strbuf sb = STRBUF_INIT;
	size_t nsec = 0, i, min;
	int rc = -1;

	if (doc->type != NODE_MAP)
		return 0;
	memset(sec, 0, sizeof(sec));
	/* A complainant written as one value, or as a list, goes whole. */
	if (who != NULL && who->type != NODE_MAP) {
		if (who->type == NODE_SCALAR && (node_kind(who) == KIND_NULL ||
		    *who->str == '\0'))
			who = NULL;
		else if (who->type == NODE_SCALAR && char_count(who->str) >= 2) {
			sec[nsec].orig = who->str;
			if ((sec[nsec++].masked = strdup("***")) == NULL)
				goto done;
		}
	}
	for (i = 0; who != NULL && who->type == NODE_MAP && i < who->n; i++) {
		struct node *v = who->kids[i];
		const char *k = who->keys[i];

		if (v->type != NODE_SCALAR || node_kind(v) == KIND_NULL ||
		    *v->str == '\0')
			continue;
		strbuf_reset(&sb);
		if (strcmp(k, "name") == 0) {
			if (export_mask_name(&sb, v->str) == -1)
				goto done;
			min = 2;
		} else if (strcmp(k, "phone") == 0) {
			if (export_mask_phone(&sb, v->str) == -1)
				goto done;
			min = 5;
		} else if (strcmp(k, "address") == 0) {
			if (export_mask_address(&sb, v->str) == -1)
				goto done;
			min = 4;
		} else {
			if (strbuf_addstr(&sb, "***") == -1)
				goto done;
			min = 4;
		}
		/* Copies elsewhere: long enough not to mask common words. */
		if (char_count(v->str) >= min && nsec < MAX_SECRETS) {
			sec[nsec].orig = v->str;
			if ((sec[nsec].masked = strdup(strbuf_str(&sb))) ==
			    NULL)
				goto done;
			nsec++;
		}
	}
	/* The copies first: the originals are still in place. */
	if (redact_set_events(doc, sec, &nsec) == -1 ||
	    scrub(doc, sec, nsec, who) == -1)
		goto done;
	for (i = 0; who != NULL && who->type == NODE_MAP && i < who->n; i++) {
		struct node *v = who->kids[i];
		const char *k = who->keys[i];

		if (v->type != NODE_SCALAR || node_kind(v) == KIND_NULL ||
		    *v->str == '\0')
			continue;
		strbuf_reset(&sb);
		if ((strcmp(k, "name") == 0 ? export_mask_name(&sb, v->str) :
		    strcmp(k, "phone") == 0 ? export_mask_phone(&sb, v->str) :
		    strcmp(k, "address") == 0 ? export_mask_address(&sb,
		    v->str) : strbuf_addstr(&sb, "***")) == -1 ||
		    replace_str(v, &sb) == -1)
			goto done;
	}
	if (who != NULL && who->type != NODE_MAP) {
		if (complaint_set(doc, "complainant", node_new_str("***"),
		    e) == -1)
			goto done;
		who = NULL;	/* freed */
	}
	/* Lists under complainant (several phones) go whole. */
	for (i = 0; who != NULL && who->type == NODE_MAP && i < who->n; i++)
		if (who->kids[i]->type != NODE_SCALAR) {
			node_free(who->kids[i]);
			if ((who->kids[i] = node_new_str("***")) == NULL)
				goto done;
		}
	rc = 0;
done:
	for (i = 0; i < nsec; i++) {
		free(sec[i].masked);
		free(sec[i].own);
	}
	strbuf_release(&sb);
	return rc == 0 ? 0 : perr_nomem(e);
}

int
export_mask_text(const struct node *doc, const char *text,
    struct strbuf *out, struct perr *e)
{
	const struct node *who = node_map_get(doc, "complainant");
	struct node *tmp;
	int rc = -1;

	/* The text beside a copy of the complainant, masked as export -r. */
	if ((tmp = node_new_map()) == NULL ||
	    (who != NULL && node_map_set(tmp, "complainant",
	    node_dup(who)) == -1) ||
	    node_map_set(tmp, "text", node_new_str(text)) == -1) {
		node_free(tmp);
		return perr_nomem(e);
	}
	if (export_redact(tmp, e) == 0)
		rc = strbuf_addstr(out, node_str(node_map_get(tmp, "text"))) ==
		    -1 ? perr_nomem(e) : 0;
	node_free(tmp);
	return rc;
}

/* Columns */

static const char *const list_fields[] = { "penalties", "extensions",
	"history", NULL };
static const char *const complainant_parts[] = { "name", "phone",
	"address", NULL };
static const char *const resolution_parts[] = { "result", "valid", "cause",
	"responsible", "at", NULL };
static const char *const notice_parts[] = { "by", "at", NULL };

#define LAST 1000000

static int
index_of(const char *const *l, const char *s, size_t len)
{
	int i;

	for (i = 0; l[i] != NULL; i++)
		if (strlen(l[i]) == len && memcmp(l[i], s, len) == 0)
			return i;
	return -1;
}

static void
rank(const struct export_columns *c, struct export_col *col)
{
	const char *name = col->name, *dot = strchr(name, '.'), *sub;
	size_t tlen = dot ? (size_t)(dot - name) : strlen(name), slen, i;
	int k;

	col->group = 1;
	col->top = LAST;
	col->sub = -1;
	if ((k = index_of(list_fields, name, tlen)) != -1) {
		col->group = 2;
		col->top = k;
	} else if ((k = index_of(complaint_order, name, tlen)) != -1) {
		col->group = 0;
		col->top = k;
	} else
		for (i = 0; i < c->policy->nfields; i++)
			if (strlen(c->policy->fields[i].name) == tlen &&
			    memcmp(c->policy->fields[i].name, name, tlen) ==
			    0) {
				col->top = (int)i;
				break;
			}
	if (dot == NULL)
		return;
	sub = dot + 1;
	slen = strcspn(sub, ".");
	col->sub = LAST;
	if (tlen == 11 && memcmp(name, "complainant", 11) == 0)
		k = index_of(complainant_parts, sub, slen);
	else if (tlen == 10 && memcmp(name, "resolution", 10) == 0)
		k = index_of(resolution_parts, sub, slen);
	else if (tlen == 6 && memcmp(name, "notice", 6) == 0)
		k = index_of(notice_parts, sub, slen);
	else if (tlen == 3 && memcmp(name, "due", 3) == 0) {
		k = -1;
		for (i = 0; c->rules != NULL && i < c->rules->nclocks; i++)
			if (strlen(c->rules->clocks[i].name) == slen &&
			    memcmp(c->rules->clocks[i].name, sub, slen) == 0)
				k = (int)i;
	} else
		k = -1;
	if (k != -1)
		col->sub = k;
}

static int
col_cmp(const void *pa, const void *pb)
{
	const struct export_col *a = pa, *b = pb;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->top != b->top)
		return a->top < b->top ? -1 : 1;
	if (a->sub != b->sub)
		return a->sub < b->sub ? -1 : 1;
	return strcmp(a->name, b->name);
}

static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The column named name, or -1. */
static long
find_col(const struct export_columns *c, const char *name)
{
	size_t i;

	if (c->hcap == 0)
		return -1;
	for (i = hash_str(name) & (c->hcap - 1); c->hash[i] != 0;
	    i = (i + 1) & (c->hcap - 1))
		if (strcmp(c->v[c->hash[i] - 1].name, name) == 0)
			return (long)(c->hash[i] - 1);
	return -1;
}

static int
rehash(struct export_columns *c, size_t hcap)
{
	size_t *h = calloc(hcap, sizeof(*h)), i, j;

	if (h == NULL)
		return -1;
	free(c->hash);
	c->hash = h;
	c->hcap = hcap;
	for (i = 0; i < c->n; i++) {
		for (j = hash_str(c->v[i].name) & (hcap - 1); h[j] != 0;
		    j = (j + 1) & (hcap - 1))
			;
		h[j] = i + 1;
	}
	return 0;
}

static int
add_col(struct export_columns *c, const char *name)
{
	if (find_col(c, name) != -1)
		return 0;
	if (ARRAY_GROW(c->v, c->n, c->cap) == -1)
		return -1;
	memset(&c->v[c->n], 0, sizeof(c->v[c->n]));
	if ((c->v[c->n].name = strdup(name)) == NULL)
		return -1;
	rank(c, &c->v[c->n]);
	c->n++;
	return (c->n * 2 > c->hcap) ? rehash(c, c->hcap ? c->hcap * 2 :
	    128) : rehash(c, c->hcap);
}

void
export_columns_init(struct export_columns *c, const struct policy *p,
    const struct rules *r)
{
	memset(c, 0, sizeof(*c));
	c->policy = p;
	c->rules = r;
	strbuf_init(&c->path);
	strbuf_init(&c->json);
}

void
export_columns_release(struct export_columns *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].name);
	free(c->v);
	free(c->hash);
	free(c->cells);
	free(c->json_at);
	strbuf_release(&c->path);
	strbuf_release(&c->json);
	export_columns_init(c, c->policy, c->rules);
}

typedef int (*leaf_fn)(struct export_columns *, const char *,
    const struct node *);

/* Visit the leaves under map: scalars, and lists as a whole. */
static int
walk(struct export_columns *c, const struct node *map, leaf_fn fn)
{
	size_t i, len = c->path.len;

	for (i = 0; i < map->n; i++) {
		const struct node *v = map->kids[i];
		int rc;

		c->path.len = len;
		if ((len > 0 && strbuf_addch(&c->path, '.') == -1) ||
		    strbuf_addstr(&c->path, map->keys[i]) == -1)
			return -1;
		if (v->type == NODE_MAP)
			rc = walk(c, v, fn);
		else
			rc = fn(c, c->path.buf, v);
		if (rc == -1)
			return -1;
	}
	c->path.len = len;
	if (c->path.buf != NULL)
		c->path.buf[len] = '\0';
	return 0;
}

static int
leaf_add(struct export_columns *c, const char *name, const struct node *v)
{
	(void)v;
	return add_col(c, name);
}

int
export_columns_add(struct export_columns *c, const struct node *doc)
{
	if (doc->type != NODE_MAP)
		return 0;
	strbuf_reset(&c->path);
	return walk(c, doc, leaf_add);
}

int
export_columns_header(struct export_columns *c, struct strbuf *out)
{
	size_t i;

	/* id comes first even in a tree that lacks it. */
	if (find_col(c, "id") == -1 && add_col(c, "id") == -1)
		return -1;
	qsort(c->v, c->n, sizeof(*c->v), col_cmp);
	if (rehash(c, c->hcap) == -1)
		return -1;
	free(c->cells);
	free(c->json_at);
	c->cells = calloc(c->n, sizeof(*c->cells));
	c->json_at = calloc(c->n, sizeof(*c->json_at));
	if (c->cells == NULL || c->json_at == NULL)
		return -1;
	c->sorted = 1;
	for (i = 0; i < c->n; i++)
		if (csv_add_cell(out, c->v[i].name, i == 0) == -1)
			return -1;
	return csv_end_row(out);
}

#define NOT_JSON ((size_t)-1)

/* A list field of the policy, or the people responsible, of plain
 * entries: "a,b" in one cell. */
static int
is_list_field(const struct policy *p, const char *name, const struct node *v)
{
	const struct policy_field *f = policy_field(p, name);
	size_t i;

	if (v->type != NODE_SEQ || ((f == NULL || f->type != FIELD_LIST) &&
	    strcmp(name, "resolution.responsible") != 0))
		return 0;
	for (i = 0; i < v->n; i++)
		if (node_str(v->kids[i]) == NULL ||
		    strchr(node_str(v->kids[i]), ',') != NULL)
			return 0;
	return 1;
}

static int
join_list(struct strbuf *sb, const struct node *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if ((i > 0 && strbuf_addch(sb, ',') == -1) ||
		    strbuf_addstr(sb, node_str(v->kids[i])) == -1)
			return -1;
	return strbuf_add(sb, "", 1);
}

static int
leaf_cell(struct export_columns *c, const char *name, const struct node *v)
{
	long k = find_col(c, name);

	if (k == -1) {
		c->unknown++;
		return 0;
	}
	if (v->type == NODE_SCALAR) {
		c->cells[k] = node_kind(v) == KIND_NULL ? "" : v->str;
		return 0;
	}
	c->json_at[k] = c->json.len;
	if (is_list_field(c->policy, name, v))
		return join_list(&c->json, v);
	return json_add_node(&c->json, v, -1) == -1 ||
	    strbuf_add(&c->json, "", 1) == -1 ? -1 : 0;
}

int
export_columns_row(struct export_columns *c, const struct node *doc,
    struct strbuf *out)
{
	size_t i;

	if (!c->sorted || doc->type != NODE_MAP)
		return 0;
	for (i = 0; i < c->n; i++) {
		c->cells[i] = NULL;
		c->json_at[i] = NOT_JSON;
	}
	strbuf_reset(&c->json);
	strbuf_reset(&c->path);
	if (walk(c, doc, leaf_cell) == -1)
		return -1;
	for (i = 0; i < c->n; i++) {
		if (c->json_at[i] != NOT_JSON)
			c->cells[i] = c->json.buf + c->json_at[i];
		if (csv_add_cell(out, c->cells[i], i == 0) == -1)
			return -1;
	}
	return csv_end_row(out);
}
