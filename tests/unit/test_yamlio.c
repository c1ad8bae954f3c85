#include "unit.h"

void
suite_yamlio(void)
{
}
