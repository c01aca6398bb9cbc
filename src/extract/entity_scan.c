/*
** entity_scan.c: pass A of the lexicon stage, entity mentions: the scan.
**
** Left to right over the tokens, at each word the first rule that
** applies wins:
**   1. a title phrase: [det] [modifier ['s]]* role [name]
**        "Iranian President Masoud Pezeshkian", "Kremlin spokesman
**        Dmitry Peskov", "the Russian leader" (no name: the most recent
**        person of that country and role, else the lexicon's)
**   2. a lexicon phrase: group cue, person, surname, country or demonym
**      (+ government noun, + capital noun), government metonym, capital
**      (the city after a place word such as "in", else the government),
**      city, organisation, place; a known place that opens a name
**      ending in a plural noun is one organisation ("Los Angeles Lakers")
**   3. an unknown capitalised run (a capitalised title modifier inside a
**      sentence may open it: "the New England Patriots"): a surname of a
**      person met before, a lone name before "said" at a sentence start
**      (the person of an untyped full name before, else a source), or
**      (two words or more, not in a headline) an entity typed by its
**      last word (org-word, place-word), by "the" + a plural noun (a
**      team or a body), by its context (a person), else name:<slug>
** (lx_type_names, coref_track.c, then types the untyped names by the
** document.)
**
** Rule 1 is entity_title.c; rule 2 at a listed surname is
** entity_surname.c; the run of an unknown name is entity_run.c; rule 3
** and the names rule 2 builds around a known place (a given name, a
** team) are typed in entity_name.c, and the
** words next to a name are read in entity_near.c; what the files share
** is in entity_p.h.
*/
#include <string.h>

#include "extract/entity_p.h"

const struct lx_sense *lx_tok_sense_at(const struct lx_scan *s, size_t i,
				       int kind)
{
	if (i >= s->t.n || !s->t.v[i].match ||
	    !(s->t.v[i].match->kinds >> kind & 1))
		return NULL;
	for (const struct lx_sense *se = s->t.v[i].match->senses; se;
	     se = se->next)
		if (se->kind == kind && lx_sense_ok(s, se, i))
			return se;
	return NULL;
}

const struct lx_sense *lx_tok_cue_at(const struct lx_scan *s, size_t i,
				     enum lx_cue_kind ck)
{
	if (i >= s->t.n || !s->t.v[i].match ||
	    !(s->t.v[i].match->cues >> ck & 1))
		return NULL;
	for (const struct lx_sense *se = s->t.v[i].match->senses; se;
	     se = se->next)
		if (se->kind == LX_S_CUE && se->cue_kind == ck &&
		    lx_sense_ok(s, se, i))
			return se;
	return NULL;
}

/* An entity sense that can modify a title (country, demonym, ...). */
const struct lx_sense *lx_modifier_sense(const struct lx_scan *s, size_t i)
{
	static const int kinds[] = {LX_S_DEMONYM, LX_S_COUNTRY, LX_S_GOV,
				    LX_S_ORG, LX_S_CAPITAL, LX_S_CITY};
	const unsigned any = 1u << LX_S_DEMONYM | 1u << LX_S_COUNTRY |
			     1u << LX_S_GOV | 1u << LX_S_ORG |
			     1u << LX_S_CAPITAL | 1u << LX_S_CITY;
	const struct lx_slot *m = i < s->t.n ? s->t.v[i].match : NULL;
	if (!m || !(m->kinds & any))
		return NULL;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		const struct lx_sense *se = lx_tok_sense(s, i, kinds[k]);
		if (se)
			return se;
	}
	return NULL;
}

/* Is the entity's label this text (one space between words)? */
bool lx_same_label(const struct fc_entity *e, const char *text, size_t len)
{
	const char *l = e->label;
	size_t i = 0;
	while (i < len && *l) {
		if (text[i] == ' ' || text[i] == '\n') {
			if (*l != ' ')
				return false;
			while (i < len && (text[i] == ' ' || text[i] == '\n'))
				i++;
			l++;
			continue;
		}
		if (text[i++] != *l++)
			return false;
	}
	return i == len && !*l;
}

/* Is the capital that ends before token j used as a place by what
** follows it ("Kyiv residents", "Tehran was hit", "Moscow's mayor")? */
static bool place_after(const struct lx_scan *s, size_t j)
{
	if (lx_joins(s, j) && (s->t.v[j].flags & LX_T_POSS))
		j++;
	return lx_joins(s, j) && lx_tok_cue(s, j, LX_CUE_PLACE_AFTER) != NULL;
}

static size_t place_name(struct lx_scan *s, size_t i, size_t k,
			 const struct fc_entity *place, bool is_country);
static const struct fc_entity *head_named(struct lx_scan *s, size_t i);

/* The words of a mission's name at j ("Embassy", "High Commission"),
** 0 when none. (Capitalised, a two-word cue keeps no match of its own:
** the phrase is looked up, as lx_place_context does.) */
static size_t mission_words(const struct lx_scan *s, size_t j)
{
	if (lx_word_cue(s, j, LX_CUE_MISSION))
		return 1;
	const struct lx_slot *sl = lx_word_slot(s, j);
	if (!sl || !sl->is_prefix || !lx_joins(s, j + 1) ||
	    !(sl->next >> LX_NEXT_BIT(s->t.v[j + 1].hash) & 1))
		return 0;
	size_t len;
	const char *key = lx_key(&s->t, j, 2, &len);
	sl = lx_gaz_find(s->l, key, len);
	for (const struct lx_sense *se = sl ? sl->senses : NULL; se;
	     se = se->next)
		if (se->kind == LX_S_CUE && se->cue_kind == LX_CUE_MISSION &&
		    se->ntok == 2)
			return 2;
	return 0;
}

/* A place's name of k words at i that a saint's title opens and a given
** name ends, before "'s" and no word in lower case (not "St.
** Petersburg's Hermitage"): the saint's building or body, a name
** of its own with the words after it ("St. Paul's Cathedral"), or none
** ("services at St. Paul's."). Returns its end, or i. */
static size_t saint_name(struct lx_scan *s, size_t i, size_t k)
{
	size_t j = i + k;
	if (!lx_word_cue(s, i, LX_CUE_SAINT) ||
	    !lx_word_cue(s, j - 1, LX_CUE_GIVEN_NAME) || !lx_is_poss(s, j) ||
	    (lx_joins(s, j + 1) && (s->t.v[j + 1].flags & LX_T_WORD) &&
	     !(s->t.v[j + 1].flags & LX_T_CAP)))
		return i;
	int ncap;
	size_t end = lx_joins(s, j + 1) ? lx_name_run(s, j + 1, LX_MAX_NAME,
						      &ncap)
					: j + 1;
	if (end == j + 1)
		return end;
	size_t len;
	const char *name = lx_tok_text_label(s, i, end, &len);
	bool is_org = lx_word_cue(s, end - 1, LX_CUE_ORG_WORD);
	lx_push_ment(s, (uint32_t)i, (uint32_t)end,
		     lx_new_entity(s, is_org ? "org" : "name", name, len,
				   is_org ? FC_ENT_ORG : FC_ENT_OTHER, NULL,
				   NULL),
		     is_org ? "name.org" : "name");
	return end;
}

/* (lx_place_of, entity_p.h) */
size_t lx_place_of(struct lx_scan *s, size_t i, size_t k)
{
	size_t j = i + k + 1;
	if (k != 1 || !lx_word_cue(s, i, LX_CUE_PLACE_WORD) ||
	    !lx_joins(s, i + k) || !lx_is_of(s, i + k) ||
	    !lx_joins(s, j) || !(s->t.v[j].flags & LX_T_CAP) ||
	    (s->t.v[j].flags & LX_T_HEADLINE))
		return i;
	int ncap;
	size_t end = lx_is_name_word(s, j) ? lx_name_run(s, j, LX_MAX_NAME, &ncap)
		     : s->t.v[j].match		? j + s->t.v[j].match_ntok
						: j;
	return end == j ? i : lx_push_new_name(s, i, end);
}

/* Does the capital at i end a name with "of" ("Lloyd's of London",
** "the Museum of London", "the Mayor of London")? It is the place the
** name is of, never its government speaking; not after a word the
** lexicon knows ("informed Putin of Tehran's efforts"). */
static bool of_a_name(const struct lx_scan *s, size_t i)
{
	if (i < 2 || !lx_joins(s, i) || !lx_joins(s, i - 1) ||
	    !lx_is_of(s, i - 1))
		return false;
	const struct lx_tok *b = &s->t.v[i - 2];
	return (b->flags & LX_T_POSS) || ((b->flags & LX_T_CAP) && !b->match);
}

/* Rule 2: a lexicon phrase at i. Returns its end, or i. */
static size_t take_phrase(struct lx_scan *s, size_t i)
{
	const struct fc_lexicon *l = s->l;
	const struct lx_sense *se;
	size_t k = s->t.v[i].match_ntok;
	if ((se = lx_tok_cue(s, i, LX_CUE_GROUP))) {
		const struct fc_entity *g = lx_group(s, (uint32_t)i);
		if (g)
			lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k), g,
				     "coref.group");
		return i + k;
	}
	if ((se = lx_tok_sense(s, i, LX_S_PERSON))) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k),
			     lx_intern(s, se->ref), "lexicon.person");
		return i + k;
	}
	if (lx_tok_sense(s, i, LX_S_SURNAME))
		return lx_take_surname(s, i, k);
	size_t given = lx_place_given(s, i, k);
	if (given > i)
		return given;
	/* ("Jordan said" after "Michael Jordan": the player's) */
	const struct fc_entity *who;
	if (k == 1 && (who = lx_place_surname_person(s, i))) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + 1), who,
			     "coref.surname");
		return i + 1;
	}
	const struct lx_sense *cs = lx_tok_sense(s, i, LX_S_DEMONYM);
	bool is_demonym = cs != NULL;
	if (!cs)
		cs = lx_tok_sense(s, i, LX_S_COUNTRY);
	const struct lx_sense *ps;
	/* (not "Georgia Power", "Georgia Tech": a name goes on) */
	if (cs && !is_demonym &&
	    !(i + k < s->t.n && lx_joins(s, i + k) &&
	      lx_is_name_word(s, i + k)) &&
	    (ps = lx_namesake_place(s, i, k))) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k),
			     lx_intern(s, ps->ref), "lexicon.place");
		return i + k;
	}
	if (cs) {
		const struct lx_ent *ce = &l->ents[cs->ref];
		size_t j = i + k;
		if (lx_is_poss(s, j) && !is_demonym)
			j++;
		const struct lx_sense *ns;
		if (lx_joins(s, j) &&
		    (ns = lx_tok_cue(s, j, LX_CUE_GOV_NOUN)) &&
		    ce->gov != FC_NONE) {
			lx_push_ment(s, (uint32_t)i, (uint32_t)(j + ns->ntok),
				     lx_intern(s, ce->gov),
				     "lexicon.government");
			return j + ns->ntok;
		}
		if (lx_joins(s, j) &&
		    (ns = lx_tok_cue(s, j, LX_CUE_CAPITAL_NOUN)) &&
		    ce->capital != FC_NONE) {
			lx_push_ment(s, (uint32_t)i, (uint32_t)(j + ns->ntok),
				     lx_intern(s, ce->capital),
				     "lexicon.capital");
			return j + ns->ntok;
		}
		/* "the U.S. Embassy", "the British Embassy", "the British
		** High Commission": the country's mission, a mention of the
		** country (not "Embassy Suites") */
		size_t nm = lx_joins(s, j) ? mission_words(s, j) : 0;
		if (nm && !(lx_joins(s, j + nm) && lx_is_name_word(s, j + nm))) {
			lx_push_ment(s, (uint32_t)i, (uint32_t)(j + nm),
				     lx_intern(s, cs->ref), "lexicon.mission");
			return j + nm;
		}
		size_t named;
		if ((named = place_name(s, i, k, &ce->e, true)) > i ||
		    (is_demonym &&
		     (named = lx_demonym_name(s, i, k, ce->e.country)) > i))
			return named;
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k),
			     lx_intern(s, cs->ref),
			     is_demonym ? "lexicon.demonym" : "lexicon.country");
		return i + k;
	}
	if ((se = lx_tok_sense(s, i, LX_S_GOV))) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k),
			     lx_intern(s, se->ref), "lexicon.government");
		return i + k;
	}
	size_t city;
	if ((se = lx_tok_sense(s, i, LX_S_CAPITAL))) {
		/* ("Paris, Texas": a city of the state's country) */
		if ((city = lx_city_of_state(s, i, k, &l->ents[se->ref].e)) > i)
			return city;
		/* ("Seattle, Washington": the state) */
		if ((ps = lx_namesake_state(s, i, k))) {
			lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k),
				     lx_intern(s, ps->ref), "lexicon.place");
			return i + k;
		}
		size_t team = lx_place_plural(s, i, k);
		if (team > i)
			return team;
		const struct lx_ent *ce = &l->ents[se->ref];
		size_t named = place_name(s, i, k, &ce->e, false);
		if (named > i)
			return named;
		bool is_place = ce->actor == FC_NONE || lx_place_context(s, i) ||
				place_after(s, i + k) || of_a_name(s, i);
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k),
			     lx_intern(s, is_place ? se->ref : ce->actor),
			     is_place ? "lexicon.city" : "lexicon.actor");
		return i + k;
	}
	static const struct {
		int kind;
		const char *rule;
	} plain[] = {
		{LX_S_CITY, "lexicon.city"},
		{LX_S_ORG, "lexicon.org"},
		{LX_S_PLACE, "lexicon.place"},
	};
	for (size_t p = 0; p < sizeof(plain) / sizeof(*plain); p++)
		if ((se = lx_tok_sense(s, i, plain[p].kind))) {
			int ncap;
			size_t end;
			if (plain[p].kind != LX_S_ORG &&
			    (end = lx_city_of_state(s, i, k,
						    &l->ents[se->ref].e)) > i)
				return end;
			if (plain[p].kind == LX_S_CITY &&
			    (end = saint_name(s, i, k)) > i)
				return end;
			if (plain[p].kind == LX_S_PLACE &&
			    (end = lx_place_of(s, i, k)) > i)
				return end;
			if (plain[p].kind != LX_S_ORG &&
			    (end = lx_place_plural(s, i, k)) > i)
				return end;
			if (plain[p].kind == LX_S_CITY &&
			    (end = place_name(s, i, k, &l->ents[se->ref].e,
					      false)) > i)
				return end;
			/* (a government noun known as an organisation
			** alone begins a longer name too: "Treasury Board",
			** "Treasury Bills") */
			/* (and so does a firm's one word, not an acronym,
			** before a product's or a unit's: "Toyota Camry",
			** "Samsung Galaxy S4"; not in a headline's capitals:
			** "Microsoft Releases Critical Patch") */
			bool is_gov_word = plain[p].kind == LX_S_ORG && k == 1 &&
					   lx_word_cue(s, i, LX_CUE_GOV_NOUN);
			bool is_firm = plain[p].kind == LX_S_ORG && k == 1 &&
				       !is_gov_word &&
				       !(s->t.v[i].flags &
					 (LX_T_UPPER | LX_T_HEADLINE));
			if ((plain[p].kind == LX_S_PLACE || is_gov_word ||
			     is_firm) &&
			    lx_joins(s, i + k) &&
			    lx_is_name_word(s, i + k) &&
			    !lx_is_particle(s, i + k) &&
			    (end = lx_name_run(s, i + k, LX_MAX_NAME, &ncap)) >
				    i + k &&
			    /* (the firm itself: "Bloomberg News"; another
			    ** firm before a business line, "Guardian Savings
			    ** and Loan Association" is no newspaper's) */
			    !(is_firm && !lx_is_firm_line(s, i + k) &&
			      lx_word_cue(s, end - 1, LX_CUE_ORG_WORD))) {
				/* a place that begins a longer name: "Kansas
				** City", "Ohio State", "Utah Supreme Court",
				** "Los Angeles County Sheriff's Department" */
				size_t body = lx_role_body_end(s, end, true);
				bool is_org = body > end ||
					      lx_word_cue(s, end - 1, LX_CUE_ORG_WORD);
				end = body > end ? body : end;
				/* ("Pacific Gas and Electric Co": one firm) */
				if (is_org)
					end = lx_firm_and(s, i, end, false);
				size_t len;
				const char *name = lx_tok_text_label(s, i, end, &len);
				lx_push_ment(s, (uint32_t)i, (uint32_t)end,
					     lx_new_entity(s, is_org ? "org" : "name",
							   name, len,
							   is_org ? FC_ENT_ORG
								  : FC_ENT_OTHER,
							   NULL, NULL),
					     is_org ? "name.org" : "name");
				return end;
			}
			/* (a one-word firm's name that opens its sentence,
			** where the document writes the word in lower case,
			** is the word: "Apple prices rose" beside "apple
			** growers") */
			if (plain[p].kind == LX_S_ORG && k == 1 &&
			    (s->t.v[i].flags & LX_T_SSTART) &&
			    !(s->t.v[i].flags & (LX_T_UPPER | LX_T_HEADLINE)) &&
			    lx_lower_elsewhere(s, i))
				return i + k;
			/* (the body's name as a modifier: "Treasury
			** bonds", "Treasury bill rates") */
			if (plain[p].kind == LX_S_ORG && lx_joins(s, i + k) &&
			    !(s->t.v[i + k].flags & LX_T_CAP) &&
			    lx_word_cue(s, i + k, LX_CUE_MODIFIED))
				return i + k;
			/* ("Treasury officials said" after "the U.S.
			** Treasury": that country's, as "the Treasury" is) */
			const struct fc_entity *head;
			if (plain[p].kind == LX_S_ORG && k == 1 &&
			    lx_word_cue(s, i, LX_CUE_GOV_NOUN) &&
			    (head = head_named(s, i))) {
				lx_push_ment(s, (uint32_t)i, (uint32_t)(i + 1),
					     head, "coref.head");
				return i + 1;
			}
			/* ("Merrill Lynch and Co": the firm's; "AT&T Inc",
			** "Procter & Gamble Co": its legal form too; a
			** subsidiary, "Chrysler Financial Corp", is a firm of
			** its own) */
			end = plain[p].kind == LX_S_ORG
				      ? lx_firm_and(s, i, i + k, true)
				      : i + k;
			size_t unit = plain[p].kind == LX_S_ORG
					      ? lx_firm_unit(s, end)
					      : end;
			if (unit > end)
				return lx_push_new_org(s, i, unit, "name.org");
			end = plain[p].kind == LX_S_ORG ? lx_firm_form(s, end)
							: end;
			lx_push_ment(s, (uint32_t)i, (uint32_t)end,
				     lx_intern(s, se->ref), plain[p].rule);
			return end;
		}
	return i;
}

/* Is token k a small word that goes on with a body's name ("the
** Society for Conservation Biology", "the Committee to Re-Elect", "the
** Bank of England", "the Securities and Exchange Commission")? "of"
** always; the others before a capitalised word that is no stop word
** only ("the Bank on Monday said", "expect the Bank to cut", "the Bank
** and the Treasury" go on with no name). */
static bool is_name_link(const struct lx_scan *s, size_t k)
{
	static const char *const words[] = {"of", "for", "to", "on", "and",
					    "&"};
	if (lx_is_of(s, k))
		return true;
	size_t len;
	const char *w = lx_key(&s->t, k, 1, &len);
	for (size_t j = 1; j < sizeof(words) / sizeof(*words); j++) {
		if (len != strlen(words[j]) || memcmp(w, words[j], len))
			continue;
		const struct lx_tok *n = k + 1 < s->t.n ? &s->t.v[k + 1] : NULL;
		return n && lx_joins(s, k + 1) && (n->flags & LX_T_CAP) &&
		       !(n->word && s->l->slots[n->word - 1].is_stop);
	}
	return false;
}

/*
** A country's, a capital's or a city's name (k tokens at i) that begins
** a longer name: the longer name, an organisation when it ends with an
** org-word, or with one before "of" ("Kenya Airways", "Paris Club",
** "Jamaica Hospital", "Chicago Board of Trade"; "London Interbank
** Offered Rate" a name). After a country or a demonym, an organisation
** only, with no acronym at its head ("U.S. TV shows") and no small word
** going on with the name ("U.S. Department of Transportation", "U.S.
** Securities and Exchange Commission"); a country written short
** ("U.S.", "UK") before one org-word only: "U.S. Agriculture
** Department" stays the country and the department (the short name is
** the one later sentences and other sources use), as "China
** Construction Bank", "Cyprus Minerals Co" do not; a demonym before two
** words or more ("American Motors Corp", "Syrian Arab News Agency";
** "the British Embassy" stays Britain's, for the closures). A name of
** the country's own such as "Israel Hayom" is the lexicon's
** (orgs.yaml). After an abbreviation ("U.S.", "U.K.") the next word is
** capitalised by some wires whatever it is ("U.S. Bank officials",
** "U.S. Markets"): not a word the document writes in lower case. Not
** inside a name begun before ("Bank of Japan Ltd", "Chemical New York
** Corp": lx_take_unknown's). Returns the name's end, or i.
*/
static size_t place_name(struct lx_scan *s, size_t i, size_t k,
			 const struct fc_entity *place, bool is_country)
{
	size_t j = i + k;
	int ncap;
	if ((s->t.v[i].flags & LX_T_HEADLINE) || !lx_joins(s, j) ||
	    !lx_is_name_word(s, j) || lx_is_particle(s, j))
		return i;
	/* (a wire's line break may fall inside the name: "Kleinwort
	** Benson\nAustralia Ltd"; a function word opening the sentence is
	** no name's: "The Paris Club said", "A Kenya Airways flight"; after
	** "of", a name begun before only after a capitalised word, "Bank of
	** Japan Ltd", not "bases of Tehran University") */
	if (i > 0 && !(s->t.v[i].flags & LX_T_PARA) &&
	    (((s->t.v[i - 1].flags & LX_T_CAP) &&
	      !lx_tok_cue(s, i - 1, LX_CUE_STOP)) ||
	     (lx_is_of(s, i - 1) && i >= 2 &&
	      (s->t.v[i - 2].flags & LX_T_CAP))))
		return i;
	size_t end = lx_name_run(s, j, LX_MAX_NAME, &ncap);
	if (end <= j)
		return i;
	size_t of = j;
	while (of + 1 < end && !lx_is_of(s, of))
		of++;
	/* ("Houston Lighting and Power Co": a firm's name through "and";
	** "Los Angeles County Sheriff's Department": a role's body) */
	size_t firm = lx_firm_and(s, i, end, false);
	if (firm <= end)
		firm = lx_role_body_end(s, end, true);
	bool is_org = firm > end || lx_word_cue(s, end - 1, LX_CUE_ORG_WORD) ||
		      (of + 1 < end && of > j &&
		       lx_word_cue(s, of - 1, LX_CUE_ORG_WORD));
	/* (a name that is no organisation's and ends in a person's is the
	** place and the person, the title before the person, known or not,
	** beginning the person: "Los Angeles County Supervisor Mark
	** Ridley-Thomas" has a given name before another name word, "Los
	** Angeles County Sheriff Lee Baca said" three words or more, a
	** title's and a name's, before a verb of saying; "Chicago Pacific
	** said", "the Rio de Janeiro Port said" stay one name) */
	if (!is_org && end - j >= 3 && lx_joins(s, end) &&
	    lx_tok_cue(s, end, LX_CUE_PERSON_VERB))
		return i;
	for (size_t p = j; !is_org && p + 1 < end; p++)
		if (lx_word_cue(s, p, LX_CUE_GIVEN_NAME) &&
		    lx_is_name_word(s, p + 1))
			return i;
	/* (a country written short, "U.S.", "UK", or as a demonym) */
	const struct lx_tok *c0 = &s->t.v[i];
	bool is_short = c0->end - c0->start == 1 || (c0->flags & LX_T_UPPER);
	bool is_demonym = lx_tok_sense(s, i, LX_S_DEMONYM) != NULL;
	/* (a demonym and a place's word name a place of their own, no
	** country's: "the Indian Ocean", "the Irish Sea") */
	bool is_place = is_country && is_demonym && !is_org && end == j + 1 &&
			lx_word_cue(s, j, LX_CUE_PLACE_WORD);
	/* (nor does a country's name and a geographic head word: "Jersey
	** City", "Jordan River", of no country; grammar.yaml
	** name.place-head) */
	is_place = is_place ||
		   (is_country && !is_demonym && !is_org && end == j + 1 &&
		    lx_has_cue(s, j, LX_CUE_PLACE_WORD, LX_PLACE_HEAD_CUE));
	if (is_country && !is_place &&
	    (!is_org || lx_is_acronym(s, j) ||
	     (end != j + 1 && is_short) || (end == j + 1 && is_demonym) ||
	     (end < s->t.n && lx_joins(s, end) && is_name_link(s, end)) ||
	     (s->text[s->t.v[j - 1].end - 1] == '.' &&
	      lx_lower_elsewhere(s, j))))
		return i;
	const char *country = is_place ? NULL : place->country;
	if (!country && !is_place && !strncmp(place->id, "country:", 8))
		country = place->id + 8;
	end = firm > end ? firm : end;
	size_t len;
	const char *name = lx_tok_text_label(s, i, end, &len);
	const struct fc_entity *e =
		lx_new_entity(s, is_org ? "org" : "name", name, len,
			      is_org ? FC_ENT_ORG : FC_ENT_OTHER, country, NULL);
	if (e)
		lx_push_ment(s, (uint32_t)i, (uint32_t)end, e,
			     is_org ? "name.org" : "name");
	return end;
}

/* (head_coref, head_named) */
#define HEAD_SENTS 30

/* The organisation or government named before token i with i's word as
** its head (the last word, or the one before "of"): the last such
** mention of two words or more in the look-back, within HEAD_SENTS
** sentences; NULL when none. */
static const struct fc_entity *head_named(struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	size_t len;
	const char *k = lx_key(&s->t, i, 1, &len);
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct lx_ment *mt = &s->ments[m];
		if (mt->sent + HEAD_SENTS < t->sent)
			break;
		if (mt->t0 >= i || mt->t1 - mt->t0 < 2 ||
		    (mt->ent->type != FC_ENT_ORG &&
		     mt->ent->type != FC_ENT_GOVERNMENT))
			continue;
		for (size_t h = mt->t0; h < mt->t1; h++) {
			if (s->t.v[h].hash != t->hash ||
			    (h + 1 < mt->t1 && !lx_is_of(s, h + 1)))
				continue;
			size_t hl;
			const char *hk = lx_key(&s->t, h, 1, &hl);
			if (hl == len && !memcmp(hk, k, len))
				return mt->ent;
		}
	}
	return NULL;
}

/*
** "the Bank", "the Treasury": a capitalised org-word or government-noun
** alone after a determiner names the organisation or government named
** before with that head word ("the Bank of England ... the Bank said",
** "the U.S. Treasury ... the Treasury"): the last such mention in the
** look-back, within HEAD_SENTS sentences (a text of many articles: not
** another article's; a line break between them is no bar, as wires
** break lines anywhere: "The\nTreasury accepted"). Also "Treasury
** officials said" with no determiner (take_phrase). Returns i + 1, or i
** when none.
*/
static size_t head_coref(struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if (i == 0 || !(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_HEADLINE | LX_T_UPPER | LX_T_PARA | LX_T_POSS)) ||
	    !lx_tok_cue(s, i - 1, LX_CUE_DET) ||
	    (!lx_word_cue(s, i, LX_CUE_ORG_WORD) &&
	     !lx_word_cue(s, i, LX_CUE_GOV_NOUN)) ||
	    (i + 1 < s->t.n && !(s->t.v[i + 1].flags & LX_T_PARA) &&
	     ((s->t.v[i + 1].flags & LX_T_CAP) || is_name_link(s, i + 1))))
		return i;
	const struct fc_entity *e = head_named(s, i);
	if (!e)
		return i;
	lx_push_ment(s, (uint32_t)i, (uint32_t)i + 1, e, "coref.head");
	return i + 1;
}

/* A capitalised title modifier, one word and nothing else ("New" in
** "the New England Patriots"); not "Deputy", which opens no name but a
** rank ("Deputy Jerry Ortiz" is Jerry Ortiz), but before a name that
** an org-word ends ("Vice Media": lx_deputy_opens_body). */
static bool is_name_modifier(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	return !(t->flags & (LX_T_HEADLINE | LX_T_UPPER)) &&
	       t->match_ntok == 1 && t->match->kinds == 1u << LX_S_CUE &&
	       !t->match->is_stop &&
	       t->match->cues == 1u << LX_CUE_TITLE_MOD &&
	       (!lx_has_cue(s, i, LX_CUE_TITLE_MOD, LX_DEPUTY_MOD_CUE) ||
		lx_deputy_opens_body(s, i));
}

/* (lx_deputy_opens_body, entity_p.h) */
bool lx_deputy_opens_body(const struct lx_scan *s, size_t i)
{
	int ncap;
	size_t end = i + 2;
	return lx_has_cue(s, i, LX_CUE_TITLE_MOD, LX_DEPUTY_MOD_CUE) &&
	       lx_joins(s, i + 1) && lx_is_name_word(s, i + 1) &&
	       lx_name_run(s, i + 1, LX_MAX_NAME, &ncap) == end &&
	       lx_word_cue(s, i + 1, LX_CUE_ORG_WORD) &&
	       /* (a wire's line break may fall before the role: "Deputy
	       ** Energy\nMinister") */
	       !(end < s->t.n && ((s->t.v[end].flags & LX_T_CAP) ||
				  lx_tok_sense(s, end, LX_S_ROLE)));
}

/* What a title or a lexicon phrase can start with: an entity or role
** sense, or one of these cues. */
void lx_scan_entities(struct lx_scan *s)
{
	/* (the tokens stay put during the passes) */
	const struct lx_tok *tv = s->t.v;
	/* the tokens that can start a mention (s->ents), from i on */
	size_t q = 0;
	for (size_t i = s->t0;
	     !s->err && (i = lx_visit_from(&s->ents, &q, i)) != SIZE_MAX;) {
		const struct lx_tok *t = &tv[i];
		/* (a firm's name opened by an ordinal: at a capitalised
		** word) */
		size_t next = t->flags & LX_T_CAP ? lx_ordinal_firm(s, i) : i;
		/* (a title starts with a word the lexicon knows) */
		if (next == i)
			next = head_coref(s, i);
		if (next == i && t->match && (t->flags & LX_T_CAP))
			next = lx_role_body(s, i);
		if (next == i && (t->flags & LX_T_CAP))
			next = lx_take_club(s, i);
		if (next == i && t->match)
			next = lx_take_title(s, i);
		if (next == i && t->match)
			next = take_phrase(s, i);
		if (next == i && (t->flags & LX_T_CAP) &&
		    (!t->match || is_name_modifier(s, i) ||
		     lx_is_particle(s, i)))
			next = lx_take_unknown(s, i);
		i = next > i ? next : i + 1;
	}
}
