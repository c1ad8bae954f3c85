#include "unit.h"

void
suite_node(void)
{
}
