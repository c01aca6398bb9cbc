/*
** norm_tense_words.c: the words of the tense cues that norm_tense.c
** reads around a match: whether a word is a key of a tense table, a
** past form by its ending, a participle or an adverb, and what cue one
** word makes (norm_tense_p.h).
*/
#include <string.h>

#include "extract/norm_tense_p.h"

/* Is the lower-case word w a past form by its ending (-ed)? */
bool tw_past_by_suffix(const struct fc_norm *n,
		       const struct norm_wordfacts *f, const char *w,
		       size_t len)
{
	if (n->t_past_suffix < 0 || len < 5)
		return false;
	for (size_t k = 2; k <= 3 && k + 2 < len; k++)
		if (tw_in_table(n, f, n->t_past_suffix, NORM_WF_PAST_SUFFIX,
				w + len - k, k, norm_word_hash(w + len - k, k)))
			return true;
	return false;
}

/* Is "w next" (next: the nlen bytes at next, hash nh) a tense_pair key
** ("previously planned")? */
bool tw_is_pair(const struct fc_norm *n, const struct norm_wordfacts *f,
		const char *w, size_t len, uint32_t h, const char *next,
		size_t nlen, uint32_t nh)
{
	char pair[64];
	size_t plen = len + 1 + nlen;
	if (!nlen || n->t_tense_pair < 0 || plen > sizeof(pair) ||
	    !norm_wf_may(f, NORM_WF_TENSE_PAIR, norm_pair_hash(h, nh), plen))
		return false;
	memcpy(pair, w, len);
	pair[len] = ' ';
	memcpy(pair + len + 1, next, nlen);
	return norm_hash_get(&n->lookup, n->t_tense_pair, pair, plen) >= 0;
}

/* Is the lower-case word w a participle: in -ed, -en, -wn or of table
** past ("held", "named", "given", "shown")? */
bool tw_is_participle(const struct fc_norm *n,
		      const struct norm_wordfacts *f, const char *w,
		      size_t len, uint32_t h)
{
	if (len >= 4 && w[len - 1] == 'n' && (w[len - 2] == 'e' ||
					      w[len - 2] == 'w'))
		return true;
	return tw_past_by_suffix(n, f, w, len) ||
	       tw_in_table(n, f, n->t_past, NORM_WF_PAST, w, len, h);
}

/* Is the lower-case word w an adverb in -ly ("widely", "formally")? Not
** "rally", "supply", "assembly", "fully": nouns, or too short to tell. */
bool tw_is_adverb(const char *w, size_t len)
{
	return len >= 6 && w[len - 2] == 'l' && w[len - 1] == 'y' &&
	       w[len - 3] != 'p' && !(w[len - 3] == 'b' && w[len - 4] == 'm');
}

/*
** One word as a tense cue: +1 future (tables future, tense_word 1),
** -1 past (tables past, tense_word < 0), CUE_ED a word in -ed whose
** auxiliary decides, CUE_CLAUSE a word opening a clause (tense_word 2),
** CUE_SCHED a schedule verb ("meet", "expires": tense_word 3), CUE_DET
** a word after which such a verb is a noun or an infinitive ("the
** close", "to meet": tense_word 4), 0 none (also a tense_word valued 0:
** "United", "hundred" end in -ed and are no verbs). k: w's row in
** tense_word (tw_row), h its norm_word_hash.
*/
int tw_cue(const struct fc_norm *n, const struct norm_wordfacts *f,
	   const char *w, size_t len, int32_t k, uint32_t h)
{
	double c = tw_num(n, k);
	if (c == 2)
		return CUE_CLAUSE;
	if (c == 3)
		return CUE_SCHED;
	if (c == 4 || c == TW_INFINITIVE)
		return CUE_DET;
	if (c == TW_ADJUNCT || c == TW_AFTER_VERB)
		return 0;
	if (c == TW_FORWARD)
		return -1;
	if (c == TW_SINCE || c == TW_UNTIL || c == TW_BE || c == TW_AFTER ||
	    c == TW_PARTICIPLE || c == TW_BASE_VERB || c == TW_DONE ||
	    c == TW_MEASURE || c == TW_EXPECT || c == TW_COORD ||
	    c == TW_MODAL || c == TW_HAVE || c == TW_PAST_MODAL ||
	    c == TW_NEG)
		return 0; /* no cue of their own (a modal: norm_tense.c) */
	bool is_past =
		tw_in_table(n, f, n->t_past, NORM_WF_PAST, w, len, h);
	if (c == TW_EXTEND) /* a verb like any other when no "until" */
		return is_past ? -1
		       : tw_past_by_suffix(n, f, w, len) ? CUE_ED
							      : 0;
	if (c > 0 ||
	    tw_in_table(n, f, n->t_future, NORM_WF_FUTURE, w, len, h))
		return 1;
	if (c < 0 || is_past)
		return -1;
	if (k >= 0)
		return 0;
	return tw_past_by_suffix(n, f, w, len) ? CUE_ED : 0;
}

/* Does the '.' at t[k] end a sentence? Not after "Mr", "U.S", "Inc". */
bool tw_is_full_stop(const char *t, uint32_t k, uint32_t lo, uint32_t hi)
{
	if (k + 1 < hi && t[k + 1] != ' ' && t[k + 1] != '\n')
		return false;
	uint32_t b = k;
	while (b > lo && (t[b - 1] | 0x20) >= 'a' && (t[b - 1] | 0x20) <= 'z')
		b--;
	return k - b >= 5 || (k - b >= 2 && t[k - 1] >= 'a' &&
			      t[k - 1] <= 'z' && t[b] >= 'a' && t[b] <= 'z') ||
	       (b == k && k > lo && t[k - 1] != '.');
}

/* The next word of t[*i, hi) (letters and apostrophes), lower-cased into
** buf, *is_lower whether it was written in lower case; 0 at the end of
** the clause (; : ! ? or a full stop) or the text. */
size_t tw_next_word(const char *t, uint32_t *i, uint32_t hi, char *buf,
		    size_t cap, bool *is_lower)
{
	uint32_t k = *i;
	for (; k < hi && !tw_is_word_byte(t[k]); k++)
		if (strchr(";:!?", t[k]) ||
		    (t[k] == '.' && tw_is_full_stop(t, k, 0, hi)))
			return 0;
	uint32_t b = k;
	while (k < hi && tw_is_word_byte(t[k]))
		k++;
	*i = k;
	if (k == b)
		return 0;
	*is_lower = t[b] >= 'a' && t[b] <= 'z';
	size_t len = norm_key(t + b, k - b, buf, cap);
	return len < cap ? len : cap; /* cap: too long, no cue */
}
