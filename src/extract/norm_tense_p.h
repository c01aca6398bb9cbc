/*
** norm_tense_p.h: the words of the tense cues (norm_tense_words.c), read
** by the tense of a match (norm_tense.c): table lookups, word forms, the
** values of tables tense_word and tense_pair.
*/
#ifndef FACTCROSS_NORM_TENSE_P_H
#define FACTCROSS_NORM_TENSE_P_H

#include "extract/norm_p.h"

/* tw_cue's values beyond +1 and -1 */
enum { CUE_ED = 2, CUE_CLAUSE = 3, CUE_SCHED = 4, CUE_DET = 5 };

/* tense_word 5: a preposition that makes the date after it an adjunct
** of the clause's own verb ("changed ... in December", "was founded on
** March 3"); 6: another word that follows a verb ("from", "up"): an
** -ed word before 4, 5 or 6 is a verb, before a noun an adjective
** ("preferred shares"); 7: the infinitive marker ("to"), after which a
** schedule verb is no verb of its own, as after 4; 8: a past verb whose
** infinitive points ahead ("agreed to meet on Tuesday", "urged Congress
** to act by Friday": the date after the infinitive is ahead; without
** one a past verb); -2: a verb of saying, whose clause may tell of a
** later event ("said the sale closes in January"); -3: a word after which
** the date is past ("since"); 9: "until", the end of a wait; 10: a
** verb that sets such an end ahead ("gave ... until Friday", "extended
** the strike until Monday"); 11: the present of "be", a plan before a
** verb in -ing ("is traveling on Tuesday"); 12: "after", which keeps
** that reading off ("is recovering after surgery on Monday"); 13: a
** participle with no mark of one ("to be broadcast Monday"); 14: a
** verb's base form, which makes "due to" before it a plan ("due to
** arrive Monday"; not "due to fog on Monday"); 15: a noun of an event
** that has happened ("Wednesday's ruling", "Tuesday's attack"); 16: a
** measure before "ahead of", which makes it a comparison ("well ahead of
** Friday's close"); 17: a present verb of forecast, ahead only through
** an infinitive ("we expect it to come through by July"; not "expects
** excellent results in the second quarter ended February 28", where
** it is no cue); 18: a word joining two verbs ("and", "or"), no cue of
** its own; 19: a modal ("may", "might", "could", "must"), ahead in
** lower case ("might not be ready by Monday"; not "Theresa May on
** Monday") unless a perfect follows ("may have died on Monday"); 20:
** "have", which makes the modal before it and a participle after it
** a perfect; 21: a modal that is a past form too ("could"), as 19
** unless negated, a past inability ("could not be reached Wednesday",
** "neither he nor she could be located Wednesday"); 22: a negation
** ("not", "no", "nor"), no cue of its own */
enum { TW_EXPECT = 17, TW_COORD = 18, TW_MODAL = 19, TW_HAVE = 20,
       TW_PAST_MODAL = 21, TW_NEG = 22 };
enum { TW_ADJUNCT = 5, TW_AFTER_VERB = 6, TW_INFINITIVE = 7, TW_FORWARD = 8,
       TW_UNTIL = 9, TW_EXTEND = 10, TW_BE = 11, TW_AFTER = 12,
       TW_PARTICIPLE = 13, TW_BASE_VERB = 14, TW_DONE = 15, TW_MEASURE = 16,
       TW_REPORT = -2, TW_SINCE = -3 };

/* tense_pair 2: a past verb and the infinitive marker ("told to"):
** ahead for a date after it, the past verb's for a date before it; 3:
** a plan before an infinitive ("due to open Saturday"), no cue before
** anything else ("due to the rain"); 4: a plan before a participle ("to
** be held on Thursday"), no cue before anything else ("believed to be
** an aftershock"); 5: ahead with no comma between ("ahead of Sunday's
** vote"), no cue across one; -3: a past verb and its object whose adjunct
** the date is ("took effect on Jan. 1") */
enum { TP_FORWARD = 2, TP_INF_PLAN = 3, TP_BE_PLAN = 4, TP_AHEAD = 5,
       TP_GOVERNED = -3 };

/* ---- small lookups, inline in the loops over words ---- */

/* Is the normalised word w (hash h) a key of table t (facts table wt)? */
static inline bool tw_in_table(const struct fc_norm *n,
			       const struct norm_wordfacts *f, int t, int wt,
			       const char *w, size_t len, uint32_t h)
{
	return t >= 0 && norm_wf_may(f, wt, h, len) &&
	       norm_hash_get(&n->lookup, t, w, len) >= 0;
}

static inline bool tw_is_word_byte(char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '\'';
}

/* w's row in table tense_word, or -1. */
static inline int32_t tw_row(const struct fc_norm *n,
			     const struct norm_wordfacts *f, const char *w,
			     size_t len, uint32_t h)
{
	return n->t_tense_word >= 0 &&
			       norm_wf_may(f, NORM_WF_TENSE_WORD, h, len)
		       ? norm_hash_get(&n->lookup, n->t_tense_word, w, len)
		       : -1;
}

/* The tense_word value of row k, 0 for none. */
static inline double tw_num(const struct fc_norm *n, int32_t k)
{
	return k >= 0 ? n->tables[n->t_tense_word].nums[k] : 0;
}

/* s[0, len) lower-cased into out (as norm_key does a word without
** blanks); returns its norm_word_hash. One pass for both. */
static inline uint32_t tw_lower_hash(const char *s, size_t len, char *out)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned char)s[i];
		c |= (unsigned)(c - 'A' < 26u) << 5;
		out[i] = (char)c;
		h = (h ^ c) * 16777619u;
	}
	return h;
}

/* ---- the tense of recent matches (kept by norm_anchor.c) ---- */

/*
** A date is often read more than once: two patterns match the same
** words, a value is tried for the past and the future occurrence, a
** range reads both ends. Its tense depends on the match's span, its
** stretch, the text and two facts of the pattern (a `future` slot, a
** weekday), so the last few are kept under all of these.
*/
enum { NORM_TENSE_MEMO = 8 };
struct norm_tense_key {
	const struct fc_norm *n;
	const char *text;
	uint32_t start, end, lo, hi;
	bool is_future_slot, is_weekday;
};
struct norm_tense_memo {
	struct norm_tense_key key[NORM_TENSE_MEMO];
	int tense[NORM_TENSE_MEMO];
	bool sched_ahead[NORM_TENSE_MEMO];
	bool is_used[NORM_TENSE_MEMO];
	unsigned next; /* the entry to replace */
};

/* The memo of m's scan (cleared for each document by
** norm_lookback_forget), or NULL outside a scan. */
struct norm_tense_memo *norm_lookback_tense_memo(const struct norm_match *m);

/*
** The facts of the words tense_back reads ("said", "on", "will"), by
** their lower-cased text: the same few words come before most dates.
** A fact depends on the word and the rules only, so an entry stays
** good for the look-back's life (one rules object); -1: not looked up
** yet. Direct-mapped on the word's hash.
*/
enum { NORM_TW_CACHE = 512, TW_CUE_UNSET = 127 };
struct norm_tw_ent {
	uint32_t h;     /* norm_word_hash of w */
	uint8_t len;    /* 0: empty */
	int8_t is_passive, is_participle, cue;
	int32_t row;    /* tw_row */
	char w[31];
};
/* The cache of m's scan, or NULL outside a scan. */
struct norm_tw_ent *norm_lookback_tw_cache(const struct norm_match *m);

/* ---- norm_tense_words.c ---- */

/* Is the lower-case word w a past form by its ending (-ed)? */
bool tw_past_by_suffix(const struct fc_norm *n,
		       const struct norm_wordfacts *f, const char *w,
		       size_t len);
/* Is "w next" a tense_pair key ("previously planned")? */
bool tw_is_pair(const struct fc_norm *n, const struct norm_wordfacts *f,
		const char *w, size_t len, uint32_t h, const char *next,
		size_t nlen, uint32_t nh);
/* Is the lower-case word w a participle ("held", "named", "given")? */
bool tw_is_participle(const struct fc_norm *n,
		      const struct norm_wordfacts *f, const char *w,
		      size_t len, uint32_t h);
/* Is the lower-case word w an adverb in -ly ("widely", "formally")? */
bool tw_is_adverb(const char *w, size_t len);
/* One word as a tense cue: +1, -1, a CUE_* value or 0. */
int tw_cue(const struct fc_norm *n, const struct norm_wordfacts *f,
	   const char *w, size_t len, int32_t k, uint32_t h);
/* Does the '.' at t[k] end a sentence? */
bool tw_is_full_stop(const char *t, uint32_t k, uint32_t lo, uint32_t hi);
/* The next word of t[*i, hi), lower-cased into buf; 0 at a clause end. */
size_t tw_next_word(const char *t, uint32_t *i, uint32_t hi, char *buf,
		    size_t cap, bool *is_lower);

/* ---- norm_tense_after.c: the clause after the match ---- */

/* The tense of the clause after the match, when nothing before it
** decides ("On Tuesday, the league plans to ..."): the first cue within
** 12 words, +1 future, -1 past, NORM_TENSE_SCHED a schedule verb not
** after a determiner, 0 none; *aside: the cue is in a clause set off. */
int norm_tense_ahead(const struct norm_match *m, bool *aside);
/* After a schedule verb before the match: does a verb of the clause
** follow it before a comma ("Housing starts in September rose")? */
bool norm_verb_follows(const struct norm_match *m);
/* Is the match a possessive whose noun names an event that has
** happened ("Wednesday's ruling")? */
bool norm_done_event_after(const struct norm_match *m);
/* Is the match right after "until" whose end a word of its clause sets
** ("extended its deadline ... until November 26")? */
bool norm_until_extended(const struct norm_match *m);
/* The verb right after the match: -2 a verb of saying, -1 another past
** verb of table past, 0 anything else. */
int norm_past_verb_after(const struct norm_match *m);

#endif
