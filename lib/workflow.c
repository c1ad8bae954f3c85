#include <stddef.h>
#include <string.h>

#include "workflow.h"

static const char *const complaint_states[] = {
	"new", "assigned", "escalated", "resolved", "closed", NULL
};

static const char *const complaint_open[] = {
	"new", "assigned", "escalated", NULL
};

#define SAME ""
#define RESOLVE_FIRST "resolve it first ('plaint resolve ID -m RESULT')"
#define REOPEN_FIRST "reopen it first ('plaint reopen ID -m REASON')"
#define NOTHING_RUNS "its clocks have stopped; reopen it to work on it again"
#define CLOSED_ALREADY "to record another callback, " REOPEN_FIRST
#define NOT_DONE \
	"it is still open: carry on with it ('plaint note', 'plaint resolve')"

static const struct wf_rule complaint_rules[] = {
	/* state	action		next		unassigned	hint */
	{ "new",	"assign",	"assigned",	NULL,	NULL },
	{ "new",	"note",		SAME,		NULL,	NULL },
	{ "new",	"contact",	SAME,		NULL,	NULL },
	{ "new",	"escalate",	"escalated",	NULL,	NULL },
	{ "new",	"extend",	SAME,		NULL,	NULL },
	{ "new",	"resolve",	"resolved",	NULL,	NULL },
	{ "new",	"close",	NULL,	NULL,	RESOLVE_FIRST },
	{ "new",	"reopen",	NULL,	NULL,	NOT_DONE },
	{ "new",	"pause",	SAME,		NULL,	NULL },
	{ "new",	"resume",	SAME,		NULL,	NULL },
	{ "new",	"withdraw",	"closed",	NULL,	NULL },

	{ "assigned",	"assign",	SAME,		NULL,	NULL },
	{ "assigned",	"note",		SAME,		NULL,	NULL },
	{ "assigned",	"contact",	SAME,		NULL,	NULL },
	{ "assigned",	"escalate",	"escalated",	NULL,	NULL },
	{ "assigned",	"extend",	SAME,		NULL,	NULL },
	{ "assigned",	"resolve",	"resolved",	NULL,	NULL },
	{ "assigned",	"close",	NULL,	NULL,	RESOLVE_FIRST },
	{ "assigned",	"reopen",	NULL,	NULL,	NOT_DONE },
	{ "assigned",	"pause",	SAME,		NULL,	NULL },
	{ "assigned",	"resume",	SAME,		NULL,	NULL },
	{ "assigned",	"withdraw",	"closed",	NULL,	NULL },

	{ "escalated",	"assign",	SAME,		NULL,	NULL },
	{ "escalated",	"note",		SAME,		NULL,	NULL },
	{ "escalated",	"contact",	SAME,		NULL,	NULL },
	{ "escalated",	"escalate",	SAME,		NULL,	NULL },
	{ "escalated",	"extend",	SAME,		NULL,	NULL },
	{ "escalated",	"resolve",	"resolved",	NULL,	NULL },
	{ "escalated",	"close",	NULL,	NULL,	RESOLVE_FIRST },
	{ "escalated",	"reopen",	NULL,	NULL,	NOT_DONE },
	{ "escalated",	"pause",	SAME,		NULL,	NULL },
	{ "escalated",	"resume",	SAME,		NULL,	NULL },
	{ "escalated",	"withdraw",	"closed",	NULL,	NULL },

	{ "resolved",	"note",		SAME,		NULL,	NULL },
	{ "resolved",	"contact",	SAME,		NULL,	NULL },
	{ "resolved",	"close",	"closed",	NULL,	NULL },
	{ "resolved",	"reopen",	"assigned",	"new",	NULL },
	{ "resolved",	"assign",	NULL,	NULL,	REOPEN_FIRST },
	{ "resolved",	"escalate",	NULL,	NULL,	REOPEN_FIRST },
	{ "resolved",	"extend",	NULL,	NULL,	REOPEN_FIRST },
	{ "resolved",	"resolve",	NULL,	NULL,	REOPEN_FIRST },
	{ "resolved",	"withdraw",	"closed",	NULL,	NULL },
	{ "resolved",	"pause",	NULL,	NULL,	NOTHING_RUNS },
	{ "resolved",	"resume",	NULL,	NULL,	NOTHING_RUNS },

	{ "closed",	"note",		SAME,		NULL,	NULL },
	{ "closed",	"contact",	SAME,		NULL,	NULL },
	{ "closed",	"reopen",	"assigned",	"new",	NULL },
	{ "closed",	"assign",	NULL,	NULL,	REOPEN_FIRST },
	{ "closed",	"escalate",	NULL,	NULL,	REOPEN_FIRST },
	{ "closed",	"extend",	NULL,	NULL,	REOPEN_FIRST },
	{ "closed",	"resolve",	NULL,	NULL,	REOPEN_FIRST },
	{ "closed",	"close",	NULL,	NULL,	CLOSED_ALREADY },
	{ "closed",	"withdraw",	NULL,	NULL,	CLOSED_ALREADY },
	{ "closed",	"pause",	NULL,	NULL,	NOTHING_RUNS },
	{ "closed",	"resume",	NULL,	NULL,	NOTHING_RUNS },
	{ NULL, NULL, NULL, NULL, NULL }
};

const struct workflow workflow_complaint = {
	"complaint", complaint_states, complaint_open, complaint_rules
};

static int
in(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

int
workflow_is_state(const struct workflow *wf, const char *state)
{
	return state != NULL && in(wf->states, state);
}

int
workflow_is_open(const struct workflow *wf, const char *state)
{
	return state != NULL && in(wf->open_states, state);
}

int
workflow_next(const struct workflow *wf, const char *state,
    const char *action, int assigned, const char **next, const char **hint)
{
	const struct wf_rule *r;

	*next = NULL;
	*hint = "the workflow does not allow it";
	if (state == NULL)
		return -1;
	for (r = wf->rules; r->state != NULL; r++) {
		if (strcmp(r->state, state) != 0 ||
		    strcmp(r->action, action) != 0)
			continue;
		if (r->next == NULL) {
			if (r->hint != NULL)
				*hint = r->hint;
			return -1;
		}
		*next = *r->next == '\0' ? state : r->next;
		if (!assigned && r->next_unassigned != NULL)
			*next = r->next_unassigned;
		return 0;
	}
	return -1;
}
