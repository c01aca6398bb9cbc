/*
** norm_cache_norm.c: the normalizer's compiled patterns in the cache
** (norm_cache.c keeps the file).
**
** The key: the base (cache format, factcross version and build, PCRE2),
** then every pattern's expansion, its options before the analysis and
** whether it runs (`prefer` decides): all that pcre2_compile and the
** start-string analysis read (the analysis's memo holds only what earlier
** patterns of the same list made). The file's name comes from the rule
** files' paths and the reading preferred, so that a suite edited again
** and again overwrites one file.
**
** The payload: the number of patterns; for each its start strings
** (is_ok, is_bos, the byte classes and the strings, field by field); the
** size of each code; then pcre2_serialize_encode of every code in order.
** Every count and size is checked against what is left of the payload,
** and the serialized codes' sizes against the sizes recorded, before
** anything is decoded: pcre2_serialize_decode checks nothing of the
** codes it copies.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_cache_p.h"
#include "extract/norm_first_p.h"

#define NAME_SEED 0x6E6F726D6E616D65ull /* "normname" */
#define STRSIZE (NORM_PK + 5) /* a start string: sym, len, flags, x, loop */
/* pcre2_serialize_encode's layout (pcre2_serialize.c, 10.3x/10.4x): a
** 16-byte header, the character tables once, then each code's
** `blocksize` bytes; blocksize is the field after the code's memctl (3
** pointers), tables, executable_jit and 32-byte start bitmap. */
#define SER_HEADER 16
#define SER_TABLES 1088
#define CODE_BLOCKSIZE_AT (5 * sizeof(void *) + 32)

/* ---- Key and name --------------------------------------------------------- */


/* The suite's key from its jobs; false when there is none. */
static bool suite_key(const struct fc_norm *n,
		      const struct norm_cache_job *jobs, uint64_t key[2])
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	bool ok = norm_cache_key_base(&b);
	fc_buf_adds(&b, "normalizer\n");
	norm_cache_put_u64(&b, NORM_PK);
	norm_cache_put_u64(&b, n->npatterns);
	for (size_t i = 0; ok && i < n->npatterns; i++) {
		const struct norm_cache_job *j = &jobs[i];
		norm_cache_put_u64(&b, (uint64_t)j->opts << 1 | j->is_run);
		norm_cache_put_u64(&b, j->len);
		fc_buf_add(&b, j->rx, j->len);
	}
	ok = ok && !b.err;
	if (ok)
		norm_cache_hash(b.p, b.len, 0, key);
	fc_buf_finish(&b);
	return ok;
}

/* "KIND-<hash of the rule files and the reading>.fcc" into buf. */
static void suite_name(const struct fc_norm *n, const char *kind, char *buf,
		       size_t cap)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	norm_cache_put_u64(&b, (uint64_t)(int64_t)n->prefer);
	const char *last = NULL;
	for (size_t i = 0; i < n->npatterns; i++) {
		const char *f = n->patterns[i].file;
		if (!f || (last && !strcmp(f, last)))
			continue;
		fc_buf_add(&b, f, strlen(f) + 1);
		last = f;
	}
	uint64_t h[2] = {0, 0};
	norm_cache_hash(b.p, b.len, NAME_SEED, h);
	fc_buf_finish(&b);
	snprintf(buf, cap, "%s-%016" PRIx64 ".fcc", kind, h[0]);
}

void *norm_cache_suite_read(const char *dir, const struct fc_norm *n,
			    const char *kind, const uint64_t key[2],
			    size_t *len)
{
	char name[64];
	suite_name(n, kind, name, sizeof(name));
	return norm_cache_read(dir, name, key, len);
}

void norm_cache_suite_write(const char *dir, const struct fc_norm *n,
			    const char *kind, const uint64_t key[2],
			    const struct fc_buf *b)
{
	if (b->err)
		return;
	char name[64];
	suite_name(n, kind, name, sizeof(name));
	norm_cache_write(dir, name, key, b->p, b->len);
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
	char *dir = k == (int32_t)np ? norm_cache_dir() : NULL;
	if (!dir) {
		pcre2_serialize_free(ser);
		return;
	}
	struct fc_buf b;
	fc_buf_init(&b, NORM_CACHE_MAX / 2);
	norm_cache_put_u64(&b, np);
	for (size_t i = 0; i < np; i++) {
		put_first(&b, jobs[i].first);
		size_t size = 0;
		pcre2_pattern_info(jobs[i].code, PCRE2_INFO_SIZE, &size);
		norm_cache_put_u64(&b, size);
	}
	norm_cache_put_u64(&b, serlen);
	fc_buf_add(&b, ser, serlen);
	pcre2_serialize_free(ser);
	norm_cache_suite_write(dir, n, "norm", key, &b);
	fc_buf_finish(&b);
	free(dir);
}

/* ---- Reading -------------------------------------------------------------- */


/* Pattern's start strings from r into *f (arena a), each string's
** classes checked to be among the pattern's. */
static void get_first(struct norm_cache_reader *r, struct norm_first *f,
		      struct fc_arena *a)
{
	memset(f, 0, sizeof(*f));
	const uint8_t *rec = norm_cache_take(r, 4);
	const uint8_t *cnt = norm_cache_take(r, 8);
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
	const uint8_t *sets = norm_cache_take(r, nsets * sizeof(*f->sets));
	f->sets = fc_arena_alloc(a, nsets * sizeof(*f->sets));
	f->strs = fc_arena_alloc(a, (nstrs + 1) * sizeof(*f->strs));
	if (!sets || !f->sets || !f->strs) {
		r->is_bad = true;
		return;
	}
	memcpy(f->sets, sets, nsets * sizeof(*f->sets));
	for (size_t k = 0; k < nstrs; k++) {
		const uint8_t *s = norm_cache_take(r, STRSIZE);
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

/* Do the serialized codes ser[0, len) have the sizes recorded? */
static bool ser_sizes_ok(const uint8_t *ser, size_t len, const uint64_t *size,
			 size_t np)
{
	if (len < SER_HEADER + SER_TABLES)
		return false;
	size_t off = SER_HEADER + SER_TABLES;
	for (size_t i = 0; i < np; i++) {
		uint64_t bs;
		if (len - off < CODE_BLOCKSIZE_AT + sizeof(bs))
			return false;
		memcpy(&bs, ser + off + CODE_BLOCKSIZE_AT, sizeof(bs));
		if (bs != size[i] || bs < CODE_BLOCKSIZE_AT + sizeof(bs) ||
		    bs > len - off)
			return false;
		off += bs;
	}
	return off == len;
}

/* The payload p[0, len) into jobs and their start strings; false (codes
** freed) when it is not one of this suite. */
static bool decode_payload(const struct fc_norm *n, struct norm_cache_job *jobs,
		   struct fc_arena *a, const uint8_t *p, size_t len)
{
	size_t np = n->npatterns;
	struct norm_cache_reader r = {p, len, 0, false};
	if (norm_cache_get_u64(&r) != np || !np)
		return false;
	uint64_t *size = malloc(np * sizeof(*size));
	struct norm_first *firsts = malloc(np * sizeof(*firsts));
	pcre2_code **codes = malloc(np * sizeof(*codes));
	bool ok = size && firsts && codes;
	for (size_t i = 0; ok && i < np; i++) {
		get_first(&r, &firsts[i], a);
		size[i] = norm_cache_get_u64(&r);
		ok = !r.is_bad;
	}
	uint64_t serlen = ok ? norm_cache_get_u64(&r) : 0;
	const uint8_t *ser = ok ? norm_cache_take(&r, serlen) : NULL;
	ok = ok && ser && r.off == r.n && ser_sizes_ok(ser, serlen, size, np);
	ok = ok && pcre2_serialize_get_number_of_codes(ser) == (int32_t)np;
	ok = ok && pcre2_serialize_decode(codes, (int32_t)np, ser, NULL) ==
			   (int32_t)np;
	if (ok) {
		for (size_t i = 0; i < np; i++) {
			jobs[i].code = codes[i];
			if (jobs[i].first)
				*jobs[i].first = firsts[i];
		}
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
	char *dir = norm_cache_dir();
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
