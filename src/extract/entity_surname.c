/*
** entity_surname.c: pass A, rule 2 at a surname the lexicon lists (a
** person of people.yaml named by the last word of the name): the
** person it means in this document, or the longer name it opens.
*/
#include <string.h>

#include "extract/entity_p.h"

/* (lx_surname_entity, entity_p.h) */
const struct fc_entity *lx_surname_entity(struct lx_scan *s, size_t i)
{
	const struct lx_sense *first = NULL;
	for (const struct lx_sense *se = s->t.v[i].match->senses; se;
	     se = se->next) {
		if (se->kind != LX_S_SURNAME || !lx_sense_ok(s, se, i))
			continue;
		if (!first)
			first = se;
		const struct fc_entity *known =
			lx_find_person(s, s->l->ents[se->ref].e.id);
		if (known)
			return known;
	}
	/* (no such person named yet: a person of the document with this
	** surname is the one meant, "Harris said" after "John Harris") */
	const struct fc_entity *doc;
	if (first && first->ntok == 1 && (doc = lx_find_surname(s, i)) &&
	    doc->type == FC_ENT_PERSON)
		return doc;
	return first ? lx_intern(s, first->ref) : NULL;
}

/* (lx_take_surname, entity_p.h) */
size_t lx_take_surname(struct lx_scan *s, size_t i, size_t k)
{
	/* ("Harris Trust and Savings Bank": a firm's name that a known
	** surname opens) */
	int ncap;
	size_t end = i + k;
	if (lx_joins(s, i + k) && lx_is_name_word(s, i + k) &&
	    !lx_is_particle(s, i + k) &&
	    !(s->t.v[i].flags & LX_T_HEADLINE))
		end = lx_name_run(s, i + k, LX_MAX_NAME, &ncap);
	if (end > i + k && lx_word_cue(s, end - 1, LX_CUE_ORG_WORD))
		return lx_push_new_org(s, i, lx_firm_and(s, i, end, false),
				       "name.org");
	/* (and a place's: "Harris County", "Harris Street", as "Smith
	** County" is one name, lx_take_unknown) */
	if (end > i + k && lx_word_cue(s, end - 1, LX_CUE_PLACE_WORD))
		return lx_push_new_name(s, i, end);
	const struct fc_entity *e = lx_surname_entity(s, i);
	/* ("Harris said" after "Harris Corp": the firm the document
	** named, before a listed person it has not named) */
	const struct fc_entity *firm;
	if (k == 1 && !(s->t.v[i].flags & LX_T_HEADLINE) && e &&
	    !lx_find_person(s, e->id) && (firm = lx_firm_short(s, i, i + 1))) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + 1), firm,
			     "coref.org");
		return i + 1;
	}
	size_t end2 = lx_short_pair_end(s, i + k, e);
	lx_push_ment(s, (uint32_t)i, (uint32_t)end2, e, "lexicon.surname");
	return end2;
}
