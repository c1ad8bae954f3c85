/*
 * err.h - how libplaint reports failure.
 *
 * Every fallible function returns -1 (or NULL) and fills a caller-owned
 * struct perr: the exit status the failure deserves (DESIGN.md's list),
 * where it happened (path, 1-based line and column, field) and a short
 * lowercase message.  Nothing here allocates, so reporting an
 * out-of-memory condition cannot itself fail.  Only the first error is
 * kept: perr_set on an error that is already set does nothing, so that
 * a cleanup failure never hides the cause.
 */
#ifndef PLAINT_ERR_H
#define PLAINT_ERR_H

enum plaint_exit {
	PLAINT_OK = 0,
	PLAINT_REFUSED = 1,	/* the rules or the workflow say no */
	PLAINT_USAGE = 64,
	PLAINT_DATAERR = 65,
	PLAINT_NOINPUT = 66,	/* no such complaint */
	PLAINT_SOFTWARE = 70,
	PLAINT_OSERR = 71,	/* out of memory and other system trouble */
	PLAINT_CANTCREAT = 73,
	PLAINT_IOERR = 74,
	PLAINT_TEMPFAIL = 75,	/* busy: the writer lock was not obtained */
	PLAINT_CONFIG = 78
};

struct perr {
	int code;		/* enum plaint_exit; 0 while no error */
	int line, col;		/* 1-based; 0 when unknown */
	int errnum;		/* the errno behind it (perr_errno), or 0 */
	char path[512];
	char field[128];
	char msg[512];
};

void perr_clear(struct perr *e);
int perr_set(struct perr *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "what: strerror"; ENOMEM, EMFILE and ENFILE are PLAINT_OSERR, whatever
 * code says. */
int perr_errno(struct perr *e, int code, int errnum, const char *what,
    const char *path);
/*
 * A file the configuration needs (the policy, a calendar) is missing,
 * unreadable to this user or malformed: PLAINT_CONFIG, unless memory,
 * descriptors or the disk failed, which keep their own status.
 */
void perr_as_config(struct perr *e);
void perr_at(struct perr *e, const char *path, int line, int col);
void perr_field(struct perr *e, const char *field);
/* Put "prefix: " before the message. */
void perr_prefix(struct perr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int perr_nomem(struct perr *e);

/* Format "path:line:col: field: msg" into buf, control characters removed. */
void perr_format(const struct perr *e, char *buf, unsigned long size);

#endif
