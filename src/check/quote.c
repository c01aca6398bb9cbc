/*
** quote.c: compare: quote. The quotes of one key (one speaker) are
** split into statements, one finding each:
**
**   words     each distinct quote as normalised words (wdiff.h): case,
**             punctuation and quote marks do not count.
**   overlap   two quotes are one statement when they share at least
**             min_words - 1 word pairs (bigrams) and that is at least
**             `overlap` of the shorter quote's word pairs. Word pairs
**             keep local order, so a long quote does not swallow every
**             short one through common words ("of the", "it is").
**   partial   a quote whose words stand whole in a longer quote of the
**             same statement (each piece between elisions, in order) is
**             a fragment: it supports that version and is no variant.
**   status    one version (partials aside): corroborated or
**             single-source by independent groups; several versions:
**             the check's conflict status (variant).
**
** Fragments attach to their longest container and never bridge two
** statements. Values: the best supported version first (its fragments'
** sources count for it), then the other versions, then the fragments.
** The finding id ends in a slug of the first version's first words.
**
** Bounds (hostile input): at most MAX_QUOTES distinct quotes of one key
** are compared pairwise, and at most MAX_PAIR_WORK word pairs merged;
** beyond, quotes stay separate and a warning says so.
*/
#include <stdlib.h>
#include <string.h>

#include "check/check_p.h"

#define MAX_QUOTES 1024
#define MAX_PAIR_WORK 50000000u
#define SUFFIX_WORDS 8
#define SUFFIX_MAX 64 /* bytes of the id's slug */
#define NONE SIZE_MAX

struct qv {
	const struct fc_wd_text *t;
	uint32_t *ids;
	uint64_t *pairs; /* distinct word pairs, not across an elision */
	size_t npairs;
	size_t ngaps;
	size_t container; /* the longest quote holding this one, or NONE */
	size_t parent;    /* union-find */
};

struct link {
	size_t u, v;
};

/* ---- Fragments ---------------------------------------------------------- */

/* Find needle[0, nn) in hay[from, nh) (KMP with table fail); its start
** or NONE. */
static size_t kmp_find(const uint32_t *hay, size_t nh, size_t from,
		       const uint32_t *needle, size_t nn, size_t *fail)
{
	fail[0] = 0;
	for (size_t i = 1, k = 0; i < nn; i++) {
		while (k && needle[i] != needle[k])
			k = fail[k - 1];
		if (needle[i] == needle[k])
			k++;
		fail[i] = k;
	}
	for (size_t i = from, k = 0; i < nh; i++) {
		while (k && hay[i] != needle[k])
			k = fail[k - 1];
		if (hay[i] == needle[k])
			k++;
		if (k == nn)
			return i + 1 - nn;
	}
	return NONE;
}

bool fc_check_quote_contains(struct fc_arena *a, const uint32_t *big,
			     size_t nbig, const struct fc_wd_text *f,
			     const uint32_t *fids, bool *is_oom)
{
	if (!f->n || f->n > nbig)
		return false;
	size_t *fail = fc_arena_alloc(a, f->n * sizeof(*fail));
	if (!fail) {
		*is_oom = true;
		return false;
	}
	size_t pos = 0;
	for (size_t i = 0; i < f->n;) {
		size_t j = i + 1;
		while (j < f->n && !f->w[j].is_gap)
			j++;
		size_t at = kmp_find(big, nbig, pos, fids + i, j - i, fail);
		if (at == NONE)
			return false;
		pos = at + (j - i);
		i = j;
	}
	return true;
}

/* ---- Word pairs --------------------------------------------------------- */

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

static bool prepare(struct fc_arena *a, struct qv *q)
{
	const struct fc_wd_text *t = q->t;
	q->container = NONE;
	if (!t->n)
		return true;
	q->ids = fc_wd_ids(a, t);
	q->pairs = fc_arena_alloc(a, t->n * sizeof(*q->pairs));
	if (!q->ids || !q->pairs)
		return false;
	size_t m = 0;
	for (size_t i = 1; i < t->n; i++) {
		if (t->w[i].is_gap) {
			q->ngaps++;
			continue;
		}
		q->pairs[m++] = (uint64_t)q->ids[i - 1] << 32 | q->ids[i];
	}
	qsort(q->pairs, m, sizeof(*q->pairs), cmp_u64);
	q->npairs = 0;
	for (size_t i = 0; i < m; i++)
		if (!q->npairs || q->pairs[q->npairs - 1] != q->pairs[i])
			q->pairs[q->npairs++] = q->pairs[i];
	return true;
}

static size_t shared_pairs(const struct qv *x, const struct qv *y)
{
	size_t i = 0, j = 0, n = 0;
	while (i < x->npairs && j < y->npairs) {
		if (x->pairs[i] == y->pairs[j])
			n++, i++, j++;
		else if (x->pairs[i] < y->pairs[j])
			i++;
		else
			j++;
	}
	return n;
}

/* Is x the fragment side of the pair (fewer words, or as many words and
** more elisions)? */
static bool is_shorter(const struct qv *x, const struct qv *y)
{
	if (x->t->n != y->t->n)
		return x->t->n < y->t->n;
	return x->ngaps > y->ngaps;
}

/* ---- Statements --------------------------------------------------------- */

static size_t find_root(struct qv *q, size_t v)
{
	while (q[v].parent != v) {
		q[v].parent = q[q[v].parent].parent;
		v = q[v].parent;
	}
	return v;
}

static void unite(struct qv *q, size_t u, size_t v)
{
	u = find_root(q, u);
	v = find_root(q, v);
	if (u != v)
		q[u > v ? u : v].parent = u < v ? u : v; /* lowest index */
}

/*
** Compare the first m quotes pairwise: links between statements, and
** each quote's longest container. false on out of memory; *is_capped
** when the work bound stopped the comparisons.
*/
static bool link_quotes(struct run *r, const struct check *c, struct qv *q,
			size_t m, struct link **links, size_t *nlinks,
			bool *is_capped)
{
	struct fc_arena *a = &r->scratch;
	size_t cap = 0, work = 0;
	bool is_oom = false;
	*links = NULL;
	*nlinks = 0;
	for (size_t u = 0; u < m; u++) {
		for (size_t v = u + 1; v < m; v++) {
			size_t nmin = q[u].npairs < q[v].npairs ? q[u].npairs
								  : q[v].npairs;
			if (!nmin || nmin + 1 < c->min_words)
				continue;
			work += q[u].npairs + q[v].npairs;
			if (work > MAX_PAIR_WORK) {
				*is_capped = true;
				return true;
			}
			size_t shared = shared_pairs(&q[u], &q[v]);
			if (shared + 1 < c->min_words ||
			    (double)shared < c->overlap * (double)nmin - 1e-9)
				continue;
			void *g = fc_arena_grow(a, *links, sizeof(**links),
						&cap, *nlinks + 1);
			if (!g)
				return false;
			*links = g;
			(*links)[(*nlinks)++] = (struct link){u, v};
			size_t f = is_shorter(&q[u], &q[v])   ? u
				   : is_shorter(&q[v], &q[u]) ? v
							      : NONE;
			if (f == NONE)
				continue;
			size_t b = f == u ? v : u;
			if (shared != q[f].npairs ||
			    !fc_check_quote_contains(a, q[b].ids, q[b].t->n,
						     q[f].t, q[f].ids, &is_oom))
				continue;
			size_t old = q[f].container;
			if (old == NONE || q[b].t->n > q[old].t->n ||
			    (q[b].t->n == q[old].t->n && b < old))
				q[f].container = b;
		}
	}
	return !is_oom;
}

/* Sort record of a value inside one statement. */
struct qrank {
	bool is_partial;
	uint32_t sup_nindep; /* with the fragments it holds */
	size_t sup_nfacts;
	uint32_t nindep;
	size_t nfacts, nwords;
	const char *text, *key;
	size_t idx;
};

static int cmp_qrank(const void *x, const void *y)
{
	const struct qrank *a = x, *b = y;
	if (a->is_partial != b->is_partial)
		return a->is_partial ? 1 : -1;
	if (a->sup_nindep != b->sup_nindep)
		return a->sup_nindep > b->sup_nindep ? -1 : 1;
	if (a->sup_nfacts != b->sup_nfacts)
		return a->sup_nfacts > b->sup_nfacts ? -1 : 1;
	if (a->nindep != b->nindep)
		return a->nindep > b->nindep ? -1 : 1;
	if (a->nfacts != b->nfacts)
		return a->nfacts > b->nfacts ? -1 : 1;
	if (a->nwords != b->nwords)
		return a->nwords > b->nwords ? -1 : 1;
	int k = strcmp(a->text, b->text);
	if (!k)
		k = strcmp(a->key, b->key);
	return k ? k : (a->idx > b->idx) - (a->idx < b->idx);
}

/* The version fragment v supports: the end of its containers' chain
** (each container is longer, so the chain has no cycle). */
static size_t version_of(const struct qv *q, size_t ndv, size_t v)
{
	for (size_t step = 0; q[v].container != NONE && step < ndv; step++)
		v = q[v].container;
	return v;
}

/* base, or base-2, base-3, ...: the first not in used[0, nused). */
static const char *suffix_unique(struct fc_arena *a, const char *base,
				 const char **used, size_t nused)
{
	const char *s = base;
	for (size_t k = 2;; k++) {
		size_t i = 0;
		while (i < nused && strcmp(used[i], s))
			i++;
		if (i == nused)
			return s;
		if (!(s = fc_arena_printf(a, "%s-%zu", base, k)))
			return NULL;
	}
}

/* A slug of the first version's first words (at most SUFFIX_MAX bytes),
** unique among used[0, nused). */
static const char *suffix_of(struct run *r, const struct qv *ref,
			     const char **used, size_t nused)
{
	struct fc_arena *a = &r->scratch;
	fc_buf_reset(&r->b);
	for (size_t i = 0; i < ref->t->n && i < SUFFIX_WORDS; i++) {
		if (i)
			fc_buf_addc(&r->b, ' ');
		fc_buf_adds(&r->b, ref->t->w[i].norm);
	}
	if (r->b.err)
		return NULL;
	char *base = fc_slug(a, fc_buf_cstr(&r->b), r->b.len);
	if (!base)
		return NULL;
	size_t n = strlen(base);
	if (n > SUFFIX_MAX) {
		n = SUFFIX_MAX;
		while (n > 0 && base[n - 1] == '-')
			n--;
		base[n] = '\0';
	}
	if (!*base)
		return suffix_unique(a, "quote", used, nused);
	return suffix_unique(a, base, used, nused);
}


/* One statement: the values members[0, nm) of the cluster. */
static fc_status statement(struct run *r, const struct check *c,
			   const struct entry *e, const struct dvalue *dv,
			   const struct qv *q, const bool *is_partial,
			   const size_t *version, const size_t *members,
			   size_t nm, const char **used, size_t nused)
{
	struct fc_arena *a = &r->scratch;
	struct qrank *rr = fc_arena_alloc(a, nm * sizeof(*rr));
	size_t nentries = 0;
	for (size_t k = 0; k < nm; k++)
		nentries += dv[members[k]].n;
	size_t *which = fc_arena_alloc(a, nentries * sizeof(*which));
	size_t *order = fc_arena_alloc(a, nm * sizeof(*order));
	if (!rr || !which || !order)
		return FC_ENOMEM;
	size_t nfull = 0;
	for (size_t k = 0; k < nm; k++) {
		size_t v = members[k];
		struct qrank *x = &rr[k];
		*x = (struct qrank){is_partial[v], 0, 0, dv[v].nindep,
				    dv[v].n, q[v].t->n, dv[v].text, dv[v].key,
				    v};
		nfull += !is_partial[v];
		/* Support: its own facts and its fragments' facts. */
		size_t nw = 0;
		for (size_t j = 0; j < nm; j++) {
			size_t u = members[j];
			if (u != v && (is_partial[v] || version[u] != v))
				continue;
			for (size_t i = 0; i < dv[u].n; i++)
				which[nw++] = dv[u].first + i;
		}
		x->sup_nfacts = nw;
		x->sup_nindep = fc_check_count_groups(r, e, which, nw);
	}
	qsort(rr, nm, sizeof(*rr), cmp_qrank);
	for (size_t k = 0; k < nm; k++)
		order[k] = rr[k].idx;
	const char *suffix = suffix_of(r, &q[order[0]], used, nused);
	if (!suffix)
		return FC_ENOMEM;
	used[nused] = suffix;
	return fc_check_emit(r, c, e, dv, order, nm, is_partial, nfull > 1,
			     suffix);
}

/* (root, index) pairs. */
static int cmp_member(const void *x, const void *y)
{
	const size_t *a = x, *b = y;
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return (a[1] > b[1]) - (a[1] < b[1]);
}

fc_status fc_check_quote_cluster(struct run *r, const struct check *c,
				 const struct entry *e, const struct dvalue *dv,
				 size_t ndv)
{
	struct fc_arena *a = &r->scratch;
	struct qv *q = fc_arena_alloc(a, ndv * sizeof(*q));
	struct fc_wd_text **texts = fc_arena_alloc(a, ndv * sizeof(*texts));
	struct fc_wd_text *empty = fc_arena_alloc(a, sizeof(*empty));
	bool *is_partial = fc_arena_alloc(a, ndv * sizeof(*is_partial));
	size_t *byroot = fc_arena_alloc(a, 2 * ndv * sizeof(*byroot));
	const char **used = fc_arena_alloc(a, ndv * sizeof(*used));
	size_t *version = fc_arena_alloc(a, ndv * sizeof(*version));
	size_t *members = fc_arena_alloc(a, ndv * sizeof(*members));
	if (!q || !texts || !empty || !is_partial || !byroot || !used ||
	    !version || !members)
		return FC_ENOMEM;
	for (size_t v = 0; v < ndv; v++) {
		struct fc_wd_text *t = e[dv[v].first].prep.words;
		texts[v] = t ? t : empty;
		q[v].t = texts[v];
		q[v].parent = v;
	}
	if (!fc_wd_intern(a, texts, ndv))
		return FC_ENOMEM;
	for (size_t v = 0; v < ndv; v++)
		if (!prepare(a, &q[v]))
			return FC_ENOMEM;

	size_t m = ndv < MAX_QUOTES ? ndv : MAX_QUOTES;
	struct link *links;
	size_t nlinks;
	bool is_capped = ndv > MAX_QUOTES;
	if (!link_quotes(r, c, q, m, &links, &nlinks, &is_capped))
		return FC_ENOMEM;
	if (is_capped)
		fc_diag_warn(r->d, NULL,
			     "check '%s': %zu distinct quotes for key '%s'; "
			     "compared %d of them and %u word pairs at most, "
			     "the rest stand alone",
			     c->id, ndv, e[0].key, MAX_QUOTES, MAX_PAIR_WORK);

	/* Statements: versions joined by their links, fragments by their
	** container (a fragment never joins two statements). */
	for (size_t v = 0; v < ndv; v++)
		is_partial[v] = q[v].container != NONE;
	for (size_t k = 0; k < nlinks; k++)
		if (!is_partial[links[k].u] && !is_partial[links[k].v])
			unite(q, links[k].u, links[k].v);
	for (size_t v = 0; v < ndv; v++) {
		if (is_partial[v])
			unite(q, v, q[v].container);
		version[v] = version_of(q, ndv, v);
	}
	/* Members sorted by (root, index): one run per statement. */
	for (size_t v = 0; v < ndv; v++) {
		byroot[2 * v] = find_root(q, v);
		byroot[2 * v + 1] = v;
	}
	qsort(byroot, ndv, 2 * sizeof(*byroot), cmp_member);
	size_t nused = 0;
	for (size_t i = 0; i < ndv;) {
		size_t j = i;
		while (j < ndv && byroot[2 * j] == byroot[2 * i]) {
			members[j - i] = byroot[2 * j + 1];
			j++;
		}
		fc_status st = statement(r, c, e, dv, q, is_partial, version,
					 members, j - i, used, nused++);
		if (st)
			return st;
		i = j;
	}
	return FC_OK;
}
