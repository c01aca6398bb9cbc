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
** (resolve_chains), never by a look-back of its own, so it never
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
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_tense_p.h"
#include "extract/norm_walk_p.h"

/*
** The candidates of one window, sorted. The look-back of a match often
** runs twice over the same window (a quarter looked for in a year, then
** in a longer span; the next width after the first); the window's text,
** the patterns run and the reference decide the candidates, so they are
** kept for the next look-back of the same document
** (norm_lookback_forget). Every look-back of a document reads against
** its reference (last_in), so the reference is no part of the key.
*/
struct window {
	const char *text;
	uint32_t s, e;
	bool is_valid, is_quarterly; /* quarterly patterns only */
	bool is_dense; /* more than LINK_MAX links: gives no date */
	struct norm_cand *c;
	size_t nc, cap;
	/* the matches of chained patterns (is_chain_pattern): their
	** ovectors, to count them again from the date before them */
	struct chain *ch;
	size_t nch, capch;
	PCRE2_SIZE *ov;
	size_t nov, capov;
	/* the candidates kept, in text order: start << 32 | index in c */
	uint64_t *acc;
	size_t nacc, capacc;
};

/*
** A relative time's reading, kept for the look-backs of one document:
** the windows of successive links overlap, and a dense chain ("Two days
** later. The next day. ...") has some hundred links in each, every one
** read when a window is collected and a link read again from the date
** before it (resolve_chains). A relative time's reading is fixed by its
** match (pattern and ovector), the reference (the document's: last_in)
** and the date it counts from (none in a collected window: it cannot
** look back there), never
** by the window (but one read by the tense around it, base tense: the
** window bounds what is read of the sentence), so it is read once per
** date it counts from.
*/
#define LINK_MEMO 1024	  /* entries (direct-mapped) */
#define LINK_MEMO_OV 24	  /* ovector pairs kept, at most */
struct link_memo {
	uint32_t order, nov; /* nov 0: empty */
	bool has_anchor;
	int k;
	struct fc_time anchor;
	PCRE2_SIZE ov[2 * LINK_MEMO_OV];
	struct norm_cand out[2];
};

/*
** A window with more than LINK_MAX links (relative times counted from a
** mention) is a list of them, not a story whose date can be followed
** from link to link ("Two days later. The next day. ..." over and
** over): it gives no date, and the look-back stops reading its links
** there (counting each of a hundred links again from the one before it
** in every window cost most of the time such a text took). News tells
** at most a few in a window (7 in the 8 MB of norm8, 1 in ECB+).
*/
#define LINK_MAX 16

/* One match of a chained pattern in a window. */
struct chain {
	uint32_t order, start, end, nov;
	size_t at; /* its ovector: window ov[at, at + 2 * nov) */
};

struct norm_lookback {
	const struct fc_norm *n;
	struct norm_walk *host; /* the scan's walk, whose DFA walk shares */
	struct norm_walk *walk; /* made on first use */
	pcre2_match_data *md;
	uint64_t *active;
	/* the patterns a look-back runs (is_anchor_pattern, with code):
	** every one, and those that can give a quarter or a half; the walk
	** queues starts for these only */
	uint64_t *anchor_set, *quarter_set;
	uint64_t *chain_set; /* the chained ones among them */
	struct window win[3]; /* one a width (the last: near) */
	struct window *cur;   /* the one being collected */
	struct link_memo *links; /* LINK_MEMO, made on first use */
	/* the reference of the document's look-backs (the scan's, set by
	** the first since norm_lookback_forget): the windows and the memo
	** were read against it */
	const struct norm_ref *ref;
	bool has_ref;
	struct norm_tense_memo tense; /* norm_tense.c's, here for its life */
	struct norm_tw_ent words[NORM_TW_CACHE]; /* norm_tense.c's too */
};

static bool is_anchor_pattern(const struct norm_pattern *p);
static bool is_chain_pattern(const struct norm_pattern *p);

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
			if (!p->code ||
			    (!is_anchor_pattern(p) && !is_chain_pattern(p)))
				continue;
			lb->anchor_set[i / 64] |= bit;
			if (is_chain_pattern(p))
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

/* The scan's order: longest span, then longer match, priority, pattern. */
static int cmp_cand(const void *x, const void *y)
{
	const struct norm_cand *a = x, *b = y;
	uint32_t la = a->end - a->start, lb = b->end - b->start;
	if (la != lb)
		return la > lb ? -1 : 1;
	if (a->match_len != b->match_len)
		return a->match_len > b->match_len ? -1 : 1;
	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Do two readings of dates to count from agree? */
static bool same_time(const struct fc_time *a, const struct fc_time *b)
{
	return a->type == b->type && a->grain == b->grain &&
	       a->mod == b->mod && a->lo == b->lo && a->hi == b->hi &&
	       a->is_anchored == b->is_anchored &&
	       a->seconds == b->seconds && !strcmp(a->value, b->value);
}

/* The entry of lb's memo for match mm counted from anchor (NULL:
** none): *slot gets it; true when it holds this reading. NULL *slot
** when the match is no relative time (or one read by the tense) or its
** ovector too long. */
static bool memo_find(struct norm_lookback *lb, const struct norm_match *mm,
		      const struct fc_time *anchor, struct link_memo **slot)
{
	*slot = NULL;
	/* the pairs of the pattern's own groups (the ovector is the
	** longest pattern's) */
	uint32_t ncap = 0;
	const char *base = mm->p->set[S_BASE];
	if (mm->p->prod != P_RELATIVE || !mm->p->code ||
	    (base && !strcmp(base, "tense")) ||
	    pcre2_pattern_info(mm->p->code, PCRE2_INFO_CAPTURECOUNT, &ncap) ||
	    ++ncap > LINK_MEMO_OV || ncap > mm->nov)
		return false;
	if (!lb->links && !(lb->links = calloc(LINK_MEMO, sizeof(*lb->links))))
		return false;
	uint32_t order = (uint32_t)(mm->p - lb->n->patterns);
	uint64_t h = 0x9e3779b97f4a7c15ull * (order + 1);
	for (uint32_t i = 0; i < 2 * ncap; i++)
		h = (h ^ (uint64_t)mm->ov[i]) * 0x100000001b3ull;
	if (anchor)
		h = (h ^ (uint32_t)anchor->lo ^ (uint64_t)anchor->grain << 32) *
		    0x100000001b3ull;
	struct link_memo *e = &lb->links[(h ^ h >> 29) % LINK_MEMO];
	*slot = e;
	bool hit = e->nov == ncap && e->order == order &&
	       e->has_anchor == (anchor != NULL) &&
	       !memcmp(e->ov, mm->ov, 2 * ncap * sizeof(*mm->ov)) &&
	       (!anchor || same_time(&e->anchor, anchor));
	if (!hit) {
		e->nov = 0;
		e->order = order;
		e->has_anchor = anchor != NULL;
		if (anchor)
			e->anchor = *anchor;
		memcpy(e->ov, mm->ov, 2 * ncap * sizeof(*mm->ov));
	}
	return hit;
}

/* norm_time_produce(mm, out), read from lb's memo when it has it
** (anchor: mm->anchor, or NULL in a collected window). */
static int produce_memo(struct norm_lookback *lb, const struct norm_match *mm,
			struct norm_cand *out)
{
	struct link_memo *e;
	if (memo_find(lb, mm, mm->anchor, &e)) {
		memcpy(out, e->out, (size_t)e->k * sizeof(*out));
		return e->k;
	}
	int k = norm_time_produce(mm, out);
	if (e && k >= 0 && k <= 2) {
		/* memo_find has keyed it */
		uint32_t ncap = 0;
		pcre2_pattern_info(mm->p->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
		e->nov = ncap + 1;
		e->k = k;
		memcpy(e->out, out, (size_t)k * sizeof(*out));
	}
	return k;
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
	int k = produce_memo(lb, &mm, out);
	for (int i = 0; i < k; i++) {
		out[i].priority = p->priority;
		out[i].order = (uint32_t)pi;
		out[i].match_len = (uint32_t)(ov[1] - ov[0]);
		/* a clock with no day said, in a past or future clause,
		** cannot look back here for the day told before it
		** (norm_clock.c's clock_day_told): its reference day is a
		** guess, marked unanchored until resolve_chains gives it
		** the day told before it; a time candidate has no
		** quantity, so its q.value keeps the clause's tense, which
		** says where that day may lie */
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
		** date before it (resolve_chains) */
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
static bool pick_last(const struct window *w, unsigned want,
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
static bool is_anchor_pattern(const struct norm_pattern *p)
{
	static const char *const needs[] = {"mention", "mention_grain",
					    "quarter", "grain"};
	if (!norm_prod_is_time(p->prod) || p->prod == P_DURATION ||
	    p->prod == P_SET || p->prod == P_LITERAL)
		return false;
	for (size_t i = 0; p->set[S_BASE] && i < 4; i++)
		if (!strcmp(p->set[S_BASE], needs[i]))
			return false;
	return true;
}

/*
** Patterns that count from a mention ("the following year", "two days
** later", "that day"): in a look-back they are chained, counted from
** the date kept before them in the window (resolve_chains), so "In
** 1910 ... The following year ... A year later" reads 1912. Deictic
** ones ("last year", "two years ago") are anchors as they are.
*/
static bool is_chain_pattern(const struct norm_pattern *p)
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

/* Is t a date a later mention can count from? */
static bool is_anchor_time(const struct fc_time *t)
{
	return (t->type == FC_TIMEX_DATE || t->type == FC_TIMEX_TIME) &&
	       t->is_anchored && t->grain != FC_GRAIN_NONE;
}

/* Is c a clock collect() marked: read on the reference day, its day a
** guess? */
static bool is_guessed_clock(const struct fc_norm *n,
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

static bool resolve_chains(struct norm_lookback *lb,
			   const struct norm_match *m, struct window *w)
{
	if (w->nch > 1)
		qsort(w->ch, w->nch, sizeof(*w->ch), cmp_chain);
	size_t na = w->nacc;
	struct fc_time last;
	bool has_last = false;
	for (size_t i = 0; i < na; i++) {
		struct norm_cand *c = &w->c[(uint32_t)w->acc[i]];
		if (is_guessed_clock(lb->n, m, c)) {
			clock_on_day_told(m->ref, &c->time, (int)c->q.value,
					  has_last ? &last : NULL);
			if (is_anchor_time(&c->time)) {
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
				int k = produce_memo(lb, &mm, out);
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
		if (is_anchor_time(&c->time)) {
			last = c->time;
			has_last = true;
		}
	}
	return true;
}

/* The candidates of window [s, e) into win, sorted in the scan's order;
** false when memory ran out or the walk failed. */
static bool collect_window(struct norm_lookback *lb,
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
	** (resolve_chains) and the window gives no date whatever its links
	** hide, so they are not run (text dense with "the next day", "two
	** days later" and no date near them) */
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
			** resolve_chains anchors it */
			for (size_t i = 0; i < win->nc && !has_date; i++)
				has_date = is_anchor_time(&win->c[i].time) ||
					   is_guessed_clock(n, m, &win->c[i]);
			if (!has_date)
				break;
		}
	}
	if (win->is_dense) /* a list of links: no date (LINK_MAX) */
		win->nc = win->nch = 0;
	if (win->nc > 1)
		qsort(win->c, win->nc, sizeof(*win->c), cmp_cand);
	win->s = s;
	win->e = e;
	if (!kept_in_order(win) || !resolve_chains(lb, m, win))
		return false;
	win->text = m->text;
	win->is_quarterly = is_quarterly;
	win->is_valid = true;
	return true;
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
			if (!collect_window(lb, m, win, s, e, want != 0))
				break;
		}
		if (win->is_dense)
			break; /* a wider one holds those links too */
		uint32_t at = 0;
		found = pick_last(win, want, min_lo, max_lo, out, &at) &&
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
