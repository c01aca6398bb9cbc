/*
** lexicon_piece.c: the lexicon's state across the pieces of a long text
** (struct fc_piece), so that a text read in pieces gets the mentions it
** gets read whole, but for what looks at the whole document: a name's
** type given by a cue later in the text, a word written in lower case
** elsewhere, and "the Bank" as the body named before reach within the
** piece only (texts over 256 KiB; their tests say so); a firm's short
** name (coref.org, lx_firm_short) reaches a full name in the last
** KEEP_TOKS tokens of the piece before at most, as it reads the full
** name's tokens.
**
** Pieces are cut at blank lines, which no phrase, name, quote or
** attribution crosses; what reaches further back is carried over:
**   - the document's persons (surnames, ids) and interned entities;
**   - the last entity mentions: LX_LOOKBACK of them (the role and group
**     look-backs) and every one within three sentences (pronouns);
**   - the attributions within three sentences (pronouns);
**   - the last KEEP_TOKS tokens, with their text kept before the next
**     piece (a place word two tokens back, a comma before "said").
** Carried mentions and attributions keep their sentence numbers; their
** token numbers are renumbered with the kept tokens (0 when before).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon_p.h"
#include "extract/norm_p.h"

#define KEEP_TOKS 16 /* tokens kept before the next piece */
#define KEEP_SENTS 3 /* last_person looks three sentences back */

struct fc_lexicon_state {
	struct fc_arena arena; /* entities and surnames of the whole text */
	struct lx_person *persons;
	size_t npersons, cappersons;
	struct lx_pmap by_id, by_surname;
	const struct fc_entity **interned;
	struct lx_tok *toks; /* the last tokens, numbered from 0 */
	size_t ntoks;
	char *norm; /* their normalised forms */
	size_t norm_len;
	struct lx_ment *ments;
	size_t nments;
	struct lx_attr *attrs;
	size_t nattrs;
	struct lx_emap made; /* entities made for names and groups */
	struct lx_names names; /* the text's typed names (keys in arena) */
	struct lx_toks spare; /* the last piece's token arrays, reused */
	uint64_t base; /* whole-text offset of the last piece's text[0] */
};

static uint32_t back(uint32_t t, uint32_t d)
{
	return t > d ? t - d : 0;
}

fc_status lx_piece_begin(struct lx_scan *s, struct fc_piece *p)
{
	struct fc_lexicon_state *st = p->lexicon;
	if (!st) {
		st = p->lexicon = calloc(1, sizeof(*st));
		if (!st)
			return FC_ENOMEM;
		fc_arena_init(&st->arena);
		st->interned = calloc(s->l->nents + 1, sizeof(*st->interned));
		if (!st->interned)
			return FC_ENOMEM;
		st->base = p->text_base;
	}
	s->pa = &st->arena;
	s->made = &st->made;
	s->names = &st->names;
	s->sent_base = p->sent_base;
	/* the persons move to the scan, and back at the end */
	s->persons = st->persons;
	s->npersons = st->npersons;
	s->cappersons = st->cappersons;
	s->by_id = st->by_id;
	s->by_surname = st->by_surname;
	s->interned = st->interned;
	st->persons = NULL;
	st->by_id.v = st->by_surname.v = NULL;
	st->interned = NULL;
	/* tokens whose text the new piece still has */
	uint64_t shift = p->text_base - st->base;
	size_t d = 0;
	while (d < st->ntoks && st->toks[d].start < shift)
		d++;
	size_t k = st->ntoks - d;
	/* the arrays of the last piece, grown to its size already */
	s->t = st->spare;
	s->t.n = s->t.norm_len = 0;
	memset(&st->spare, 0, sizeof(st->spare));
	if (k) {
		size_t n0 = st->toks[d].norm_off;
		size_t nlen = st->norm_len - n0;
		if (lx_toks_reserve(&s->t, k, nlen + 1))
			return FC_ENOMEM;
		memcpy(s->t.norm, st->norm + n0, nlen);
		s->t.norm_len = nlen;
		for (size_t i = 0; i < k; i++) {
			struct lx_tok t = st->toks[d + i];
			t.start -= (uint32_t)shift;
			t.end -= (uint32_t)shift;
			t.norm_off -= (uint32_t)n0;
			s->t.v[i] = t;
		}
		s->t.n = k;
	}
	s->t0 = (uint32_t)k;
	if (st->nments) {
		s->ments = malloc(st->nments * sizeof(*s->ments));
		if (!s->ments)
			return FC_ENOMEM;
		s->capments = st->nments;
		for (size_t i = 0; i < st->nments; i++) {
			struct lx_ment m = st->ments[i];
			m.t0 = back(m.t0, (uint32_t)d);
			m.t1 = back(m.t1, (uint32_t)d);
			s->ments[i] = m;
		}
	}
	s->nments = s->m0 = st->nments;
	if (st->nattrs) {
		s->attrs = malloc(st->nattrs * sizeof(*s->attrs));
		if (!s->attrs)
			return FC_ENOMEM;
		s->capattrs = st->nattrs;
		for (size_t i = 0; i < st->nattrs; i++) {
			struct lx_attr a = st->attrs[i];
			a.t0 = back(a.t0, (uint32_t)d);
			a.t1 = back(a.t1, (uint32_t)d);
			a.verb = back(a.verb, (uint32_t)d);
			s->attrs[i] = a;
		}
	}
	s->nattrs = st->nattrs;
	return FC_OK;
}

void lx_piece_end(struct lx_scan *s, struct fc_piece *p)
{
	struct fc_lexicon_state *st = p->lexicon;
	if (!st)
		return;
	st->persons = s->persons;
	st->npersons = s->npersons;
	st->cappersons = s->cappersons;
	st->by_id = s->by_id;
	st->by_surname = s->by_surname;
	st->interned = s->interned;
	s->persons = NULL;
	s->by_id.v = s->by_surname.v = NULL;
	s->interned = NULL;
	if (s->err)
		return;
	uint32_t next_sent = p->sent_base + (uint32_t)s->doc->nsentences;
	/* the last tokens */
	size_t n = s->t.n, k = n < KEEP_TOKS ? n : KEEP_TOKS;
	uint32_t tdrop = (uint32_t)(n - k);
	/* the mentions the look-backs reach */
	size_t mk = s->nments > LX_LOOKBACK ? s->nments - LX_LOOKBACK : 0;
	while (mk > 0 && s->ments[mk - 1].sent + KEEP_SENTS >= next_sent)
		mk--;
	size_t ak = s->nattrs;
	while (ak > 0 && s->attrs[ak - 1].sent + KEEP_SENTS >= next_sent)
		ak--;
	size_t n0 = k ? s->t.v[n - k].norm_off : s->t.norm_len;
	size_t nlen = s->t.norm_len - n0;
	void *tv = realloc(st->toks, (k ? k : 1) * sizeof(*st->toks));
	void *nv = realloc(st->norm, nlen + 1);
	void *mv = realloc(st->ments,
			   (s->nments - mk + 1) * sizeof(*st->ments));
	void *av = realloc(st->attrs,
			   (s->nattrs - ak + 1) * sizeof(*st->attrs));
	if (tv)
		st->toks = tv;
	if (nv)
		st->norm = nv;
	if (mv)
		st->ments = mv;
	if (av)
		st->attrs = av;
	if (!tv || !nv || !mv || !av) {
		s->err = FC_ENOMEM;
		return;
	}
	for (size_t i = 0; i < k; i++) {
		struct lx_tok t = s->t.v[n - k + i];
		t.norm_off -= (uint32_t)n0;
		t.ment = t.ment == FC_NONE || t.ment < mk
				 ? FC_NONE
				 : t.ment - (uint32_t)mk;
		st->toks[i] = t;
	}
	st->ntoks = k;
	if (nlen)
		memcpy(st->norm, s->t.norm + n0, nlen);
	st->norm_len = nlen;
	for (size_t i = mk; i < s->nments; i++) {
		struct lx_ment m = s->ments[i];
		m.t0 = back(m.t0, tdrop);
		m.t1 = back(m.t1, tdrop);
		st->ments[i - mk] = m;
	}
	st->nments = s->nments - mk;
	for (size_t i = ak; i < s->nattrs; i++) {
		struct lx_attr a = s->attrs[i];
		a.t0 = back(a.t0, tdrop);
		a.t1 = back(a.t1, tdrop);
		a.verb = back(a.verb, tdrop);
		st->attrs[i - ak] = a;
	}
	st->nattrs = s->nattrs - ak;
	st->base = p->text_base;
	p->keep_from = k ? s->t.v[n - k].start : s->doc->text_len;
	/* the next piece tokenizes into these arrays */
	lx_toks_finish(&st->spare);
	st->spare = s->t;
	memset(&s->t, 0, sizeof(s->t));
}

void fc_piece_finish(struct fc_piece *p)
{
	if (!p)
		return;
	struct fc_lexicon_state *st = p->lexicon;
	if (st) {
		free(st->persons);
		free(st->by_id.v);
		free(st->by_surname.v);
		free(st->interned);
		free(st->toks);
		free(st->norm);
		free(st->ments);
		free(st->attrs);
		lx_toks_finish(&st->spare);
		lx_emap_finish(&st->made);
		lx_names_finish(&st->names);
		fc_arena_finish(&st->arena);
		free(st);
	}
	norm_walk_destroy(p->norm);
	norm_lookback_destroy(p->norm_back);
	p->lexicon = NULL;
	p->norm = NULL;
	p->norm_back = NULL;
}
