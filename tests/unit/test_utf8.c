#include "unit.h"

void
suite_utf8(void)
{
}
