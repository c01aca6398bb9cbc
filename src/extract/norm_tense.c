/*
** norm_tense.c: which occurrence a date without a year or a bare weekday
** means. The clause before the match is read backwards for tense cues
** (tables future, past, tense_word, tense_pair, past_suffix, passive);
** without one the reading option decides (options: prefer).
*/
#include <string.h>

#include "extract/norm_p.h"

/*
** A date without a year, past or future occurrence (past days back,
** future days ahead): a tense cue before the match decides; without
** one, the news reading takes the past one unless the future one is
** less than half as far (options: prefer future / nearest change that).
*/
bool norm_prefer_past(const struct norm_match *m, long past, long future)
{
	int t = norm_tense(m);
	if (t > 0)
		return past == 0;
	if (t < -1)
		return true; /* "the year ended Jan. 31" */
	/* a past verb ("said", "authorized ... payable Dec. 7") often
	** dates the reporting, not the event: the news reading decides */
	switch (t < 0 ? NORM_PREFER_PAST : m->n->prefer) {
	case NORM_PREFER_FUTURE: return past == 0;
	case NORM_PREFER_NEAREST: return past <= future;
	default: return past <= 2 * future;
	}
}

static bool in_table(const struct fc_norm *n, int t, const char *w,
		     size_t len)
{
	return t >= 0 && norm_hash_get(&n->lookup, t, w, len) >= 0;
}

/* Is the lower-case word w a past form by its ending (-ed)? */
static bool past_by_suffix(const struct fc_norm *n, const char *w,
			   size_t len)
{
	if (n->t_past_suffix < 0 || len < 5)
		return false;
	for (size_t k = 2; k <= 3 && k + 2 < len; k++)
		if (in_table(n, n->t_past_suffix, w + len - k, k))
			return true;
	return false;
}

/*
** The tense of the clause before the match: +1 when the nearest cue is
** a future one (will, scheduled, next; tables future, tense_word,
** tense_pair), -1 when it is a past one (said, was, a verb in -ed not
** after "be"), -2 when that past verb is the word right before the
** match ("ended Jan. 31"), 0 when none is found within 16 words of the
** clause.
*/
int norm_tense(const struct norm_match *m)
{
	const struct fc_norm *n = m->n;
	struct norm_val v;
	if (norm_slot(m, S_FUTURE, &v))
		return 1;
	if (n->t_future < 0)
		return 0;
	const char *t = m->text;
	uint32_t i = m->start, lo = m->stretch_start;
	bool pending_ed = false; /* an -ed word whose auxiliary is unseen */
	bool ed_adjacent = false; /* ... right before the match */
	char pair[64]; /* "word next": the word and the one after it */
	size_t nextlen = 0;
	for (int words = 0; i > lo && words < 16;) {
		while (i > lo && !((t[i - 1] | 0x20) >= 'a' &&
				   (t[i - 1] | 0x20) <= 'z') &&
		       t[i - 1] != '\'') {
			if (strchr(";:!?", t[i - 1]) ||
			    (t[i - 1] == '.' && i - 1 > lo && t[i - 2] != '.' &&
			     i < m->start && t[i] == ' '))
				return pending_ed ? -1 : 0; /* clause ends */
			i--;
		}
		uint32_t e = i;
		while (i > lo && (((t[i - 1] | 0x20) >= 'a' &&
				   (t[i - 1] | 0x20) <= 'z') ||
				  t[i - 1] == '\''))
			i--;
		if (e == i)
			break;
		words++;
		char buf[32];
		size_t len = norm_key(t + i, e - i, buf, sizeof(buf));
		if (len >= sizeof(buf)) {
			nextlen = 0;
			continue;
		}
		/* two-word cues first: "as soon as", "due to" (no cue) */
		int32_t k = -1;
		if (nextlen && n->t_tense_pair >= 0) {
			memmove(pair + len + 1, pair, nextlen);
			memcpy(pair, buf, len);
			pair[len] = ' ';
			k = norm_hash_get(&n->lookup, n->t_tense_pair, pair,
					  len + 1 + nextlen);
		}
		memcpy(pair, buf, len);
		nextlen = len;
		if (k >= 0) {
			double c = n->tables[n->t_tense_pair].nums[k];
			if (c > 0 && !pending_ed)
				return 1;
			if (c < 0)
				return -1;
			pending_ed = false;
			continue;
		}
		if (pending_ed) {
			if (!in_table(n, n->t_passive, buf, len))
				return ed_adjacent ? -2 : -1;
			pending_ed = false; /* "be named": look further */
			continue;
		}
		int32_t w = n->t_tense_word >= 0
				    ? norm_hash_get(&n->lookup, n->t_tense_word,
						    buf, len)
				    : -1;
		double c = w >= 0 ? n->tables[n->t_tense_word].nums[w] : 0;
		if (c > 0 || in_table(n, n->t_future, buf, len))
			return 1;
		/* a past verb right before the date is its own */
		if (c < 0 || in_table(n, n->t_past, buf, len))
			return words == 1 ? -2 : -1;
		if (past_by_suffix(n, buf, len)) {
			pending_ed = true;
			ed_adjacent = words == 1;
		}
	}
	return pending_ed ? (ed_adjacent ? -2 : -1) : 0;
}

