#include "unit.h"

void
suite_policy(void)
{
}
