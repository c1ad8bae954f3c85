/*
 * The complaint reader: yamlfast must give libyaml's tree (marks
 * included) or leave the text to it; what the writer emits, the reader
 * takes back as the same data, and a text written twice is written the
 * same way a third time; a document
 * that passes validation goes through the rules of a pack with clocks,
 * pauses and fines (car-service) without harm.
 */
#include <stdlib.h>
#include <string.h>

#include "../../lib/complaint.h"
#include "../../lib/strbuf.h"
#include "../../lib/yamlfast.h"
#include "../../lib/yamlio.h"
#include "../unit/tree.h"
#include "fuzz.h"

/* 2026-12-01T09:00:00+08:00 */
#define FUZZ_NOW ((ptime_t)1796086800)

/* Emit doc and read it back: -1 when a limit refused it, else 0. */
static int
emit_and_read(const struct node *doc, struct strbuf *out, struct node **back)
{
	struct perr e;

	perr_clear(&e);
	strbuf_reset(out);
	if (yamlio_emit(doc, out, &e) == -1) {
		/* The text may outgrow a limit the input was within. */
		FUZZ_ASSERT(e.code == PLAINT_DATAERR);
		return -1;
	}
	*back = yamlio_parse(out->buf, out->len, "emitted", &e);
	FUZZ_ASSERT(*back != NULL);
	FUZZ_ASSERT(fuzz_same_data(doc, *back));
	return 0;
}

/*
 * The same data comes back, and from the second writing on the text is
 * a fixed point: rewriting an unchanged record changes no byte.
 */
static void
round_trip(const struct node *doc)
{
	struct strbuf out = STRBUF_INIT, again = STRBUF_INIT;
	struct node *back = NULL, *back2 = NULL, *back3 = NULL;

	if (emit_and_read(doc, &out, &back) == 0 &&
	    emit_and_read(back, &out, &back2) == 0) {
		FUZZ_ASSERT(emit_and_read(back2, &again, &back3) == 0);
		FUZZ_ASSERT(again.len == out.len &&
		    memcmp(again.buf, out.buf, out.len) == 0);
	}
	node_free(back);
	node_free(back2);
	node_free(back3);
	strbuf_release(&out);
	strbuf_release(&again);
}

static void
apply_rules(struct node *doc)
{
	struct fuzz_pack *pk = fuzz_pack("car-service");
	const struct node *id;
	const char *clock;
	ptime_t due;
	struct perr e;

	if (doc->type != NODE_MAP)
		return;
	id = node_map_get(doc, "id");
	perr_clear(&e);
	if (complaint_validate(doc, &pk->policy, id != NULL &&
	    id->type == NODE_SCALAR ? id->str : "2612-0001", "f.yaml",
	    &e) == -1) {
		FUZZ_ASSERT(e.code == PLAINT_DATAERR);
		return;
	}
	if (rules_update(&pk->rules, doc, FUZZ_NOW, NULL, &e) == -1)
		return;
	(void)rules_running_due(&pk->rules, doc, &due, &clock);
	(void)rules_overdue(&pk->rules, doc, FUZZ_NOW, &clock);
	round_trip(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct node *doc, *ref;
	struct perr e, eref;

	perr_clear(&e);
	perr_clear(&eref);
	doc = yamlio_parse(buf, size, "f.yaml", &e);
	ref = yamlio_parse_events(buf, size, "f.yaml", &eref);
	FUZZ_ASSERT((doc == NULL) == (ref == NULL));
	if (doc == NULL) {
		FUZZ_ASSERT(e.code == PLAINT_DATAERR && e.code == eref.code);
		FUZZ_ASSERT(strcmp(e.msg, eref.msg) == 0);
		return 0;
	}
	FUZZ_ASSERT(same_tree(doc, ref, 1));
	round_trip(ref);
	apply_rules(ref);
	node_free(doc);
	node_free(ref);
	return 0;
}
