/*
** coref_lower.c: the words a document writes in lower case as common
** nouns ("the reports"), so that a capitalised one elsewhere is no name
** ("Reports said"; lx_lower_elsewhere, for coreference and the names).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/coref_p.h"
#include "extract/entity_p.h"
#include "extract/lexicon_p.h"
#include "extract/lx_prose.h"

/* Is token i a common noun's word in lower case: right after a function
** word ("the reports", "a relative", "with enough"; not in a web address
** split into tokens, "/ microsoft - rushes", nor a name in a text that
** writes names in lower case, "minister azpurua")? */
static inline bool is_prose_lower(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	return lx_prose_lower(t->flags, t[-1].flags);
}

/* Are tokens a and b the same word (normalised)? (Two words with their
** own gazetteer slots are the same word when the slot is: no compare of
** their bytes.) */
static bool same_word(const struct lx_scan *s, const struct lx_tok *a,
		      const struct lx_tok *b)
{
	if (a->word != b->word)
		return false;
	if (a->word)
		return true;
	return a->hash == b->hash && a->norm_len == b->norm_len &&
	       !memcmp(s->t.norm + a->norm_off, s->t.norm + b->norm_off,
		       a->norm_len);
}

/* v (capacity *cap, a power of two, one entry a word) at twice the
** capacity; NULL when out of memory (v is then freed). */
static uint32_t *lower_grow(const struct lx_scan *s, uint32_t *v, size_t *cap)
{
	size_t nc = 2 * *cap;
	uint32_t *w = calloc(nc, sizeof(*w));
	if (w)
		for (size_t j = 0; j < *cap; j++) {
			if (!v[j])
				continue;
			size_t k = s->t.v[v[j] - 1].hash & (nc - 1);
			while (w[k])
				k = (k + 1) & (nc - 1);
			w[k] = v[j];
		}
	free(v);
	*cap = nc;
	return w;
}

/*
** The table of the words written in lower case (lx_scan.lower, and
** lx_scan.lower_words for the words with a gazetteer slot: a bit by
** the slot, no hashing). The table starts small and doubles at half
** full: a text has some thousands of such words among tens of
** thousands of tokens, and clearing a table sized by the tokens cost
** more than filling it.
*/
static bool lower_build(struct lx_scan *s)
{
	size_t cap = 512, n = 0;
	uint32_t *v = calloc(cap, sizeof(*v));
	uint64_t *bits = calloc(s->l->capslots / 64 + 1, sizeof(*bits));
	/* the tokens kept from the last piece, then those mark_sentences
	** noted (lx_scan.lowers), in the order of the text */
	size_t nkept = s->t0 > 1 ? s->t0 - 1 : 0;
	for (size_t j = 0; v && bits && j < nkept + s->nlowers; j++) {
		size_t i = j < nkept ? j + 1 : s->lowers[j - nkept];
		const struct lx_tok *t = &s->t.v[i];
		if (j < nkept && !is_prose_lower(s, i))
			continue;
		if (t->word) {
			bits[(t->word - 1) / 64] |= 1ull << (t->word - 1) % 64;
			continue;
		}
		size_t k = t->hash & (cap - 1);
		while (v[k] && !same_word(s, &s->t.v[v[k] - 1], t))
			k = (k + 1) & (cap - 1);
		if (v[k])
			continue; /* (one entry a word) */
		v[k] = (uint32_t)i + 1;
		if (2 * ++n > cap)
			v = lower_grow(s, v, &cap);
	}
	if (!v || !bits) {
		free(v);
		free(bits);
		s->err = FC_ENOMEM;
		return false;
	}
	s->lower = v;
	s->lower_mask = cap - 1;
	s->lower_words = bits;
	return true;
}

bool lx_lower_elsewhere(struct lx_scan *s, size_t i)
{
	if (!s->lower && (s->err || !lower_build(s)))
		return false;
	const struct lx_tok *t = &s->t.v[i];
	if (t->word)
		return s->lower_words[(t->word - 1) / 64] >>
			       (t->word - 1) % 64 & 1;
	for (size_t k = t->hash & s->lower_mask; s->lower[k];
	     k = (k + 1) & s->lower_mask) {
		if (same_word(s, &s->t.v[s->lower[k] - 1], t))
			return true;
	}
	return false;
}
