/*
** test_lexicon_keyeq.c: lx_key_eq, the inline key comparison of a
** gazetteer hit (lexicon_p.h): every length from 0 to 40, a difference
** at each byte, and keys in buffers of exactly their length (so a read
** past either span shows under ASan).
*/
#include <stdlib.h>

#include "fc_test.h"

#include "extract/lexicon_p.h"

/* A copy of s[0, n) in a block of exactly n bytes. */
static char *exact(const char *s, size_t n)
{
	char *p = malloc(n ? n : 1);
	assert_non_null(p);
	memcpy(p, s, n);
	return p;
}

static void test_equal_and_each_difference(void **state)
{
	(void)state;
	const char *text = "the quick brown fox jumps over the lazy dog!";
	for (size_t n = 0; n <= 40; n++) {
		char *a = exact(text, n), *b = exact(text, n);
		assert_true(lx_key_eq(a, b, n));
		for (size_t i = 0; i < n; i++) {
			b[i] ^= 0x20;
			assert_false(lx_key_eq(a, b, n));
			assert_false(lx_key_eq(b, a, n));
			b[i] ^= 0x20;
		}
		assert_true(lx_key_eq(a, b, n));
		free(a);
		free(b);
	}
}

/* The high bit and a zero byte count like any other. */
static void test_bytes_of_any_value(void **state)
{
	(void)state;
	const char x[] = "\xC3\xA9t\xC3\xA9", y[] = "\xC3\xA9t\xC3\xA8";
	assert_true(lx_key_eq(x, x, 5));
	assert_false(lx_key_eq(x, y, 5));
	assert_true(lx_key_eq(x, y, 4));
	const char z0[3] = {'a', 0, 'b'}, z1[3] = {'a', 0, 'c'};
	assert_false(lx_key_eq(z0, z1, 3));
	assert_true(lx_key_eq(z0, z1, 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equal_and_each_difference),
		cmocka_unit_test(test_bytes_of_any_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
