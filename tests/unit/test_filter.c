#include "unit.h"

void
suite_filter(void)
{
}
