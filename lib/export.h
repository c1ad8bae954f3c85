/*
 * export.h - complaints for other tools: personal data masked, and the
 * columns of a CSV export.
 *
 * export_redact() masks, in place, what identifies the complainant:
 * complainant.name keeps its first character (张三 → 张*),
 * complainant.phone its first three and last four (13800000000 →
 * 138****0000), complainant.address is cut after the district: after
 * the first 区 or 县, else the first 市 or 镇, else it keeps its first
 * six characters (and at most half of it) and "…"; any other
 * complainant.* value becomes "***".  Every copy of those values in
 * other fields (a note, the description) is masked the same way, and so
 * is any other mainland mobile number (1[3-9] and nine more digits).
 *
 * A CSV export has one column per dotted leaf field found in the
 * complaints (the union), in a fixed order:
 *
 *	1. id, then the fields of complaint_order (complaint.h) but the
 *	   lists, a mapping's parts after it as dotted names in their own
 *	   order (complainant: name, phone, address; due: the policy's
 *	   clocks; resolution: result, valid, cause, responsible, at;
 *	   notice: by, at), then other parts by name;
 *	2. the policy's own fields in the policy's order, then any other
 *	   field by name;
 *	3. penalties, extensions, history.
 *
 * A list (history, penalties, extensions, or any other) is one cell
 * holding its JSON text (json.h); a null is an empty cell.
 *
 * Calling sequence: export_columns_init, export_columns_add for every
 * complaint (a first pass), export_columns_header, then
 * export_columns_row for every complaint (a second pass),
 * export_columns_release.
 */
#ifndef PLAINT_EXPORT_H
#define PLAINT_EXPORT_H

#include "err.h"
#include "node.h"
#include "policy.h"
#include "rules.h"
#include "strbuf.h"

int export_redact(struct node *doc, struct perr *e);
/*
 * text (a subject, a note) of doc as export_redact would leave it: the
 * complainant's name, phone and address and any mobile number masked.
 * Appended to out.  For output that goes where personal data must not
 * (cron mail, a list shown to others).
 */
int export_mask_text(const struct node *doc, const char *text,
    struct strbuf *out, struct perr *e);

/* The masks, for tests and for whoever prints a complainant. */
int export_mask_name(struct strbuf *out, const char *s);
int export_mask_phone(struct strbuf *out, const char *s);
int export_mask_address(struct strbuf *out, const char *s);

struct export_col {
	char *name;
	int group, top, sub;	/* rank: see above */
};

struct export_columns {
	const struct policy *policy;
	const struct rules *rules;
	struct export_col *v;
	size_t n, cap;
	size_t *hash;		/* open addressing: index + 1, 0 empty */
	size_t hcap;
	int sorted;
	long unknown;		/* leaves a row had that no column holds */
	/* Scratch of export_columns_row, n of each once sorted. */
	const char **cells;
	size_t *json_at;
	struct strbuf path, json;
};

void export_columns_init(struct export_columns *c, const struct policy *p,
    const struct rules *r);
void export_columns_release(struct export_columns *c);
/* Add the leaf fields of doc to the union. */
int export_columns_add(struct export_columns *c, const struct node *doc);
/* Put the columns in their order and append the header row (CSV). */
int export_columns_header(struct export_columns *c, struct strbuf *out);
/*
 * Append doc as one CSV row.  A leaf no column holds (a file that
 * changed between the passes) is counted in c->unknown.
 */
int export_columns_row(struct export_columns *c, const struct node *doc,
    struct strbuf *out);

#endif
