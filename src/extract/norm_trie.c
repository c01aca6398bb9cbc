/*
** norm_trie.c: the start tables of the normalizer scan (norm_walk.c
** walks them).
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
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_trie_p.h"

bool norm_scan_pattern(struct fc_norm *n, struct norm_pattern *p,
		       struct fc_arena *a, const char *rx, size_t len,
		       uint32_t opts)
{
	norm_first_analyze(rx, len, (opts & PCRE2_CASELESS) != 0,
			   &n->first_memo, a, &p->first);
	return p->first.is_ok;
}

/* ---- Building ---------------------------------------------------------- */

struct build {
	struct norm_scan *t;
	struct fc_arena *a;
	bool is_oom;
	/* the children of every node by (node, class, loop): a walk of the
	** sibling list for each class of each string was most of the
	** build; slot: node index + 1, 0 free */
	uint32_t *kids;
	size_t kmask;
	uint32_t *parent; /* of each node */
	size_t capparent;
	/* the trie class of each class of the pattern being added (its
	** wide and narrow caseless forms): index + 1, 0 not made yet */
	uint32_t wide[256], narrow[256];
	/* the string added last for this pattern and the nodes of its
	** path (path[k]: after k classes): the next string often starts
	** the same */
	struct norm_pstr last;
	uint32_t path[NORM_PK + 1];
};

static uint32_t hash_set(const uint64_t *b)
{
	uint64_t h = 0x9E3779B97F4A7C15ull;
	for (int k = 0; k < 4; k++)
		h = (h ^ b[k]) * 0xFF51AFD7ED558CCDull;
	return (uint32_t)(h >> 32);
}

/*
** Room for need elements of the table *v (sets, nodes, conds, pool,
** dispatch, lists, first level): malloc'd, not in the arena, so that
** doubling does not clear and copy the table again each time (the pool
** is a MB); norm_scan_free frees them. New room is not cleared.
*/
static bool grow(struct build *bd, void **v, size_t elem, size_t *cap,
		 size_t need)
{
	if (need <= *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	void *g = ncap <= SIZE_MAX / elem ? realloc(*v, ncap * elem) : NULL;
	if (!g) {
		bd->is_oom = true;
		return false;
	}
	*v = g;
	*cap = ncap;
	return true;
}

void norm_scan_free(struct norm_scan *t)
{
	if (!t)
		return;
	free(t->sets);
	free(t->nodes);
	free(t->conds);
	free(t->pool);
	free(t->disp);
	free(t->lists);
	free(t->first);
	t->sets = NULL;
	t->nodes = NULL;
	t->conds = NULL;
	t->pool = NULL;
	t->disp = t->lists = t->first = NULL;
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

static size_t kid_slot(const struct build *bd, uint32_t nd, uint16_t sym,
		       bool is_loop)
{
	uint64_t h = ((uint64_t)nd << 17 | (uint64_t)sym << 1 | is_loop) *
		     0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 32) & bd->kmask;
}

/* Index node ch, a new child of nd, in bd->kids (grown at half full). */
static void kid_put(struct build *bd, uint32_t nd, uint32_t ch)
{
	struct norm_scan *t = bd->t;
	if (ch >= bd->capparent) {
		size_t cap = bd->capparent ? bd->capparent * 2 : 1024;
		while (cap <= ch)
			cap *= 2;
		uint32_t *p = realloc(bd->parent, cap * sizeof(*p));
		if (!p) {
			bd->is_oom = true;
			return;
		}
		bd->parent = p;
		bd->capparent = cap;
	}
	bd->parent[ch] = nd;
	if (t->nnodes * 2 > bd->kmask) {
		size_t cap = bd->kmask ? (bd->kmask + 1) * 2 : 4096;
		while (cap < t->nnodes * 2)
			cap *= 2;
		uint32_t *k = calloc(cap, sizeof(*k));
		if (!k) {
			bd->is_oom = true;
			return;
		}
		free(bd->kids);
		bd->kids = k;
		bd->kmask = cap - 1;
		for (uint32_t c = 3; c < ch; c++) {
			size_t i = kid_slot(bd, bd->parent[c], t->nodes[c].sym,
					    t->nodes[c].is_loop);
			while (k[i])
				i = (i + 1) & bd->kmask;
			k[i] = c + 1;
		}
	}
	size_t i = kid_slot(bd, nd, t->nodes[ch].sym, t->nodes[ch].is_loop);
	while (bd->kids[i])
		i = (i + 1) & bd->kmask;
	bd->kids[i] = ch + 1;
}

/* The child of nd on class sym (added when new). */
static uint32_t child(struct build *bd, uint32_t nd, uint16_t sym,
		      bool is_loop)
{
	struct norm_scan *t = bd->t;
	for (size_t i = bd->kids ? kid_slot(bd, nd, sym, is_loop) : 0;
	     bd->kids && bd->kids[i]; i = (i + 1) & bd->kmask) {
		uint32_t ch = bd->kids[i] - 1;
		if (bd->parent[ch] == nd && t->nodes[ch].sym == sym &&
		    t->nodes[ch].is_loop == is_loop)
			return ch;
	}
	uint32_t ch = node_new(bd, sym, is_loop);
	if (ch) {
		t->nodes[ch].sibling = t->nodes[nd].child;
		t->nodes[nd].child = ch;
		kid_put(bd, nd, ch);
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

/* The trie class of class id of p, in its caseless form (is_wide: see
** caseless), interned once for each pattern (memo: bd->wide or
** bd->narrow, emptied for each pattern). */
static uint16_t trie_set(struct build *bd, const struct norm_pattern *p,
			 uint8_t id, bool is_wide)
{
	uint32_t *memo = is_wide ? bd->wide : bd->narrow;
	if (memo[id])
		return (uint16_t)(memo[id] - 1);
	uint64_t b[4];
	memcpy(b, p->first.sets[id], sizeof(b));
	caseless(b, is_wide);
	uint16_t k = intern_set(bd, b);
	if (!bd->is_oom)
		memo[id] = (uint32_t)k + 1;
	return k;
}

static void add_string(struct build *bd, const struct norm_pattern *p,
		       const struct norm_pstr *s, size_t pi)
{
	uint32_t nd = s->flags & NORM_PS_WS ? 1 : 2;
	uint8_t k = 0;
	if (bd->path[0] == nd) {
		/* the path the last string shares */
		const struct norm_pstr *l = &bd->last;
		while (k < s->len && k < l->len && s->sym[k] == l->sym[k] &&
		       (s->loop >> k & 1) == (l->loop >> k & 1))
			k++;
		nd = bd->path[k];
	}
	bd->path[0] = s->flags & NORM_PS_WS ? 1 : 2;
	for (; k < s->len && nd; k++) {
		nd = child(bd, nd, trie_set(bd, p, s->sym[k], true),
			   s->loop >> k & 1);
		bd->path[k + 1] = nd;
	}
	bd->last = *s;
	if (!nd)
		bd->path[0] = 0;
	if (!nd || bd->is_oom)
		return;
	uint16_t x = 0;
	if (!(s->flags & NORM_PS_TRUNC) && s->x)
		x = trie_set(bd, p, s->x, false);
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
				or_set(d, pool_at(t, t->conds[c].bits, nw), nw);
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
	if (!grow(bd, (void **)&t->disp, sizeof(*t->disp), &t->capdisp, 1) ||
	    !grow(bd, (void **)&t->lists, sizeof(*t->lists), &t->caplists, 1))
		return;
	t->disp[0] = 0;
	t->lists[0] = 0;
	/* room for a table for every node that may get one, made once */
	size_t nbig = 0;
	for (size_t nd = 1; nd < t->nnodes; nd++) {
		size_t nch = 0;
		for (uint32_t ch = t->nodes[nd].child; ch && nch < DISP_MIN;
		     ch = t->nodes[ch].sibling)
			nch++;
		nbig += nch >= DISP_MIN;
	}
	if (!grow(bd, (void **)&t->disp, sizeof(*t->disp), &t->capdisp,
		  1 + 128 * nbig))
		return;
	for (size_t nd = 1; nd < t->nnodes && !bd->is_oom; nd++) {
		size_t nch = 0;
		for (uint32_t ch = t->nodes[nd].child; ch;
		     ch = t->nodes[ch].sibling)
			nch++;
		if (nch < DISP_MIN)
			continue;
		memset(nk, 0, sizeof(nk));
		bool is_over = false;
		for (uint32_t ch = t->nodes[nd].child; ch;
		     ch = t->nodes[ch].sibling) {
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
			/* the lists of a node differ, and neighbouring bytes
			** often share one: the last made is tried first */
			size_t j;
			for (j = nseen; j-- > 0;)
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
			memcpy(t->lists + off + 1, kids[b],
			       cnt * sizeof(*t->lists));
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
					uint16_t sym = t->nodes[ch].sym;
					if (!set_has(t->sets[sym], c))
						continue;
					if (!grow(bd, (void **)&t->first,
						  sizeof(*t->first), &cap,
						  n + 1))
						return;
					t->first[n++] = ch;
				}
			}
		}
		at[256] = (uint32_t)n;
	}
	for (unsigned c = 0; c < 256; c++) {
		uint8_t k = 0;
		if (t->run_at[c + 1] > t->run_at[c])
			k |= B_RUN;
		if (t->any_at[c + 1] > t->any_at[c])
			k |= B_ANY;
		t->cls[c] = (uint8_t)(t->cls[c] | k);
	}
}

/* The reach of each byte (norm_scan.reach): in the rules arena. */
static void reaches(struct build *bd, const struct fc_norm *n)
{
	struct norm_scan *t = bd->t;
	size_t nw = t->nwords;
	t->reach = fc_arena_alloc(bd->a, 512 * nw * sizeof(uint64_t));
	if (!t->reach) {
		bd->is_oom = true;
		return;
	}
	memset(t->reach, 0, 512 * nw * sizeof(uint64_t));
	/* a trigger word's first byte, as add_trigger enters it: below the
	** run-start root, which first_level enters at run starts for a
	** letter or digit, anywhere for other bytes */
	for (size_t i = 0; n->triggers.v && i <= n->triggers.mask; i++) {
		const struct norm_hent *h = &n->triggers.v[i];
		if (!h->hash || !h->len)
			continue;
		unsigned char c = (unsigned char)h->key[0];
		const uint64_t *b = n->bitsets + (size_t)h->val * nw;
		unsigned char cs[2] = {c, (unsigned char)(c & ~0x20)};
		for (int k = 0; k < 2 - (cs[0] == cs[1]); k++) {
			bool alnum = is_alpha(cs[k]) || is_digit(cs[k]);
			or_set(t->reach + ((alnum ? 0 : 256) + (size_t)cs[k]) * nw,
			       b, nw);
		}
	}
	/* the starts below the first level (a run start walks with both
	** roots) */
	for (unsigned c = 0; c < 256; c++) {
		uint64_t *run = t->reach + (size_t)c * nw;
		uint64_t *any = t->reach + (256 + (size_t)c) * nw;
		for (uint32_t k = t->run_at[c]; k < t->run_at[c + 1]; k++)
			if (t->nodes[t->first[k]].sub >= 0)
				or_set(run, pool_at(t, t->nodes[t->first[k]].sub, nw),
				       nw);
		for (uint32_t k = t->any_at[c]; k < t->any_at[c + 1]; k++)
			if (t->nodes[t->first[k]].sub >= 0)
				or_set(any, pool_at(t, t->nodes[t->first[k]].sub, nw),
				       nw);
		or_set(run, any, nw);
	}
}

/*
** The bytes a match may look at before its stretch: the patterns'
** longest look-behind in characters of up to 4 bytes, and the one \b
** looks at; a time that counts from the last date looks
** NORM_ANCHOR_WINDOW back. From the compiled codes, so a cached scan
** (norm_cache_scan.c) recomputes it rather than trusting its file.
*/
size_t norm_scan_lookbehind(const struct fc_norm *n)
{
	uint32_t maxlb = 0;
	for (size_t i = 0; i < n->npatterns; i++) {
		uint32_t lb = 0;
		if (n->patterns[i].code &&
		    !pcre2_pattern_info(n->patterns[i].code,
					PCRE2_INFO_MAXLOOKBEHIND, &lb) &&
		    lb > maxlb)
			maxlb = lb;
	}
	size_t lb = 4 * (size_t)maxlb + 4;
	return lb < NORM_ANCHOR_WINDOW + 4 ? NORM_ANCHOR_WINDOW + 4 : lb;
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
	struct build bd = {.t = t, .a = a};
	t->nwords = n->nwords;
	t->hmask = 4095;
	t->hsets = fc_arena_alloc(a, (t->hmask + 1) * sizeof(*t->hsets));
	if (!t->hsets)
		return FC_ENOMEM;
	/* node 0 and cond 0 stand for none; node 1 is the run-start root,
	** 2 the other */
	t->nconds = 1;
	if (!grow(&bd, (void **)&t->conds, sizeof(*t->conds), &t->capconds, 1))
		goto oom;
	memset(&t->conds[0], 0, sizeof(t->conds[0]));
	/* room for every node and bitset the strings and trigger words
	** can make, taken once (a node per class of a string at most; a
	** bitset per node and per string end): regrowing copied the MB
	** of the pool again and again; pages never written cost nothing */
	size_t nmax = 3, nends = 0;
	for (size_t i = 0; i < n->npatterns; i++) {
		const struct norm_pattern *p = &n->patterns[i];
		for (size_t k = 0; norm_is_anchored(p) && k < p->first.nstrs;
		     k++)
			nmax += p->first.strs[k].len;
		nends += norm_is_anchored(p) ? p->first.nstrs : 0;
	}
	for (size_t i = 0; n->triggers.v && i <= n->triggers.mask; i++)
		nmax += n->triggers.v[i].hash ? n->triggers.v[i].len : 0;
	if (!grow(&bd, (void **)&t->nodes, sizeof(*t->nodes), &t->capnodes,
		  nmax) ||
	    !grow(&bd, (void **)&t->pool, t->nwords * sizeof(uint64_t),
		  &t->cappool, nmax + nends))
		goto oom;
	for (int k = 0; k < 3; k++)
		node_new(&bd, 0, false);
	uint64_t letters[4] = {0};
	for (unsigned c = 'A'; c <= 'z'; c++)
		if (is_alpha((unsigned char)c))
			letters[c / 64] |= 1ull << (c % 64);
	uint16_t not_letter = intern_set(&bd, letters);
	t->bos = fc_arena_alloc(a, t->nwords * sizeof(uint64_t));
	if (!t->bos)
		goto oom;
	memset(t->bos, 0, t->nwords * sizeof(uint64_t));
	for (size_t i = 0; i < n->npatterns; i++) {
		const struct norm_pattern *p = &n->patterns[i];
		if (!norm_is_anchored(p))
			continue;
		if (p->first.is_bos) {
			t->bos[i / 64] |= 1ull << (i % 64);
			t->is_bos = true;
		}
		memset(bd.wide, 0, sizeof(bd.wide));
		memset(bd.narrow, 0, sizeof(bd.narrow));
		bd.path[0] = 0; /* no string of this pattern yet */
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
	if (!bd.is_oom)
		reaches(&bd, n);
	if (bd.is_oom)
		goto oom;
	free(bd.kids);
	free(bd.parent);
	for (unsigned c = 0; c < 256; c++) {
		if (is_alpha((unsigned char)c))
			t->cls[c] |= B_LETTER;
		if (is_digit((unsigned char)c))
			t->cls[c] |= B_DIGIT;
		if (c > ' ' && n->sym_set[c] && !is_alpha((unsigned char)c) &&
		    !is_digit((unsigned char)c))
			t->cls[c] |= B_SYM;
	}
	/* anchor groups and windows count a caseless k or s written
	** U+212A or U+017F as a word (norm_trie_near.c) */
	if (n->nnear) {
		t->cls[0xE2] |= B_WILD;
		t->cls[0xC5] |= B_WILD;
	}
	n->lookbehind = norm_scan_lookbehind(n);
	n->scan = t;
	return FC_OK;
oom:
	free(bd.kids);
	free(bd.parent);
	norm_scan_free(t);
	return FC_ENOMEM;
}
