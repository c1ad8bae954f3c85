#include "unit.h"

void
suite_store_id(void)
{
}
