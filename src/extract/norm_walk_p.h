/*
** norm_walk_p.h: the state of the scan's one pass over a stretch, shared
** by the pass (norm_walk.c, the hot loop) and the lazy DFA it walks on
** (norm_walk_dfa.c, which makes the states and transitions the pass
** lacks).
*/
#ifndef FC_NORM_WALK_P_H
#define FC_NORM_WALK_P_H

#include <stdbool.h>
#include <stdint.h>

#include "extract/norm_trie_p.h"

#define DFA_MAX 16384    /* states before the DFA starts over (14 bits) */
#define UNKNOWN 0xFFFFFFFFu
/* a transition in the table: the next state (below DFA_MAX), or'ed with
** T_BITS when it reports bits (in tbits16, read only then); T_DEAD to
** the dead state 0 with no bits (0 | T_BITS: with bits); or T_UNKNOWN
** (not made yet), or T_BAIL (the column of the bytes above ASCII). All
** but a live state without bits have T_BITS set, so the hot loop tests
** one bit for the bits, the walk's end and the slow path. */
#define T_BITS 0x8000u
#define T_DEAD 0xFFFDu
#define T_BAIL 0xFFFEu
#define T_UNKNOWN 0xFFFFu
_Static_assert(DFA_MAX <= T_BITS, "a state number must not reach T_BITS");
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

/*
** The lazy DFA: its states, transitions and interned bit sets. A walk
** owns one; a look-back's walk (norm_anchor.c) uses the scan's walk's
** instead, which has learnt most of what the look-back's text needs (a
** look-back re-reads text the scan read), and saves making a second
** DFA per thread. Only one walk reads a stretch at a time, and none
** keeps state ids or bits between stretches, so sharing needs no more
** than that: a restart queues the records of the walk that causes it.
*/
struct walk_dfa {
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
	** count, then word index and word, each a uint64), then the same
	** list of its triggers: a record names 3 or 4 patterns in one or
	** two words, and the flush reads those rather than every word of
	** the set; a trigger is a word or two, which the walk ors into
	** active */
	uint32_t *pat_at;       /* of each bit set: offset into pats */
	size_t cappat_at;
	uint64_t *pats;
	size_t npats, cappats;
	uint32_t start[2][128]; /* [anywhere only?][byte]: next << 16 | bits */
	uint32_t start_hi[128]; /* for anywhere, on a lead byte above ASCII
				** (byte - 0x80): the strings' first
				** character (norm_walk_dfa_start_hi) */
	/* ASCII pairs (first byte << 7 | second) from which a walk for
	** anywhere reports nothing and dies at the second byte (a word's
	** inner "t" or "a" mostly), or does not: known facts of the trie,
	** kept when the DFA starts over */
	uint64_t pair_dead[128 * 128 / 64], pair_live[128 * 128 / 64];
};

struct norm_walk {
	const struct fc_norm *n;
	const struct norm_scan *t;
	size_t nw;
	uint64_t *mem;          /* tbits, queued, fmask and ones */
	uint64_t *queued;       /* patterns with starts queued */
	struct norm_startq *q;  /* per pattern */
	struct walk_dfa *d;     /* &own, or the DFA of the walk shared */
	struct walk_dfa own;
	uint32_t *rec;          /* the reports of the stretch: position, bits */
	size_t nrec, caprec;
	size_t nrec_made;       /* records flushed so far (for tests) */
	struct norm_near near;  /* hits for anchor groups and windows */
	bool is_all;            /* queue for every pattern, active or not */
	const uint64_t *only;   /* queue for these patterns only (NULL: all) */
	/* for the last two sets only was: the byte classes of the scan
	** with B_RUN and B_ANY only where a walk may report a start of
	** one of the set or a trigger it needs (norm_scan.reach) */
	struct walk_only {
		const uint64_t *set;
		uint8_t cls[256];
		bool is_plain;
	} only_cls[2];
	const uint8_t *cls;     /* t->cls, or only's in only_cls */
	bool is_plain;          /* no ASCII letter of cls starts a string
				** anywhere (B_ANY): a letter run is read
				** to its end 8 bytes at a time */
	bool is_plain_t;        /* is_plain of t->cls */
	unsigned only_next;     /* the slot of only_cls to make next */
	uint64_t *fmask;        /* the flush's patterns: active and only */
	uint64_t *ones;         /* every pattern (a flush for all) */
	uint32_t *tmp;          /* a node set being made */
	size_t captmp;
	uint64_t *tbits;        /* bits being made (2 nw) */
	/* the characters above ASCII that begin an anchor, UTF-8 bytes
	** packed little-endian, sorted (grouped by lead byte: symch_at[c -
	** 0xC0] to symch_at[c - 0xC0 + 1]); made the first time a stretch
	** has a symbol byte above ASCII (sym_char_is_anchor) */
	uint32_t *symch;
	uint32_t symch_at[65];
	bool is_symch;          /* made (or out of memory: symch NULL) */
	bool is_oom;
};

static inline bool vgrow(struct norm_walk *w, void **v, size_t elem,
			 size_t *cap, size_t need)
{
	return norm_grow(v, elem, cap, need, &w->is_oom);
}

/*
** The end of the run of ASCII letters from i (below e): the first byte
** from i on that is no letter, or e. Eight bytes a step (the runs inside
** words are most of a text's bytes), each byte's letter test on its own
** lane: b = (byte & 0x7F) | 0x20 folds the case, b + 0x1F sets bit 7
** from 'a' on and b + 0x05 from '{' on, neither carrying into the next
** byte; bytes above ASCII are no letters. i <= e; reads nothing at or
** past e.
*/
static inline uint32_t norm_letters_end(const unsigned char *x, uint32_t i,
					uint32_t e)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t hi = 0x8080808080808080ull;
	while (e - i >= 8) {
		uint64_t v;
		memcpy(&v, x + i, 8);
		uint64_t b = (v & ~hi) | 0x2020202020202020ull;
		uint64_t is_letter = (b + 0x1F1F1F1F1F1F1F1Full) &
				     ~(b + 0x0505050505050505ull) & ~v & hi;
		uint64_t non = ~is_letter & hi;
		if (non)
			return i + (uint32_t)__builtin_ctzll(non) / 8;
		i += 8;
	}
#endif
	while (i < e && is_alpha(x[i]))
		i++;
	return i;
}

/* ---- The DFA (norm_walk_dfa.c) ------------------------------------------ */

/* Make the DFA of w, w->own (w->n, w->t, w->nw, w->tbits and the near
** hits set): its tables, and state 0. False when out of memory. */
bool norm_walk_dfa_init(struct norm_walk *w);
/* Free what norm_walk_dfa_init and the making of states allocated (of
** w->own). */
void norm_walk_dfa_free(struct norm_walk *w);
/* The start of a walk on ASCII byte c (any_only: with the root for
** anywhere only), made and kept in w->d->start: next << 16 | bits. UNKNOWN
** when out of memory. */
uint32_t norm_walk_dfa_start(struct norm_walk *w, bool any_only, unsigned c);
/* The start of a walk for anywhere on a character with lead byte c above
** ASCII: the first level for c (a string's class holds the lead bytes of
** its characters above ASCII), made and kept in w->d->start_hi. UNKNOWN
** when out of memory. */
uint32_t norm_walk_dfa_start_hi(struct norm_walk *w, unsigned c);
/* The transition of state *id on ASCII byte b, made and kept in the
** table (next << 16 | bits); when the DFA is full it starts over, with
** the node set of *id as its first state (*id is renumbered). UNKNOWN
** when out of memory. */
uint32_t norm_walk_dfa_learn(struct norm_walk *w, uint32_t *id, unsigned b);
/* The end bits of state id (is_bail false), or its bail bits, when they
** are not made yet: made and kept in the state. UNKNOWN when out of
** memory. */
uint32_t norm_walk_dfa_state_bits(struct norm_walk *w, uint32_t id,
				  bool is_bail);

/* ---- The pass (norm_walk.c) --------------------------------------------- */

/* A walk on the DFA of host, for the look-back of host's scan: it reads
** no stretch while host reads one, nor after host is destroyed (it may
** be destroyed after: that frees no part of the DFA). NULL when out of
** memory. */
struct norm_walk *norm_walk_create_shared(struct norm_walk *host);
/* From now on, queue starts only for the patterns of bitset only (NULL:
** every active one again); active still gets every pattern the stretch
** activates. A look-back (norm_anchor.c) runs a few kinds of pattern
** only: the starts of the rest would be queued, filtered on their hits
** and never tried. only must outlive its use. */
void norm_walk_queue_only(struct norm_walk *w, const uint64_t *only);

/* Queue the records of the stretch for every pattern (of w->only, if
** set): the DFA is about to start over, and the records name its bits. */
void norm_walk_flush_all(struct norm_walk *w);

#endif
