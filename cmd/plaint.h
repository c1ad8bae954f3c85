/*
 * plaint.h - what the command files share: the context the dispatcher
 * builds from the global options, and the small helpers every command
 * uses to parse its arguments and report.
 */
#ifndef PLAINT_CMD_H
#define PLAINT_CMD_H

#include <stdio.h>

#include "../lib/change.h"
#include "../lib/complaint.h"
#include "../lib/err.h"
#include "../lib/fileio.h"
#include "../lib/node.h"
#include "../lib/ptime.h"
#include "../lib/rules.h"
#include "../lib/store.h"

#define NEED_TREE 0x1	/* find the tree and load its policy */
#define WRITES 0x2	/* also take the writer lock */

struct ctx {
	const char *cmd;	/* the command's name */
	const char *action_as;	/* plaint do: the workflow's action run */
	unsigned flags;		/* of the command, from the table */
	const char *dir;	/* -C */
	const char *now_arg;	/* -N or $PLAINT_NOW */
	ptime_t now;
	const char *actor;	/* -u, $PLAINT_USER or the login name */
	int quiet;		/* -q */
	int tree_open;
	struct store store;
	struct rules rules;	/* loaded with the tree */
	int rval;		/* 65 once a reader skipped a bad file */
};

/* Arguments: options and operands in any order, "--" ends options. */
struct args {
	int argc;
	char **argv;
	const char *spec;
	int ended;
	const char *arg;	/* option argument or operand */
	const char *longopt;	/* '?' for "--name": the name */
};

#ifndef PLAINT_VERSION
#define PLAINT_VERSION "unknown"	/* the Makefile's VERSION */
#endif

void args_init(struct args *a, int argc, char **argv, const char *spec);
/*
 * An option letter, 0 for an operand (in a->arg), -1 at the end, '?'.
 * "--help" is 'h'; "--version" prints the version and exits.
 */
int args_next(struct args *a);
/* "plaint VERSION" on stdout; the exit status. */
int print_version(void);
/* The option '?' or ':' stands for, "-z" or "--name", in buf. */
const char *option_name(const struct args *a, char *buf, size_t size);

/* Find the tree, load the policy, lock, as the command's flags say. */
int setup(struct ctx *c);
int report(struct ctx *c, const struct perr *e);
void warn(struct ctx *c, const struct perr *e);
int fail(struct ctx *c, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "-h": synopsis to stdout, 0; a bad option: to stderr, 64. */
int usage(struct ctx *c, const char *synopsis, int ch);
int bad_option(struct ctx *c, const char *synopsis, struct args *a);
struct stamp ctx_stamp(const struct ctx *c);

/* The path of a file shipped with plaint (policies/x.yaml, man1/…). */
int datafile(char *buf, size_t size, const char *kind, const char *rel);
/* Apply the rules to doc at the context's clock; warn if incomplete. */
int apply_rules(struct ctx *c, struct node *doc, struct perr *e);

/* Parse an id operand; usage error (touching nothing) if malformed. */
int parse_id(struct ctx *c, const char *s, struct complaint_id *id);
/* The change cycle's view of the context. */
struct change_env ctx_env(const struct ctx *c);
/*
 * Take action on one record through the library's change cycle (see
 * change.h): report a refusal or error, warn if a deadline left the
 * calendars.  Returns the exit status.
 */
int run_change(struct ctx *c, const struct complaint_id *id,
    const char *action, struct node *ev, change_effect_fn effect, void *arg);
void warn_incomplete(struct ctx *c);
/* May the actor log doc, a new record?  PLAINT_REFUSED naming the role. */
int may_log(struct ctx *c, const struct node *doc, struct perr *e);
/* Split "field=value"; -1 if there is no '=' after a name. */
int split_assignment(char *s, char **value);
/* Parse "yes"/"no" (also true/false). */
int parse_yesno(const char *s, int *out);

/*
 * Where a reader's results go (list, export, report): standard output,
 * or -o FILE, replaced only by a complete output (lib/fileio.h: a
 * record skipped with a warning keeps the old FILE).  CSV written to a
 * file is for people: it starts with the byte order mark Excel needs
 * to read UTF-8; on standard output only -B adds it, so that pipes to
 * scripts are unchanged.  Rows end with CRLF either way (lib/csv.h).
 * Other formats are written to FILE as they are on standard output.
 */
struct output {
	const char *file;	/* -o; NULL: standard output */
	struct fileio_out fo;
	FILE *fp;
	int bom;		/* CSV: start with a byte order mark */
};

/* -o and -B against the format, before the tree is read: 64 if wrong. */
int output_check(struct ctx *c, const char *file, int csv, int bom);
void output_init(struct output *o, const char *file, int csv, int bom);
/* Open -o FILE (refused, 73, if it is not a regular file). */
int output_open(struct output *o, struct perr *e);
/*
 * Put FILE in place if the command ended well (e clear, no record
 * skipped), else keep the old one and say so.  -1 on failure (in e).
 */
int output_close(struct ctx *c, struct output *o, struct perr *e);

int cmd_assign(struct ctx *, int, char **);
int cmd_check(struct ctx *, int, char **);
int cmd_do(struct ctx *, int, char **);
int cmd_close(struct ctx *, int, char **);
int cmd_escalate(struct ctx *, int, char **);
int cmd_export(struct ctx *, int, char **);
int cmd_extend(struct ctx *, int, char **);
int cmd_help(struct ctx *, int, char **);
int cmd_import(struct ctx *, int, char **);
int cmd_init(struct ctx *, int, char **);
int cmd_list(struct ctx *, int, char **);
int cmd_log(struct ctx *, int, char **);
int cmd_note(struct ctx *, int, char **);
int cmd_pause(struct ctx *, int, char **);
int cmd_policy(struct ctx *, int, char **);
int cmd_remind(struct ctx *, int, char **);
int cmd_resume(struct ctx *, int, char **);
int cmd_reopen(struct ctx *, int, char **);
int cmd_report(struct ctx *, int, char **);
int cmd_resolve(struct ctx *, int, char **);
int cmd_set(struct ctx *, int, char **);
int cmd_show(struct ctx *, int, char **);

/*
 * The arguments of a command that changes one complaint: ID, further
 * plain operands (assign's PERSON), field=value operands, -m and one
 * optional flag letter.
 */
#define CHANGE_MAX_KV 16
struct change_args {
	const char *id;
	const char *msg;	/* -m */
	int flag;		/* the extra flag letter was given */
	const char *pos[2];
	int npos;
	char *key[CHANGE_MAX_KV], *value[CHANGE_MAX_KV];
	int nkv;
	/* change_ids_parse: the id operands ("-" among them), the records */
	const char **idargs;
	size_t nidargs;
	struct complaint_id *ids;
	size_t nids, capids;
};

/*
 * Parse argv for spec ("+:hm:" plus the command's letters), check that
 * fields are among allowed (NULL-terminated; "*" allows any), then parse
 * the id.  Returns 0, or the exit status to return (usage printed).
 */
int change_args_parse(struct ctx *c, int argc, char **argv, const char *spec,
    const char *synopsis, int npos, const char *const *allowed,
    struct change_args *ca, struct complaint_id *id);
const char *change_arg(const struct change_args *ca, const char *key);
/*
 * As change_args_parse, for a command that takes several records (plaint
 * assign ID... PERSON): the first operand and every later one that
 * parses as an id are the records, "-" reads more from stdin, one a line
 * (blank lines left out).  An id malformed or given twice is a usage
 * error before anything changes.  The records are in ca->ids; call
 * change_args_release whatever it returns.
 */
int change_ids_parse(struct ctx *c, int argc, char **argv, const char *spec,
    const char *synopsis, int npos, const char *const *allowed,
    struct change_args *ca);
void change_args_release(struct change_args *ca);
/*
 * The change of one record, its exit status: each its own run_change.
 */
typedef int (*change_one_fn)(struct ctx *c, const struct complaint_id *id,
    void *arg);
/*
 * fn for every record of ca in turn, each its own atomic change.  With
 * one record that is all; with several each message names the record
 * (plaint: assign: 2611-0005: …) and a summary line follows on stderr
 * (2 of 3 changed, 1 refused).  Returns 0 when every one succeeded,
 * else the status of the first that did not.
 */
int change_each(struct ctx *c, const struct change_args *ca, change_one_fn fn,
    void *arg);
/*
 * The record's workflow's action, or NULL (e set when the record could
 * not be read).  The action points into the policy.
 */
const struct wf_action *record_action(struct ctx *c,
    const struct complaint_id *id, const char *action, struct perr *e);
/*
 * When the record's workflow writes action without one of plaint's
 * effects (a ticket's close or resume), take it with ca's fields, as
 * plaint do does: returns 1 with the exit status in *rc.  0: the
 * command's own effect applies.
 */
int policy_action(struct ctx *c, const struct complaint_id *id,
    const char *action, struct change_args *ca, int *rc);
/* The effect of an action the policy writes, with ca's fields and -m. */
int change_args_effect(struct change *ch, struct node *ev, void *arg,
    struct perr *e);

#endif
