/*
** norm_trie_near.c: anchor groups and anchor_within, the filter the walk
** (norm_walk.c) applies after it has read a stretch.
**
** A pattern's `anchor:` may be groups of words (`[[hedge], [hedge]]`):
** the pattern runs on a stretch only when the stretch has a word of
** every group, each group a word of its own; and `anchor_within: N`
** tries it only at the starts that have such words at most N bytes after
** them ("more than 10 and less than 40" needs two hedges; "one in three"
** has its "in" right after the first number). Most starts of such
** patterns are words and numbers with no anchor near, and an anchored
** try that fails costs a thousand instructions or more: the JIT code of
** such a pattern is large and seldom in the cache.
**
** The groups after the first have trigger bits of their own, after the
** patterns' (fc_norm.nvbits). The walk keeps a hit where a word or
** symbol triggers a bit of fc_norm.pos_set: its position and a copy of
** its trigger bits. The filter reads the hits of one pattern's groups
** near its starts (and the runs of digits there, for a group with
** "digit"), and slides a window over them as the starts go up: linear
** in the hits and starts. Hall's condition on at most
** NORM_ANCHOR_GROUPS groups says whether every group can have a word of
** its own.
**
** A word the walk cannot see, one with U+212A (read as k by a caseless
** match) or U+017F (s), is a wild hit (norm_near_wild): a word of every
** group. So the filter never drops a start where a match could have its
** anchors.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_trie_p.h"

static bool grow(struct norm_near *nn, void **v, size_t elem, size_t *cap,
		 size_t need)
{
	if (need <= *cap)
		return true;
	size_t nc = *cap ? *cap * 2 : 64;
	while (nc < need)
		nc *= 2;
	void *g = realloc(*v, nc * elem);
	if (!g) {
		nn->is_oom = true;
		return false;
	}
	*v = g;
	*cap = nc;
	return true;
}

void norm_near_init(struct norm_near *nn, const struct fc_norm *n)
{
	memset(nn, 0, sizeof(*nn));
	nn->n = n;
	nn->nw = n->nwords;
	nn->ones = malloc(nn->nw * sizeof(*nn->ones));
	if (nn->ones)
		memset(nn->ones, 0xFF, nn->nw * sizeof(*nn->ones));
	else
		nn->is_oom = true;
}

void norm_near_free(struct norm_near *nn)
{
	free(nn->hpos);
	free(nn->hset);
	free(nn->npos);
	free(nn->nmask);
	free(nn->ones);
	memset(nn, 0, sizeof(*nn));
}

void norm_near_reset(struct norm_near *nn)
{
	nn->nhit = 0;
	nn->is_wild = false;
}

bool norm_near_grow(struct norm_near *nn)
{
	size_t cap = nn->caphpos;
	if (!grow(nn, (void **)&nn->hpos, sizeof(*nn->hpos), &cap,
		  nn->nhit + 1) ||
	    !grow(nn, (void **)&nn->hset, nn->nw * sizeof(*nn->hset),
		  &nn->caphset, nn->nhit + 1))
		return false;
	nn->caphpos = cap;
	return true;
}

void norm_near_wild(struct norm_near *nn, uint32_t p)
{
	if (nn->ones)
		norm_near_hit(nn, p, nn->ones);
	nn->is_wild = true;
}

static inline bool has_bit(const uint64_t *v, size_t i)
{
	return v[i / 64] >> (i % 64) & 1;
}

/* The bit of group g of pattern pi. */
static inline size_t group_bit(const struct norm_pattern *p, size_t pi,
			       unsigned g)
{
	return g ? p->vbit + g - 1 : pi;
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
				if (!has_bit(active, group_bit(p, pi, g))) {
					active[w] &= ~(1ull << (pi % 64));
					break;
				}
		}
	}
}

/* The first digit in [i, to) that starts a run of digits of the stretch
** (which starts at s), or UINT32_MAX. */
static uint32_t next_digits(const unsigned char *x, uint32_t s, uint32_t i,
			    uint32_t to)
{
	for (; i < to; i++)
		if (is_digit(x[i]) && (i == s || !is_digit(x[i - 1])))
			return i;
	return UINT32_MAX;
}

/* The first hit at or after position from. */
static size_t first_hit(const struct norm_near *nn, uint32_t from)
{
	size_t r = 0, hi = nn->nhit;
	while (r < hi) {
		size_t mid = r + (hi - r) / 2;
		if (nn->hpos[mid] < from)
			r = mid + 1;
		else
			hi = mid;
	}
	return r;
}

/*
** The hits of pattern pi's groups in [from, to) of the stretch [s, e),
** in position order, into nn->npos and nn->nmask (the groups served,
** bit g); returns how many. Runs of digits serve the groups of dmask.
*/
static size_t near_hits(struct norm_near *nn, size_t pi,
			const unsigned char *x, uint32_t s, uint32_t from,
			uint32_t to, uint8_t dmask)
{
	const struct norm_pattern *p = &nn->n->patterns[pi];
	size_t nw = nn->nw, nh = 0;
	size_t r = first_hit(nn, from);
	uint32_t dnext = dmask ? next_digits(x, s, from, to) : UINT32_MAX;
	for (;;) {
		uint8_t rm = 0;
		for (; r < nn->nhit && nn->hpos[r] < to && !rm; r += !rm)
			for (unsigned g = 0; g < p->ngroups; g++)
				if (has_bit(nn->hset + r * nw,
					    group_bit(p, pi, g)))
					rm |= (uint8_t)(1u << g);
		uint32_t rp = rm ? nn->hpos[r] : UINT32_MAX;
		if (!rm && dnext == UINT32_MAX)
			break;
		uint32_t at = rp < dnext ? rp : dnext;
		uint8_t m = 0;
		if (rp == at) {
			m |= rm;
			r++;
		}
		if (dnext == at) {
			m |= dmask;
			dnext = next_digits(x, s, at + 1, to);
		}
		if (nh && nn->npos[nh - 1] == at) {
			nn->nmask[nh - 1] |= m;
			continue;
		}
		if (!grow(nn, (void **)&nn->npos, sizeof(*nn->npos),
			  &nn->capnpos, nh + 1) ||
		    !grow(nn, (void **)&nn->nmask, 1, &nn->capnmask, nh + 1))
			return 0;
		nn->npos[nh] = at;
		nn->nmask[nh++] = m;
	}
	return nh;
}

/*
** Can each of groups 0..ng-1 have a hit of its own, cnt[m] being the
** hits that serve the groups of mask m? Hall: every set of groups is
** served by at least as many hits as it has groups.
*/
static bool each_own(const uint32_t cnt[16], unsigned ng)
{
	unsigned nm = 1u << ng;
	if (ng == 1)
		return cnt[1] > 0;
	if (ng == 2)
		return cnt[1] + cnt[3] && cnt[2] + cnt[3] &&
		       cnt[1] + cnt[2] + cnt[3] >= 2;
	for (unsigned set = 1; set < nm; set++) {
		uint32_t need = 0, have = 0;
		for (unsigned b = set; b; b &= b - 1)
			need++;
		for (unsigned m = 1; m < nm && have < need; m++)
			if (m & set)
				have += cnt[m];
		if (have < need)
			return false;
	}
	return true;
}

/* The common case, one group without "digit": keep the starts with a
** hit of pattern pi at most p->within bytes after them. */
static void near_one(struct norm_near *nn, size_t pi, uint32_t within,
		     struct norm_startq *q)
{
	const uint64_t *hset = nn->hset + pi / 64;
	uint64_t bit = 1ull << (pi % 64);
	size_t nw = nn->nw, o = 0;
	size_t r = first_hit(nn, q->v[0]);
	for (size_t j = 0; j < q->n; j++) {
		uint32_t at = q->v[j];
		while (r < nn->nhit &&
		       (nn->hpos[r] < at || !(hset[r * nw] & bit)))
			r++;
		if (r == nn->nhit)
			break;
		if ((uint64_t)nn->hpos[r] <= (uint64_t)at + within)
			q->v[o++] = at;
	}
	q->n = o;
}

/* The starts q of pattern pi (queued) kept where its groups have words
** near them; false when none is left. */
static bool near_keep(struct norm_near *nn, const unsigned char *x,
		      uint32_t s, uint32_t e, size_t pi, struct norm_startq *q)
{
	const struct norm_pattern *p = &nn->n->patterns[pi];
	uint8_t dmask = p->digit_groups;
	if (!q->n)
		return false;
	if (p->ngroups == 1 && !dmask && p->within >= 0) {
		near_one(nn, pi, (uint32_t)p->within, q);
		return q->n > 0;
	}
	/* the hits that may serve a start: near them, or anywhere */
	uint32_t from = s, to = e;
	if (p->within >= 0) {
		uint64_t last = (uint64_t)q->v[q->n - 1] + 1 + (uint64_t)p->within;
		from = q->v[0];
		to = last < e ? (uint32_t)last : e;
	}
	size_t nh = near_hits(nn, pi, x, s, from, to, dmask);
	uint32_t cnt[16] = {0};
	if (p->within < 0) {
		for (size_t i = 0; i < nh; i++)
			cnt[nn->nmask[i]]++;
		if (!each_own(cnt, p->ngroups))
			q->n = 0;
		return q->n > 0;
	}
	size_t lo = 0, hi = 0, o = 0;
	for (size_t j = 0; j < q->n; j++) {
		uint32_t at = q->v[j];
		uint64_t end = (uint64_t)at + (uint64_t)p->within;
		for (; hi < nh && nn->npos[hi] <= end; hi++)
			cnt[nn->nmask[hi]]++;
		for (; lo < hi && nn->npos[lo] < at; lo++)
			cnt[nn->nmask[lo]]--;
		/* a start inside a run of digits has a digit there (the
		** run's hit is before it) */
		bool is_mid = dmask && at > s && is_digit(x[at]) &&
			      is_digit(x[at - 1]);
		cnt[dmask] += is_mid;
		if (each_own(cnt, p->ngroups))
			q->v[o++] = at;
		cnt[dmask] -= is_mid;
	}
	q->n = o;
	return o > 0;
}

void norm_near_starts(struct norm_near *nn, const unsigned char *x,
		      uint32_t s, uint32_t e, struct norm_startq *qv,
		      uint64_t *queued)
{
	const struct fc_norm *n = nn->n;
	for (size_t w = 0; w < nn->nw && !nn->is_oom; w++) {
		uint64_t m = queued[w] & n->near_set[w];
		for (; m; m &= m - 1) {
			size_t pi = w * 64 + (size_t)__builtin_ctzll(m);
			if (!near_keep(nn, x, s, e, pi, &qv[pi]))
				queued[w] &= ~(1ull << (pi % 64));
		}
	}
}
