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
	int32_t bits; /* pool bitset */
	uint16_t x;
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

bool norm_scan_pattern(struct norm_pattern *p, struct fc_arena *a,
		       const char *rx, size_t len, uint32_t opts)
{
	pcre2_code_free(p->acode);
	p->acode = NULL;
	norm_first_analyze(rx, len, (opts & PCRE2_CASELESS) != 0, a,
			   &p->first);
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
	pcre2_jit_compile(p->acode, PCRE2_JIT_COMPLETE);
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

static uint32_t cond_new(struct build *bd, uint32_t nd, uint16_t x)
{
	struct norm_scan *t = bd->t;
	if (!grow(bd, (void **)&t->conds, sizeof(*t->conds), &t->capconds,
		  t->nconds + 1))
		return 0;
	uint32_t c = (uint32_t)t->nconds++;
	t->conds[c] = (struct trie_cond){t->nodes[nd].cond, -1, x};
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
		while (c && t->conds[c].x != x)
			c = t->conds[c].next;
		if (!c && !(c = cond_new(bd, nd, x)))
			return;
		bits = &t->conds[c].bits;
	}
	if (*bits < 0 && (*bits = pool_new(bd)) < 0)
		return;
	t->pool[(size_t)*bits * t->nwords + pi / 64] |= 1ull << (pi % 64);
}

static void add_string(struct build *bd, const struct norm_pattern *p,
		       const struct norm_pstr *s, size_t pi)
{
	uint32_t nd = s->flags & NORM_PS_WS ? 1 : 2;
	for (uint8_t k = 0; k < s->len && nd; k++)
		nd = child(bd, nd, intern_set(bd, p->first.sets[s->sym[k]]),
			   s->loop >> k & 1);
	if (!nd || bd->is_oom)
		return;
	uint16_t x = 0;
	if (!(s->flags & NORM_PS_TRUNC) && s->x)
		x = intern_set(bd, p->first.sets[s->x]);
	add_end(bd, nd, x, pi);
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
			or_set(d, t->pool + (size_t)t->conds[c].bits * nw, nw);
		for (uint32_t ch = node->child; ch; ch = t->nodes[ch].sibling)
			or_set(d, t->pool + (size_t)t->nodes[ch].sub * nw, nw);
	}
}

/* Dispatch tables for the nodes with many children. */
static void dispatch(struct build *bd)
{
	struct norm_scan *t = bd->t;
	uint32_t kids[256];
	uint32_t seen[128][2]; /* lists made for this node: offset, count */
	t->ndisp = 1;
	t->nlists = 1; /* offset 0: no children */
	for (size_t nd = 1; nd < t->nnodes && !bd->is_oom; nd++) {
		size_t nk = 0;
		for (uint32_t ch = t->nodes[nd].child; ch && nk < 256;
		     ch = t->nodes[ch].sibling)
			kids[nk++] = ch;
		if (nk < DISP_MIN)
			continue;
		if (!grow(bd, (void **)&t->disp, sizeof(*t->disp), &t->capdisp,
			  t->ndisp + 128))
			return;
		uint32_t d = (uint32_t)t->ndisp;
		t->ndisp += 128;
		size_t nseen = 0;
		for (unsigned b = 0; b < 128; b++) {
			uint32_t off = (uint32_t)t->nlists, cnt = 0;
			if (!grow(bd, (void **)&t->lists, sizeof(*t->lists),
				  &t->caplists, t->nlists + nk + 1))
				return;
			for (size_t k = 0; k < nk; k++)
				if (set_has(t->sets[t->nodes[kids[k]].sym], b))
					t->lists[off + 1 + cnt++] = kids[k];
			t->disp[d + b] = 0;
			if (!cnt)
				continue;
			t->lists[off] = cnt;
			size_t j;
			for (j = 0; j < nseen; j++)
				if (seen[j][1] == cnt &&
				    !memcmp(t->lists + seen[j][0] + 1,
					    t->lists + off + 1,
					    cnt * sizeof(*t->lists)))
					break;
			if (j < nseen) {
				t->disp[d + b] = seen[j][0];
				continue;
			}
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

fc_status norm_scan_build(struct fc_norm *n, struct fc_arena *a)
{
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
	subs(&bd);
	dispatch(&bd);
	first_level(&bd);
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
	/* characters of up to 4 bytes, and the one \b looks at */
	n->lookbehind = 4 * (size_t)maxlb + 4;
	n->scan = t;
	return FC_OK;
}

/* ---- Walking ----------------------------------------------------------- */

struct wstep {
	uint32_t nd, i;
};

/* A cached word: what the walk from its start finds inside it. */
struct wc_ent {
	uint64_t hash;   /* 0: free */
	uint32_t key;    /* offset into keys */
	uint32_t bits;   /* offset into bits: starts, then triggers */
	uint32_t ends;   /* offset into ends: nodes alive at its end */
	uint16_t nends;
	uint8_t len;
};

struct norm_walk {
	const struct fc_norm *n;
	const struct norm_scan *t;
	const unsigned char *x; /* text of the stretch being walked */
	uint32_t e;             /* its end */
	size_t nw;
	uint64_t *acc, *active; /* starts at the current position; active */
	uint64_t *tacc, *ttrig; /* a word being cached */
	struct wstep *stack;
	size_t top, capstack;
	struct norm_startq *q;  /* per pattern */
	struct wc_ent *slots;
	size_t nwords;
	char *keys;
	size_t nkeys, capkeys;
	uint64_t *bits;
	size_t nbits, capbits;
	uint32_t *ends;
	size_t nends, capends;
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

static void push(struct norm_walk *w, uint32_t nd, uint32_t i)
{
	if (w->top == w->capstack &&
	    !vgrow(w, (void **)&w->stack, sizeof(*w->stack), &w->capstack,
		   w->top + 1))
		return;
	w->stack[w->top++] = (struct wstep){nd, i};
}

/*
** Run the walk on the stack: the patterns whose strings end into acc.
** A step that reaches position stop is not taken but kept in w->ends.
*/
static void run(struct norm_walk *w, uint64_t *acc, uint32_t stop)
{
	const struct norm_scan *t = w->t;
	const unsigned char *x = w->x;
	uint32_t e = w->e;
	size_t nw = w->nw, steps = 0;
	while (w->top) {
		struct wstep s = w->stack[--w->top];
		if (s.i == stop) {
			if (vgrow(w, (void **)&w->ends, sizeof(*w->ends),
				  &w->capends, w->nends + 1))
				w->ends[w->nends++] = s.nd;
			continue;
		}
		const struct trie_node *node = &t->nodes[s.nd];
		if (node->pats >= 0)
			or_set(acc, t->pool + (size_t)node->pats * nw, nw);
		for (uint32_t c = node->cond; c; c = t->conds[c].next) {
			const struct trie_cond *cd = &t->conds[c];
			if (s.i >= e || !set_has(t->sets[cd->x], x[s.i]))
				or_set(acc, t->pool + (size_t)cd->bits * nw, nw);
		}
		if (s.i >= e || (!node->child && !node->is_loop))
			continue;
		unsigned char b = x[s.i];
		if (b >= 0x80 || ++steps > WALK_MAX) {
			/* whatever may follow */
			or_set(acc, t->pool + (size_t)node->sub * nw, nw);
			continue;
		}
		if (node->is_loop && set_has(t->sets[node->sym], b))
			push(w, s.nd, s.i + 1);
		if (node->disp) {
			const uint32_t *l = t->lists + t->disp[node->disp + b];
			for (uint32_t k = 1; k <= l[0]; k++)
				push(w, l[k], s.i + 1);
			continue;
		}
		for (uint32_t ch = node->child; ch; ch = t->nodes[ch].sibling)
			if (set_has(t->sets[t->nodes[ch].sym], b))
				push(w, ch, s.i + 1);
	}
}

/* Start a walk at p on the first-level nodes for byte x[p]. */
static void start(struct norm_walk *w, const uint32_t *at, uint32_t p)
{
	const struct norm_scan *t = w->t;
	unsigned char c = w->x[p];
	for (uint32_t k = at[c + 1]; k-- > at[c];) {
		if (c >= 0x80) {
			/* above ASCII: whatever may start with it */
			or_set(w->acc,
			       t->pool + (size_t)t->nodes[t->first[k]].sub * w->nw,
			       w->nw);
			continue;
		}
		push(w, t->first[k], p + 1);
	}
}

/* Queue position p for every pattern in w->acc. */
static void queue(struct norm_walk *w, uint32_t p)
{
	for (size_t k = 0; k < w->nw; k++) {
		for (uint64_t b = w->acc[k]; b; b &= b - 1) {
			size_t j = k * 64 + (size_t)__builtin_ctzll(b);
			struct norm_startq *q = &w->q[j];
			if (q->n == q->cap &&
			    !vgrow(w, (void **)&q->v, sizeof(*q->v), &q->cap,
				   q->n + 1))
				return;
			q->v[q->n++] = p;
		}
		w->acc[k] = 0;
	}
}

/* The trigger of the letter run at i (bounded by e) into trig; returns
** where the run ends. */
static uint32_t trigger_word(struct norm_walk *w, uint32_t i, uint32_t e,
			     uint64_t *trig)
{
	const struct fc_norm *n = w->n;
	char buf[32];
	size_t len = 0;
	uint32_t j = i;
	while (j < e && is_alpha(w->x[j])) {
		if (len < sizeof(buf))
			buf[len] = (char)(w->x[j] | 0x20);
		len++;
		j++;
	}
	if (len <= sizeof(buf)) {
		int32_t b = norm_hash_get(&n->triggers, -1, buf, len);
		if (b >= 0)
			or_set(trig, n->bitsets + (size_t)b * w->nw, w->nw);
	}
	return j;
}

static void cache_clear(struct norm_walk *w)
{
	memset(w->slots, 0, WC_SLOTS * sizeof(*w->slots));
	w->nwords = w->nkeys = w->nbits = w->nends = 0;
}

/*
** The word x[i, end) at the start of a letter/digit run: what a walk
** from i finds inside it (cached) into w->acc and w->active, then the
** strings that go on past it, walked on the text.
*/
static void word(struct norm_walk *w, uint32_t i, uint32_t end)
{
	const struct norm_scan *t = w->t;
	const unsigned char *x = w->x;
	size_t len = end - i, nw = w->nw;
	uint64_t h = 0xCBF29CE484222325ull;
	for (size_t k = 0; k < len; k++)
		h = (h ^ x[i + k]) * 0x100000001B3ull;
	h |= 1;
	struct wc_ent *en = NULL;
	size_t slot = (h >> 16) & (WC_SLOTS - 1);
	for (;; slot = (slot + 1) & (WC_SLOTS - 1)) {
		struct wc_ent *s = &w->slots[slot];
		if (!s->hash)
			break;
		if (s->hash == h && s->len == len &&
		    !memcmp(w->keys + s->key, x + i, len)) {
			en = s;
			break;
		}
	}
	if (!en) {
		if (w->nwords >= WC_WORDS) {
			cache_clear(w);
			slot = (h >> 16) & (WC_SLOTS - 1);
		}
		size_t ends0 = w->nends;
		memset(w->tacc, 0, nw * sizeof(uint64_t));
		memset(w->ttrig, 0, nw * sizeof(uint64_t));
		start(w, t->run_at, i);
		if (t->cls[x[i]] & B_ANY)
			start(w, t->any_at, i);
		run(w, w->tacc, end);
		for (uint32_t j = i; j < end; j++)
			if (is_alpha(x[j]) && (j == i || !is_alpha(x[j - 1])))
				trigger_word(w, j, end, w->ttrig);
		if (!vgrow(w, (void **)&w->keys, 1, &w->capkeys,
			   w->nkeys + len) ||
		    !vgrow(w, (void **)&w->bits, sizeof(*w->bits), &w->capbits,
			   w->nbits + 2 * nw))
			return;
		en = &w->slots[slot];
		en->hash = h;
		en->len = (uint8_t)len;
		en->key = (uint32_t)w->nkeys;
		memcpy(w->keys + w->nkeys, x + i, len);
		w->nkeys += len;
		en->bits = (uint32_t)w->nbits;
		memcpy(w->bits + w->nbits, w->tacc, nw * sizeof(uint64_t));
		memcpy(w->bits + w->nbits + nw, w->ttrig, nw * sizeof(uint64_t));
		w->nbits += 2 * nw;
		en->ends = (uint32_t)ends0;
		en->nends = (uint16_t)(w->nends - ends0);
		w->nwords++;
	}
	const uint64_t *b = w->bits + en->bits;
	or_set(w->acc, b, nw);
	or_set(w->active, b + nw, nw);
	for (uint16_t k = 0; k < en->nends; k++)
		push(w, w->ends[en->ends + k], end);
	run(w, w->acc, UINT32_MAX);
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
	w->slots = calloc(WC_SLOTS, sizeof(*w->slots));
	if (!w->acc || !w->q || !w->slots) {
		norm_walk_destroy(w);
		return NULL;
	}
	w->tacc = w->acc + w->nw;
	w->ttrig = w->acc + 2 * w->nw;
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
	free(w->stack);
	free(w->slots);
	free(w->keys);
	free(w->bits);
	free(w->ends);
	free(w);
}

const struct norm_startq *norm_walk_starts(const struct norm_walk *w,
					   size_t pi)
{
	return &w->q[pi];
}

fc_status norm_walk_stretch(struct norm_walk *w, const char *text,
			    uint32_t s, uint32_t e, uint64_t *active)
{
	const struct fc_norm *n = w->n;
	const struct norm_scan *t = w->t;
	const unsigned char *x = (const unsigned char *)text;
	size_t nw = w->nw;
	w->x = x;
	w->e = e;
	w->active = active;
	memcpy(active, n->always_set, nw * sizeof(uint64_t));
	for (size_t j = 0; j < n->npatterns; j++)
		w->q[j].n = 0;
	bool digit = false;
	for (uint32_t i = s; i < e;) {
		unsigned char c = x[i];
		uint8_t k = t->cls[c];
		if (!(k & (B_LETTER | B_DIGIT))) {
			if (k & B_SYM)
				or_set(active, n->sym_set[c], nw);
			if (k & B_ANY) {
				start(w, t->any_at, i);
				run(w, w->acc, UINT32_MAX);
				queue(w, i);
			}
			i++;
			continue;
		}
		/* a letter/digit run */
		bool is_start = i == 0 || !(t->cls[x[i - 1]] &
					    (B_LETTER | B_DIGIT));
		uint32_t end = i;
		uint8_t kinds = 0;
		while (end < e && (t->cls[x[end]] & (B_LETTER | B_DIGIT)))
			kinds |= t->cls[x[end++]];
		digit |= (kinds & B_DIGIT) != 0;
		bool cached = is_start && end - i <= WC_KEY_MAX;
		if (cached) {
			word(w, i, end);
			queue(w, i);
			if (!(kinds & B_ANY)) {
				i = end;
				continue;
			}
		}
		for (uint32_t j = cached ? i + 1 : i; j < end; j++) {
			unsigned char cj = x[j];
			uint8_t kj = t->cls[cj];
			if (!cached && (kj & B_LETTER) &&
			    (j == i || !is_alpha(x[j - 1])))
				trigger_word(w, j, e, active);
			if (j == i && is_start && (kj & B_RUN))
				start(w, t->run_at, j);
			if (kj & B_ANY)
				start(w, t->any_at, j);
			if (w->top) {
				run(w, w->acc, UINT32_MAX);
				queue(w, j);
			}
		}
		i = end;
	}
	if (digit)
		or_set(active, n->digit_set, nw);
	return w->is_oom ? FC_ENOMEM : FC_OK;
}
