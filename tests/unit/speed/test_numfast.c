/*
** test_numfast.c: the number reader's fast path for digits with group
** separators and a decimal part ("1,200", "13.5", "1.111,11": one run of
** digits, commas and dots that norm_read_digits reads whole) gives what
** the token reading gives.
**
** The token reading is reached with a blank after the same digits (the
** fast paths take no blank; the reading skips it and ends at the
** number): value (bit for bit), bytes used, kind and flags must agree,
** for hand-picked forms and 20,000 pseudo-random runs of digits, commas
** and dots.
*/
#include <stdio.h>
#include <string.h>

#include "fc_test.h"
#include "extract/norm_p.h"

/* s (len bytes) read alone and with a blank after it: the same reading. */
static void check_same(const struct fc_norm *n, const char *s, size_t len)
{
	char buf[64];
	assert_true(len + 1 < sizeof(buf));
	memcpy(buf, s, len);
	buf[len] = ' ';
	struct norm_num a, b;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	bool ra = norm_number_read(n, buf, len, &a);
	bool rb = norm_number_read(n, buf, len + 1, &b);
	if (ra != rb || (ra && (memcmp(&a.value, &b.value, sizeof(double)) ||
				a.used != b.used || a.kind != b.kind ||
				a.is_bare != b.is_bare ||
				memcmp(&a.scale_end, &b.scale_end,
				       sizeof(double)))))
		fail_msg("'%.*s': %d %.17g used %u kind %d / %d %.17g used "
			 "%u kind %d",
			 (int)len, s, ra, a.value, a.used, a.kind, rb, b.value,
			 b.used, b.kind);
}

static void test_forms(void **state)
{
	const struct fc_rules *rules = *state;
	const struct fc_norm *n = rules->norm;
	static const char *const forms[] = {
		"1,200", "13.5", "1.111,11", "12,34,567", "5,00", "12,5",
		"900,00", "0.15", "2.70", "1,000,000.25", "3.14159265358979",
		"123456789012345678", "1234567890123456.5", "1.2.3", "1,2,3",
		"1..2", "1,,2", "7.", "7,", "1,000.", "0.1", "0.3",
		"99999999999999.99", "1.005", "4,550,00", "22,24,26",
		"1.3", "100.000", "1.000.000", "1.000.000,5", "0,5",
	};
	for (size_t i = 0; i < sizeof(forms) / sizeof(*forms); i++)
		check_same(n, forms[i], strlen(forms[i]));
	/* the fast path reads these whole, as the tokens do */
	struct norm_num r;
	assert_true(norm_number_read(n, "1,200", 5, &r));
	assert_true(r.value == 1200 && r.used == 5);
	assert_true(norm_number_read(n, "13.5", 4, &r));
	assert_true(r.value == 13.5 && r.used == 4);
	assert_true(norm_number_read(n, "0.15", 4, &r));
	assert_true(r.value == 0.15 && r.used == 4);
}

static void test_random_runs(void **state)
{
	const struct fc_rules *rules = *state;
	const struct fc_norm *n = rules->norm;
	uint32_t x = 12345;
	char s[40];
	for (int t = 0; t < 20000; t++) {
		x = x * 1103515245u + 12345u;
		size_t len = 1 + (x >> 16) % 24;
		for (size_t i = 0; i < len; i++) {
			x = x * 1103515245u + 12345u;
			unsigned r = (x >> 16) % 16;
			s[i] = r < 12 ? (char)('0' + r % 10) : r < 14 ? ',' : '.';
		}
		s[0] = (char)('0' + (x >> 20) % 10);
		check_same(n, s, len);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_random_runs),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
