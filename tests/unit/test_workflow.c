#include "unit.h"

void
suite_workflow(void)
{
}
