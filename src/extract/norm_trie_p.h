/*
** norm_trie_p.h: the start tables of the normalizer scan, shared by
** their builder (norm_trie.c) and the pass that walks them (norm_walk.c).
*/
#ifndef FC_NORM_TRIE_P_H
#define FC_NORM_TRIE_P_H

#include <stdbool.h>
#include <stdint.h>

#include "extract/norm_p.h"

enum { B_LETTER = 1, B_DIGIT = 2, B_ANY = 4, B_SYM = 8, B_RUN = 16 };

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

#endif
