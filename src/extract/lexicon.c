/*
** lexicon.c: the lexicon stage over one document.
**
** fc_lexicon_doc() tokenizes a document once, finds the longest phrase
** at every token, and runs three passes over the tokens: entities with
** coreference (entity_scan.c), cues and attributions (cue_scan.c), and
** quotes with their speakers (quote_scan.c). The lexicon it reads is
** made by fc_lexicon_compile() (lexicon_compile.c).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon_p.h"
#include "extract/lx_prose.h"
#include "extract/norm_ref.h"

/* ---- Document ---------------------------------------------------------- */

struct fc_mention *lx_emit(struct lx_scan *s, enum fc_mention_kind kind,
			   uint32_t start, uint32_t end, const char *rule)
{
	struct fc_mention *m = fc_doc_push_mention(s->a, s->doc);
	if (!m) {
		s->err = FC_ENOMEM;
		return NULL;
	}
	m->kind = kind;
	m->start = start;
	m->end = end;
	m->rule = rule;
	return m;
}

/* Is token t past off: ending after it (by_end), or starting at it or
** later? Both hold from some token on, since tokens ascend. */
static bool past(const struct lx_tok *t, uint32_t off, bool by_end)
{
	return by_end ? t->end > off : t->start >= off;
}

/*
** The first token in [lo, hi) past off, searched from lo by doubling
** steps, then halving: O(log d) for an answer d tokens on, so nearby
** answers (mentions come roughly in text order) cost a few steps.
*/
__attribute__((always_inline)) static inline size_t
first_past(const struct lx_tok *v, size_t lo, size_t hi,
			 uint32_t off, bool by_end)
{
	size_t step = 1;
	while (lo + step < hi && !past(&v[lo + step - 1], off, by_end)) {
		lo += step;
		step *= 2;
	}
	if (lo + step < hi)
		hi = lo + step;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (past(&v[mid], off, by_end))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/*
** Tokens inside time and quantity mentions are blocked: a token is when
** it overlaps one. The tokens a mention overlaps are a range found by
** galloping search, marked LX_T_BLOCKED at once: a range that starts
** no earlier than the last such one from the end of those marked before
** (done_to), so these mark each token once; any other range (the
** normalizer's mentions come in rule order: four in ten on news) whole,
** while a budget of 2 marks a token lasts. Past it, open gets +1 at a
** range's first token and -1 after its last (indexes from t0), and a
** running sum at the end marks them in linear time however the mentions
** nest (a pass of its own, for such texts only: the passes over every
** token test no array).
*/
__attribute__((noinline)) static fc_status block_spans(struct lx_scan *s)
{
	const struct fc_document *doc = s->doc;
	struct lx_tok *tv = s->t.v;
	size_t t0 = s->t0, nt = s->t.n - t0;
	int32_t *open = NULL;
	size_t at = t0; /* where the last mention started */
	size_t last_lo = t0, done_to = t0;
	size_t budget = 2 * nt + 64; /* marks out of order */
	for (size_t i = 0; i < doc->nmentions; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		if (m->kind != FC_MENTION_TIME && m->kind != FC_MENTION_QUANTITY)
			continue;
		/* before the last one: back by doubling steps from there */
		size_t from = at;
		for (size_t step = 1;
		     from > t0 && past(&tv[from - 1], m->start, true);
		     step *= 2)
			from = from - t0 > step ? from - step : t0;
		size_t lo = at = first_past(tv, from, s->t.n, m->start, true);
		size_t hi = first_past(tv, lo, s->t.n, m->end, false);
		if (lo >= hi)
			continue;
		if (lo >= last_lo) { /* in order: [lo, done_to) is marked */
			last_lo = lo;
			for (size_t k = lo > done_to ? lo : done_to; k < hi; k++)
				tv[k].flags |= LX_T_BLOCKED;
			if (hi > done_to)
				done_to = hi;
		} else if (hi - lo <= budget) {
			budget -= hi - lo;
			for (size_t k = lo; k < hi; k++)
				tv[k].flags |= LX_T_BLOCKED;
		} else {
			if (!open && !(open = calloc(nt + 1, sizeof(*open))))
				return FC_ENOMEM;
			open[lo - t0]++;
			open[hi - t0]--;
		}
	}
	if (open) {
		int32_t depth = 0; /* time and quantity mentions open */
		for (size_t k = t0; k < s->t.n; k++)
			if ((depth += open[k - t0]) > 0)
				tv[k].flags |= LX_T_BLOCKED;
		free(open);
	}
	return FC_OK;
}

/*
** Hard-wrapped wire text (Reuters: lines of about 65 columns) breaks a
** line inside a name: "Honda" / "Motor Corp", "its Hong" / "Kong
** office". Such a break is a space when the line before it is 40 to
** 100 bytes wide and ends in a word (or a comma before a word), the
** next line goes on at its first column (no indent, no blank line), and
** the text shows wrapping: the next line begins in lower case, or it is
** no wider than 100 bytes and the break before or after this one is
** such a break ("... is not under" / "pressure to ..."). Text of a
** paragraph a line, whose lines end in full stops, and headlines over a
** dateline keep their breaks. Only the text is read, so a text read in
** pieces gets the same breaks. The token after the break loses LX_T_NL
** (in mark_sentences' pass).
*/
#define WRAP_MIN 40
#define WRAP_MAX 100

/* The start of the line that ends at byte e: after the last '\n'
** before e, or 0; SIZE_MAX when that is more than WRAP_MAX bytes back. */
static size_t line_back(const char *text, size_t e)
{
	/* (its width is the text's: "\r\n" and trailing blanks read as
	** "\n", a line of 100 bytes is one whatever its end) */
	while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
			 text[e - 1] == '\r'))
		e--;
	size_t lim = e > WRAP_MAX + 1 ? e - WRAP_MAX - 1 : 0;
	const char *p = memrchr(text + lim, '\n', e - lim);
	if (p)
		return (size_t)(p - text) + 1;
	return lim == 0 ? 0 : SIZE_MAX;
}

static bool is_alnum_byte(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u ||
	       (unsigned)(c - '0') < 10u || c >= 0x80;
}

/* Is the line [ls, nl) a wrapped line: WRAP_MIN to WRAP_MAX wide,
** ending in a word or a comma? */
static bool is_wrap_line(const char *text, size_t ls, size_t nl)
{
	size_t e = nl;
	if (ls == SIZE_MAX)
		return false;
	while (e > ls && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
			  text[e - 1] == '\r'))
		e--;
	if (e - ls < WRAP_MIN || e - ls > WRAP_MAX)
		return false;
	unsigned char c = (unsigned char)text[e - 1];
	return is_alnum_byte(c) || c == ',';
}

/* Is the '\n' at nl (text of len bytes; its line starts at ls) a break
** inside a sentence, the next line going on in lower case? */
static bool is_open_break(const char *text, size_t len, size_t ls, size_t nl)
{
	return nl + 1 < len && text[nl] == '\n' &&
	       (unsigned)((unsigned char)text[nl + 1] - 'a') < 26u &&
	       is_wrap_line(text, ls, nl);
}

/* The lines around the last break looked at: [ls, le) and the start of
** the one before (pls), so the next break reads no line twice; and the
** start of the line of the last token after a line break (mark_sentences;
** SIZE_MAX before the first), where the line up to the next break
** begins: no token between holds or follows a line break. */
struct wrap_lines {
	size_t pls, ls, le;
	size_t at;
};

/* line_back(text, e) for the line that starts at ls (the byte after the
** last '\n' before e; ls > 0), without reading it back. */
static size_t line_back_at(const char *text, size_t e, size_t ls)
{
	while (e > ls && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
			  text[e - 1] == '\r'))
		e--;
	/* (line_back looks WRAP_MAX + 1 bytes back for the '\n') */
	size_t lim = e > WRAP_MAX + 1 ? e - WRAP_MAX - 1 : 0;
	return ls - 1 >= lim ? ls : SIZE_MAX;
}

/* Is the line break before token i (a word after a single break) a
** space? */
__attribute__((noinline)) static bool is_soft_break(const struct lx_scan *s,
						    size_t i,
						    struct wrap_lines *w)
{
	const struct lx_tok *tv = s->t.v;
	const char *text = s->text;
	size_t len = s->doc->text_len;
	uint16_t f = tv[i].flags;
	/* one break right before the token, no indent */
	size_t ge = tv[i].start, nl = ge - 1;
	if (text[nl] != '\n')
		return false;
	size_t ls, pls = SIZE_MAX;
	if (w->le == nl) {
		ls = w->ls;
		pls = w->pls;
	} else if (w->at != SIZE_MAX) {
		ls = line_back_at(text, nl, w->at);
	} else {
		ls = line_back(text, nl);
	}
	if (!is_wrap_line(text, ls, nl))
		return false;
	if (!(f & (LX_T_CAP | LX_T_DIGIT))) {
		w->le = SIZE_MAX; /* (the next line is not read) */
		return true;
	}
	/* the next line: no wider than WRAP_MAX but for trailing blanks,
	** so that a text cut where its blank line's white space begins
	** (the stream's pieces) reads its last line as the whole text does */
	size_t left = len - ge;
	size_t look = left < WRAP_MAX ? left : WRAP_MAX;
	const char *q = memchr(text + ge, '\n', look);
	for (size_t k = ge + look; !q && k < len; k++) {
		if (text[k] == '\n')
			q = text + k;
		else if (text[k] != ' ' && text[k] != '\t' && text[k] != '\r')
			return false; /* the next line is wider */
	}
	size_t qe = q ? (size_t)(q - text) : len;
	*w = (struct wrap_lines){ls, ge, qe, w->at};
	if (ls > 0) {
		if (pls == SIZE_MAX)
			pls = line_back(text, ls - 1);
		if (is_open_break(text, len, pls, ls - 1))
			return true;
	}
	return q && is_open_break(text, len, ge, qe);
}

/*
** A line of a sentence, tokens [a, b), is a headline when it has three
** or more longer words (nwords), nearly all capitalised (ncap) and no
** full stop after it: its tokens get LX_T_HEADLINE.
*/
static void mark_headline(struct lx_scan *s, size_t a, size_t b, int nwords,
			  int ncap)
{
	if (nwords < 3 || ncap * 10 < nwords * 8)
		return;
	struct lx_tok *tv = s->t.v;
	/* Name-heavy prose ("Trump met Putin in Anchorage on Friday.")
	** ends with a full stop; a headline does not. */
	size_t len = s->doc->text_len;
	const char *text = s->text;
	uint32_t e = tv[b - 1].end;
	while (e < len && (text[e] == '"' || text[e] == '\'' || text[e] == ')'))
		e++;
	bool is_stopped = (e < len && text[e] == '.') ||
			  (e > 0 && text[e - 1] == '.');
	if (!is_stopped)
		for (size_t i = a; i < b; i++)
			tv[i].flags |= LX_T_HEADLINE;
}

/*
** Each token's own gazetteer slot (t->word, for the passes) and
** LX_T_STOP for a stop word's, and the words in lower case right after
** a function word (s->lowers), in one pass (mark_words); is_probed: by
** the hash array, else lx_gaz_find_slow. (A pass of its own: with
** mark_sentences' state in the same loop, or in the tokenizer's, the
** probe's ran out of registers: 7 M instructions more on norm2 there.)
*/
__attribute__((always_inline)) static inline void
words_pass(struct lx_scan *s, bool is_probed)
{
	struct lx_tok *tv = s->t.v;
	size_t n = s->t.n, t0 = s->t0;
	/* the gazetteer's arrays in locals (stores to the tokens could
	** alias them for all the compiler knows) */
	const struct fc_lexicon *l = s->l;
	const uint32_t *hashes = l->hashes;
	const struct lx_slot *slots = l->slots;
	size_t mask = l->capslots - 1;
	const char *norm = s->t.norm;
	/* the lower-case words (lx_prose_lower, the test coref_track.c
	** makes too; the flags it reads are final here), tested with the
	** flags of the token before */
	uint32_t *lowers = s->lowers;
	size_t nlowers = 0;
	uint16_t prev_f = t0 > 0 ? tv[t0 - 1].flags : 0;
	for (size_t i = t0; i < n; i++) {
		struct lx_tok *t = &tv[i];
		/* its own slot + 1, 0 when none (a form longer than
		** LX_MAX_KEY, the longest key lx_gaz_add takes, finds none:
		** the probe compares lengths before bytes) */
		size_t ix;
		if (is_probed) {
			ix = lx_gaz_probe_ix(hashes, slots, mask,
					     norm + t->norm_off, t->norm_len,
					     t->hash);
		} else {
			const struct lx_slot *sl = lx_gaz_find_slow(
				l, norm + t->norm_off, t->norm_len, t->hash);
			ix = sl ? (size_t)(sl - slots) + 1 : 0;
		}
		t->word = (uint32_t)ix;
		uint16_t f = t->flags;
		if (ix && slots[ix - 1].is_stop)
			f |= LX_T_STOP;
		t->flags = f;
		if (lx_prose_lower(f, prev_f))
			lowers[nlowers++] = (uint32_t)i;
		prev_f = f;
	}
	s->nlowers = nlowers;
}
__attribute__((noinline)) static void mark_words(struct lx_scan *s)
{
	/* (a loop of each kind: no test of is_probed per token) */
	if (s->l->hashes && s->l->capslots)
		words_pass(s, true);
	else /* (a gazetteer without its hash array: lx_gaz_find_slow) */
		words_pass(s, false);
}

/*
** Sentence numbers, sentence starts, and title-case (headline) lines,
** in one pass (after mark_words: the flags are final but for these).
*/
__attribute__((noinline)) static void mark_sentences(struct lx_scan *s)
{
	const struct fc_document *doc = s->doc;
	struct lx_tok *tv = s->t.v;
	size_t n = s->t.n, t0 = s->t0;
	const struct fc_sentence *sv = doc->sentences;
	size_t ns = doc->nsentences, si = 0;
	/* the first token at or past bound starts a later sentence */
	uint32_t bound = ns ? sv[0].end : UINT32_MAX;
	/* a token before fast_bound on the line of the token before it
	** (most) goes on its sentence and line: no test but the headline
	** count's (0: every token is tested, sentences found from the
	** tokens) */
	uint32_t fast_bound = ns ? bound : 0;
	uint32_t sent = ns ? s->sent_base : 0;
	int need_start = 1;
	/* the line of a sentence so far (mark_headline) */
	size_t line = t0;
	int nwords = 0, ncap = 0;
	/* (a line a name goes on from, lx_is_name_break: prose, no
	** headline however many capitals its names hold) */
	bool is_named = false;
	struct wrap_lines wrap = {SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX};
	for (size_t i = t0; i < n; i++) {
		struct lx_tok *t = &tv[i];
		uint16_t f = t->flags;
		if (!(f & LX_T_NL) && t->start < fast_bound) {
			t->sent = sent;
			if (need_start && (f & LX_T_WORD)) {
				t->flags = f | LX_T_SSTART;
				need_start = 0;
			}
			if ((f & (LX_T_WORD | LX_T_DIGIT | LX_T_STOP)) ==
				    LX_T_WORD &&
			    t->end - t->start >= 4) {
				nwords++;
				ncap += (f & LX_T_CAP) != 0;
			}
			continue;
		}
		/* (a wrapped line's break before a word: a space, here
		** before the sentences and phrases read it) */
		uint16_t nl_before = f & LX_T_NL;
		bool is_name_break = false;
		if ((f & (LX_T_NL | LX_T_PARA | LX_T_WORD)) ==
			    (LX_T_NL | LX_T_WORD) &&
		    i > t0 &&
		    ((tv[i - 1].flags & LX_T_WORD) ||
		     (tv[i - 1].end - tv[i - 1].start == 1 &&
		      s->text[tv[i - 1].start] == ',')) &&
		    (is_soft_break(s, i, &wrap) ||
		     (is_name_break = lx_is_name_break(s, i))))
			t->flags = f &= (uint16_t)~LX_T_NL;
		if (nl_before) {
			/* its line: after the '\n' in the white space before
			** it (a few bytes back) */
			size_t at = t->start;
			while (at > 0 && s->text[at - 1] != '\n')
				at--;
			wrap.at = at > 0 ? at : SIZE_MAX;
		}
		bool is_new_line = i > t0 && (f & LX_T_NL);
		if (ns) {
			if (t->start >= bound) {
				while (si < ns && sv[si].end <= t->start)
					si++;
				bound = si < ns ? sv[si].end : UINT32_MAX;
				fast_bound = bound;
				sent = s->sent_base + (uint32_t)si;
				need_start = 1;
				is_new_line = true;
			}
			if (f & LX_T_NL)
				need_start = 1;
		} else if (i > t0) {
			const struct lx_tok *p = &tv[i - 1];
			char c = s->text[p->start];
			int ends = p->end - p->start == 1 &&
				   (c == '.' || c == '!' || c == '?');
			if ((ends && (f & (LX_T_CAP | LX_T_QOPEN))) ||
			    (f & LX_T_NL)) {
				sent++;
				need_start = 1;
				is_new_line = true;
			}
		}
		t->sent = sent;
		if (need_start && (f & LX_T_WORD)) {
			t->flags |= LX_T_SSTART;
			need_start = 0;
		}
		/* (a name goes on over the break: the lines both sides are
		** prose, a sentence's end there aside) */
		is_named |= is_name_break;
		if (is_new_line) {
			if (!is_named)
				mark_headline(s, line, i, nwords, ncap);
			line = i;
			nwords = ncap = 0;
			is_named = is_name_break;
		}
		if ((f & (LX_T_WORD | LX_T_DIGIT | LX_T_STOP)) == LX_T_WORD &&
		    t->end - t->start >= 4) {
			nwords++;
			ncap += (f & LX_T_CAP) != 0;
		}
	}
	if (n > t0 && !is_named)
		mark_headline(s, line, n, nwords, ncap);
}

/* The longest phrase with a usable sense at token i, whose word w
** starts longer phrases (match_all: the phrases of one token). Out of
** line: inlined, its state crowded match_all's loop. */
__attribute__((noinline)) static void match_phrase(struct lx_scan *s,
						   size_t i)
{
	const struct fc_lexicon *l = s->l;
	struct lx_tok *tv = s->t.v;
	size_t n = s->t.n;
	struct lx_tok *t = &tv[i];
	bool has_blocked = false;
	uint32_t h = t->hash;
	const struct lx_slot *sl = NULL; /* the phrase of k - 1 tokens */
	for (size_t k = 1; k <= LX_MAX_PHRASE && i + k <= n; k++) {
		const struct lx_tok *last = &tv[i + k - 1];
		if (k > 1 && (last->flags & LX_T_NL))
			break;
		/* Only group cues may hold a number ("the two
		** leaders"); other phrases stop at times and
		** quantities. */
		if (k > 1 && (last->flags & LX_T_BLOCKED)) {
			if (k > 3)
				break;
			has_blocked = true;
		}
		if (k > 1) { /* the key goes on: a space, the token */
			/* (no longer phrase goes on with a token of its hash) */
			if (!(sl->next >> LX_NEXT_BIT(last->hash) & 1))
				break;
			size_t len;
			const char *key = lx_key(&s->t, i, k, &len);
			if (len > LX_MAX_KEY)
				break;
			h = lx_hash_join(h, last->hash);
			sl = lx_gaz_find_h(l, key, len, h);
		} else { /* (t->word: its key is short enough) */
			sl = &l->slots[t->word - 1];
		}
		if (!sl)
			break;
		for (const struct lx_sense *se = sl->senses; se;
		     se = se->next)
			if (lx_sense_ok(s, se, i) &&
			    (!has_blocked ||
			     (se->kind == LX_S_CUE &&
			      se->cue_kind == LX_CUE_GROUP))) {
				t->match = sl;
				t->match_ntok = (uint8_t)k;
				break;
			}
		if (!sl->is_prefix)
			break;
	}
}

/* The longest phrase at every token, and the tokens each pass visits
** (s->ents, s->cues, s->quotes: the others it would skip). */
__attribute__((noinline)) static fc_status match_all(struct lx_scan *s)
{
	struct lx_tok *tv = s->t.v;
	size_t n = s->t.n, nt = n - s->t0;
	uint32_t *ents = malloc((3 * nt + 1) * sizeof(*ents));
	if (!ents)
		return FC_ENOMEM;
	s->visit_mem = ents;
	uint32_t *cues = ents + nt, *quotes = cues + nt;
	size_t nents = 0, ncues = 0, nquotes = 0;
	size_t stop_end = 0; /* tokens of a phrase of stop words end here */
	const struct lx_slot *slots = s->l->slots;
	for (size_t i = s->t0; i < n; i++) {
		struct lx_tok *t = &tv[i];
		uint16_t f = t->flags;
		if (f & (LX_T_QOPEN | LX_T_QCLOSE | LX_T_NL))
			quotes[nquotes++] = (uint32_t)i;
		if (f & LX_T_BLOCKED)
			continue;
		/* (every start of a phrase is a key: no word, no phrase,
		** and t->match stays NULL, as the tokenizer left it) */
		const struct lx_slot *m = NULL;
		if (t->word) {
			const struct lx_slot *w = &slots[t->word - 1];
			/* (a longer phrase only when the next token may go on
			** one: on its line, of a hash some phrase goes on
			** with; else, as match_phrase would find, the word's) */
			if (w->is_prefix && i + 1 < n &&
			    !(tv[i + 1].flags & LX_T_NL) &&
			    (w->next >> LX_NEXT_BIT(tv[i + 1].hash) & 1)) {
				match_phrase(s, i);
				m = t->match;
			} else { /* (most words: the phrase of one token) */
				for (const struct lx_sense *se = w->senses; se;
				     se = se->next)
					if (lx_sense_ok(s, se, i)) {
						t->match = m = w;
						t->match_ntok = 1;
						break;
					}
			}
		}
		if (m && (f & LX_T_CAP) && m->kinds == 1u << LX_S_CUE &&
		    !(m->cues & ~LX_LOWER_CUES))
			t->match = m = NULL; /* a name's word (LX_LOWER_CUES) */
		if (!m) {
			if ((f & (LX_T_WORD | LX_T_CAP)) ==
			    (LX_T_WORD | LX_T_CAP) && i >= stop_end)
				ents[nents++] = (uint32_t)i;
			continue;
		}
		/* (a phrase of stop words is no name, nor a part of one:
		** "New Year", no "Year 's Eve" after it; nor is a
		** government's noun, "the Ministry of Health", no "Health
		** said" in it) */
		if (t->match_ntok > 1 && m->kinds == 1u << LX_S_CUE &&
		    (m->cues == 1u << LX_CUE_STOP ||
		     m->cues == 1u << LX_CUE_GOV_NOUN) &&
		    i + t->match_ntok > stop_end)
			stop_end = i + t->match_ntok;
		/* (a capitalised particle may open a name: "Al Gore", "Abu
		** Mazen") */
		if ((f & LX_T_WORD) && i >= stop_end &&
		    ((m->kinds & ~(1u << LX_S_CUE)) || (m->cues & START_CUES) ||
		     ((f & (LX_T_CAP | LX_T_UPPER)) == LX_T_CAP &&
		      (m->cues >> LX_CUE_PARTICLE & 1))))
			ents[nents++] = (uint32_t)i;
		if (m->cues & PASS_B_CUES)
			cues[ncues++] = (uint32_t)i;
	}
	s->ents = (struct lx_visits){ents, nents};
	s->cues = (struct lx_visits){cues, ncues};
	s->quotes = (struct lx_visits){quotes, nquotes};
	return FC_OK;
}

fc_status fc_lexicon_doc(const struct fc_rules *r, struct fc_arena *a,
			 struct fc_document *doc, struct fc_diags *d)
{
	(void)d;
	const struct fc_lexicon *l = r->lexicon;
	if (!l || !l->is_compiled || !doc->text || !doc->text_len)
		return FC_OK;
	if (doc->text_len > UINT32_MAX / 2)
		return FC_ELIMIT;
	struct lx_emap made = {0};
	struct lx_names names = {0};
	struct lx_scan s = {.l = l, .a = a, .pa = a, .doc = doc,
			    .text = doc->text, .made = &made, .names = &names};
	struct norm_ref ref;
	if (doc->published && fc_norm_ref_parse(doc->published, &ref)) {
		s.doc_days = ref.days;
		s.has_date = true;
	}
	fc_status st;
	if (doc->piece) {
		if ((st = lx_piece_begin(&s, doc->piece)))
			goto done;
		st = lx_tokenize_from(&s.t, doc->text, doc->piece->text_start,
				      doc->text_len);
	} else {
		st = lx_tokenize(&s.t, doc->text, doc->text_len);
		s.interned = calloc(l->nents + 1, sizeof(*s.interned));
		if (!st && !s.interned)
			st = FC_ENOMEM;
	}
	if (st)
		goto done;
	if ((st = block_spans(&s)))
		goto done;
	if (!(s.lowers = malloc((s.t.n - s.t0 + 1) * sizeof(*s.lowers)))) {
		st = FC_ENOMEM;
		goto done;
	}
	mark_words(&s);
	mark_sentences(&s);
	if ((st = match_all(&s)))
		goto done;
	lx_scan_entities(&s);
	lx_type_names(&s);
	if (!s.err)
		lx_scan_cues(&s);
	if (!s.err)
		lx_scan_quotes(&s);
	for (size_t i = s.m0; i < s.nments && !s.err; i++) {
		const struct lx_ment *m = &s.ments[i];
		struct fc_mention *fm =
			lx_emit(&s, FC_MENTION_ENTITY, s.t.v[m->t0].start,
				s.t.v[m->t1 - 1].end, m->rule);
		if (fm)
			fm->entity = *m->ent;
	}
	st = s.err;
done:
	if (doc->piece) {
		lx_piece_end(&s, doc->piece); /* takes over what it keeps */
		if (!st)
			st = s.err;
	}
	lx_toks_finish(&s.t);
	lx_emap_finish(&made);
	lx_names_finish(&names);
	free(s.ments);
	lx_persons_finish(&s);
	free(s.attrs);
	free(s.interned);
	free(s.visit_mem);
	free(s.lower);
	free(s.lower_words);
	free(s.lowers);
	return st;
}
