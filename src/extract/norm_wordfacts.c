/*
** norm_wordfacts.c: the word facts (struct norm_wordfacts), Bloom filters
** of the keys of the word tables the productions and the tense cues look
** words up in, made once by fc_norm_compile, and the hashes they are keyed
** by (norm_word_hash, norm_pair_hash). Read by norm_tense.c,
** norm_number.c, norm_quantity.c and norm_time.c to skip most hash
** lookups.
*/
#include <string.h>

#include "extract/norm_p.h"

uint32_t norm_word_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned char)s[i];
		c |= (unsigned)(c - 'A' < 26u) << 5; /* A-Z to a-z */
		h = (h ^ c) * 16777619u;
	}
	return h;
}

uint32_t norm_pair_hash(uint32_t h1, uint32_t h2)
{
	uint32_t x = h1 * 0x9e3779b1u + h2;
	x ^= x >> 15;
	x *= 0x2c1b3c6du;
	return x ^ (x >> 12);
}

static void wf_add_hash(struct norm_wordfacts *f, int t, uint32_t h,
			size_t len)
{
	uint32_t a = h % NORM_WF_BITS, b = (h >> 11) % NORM_WF_BITS;
	f->bloom[t][a / 64] |= 1ull << (a % 64);
	f->bloom[t][b / 64] |= 1ull << (b % 64);
	if (len > f->maxlen[t])
		f->maxlen[t] = (uint32_t)len;
}

static void wf_add(struct norm_wordfacts *f, int t, const char *s,
		   size_t len)
{
	wf_add_hash(f, t, norm_word_hash(s, len), len);
}

/* Table ti's keys (normalised as norm_compile.c stores them) into facts
** table t, and for hedges their first and last words. */
static void wf_table(struct norm_wordfacts *f, const struct fc_norm *n,
		     int ti, int t)
{
	if (ti < 0)
		return; /* no such table: no key passes */
	const struct norm_table *tb = &n->tables[ti];
	char buf[256];
	for (size_t k = 0; k < tb->n; k++) {
		size_t len = norm_key(tb->keys[k], strlen(tb->keys[k]), buf,
				      sizeof(buf));
		const char *sp = memchr(buf, ' ', len);
		if (t == NORM_WF_TENSE_PAIR) {
			/* looked up as two words, by norm_pair_hash: a key
			** of one word or of three is never looked up */
			size_t l1 = sp ? (size_t)(sp - buf) : 0;
			size_t l2 = len - l1 - 1;
			if (!sp || memchr(sp + 1, ' ', l2))
				continue;
			uint32_t h = norm_pair_hash(norm_word_hash(buf, l1),
						    norm_word_hash(sp + 1, l2));
			wf_add_hash(f, t, h, len);
			continue;
		}
		wf_add(f, t, buf, len);
		if (t != NORM_WF_HEDGE)
			continue;
		wf_add(f, NORM_WF_HEDGE_FIRST, buf,
		       sp ? (size_t)(sp - buf) : len);
		size_t b = len;
		while (b > 0 && buf[b - 1] != ' ')
			b--;
		wf_add(f, NORM_WF_HEDGE_LAST, buf + b, len - b);
	}
}

void norm_wordfacts_make(struct fc_norm *n)
{
	struct norm_wordfacts *f = &n->wf;
	memset(f, 0, sizeof(*f));
	wf_table(f, n, n->t_hedge, NORM_WF_HEDGE);
	wf_table(f, n, n->t_future, NORM_WF_FUTURE);
	wf_table(f, n, n->t_past, NORM_WF_PAST);
	wf_table(f, n, n->t_passive, NORM_WF_PASSIVE);
	wf_table(f, n, n->t_tense_word, NORM_WF_TENSE_WORD);
	wf_table(f, n, n->t_tense_pair, NORM_WF_TENSE_PAIR);
	wf_table(f, n, n->t_past_suffix, NORM_WF_PAST_SUFFIX);
	wf_table(f, n, n->t_number, NORM_WF_NUMBER);
	wf_table(f, n, n->t_scale, NORM_WF_SCALE);
	wf_table(f, n, n->t_scale_plural, NORM_WF_SCALE_PLURAL);
	wf_table(f, n, n->t_scale_short, NORM_WF_SCALE_SHORT);
	wf_table(f, n, n->t_ordinal, NORM_WF_ORDINAL);
	wf_table(f, n, n->t_frac_den, NORM_WF_FRAC_DEN);
	wf_table(f, n, n->t_frac_one, NORM_WF_FRAC_ONE);
	wf_table(f, n, n->t_frac_tens, NORM_WF_FRAC_TENS);
	wf_table(f, n, n->t_article, NORM_WF_ARTICLE);
	wf_table(f, n, n->t_joiner, NORM_WF_JOINER);
	wf_table(f, n, n->t_point, NORM_WF_POINT);
	wf_table(f, n, n->t_of, NORM_WF_OF);
	wf_table(f, n, norm_table_find(n, "game_cue"), NORM_WF_GAME);
	f->is_made = true;
}
