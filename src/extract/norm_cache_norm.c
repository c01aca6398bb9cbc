/*
** norm_cache_norm.c: the normalizer's compiled patterns in the cache
** (core/cache.c keeps the file).
**
** The key: the base (cache format, factcross version and build, PCRE2),
** then all that the expansion of the patterns reads (norm_expand.c):
** every table's name and keys in order (after the ISO 4217 lists have
** filled theirs), every macro's name and text, and every pattern's text
** and case mode, with whether it runs (`prefer` decides). The expansions
** are a function of these and of the code (the build in the base), and
** pcre2_compile and the start-string analysis read only the expansions
** and their options (the analysis's memo holds only what earlier
** patterns of the same list made). A key of the expansions themselves
** cost a warm run the expansion of every pattern, a sixth of its
** start-up. The file's name comes from the rule files' paths and the
** reading preferred, so that a suite edited again and again overwrites
** one file.
**
** The payload: the number of patterns; for each its start strings
** (is_ok, is_bos, the byte classes and the strings, field by field), the
** size of its code and the captures of its references (count, then each
** name's length, name and table); then pcre2_serialize_encode of every
** code in order. Every count and size is checked against what is left of
** the payload, and the serialized codes' sizes against the sizes
** recorded, before anything is decoded: pcre2_serialize_decode checks
** nothing of the codes it copies.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_cache_p.h"
#include "extract/norm_expand_p.h"
#include "extract/norm_first_p.h"

#define NAME_SEED 0x6E6F726D6E616D65ull /* "normname" */
#define STRSIZE (NORM_PK + 5) /* a start string: sym, len, flags, x, loop */
/* captures of one expansion, and bytes of a capture's name with its
** NUL: struct expand's (a file of more or longer is refused) */
#define CAPLEN sizeof(((struct expand *)0)->names[0])
#define NCAPS (sizeof(((struct expand *)0)->names) / CAPLEN)
_Static_assert(NCAPS <= UINT8_MAX && CAPLEN <= UINT8_MAX + 1,
	       "a capture's count and name length are stored in a byte");

/* ---- Key and name --------------------------------------------------------- */

/* s[0, len) after its length. */
static void put_bytes(struct fc_buf *b, const char *s, size_t len)
{
	fc_cache_put_u64(b, len);
	fc_buf_add(b, s, len);
}

/* The suite's key from what the expansions read; false when there is
** none. */
static bool suite_key(const struct fc_norm *n,
		      const struct norm_cache_job *jobs, uint64_t key[2])
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	bool ok = fc_cache_key_base(&b);
	fc_buf_adds(&b, "normalizer sources\n");
	fc_cache_put_u64(&b, NORM_PK);
	fc_cache_put_u64(&b, n->ntables);
	for (size_t i = 0; i < n->ntables; i++) {
		const struct norm_table *t = &n->tables[i];
		put_bytes(&b, t->name, strlen(t->name));
		fc_cache_put_u64(&b, t->n);
		for (size_t k = 0; k < t->n; k++)
			put_bytes(&b, t->keys[k], strlen(t->keys[k]));
	}
	fc_cache_put_u64(&b, n->nmacros);
	for (size_t i = 0; i < n->nmacros; i++) {
		const struct norm_macro *m = &n->macros[i];
		put_bytes(&b, m->name, strlen(m->name));
		put_bytes(&b, m->node->str, m->node->len);
	}
	fc_cache_put_u64(&b, n->npatterns);
	for (size_t i = 0; i < n->npatterns; i++) {
		const struct norm_pattern *p = &n->patterns[i];
		fc_cache_put_u64(&b, (uint64_t)p->is_caseless << 1 |
					     jobs[i].is_run);
		put_bytes(&b, p->match->str, p->match->len);
	}
	ok = ok && !b.err;
	if (ok)
		fc_cache_hash(b.p, b.len, 0, key);
	fc_buf_finish(&b);
	return ok;
}

/* "KIND-<hash of the rule files and the reading>.fcc" into buf. */
static void suite_name(const struct fc_norm *n, const char *kind, char *buf,
		       size_t cap)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_cache_put_u64(&b, (uint64_t)(int64_t)n->prefer);
	const char *last = NULL;
	for (size_t i = 0; i < n->npatterns; i++) {
		const char *f = n->patterns[i].file;
		if (!f || (last && !strcmp(f, last)))
			continue;
		fc_buf_add(&b, f, strlen(f) + 1);
		last = f;
	}
	uint64_t h[2] = {0, 0};
	fc_cache_hash(b.p, b.len, NAME_SEED, h);
	fc_buf_finish(&b);
	snprintf(buf, cap, "%s-%016" PRIx64 ".fcc", kind, h[0]);
}

void *norm_cache_suite_read(const char *dir, const struct fc_norm *n,
			    const char *kind, const uint64_t key[2],
			    size_t *len)
{
	char name[64];
	suite_name(n, kind, name, sizeof(name));
	return fc_cache_read(dir, name, key, len);
}

void norm_cache_suite_write(const char *dir, const struct fc_norm *n,
			    const char *kind, const uint64_t key[2],
			    const struct fc_buf *b)
{
	if (b->err)
		return;
	char name[64];
	suite_name(n, kind, name, sizeof(name));
	fc_cache_write(dir, name, key, b->p, b->len);
}

/* ---- Writing -------------------------------------------------------------- */

static void put_first(struct fc_buf *b, const struct norm_first *f)
{
	bool is_ok = f && f->is_ok;
	uint8_t rec[4] = {is_ok, is_ok && f->is_bos, 0, 0};
	fc_buf_add(b, rec, sizeof(rec));
	uint32_t cnt[2] = {is_ok ? (uint32_t)f->nsets : 0,
			   is_ok ? (uint32_t)f->nstrs : 0};
	fc_buf_add(b, cnt, sizeof(cnt));
	if (!is_ok)
		return;
	fc_buf_add(b, f->sets, f->nsets * sizeof(*f->sets));
	uint8_t *o = (uint8_t *)fc_buf_room(b, f->nstrs * STRSIZE);
	if (!o)
		return;
	for (size_t k = 0; k < f->nstrs; k++, o += STRSIZE) {
		const struct norm_pstr *s = &f->strs[k];
		memcpy(o, s->sym, NORM_PK);
		o[NORM_PK] = s->len;
		o[NORM_PK + 1] = s->flags;
		o[NORM_PK + 2] = s->x;
		o[NORM_PK + 3] = (uint8_t)(s->loop & 0xFF);
		o[NORM_PK + 4] = (uint8_t)(s->loop >> 8);
	}
	fc_buf_used(b, f->nstrs * STRSIZE);
}

/* The captures of a pattern's references: count, then each name's
** length, name and table. */
static void put_captures(struct fc_buf *b, const struct norm_cache_job *j)
{
	uint8_t cnt = (uint8_t)*j->nnames;
	fc_buf_add(b, &cnt, 1);
	for (size_t k = 0; k < *j->nnames; k++) {
		uint8_t len = (uint8_t)strlen(j->names[k]);
		int32_t t = j->tables[k];
		fc_buf_add(b, &len, 1);
		fc_buf_add(b, j->names[k], len);
		fc_buf_add(b, &t, sizeof(t));
	}
}

void norm_cache_norm_store(const struct fc_norm *n,
			   const struct norm_cache_job *jobs,
			   const uint64_t key[2])
{
	size_t np = n->npatterns;
	const pcre2_code **codes = np ? malloc(np * sizeof(*codes)) : NULL;
	if (!codes)
		return;
	for (size_t i = 0; i < np; i++)
		if (!(codes[i] = jobs[i].code)) {
			free(codes);
			return;
		}
	uint8_t *ser = NULL;
	PCRE2_SIZE serlen = 0;
	int32_t k = pcre2_serialize_encode(codes, (int32_t)np, &ser, &serlen,
					   NULL);
	free(codes);
	char *dir = k == (int32_t)np ? fc_cache_dir() : NULL;
	if (!dir) {
		pcre2_serialize_free(ser);
		return;
	}
	struct fc_buf b;
	fc_buf_init(&b, FC_CACHE_MAX / 2);
	fc_cache_put_u64(&b, np);
	for (size_t i = 0; i < np; i++) {
		put_first(&b, jobs[i].first);
		size_t size = 0;
		pcre2_pattern_info(jobs[i].code, PCRE2_INFO_SIZE, &size);
		fc_cache_put_u64(&b, size);
		put_captures(&b, &jobs[i]);
	}
	fc_cache_put_u64(&b, serlen);
	fc_buf_add(&b, ser, serlen);
	pcre2_serialize_free(ser);
	norm_cache_suite_write(dir, n, "norm", key, &b);
	fc_buf_finish(&b);
	free(dir);
}

/* ---- Reading -------------------------------------------------------------- */


/* Pattern's start strings from r into *f (arena a), each string's
** classes checked to be among the pattern's. */
static void get_first(struct fc_cache_reader *r, struct norm_first *f,
		      struct fc_arena *a)
{
	memset(f, 0, sizeof(*f));
	const uint8_t *rec = fc_cache_take(r, 4);
	const uint8_t *cnt = fc_cache_take(r, 8);
	if (!rec || !cnt || rec[0] > 1 || rec[1] > 1) {
		r->is_bad = true;
		return;
	}
	uint32_t nsets, nstrs;
	memcpy(&nsets, cnt, 4);
	memcpy(&nstrs, cnt + 4, 4);
	if (!rec[0]) {
		if (nsets || nstrs || rec[1])
			r->is_bad = true;
		return;
	}
	if (nsets < 1 || nsets > NSETS ||
	    nstrs > (r->n - r->off) / STRSIZE) {
		r->is_bad = true;
		return;
	}
	const uint8_t *sets = fc_cache_take(r, nsets * sizeof(*f->sets));
	f->sets = fc_arena_alloc(a, nsets * sizeof(*f->sets));
	f->strs = fc_arena_alloc(a, (nstrs + 1) * sizeof(*f->strs));
	if (!sets || !f->sets || !f->strs) {
		r->is_bad = true;
		return;
	}
	memcpy(f->sets, sets, nsets * sizeof(*f->sets));
	for (size_t k = 0; k < nstrs; k++) {
		const uint8_t *s = fc_cache_take(r, STRSIZE);
		if (!s)
			return;
		struct norm_pstr *ps = &f->strs[k];
		memset(ps, 0, sizeof(*ps));
		memcpy(ps->sym, s, NORM_PK);
		ps->len = s[NORM_PK];
		ps->flags = s[NORM_PK + 1];
		ps->x = s[NORM_PK + 2];
		ps->loop = (uint16_t)(s[NORM_PK + 3] | s[NORM_PK + 4] << 8);
		bool ok = ps->len >= 1 && ps->len <= NORM_PK && ps->x < nsets;
		for (size_t c = 0; ok && c < ps->len; c++)
			ok = ps->sym[c] >= 1 && ps->sym[c] < nsets;
		if (!ok) {
			r->is_bad = true;
			return;
		}
	}
	f->nsets = nsets;
	f->nstrs = nstrs;
	f->is_bos = rec[1];
	f->is_ok = true;
}

/* A pattern's captures from r into caps[k] (names) and tabs[k], *nc of
** them; each name shorter than CAPLEN without a NUL, each table one of
** n's or -1 (a macro's). */
static void get_captures(struct fc_cache_reader *r, const struct fc_norm *n,
			 char (*caps)[CAPLEN], int *tabs, size_t *nc)
{
	const uint8_t *cnt = fc_cache_take(r, 1);
	if (!cnt || *cnt > NCAPS) {
		r->is_bad = true;
		return;
	}
	for (size_t k = 0; k < *cnt; k++) {
		const uint8_t *len = fc_cache_take(r, 1);
		const char *s = len && *len < CAPLEN
					? (const char *)fc_cache_take(r, *len)
					: NULL;
		const uint8_t *t = s ? fc_cache_take(r, 4) : NULL;
		int32_t ti;
		if (t)
			memcpy(&ti, t, 4);
		if (!t || memchr(s, 0, *len) || ti < -1 ||
		    (ti >= 0 && (size_t)ti >= n->ntables)) {
			r->is_bad = true;
			return;
		}
		memcpy(caps[k], s, *len);
		caps[k][*len] = '\0';
		tabs[k] = ti;
	}
	*nc = *cnt;
}

/* The payload p[0, len) into jobs, their start strings and captures;
** false (codes freed, no captures) when it is not one of this suite. */
static bool decode_payload(const struct fc_norm *n, struct norm_cache_job *jobs,
		   struct fc_arena *a, const uint8_t *p, size_t len)
{
	size_t np = n->npatterns;
	struct fc_cache_reader r = {p, len, 0, false};
	if (fc_cache_get_u64(&r) != np || !np)
		return false;
	uint64_t *size = malloc(np * sizeof(*size));
	struct norm_first *firsts = malloc(np * sizeof(*firsts));
	pcre2_code **codes = malloc(np * sizeof(*codes));
	bool ok = size && firsts && codes;
	for (size_t i = 0; ok && i < np; i++) {
		get_first(&r, &firsts[i], a);
		size[i] = fc_cache_get_u64(&r);
		get_captures(&r, n, jobs[i].names, jobs[i].tables,
			     jobs[i].nnames);
		ok = !r.is_bad;
	}
	uint64_t serlen = ok ? fc_cache_get_u64(&r) : 0;
	/* checked before the cast: a 64-bit length need not fit a size_t */
	ok = ok && serlen <= r.n - r.off;
	const uint8_t *ser = ok ? fc_cache_take(&r, (size_t)serlen) : NULL;
	ok = ok && ser && r.off == r.n &&
	     fc_cache_ser_ok(ser, (size_t)serlen, size, np);
	ok = ok && pcre2_serialize_get_number_of_codes(ser) == (int32_t)np;
	ok = ok && pcre2_serialize_decode(codes, (int32_t)np, ser, NULL) ==
			   (int32_t)np;
	if (ok) {
		for (size_t i = 0; i < np; i++) {
			jobs[i].code = codes[i];
			if (jobs[i].first)
				*jobs[i].first = firsts[i];
		}
	} else {
		for (size_t i = 0; i < np; i++)
			*jobs[i].nnames = 0;
	}
	free(codes);
	free(firsts);
	free(size);
	return ok;
}

bool norm_cache_norm_load(const struct fc_norm *n,
			  struct norm_cache_job *jobs, struct fc_arena *a,
			  uint64_t key[2], bool *is_keyed)
{
	*is_keyed = false;
	char *dir = fc_cache_dir();
	if (!dir || !n->npatterns || !suite_key(n, jobs, key)) {
		free(dir);
		return false;
	}
	*is_keyed = true;
	size_t len = 0;
	uint8_t *p = norm_cache_suite_read(dir, n, "norm", key, &len);
	free(dir);
	bool is_hit = p && decode_payload(n, jobs, a, p, len);
	free(p);
	return is_hit;
}
