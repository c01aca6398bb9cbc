/*
** norm_anchor_window.c: the candidates of one look-back window.
**
** The window is read as the scan reads a stretch: one walk (norm_walk.c,
** the look-back's own, on the scan's DFA) finds the active anchor
** patterns and where their matches may start, each is tried anchored
** there only, and their candidates are resolved as the scan resolves
** overlaps (longest span first). The links of chains among them are
** counted again in norm_anchor_chain.c; norm_anchor.c picks the date.
**
** Why a window is read whole, though successive ones overlap (norm8, 1
** thread, callgrind, 2026-11-23: 2,166 look-backs collect 2,291
** windows, 1,666 of 400 bytes, 603 of 2,000, 22 near, 1.87 MB; 926
** more reuse a kept one; 6,573 candidates, 2.9 a window; 39% of the
** bytes were in a window of the same document before; the collection
** costs 210 M, the walk 127 M, the tries 51 M, the readings 23 M). What
** a candidate found in window [s, e) depends on, besides its match:
**   - the subject ends at e: a try reads past its match's end (a
**     lookahead, a greedy repeat given back) and PCRE2 does not say how
**     far, so a try at p holds for another window only with the same e;
**     a searched pattern's matches also depend on s (one across a later
**     window's start hides those it overlaps);
**   - the reading: the tense is read back to s and ahead to e
**     (norm_tense.c, norm_tense_after.c) over a number of words, not of
**     bytes: no margin from the ends makes it the same;
**   - the overlaps: a candidate across s is dropped (kept_in_order) and
**     frees what it covered; chains and LINK_MAX count the window.
** The walk alone is local: a start at p reads at most WALK_MAX bytes
** and the run it is in, so its records (not the window's active set,
** the union of its triggers, nor the near filter of the window's hits)
** hold for any window that has the same bytes to WALK_MAX past p. The
** wide window after a narrow one with the same e (603 on norm8) could
** walk only its first 1,600 bytes and take the narrow one's records,
** hits and triggers, and try the starts before the narrow one's only:
** at most 13% of the walk (some 16 M, 0.45% of norm8), with the
** records' bits interned in a DFA the scan shares and may start over
** (norm_near_save) in between. Not done.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_anchor_p.h"

/* buf (capacity *cap elements of size elem) with room for need, moved
** if it must grow (a first allocation holds at least first); NULL when
** out of memory (buf and *cap are then as they were). */
static void *grow(void *buf, size_t *cap, size_t need, size_t elem,
		  size_t first)
{
	if (buf && need <= *cap)
		return buf;
	size_t nc = *cap ? 2 * *cap : first;
	while (nc < need)
		nc *= 2;
	void *g = realloc(buf, nc * elem);
	if (g)
		*cap = nc;
	return g;
}

/* Would the scan have given clock m the day told before it: no day said
** in it (norm_clock.c's clock_day: no holiday, day, weekday or relative
** day), in a past or future clause (clock_day_told)? The clause's tense
** (below 0 past, above future), 0 when it would not. */
static int clock_may_move(const struct norm_match *m)
{
	struct norm_val v;
	if (norm_slot(m, S_HOLIDAY, &v) || norm_slot(m, S_DAY, &v) ||
	    norm_slot(m, S_WEEKDAY, &v) || norm_slot(m, S_REL, &v))
		return 0;
	int tn = norm_tense(m);
	return tn == NORM_TENSE_SCHED ? 0 : tn;
}

/* The candidates of pattern pi's match in lb->md. */
static bool collect(struct norm_lookback *lb, const struct norm_match *m,
		    size_t pi, uint32_t s, uint32_t e)
{
	const struct norm_pattern *p = &lb->n->patterns[pi];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(lb->md);
	struct norm_match mm = {
		.n = lb->n, .p = p, .text = m->text, .ov = ov,
		.nov = pcre2_get_ovector_count(lb->md),
		.start = (uint32_t)ov[0], .end = (uint32_t)ov[1],
		.stretch_start = s, .stretch_end = e, .ref = m->ref,
		.a = m->a, .is_rescan = true, .memo = m->memo,
		.lookback = m->lookback, /* (for norm_tense.c's memo) */
	};
	if (p->span_group && ov[2 * p->span_group] != PCRE2_UNSET) {
		mm.start = (uint32_t)ov[2 * p->span_group];
		mm.end = (uint32_t)ov[2 * p->span_group + 1];
	}
	struct window *w = lb->cur;
	struct norm_cand *gc = grow(w->c, &w->cap, w->nc + 2, sizeof(*gc), 32);
	if (!gc)
		return false;
	w->c = gc;
	struct norm_cand *out = &w->c[w->nc];
	memset(out, 0, 2 * sizeof(*out));
	int k = norm_anchor_produce(lb, &mm, out);
	for (int i = 0; i < k; i++) {
		out[i].priority = p->priority;
		out[i].order = (uint32_t)pi;
		out[i].match_len = (uint32_t)(ov[1] - ov[0]);
		/* a clock with no day said, in a past or future clause,
		** cannot look back here for the day told before it
		** (norm_clock.c's clock_day_told): its reference day is a
		** guess, marked unanchored until the chains
		** (norm_anchor_resolve_chains) give it the day told
		** before it; a time candidate has no quantity, so its
		** q.value keeps the clause's tense, which says where that
		** day may lie */
		int tn;
		if (p->prod == P_TIME_OF_DAY && m->ref &&
		    out[i].time.type == FC_TIMEX_TIME &&
		    out[i].time.lo == m->ref->days &&
		    (tn = clock_may_move(&mm)) != 0) {
			out[i].time.is_anchored = false;
			out[i].q.value = tn;
		}
	}
	w->nc += (size_t)k;
	if (k > 0 && (lb->chain_set[pi / 64] >> (pi % 64) & 1) &&
	    !p->span_group) {
		/* keep the ovector: the match is counted again from the
		** date before it (norm_anchor_resolve_chains) */
		uint32_t nov = pcre2_get_ovector_count(lb->md);
		struct chain *gh = grow(w->ch, &w->capch, w->nch + 1,
					sizeof(*gh), 8);
		if (gh)
			w->ch = gh;
		PCRE2_SIZE *go = gh ? grow(w->ov, &w->capov, w->nov + 2 * nov,
					   sizeof(*go), 64)
				    : NULL;
		if (!go)
			return false;
		w->ov = go;
		memcpy(w->ov + w->nov, ov, 2 * nov * sizeof(*ov));
		if (w->nch >= LINK_MAX)
			w->is_dense = true;
		w->ch[w->nch++] = (struct chain){
			.order = (uint32_t)pi, .start = mm.start,
			.end = mm.end, .nov = nov, .at = w->nov};
		w->nov += 2 * nov;
	}
	return true;
}

/* Pattern pi over the window [s, e): anchored at the starts the walk
** queued when the pattern has start tables, else searched. */
static bool run_one(struct norm_lookback *lb, const struct norm_match *m,
		    size_t pi, uint32_t s, uint32_t e)
{
	const struct norm_pattern *p = &lb->n->patterns[pi];
	const struct norm_startq *q = norm_is_anchored(p)
					      ? norm_walk_starts(lb->walk, pi)
					      : NULL;
	size_t k = 0;
	PCRE2_SIZE off = s;
	while (!lb->cur->is_dense &&
	       norm_next_match(lb->n, pi, q, &k, m->text, e, &off, lb->md,
			       m->tally) >= 0)
		if (!collect(lb, m, pi, s, e))
			return false;
	return true;
}

/* The last kept date among the candidates of window w (kept_in_order
** has taken them), or false. */
bool norm_anchor_pick_last(const struct window *w, unsigned want,
			   int32_t min_lo, int32_t max_lo, struct fc_time *out,
			   uint32_t *at)
{
	for (size_t i = w->nacc; i-- > 0;) {
		const struct norm_cand *c = &w->c[(uint32_t)w->acc[i]];
		const struct fc_time *t = &c->time;
		if ((t->type != FC_TIMEX_DATE && t->type != FC_TIMEX_TIME) ||
		    !t->is_anchored || t->grain == FC_GRAIN_NONE ||
		    (want && (!(want & (1u << t->grain)) || t->lo < min_lo ||
			      t->lo > max_lo)))
			continue;
		*out = *t;
		*at = c->start;
		return true;
	}
	return false;
}

/*
** Patterns that can give an anchor: dates and times, not durations, and
** not those that would need a look-back of their own (a base counted
** from a mention): inside a look-back they could only guess from the
** reference, and hide the date they would have counted from.
*/
bool norm_anchor_is_anchor_pattern(const struct norm_pattern *p)
{
	static const char *const needs[] = {"mention", "mention_grain",
					    "quarter", "grain", "told_year"};
	if (!norm_prod_is_time(p->prod) || p->prod == P_DURATION ||
	    p->prod == P_SET || p->prod == P_LITERAL)
		return false;
	for (size_t i = 0; p->set[S_BASE] && i < 5; i++)
		if (!strcmp(p->set[S_BASE], needs[i]))
			return false;
	return true;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* The candidates of window w (sorted) the scan would keep, accepted
** greedily in that order, into w->acc in text order (kept candidates
** do not overlap): false when out of memory. */
static bool kept_in_order(struct window *w)
{
	uint64_t *ga = grow(w->acc, &w->capacc, w->nc, sizeof(*ga), 32);
	if (!ga)
		return false;
	w->acc = ga;
	uint8_t taken[NORM_ANCHOR_WINDOW / 8 + 1] = {0};
	size_t na = 0;
	for (size_t i = 0; i < w->nc; i++) {
		const struct norm_cand *c = &w->c[i];
		if (c->start < w->s || c->end > w->e || c->end <= c->start)
			continue;
		bool is_free = true;
		for (uint32_t k = c->start - w->s; k < c->end - w->s && is_free;
		     k++)
			is_free = !(taken[k / 8] & (1u << (k % 8)));
		if (!is_free)
			continue;
		for (uint32_t k = c->start - w->s; k < c->end - w->s; k++)
			taken[k / 8] |= (uint8_t)(1u << (k % 8));
		w->acc[na++] = (uint64_t)c->start << 32 | (uint32_t)i;
	}
	if (na > 1)
		qsort(w->acc, na, sizeof(*w->acc), cmp_u64);
	w->nacc = na;
	return true;
}

/* The candidates of window [s, e) into win, sorted in the scan's order;
** false when memory ran out or the walk failed. */
bool norm_anchor_collect_window(struct norm_lookback *lb,
				const struct norm_match *m, struct window *win,
				uint32_t s, uint32_t e, bool is_quarterly)
{
	const struct fc_norm *n = lb->n;
	const uint64_t *only = is_quarterly ? lb->quarter_set : lb->anchor_set;
	win->is_valid = false;
	win->nc = 0;
	win->nch = 0;
	win->nov = 0;
	win->nacc = 0;
	win->is_dense = false;
	norm_walk_queue_only(lb->walk, only);
	if (norm_walk_stretch(lb->walk, m->text, s, e, lb->active))
		return false;
	const uint64_t *queued = norm_walk_queued(lb->walk);
	lb->cur = win;
	/* the active patterns of the set with starts queued, or that are
	** searched; in pattern order (a quarter or a half is looked for
	** among the patterns that can give one): first those that are no
	** links of a chain, then the links. A link counts from the date
	** kept before it in the window, and in a window that does not
	** start the text one with no date before it is no anchor: when no
	** candidate of the first pass is a date, no link can become one
	** (norm_anchor_resolve_chains) and the window gives no date
	** whatever its links hide, so they are not run (text dense with
	** "the next day", "two days later" and no date near them) */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t k = 0; k < n->nwords; k++) {
			uint64_t bits = lb->active[k] & only[k] &
					(pass ? lb->chain_set[k]
					      : ~lb->chain_set[k]);
			for (uint64_t b = bits; b; b &= b - 1) {
				size_t i = k * 64 + (size_t)__builtin_ctzll(b);
				if ((!norm_is_anchored(&n->patterns[i]) ||
				     (queued[k] >> (i % 64) & 1)) &&
				    !run_one(lb, m, i, s, e))
					return false;
			}
		}
		if (pass == 0 && s > 0) {
			bool has_date = false;
			/* a clock whose day is a guess is one:
			** norm_anchor_resolve_chains anchors it */
			for (size_t i = 0; i < win->nc && !has_date; i++) {
				const struct norm_cand *c = &win->c[i];
				has_date = norm_anchor_is_date(&c->time) ||
					   norm_anchor_is_guessed_clock(n, m,
									c);
			}
			if (!has_date)
				break;
		}
	}
	if (win->is_dense) /* a list of links: no date (LINK_MAX) */
		win->nc = win->nch = 0;
	/* the scan's order (a window's candidates are times, no masks) */
	if (win->nc > 1)
		qsort(win->c, win->nc, sizeof(*win->c), norm_cand_cmp);
	win->s = s;
	win->e = e;
	if (!kept_in_order(win) || !norm_anchor_resolve_chains(lb, m, win))
		return false;
	win->text = m->text;
	win->is_quarterly = is_quarterly;
	win->is_valid = true;
	return true;
}
