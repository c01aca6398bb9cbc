/*
** norm_first_same.h: for the tests of the start-string analysis
** (test_norm_first_shape.c, test_norm_first_cut.c): two analyses give the
** same strings, in order, class by class (class ids may differ).
*/
#ifndef FC_TEST_NORM_FIRST_SAME_H
#define FC_TEST_NORM_FIRST_SAME_H

#include "fc_test.h"
#include "extract/norm_p.h"

/* what: named in the failure (the regex, or NULL). */
static inline void assert_same_first(const char *what,
				     const struct norm_first *p,
				     const struct norm_first *q)
{
	if (p->is_ok != q->is_ok || p->nstrs != q->nstrs ||
	    p->is_bos != q->is_bos)
		fail_msg("%.80s: ok %d/%d, %zu/%zu strings, bos %d/%d",
			 what ? what : "", p->is_ok, q->is_ok, p->nstrs,
			 q->nstrs, p->is_bos, q->is_bos);
	for (size_t i = 0; i < p->nstrs; i++) {
		const struct norm_pstr *s = &p->strs[i], *t = &q->strs[i];
		assert_int_equal(s->len, t->len);
		assert_int_equal(s->flags, t->flags);
		assert_int_equal(s->loop, t->loop);
		assert_int_equal(s->x == 0, t->x == 0);
		if (s->x)
			assert_memory_equal(p->sets[s->x], q->sets[t->x],
					    sizeof(p->sets[0]));
		for (int k = 0; k < s->len; k++)
			assert_memory_equal(p->sets[s->sym[k]],
					    q->sets[t->sym[k]],
					    sizeof(p->sets[0]));
	}
}

#endif
