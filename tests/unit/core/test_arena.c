/*
** test_arena.c: the arena's growth policy: an array that is the head's
** last block grows in place, a big block leaves the head's room in use,
** and fc_arena_regrow grows a big array without keeping its old copies;
** a block is cleared whole, padding too, over room a rewound block
** wrote, and clearing it leaves the blocks before it as they were.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"
#include "core/arena_mark.h"

static void test_grow_last_block_in_place(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	size_t cap = 0;
	uint32_t *v = fc_arena_grow(&a, NULL, sizeof(*v), &cap, 1);
	assert_non_null(v);
	assert_int_equal(cap, 16);
	for (uint32_t i = 0; i < 16; i++)
		v[i] = i + 1;
	uint32_t *w = fc_arena_grow(&a, v, sizeof(*v), &cap, 17);
	assert_ptr_equal(w, v); /* nothing came after it: no copy */
	assert_int_equal(cap, 32);
	for (uint32_t i = 0; i < 16; i++)
		assert_int_equal(w[i], i + 1);
	for (uint32_t i = 16; i < 32; i++)
		assert_int_equal(w[i], 0); /* the new tail is cleared */
	assert_int_equal(a.nbytes, 32 * sizeof(*v));
	fc_arena_finish(&a);
}

static void test_grow_after_other_block_copies(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	size_t cap = 0;
	uint32_t *v = fc_arena_grow(&a, NULL, sizeof(*v), &cap, 16);
	for (uint32_t i = 0; i < 16; i++)
		v[i] = 7 * i;
	char *s = fc_arena_strdup(&a, "between");
	uint32_t *w = fc_arena_grow(&a, v, sizeof(*v), &cap, 17);
	assert_ptr_not_equal(w, v);
	assert_int_equal(cap, 32);
	for (uint32_t i = 0; i < 16; i++) {
		assert_int_equal(w[i], 7 * i);
		assert_int_equal(v[i], 7 * i); /* the old block stays */
	}
	assert_int_equal(w[16], 0);
	assert_string_equal(s, "between");
	fc_arena_finish(&a);
}

static void test_big_block_keeps_head_room(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	char *p = fc_arena_alloc(&a, 100);
	char *big = fc_arena_alloc(&a, 200000);
	char *q = fc_arena_alloc(&a, 100);
	assert_non_null(big);
	/* the small blocks share the first chunk: 100 rounds up to 112 */
	assert_ptr_equal(q, p + 112);
	for (size_t i = 0; i < 200000; i++)
		assert_int_equal(big[i], 0);
	assert_int_equal(a.nbytes, 112 + 200000 + 112);
	fc_arena_finish(&a);
}

/* A million elements pushed one at a time, with small blocks between:
** every value stays, and the arena holds the array about once. */
static void test_regrow_big_array_once(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	size_t cap = 0, n = 0, nsmall = 0;
	uint64_t *v = NULL;
	for (uint64_t i = 0; i < 1000000; i++) {
		v = fc_arena_regrow(&a, v, sizeof(*v), &cap, n + 1);
		assert_non_null(v);
		v[n++] = i * 3 + 1;
		if (i % 1000 == 0) {
			assert_non_null(fc_arena_alloc(&a, 48));
			nsmall += 48;
		}
	}
	assert_int_equal(cap, 1u << 20);
	for (uint64_t i = 0; i < n; i++)
		assert_int_equal(v[i], i * 3 + 1);
	/* fc_arena_grow kept every old copy: twice the final array */
	size_t held = a.nbytes - nsmall;
	assert_true(held < cap * sizeof(*v) + 64 * 1024);
	fc_arena_finish(&a);
}

/* An old array the arena does not own (malloc'd) is copied, not freed. */
static void test_regrow_foreign_block_copies(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	size_t cap = 8192;
	uint32_t *own = malloc(cap * sizeof(*own));
	assert_non_null(own);
	for (uint32_t i = 0; i < cap; i++)
		own[i] = i ^ 0x5a5a;
	uint32_t *w = fc_arena_regrow(&a, own, sizeof(*own), &cap, 8193);
	assert_non_null(w);
	assert_ptr_not_equal(w, own);
	assert_int_equal(cap, 16384);
	for (uint32_t i = 0; i < 8192; i++)
		assert_int_equal(w[i], i ^ 0x5a5a);
	free(own); /* still the caller's */
	/* and now grown in its own chunk: moved by realloc, values kept */
	for (uint32_t i = 8192; i < 16384; i++)
		w[i] = i;
	w = fc_arena_regrow(&a, w, sizeof(*w), &cap, 16385);
	assert_int_equal(cap, 32768);
	for (uint32_t i = 0; i < 16384; i++)
		assert_int_equal(w[i], i < 8192 ? i ^ 0x5a5a : i);
	assert_int_equal(a.nbytes, 32768 * sizeof(*w));
	fc_arena_finish(&a);
}

static void test_blocks_are_cleared_whole(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	(void)fc_arena_alloc(&a, 1);
	struct fc_arena_mark m = fc_arena_mark(&a);
	memset(fc_arena_alloc(&a, 8000), 0xAB, 8000);
	fc_arena_rewind(&a, &m);
	size_t nbytes = a.nbytes;
	unsigned char *v[301];
	for (size_t n = 0; n <= 300; n++) {
		unsigned char *p = v[n] = fc_arena_alloc(&a, n);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		size_t k = n ? (n + 15) & ~(size_t)15 : 16;
		for (size_t i = 0; i < k; i++)
			assert_int_equal(p[i], 0);
		memset(p, (int)(n & 0x7F) + 1, k);
		nbytes += k;
		assert_int_equal(a.nbytes, nbytes);
	}
	for (size_t n = 0; n <= 300; n++) {
		size_t k = n ? (n + 15) & ~(size_t)15 : 16;
		for (size_t i = 0; i < k; i++)
			assert_int_equal(v[n][i], (n & 0x7F) + 1);
	}
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_last_block_in_place),
		cmocka_unit_test(test_grow_after_other_block_copies),
		cmocka_unit_test(test_big_block_keeps_head_room),
		cmocka_unit_test(test_regrow_big_array_once),
		cmocka_unit_test(test_regrow_foreign_block_copies),
		cmocka_unit_test(test_blocks_are_cleared_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
