/*
** reuse.c: text reuse between documents.
**
** Candidates come from LSH banding (no all-pairs comparison): the
** document MinHash signatures cut into `bands` bands find near
** duplicates, the sentence signatures cut into `sentence_bands` bands
** find documents that share sentences (a rewrite that keeps sentences
** in a new order). Documents landing in one bucket become candidate
** pairs; a bucket holding more than max_bucket documents is chained
** (each to the next) rather than paired all with all, so the work stays
** near linear in the number of documents.
**
** Each candidate pair is then scored exactly:
**   resemblance  |A & B| / |A | B| over the document shingles
**   containment  |A & B| / min(|A|, |B|)  (one text inside the other)
**   sentences    the share of one document's sentences that have a
**                near-duplicate in the other: a sentence s matches t
**                when |s & t| / |s| >= sentence_match
*/
#include <stdlib.h>
#include <string.h>

#include "indep/indep_p.h"

enum { BAND_DOC = 1, BAND_SENTENCE = 2 };

struct band_entry {
	uint64_t key;
	uint32_t doc, sent;
};

static int cmp_entry(const void *pa, const void *pb)
{
	const struct band_entry *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->sent < b->sent ? -1 : a->sent > b->sent;
}

static int cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
	return a < b ? -1 : a > b;
}

struct pairs {
	uint64_t *v;
	size_t n, cap;
};

static bool push_pair(struct pairs *p, uint32_t a, uint32_t b)
{
	if (a == b)
		return true;
	if (a > b) {
		uint32_t t = a;
		a = b;
		b = t;
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		uint64_t *g = realloc(p->v, cap * sizeof(*g));
		if (!g)
			return false;
		p->v = g;
		p->cap = cap;
	}
	p->v[p->n++] = (uint64_t)a << 32 | b;
	return true;
}

fc_status indep_candidates(const struct reuse_cfg *cfg, struct fc_arena *a,
			   const struct doc_feat *f, size_t n, uint64_t **out,
			   size_t *nout)
{
	*out = NULL;
	*nout = 0;
	uint32_t r = cfg->hashes / cfg->bands;
	uint32_t sr = cfg->sentence_hashes / cfg->sentence_bands;
	size_t ne = 0;
	for (size_t i = 0; i < n; i++)
		ne += (f[i].nsh ? cfg->bands : 0) +
		      (size_t)f[i].nsent * cfg->sentence_bands;
	struct band_entry *e = malloc((ne ? ne : 1) * sizeof(*e));
	uint32_t *run = malloc((ne ? ne : 1) * sizeof(*run));
	struct pairs p = {0};
	fc_status st = FC_ENOMEM;
	if (!e || !run)
		goto fail;
	ne = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (f[i].nsh)
			for (uint32_t b = 0; b < cfg->bands; b++)
				e[ne++] = (struct band_entry){
					indep_band_key(BAND_DOC, b, f[i].sig,
						       r),
					i, UINT32_MAX};
		for (uint32_t s = 0; s < f[i].nsent; s++) {
			const uint64_t *sig =
				f[i].ssig + (size_t)s * cfg->sentence_hashes;
			for (uint32_t b = 0; b < cfg->sentence_bands; b++)
				e[ne++] = (struct band_entry){
					indep_band_key(BAND_SENTENCE, b, sig,
						       sr),
					i, s};
		}
	}
	if (ne)
		qsort(e, ne, sizeof(*e), cmp_entry);
	for (size_t i = 0; i < ne;) {
		size_t j = i, m = 0;
		for (; j < ne && e[j].key == e[i].key; j++)
			if (!m || run[m - 1] != e[j].doc)
				run[m++] = e[j].doc;
		if (m <= cfg->max_bucket) {
			for (size_t x = 0; x < m; x++)
				for (size_t y = x + 1; y < m; y++)
					if (!push_pair(&p, run[x], run[y]))
						goto fail;
		} else {
			for (size_t x = 0; x + 1 < m; x++)
				if (!push_pair(&p, run[x], run[x + 1]))
					goto fail;
		}
		i = j;
	}
	if (p.n)
		qsort(p.v, p.n, sizeof(*p.v), cmp_u64);
	size_t m = 0;
	for (size_t i = 0; i < p.n; i++)
		if (!m || p.v[i] != p.v[m - 1])
			p.v[m++] = p.v[i];
	if (m) {
		*out = fc_arena_alloc(a, m * sizeof(**out));
		if (!*out)
			goto fail;
		memcpy(*out, p.v, m * sizeof(**out));
	}
	*nout = m;
	st = FC_OK;
fail:
	free(e);
	free(run);
	free(p.v);
	return st;
}

/* ---- exact scores ------------------------------------------------------ */

static void match_sentences(const struct doc_feat *fa, uint32_t i,
			    const struct doc_feat *fb, uint32_t j, double tau,
			    bool *ma, bool *mb)
{
	if (ma[i] && mb[j])
		return;
	const uint64_t *s = fa->ssh + fa->soff[i];
	const uint64_t *t = fb->ssh + fb->soff[j];
	size_t ns = fa->soff[i + 1] - fa->soff[i];
	size_t nt = fb->soff[j + 1] - fb->soff[j];
	size_t k = indep_intersect(s, ns, t, nt);
	if ((double)k >= tau * (double)ns)
		ma[i] = true;
	if ((double)k >= tau * (double)nt)
		mb[j] = true;
}

/* How many of s[0, ns) are in big[0, nbig) (both sorted, s small). */
static size_t count_in(const uint64_t *s, size_t ns, const uint64_t *big,
		       size_t nbig)
{
	size_t k = 0, lo = 0;
	for (size_t i = 0; i < ns && lo < nbig; i++) {
		size_t hi = nbig;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (big[mid] < s[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nbig && big[lo] == s[i])
			k++;
	}
	return k;
}

/*
** Can sentence i of fa match any sentence of the other document (an
** upper bound)? common: the shingles the two documents share.
*/
static bool may_match(const struct doc_feat *fa, uint32_t i,
		      const uint64_t *common, size_t ncommon, double tau)
{
	const uint64_t *s = fa->ssh + fa->soff[i];
	size_t ns = fa->soff[i + 1] - fa->soff[i];
	return ncommon &&
	       (double)count_in(s, ns, common, ncommon) >= tau * (double)ns;
}

/* The shingles of both a and b (sorted) into out; their number. */
static size_t intersection(const uint64_t *a, size_t na, const uint64_t *b,
			   size_t nb, uint64_t *out)
{
	size_t i = 0, j = 0, n = 0;
	while (i < na && j < nb) {
		if (a[i] < b[j]) {
			i++;
		} else if (a[i] > b[j]) {
			j++;
		} else {
			out[n++] = a[i];
			i++;
			j++;
		}
	}
	return n;
}

/*
** Sentence pairs from LSH when the two documents are too long to
** compare every sentence with every other: sentences that share a
** bucket are compared.
*/
static bool match_by_bands(const struct reuse_cfg *cfg,
			   const struct doc_feat *fa, const struct doc_feat *fb,
			   bool *ma, bool *mb)
{
	uint32_t sr = cfg->sentence_hashes / cfg->sentence_bands;
	size_t ne = ((size_t)fa->nsent + fb->nsent) * cfg->sentence_bands;
	struct band_entry *e = malloc((ne ? ne : 1) * sizeof(*e));
	if (!e)
		return false;
	ne = 0;
	const struct doc_feat *side[2] = {fa, fb};
	for (uint32_t d = 0; d < 2; d++)
		for (uint32_t s = 0; s < side[d]->nsent; s++) {
			const uint64_t *sig =
				side[d]->ssig +
				(size_t)s * cfg->sentence_hashes;
			for (uint32_t b = 0; b < cfg->sentence_bands; b++)
				e[ne++] = (struct band_entry){
					indep_band_key(BAND_SENTENCE, b, sig,
						       sr),
					d, s};
		}
	qsort(e, ne, sizeof(*e), cmp_entry);
	for (size_t i = 0; i < ne;) {
		size_t j = i;
		while (j < ne && e[j].key == e[i].key)
			j++;
		/* Entries of a bucket: side 0 first, then side 1. */
		if (j - i <= cfg->max_bucket)
			for (size_t x = i; x < j && e[x].doc == 0; x++)
				for (size_t y = x + 1; y < j; y++)
					if (e[y].doc == 1)
						match_sentences(
							fa, e[x].sent, fb,
							e[y].sent,
							cfg->sentence_match, ma,
							mb);
		i = j;
	}
	free(e);
	return true;
}

void indep_score_pair(const struct reuse_cfg *cfg, const struct doc_feat *fa,
		      const struct doc_feat *fb, struct reuse_score *s)
{
	memset(s, 0, sizeof(*s));
	size_t nmin = fa->nsh < fb->nsh ? fa->nsh : fb->nsh;
	uint64_t *common = malloc((nmin ? nmin : 1) * sizeof(*common));
	if (!common)
		return;
	size_t inter = intersection(fa->sh, fa->nsh, fb->sh, fb->nsh, common);
	size_t uni = fa->nsh + fb->nsh - inter;
	s->nmin = nmin;
	s->resemblance = uni ? (double)inter / (double)uni : 0.0;
	s->containment = nmin ? (double)inter / (double)nmin : 0.0;
	bool *ma = NULL;
	if (!fa->nsent || !fb->nsent || !inter)
		goto done;
	/* ok[i]: sentence i shares enough shingles with the whole other
	** document to match one of its sentences at all; a pair needs an ok
	** sentence on one side, so most pairs are never compared. */
	size_t n = (size_t)fa->nsent + fb->nsent;
	ma = calloc(2 * n, sizeof(*ma));
	if (!ma)
		goto done; /* scored on shingles alone */
	bool *mb = ma + fa->nsent, *oka = ma + n, *okb = oka + fa->nsent;
	uint64_t nra = 0, nrb = 0;
	for (uint32_t i = 0; i < fa->nsent; i++)
		nra += oka[i] =
			may_match(fa, i, common, inter, cfg->sentence_match);
	for (uint32_t j = 0; j < fb->nsent; j++)
		nrb += okb[j] =
			may_match(fb, j, common, inter, cfg->sentence_match);
	uint64_t work = nra * fb->nsent + nrb * (fa->nsent - nra);
	if (work <= cfg->max_sentence_pairs) {
		for (uint32_t i = 0; i < fa->nsent; i++)
			for (uint32_t j = 0; oka[i] && j < fb->nsent; j++)
				match_sentences(fa, i, fb, j,
						cfg->sentence_match, ma, mb);
		for (uint32_t j = 0; j < fb->nsent; j++)
			for (uint32_t i = 0; okb[j] && i < fa->nsent; i++)
				if (!oka[i])
					match_sentences(fa, i, fb, j,
							cfg->sentence_match,
							ma, mb);
	} else if (!match_by_bands(cfg, fa, fb, ma, mb)) {
		goto done;
	}
	uint32_t na = 0, nb = 0;
	for (uint32_t i = 0; i < fa->nsent; i++)
		na += ma[i];
	for (uint32_t j = 0; j < fb->nsent; j++)
		nb += mb[j];
	double fra = (double)na / fa->nsent, frb = (double)nb / fb->nsent;
	/* The side that can decide: enough matched sentences first, then
	** the higher share. */
	bool is_deca = na >= cfg->sentence_min_matched;
	bool is_decb = nb >= cfg->sentence_min_matched;
	bool is_a = is_deca != is_decb ? is_deca
				       : fra > frb || (fra == frb && na >= nb);
	s->fraction = is_a ? fra : frb;
	s->matched = is_a ? na : nb;
	s->eligible = is_a ? fa->nsent : fb->nsent;
done:
	free(ma);
	free(common);
}

bool indep_is_reuse(const struct reuse_cfg *cfg, const struct reuse_score *s,
		    double *sim, const char **detail)
{
	if (s->nmin >= cfg->resemblance_min_shingles &&
	    s->resemblance >= cfg->resemblance) {
		*sim = s->resemblance;
		*detail = "resemblance";
		return true;
	}
	if (s->nmin >= cfg->containment_min_shingles &&
	    s->containment >= cfg->containment) {
		*sim = s->containment;
		*detail = "containment";
		return true;
	}
	if (s->matched >= cfg->sentence_min_matched &&
	    s->fraction >= cfg->sentence_fraction) {
		*sim = s->fraction;
		*detail = "sentences";
		return true;
	}
	return false;
}
