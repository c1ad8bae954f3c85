#include "unit.h"

void
suite_json(void)
{
}
