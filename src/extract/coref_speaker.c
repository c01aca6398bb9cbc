/*
** coref_speaker.c: the look-backs of pass B (cue_scan.c) for the subject
** of a verb of saying that names no one: "the minister said" (the
** document's last person of that role), "the Health Ministry said" (the
** government of the country named last); two in the sentence that names
** the last: either, so none. Pass B runs after pass A over
** a whole piece, so every look-back starts at the mentions before its
** token (lx_ments_to), not at the piece's last: a look-back from the end
** would spend its steps on the mentions after the token, more of them
** the longer the piece, and the output would hang on where the stream
** cut its pieces.
*/
#include <string.h>

#include "extract/coref_p.h"
#include "extract/entity_p.h"
#include "extract/lexicon_p.h"

/* (pass A pushed the mentions left to right without overlaps, so their
** ends ascend) */
size_t lx_ments_to(const struct lx_scan *s, size_t i)
{
	size_t lo = 0, hi = s->nments;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->ments[mid].t1 > i)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Does the role r open with a word of title.modifier-deputy or
** title.modifier-shadow (grammar.yaml: "vice president", "deputy
** minister", "shadow chancellor")? */
static bool is_lesser(const struct fc_lexicon *l, const char *r)
{
	const char *sp = strchr(r, ' ');
	const struct lx_slot *w = sp ? lx_gaz_find(l, r, (size_t)(sp - r))
				     : NULL;
	for (const struct lx_sense *se = w ? w->senses : NULL; se;
	     se = se->next)
		if (se->kind == LX_S_CUE && se->ntok == 1 &&
		    (!strcmp(l->cues[se->ref].id, LX_DEPUTY_MOD_CUE) ||
		     !strcmp(l->cues[se->ref].id, LX_SHADOW_MOD_CUE)))
			return true;
	return false;
}

/* May "the ROLE" shorten the role r that ends with ROLE? Not one that
** leads a country ("the minister" is no prime minister), nor a lesser or
** a shadow one ("the president" is no vice president, "the chancellor"
** no shadow chancellor, "the minister" no deputy). */
static bool is_shortened(const struct fc_lexicon *l, const char *r)
{
	if (is_lesser(l, r))
		return false;
	for (size_t i = 0; i < l->nroles; i++)
		if (l->roles[i].is_leader && !strcmp(l->roles[i].role, r))
			return false;
	return true;
}

/* Does the person's role r end with the role phrase's role w ("the
** minister" for a foreign minister), or is it w? */
static bool role_ends_with(const struct fc_lexicon *l, const char *r,
			   const char *w)
{
	size_t rl = strlen(r), wl = strlen(w);
	if (rl == wl)
		return !memcmp(r, w, wl);
	return rl > wl && r[rl - wl - 1] == ' ' && !memcmp(r + rl - wl, w, wl) &&
	       is_shortened(l, r);
}

/* The last person of the document, mentioned before token i, whose role
** is role or ends with it ("Foreign Minister Ivan Petrov ... the
** minister said"), or NULL: none, or two in the sentence that names the
** last ("Foreign Minister Ivan Petrov met Health Minister Olga Ivanova.
** The minister said": either). */
const struct fc_entity *lx_role_holder(const struct lx_scan *s,
					const struct lx_role *role, size_t i)
{
	const struct fc_entity *found = NULL;
	uint32_t found_sent = 0;
	size_t steps = 0, m = lx_ments_to(s, i);
	for (; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct fc_entity *e = s->ments[m].ent;
		if (found && s->ments[m].sent != found_sent)
			break;
		if (e->type != FC_ENT_PERSON || e == found)
			continue;
		if (!(role->is_generic
			      ? lx_role_matches(s->l, e, role)
			      : e->role &&
					role_ends_with(s->l, e->role, role->role)))
			continue;
		if (found && strcmp(found->id, e->id))
			return NULL;
		found = e;
		found_sent = s->ments[m].sent;
	}
	return found;
}

/* (lx_doc_government) sentences back a country may name the document's */
#define DOC_COUNTRY_SENTS 20

/* The government of the country named last before token i (a country,
** its government or one of its cities, within DOC_COUNTRY_SENTS
** sentences and LX_LOOKBACK mentions: the dateline, the lead), or
** NULL: none, or two in the sentence that names the last ("Iran
** rejected the U.S. demand. The Foreign Ministry said": either). */
const struct fc_entity *lx_doc_government(struct lx_scan *s, size_t i)
{
	uint32_t sent = s->t.v[i].sent, country_sent = 0;
	const char *country = NULL;
	size_t steps = 0, m = lx_ments_to(s, i);
	for (; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct lx_ment *mt = &s->ments[m];
		if (mt->sent + DOC_COUNTRY_SENTS < sent ||
		    (country && mt->sent != country_sent))
			break;
		const struct fc_entity *e = mt->ent;
		if ((e->type != FC_ENT_COUNTRY && e->type != FC_ENT_GOVERNMENT &&
		     e->type != FC_ENT_CITY) ||
		    !e->country)
			continue;
		if (country && strcmp(country, e->country))
			return NULL;
		country = e->country;
		country_sent = mt->sent;
	}
	if (!country)
		return NULL;
	int ix = lx_alpha2_index(country);
	uint32_t c = ix >= 0 ? s->l->by_alpha2[ix] : FC_NONE;
	if (c == FC_NONE || s->l->ents[c].gov == FC_NONE)
		return NULL;
	return lx_intern(s, s->l->ents[c].gov);
}
