#include <string.h>

#include "../../lib/sha256.h"
#include "unit.h"

/* The vectors of FIPS 180-4's examples (NIST CSRC). */
static void
vectors(void)
{
	char hex[SHA256_HEXLEN];

	sha256_hex("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* A million 'a', fed in pieces that do not fall on blocks. */
static void
million(void)
{
	static const char expect[] =
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	char a[1001], hex[SHA256_HEXLEN];
	unsigned char d[SHA256_LEN];
	struct sha256 s;
	int i;

	memset(a, 'a', sizeof(a));
	sha256_init(&s);
	for (i = 0; i < 1000; i++)
		sha256_add(&s, a, i % 2 ? 999 : 1001);
	sha256_end(&s, d);
	for (i = 0; i < SHA256_LEN; i++) {
		hex[2 * i] = "0123456789abcdef"[d[i] >> 4];
		hex[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
	}
	hex[2 * SHA256_LEN] = '\0';
	CHECK_STR(hex, expect);
}

void
suite_sha256(void)
{
	vectors();
	million();
}
