/*
 * utf8.h - UTF-8 validity and display width, independent of the locale.
 *
 * Width follows Unicode's East Asian Width: wide and fullwidth characters
 * (CJK, Hangul, fullwidth forms) take two columns, combining marks none,
 * so tables line up also under cron's C locale, where wcwidth() would
 * not know these characters.
 */
#ifndef PLAINT_UTF8_H
#define PLAINT_UTF8_H

#include <stddef.h>

int utf8_valid(const char *s, size_t len);
/* How many bytes of s[0, len) are valid UTF-8 (len when all are). */
size_t utf8_valid_prefix(const char *s, size_t len);
/* Decode one character at s (len bytes left); returns its byte length. */
size_t utf8_decode(const char *s, size_t len, unsigned long *cp);
int utf8_cp_width(unsigned long cp);
size_t utf8_width(const char *s);

#endif
