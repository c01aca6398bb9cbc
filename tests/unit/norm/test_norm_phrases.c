/*
** test_norm_phrases.c: the built-in normalizer rules (rules/normalizers,
** real YAML) on a table of news phrases, reference date 2026-01-16 (a
** Friday) unless a row says otherwise. Each row lists every mention the
** phrase must give, exactly: text, type, value, grain, mod for times;
** value, unit, bounds, ordinal for quantities.
*/
#include <math.h>
#include <stdio.h>

#include "fc_test.h"

#define REF "2026-01-16"
#define NONE_REF "-"

enum { K_NONE, K_TIME, K_QTY };

struct want {
	int kind;
	const char *text;
	/* time */
	const char *type, *value, *grain, *mod;
	/* quantity */
	double q, lo, hi;
	const char *unit;
	bool lo_open, hi_open, ordinal;
};

struct row {
	const char *text;
	const char *ref; /* NULL: REF; NONE_REF: no reference */
	struct want m[3];
};

#define T(tx, ty, v, g, md) {K_TIME, tx, ty, v, g, md, 0, 0, 0, NULL, 0, 0, 0}
#define D(tx, v, g) T(tx, "DATE", v, g, NULL)
#define Q(tx, v, u) {K_QTY, tx, NULL, NULL, NULL, NULL, v, v, v, u, 0, 0, 0}
#define QB(tx, v, u, l, h, lo, ho) \
	{K_QTY, tx, NULL, NULL, NULL, NULL, v, l, h, u, lo, ho, 0}
#define QO(tx, v) {K_QTY, tx, NULL, NULL, NULL, NULL, v, v, v, NULL, 0, 0, 1}

static const struct row rows[] = {
	/* relative dates */
	{"Putin last year signed it.", NULL, {D("last year", "2025", "year")}},
	{"It opened this month.", NULL, {D("this month", "2026-01", "month")}},
	{"They meet next week.", NULL, {D("next week", "2026-W04", "week")}},
	{"It began two years ago.", NULL, {D("two years ago", "2024", "year")}},
	{"It began a year ago.", NULL, {D("a year ago", "2025", "year")}},
	{"It ended three days ago.", NULL,
	 {D("three days ago", "2026-01-13", "day")}},
	{"He spoke yesterday.", NULL, {D("yesterday", "2026-01-15", "day")}},
	{"He speaks today.", NULL, {D("today", "2026-01-16", "day")}},
	{"He speaks tomorrow.", NULL, {D("tomorrow", "2026-01-17", "day")}},
	{"It opens next month.", NULL, {D("next month", "2026-02", "month")}},
	{"Talks were held late last month.", NULL,
	 {T("late last month", "DATE", "2025-12", "month", "END")}},
	{"Talks were held earlier this month.", NULL,
	 {D("earlier this month", "2026-01", "month")}},
	{"It closes at the end of the year.", NULL,
	 {T("the end of the year", "DATE", "2026", "year", "END")}},
	/* weekdays and parts of day */
	{"The Kremlin said on Friday.", NULL, {D("Friday", "2026-01-16", "day")}},
	{"He spoke on Monday.", NULL, {D("Monday", "2026-01-12", "day")}},
	{"He will travel on Monday.", NULL, {D("Monday", "2026-01-19", "day")}},
	{"He left last Friday.", NULL, {D("last Friday", "2026-01-09", "day")}},
	{"He comes next Friday.", NULL, {D("next Friday", "2026-01-23", "day")}},
	{"They met on Tuesday night.", NULL,
	 {T("Tuesday night", "TIME", "2026-01-13TNI", "part-of-day", NULL)}},
	/* two weekdays before a plural part: the last ones in a past
	** clause (the plural is the pair's), else each a set of that part */
	{"Police were called on Tuesday and Wednesday nights.", NULL,
	 {T("Tuesday", "TIME", "2026-01-13TNI", "part-of-day", NULL),
	  T("Wednesday nights", "TIME", "2026-01-14TNI", "part-of-day",
	    NULL)}},
	{"Police patrol on Tuesday and Wednesday nights.", NULL,
	 {T("Tuesday", "SET", "XXXX-WXX-2TNI", "week", NULL),
	  T("Wednesday nights", "SET", "XXXX-WXX-3TNI", "week", NULL)}},
	{"Shelling began last night.", NULL,
	 {T("last night", "TIME", "2026-01-15TNI", "part-of-day", NULL)}},
	{"He said this morning it was over.", NULL,
	 {T("this morning", "TIME", "2026-01-16TMO", "part-of-day", NULL)}},
	{"He speaks tonight.", NULL,
	 {T("tonight", "TIME", "2026-01-16TNI", "part-of-day", NULL)}},
	{"The vote is at 3:30 p.m.", NULL,
	 {T("3:30 p.m.", "TIME", "2026-01-16T15:30", "minute", NULL)}},
	/* months, years, decades */
	{"The deal collapsed Last October.", NULL,
	 {D("Last October", "2025-10", "month")}},
	{"Talks resume at the beginning of January.", NULL,
	 {T("the beginning of January", "DATE", "2026-01", "month", "START")}},
	{"Talks resume in mid-January.", NULL,
	 {T("mid-January", "DATE", "2026-01", "month", "MID")}},
	{"Elections are due in May.", NULL, {D("May", "2026-05", "month")}},
	{"Theresa May spoke.", NULL, {{.kind = K_NONE}}},
	{"May I ask why the march began?", NULL, {{.kind = K_NONE}}},
	{"The vote is on March 3.", NULL, {D("March 3", "2026-03-03", "day")}},
	{"It collapsed in October.", NULL, {D("October", "2025-10", "month")}},
	{"Prices soared in the 1990s.", NULL,
	 {D("the 1990s", "199", "decade")}},
	{"Prices soared in the early 1990s.", NULL,
	 {T("the early 1990s", "DATE", "199", "decade", "START")}},
	{"Rates have risen since 2019.", NULL, {D("2019", "2019", "year")}},
	{"It ran from 2010 to 2011.", NULL,
	 {D("2010", "2010", "year"), D("2011", "2011", "year")}},
	{"It ran from January to March 2011.", NULL,
	 {D("January", "2011-01", "month"),
	  D("March 2011", "2011-03", "month")}},
	{"He left in late 2025.", NULL,
	 {T("late 2025", "DATE", "2025", "year", "END")}},
	{"It peaked last summer.", NULL, {D("last summer", "2025-SU", "season")}},
	{"Profits fell in the third quarter of 2025.", NULL,
	 {D("the third quarter of 2025", "2025-Q3", "quarter")}},
	{"It was built in the 20th century.", NULL,
	 {D("the 20th century", "19", "century")}},
	/* explicit dates */
	{"Protests began on December 28.", NULL,
	 {D("December 28", "2025-12-28", "day")}},
	{"He spoke on Jan. 16.", NULL, {D("Jan. 16", "2026-01-16", "day")}},
	{"He spoke on 16 January 2026.", NULL,
	 {D("16 January 2026", "2026-01-16", "day")}},
	{"He spoke on January 16, 2026.", NULL,
	 {D("January 16, 2026", "2026-01-16", "day")}},
	{"He spoke on Friday, January 16, 2026.", NULL,
	 {D("Friday, January 16, 2026", "2026-01-16", "day")}},
	{"Filed 2026-01-16.", NULL, {D("2026-01-16", "2026-01-16", "day")}},
	{"Filed 1/16/2026.", NULL, {D("1/16/2026", "2026-01-16", "day")}},
	{"Filed 16/1/2026.", NULL, {D("16/1/2026", "2026-01-16", "day")}},
	{"It was signed in January 2026.", NULL,
	 {D("January 2026", "2026-01", "month")}},
	/* durations and sets */
	{"Putin signed a 20-year pact.", NULL,
	 {T("20-year", "DURATION", "P20Y", "year", NULL)}},
	{"It ended a 12-day war.", NULL,
	 {T("12-day", "DURATION", "P12D", "day", NULL)}},
	{"It lasted 13 months.", NULL,
	 {T("13 months", "DURATION", "P13M", "month", NULL)}},
	{"It lasted a decade.", NULL,
	 {T("a decade", "DURATION", "P10Y", "year", NULL)}},
	{"They agreed a 90-day truce.", NULL,
	 {T("90-day", "DURATION", "P90D", "day", NULL)}},
	{"Over the past three years it grew.", NULL,
	 {T("the past three years", "DURATION", "P3Y", "year", NULL)}},
	{"It lasted more than 20 years.", NULL,
	 {T("more than 20 years", "DURATION", "P20Y", "year", "MORE_THAN")}},
	{"It lasted 24 hours.", NULL,
	 {T("24 hours", "DURATION", "PT24H", "hour", NULL)}},
	{"They meet every week.", NULL,
	 {T("every week", "SET", "P1W", "week", NULL)}},
	{"They meet weekly.", NULL, {T("weekly", "SET", "P1W", "week", NULL)}},
	{"They meet every Friday.", NULL,
	 {T("every Friday", "SET", "XXXX-WXX-5", "week", NULL)}},
	/* anchored times: the date last mentioned, the quarter reported */
	{"Profit fell in the third quarter from a year ago.", NULL,
	 {D("the third quarter", "2025-Q3", "quarter"),
	  D("a year ago", "2024-Q3", "quarter")}},
	{"The quarter was strong; sales rose from the year-ago quarter.",
	 NULL,
	 {D("The quarter", "2025-Q4", "quarter"),
	  D("the year-ago quarter", "2024-Q4", "quarter")}},
	{"In 1995 he left; the following year he returned.", NULL,
	 {D("1995", "1995", "year"), D("the following year", "1996", "year")}},
	{"It was a year earlier.", NULL, {D("a year earlier", "2025", "year")}},
	{"He met them the next morning.", NULL,
	 {T("the next morning", "TIME", "2026-01-17TMO", "part-of-day", NULL)}},
	/* more calendar forms */
	{"Over the weekend talks stalled.", NULL,
	 {D("the weekend", "2026-W02-WE", "week")}},
	{"It began in nineteen ninety-six.", NULL,
	 {D("nineteen ninety-six", "1996", "year")}},
	{"It opens on March first.", NULL,
	 {D("March first", "2026-03-01", "day")}},
	{"They meet Wednesday of next week.", NULL,
	 {D("Wednesday of next week", "2026-01-21", "day")}},
	{"Talks end this coming Sunday.", NULL,
	 {D("this coming Sunday", "2026-01-18", "day")}},
	{"Q4 2025 results were weak.", NULL,
	 {D("Q4 2025", "2025-Q4", "quarter")}},
	{"It starts the week of March 6.", NULL,
	 {D("the week of March 6", "2026-W10", "week")}},
	{"It opened Friday, July 18.", NULL,
	 {D("Friday, July 18", "2025-07-18", "day")}},
	{"They vote on the 20th of next month.", NULL,
	 {D("the 20th of next month", "2026-02-20", "day")}},
	{"He left three days after Easter.", NULL,
	 {D("three days after Easter", "2025-04-23", "day")}},
	{"The fiscal year ended Jan. 31.", NULL,
	 {T("The fiscal year", "DURATION", "P1Y", "year", NULL),
	  D("Jan. 31", "2025-01-31", "day")}},
	{"He said he would travel Thursday.", NULL,
	 {D("Thursday", "2026-01-22", "day")}},
	{"They meet tonight at 8.", NULL,
	 {T("tonight at 8", "TIME", "2026-01-16T20:00", "minute", NULL)}},
	{"Kickoff is 7:30 PM on Fri, Jan 23.", NULL,
	 {T("7:30 PM on Fri, Jan 23", "TIME", "2026-01-23T19:30", "minute",
	    NULL)}},
	{"It took 2 1/2 years.", NULL,
	 {T("2 1/2 years", "DURATION", "P2Y6M", "month", NULL)}},
	{"It raised its quarterly dividend.", NULL, {{.kind = K_NONE}}},
	/* an age: a unit of its own, no count and no duration */
	{"Mr. Reupke, 52 years old, spoke.", NULL,
	 {Q("52", 52, "year of age")}},
	/* the decade of an age: prod_decade's bounds */
	{"He is in his 40s.", NULL,
	 {QB("in his 40s", 40, "year of age", 40, 49, 0, 0)}},
	{"She is in her late thirties.", NULL,
	 {QB("in her late thirties", 36, "year of age", 36, 39, 0, 0)}},
	/* the teens start at 13: "early teens" is no single year */
	{"She was in her early teens.", NULL,
	 {QB("in her early teens", 13, "year of age", 13, 15, 0, 0)}},
	{"He is in his mid-teens.", NULL,
	 {QB("in his mid-teens", 14, "year of age", 14, 17, 0, 0)}},
	/* a temperature's decade: "low" is its first part, "upper" and
	** "high" its last */
	{"Temperatures were in the low 30s.", NULL,
	 {QB("in the low 30s", 30, "degree", 30, 33, 0, 0)}},
	{"Highs will be in the upper 70s.", NULL,
	 {QB("in the upper 70s", 76, "degree", 76, 79, 0, 0)}},
	{"Temperatures hovered in the high 20s.", NULL,
	 {QB("in the high 20s", 26, "degree", 26, 29, 0, 0)}},
	{"It hit 30C and 86F.", NULL,
	 {Q("30C", 30, "degree Celsius"), Q("86F", 86, "degree Fahrenheit")}},
	/* quantities */
	{"Iran owes nearly $3 billion.", NULL,
	 {QB("nearly $3 billion", 3e9, "USD", -INFINITY, 3e9, 1, 0)}},
	{"Russia lent $1.2bn.", NULL, {Q("$1.2bn", 1.2e9, "USD")}},
	{"It cost €20 million.", NULL, {Q("€20 million", 2e7, "EUR")}},
	{"It cost 70 million dollars.", NULL,
	 {Q("70 million dollars", 7e7, "USD")}},
	{"It hit three million homes.", NULL, {Q("three million", 3e6, NULL)}},
	{"It fell 40 percent.", NULL, {Q("40 percent", 40, "percent")}},
	{"It fell 12%.", NULL, {Q("12%", 12, "percent")}},
	{"It hit a dozen homes.", NULL, {Q("a dozen", 12, NULL)}},
	{"It hit more than 200 homes.", NULL,
	 {QB("more than 200", 200, NULL, 200, INFINITY, 0, 1)}},
	{"It hit at least 1,200 homes.", NULL,
	 {QB("at least 1,200", 1200, NULL, 1200, INFINITY, 0, 1)}},
	{"It hit up to 500 homes.", NULL,
	 {QB("up to 500", 500, NULL, -INFINITY, 500, 1, 0)}},
	/* a verb that moved a figure to a level: "up to" bounds nothing
	** (norm_quantity.c hedge_is_level, quantities.yaml hedge_level);
	** a plan's limit stays one */
	{"The forecast was revised up to 25 million.", NULL,
	 {Q("25 million", 2.5e7, NULL)}},
	{"It hopes to raise up to 25 million.", NULL,
	 {QB("up to 25 million", 2.5e7, NULL, -INFINITY, 2.5e7, 1, 0)}},
	{"It hit about 40 homes.", NULL,
	 {QB("about 40", 40, NULL, 36, 44, 0, 0)}},
	{"It hit between 5 and 10 homes.", NULL,
	 {QB("between 5 and 10", 5, NULL, 5, 10, 0, 0)}},
	{"It hit tens of thousands of homes.", NULL,
	 {QB("tens of thousands", 1e4, NULL, 1e4, 1e5, 0, 0)}},
	{"He came third.", NULL, {QO("third", 3)}},
	{"He came 21st.", NULL, {QO("21st", 21)}},
	{"It hit twenty-four homes.", NULL, {Q("twenty-four", 24, NULL)}},
	{"COVID-19 spread.", NULL, {{.kind = K_NONE}}},
	/* fractions, mixed numbers, decimals in words */
	{"Two thirds of voters backed it.", NULL,
	 {Q("Two thirds", 2.0 / 3, NULL)}},
	{"Turnout fell by a third.", NULL, {Q("a third", 1.0 / 3, NULL)}},
	{"He seeks a third term.", NULL, {QO("third", 3)}},
	{"It owns a one-third stake.", NULL, {Q("one-third", 1.0 / 3, NULL)}},
	{"It uses one sixth the space.", NULL,
	 {Q("one sixth", 1.0 / 6, NULL)}},
	{"Five and a half million people voted.", NULL,
	 {Q("Five and a half million", 5.5e6, NULL)}},
	{"Two million and a half people voted.", NULL,
	 {Q("Two million and a half", 2.5e6, NULL)}},
	{"It rose to two point five million.", NULL,
	 {Q("two point five million", 2.5e6, NULL)}},
	{"It rose 7-3/4 pct.", NULL, {Q("7-3/4 pct", 7.75, "percent")}},
	{"He ranks one hundred twenty fifth.", NULL,
	 {QO("one hundred twenty fifth", 125)}},
	/* digit forms */
	{"It costs 12,34,567 rupees.", NULL,
	 {Q("12,34,567 rupees", 1234567, "INR")}},
	{"Exports hit three lakh crore.", NULL,
	 {Q("three lakh crore", 3e12, NULL)}},
	{"It fell 40 000 tonnes.", NULL, {Q("40 000 tonnes", 4e4, "tonne")}},
	{"It measures 1.3e6 units.", NULL, {Q("1.3e6", 1.3e6, NULL)}},
	{"Avg shrs 16.4 mln vs 12.3 mln", NULL,
	 {Q("16.4 mln", 16.4e6, NULL), Q("12.3 mln", 12.3e6, NULL)}},
	{"Revs 5.4 mln vs 3.1 mln\n    Nine months", NULL,
	 {Q("5.4 mln", 5.4e6, NULL), Q("3.1 mln", 3.1e6, NULL),
	  T("Nine months", "DURATION", "P9M", "month", NULL)}},
	/* ratios and hedges */
	{"One in three adults voted.", NULL,
	 {Q("One in three", 1.0 / 3, NULL)}},
	{"Four out of five doctors agree.", NULL,
	 {Q("Four out of five", 0.8, NULL)}},
	{"It sold 5 in 2020.", NULL, {Q("5", 5, NULL), D("2020", "2020", "year")}},
	{"It killed 50 or more people.", NULL,
	 {QB("50 or more", 50, NULL, 50, INFINITY, 0, 1)}},
	{"It was more than 10 and less than 40.", NULL,
	 {QB("more than 10 and less than 40", 10, NULL, 10, 40, 0, 0)}},
	{"It is x>10 here.", NULL,
	 {QB(">10", 10, NULL, 10, INFINITY, 0, 1)}},
	{"The vote - 75 percent - passed.", NULL,
	 {Q("75 percent", 75, "percent")}},
	{"It fell minus 5 percent.", NULL,
	 {Q("minus 5 percent", -5, "percent")}},
	{"More than half came.", NULL,
	 {QB("More than half", 0.5, NULL, 0.5, INFINITY, 0, 1)}},
	/* ranges */
	{"Prices rose 10-15% in a year.", NULL,
	 {QB("10-15%", 10, "percent", 10, 15, 0, 0),
	  T("a year", "DURATION", "P1Y", "year", NULL)}},
	/* a win-loss record is no range, and its first number no count */
	{"The team has a 9-14 record.", NULL, {{.kind = K_NONE}}},
	{"It cost between eight and 12 billion.", NULL,
	 {QB("between eight and 12 billion", 8e9, NULL, 8e9, 12e9, 0, 0)}},
	/* two numbers side by side stay two */
	{"It lost 67 mln and four mln dlrs.", NULL,
	 {Q("67 mln", 67e6, NULL), Q("four mln dlrs", 4e6, "USD")}},
	{"It paid three thousand dollars two hundred times.", NULL,
	 {Q("three thousand dollars", 3000, "USD"),
	  Q("two hundred", 200, NULL)}},
	{"It cost 3 dollars 50 cents.", NULL,
	 {Q("3 dollars 50 cents", 3.5, "USD")}},
	/* currencies: ISO 4217 names and codes from iso-codes */
	{"They paid 10,000 Swiss francs.", NULL,
	 {Q("10,000 Swiss francs", 1e4, "CHF")}},
	{"It cost SEK 20 million.", NULL, {Q("SEK 20 million", 2e7, "SEK")}},
	{"It cost 5 Turkish Liras.", NULL, {Q("5 Turkish Liras", 5, "TRY")}},
	{"He won 5 gold medals.", NULL, {Q("5", 5, NULL)}},
	{"It cost 20 bucks.", NULL, {Q("20 bucks", 20, "USD")}},
	/* no reference date: relative values stay unresolved */
	{"He spoke on January 16.", NONE_REF,
	 {D("January 16", "XXXX-01-16", "day")}},
	{"He spoke on Friday.", NONE_REF,
	 {D("Friday", "XXXX-WXX-5", "week")}},
	{"He spoke last year.", NONE_REF, {D("last year", "XXXX", "year")}},
};

static struct fc_rules *rules;

static int setup(void **state)
{
	struct fc_diags d;
	fc_diags_init(&d);
	const char *dirs[] = {FC_SOURCE_ROOT "/rules/normalizers", NULL};
	fc_status st = fc_rules_load(dirs, 0, &rules, &d);
	if (st || d.nerr) {
		fc_diags_print(&d, stderr, 0);
		fc_diags_finish(&d);
		return -1;
	}
	fc_diags_finish(&d);
	return 0;
}

static int teardown(void **state)
{
	fc_rules_destroy(rules);
	return 0;
}

static size_t nwant(const struct row *r)
{
	size_t n = 0;
	while (n < 3 && r->m[n].kind != K_NONE)
		n++;
	return n;
}

static bool same(double a, double b)
{
	return a == b || fabs(a - b) <= 1e-9 * fabs(b);
}

/* Compare one row; print every difference; return the number of them. */
static int check_row(const struct row *r)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc = {0};
	struct fc_sentence sent = {0, (uint32_t)strlen(r->text), 1};
	doc.text = fc_arena_strdup(&a, r->text);
	doc.text_len = strlen(r->text);
	doc.published = !r->ref ? REF : strcmp(r->ref, NONE_REF) ? r->ref : NULL;
	doc.sentences = &sent;
	doc.nsentences = 1;
	struct fc_diags d;
	fc_diags_init(&d);
	int bad = fc_norm_doc(rules, &a, &doc, &d) != FC_OK || d.n != 0;
	fc_diags_finish(&d);
	fc_mentions_finish(&doc);
	size_t n = nwant(r);
	bad += doc.nmentions != n;
	for (size_t i = 0; i < n && i < doc.nmentions; i++) {
		const struct want *w = &r->m[i];
		const struct fc_mention *m = &doc.mentions[i];
		char got[128];
		snprintf(got, sizeof(got), "%.*s", (int)(m->end - m->start),
			 doc.text + m->start);
		bad += strcmp(got, w->text) != 0;
		if (w->kind == K_TIME) {
			const char *mod = fc_timex_mod_name(m->time.mod);
			bad += m->kind != FC_MENTION_TIME ||
			       strcmp(fc_timex_type_name(m->time.type),
				      w->type) ||
			       strcmp(m->time.value, w->value) ||
			       strcmp(fc_grain_name(m->time.grain), w->grain) ||
			       strcmp(mod ? mod : "-", w->mod ? w->mod : "-");
		} else {
			const struct fc_quantity *q = &m->quantity;
			bad += m->kind != FC_MENTION_QUANTITY ||
			       !same(q->value, w->q) ||
			       strcmp(q->unit ? q->unit : "-",
				      w->unit ? w->unit : "-") ||
			       q->is_lo_open != w->lo_open ||
			       q->is_hi_open != w->hi_open ||
			       (!w->lo_open && !same(q->lo, w->lo)) ||
			       (!w->hi_open && !same(q->hi, w->hi)) ||
			       q->is_ordinal != w->ordinal;
		}
	}
	if (bad) {
		fprintf(stderr, "MISMATCH \"%s\": got %zu mention(s), want %zu\n",
			r->text, doc.nmentions, n);
		for (size_t i = 0; i < doc.nmentions; i++) {
			const struct fc_mention *m = &doc.mentions[i];
			const char *mod = fc_timex_mod_name(m->time.mod);
			fprintf(stderr, "  got \"%.*s\" ",
				(int)(m->end - m->start), doc.text + m->start);
			if (m->kind == FC_MENTION_TIME)
				fprintf(stderr, "%s %s %s %s\n",
					fc_timex_type_name(m->time.type),
					m->time.value,
					fc_grain_name(m->time.grain),
					mod ? mod : "-");
			else
				fprintf(stderr, "q %g %s [%g %g] open %d %d "
						"ord %d\n",
					m->quantity.value,
					m->quantity.unit ? m->quantity.unit
							 : "-",
					m->quantity.lo, m->quantity.hi,
					m->quantity.is_lo_open,
					m->quantity.is_hi_open,
					m->quantity.is_ordinal);
		}
	}
	fc_arena_finish(&a);
	return bad;
}

static void test_norm_phrase_table(void **state)
{
	int bad = 0;
	assert_true(sizeof(rows) / sizeof(*rows) >= 60);
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++)
		bad += check_row(&rows[i]) != 0;
	assert_int_equal(bad, 0);
}

/* A time wins over a quantity on the same span, and the longest wins. */
static void test_norm_time_beats_quantity(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc = {0};
	doc.text = "In 2026, 20-year bonds fell.";
	doc.text_len = strlen(doc.text);
	doc.published = REF;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(rules, &a, &doc, &d), FC_OK);
	fc_mentions_finish(&doc);
	assert_int_equal(doc.nmentions, 2);
	assert_int_equal(doc.mentions[0].kind, FC_MENTION_TIME);
	assert_string_equal(doc.mentions[0].time.value, "2026");
	assert_int_equal(doc.mentions[1].kind, FC_MENTION_TIME);
	assert_string_equal(doc.mentions[1].time.value, "P20Y");
	assert_string_equal(doc.mentions[1].rule, "dur.count");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

/* Hostile input: invalid UTF-8 is refused with a warning, long input runs. */
static void test_norm_hostile_input(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc = {0};
	char bad[] = "On Friday \xff\xfe 2026";
	doc.text = bad;
	doc.text_len = sizeof(bad) - 1;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(rules, &a, &doc, &d), FC_OK);
	assert_int_equal(doc.nmentions, 0);
	assert_int_equal(d.nwarn, 1);
	fc_diags_finish(&d);

	size_t n = 1u << 20;
	char *big = fc_arena_alloc(&a, n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = "9 , January "[i % 12];
	struct fc_document doc2 = {0};
	doc2.text = big;
	doc2.text_len = n;
	doc2.published = REF;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(rules, &a, &doc2, &d), FC_OK);
	assert_true(doc2.nmentions > 0);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_phrase_table),
		cmocka_unit_test(test_norm_time_beats_quantity),
		cmocka_unit_test(test_norm_hostile_input),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
