/*
** entity_p.h: what the files of pass A of the lexicon stage (entity
** mentions) share:
**
**   entity_scan.c   the scan: left to right over the tokens, lexicon
**                   phrases, head nouns ("the Bank"); the name runs
**                   both files test
**   entity_title.c  rule 1, a title phrase and the name or the holder
**                   it means
**   entity_near.c   what the words next to a name say: a capital used
**                   as a place, a state that shares a country's name,
**                   a firm's name through "and" or "&"
**   entity_name.c   what an unknown capitalised run names: a person,
**                   an organisation, a place, a team, a source, else
**                   name:<slug> (rule 3, and a place's name that is a
**                   given name or opens a team's inside rule 2)
**   entity_office.c a country's office named by its role alone where no
**                   listed person is meant (office:<slug>); an
**                   organisation's officer named by role alone
**
** The token tests below are small and on the hot path of the files:
** static inline here, as they were in the one file.
*/
#ifndef FC_EXTRACT_ENTITY_P_H
#define FC_EXTRACT_ENTITY_P_H

#include "extract/lexicon_p.h"

/* words in an unknown name (lx_name_run counts no initial's dot and no
** particle after a word but "of" and "'s") */
#define LX_MAX_NAME 5

/* entity_office.c: the office of the role of the country (alpha-2),
** "President of Iran"; NULL when the country is unknown or the role is
** no office (roles.yaml office: true, one holder at a time). */
const struct fc_entity *lx_office(struct lx_scan *s, const char *country,
				  const struct lx_role *role);
/* entity_office.c: the person whose mention ends right before the comma
** before token i, the start of the role phrase [i, role_end) ("Tzipi
** Livni, the Israeli foreign minister"), when of the role's country or of
** none and the phrase is no subject of a verb of saying after a name
** put before it ("Like Ariel Sharon, the Israeli prime minister said");
** else NULL. */
const struct fc_entity *lx_apposed_person(const struct lx_scan *s, size_t i,
					  size_t role_end,
					  const char *country);
/* entity_office.c: the person of the role last named before token
** before_tok with the lexicon organisation org in the mention or in its
** title just before it ("Apple spokesman Steve Dowling" for "the Apple
** spokesman"; in a mention carried from the piece before, of the
** organisation's country), or NULL. */
const struct fc_entity *lx_recent_officer(const struct lx_scan *s,
					 uint32_t org, const char *country,
					 const struct lx_role *role,
					 uint32_t before_tok);

static inline bool lx_is_poss(const struct lx_scan *s, size_t i)
{
	return i < s->t.n && (s->t.v[i].flags & LX_T_POSS);
}

/* Token i continues a phrase started before it (same line, usable). */
static inline bool lx_joins(const struct lx_scan *s, size_t i)
{
	return i < s->t.n && !(s->t.v[i].flags & (LX_T_NL | LX_T_BLOCKED));
}

static inline bool lx_is_particle(const struct lx_scan *s, size_t i)
{
	return lx_tok_cue(s, i, LX_CUE_PARTICLE) != NULL;
}

/* Is token i the one-character token c on the same line? */
static inline bool lx_is_punct(const struct lx_scan *s, size_t i, char c)
{
	return i < s->t.n && s->t.v[i].end - s->t.v[i].start == 1 &&
	       s->text[s->t.v[i].start] == c &&
	       !(s->t.v[i].flags & LX_T_NL);
}

/* The title's last word ending at token i: the word before an
** abbreviation's period ("Mr" of "Mr."), else token i itself. */
static inline size_t lx_title_word(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	return i > 0 && t->end - t->start == 1 && s->text[t->start] == '.'
		       ? i - 1
		       : i;
}

/* A capitalised word that no phrase claims (a name part). */
static inline bool lx_is_name_word(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if (!(t->flags & LX_T_WORD) || !(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_DIGIT | LX_T_BLOCKED | LX_T_POSS)))
		return false;
	return !t->match || lx_is_particle(s, i);
}

/* An acronym ("IBM", "GMT"): no part of a person's name. */
static inline bool lx_is_acronym(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	return (t->flags & LX_T_UPPER) && t->end - t->start >= 2;
}

/* The text of tokens [t0, t1) in the document (borrowed), *len bytes. */
static inline const char *lx_tok_text_label(struct lx_scan *s, size_t t0,
					    size_t t1, size_t *len)
{
	*len = s->t.v[t1 - 1].end - s->t.v[t0].start;
	return s->text + s->t.v[t0].start;
}

/* Does token i's own word carry a one-word cue of kind ck? (A
** capitalised name word keeps its word slot though its match is gone:
** LX_LOWER_CUES.) */
static inline bool lx_word_cue(const struct lx_scan *s, size_t i,
			       enum lx_cue_kind ck)
{
	const struct lx_slot *sl = i < s->t.n ? lx_word_slot(s, i) : NULL;
	if (!sl || !(sl->cues >> ck & 1))
		return false;
	for (const struct lx_sense *se = sl->senses; se; se = se->next)
		if (se->kind == LX_S_CUE && se->cue_kind == ck && se->ntok == 1)
			return true;
	return false;
}

/* Is token k the word "of" (any case)? */
static inline bool lx_is_of(const struct lx_scan *s, size_t k)
{
	const struct lx_tok *t = &s->t.v[k];
	return t->end - t->start == 2 &&
	       (s->text[t->start] | 0x20) == 'o' &&
	       (s->text[t->start + 1] | 0x20) == 'f';
}

/* Is token k "and" or "&" (a firm's name may go on through it)? */
static inline bool lx_is_and(const struct lx_scan *s, size_t k)
{
	const struct lx_tok *t = &s->t.v[k];
	size_t n = t->end - t->start;
	return (n == 1 && s->text[t->start] == '&') ||
	       (n == 3 && !memcmp(s->text + t->start, "and", 3));
}

/* ---- entity_scan.c ------------------------------------------------------ */

/* An entity sense that can modify a title (country, demonym, ...). */
const struct lx_sense *lx_modifier_sense(const struct lx_scan *s, size_t i);
/* An unknown capitalised run from i (its end, i when none; *ncap the
** capitalised words). */
size_t lx_name_run(const struct lx_scan *s, size_t i, size_t max, int *ncap);
/* Is the entity's label this text (one space between words)? */
bool lx_same_label(const struct fc_entity *e, const char *text, size_t len);

/* ---- entity_particle.c -------------------------------------------------- */

/* The bytes of a name particle written on a surname at the start of
** w[0, n), its hyphen included ("al-" of "al-maliki"), or 0. w is in
** lower case up to the hyphen, as the lexicon's keys are (a token's key,
** or a word the tokenizer found in lower case). */
size_t lx_particle_len(const struct lx_scan *s, const char *w, size_t n);
/* Are tokens [i, end) one or two particles and the surname of who, the
** first particle a word of who's name, in any case, after its first
** ("Du Plessis said" after "Barend du Plessis", "Van der Bellen" after
** "Alexander Van der Bellen"; "Al Evans" after "Gareth Evans" is someone
** else)? */
bool lx_particle_surname(const struct lx_scan *s, size_t i, size_t end,
			 const struct fc_entity *who);
/* Is token k a surname written on its particle in lower case with a
** capital after the hyphen ("al-Maliki")? */
bool lx_is_particle_joined(const struct lx_scan *s, size_t k);
/* Does token k, a capitalised particle, open a name ("Al Gore", "De La
** Rue")? */
bool lx_opens_on_particle(const struct lx_scan *s, size_t k);

/* ---- entity_surname.c --------------------------------------------------- */

/* Resolve a surname sense at token i: a candidate met in this document,
** else a person of the document with that surname, else the first one
** the lexicon lists. */
const struct fc_entity *lx_surname_entity(struct lx_scan *s, size_t i);
/* Rule 2 at a surname sense of the k tokens at i: a firm's name it
** opens ("Harris Trust and Savings Bank"), else the person it means
** (lx_surname_entity) with a second form of the name after it. Returns
** the mention's end. */
size_t lx_take_surname(struct lx_scan *s, size_t i, size_t k);

/* ---- entity_demonym.c --------------------------------------------------- */

/* Rule 2 at a demonym of the k tokens at i (of the country, borrowed)
** that opens a name of no person and no role, maybe through one more
** demonym: the organisation's mention ("British Airways", "British
** American Tobacco"). Returns its end, or i. */
size_t lx_demonym_name(struct lx_scan *s, size_t i, size_t k,
		       const char *country);

/* ---- entity_title.c ----------------------------------------------------- */

/* Rule 1: a title phrase at i. Returns its end, or i. */
size_t lx_take_title(struct lx_scan *s, size_t i);

/* ---- entity_near.c ------------------------------------------------------ */

/* Is the capital at i used as a place ("in Tehran")? */
bool lx_place_context(const struct lx_scan *s, size_t i);
/* The end of a firm's name [i, end) that goes on through "and" or "&"
** ("Smith and Co Inc", "Securities and Investment Board", "Procter &
** Gamble"), or end when it does not. */
size_t lx_firm_and(const struct lx_scan *s, size_t i, size_t end,
		   bool is_known);
/* The end of a known firm's name [.., end) past its legal form, one
** or two words on the same line ("AT&T Inc", "Sony Co Ltd"), also
** after a group company's words that the legal form closes ("Goldman
** Sachs Group Inc", grammar.yaml name.firm-group), or end. */
size_t lx_firm_form(const struct lx_scan *s, size_t end);
/* The end of a known firm's subsidiary's name [.., end) goes on to: one
** or two org-words, not all group words, and the legal form that closes
** them ("Chrysler Financial Corp", "Goldman Sachs International Corp"),
** or end. */
size_t lx_firm_unit(const struct lx_scan *s, size_t end);
/* (lx_firm_short) sentences back a firm's short name may reach (a text
** of many articles: not another article's) */
#define LX_SHORT_SENTS 30

/* The firm named lately whose name is the name [i, end) and org-words
** after it ("CrossLand said" after "CrossLand Savings", "General
** Electric said" after "General Electric Co"), or NULL: a word named in
** an organisation's name before (lx_word_names), within the look-back. */
const struct fc_entity *lx_firm_short(struct lx_scan *s, size_t i,
				      size_t end);
/* Is token k a firm's legal form ("Inc", "Co", "Ltd"; grammar.yaml
** name.firm-suffix)? */
bool lx_is_firm_form(const struct lx_scan *s, size_t k);
/* Is token k a business line that goes on with a firm's name
** (grammar.yaml name.firm-line and name.firm-arm: "Savings", "Trust",
** "Electric", "Credit")? */
bool lx_is_firm_line(const struct lx_scan *s, size_t k);
/* Is token k a firm's arm, a business line that after the firm's name
** makes a subsidiary (grammar.yaml name.firm-arm: "Credit", "Finance";
** lx_is_firm_line too)? */
bool lx_is_firm_arm(const struct lx_scan *s, size_t k);
/* Is the country's name at token i, k tokens, a place of another
** country that shares it (the US state "Georgia")? Its sense, or NULL. */
const struct lx_sense *lx_namesake_place(const struct lx_scan *s,
					size_t i, size_t k);
/* Is the capital's name at token i, k tokens, a state of its country
** that shares it, right after "CITY," ("Seattle, Washington")? Its
** sense, or NULL. */
const struct lx_sense *lx_namesake_state(const struct lx_scan *s, size_t i,
					 size_t k);

/* A known place's name at i, k tokens (a capital, a city, a region:
** place), before ", " and a state of another country whose states
** follow a city's name (countries.yaml city_states:): a city of that
** country, name:<slug> of type city as an unknown name's there
** ("Andalusia, Alabama", "Paris, Texas" as "Beaumont, Texas"); not
** "Paris, France", nor "Tbilisi, Georgia" (a country of the place's own
** too). Pushes it and returns i + k, else returns i. */
size_t lx_city_of_state(struct lx_scan *s, size_t i, size_t k,
			const struct fc_entity *place);

/* A firm's name opened by a capitalised ordinal that the normalizer
** read as a number ("First Boston Corp", "Second National Bank"), the
** ordinal right before token i: pushes the firm and returns its end,
** else returns i. */
size_t lx_ordinal_firm(struct lx_scan *s, size_t i);

/* entity_name.c: a body's name [.., end) that ends with an org-word goes
** on with "of" and a place the lexicon knows ("Bank of New York",
** "First Union Corp of Georgia"): its end, or end; *ncap gets the
** capitalised words added. */
size_t lx_body_of_place(const struct lx_scan *s, size_t end, int *ncap);

/* Is token k a building's or a street's last word (grammar.yaml
** name.building-word: "Hotel", "Square")? */
bool lx_is_building_word(const struct lx_scan *s, size_t k);
/* (entity_unknown.c, entity_scan.c) the cue of the geographic head
** words that make one longer name with a known place before or after
** them ("Lake Ontario", "Jersey City"; grammar.yaml) */
#define LX_PLACE_HEAD_CUE "name.place-head"
/* Is token i an initial: one capital letter and a dot before a
** capitalised word ("W." in "George W. Bush"; the dot is token i + 1)? */
bool lx_is_initial(const struct lx_scan *s, size_t i);
/* Does token k's own word carry the one-word cue `id` of kind ck? */
bool lx_has_cue(const struct lx_scan *s, size_t k, enum lx_cue_kind ck,
		const char *id);
/* (entity_title.c, entity_scan.c) the cue of the title modifiers that
** make a lower role of their own ("deputy", "vice", grammar.yaml) */
#define LX_DEPUTY_MOD_CUE "title.modifier-deputy"
/* (entity_scan.c, entity_unknown.c) Is token i a capitalised deputy's
** modifier ("Vice") before one unknown org-word and no role nor
** capitalised word after it ("Vice News"): the body's first word, no
** rank ("Deputy Energy Minister", "Deputy Central Bank Governor",
** "Deputy General Manager of Sumitomo Bank" are ranks)? */
bool lx_deputy_opens_body(const struct lx_scan *s, size_t i);
/* (entity_title.c, coref_speaker.c) the cue of "shadow": a lower role
** of its own as LX_DEPUTY_MOD_CUE's, but no rank before a name */
#define LX_SHADOW_MOD_CUE "title.modifier-shadow"

/* Can the one-token country's or capital's name at i be a person's
** surname here (no demonym, no name word after it)? */
bool lx_place_surname(const struct lx_scan *s, size_t i);

/* ---- entity_name.c ------------------------------------------------------ */

/* Tokens [i, end) name an organisation the lexicon does not know: a
** mention of a new org entity labelled with their text, by rule. Returns
** end. */
size_t lx_push_new_org(struct lx_scan *s, size_t i, size_t end,
		       const char *rule);
/* ... of the country (an id's country code, or NULL) */
size_t lx_push_new_org_in(struct lx_scan *s, size_t i, size_t end,
			  const char *country, const char *rule);
/* ... of a new untyped name entity (name:<slug>), by rule "name". */
size_t lx_push_new_name(struct lx_scan *s, size_t i, size_t end);

/* A known place (i, k tokens) that opens a team's or a body's name
** ("Los Angeles Lakers"): its end, or i. */
size_t lx_place_plural(struct lx_scan *s, size_t i, size_t k);
/* A country's or a capital's name at i that is the surname of a person
** the document named ("Jordan said" after "Michael Jordan"): the
** person, or NULL. */
const struct fc_entity *lx_place_surname_person(const struct lx_scan *s,
						size_t i);
/* A capitalised plural noun that can end a team's or a body's name
** ("Lakers", "Patriots"; no place-word, given name nor known surname). */
bool lx_is_plural_name_word(struct lx_scan *s, size_t k);
/* Is the name [i, end) a place whose last word only looks plural ("Las
** Vegas", "Des Moines")? */
bool lx_is_place_plural(const struct lx_scan *s, size_t i, size_t end);
/* Does what stands around the unknown name [i, end) mark a person ("said
** Mark Feldstein", "Yvonne Hiller, 43,", "Mark Feldstein, a ...
** professor")? *role: the apposition's role (borrowed), or NULL. */
bool lx_person_context(const struct lx_scan *s, size_t i, size_t end,
		       const struct lx_role **role);

/* ---- entity_club.c ------------------------------------------------------ */

/* A club's word (grammar.yaml name.club-prefix) at i and a place's or an
** unknown name's one word: a new org of the club ("Bayern Munich", "RB
** Leipzig"), its country the place's, by rule name.club. Returns its end,
** or i. */
size_t lx_take_club(struct lx_scan *s, size_t i);

/* ---- entity_unknown.c --------------------------------------------------- */

/* Rule 3: an unknown capitalised run at i. Returns its end, or i. */
size_t lx_take_unknown(struct lx_scan *s, size_t i);

/*
** A place's name that is also a given name (place-given-name: "Sydney",
** "Paris", "Austin"), k tokens at i, before one unknown name word and a
** person's context: a person's name ("Sydney Reyes said", "said Paris
** Hilton", "Austin Rivers, 24,"). Not after a determiner ("the Dallas
** Cowboys said"), nor before an org-word, a place-word or a source noun
** ("Houston Chronicle", "Orlando Police"), nor before a word the document
** used in an organisation's name. Returns the name's end, or i.
*/
size_t lx_place_given_name(struct lx_scan *s, size_t i, size_t k);

/* (the tests that turn away most tokens, inline at the two callers:
** take_phrase, lx_take_unknown) */
static inline size_t lx_place_given(struct lx_scan *s, size_t i, size_t k)
{
	const struct lx_tok *t = &s->t.v[i];
	if (k != 1 || !(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_HEADLINE | LX_T_UPPER)) ||
	    !lx_word_cue(s, i, LX_CUE_PLACE_GIVEN))
		return i;
	return lx_place_given_name(s, i, k);
}

/* (entity_lone.c) Is token i a word of grammar.yaml's common words
** ("Young", "Long", "Rich") opening its sentence before a lower-case
** word that no cue makes a verb or a function word ("Young people",
** "Long lines"): an adjective or a noun that modifies the next word, no
** lone word of a person's name. */
bool lx_modifies_next(const struct lx_scan *s, size_t i);
/* (entity_lone.c) The untyped name named lately whose last word is the
** lone capitalised word i ("Blackmore was charged" after "Police
** arrested Winston Blackmore"), or NULL: one such name only, its label
** all capitalised words (no "Sea of Azov" for "Azov"), a given name
** opening it or a verb of saying next to the word ("Gurria said" after
** "Angel Gurria"), a word the document never writes in lower case, no
** org-word, place-word, source noun or acronym, no common word
** modifying the next (lx_modifies_next), not after a determiner, an
** initial or a place's cue ("in", "from"), not before a capitalised
** word or a number. Borrowed
** from the scan. */
const struct fc_entity *lx_last_word_name(struct lx_scan *s, size_t i);

/* Does a verb of saying stand right before or after the name [i, end)
** ("said Sales", "Sales added", "Gurria said")? (entity_lone.c) */
bool lx_says_next_to(const struct lx_scan *s, size_t i, size_t end);

/* A place's one-word name at i (k words: one only) that is a place's
** word too (grammar.yaml name.place-word) before "of" and a capitalised
** name: a name of its own with them ("Gulf of Aden" is no Persian Gulf,
** the "Gulf" alone means; not "exports to Europe of Japanese cars",
** "sales in Texas of Exxon fuel"). Returns its end, or i. */
size_t lx_place_of(struct lx_scan *s, size_t i, size_t k);
/* (entity_lone.c) An unknown water's word (grammar.yaml name.water-word:
** "Sea", "Bay", "Strait") before "of" and a capitalised name, known or
** not: one name:<slug> ("the Sea of Japan" is no mention of Japan).
** Returns its end, or i. */
size_t lx_water_of(struct lx_scan *s, size_t i);
/* (entity_lone.c) A sentence-initial word that is more likely an
** adjective or an adverb than a name ("Top-ranked", "Previously"). */
bool lx_is_initial_nonname(const struct lx_scan *s, size_t i);
/* (entity_lone.c) A word ending in "ing" (five letters or more): "Having
** told ...", "Being asked ..." open a clause, not a name. */
bool lx_is_gerund(const struct lx_scan *s, size_t i);

/* (entity_office.c) A capitalised role, its "'s" (or a determiner
** before it) and a capitalised org-word right after it that ends the
** name (no "of" after it: "the President's Council of Economic
** Advisers" is the council's): the body the role heads, one org:<slug> ("the Mayor's Office
** said", "the Sheriff Department"; a name after the role is a person's:
** "Sheriff Joe Arpaio"). Returns its end, or i. */
size_t lx_role_body(struct lx_scan *s, size_t i);
/* (entity_office.c) The end of such a body's name that the role at i
** opens, or i; is_owned: a determiner or a place's name stands before
** it, so no "'s" is needed ("Marion County Sheriff Department"). */
size_t lx_role_body_end(const struct lx_scan *s, size_t i, bool is_owned);

/* (entity_office.c) Is the capitalised one-word role at k, right
** after the name word k - 1 of a run that a given name opens at i, the
** name's surname? It ends the name, no capitalised word nor "'s" after
** it: "Ali Modu Sheriff said", "New Zealander Bruce Judge" (not "Acme
** Chairman John Smith": no given name opens; "Sheriff Joe Arpaio": a
** name follows the title; "the Robert Pickell Sheriff's Office"). */
bool lx_role_surname(const struct lx_scan *s, size_t i, size_t k);

/* (entity_lone.c) The end of listed person who's short name that ends
** at end, taking a second short name of the same person right after it
** ("Bibi Netanyahu": one mention of Benjamin Netanyahu), or end. */
size_t lx_short_pair_end(struct lx_scan *s, size_t end,
			 const struct fc_entity *who);

/* (entity_lone.c) Token i, a lone capitalised word, as the last word
** of an untyped name named lately (lx_last_word_name): a mention of that
** name, or of its person next to a verb of saying when a given name
** opens it ("Stenholm said" after "Rep. Charles Stenholm"). Returns
** i + 1 when it pushed one, else i. */
size_t lx_take_name_word(struct lx_scan *s, size_t i);

#endif
