/*
** entity_run.c: the run of an unknown capitalised name (lx_name_run):
** which words go on with a name (initials, particles, a possessive, a
** legal form, a month or "He" that is a surname) and where it stops.
** Split out of entity_scan.c, which calls it at rule 3.
*/
#include <string.h>

#include "extract/entity_p.h"

/* (stop_surname) the cues of a month's full name and of a pronoun that
** is a surname too (grammar.yaml) */
#define MONTH_CUE "stop.month"
#define SURNAME_PRONOUN_CUE "subject.pronoun-surname"
/* (stop_surname) the cue of the auxiliaries after which that pronoun is
** the pronoun (grammar.yaml) */
#define AUX_CUE "subject.skip-aux"

/* Does token i end at a dot glued to it, a capitalised word on the same
** line after the dot ("W. Bush", "St. Mary's")? */
static bool dot_then_name(const struct lx_scan *s, size_t i)
{
	return i + 2 < s->t.n && s->text[s->t.v[i + 1].start] == '.' &&
	       s->t.v[i + 1].start == s->t.v[i].end &&
	       !(s->t.v[i + 2].flags & LX_T_NL) &&
	       (s->t.v[i + 2].flags & LX_T_CAP);
}

/* (lx_is_initial, entity_p.h) */
bool lx_is_initial(const struct lx_scan *s, size_t i)
{
	return i + 2 < s->t.n && s->t.v[i].end - s->t.v[i].start == 1 &&
	       (s->t.v[i].flags & LX_T_CAP) && dot_then_name(s, i);
}

/* A saint's title written short opening a name: "St." before a
** capitalised word ("St. Mary's Hospital"; grammar.yaml name.saint). */
static bool is_saint(const struct lx_scan *s, size_t i)
{
	return i + 2 < s->t.n && lx_word_cue(s, i, LX_CUE_SAINT) &&
	       dot_then_name(s, i);
}

/* Is token k a capitalised legal form that a lexicon phrase also
** claims (so no name word)? */
static bool is_known_form(const struct lx_scan *s, size_t k)
{
	return s->t.v[k].match && (s->t.v[k].flags & LX_T_CAP) &&
	       !(s->t.v[k].flags & LX_T_BLOCKED) && lx_is_firm_form(s, k);
}

/* Is the capitalised "He" at k, after the name word k - 1, the pronoun
** for it stands before an auxiliary and the name word follows a word in
** lower case that is no role ("told Smith He would be fired"; not "Vice
** Premier Liu He will", "envoy Liu He has": a title, a surname)? */
static bool aux_pronoun(const struct lx_scan *s, size_t k)
{
	if (!lx_joins(s, k + 1) || !lx_has_cue(s, k + 1, LX_CUE_SKIP, AUX_CUE) ||
	    k < 2 || (s->t.v[k - 1].flags & LX_T_SSTART))
		return false;
	const struct lx_tok *b = &s->t.v[k - 2];
	return (b->flags & LX_T_WORD) && !(b->flags & LX_T_CAP) &&
	       !lx_tok_sense(s, k - 2, LX_S_ROLE);
}

/* Is the stop word at k, right after the name word k - 1, the name's
** surname? A month after a given name ("Theresa May", "Brian May", not
** "Brian May 5": a date), and a capitalised "He" inside a sentence
** ("Vice Premier Liu He"; at a sentence's start, or in a headline, or
** before an auxiliary after a name with no title, the pronoun: "Xi
** Jinping. He said", "Why Obama Says He Won", "told Smith He would be
** fired": aux_pronoun). */
static bool stop_surname(const struct lx_scan *s, size_t k)
{
	const struct lx_tok *t = &s->t.v[k];
	if (!(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_SSTART | LX_T_HEADLINE | LX_T_BLOCKED |
			 LX_T_POSS)))
		return false;
	const struct lx_sense *se = lx_tok_cue(s, k, LX_CUE_STOP);
	if (se && se->ntok == 1 && !strcmp(s->l->cues[se->ref].id, MONTH_CUE))
		return lx_word_cue(s, k - 1, LX_CUE_GIVEN_NAME) &&
		       !(k + 1 < s->t.n && lx_joins(s, k + 1) &&
			 (s->t.v[k + 1].flags & LX_T_DIGIT));
	se = lx_tok_cue(s, k, LX_CUE_PRONOUN);
	return se && !strcmp(s->l->cues[se->ref].id, SURNAME_PRONOUN_CUE) &&
	       !aux_pronoun(s, k);
}

/*
** An unknown capitalised run from i: name words, with particles ("al",
** "bin", "of") only between them, and a surname on its particle
** ("al-Maliki") after the first, and last a stop word that is the
** name's surname (stop_surname: "Theresa May"). Returns its end (i when
** none) and in *ncap the number of capitalised words.
*/
static size_t name_run(const struct lx_scan *s, size_t i, size_t max,
		       int *ncap, bool poss_ends);

/* (lx_name_run) Does the possessive at k end the name run from i of ncap
** words: after two words or more that a given name opens ("John
** Smith's Ferrari") or that no org-word or place-word ends the words
** after it ("Charlize Theron's Oscar"), or after a given name alone
** before a person's name ("Grace's Debra Messing"); not a firm's name
** of one word ("McDonald's", "Lloyd's of London", "Wendy's") nor a
** body's ("St
** Mary's Hospital", "St George's Chapel", "Royal Women's Hospital", a
** name with "of")? */
static bool poss_ends_name(const struct lx_scan *s, size_t i, size_t k,
			   int ncap)
{
	bool is_given = lx_word_cue(s, i, LX_CUE_GIVEN_NAME);
	if ((ncap < 2 && !is_given) || !(s->t.v[k].flags & LX_T_POSS) ||
	    lx_word_cue(s, i, LX_CUE_SAINT))
		return false;
	for (size_t j = i + 1; j < k; j++)
		if (lx_is_of(s, j))
			return false; /* ("Council of People's Deputies") */
	if (is_given && ncap >= 2)
		return true;
	/* (the run after it reads no possessive of its own: a chain of them
	** on one line would recurse through the whole line, quadratic) */
	int n;
	size_t end = lx_joins(s, k + 1)
			     ? name_run(s, k + 1, LX_MAX_NAME, &n, false)
			     : k + 1;
	bool is_body = lx_word_cue(s, end - 1, LX_CUE_ORG_WORD) ||
		       lx_word_cue(s, end - 1, LX_CUE_PLACE_WORD);
	if (ncap < 2)
		return end > k + 1 && !is_body &&
		       lx_word_cue(s, k + 1, LX_CUE_GIVEN_NAME);
	return end == k + 1 || !is_body;
}

size_t lx_name_run(const struct lx_scan *s, size_t i, size_t max, int *ncap)
{
	return name_run(s, i, max, ncap, true);
}

/* (lx_name_run) poss_ends: a possessive may end the run
** (poss_ends_name) */
static size_t name_run(const struct lx_scan *s, size_t i, size_t max,
		       int *ncap, bool poss_ends)
{
	size_t k = i, end = i, ndots = 0, nparts = 0;
	*ncap = 0;
	/* (an initial's dot is no word of the name: "George H. W. Bush" is
	** four words in six tokens; a name opens with an initial when a
	** second follows, "J. K. Rowling", not at "A. Smith" alone) */
	/* (nor is a particle: "Hamad bin Jassim bin Jabr Al-Thani" is four
	** words; one at most after each word, and not "of" nor "'s", which
	** join names of other things: "Bob Bannon of Security Pacific") */
	while (k < s->t.n && k - i - ndots - nparts < max) {
		if (k > i && !lx_joins(s, k))
			break;
		if (lx_is_name_word(s, k) && !lx_is_particle(s, k)) {
			(*ncap)++;
			bool is_dotted =
				lx_is_initial(s, k) &&
				(k > i || lx_is_initial(s, k + 2));
			ndots += is_dotted;
			k += is_dotted || (k == i && is_saint(s, k)) ? 2 : 1;
			end = k;
			continue;
		}
		if (k > i && lx_is_particle(s, k)) {
			if (poss_ends && poss_ends_name(s, i, k, *ncap))
				break;
			size_t n = s->t.v[k].match_ntok ? s->t.v[k].match_ntok : 1;
			nparts += k == end && !lx_is_of(s, k) &&
						  !lx_is_poss(s, k)
					  ? n
					  : 0;
			k += n;
			continue;
		}
		/* (a capitalised particle opens a name as its given name:
		** "Al Gore", "Abu Mazen", "Abu Musab al-Zarqawi"; not "Of";
		** or as the first of the surname's particles: "De La Rue",
		** "Van der Sar", not "La Rue" after "De") */
		if (k == i && lx_opens_on_particle(s, k)) {
			(*ncap)++;
			k++;
			continue;
		}
		if (k > i && lx_is_particle_joined(s, k)) {
			(*ncap)++;
			end = ++k;
			continue;
		}
		/* (a legal form the lexicon also knows as a name closes the
		** firm's: "Home Savings FSB" is a savings bank, not Russia's
		** FSB; "Philips NV") */
		if (k > i && k == end && is_known_form(s, k))
			end = ++k;
		else if (k > i && k == end &&
			 (stop_surname(s, k) || lx_role_surname(s, i, k))) {
			(*ncap)++;
			end = ++k;
		}
		break;
	}
	return end;
}
