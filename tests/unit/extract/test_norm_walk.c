/*
** test_norm_walk.c: what the start-string walk (norm_walk.c) learns as it
** goes must not change what it queues.
**
** The walk keeps, from stretch to stretch: the DFA's transitions, the end
** and bail bits of its states (made when a walk first ends or bails in a
** state), the ASCII pairs from which a walk for anywhere dies at once
** (pair_dead: such bytes are passed without a walk) or does not, and each
** bit set's list of pattern words (the flush reads them). So a warm walk
** (one that has read the text once) must queue, stretch for stretch, what
** a cold one queues on its first reading; and both must queue the start of
** every match the built-in patterns have (norm_check_starts). The text has
** what those paths meet: the letters a, o, p, t, y inside words (they
** start strings anywhere), digits next to letters ("5pm", "10th",
** "1990s"), bytes above ASCII inside words (the walk bails), words at the
** end of a stretch (end bits), stretches that start inside a word, and
** runs of bytes above ASCII, UTF-8 or not (read by high_run).
*/
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_p.h"

/* The pieces that are no UTF-8, last in the list (norm_check_starts
** repairs them first; test_check_starts_on_invalid_utf8). */
#define NOT_UTF8 4

/* A text of the pieces in a pseudo-random order (seed x); with the ones
** that are no UTF-8 when is_raw. */
static void make_text(struct fc_buf *b, uint32_t x, size_t nwords,
		      bool is_raw)
{
	static const char *const pieces[] = {
		"data", "potato", "typo", "at", "to", "a", "pay", "top", "yatta",
		"Tokyo", "Apollo", "PAYPAL", "5pm", "3am", "10th", "21st",
		"1990s", "12yo", "4pt", "7a", "café", "naïve", "Zoë",
		"\xE2\x84\xAA" "elvin", "ta\xC5\xBF", "March", "Monday", "2025",
		"3.5", "1,200", "$4", "40%", "twenty-five", "about", "ago",
		"last", "year", "the", "of", "in", "per", "cent", "million",
		"km", "12:30", "Q3", "today", "yesterday", "at 5", "o'clock",
		/* runs of bytes above ASCII (high_run): a symbol, a
		** character of four bytes, and (NOT_UTF8) bytes that are no
		** UTF-8: a lone lead byte, lone continuation bytes, a cut
		** sequence, a byte no UTF-8 has */
		"\xE2\x82\xAC" "5", "\xF0\x9F\x98\x80", "\xC3", "\xBF\xBF",
		"\xE2\x82", "\xFF" "3\xC3\xA9"};
	size_t npieces = sizeof(pieces) / sizeof(*pieces);
	static const char *const seps[] = {" ", " ", " ", " ", "", "-",
					   ", ", ". ", "\n"};
	fc_test_word_salad(b, x, nwords, pieces,
			   is_raw ? npieces : npieces - NOT_UTF8, seps,
			   sizeof(seps) / sizeof(*seps));
}

/* The stretches: cut at pseudo-random offsets, inside words too. */
static size_t make_cuts(uint32_t *cut, size_t max, size_t len, uint32_t x)
{
	size_t n = 0;
	cut[n++] = 0;
	while (n < max - 1) {
		x = x * 1103515245u + 12345u;
		uint32_t next = cut[n - 1] + 1 + (x >> 16) % 97;
		if (next >= len)
			break;
		cut[n++] = next;
	}
	cut[n++] = (uint32_t)len;
	return n;
}

/* Walk every stretch with cold (its first reading) and warm (its second),
** both queueing for every pattern; the queues must be equal. Returns the
** starts queued. */
static size_t compare_warm(const struct fc_rules *rules, const char *text,
			   const uint32_t *cut, size_t ncut, size_t max_states)
{
	const struct fc_norm *n = rules->norm;
	struct norm_walk *cold = norm_walk_create(n);
	struct norm_walk *warm = norm_walk_create(n);
	uint64_t *ac = calloc(n->nwords, sizeof(*ac));
	uint64_t *aw = calloc(n->nwords, sizeof(*aw));
	assert_non_null(cold);
	assert_non_null(warm);
	assert_non_null(ac);
	assert_non_null(aw);
	norm_walk_queue_all(cold);
	norm_walk_queue_all(warm);
	if (max_states) {
		norm_walk_set_max_states(cold, max_states);
		norm_walk_set_max_states(warm, max_states);
	}
	for (size_t k = 0; k + 1 < ncut; k++)
		assert_int_equal(norm_walk_stretch(warm, text, cut[k],
						   cut[k + 1], aw),
				 FC_OK);
	size_t nstarts = 0;
	for (size_t k = 0; k + 1 < ncut; k++) {
		uint32_t s = cut[k], e = cut[k + 1];
		assert_int_equal(norm_walk_stretch(cold, text, s, e, ac), FC_OK);
		assert_int_equal(norm_walk_stretch(warm, text, s, e, aw), FC_OK);
		assert_memory_equal(ac, aw, n->nwords * sizeof(*ac));
		const uint64_t *qc = norm_walk_queued(cold);
		const uint64_t *qw = norm_walk_queued(warm);
		for (size_t pi = 0; pi < n->npatterns; pi++) {
			const struct norm_startq *q = norm_walk_starts(cold, pi);
			const struct norm_startq *r = norm_walk_starts(warm, pi);
			size_t nq = fc_test_has_bit(qc, pi) ? q->n : 0;
			size_t nr = fc_test_has_bit(qw, pi) ? r->n : 0;
			assert_int_equal(nq, nr);
			if (nq)
				assert_memory_equal(q->v, r->v,
						    nq * sizeof(*q->v));
			for (size_t j = 0; j < nq; j++)
				assert_true(q->v[j] >= s && q->v[j] < e);
			nstarts += nq;
		}
	}
	free(ac);
	free(aw);
	norm_walk_destroy(cold);
	norm_walk_destroy(warm);
	return nstarts;
}

static void test_warm_walk_queues_as_cold(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	make_text(&b, 777, 6000, true);
	const char *text = fc_buf_cstr(&b);
	uint32_t cut[4096];
	size_t ncut = make_cuts(cut, 4096, b.len, 99);
	assert_true(ncut > 500);
	size_t nstarts = compare_warm(rules, text, cut, ncut, 0);
	/* the pieces are dates, times, numbers and money: thousands of
	** starts, so equal queues cannot be two empty ones */
	assert_true(nstarts >= 3000);
	/* the same when the DFA starts over every few states (the pair
	** facts and the lists outlive a restart; the end bits do not) */
	assert_int_equal(compare_warm(rules, text, cut, ncut, 6), nstarts);
	assert_int_equal(compare_warm(rules, text, cut, ncut, 40), nstarts);
	fc_buf_finish(&b);
}

static void test_every_match_start_queued(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	make_text(&b, 4242, 4000, false);
	size_t nmatch = 0;
	size_t missed = norm_check_starts(rules, fc_buf_cstr(&b), b.len,
					  &nmatch);
	assert_int_equal(missed, 0);
	assert_true(nmatch >= 500);
	fc_buf_finish(&b);
}

/* A text with bytes that are no UTF-8: the check reads it as the scan
** would, repaired (each bad byte a U+FFFD), never with PCRE2's UTF check
** off on bytes nobody validated (which crashed). */
static void test_check_starts_on_invalid_utf8(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	make_text(&b, 4242, 4000, true);
	size_t nmatch = 0;
	size_t missed = norm_check_starts(rules, fc_buf_cstr(&b), b.len,
					  &nmatch);
	assert_int_equal(missed, 0);
	assert_true(nmatch >= 500);
	const char bad[] = "About 40 km\xC3 and \xFF\xFE 12 percent in "
			   "March \xE2\x82 2025, at 5 pm.";
	missed = norm_check_starts(rules, bad, sizeof(bad) - 1, &nmatch);
	assert_int_equal(missed, 0);
	assert_true(nmatch >= 4);
	fc_buf_finish(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warm_walk_queues_as_cold),
		cmocka_unit_test(test_every_match_start_queued),
		cmocka_unit_test(test_check_starts_on_invalid_utf8),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
