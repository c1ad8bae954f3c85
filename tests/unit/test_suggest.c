#include <stdint.h>

#include "../../lib/suggest.h"
#include "unit.h"

static const char *const commands[] = {
	"assign", "check", "close", "do", "escalate", "export", "extend",
	"help", "import", "init", "list", "log", "note", "pause", "policy",
	"remind", "reopen", "report", "resolve", "resume", "show",
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct {
	const char *a, *b;
	size_t distance;
} distances[] = {
	{ "list", "list", 0 },
	{ "", "list", 4 },
	{ "lsit", "list", 1 },		/* a swap of neighbours is one slip */
	{ "lst", "list", 1 },
	{ "lisst", "list", 1 },
	{ "lost", "list", 1 },
	{ "LIST", "list", 0 },		/* ASCII letters without case */
	{ "ca", "abc", 3 },		/* no second edit of a swapped pair */
	{ "kitten", "sitting", 3 },
	{ "投拆", "投诉", 1 },		/* characters, not bytes */
	{ "类别", "别类", 1 },
	{ "complainant_name", "complainant.name", 1 },
};

static const struct {
	const char *word, *closest;	/* NULL: nothing is close */
} closest[] = {
	{ "lsit", "list" },
	{ "lits", "list" },
	{ "remnid", "remind" },
	{ "reslove", "resolve" },
	{ "assing", "assign" },
	{ "exprot", "export" },
	{ "shwo", "show" },
	{ "Show", "show" },
	{ "od", "do" },
	{ "clsoe", "close" },
	{ "dog", "do" },		/* a tie: the first of the list */
	{ "frobnicate", NULL },
	{ "x", NULL },
	{ "", NULL },
	{ "lsti", NULL },		/* two slips in four letters */
	{ "resolution", NULL },
	{ "escalation", "escalate" },	/* three slips in ten letters */
	{ "escalations", NULL },	/* four */
};

void
suite_suggest(void)
{
	char longword[SUGGEST_MAX + 2];
	const char *one[1];
	size_t i;

	for (i = 0; i < sizeof(distances) / sizeof(distances[0]); i++) {
		CHECK(suggest_distance(distances[i].a, distances[i].b) ==
		    distances[i].distance);
		CHECK(suggest_distance(distances[i].b, distances[i].a) ==
		    distances[i].distance);
	}
	for (i = 0; i < sizeof(closest) / sizeof(closest[0]); i++) {
		const char *got = suggest_closest(closest[i].word, commands,
		    NCOMMANDS);

		if (closest[i].closest == NULL) {
			CHECK(got == NULL);
			if (got != NULL)
				printf("#   %s: %s\n", closest[i].word, got);
		} else
			CHECK_STR(got, closest[i].closest);
	}
	/* Generic: any list, such as import's column names. */
	one[0] = "complainant.name";
	CHECK_STR(suggest_closest("complainant_nmae", one, 1),
	    "complainant.name");
	CHECK(suggest_closest("complainant", one, 1) == NULL);
	CHECK(suggest_closest("list", one, 0) == NULL);
	/* Too long to measure: never close, and no overflow. */
	memset(longword, 'a', sizeof(longword) - 1);
	longword[sizeof(longword) - 1] = '\0';
	CHECK(suggest_distance(longword, "a") == SIZE_MAX);
	one[0] = longword;
	CHECK(suggest_closest(longword, one, 1) == NULL);
	longword[SUGGEST_MAX] = '\0';
	CHECK(suggest_distance(longword, longword) == 0);
	CHECK(suggest_closest(longword, one, 1) == longword);
}
