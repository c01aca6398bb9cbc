/*
** lexicon_tok16_p.h: the tokenizer's reads of an ASCII word 16 bytes at
** once (SSE2 on x86-64), for lexicon_tok.c alone: the word's form, hash
** and case from one register. Elsewhere each read says no, and the caller
** reads the word a byte at a time.
*/
#ifndef FC_LEXICON_TOK16_P_H
#define FC_LEXICON_TOK16_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

#include "extract/lexicon_p.h"

/*
** An ASCII word of fewer than 16 bytes at s (n bytes readable, the
** first a letter or digit) read 16 bytes at once (SSE2): its length in
** *len, its form written to o (room bytes there, 16 written), its hash
** (lx_hash_tok of the form, from the same register) in *h and
** LX_T_UPPER in *wcase when its letters are all upper case (the caller
** has the first byte's class for LX_T_CAP and LX_T_DIGIT in hand).
** False when the word is
** longer, fewer than 16 bytes are left to read or to write, or there
** is no SSE2: the caller reads it a byte at a time.
*/
#if defined(__SSE2__) && defined(__x86_64__)
/* b in [lo, lo + w): b - lo + 0x80, signed, below w - 0x80 (every other
** byte wraps to w - 0x80 or above) */
#define IN_RANGE(b, lo, w)                                                   \
	_mm_cmpgt_epi8(_mm_set1_epi8((char)((w) - 0x80)),                    \
		       _mm_add_epi8(b, _mm_set1_epi8((char)(0x80 - (lo)))))

/*
** The form of the ASCII bytes v[0, l), 0 < l <= 16, written to o (16
** bytes), its hash (lx_hash_tok's) in *h; LX_T_UPPER when its letters are
** all upper case (at least one), never after a lower-case first letter
** (is_lower_first: most words, no masks to make).
*/
static inline uint16_t form16(__m128i v, unsigned l, char *o, uint32_t *h,
			      bool is_lower_first)
{
	__m128i up = IN_RANGE(v, 'A', 26);
	__m128i form = _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
	_mm_storeu_si128((__m128i *)(void *)o, form);
	uint16_t wcase = 0;
	if (!is_lower_first) {
		__m128i letter = IN_RANGE(_mm_or_si128(v, _mm_set1_epi8(0x20)),
					  'a', 26);
		unsigned keep = (1u << l) - 1;
		unsigned mup = (unsigned)_mm_movemask_epi8(up) & keep;
		unsigned mletter = (unsigned)_mm_movemask_epi8(letter) & keep;
		wcase = (uint16_t)((mletter && mletter == mup) * LX_T_UPPER);
	}
	/* the form zero padded, as lx_hash_tok reads it */
	form = _mm_and_si128(form, _mm_loadu_si128((const __m128i *)(
					   const void *)(fc_first_ones + 16 - l)));
	uint64_t a = (uint64_t)_mm_cvtsi128_si64(form);
	if (l <= 8) {
		*h = lx_hash_short(a, l);
	} else {
		uint64_t b = (uint64_t)_mm_cvtsi128_si64(
			_mm_srli_si128(form, 8));
		*h = lx_hash_fin(lx_hash_block(LX_HASH_SEED ^ l, a, b));
	}
	return wcase;
}
#endif

static inline bool read_word16(const unsigned char *s, size_t n, char *o,
			       size_t room, size_t *len, uint32_t *h,
			       uint16_t *wcase, bool is_lower_first)
{
#if defined(__SSE2__) && defined(__x86_64__)
	if (n < 16 || room < 16)
		return false;
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i letter = IN_RANGE(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26);
	__m128i digit = IN_RANGE(v, '0', 10);
	unsigned mw = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
	unsigned l = (unsigned)__builtin_ctz(~mw);
	if (l >= 16)
		return false;
	*wcase = form16(v, l, o, h, is_lower_first);
	*len = l;
	return true;
#else
	(void)s, (void)n, (void)o, (void)room, (void)len, (void)h, (void)wcase;
	(void)is_lower_first;
	return false;
#endif
}

/*
** The ASCII span s[0, l) of a word read on past its marks ("U.S.",
** "3,000", "al-Assad"), 0 < l <= 16, as read_word16 reads a word: its
** form written to o (room bytes there), its hash in *h and LX_T_UPPER in
** *wcase. False when a byte is not ASCII, fewer than 16 bytes are left
** to read or 17 to write (the form and its space), or there is no SSE2:
** the caller's push then reads it.
*/
static inline bool read_span16(const unsigned char *s, size_t n, size_t l,
			       char *o, size_t room, uint32_t *h,
			       uint16_t *wcase)
{
#if defined(__SSE2__) && defined(__x86_64__)
	if (n < 16 || room < 17 || !l || l > 16)
		return false;
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	unsigned keep = (1u << l) - 1;
	if ((unsigned)_mm_movemask_epi8(v) & keep)
		return false; /* (a byte above ASCII) */
	*wcase = form16(v, (unsigned)l, o, h, false);
	return true;
#else
	(void)s, (void)n, (void)l, (void)o, (void)room, (void)h, (void)wcase;
	return false;
#endif
}
#undef IN_RANGE

#endif
