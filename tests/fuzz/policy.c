/*
 * The policy and rules loader: any text either loads or is refused
 * with 78; a policy that loads carries its rules through a complaint's
 * whole life (log, assign, pause, resume, extend, escalate, resolve,
 * reopen) without harm, the complaint's kind, channel, category,
 * severity, cause and level taken from the policy's own lists.  With
 * FUZZ_STRICT set (t0760 sets it for the shipped packs) that complaint
 * must validate and its rules run.
 */
#include <stdlib.h>
#include <string.h>

#include "../../lib/complaint.h"
#include "../../lib/filter.h"
#include "../../lib/yamlio.h"
#include "fuzz.h"

#define FUZZ_NOW ((ptime_t)1796086800)

static const char sample[] =
    "id: \"2611-0001\"\n"
    "kind: complaint\n"
    "status: resolved\n"
    "received: \"2026-11-24T14:30:00+08:00\"\n"
    "channel: phone\n"
    "category: service-attitude\n"
    "severity: major\n"
    "department: \"营业厅\"\n"
    "subject: \"态度差\"\n"
    "assignee: \"钱莉艳\"\n"
    "level: 1\n"
    "round: 2\n"
    "resolution:\n"
    "  at: \"2026-11-27T10:00:00+08:00\"\n"
    "  valid: yes\n"
    "  cause: staff\n"
    "  responsible: \"钱莉艳\"\n"
    "history:\n"
    "- {n: 1, at: \"2026-11-24T14:30:00+08:00\", by: a, action: log}\n"
    "- {n: 2, at: \"2026-11-24T15:00:00+08:00\", by: a, action: assign,"
    " to: b}\n"
    "- {n: 3, at: \"2026-11-25T09:00:00+08:00\", by: a, action: pause}\n"
    "- {n: 4, at: \"2026-11-26T09:00:00+08:00\", by: a, action: resume}\n"
    "- {n: 5, at: \"2026-11-26T10:00:00+08:00\", by: a, action: extend,"
    " clock: resolve, by_duration: 2d, approved_by: c}\n"
    "- {n: 6, at: \"2026-11-26T11:00:00+08:00\", by: a, action: escalate,"
    " level: 1}\n"
    "- {n: 7, at: \"2026-11-26T12:00:00+08:00\", by: a, action: resolve}\n"
    "- {n: 8, at: \"2026-11-26T13:00:00+08:00\", by: a, action: reopen,"
    " round: 2}\n"
    "- {n: 9, at: \"2026-11-27T10:00:00+08:00\", by: a, action: resolve}\n";

static void
set_first(struct node *doc, const char *field, const struct strlist *l)
{
	if (l->n == 0)
		node_path_del(doc, field);
	else
		FUZZ_ASSERT(node_path_set(doc, field, node_new_str(l->v[0]),
		    NULL) == 0);
}

/* The sample, speaking the policy's vocabulary. */
static void
fit_sample(struct node *doc, const struct policy *p)
{
	const struct workflow *wf;

	set_first(doc, "kind", &p->kinds);
	set_first(doc, "channel", &p->channels);
	set_first(doc, "category", &p->categories);
	set_first(doc, "severity", &p->severities);
	set_first(doc, "resolution.cause", &p->causes);
	/* A kind of another lifecycle (a work ticket): its first state. */
	wf = policy_record_workflow(p, doc);
	if (wf != NULL && !workflow_is_state(wf, "resolved"))
		FUZZ_ASSERT(node_map_set(doc, "status", node_new_str(
		    wf->states[0].name)) == 0);
	FUZZ_ASSERT(node_map_set(doc, "level", node_new_int(p->nlevels > 1 ?
	    1 : 0)) == 0);
}

static void
exercise(struct policy *p, struct rules *r)
{
	struct filter_set fs;
	enum filter_type type;
	struct node *doc;
	const char *clock;
	ptime_t due;
	struct perr e;
	size_t i;
	int ran, strict = getenv("FUZZ_STRICT") != NULL;

	perr_clear(&e);
	doc = yamlio_parse(sample, sizeof(sample) - 1, "sample", &e);
	FUZZ_ASSERT(doc != NULL);
	fit_sample(doc, p);
	ran = complaint_validate(doc, p, "2611-0001", "sample", &e) == 0 &&
	    rules_update(r, doc, FUZZ_NOW, NULL, &e) == 0;
	if (strict)
		FUZZ_ASSERT(ran);
	if (ran) {
		/* A running deadline names its clock. */
		if (rules_running_due(r, doc, &due, &clock) == 1)
			FUZZ_ASSERT(clock != NULL);
		(void)rules_overdue(r, doc, FUZZ_NOW, &clock);
		(void)rules_unpaid(r, doc);
		(void)rules_notice_owed(r, doc);
	}
	for (i = 0; i < p->nfields; i++)
		(void)filter_field_type(p, p->fields[i].name, &type, &e);
	filter_init(&fs, p, r, FUZZ_NOW);
	for (i = 0; i < p->categories.n && i < 4; i++) {
		char op[256];

		snprintf(op, sizeof(op), "category=%s", p->categories.v[i]);
		(void)filter_parse(&fs, op, &e);
	}
	(void)filter_parse(&fs, "due<24h", &e);
	(void)filter_match(&fs, doc);
	filter_release(&fs);
	node_free(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy p;
	struct rules r;
	struct perr e;

	perr_clear(&e);
	if (policy_load_buf(&p, (const char *)data, size, "plaint.yaml",
	    &e) == -1) {
		FUZZ_ASSERT(e.code == PLAINT_CONFIG);
		FUZZ_ASSERT(getenv("FUZZ_STRICT") == NULL);
		return 0;
	}
	if (policy_load_workflows(&p, fuzz_find_data, &e) == -1 ||
	    rules_load(&r, &p, fuzz_find_data, &e) == -1) {
		FUZZ_ASSERT(e.code == PLAINT_CONFIG);
		FUZZ_ASSERT(getenv("FUZZ_STRICT") == NULL);
		policy_release(&p);
		return 0;
	}
	exercise(&p, &r);
	rules_release(&r);
	policy_release(&p);
	return 0;
}
