#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../lib/array.h"
#include "../lib/utf8.h"
#include "plaint.h"

#define LOCK_TIMEOUT_MS 5000

void
args_init(struct args *a, int argc, char **argv, const char *spec)
{
	memset(a, 0, sizeof(*a));
	a->argc = argc;
	a->argv = argv;
	a->spec = spec;
	optind = 0;	/* glibc: start afresh, and read the '+' again */
	opterr = 0;
}

int
print_version(void)
{
	printf("plaint %s\n", PLAINT_VERSION);
	/* As every command: a closed pipe is quiet, a full disk is not. */
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (errno == EPIPE)
			return PLAINT_OK;
		fprintf(stderr, "plaint: cannot write output: %s\n",
		    strerror(errno));
		return PLAINT_IOERR;
	}
	return PLAINT_OK;
}

/*
 * getopt knows no long options: "--help" would be "-" then "-h".  Every
 * command answers "--help" as "-h" and "--version" by printing the
 * version and leaving; any other "--name" is an unknown option, named.
 */
static int
long_option(struct args *a, const char *name)
{
	if (strcmp(name, "help") == 0)
		return 'h';
	if (strcmp(name, "version") == 0)
		exit(print_version());
	a->longopt = name;
	optopt = 0;
	return '?';
}

int
args_next(struct args *a)
{
	int before, ch;

	a->arg = NULL;
	a->longopt = NULL;
	if (!a->ended) {
		before = optind == 0 ? 1 : optind;
		/*
		 * Where getopt would look next: it is never inside a word
		 * that starts with "--", since it is never given one.
		 */
		if (before < a->argc && strncmp(a->argv[before], "--", 2) ==
		    0 && a->argv[before][2] != '\0') {
			optind = before + 1;
			return long_option(a, a->argv[before] + 2);
		}
		ch = getopt(a->argc, a->argv, a->spec);
		if (ch != -1) {
			a->arg = optarg;
			return ch;
		}
		/* getopt stops at an operand; "--" ends the options. */
		if (optind == before + 1 && strcmp(a->argv[before], "--") == 0)
			a->ended = 1;
	}
	if (optind == 0)
		optind = 1;
	if (optind >= a->argc)
		return -1;
	a->arg = a->argv[optind++];
	return 0;
}

static int
parse_now(struct ctx *c, int off, struct perr *e)
{
	int o;

	if (c->now_arg == NULL || *c->now_arg == '\0') {
		c->now = (ptime_t)time(NULL);
		return 0;
	}
	/* Relative to the real clock: -N yesterday, -N -2h. */
	if (ptime_parse_relative(c->now_arg, (ptime_t)time(NULL), off,
	    &c->now, &o) == -1)
		return perr_set(e, PLAINT_USAGE, "-N: \"%.40s\" is not a time "
		    "(use 2026-11-27T10:00:00+08:00, yesterday 14:30 or -2h)",
		    c->now_arg);
	return 0;
}

static long
lock_timeout(void)
{
	const char *s = getenv("PLAINT_LOCK_TIMEOUT");
	char *end;
	double secs;

	if (s == NULL || *s == '\0')
		return LOCK_TIMEOUT_MS;
	secs = strtod(s, &end);
	if (*end != '\0' || secs < 0 || secs > 3600)
		return LOCK_TIMEOUT_MS;
	return (long)(secs * 1000);
}

static int
find_data(char *buf, size_t size, const char *rel)
{
	return datafile(buf, size, "data", rel);
}

int
setup(struct ctx *c)
{
	struct perr e;
	char *root = NULL;

	perr_clear(&e);
	if (c->tree_open)
		return 0;	/* once: plaint do may have looked already */
	if (*c->actor == '\0')
		return fail(c, PLAINT_USAGE, "-u: the actor's name is empty");
	if (!utf8_valid(c->actor, strlen(c->actor)))
		return fail(c, PLAINT_USAGE, "-u: the actor's name is not "
		    "valid UTF-8");
	if (!(c->flags & NEED_TREE))
		return parse_now(c, 8 * 3600, &e) == -1 ? report(c, &e) : 0;
	if (store_find_root(c->dir, &root, &e) == -1)
		return report(c, &e);
	if (store_open(&c->store, root, &e) == -1) {
		free(root);
		return report(c, &e);
	}
	free(root);
	if (policy_load_workflows(&c->store.policy, find_data, &e) == -1 ||
	    rules_load(&c->rules, &c->store.policy, find_data, &e) == -1) {
		store_close(&c->store);
		return report(c, &e);
	}
	c->tree_open = 1;
	if (parse_now(c, c->store.policy.tz_off, &e) == -1)
		return report(c, &e);
	if ((c->flags & WRITES) && store_lock(&c->store, lock_timeout(),
	    &e) == -1)
		return report(c, &e);
	return 0;
}

int
report(struct ctx *c, const struct perr *e)
{
	char msg[1200];

	perr_format(e, msg, sizeof(msg));
	fprintf(stderr, "plaint: %s: %s\n", c->cmd, msg);
	return e->code ? e->code : PLAINT_SOFTWARE;
}

void
warn(struct ctx *c, const struct perr *e)
{
	char msg[1200];

	if (e->code == PLAINT_DATAERR)
		c->rval = PLAINT_DATAERR;
	else if (c->rval == 0)
		c->rval = e->code;
	if (c->quiet)
		return;
	perr_format(e, msg, sizeof(msg));
	fprintf(stderr, "plaint: %s: warning: %s\n", c->cmd, msg);
}

int
fail(struct ctx *c, int code, const char *fmt, ...)
{
	struct perr e;
	va_list ap;

	perr_clear(&e);
	e.code = code;
	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), fmt, ap);
	va_end(ap);
	return report(c, &e);
}

int
usage(struct ctx *c, const char *synopsis, int ch)
{
	const char *p = synopsis, *nl;

	(void)c;
	/* Several forms are separated by newlines. */
	for (; (nl = strchr(p, '\n')) != NULL || *p != '\0'; p = nl + 1) {
		int len = nl ? (int)(nl - p) : (int)strlen(p);

		fprintf(ch == 'h' ? stdout : stderr, "%s %.*s\n",
		    p == synopsis ? "usage:" : "      ", len, p);
		if (nl == NULL)
			break;
	}
	return ch == 'h' ? PLAINT_OK : PLAINT_USAGE;
}

const char *
option_name(const struct args *a, char *buf, size_t size)
{
	size_t i, n;

	if (a->longopt == NULL) {
		snprintf(buf, size, "-%c", optopt);
		return buf;
	}
	/* The name as typed, without control characters, cut short. */
	snprintf(buf, size, "--%.40s", a->longopt);
	n = strlen(buf);
	for (i = 2; i < n; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
			buf[i] = '?';
	return buf;
}

int
bad_option(struct ctx *c, const char *synopsis, struct args *a)
{
	char name[48];

	if (a->longopt == NULL && a->arg == NULL && optopt != 0 &&
	    strchr(a->spec, optopt) != NULL)
		fprintf(stderr, "plaint: %s: option -%c needs a value\n",
		    c->cmd, optopt);
	else
		fprintf(stderr, "plaint: %s: unknown option %s\n", c->cmd,
		    option_name(a, name, sizeof(name)));
	return usage(c, synopsis, '?');
}

struct stamp
ctx_stamp(const struct ctx *c)
{
	struct stamp st;

	st.now = c->now;
	st.off = c->tree_open ? c->store.policy.tz_off : 8 * 3600;
	st.actor = c->actor;
	return st;
}

static int
exists(const char *path)
{
	return access(path, R_OK) == 0;
}

static int
exe_dir(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	char *slash;

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return -1;
	*slash = '\0';
	return 0;
}

/*
 * Shipped files are found beside the binary, so that an installed plaint
 * and one in its build tree both find theirs: PREFIX/bin/plaint reads
 * PREFIX/share/plaint and PREFIX/share/man; ./plaint reads ./data, ./man
 * (and build-asan/plaint ../data, ../man).
 */
int
datafile(char *buf, size_t size, const char *kind, const char *rel)
{
	const char *env = getenv("PLAINT_DATADIR");
	int is_man = strcmp(kind, "man") == 0;
	char dir[PATH_MAX];

	if (!is_man && env != NULL && *env != '\0') {
		snprintf(buf, size, "%s/%s", env, rel);
		return exists(buf) ? 0 : -1;
	}
	if (exe_dir(dir, sizeof(dir)) == -1)
		return -1;
	snprintf(buf, size, "%s/%s/%s", dir, is_man ? "man" : "data", rel);
	if (exists(buf))
		return 0;
	/* A build in a subfolder (make O=build-asan) uses the source's. */
	snprintf(buf, size, "%s/../%s/%s", dir, is_man ? "man" : "data", rel);
	if (exists(buf))
		return 0;
	snprintf(buf, size, "%s/../share/%s/%s", dir, is_man ? "man" :
	    "plaint", rel);
	return exists(buf) ? 0 : -1;
}

int
parse_id(struct ctx *c, const char *s, struct complaint_id *id)
{
	char shown[48];
	size_t i;

	if (complaint_id_parse(s, id) == 0)
		return 0;
	for (i = 0; s[i] != '\0' && i + 1 < sizeof(shown); i++)
		shown[i] = ((unsigned char)s[i] < 0x20) ? '?' : s[i];
	shown[i] = '\0';
	return fail(c, PLAINT_USAGE, "not a complaint id: \"%s\" (ids look "
	    "like 2611-0001)", shown);
}

void
warn_incomplete(struct ctx *c)
{
	if (c->rules.incomplete && !c->quiet)
		fprintf(stderr, "plaint: %s: warning: a deadline falls in a "
		    "year without a calendar: it was counted on weekdays "
		    "alone (marked calendar: incomplete)\n", c->cmd);
}

int
may_log(struct ctx *c, const struct node *doc, struct perr *e)
{
	struct change_env env = ctx_env(c);

	return change_check_new(&env, doc, e);
}

struct change_env
ctx_env(const struct ctx *c)
{
	struct change_env env;

	env.store = (struct store *)&c->store;
	env.rules = (struct rules *)&c->rules;
	env.now = c->now;
	env.actor = c->actor;
	return env;
}

int
run_change(struct ctx *c, const struct complaint_id *id, const char *action,
    struct node *ev, change_effect_fn effect, void *arg)
{
	struct change_env env = ctx_env(c);
	struct change_out out;
	struct perr e;

	/* plaint do ID approve, where approve has resolve's effect. */
	if (c->action_as != NULL)
		action = c->action_as;
	perr_clear(&e);
	if (change_apply(&env, id, action, ev, effect, arg, &out, &e) == -1)
		return report(c, &e);
	if (out.warning[0] != '\0' && !c->quiet)
		fprintf(stderr, "plaint: %s: warning: %s\n", c->cmd,
		    out.warning);
	warn_incomplete(c);
	return 0;
}

int
apply_rules(struct ctx *c, struct node *doc, struct perr *e)
{
	if (rules_update(&c->rules, doc, c->now, NULL, e) == -1)
		return -1;
	warn_incomplete(c);
	return 0;
}

int
split_assignment(char *s, char **value)
{
	char *eq = strchr(s, '=');

	if (eq == NULL || eq == s)
		return -1;
	*eq = '\0';
	*value = eq + 1;
	return 0;
}

int
parse_yesno(const char *s, int *out)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0) {
		*out = 1;
		return 0;
	}
	if (strcmp(s, "no") == 0 || strcmp(s, "false") == 0) {
		*out = 0;
		return 0;
	}
	return -1;
}

static int
allowed_key(const char *const *allowed, const char *key)
{
	for (; *allowed != NULL; allowed++)
		if (strcmp(*allowed, "*") == 0 || strcmp(*allowed, key) == 0)
			return 1;
	return 0;
}

/* An operand that names records besides the first: an id, or "-". */
static int
is_id_operand(const char *s)
{
	struct complaint_id id;

	return strcmp(s, "-") == 0 || complaint_id_parse(s, &id) == 0;
}

static int
parse_operands(struct ctx *c, int argc, char **argv, const char *spec,
    const char *synopsis, int npos, const char *const *allowed,
    struct change_args *ca, int many)
{
	struct args a;
	char *value;
	int ch, i;

	memset(ca, 0, sizeof(*ca));
	if (many && (ca->idargs = calloc((size_t)argc + 1,
	    sizeof(*ca->idargs))) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	args_init(&a, argc, argv, spec);
	while ((ch = args_next(&a)) != -1) {
		if (ch == 'h') {
			/*
			 * The synopsis and nothing else: a return of 0 would
			 * tell the caller to go on with the change.
			 */
			usage(c, synopsis, ch);
			exit(fflush(stdout) == EOF || ferror(stdout) ?
			    PLAINT_IOERR : PLAINT_OK);
		}
		if (ch == 'm')
			ca->msg = a.arg;
		else if (ch == '?' || ch == ':')
			return bad_option(c, synopsis, &a);
		else if (ch != 0)
			ca->flag = 1;
		else if (ca->id == NULL || (many && is_id_operand(a.arg))) {
			if (ca->id == NULL)
				ca->id = a.arg;
			if (many)
				ca->idargs[ca->nidargs++] = a.arg;
		} else if (strchr(a.arg, '=') == NULL && ca->npos < npos)
			ca->pos[ca->npos++] = a.arg;
		else if (split_assignment((char *)a.arg, &value) == -1 ||
		    ca->nkv == CHANGE_MAX_KV) {
			fprintf(stderr, "plaint: %s: unexpected argument "
			    "\"%.40s\"\n", c->cmd, a.arg);
			return usage(c, synopsis, '?');
		} else {
			if (!allowed_key(allowed, a.arg))
				return fail(c, PLAINT_USAGE, "%.60s: not a "
				    "field %s takes", a.arg, c->cmd);
			for (i = 0; i < ca->nkv; i++)
				if (strcmp(ca->key[i], a.arg) == 0)
					return fail(c, PLAINT_USAGE, "%.60s: "
					    "given twice", a.arg);
			ca->key[ca->nkv] = (char *)a.arg;
			ca->value[ca->nkv++] = value;
		}
	}
	if (ca->id == NULL || ca->npos < npos)
		return usage(c, synopsis, '?');
	return 0;
}

int
change_args_parse(struct ctx *c, int argc, char **argv, const char *spec,
    const char *synopsis, int npos, const char *const *allowed,
    struct change_args *ca, struct complaint_id *id)
{
	int rc;

	if ((rc = parse_operands(c, argc, argv, spec, synopsis, npos, allowed,
	    ca, 0)) != 0)
		return rc;
	return parse_id(c, ca->id, id);
}

static int
add_id(struct ctx *c, struct change_args *ca, const struct complaint_id *id)
{
	char a[STORE_ID_BUFSZ], b[STORE_ID_BUFSZ];
	size_t i;

	complaint_id_format(id, a);
	for (i = 0; i < ca->nids; i++) {
		complaint_id_format(&ca->ids[i], b);
		if (strcmp(a, b) == 0)
			return fail(c, PLAINT_USAGE, "%s: given twice", a);
	}
	if (ARRAY_GROW(ca->ids, ca->nids, ca->capids) == -1)
		return fail(c, PLAINT_OSERR, "out of memory");
	ca->ids[ca->nids++] = *id;
	return 0;
}

/* "-": one id a line on stdin, blank lines left out, all or nothing. */
static int
read_ids(struct ctx *c, struct change_args *ca)
{
	struct complaint_id id;
	char *line = NULL, *s, *end;
	size_t cap = 0;
	long n = 0;
	int rc = 0;

	while (rc == 0 && getline(&line, &cap, stdin) != -1) {
		n++;
		for (s = line; *s == ' ' || *s == '\t'; s++)
			;
		for (end = s + strlen(s); end > s && (end[-1] == '\n' ||
		    end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t');)
			*--end = '\0';
		if (*s == '\0')
			continue;
		if (complaint_id_parse(s, &id) == -1) {
			if (strlen(s) > 40)
				s[40] = '\0';
			for (end = s; *end != '\0'; end++)
				if ((unsigned char)*end < 0x20)
					*end = '?';
			rc = fail(c, PLAINT_USAGE, "<stdin>:%ld: not a "
			    "complaint id: \"%s\" (one id a line, as 'plaint "
			    "list -f ids' prints them)", n, s);
		} else
			rc = add_id(c, ca, &id);
	}
	if (rc == 0 && ferror(stdin))
		rc = fail(c, PLAINT_IOERR, "<stdin>: cannot read: %s",
		    strerror(errno));
	free(line);
	return rc;
}

int
change_ids_parse(struct ctx *c, int argc, char **argv, const char *spec,
    const char *synopsis, int npos, const char *const *allowed,
    struct change_args *ca)
{
	struct complaint_id id;
	int rc, stdin_read = 0;
	size_t i;

	if ((rc = parse_operands(c, argc, argv, spec, synopsis, npos, allowed,
	    ca, 1)) != 0)
		return rc;
	for (i = 0; i < ca->nidargs; i++) {
		if (strcmp(ca->idargs[i], "-") == 0) {
			if (stdin_read++)
				return fail(c, PLAINT_USAGE, "-: stdin can be "
				    "read once");
			rc = read_ids(c, ca);
		} else if ((rc = parse_id(c, ca->idargs[i], &id)) == 0)
			rc = add_id(c, ca, &id);
		if (rc != 0)
			return rc;
	}
	return 0;
}

void
change_args_release(struct change_args *ca)
{
	free(ca->idargs);
	free(ca->ids);
	ca->idargs = NULL;
	ca->ids = NULL;
	ca->nidargs = 0;
	ca->nids = ca->capids = 0;
}

int
change_each(struct ctx *c, const struct change_args *ca, change_one_fn fn,
    void *arg)
{
	const char *cmd = c->cmd;
	char label[96], idstr[STORE_ID_BUFSZ];
	size_t i, ok = 0, refused = 0;
	int rc, first = 0;

	if (ca->nids == 1)
		return fn(c, &ca->ids[0], arg);	/* as before: no summary */
	for (i = 0; i < ca->nids; i++) {
		/* Every message, a warning too, names its record. */
		complaint_id_format(&ca->ids[i], idstr);
		snprintf(label, sizeof(label), "%s: %s", cmd, idstr);
		c->cmd = label;
		rc = fn(c, &ca->ids[i], arg);
		c->cmd = cmd;
		if (rc == 0)
			ok++;
		else if (first == 0)
			first = rc;
		refused += rc == PLAINT_REFUSED;
	}
	if (ca->nids > 1 && !(c->quiet && first == 0))
		fprintf(stderr, "plaint: %s: %zu of %zu changed, %zu %s\n",
		    cmd, ok, ca->nids, ca->nids - ok, refused == ca->nids -
		    ok ? "refused" : "failed");
	return first;
}

const char *
change_arg(const struct change_args *ca, const char *key)
{
	int i;

	for (i = 0; i < ca->nkv; i++)
		if (strcmp(ca->key[i], key) == 0)
			return ca->value[i];
	return NULL;
}

int
change_args_effect(struct change *ch, struct node *ev, void *arg,
    struct perr *e)
{
	const struct change_args *ca = arg;

	return change_take_fields(ch, (const char *const *)ca->key,
	    (const char *const *)ca->value, (size_t)ca->nkv, ca->msg, ev, e);
}

const struct wf_action *
record_action(struct ctx *c, const struct complaint_id *id,
    const char *action, struct perr *e)
{
	const struct wf_action *a;
	struct node *doc;

	if ((doc = store_read(&c->store, id, e)) == NULL)
		return NULL;
	a = workflow_action(policy_record_workflow(&c->store.policy, doc),
	    action);
	node_free(doc);
	return a;
}

int
policy_action(struct ctx *c, const struct complaint_id *id,
    const char *action, struct change_args *ca, int *rc)
{
	const struct wf_action *a;
	struct perr e;

	perr_clear(&e);
	if (c->action_as != NULL)
		action = c->action_as;
	if ((a = record_action(c, id, action, &e)) == NULL) {
		if (e.code == 0)
			return 0;	/* not the workflow's: refused later */
		*rc = report(c, &e);
		return 1;
	}
	if (a->effect != NULL)
		return 0;
	*rc = run_change(c, id, action, NULL, change_args_effect, ca);
	return 1;
}

int
output_check(struct ctx *c, const char *file, int csv, int bom)
{
	if (bom && !csv)
		return fail(c, PLAINT_USAGE, "-B: only with -f csv");
	if (file != NULL && *file == '\0')
		return fail(c, PLAINT_USAGE, "-o: the file name is empty");
	return PLAINT_OK;
}

void
output_init(struct output *o, const char *file, int csv, int bom)
{
	memset(o, 0, sizeof(*o));
	o->file = file;
	o->fp = stdout;
	o->bom = csv && (bom || file != NULL);
}

int
output_open(struct output *o, struct perr *e)
{
	if (o->file == NULL)
		return 0;
	if (fileio_out_open(&o->fo, o->file, e) == -1)
		return -1;
	o->fp = o->fo.fp;
	return 0;
}

int
output_close(struct ctx *c, struct output *o, struct perr *e)
{
	if (o->fo.tmp == NULL)
		return 0;
	o->fp = stdout;
	if (fileio_out_close(&o->fo, e->code == 0 && c->rval == 0, e) == 0)
		return 0;
	if (!c->quiet)
		fprintf(stderr, "plaint: %s: %s is left as it was: the %s "
		    "was not complete\n", c->cmd, o->file, c->cmd);
	return -1;
}
