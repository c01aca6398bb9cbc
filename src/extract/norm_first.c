/*
** norm_first.c: how can a pattern's match start?
**
** The scan (norm.c) does not run a pattern over a whole stretch: it
** tries an anchored copy of it only where a match can start. This file
** reads the expanded regex (the PCRE2 syntax the normalizer emits:
** groups, named and atomic groups, lookarounds, classes, escapes,
** quantifiers, inline (?i)) and computes its start strings: every match
** begins with one of them, a string being up to NORM_PK byte classes
** (the first byte of each character: "[Tt][Oo][Dd][Aa][Yy]", "[0-9]
** [0-9]/", "[Aa][ \t\n\v\f\r]"). Strings come from concatenation,
** alternation and bounded repetition; \b between two classes narrows
** them ("a" + \b + ...), a negative lookahead of single characters
** narrows the next class ((?![\w%])), and a \b or a negative lookbehind
** that excludes every letter and digit before the first class marks the
** string NORM_PS_WS (it starts at the start of a letter/digit run).
**
** Everything is conservative: the strings may allow more than the
** regex, never less. A class with characters above ASCII holds their
** lead bytes (and caseless letters any lead byte, since PCRE2 folds
** U+212A to k and U+017F to s); the scan treats a non-ASCII byte inside
** a string as a possible match. What this file cannot read
** (backreferences, \K, verbs, recursion, (?x)) and a pattern that can
** match the empty string leave the pattern unknown: the scan runs it
** unanchored over the stretch, as before.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

#define SET_MAX 384 /* strings in one set before they are shortened */
#define NSETS 256   /* byte classes of one pattern (id 0 unused) */
#define NEST_MAX 256 /* group depth read */
#define NCALLS 8    /* group calls within group calls */
#define REP_MAX 4   /* {n,m} with m at most this is spelled out */
#define PRODUCT_MAX 4096 /* strings a concatenation may make */

enum { F_TRUNC = NORM_PS_TRUNC, F_WS = NORM_PS_WS, F_B = 4 };

typedef uint64_t bset[4];

struct pset {
	struct norm_pstr *v;
	size_t n, cap;
};

struct fa {
	const unsigned char *s;
	size_t n, i;
	bool is_bad;
	int depth;
	struct norm_first_memo *memo; /* groups seen in earlier patterns */
	size_t calls[NCALLS][2]; /* groups being called: name, length */
	size_t ncalls;
	size_t nconds; /* assertions and backreferences read so far */
	bset *sets; /* interned classes, [0] unused */
	size_t nsets;
	uint8_t hset[NSETS * 2]; /* class hash: set index, 0 free */
	uint32_t *hash; /* scratch for ps_dedupe */
	size_t caphash;
};

/* ---- Byte sets ---------------------------------------------------------- */

static void bs_set(uint64_t *b, unsigned c)
{
	b[c / 64] |= 1ull << (c % 64);
}

static bool bs_has(const uint64_t *b, unsigned c)
{
	return b[c / 64] >> (c % 64) & 1;
}

static void bs_range(uint64_t *b, unsigned lo, unsigned hi)
{
	for (unsigned c = lo; c <= hi; c++)
		bs_set(b, c);
}

static bool bs_empty(const uint64_t *b)
{
	return !(b[0] | b[1] | b[2] | b[3]);
}

static bool bs_subset(const uint64_t *a, const uint64_t *b)
{
	for (int k = 0; k < 4; k++)
		if (a[k] & ~b[k])
			return false;
	return true;
}

static bool bs_disjoint(const uint64_t *a, const uint64_t *b)
{
	for (int k = 0; k < 4; k++)
		if (a[k] & b[k])
			return false;
	return true;
}

/* \w: ASCII letters, digits and '_' (PCRE2 without UCP); letters and
** digits. */
static const bset WORD = {0x03FF000000000000ull, 0x07FFFFFE87FFFFFEull, 0, 0};
static const bset ALNUM = {0x03FF000000000000ull, 0x07FFFFFE07FFFFFEull, 0, 0};

static void bs_word(uint64_t *b)
{
	memcpy(b, WORD, sizeof(bset));
}

static void bs_alnum(uint64_t *b)
{
	memcpy(b, ALNUM, sizeof(bset));
}

static uint8_t intern(struct fa *f, const uint64_t *b)
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
static void cp_closure(uint64_t *b, uint32_t cp, bool is_ci)
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

/* ---- String sets -------------------------------------------------------- */

static void ps_push(struct fa *f, struct pset *p, const struct norm_pstr *s)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 8;
		struct norm_pstr *v = realloc(p->v, cap * sizeof(*v));
		if (!v) {
			f->is_bad = true;
			return;
		}
		p->v = v;
		p->cap = cap;
	}
	p->v[p->n++] = *s;
}

static void ps_free(struct pset *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

_Static_assert(sizeof(struct norm_pstr) == 16, "hash_pstr reads 16 bytes");

static uint64_t hash_pstr(const struct norm_pstr *s)
{
	uint64_t a, b;
	memcpy(&a, s, 8);
	memcpy(&b, (const char *)s + 8, 8);
	return (a * 0x9E3779B97F4A7C15ull ^ b) * 0xFF51AFD7ED558CCDull;
}

/* Drop duplicates (keeping the first of each). */
static void ps_dedupe(struct fa *f, struct pset *p)
{
	if (p->n < 2)
		return;
	size_t cap = 16;
	while (cap < 2 * p->n)
		cap *= 2;
	if (cap > f->caphash) {
		uint32_t *h = realloc(f->hash, cap * sizeof(*h));
		if (!h) {
			f->is_bad = true;
			return;
		}
		f->hash = h;
		f->caphash = cap;
	}
	memset(f->hash, 0, cap * sizeof(*f->hash));
	size_t o = 0;
	for (size_t i = 0; i < p->n; i++) {
		size_t k = hash_pstr(&p->v[i]) >> 40 & (cap - 1);
		bool dup = false;
		for (; f->hash[k]; k = (k + 1) & (cap - 1))
			if (!memcmp(&p->v[f->hash[k] - 1], &p->v[i],
				    sizeof(*p->v))) {
				dup = true;
				break;
			}
		if (dup)
			continue;
		p->v[o] = p->v[i];
		f->hash[k] = (uint32_t)++o;
	}
	p->n = o;
}

/*
** The longest strings that differ in their last class only become one,
** with the union of those classes (and nothing known after it). Returns
** whether that made the set smaller.
*/
static bool ps_merge_last(struct fa *f, struct pset *p)
{
	uint8_t max = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].len > max)
			max = p->v[i].len;
	if (max < 2)
		return false;
	size_t n0 = p->n;
	for (size_t i = 0; i < p->n; i++) {
		struct norm_pstr *s = &p->v[i];
		if (s->len < max)
			continue;
		s->flags = (uint8_t)((s->flags & F_WS) | F_TRUNC);
		s->x = 0;
	}
	/* group by everything but the last class: the first of a group
	** takes the union */
	size_t cap = 16;
	while (cap < 2 * p->n)
		cap *= 2;
	if (cap > f->caphash) {
		uint32_t *h = realloc(f->hash, cap * sizeof(*h));
		if (!h) {
			f->is_bad = true;
			return false;
		}
		f->hash = h;
		f->caphash = cap;
	}
	memset(f->hash, 0, cap * sizeof(*f->hash));
	size_t o = 0;
	for (size_t i = 0; i < p->n; i++) {
		struct norm_pstr s = p->v[i];
		if (s.len < max) {
			p->v[o++] = s;
			continue;
		}
		struct norm_pstr key = s;
		key.sym[max - 1] = 0;
		size_t k = hash_pstr(&key) >> 40 & (cap - 1);
		size_t into = SIZE_MAX;
		for (; f->hash[k]; k = (k + 1) & (cap - 1)) {
			struct norm_pstr g = p->v[f->hash[k] - 1];
			g.sym[max - 1] = 0;
			if (!memcmp(&g, &key, sizeof(g))) {
				into = f->hash[k] - 1;
				break;
			}
		}
		if (into == SIZE_MAX) {
			p->v[o] = s;
			f->hash[k] = (uint32_t)++o;
			continue;
		}
		struct norm_pstr *g = &p->v[into];
		bset u;
		for (int j = 0; j < 4; j++)
			u[j] = f->sets[g->sym[max - 1]][j] |
			       f->sets[s.sym[max - 1]][j];
		g->sym[max - 1] = intern(f, u);
	}
	p->n = o;
	return o < n0;
}

/* Drop duplicates, and shorten the longest strings while there are
** too many. */
static void ps_norm(struct fa *f, struct pset *p)
{
	for (;;) {
		ps_dedupe(f, p);
		if (p->n <= SET_MAX)
			return;
		if (ps_merge_last(f, p))
			continue;
		uint8_t max = 0;
		for (size_t i = 0; i < p->n; i++)
			if (p->v[i].len > max)
				max = p->v[i].len;
		if (max <= 1) {
			f->is_bad = true;
			return;
		}
		for (size_t i = 0; i < p->n; i++) {
			struct norm_pstr *s = &p->v[i];
			if (s->len < max)
				continue;
			s->sym[--s->len] = 0;
			s->loop &= (uint16_t)~(1u << s->len);
			s->flags = (uint8_t)((s->flags & F_WS) | F_TRUNC);
			s->x = 0;
		}
	}
}

static struct norm_pstr eps(uint8_t flags, uint8_t x)
{
	struct norm_pstr s;
	memset(&s, 0, sizeof(s));
	s.flags = flags;
	s.x = x;
	return s;
}

static void ps_one(struct fa *f, struct pset *p, uint8_t flags, uint8_t x)
{
	struct norm_pstr s = eps(flags, x);
	ps_push(f, p, &s);
}

/* Union of sets a and b into a (b freed); normalised when large. */
static void ps_union(struct fa *f, struct pset *a, struct pset *b)
{
	for (size_t i = 0; i < b->n; i++)
		ps_push(f, a, &b->v[i]);
	ps_free(b);
	if (a->n > 4 * SET_MAX)
		ps_norm(f, a);
}

/* Append class b (a run of it when loop) to t, into out. A run whose
** first byte was narrowed cannot repeat the narrower class: it becomes
** that byte, and the string ends there. */
static void push_sym(struct fa *f, struct norm_pstr t, const uint64_t *b,
		     uint8_t y, bool loop, struct pset *out)
{
	bool same = !memcmp(b, f->sets[y], sizeof(bset));
	t.sym[t.len] = same ? y : intern(f, b);
	if (loop && same)
		t.loop |= (uint16_t)(1u << t.len);
	t.len++;
	if (loop && !same) {
		t.flags = (uint8_t)((t.flags & F_WS) | F_TRUNC);
		t.x = 0;
	}
	ps_push(f, out, &t);
}

/* s followed by class y (a run of it when loop): 0, 1 or 2 strings
** into out. */
static void append_sym(struct fa *f, const struct norm_pstr *s, uint8_t y,
		       bool loop, struct pset *out)
{
	if ((s->flags & F_TRUNC) || s->len >= NORM_PK) {
		struct norm_pstr t = *s;
		t.flags |= F_TRUNC;
		t.x = 0;
		t.flags &= (uint8_t)~F_B;
		ps_push(f, out, &t);
		return;
	}
	bset b, w;
	memcpy(b, f->sets[y], sizeof(b));
	bs_word(w);
	if (s->x)
		for (int k = 0; k < 4; k++)
			b[k] &= ~f->sets[s->x][k];
	struct norm_pstr t = *s;
	t.flags &= (uint8_t)~F_B;
	t.x = 0;
	if ((s->flags & F_B) && s->len == 0) {
		/* \b first: a word character after a non-word one */
		bset bw, bn;
		for (int k = 0; k < 4; k++) {
			bw[k] = b[k] & w[k];
			bn[k] = b[k] & ~w[k];
		}
		if (!bs_empty(bw)) {
			struct norm_pstr u = t;
			u.flags |= F_WS;
			push_sym(f, u, bw, y, loop, out);
		}
		if (!bs_empty(bn))
			push_sym(f, t, bn, y, loop, out);
		return;
	}
	if (s->flags & F_B) {
		const uint64_t *last = f->sets[s->sym[s->len - 1]];
		if (bs_subset(last, w)) {
			for (int k = 0; k < 4; k++)
				b[k] &= ~w[k];
		} else if (bs_disjoint(last, w)) {
			for (int k = 0; k < 4; k++)
				b[k] &= w[k];
		}
	}
	if (bs_empty(b))
		return;
	push_sym(f, t, b, y, loop, out);
}

/* The ASCII part of set x, as a class id (0 when empty). */
static uint8_t ascii_part(struct fa *f, const uint64_t *x)
{
	bset b = {x[0], x[1], 0, 0};
	return bs_empty(b) ? 0 : intern(f, b);
}

static uint8_t union_id(struct fa *f, uint8_t a, uint8_t b)
{
	if (!a || !b)
		return a ? a : b;
	bset u;
	for (int k = 0; k < 4; k++)
		u[k] = f->sets[a][k] | f->sets[b][k];
	return intern(f, u);
}

/* a followed by b, into out. */
static void join(struct fa *f, const struct norm_pstr *a,
		 const struct norm_pstr *b, struct pset *out)
{
	if ((a->flags & F_TRUNC) || a->len >= NORM_PK) {
		struct norm_pstr t = *a;
		t.flags = (uint8_t)((t.flags & F_WS) | F_TRUNC);
		t.x = 0;
		ps_push(f, out, &t);
		return;
	}
	struct norm_pstr a2 = *a;
	if (b->flags & F_WS) {
		if (a2.len == 0) {
			a2.flags |= F_WS;
		} else if (!(a2.loop >> (a2.len - 1) & 1)) {
			/* nothing alphanumeric right before b */
			bset last;
			memcpy(last, f->sets[a2.sym[a2.len - 1]], sizeof(last));
			for (int k = 0; k < 4; k++)
				last[k] &= ~ALNUM[k];
			if (bs_empty(last))
				return;
			a2.sym[a2.len - 1] = intern(f, last);
		}
	}
	/* the first symbol of b meets a's pending \b and lookahead: up to
	** two strings; the rest of b follows as it is */
	struct pset cur = {0};
	struct norm_pstr two[2];
	cur.v = two;
	cur.cap = 2;
	if (b->len)
		append_sym(f, &a2, b->sym[0], b->loop & 1, &cur);
	else
		two[cur.n++] = a2;
	for (size_t i = 0; i < cur.n; i++) {
		struct norm_pstr t = cur.v[i];
		for (uint8_t k = 1; k < b->len && !(t.flags & F_TRUNC); k++) {
			if (t.len >= NORM_PK) {
				t.flags |= F_TRUNC;
				break;
			}
			t.sym[t.len] = b->sym[k];
			t.loop |= (uint16_t)((b->loop >> k & 1u) << t.len);
			t.len++;
		}
		if (t.flags & F_TRUNC) {
			t.flags &= (uint8_t)~F_B;
			t.x = 0;
		} else if (b->flags & F_TRUNC) {
			t.flags = (uint8_t)((t.flags & F_WS) | F_TRUNC);
			t.x = 0;
		} else if (b->len == 0) {
			t.flags |= b->flags & F_B;
			t.x = union_id(f, t.x, b->x);
		} else {
			t.flags = (uint8_t)((t.flags & ~F_B) | (b->flags & F_B));
			t.x = b->x;
		}
		ps_push(f, out, &t);
	}
}

/* Cut the longest strings of p by one class; false when none is
** longer than one. */
static bool ps_cut(struct fa *f, struct pset *p)
{
	uint8_t max = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].len > max)
			max = p->v[i].len;
	if (max <= 1)
		return false;
	for (size_t i = 0; i < p->n; i++) {
		struct norm_pstr *s = &p->v[i];
		if (s->len < max)
			continue;
		s->sym[--s->len] = 0;
		s->loop &= (uint16_t)~(1u << s->len);
		s->flags = (uint8_t)((s->flags & F_WS) | F_TRUNC);
		s->x = 0;
	}
	ps_norm(f, p);
	return true;
}

static bool is_open(const struct norm_pstr *s)
{
	return !(s->flags & F_TRUNC) && s->len < NORM_PK;
}

/* a then b (b may be shortened so that the product stays small). */
static struct pset concat(struct fa *f, struct pset *a, struct pset *b)
{
	struct pset out = {0};
	size_t nopen = 0;
	for (size_t i = 0; i < a->n; i++)
		nopen += is_open(&a->v[i]);
	while (nopen * b->n > PRODUCT_MAX && ps_cut(f, b))
		;
	for (size_t i = 0; i < a->n && !f->is_bad; i++) {
		if (!is_open(&a->v[i])) {
			join(f, &a->v[i], &a->v[i], &out);
			continue;
		}
		if (nopen * b->n > PRODUCT_MAX) {
			/* still too many: what follows a is unknown */
			struct norm_pstr t = a->v[i];
			t.flags = (uint8_t)((t.flags & F_WS) | F_TRUNC);
			t.x = 0;
			if (t.len)
				ps_push(f, &out, &t);
			else
				for (size_t j = 0; j < b->n; j++)
					join(f, &a->v[i], &b->v[j], &out);
			continue;
		}
		for (size_t j = 0; j < b->n && !f->is_bad; j++)
			join(f, &a->v[i], &b->v[j], &out);
	}
	ps_norm(f, &out);
	return out;
}

static void ps_trunc(struct pset *p)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].len == 0)
			continue; /* empty stays empty: matched nothing */
		p->v[i].flags = (uint8_t)((p->v[i].flags & F_WS) | F_TRUNC);
		p->v[i].x = 0;
	}
}

static struct pset ps_copy(struct fa *f, const struct pset *p)
{
	struct pset c = {0};
	for (size_t i = 0; i < p->n; i++)
		ps_push(f, &c, &p->v[i]);
	return c;
}

/* Is p one class (its strings one byte each, nothing else)? Then it
** becomes that one class, the union. */
static bool single_class(struct fa *f, struct pset *p)
{
	bset u = {0};
	for (size_t i = 0; i < p->n; i++) {
		const struct norm_pstr *s = &p->v[i];
		if (s->len != 1 || s->flags || s->x || s->loop)
			return false;
		for (int k = 0; k < 4; k++)
			u[k] |= f->sets[s->sym[0]][k];
	}
	if (!p->n)
		return false;
	p->v[0].sym[0] = intern(f, u);
	p->n = 1;
	return true;
}

/* p repeated min..max times (max < 0: unbounded); p is freed. */
static struct pset repeat(struct fa *f, struct pset *p, long min, long max)
{
	struct pset out = {0};
	if (max == 0) {
		ps_free(p);
		ps_one(f, &out, 0, 0);
		return out;
	}
	if (min == 0)
		ps_one(f, &out, 0, 0);
	long lo = min > 0 ? min : 1;
	if ((max < 0 || max > REP_MAX) && single_class(f, p)) {
		/* a run of one class: [0-9]+, \s*, x{2,} */
		struct pset run = {0};
		struct norm_pstr r = p->v[0];
		r.loop = 1;
		ps_push(f, &run, &r);
		struct pset acc = {0};
		ps_one(f, &acc, 0, 0);
		for (long k = 1; k < lo && k <= NORM_PK && !f->is_bad; k++) {
			struct pset nx = concat(f, &acc, p);
			ps_free(&acc);
			acc = nx;
		}
		struct pset nx = concat(f, &acc, &run);
		ps_free(&acc);
		ps_free(&run);
		ps_union(f, &out, &nx);
		ps_free(p);
		return out;
	}
	struct pset acc = ps_copy(f, p);
	for (long k = 1; k < lo && k <= NORM_PK && !f->is_bad; k++) {
		struct pset nx = concat(f, &acc, p);
		ps_free(&acc);
		acc = nx;
	}
	if (max > 0 && max <= REP_MAX) {
		struct pset all = ps_copy(f, &acc);
		for (long k = lo + 1; k <= max && !f->is_bad; k++) {
			struct pset nx = concat(f, &acc, p);
			ps_free(&acc);
			acc = nx;
			struct pset c = ps_copy(f, &acc);
			ps_union(f, &all, &c);
		}
		ps_free(&acc);
		acc = all;
	} else if (max != lo && acc.n * p->n > PRODUCT_MAX / 4) {
		/* too many to spell out: more may follow */
		ps_trunc(&acc);
	} else if (max != lo) {
		/* lo and lo + 1 times, and at least lo + 2 */
		struct pset all = ps_copy(f, &acc);
		for (long k = 0; k < 2 && !f->is_bad; k++) {
			struct pset nx = concat(f, &acc, p);
			ps_free(&acc);
			acc = nx;
			if (k == 1)
				ps_trunc(&acc);
			struct pset c = ps_copy(f, &acc);
			ps_union(f, &all, &c);
		}
		ps_free(&acc);
		acc = all;
	}
	ps_union(f, &out, &acc);
	ps_free(p);
	return out;
}

/* ---- Lexing ------------------------------------------------------------- */

static unsigned peek(const struct fa *f, size_t k)
{
	return f->i + k < f->n ? f->s[f->i + k] : 0;
}

static size_t utf8_len(unsigned lead)
{
	return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
}

static uint32_t decode(const unsigned char *p, size_t k)
{
	if (k == 1)
		return p[0];
	uint32_t cp = p[0] & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < k; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	return cp;
}

/* \d \w \s and their complements into b; false for other letters. */
static bool escape_class(unsigned c, uint64_t *b)
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
static long escape_char(struct fa *f, unsigned c)
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
static void parse_class(struct fa *f, bool is_ci, uint64_t *b)
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
			if (escape_class(e, in))
				continue;
			lo = e == 'b' ? 8 : escape_char(f, e);
		} else {
			size_t k = utf8_len(c);
			lo = (long)decode(f->s + f->i, k);
			f->i += k;
		}
		long hi = lo;
		if (lo >= 0 && peek(f, 0) == '-' && peek(f, 1) && peek(f, 1) != ']') {
			f->i++;
			unsigned c2 = f->s[f->i];
			if (c2 == '\\') {
				unsigned e = peek(f, 1);
				f->i += 2;
				hi = escape_char(f, e);
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
			unsigned l0 = lead_byte((uint32_t)(lo < 0x80 ? 0x80 : lo));
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
static bool parse_quant(struct fa *f, long *min, long *max)
{
	unsigned c = peek(f, 0);
	if (c == '?' || c == '*' || c == '+') {
		*min = c == '+';
		*max = c == '?' ? 1 : -1;
		f->i++;
	} else if (c == '{') {
		size_t j = f->i + 1, d0 = j;
		long lo = 0, hi;
		while (j < f->n && f->s[j] >= '0' && f->s[j] <= '9' && lo < 100000)
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

/* ---- Memo --------------------------------------------------------------- */

/*
** Patterns share their macros and tables ({num}, {month}, {hedgep}), so
** the same group text comes back again and again: its strings are kept
** with the classes they use and taken over by the later patterns.
*/

#define MEMO_MIN 24 /* bytes of group text worth keeping */

struct memo_ent {
	uint64_t hash;
	char *text;
	size_t len;
	bool is_ci;
	struct norm_pstr *strs; /* classes numbered into sets */
	size_t nstrs;
	bset *sets;
	size_t nsets;
	bool has_cond; /* holds assertions or backreferences */
};

struct norm_first_memo {
	struct memo_ent *v;
	size_t n, cap;
};

void norm_first_memo_free(struct norm_first_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].text);
		free(m->v[i].strs);
		free(m->v[i].sets);
	}
	free(m->v);
	free(m);
}

/* Where the group whose text starts at `from` ends (its ')'), or
** SIZE_MAX. */
static size_t group_end(const struct fa *f, size_t from)
{
	int depth = 0;
	for (size_t i = from; i < f->n; i++) {
		unsigned c = f->s[i];
		if (c == '\\') {
			i++;
		} else if (c == '[') {
			i++;
			if (i < f->n && f->s[i] == '^')
				i++;
			if (i < f->n && f->s[i] == ']')
				i++;
			while (i < f->n && f->s[i] != ']')
				i += f->s[i] == '\\' ? 2 : 1;
		} else if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (!depth--)
				return i;
		}
	}
	return SIZE_MAX;
}

static uint64_t hash_text(const unsigned char *s, size_t n, bool is_ci)
{
	uint64_t h = 0xCBF29CE484222325ull ^ is_ci;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001B3ull;
	return h;
}

static struct memo_ent *memo_find(struct norm_first_memo *m, uint64_t h,
				  const unsigned char *s, size_t n, bool is_ci)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].hash == h && m->v[i].len == n &&
		    m->v[i].is_ci == is_ci && !memcmp(m->v[i].text, s, n))
			return &m->v[i];
	return NULL;
}

/* Keep p, the strings of group text s[0, n). */
static void memo_put(struct fa *f, uint64_t h, const unsigned char *s,
		     size_t n, bool is_ci, bool has_cond, const struct pset *p)
{
	struct norm_first_memo *m = f->memo;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct memo_ent *v = realloc(m->v, cap * sizeof(*v));
		if (!v)
			return;
		m->v = v;
		m->cap = cap;
	}
	struct memo_ent e = {h, malloc(n), n, is_ci,
			     malloc((p->n ? p->n : 1) * sizeof(*e.strs)), p->n,
			     NULL, 1, has_cond};
	uint8_t map[NSETS] = {0};
	e.sets = malloc(NSETS * sizeof(*e.sets));
	if (!e.text || !e.strs || !e.sets) {
		free(e.text);
		free(e.strs);
		free(e.sets);
		return;
	}
	memcpy(e.text, s, n);
	for (size_t i = 0; i < p->n; i++) {
		struct norm_pstr t = p->v[i];
		for (uint8_t k = 0; k <= t.len; k++) {
			uint8_t *id = k < t.len ? &t.sym[k] : &t.x;
			if (!*id)
				continue;
			if (!map[*id]) {
				memcpy(e.sets[e.nsets], f->sets[*id], sizeof(bset));
				map[*id] = (uint8_t)e.nsets++;
			}
			*id = map[*id];
		}
		e.strs[i] = t;
	}
	m->v[m->n++] = e;
}

/* The strings of e, their classes interned into this pattern. */
static struct pset memo_get(struct fa *f, const struct memo_ent *e)
{
	struct pset out = {0};
	uint8_t map[NSETS] = {0};
	for (size_t k = 1; k < e->nsets; k++)
		map[k] = intern(f, e->sets[k]);
	for (size_t i = 0; i < e->nstrs && !f->is_bad; i++) {
		struct norm_pstr t = e->strs[i];
		for (uint8_t k = 0; k < t.len; k++)
			t.sym[k] = map[t.sym[k]];
		t.x = map[t.x];
		ps_push(f, &out, &t);
	}
	return out;
}

/* ---- Parsing ------------------------------------------------------------ */

static struct pset parse_alt(struct fa *f, bool *is_ci);

/* Does s[0, n) call a group ((?&name), (?P>name))? Its strings then
** depend on the pattern around it. */
static bool has_call(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++)
		if (s[i] == '(' && s[i + 1] == '?' &&
		    (s[i + 2] == '&' ||
		     (s[i + 2] == 'P' && i + 3 < n && s[i + 3] == '>')))
			return true;
	return false;
}

/* Where the pattern of the group named s[name, name + len) starts
** (after its "(?<name>"), or SIZE_MAX. */
static size_t find_def(const struct fa *f, size_t name, size_t len)
{
	static const char *const opens[] = {"(?<", "(?P<", "(?'"};
	static const char closes[] = {'>', '>', '\''};
	char pat[80];
	if (len == 0 || len > 64)
		return SIZE_MAX;
	for (size_t k = 0; k < 3; k++) {
		size_t ol = strlen(opens[k]), pl = ol + len + 1;
		memcpy(pat, opens[k], ol);
		memcpy(pat + ol, f->s + name, len);
		pat[ol + len] = closes[k];
		for (size_t i = 0; i + pl <= f->n; i++)
			if (!memcmp(f->s + i, pat, pl))
				return i + pl;
	}
	return SIZE_MAX;
}

/*
** The memo key of group text s[start, end): the text, and after it the
** pattern of every group it calls (the same text may call different
** patterns in different regexes). NULL when a call is not found.
*/
static unsigned char *memo_key(const struct fa *f, size_t start, size_t end,
			       size_t *klen)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_add(&b, f->s + start, end - start);
	for (size_t i = start; i + 2 < end; i++) {
		if (f->s[i] != '(' || f->s[i + 1] != '?' ||
		    !(f->s[i + 2] == '&' ||
		      (f->s[i + 2] == 'P' && f->s[i + 3] == '>')))
			continue;
		size_t n0 = i + (f->s[i + 2] == '&' ? 3 : 4), n1 = n0;
		while (n1 < end && f->s[n1] != ')')
			n1++;
		size_t def = find_def(f, n0, n1 - n0);
		size_t dend = def == SIZE_MAX ? SIZE_MAX : group_end(f, def);
		if (dend == SIZE_MAX) {
			fc_buf_finish(&b);
			return NULL;
		}
		fc_buf_addc(&b, '\0');
		fc_buf_add(&b, f->s + def, dend - def);
	}
	if (b.err) {
		fc_buf_finish(&b);
		return NULL;
	}
	return (unsigned char *)fc_buf_steal(&b, klen);
}

/* parse_alt for the text of a group, from the memo when it is there. */
static struct pset group_alt(struct fa *f, bool *is_ci)
{
	size_t start = f->i, end = group_end(f, start);
	if (!f->memo || end == SIZE_MAX || end - start < MEMO_MIN)
		return parse_alt(f, is_ci);
	size_t klen = end - start;
	unsigned char *key = NULL;
	const unsigned char *k = f->s + start;
	if (has_call(k, klen)) {
		if (!(key = memo_key(f, start, end, &klen)))
			return parse_alt(f, is_ci);
		k = key;
	}
	uint64_t h = hash_text(k, klen, *is_ci);
	const struct memo_ent *e = memo_find(f->memo, h, k, klen, *is_ci);
	if (e) {
		free(key);
		f->i = end;
		f->nconds += e->has_cond;
		return memo_get(f, e);
	}
	bool ci = *is_ci;
	size_t nc0 = f->nconds;
	struct pset p = parse_alt(f, is_ci);
	if (!f->is_bad && f->i == end)
		memo_put(f, h, k, klen, ci, f->nconds > nc0, &p);
	free(key);
	return p;
}

/*
** A call of the group named s[name, name + len): the strings of its
** pattern, read where it is defined (caselessly: a call keeps the
** options of the definition, and caseless strings take in the others).
** A call within the group it calls is not read (the pattern is unknown).
*/
static struct pset call_group(struct fa *f, size_t name, size_t len)
{
	struct pset out = {0};
	if (len == 0 || len > 64 || f->ncalls >= NCALLS) {
		f->is_bad = true;
		return out;
	}
	for (size_t k = 0; k < f->ncalls; k++)
		if (f->calls[k][1] == len &&
		    !memcmp(f->s + f->calls[k][0], f->s + name, len)) {
			f->is_bad = true; /* recursion */
			return out;
		}
	size_t def = find_def(f, name, len);
	if (def == SIZE_MAX) {
		f->is_bad = true;
		return out;
	}
	size_t back = f->i;
	f->calls[f->ncalls][0] = name;
	f->calls[f->ncalls++][1] = len;
	f->i = def;
	bool ci = true;
	out = group_alt(f, &ci);
	if (!f->is_bad && peek(f, 0) != ')')
		f->is_bad = true;
	f->ncalls--;
	f->i = back;
	return out;
}

/* Option letters after "(?": returns ':' or ')' as read, 0 if unknown. */
static unsigned parse_opts(struct fa *f, bool *is_ci)
{
	bool on = true;
	while (f->i < f->n) {
		unsigned c = f->s[f->i++];
		switch (c) {
		case '-': on = false; break;
		case 'i': *is_ci = on; break;
		case 'm': case 's': case 'n': case 'U': case 'J': break;
		case ':': case ')': return c;
		default: return 0;
		}
	}
	return 0;
}

/*
** The set of a negative lookahead body: the single characters it
** excludes after this point (alternatives of one class), as a set id
** of their ASCII bytes.
*/
static uint8_t excluded(struct fa *f, const struct pset *body)
{
	bset x = {0};
	for (size_t i = 0; i < body->n; i++) {
		const struct norm_pstr *s = &body->v[i];
		if (s->len == 1 && !(s->flags & F_TRUNC) && !s->x &&
		    !(s->flags & F_B))
			for (int k = 0; k < 2; k++)
				x[k] |= f->sets[s->sym[0]][k];
	}
	return ascii_part(f, x);
}

/* A group after its '(': its strings (empty for assertions). */
static struct pset parse_group(struct fa *f, bool *is_ci, bool *is_opt)
{
	struct pset out = {0};
	bool ci = *is_ci;
	*is_opt = false;
	if (++f->depth > NEST_MAX || peek(f, 0) == '*') {
		f->is_bad = true; /* too deep, or (*VERB) */
		return out;
	}
	unsigned c = peek(f, 1);
	if (peek(f, 0) != '?') {
		out = group_alt(f, &ci);
	} else if (c == ':' || c == '>' || c == '|') {
		f->i += 2;
		out = group_alt(f, &ci);
	} else if ((c == '<' && peek(f, 2) != '=' && peek(f, 2) != '!') ||
		   (c == 'P' && peek(f, 2) == '<') || c == '\'') {
		unsigned end = c == '\'' ? '\'' : '>';
		f->i += c == 'P' ? 3 : 2;
		while (f->i < f->n && f->s[f->i] != end)
			f->i++;
		f->i++;
		out = group_alt(f, &ci);
	} else if (c == '=' || c == '!' ||
		   (c == '<' && (peek(f, 2) == '=' || peek(f, 2) == '!'))) {
		bool is_behind = c == '<';
		bool is_neg = (is_behind ? peek(f, 2) : c) == '!';
		f->i += is_behind ? 3 : 2;
		size_t nc0 = f->nconds;
		struct pset body = parse_alt(f, &ci);
		uint8_t flags = 0, x = 0;
		/* a body with assertions or backreferences holds only when
		** they do: what it excludes is then not known */
		bool is_plain = f->nconds == nc0;
		f->nconds++;
		if (!is_plain) {
			/* nothing */
		} else if (is_neg && is_behind) {
			/* (?<![\w.,]): nothing alphanumeric before */
			uint8_t ex = excluded(f, &body);
			bset an;
			bs_alnum(an);
			if (ex && bs_subset(an, f->sets[ex]))
				flags = F_WS;
		} else if (is_neg) {
			x = excluded(f, &body);
		}
		ps_free(&body);
		ps_one(f, &out, flags, x);
	} else if (c == '#') {
		while (f->i < f->n && f->s[f->i] != ')')
			f->i++;
		ps_one(f, &out, 0, 0);
	} else if (c == '&' || (c == 'P' && peek(f, 2) == '>')) {
		/* (?&name): the named group's pattern, again */
		f->i += c == '&' ? 2 : 3;
		size_t n0 = f->i;
		while (f->i < f->n && f->s[f->i] != ')')
			f->i++;
		out = call_group(f, n0, f->i - n0);
	} else {
		f->i++;
		unsigned end = parse_opts(f, &ci);
		if (end == ':') {
			out = parse_alt(f, &ci);
		} else if (end == ')') {
			*is_ci = ci; /* (?i): the rest of the group */
			*is_opt = true;
			f->depth--;
			ps_one(f, &out, 0, 0);
			return out;
		} else {
			f->is_bad = true;
		}
	}
	f->depth--;
	if (f->is_bad || peek(f, 0) != ')') {
		f->is_bad = true;
		return out;
	}
	f->i++;
	return out;
}

/* Skip the rest of a backreference after \g, \k or \digit. */
static void skip_backref(struct fa *f, unsigned e)
{
	unsigned c = peek(f, 0);
	if (e != 'g' && e != 'k') {
		while (peek(f, 0) >= '0' && peek(f, 0) <= '9')
			f->i++;
		return;
	}
	if (c == '{' || c == '<' || c == '\'') {
		unsigned end = c == '{' ? '}' : c == '<' ? '>' : '\'';
		while (f->i < f->n && f->s[f->i] != end)
			f->i++;
		f->i++;
		return;
	}
	if (c == '-' || c == '+')
		f->i++;
	while (peek(f, 0) >= '0' && peek(f, 0) <= '9')
		f->i++;
}

/* One atom at f->i: its strings. */
static struct pset parse_atom(struct fa *f, bool *is_ci)
{
	struct pset out = {0};
	unsigned c = f->s[f->i];
	bset b = {0};
	if (c == '(') {
		f->i++;
		bool is_opt;
		return parse_group(f, is_ci, &is_opt);
	}
	if (c == '[') {
		f->i++;
		parse_class(f, *is_ci, b);
	} else if (c == '\\') {
		unsigned e = peek(f, 1);
		f->i += 2;
		long cp;
		if (escape_class(e, b)) {
			/* \d \w \s ... */
		} else if (e == 'b') {
			f->nconds++;
			ps_one(f, &out, F_B, 0);
			return out;
		} else if ((e == 'B' || e == 'A' || e == 'z' || e == 'Z' ||
			    e == 'G') && ++f->nconds) {
			ps_one(f, &out, 0, 0);
			return out;
		} else if (e == 'B' || e == 'A' || e == 'z' || e == 'Z' ||
			   e == 'G') {
			ps_one(f, &out, 0, 0);
			return out;
		} else if (e == 'h' || e == 'H' || e == 'v' || e == 'V' ||
			   e == 'R' || e == 'N' || e == 'X') {
			bs_range(b, 0, 255);
		} else if (e == 'p' || e == 'P') {
			if (peek(f, 0) == '{') {
				while (f->i < f->n && f->s[f->i] != '}')
					f->i++;
			}
			f->i++;
			bs_range(b, 0, 255);
		} else if ((cp = escape_char(f, e)) >= 0) {
			cp_closure(b, (uint32_t)cp, *is_ci);
		} else if (e == 'g' || e == 'k' || (e >= '1' && e <= '9')) {
			/* a backreference: the text of a group, any or none */
			skip_backref(f, e);
			f->nconds++;
			ps_one(f, &out, 0, 0);
			struct norm_pstr any = eps(F_TRUNC, 0);
			bs_range(b, 0, 255);
			any.sym[0] = intern(f, b);
			any.len = 1;
			ps_push(f, &out, &any);
			return out;
		} else {
			f->is_bad = true; /* \K, \Q ... */
			return out;
		}
	} else if (c == '.') {
		f->i++;
		bs_range(b, 0, 255);
	} else if (c == '^' || c == '$') {
		f->i++;
		f->nconds++;
		ps_one(f, &out, 0, 0);
		return out;
	} else {
		size_t k = utf8_len(c);
		if (f->i + k > f->n) {
			f->is_bad = true;
			return out;
		}
		cp_closure(b, decode(f->s + f->i, k), *is_ci);
		f->i += k;
	}
	if (bs_empty(b))
		return out; /* matches nothing */
	struct norm_pstr s = eps(0, 0);
	s.sym[0] = intern(f, b);
	s.len = 1;
	ps_push(f, &out, &s);
	return out;
}

/* One branch up to '|' or ')': the concatenation of its atoms. */
static struct pset parse_seq(struct fa *f, bool *is_ci)
{
	struct pset acc = {0};
	ps_one(f, &acc, 0, 0);
	while (f->i < f->n && !f->is_bad) {
		unsigned c = f->s[f->i];
		if (c == '|' || c == ')')
			break;
		struct pset a = parse_atom(f, is_ci);
		long min, max;
		if (!f->is_bad && parse_quant(f, &min, &max))
			a = repeat(f, &a, min, max);
		struct pset nx = concat(f, &acc, &a);
		ps_free(&a);
		ps_free(&acc);
		acc = nx;
	}
	return acc;
}

static struct pset parse_alt(struct fa *f, bool *is_ci)
{
	struct pset out = {0};
	bool ci = *is_ci;
	for (;;) {
		struct pset b = parse_seq(f, &ci);
		ps_union(f, &out, &b);
		if (f->is_bad || peek(f, 0) != '|')
			break;
		f->i++;
	}
	ps_norm(f, &out);
	return out;
}

void norm_first_analyze(const char *rx, size_t len, bool is_caseless,
			struct norm_first_memo **memo, struct fc_arena *a,
			struct norm_first *out)
{
	memset(out, 0, sizeof(*out));
	if (!*memo)
		*memo = calloc(1, sizeof(**memo));
	struct fa f = {.s = (const unsigned char *)rx, .n = len,
		       .memo = *memo};
	f.sets = calloc(NSETS, sizeof(*f.sets));
	if (!f.sets)
		return;
	f.nsets = 1;
	bool ci = is_caseless;
	struct pset p = parse_alt(&f, &ci);
	bool ok = !f.is_bad && f.i == f.n && p.n;
	for (size_t i = 0; ok && i < p.n; i++) {
		struct norm_pstr *s = &p.v[i];
		if (s->len == 0) {
			ok = false; /* it can match the empty string */
			break;
		}
		if (!(s->flags & F_TRUNC) && (s->flags & F_B)) {
			/* \b at the end: the next byte is of the other kind */
			bset w, x = {0};
			bs_word(w);
			const uint64_t *last = f.sets[s->sym[s->len - 1]];
			if (bs_subset(last, w))
				memcpy(x, w, sizeof(x));
			else if (bs_disjoint(last, w))
				for (unsigned c = 0; c < 128; c++)
					if (!bs_has(w, c))
						bs_set(x, c);
			if (s->x)
				for (int k = 0; k < 4; k++)
					x[k] |= f.sets[s->x][k];
			s->x = ascii_part(&f, x);
		}
		s->flags &= (uint8_t)(F_TRUNC | F_WS);
		if (s->flags & F_TRUNC)
			s->x = 0;
	}
	ok = ok && !f.is_bad;
	if (ok) {
		out->sets = fc_arena_alloc(a, f.nsets * sizeof(*out->sets));
		out->strs = fc_arena_alloc(a, p.n * sizeof(*out->strs));
		ok = out->sets && out->strs;
	}
	if (ok) {
		memcpy(out->sets, f.sets, f.nsets * sizeof(*out->sets));
		out->nsets = f.nsets;
		memcpy(out->strs, p.v, p.n * sizeof(*out->strs));
		out->nstrs = p.n;
		out->is_ok = true;
	} else {
		memset(out, 0, sizeof(*out));
	}
	ps_free(&p);
	free(f.sets);
	free(f.hash);
}
