/*
 * action.h - what a lifecycle action does to a complaint, written once.
 *
 * Each function makes its action's change to doc and records it in ev,
 * the map that becomes the history event (the caller's, and the caller
 * appends it with complaint_event).  escalate and reopen are taken by
 * their commands and by remind -e alike; none of them touches a file:
 * the change cycle around them (lock, re-read, rules, workflow, atomic
 * write) is the caller's.
 */
#ifndef PLAINT_ACTION_H
#define PLAINT_ACTION_H

#include "err.h"
#include "node.h"
#include "policy.h"

/*
 * One level up the policy's chain: level, then the assignee and the
 * department given, or else the level's own (when it names them).  ev
 * gets level first and to and department last, around what the caller
 * put in it.  PLAINT_REFUSED at the top of the chain.
 */
int action_escalate(struct node *doc, const struct policy *p,
    const char *assignee, const char *department, struct node *ev,
    struct perr *e);

/*
 * Another round: round + 1, and the resolution, satisfaction and notice
 * of the last round cleared (its resolve and close events keep them).
 * Past max_rounds (0: no cap) the complaint also goes one level up, if
 * there is one, and *next becomes "escalated".
 */
int action_reopen(struct node *doc, const struct policy *p,
    long long max_rounds, struct node *ev, const char **next,
    struct perr *e);

#endif
