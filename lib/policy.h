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
#include "workflow.h"

struct strset;

/*
 * A list of names.  A vocabulary of the policy (kinds, categories …)
 * also has labels, one per name (NULL: none), and an index built at
 * load (name → i, label → n + i) so that a label is found, and a
 * name's label shown, in one look-up however many rows ask.
 */
struct strlist {
	const char **v;
	size_t n;
	const char **labels;	/* NULL, or one per name */
	struct strset *index;	/* NULL: look-ups scan v */
};

struct policy_level {
	const char *name;
	const char *department;	/* NULL: keep the complaint's */
	const char *assignee;	/* NULL: keep the complaint's */
};

/*
 * A route at intake (routes:): a complaint that matches `when` as it is
 * logged or imported starts at this level, in this department, with
 * this assignee or severity, unless the person logging it gave the
 * field.  Later routes win, as deadline rules do.
 */
struct policy_route {
	const char *id;
	const struct node *when;
	long long level;	/* -1: not set */
	const char *department, *assignee, *severity;	/* NULL: not set */
};

enum field_type { FIELD_STRING, FIELD_INTEGER, FIELD_DATE, FIELD_TIME,
	FIELD_ENUM, FIELD_PERSON, FIELD_LIST, FIELD_BOOL };

/* A field's name for people: 主题 for subject. */
struct policy_label {
	const char *field;
	const char *label;
};

struct policy_field {
	const char *name;
	enum field_type type;
	struct strlist values;	/* FIELD_ENUM */
	int of_person;		/* FIELD_LIST: each entry names a person */
};

/*
 * What a text field must look like (formats:): plaint's Chinese phone
 * number (phone.h), a POSIX extended regular expression the whole value
 * must match, or anything (none).  complainant.phone is a phone unless
 * the policy says otherwise.
 */
enum format_kind { FORMAT_NONE, FORMAT_PHONE, FORMAT_PATTERN };

struct policy_format {
	const char *field;
	enum format_kind kind;
	const char *pattern;	/* FORMAT_PATTERN: as the policy wrote it */
	const char *example;	/* shown when a value is refused, or NULL */
	void *re;		/* FORMAT_PATTERN: its compiled regex_t */
};

/* Two records at once where one must be alone (permit-to-work). */
struct policy_conflict {
	const char *action;	/* checked when this action is taken */
	const char *field;	/* the records share its value */
	struct strlist states;	/* the other record is in one of these */
	int refuse;		/* else a warning */
};

struct policy {
	struct node *root;
	const char *name;
	int tz_off;		/* seconds east of UTC */
	const char *prefix;	/* site prefix of ids, "" for none */
	mode_t file_mode, dir_mode;
	struct strlist kinds, channels, categories, severities, departments;
	struct strlist causes, notice_methods, satisfactions, required;
	struct strlist states;	/* of all the workflows, labelled */
	int states_relabelled;	/* two workflows label a state apart */
	struct strlist level_names;	/* "0", "1" …, labelled by name */
	char *level_keys;	/* the storage of level_names.v */
	struct policy_label *field_labels;	/* plaint's, the policy's */
	size_t nfield_labels;
	struct strset *field_index, *field_label_index;
	struct policy_level *levels;
	size_t nlevels;
	struct policy_field *fields;
	size_t nfields;
	struct policy_format *formats;
	size_t nformats;
	const struct node *defaults;	/* map of field → value, or NULL */
	const struct node *people;	/* name → {roles: […]}, or NULL */
	struct workflow *workflows;	/* the policy's own, or base's */
	size_t nworkflows;
	const struct workflow **kind_workflow;	/* one per kinds.v */
	const struct workflow *default_workflow;	/* of no kind */
	struct policy *base;	/* whose workflows these are, or NULL */
	struct policy_conflict *conflicts;
	size_t nconflicts;
	struct policy_route *routes;
	size_t nroutes;
};

/* Where a shipped file is: "policies/default.yaml" → a path in buf. */
typedef int (*policy_find_fn)(char *buf, size_t size, const char *rel);

int policy_load(struct policy *p, const char *path, struct perr *e);
int policy_load_buf(struct policy *p, const char *buf, size_t len,
    const char *path, struct perr *e);
void policy_release(struct policy *p);
/*
 * A policy that writes no `workflows:` takes those of the shipped
 * default policy, found through find; one that writes its own keeps
 * them.  Call it after loading, before anything asks for a workflow.
 */
int policy_load_workflows(struct policy *p, policy_find_fn find,
    struct perr *e);
/* The workflow kind follows (NULL kind: the policy's default one). */
const struct workflow *policy_workflow(const struct policy *p,
    const char *kind);
/* The workflow a record follows, by its kind. */
const struct workflow *policy_record_workflow(const struct policy *p,
    const struct node *doc);
/* Does people: give person the role? */
int policy_has_role(const struct policy *p, const char *person,
    const char *role);

int strlist_has(const struct strlist *l, const char *s);
/* "a, b, c" into buf, for error messages. */
void strlist_join(const struct strlist *l, char *buf, size_t size);
/* The same with labels: "light (轻), serious (重)". */
void strlist_join_labels(const struct strlist *l, char *buf, size_t size);
/*
 * The name s stands for: s itself when it is a name of the list, else
 * the name whose label it is (a name wins over a label); NULL: neither.
 */
const char *strlist_key(const struct strlist *l, const char *s);
/* The label of name, or name itself when it has none (NULL for NULL). */
const char *strlist_label(const struct strlist *l, const char *name);

/*
 * The values a closed field may hold, with their labels: kind, channel,
 * category, severity, department, status (the states of every
 * workflow), level ("0", "1" … labelled by the level's name),
 * resolution.cause, notice.by, satisfaction and the policy's enum
 * fields.  NULL when the field is open (departments: may list none).
 */
const struct strlist *policy_vocab(const struct policy *p,
    const char *field);
/*
 * The key an input value of a field stands for (the value, or the key
 * whose label it is); the value itself for an open field; NULL when a
 * closed field cannot hold it.
 */
const char *policy_value_key(const struct policy *p, const char *field,
    const char *value);
/* How a stored value is shown to people: its label, else itself. */
const char *policy_value_label(const struct policy *p, const char *field,
    const char *key);
/* A record's status as its workflow labels it, else the status. */
const char *policy_status_label(const struct policy *p,
    const struct node *doc);
/* A field's label (labels:, fields: … label:, plaint's own), or NULL. */
const char *policy_field_label(const struct policy *p, const char *field);
/* The field a label names (主题 → subject), or NULL. */
const char *policy_field_by_label(const struct policy *p, const char *label);
const struct policy_field *policy_field(const struct policy *p,
    const char *name);
/* The format a field's values must have (NULL or FORMAT_NONE: any). */
const struct policy_format *policy_format(const struct policy *p,
    const char *field);
/* Does v have format f (NULL: any)? */
int policy_format_ok(const struct policy_format *f, const char *v);
/* The category's default department, or NULL. */
const char *policy_category_department(const struct policy *p,
    const char *category);

#endif
