/*
** test_norm_first.c: the start-string analysis reads each regex once
** (norm_first_index.c) and then looks up where a group ends,
** whether it calls a group, and the hash of its text. The lookups must
** give what the scans give, at every byte of regexes written to reach
** each case of the lexer (classes with parens and brackets, escapes,
** named groups and calls, unmatched parens) and of random ones.
*/
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_first_p.h"

/* s read with the index (with) and without (without). */
static void fa_pair(const char *s, size_t n, struct fa *with,
		    struct fa *without)
{
	*with = (struct fa){.s = (const unsigned char *)s, .n = n};
	*without = *with;
	norm_first_index(with);
	assert_non_null(with->tok);
	assert_non_null(with->prefix);
}

/* Every lookup of s equals its scan; returns the groups checked. */
static size_t check_regex(const char *s, size_t n)
{
	struct fa a, b;
	fa_pair(s, n, &a, &b);
	size_t ngroups = 0;
	for (size_t from = 0; from <= n; from++) {
		size_t end = norm_first_group_end(&a, from);
		assert_int_equal(end, norm_first_group_end(&b, from));
		if (end == SIZE_MAX)
			continue;
		assert_int_equal(s[end], ')');
		ngroups++;
		assert_int_equal(norm_first_has_call(&a, from, end),
				 norm_first_has_call(&b, from, end));
		for (int ci = 0; ci < 2; ci++)
			assert_true(norm_first_hash_part(&a, from, end, ci) ==
				    norm_first_hash_text(a.s + from,
							 end - from, ci));
		/* the memo key of a group that calls: same bytes, and
		** the hash norm_first_hash_text makes of them */
		if (!norm_first_has_call(&a, from, end))
			continue;
		size_t la = 0, lb = 0;
		uint64_t ha = 0, hb = 0;
		unsigned char *ka =
			norm_first_memo_key(&a, from, end, &la, &ha);
		unsigned char *kb =
			norm_first_memo_key(&b, from, end, &lb, &hb);
		assert_int_equal(ka == NULL, kb == NULL);
		if (ka) {
			assert_int_equal(la, lb);
			assert_memory_equal(ka, kb, la);
			assert_true(ha == norm_first_hash_text(ka, la, false));
			assert_true(hb == ha);
		}
		free(ka);
		free(kb);
	}
	norm_first_index_free(&a);
	return ngroups;
}

static void test_lookups_match_scans(void **state)
{
	(void)state;
	static const char *const rx[] = {
		"(a(b)c)",
		"a)b(c)d)e",          /* unmatched: each ')' ends the top */
		"((a)",                /* never closed */
		"[()](x)[^)](y)[]()](z)[^]()]",
		"\\((a\\)b)\\\\(c)",   /* escaped parens, escaped backslash */
		"(?:x[\\])]y)(?<n>q)(?&n)(?P>n)(?P<m>r)",
		"(?<yr>[0-9]{4})|(?:in (?&yr))|(a(?&yr)b(?P>yr))",
		"(?i)(?:(?<!\\w)(?=[A-Z])(a|b(c|d(e|f(g)))))",
		"[[:alpha:]()](a)",
		"(a\\",                /* an escape at the end */
		"[(",                  /* a class never closed */
		"",
	};
	size_t total = 0;
	for (size_t i = 0; i < sizeof(rx) / sizeof(*rx); i++)
		total += check_regex(rx[i], strlen(rx[i]));
	assert_int_equal(total, 152); /* (from, end) pairs checked */
}

/* Regexes of the bytes the lexer tells apart, in every order. */
static void test_random_regexes(void **state)
{
	(void)state;
	static const char alpha[] = "()[]\\^?&P<>|a:'";
	uint64_t x = 0x9E3779B97F4A7C15ull;
	char s[64];
	for (int round = 0; round < 3000; round++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		size_t n = (size_t)(x % sizeof(s));
		uint64_t y = x;
		for (size_t i = 0; i < n; i++) {
			y = y * 6364136223846793005ull + 1442695040888963407ull;
			s[i] = alpha[(y >> 33) % (sizeof(alpha) - 1)];
		}
		check_regex(s, n);
	}
}

/* The analysis itself with the index: a call resolved through its
** definition, and the memo shared by two patterns that call groups of
** the same name defined differently (the key holds the definitions). */
static void test_analysis_with_calls(void **state)
{
	(void)state;
	struct norm_first_memo *memo = NULL;
	struct fc_arena a;
	fc_arena_init(&a);
	struct norm_first f1, f2;
	const char *r1 = "(?<d>[0-9])?(?:at (?&d) o'clock, or so, at least)x";
	const char *r2 = "(?<d>[a-c])?(?:at (?&d) o'clock, or so, at least)x";
	norm_first_analyze(r1, strlen(r1), false, &memo, &a, &f1);
	norm_first_analyze(r2, strlen(r2), false, &memo, &a, &f2);
	assert_true(f1.is_ok);
	assert_true(f2.is_ok);
	/* both begin with "a" (the optional group may be absent) or with
	** their own group's class: [0-9] for r1, [a-c] for r2 */
	bool digit1 = false, digit2 = false;
	for (size_t i = 0; i < f1.nstrs; i++)
		digit1 |= f1.strs[i].len &&
			  (f1.sets[f1.strs[i].sym[0]][0] >> '5' & 1);
	for (size_t i = 0; i < f2.nstrs; i++)
		digit2 |= f2.strs[i].len &&
			  (f2.sets[f2.strs[i].sym[0]][0] >> '5' & 1);
	assert_true(digit1);
	assert_false(digit2);
	norm_first_memo_free(memo);
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookups_match_scans),
		cmocka_unit_test(test_random_regexes),
		cmocka_unit_test(test_analysis_with_calls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
