/*
 * fuzz.h - what the fuzz harnesses share (RELIABILITY.md T9).
 *
 * Each harness file defines LLVMFuzzerTestOneInput.  Built with clang's
 * -fsanitize=fuzzer it is a libFuzzer target (make fuzz); built with
 * the ordinary compiler beside replay.c it is a driver that runs the
 * saved corpus and every past crash (make check, t0760).  A property
 * that does not hold aborts, which both count as a crash.
 */
#ifndef PLAINT_FUZZ_H
#define PLAINT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "../../lib/node.h"
#include "../../lib/policy.h"
#include "../../lib/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Report what broke, with the input's size, and abort. */
#define FUZZ_ASSERT(cond) do {						\
	if (!(cond))							\
		fuzz_fail(__FILE__, __LINE__, #cond);			\
} while (0)
void fuzz_fail(const char *file, int line, const char *what);

/* The same data: keys, order, text and type; style and marks aside. */
int fuzz_same_data(const struct node *a, const struct node *b);

/*
 * A pack from data/policies with its rules and calendars, loaded at the
 * first call (one pack per harness: later names are not looked at)
 * and kept for the life of the process.  It aborts if the pack does not
 * load: a harness without its pack would test nothing.
 */
struct fuzz_pack {
	struct policy policy;
	struct rules rules;
};
struct fuzz_pack *fuzz_pack(const char *name);
/* Map "calendars/cn-2026.yaml" into the source tree's data/ ($PLAINT_TOP). */
int fuzz_find_data(char *buf, size_t size, const char *rel);

#endif
