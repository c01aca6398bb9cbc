/*
** entity_unknown.c: rule 3 of the lexicon's pass A, an unknown
** capitalised run (the scan is entity_scan.c, the shared name tests
** entity_name.c). lx_take_unknown runs its steps in order; each step
** takes the run (returns its end), lets the next one try (UNK_ON), or
** moves the run's start one word on (UNK_AGAIN): a surname of a person
** met before, a lone name before "said" at a sentence start, a city
** before ", <country>", a lone name where a place stands, else (two
** words or more, not in a headline) an entity typed by its last word
** (org-word, place-word), by "the" + a plural noun (a team or a body),
** by its context (a person: "said NAME", "NAME, 43,", "NAME, a ...
** professor"), else name:<slug>.
*/
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "extract/entity_p.h"

/* (a step's answer besides a run's end: no end is this large) */
#define UNK_ON SIZE_MAX
#define UNK_AGAIN (SIZE_MAX - 1)

/* The run being read: its start i, its end, the capitalised words in it;
** lead: 1 when a capitalised title modifier opens it ("the New England
** Patriots"). */
struct unknown {
	size_t i, end, lead;
	int ncap;
	/* (set where the name begins one word on, after a word the
	** document writes in lower case: "the latest Export Sales report") */
	bool is_after_lower;
	bool is_person;
	const char *name; /* borrowed from the scan's labels */
	size_t len;
	const struct fc_entity *who;
};

/* The country of a place or country named right after "NAME,", which
** makes NAME a city of it: "Beaumont, Texas", "Kazan, Russia." (not
** "Smith, Britain's ambassador"); NULL when none. */
static const char *city_of(const struct lx_scan *s, size_t end)
{
	if (!lx_is_punct(s, end, ',') || !lx_joins(s, end + 1))
		return NULL;
	size_t j = end + 1;
	/* (a country first: "Gori, Georgia" is Georgia's, where the US
	** state has the name too) */
	const struct lx_sense *se = lx_tok_sense(s, j, LX_S_COUNTRY);
	if (!se)
		se = lx_tok_sense(s, j, LX_S_PLACE);
	if (!se || s->t.v[j].match_ntok != se->ntok)
		return NULL;
	size_t k = j + se->ntok;
	/* then no word, but after an abbreviation: "Santa Rosa, Calif. on
	** Monday", "Cannes, France, was", not "Mark Rockwell, California
	** state representative" nor "Smith, Britain's envoy" */
	if (k < s->t.n && !(s->t.v[k].flags & LX_T_NL) &&
	    ((s->t.v[k].flags & (LX_T_WORD | LX_T_POSS)) &&
	     !lx_is_punct(s, k - 1, '.')))
		return NULL;
	return s->l->ents[se->ref].e.country;
}

/* Is token i a verb's stem before its clitic written apart, as tokenised
** text writes it ("Don ’ t move", "Won 't"; "Don't" is "Do" "n't")? */
static bool clitic_after(const struct lx_scan *s, size_t i)
{
	size_t len;
	if (!lx_joins(s, i + 1) || !lx_joins(s, i + 2))
		return false;
	const char *k = lx_key(&s->t, i + 1, 1, &len);
	if (len != 1 || *k != '\'')
		return false;
	k = lx_key(&s->t, i + 2, 1, &len);
	return len == 1 && *k == 't';
}

/* Does token i stand inside its sentence, after a word or a comma in
** lower case ("pardoned Felt", "In 2005, Felt")? */
static bool mid_sentence(const struct lx_scan *s, size_t i)
{
	return i > 0 &&
	       !(s->t.v[i].flags & (LX_T_SSTART | LX_T_NL | LX_T_HEADLINE)) &&
	       !(s->t.v[i - 1].flags & LX_T_CAP);
}

/* Does the capitalised run at i stand in a noun phrase, after a
** determiner or a lower-case word that is no function word nor verb of
** saying ("the latest Export Sales", not "says Deputy Ortiz", "of
** Deputy Ortiz", "to Commissioner Ramsey")? */
static bool in_noun_phrase(const struct lx_scan *s, size_t i)
{
	if (i == 0 || (s->t.v[i].flags & (LX_T_SSTART | LX_T_NL)))
		return false;
	const struct lx_tok *p = &s->t.v[i - 1];
	if (lx_tok_cue(s, i - 1, LX_CUE_DET))
		return true;
	return (p->flags & LX_T_WORD) && !(p->flags & LX_T_CAP) &&
	       !lx_tok_cue(s, i - 1, LX_CUE_STOP) &&
	       !lx_tok_cue(s, i - 1, LX_CUE_PERSON_VERB) &&
	       !lx_tok_cue(s, i - 1, LX_CUE_REPORT) &&
	       !lx_tok_cue(s, i - 1, LX_CUE_PLACE_CONTEXT) &&
	       !lx_is_of(s, i - 1);
}

/* Is there a possessive in the run [i, end)? A name with one is a
** thing named after a person ("Jane's Defence Weekly", "Blake's Seven",
** "Jimmy's Bar"), not the person, whatever its first word. */
static bool has_possessive(const struct lx_scan *s, size_t i, size_t end)
{
	for (size_t j = i; j < end; j++)
		if (s->t.v[j].flags & LX_T_POSS)
			return true;
	return false;
}

/* Does token i follow a short capitalised abbreviation ("St. Louis
** Cardinals", "Ft. Worth": no given name there)? */
static bool after_abbrev(const struct lx_scan *s, size_t i)
{
	if (i < 2 || !lx_is_punct(s, i - 1, '.'))
		return false;
	const struct lx_tok *a = &s->t.v[i - 2];
	return a->end == s->t.v[i - 1].start && a->end - a->start <= 3 &&
	       (a->flags & LX_T_CAP) && !(a->flags & LX_T_UPPER);
}

/* The "of" inside the name [i, end), or end when none: a person's name
** has none ("Jack Kirnan of Kidder Peabody" is a person and a firm, the
** run no one person), a body's may ("Bureau of Metal Statistics"). */
static size_t of_in(const struct lx_scan *s, size_t i, size_t end)
{
	for (size_t k = i + 1; k + 1 < end; k++)
		if (lx_is_of(s, k))
			return k;
	return end;
}

/* Is token i a grade of capitals with a sign glued after it, a credit
** rating ("cut to BBB+", "AA-"), no place? */
static bool is_signed_grade(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	/* (the text is NUL-terminated: text[end] is readable) */
	if (t->end - t->start > 3 ||
	    (s->text[t->end] != '+' && s->text[t->end] != '-'))
		return false;
	for (size_t c = t->start; c < t->end; c++)
		if (s->text[c] < 'A' || s->text[c] > 'D')
			return false;
	return true;
}

/* The new entity `who` (may be NULL: out of memory) named by [u->i,
** u->end), by rule. Returns u->end. */
static size_t push_who(struct lx_scan *s, const struct unknown *u,
		       const struct fc_entity *who, const char *rule)
{
	if (who)
		lx_push_ment(s, (uint32_t)u->i, (uint32_t)u->end, who, rule);
	return u->end;
}

/* Step 1: where the run begins and ends (u->end, u->ncap, u->lead). */
static size_t open_run(struct lx_scan *s, struct unknown *u)
{
	size_t i = u->i;
	if (lx_is_initial_nonname(s, i)) {
		/* (unless an organisation's name goes on from a hyphenated
		** word: "Brown-Forman Inc said", not "Pro-Russian forces";
		** an adverb never opens one: "Curiously Acme Bank said") */
		size_t len;
		const char *k = lx_key(&s->t, i, 1, &len);
		size_t e = memchr(k, '-', len)
				   ? lx_name_run(s, i, LX_MAX_NAME, &u->ncap)
				   : i;
		if (e <= i + 1 || !lx_word_cue(s, e - 1, LX_CUE_ORG_WORD))
			return i + 1;
	}
	if (!s->t.v[i].match) {
		size_t given = lx_place_given(s, i, 1);
		if (given == i)
			given = lx_water_of(s, i);
		if (given > i)
			return given;
	}
	/* (a capitalised title modifier inside a sentence opens a name:
	** "the New England Patriots") */
	u->lead = s->t.v[i].match && !lx_is_particle(s, i) ? 1 : 0;
	if (u->lead && !lx_joins(s, i + 1))
		return i;
	u->end = lx_name_run(s, i + u->lead, LX_MAX_NAME + 1 - u->lead,
			     &u->ncap);
	/* (at a sentence start, before two name words at least: "New
	** England Patriots said", not "Former Smith aide"; or a deputy's
	** word before a body's: "Vice Media said") */
	if (u->end == i + u->lead ||
	    (u->lead && (s->t.v[i].flags & LX_T_SSTART) && u->ncap < 2 &&
	     !lx_deputy_opens_body(s, i)))
		return i;
	u->ncap += (int)u->lead;
	return UNK_ON;
}

/* The tokens of the name of a country, a capital, a city or a place the
** lexicon knows, written whole at token j (no demonym: "Gulf Arab
** states"), or 0. */
static size_t known_place_at(const struct lx_scan *s, size_t j)
{
	static const int kinds[] = {LX_S_COUNTRY, LX_S_CAPITAL, LX_S_CITY,
				    LX_S_PLACE};
	if (!lx_joins(s, j) || !(s->t.v[j].flags & LX_T_CAP) ||
	    !s->t.v[j].match || lx_tok_sense(s, j, LX_S_DEMONYM))
		return 0;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		const struct lx_sense *se = lx_tok_sense(s, j, kinds[k]);
		if (se && se->ntok == s->t.v[j].match_ntok)
			return se->ntok;
	}
	return 0;
}

/* Step 2: a geographic head word alone right before a known place
** ("Lake Ontario", "Mount Kenya", "River Jordan", "County Durham";
** grammar.yaml name.place-head): one longer name, name:<slug> of no
** country, no mention of the place (a lake or a river may cross
** borders). Not a longer run's last word: "Orange County California"
** is the county and its state; nor a longer name's first words: "Lake
** Ontario Cement Ltd", "Mount Kenya Safari Club". */
static size_t head_place(struct lx_scan *s, const struct unknown *u)
{
	size_t n;
	if (u->lead || u->end != u->i + 1 ||
	    !lx_has_cue(s, u->i, LX_CUE_PLACE_WORD, LX_PLACE_HEAD_CUE) ||
	    !(n = known_place_at(s, u->end)) ||
	    (lx_joins(s, u->end + n) && lx_is_name_word(s, u->end + n)))
		return UNK_ON;
	return lx_push_new_name(s, u->i, u->end + n);
}

/* Step 3: a county's office, a mission's word. */
static size_t lone_body(struct lx_scan *s, struct unknown *u)
{
	size_t i = u->i, end = u->end;
	if (u->lead)
		return UNK_ON;
	/* "Marion County Sheriff's Office": the county's body (a name after
	** the role is a person's: "Marion County Sheriff Russ Isham") */
	size_t body;
	if (lx_word_cue(s, end - 1, LX_CUE_PLACE_WORD) &&
	    (body = lx_role_body_end(s, end, true)) > end)
		return lx_push_new_org(s, i, body, "name.org");
	/* A mission's word alone names no body of its own: "the
	** Embassy of Israel" is the country's. */
	if (end != i + 1 || !lx_word_cue(s, i, LX_CUE_MISSION))
		return UNK_ON;
	const struct lx_sense *cs;
	if (end + 1 < s->t.n && lx_joins(s, end) && lx_is_of(s, end) &&
	    lx_joins(s, end + 1) && (s->t.v[end + 1].flags & LX_T_CAP) &&
	    (cs = lx_tok_sense(s, end + 1, LX_S_COUNTRY))) {
		size_t e = end + 1 + s->t.v[end + 1].match_ntok;
		lx_push_ment(s, (uint32_t)i, (uint32_t)e, lx_intern(s, cs->ref),
			     "lexicon.mission");
		return e;
	}
	return end;
}

/* Step 4: a common noun capitalised by its place before a person's
** name: "Receptionist Madeline Kafoury", "Forward Tyler Hansbrough" (the
** document writes it in lower case after a function word): the name
** begins after it. A given name is the person's own ("Mark Anthony
** Jones" beside "a mark"). */
static bool is_capitalised_noun(struct lx_scan *s, const struct unknown *u)
{
	size_t i = u->i;
	return !u->lead && u->ncap >= 3 && (s->t.v[i].flags & LX_T_SSTART) &&
	       !(s->t.v[i].flags & LX_T_HEADLINE) &&
	       !lx_word_cue(s, i, LX_CUE_GIVEN_NAME) &&
	       lx_is_name_word(s, i + 1) &&
	       lx_word_cue(s, i + 1, LX_CUE_GIVEN_NAME) &&
	       lx_lower_elsewhere(s, i);
}

/* "United Iraqi Alliance", "Anglo American Corp": a demonym between an
** unknown name that no given name opens and a name that an org-word or
** a legal form ends is a word of one organisation's name (of no
** country: the demonym may name a people, not a state; a firm's name
** it opens is lx_demonym_name's, "British Airways"). */
static void grow_demonym(struct lx_scan *s, struct unknown *u)
{
	size_t j = u->end + s->t.v[u->end].match_ntok, e2;
	int n;
	/* (not a common word opening the sentence: "Potential American
	** Motors buyers") */
	if (lx_word_cue(s, u->i, LX_CUE_GIVEN_NAME) || !lx_joins(s, j) ||
	    ((s->t.v[u->i].flags & LX_T_SSTART) && lx_lower_elsewhere(s, u->i)) ||
	    !lx_is_name_word(s, j) || lx_is_particle(s, j) ||
	    (e2 = lx_name_run(s, j, LX_MAX_NAME, &n)) <= j ||
	    !(lx_word_cue(s, e2 - 1, LX_CUE_ORG_WORD) ||
	      lx_is_firm_form(s, e2 - 1)))
		return;
	u->end = e2;
	u->ncap += 1 + n;
}

/* "Toshiba Canada Inc", "Chemical New York Corp": a country, a capital
** or a city between an unknown name and an organisation's last words
** names the firm's branch there (after a country one org-word only, as
** place_name reads it) */
static void grow_branch(struct lx_scan *s, struct unknown *u)
{
	size_t end = u->end;
	if (u->lead || !lx_joins(s, end) ||
	    (s->t.v[u->i].flags & LX_T_HEADLINE) || !s->t.v[end].match)
		return;
	if (lx_tok_sense(s, end, LX_S_DEMONYM)) {
		grow_demonym(s, u);
		return;
	}
	bool is_country = lx_tok_sense(s, end, LX_S_COUNTRY) != NULL;
	size_t j = end + s->t.v[end].match_ntok, e2;
	int n;
	if ((is_country || lx_tok_sense(s, end, LX_S_CAPITAL) ||
	     lx_tok_sense(s, end, LX_S_CITY)) &&
	    lx_joins(s, j) && lx_is_name_word(s, j) && !lx_is_particle(s, j) &&
	    (e2 = lx_name_run(s, j, is_country ? 2 : LX_MAX_NAME, &n)) > j &&
	    (!is_country || e2 == j + 1) &&
	    lx_word_cue(s, e2 - 1, LX_CUE_ORG_WORD)) {
		u->end = e2;
		u->ncap += 1 + n;
	}
}

/* Step 5: the run grows over a known surname, a place that is a
** surname, a firm's branch. */
static void grow_run(struct lx_scan *s, struct unknown *u)
{
	size_t i = u->i;
	const struct lx_tok *first = &s->t.v[i];
	/* "Ivanka Trump" is not Donald Trump: an unknown first name takes a
	** known surname into an unknown name (stop words such as "Later"
	** are no name words, so "Later Trump said" keeps Trump). */
	if (lx_joins(s, u->end) && lx_tok_sense(s, u->end, LX_S_SURNAME) &&
	    !(first->flags & LX_T_HEADLINE)) {
		u->end += s->t.v[u->end].match_ntok;
		u->ncap++;
	}
	/* "Michael Jordan", "Jack London": a given name alone before a
	** country's or a capital's name that ends the name is a person's
	** (not after a determiner: "the Christian Lebanon") */
	if (!u->lead && u->ncap == 1 && u->end == i + 1 &&
	    lx_joins(s, u->end) && !(first->flags & LX_T_HEADLINE) &&
	    lx_word_cue(s, i, LX_CUE_GIVEN_NAME) &&
	    !(i > 0 && lx_joins(s, i) && lx_tok_cue(s, i - 1, LX_CUE_DET)) &&
	    lx_place_surname(s, u->end)) {
		u->end++;
		u->ncap++;
	}
	grow_branch(s, u);
}

/* Step 6: a firm's name with "and", or a short name of a firm named
** before. */
static size_t firm_name(struct lx_scan *s, struct unknown *u)
{
	size_t i = u->i;
	/* "Smith and Co Inc", "Procter & Gamble": a firm's */
	size_t firm = u->lead ? u->end : lx_firm_and(s, i, u->end, false);
	if (firm > u->end) {
		/* (and "of" a place: "Savings and Loan Association of
		** Florida") */
		int n = 0;
		firm = lx_body_of_place(s, firm, &n);
		return lx_push_new_org(s, i, firm, "name.org");
	}
	/* "CrossLand said" after "CrossLand Savings": the firm's */
	const struct fc_entity *who;
	if (!u->lead && !(s->t.v[i].flags & LX_T_HEADLINE) &&
	    (who = lx_firm_short(s, i, u->end))) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)u->end, who,
			     "coref.org");
		return u->end;
	}
	return UNK_ON;
}

/* Is the lone known surname at u->i a common noun here, no mention? */
static bool is_common_surname(struct lx_scan *s, const struct unknown *u)
{
	size_t i = u->i, end = u->end;
	const struct lx_tok *first = &s->t.v[i];
	/* (a word opening a table's row that the document writes in lower
	** case is a common noun: "Sales 37.6 mln vs 35.8 mln" after
	** "analyst Rick Sales"; "Page was born" stays Bettie Page though the
	** text writes "web page") */
	if (u->ncap == 1 && !u->lead && (first->flags & LX_T_SSTART) &&
	    end < s->t.n && !(s->t.v[end].flags & LX_T_NL) &&
	    (s->t.v[end].flags & LX_T_DIGIT) && lx_lower_elsewhere(s, i))
		return true;
	/* A bare surname that reads as a common noun is no mention of the
	** person: after a capitalised word the document writes in lower
	** case, in a noun phrase ("the latest Export Sales report", "The
	** Foreign Military Sales program"), or a word the document writes in
	** lower case too ("Sales rose", "Sales of the division" stories
	** after "analyst Rick Sales ... sales"), unless a verb of saying
	** stands next to it ("Sales added", "said Sales") or, for the
	** latter, it stands inside its sentence after a word in lower case
	** ("Reagan pardoned Felt" in a text that writes "felt"; not "U.S.
	** Sales", "the Third World") or the person was named in the two
	** sentences before ("Felt later said"; not before "of": "Sales of
	** cars rose" right after "analyst Rick Sales") */
	return u->ncap == 1 && !u->lead && !lx_says_next_to(s, i, end) &&
	       (u->is_after_lower ||
		(lx_lower_elsewhere(s, i) && !mid_sentence(s, i) &&
		 ((lx_joins(s, end) && lx_is_of(s, end)) ||
		  !lx_named_within(s, u->who, i, 2))));
}

/* Step 7: a person named before ("Pezeshkian", "Liu said" after "Vice
** Premier Liu He"); sets u->is_person for a new person's name that ends
** with a known surname. */
static size_t known_person(struct lx_scan *s, struct unknown *u)
{
	size_t i = u->i, end = u->end;
	/* (a lone word may be another word of a person's name: "Liu said"
	** after "Vice Premier Liu He"; not after a determiner, "the
	** Saints" after "Saints Pierre Thomas", nor before a clitic, "Don ’
	** t" after "Don Carter") */
	u->who = lx_find_surname(s, end - 1);
	if (!u->who && u->ncap == 1 && end == i + 1 &&
	    !(i > 0 && lx_joins(s, i) && lx_tok_cue(s, i - 1, LX_CUE_DET)) &&
	    !clitic_after(s, i))
		u->who = lx_find_name_word(s, i);
	if (!u->who)
		return UNK_ON;
	/* ("Young people" after "Senator Young Kim", "Rich nations" after
	** "Marc Rich": a common word, no mention) */
	if (u->ncap == 1 && !u->lead && lx_modifies_next(s, i))
		return end;
	if (is_common_surname(s, u))
		return end;
	/* "Pezeshkian" or "Masoud Pezeshkian" again; "Reggie Bush" after
	** "President Bush" is a person of its own. */
	if (u->ncap == 1 || lx_same_label(u->who, u->name, u->len) ||
	    lx_particle_surname(s, i, end, u->who)) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)end, u->who,
			     "coref.surname");
		return end;
	}
	/* (a word the document writes in lower case before a known surname
	** is no part of a new person's name: "Deputy Ortiz" is Jerry Ortiz,
	** "the latest Export Sales report" no "Export Sales"; a given name is
	** the person's own) */
	u->is_person = lx_word_cue(s, i, LX_CUE_GIVEN_NAME) ||
		       !lx_lower_elsewhere(s, i);
	/* (the person's name begins after it: "Deputy Hoyt Teasley",
	** "General Manager Ed Stefanski", "Chief Steele", "Having Jackman
	** host"; not before "of": "the National Player of the Year", nor a
	** word the document writes in lower case too: "Surgeon General") */
	if (!u->is_person && !u->lead && lx_is_name_word(s, i + 1) &&
	    !(lx_joins(s, end) && lx_is_of(s, end)) &&
	    (u->ncap >= 3 || !lx_lower_elsewhere(s, i + 1))) {
		u->is_after_lower = in_noun_phrase(s, i);
		return UNK_AGAIN;
	}
	if (!u->is_person)
		u->who = NULL;
	return UNK_ON;
}

/* The country's or the region's (with a country: "Scotland") name at j,
** written as its label or as an acronym ("UK"), no demonym nor
** abbreviation ("Calif."): its sense, or NULL. */
static const struct lx_sense *nation_at(const struct lx_scan *s, size_t j)
{
	if (lx_tok_sense(s, j, LX_S_DEMONYM))
		return NULL;
	const struct lx_sense *se = lx_tok_sense(s, j, LX_S_COUNTRY);
	uint32_t cc;
	/* (a region of a country: "Scotland", "Wales"; not a state of a
	** country whose states follow a city's name (countries.yaml
	** city_states: the US), which after a name places a firm or a work
	** in lists and titles, "Orange County California", "Universal
	** Studios Tour Florida", "My Own Private Idaho") */
	if (!se && (se = lx_tok_sense(s, j, LX_S_PLACE)) &&
	    ((cc = s->l->ents[se->ref].country) == FC_NONE ||
	     s->l->ents[cc].is_city_states))
		se = NULL;
	if (!se || s->t.v[j].match_ntok != se->ntok)
		return NULL;
	if (se->ntok == 1 && lx_is_acronym(s, j))
		return se;
	const char *label = s->l->ents[se->ref].e.label;
	size_t t0 = s->t.v[j].start, t1 = s->t.v[j + se->ntok - 1].end;
	return strlen(label) == t1 - t0 &&
			       !memcmp(label, s->text + t0, t1 - t0)
		       ? se
		       : NULL;
}

/* Is the word at k a compound adjective, a hyphen and a word in lower
** case ("Oscar-nominated", "Kremlin-backed")? */
static bool is_hyphen_adjective(const struct lx_scan *s, size_t k)
{
	const char *w = s->text + s->t.v[k].start;
	size_t n = s->t.v[k].end - s->t.v[k].start;
	const char *h = memchr(w, '-', n);
	return h && h + 1 < w + n && islower((unsigned char)h[1]);
}

/* Step 8: two unknown name words or more right before a nation's name
** that ends the run name one body of that nation ("Alcohol Focus
** Scotland said", "Cancer Research UK"; not a given name's run, "Jack
** Straw Scotland", nor a person named before, nor with "of" inside, nor
** after a legal form: "Sunbeam Corp Ltd Australia" is the firm's and a
** place; nor after a compass word: "North West India" is a part of the
** country; nor opening with a compound adjective: "Oscar-nominated
** Hotel Rwanda"; nor where a place stands, but before a verb of
** saying). */
static size_t nation_body(struct lx_scan *s, const struct unknown *u)
{
	size_t i = u->i, end = u->end;
	const struct lx_sense *se;
	if (u->lead || u->ncap < 2 || u->is_person || u->who ||
	    (s->t.v[i].flags & LX_T_HEADLINE) ||
	    lx_word_cue(s, i, LX_CUE_GIVEN_NAME) || !lx_joins(s, end) ||
	    of_in(s, i, end) < end || lx_is_firm_form(s, end - 1) ||
	    lx_word_cue(s, end - 1, LX_CUE_COMPASS) ||
	    is_hyphen_adjective(s, i) || !(se = nation_at(s, end)))
		return UNK_ON;
	size_t e = end + se->ntok;
	/* (the nation's name ends it: no name word after it; where a place
	** stands only as a verb of saying's subject: "Workers at Acme
	** Widgets Bavaria said", a place says nothing) */
	if ((lx_joins(s, e) && lx_is_name_word(s, e)) ||
	    (lx_place_context(s, i) &&
	     !(lx_joins(s, e) && lx_tok_cue(s, e, LX_CUE_REPORT))))
		return UNK_ON;
	return lx_push_new_org(s, i, e, "name.org");
}

/* Step 9: a city before ", <country>" ("Beaumont, Texas"), unless a
** given name opens the run or a body's word ends it. */
static size_t city_before_country(struct lx_scan *s, const struct unknown *u)
{
	size_t i = u->i, end = u->end;
	/* a given name first: a person's name, also before a place ("Mark
	** Feldstein, Texas", a list of results or of hometowns), but where a
	** place stands ("died in Beverly Hills, Calif.") */
	bool is_given = u->ncap >= 2 && lx_word_cue(s, i, LX_CUE_GIVEN_NAME) &&
			!after_abbrev(s, i) &&
			!lx_word_cue(s, end - 1, LX_CUE_PLACE_WORD) &&
			!lx_place_context(s, i);
	/* (nor a body's name with its org-word before "of": "Union Bank of
	** Augusta, Ga." is the bank's) */
	bool is_body = lx_word_cue(s, end - 1, LX_CUE_ORG_WORD);
	for (size_t p = i; !is_body && p + 2 < end; p++)
		is_body = lx_is_of(s, p + 1) && lx_word_cue(s, p, LX_CUE_ORG_WORD);
	const char *in_country;
	if (u->is_person || is_given || (s->t.v[i].flags & LX_T_HEADLINE) ||
	    is_body || !(in_country = city_of(s, end)))
		return UNK_ON;
	/* (id name:<slug>, as "in Anchorage" elsewhere gives: the same place
	** in two sources must not contradict) */
	return push_who(s, u,
			lx_new_entity(s, "name", u->name, u->len, FC_ENT_CITY,
				      in_country, NULL),
			"name.city");
}

/* Step 10: "Hughes said the deal would close.": a lone name that opens
** its sentence before a verb of saying is a person (its full name's,
** "Roger Hughes" untyped before), unless the document named an
** organisation with it ("Kodak said" after "Eastman Kodak Co") */
static size_t opening_speaker(struct lx_scan *s, const struct unknown *u)
{
	size_t i = u->i, end = u->end;
	const struct lx_tok *first = &s->t.v[i];
	if (u->ncap != 1 || u->is_person || u->lead ||
	    !(first->flags & LX_T_SSTART) || (first->flags & LX_T_HEADLINE) ||
	    !lx_joins(s, end) || !lx_tok_cue(s, end, LX_CUE_PERSON_VERB) ||
	    !lx_tok_cue(s, end, LX_CUE_REPORT) || lx_is_acronym(s, i) ||
	    lx_word_cue(s, i, LX_CUE_ORG_WORD) ||
	    lx_word_cue(s, i, LX_CUE_PLACE_WORD) ||
	    lx_word_cue(s, i, LX_CUE_SOURCE_NOUN))
		return UNK_ON;
	const struct lx_nslot *w = lx_word_names(s, i);
	if (w && (w->flags & LX_N_ORG))
		return end;
	bool is_last = w && (w->flags & LX_N_LAST) && !(w->flags & LX_N_MANY);
	/* (a common noun capitalised by its place: the document writes it in
	** lower case elsewhere, "Reports said" and "the reports") */
	if (!is_last && (lx_lower_elsewhere(s, i) || lx_is_gerund(s, i)))
		return end;
	/* (with no full name before, a source only: as often a firm, "Pemex
	** said", on business news) */
	if (!is_last)
		return push_who(s, u,
				lx_new_entity(s, "name", u->name, u->len,
					      FC_ENT_OTHER, NULL, NULL),
				"name.speaker");
	const char *label = w->e->label;
	return push_who(s, u,
			lx_new_entity(s, "person", label, strlen(label),
				      FC_ENT_PERSON, NULL, NULL),
			"name.person-surname");
}

/* Step 11: a lone unknown word named before, before a reporting verb, or
** where a place stands. */
static size_t lone_word(struct lx_scan *s, const struct unknown *u)
{
	size_t i = u->i, end = u->end;
	const struct lx_tok *first = &s->t.v[i];
	if (u->ncap != 1 || u->is_person)
		return UNK_ON;
	/* "Blackmore was charged" after "Police arrested Winston
	** Blackmore" */
	if (!u->lead && lx_take_name_word(s, i) > i)
		return end;
	if ((first->flags & (LX_T_HEADLINE | LX_T_SSTART)))
		return UNK_ON;
	/* A lone unknown name right before a reporting verb is a source:
	** '"...," Scholz said'; a letter is none (the "P" of "S and P
	** said") */
	if (lx_joins(s, end) && lx_tok_cue(s, end, LX_CUE_REPORT) &&
	    !lx_word_cue(s, i, LX_CUE_SOURCE_NOUN) &&
	    first->end - first->start > 1)
		return push_who(s, u,
				lx_new_entity(s, "name", u->name, u->len,
					      FC_ENT_OTHER, NULL, NULL),
				"name.speaker");
	/* A lone unknown name where a place stands: "met in Anchorage",
	** "talks in Doha"; not a body's word before "of" and a place
	** ("according to Bank of England figures": one body, below), nor an
	** owner's name before "'s", the word the place's cue governs being
	** the noun after it ("at Bally's option", "in ICI's share price") */
	int nof = 0;
	if (lx_place_context(s, i) && lx_body_of_place(s, end, &nof) == end &&
	    !is_signed_grade(s, i) && !lx_is_poss(s, end))
		return push_who(s, u,
				lx_new_entity(s, "name", u->name, u->len,
					      FC_ENT_OTHER, NULL, NULL),
				"name.place");
	return UNK_ON;
}

/* Step 12: what the name of two words or more ends with or stands among
** tells its type: "West Coast Bank" an organisation, "Marion County" a
** place, "said Mark Feldstein" a person; after "the" or "his" it is no
** person. */
static size_t typed_name(struct lx_scan *s, struct unknown *u)
{
	size_t i = u->i;
	bool is_headline = s->t.v[i].flags & LX_T_HEADLINE;
	/* "Bank of America", "Royal Bank of Canada", "Banco di Sicilia":
	** one body */
	bool is_body = false;
	if (!is_headline && !u->is_person) {
		int n = 0;
		size_t e = lx_body_of_place(s, u->end, &n);
		/* (an org, unless the run had an "of" already: "Susumu
		** Taketomi of Industrial Bank of Japan" is no body's name) */
		is_body = e > u->end && of_in(s, i, u->end) == u->end;
		if (e > u->end) {
			u->end = e;
			u->ncap += n;
			u->name = lx_tok_text_label(s, i, e, &u->len);
		}
	}
	size_t end = u->end;
	if (u->ncap < 2 || is_headline)
		return end;
	size_t of = of_in(s, i, end);
	/* (also "Bureau of Metal Statistics", "Bank of Japan") */
	if (is_body || lx_word_cue(s, end - 1, LX_CUE_ORG_WORD) ||
	    (of < end && lx_word_cue(s, of - 1, LX_CUE_ORG_WORD)))
		return push_who(s, u,
				lx_new_entity(s, "org", u->name, u->len,
					      FC_ENT_ORG, NULL, NULL),
				"name.org");
	/* "the Boston Celtics", "the New England Patriots": after a
	** determiner, a name ending in a plural noun is a team or a body (no
	** person: "the Williams" is no run) */
	if (!u->is_person && of == end && i > 0 && lx_joins(s, i) &&
	    lx_tok_cue(s, i - 1, LX_CUE_DET) &&
	    (size_t)u->ncap >= 2 + u->lead &&
	    lx_is_plural_name_word(s, end - 1) &&
	    !lx_is_place_plural(s, i, end))
		return push_who(s, u,
				lx_new_entity(s, "org", u->name, u->len,
					      FC_ENT_ORG, NULL, NULL),
				"name.org-plural");
	const struct lx_role *role = NULL;
	if (!u->is_person && of == end && !u->lead &&
	    !lx_word_cue(s, end - 1, LX_CUE_PLACE_WORD) &&
	    !(i > 0 && lx_tok_cue(s, i - 1, LX_CUE_DET)) &&
	    (lx_person_context(s, i, end, &role) ||
	     (lx_word_cue(s, i, LX_CUE_GIVEN_NAME) && !after_abbrev(s, i) &&
	      !has_possessive(s, i, end))))
		return push_who(s, u,
				lx_new_entity(s, "person", u->name, u->len,
					      FC_ENT_PERSON, NULL,
					      role && !role->is_generic
						      ? role->role
						      : NULL),
				"name.person");
	return push_who(s, u,
			u->is_person
				? lx_new_entity(s, "person", u->name, u->len,
						FC_ENT_PERSON, NULL, NULL)
				: lx_new_entity(s, "name", u->name, u->len,
						FC_ENT_OTHER, NULL, NULL),
			"name");
}

/* One reading of the run at u->i: its end, or UNK_AGAIN. */
static size_t take_once(struct lx_scan *s, struct unknown *u)
{
	size_t r;
	u->who = NULL;
	u->is_person = false;
	if ((r = open_run(s, u)) != UNK_ON || (r = head_place(s, u)) != UNK_ON ||
	    (r = lone_body(s, u)) != UNK_ON)
		return r;
	if (is_capitalised_noun(s, u)) {
		u->i++;
		return UNK_AGAIN;
	}
	grow_run(s, u);
	if ((r = firm_name(s, u)) != UNK_ON)
		return r;
	u->name = lx_tok_text_label(s, u->i, u->end, &u->len);
	if ((r = known_person(s, u)) != UNK_ON) {
		if (r == UNK_AGAIN)
			u->i++;
		return r;
	}
	if ((r = nation_body(s, u)) != UNK_ON ||
	    (r = city_before_country(s, u)) != UNK_ON ||
	    (r = opening_speaker(s, u)) != UNK_ON ||
	    (r = lone_word(s, u)) != UNK_ON)
		return r;
	return typed_name(s, u);
}

size_t lx_take_unknown(struct lx_scan *s, size_t i)
{
	/* (the name may begin one word on: a loop, not a call, as a hostile
	** run of capitalised words could be as long as the text) */
	struct unknown u = {.i = i};
	size_t r;
	while ((r = take_once(s, &u)) == UNK_AGAIN)
		;
	return r;
}
