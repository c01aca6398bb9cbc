/*
** norm_pset_norm.c: keeping a set of start strings small (norm_ps_norm):
** duplicates dropped, the longest strings that differ in their last class
** merged into one with the union of those classes, and, while there are
** still more than SET_MAX, the longest cut by one class. A large set is
** done pass by pass on lists by length (ps_norm_len), reading only the
** strings a pass can change. One scratch hash (struct fa) serves them all.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_first_p.h"

/* ---- Duplicates and merges ---------------------------------------------- */

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
void norm_ps_dedupe(struct fa *f, struct pset *p)
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
	norm_ps_dedupe(f, p);
	norm_ps_shorten(f, p);
}

void norm_ps_shorten(struct fa *f, struct pset *p)
{
	if (p->n > SET_MAX && !ps_norm_len(f, p))
		norm_ps_norm_all(f, p);
}

/* norm_ps_norm, every pass over the whole set. */
void norm_ps_norm_all(struct fa *f, struct pset *p)
{
	for (;;) {
		norm_ps_dedupe(f, p);
		if (p->n <= SET_MAX)
			return;
		int m = ps_merge_last(f, p);
		if (m == 2)
			continue;
		if (m == 1 && p->n <= SET_MAX)
			return;
		if (!norm_ps_cut_longest(p)) {
			f->is_bad = true;
			return;
		}
	}
}

bool norm_ps_cut_longest(struct pset *p)
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
	return true;
}
