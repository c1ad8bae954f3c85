/*
 * recode.h - text in another encoding (Excel on a Chinese Windows
 * saves CSV in GB18030) converted to UTF-8 with iconv(3) of the C
 * library, before anything parses it.
 */
#ifndef PLAINT_RECODE_H
#define PLAINT_RECODE_H

#include <stddef.h>

#include "strbuf.h"

/* Does iconv convert from this encoding to UTF-8? */
int recode_known(const char *from);
/*
 * Append buf[0, len) in encoding from to out as UTF-8 (out NULL: only
 * check that it converts).  0 when all of it converts; 1 when a byte
 * sequence does not, *bad its offset; -1 when the encoding is unknown
 * or memory runs out (errno says which).
 */
int recode_to_utf8(const char *from, const char *buf, size_t len,
    struct strbuf *out, size_t *bad);

#endif
