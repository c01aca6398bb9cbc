/*
** norm_cache_scan.c: the start tables of the scan (norm_trie.c) in the
** cache (core/cache.c keeps the file), beside the compiled patterns.
**
** The key: the base, then all that norm_scan_build reads: the patterns'
** start strings, through the key of the compiled patterns (the strings
** are made from the expansions that key covers), whether each pattern
** runs anchored and the longest look-behind of its code, the bitset
** width, the trigger hash as it is laid out (the trie is built in its
** slot order), the trigger bitsets, which bytes have symbol triggers,
** and whether any pattern has anchor groups.
**
** The payload: every table of struct norm_scan with its count, and
** n->lookbehind. Each count is bounded by what is left of the payload,
** and every index in the tables (children, siblings, conditions, pool
** bitsets, dispatch tables and their lists, the first level, classes)
** checked to point into its table, before the tables are used.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_cache_p.h"
#include "extract/norm_trie_p.h"

#define HSETS 4096 /* norm_scan_build's class hash (t->hmask + 1) */

/* ---- Key ------------------------------------------------------------------ */

/* A word of the key at o. */
static uint8_t *put_word(uint8_t *o, uint64_t v)
{
	memcpy(o, &v, sizeof(v));
	return o + sizeof(v);
}

/* The trigger hash h as it is laid out: the slot count, then each
** slot's hash and length, and when used its namespace, value and key;
** written in one piece (a call a word cost a warm start 1 M). */
static void put_triggers(struct fc_buf *b, const struct norm_hash *h)
{
	size_t nslot = h->v ? h->mask + 1 : 0, size = 8;
	for (size_t i = 0; i < nslot; i++)
		size += 8 + (h->v[i].hash ? 8 + h->v[i].len : 0);
	uint8_t *o0 = (uint8_t *)fc_buf_room(b, size), *o = o0;
	if (!o)
		return; /* b->err is set */
	o = put_word(o, nslot);
	for (size_t i = 0; i < nslot; i++) {
		const struct norm_hent *e = &h->v[i];
		o = put_word(o, e->hash ? (uint64_t)e->hash << 32 | e->len : 0);
		if (!e->hash)
			continue;
		o = put_word(o, (uint64_t)(uint32_t)e->ns << 32 |
					(uint32_t)e->val);
		memcpy(o, e->key, e->len);
		o += e->len;
	}
	fc_buf_used(b, (size_t)(o - o0));
}

static bool scan_key(const struct fc_norm *n, const uint64_t pkey[2],
		     uint64_t key[2])
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	bool ok = fc_cache_key_base(&b);
	fc_buf_adds(&b, "scan\n");
	fc_buf_add(&b, pkey, 2 * sizeof(*pkey));
	fc_cache_put_u64(&b, sizeof(struct trie_node) << 16 |
				       sizeof(struct trie_cond));
	fc_cache_put_u64(&b, n->nwords);
	fc_cache_put_u64(&b, n->npatterns);
	fc_cache_put_u64(&b, n->nnear != 0);
	uint64_t *pat = malloc((n->npatterns + 1) * sizeof(*pat));
	if (!pat)
		ok = false;
	for (size_t i = 0; pat && i < n->npatterns; i++) {
		const struct norm_pattern *p = &n->patterns[i];
		uint32_t lb = 0;
		if (p->code)
			pcre2_pattern_info(p->code, PCRE2_INFO_MAXLOOKBEHIND,
					   &lb);
		bool is_anch = norm_is_anchored(p);
		pat[i] = (uint64_t)lb << 8 | (uint64_t)is_anch << 1 |
			 (is_anch && p->first.is_bos);
	}
	if (pat)
		fc_buf_add(&b, pat, n->npatterns * sizeof(*pat));
	free(pat);
	put_triggers(&b, &n->triggers);
	fc_cache_put_u64(&b, n->nbitsets);
	fc_buf_add(&b, n->bitsets, n->nbitsets * n->nwords * sizeof(uint64_t));
	uint8_t sym[256];
	for (unsigned c = 0; c < 256; c++)
		sym[c] = n->sym_set[c] != NULL;
	fc_buf_add(&b, sym, sizeof(sym));
	ok = ok && !b.err;
	if (ok)
		fc_cache_hash(b.p, b.len, 0, key);
	fc_buf_finish(&b);
	return ok;
}

/* ---- Writing -------------------------------------------------------------- */

/* Table v of n elements of elem bytes, after its count. */
static void put_table(struct fc_buf *b, const void *v, size_t n, size_t elem)
{
	fc_cache_put_u64(b, n);
	fc_buf_add(b, v, n * elem);
}

void norm_cache_scan_store(const struct fc_norm *n, const uint64_t key[2])
{
	const struct norm_scan *t = n->scan;
	char *dir = t ? fc_cache_dir() : NULL;
	if (!dir)
		return;
	struct fc_buf b;
	fc_buf_init(&b, FC_CACHE_MAX / 2);
	size_t nw = t->nwords;
	/* room for it all at once (a few MB: doubling copied it again) */
	fc_buf_room(&b, 4096 + t->nsets * sizeof(*t->sets) +
				HSETS * sizeof(*t->hsets) +
				t->nnodes * sizeof(*t->nodes) +
				t->nconds * sizeof(*t->conds) +
				(t->npool + 513) * nw * sizeof(uint64_t) +
				(t->ndisp + t->nlists + t->any_at[256]) *
					sizeof(uint32_t));
	fc_cache_put_u64(&b, nw);
	fc_cache_put_u64(&b, n->lookbehind);
	fc_cache_put_u64(&b, t->ncls << 1 | t->is_bos);
	fc_buf_add(&b, t->cls, sizeof(t->cls));
	fc_buf_add(&b, t->bcls, sizeof(t->bcls));
	fc_buf_add(&b, t->run_at, sizeof(t->run_at));
	fc_buf_add(&b, t->any_at, sizeof(t->any_at));
	put_table(&b, t->sets, t->nsets, sizeof(*t->sets));
	fc_buf_add(&b, t->hsets, HSETS * sizeof(*t->hsets));
	put_table(&b, t->nodes, t->nnodes, sizeof(*t->nodes));
	put_table(&b, t->conds, t->nconds, sizeof(*t->conds));
	put_table(&b, t->pool, t->npool, nw * sizeof(uint64_t));
	put_table(&b, t->disp, t->ndisp, sizeof(*t->disp));
	put_table(&b, t->lists, t->nlists, sizeof(*t->lists));
	put_table(&b, t->first, t->any_at[256], sizeof(*t->first));
	fc_buf_add(&b, t->reach, 512 * nw * sizeof(uint64_t));
	fc_buf_add(&b, t->bos, nw * sizeof(uint64_t));
	norm_cache_suite_write(dir, n, "scan", key, &b);
	fc_buf_finish(&b);
	free(dir);
}

/* ---- Reading -------------------------------------------------------------- */

/* A table of r (its count, then its elements) into *v (malloc, or arena
** a when a is given), *n its count; false when r has fewer bytes. */
static bool get_table(struct fc_cache_reader *r, void **v, size_t *n,
		      size_t elem, struct fc_arena *a)
{
	uint64_t k = fc_cache_get_u64(r);
	if (r->is_bad || k > (r->n - r->off) / elem) {
		r->is_bad = true;
		return false;
	}
	const uint8_t *s = fc_cache_take(r, k * elem);
	void *m = a ? fc_arena_alloc(a, k * elem + 1) : malloc(k * elem + 1);
	if (!s || !m) {
		if (!a)
			free(m);
		r->is_bad = true;
		return false;
	}
	memcpy(m, s, k * elem);
	*v = m;
	*n = k;
	return true;
}

/* Bytes of r copied into dst; false when r has fewer. */
static bool get_bytes(struct fc_cache_reader *r, void *dst, size_t k)
{
	const uint8_t *s = fc_cache_take(r, k);
	if (s)
		memcpy(dst, s, k);
	return s != NULL;
}

/* Is byte b a bool's (0 or 1)? */
static bool is_bool(const bool *b)
{
	uint8_t v;
	memcpy(&v, b, 1);
	return v <= 1;
}

/* Have the n bitsets at v (nw words each) no bit from nbits on? One OR
** of their words from there (a test of each of the pool's 46,000 sets
** cost a warm start 1.6 M instructions). */
static bool bits_below(const uint64_t *v, size_t n, size_t nw, size_t nbits)
{
	size_t k0 = nbits / 64;
	if (k0 >= nw)
		return true;
	uint64_t m0 = ~0ull << (nbits % 64), acc = 0;
	for (size_t i = 0; i < n; i++, v += nw) {
		acc |= v[k0] & m0;
		for (size_t k = k0 + 1; k < nw; k++)
			acc |= v[k];
	}
	return !acc;
}

/* Does every index of t point into its table (nbitsets: the trigger
** bitsets of fc_norm, for the conditions of trigger words), and every
** bit of the pool and of bos into the patterns (the walk queues the
** pattern of each bit: npatterns)? */
static bool scan_ok(const struct norm_scan *t, size_t nbitsets,
		    size_t npatterns)
{
	if (t->nnodes < 3 || t->nconds < 1 || t->ndisp < 1 ||
	    t->nlists < 1 || t->nsets > UINT16_MAX + 1u)
		return false;
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct trie_node *nd = &t->nodes[i];
		/* a child is made after its node, and goes before the
		** older children: children point on, siblings back, so
		** no walk of a list comes back to where it was */
		if (nd->child >= t->nnodes || nd->sibling >= t->nnodes ||
		    (nd->child && nd->child <= i) ||
		    (nd->sibling && nd->sibling >= i) ||
		    nd->cond >= t->nconds || nd->sym >= t->nsets ||
		    nd->pats < -1 || nd->pats >= (int64_t)t->npool ||
		    nd->sub < -1 || nd->sub >= (int64_t)t->npool ||
		    !is_bool(&nd->is_loop) ||
		    (nd->disp && (nd->disp > t->ndisp ||
				  t->ndisp - nd->disp < 128)))
			return false;
	}
	for (size_t i = 0; i < t->nconds; i++) {
		const struct trie_cond *c = &t->conds[i];
		int64_t nbits = c->is_trig ? (int64_t)nbitsets
					   : (int64_t)t->npool;
		/* a node's new condition goes before its older ones */
		if (c->next >= t->nconds || (c->next && c->next >= i) ||
		    c->x >= t->nsets ||
		    !is_bool(&c->is_trig) || c->bits < -1 || c->bits >= nbits)
			return false;
	}
	/* a dispatch entry: 0 (the empty list at offset 0, which the walk
	** reads as any other), or the offset of a count and that many
	** children */
	if (t->lists[0])
		return false;
	for (size_t i = 0; i < t->ndisp; i++) {
		uint32_t off = t->disp[i];
		if (!off)
			continue;
		if (off >= t->nlists || t->lists[off] > t->nlists - off - 1)
			return false;
		for (uint32_t k = 1; k <= t->lists[off]; k++)
			if (t->lists[off + k] >= t->nnodes)
				return false;
	}
	size_t nfirst = t->any_at[256];
	for (unsigned c = 0; c < 256; c++)
		if (t->run_at[c] > t->run_at[c + 1] ||
		    t->any_at[c] > t->any_at[c + 1])
			return false;
	if (t->run_at[0] || t->run_at[256] != t->any_at[0])
		return false;
	for (size_t i = 0; i < nfirst; i++)
		if (t->first[i] >= t->nnodes)
			return false;
	return bits_below(t->pool, t->npool, t->nwords, npatterns) &&
	       bits_below(t->bos, 1, t->nwords, npatterns);
}

/* The payload p[0, len) into a new scan of n (arena a), or NULL. */
static struct norm_scan *scan_decode(struct fc_norm *n, struct fc_arena *a,
				     const uint8_t *p, size_t len)
{
	struct fc_cache_reader r = {p, len, 0, false};
	struct norm_scan *t = fc_arena_alloc(a, sizeof(*t));
	if (!t)
		return NULL;
	memset(t, 0, sizeof(*t));
	size_t nw = fc_cache_get_u64(&r);
	uint64_t lookbehind = fc_cache_get_u64(&r);
	uint64_t cls = fc_cache_get_u64(&r);
	if (r.is_bad || nw != n->nwords ||
	    lookbehind != norm_scan_lookbehind(n) || (cls >> 1) > 256)
		return NULL;
	t->nwords = nw;
	t->ncls = cls >> 1;
	t->is_bos = cls & 1;
	size_t nfirst = 0;
	void *v;
	bool ok = get_bytes(&r, t->cls, sizeof(t->cls)) &&
		  get_bytes(&r, t->bcls, sizeof(t->bcls)) &&
		  get_bytes(&r, t->run_at, sizeof(t->run_at)) &&
		  get_bytes(&r, t->any_at, sizeof(t->any_at));
	ok = ok && get_table(&r, &v, &t->nsets, sizeof(*t->sets), NULL);
	if (ok)
		t->sets = v, t->capsets = t->nsets;
	t->hmask = HSETS - 1;
	t->hsets = fc_arena_alloc(a, HSETS * sizeof(*t->hsets));
	ok = ok && t->hsets && get_bytes(&r, t->hsets, HSETS * sizeof(*t->hsets));
	ok = ok && get_table(&r, &v, &t->nnodes, sizeof(*t->nodes), NULL);
	if (ok)
		t->nodes = v, t->capnodes = t->nnodes;
	ok = ok && get_table(&r, &v, &t->nconds, sizeof(*t->conds), NULL);
	if (ok)
		t->conds = v, t->capconds = t->nconds;
	ok = ok && nw && get_table(&r, &v, &t->npool, nw * sizeof(uint64_t),
				   NULL);
	if (ok)
		t->pool = v, t->cappool = t->npool;
	ok = ok && get_table(&r, &v, &t->ndisp, sizeof(*t->disp), NULL);
	if (ok)
		t->disp = v, t->capdisp = t->ndisp;
	ok = ok && get_table(&r, &v, &t->nlists, sizeof(*t->lists), NULL);
	if (ok)
		t->lists = v, t->caplists = t->nlists;
	ok = ok && get_table(&r, &v, &nfirst, sizeof(*t->first), NULL);
	if (ok)
		t->first = v;
	t->reach = fc_arena_alloc(a, 512 * nw * sizeof(uint64_t));
	t->bos = fc_arena_alloc(a, nw * sizeof(uint64_t));
	ok = ok && t->reach && t->bos &&
	     get_bytes(&r, t->reach, 512 * nw * sizeof(uint64_t)) &&
	     get_bytes(&r, t->bos, nw * sizeof(uint64_t));
	ok = ok && !r.is_bad && r.off == r.n && nfirst == t->any_at[256] &&
	     scan_ok(t, n->nbitsets, n->npatterns);
	for (unsigned c = 0; ok && c < 128; c++)
		ok = t->bcls[c] < t->ncls;
	if (!ok) {
		norm_scan_free(t);
		return NULL;
	}
	n->lookbehind = lookbehind; /* as computed: checked above */
	return t;
}

bool norm_cache_scan_load(struct fc_norm *n, struct fc_arena *a,
			  const uint64_t pkey[2], uint64_t key[2],
			  bool *is_keyed)
{
	*is_keyed = false;
	char *dir = fc_cache_dir();
	if (!dir || !scan_key(n, pkey, key)) {
		free(dir);
		return false;
	}
	*is_keyed = true;
	size_t len = 0;
	uint8_t *p = norm_cache_suite_read(dir, n, "scan", key, &len);
	free(dir);
	struct norm_scan *t = p ? scan_decode(n, a, p, len) : NULL;
	free(p);
	if (!t)
		return false;
	n->scan = t;
	return true;
}
