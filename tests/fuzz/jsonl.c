/*
 * JSON Lines: each line either parses or is refused with 65; a line
 * that parses is, as data, what libyaml reads from it whenever libyaml
 * reads it too (JSON is YAML), and survives the writer's round trip.
 */
#include <string.h>

#include "../../lib/jsonparse.h"
#include "../../lib/strbuf.h"
#include "../../lib/yamlio.h"
#include "fuzz.h"

static void
one_line(const char *buf, size_t len)
{
	struct strbuf out = STRBUF_INIT;
	struct node *doc, *ref, *back;
	struct perr e;

	perr_clear(&e);
	if ((doc = jsonparse(buf, len, "in.jsonl", &e)) == NULL) {
		FUZZ_ASSERT(e.code == PLAINT_DATAERR);
		return;
	}
	perr_clear(&e);
	if ((ref = yamlio_parse_events(buf, len, "in.jsonl", &e)) != NULL) {
		FUZZ_ASSERT(fuzz_same_data(doc, ref));
		node_free(ref);
	}
	perr_clear(&e);
	if (yamlio_emit(doc, &out, &e) == 0) {
		back = yamlio_parse(out.buf, out.len, "emitted", &e);
		FUZZ_ASSERT(back != NULL);
		FUZZ_ASSERT(fuzz_same_data(doc, back));
		node_free(back);
	} else
		FUZZ_ASSERT(e.code == PLAINT_DATAERR);
	strbuf_release(&out);
	node_free(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data, *nl;
	size_t off = 0;

	while (off < size) {
		nl = memchr(buf + off, '\n', size - off);
		one_line(buf + off, (nl != NULL ? (size_t)(nl - buf) : size) -
		    off);
		off = nl != NULL ? (size_t)(nl - buf) + 1 : size;
	}
	return 0;
}
