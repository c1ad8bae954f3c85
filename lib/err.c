#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

void
perr_clear(struct perr *e)
{
	memset(e, 0, sizeof(*e));
}

int
perr_set(struct perr *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e->code != 0)
		return -1;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int
perr_errno(struct perr *e, int code, int errnum, const char *what,
    const char *path)
{
	if (e->code != 0)
		return -1;
	if (errnum == ENOMEM)
		return perr_nomem(e);
	/* No descriptor left is the system's trouble, not the file's. */
	if (errnum == EMFILE || errnum == ENFILE)
		code = PLAINT_OSERR;
	perr_set(e, code, "%s: %s", what, strerror(errnum));
	e->errnum = errnum;
	if (path != NULL)
		snprintf(e->path, sizeof(e->path), "%s", path);
	return -1;
}

void
perr_at(struct perr *e, const char *path, int line, int col)
{
	if (path != NULL && e->path[0] == '\0')
		snprintf(e->path, sizeof(e->path), "%s", path);
	if (e->line == 0) {
		e->line = line;
		e->col = col;
	}
}

void
perr_field(struct perr *e, const char *field)
{
	if (e->field[0] == '\0')
		snprintf(e->field, sizeof(e->field), "%s", field);
}

int
perr_nomem(struct perr *e)
{
	return perr_set(e, PLAINT_OSERR, "out of memory");
}

static void
append_clean(char *buf, unsigned long size, unsigned long *len, const char *s)
{
	for (; *s != '\0' && *len + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;

		buf[(*len)++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	buf[*len] = '\0';
}

void
perr_format(const struct perr *e, char *buf, unsigned long size)
{
	unsigned long len = 0;
	char num[32];

	if (size == 0)
		return;
	buf[0] = '\0';
	if (e->path[0] != '\0') {
		append_clean(buf, size, &len, e->path);
		if (e->line > 0) {
			snprintf(num, sizeof(num), ":%d:%d", e->line, e->col);
			append_clean(buf, size, &len, num);
		}
		append_clean(buf, size, &len, ": ");
	}
	if (e->field[0] != '\0') {
		append_clean(buf, size, &len, e->field);
		append_clean(buf, size, &len, ": ");
	}
	append_clean(buf, size, &len, e->msg[0] ? e->msg : "unknown error");
}

void
perr_as_config(struct perr *e)
{
	int denied = e->errnum == EACCES || e->errnum == EPERM ||
	    e->errnum == ELOOP || e->errnum == ENOTDIR;

	if (e->code != PLAINT_OSERR && (e->code != PLAINT_IOERR || denied))
		e->code = PLAINT_CONFIG;
}

void
perr_prefix(struct perr *e, const char *fmt, ...)
{
	char msg[sizeof(e->msg)];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n + 2 >= sizeof(msg))
		return;
	msg[n++] = ':';
	msg[n++] = ' ';
	/* Cut where it must: the message is for a person to read. */
	memcpy(msg + n, e->msg, sizeof(msg) - (size_t)n - 1);
	msg[sizeof(msg) - 1] = '\0';
	memcpy(e->msg, msg, sizeof(e->msg));
}
