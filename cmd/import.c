/*
 * plaint import: batch intake from JSON Lines, CSV or a stream of YAML
 * documents, all-or-nothing unless -k, idempotent by source_ref.
 *
 * Two passes over the input, which is held in memory: the first parses
 * and checks every record (and finds the ones already present), and
 * writes nothing; the second builds each good record again and files it
 * through a store batch (files written, synced together, then linked).
 * Only offsets are kept between the passes, so memory does not grow
 * with the parsed records.
 *
 * A record is an intake record (the fields of plaint log, filed exactly
 * as log would file it) unless it carries a history: then it is the
 * full state of a complaint (plaint export -f jsonl, or show -f json),
 * restored as it was with one more event, {action: import, source:
 * FILE:LINE}.
 *
 * Identity: a record with a source_ref is the same as any complaint in
 * the tree with that source_ref; an intake record without one gets one
 * derived from its content (derive_ref), so that re-runs are safe.  A full-state record without one is
 * known by its id and received time; when it cannot keep its id, its
 * old id becomes its source_ref, so that a second run finds it.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../lib/array.h"
#include "../lib/csv.h"
#include "../lib/fileio.h"
#include "../lib/jsonparse.h"
#include "../lib/recode.h"
#include "../lib/sha256.h"
#include "../lib/strset.h"
#include "../lib/suggest.h"
#include "../lib/utf8.h"
#include "../lib/yamlio.h"
#include "plaint.h"

static const char synopsis[] =
    "plaint import [-kn] [-d sep] [-e encoding] [-f jsonl|csv|yaml] "
    "[file ...]";

#define IMPORT_MAX_INPUT ((size_t)1 << 31)	/* one input file */
#define MAX_REPEAT_WARNINGS 10	/* then one line counts the rest */

enum format { FMT_NONE, FMT_JSONL, FMT_CSV, FMT_YAML };
enum state { REC_OK, REC_BAD, REC_PRESENT };

struct input {
	const char *path;	/* as given, "<stdin>" for standard input */
	enum format fmt;
	struct view {
		const char *buf;
		size_t len;
	} view;			/* the input's bytes: map, or text */
	void *map;		/* a regular file, mapped */
	size_t maplen;
	struct strbuf text;	/* standard input, or a file not mapped */
	struct strbuf utf8;	/* the input converted, with -e */
	char *cols[CSV_MAX_COLS];	/* the CSV header, as field names */
	size_t ncols;
	int sep;		/* the CSV separator: , ; or TAB */
};

struct rec {
	size_t off, len;	/* the record's bytes in its input */
	unsigned in;		/* index of its input */
	int line;		/* its first line */
	unsigned char state;
	int month;		/* year * 12 + month - 1, where it is filed */
	long val;		/* of its identity, in pass 1 */
	unsigned char full;	/* a full state, restored */
	unsigned char has_old;	/* a full state whose id is of its month */
	unsigned char kept;	/* ... and keeps it */
	struct complaint_id id;	/* that old id; then the id it is filed as */
};

struct import {
	struct ctx *c;
	int keep_going, dry_run;
	int sep;		/* -d, or 0: each CSV input's own */
	const char *enc;	/* -e, NULL for UTF-8 */
	struct input *in;
	size_t nin;
	struct rec *recs;
	size_t nrecs, cap;
	struct strset present;	/* identities in the tree */
	struct strset batch;	/* identities of good records, by index */
	long imported, present_n, rejected, incomplete;
	long repeated;		/* records that repeat an earlier one */
	long derived;		/* source_refs derived from content */
	/* progress on a terminal */
	int tty;
	double start, shown;
};

/* Identities (see the top of the file). */

static long
received_hash(const char *received)
{
	uint64_t h = 1469598103934665603ULL;

	for (; received != NULL && *received != '\0'; received++) {
		h ^= (unsigned char)*received;
		h *= 1099511628211ULL;
	}
	return (long)((h >> 1) | 1);	/* never 0: 0 marks a source_ref */
}

/*
 * Two identities spelled alike are the same complaint?  Each carries a
 * value: 0 for a source_ref, else the hash of the received time that
 * goes with an id.  A source_ref on either side matches by name alone;
 * two ids match when their received times do too.
 */
static int
same(long have, long val)
{
	return have == 0 || val == 0 || have == val;
}

/* A file's identity; its source_ref wins over an id spelled the same. */
static int
add_file_identity(struct strset *set, const char *ref, const char *id,
    const char *received, struct perr *e)
{
	int rc = 0;

	if (ref != NULL)
		rc = strset_set(set, ref, 0);
	else if (id != NULL && !strset_has(set, id, NULL))
		rc = strset_add(set, id, received_hash(received), NULL);
	return rc == -1 ? perr_nomem(e) : 0;
}

/* The value of a top-level "key: value" line of a file plaint wrote. */
static int
line_value(const char *buf, size_t len, const char *key, char *out,
    size_t size, int *complex)
{
	size_t klen = strlen(key), i, n;
	const char *p = buf, *end = buf + len, *eol, *v;

	for (; p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if ((size_t)(eol - p) <= klen || memcmp(p, key, klen) != 0 ||
		    p[klen] != ':')
			continue;
		v = p + klen + 1;
		while (v < eol && *v == ' ')
			v++;
		n = (size_t)(eol - v);
		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\r'))
			n--;
		if (n >= 2 && v[0] == '"' && v[n - 1] == '"' &&
		    memchr(v + 1, '"', n - 2) == NULL &&
		    memchr(v, '\\', n) == NULL) {
			v++;
			n -= 2;
		} else if (n == 0 || strchr("\"'[]{}&*!|>%@`#", v[0]) != NULL) {
			*complex = 1;
			return 0;
		}
		for (i = 0; i + 1 < n; i++)
			if (v[i] == ' ' && v[i + 1] == '#') {
				*complex = 1;
				return 0;
			}
		if (n >= size) {
			*complex = 1;
			return 0;
		}
		memcpy(out, v, n);
		out[n] = '\0';
		return 1;
	}
	return 0;
}

/*
 * A file of the tree that cannot be read must not stop the import of
 * others: warn (the import then ends with 65) and go on.  Out of memory
 * still stops it.
 */
static int
unknown_file(struct import *im, struct perr *e)
{
	char msg[sizeof(e->msg)];

	if (e->code == PLAINT_OSERR)
		return -1;
	snprintf(msg, sizeof(msg), "%.300s; if it holds a record of this "
	    "import, that record is filed again (run 'plaint check')",
	    e->msg);
	memcpy(e->msg, msg, sizeof(msg));
	warn(im->c, e);
	perr_clear(e);
	return 0;
}

/* One complaint file of the tree: remember who it is. */
static int
scan_file(void *arg, const char *path, const char *buf, size_t len,
    struct perr *e)
{
	struct import *im = arg;
	char ref[1024], id[128], received[128];
	int complex = 0, has_ref, has_id, has_received;
	struct node *doc;
	int rc;

	if (buf == NULL)
		return unknown_file(im, e);
	has_ref = line_value(buf, len, "source_ref", ref, sizeof(ref),
	    &complex);
	has_id = line_value(buf, len, "id", id, sizeof(id), &complex);
	has_received = line_value(buf, len, "received", received,
	    sizeof(received), &complex);
	if (!complex && (has_ref || !text_contains(buf, len, "source_ref")))
		return add_file_identity(&im->present, has_ref ? ref : NULL,
		    has_id ? id : NULL, has_received ? received : NULL, e);
	/* Not as plaint writes it: read it properly. */
	if ((doc = yamlio_parse(buf, len, path, e)) == NULL)
		return unknown_file(im, e);
	rc = add_file_identity(&im->present,
	    node_str(node_map_get(doc, "source_ref")),
	    node_str(node_map_get(doc, "id")),
	    node_str(node_map_get(doc, "received")), e);
	node_free(doc);
	return rc;
}

/* Progress, on a terminal only. */

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
progress(struct import *im, const char *what, size_t done, size_t total,
    int last)
{
	double t;

	if (!im->tty)
		return;
	t = now_s();
	if (!last && t - im->shown < 0.2)
		return;
	im->shown = t;
	fprintf(stderr, "\rplaint: import: %s %zu/%zu records, %.0f records/s"
	    "\033[K", what, done, total, t > im->start ? (double)done /
	    (t - im->start) : 0.0);
	if (last)
		fprintf(stderr, "\r\033[K");
}

/* Reading the input */

static enum format
format_named(const char *s)
{
	if (strcmp(s, "jsonl") == 0)
		return FMT_JSONL;
	if (strcmp(s, "csv") == 0)
		return FMT_CSV;
	if (strcmp(s, "yaml") == 0)
		return FMT_YAML;
	return FMT_NONE;
}

/* -e: UTF-8 (*enc NULL: read as it is) or one iconv converts from. */
static int
encoding_named(const char *s, const char **enc)
{
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0) {
		*enc = NULL;
		return 1;
	}
	*enc = s;
	return recode_known(s);
}

/* -d: a separator; 0 for none plaint reads. */
static int
sep_named(const char *s)
{
	if (strcmp(s, ",") == 0 || strcmp(s, ";") == 0)
		return *s;
	if (strcmp(s, "tab") == 0 || strcmp(s, "\t") == 0)
		return '\t';
	return 0;
}

static enum format
format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return FMT_NONE;
	if (strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".ndjson") == 0)
		return FMT_JSONL;
	if (strcmp(dot, ".csv") == 0)
		return FMT_CSV;
	if (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0)
		return FMT_YAML;
	return FMT_NONE;
}

static int
add_rec(struct import *im, unsigned in, size_t off, size_t len, int line,
    struct perr *e)
{
	struct rec *r;

	if (ARRAY_GROW(im->recs, im->nrecs, im->cap) == -1)
		return perr_nomem(e);
	r = &im->recs[im->nrecs++];
	memset(r, 0, sizeof(*r));
	r->off = off;
	r->len = len;
	r->in = in;
	r->line = line;
	r->state = REC_OK;
	return 0;
}

static int
blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return 0;
	return 1;
}

/* JSON Lines: one record a line; blank lines are skipped. */
static int
split_jsonl(struct import *im, unsigned k, struct perr *e)
{
	const struct view *t = &im->in[k].view;
	size_t off = 0, n;
	const char *nl;
	int line = 1;

	while (off < t->len) {
		nl = memchr(t->buf + off, '\n', t->len - off);
		n = nl != NULL ? (size_t)(nl - (t->buf + off)) : t->len - off;
		if (!blank(t->buf + off, n) && !(line == 1 && n >= 3 &&
		    memcmp(t->buf, "\xef\xbb\xbf", 3) == 0 &&
		    blank(t->buf + 3, n - 3)) &&
		    add_rec(im, k, off, n, line, e) == -1)
			return -1;
		off += n + 1;
		line++;
	}
	return 0;
}

/* "---" or "..." alone or followed by a blank: a document marker. */
static int
marker(const char *p, size_t n, char c)
{
	return n >= 3 && p[0] == c && p[1] == c && p[2] == c && (n == 3 ||
	    p[3] == ' ' || p[3] == '\t' || p[3] == '\r');
}

/*
 * A stream of YAML documents, cut at the document markers (a "---" or
 * "..." line can only be a marker), so that a syntax error in one
 * document does not hide the others.  A chunk begins at its "---" line,
 * so that line numbers within it are those of the file, less its start.
 */
static int
has_content(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	return i < n && p[i] != '#' && p[i] != '\r';
}

static int
split_yaml(struct import *im, unsigned k, struct perr *e)
{
	const struct view *t = &im->in[k].view;
	size_t off = 0, start = 0, n, skip;
	int line = 1, start_line = 1, content = 0;
	const char *p, *nl;

	for (; off < t->len; off += n + (nl != NULL), line++) {
		p = t->buf + off;
		nl = memchr(p, '\n', t->len - off);
		n = nl != NULL ? (size_t)(nl - p) : t->len - off;
		skip = (off == 0 && n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) ==
		    0) ? 3 : 0;
		if (marker(p + skip, n - skip, '-')) {
			/* Directives and comments before it stay with it. */
			if (content) {
				if (add_rec(im, k, start, off - start,
				    start_line, e) == -1)
					return -1;
				start = off;
				start_line = line;
			}
			content = has_content(p + skip + 3, n - skip - 3);
		} else if (marker(p + skip, n - skip, '.')) {
			if (content && add_rec(im, k, start, off + n - start,
			    start_line, e) == -1)
				return -1;
			content = 0;
			start = off + n + (nl != NULL);
			start_line = line + 1;
		} else if (p[skip] != '%' && has_content(p + skip, n - skip))
			content = 1;
	}
	if (content && add_rec(im, k, start, t->len - start, start_line,
	    e) == -1)
		return -1;
	return 0;
}

/* Does log take a field of this name (whatever its value)? */
static int
input_field_known(const struct policy *p, const char *name)
{
	struct perr why;
	struct node *n;

	perr_clear(&why);
	n = complaint_input(p, name, "", &why);
	node_free(n);
	return why.code != PLAINT_USAGE || strcmp(why.msg, "unknown field") != 0;
}

/*
 * The field a header cell names: a field's name, or its label (a header
 * row that Excel users typed in Chinese: 渠道,类别,主题,投诉人姓名).  A
 * name wins over a label, as for values.
 */
static const char *
column_field(const struct import *im, const char *cell)
{
	const struct policy *p = &im->c->store.policy;
	const char *field;

	if (input_field_known(p, cell))
		return cell;
	field = policy_field_by_label(p, cell);
	return field != NULL ? field : cell;
}

/* A column log does not take is named, with the field it likely means. */
static int
check_column(const struct import *im, const char *name, struct perr *e)
{
	const struct policy *p = &im->c->store.policy;
	const char *names[128], *close;
	struct perr why;
	struct node *n;

	if (*name == '\0') {
		perr_set(e, PLAINT_DATAERR, "a column without a name");
		return -1;
	}
	perr_clear(&why);
	n = complaint_input(p, name, "", &why);
	node_free(n);
	if (why.code != PLAINT_USAGE)
		return 0;
	if (strcmp(why.msg, "unknown field") != 0) {
		perr_set(e, PLAINT_DATAERR, "%s", why.msg);
		perr_field(e, name);
		return -1;
	}
	close = suggest_closest(name, names, complaint_input_names(p, names,
	    sizeof(names) / sizeof(names[0])));
	return perr_set(e, PLAINT_DATAERR, "unknown column %.200s%s%.200s%s",
	    name, close != NULL ? "; did you mean " : "", close != NULL ?
	    close : "", close != NULL ? "?" : "");
}

static int
split_csv(struct import *im, unsigned k, struct perr *e)
{
	struct input *in = &im->in[k];
	const struct view *t = &in->view;
	struct strbuf cells = STRBUF_INIT;
	size_t cell[CSV_MAX_COLS], off = 0, end, next, i, j;
	int line = 1, lines, rc = -1;

	if (t->len >= 3 && memcmp(t->buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	if (csv_record_extent(t->buf, t->len, off, &end, &next, &lines) == -1)
		end = t->len;
	in->sep = im->sep != 0 ? im->sep : csv_sniff_sep(t->buf, off, end);
	if (csv_split_sep(t->buf, off, end, in->sep, &cells, cell, &in->ncols,
	    e) == -1) {
		perr_at(e, in->path, 1, 0);
		goto done;
	}
	if (end == off) {
		perr_set(e, PLAINT_DATAERR, "no header row (CSV needs one "
		    "naming the fields)");
		perr_at(e, in->path, 1, 0);
		goto done;
	}
	for (i = 0; i < in->ncols; i++) {
		const char *name = column_field(im, cells.buf + cell[i]);

		if ((in->cols[i] = strdup(name)) == NULL) {
			in->ncols = i;
			perr_nomem(e);
			goto done;
		}
		for (j = 0; j < i; j++)
			if (strcmp(in->cols[j], name) == 0) {
				in->ncols = i + 1;
				perr_set(e, PLAINT_DATAERR, "column named "
				    "twice in the header");
				perr_field(e, name);
				perr_at(e, in->path, 1, 0);
				goto done;
			}
		/* Only fields log takes: unknown names fail once, here. */
		if (check_column(im, name, e) == -1) {
			in->ncols = i + 1;
			perr_at(e, in->path, 1, 0);
			goto done;
		}
	}
	off = next;
	line += lines;
	while (off < t->len) {
		int bad = csv_record_extent(t->buf, t->len, off, &end, &next,
		    &lines);

		if ((bad || end > off) && add_rec(im, k, off, bad ? t->len -
		    off : end - off, line, e) == -1)
			goto done;
		off = next;
		line += lines;
	}
	rc = 0;
done:
	strbuf_release(&cells);
	return rc;
}

/* The line of byte off of an input, for errors before any record. */
static int
line_of(const struct view *t, size_t off)
{
	const char *p = t->buf, *end = t->buf + off, *nl;
	int line = 1;

	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p = nl + 1;
	}
	return line;
}

/*
 * With -e, the input becomes UTF-8 before it is parsed.  Without, it is
 * used as it is (no copy), but a file that is not UTF-8 and reads
 * cleanly as GB18030, as Excel saves it on a Chinese Windows, is
 * refused whole, with the option that reads it.
 */
static int
decode_input(struct import *im, struct input *in, struct perr *e)
{
	size_t good, bad = 0;
	int rc;

	if (im->enc == NULL) {
		good = utf8_valid_prefix(in->view.buf, in->view.len);
		if (good == in->view.len || recode_to_utf8("GB18030",
		    in->view.buf, in->view.len, NULL, &bad) != 0)
			return 0;
		perr_set(e, PLAINT_DATAERR, "not valid UTF-8; this looks "
		    "like GB18030; use -e gb18030");
		perr_at(e, in->path, line_of(&in->view, good), 0);
		return -1;
	}
	rc = recode_to_utf8(im->enc, in->view.buf, in->view.len, &in->utf8,
	    &bad);
	if (rc == -1)
		return perr_nomem(e);
	if (rc == 1) {
		perr_set(e, PLAINT_DATAERR, "bytes that are not %.40s",
		    im->enc);
		perr_at(e, in->path, line_of(&in->view, bad), 0);
		return -1;
	}
	in->view.buf = strbuf_str(&in->utf8);
	in->view.len = in->utf8.len;
	return 0;
}

static int
read_input(struct import *im, unsigned k, struct perr *e)
{
	struct input *in = &im->in[k];
	struct stat st;
	int fd = STDIN_FILENO, rc;

	if (strcmp(in->path, "<stdin>") != 0 &&
	    (fd = open(in->path, O_RDONLY | O_CLOEXEC)) == -1)
		return perr_errno(e, errno == ENOENT ? PLAINT_NOINPUT :
		    PLAINT_IOERR, errno, "cannot open", in->path);
	/*
	 * A file is mapped: reading 100 MB into fresh memory costs more
	 * than parsing it.  Anything else (a pipe) is read.
	 */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (size_t)st.st_size <= IMPORT_MAX_INPUT &&
	    (in->map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE |
	    MAP_POPULATE, fd, 0)) != MAP_FAILED) {
		in->maplen = (size_t)st.st_size;
		in->view.buf = in->map;
		in->view.len = in->maplen;
		rc = 0;
	} else {
		in->map = NULL;
		rc = fileio_read_fd(fd, IMPORT_MAX_INPUT, &in->text, in->path,
		    e);
		in->view.buf = strbuf_str(&in->text);
		in->view.len = in->text.len;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (rc == -1 || decode_input(im, in, e) == -1)
		return -1;
	switch (in->fmt) {
	case FMT_JSONL:
		return split_jsonl(im, k, e);
	case FMT_CSV:
		return split_csv(im, k, e);
	default:
		return split_yaml(im, k, e);
	}
}

/* One record */

/* A CSV record as a map of its non-empty cells, dotted names nested. */
static struct node *
csv_record(struct import *im, const struct rec *r, struct perr *e)
{
	const struct input *in = &im->in[r->in];
	struct strbuf cells = STRBUF_INIT;
	size_t cell[CSV_MAX_COLS], ncells, i;
	struct node *map = NULL;

	if (csv_split_sep(in->view.buf, r->off, r->off + r->len, in->sep,
	    &cells, cell, &ncells, e) == -1)
		goto done;
	if (ncells != in->ncols) {
		perr_set(e, PLAINT_DATAERR, "%zu fields where the header has "
		    "%zu", ncells, in->ncols);
		goto done;
	}
	if ((map = node_new_map()) == NULL) {
		perr_nomem(e);
		goto done;
	}
	for (i = 0; i < ncells; i++) {
		const char *v = cells.buf + cell[i];

		if (*v == '\0')
			continue;	/* empty: the field is absent */
		if (node_path_set(map, in->cols[i], node_new_scalar(v,
		    strlen(v), 1), NULL) == -1) {
			if (errno == ENOMEM)
				perr_nomem(e);
			else {
				perr_set(e, PLAINT_DATAERR, "conflicts with "
				    "another column");
				perr_field(e, in->cols[i]);
			}
			node_free(map);
			map = NULL;
			goto done;
		}
	}
done:
	strbuf_release(&cells);
	return map;
}

static struct node *
parse_rec(struct import *im, const struct rec *r, struct perr *e)
{
	const struct input *in = &im->in[r->in];
	struct node *fields;

	if (in->fmt == FMT_CSV)
		return csv_record(im, r, e);
	fields = in->fmt == FMT_JSONL ? jsonparse(in->view.buf + r->off,
	    r->len, in->path, e) : yamlio_parse(in->view.buf + r->off, r->len,
	    in->path, e);
	if (fields != NULL && fields->type != NODE_MAP) {
		perr_set(e, PLAINT_DATAERR, "a record must be a mapping of "
		    "field: value");
		perr_at(e, NULL, fields->line, fields->col);
		node_free(fields);
		return NULL;
	}
	return fields;
}

static int
empty_value(const struct node *v)
{
	return v->type == NODE_SCALAR && (node_kind(v) == KIND_NULL ||
	    v->str[0] == '\0');
}

/* Intake: a field given as null or "" is a field not given, as in CSV. */
static void
drop_empty(struct node *map)
{
	size_t i = 0;

	while (i < map->n) {
		if (map->kids[i]->type == NODE_MAP)
			drop_empty(map->kids[i]);
		if (empty_value(map->kids[i]) || (map->kids[i]->type ==
		    NODE_MAP && map->kids[i]->n == 0))
			node_map_del(map, map->keys[i]);
		else
			i++;
	}
}

/* Fields plaint keeps: a record may carry them only with its history. */
static const char *const kept_fields[] = {
	"id", "status", "level", "round", "resolution", "notice",
	"satisfaction", "penalties", "extensions", NULL
};

static int
build_intake(struct import *im, struct rules *rules, struct node *fields,
    struct node **doc, int *incomplete, struct perr *e)
{
	struct stamp st = ctx_stamp(im->c);
	const struct node *v;
	size_t i;

	for (i = 0; kept_fields[i] != NULL; i++)
		if ((v = node_map_get(fields, kept_fields[i])) != NULL) {
			perr_set(e, PLAINT_DATAERR, "is kept by plaint; a "
			    "record may carry it only with the complaint's "
			    "full state, history included");
			perr_field(e, kept_fields[i]);
			perr_at(e, NULL, v->line, v->col);
			return -1;
		}
	drop_empty(fields);
	/* As plaint log does, at the clock of this run. */
	if (complaint_new(doc, &im->c->store.policy, fields, &st, e) == -1 ||
	    may_log(im->c, *doc, e) == -1)
		return -1;
	if (rules_update(rules, *doc, im->c->now, NULL, e) == -1)
		return -1;
	*incomplete = rules->incomplete;
	return 0;
}

/*
 * Write a restored complaint as plaint writes its files, whatever the
 * style of the record (JSON is all flow and quotes): block collections,
 * and quotes only on strings that need them.
 */
static void
restyle(struct node *n)
{
	size_t i;

	if (n->type == NODE_SCALAR) {
		if (n->quoted && node_plain_safe(n->str))
			n->quoted = 0;
		return;
	}
	n->flow = 0;
	for (i = 0; i < n->n; i++)
		restyle(n->kids[i]);
}

#define NO_ID "0000-0000"	/* stands in for a missing id in checks */

static int
build_full(struct import *im, struct node *fields, struct perr *e)
{
	const struct node *id = node_map_get(fields, "id");
	const struct node *ref = node_map_get(fields, "source_ref");
	struct node *n;
	int rc;

	if (id != NULL && (node_str(id) == NULL || id->str[0] == '\0')) {
		perr_set(e, PLAINT_DATAERR, "must be a single value");
		perr_field(e, "id");
		perr_at(e, NULL, id->line, id->col);
		return -1;
	}
	if (ref != NULL) {
		if (ref->type != NODE_SCALAR) {
			perr_set(e, PLAINT_DATAERR, "must be a single value");
			perr_field(e, "source_ref");
			perr_at(e, NULL, ref->line, ref->col);
			return -1;
		}
		if ((n = complaint_input(&im->c->store.policy, "source_ref",
		    ref->str, e)) == NULL) {
			perr_at(e, NULL, ref->line, ref->col);
			return -1;
		}
		node_free(n);
	}
	/* As plaint check sees a file, but for the id, which comes later. */
	if (id == NULL && node_map_set_at(fields, 0, "id",
	    node_new_str(NO_ID)) == -1)
		return perr_nomem(e);
	rc = complaint_validate(fields, &im->c->store.policy,
	    node_str(node_map_get(fields, "id")), NULL, e);
	/* Coming into this tree: its values are taken in as log takes them. */
	if (rc == 0)
		rc = complaint_formats(fields, &im->c->store.policy, e);
	if (id == NULL)
		node_map_del(fields, "id");
	restyle(fields);
	return rc;
}

/*
 * The fields a reference derived from content is made of, in this order
 * (plaint-import(1) lists them: change both or neither).
 */
static const char *const ref_fields[] = {
	"received", "channel", "subject", "description", "complainant.name",
	"complainant.phone", "complainant.address", NULL
};

/*
 * An intake record without source_ref gets "sha256:" and the digest of
 * its fields as filed, "name=value" trimmed, joined by LF, absent ones
 * left out; received only when the record gives it, as the clock of a
 * run is no part of what was received.  Re-runs then find it again.
 */
static int
derive_ref(struct node *doc, int has_received, struct perr *e)
{
	char ref[8 + SHA256_HEXLEN];
	struct strbuf text = STRBUF_INIT;
	const char *v;
	size_t i, n;
	int rc = 0;

	for (i = has_received ? 0 : 1; ref_fields[i] != NULL && rc == 0;
	    i++) {
		if ((v = node_str(node_path_get(doc, ref_fields[i]))) == NULL)
			continue;
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
			v++;
		for (n = strlen(v); n > 0 && strchr(" \t\n\r", v[n - 1]) !=
		    NULL; n--)
			;
		rc = (text.len > 0 ? strbuf_addch(&text, '\n') : 0) |
		    strbuf_addstr(&text, ref_fields[i]) |
		    strbuf_addch(&text, '=') | strbuf_add(&text, v, n);
	}
	if (rc != 0) {
		strbuf_release(&text);
		return perr_nomem(e);
	}
	memcpy(ref, "sha256:", 7);
	sha256_hex(text.buf != NULL ? text.buf : "", text.len, ref + 7);
	strbuf_release(&text);
	return complaint_set(doc, "source_ref", node_new_str(ref), e);
}

/*
 * Parse record r and build the complaint it gives: *doc (owned by the
 * caller), whether it is a full state, its month, and its identity
 * (*key NULL when it has none; it points into *doc).  rules is the
 * caller's own copy (rules_update notes in it whether a calendar was
 * missing), so that builders can run on several threads.
 */
static int
build(struct import *im, struct rules *rules, const struct rec *r,
    struct node **doc, int *full, int *year, int *month, const char **key,
    long *val, int *incomplete, int *derived, struct perr *e)
{
	struct node *fields;
	int rc;

	*doc = NULL;
	*derived = 0;
	*key = NULL;
	*val = 0;
	*incomplete = 0;
	if ((fields = parse_rec(im, r, e)) == NULL)
		return -1;
	/* What show -f json adds for scripts is no part of the record. */
	node_map_del(fields, "actions");
	*full = node_map_get(fields, "history") != NULL;
	if (*full) {
		rc = build_full(im, fields, e);
		*doc = fields;
	} else {
		int has_received = node_map_get(fields, "received") != NULL;

		rc = build_intake(im, rules, fields, doc, incomplete, e);
		node_free(fields);
		if (rc == 0 && node_map_get(*doc, "source_ref") == NULL) {
			*derived = 1;
			rc = derive_ref(*doc, has_received, e);
		}
	}
	if (rc == 0)
		rc = complaint_month(*doc, im->c->store.policy.tz_off, year,
		    month, e);
	if (rc == -1) {
		node_free(*doc);
		*doc = NULL;
		return -1;
	}
	if ((*key = node_str(node_map_get(*doc, "source_ref"))) == NULL &&
	    *full && (*key = node_str(node_map_get(*doc, "id"))) != NULL)
		*val = received_hash(node_str(node_map_get(*doc, "received")));
	return 0;
}

/*
 * Building records (parsing, checking, deadlines) is most of an import's
 * own work, so worker threads build ahead of the pass that takes the
 * records in order.  Worker w builds the records w, w + n, w + 2n... of
 * the pass into slots it alone fills and empties: a tree is freed by
 * the thread that made it, and no lock is taken per record but to hand
 * it over.
 */
#define AHEAD 256		/* records built ahead of the taker */
#define MAX_BUILDERS 4

struct built {
	struct node *doc;
	struct strbuf text;	/* pass 2: the file, with its id */
	struct perr e;
	const char *key;	/* into doc */
	long val;
	int rc, full, year, month, incomplete;
	int derived;		/* its source_ref was derived from content */
	int ready;
};

struct builder {
	struct import *im;
	int filing;		/* pass 2: finish each record and write it */
	const size_t *order;	/* the records, in the order taken */
	size_t n;
	size_t taken;		/* records handed to the taker */
	size_t released;	/* records the taker is done with */
	struct built slot[AHEAD];
	pthread_mutex_t mu;
	pthread_cond_t ready, room;
	pthread_t tid[MAX_BUILDERS];
	int nthreads, stop;
	int waiting;		/* the taker waits for a slot */
	int blocked;		/* workers wait for room */
};

struct worker_arg {
	struct builder *b;
	int w;
};

static int finish_rec(struct import *im, const struct rec *r,
    struct node *doc, struct strbuf *text, struct perr *e);

static void
build_into(struct builder *b, struct rules *rules, size_t i)
{
	struct built *t = &b->slot[i % AHEAD];
	const struct rec *r = &b->im->recs[b->order[i]];

	node_free(t->doc);
	t->doc = NULL;
	perr_clear(&t->e);
	t->rc = build(b->im, rules, r, &t->doc, &t->full, &t->year, &t->month,
	    &t->key, &t->val, &t->incomplete, &t->derived, &t->e);
	if (t->rc == 0 && b->filing) {
		t->rc = finish_rec(b->im, r, t->doc, &t->text, &t->e);
		node_free(t->doc);
		t->doc = NULL;
	} else if (t->rc == 0)
		/* Room for the id and the import event of pass 2. */
		t->rc = yamlio_fits(t->doc, 1024, &t->text, &t->e);
}

static void *
builder_run(void *arg)
{
	struct worker_arg *a = arg;
	struct builder *b = a->b;
	struct rules rules = b->im->c->rules;	/* this thread's own */
	size_t i;
	int stop;

	for (i = (size_t)a->w; i < b->n; i += (size_t)b->nthreads) {
		pthread_mutex_lock(&b->mu);
		while (!b->stop && i >= b->released + AHEAD) {
			b->blocked = 1;
			pthread_cond_wait(&b->room, &b->mu);
		}
		stop = b->stop;
		pthread_mutex_unlock(&b->mu);
		if (stop)
			break;
		build_into(b, &rules, i);
		pthread_mutex_lock(&b->mu);
		b->slot[i % AHEAD].ready = 1;
		if (b->waiting)
			pthread_cond_broadcast(&b->ready);
		pthread_mutex_unlock(&b->mu);
	}
	free(a);
	return NULL;
}

static void
builder_start(struct builder *b, struct import *im, int filing,
    const size_t *order, size_t n)
{
	const char *env = getenv("PLAINT_THREADS");
	long want = env != NULL ? atol(env) : 0;
	int k;

	if (want <= 0)
		want = sysconf(_SC_NPROCESSORS_ONLN);
	if (want > MAX_BUILDERS)
		want = MAX_BUILDERS;

	memset(b, 0, sizeof(*b));
	b->im = im;
	b->filing = filing;
	b->order = order;
	b->n = n;
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->ready, NULL);
	pthread_cond_init(&b->room, NULL);
	/* Few records are not worth a thread; PLAINT_THREADS=1 wants none. */
	if (n < 2 * AHEAD || want <= 1)
		return;
	b->nthreads = (int)want;
	for (k = 0; k < want; k++) {
		struct worker_arg *a = malloc(sizeof(*a));

		if (a != NULL) {
			a->b = b;
			a->w = k;
		}
		if (a == NULL || pthread_create(&b->tid[k], NULL, builder_run,
		    a) != 0) {
			free(a);
			break;
		}
	}
	if (k < want) {
		/* Those started build a share they will not finish: stop. */
		pthread_mutex_lock(&b->mu);
		b->stop = 1;
		pthread_cond_broadcast(&b->room);
		pthread_mutex_unlock(&b->mu);
		while (k-- > 0)
			pthread_join(b->tid[k], NULL);
		b->stop = 0;
		b->nthreads = 0;
		for (k = 0; k < AHEAD; k++) {
			node_free(b->slot[k].doc);
			strbuf_release(&b->slot[k].text);
		}
		memset(b->slot, 0, sizeof(b->slot));
	}
}

/*
 * The next record of the pass, built.  It stays the builder's: the taker
 * may change it, and is done with it at the next take.
 */
static struct built *
builder_take(struct builder *b)
{
	struct built *t;
	size_t i;

	pthread_mutex_lock(&b->mu);
	if (b->taken > 0) {
		b->slot[(b->taken - 1) % AHEAD].ready = 0;
		b->released = b->taken;
		/* Room for a run of records, not a wake-up per record. */
		if (b->blocked && b->released % 16 == 0) {
			b->blocked = 0;
			pthread_cond_broadcast(&b->room);
		}
	}
	i = b->taken++;
	t = &b->slot[i % AHEAD];
	if (b->nthreads == 0) {
		struct rules rules = b->im->c->rules;

		pthread_mutex_unlock(&b->mu);
		build_into(b, &rules, i);
		return t;
	}
	while (!t->ready) {
		b->waiting = 1;
		if (b->blocked) {
			b->blocked = 0;
			pthread_cond_broadcast(&b->room);
		}
		pthread_cond_wait(&b->ready, &b->mu);
		b->waiting = 0;
	}
	pthread_mutex_unlock(&b->mu);
	return t;
}

static void
builder_stop(struct builder *b)
{
	size_t i;
	int k;

	pthread_mutex_lock(&b->mu);
	b->stop = 1;
	pthread_cond_broadcast(&b->room);
	pthread_mutex_unlock(&b->mu);
	for (k = 0; k < b->nthreads; k++)
		pthread_join(b->tid[k], NULL);
	for (i = 0; i < AHEAD; i++) {
		node_free(b->slot[i].doc);
		strbuf_release(&b->slot[i].text);
	}
	pthread_mutex_destroy(&b->mu);
	pthread_cond_destroy(&b->ready);
	pthread_cond_destroy(&b->room);
}

/* "file:line: field: what is wrong", the line counted in the file. */
static void
reject(struct import *im, const struct rec *r, const struct perr *e)
{
	char msg[1200];
	struct perr at = *e;
	const struct input *in = &im->in[r->in];
	const char *p, *end = in->view.buf + r->off + r->len;
	int line = r->line;

	im->rejected++;
	/*
	 * A YAML document names the line of the field; a CSV record or a
	 * JSON line is named by its first line (libyaml may place an error
	 * at the end of input, a line further).
	 */
	if (in->fmt == FMT_YAML && e->line > 1) {
		for (p = in->view.buf + r->off; p < end && line < r->line +
		    e->line - 1; p++)
			if (*p == '\n' && p + 1 < end)
				line++;
	}
	at.path[0] = '\0';
	at.line = at.col = 0;
	perr_format(&at, msg, sizeof(msg));
	fprintf(stderr, "plaint: import: %s:%d: %s\n", in->path, line, msg);
}

/* An error of a whole input, as file:line: field: what is wrong. */
static int
report_at(struct ctx *c, const struct perr *e)
{
	char msg[1200];
	struct perr at = *e;

	if (e->path[0] == '\0' || e->line == 0)
		return report(c, e);
	at.path[0] = '\0';
	at.line = at.col = 0;
	perr_format(&at, msg, sizeof(msg));
	fprintf(stderr, "plaint: %s: %s:%d: %s\n", c->cmd, e->path, e->line,
	    msg);
	return e->code;
}

/* Pass 1: check every record, find those already present. */
static int
check_all(struct import *im, struct perr *fatal)
{
	struct builder b;
	size_t i, *all;
	long first, have;
	int rc = 0;

	if ((all = calloc(im->nrecs ? im->nrecs : 1, sizeof(*all))) == NULL)
		return perr_nomem(fatal);
	for (i = 0; i < im->nrecs; i++)
		all[i] = i;
	builder_start(&b, im, 0, all, im->nrecs);
	for (i = 0; i < im->nrecs && rc == 0; i++) {
		struct rec *r = &im->recs[i];
		struct built *t = builder_take(&b);

		progress(im, "checking", i, im->nrecs, 0);
		if (t->rc == -1) {
			if (t->e.code == PLAINT_OSERR) {
				rc = perr_nomem(fatal);
				break;
			}
			r->state = REC_BAD;
			reject(im, r, &t->e);
			continue;
		}
		r->val = t->val;
		im->derived += t->derived;
		r->month = t->year * 12 + t->month - 1;
		r->full = t->full != 0;
		r->has_old = 0;
		if (r->full) {
			const char *was = node_str(node_map_get(t->doc, "id"));

			r->has_old = was != NULL &&
			    complaint_id_parse(was, &r->id) == 0 &&
			    r->id.year == t->year && r->id.month == t->month;
		}
		if (t->key != NULL && strset_has(&im->present, t->key, &have) &&
		    same(have, t->val)) {
			r->state = REC_PRESENT;
			im->present_n++;
		} else if (t->key != NULL && strset_has(&im->batch, t->key,
		    &first) && same(im->recs[first].val, t->val)) {
			const struct rec *f = &im->recs[first];

			r->state = REC_PRESENT;
			im->present_n++;
			if (!im->c->quiet && im->repeated++ < MAX_REPEAT_WARNINGS)
				fprintf(stderr, "plaint: import: warning: "
				    "%s:%d: %s: given before, at %s:%d; "
				    "skipped\n", im->in[r->in].path, r->line,
				    t->val ? "id" : "source_ref",
				    im->in[f->in].path, f->line);
		} else if (t->key != NULL && strset_set(&im->batch, t->key,
		    (long)i) == -1)
			rc = perr_nomem(fatal);
	}
	builder_stop(&b);
	free(all);
	if (rc == 0)
		progress(im, "checking", im->nrecs, im->nrecs, 1);
	return rc;
}

static const struct import *sort_im;	/* for by_month: qsort has no arg */

static int
by_month(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int mx = sort_im->recs[x].month, my = sort_im->recs[y].month;

	if (mx != my)
		return mx < my ? -1 : 1;
	return x < y ? -1 : x > y;
}

/*
 * The ids, in the order of filing: a full state keeps its own if it is
 * free in its month, every other record takes the month's next.  Done
 * before pass 2, so that the records can be finished on any thread.
 */
static int
assign_ids(struct import *im, struct store_batch *b, const size_t *order,
    size_t n, struct perr *e)
{
	size_t k;

	for (k = 0; k < n; k++) {
		struct rec *r = &im->recs[order[k]];
		int year = r->month / 12, month = r->month % 12 + 1;

		int kept = 0;

		if (r->has_old && (kept = store_batch_claim(b, &r->id, e)) ==
		    -1)
			return -1;
		r->kept = kept != 0;
		if (!kept && store_batch_new_id(b, year, month, &r->id, e) ==
		    -1)
			return -1;
	}
	return 0;
}

/*
 * Finish built record r: a full state gets the import event (and keeps
 * its old id as source_ref if it had to take a new one), every record
 * its id; then its file's text.  Runs on the builders' threads.
 */
static int
finish_rec(struct import *im, const struct rec *r, struct node *doc,
    struct strbuf *text, struct perr *e)
{
	struct stamp st = ctx_stamp(im->c);
	char source[600], old[STORE_ID_BUFSZ + 64], idstr[STORE_ID_BUFSZ];
	const char *was = node_str(node_map_get(doc, "id"));
	struct node *extra;

	snprintf(old, sizeof(old), "%s", was != NULL && r->full ? was : "");
	if (r->full) {
		snprintf(source, sizeof(source), "%s:%d", im->in[r->in].path,
		    r->line);
		if ((extra = node_new_map()) == NULL ||
		    node_map_set(extra, "source", node_new_str(source)) == -1 ||
		    (!r->kept && old[0] != '\0' && node_map_set(extra, "was",
		    node_new_str(old)) == -1)) {
			node_free(extra);
			return perr_nomem(e);
		}
		/* Its old id finds it again on a second run. */
		if (!r->kept && old[0] != '\0' && node_map_get(doc,
		    "source_ref") == NULL && complaint_set(doc, "source_ref",
		    node_new_str(old), e) == -1) {
			node_free(extra);
			return -1;
		}
		if (complaint_event(doc, &st, "import", extra, e) == -1)
			return -1;
	}
	complaint_id_format(&r->id, idstr);
	if (node_map_set_at(doc, 0, "id", node_new_str(idstr)) == -1)
		return perr_nomem(e);
	strbuf_reset(text);
	return yamlio_emit(doc, text, e);
}

/* Pass 2: build each good record again and file it. */
static int
write_all(struct import *im, struct store_batch *b, struct perr *e)
{
	struct builder bld;
	size_t i, k, done = 0, total = 0, *order = NULL;
	int rc = 0;

	for (i = 0; i < im->nrecs; i++)
		total += im->recs[i].state == REC_OK;
	if ((order = calloc(total ? total : 1, sizeof(*order))) == NULL)
		return perr_nomem(e);
	for (i = 0, k = 0; i < im->nrecs; i++)
		if (im->recs[i].state == REC_OK)
			order[k++] = i;
	/*
	 * Month by month, in input order within a month: the ids are those
	 * of one pass in input order (each month counts on its own), and
	 * the files of one folder are created together.
	 */
	sort_im = im;
	if (total > 1)
		qsort(order, total, sizeof(*order), by_month);
	im->incomplete = 0;
	if (assign_ids(im, b, order, total, e) == -1) {
		free(order);
		return -1;
	}
	builder_start(&bld, im, 1, order, total);
	for (k = 0; k < total && rc == 0; k++) {
		struct built *t = builder_take(&bld);

		progress(im, "importing", done, total, 0);
		if (t->rc == -1) {
			*e = t->e;	/* it was good in pass 1 */
			rc = -1;
		} else if ((rc = store_batch_add_text(b,
		    &im->recs[order[k]].id, &t->text, e)) == 0) {
			im->incomplete += t->incomplete;
			done++;
		}
	}
	builder_stop(&bld);
	free(order);
	if (rc == -1)
		return -1;
	progress(im, "importing", done, total, 1);
	if (store_batch_finish(b, e) == -1)
		return -1;
	im->imported = (long)done;
	return 0;
}

static void
import_release(struct import *im)
{
	size_t i, j;

	for (i = 0; i < im->nin; i++) {
		if (im->in[i].map != NULL)
			munmap(im->in[i].map, im->in[i].maplen);
		strbuf_release(&im->in[i].text);
		strbuf_release(&im->in[i].utf8);
		for (j = 0; j < im->in[i].ncols; j++)
			free(im->in[i].cols[j]);
	}
	free(im->in);
	free(im->recs);
	strset_release(&im->present);
	strset_release(&im->batch);
}

/* For the summary: how many records were known by their content. */
static const char *
derived_note(const struct import *im)
{
	static char note[64];

	if (im->derived == 0)
		return "";
	snprintf(note, sizeof(note), ", %ld source_ref derived from content",
	    im->derived);
	return note;
}

int
cmd_import(struct ctx *c, int argc, char **argv)
{
	struct import im;
	struct store_batch b;
	struct args a;
	struct perr e;
	enum format fmt = FMT_NONE;
	const char *sync;
	size_t i;
	int ch, rc, batch_open = 0;

	memset(&im, 0, sizeof(im));
	memset(&b, 0, sizeof(b));
	im.c = c;
	perr_clear(&e);
	if ((im.in = calloc((size_t)argc + 1, sizeof(*im.in))) == NULL)
		return fail(c, PLAINT_OSERR, "out of memory");
	args_init(&a, argc, argv, "+:hknd:e:f:");
	while ((ch = args_next(&a)) != -1) {
		switch (ch) {
		case 'f':
			if ((fmt = format_named(a.arg)) == FMT_NONE) {
				import_release(&im);
				return fail(c, PLAINT_USAGE, "-f: unknown "
				    "format \"%.20s\" (jsonl, csv or yaml)",
				    a.arg);
			}
			break;
		case 'd':
			if ((im.sep = sep_named(a.arg)) == 0) {
				import_release(&im);
				return fail(c, PLAINT_USAGE, "-d: unknown "
				    "separator \"%.20s\" (\",\", \";\" or "
				    "tab)", a.arg);
			}
			break;
		case 'e':
			if (!encoding_named(a.arg, &im.enc)) {
				import_release(&im);
				return fail(c, PLAINT_USAGE, "-e: unknown "
				    "encoding \"%.40s\" (utf-8, gb18030 or "
				    "another of iconv -l)", a.arg);
			}
			break;
		case 'k':
			im.keep_going = 1;
			break;
		case 'n':
			im.dry_run = 1;
			break;
		case 'h':
			import_release(&im);
			return usage(c, synopsis, ch);
		case 0:
			im.in[im.nin++].path = strcmp(a.arg, "-") == 0 ?
			    "<stdin>" : a.arg;
			break;
		default:
			import_release(&im);
			return bad_option(c, synopsis, &a);
		}
	}
	if (im.nin == 0)
		im.in[im.nin++].path = "<stdin>";
	for (i = 0; i < im.nin; i++) {
		im.in[i].fmt = fmt != FMT_NONE ? fmt : format_of(im.in[i].path);
		if (im.in[i].fmt == FMT_NONE) {
			rc = fail(c, PLAINT_USAGE, "%.200s: cannot tell the "
			    "format from the name; give -f jsonl, csv or yaml",
			    im.in[i].path);
			import_release(&im);
			return rc;
		}
	}
	/* -n changes nothing: no lock. */
	if (im.dry_run)
		c->flags &= ~WRITES;
	if ((rc = setup(c)) != 0) {
		import_release(&im);
		return rc;
	}
	im.tty = !c->quiet && isatty(STDERR_FILENO);
	for (i = 0; i < im.nin; i++)
		if (read_input(&im, (unsigned)i, &e) == -1)
			goto done;
	/* Leftovers of an interrupted run, then what the tree holds. */
	if ((!im.dry_run && store_sweep(&c->store, 1, NULL, NULL, &e) == -1) ||
	    store_scan_text(&c->store, scan_file, &im, &e) == -1)
		goto done;
	im.start = now_s();
	if (check_all(&im, &e) == -1)
		goto done;
	if (im.dry_run || (im.rejected > 0 && !im.keep_going))
		goto summary;
	sync = getenv("PLAINT_IMPORT_SYNC");
	if (store_batch_init(&b, &c->store, sync != NULL && strcmp(sync,
	    "each") == 0, &e) == -1)
		goto done;
	batch_open = 1;
	im.start = now_s();
	if (write_all(&im, &b, &e) == -1) {
		im.imported = b.committed;
		goto done;
	}
summary:
	if (im.repeated > MAX_REPEAT_WARNINGS && !c->quiet)
		fprintf(stderr, "plaint: import: warning: %ld more records "
		    "repeat the source_ref of an earlier one; skipped\n",
		    im.repeated - MAX_REPEAT_WARNINGS);
	if (im.incomplete > 0 && !c->quiet)
		fprintf(stderr, "plaint: import: warning: %ld complaint(s) "
		    "have a deadline in a year without a calendar: counted on "
		    "weekdays alone (marked calendar: incomplete)\n",
		    im.incomplete);
	if (!c->quiet)
		fprintf(stderr, "plaint: import: %s %ld, skipped %ld (already "
		    "present), rejected %ld%s%s\n", im.dry_run ? "would import" :
		    "imported", im.dry_run ? (long)(im.nrecs - (size_t)
		    im.rejected - (size_t)im.present_n) : im.imported,
		    im.present_n, im.rejected, derived_note(&im), im.rejected > 0 &&
		    !im.keep_going && !im.dry_run ? "; nothing was imported "
		    "(-k imports the good records)" : "");
done:
	if (batch_open)
		store_batch_release(&b);
	import_release(&im);
	if (e.code)
		return report_at(c, &e);
	return im.rejected > 0 ? PLAINT_DATAERR : PLAINT_OK;
}
