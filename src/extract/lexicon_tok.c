/*
** lexicon_tok.c: the tokenizer shared by lexicon aliases and texts.
**
** Words are runs of letters and digits with inner hyphens and
** apostrophes ("al-Assad", "d'Ivoire"), dotted initialisms ("U.S.")
** and digit groups ("3,000"); the possessive 's and the clitic n't are
** tokens of their own ("Russia" "'s", "is" "n't"); every other
** character is a one-character token. Each token gets a normalised
** form (ASCII lower case, Latin accents folded, curly apostrophes and
** hyphens made plain) written to one buffer, tokens separated by one
** space, so the key of a phrase is a slice of that buffer.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon_p.h"
#include "extract/lexicon_tok16_p.h"

/* U+0100..U+017F folded to ASCII. */
static const char ext_a[129] =
	"aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii"
	"ii" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "oo" "rrrrrr"
	"ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";
/* U+00C0..U+00FF folded to ASCII ('x' and '/' are not letters). */
static const char latin1[65] = "aaaaaaaceeeeiiiidnooooo ouuuuyts"
			       "aaaaaaaceeeeiiiidnooooo ouuuuyty";

enum { C_SPACE, C_WORD, C_APOS, C_HYPHEN, C_PUNCT };

/* What each byte is, for the ASCII fast paths: B_HIGH for every byte of
** a multi-byte sequence (decoded the slow way). */
enum { B_UP = 1, B_LOW = 2, B_DIGIT = 4, B_SPACE = 8, B_HIGH = 16,
       B_JOIN = 32 /* ' - . , : may go on a word (lx_tokenize_from) */ };
#define B_WORD (B_UP | B_LOW | B_DIGIT)
#define X4(v) v, v, v, v
#define X8(v) X4(v), X4(v)
#define X16(v) X8(v), X8(v)
static const uint8_t bytes[256] = {
	/* 0x00 */ X8(0), 0, X4(B_SPACE), B_SPACE, 0, 0,
	/* 0x10 */ X16(0),
	/* 0x20 */ B_SPACE, 0, 0, 0, 0, 0, 0, B_JOIN, /* ' */
		   0, 0, 0, 0, B_JOIN, B_JOIN, B_JOIN, 0, /* , - . */
	/* 0x30 */ X8(B_DIGIT), B_DIGIT, B_DIGIT, X4(0), 0, 0,
	/* 0x40 */ 0, X8(B_UP), X4(B_UP), B_UP, B_UP, B_UP,
	/* 0x50 */ X8(B_UP), B_UP, B_UP, B_UP, X4(0), 0,
	/* 0x60 */ 0, X8(B_LOW), X4(B_LOW), B_LOW, B_LOW, B_LOW,
	/* 0x70 */ X8(B_LOW), B_LOW, B_LOW, B_LOW, X4(0), 0,
	/* 0x80 */ X16(B_HIGH), X16(B_HIGH), X16(B_HIGH), X16(B_HIGH),
	/* 0xC0 */ X16(B_HIGH), X16(B_HIGH), X16(B_HIGH), X16(B_HIGH),
};
#undef X16
#undef X8
#undef X4

/* For the letters and digits: the byte's class (bytes[]) << 8 and its
** lower case; 0 for every other byte. One load per byte of a word. */
#define WD(c) (uint16_t)(B_DIGIT << 8 | (c))
#define WU(c) (uint16_t)(B_UP << 8 | ((c) + 32))
#define WL(c) (uint16_t)(B_LOW << 8 | (c))
#define W4(f, c) f(c), f(c + 1), f(c + 2), f(c + 3)
#define W26(f, c) W4(f, c), W4(f, c + 4), W4(f, c + 8), W4(f, c + 12), \
	W4(f, c + 16), W4(f, c + 20), f(c + 24), f(c + 25)
static const uint16_t word_form[256] = {
	['0'] = W4(WD, '0'), W4(WD, '4'), WD('8'), WD('9'),
	['A'] = W26(WU, 'A'),
	['a'] = W26(WL, 'a'),
};
#undef W26
#undef W4
#undef WL
#undef WU
#undef WD

/* cls() of an ASCII byte. */
static inline int ascii_cls(unsigned char c)
{
	uint8_t b = bytes[c];
	if (b & B_WORD)
		return C_WORD;
	if (b & B_SPACE)
		return C_SPACE;
	return c == '\'' ? C_APOS : c == '-' ? C_HYPHEN : C_PUNCT;
}

static inline uint32_t decode(const unsigned char *p, size_t avail,
			      size_t *k)
{
	if (p[0] < 0x80) { /* ASCII: most of the text */
		*k = 1;
		return p[0];
	}
	size_t n = fc_utf8_seq_len(p, avail);
	if (n <= 1) {
		*k = 1;
		return n ? p[0] : 0xFFFD;
	}
	uint32_t cp = p[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < n; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	*k = n;
	return cp;
}

static inline int cls(uint32_t cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= '0' && cp <= '9'))
		return C_WORD;
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xA0 ||
	    (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
	    cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
		return C_SPACE;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= '0' && cp <= '9'))
		return C_WORD;
	if (cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
		return C_APOS;
	if (cp == '-' || cp == 0x2010 || cp == 0x2011)
		return C_HYPHEN;
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return C_PUNCT;
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return C_PUNCT;
	if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF00 && cp <= 0xFF20) || cp >= 0x1F000 || cp == 0xFFFD)
		return C_PUNCT;
	return C_WORD;
}

static int is_upper(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return 1;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return 1;
	if (cp >= 0x100 && cp <= 0x137)
		return !(cp & 1);
	if (cp >= 0x139 && cp <= 0x148)
		return cp & 1;
	if (cp >= 0x14A && cp <= 0x177)
		return !(cp & 1);
	if (cp == 0x178)
		return 1;
	if (cp >= 0x179 && cp <= 0x17E)
		return cp & 1;
	return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

static int is_lower(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return 1;
	if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
		return 1;
	if (cp >= 0x100 && cp <= 0x17F)
		return !is_upper(cp);
	return (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

static int grow_norm(struct lx_toks *t, size_t need)
{
	if (t->norm_len + need <= t->norm_cap)
		return 1;
	size_t cap = t->norm_cap ? t->norm_cap : 256;
	while (cap < t->norm_len + need)
		cap *= 2;
	char *p = realloc(t->norm, cap);
	if (!p)
		return 0;
	t->norm = p;
	t->norm_cap = cap;
	return 1;
}

/* Append the normalised form of s[0, n) and one space. */
static int put_norm(struct lx_toks *t, const unsigned char *s, size_t n)
{
	if (!grow_norm(t, n + 1))
		return 0;
	char *o = t->norm + t->norm_len;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			unsigned char c = s[i++];
			*o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		size_t k;
		uint32_t cp = decode(s + i, n - i, &k);
		if (cp < 0x80) {
			*o++ = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		} else if (cp >= 0xC0 && cp <= 0xFF && latin1[cp - 0xC0] != ' ') {
			*o++ = latin1[cp - 0xC0];
		} else if (cp >= 0x100 && cp <= 0x17F) {
			*o++ = ext_a[cp - 0x100];
		} else if (cls(cp) == C_APOS) {
			*o++ = '\'';
		} else if (cls(cp) == C_HYPHEN) {
			*o++ = '-';
		} else if (cp == 0x201C || cp == 0x201D || cp == 0x201E ||
			   cp == 0x201F || cp == 0xAB || cp == 0xBB) {
			*o++ = '"';
		} else if (cp >= 0x410 && cp <= 0x42F) {
			/* Cyrillic capitals: lower them in place. */
			uint32_t lc = cp + 0x20;
			*o++ = (char)(0xC0 | (lc >> 6));
			*o++ = (char)(0x80 | (lc & 0x3F));
		} else {
			memcpy(o, s + i, k);
			o += k;
		}
		i += k;
	}
	t->norm_len = (size_t)(o - t->norm);
	t->norm[t->norm_len++] = ' ';
	return 1;
}

/* (out of line: the pushes that inline their fast path stay small) */
__attribute__((noinline)) static int grow_toks(struct lx_toks *t,
					       size_t need)
{
	if (need <= t->cap)
		return 1;
	size_t cap = t->cap ? t->cap * 2 : 64;
	while (cap < need)
		cap *= 2;
	struct lx_tok *v = realloc(t->v, cap * sizeof(*v));
	if (!v)
		return 0;
	t->v = v;
	t->cap = cap;
	return 1;
}

/* Case flags of s[0, n) counted the slow way (any UTF-8). */
static uint16_t case_flags(const unsigned char *s, size_t n)
{
	uint16_t flags = 0;
	int nup = 0, nlow = 0, first = 1;
	size_t i0 = 0;
	while (i0 < n && s[i0] < 0x80) {
		unsigned char c = s[i0++];
		bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
		if (first && (up || low || (c >= '0' && c <= '9'))) {
			if (up)
				flags |= LX_T_CAP;
			if (c >= '0' && c <= '9')
				flags |= LX_T_DIGIT;
			first = 0;
		}
		nup += up;
		nlow += low;
	}
	for (size_t i = i0; i < n;) {
		size_t k;
		uint32_t cp = decode(s + i, n - i, &k);
		if (cp < 0x80 && !first) { /* ASCII after the first letter */
			nup += cp >= 'A' && cp <= 'Z';
			nlow += cp >= 'a' && cp <= 'z';
			i++;
			continue;
		}
		if (cls(cp) == C_WORD) {
			if (first) {
				if (is_upper(cp))
					flags |= LX_T_CAP;
				if (cp >= '0' && cp <= '9')
					flags |= LX_T_DIGIT;
				first = 0;
			}
			nup += is_upper(cp);
			nlow += is_lower(cp);
		}
		i += k;
	}
	if (nup && !nlow)
		flags |= LX_T_UPPER;
	return flags;
}

/* The case flags of an ASCII token from the class of its first letter
** or digit (0: none) and the union of its bytes' classes. */
static inline uint16_t ascii_case(unsigned first, unsigned all)
{
	/* (without branches: the classes are the flags shifted by one) */
	_Static_assert(B_UP << 1 == LX_T_CAP && B_DIGIT << 1 == LX_T_DIGIT,
		       "class bits one below their flags");
	return (uint16_t)((first & (B_UP | B_DIGIT)) << 1 |
			  ((all & (B_UP | B_LOW)) == B_UP) * LX_T_UPPER);
}

static int push(struct lx_toks *t, const char *base, size_t start,
		size_t end, uint16_t flags)
{
	if (t->n == t->cap && !grow_toks(t, t->n + 1))
		return 0;
	const unsigned char *s = (const unsigned char *)base + start;
	size_t tn = end - start;
	struct lx_tok *k = &t->v[t->n];
	*k = (struct lx_tok){.start = (uint32_t)start, .end = (uint32_t)end,
			     .norm_off = (uint32_t)t->norm_len,
			     .ment = FC_NONE};
	if (tn < 0xFFFF && grow_norm(t, tn + 1)) {
		/* ASCII (most tokens): form and case in one pass */
		char *o = t->norm + t->norm_len;
		unsigned all = 0; /* the classes of every byte */
		size_t i = 0;
		for (; i < tn; i++) {
			unsigned c = s[i], b = bytes[c];
			if (b & B_HIGH)
				break;
			all |= b;
			c += (b & B_UP) << 5; /* lower case */
			o[i] = (char)c;
		}
		if (i == tn) {
			size_t q = 0;
			while (q < tn && !(bytes[s[q]] & B_WORD))
				q++;
			flags |= ascii_case(q < tn ? bytes[s[q]] : 0, all);
			o[tn] = ' ';
			t->norm_len += tn + 1;
			k->norm_len = (uint16_t)tn;
			k->hash = lx_hash_tok(o, tn);
			k->flags = flags;
			t->n++;
			return 1;
		}
	}
	if (!put_norm(t, s, tn))
		return 0;
	size_t nl = t->norm_len - 1 - k->norm_off;
	k->norm_len = (uint16_t)(nl > 0xFFFF ? 0xFFFF : nl);
	k->hash = lx_hash_tok(t->norm + k->norm_off, k->norm_len);
	k->flags = flags | case_flags(s, tn);
	t->n++;
	return 1;
}

/*
** Push the ASCII token s[start, end) whose normalised form the caller
** wrote at the end of t->norm already, with its hash h; flags hold its
** case flags too (ascii_case): a word (starting with a letter or a
** digit) or one mark (no case).
*/
static inline int push_read(struct lx_toks *t, size_t start, size_t end,
			    uint16_t flags, uint32_t h)
{
	if (t->n == t->cap && !grow_toks(t, t->n + 1))
		return 0;
	size_t tn = end - start;
	/* (t's fields read once: the stores below could alias them for
	** all the compiler knows) */
	size_t n = t->n, nlen = t->norm_len;
	char *norm = t->norm;
	t->v[n] = (struct lx_tok){
		.start = (uint32_t)start, .end = (uint32_t)end,
		.norm_off = (uint32_t)nlen, .norm_len = (uint16_t)tn,
		.flags = flags, .ment = FC_NONE, .hash = h};
	norm[nlen + tn] = ' ';
	t->n = n + 1;
	t->norm_len = nlen + tn + 1;
	return 1;
}

static uint32_t peek(const unsigned char *s, size_t n, size_t i, size_t *k)
{
	if (i >= n) {
		*k = 0;
		return 0;
	}
	return decode(s + i, n - i, k);
}

static int is_word_at(const unsigned char *s, size_t n, size_t i)
{
	size_t k;
	return i < n && cls(peek(s, n, i, &k)) == C_WORD;
}

/* Are the 4 bytes at p the word "then" (any case)? Before a hyphen it
** is a word of its own: "the then-President", "then-Premier Li Peng". */
static bool is_then(const unsigned char *p)
{
	return (p[0] | 0x20) == 't' && (p[1] | 0x20) == 'h' &&
	       (p[2] | 0x20) == 'e' && (p[3] | 0x20) == 'n';
}

static int is_digit_at(const unsigned char *s, size_t n, size_t i)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

/*
** The end of a web address at i, or 0: "http://", "https://" or "www."
** (any case), then every byte up to a blank, a quote, an angle bracket
** or a byte above ASCII (a curly quote after it), less the sentence's
** closing punctuation. It is one token, so that no name is read in its
** path ("twitter.com/Putin/status/...", "WWW.EXAMPLE.ORG"), as the
** normalizer's mask.url reads no time or quantity there.
*/
static inline size_t url_end(const unsigned char *s, size_t n, size_t i)
{
	size_t at;
	if ((s[i] | 0x20) == 'h') {
		if (n - i < 8 || (s[i + 1] | 0x20) != 't' ||
		    (s[i + 2] | 0x20) != 't' || (s[i + 3] | 0x20) != 'p')
			return 0;
		at = i + 4 + ((s[i + 4] | 0x20) == 's');
		if (n - at < 4 || s[at] != ':' || s[at + 1] != '/' ||
		    s[at + 2] != '/')
			return 0;
		at += 3;
	} else {
		if (n - i < 5 || (s[i + 1] | 0x20) != 'w' ||
		    (s[i + 2] | 0x20) != 'w' || s[i + 3] != '.')
			return 0;
		at = i + 4;
	}
	size_t e = at;
	while (e < n && s[e] > ' ' && s[e] < 0x80 && s[e] != '"' &&
	       s[e] != '<' && s[e] != '>')
		e++;
	while (e > at && strchr(".,;:!?)]'}", s[e - 1]))
		e--;
	return e > at ? e : 0;
}

/*
** Is s[a, b) single letters joined by dots ("U", "U.S")? *upto and
** *is_ok keep how far from a the bytes were read and whether they all
** fit, as all_digits' do: a token that calls it at each of its dots
** ("U.S.U.S.U.S...") reads each byte once, not again from a each time
** (quadratic: 64 KB of "U.S." took seconds).
*/
static int is_initials(const unsigned char *s, size_t a, size_t b,
		       size_t *upto, bool *is_ok)
{
	for (; *is_ok && *upto < b; ++*upto) {
		unsigned char c = s[*upto];
		*is_ok = (*upto - a) % 2 == 0 ? c >= 'A' && c <= 'Z' : c == '.';
	}
	return *is_ok && b > a && (b - a) % 2 == 1;
}

/*
** Are s[a, b) all digits, points and commas (and b > a)? *upto and
** *is_ok keep how far from a the bytes were read and whether they all
** were, so a token that calls it at each of its separators ("1,1,1,...")
** reads each byte once, not again from a at every call.
*/
static int all_digits(const unsigned char *s, size_t a, size_t b,
		      size_t *upto, bool *is_ok)
{
	for (; *is_ok && *upto < b; ++*upto) {
		unsigned char c = s[*upto];
		*is_ok = (c >= '0' && c <= '9') || c == '.' || c == ',';
	}
	return *is_ok && b > a;
}

fc_status lx_tokenize(struct lx_toks *t, const char *text, size_t n)
{
	return lx_tokenize_from(t, text, 0, n);
}

/*
** The steps of lx_tokenize_from. Each returns where the next token may
** start, always past i, or 0 when memory ran out.
*/

/* A mark at i (code point cp of k bytes, class c: no word): the
** possessive 's, a web address the word before goes on into, an ASCII
** mark (its form written here), or any other mark. */
static size_t take_mark(struct lx_toks *t, const char *text, size_t n,
			size_t i, uint32_t cp, size_t k, int c, uint16_t fl)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t k2;
	if (c == C_APOS) {
		/* 's as a token of its own */
		uint32_t c2 = peek(s, n, i + k, &k2);
		if ((c2 == 's' || c2 == 'S') && !is_word_at(s, n, i + k + k2))
			return push(t, text, i, i + k + k2,
				    fl | LX_T_WORD | LX_T_POSS)
				       ? i + k + k2
				       : 0;
	}
	if ((cp == ':' || cp == '.') && t->n && t->v[t->n - 1].end == i) {
		/* "http" or "www" just read, and this mark goes on into a
		** web address: the address is one token */
		const struct lx_tok *w = &t->v[t->n - 1];
		size_t e = url_end(s, n, w->start);
		if (e > i) { /* (not the address itself, ended by this
			     ** mark: that would loop) */
			size_t at = w->start;
			uint16_t wf = w->flags & (LX_T_NL | LX_T_PARA);
			t->norm_len = w->norm_off;
			t->n--;
			return push(t, text, at, e, wf) ? e : 0;
		}
	}
	if (cp < 0x80 && t->norm_len + 2 <= t->norm_cap) {
		/* one ASCII mark: its own form ('"' opens or closes a
		** quote) */
		uint16_t q = cp == '"' ? LX_T_QOPEN | LX_T_QCLOSE : 0;
		t->norm[t->norm_len] = (char)cp;
		if (!push_read(t, i, i + 1, fl | q, lx_hash_short(cp, 1)))
			return 0;
		return i + 1 < n && s[i + 1] == ' ' ? i + 2 : i + 1;
	}
	uint16_t q = 0;
	if (cp == '"') /* (no room for the fast path's form) */
		q = LX_T_QOPEN | LX_T_QCLOSE;
	else if (cp == 0x201C || cp == 0xAB || cp == 0x201E || cp == 0x201F)
		q = LX_T_QOPEN;
	else if (cp == 0x201D || cp == 0xBB)
		q = LX_T_QCLOSE;
	return push(t, text, i, i + k, fl | q) ? i + k : 0;
}

static size_t take_word(struct lx_toks *t, const char *text, size_t n,
			size_t i, size_t j, uint16_t fl, size_t fast_end,
			uint32_t h, uint16_t wcase);

/* The word at i that starts with an ASCII letter or digit: its ASCII
** run read into its form, and pushed when the run ends the word (the
** common case); take_word reads on where the word goes on. A word that
** one space and another ASCII word follow: that word is read here too,
** and so on (no trip through lx_tokenize_from's loop per word: after
** one space, no line break is pending, so the next word's flags are 0,
** as that loop would give them). */
static inline size_t take_ascii_word(struct lx_toks *t, const char *text,
				     size_t n, size_t i, uint16_t fl)
{
	const unsigned char *s = (const unsigned char *)text;
next_word:;
	char *o = t->norm + t->norm_len;
	/* room for the form and a space: there always is for the rest of
	** the text (see the reserve in lx_tokenize_from), but should there
	** not be, the byte loop below reads nothing (lim = i) and take_word
	** reads the word */
	size_t left = t->norm_cap - t->norm_len;
	size_t j;
	uint32_t h = 0;
	uint16_t wcase = 0;
	if (!read_word16(s + i, n - i, o, left, &j, &h, &wcase,
			 bytes[s[i]] & B_LOW)) {
		size_t lim = left > n - i ? n : i;
		unsigned all = 0; /* the classes of its bytes */
		for (j = i; j < lim; j++) {
			unsigned e = word_form[s[j]];
			if (!e)
				break;
			all |= e;
			o[j - i] = (char)e;
		}
		wcase = ascii_case(bytes[s[i]], all >> 8);
		h = j - i < 0xFFFF ? lx_hash_tok(o, j - i) : 0;
	} else {
		j += i;
		/* CAP and DIGIT: the first byte's class */
		wcase |= ascii_case(bytes[s[i]], 0);
	}
	/* what follows cannot go on the word (a byte that cannot, or one
	** of ' - . , : without a letter or digit after it): push it, and
	** step over one space */
	if (j - i < 0xFFFF &&
	    (j == n || !(bytes[s[j]] & (B_WORD | B_HIGH | B_JOIN)) ||
	     ((bytes[s[j]] & B_JOIN) &&
	      (j + 1 == n || !(bytes[s[j + 1]] & (B_WORD | B_HIGH)))))) {
		if (!push_read(t, i, j, fl | LX_T_WORD | wcase, h))
			return 0;
		if (j + 1 < n && s[j] == ' ' && (bytes[s[j + 1]] & B_WORD)) {
			i = j + 1;
			fl = 0;
			goto next_word;
		}
		return j < n && s[j] == ' ' ? j + 1 : j;
	}
	/* "then-President": the word "then" and the role, as "then
	** President" reads (the hyphen no token) */
	if (j - i == 4 && s[j] == '-' && is_then(s + i))
		return push_read(t, i, j, fl | LX_T_WORD | wcase, h) ? j + 1
								     : 0;
	return take_word(t, text, n, i, j, fl, j, h, wcase);
}

/* The end of the word at i read up to j: inner hyphens and apostrophes,
** dotted initials, digit groups. *split is the start of a trailing
** n't, or 0. */
static size_t word_end(const unsigned char *s, size_t n, size_t i, size_t j,
		       size_t *split)
{
	size_t k2, k3;
	size_t digits_upto = i; /* all_digits: read so far */
	bool is_digits = true;
	size_t initials_upto = i; /* is_initials: read so far */
	bool is_init = true;
	*split = 0;
	while (j < n) {
		/* ASCII letters and digits: the common case */
		while (j < n && (bytes[s[j]] & B_WORD))
			j++;
		if (j >= n)
			break;
		uint32_t d;
		int dc;
		if (s[j] < 0x80) {
			d = s[j];
			k2 = 1;
			dc = ascii_cls(s[j]);
		} else {
			d = peek(s, n, j, &k2);
			dc = cls(d);
		}
		if (dc == C_WORD) {
			j += k2;
			continue;
		}
		if (dc == C_APOS && is_word_at(s, n, j + k2)) {
			uint32_t e = peek(s, n, j + k2, &k3);
			if ((e == 's' || e == 'S') &&
			    !is_word_at(s, n, j + k2 + k3))
				break;
			if ((e == 't' || e == 'T') &&
			    (s[j - 1] == 'n' || s[j - 1] == 'N') &&
			    !is_word_at(s, n, j + k2 + k3)) {
				*split = j - 1;
				return j + k2 + k3;
			}
			j += k2;
			continue;
		}
		if (dc == C_HYPHEN && is_word_at(s, n, j + k2)) {
			j += k2;
			continue;
		}
		if (d == '.' && is_initials(s, i, j, &initials_upto, &is_init)) {
			/* "U" + ".S" glues; "U.S" + "." ends it */
			if (j + 2 < n && s[j + 1] >= 'A' && s[j + 1] <= 'Z' &&
			    s[j + 2] == '.') {
				j += 2;
				continue;
			}
			return j - i >= 3 ? j + 1 : j;
		}
		if ((d == '.' || d == ',') &&
		    all_digits(s, i, j, &digits_upto, &is_digits) &&
		    is_digit_at(s, n, j + 1)) {
			j += 1;
			continue;
		}
		break;
	}
	return j;
}

/* The word at i, read up to j, that goes on past its ASCII letters and
** digits (a mark such as "-" or "'" inside it, a letter above ASCII) or
** starts with a letter above ASCII: rare, so out of line, and the
** common case stays small. fast_end, h and wcase: the ASCII run that
** take_ascii_word read, with its hash and case (fast_end 0 for none). */
static __attribute__((noinline)) size_t
take_word(struct lx_toks *t, const char *text, size_t n, size_t i, size_t j,
	  uint16_t fl, size_t fast_end, uint32_t h, uint16_t wcase)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t split;
	j = word_end(s, n, i, j, &split);
	if (split) {
		if (split > i && !push(t, text, i, split, fl | LX_T_WORD))
			return 0;
		return push(t, text, split, j, (split > i ? 0 : fl) | LX_T_WORD)
			       ? j
			       : 0;
	}
	if (j == fast_end && j - i < 0xFFFF)
		return push_read(t, i, j, fl | LX_T_WORD | wcase, h) ? j : 0;
	if (read_span16(s + i, n - i, j - i, t->norm + t->norm_len,
			t->norm_cap - t->norm_len, &h, &wcase)) {
		/* (CAP and DIGIT: the first byte's, a letter or a digit) */
		wcase |= ascii_case(bytes[s[i]], 0);
		return push_read(t, i, j, fl | LX_T_WORD | wcase, h) ? j : 0;
	}
	return push(t, text, i, j, fl | LX_T_WORD) ? j : 0;
}

fc_status lx_tokenize_from(struct lx_toks *t, const char *text, size_t from,
			   size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	/* room for the tokens of news text (about one in five bytes), so
	** the token array rarely grows while it fills, and for every form:
	** a byte of text gives at most two bytes of forms (a one-byte mark
	** and its space), so the rest of the text always fits */
	size_t room = n > from ? n - from : 0;
	if (lx_toks_reserve(t, room / 4 + 16, 2 * room + 16))
		return FC_ENOMEM;
	uint16_t pending = 0; /* LX_T_NL / LX_T_PARA for the next token */
	int nls = 0;
	for (size_t i = from; i < n;) {
		size_t k = 1;
		uint32_t cp = s[i];
		int c;
		if (cp < 0x80) {
			c = ascii_cls((unsigned char)cp);
		} else {
			cp = decode(s + i, n - i, &k);
			c = cls(cp);
		}
		if (c == C_SPACE) {
			if (cp == '\n') {
				nls++;
				pending |= LX_T_NL;
				if (nls >= 2)
					pending |= LX_T_PARA;
			}
			i += k;
			continue;
		}
		nls = 0;
		uint16_t fl = pending;
		pending = 0;
		size_t next;
		if (c != C_WORD) {
			/* (marks first: a word, most tokens, skips their
			** tests) */
			next = take_mark(t, text, n, i, cp, k, c, fl);
		} else if (cp < 0x80) {
			next = take_ascii_word(t, text, n, i, fl);
		} else {
			next = take_word(t, text, n, i, i + k, fl, 0, 0, 0);
		}
		if (!next)
			return FC_ENOMEM;
		i = next;
	}
	return FC_OK;
}

fc_status lx_toks_reserve(struct lx_toks *t, size_t ntok, size_t nnorm)
{
	return grow_toks(t, t->n + ntok) && grow_norm(t, nnorm) ? FC_OK
								: FC_ENOMEM;
}

void lx_toks_finish(struct lx_toks *t)
{
	free(t->v);
	free(t->norm);
	memset(t, 0, sizeof(*t));
}
