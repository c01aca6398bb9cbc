/*
** shingle.c: word shingles and MinHash signatures of one document.
**
** Words are runs of letters and digits, lower-cased (ASCII, Latin-1,
** Greek, Cyrillic); punctuation separates them, an apostrophe inside a
** word is dropped ("Russia's" -> "russias") and so is a comma or point
** between digits ("2,290" -> "2290"). A shingle is `shingle` words in a
** row inside one sentence, never across a quoted span: quotes are left
** out, since two sources quoting one speaker are not copying each other.
*/
#include <stdlib.h>
#include <string.h>

#include "indep/indep_p.h"

#define MAX_SHINGLE 16
#define FNV_BASIS 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}

uint64_t indep_band_key(uint32_t kind, uint32_t b, const uint64_t *sig,
			uint32_t r)
{
	uint64_t h = mix64(((uint64_t)kind << 32 | b) + 0x9e3779b97f4a7c15ull);
	for (uint32_t j = 0; j < r; j++)
		h = mix64(h ^ sig[(size_t)b * r + j]);
	return h;
}

size_t indep_intersect(const uint64_t *a, size_t na, const uint64_t *b,
		       size_t nb)
{
	size_t i = 0, j = 0, n = 0;
	while (i < na && j < nb) {
		if (a[i] < b[j]) {
			i++;
		} else if (a[i] > b[j]) {
			j++;
		} else {
			n++;
			i++;
			j++;
		}
	}
	return n;
}

static int cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
	return a < b ? -1 : a > b;
}

static size_t sort_unique(uint64_t *v, size_t n)
{
	if (n < 2)
		return n;
	qsort(v, n, sizeof(*v), cmp_u64);
	size_t m = 1;
	for (size_t i = 1; i < n; i++)
		if (v[i] != v[m - 1])
			v[m++] = v[i];
	return m;
}

/* A growable malloc'd vector of uint64_t (scratch, freed by the caller). */
struct u64v {
	uint64_t *v;
	size_t n, cap;
};

static bool u64v_push(struct u64v *x, uint64_t val)
{
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 256;
		uint64_t *g = realloc(x->v, cap * sizeof(*g));
		if (!g)
			return false;
		x->v = g;
		x->cap = cap;
	}
	x->v[x->n++] = val;
	return true;
}

/* ---- quoted spans ------------------------------------------------------ */

/* The first of marks[0, n) that starts at p, or 0 (its length). */
static size_t mark_at(const char *p, size_t avail, const char **marks, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(marks[i]);
		if (l <= avail && !memcmp(p, marks[i], l))
			return l;
	}
	return 0;
}

static bool is_in(const char *m, size_t l, const char **marks, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(marks[i]) == l && !memcmp(marks[i], m, l))
			return true;
	return false;
}

static bool is_space_at(const char *t, size_t len, size_t j)
{
	return j >= len || t[j] == ' ' || t[j] == '\t' || t[j] == '\n' ||
	       t[j] == '\r';
}

/*
** A mark that both opens and closes (a straight quote) opens only before
** a non-space ("said, \"We...") and closes only after a non-space or
** before a space or punctuation ("...way.\" He", tokenised "way . \" He").
*/
static bool can_open(const char *t, size_t len, size_t i, size_t l,
		     bool is_both)
{
	return !is_both || !is_space_at(t, len, i + l);
}

static bool can_close(const char *t, size_t len, size_t j, size_t l,
		      bool is_both)
{
	if (!is_both || (j > 0 && !is_space_at(t, len, j - 1)))
		return true;
	return is_space_at(t, len, j + l) || strchr(",.;:!?)]", t[j + l]);
}

/*
** Quoted spans [open, close] of t as pairs in *out (malloc'd): an opener
** up to the nearest closer within quote_max_len bytes (a quote may run
** over several paragraphs). Each scan for a closer starts where the
** last one ended or failed, so the work stays linear in len whatever
** the marks.
*/
static fc_status find_quotes(const struct reuse_cfg *cfg, const char *t,
			     size_t len, struct u64v *out)
{
	if (!cfg->nquote_open || !cfg->nquote_close)
		return FC_OK;
	bool first_open[256] = {false}, first_close[256] = {false};
	for (size_t i = 0; i < cfg->nquote_open; i++)
		first_open[(unsigned char)cfg->quote_open[i][0]] = true;
	for (size_t i = 0; i < cfg->nquote_close; i++)
		first_close[(unsigned char)cfg->quote_close[i][0]] = true;
	/* Cache: scanning from stop_from, the first closer is at next_stop
	** (len when none); it stays the answer for any start in
	** [stop_from, next_stop]. */
	size_t stop_from = 1, next_stop = 0, stop_len = 0;
	for (size_t i = 0; i < len;) {
		size_t ol = first_open[(unsigned char)t[i]]
				    ? mark_at(t + i, len - i, cfg->quote_open,
					      cfg->nquote_open)
				    : 0;
		if (!ol || !can_open(t, len, i, ol,
				     is_in(t + i, ol, cfg->quote_close,
					   cfg->nquote_close))) {
			i++;
			continue;
		}
		size_t from = i + ol;
		if (from < stop_from || from > next_stop) {
			size_t j;
			for (j = from; j < len; j++) {
				if (!first_close[(unsigned char)t[j]])
					continue;
				stop_len = mark_at(t + j, len - j,
						   cfg->quote_close,
						   cfg->nquote_close);
				if (stop_len &&
				    can_close(t, len, j, stop_len,
					      is_in(t + j, stop_len,
						    cfg->quote_open,
						    cfg->nquote_open)))
					break;
			}
			stop_from = from;
			next_stop = j;
		}
		if (next_stop < len && next_stop - i <= cfg->quote_max_len) {
			if (!u64v_push(out, (uint64_t)i << 32 |
						    (next_stop + stop_len)))
				return FC_ENOMEM;
			i = next_stop + stop_len;
			continue;
		}
		i = from;
	}
	return FC_OK;
}

/* ---- sentences --------------------------------------------------------- */

/*
** Sentence spans when the document has none (no text stage): a break at
** every newline and after . ! ? (and closing quotes) before a space.
*/
static fc_status split_sentences(const char *t, size_t len, struct u64v *out)
{
	size_t s = 0;
	for (size_t i = 0; i < len; i++) {
		bool is_end = t[i] == '\n';
		size_t e = i;
		if (!is_end && (t[i] == '.' || t[i] == '!' || t[i] == '?')) {
			size_t j = i + 1;
			while (j < len && t[j] && strchr("\"')]", t[j]))
				j++;
			if (j + 3 <= len && !memcmp(t + j, "\xe2\x80\x9d", 3))
				j += 3;
			if (j < len && (t[j] == ' ' || t[j] == '\n' ||
					t[j] == '\t' || t[j] == '\r')) {
				is_end = true;
				e = j;
				i = j - 1;
			}
		}
		if (!is_end)
			continue;
		if (e > s && !u64v_push(out, (uint64_t)s << 32 | e))
			return FC_ENOMEM;
		s = e + (t[e] == '\n');
	}
	if (len > s && !u64v_push(out, (uint64_t)s << 32 | len))
		return FC_ENOMEM;
	return FC_OK;
}

/* ---- words ------------------------------------------------------------- */

enum { CH_SEP, CH_WORD, CH_DIGIT, CH_APOS, CH_JOIN };

/* Class and (lower-cased) code point of the character at p; its length. */
static size_t classify(const unsigned char *p, size_t avail, int *cls,
		       uint32_t *cp)
{
	unsigned char c = p[0];
	if (c < 0x80) {
		*cp = c;
		if (c >= '0' && c <= '9')
			*cls = CH_DIGIT;
		else if ((c >= 'a' && c <= 'z'))
			*cls = CH_WORD;
		else if (c >= 'A' && c <= 'Z') {
			*cls = CH_WORD;
			*cp = c + 32;
		} else if (c == '\'')
			*cls = CH_APOS;
		else if (c == ',' || c == '.')
			*cls = CH_JOIN;
		else
			*cls = CH_SEP;
		return 1;
	}
	size_t n = fc_utf8_seq_len(p, avail);
	if (!n) {
		*cls = CH_SEP;
		*cp = 0xFFFD;
		return 1;
	}
	/* Decode: the lead byte's payload, then 6 bits per continuation. */
	uint32_t u = c & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
	for (size_t k = 1; k < n; k++)
		u = u << 6 | (p[k] & 0x3f);
	if (u == 0x2019 || u == 0x02bc) {
		*cls = CH_APOS;
	} else if (u <= 0xbf || u == 0xd7 || u == 0xf7 ||
		   (u >= 0x2000 && u <= 0x2bff) ||
		   (u >= 0x3000 && u <= 0x303f) ||
		   (u >= 0xfe30 && u <= 0xfe4f) ||
		   (u >= 0xff00 && u <= 0xff0f) || u == 0xfffd) {
		*cls = CH_SEP;
	} else {
		*cls = CH_WORD;
		if ((u >= 0xc0 && u <= 0xde) || (u >= 0x391 && u <= 0x3a9) ||
		    (u >= 0x410 && u <= 0x42f))
			u += 0x20;
	}
	*cp = u;
	return n;
}

/* Shingles of one sentence span, quoted spans left out. */
struct shingler {
	const struct reuse_cfg *cfg;
	uint64_t ring[MAX_SHINGLE];
	uint32_t nring; /* words since the last break */
	struct u64v *out;
};

static bool push_word(struct shingler *s, uint64_t w)
{
	uint32_t k = s->cfg->shingle;
	s->ring[s->nring % k] = w;
	s->nring++;
	if (s->nring < k)
		return true;
	uint64_t h = k;
	for (uint32_t j = 0; j < k; j++)
		h = mix64(h ^ s->ring[(s->nring + j) % k]);
	return u64v_push(s->out, h);
}

static bool shingle_span(struct shingler *s, const char *t, size_t start,
			 size_t end)
{
	uint64_t w = FNV_BASIS;
	bool is_in_word = false;
	int prev = CH_SEP;
	for (size_t i = start; i < end;) {
		int cls;
		uint32_t cp;
		size_t n = classify((const unsigned char *)t + i, end - i, &cls,
				    &cp);
		if (cls == CH_APOS || cls == CH_JOIN) {
			/* Dropped inside a word (or a number), else a break. */
			int next = CH_SEP;
			uint32_t ncp;
			if (i + n < end)
				classify((const unsigned char *)t + i + n,
					 end - i - n, &next, &ncp);
			bool is_inside =
				cls == CH_APOS
					? is_in_word && (next == CH_WORD ||
							 next == CH_DIGIT)
					: prev == CH_DIGIT && next == CH_DIGIT;
			if (is_inside) {
				i += n;
				continue;
			}
			cls = CH_SEP;
		}
		if (cls == CH_SEP) {
			if (is_in_word && !push_word(s, w))
				return false;
			is_in_word = false;
			w = FNV_BASIS;
		} else {
			w = (w ^ cp) * FNV_PRIME;
			is_in_word = true;
		}
		prev = cls;
		i += n;
	}
	if (is_in_word && !push_word(s, w))
		return false;
	return true;
}

/* ---- features ---------------------------------------------------------- */

static void minhash(const uint64_t *sh, size_t n, const uint64_t *seeds,
		    uint32_t m, uint64_t *sig)
{
	for (uint32_t i = 0; i < m; i++)
		sig[i] = UINT64_MAX;
	for (size_t j = 0; j < n; j++)
		for (uint32_t i = 0; i < m; i++) {
			uint64_t h = mix64(sh[j] ^ seeds[i]);
			if (h < sig[i])
				sig[i] = h;
		}
}

static void make_seeds(uint64_t seed, uint64_t salt, uint64_t *out, uint32_t m)
{
	for (uint32_t i = 0; i < m; i++)
		out[i] = mix64(seed ^ mix64(salt + i + 1));
}

fc_status indep_features(const struct reuse_cfg *cfg, struct fc_arena *a,
			 const struct fc_document *doc, struct doc_feat *f)
{
	memset(f, 0, sizeof(*f));
	size_t len;
	const char *t = indep_doc_text(doc, &len);
	if (!t || !len)
		return FC_OK;
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	fc_status st = FC_ENOMEM;
	struct u64v quotes = {0}, sents = {0}, all = {0}, one = {0}, ss = {0};
	uint32_t *soff = NULL;
	size_t nsoff = 0, capsoff = 0;
	uint64_t *seeds = NULL;
	if ((st = find_quotes(cfg, t, len, &quotes)))
		goto fail;
	st = FC_ENOMEM;
	if (doc->text && doc->nsentences) {
		for (size_t i = 0; i < doc->nsentences; i++) {
			uint32_t s = doc->sentences[i].start;
			uint32_t e = doc->sentences[i].end;
			if (e > len)
				e = (uint32_t)len;
			if (s < e && !u64v_push(&sents, (uint64_t)s << 32 | e))
				goto fail;
		}
	} else if ((st = split_sentences(t, len, &sents))) {
		goto fail;
	}
	st = FC_ENOMEM;
	for (size_t si = 0; si < sents.n; si++) {
		size_t s = sents.v[si] >> 32, e = sents.v[si] & 0xffffffffu;
		struct shingler sh = {.cfg = cfg, .out = &one};
		one.n = 0;
		/* Quoted spans are sorted and disjoint: the first ending
		** after s, by binary search on the ends. */
		size_t lo = 0, hi = quotes.n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if ((quotes.v[mid] & 0xffffffffu) <= s)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo, p = s; p < e; k++) {
			size_t qs = e, qe = e;
			if (k < quotes.n && (quotes.v[k] >> 32) < e) {
				qs = quotes.v[k] >> 32;
				qe = quotes.v[k] & 0xffffffffu;
			}
			if (qs < p)
				qs = p;
			if (qs > p && !shingle_span(&sh, t, p, qs))
				goto fail;
			sh.nring = 0; /* a quote breaks the run */
			p = qe;
		}
		size_t n = sort_unique(one.v, one.n);
		for (size_t i = 0; i < n; i++)
			if (!u64v_push(&all, one.v[i]))
				goto fail;
		if (n < cfg->min_sentence_shingles)
			continue;
		for (size_t i = 0; i < n; i++)
			if (!u64v_push(&ss, one.v[i]))
				goto fail;
		if (nsoff + 2 > capsoff) {
			capsoff = capsoff ? capsoff * 2 : 64;
			uint32_t *g = realloc(soff, capsoff * sizeof(*g));
			if (!g)
				goto fail;
			soff = g;
		}
		if (!nsoff)
			soff[nsoff++] = 0;
		soff[nsoff++] = (uint32_t)ss.n;
	}
	all.n = sort_unique(all.v, all.n);
	f->nsh = all.n;
	f->nsent = nsoff ? (uint32_t)(nsoff - 1) : 0;
	uint32_t m = cfg->hashes > cfg->sentence_hashes ? cfg->hashes
							: cfg->sentence_hashes;
	seeds = malloc(2 * (size_t)m * sizeof(*seeds));
	if (!seeds)
		goto fail;
	make_seeds(cfg->seed, 0x646f63756d656e74ull, seeds, cfg->hashes);
	make_seeds(cfg->seed, 0x73656e74656e6365ull, seeds + m,
		   cfg->sentence_hashes);
	if (f->nsh) {
		f->sh = fc_arena_alloc(a, f->nsh * sizeof(*f->sh));
		f->sig = fc_arena_alloc(a, cfg->hashes * sizeof(*f->sig));
		if (!f->sh || !f->sig)
			goto fail;
		memcpy(f->sh, all.v, f->nsh * sizeof(*f->sh));
		minhash(f->sh, f->nsh, seeds, cfg->hashes, f->sig);
	}
	if (f->nsent) {
		f->ssh = fc_arena_alloc(a, ss.n * sizeof(*f->ssh));
		f->soff = fc_arena_alloc(a, nsoff * sizeof(*f->soff));
		f->ssig = fc_arena_alloc(a, (size_t)f->nsent *
						    cfg->sentence_hashes *
						    sizeof(*f->ssig));
		if (!f->ssh || !f->soff || !f->ssig)
			goto fail;
		memcpy(f->ssh, ss.v, ss.n * sizeof(*f->ssh));
		memcpy(f->soff, soff, nsoff * sizeof(*f->soff));
		for (uint32_t i = 0; i < f->nsent; i++)
			minhash(f->ssh + f->soff[i],
				f->soff[i + 1] - f->soff[i], seeds + m,
				cfg->sentence_hashes,
				f->ssig + (size_t)i * cfg->sentence_hashes);
	}
	st = FC_OK;
fail:
	free(seeds);
	free(soff);
	free(quotes.v);
	free(sents.v);
	free(all.v);
	free(one.v);
	free(ss.v);
	return st;
}
