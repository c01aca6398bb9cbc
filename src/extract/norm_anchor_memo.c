/*
** norm_anchor_memo.c: a relative time's reading, kept for the
** look-backs of one document (struct link_memo, norm_anchor_p.h).
** Successive windows overlap and read the same relative times again,
** each collected in every window and counted again from the date before
** it (norm_anchor_chain.c); a reading is fixed by the match, the
** document's reference and the date it counts from, so it is read once
** per date.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_anchor_p.h"

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
int norm_anchor_produce(struct norm_lookback *lb, const struct norm_match *mm,
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
