#include "unit.h"

void
suite_table(void)
{
}
