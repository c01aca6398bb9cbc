/*
** norm.c: the normalizer scan (fc_norm_doc).
**
** One pass per stretch of text (a sentence, or a line when the document
** has no sentences): the words, digits and symbols of the stretch select
** the patterns whose anchors occur in it (a trigger table built from
** the YAML), only those run, with PCRE2 JIT and bounded match limits.
** Every match goes to its production (norm_time.c, norm_quantity.c) and
** becomes a candidate; overlaps are resolved by keeping the longest
** span, a time before a quantity on the same span, then the longer
** whole match and the higher priority. Match data comes from the
** document arena; nothing else is allocated per match.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

struct scan {
	const struct fc_norm *n;
	struct fc_arena *a;
	struct fc_document *doc;
	struct norm_ref ref;
	pcre2_match_data *md;
	uint64_t *active;
	uint64_t *occ; /* bitmap of bytes taken by accepted mentions */
	struct norm_cand *cands;
	size_t ncands, capcands;
	size_t nlimit; /* matches stopped by the match limit */
};

/* ---- Slots ------------------------------------------------------------- */

bool norm_slot(const struct norm_match *m, enum norm_slot s,
	       struct norm_val *v)
{
	const struct norm_pattern *p = m->p;
	memset(v, 0, sizeof(*v));
	v->num = NAN;
	for (int gi = 0; gi < NORM_SLOT_GROUPS && p->slot_group[s][gi]; gi++) {
		uint32_t g = (uint32_t)p->slot_group[s][gi];
		if (g >= m->nov || m->ov[2 * g] == PCRE2_UNSET)
			continue;
		uint32_t st = (uint32_t)m->ov[2 * g];
		uint32_t en = (uint32_t)m->ov[2 * g + 1];
		int t = p->slot_table[s][gi];
		if (t >= 0) {
			char buf[128];
			size_t len = norm_key(m->text + st, en - st, buf,
					      sizeof(buf));
			int32_t k = len < sizeof(buf)
					    ? norm_hash_get(&m->n->lookup, t,
							    buf, len)
					    : -1;
			if (k >= 0) {
				const struct norm_table *tb =
					&m->n->tables[t];
				v->s = tb->vals[k];
				v->len = strlen(v->s);
				v->num = tb->nums[k];
				v->start = st;
				v->end = en;
				return true;
			}
		}
		v->s = m->text + st;
		v->len = en - st;
		v->is_raw = true;
		v->start = st;
		v->end = en;
		v->num = norm_number(m->n, v->s, v->len);
		return true;
	}
	if (p->set[s]) {
		v->s = p->set[s];
		v->len = strlen(v->s);
		char *end;
		double x = strtod(v->s, &end);
		v->num = (*end || end == v->s) ? NAN : x;
		return true;
	}
	return false;
}

bool norm_prod_is_time(enum norm_prod p)
{
	return p < P_QUANTITY;
}

/* ---- Triggers ---------------------------------------------------------- */

static void or_set(uint64_t *dst, const uint64_t *src, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		dst[i] |= src[i];
}

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Which patterns may match in text[s, e)? */
static void triggers(struct scan *sc, uint32_t s, uint32_t e)
{
	const struct fc_norm *n = sc->n;
	const unsigned char *t = (const unsigned char *)sc->doc->text;
	memcpy(sc->active, n->always_set, n->nwords * sizeof(uint64_t));
	bool digit = false;
	for (uint32_t i = s; i < e;) {
		unsigned char c = t[i];
		if (is_alpha(c)) {
			char buf[32];
			size_t len = 0;
			uint32_t j = i;
			while (j < e && is_alpha(t[j])) {
				if (len < sizeof(buf))
					buf[len] = (char)(t[j] | 0x20);
				len++;
				j++;
			}
			if (len <= sizeof(buf)) {
				int32_t b = norm_hash_get(&n->triggers, -1,
							  buf, len);
				if (b >= 0)
					or_set(sc->active,
					       n->bitsets + (size_t)b * n->nwords,
					       n->nwords);
			}
			i = j;
			continue;
		}
		if (c >= '0' && c <= '9') {
			digit = true;
		} else if (c > ' ' && n->sym_set[c]) {
			or_set(sc->active, n->sym_set[c], n->nwords);
		}
		i++;
	}
	if (digit)
		or_set(sc->active, n->digit_set, n->nwords);
}

/* ---- Candidates -------------------------------------------------------- */

static int cmp_cand(const void *x, const void *y)
{
	const struct norm_cand *a = x, *b = y;
	uint32_t la = a->end - a->start, lb = b->end - b->start;
	if (la != lb)
		return la > lb ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind == FC_MENTION_TIME ? -1 : 1;
	if (a->match_len != b->match_len)
		return a->match_len > b->match_len ? -1 : 1;
	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

static bool is_free(const uint64_t *occ, uint32_t s, uint32_t e)
{
	for (uint32_t i = s; i < e; i++)
		if (occ[i / 64] & (1ull << (i % 64)))
			return false;
	return true;
}

static void take(uint64_t *occ, uint32_t s, uint32_t e)
{
	for (uint32_t i = s; i < e; i++)
		occ[i / 64] |= 1ull << (i % 64);
}

static fc_status accept(struct scan *sc)
{
	if (sc->ncands > 1)
		qsort(sc->cands, sc->ncands, sizeof(*sc->cands), cmp_cand);
	for (size_t i = 0; i < sc->ncands; i++) {
		const struct norm_cand *c = &sc->cands[i];
		if (c->end <= c->start || !is_free(sc->occ, c->start, c->end))
			continue;
		take(sc->occ, c->start, c->end);
		struct fc_mention *m = fc_doc_push_mention(sc->a, sc->doc);
		if (!m)
			return FC_ENOMEM;
		m->kind = c->kind;
		m->start = c->start;
		m->end = c->end;
		m->rule = c->rule;
		if (c->kind == FC_MENTION_TIME)
			m->time = c->time;
		else
			m->quantity = c->q;
	}
	sc->ncands = 0;
	return FC_OK;
}

static fc_status run_pattern(struct scan *sc, size_t pi, uint32_t s,
			     uint32_t e)
{
	const struct norm_pattern *p = &sc->n->patterns[pi];
	const char *text = sc->doc->text;
	PCRE2_SIZE off = s;
	while (off < e) {
		int rc = pcre2_match(p->code, (PCRE2_SPTR)text, e, off,
				     PCRE2_NO_UTF_CHECK, sc->md, sc->n->mctx);
		if (rc < 0) {
			if (rc != PCRE2_ERROR_NOMATCH)
				sc->nlimit++;
			break;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
		struct norm_match m = {
			.n = sc->n, .p = p, .text = text, .ov = ov,
			.nov = pcre2_get_ovector_count(sc->md),
			.start = (uint32_t)ov[0], .end = (uint32_t)ov[1],
			.stretch_start = s, .stretch_end = e, .ref = &sc->ref,
			.a = sc->a,
		};
		if (p->span_group && ov[2 * p->span_group] != PCRE2_UNSET) {
			m.start = (uint32_t)ov[2 * p->span_group];
			m.end = (uint32_t)ov[2 * p->span_group + 1];
		}
		void *g = fc_arena_grow(sc->a, sc->cands, sizeof(*sc->cands),
					&sc->capcands, sc->ncands + 2);
		if (!g)
			return FC_ENOMEM;
		sc->cands = g;
		struct norm_cand *out = &sc->cands[sc->ncands];
		memset(out, 0, 2 * sizeof(*out));
		int k = norm_prod_is_time(p->prod)
				? norm_time_produce(&m, out)
				: norm_quantity_produce(&m, out);
		for (int i = 0; i < k; i++) {
			out[i].rule = p->id;
			out[i].priority = p->priority;
			out[i].order = (uint32_t)pi;
			out[i].match_len = (uint32_t)(ov[1] - ov[0]);
		}
		sc->ncands += (size_t)k;
		PCRE2_SIZE next = ov[1];
		if (next <= off) {
			/* empty match: step one character */
			next = off + 1;
			while (next < e && (text[next] & 0xC0) == 0x80)
				next++;
		}
		off = next;
	}
	return FC_OK;
}

static fc_status scan_stretch(struct scan *sc, uint32_t s, uint32_t e)
{
	const struct fc_norm *n = sc->n;
	if (e <= s)
		return FC_OK;
	triggers(sc, s, e);
	for (size_t i = 0; i < n->npatterns; i++) {
		if (!(sc->active[i / 64] & (1ull << (i % 64))) ||
		    !n->patterns[i].code)
			continue;
		fc_status st = run_pattern(sc, i, s, e);
		if (st)
			return st;
	}
	return accept(sc);
}

/* ---- Entry ------------------------------------------------------------- */

static bool utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = fc_utf8_seq_len(p + i, len - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

static void *arena_malloc(size_t n, void *ud)
{
	return fc_arena_alloc(ud, n);
}

static void arena_free(void *p, void *ud)
{
	(void)p;
	(void)ud;
}

fc_status fc_norm_doc(const struct fc_rules *r, struct fc_arena *a,
		      struct fc_document *doc, struct fc_diags *d)
{
	const struct fc_norm *n = r ? r->norm : NULL;
	if (!n || !n->is_compiled || !n->npatterns || !doc->text ||
	    !doc->text_len)
		return FC_OK;
	struct fc_srcloc loc = {doc->src ? doc->src->id : NULL, 0, 0, 0};
	if (doc->text_len >= UINT32_MAX) {
		fc_diag_add(d, FC_ELIMIT, &loc, "text too long to normalize");
		return FC_ELIMIT;
	}
	if (!utf8_valid(doc->text, doc->text_len)) {
		fc_diag_warn(d, &loc, "text is not valid UTF-8: no times or "
				      "quantities read");
		return FC_OK;
	}
	struct scan sc = {.n = n, .a = a, .doc = doc};
	if (doc->published &&
	    fc_date_parse(doc->published, &sc.ref.y, &sc.ref.m, &sc.ref.d)) {
		sc.ref.is_set = true;
		sc.ref.days = fc_days_from_civil(sc.ref.y, sc.ref.m, sc.ref.d);
	}
	pcre2_general_context *gc =
		pcre2_general_context_create(arena_malloc, arena_free, a);
	if (gc)
		sc.md = pcre2_match_data_create(n->maxcap ? n->maxcap : 1, gc);
	sc.active = fc_arena_alloc(a, n->nwords * sizeof(uint64_t));
	sc.occ = fc_arena_alloc(a, (doc->text_len / 64 + 1) *
					   sizeof(uint64_t));
	if (!sc.md || !sc.active || !sc.occ) {
		fc_diag_add(d, FC_ENOMEM, &loc, "out of memory");
		return FC_ENOMEM;
	}
	fc_status st = FC_OK;
	uint32_t len = (uint32_t)doc->text_len;
	if (doc->nsentences) {
		for (size_t i = 0; i < doc->nsentences && !st; i++) {
			uint32_t s = doc->sentences[i].start;
			uint32_t e = doc->sentences[i].end;
			if (e > len)
				e = len;
			st = scan_stretch(&sc, s, e);
		}
	} else {
		for (uint32_t s = 0; s < len && !st;) {
			const char *nl = memchr(doc->text + s, '\n', len - s);
			uint32_t e = nl ? (uint32_t)(nl - doc->text) : len;
			st = scan_stretch(&sc, s, e);
			s = e + 1;
		}
	}
	if (st == FC_ENOMEM)
		fc_diag_add(d, FC_ENOMEM, &loc, "out of memory");
	if (sc.nlimit)
		fc_diag_warn(d, &loc,
			     "%zu normalizer matches stopped at the match "
			     "limit",
			     sc.nlimit);
	return st;
}
