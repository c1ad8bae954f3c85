/*
 * The filter parser: each line is an operand of list or report; it
 * parses or is refused with 64, and the filters that parse match a set
 * of complaints (a malformed one among them) and order them
 * consistently.
 */
#include <string.h>

#include "../../lib/filter.h"
#include "../../lib/yamlio.h"
#include "fuzz.h"

#define FUZZ_NOW ((ptime_t)1796086800)

static const char *const docs[] = {
	"id: \"2611-0001\"\nkind: complaint\nstatus: new\n"
	"received: \"2026-11-24T14:30:00+08:00\"\nchannel: phone\n"
	"category: service-attitude\nsubject: \"x\"\nlevel: 0\nround: 1\n"
	"due: {first-contact: \"2026-11-24T14:50:00+08:00\"}\n"
	"history:\n- {n: 1, at: \"2026-11-24T14:30:00+08:00\", by: a, "
	"action: log}\n",
	"id: \"BJ-2612-10000\"\nkind: inquiry\nstatus: closed\n"
	"received: \"2026-12-01T08:00:00+08:00\"\nsubject: \"y\"\n"
	"complainant: {name: \"张三\", phone: \"13800000000\"}\n"
	"resolution: {at: \"2026-12-01T08:30:00+08:00\", valid: no}\n"
	"level: 2\nround: 3\nhistory: []\n",
	"id: x\nstatus: [1, 2]\nreceived: 12\nlevel: {a: b}\n",
};

#define NDOCS (sizeof(docs) / sizeof(docs[0]))

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_pack *pk = fuzz_pack("car-service");
	const char *buf = (const char *)data;
	struct node *doc[NDOCS];
	struct filter_key ka, kb;
	struct filter_set fs;
	char op[1024];
	size_t off = 0, len, i, j;
	struct perr e;

	for (i = 0; i < NDOCS; i++) {
		perr_clear(&e);
		doc[i] = yamlio_parse(docs[i], strlen(docs[i]), "d", &e);
		FUZZ_ASSERT(doc[i] != NULL);
	}
	filter_init(&fs, &pk->policy, &pk->rules, FUZZ_NOW);
	while (off < size) {
		const char *nl = memchr(buf + off, '\n', size - off);

		len = (nl != NULL ? (size_t)(nl - buf) : size) - off;
		if (len < sizeof(op) && memchr(buf + off, '\0', len) == NULL) {
			memcpy(op, buf + off, len);
			op[len] = '\0';
			(void)filter_looks_like(op);
			perr_clear(&e);
			if (filter_parse(&fs, op, &e) == -1)
				FUZZ_ASSERT(e.code == PLAINT_USAGE);
		}
		off += len + 1;
	}
	for (i = 0; i < NDOCS; i++)
		(void)filter_match(&fs, doc[i]);
	/*
	 * A sort needs a consistent order over every pair, the malformed
	 * document among them: a key equals itself, and a < b exactly when
	 * b > a.
	 */
	for (j = 0; j < fs.n; j++)
		for (i = 0; i < NDOCS; i++) {
			size_t k = (i + 1) % NDOCS;

			filter_key_get(&fs, fs.v[j].field, fs.v[j].type,
			    doc[i], &ka);
			filter_key_get(&fs, fs.v[j].field, fs.v[j].type,
			    doc[k], &kb);
			FUZZ_ASSERT(filter_key_cmp(fs.v[j].type, &ka, &ka) == 0);
			FUZZ_ASSERT(sign(filter_key_cmp(fs.v[j].type, &ka,
			    &kb)) == -sign(filter_key_cmp(fs.v[j].type, &kb,
			    &ka)));
		}
	filter_release(&fs);
	for (i = 0; i < NDOCS; i++)
		node_free(doc[i]);
	return 0;
}
