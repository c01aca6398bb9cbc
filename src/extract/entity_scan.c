/*
** entity_scan.c: pass A of the lexicon stage, entity mentions.
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
*/
#include <string.h>

#include "extract/lexicon_p.h"

#define MAX_NAME 5 /* tokens in an unknown name */

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

static inline bool is_poss(const struct lx_scan *s, size_t i)
{
	return i < s->t.n && (s->t.v[i].flags & LX_T_POSS);
}

/* Token i continues a phrase started before it (same line, usable). */
static inline bool joins(const struct lx_scan *s, size_t i)
{
	return i < s->t.n &&
	       !(s->t.v[i].flags & (LX_T_NL | LX_T_BLOCKED));
}

/* An entity sense that can modify a title (country, demonym, ...). */
static const struct lx_sense *modifier_sense(const struct lx_scan *s,
					     size_t i)
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

/* Resolve a surname sense: a candidate met in this document, else the
** first one the lexicon lists. */
static const struct fc_entity *surname_entity(struct lx_scan *s, size_t i)
{
	const struct lx_sense *first = NULL;
	for (const struct lx_sense *se = s->t.v[i].match->senses; se;
	     se = se->next) {
		if (se->kind != LX_S_SURNAME || !lx_sense_ok(s, se, i))
			continue;
		if (!first)
			first = se;
		const struct fc_entity *known =
			lx_find_person(s, s->l->ents[se->ref].e.id);
		if (known)
			return known;
	}
	return first ? lx_intern(s, first->ref) : NULL;
}

static inline bool is_particle(const struct lx_scan *s, size_t i)
{
	return lx_tok_cue(s, i, LX_CUE_PARTICLE) != NULL;
}

/* A capitalised word that no phrase claims (a name part). */
static inline bool is_name_word(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if (!(t->flags & LX_T_WORD) || !(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_DIGIT | LX_T_BLOCKED | LX_T_POSS)))
		return false;
	return !t->match || is_particle(s, i);
}

/* An acronym ("IBM", "GMT"): no part of a person's name. */
static bool is_acronym(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	return (t->flags & LX_T_UPPER) && t->end - t->start >= 2;
}

/* An initial: one capital letter and a dot ("W." in "George W. Bush"). */
static bool is_initial(const struct lx_scan *s, size_t i)
{
	return i + 2 < s->t.n && s->t.v[i].end - s->t.v[i].start == 1 &&
	       (s->t.v[i].flags & LX_T_CAP) &&
	       s->text[s->t.v[i + 1].start] == '.' &&
	       s->t.v[i + 1].start == s->t.v[i].end &&
	       !(s->t.v[i + 2].flags & LX_T_NL) &&
	       (s->t.v[i + 2].flags & LX_T_CAP);
}

/*
** An unknown capitalised run from i: name words, with particles ("al",
** "bin", "of") only between them. Returns its end (i when none) and in
** *ncap the number of capitalised words.
*/
static size_t name_run(const struct lx_scan *s, size_t i, size_t max,
		       int *ncap)
{
	size_t k = i, end = i;
	*ncap = 0;
	while (k < s->t.n && k - i < max) {
		if (k > i && !joins(s, k))
			break;
		if (is_name_word(s, k) && !is_particle(s, k)) {
			(*ncap)++;
			k += k > i && is_initial(s, k) ? 2 : 1;
			end = k;
			continue;
		}
		if (k > i && is_particle(s, k)) {
			k += s->t.v[k].match_ntok ? s->t.v[k].match_ntok : 1;
			continue;
		}
		break;
	}
	return end;
}

static const char *tok_text_label(struct lx_scan *s, size_t t0, size_t t1,
				  size_t *len)
{
	*len = s->t.v[t1 - 1].end - s->t.v[t0].start;
	return s->text + s->t.v[t0].start;
}

/* Is the entity's label this text (one space between words)? */
static bool same_label(const struct fc_entity *e, const char *text,
		       size_t len)
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

/* A sentence-initial word that is more likely an adjective or an adverb
** than a name ("Top-ranked", "Previously"). */
static bool is_initial_nonname(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if (!(t->flags & LX_T_SSTART))
		return false;
	size_t len;
	const char *k = lx_key(&s->t, i, 1, &len);
	if (memchr(k, '-', len))
		return true;
	return len > 5 && !memcmp(k + len - 2, "ly", 2);
}

/* A word ending in "ing" (five letters or more): "Having told ...",
** "Being asked ..." open a clause, not a name. */
static bool is_gerund(const struct lx_scan *s, size_t i)
{
	size_t len;
	const char *k = lx_key(&s->t, i, 1, &len);
	return len >= 5 && !memcmp(k + len - 3, "ing", 3);
}

/* Does token i's own word carry a one-word cue of kind ck? (A
** capitalised name word keeps its word slot though its match is gone:
** LX_LOWER_CUES.) */
static inline bool word_cue(const struct lx_scan *s, size_t i, enum lx_cue_kind ck)
{
	const struct lx_slot *sl = i < s->t.n ? lx_word_slot(s, i) : NULL;
	if (!sl || !(sl->cues >> ck & 1))
		return false;
	for (const struct lx_sense *se = sl->senses; se; se = se->next)
		if (se->kind == LX_S_CUE && se->cue_kind == ck && se->ntok == 1)
			return true;
	return false;
}

/* The name after a title at j: returns its end (j when none). */
static size_t title_name(struct lx_scan *s, size_t j,
			 const struct fc_entity **out, const char *country,
			 const char *role)
{
	*out = NULL;
	if (!joins(s, j))
		return j;
	const struct lx_sense *se = lx_tok_sense(s, j, LX_S_PERSON);
	if (se) {
		*out = lx_intern(s, se->ref);
		return j + se->ntok;
	}
	if (lx_tok_sense(s, j, LX_S_SURNAME)) {
		*out = surname_entity(s, j);
		return j + s->t.v[j].match_ntok;
	}
	int ncap;
	size_t end = name_run(s, j, MAX_NAME, &ncap);
	for (size_t k = j; k < end; k++)
		if (is_acronym(s, k))
			end = k; /* "Mr Smith IBM" -> "Smith" */
	if (end == j || is_acronym(s, end - 1))
		return j;
	/* Another title right after, capitalised: the words between
	** belong to one title ("Deputy City Attorney Terry White"), not a
	** name (in lower case it opens a phrase of its own: "Gov. Jerry
	** Brown spokesman Evan Westrup"); nor is a name of an organisation
	** ("lead manager Wood Gundy Ltd"). */
	if ((joins(s, end) && (s->t.v[end].flags & LX_T_CAP) &&
	     lx_tok_sense(s, end, LX_S_ROLE)) ||
	    word_cue(s, end - 1, LX_CUE_ORG_WORD))
		return j;
	/* Unknown first names before a known surname: "Dmitri Peskov". */
	if (joins(s, end) && lx_tok_sense(s, end, LX_S_SURNAME)) {
		*out = surname_entity(s, end);
		return end + s->t.v[end].match_ntok;
	}
	size_t len;
	const char *name = tok_text_label(s, j, end, &len);
	if ((*out = lx_find_surname(s, end - 1)) &&
	    (ncap == 1 || same_label(*out, name, len)))
		return end;
	*out = lx_new_entity(s, "person", name, len, FC_ENT_PERSON, country,
			     role);
	return *out ? end : j;
}

/* Rule 1: a title phrase at i. Returns its end, or i. */
static size_t take_title(struct lx_scan *s, size_t i)
{
	const struct fc_lexicon *l = s->l;
	size_t j = i;
	bool has_det = false;
	const struct lx_sense *se = lx_tok_cue(s, j, LX_CUE_DET);
	if (se) {
		j += se->ntok;
		has_det = true;
	}
	/* (a title goes on with a phrase the lexicon knows) */
	if (j >= s->t.n || !s->t.v[j].match)
		return i;
	size_t t0 = j;
	const char *country = NULL;
	for (int m = 0; m < 3 && (j == i || joins(s, j)); m++) {
		if ((se = modifier_sense(s, j))) {
			const struct lx_ent *e = &l->ents[se->ref];
			if (e->e.country)
				country = e->e.country;
			j += se->ntok;
			if (is_poss(s, j))
				j++;
			continue;
		}
		if ((se = lx_tok_cue(s, j, LX_CUE_TITLE_MOD))) {
			j += se->ntok;
			continue;
		}
		break;
	}
	if (j > t0 && !joins(s, j))
		return i;
	const struct lx_sense *rs = lx_tok_sense(s, j, LX_S_ROLE);
	if (!rs)
		return i;
	const struct lx_role *role = &l->roles[rs->ref];
	size_t role_end = j + rs->ntok;
	const struct fc_entity *who;
	size_t end = title_name(s, role_end, &who, country,
				role->is_generic ? NULL : role->role);
	if (s->err)
		return i;
	if (end > role_end && who) {
		lx_push_ment(s, (uint32_t)t0, (uint32_t)end, who,
			     "lexicon.title");
		return end;
	}
	(void)has_det;
	if (role->is_honorific || !country || t0 == j)
		return i;
	who = lx_recent_person(s, country, role, (uint32_t)i);
	if (!who)
		who = lx_lexicon_person(s, country, role);
	if (!who)
		return i;
	lx_push_ment(s, (uint32_t)t0, (uint32_t)role_end, who, "coref.role");
	return role_end;
}

/* Is the capital at i used as a place ("in Tehran")? */
static bool place_context(const struct lx_scan *s, size_t i)
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
		for (const struct lx_sense *se = sl ? sl->senses : NULL; se;
		     se = se->next)
			if (se->kind == LX_S_CUE &&
			    se->cue_kind == LX_CUE_PLACE_CONTEXT)
				return true;
	}
	/* "in central Tehran": one lower-case word in between */
	if (i >= 2 && (s->t.v[i - 1].flags & LX_T_WORD) &&
	    !(s->t.v[i - 1].flags & (LX_T_CAP | LX_T_NL)) &&
	    !s->t.v[i - 1].match) {
		const struct lx_slot *sl = lx_word_slot(s, i - 2);
		for (const struct lx_sense *se = sl ? sl->senses : NULL; se;
		     se = se->next)
			if (se->kind == LX_S_CUE &&
			    se->cue_kind == LX_CUE_PLACE_CONTEXT)
				return true;
	}
	return false;
}

/* Is the capital that ends before token j used as a place by what
** follows it ("Kyiv residents", "Tehran was hit", "Moscow's mayor")? */
static bool place_after(const struct lx_scan *s, size_t j)
{
	if (joins(s, j) && (s->t.v[j].flags & LX_T_POSS))
		j++;
	return joins(s, j) && lx_tok_cue(s, j, LX_CUE_PLACE_AFTER) != NULL;
}

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
	return !word_cue(s, k, LX_CUE_PLACE_WORD) &&
	       !word_cue(s, k, LX_CUE_GIVEN_NAME) && !lx_find_surname(s, k);
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
static size_t place_plural(struct lx_scan *s, size_t i, size_t k)
{
	int ncap;
	size_t end;
	if (!joins(s, i + k) || !is_name_word(s, i + k) ||
	    is_particle(s, i + k) || word_cue(s, i, LX_CUE_GIVEN_NAME) ||
	    (end = name_run(s, i + k, MAX_NAME, &ncap)) == i + k ||
	    !is_plural_name_word(s, end - 1) || is_place_plural(s, i, end) ||
	    (s->t.v[i].flags & LX_T_HEADLINE))
		return i;
	size_t len;
	const char *name = tok_text_label(s, i, end, &len);
	lx_push_ment(s, (uint32_t)i, (uint32_t)end,
		     lx_new_entity(s, "org", name, len, FC_ENT_ORG, NULL, NULL),
		     "name.org-plural");
	return end;
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

/*
** A place's name that is also a given name (place-given-name: "Sydney",
** "Paris", "Austin"), k tokens at i, before one unknown name word and a
** person's context: a person's name ("Sydney Reyes said", "said Paris
** Hilton", "Austin Rivers, 24,"). Not after a determiner ("the Dallas
** Cowboys said"), nor before an org-word, a place-word or a source noun
** ("Houston Chronicle", "Orlando Police"), nor before a word the document
** used in an organisation's name. Returns the name's end, or i.
*/
static size_t place_given_name(struct lx_scan *s, size_t i, size_t k);

/* (the tests that turn away most tokens, inline at the two callers) */
static inline size_t place_given(struct lx_scan *s, size_t i, size_t k)
{
	const struct lx_tok *t = &s->t.v[i];
	if (k != 1 || !(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_HEADLINE | LX_T_UPPER)) ||
	    !word_cue(s, i, LX_CUE_PLACE_GIVEN))
		return i;
	return place_given_name(s, i, k);
}

static size_t place_given_name(struct lx_scan *s, size_t i, size_t k)
{
	size_t j = i + k;
	int ncap;
	if ((i > 0 && joins(s, i) && lx_tok_cue(s, i - 1, LX_CUE_DET)) ||
	    !joins(s, j) || !is_name_word(s, j) || is_particle(s, j) ||
	    is_acronym(s, j) || name_run(s, j, MAX_NAME, &ncap) != j + 1 ||
	    word_cue(s, j, LX_CUE_ORG_WORD) ||
	    word_cue(s, j, LX_CUE_PLACE_WORD) ||
	    word_cue(s, j, LX_CUE_SOURCE_NOUN) ||
	    s->t.v[j].end - s->t.v[j].start < 2)
		return i;
	const struct lx_nslot *w = lx_word_names(s, j);
	if ((w && (w->flags & LX_N_ORG)) || is_team_word(s, j))
		return i;
	size_t end = j + 1;
	const struct lx_role *role = NULL;
	if (!(joins(s, end) && lx_tok_cue(s, end, LX_CUE_PERSON_VERB)) &&
	    !person_context(s, i, end, &role))
		return i;
	size_t len;
	const char *name = tok_text_label(s, i, end, &len);
	const struct fc_entity *who = lx_new_entity(
		s, "person", name, len, FC_ENT_PERSON, NULL,
		role && !role->is_generic ? role->role : NULL);
	if (!who)
		return i;
	lx_push_ment(s, (uint32_t)i, (uint32_t)end, who, "name.person");
	return end;
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
	if (lx_tok_sense(s, i, LX_S_SURNAME)) {
		lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k),
			     surname_entity(s, i), "lexicon.surname");
		return i + k;
	}
	size_t given = place_given(s, i, k);
	if (given > i)
		return given;
	const struct lx_sense *cs = lx_tok_sense(s, i, LX_S_DEMONYM);
	bool is_demonym = cs != NULL;
	if (!cs)
		cs = lx_tok_sense(s, i, LX_S_COUNTRY);
	if (cs) {
		const struct lx_ent *ce = &l->ents[cs->ref];
		size_t j = i + k;
		if (is_poss(s, j) && !is_demonym)
			j++;
		const struct lx_sense *ns;
		if (joins(s, j) && (ns = lx_tok_cue(s, j, LX_CUE_GOV_NOUN)) &&
		    ce->gov != FC_NONE) {
			lx_push_ment(s, (uint32_t)i, (uint32_t)(j + ns->ntok),
				     lx_intern(s, ce->gov),
				     "lexicon.government");
			return j + ns->ntok;
		}
		if (joins(s, j) &&
		    (ns = lx_tok_cue(s, j, LX_CUE_CAPITAL_NOUN)) &&
		    ce->capital != FC_NONE) {
			lx_push_ment(s, (uint32_t)i, (uint32_t)(j + ns->ntok),
				     lx_intern(s, ce->capital),
				     "lexicon.capital");
			return j + ns->ntok;
		}
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
	if ((se = lx_tok_sense(s, i, LX_S_CAPITAL))) {
		size_t team = place_plural(s, i, k);
		if (team > i)
			return team;
		const struct lx_ent *ce = &l->ents[se->ref];
		bool is_place = ce->actor == FC_NONE || place_context(s, i) ||
				place_after(s, i + k);
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
			    (end = place_plural(s, i, k)) > i)
				return end;
			/* (a government noun known as an organisation
			** alone begins a longer name too: "Treasury Board",
			** "Treasury Bills") */
			if ((plain[p].kind == LX_S_PLACE ||
			     (plain[p].kind == LX_S_ORG && k == 1 &&
			      word_cue(s, i, LX_CUE_GOV_NOUN))) &&
			    joins(s, i + k) &&
			    is_name_word(s, i + k) && !is_particle(s, i + k) &&
			    (end = name_run(s, i + k, MAX_NAME, &ncap)) >
				    i + k) {
				/* a place that begins a longer name: "Kansas
				** City", "Ohio State", "Utah Supreme Court" */
				size_t len;
				const char *name = tok_text_label(s, i, end, &len);
				bool is_org = word_cue(s, end - 1, LX_CUE_ORG_WORD);
				lx_push_ment(s, (uint32_t)i, (uint32_t)end,
					     lx_new_entity(s, is_org ? "org" : "name",
							   name, len,
							   is_org ? FC_ENT_ORG
								  : FC_ENT_OTHER,
							   NULL, NULL),
					     is_org ? "name.org" : "name");
				return end;
			}
			/* (the body's name as a modifier: "Treasury
			** bonds", "Treasury bill rates") */
			if (plain[p].kind == LX_S_ORG && joins(s, i + k) &&
			    !(s->t.v[i + k].flags & LX_T_CAP) &&
			    word_cue(s, i + k, LX_CUE_MODIFIED))
				return i + k;
			lx_push_ment(s, (uint32_t)i, (uint32_t)(i + k),
				     lx_intern(s, se->ref), plain[p].rule);
			return i + k;
		}
	return i;
}

/* Is token i the one-character token c on the same line? */
static inline bool is_punct(const struct lx_scan *s, size_t i, char c)
{
	return i < s->t.n && s->t.v[i].end - s->t.v[i].start == 1 &&
	       s->text[s->t.v[i].start] == c &&
	       !(s->t.v[i].flags & LX_T_NL);
}

/* Is token k the word "of" (any case)? */
static inline bool is_of(const struct lx_scan *s, size_t k)
{
	const struct lx_tok *t = &s->t.v[k];
	return t->end - t->start == 2 &&
	       (s->text[t->start] | 0x20) == 'o' &&
	       (s->text[t->start + 1] | 0x20) == 'f';
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
		if (!(se = modifier_sense(s, j)) || !is_poss(s, j + se->ntok))
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
	bool is_comma = is_punct(s, end, ',');
	bool is_place = is_comma && place_context(s, i);
	if (is_comma && !is_place && (se = appos_role(s, end + 1))) {
		*role = &s->l->roles[se->ref];
		return true;
	}
	if (i > 0 && !(s->t.v[i].flags & LX_T_NL) &&
	    (se = lx_tok_cue(s, i - 1, LX_CUE_PERSON_VERB)) && se->ntok == 1)
		return true;
	/* A verb of saying after the name counts where a word of the
	** sentence leads to the name ("economist Haruo Muto said", "...,"
	** Jassem Chabok said"): a name that opens its sentence or follows a
	** function word is as often a firm ("K Mart said", "analyst for
	** Prudential Bache said": 14 of 25 on business news) */
	if (joins(s, end) && lx_tok_cue(s, end, LX_CUE_PERSON_VERB) &&
	    i > 0 && !(s->t.v[i].flags & (LX_T_SSTART | LX_T_NL)) &&
	    !lx_tok_cue(s, i - 1, LX_CUE_STOP) && !is_of(s, i - 1))
		return true;
	if (is_place || !is_comma)
		return false;
	if (is_age(s, end + 1) &&
	    (is_punct(s, end + 2, ',') || is_punct(s, end + 2, ')') ||
	     is_punct(s, end + 2, ';')))
		return true;
	return false;
}

/* The country of a place or country named right after "NAME,", which
** makes NAME a city of it: "Beaumont, Texas", "Kazan, Russia." (not
** "Smith, Britain's ambassador"); NULL when none. */
static const char *city_of(const struct lx_scan *s, size_t end)
{
	if (!is_punct(s, end, ',') || !joins(s, end + 1))
		return NULL;
	size_t j = end + 1;
	const struct lx_sense *se = lx_tok_sense(s, j, LX_S_PLACE);
	if (!se)
		se = lx_tok_sense(s, j, LX_S_COUNTRY);
	if (!se || s->t.v[j].match_ntok != se->ntok)
		return NULL;
	size_t k = j + se->ntok;
	/* then no word, but after an abbreviation: "Santa Rosa, Calif. on
	** Monday", "Cannes, France, was", not "Mark Rockwell, California
	** state representative" nor "Smith, Britain's envoy" */
	if (k < s->t.n && !(s->t.v[k].flags & LX_T_NL) &&
	    ((s->t.v[k].flags & (LX_T_WORD | LX_T_POSS)) &&
	     !is_punct(s, k - 1, '.')))
		return NULL;
	return s->l->ents[se->ref].e.country;
}

/* Does token i follow a short capitalised abbreviation ("St. Louis
** Cardinals", "Ft. Worth": no given name there)? */
static bool after_abbrev(const struct lx_scan *s, size_t i)
{
	if (i < 2 || !is_punct(s, i - 1, '.'))
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
		if (is_of(s, k))
			return k;
	return end;
}

/* Rule 3: an unknown capitalised run at i. Returns its end, or i. */
static size_t take_unknown(struct lx_scan *s, size_t i)
{
	int ncap;
	if (is_initial_nonname(s, i)) {
		/* (unless an organisation's name goes on from a hyphenated
		** word: "Brown-Forman Inc said", not "Pro-Russian forces";
		** an adverb never opens one: "Curiously Acme Bank said") */
		size_t len;
		const char *k = lx_key(&s->t, i, 1, &len);
		size_t e = memchr(k, '-', len) ? name_run(s, i, MAX_NAME, &ncap)
					       : i;
		if (e <= i + 1 || !word_cue(s, e - 1, LX_CUE_ORG_WORD))
			return i + 1;
	}
	if (!s->t.v[i].match) {
		size_t given = place_given(s, i, 1);
		if (given > i)
			return given;
	}
	/* (a capitalised title modifier inside a sentence opens a name:
	** "the New England Patriots") */
	size_t lead = s->t.v[i].match ? 1 : 0;
	if (lead && !joins(s, i + 1))
		return i;
	size_t end = name_run(s, i + lead, MAX_NAME + 1 - lead, &ncap);
	/* (at a sentence start, before two name words at least: "New
	** England Patriots said", not "Former Smith aide") */
	if (end == i + lead ||
	    (lead && (s->t.v[i].flags & LX_T_SSTART) && ncap < 2))
		return i;
	ncap += (int)lead;
	const struct lx_tok *first = &s->t.v[i];
	/* A common noun capitalised by its place before a person's name:
	** "Receptionist Madeline Kafoury", "Forward Tyler Hansbrough" (the
	** document writes it in lower case after a function word): the
	** name begins after it. A given name is the person's own ("Mark
	** Anthony Jones" beside "a mark"). */
	if (!lead && ncap >= 3 && (first->flags & LX_T_SSTART) &&
	    !(first->flags & LX_T_HEADLINE) &&
	    !word_cue(s, i, LX_CUE_GIVEN_NAME) && is_name_word(s, i + 1) &&
	    word_cue(s, i + 1, LX_CUE_GIVEN_NAME) && lx_lower_elsewhere(s, i))
		return take_unknown(s, i + 1);
	const struct fc_entity *who = NULL;
	/* "Ivanka Trump" is not Donald Trump: an unknown first name takes a
	** known surname into an unknown name (stop words such as "Later"
	** are no name words, so "Later Trump said" keeps Trump). */
	if (joins(s, end) && lx_tok_sense(s, end, LX_S_SURNAME) &&
	    !(first->flags & LX_T_HEADLINE)) {
		end += s->t.v[end].match_ntok;
		ncap++;
	}
	size_t len;
	const char *name = tok_text_label(s, i, end, &len);
	bool is_person = false;
	if ((who = lx_find_surname(s, end - 1))) {
		/* "Pezeshkian" or "Masoud Pezeshkian" again; "Reggie Bush"
		** after "President Bush" is a person of its own. */
		if (ncap == 1 || same_label(who, name, len)) {
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "coref.surname");
			return end;
		}
		is_person = true;
	}
	/* a given name first: a person's name, also before a place
	** ("Mark Feldstein, Texas", a list of results or of hometowns),
	** but where a place stands ("died in Beverly Hills, Calif.") */
	bool is_given = ncap >= 2 && word_cue(s, i, LX_CUE_GIVEN_NAME) &&
			!after_abbrev(s, i) &&
			!word_cue(s, end - 1, LX_CUE_PLACE_WORD) &&
			!place_context(s, i);
	const char *in_country;
	if (!is_person && !is_given && !(first->flags & LX_T_HEADLINE) &&
	    !word_cue(s, end - 1, LX_CUE_ORG_WORD) &&
	    (in_country = city_of(s, end))) {
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
	    joins(s, end) && lx_tok_cue(s, end, LX_CUE_PERSON_VERB) &&
	    lx_tok_cue(s, end, LX_CUE_REPORT) && !is_acronym(s, i) &&
	    !word_cue(s, i, LX_CUE_ORG_WORD) &&
	    !word_cue(s, i, LX_CUE_PLACE_WORD) &&
	    !word_cue(s, i, LX_CUE_SOURCE_NOUN)) {
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
		if (!is_last && is_gerund(s, i))
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
	if (ncap == 1 && !is_person && !(first->flags & LX_T_HEADLINE) &&
	    !(first->flags & LX_T_SSTART) && joins(s, end) &&
	    lx_tok_cue(s, end, LX_CUE_REPORT) &&
	    !word_cue(s, i, LX_CUE_SOURCE_NOUN) &&
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
	if (ncap == 1 && !is_person && !(first->flags & LX_T_HEADLINE) &&
	    !(first->flags & LX_T_SSTART) && place_context(s, i)) {
		/* A lone unknown name where a place stands: "met in
		** Anchorage", "talks in Doha". */
		who = lx_new_entity(s, "name", name, len, FC_ENT_OTHER, NULL,
				    NULL);
		if (who)
			lx_push_ment(s, (uint32_t)i, (uint32_t)end, who,
				     "name.place");
		return end;
	}
	if (ncap < 2 || (first->flags & LX_T_HEADLINE))
		return end;
	/* What the name ends with or stands among tells its type: "West
	** Coast Bank" an organisation, "Marion County" a place, "said Mark
	** Feldstein" a person; after "the" or "his" it is no person. */
	size_t of = of_in(s, i, end);
	if (word_cue(s, end - 1, LX_CUE_ORG_WORD) ||
	    (of < end && word_cue(s, of - 1, LX_CUE_ORG_WORD))) {
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
	if (!is_person && of == end && i > 0 && joins(s, i) &&
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
	    !word_cue(s, end - 1, LX_CUE_PLACE_WORD) &&
	    !(i > 0 && lx_tok_cue(s, i - 1, LX_CUE_DET)) &&
	    (person_context(s, i, end, &role) ||
	     (word_cue(s, i, LX_CUE_GIVEN_NAME) && !after_abbrev(s, i)))) {
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
	if (is_of(s, k))
		return true;
	size_t len;
	const char *w = lx_key(&s->t, k, 1, &len);
	for (size_t j = 1; j < sizeof(words) / sizeof(*words); j++) {
		if (len != strlen(words[j]) || memcmp(w, words[j], len))
			continue;
		const struct lx_tok *n = k + 1 < s->t.n ? &s->t.v[k + 1] : NULL;
		return n && joins(s, k + 1) && (n->flags & LX_T_CAP) &&
		       !(n->word && s->l->slots[n->word - 1].is_stop);
	}
	return false;
}

/*
** "the Bank", "the Treasury": a capitalised org-word or government-noun
** alone after a determiner names the organisation or government named
** before with that head word ("the Bank of England ... the Bank said",
** "the U.S. Treasury ... the Treasury"): the last such mention in the
** look-back, within HEAD_SENTS sentences (a text of many articles: not
** another article's). Returns i + 1, or i when none.
*/
#define HEAD_SENTS 30
static size_t head_coref(struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	if (i == 0 || !(t->flags & LX_T_CAP) ||
	    (t->flags & (LX_T_HEADLINE | LX_T_UPPER | LX_T_NL | LX_T_POSS)) ||
	    !lx_tok_cue(s, i - 1, LX_CUE_DET) ||
	    (!word_cue(s, i, LX_CUE_ORG_WORD) &&
	     !word_cue(s, i, LX_CUE_GOV_NOUN)) ||
	    (i + 1 < s->t.n && !(s->t.v[i + 1].flags & LX_T_PARA) &&
	     ((s->t.v[i + 1].flags & LX_T_CAP) || is_name_link(s, i + 1))))
		return i;
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
		/* the head: the last word, or the one before "of" */
		for (size_t h = mt->t0; h < mt->t1; h++) {
			if (s->t.v[h].hash != t->hash ||
			    (h + 1 < mt->t1 && !is_of(s, h + 1)))
				continue;
			size_t hl;
			const char *hk = lx_key(&s->t, h, 1, &hl);
			if (hl == len && s->t.v[h].hash == t->hash &&
			    !memcmp(hk, k, len)) {
				lx_push_ment(s, (uint32_t)i, (uint32_t)i + 1,
					     mt->ent, "coref.head");
				return i + 1;
			}
		}
	}
	return i;
}

/* A capitalised title modifier, one word and nothing else ("New" in
** "the New England Patriots"). */
static bool is_name_modifier(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	return !(t->flags & (LX_T_HEADLINE | LX_T_UPPER)) &&
	       t->match_ntok == 1 && t->match->kinds == 1u << LX_S_CUE &&
	       !t->match->is_stop &&
	       t->match->cues == 1u << LX_CUE_TITLE_MOD;
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
		/* (a title starts with a word the lexicon knows) */
		size_t next = head_coref(s, i);
		if (next == i && t->match)
			next = take_title(s, i);
		if (next == i && t->match)
			next = take_phrase(s, i);
		if (next == i && (t->flags & LX_T_CAP) &&
		    (!t->match || is_name_modifier(s, i)))
			next = take_unknown(s, i);
		i = next > i ? next : i + 1;
	}
}
