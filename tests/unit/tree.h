/*
 * tree.h - what the unit tests of the readers share: comparing the trees
 * two readers give, and a seeded random source for mutated inputs.
 */
#ifndef PLAINT_UNIT_TREE_H
#define PLAINT_UNIT_TREE_H

#include "../../lib/node.h"

/* Same keys, order, text, quoting, style; with marks, lines and columns. */
int same_tree(const struct node *a, const struct node *b, int marks);
/* A number below n from the generator *state (a fixed seed repeats). */
unsigned unit_rnd(unsigned long *state, unsigned n);

#endif
