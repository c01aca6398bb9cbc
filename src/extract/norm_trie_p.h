/*
** norm_trie_p.h: the start tables of the normalizer scan, shared by
** their builder (norm_trie.c) and the pass that walks them (norm_walk.c).
*/
#ifndef FC_NORM_TRIE_P_H
#define FC_NORM_TRIE_P_H

#include <stdbool.h>
#include <stdint.h>
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

static inline void or_set(uint64_t *dst, const uint64_t *src, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		dst[i] |= src[i];
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
** or anchor_within (fc_norm.near): the hits, where a word or symbol
** triggers a bit of pos_set (with a copy of its trigger bits), and the
** scratch of the filter.
*/
struct norm_near {
	const struct fc_norm *n;
	size_t nw;
	uint32_t *hpos;   /* the hits: position, */
	uint64_t *hset;   /* and trigger bits (nw words each) */
	size_t nhit, caphpos, caphset;
	uint32_t *npos;   /* the hits of one pattern: position, */
	uint8_t *nmask;   /* and the groups they serve (bit g) */
	size_t capnpos, capnmask;
	uint64_t *ones;   /* the bits of a wild hit: every one */
	bool is_wild;     /* the stretch has one */
	bool is_oom;
};

void norm_near_init(struct norm_near *nn, const struct fc_norm *n);
void norm_near_free(struct norm_near *nn);
/* A new stretch: no hits. */
void norm_near_reset(struct norm_near *nn);
bool norm_near_grow(struct norm_near *nn);
/* A hit at p: a word or symbol there triggers bits (copied). Hits come
** in position order. */
static inline void norm_near_hit(struct norm_near *nn, uint32_t p,
				 const uint64_t *bits)
{
	if (nn->nhit == nn->caphpos && !norm_near_grow(nn))
		return;
	nn->hpos[nn->nhit] = p;
	memcpy(nn->hset + nn->nhit * nn->nw, bits, nn->nw * sizeof(*bits));
	nn->nhit++;
}
/* A wild hit at p: a character a caseless match may read as an ASCII
** letter (U+212A, U+017F), so any word may be there. */
void norm_near_wild(struct norm_near *nn, uint32_t p);
/* After the walk of a stretch: a pattern with anchor groups stays active
** only when the stretch has a word of every group. */
void norm_near_groups(struct norm_near *nn, uint64_t *active);
/* After the starts are queued (q, queued: the walk's): a start of such a
** pattern stays only where the words of its groups are near it. */
void norm_near_starts(struct norm_near *nn, const unsigned char *x,
		      uint32_t s, uint32_t e, struct norm_startq *q,
		      uint64_t *queued);

#endif
