/*
** test_jsonfast.c: the fast paths of the JSON writers give exactly what
** the plain ways give: fc_json_strn_at (eight bytes at a time) against
** a byte-by-byte escaper, fc_json_num_at (decimals without printf)
** against the shortest "%.Pg" from P = 6 that reads back, fc_json_int_at
** against printf, on many generated inputs (fixed seed).
*/
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "speed_rnd.h"

/* The escaper the fast one must match, one byte at a time. */
static size_t ref_strn(char *out, const unsigned char *p, size_t n)
{
	char *o = out;
	*o++ = '"';
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			*o++ = (char)c;
			i++;
		} else if (c >= 0x80) {
			size_t k = fc_utf8_seq_len(p + i, n - i);
			memcpy(o, k ? (const char *)p + i : "\xEF\xBF\xBD",
			       k ? k : 3);
			o += k ? k : 3;
			i += k ? k : 1;
		} else {
			*o++ = '\\';
			if (c == '"' || c == '\\')
				*o++ = (char)c;
			else if (c == '\n' || c == '\r' || c == '\t')
				*o++ = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
			else
				o += sprintf(o, "u%04x", c);
			i++;
		}
	}
	*o++ = '"';
	return (size_t)(o - out);
}

static void test_strings_match_bytewise(void **state)
{
	(void)state;
	/* plain runs with a special byte or a UTF-8 sequence at every
	** place, so every split of the 8-byte blocks is seen */
	static const char *const odd[] = {
		"\"", "\\", "\n", "\x01", "\x1f", "\x7f", " ", "\xC3\xA9",
		"\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\xE2\x80",
	};
	unsigned char in[64];
	char got[6 * 64 + 2], want[6 * 64 + 2];
	for (int round = 0; round < 100000; round++) {
		size_t n = rnd() % 40;
		for (size_t i = 0; i < n;) {
			uint64_t r = rnd();
			if (r % 5 == 0) {
				const char *o = odd[(r >> 8) % 13];
				size_t k = strlen(o);
				if (i + k > n)
					k = n - i;
				memcpy(in + i, o, k);
				i += k;
			} else {
				in[i++] = (unsigned char)(0x20 + (r >> 8) % 95);
			}
		}
		size_t k = fc_json_strn_at(got, (const char *)in, n);
		size_t w = ref_strn(want, in, n);
		assert_true(k <= FC_JSON_STRN_MAX(n));
		assert_int_equal(k, w);
		assert_memory_equal(got, want, w);
	}
}

/* What fc_json_num_at gave before its fast path. */
static void ref_num(char *out, double v)
{
	if (!isfinite(v)) {
		strcpy(out, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, 32, "%.0f", v);
		return;
	}
	for (int p = 6; p <= 17; p++) {
		snprintf(out, 32, "%.*g", p, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

static void num_matches(double v)
{
	char got[FC_JSON_NUM_MAX + 1], want[32];
	got[fc_json_num_at(got, v)] = '\0';
	ref_num(want, v);
	if (strcmp(got, want))
		fail_msg("%.17g: got %s, want %s", v, got, want);
}

static void test_numbers_match_printf(void **state)
{
	(void)state;
	static const double p10[] = {1,   10,  100, 1e3, 1e4,
				     1e5, 1e6, 1e7, 1e8, 1e9};
	/* short decimals k / 10^d, as news numbers are */
	for (int round = 0; round < 100000; round++) {
		uint64_t r = rnd();
		double k = (double)(r % 10000000);
		double v = k / p10[(r >> 32) % 10];
		num_matches((r >> 40) & 1 ? -v : v);
	}
	/* any double in and around the range of the fast path */
	for (int round = 0; round < 100000; round++) {
		uint64_t r = rnd();
		double v = ldexp((double)(r >> 11), -53) *
			   pow(10, (double)((int)(rnd() % 14) - 6));
		num_matches(v);
		num_matches(-v);
	}
	/* the edges: powers of ten, their neighbours, six nines */
	for (int e = -6; e <= 7; e++) {
		double p = pow(10, e);
		num_matches(p);
		num_matches(nextafter(p, 0));
		num_matches(nextafter(p, INFINITY));
		num_matches(p - p / 1e6);
		num_matches(p * 0.999999);
		num_matches(p * 0.9999995);
		num_matches(p * 1.0000005);
	}
	num_matches(99999.95);
	num_matches(0.000099999995);
	num_matches(0.0001);
	num_matches(12345.6);
	num_matches(1234.56);
	num_matches(0.1 + 0.2);
}

static void test_ints_match_printf(void **state)
{
	(void)state;
	char got[24], want[24];
	for (int round = 0; round < 100000; round++) {
		uint64_t r = rnd();
		int64_t v = (int64_t)(r >> (r % 64));
		if (round & 1)
			v = -v;
		got[fc_json_int_at(got, v)] = '\0';
		snprintf(want, sizeof(want), "%" PRId64, v);
		assert_string_equal(got, want);
	}
	for (int64_t p = 1; p < INT64_MAX / 10; p *= 10) {
		int64_t vs[] = {p - 1, p, p + 1, -p};
		for (size_t i = 0; i < 4; i++) {
			got[fc_json_int_at(got, vs[i])] = '\0';
			snprintf(want, sizeof(want), "%" PRId64, vs[i]);
			assert_string_equal(got, want);
		}
	}
	got[fc_json_int_at(got, INT64_MAX)] = '\0';
	assert_string_equal(got, "9223372036854775807");
}

static void test_writer_keys_and_ints(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	struct fc_jw w;
	fc_jw_init(&w, &b, false);
	fc_jw_obj(&w);
	fc_jw_key(&w, "a\"b");
	fc_jw_int(&w, -1234567);
	fc_jw_key(&w, "n");
	fc_jw_num(&w, 0.25);
	fc_jw_obj_end(&w);
	assert_string_equal(fc_buf_cstr(&b),
			    "{\"a\\\"b\": -1234567, \"n\": 0.25}");
	fc_buf_finish(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings_match_bytewise),
		cmocka_unit_test(test_numbers_match_printf),
		cmocka_unit_test(test_ints_match_printf),
		cmocka_unit_test(test_writer_keys_and_ints),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
