/*
** test_norm_letters.c: norm_letters_end (norm_walk_p.h), the eight-bytes-
** a-step end of a letter run that the walk's hot loop skips words with,
** must give what a byte-by-byte reading gives, for every byte value at
** every place of the eight bytes (the ASCII neighbours of the letters,
** '@' '[' '`' '{', fold into the letters' range when the case bit is set,
** and bytes above ASCII have bit 7), for every start and end; and it must
** read nothing at or past the end (each text is a block of its exact
** length: ASan, under ./dev test, sees a read past it).
*/
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"
#include "extract/norm_walk_p.h"

/* The end of the letter run from i, read a byte at a time. */
static uint32_t slow_end(const unsigned char *x, uint32_t i, uint32_t e)
{
	while (i < e && ((x[i] >= 'a' && x[i] <= 'z') ||
			 (x[i] >= 'A' && x[i] <= 'Z')))
		i++;
	return i;
}

#define LEN 20

static void test_every_byte_every_place(void **state)
{
	(void)state;
	static const char letters[] = "aZbYcXdWeVfUgThSiRjQkP";
	size_t nchecked = 0, nshort = 0;
	for (unsigned b = 0; b < 256; b++)
		for (uint32_t k = 0; k < LEN; k++)
			for (uint32_t e = 0; e <= LEN; e++) {
				unsigned char *x = malloc(e ? e : 1);
				assert_non_null(x);
				for (uint32_t j = 0; j < e; j++)
					x[j] = (unsigned char)letters[j];
				if (k < e)
					x[k] = (unsigned char)b;
				for (uint32_t i = 0; i <= e && i < 12; i++) {
					uint32_t want = slow_end(x, i, e);
					assert_int_equal(norm_letters_end(x, i, e),
							 want);
					nchecked++;
					nshort += want < e;
				}
				free(x);
			}
	/* every case ran, and the letters' neighbours stopped some */
	assert_int_equal(nchecked, 256u * LEN * 186u);
	assert_true(nshort > 0);
}

/* The bytes that end a run: exactly those that are no ASCII letter. */
static void test_stops_exactly_at_non_letters(void **state)
{
	(void)state;
	unsigned nstop = 0;
	for (unsigned b = 0; b < 256; b++) {
		unsigned char x[16];
		memset(x, 'q', sizeof(x));
		x[9] = (unsigned char)b;
		uint32_t end = norm_letters_end(x, 0, sizeof(x));
		bool is_letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
		assert_int_equal(end, is_letter ? 16u : 9u);
		nstop += !is_letter;
	}
	assert_int_equal(nstop, 256u - 52u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_byte_every_place),
		cmocka_unit_test(test_stops_exactly_at_non_letters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
