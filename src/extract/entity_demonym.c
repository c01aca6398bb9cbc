/*
** entity_demonym.c: pass A, rule 2 at a demonym that opens a name of
** its own: "British Airways", "British American Tobacco", "Irish Times"
** name a firm or a paper, no mention of the countries ("American
** Express", one plain word, stays the country: "Iraqi Kurds").
** entity_scan.c's place_name reads a demonym before two words or more
** that end with an org-word ("Syrian Arab News Agency"); this reads one
** org-word, and the names two demonyms open.
*/
#include "extract/entity_p.h"

/* (lx_demonym_name) demonyms that may open one name ("British
** American Tobacco") */
#define DEMONYMS_MAX 2

/* (lx_demonym_name) Is a person named from token j: a given name
** before another name word ("American Serena Williams", "Briton Andy
** Murray")? */
static bool person_from(const struct lx_scan *s, size_t j, size_t end)
{
	for (size_t p = j; p + 1 < end; p++)
		if (lx_word_cue(s, p, LX_CUE_GIVEN_NAME) &&
		    lx_is_name_word(s, p + 1))
			return true;
	return false;
}

/* (lx_demonym_name, entity_p.h) */
size_t lx_demonym_name(struct lx_scan *s, size_t i, size_t k,
		       const char *country)
{
	if ((s->t.v[i].flags & (LX_T_HEADLINE | LX_T_UPPER)) ||
	    (i > 0 && lx_joins(s, i) && lx_is_name_word(s, i - 1) &&
	     !(s->t.v[i].flags & LX_T_SSTART)))
		return i;
	size_t j = i + k;
	const struct lx_sense *se;
	int n = 1;
	for (; n < DEMONYMS_MAX && lx_joins(s, j) &&
	       (se = lx_tok_sense(s, j, LX_S_DEMONYM));
	     n++)
		j += se->ntok;
	/* (a word the document writes in lower case is a common noun the
	** demonym modifies: "the Iraqi Parliament") */
	if (!lx_joins(s, j) || !lx_is_name_word(s, j) || lx_is_particle(s, j) ||
	    lx_lower_elsewhere(s, j))
		return i;
	int ncap;
	size_t end = lx_name_run(s, j, LX_MAX_NAME, &ncap);
	/* one org-word after one demonym ("British Airways", "Irish
	** Times"; two or more: place_name), any name after two that no
	** person's given name opens ("British American Tobacco"); not one
	** plain word after one ("Iraqi Kurds", "American Express": a
	** people's name as often) */
	bool is_name = n == 1 ? end == j + 1 &&
					lx_word_cue(s, j, LX_CUE_ORG_WORD)
			      : end > j && !person_from(s, j, end) &&
					!lx_word_cue(s, j, LX_CUE_GIVEN_NAME);
	if (!is_name || lx_tok_sense(s, end, LX_S_ROLE))
		return i;
	/* ("American Savings and Loan Association of Florida": one firm) */
	size_t firm = lx_firm_and(s, i, end, false);
	if (firm > end) {
		int nof = 0;
		end = lx_body_of_place(s, firm, &nof);
	}
	return lx_push_new_org_in(s, i, end, country, "name.org");
}
