/*
** sentence.c: split text into sentences, in one pass.
**
** A sentence ends at a blank line, or at '.', '!', '?' or an ellipsis
** (closing quotes and brackets after it belong to the sentence) that is
** followed by whitespace, unless:
**   - the next word starts in lower case, or with ',', ';', ':' or ')';
**   - the period closes an initial ("J. K. Rowling") or an abbreviation
**     from the rules' `abbreviations:` ("Mr.", "Gen.", "Jan.");
**   - the period closes a `final_abbreviations:` word ("U.S.", "Inc.")
**     or a dotted acronym ("a.m.", "U.N."), or the mark is an ellipsis,
**     and the next word is not a `sentence_starters:` word ("The").
** Without rules (r NULL) only the structural cases apply. Decimals
** ("3.5") and inner periods ("U.S.") never end a sentence, since no
** whitespace follows them; nor does a tokenized decimal point, a
** period with one blank each side between one to three digits and a
** digit ("6 . 1"). A sentence that grows past SENT_MAX bytes is cut at
** the next whitespace, so no stage downstream ever sees an unbounded
** sentence.
*/
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text/text_p.h"

#define SENT_MAX 4096 /* bytes */
#define TOKEN_MAX 40  /* an abbreviation is never longer */
#define WORD_MAX 24   /* a sentence starter is never longer */

struct svec {
	struct fc_sentence *v;
	size_t n, cap;
	fc_status err;
};

static bool is_sp(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* White space, a mark that may end a sentence, or the first byte of
** an ellipsis (U+2026). */
static bool is_special(unsigned char c)
{
	static const uint64_t low = 1ull << ' ' | 1ull << '\t' | 1ull << '\n' |
				    1ull << '\r' | 1ull << '.' | 1ull << '!' |
				    1ull << '?';
	return c < 64 ? (low >> c & 1) : c == 0xE2;
}

static void push(struct svec *sv, const char *t, size_t s, size_t e)
{
	while (s < e && is_sp(t[s]))
		s++;
	while (e > s && is_sp(t[e - 1]))
		e--;
	if (s == e || sv->err)
		return;
	if (sv->n == sv->cap) {
		size_t ncap = sv->cap ? sv->cap * 2 : 32;
		struct fc_sentence *v = realloc(sv->v, ncap * sizeof(*v));
		if (!v) {
			sv->err = FC_ENOMEM;
			return;
		}
		sv->v = v;
		sv->cap = ncap;
	}
	sv->v[sv->n++] = (struct fc_sentence){(uint32_t)s, (uint32_t)e, 0};
}

static bool is_lower(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
	       (cp >= 0x100 && cp <= 0x17F && (cp & 1)) ||
	       (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

static bool is_upper(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	       (cp >= 0x100 && cp <= 0x17F && !(cp & 1)) ||
	       (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}

static bool is_opener(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	       cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

/* Is there a '…' (U+2026) at t[i]? */
static bool hellip_at(const char *t, size_t len, size_t i)
{
	return i + 2 < len && t[i] == '\xE2' && t[i + 1] == '\x80' &&
	       t[i + 2] == '\xA6';
}

static uint32_t cp_at(const char *t, size_t len, size_t i, size_t *k)
{
	return text_decode((const unsigned char *)t + i, len - i, k);
}

/* Is there a closing quote or bracket at t[j] (*k its length)? ASCII
** bytes, nearly all, without decoding. */
static bool closer_at(const char *t, size_t len, size_t j, size_t *k)
{
	unsigned char c = (unsigned char)t[j];
	if (c < 0x80) {
		*k = 1;
		return c == '"' || c == '\'' || c == ')' || c == ']' ||
		       c == '}';
	}
	return text_is_closer(cp_at(t, len, j, k));
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Bytes of w equal to c, as the high bit of each: the lowest one set is
** the first such byte, exactly (a borrow can flag only bytes above). */
static inline uint64_t bytes_eq(uint64_t w, unsigned char c)
{
	uint64_t t = w ^ (ONES * c);
	return (t - ONES) & ~t;
}

/*
** The first byte in t[i, lim) that may matter to a sentence that
** started at most SENT_MAX - 16 bytes before lim, many bytes at a time:
** a mark ('.', '!', '?'), a line break (blank lines end sentences) or a
** byte of a multi-byte character (an ellipsis); about lim when none.
** The spaces, tabs and carriage returns skipped matter only to a
** sentence grown to SENT_MAX (cut at white space) or next to a line
** break, which is not skipped: where text_sentences_at then starts at
** the line break instead of a space before it, it skips the same run.
*/
static size_t skip_plain(const char *t, size_t i, size_t lim)
{
#ifdef __SSE2__
	/* sixteen at a time where the CPU has the vector compares */
	const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
		      ask = _mm_set1_epi8('?'), nl = _mm_set1_epi8('\n'),
		      sp = _mm_set1_epi8(' ' + 1);
	/* (a line break before a byte above ' ', so neither a blank line
	** nor white space a sentence cut at SENT_MAX might end at, is one
	** more space: wrapped text's line breaks are not stopped at; a
	** byte of a multi-byte character after it, signed below ' ',
	** stops the scan, as any other such byte does) */
	for (; i + 17 <= lim; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(t + i));
		__m128i next = _mm_loadu_si128((const __m128i *)(t + i + 1));
		__m128i m = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(v, dot),
				     _mm_cmpeq_epi8(v, bang)),
			_mm_or_si128(_mm_cmpeq_epi8(v, ask),
				     _mm_and_si128(_mm_cmpeq_epi8(v, nl),
						   _mm_cmpgt_epi8(sp, next))));
		/* (a byte's high bit: in a multi-byte character) */
		unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(m, v));
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i + 8 <= lim; i += 8) {
		uint64_t w;
		memcpy(&w, t + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		w = __builtin_bswap64(w); /* the first byte lowest */
#endif
		uint64_t m = (bytes_eq(w, '.') | bytes_eq(w, '!') |
			      bytes_eq(w, '?') | bytes_eq(w, '\n') | w) &
			     HIGHS;
		if (m)
			return i + (size_t)__builtin_ctzll(m) / 8;
	}
	return i;
}

/*
** The line breaks in t[a, b) (len: the bytes readable from t): sixteen
** bytes a step where the CPU has the vector compares, a byte counter a
** lane summed every 255 steps, before it could wrap; the last few bytes
** in one more step under a mask when sixteen can be read there, else
** one at a time. (A sentence a call: no call per line break.)
*/
static size_t count_nl(const char *t, size_t a, size_t b, size_t len)
{
	size_t n = 0;
#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
	__m128i acc = zero;
	unsigned steps = 0;
	for (; b - a >= 16; a += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(t + a));
		acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, nl));
		if (++steps == 255) {
			__m128i sum = _mm_sad_epu8(acc, zero);
			n += (size_t)_mm_cvtsi128_si32(sum) +
			     (size_t)_mm_extract_epi16(sum, 4);
			acc = zero;
			steps = 0;
		}
	}
	if (a < b && a + 16 <= len) {
		__m128i v = _mm_loadu_si128((const __m128i *)(t + a));
		__m128i keep = _mm_loadu_si128(
			(const __m128i *)(fc_first_ones + 16 - (b - a)));
		acc = _mm_sub_epi8(acc,
				   _mm_and_si128(_mm_cmpeq_epi8(v, nl), keep));
		a = b;
	}
	__m128i sum = _mm_sad_epu8(acc, zero);
	n += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_extract_epi16(sum, 4);
#endif
	(void)len;
	for (; a < b; a++)
		n += t[a] == '\n';
	return n;
}

/* Skip spaces from i; *is_par when a blank line is among them. */
static size_t skip_ws(const char *t, size_t len, size_t i, bool *is_par)
{
	size_t nl = 0;
	*is_par = false;
	for (; i < len && is_sp(t[i]); i++)
		if (t[i] == '\n' && ++nl >= 2)
			*is_par = true;
	return i;
}

/* Is the word at w (after opening quotes) a sentence starter? */
static bool starter_at(const struct fc_boiler *b, const char *t, size_t len,
		       size_t w)
{
	if (!b)
		return false;
	size_t k;
	while (w < len && is_opener(cp_at(t, len, w, &k)))
		w += k;
	size_t e = w;
	while (e < len && e - w <= WORD_MAX &&
	       (((t[e] | 0x20) >= 'a' && (t[e] | 0x20) <= 'z')))
		e++;
	if (e == w || e - w > WORD_MAX)
		return false;
	return text_wordset_has(&b->starters, t + w, e - w);
}

/* "U.S.", "a.m.", "e.g.": letter runs of one or two joined by periods. */
static bool is_dotted(const char *s, size_t n)
{
	size_t run = 0, dots = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '.') {
			if (!run)
				return false;
			dots++;
			run = 0;
		} else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' && run < 2) {
			run++;
		} else {
			return false;
		}
	}
	return dots >= 2 && run == 0;
}

/*
** The first byte and length of every word of the abbreviation lists (bit
** min(length, 63) of by_first[byte]): most words a period closes have
** none of them, and need no search of the list.
*/
struct wfilter {
	uint64_t by_first[256];
};

static void wfilter_init(struct wfilter *f, const struct wordset *w)
{
	memset(f, 0, sizeof(*f));
	for (size_t i = 0; i < w->n; i++) {
		size_t n = strlen(w->v[i]);
		if (n)
			f->by_first[(unsigned char)w->v[i][0]] |=
				1ull << (n < 63 ? n : 63);
	}
}

/* May w hold s[0, n), n > 0? (f NULL: yes) */
static bool wfilter_may(const struct wfilter *f, const char *s, size_t n)
{
	return !f || (f->by_first[(unsigned char)s[0]] >> (n < 63 ? n : 63) & 1);
}

/* The boilerplate rules' lists, and filters for two of them (NULL when
** not used: the plain scan the tests compare with). */
struct lists {
	const struct fc_boiler *b; /* or NULL: no rules */
	const struct wfilter *abbrevs, *finals;
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is the period at t[i] a decimal point of tokenized text, "6 . 1"
** (ECB+, CoNLL: a blank each side of every mark)? One to three digits
** with one blank before it, and a blank and a digit after: a year
** ("in 2008 . 12 died") ends its sentence, as qty.tok-decimal reads
** no whole part of four digits. */
static bool is_tok_decimal(const char *t, size_t len, size_t i)
{
	if (i < 2 || i + 2 >= len || t[i - 1] != ' ' || t[i + 1] != ' ' ||
	    !is_digit(t[i + 2]))
		return false;
	size_t k = i - 1;
	while (k > 0 && i - 1 - k < 4 && is_digit(t[k - 1]))
		k--;
	size_t ndig = i - 1 - k;
	return ndig >= 1 && ndig <= 3 && (k == 0 || !is_digit(t[k - 1]));
}

/*
** Does the mark at t[i, j) (j after closers) end the sentence that
** started at start?
*/
static bool is_boundary(const struct lists *ls, const char *t, size_t len,
			size_t start, size_t i, size_t j, bool is_ellipsis,
			bool is_bang)
{
	const struct fc_boiler *b = ls->b;
	bool is_par;
	size_t w = skip_ws(t, len, j, &is_par), k;
	if (w >= len || is_par)
		return true;
	size_t w2 = w;
	uint32_t cp = cp_at(t, len, w2, &k);
	while (is_opener(cp) && w2 + k < len) {
		w2 += k;
		cp = cp_at(t, len, w2, &k);
	}
	if (is_lower(cp) || cp == ',' || cp == ';' || cp == ':' || cp == ')')
		return false;
	if (is_ellipsis)
		return starter_at(b, t, len, w);
	if (is_bang)
		return true;
	if (j == i + 1 && is_tok_decimal(t, len, i))
		return false;
	/* One period: look at the word it closes. */
	size_t ts = i;
	while (ts > start && i - ts <= TOKEN_MAX && !is_sp(t[ts - 1]))
		ts--;
	if (i - ts > TOKEN_MAX)
		return true;
	while (ts < i && is_opener(cp_at(t, len, ts, &k)))
		ts += k;
	if (ts == i)
		return true;
	cp = cp_at(t, len, ts, &k);
	if (ts + k == i && is_upper(cp))
		return false; /* an initial */
	const char *word = t + ts;
	size_t wn = i + 1 - ts;
	if (b && wfilter_may(ls->abbrevs, word, wn) &&
	    text_wordset_has(&b->abbrevs, word, wn))
		return false;
	if ((b && wfilter_may(ls->finals, word, wn) &&
	     text_wordset_has(&b->final_abbrevs, word, wn)) ||
	    is_dotted(word, wn))
		return starter_at(b, t, len, w);
	return true;
}

fc_status text_sentences_at(const struct fc_rules *r, struct fc_arena *a,
			    const char *text, size_t len,
			    struct fc_sentence **out, size_t *nout,
			    bool is_fast)
{
	const struct fc_boiler *b = r ? r->boiler : NULL;
	struct lists ls = {b, NULL, NULL};
	struct wfilter abbrevs, finals;
	if (b && is_fast) {
		wfilter_init(&abbrevs, &b->abbrevs);
		wfilter_init(&finals, &b->final_abbrevs);
		ls.abbrevs = &abbrevs;
		ls.finals = &finals;
	}
	struct svec sv = {0};
	bool is_par;
	size_t start = skip_ws(text, len, 0, &is_par), i = start;
	*out = NULL;
	*nout = 0;
	while (i < len) {
		/* most bytes end nothing: skip them eight at a time, and
		** then one at a time, with single spaces */
		size_t lim = start + (SENT_MAX - 16);
		if (is_fast && i + 8 <= lim)
			i = skip_plain(text, i, lim < len ? lim : len);
		while (i < len && !is_special((unsigned char)text[i]))
			i++;
		if (i >= len)
			break;
		char c = text[i];
		if (c == ' ' && i + 1 < len && !is_sp(text[i + 1]) &&
		    i - start < SENT_MAX) {
			i++;
			continue;
		}
		if (is_sp(c)) {
			size_t j = skip_ws(text, len, i, &is_par);
			if (is_par || i - start >= SENT_MAX) {
				push(&sv, text, start, i);
				start = j;
			}
			i = j;
			continue;
		}
		if (c != '.' && c != '!' && c != '?' &&
		    !hellip_at(text, len, i)) {
			i++;
			continue;
		}
		/* The run of marks, then closing quotes and brackets. */
		size_t j = i, periods = 0, k;
		bool is_ellipsis = false, is_bang = false;
		for (;;) {
			if (j < len && text[j] == '.') {
				periods++;
				j++;
			} else if (j < len &&
				   (text[j] == '!' || text[j] == '?')) {
				is_bang = true;
				j++;
			} else if (hellip_at(text, len, j)) {
				is_ellipsis = true;
				j += 3;
			} else {
				break;
			}
		}
		is_ellipsis = is_ellipsis || periods >= 2;
		while (j < len && closer_at(text, len, j, &k))
			j += k;
		if (j < len && !is_sp(text[j])) {
			i = j;
			continue;
		}
		if (is_boundary(&ls, text, len, start, i, j, is_ellipsis,
				is_bang && !periods)) {
			push(&sv, text, start, j);
			start = skip_ws(text, len, j, &is_par);
			i = start;
			continue;
		}
		i = j;
	}
	push(&sv, text, start, len);
	if (sv.err) {
		free(sv.v);
		return sv.err;
	}
	/* Lines within text, in one pass over the (sorted) starts. */
	uint32_t line = 1;
	size_t at = 0;
	for (size_t s = 0; s < sv.n; s++) {
		line += (uint32_t)count_nl(text, at, sv.v[s].start, len);
		at = sv.v[s].start;
		sv.v[s].line = line;
	}
	if (sv.n) {
		*out = fc_arena_alloc(a, sv.n * sizeof(**out));
		if (!*out) {
			free(sv.v);
			return FC_ENOMEM;
		}
		memcpy(*out, sv.v, sv.n * sizeof(**out));
	}
	*nout = sv.n;
	free(sv.v);
	return FC_OK;
}

fc_status fc_text_sentences(const struct fc_rules *r, struct fc_arena *a,
			    const char *text, size_t len,
			    struct fc_sentence **out, size_t *nout)
{
	return text_sentences_at(r, a, text, len, out, nout, true);
}
