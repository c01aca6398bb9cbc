/*
** norm_tense_after.c: the tense read in the clause after a date
** (norm_tense.c reads the clause before it first): a cue ahead when
** nothing before decides ("On Tuesday, the league plans to ..."), a
** verb that follows a schedule word ("Housing starts in September
** rose"), an event done after a future verb ("will discuss Tuesday's
** attack"), "until" after a past verb of a state that goes on, and a
** past verb after the date that is its own.
*/
#include <string.h>

#include "extract/norm_tense_p.h"

/*
** The tense of the clause after the match, when nothing before it
** decides: "On Tuesday, the league plans to ...", "Friday's trading
** volume totaled ...". The first cue within 12 words: +1 future, -1
** past (an -ed word not after "be"), NORM_TENSE_SCHED a schedule verb
** not after a determiner ("Monday, the talks resume"), 0 none.
*/
int norm_tense_ahead(const struct norm_match *m, bool *aside)
{
	const struct fc_norm *n = m->n;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	const char *t = m->text;
	uint32_t i = m->end, hi = m->stretch_end;
	char buf[32], nb[32], pair[64];
	bool lower = false, nlower = false;
	size_t len = tw_next_word(t, &i, hi, buf, sizeof(buf), &lower);
	uint32_t bend = i; /* the end of buf's word */
	bool after_aux = false, after_det = false;
	*aside = false;
	for (int words = 0; len && words < 12; words++) {
		size_t nlen = tw_next_word(t, &i, hi, nb, sizeof(nb), &nlower);
		uint32_t nend = i;
		uint32_t h = len < sizeof(buf) ? norm_word_hash(buf, len) : 0;
		if (len < sizeof(buf) && nlen && nlen < sizeof(nb) &&
		    n->t_tense_pair >= 0) {
			size_t plen = len + 1 + nlen;
			uint32_t ph =
				norm_pair_hash(h, norm_word_hash(nb, nlen));
			int32_t k = -1;
			if (norm_wf_may(f, NORM_WF_TENSE_PAIR, ph, plen)) {
				memcpy(pair, buf, len);
				pair[len] = ' ';
				memcpy(pair + len + 1, nb, nlen);
				k = norm_hash_get(&n->lookup, n->t_tense_pair,
						  pair, plen);
			}
			if (k >= 0) {
				double c = n->tables[n->t_tense_pair].nums[k];
				if (c == TP_FORWARD)
					return -1; /* "Friday, he was told" */
				/* "April 6, clearing the way for him to
				** be returned": no cue of the date's own */
				if (c != 0 && c != TP_INF_PLAN &&
				    c != TP_BE_PLAN && c != TP_AHEAD)
					return c > 0 ? 1 : -1;
				/* "due to": no cue; go on after the pair */
				len = tw_next_word(t, &i, hi, buf, sizeof(buf),
						&lower);
				bend = i;
				after_aux = after_det = false;
				continue;
			}
		}
		if (len < sizeof(buf)) {
			/* after the date a plan in the past tense dates the
			** planning ("On Friday, the government planned to
			** pay"); after "is" a plan is ahead ("is expected") */
			int32_t row = tw_row(n, f, buf, len, h);
			int c = tw_cue(n, f, buf, len, row, h);
			if (c == CUE_CLAUSE)
				return 0;
			if (c == CUE_SCHED && !after_det && lower)
				return NORM_TENSE_SCHED; /* "Monday, they meet" */
			after_det = c == CUE_DET;
			if (c == CUE_SCHED || c == CUE_DET)
				c = 0;
			if (c > 0 && !after_aux &&
			    tw_past_by_suffix(n, f, buf, len))
				return -1;
			if (c == CUE_ED && !after_aux)
				return -1;
			/* "In March, the company said, it will ...": the
			** saying is an aside, not the date's verb */
			if (c < 0 && bend < hi && t[bend] == ',' &&
			    tw_num(n, row) == TW_REPORT)
				*aside = true;
			if (c != CUE_ED && c != 0)
				return c > 0 ? 1 : -1;
			after_aux = tw_in_table(n, f, n->t_passive,
					     NORM_WF_PASSIVE, buf, len, h);
		}
		memcpy(buf, nb, nlen < sizeof(nb) ? nlen : 0);
		len = nlen;
		lower = nlower;
		bend = nend;
	}
	return 0;
}

/*
** After a schedule verb before the match: does a verb of the clause
** follow the match before a comma ("Housing starts in September rose
** 5%": "starts" is a noun)? A past cue or an -ed word within 8 words.
*/
bool norm_verb_follows(const struct norm_match *m)
{
	const struct fc_norm *n = m->n;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	const char *t = m->text;
	uint32_t i = m->end, hi = m->stretch_end;
	char buf[32];
	bool lower = false;
	for (int words = 0; words < 8; words++) {
		uint32_t k = i;
		while (k < hi && !tw_is_word_byte(t[k]) && t[k] != ',')
			k++;
		if (k < hi && t[k] == ',')
			return false;
		size_t len = tw_next_word(t, &i, hi, buf, sizeof(buf), &lower);
		if (!len || len >= sizeof(buf))
			return false;
		uint32_t h = norm_word_hash(buf, len);
		int32_t row = tw_row(n, f, buf, len, h);
		int c = tw_cue(n, f, buf, len, row, h);
		if (c == CUE_CLAUSE)
			return false;
		if (c == -1 || c == CUE_ED)
			return true;
	}
	return false;
}

/*
** Is the match a possessive whose noun, within two words after the 's,
** names an event that has happened (tense_word 15: "Wednesday's
** ruling", "Sunday's deadly attack")?
*/
bool norm_done_event_after(const struct norm_match *m)
{
	const struct fc_norm *n = m->n;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	const char *t = m->text;
	uint32_t i = m->end, hi = m->stretch_end;
	if (i + 1 < hi && t[i] == '\'' && (t[i + 1] | 0x20) == 's')
		i += 2;
	else if (i + 3 < hi && !memcmp(t + i, "\xe2\x80\x99", 3) &&
		 (t[i + 3] | 0x20) == 's')
		i += 4;
	else
		return false;
	char buf[32];
	bool lower = false;
	for (int words = 0; words < 2; words++) {
		uint32_t k = i;
		while (k < hi && t[k] == ' ')
			k++;
		if (k == i || k >= hi || !(t[k] >= 'a' && t[k] <= 'z'))
			return false; /* "Sunday's Mr Smith", "Monday's." */
		size_t len = tw_next_word(t, &i, hi, buf, sizeof(buf), &lower);
		if (!len || len >= sizeof(buf))
			return false;
		uint32_t h = norm_word_hash(buf, len);
		if (tw_num(n, tw_row(n, f, buf, len, h)) == TW_DONE)
			return true;
	}
	return false;
}

/*
** Is the match right after "until" or "till" (tense_word 9) whose end a
** word of tense_word 10 sets within its clause, with no comma between
** ("extended its deadline for accepting tendered shares until November
** 26": the -ed adjectives between are no verbs of the date)? tense_back
** sees such a word only within four words.
*/
bool norm_until_extended(const struct norm_match *m)
{
	const struct fc_norm *n = m->n;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	const char *t = m->text;
	uint32_t i = m->start, lo = m->stretch_start;
	for (int words = 0; words < 12; words++) {
		while (i > lo && (t[i - 1] == ' ' || t[i - 1] == '\n'))
			i--;
		uint32_t e = i;
		while (i > lo && ((t[i - 1] | 0x20) >= 'a' &&
				  (t[i - 1] | 0x20) <= 'z'))
			i--;
		if (e == i || e - i >= 32 || (i > lo && t[i - 1] != ' ' &&
						t[i - 1] != '\n'))
			return false; /* a comma, quote or the clause's end */
		char buf[32];
		uint32_t h = tw_lower_hash(t + i, e - i, buf);
		double tw = tw_num(n, tw_row(n, f, buf,
							     e - i, h));
		if (words == 0 && tw != TW_UNTIL)
			return false;
		if (tw == TW_EXTEND)
			return true;
	}
	return false;
}

/*
** Are the word w (hash h) and the word after it at i a pair of table
** tense_pair that is no cue ("March 31 drew closer": the date was
** ahead then, whatever it is now)?
*/
static bool no_cue_pair(const struct norm_match *m, const char *w,
			size_t len, uint32_t h, uint32_t i)
{
	const struct fc_norm *n = m->n;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	char nb[32], pair[64];
	bool lower = false;
	if (n->t_tense_pair < 0)
		return false;
	size_t nlen = tw_next_word(m->text, &i, m->stretch_end, nb,
				   sizeof(nb), &lower);
	if (!nlen || nlen >= sizeof(nb) || len + 1 + nlen > sizeof(pair))
		return false;
	size_t plen = len + 1 + nlen;
	if (!norm_wf_may(f, NORM_WF_TENSE_PAIR,
			 norm_pair_hash(h, norm_word_hash(nb, nlen)), plen))
		return false;
	for (size_t k = 0; k < len; k++)
		pair[k] = (char)(w[k] | 0x20);
	pair[len] = ' ';
	memcpy(pair + len + 1, nb, nlen);
	int32_t k = norm_hash_get(&n->lookup, n->t_tense_pair, pair, plen);
	return k >= 0 && n->tables[n->t_tense_pair].nums[k] == 0;
}

/*
** The verb right after the match, with nothing but blanks between: -2 a
** verb of saying (tense_word -2: "Endotronics ... on Monday said", "the
** ministry on Friday announced"), -1 another past verb of table past
** ("the deal on Monday was"), 0 anything else. The subject comes before
** the date, so the verb is the date's own.
*/
int norm_past_verb_after(const struct norm_match *m)
{
	const struct fc_norm *n = m->n;
	const char *t = m->text;
	uint32_t i = m->end, hi = m->stretch_end;
	if (i >= hi || (t[i] != ' ' && t[i] != '\n'))
		return 0;
	while (i < hi && (t[i] == ' ' || t[i] == '\n'))
		i++;
	if (i >= hi || !(t[i] >= 'a' && t[i] <= 'z'))
		return 0;
	uint32_t b = i;
	while (i < hi && t[i] >= 'a' && t[i] <= 'z')
		i++;
	size_t len = i - b;
	if (len >= 32 || (i < hi && tw_is_word_byte(t[i])))
		return 0;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	uint32_t h = norm_word_hash(t + b, len);
	int32_t row = tw_row(n, f, t + b, len, h);
	if (tw_num(n, row) == TW_REPORT)
		return -2;
	if (row < 0 &&
	    tw_in_table(n, f, n->t_past, NORM_WF_PAST, t + b, len, h))
		return no_cue_pair(m, t + b, len, h, i) ? 0 : -1;
	return 0;
}
