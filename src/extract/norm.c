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
#include "extract/norm_walk_p.h"
#include "pipeline/timing.h"

struct scan {
	const struct fc_norm *n;
	struct fc_arena *a;
	struct fc_document *doc;
	struct norm_ref ref;
	pcre2_match_data *md;
	uint64_t *active;
	uint64_t *unanchored; /* patterns without start strings */
	uint64_t *runnable;   /* patterns with code */
	PCRE2_SIZE *ov;       /* md's ovector, */
	uint32_t nov;         /* and its pairs */
	struct norm_walk *walk; /* the trigger pass (norm_walk.c) */
	struct norm_lookback *lookback; /* norm_anchor.c, made on first use */
	struct norm_lookback **back;    /* &lookback, or the piece's */
	struct norm_daymemo *memo;      /* holiday days (norm_calendar.c) */
	uint64_t *occ; /* bitmap of bytes taken by accepted mentions */
	struct norm_cand *cands;
	size_t ncands, capcands;
	size_t nlimit; /* matches stopped by the match limit */
	struct fc_tally *tally; /* --time: counts per pattern, or NULL */
	uint64_t walk_ticks;    /* --time: in the start-string walk */
};

/* ---- Slots ------------------------------------------------------------- */

/* slot_get() of a slot the pattern has: out of line. */
static __attribute__((noinline)) bool
slot_find(const struct norm_match *m, enum norm_slot s, struct norm_val *v,
	  bool with_num)
{
	const struct norm_pattern *p = m->p;
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
		if (with_num)
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

/* norm_slot(); a raw slot's num is read only when with_num. Most
** patterns lack most slots: that answer costs no call. */
static inline bool slot_get(const struct norm_match *m, enum norm_slot s,
			    struct norm_val *v, bool with_num)
{
	const struct norm_pattern *p = m->p;
	memset(v, 0, sizeof(*v));
	v->num = NAN;
	if (!p->slot_group[s][0] && !p->set[s])
		return false;
	return slot_find(m, s, v, with_num);
}

bool norm_slot(const struct norm_match *m, enum norm_slot s,
	       struct norm_val *v)
{
	return slot_get(m, s, v, true);
}

bool norm_slot_text(const struct norm_match *m, enum norm_slot s,
		    struct norm_val *v)
{
	return slot_get(m, s, v, false);
}

bool norm_prod_is_time(enum norm_prod p)
{
	return p < P_QUANTITY;
}

/* ---- Candidates -------------------------------------------------------- */

int norm_cand_cmp(const void *x, const void *y)
{
	const struct norm_cand *a = x, *b = y;
	uint32_t la = a->end - a->start, lb = b->end - b->start;
	if (la != lb)
		return la > lb ? -1 : 1;
	if (a->is_mask != b->is_mask)
		return a->is_mask ? -1 : 1;
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

/*
** The candidates in norm_cand_cmp's order. A stretch has a few: an
** insertion sort, stable as glibc's qsort (a merge sort) is, so ties
** keep their order; qsort for many.
*/
static void sort_cands(struct norm_cand *c, size_t n)
{
	if (n > 16) {
		qsort(c, n, sizeof(*c), norm_cand_cmp);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		if (norm_cand_cmp(&c[i - 1], &c[i]) <= 0)
			continue;
		struct norm_cand v = c[i];
		size_t j = i;
		for (; j > 0 && norm_cand_cmp(&c[j - 1], &v) > 0; j--)
			c[j] = c[j - 1];
		c[j] = v;
	}
}

/* The bits of word i / 64 of a bitmap from bit i up to bit e (e > i). */
static inline uint64_t span_mask(uint32_t i, uint32_t e)
{
	uint64_t m = ~0ull << (i % 64);
	if (e - (i - i % 64) < 64)
		m &= (1ull << (e % 64)) - 1;
	return m;
}

/* No byte of [s, e) taken: a word of the bitmap at a time. */
static bool is_free(const uint64_t *occ, uint32_t s, uint32_t e)
{
	for (uint32_t i = s; i < e; i = (i | 63) + 1)
		if (occ[i / 64] & span_mask(i, e))
			return false;
	return true;
}

static void take(uint64_t *occ, uint32_t s, uint32_t e)
{
	for (uint32_t i = s; i < e; i = (i | 63) + 1)
		occ[i / 64] |= span_mask(i, e);
}

static fc_status accept(struct scan *sc)
{
	sort_cands(sc->cands, sc->ncands);
	for (size_t i = 0; i < sc->ncands; i++) {
		const struct norm_cand *c = &sc->cands[i];
		if (c->end <= c->start || !is_free(sc->occ, c->start, c->end))
			continue;
		take(sc->occ, c->start, c->end);
		if (c->is_mask)
			continue;
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

/* The match in sc->md of pattern pi: candidates. */
static fc_status produce(struct scan *sc, size_t pi, uint32_t s, uint32_t e)
{
	const struct norm_pattern *p = &sc->n->patterns[pi];
	const char *text = sc->doc->text;
	const PCRE2_SIZE *ov = sc->ov;
	struct norm_match m = {
		.n = sc->n, .p = p, .text = text, .ov = sc->ov,
		.nov = sc->nov,
		.start = (uint32_t)ov[0], .end = (uint32_t)ov[1],
		.stretch_start = s, .stretch_end = e, .ref = &sc->ref,
		.a = sc->a, .lookback = sc->back, .memo = &sc->memo,
		.tally = sc->tally,
	};
	if (p->span_group && ov[2 * p->span_group] != PCRE2_UNSET) {
		m.start = (uint32_t)ov[2 * p->span_group];
		m.end = (uint32_t)ov[2 * p->span_group + 1];
	}
	void *g = fc_arena_regrow(sc->a, sc->cands, sizeof(*sc->cands),
				  &sc->capcands, sc->ncands + 2);
	if (!g)
		return FC_ENOMEM;
	sc->cands = g;
	struct norm_cand *out = &sc->cands[sc->ncands];
	memset(out, 0, 2 * sizeof(*out));
	int k;
	if (p->prod == P_MASK)
		k = norm_put_mask(&out[0], m.start, m.end);
	else if (norm_prod_is_time(p->prod))
		k = norm_time_produce(&m, out);
	else
		k = norm_quantity_produce(&m, out);
	for (int i = 0; i < k; i++) {
		out[i].rule = p->id;
		out[i].priority = p->priority;
		out[i].order = (uint32_t)pi;
		out[i].match_len = (uint32_t)(ov[1] - ov[0]);
	}
	sc->ncands += (size_t)k;
	return FC_OK;
}

/*
** Pattern pi over text[s, e): anchored at the starts the walk queued
** when it has start tables, else searched.
*/
static fc_status run_pattern(struct scan *sc, size_t pi, uint32_t s,
			     uint32_t e, bool is_anchored)
{
	const struct norm_startq *q =
		is_anchored ? norm_walk_starts(sc->walk, pi) : NULL;
	size_t k = 0;
	PCRE2_SIZE off = s;
	int rc;
	while ((rc = norm_next_match(sc->n, pi, q, &k, sc->doc->text, e,
				     &off, sc->md, sc->tally)) >= 0) {
		fc_status st = produce(sc, pi, s, e);
		if (st)
			return st;
	}
	if (rc != PCRE2_ERROR_NOMATCH)
		sc->nlimit++;
	return FC_OK;
}

static fc_status scan_stretch(struct scan *sc, uint32_t s, uint32_t e)
{
	const struct fc_norm *n = sc->n;
	if (e <= s)
		return FC_OK;
	uint64_t t0 = sc->tally ? fc_ticks() : 0;
	if (norm_walk_stretch(sc->walk, sc->doc->text, s, e, sc->active))
		return FC_ENOMEM;
	if (sc->tally)
		sc->walk_ticks += fc_ticks() - t0;
	/* the active patterns with starts queued, or that run unanchored;
	** in pattern order */
	const uint64_t *queued = norm_walk_queued(sc->walk);
	for (size_t w = 0; w < n->nwords; w++) {
		uint64_t m = sc->active[w] & (queued[w] | sc->unanchored[w]) &
			     sc->runnable[w];
		for (; m; m &= m - 1) {
			size_t i = w * 64 + (size_t)__builtin_ctzll(m);
			fc_status st = run_pattern(
				sc, i, s, e, norm_is_anchored(&n->patterns[i]));
			if (st)
				return st;
		}
	}
	return accept(sc);
}

/* ---- Entry ------------------------------------------------------------- */

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
	if (!n || !n->is_compiled || !n->scan || !n->npatterns || !doc->text ||
	    !doc->text_len)
		return FC_OK;
	struct fc_srcloc loc = {doc->src ? doc->src->id : NULL, 0, 0, 0};
	if (doc->text_len >= UINT32_MAX) {
		fc_diag_add(d, FC_ELIMIT, &loc, "text too long to normalize");
		return FC_ELIMIT;
	}
	if (!fc_utf8_valid(doc->text, doc->text_len)) {
		fc_diag_warn(d, &loc, "text is not valid UTF-8: no times or "
				      "quantities read");
		return FC_OK;
	}
	struct scan sc = {.n = n, .a = a, .doc = doc};
	uint64_t t0 = n->timing ? fc_ticks() : 0;
	if (n->timing)
		sc.tally = fc_arena_alloc(a, n->npatterns * sizeof(*sc.tally));
	if (doc->published)
		fc_norm_ref_parse(doc->published, &sc.ref);
	pcre2_general_context *gc =
		pcre2_general_context_create(arena_malloc, arena_free, a);
	if (gc)
		sc.md = pcre2_match_data_create(n->maxcap ? n->maxcap : 1, gc);
	sc.active = fc_arena_alloc(a, n->nwords * sizeof(uint64_t));
	sc.unanchored = fc_arena_alloc(a, n->nwords * sizeof(uint64_t));
	sc.runnable = fc_arena_alloc(a, n->nwords * sizeof(uint64_t));
	for (size_t i = 0; sc.unanchored && sc.runnable && i < n->npatterns;
	     i++) {
		if (!norm_is_anchored(&n->patterns[i]))
			sc.unanchored[i / 64] |= 1ull << (i % 64);
		if (n->patterns[i].code)
			sc.runnable[i / 64] |= 1ull << (i % 64);
	}
	/* a piece of a long text keeps its walk (and its DFA) */
	struct fc_piece *piece = doc->piece;
	if (piece && !piece->norm)
		piece->norm = norm_walk_create(n);
	if (piece)
		piece->keep_norm = n->lookbehind;
	sc.walk = piece ? piece->norm : norm_walk_create(n);
	sc.back = piece ? &piece->norm_back : &sc.lookback;
	norm_lookback_forget(*sc.back);
	/* the look-back walks on this walk's DFA (without a look-back now,
	** for want of memory, one is made with a DFA of its own when
	** needed) */
	if (sc.walk && !*sc.back)
		*sc.back = norm_lookback_create(n, sc.walk);
	else
		norm_lookback_bind(*sc.back, sc.walk);
	sc.occ = fc_arena_alloc(a, (doc->text_len / 64 + 1) *
					   sizeof(uint64_t));
	if (sc.md) {
		sc.ov = pcre2_get_ovector_pointer(sc.md);
		sc.nov = pcre2_get_ovector_count(sc.md);
	}
	if (!sc.md || !sc.active || !sc.unanchored || !sc.runnable ||
	    !sc.walk || !sc.occ) {
		norm_lookback_destroy(sc.lookback);
		if (!piece)
			norm_walk_destroy(sc.walk);
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
		for (uint32_t s = piece ? (uint32_t)piece->text_start : 0;
		     s < len && !st;) {
			const char *nl = memchr(doc->text + s, '\n', len - s);
			uint32_t e = nl ? (uint32_t)(nl - doc->text) : len;
			st = scan_stretch(&sc, s, e);
			s = e + 1;
		}
	}
	norm_lookback_destroy(sc.lookback);
	if (!piece)
		norm_walk_destroy(sc.walk);
	if (sc.tally) {
		fc_timing_add_tallies(n->timing, FC_TALLY_NORM, sc.tally,
				      n->npatterns);
		fc_timing_add_stage(n->timing, FC_TS_WALK, sc.walk_ticks);
		fc_timing_add_stage(n->timing, FC_TS_NORM, fc_ticks() - t0);
	}
	if (st == FC_ENOMEM)
		fc_diag_add(d, FC_ENOMEM, &loc, "out of memory");
	if (piece)
		piece->nlimit += sc.nlimit;
	else if (sc.nlimit)
		fc_diag_warn(d, &loc,
			     "%zu normalizer matches stopped at the match "
			     "limit",
			     sc.nlimit);
	return st;
}

size_t fc_norm_keep(const struct fc_rules *r)
{
	return r && r->norm ? r->norm->lookbehind : 0;
}

/* ---- Check (tests) ----------------------------------------------------- */

/* The offset of the character after the one at i (below e). */
static PCRE2_SIZE next_char(const char *text, PCRE2_SIZE i, PCRE2_SIZE e)
{
	for (i++; i < e && (text[i] & 0xC0) == 0x80; i++)
		;
	return i;
}

size_t norm_check_starts(const struct fc_rules *r, const char *text,
			 size_t len, size_t *nmatch)
{
	const struct fc_norm *n = r ? r->norm : NULL;
	size_t missed = 0;
	*nmatch = 0;
	if (!n || !n->scan || len >= UINT32_MAX)
		return 0;
	struct fc_arena a;
	fc_arena_init(&a);
	/* the matches run without PCRE2's UTF check: bytes that are no
	** UTF-8 are read as the scan gets them, repaired (U+FFFD each) */
	for (size_t i = 0, k; i < len; i += k)
		if (!(k = fc_utf8_seq_len((const unsigned char *)text + i,
					  len - i))) {
			text = fc_utf8_repair(&a, text, len, &len, NULL, NULL);
			break;
		}
	if (!text || len >= UINT32_MAX) {
		fc_arena_finish(&a);
		return SIZE_MAX;
	}
	struct fc_sentence *sv = NULL;
	size_t ns = 0;
	struct norm_walk *w = norm_walk_create(n);
	uint64_t *active = calloc(n->nwords, sizeof(*active));
	pcre2_match_data *md = pcre2_match_data_create(n->maxcap + 1, NULL);
	if (!w || !active || !md ||
	    fc_text_sentences(r, &a, text, len, &sv, &ns)) {
		missed = SIZE_MAX;
		ns = 0;
	}
	if (w)
		norm_walk_queue_all(w);
	for (size_t i = 0; i < ns && missed != SIZE_MAX; i++) {
		uint32_t s = sv[i].start, e = sv[i].end;
		if (norm_walk_stretch(w, text, s, e, active)) {
			missed = SIZE_MAX;
			break;
		}
		for (size_t pi = 0; pi < n->npatterns; pi++) {
			const struct norm_pattern *p = &n->patterns[pi];
			if (!norm_is_anchored(p))
				continue;
			const struct norm_startq *q = norm_walk_starts(w, pi);
			/* the unanchored search, one start after another (the
			** pattern is compiled anchored) */
			for (PCRE2_SIZE off = s; off < e;) {
				PCRE2_SIZE at = off;
				while (at < e &&
				       pcre2_match(p->code, (PCRE2_SPTR)text, e, at,
						   PCRE2_NO_UTF_CHECK, md,
						   n->mctx) < 0)
					at = next_char(text, at, e);
				if (at >= e)
					break;
				PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
				size_t k = 0;
				while (k < q->n && q->v[k] != ov[0])
					k++;
				(*nmatch)++;
				missed += k == q->n;
				off = ov[1] > at ? ov[1] : next_char(text, at, e);
			}
		}
	}
	pcre2_match_data_free(md);
	free(active);
	norm_walk_destroy(w);
	fc_arena_finish(&a);
	return missed;
}
