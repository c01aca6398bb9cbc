/*
** norm_trie_near.c: anchor groups, anchor_within and anchor_next, the
** filter the walk (norm_walk.c) applies after it has read a stretch.
**
** A pattern's `anchor:` may be groups of words (`[[hedge], [hedge]]`):
** the pattern runs on a stretch only when the stretch has a word of
** every group, each group a word of its own; and `anchor_within: N`
** tries it only at the starts that have such words at most N bytes after
** them ("more than 10 and less than 40" needs two hedges); and
** `anchor_next` only at the starts whose anchor is the next word ("one
** in three" has its "in" right after the first number, where a window
** keeps every number a few words before an "in"). Most starts of such
** patterns are words and numbers with no anchor near, and an anchored
** try that fails costs a thousand instructions or more: the JIT code of
** such a pattern is large and seldom in the cache.
**
** The groups after the first have trigger bits of their own, after the
** patterns' (fc_norm.nvbits). The walk keeps a hit where a word, symbol
** or run of digits triggers a bit of fc_norm.pos_set: its position and
** where its trigger bits are (no copy: most hits are words whose bits
** the walk's DFA interned). After the walk, the hits are sorted into
** one list of positions for each group bit of the patterns that have
** starts queued, and each start is checked against the lists of its
** pattern's groups: a pointer a list, moving up with the starts, and for
** the groups' first few words within the window a search for a word of
** its own for each group (with k groups, an assignment exists if one
** exists among each group's first k words). Linear in the hits and the
** starts.
**
** A word the walk cannot see, one with U+212A (read as k by a caseless
** match) or U+017F (s), is a wild hit (norm_near_wild): a word of every
** group. So the filter never drops a start where a match could have its
** anchors.
**
** It pays many times over: it costs some 165 M of norm8 (norm_near_starts
** with the sort of the hits 111 M, window_keep 54 M); when it keeps
** every start, norm8 costs 4,217.8 M instead of 3,735.6 M and norm2
** 1,400.8 M instead of 1,218.1 M, norm2's output the same
** (callgrind, one thread, warm rules cache, 2026-11-23).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_trie_p.h"

static bool grow(struct norm_near *nn, void **v, size_t elem, size_t *cap,
		 size_t need)
{
	return norm_grow(v, elem, cap, need, &nn->is_oom);
}

/* ---- Compile: the bits -------------------------------------------------- */

/* Have groups a and b of p the same anchors? */
static bool same_group(const struct norm_pattern *p, unsigned a, unsigned b)
{
	for (int pass = 0; pass < 2; pass++) {
		unsigned x = pass ? b : a, y = pass ? a : b;
		for (size_t i = 0; i < p->nanchors; i++) {
			if (p->anchor_group[i] != x)
				continue;
			size_t j = 0;
			while (j < p->nanchors &&
			       (p->anchor_group[j] != y ||
				strcmp(p->anchors[i], p->anchors[j])))
				j++;
			if (j == p->nanchors)
				return false;
		}
	}
	return true;
}

void norm_near_plan(struct fc_norm *n)
{
	/* the bits of the groups after the first come after the patterns'
	** (a group the same as an earlier one shares its bit: a bit more
	** than 64 a word makes every bitset of the walk a word longer) */
	n->nvbits = 0;
	for (size_t i = 0; i < n->npatterns; i++) {
		struct norm_pattern *p = &n->patterns[i];
		p->vbit = n->npatterns + n->nvbits;
		unsigned nslots = 1;
		p->gslot[0] = 0;
		for (unsigned g = 1; g < p->ngroups; g++) {
			unsigned k = 0;
			while (k < g && !same_group(p, k, g))
				k++;
			p->gslot[g] = (uint8_t)(k < g ? p->gslot[k] : nslots++);
		}
		n->nvbits += nslots - 1;
	}
}

/* Does the walk filter p's starts (groups, a window or anchor_next)? */
static bool is_filtered(const struct norm_pattern *p)
{
	return p->nanchors &&
	       (p->ngroups > 1 || p->within >= 0 || p->is_next);
}

fc_status norm_near_finish(struct fc_norm *n, struct fc_arena *a)
{
	size_t nw = n->nwords;
	n->nnear = 0;
	for (size_t i = 0; i < n->npatterns; i++)
		n->nnear += is_filtered(&n->patterns[i]);
	n->near = fc_arena_alloc(a, (n->nnear + 1) * sizeof(*n->near));
	n->pos_set = fc_arena_alloc(a, nw * sizeof(uint64_t));
	n->near_set = fc_arena_alloc(a, nw * sizeof(uint64_t));
	n->group_set = fc_arena_alloc(a, nw * sizeof(uint64_t));
	n->trig_pos = fc_arena_alloc(a, n->nbitsets + 1);
	if (!n->near || !n->pos_set || !n->near_set || !n->group_set ||
	    !n->trig_pos)
		return FC_ENOMEM;
	memset(n->pos_set, 0, nw * sizeof(uint64_t));
	memset(n->near_set, 0, nw * sizeof(uint64_t));
	memset(n->group_set, 0, nw * sizeof(uint64_t));
	n->nnear = 0;
	for (size_t i = 0; i < n->npatterns; i++) {
		struct norm_pattern *p = &n->patterns[i];
		p->digit_groups = 0;
		if (!is_filtered(p))
			continue;
		n->near[n->nnear++] = (uint32_t)i;
		n->near_set[i / 64] |= 1ull << (i % 64);
		if (p->ngroups > 1)
			n->group_set[i / 64] |= 1ull << (i % 64);
		for (unsigned g = 0; g < p->ngroups; g++) {
			size_t bit = norm_group_bit(p, i, g);
			p->gword[g] = (uint32_t)(bit / 64);
			p->gbit[g] = 1ull << (bit % 64);
			n->pos_set[bit / 64] |= p->gbit[g];
			/* "digit", or a table word that starts with one */
			if (n->digit_set[bit / 64] & p->gbit[g])
				p->digit_groups |= (uint8_t)(1u << g);
		}
	}
	/* the triggers the walk keeps the hits of */
	for (size_t b = 0; b < n->nbitsets; b++)
		n->trig_pos[b] = sets_meet(n->bitsets + b * nw, n->pos_set, nw);
	for (unsigned c = 0; c < 256; c++)
		n->sym_pos[c] = n->sym_set[c] &&
				sets_meet(n->sym_set[c], n->pos_set, nw);
	n->is_digit_pos = sets_meet(n->digit_set, n->pos_set, nw);
	return FC_OK;
}

/* ---- The walk's hits ---------------------------------------------------- */

void norm_near_init(struct norm_near *nn, const struct fc_norm *n)
{
	memset(nn, 0, sizeof(*nn));
	nn->n = n;
	nn->nw = n->nwords;
	nn->ones = malloc(nn->nw * sizeof(*nn->ones));
	nn->want = calloc(nn->nw, sizeof(*nn->want));
	nn->ws = calloc(nn->nw, sizeof(*nn->ws));
	nn->lhead = calloc(nn->nw * 64, sizeof(*nn->lhead));
	nn->ltail = calloc(nn->nw * 64, sizeof(*nn->ltail));
	if (nn->ones)
		memset(nn->ones, 0xFF, nn->nw * sizeof(*nn->ones));
	nn->is_oom = !nn->ones || !nn->want || !nn->ws || !nn->lhead ||
		     !nn->ltail;
}

void norm_near_free(struct norm_near *nn)
{
	free(nn->hpos);
	free(nn->href);
	free(nn->saved);
	free(nn->ones);
	free(nn->want);
	free(nn->ws);
	free(nn->lhead);
	free(nn->ltail);
	free(nn->lpos);
	free(nn->orig);
	free(nn->lnext);
	memset(nn, 0, sizeof(*nn));
}

void norm_near_reset(struct norm_near *nn)
{
	nn->nhit = nn->nsaved = 0;
	nn->is_wild = nn->is_full = false;
}

bool norm_near_grow(struct norm_near *nn)
{
	size_t cap = nn->caphit;
	if (!grow(nn, (void **)&nn->hpos, sizeof(*nn->hpos), &cap,
		  nn->nhit + 1))
		return false;
	cap = nn->caphit;
	if (!grow(nn, (void **)&nn->href, sizeof(*nn->href), &cap,
		  nn->nhit + 1))
		return false;
	nn->caphit = cap;
	return true;
}

void norm_near_wild(struct norm_near *nn, uint32_t p)
{
	norm_near_hit(nn, p, NEAR_WILD);
	nn->is_wild = true;
}

/* The trigger bits of hit r. */
static inline const uint64_t *hit_bits(const struct norm_near *nn, size_t r)
{
	uint32_t ref = nn->href[r], i = ref & ~NEAR_KIND;
	switch (ref & NEAR_KIND) {
	case NEAR_DFA: return nn->dfa + ((size_t)i * 2 + 1) * nn->nw;
	case NEAR_TRIG: return nn->n->bitsets + (size_t)i * nn->nw;
	case NEAR_SYM: return nn->n->sym_set[i];
	case NEAR_DIGIT: return nn->n->digit_set;
	case NEAR_SAVED: return nn->saved + (size_t)i * nn->nw;
	default: return nn->ones;
	}
}

void norm_near_save(struct norm_near *nn, const uint64_t *dfa)
{
	nn->dfa = dfa;
	for (size_t r = 0; r < nn->nhit; r++) {
		if ((nn->href[r] & NEAR_KIND) != NEAR_DFA)
			continue;
		if (nn->nsaved >= ~NEAR_KIND) {
			nn->is_full = true; /* no index for more */
			return;
		}
		if (!grow(nn, (void **)&nn->saved, nn->nw * sizeof(*nn->saved),
			  &nn->capsaved, nn->nsaved + 1))
			return;
		memcpy(nn->saved + nn->nsaved * nn->nw, hit_bits(nn, r),
		       nn->nw * sizeof(*nn->saved));
		nn->href[r] = NEAR_SAVED | (uint32_t)nn->nsaved++;
	}
}

void norm_near_groups(struct norm_near *nn, uint64_t *active)
{
	const struct fc_norm *n = nn->n;
	if (nn->is_wild)
		return; /* a wild word may be any of them */
	for (size_t w = 0; w < nn->nw; w++) {
		uint64_t m = active[w] & n->group_set[w];
		for (; m; m &= m - 1) {
			size_t pi = w * 64 + (size_t)__builtin_ctzll(m);
			const struct norm_pattern *p = &n->patterns[pi];
			for (unsigned g = 1; g < p->ngroups; g++)
				if (!(active[p->gword[g]] & p->gbit[g])) {
					active[w] &= ~(1ull << (pi % 64));
					break;
				}
		}
	}
}

/*
** The hits of every bit in nn->want, one list a bit (from lhead[b] on
** through lnext, in position order; 0 ends a list): one pass over the
** hits, over the words of want that have bits.
*/
static void sort_hits(struct norm_near *nn)
{
	uint32_t *ws = nn->ws;
	size_t nws = 0;
	for (size_t w = 0; w < nn->nw; w++)
		if (nn->want[w]) {
			ws[nws++] = (uint32_t)w;
			for (uint64_t m = nn->want[w]; m; m &= m - 1) {
				size_t b = w * 64 + (size_t)__builtin_ctzll(m);
				nn->lhead[b] = nn->ltail[b] = 0;
			}
		}
	/* locals: the build does not assume strict aliasing, and each
	** store would reload the fields */
	uint32_t *lpos = nn->lpos, *lnext = nn->lnext;
	uint32_t *lhead = nn->lhead, *ltail = nn->ltail;
	const uint64_t *want = nn->want;
	const uint32_t *hpos = nn->hpos;
	size_t cap = nn->caplpos < nn->caplnext ? nn->caplpos : nn->caplnext;
	size_t ne = 1, nhit = nn->nhit;
	for (size_t r = 0; r < nhit; r++) {
		const uint64_t *h = hit_bits(nn, r);
		for (size_t k = 0; k < nws; k++) {
			uint32_t w = ws[k];
			for (uint64_t m = h[w] & want[w]; m; m &= m - 1) {
				size_t b = w * 64 + (size_t)__builtin_ctzll(m);
				if (ne >= UINT32_MAX - 1) {
					nn->is_full = true;
					return;
				}
				if (ne >= cap) {
					if (!grow(nn, (void **)&nn->lpos,
						  sizeof(*nn->lpos),
						  &nn->caplpos, ne + 1) ||
					    !grow(nn, (void **)&nn->lnext,
						  sizeof(*nn->lnext),
						  &nn->caplnext, ne + 1))
						return;
					lpos = nn->lpos;
					lnext = nn->lnext;
					cap = nn->caplpos < nn->caplnext
						      ? nn->caplpos
						      : nn->caplnext;
				}
				lpos[ne] = hpos[r];
				lnext[ne] = 0;
				if (ltail[b])
					lnext[ltail[b]] = (uint32_t)ne;
				else
					lhead[b] = (uint32_t)ne;
				ltail[b] = (uint32_t)ne++;
			}
		}
	}
}

/* The candidates of one group at one start: up to NORM_ANCHOR_GROUPS
** positions (a group needs at most as many as there are groups). */
struct cands {
	uint32_t v[NORM_ANCHOR_GROUPS];
	unsigned n;
};

/* Can groups g.. each take a candidate no other group took (used[])? */
static bool assign(const struct cands *c, unsigned ng, unsigned g,
		   uint32_t *used)
{
	if (g == ng)
		return true;
	for (unsigned i = 0; i < c[g].n; i++) {
		bool is_free = true;
		for (unsigned k = 0; k < g && is_free; k++)
			is_free = used[k] != c[g].v[i];
		if (!is_free)
			continue;
		used[g] = c[g].v[i];
		if (assign(c, ng, g + 1, used))
			return true;
	}
	return false;
}

/*
** A start at most CHAIN_GAP bytes before a kept start is kept too, and
** so on leftwards. A match from it may run through the kept one: in "two
** hundred and twenty-five thousand three hundred percent" only the last
** number words are within the window of "percent", and without the
** first ones the match from "hundred" would read 125,300. The starts of
** one phrase of number words are at most a word and a space apart.
*/
#define CHAIN_GAP 16

/* q: the kept starts of orig[0, norig) (both ascending); add the ones
** CHAIN_GAP before a kept one, in order, in place. */
static void keep_chains(struct norm_startq *q, const uint32_t *orig,
			size_t norig)
{
	size_t k = q->n, o = norig;
	uint32_t next = 0;
	bool has_next = false;
	for (size_t j = norig; j-- > 0;) {
		uint32_t a = orig[j];
		if (k > 0 && q->v[k - 1] == a)
			k--; /* kept by the window */
		else if (!has_next || next - a > CHAIN_GAP)
			continue;
		/* o - 1 >= j >= k: never over a kept start not yet read */
		q->v[--o] = a;
		next = a;
		has_next = true;
	}
	memmove(q->v, q->v + o, (norig - o) * sizeof(*q->v));
	q->n = norig - o;
}

/*
** The starts q of pattern p kept where each group has a word of its own
** within p->within bytes after the start (p->within < 0: anywhere in the
** stretch); false when none is left. s: the stretch's start.
*/
static bool window_keep(struct norm_near *nn, const unsigned char *x,
			uint32_t s, const struct norm_pattern *p,
			struct norm_startq *q)
{
	unsigned ng = p->ngroups;
	uint32_t e[NORM_ANCHOR_GROUPS]; /* each group's first hit not before
					** the start */
	for (unsigned g = 0; g < ng; g++)
		e[g] = nn->lhead[(size_t)p->gword[g] * 64 +
				 (size_t)__builtin_ctzll(p->gbit[g])];
	const uint32_t *lpos = nn->lpos, *lnext = nn->lnext;
	bool is_near = p->within >= 0;
	size_t o = 0;
	if (ng == 1 && !p->digit_groups && is_near) {
		/* the common case: the next hit, near enough or not */
		uint32_t h = e[0];
		for (size_t j = 0; j < q->n; j++) {
			uint32_t at = q->v[j];
			while (h && lpos[h] < at)
				h = lnext[h];
			if (!h)
				break;
			if (lpos[h] - at <= (uint32_t)p->within)
				q->v[o++] = at;
		}
		q->n = o;
		return o > 0;
	}
	for (size_t j = 0; j < q->n; j++) {
		uint32_t at = q->v[j];
		uint64_t end = is_near ? (uint64_t)at + (uint32_t)p->within
				       : UINT64_MAX;
		/* a start inside a run of digits has a digit there (the
		** run's hit is before it) */
		uint8_t mid = is_near && p->digit_groups && at > s &&
					      is_digit(x[at]) &&
					      is_digit(x[at - 1])
				      ? p->digit_groups
				      : 0;
		uint32_t first[NORM_ANCHOR_GROUPS];
		bool is_ok = true;
		for (unsigned g = 0; g < ng && is_ok; g++) {
			while (is_near && e[g] && lpos[e[g]] < at)
				e[g] = lnext[e[g]];
			if (mid >> g & 1)
				first[g] = at;
			else if (e[g] && lpos[e[g]] <= end)
				first[g] = lpos[e[g]];
			else
				is_ok = false;
		}
		/* the groups' first words: all different, or a search */
		bool is_same = false;
		for (unsigned g = 1; g < ng && is_ok; g++)
			for (unsigned k = 0; k < g; k++)
				is_same |= first[g] == first[k];
		if (is_ok && is_same) {
			struct cands c[NORM_ANCHOR_GROUPS];
			for (unsigned g = 0; g < ng; g++) {
				c[g].n = 0;
				if (mid >> g & 1)
					c[g].v[c[g].n++] = at;
				for (uint32_t v = e[g];
				     v && lpos[v] <= end && c[g].n < ng;
				     v = lnext[v])
					c[g].v[c[g].n++] = lpos[v];
			}
			uint32_t used[NORM_ANCHOR_GROUPS];
			is_ok = assign(c, ng, 0, used);
		}
		if (is_ok)
			q->v[o++] = at;
		else if (!is_near)
			break; /* the same for every start */
	}
	q->n = o;
	return o > 0;
}

/* A blank of a regex \s (ASCII: the patterns run without UCP). */
static inline bool is_blank(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
** The starts q of pattern p (one group, anchor_next) kept where the
** group's next hit is in the start's run of non-blanks or begins the
** word after it and its blanks, and within p->within bytes when that
** is set. Only the bytes before the hit are read: the hit is in the
** stretch. A start inside a run of digits is kept for a digit group
** (the run's hit is before it).
*/
static void next_keep(struct norm_near *nn, const unsigned char *x,
		      uint32_t s, const struct norm_pattern *p,
		      struct norm_startq *q)
{
	const uint32_t *lpos = nn->lpos, *lnext = nn->lnext;
	uint32_t h = nn->lhead[(size_t)p->gword[0] * 64 +
			       (size_t)__builtin_ctzll(p->gbit[0])];
	uint32_t far = p->within >= 0 ? (uint32_t)p->within : UINT32_MAX;
	size_t o = 0;
	for (size_t j = 0; j < q->n; j++) {
		uint32_t at = q->v[j];
		if (p->digit_groups && at > s && is_digit(x[at]) &&
		    is_digit(x[at - 1])) {
			q->v[o++] = at;
			continue;
		}
		while (h && lpos[h] < at)
			h = lnext[h];
		if (!h)
			break;
		uint32_t y = lpos[h], i = at;
		if (y - at > far)
			continue;
		while (i < y && !is_blank(x[i]))
			i++;
		while (i < y && is_blank(x[i]))
			i++;
		if (i == y)
			q->v[o++] = at;
	}
	q->n = o;
}

/* window_keep or next_keep, and with a window or anchor_next the starts
** chained to the kept ones. */
static bool near_keep(struct norm_near *nn, const unsigned char *x,
		      uint32_t s, const struct norm_pattern *p,
		      struct norm_startq *q)
{
	/* a word the walk cannot read may be the anchor anywhere in it */
	bool is_next = p->is_next && !nn->is_wild;
	if (p->within < 0 && !is_next)
		return window_keep(nn, x, s, p, q);
	size_t norig = q->n;
	if (!grow(nn, (void **)&nn->orig, sizeof(*nn->orig), &nn->caporig,
		  norig))
		return true; /* keep every start */
	memcpy(nn->orig, q->v, norig * sizeof(*q->v));
	if (is_next)
		next_keep(nn, x, s, p, q);
	else
		window_keep(nn, x, s, p, q);
	keep_chains(q, nn->orig, norig);
	return q->n > 0;
}

void norm_near_starts(struct norm_near *nn, const unsigned char *x,
		      uint32_t s, const uint64_t *dfa, struct norm_startq *qv,
		      uint64_t *queued)
{
	const struct fc_norm *n = nn->n;
	if (nn->is_oom)
		return; /* keep every start */
	nn->dfa = dfa;
	/* the lists the patterns with starts need */
	bool is_any = false;
	for (size_t w = 0; w < nn->nw; w++) {
		nn->want[w] = 0;
		is_any |= (queued[w] & n->near_set[w]) != 0;
	}
	if (!is_any)
		return;
	for (size_t w = 0; w < nn->nw; w++)
		for (uint64_t m = queued[w] & n->near_set[w]; m; m &= m - 1) {
			const struct norm_pattern *p =
				&n->patterns[w * 64 + (size_t)__builtin_ctzll(m)];
			for (unsigned g = 0; g < p->ngroups; g++)
				nn->want[p->gword[g]] |= p->gbit[g];
		}
	sort_hits(nn);
	if (nn->is_oom || nn->is_full)
		return; /* keep every start */
	for (size_t w = 0; w < nn->nw; w++)
		for (uint64_t m = queued[w] & n->near_set[w]; m; m &= m - 1) {
			size_t pi = w * 64 + (size_t)__builtin_ctzll(m);
			if (!near_keep(nn, x, s, &n->patterns[pi], &qv[pi]))
				queued[w] &= ~(1ull << (pi % 64));
		}
}
