#include "unit.h"

void
suite_complaint(void)
{
}
