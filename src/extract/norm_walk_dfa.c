/*
** norm_walk_dfa.c: the DFA that the scan's pass (norm_walk.c) walks on,
** made lazily from the start tables of norm_trie.c (as RE2 does it).
**
** A state is a set of trie nodes; its transition on a column of bytes
** is made the first time the text needs it, with the bits it reports
** (the strings that end there: match starts, and triggers). Bit sets
** are interned, with the words of their starts listed for the flush. A
** byte above ASCII stops a walk and reports every match start below the
** state (its bail bits), which only adds tries; where the stretch ends,
** a state reports the strings whose conditions hold there (its end
** bits). Both are made the first time a walk ends or bails in the state
** (few states do). The DFA starts over when it has DFA_MAX states or
** 0xFFFF bit sets: the pass's records name bits, so they are queued
** first (norm_walk_flush_all).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_walk_p.h"

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

/* The lists of the words of w->tbits's starts and of its triggers, for
** bit set w->d->nbits (see walk_dfa.pats). */
static bool pat_list(struct norm_walk *w)
{
	size_t nw = w->nw, cnt = 0;
	for (size_t k = 0; k < 2 * nw; k++)
		cnt += w->tbits[k] != 0;
	if (!vgrow(w, (void **)&w->d->pat_at, sizeof(*w->d->pat_at), &w->d->cappat_at,
		   w->d->nbits + 1) ||
	    !vgrow(w, (void **)&w->d->pats, sizeof(*w->d->pats), &w->d->cappats,
		   w->d->npats + 2 * cnt + 2))
		return false;
	w->d->pat_at[w->d->nbits] = (uint32_t)w->d->npats;
	for (size_t half = 0; half < 2; half++) {
		const uint64_t *v = w->tbits + half * nw;
		size_t n = 0;
		for (size_t k = 0; k < nw; k++)
			n += v[k] != 0;
		w->d->pats[w->d->npats++] = n;
		for (size_t k = 0; k < nw; k++)
			if (v[k]) {
				w->d->pats[w->d->npats++] = k;
				w->d->pats[w->d->npats++] = v[k];
			}
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
	size_t i = h & w->d->hbitsmask;
	for (;; i = (i + 1) & w->d->hbitsmask) {
		uint32_t k = w->d->hbits[i];
		if (!k)
			break;
		if (!memcmp(w->d->bits + k * n2, w->tbits, n2 * sizeof(uint64_t)))
			return k;
	}
	if (w->d->nbits >= 0xFFFF || w->d->nbits * 2 > w->d->hbitsmask ||
	    !vgrow(w, (void **)&w->d->bits, n2 * sizeof(uint64_t), &w->d->capbits,
		   w->d->nbits + 1)) {
		w->is_oom = w->is_oom || w->d->nbits < 0xFFFF;
		return UNKNOWN;
	}
	memcpy(w->d->bits + w->d->nbits * n2, w->tbits, n2 * sizeof(uint64_t));
	if (!vgrow(w, (void **)&w->d->bflags, 1, &w->d->capbflags, w->d->nbits + 1))
		return UNKNOWN;
	uint8_t f = 0;
	for (size_t k = 0; k < w->nw; k++)
		f |= (w->tbits[k] ? F_STARTS : 0) |
		     (w->tbits[w->nw + k] ? F_TRIG : 0) |
		     (w->tbits[w->nw + k] & w->n->pos_set[k] ? F_POS : 0);
	w->d->bflags[w->d->nbits] = f;
	if (!pat_list(w))
		return UNKNOWN;
	w->d->hbits[i] = (uint32_t)w->d->nbits;
	return (uint32_t)w->d->nbits++;
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
	size_t i = h & w->d->hstmask;
	for (;; i = (i + 1) & w->d->hstmask) {
		uint32_t k = w->d->hst[i];
		if (!k)
			break;
		const struct dstate *d = &w->d->st[k - 1];
		if (d->hash == h && d->nnodes == n &&
		    !memcmp(w->d->dnodes + d->nodes, w->tmp, n * sizeof(*w->tmp)))
			return k - 1;
	}
	if (w->d->nst >= w->d->maxst)
		return UNKNOWN;
	if (!vgrow(w, (void **)&w->d->st, sizeof(*w->d->st), &w->d->capst, w->d->nst + 1) ||
	    !vgrow(w, (void **)&w->d->dnodes, sizeof(*w->d->dnodes), &w->d->capdnodes,
		   w->d->ndnodes + n) ||
	    !vgrow(w, (void **)&w->d->trans, w->d->nrow * sizeof(*w->d->trans),
		   &w->d->captrans, w->d->nst + 1) ||
	    !vgrow(w, (void **)&w->d->tbits16, w->d->nrow * sizeof(*w->d->tbits16),
		   &w->d->captbits16, w->d->nst + 1))
		return UNKNOWN;
	uint32_t id = (uint32_t)w->d->nst;
	struct dstate *d = &w->d->st[id];
	d->nodes = (uint32_t)w->d->ndnodes;
	d->nnodes = (uint32_t)n;
	d->hash = h;
	memcpy(w->d->dnodes + w->d->ndnodes, w->tmp, n * sizeof(*w->tmp));
	w->d->ndnodes += n;
	/* every column T_UNKNOWN (0xFFFF), the last T_BAIL */
	memset(w->d->trans + id * w->d->nrow, 0xFF, t->ncls * sizeof(*w->d->trans));
	w->d->trans[id * w->d->nrow + t->ncls] = T_BAIL;
	/* made when a walk first ends or bails here (few states do) */
	d->end = d->bail = UNKNOWN;
	w->d->hst[i] = id + 1;
	w->d->nst++;
	return id;
}

static void add_node(struct norm_walk *w, size_t *n, uint32_t nd)
{
	if (*n == w->captmp &&
	    !vgrow(w, (void **)&w->tmp, sizeof(*w->tmp), &w->captmp, *n + 1))
		return;
	w->tmp[(*n)++] = nd;
}

/* Is node nd in the sorted set v[0, n)? */
static bool set_holds(const uint32_t *v, size_t n, uint32_t nd)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < nd)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == nd;
}

/*
** The unconditional starts of the nodes w->tmp[0, n) that the step
** enters (not in the sorted set from[0, nfrom) it leaves) into tbits. A
** node of the state left was entered before on every walk that reached
** that state, from the same position, and reported its starts then: a
** looping node ("[0-9]+", "[a-z]+") would report them again at each
** byte of its run, a record each that queues nothing new.
*/
static void pats_bits(struct norm_walk *w, size_t n, const uint32_t *from,
		      size_t nfrom)
{
	const struct norm_scan *t = w->t;
	for (size_t k = 0; k < n; k++) {
		uint32_t nd = w->tmp[k];
		if (t->nodes[nd].pats >= 0 && !set_holds(from, nfrom, nd))
			or_set(w->tbits, pool_at(t, t->nodes[nd].pats, w->nw),
			       w->nw);
	}
}

/* A transition from the node set from[0, nfrom) (sorted; none for a
** start) to the node set w->tmp[0, n), with the bits in w->tbits and
** the unconditional starts of the nodes it enters: next << 16 | bits,
** or UNKNOWN when the DFA or the bit sets are full. (Inline: it is the
** tail of step and start_of, as it was before they shared it.) */
static inline __attribute__((always_inline)) uint32_t
transition(struct norm_walk *w, size_t n, const uint32_t *from,
	   size_t nfrom)
{
	pats_bits(w, n, from, nfrom);
	uint32_t bits = bits_id(w);
	uint32_t next = state_id(w, n);
	if (next == UNKNOWN || bits == UNKNOWN)
		return UNKNOWN;
	return next << 16 | bits;
}

/* The transition of state id on ASCII byte b: next << 16 | bits. */
static uint32_t step(struct norm_walk *w, uint32_t id, unsigned b)
{
	const struct norm_scan *t = w->t;
	memset(w->tbits, 0, 2 * w->nw * sizeof(uint64_t));
	const struct dstate *d = &w->d->st[id];
	cond_bits(w, w->d->dnodes + d->nodes, d->nnodes, (int)b);
	size_t n = 0;
	for (uint32_t k = 0; k < d->nnodes; k++) {
		uint32_t nd = w->d->dnodes[w->d->st[id].nodes + k];
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
	/* (state_id sorted the nodes of id; dnodes does not move before
	** transition reads them: state_id grows it after the read) */
	return transition(w, n, w->d->dnodes + d->nodes, d->nnodes);
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
	return transition(w, n, NULL, 0);
}

static void clear_dfa(struct norm_walk *w)
{
	/* the records name bits about to go: queue them now, for every
	** pattern the walk queues for (the inactive ones are not run); the
	** hits kept for anchor groups name them too. A shared DFA: the
	** walk that makes it start over is the one reading a stretch (the
	** other has no records nor hits in use) */
	norm_walk_flush_all(w);
	norm_near_save(&w->near, w->d->bits);
	w->d->nst = w->d->ndnodes = 0;
	w->d->nbits = 1; /* 0: the empty set */
	/* bit set 0, the empty one, lists no pattern */
	w->d->npats = 0;
	if (vgrow(w, (void **)&w->d->pat_at, sizeof(*w->d->pat_at), &w->d->cappat_at,
		  1) &&
	    vgrow(w, (void **)&w->d->pats, sizeof(*w->d->pats), &w->d->cappats, 2)) {
		w->d->pat_at[0] = 0;
		w->d->pats[w->d->npats++] = 0; /* no starts */
		w->d->pats[w->d->npats++] = 0; /* no triggers */
	}
	memset(w->d->hst, 0, (w->d->hstmask + 1) * sizeof(*w->d->hst));
	memset(w->d->hbits, 0, (w->d->hbitsmask + 1) * sizeof(*w->d->hbits));
	memset(w->d->start, 0xFF, sizeof(w->d->start));
	memset(w->d->start_hi, 0xFF, sizeof(w->d->start_hi));
	/* state 0: no node (dead) */
	w->d->nst = 0;
	state_id(w, 0);
	if (vgrow(w, (void **)&w->d->st, sizeof(*w->d->st), &w->d->capst, 1) &&
	    vgrow(w, (void **)&w->d->trans, w->d->nrow * sizeof(*w->d->trans),
		  &w->d->captrans, 1) &&
	    vgrow(w, (void **)&w->d->tbits16, w->d->nrow * sizeof(*w->d->tbits16),
		  &w->d->captbits16, 1)) {
		memset(&w->d->st[0], 0, sizeof(w->d->st[0]));
		for (size_t c = 0; c < w->d->nrow; c++) {
			/* dead stays dead, reports nothing */
			w->d->trans[c] = T_DEAD;
			w->d->tbits16[c] = 0;
		}
		w->d->nst = 1;
	}
}

/*
** The DFA is full: start over, with the node set of *id as a state (*id
** renumbered). False when out of memory.
*/
static bool restart_at(struct norm_walk *w, uint32_t *id)
{
	size_t n = w->d->st[*id].nnodes;
	uint32_t *set = malloc(n * sizeof(*set));
	if (!set) {
		w->is_oom = true;
		return false;
	}
	memcpy(set, w->d->dnodes + w->d->st[*id].nodes, n * sizeof(*set));
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
	const struct dstate *d = &w->d->st[id];
	const uint32_t *set = w->d->dnodes + d->nodes;
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
		*(is_bail ? &w->d->st[id].bail : &w->d->st[id].end) = b;
	return b;
}

uint32_t norm_walk_dfa_state_bits(struct norm_walk *w, uint32_t id,
				  bool is_bail)
{
	uint32_t b = make_state_bits(w, id, is_bail);
	if (b == UNKNOWN && !w->is_oom && restart_at(w, &id))
		b = make_state_bits(w, id, is_bail);
	if (b == UNKNOWN)
		w->is_oom = true;
	return b;
}

uint32_t norm_walk_dfa_learn(struct norm_walk *w, uint32_t *id, unsigned b)
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
	size_t at = *id * w->d->nrow + t->bcls[b];
	w->d->trans[at] = (uint16_t)(!tr ? T_DEAD
				      : (tr >> 16) | ((tr & 0xFFFF) || !(tr >> 16)
							      ? T_BITS
							      : 0));
	w->d->tbits16[at] = (uint16_t)(tr & 0xFFFF);
	return tr;
}

/* start_of, the DFA started over when it is full; UNKNOWN when out of
** memory. */
static uint32_t start_made(struct norm_walk *w, bool any_only, unsigned c)
{
	uint32_t tr = start_of(w, any_only, c);
	if (tr == UNKNOWN) {
		clear_dfa(w);
		if ((tr = start_of(w, any_only, c)) == UNKNOWN)
			w->is_oom = true;
	}
	return tr;
}

uint32_t norm_walk_dfa_start(struct norm_walk *w, bool any_only, unsigned c)
{
	uint32_t tr = start_made(w, any_only, c);
	if (tr != UNKNOWN)
		w->d->start[any_only][c] = tr;
	return tr;
}

uint32_t norm_walk_dfa_start_hi(struct norm_walk *w, unsigned c)
{
	uint32_t tr = start_made(w, true, c);
	if (tr != UNKNOWN)
		w->d->start_hi[c - 0x80] = tr;
	return tr;
}

bool norm_walk_dfa_init(struct norm_walk *w)
{
	w->d = &w->own;
	w->d->maxst = DFA_MAX;
	w->d->hstmask = 2 * DFA_MAX - 1;
	w->d->hst = calloc(w->d->hstmask + 1, sizeof(*w->d->hst));
	w->d->hbitsmask = 2 * 65536 - 1;
	w->d->hbits = calloc(w->d->hbitsmask + 1, sizeof(*w->d->hbits));
	if (!w->d->hst || !w->d->hbits)
		return false;
	w->d->nrow = w->t->ncls + 1;
	for (unsigned c = 0; c < 256; c++)
		w->d->col[c] = c < 128 ? w->t->bcls[c] : (uint8_t)w->t->ncls;
	clear_dfa(w);
	return !w->is_oom;
}

void norm_walk_dfa_free(struct norm_walk *w)
{
	struct walk_dfa *d = &w->own;
	free(d->st);
	free(d->dnodes);
	free(d->trans);
	free(d->tbits16);
	free(d->hst);
	free(d->bits);
	free(d->hbits);
	free(d->bflags);
	free(d->pat_at);
	free(d->pats);
	free(w->tmp);
}

void norm_walk_set_max_states(struct norm_walk *w, size_t n)
{
	w->d->maxst = n < 4 ? 4 : n < DFA_MAX ? n : DFA_MAX;
}
