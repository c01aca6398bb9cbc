/*
** test_hostile.c: inputs found by the fuzz targets (fuzz/), one test per
** bug, each asserting what the code must do with them. The seeds that
** found them are in fuzz/corpus/<target>/crash-* (replayed by the
** `fuzz` suite).
*/
#include <stdlib.h>

#include "extract/lexicon_p.h"
#include "fc_test.h"

/*
** fuzz/normalize: ASCII marks take two bytes of the tokenizer's form
** buffer per byte of text (the mark and a space), more than it reserves,
** so 128 of them fill its first 256 bytes to the last one; the word after
** them was written past the buffer (the room left, 0 - 1, wrapped).
*/
static void test_tokens_after_full_forms(void **state)
{
	(void)state;
	char text[128 + 5];
	memset(text, '!', 128);
	memcpy(text + 128, "Word", 5);
	struct lx_toks t = {0};
	assert_int_equal(lx_tokenize(&t, text, 132), FC_OK);
	assert_int_equal(t.n, 129);
	assert_int_equal(t.norm_len, 256 + 5);
	const struct lx_tok *w = &t.v[128];
	assert_int_equal(w->start, 128);
	assert_int_equal(w->end, 132);
	assert_int_equal(w->norm_len, 4);
	assert_memory_equal(t.norm + w->norm_off, "word ", 5);
	assert_int_equal(t.v[127].start, 127);
	assert_memory_equal(t.norm + t.v[127].norm_off, "! ", 2);
	lx_toks_finish(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens_after_full_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
