/*
** match.c: one fact of DOC against the corpus, through the checks.
**
** The checks of the fact's kind say which slots make the cluster key
** and which field each compares (the YAML files in rules/checks). For
** every check, the corpus facts whose key text equals the fact's
** (computed exactly as src/check/run.c clusters them: list slots as
** sorted sets of item keys) are its matches. A compared field the fact
** has is judged against the values those matches give:
**
**   some value is compatible (fc_values_compatible with the check's
**   comparison and tolerance)        -> the field is supported
**   none is, conflict: contradicted  -> the field is contradicted
**   none is, conflict: variant       -> the field is unsupported
**
** A text field also agrees when the claim's normalised text is a run
** of whole words of the corpus value (a summary quoting part of a
** quote). The fact is contradicted when a field is, unsupported when no
** corpus fact has its key (or a variant field found no wording), else
** supported. Negated facts compare only their polarity (run.c skips
** them for every other field too).
**
** Every check's key index is built once, on the first fact of its
** kind: O(n log n) in the corpus facts, then O(log n) per lookup.
*/
#include <stdlib.h>
#include <string.h>

#include "checkdoc/checkdoc_p.h"

static const struct fc_value polarity_values[2] = {
	[FC_POL_ASSERTED] = {.type = FC_VAL_TEXT, .text = "asserted"},
	[FC_POL_NEGATED] = {.type = FC_VAL_TEXT, .text = "negated"},
};

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

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

/* ---- Key index ---------------------------------------------------------- */

static int cmp_keyed(const void *x, const void *y)
{
	const struct cd_keyed *a = x, *b = y;
	int r = strcmp(a->key, b->key);
	return r ? r : (a->fact > b->fact) - (a->fact < b->fact);
}

static fc_status build_index(struct cd_matcher *m, size_t ci)
{
	const struct check *ch = m->cs->live[ci];
	struct cd_index *x = &m->idx[ci];
	size_t n = 0;
	for (size_t i = 0; i < m->c->nfacts; i++)
		n += m->c->facts[i].kind &&
		     !strcmp(m->c->facts[i].kind, ch->kind);
	x->v = fc_arena_alloc(m->a, (n ? n : 1) * sizeof(*x->v));
	if (!x->v)
		return FC_ENOMEM;
	for (size_t i = 0; i < m->c->nfacts; i++) {
		const struct fc_fact *f = &m->c->facts[i];
		if (!f->kind || strcmp(f->kind, ch->kind) ||
		    f->doc >= m->c->ndocs)
			continue;
		if (!fc_check_key_text(m->a, &m->b, ch, f)) {
			if (m->b.err)
				return FC_ENOMEM;
			continue;
		}
		const char *k = fc_arena_strdup(m->a, fc_buf_cstr(&m->b));
		if (!k)
			return FC_ENOMEM;
		x->v[x->n++] = (struct cd_keyed){k, (uint32_t)i};
	}
	if (x->n > 1)
		qsort(x->v, x->n, sizeof(*x->v), cmp_keyed);
	x->is_built = true;
	return FC_OK;
}

/* The entries of index x with key k: [*lo, *hi). */
static void equal_range(const struct cd_index *x, const char *k, size_t *lo,
			size_t *hi)
{
	size_t a = 0, b = x->n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (strcmp(x->v[mid].key, k) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	b = x->n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (strcmp(x->v[mid].key, k) <= 0)
			a = mid + 1;
		else
			b = mid;
	}
	*hi = a;
}

fc_status cd_matcher_init(struct cd_matcher *m, const struct fc_rules *r,
			  const struct fc_corpus *c,
			  const struct fc_corpus *dc, struct fc_arena *a)
{
	memset(m, 0, sizeof(*m));
	m->c = c;
	m->dc = dc;
	m->a = a;
	m->cs = r ? r->checks : NULL;
	fc_buf_init(&m->b, 0);
	if (m->cs && m->cs->nlive) {
		m->idx = calloc(m->cs->nlive, sizeof(*m->idx));
		if (!m->idx)
			return FC_ENOMEM;
	}
	return FC_OK;
}

void cd_matcher_finish(struct cd_matcher *m)
{
	free(m->idx);
	fc_buf_finish(&m->b);
}

/* ---- Comparing ---------------------------------------------------------- */

/* Is the normalised text of x a run of whole words of y's? */
static bool text_within(struct fc_arena *a, const struct fc_value *x,
			const struct fc_value *y)
{
	if (x->type != FC_VAL_TEXT || y->type != FC_VAL_TEXT || !x->text ||
	    !y->text)
		return false;
	const char *nx = fc_check_norm_text(a, x->text);
	const char *ny = fc_check_norm_text(a, y->text);
	if (!nx || !ny || !*nx)
		return false;
	size_t n = strlen(nx);
	for (const char *p = strstr(ny, nx); p; p = strstr(p + 1, nx)) {
		bool is_start = p == ny || p[-1] == ' ';
		char after = p[n];
		bool is_end = !after || after == ' ' ||
			      strchr(".,;:!?\"'", after);
		if (is_start && is_end)
			return true;
	}
	return false;
}

static bool compatible(struct fc_arena *a, const struct check *ch,
		       const struct fc_value *claim, const struct fc_value *corp)
{
	if (fc_values_compatible(fc_check_compare_names[ch->cmp],
				 ch->tolerance, claim, corp))
		return true;
	return ch->cmp == CMP_TEXT && text_within(a, claim, corp);
}

/* The compared value of fact f under check ch, or NULL when f has none. */
static const struct fc_value *field_value(const struct check *ch,
					  const struct fc_fact *f)
{
	if (ch->cmp == CMP_POLARITY)
		return &polarity_values[f->polarity == FC_POL_NEGATED];
	if (f->polarity == FC_POL_NEGATED)
		return NULL;
	const struct fc_slot *s = fc_fact_slot(f, ch->field);
	return s && !fc_check_value_is_empty(&s->value) ? &s->value : NULL;
}

/* Display label of a value: labels for entities, else its text. */
static const char *label_of(struct fc_arena *a, const struct fc_value *v)
{
	const char *s = fc_value_label(a, v);
	return s ? s : "?";
}

/* "call of Benjamin Netanyahu, Vladimir Putin": the kind and its key. */
static const char *describe(struct fc_arena *a, const struct check *ch,
			    const struct fc_fact *f)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, f->kind);
	for (size_t k = 0; ch && k < ch->nkey; k++) {
		const struct fc_slot *s = fc_fact_slot(f, ch->key[k]);
		if (!s || fc_check_value_is_empty(&s->value))
			continue;
		fc_buf_adds(&b, k ? "; " : " of ");
		fc_buf_adds(&b, label_of(a, &s->value));
	}
	char *out = b.err ? NULL : fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return out;
}

/* The first key slot of check ch that fact f lacks ("key" if none). */
static const char *missing_key(const struct check *ch,
			       const struct fc_fact *f)
{
	for (size_t k = 0; ch && k < ch->nkey; k++) {
		const struct fc_slot *s = fc_fact_slot(f, ch->key[k]);
		if (!s || fc_check_value_is_empty(&s->value))
			return ch->key[k];
	}
	return "key";
}

/* Per match: does it conflict with the claim on some compared field? */
struct mstate {
	uint32_t fact;
	bool is_conflict;    /* incompatible on some compared field */
	bool is_contradicting; /* ... on a field judged contradicted */
};

static int cmp_mstate(const void *x, const void *y)
{
	const struct mstate *a = x, *b = y;
	return (a->fact > b->fact) - (a->fact < b->fact);
}

/* Index of corpus fact fact in ms[0, n) (sorted by fact). */
static size_t find_mstate(const struct mstate *ms, size_t n, uint32_t fact)
{
	size_t a = 0, b = n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (ms[mid].fact < fact)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

/* Distinct labels of field ch of facts[0, n), joined with " or ". */
static const char *value_labels(struct cd_matcher *m, const struct check *ch,
				const uint32_t *facts, size_t n)
{
	const char **l = fc_arena_alloc(m->a, (n ? n : 1) * sizeof(*l));
	if (!l)
		return NULL;
	for (size_t i = 0; i < n; i++)
		l[i] = label_of(m->a,
				field_value(ch, &m->c->facts[facts[i]]));
	qsort(l, n, sizeof(*l), cmp_str);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < n; i++)
		if (!i || strcmp(l[i], l[i - 1]))
			fc_buf_printf(&b, "%s%s", i ? " or " : "", l[i]);
	const char *s = b.err ? NULL : fc_arena_strdup(m->a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return s;
}

/*
** Judge the field of check ch for f against the matches ms[at[i]] for
** i < n (the facts with ch's key): fills *out, marks the conflicting
** matches. Returns false when the field was not compared (f has no
** value, or no match has one) or on error (*st set).
*/
static bool judge_field(struct cd_matcher *m, const struct check *ch,
			const struct fc_fact *f, struct mstate *ms,
			const size_t *at, size_t n,
			struct fc_claim_field *out, fc_status *st)
{
	const struct fc_value *cv = field_value(ch, f);
	if (!cv || !n)
		return false;
	const char **vals = fc_arena_alloc(m->a, n * sizeof(*vals));
	uint32_t *agree = fc_arena_alloc(m->a, n * sizeof(*agree));
	uint32_t *disagree = fc_arena_alloc(m->a, n * sizeof(*disagree));
	bool *is_bad = fc_arena_alloc(m->a, n * sizeof(*is_bad));
	if (!vals || !agree || !disagree || !is_bad) {
		*st = FC_ENOMEM;
		return false;
	}
	size_t nv = 0, na = 0, nd = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t fact = ms[at[i]].fact;
		const struct fc_value *v = field_value(ch, &m->c->facts[fact]);
		if (!v)
			continue;
		if (!(vals[nv++] = fc_value_text(m->a, v))) {
			*st = FC_ENOMEM;
			return false;
		}
		if (compatible(m->a, ch, cv, v)) {
			agree[na++] = fact;
		} else {
			disagree[nd++] = fact;
			is_bad[i] = true;
		}
	}
	if (!nv)
		return false;
	qsort(vals, nv, sizeof(*vals), cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < nv; i++)
		if (!u || strcmp(vals[u - 1], vals[i]))
			vals[u++] = vals[i];
	out->rule = ch->id;
	out->field = ch->field;
	out->corpus_values = vals;
	out->ncorpus_values = u;
	out->value = fc_value_text(m->a, cv);
	if (na)
		out->status = FC_CLAIM_SUPPORTED;
	else if (ch->conflict == FC_FIND_VARIANT)
		out->status = FC_CLAIM_UNSUPPORTED;
	else
		out->status = FC_CLAIM_CONTRADICTED;
	for (size_t i = 0; i < n; i++) {
		ms[at[i]].is_conflict |= is_bad[i];
		ms[at[i]].is_contradicting |=
			is_bad[i] && out->status != FC_CLAIM_SUPPORTED;
	}
	uint32_t nindep = 0;
	const char *srcs = cd_source_list(m->a, m->c, na ? agree : disagree,
					  na ? na : nd, &nindep);
	const char *label = label_of(m->a, cv);
	if (!srcs || !out->value) {
		*st = FC_ENOMEM;
		return false;
	}
	if (out->status == FC_CLAIM_SUPPORTED) {
		out->message = fc_arena_printf(m->a, "%s %s agrees with %s",
					       ch->field, label, srcs);
	} else if (out->status == FC_CLAIM_CONTRADICTED) {
		const char *theirs = value_labels(m, ch, disagree, nd);
		if (theirs)
			out->message = fc_arena_printf(
				m->a, "%s %s contradicts %s in %s", ch->field,
				label, theirs, srcs);
	} else {
		out->message = fc_arena_printf(
			m->a, "%s is worded differently in %s", ch->field, srcs);
	}
	if (!out->message)
		*st = FC_ENOMEM;
	return *st == FC_OK;
}

char *cd_source_list(struct fc_arena *a, const struct fc_corpus *c,
		     const uint32_t *facts, size_t n, uint32_t *nindep)
{
	uint32_t *docs = fc_arena_alloc(a, (n ? n : 1) * sizeof(*docs));
	uint32_t *groups = fc_arena_alloc(a, (n ? n : 1) * sizeof(*groups));
	if (!docs || !groups)
		return NULL;
	for (size_t i = 0; i < n; i++)
		docs[i] = c->facts[facts[i]].doc;
	size_t nd = uniq_u32(docs, n);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < nd; i++) {
		fc_buf_adds(&b, i ? ", " : "");
		fc_buf_adds(&b, cd_source_id(c, docs[i]));
		groups[i] = docs[i];
		if (docs[i] < c->ndocs)
			groups[i] = (uint32_t)c->docs[docs[i]].independent_group;
	}
	*nindep = (uint32_t)uniq_u32(groups, nd);
	char *s = b.err ? NULL : fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return s;
}

const char *cd_source_id(const struct fc_corpus *c, uint32_t di)
{
	if (c->docs && di < c->ndocs && c->docs[di].src)
		return c->docs[di].src->id;
	return di < c->nsources ? c->sources[di].id : "?";
}

/* The live checks of kind: [*lo, *hi) of cs->live (sorted by kind). */
static void kind_range(const struct fc_checks *cs, const char *kind,
		       size_t *lo, size_t *hi)
{
	size_t a = 0, b = cs ? cs->nlive : 0;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (strcmp(cs->live[mid]->kind, kind) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	while (cs && a < cs->nlive && !strcmp(cs->live[a]->kind, kind))
		a++;
	*hi = a;
}

/* Gather the matches of f over the checks [lo, hi) into *ms. */
static fc_status gather(struct cd_matcher *m, const struct fc_fact *f,
			size_t lo, size_t hi, struct mstate **ms, size_t *n,
			size_t *nkeyed)
{
	size_t total = 0, cap = 0;
	*nkeyed = 0;
	struct mstate *v = NULL;
	for (size_t ci = lo; ci < hi; ci++) {
		fc_status st;
		if (!m->idx[ci].is_built && (st = build_index(m, ci)))
			return st;
		if (!fc_check_key_text(m->a, &m->b, m->cs->live[ci], f)) {
			if (m->b.err)
				return FC_ENOMEM;
			continue;
		}
		(*nkeyed)++;
		size_t a, b;
		equal_range(&m->idx[ci], fc_buf_cstr(&m->b), &a, &b);
		if (a == b)
			continue;
		void *g = fc_arena_grow(m->a, v, sizeof(*v), &cap,
					total + (b - a));
		if (!g)
			return FC_ENOMEM;
		v = g;
		for (size_t i = a; i < b; i++)
			v[total++] = (struct mstate){m->idx[ci].v[i].fact,
						     false, false};
	}
	if (total > 1)
		qsort(v, total, sizeof(*v), cmp_mstate);
	size_t u = 0;
	for (size_t i = 0; i < total; i++)
		if (!u || v[u - 1].fact != v[i].fact)
			v[u++] = v[i];
	*ms = v;
	*n = u;
	return FC_OK;
}

fc_status cd_match_fact(struct cd_matcher *m, uint32_t fi,
			struct fc_claim_fact *out)
{
	const struct fc_fact *f = &m->dc->facts[fi];
	memset(out, 0, sizeof(*out));
	out->fact = fi;
	out->status = FC_CLAIM_UNSUPPORTED;
	size_t lo = 0, hi = 0;
	if (f->kind && m->idx)
		kind_range(m->cs, f->kind, &lo, &hi);
	const struct check *first = lo < hi ? m->cs->live[lo] : NULL;
	const char *what = describe(m->a, first, f);
	if (!what)
		return FC_ENOMEM;
	if (lo == hi) {
		out->message = fc_arena_printf(
			m->a, "%s: no check compares facts of this kind", what);
		return out->message ? FC_OK : FC_ENOMEM;
	}
	struct mstate *ms = NULL;
	size_t n = 0, nkeyed = 0;
	fc_status st = gather(m, f, lo, hi, &ms, &n, &nkeyed);
	if (st)
		return st;
	out->nmatches = n;
	if (!nkeyed) {
		out->message = fc_arena_printf(
			m->a, "%s: no source of the corpus reports it (the "
			      "claim gives no %s to match)",
			what, missing_key(first, f));
		return out->message ? FC_OK : FC_ENOMEM;
	}
	if (!n) {
		out->message = fc_arena_printf(
			m->a, "%s: no source of the corpus reports it", what);
		return out->message ? FC_OK : FC_ENOMEM;
	}
	out->fields = fc_arena_alloc(m->a, (hi - lo) * sizeof(*out->fields));
	if (!out->fields)
		return FC_ENOMEM;
	size_t *at = fc_arena_alloc(m->a, n * sizeof(*at));
	if (!at)
		return FC_ENOMEM;
	/* Fields the claim gives and no matching source does. */
	struct fc_buf unverified;
	fc_buf_init(&unverified, 0);
	for (size_t ci = lo; ci < hi; ci++) {
		const struct check *ch = m->cs->live[ci];
		if (!fc_check_key_text(m->a, &m->b, ch, f)) {
			if (m->b.err)
				return FC_ENOMEM;
			continue;
		}
		size_t a, b, nat = 0;
		equal_range(&m->idx[ci], fc_buf_cstr(&m->b), &a, &b);
		for (size_t i = a; i < b; i++)
			at[nat++] = find_mstate(ms, n, m->idx[ci].v[i].fact);
		struct fc_claim_field *cf = &out->fields[out->nfields];
		const struct fc_value *cv = field_value(ch, f);
		if (judge_field(m, ch, f, ms, at, nat, cf, &st)) {
			out->nfields++;
		} else if (st) {
			fc_buf_finish(&unverified);
			return st;
		} else if (cv && ch->cmp != CMP_POLARITY) {
			fc_buf_printf(&unverified, "; %s %s: no source gives it",
				      ch->field, label_of(m->a, cv));
		}
	}
	enum fc_claim_status worst = FC_CLAIM_SUPPORTED;
	for (size_t i = 0; i < out->nfields; i++)
		if (out->fields[i].status > worst)
			worst = out->fields[i].status;
	out->status = worst;
	out->supporting = fc_arena_alloc(m->a, n * sizeof(*out->supporting));
	out->conflicting = fc_arena_alloc(m->a, n * sizeof(*out->conflicting));
	if (!out->supporting || !out->conflicting) {
		fc_buf_finish(&unverified);
		return FC_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		if (!ms[i].is_conflict)
			out->supporting[out->nsupporting++] = ms[i].fact;
		else if (ms[i].is_contradicting)
			out->conflicting[out->nconflicting++] = ms[i].fact;
	}
	/* The message: the fields that decided the status. */
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, what);
	fc_buf_adds(&b, ": ");
	if (worst == FC_CLAIM_SUPPORTED) {
		uint32_t nindep = 0;
		const char *srcs = cd_source_list(m->a, m->c, out->supporting,
						  out->nsupporting, &nindep);
		if (!srcs) {
			fc_buf_finish(&b);
			fc_buf_finish(&unverified);
			return FC_ENOMEM;
		}
		fc_buf_printf(&b, "reported by %s (%u independent source%s)",
			      srcs, nindep, nindep == 1 ? "" : "s");
		for (size_t i = 0; i < out->nfields; i++)
			if (strcmp(out->fields[i].field, "polarity"))
				fc_buf_printf(&b, "; %s",
					      out->fields[i].message);
		fc_buf_adds(&b, fc_buf_cstr(&unverified));
	} else {
		size_t k = 0;
		for (size_t i = 0; i < out->nfields; i++)
			if (out->fields[i].status == worst)
				fc_buf_printf(&b, "%s%s", k++ ? "; " : "",
					      out->fields[i].message);
	}
	out->message = b.err || unverified.err
			       ? NULL
			       : fc_arena_strdup(m->a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	fc_buf_finish(&unverified);
	return out->message ? FC_OK : FC_ENOMEM;
}
