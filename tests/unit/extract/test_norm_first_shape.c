/*
** test_norm_first_shape.c: the start strings of a regex do not depend on
** how its groups nest ("(?:(?:x))" is x: the analysis takes the first
** atom of a branch as it is) nor on the body of a positive lookaround
** (read for its syntax only), and a negative lookahead still narrows
** what follows (norm_first.c).
*/
#include <stdio.h>

#include "fc_test.h"
#include "extract/norm_p.h"
#include "norm_first_same.h"

struct an {
	struct norm_first f;
	struct fc_arena a;
	struct norm_first_memo *memo;
};

static void analyze(struct an *x, const char *rx, bool is_ci)
{
	fc_arena_init(&x->a);
	x->memo = NULL;
	norm_first_analyze(rx, strlen(rx), is_ci, &x->memo, &x->a, &x->f);
	assert_true(x->f.is_ok);
}

static void done(struct an *x)
{
	norm_first_memo_free(x->memo);
	fc_arena_finish(&x->a);
}

/* Is byte c in class id of f? */
static bool has(const struct norm_first *f, uint8_t id, unsigned c)
{
	return f->sets[id][c / 64] >> (c % 64) & 1;
}

static void test_nesting(void **state)
{
	(void)state;
	static const char *const same[] = {
		"(?:today|tonight)",
		"(?:(?:(?:today|tonight)))",
		"(?:(?:today)|(?:(?:tonight)))",
		"(?:(?=[a-z]{2,}(?:x|y|z))(?:today|tonight))",
		"(?<=\\s)(?:today|tonight)",
	};
	struct an ref;
	analyze(&ref, same[0], false);
	/* "today" whole (5 letters: weight enough); "tonig" cut */
	assert_int_equal(ref.f.nstrs, 2);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(ref.f.strs[i].len, 5);
		assert_true(has(&ref.f, ref.f.strs[i].sym[0], 't'));
		assert_false(has(&ref.f, ref.f.strs[i].sym[0], 'T'));
	}
	assert_int_equal((ref.f.strs[0].flags | ref.f.strs[1].flags) &
				 NORM_PS_TRUNC,
			 NORM_PS_TRUNC);
	for (size_t k = 1; k < sizeof(same) / sizeof(*same); k++) {
		struct an x;
		analyze(&x, same[k], false);
		assert_same_first(NULL, &ref.f, &x.f);
		done(&x);
	}
	done(&ref);
}

static void test_negative_lookahead_narrows(void **state)
{
	(void)state;
	struct an x, y;
	/* "a" not followed by b or c; the same in groups */
	analyze(&x, "a(?![bc])", false);
	analyze(&y, "(?:(?:a)(?:(?![bc])))", false);
	assert_int_equal(x.f.nstrs, 1);
	const struct norm_pstr *s = &x.f.strs[0];
	assert_int_equal(s->len, 1);
	assert_int_equal(s->flags & NORM_PS_TRUNC, 0);
	assert_int_not_equal(s->x, 0);
	assert_true(has(&x.f, s->x, 'b'));
	assert_true(has(&x.f, s->x, 'c'));
	assert_false(has(&x.f, s->x, 'a'));
	assert_same_first(NULL, &x.f, &y.f);
	done(&x);
	done(&y);
	/* a positive lookahead narrows nothing */
	analyze(&x, "a(?=[bc])", false);
	assert_int_equal(x.f.nstrs, 1);
	assert_int_equal(x.f.strs[0].x, 0);
	done(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_negative_lookahead_narrows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
