/*
** norm_anchor_p.h: the look-back of norm_anchor.c (the date mentioned
** last before a match), shared by its files: the look-back and its
** entry (norm_anchor.c), the candidates of one window
** (norm_anchor_window.c), the chains counted again in a window
** (norm_anchor_chain.c) and the memo of relative times' readings
** (norm_anchor_memo.c).
*/
#ifndef FC_NORM_ANCHOR_P_H
#define FC_NORM_ANCHOR_P_H

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
	/* the matches of chained patterns (norm_anchor_is_chain_pattern): their
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
** before it (norm_anchor_resolve_chains). A relative time's reading is
** fixed by its match (pattern and ovector), the reference (the
** document's: last_in) and the date it counts from (none in a collected
** window: it cannot look back there), never by the window (but one read
** by the tense around it, base tense: the window bounds what is read of
** the sentence), so it is read once per date it counts from.
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
	/* the patterns a look-back runs (norm_anchor_is_anchor_pattern,
	** with code): every one, and those that can give a quarter or a
	** half; the walk queues starts for these only */
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

/* ---- norm_anchor_window.c ---------------------------------------------- */

/* The candidates of window [s, e) into win, sorted in the scan's order,
** the kept ones in text order and the chains counted again
** (norm_anchor_resolve_chains); false when memory ran out or the walk
** failed. is_quarterly: run the patterns that can give a quarter or a
** half only. */
bool norm_anchor_collect_window(struct norm_lookback *lb,
				const struct norm_match *m, struct window *win,
				uint32_t s, uint32_t e, bool is_quarterly);
/* The last kept date of window w (of a grain in want, starting in days
** [min_lo, max_lo], when want is not 0) into *out, where it starts into
** *at; false when there is none. */
bool norm_anchor_pick_last(const struct window *w, unsigned want,
			   int32_t min_lo, int32_t max_lo, struct fc_time *out,
			   uint32_t *at);
/* Can pattern p give an anchor in a look-back? */
bool norm_anchor_is_anchor_pattern(const struct norm_pattern *p);

/* ---- norm_anchor_chain.c ----------------------------------------------- */

/* Does pattern p count from a mention (a link of a chain)? */
bool norm_anchor_is_chain_pattern(const struct norm_pattern *p);
/* Is c a clock collected with its day a guess (read on the reference
** day, in a past or future clause)? */
bool norm_anchor_is_guessed_clock(const struct fc_norm *n,
				  const struct norm_match *m,
				  const struct norm_cand *c);
/* Count the chained candidates kept in window w from the date kept
** before each (see norm_anchor_chain.c). */
bool norm_anchor_resolve_chains(struct norm_lookback *lb,
				const struct norm_match *m, struct window *w);

/* Is t a date a later mention can count from? */
static inline bool norm_anchor_is_date(const struct fc_time *t)
{
	return (t->type == FC_TIMEX_DATE || t->type == FC_TIMEX_TIME) &&
	       t->is_anchored && t->grain != FC_GRAIN_NONE;
}

/* ---- norm_anchor_memo.c ------------------------------------------------ */

/* norm_time_produce(mm, out), read from lb's memo of relative times when
** it has the reading (anchor: mm->anchor, or NULL in a collected
** window), and kept there when it is one. */
int norm_anchor_produce(struct norm_lookback *lb, const struct norm_match *mm,
			struct norm_cand *out);

#endif
