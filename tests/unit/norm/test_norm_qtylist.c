/*
** test_norm_qtylist.c: a unit said once for a list (norm_qty_list.c, read
** by norm_quantity.c). Each bare count of a list of two to five amounts
** joined by ", " and a word of list_joiner right before a unit takes the
** unit and the scale of the last: "3, 4 and 5 percent" is 3, 4 and 5
** percent; "5, 6 and 7 billion dollars" 5e9, 6e9 and 7e9 USD. No year
** in the list, no level after "to" first, no scale for an amount in
** whole thousands, no ", or" after one amount, no amount over ten times
** the last, nothing across other words, nothing for what is no count. The tables are found by name in each load of the rules.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

static void scan(struct fc_rules *r, struct fc_arena *a, const char *text,
		 struct fc_document *doc)
{
	fc_test_norm_doc(r, a, text, "2026-01-16", doc);
}

/* Is the mention that starts at byte at of doc value x in unit u
** (NULL: none)? The test rules read no unit after an amount: the last
** of a list has none. */
static void assert_qty(const struct fc_document *doc, uint32_t at, double x,
		       const char *u)
{
	size_t i = 0;
	while (i < doc->nmentions && doc->mentions[i].start != at)
		i++;
	assert_true(i < doc->nmentions);
	assert_true(doc->mentions[i].quantity.value == x);
	if (u)
		assert_string_equal(doc->mentions[i].quantity.unit, u);
	else
		assert_null(doc->mentions[i].quantity.unit);
}

static void test_norm_qtylist_units(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/qtylist.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	scan(r, &a, "rose 3, 4 and 5 percent", &doc);
	assert_int_equal(doc.nmentions, 3);
	assert_qty(&doc, 5, 3, "percent");
	assert_qty(&doc, 8, 4, "percent");
	assert_qty(&doc, 14, 5, NULL); /* the last: its unit is its own */
	scan(r, &a, "rates of 2, 3, or 4 per cent.", &doc);
	assert_qty(&doc, 9, 2, "percent");
	assert_qty(&doc, 12, 3, "percent");
	scan(r, &a, "3 and 5% and 1, 2, 3, 4 or 5.5 U.S. dollars.", &doc);
	assert_qty(&doc, 0, 3, "percent");
	assert_qty(&doc, 13, 1, "USD");
	assert_qty(&doc, 22, 4, "USD");
	assert_qty(&doc, 27, 5.5, NULL);
	scan(r, &a, "10,000 or 20,000 tonnes", &doc);
	assert_qty(&doc, 0, 10000, "tonne");
	/* ten times the last at most; a comma before the joiner after
	** three amounts */
	scan(r, &a, "10,000 and 1,000 euros; 1, 2, or 3 percent", &doc);
	assert_qty(&doc, 0, 10000, "EUR");
	assert_qty(&doc, 24, 1, "percent");
	assert_qty(&doc, 27, 2, "percent");
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_qtylist_scale(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/qtylist.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	scan(r, &a, "5, 6.5 and 7 billion dollars", &doc);
	assert_qty(&doc, 0, 5e9, "USD");
	assert_qty(&doc, 3, 6.5e9, "USD");
	scan(r, &a, "2 or 3 mln euros", &doc);
	assert_qty(&doc, 0, 2e6, "EUR");
	/* whole thousands before a scale: two amounts */
	scan(r, &a, "10,000 and 20 million dollars", &doc);
	assert_qty(&doc, 0, 10000, NULL);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_qtylist_none(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/qtylist.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	static const char *const none[] = {
		"In 1999 and 5 percent",       /* a year in the list */
		"3, 1999 and 5 percent",
		"rose to 12.50 and 5 dollars", /* a level after "to" */
		"4 people and 5 percent",      /* words between */
		"3 but 5 percent",             /* no joiner */
		"3,4 and 5 percent",           /* no blank after the comma */
		"3 and 5 percentage",          /* no unit */
		"3 and 5 dollars-worth",       /* a hyphen after it */
		"from 430,200, or 10.9 percent", /* ", or" after one amount */
		"from 205,000 or 12.8 percent",  /* over ten times the last */
		"a loss of 2,649,000 or 1.10 dollars",
	};
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		scan(r, &a, none[i], &doc);
		for (size_t k = 0; k < doc.nmentions; k++)
			assert_null(doc.mentions[k].quantity.unit);
	}
	/* six amounts: the first is no list's (the second heads one of
	** five) */
	scan(r, &a, "1, 2, 3, 4, 5 and 6 percent", &doc);
	assert_qty(&doc, 0, 1, NULL);
	assert_qty(&doc, 3, 2, "percent");
	/* no count: a mention of another type takes no list's unit */
	scan(r, &a, "7 and 5 percent", &doc);
	assert_qty(&doc, 0, 7, NULL);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

/* Two loads whose tables stand in another order: each finds its own
** (a table's index remembered from one load is checked by name). */
static void test_norm_qtylist_loads(void **state)
{
	(void)state;
	struct fc_rules *r1 = fc_test_load_rules(DATA "/qtylist.yaml", 0);
	struct fc_rules *r2 = fc_test_load_rules(DATA "/qtylist2.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	for (int k = 0; k < 2; k++) {
		scan(r1, &a, "3 or 4 tonnes", &doc);
		assert_qty(&doc, 0, 3, "tonne");
		scan(r2, &a, "3 or 4 barrels", &doc);
		assert_qty(&doc, 0, 3, "barrel");
		scan(r2, &a, "3 and 4 barrels", &doc); /* no "and" in r2 */
		assert_qty(&doc, 0, 3, NULL);
		scan(r2, &a, "3 or 4 thousand yen", &doc);
		assert_qty(&doc, 0, 3000, "JPY");
	}
	fc_arena_finish(&a);
	fc_rules_destroy(r1);
	fc_rules_destroy(r2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_qtylist_units),
		cmocka_unit_test(test_norm_qtylist_scale),
		cmocka_unit_test(test_norm_qtylist_none),
		cmocka_unit_test(test_norm_qtylist_loads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
