/*
** groups.c: fc_indep_groups, independent sources from three signals.
**
**   declared  the manifest says `derived_from`
**   wire      both documents carry one agency's credit (or one byline)
**   reuse     their texts share shingles or sentences (reuse.c)
**   canonical both are one page: the same canonical URL (an HTML
**             page's rel=canonical or og:url, else the source's url:)
**
** Every pair judged dependent goes to c->deps (a < b, sorted, one entry
** per pair with the first reason in that order); documents joined by
** any chain of pairs form one group. Groups are numbered densely in
** document order of their first member.
*/
#include <stdlib.h>
#include <string.h>

#include "indep/indep_p.h"

/* Above this many documents with one credit, chain them (n - 1 pairs). */
#define WIRE_ALL_PAIRS_MAX 64

struct deps {
	struct fc_dependence *v;
	size_t n, cap;
};

static bool push_dep(struct deps *p, uint32_t a, uint32_t b,
		     enum fc_dep_reason why, double sim, const char *detail)
{
	if (a == b)
		return true;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct fc_dependence *g = realloc(p->v, cap * sizeof(*g));
		if (!g)
			return false;
		p->v = g;
		p->cap = cap;
	}
	p->v[p->n++] = (struct fc_dependence){a < b ? a : b, a < b ? b : a, why,
					      sim, detail};
	return true;
}

static int cmp_dep(const void *pa, const void *pb)
{
	const struct fc_dependence *a = pa, *b = pb;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return (a->reason > b->reason) - (a->reason < b->reason);
}

static const struct fc_source *source_of(const struct fc_corpus *c, size_t i)
{
	return c->docs[i].src ? c->docs[i].src : &c->sources[i];
}

struct id_index {
	const char *id;
	uint32_t doc;
};

static int cmp_id(const void *pa, const void *pb)
{
	const struct id_index *a = pa, *b = pb;
	int k = strcmp(a->id, b->id);
	return k ? k : (a->doc > b->doc) - (a->doc < b->doc);
}

/* derived_from: the unknown id is an error at the manifest entry. */
static fc_status declared(struct fc_corpus *c, struct deps *p,
			  struct fc_diags *d)
{
	size_t n = c->ndocs;
	struct id_index *ix = malloc((n ? n : 1) * sizeof(*ix));
	if (!ix)
		return FC_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const char *id = source_of(c, i)->id;
		ix[i] = (struct id_index){id ? id : "", (uint32_t)i};
	}
	qsort(ix, n, sizeof(*ix), cmp_id);
	fc_status st = FC_OK;
	for (size_t i = 0; i < n; i++) {
		const struct fc_source *s = source_of(c, i);
		if (!s->derived_from)
			continue;
		struct id_index key = {s->derived_from, 0};
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cmp_id(&ix[mid], &key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == n || strcmp(ix[lo].id, s->derived_from)) {
			fc_diag_add(d, FC_ESCHEMA, &s->loc,
				    "derived_from names unknown source '%s'",
				    s->derived_from);
			continue;
		}
		if (ix[lo].doc == i) {
			fc_diag_warn(d, &s->loc,
				     "source '%s' is derived_from itself",
				     s->derived_from);
			continue;
		}
		if (!push_dep(p, (uint32_t)i, ix[lo].doc, FC_DEP_DECLARED, 0.0,
			      "derived_from")) {
			st = FC_ENOMEM;
			break;
		}
	}
	free(ix);
	return st;
}

static int cmp_key(const void *pa, const void *pb)
{
	const struct wire_key *a = pa, *b = pb;
	int k = strcmp(a->key, b->key);
	return k ? k : (a->doc > b->doc) - (a->doc < b->doc);
}

static fc_status wire(const struct fc_indep *x, struct fc_arena *tmp,
		      struct fc_corpus *c, struct deps *p)
{
	struct wire_key *keys = NULL;
	size_t n = 0, cap = 0;
	for (uint32_t i = 0; i < c->ndocs; i++) {
		fc_status st = indep_wire_keys(x, tmp, &c->docs[i], i, &keys,
					       &n, &cap);
		if (st)
			return st;
	}
	if (n)
		qsort(keys, n, sizeof(*keys), cmp_key);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && !strcmp(keys[j].key, keys[i].key))
			j++;
		const char *detail = fc_arena_strdup(&c->arena, keys[i].detail);
		if (!detail)
			return FC_ENOMEM;
		size_t m = j - i;
		for (size_t u = i; u < j; u++)
			for (size_t v = u + 1; v < j; v++) {
				if (m > WIRE_ALL_PAIRS_MAX && v > u + 1)
					break;
				if (!push_dep(p, keys[u].doc, keys[v].doc,
					      FC_DEP_WIRE, 0.0, detail))
					return FC_ENOMEM;
			}
		i = j;
	}
	return FC_OK;
}

static fc_status reuse(const struct fc_indep *x, struct fc_arena *tmp,
		       struct fc_corpus *c, struct deps *p)
{
	const struct reuse_cfg *cfg = &x->reuse;
	struct doc_feat *f =
		fc_arena_alloc(tmp, (c->ndocs ? c->ndocs : 1) * sizeof(*f));
	if (!f)
		return FC_ENOMEM;
	fc_status st;
	for (size_t i = 0; i < c->ndocs; i++)
		if ((st = indep_features(cfg, tmp, &c->docs[i], &f[i])))
			return st;
	uint64_t *cand;
	size_t ncand;
	if ((st = indep_candidates(cfg, tmp, f, c->ndocs, &cand, &ncand)))
		return st;
	for (size_t k = 0; k < ncand; k++) {
		uint32_t a = (uint32_t)(cand[k] >> 32), b = (uint32_t)cand[k];
		struct reuse_score s;
		indep_score_pair(cfg, &f[a], &f[b], &s);
		double sim;
		const char *detail;
		if (indep_is_reuse(cfg, &s, &sim, &detail) &&
		    !push_dep(p, a, b, FC_DEP_REUSE, sim, detail))
			return FC_ENOMEM;
	}
	return FC_OK;
}

/*
** The key a canonical URL compares by: scheme, fragment and a trailing
** slash dropped, the host lower-cased ("https://WWW.x.org/a/#c" and
** "http://www.x.org/a" are one page). NULL for a URL without a host.
*/
static char *canonical_key(struct fc_arena *a, const char *url)
{
	const char *p = strstr(url, "://");
	if (!p || p == url)
		return NULL;
	p += 3;
	size_t host = strcspn(p, "/?#");
	size_t n = strcspn(p, "#");
	if (!host)
		return NULL;
	while (n > host + 1 && p[n - 1] == '/')
		n--;
	if (n == host + 1 && p[host] == '/')
		n = host;
	char *k = fc_arena_strndup(a, p, n);
	for (size_t i = 0; k && i < host; i++)
		if (k[i] >= 'A' && k[i] <= 'Z')
			k[i] = (char)(k[i] - 'A' + 'a');
	return k;
}

static fc_status canonical(struct fc_arena *tmp, struct fc_corpus *c,
			   struct deps *p)
{
	struct wire_key *keys =
		fc_arena_alloc(tmp, (c->ndocs ? c->ndocs : 1) * sizeof(*keys));
	size_t n = 0;
	if (!keys)
		return FC_ENOMEM;
	for (uint32_t i = 0; i < c->ndocs; i++) {
		const char *url = c->docs[i].canonical_url
					  ? c->docs[i].canonical_url
					  : source_of(c, i)->url;
		char *k = url ? canonical_key(tmp, url) : NULL;
		if (k)
			keys[n++] = (struct wire_key){k, url, i};
	}
	if (n)
		qsort(keys, n, sizeof(*keys), cmp_key);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && !strcmp(keys[j].key, keys[i].key))
			j++;
		const char *detail = j > i + 1 ? fc_arena_strdup(&c->arena,
								 keys[i].detail)
					       : "";
		if (!detail)
			return FC_ENOMEM;
		/* one page: chaining its copies joins them all */
		for (size_t u = i + 1; u < j; u++)
			if (!push_dep(p, keys[u - 1].doc, keys[u].doc,
				      FC_DEP_CANONICAL, 0.0, detail))
				return FC_ENOMEM;
		i = j;
	}
	return FC_OK;
}

static uint32_t find(uint32_t *parent, uint32_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

fc_status fc_indep_groups(const struct fc_rules *r, struct fc_corpus *c,
			  struct fc_diags *d)
{
	const struct fc_indep *x = r ? r->indep : NULL;
	struct fc_arena tmp;
	struct deps p = {0};
	uint32_t *parent = NULL;
	int32_t *num = NULL;
	fc_status st;
	fc_arena_init(&tmp);
	c->deps = NULL;
	c->ndeps = 0;
	c->ngroups = 0;
	if ((st = declared(c, &p, d)))
		goto fail;
	if (x && (st = wire(x, &tmp, c, &p)))
		goto fail;
	if (x && x->reuse.is_enabled && (st = reuse(x, &tmp, c, &p)))
		goto fail;
	if ((st = canonical(&tmp, c, &p)))
		goto fail;

	st = FC_ENOMEM;
	if (p.n)
		qsort(p.v, p.n, sizeof(*p.v), cmp_dep);
	size_t m = 0;
	for (size_t i = 0; i < p.n; i++)
		if (!m || p.v[i].a != p.v[m - 1].a || p.v[i].b != p.v[m - 1].b)
			p.v[m++] = p.v[i];
	if (m) {
		c->deps = fc_arena_alloc(&c->arena, m * sizeof(*c->deps));
		if (!c->deps)
			goto fail;
		memcpy(c->deps, p.v, m * sizeof(*c->deps));
		c->ndeps = m;
	}

	size_t n = c->ndocs ? c->ndocs : 1;
	parent = malloc(n * sizeof(*parent));
	num = malloc(n * sizeof(*num));
	if (!parent || !num)
		goto fail;
	for (uint32_t i = 0; i < c->ndocs; i++) {
		parent[i] = i;
		num[i] = -1;
	}
	for (size_t i = 0; i < m; i++) {
		uint32_t a = find(parent, p.v[i].a), b = find(parent, p.v[i].b);
		if (a != b)
			parent[a > b ? a : b] = a < b ? a : b;
	}
	int32_t next = 0;
	for (uint32_t i = 0; i < c->ndocs; i++) {
		uint32_t root = find(parent, i);
		if (num[root] < 0)
			num[root] = next++;
		c->docs[i].independent_group = num[root];
	}
	c->ngroups = next;
	st = FC_OK;
fail:
	free(num);
	free(parent);
	free(p.v);
	fc_arena_finish(&tmp);
	return st;
}
