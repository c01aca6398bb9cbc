/*
** entity_office.c: a country's office named by its role alone where no
** listed person is the holder meant ("the Iranian president" of a 2015
** text when the listed president took office in 2024; "the then U.S.
** president", the holder at the time of the events, not the document's
** date): entity office:<slug of "Role of Country">, type person, with
** the role and the country and no person's name, so that the office's
** mentions and what it said are kept and agree across sources.
*/
#include <stdio.h>
#include <string.h>

#include "extract/entity_p.h"

#define OFFICE_LABEL 160 /* bytes of "Role of Country" */

const struct fc_entity *lx_office(struct lx_scan *s, const char *country,
				  const struct lx_role *role)
{
	int ix = lx_alpha2_index(country);
	uint32_t c = ix >= 0 ? s->l->by_alpha2[ix] : FC_NONE;
	if (c == FC_NONE || !role->is_office)
		return NULL;
	char label[OFFICE_LABEL];
	int n = snprintf(label, sizeof(label), "%s of %s", role->role,
			 s->l->ents[c].e.label);
	if (n < 0 || (size_t)n >= sizeof(label))
		return NULL;
	if (label[0] >= 'a' && label[0] <= 'z')
		label[0] = (char)(label[0] - 'a' + 'A');
	return lx_new_entity(s, "office", label, (size_t)n, FC_ENT_PERSON,
			     country, role->role);
}
