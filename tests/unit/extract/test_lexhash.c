/*
** test_lexhash.c: the lexicon's short-form hash (lx_hash_short in
** src/extract/lexicon_p.h) on a target without 128-bit integers (32-bit
** ones). This file sees the header as such a target does: no
** __SIZEOF_INT128__ and no __int128 (a use of it does not compile). The
** hashes must be those of the 128-bit product on x86-64 (the values
** below), and lx_hash_tok of a short form must be lx_hash_short of its
** bytes; 100,000 pseudo-random inputs are checked against a product
** made here from 16-bit limbs.
*/
#undef __SIZEOF_INT128__
#define __int128 no_128_bit_integers_on_this_target

#include "fc_test.h"
#include "extract/lexicon_p.h"

/* The hash from the full product of v and k, by 16-bit limbs. */
static uint32_t ref_hash(uint64_t a, size_t n)
{
	uint64_t v = a ^ LX_HASH_SEED ^ (uint64_t)n << 59;
	const uint64_t k = 0x9E3779B97F4A7C15ull;
	uint32_t r[8] = {0}; /* the product, 16 bits a limb (in 32) */
	for (int i = 0; i < 4; i++) {
		uint32_t carry = 0;
		for (int j = 0; j < 4; j++) {
			uint32_t t = (uint32_t)((v >> (16 * i)) & 0xFFFF) *
					     (uint32_t)((k >> (16 * j)) & 0xFFFF) +
				     r[i + j] + carry;
			r[i + j] = t & 0xFFFF;
			carry = t >> 16;
		}
		r[i + 4] += carry;
	}
	uint64_t lo = 0, hi = 0;
	for (int i = 0; i < 4; i++) {
		lo |= (uint64_t)r[i] << (16 * i);
		hi |= (uint64_t)r[i + 4] << (16 * i);
	}
	uint64_t x = hi ^ lo;
	return (uint32_t)(x >> 32) ^ (uint32_t)x;
}

static void test_known_values(void **state)
{
	(void)state;
	static const struct {
		uint64_t a;
		size_t n;
		uint32_t h;
	} cases[] = {
		{0x0000000000000000ull, 0, 0xaa24b332u},
		{0x0000000000000061ull, 1, 0xcf14b128u},
		{0x0000006f6c6c6568ull, 5, 0x7bc93f47u},
		{0xffffffffffffffffull, 8, 0xadc1026du},
		{0x00006e696c72656bull, 6, 0xbe530a63u},
		{0x8000000000000001ull, 8, 0xbf9952f6u},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		assert_int_equal(lx_hash_short(cases[i].a, cases[i].n),
				 cases[i].h);
		assert_int_equal(ref_hash(cases[i].a, cases[i].n), cases[i].h);
	}
	/* "hello", "a": lx_hash_tok of a form of 8 bytes or fewer */
	assert_int_equal(lx_hash_tok("hello", 5), 0x7bc93f47u);
	assert_int_equal(lx_hash_tok("a", 1), 0xcf14b128u);
}

static void test_random_products(void **state)
{
	(void)state;
	uint64_t x = 0x2545F4914F6CDD1Dull;
	for (int t = 0; t < 100000; t++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		size_t n = (size_t)(x >> 61) + 1;
		uint64_t a = n == 8 ? x : x & ((1ull << (8 * n)) - 1);
		assert_int_equal(lx_hash_short(a, n), ref_hash(a, n));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_values),
		cmocka_unit_test(test_random_products),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
