/*
** test_formats.c: the seven check formats over one contradicted, one
** supported and one unsupported claim, with hostile text everywhere it
** can come from: the DOC name, the DOC sentence, a corpus source id and
** a corpus sentence (markup characters, quotes, %, a newline, a control
** character, an invalid byte). Asserts exact lines of each format.
*/
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"

#include "checkdoc/checkdoc.h"

#define NAME "we,ird:%<&>\"'\xff.txt"
#define SRC "a%\n<&>\x01"
#define R "\xEF\xBF\xBD" /* U+FFFD */

struct env {
	struct fc_rules *r;
	struct fc_corpus *c;
	struct fc_checkdoc *cd;
};

static const char SRC_A[] =
	"Russian President Vladimir Putin spoke by phone with Israeli Prime "
	"Minister Benjamin Netanyahu on Friday, the Kremlin said <b>&amp;</b> "
	"\"100%\" \x01 sure\xff.";
/* (the text stage drops the control character and repairs the byte) */
static const char SRC_B[] =
	"Russian President Vladimir Putin spoke by phone with Iranian "
	"President Masoud Pezeshkian on Friday.";
static const char DOC[] =
	"Putin spoke by phone with Netanyahu on January 17 <i>&</i> \"x\" "
	"100% *y* _z_ [l](u) # | ~ `c`.\n"
	"Putin spoke by phone with Pezeshkian on Friday.\n"
	"Putin spoke with Turkish President Recep Tayyip Erdogan on Friday.\n";

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof(*e));
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load(NULL, 1, &e->r, &d), FC_OK);
	e->c = fc_corpus_create();
	e->c->name = "c<1>";
	e->c->reference_date = "2026-01-16";
	assert_int_equal(fc_corpus_add_text(e->c, SRC, "2026-01-16",
					    SRC_A, sizeof(SRC_A) - 1),
			 FC_OK);
	assert_int_equal(fc_corpus_add_text(e->c, "b", "2026-01-16", SRC_B,
					    sizeof(SRC_B) - 1),
			 FC_OK);
	assert_int_equal(fc_verify(e->r, e->c, NULL, &d), FC_OK);
	struct fc_checkdoc_opts o = {.name = NAME, .against = "c<1>"};
	assert_int_equal(fc_checkdoc_run(e->r, e->c, DOC, sizeof(DOC) - 1, &o,
					 &e->cd, &d),
			 FC_OK);
	assert_int_equal(d.nerr, 0);
	fc_diags_finish(&d);
	assert_int_equal(e->cd->nclaims, 3);
	assert_int_equal(e->cd->claims[0].status, FC_CLAIM_CONTRADICTED);
	assert_int_equal(e->cd->claims[1].status, FC_CLAIM_SUPPORTED);
	assert_int_equal(e->cd->claims[2].status, FC_CLAIM_UNSUPPORTED);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;
	fc_checkdoc_destroy(e->cd);
	fc_corpus_destroy(e->c);
	fc_rules_destroy(e->r);
	free(e);
	return 0;
}

/* The report in format f (caller frees with free()). */
static char *render(void **state, enum fc_check_format f,
		    enum fc_claim_status fail_on)
{
	struct env *e = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_checkdoc_write(e->cd, f, fail_on, &b), FC_OK);
	size_t n;
	char *s = fc_buf_steal(&b, &n);
	assert_non_null(s);
	if (getenv("FC_TEST_DUMP"))
		fprintf(stderr, "---- %s\n%s", fc_check_format_name(f), s);
	return s;
}

/* s has line (a whole line, exactly). */
static void assert_line(const char *s, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = strstr(s, line); p; p = strstr(p + 1, line))
		if ((p == s || p[-1] == '\n') && (p[n] == '\n' || !p[n]))
			return;
	fail_msg("no line \"%s\" in:\n%s", line, s);
}

static void assert_absent(const char *s, const char *what)
{
	if (strstr(s, what))
		fail_msg("\"%s\" should not appear in:\n%s", what, s);
}

static void test_github(void **state)
{
	char *s = render(state, FC_CHK_GITHUB, FC_CLAIM_CONTRADICTED);
	const char *want =
		"::error file=we%2Cird%3A%25<&>\"'\xEF\xBF\xBD"
		".txt,line=1,col=1,endLine=1,"
		"endColumn=94::contradicted: call of Vladimir Putin, Benjamin "
		"Netanyahu: date 2026-01-17 contradicts 2026-01-16 in a%25%0A<&>\xEF\xBF\xBD\n"
		"::warning file=we%2Cird%3A%25<&>\"'\xEF\xBF\xBD"
		".txt,line=3,col=1,endLine=3,"
		"endColumn=67::unsupported: call of Vladimir Putin, Recep Tayyip "
		"Erdogan: no source of the corpus reports it\n";
	assert_string_equal(s, want);
	free(s);
	/* --fail-on unsupported makes the warning an error. */
	s = render(state, FC_CHK_GITHUB, FC_CLAIM_UNSUPPORTED);
	assert_non_null(strstr(s, "\n::error file=we%2Cird%3A%25<&>\"'"
				  "\xEF\xBF\xBD.txt,"
				  "line=3,"));
	free(s);
}

static void test_json(void **state)
{
	char *s = render(state, FC_CHK_JSON, FC_CLAIM_CONTRADICTED);
	assert_line(s, "  \"schema\": \"factcross/check-1\",");
	assert_line(s, "  \"document\": \"we,ird:%<&>\\\"'\xEF\xBF\xBD.txt\",");
	assert_line(s, "  \"against\": \"c<1>\",");
	assert_line(s, "  \"reference_date\": \"2026-01-16\",");
	assert_line(s, "  \"fail_on\": \"contradicted\",");
	assert_line(s, "    \"claims\": 3,");
	assert_line(s, "    \"failing\": 1");
	assert_line(s, "      \"line\": 1,");
	assert_line(s, "      \"end_column\": 94,");
	assert_line(s, "      \"text\": \"Putin spoke by phone with Netanyahu on "
		       "January 17 <i>&</i> \\\"x\\\" 100% *y* _z_ [l](u) # | ~ "
		       "`c`.\",");
	assert_line(s, "      \"status\": \"contradicted\",");
	assert_line(s, "      \"rule\": \"call.date\",");
	assert_line(s, "          \"source\": \"a%\\n<&>\\u0001\",");
	/* The control character is escaped, the invalid byte is U+FFFD. */
	assert_line(s, "          \"sentence\": \"Russian President Vladimir "
		       "Putin spoke by phone with Israeli Prime Minister "
		       "Benjamin Netanyahu on Friday, the Kremlin said <b>&amp;"
		       "</b> \\\"100%\\\" sure\xEF\xBF\xBD.\",");
	assert_line(s, "          \"supports\": false,");
	free(s);
}

static void test_sarif(void **state)
{
	char *s = render(state, FC_CHK_SARIF, FC_CLAIM_CONTRADICTED);
	assert_line(s, "  \"version\": \"2.1.0\",");
	assert_line(s, "          \"name\": \"factcross\",");
	assert_line(s, "      \"columnKind\": \"unicodeCodePoints\",");
	/* One result: the contradicted claim (the unsupported one does not
	** fail under --fail-on contradicted). */
	assert_line(s, "          \"ruleId\": \"call.date\",");
	assert_absent(s, "\"ruleId\": \"unsupported\"");
	assert_line(s, "                  \"uri\": \"we,ird%3A%25%3C&%3E%22'%FF.txt\"");
	assert_line(s, "                  \"startColumn\": 1,");
	assert_line(s, "                  \"endColumn\": 94");
	free(s);
	s = render(state, FC_CHK_SARIF, FC_CLAIM_UNSUPPORTED);
	assert_line(s, "          \"ruleId\": \"unsupported\",");
	free(s);
}

static void test_junit(void **state)
{
	char *s = render(state, FC_CHK_JUNIT, FC_CLAIM_CONTRADICTED);
	assert_line(s, "<testsuites name=\"factcross check\" tests=\"3\" "
		       "failures=\"1\" errors=\"0\">");
	assert_line(s, "  <testsuite name=\"we,ird:%&lt;&amp;&gt;&quot;&#39;"
		       R ".txt\" tests=\"3\" failures=\"1\" errors=\"0\" "
		       "skipped=\"0\">");
	assert_line(s, "    <testcase classname=\"we,ird:%&lt;&amp;&gt;&quot;"
		       "&#39;" R ".txt\" name=\"2:1 Putin spoke by phone with "
		       "Pezeshkian on Friday.\"/>");
	assert_line(s, "- a%&#10;&lt;&amp;&gt;" R ": Russian President Vladimir "
		       "Putin spoke by phone with Israeli Prime Minister Benjamin "
		       "Netanyahu on Friday, the Kremlin said &lt;b&gt;&amp;amp;"
		       "&lt;/b&gt; &quot;100%&quot; sure" R ".</failure>");
	/* The unsupported claim does not fail: its verdict is output. */
	assert_line(s, "      <system-out>unsupported: call of Vladimir Putin, "
		       "Recep Tayyip Erdogan: no source of the corpus reports "
		       "it</system-out>");
	assert_absent(s, "<b>");
	assert_absent(s, "\x01");
	free(s);
}

static void test_md_and_html(void **state)
{
	char *s = render(state, FC_CHK_MD, FC_CLAIM_CONTRADICTED);
	assert_line(s, "# Check of we,ird:%&lt;&amp;&gt;\"'" R ".txt");
	assert_line(s, "**Result:** FAIL: 1 contradicted, 1 unsupported, 1 "
		       "supported");
	assert_line(s, "> Putin spoke by phone with Netanyahu on January 17 "
		       "&lt;i&gt;&amp;&lt;/i&gt; \"x\" 100% \\*y\\* \\_z\\_ "
		       "\\[l\\](u) \\# \\| \\~ \\`c\\`.");
	assert_line(s, "- contradicts: a% &lt;&amp;&gt;" R " (line 1): Russian "
		       "President Vladimir Putin spoke by phone with Israeli "
		       "Prime Minister Benjamin Netanyahu on Friday, the Kremlin "
		       "said &lt;b&gt;&amp;amp;&lt;/b&gt; \"100%\" sure" R ".");
	free(s);
	s = render(state, FC_CHK_HTML, FC_CLAIM_CONTRADICTED);
	assert_line(s, "<title>Check of we,ird:%&lt;&amp;&gt;&quot;&#39;" R
		       ".txt</title>");
	assert_line(s, "<blockquote>Putin spoke by phone with Netanyahu on "
		       "January 17 &lt;i&gt;&amp;&lt;/i&gt; &quot;x&quot; 100% "
		       "*y* _z_ [l](u) # | ~ `c`.</blockquote>");
	assert_absent(s, "<b>");
	assert_absent(s, "<i>");
	assert_absent(s, "\x01");
	free(s);
}

static void test_claimreview(void **state)
{
	char *s = render(state, FC_CHK_CLAIMREVIEW, FC_CLAIM_CONTRADICTED);
	assert_line(s, "  \"@context\": \"https://schema.org\",");
	assert_line(s, "      \"@type\": \"ClaimReview\",");
	assert_line(s, "      \"claimReviewed\": \"Putin spoke by phone with "
		       "Pezeshkian on Friday.\",");
	assert_line(s, "        \"ratingValue\": 1,");
	assert_line(s, "        \"alternateName\": \"Contradicted\"");
	assert_line(s, "        \"alternateName\": \"Supported\"");
	assert_line(s, "        \"alternateName\": \"Unsupported\"");
	assert_line(s, "        \"@type\": \"Claim\",");
	assert_line(s, "          \"url\": \"we,ird:%<&>\\\"'" R ".txt#L3\"");
	assert_line(s, "          \"name\": \"a%\\n<&>\\u0001\",");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_github),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_sarif),
		cmocka_unit_test(test_junit),
		cmocka_unit_test(test_md_and_html),
		cmocka_unit_test(test_claimreview),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
