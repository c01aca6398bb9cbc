/*
** wdiff.c: the words of a quote (split, normalised, numbered) and a
** longest common subsequence of two word sequences (Myers' diff with
** the linear-space middle snake). See wdiff.h for the word rules.
*/
#include <stdlib.h>
#include <string.h>

#include "core/wdiff.h"
#include "core/core.h"

/* ---- Characters --------------------------------------------------------- */

enum cclass {
	CC_SEP,      /* separates words, does not count */
	CC_WORD,     /* letter, digit or mark */
	CC_JOIN,     /* apostrophe or hyphen: dropped inside a word */
	CC_DOT,      /* '.': kept between digits, "..." is an elision */
	CC_COMMA,    /* ',': dropped between digits */
	CC_ELLIPSIS, /* U+2026 */
};

/* Decode the character at p[0, avail): its code point and length; an
** invalid byte is U+FFFD of length 1. */
static uint32_t decode(const unsigned char *p, size_t avail, size_t *len)
{
	size_t k = fc_utf8_seq_len(p, avail);
	*len = k ? k : 1;
	switch (k) {
	case 1: return p[0];
	case 2: return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	case 3:
		return (uint32_t)(p[0] & 0x0F) << 12 |
		       (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	case 4:
		return (uint32_t)(p[0] & 0x07) << 18 |
		       (uint32_t)(p[1] & 0x3F) << 12 |
		       (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
	default: return 0xFFFD;
	}
}

static bool is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static enum cclass classify(uint32_t c)
{
	if (c < 0x80) {
		if (is_digit(c) || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'))
			return CC_WORD;
		if (c == '\'' || c == '-')
			return CC_JOIN;
		if (c == '.')
			return CC_DOT;
		return c == ',' ? CC_COMMA : CC_SEP;
	}
	if (c == 0x2019 || c == 0x02BC || c == 0x2010 || c == 0x2011 ||
	    c == 0x00AD)
		return CC_JOIN; /* ’ as apostrophe, hyphens, soft hyphen */
	if (c == 0x2026)
		return CC_ELLIPSIS;
	if (c <= 0xBF) /* Latin-1 punctuation, but ª ² ³ µ ¹ º ¼-¾ */
		return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 ||
				       c == 0xB9 || c == 0xBA ||
				       (c >= 0xBC && c <= 0xBE)
			       ? CC_WORD
			       : CC_SEP;
	if (c == 0xD7 || c == 0xF7 || c == 0x037E || c == 0x0387 ||
	    (c >= 0x2000 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20CF) ||
	    (c >= 0x2100 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) ||
	    (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
	    (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
	    c == 0xFEFF || c == 0xFFFD || (c >= 0x1F000 && c <= 0x1FAFF))
		return CC_SEP;
	return CC_WORD;
}

/* Simple lower-case mapping for the scripts news text mostly uses. */
static uint32_t lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xC0)
		return c;
	if (c <= 0xDE)
		return c == 0xD7 ? c : c + 32;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x130)
			return 'i';
		if (c == 0x178)
			return 0xFF;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return c & 1 ? c + 1 : c;
		if (c <= 0x137 || (c >= 0x14A && c <= 0x177))
			return c & 1 ? c : c + 1;
		return c;
	}
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 32;
	if (c == 0x386)
		return 0x3AC;
	if (c >= 0x388 && c <= 0x38A)
		return c + 37;
	if (c == 0x38C)
		return 0x3CC;
	if (c == 0x38E || c == 0x38F)
		return c + 63;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

/* UTF-8 of c into out (4 bytes room); its length. */
static size_t encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3F));
	out[2] = (char)(0x80 | (c >> 6 & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* ---- Splitting ---------------------------------------------------------- */

struct splitter {
	struct fc_wd_text *t;
	size_t cap;
	char *norm;     /* one buffer for every normalised form */
	size_t nnorm;   /* bytes used */
	size_t wstart;  /* where the current word's form starts in norm */
	uint32_t start, end; /* span of the current word */
	bool is_open;   /* a word is being read */
	bool is_gap;    /* an elision since the last word */
	bool is_digit_last; /* the current word ends in a digit */
};

static bool close_word(struct fc_arena *a, struct splitter *sp)
{
	if (!sp->is_open)
		return true;
	sp->is_open = false;
	struct fc_wd_text *t = sp->t;
	if (t->n == FC_WD_MAX_WORDS) {
		t->is_capped = true;
		return true;
	}
	void *g = fc_arena_grow(a, t->w, sizeof(*t->w), &sp->cap, t->n + 1);
	if (!g)
		return false;
	t->w = g;
	sp->norm[sp->nnorm++] = '\0';
	bool is_gap = sp->is_gap && t->n > 0; /* not before the first word */
	t->w[t->n] = (struct fc_wd_word){sp->start, sp->end,
					 sp->norm + sp->wstart, 0, is_gap};
	t->n++;
	sp->is_gap = false;
	return true;
}

bool fc_wd_split(struct fc_arena *a, const char *s, size_t len,
		 struct fc_wd_text *out)
{
	memset(out, 0, sizeof(*out));
	struct splitter sp = {.t = out};
	/* Lower-casing never lengthens a character; one NUL per word. */
	sp.norm = fc_arena_alloc(a, 2 * len + 1);
	if (!sp.norm || len > UINT32_MAX)
		return false;
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, ndots = 0;
	while (i < len && !out->is_capped) {
		size_t k;
		uint32_t c = decode(p + i, len - i, &k);
		enum cclass cc = classify(c);
		if (cc != CC_DOT) {
			if (ndots >= 2)
				sp.is_gap = true;
			ndots = 0;
		}
		if (cc == CC_WORD) {
			if (!sp.is_open) {
				sp.is_open = true;
				sp.start = (uint32_t)i;
				sp.wstart = sp.nnorm;
			}
			sp.nnorm += encode(lower(c), sp.norm + sp.nnorm);
			sp.end = (uint32_t)(i + k);
			sp.is_digit_last = is_digit(c);
			i += k;
			continue;
		}
		/* A joiner, point or comma inside a word continues it when a
		** word character (a digit, for points and commas) follows. */
		if (sp.is_open && (cc == CC_JOIN || cc == CC_DOT ||
				   cc == CC_COMMA) && i + k < len) {
			size_t k2;
			uint32_t next = decode(p + i + k, len - i - k, &k2);
			bool is_join = cc == CC_JOIN ? classify(next) == CC_WORD
						     : sp.is_digit_last &&
							       is_digit(next);
			if (is_join) {
				if (cc == CC_DOT)
					sp.norm[sp.nnorm++] = '.';
				i += k;
				continue;
			}
		}
		if (!close_word(a, &sp))
			return false;
		if (cc == CC_DOT)
			ndots++;
		else if (cc == CC_ELLIPSIS)
			sp.is_gap = true;
		i += k;
	}
	return close_word(a, &sp);
}

/* ---- Numbering and keys ------------------------------------------------- */

static int cmp_wordp(const void *x, const void *y)
{
	const struct fc_wd_word *a = *(struct fc_wd_word *const *)x;
	const struct fc_wd_word *b = *(struct fc_wd_word *const *)y;
	return strcmp(a->norm, b->norm);
}

bool fc_wd_intern(struct fc_arena *a, struct fc_wd_text *const *texts,
		  size_t n)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += texts[i]->n;
	if (!total)
		return true;
	struct fc_wd_word **v = fc_arena_alloc(a, total * sizeof(*v));
	if (!v)
		return false;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < texts[i]->n; k++)
			v[m++] = &texts[i]->w[k];
	qsort(v, m, sizeof(*v), cmp_wordp);
	uint32_t id = 0;
	for (size_t i = 0; i < m; i++) {
		if (i && strcmp(v[i - 1]->norm, v[i]->norm))
			id++;
		v[i]->id = id;
	}
	return true;
}

char *fc_wd_key(struct fc_arena *a, const struct fc_wd_text *t)
{
	size_t len = 1;
	for (size_t i = 0; i < t->n; i++)
		len += strlen(t->w[i].norm) + 1 + (t->w[i].is_gap ? 4 : 0);
	char *k = fc_arena_alloc(a, len);
	if (!k)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (i)
			k[o++] = ' ';
		if (t->w[i].is_gap) {
			memcpy(k + o, "... ", 4);
			o += 4;
		}
		size_t n = strlen(t->w[i].norm);
		memcpy(k + o, t->w[i].norm, n);
		o += n;
	}
	k[o] = '\0';
	return k;
}

uint32_t *fc_wd_ids(struct fc_arena *a, const struct fc_wd_text *t)
{
	if (!t->n)
		return NULL;
	uint32_t *v = fc_arena_alloc(a, t->n * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = 0; i < t->n; i++)
		v[i] = t->w[i].id;
	return v;
}

/* ---- Longest common subsequence ---------------------------------------- */

/* A sub-problem: x[i, i + n) against y[j, j + m). */
struct span {
	ptrdiff_t i, n, j, m;
};

#define MAX_STACK 128 /* depth grows with log2(D); D < 2^31 */

struct lcs {
	const uint32_t *x, *y;
	bool *xs, *ys;       /* the marks */
	ptrdiff_t *g, *p;    /* forward and backward furthest points */
	struct span *stack;
	size_t sp, nsame;
};

static ptrdiff_t wrap(ptrdiff_t k, ptrdiff_t z)
{
	ptrdiff_t r = k % z;
	return r < 0 ? r + z : r;
}

static ptrdiff_t max0(ptrdiff_t v)
{
	return v > 0 ? v : 0;
}

/* Mark x[i, i + n) as paired with y[j, j + n). */
static void mark_run(struct lcs *l, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n)
{
	for (ptrdiff_t q = 0; q < n; q++)
		l->xs[i + q] = l->ys[j + q] = true;
	l->nsame += (size_t)n;
}

static void push(struct lcs *l, ptrdiff_t i, ptrdiff_t n, ptrdiff_t j,
		 ptrdiff_t m)
{
	if (n > 0 && m > 0 && l->sp < MAX_STACK)
		l->stack[l->sp++] = (struct span){i, n, j, m};
}

/*
** The middle snake of s runs from (x, y) to (u, v) on an optimal path
** of D edits: mark it and push both halves (each with half the edits),
** or, with at most one edit (at the end), mark the common prefix.
*/
static void split_at(struct lcs *l, struct span s, ptrdiff_t D, ptrdiff_t x,
		     ptrdiff_t y, ptrdiff_t u, ptrdiff_t v)
{
	if (D > 1 || (x != u && y != v)) {
		mark_run(l, s.i + x, s.j + y, u - x);
		push(l, s.i, x, s.j, y);
		push(l, s.i + u, s.n - u, s.j + v, s.m - v);
	} else {
		mark_run(l, s.i, s.j, s.n < s.m ? s.n : s.m);
	}
}

/*
** Search s from both ends at once (Myers' linear-space refinement, the
** formulation of R. Elder's "diff" write-up): d edits forward (o = 1)
** or backward (o = 0) on each diagonal k; where the two searches meet
** is the middle snake. l->g and l->p hold 2 * min(n, m) + 2 entries.
*/
static void middle_snake(struct lcs *l, struct span s)
{
	const uint32_t *e = l->x + s.i, *f = l->y + s.j;
	ptrdiff_t N = s.n, M = s.m, L = N + M, w = N - M;
	ptrdiff_t Z = 2 * (N < M ? N : M) + 2;
	memset(l->g, 0, (size_t)Z * sizeof(*l->g));
	memset(l->p, 0, (size_t)Z * sizeof(*l->p));
	for (ptrdiff_t h = 0; h <= L / 2 + (L % 2 != 0); h++) {
		for (int o = 1; o >= 0; o--) {
			ptrdiff_t *c = o ? l->g : l->p, *d = o ? l->p : l->g;
			ptrdiff_t kmin = -(h - 2 * max0(h - M));
			ptrdiff_t kmax = h - 2 * max0(h - N);
			for (ptrdiff_t k = kmin; k <= kmax; k += 2) {
				ptrdiff_t lo = c[wrap(k - 1, Z)];
				ptrdiff_t hi = c[wrap(k + 1, Z)];
				ptrdiff_t a = k == -h || (k != h && lo < hi)
						      ? hi
						      : lo + 1;
				ptrdiff_t b = a - k, s0 = a, t0 = b;
				while (a < N && b < M && a >= 0 && b >= 0 &&
				       (o ? e[a] == f[b]
					  : e[N - 1 - a] == f[M - 1 - b]))
					a++, b++;
				c[wrap(k, Z)] = a;
				ptrdiff_t z = w - k;
				if (L % 2 != o || z < -(h - o) || z > h - o ||
				    a + d[wrap(z, Z)] < N)
					continue;
				if (o)
					split_at(l, s, 2 * h - 1, s0, t0, a, b);
				else
					split_at(l, s, 2 * h, N - a, M - b,
						 N - s0, M - t0);
				return;
			}
		}
	}
}

bool fc_wd_lcs(struct fc_arena *a, const uint32_t *x, size_t nx,
	       const uint32_t *y, size_t ny, bool *x_same, bool *y_same,
	       size_t *nsame)
{
	if (nsame)
		*nsame = 0;
	if (!nx || !ny)
		return true;
	if (nx > PTRDIFF_MAX / 4 || ny > PTRDIFF_MAX / 4)
		return false;
	size_t z = 2 * (nx < ny ? nx : ny) + 2;
	struct lcs l = {x, y, x_same, y_same, NULL, NULL, NULL, 0, 0};
	l.g = fc_arena_alloc(a, 2 * z * sizeof(*l.g));
	l.stack = fc_arena_alloc(a, MAX_STACK * sizeof(*l.stack));
	if (!l.g || !l.stack)
		return false;
	l.p = l.g + z;
	push(&l, 0, (ptrdiff_t)nx, 0, (ptrdiff_t)ny);
	while (l.sp > 0)
		middle_snake(&l, l.stack[--l.sp]);
	if (nsame)
		*nsame = l.nsame;
	return true;
}
