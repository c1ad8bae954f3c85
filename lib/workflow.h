/*
 * workflow.h - the lifecycle as data.
 *
 * A workflow is a table: for each state and action, either the state the
 * action leads to, or why it is refused and what to do instead.  The
 * commands ask the table; no command tests states itself.  Another kind
 * of record (say, a power plant's work ticket: issue, permit, start,
 * extend, end) is another table.
 */
#ifndef PLAINT_WORKFLOW_H
#define PLAINT_WORKFLOW_H

struct wf_rule {
	const char *state;
	const char *action;
	const char *next;		/* NULL: refused; "": state unchanged */
	const char *next_unassigned;	/* if set and nobody is assigned */
	const char *hint;		/* when refused: what to do instead */
};

struct workflow {
	const char *name;
	const char *const *states;	/* NULL-terminated; first is initial */
	const char *const *open_states;	/* still being worked on */
	const struct wf_rule *rules;	/* ends with a NULL state */
};

extern const struct workflow workflow_complaint;

/*
 * Where action leads from state.  Returns 0 and sets *next (the new
 * state), or -1 and sets *hint (never NULL) when the table refuses it.
 */
int workflow_next(const struct workflow *wf, const char *state,
    const char *action, int assigned, const char **next, const char **hint);
int workflow_is_state(const struct workflow *wf, const char *state);
int workflow_is_open(const struct workflow *wf, const char *state);

#endif
