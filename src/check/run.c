/*
** run.c: facts -> clusters -> findings.
**
** For each check, the facts of its kind that have every key slot and
** the compared field become entries keyed by the canonical text of
** their key slots (list slots as sorted sets of item keys). Sorting the
** entries by key makes the clusters; within a cluster, sorting by the
** value's dedupe key makes the distinct values. Only the distinct
** values of one cluster are compared pairwise, so the cost is
** O(n log n) in the number of facts plus the (bounded) pairs inside
** each cluster.
**
** Distinct values are merged greedily into groups of mutually
** compatible values (the best supported first). One group: corroborated
** when the facts come from min_independent independent groups of
** sources, else single-source. Several groups: contradicted (or the
** check's `conflict` status), and the finding lists every value, best
** supported group first. compare: quote clusters go to quote.c, which
** may split one key's cluster into several findings.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_p.h"

/* Bounds on comparisons inside one cluster (hostile input). */
#define MAX_GROUPS 64
#define MAX_MEMBERS 64

/* The compared "value" of compare: polarity. */
static const struct fc_value polarity_values[2] = {
	[FC_POL_ASSERTED] = {.type = FC_VAL_TEXT, .text = "asserted"},
	[FC_POL_NEGATED] = {.type = FC_VAL_TEXT, .text = "negated"},
};

struct vgroup {
	size_t *members; /* dvalue indexes, in join order */
	size_t nmembers, cap;
	uint32_t nindep, nfacts;
	uint32_t rank;
};

/* ---- Helpers ------------------------------------------------------------ */

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

static int cmp_i32(const void *x, const void *y)
{
	int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
	return a < b ? -1 : a > b;
}

/* Sort and deduplicate v[0, n); returns the new count. */
static size_t uniq_u32(uint32_t *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_u32);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!m || v[m - 1] != v[i])
			v[m++] = v[i];
	return m;
}

static size_t uniq_i32(int32_t *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_i32);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!m || v[m - 1] != v[i])
			v[m++] = v[i];
	return m;
}

bool fc_check_value_is_empty(const struct fc_value *v)
{
	switch (v->type) {
	case FC_VAL_NONE: return true;
	case FC_VAL_ENTITY: return !v->entity.id || !*v->entity.id;
	case FC_VAL_TIME: return !v->time.value[0];
	case FC_VAL_TEXT: return !v->text || !*v->text;
	case FC_VAL_LIST: return v->nitems == 0;
	default: return false;
	}
}

/* One item of a list key, for sorting into a set. */
struct kitem {
	const char *key;
	size_t i;
};

static int cmp_kitem(const void *x, const void *y)
{
	const struct kitem *a = x, *b = y;
	int r = strcmp(a->key, b->key);
	return r ? r : (a->i > b->i) - (a->i < b->i);
}

/*
** The items of list v as a set: keyed (fc_check_item_key), sorted by
** key, the first written item of each key kept. NULL on out of memory.
*/
static struct kitem *item_set(struct fc_arena *a, const struct fc_value *v,
			      size_t *nout)
{
	struct kitem *k = fc_arena_alloc(a, (v->nitems ? v->nitems : 1) *
						    sizeof(*k));
	if (!k)
		return NULL;
	for (size_t i = 0; i < v->nitems; i++) {
		k[i].i = i;
		if (!(k[i].key = fc_check_item_key(a, &v->items[i])))
			return NULL;
	}
	qsort(k, v->nitems, sizeof(*k), cmp_kitem);
	size_t m = 0;
	for (size_t i = 0; i < v->nitems; i++)
		if (*k[i].key && (!m || strcmp(k[m - 1].key, k[i].key)))
			k[m++] = k[i];
	*nout = m;
	return k;
}

/*
** Canonical key text of fact f under check c into b: each key slot's
** item key (a list as its set of item keys joined with ','), slots
** joined with ';'. false when a key slot is missing or empty (or on
** out of memory, with b->err set). scratch holds temporaries.
*/
bool fc_check_key_text(struct fc_arena *scratch, struct fc_buf *b,
		       const struct check *c, const struct fc_fact *f)
{
	fc_buf_reset(b);
	for (size_t k = 0; k < c->nkey; k++) {
		const struct fc_slot *s = fc_fact_slot(f, c->key[k]);
		if (!s || fc_check_value_is_empty(&s->value))
			return false;
		if (k)
			fc_buf_addc(b, ';');
		const struct fc_value *v = &s->value;
		if (v->type != FC_VAL_LIST) {
			const char *t = fc_check_item_key(scratch, v);
			if (!t)
				b->err = FC_ENOMEM;
			if (!t || !*t)
				return false;
			fc_buf_adds(b, t);
			continue;
		}
		size_t m;
		struct kitem *items = item_set(scratch, v, &m);
		if (!items)
			b->err = FC_ENOMEM;
		if (!items || !m)
			return false;
		for (size_t i = 0; i < m; i++) {
			if (i)
				fc_buf_addc(b, ',');
			fc_buf_adds(b, items[i].key);
		}
	}
	return !b->err;
}

/* ---- Entries ------------------------------------------------------------ */

static int cmp_entry_key(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;
	int r = strcmp(a->key, b->key);
	if (r)
		return r;
	return a->fact < b->fact ? -1 : a->fact > b->fact;
}

static int cmp_entry_value(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;
	int r = strcmp(a->prep.key, b->prep.key);
	if (r)
		return r;
	return a->fact < b->fact ? -1 : a->fact > b->fact;
}

/* Entries of check c from the facts idx[0, n) (all of c's kind). */
static fc_status collect(struct run *r, const struct check *c,
			 const uint32_t *idx, size_t n, struct entry **out,
			 size_t *nout)
{
	struct entry *e = fc_arena_alloc(&r->scratch,
					 (n ? n : 1) * sizeof(*e));
	if (!e)
		return FC_ENOMEM;
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const struct fc_fact *f = &r->c->facts[idx[i]];
		if (f->doc >= r->c->ndocs)
			continue;
		const struct fc_value *v;
		if (c->cmp == CMP_POLARITY) {
			v = &polarity_values[f->polarity == FC_POL_NEGATED];
		} else {
			/* A negated fact says nothing about its values. */
			if (f->polarity == FC_POL_NEGATED)
				continue;
			const struct fc_slot *s = fc_fact_slot(f, c->field);
			if (!s || fc_check_value_is_empty(&s->value))
				continue;
			v = &s->value;
		}
		if (!fc_check_key_text(&r->scratch, &r->b, c, f)) {
			if (r->b.err)
				return FC_ENOMEM;
			continue;
		}
		struct entry *x = &e[m++];
		x->fact = idx[i];
		x->doc = f->doc;
		x->group = r->c->docs[f->doc].independent_group;
		x->value = v;
		x->key = fc_arena_strdup(&r->scratch, fc_buf_cstr(&r->b));
		if (!x->key || !fc_check_prep(&r->scratch, c->cmp, v, &x->prep))
			return FC_ENOMEM;
	}
	if (m > 1)
		qsort(e, m, sizeof(*e), cmp_entry_key);
	*out = e;
	*nout = m;
	return FC_OK;
}

/* ---- One cluster -------------------------------------------------------- */

uint32_t fc_check_count_groups(struct run *r, const struct entry *e,
			       const size_t *which, size_t n)
{
	int32_t *g = fc_arena_alloc(&r->scratch, (n ? n : 1) * sizeof(*g));
	if (!g)
		return 0;
	for (size_t i = 0; i < n; i++)
		g[i] = e[which[i]].group;
	return (uint32_t)uniq_i32(g, n);
}

/*
** Sort record of a distinct value or a group: best supported first,
** then the more specific, then by text and dedupe key, so the order
** does not depend on the order of the facts in the corpus.
*/
struct rankrec {
	uint32_t rank;   /* of the value's group (0 when not grouped yet) */
	uint32_t nindep; /* distinct independent groups */
	size_t nfacts;
	double width;     /* values: more specific first */
	const char *text; /* of the value, or of the group's first value */
	const char *key;  /* its dedupe key */
	size_t idx;
};

static int cmp_rankrec(const void *x, const void *y)
{
	const struct rankrec *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->nindep != b->nindep)
		return a->nindep > b->nindep ? -1 : 1;
	if (a->nfacts != b->nfacts)
		return a->nfacts > b->nfacts ? -1 : 1;
	if (a->width != b->width)
		return a->width < b->width ? -1 : 1;
	int r = strcmp(a->text, b->text);
	if (!r)
		r = strcmp(a->key, b->key);
	return r ? r : (a->idx > b->idx) - (a->idx < b->idx);
}

/*
** Order the distinct values into ix: by their group's rank (groups may
** be NULL: all equal), then best supported, then by text.
*/
static bool order_values(struct run *r, size_t *ix, const struct dvalue *dv,
			 size_t ndv, const struct vgroup *groups)
{
	struct rankrec *rr = fc_arena_alloc(&r->scratch, ndv * sizeof(*rr));
	if (!rr)
		return false;
	for (size_t v = 0; v < ndv; v++)
		rr[v] = (struct rankrec){groups ? groups[dv[v].group].rank : 0,
					 dv[v].nindep, dv[v].n, dv[v].width,
					 dv[v].text, dv[v].key, v};
	qsort(rr, ndv, sizeof(*rr), cmp_rankrec);
	for (size_t v = 0; v < ndv; v++)
		ix[v] = rr[v].idx;
	return true;
}

/* Rank the groups: most independent sources, most facts, then by their
** first (best supported) value. */
static bool rank_groups(struct run *r, struct vgroup *groups, size_t ng,
			const struct dvalue *dv)
{
	struct rankrec *rr = fc_arena_alloc(&r->scratch, ng * sizeof(*rr));
	if (!rr)
		return false;
	for (size_t g = 0; g < ng; g++)
		rr[g] = (struct rankrec){0, groups[g].nindep, groups[g].nfacts,
					 0, dv[groups[g].members[0]].text,
					 dv[groups[g].members[0]].key, g};
	qsort(rr, ng, sizeof(*rr), cmp_rankrec);
	for (size_t k = 0; k < ng; k++)
		groups[rr[k].idx].rank = (uint32_t)k;
	return true;
}

/* Width of a prepared value's interval (0 when it has none); unknown
** and unanchored values are the least specific. */
static double prep_width(const struct prep *p)
{
	if (p->is_unknown || (p->cmp == CMP_TIME && !p->is_anchored &&
			      !p->is_opaque))
		return HUGE_VAL;
	double w = p->hi - p->lo;
	return w > 0 ? w : 0;
}

static bool join_group(struct run *r, struct vgroup *g, size_t v)
{
	void *p = fc_arena_grow(&r->scratch, g->members, sizeof(*g->members),
				&g->cap, g->nmembers + 1);
	if (!p)
		return false;
	g->members = p;
	g->members[g->nmembers++] = v;
	return true;
}

/* Key slots of the finding from fact f: lists as sorted sets. */
static bool finding_key(struct run *r, const struct check *c,
			const struct fc_fact *f, struct fc_finding *out)
{
	out->key = fc_arena_alloc(r->out, c->nkey * sizeof(*out->key));
	if (!out->key)
		return false;
	out->nkey = c->nkey;
	for (size_t k = 0; k < c->nkey; k++) {
		const struct fc_slot *s = fc_fact_slot(f, c->key[k]);
		struct fc_slot *o = &out->key[k];
		o->name = r->key[k];
		o->value = s->value;
		if (s->value.type != FC_VAL_LIST)
			continue;
		size_t m;
		struct kitem *set = item_set(&r->scratch, &s->value, &m);
		struct fc_value *items = set ? fc_arena_alloc(
			r->out, (m ? m : 1) * sizeof(*items)) : NULL;
		if (!items)
			return false;
		for (size_t i = 0; i < m; i++)
			items[i] = s->value.items[set[i].i];
		o->value.items = items;
		o->value.nitems = m;
	}
	return true;
}

static fc_status cluster(struct run *r, const struct check *c,
			 struct entry *e, size_t n)
{
	struct fc_arena *a = r->out;
	if (n > 1)
		qsort(e, n, sizeof(*e), cmp_entry_value);

	/* Distinct values. */
	struct dvalue *dv = fc_arena_alloc(&r->scratch, n * sizeof(*dv));
	size_t *which = fc_arena_alloc(&r->scratch, n * sizeof(*which));
	if (!dv || !which)
		return FC_ENOMEM;
	size_t ndv = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(e[i].prep.key, e[i - 1].prep.key)) {
			dv[ndv - 1].n++;
		} else {
			dv[ndv].first = i;
			dv[ndv].n = 1;
			dv[ndv].key = e[i].prep.key;
			ndv++;
		}
	}
	for (size_t v = 0; v < ndv; v++) {
		for (size_t i = 0; i < dv[v].n; i++)
			which[i] = dv[v].first + i;
		dv[v].nindep = fc_check_count_groups(r, e, which, dv[v].n);
		dv[v].text = fc_value_text(a, e[dv[v].first].value);
		dv[v].width = prep_width(&e[dv[v].first].prep);
		if (!dv[v].text)
			return FC_ENOMEM;
	}
	if (c->cmp == CMP_QUOTE)
		return fc_check_quote_cluster(r, c, e, dv, ndv);

	/* Greedy groups of mutually compatible values. */
	size_t *ix = fc_arena_alloc(&r->scratch, ndv * sizeof(*ix));
	struct vgroup *groups = fc_arena_alloc(&r->scratch,
					       ndv * sizeof(*groups));
	if (!ix || !groups)
		return FC_ENOMEM;
	if (!order_values(r, ix, dv, ndv, NULL))
		return FC_ENOMEM;
	size_t ngroups = 0;
	bool is_capped = false;
	for (size_t k = 0; k < ndv; k++) {
		size_t v = ix[k], g;
		const struct prep *pv = &e[dv[v].first].prep;
		for (g = 0; g < ngroups && g < MAX_GROUPS; g++) {
			size_t m, nm = groups[g].nmembers;
			if (nm > MAX_MEMBERS) {
				nm = MAX_MEMBERS;
				is_capped = true;
			}
			for (m = 0; m < nm; m++) {
				const struct dvalue *o = &dv[groups[g].members[m]];
				if (!fc_check_prep_compatible(
					    c->tolerance, pv, &e[o->first].prep))
					break;
			}
			if (m == nm)
				break;
		}
		if (g == ngroups || g == MAX_GROUPS) {
			is_capped = is_capped || ngroups > MAX_GROUPS;
			g = ngroups++;
		}
		dv[v].group = g;
		if (!join_group(r, &groups[g], v))
			return FC_ENOMEM;
	}
	if (is_capped)
		fc_diag_warn(r->d, NULL,
			     "check '%s': %zu distinct values of '%s' for key "
			     "'%s'; compared %d groups of %d values at most",
			     c->id, ndv, c->field, e[0].key, MAX_GROUPS,
			     MAX_MEMBERS);

	/* Support of each group. */
	for (size_t g = 0; g < ngroups; g++) {
		size_t nw = 0;
		struct vgroup *gr = &groups[g];
		for (size_t m = 0; m < gr->nmembers; m++) {
			const struct dvalue *o = &dv[gr->members[m]];
			for (size_t i = 0; i < o->n; i++)
				which[nw++] = o->first + i;
			gr->nfacts += (uint32_t)o->n;
		}
		gr->nindep = fc_check_count_groups(r, e, which, nw);
	}
	if (!rank_groups(r, groups, ngroups, dv) ||
	    !order_values(r, ix, dv, ndv, groups))
		return FC_ENOMEM;

	return fc_check_emit(r, c, e, dv, ix, ndv, NULL, ngroups > 1, NULL);
}

fc_status fc_check_emit(struct run *r, const struct check *c,
			const struct entry *e, const struct dvalue *dv,
			const size_t *order, size_t nv, const bool *is_partial,
			bool is_conflict, const char *suffix)
{
	struct fc_arena *a = r->out;
	size_t n = 0;
	for (size_t k = 0; k < nv; k++)
		n += dv[order[k]].n;
	void *grown = fc_arena_grow(a, r->findings, sizeof(*r->findings),
				    &r->cap, r->nfindings + 1);
	uint32_t *docs = fc_arena_alloc(a, (n ? n : 1) * sizeof(*docs));
	size_t *which = fc_arena_alloc(&r->scratch,
				       (n ? n : 1) * sizeof(*which));
	if (!grown || !docs || !which || !nv)
		return FC_ENOMEM;
	r->findings = grown;
	struct fc_finding *f = &r->findings[r->nfindings];
	memset(f, 0, sizeof(*f));
	size_t m = 0;
	uint32_t first_fact = UINT32_MAX;
	for (size_t k = 0; k < nv; k++)
		for (size_t i = 0; i < dv[order[k]].n; i++) {
			const struct entry *x = &e[dv[order[k]].first + i];
			which[m] = dv[order[k]].first + i;
			docs[m++] = x->doc;
			if (x->fact < first_fact)
				first_fact = x->fact;
		}
	f->id = suffix ? fc_arena_printf(a, "%s:%s:%s", c->id, e[0].key,
					 suffix)
		       : fc_arena_printf(a, "%s:%s", c->id, e[0].key);
	f->rule = r->id;
	f->kind = r->kind;
	f->field = r->field;
	if (!f->id || !finding_key(r, c, &r->c->facts[first_fact], f))
		return FC_ENOMEM;
	f->values = fc_arena_alloc(a, nv * sizeof(*f->values));
	if (!f->values)
		return FC_ENOMEM;
	f->nvalues = nv;
	for (size_t k = 0; k < nv; k++) {
		const struct dvalue *o = &dv[order[k]];
		struct fc_finding_value *fv = &f->values[k];
		fv->text = o->text;
		fv->value = *e[o->first].value;
		fv->is_partial = is_partial && is_partial[order[k]];
		fv->facts = fc_arena_alloc(a, o->n * sizeof(*fv->facts));
		if (!fv->facts)
			return FC_ENOMEM;
		for (size_t i = 0; i < o->n; i++)
			fv->facts[i] = e[o->first + i].fact;
		fv->nfacts = uniq_u32(fv->facts, o->n);
	}
	f->sources = docs;
	f->nsources = uniq_u32(docs, n);
	f->independent_sources = fc_check_count_groups(r, e, which, n);
	if (is_conflict)
		f->status = c->conflict;
	else if (f->independent_sources >= c->min_independent)
		f->status = FC_FIND_CORROBORATED;
	else
		f->status = FC_FIND_SINGLE_SOURCE;
	f->severity = f->status == FC_FIND_CONTRADICTED ? c->severity
							: FC_SEV_NOTE;
	int mi = f->status == FC_FIND_CORROBORATED   ? MSG_CORROBORATED
		 : f->status == FC_FIND_CONTRADICTED ? MSG_CONTRADICTED
		 : f->status == FC_FIND_VARIANT      ? MSG_VARIANT
						     : MSG_SINGLE;
	/* a denial reads as one: "X and Y did not meet" */
	if (c->cmp == CMP_POLARITY && mi != MSG_CONTRADICTED &&
	    c->msg[MSG_NEGATED].nparts && f->nvalues &&
	    f->values[0].value.type == FC_VAL_TEXT && f->values[0].value.text &&
	    !strcmp(f->values[0].value.text,
		    polarity_values[FC_POL_NEGATED].text))
		mi = MSG_NEGATED;
	const struct tmpl *t = c->msg[mi].nparts ? &c->msg[mi]
						 : &c->msg[MSG_DEFAULT];
	f->message = fc_check_tmpl_render(a, c, t, f);
	if (!f->message)
		return FC_ENOMEM;
	r->nfindings++;
	return FC_OK;
}

/* ---- The run ------------------------------------------------------------ */

static int cmp_finding(const void *x, const void *y)
{
	const struct fc_finding *a = x, *b = y;
	int r = strcmp(a->kind, b->kind);
	if (!r)
		r = strcmp(a->rule, b->rule);
	return r ? r : strcmp(a->id, b->id);
}

/* A fact's kind and index, for bucketing facts by kind once. */
struct kfact {
	const char *kind;
	uint32_t idx;
};

static int cmp_kfact(const void *x, const void *y)
{
	const struct kfact *a = x, *b = y;
	int r = strcmp(a->kind, b->kind);
	return r ? r : (a->idx > b->idx) - (a->idx < b->idx);
}

/* First position in kf[0, n) whose kind is >= kind (or > with is_upper). */
static size_t bound(const struct kfact *kf, size_t n, const char *kind,
		    bool is_upper)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(kf[mid].kind, kind);
		if (r < 0 || (is_upper && r == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The findings of check ch over the facts idx[0, n) of its kind. */
static fc_status run_check(struct run *r, const struct check *ch,
			   const uint32_t *idx, size_t n)
{
	struct entry *e;
	size_t ne;
	r->id = fc_arena_strdup(r->out, ch->id);
	r->kind = fc_arena_strdup(r->out, ch->kind);
	r->field = fc_arena_strdup(r->out, ch->field);
	r->key = fc_arena_alloc(r->out, ch->nkey * sizeof(*r->key));
	if (!r->id || !r->kind || !r->field || !r->key)
		return FC_ENOMEM;
	for (size_t k = 0; k < ch->nkey; k++)
		if (!(r->key[k] = fc_arena_strdup(r->out, ch->key[k])))
			return FC_ENOMEM;
	fc_status st = collect(r, ch, idx, n, &e, &ne);
	for (size_t i = 0; !st && i < ne;) {
		size_t j = i + 1;
		while (j < ne && !strcmp(e[j].key, e[i].key))
			j++;
		st = cluster(r, ch, e + i, j - i);
		i = j;
	}
	return st;
}

fc_status fc_checks_run(const struct fc_rules *rules, struct fc_corpus *c,
			struct fc_diags *d)
{
	c->findings = NULL;
	c->nfindings = 0;
	const struct fc_checks *cs = rules ? rules->checks : NULL;
	if (!cs || !cs->nlive || !c->nfacts)
		return FC_OK;
	struct run r = {.c = c, .out = &c->arena, .d = d};
	fc_status st = FC_OK;
	struct kfact *kf = calloc(c->nfacts, sizeof(*kf));
	uint32_t *idx = calloc(c->nfacts, sizeof(*idx));
	fc_buf_init(&r.b, 0);
	if (!kf || !idx) {
		st = FC_ENOMEM;
		goto fail;
	}
	size_t nk = 0;
	for (size_t i = 0; i < c->nfacts; i++)
		if (c->facts[i].kind)
			kf[nk++] = (struct kfact){c->facts[i].kind, (uint32_t)i};
	qsort(kf, nk, sizeof(*kf), cmp_kfact);
	for (size_t k = 0; k < cs->nlive && !st; k++) {
		const struct check *ch = cs->live[k];
		size_t lo = bound(kf, nk, ch->kind, false);
		size_t hi = bound(kf, nk, ch->kind, true);
		for (size_t i = lo; i < hi; i++)
			idx[i - lo] = kf[i].idx;
		fc_arena_init(&r.scratch);
		st = run_check(&r, ch, idx, hi - lo);
		fc_arena_finish(&r.scratch);
	}
	if (st)
		goto fail;
	if (r.nfindings > 1)
		qsort(r.findings, r.nfindings, sizeof(*r.findings),
		      cmp_finding);
	c->findings = r.findings;
	c->nfindings = r.nfindings;
fail:
	if (st)
		fc_diag_add(d, st, NULL, "checks: %s", fc_strerror(st));
	fc_buf_finish(&r.b);
	free(idx);
	free(kf);
	return st;
}
