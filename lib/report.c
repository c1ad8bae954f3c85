#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "complaint.h"
#include "report.h"
#include "workflow.h"

/* Distributions */

static long long
bucket_of(long long v)
{
	int e;

	if (v < 128)
		return v;
	e = 63 - __builtin_clzll((unsigned long long)v);
	return 128 + (long long)(e - 7) * 64 + ((v >> (e - 6)) & 63);
}

/* The middle of a bucket. */
static long long
bucket_mid(long long b)
{
	long long e, sub, lo;

	if (b < 128)
		return b;
	e = 7 + (b - 128) / 64;
	sub = (b - 128) % 64;
	lo = (64 + sub) << (e - 6);
	return lo + ((1LL << (e - 6)) - 1) / 2;
}

static int
dist_insert(struct report_dist *d, long long key, unsigned long n)
{
	size_t lo = 0, hi = d->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (d->v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->n && d->v[lo].key == key) {
		d->v[lo].n += n;
		return 0;
	}
	if (ARRAY_GROW(d->v, d->n, d->cap) == -1)
		return -1;
	memmove(d->v + lo + 1, d->v + lo, (d->n - lo) * sizeof(*d->v));
	d->v[lo].key = key;
	d->v[lo].n = n;
	d->n++;
	return 0;
}

/* From exact seconds to buckets; keys stay sorted, equal ones merge. */
static void
dist_bucket(struct report_dist *d)
{
	size_t i, out = 0;

	for (i = 0; i < d->n; i++) {
		long long b = bucket_of(d->v[i].key);

		if (out > 0 && d->v[out - 1].key == b)
			d->v[out - 1].n += d->v[i].n;
		else {
			d->v[out].key = b;
			d->v[out++].n = d->v[i].n;
		}
	}
	d->n = out;
	d->bucketed = 1;
}

int
report_dist_add(struct report_dist *d, long long secs)
{
	if (secs < 0)
		secs = 0;
	if (d->count == 0 || secs < d->min)
		d->min = secs;
	if (d->count == 0 || secs > d->max)
		d->max = secs;
	if (!d->bucketed && d->n >= REPORT_DIST_EXACT)
		dist_bucket(d);
	if (dist_insert(d, d->bucketed ? bucket_of(secs) : secs, 1) == -1)
		return -1;
	d->count++;
	return 0;
}

long long
report_dist_pct(const struct report_dist *d, int p)
{
	unsigned long long rank, seen = 0;
	long long v;
	size_t i;

	if (d->count == 0)
		return -1;
	rank = ((unsigned long long)d->count * (unsigned)p + 99) / 100;
	if (rank == 0)
		rank = 1;
	for (i = 0; i < d->n; i++) {
		seen += d->v[i].n;
		if (seen >= rank)
			break;
	}
	if (i == d->n)
		i = d->n - 1;
	if (!d->bucketed)
		return d->v[i].key;
	v = bucket_mid(d->v[i].key);
	return v < d->min ? d->min : v > d->max ? d->max : v;
}

void
report_dist_release(struct report_dist *d)
{
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* Groups */

static void
group_release(struct report_group *g, size_t nclocks)
{
	size_t i;

	for (i = 0; i < REPORT_MAX_BY; i++)
		free(g->key[i]);
	for (i = 0; i < g->nkinds; i++)
		free(g->kinds[i].name);
	free(g->kinds);
	for (i = 0; i < g->nstatuses; i++)
		free(g->statuses[i].name);
	free(g->statuses);
	for (i = 0; g->clocks != NULL && i < nclocks; i++)
		report_dist_release(&g->clocks[i].dur);
	free(g->clocks);
	for (i = 0; i < g->nfines; i++) {
		free(g->fines[i].person);
		free(g->fines[i].rule);
	}
	free(g->fines);
	for (i = 0; i < g->nsanctions; i++) {
		free(g->sanctions[i].person);
		free(g->sanctions[i].rule);
		free(g->sanctions[i].sanction);
	}
	free(g->sanctions);
	free(g->informs);
	memset(g, 0, sizeof(*g));
}

static int
group_setup(struct report *rp, struct report_group *g)
{
	size_t n = rp->rules->nclocks ? rp->rules->nclocks : 1;
	size_t ni = rp->rules->ninforms ? rp->rules->ninforms : 1;

	g->clocks = calloc(n, sizeof(*g->clocks));
	g->informs = calloc(ni, sizeof(*g->informs));
	return g->clocks == NULL || g->informs == NULL ? -1 : 0;
}

int
report_init(struct report *rp, const struct policy *p, const struct rules *r,
    ptime_t now, struct perr *e)
{
	memset(rp, 0, sizeof(*rp));
	rp->policy = p;
	rp->rules = r;
	rp->now = now;
	if (group_setup(rp, &rp->all) == -1)
		return perr_nomem(e);
	return report_period(rp, NULL, NULL, e);
}

void
report_release(struct report *rp)
{
	size_t i, nclocks = rp->rules != NULL ? rp->rules->nclocks : 0;

	group_release(&rp->all, nclocks);
	for (i = 0; i < rp->ngroups; i++) {
		group_release(rp->groups[i], nclocks);
		free(rp->groups[i]);
	}
	free(rp->groups);
	free(rp->slots);
	free(rp->by_buf);
	memset(rp, 0, sizeof(*rp));
}

static void
narrow_from(struct report *rp, ptime_t t)
{
	if (!rp->has_from || t > rp->from)
		rp->from = t;
	rp->has_from = 1;
}

static void
narrow_to(struct report *rp, ptime_t t)
{
	if (!rp->has_to || t < rp->to)
		rp->to = t;
	rp->has_to = 1;
}

/* A period given at all replaces the default month, once. */
static void
period_given(struct report *rp)
{
	if (!rp->given)
		rp->has_from = rp->has_to = 0;
	rp->given = 1;
}

static int
bad_bound(struct perr *e, const char *name, const char *s)
{
	return perr_set(e, PLAINT_USAGE, "%s=: \"%.40s\" is not a period "
	    "(use 2026-11-05, 2026-11, 2026, -30d, today, yesterday, "
	    "this-month or last-month)", name, s);
}

int
report_period(struct report *rp, const char *from, const char *to,
    struct perr *e)
{
	int off = rp->policy->tz_off;
	struct ptime_period p;
	struct civil c;

	if (from == NULL && to == NULL) {
		ptime_to_civil(rp->now, off, &c);
		rp->from = ptime_days_from_civil(c.year, c.month, 1) * 86400 -
		    off;
		if (++c.month == 13) {
			c.month = 1;
			c.year++;
		}
		rp->to = ptime_days_from_civil(c.year, c.month, 1) * 86400 -
		    off - 1;
		rp->has_from = rp->has_to = 1;
		rp->given = 0;
		return 0;
	}
	period_given(rp);
	if (from != NULL) {
		if (ptime_parse_period(from, rp->now, off, &p) == -1)
			return bad_bound(e, "from", from);
		narrow_from(rp, p.rel ? p.at : p.lo);
	}
	if (to != NULL) {
		if (ptime_parse_period(to, rp->now, off, &p) == -1)
			return bad_bound(e, "to", to);
		narrow_to(rp, p.rel ? p.at : p.hi - 1);
	}
	if (rp->has_from && rp->has_to && rp->to < rp->from)
		return perr_set(e, PLAINT_USAGE, "to= is before from=");
	return 0;
}

void
report_narrow(struct report *rp, const struct filter *f)
{
	if (strcmp(f->field, "received") != 0 || f->type != FILTER_TIME ||
	    f->absent)
		return;
	period_given(rp);
	switch (f->op) {
	case FILTER_EQ:
		narrow_from(rp, f->lo);
		narrow_to(rp, f->hi - 1);
		break;
	case FILTER_GE:
		narrow_from(rp, f->lo);
		break;
	case FILTER_GT:
		narrow_from(rp, f->hi);
		break;
	case FILTER_LT:
		narrow_to(rp, f->lo - 1);
		break;
	case FILTER_LE:
		narrow_to(rp, f->hi - 1);
		break;
	case FILTER_NE:		/* no span: the filter alone decides */
		break;
	}
}

/* "2026-11-05", or "2026-11-05 10:00" off a day's edge. */
static void
bound_text(ptime_t t, int off, int edge, char *buf, size_t size)
{
	struct civil c;

	ptime_to_civil(t, off, &c);
	if (edge)
		snprintf(buf, size, "%04d-%02d-%02d", c.year, c.month, c.day);
	else
		snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", c.year,
		    c.month, c.day, c.hour, c.min);
}

void
report_period_text(const struct report *rp, char *buf, size_t size)
{
	int off = rp->policy->tz_off;
	char a[PTIME_BUFSZ], b[PTIME_BUFSZ];
	struct civil c;

	ptime_to_civil(rp->from, off, &c);
	bound_text(rp->from, off, c.hour == 0 && c.min == 0 && c.sec == 0,
	    a, sizeof(a));
	ptime_to_civil(rp->to + 1, off, &c);
	bound_text(rp->to, off, c.hour == 0 && c.min == 0 && c.sec == 0,
	    b, sizeof(b));
	if (rp->has_from && rp->has_to)
		snprintf(buf, size, "%s \xe2\x80\x93 %s", a, b);
	else if (rp->has_from)
		snprintf(buf, size, "since %s", a);
	else if (rp->has_to)
		snprintf(buf, size, "until %s", b);
	else
		snprintf(buf, size, "all");
}

/* Fields that hold personal data a report never prints. */
static int
personal(const char *field)
{
	const char *last = strrchr(field, '.');

	last = last != NULL ? last + 1 : field;
	return strstr(last, "phone") != NULL || strstr(last, "address") !=
	    NULL;
}

static const char *const not_values[] = {
	"complainant", "resolution", "notice", "penalties", "extensions",
	"history", "due", "description", NULL
};

int
report_group_by(struct report *rp, const char *spec, struct perr *e)
{
	char *s, *comma;
	size_t i, k;

	free(rp->by_buf);
	rp->nby = 0;
	if ((rp->by_buf = s = strdup(spec)) == NULL)
		return perr_nomem(e);
	for (k = 0; k < REPORT_MAX_BY; k++) {
		if ((comma = strchr(s, ',')) != NULL)
			*comma = '\0';
		if (*s == '\0')
			return perr_set(e, PLAINT_USAGE, "-b: \"%.60s\": a "
			    "field, or two separated by a comma", spec);
		if (personal(s))
			return perr_set(e, PLAINT_USAGE, "-b: a report never "
			    "prints phone numbers or addresses; cannot group "
			    "by %.60s", s);
		for (i = 0; not_values[i] != NULL; i++)
			if (strcmp(s, not_values[i]) == 0)
				return perr_set(e, PLAINT_USAGE, "-b: %s holds "
				    "more than one value; name one of its "
				    "fields", s);
		if (strcmp(s, "month") != 0 &&
		    !complaint_field_known(rp->policy, s)) {
			perr_set(e, PLAINT_USAGE, "-b: unknown field");
			perr_field(e, s);
			return -1;
		}
		rp->by[rp->nby++] = s;
		if (comma == NULL)
			return 0;
		s = comma + 1;
	}
	return perr_set(e, PLAINT_USAGE, "-b: \"%.60s\": two fields at most",
	    spec);
}

static uint64_t
hash_keys(int depth, const char *const *key)
{
	uint64_t h = 14695981039346656037ULL;
	const char *p;
	int i;

	h = (h ^ (unsigned)depth) * 1099511628211ULL;
	for (i = 0; i < depth; i++) {
		for (p = key[i] != NULL ? key[i] : "\x01"; *p != '\0'; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		h = (h ^ 0x1f) * 1099511628211ULL;
	}
	return h;
}

static int
same_key(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
rehash(struct report *rp)
{
	size_t n = rp->nslots ? rp->nslots * 2 : 64, i, j;
	size_t *slots = calloc(n, sizeof(*slots));

	if (slots == NULL)
		return -1;
	for (i = 0; i < rp->ngroups; i++) {
		struct report_group *g = rp->groups[i];

		j = hash_keys(g->depth, (const char *const *)g->key) & (n - 1);
		while (slots[j] != 0)
			j = (j + 1) & (n - 1);
		slots[j] = i + 1;
	}
	free(rp->slots);
	rp->slots = slots;
	rp->nslots = n;
	return 0;
}

static struct report_group *
find_group(struct report *rp, int depth, const char *const *key)
{
	struct report_group *g;
	size_t j;
	int i;

	if (rp->ngroups * 2 >= rp->nslots && rehash(rp) == -1)
		return NULL;
	j = hash_keys(depth, key) & (rp->nslots - 1);
	for (; rp->slots[j] != 0; j = (j + 1) & (rp->nslots - 1)) {
		g = rp->groups[rp->slots[j] - 1];
		if (g->depth == depth && same_key(g->key[0], key[0]) &&
		    (depth < 2 || same_key(g->key[1], key[1])))
			return g;
	}
	if (ARRAY_GROW(rp->groups, rp->ngroups, rp->cap) == -1)
		return NULL;
	if ((g = calloc(1, sizeof(*g))) == NULL)
		return NULL;
	g->depth = depth;
	for (i = 0; i < depth; i++)
		if (key[i] != NULL && (g->key[i] = strdup(key[i])) == NULL) {
			group_release(g, 0);
			free(g);
			return NULL;
		}
	if (group_setup(rp, g) == -1) {
		group_release(g, 0);
		free(g);
		return NULL;
	}
	rp->groups[rp->ngroups++] = g;
	rp->slots[j] = rp->ngroups;
	return g;
}

static int
tally(struct report_tally **v, size_t *n, const char *name)
{
	struct report_tally *t;
	size_t i;

	if (name == NULL || *name == '\0')
		name = "(none)";
	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0) {
			(*v)[i].n++;
			return 0;
		}
	if ((t = realloc(*v, (*n + 1) * sizeof(*t))) == NULL)
		return -1;
	*v = t;
	if ((t[*n].name = strdup(name)) == NULL)
		return -1;
	t[(*n)++].n = 1;
	return 0;
}

long
report_tally_get(const struct report_tally *t, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].name, name) == 0)
			return t[i].n;
	return 0;
}

static int
fine(struct report_group *g, const char *person, const char *rule,
    long long amount)
{
	struct report_fine *f;
	size_t i;

	for (i = 0; i < g->nfines; i++)
		if (strcmp(g->fines[i].person, person) == 0 &&
		    strcmp(g->fines[i].rule, rule) == 0)
			break;
	if (i == g->nfines) {
		if ((f = realloc(g->fines, (i + 1) * sizeof(*f))) == NULL)
			return -1;
		g->fines = f;
		f[i].person = strdup(person);
		f[i].rule = strdup(rule);
		f[i].n = 0;
		f[i].amount = 0;
		g->nfines++;
		if (f[i].person == NULL || f[i].rule == NULL)
			return -1;
	}
	g->fines[i].n++;
	g->fines[i].amount += amount;
	g->fines_n++;
	g->fines_amount += amount;
	return 0;
}

static int
sanction(struct report_group *g, const char *person, const char *rule,
    const char *what)
{
	struct report_sanction *x;
	size_t i;

	for (i = 0; i < g->nsanctions; i++)
		if (strcmp(g->sanctions[i].person, person) == 0 &&
		    strcmp(g->sanctions[i].rule, rule) == 0 &&
		    strcmp(g->sanctions[i].sanction, what) == 0)
			break;
	if (i == g->nsanctions) {
		if ((x = realloc(g->sanctions, (i + 1) * sizeof(*x))) == NULL)
			return -1;
		g->sanctions = x;
		x[i].person = strdup(person);
		x[i].rule = strdup(rule);
		x[i].sanction = strdup(what);
		x[i].n = 0;
		g->nsanctions++;
		if (x[i].person == NULL || x[i].rule == NULL ||
		    x[i].sanction == NULL)
			return -1;
	}
	g->sanctions[i].n++;
	g->sanctions_n++;
	return 0;
}

/* One penalty record: a fine in the ledger, a sanction in its table. */
static int
penalty(struct report_group *g, const struct node *p)
{
	const char *person = node_str(node_map_get(p, "person"));
	const char *rule = node_str(node_map_get(p, "rule"));
	const char *what = node_str(node_map_get(p, "sanction"));
	const char *also = node_str(node_map_get(p, "also"));
	long long amount = 0;

	if (person == NULL)
		person = "(none)";
	if (rule == NULL)
		rule = "(none)";
	if (what != NULL)
		return sanction(g, person, rule, what);
	node_int(node_map_get(p, "amount"), &amount);
	if (fine(g, person, rule, amount) == -1)
		return -1;
	return also != NULL ? sanction(g, person, rule, also) : 0;
}

/* What one complaint contributes, worked out once for all its groups. */
struct facts {
	const char *kind, *status;
	int open, overdue, invalid, unsatisfied;
	struct rules_clock *clocks;
	enum inform_state *informs;
};

static int
count(struct report *rp, struct report_group *g, const struct node *doc,
    const struct facts *f)
{
	const struct node *pl = node_map_get(doc, "penalties");
	size_t i;

	g->total++;
	g->open += f->open;
	g->overdue += f->overdue;
	g->invalid += f->invalid;
	g->unsatisfied += f->unsatisfied;
	if (tally(&g->kinds, &g->nkinds, f->kind) == -1 ||
	    tally(&g->statuses, &g->nstatuses, f->status) == -1)
		return -1;
	for (i = 0; i < rp->rules->nclocks; i++) {
		const struct rules_clock *k = &f->clocks[i];
		struct report_clockfig *cf = &g->clocks[i];

		if (!k->started || !k->stopped)
			continue;
		if (k->has_due) {
			if (k->stop <= k->due)
				cf->on_time++;
			else
				cf->late++;
		}
		if (report_dist_add(&cf->dur, k->stop - k->start) == -1)
			return -1;
	}
	for (i = 0; pl != NULL && pl->type == NODE_SEQ && i < pl->n; i++)
		if (penalty(g, pl->kids[i]) == -1)
			return -1;
	for (i = 0; i < rp->rules->ninforms; i++) {
		g->informs[i].done += f->informs[i] == INFORM_DONE;
		g->informs[i].owed += f->informs[i] == INFORM_OWED;
	}
	return 0;
}

static const char *
group_value(struct report *rp, const struct node *doc, const char *field,
    char *buf, size_t size)
{
	const struct node *n;
	struct perr e;
	int y, m;

	if (strcmp(field, "month") == 0) {
		perr_clear(&e);
		if (complaint_month(doc, rp->policy->tz_off, &y, &m, &e) == -1)
			return NULL;
		snprintf(buf, size, "%04d-%02d", y, m);
		return buf;
	}
	n = node_path_get(doc, field);
	if (n == NULL || n->type != NODE_SCALAR || node_kind(n) == KIND_NULL ||
	    *n->str == '\0')
		return NULL;
	return n->str;
}

int
report_add(struct report *rp, const struct node *doc, struct perr *e)
{
	struct rules_clock stack[16], *clocks = stack;
	enum inform_state istack[16], *informs = istack;
	const char *key[REPORT_MAX_BY] = { NULL, NULL };
	const char *received = node_str(node_map_get(doc, "received"));
	const char *sat;
	char buf[REPORT_MAX_BY][16];
	struct report_group *g;
	struct facts f;
	ptime_t t;
	size_t i;
	int o, b, rc = -1;

	if (received == NULL || ptime_parse(received, rp->policy->tz_off, &t,
	    &o) == -1)
		return 0;
	if ((rp->has_from && t < rp->from) || (rp->has_to && t > rp->to))
		return 0;
	if (rp->rules->nclocks > 16 && (clocks = calloc(rp->rules->nclocks,
	    sizeof(*clocks))) == NULL)
		return perr_nomem(e);
	if (rp->rules->ninforms > 16 && (informs = calloc(
	    rp->rules->ninforms, sizeof(*informs))) == NULL) {
		if (clocks != stack)
			free(clocks);
		return perr_nomem(e);
	}
	for (i = 0; i < rp->rules->ninforms; i++)
		informs[i] = rules_inform(rp->rules, i, doc, NULL);
	memset(&f, 0, sizeof(f));
	f.kind = node_str(node_map_get(doc, "kind"));
	f.status = node_str(node_map_get(doc, "status"));
	f.open = workflow_is_open(policy_workflow(rp->policy, f.kind),
	    f.status);
	f.invalid = node_bool(node_path_get(doc, "resolution.valid"), &b) ==
	    0 && !b;
	sat = node_str(node_map_get(doc, "satisfaction"));
	f.unsatisfied = sat != NULL && strcmp(sat, "unsatisfied") == 0;
	f.clocks = clocks;
	f.informs = informs;
	for (i = 0; i < rp->rules->nclocks; i++) {
		struct rules_clock *k = &clocks[i];

		rules_clock_state(rp->rules, &rp->rules->clocks[i], doc, k);
		if (k->started && !k->stopped && k->has_due && !k->paused &&
		    rp->now > k->due)
			f.overdue = 1;
	}
	if (count(rp, &rp->all, doc, &f) == -1)
		goto nomem;
	for (i = 0; i < rp->nby; i++) {
		key[i] = group_value(rp, doc, rp->by[i], buf[i],
		    sizeof(buf[i]));
		if ((g = find_group(rp, (int)i + 1, key)) == NULL ||
		    count(rp, g, doc, &f) == -1)
			goto nomem;
	}
	rc = 0;
	goto done;
nomem:
	perr_nomem(e);
done:
	if (clocks != stack)
		free(clocks);
	if (informs != istack)
		free(informs);
	return rc;
}

static int
cmp_key(const char *a, const char *b)
{
	/* The absent value sorts last. */
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

static int
cmp_group(const void *pa, const void *pb)
{
	const struct report_group *a = *(const struct report_group *const *)pa;
	const struct report_group *b = *(const struct report_group *const *)pb;
	int c;

	if ((c = cmp_key(a->key[0], b->key[0])) != 0)
		return c;
	if (a->depth != b->depth)
		return a->depth - b->depth;
	return a->depth == 2 ? cmp_key(a->key[1], b->key[1]) : 0;
}

static int
cmp_fine(const void *pa, const void *pb)
{
	const struct report_fine *a = pa, *b = pb;
	int c = strcmp(a->person, b->person);

	return c != 0 ? c : strcmp(a->rule, b->rule);
}

static int
cmp_sanction(const void *pa, const void *pb)
{
	const struct report_sanction *a = pa, *b = pb;
	int c = strcmp(a->person, b->person);

	if (c == 0)
		c = strcmp(a->rule, b->rule);
	return c != 0 ? c : strcmp(a->sanction, b->sanction);
}

static void
sort_ledgers(struct report_group *g)
{
	if (g->nfines > 1)
		qsort(g->fines, g->nfines, sizeof(*g->fines), cmp_fine);
	if (g->nsanctions > 1)
		qsort(g->sanctions, g->nsanctions, sizeof(*g->sanctions),
		    cmp_sanction);
}

void
report_finish(struct report *rp)
{
	size_t i;

	if (rp->ngroups > 1)
		qsort(rp->groups, rp->ngroups, sizeof(*rp->groups), cmp_group);
	free(rp->slots);
	rp->slots = NULL;
	rp->nslots = 0;
	sort_ledgers(&rp->all);
	for (i = 0; i < rp->ngroups; i++)
		sort_ledgers(rp->groups[i]);
}
