/*
** test_prodfacts.c: the fast paths of the value producers.
**
**   norm_put_int, norm_put_cap  (norm_time.c) write what snprintf's
**                               "%0*ld" and its cut at cap write
**   norm_wordfacts              (norm_wordfacts.c) lets every key of the
**                               built-in tables through (no false
**                               rejection), rejects most other words
**   norm_read_digits            (norm_digits.c) reads the group forms and
**                               the plain digit runs its fast path skips
*/
#include <limits.h>
#include <stdio.h>

#include "fc_test.h"
#include "extract/norm_p.h"

static void put_is_printf(long v, int width)
{
	char got[64], want[64];
	*norm_put_int(got, v, width) = 0;
	snprintf(want, sizeof(want), "%0*ld", width, v);
	assert_string_equal(got, want);
}

static void test_put_int(void **state)
{
	(void)state;
	static const long vs[] = {0,     1,     -1,     7,     -5,   9,
				  10,    99,    100,    999,   1000, 2026,
				  -2026, 12345, 99999,  -10000, LONG_MAX,
				  LONG_MIN};
	for (size_t i = 0; i < sizeof(vs) / sizeof(*vs); i++)
		for (int w = 1; w <= 5; w++)
			put_is_printf(vs[i], w);
	char buf[8];
	norm_put_cap(buf, sizeof(buf), "2026-01-16", 10);
	assert_string_equal(buf, "2026-01"); /* cut as snprintf cuts */
	norm_put_cap(buf, sizeof(buf), "P3Y", 3);
	assert_string_equal(buf, "P3Y");
}

/* Every key of table `name` passes facts table wt. */
static void all_pass(const struct fc_norm *n,
		     const struct norm_wordfacts *f, const char *name, int wt)
{
	int ti = norm_table_find(n, name);
	assert_true(ti >= 0);
	const struct norm_table *tb = &n->tables[ti];
	assert_true(tb->n > 0);
	for (size_t k = 0; k < tb->n; k++) {
		char buf[256];
		size_t len = norm_key(tb->keys[k], strlen(tb->keys[k]), buf,
				      sizeof(buf));
		uint32_t h = norm_word_hash(buf, len);
		if (wt == NORM_WF_TENSE_PAIR) {
			/* two words: by the words' hashes */
			const char *sp = memchr(buf, ' ', len);
			size_t l1 = sp ? (size_t)(sp - buf) : 0;
			if (!sp || memchr(sp + 1, ' ', len - l1 - 1))
				continue; /* never looked up */
			size_t l2 = len - l1 - 1;
			h = norm_pair_hash(norm_word_hash(buf, l1),
					   norm_word_hash(sp + 1, l2));
		}
		if (!norm_wf_may(f, wt, h, len)) {
			print_error("%s: key '%s' rejected\n", name,
				    tb->keys[k]);
			fail();
		}
	}
}

static void test_wordfacts(void **state)
{
	const struct fc_rules *rules = *state;
	const struct fc_norm *n = rules->norm;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	assert_non_null(f);
	assert_ptr_equal(norm_wordfacts(n), f); /* made once */
	all_pass(n, f, "hedge", NORM_WF_HEDGE);
	all_pass(n, f, "future", NORM_WF_FUTURE);
	all_pass(n, f, "past", NORM_WF_PAST);
	all_pass(n, f, "tense_word", NORM_WF_TENSE_WORD);
	all_pass(n, f, "tense_pair", NORM_WF_TENSE_PAIR);
	all_pass(n, f, "number", NORM_WF_NUMBER);
	all_pass(n, f, "scale", NORM_WF_SCALE);
	all_pass(n, f, "ordinal", NORM_WF_ORDINAL);
	/* first and last words of hedges, in any case */
	static const char *const first[] = {"more", "At", "GREATER", "up"};
	static const char *const last[] = {"than", "Least", "to", "of"};
	for (size_t i = 0; i < 4; i++) {
		size_t lf = strlen(first[i]), ll = strlen(last[i]);
		assert_true(norm_wf_may(f, NORM_WF_HEDGE_FIRST,
					norm_word_hash(first[i], lf), lf));
		assert_true(norm_wf_may(f, NORM_WF_HEDGE_LAST,
					norm_word_hash(last[i], ll), ll));
	}
	/* the hash lower-cases A-Z only */
	assert_int_equal(norm_word_hash("As SOON", 7),
			 norm_word_hash("as soon", 7));
	assert_int_not_equal(norm_word_hash("\xc9t\xe9", 3),
			     norm_word_hash("\xe9t\xe9", 3));
	/* longer than any hedge: rejected whatever the hash */
	assert_false(norm_wf_may(f, NORM_WF_HEDGE, 0,
				 f->maxlen[NORM_WF_HEDGE] + 1));
	/* common words: few pass as a hedge's last word */
	static const char *const words[] = {
		"the", "in", "and", "for", "with", "by", "from", "was", "were",
		"said", "his", "her", "their", "its", "on", "at", "as", "is",
		"are", "had", "has", "have", "been", "which", "who", "that",
		"this", "these", "those", "all", "after", "before", "during",
		"killed", "people", "percent", "million", "year", "years",
		"police", "officials", "reported", "says", "told", "we",
		"they", "it", "he", "she", "when"};
	size_t npass = 0, nw = sizeof(words) / sizeof(*words);
	for (size_t i = 0; i < nw; i++)
		npass += norm_wf_may(f, NORM_WF_HEDGE_LAST,
				     norm_word_hash(words[i], strlen(words[i])),
				     strlen(words[i]));
	assert_true(npass <= 3);
}

static void digits_are(const char *s, double v, size_t used, bool is_int)
{
	double got;
	bool gi;
	size_t u = norm_read_digits(s, strlen(s), 0, &got, &gi);
	if (u != used || got != v || gi != is_int) {
		print_error("'%s': %zu %.17g %d, want %zu %.17g %d\n", s, u,
			    got, gi, used, v, is_int);
		fail();
	}
}

static void test_digits(void **state)
{
	(void)state;
	digits_are("2020", 2020, 4, true);
	digits_are("5 people", 5, 1, true);
	digits_are("1,234,567 votes", 1234567, 9, true);
	digits_are("12,34,567", 1234567, 9, true);
	digits_are("1 234 567", 1234567, 9, true);
	digits_are("1\xc2\xa0" "234", 1234, 6, true);
	digits_are("1\xe2\x80\xaf" "234", 1234, 7, true);
	digits_are("1.111,11", 1111.11, 8, false);
	digits_are("1,200.5", 1200.5, 7, false);
	digits_are("12,5", 12.5, 4, false);
	digits_are("1234,567", 1234, 4, true); /* no lead of 4 */
	digits_are("1.5", 1.5, 3, false);
	digits_are("123.", 123, 3, true);
	digits_are("1.3e6", 1.3e6, 5, false);
	digits_are("12 ", 12, 2, true);
	digits_are(".5", 0.5, 2, false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_int),
		cmocka_unit_test(test_wordfacts),
		cmocka_unit_test(test_digits),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
