#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#ifndef FUZZ_DATA
#define FUZZ_DATA "data"
#endif

void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: property does not hold: %s\n", file, line,
	    what);
	abort();
}

int
fuzz_same_data(const struct node *a, const struct node *b)
{
	size_t i;

	if (a == NULL || b == NULL || a->type != b->type || a->n != b->n)
		return 0;
	/*
	 * The emitter quotes a plain string it cannot write plain ("---.")
	 * and writes an empty null as null where empty would not read back:
	 * the same string, the same null.
	 */
	if (a->type == NODE_SCALAR)
		return node_kind(a) == node_kind(b) && (node_kind(a) ==
		    KIND_NULL || strcmp(a->str, b->str) == 0);
	for (i = 0; i < a->n; i++) {
		if (a->type == NODE_MAP && strcmp(a->keys[i], b->keys[i]) != 0)
			return 0;
		if (!fuzz_same_data(a->kids[i], b->kids[i]))
			return 0;
	}
	return 1;
}

/* The source tree's data/: $PLAINT_TOP's (the tests set it), else the
 * one the driver was built in. */
static const char *
data_dir(void)
{
	static char dir[4096];
	const char *top = getenv("PLAINT_TOP");

	if (dir[0] == '\0')
		snprintf(dir, sizeof(dir), "%s%s", top != NULL && *top != '\0' ?
		    top : FUZZ_DATA, top != NULL && *top != '\0' ? "/data" : "");
	return dir;
}

int
fuzz_find_data(char *buf, size_t size, const char *rel)
{
	int n = snprintf(buf, size, "%s/%s", data_dir(), rel);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

struct fuzz_pack *
fuzz_pack(const char *name)
{
	static struct fuzz_pack pack;
	static int loaded;
	char path[4096];
	struct perr e;

	char msg[1024];

	if (loaded)
		return &pack;
	perr_clear(&e);
	snprintf(path, sizeof(path), "%s/policies/%s.yaml", data_dir(), name);
	if (policy_load(&pack.policy, path, &e) == -1 ||
	    policy_load_workflows(&pack.policy, fuzz_find_data, &e) == -1 ||
	    rules_load(&pack.rules, &pack.policy, fuzz_find_data, &e) == -1) {
		/* A harness without its pack would test nothing. */
		perr_format(&e, msg, sizeof(msg));
		fprintf(stderr, "fuzz: %s\n", msg);
		abort();
	}
	loaded = 1;
	return &pack;
}
