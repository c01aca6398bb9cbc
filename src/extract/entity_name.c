/*
** entity_name.c: pass A of the lexicon stage, what an unknown capitalised
** name is (the scan is entity_scan.c).
**
** Rule 3 of the scan, an unknown capitalised run: a surname of a person
** met before, a lone name before "said" at a sentence start, a city
** before ", <country>", a lone name where a place stands, else (two
** words or more, not in a headline) an entity typed by its last word
** (org-word, place-word), by "the" + a plural noun (a team or a body),
** by its context (a person: "said NAME", "NAME, 43,", "NAME, a ...
** professor"), else name:<slug>. Inside rule 2: a known place's name
** that is a given name before a person's context ("Sydney Reyes said"),
** or that opens a team's name ("Los Angeles Lakers").
*/
#include <string.h>

#include "extract/entity_p.h"

/* A capitalised plural noun that can end a team's or a body's name
** ("Lakers", "Celtics", "Patriots"): four letters or more ending in a
** plural "s" ("ss", "us", "is" are no plurals), no place-word ("Islands",
** "Springs": a place), no given name, no known surname. */
static bool is_plural_name_word(struct lx_scan *s, size_t k)
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
	       rs->ntok == 1 && is_plural_name_word(s, k) &&
	       !(lx_joins(s, k + 1) && lx_is_name_word(s, k + 1));
}

/* Is the name [i, end) a place whose last word only looks plural? "Las
** Vegas", "Des Moines", "Los Alamos" (a word of three letters or less,
** then a word ending in "as", "es" or "os"; not "Tar Heels"). */
static bool is_place_plural(const struct lx_scan *s, size_t i, size_t end)
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
	    !is_plural_name_word(s, end - 1) || is_place_plural(s, i, end) ||
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

static bool person_context(const struct lx_scan *s, size_t i, size_t end,
			   const struct lx_role **role);

/* A plural noun that names a team after a city ("Houston Rockets",
** "Dallas Mavericks", "Phoenix Suns"), not a surname that looks plural
** ("Reyes", "Jones": "es" after a consonant or "y", but "Yankees",
** "Rockies", "Timberwolves"). */
static bool is_team_word(struct lx_scan *s, size_t j)
{
	if (!is_plural_name_word(s, j))
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
	    !person_context(s, i, end, &role))
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
static bool person_context(const struct lx_scan *s, size_t i, size_t end,
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

/* The country of a place or country named right after "NAME,", which
** makes NAME a city of it: "Beaumont, Texas", "Kazan, Russia." (not
** "Smith, Britain's ambassador"); NULL when none. */
static const char *city_of(const struct lx_scan *s, size_t end)
{
	if (!lx_is_punct(s, end, ',') || !lx_joins(s, end + 1))
		return NULL;
	size_t j = end + 1;
	/* (a country first: "Gori, Georgia" is Georgia's, where the US
	** state has the name too) */
	const struct lx_sense *se = lx_tok_sense(s, j, LX_S_COUNTRY);
	if (!se)
		se = lx_tok_sense(s, j, LX_S_PLACE);
	if (!se || s->t.v[j].match_ntok != se->ntok)
		return NULL;
	size_t k = j + se->ntok;
	/* then no word, but after an abbreviation: "Santa Rosa, Calif. on
	** Monday", "Cannes, France, was", not "Mark Rockwell, California
	** state representative" nor "Smith, Britain's envoy" */
	if (k < s->t.n && !(s->t.v[k].flags & LX_T_NL) &&
	    ((s->t.v[k].flags & (LX_T_WORD | LX_T_POSS)) &&
	     !lx_is_punct(s, k - 1, '.')))
		return NULL;
	return s->l->ents[se->ref].e.country;
}

/* Is token i a verb's stem before its clitic written apart, as tokenised
** text writes it ("Don ’ t move", "Won 't"; "Don't" is "Do" "n't")? */
static bool clitic_after(const struct lx_scan *s, size_t i)
{
	size_t len;
	if (!lx_joins(s, i + 1) || !lx_joins(s, i + 2))
		return false;
	const char *k = lx_key(&s->t, i + 1, 1, &len);
	if (len != 1 || *k != '\'')
		return false;
	k = lx_key(&s->t, i + 2, 1, &len);
	return len == 1 && *k == 't';
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

/* Does token i stand inside its sentence, after a word or a comma in
** lower case ("pardoned Felt", "In 2005, Felt")? */
static bool mid_sentence(const struct lx_scan *s, size_t i)
{
	return i > 0 &&
	       !(s->t.v[i].flags & (LX_T_SSTART | LX_T_NL | LX_T_HEADLINE)) &&
	       !(s->t.v[i - 1].flags & LX_T_CAP);
}

/* Does the capitalised run at i stand in a noun phrase, after a
** determiner or a lower-case word that is no function word nor verb of
** saying ("the latest Export Sales", not "says Deputy Ortiz", "of
** Deputy Ortiz", "to Commissioner Ramsey")? */
static bool in_noun_phrase(const struct lx_scan *s, size_t i)
{
	if (i == 0 || (s->t.v[i].flags & (LX_T_SSTART | LX_T_NL)))
		return false;
	const struct lx_tok *p = &s->t.v[i - 1];
	if (lx_tok_cue(s, i - 1, LX_CUE_DET))
		return true;
	return (p->flags & LX_T_WORD) && !(p->flags & LX_T_CAP) &&
	       !lx_tok_cue(s, i - 1, LX_CUE_STOP) &&
	       !lx_tok_cue(s, i - 1, LX_CUE_PERSON_VERB) &&
	       !lx_tok_cue(s, i - 1, LX_CUE_REPORT) &&
	       !lx_tok_cue(s, i - 1, LX_CUE_PLACE_CONTEXT) &&
	       !lx_is_of(s, i - 1);
}

/* Does token i follow a short capitalised abbreviation ("St. Louis
** Cardinals", "Ft. Worth": no given name there)? */
static bool after_abbrev(const struct lx_scan *s, size_t i)
{
	if (i < 2 || !lx_is_punct(s, i - 1, '.'))
		return false;
	const struct lx_tok *a = &s->t.v[i - 2];
	return a->end == s->t.v[i - 1].start && a->end - a->start <= 3 &&
	       (a->flags & LX_T_CAP) && !(a->flags & LX_T_UPPER);
}

/* The "of" inside the name [i, end), or end when none: a person's name
** has none ("Jack Kirnan of Kidder Peabody" is a person and a firm, the
** run no one person), a body's may ("Bureau of Metal Statistics"). */
static size_t of_in(const struct lx_scan *s, size_t i, size_t end)
{
	for (size_t k = i + 1; k + 1 < end; k++)
		if (lx_is_of(s, k))
			return k;
	return end;
}

/* Is token i a grade of capitals with a sign glued after it, a credit
** rating ("cut to BBB+", "AA-"), no place? */
static bool is_signed_grade(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	/* (the text is NUL-terminated: text[end] is readable) */
	if (t->end - t->start > 3 ||
	    (s->text[t->end] != '+' && s->text[t->end] != '-'))
		return false;
	for (size_t c = t->start; c < t->end; c++)
		if (s->text[c] < 'A' || s->text[c] > 'D')
			return false;
	return true;
}

/* Rule 3: an unknown capitalised run at i. Returns its end, or i. */
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
	    !lx_joins(s, end) || !lx_is_of(s, end) || !lx_joins(s, end + 1) ||
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

size_t lx_take_unknown(struct lx_scan *s, size_t i)
{
	int ncap;
	/* (set where the name begins one word on, after a word the
	** document writes in lower case: "the latest Export Sales report") */
	bool is_after_lower = false;
	/* (the name may begin one word on: a loop, not a call, as a hostile
	** run of capitalised words could be as long as the text) */
again:
	if (lx_is_initial_nonname(s, i)) {
		/* (unless an organisation's name goes on from a hyphenated
		** word: "Brown-Forman Inc said", not "Pro-Russian forces";
		** an adverb never opens one: "Curiously Acme Bank said") */
		size_t len;
		const char *k = lx_key(&s->t, i, 1, &len);
		size_t e = memchr(k, '-', len)
				   ? lx_name_run(s, i, LX_MAX_NAME, &ncap)
				   : i;
		if (e <= i + 1 || !lx_word_cue(s, e - 1, LX_CUE_ORG_WORD))
			return i + 1;
	}
	if (!s->t.v[i].match) {
		size_t given = lx_place_given(s, i, 1);
		if (given == i)
			given = lx_water_of(s, i);
		if (given > i)
			return given;
	}
	/* (a capitalised title modifier inside a sentence opens a name:
	** "the New England Patriots") */
	size_t lead = s->t.v[i].match && !lx_is_particle(s, i) ? 1 : 0;
	if (lead && !lx_joins(s, i + 1))
		return i;
	size_t end = lx_name_run(s, i + lead, LX_MAX_NAME + 1 - lead, &ncap);
	/* (at a sentence start, before two name words at least: "New
	** England Patriots said", not "Former Smith aide") */
	if (end == i + lead ||
	    (lead && (s->t.v[i].flags & LX_T_SSTART) && ncap < 2))
		return i;
	ncap += (int)lead;
	const struct lx_tok *first = &s->t.v[i];
	/* "Marion County Sheriff's Office": the county's body (a name after
	** the role is a person's: "Marion County Sheriff Russ Isham") */
	size_t body;
	if (!lead && lx_word_cue(s, end - 1, LX_CUE_PLACE_WORD) &&
	    (body = lx_role_body_end(s, end, true)) > end)
		return lx_push_new_org(s, i, body, "name.org");
	/* A mission's word alone names no body of its own: "the
	** Embassy of Israel" is the country's. */
	if (!lead && end == i + 1 && lx_word_cue(s, i, LX_CUE_MISSION)) {
		const struct lx_sense *cs;
		if (end + 1 < s->t.n && lx_joins(s, end) && lx_is_of(s, end) &&
		    lx_joins(s, end + 1) &&
		    (s->t.v[end + 1].flags & LX_T_CAP) &&
		    (cs = lx_tok_sense(s, end + 1, LX_S_COUNTRY))) {
			size_t e = end + 1 + s->t.v[end + 1].match_ntok;
			lx_push_ment(s, (uint32_t)i, (uint32_t)e,
				     lx_intern(s, cs->ref), "lexicon.mission");
			return e;
		}
		return end;
	}
	/* A common noun capitalised by its place before a person's name:
	** "Receptionist Madeline Kafoury", "Forward Tyler Hansbrough" (the
	** document writes it in lower case after a function word): the
	** name begins after it. A given name is the person's own ("Mark
	** Anthony Jones" beside "a mark"). */
	if (!lead && ncap >= 3 && (first->flags & LX_T_SSTART) &&
	    !(first->flags & LX_T_HEADLINE) &&
	    !lx_word_cue(s, i, LX_CUE_GIVEN_NAME) &&
	    lx_is_name_word(s, i + 1) &&
	    lx_word_cue(s, i + 1, LX_CUE_GIVEN_NAME) &&
	    lx_lower_elsewhere(s, i)) {
		i++;
		goto again;
	}
	const struct fc_entity *who = NULL;
	/* "Ivanka Trump" is not Donald Trump: an unknown first name takes a
	** known surname into an unknown name (stop words such as "Later"
	** are no name words, so "Later Trump said" keeps Trump). */
	if (lx_joins(s, end) && lx_tok_sense(s, end, LX_S_SURNAME) &&
	    !(first->flags & LX_T_HEADLINE)) {
		end += s->t.v[end].match_ntok;
		ncap++;
	}
	/* "Michael Jordan", "Jack London": a given name alone before a
	** country's or a capital's name that ends the name is a person's
	** (not after a determiner: "the Christian Lebanon") */
	if (!lead && ncap == 1 && end == i + 1 && lx_joins(s, end) &&
	    !(first->flags & LX_T_HEADLINE) &&
	    lx_word_cue(s, i, LX_CUE_GIVEN_NAME) &&
	    !(i > 0 && lx_joins(s, i) && lx_tok_cue(s, i - 1, LX_CUE_DET)) &&
	    lx_place_surname(s, end)) {
		end++;
		ncap++;
	}
	/* "Toshiba Canada Inc", "Chemical New York Corp": a country, a
	** capital or a city between an unknown name and an organisation's
	** last words names the firm's branch there (after a country one
	** org-word only, as place_name reads it) */
	if (!lead && lx_joins(s, end) && !(first->flags & LX_T_HEADLINE) &&
	    s->t.v[end].match && !lx_tok_sense(s, end, LX_S_DEMONYM)) {
		bool is_country = lx_tok_sense(s, end, LX_S_COUNTRY) != NULL;
		size_t j = end + s->t.v[end].match_ntok, e2;
		int n;
		if ((is_country || lx_tok_sense(s, end, LX_S_CAPITAL) ||
		     lx_tok_sense(s, end, LX_S_CITY)) &&
		    lx_joins(s, j) && lx_is_name_word(s, j) &&
		    !lx_is_particle(s, j) &&
		    (e2 = lx_name_run(s, j, is_country ? 2 : LX_MAX_NAME,
				      &n)) > j &&
		    (!is_country || e2 == j + 1) &&
		    lx_word_cue(s, e2 - 1, LX_CUE_ORG_WORD)) {
			end = e2;
			ncap += 1 + n;
		}
	}
	/* "Smith and Co Inc", "Procter & Gamble": a firm's */
	size_t firm = lead ? end : lx_firm_and(s, i, end, false);
	if (firm > end) {
		/* (and "of" a place: "Savings and Loan Association of
		** Florida") */
		int n = 0;
		firm = lx_body_of_place(s, firm, &n);
		size_t flen;
		const char *fname = lx_tok_text_label(s, i, firm, &flen);
		who = lx_new_entity(s, "org", fname, flen, FC_ENT_ORG, NULL,
				    NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)firm, who,
				     "name.org");
		return firm;
	}
	/* "CrossLand said" after "CrossLand Savings": the firm's */
	if (!lead && !(first->flags & LX_T_HEADLINE) &&
	    (who = lx_firm_short(s, i, end))) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)end, who, "coref.org");
		return end;
	}
	size_t len;
	const char *name = lx_tok_text_label(s, i, end, &len);
	bool is_person = false;
	/* (a lone word may be another word of a person's name: "Liu said"
	** after "Vice Premier Liu He"; not after a determiner, "the
	** Saints" after "Saints Pierre Thomas", nor before a clitic, "Don ’
	** t" after "Don Carter") */
	who = lx_find_surname(s, end - 1);
	if (!who && ncap == 1 && end == i + 1 &&
	    !(i > 0 && lx_joins(s, i) && lx_tok_cue(s, i - 1, LX_CUE_DET)) &&
	    !clitic_after(s, i))
		who = lx_find_name_word(s, i);
	/* ("Young people" after "Senator Young Kim", "Rich nations" after
	** "Marc Rich": a common word, no mention) */
	if (who && ncap == 1 && !lead && lx_modifies_next(s, i))
		return end;
	if (who) {
		/* (a word opening a table's row that the document writes in
		** lower case is a common noun: "Sales 37.6 mln vs 35.8 mln"
		** after "analyst Rick Sales"; "Page was born" stays Bettie
		** Page though the text writes "web page") */
		if (ncap == 1 && !lead && (first->flags & LX_T_SSTART) &&
		    end < s->t.n && !(s->t.v[end].flags & LX_T_NL) &&
		    (s->t.v[end].flags & LX_T_DIGIT) &&
		    lx_lower_elsewhere(s, i))
			return end;
		/* A bare surname that reads as a common noun is no mention
		** of the person: after a capitalised word the document writes
		** in lower case, in a noun phrase ("the latest Export Sales
		** report", "The Foreign Military Sales program"), or a word
		** the document writes in lower case too ("Sales rose", "Sales
		** of the division" stories after "analyst Rick Sales ...
		** sales"), unless a verb of saying stands next to it ("Sales
		** added", "said Sales") or, for the latter, it stands inside
		** its sentence after a word in lower case ("Reagan pardoned
		** Felt" in a text that writes "felt"; not "U.S. Sales", "the
		** Third World") or the person was named in the two sentences
		** before ("Felt later said"; not before "of": "Sales of cars
		** rose" right after "analyst Rick Sales") */
		if (ncap == 1 && !lead && !lx_says_next_to(s, i, end) &&
		    (is_after_lower ||
		     (lx_lower_elsewhere(s, i) && !mid_sentence(s, i) &&
		      ((lx_joins(s, end) && lx_is_of(s, end)) ||
		       !named_lately(s, who, i)))))
			return end;
		/* "Pezeshkian" or "Masoud Pezeshkian" again; "Reggie Bush"
		** after "President Bush" is a person of its own. */
		if (ncap == 1 || lx_same_label(who, name, len) ||
		    lx_particle_surname(s, i, end, who)) {
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "coref.surname");
			return end;
		}
		/* (a word the document writes in lower case before a
		** known surname is no part of a new person's name: "Deputy
		** Ortiz" is Jerry Ortiz, "the latest Export Sales report"
		** no "Export Sales"; a given name is the person's own) */
		is_person = lx_word_cue(s, i, LX_CUE_GIVEN_NAME) ||
			    !lx_lower_elsewhere(s, i);
		/* (the person's name begins after it: "Deputy Hoyt
		** Teasley", "General Manager Ed Stefanski", "Chief
		** Steele", "Having Jackman host"; not before "of": "the
		** National Player of the Year", nor a word the document
		** writes in lower case too: "Surgeon General") */
		if (!is_person && !lead && lx_is_name_word(s, i + 1) &&
		    !(lx_joins(s, end) && lx_is_of(s, end)) &&
		    (ncap >= 3 || !lx_lower_elsewhere(s, i + 1))) {
			is_after_lower = in_noun_phrase(s, i);
			i++;
			goto again;
		}
		if (!is_person)
			who = NULL;
	}
	/* a given name first: a person's name, also before a place
	** ("Mark Feldstein, Texas", a list of results or of hometowns),
	** but where a place stands ("died in Beverly Hills, Calif.") */
	bool is_given = ncap >= 2 && lx_word_cue(s, i, LX_CUE_GIVEN_NAME) &&
			!after_abbrev(s, i) &&
			!lx_word_cue(s, end - 1, LX_CUE_PLACE_WORD) &&
			!lx_place_context(s, i);
	/* (nor a body's name with its org-word before "of": "Union Bank
	** of Augusta, Ga." is the bank's) */
	bool is_body = lx_word_cue(s, end - 1, LX_CUE_ORG_WORD);
	for (size_t p = i; !is_body && p + 2 < end; p++)
		is_body = lx_is_of(s, p + 1) && lx_word_cue(s, p, LX_CUE_ORG_WORD);
	const char *in_country;
	if (!is_person && !is_given && !(first->flags & LX_T_HEADLINE) &&
	    !is_body && (in_country = city_of(s, end))) {
		/* (id name:<slug>, as "in Anchorage" elsewhere gives: the
		** same place in two sources must not contradict) */
		who = lx_new_entity(s, "name", name, len, FC_ENT_CITY,
				    in_country, NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "name.city");
		return end;
	}
	if (ncap == 1 && !is_person && !lead &&
	    (first->flags & LX_T_SSTART) && !(first->flags & LX_T_HEADLINE) &&
	    lx_joins(s, end) && lx_tok_cue(s, end, LX_CUE_PERSON_VERB) &&
	    lx_tok_cue(s, end, LX_CUE_REPORT) && !lx_is_acronym(s, i) &&
	    !lx_word_cue(s, i, LX_CUE_ORG_WORD) &&
	    !lx_word_cue(s, i, LX_CUE_PLACE_WORD) &&
	    !lx_word_cue(s, i, LX_CUE_SOURCE_NOUN)) {
		/* "Hughes said the deal would close.": a lone name that
		** opens its sentence before a verb of saying is a person
		** (its full name's, "Roger Hughes" untyped before), unless
		** the document named an organisation with it ("Kodak said"
		** after "Eastman Kodak Co") */
		const struct lx_nslot *w = lx_word_names(s, i);
		if (w && (w->flags & LX_N_ORG))
			return end;
		bool is_last = w && (w->flags & LX_N_LAST) &&
			       !(w->flags & LX_N_MANY);
		/* (a common noun capitalised by its place: the document
		** writes it in lower case elsewhere, "Reports said" and
		** "the reports") */
		if (!is_last && lx_lower_elsewhere(s, i))
			return end;
		if (!is_last && lx_is_gerund(s, i))
			return end;
		if (is_last) {
			name = w->e->label;
			len = strlen(name);
		}
		/* (with no full name before, a source only: as often a firm,
		** "Pemex said", on business news) */
		who = is_last ? lx_new_entity(s, "person", name, len,
					      FC_ENT_PERSON, NULL, NULL)
			      : lx_new_entity(s, "name", name, len,
					      FC_ENT_OTHER, NULL, NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     is_last ? "name.person-surname"
					     : "name.speaker");
		return end;
	}
	/* "Blackmore was charged" after "Police arrested Winston Blackmore" */
	if (ncap == 1 && !is_person && !lead && lx_take_name_word(s, i) > i)
		return end;
	if (ncap == 1 && !is_person && !(first->flags & LX_T_HEADLINE) &&
	    !(first->flags & LX_T_SSTART) && lx_joins(s, end) &&
	    lx_tok_cue(s, end, LX_CUE_REPORT) &&
	    !lx_word_cue(s, i, LX_CUE_SOURCE_NOUN) &&
	    first->end - first->start > 1) {
		/* A lone unknown name right before a reporting verb is a
		** source: '"...," Scholz said'; a letter is none (the "P"
		** of "S and P said") */
		who = lx_new_entity(s, "name", name, len, FC_ENT_OTHER, NULL,
				    NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "name.speaker");
		return end;
	}
	int nof = 0;
	if (ncap == 1 && !is_person && !(first->flags & LX_T_HEADLINE) &&
	    !(first->flags & LX_T_SSTART) && lx_place_context(s, i) &&
	    lx_body_of_place(s, end, &nof) == end && !is_signed_grade(s, i)) {
		/* A lone unknown name where a place stands: "met in
		** Anchorage", "talks in Doha"; not a body's word before "of"
		** and a place ("according to Bank of England figures": one
		** body, below) */
		who = lx_new_entity(s, "name", name, len, FC_ENT_OTHER, NULL,
				    NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "name.place");
		return end;
	}
	/* "Bank of America", "Royal Bank of Canada": one body */
	if (!(first->flags & LX_T_HEADLINE) && !is_person) {
		int n = 0;
		size_t e = lx_body_of_place(s, end, &n);
		if (e > end) {
			end = e;
			ncap += n;
			name = lx_tok_text_label(s, i, end, &len);
		}
	}
	if (ncap < 2 || (first->flags & LX_T_HEADLINE))
		return end;
	/* What the name ends with or stands among tells its type: "West
	** Coast Bank" an organisation, "Marion County" a place, "said Mark
	** Feldstein" a person; after "the" or "his" it is no person. */
	size_t of = of_in(s, i, end);
	if (lx_word_cue(s, end - 1, LX_CUE_ORG_WORD) ||
	    (of < end && lx_word_cue(s, of - 1, LX_CUE_ORG_WORD))) {
		/* (also "Bureau of Metal Statistics", "Bank of Japan") */
		who = lx_new_entity(s, "org", name, len, FC_ENT_ORG, NULL, NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "name.org");
		return end;
	}
	/* "the Boston Celtics", "the New England Patriots": after a
	** determiner, a name ending in a plural noun is a team or a body
	** (no person: "the Williams" is no run) */
	if (!is_person && of == end && i > 0 && lx_joins(s, i) &&
	    lx_tok_cue(s, i - 1, LX_CUE_DET) && (size_t)ncap >= 2 + lead &&
	    is_plural_name_word(s, end - 1) && !is_place_plural(s, i, end)) {
		who = lx_new_entity(s, "org", name, len, FC_ENT_ORG, NULL, NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "name.org-plural");
		return end;
	}
	const struct lx_role *role = NULL;
	if (!is_person && of == end && !lead &&
	    !lx_word_cue(s, end - 1, LX_CUE_PLACE_WORD) &&
	    !(i > 0 && lx_tok_cue(s, i - 1, LX_CUE_DET)) &&
	    (person_context(s, i, end, &role) ||
	     (lx_word_cue(s, i, LX_CUE_GIVEN_NAME) && !after_abbrev(s, i)))) {
		who = lx_new_entity(s, "person", name, len, FC_ENT_PERSON, NULL,
				    role && !role->is_generic ? role->role
							      : NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "name.person");
		return end;
	}
	who = is_person ? lx_new_entity(s, "person", name, len, FC_ENT_PERSON,
					NULL, NULL)
			: lx_new_entity(s, "name", name, len, FC_ENT_OTHER,
					NULL, NULL);
	if (who)
		lx_push_ment(s, (uint32_t)i, (uint32_t)end, who, "name");
	return end;
}
