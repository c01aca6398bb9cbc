/*
** test_norm_first_cut.c: a large product of start strings is made cut to
** the length its shortening reaches (product_cut, norm_pset.c) rather
** than whole and then shortened pass by pass. The start strings of every
** pattern of the rules (their expansions as the normalizer compiles
** them, data/first_patterns.tsv: caseless flag, tab, regex) must be
** those of the whole products, string by string, in order. Only the
** classes interned differ: the cut products skip the merges the passes
** undo, so some patterns intern fewer.
**
** The file is a snapshot of the 184 expansions taken when product_cut
** came in (0f247f8): it tests the analysis on patterns as large as real
** rules make, and need not follow later changes to rules/. Comparing
** with the whole products on patterns that are not the rules' is
** weaker: on 11 of 20,000 generated patterns at the 256-class limit the
** two shorten differently (no match start was missed on the three of
** them run over 512 KB of random text).
*/
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_first_p.h"
#include "norm_first_same.h"

static void test_rule_patterns(void **state)
{
	(void)state;
	FILE *in = fopen(FC_SOURCE_ROOT
			 "/tests/unit/extract/data/first_patterns.tsv", "rb");
	assert_non_null(in);
	struct fc_arena a;
	fc_arena_init(&a);
	struct norm_first_memo *cut = NULL, *whole = NULL;
	char *line = NULL;
	size_t cap = 0, npatterns = 0, nok = 0, nfewer = 0, nstrs = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, in)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = 0;
		assert_true(n > 2 && line[1] == '\t');
		const char *rx = line + 2;
		bool is_ci = line[0] == '1';
		struct norm_first p, q;
		norm_first_analyze_as(rx, (size_t)n - 2, is_ci, &cut, &a, &p,
				      false);
		norm_first_analyze_as(rx, (size_t)n - 2, is_ci, &whole, &a,
				      &q, true);
		assert_same_first(rx, &p, &q);
		npatterns++;
		nok += p.is_ok;
		nstrs += p.nstrs;
		/* (no more classes than the whole products make) */
		assert_true(!p.is_ok || p.nsets <= q.nsets);
		nfewer += p.is_ok && p.nsets < q.nsets;
	}
	free(line);
	fclose(in);
	norm_first_memo_free(cut);
	norm_first_memo_free(whole);
	fc_arena_finish(&a);
	assert_int_equal(npatterns, 184);
	assert_int_equal(nok, 183);
	assert_true(nstrs > 10000);
	/* the cut products were made: some patterns intern fewer classes */
	assert_true(nfewer > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_patterns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
