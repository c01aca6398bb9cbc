/*
** norm_walk.c: the one pass of the normalizer scan over a stretch, on
** the start tables of norm_trie.c.
**
** The pass (norm_walk_stretch) reads every byte of the stretch once:
** the letter runs select the patterns whose anchors occur (the trigger
** hash of norm_compile.c), digits and symbols too, and a walk from the
** start of each letter/digit run (and from each byte that may start a
** string anywhere) finds where each pattern's match may start. The
** positions are queued per pattern for norm.c, which tries the anchored
** pattern there only.
**
** The walks run on a DFA built lazily from the trie (as RE2 does it): a
** state is a set of trie nodes; its transition on a column of bytes is
** made the first time the text needs it, with the bits it reports (the
** strings that end there: match starts, and triggers). A byte above
** ASCII stops a walk and reports every match start below the state,
** which only adds tries. The DFA starts over when it has DFA_MAX states.
**
** The walk is the hot loop of the scan, so a transition is one load of
** 16 bits: the next state, a flag when the transition reports bits, and
** two values that send the walk to its slow path (not yet made; a byte
** above ASCII, which has a column of its own). The load is where the
** walk waits for memory (a DFA of 5,000 states over 58 byte columns is
** 0.6 MB at 16 bits a transition, 1.3 MB at 32), so the table is kept
** small. A
** report of starts is kept as a record (position, bits) until the
** stretch is read, and then queues the position for the patterns of the
** bits that the stretch activated only: most starts belong to patterns
** whose anchors the stretch lacks, and those never run.
**
** For the patterns with anchor groups or anchor_within (norm_trie_near.c)
** the pass also keeps hits: where a word, symbol or run of digits
** triggers one of their bits, with a reference to the bits (a hit is two
** stores); after the flush, their starts are filtered on the hits.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_trie_p.h"

#define DFA_MAX 16384    /* states before the DFA starts over (14 bits) */
#define UNKNOWN 0xFFFFFFFFu
/* a transition in the table: the next state (below DFA_MAX), or'ed with
** T_BITS when it reports bits (in tbits16, read only then); or T_UNKNOWN
** (not made yet), or T_BAIL (the column of the bytes above ASCII). Both
** have T_BITS set, so the hot loop tests one bit. */
#define T_BITS 0x8000u
#define T_BAIL 0xFFFEu
#define T_UNKNOWN 0xFFFFu
/* what interned bits hold (bflags) */
#define F_STARTS 1u
#define F_TRIG 2u
#define F_POS 4u /* triggers a bit of pos_set: kept as a hit */
/* a record's bits: interned bits (below REC_SET), a pool bitset
** (REC_SET | its index), or the patterns that may start at ^ */
#define REC_SET 0x80000000u
#define REC_BOS 0xFFFFFFFFu

struct dstate {
	uint32_t nodes;   /* offset into dnodes */
	uint32_t nnodes;
	uint32_t end, bail; /* bits when the stretch ends / at a non-ASCII
			       byte (bits index; UNKNOWN: not made yet) */
	uint32_t hash;
};

struct norm_walk {
	const struct fc_norm *n;
	const struct norm_scan *t;
	size_t nw;
	uint64_t *mem;          /* tbits and queued */
	uint64_t *queued;       /* patterns with starts queued */
	struct norm_startq *q;  /* per pattern */
	/* DFA */
	struct dstate *st;
	size_t nst, capst, maxst; /* maxst: DFA_MAX, less in tests */
	uint32_t *dnodes;       /* the node sets */
	size_t ndnodes, capdnodes;
	size_t nrow;            /* columns of a row: ncls, and the bail one */
	uint8_t col[256];       /* the column of a byte */
	uint16_t *trans;        /* nst * nrow: see T_BITS */
	uint16_t *tbits16;      /* nst * nrow: bits of a T_BITS transition */
	size_t captrans, captbits16;
	uint32_t *hst;          /* state hash: index + 1 */
	size_t hstmask;
	uint64_t *bits;         /* bit sets: starts then triggers, 2 nw each */
	size_t nbits, capbits;
	uint32_t *hbits;        /* their hash: index + 1 */
	size_t hbitsmask;
	uint8_t *bflags;        /* of each bit set: F_STARTS, F_TRIG */
	size_t capbflags;
	/* the words of each bit set's starts that have bits, as a list (a
	** count, then word index and word, each a uint64): a record names
	** 3 or 4 patterns in one or two words, and the flush reads those
	** rather than every word of the set */
	uint32_t *pat_at;       /* of each bit set: offset into pats */
	size_t cappat_at;
	uint64_t *pats;
	size_t npats, cappats;
	uint32_t *rec;          /* the reports of the stretch: position, bits */
	size_t nrec, caprec;
	struct norm_near near;  /* hits for anchor groups and windows */
	bool is_all;            /* queue for every pattern, active or not */
	uint32_t start[2][128]; /* [anywhere only?][byte]: next << 16 | bits */
	/* ASCII pairs (first byte << 7 | second) from which a walk for
	** anywhere reports nothing and dies at the second byte (a word's
	** inner "t" or "a" mostly), or does not: known facts of the trie,
	** kept when the DFA starts over */
	uint64_t pair_dead[128 * 128 / 64], pair_live[128 * 128 / 64];
	uint32_t *tmp;          /* a node set being made */
	size_t captmp;
	uint64_t *tbits;        /* bits being made (2 nw) */
	bool is_oom;
};

static bool vgrow(struct norm_walk *w, void **v, size_t elem, size_t *cap,
		  size_t need)
{
	return norm_grow(v, elem, cap, need, &w->is_oom);
}

/* A hash of n bytes (a multiple of 4), four at a time. */
static uint32_t hash_words(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h = 0xCBF29CE484222325ull;
	for (size_t i = 0; i + 4 <= n; i += 4) {
		uint32_t v;
		memcpy(&v, b + i, 4);
		h = (h ^ v) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	return (uint32_t)(h >> 32) | 1;
}

/* The list of the words of w->tbits's starts, for bit set w->nbits. */
static bool pat_list(struct norm_walk *w)
{
	size_t cnt = 0;
	for (size_t k = 0; k < w->nw; k++)
		cnt += w->tbits[k] != 0;
	if (!vgrow(w, (void **)&w->pat_at, sizeof(*w->pat_at), &w->cappat_at,
		   w->nbits + 1) ||
	    !vgrow(w, (void **)&w->pats, sizeof(*w->pats), &w->cappats,
		   w->npats + 2 * cnt + 1))
		return false;
	w->pat_at[w->nbits] = (uint32_t)w->npats;
	w->pats[w->npats++] = cnt;
	for (size_t k = 0; k < w->nw; k++)
		if (w->tbits[k]) {
			w->pats[w->npats++] = k;
			w->pats[w->npats++] = w->tbits[k];
		}
	return true;
}

/* The index of bit set w->tbits (0: empty). */
static uint32_t bits_id(struct norm_walk *w)
{
	size_t n2 = 2 * w->nw;
	bool empty = true;
	for (size_t k = 0; k < n2 && empty; k++)
		empty = !w->tbits[k];
	if (empty)
		return 0;
	uint32_t h = hash_words(w->tbits, n2 * sizeof(uint64_t));
	size_t i = h & w->hbitsmask;
	for (;; i = (i + 1) & w->hbitsmask) {
		uint32_t k = w->hbits[i];
		if (!k)
			break;
		if (!memcmp(w->bits + k * n2, w->tbits, n2 * sizeof(uint64_t)))
			return k;
	}
	if (w->nbits >= 0xFFFF || w->nbits * 2 > w->hbitsmask ||
	    !vgrow(w, (void **)&w->bits, n2 * sizeof(uint64_t), &w->capbits,
		   w->nbits + 1)) {
		w->is_oom = w->is_oom || w->nbits < 0xFFFF;
		return UNKNOWN;
	}
	memcpy(w->bits + w->nbits * n2, w->tbits, n2 * sizeof(uint64_t));
	if (!vgrow(w, (void **)&w->bflags, 1, &w->capbflags, w->nbits + 1))
		return UNKNOWN;
	uint8_t f = 0;
	for (size_t k = 0; k < w->nw; k++)
		f |= (w->tbits[k] ? F_STARTS : 0) |
		     (w->tbits[w->nw + k] ? F_TRIG : 0) |
		     (w->tbits[w->nw + k] & w->n->pos_set[k] ? F_POS : 0);
	w->bflags[w->nbits] = f;
	if (!pat_list(w))
		return UNKNOWN;
	w->hbits[i] = (uint32_t)w->nbits;
	return (uint32_t)w->nbits++;
}

/* The bits of the conds of node set S when the next byte is b (b < 0:
** the stretch ends or the byte is above ASCII: every cond holds). */
static void cond_bits(struct norm_walk *w, const uint32_t *set, size_t n,
		      int b)
{
	const struct norm_scan *t = w->t;
	size_t nw = w->nw;
	for (size_t k = 0; k < n; k++)
		for (uint32_t c = t->nodes[set[k]].cond; c;
		     c = t->conds[c].next) {
			const struct trie_cond *cd = &t->conds[c];
			if (b >= 0 && set_has(t->sets[cd->x], (unsigned)b))
				continue;
			if (cd->is_trig)
				or_set(w->tbits + nw,
				       w->n->bitsets + (size_t)cd->bits * nw,
				       nw);
			else
				or_set(w->tbits,
				       t->pool + (size_t)cd->bits * nw, nw);
		}
}

static void clear_dfa(struct norm_walk *w);

/*
** The state of node set w->tmp[0, n) (sorted here): its index, made when
** new (with its end and bail bits). UNKNOWN when the DFA is full.
*/
static uint32_t state_id(struct norm_walk *w, size_t n)
{
	const struct norm_scan *t = w->t;
	if (n > 1) {
		/* sets are small: insertion sort */
		for (size_t k = 1; k < n; k++) {
			uint32_t v = w->tmp[k];
			size_t j = k;
			for (; j > 0 && w->tmp[j - 1] > v; j--)
				w->tmp[j] = w->tmp[j - 1];
			w->tmp[j] = v;
		}
		size_t o = 1;
		for (size_t k = 1; k < n; k++)
			if (w->tmp[k] != w->tmp[o - 1])
				w->tmp[o++] = w->tmp[k];
		n = o;
	}
	if (!n)
		return 0;
	uint32_t h = hash_words(w->tmp, n * sizeof(*w->tmp));
	size_t i = h & w->hstmask;
	for (;; i = (i + 1) & w->hstmask) {
		uint32_t k = w->hst[i];
		if (!k)
			break;
		const struct dstate *d = &w->st[k - 1];
		if (d->hash == h && d->nnodes == n &&
		    !memcmp(w->dnodes + d->nodes, w->tmp, n * sizeof(*w->tmp)))
			return k - 1;
	}
	if (w->nst >= w->maxst)
		return UNKNOWN;
	if (!vgrow(w, (void **)&w->st, sizeof(*w->st), &w->capst, w->nst + 1) ||
	    !vgrow(w, (void **)&w->dnodes, sizeof(*w->dnodes), &w->capdnodes,
		   w->ndnodes + n) ||
	    !vgrow(w, (void **)&w->trans, w->nrow * sizeof(*w->trans),
		   &w->captrans, w->nst + 1) ||
	    !vgrow(w, (void **)&w->tbits16, w->nrow * sizeof(*w->tbits16),
		   &w->captbits16, w->nst + 1))
		return UNKNOWN;
	uint32_t id = (uint32_t)w->nst;
	struct dstate *d = &w->st[id];
	d->nodes = (uint32_t)w->ndnodes;
	d->nnodes = (uint32_t)n;
	d->hash = h;
	memcpy(w->dnodes + w->ndnodes, w->tmp, n * sizeof(*w->tmp));
	w->ndnodes += n;
	/* every column T_UNKNOWN (0xFFFF), the last T_BAIL */
	memset(w->trans + id * w->nrow, 0xFF, t->ncls * sizeof(*w->trans));
	w->trans[id * w->nrow + t->ncls] = T_BAIL;
	/* made when a walk first ends or bails here (few states do) */
	d->end = d->bail = UNKNOWN;
	w->hst[i] = id + 1;
	w->nst++;
	return id;
}

static void add_node(struct norm_walk *w, size_t *n, uint32_t nd)
{
	if (*n == w->captmp &&
	    !vgrow(w, (void **)&w->tmp, sizeof(*w->tmp), &w->captmp, *n + 1))
		return;
	w->tmp[(*n)++] = nd;
}

/* The unconditional starts of the nodes w->tmp[0, n) into tbits. */
static void pats_bits(struct norm_walk *w, size_t n)
{
	const struct norm_scan *t = w->t;
	for (size_t k = 0; k < n; k++)
		if (t->nodes[w->tmp[k]].pats >= 0)
			or_set(w->tbits,
			       pool_at(t, t->nodes[w->tmp[k]].pats, w->nw),
			       w->nw);
}

/* The transition of state id on ASCII byte b: next << 16 | bits. */
static uint32_t step(struct norm_walk *w, uint32_t id, unsigned b)
{
	const struct norm_scan *t = w->t;
	memset(w->tbits, 0, 2 * w->nw * sizeof(uint64_t));
	const struct dstate *d = &w->st[id];
	cond_bits(w, w->dnodes + d->nodes, d->nnodes, (int)b);
	size_t n = 0;
	for (uint32_t k = 0; k < d->nnodes; k++) {
		uint32_t nd = w->dnodes[w->st[id].nodes + k];
		const struct trie_node *node = &t->nodes[nd];
		if (node->is_loop && set_has(t->sets[node->sym], b))
			add_node(w, &n, nd);
		if (node->disp) {
			const uint32_t *l = t->lists + t->disp[node->disp + b];
			for (uint32_t j = 1; j <= l[0]; j++)
				add_node(w, &n, l[j]);
			continue;
		}
		for (uint32_t ch = node->child; ch; ch = t->nodes[ch].sibling)
			if (set_has(t->sets[t->nodes[ch].sym], b))
				add_node(w, &n, ch);
	}
	pats_bits(w, n);
	uint32_t bits = bits_id(w);
	uint32_t next = state_id(w, n);
	if (next == UNKNOWN || bits == UNKNOWN)
		return UNKNOWN;
	return next << 16 | bits;
}

/* The start on ASCII byte c: the first level for it, and the starts
** its strings of one byte report. */
static uint32_t start_of(struct norm_walk *w, bool any_only, unsigned c)
{
	const struct norm_scan *t = w->t;
	size_t n = 0;
	if (!any_only)
		for (uint32_t k = t->run_at[c]; k < t->run_at[c + 1]; k++)
			add_node(w, &n, t->first[k]);
	for (uint32_t k = t->any_at[c]; k < t->any_at[c + 1]; k++)
		add_node(w, &n, t->first[k]);
	memset(w->tbits, 0, 2 * w->nw * sizeof(uint64_t));
	pats_bits(w, n);
	uint32_t bits = bits_id(w);
	uint32_t next = state_id(w, n);
	if (next == UNKNOWN || bits == UNKNOWN)
		return UNKNOWN;
	return next << 16 | bits;
}

static void flush(struct norm_walk *w, const uint64_t *active);

static void clear_dfa(struct norm_walk *w)
{
	/* the records name bits about to go: queue them now, for every
	** pattern (the inactive ones are not run); the hits kept for
	** anchor groups name them too */
	flush(w, NULL);
	norm_near_save(&w->near, w->bits);
	w->nst = w->ndnodes = 0;
	w->nbits = 1; /* 0: the empty set */
	/* bit set 0, the empty one, lists no pattern */
	w->npats = 0;
	if (vgrow(w, (void **)&w->pat_at, sizeof(*w->pat_at), &w->cappat_at,
		  1) &&
	    vgrow(w, (void **)&w->pats, sizeof(*w->pats), &w->cappats, 1)) {
		w->pat_at[0] = 0;
		w->pats[w->npats++] = 0;
	}
	memset(w->hst, 0, (w->hstmask + 1) * sizeof(*w->hst));
	memset(w->hbits, 0, (w->hbitsmask + 1) * sizeof(*w->hbits));
	memset(w->start, 0xFF, sizeof(w->start));
	/* state 0: no node (dead) */
	w->nst = 0;
	state_id(w, 0);
	if (vgrow(w, (void **)&w->st, sizeof(*w->st), &w->capst, 1) &&
	    vgrow(w, (void **)&w->trans, w->nrow * sizeof(*w->trans),
		  &w->captrans, 1) &&
	    vgrow(w, (void **)&w->tbits16, w->nrow * sizeof(*w->tbits16),
		  &w->captbits16, 1)) {
		memset(&w->st[0], 0, sizeof(w->st[0]));
		for (size_t c = 0; c < w->nrow; c++)
			w->trans[c] = 0; /* dead stays dead, reports nothing */
		w->nst = 1;
	}
}

/* Queue position p for pattern j (once: positions come in order). */
static inline void push(struct norm_walk *w, size_t j, uint32_t p)
{
	struct norm_startq *q = &w->q[j];
	if (!q->n)
		w->queued[j / 64] |= 1ull << (j % 64);
	else if (q->v[q->n - 1] == p)
		return;
	if (q->n == q->cap &&
	    !vgrow(w, (void **)&q->v, sizeof(*q->v), &q->cap, q->n + 1))
		return;
	q->v[q->n++] = p;
}

static __attribute__((noinline)) void add_rec_grow(struct norm_walk *w,
						   uint32_t p, uint32_t b)
{
	if (!vgrow(w, (void **)&w->rec, 2 * sizeof(*w->rec), &w->caprec,
		   w->nrec + 1))
		return;
	w->rec[2 * w->nrec] = p;
	w->rec[2 * w->nrec + 1] = b;
	w->nrec++;
}

static inline void add_rec(struct norm_walk *w, uint32_t p, uint32_t b)
{
	if (__builtin_expect(w->nrec == w->caprec, 0)) {
		add_rec_grow(w, p, b);
		return;
	}
	w->rec[2 * w->nrec] = p;
	w->rec[2 * w->nrec + 1] = b;
	w->nrec++;
}

/*
** Queue the records' positions for their patterns that are in active
** (NULL: for every one). Records come in position order, so each queue
** stays sorted.
*/
static void flush(struct norm_walk *w, const uint64_t *active)
{
	size_t nw = w->nw;
	for (size_t r = 0; r < w->nrec; r++) {
		uint32_t p = w->rec[2 * r], b = w->rec[2 * r + 1];
		if (!(b & REC_SET)) {
			/* interned bits: their words with bits */
			const uint64_t *l = w->pats + w->pat_at[b];
			for (const uint64_t *o = l + 1; o < l + 1 + 2 * l[0];
			     o += 2) {
				size_t k = (size_t)o[0];
				for (uint64_t m = o[1] & (active ? active[k]
								 : ~0ull);
				     m; m &= m - 1)
					push(w,
					     k * 64 + (size_t)__builtin_ctzll(m),
					     p);
			}
			continue;
		}
		const uint64_t *v =
			b == REC_BOS
				? w->t->bos
				: pool_at(w->t, (int32_t)(b & ~REC_SET), nw);
		for (size_t k = 0; k < nw; k++)
			for (uint64_t m = v[k] & (active ? active[k] : ~0ull);
			     m; m &= m - 1)
				push(w, k * 64 + (size_t)__builtin_ctzll(m), p);
	}
	w->nrec = 0;
}

/* The triggers of bits b (F_TRIG) into active, and a hit when a pattern
** wants where. */
static void report_trig(struct norm_walk *w, uint32_t b, uint32_t p,
			uint64_t *active)
{
	const uint64_t *t = w->bits + ((size_t)b * 2 + 1) * w->nw;
	or_set(active, t, w->nw);
	if (w->bflags[b] & F_POS)
		norm_near_hit(&w->near, p, NEAR_DFA | b);
}

/* Bits b of a walk from p: a record of p for their starts, their
** triggers into active (and a hit, when a pattern wants where). */
static inline void report(struct norm_walk *w, uint32_t b, uint32_t p,
			  uint64_t *active)
{
	if (!b)
		return;
	uint8_t f = w->bflags[b];
	if (f & F_STARTS)
		add_rec(w, p, b);
	if (f & F_TRIG)
		report_trig(w, b, p, active);
}

/*
** The DFA is full: start over, with the node set of *id as a state (*id
** renumbered). False when out of memory.
*/
static bool restart_at(struct norm_walk *w, uint32_t *id)
{
	size_t n = w->st[*id].nnodes;
	uint32_t *set = malloc(n * sizeof(*set));
	if (!set) {
		w->is_oom = true;
		return false;
	}
	memcpy(set, w->dnodes + w->st[*id].nodes, n * sizeof(*set));
	clear_dfa(w);
	if (vgrow(w, (void **)&w->tmp, sizeof(*w->tmp), &w->captmp, n))
		memcpy(w->tmp, set, n * sizeof(*set));
	free(set);
	*id = w->is_oom ? UNKNOWN : state_id(w, n);
	return *id != UNKNOWN;
}

/* The end bits of state id (is_bail false: every cond holds), or its bail
** bits (and every string below it), made and kept; UNKNOWN when the bit
** sets are full. */
static uint32_t make_state_bits(struct norm_walk *w, uint32_t id,
				bool is_bail)
{
	const struct norm_scan *t = w->t;
	const struct dstate *d = &w->st[id];
	const uint32_t *set = w->dnodes + d->nodes;
	size_t nw = w->nw;
	memset(w->tbits, 0, 2 * nw * sizeof(uint64_t));
	cond_bits(w, set, d->nnodes, -1);
	for (size_t k = 0; is_bail && k < d->nnodes; k++) {
		int32_t sub = t->nodes[set[k]].sub;
		if (sub >= 0)
			or_set(w->tbits, pool_at(t, sub, nw), nw);
	}
	uint32_t b = bits_id(w);
	if (b != UNKNOWN)
		*(is_bail ? &w->st[id].bail : &w->st[id].end) = b;
	return b;
}

/* state_bits() when they are not made yet: out of line. */
static __attribute__((noinline)) uint32_t
state_bits_slow(struct norm_walk *w, uint32_t id, bool is_bail)
{
	uint32_t b = make_state_bits(w, id, is_bail);
	if (b == UNKNOWN && !w->is_oom && restart_at(w, &id))
		b = make_state_bits(w, id, is_bail);
	if (b == UNKNOWN)
		w->is_oom = true;
	return b;
}

/* The end or bail bits of state id (made on first use); UNKNOWN when out
** of memory. The walk from there stops. */
static inline uint32_t state_bits(struct norm_walk *w, uint32_t id,
				  bool is_bail)
{
	uint32_t b = is_bail ? w->st[id].bail : w->st[id].end;
	return b != UNKNOWN ? b : state_bits_slow(w, id, is_bail);
}

/* A walk from p stops in state id (0: dead) where the stretch ends: the
** strings that end there. */
static inline void walk_end(struct norm_walk *w, uint32_t id, uint32_t p,
			    uint64_t *active)
{
	uint32_t b = id ? state_bits(w, id, false) : 0;
	if (b != UNKNOWN)
		report(w, b, p, active);
}

/*
** The transition of state *id on ASCII byte b, made and kept in the
** table (next << 16 | bits); when the DFA is full it starts over, with
** the node set of *id as its first state (*id is renumbered). UNKNOWN
** when out of memory.
*/
static uint32_t learn(struct norm_walk *w, uint32_t *id, unsigned b)
{
	const struct norm_scan *t = w->t;
	uint32_t tr = step(w, *id, b);
	if (tr == UNKNOWN) {
		/* the DFA is full: start over, here */
		if (!restart_at(w, id) || (tr = step(w, *id, b)) == UNKNOWN) {
			w->is_oom = true;
			return UNKNOWN;
		}
	}
	size_t at = *id * w->nrow + t->bcls[b];
	w->trans[at] = (uint16_t)((tr >> 16) | ((tr & 0xFFFF) ? T_BITS : 0));
	w->tbits16[at] = (uint16_t)(tr & 0xFFFF);
	return tr;
}

/*
** The walk from p on, in state id at x[i]: the general loop, which makes
** the transitions the DFA lacks and stops at a byte above ASCII.
*/
static __attribute__((noinline)) void
walk_on(struct norm_walk *w, const unsigned char *x, uint32_t p, uint32_t i,
	uint32_t id, uint32_t e, uint64_t *active)
{
	for (; id && i < e; i++) {
		size_t at = id * w->nrow + w->col[x[i]];
		uint32_t nx = w->trans[at];
		if (nx & T_BITS) {
			if (nx == T_BAIL) {
				uint32_t bb = state_bits(w, id, true);
				if (bb != UNKNOWN)
					report(w, bb, p, active);
				return;
			}
			if (nx == T_UNKNOWN) {
				uint32_t tr = learn(w, &id, x[i]);
				if (tr == UNKNOWN)
					return;
				report(w, tr & 0xFFFF, p, active);
				id = tr >> 16;
				continue;
			}
			report(w, w->tbits16[at], p, active);
			nx &= ~T_BITS;
		}
		id = nx;
	}
	walk_end(w, id, p, active);
}

/* The start of a walk the table lacks: a byte above ASCII, or the first
** walk from a byte. */
static __attribute__((noinline)) void
walk_start(struct norm_walk *w, const unsigned char *x, uint32_t p,
	   uint32_t e, bool any_only, uint64_t *active)
{
	const struct norm_scan *t = w->t;
	unsigned c = x[p];
	if (c >= 0x80) {
		/* above ASCII: whatever may start with it */
		for (uint32_t k = t->any_at[c]; k < t->any_at[c + 1]; k++) {
			int32_t sub = t->nodes[t->first[k]].sub;
			if (sub >= 0)
				add_rec(w, p, REC_SET | (uint32_t)sub);
		}
		return;
	}
	uint32_t tr = start_of(w, any_only, c);
	if (tr == UNKNOWN) {
		clear_dfa(w);
		if ((tr = start_of(w, any_only, c)) == UNKNOWN) {
			w->is_oom = true;
			return;
		}
	}
	w->start[any_only][c] = tr;
	report(w, tr & 0xFFFF, p, active);
	walk_on(w, x, p, p + 1, tr >> 16, e, active);
}

/*
** Walk from position p (its byte x[p] taken): at the start of a
** letter/digit run with both roots, else with the one for anywhere.
** Starts are queued at p, triggers go to active. The scan's hot loop:
** inline, on the transitions made so far; most walks die in two or
** three bytes, reporting nothing.
*/
static inline __attribute__((always_inline)) void
walk(struct norm_walk *w, const unsigned char *x, uint32_t p, uint32_t e,
     bool any_only, uint64_t *active)
{
	unsigned c = x[p];
	uint32_t tr = c < 0x80 ? w->start[any_only][c] : UNKNOWN;
	if (__builtin_expect(tr == UNKNOWN, 0)) {
		walk_start(w, x, p, e, any_only, active);
		return;
	}
	report(w, tr & 0xFFFF, p, active);
	const size_t nrow = w->nrow;
	const uint8_t *col = w->col;
	const uint16_t *trans = w->trans;
	uint32_t id = tr >> 16; /* 0: the dead state */
	uint32_t i = p + 1;
	for (; id && i < e; i++) {
		size_t at = id * nrow + col[x[i]];
		uint32_t nx = trans[at];
		if (nx & T_BITS) {
			if (__builtin_expect(nx >= T_BAIL, 0)) {
				walk_on(w, x, p, i, id, e, active);
				return;
			}
			report(w, w->tbits16[at], p, active);
			nx &= ~T_BITS;
		}
		id = nx;
	}
	walk_end(w, id, p, active);
}

/* Learn whether ASCII pair c1 c2 is dead (see pair_dead); false when the
** DFA has not made the transition yet. */
static __attribute__((noinline)) bool pair_learn(struct norm_walk *w,
						 unsigned c1, unsigned c2)
{
	uint32_t tr = w->start[1][c1];
	if (tr == UNKNOWN)
		return false;
	uint32_t id = tr >> 16;
	uint32_t nx = id ? w->trans[id * w->nrow + w->col[c2]] : 0;
	if (nx == T_UNKNOWN)
		return false;
	unsigned k = c1 << 7 | c2;
	bool is_dead = !(tr & 0xFFFF) && !nx;
	if (is_dead)
		w->pair_dead[k / 64] |= 1ull << (k % 64);
	else
		w->pair_live[k / 64] |= 1ull << (k % 64);
	return is_dead;
}

/* Is ASCII x[i] x[i + 1] known to be in pair_dead? */
static inline bool is_dead_pair(const struct norm_walk *w,
				const unsigned char *x, uint32_t i, uint32_t e)
{
	if (i + 1 >= e || x[i + 1] >= 0x80)
		return false;
	unsigned k = (unsigned)x[i] << 7 | x[i + 1];
	return w->pair_dead[k / 64] >> (k % 64) & 1;
}

/* Is a walk for anywhere from ASCII x[i] idle (pair_dead)? */
static inline bool is_idle_pair(struct norm_walk *w, const unsigned char *x,
				uint32_t i, uint32_t e)
{
	if (i + 1 >= e || x[i + 1] >= 0x80)
		return false;
	unsigned k = (unsigned)x[i] << 7 | x[i + 1];
	if (w->pair_dead[k / 64] >> (k % 64) & 1)
		return true;
	if (w->pair_live[k / 64] >> (k % 64) & 1)
		return false;
	return pair_learn(w, x[i], x[i + 1]);
}

/* Does x[i] start U+212A or U+017F (a caseless k or s), below e? */
static inline bool is_wild(const unsigned char *x, uint32_t i, uint32_t e)
{
	return (x[i] == 0xE2 && i + 2 < e && x[i + 1] == 0x84 &&
		x[i + 2] == 0xAA) ||
	       (x[i] == 0xC5 && i + 1 < e && x[i + 1] == 0xBF);
}

/* A byte that is a symbol (its patterns into active, a hit when one
** wants where) or may start U+212A or U+017F: out of the hot loop. */
static __attribute__((noinline)) void sym_byte(struct norm_walk *w,
					       const unsigned char *x,
					       uint32_t i, uint32_t e,
					       uint8_t k, uint64_t *active)
{
	const struct fc_norm *n = w->n;
	unsigned char c = x[i];
	if (k & B_SYM) {
		or_set(active, n->sym_set[c], w->nw);
		if (n->sym_pos[c])
			norm_near_hit(&w->near, i, NEAR_SYM | c);
	}
	if ((k & B_WILD) && is_wild(x, i, e))
		norm_near_wild(&w->near, i);
}

/* The trigger of the letter run at i (bounded by e) into active. */
static void trigger_word(struct norm_walk *w, const unsigned char *x,
			 uint32_t i, uint32_t e, uint64_t *active)
{
	const struct fc_norm *n = w->n;
	char buf[32];
	size_t len = 0;
	for (uint32_t j = i; j < e && is_alpha(x[j]); j++, len++)
		if (len < sizeof(buf))
			buf[len] = (char)(x[j] | 0x20);
	if (len <= sizeof(buf)) {
		int32_t b = norm_hash_get(&n->triggers, -1, buf, len);
		if (b >= 0) {
			const uint64_t *t = n->bitsets + (size_t)b * w->nw;
			or_set(active, t, w->nw);
			if (n->trig_pos[b])
				norm_near_hit(&w->near, i,
					      NEAR_TRIG | (uint32_t)b);
		}
	}
}

struct norm_walk *norm_walk_create(const struct fc_norm *n)
{
	struct norm_walk *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->n = n;
	w->t = n->scan;
	norm_near_init(&w->near, n);
	w->nw = n->nwords;
	w->mem = calloc(3 * w->nw, sizeof(uint64_t));
	w->q = calloc(n->npatterns, sizeof(*w->q));
	w->maxst = DFA_MAX;
	w->hstmask = 2 * DFA_MAX - 1;
	w->hst = calloc(w->hstmask + 1, sizeof(*w->hst));
	w->hbitsmask = 2 * 65536 - 1;
	w->hbits = calloc(w->hbitsmask + 1, sizeof(*w->hbits));
	if (!w->mem || !w->q || !w->hst || !w->hbits) {
		norm_walk_destroy(w);
		return NULL;
	}
	w->tbits = w->mem;
	w->queued = w->mem + 2 * w->nw;
	w->nrow = w->t->ncls + 1;
	for (unsigned c = 0; c < 256; c++)
		w->col[c] = c < 128 ? w->t->bcls[c] : (uint8_t)w->t->ncls;
	clear_dfa(w);
	if (w->is_oom) {
		norm_walk_destroy(w);
		return NULL;
	}
	return w;
}

void norm_walk_destroy(struct norm_walk *w)
{
	if (!w)
		return;
	for (size_t i = 0; w->q && i < w->n->npatterns; i++)
		free(w->q[i].v);
	free(w->q);
	free(w->mem);
	free(w->st);
	free(w->dnodes);
	free(w->trans);
	free(w->tbits16);
	free(w->hst);
	free(w->bits);
	free(w->hbits);
	free(w->bflags);
	free(w->pat_at);
	free(w->pats);
	free(w->rec);
	norm_near_free(&w->near);
	free(w->tmp);
	free(w);
}

const struct norm_startq *norm_walk_starts(const struct norm_walk *w,
					   size_t pi)
{
	return &w->q[pi];
}

void norm_walk_queue_all(struct norm_walk *w)
{
	w->is_all = true;
}

void norm_walk_set_max_states(struct norm_walk *w, size_t n)
{
	w->maxst = n < 4 ? 4 : n < DFA_MAX ? n : DFA_MAX;
}

const uint64_t *norm_walk_queued(const struct norm_walk *w)
{
	return w->queued;
}

fc_status norm_walk_stretch(struct norm_walk *w, const char *text,
			    uint32_t s, uint32_t e, uint64_t *active)
{
	const struct fc_norm *n = w->n;
	const struct norm_scan *t = w->t;
	const unsigned char *x = (const unsigned char *)text;
	size_t nw = w->nw;
	memcpy(active, n->always_set, nw * sizeof(uint64_t));
	for (size_t k = 0; k < nw; k++) {
		for (uint64_t m = w->queued[k]; m; m &= m - 1)
			w->q[k * 64 + (size_t)__builtin_ctzll(m)].n = 0;
		w->queued[k] = 0;
	}
	w->nrec = 0;
	norm_near_reset(&w->near);
	/* ^ holds at the subject's start only */
	if (s == 0 && t->is_bos)
		add_rec(w, 0, REC_BOS);
	const uint8_t *cls = t->cls;
	uint8_t kinds = 0; /* of every letter/digit run */
	for (uint32_t i = s; i < e;) {
		unsigned char c = x[i];
		uint8_t k = cls[c];
		if (!k) {
			/* white space and the like: nothing to do */
			while (++i < e && !cls[x[i]])
				;
			continue;
		}
		if (!(k & (B_LETTER | B_DIGIT))) {
			if (k & (B_SYM | B_WILD))
				sym_byte(w, x, i, e, k, active);
			if (k & B_ANY)
				walk(w, x, i, e, true, active);
			i++;
			continue;
		}
		/* a letter/digit run: its start walks with both roots (its
		** letters' triggers included); letter runs after digits are
		** looked up, bytes that start strings anywhere walked */
		/* (past s, the byte before is one the loop found no letter
		** or digit: each run is read to its end) */
		bool is_start = i > s || i == 0 ||
				!(cls[x[i - 1]] & (B_LETTER | B_DIGIT));
		if (is_start) {
			if (k & (B_RUN | B_ANY))
				walk(w, x, i, e, false, active);
		} else {
			if (k & B_LETTER)
				trigger_word(w, x, i, e, active);
			if (k & B_ANY)
				walk(w, x, i, e, true, active);
		}
		/* a run of digits starts: a hit for the groups with "digit" */
		if ((k & B_DIGIT) && n->is_digit_pos)
			norm_near_hit(&w->near, i, NEAR_DIGIT);
		kinds |= k;
		uint8_t prev = k;
		for (;;) {
			/* most bytes: the same kind of run, nothing starts,
			** or the walk from it is known to die at once */
			uint8_t same = prev & (B_LETTER | B_DIGIT);
			while (++i < e) {
				uint8_t kq = cls[x[i]] &
					     (B_LETTER | B_DIGIT | B_ANY);
				if (kq != same &&
				    (kq != (same | B_ANY) ||
				     !is_dead_pair(w, x, i, e)))
					break;
			}
			if (i >= e)
				break;
			uint8_t kq = cls[x[i]];
			if (!(kq & (B_LETTER | B_DIGIT)))
				break;
			kinds |= kq;
			if ((kq & B_LETTER) && (prev & B_DIGIT))
				trigger_word(w, x, i, e, active);
			else if ((kq & B_DIGIT) && (prev & B_LETTER) &&
				 n->is_digit_pos)
				norm_near_hit(&w->near, i, NEAR_DIGIT);
			if ((kq & B_ANY) && !is_idle_pair(w, x, i, e))
				walk(w, x, i, e, true, active);
			prev = kq;
		}
	}
	if (kinds & B_DIGIT)
		or_set(active, n->digit_set, nw);
	if (n->nnear)
		norm_near_groups(&w->near, active);
	flush(w, w->is_all ? NULL : active);
	if (n->nnear)
		norm_near_starts(&w->near, x, s, w->bits, w->q, w->queued);
	return w->is_oom || w->near.is_oom ? FC_ENOMEM : FC_OK;
}
