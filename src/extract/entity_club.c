/*
** entity_club.c: a sports club named by a club's word and a place or a
** name ("Bayern Munich", "Real Madrid", "RB Leipzig", "AC Milan"): one
** organisation, no role ("RB" is a running back before a person's name
** only) and no city or government of the place ("Real Madrid lost" is
** no act of Spain's government). The club's words are grammar.yaml's
** name.club-prefix org-words: data, no club is listed one by one.
*/
#include "extract/entity_p.h"

/* (grammar.yaml) the cue of a word that opens a club's name */
#define CLUB_PREFIX_CUE "name.club-prefix"

/* The end of the place's or the name's one word at j that a club's word
** opens, or j: a known place's name (a country's, a capital's, a city's,
** a region's: "Real Madrid", "Sporting Lisbon"), or one unknown name
** word, not an acronym ("Real GDP"), a possessive, a given name nor a
** person's surname named before ("RB Jones" after "Kevin Jones"), nor
** an org-word or a word written in lower case elsewhere; nothing
** capitalised after it ("Real Estate Investment Trust" is no club).
** *country: the place's country (borrowed), or NULL. */
static size_t club_place_end(struct lx_scan *s, size_t j,
			     const char **country)
{
	static const int kinds[] = {LX_S_CITY, LX_S_CAPITAL, LX_S_COUNTRY,
				    LX_S_PLACE};
	*country = NULL;
	if (j >= s->t.n || !lx_joins(s, j) || !(s->t.v[j].flags & LX_T_CAP) ||
	    lx_is_acronym(s, j) || (s->t.v[j].flags & LX_T_POSS))
		return j;
	size_t e = j;
	if (lx_is_name_word(s, j) && !lx_is_particle(s, j)) {
		/* (nor an org-word, "RB Industries Inc", nor a word the
		** document writes in lower case, "NBC's Real Life program") */
		if (lx_word_cue(s, j, LX_CUE_GIVEN_NAME) ||
		    lx_word_cue(s, j, LX_CUE_ORG_WORD) ||
		    lx_lower_elsewhere(s, j) || lx_find_surname(s, j))
			return j;
		e = j + 1;
	} else {
		for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
			const struct lx_sense *se = lx_tok_sense(s, j, kinds[k]);
			if (se && se->ntok == s->t.v[j].match_ntok) {
				e = j + se->ntok;
				*country = s->l->ents[se->ref].e.country;
				break;
			}
		}
	}
	if (e == j || (e < s->t.n && lx_joins(s, e) &&
		       (s->t.v[e].flags & LX_T_CAP) && !lx_is_poss(s, e)))
		return j;
	return e;
}

size_t lx_take_club(struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if (!(t->flags & LX_T_CAP) || (t->flags & LX_T_HEADLINE) ||
	    !lx_has_cue(s, i, LX_CUE_ORG_WORD, CLUB_PREFIX_CUE))
		return i;
	const char *country;
	size_t end = club_place_end(s, i + 1, &country);
	if (end == i + 1)
		return i;
	return lx_push_new_org_in(s, i, end, country, "name.club");
}
