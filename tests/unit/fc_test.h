/*
** fc_test.h: shared helpers for the cmocka unit tests.
*/
#ifndef FC_TEST_H
#define FC_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "factcross/fc.h"
#include "stages.h"

/* Assert that diagnostics hold exactly one error with this rendering. */
static inline void fc_assert_diag(const struct fc_diags *d, size_t i,
				  const char *file, unsigned line,
				  unsigned col, const char *msg)
{
	assert_true(i < d->n);
	if (file)
		assert_string_equal(d->v[i].loc.file, file);
	assert_int_equal(d->v[i].loc.line, line);
	assert_int_equal(d->v[i].loc.col, col);
	assert_string_equal(d->v[i].msg, msg);
}

#endif
