/* plaint init: create a complaint tree from a shipped policy pack. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/fileio.h"
#include "../lib/policy.h"
#include "../lib/yamlio.h"
#include "plaint.h"

static const char synopsis[] = "plaint init [-p pack] [dir]";

static int
find_pack(char *path, size_t size, const char *pack)
{
	char rel[200];

	if (strchr(pack, '/') != NULL) {
		snprintf(path, size, "%s", pack);
		return 0;
	}
	if (strspn(pack, "abcdefghijklmnopqrstuvwxyz0123456789-_") !=
	    strlen(pack) || strlen(pack) > 64)
		return -1;
	snprintf(rel, sizeof(rel), "policies/%s.yaml", pack);
	return datafile(path, size, "data", rel);
}

/* plaint.yaml, created whole or not at all (fileio_create_at). */
static int
write_policy(int dirfd, const struct strbuf *text, struct perr *e)
{
	int rc = fileio_create_at(dirfd, "plaint.yaml", 0644, 1, text->buf,
	    text->len, 1);

	if (rc == -1)
		return perr_errno(e, PLAINT_CANTCREAT, errno, "cannot create",
		    "plaint.yaml");
	if (rc == -2)
		return perr_errno(e, PLAINT_IOERR, errno, "cannot write",
		    "plaint.yaml");
	return 0;
}

int
cmd_init(struct ctx *c, int argc, char **argv)
{
	struct args a;
	struct perr e;
	struct policy pol;
	struct strbuf text = STRBUF_INIT;
	const char *pack = "default", *dir = NULL;
	char path[PATH_MAX];
	int ch, dirfd = -1, rc = PLAINT_OK;

	perr_clear(&e);
	args_init(&a, argc, argv, "+:hp:");
	while ((ch = args_next(&a)) != -1) {
		switch (ch) {
		case 'p':
			pack = a.arg;
			break;
		case 'h':
			return usage(c, synopsis, ch);
		case 0:
			if (dir != NULL)
				return usage(c, synopsis, '?');
			dir = a.arg;
			break;
		default:
			return bad_option(c, synopsis, &a);
		}
	}
	if (dir == NULL)
		dir = c->dir != NULL ? c->dir : ".";
	if ((rc = setup(c)) != 0)
		return rc;
	if (find_pack(path, sizeof(path), pack) == -1)
		return fail(c, PLAINT_CONFIG, "no policy pack \"%.64s\" (packs "
		    "are in share/plaint/policies)", pack);
	if (fileio_read_path(path, YAMLIO_MAX_FILE, &text, &e) == -1 ||
	    policy_load_buf(&pol, text.buf, text.len, path, &e) == -1) {
		strbuf_release(&text);
		perr_as_config(&e);
		return report(c, &e);
	}
	if (mkdir(dir, pol.dir_mode) == -1 && errno != EEXIST) {
		perr_errno(&e, PLAINT_CANTCREAT, errno, "cannot create", dir);
		goto done;
	}
	if ((dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		perr_errno(&e, PLAINT_CANTCREAT, errno, "cannot open", dir);
		goto done;
	}
	if (faccessat(dirfd, "plaint.yaml", F_OK, 0) == 0) {
		perr_set(&e, PLAINT_CANTCREAT, "%s is a plaint tree already",
		    dir);
		goto done;
	}
	if ((mkdirat(dirfd, ".plaint", pol.dir_mode) == -1 &&
	    errno != EEXIST) || fchmodat(dirfd, ".plaint", pol.dir_mode,
	    0) == -1) {
		perr_errno(&e, PLAINT_CANTCREAT, errno, "cannot create",
		    ".plaint");
		goto done;
	}
	if (write_policy(dirfd, &text, &e) == -1 ||
	    fileio_fsync_dir(dirfd) == -1) {
		if (e.code == 0)
			perr_errno(&e, PLAINT_IOERR, errno, "cannot sync", dir);
		goto done;
	}
	if (!c->quiet)
		fprintf(stderr, "plaint: init: created a tree with policy "
		    "\"%s\" in %s\n", pol.name, dir);
done:
	if (dirfd != -1)
		close(dirfd);
	policy_release(&pol);
	strbuf_release(&text);
	return e.code ? report(c, &e) : rc;
}
