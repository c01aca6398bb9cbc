/*
** norm_anchor_chain.c: the links of a chain in a look-back window.
**
** Patterns that count from a mention ("the following year", "two days
** later", "that day") take part in a look-back only as links: each is
** counted again from the date kept before it in the window, in text
** order, so "In 1910 ... The following year ... A year later" reads
** 1912; a clock whose day is a guess takes the day told before it. The
** window's candidates come from norm_anchor_window.c.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_anchor_p.h"

/*
** Patterns that count from a mention ("the following year", "two days
** later", "that day"): in a look-back they are chained, counted from
** the date kept before them in the window (norm_anchor_resolve_chains), so "In
** 1910 ... The following year ... A year later" reads 1912. Deictic
** ones ("last year", "two years ago") are anchors as they are.
*/
bool norm_anchor_is_chain_pattern(const struct norm_pattern *p)
{
	if (!norm_prod_is_time(p->prod) || p->prod == P_DURATION ||
	    p->prod == P_SET || p->prod == P_LITERAL || !p->set[S_BASE])
		return false;
	return !strcmp(p->set[S_BASE], "mention") ||
	       !strcmp(p->set[S_BASE], "mention_grain");
}

/* Chained matches by start, pattern, end (for chain_of). */
static int cmp_chain(const void *x, const void *y)
{
	const struct chain *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

/* The chained match of candidate c, or NULL: the first (as collected)
** of those with its pattern and span, w->ch being sorted by cmp_chain. */
static const struct chain *chain_of(const struct window *w,
				    const struct norm_cand *c)
{
	size_t lo = 0, hi = w->nch;
	while (lo < hi) { /* the first not before (start, order, end) */
		size_t mid = lo + (hi - lo) / 2;
		const struct chain *h = &w->ch[mid];
		bool is_before = h->start != c->start ? h->start < c->start
				 : h->order != c->order ? h->order < c->order
							: h->end < c->end;
		if (is_before)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < w->nch && w->ch[lo].order == c->order &&
	    w->ch[lo].start == c->start && w->ch[lo].end == c->end)
		return &w->ch[lo];
	return NULL;
}

/* Does the relative time of m count back ("the previous week", "two
** days earlier")? */
static bool counts_back(const struct norm_match *m)
{
	int rel = 0, ago = 1;
	if (norm_get_int(m, S_REL, &rel))
		return rel < 0;
	struct norm_val v;
	return norm_slot(m, S_NUM, &v) && norm_get_int(m, S_AGO, &ago) &&
	       ago < 0;
}

/* Is c a clock collect() (norm_anchor_window.c) marked: read on the
** reference day, its day a guess? */
bool norm_anchor_is_guessed_clock(const struct fc_norm *n,
				  const struct norm_match *m,
				  const struct norm_cand *c)
{
	return !c->time.is_anchored && c->time.type == FC_TIMEX_TIME &&
	       m->ref && c->time.lo == m->ref->days && c->q.value != 0 &&
	       n->patterns[c->order].prod == P_TIME_OF_DAY;
}

/*
** Clock t, read on the reference day in a clause of tense tn: on the
** day told last before it (day grain or finer; in a past clause up to a
** year before the reference, in a future one up to two weeks after:
** norm_clock.c's clock_day_told, which the scan runs), else on the
** reference day as read. Anchored either way: "On March 3 ... arrived
** at 5 pm. The next day" is March 4, and with no day before the clock
** the reference's next day.
*/
static void clock_on_day_told(const struct norm_ref *r, struct fc_time *t,
			      int tn, const struct fc_time *last)
{
	t->is_anchored = true;
	if (!last || !last->is_anchored || last->grain == FC_GRAIN_NONE ||
	    last->grain > FC_GRAIN_DAY || last->lo == r->days ||
	    (tn < 0 ? last->lo > r->days || r->days - last->lo > 366
		    : last->lo < r->days || last->lo - r->days > 14) ||
	    strlen(t->value) < 11 || t->value[10] != 'T')
		return;
	int y, mo, d;
	fc_civil_from_days(last->lo, &y, &mo, &d);
	if (y < 0 || y > 9999)
		return;
	char day[11];
	snprintf(day, sizeof(day), "%04d-%02d-%02d", y, mo, d);
	memcpy(t->value, day, 10);
	t->hi += last->lo - t->lo;
	t->lo = last->lo;
}

/*
** Count the chained candidates kept in window w (sorted) from the date
** kept before each, in text order, as the scan would have: a chain
** ("The following year ... A year later") reads from its last link. A
** chained one with no date before it in a window that does not start
** the text is dropped as an anchor (the date it counts from lies before
** the window); at the text's start it counts from the reference, as
** the scan's own reading of it does. One that counts back is no anchor
** either: news narration moves on with "the following year", "two days
** later", and looks back with "from the previous week", "against 3 pct
** a year earlier" without moving ("... a year earlier. For income,
** ... a year earlier" are both the year before the one told of).
*/
bool norm_anchor_resolve_chains(struct norm_lookback *lb,
				const struct norm_match *m, struct window *w)
{
	if (w->nch > 1)
		qsort(w->ch, w->nch, sizeof(*w->ch), cmp_chain);
	size_t na = w->nacc;
	struct fc_time last;
	bool has_last = false;
	for (size_t i = 0; i < na; i++) {
		struct norm_cand *c = &w->c[(uint32_t)w->acc[i]];
		if (norm_anchor_is_guessed_clock(lb->n, m, c)) {
			clock_on_day_told(m->ref, &c->time, (int)c->q.value,
					  has_last ? &last : NULL);
			if (norm_anchor_is_date(&c->time)) {
				last = c->time;
				has_last = true;
			}
			continue;
		}
		const struct chain *ch = w->nch ? chain_of(w, c) : NULL;
		if (ch && !has_last && w->s > 0) {
			/* no date before it in the window: no anchor (what
			** follows would only unset it too) */
			c->time.is_anchored = false;
		} else if (ch) {
			const struct norm_pattern *p =
				&lb->n->patterns[ch->order];
			PCRE2_SIZE *ov = w->ov + ch->at;
			struct norm_match mm = {
				.n = lb->n, .p = p, .text = m->text, .ov = ov,
				.nov = ch->nov, .start = ch->start,
				.end = ch->end, .stretch_start = w->s,
				.stretch_end = w->e, .ref = m->ref, .a = m->a,
				.is_rescan = true, .memo = m->memo,
				.lookback = m->lookback, .anchor = &last,
			};
			/* a comparison ("from $99 million a year earlier")
			** is no date the story moves to */
			if (norm_relative_is_comparison(
				    &mm, has_last ? &last : NULL)) {
				c->time.is_anchored = false;
			} else if (has_last) {
				struct norm_cand out[2];
				memset(out, 0, sizeof(out));
				int k = norm_anchor_produce(lb, &mm, out);
				c->time.is_anchored = false;
				for (int j = 0; j < k; j++)
					if (out[j].start == c->start &&
					    out[j].end == c->end)
						c->time = out[j].time;
			}
			/* one counted back ("down from the previous week",
			** "a year earlier") is a comparison or a flashback:
			** the story stays at the date it counts from */
			if (counts_back(&mm))
				c->time.is_anchored = false;
		}
		if (norm_anchor_is_date(&c->time)) {
			last = c->time;
			has_last = true;
		}
	}
	return true;
}
