/*
** entity_lone.c: what a lone capitalised word that the scan would link
** to a name met before is: the name's (its last word again, "Blackmore
** was charged"), or a common word capitalised by its place ("Young
** people" after "Senator Young Kim").
*/
#include <string.h>

#include "extract/entity_p.h"

/* (grammar.yaml) the place-words that name a water: "the Sea of Japan" */
#define WATER_CUE "name.water-word"

size_t lx_water_of(struct lx_scan *s, size_t i)
{
	/* (before a place the lexicon knows too: "the Straits of Florida"
	** is no mention of Florida; a water's other spelling is the listed
	** water's alias, "Straits of Hormuz", a phrase that never gets here) */
	if (!lx_has_cue(s, i, LX_CUE_PLACE_WORD, WATER_CUE))
		return i;
	return lx_place_of(s, i, 1);
}

/* Does a cue of the lexicon make token k a verb, an auxiliary or a
** function word ("said", "has", "not", "the")? */
static bool is_verb_or_function(const struct lx_scan *s, size_t k)
{
	static const enum lx_cue_kind kinds[] = {
		LX_CUE_REPORT,	 LX_CUE_PERSON_VERB, LX_CUE_QUOTE_VERB,
		LX_CUE_SKIP,	 LX_CUE_NEGATION,    LX_CUE_HEDGE,
		LX_CUE_STOP,	 LX_CUE_PARTICLE,    LX_CUE_PLACE_CONTEXT,
	};
	if (!s->t.v[k].match)
		return false;
	for (size_t c = 0; c < sizeof(kinds) / sizeof(*kinds); c++)
		if (lx_tok_cue(s, k, kinds[c]))
			return true;
	return false;
}

bool lx_modifies_next(const struct lx_scan *s, size_t i)
{
	if (!(s->t.v[i].flags & LX_T_SSTART) ||
	    !lx_word_cue(s, i, LX_CUE_COMMON_WORD) || !lx_joins(s, i + 1))
		return false;
	const struct lx_tok *n = &s->t.v[i + 1];
	if (!(n->flags & LX_T_WORD) ||
	    (n->flags & (LX_T_CAP | LX_T_DIGIT | LX_T_NL)) ||
	    is_verb_or_function(s, i + 1) || lx_word_cue(s, i + 1, LX_CUE_AUX))
		return false;
	/* (a past tense is the name's verb: "Young resigned") */
	size_t len;
	const char *k = lx_key(&s->t, i + 1, 1, &len);
	return !(len > 3 && !memcmp(k + len - 2, "ed", 2));
}

bool lx_says_next_to(const struct lx_scan *s, size_t i, size_t end)
{
	if (i > 0 && !(s->t.v[i].flags & LX_T_NL) &&
	    lx_tok_cue(s, i - 1, LX_CUE_PERSON_VERB))
		return true;
	return lx_joins(s, end) && (lx_tok_cue(s, end, LX_CUE_PERSON_VERB) ||
				    lx_tok_cue(s, end, LX_CUE_REPORT));
}

/* Is label lab all capitalised words ("Winston Blackmore", not "Sea of
** Azov")? */
static bool all_cap_words(const char *lab)
{
	for (const char *p = lab; *p; p++)
		if ((p == lab || p[-1] == ' ') && *p >= 'a' && *p <= 'z')
			return false;
	return true;
}

const struct fc_entity *lx_last_word_name(struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if ((t->flags & (LX_T_HEADLINE | LX_T_UPPER)) ||
	    t->end - t->start < 2)
		return NULL;
	/* (as a name's word stands: not after a determiner, "the Mac", nor
	** before a capitalised word or a number, "Class A", "Shr 70 cts") */
	if ((i > 0 && lx_joins(s, i) && lx_tok_cue(s, i - 1, LX_CUE_DET)) ||
	    (lx_joins(s, i + 1) &&
	     (s->t.v[i + 1].flags & (LX_T_CAP | LX_T_DIGIT))))
		return NULL;
	/* (a name no given name opens is a person's before or after a verb
	** of saying only: "Gurria said" after "Angel Gurria"; "Shr 70 cts"
	** after "Oper Shr" is none) */
	const struct lx_nslot *w = lx_word_names(s, i);
	if (!w || !(w->flags & LX_N_LAST) ||
	    (!(w->flags & LX_N_GIVEN) && !lx_says_next_to(s, i, i + 1)) ||
	    (w->flags & (LX_N_MANY | LX_N_ORG)) || !all_cap_words(w->e->label))
		return NULL;
	/* (a common word modifying the next: "Long queues formed" after
	** "Winston Long", as lx_take_unknown's own link) */
	/* (nor after a place's cue, "Residents in Blackmore", which stays
	** the place the scan makes of it) */
	if (lx_modifies_next(s, i) || lx_place_context(s, i) ||
	    lx_word_cue(s, i, LX_CUE_ORG_WORD) ||
	    lx_word_cue(s, i, LX_CUE_PLACE_WORD) ||
	    lx_word_cue(s, i, LX_CUE_SOURCE_NOUN) || lx_lower_elsewhere(s, i))
		return NULL;
	/* (named lately: the table holds the names of the whole text, "T.
	** Y. Hilton" in a game's story is no Paris Hilton of another) */
	if ((i >= 2 && lx_is_initial(s, i - 2)) ||
	    !lx_named_within(s, w->e, i, LX_SHORT_SENTS))
		return NULL;
	return w->e;
}

/* (lx_is_initial_nonname, lx_is_gerund: entity_p.h) */
bool lx_is_initial_nonname(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if (!(t->flags & LX_T_SSTART))
		return false;
	size_t len;
	const char *k = lx_key(&s->t, i, 1, &len);
	/* (a hyphenated word, "Pro-Russian", unless a surname on its
	** particle: "Al-Maliki said") */
	if (memchr(k, '-', len))
		return !lx_particle_len(s, k, len);
	return len > 5 && !memcmp(k + len - 2, "ly", 2);
}

bool lx_is_gerund(const struct lx_scan *s, size_t i)
{
	size_t len;
	const char *k = lx_key(&s->t, i, 1, &len);
	return len >= 5 && !memcmp(k + len - 3, "ing", 3);
}

size_t lx_short_pair_end(struct lx_scan *s, size_t end,
			 const struct fc_entity *who)
{
	if (!who || !lx_joins(s, end) || !lx_tok_sense(s, end, LX_S_SURNAME) ||
	    lx_surname_entity(s, end) != who)
		return end;
	return end + s->t.v[end].match_ntok;
}

size_t lx_take_name_word(struct lx_scan *s, size_t i)
{
	const struct fc_entity *who = lx_last_word_name(s, i);
	if (!who)
		return i;
	/* (next to a verb of saying, the person of a name a given name
	** opens, as a lone name opening its sentence before "said" is:
	** "Stenholm said" after "Rep. Charles Stenholm"; "Bull said" after
	** "Honeywell Bull" stays the name's) */
	bool is_said = lx_says_next_to(s, i, i + 1) &&
		       (lx_word_names(s, i)->flags & LX_N_GIVEN);
	if (is_said)
		who = lx_new_entity(s, "person", who->label, strlen(who->label),
				    FC_ENT_PERSON, NULL, NULL);
	if (who)
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + 1), who,
			     is_said ? "name.person-surname" : "coref.name-word");
	return i + 1;
}
