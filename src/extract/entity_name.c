/*
** entity_name.c: the name tests of the lexicon's pass A that rule 2 (a
** known place's name) and rule 3 (an unknown capitalised run,
** entity_unknown.c) share: a plural that ends a team's or a body's name,
** a person's context ("said NAME", "NAME, 43,", "NAME, a ... professor"),
** a body "of" a place. Inside rule 2: a known place's name that is a
** given name before a person's context ("Sydney Reyes said"), or that
** opens a team's name ("Los Angeles Lakers"); a place's name that is the
** surname of a person named lately ("Jordan said").
*/
#include <string.h>

#include "extract/entity_p.h"

/* A capitalised plural noun that can end a team's or a body's name
** ("Lakers", "Celtics", "Patriots"): four letters or more ending in a
** plural "s" ("ss", "us", "is" are no plurals), no place-word ("Islands",
** "Springs": a place), no given name, no known surname. */
bool lx_is_plural_name_word(struct lx_scan *s, size_t k)
{
	const struct lx_tok *t = &s->t.v[k];
	if ((t->flags & (LX_T_UPPER | LX_T_POSS | LX_T_DIGIT)) ||
	    !(t->flags & LX_T_CAP))
		return false;
	size_t len;
	const char *w = lx_key(&s->t, k, 1, &len);
	if (len < 4 || w[len - 1] != 's')
		return false;
	char c = w[len - 2] | 0x20;
	if (c < 'a' || c > 'z' || c == 's' || c == 'u' || c == 'i')
		return false;
	return !lx_word_cue(s, k, LX_CUE_PLACE_WORD) &&
	       !lx_word_cue(s, k, LX_CUE_GIVEN_NAME) && !lx_find_surname(s, k);
}

/* Is token k a plural title ending a team's name after a place, before
** no name word ("the Ottawa Senators won"; "Senators John McCain and
** Joe Lieberman" is a title)? */
static bool is_team_title(struct lx_scan *s, size_t k)
{
	const struct lx_sense *rs;
	return lx_joins(s, k) && (rs = lx_tok_sense(s, k, LX_S_ROLE)) &&
	       rs->ntok == 1 && lx_is_plural_name_word(s, k) &&
	       !(lx_joins(s, k + 1) && lx_is_name_word(s, k + 1));
}

/* Is the name [i, end) a place whose last word only looks plural? "Las
** Vegas", "Des Moines", "Los Alamos" (a word of three letters or less,
** then a word ending in "as", "es" or "os"; not "Tar Heels"). */
bool lx_is_place_plural(const struct lx_scan *s, size_t i, size_t end)
{
	/* (nor a name with an acronym: "HP Draftmasters", "NPPC Ray
	** Hankes") */
	for (size_t k = i; k < end; k++)
		if (s->t.v[k].flags & LX_T_UPPER)
			return true;
	size_t len;
	const char *w = lx_key(&s->t, end - 1, 1, &len);
	if (w[len - 2] == 'a')
		return true; /* "Nicholas", "Vegas" */
	return end - i == 2 && s->t.v[i].end - s->t.v[i].start <= 3 &&
	       (w[len - 2] == 'e' || w[len - 2] == 'o');
}

/* A place the lexicon knows (i, k tokens) that begins a longer name
** ending in a plural noun: a team or a body named after it ("Los
** Angeles Lakers", "Texas Rangers"), one organisation, the place not
** split off. Returns its end, or i. */
size_t lx_place_plural(struct lx_scan *s, size_t i, size_t k)
{
	int ncap;
	size_t end;
	if (is_team_title(s, i + k))
		return lx_push_new_org(s, i, i + k + 1, "name.org-plural");
	if (!lx_joins(s, i + k) || !lx_is_name_word(s, i + k) ||
	    lx_is_particle(s, i + k) || lx_word_cue(s, i, LX_CUE_GIVEN_NAME) ||
	    (end = lx_name_run(s, i + k, LX_MAX_NAME, &ncap)) == i + k ||
	    !lx_is_plural_name_word(s, end - 1) ||
	    lx_is_place_plural(s, i, end) ||
	    (s->t.v[i].flags & LX_T_HEADLINE))
		return i;
	return lx_push_new_org(s, i, end, "name.org-plural");
}

/* (lx_push_new_org_in, lx_push_new_name) a new entity of the prefix,
** type and country labelled with the text of [i, end), its mention by
** rule; end */
static size_t push_new(struct lx_scan *s, size_t i, size_t end,
		       const char *prefix, enum fc_entity_type type,
		       const char *country, const char *rule)
{
	size_t len;
	const char *name = lx_tok_text_label(s, i, end, &len);
	lx_push_ment(s, (uint32_t)i, (uint32_t)end,
		     lx_new_entity(s, prefix, name, len, type, country, NULL),
		     rule);
	return end;
}

size_t lx_push_new_org_in(struct lx_scan *s, size_t i, size_t end,
			  const char *country, const char *rule)
{
	return push_new(s, i, end, "org", FC_ENT_ORG, country, rule);
}

size_t lx_push_new_org(struct lx_scan *s, size_t i, size_t end,
		       const char *rule)
{
	return lx_push_new_org_in(s, i, end, NULL, rule);
}

size_t lx_push_new_name(struct lx_scan *s, size_t i, size_t end)
{
	return push_new(s, i, end, "name", FC_ENT_OTHER, NULL, "name");
}

/* A plural noun that names a team after a city ("Houston Rockets",
** "Dallas Mavericks", "Phoenix Suns"), not a surname that looks plural
** ("Reyes", "Jones": "es" after a consonant or "y", but "Yankees",
** "Rockies", "Timberwolves"). */
static bool is_team_word(struct lx_scan *s, size_t j)
{
	if (!lx_is_plural_name_word(s, j))
		return false;
	size_t len;
	const char *w = lx_key(&s->t, j, 1, &len);
	if (len < 4 || w[len - 2] != 'e')
		return true;
	char c = w[len - 3];
	return c == 'e' || c == 'i' || c == 'v';
}

size_t lx_place_given_name(struct lx_scan *s, size_t i, size_t k)
{
	size_t j = i + k;
	int ncap;
	if ((i > 0 && lx_joins(s, i) && lx_tok_cue(s, i - 1, LX_CUE_DET)) ||
	    !lx_joins(s, j) || !lx_is_name_word(s, j) || lx_is_particle(s, j) ||
	    lx_is_acronym(s, j) ||
	    lx_name_run(s, j, LX_MAX_NAME, &ncap) != j + 1 ||
	    lx_word_cue(s, j, LX_CUE_ORG_WORD) ||
	    lx_word_cue(s, j, LX_CUE_PLACE_WORD) ||
	    lx_word_cue(s, j, LX_CUE_SOURCE_NOUN) ||
	    s->t.v[j].end - s->t.v[j].start < 2)
		return i;
	const struct lx_nslot *w = lx_word_names(s, j);
	if ((w && (w->flags & LX_N_ORG)) || is_team_word(s, j))
		return i;
	size_t end = j + 1;
	const struct lx_role *role = NULL;
	if (!(lx_joins(s, end) && lx_tok_cue(s, end, LX_CUE_PERSON_VERB)) &&
	    !lx_person_context(s, i, end, &role))
		return i;
	size_t len;
	const char *name = lx_tok_text_label(s, i, end, &len);
	const struct fc_entity *who = lx_new_entity(
		s, "person", name, len, FC_ENT_PERSON, NULL,
		role && !role->is_generic ? role->role : NULL);
	if (!who)
		return i;
	lx_push_ment(s, (uint32_t)i, (uint32_t)end, who, "name.person");
	return end;
}


/* An age: one to three digits on the same line ("Yvonne Hiller, 43,"). */
static bool is_age(const struct lx_scan *s, size_t i)
{
	if (i >= s->t.n || (s->t.v[i].flags & LX_T_NL))
		return false;
	const struct lx_tok *t = &s->t.v[i];
	size_t len = t->end - t->start;
	if (!len || len > 3)
		return false;
	for (size_t k = 0; k < len; k++)
		if (s->text[t->start + k] < '0' || s->text[t->start + k] > '9')
			return false;
	return true;
}

#define APPOS_WORDS 6 /* words between "NAME," and its role */

/* The role of an apposition from token j (after "NAME,"): an apposition
** word ("a", "the") or a country, organisation... ("Israel's"), then
** words up to a role: "a George Washington University professor",
** "the Australian actor", "Israel's ambassador". NULL when none. */
static const struct lx_sense *appos_role(const struct lx_scan *s, size_t j)
{
	const struct lx_sense *se;
	if (j >= s->t.n || (s->t.v[j].flags & LX_T_NL))
		return NULL;
	if ((se = lx_tok_cue(s, j, LX_CUE_DET)) ||
	    (se = lx_tok_cue(s, j, LX_CUE_APPOSITION))) {
		j += se->ntok;
	} else {
		/* a possessive: "Israel's ambassador", not "Hawaiian
		** Gardens, Los Angeles County sheriff's Sgt." */
		if (!(se = lx_modifier_sense(s, j)) ||
		    !lx_is_poss(s, j + se->ntok))
			return NULL;
		j += se->ntok + 1;
	}
	for (size_t m = 0; m < APPOS_WORDS && j < s->t.n; m++) {
		const struct lx_tok *t = &s->t.v[j];
		if (t->flags & LX_T_NL)
			return NULL;
		if ((se = lx_tok_sense(s, j, LX_S_ROLE)))
			return se;
		if (!(t->flags & (LX_T_WORD | LX_T_POSS)))
			return NULL;
		j++;
	}
	return NULL;
}

/* Does what stands around the unknown name [i, end) mark a person?
** "said Mark Feldstein", "Mark Feldstein said", "Yvonne Hiller, 43,",
** "Mark Feldstein, a ... professor" (*role: the apposition's role). */
bool lx_person_context(const struct lx_scan *s, size_t i, size_t end,
		       const struct lx_role **role)
{
	*role = NULL;
	const struct lx_sense *se;
	/* (after "in", "from": a place in a list, "in San Diego, a
	** California Highway Patrol officer said") */
	bool is_comma = lx_is_punct(s, end, ',');
	bool is_place = is_comma && lx_place_context(s, i);
	if (is_comma && !is_place && (se = appos_role(s, end + 1))) {
		*role = &s->l->roles[se->ref];
		return true;
	}
	/* (not before a possessive: "added Security Pacific's Bannon" is
	** Bannon's verb) */
	if (i > 0 && !(s->t.v[i].flags & LX_T_NL) && !lx_is_poss(s, end) &&
	    (se = lx_tok_cue(s, i - 1, LX_CUE_PERSON_VERB)) && se->ntok == 1)
		return true;
	/* A verb of saying after the name counts where a word of the
	** sentence leads to the name ("economist Haruo Muto said", "...,"
	** Jassem Chabok said"): a name that opens its sentence or follows a
	** function word is as often a firm ("K Mart said", "analyst for
	** Prudential Bache said": 14 of 25 on business news) */
	if (lx_joins(s, end) && lx_tok_cue(s, end, LX_CUE_PERSON_VERB) &&
	    i > 0 && !(s->t.v[i].flags & (LX_T_SSTART | LX_T_NL)) &&
	    !lx_tok_cue(s, i - 1, LX_CUE_STOP) && !lx_is_of(s, i - 1))
		return true;
	if (is_place || !is_comma)
		return false;
	if (is_age(s, end + 1) &&
	    (lx_is_punct(s, end + 2, ',') || lx_is_punct(s, end + 2, ')') ||
	     lx_is_punct(s, end + 2, ';')))
		return true;
	return false;
}

/* Was the place `place` (a country or a capital) or its government
** named after `who` was last named ("Michael Jordan scored. Talks in
** Jordan ended")? Another city of the country does not count ("Leon
** Washington ran in Seattle"), nor the country for a capital ("U.S."). */
static bool place_named_since(const struct lx_scan *s,
			      const struct fc_entity *who,
			      const struct fc_entity *place)
{
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct fc_entity *e = s->ments[m].ent;
		if (e == who || !strcmp(e->id, who->id))
			return false;
		if (!strcmp(e->id, place->id) ||
		    ((e->type == FC_ENT_GOVERNMENT ||
		      (e->type == FC_ENT_COUNTRY &&
		       place->type == FC_ENT_COUNTRY)) &&
		     e->country && !strcmp(e->country, place->country)))
			return true;
	}
	return false;
}

/* Was `who` named in token i's sentence or in the two before it? */
static bool named_lately(const struct lx_scan *s, const struct fc_entity *who,
			 size_t i)
{
	return lx_named_within(s, who, i, 2);
}

const struct fc_entity *lx_place_surname_person(const struct lx_scan *s,
						size_t i)
{
	/* (next to a verb of saying only, and not where a place stands:
	** "Jordan said" is the player after "Michael Jordan"; "in Jordan",
	** "Jordan's King Abdullah", "Jordan and Israel", "said Jordan's
	** loans" stay the country) */
	if (!lx_says_next_to(s, i, i + 1) || lx_is_poss(s, i + 1) ||
	    !lx_place_surname(s, i) || lx_place_context(s, i))
		return NULL;
	const struct fc_entity *who = lx_find_surname(s, i);
	/* (the person named in this sentence or the two before: "George
	** Washington crossed the river. ... Washington said" three
	** sentences on is the government) */
	if (!who || who->type != FC_ENT_PERSON || !named_lately(s, who, i))
		return NULL;
	/* (not once the place itself was named after the person: "Talks in
	** Jordan ended, and Jordan said" is the country) */
	const struct lx_sense *se = lx_tok_sense(s, i, LX_S_COUNTRY);
	if (!se)
		se = lx_tok_sense(s, i, LX_S_CAPITAL);
	const struct fc_entity *place = se ? &s->l->ents[se->ref].e : NULL;
	return place && place->country && place_named_since(s, who, place)
		       ? NULL
		       : who;
}

/* Is token k "of", or a name's particle in lower case that a
** language's body writes for it ("Banco di Sicilia", "Banque de
** France"; no "'s")? */
static bool is_of_link(const struct lx_scan *s, size_t k)
{
	return lx_is_of(s, k) ||
	       (lx_is_particle(s, k) && !lx_is_poss(s, k) &&
		!(s->t.v[k].flags & LX_T_CAP));
}

/*
** "Bank of America", "Royal Bank of Canada", "Associates Corp of North
** America": an organisation's word ending a name at end, "of" and a
** place the lexicon knows (a country, a capital, a city, a region) name
** one body; and a name word after the place, no given name, before no
** capitalised word nor "and" ("University of Missouri Agricultural
** Economist Glenn Grimes", "Stock Exchange of Singapore Dealing and
** Automated Quotation System"), or two ending with an org-word, go on
** with it: "Bank of New York Mellon", "Bank of New York Mellon Corp".
** Returns the body's end, or end; *ncap gets the capitalised words
** added.
*/
size_t lx_body_of_place(const struct lx_scan *s, size_t end, int *ncap)
{
	if (!lx_word_cue(s, end - 1, LX_CUE_ORG_WORD) || end + 1 >= s->t.n ||
	    !lx_joins(s, end) || !is_of_link(s, end) || !lx_joins(s, end + 1) ||
	    !s->t.v[end + 1].match || !(s->t.v[end + 1].flags & LX_T_CAP) ||
	    lx_tok_sense(s, end + 1, LX_S_DEMONYM) ||
	    !(lx_tok_sense(s, end + 1, LX_S_COUNTRY) ||
	      lx_tok_sense(s, end + 1, LX_S_CAPITAL) ||
	      lx_tok_sense(s, end + 1, LX_S_CITY) ||
	      lx_tok_sense(s, end + 1, LX_S_PLACE)))
		return end;
	end += 1 + s->t.v[end + 1].match_ntok;
	*ncap += 1;
	int n;
	size_t e2;
	if (lx_joins(s, end) && lx_is_name_word(s, end) &&
	    !lx_is_particle(s, end) &&
	    !lx_word_cue(s, end, LX_CUE_GIVEN_NAME) && !lx_is_acronym(s, end) &&
	    (e2 = lx_name_run(s, end, 2, &n)) > end &&
	    (e2 == end + 1 ? !(e2 < s->t.n && ((s->t.v[e2].flags & LX_T_CAP) ||
					       lx_is_and(s, e2)))
			   : lx_word_cue(s, e2 - 1, LX_CUE_ORG_WORD))) {
		end = e2;
		*ncap += n;
	}
	return end;
}

