/*
** sha256.c: SHA-256 (FIPS 180-4) for content hashes of sources and rules.
**
** Two implementations of the compression function behind one padding
** routine: a portable one in C, and on x86-64 one on the SHA extensions
** (sha256rnds2, sha256msg1, sha256msg2), chosen at run time. The rules
** digest hashes every rule file at load (~670 KB), which made the plain
** C loop (~63 instructions a byte) a visible part of a warm `verify`.
*/
#include <string.h>

#include "core/core.h"
#include "core/sha256_p.h"

/* The SHA-NI path needs GCC's target attribute, its x86 intrinsics and
** __builtin_cpu_supports("sha") (GCC 11 on); other compilers and CPUs
** keep the portable path. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
	__GNUC__ >= 11
#define HAVE_SHANI 1
#include <immintrin.h>
#else
#define HAVE_SHANI 0
#endif

/* Round constants: the first 32 bits of the fractional parts of the cube
** roots of the first 64 primes (FIPS 180-4, 4.2.2). */
static const uint32_t K[64] = {
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

/* Compresses nblocks 64-byte blocks at p into the state h. */
typedef void blocks_fn(uint32_t h[8], const unsigned char *p, size_t nblocks);

/* ---- portable path ---- */

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define BSIG0(x) (ROR(x, 2) ^ ROR(x, 13) ^ ROR(x, 22))
#define BSIG1(x) (ROR(x, 6) ^ ROR(x, 11) ^ ROR(x, 25))
#define SSIG0(x) (ROR(x, 7) ^ ROR(x, 18) ^ ((x) >> 3))
#define SSIG1(x) (ROR(x, 17) ^ ROR(x, 19) ^ ((x) >> 10))
/* Ch and Maj with one operation fewer than the textbook forms */
#define CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define MAJ(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))

/* Schedule word t >= 16 in a ring of the last 16: w[t & 15] holds
** W[t-16] and is replaced by W[t] = SSIG1(W[t-2]) + W[t-7] +
** SSIG0(W[t-15]) + W[t-16]. */
#define WNEXT(t)                                                        \
	(w[(t) & 15] += SSIG1(w[((t) + 14) & 15]) + w[((t) + 9) & 15] + \
			SSIG0(w[((t) + 1) & 15]))

/* One round with word wt. The working variables do not move: each round
** names them one place further on, so the round that makes the new 'a'
** writes it into the variable that held 'h', and 'e' into 'd'. */
#define ROUND(a, b, c, d, e, f, g, h, t, wt)                         \
	do {                                                         \
		uint32_t t1 = h + BSIG1(e) + CH(e, f, g) + K[t] + (wt); \
		d += t1;                                             \
		h = t1 + BSIG0(a) + MAJ(a, b, c);                    \
	} while (0)

/* Eight rounds from t (a multiple of 8), the names back in place after. */
#define ROUNDS8(t, W)                                   \
	do {                                            \
		ROUND(a, b, c, d, e, f, g, h, (t), W((t)));         \
		ROUND(h, a, b, c, d, e, f, g, (t) + 1, W((t) + 1)); \
		ROUND(g, h, a, b, c, d, e, f, (t) + 2, W((t) + 2)); \
		ROUND(f, g, h, a, b, c, d, e, (t) + 3, W((t) + 3)); \
		ROUND(e, f, g, h, a, b, c, d, (t) + 4, W((t) + 4)); \
		ROUND(d, e, f, g, h, a, b, c, (t) + 5, W((t) + 5)); \
		ROUND(c, d, e, f, g, h, a, b, (t) + 6, W((t) + 6)); \
		ROUND(b, c, d, e, f, g, h, a, (t) + 7, W((t) + 7)); \
	} while (0)

#define WFIRST(t) w[t]

static uint32_t load_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void blocks_portable(uint32_t st[8], const unsigned char *p,
			    size_t nblocks)
{
	for (; nblocks > 0; nblocks--, p += 64) {
		uint32_t w[16];
		for (int i = 0; i < 16; i++)
			w[i] = load_be32(p + 4 * i);
		uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
		uint32_t e = st[4], f = st[5], g = st[6], h = st[7];
		/* written out so every schedule index is a constant */
		ROUNDS8(0, WFIRST);
		ROUNDS8(8, WFIRST);
		ROUNDS8(16, WNEXT);
		ROUNDS8(24, WNEXT);
		ROUNDS8(32, WNEXT);
		ROUNDS8(40, WNEXT);
		ROUNDS8(48, WNEXT);
		ROUNDS8(56, WNEXT);
		st[0] += a; st[1] += b; st[2] += c; st[3] += d;
		st[4] += e; st[5] += f; st[6] += g; st[7] += h;
	}
}

/* ---- x86-64 SHA extensions ---- */

#if HAVE_SHANI
#define SHANI __attribute__((target("sha,sse4.1,ssse3")))

/*
** What the instructions do (Intel SDM), in the lane order of an __m128i
** (lane 0 = bits 31:0):
** - sha256rnds2(x, y, wk) runs two rounds. y holds A B E F in lanes
**   3 2 1 0, x holds C D G H in lanes 3 2 1 0, wk's lanes 0 and 1 hold
**   W[t] + K[t] and W[t+1] + K[t+1]. It returns the new A B E F; the new
**   C D G H is the old A B E F, so two calls in turn swap the roles.
** - sha256msg1(x, y) returns x[i] + SSIG0(next word), the next word of
**   x[3] being y[0]: with x = W[t-16..t-13] and y = W[t-12..t-9] that is
**   W[t-16+i] + SSIG0(W[t-15+i]).
** - sha256msg2(x, y) adds SSIG1 of the word two places back, taking
**   W[t-2], W[t-1] from y's lanes 2 and 3 and, for lanes 2 and 3, the two
**   words it has just made.
*/

/* The next four schedule words W[t..t+3] from the four vectors before. */
SHANI static __m128i schedule4(__m128i w16, __m128i w12, __m128i w8,
			       __m128i w4)
{
	__m128i x = _mm_sha256msg1_epu32(w16, w12);
	/* W[t-7..t-4]: the top three words of w8 and the first of w4 */
	x = _mm_add_epi32(x, _mm_alignr_epi8(w4, w8, 4));
	return _mm_sha256msg2_epu32(x, w4);
}

/* Four rounds on the words w, constants from K[t]. */
SHANI static void rounds4(__m128i *abef, __m128i *cdgh, __m128i w, int t)
{
	__m128i wk = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)&K[t]));
	__m128i mid = _mm_sha256rnds2_epu32(*cdgh, *abef, wk);
	/* lanes 2 and 3 down to 0 and 1 for the next two rounds */
	wk = _mm_shuffle_epi32(wk, 0x0e);
	*abef = _mm_sha256rnds2_epu32(*abef, mid, wk);
	*cdgh = mid;
}

SHANI static void blocks_shani(uint32_t st[8], const unsigned char *p,
			       size_t nblocks)
{
	/* message words are big-endian: reverse the bytes of each lane */
	const __m128i bswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5,
					   6, 7, 0, 1, 2, 3);
	__m128i abef = _mm_set_epi32((int)st[0], (int)st[1], (int)st[4],
				     (int)st[5]);
	__m128i cdgh = _mm_set_epi32((int)st[2], (int)st[3], (int)st[6],
				     (int)st[7]);
	for (; nblocks > 0; nblocks--, p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh;
		__m128i w0 = _mm_shuffle_epi8(
			_mm_loadu_si128((const __m128i *)p), bswap);
		__m128i w1 = _mm_shuffle_epi8(
			_mm_loadu_si128((const __m128i *)(p + 16)), bswap);
		__m128i w2 = _mm_shuffle_epi8(
			_mm_loadu_si128((const __m128i *)(p + 32)), bswap);
		__m128i w3 = _mm_shuffle_epi8(
			_mm_loadu_si128((const __m128i *)(p + 48)), bswap);
		rounds4(&abef, &cdgh, w0, 0);
		rounds4(&abef, &cdgh, w1, 4);
		rounds4(&abef, &cdgh, w2, 8);
		rounds4(&abef, &cdgh, w3, 12);
		/* w0..w3 are a ring: each new vector replaces the oldest */
		for (int t = 16; t < 64; t += 16) {
			w0 = schedule4(w0, w1, w2, w3);
			rounds4(&abef, &cdgh, w0, t);
			w1 = schedule4(w1, w2, w3, w0);
			rounds4(&abef, &cdgh, w1, t + 4);
			w2 = schedule4(w2, w3, w0, w1);
			rounds4(&abef, &cdgh, w2, t + 8);
			w3 = schedule4(w3, w0, w1, w2);
			rounds4(&abef, &cdgh, w3, t + 12);
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	uint32_t v[4];
	_mm_storeu_si128((__m128i *)v, abef);
	st[0] = v[3]; st[1] = v[2]; st[4] = v[1]; st[5] = v[0];
	_mm_storeu_si128((__m128i *)v, cdgh);
	st[2] = v[3]; st[3] = v[2]; st[6] = v[1]; st[7] = v[0];
}
#endif

bool fc_sha256_has_shani(void)
{
#if HAVE_SHANI
	return __builtin_cpu_supports("sha") &&
	       __builtin_cpu_supports("sse4.1") &&
	       __builtin_cpu_supports("ssse3");
#else
	return false;
#endif
}

/* Hashes len bytes at data with blocks() and writes the hex digest. */
static void hash_hex(blocks_fn *blocks, const void *data, size_t len,
		     char out[65])
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = data;
	size_t nfull = len / 64, n = len % 64;
	if (nfull)
		blocks(h, p, nfull);
	p += nfull * 64;
	/* padding: 0x80, zeros, the length in bits as 64-bit big-endian */
	unsigned char tail[128] = {0};
	if (n)
		memcpy(tail, p, n);
	tail[n] = 0x80;
	size_t tl = n < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		tail[tl - 1 - i] = (unsigned char)(bits >> (8 * i));
	blocks(h, tail, tl / 64);
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++) {
			unsigned char byte = (unsigned char)(h[i] >> (24 - 8 * j));
			out[8 * i + 2 * j] = hex[byte >> 4];
			out[8 * i + 2 * j + 1] = hex[byte & 15];
		}
	out[64] = '\0';
}

bool fc_sha256_hex_impl(enum fc_sha256_impl impl, const void *data,
			size_t len, char out[65])
{
	blocks_fn *blocks = blocks_portable;
	switch (impl) {
	case FC_SHA256_BEST:
#if HAVE_SHANI
		if (fc_sha256_has_shani())
			blocks = blocks_shani;
#endif
		break;
	case FC_SHA256_PORTABLE:
		break;
	case FC_SHA256_SHANI:
#if HAVE_SHANI
		if (!fc_sha256_has_shani())
			return false;
		blocks = blocks_shani;
		break;
#else
		return false;
#endif
	default:
		return false;
	}
	hash_hex(blocks, data, len, out);
	return true;
}

void fc_sha256_hex(const void *data, size_t len, char out[65])
{
	fc_sha256_hex_impl(FC_SHA256_BEST, data, len, out);
}
