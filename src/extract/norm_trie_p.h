/*
** norm_trie_p.h: the start tables of the normalizer scan, shared by
** their builder (norm_trie.c) and the pass that walks them (norm_walk.c).
*/
#ifndef FC_NORM_TRIE_P_H
#define FC_NORM_TRIE_P_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

enum { B_LETTER = 1, B_DIGIT = 2, B_ANY = 4, B_SYM = 8, B_RUN = 16,
       B_WILD = 32 }; /* B_WILD: the lead byte of U+212A or U+017F */

#define DISP_MIN 4      /* children from which a node dispatches by byte */

typedef uint64_t bset_t[4];

struct trie_node {
	uint32_t child, sibling; /* node indexes; 0 = none */
	uint32_t cond;           /* first conditional end; 0 = none */
	int32_t pats, sub;       /* pool bitsets; -1 = none */
	uint32_t disp;           /* children by byte (disp index); 0 = none */
	uint16_t sym;            /* byte class (set index) */
	bool is_loop;            /* a run of the class */
};

/* Strings that end at a node when the next byte is not in class x. */
struct trie_cond {
	uint32_t next;
	int32_t bits; /* pool bitset, or trigger bitset when is_trig */
	uint16_t x;
	bool is_trig;
};

struct norm_scan {
	size_t nwords;
	uint8_t cls[256];      /* B_* */
	bset_t *sets;          /* byte classes, interned */
	size_t nsets, capsets;
	uint32_t *hsets;       /* class hash: set index + 1 */
	size_t hmask;
	struct trie_node *nodes;
	size_t nnodes, capnodes;
	struct trie_cond *conds;
	size_t nconds, capconds;
	uint64_t *pool;        /* bitsets, nwords each */
	size_t npool, cappool;
	/* dispatch: 128 entries a node, each an offset into lists, where a
	** count is followed by that many children (0: none) */
	uint32_t *disp, *lists;
	size_t ndisp, capdisp, nlists, caplists;
	/* first level: nodes a byte may enter, at run starts / anywhere */
	uint32_t *first;
	uint32_t run_at[257], any_at[257]; /* offsets into first */
	uint8_t bcls[128]; /* the DFA column of an ASCII byte */
	size_t ncls;
	/* what a walk from byte c may report (the starts below its first
	** level, and the triggers of the words that begin with c): reach
	** + c * nwords from a run start, reach + (256 + c) * nwords for
	** anywhere; a walk for a few patterns skips the bytes whose reach
	** has none of theirs (norm_walk_queue_only) */
	uint64_t *reach;
	uint64_t *bos; /* patterns that may start at the subject's start */
	bool is_bos;   /* any of them */
};

static inline bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool set_has(const uint64_t *b, unsigned c)
{
	return b[c / 64] >> (c % 64) & 1;
}

/* Do bitsets x and y of nwords words share a bit? */
static inline bool sets_meet(const uint64_t *x, const uint64_t *y,
			     size_t nwords)
{
	for (size_t k = 0; k < nwords; k++)
		if (x[k] & y[k])
			return true;
	return false;
}

static inline void or_set(uint64_t *dst, const uint64_t *src, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		dst[i] |= src[i];
}

/*
** *v grown to at least need elements of elem bytes (*cap of them now;
** doubling from 64); false, with *v as it was, when out of memory, and
** then *is_oom is set.
*/
static inline bool norm_grow(void **v, size_t elem, size_t *cap,
			     size_t need, bool *is_oom)
{
	if (need <= *cap)
		return true;
	size_t nc = *cap ? *cap * 2 : 64;
	while (nc < need)
		nc *= 2;
	void *g = realloc(*v, nc * elem);
	if (!g) {
		*is_oom = true;
		return false;
	}
	*v = g;
	*cap = nc;
	return true;
}

/* Bitset i of the pool. */
static inline const uint64_t *pool_at(const struct norm_scan *t, int32_t i,
				      size_t nwords)
{
	return t->pool + (size_t)i * nwords;
}

/* ---- Anchor groups and windows (norm_trie_near.c) ---------------------- */

/*
** What the walk keeps of a stretch for the patterns with anchor groups
** or anchor_within (fc_norm.near): the hits, where a word, symbol or run
** of digits triggers a bit of pos_set, each with where its trigger bits
** are (a NEAR_* kind and an index), and the scratch of the filter.
*/
enum {
	NEAR_DFA = 0u << 29,   /* interned bits of the walk's DFA (index) */
	NEAR_TRIG = 1u << 29,  /* a trigger bitset of fc_norm (index) */
	NEAR_SYM = 2u << 29,   /* fc_norm.sym_set of a byte */
	NEAR_DIGIT = 3u << 29, /* fc_norm.digit_set */
	NEAR_WILD = 4u << 29,  /* every bit (norm_near_wild) */
	NEAR_SAVED = 5u << 29, /* a copy (index), when the DFA started over */
	NEAR_KIND = 7u << 29
};

struct norm_near {
	const struct fc_norm *n;
	size_t nw;
	uint32_t *hpos;   /* the hits: position, */
	uint32_t *href;   /* and kind | index of their bits */
	size_t nhit, caphit;
	const uint64_t *dfa; /* the walk's interned bits (NEAR_DFA) */
	uint64_t *saved;  /* NEAR_SAVED bits, nw words each */
	size_t nsaved, capsaved;
	uint64_t *ones;   /* the bits of a wild hit: every one */
	bool is_wild;     /* the stretch has one */
	bool is_full;     /* too many hits to index: keep every start */
	bool is_oom;
	/* the filter: the bits whose hits it sorts, and the hits of bit b,
	** a list from lhead[b] on (lpos: position, lnext: the next; 0
	** ends it) */
	uint64_t *want;
	uint32_t *ws;      /* the words of want with bits */
	uint32_t *lhead, *ltail, *lpos, *lnext;
	size_t caplpos, caplnext;
	uint32_t *orig;    /* a pattern's starts before the window */
	size_t caporig;
};

/* The tables of t that norm_scan_build mallocs (t itself is in the
** rules arena). */
void norm_scan_free(struct norm_scan *t);

void norm_near_init(struct norm_near *nn, const struct fc_norm *n);
void norm_near_free(struct norm_near *nn);
/* A new stretch: no hits. */
void norm_near_reset(struct norm_near *nn);
bool norm_near_grow(struct norm_near *nn);
/* A hit at p, its bits at ref (NEAR_* | index). Hits come in position
** order. */
static inline void norm_near_hit(struct norm_near *nn, uint32_t p,
				 uint32_t ref)
{
	if (nn->nhit == nn->caphit && !norm_near_grow(nn))
		return;
	nn->hpos[nn->nhit] = p;
	nn->href[nn->nhit++] = ref;
}
/* A wild hit at p: a character a caseless match may read as an ASCII
** letter (U+212A, U+017F), so any word may be there. */
void norm_near_wild(struct norm_near *nn, uint32_t p);
/* The walk's DFA (its interned bits dfa) starts over: copy the bits of
** the stretch's hits so far. */
void norm_near_save(struct norm_near *nn, const uint64_t *dfa);
/* After the walk of a stretch: a pattern with anchor groups stays active
** only when the stretch has a word of every group. */
void norm_near_groups(struct norm_near *nn, uint64_t *active);
/* After the starts are queued (q, queued: the walk's; dfa: its interned
** bits; s: the stretch's start): a start of such a pattern stays only
** where the words of its groups are near it. */
void norm_near_starts(struct norm_near *nn, const unsigned char *x,
		      uint32_t s, const uint64_t *dfa, struct norm_startq *q,
		      uint64_t *queued);

#endif
