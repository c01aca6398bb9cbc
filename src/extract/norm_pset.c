/*
** norm_pset.c: sets of start strings (norm_first.c): their buffers, and
** union, concatenation and bounded repetition. The results are kept
** small by norm_ps_norm (norm_pset_norm.c).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_first_p.h"

/* ---- Buffers ------------------------------------------------------------ */

bool norm_ps_grow(struct fa *f, struct pset *p)
{
	if (!p->v && f->nspare) {
		/* the buffer of a set freed before */
		f->nspare--;
		p->v = f->spare[f->nspare];
		p->cap = f->capspare[f->nspare];
		return true;
	}
	size_t cap = p->cap ? p->cap * 2 : 8;
	struct norm_pstr *v = realloc(p->v, cap * sizeof(*v));
	if (!v) {
		f->is_bad = true;
		return false;
	}
	p->v = v;
	p->cap = cap;
	return true;
}

void norm_ps_free(struct fa *f, struct pset *p)
{
	if (p->v && f->nspare < NSPARE) {
		f->spare[f->nspare] = p->v;
		f->capspare[f->nspare++] = p->cap;
	} else {
		free(p->v);
	}
	memset(p, 0, sizeof(*p));
}

void norm_ps_spares_free(struct fa *f)
{
	while (f->nspare)
		free(f->spare[--f->nspare]);
}

/* ---- Union, concatenation, repetition ----------------------------------- */

struct norm_pstr norm_ps_eps(uint8_t flags, uint8_t x)
{
	struct norm_pstr s;
	memset(&s, 0, sizeof(s));
	s.flags = flags;
	s.x = x;
	return s;
}

void norm_ps_one(struct fa *f, struct pset *p, uint8_t flags, uint8_t x)
{
	struct norm_pstr s = norm_ps_eps(flags, x);
	norm_ps_push(f, p, &s);
}

/* Union of sets a and b into a (b freed); normalised when large. */
void norm_ps_union(struct fa *f, struct pset *a, struct pset *b)
{
	if (!a->n) {
		/* b as it is, in its own buffer */
		struct pset t = *a;
		*a = *b;
		*b = t;
	}
	for (size_t i = 0; i < b->n; i++)
		norm_ps_push(f, a, &b->v[i]);
	norm_ps_free(f, b);
	if (a->n > 4 * SET_MAX)
		norm_ps_norm(f, a);
}

/* Is s narrow enough that longer strings would only multiply the set
** ("thou" for "thousand", "thousands", "thousand and ...")? */
static int str_weight(const struct fa *f, const struct norm_pstr *s)
{
	int w = 0;
	for (uint8_t k = 0; k < s->len; k++)
		w += f->weight[s->sym[k]];
	return w;
}

static bool enough(const struct fa *f, const struct norm_pstr *s)
{
	return str_weight(f, s) >= ENOUGH;
}

/* Append class b (a run of it when loop) to t, into out. A run whose
** first byte was narrowed cannot repeat the narrower class: it becomes
** that byte, and the string ends there. */
static inline void push_sym(struct fa *f, struct norm_pstr t,
			    const uint64_t *b, uint8_t y, bool loop,
			    struct pset *out)
{
	bool same = !memcmp(b, f->sets[y], sizeof(bset));
	t.sym[t.len] = same ? y : norm_fa_intern(f, b);
	if (loop && same)
		t.loop |= (uint16_t)(1u << t.len);
	t.len++;
	if (loop && !same) {
		t.flags = (uint8_t)((t.flags & F_KEEP) | F_TRUNC);
		t.x = 0;
	}
	norm_ps_push(f, out, &t);
}

/* s followed by class y (a run of it when loop): 0, 1 or 2 strings
** into out. */
static void append_sym(struct fa *f, const struct norm_pstr *s, int ws,
		       uint8_t y, bool loop, struct pset *out)
{
	if ((s->flags & F_TRUNC) || s->len >= NORM_PK || ws >= ENOUGH) {
		struct norm_pstr t = *s;
		t.flags |= F_TRUNC;
		t.x = 0;
		t.flags &= (uint8_t)~F_B;
		norm_ps_push(f, out, &t);
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
uint8_t norm_ps_ascii(struct fa *f, const uint64_t *x)
{
	bset b = {x[0], x[1], 0, 0};
	return bs_empty(b) ? 0 : norm_fa_intern(f, b);
}

static uint8_t union_id(struct fa *f, uint8_t a, uint8_t b)
{
	if (!a || !b)
		return a ? a : b;
	bset u;
	for (int k = 0; k < 4; k++)
		u[k] = f->sets[a][k] | f->sets[b][k];
	return norm_fa_intern(f, u);
}

/* a (of weight wa) followed by b, into out (hd: the heads of a, or
** NULL). a is open (norm_ps_concat cuts the others itself). */
static void join(struct fa *f, const struct norm_pstr *a, int wa,
		 const struct norm_pstr *b, struct pset *out, struct heads *hd)
{
	struct norm_pstr a2 = *a;
	/* the first symbol of b meets a's pending \b and lookahead: up to
	** two strings; the rest of b follows as it is */
	struct norm_pstr two[2];
	struct pset cur = {two, 0, 2};
	if (hd && b->len && !(b->flags & (F_BOS | F_WS))) {
		size_t k = (size_t)b->sym[0] * 2 + (b->loop & 1);
		if (hd->at[k] != hd->stamp) {
			struct pset c = {hd->v[k], 0, 2};
			append_sym(f, &a2, wa, b->sym[0], b->loop & 1, &c);
			hd->n[k] = (uint8_t)c.n;
			hd->at[k] = hd->stamp;
		}
		cur.v = hd->v[k];
		cur.n = hd->n[k];
		goto tail;
	}
	if (b->flags & F_BOS) {
		if (a2.len)
			return; /* the start of the subject after a byte */
		a2.flags |= F_BOS;
	}
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
			wa -= f->weight[a2.sym[a2.len - 1]];
			a2.sym[a2.len - 1] = norm_fa_intern(f, last);
			wa += f->weight[a2.sym[a2.len - 1]];
		}
	}
	if (b->len)
		append_sym(f, &a2, wa, b->sym[0], b->loop & 1, &cur);
	else
		two[cur.n++] = a2;
tail:
	for (size_t i = 0; i < cur.n; i++) {
		struct norm_pstr t = cur.v[i];
		int w = wa + (t.len > a2.len ? f->weight[t.sym[a2.len]] : 0);
		for (uint8_t k = 1; k < b->len && !(t.flags & F_TRUNC); k++) {
			if (t.len >= NORM_PK || w >= ENOUGH) {
				t.flags |= F_TRUNC;
				break;
			}
			w += f->weight[b->sym[k]];
			t.sym[t.len] = b->sym[k];
			t.loop |= (uint16_t)((b->loop >> k & 1u) << t.len);
			t.len++;
		}
		if (t.flags & F_TRUNC) {
			t.flags &= (uint8_t)~F_B;
			t.x = 0;
		} else if (b->flags & F_TRUNC) {
			t.flags = (uint8_t)((t.flags & F_KEEP) | F_TRUNC);
			t.x = 0;
		} else if (b->len == 0) {
			t.flags |= b->flags & F_B;
			t.x = union_id(f, t.x, b->x);
		} else {
			t.flags = (uint8_t)((t.flags & ~F_B) |
					     (b->flags & F_B));
			t.x = b->x;
		}
		norm_ps_push(f, out, &t);
	}
}

/* The heads of f, emptied for a new string a (NULL without memory). */
static struct heads *heads_for(struct fa *f)
{
	if (!f->heads) {
		if (!(f->heads = malloc(sizeof(*f->heads))))
			return NULL;
		memset(f->heads->at, 0, sizeof(f->heads->at));
		f->heads->stamp = 0;
	}
	if (++f->heads->stamp == 0) {
		memset(f->heads->at, 0, sizeof(f->heads->at));
		f->heads->stamp = 1;
	}
	return f->heads;
}

/* Cut the longest strings of p by one class; false when none is
** longer than one. */
static bool ps_cut(struct fa *f, struct pset *p)
{
	if (!norm_ps_cut_longest(p))
		return false;
	norm_ps_norm(f, p);
	return true;
}

static bool is_open(const struct fa *f, const struct norm_pstr *s)
{
	return !(s->flags & F_TRUNC) && s->len < NORM_PK && !enough(f, s);
}

/*
** If no string of p can grow, p is what any concatenation after it
** makes (each string cut, as join does): p becomes that, and true.
*/
bool norm_ps_close(struct fa *f, struct pset *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (is_open(f, &p->v[i]))
			return false;
	for (size_t i = 0; i < p->n; i++) {
		struct norm_pstr *t = &p->v[i];
		t->flags = (uint8_t)((t->flags & F_KEEP) | F_TRUNC);
		t->x = 0;
	}
	norm_ps_norm(f, p);
	return true;
}

static struct pset ps_copy(struct fa *f, const struct pset *p)
{
	struct pset c = {0};
	for (size_t i = 0; i < p->n; i++)
		norm_ps_push(f, &c, &p->v[i]);
	return c;
}

/* s cut to len classes, as norm_ps_norm cuts strings (s itself when
** not longer). */
static inline struct norm_pstr cut_to(const struct norm_pstr *s, uint8_t len)
{
	struct norm_pstr t = *s;
	if (t.len <= len)
		return t;
	memset(t.sym + len, 0, NORM_PK - len);
	t.loop &= (uint16_t)((1u << len) - 1);
	t.flags = (uint8_t)((t.flags & F_KEEP) | F_TRUNC);
	t.x = 0;
	t.len = len;
	return t;
}

/*
** bb's strings cut to r classes (1 <= r < NORM_PK), deduplicated (the
** first of each kept), made when first asked for: v[r], made when bit r
** of have is set.
*/
struct cuts {
	const struct pset *bb;
	struct pset v[NORM_PK];
	uint16_t have;
	uint8_t maxb; /* bb's longest string */
};

static const struct pset *cuts_at(struct fa *f, struct cuts *c, uint8_t r)
{
	if (r >= c->maxb)
		return c->bb; /* nothing to cut */
	if (!(c->have >> r & 1)) {
		for (size_t j = 0; j < c->bb->n; j++) {
			struct norm_pstr t = cut_to(&c->bb->v[j], r);
			norm_ps_push(f, &c->v[r], &t);
		}
		norm_ps_dedupe(f, &c->v[r]);
		c->have |= (uint16_t)(1u << r);
	}
	return &c->v[r];
}

static void cuts_init(struct cuts *c, const struct pset *bb)
{
	memset(c, 0, sizeof(*c));
	c->bb = bb;
	for (size_t j = 0; j < bb->n; j++)
		if (bb->v[j].len > c->maxb)
			c->maxb = bb->v[j].len;
}

static void cuts_free(struct fa *f, struct cuts *c)
{
	for (int r = 0; r < NORM_PK; r++)
		norm_ps_free(f, &c->v[r]);
}

/*
** The strings of a followed by those of b into out, not normalised: the
** strings of a that are not empty join bb (b shortened so that the
** nopen open ones make at most PRODUCT_MAX), the empty one joins b.
** With len > 0 (and c, bb's strings cut) every string made is cut to
** len classes, and a string s of a of length l joins bb cut to r =
** len - l classes (at least 1): what follows its r-th class is cut
** anyway, and the strings of bb that differ only after r classes make
** the same strings once cut.
*/
static void product(struct fa *f, const struct pset *a, const struct pset *b,
		    const struct pset *bb, size_t nopen, uint8_t len,
		    struct cuts *c, struct pset *out)
{
	for (size_t i = 0; i < a->n && !f->is_bad; i++) {
		const struct norm_pstr *s = &a->v[i];
		if ((s->flags & F_TRUNC) && !(s->flags & ~(F_KEEP | F_TRUNC)) &&
		    !s->x) {
			/* cut already (as strings are cut): what join would
			** make of it is itself */
			norm_ps_push(f, out, s);
			continue;
		}
		int w = str_weight(f, s);
		if ((s->flags & F_TRUNC) || s->len >= NORM_PK || w >= ENOUGH) {
			/* closed: cut, as join would */
			struct norm_pstr t = *s;
			t.flags = (uint8_t)((t.flags & F_KEEP) | F_TRUNC);
			t.x = 0;
			norm_ps_push(f, out, &t);
			continue;
		}
		const struct pset *with = s->len ? bb : b;
		if (s->len && nopen * with->n > PRODUCT_MAX) {
			/* still too many: what follows a is unknown */
			struct norm_pstr t = *s;
			t.flags = (uint8_t)((t.flags & F_KEEP) | F_TRUNC);
			t.x = 0;
			norm_ps_push(f, out, &t);
			continue;
		}
		if (len && s->len)
			with = cuts_at(f, c, s->len < len ? len - s->len : 1);
		struct heads *hd = with->n > 1 ? heads_for(f) : NULL;
		if (len && s->len > len) {
			/* what s makes, cut, is s cut: once if it makes any */
			size_t n0 = out->n;
			for (size_t j = 0; j < with->n && out->n == n0 &&
					   !f->is_bad; j++)
				join(f, s, w, &with->v[j], out, hd);
			if (out->n > n0) {
				out->v[n0] = cut_to(s, len);
				out->n = n0 + 1;
			}
			continue;
		}
		for (size_t j = 0; j < with->n && !f->is_bad; j++)
			join(f, s, w, &with->v[j], out, hd);
	}
	for (size_t i = 0; len && i < out->n; i++)
		out->v[i] = cut_to(&out->v[i], len);
}

/*
** A large product is shortened by norm_ps_norm, down from its longest
** strings, to the length where no more than SET_MAX remain. The passes
** down to any length L at which more than SET_MAX remain when every
** string is cut to L come to just that cut (each merge of the last
** classes before it is undone by the cut that follows), and the cut
** product can be made without the longer strings: from bb's strings cut
** to fewer classes (product). So the cut product is made for L = the
** length of most strings of a, L + 1, ... until one holds more than
** SET_MAX: it is a set the passes reach, and they go on from there.
** true and that set, deduplicated, in *out; false when none shorter than
** the whole product does (the caller then makes the whole). On the
** rules' patterns the analysis takes 15% fewer instructions, and their
** start strings are the same (test_norm_first_cut.c). They can differ
** when a pattern's classes run out (NSETS): the whole product interns
** the unions of merges the cut one skips, so the two reach the limit at
** different points and shorten differently there (seen on generated
** patterns with 255 classes; both sets still cover every match start).
*/
static bool product_cut(struct fa *f, const struct pset *a,
			const struct pset *b, const struct pset *bb,
			size_t nopen, struct cuts *c, struct pset *out)
{
	bool ok = false;
	uint8_t maxa = 0, mode = 0;
	size_t nl[NORM_PK + 1] = {0};
	for (size_t i = 0; i < a->n; i++) {
		nl[a->v[i].len]++;
		if (a->v[i].len > maxa)
			maxa = a->v[i].len;
	}
	for (uint8_t l = 1; l <= NORM_PK; l++)
		if (nl[l] > nl[mode])
			mode = l;
	/* the first length tried: that of most strings of a, where the
	** passes mostly end (fewer instructions on the rules than a's
	** longest less one, or than one more or one less) */
	uint8_t len = mode > 2 ? mode : 2;
	for (; len < NORM_PK && len < maxa + c->maxb && !ok && !f->is_bad;
	     len++) {
		product(f, a, b, bb, nopen, len, c, out);
		norm_ps_dedupe(f, out);
		ok = out->n > SET_MAX && !f->is_bad;
		if (!ok)
			norm_ps_free(f, out);
	}
	return ok;
}

/*
** a then b. The strings of a that are not empty join a shortened copy of
** b when the product would be large; the empty string (a was optional)
** joins b as it is, so "(?:[0-9]+\s*)?(?:one|two|...)" keeps the words.
*/
#define CUT_MIN (2 * SET_MAX) /* products cut by product_cut */

struct pset norm_ps_concat(struct fa *f, struct pset *a, struct pset *b)
{
	struct pset out = {0}, cut = {0};
	size_t nopen = 0;
	for (size_t i = 0; i < a->n; i++)
		nopen += is_open(f, &a->v[i]) && a->v[i].len;
	const struct pset *bb = b;
	if (nopen * b->n > PRODUCT_MAX) {
		cut = ps_copy(f, b);
		while (nopen * cut.n > PRODUCT_MAX && ps_cut(f, &cut))
			;
		bb = &cut;
	}
	if (nopen * bb->n >= CUT_MIN && !f->is_whole) {
		struct cuts c;
		cuts_init(&c, bb);
		bool ok = product_cut(f, a, b, bb, nopen, &c, &out);
		cuts_free(f, &c);
		if (ok) {
			norm_ps_free(f, &cut);
			norm_ps_shorten(f, &out);
			return out;
		}
	}
	product(f, a, b, bb, nopen, 0, NULL, &out);
	norm_ps_free(f, &cut);
	norm_ps_norm(f, &out);
	return out;
}

static void ps_trunc(struct pset *p)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].len == 0)
			continue; /* empty stays empty: matched nothing */
		p->v[i].flags = (uint8_t)((p->v[i].flags & F_KEEP) | F_TRUNC);
		p->v[i].x = 0;
	}
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
	p->v[0].sym[0] = norm_fa_intern(f, u);
	p->n = 1;
	return true;
}

/* p repeated min..max times (max < 0: unbounded); p is freed. */
struct pset norm_ps_repeat(struct fa *f, struct pset *p, long min, long max)
{
	struct pset out = {0};
	if (max == 0) {
		norm_ps_free(f, p);
		norm_ps_one(f, &out, 0, 0);
		return out;
	}
	if (min == 0)
		norm_ps_one(f, &out, 0, 0);
	long lo = min > 0 ? min : 1;
	if ((max < 0 || max > REP_MAX) && single_class(f, p)) {
		/* a run of one class: [0-9]+, \s*, x{2,} */
		struct pset run = {0};
		struct norm_pstr r = p->v[0];
		r.loop = 1;
		norm_ps_push(f, &run, &r);
		struct pset acc = {0};
		norm_ps_one(f, &acc, 0, 0);
		for (long k = 1; k < lo && k <= NORM_PK && !f->is_bad; k++) {
			struct pset nx = norm_ps_concat(f, &acc, p);
			norm_ps_free(f, &acc);
			acc = nx;
		}
		struct pset nx = norm_ps_concat(f, &acc, &run);
		norm_ps_free(f, &acc);
		norm_ps_free(f, &run);
		norm_ps_union(f, &out, &nx);
		norm_ps_free(f, p);
		return out;
	}
	struct pset acc = ps_copy(f, p);
	for (long k = 1; k < lo && k <= NORM_PK && !f->is_bad; k++) {
		struct pset nx = norm_ps_concat(f, &acc, p);
		norm_ps_free(f, &acc);
		acc = nx;
	}
	if (max > 0 && max <= REP_MAX) {
		struct pset all = ps_copy(f, &acc);
		for (long k = lo + 1; k <= max && !f->is_bad; k++) {
			struct pset nx = norm_ps_concat(f, &acc, p);
			norm_ps_free(f, &acc);
			acc = nx;
			struct pset c = ps_copy(f, &acc);
			norm_ps_union(f, &all, &c);
		}
		norm_ps_free(f, &acc);
		acc = all;
	} else if (max != lo && acc.n * p->n > PRODUCT_MAX / 4) {
		/* too many to spell out: more may follow */
		ps_trunc(&acc);
	} else if (max != lo) {
		/* lo and lo + 1 times, and at least lo + 2 */
		struct pset all = ps_copy(f, &acc);
		for (long k = 0; k < 2 && !f->is_bad; k++) {
			struct pset nx = norm_ps_concat(f, &acc, p);
			norm_ps_free(f, &acc);
			acc = nx;
			if (k == 1)
				ps_trunc(&acc);
			struct pset c = ps_copy(f, &acc);
			norm_ps_union(f, &all, &c);
		}
		norm_ps_free(f, &acc);
		acc = all;
	}
	norm_ps_union(f, &out, &acc);
	norm_ps_free(f, p);
	return out;
}
