/*
** norm_trie.c: the start tables of the normalizer scan and the one pass
** over a stretch that uses them.
**
** Built once per rule suite from every pattern's start strings
** (norm_first.c): one trie of byte classes with two roots, for strings
** that begin at the start of a letter/digit run (after \b or a
** lookbehind such as (?<![\w.,])) and for strings that begin anywhere.
** The trigger words (the anchors of norm_compile.c) are in it too, as
** caseless letters followed by a non-letter, so one walk at the start of
** a word finds both the patterns the word activates and the patterns
** whose match may start there. Nodes with many children dispatch by
** byte; a run of one class ([0-9]+, \s+) is one node that loops.
**
** The pass (norm_walk_stretch) reads every byte of the stretch once:
** the letter runs select the patterns whose anchors occur (the trigger
** hash of norm_compile.c), digits and symbols too, and the walks find
** where each pattern's match may start. A letter/digit run is looked up
** in a word cache first: its triggers and what the walk finds inside it
** depend on its bytes only, so they are computed once per distinct
** word; only the strings that go on past the word ("a" + space + scale
** word) are walked on the text. A walk is bounded (WALK_MAX steps);
** past that, or at a byte above ASCII, it reports every pattern below
** the node, which only adds tries.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

enum { B_LETTER = 1, B_DIGIT = 2, B_ANY = 4, B_SYM = 8, B_RUN = 16 };

#define DISP_MIN 4      /* children from which a node dispatches by byte */
#define WALK_MAX 1024   /* steps of one walk */
#define WC_SLOTS 65536  /* word cache slots (a power of two) */
#define WC_WORDS 32768  /* words cached before the cache starts over */
#define WC_KEY_MAX 32   /* longer runs are walked each time */

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
};

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool set_has(const uint64_t *b, unsigned c)
{
	return b[c / 64] >> (c % 64) & 1;
}

static void or_set(uint64_t *dst, const uint64_t *src, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		dst[i] |= src[i];
}

bool norm_scan_pattern(struct fc_norm *n, struct norm_pattern *p,
		       struct fc_arena *a, const char *rx, size_t len,
		       uint32_t opts)
{
	pcre2_code_free(p->acode);
	p->acode = NULL;
	norm_first_analyze(rx, len, (opts & PCRE2_CASELESS) != 0,
			   &n->first_memo, a, &p->first);
	if (!p->first.is_ok)
		return false;
	int err;
	PCRE2_SIZE off;
	p->acode = pcre2_compile((PCRE2_SPTR)rx, len, opts | PCRE2_ANCHORED,
				 &err, &off, NULL);
	if (!p->acode) {
		p->first.is_ok = false;
		return false;
	}
	p->is_ajit = pcre2_jit_compile(p->acode, PCRE2_JIT_COMPLETE) == 0;
	return true;
}

/* ---- Building ---------------------------------------------------------- */

struct build {
	struct norm_scan *t;
	struct fc_arena *a;
	bool is_oom;
};

static uint32_t hash_set(const uint64_t *b)
{
	uint64_t h = 0x9E3779B97F4A7C15ull;
	for (int k = 0; k < 4; k++)
		h = (h ^ b[k]) * 0xFF51AFD7ED558CCDull;
	return (uint32_t)(h >> 32);
}

static bool grow(struct build *bd, void **v, size_t elem, size_t *cap,
		 size_t need)
{
	void *g = fc_arena_grow(bd->a, *v, elem, cap, need);
	if (!g)
		bd->is_oom = true;
	else
		*v = g;
	return g != NULL;
}

/* The index of class b (added when new). */
static uint16_t intern_set(struct build *bd, const uint64_t *b)
{
	struct norm_scan *t = bd->t;
	for (size_t i = hash_set(b) & t->hmask;; i = (i + 1) & t->hmask) {
		uint32_t k = t->hsets[i];
		if (!k) {
			if (t->nsets >= t->hmask / 2 || t->nsets >= 65535 ||
			    !grow(bd, (void **)&t->sets, sizeof(bset_t),
				  &t->capsets, t->nsets + 1)) {
				bd->is_oom = true;
				return 0;
			}
			memcpy(t->sets[t->nsets], b, sizeof(bset_t));
			t->hsets[i] = (uint32_t)++t->nsets;
			return (uint16_t)(t->nsets - 1);
		}
		if (!memcmp(t->sets[k - 1], b, sizeof(bset_t)))
			return (uint16_t)(k - 1);
	}
}

static int32_t pool_new(struct build *bd)
{
	struct norm_scan *t = bd->t;
	if (!grow(bd, (void **)&t->pool, t->nwords * sizeof(uint64_t),
		  &t->cappool, t->npool + 1))
		return -1;
	memset(t->pool + t->npool * t->nwords, 0,
	       t->nwords * sizeof(uint64_t));
	return (int32_t)t->npool++;
}

static uint32_t node_new(struct build *bd, uint16_t sym, bool is_loop)
{
	struct norm_scan *t = bd->t;
	if (!grow(bd, (void **)&t->nodes, sizeof(*t->nodes), &t->capnodes,
		  t->nnodes + 1))
		return 0;
	t->nodes[t->nnodes] =
		(struct trie_node){0, 0, 0, -1, -1, 0, sym, is_loop};
	return (uint32_t)t->nnodes++;
}

/* The child of nd on class sym (added when new). */
static uint32_t child(struct build *bd, uint32_t nd, uint16_t sym,
		      bool is_loop)
{
	struct norm_scan *t = bd->t;
	for (uint32_t ch = t->nodes[nd].child; ch; ch = t->nodes[ch].sibling)
		if (t->nodes[ch].sym == sym && t->nodes[ch].is_loop == is_loop)
			return ch;
	uint32_t ch = node_new(bd, sym, is_loop);
	if (ch) {
		t->nodes[ch].sibling = t->nodes[nd].child;
		t->nodes[nd].child = ch;
	}
	return ch;
}

static uint32_t cond_new(struct build *bd, uint32_t nd, uint16_t x,
			 int32_t bits, bool is_trig)
{
	struct norm_scan *t = bd->t;
	if (!grow(bd, (void **)&t->conds, sizeof(*t->conds), &t->capconds,
		  t->nconds + 1))
		return 0;
	uint32_t c = (uint32_t)t->nconds++;
	t->conds[c] = (struct trie_cond){t->nodes[nd].cond, bits, x, is_trig};
	t->nodes[nd].cond = c;
	return c;
}

/* Set bit pi in the bitset of node nd's end (x: the condition). */
static void add_end(struct build *bd, uint32_t nd, uint16_t x, size_t pi)
{
	struct norm_scan *t = bd->t;
	int32_t *bits = &t->nodes[nd].pats;
	if (x) {
		uint32_t c = t->nodes[nd].cond;
		while (c && (t->conds[c].x != x || t->conds[c].is_trig))
			c = t->conds[c].next;
		if (!c && !(c = cond_new(bd, nd, x, -1, false)))
			return;
		bits = &t->conds[c].bits;
	}
	if (*bits < 0 && (*bits = pool_new(bd)) < 0)
		return;
	t->pool[(size_t)*bits * t->nwords + pi / 64] |= 1ull << (pi % 64);
}

/*
** A class with both cases of its ASCII letters (is_wide), or with only
** the letters it has in both cases. The trie tells no case apart, which
** makes fewer classes and DFA states; a class that takes more bytes
** only adds tries, and a condition that excludes fewer too.
*/
static void caseless(uint64_t *b, bool is_wide)
{
	uint64_t up = b[1] & 0x07FFFFFEull, low = b[1] >> 32 & 0x07FFFFFEull;
	uint64_t both = is_wide ? up | low : up & low;
	b[1] = (b[1] & ~(0x07FFFFFEull | 0x07FFFFFEull << 32)) | both |
	       both << 32;
}

static void add_string(struct build *bd, const struct norm_pattern *p,
		       const struct norm_pstr *s, size_t pi)
{
	uint32_t nd = s->flags & NORM_PS_WS ? 1 : 2;
	uint64_t b[4];
	for (uint8_t k = 0; k < s->len && nd; k++) {
		memcpy(b, p->first.sets[s->sym[k]], sizeof(b));
		caseless(b, true);
		nd = child(bd, nd, intern_set(bd, b), s->loop >> k & 1);
	}
	if (!nd || bd->is_oom)
		return;
	uint16_t x = 0;
	if (!(s->flags & NORM_PS_TRUNC) && s->x) {
		memcpy(b, p->first.sets[s->x], sizeof(b));
		caseless(b, false);
		x = intern_set(bd, b);
	}
	add_end(bd, nd, x, pi);
}

/* A trigger word: caseless letters at a run start, then no letter. */
static void add_trigger(struct build *bd, const struct norm_hent *h,
			uint16_t not_letter)
{
	uint32_t nd = 1;
	for (uint32_t k = 0; k < h->len && nd; k++) {
		uint64_t b[4] = {0};
		unsigned char c = (unsigned char)h->key[k];
		b[c / 64] |= 1ull << (c % 64);
		c = (unsigned char)(c & ~0x20);
		b[c / 64] |= 1ull << (c % 64);
		nd = child(bd, nd, intern_set(bd, b), false);
	}
	if (nd)
		cond_new(bd, nd, not_letter, h->val, true);
}

/* sub: the match starts of a node and of every node under it (children
** have higher indexes than their parents). */
static void subs(struct build *bd)
{
	struct norm_scan *t = bd->t;
	size_t nw = t->nwords;
	for (size_t nd = t->nnodes; nd-- > 3 && !bd->is_oom;) {
		int32_t sub = pool_new(bd);
		if (sub < 0)
			return;
		struct trie_node *node = &t->nodes[nd];
		node->sub = sub;
		uint64_t *d = t->pool + (size_t)sub * nw;
		if (node->pats >= 0)
			or_set(d, t->pool + (size_t)node->pats * nw, nw);
		for (uint32_t c = node->cond; c; c = t->conds[c].next)
			if (!t->conds[c].is_trig)
				or_set(d, t->pool + (size_t)t->conds[c].bits * nw,
				       nw);
		for (uint32_t ch = node->child; ch; ch = t->nodes[ch].sibling)
			or_set(d, t->pool + (size_t)t->nodes[ch].sub * nw, nw);
	}
}

/* Dispatch tables for the nodes with many children. */
static void dispatch(struct build *bd)
{
	struct norm_scan *t = bd->t;
	uint32_t kids[128][64]; /* by byte: the children it enters */
	uint8_t nk[128];
	uint32_t seen[128][2]; /* lists made for this node: offset, count */
	t->ndisp = 1;
	t->nlists = 1; /* offset 0: no children */
	for (size_t nd = 1; nd < t->nnodes && !bd->is_oom; nd++) {
		size_t nch = 0;
		for (uint32_t ch = t->nodes[nd].child; ch; ch = t->nodes[ch].sibling)
			nch++;
		if (nch < DISP_MIN)
			continue;
		memset(nk, 0, sizeof(nk));
		bool is_over = false;
		for (uint32_t ch = t->nodes[nd].child; ch; ch = t->nodes[ch].sibling) {
			const uint64_t *set = t->sets[t->nodes[ch].sym];
			for (int w = 0; w < 2; w++)
				for (uint64_t m = set[w]; m; m &= m - 1) {
					unsigned b = (unsigned)(w * 64 +
						__builtin_ctzll(m));
					if (nk[b] == 64)
						is_over = true;
					else
						kids[b][nk[b]++] = ch;
				}
		}
		if (is_over)
			continue; /* too many on one byte: scan the siblings */
		if (!grow(bd, (void **)&t->disp, sizeof(*t->disp), &t->capdisp,
			  t->ndisp + 128))
			return;
		uint32_t d = (uint32_t)t->ndisp;
		t->ndisp += 128;
		size_t nseen = 0;
		for (unsigned b = 0; b < 128; b++) {
			uint32_t cnt = nk[b];
			t->disp[d + b] = 0;
			if (!cnt)
				continue;
			size_t j;
			for (j = 0; j < nseen; j++)
				if (seen[j][1] == cnt &&
				    !memcmp(t->lists + seen[j][0] + 1, kids[b],
					    cnt * sizeof(*t->lists)))
					break;
			if (j < nseen) {
				t->disp[d + b] = seen[j][0];
				continue;
			}
			uint32_t off = (uint32_t)t->nlists;
			if (!grow(bd, (void **)&t->lists, sizeof(*t->lists),
				  &t->caplists, t->nlists + cnt + 1))
				return;
			t->lists[off] = cnt;
			memcpy(t->lists + off + 1, kids[b], cnt * sizeof(*t->lists));
			seen[nseen][0] = off;
			seen[nseen++][1] = cnt;
			t->disp[d + b] = off;
			t->nlists += cnt + 1;
		}
		t->nodes[nd].disp = d;
	}
}

/* The first level by byte: at the start of a letter/digit run, the
** children of the run-start root; anywhere, the children of the other
** root, and of the run-start root for bytes that are no letter or digit
** (the \b or lookbehind before them is not checked). */
static void first_level(struct build *bd)
{
	struct norm_scan *t = bd->t;
	size_t n = 0, cap = 0;
	for (int any = 0; any < 2; any++) {
		uint32_t *at = any ? t->any_at : t->run_at;
		for (unsigned c = 0; c < 256; c++) {
			at[c] = (uint32_t)n;
			bool alnum = is_alpha((unsigned char)c) ||
				     is_digit((unsigned char)c);
			for (uint32_t r = 1; r <= 2; r++) {
				bool use = any ? r == 2 || !alnum
					       : r == 1 && alnum;
				for (uint32_t ch = t->nodes[r].child; use && ch;
				     ch = t->nodes[ch].sibling) {
					if (!set_has(t->sets[t->nodes[ch].sym], c))
						continue;
					if (!grow(bd, (void **)&t->first,
						  sizeof(*t->first), &cap, n + 1))
						return;
					t->first[n++] = ch;
				}
			}
		}
		at[256] = (uint32_t)n;
	}
	for (unsigned c = 0; c < 256; c++) {
		if (t->run_at[c + 1] > t->run_at[c])
			t->cls[c] |= B_RUN;
		if (t->any_at[c + 1] > t->any_at[c])
			t->cls[c] |= B_ANY;
	}
}

/* ASCII bytes that no class tells apart share a DFA column. */
static void byte_classes(struct build *bd)
{
	struct norm_scan *t = bd->t;
	size_t nw = (t->nsets + 63) / 64;
	uint64_t *sig = calloc(128 * (nw ? nw : 1), sizeof(uint64_t));
	if (!sig) {
		bd->is_oom = true;
		return;
	}
	for (unsigned b = 0; b < 128; b++)
		for (size_t k = 0; k < t->nsets; k++)
			if (set_has(t->sets[k], b))
				sig[b * nw + k / 64] |= 1ull << (k % 64);
	t->ncls = 0;
	for (unsigned b = 0; b < 128; b++) {
		unsigned c;
		for (c = 0; c < b; c++)
			if (!memcmp(sig + c * nw, sig + b * nw,
				    nw * sizeof(uint64_t)))
				break;
		t->bcls[b] = c < b ? t->bcls[c] : (uint8_t)t->ncls++;
	}
	free(sig);
}

fc_status norm_scan_build(struct fc_norm *n, struct fc_arena *a)
{
	norm_first_memo_free(n->first_memo);
	n->first_memo = NULL;
	struct norm_scan *t = fc_arena_alloc(a, sizeof(*t));
	if (!t)
		return FC_ENOMEM;
	struct build bd = {t, a, false};
	t->nwords = n->nwords;
	t->hmask = 4095;
	t->hsets = fc_arena_alloc(a, (t->hmask + 1) * sizeof(*t->hsets));
	if (!t->hsets)
		return FC_ENOMEM;
	/* node 0 and cond 0 stand for none; node 1 is the run-start root,
	** 2 the other */
	t->nconds = 1;
	if (!grow(&bd, (void **)&t->conds, sizeof(*t->conds), &t->capconds, 1))
		return FC_ENOMEM;
	for (int k = 0; k < 3; k++)
		node_new(&bd, 0, false);
	uint64_t letters[4] = {0};
	for (unsigned c = 'A'; c <= 'z'; c++)
		if (is_alpha((unsigned char)c))
			letters[c / 64] |= 1ull << (c % 64);
	uint16_t not_letter = intern_set(&bd, letters);
	uint32_t maxlb = 0;
	for (size_t i = 0; i < n->npatterns; i++) {
		const struct norm_pattern *p = &n->patterns[i];
		uint32_t lb = 0;
		if (p->code &&
		    !pcre2_pattern_info(p->code, PCRE2_INFO_MAXLOOKBEHIND, &lb) &&
		    lb > maxlb)
			maxlb = lb;
		if (!p->acode || !p->first.is_ok)
			continue;
		for (size_t k = 0; k < p->first.nstrs && !bd.is_oom; k++)
			add_string(&bd, p, &p->first.strs[k], i);
	}
	for (size_t i = 0; n->triggers.v && i <= n->triggers.mask; i++) {
		const struct norm_hent *h = &n->triggers.v[i];
		if (h->hash && h->len)
			add_trigger(&bd, h, not_letter);
	}
	subs(&bd);
	dispatch(&bd);
	first_level(&bd);
	byte_classes(&bd);
	if (bd.is_oom)
		return FC_ENOMEM;
	for (unsigned c = 0; c < 256; c++) {
		if (is_alpha((unsigned char)c))
			t->cls[c] |= B_LETTER;
		if (is_digit((unsigned char)c))
			t->cls[c] |= B_DIGIT;
		if (c > ' ' && n->sym_set[c] && !is_alpha((unsigned char)c) &&
		    !is_digit((unsigned char)c))
			t->cls[c] |= B_SYM;
	}
	/* characters of up to 4 bytes, and the one \b looks at; a time
	** that counts from the last date looks NORM_ANCHOR_WINDOW back */
	n->lookbehind = 4 * (size_t)maxlb + 4;
	if (n->lookbehind < NORM_ANCHOR_WINDOW + 4)
		n->lookbehind = NORM_ANCHOR_WINDOW + 4;
	n->scan = t;
	return FC_OK;
}

/* ---- Walking ----------------------------------------------------------- */

/*
** The walks run on a DFA built lazily from the trie (as RE2 does it): a
** state is a set of trie nodes; its transition on a column of bytes is
** made the first time the text needs it, with the bits it reports (the
** strings that end there: match starts, and triggers). A byte above
** ASCII stops a walk and reports every match start below the state. The
** DFA starts over when it has DFA_MAX states.
*/

#define DFA_MAX 16384    /* states before the DFA starts over */
#define UNKNOWN 0xFFFFFFFFu

struct dstate {
	uint32_t nodes;   /* offset into dnodes */
	uint32_t nnodes;
	uint32_t end, bail; /* bits when the stretch ends / at a non-ASCII
			       byte (bits index) */
	uint32_t hash;
};

struct norm_walk {
	const struct fc_norm *n;
	const struct norm_scan *t;
	size_t nw;
	uint64_t *acc;          /* starts at the current position */
	uint64_t *queued;       /* patterns with starts queued */
	struct norm_startq *q;  /* per pattern */
	/* DFA */
	struct dstate *st;
	size_t nst, capst;
	uint32_t *dnodes;       /* the node sets */
	size_t ndnodes, capdnodes;
	uint32_t *trans;        /* nst * ncls: next << 16 | bits, or UNKNOWN */
	size_t captrans;
	uint32_t *hst;          /* state hash: index + 1 */
	size_t hstmask;
	uint64_t *bits;         /* bit sets: starts then triggers, 2 nw each */
	size_t nbits, capbits;
	uint32_t *hbits;        /* their hash: index + 1 */
	size_t hbitsmask;
	uint32_t start[2][128]; /* [anywhere only?][byte]: next << 16 | bits */
	uint32_t *tmp;          /* a node set being made */
	size_t captmp;
	uint64_t *tbits;        /* bits being made (2 nw) */
	bool is_oom;
};

static bool vgrow(struct norm_walk *w, void **v, size_t elem, size_t *cap,
		  size_t need)
{
	if (need <= *cap)
		return true;
	size_t nc = *cap ? *cap * 2 : 256;
	while (nc < need)
		nc *= 2;
	void *g = realloc(*v, nc * elem);
	if (!g) {
		w->is_oom = true;
		return false;
	}
	*v = g;
	*cap = nc;
	return true;
}

static uint32_t hash_words(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h = 0xCBF29CE484222325ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001B3ull;
	return (uint32_t)(h >> 32) | 1;
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
	w->hbits[i] = (uint32_t)w->nbits;
	return (uint32_t)w->nbits++;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
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
				       w->n->bitsets + (size_t)cd->bits * nw, nw);
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
		qsort(w->tmp, n, sizeof(*w->tmp), cmp_u32);
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
	if (w->nst >= DFA_MAX)
		return UNKNOWN;
	if (!vgrow(w, (void **)&w->st, sizeof(*w->st), &w->capst, w->nst + 1) ||
	    !vgrow(w, (void **)&w->dnodes, sizeof(*w->dnodes), &w->capdnodes,
		   w->ndnodes + n) ||
	    !vgrow(w, (void **)&w->trans, t->ncls * sizeof(*w->trans),
		   &w->captrans, w->nst + 1))
		return UNKNOWN;
	uint32_t id = (uint32_t)w->nst;
	struct dstate *d = &w->st[id];
	d->nodes = (uint32_t)w->ndnodes;
	d->nnodes = (uint32_t)n;
	d->hash = h;
	memcpy(w->dnodes + w->ndnodes, w->tmp, n * sizeof(*w->tmp));
	w->ndnodes += n;
	for (size_t c = 0; c < t->ncls; c++)
		w->trans[id * t->ncls + c] = UNKNOWN;
	size_t nw = w->nw;
	memset(w->tbits, 0, 2 * nw * sizeof(uint64_t));
	cond_bits(w, w->tmp, n, -1);
	d->end = bits_id(w);
	for (size_t k = 0; k < n; k++)
		if (t->nodes[w->tmp[k]].sub >= 0)
			or_set(w->tbits,
			       t->pool + (size_t)t->nodes[w->tmp[k]].sub * nw, nw);
	d->bail = bits_id(w);
	if (d->end == UNKNOWN || d->bail == UNKNOWN)
		return UNKNOWN;
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
			       t->pool + (size_t)t->nodes[w->tmp[k]].pats * w->nw,
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

static void clear_dfa(struct norm_walk *w)
{
	w->nst = w->ndnodes = 0;
	w->nbits = 1; /* 0: the empty set */
	memset(w->hst, 0, (w->hstmask + 1) * sizeof(*w->hst));
	memset(w->hbits, 0, (w->hbitsmask + 1) * sizeof(*w->hbits));
	memset(w->start, 0xFF, sizeof(w->start));
	/* state 0: no node (dead) */
	w->nst = 0;
	state_id(w, 0);
	if (vgrow(w, (void **)&w->st, sizeof(*w->st), &w->capst, 1) &&
	    vgrow(w, (void **)&w->trans, w->t->ncls * sizeof(*w->trans),
		  &w->captrans, 1)) {
		memset(&w->st[0], 0, sizeof(w->st[0]));
		for (size_t c = 0; c < w->t->ncls; c++)
			w->trans[c] = 0; /* dead stays dead, reports nothing */
		w->nst = 1;
	}
}

/* OR the bits of index b into acc (starts) and active (triggers). */
static void report(struct norm_walk *w, uint32_t b, uint64_t *active)
{
	if (!b)
		return;
	const uint64_t *v = w->bits + (size_t)b * 2 * w->nw;
	or_set(w->acc, v, w->nw);
	or_set(active, v + w->nw, w->nw);
}

/*
** Walk from position p (its byte x[p] taken): at the start of a
** letter/digit run with both roots, else with the one for anywhere.
** Starts go to w->acc, triggers to active.
*/
static void walk(struct norm_walk *w, const unsigned char *x, uint32_t p,
		 uint32_t e, bool any_only, uint64_t *active)
{
	const struct norm_scan *t = w->t;
	unsigned c = x[p];
	if (c >= 0x80) {
		/* above ASCII: whatever may start with it */
		for (uint32_t k = t->any_at[c]; k < t->any_at[c + 1]; k++)
			or_set(w->acc,
			       t->pool + (size_t)t->nodes[t->first[k]].sub * w->nw,
			       w->nw);
		return;
	}
	uint32_t tr = w->start[any_only][c];
	if (tr == UNKNOWN) {
		tr = start_of(w, any_only, c);
		if (tr == UNKNOWN) {
			clear_dfa(w);
			if ((tr = start_of(w, any_only, c)) == UNKNOWN) {
				w->is_oom = true;
				return;
			}
		}
		w->start[any_only][c] = tr;
	}
	report(w, tr & 0xFFFF, active);
	uint32_t id = tr >> 16;
	for (uint32_t i = p + 1; id; i++) {
		if (i >= e) {
			report(w, w->st[id].end, active);
			return;
		}
		unsigned b = x[i];
		if (b >= 0x80) {
			report(w, w->st[id].bail, active);
			return;
		}
		tr = w->trans[id * t->ncls + t->bcls[b]];
		if (tr == UNKNOWN) {
			tr = step(w, id, b);
			if (tr == UNKNOWN) {
				/* the DFA is full: start over, here */
				uint32_t *set = malloc(w->st[id].nnodes *
						       sizeof(*set));
				size_t n = w->st[id].nnodes;
				if (!set) {
					w->is_oom = true;
					return;
				}
				memcpy(set, w->dnodes + w->st[id].nodes,
				       n * sizeof(*set));
				clear_dfa(w);
				if (vgrow(w, (void **)&w->tmp, sizeof(*w->tmp),
					  &w->captmp, n))
					memcpy(w->tmp, set, n * sizeof(*set));
				free(set);
				id = w->is_oom ? UNKNOWN : state_id(w, n);
				if (id == UNKNOWN ||
				    (tr = step(w, id, b)) == UNKNOWN) {
					w->is_oom = true;
					return;
				}
				w->trans[id * t->ncls + t->bcls[b]] = tr;
			} else {
				/* (step may have moved trans) */
				w->trans[id * t->ncls + t->bcls[b]] = tr;
			}
		}
		report(w, tr & 0xFFFF, active);
		id = tr >> 16;
	}
}

/* Queue position p for every pattern in w->acc. */
static void queue(struct norm_walk *w, uint32_t p)
{
	for (size_t k = 0; k < w->nw; k++) {
		for (uint64_t b = w->acc[k]; b; b &= b - 1) {
			size_t j = k * 64 + (size_t)__builtin_ctzll(b);
			struct norm_startq *q = &w->q[j];
			if (!q->n)
				w->queued[k] |= 1ull << (j % 64);
			if (q->n == q->cap &&
			    !vgrow(w, (void **)&q->v, sizeof(*q->v), &q->cap,
				   q->n + 1))
				return;
			q->v[q->n++] = p;
		}
		w->acc[k] = 0;
	}
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
		if (b >= 0)
			or_set(active, n->bitsets + (size_t)b * w->nw, w->nw);
	}
}

struct norm_walk *norm_walk_create(const struct fc_norm *n)
{
	struct norm_walk *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->n = n;
	w->t = n->scan;
	w->nw = n->nwords;
	w->acc = calloc(4 * w->nw, sizeof(uint64_t));
	w->q = calloc(n->npatterns, sizeof(*w->q));
	w->hstmask = 2 * DFA_MAX - 1;
	w->hst = calloc(w->hstmask + 1, sizeof(*w->hst));
	w->hbitsmask = 2 * 65536 - 1;
	w->hbits = calloc(w->hbitsmask + 1, sizeof(*w->hbits));
	if (!w->acc || !w->q || !w->hst || !w->hbits) {
		norm_walk_destroy(w);
		return NULL;
	}
	w->tbits = w->acc + w->nw;
	w->queued = w->acc + 3 * w->nw;
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
	free(w->acc);
	free(w->st);
	free(w->dnodes);
	free(w->trans);
	free(w->hst);
	free(w->bits);
	free(w->hbits);
	free(w->tmp);
	free(w);
}

const struct norm_startq *norm_walk_starts(const struct norm_walk *w,
					   size_t pi)
{
	return &w->q[pi];
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
	bool digit = false;
	for (uint32_t i = s; i < e;) {
		unsigned char c = x[i];
		uint8_t k = t->cls[c];
		if (!(k & (B_LETTER | B_DIGIT))) {
			if (k & B_SYM)
				or_set(active, n->sym_set[c], nw);
			if (k & B_ANY) {
				walk(w, x, i, e, true, active);
				queue(w, i);
			}
			i++;
			continue;
		}
		/* a letter/digit run: its start walks with both roots (its
		** letters' triggers included); letter runs after digits are
		** looked up, bytes that start strings anywhere walked */
		bool is_start = i == 0 || !(t->cls[x[i - 1]] &
					    (B_LETTER | B_DIGIT));
		uint32_t j = i;
		uint8_t kinds = 0;
		while (j < e && (t->cls[x[j]] & (B_LETTER | B_DIGIT)))
			kinds |= t->cls[x[j++]];
		if (kinds & B_DIGIT)
			digit = true;
		if (is_start) {
			if (k & (B_RUN | B_ANY)) {
				walk(w, x, i, e, false, active);
				queue(w, i);
			}
		} else {
			if (k & B_LETTER)
				trigger_word(w, x, i, e, active);
			if (k & B_ANY) {
				walk(w, x, i, e, true, active);
				queue(w, i);
			}
		}
		if (kinds & (B_DIGIT | B_ANY)) {
			for (uint32_t q = i + 1; q < j; q++) {
				uint8_t kq = t->cls[x[q]];
				if ((kq & B_LETTER) && !is_alpha(x[q - 1]))
					trigger_word(w, x, q, e, active);
				if (kq & B_ANY) {
					walk(w, x, q, e, true, active);
					queue(w, q);
				}
			}
		}
		i = j;
	}
	if (digit)
		or_set(active, n->digit_set, nw);
	return w->is_oom ? FC_ENOMEM : FC_OK;
}
