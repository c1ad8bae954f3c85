/*
 * workflow.h - the lifecycle as data, read from the policy.
 *
 * A policy's `workflows:` maps a name to a workflow: its states (which
 * are open, which are final) and its actions (from which states, to which
 * state, who may take them, which fields they need).  Each kind of record
 * follows the workflow its `workflow:` names, else the one called
 * "complaint", else the first.  A policy that writes no workflows takes
 * those of the shipped default policy (policy_load_workflows), so that a
 * tree set up before workflows were data keeps its lifecycle.
 *
 * The commands ask the workflow; no command tests states itself.
 * Everything here points into the policy's parsed document and lives
 * until policy_release().
 */
#ifndef PLAINT_WORKFLOW_H
#define PLAINT_WORKFLOW_H

#include <stddef.h>

#include "err.h"
#include "node.h"

struct strbuf;

/* The hint of a refusal the policy wrote none for. */
#define WORKFLOW_NO_HINT "the workflow does not allow it"

struct wf_state {
	const char *name;
	const char *label;	/* NULL: none */
	const char *refused;	/* hint for an action refused here */
	int open;		/* still being worked on */
	int final;		/* no action at all, reopen included */
};

struct wf_move {
	const char *from;
	const char *to;
};

struct wf_action {
	const char *name;
	const char *label;
	struct wf_move *moves;	/* where it leads from each state */
	size_t nmoves;
	const char *to;		/* with no moves: the record is created */
	const char *unowned;	/* instead of to, when nobody owns it */
	const char *refused;	/* hint in any state it is refused in */
	const struct node *refused_in;	/* state: hint, or NULL */
	const char **roles;	/* any one of them may take it */
	size_t nroles;
	int login;		/* the actor must be the login name */
	const char **requires;	/* fields it must be given */
	size_t nrequires;
	const char **accepts;	/* further fields it may be given */
	size_t naccepts;
	const char **signatures;	/* roles whose signature it needs */
	size_t nsignatures;
	int exclusive;		/* one person, one of those roles */
	const char *before;	/* only while now is before this field's time */
	const char *effect;	/* a built-in effect (resolve, …), or NULL */
};

/*
 * A record's number, besides its file id: pattern with {YYYY} {YY} {MM}
 * {DD} (of the time it is given), {NNN} (the serial, as many digits at
 * least as Ns) and {FIELD} (a field of the record); unique within scope
 * (fields and year, month or day), given at the action at.
 */
struct wf_number {
	const char *field;	/* where it goes: "number" */
	const char *at;		/* the action that gives it */
	const char *pattern;
	const char **scope;
	size_t nscope;
	const struct node *suffix;	/* field: text, added when it is yes */
};

struct workflow {
	const char *name;
	const char *title;
	const char *owner;	/* field naming who has the record */
	const char **exclusive;	/* roles no one person signs two of */
	size_t nexclusive;
	struct wf_number number;	/* .field NULL: records have none */
	int children;		/* its records may have sub-records */
	const char **distinct;	/* fields a record and its parent differ in */
	size_t ndistinct;
	const char **times;	/* actions whose time show prints */
	size_t ntimes;
	struct wf_state *states;
	size_t nstates;
	struct wf_action *actions;
	size_t nactions;
};

/* Parse the map of workflows at n (the policy's `workflows:`). */
int workflow_parse_all(const struct node *n, struct workflow **out,
    size_t *nout, struct perr *e);
void workflow_free_all(struct workflow *w, size_t n);

const struct wf_state *workflow_state(const struct workflow *wf,
    const char *state);
const struct wf_action *workflow_action(const struct workflow *wf,
    const char *action);
int workflow_is_state(const struct workflow *wf, const char *state);
int workflow_is_open(const struct workflow *wf, const char *state);
int workflow_is_final(const struct workflow *wf, const char *state);

/*
 * Where action leads from state.  Returns 0 and sets *next (the new
 * state), or -1 and sets *hint (never NULL) when the workflow refuses
 * it.  owned: the record's owner field is set.
 */
int workflow_next(const struct workflow *wf, const char *state,
    const char *action, int owned, const char **next, const char **hint);
/*
 * The workflow as text tables for people: its states (open, final) and
 * its actions (from, to, who may take them).
 */
int workflow_table(const struct workflow *wf, struct strbuf *out);
/*
 * The actions the workflow allows from state, creating ones aside:
 * names into the policy, NULL-terminated, in a list the caller frees.
 */
const char **workflow_open_actions(const struct workflow *wf,
    const char *state);
/* The same as "a, b, c" in buf: how many, or -1 out of memory. */
int workflow_open_text(const struct workflow *wf, const char *state,
    char *buf, size_t size);
/*
 * The series a record's number is counted in (its scope's values, as
 * "department=运行一班;day=2026-11-27"), and the number itself for
 * serial n.  -1 when a field the pattern or scope names is missing.
 */
int workflow_number_scope(const struct wf_number *num, const struct node *doc,
    long long now, int off, struct strbuf *out);
int workflow_number_format(const struct wf_number *num, const struct node *doc,
    long long now, int off, long n, struct strbuf *out);
/* The state a record starts in when action creates it, or NULL. */
const char *workflow_initial(const struct workflow *wf, const char *action,
    int owned);

#endif
