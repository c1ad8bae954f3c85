#include "unit.h"

int unit_passed, unit_failed;

int
main(void)
{
#define RUN(name) suite_##name();
	UNIT_SUITES(RUN)
#undef RUN
	printf("unit: %d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed != 0;
}
