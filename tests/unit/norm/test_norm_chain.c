/*
** test_norm_chain.c: relative times counted from a mention chain in a
** look-back (norm_anchor.c resolve_chains): "a year later" after "the
** following year" counts from that, also when the chain's first date
** lies beyond the first window; one counting back is no anchor; deictic
** ones stay on the reference; a clock with no day said is read on the
** day told before it.
*/
#include <stdio.h>

#include "fc_test.h"

/* The value of span in text at ref (group state: the rules). */
static const char *val(void **state, struct fc_arena *a, const char *text,
		       const char *ref, const char *span)
{
	const char *v = fc_test_time_value(*state, a, text, ref, span);
	assert_non_null(v);
	return v;
}

static void test_chain_links(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	const char *t = "In 1910 the company was founded. The following year "
			"it moved to Ohio. A year later it closed. Last year "
			"it reopened.";
	assert_string_equal(val(state, &a, t, "1995-06-15",
				"The following year"), "1911");
	assert_string_equal(val(state, &a, t, "1995-06-15", "A year later"),
			    "1912");
	assert_string_equal(val(state, &a, t, "1995-06-15", "Last year"),
			    "1994");
	t = "Two days later, he resigned. The next day, he left.";
	assert_string_equal(val(state, &a, t, "1995-06-15", "Two days later"),
			    "1995-06-17");
	assert_string_equal(val(state, &a, t, "1995-06-15", "The next day"),
			    "1995-06-18");
	fc_arena_finish(&a);
}

static const char links[] = "The following year it moved. A year later it "
			    "closed.";

/* The values of the two links of links in t (ref 1995-06-15). */
static void assert_links(void **state, struct fc_arena *a, const char *t,
			 const char *following, const char *later)
{
	assert_string_equal(val(state, a, t, "1995-06-15",
				"The following year"), following);
	assert_string_equal(val(state, a, t, "1995-06-15", "A year later"),
			    later);
}

/* Into b: nbefore fillers, date (or nothing), nafter fillers, links. */
static const char *chain_text(struct fc_buf *b, int nbefore,
			      const char *date, int nafter)
{
	static const char filler[] = "Talks went on without result. ";
	fc_buf_reset(b);
	for (int k = 0; k < nbefore; k++)
		fc_buf_adds(b, filler);
	if (date)
		fc_buf_adds(b, date);
	for (int k = 0; k < nafter; k++)
		fc_buf_adds(b, filler);
	fc_buf_adds(b, links);
	return fc_buf_cstr(b);
}

/* The chain's date 600 bytes before its first link: the first window
** (400 bytes) holds the links only, so the wider one is read. */
static void test_chain_beyond_window(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_buf b;
	fc_buf_init(&b, 1u << 20);
	assert_links(state, &a,
		     chain_text(&b, 0, "In 1910 it was founded. ", 20),
		     "1911", "1912");
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

/* A window with links and no date: at the text's start the links count
** from the reference, one from the other ("A year later" 1997); in a
** window past the start (here both widths) the first link's date lies
** before the window, so none is an anchor and "A year later" reads from
** the reference. The look-back runs no link where the other patterns
** found no date in a window past the start (norm_anchor.c
** collect_window): it must still run them at the start. */
static void test_chain_without_date(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	assert_links(state, &a, links, "1996", "1997");
	struct fc_buf b;
	fc_buf_init(&b, 1u << 20);
	assert_links(state, &a, chain_text(&b, 80, NULL, 0), "1996", "1996");
	/* a date 300 bytes before the links, in both windows */
	assert_links(state, &a,
		     chain_text(&b, 80, "In 1910 it was founded. ", 10),
		     "1911", "1912");
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

/* One that counts back is a comparison or a flashback: the story stays. */
static void test_chain_back_is_no_anchor(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	const char *t = "In 1990 he was elected. Two years earlier he had "
			"moved. The following year he married.";
	assert_string_equal(val(state, &a, t, "1995-06-15",
				"Two years earlier"), "1988");
	assert_string_equal(val(state, &a, t, "1995-06-15",
				"The following year"), "1991");
	t = "Loadings in the week ended February 21 fell from the previous "
	    "week, and rose from the prior week in grain.";
	assert_string_equal(val(state, &a, t, "1987-03-02",
				"the previous week"), "1987-W07");
	assert_string_equal(val(state, &a, t, "1987-03-02", "the prior week"),
			    "1987-W07");
	fc_arena_finish(&a);
}

/* A clock with no day said between a date and a link: in the link's
** look-back the clock takes the day told before it (as the scan reads
** it), so the link counts from that day, not from the reference the
** clock alone would guess; with no day before it, from the reference. */
static void test_chain_over_clock(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	const char *t = "The quake hit on March 3. Rescuers arrived at 5 pm. "
			"The next day more bodies were found. At 0600 GMT "
			"aid came; two days later the toll rose.";
	assert_string_equal(val(state, &a, t, "2009-06-10", "5 pm"),
			    "2009-03-03T17:00");
	assert_string_equal(val(state, &a, t, "2009-06-10", "The next day"),
			    "2009-03-04");
	assert_string_equal(val(state, &a, t, "2009-06-10", "0600 GMT"),
			    "2009-03-04T06:00");
	assert_string_equal(val(state, &a, t, "2009-06-10", "two days later"),
			    "2009-03-06");
	t = "Rescuers arrived at 5 pm. The next day more bodies were found.";
	assert_string_equal(val(state, &a, t, "2009-06-10", "The next day"),
			    "2009-06-11");
	/* in a future clause the clock keeps the reference day (the scan
	** takes no past day for it), and so counts a link after it */
	t = "The quake hit on June 3. The minister will arrive at 5 pm. The "
	    "next day talks begin.";
	assert_string_equal(val(state, &a, t, "2009-06-10", "5 pm"),
			    "2009-06-10T17:00");
	assert_string_equal(val(state, &a, t, "2009-06-10", "The next day"),
			    "2009-06-11");
	/* a clock is a date of the window: the links after it are read
	** from it also in a window that does not start the text */
	struct fc_buf b;
	fc_buf_init(&b, 1u << 20);
	fc_buf_adds(&b, "The quake hit on June 3. ");
	for (int i = 0; i < 80; i++)
		fc_buf_adds(&b, "Talks went on without result. ");
	fc_buf_adds(&b, "Rescuers arrived at 5 pm. Two days later the army "
			"came. The next day more bodies were found.");
	t = fc_buf_cstr(&b);
	assert_string_equal(val(state, &a, t, "2009-06-10", "Two days later"),
			    "2009-06-12");
	assert_string_equal(val(state, &a, t, "2009-06-10", "The next day"),
			    "2009-06-13");
	fc_buf_finish(&b);
	/* a clock that said its day is an anchor as it is */
	t = "The quake hit on March 3. On June 10 at 5 pm rescuers came. The "
	    "next day more bodies were found.";
	assert_string_equal(val(state, &a, t, "2009-06-10", "The next day"),
			    "2009-06-11");
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain_links),
		cmocka_unit_test(test_chain_beyond_window),
		cmocka_unit_test(test_chain_back_is_no_anchor),
		cmocka_unit_test(test_chain_without_date),
		cmocka_unit_test(test_chain_over_clock),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
