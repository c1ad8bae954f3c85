/*
 * sha256.h - SHA-256 (FIPS 180-4), for references derived from content
 * (plaint import): small and without a library, as plaint links only
 * libyaml and the C library.  Not for secrets: nothing is wiped.
 */
#ifndef PLAINT_SHA256_H
#define PLAINT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32
#define SHA256_HEXLEN (2 * SHA256_LEN + 1)	/* with its NUL */

struct sha256 {
	uint32_t h[8];
	uint64_t len;			/* bytes hashed so far */
	unsigned char block[64];
	size_t fill;			/* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_add(struct sha256 *s, const void *data, size_t len);
void sha256_end(struct sha256 *s, unsigned char out[SHA256_LEN]);
/* The digest of data in lowercase hex, NUL-terminated. */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEXLEN]);

#endif
