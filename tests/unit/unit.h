/*
 * unit.h - the smallest table-friendly unit test harness.
 *
 * CHECK(cond) and CHECK_STR(a, b) count a pass or report a failure with
 * file:line and go on; each suite is a function listed in main.c.
 */
#ifndef PLAINT_UNIT_H
#define PLAINT_UNIT_H

#include <stdio.h>
#include <string.h>

extern int unit_passed, unit_failed;

#define CHECK(cond) do { \
	if (cond) \
		unit_passed++; \
	else { \
		unit_failed++; \
		printf("not ok %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	if (a_ != NULL && b_ != NULL && strcmp(a_, b_) == 0) \
		unit_passed++; \
	else { \
		unit_failed++; \
		printf("not ok %s:%d: \"%s\" != \"%s\"\n", __FILE__, \
		    __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
	} \
} while (0)

#define UNIT_SUITES(X) \
	X(ptime) X(node) X(yamlio) X(store_id) X(workflow) X(utf8) \
	X(json) X(filter) X(policy) X(complaint) X(table) X(rules) X(calendar) \
	X(csv) X(report) X(yamlfast) X(bgwrite) X(jsonparse) X(array) X(strset) \
	X(predicates) X(limits) X(action) X(phone) X(suggest) X(sha256)

#define DECLARE(name) void suite_##name(void);
UNIT_SUITES(DECLARE)
#undef DECLARE

#endif
