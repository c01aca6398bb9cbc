/*
** test_checkdoc.c: fc_checkdoc_run with the built-in rules against a
** two-source corpus: the verdict of each kind of claim (supported,
** contradicted on a field or on polarity, unsupported, a misquote, a
** quoted fragment, an attribution frame), the DCT of DOC, and where
** claims stand in the raw file (Markdown, CRLF, multi-byte and invalid
** bytes).
*/
#include <stdlib.h>

#include "fc_test.h"

#include "checkdoc/checkdoc.h"

struct env {
	struct fc_rules *r;
	struct fc_corpus *c;
};

static const char SRC_A[] =
	"Russian President Vladimir Putin spoke by phone with Israeli Prime "
	"Minister Benjamin Netanyahu on Friday, the Kremlin said. Russia and "
	"Iran signed a 20-year strategic partnership treaty last year.";
static const char SRC_B[] =
	"Israeli Prime Minister Benjamin Netanyahu held a phone call with "
	"Russian President Vladimir Putin on January 16. Kremlin spokesman "
	"Dmitry Peskov said: \"Russia is already providing assistance to the "
	"entire region, and to the cause of peace.\"";
static const char SRC_C[] =
	"Venezuelan President Nicolas Maduro was captured by the United "
	"States and brought to New York.";

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof(*e));
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load(NULL, 1, &e->r, &d), FC_OK);
	e->c = fc_corpus_create();
	e->c->name = "two";
	e->c->reference_date = "2026-01-16";
	assert_int_equal(fc_corpus_add_text(e->c, "a", "2026-01-16", SRC_A,
					    strlen(SRC_A)),
			 FC_OK);
	assert_int_equal(fc_corpus_add_text(e->c, "b", "2026-01-16", SRC_B,
					    strlen(SRC_B)),
			 FC_OK);
	assert_int_equal(fc_corpus_add_text(e->c, "c", "2026-01-16", SRC_C,
					    strlen(SRC_C)),
			 FC_OK);
	assert_int_equal(fc_verify(e->r, e->c, NULL, &d), FC_OK);
	assert_int_equal(d.nerr, 0);
	fc_diags_finish(&d);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;
	fc_corpus_destroy(e->c);
	fc_rules_destroy(e->r);
	free(e);
	return 0;
}

/* Check DOC text named name (ref may be NULL); asserts no error. */
static struct fc_checkdoc *check(void **state, const char *name,
				 const char *text, size_t len, const char *ref,
				 struct fc_diags *d)
{
	struct env *e = *state;
	struct fc_checkdoc *cd = NULL;
	struct fc_checkdoc_opts o = {.name = name, .against = "two",
				     .ref = ref};
	assert_int_equal(fc_checkdoc_run(e->r, e->c, text, len, &o, &cd, d),
			 FC_OK);
	assert_non_null(cd);
	return cd;
}

static struct fc_checkdoc *check_s(void **state, const char *text)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_checkdoc *cd = check(state, "doc.md", text, strlen(text),
				       NULL, &d);
	assert_int_equal(d.nerr, 0);
	fc_diags_finish(&d);
	return cd;
}

static void assert_claim(const struct fc_claim *cl, unsigned line,
			 unsigned col, unsigned end_line, unsigned end_col,
			 enum fc_claim_status status, const char *rule,
			 const char *message)
{
	assert_int_equal(cl->line, line);
	assert_int_equal(cl->column, col);
	assert_int_equal(cl->end_line, end_line);
	assert_int_equal(cl->end_column, end_col);
	assert_string_equal(fc_claim_status_name(cl->status),
			    fc_claim_status_name(status));
	if (rule)
		assert_string_equal(cl->rule, rule);
	else
		assert_null(cl->rule);
	assert_string_equal(cl->message, message);
}

static void test_call_on_another_day_is_contradicted(void **state)
{
	struct fc_checkdoc *cd = check_s(
		state, "# Calls\n\nPutin spoke by phone with Netanyahu on "
		       "January 17.\n");
	assert_int_equal(cd->nclaims, 1);
	assert_int_equal(cd->counts[FC_CLAIM_CONTRADICTED], 1);
	const struct fc_claim *cl = &cd->claims[0];
	assert_claim(cl, 3, 1, 3, 51, FC_CLAIM_CONTRADICTED, "call.date",
		     "call of Vladimir Putin, Benjamin Netanyahu: date "
		     "2026-01-17 contradicts 2026-01-16 in a, b");
	assert_string_equal(cl->text, "Putin spoke by phone with Netanyahu "
				      "on January 17.");
	/* The two corpus sentences that date the call, as counter-evidence. */
	assert_int_equal(cl->nevidence, 2);
	assert_int_equal(cl->evidence[0].doc, 0);
	assert_int_equal(cl->evidence[1].doc, 1);
	assert_false(cl->evidence[0].is_supporting);
	assert_int_equal(cl->evidence[0].start, 0);
	assert_int_equal(cl->evidence[0].line, 1);
	assert_int_equal(cl->facts[0].nfields, 2);
	assert_string_equal(cl->facts[0].fields[0].rule, "call.date");
	assert_string_equal(cl->facts[0].fields[0].value, "2026-01-17");
	assert_int_equal(cl->facts[0].fields[0].ncorpus_values, 1);
	assert_string_equal(cl->facts[0].fields[0].corpus_values[0],
			    "2026-01-16");
	assert_int_equal(fc_checkdoc_nfailing(cd, FC_CLAIM_CONTRADICTED), 1);
	fc_checkdoc_destroy(cd);
}

static void test_faithful_claims_are_supported(void **state)
{
	struct fc_checkdoc *cd = check_s(
		state, "Putin spoke by phone with Netanyahu on Friday, the "
		       "Kremlin said.\nRussia and Iran signed a 20-year "
		       "strategic partnership pact last year.\n");
	assert_int_equal(cd->nclaims, 2);
	assert_int_equal(cd->counts[FC_CLAIM_SUPPORTED], 2);
	/* "the Kremlin said" frames the call: the statement is not in the
	** corpus, but it does not count against the sentence. */
	const struct fc_claim *cl = &cd->claims[0];
	assert_claim(cl, 1, 1, 1, 65, FC_CLAIM_SUPPORTED, NULL,
		     "call of Vladimir Putin, Benjamin Netanyahu: reported by "
		     "a, b (2 independent sources); date 2026-01-16 agrees "
		     "with a, b");
	assert_int_equal(cl->nfacts, 2);
	assert_string_equal(cd->doc->facts[cl->facts[0].fact].kind,
			    "statement");
	assert_false(cl->facts[0].is_counted);
	assert_int_equal(cl->facts[0].status, FC_CLAIM_UNSUPPORTED);
	assert_true(cl->facts[1].is_counted);
	assert_int_equal(cl->nevidence, 2);
	assert_true(cl->evidence[0].is_supporting);
	assert_true(cl->evidence[1].is_supporting);
	assert_claim(&cd->claims[1], 2, 1, 2, 71, FC_CLAIM_SUPPORTED, NULL,
		     "agreement of Russia, Iran: reported by a (1 independent "
		     "source); duration 20 years agrees with a; signed 2025 "
		     "agrees with a; type strategic partnership agrees with a");
	assert_int_equal(fc_checkdoc_nfailing(cd, FC_CLAIM_UNSUPPORTED), 0);
	fc_checkdoc_destroy(cd);
}

static void test_call_with_another_leader_is_unsupported(void **state)
{
	struct fc_checkdoc *cd = check_s(
		state, "Putin also spoke with Turkish President Recep Tayyip "
		       "Erdogan on Friday.");
	assert_int_equal(cd->nclaims, 1);
	assert_claim(&cd->claims[0], 1, 1, 1, 72, FC_CLAIM_UNSUPPORTED, NULL,
		     "call of Vladimir Putin, Recep Tayyip Erdogan: no source "
		     "of the corpus reports it");
	assert_int_equal(cd->claims[0].nevidence, 0);
	assert_int_equal(fc_checkdoc_nfailing(cd, FC_CLAIM_CONTRADICTED), 0);
	assert_int_equal(fc_checkdoc_nfailing(cd, FC_CLAIM_UNSUPPORTED), 1);
	assert_int_equal(fc_checkdoc_nfailing(cd, FC_CLAIM_NEVER), 0);
	fc_checkdoc_destroy(cd);
}

static void test_denial_contradicts_polarity(void **state)
{
	struct fc_checkdoc *cd = check_s(
		state, "Putin did not speak with Netanyahu on Friday.");
	assert_int_equal(cd->nclaims, 1);
	assert_claim(&cd->claims[0], 1, 1, 1, 46, FC_CLAIM_CONTRADICTED,
		     "call.polarity",
		     "call of Vladimir Putin, Benjamin Netanyahu: polarity "
		     "negated contradicts asserted in a, b");
	/* A negated fact says nothing about its date. */
	assert_int_equal(cd->claims[0].facts[0].nfields, 1);
	fc_checkdoc_destroy(cd);
}

static void test_quotes_fragment_supported_misquote_unsupported(void **state)
{
	struct fc_checkdoc *cd = check_s(
		state, "Peskov said: \"Russia is already providing assistance "
		       "to the entire region.\"\nPeskov said: \"Russia gives "
		       "no assistance to anyone.\"\n");
	assert_int_equal(cd->nclaims, 2);
	assert_int_equal(cd->claims[0].status, FC_CLAIM_SUPPORTED);
	/* A quote is compared by wording (conflict: variant): another
	** wording is not a contradiction, and not support either. */
	assert_claim(&cd->claims[1], 2, 1, 2, 53, FC_CLAIM_UNSUPPORTED,
		     "quote.text",
		     "quote of Dmitry Peskov: quote is worded differently in "
		     "b");
	assert_int_equal(cd->claims[1].nevidence, 1);
	assert_false(cd->claims[1].evidence[0].is_supporting);
	fc_checkdoc_destroy(cd);
}

static void test_field_no_source_gives(void **state)
{
	struct fc_checkdoc *cd = check_s(
		state, "Maduro was captured by the United States on January 3."
		       "\nMaduro was captured by Russia.\n");
	assert_int_equal(cd->nclaims, 2);
	/* The date is not contradicted, and not confirmed either: said. */
	assert_claim(&cd->claims[0], 1, 1, 1, 55, FC_CLAIM_SUPPORTED, NULL,
		     "capture of Nicolas Maduro: reported by c (1 independent "
		     "source); by United States agrees with c; date "
		     "2026-01-03: no source gives it");
	assert_claim(&cd->claims[1], 2, 1, 2, 31, FC_CLAIM_CONTRADICTED,
		     "capture.by",
		     "capture of Nicolas Maduro: by Russia contradicts United "
		     "States in c");
	fc_checkdoc_destroy(cd);
}

static void test_reference_date_of_doc(void **state)
{
	const char *t = "Putin spoke by phone with Netanyahu yesterday.";
	struct fc_diags d;
	fc_diags_init(&d);
	/* The corpus reference date: yesterday is 2026-01-15. */
	struct fc_checkdoc *cd = check(state, "d.txt", t, strlen(t), NULL, &d);
	assert_string_equal(cd->reference_date, "2026-01-16");
	assert_int_equal(cd->claims[0].status, FC_CLAIM_CONTRADICTED);
	fc_checkdoc_destroy(cd);
	/* --ref wins. */
	cd = check(state, "d.txt", t, strlen(t), "2026-01-17", &d);
	assert_string_equal(cd->reference_date, "2026-01-17");
	assert_int_equal(cd->claims[0].status, FC_CLAIM_SUPPORTED);
	fc_checkdoc_destroy(cd);
	/* Then the date line of DOC, which is not a claim's line. */
	const char *dated = "date 2026-01-17\nPutin spoke by phone with "
			    "Netanyahu yesterday.";
	cd = check(state, "d.txt", dated, strlen(dated), NULL, &d);
	assert_string_equal(cd->reference_date, "2026-01-17");
	assert_int_equal(cd->claims[0].status, FC_CLAIM_SUPPORTED);
	assert_int_equal(cd->claims[0].line, 2);
	fc_checkdoc_destroy(cd);
	assert_int_equal(d.nerr, 0);
	fc_diags_finish(&d);
}

static void test_positions_in_markdown_crlf_and_multibyte(void **state)
{
	/* CRLF line ends, markup inside and before the sentence, two
	** sentences on one line after multi-byte characters. */
	const char *t =
		"# Über “calls”\r\n\r\n"
		"- Putin spoke by phone with **Netanyahu** on January 17.\r\n"
		"\r\n"
		"Iran – calm. Putin spoke by phone with Netanyahu on Friday.\r\n";
	struct fc_checkdoc *cd = check_s(state, t);
	assert_int_equal(cd->nclaims, 2);
	const struct fc_claim *a = &cd->claims[0], *b = &cd->claims[1];
	assert_int_equal(a->line, 3);
	assert_int_equal(a->column, 3);
	assert_int_equal(a->end_line, 3);
	assert_int_equal(a->end_column, 57);
	assert_string_equal(a->text, "Putin spoke by phone with Netanyahu on "
				     "January 17.");
	/* The raw bytes include the markup. */
	assert_memory_equal(t + a->raw_start, "Putin spoke", 11);
	assert_int_equal(a->raw_end - a->raw_start, 54);
	/* "Iran – calm. " is 13 characters and 15 bytes. */
	assert_int_equal(b->line, 5);
	assert_int_equal(b->column, 14);
	assert_int_equal(b->end_column, 60);
	assert_int_equal(b->status, FC_CLAIM_SUPPORTED);
	fc_checkdoc_destroy(cd);
}

static void test_positions_in_html(void **state)
{
	/* The tags and the entity are skipped; the place is the file's. */
	const char t[] =
		"<html><head><title>T</title></head>\n<body>\n"
		"  <p>Intro &amp; more.</p><p>Putin spoke by phone with "
		"<b>Netanyahu</b> on January 17.</p>\n</body></html>\n";
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_checkdoc *cd = check(state, "page.html", t, sizeof(t) - 1,
				       NULL, &d);
	assert_int_equal(d.nerr, 0);
	assert_int_equal(cd->nclaims, 1);
	assert_claim(&cd->claims[0], 3, 30, 3, 87, FC_CLAIM_CONTRADICTED,
		     "call.date",
		     "call of Vladimir Putin, Benjamin Netanyahu: date "
		     "2026-01-17 contradicts 2026-01-16 in a, b");
	assert_string_equal(cd->claims[0].text, "Putin spoke by phone with "
						 "Netanyahu on January 17.");
	fc_checkdoc_destroy(cd);
	fc_diags_finish(&d);
}

static void test_invalid_bytes_count_as_one_column(void **state)
{
	const char t[] = "\xff\xfe ok. Putin spoke by phone with Netanyahu "
			 "on January 17.";
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_checkdoc *cd = check(state, "bad.txt", t, sizeof(t) - 1,
				       NULL, &d);
	/* A warning names the first invalid byte; nothing fails. */
	assert_int_equal(d.nerr, 0);
	assert_int_equal(d.nwarn, 1);
	fc_assert_diag(&d, 0, "bad.txt", 1, 1,
		       "2 invalid UTF-8 bytes replaced by U+FFFD (the first "
		       "is here)");
	assert_int_equal(cd->nclaims, 1);
	assert_int_equal(cd->claims[0].column, 8);
	assert_int_equal(cd->claims[0].end_column, 58);
	fc_checkdoc_destroy(cd);
	fc_diags_finish(&d);
}

static void test_no_claims(void **state)
{
	struct fc_checkdoc *cd = check_s(state, "Nothing to see here.\n");
	assert_int_equal(cd->nclaims, 0);
	assert_int_equal(cd->nsentences, 1);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_checkdoc_write(cd, FC_CHK_GITHUB,
					   FC_CLAIM_CONTRADICTED, &b),
			 FC_OK);
	assert_int_equal(b.len, 0);
	fc_checkdoc_destroy(cd);
	cd = check_s(state, "");
	assert_int_equal(cd->nclaims, 0);
	assert_int_equal(cd->nsentences, 0);
	assert_int_equal(fc_checkdoc_write(cd, FC_CHK_SARIF,
					   FC_CLAIM_CONTRADICTED, &b),
			 FC_OK);
	assert_non_null(strstr(fc_buf_cstr(&b), "\"results\": []"));
	fc_buf_finish(&b);
	fc_checkdoc_destroy(cd);
}

static void test_bad_ref_is_an_input_error(void **state)
{
	struct env *e = *state;
	struct fc_checkdoc *cd = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_checkdoc_opts o = {.name = "x.md", .ref = "2026-13-01"};
	assert_int_equal(fc_checkdoc_run(e->r, e->c, "x", 1, &o, &cd, &d),
			 FC_EINPUT);
	assert_null(cd);
	assert_int_equal(d.nerr, 1);
	assert_string_equal(d.v[0].msg, "x.md: --ref is not a date YYYY-MM-DD");
	fc_diags_finish(&d);
}

static void test_names(void **state)
{
	(void)state;
	enum fc_claim_status s;
	assert_true(fc_claim_status_parse("unsupported", &s));
	assert_int_equal(s, FC_CLAIM_UNSUPPORTED);
	assert_true(fc_claim_status_parse("none", &s));
	assert_int_equal(s, FC_CLAIM_NEVER);
	assert_false(fc_claim_status_parse("Supported", &s));
	enum fc_check_format f;
	const char *names[] = {"json", "sarif", "junit", "github", "md",
			       "html", "claimreview"};
	for (int i = 0; i < FC_CHK_COUNT; i++) {
		assert_true(fc_check_format_parse(names[i], &f));
		assert_int_equal(f, i);
		assert_string_equal(fc_check_format_name(f), names[i]);
	}
	assert_false(fc_check_format_parse("xml", &f));
	assert_string_equal(fc_check_format_ext(FC_CHK_JUNIT), "junit.xml");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_call_on_another_day_is_contradicted),
		cmocka_unit_test(test_faithful_claims_are_supported),
		cmocka_unit_test(test_call_with_another_leader_is_unsupported),
		cmocka_unit_test(test_denial_contradicts_polarity),
		cmocka_unit_test(
			test_quotes_fragment_supported_misquote_unsupported),
		cmocka_unit_test(test_field_no_source_gives),
		cmocka_unit_test(test_reference_date_of_doc),
		cmocka_unit_test(test_positions_in_markdown_crlf_and_multibyte),
		cmocka_unit_test(test_positions_in_html),
		cmocka_unit_test(test_invalid_bytes_count_as_one_column),
		cmocka_unit_test(test_no_claims),
		cmocka_unit_test(test_bad_ref_is_an_input_error),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
