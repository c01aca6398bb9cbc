/*
** jit.c: compiling a claim regex (a pattern or a `requires:`), when it
** gets its JIT copy, and the persistent cache of compiled claim regexes.
**
** JIT-compiling every claim regex at load was the dearest part of
** loading the rules (226 M of the 756 M instructions of `verify` on the
** seed corpus), and a corpus needs few of them: a rule's patterns run
** only on the sentences its `requires:` lets through, and on a small
** corpus most regexes run a few times or never. So a claim regex is a
** struct fc_lazy_re (core/lazyre.c: the interpreter until hot, then a
** JIT copy, the other engine for a try one gives up on), hot once its
** tries have been given, in subject bytes, as many bytes as its
** compiled code has (size_pct 100), or 4 of them have matched
** (CL_JIT_SIZE_PCT, CL_JIT_MATCHES).
**
** Why bytes per byte of code: a JIT compile costs about in proportion
** to the code's size, and an interpreted try about in proportion to the
** bytes it is given (the tagged sentence from the try's offset). On
** `verify` of the seed corpus (callgrind, whole run): every regex
** JIT-compiled at load 756.5 M; a JIT copy after 32 tries or 4 matches
** (the normalizer's policy) 702.6 M; after 25% of the code's size in
** bytes 719.1 M, 50% 687.9 M, 100% 687.9 M, 200% 687.8 M, 400% 689.2 M,
** 800% 694.1 M; at 100%, 2 matches 714.8 M, 8 matches 691.8 M, none
** 690.2 M. On ECB+ clusters 3_ecb and 43_ecbplus, 50%, 100% and 300%
** are within 0.5% of each other. With the literal skip (lit.c), on the
** seed corpus 50%, 100% and 200% are within 0.1% (611.6 M), 25% 620.9
** M, 400% 613.8 M; 2 matches 642.5 M, 8 matches 615.6 M.
**
** cl_compile_regex is the one place a claim regex is compiled; the
** loader goes through cl_compile_cached (below), which takes the code
** from the persistent cache when it holds the same text.
*/
#include <stdlib.h>

#include "claims/claims_p.h"

pcre2_code *cl_compile_regex(const char *x, size_t len, int *ecode,
			     size_t *eoff)
{
	PCRE2_SIZE off = 0;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)x, len,
					 PCRE2_UTF | PCRE2_DUPNAMES, ecode,
					 &off, NULL);
	*eoff = off;
	return code;
}

size_t cl_jit_count(const struct fc_claims *cl)
{
	size_t n = 0;
	for (size_t i = 0; cl && i < cl->nrules; i++) {
		struct rule *ru = cl->rules[i];
		n += ru->req && fc_lazy_re_is_jit(ru->req);
		for (size_t k = 0; k < ru->npats; k++)
			n += fc_lazy_re_is_jit(&ru->pats[k].re);
	}
	return n;
}

/* ---- The persistent cache ------------------------------------------------- */

/*
** The file: the key is the cache's base (format, factcross build, PCRE2)
** and the compile options; every regex is kept with its text, and a
** regex is taken only for the very same text, so a changed pattern is a
** miss and nothing else the compile reads can differ. The payload: the
** number of regexes, then for each its text's length and text, its
** code's size (PCRE2_INFO_SIZE), and pcre2_serialize_encode of its code
** alone (with its length). One code per serialization: codes compiled
** now and codes decoded from the file have different character tables,
** which pcre2_serialize_encode refuses to mix; and only the codes a
** load uses are decoded. Every length is checked against what is left
** and each code's size against its serialized block (fc_cache_ser_ok)
** before pcre2_serialize_decode. The name comes from the rule files'
** paths, so that edited rules overwrite their file.
*/
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/cache_p.h"

#define CL_OPTS (PCRE2_UTF | PCRE2_DUPNAMES)
#define NAME_SEED 0x636C61696D6E616Dull /* "claimnam" */
#define TEXT_SEED 0x636C61696D747874ull /* "claimtxt" */

struct cache_ent {
	const char *x;      /* the text */
	const uint8_t *ser; /* its serialized code */
	size_t len, serlen;
	uint64_t h, size;
	bool is_own;  /* x and ser malloc'd (a miss), else in the payload */
	bool is_used; /* by this load: kept when the file is written */
};

struct cl_cache {
	bool is_off;   /* no folder or no key: compile, keep nothing */
	bool is_stale; /* the file lacks a regex of this load, or its
		       ** entry did not decode: write it */
	char *dir;
	char name[64];
	uint64_t key[2];
	uint8_t *payload; /* the file's */
	struct cache_ent *v; /* the file's entries, then this load's misses */
	size_t nfile, n, cap;
};

static bool cache_key(uint64_t key[2])
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	bool ok = fc_cache_key_base(&b);
	fc_buf_adds(&b, "claims\n");
	fc_cache_put_u64(&b, CL_OPTS);
	ok = ok && !b.err;
	if (ok)
		fc_cache_hash(b.p, b.len, 0, key);
	fc_buf_finish(&b);
	return ok;
}

/* "claims-<hash of the rule files' paths>.fcc" into cc->name. */
static void cache_name(const struct fc_claims *cl, struct cl_cache *cc)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < cl->nsrcs; i++) {
		const char *f = cl->srcs[i].file.path;
		if (f && (!i || !cl->srcs[i - 1].file.path ||
			  strcmp(f, cl->srcs[i - 1].file.path)))
			fc_buf_add(&b, f, strlen(f) + 1);
	}
	uint64_t h[2] = {0, 0};
	fc_cache_hash(b.p, b.len, NAME_SEED, h);
	fc_buf_finish(&b);
	snprintf(cc->name, sizeof(cc->name), "claims-%016" PRIx64 ".fcc", h[0]);
}

static uint64_t text_hash(const char *x, size_t len)
{
	uint64_t h[2];
	fc_cache_hash(x, len, TEXT_SEED, h);
	return h[0];
}

static bool push(struct cl_cache *cc, const struct cache_ent *e)
{
	if (cc->n == cc->cap) {
		size_t ncap = cc->cap ? 2 * cc->cap : 64;
		struct cache_ent *g = realloc(cc->v, ncap * sizeof(*g));
		if (!g)
			return false;
		cc->v = g, cc->cap = ncap;
	}
	cc->v[cc->n++] = *e;
	return true;
}

/* The next length-prefixed bytes of r (*len set), or NULL; the length
** is checked before its size_t cast. */
static const uint8_t *take_sized(struct fc_cache_reader *r, size_t *len)
{
	uint64_t k = fc_cache_get_u64(r);
	if (r->is_bad || k > r->n - r->off) {
		r->is_bad = true;
		return NULL;
	}
	*len = (size_t)k;
	return fc_cache_take(r, (size_t)k);
}

/* The payload p[0, len) into cc's entries (pointing into p); false
** (none kept) when it does not check out. */
static bool decode(struct cl_cache *cc, const uint8_t *p, size_t len)
{
	struct fc_cache_reader r = {p, len, 0, false};
	uint64_t np = fc_cache_get_u64(&r);
	/* each regex takes at least its four numbers */
	if (r.is_bad || !np || np > (r.n - r.off) / 32)
		return false;
	for (uint64_t i = 0; i < np; i++) {
		struct cache_ent e = {0};
		const uint8_t *t = take_sized(&r, &e.len);
		e.size = fc_cache_get_u64(&r);
		e.ser = take_sized(&r, &e.serlen);
		if (r.is_bad ||
		    !fc_cache_ser_ok(e.ser, e.serlen, &e.size, 1) ||
		    pcre2_serialize_get_number_of_codes(e.ser) != 1)
			break;
		e.x = (const char *)t;
		e.h = text_hash(e.x, e.len);
		if (!push(cc, &e))
			break;
	}
	if (r.is_bad || r.off != r.n || cc->n != np) {
		cc->n = 0;
		return false;
	}
	cc->nfile = cc->n;
	return true;
}

/* cl's cache, opened (its file read) on first use; NULL when out of
** memory. */
static struct cl_cache *cache_open(struct fc_claims *cl)
{
	if (cl->cache)
		return cl->cache;
	struct cl_cache *cc = calloc(1, sizeof(*cc));
	if (!cc)
		return NULL;
	cl->cache = cc;
	cc->dir = fc_cache_dir();
	if (!cc->dir || !cache_key(cc->key)) {
		cc->is_off = true;
		return cc;
	}
	cache_name(cl, cc);
	size_t len = 0;
	cc->payload = fc_cache_read(cc->dir, cc->name, cc->key, &len);
	if (cc->payload && !decode(cc, cc->payload, len)) {
		free(cc->payload);
		cc->payload = NULL;
	}
	return cc;
}

/* Keep x[0, len) and code as an entry of this load (a miss). */
static void keep(struct cl_cache *cc, const char *x, size_t len, uint64_t h,
		 const pcre2_code *code)
{
	uint8_t *ser = NULL;
	PCRE2_SIZE serlen = 0;
	size_t size = 0;
	pcre2_pattern_info(code, PCRE2_INFO_SIZE, &size);
	char *t = malloc(len ? len : 1);
	uint8_t *s = NULL;
	if (t && pcre2_serialize_encode(&code, 1, &ser, &serlen, NULL) == 1 &&
	    (s = malloc(serlen)))
		memcpy(s, ser, serlen);
	pcre2_serialize_free(ser);
	struct cache_ent e = {t, s, len, serlen, h, size, true, true};
	if (t)
		memcpy(t, x, len);
	if (!t || !s || !push(cc, &e)) {
		free(t);
		free(s);
		cc->is_off = true; /* out of memory: write nothing */
	}
	cc->is_stale = true;
}

pcre2_code *cl_compile_cached(struct fc_claims *cl, const char *x,
			      size_t len, int *ecode, size_t *eoff)
{
	struct cl_cache *cc = cache_open(cl);
	uint64_t h = text_hash(x, len);
	/* this load's own entries too: a text twice is compiled once */
	for (size_t i = 0; cc && !cc->is_off && i < cc->n; i++) {
		struct cache_ent *e = &cc->v[i];
		if (e->h != h || e->len != len || memcmp(e->x, x, len))
			continue;
		pcre2_code *c = NULL;
		if (pcre2_serialize_decode(&c, 1, e->ser, NULL) == 1) {
			e->is_used = true;
			cl->ncache_hits++;
			return c;
		}
		cc->is_stale = true; /* compiled below, and kept */
		break;
	}
	pcre2_code *code = cl_compile_regex(x, len, ecode, eoff);
	if (!code || !cc || cc->is_off)
		return code;
	cl->ncache_misses++;
	keep(cc, x, len, h, code);
	return code;
}

/* cc's used entries as a payload into b. */
static void encode(const struct cl_cache *cc, struct fc_buf *b)
{
	uint64_t np = 0;
	for (size_t i = 0; i < cc->n; i++)
		np += cc->v[i].is_used;
	fc_cache_put_u64(b, np);
	for (size_t i = 0; i < cc->n; i++) {
		const struct cache_ent *e = &cc->v[i];
		if (!e->is_used)
			continue;
		fc_cache_put_u64(b, e->len);
		fc_buf_add(b, e->x, e->len);
		fc_cache_put_u64(b, e->size);
		fc_cache_put_u64(b, e->serlen);
		fc_buf_add(b, e->ser, e->serlen);
	}
}

void cl_cache_done(struct fc_claims *cl)
{
	struct cl_cache *cc = cl->cache;
	if (!cc)
		return;
	bool is_stale = cc->is_stale;
	for (size_t i = 0; i < cc->nfile; i++)
		is_stale = is_stale || !cc->v[i].is_used;
	if (!cc->is_off && is_stale) {
		struct fc_buf b;
		fc_buf_init(&b, FC_CACHE_MAX / 2);
		encode(cc, &b);
		if (!b.err &&
		    fc_cache_write(cc->dir, cc->name, cc->key, b.p, b.len))
			cl->ncache_writes++;
		fc_buf_finish(&b);
	}
	for (size_t i = 0; i < cc->n; i++) {
		if (cc->v[i].is_own) {
			free((char *)cc->v[i].x);
			free((uint8_t *)cc->v[i].ser);
		}
	}
	free(cc->v);
	free(cc->payload);
	free(cc->dir);
	free(cc);
	cl->cache = NULL;
}
