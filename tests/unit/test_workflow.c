#include "../../lib/workflow.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Every state and action of the complaint workflow, as a user would read
 * it: where it leads, with somebody assigned and without.  NULL: refused.
 */
static const struct {
	const char *state, *action;
	const char *next;		/* assigned */
	const char *next_unassigned;	/* nobody assigned */
} rows[] = {
	{ "new", "assign", "assigned", "assigned" },
	{ "new", "note", "new", "new" },
	{ "new", "contact", "new", "new" },
	{ "new", "escalate", "escalated", "escalated" },
	{ "new", "extend", "new", "new" },
	{ "new", "resolve", "resolved", "resolved" },
	{ "new", "close", NULL, NULL },
	{ "new", "reopen", NULL, NULL },
	{ "new", "pause", "new", "new" },
	{ "new", "resume", "new", "new" },
	{ "new", "withdraw", "closed", "closed" },

	{ "assigned", "assign", "assigned", "assigned" },
	{ "assigned", "note", "assigned", "assigned" },
	{ "assigned", "contact", "assigned", "assigned" },
	{ "assigned", "escalate", "escalated", "escalated" },
	{ "assigned", "extend", "assigned", "assigned" },
	{ "assigned", "resolve", "resolved", "resolved" },
	{ "assigned", "close", NULL, NULL },
	{ "assigned", "reopen", NULL, NULL },
	{ "assigned", "pause", "assigned", "assigned" },
	{ "assigned", "resume", "assigned", "assigned" },
	{ "assigned", "withdraw", "closed", "closed" },

	{ "escalated", "assign", "escalated", "escalated" },
	{ "escalated", "note", "escalated", "escalated" },
	{ "escalated", "contact", "escalated", "escalated" },
	{ "escalated", "escalate", "escalated", "escalated" },
	{ "escalated", "extend", "escalated", "escalated" },
	{ "escalated", "resolve", "resolved", "resolved" },
	{ "escalated", "close", NULL, NULL },
	{ "escalated", "reopen", NULL, NULL },
	{ "escalated", "pause", "escalated", "escalated" },
	{ "escalated", "resume", "escalated", "escalated" },
	{ "escalated", "withdraw", "closed", "closed" },

	{ "resolved", "note", "resolved", "resolved" },
	{ "resolved", "contact", "resolved", "resolved" },
	{ "resolved", "close", "closed", "closed" },
	{ "resolved", "reopen", "assigned", "new" },
	{ "resolved", "assign", NULL, NULL },
	{ "resolved", "escalate", NULL, NULL },
	{ "resolved", "extend", NULL, NULL },
	{ "resolved", "resolve", NULL, NULL },
	{ "resolved", "withdraw", "closed", "closed" },
	{ "resolved", "pause", NULL, NULL },
	{ "resolved", "resume", NULL, NULL },

	{ "closed", "note", "closed", "closed" },
	{ "closed", "contact", "closed", "closed" },
	{ "closed", "reopen", "assigned", "new" },
	{ "closed", "assign", NULL, NULL },
	{ "closed", "escalate", NULL, NULL },
	{ "closed", "extend", NULL, NULL },
	{ "closed", "resolve", NULL, NULL },
	{ "closed", "close", NULL, NULL },
	{ "closed", "withdraw", NULL, NULL },
	{ "closed", "pause", NULL, NULL },
	{ "closed", "resume", NULL, NULL },

	/* Not in the table at all. */
	{ "new", "frobnicate", NULL, NULL },
	{ "open", "note", NULL, NULL },
	{ "", "note", NULL, NULL },
	{ "New", "note", NULL, NULL },
};

static int
same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static void
one(const char *state, const char *action, int assigned, const char *want)
{
	const char *next = "unset", *hint = NULL;
	int rc;

	rc = workflow_next(&workflow_complaint, state, action, assigned, &next,
	    &hint);
	CHECK(rc == (want != NULL ? 0 : -1));
	CHECK(same(next, want));
	if (want == NULL)
		CHECK(hint != NULL && *hint != '\0');
	if (rc != (want != NULL ? 0 : -1) || !same(next, want))
		printf("#   %s %s (%s): got %s\n", state ? state : "(null)",
		    action, assigned ? "assigned" : "unassigned",
		    next ? next : "refused");
}

void
suite_workflow(void)
{
	const struct wf_rule *r;
	const char *next, *hint;
	size_t i, j;

	for (i = 0; i < NELEM(rows); i++) {
		one(rows[i].state, rows[i].action, 1, rows[i].next);
		one(rows[i].state, rows[i].action, 0, rows[i].next_unassigned);
	}
	one(NULL, "note", 1, NULL);
	/* Every rule of lib/workflow.c has a row above. */
	for (r = workflow_complaint.rules; r->state != NULL; r++) {
		for (j = 0; j < NELEM(rows); j++)
			if (strcmp(rows[j].state, r->state) == 0 &&
			    strcmp(rows[j].action, r->action) == 0)
				break;
		CHECK(j < NELEM(rows));
		if (j == NELEM(rows))
			printf("#   no row for %s %s\n", r->state, r->action);
		/* A refusal always says what to do instead. */
		if (r->next == NULL)
			CHECK(r->hint != NULL);
	}
	/* The specific hints. */
	workflow_next(&workflow_complaint, "new", "close", 1, &next, &hint);
	CHECK(strstr(hint, "resolve") != NULL);
	workflow_next(&workflow_complaint, "closed", "assign", 1, &next, &hint);
	CHECK(strstr(hint, "reopen") != NULL);
	workflow_next(&workflow_complaint, "resolved", "resolve", 1, &next,
	    &hint);
	CHECK(strstr(hint, "reopen") != NULL);

	CHECK(workflow_is_state(&workflow_complaint, "new"));
	CHECK(workflow_is_state(&workflow_complaint, "closed"));
	CHECK(!workflow_is_state(&workflow_complaint, "open"));
	CHECK(!workflow_is_state(&workflow_complaint, NULL));
	CHECK(workflow_is_open(&workflow_complaint, "new"));
	CHECK(workflow_is_open(&workflow_complaint, "assigned"));
	CHECK(workflow_is_open(&workflow_complaint, "escalated"));
	CHECK(!workflow_is_open(&workflow_complaint, "resolved"));
	CHECK(!workflow_is_open(&workflow_complaint, "closed"));
	CHECK(!workflow_is_open(&workflow_complaint, NULL));
	CHECK_STR(workflow_complaint.states[0], "new");
}
