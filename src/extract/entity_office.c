/*
** entity_office.c: a country's office named by its role alone where no
** listed person is the holder meant ("the Iranian president" of a 2015
** text when the listed president took office in 2024; "the then U.S.
** president", the holder at the time of the events, not the document's
** date): entity office:<slug of "Role of Country">, type person, with
** the role and the country and no person's name, so that the office's
** mentions and what it said are kept and agree across sources. And an
** organisation's officer named by role alone ("the Apple spokesman"):
** the person the document named with that organisation and role. And
** a role phrase in apposition to a person just named ("Tzipi Livni, the
** Israeli foreign minister, said"): that person. And the body a
** capitalised role heads ("the Mayor's Office", "Sheriff Department"),
** and a role that is a name's last word ("Ali Modu Sheriff said").
*/
#include <stdio.h>
#include <string.h>

#include "extract/entity_p.h"

#define OFFICE_LABEL 160 /* bytes of "Role of Country" */
/* (lx_recent_officer) tokens before a person's mention, in its sentence,
** where its title may name the body: "Federal Reserve Board Chairman
** Paul\nVolcker" (a name the line break cut: the mention is "Volcker") */
#define TITLE_BEFORE 6

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

/* Does a token of [t0, t1) name the lexicon organisation org? */
static bool names_org(const struct lx_scan *s, uint32_t t0, uint32_t t1,
		      uint32_t org)
{
	for (uint32_t k = t0; k < t1; k++) {
		const struct lx_sense *se = lx_tok_sense(s, k, LX_S_ORG);
		if (se && se->ref == org)
			return true;
	}
	return false;
}

/* The first token of a title before the mention mt: up to TITLE_BEFORE
** tokens back in its sentence (and the piece). */
static uint32_t title_start(const struct lx_scan *s,
			    const struct lx_ment *mt)
{
	uint32_t k = mt->t0;
	while (k > s->t0 && mt->t0 - k < TITLE_BEFORE &&
	       s->t.v[k - 1].sent == mt->sent)
		k--;
	return k;
}

const struct fc_entity *lx_recent_officer(const struct lx_scan *s,
					 uint32_t org, const char *country,
					 const struct lx_role *role,
					 uint32_t before_tok)
{
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct lx_ment *mt = &s->ments[m];
		if (mt->t0 >= before_tok || mt->ent->type != FC_ENT_PERSON ||
		    !lx_role_matches(s->l, mt->ent, role))
			continue;
		/* (a mention carried from the piece before has no phrases
		** matched: the officer of the body's country there) */
		if (mt->t0 < s->t0 ? mt->ent->country && country &&
					     !strcmp(mt->ent->country, country)
				   : names_org(s, title_start(s, mt), mt->t1,
					       org))
			return mt->ent;
	}
	return NULL;
}

/* Is the role phrase ending before token k the subject of a verb of
** saying right after it (grammar.yaml report cues, "also" before them:
** "Like Ariel Sharon, the Israeli prime minister said"), no apposition
** that a comma, "and" or a complement goes on ("Joe Clark, Canadian
** secretary of state for external affairs, said")? */
static bool is_subject(const struct lx_scan *s, size_t k)
{
	while (lx_joins(s, k) && lx_tok_cue(s, k, LX_CUE_SKIP))
		k++;
	return lx_joins(s, k) && lx_tok_cue(s, k, LX_CUE_REPORT);
}

const struct fc_entity *lx_apposed_person(const struct lx_scan *s, size_t i,
					  size_t role_end, const char *country)
{
	if (i < 2 || i - 1 < s->t0 || !lx_joins(s, i) ||
	    !lx_joins(s, i - 1) || !lx_is_punct(s, i - 1, ','))
		return NULL;
	uint32_t m = s->t.v[i - 2].ment;
	if (m == FC_NONE || s->ments[m].t1 != i - 1)
		return NULL;
	/* (a role phrase that is a verb's subject is the person only when
	** the person opens the sentence, a comma missed: "Tzipi Livni, the
	** Israeli foreign minister said"; else the name is in a phrase put
	** before the subject: "Asked about Ehud Olmert, the Israeli prime
	** minister said") */
	if (is_subject(s, role_end) &&
	    !(s->t.v[s->ments[m].t0].flags & LX_T_SSTART))
		return NULL;
	const struct fc_entity *e = s->ments[m].ent;
	/* (a person of another country is a list's: "Putin, the Israeli
	** prime minister and ...") */
	if (e->type != FC_ENT_PERSON || strncmp(e->id, "person:", 7) ||
	    (e->country && country && strcmp(e->country, country)))
		return NULL;
	return e;
}

size_t lx_role_body_end(const struct lx_scan *s, size_t i, bool is_owned)
{
	const struct lx_sense *se = lx_tok_sense(s, i, LX_S_ROLE);
	if (!se || !(s->t.v[i].flags & LX_T_CAP) ||
	    (s->t.v[i].flags & (LX_T_HEADLINE | LX_T_UPPER)))
		return i;
	size_t j = i + se->ntok;
	/* (after "'s", or after a determiner or a place: "Chief Financial
	** Officer", "American President Cos Ltd" are no role's body) */
	if (lx_is_poss(s, j) && lx_joins(s, j))
		j++;
	else if (!is_owned)
		return i;
	/* (the org-word last: "Sheriff's Office", not "the President
	** Bank Holding") */
	/* (nor before "of": "the President's Council of Economic Advisers"
	** is the council's own name, the scan's from "Council") */
	if (!lx_joins(s, j) || !(s->t.v[j].flags & LX_T_CAP) ||
	    !lx_word_cue(s, j, LX_CUE_ORG_WORD) ||
	    (lx_joins(s, j + 1) &&
	     ((s->t.v[j + 1].flags & (LX_T_CAP | LX_T_POSS)) ||
	      lx_is_of(s, j + 1))))
		return i;
	return j + 1;
}

size_t lx_role_body(struct lx_scan *s, size_t i)
{
	bool is_det = i > 0 && lx_joins(s, i) && lx_tok_cue(s, i - 1, LX_CUE_DET);
	size_t end = lx_role_body_end(s, i, is_det);
	return end > i ? lx_push_new_org(s, i, end, "name.org") : i;
}

/* (lx_role_surname, entity_p.h) */
bool lx_role_surname(const struct lx_scan *s, size_t i, size_t k)
{
	const struct lx_tok *t = &s->t.v[k];
	const struct lx_sense *se = lx_tok_sense(s, k, LX_S_ROLE);
	if (!se || se->ntok != 1 || !(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_SSTART | LX_T_HEADLINE | LX_T_UPPER |
			 LX_T_POSS)) ||
	    !lx_word_cue(s, i, LX_CUE_GIVEN_NAME) ||
	    lx_word_cue(s, k - 1, LX_CUE_PLACE_WORD) ||
	    lx_word_cue(s, k - 1, LX_CUE_ORG_WORD))
		return false;
	/* (no place's or body's word before it: "a Warren County Judge
	** ruled"; nor before "'s": "the Robert Pickell Sheriff's Office") */
	return !(lx_joins(s, k + 1) && ((s->t.v[k + 1].flags & LX_T_CAP) ||
					 lx_is_poss(s, k + 1)));
}
