#include <stdlib.h>
#include <string.h>

#include "complaint.h"
#include "filter.h"
#include "workflow.h"

int
filter_looks_like(const char *s)
{
	const char *eq = strchr(s, '=');

	return eq != NULL && eq != s;
}

int
filter_parse(struct filter_set *fs, const char *s, const struct policy *p,
    struct perr *e)
{
	const char *eq = strchr(s, '=');
	struct filter f, *v;
	size_t flen;

	memset(&f, 0, sizeof(f));
	if (eq == NULL || eq == s)
		return perr_set(e, PLAINT_USAGE, "not a filter: \"%.60s\" "
		    "(use field=value or field!=value)", s);
	flen = (size_t)(eq - s);
	f.op = FILTER_EQ;
	if (eq[-1] == '!') {
		f.op = FILTER_NE;
		flen--;
	}
	if ((f.field = strndup(s, flen)) == NULL ||
	    (f.value = strdup(eq + 1)) == NULL) {
		free(f.field);
		return perr_nomem(e);
	}
	if (!complaint_field_known(p, f.field)) {
		perr_set(e, PLAINT_USAGE, "unknown field in filter");
		perr_field(e, f.field);
		free(f.field);
		free(f.value);
		return -1;
	}
	if ((v = realloc(fs->v, (fs->n + 1) * sizeof(*v))) == NULL) {
		free(f.field);
		free(f.value);
		return perr_nomem(e);
	}
	fs->v = v;
	fs->v[fs->n++] = f;
	return 0;
}

static int
match_one(const struct filter *f, const struct node *doc)
{
	const struct node *n = node_path_get(doc, f->field);
	const char *s = node_str(n);

	if (strcmp(f->field, "status") == 0 && strcmp(f->value, "open") == 0)
		return workflow_is_open(&workflow_complaint, s);
	if (*f->value == '\0')
		return n == NULL || (s != NULL && node_kind(n) == KIND_NULL);
	if (s == NULL)
		return 0;
	if (node_kind(n) == KIND_BOOL) {
		int b, want;

		node_bool(n, &b);
		want = strcmp(f->value, "yes") == 0 ||
		    strcmp(f->value, "true") == 0;
		if (want || strcmp(f->value, "no") == 0 ||
		    strcmp(f->value, "false") == 0)
			return b == want;
	}
	return strcmp(s, f->value) == 0;
}

int
filter_match(const struct filter_set *fs, const struct node *doc)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		int m = match_one(&fs->v[i], doc);

		if (fs->v[i].op == FILTER_NE ? m : !m)
			return 0;
	}
	return 1;
}

void
filter_release(struct filter_set *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].field);
		free(fs->v[i].value);
	}
	free(fs->v);
	fs->v = NULL;
	fs->n = 0;
}
