/*
 * policy.h - the vocabulary of a tree: what plaint.yaml allows.
 *
 * policy_load() parses and validates a policy file; every error names
 * the file, line, column and key.  The struct keeps the parsed document
 * (root) and points into it: the strings in the lists below are owned
 * by root and live until policy_release().
 *
 * Lists may be written as a YAML sequence of names or as a mapping from
 * name to details ({label: 服务态度, department: 营业厅}); either way
 * the names are what complaint files hold.
 */
#ifndef PLAINT_POLICY_H
#define PLAINT_POLICY_H

#include <sys/types.h>

#include "err.h"
#include "node.h"

struct strlist {
	const char **v;
	size_t n;
};

struct policy_level {
	const char *name;
	const char *department;	/* NULL: keep the complaint's */
	const char *assignee;	/* NULL: keep the complaint's */
};

enum field_type { FIELD_STRING, FIELD_INTEGER, FIELD_DATE, FIELD_TIME,
	FIELD_ENUM };

struct policy_field {
	const char *name;
	enum field_type type;
	struct strlist values;	/* FIELD_ENUM */
};

struct policy {
	struct node *root;
	const char *name;
	int tz_off;		/* seconds east of UTC */
	const char *prefix;	/* site prefix of ids, "" for none */
	mode_t file_mode, dir_mode;
	struct strlist kinds, channels, categories, severities, departments;
	struct strlist causes, notice_methods, satisfactions, required;
	struct policy_level *levels;
	size_t nlevels;
	struct policy_field *fields;
	size_t nfields;
	const struct node *defaults;	/* map of field → value, or NULL */
};

int policy_load(struct policy *p, const char *path, struct perr *e);
int policy_load_buf(struct policy *p, const char *buf, size_t len,
    const char *path, struct perr *e);
void policy_release(struct policy *p);

int strlist_has(const struct strlist *l, const char *s);
/* "a, b, c" into buf, for error messages. */
void strlist_join(const struct strlist *l, char *buf, size_t size);
const struct policy_field *policy_field(const struct policy *p,
    const char *name);
/* The category's default department, or NULL. */
const char *policy_category_department(const struct policy *p,
    const char *category);

#endif
