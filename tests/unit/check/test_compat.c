/*
** test_compat.c: fc_values_compatible for every compare type, table
** driven, including the examples of DESIGN.md.
*/
#include "check_test.h"

#define DAY 86400.0

struct ccase {
	const char *name;
	const char *compare;
	double tolerance;
	struct fc_value a, b;
	bool want;
};

static void run_cases(const struct ccase *cs, size_t n)
{
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		bool got = fc_values_compatible(cs[i].compare, cs[i].tolerance,
						&cs[i].a, &cs[i].b);
		bool rev = fc_values_compatible(cs[i].compare, cs[i].tolerance,
						&cs[i].b, &cs[i].a);
		if (got != cs[i].want || rev != cs[i].want) {
			print_error("case '%s': want %d, got %d (reversed %d)\n",
				    cs[i].name, cs[i].want, got, rev);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void test_time(void **state)
{
	(void)state;
	/* fc_time_parse does not read PRESENT_REF (it takes the 'P' for a
	** duration), so build it by hand as a normalizer would. */
	struct fc_value present_ref = {.type = FC_VAL_TIME};
	strcpy(present_ref.time.value, "PRESENT_REF");
	const struct ccase cs[] = {
		{"year contains day (DESIGN)", "time", 0, v_time("2025"),
		 v_time("2025-07-08"), true},
		{"unknown year, same month and day (DESIGN)", "time", 0,
		 v_time("XXXX-01-16"), v_time("2026-01-16"), true},
		{"next day contradicts (DESIGN)", "time", 0,
		 v_time("2026-01-16"), v_time("2026-01-17"), false},
		{"next day within P1D", "time", DAY, v_time("2026-01-16"),
		 v_time("2026-01-17"), true},
		{"two days beyond P1D", "time", DAY, v_time("2026-01-16"),
		 v_time("2026-01-18"), false},
		{"other year", "time", 0, v_time("2025"), v_time("2026-01-16"),
		 false},
		{"month contains day", "time", 0, v_time("2025-12"),
		 v_time("2025-12-05"), true},
		{"late December excludes the 5th", "time", 0,
		 v_time_mod("2025-12", FC_MOD_END), v_time("2025-12-05"),
		 false},
		{"late December holds the 28th", "time", 0,
		 v_time_mod("2025-12", FC_MOD_END), v_time("2025-12-28"),
		 true},
		{"early vs late month", "time", 0,
		 v_time_mod("2026-01", FC_MOD_START),
		 v_time_mod("2026-01", FC_MOD_END), false},
		{"ISO week holds its Friday", "time", 0, v_time("2026-W03"),
		 v_time("2026-01-16"), true},
		{"ISO week excludes the next Tuesday", "time", 0,
		 v_time("2026-W03"), v_time("2026-01-20"), false},
		{"weekdays of unknown weeks", "time", 0, v_time("XXXX-WXX-2"),
		 v_time("XXXX-WXX-3"), true},
		{"unknown years, other day", "time", 0, v_time("XXXX-01-16"),
		 v_time("XXXX-01-17"), false},
		{"unknown years, month vs day", "time", 0, v_time("XXXX-01"),
		 v_time("XXXX-01-17"), true},
		{"unknown year vs other month", "time", 0,
		 v_time("XXXX-01-16"), v_time("2026-02"), false},
		{"unknown year inside a year", "time", 0,
		 v_time("XXXX-01-16"), v_time("2026"), true},
		{"Friday of unknown week vs a Friday", "time", 0,
		 v_time("XXXX-WXX-5"), v_time("2026-01-16"), true},
		{"Friday of unknown week vs a Saturday", "time", 0,
		 v_time("XXXX-WXX-5"), v_time("2026-01-17"), false},
		{"PRESENT_REF fits anything", "time", 0, present_ref,
		 v_time("2026-01-16"), true},
		{"before a day holds an earlier day", "time", 0,
		 v_time_mod("2026-01-16", FC_MOD_BEFORE), v_time("2026-01-10"),
		 true},
		{"before a day excludes the day", "time", 0,
		 v_time_mod("2026-01-16", FC_MOD_BEFORE), v_time("2026-01-16"),
		 false},
		{"after a day holds a later day", "time", 0,
		 v_time_mod("2026-01-16", FC_MOD_AFTER), v_time("2026-01-20"),
		 true},
		{"after a day excludes an earlier day", "time", 0,
		 v_time_mod("2026-01-16", FC_MOD_AFTER), v_time("2026-01-02"),
		 false},
		{"part of day inside its day", "time", 0,
		 v_time("2026-01-16TNI"), v_time("2026-01-16"), true},
		{"decade holds a year", "time", 0, v_time("199"),
		 v_time("1994"), true},
		{"same value", "time", 0, v_time("2026-01-16"),
		 v_time("2026-01-16"), true},
	};
	run_cases(cs, sizeof(cs) / sizeof(*cs));
}

static void test_duration(void **state)
{
	(void)state;
	const struct ccase cs[] = {
		{"equal years", "duration", 0, v_time("P20Y"), v_time("P20Y"),
		 true},
		{"20 vs 25 years", "duration", 0, v_time("P20Y"),
		 v_time("P25Y"), false},
		{"two decades are 20 years", "duration", 0, v_time("P2DE"),
		 v_time("P20Y"), true},
		{"a year is 12 months", "duration", 0, v_time("P1Y"),
		 v_time("P12M"), true},
		{"a year is 52 weeks (grain slack)", "duration", 0,
		 v_time("P1Y"), v_time("P52W"), true},
		{"a year is not 14 months", "duration", 0, v_time("P1Y"),
		 v_time("P14M"), false},
		{"2 weeks vs 20 days", "duration", 0, v_time("P2W"),
		 v_time("P20D"), false},
		{"12 vs 13 days", "duration", 0, v_time("P12D"),
		 v_time("P13D"), false},
		{"12 vs 13 days within P1D", "duration", DAY, v_time("P12D"),
		 v_time("P13D"), true},
		{"more than 20 years holds 25", "duration", 0,
		 v_time_mod("P20Y", FC_MOD_MORE_THAN), v_time("P25Y"), true},
		{"less than 20 years excludes 25", "duration", 0,
		 v_time_mod("P20Y", FC_MOD_LESS_THAN), v_time("P25Y"), false},
		{"about 20 years holds 21", "duration", 0,
		 v_time_mod("P20Y", FC_MOD_APPROX), v_time("P21Y"), true},
		{"'years' fits any length", "duration", 0, v_time("PXY"),
		 v_time("P3Y"), true},
		{"3 hours vs 180 minutes", "duration", 0, v_time("PT3H"),
		 v_time("PT180M"), true},
	};
	run_cases(cs, sizeof(cs) / sizeof(*cs));
}

static void test_quantity(void **state)
{
	(void)state;
	const struct ccase cs[] = {
		{"nearly $3 billion vs $2.9 billion (DESIGN)", "quantity", 0,
		 v_qty(3e9, 0, 3e9, "USD", true, false),
		 v_qty(2.9e9, 2.9e9, 2.9e9, "USD", false, false), true},
		{"nearly $3 billion vs $3.2 billion", "quantity", 0,
		 v_qty(3e9, 0, 3e9, "USD", true, false),
		 v_qty(3.2e9, 3.2e9, 3.2e9, "USD", false, false), false},
		{"3 vs 2.9 billion within 5%", "quantity", 0.05,
		 v_qty(3e9, 3e9, 3e9, "USD", false, false),
		 v_qty(2.9e9, 2.9e9, 2.9e9, "USD", false, false), true},
		{"3 vs 2.9 billion exact", "quantity", 0,
		 v_qty(3e9, 3e9, 3e9, "USD", false, false),
		 v_qty(2.9e9, 2.9e9, 2.9e9, "USD", false, false), false},
		{"no bounds means the value", "quantity", 0,
		 v_qty(40, 0, 0, NULL, false, false),
		 v_qty(40, 40, 40, NULL, false, false), true},
		{"other currency", "quantity", 0.5,
		 v_qty(3e9, 3e9, 3e9, "USD", false, false),
		 v_qty(3e9, 3e9, 3e9, "EUR", false, false), false},
		{"one unit missing", "quantity", 0,
		 v_qty(3e9, 3e9, 3e9, "USD", false, false),
		 v_qty(3e9, 3e9, 3e9, NULL, false, false), true},
		{"more than 200 vs 150", "quantity", 0,
		 v_qty(200, 200, 0, NULL, false, true),
		 v_qty(150, 150, 150, NULL, false, false), false},
		{"more than 200 vs 250", "quantity", 0,
		 v_qty(200, 200, 0, NULL, false, true),
		 v_qty(250, 250, 250, NULL, false, false), true},
		{"about 40 vs 42", "quantity", 0,
		 v_qty(40, 36, 44, NULL, false, false),
		 v_qty(42, 42, 42, NULL, false, false), true},
		{"ordinal 2 vs 2", "quantity", 0, v_int(2), v_int(2), true},
		{"ordinal 2 vs 3", "quantity", 0, v_int(2), v_int(3), false},
	};
	run_cases(cs, sizeof(cs) / sizeof(*cs));
}

static void test_entity_text_polarity(void **state)
{
	(void)state;
	const struct ccase cs[] = {
		{"same person", "entity", 0,
		 v_entity("person:vladimir-putin", "Vladimir Putin"),
		 v_entity("person:vladimir-putin", "Putin"), true},
		{"other person", "entity", 0,
		 v_entity("person:vladimir-putin", NULL),
		 v_entity("person:dmitry-peskov", NULL), false},
		{"government is its state", "entity", 0,
		 v_entity("gov:RU", NULL), v_entity("country:RU", NULL), true},
		{"other state's government", "entity", 0,
		 v_entity("gov:RU", NULL), v_entity("country:IR", NULL), false},
		{"city vs city", "entity", 0, v_entity("city:tehran", NULL),
		 v_entity("city:mashhad", NULL), false},
		{"quote marks, case and spacing", "text", 0,
		 v_text("Russia is \xE2\x80\x9Cready\xE2\x80\x9D  to help."),
		 v_text("russia is \"ready\" to help"), true},
		{"curly apostrophe", "text", 0,
		 v_text("Russia\xE2\x80\x99s help"), v_text("Russia's help"),
		 true},
		{"other words", "text", 0, v_text("Russia is ready to help"),
		 v_text("Russia is willing to help"), false},
		{"strategic partnership", "text", 0,
		 v_text("Strategic Partnership"),
		 v_text("strategic partnership"), true},
		{"asserted twice", "polarity", 0, v_text("asserted"),
		 v_text("asserted"), true},
		{"asserted vs negated (DESIGN)", "polarity", 0,
		 v_text("asserted"), v_text("negated"), false},
		{"unknown compare: as text", "no-such", 0, v_text("A  b"),
		 v_text("a b"), true},
		{"time compare on entities: same id", "time", 0,
		 v_entity("country:RU", NULL), v_entity("country:RU", NULL),
		 true},
		{"time compare on entities: other id", "time", 0,
		 v_entity("country:RU", NULL), v_entity("country:IR", NULL),
		 false},
	};
	run_cases(cs, sizeof(cs) / sizeof(*cs));
}

static void test_lists(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	const char *ru_ir[] = {"country:RU", "country:IR"};
	const char *ir_ru[] = {"country:IR", "country:RU"};
	const char *ru_cn[] = {"country:RU", "country:CN"};
	const char *ru[] = {"country:RU"};
	const char *gb_de_fr[] = {"country:GB", "country:DE", "country:FR"};
	const char *gb_fr[] = {"country:GB", "country:FR"};
	const char *fr_gb[] = {"country:FR", "country:GB"};
	const char *de_gb[] = {"country:DE", "country:GB"};
	const char *it[] = {"country:IT"};
	const char *gb_gb_de[] = {"country:GB", "country:GB", "country:DE"};
	const struct ccase cs[] = {
		{"set: any order", "set", 0, v_list(&a, 2, ru_ir),
		 v_list(&a, 2, ir_ru), true},
		{"set: subset agrees (DESIGN)", "set", 0, v_list(&a, 1, ru),
		 v_list(&a, 2, ru_ir), true},
		{"set: other member", "set", 0, v_list(&a, 2, ru_cn),
		 v_list(&a, 2, ru_ir), false},
		{"set: one entity in a list", "set", 0,
		 v_entity("country:RU", NULL), v_list(&a, 2, ru_ir), true},
		{"entity compare on lists is a set", "entity", 0,
		 v_list(&a, 2, ru_ir), v_list(&a, 2, ir_ru), true},
		{"order: subsequence agrees (DESIGN)", "list-order", 0,
		 v_list(&a, 3, gb_de_fr), v_list(&a, 2, gb_fr), true},
		{"order: reversed contradicts (DESIGN)", "list-order", 0,
		 v_list(&a, 3, gb_de_fr), v_list(&a, 2, fr_gb), false},
		{"order: swapped pair", "list-order", 0,
		 v_list(&a, 3, gb_de_fr), v_list(&a, 2, de_gb), false},
		{"order: nothing shared", "list-order", 0,
		 v_list(&a, 3, gb_de_fr), v_list(&a, 1, it), true},
		{"order: repeated item counts once", "list-order", 0,
		 v_list(&a, 3, gb_gb_de), v_list(&a, 3, gb_de_fr), true},
		{"order: same list", "list-order", 0,
		 v_list(&a, 3, gb_de_fr), v_list(&a, 3, gb_de_fr), true},
	};
	run_cases(cs, sizeof(cs) / sizeof(*cs));
	fc_arena_finish(&a);
}

static void test_norm_text(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(
		fc_check_norm_text(&a, "  The \xE2\x80\x98" "Deal\xE2\x80\x99"
				       "\xC2\xA0is \xE2\x80\x94 DONE!!  "),
		"the 'deal' is - done");
	assert_string_equal(fc_check_norm_text(&a, "...?"), "");
	assert_string_equal(fc_check_norm_text(&a, "a\n\tb"), "a b");
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_quantity),
		cmocka_unit_test(test_entity_text_polarity),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_norm_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
