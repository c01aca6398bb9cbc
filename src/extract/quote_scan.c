/*
** quote_scan.c: pass C of the lexicon stage: direct quotes and their
** speakers.
**
** Quote marks pair up left to right: “ « „ and " open, ” » and " close
** (a straight " must touch the text it opens or closes). A quote may
** span sentences but not a line break, and is at most MAX_QUOTE bytes.
** Its speaker is the source of the nearest attribution (pass B):
**   1. one right after it:  “...”, the Kremlin added / ..." said Peskov
**                           / ...," according to TASS
**   2. the last one before it in its sentence: Peskov said: “...”,
**      Peskov said that “...”, Putin highlighted his “...”
**   3. an "according to X" anywhere in its sentences
**   4. one later in the sentence where it closes
**   5. none of these, and it opens a sentence: the speaker of the quote
**      before it, when that one is on its line (no line break between:
**      one paragraph) and no more than a sentence before it, no one
**      else's attribution comes between, and no verb of saying after
**      it in its sentence gives it to a name pass B could not read
**      ('"...," said a Ford spokesman'), nor one right after it to
**      nobody named ('"...," a fan said', '"...," the spokesman said'):
**      "...," Kihara said. "There is no guarantee ..." (news goes on
**      quoting the last speaker without saying so again). A quote inside a sentence of the reporter's
**      own ('the band had "great guitars"') goes on no one: its
**      sentence most often attributes it in a way pass B did not read.
** Scare quotes ("deescalate") follow the same rules, so they have a
** speaker only when something attributes them.
*/
#include <string.h>

#include "extract/lexicon_p.h"

#define MAX_QUOTE 4000 /* bytes */
#define NEAR_ATTRS 64  /* attributions looked at around a quote */

/* Index of the first attribution whose verb is at or after token i. */
static size_t attr_at(const struct lx_scan *s, size_t i)
{
	size_t lo = 0, hi = s->nattrs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->attrs[mid].verb < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool is_source(const struct lx_scan *s, const struct lx_attr *a)
{
	return lx_tok_cue(s, a->verb, LX_CUE_SOURCE) != NULL;
}

/* The speaker of the quote from open mark o to close mark c (rules 1 to
** 4), or NULL; *is_told: an attribution right after it in its sentence
** gives it to nobody named ('"...," a fan said'), so rule 5 carries no
** one to it. */
static const struct fc_entity *speaker_of(const struct lx_scan *s, size_t o,
					  size_t c, bool *is_told)
{
	const struct lx_tok *tv = s->t.v;
	size_t after = attr_at(s, c + 1);
	/* 1. right after the closing mark */
	if (after < s->nattrs) {
		const struct lx_attr *a = &s->attrs[after];
		size_t gap = a->t0 > c ? a->t0 - (c + 1) : 0;
		bool broken = false;
		for (size_t i = c + 1; i <= a->t0 && i < s->t.n; i++)
			if (tv[i].flags & LX_T_NL)
				broken = true;
		/* (a word between in another sentence is no inversion:
		** '"How do I look?" His assistant said') */
		bool same = a->sent == tv[c].sent;
		if (a->t0 > c && gap <= 2 && !broken && (gap == 0 || same)) {
			if (a->speaker)
				return a->speaker;
			*is_told = same && !a->is_quote_only;
		}
	}
	/* 2. the last one before the opening mark, same sentence */
	size_t before = attr_at(s, o);
	if (before > 0) {
		const struct lx_attr *a = &s->attrs[before - 1];
		if (a->t1 <= o && a->sent == tv[o].sent && a->speaker)
			return a->speaker;
	}
	/* 3. "according to X" in the quote's sentences */
	uint32_t s0 = tv[o].sent, s1 = tv[c].sent;
	size_t lo = before > NEAR_ATTRS ? before - NEAR_ATTRS : 0;
	for (size_t i = lo; i < s->nattrs && i < after + NEAR_ATTRS; i++) {
		const struct lx_attr *a = &s->attrs[i];
		uint32_t sent = a->sent;
		if (sent >= s0 && sent <= s1 && a->speaker && is_source(s, a) &&
		    (a->verb < o || a->verb > c))
			return a->speaker;
	}
	/* 4. later in the closing sentence */
	for (size_t i = after; i < s->nattrs && i < after + NEAR_ATTRS; i++) {
		const struct lx_attr *a = &s->attrs[i];
		if (a->sent != s1)
			break;
		if (a->speaker)
			return a->speaker;
	}
	return NULL;
}

/* The quote before a quote's open mark o, on its line: its close mark
** and its speaker. */
struct prev_quote {
	size_t c; /* SIZE_MAX: none */
	const struct fc_entity *speaker;
};

static bool same_entity(const struct fc_entity *a, const struct fc_entity *b)
{
	return a == b || (a->id && b->id && !strcmp(a->id, b->id));
}

/* Does a verb of saying after c in its sentence give the quote to a
** source that has a name but no speaker ('"...," said Aviator star Alan
** Alda', 'said a Ford spokesman')? A capitalised word before the verb,
** or after it before a comma, names someone pass B could not. A
** pronoun or a bare description ('it added', 'said the spokesman')
** most often means the last speaker, and does not count. */
static bool names_own_source(const struct lx_scan *s, size_t c)
{
	const struct lx_tok *tv = s->t.v;
	bool verb = false, named = false;
	for (size_t i = c + 1; i < s->t.n && tv[i].sent == tv[c].sent &&
			       !(tv[i].flags & LX_T_NL);
	     i++) {
		uint16_t f = tv[i].flags;
		if (lx_tok_cue(s, i, LX_CUE_REPORT) ||
		    lx_tok_cue(s, i, LX_CUE_QUOTE_VERB))
			verb = true;
		else if (verb && s->text[tv[i].start] == ',')
			break;
		else if ((f & (LX_T_WORD | LX_T_CAP | LX_T_SSTART)) ==
			 (LX_T_WORD | LX_T_CAP))
			named = true;
	}
	return verb && named;
}

/* Rule 5: prev's speaker, when o opens a sentence at most a sentence
** after the last sentence of prev and of its attributions, nothing
** between prev's close and o attributes words to anyone else, and
** nothing after c in its sentence gives the quote to someone named. */
static const struct fc_entity *carried_speaker(const struct lx_scan *s,
					       const struct prev_quote *prev,
					       size_t o, size_t c)
{
	if (prev->c == SIZE_MAX || !prev->speaker)
		return NULL;
	const struct lx_tok *tv = s->t.v;
	if ((o > 0 && tv[o - 1].sent == tv[o].sent) || names_own_source(s, c))
		return NULL;
	uint32_t last = tv[prev->c].sent;
	for (size_t k = attr_at(s, prev->c + 1);
	     k < s->nattrs && s->attrs[k].verb < o; k++) {
		const struct lx_attr *a = &s->attrs[k];
		if (!a->speaker || !same_entity(a->speaker, prev->speaker))
			return NULL;
		if (a->sent > last)
			last = a->sent;
	}
	return tv[o].sent <= last + 1 ? prev->speaker : NULL;
}

static void emit_quote(struct lx_scan *s, size_t o, size_t c,
		       struct prev_quote *prev)
{
	const struct lx_tok *tv = s->t.v;
	uint32_t in0 = tv[o].end, in1 = tv[c].start;
	const char *x = s->text;
	while (in0 < in1 && (x[in0] == ' ' || x[in0] == '\n'))
		in0++;
	while (in1 > in0 && (x[in1 - 1] == ' ' || x[in1 - 1] == ',' ||
			     x[in1 - 1] == '\n'))
		in1--;
	if (in1 == in0)
		return;
	struct fc_mention *m = lx_emit(s, FC_MENTION_QUOTE, tv[o].start,
				       tv[c].end, "quote");
	if (!m)
		return;
	m->inner_start = in0;
	m->inner_end = in1;
	bool is_told = false;
	m->speaker = speaker_of(s, o, c, &is_told);
	if (!m->speaker && !is_told)
		m->speaker = carried_speaker(s, prev, o, c);
	prev->c = c;
	prev->speaker = m->speaker;
}

/* Does a straight quote at i touch the next (open) or previous (close)
** token? */
static bool touches(const struct lx_scan *s, size_t i, bool is_open)
{
	const struct lx_tok *t = &s->t.v[i];
	if (s->text[t->start] != '"')
		return true;
	if (is_open)
		return i + 1 < s->t.n && s->t.v[i + 1].start == t->end;
	return i > 0 && s->t.v[i - 1].end == t->start;
}

void lx_scan_quotes(struct lx_scan *s)
{
	size_t open = SIZE_MAX;
	struct prev_quote prev = {SIZE_MAX, NULL};
	/* (the tokens stay put during the passes) */
	const struct lx_tok *tv = s->t.v;
	/* quote marks and line breaks (s->quotes): a token between them
	** past MAX_QUOTE leaves the next one past it too */
	const uint32_t *visit = s->quotes.v;
	size_t nvisit = s->quotes.n;
	for (size_t q = 0; q < nvisit && !s->err; q++) {
		size_t i = visit[q];
		const struct lx_tok *t = &tv[i];
		if (t->flags & LX_T_NL)
			prev.c = SIZE_MAX; /* a new paragraph */
		if (open != SIZE_MAX &&
		    ((t->flags & LX_T_NL) || t->start - tv[open].end > MAX_QUOTE))
			open = SIZE_MAX;
		if (!(t->flags & (LX_T_QOPEN | LX_T_QCLOSE)))
			continue;
		if (open != SIZE_MAX && (t->flags & LX_T_QCLOSE) &&
		    touches(s, i, false)) {
			emit_quote(s, open, i, &prev);
			open = SIZE_MAX;
		} else if ((t->flags & LX_T_QOPEN) && touches(s, i, true)) {
			open = i;
		}
	}
}
