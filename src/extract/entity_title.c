/*
** entity_title.c: rule 1 of the entity scan (entity_scan.c), a title
** phrase: [det] [modifier ['s]]* role [name] ("Iranian President Masoud
** Pezeshkian", "Kremlin spokesman Dmitry Peskov", "the Russian leader"),
** the name after the title (a listed person, a surname, a new person;
** no person where the name is a building's: "the Iranian President
** Hotel"), and the holder a role alone means (the most recent person of
** that country and role, the lexicon's, an office, an officer).
*/
#include <string.h>
#include <strings.h>

#include "extract/entity_p.h"

/* The end of the name at j when it is a place's or a building's, its
** last word a building's (grammar.yaml name.building-word: "Hotel",
** "Square", "Airport"; not "Fields", a surname too), else j. After
** a role it names no person: "the Iranian President Hotel", "Chairman
** Mao Square". */
static size_t place_name_end(const struct lx_scan *s, size_t j)
{
	int ncap;
	size_t e = lx_joins(s, j) ? lx_name_run(s, j, LX_MAX_NAME, &ncap) : j;
	return e > j && lx_is_building_word(s, e - 1) ? e : j;
}

/* The end of a style after the capitalised honorific ending at j, "of"
** and a place the lexicon knows, with a building's word after it ("the
** Prince of Wales", "Princess of Wales Theatre"), else j: one name, no
** mention of the place (the place does not speak: "the Prince of Wales
** said"). */
static size_t honorific_of(const struct lx_scan *s, size_t j)
{
	if (!(s->t.v[j - 1].flags & LX_T_CAP) || j + 1 >= s->t.n ||
	    !lx_joins(s, j) || !lx_is_of(s, j) || !lx_joins(s, j + 1) ||
	    !(s->t.v[j + 1].flags & LX_T_CAP) ||
	    !(lx_tok_sense(s, j + 1, LX_S_COUNTRY) ||
	      lx_tok_sense(s, j + 1, LX_S_PLACE)))
		return j;
	size_t e = j + 1 + s->t.v[j + 1].match_ntok;
	size_t b = place_name_end(s, e);
	return b > e ? b : e;
}

/* (lx_take_title, names_role) the cue of the title modifiers of a role
** held no more (grammar.yaml: "former", "late") */
#define PAST_MOD_CUE "title.modifier-past"

#define THEN_MOD_CUE "title.modifier-then"

/* (lx_take_title) the cue of the title modifiers that make a role of
** their own with the role right after them (grammar.yaml: "acting",
** "interim") */
#define OWN_MOD_CUE "title.modifier-own"

/* (lx_take_title) the cue of the ministries before a role: the body's
** officer, no listed holder of the country's role (grammar.yaml:
** "Foreign Ministry spokesman") */
#define BODY_MOD_CUE "title.modifier-body"

/* Is the title modifier se (or NULL) the cue id's? */
static bool is_mod(const struct lx_scan *s, const struct lx_sense *se,
		   const char *id)
{
	return se && !strcmp(s->l->cues[se->ref].id, id);
}

/* Is the person's role (people.yaml) the title's role, or it after a
** word of a role held no more ("former secretary of state" names
** "secretary of state"; "prime minister" no "minister")? role NULL (a
** generic title): no. */
static bool names_role(const struct lx_scan *s, const struct fc_entity *e,
		       const char *role)
{
	if (!e || !e->role || !role)
		return false;
	if (!strcmp(e->role, role))
		return true;
	const char *sp = strchr(e->role, ' ');
	if (!sp || strcmp(sp + 1, role))
		return false;
	const struct lx_slot *sl =
		lx_gaz_find(s->l, e->role, (size_t)(sp - e->role));
	for (const struct lx_sense *se = sl ? sl->senses : NULL; se;
	     se = se->next)
		if (se->kind == LX_S_CUE && se->cue_kind == LX_CUE_TITLE_MOD &&
		    se->ntok == 1 && is_mod(s, se, PAST_MOD_CUE))
			return true;
	return false;
}

/* Are the words of role whole words of the phrase, in any case, its
** head when is_head: they end it or come before "of" ("interior
** secretary", "secretary of the interior"; not "president elect" nor
** "president and CEO")? */
static bool has_words(const char *phrase, const char *role, bool is_head)
{
	size_t n = strlen(role);
	for (const char *p = phrase; *p; p++) {
		if ((p != phrase && p[-1] != ' ') || strncasecmp(p, role, n))
			continue;
		if (p[n] == '\0' ||
		    (p[n] == ' ' && (!is_head || !strncmp(p + n, " of ", 4))))
			return true;
	}
	return false;
}

/* Does the listed role name the title's role more exactly, the title's
** words a word of it ("Minister Margaret Thatcher" of a prime minister,
** "Secretary Shultz" of a secretary of state) or the head of one of its
** phrases in roles.yaml ("Secretary Salazar" of an interior minister,
** "interior secretary")? */
static bool narrows_role(const struct fc_lexicon *l, const char *listed,
			 const char *role)
{
	if (has_words(listed, role, false))
		return true;
	for (size_t i = 0; i < l->nroles; i++) {
		if (strcmp(l->roles[i].role, listed))
			continue;
		for (size_t k = 0; k < l->roles[i].nwords; k++)
			if (has_words(l->roles[i].words[k], role, true))
				return true;
	}
	return false;
}

/* Does the label word at *w (before last) spell token t (the first
** three letters the same)? *w moves past the word. */
static bool spells_word(const struct lx_scan *s, const struct lx_tok *t,
			const char **w, const char *last)
{
	const char *we = strchr(*w, ' '); /* (never past last: a space) */
	bool ok = we - *w >= 3 && t->end - t->start >= 3 &&
		  !strncasecmp(s->text + t->start, *w, 3);
	*w = we < last ? we + 1 : last;
	return ok;
}

/* Do the words from k up to end (a listed surname) spell given names of
** the person's label, in its order (each word's first three letters the
** same as one's: "Dmitri" of "Dmitry Peskov", "Mohammed Javad" and
** "Javad" of "Mohammad Javad Zarif"; not "Gennady" of "Valery
** Gerasimov"), initials between them left out ("Recep T. Erdogan")? */
static bool spells_given(const struct lx_scan *s, const struct fc_entity *e,
			 size_t k, size_t end)
{
	const char *w = e && e->label ? e->label : NULL;
	const char *last = w ? strrchr(w, ' ') : NULL;
	if (!last || k >= end)
		return false;
	for (size_t m = k; m < end; m++) {
		if (m > k && m + 1 < end && lx_is_initial(s, m)) {
			m++;
			continue;
		}
		bool found = false;
		while (!found && w < last)
			found = spells_word(s, &s->t.v[m], &w, last);
		if (!found)
			return false;
	}
	return true;
}

/* Is token k of the name [j, end) a given name's initials written as
** one token ("H.W." of "George H.W. Bush": capitals each with its dot),
** after a given name and before another name word, so no acronym that
** ends the name ("Mr Smith IBM")? */
static bool is_middle_initials(const struct lx_scan *s, size_t k, size_t j,
			       size_t end)
{
	const struct lx_tok *t = &s->t.v[k];
	size_t len = t->end - t->start;
	if (k == j || k + 1 >= end || len < 4 || len % 2 ||
	    !lx_word_cue(s, k - 1, LX_CUE_GIVEN_NAME))
		return false;
	for (size_t c = 0; c < len; c += 2)
		if (s->text[t->start + c] < 'A' || s->text[t->start + c] > 'Z' ||
		    s->text[t->start + c + 1] != '.')
			return false;
	return true;
}

/* The name after a title at j: returns its end (j when none). */
static size_t name_after(struct lx_scan *s, size_t j,
			 const struct fc_entity **out, const char *country,
			 const char *role)
{
	*out = NULL;
	if (!lx_joins(s, j))
		return j;
	const struct lx_sense *se = lx_tok_sense(s, j, LX_S_PERSON);
	if (se) {
		*out = lx_intern(s, se->ref);
		return j + se->ntok;
	}
	if (lx_tok_sense(s, j, LX_S_SURNAME)) {
		*out = lx_surname_entity(s, j);
		return lx_short_pair_end(s, j + s->t.v[j].match_ntok, *out);
	}
	if (place_name_end(s, j) > j)
		return j;
	int ncap;
	size_t end = lx_name_run(s, j, LX_MAX_NAME, &ncap);
	/* (a country's or a capital's name as a surname: after a given
	** name alone, "Rep. Steve Israel" (not "Secretary of State George
	** Shultz China's troubles"), and alone after a capitalised title,
	** "Mr. Jordan", "Coach Jordan"; not after a title in lower case,
	** "the commander Israel killed") */
	size_t r = lx_title_word(s, j - 1);
	if ((end == j + 1 ? lx_word_cue(s, j, LX_CUE_GIVEN_NAME)
			  : end == j && (s->t.v[r].flags & LX_T_CAP)) &&
	    lx_joins(s, end) && lx_place_surname(s, end)) {
		end++;
		ncap++;
	}
	for (size_t k = j; k < end; k++)
		if ((lx_is_acronym(s, k) && !is_middle_initials(s, k, j, end)) ||
		    (k > j && lx_is_of(s, k)))
			end = k; /* "Mr Smith IBM" -> "Smith"; "analyst Sanford
				 ** Margoshes of Shearson" -> "Sanford Margoshes" */
	if (end == j || lx_is_acronym(s, end - 1))
		return j;
	/* Another title right after, capitalised: the words between
	** belong to one title ("Deputy City Attorney Terry White"), not a
	** name (in lower case it opens a phrase of its own: "Gov. Jerry
	** Brown spokesman Evan Westrup"); nor is a name of an organisation
	** ("lead manager Wood Gundy Ltd"). */
	if ((lx_joins(s, end) && (s->t.v[end].flags & LX_T_CAP) &&
	     lx_tok_sense(s, end, LX_S_ROLE)) ||
	    lx_word_cue(s, end - 1, LX_CUE_ORG_WORD))
		return j;
	/* Unknown first names before a known surname: "Dmitri Peskov";
	** not a given name of another person's ("Trade Minister Pat
	** Carney" is no Mark Carney: the lexicon lists its people's own
	** given names as aliases), but after the person's own role, where
	** it is the person's other form ("Envoy Steven Witkoff", "Secretary
	** of State Tony Blinken", "President Ibrahim Raisi"). */
	if (lx_joins(s, end) && lx_tok_sense(s, end, LX_S_SURNAME)) {
		const struct fc_entity *e = lx_surname_entity(s, end);
		if (spells_given(s, e, j, end) ||
		    names_role(s, e, role)) {
			*out = e;
			return end + s->t.v[end].match_ntok;
		}
		end += s->t.v[end].match_ntok;
		ncap++;
	}
	size_t len;
	const char *name = lx_tok_text_label(s, j, end, &len);
	/* (a given name alone, a name cut short, is no surname of a person
	** of another role: "chairman Paul" is no "Pope John Paul") */
	if ((*out = ncap == 1 && end == j + 1 ? lx_find_name_word(s, j)
					       : lx_find_surname(s, end - 1)) &&
	    (ncap == 1 || lx_same_label(*out, name, len) ||
	     lx_particle_surname(s, j, end, *out)) &&
	    !(ncap == 1 && role && (*out)->role && strcmp((*out)->role, role) &&
	      lx_word_cue(s, j, LX_CUE_GIVEN_NAME))) {
		/* (a surname alone after a title is the person the document
		** named with the title's role before one named since with
		** another role or none: "President Bush" after "President
		** George W. Bush", then "Kate Bush", is the president) */
		const struct fc_entity *titled;
		if (ncap == 1 && end == j + 1 && role &&
		    (!(*out)->role || strcmp((*out)->role, role)) &&
		    (titled = lx_find_surname_role(s, j, role)))
			*out = titled;
		return end;
	}
	*out = lx_new_entity(s, "person", name, len, FC_ENT_PERSON, country,
			     role);
	return *out ? end : j;
}

/* The first word after the capitalised honorific at j before a name
** word, else j: the honorific between a title and a name is the name's
** ("Foreign Minister Prince Saud al-Faisal", "BP chief executive Lord
** Browne", "Governor Sir Mervyn King"). */
static size_t past_honorific(const struct lx_scan *s, size_t j)
{
	const struct lx_sense *rs = lx_tok_sense(s, j, LX_S_ROLE);
	if (!rs || !s->l->roles[rs->ref].is_honorific ||
	    !(s->t.v[j].flags & LX_T_CAP))
		return j;
	size_t k = j + rs->ntok;
	return k < s->t.n && lx_joins(s, k) && lx_is_name_word(s, k) ? k : j;
}

/* The name after a title at j, as name_after, but never a person a
** surname found of another country than the title's: "Iraq's Oil
** Minister Qassem" is no Naim Qassem of Lebanon but a person of its own,
** of Iraq; a full name the lexicon lists, or the person's own role,
** keeps the person: an envoy's title names the country of the mission
** ("Ukraine envoy Keith Kellogg", "Russia envoy Witkoff": US). */
static size_t title_name(struct lx_scan *s, size_t j,
			 const struct fc_entity **out, const char *country,
			 const char *role)
{
	if (lx_joins(s, j))
		j = past_honorific(s, j);
	size_t end = name_after(s, j, out, country, role);
	const struct fc_entity *e = *out;
	const struct lx_sense *full = lx_tok_sense(s, j, LX_S_PERSON);
	if (end == j || !e || e->type != FC_ENT_PERSON || !country ||
	    !e->country || !strcmp(e->country, country) ||
	    (full && j + full->ntok == end) || names_role(s, e, role))
		return end;
	size_t len;
	const char *name = lx_tok_text_label(s, j, end, &len);
	*out = lx_new_entity(s, "person", name, len, FC_ENT_PERSON, country,
			     role);
	return *out ? end : j;
}

/* The role of a name's mention after the title's role: the role, or
** the title's modifier at mod (SIZE_MAX: none) and the role, "acting
** president", "former president" ("Former U.S. President Bill Clinton";
** after "late" too, people.yaml's word), in s->pa; NULL on out of
** memory. */
static const char *mention_role(struct lx_scan *s, size_t mod, bool is_past,
				const struct lx_role *role)
{
	if (mod == SIZE_MAX)
		return role->role;
	size_t len;
	const char *w = is_past ? "former" : lx_key(&s->t, mod, 1, &len);
	if (is_past)
		len = strlen(w);
	char *r = fc_arena_printf(s->pa, "%.*s %s", (int)len, w, role->role);
	if (!r)
		s->err = FC_ENOMEM;
	return r;
}

/* Does a role begin at j longer than the modifier of ntok words there
** ("deputy prime minister" over "deputy")? */
static bool role_over(const struct lx_scan *s, size_t j, size_t ntok)
{
	const struct lx_sense *rs = lx_tok_sense(s, j, LX_S_ROLE);
	return rs && rs->ntok > ntok;
}

/* (lx_take_title) A role's acronym opening a firm's name ("RB
** Industries Inc", "CB Pak Inc", "WR Grace & Co", where "RB Reggie
** Bush" is a running back): the firm's mention from j to its org-word,
** or the one named before whose short name it is; its end, or j. */
static size_t acronym_firm(struct lx_scan *s, size_t j, size_t role_end)
{
	int ncap;
	size_t end;
	if (role_end != j + 1 || !lx_is_acronym(s, j) ||
	    !lx_joins(s, role_end) || !lx_is_name_word(s, role_end) ||
	    (end = lx_name_run(s, role_end, LX_MAX_NAME, &ncap)) == role_end)
		return j;
	/* (or a firm's name through "&" or "and": "WR Grace & Co") */
	size_t firm_end = lx_firm_and(s, j, end, false);
	if (!lx_word_cue(s, end - 1, LX_CUE_ORG_WORD) && firm_end == end)
		return j;
	/* ("RB Industries also said" after "RB Industries Inc") */
	const struct fc_entity *firm = lx_firm_short(s, j, end);
	if (firm) {
		lx_push_ment(s, (uint32_t)j, (uint32_t)end, firm, "coref.org");
		return end;
	}
	return lx_push_new_org(s, j, firm_end, "name.org");
}

/* Rule 1: a title phrase at i. Returns its end, or i. */
size_t lx_take_title(struct lx_scan *s, size_t i)
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
	/* (a place after a body's "of" ends the body's name, no title's
	** modifier: "Bank of Tokyo economist Haruo Muto" is the
	** economist's title; "the toppling of Syrian President Bashar
	** al-Assad", "Supporters of Syrian President Bashar al-Assad" the
	** Syrian's) */
	if (!has_det && i > 1 && lx_joins(s, i) && lx_is_of(s, i - 1) &&
	    lx_word_cue(s, i - 2, LX_CUE_ORG_WORD) &&
	    lx_modifier_sense(s, i))
		return i;
	size_t t0 = j;
	const char *country = NULL;
	/* (set by an organisation's name among the modifiers: "Apple's vice
	** president", "AMD president" name the firm's officer, never the
	** country's: no coreference by the firm's country below, but to the
	** document's last such officer after a determiner, "FBI Special
	** Agent John Broadway ... The FBI agent") */
	bool is_org_mod = false;
	uint32_t org = FC_NONE; /* (the organisation's lexicon entity) */
	/* (set by "former", "late", here or just before i, where the scan
	** tries again after a phrase it declined: no holder of the role
	** now, below) */
	const struct lx_sense *before =
		i > 0 && lx_joins(s, i) ? lx_tok_cue(s, i - 1, LX_CUE_TITLE_MOD)
					: NULL;
	bool is_past = is_mod(s, before, PAST_MOD_CUE);
	/* (set by "then": the holder at the time of the events, whom only
	** the text can name: no listed person, below) */
	bool is_then = is_mod(s, before, THEN_MOD_CUE);
	bool is_deputy = false; /* (set by "deputy": no holder, below) */
	bool is_body = false;   /* (set by a ministry: no listed holder) */
	/* (the one-word modifier of a role of its own: mention_role) */
	size_t own = is_past ? i - 1 : SIZE_MAX;
	bool own_past = is_past;
	for (int m = 0; m < 3 && (j == i || lx_joins(s, j)); m++) {
		if ((se = lx_modifier_sense(s, j))) {
			const struct lx_ent *e = &l->ents[se->ref];
			if (se->kind == LX_S_ORG) {
				is_org_mod = true;
				org = se->ref;
			}
			const struct lx_sense *ps;
			/* ("Georgia Gov. Sonny Perdue" where Georgia is the
			** US state: lx_namesake_place) */
			if (se->kind == LX_S_COUNTRY &&
			    (ps = lx_namesake_place(s, j, se->ntok)))
				e = &l->ents[ps->ref];
			if (e->e.country)
				country = e->e.country;
			j += se->ntok;
			if (lx_is_poss(s, j))
				j++;
			continue;
		}
		if ((se = lx_tok_cue(s, j, LX_CUE_TITLE_MOD)) &&
		    !role_over(s, j, se->ntok)) {
			bool past = is_mod(s, se, PAST_MOD_CUE);
			bool deputy = is_mod(s, se, LX_DEPUTY_MOD_CUE) ||
				      is_mod(s, se, LX_SHADOW_MOD_CUE);
			is_past |= past;
			is_then |= is_mod(s, se, THEN_MOD_CUE);
			is_deputy |= deputy;
			is_body |= is_mod(s, se, BODY_MOD_CUE);
			/* (another modifier after it keeps it: "the late
			** senior adviser") */
			if (se->ntok == 1 &&
			    (past || deputy || is_mod(s, se, OWN_MOD_CUE))) {
				own = j;
				own_past = past;
			}
			j += se->ntok;
			continue;
		}
		break;
	}
	if (j > t0 && !lx_joins(s, j))
		return i;
	const struct lx_sense *rs = lx_tok_sense(s, j, LX_S_ROLE);
	size_t end0;
	if (!rs)
		return i;
	const struct lx_role *role = &l->roles[rs->ref];
	size_t role_end = j + rs->ntok;
	if (j == t0 && (end0 = acronym_firm(s, j, role_end)) > j)
		return end0;
	const struct fc_entity *who;
	size_t end = title_name(s, role_end, &who, country,
				role->is_generic ? NULL : role->role);
	if (s->err)
		return i;
	/* (an honorific opening its sentence that the document writes in
	** lower case too, before one word that is no known person's name,
	** is the word's capital: "Chief Soviet arms negotiator Yuli
	** Vorontsov" beside "chief economist"; "Chief Steele said" after
	** "Police Chief James Steele" and "Mr. Smith" are titles) */
	if (end == role_end + 1 && role->is_honorific &&
	    (s->t.v[t0].flags & LX_T_SSTART) && !lx_find_surname(s, role_end) &&
	    lx_lower_elsewhere(s, t0))
		return i;
	if (end > role_end && who) {
		/* (the text's title is the mention's role; the listed one
		** where the title names none of its own, "Mr. Putin", "the
		** leader", names it as a past one, "former President Joe
		** Biden", or names less of it: narrows_role) */
		const char *mrole = mention_role(s, own, own_past, role);
		if (who->type == FC_ENT_PERSON && !role->is_generic &&
		    !role->is_honorific && mrole &&
		    !names_role(s, who, mrole) &&
		    !(who->role && narrows_role(l, who->role, mrole)))
			who = lx_with_role(s, who, mrole);
		lx_push_ment(s, (uint32_t)t0, (uint32_t)end, who,
			     "lexicon.title");
		return end;
	}
	/* (the title's words open the place's name, one name) */
	size_t place_end = place_name_end(s, role_end);
	if (place_end > role_end)
		return lx_push_new_name(s, t0, place_end);
	size_t style_end = role->is_honorific ? honorific_of(s, role_end)
					      : role_end;
	/* (a modifier before it is none of the style's: "Toronto's
	** Princess of Wales Theatre"; the scan comes back to the honorific) */
	if (style_end > role_end)
		return t0 == j ? lx_push_new_name(s, t0, style_end) : i;
	if (role->is_honorific || !country || t0 == j || is_past || is_deputy ||
	    (is_org_mod && !has_det))
		return i;
	/* (a body's officer is the one named with the body, not the
	** body's country's: "the Apple spokesman" after "White House
	** spokesman Josh Earnest" is no Earnest) */
	/* (a role in apposition is the person just named: "Tzipi Livni,
	** the Israeli foreign minister, said" in a text of any date) */
	who = lx_apposed_person(s, i, role_end, country);
	if (!who)
		who = is_org_mod ? lx_recent_officer(s, org, country, role,
						     (uint32_t)i)
				 : lx_recent_person(s, country, role,
						    (uint32_t)i);
	bool listed = is_then;
	if (!who && !is_org_mod && !is_then && !is_body)
		who = lx_lexicon_person(s, country, role, &listed);
	const char *rule = "coref.role";
	/* (no listed person meant, though the role has one: the office,
	** after a determiner, "the Iranian president said" of a text dated
	** out of the listed holder's term; not before a name word, where
	** the words name a firm: "its American President Lines unit") */
	if (!who && listed && has_det && !is_org_mod &&
	    !(lx_joins(s, role_end) && lx_is_name_word(s, role_end))) {
		who = lx_office(s, country, role);
		rule = "coref.office";
	}
	if (!who)
		return i;
	lx_push_ment(s, (uint32_t)t0, (uint32_t)role_end, who, rule);
	return role_end;
}
