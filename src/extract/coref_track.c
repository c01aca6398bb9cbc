/*
** coref_track.c: within-document coreference for the lexicon stage.
**
** The scan keeps every entity mention in text order (s->ments, here) and
** every distinct person (s->persons, with the normalised last name
** token: coref_person.c) to resolve:
**   surnames            "Pezeshkian" after "President Masoud Pezeshkian"
**   demonym + role      "the Russian leader" -> the last Russian leader
**   groups              "the two leaders" -> the last two persons
**   short forms         "Prince Turki" after "Prince Turki al-Faisal"
**   typed names         an untyped name:<slug> takes the type a cue gave
**                       the same label (a title or an apposition's role,
**                       an org-word, a team, a city) anywhere in the
**                       document (lx_type_names)
** Look-backs are bounded, so long documents stay linear. This file: the
** mentions, the roles and terms of listed persons, groups; coref_p.h
** lists the others.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/coref_p.h"
#include "extract/entity_p.h"
#include "extract/lexicon_p.h"

void lx_push_ment(struct lx_scan *s, uint32_t t0, uint32_t t1,
		  const struct fc_entity *e, const char *rule)
{
	if (!e || s->err || t1 <= t0)
		return;
	/* a short form of an earlier name ("Prince Turki" after "Prince
	** Turki al-Faisal"), a name the lexicon lists aside; else the
	** name's parts for later short forms */
	bool is_named = (e->type == FC_ENT_PERSON || e->type == FC_ENT_OTHER) &&
			strncmp(rule, "coref.", 6) &&
			(strncmp(rule, "lexicon.", 8) ||
			 !strcmp(rule, "lexicon.title"));
	bool titled = is_named && lx_tok_sense(s, t0, LX_S_ROLE);
	/* (a person of the document already is that one: "Ms Page" after
	** "Bettie Page" is no "Bettie Page T-shirts") */
	const struct fc_entity *full =
		is_named && !(e->type == FC_ENT_PERSON &&
			      lx_find_person(s, e->id))
			? lx_short_form(s, e, titled)
			: NULL;
	if (full) {
		e = full;
		rule = "coref.name";
	} else if (is_named && (e->type == FC_ENT_PERSON || titled)) {
		lx_note_parts(s, e, titled);
	}
	if (s->nments == s->capments) {
		size_t cap = s->capments ? s->capments * 2 : 64;
		struct lx_ment *v = realloc(s->ments, cap * sizeof(*v));
		if (!v) {
			s->err = FC_ENOMEM;
			return;
		}
		s->ments = v;
		s->capments = cap;
	}
	uint32_t mi = (uint32_t)s->nments++;
	s->ments[mi] = (struct lx_ment){t0, t1, s->t.v[t0].sent, e, rule};
	for (uint32_t i = t0; i < t1; i++)
		s->t.v[i].ment = mi;
	/* The last name token of a person, for later surnames (a surname
	** that found its person means it already). */
	if (e->type == FC_ENT_PERSON && strcmp(rule, "coref.surname"))
		lx_note_person(s, e, t0, t1);
	else if (e->type == FC_ENT_ORG)
		lx_note_words(s, t0, t1, NULL, lx_is_firm_full(s, t0, t1, rule)
						    ? mi + 1
						    : 0);
	else if (e->type == FC_ENT_OTHER && t1 - t0 >= 2 && !strcmp(rule, "name"))
		lx_note_last_word(s, t0, t1, e);
}

bool lx_named_within(const struct lx_scan *s, const struct fc_entity *e,
		     size_t i, uint32_t nsents)
{
	uint32_t sent = s->t.v[i].sent;
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct lx_ment *mt = &s->ments[m];
		if (mt->sent + nsents < sent)
			return false;
		if (mt->ent == e || !strcmp(mt->ent->id, e->id))
			return true;
	}
	return false;
}

static bool is_leader_role(const struct fc_lexicon *l, const char *role)
{
	if (!role)
		return false;
	for (size_t i = 0; i < l->nroles; i++)
		if (l->roles[i].is_leader && !l->roles[i].is_generic &&
		    !strcmp(l->roles[i].role, role))
			return true;
	return false;
}

bool lx_role_matches(const struct fc_lexicon *l, const struct fc_entity *e,
		     const struct lx_role *role)
{
	if (role->is_generic)
		return !role->is_leader || is_leader_role(l, e->role);
	return e->role && !strcmp(e->role, role->role);
}

const struct fc_entity *lx_recent_person(const struct lx_scan *s,
					 const char *country,
					 const struct lx_role *role,
					 uint32_t before_tok)
{
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct lx_ment *mt = &s->ments[m];
		const struct fc_entity *e = mt->ent;
		if (mt->t0 >= before_tok || e->type != FC_ENT_PERSON)
			continue;
		if (e->country && !strcmp(e->country, country) &&
		    lx_role_matches(s->l, e, role))
			return e;
	}
	return NULL;
}

/* Does term t hold the document's date (false when it has none)? */
static bool term_holds(const struct lx_scan *s, const struct lx_term *t)
{
	return s->has_date && s->doc_days >= t->since &&
	       s->doc_days <= t->until;
}

const char *lx_term_role(const struct lx_scan *s, const struct lx_ent *p)
{
	for (uint32_t k = 0; k < p->nterms; k++)
		if (term_holds(s, &p->terms[k]))
			return p->terms[k].role;
	return NULL;
}

/* Does the document's date (none: any date) lie within a term of the
** lexicon person's role (a term of another role aside)? (people.yaml
** lists today's office holders: "the American president" of a 2009 text
** is not the president of 2025.) */
static bool in_term(const struct lx_scan *s, const struct lx_ent *p)
{
	if (!p->nterms || !s->has_date)
		return true;
	for (uint32_t k = 0; k < p->nterms; k++)
		if (!p->terms[k].role && term_holds(s, &p->terms[k]))
			return true;
	return false;
}

/* Is role the lexicon person's, or the role of one of its terms; and
** *now whether the person holds it at the document's date. */
static bool has_role(const struct lx_scan *s, const struct lx_ent *p,
		     const struct lx_role *role, bool *now)
{
	struct fc_entity e = p->e;
	bool any = lx_role_matches(s->l, &e, role);
	*now = any && in_term(s, p);
	for (uint32_t k = 0; k < p->nterms; k++) {
		if (!p->terms[k].role)
			continue;
		e.role = p->terms[k].role;
		if (!lx_role_matches(s->l, &e, role))
			continue;
		any = true;
		*now |= term_holds(s, &p->terms[k]);
	}
	return any;
}

const struct fc_entity *lx_lexicon_person(struct lx_scan *s,
					  const char *country,
					  const struct lx_role *role,
					  bool *listed)
{
	const struct fc_lexicon *l = s->l;
	*listed = false;
	for (size_t i = 0; i < l->nents; i++) {
		const struct fc_entity *e = &l->ents[i].e;
		bool now;
		if (e->type != FC_ENT_PERSON || !e->country ||
		    strcmp(e->country, country) ||
		    !has_role(s, &l->ents[i], role, &now))
			continue;
		*listed = true;
		if (now)
			return lx_intern(s, (uint32_t)i);
	}
	return NULL;
}
