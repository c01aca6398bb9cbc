/*
** test_quote.c: compare: quote on hand-built corpora (data/quote.yaml):
** one speaker's quotes split into statements by overlap, identical
** quotes corroborating, fragments partial, wordings a variant, finding
** ids, the bounds on hostile input; the loader's quote options; and
** fc_values_compatible("quote").
*/
#include <time.h>

#include "check_test.h"

#define PESKOV "person:dmitry-peskov", "Dmitry Peskov"

static const char *const quote_slots[] = {"speaker", "quote"};

static struct fc_fact *quote(struct fc_corpus *c, uint32_t doc,
			     const char *id, const char *label,
			     const char *text)
{
	struct fc_value v[2] = {v_entity(id, label), v_text(text)};
	return fact_add(c, "quote", doc, FC_POL_ASSERTED, 2, quote_slots, v);
}

/* "text=f1,f2[p]|...": values, their facts, [p] for partial. */
static char *values_str(const struct fc_corpus *c, const struct fc_finding *f)
{
	static char buf[8192];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->nvalues && o < sizeof(buf); i++) {
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s=",
				      i ? "|" : "", f->values[i].text);
		for (size_t k = 0; k < f->values[i].nfacts && o < sizeof(buf);
		     k++)
			o += (size_t)snprintf(
				buf + o, sizeof(buf) - o, "%s%s", k ? "," : "",
				c->facts[f->values[i].facts[k]].id);
		if (f->values[i].is_partial && o < sizeof(buf))
			o += (size_t)snprintf(buf + o, sizeof(buf) - o, "[p]");
	}
	return buf;
}

static char *sources_str(const struct fc_corpus *c, const struct fc_finding *f)
{
	static char buf[1024];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->nsources && o < sizeof(buf); i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s",
				      i ? "," : "",
				      c->sources[f->sources[i]].id);
	return buf;
}

static void assert_finding(const struct fc_corpus *c, size_t i,
			   const char *id, enum fc_finding_status status,
			   const char *values, const char *sources,
			   uint32_t indep, const char *message)
{
	assert_true(i < c->nfindings);
	const struct fc_finding *f = &c->findings[i];
	assert_string_equal(f->id, id);
	assert_string_equal(fc_finding_status_name(f->status),
			    fc_finding_status_name(status));
	assert_string_equal(values_str(c, f), values);
	assert_string_equal(sources_str(c, f), sources);
	assert_int_equal(f->independent_sources, indep);
	assert_string_equal(f->message, message);
}

struct fixture {
	struct fc_rules *r;
	struct fc_diags d;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	fc_diags_init(&fx->d);
	fx->r = rules_load_file(CHECK_DATA "/quote.yaml", &fx->d);
	diags_dump(&fx->d);
	assert_int_equal(fx->d.n, 0);
	assert_int_equal(fx->r->checks->nlive, 1);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	rules_free(fx->r);
	fc_diags_finish(&fx->d);
	free(fx);
	return 0;
}

static void run(struct fixture *fx, struct fc_corpus *c)
{
	assert_int_equal(fc_checks_run(fx->r, c, &fx->d), FC_OK);
	if (fx->d.n)
		diags_dump(&fx->d);
	assert_int_equal(fx->d.nerr, 0);
}

#define FULL                                                               \
	"Russia is already providing assistance not only to Iran but also " \
	"to the entire region, and to the cause of regional stability and " \
	"peace."
#define FRAGMENT                                                           \
	"\xE2\x80\x9CRussia is already providing assistance not only to "   \
	"Iran but also to the entire region\xE2\x80\x9D"
#define ELIDED                                                             \
	"already providing assistance ... the cause of regional stability"
#define REWORDED                                                           \
	"Russia is providing this assistance not only to Iran, but to the " \
	"entire region, to the cause of regional stability and peace"
#define FULL_ID                                                            \
	"quote.text:person:dmitry-peskov:russia-is-already-providing-"     \
	"assistance-not-only-to"

static void test_identical_quotes_corroborate(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(3, NULL);
	quote(c, 0, PESKOV, "Russia is ready to help.");
	quote(c, 1, PESKOV, "\xE2\x80\x9Crussia is READY to help\xE2\x80\x9D");
	quote(c, 2, PESKOV, "Russia is ready to help.");
	run(fx, c);
	assert_int_equal(c->nfindings, 1);
	assert_finding(c, 0,
		       "quote.text:person:dmitry-peskov:russia-is-ready-to-"
		       "help",
		       FC_FIND_CORROBORATED,
		       "Russia is ready to help.=f1,f2,f3", "a,b,c", 3,
		       "Dmitry Peskov: Russia is ready to help.");
	fc_corpus_destroy(c);
}

static void test_fragments_are_partial_and_support_their_version(void **state)
{
	struct fixture *fx = *state;
	const int32_t groups[] = {0, 1, 2, 2};
	struct fc_corpus *c = corpus_new(4, groups);
	quote(c, 0, PESKOV, FRAGMENT);
	quote(c, 1, PESKOV, ELIDED);
	quote(c, 2, PESKOV, FULL);
	quote(c, 3, PESKOV, FULL);
	run(fx, c);
	assert_int_equal(c->nfindings, 1);
	assert_finding(c, 0, FULL_ID, FC_FIND_CORROBORATED,
		       FULL "=f3,f4|" FRAGMENT "=f1[p]|" ELIDED "=f2[p]",
		       "a,b,c,d", 3, "Dmitry Peskov: " FULL);
	fc_corpus_destroy(c);
}

static void test_wordings_are_a_variant_fragments_are_not(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(4, NULL);
	quote(c, 0, PESKOV, REWORDED);
	quote(c, 1, PESKOV, FRAGMENT);
	quote(c, 2, PESKOV, FULL);
	quote(c, 3, PESKOV, REWORDED);
	run(fx, c);
	assert_int_equal(c->nfindings, 1);
	/* Both versions have two independent sources and two facts once
	** FULL counts its fragment; REWORDED has two of its own, so it
	** leads. The fragment comes last. */
	assert_finding(
		c, 0,
		"quote.text:person:dmitry-peskov:russia-is-providing-this-"
		"assistance-not-only-to",
		FC_FIND_VARIANT,
		REWORDED "=f1,f4|" FULL "=f3|" FRAGMENT "=f2[p]", "a,b,c,d", 4,
		"Dmitry Peskov in 2 versions: " REWORDED);
	assert_int_equal(c->findings[0].severity, FC_SEV_NOTE);
	fc_corpus_destroy(c);
}

static void test_unrelated_quotes_are_separate_findings(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(3, NULL);
	quote(c, 0, PESKOV, FULL);
	quote(c, 1, PESKOV, "The president has no plans to travel to Tehran "
			    "this year.");
	/* Three words of FULL: below min_words, so not a fragment of it. */
	quote(c, 2, PESKOV, "regional stability and");
	run(fx, c);
	assert_int_equal(c->nfindings, 3);
	assert_finding(c, 0, "quote.text:person:dmitry-peskov:regional-"
			     "stability-and",
		       FC_FIND_SINGLE_SOURCE, "regional stability and=f3", "c",
		       1, "Dmitry Peskov: regional stability and");
	assert_finding(c, 1, FULL_ID, FC_FIND_SINGLE_SOURCE, FULL "=f1", "a",
		       1, "Dmitry Peskov: " FULL);
	assert_finding(c, 2,
		       "quote.text:person:dmitry-peskov:the-president-has-no-"
		       "plans-to-travel-to",
		       FC_FIND_SINGLE_SOURCE,
		       "The president has no plans to travel to Tehran this "
		       "year.=f2",
		       "b", 1,
		       "Dmitry Peskov: The president has no plans to travel "
		       "to Tehran this year.");
	fc_corpus_destroy(c);
}

static void test_a_fragment_never_joins_two_statements(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(3, NULL);
	/* "the entire region" phrase of five words in two statements that
	** share nothing else. */
	quote(c, 0, PESKOV, "We will help to secure the entire region "
			    "against every threat this coming winter.");
	quote(c, 1, PESKOV, "Elections will be held soon to secure the "
			    "entire region and its future.");
	quote(c, 2, PESKOV, "to secure the entire region");
	run(fx, c);
	assert_int_equal(c->nfindings, 2);
	/* The fragment joins its longest container (the first quote, one
	** word longer; on a tie, the first by its words). */
	assert_finding(c, 0,
		       "quote.text:person:dmitry-peskov:elections-will-be-"
		       "held-soon-to-secure-the",
		       FC_FIND_SINGLE_SOURCE,
		       "Elections will be held soon to secure the entire "
		       "region and its future.=f2",
		       "b", 1,
		       "Dmitry Peskov: Elections will be held soon to secure "
		       "the entire region and its future.");
	assert_finding(c, 1,
		       "quote.text:person:dmitry-peskov:we-will-help-to-"
		       "secure-the-entire-region",
		       FC_FIND_CORROBORATED,
		       "We will help to secure the entire region against every "
		       "threat this coming winter.=f1|to secure the entire "
		       "region=f3[p]",
		       "a,c", 2,
		       "Dmitry Peskov: We will help to secure the entire "
		       "region against every threat this coming winter.");
	fc_corpus_destroy(c);
}

static void test_ids_stay_unique(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(2, NULL);
	/* The same first eight words, too little overlap to link. */
	quote(c, 0, PESKOV, "one two three four five six seven eight alpha "
			    "beta gamma delta epsilon zeta eta theta iota "
			    "kappa lambda mu");
	quote(c, 1, PESKOV, "one two three four five six seven eight nine ten "
			    "eleven twelve thirteen fourteen fifteen sixteen "
			    "seventeen eighteen nineteen twenty");
	run(fx, c);
	assert_int_equal(c->nfindings, 2);
	const char *base = "quote.text:person:dmitry-peskov:one-two-three-"
			   "four-five-six-seven-eight";
	char with2[128];
	snprintf(with2, sizeof(with2), "%s-2", base);
	assert_string_equal(c->findings[0].id, base);
	assert_string_equal(c->findings[1].id, with2);
	assert_int_equal(c->findings[0].sources[0], 0);
	assert_int_equal(c->findings[1].sources[0], 1);
	fc_corpus_destroy(c);
}

/* The id's slug: at most 64 bytes; "quote" when no word has a Latin
** letter or digit. */
static void test_id_slugs_are_bounded(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(2, NULL);
	char word[101];
	memset(word, 'a', 100);
	word[100] = '\0';
	char text[160];
	snprintf(text, sizeof(text), "%s said it again", word);
	quote(c, 0, PESKOV, text);
	quote(c, 1, PESKOV, "\xD0\x9C\xD1\x8B \xD0\xBF\xD0\xBE\xD0\xBC"
			    "\xD0\xBE\xD0\xB6\xD0\xB5\xD0\xBC");
	run(fx, c);
	assert_int_equal(c->nfindings, 2);
	char want[160];
	snprintf(want, sizeof(want), "quote.text:person:dmitry-peskov:%.64s",
		 word);
	assert_string_equal(c->findings[0].id, want);
	assert_string_equal(c->findings[1].id,
			    "quote.text:person:dmitry-peskov:quote");
	fc_corpus_destroy(c);
}

static void test_many_quotes_are_bounded(void **state)
{
	struct fixture *fx = *state;
	enum { N = 1100 };
	struct fc_corpus *c = corpus_new(8, NULL);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	/* Long quotes sharing half their words: every pair is compared. */
	for (int i = 0; i < N; i++) {
		fc_buf_reset(&b);
		for (int k = 0; k < 200; k++)
			fc_buf_printf(&b, "w%d ", k % 2 ? k : k * 1000 + i);
		quote(c, (uint32_t)(i % 8), PESKOV,
		      fc_arena_strdup(&c->arena, fc_buf_cstr(&b)));
	}
	fc_buf_finish(&b);
	clock_t t0 = clock();
	run(fx, c);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	print_message("%d quotes of one speaker: %.2f s, %zu findings\n", N,
		      secs, c->nfindings);
	assert_true(secs < 20);
	assert_int_equal(fx->d.n, 1);
	assert_string_equal(fx->d.v[0].msg,
			    "check 'quote.text': 1100 distinct quotes for key "
			    "'person:dmitry-peskov'; compared 1024 of them and "
			    "50000000 word pairs at most, the rest stand "
			    "alone");
	/* No word pair is shared: every quote is its own statement. */
	assert_int_equal(c->nfindings, N);
	fc_corpus_destroy(c);
}

static void test_loader_checks_quote_options(void **state)
{
	(void)state;
	static const struct {
		unsigned line, col;
		const char *msg;
	} w[] = {
		{8, 14, "overlap must be above 0 and at most 1 (a share of "
			"word pairs)"},
		{9, 16, "min_words must be a whole number from 2 to 1000"},
		{15, 14, "'overlap' applies to compare: quote only"},
		{20, 16, "'min_words' applies to compare: quote only"},
		{25, 14, "compare 'quote' does not fit slot 'date' of fact "
			 "kind 'call' (a time slot)"},
	};
	const char *path = CHECK_DATA "/quote_errors.yaml";
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_file(path, &d);
	if (d.n != sizeof(w) / sizeof(*w))
		diags_dump(&d);
	assert_int_equal(d.n, sizeof(w) / sizeof(*w));
	for (size_t i = 0; i < d.n; i++)
		fc_assert_diag(&d, i, path, w[i].line, w[i].col, w[i].msg);
	/* The valid one: compare: quote with an explicit conflict. */
	assert_int_equal(r->checks->nlive, 1);
	const struct check *ch = r->checks->live[0];
	assert_string_equal(ch->id, "q.contradicted");
	assert_int_equal(ch->cmp, CMP_QUOTE);
	assert_int_equal(ch->conflict, FC_FIND_CONTRADICTED);
	assert_int_equal(ch->min_words, 4);
	assert_true(ch->overlap == 0.5);
	rules_free(r);
	fc_diags_finish(&d);
}

static void test_values_compatible_quote(void **state)
{
	(void)state;
	struct fc_value full = v_text(FULL), frag = v_text(FRAGMENT);
	struct fc_value elided = v_text(ELIDED), other = v_text(REWORDED);
	struct fc_value same = v_text("RUSSIA is already providing "
				      "assistance, not only to Iran, but also "
				      "to the entire region and to the cause "
				      "of regional stability and peace");
	assert_true(fc_values_compatible("quote", 0, &full, &same));
	assert_true(fc_values_compatible("quote", 0, &full, &frag));
	assert_true(fc_values_compatible("quote", 0, &frag, &full));
	assert_true(fc_values_compatible("quote", 0, &elided, &full));
	assert_false(fc_values_compatible("quote", 0, &elided, &frag));
	assert_false(fc_values_compatible("quote", 0, &full, &other));
	assert_false(fc_values_compatible("text", 0, &full, &same));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_identical_quotes_corroborate, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_fragments_are_partial_and_support_their_version,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_wordings_are_a_variant_fragments_are_not, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_unrelated_quotes_are_separate_findings, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_a_fragment_never_joins_two_statements, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_ids_stay_unique, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_id_slugs_are_bounded,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_quotes_are_bounded,
						setup, teardown),
		cmocka_unit_test(test_loader_checks_quote_options),
		cmocka_unit_test(test_values_compatible_quote),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
