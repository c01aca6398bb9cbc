/*
** cue_scan.c: pass B of the lexicon stage: negation and hedge cues and
** attributions.
**
** Negation and hedge cues are mentions over the cue words. A reporting
** verb ("said", "told", "confirmed") makes an attribution when its
** subject is an entity mention right before it (skipping "also", "has",
** time expressions), a pronoun (the last person named), or a source noun
** ("officials", speaker unknown), or, after a comma or a quote, when an
** entity follows it ("..., said the Kremlin"). "according to" takes the
** entity of the noun phrase after it, preferring organisations, people
** and governments ("according to Russian state media TASS" -> TASS).
** Quote-only verbs ("outlined", "highlighted") are recorded for
** quote_scan.c but make no mention.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/coref_p.h"
#include "extract/entity_p.h"
#include "extract/lexicon_p.h"

#define SUBJECT_GAP 8 /* tokens skipped between a subject and its verb */
#define SOURCE_NP 8   /* tokens of the noun phrase after "according to" */

static bool is_punct(const struct lx_scan *s, size_t i, char c)
{
	const struct lx_tok *t = &s->t.v[i];
	return t->end - t->start == 1 && s->text[t->start] == c;
}

/* The entity mention that ends right before token i, or NULL. */
static const struct lx_ment *ment_ending(const struct lx_scan *s, size_t i)
{
	if (i == 0)
		return NULL;
	uint32_t m = s->t.v[i - 1].ment;
	if (m == FC_NONE || s->ments[m].t1 != i)
		return NULL;
	return &s->ments[m];
}

/* The gender a pronoun at token i says (LX_G_*; 0: either). */
static unsigned pronoun_gender(const struct lx_scan *s, size_t i)
{
	if (lx_word_cue(s, i, LX_CUE_FEMALE))
		return LX_G_FEMALE;
	return lx_word_cue(s, i, LX_CUE_MALE) ? LX_G_MALE : 0;
}

/* May a pronoun of gender g stand for person e? (an unknown gender on
** either side matches) */
static bool agrees(const struct lx_scan *s, unsigned g,
		   const struct fc_entity *e)
{
	if (!g)
		return true;
	unsigned eg = lx_person_gender(s, e);
	return !eg || eg == g;
}

/* The person a pronoun at token i stands for: the speaker of the last
** attribution to a person, else the last person named, within three
** sentences; of the pronoun's gender when both are known ("Angela
** Merkel met Tony Blair. She said": Merkel). */
static const struct fc_entity *last_person(const struct lx_scan *s, size_t i)
{
	uint32_t sent = s->t.v[i].sent;
	unsigned g = pronoun_gender(s, i);
	for (size_t k = s->nattrs; k-- > 0;) {
		const struct lx_attr *a = &s->attrs[k];
		if (a->sent + 3 < sent)
			break;
		if (a->verb < i && a->speaker &&
		    a->speaker->type == FC_ENT_PERSON &&
		    agrees(s, g, a->speaker))
			return a->speaker;
	}
	for (size_t m = lx_ments_to(s, i); m-- > 0;) {
		const struct lx_ment *mt = &s->ments[m];
		if (mt->t1 > i)
			continue;
		if (mt->sent + 3 < sent)
			return NULL;
		if (mt->ent->type == FC_ENT_PERSON && agrees(s, g, mt->ent))
			return mt->ent;
	}
	return NULL;
}

/* The entity mention that opens the sentence of token i ("Putin ...,
** stating that"), or NULL. */
static const struct lx_ment *sentence_subject(const struct lx_scan *s,
					      size_t i)
{
	uint32_t sent = s->t.v[i].sent;
	size_t j = i;
	while (j > 0 && s->t.v[j - 1].sent == sent &&
	       !(s->t.v[j].flags & LX_T_SSTART))
		j--;
	const struct lx_sense *det = lx_tok_cue(s, j, LX_CUE_DET);
	if (det)
		j += det->ntok;
	if (j >= i || s->t.v[j].ment == FC_NONE)
		return NULL;
	const struct lx_ment *m = &s->ments[s->t.v[j].ment];
	return m->t0 == j ? m : NULL;
}

static void push_attr(struct lx_scan *s, const struct lx_attr *a)
{
	if (s->nattrs == s->capattrs) {
		size_t cap = s->capattrs ? s->capattrs * 2 : 32;
		struct lx_attr *v = realloc(s->attrs, cap * sizeof(*v));
		if (!v) {
			s->err = FC_ENOMEM;
			return;
		}
		s->attrs = v;
		s->capattrs = cap;
	}
	s->attrs[s->nattrs] = *a;
	s->attrs[s->nattrs++].sent = s->t.v[a->verb].sent;
}

static void emit_attr(struct lx_scan *s, const struct lx_attr *a,
		      const char *rule)
{
	push_attr(s, a);
	if (a->is_quote_only || s->err)
		return;
	struct fc_mention *m =
		lx_emit(s, FC_MENTION_ATTRIBUTION, s->t.v[a->t0].start,
			s->t.v[a->t1 - 1].end, rule);
	if (m)
		m->speaker = a->speaker;
}

/* Is token i the word "in" or "at" in lower case? */
static bool is_in_at(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	const char *w = s->text + t->start;
	return t->end - t->start == 2 &&
	       ((w[0] == 'i' && w[1] == 'n') || (w[0] == 'a' && w[1] == 't'));
}

/* The subject of a verb of saying is the body or the person, not the
** seat: "the UN Mission in Kosovo said", "the U.S. Embassy in Kabul
** said", "Putin in Moscow said" are the mission's (the entity before
** "in" or "at", or before a mission word there) and Putin's, not
** Kosovo's, Kabul's or Moscow's. Anything else keeps subj. */
static const struct lx_ment *body_before_place(const struct lx_scan *s,
					       const struct lx_ment *subj)
{
	size_t in = subj->t0;
	if (in < 2 || !is_in_at(s, in - 1) ||
	    (s->t.v[in].flags & LX_T_NL) || (s->t.v[in - 1].flags & LX_T_NL))
		return subj;
	switch (subj->ent->type) {
	case FC_ENT_COUNTRY:
	case FC_ENT_CITY:
	case FC_ENT_GOVERNMENT:
	case FC_ENT_OTHER: break;
	default: return subj;
	}
	size_t e = in - 1; /* the body ends before "in" */
	const struct lx_ment *body = ment_ending(s, e);
	if (!body && lx_word_cue(s, e - 1, LX_CUE_MISSION) &&
	    !(s->t.v[e - 1].flags & LX_T_NL))
		body = ment_ending(s, --e);
	if (!body || (s->t.v[e].flags & LX_T_NL))
		return subj;
	switch (body->ent->type) {
	case FC_ENT_PERSON:
	case FC_ENT_ORG:
	case FC_ENT_GOVERNMENT:
		return body;
	case FC_ENT_COUNTRY:
		/* a country is a body here only as its mission ("the U.S.
		** Embassy in Kabul"), not "Iran in 2009" */
		return (e < in - 1 || !strcmp(body->rule, "lexicon.mission"))
			       ? body
			       : subj;
	default: return subj;
	}
}

/* The subject of a verb of saying after "PERSON of FIRM" is the person:
** "Analyst Carole Berger of Cyrus J. Lawrence said", "Judy Weissman of
** Shearson Lehman said" are the analyst's words, not the firm's (a
** firm's or an untyped name's mention after "of", a person's right
** before it, on one line). Anything else keeps subj. */
static const struct lx_ment *person_of_body(const struct lx_scan *s,
					    const struct lx_ment *subj)
{
	size_t of = subj->t0 - 1;
	if (subj->t0 < 2 || !lx_is_of(s, of) ||
	    (subj->ent->type != FC_ENT_ORG && subj->ent->type != FC_ENT_OTHER) ||
	    (s->t.v[subj->t0].flags & LX_T_NL) || (s->t.v[of].flags & LX_T_NL))
		return subj;
	const struct lx_ment *who = ment_ending(s, of);
	return who && who->ent->type == FC_ENT_PERSON ? who : subj;
}

/* (is_group_noun) the cue of the nouns of people who speak as a group of
** their own (grammar.yaml) */
#define GROUP_NOUN_CUE "subject.group-noun"

/* Is the source noun's sense one of a group that speaks for itself, no
** voice of a place before it ("analysts", "insiders")? */
static bool is_group_noun(const struct lx_scan *s, const struct lx_sense *se)
{
	return !strcmp(s->l->cues[se->ref].id, GROUP_NOUN_CUE);
}

/* (is_place_like) the rule of a mention of a region the lexicon knows
** (places.yaml) */
#define PLACE_RULE "lexicon.place"

/* Is the mention a place, a country or a government named by its place
** (no body, no person)? A name of type other only when the lexicon knows
** it as a place ("Wall Street", "California"): an unknown name is as
** likely a firm's or a brand's ("Warner Bros executives said"). */
static bool is_place_like(const struct lx_ment *m)
{
	switch (m->ent->type) {
	case FC_ENT_COUNTRY:
	case FC_ENT_CITY:
	case FC_ENT_GOVERNMENT: return true;
	case FC_ENT_OTHER: return m->rule && !strcmp(m->rule, PLACE_RULE);
	default: return false;
	}
}

/* A region the lexicon knows right after a city and a comma on the
** same line names the city's state ("Troy, Mich. police said", "Oakland,
** Calif. said"): the city, where the state would be the subject or the
** owner of a source noun; else m (NULL too). */
static const struct lx_ment *city_of_state(const struct lx_scan *s,
					   const struct lx_ment *m)
{
	if (!m || m->ent->type != FC_ENT_OTHER || !m->rule ||
	    strcmp(m->rule, PLACE_RULE) || m->t0 < 2 ||
	    !lx_is_punct(s, m->t0 - 1, ',') ||
	    (s->t.v[m->t0].flags & LX_T_NL))
		return m;
	const struct lx_ment *city = ment_ending(s, m->t0 - 1);
	return city && city->ent->type == FC_ENT_CITY ? city : m;
}

/* (noun_owner) lower-case words a possessive's noun may have before it
** ("Mr Blair's official spokesman", "Apple's chief spokeswoman") */
#define OWNED_ADJ_MAX 2

/* (noun_owner) The possessive's token that owns the noun at n, right
** before it or before at most OWNED_ADJ_MAX lower-case words that are no
** stop word nor mention, on the noun's line; or 0. */
static size_t owning_poss(const struct lx_scan *s, size_t n)
{
	for (size_t k = n; k >= 2 && n - k <= OWNED_ADJ_MAX; k--) {
		const struct lx_tok *q = &s->t.v[k - 1];
		if (s->t.v[k].flags & LX_T_NL)
			return 0;
		if (q->flags & LX_T_POSS)
			return k - 1;
		if ((q->flags & (LX_T_WORD | LX_T_CAP | LX_T_STOP)) !=
			    LX_T_WORD ||
		    q->ment != FC_NONE)
			return 0;
	}
	return 0;
}

/* Is the mention a body that has people: a firm, a country or a
** government (not a person's: "Reagan administration officials"; nor a
** region's, a city's or an untyped name's: "Gulf oil sources", "New
** York-based traders")? */
static bool is_body(const struct lx_ment *m)
{
	switch (m->ent->type) {
	case FC_ENT_ORG:
	case FC_ENT_COUNTRY:
	case FC_ENT_GOVERNMENT: return true;
	default: return false;
	}
}

/* The body (is_body) that ends before at most OWNED_ADJ_MAX lower-case
** words (no stop word, mention nor verb of saying) before token n on its
** line ("the Kyodo news agency", "Iraqi army officials"), or NULL. */
static const struct lx_ment *owner_before_words(const struct lx_scan *s,
						size_t n)
{
	for (size_t k = n; k >= 1 && n - k < OWNED_ADJ_MAX; k--) {
		const struct lx_tok *q = &s->t.v[k - 1];
		if ((s->t.v[k].flags & LX_T_NL) ||
		    (q->flags & (LX_T_WORD | LX_T_CAP | LX_T_STOP | LX_T_POSS)) !=
			    LX_T_WORD ||
		    q->ment != FC_NONE || lx_tok_cue(s, k - 1, LX_CUE_REPORT) ||
		    lx_tok_cue(s, k - 1, LX_CUE_QUOTE_VERB))
			return NULL;
		const struct lx_ment *m = ment_ending(s, k - 1);
		if (m && !(s->t.v[k - 1].flags & LX_T_NL))
			return is_body(m) ? m : NULL;
	}
	return NULL;
}

/* The entity that owns the source noun at token n, right before it,
** before its possessive ("the Kremlin statement", "Apple's statement",
** "Blair's official spokesman") or before lower-case words ("the Kyodo
** news agency"), or NULL; *is_poss says whether through a possessive. */
static const struct lx_ment *noun_owner(const struct lx_scan *s, size_t n,
					bool *is_poss)
{
	size_t poss = owning_poss(s, n);
	*is_poss = poss > 0;
	const struct lx_ment *m = ment_ending(s, *is_poss ? poss : n);
	if (!m && !*is_poss)
		m = owner_before_words(s, n);
	return city_of_state(s, m);
}

/* (seat_government) the cue of the nouns of a government's people */
#define OFFICIAL_CUE "subject.official"
/* (subject_before) the cue of the nouns of a firm that speaks ("the
** company said": last_firm_speaker) */
#define COMPANY_CUE "subject.company"
/* (last_firm_speaker) sentences back a firm's attribution may be */
#define FIRM_SENTS 10

/* Is a firm other than e named from the sentence after sentence sent
** to token i ("Acme said ... A Beta spokesman said ... The company
** said": Beta's as often)? A firm in sent itself is the attribution's
** object ("Acme said it would buy Beta. The company said"). */
static bool other_firm_since(const struct lx_scan *s, uint32_t sent,
			     size_t i, const struct fc_entity *e)
{
	for (size_t j = i; j-- > 0 && s->t.v[j].sent > sent;) {
		uint32_t m = s->t.v[j].ment;
		if (m != FC_NONE && s->ments[m].ent->type == FC_ENT_ORG &&
		    strcmp(s->ments[m].ent->id, e->id))
			return true;
	}
	return false;
}

/* The firm of the last attribution to a firm before token i within
** FIRM_SENTS sentences ("Westport Bank said ... The company said"), or
** NULL: a firm only named ("Apple sued Intel. The company said") is
** as often the other one, and so is a firm named after the
** attribution's sentence. */
static const struct fc_entity *last_firm_speaker(const struct lx_scan *s,
						 size_t i)
{
	uint32_t sent = s->t.v[i].sent;
	for (size_t k = s->nattrs; k-- > 0;) {
		const struct lx_attr *a = &s->attrs[k];
		if (a->sent + FIRM_SENTS < sent)
			break;
		if (a->verb < i && a->speaker && a->speaker->type == FC_ENT_ORG)
			return other_firm_since(s, a->sent, i, a->speaker)
				       ? NULL
				       : a->speaker;
	}
	return NULL;
}

/* Has token i a source-noun sense of the cue id? */
static bool is_noun_of(const struct lx_scan *s, size_t i, const char *id)
{
	const struct lx_slot *m = s->t.v[i].match;
	for (const struct lx_sense *se = m ? m->senses : NULL; se; se = se->next)
		if (se->kind == LX_S_CUE && se->cue_kind == LX_CUE_SOURCE_NOUN &&
		    !strcmp(s->l->cues[se->ref].id, id))
			return true;
	return false;
}

/* Is subj a place after "in" or "at" after a source noun that is only
** where the noun's people are: a noun with an owner ("a Texaco
** spokesman in Houston said"), of a group that speaks for itself
** ("traders in Sydney said"), or officials before a city ("officials
** in San Jose said": whoever they are, not the city; seat_government)?
** Then the owner speaks, or nobody named (report_verb's source-noun
** branch). Else the place stays the source: "officials in Kosovo
** said", "police in Ohio said", "police in Oakland said" are its own. */
static bool is_seat_of_noun(const struct lx_scan *s, const struct lx_ment *subj)
{
	size_t in = subj->t0;
	if (!is_place_like(subj) || in < 2 || !is_in_at(s, in - 1) ||
	    (s->t.v[in - 1].flags & LX_T_NL) ||
	    (s->t.v[in].flags & LX_T_NL) ||
	    s->t.v[in - 2].ment != FC_NONE)
		return false;
	const struct lx_sense *noun = lx_tok_cue(s, in - 2, LX_CUE_SOURCE_NOUN);
	if (!noun)
		return false;
	bool is_poss;
	return (subj->ent->type == FC_ENT_CITY &&
		is_noun_of(s, in - 2, OFFICIAL_CUE)) ||
	       is_group_noun(s, noun) || noun_owner(s, in - 2, &is_poss);
}

/* "officials in Moscow said" (the noun at token n, the city mention
** city after "in"): the government of the city's country when the city
** is its capital and the story is about that country (the country
** named last before the noun: lx_doc_government), else NULL. A capital
** alone is no proof: "officials in San Jose" are as often Californian
** as Costa Rican. */
static const struct fc_entity *seat_government(struct lx_scan *s, size_t n,
					       const struct lx_ment *city)
{
	const struct lx_sense *cap = lx_tok_sense(s, city->t0, LX_S_CAPITAL);
	if (!cap || !is_noun_of(s, n, OFFICIAL_CUE))
		return NULL;
	uint32_t gov = s->l->ents[cap->ref].actor;
	const struct fc_entity *doc = lx_doc_government(s, n);
	return gov != FC_NONE && doc && !strcmp(doc->id, s->l->ents[gov].e.id)
		       ? doc
		       : NULL;
}

/* What subject_before found: nothing, a subject that makes an
** attribution, or one that makes none (a pronoun with no person). */
enum subj_found { SUBJ_NONE, SUBJ_EMIT, SUBJ_SILENT };

/* Is the determiner at token d the object of "of" ("critics of the
** government say", "a friend of the minister said": no subject)? */
static bool det_after_of(const struct lx_scan *s, size_t d)
{
	return d > 0 && lx_is_of(s, d - 1);
}

/* (role_subject) the words of a role phrase before a verb of saying */
#define ROLE_NP 4

/* The role phrase (is_gov false) or the government noun (true) of at
** most max tokens, none a mention, on the line of token p, that ends
** right before p; *r: its first token. NULL: none. */
static const struct lx_sense *phrase_ending(const struct lx_scan *s,
					    size_t p, size_t max, bool is_gov,
					    size_t *r)
{
	for (size_t j = p; j-- > 0 && p - j <= max;) {
		if (s->t.v[j].ment != FC_NONE || (s->t.v[j + 1].flags & LX_T_NL))
			return NULL;
		const struct lx_sense *se =
			is_gov ? lx_tok_cue(s, j, LX_CUE_GOV_NOUN)
			       : lx_tok_sense(s, j, LX_S_ROLE);
		if (se && se->ntok == p - j) {
			*r = j;
			return se;
		}
	}
	return NULL;
}

/* "the minister said", "the foreign minister told": a role phrase right
** before token p after a determiner speaks for the document's last
** person of that role (none if its sentence names two), or for nobody named ("the spokesman said"). */
static enum subj_found role_subject(const struct lx_scan *s, size_t p,
				    struct lx_attr *a)
{
	size_t r;
	const struct lx_sense *se = phrase_ending(s, p, ROLE_NP, false, &r);
	if (!se || r == 0)
		return SUBJ_NONE;
	const struct lx_role *role = &s->l->roles[se->ref];
	if (role->is_honorific || !lx_tok_cue(s, r - 1, LX_CUE_DET) ||
	    det_after_of(s, r - 1) || (s->t.v[r].flags & LX_T_NL))
		return SUBJ_NONE;
	a->t0 = (uint32_t)r;
	a->speaker = lx_role_holder(s, role, r);
	return SUBJ_EMIT;
}

/* (gov_subject) the words of a government noun before a verb */
#define GOV_NP 6

/* "The Health Ministry said", "the government said": a government noun
** (no country before it, which pass A would have taken) after a
** determiner or opening its sentence is the government of the
** document's last country (lx_doc_government; none if its sentence
** names two); with none, a ministry named in
** capitals is an organisation of that name (org:health-ministry), a
** common noun ("the authorities") nobody named. */
static enum subj_found gov_subject(struct lx_scan *s, size_t p,
				   struct lx_attr *a)
{
	size_t r;
	if (!phrase_ending(s, p, GOV_NP, true, &r))
		return SUBJ_NONE;
	if (!(s->t.v[r].flags & LX_T_SSTART) &&
	    !(r > 0 && lx_tok_cue(s, r - 1, LX_CUE_DET) &&
	      s->t.v[r - 1].ment == FC_NONE && !det_after_of(s, r - 1)))
		return SUBJ_NONE;
	a->t0 = (uint32_t)r;
	a->speaker = lx_doc_government(s, r);
	bool is_name = true;
	for (size_t j = r; j < p; j++)
		is_name &= (s->t.v[j].flags & LX_T_CAP) ||
			    !(s->t.v[j].flags & LX_T_WORD) ||
			    (s->t.v[j].flags & LX_T_STOP);
	if (!a->speaker && is_name && (s->t.v[p - 1].flags & LX_T_CAP)) {
		size_t len;
		const char *name = lx_tok_text_label(s, r, p, &len);
		a->speaker = lx_new_entity(s, "org", name, len, FC_ENT_ORG, NULL,
					   NULL);
	}
	return SUBJ_EMIT;
}

/* (description_np) the lower-case words of a description of a speaker */
#define DESCRIPTION_NP 3

/* The end of a description that begins at token j: 1 to DESCRIPTION_NP
** words in lower case, no stop word, no mention, no verb of saying, on
** the line of j ("a fan", "a local fan"), that ends right before token
** p (p == 0: anywhere); 0: none. */
static size_t description_end(const struct lx_scan *s, size_t j, size_t p)
{
	size_t e = j;
	for (; e < s->t.n && e - j < DESCRIPTION_NP && e != p; e++) {
		const struct lx_tok *t = &s->t.v[e];
		if ((t->flags & (LX_T_WORD | LX_T_CAP | LX_T_STOP | LX_T_NL |
				 LX_T_BLOCKED | LX_T_DIGIT)) != LX_T_WORD ||
		    t->ment != FC_NONE || lx_tok_cue(s, e, LX_CUE_REPORT) ||
		    lx_tok_cue(s, e, LX_CUE_QUOTE_VERB))
			break;
	}
	return e > j && (!p || e == p) ? e : 0;
}

/* The tokens of a determiner or an article at token d ("the", "a", "a
** former": grammar.yaml's determiners and the words that open an
** apposition); 0: none. */
static size_t article_len(const struct lx_scan *s, size_t d)
{
	const struct lx_sense *se = lx_tok_cue(s, d, LX_CUE_DET);
	if (!se)
		se = lx_tok_cue(s, d, LX_CUE_APPOSITION);
	return se && s->t.v[d].ment == FC_NONE ? se->ntok : 0;
}

/* '"...," a fan said': an article and a description right after a
** closing quote, before the verb at p, attribute the quote to nobody
** named (a role phrase is role_subject's). */
static enum subj_found description_subject(const struct lx_scan *s,
					   size_t p, struct lx_attr *a)
{
	for (size_t d = p - 1; d-- > 1 && p - d <= DESCRIPTION_NP + 2;) {
		size_t n = article_len(s, d);
		if (!n)
			continue;
		if (d + n >= p || !(s->t.v[d - 1].flags & LX_T_QCLOSE) ||
		    (s->t.v[d].flags & LX_T_NL) || !description_end(s, d + n, p))
			return SUBJ_NONE;
		a->t0 = (uint32_t)(d + n);
		a->speaker = NULL;
		return SUBJ_EMIT;
	}
	return SUBJ_NONE;
}

/* The subject of a verb of saying that ends right before token p (the
** verb, or the first word skipped before it): an entity, a pronoun, a
** source noun or a role phrase; sets a->t0 and a->speaker. */
static enum subj_found subject_before(struct lx_scan *s, size_t p,
				      struct lx_attr *a)
{
	const struct lx_ment *subj = city_of_state(s, ment_ending(s, p));
	const struct lx_ment *seat = NULL;
	if (subj)
		subj = person_of_body(s, body_before_place(s, subj));
	if (subj && is_seat_of_noun(s, subj)) {
		/* "a Texaco spokesman in Houston said": the noun's, below */
		p = subj->t0 - 1;
		seat = subj->ent->type == FC_ENT_CITY ? subj : NULL;
		subj = NULL;
	}
	if (subj && !(s->t.v[p].flags & LX_T_NL)) {
		a->t0 = subj->t0;
		a->speaker = subj->ent;
		return SUBJ_EMIT;
	}
	if (p == 0 || (s->t.v[p].flags & LX_T_NL))
		return SUBJ_NONE;
	if (lx_tok_cue(s, p - 1, LX_CUE_PRONOUN)) {
		a->t0 = (uint32_t)(p - 1);
		a->speaker = last_person(s, p - 1);
		return a->speaker ? SUBJ_EMIT : SUBJ_SILENT;
	}
	const struct lx_sense *noun = lx_tok_cue(s, p - 1, LX_CUE_SOURCE_NOUN);
	if (!noun) {
		enum subj_found f = gov_subject(s, p, a);
		if (f == SUBJ_NONE)
			f = role_subject(s, p, a);
		return f != SUBJ_NONE ? f : description_subject(s, p, a);
	}
	/* "the Kremlin statement noted", "Apple's statement said": the
	** entity before the noun or its possessive; not a place's or a
	** country's before a group that speaks for itself ("Wall Street
	** analysts said", "Washington insiders said": the group, no
	** entity), nor a person's or a name's through a possessive ("Hwang's
	** researchers told"); a firm's group is the firm's, with or without
	** the possessive ("Goldman Sachs analysts said", "Goldman Sachs's
	** analysts said") */
	bool is_poss;
	const struct lx_ment *owner = noun_owner(s, p - 1, &is_poss);
	a->t0 = (uint32_t)(owner ? owner->t0 : p - 1);
	bool is_own_group = owner && is_group_noun(s, noun) &&
			    (is_place_like(owner) ||
			     (is_poss && owner->ent->type != FC_ENT_ORG));
	a->speaker = owner && !is_own_group ? owner->ent : NULL;
	if (!owner && seat)
		a->speaker = seat_government(s, p - 1, seat);
	else if (!owner && p >= 2 && lx_tok_cue(s, p - 2, LX_CUE_DET) &&
		 is_noun_of(s, p - 1, COMPANY_CUE))
		a->speaker = last_firm_speaker(s, p - 1);
	return SUBJ_EMIT;
}

/* (appos_open) the words of a parenthetical between a subject and its
** verb of saying */
#define APPOS_MAX 20

/* The comma that opens a parenthetical closed by the comma at token c
** ("Ivan Petrov, the foreign minister, said", "Petrov, 54, said",
** "Officials, speaking on condition of anonymity, said"), or 0: at most
** APPOS_MAX tokens of one sentence and paragraph (wire copy wraps its
** lines inside one), no quote mark, no other punctuation but the words'
** own, no verb of saying. */
static size_t appos_open(const struct lx_scan *s, size_t c)
{
	uint32_t sent = s->t.v[c].sent;
	for (size_t j = c; j-- > 1 && c - j <= APPOS_MAX + 1;) {
		const struct lx_tok *t = &s->t.v[j];
		if (t->sent != sent ||
		    (t->flags & (LX_T_PARA | LX_T_QOPEN | LX_T_QCLOSE |
				 LX_T_SSTART)))
			return 0;
		if (is_punct(s, j, ','))
			return j + 1 < c ? j : 0;
		if (!(t->flags & LX_T_WORD) && !(t->flags & LX_T_BLOCKED) &&
		    t->ment == FC_NONE && !is_punct(s, j, '-') &&
		    !(t->flags & LX_T_POSS))
			return 0;
		if (t->ment == FC_NONE && !(t->flags & LX_T_BLOCKED) &&
		    (lx_tok_cue(s, j, LX_CUE_REPORT) ||
		     lx_tok_cue(s, j, LX_CUE_QUOTE_VERB)))
			return 0;
	}
	return 0;
}

/* (title_modifiers) the words that may modify a title in lower case */
#define TITLE_MODS 3

/* The first of at most TITLE_MODS words that modify the title in lower
** case a person's mention opens at token b ("Police spokeswoman Jane
** Doe", "State Department spokesman Sean Kelly"): words, no stop word,
** on b's line; else b. */
static size_t title_modifiers(const struct lx_scan *s, size_t b)
{
	uint32_t m = s->t.v[b].ment;
	if (m == FC_NONE || s->ments[m].ent->type != FC_ENT_PERSON ||
	    (s->t.v[b].flags & LX_T_CAP))
		return b;
	size_t j = b;
	for (; j > 0 && b - j < TITLE_MODS; j--) {
		const struct lx_tok *t = &s->t.v[j - 1];
		if ((s->t.v[j].flags & LX_T_NL) ||
		    (t->flags & (LX_T_WORD | LX_T_STOP | LX_T_BLOCKED)) !=
			    LX_T_WORD ||
		    lx_tok_cue(s, j - 1, LX_CUE_DET))
			break;
	}
	return j;
}

/* Does the subject that begins at token b stand where a sentence's
** subject does: first in its sentence (after a determiner), or after a
** comma or a closing quote ("Separately, Ivan Petrov, ..., said"), not
** after a preposition ("In Moscow, where it snowed, officials said")? */
static bool is_subject_place(const struct lx_scan *s, size_t b)
{
	b = title_modifiers(s, b);
	if (b > 0 && lx_tok_cue(s, b - 1, LX_CUE_DET) &&
	    s->t.v[b - 1].ment == FC_NONE)
		b--;
	const struct lx_tok *t = &s->t.v[b];
	if (b > 0 && lx_is_of(s, b - 1))
		return false; /* a name cut by a line ("Company of\nAmerica") */
	if (b == 0 || (t->flags & LX_T_SSTART) || s->t.v[b - 1].sent != t->sent)
		return true;
	return is_punct(s, b - 1, ',') || (s->t.v[b - 1].flags & LX_T_QCLOSE);
}

/* Is the subject a found a person by name: a mention, not through a
** role ("the lawyer": role_subject; coref.role), nor an office? */
static bool is_named_person(const struct lx_scan *s, const struct lx_attr *a)
{
	if (!a->speaker || a->speaker->type != FC_ENT_PERSON ||
	    !strncmp(a->speaker->id, "office:", 7))
		return false;
	uint32_t m = s->t.v[a->t0].ment;
	return m != FC_NONE && strcmp(s->ments[m].rule, "coref.role");
}

/* (lone_surname) the most digits of an age */
#define AGE_DIGITS 3

/* "Petrov, 54, said": a capitalised word of no mention nor lexicon
** phrase that opens its sentence before the comma at c and a number of
** at most AGE_DIGITS digits alone between commas (an age) is a person's
** surname; sets b->t0 and
** b->speaker. */
static bool lone_surname(struct lx_scan *s, size_t c, struct lx_attr *b)
{
	const struct lx_tok *w = &s->t.v[c - 1], *n = &s->t.v[c + 1];
	if ((w->flags & (LX_T_WORD | LX_T_CAP | LX_T_UPPER | LX_T_SSTART |
			 LX_T_HEADLINE | LX_T_BLOCKED | LX_T_POSS)) !=
		    (LX_T_WORD | LX_T_CAP | LX_T_SSTART) ||
	    w->ment != FC_NONE || w->match || w->end - w->start < 2 ||
	    !(n->flags & LX_T_DIGIT) || n->end - n->start > AGE_DIGITS)
		return false;
	b->t0 = (uint32_t)(c - 1);
	b->speaker = lx_new_entity(s, "person", s->text + w->start,
				   w->end - w->start, FC_ENT_PERSON, NULL, NULL);
	return b->speaker != NULL;
}

/* "NAME, APPOSITION, said": the subject before a parenthetical that
** ends right before token p with a comma. */
static enum subj_found subject_before_appos(struct lx_scan *s, size_t p,
					    struct lx_attr *a)
{
	if (p < 4 || !is_punct(s, p - 1, ',') || (s->t.v[p].flags & LX_T_PARA))
		return SUBJ_NONE;
	size_t c = appos_open(s, p - 1);
	if (!c)
		return SUBJ_NONE;
	struct lx_attr b = *a;
	enum subj_found f = subject_before(s, c, &b);
	if (f == SUBJ_NONE && c + 2 == p - 1 && lone_surname(s, c, &b))
		f = SUBJ_EMIT;
	if (f == SUBJ_NONE || !is_subject_place(s, b.t0))
		return SUBJ_NONE;
	/* "Her spokesman, Bill McAllister, says", "the Israeli foreign
	** minister, Tzipi Livni, said": a name alone between the commas
	** (a person's, or a name of no type) is who speaks, not a noun, a
	** body, a role or an office (coref.role; entity_office.c's
	** "office:..." persons) */
	const struct lx_ment *named = ment_ending(s, p - 1);
	if (named && named->t0 == c + 1 && !is_named_person(s, &b) &&
	    (named->ent->type == FC_ENT_PERSON ||
	     (named->ent->type == FC_ENT_OTHER && !strcmp(named->rule, "name")))) {
		b.speaker = named->ent;
		f = SUBJ_EMIT;
	}
	*a = b;
	return f;
}

/* Inverted: "..., said the Kremlin", "“...” said Peskov": the entity
** right after the verb at v (k tokens) after a comma or a quote; sets
** a->t0, a->t1, a->speaker. Returns the lower-case words between the
** source and the punctuation that ends its clause (0 to 2), or -1: no
** such source. */
static int inverted_source(const struct lx_scan *s, size_t v, size_t k,
			   struct lx_attr *a)
{
	if (v == 0 || !(is_punct(s, v - 1, ',') ||
			(s->t.v[v - 1].flags & LX_T_QCLOSE)))
		return -1;
	size_t j = v + k;
	/* (after an article but a determiner a body's: "said a Japan
	** Airlines spokesman", not "said a European banker") */
	bool is_det = j < s->t.n && lx_tok_cue(s, j, LX_CUE_DET);
	size_t n = j < s->t.n ? article_len(s, j) : 0;
	j += n;
	if (j >= s->t.n || (s->t.v[j].flags & LX_T_NL))
		return -1;
	uint32_t m = s->t.v[j].ment;
	if (m == FC_NONE || s->ments[m].t0 != j ||
	    (n && !is_det && !is_body(&s->ments[m])))
		return -1;
	/* The source ends the clause: at most two lower-case words, then
	** punctuation ("said Russian official channels."), not "stating
	** Russia opposes external interference". */
	size_t e = s->ments[m].t1;
	int words = 0;
	while (e < s->t.n && (s->t.v[e].flags & LX_T_WORD) &&
	       !(s->t.v[e].flags & (LX_T_BLOCKED | LX_T_NL)) && words <= 2) {
		if (s->t.v[e].flags & LX_T_CAP)
			return -1;
		e++;
		words++;
	}
	if (words > 2)
		return -1;
	a->t0 = (uint32_t)v;
	a->t1 = s->ments[m].t1;
	a->speaker = s->ments[m].ent;
	return words;
}

/* '"...," said a fan.': a determiner and a description after the verb
** at v (k tokens) right after a closing quote, that end the clause
** (punctuation next): nobody named, or the document's holder of the
** role the description is ("said the minister"); sets a->t0, a->t1,
** a->speaker. */
static bool inverted_description(struct lx_scan *s, size_t v, size_t k,
				 struct lx_attr *a)
{
	size_t d = v + k, n = d < s->t.n ? article_len(s, d) : 0;
	if (v == 0 || !(s->t.v[v - 1].flags & LX_T_QCLOSE) || !n ||
	    d + n >= s->t.n || (s->t.v[d].flags & LX_T_NL))
		return false;
	d += n - 1; /* (the description's first word is d + 1) */
	size_t e = description_end(s, d + 1, 0);
	if (!e || e >= s->t.n || (s->t.v[e].flags & (LX_T_WORD | LX_T_NL)) ||
	    !(is_punct(s, e, '.') || is_punct(s, e, ',')))
		return false;
	a->t0 = (uint32_t)v;
	a->t1 = (uint32_t)e;
	a->speaker = NULL;
	const struct lx_sense *se = lx_tok_sense(s, d + 1, LX_S_ROLE);
	if (se && d + 1 + se->ntok == e && !s->l->roles[se->ref].is_honorific)
		a->speaker = lx_role_holder(s, &s->l->roles[se->ref], d + 1);
	return true;
}

/* (person_after_role) the most tokens of a role phrase after the verb */
#define ROLE_AFTER 6

/* Does the clause end at token e (punctuation but a hyphen, a line
** break, or the end)? */
static bool clause_ends(const struct lx_scan *s, size_t e)
{
	return e >= s->t.n || (s->t.v[e].flags & LX_T_NL) ||
	       (!(s->t.v[e].flags & LX_T_WORD) && !is_punct(s, e, '-'));
}

/* '"...," said EEF chief economist, Steve Radley.': after the verb at v
** (k tokens), right after a comma or a closing quote, at most ROLE_AFTER
** words or mentions, a comma and a person's mention that ends the
** clause: the person; NULL: none. */
static const struct lx_ment *person_after_role(const struct lx_scan *s,
					       size_t v, size_t k)
{
	if (v == 0 || !(is_punct(s, v - 1, ',') ||
			(s->t.v[v - 1].flags & LX_T_QCLOSE)))
		return NULL;
	size_t c = v + k;
	for (; c < s->t.n && c - (v + k) <= ROLE_AFTER; c++) {
		const struct lx_tok *t = &s->t.v[c];
		if ((t->flags & (LX_T_NL | LX_T_BLOCKED)) ||
		    (!(t->flags & LX_T_WORD) && t->ment == FC_NONE))
			break;
	}
	if (c == v + k || c + 1 >= s->t.n || !is_punct(s, c, ',') ||
	    (s->t.v[c + 1].flags & LX_T_NL))
		return NULL;
	uint32_t m = s->t.v[c + 1].ment;
	if (m == FC_NONE || s->ments[m].t0 != c + 1 ||
	    s->ments[m].ent->type != FC_ENT_PERSON ||
	    !clause_ends(s, s->ments[m].t1))
		return NULL;
	return &s->ments[m];
}

/* (is_audience_verb) the cue of the verbs whose object is the audience */
#define AUDIENCE_CUE "report.audience"

/* Is the verb at v one whose object is its audience ("told Reuters":
** Reuters is no source)? */
static bool is_audience_verb(const struct lx_scan *s, size_t v)
{
	const struct lx_sense *se = lx_tok_cue(s, v, LX_CUE_IGNORE);
	return se && !strcmp(s->l->cues[se->ref].id, AUDIENCE_CUE);
}

/* A reporting verb at v (k tokens). */
static void report_verb(struct lx_scan *s, size_t v, size_t k,
			const struct lx_cue *cue)
{
	struct lx_attr a = {0, (uint32_t)(v + k), (uint32_t)v, 0, NULL,
			    cue->kind == LX_CUE_QUOTE_VERB};
	size_t p = v;
	for (int steps = 0; p > 0 && steps < SUBJECT_GAP; steps++) {
		const struct lx_tok *t = &s->t.v[p];
		const struct lx_tok *q = &s->t.v[p - 1];
		if (t->flags & LX_T_NL)
			break;
		bool skip = (q->flags & LX_T_BLOCKED) ||
			    lx_tok_cue(s, p - 1, LX_CUE_SKIP) ||
			    ((q->flags & LX_T_WORD) && !(q->flags & LX_T_CAP) &&
			     (t->flags & LX_T_BLOCKED) && q->ment == FC_NONE);
		if (!skip)
			break;
		p--;
	}
	enum subj_found f = subject_before(s, p, &a);
	if (f != SUBJ_NONE) {
		if (f == SUBJ_EMIT)
			emit_attr(s, &a, cue->id);
		return;
	}
	/* A participle after a comma: "Putin ..., stating that ..." */
	size_t vl;
	const char *vk = lx_key(&s->t, v, 1, &vl);
	if (v > 0 && is_punct(s, v - 1, ',') && vl > 4 &&
	    !memcmp(vk + vl - 3, "ing", 3)) {
		const struct lx_ment *subj0 = sentence_subject(s, v);
		if (subj0) {
			a.t0 = (uint32_t)v;
			a.speaker = subj0->ent;
			emit_attr(s, &a, cue->id);
		}
		return;
	}
	/* a source right after the verb that ends its clause wins
	** ("..., are the underwriters, said Pennsylvania Power."); else a
	** subject before a parenthetical ("Ivan Petrov, the foreign
	** minister, said Russia would act") */
	struct lx_attr inv = a;
	bool is_audience = is_audience_verb(s, v);
	const struct lx_ment *named =
		is_audience ? NULL : person_after_role(s, v, k);
	if (named) {
		inv.t0 = (uint32_t)v;
		inv.t1 = named->t1;
		inv.speaker = named->ent;
		emit_attr(s, &inv, cue->id);
		return;
	}
	int words = is_audience ? -1 : inverted_source(s, v, k, &inv);
	if (words != 0) {
		f = subject_before_appos(s, p, &a);
		if (f != SUBJ_NONE) {
			if (f == SUBJ_EMIT)
				emit_attr(s, &a, cue->id);
			return;
		}
	}
	if (words >= 0)
		emit_attr(s, &inv, cue->id);
	else if (inverted_description(s, v, k, &inv))
		emit_attr(s, &inv, cue->id);
}

static int priority(const struct fc_entity *e)
{
	switch (e->type) {
	case FC_ENT_ORG:
	case FC_ENT_PERSON:
	case FC_ENT_GOVERNMENT:
	case FC_ENT_GROUP: return 2;
	default: return 1;
	}
}

/* "according to X" at v (k tokens). */
static void source_cue(struct lx_scan *s, size_t v, size_t k,
		       const struct lx_cue *cue)
{
	struct lx_attr a = {(uint32_t)v, (uint32_t)(v + k), (uint32_t)v, 0, NULL,
			    false};
	const struct lx_ment *best = NULL;
	size_t last = v + k;
	for (size_t j = v + k; j < s->t.n && j < v + k + SOURCE_NP;) {
		const struct lx_tok *t = &s->t.v[j];
		if ((t->flags & LX_T_NL) || !(t->flags & (LX_T_WORD)))
			break;
		if (lx_tok_cue(s, j, LX_CUE_REPORT) && t->ment == FC_NONE)
			break;
		if (t->ment != FC_NONE) {
			const struct lx_ment *m = &s->ments[t->ment];
			if (!best || priority(m->ent) >= priority(best->ent))
				best = m;
			j = m->t1;
			last = j;
			continue;
		}
		j++;
		last = j;
	}
	if (best) {
		a.t1 = best->t1;
		a.speaker = best->ent;
	} else {
		a.t1 = (uint32_t)last;
	}
	emit_attr(s, &a, cue->id);
}

void lx_scan_cues(struct lx_scan *s)
{
	const struct fc_lexicon *l = s->l;
	/* (the tokens stay put during the passes) */
	const struct lx_tok *tv = s->t.v;
	/* the tokens with a PASS_B_CUES phrase (s->cues), from i on */
	size_t q = 0;
	for (size_t i = s->t0;
	     !s->err && (i = lx_visit_from(&s->cues, &q, i)) != SIZE_MAX;) {
		const struct lx_tok *t = &tv[i];
		if (t->ment != FC_NONE) {
			i++;
			continue;
		}
		size_t k = t->match_ntok;
		bool any = false;
		for (const struct lx_sense *se = t->match->senses; se;
		     se = se->next) {
			if (se->kind != LX_S_CUE ||
			    !(PASS_B_CUES >> se->cue_kind & 1) ||
			    !lx_sense_ok(s, se, i))
				continue;
			const struct lx_cue *cue = &l->cues[se->ref];
			switch (cue->kind) {
			case LX_CUE_NEGATION:
				lx_emit(s, FC_MENTION_NEGATION, t->start,
					s->t.v[i + k - 1].end, cue->id);
				any = true;
				break;
			case LX_CUE_HEDGE:
				lx_emit(s, FC_MENTION_HEDGE, t->start,
					s->t.v[i + k - 1].end, cue->id);
				any = true;
				break;
			case LX_CUE_REPORT:
			case LX_CUE_QUOTE_VERB:
				report_verb(s, i, k, cue);
				any = true;
				break;
			case LX_CUE_SOURCE:
				source_cue(s, i, k, cue);
				any = true;
				break;
			case LX_CUE_IGNORE: any = true; break;
			default: break;
			}
		}
		i += any ? k : 1;
	}
}
