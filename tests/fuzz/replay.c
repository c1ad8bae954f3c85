/*
 * replay.c - run a harness over files without libFuzzer: each operand
 * is a file, or a folder whose files are each one input.  Prints how
 * many inputs ran; a property that fails aborts (fuzz.h).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../lib/err.h"
#include "../../lib/fileio.h"
#include "../../lib/strbuf.h"
#include "fuzz.h"

static int
run_file(const char *path, unsigned long *n)
{
	struct strbuf sb = STRBUF_INIT;
	uint8_t *copy;
	size_t len;
	struct perr e;

	perr_clear(&e);
	if (fileio_read_path(path, 16 * 1024 * 1024, &sb, &e) == -1) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		return -1;
	}
	/*
	 * An exact copy, as libFuzzer gives: no NUL after it and no spare
	 * room, so that a read past the end is caught here too.
	 */
	len = sb.len;
	if ((copy = malloc(len > 0 ? len : 1)) == NULL) {
		strbuf_release(&sb);
		return -1;
	}
	memcpy(copy, sb.buf, len);
	strbuf_release(&sb);
	LLVMFuzzerTestOneInput(copy, len);
	free(copy);
	(*n)++;
	return 0;
}

static int
run_dir(const char *path, unsigned long *n)
{
	struct dirent **ents;
	char file[4096];
	int i, k, rc = 0;

	if ((k = scandir(path, &ents, NULL, alphasort)) == -1) {
		fprintf(stderr, "replay: %s: cannot read the folder\n", path);
		return -1;
	}
	for (i = 0; i < k; i++) {
		struct stat st;

		snprintf(file, sizeof(file), "%s/%s", path, ents[i]->d_name);
		if (ents[i]->d_name[0] != '.' && stat(file, &st) == 0 &&
		    S_ISREG(st.st_mode) && run_file(file, n) == -1)
			rc = -1;
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int
main(int argc, char **argv)
{
	unsigned long n = 0;
	struct stat st;
	int i, rc = 0;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			fprintf(stderr, "replay: %s: no such file\n", argv[i]);
			rc = 1;
		} else if ((S_ISDIR(st.st_mode) ? run_dir(argv[i], &n) :
		    run_file(argv[i], &n)) == -1)
			rc = 1;
	}
	printf("%lu inputs\n", n);
	return rc;
}
