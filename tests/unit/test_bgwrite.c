#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../lib/bgwrite.h"
#include "../../lib/fileio.h"
#include "unit.h"

static int
make_dir(char *tmpl)
{
	if (mkdtemp(tmpl) == NULL)
		return -1;
	return open(tmpl, O_RDONLY | O_DIRECTORY);
}

static int
has_text(int dirfd, const char *name, const char *want, unsigned mode)
{
	struct strbuf sb = STRBUF_INIT;
	struct perr e;
	struct stat st;
	int fd = openat(dirfd, name, O_RDONLY), ok;

	perr_clear(&e);
	if (fd == -1)
		return 0;
	ok = fileio_read_fd(fd, 1 << 20, &sb, name, &e) == 0 &&
	    strcmp(strbuf_str(&sb), want) == 0 && fstat(fd, &st) == 0 &&
	    (st.st_mode & 07777) == mode;
	close(fd);
	strbuf_release(&sb);
	return ok;
}

/* Every queued file is there, whole, in its mode, after a wait. */
static void
check_many(void)
{
	char dir[] = "/tmp/plaint-bgwrite-XXXXXX", name[32], want[64];
	struct bgwrite *w = bgwrite_new();
	struct strbuf text = STRBUF_INIT;
	struct perr e;
	int dirfd = make_dir(dir), i, bad = 0;

	CHECK(w != NULL && dirfd != -1);
	if (w == NULL || dirfd == -1)
		return;
	perr_clear(&e);
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		strbuf_addf(&text, "file %d\n", i);
		bad += bgwrite_put(w, dirfd, name, 0640, 1, &text, name,
		    &e) != 0;
		/* The caller's buffer comes back empty, to be reused. */
		bad += text.len != 0;
	}
	CHECK(bad == 0);
	CHECK(bgwrite_wait(w, &e) == 0);
	for (i = 0, bad = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		snprintf(want, sizeof(want), "file %d\n", i);
		bad += !has_text(dirfd, name, want, 0640);
		unlinkat(dirfd, name, 0);
	}
	CHECK(bad == 0);
	bgwrite_free(w);
	strbuf_release(&text);
	close(dirfd);
	rmdir(dir);
}

/*
 * A file that cannot be created (its name is taken): the wait says so,
 * naming it, later jobs are dropped, and later puts fail at once.
 */
static void
check_failure(void)
{
	char dir[] = "/tmp/plaint-bgwrite-XXXXXX", msg[1200];
	struct bgwrite *w = bgwrite_new();
	struct strbuf text = STRBUF_INIT;
	struct perr e;
	int dirfd = make_dir(dir);

	CHECK(w != NULL && dirfd != -1);
	if (w == NULL || dirfd == -1)
		return;
	perr_clear(&e);
	CHECK(fileio_create_at(dirfd, "taken", 0600, 0, "x", 1, 0) == 0);
	strbuf_addstr(&text, "a");
	CHECK(bgwrite_put(w, dirfd, "first", 0600, 0, &text, "2611/first",
	    &e) == 0);
	strbuf_addstr(&text, "b");
	CHECK(bgwrite_put(w, dirfd, "taken", 0600, 0, &text, "2611/taken",
	    &e) == 0);
	strbuf_addstr(&text, "c");
	CHECK(bgwrite_put(w, dirfd, "after", 0600, 0, &text, "2611/after",
	    &e) == 0);
	CHECK(bgwrite_wait(w, &e) == -1);
	CHECK(e.code == PLAINT_CANTCREAT);
	perr_format(&e, msg, sizeof(msg));
	CHECK(strstr(msg, "2611/taken") != NULL);
	CHECK(has_text(dirfd, "first", "a", 0600));
	CHECK(has_text(dirfd, "taken", "x", 0600));
	CHECK(faccessat(dirfd, "after", F_OK, 0) == -1);
	perr_clear(&e);
	strbuf_addstr(&text, "d");
	CHECK(bgwrite_put(w, dirfd, "later", 0600, 0, &text, "later", &e) ==
	    -1 && e.code == PLAINT_CANTCREAT);
	bgwrite_free(w);
	strbuf_release(&text);
	unlinkat(dirfd, "first", 0);
	unlinkat(dirfd, "taken", 0);
	close(dirfd);
	rmdir(dir);
}

void
suite_bgwrite(void)
{
	check_many();
	check_failure();
}
