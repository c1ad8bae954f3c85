/*
 * suggest.h - "did you mean …?": of a list of names, the one closest to a
 * word that is none of them, for a message that names the likely fix of
 * a typo (plaint lsit: list), as git's help.autocorrect does without
 * running it.
 *
 * Distance is counted in characters (UTF-8 decoded, ASCII letters
 * without case): one insertion, deletion, change or swap of two
 * neighbours costs one.  A name is close when the distance is at most a
 * quarter of the longer word (and at least one), so a short word allows
 * one slip and "frobnicate" matches nothing.  Nothing is allocated;
 * words longer than SUGGEST_MAX characters are never close.
 */
#ifndef PLAINT_SUGGEST_H
#define PLAINT_SUGGEST_H

#include <stddef.h>

#define SUGGEST_MAX 64

/* The edit distance of a and b; SIZE_MAX if either is too long. */
size_t suggest_distance(const char *a, const char *b);
/*
 * The candidate closest to word, if it is close (see above); the first
 * of those at the same distance.  NULL when none is.
 */
const char *suggest_closest(const char *word, const char *const *candidates,
    size_t n);

#endif
