/*
 * strbuf.h - a growable, always NUL-terminated byte buffer.
 *
 * STRBUF_INIT or strbuf_init() gives an empty buffer that owns nothing;
 * strbuf_release() frees what it grew.  The add functions return -1 only
 * when memory runs out, leaving the buffer as it was.
 */
#ifndef PLAINT_STRBUF_H
#define PLAINT_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len, alloc;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
int strbuf_grow(struct strbuf *sb, size_t extra);
int strbuf_add(struct strbuf *sb, const void *data, size_t len);
int strbuf_addstr(struct strbuf *sb, const char *s);
int strbuf_addch(struct strbuf *sb, int c);
int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand the buffer to the caller (never NULL unless out of memory). */
char *strbuf_detach(struct strbuf *sb);
/* The contents, "" for an empty buffer. */
const char *strbuf_str(const struct strbuf *sb);
/* Does buf (len bytes, not a C string) hold word? */
int text_contains(const char *buf, size_t len, const char *word);

#endif
