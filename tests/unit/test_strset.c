#include <stdio.h>

#include "../../lib/strset.h"
#include "unit.h"

void
suite_strset(void)
{
	struct strset set = STRSET_INIT;
	char key[32];
	const char *a, *b;
	long val, old = -1;
	int i, bad = 0;

	CHECK(!strset_has(&set, "x", NULL));
	CHECK(strset_add(&set, "crm-1", 7, NULL) == 1);
	CHECK(strset_add(&set, "crm-1", 9, &old) == 0 && old == 7);
	CHECK(strset_has(&set, "crm-1", &val) && val == 7);
	CHECK(strset_set(&set, "crm-1", 9) == 0);
	CHECK(strset_has(&set, "crm-1", &val) && val == 9);
	/* Past many doublings, every key keeps its value. */
	for (i = 0; i < 50000; i++) {
		snprintf(key, sizeof(key), "ref-%d", i);
		bad += strset_add(&set, key, i, NULL) != 1;
	}
	CHECK(bad == 0 && set.n == 50001);
	for (i = 0, bad = 0; i < 50000; i++) {
		snprintf(key, sizeof(key), "ref-%d", i);
		bad += !strset_has(&set, key, &val) || val != i;
	}
	CHECK(bad == 0);
	CHECK(!strset_has(&set, "ref-50000", NULL));
	/* One copy per name, the same pointer each time. */
	a = strset_intern(&set, "张三");
	b = strset_intern(&set, "张三");
	CHECK(a != NULL && a == b && strcmp(a, "张三") == 0);
	CHECK(strset_intern(&set, "ref-7") == strset_intern(&set, "ref-7"));
	strset_release(&set);
	CHECK(set.n == 0 && !strset_has(&set, "crm-1", NULL));
}
