/*
** norm_pset.c: sets of start strings (norm_first.c): union,
** concatenation and bounded repetition, kept small by merging strings
** that differ in one class and by cutting them short.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_first_p.h"

/* ---- String sets -------------------------------------------------------- */

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

_Static_assert(sizeof(struct norm_pstr) == 16, "hash_pstr reads 16 bytes");

static uint64_t hash_pstr(const struct norm_pstr *s)
{
	uint64_t a, b;
	memcpy(&a, s, 8);
	memcpy(&b, (const char *)s + 8, 8);
	return (a * 0x9E3779B97F4A7C15ull ^ b) * 0xFF51AFD7ED558CCDull;
}

/*
** The scratch hash, empty, for n strings: *cap slots (a power of two).
** A slot holds stamp << 32 | index + 1 and is free unless its stamp is
** the current one, so emptying it is one increment, not a clear of the
** whole table for every set.
*/
static uint64_t *scratch(struct fa *f, size_t n, size_t *cap)
{
	size_t c = 16;
	while (c < 2 * n)
		c *= 2;
	if (c > f->caphash) {
		free(f->hash);
		f->caphash = 0;
		if (!(f->hash = calloc(c, sizeof(*f->hash)))) {
			f->is_bad = true;
			return NULL;
		}
		f->caphash = c;
		f->stamp = 0;
	}
	if (++f->stamp == 0) {
		memset(f->hash, 0, f->caphash * sizeof(*f->hash));
		f->stamp = 1;
	}
	*cap = c;
	return f->hash;
}

static inline bool slot_used(const struct fa *f, uint64_t e)
{
	return (uint32_t)(e >> 32) == f->stamp;
}

static inline size_t slot_index(uint64_t e)
{
	return (size_t)(uint32_t)e - 1;
}

static inline uint64_t slot_make(const struct fa *f, size_t i)
{
	return (uint64_t)f->stamp << 32 | (uint32_t)(i + 1);
}

/* The slot of s in the scratch hash h (cap slots) of strings of p: the
** one that holds an equal string (*is_dup), or the free one to take. */
static inline size_t probe(const struct fa *f, const uint64_t *h,
			   size_t cap, const struct pset *p,
			   const struct norm_pstr *s, bool *is_dup)
{
	size_t k = hash_pstr(s) >> 40 & (cap - 1);
	for (; slot_used(f, h[k]); k = (k + 1) & (cap - 1))
		if (!memcmp(&p->v[slot_index(h[k])], s, sizeof(*s))) {
			*is_dup = true;
			return k;
		}
	*is_dup = false;
	return k;
}

/* Drop duplicates (keeping the first of each). */
static void ps_dedupe(struct fa *f, struct pset *p)
{
	if (p->n < 2)
		return;
	size_t cap;
	uint64_t *h = scratch(f, p->n, &cap);
	if (!h)
		return;
	size_t o = 0;
	for (size_t i = 0; i < p->n; i++) {
		bool dup;
		size_t k = probe(f, h, cap, p, &p->v[i], &dup);
		if (dup)
			continue;
		p->v[o] = p->v[i];
		h[k] = slot_make(f, o++);
	}
	p->n = o;
}

/*
** The longest strings that differ in their last class only become one,
** with the union of those classes (and nothing known after it). Returns
** 0 when that did not make the set smaller, 1 when it did (the longest
** strings then differ before their last class: merging again would not
** change them, and there are no duplicates), 2 when it did but some
** strings lost their last class instead (there may be duplicates).
*/
static int ps_merge_last(struct fa *f, struct pset *p)
{
	uint8_t max = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].len > max)
			max = p->v[i].len;
	if (max < 2)
		return 0;
	size_t n0 = p->n;
	bool is_cut = false;
	for (size_t i = 0; i < p->n; i++) {
		struct norm_pstr *s = &p->v[i];
		if (s->len < max)
			continue;
		s->flags = (uint8_t)((s->flags & F_KEEP) | F_TRUNC);
		s->x = 0;
	}
	/* group by everything but the last class: the first of a group
	** takes the union (made in acc, interned once) */
	size_t cap;
	bset *acc = malloc(p->n * sizeof(*acc));
	bool *is_merged = calloc(p->n, sizeof(*is_merged));
	uint64_t *h = acc && is_merged ? scratch(f, p->n, &cap) : NULL;
	if (!h) {
		free(acc);
		free(is_merged);
		f->is_bad = true;
		return 0;
	}
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
		for (; slot_used(f, h[k]); k = (k + 1) & (cap - 1)) {
			struct norm_pstr g = p->v[slot_index(h[k])];
			g.sym[max - 1] = 0;
			if (!memcmp(&g, &key, sizeof(g))) {
				into = slot_index(h[k]);
				break;
			}
		}
		if (into == SIZE_MAX) {
			memcpy(acc[o], f->sets[s.sym[max - 1]], sizeof(bset));
			p->v[o] = s;
			h[k] = slot_make(f, o++);
			continue;
		}
		for (int j = 0; j < 4; j++)
			acc[into][j] |= f->sets[s.sym[max - 1]][j];
		is_merged[into] = true;
	}
	/* the unions; with no room for more classes, the group loses its
	** last class instead */
	for (size_t i = 0; i < o; i++) {
		if (!is_merged[i])
			continue;
		struct norm_pstr *g = &p->v[i];
		if (f->nsets + 1 < NSETS) {
			g->sym[max - 1] = norm_fa_intern(f, acc[i]);
		} else {
			g->sym[--g->len] = 0;
			g->loop &= (uint16_t)~(1u << g->len);
			is_cut = true;
		}
	}
	free(acc);
	free(is_merged);
	p->n = o;
	return o == n0 ? 0 : is_cut ? 2 : 1;
}

/* ---- Shortening by length ----------------------------------------------- */

/*
** norm_ps_norm on a large set, pass by pass as norm_ps_norm_all makes them,
** but each pass reads only the strings it can change: merging the last
** class and cutting it touch the longest strings only, and a cut string
** can only equal another of the new longest length. So the strings are
** kept in lists by length (each in set order), dead ones are marked,
** and the set is compacted once at the end. Returns false when a merge
** had to drop classes (no room for more), after which any string may
** equal any other: norm_ps_norm_all takes over.
*/
struct by_len {
	uint32_t *ix[NORM_PK + 1]; /* indexes of the strings of a length */
	size_t n[NORM_PK + 1];
	bool *is_dead;
};

/* Merge the sorted index lists a and b into out. */
static void merge_ix(const uint32_t *a, size_t na, const uint32_t *b,
		     size_t nb, uint32_t *out)
{
	size_t i = 0, j = 0, o = 0;
	while (i < na && j < nb)
		out[o++] = a[i] < b[j] ? a[i++] : b[j++];
	while (i < na)
		out[o++] = a[i++];
	while (j < nb)
		out[o++] = b[j++];
}

/* Drop the later duplicates among the strings of length len. */
static size_t dedupe_len(struct fa *f, struct pset *p, struct by_len *bl,
			 uint8_t len)
{
	size_t cap, o = 0, ndead = 0;
	uint64_t *h = scratch(f, bl->n[len], &cap);
	if (!h)
		return 0;
	for (size_t i = 0; i < bl->n[len]; i++) {
		uint32_t x = bl->ix[len][i];
		bool dup;
		size_t k = probe(f, h, cap, p, &p->v[x], &dup);
		if (dup) {
			bl->is_dead[x] = true;
			ndead++;
			continue;
		}
		h[k] = slot_make(f, x);
		bl->ix[len][o++] = x;
	}
	bl->n[len] = o;
	return ndead;
}

/* ps_merge_last on the strings of length len (the longest): how many
** died; *is_drop when a group lost its last class instead. */
static size_t merge_len(struct fa *f, struct pset *p, struct by_len *bl,
			uint8_t len, bool *is_drop)
{
	size_t nl = bl->n[len], cap, o = 0;
	uint32_t *ix = bl->ix[len];
	bset *acc = malloc(nl * sizeof(*acc));
	bool *is_merged = calloc(nl, sizeof(*is_merged));
	uint64_t *h = acc && is_merged ? scratch(f, nl, &cap) : NULL;
	if (!h) {
		free(acc);
		free(is_merged);
		f->is_bad = true;
		return 0;
	}
	for (size_t i = 0; i < nl; i++) {
		/* cut: nothing known after it */
		struct norm_pstr *s = &p->v[ix[i]];
		s->flags = (uint8_t)((s->flags & F_KEEP) | F_TRUNC);
		s->x = 0;
		struct norm_pstr key = *s;
		uint8_t last = key.sym[len - 1];
		key.sym[len - 1] = 0;
		size_t k = hash_pstr(&key) >> 40 & (cap - 1);
		size_t into = SIZE_MAX;
		for (; slot_used(f, h[k]); k = (k + 1) & (cap - 1)) {
			size_t g = slot_index(h[k]);
			struct norm_pstr gs = p->v[ix[g]];
			gs.sym[len - 1] = 0;
			if (!memcmp(&gs, &key, sizeof(gs))) {
				into = g;
				break;
			}
		}
		if (into == SIZE_MAX) {
			ix[o] = ix[i];
			h[k] = slot_make(f, o++);
			continue;
		}
		if (!is_merged[into]) /* the union starts at its first */
			memcpy(acc[into],
			       f->sets[p->v[ix[into]].sym[len - 1]],
			       sizeof(bset));
		for (int j = 0; j < 4; j++)
			acc[into][j] |= f->sets[last][j];
		is_merged[into] = true;
		bl->is_dead[ix[i]] = true;
	}
	for (size_t i = 0; i < o; i++) {
		if (!is_merged[i])
			continue;
		struct norm_pstr *g = &p->v[ix[i]];
		if (f->nsets + 1 < NSETS) {
			g->sym[len - 1] = norm_fa_intern(f, acc[i]);
		} else {
			g->sym[--g->len] = 0;
			g->loop &= (uint16_t)~(1u << g->len);
			*is_drop = true;
		}
	}
	free(acc);
	free(is_merged);
	bl->n[len] = o;
	return nl - o;
}

/* Cut the strings of length len by one class: they join len - 1. */
static void cut_len(struct pset *p, struct by_len *bl, uint8_t len)
{
	for (size_t i = 0; i < bl->n[len]; i++) {
		struct norm_pstr *s = &p->v[bl->ix[len][i]];
		s->sym[--s->len] = 0;
		s->loop &= (uint16_t)~(1u << s->len);
		s->flags = (uint8_t)((s->flags & F_KEEP) | F_TRUNC);
		s->x = 0;
	}
	/* the two lists become one, in set order, in the room of both
	** (ix[len - 1] has room for every string: see ps_norm_len) */
	size_t na = bl->n[len - 1], nb = bl->n[len];
	uint32_t *tmp = bl->ix[len - 1] + na + nb;
	memcpy(tmp, bl->ix[len - 1], na * sizeof(*tmp));
	merge_ix(tmp, na, bl->ix[len], nb, bl->ix[len - 1]);
	bl->n[len - 1] = na + nb;
	bl->n[len] = 0;
}

/* p without its dead strings, in order. */
static void compact(struct pset *p, const struct by_len *bl)
{
	size_t o = 0;
	for (size_t i = 0; i < p->n; i++)
		if (!bl->is_dead[i])
			p->v[o++] = p->v[i];
	p->n = o;
}

/* norm_ps_norm after its first dedupe, p larger than SET_MAX. */
static bool ps_norm_len(struct fa *f, struct pset *p)
{
	struct by_len bl = {0};
	size_t n = p->n;
	bool ok = true, is_drop = false;
	/* each list has room for all strings twice (cut_len merges) */
	uint32_t *room = malloc((NORM_PK + 1) * 2 * n * sizeof(*room));
	bl.is_dead = calloc(n, sizeof(*bl.is_dead));
	if (!room || !bl.is_dead) {
		free(room);
		free(bl.is_dead);
		f->is_bad = true;
		return true;
	}
	uint8_t len = 0;
	for (int k = 0; k <= NORM_PK; k++)
		bl.ix[k] = room + (size_t)k * 2 * n;
	for (size_t i = 0; i < n; i++) {
		uint8_t l = p->v[i].len;
		bl.ix[l][bl.n[l]++] = (uint32_t)i;
		if (l > len)
			len = l;
	}
	size_t alive = n;
	while (!f->is_bad) {
		if (len < 2) {
			f->is_bad = true;
			break;
		}
		alive -= merge_len(f, p, &bl, len, &is_drop);
		if (is_drop) {
			ok = false; /* norm_ps_norm_all dedupes all next */
			break;
		}
		if (alive <= SET_MAX)
			break;
		cut_len(p, &bl, len);
		len--;
		alive -= dedupe_len(f, p, &bl, len);
		if (alive <= SET_MAX)
			break;
	}
	compact(p, &bl);
	free(room);
	free(bl.is_dead);
	return ok;
}

/* Drop duplicates, and shorten the longest strings while there are
** too many. */
void norm_ps_norm(struct fa *f, struct pset *p)
{
	ps_dedupe(f, p);
	if (p->n > SET_MAX && !ps_norm_len(f, p))
		norm_ps_norm_all(f, p);
}

/* norm_ps_norm, every pass over the whole set. */
void norm_ps_norm_all(struct fa *f, struct pset *p)
{
	for (;;) {
		ps_dedupe(f, p);
		if (p->n <= SET_MAX)
			return;
		int m = ps_merge_last(f, p);
		if (m == 2)
			continue;
		if (m == 1 && p->n <= SET_MAX)
			return;
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
			s->flags = (uint8_t)((s->flags & F_KEEP) | F_TRUNC);
			s->x = 0;
		}
	}
}

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
		s->flags = (uint8_t)((s->flags & F_KEEP) | F_TRUNC);
		s->x = 0;
	}
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

/*
** a then b. The strings of a that are not empty join a shortened copy of
** b when the product would be large; the empty string (a was optional)
** joins b as it is, so "(?:[0-9]+\s*)?(?:one|two|...)" keeps the words.
*/
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
	for (size_t i = 0; i < a->n && !f->is_bad; i++) {
		const struct norm_pstr *s = &a->v[i];
		if ((s->flags & F_TRUNC) && !(s->flags & ~(F_KEEP | F_TRUNC)) &&
		    !s->x) {
			/* cut already (as strings are cut): what join would
			** make of it is itself */
			norm_ps_push(f, &out, s);
			continue;
		}
		int w = str_weight(f, s);
		if ((s->flags & F_TRUNC) || s->len >= NORM_PK || w >= ENOUGH) {
			/* closed: cut, as join would */
			struct norm_pstr t = *s;
			t.flags = (uint8_t)((t.flags & F_KEEP) | F_TRUNC);
			t.x = 0;
			norm_ps_push(f, &out, &t);
			continue;
		}
		const struct pset *with = s->len ? bb : b;
		if (s->len && nopen * with->n > PRODUCT_MAX) {
			/* still too many: what follows a is unknown */
			struct norm_pstr t = *s;
			t.flags = (uint8_t)((t.flags & F_KEEP) | F_TRUNC);
			t.x = 0;
			norm_ps_push(f, &out, &t);
			continue;
		}
		struct heads *hd = with->n > 1 ? heads_for(f) : NULL;
		for (size_t j = 0; j < with->n && !f->is_bad; j++)
			join(f, s, w, &with->v[j], &out, hd);
	}
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
