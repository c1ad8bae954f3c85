/*
 * filter.h - select complaints by field: "field=value", "field!=value".
 *
 * Fields may be dotted (complainant.name=张三).  "status=open" matches
 * the workflow's open states; an empty value (assignee=) matches a field
 * that is absent.  filter_parse() refuses (PLAINT_USAGE) fields a
 * complaint cannot have, naming them.  Parsed filters borrow nothing.
 */
#ifndef PLAINT_FILTER_H
#define PLAINT_FILTER_H

#include "err.h"
#include "node.h"
#include "policy.h"

enum filter_op { FILTER_EQ, FILTER_NE };

struct filter {
	char *field;
	char *value;
	enum filter_op op;
};

struct filter_set {
	struct filter *v;
	size_t n;
};

/* Does s look like a filter (has '=' after a field name)? */
int filter_looks_like(const char *s);
int filter_parse(struct filter_set *fs, const char *s,
    const struct policy *p, struct perr *e);
int filter_match(const struct filter_set *fs, const struct node *doc);
void filter_release(struct filter_set *fs);

#endif
