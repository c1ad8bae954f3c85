/*
 * tree.h - what the unit tests of the readers share: comparing the trees
 * two readers give, and a seeded random source for mutated inputs.
 */
#ifndef PLAINT_UNIT_TREE_H
#define PLAINT_UNIT_TREE_H

#include <stddef.h>

#include "../../lib/node.h"

/* Same keys, order, text, quoting, style; with marks, lines and columns. */
int same_tree(const struct node *a, const struct node *b, int marks);
/* A number below n from the generator *state (a fixed seed repeats). */
unsigned unit_rnd(unsigned long *state, unsigned n);
/* A shipped file of the source tree's data/ ($PLAINT_TOP's, else ./). */
int unit_find_data(char *buf, size_t size, const char *rel);

#endif
