/*
** test_symchar.c: a symbol anchor above ASCII is triggered by its whole
** character, not by its lead byte (norm_walk.c, sym_char_is_anchor).
**
** "€" (E2 82 AC), "–" (E2 80 93), "½" (C2 BD) and the curly quotes
** “ ” ’ (E2 80 9C/9D/99) share lead bytes: a stretch with quotes only
** must not activate the patterns anchored on a currency symbol, a dash
** or a vulgar fraction, and a stretch with the symbol must. Checked on
** the built-in rules, one stretch at a time.
*/
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"
#include "extract/norm_p.h"

static size_t pattern_index(const struct fc_norm *n, const char *id)
{
	for (size_t i = 0; i < n->npatterns; i++)
		if (!strcmp(n->patterns[i].id, id))
			return i;
	fail_msg("no pattern %s", id);
	return 0;
}

/* Is pattern id active after the walk of text (one stretch)? */
static bool is_active(const struct fc_rules *rules, const char *text,
		      const char *id)
{
	const struct fc_norm *n = rules->norm;
	struct norm_walk *w = norm_walk_create(n);
	assert_non_null(w);
	uint64_t *act = calloc(n->nwords, sizeof(*act));
	assert_non_null(act);
	assert_int_equal(norm_walk_stretch(w, text, 0,
					   (uint32_t)strlen(text), act),
			 FC_OK);
	size_t pi = pattern_index(n, id);
	bool on = fc_test_has_bit(act, pi);
	free(act);
	norm_walk_destroy(w);
	return on;
}

static void test_quotes_are_no_symbols(void **state)
{
	const struct fc_rules *rules = *state;
	/* curly quotes and an apostrophe: lead bytes E2 and the like */
	const char *quotes = "He said \xE2\x80\x9Cno\xE2\x80\x9D, it\xE2\x80\x99s "
			     "over \xE2\x80\x94 they left.";
	assert_false(is_active(rules, quotes, "qty.money-symbol-after"));
	assert_false(is_active(rules, quotes, "qty.range-dash"));
	assert_false(is_active(rules, quotes, "qty.count"));
	/* the symbols themselves */
	assert_true(is_active(rules, "It cost 20 \xE2\x82\xAC then.",
			      "qty.money-symbol-after"));
	assert_true(is_active(rules, "It ran 20\xE2\x80\x93" "30 then.",
			      "qty.range-dash"));
	assert_true(is_active(rules, "Add \xC2\xBD cup, then stir.",
			      "qty.count"));
	/* a symbol after quotes with its lead byte, in one stretch */
	assert_true(is_active(rules,
			      "\xE2\x80\x9CYes\xE2\x80\x9D, 20 \xE2\x82\xAC.",
			      "qty.money-symbol-after"));
}

/* A lead byte cut by the stretch's end, or with no continuation bytes
** after it, counts as before (no whole character to compare): no read
** past the stretch. */
static void test_cut_lead_byte(void **state)
{
	const struct fc_rules *rules = *state;
	assert_true(is_active(rules, "It cost 20 \xE2\x82",
			      "qty.money-symbol-after"));
	/* a lead byte with no continuation after it */
	assert_true(is_active(rules, "It cost 20 \xE2 then.",
			      "qty.money-symbol-after"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes_are_no_symbols),
		cmocka_unit_test(test_cut_lead_byte),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
