/*
** test_json.c: the JSON pieces written into room made for them
** (fc_json_strn_at, fc_json_num_at, fc_json_int_at) are what the
** fc_buf writers give, and fc_buf_room/fc_buf_used keep the buffer's
** maximum and its sticky error.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"

static void str_is(const char *s, size_t n, const char *want)
{
	char out[256];
	assert_true(FC_JSON_STRN_MAX(n) <= sizeof(out));
	size_t k = fc_json_strn_at(out, s, n);
	assert_true(k <= FC_JSON_STRN_MAX(n));
	out[k] = '\0';
	assert_string_equal(out, want);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_json_strn(&b, s, n);
	assert_string_equal(fc_buf_cstr(&b), want);
	fc_buf_finish(&b);
}

static void test_strings(void **state)
{
	(void)state;
	str_is("plain text", 10, "\"plain text\"");
	str_is("a\"b\\c", 5, "\"a\\\"b\\\\c\"");
	str_is("\n\r\t\x01\x1f\x7f", 6, "\"\\n\\r\\t\\u0001\\u001f\x7f\"");
	/* valid UTF-8 as it is, each bad byte one U+FFFD */
	str_is("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", 13,
	       "\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\"");
	str_is("a\xFF\xC3 b\xE2\x80", 7,
	       "\"a\xEF\xBF\xBD\xEF\xBF\xBD b\xEF\xBF\xBD\xEF\xBF\xBD\"");
	/* the worst case fills the room it asks for */
	char ctl[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	char out[64];
	assert_int_equal(fc_json_strn_at(out, ctl, 8), FC_JSON_STRN_MAX(8));
}

static void num_is(double v, const char *want)
{
	char out[FC_JSON_NUM_MAX + 1];
	size_t k = fc_json_num_at(out, v);
	out[k] = '\0';
	assert_string_equal(out, want);
	/* shortest that reads back, as printf of the old loop gave it */
	if (isfinite(v) && !(v == floor(v) && fabs(v) < 1e15)) {
		char tmp[32];
		for (int p = 6; p <= 17; p++) {
			snprintf(tmp, sizeof(tmp), "%.*g", p, v);
			if (strtod(tmp, NULL) == v)
				break;
		}
		assert_string_equal(out, tmp);
	}
}

static void test_numbers(void **state)
{
	(void)state;
	num_is(0, "0");
	num_is(-0.0, "-0");
	num_is(3e9, "3000000000");
	num_is(-42, "-42");
	num_is(999999999999999, "999999999999999");
	num_is(1e15, "1e+15");
	num_is(0.4, "0.4");
	num_is(2.5, "2.5");
	num_is(1.0 / 3, "0.3333333333333333");
	num_is(0.1 + 0.2, "0.30000000000000004");
	num_is(1.2e9 + 0.5, "1200000000.5");
	num_is(1e-7, "1e-07");
	num_is(1e300, "1e+300");
	num_is(NAN, "null");
	num_is(INFINITY, "null");
	char out[24];
	out[fc_json_int_at(out, INT64_MIN)] = '\0';
	assert_string_equal(out, "-9223372036854775808");
	out[fc_json_int_at(out, 7)] = '\0';
	assert_string_equal(out, "7");
}

static void test_room_keeps_max_and_error(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 16);
	char *o = fc_buf_room(&b, 10);
	assert_non_null(o);
	memcpy(o, "0123456789", 10);
	fc_buf_used(&b, 4);
	assert_string_equal(fc_buf_cstr(&b), "0123");
	/* past the maximum: refused, and the error stays */
	assert_null(fc_buf_room(&b, 13));
	assert_int_equal(b.err, FC_ELIMIT);
	fc_buf_add(&b, "x", 1);
	fc_buf_addc(&b, 'y');
	assert_int_equal(b.len, 4);
	assert_null(fc_buf_room(&b, 1));
	fc_buf_finish(&b);
	/* appends within the capacity but past the maximum fail too */
	fc_buf_init(&b, 5);
	fc_buf_add(&b, "abc", 3);
	fc_buf_add(&b, "def", 3);
	assert_int_equal(b.err, FC_ELIMIT);
	assert_string_equal(fc_buf_cstr(&b), "abc");
	fc_buf_finish(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_room_keeps_max_and_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
