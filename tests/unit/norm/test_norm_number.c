/*
** test_norm_number.c: the number reader (src/extract/norm_number.c)
** with the built-in word tables: each row gives a phrase, the value,
** how many bytes of it are read (the longest well-formed number) and
** whether it reads as a cardinal, a fraction or an ordinal.
*/
#include <math.h>
#include <stdio.h>

#include "fc_test.h"

#include "extract/norm_p.h"

enum { CARD = NORM_NUM_CARD, FRAC = NORM_NUM_FRAC, ORD = NORM_NUM_ORD };

struct row {
	const char *text;
	double value;
	int used; /* -1: all of it */
	int kind;
};

static const struct row rows[] = {
	/* digits */
	{"1,200.5", 1200.5, -1, CARD},
	{"12,34,567.89", 1234567.89, -1, CARD},
	{"1 234 567", 1234567, -1, CARD},
	{"40\xe2\x80\xaf" "000", 40000, -1, CARD}, /* narrow no-break space */
	{"1.111,11", 1111.11, -1, CARD},
	{"5,00", 5, -1, CARD},
	{"900,00", 900, 3, CARD},  /* a typo of 900,000: not a decimal */
	{".08", 0.08, -1, CARD},
	{"1.3e6", 1.3e6, -1, CARD},
	{"12.32e+14", 1.232e15, -1, CARD},
	{"6.23x10^-4", 6.23e-4, -1, CARD},
	{"2.5^-1", 0.4, -1, CARD},
	{"3/4", 0.75, -1, FRAC},
	{"2 1/2", 2.5, -1, FRAC},
	{"7-3/4", 7.75, -1, FRAC},
	{"\xc2\xbd", 0.5, -1, FRAC}, /* U+00BD */
	{"21st", 21, -1, ORD},
	{"211bn", 211e9, -1, CARD}, /* a scale word on the digits */
	{"3.5mln", 3.5e6, -1, CARD},
	{"5m", 5, -1, CARD}, /* other letters: a suffix ("5m" may be metres) */
	/* a blank after the group comma, the last group starting with a
	** zero: one number; else the first digits only */
	{"20, 000", 20000, -1, CARD},
	{"1, 500, 000", 1500000, -1, CARD},
	{"1, 050", 1050, -1, CARD},
	{"2004, 150", 2004, 4, CARD},
	{"20, 500", 20, 2, CARD},
	/* words */
	{"twenty-four", 24, -1, CARD},
	{"a hundred and five", 105, -1, CARD},
	{"4 thousand 3 hundred and 21", 4321, -1, CARD},
	{"three lakh crore", 3e12, -1, CARD},
	{"a thousand million", 1e9, -1, CARD},
	{"one million two thousand", 1002000, -1, CARD},
	{"ninety-five hundred", 9500, -1, CARD},
	{"three hundred and two dozen", 324, -1, CARD},
	{"two point five million", 2.5e6, -1, CARD},
	{"nought point nought three", 0.03, -1, CARD},
	{"two hundred point seventy-one", 200.71, -1, CARD},
	/* fractions */
	{"two thirds", 2.0 / 3, -1, FRAC},
	{"a third", 1.0 / 3, -1, FRAC},
	{"one twenty-fifth", 0.04, -1, FRAC},
	{"three twenty firsts", 3.0 / 21, -1, FRAC},
	{"one one hundred fifth", 1.0 / 105, -1, FRAC},
	{"a hundred trillionths", 1e-10, -1, FRAC},
	{"three quarters billion", 7.5e8, -1, FRAC},
	{"two thirds of a million", 2e6 / 3, -1, FRAC},
	{"five and a half million", 5.5e6, -1, FRAC},
	{"one billion and a half million", 1.0005e9, -1, FRAC},
	{"two million and three fifths", 2.6e6, -1, FRAC},
	{"one hundred and three quarters", 100.75, -1, FRAC},
	{"one hundred and thirty fifths", 26, -1, FRAC},
	{"one hundred thirty fifths", 100.0 / 35, -1, FRAC},
	{"two hundred and fifty-four hundredths", 200.54, -1, FRAC},
	/* ordinals */
	{"third", 3, -1, ORD},
	{"twenty-first", 21, -1, ORD},
	{"one hundred twenty fifth", 125, -1, ORD},
	{"one hundred and fifth", 105, -1, ORD},
	{"three trillionth", 3e12, -1, ORD},
	{"a hundred trillionth", 1e14, -1, ORD},
	/* the longest well-formed prefix */
	{"one and one", 1, 3, CARD},
	{"3 hundred and 2 hundred", 300, 9, CARD},
	{"67 mln and four mln", 67e6, 6, CARD},
	{"5.4 mln nine", 5.4e6, 7, CARD},
	{"twenty nineteen", 20, 6, CARD},
	{"first one", 1, 5, ORD},
};

static bool same(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

static void test_norm_number_table(void **state)
{
	const struct fc_rules *rules = *state;
	int bad = 0;
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		const struct row *w = &rows[i];
		struct norm_num r;
		size_t len = strlen(w->text);
		size_t used = w->used < 0 ? len : (size_t)w->used;
		bool ok = norm_number_read(rules->norm, w->text, len, &r);
		if (ok && same(r.value, w->value) && r.used == used &&
		    (int)r.kind == w->kind && !r.is_bare)
			continue;
		fprintf(stderr, "MISMATCH \"%s\": want %.17g used %zu kind %d",
			w->text, w->value, used, w->kind);
		if (ok)
			fprintf(stderr, ", got %.17g used %u kind %d bare %d",
				r.value, r.used, (int)r.kind, r.is_bare);
		fprintf(stderr, "\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

/* No number at all; "half" alone reads but is bare (no quantity). */
static void test_norm_number_none_and_bare(void **state)
{
	const struct fc_rules *rules = *state;
	static const char *const none[] = {"", "the", "and five", "- 5",
					   "thirds", "a", "point"};
	struct norm_num r;
	for (size_t i = 0; i < sizeof(none) / sizeof(*none); i++)
		assert_false(norm_number_read(rules->norm, none[i],
					      strlen(none[i]), &r));
	assert_true(norm_number_read(rules->norm, "half", 4, &r));
	assert_true(r.is_bare);
	assert_true(same(r.value, 0.5));
	assert_true(norm_number_read(rules->norm, "half million", 12, &r));
	assert_false(r.is_bare);
	assert_true(same(r.value, 5e5));
	/* norm_number wants the whole text */
	assert_true(isnan(norm_number(rules->norm, "one and one", 11)));
	assert_true(same(norm_number(rules->norm, "twenty four ", 12), 24));
}

/* Long and hostile input: bounded tokens, no overflow, a finite value. */
static void test_norm_number_hostile(void **state)
{
	const struct fc_rules *rules = *state;
	char buf[4096];
	size_t o = 0;
	while (o + 9 < sizeof(buf)) {
		memcpy(buf + o, "million ", 8);
		o += 8;
	}
	struct norm_num r;
	assert_true(norm_number_read(rules->norm, buf, o, &r));
	assert_true(r.used <= o);
	memset(buf, '9', sizeof(buf));
	assert_true(norm_number_read(rules->norm, buf, sizeof(buf), &r));
	assert_int_equal(r.used, sizeof(buf));
	assert_false(norm_number_read(rules->norm, "\xff\xfe", 2, &r));
	assert_true(norm_number_read(rules->norm, "1e999", 5, &r));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_number_table),
		cmocka_unit_test(test_norm_number_none_and_bare),
		cmocka_unit_test(test_norm_number_hostile),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
