/*
** entity_near.c: what the words next to a name say about it, for the
** entity scan (entity_scan.c, entity_name.c): a capital used as a place
** ("in Tehran"), a country's name that names a state of another country
** here ("Atlanta, Georgia"), and a firm's name that goes on through "and"
** or "&" ("Merrill Lynch and Co", "Procter & Gamble").
*/
#include <string.h>

#include "extract/entity_p.h"

/* (lx_firm_and) words after "&" or "and" that go on with a firm */
#define FIRM_AND_WORDS 3
/* (lx_firm_and) bytes of a firm's first closing word after "and" */
#define FIRM_AND_SHORT 4

/* (lx_firm_form) legal-form words a firm's name takes ("Co Ltd") */
#define FIRM_FORM_WORDS 2
/* (is_firm_suffix) the cue of a firm's legal form (grammar.yaml: org-words
** that close a firm's name) */
#define FIRM_SUFFIX_CUE "name.firm-suffix"
/* (goes_on_firm) the cue of a business line that goes on with a firm's
** name after "and" (grammar.yaml: "Savings", "Electric") */
#define FIRM_LINE_CUE "name.firm-line"
/* (is_line, lx_is_firm_arm) the cue of a business line that after a
** firm's name makes a subsidiary (grammar.yaml: "Credit", "Finance") */
#define FIRM_ARM_CUE "name.firm-arm"
/* (lx_is_building_word) the cue of a building's or a street's last word
** (grammar.yaml: "Hotel", "Square") */
#define BUILDING_CUE "name.building-word"
/* (lx_ordinal_firm) the cue of an ordinal that opens a firm's name
** (grammar.yaml: "First", "Second") */
#define FIRM_ORDINAL_CUE "name.firm-ordinal"
/* (lx_ordinal_firm) capitalised words after the ordinal, to the last
** org-word among them */
#define ORDINAL_FIRM_WORDS 5
/* (lx_firm_form) the cue of a group or holding company's word
** (grammar.yaml: "Group", "Holdings") */
#define FIRM_GROUP_CUE "name.firm-group"

/* Are tokens a and b the same word (case aside)? */
static bool same_word(const struct lx_scan *s, size_t a, size_t b)
{
	const struct lx_tok *ta = &s->t.v[a], *tb = &s->t.v[b];
	size_t n = ta->end - ta->start;
	if (tb->end - tb->start != n)
		return false;
	for (size_t k = 0; k < n; k++)
		if ((s->text[ta->start + k] | 0x20) !=
		    (s->text[tb->start + k] | 0x20))
			return false;
	return true;
}

bool lx_has_cue(const struct lx_scan *s, size_t k, enum lx_cue_kind ck,
		const char *id)
{
	const struct lx_slot *sl = lx_word_slot(s, k);
	if (!sl || !(sl->cues >> ck & 1))
		return false;
	for (const struct lx_sense *se = sl->senses; se; se = se->next)
		if (se->kind == LX_S_CUE && se->cue_kind == ck &&
		    se->ntok == 1 && !strcmp(s->l->cues[se->ref].id, id))
			return true;
	return false;
}

/* Does token k carry the org-word cue `id` (one word)? */
static bool has_org_cue(const struct lx_scan *s, size_t k, const char *id)
{
	return lx_has_cue(s, k, LX_CUE_ORG_WORD, id);
}

bool lx_is_building_word(const struct lx_scan *s, size_t k)
{
	return lx_has_cue(s, k, LX_CUE_PLACE_WORD, BUILDING_CUE);
}

/* Is token k a business line, a firm's arm's too ("Savings",
** "Credit")? */
static bool is_line(const struct lx_scan *s, size_t k)
{
	return has_org_cue(s, k, FIRM_LINE_CUE) ||
	       has_org_cue(s, k, FIRM_ARM_CUE);
}

/* Is token k a firm's legal form ("Inc", "Co", "Ltd")? */
static bool is_firm_suffix(const struct lx_scan *s, size_t k)
{
	return has_org_cue(s, k, FIRM_SUFFIX_CUE);
}

/* Does the firm's name after "and", [j, e2), go on with the one before:
** it holds a legal form or begins with a business line ("Pacific Gas
** and Electric Co", "Simmons and Co International", "Harris Trust and
** Savings Bank"; not "Manufacturers Hanover Trust and Chemical Bank")? */
static bool goes_on_firm(const struct lx_scan *s, size_t j, size_t e2)
{
	if (is_line(s, j))
		return true;
	for (size_t p = j; p < e2; p++)
		if (is_firm_suffix(s, p))
			return true;
	return false;
}

/* Does a legal form stand among tokens [k, e)? */
static bool has_form(const struct lx_scan *s, size_t k, size_t e)
{
	for (; k < e; k++)
		if (is_firm_suffix(s, k))
			return true;
	return false;
}

/* Are tokens [k, e) all legal forms ("Co Inc")? */
static bool form_to(const struct lx_scan *s, size_t k, size_t e)
{
	for (; k < e; k++)
		if (!is_firm_suffix(s, k))
			return false;
	return true;
}

/*
** A firm's or a body's name [i, end) goes on through "and" or "&" on
** the same line: "&" before one to FIRM_AND_WORDS name words ("Procter
** & Gamble", "Marks & Spencer"; not after one letter, "Q & A", next to
** an acronym, after a given name, nor after a name the lexicon knows,
** is_known, where only the org-words below go on, nor after an unknown
** name with "of" inside); "and" before org-words only ("Smith and Co
** Inc", "Merrill Lynch and Co"), or between one org-word and a name of
** org-words' end ("Securities and Investment Board"; not "Ford Motor Co
** and General Motors Corp", "Chrysler and General Motors Corp": two
** firms).
*/
size_t lx_firm_and(const struct lx_scan *s, size_t i, size_t end,
		   bool is_known)
{
	if (end + 1 >= s->t.n || !lx_joins(s, end) || !lx_joins(s, end + 1) ||
	    (s->t.v[i].flags & LX_T_HEADLINE))
		return end;
	if (!lx_is_and(s, end))
		return end;
	bool is_amp = s->text[s->t.v[end].start] == '&';
	int ncap;
	size_t j = end + 1;
	if (!lx_is_name_word(s, j) || lx_is_particle(s, j))
		return end;
	/* (an unknown name with "of" inside is a phrase more often: "Shares
	** of Acme and Co") */
	for (size_t p = i + 1; !is_known && p < end; p++)
		if (lx_is_of(s, p))
			return end;
	size_t e2 = lx_name_run(s, j, FIRM_AND_WORDS, &ncap);
	if (e2 <= j || (e2 < s->t.n && lx_joins(s, e2) &&
			lx_is_name_word(s, e2)))
		return end;
	/* (one longer word before "of" begins another body's name: "Morgan
	** Guaranty and Bank of America"; "Mitsui and Co Ltd of Japan" and
	** "Smith and Co of London" are one firm's) */
	if (e2 == j + 1 && e2 < s->t.n && lx_joins(s, e2) &&
	    lx_is_of(s, e2) &&
	    s->t.v[j].end - s->t.v[j].start > FIRM_AND_SHORT - 1)
		return end;
	/* (a firm's closing words: org-words, the first a short one, "Co",
	** "Inc", "Ltd", "Plc", "NV"; not "Finance and Petroleum") */
	bool all_org = s->t.v[j].end - s->t.v[j].start <= FIRM_AND_SHORT;
	for (size_t p = j; all_org && p < e2; p++)
		all_org = lx_word_cue(s, p, LX_CUE_ORG_WORD);
	if (all_org && goes_on_firm(s, j, e2))
		return e2;
	/* (a legal form closes the name: one firm's, after a given name
	** or a known name too, "Ben & Jerry's Inc") */
	if (is_amp && e2 > j + 1 && is_firm_suffix(s, e2 - 1))
		return e2;
	/* (not between acronyms, "WBA & IBO", nor after a given name,
	** "Liz & Dick": two bodies, two persons) */
	if (is_amp)
		return !is_known && s->t.v[end - 1].end - s->t.v[i].start > 1 &&
			       !(s->t.v[end - 1].flags & LX_T_UPPER) &&
			       !(s->t.v[j].flags & LX_T_UPPER) &&
			       !lx_word_cue(s, i, LX_CUE_GIVEN_NAME)
			       ? e2
			       : end;
	/* (a name of two words or more that ends with an org-word, no legal
	** form, before two org-words: "Pacific Gas and Electric Co",
	** "Harris Trust and Savings Bank"; not "Daiwa Securities and Nomura
	** Securities", "Shearson Lehman Brothers Inc and Chemical Bank",
	** nor with the same last word on both sides, "Chase Manhattan Bank
	** and Chemical Bank", "Justice Department and Energy Department":
	** two bodies of one kind) */
	if (end - i >= 2 && e2 == j + 2 &&
	    lx_word_cue(s, end - 1, LX_CUE_ORG_WORD) &&
	    !is_firm_suffix(s, end - 1) && lx_word_cue(s, j, LX_CUE_ORG_WORD) &&
	    lx_word_cue(s, j + 1, LX_CUE_ORG_WORD) &&
	    !same_word(s, end - 1, j + 1) && goes_on_firm(s, j, e2))
		return e2;
	/* (one name word and its legal form after "and" close one firm's
	** name: "Barnes and Noble Inc", "Houston Lighting and Power Co",
	** "Hambrecht and Quist Inc"; two firms take a form each, "Texaco
	** Inc and Pennzoil Co"; nor before an acronym, "Paramount Pictures
	** and MCA Inc". A known limit: "Hoechst and Celanese Corp", two
	** firms written as one, reads as one) */
	if (!is_known && is_firm_suffix(s, j + 1) && form_to(s, j + 1, e2) &&
	    !lx_is_acronym(s, j) && !has_form(s, i, end))
		return e2;
	/* (two words, or three not begun by an org-word: "Associates and
	** United Rehabilitation Inc" are two firms; nor a firm's short last
	** word left over after a mention or after "and": "Shearson Lehman
	** Brothers Inc and Chemical Bank", "Goldman Sachs and\nCo and
	** Montgomery Securities") */
	if (i > 0 && ((s->nments > 0 && s->ments[s->nments - 1].t1 == i &&
		       s->t.v[i].end - s->t.v[i].start < FIRM_AND_SHORT) ||
		      lx_is_and(s, i - 1)))
		return end;
	return !is_known && end == i + 1 && e2 - j >= 2 &&
			       (e2 - j == 2 || !lx_word_cue(s, j, LX_CUE_ORG_WORD)) &&
			       lx_word_cue(s, i, LX_CUE_ORG_WORD) &&
			       lx_word_cue(s, e2 - 1, LX_CUE_ORG_WORD)
		       ? e2
		       : end;
}

bool lx_is_firm_form(const struct lx_scan *s, size_t k)
{
	return is_firm_suffix(s, k);
}

bool lx_is_firm_line(const struct lx_scan *s, size_t k)
{
	return is_line(s, k);
}

bool lx_is_firm_arm(const struct lx_scan *s, size_t k)
{
	return has_org_cue(s, k, FIRM_ARM_CUE);
}

/* The end of the org-words or unknown name words after a known firm's
** name [.., end) that a legal form closes, one or two ("Group Inc",
** "Financial Corp", "Lloyds Bank NZA Ltd": a firm of its own, the longer
** name), at the legal form; end when none. *is_group: all of them group
** words. */
static size_t firm_words(const struct lx_scan *s, size_t end, bool *is_group)
{
	size_t k = end;
	*is_group = true;
	while (k < s->t.n && k < end + FIRM_FORM_WORDS && lx_joins(s, k) &&
	       (s->t.v[k].flags & LX_T_CAP) && !is_firm_suffix(s, k) &&
	       (lx_word_cue(s, k, LX_CUE_ORG_WORD) || lx_is_name_word(s, k))) {
		*is_group &= has_org_cue(s, k, FIRM_GROUP_CUE);
		k++;
	}
	return k > end && k < s->t.n && lx_joins(s, k) && is_firm_suffix(s, k)
		       ? k
		       : end;
}

/* The end of the legal-form words from end on, up to FIRM_FORM_WORDS. */
static size_t form_end(const struct lx_scan *s, size_t end)
{
	for (int n = 0; n < FIRM_FORM_WORDS && end < s->t.n &&
			lx_joins(s, end) && is_firm_suffix(s, end);
	     n++)
		end++;
	return end;
}

size_t lx_firm_form(const struct lx_scan *s, size_t end)
{
	/* (a known firm's group or holding company is the firm: "Goldman
	** Sachs Group Inc", "Reuters Holdings Plc"; not before no legal
	** form, "Bloomberg News"; a subsidiary is not, lx_firm_unit) */
	bool is_group;
	size_t k = firm_words(s, end, &is_group);
	return form_end(s, is_group ? k : end);
}

size_t lx_firm_unit(const struct lx_scan *s, size_t end)
{
	bool is_group;
	size_t k = firm_words(s, end, &is_group);
	return k > end && !is_group ? form_end(s, k) : end;
}

/* Does slot sl (NULL: none) say a place follows ("in", "visit")? */
static bool is_place_cue(const struct lx_slot *sl)
{
	for (const struct lx_sense *se = sl ? sl->senses : NULL; se;
	     se = se->next)
		if (se->kind == LX_S_CUE && se->cue_kind == LX_CUE_PLACE_CONTEXT)
			return true;
	return false;
}

/* Is the capital at i used as a place ("in Tehran", "the capital
** Kinshasa")? */
bool lx_place_context(const struct lx_scan *s, size_t i)
{
	for (size_t back = 1; back <= 4 && back <= i; back++) {
		size_t p = i - back;
		if (s->t.v[p + 1].flags & LX_T_NL)
			break;
		const struct lx_slot *sl = lx_word_slot(s, p);
		if (back > 1) {
			/* (a phrase's first word starts a longer one that
			** goes on with a token of the next one's hash) */
			if (!sl || !sl->is_prefix ||
			    !(sl->next >> LX_NEXT_BIT(s->t.v[p + 1].hash) & 1))
				continue;
			size_t len;
			const char *key = lx_key(&s->t, p, back, &len);
			sl = lx_gaz_find(s->l, key, len);
		}
		if (is_place_cue(sl))
			return true;
	}
	/* "the Nigerian capital Abuja", "the capital Kinshasa": the city
	** named after the noun (grammar.yaml capital-noun, in lower case) */
	if (i >= 1 && !(s->t.v[i].flags & LX_T_NL) &&
	    !(s->t.v[i - 1].flags & LX_T_CAP) &&
	    lx_word_cue(s, i - 1, LX_CUE_CAPITAL_NOUN))
		return true;
	/* "in central Tehran": one lower-case word in between */
	return i >= 2 && (s->t.v[i - 1].flags & LX_T_WORD) &&
	       !(s->t.v[i - 1].flags & (LX_T_CAP | LX_T_NL)) &&
	       !s->t.v[i - 1].match && is_place_cue(lx_word_slot(s, i - 2));
}

/*
** Can the one-token country's or capital's name at i be a person's
** surname here ("Michael Jordan", "Rep. Steve Israel", "Jack London")?
** Capitalised in prose (no headline's or acronym's capitals), no
** demonym, the whole phrase at i, and no name word after it on the
** line ("George Washington University", "Jordan Valley Authority" go
** on as a body's name). The callers say who stands before it.
*/
/* Is the demonym at i a surname after the given name before it: before
** a comma or a verb of saying ("Michael German, vice president of the
** association", "Tom English said"; not "Frank German troops")? */
static bool demonym_surname(const struct lx_scan *s, size_t i)
{
	size_t j = i + 1;
	if (j >= s->t.n || (s->t.v[j].flags & LX_T_NL))
		return false;
	return lx_is_punct(s, j, ',') || lx_tok_cue(s, j, LX_CUE_PERSON_VERB);
}

bool lx_place_surname(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if (!t->match || t->match_ntok != 1 || !(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_UPPER | LX_T_HEADLINE)))
		return false;
	if (lx_tok_sense(s, i, LX_S_DEMONYM))
		return demonym_surname(s, i);
	if (!(lx_tok_sense(s, i, LX_S_COUNTRY) ||
	      lx_tok_sense(s, i, LX_S_CAPITAL)))
		return false;
	return !(lx_joins(s, i + 1) && lx_is_name_word(s, i + 1));
}

/* (below, with lx_is_name_break's helpers) */
static bool is_cap_word(const struct lx_tok *t);

/* Do ", " and a capitalised word follow at token e (a list goes on)? */
static bool is_list_item(const struct lx_scan *s, size_t e)
{
	return lx_is_punct(s, e, ',') && lx_joins(s, e + 1) &&
	       is_cap_word(&s->t.v[e + 1]);
}

/* (lx_city_of_state, entity_p.h) */
size_t lx_city_of_state(struct lx_scan *s, size_t i, size_t k,
			const struct fc_entity *place)
{
	size_t j = i + k + 1;
	if (!lx_is_punct(s, i + k, ',') || !lx_joins(s, j) ||
	    !(s->t.v[j].flags & LX_T_CAP) || (s->t.v[i].flags & LX_T_HEADLINE))
		return i;
	const struct lx_sense *ps = lx_tok_sense(s, j, LX_S_PLACE);
	uint32_t cc;
	if (!ps || ps->ntok != s->t.v[j].match_ntok ||
	    (cc = s->l->ents[ps->ref].country) == FC_NONE ||
	    !s->l->ents[cc].is_city_states)
		return i;
	const char *country = s->l->ents[cc].e.country;
	/* (the place's own country, or a country of its own there:
	** "Tbilisi, Georgia") */
	const struct lx_sense *cs = lx_tok_sense(s, j, LX_S_COUNTRY);
	if ((place->country && !strcmp(place->country, country)) ||
	    (cs && place->country &&
	     !strcmp(s->l->ents[cs->ref].e.country, place->country)))
		return i;
	/* (then no word, but after an abbreviation: "Paris, Tex. on
	** Monday"; not "Paris, Texas state officials") */
	size_t e = j + ps->ntok;
	if (e < s->t.n && !(s->t.v[e].flags & LX_T_NL) &&
	    (s->t.v[e].flags & (LX_T_WORD | LX_T_POSS)) &&
	    !lx_is_punct(s, e - 1, '.'))
		return i;
	/* (nor a list's items: "Moscow, Georgia, Armenia and Azerbaijan",
	** "offices in Berlin, Tokyo, Washington") */
	if (is_list_item(s, e) || (i >= 2 && lx_is_punct(s, i - 1, ',') &&
				   is_cap_word(&s->t.v[i - 2])))
		return i;
	size_t len;
	const char *name = lx_tok_text_label(s, i, i + k, &len);
	const struct fc_entity *c =
		lx_new_entity(s, "name", name, len, FC_ENT_CITY, country, NULL);
	if (c)
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k), c, "name.city");
	return i + k;
}

/* (lx_namesake_place) sentences a state named before sets the context in */
#define NAMESAKE_SENTS 2

/* Is token i a comma? */
static bool is_comma(const struct lx_scan *s, size_t i)
{
	return s->t.v[i].end - s->t.v[i].start == 1 &&
	       s->text[s->t.v[i].start] == ',';
}

/* Does token i follow "CITY," where CITY is a mention of a city (or an
** untyped place) of `country`? */
static bool after_city(const struct lx_scan *s, size_t i, const char *country)
{
	const struct lx_ment *last = &s->ments[s->nments - 1];
	return i >= 2 && last->t1 == i - 1 &&
	       !(s->t.v[i].flags & LX_T_NL) && is_comma(s, i - 1) &&
	       last->ent->country &&
	       !strcmp(last->ent->country, country) &&
	       (last->ent->type == FC_ENT_CITY ||
		last->ent->type == FC_ENT_OTHER);
}

/*
** A capital's name that also names a place of its country in the
** lexicon (places.yaml: the state "Washington") at token i, k tokens:
** that place right after "CITY," where CITY is a mention of a city of
** the place's country ("Seattle, Washington police", "in Arizona,
** Washington and Oregon"); not in a list of cities ("New York, Chicago,
** Washington"), nor before a name word ("Baltimore, Washington
** University"), nor elsewhere ("Oregon and Washington agreed" leaves
** Washington the capital or its government). Returns the place's
** sense, or NULL.
*/
const struct lx_sense *lx_namesake_state(const struct lx_scan *s, size_t i,
					 size_t k)
{
	const struct lx_sense *ps = lx_tok_sense(s, i, LX_S_PLACE);
	if (!ps || ps->ntok != k || s->nments == 0)
		return NULL;
	const char *country = s->l->ents[ps->ref].e.country;
	if (!country || !after_city(s, i, country) ||
	    (lx_joins(s, i + k) && lx_is_name_word(s, i + k)))
		return NULL;
	/* (not a list of cities: "New York, Chicago, Washington") */
	size_t t0 = s->ments[s->nments - 1].t0;
	if (t0 > 0 && is_comma(s, t0 - 1))
		return NULL;
	/* (nor before a city with no state of its own after it, "Chicago,
	** Washington and Boston"; "Seattle, Washington, and Portland,
	** Oregon" stays the state) */
	size_t j = i + k;
	if (lx_joins(s, j) && is_comma(s, j))
		j++;
	if (lx_joins(s, j) && lx_is_and(s, j))
		j++;
	const struct lx_sense *cs;
	if (lx_joins(s, j) && (s->t.v[j].flags & LX_T_CAP) &&
	    ((cs = lx_tok_sense(s, j, LX_S_CITY)) ||
	     (cs = lx_tok_sense(s, j, LX_S_CAPITAL))) &&
	    s->t.v[j].match_ntok == cs->ntok &&
	    !(lx_joins(s, j + cs->ntok) && is_comma(s, j + cs->ntok)))
		return NULL;
	return ps;
}

/*
** A country's name that also names a place of another country in the
** lexicon (places.yaml: the US state "Georgia") at token i, k tokens: is
** it that place here? Yes right after "CITY," where CITY is a mention of
** the place's country ("Atlanta, Georgia"; not "Tbilisi, Georgia"), and
** when a place of that country with no city's type (a state) was named
** in this sentence or the NAMESAKE_SENTS before ("Florida and Georgia",
** "in Alabama ... in Georgia's 5th district") with no other country
** or its government named between ("McCain of Arizona said Russia must
** leave Georgia"). Returns the place's sense, or NULL.
*/
const struct lx_sense *lx_namesake_place(const struct lx_scan *s,
					size_t i, size_t k)
{
	const struct lx_sense *ps = lx_tok_sense(s, i, LX_S_PLACE);
	if (!ps || ps->ntok != k)
		return NULL;
	const char *country = s->l->ents[ps->ref].e.country;
	if (!country || s->nments == 0)
		return NULL;
	const struct lx_tok *t = &s->t.v[i];
	if (after_city(s, i, country))
		return ps;
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct lx_ment *mt = &s->ments[m];
		if (mt->sent + NAMESAKE_SENTS < t->sent)
			break;
		const struct fc_entity *e = mt->ent;
		/* (a nearer other country or its government keeps the
		** country: "Sen. McCain of Arizona said Russia must leave
		** Georgia") */
		if ((e->type == FC_ENT_COUNTRY ||
		     e->type == FC_ENT_GOVERNMENT) &&
		    (!e->country || strcmp(e->country, country)))
			return NULL;
		/* (a state of one word or more: "New Jersey and Georgia") */
		const struct lx_sense *ms;
		if (e->type == FC_ENT_OTHER && e->country &&
		    !strcmp(e->country, country) &&
		    !strncmp(e->id, "name:", 5) &&
		    (ms = lx_tok_sense(s, mt->t0, LX_S_PLACE)) &&
		    ms->ntok == mt->t1 - mt->t0)
			return ps;
	}
	return NULL;
}


/* Are tokens [k, e) the org-words that end a firm's name after its
** short name: closed by a legal form ("Corp", "Group Plc", "Motor Co")
** or business lines only ("Savings")? Not a body's other words: "Soviet
** Union", "World Bank", "Labour Party" are no "Soviet", "World",
** "Labour". */
static bool is_firm_rest(const struct lx_scan *s, size_t k, size_t e)
{
	bool is_lines = true;
	for (size_t p = k; p < e; p++) {
		if (!lx_word_cue(s, p, LX_CUE_ORG_WORD))
			return false;
		is_lines &= lx_is_firm_line(s, p);
	}
	return is_lines || is_firm_suffix(s, e - 1);
}

/* (lx_firm_short) Is the organisation's mention mt, before token i, a
** name whose first n words are [i, i + n) and whose other words end a
** firm's name (is_firm_rest)? */
static bool is_short_of(const struct lx_scan *s, const struct lx_ment *mt,
			size_t i, size_t n)
{
	size_t la, lb;
	if (mt->ent->type != FC_ENT_ORG || mt->t1 - mt->t0 <= n || mt->t1 >= i)
		return false;
	const char *ka = lx_key(&s->t, i, n, &la);
	const char *kb = lx_key(&s->t, mt->t0, n, &lb);
	return la == lb && !memcmp(ka, kb, la) &&
	       is_firm_rest(s, mt->t0 + n, mt->t1);
}

const struct fc_entity *lx_firm_short(struct lx_scan *s, size_t i,
				      size_t end)
{
	/* (the last organisation's name the word began: lx_push_ment) */
	const struct lx_nslot *w = lx_word_names(s, i);
	if (!w || !(w->flags & LX_N_ORG) || !w->first_ment ||
	    w->first_ment > s->nments)
		return NULL;
	size_t n = end - i;
	uint32_t sent = s->t.v[i].sent;
	/* (else a firm's full name before it that the word began: "Holiday
	** Inns" after "Holiday Inns Inc, a unit of Holiday Corp") */
	const struct lx_ment *mt = NULL;
	size_t steps = 0;
	for (size_t m = w->first_ment; m-- > 0 && steps < LX_LOOKBACK;
	     steps++) {
		const struct lx_ment *c = &s->ments[m];
		if (c->sent + LX_SHORT_SENTS < sent)
			break;
		if (is_short_of(s, c, i, n) &&
		    (m + 1 == w->first_ment ||
		     lx_is_firm_full(s, c->t0, c->t1, c->rule))) {
			mt = c;
			break;
		}
	}
	/* (one word the document writes in lower case too is the word:
	** "International said" after "International Capital Corp" is no
	** short name) */
	return !mt || (n == 1 && lx_lower_elsewhere(s, i)) ? NULL : mt->ent;
}

/* (lx_is_name_break) Is the token a capitalised word of a name: a word,
** not a stop word, an acronym, a number or a possessive? */
static bool is_cap_word(const struct lx_tok *t)
{
	return (t->flags & (LX_T_WORD | LX_T_CAP | LX_T_DIGIT | LX_T_POSS |
			    LX_T_STOP)) == (LX_T_WORD | LX_T_CAP);
}

/* (lx_is_name_break) Does token k's own word have a one-word sense of
** the kind (a role: "Chairman")? */
static bool word_has_kind(const struct lx_scan *s, size_t k, int kind)
{
	const struct lx_slot *sl = lx_word_slot(s, k);
	return sl && (sl->kinds >> kind & 1);
}

/*
** Hard-wrapped wire text breaks lines inside names where the lines
** before and after give no sign of wrapping that is_soft_break could
** read (a story's first line, cut short where its dateline was; a line
** that goes on in capitals). A break goes on the name when what is on
** each side cannot stand alone there:
**   a legal form or a business line before lower case, a legal form or
**   the line's end, after a capitalised word ("Zenith Electronics /
**   Corp.", "Philips / Electronics said"): no line, headline or sentence
**   begins so (before a capitalised word a legal form's word may open a
**   name of its own: "Senate Confirms Barr / AG William Barr was ...");
**   a surname after a given name, after a title or inside a sentence,
**   the surname before lower case ("chairman Paul / Volcker said", "Mr.
**   Paul / Volcker", "named Robert / Kim its president"): no headline
**   ends on a given name.
** The word after the break opens its line (no indent: a paragraph).
*/
bool lx_is_name_break(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *tv = s->t.v;
	if (i < 2 || i + 1 >= s->t.n || s->text[tv[i].start - 1] != '\n' ||
	    (tv[i].flags & LX_T_PARA) || !is_cap_word(&tv[i - 1]) ||
	    !(tv[i].flags & LX_T_CAP) || (tv[i].flags & LX_T_DIGIT))
		return false;
	const struct lx_tok *nx = &tv[i + 1];
	bool next_lower = (nx->flags & LX_T_NL) || !(nx->flags & LX_T_CAP) ||
			  is_firm_suffix(s, i + 1);
	if ((is_firm_suffix(s, i) || is_line(s, i)) && next_lower)
		return true;
	if (!is_cap_word(&tv[i]) || (tv[i].flags & (LX_T_UPPER | LX_T_BLOCKED)) ||
	    !next_lower || !lx_word_cue(s, i - 1, LX_CUE_GIVEN_NAME))
		return false;
	/* (the given name on its line after a title, or in a sentence:
	** after a word in lower case or a comma, "named Robert / Kim its
	** president", "said Robert / Thomas, economist") */
	size_t r = lx_title_word(s, i - 2);
	return !(tv[i - 1].flags & LX_T_NL) &&
	       (word_has_kind(s, r, LX_S_ROLE) ||
		!(tv[i - 2].flags & LX_T_CAP) || s->text[tv[i - 2].start] == ',');
}

/*
** "First Boston Corp", "First Chicago Corp", "Second National Bank": a
** capitalised ordinal (a blocked token where the normalizer read it as
** a number) before capitalised words that end with an org-word (a
** legal form, a business line, "Bank"; up to the last of five), and
** "of" and a name after it ("First Union Corp of Georgia", "First
** National Bank of Commerce"), opens the firm's name. "the first Boston
** firm" is none (lower case), nor "America First Party" (a name before
** it).
*/
/* (lx_ordinal_firm) Is token k a capitalised ordinal of a firm's name? */
static bool is_firm_ordinal(const struct lx_scan *s, size_t k)
{
	/* (the word's org-word bit first: most words have none) */
	const struct lx_tok *t = &s->t.v[k];
	return (t->flags & LX_T_CAP) && t->word &&
	       (s->l->slots[t->word - 1].cues >> LX_CUE_ORG_WORD & 1) &&
	       has_org_cue(s, k, FIRM_ORDINAL_CUE);
}

/* (lx_ordinal_firm) "First Boston said" after "First Boston Corp": the
** firm's short name, the ordinal and the words of [o + 1, k) it begins
** with, pushed; returns its end, else i (the ordinal's word alone is
** no short name: "First" after "First Boston Corp"). */
static size_t ordinal_firm_short(struct lx_scan *s, size_t i, size_t o,
				 size_t k)
{
	for (; k > o + 1; k--) {
		const struct fc_entity *e = lx_firm_short(s, o, k);
		if (e) {
			lx_push_ment(s, (uint32_t)o, (uint32_t)k, e,
				     "coref.org");
			return k;
		}
	}
	return i;
}

size_t lx_ordinal_firm(struct lx_scan *s, size_t i)
{
	const struct lx_tok *tv = s->t.v;
	/* the ordinal: token i, or the word just before it (a number or a
	** stop word, "First, ...": no token the scan visits) */
	size_t o;
	if (is_firm_ordinal(s, i))
		o = i;
	else if (i > 0 && lx_joins(s, i) && is_firm_ordinal(s, i - 1))
		o = i - 1;
	else
		return i;
	/* (inside a longer name it opens none: "America First Party", "its
	** Chrysler / First Inc" across a wire's line break) */
	if (o > 0 && !(tv[o].flags & LX_T_PARA) &&
	    is_cap_word(&tv[o - 1]))
		return i;
	/* (to its last org-word: "First Financial Management Corp") */
	size_t end = o + 1, k = o + 1;
	for (; k < o + 1 + ORDINAL_FIRM_WORDS && lx_joins(s, k) &&
	       is_cap_word(&tv[k]);
	     k++)
		if (lx_word_cue(s, k, LX_CUE_ORG_WORD))
			end = k + 1;
	if (end == o + 1)
		return ordinal_firm_short(s, i, o, k);
	/* ("First Federal Savings and Loan Association of Arizona") */
	end = lx_firm_and(s, o, end, false);
	/* (on through "of" as a body's name with an org-word before "of"
	** goes, the ordinal aside: "First National Bank of Commerce",
	** "Second Circuit Court of Appeals") */
	int ncap = 0;
	size_t run = lx_name_run(s, o + 1, LX_MAX_NAME, &ncap);
	if (run > end + 1 && lx_is_of(s, end))
		end = run;
	end = lx_body_of_place(s, end, &ncap); /* "... Corp of Georgia" */
	size_t len;
	const char *name = lx_tok_text_label(s, o, end, &len);
	lx_push_ment(s, (uint32_t)o, (uint32_t)end,
		     lx_new_entity(s, "org", name, len, FC_ENT_ORG, NULL, NULL),
		     "name.org");
	return end;
}
