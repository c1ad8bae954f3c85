/*
 * recode.c - conversion to UTF-8 through iconv(3), in chunks so that a
 * check alone needs no memory of the text's size.
 */
#include <errno.h>
#include <iconv.h>

#include "recode.h"

int
recode_known(const char *from)
{
	iconv_t cd = iconv_open("UTF-8", from);

	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

int
recode_to_utf8(const char *from, const char *buf, size_t len,
    struct strbuf *out, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char chunk[16384], *in = (char *)buf, *o;
	size_t left = len, room;
	int rc = 0;

	if (cd == (iconv_t)-1)
		return -1;
	while (left > 0 && rc == 0) {
		o = chunk;
		room = sizeof(chunk);
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 &&
		    errno != E2BIG) {
			/* EILSEQ, or EINVAL: cut short at the end. */
			*bad = (size_t)(in - buf);
			rc = 1;
		}
		if (out != NULL && strbuf_add(out, chunk, (size_t)(o - chunk))
		    == -1) {
			errno = ENOMEM;
			rc = -1;
		}
	}
	iconv_close(cd);
	return rc;
}
