/*
** norm_anchor.c: the date mentioned last before a match.
**
** "The following year", "a year earlier", "the quarter", "later that
** day" count from the date the text last talked about, not from the
** published date. The scan (norm.c) keeps no state between matches, so
** the anchor is found by looking back: the time patterns whose trigger
** words occur in the NORM_ANCHOR_WINDOW bytes before the match run over
** that window, their candidates are resolved as the scan resolves
** overlaps (longest span first), and the kept DATE or TIME with a known
** value that starts last is the anchor. Patterns that count from a
** mention take part only as links of a chain: in a look-back each is
** counted again from the date kept before it in the same window
** (norm_anchor_resolve_chains), never by a look-back of its own, so it never
** recurses; its cost is bounded by the window. The window is read as
** the scan reads a stretch: one walk (norm_walk.c) finds the active
** patterns and where their matches may start, and a pattern is tried
** anchored there only.
** The walk is the look-back's own (its queues are the look-back's while
** the scan's are in use), on the DFA of the scan's walk when the scan
** binds it (norm_lookback_bind): the window is text the scan has read,
** so its transitions are mostly made already.
** A relative time's reading is kept for the document (struct
** link_memo): successive windows read the same ones again. A window of
** more than LINK_MAX links gives no date (a list of relative times).
**
** What a look-back costs (norm8, 1 thread, callgrind, 2026-11-22):
** 1,972 calls read 2,117 windows (1,500 of 400 bytes, 595 of 2,000,
** 22 near), 1.8 MB in all, a fifth of the text again; the walk is 61%
** of it, the patterns tried at its starts 24%, the readings 11%, the
** chains and sorts 2%. Half the windows (1,106) are looked for a
** quarter or a half (want, quarter_set) and hold two thirds of the
** bytes; 131 of them give one. A test for trigger words before the
** walk would not skip them: the quarter set has a pattern anchored on
** any digit (date.q-year), and 84% of the 400-byte and 99% of the
** 2,000-byte windows before a relative time hold a digit. Windows of
** successive calls overlap, but their candidates depend on where the
** window starts and ends (overlaps cut, links with no date before
** them, the tense read to the window's start, a match's subject end),
** so a window's answer is reused only for the same window; going
** straight to the wide window for a quarter (no narrow one) saves 2%.
**
** This file holds the look-back's life and its entry (which windows,
** and the date picked from them); a window's candidates are read in
** norm_anchor_window.c, its chains counted in norm_anchor_chain.c, and
** the readings kept in norm_anchor_memo.c.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_anchor_p.h"

struct norm_lookback *norm_lookback_create(const struct fc_norm *n,
					   struct norm_walk *host)
{
	struct norm_lookback *lb = calloc(1, sizeof(*lb));
	if (!lb)
		return NULL;
	lb->n = n;
	lb->host = host;
	return lb;
}

void norm_lookback_bind(struct norm_lookback *lb, struct norm_walk *host)
{
	if (!lb || lb->host == host)
		return;
	norm_walk_destroy(lb->walk);
	lb->walk = NULL;
	lb->host = host;
}

/* Make what a look-back needs (the first time): false when out of
** memory. */
static bool lookback_ready(struct norm_lookback *lb)
{
	const struct fc_norm *n = lb->n;
	if (!lb->walk)
		lb->walk = lb->host ? norm_walk_create_shared(lb->host)
				    : norm_walk_create(n);
	if (!lb->md)
		lb->md = pcre2_match_data_create(n->maxcap ? n->maxcap : 1,
						 NULL);
	if (!lb->active && (lb->active = calloc(4 * n->nwords,
						sizeof(uint64_t)))) {
		lb->anchor_set = lb->active + n->nwords;
		lb->quarter_set = lb->active + 2 * n->nwords;
		lb->chain_set = lb->active + 3 * n->nwords;
		for (size_t i = 0; i < n->npatterns; i++) {
			const struct norm_pattern *p = &n->patterns[i];
			uint64_t bit = 1ull << (i % 64);
			bool is_chain = norm_anchor_is_chain_pattern(p);
			if (!p->code ||
			    (!norm_anchor_is_anchor_pattern(p) && !is_chain))
				continue;
			lb->anchor_set[i / 64] |= bit;
			if (is_chain)
				lb->chain_set[i / 64] |= bit;
			if (p->is_quarterly)
				lb->quarter_set[i / 64] |= bit;
		}
	}
	return lb->walk && lb->md && lb->active;
}

void norm_lookback_destroy(struct norm_lookback *lb)
{
	if (!lb)
		return;
	norm_walk_destroy(lb->walk);
	pcre2_match_data_free(lb->md);
	free(lb->active);
	free(lb->links);
	for (size_t i = 0; i < sizeof(lb->win) / sizeof(*lb->win); i++) {
		free(lb->win[i].c);
		free(lb->win[i].ch);
		free(lb->win[i].ov);
		free(lb->win[i].acc);
	}
	free(lb);
}

void norm_lookback_forget(struct norm_lookback *lb)
{
	for (size_t i = 0; lb && i < sizeof(lb->win) / sizeof(*lb->win); i++)
		lb->win[i].is_valid = false;
	if (lb)
		memset(&lb->tense, 0, sizeof(lb->tense));
	if (lb && lb->links)
		for (size_t i = 0; i < LINK_MEMO; i++)
			lb->links[i].nov = 0;
	if (lb)
		lb->has_ref = false;
}

struct norm_tense_memo *norm_lookback_tense_memo(const struct norm_match *m)
{
	return m->lookback && *m->lookback ? &(*m->lookback)->tense : NULL;
}

struct norm_tw_ent *norm_lookback_tw_cache(const struct norm_match *m)
{
	/* the facts are those of the look-back's rules */
	return m->lookback && *m->lookback && (*m->lookback)->n == m->n
		       ? (*m->lookback)->words
		       : NULL;
}

/* The last date in the windows of widths[0, nw) before m, tried in turn
** until one has a date well inside it; the windows are kept in
** lb->win[slot0 ...]. */
static bool last_in(const struct norm_match *m, unsigned want,
		    int32_t min_lo, int32_t max_lo, struct fc_time *out,
		    const uint32_t *widths, size_t nw, size_t slot0)
{
	const struct fc_norm *n = m->n;
	if (m->is_rescan || m->start == 0)
		return false;
	struct norm_lookback *lb = m->lookback ? *m->lookback : NULL;
	if (!lb) {
		lb = norm_lookback_create(n, NULL);
		if (!lb)
			return false;
		if (m->lookback)
			*m->lookback = lb;
	}
	/* a look-back reads against the document's reference, the one of
	** the scan's matches: the kept windows and readings hold for it
	** only. One from another reference (a match read from a moved
	** one, which norm_shift.c marks is_rescan) looks back at nothing,
	** so they need no key for it */
	if (!lb->has_ref) {
		lb->ref = m->ref;
		lb->has_ref = true;
	}
	if (lb->ref != m->ref || !lookback_ready(lb)) {
		if (!m->lookback)
			norm_lookback_destroy(lb);
		return false;
	}
	bool found = false;
	uint32_t e = m->start;
	for (size_t w = 0; w < nw && !found; w++) {
		uint32_t s = e > widths[w] ? e - widths[w] : 0;
		/* start on a word boundary */
		while (s > 0 && s < e && m->text[s - 1] != ' ' &&
		       m->text[s - 1] != '\n')
			s++;
		struct window *win = &lb->win[slot0 + w];
		if (!win->is_valid || win->text != m->text || win->s != s ||
		    win->e != e || win->is_quarterly != (want != 0)) {
			if (!norm_anchor_collect_window(lb, m, win, s, e,
							want != 0))
				break;
		}
		if (win->is_dense)
			break; /* a wider one holds those links too */
		uint32_t at = 0;
		found = norm_anchor_pick_last(win, want, min_lo, max_lo, out,
					      &at) &&
			(s == 0 || at >= s + 64 || w + 1 == nw);
		if (s == 0)
			break;
	}
	if (!m->lookback)
		norm_lookback_destroy(lb);
	return found;
}

bool norm_last_mention(const struct norm_match *m, unsigned want,
		       int32_t min_lo, int32_t max_lo, struct fc_time *out)
{
	if (m->anchor) { /* a chained match in a look-back */
		const struct fc_time *t = m->anchor;
		if (want && (!(want & (1u << t->grain)) || t->lo < min_lo ||
			     t->lo > max_lo))
			return false;
		*out = *t;
		return true;
	}
	/* windows grow until a date is found well inside one (a date cut
	** by the window's start could read as less than it is) */
	static const uint32_t widths[] = {400, NORM_ANCHOR_WINDOW};
	return last_in(m, want, min_lo, max_lo, out, widths, 2, 0);
}

bool norm_last_mention_near(const struct norm_match *m, struct fc_time *out)
{
	static const uint32_t widths[] = {NORM_ANCHOR_NEAR};
	return last_in(m, 0, INT32_MIN, INT32_MAX, out, widths, 1, 2);
}
