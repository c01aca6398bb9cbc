/*
** tagged.c: a sentence and its mentions -> the string claim patterns
** match.
**
** Each top-level entity, time and quantity mention becomes a token
** "\x01<class><index>\x02" (class letters in enum tok_class, index into
** doc->mentions); a mention nested in or overlapping an earlier one is
** left out.
**
** A person's title and country modifier fold into the person's token:
** "Israeli Prime Minister Benjamin Netanyahu", "Russia's Putin",
** "Kremlin spokesman Dmitry Peskov" are one person token when the words
** before the person end with the person's role (from the lexicon) or
** are capitalised words (at most three), and the country or government
** token before them has the person's country. The modifier is then not
** an entity of its own in any slot.
**
** The rest of the sentence is copied with typographic quotes and the en
** dash folded to ASCII, no-break spaces to spaces, stray \x01 \x02 NUL
** bytes to spaces and invalid UTF-8 to '?', so the string is valid
** UTF-8 and holds no token bytes of its own. lo[]/hi[] map every byte
** back to the cleaned text.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims/claims_p.h"

char cl_tok_class_of(const struct fc_mention *m)
{
	switch (m->kind) {
	case FC_MENTION_ENTITY:
		switch (m->entity.type) {
		case FC_ENT_PERSON: return TOK_PERSON;
		case FC_ENT_COUNTRY: return TOK_COUNTRY;
		case FC_ENT_GOVERNMENT: return TOK_GOV;
		case FC_ENT_ORG: return TOK_ORG;
		case FC_ENT_CITY: return TOK_CITY;
		case FC_ENT_GROUP: return TOK_GROUP;
		case FC_ENT_OTHER: return TOK_OTHER;
		}
		return TOK_OTHER;
	case FC_MENTION_TIME:
		switch (m->time.type) {
		case FC_TIMEX_DATE:
		case FC_TIMEX_TIME: return TOK_DATE;
		case FC_TIMEX_DURATION: return TOK_DURATION;
		case FC_TIMEX_SET: return TOK_SET;
		}
		return TOK_DATE;
	case FC_MENTION_QUANTITY: return TOK_QUANTITY;
	default: return 0;
	}
}

void cl_tagged_finish(struct tagged *t)
{
	free(t->s);
	free(t->lo);
	free(t->hi);
	memset(t, 0, sizeof(*t));
}

static bool reserve(struct tagged *t, size_t n)
{
	if (t->len + n + 1 <= t->cap)
		return true;
	size_t ncap = t->cap ? t->cap : 256;
	while (ncap < t->len + n + 1)
		ncap *= 2;
	char *s = realloc(t->s, ncap);
	if (!s)
		return false;
	t->s = s;
	uint32_t *lo = realloc(t->lo, ncap * sizeof(*lo));
	if (!lo)
		return false;
	t->lo = lo;
	uint32_t *hi = realloc(t->hi, ncap * sizeof(*hi));
	if (!hi)
		return false;
	t->hi = hi;
	t->cap = ncap;
	return true;
}

static void emit(struct tagged *t, char c, uint32_t lo, uint32_t hi)
{
	t->lo[t->len] = lo;
	t->hi[t->len] = hi;
	t->s[t->len++] = c;
}

/* Copy text[from, to) with the foldings above. */
static bool copy_text(struct tagged *t, const char *text, uint32_t from,
		      uint32_t to)
{
	if (!reserve(t, to - from))
		return false;
	const unsigned char *u = (const unsigned char *)text;
	for (uint32_t i = from; i < to;) {
		size_t k = fc_utf8_seq_len(u + i, to - i);
		char c = (char)u[i];
		if (k == 0) {
			c = '?';
			k = 1;
		} else if (k == 1) {
			if (c == TOK_OPEN || c == TOK_CLOSE || c == '\0')
				c = ' ';
		} else if (k == 2 && u[i] == 0xC2 && u[i + 1] == 0xA0) {
			c = ' ';
		} else if (k == 3 && u[i] == 0xE2 && u[i + 1] == 0x80 &&
			   (u[i + 2] == 0x98 || u[i + 2] == 0x99)) {
			c = '\'';
		} else if (k == 3 && u[i] == 0xE2 && u[i + 1] == 0x80 &&
			   (u[i + 2] == 0x9C || u[i + 2] == 0x9D)) {
			c = '"';
		} else if (k == 3 && u[i] == 0xE2 && u[i + 1] == 0x80 &&
			   u[i + 2] == 0x93) {
			c = '-';
		} else {
			for (size_t j = 0; j < k; j++)
				emit(t, (char)u[i + j], i + (uint32_t)j,
				     i + (uint32_t)j + 1);
			i += (uint32_t)k;
			continue;
		}
		emit(t, c, i, i + (uint32_t)k);
		i += (uint32_t)k;
	}
	return true;
}

/* First mention index with start >= pos (mentions are sorted). */
static size_t lower_bound(const struct fc_document *doc, uint32_t pos)
{
	size_t lo = 0, hi = doc->nmentions;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->mentions[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* The alpha-2 of an entity's country: its country, else from its id. */
static const char *ent_country(const struct fc_entity *e, size_t *n)
{
	const char *c = e->country;
	if (!c && e->id && !strncmp(e->id, "country:", 8))
		c = e->id + 8;
	else if (!c && e->id && !strncmp(e->id, "gov:", 4))
		c = e->id + 4;
	*n = c ? strlen(c) : 0;
	return c;
}

/* Where the person token at m starts once its role words are folded. */
static uint32_t role_start(const char *text, uint32_t pos,
			   const struct fc_mention *m)
{
	uint32_t j = m->start;
	const char *role = m->entity.role;
	while (j > pos && is_space(text[j - 1]))
		j--;
	size_t rl = role ? strlen(role) : 0;
	if (rl && j >= pos + rl && !strncasecmp(text + j - rl, role, rl) &&
	    (j - rl == pos || !is_alnum(text[j - rl - 1])))
		return j - (uint32_t)rl;
	return m->start;
}

/*
** Does text[from, to) join a country token and a person: an optional
** "'s", then at most three capitalised words?
*/
static bool is_modifier_gap(const char *text, uint32_t from, uint32_t to)
{
	uint32_t i = from;
	if (i + 2 <= to && text[i] == '\'' && text[i + 1] == 's')
		i += 2;
	else if (i + 4 <= to && !memcmp(text + i, "\xE2\x80\x99s", 4))
		i += 4;
	int words = 0;
	while (i < to) {
		if (!is_space(text[i]))
			return false;
		while (i < to && is_space(text[i]))
			i++;
		if (i == to)
			break;
		if (text[i] < 'A' || text[i] > 'Z' || ++words > 3)
			return false;
		while (i < to && (is_alnum(text[i]) || text[i] == '.' ||
				  text[i] == '-'))
			i++;
	}
	return true;
}

fc_status cl_tagged_build(struct tagged *t, const struct fc_document *doc,
		       uint32_t si)
{
	const struct fc_sentence *s = &doc->sentences[si];
	uint32_t end = s->end <= doc->text_len ? s->end : (uint32_t)doc->text_len;
	uint32_t pos = s->start < end ? s->start : end;
	t->len = 0;
	t->sentence = si;
	t->mfirst = (uint32_t)lower_bound(doc, pos);
	t->mend = (uint32_t)lower_bound(doc, end);
	const struct fc_mention *prev = NULL; /* the last token's mention */
	size_t prev_out = 0;                  /* where its token starts */
	for (uint32_t i = t->mfirst; i < t->mend; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		char cls = cl_tok_class_of(m);
		if (!cls || m->start < pos || m->end > end || m->end <= m->start)
			continue;
		uint32_t from = m->start;
		if (cls == TOK_PERSON) {
			size_t pn, cn;
			const char *pc = ent_country(&m->entity, &pn);
			from = role_start(doc->text, pos, m);
			char pcl = prev ? cl_tok_class_of(prev) : 0;
			const char *cc = prev ? ent_country(&prev->entity, &cn)
					      : NULL;
			if (prev && prev->end == pos &&
			    (pcl == TOK_COUNTRY || pcl == TOK_GOV) && pc &&
			    cc && pn == cn && !strncasecmp(pc, cc, pn) &&
			    is_modifier_gap(doc->text, pos, from)) {
				t->len = prev_out; /* the modifier joins */
				from = prev->start;
				pos = from;
			}
		}
		if (!copy_text(t, doc->text, pos, from) || !reserve(t, 16))
			return FC_ENOMEM;
		char tok[16];
		int n = snprintf(tok, sizeof(tok), "%c%c%u%c", TOK_OPEN, cls,
				 (unsigned)i, TOK_CLOSE);
		prev = m;
		prev_out = t->len;
		for (int k = 0; k < n; k++)
			emit(t, tok[k], from, m->end);
		pos = m->end;
	}
	if (!copy_text(t, doc->text, pos, end) || !reserve(t, 1))
		return FC_ENOMEM;
	t->s[t->len] = '\0';
	return FC_OK;
}
