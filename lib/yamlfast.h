/*
 * yamlfast.h - a quick reader for the subset of YAML plaint writes.
 *
 * yamlfast_parse returns the tree libyaml's reader (yamlio) would build
 * for buf, or NULL when buf is outside the subset it knows (or memory
 * ran out): the caller then reads buf with libyaml, which also gives
 * every error.  It never fails on its own account.  The tree goes into
 * pool (read-only, see node.h) or, when pool is NULL, is malloc'd.
 */
#ifndef PLAINT_YAMLFAST_H
#define PLAINT_YAMLFAST_H

#include <stddef.h>

#include "node.h"

struct node *yamlfast_parse(const char *buf, size_t len,
    struct node_pool *pool);

#endif
