/*
** norm_tense.c: which occurrence a date without a year or a bare weekday
** means. The clause before the match is read backwards for tense cues
** (tables future, past, tense_word, tense_pair, past_suffix, passive);
** without one the reading option decides (options: prefer).
*/
#include <string.h>

#include "extract/norm_tense_p.h"

/* norm_tense: a past verb whose own adjunct the date is (below 0 like
** every past cue) */
enum { GOVERNED = -3 };
/* norm_tense: a cue of the event named by the date itself ("ahead of
** Sunday's vote"), not of a verb's tense (1 is one) */
enum { EVENT_AHEAD = 3 };

/*
** A date without a year, past or future occurrence (past days back,
** future days ahead): a tense cue before the match decides; without
** one, the news reading takes the past one unless the future one is
** less than half as far (options: prefer future / nearest change that).
*/
static int tense_of(const struct norm_match *m, bool *sched_ahead);

bool norm_prefer_past(const struct norm_match *m, long past, long future)
{
	/* the date is the reference's own: every reading below takes the
	** past one, so the tense need not be read */
	if (past == 0 && future >= 0)
		return true;
	bool sched_ahead = false;
	int t = tense_of(m, &sched_ahead);
	if (t == NORM_TENSE_SCHED && sched_ahead)
		t = 0; /* "June 3, books close": not the date's verb */
	if (t > 0) /* "the contract expires in December": the coming one */
		return past == 0;
	if (t == GOVERNED)
		/* "changed ... in December": the past one, unless the next
		** is at hand and the last far ("spoke on January 17" a day
		** before: a slip of the reference, not a year back) */
		return past <= 30 * future;
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

/* The entry of word w (lower-cased, hash h) in cache (made on a miss),
** or *local when there is no cache. */
static struct norm_tw_ent *tw_ent(const struct fc_norm *n,
				  const struct norm_wordfacts *f,
				  struct norm_tw_ent *cache,
				  struct norm_tw_ent *local, const char *w,
				  size_t len, uint32_t h)
{
	struct norm_tw_ent *e = cache ? &cache[h % NORM_TW_CACHE] : local;
	if (cache && e->len == len && e->h == h && !memcmp(e->w, w, len))
		return e;
	e->h = h;
	e->len = (uint8_t)len;
	memcpy(e->w, w, len);
	e->is_passive = e->is_participle = -1;
	e->cue = TW_CUE_UNSET;
	e->row = tw_row(n, f, w, len, h);
	return e;
}

static bool ent_passive(const struct fc_norm *n,
			const struct norm_wordfacts *f, struct norm_tw_ent *e)
{
	if (e->is_passive < 0)
		e->is_passive = tw_in_table(n, f, n->t_passive,
					    NORM_WF_PASSIVE, e->w, e->len,
					    e->h);
	return e->is_passive;
}

static bool ent_participle(const struct fc_norm *n,
			   const struct norm_wordfacts *f,
			   struct norm_tw_ent *e)
{
	if (e->is_participle < 0)
		e->is_participle = tw_is_participle(n, f, e->w, e->len, e->h);
	return e->is_participle;
}

static int ent_cue(const struct fc_norm *n, const struct norm_wordfacts *f,
		   struct norm_tw_ent *e)
{
	if (e->cue == TW_CUE_UNSET)
		e->cue = (int8_t)tw_cue(n, f, e->w, e->len, e->row, e->h);
	return e->cue;
}


/* A past verb joined by "and" or "or" to what is before it
** (tense_back_scan): its tense, and whether the verb before "and" is
** a participle too, so that the two share an auxiliary ("will be
** mailed ... and tallied"); after a verb in another form ("will cut
** 500 jobs and said on Tuesday") the past verb is a finite one. */
struct coord {
	int tense;
	bool shared;
	uint32_t at; /* where "and" starts */
};

/* What a step of tense_back_scan tells the loop, besides a tense */
enum { SCAN_NEXT = 100, /* on to the word before */
       SCAN_ON = 101, /* on to the next step on this word */
       SCAN_STOP = 102 /* no word left: the reading so far decides */ };

/* The reading of tense_back_scan, word by word from the match back
** (borrows the match, *fronted and *coord) */
struct back_scan {
	const struct norm_match *m;
	const struct fc_norm *n;
	const struct norm_wordfacts *f;
	struct norm_tw_ent *cache, local;
	const char *t;
	uint32_t i, lo;
	bool *fronted;
	struct coord *coord;
	bool pending_ed; /* an -ed word whose auxiliary is unseen */
	bool ed_adjacent; /* ... right before the match */
	bool pending_sched; /* a schedule verb, unsure it is one */
	bool pending_plan; /* "scheduled": unless "had" came first */
	bool plan_adj; /* ... before a noun ("planned tariffs") */
	char pair[64]; /* "word next": the word and the one after it */
	size_t nextlen;
	uint32_t next_h; /* norm_word_hash of the word after this one */
	bool adjunct; /* "in", "on" right before the match */
	bool inf; /* an infinitive "to" between: "agreed to buy" */
	bool comma; /* a comma between the match and this word */
	bool inf_near; /* ... an infinitive with no comma after it */
	/* "vowed to press on despite Sunday's defeat", "invited to play
	** after the September 11 attacks": a possessive date, or one
	** between a determiner and a noun, is its noun's, not the
	** infinitive's (nominal: the second, once the determiner is seen) */
	bool possessive;
	bool noun_after;
	bool ed_governs; /* the past verb's own adjunct */
	double next_row_tw; /* tense_word of the word after this one */
	bool next_lower; /* ... and whether it is in lower case */
	int words;
	bool until_near; /* "until" right before the match */
	bool after_seen; /* "after" between: no plan in -ing */
	bool to_near; /* a "to" with no comma after it */
	bool ing_prev; /* the word after this one is a verb in -ing */
	bool inf_prev; /* ... is "to" before a verb ("due to open") */
	bool verb_prev; /* ... is a verb ("open", "be", "arrive") */
	bool part_prev, part_prev2; /* ... a participle; the word two
	** after this one is ("to be held") */
	bool brk_held; /* a skipped adverb's gap had a break */
	bool pending_ahead; /* "ahead of": unless "well ahead of" */
	bool neg_after; /* a negation with no comma after it ("not") */
	/* the word read now */
	bool gap_digit; /* "to 5% in March": no infinitive */
	/* a comma, quote mark or bracket between this word and the one
	** after it: "...should be,\" said X": no auxiliary */
	bool brk;
	char buf[32];
	size_t len; /* letters and apostrophes: no blanks */
	uint32_t h;
	struct norm_tw_ent *we;
	int32_t row;
	double tw;
	bool is_coord; /* "and", "or": a word like any other but for
	** joining verbs */
	bool is_lower;
	/* the word after it, as the step before saw it */
	bool ing_after, inf_after, verb_after, part_after2;
	double next_tw;
	double next2_tw; /* the word after that one's ("may not have") */
	bool next_is_lower;
};

static void scan_init(struct back_scan *s, const struct norm_match *m,
		      bool *fronted, struct coord *coord)
{
	memset(s, 0, sizeof(*s));
	s->m = m;
	s->n = m->n;
	s->f = norm_wordfacts(m->n);
	s->cache = norm_lookback_tw_cache(m);
	s->t = m->text;
	s->i = m->start;
	s->lo = m->stretch_start;
	s->fronted = fronted;
	s->coord = coord;
	const char *t = m->text;
	uint32_t pe = m->end;
	s->possessive = pe + 1 < m->stretch_end &&
			((t[pe] == '\'' && (t[pe + 1] | 0x20) == 's') ||
			 (pe + 3 < m->stretch_end &&
			  !memcmp(t + pe, "\xe2\x80\x99", 3) &&
			  (t[pe + 3] | 0x20) == 's'));
	s->noun_after = pe + 1 < m->stretch_end && t[pe] == ' ' &&
			t[pe + 1] >= 'a' && t[pe + 1] <= 'z';
	/* a past verb joined by "and" or "or" to what is before it: that
	** one's auxiliary may be its own ("will be mailed next week and
	** tallied on Jan. 23"), so the reading goes on (*coord) */
	*fronted = false;
}

/* The tense of a pending past verb: right before the match, its own
** adjunct, or any */
static int ed_tense(const struct back_scan *s)
{
	return s->ed_adjacent ? -2 : s->ed_governs ? GOVERNED : -1;
}

/* The reading when the clause ends at a stop before this word */
static int clause_end(struct back_scan *s)
{
	*s->fronted = s->words == 1 && s->adjunct;
	return s->pending_ahead   ? EVENT_AHEAD
	       : s->pending_ed    ? ed_tense(s)
	       : s->pending_sched ? NORM_TENSE_SCHED
	       : s->pending_plan  ? 1
				  : 0;
}

/* The blanks and marks before the word: SCAN_ON, or the tense when the
** clause ends there */
static int scan_gap(struct back_scan *s)
{
	const char *t = s->t;
	s->gap_digit = false;
	s->brk = s->brk_held;
	s->brk_held = false;
	while (s->i > s->lo && !((t[s->i - 1] | 0x20) >= 'a' &&
				 (t[s->i - 1] | 0x20) <= 'z') &&
	       t[s->i - 1] != '\'') {
		uint32_t i = s->i;
		s->brk |= t[i - 1] == ',' || t[i - 1] == '"' ||
			  t[i - 1] == '(' || t[i - 1] == ')' ||
			  (unsigned char)t[i - 1] >= 0x80;
		if (t[i - 1] == ';' || t[i - 1] == ':' || t[i - 1] == '!' ||
		    t[i - 1] == '?' ||
		    (t[i - 1] == '.' && i - 1 > s->lo && t[i - 2] != '.' &&
		     i < s->m->start && t[i] == ' '))
			return clause_end(s);
		s->gap_digit |= t[i - 1] >= '0' && t[i - 1] <= '9';
		s->comma |= t[i - 1] == ',';
		s->i--;
	}
	return SCAN_ON;
}

/* The word before the gap, lower-cased, and its facts: SCAN_ON, or
** SCAN_STOP when there is none, SCAN_NEXT when it is too long */
static int scan_read(struct back_scan *s)
{
	const char *t = s->t;
	uint32_t e = s->i;
	while (s->i > s->lo && (((t[s->i - 1] | 0x20) >= 'a' &&
				 (t[s->i - 1] | 0x20) <= 'z') ||
				t[s->i - 1] == '\''))
		s->i--;
	if (e == s->i)
		return SCAN_STOP;
	s->words++;
	s->len = e - s->i;
	if (s->len >= sizeof(s->buf)) {
		s->nextlen = 0;
		return SCAN_NEXT;
	}
	s->h = tw_lower_hash(t + s->i, s->len, s->buf);
	s->we = tw_ent(s->n, s->f, s->cache, &s->local, s->buf, s->len,
		       s->h);
	s->row = s->we->row;
	s->tw = tw_num(s->n, s->row);
	s->is_coord = s->tw == TW_COORD;
	if (s->is_coord)
		s->tw = 0;
	s->is_lower = t[s->i] >= 'a' && t[s->i] <= 'z';
	return SCAN_ON;
}

/* An adverb between an auxiliary and its verb ("had been widely
** expected", "will be formally named"): skipped */
static bool skip_adverb(struct back_scan *s)
{
	if ((s->pending_ed || s->pending_plan || s->ing_prev) &&
	    s->row < 0 && s->is_lower && tw_is_adverb(s->buf, s->len) &&
	    !tw_is_pair(s->n, s->f, s->buf, s->len, s->h, s->pair,
			s->nextlen, s->next_h)) {
		s->brk_held = s->brk;
		return true;
	}
	return false;
}

/* What the word is, for the word before it: a verb in -ing, a verb, a
** participle; and the cues it sets for the words before */
static void note_word(struct back_scan *s)
{
	s->ing_after = s->ing_prev;
	s->inf_after = s->inf_prev;
	s->ing_prev = s->is_lower && s->row < 0 && s->len >= 5 &&
		      !memcmp(s->buf + s->len - 3, "ing", 3);
	s->inf_prev = false;
	s->verb_after = s->verb_prev;
	s->verb_prev = s->tw == 3 || s->tw == TW_BASE_VERB ||
		       (s->row < 0 && ent_passive(s->n, s->f, s->we));
	s->part_after2 = s->part_prev2;
	s->part_prev2 = s->part_prev;
	s->part_prev = s->is_lower &&
		       (s->ing_prev || s->tw == TW_PARTICIPLE ||
			s->tw == TW_EXTEND ||
			ent_participle(s->n, s->f, s->we));
	if (s->tw == TW_UNTIL && s->words <= 4 && !s->comma)
		s->until_near = true;
	if (s->tw == TW_AFTER && !s->comma)
		s->after_seen = true;
	if (s->tw == TW_INFINITIVE && !s->comma)
		s->to_near = true;
	if (s->tw == TW_NEG && !s->comma)
		s->neg_after = true;
	if (s->words == 1) {
		s->adjunct = s->tw == TW_ADJUNCT;
		s->possessive |= s->noun_after && s->tw == 4;
	}
}

/* The word after this one: "to" right before a word in lower case that
** is no determiner or preposition ("to buy", "to meet") is an
** infinitive; not "to a calendar year", "to Moscow", "to 5%" */
static void note_infinitive(struct back_scan *s)
{
	s->next2_tw = s->next_tw;
	s->next_tw = s->nextlen ? s->next_row_tw : 0;
	s->next_is_lower = s->next_lower;
	s->next_row_tw = s->tw;
	s->next_lower = s->t[s->i] >= 'a' && s->t[s->i] <= 'z';
	double next_tw = s->next_tw;
	if (s->tw == TW_INFINITIVE && s->nextlen &&
	    (next_tw == 0 || next_tw == 3 || next_tw == TW_EXTEND ||
	     next_tw == TW_PARTICIPLE || next_tw == TW_BASE_VERB) &&
	    s->next_is_lower && !s->gap_digit) {
		s->inf = true;
		s->inf_prev = s->verb_after; /* not "due to fog" */
		/* "voted to protect Saudi Arabia, with troops arriving
		** Tuesday": the infinitive ends there */
		s->inf_near |= !s->comma;
	}
}

/* The row of "word next" in tense_pair, or -1; the word becomes the
** next one for the word before */
static int32_t pair_row(struct back_scan *s)
{
	const struct fc_norm *n = s->n;
	int32_t k = -1;
	if (s->nextlen && n->t_tense_pair >= 0) {
		/* the pair is written out only when it may be a key */
		size_t plen = s->len + 1 + s->nextlen;
		if (norm_wf_may(s->f, NORM_WF_TENSE_PAIR,
				norm_pair_hash(s->h, s->next_h), plen)) {
			memmove(s->pair + s->len + 1, s->pair, s->nextlen);
			memcpy(s->pair, s->buf, s->len);
			s->pair[s->len] = ' ';
			k = norm_hash_get(&n->lookup, n->t_tense_pair, s->pair,
					  plen);
		}
	}
	memcpy(s->pair, s->buf, s->len);
	s->nextlen = s->len;
	s->next_h = s->h;
	return k;
}

/* Two-word cues first: "as soon as", "due to" (no cue): SCAN_ON when
** the word and the one after it are none */
static int scan_pair(struct back_scan *s)
{
	int32_t k = pair_row(s);
	if (k < 0)
		return SCAN_ON;
	double c = s->n->tables[s->n->t_tense_pair].nums[k];
	if (c == TP_FORWARD &&
	    (s->comma || s->pending_ed || s->possessive)) {
		/* "told to leave, and on Friday": the verb's */
		s->pending_ed = true;
		s->ed_adjacent = s->ed_governs = false;
		return SCAN_NEXT;
	}
	if ((c == TP_INF_PLAN && s->inf_after) ||
	    (c == TP_BE_PLAN && s->part_after2)) {
		/* "due to open Saturday", "to be held on Thursday": a
		** plan, unless the word before says it was one ("had been
		** due to end") */
		s->pending_ed = s->pending_sched = false;
		s->pending_plan = true;
		return SCAN_NEXT;
	}
	if (c == TP_AHEAD && !s->comma && !s->pending_ed) {
		s->pending_ahead = true; /* the word before decides */
		return SCAN_NEXT;
	}
	if (c > 0 && c != TP_INF_PLAN && c != TP_BE_PLAN && c != TP_AHEAD &&
	    !s->pending_ed)
		return 1;
	if (c <= TP_GOVERNED)
		return GOVERNED; /* "took effect on Jan. 1" */
	if (c < 0)
		return -1;
	/* "been scheduled": look further; "Qtr ends Jan 31", "the year
	** ends": a period's end, no schedule */
	s->pending_ed = s->pending_sched = false;
	return SCAN_NEXT;
}

/* One-word cues that say ahead or back whatever comes before them:
** the tense, or SCAN_ON */
static int scan_sure(const struct back_scan *s)
{
	double tw = s->tw;
	if (s->pending_plan)
		return 1;
	/* "since January 2", "since the February 22 accord": before the
	** reference (its own phrase only: not "since March 2, and is due
	** to restart early April") */
	if (tw == TW_SINCE && !s->pending_ed && s->words <= 5 && !s->comma)
		return -2;
	/* "agreed to meet on Tuesday": the infinitive's time */
	if (tw == TW_FORWARD && s->inf_near && !s->possessive &&
	    !s->pending_ed)
		return 1;
	/* "we expect it to come through by July": any "to" with no comma
	** between ("come" is no sure verb: "come close") */
	if (tw == TW_EXPECT && (s->inf_near || s->to_near) &&
	    !s->possessive && !s->pending_ed)
		return 1;
	/* "gave the government until Friday to", "extended the strike
	** until Monday": a coming deadline */
	if (tw == TW_EXTEND && s->until_near && !s->comma && !s->possessive)
		return 1;
	/* "the envoy is traveling to Somalia on Tuesday": a plan; a
	** weekday is within a week either way, so anywhere in its clause
	** ("is pushing for a Security Council vote imposing sanctions on
	** Iran on Thursday"); a date farther only in its own phrase (not
	** "is changing its fiscal year-end from the previous fiscal year
	** ending June 30") */
	if (tw == TW_BE && s->ing_after && !s->brk && !s->after_seen &&
	    !s->possessive && !s->pending_ed &&
	    (s->words <= 8 || s->m->p->prod == P_WEEKDAY))
		return 1;
	return SCAN_ON;
}

/* The word before a pending past verb: "and" joins it to another
** (*coord), "be" makes it a passive ("be named": look further), any
** other word makes it a finite past verb */
static int scan_after_ed(struct back_scan *s)
{
	if (!s->brk && s->is_coord) {
		s->coord->tense = ed_tense(s);
		s->coord->at = s->i;
		s->pending_ed = false;
		return SCAN_NEXT;
	}
	if (s->brk || !ent_passive(s->n, s->f, s->we))
		return ed_tense(s);
	s->pending_ed = false;
	return SCAN_NEXT;
}

/* A past verb ("changed", "held"): the auxiliary before decides ("will
** be held"); a past verb right before the date is its own */
static void note_past_verb(struct back_scan *s, int c)
{
	s->pending_ed = true;
	s->ed_adjacent = s->words == 1;
	s->coord->shared |= s->coord->tense != 0;
	/* "changed ... in December": the verb's own time, so the past
	** one; not through an infinitive ("agreed to buy ... in
	** February") nor a verb of saying farther than "said in January" */
	double next_tw = s->next_tw;
	s->ed_governs = s->adjunct && !s->inf &&
			(s->tw != TW_REPORT || s->words <= 2) &&
			(s->words == 2 || (next_tw >= 4 && next_tw <= 8) ||
			 /* "took power in March", "held talks on May 3": an
			 ** irregular past verb and its object (-ed words
			 ** before a noun are adjectives as often) */
			 (c == -1 && s->tw == 0 && s->words == 3 &&
			  s->next_is_lower && next_tw == 0 && !s->ing_after));
}

/* A negation (tense_word TW_NEG) among the 6 words before the word
** read now, in its clause ("neither he nor his wife could")? */
static bool neg_before(const struct back_scan *s)
{
	const char *t = s->t;
	uint32_t i = s->i;
	for (int words = 0; words < 6; words++) {
		while (i > s->lo && !tw_is_word_byte(t[i - 1])) {
			if (strchr(",;:!?.\"", t[i - 1]))
				return false;
			i--;
		}
		uint32_t e = i;
		while (i > s->lo && tw_is_word_byte(t[i - 1]))
			i--;
		char buf[32];
		if (e == i || e - i >= sizeof(buf))
			return false;
		uint32_t h = tw_lower_hash(t + i, e - i, buf);
		if (tw_num(s->n, tw_row(s->n, s->f, buf, e - i, h)) == TW_NEG)
			return true;
	}
	return false;
}

/* A modal in lower case ("might not be ready by Monday", "may
** reopen Friday"; relative.yaml gives "could" no code, as it is as
** often a past ability): ahead, unless "have" follows it, a perfect: back
** with a participle the scan knows ("may have died on Monday"), else
** no cue ("may have fled", "may not have known": irregular; "may have
** a chance": the words before decide). "May" in capitals is a
** month or a name, a modal across a comma another clause's ("had
** ruled that he must return, and set Friday as the deadline"), and a
** possessive date its noun's ("may be behind November's rise in
** sales"): no cue. The tense, or SCAN_ON. */
static int scan_modal(const struct back_scan *s)
{
	if ((s->tw != TW_MODAL && s->tw != TW_PAST_MODAL) || !s->is_lower ||
	    s->comma || s->possessive)
		return SCAN_ON;
	if (s->tw == TW_PAST_MODAL && (s->neg_after || neg_before(s)))
		return SCAN_ON; /* "could not be reached": look further */
	if (s->next_tw == TW_HAVE)
		return s->part_after2 ? -1 : SCAN_ON;
	if (s->next_tw == TW_NEG && s->next2_tw == TW_HAVE)
		return SCAN_ON;
	return 1;
}

/* The word's own cue (table tense_word, suffixes): the tense, or
** SCAN_NEXT */
static int scan_cue(struct back_scan *s)
{
	int c = ent_cue(s->n, s->f, s->we);
	if (s->pending_sched) {
		/* "they meet": a schedule; "the close", "to meet": none,
		** look further; "will meet", "remained open": the word
		** before is the verb; "been open": an adjective, look
		** further */
		if (c == 0 && ent_passive(s->n, s->f, s->we)) {
			s->pending_sched = false;
			return SCAN_NEXT;
		}
		if (c == 0 || c == CUE_CLAUSE)
			return NORM_TENSE_SCHED;
		s->pending_sched = false;
		if (c == CUE_DET)
			return SCAN_NEXT;
	}
	int r = scan_modal(s);
	if (r != SCAN_ON)
		return r;
	if (c == CUE_SCHED) {
		/* "Open" in a name is none, nor "close to" */
		s->pending_sched = s->t[s->i] >= 'a' && s->t[s->i] <= 'z' &&
				   s->next_tw != TW_INFINITIVE;
		return SCAN_NEXT;
	}
	if (c == CUE_DET)
		return SCAN_NEXT;
	if (c == CUE_CLAUSE) /* "countries, where the Aug. 7 ..." */
		return s->pending_ed ? ed_tense(s) : 0;
	if (c == CUE_ED || c == -1) {
		note_past_verb(s, c);
	} else if (c > 0) {
		/* "scheduled", "planned": a plan unless a pair says it was
		** one ("had been scheduled", "as previously planned":
		** tense_pair) */
		if (!tw_past_by_suffix(s->n, s->f, s->buf, s->len))
			return 1;
		s->pending_plan = true;
		s->plan_adj = s->words >= 2 && s->next_is_lower &&
			      s->next_tw == 0;
	}
	return SCAN_NEXT;
}

/* A plan word in -ed between a determiner and a noun ("announced the
** planned tariffs on March 27") is an adjective: no plan, the words
** before decide. True when it was one (the scan goes on). */
static bool plan_was_adjective(struct back_scan *s)
{
	if (!s->pending_plan || !s->plan_adj || s->tw != 4)
		return false;
	s->pending_plan = s->plan_adj = false;
	return true;
}

/* One word of tense_back_scan: the tense, or SCAN_NEXT / SCAN_STOP */
static int scan_word(struct back_scan *s)
{
	int r = scan_gap(s);
	if (r == SCAN_ON)
		r = scan_read(s);
	if (r != SCAN_ON)
		return r;
	if (skip_adverb(s))
		return SCAN_NEXT;
	if (s->pending_ahead) {
		/* "well ahead of Friday's close", "points ahead of": a
		** comparison; else the event is still to come */
		if (s->tw != TW_MEASURE)
			return EVENT_AHEAD;
		s->pending_ahead = false;
	}
	note_word(s);
	note_infinitive(s);
	r = scan_pair(s);
	if (r == SCAN_ON && plan_was_adjective(s))
		r = SCAN_NEXT;
	if (r == SCAN_ON)
		r = scan_sure(s);
	if (r != SCAN_ON)
		return r;
	if (s->pending_ed)
		return scan_after_ed(s);
	return scan_cue(s);
}

/*
** The tense of the clause before the match: +1 when the nearest cue is
** a future one (will, scheduled, next; tables future, tense_word,
** tense_pair), -1 when it is a past one (said, was, a verb in -ed not
** after "be"), -2 when that past verb is the word right before the
** match ("ended Jan. 31"), NORM_TENSE_SCHED when it is a schedule verb
** in the present tense ("they meet Monday", "polls close at 10 p.m.";
** not "the close", "to meet", "remained open", "will meet": the word
** before decides), 0 when none is found within 16 words of the clause.
*/
static int tense_back_scan(const struct norm_match *m, bool *fronted,
			   struct coord *coord)
{
	struct norm_val v;
	if (norm_slot(m, S_FUTURE, &v))
		return 1;
	if (m->n->t_future < 0)
		return 0;
	struct back_scan s;
	scan_init(&s, m, fronted, coord);
	/* a schedule verb last in the window: the word before decides */
	while (s.i > s.lo &&
	       (s.words < 16 ||
		((s.pending_sched || s.pending_plan) && s.words < 17))) {
		int r = scan_word(&s);
		if (r == SCAN_STOP)
			break;
		if (r != SCAN_NEXT)
			return r;
	}
	if (s.i <= s.lo)
		*fronted = s.words == 1 && s.adjunct;
	if (s.pending_ahead)
		return EVENT_AHEAD;
	if (s.pending_sched)
		return NORM_TENSE_SCHED;
	if (s.pending_plan)
		return 1;
	return s.pending_ed ? ed_tense(&s) : 0;
}

/* A letter of a word, or its apostrophe ("don't") */
static bool is_letter(char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '\'';
}

/* Does the clause before "and" at `at` end in a participle or a passive
** within 6 words ("will be mailed next week and", "will be taken and";
** not "will cut 500 jobs and")? The scan of tense_back_scan may stop
** at a cue ("next") before it reaches the participle. */
static bool participle_before(const struct norm_match *m, uint32_t at)
{
	const struct fc_norm *n = m->n;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	struct norm_tw_ent *cache = norm_lookback_tw_cache(m), local;
	const char *t = m->text;
	uint32_t i = at, lo = m->stretch_start;
	for (int words = 0; words < 6; words++) {
		while (i > lo && !is_letter(t[i - 1])) {
			char c = t[i - 1];
			if (c == ';' || c == ':' || c == '!' || c == '?' ||
			    (c == '.' && t[i] == ' '))
				return false;
			i--;
		}
		uint32_t e = i;
		while (i > lo && is_letter(t[i - 1]))
			i--;
		char buf[32];
		if (e == i || e - i >= sizeof(buf))
			return false;
		uint32_t h = tw_lower_hash(t + i, e - i, buf);
		struct norm_tw_ent *we =
			tw_ent(n, f, cache, &local, buf, e - i, h);
		int c = ent_cue(n, f, we);
		if (c == CUE_CLAUSE)
			return false;
		if (c == CUE_ED || c == -1 || ent_passive(n, f, we))
			return true;
	}
	return false;
}

static int past_strength(int t)
{
	return t == -2 ? 3 : t == GOVERNED ? 2 : t == -1 ? 1 : 0;
}

/*
** The tense of the clause before the match (tense_back_scan). A past
** verb joined by "and" to a participle before it ("will be mailed ...
** and tallied on Jan. 23"): that verb's tense when it is a future one
** or none; a past one keeps the stronger of the two ("was suspended
** ... and resigned on Feb. 17": the date is the second verb's own; a
** past verb right before the date is the strongest cue, then a past
** verb's own adjunct, then any past verb: norm_prefer_past). After a
** verb in another form ("will cut 500 jobs and said on Tuesday") it
** is a finite past verb: its own tense.
*/
static int tense_back(const struct norm_match *m, bool *fronted)
{
	struct coord c = {0, false, 0};
	int t = tense_back_scan(m, fronted, &c);
	if (c.tense != 0 && !c.shared)
		c.shared = participle_before(m, c.at);
	if (c.tense != 0 &&
	    (t == 0 || !c.shared ||
	     (t < 0 && past_strength(c.tense) > past_strength(t))))
		return c.tense;
	return t;
}

/*
** The tense around a match: the clause before it decides (tense_back);
** without a cue there, the clause after it (*sched_ahead: a schedule
** verb there). A schedule verb before it followed by a verb of the
** clause was a noun ("Housing starts in September rose"): past.
*/
static int tense_read(const struct norm_match *m, bool *sched_ahead);

static bool same_key(const struct norm_tense_key *a,
		     const struct norm_tense_key *b)
{
	return a->n == b->n && a->text == b->text && a->start == b->start &&
	       a->end == b->end && a->lo == b->lo && a->hi == b->hi &&
	       a->is_future_slot == b->is_future_slot &&
	       a->is_weekday == b->is_weekday;
}

/* tense_read, from the scan's memo when the same reading was made. */
static int tense_of(const struct norm_match *m, bool *sched_ahead)
{
	struct norm_tense_memo *memo = norm_lookback_tense_memo(m);
	if (!memo)
		return tense_read(m, sched_ahead);
	struct norm_val v;
	struct norm_tense_key key = {
		.n = m->n, .text = m->text, .start = m->start, .end = m->end,
		.lo = m->stretch_start, .hi = m->stretch_end,
		.is_future_slot = norm_slot(m, S_FUTURE, &v),
		.is_weekday = m->p->prod == P_WEEKDAY,
	};
	for (unsigned k = 0; k < NORM_TENSE_MEMO; k++) {
		if (memo->is_used[k] && same_key(&memo->key[k], &key)) {
			*sched_ahead = memo->sched_ahead[k];
			return memo->tense[k];
		}
	}
	bool sched = false;
	int t = tense_read(m, &sched);
	unsigned k = memo->next;
	memo->next = (k + 1) % NORM_TENSE_MEMO;
	memo->key[k] = key;
	memo->tense[k] = t;
	memo->sched_ahead[k] = sched;
	memo->is_used[k] = true;
	*sched_ahead = sched;
	return t;
}

static int tense_read(const struct norm_match *m, bool *sched_ahead)
{
	bool fronted = false, aside = false;
	int t = tense_back(m, &fronted);
	if (t < 0 && norm_until_extended(m))
		return 1;
	/* "X, halted pending news, on Monday said": the verb after the
	** date is its own, whatever came before a comma; another past verb
	** there ("the vote on Sunday was") only when nothing before says
	** ahead ("the vote scheduled for Sunday was postponed") */
	int after = t != GOVERNED && t != -2 ? norm_past_verb_after(m) : 0;
	if (after == -2 || (after == -1 && t <= 0))
		return GOVERNED;
	if (t == NORM_TENSE_SCHED && norm_verb_follows(m))
		return -1;
	/* "would appeal Wednesday's ruling", "will discuss Tuesday's
	** attack": the verb's tense does not place an event that has
	** happened; the news reading does */
	if (t > 0 && t != EVENT_AHEAD && norm_done_event_after(m))
		return 0;
	if (t == 0 && m->n->t_future >= 0) {
		t = norm_tense_ahead(m, &aside);
		*sched_ahead = t == NORM_TENSE_SCHED;
		/* "In January, the company named ...": a past verb after a
		** date that opens the clause is that date's own */
		if (t == -1 && fronted && !aside)
			t = GOVERNED;
	}
	return t;
}


int norm_tense(const struct norm_match *m)
{
	bool sched_ahead = false;
	return tense_of(m, &sched_ahead);
}
