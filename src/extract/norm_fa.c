/*
** norm_fa.c: byte classes and escapes of a pattern, for the start-string
** analysis (norm_first.c): a class holds the first bytes of the
** characters it matches; classes are interned per pattern.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_first_p.h"

/* ---- Byte sets ---------------------------------------------------------- */

/* How much class b narrows a string: 3 for a letter in either case or
** one byte, 2 for a few bytes, 1 for more or for space. */
static uint8_t weight(const uint64_t *b)
{
	int n = 0;
	for (int k = 0; k < 4; k++)
		for (uint64_t m = b[k]; m; m &= m - 1)
			n++;
	if (bs_has(b, ' '))
		return 1;
	return n <= 2 ? 3 : n <= 4 ? 2 : 1;
}

uint8_t norm_fa_intern(struct fa *f, const uint64_t *b)
{
	uint64_t h = (b[0] ^ b[1] * 31 ^ b[2] * 131 ^ b[3] * 1031) *
		     0x9E3779B97F4A7C15ull;
	for (size_t i = h >> 55;; i = (i + 1) & (NSETS * 2 - 1)) {
		uint8_t k = f->hset[i];
		if (!k)
			break;
		if (!memcmp(f->sets[k], b, sizeof(bset)))
			return k;
	}
	if (f->nsets >= NSETS) {
		f->is_bad = true;
		return 0;
	}
	memcpy(f->sets[f->nsets], b, sizeof(bset));
	f->weight[f->nsets] = weight(b);
	size_t i = h >> 55;
	while (f->hset[i])
		i = (i + 1) & (NSETS * 2 - 1);
	f->hset[i] = (uint8_t)f->nsets;
	return (uint8_t)f->nsets++;
}

/* First bytes of ASCII c, caseless: both cases, and the lead bytes of
** U+212A (k) and U+017F (s). */
static void ascii_closure(uint64_t *b, unsigned c, bool is_ci)
{
	bs_set(b, c);
	if (!is_ci || (c | 0x20) < 'a' || (c | 0x20) > 'z')
		return;
	bs_set(b, c | 0x20);
	bs_set(b, c & ~0x20u);
	if ((c | 0x20) == 'k')
		bs_set(b, 0xE2);
	if ((c | 0x20) == 's')
		bs_set(b, 0xC5);
}

static unsigned lead_byte(uint32_t cp)
{
	return cp < 0x80 ? cp
	       : cp < 0x800 ? 0xC0 | cp >> 6
	       : cp < 0x10000 ? 0xE0 | cp >> 12 : 0xF0 | cp >> 18;
}

/* First bytes of code point cp. */
void norm_fa_cp_closure(uint64_t *b, uint32_t cp, bool is_ci)
{
	if (cp < 0x80) {
		ascii_closure(b, cp, is_ci);
		return;
	}
	bs_set(b, lead_byte(cp));
	if (!is_ci)
		return;
	if (cp == 0x212A)
		ascii_closure(b, 'k', true);
	if (cp == 0x17F)
		ascii_closure(b, 's', true);
	/* currency signs have no case; other characters may have partners
	** anywhere above ASCII */
	if (!((cp >= 0xA2 && cp <= 0xA5) || (cp >= 0x20A0 && cp <= 0x20CF)))
		bs_range(b, 0xC2, 0xF4);
}

/* ---- Lexing ------------------------------------------------------------- */

/* \d \w \s and their complements into b; false for other letters. */
bool norm_fa_escape_class(unsigned c, uint64_t *b)
{
	bset t = {0};
	switch (c | 0x20) {
	case 'd': bs_range(t, '0', '9'); break;
	case 'w': bs_word(t); break;
	case 's':
		bs_range(t, 9, 13);
		bs_set(t, ' ');
		break;
	default: return false;
	}
	if (c >= 'a') {
		for (int k = 0; k < 4; k++)
			b[k] |= t[k];
	} else {
		for (unsigned x = 0; x < 256; x++)
			if (!bs_has(t, x))
				bs_set(b, x);
	}
	return true;
}

/* Hex digits of \xhh or \x{h..}; the code point or -1. */
static long read_hex(struct fa *f)
{
	long v = 0;
	int nd = 0;
	bool braced = peek(f, 0) == '{';
	if (braced)
		f->i++;
	while (f->i < f->n && (braced || nd < 2)) {
		unsigned c = f->s[f->i] | 0x20;
		if (braced && f->s[f->i] == '}')
			break;
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			break;
		v = v * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
		f->i++;
		if (++nd > 6)
			return -1;
	}
	if (braced) {
		if (peek(f, 0) != '}' || !nd)
			return -1;
		f->i++;
	}
	return v;
}

/* An escape standing for one character: its code point, or -1. */
long norm_fa_escape_char(struct fa *f, unsigned c)
{
	switch (c) {
	case 'n': return '\n';
	case 't': return '\t';
	case 'r': return '\r';
	case 'f': return '\f';
	case 'e': return 0x1B;
	case 'a': return 7;
	case 'x': return read_hex(f);
	default: break;
	}
	if (c && c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
	    !(c >= '0' && c <= '9'))
		return (long)c; /* \. \$ \- \\ ... */
	return -1;
}

/* A class after its '[': the first bytes of its characters into b. */
void norm_fa_parse_class(struct fa *f, bool is_ci, uint64_t *b)
{
	bset in = {0};
	bool is_neg = false, first = true;
	if (peek(f, 0) == '^') {
		is_neg = true;
		f->i++;
	}
	while (f->i < f->n && (first || f->s[f->i] != ']')) {
		first = false;
		unsigned c = f->s[f->i];
		long lo;
		if (c == '[' && peek(f, 1) == ':') {
			f->is_bad = true; /* POSIX classes: not emitted */
			return;
		}
		if (c == '\\') {
			unsigned e = peek(f, 1);
			f->i += 2;
			if (norm_fa_escape_class(e, in))
				continue;
			lo = e == 'b' ? 8 : norm_fa_escape_char(f, e);
		} else {
			size_t k = utf8_len(c);
			lo = (long)decode(f->s + f->i, k);
			f->i += k;
		}
		long hi = lo;
		if (lo >= 0 && peek(f, 0) == '-' && peek(f, 1) &&
		    peek(f, 1) != ']') {
			f->i++;
			unsigned c2 = f->s[f->i];
			if (c2 == '\\') {
				unsigned e = peek(f, 1);
				f->i += 2;
				hi = norm_fa_escape_char(f, e);
			} else {
				size_t k = utf8_len(c2);
				hi = (long)decode(f->s + f->i, k);
				f->i += k;
			}
		}
		if (lo < 0 || hi < lo) {
			f->is_bad = true;
			return;
		}
		for (long cp = lo; cp <= hi && cp < 0x80; cp++)
			ascii_closure(in, (unsigned)cp, is_ci);
		if (hi >= 0x80) {
			uint32_t cp0 = (uint32_t)(lo < 0x80 ? 0x80 : lo);
			unsigned l0 = lead_byte(cp0);
			bs_range(in, l0, lead_byte((uint32_t)hi));
			if (is_ci) {
				bs_range(in, 0xC2, 0xF4);
				if (lo <= 0x212A && hi >= 0x212A)
					ascii_closure(in, 'k', true);
				if (lo <= 0x17F && hi >= 0x17F)
					ascii_closure(in, 's', true);
			}
		}
	}
	if (f->i >= f->n) {
		f->is_bad = true;
		return;
	}
	f->i++; /* ']' */
	if (!is_neg) {
		for (int k = 0; k < 4; k++)
			b[k] |= in[k];
		return;
	}
	for (unsigned c = 0; c < 256; c++)
		if (c >= 0x80 || !bs_has(in, c))
			bs_set(b, c);
}

/* A quantifier at f->i: *min and *max (-1 unbounded); false if none. */
bool norm_fa_parse_quant(struct fa *f, long *min, long *max)
{
	unsigned c = peek(f, 0);
	if (c == '?' || c == '*' || c == '+') {
		*min = c == '+';
		*max = c == '?' ? 1 : -1;
		f->i++;
	} else if (c == '{') {
		size_t j = f->i + 1, d0 = j;
		long lo = 0, hi;
		while (j < f->n && f->s[j] >= '0' && f->s[j] <= '9' &&
	       lo < 100000)
			lo = lo * 10 + (f->s[j++] - '0');
		if (j == d0)
			return false; /* a literal '{' */
		hi = lo;
		if (j < f->n && f->s[j] == ',') {
			size_t d1 = ++j;
			hi = 0;
			while (j < f->n && f->s[j] >= '0' && f->s[j] <= '9' &&
			       hi < 100000)
				hi = hi * 10 + (f->s[j++] - '0');
			if (j == d1)
				hi = -1;
		}
		if (j >= f->n || f->s[j] != '}')
			return false;
		f->i = j + 1;
		*min = lo;
		*max = hi;
	} else {
		return false;
	}
	if (peek(f, 0) == '?' || peek(f, 0) == '+')
		f->i++;
	return true;
}
