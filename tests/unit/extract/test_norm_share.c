/*
** test_norm_share.c: the look-back's walk on the scan's DFA
** (norm_walk_create_shared, norm_walk_queue_only in norm_walk.c).
**
** The scan reads its stretches with one walk (the host); in the middle of
** a stretch, a look-back (norm_anchor.c) reads a window of up to 2000
** bytes before a match with a walk of its own that makes and follows the
** host's DFA. Neither may change what the other queues: the host must
** queue what a walk with a DFA to itself queues, the shared walk what a
** walk of its own queues over the same window, also when the DFA starts
** over (every few states here), which either of them may cause. A walk
** told to queue only some patterns must queue exactly the starts of
** those, and report the same active bits for them and their anchor
** groups (it skips the walks that can report nothing of theirs, so the
** other patterns may lack their triggers).
*/
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_walk_p.h"

/* A text of the pieces in a pseudo-random order (seed x). */
static void make_text(struct fc_buf *b, uint32_t x, size_t nwords)
{
	static const char *const pieces[] = {
		"data", "potato", "typo", "at", "to", "a", "pay", "top",
		"Tokyo", "PAYPAL", "5pm", "3am", "10th", "21st", "1990s",
		"café", "naïve", ("\xE2\x84\xAA" "elvin"), "March", "Monday",
		"2025", "3.5", "1,200", "$4", "40%", "about", "ago", "last",
		"year", "the", "of", "in", "per", "cent", "million", "km",
		"12:30", "Q3", "today", "yesterday", "o'clock", "a year earlier",
		"the following year", "later that day", "the quarter",
		"first half", "in 2019", "on 3 May 2021"};
	static const char *const seps[] = {" ", " ", " ", "", "-",
					   ", ", ". ", "\n"};
	fc_test_word_salad(b, x, nwords, pieces,
			   sizeof(pieces) / sizeof(*pieces), seps,
			   sizeof(seps) / sizeof(*seps));
}

/* The starts a and b queued for pattern pi must be equal (b only when
** only has pi, if only); returns their number. Only the active patterns
** count: a restart of the DFA queues the starts of the walk so far for
** every pattern (the scan runs the active ones only), and the walks'
** DFAs start over at different times. */
static size_t same_queue(const struct norm_walk *a, const uint64_t *qa,
			 const struct norm_walk *b, const uint64_t *qb,
			 size_t pi, const uint64_t *only, const uint64_t *active)
{
	if (!fc_test_has_bit(active, pi))
		return 0;
	const struct norm_startq *x = norm_walk_starts(a, pi);
	const struct norm_startq *y = norm_walk_starts(b, pi);
	size_t nx = fc_test_has_bit(qa, pi) ? x->n : 0;
	size_t ny = fc_test_has_bit(qb, pi) ? y->n : 0;
	if (only && !fc_test_has_bit(only, pi)) {
		assert_int_equal(ny, 0);
		return 0;
	}
	assert_int_equal(nx, ny);
	if (nx)
		assert_memory_equal(x->v, y->v, nx * sizeof(*x->v));
	return nx;
}

/* a and b (active bits) must agree on the bits a walk told to queue only
** the patterns of only needs: theirs and their anchor groups' (every bit
** when only is NULL). */
static void same_active(const struct fc_norm *n, const uint64_t *a,
			const uint64_t *b, const uint64_t *only)
{
	if (!only) {
		assert_memory_equal(a, b, n->nwords * sizeof(*a));
		return;
	}
	for (size_t pi = 0; pi < n->npatterns; pi++) {
		if (!fc_test_has_bit(only, pi))
			continue;
		const struct norm_pattern *p = &n->patterns[pi];
		assert_int_equal(fc_test_has_bit(a, pi), fc_test_has_bit(b, pi));
		for (unsigned g = 0; g < p->ngroups; g++) {
			size_t bit = norm_group_bit(p, pi, g);
			assert_int_equal(fc_test_has_bit(a, bit),
					 fc_test_has_bit(b, bit));
		}
	}
}

/*
** Stretches of the text, each read by host and by a walk of its own
** (solo); after each, the window of up to `back` bytes before its end
** read by guest (host's DFA) and by lone (a DFA of its own). only: the
** patterns guest queues (NULL: the active ones, as the others). Returns
** the starts compared in the windows.
*/
static size_t compare_shared(const struct fc_rules *rules, const char *text,
			     size_t len, size_t max_states, uint32_t back,
			     const uint64_t *only)
{
	const struct fc_norm *n = rules->norm;
	struct norm_walk *host = norm_walk_create(n);
	struct norm_walk *solo = norm_walk_create(n);
	struct norm_walk *lone = norm_walk_create(n);
	assert_non_null(host);
	assert_non_null(solo);
	assert_non_null(lone);
	struct norm_walk *guest = norm_walk_create_shared(host);
	assert_non_null(guest);
	uint64_t *act = calloc(4 * n->nwords, sizeof(*act));
	assert_non_null(act);
	uint64_t *a1 = act, *a2 = act + n->nwords, *a3 = act + 2 * n->nwords,
		 *a4 = act + 3 * n->nwords;
	if (max_states) {
		/* the host's limit is the guest's: it is one DFA */
		norm_walk_set_max_states(host, max_states);
		norm_walk_set_max_states(solo, max_states);
		norm_walk_set_max_states(lone, max_states);
	}
	norm_walk_queue_only(guest, only);
	size_t nwin = 0, nstarts = 0;
	uint32_t x = 4711;
	for (uint32_t s = 0; s < len;) {
		x = x * 1103515245u + 12345u;
		uint32_t e = s + 1 + (x >> 16) % 160;
		if (e > len)
			e = (uint32_t)len;
		assert_int_equal(norm_walk_stretch(host, text, s, e, a1), FC_OK);
		assert_int_equal(norm_walk_stretch(solo, text, s, e, a2), FC_OK);
		assert_memory_equal(a1, a2, n->nwords * sizeof(*a1));
		for (size_t pi = 0; pi < n->npatterns; pi++)
			same_queue(solo, norm_walk_queued(solo), host,
				   norm_walk_queued(host), pi, NULL, a1);
		/* the look-back of a match at e: from a word's start */
		uint32_t ws = e > back ? e - back : 0;
		while (ws > 0 && ws < e && text[ws - 1] != ' ' &&
		       text[ws - 1] != '\n')
			ws++;
		if (ws < e) {
			assert_int_equal(norm_walk_stretch(guest, text, ws, e, a3),
					 FC_OK);
			assert_int_equal(norm_walk_stretch(lone, text, ws, e, a4),
					 FC_OK);
			same_active(n, a3, a4, only);
			for (size_t pi = 0; pi < n->npatterns; pi++)
				nstarts += same_queue(lone,
						      norm_walk_queued(lone),
						      guest,
						      norm_walk_queued(guest),
						      pi, only, a3);
			nwin++;
		}
		s = e;
	}
	assert_true(nwin > 100);
	free(act);
	norm_walk_destroy(guest);
	norm_walk_destroy(lone);
	norm_walk_destroy(solo);
	norm_walk_destroy(host);
	return nstarts;
}

static void test_shared_walk_queues_as_its_own(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	make_text(&b, 2026, 5000);
	const char *text = fc_buf_cstr(&b);
	size_t n400 = compare_shared(rules, text, b.len, 0, 400, NULL);
	/* dates, times, numbers and money: thousands of starts */
	assert_true(n400 >= 3000);
	assert_true(compare_shared(rules, text, b.len, 0, 2000, NULL) > n400);
	/* restarts every few states, caused by either walk */
	assert_int_equal(compare_shared(rules, text, b.len, 6, 400, NULL),
			 n400);
	assert_int_equal(compare_shared(rules, text, b.len, 40, 400, NULL),
			 n400);
	fc_buf_finish(&b);
}

static void test_queue_only_some_patterns(void **state)
{
	const struct fc_rules *rules = *state;
	const struct fc_norm *n = rules->norm;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	make_text(&b, 31337, 3000);
	const char *text = fc_buf_cstr(&b);
	size_t all = compare_shared(rules, text, b.len, 0, 400, NULL);
	/* every third pattern: the others queue nothing, these as before */
	uint64_t *only = calloc(n->nwords, sizeof(*only));
	assert_non_null(only);
	for (size_t pi = 0; pi < n->npatterns; pi += 3)
		only[pi / 64] |= 1ull << (pi % 64);
	size_t some = compare_shared(rules, text, b.len, 0, 400, only);
	assert_true(some > 0 && some < all);
	assert_int_equal(compare_shared(rules, text, b.len, 6, 400, only),
			 some);
	/* none: nothing queued */
	for (size_t k = 0; k < n->nwords; k++)
		only[k] = 0;
	assert_int_equal(compare_shared(rules, text, b.len, 0, 400, only), 0);
	free(only);
	fc_buf_finish(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_walk_queues_as_its_own),
		cmocka_unit_test(test_queue_only_some_patterns),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
