/*
** test_sha256.c: SHA-256 (core/sha256.c) through both implementations:
** the FIPS 180-4 / NIST example messages, every length 0..300 and random
** lengths up to 1 MiB from unaligned pointers, compared between the
** portable path, the SHA extensions path (skipped with a message on a CPU
** without them) and the implementation before them (kept below as
** old_sha256_hex, the plain textbook loop).
*/
#include "fc_test.h"
#include "core/core.h"
#include "core/sha256_p.h"

/* ---- the implementation before the fast paths, as the reference ---- */

static const uint32_t OLD_K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define OLD_ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void old_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = OLD_ROR(w[i - 15], 7) ^ OLD_ROR(w[i - 15], 18) ^
			      (w[i - 15] >> 3);
		uint32_t s1 = OLD_ROR(w[i - 2], 17) ^ OLD_ROR(w[i - 2], 19) ^
			      (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5],
		 g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = k + (OLD_ROR(e, 6) ^ OLD_ROR(e, 11) ^ OLD_ROR(e, 25)) +
			      ((e & f) ^ (~e & g)) + OLD_K[i] + w[i];
		uint32_t t2 = (OLD_ROR(a, 2) ^ OLD_ROR(a, 13) ^ OLD_ROR(a, 22)) +
			      ((a & b) ^ (a & c) ^ (b & c));
		k = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void old_sha256_hex(const void *data, size_t len, char out[65])
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = data;
	size_t n = len;
	while (n >= 64) {
		old_block(h, p);
		p += 64;
		n -= 64;
	}
	unsigned char tail[128] = {0};
	if (n)
		memcpy(tail, p, n);
	tail[n] = 0x80;
	size_t tl = n < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		tail[tl - 1 - i] = (unsigned char)(bits >> (8 * i));
	old_block(h, tail);
	if (tl == 128)
		old_block(h, tail + 64);
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++) {
			unsigned char byte = (unsigned char)(h[i] >> (24 - 8 * j));
			out[8 * i + 2 * j] = hex[byte >> 4];
			out[8 * i + 2 * j + 1] = hex[byte & 15];
		}
	out[64] = '\0';
}

/* ---- helpers ---- */

/* xorshift64: reproducible bytes and lengths */
static uint64_t rnd_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void fill(unsigned char *p, size_t n, uint64_t seed)
{
	uint64_t s = seed;
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(rnd_next(&s) >> 24);
}

static void check_impl(enum fc_sha256_impl impl, const void *data,
		       size_t len, const char *want)
{
	char got[65];
	memset(got, 'x', sizeof(got));
	assert_true(fc_sha256_hex_impl(impl, data, len, got));
	assert_string_equal(got, want);
}

/* The digest of data through every implementation this CPU has. */
static void check_all(const void *data, size_t len, const char *want)
{
	check_impl(FC_SHA256_PORTABLE, data, len, want);
	check_impl(FC_SHA256_BEST, data, len, want);
	if (fc_sha256_has_shani())
		check_impl(FC_SHA256_SHANI, data, len, want);
	char pub[65];
	fc_sha256_hex(data, len, pub);
	assert_string_equal(pub, want);
}

/* ---- tests ---- */

/* FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf") */
static void test_nist_vectors(void **state)
{
	(void)state;
	check_all("", 0,
		  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check_all("abc", 3,
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *m448 =
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	check_all(m448, strlen(m448),
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	const char *m896 =
		"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	check_all(m896, strlen(m896),
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	size_t n = 1000000;
	char *a = malloc(n);
	assert_non_null(a);
	memset(a, 'a', n);
	check_all(a, n,
		  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

/* Lengths 0..300 cover an empty message, tails on both sides of the
** 56-byte padding limit and one to four full blocks; each is hashed from
** every offset 0..15 into a buffer so loads are unaligned. */
static void test_every_length(void **state)
{
	(void)state;
	unsigned char buf[300 + 16];
	bool shani = fc_sha256_has_shani();
	for (size_t len = 0; len <= 300; len++)
		for (size_t off = 0; off < 16; off++) {
			fill(buf + off, len, 0x9e3779b97f4a7c15ull + len);
			char want[65];
			old_sha256_hex(buf + off, len, want);
			check_impl(FC_SHA256_PORTABLE, buf + off, len, want);
			if (shani)
				check_impl(FC_SHA256_SHANI, buf + off, len, want);
		}
}

/* Random lengths up to 1 MiB at random offsets. */
static void test_random_lengths(void **state)
{
	(void)state;
	size_t cap = (1u << 20) + 16;
	unsigned char *buf = malloc(cap);
	assert_non_null(buf);
	fill(buf, cap, 42);
	uint64_t s = 0x2545f4914f6cdd1dull;
	for (int i = 0; i < 12; i++) {
		size_t len = (size_t)(rnd_next(&s) % ((1u << 20) + 1));
		size_t off = (size_t)(rnd_next(&s) % 16);
		char want[65];
		old_sha256_hex(buf + off, len, want);
		check_all(buf + off, len, want);
	}
	/* the largest length itself, 1 MiB exactly, from an odd address */
	char want[65];
	old_sha256_hex(buf + 3, 1u << 20, want);
	check_all(buf + 3, 1u << 20, want);
	free(buf);
}

/* What BEST runs, and SHANI refused where it is absent. */
static void test_impl_choice(void **state)
{
	(void)state;
	char out[65] = "untouched";
	if (fc_sha256_has_shani()) {
		assert_true(fc_sha256_hex_impl(FC_SHA256_SHANI, "abc", 3, out));
		assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	} else {
		assert_false(fc_sha256_hex_impl(FC_SHA256_SHANI, "abc", 3, out));
		assert_string_equal(out, "untouched");
		skip();
	}
}

int main(void)
{
	if (!fc_sha256_has_shani())
		fprintf(stderr, "test_sha256: no SHA extensions on this CPU or "
				"build: only the portable path is tested\n");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nist_vectors),
		cmocka_unit_test(test_every_length),
		cmocka_unit_test(test_random_lengths),
		cmocka_unit_test(test_impl_choice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
