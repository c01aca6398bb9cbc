/*
** test_report_md.c: the Markdown report. Its head and one finding are
** compared in full; the hostile corpus must yield no HTML, no live link
** and no markup taken from a source.
*/
#include "fc_test.h"
#include "fixture.h"
#include "core/wdiff.h"
#include "report/report_p.h"

#include <stdlib.h>

static const char expected_head[] =
	"# Calls &amp; \"talks\" in January\n"
	"\n"
	"Corpus fixture-calls \xC2\xB7 reference date 2026-01-16 \xC2\xB7 3 sources \xC2\xB7 6 facts \xC2\xB7 4 findings\n"
	"\n"
	"**Summary:** 1 contradicted, 1 corroborated, 1 single-source, 1 variant\n"
	"\n"
	"## Sources\n"
	"\n"
	"| Source | Outlet | Published | Independent group |\n"
	"| --- | --- | --- | --- |\n"
	"| 000 | Agency A | 2026-01-16 | 0 |\n"
	"| 001 | \xE2\x80\x94 | \xE2\x80\x94 | 1 |\n"
	"| 002 | Wire C | \xE2\x80\x94 | 0 |\n"
	"\n"
	"**Independent groups:** 2\n"
	"\n"
	"- Group 0: 000 (Agency A), 002 (Wire C) \xE2\x80\x94 000 and 002: "
	"declared (derived\\_from)\n"
	"- Group 1: 001\n"
	"\n"
	"## Contradicted (1)\n"
	;

static const char expected_contradicted[] =
	"## Contradicted (1)\n"
	"\n"
	"### Sources disagree on the date of the call: 2026-01-16 vs 2026-01-15\n"
	"\n"
	"- Check: call-date (call, field date, severity warning)\n"
	"- Key: participants: Vladimir Putin, Benjamin Netanyahu\n"
	"- Sources: 000, 001, 002 (2 independent)\n"
	"- Independent groups: 000 (Agency A), 002 (Wire C); 001\n"
	"\n"
	"**Value:** 16 January 2026 (2026-01-16) \xE2\x80\x94 000, 002\n"
	"\n"
	"> Putin spoke with Netanyahu on Friday.\n"
	">\n"
	"> \xE2\x80\x94 002 (Wire C), fact f3\n"
	"\n"
	"> Putin spoke with Netanyahu on Friday.\n"
	">\n"
	"> \xE2\x80\x94 000 (Agency A), fact f1\n"
	"\n"
	"**Value:** 15 January 2026 (2026-01-15) \xE2\x80\x94 001\n"
	"\n"
	"> On Thursday, Putin reportedly called Netanyahu.\n"
	">\n"
	"> \xE2\x80\x94 001, fact f2, hedged\n"
	"\n"
	"## Corroborated (1)\n";

static void test_md_head_and_sources_table(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	char *s = fixture_render(c, FC_FMT_MD);
	assert_memory_equal(s, expected_head, strlen(expected_head));
	free(s);
	fc_corpus_destroy(c);
}

/* Findings come grouped: contradicted, corroborated, single, variant. */
static void test_md_findings_grouped_by_status(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	char *s = fixture_render(c, FC_FMT_MD);
	const char *contra = strstr(s, expected_contradicted);
	assert_non_null(contra);
	const char *corr = strstr(s, "\n## Corroborated (1)\n");
	const char *single = strstr(s, "\n## Single source (1)\n");
	const char *variant = strstr(s, "\n## Variant (1)\n");
	assert_non_null(single);
	assert_non_null(variant);
	assert_true(contra < corr && corr < single && single < variant);
	assert_non_null(strstr(
		s, "**Value:** Vladimir Putin, Benjamin Netanyahu "
		   "(person:vladimir-putin,person:benjamin-netanyahu) "
		   "\xE2\x80\x94 000, 001, 002\n"));
	/* a value without canonical text gets it from its value */
	assert_non_null(strstr(
		s, "**Value:** We are not seeking war \xE2\x80\x94 002\n\n"
		   "> \xC2\xABWe are not seeking war\xC2\xBB, Peskov said.\n"
		   ">\n"
		   "> \xE2\x80\x94 002 (Wire C), fact f6, negated, reported, "
		   "attribution: Peskov\n"));
	/* one trailing newline */
	size_t n = strlen(s);
	assert_true(n > 2 && s[n - 1] == '\n' && s[n - 2] != '\n');
	free(s);
	fc_corpus_destroy(c);
}

/* A variant's second wording shows its words against the first; the
** fragment is marked partial and gets no diff. */
static void test_md_variant_diff_and_partial(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	char *s = fixture_render(c, FC_FMT_MD);
	assert_non_null(strstr(
		s, "**Value:** We are \xE2\x80\x9Cnot\xE2\x80\x9D seeking a war "
		   "&lt;now&gt; \xE2\x80\x94 001\n\n"
		   "Against the first version: We are \xE2\x80\x9Cnot\xE2\x80\x9D "
		   "seeking **a** war **now**\n\n"
		   "> On Thursday, Putin reportedly called Netanyahu.\n"));
	assert_non_null(strstr(
		s, "**Value:** seeking war \xE2\x80\x94 000 \xC2\xB7 partial: "
		   "found whole in a longer version\n\n> Putin spoke"));
	/* one diff: the first version and the fragment get none */
	const char *d = strstr(s, "Against the first version");
	assert_non_null(d);
	assert_null(strstr(d + 1, "Against the first version"));
	/* an added word; punctuation between words as written, escaped */
	c->findings[3].values[0].value.text = "We are *not* seeking war now";
	free(s);
	s = fixture_render(c, FC_FMT_MD);
	assert_non_null(strstr(
		s, "Against the first version: We are \xE2\x80\x9Cnot\xE2\x80\x9D "
		   "seeking **a** war &lt;now\n\n"));
	c->findings[3].values[0].value.text = "We *really* are not seeking "
					      "war now";
	c->findings[3].values[1].value.text = "They are not seeking war";
	free(s);
	s = fixture_render(c, FC_FMT_MD);
	/* removed runs from the first version, their markup escaped */
	assert_non_null(strstr(
		s, "Against the first version: ~~We \\*really~~ **They** are "
		   "not seeking war ~~now~~\n\n"));
	free(s);
	fc_corpus_destroy(c);
}

/* More than FC_REP_MAX_DIFFS wordings: the rest say they were not
** compared. */
static void test_md_diffs_are_bounded(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	struct fc_finding *fd = &c->findings[3];
	size_t n = FC_REP_MAX_DIFFS + 3;
	struct fc_finding_value *v = fc_arena_alloc(&c->arena, n * sizeof(*v));
	assert_non_null(v);
	for (size_t i = 0; i < n; i++) {
		v[i] = fd->values[0];
		v[i].value.text = fc_arena_printf(&c->arena, "w%zu x y", i);
		v[i].text = v[i].value.text;
	}
	fd->values = v;
	fd->nvalues = n;
	char *s = fixture_render(c, FC_FMT_MD);
	size_t ndiff = 0, nskip = 0;
	static const char skip[] = "Against the first version: not compared "
				   "(more than 16 versions)\n";
	for (const char *p = s; (p = strstr(p, "Against the first version:"));
	     p++) {
		if (!strncmp(p, skip, strlen(skip)))
			nskip++;
		else
			ndiff++;
	}
	assert_int_equal(ndiff, FC_REP_MAX_DIFFS);
	assert_int_equal(nskip, 2);
	assert_non_null(strstr(s, "Against the first version: ~~w0~~ **w1** "
				  "x y\n"));
	free(s);
	fc_corpus_destroy(c);
}

/* Versions longer than FC_WD_MAX_WORDS: the first words are compared,
** and the diff says so. */
static void test_md_long_versions_are_capped(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "start");
	for (int i = 0; i < FC_WD_MAX_WORDS + 50; i++)
		fc_buf_adds(&b, " w");
	c->findings[3].values[0].value.text = "begin w w";
	c->findings[3].values[1].value.text = fc_buf_cstr(&b);
	char *s = fixture_render(c, FC_FMT_MD);
	/* Any longest common subsequence will do: the two w of the first
	** version stand somewhere among the 2000 compared words. */
	const char *d = strstr(s, "Against the first version: ~~begin~~ "
				  "**start w");
	assert_non_null(d);
	const char *end = strstr(d, "\n");
	assert_non_null(end);
	static const char tail[] = "w** (the first 2000 words compared)\n";
	assert_memory_equal(end - strlen(tail) + 1, tail, strlen(tail));
	free(s);
	fc_buf_finish(&b);
	fc_corpus_destroy(c);
}

/* The character before s[i] is an escaping backslash. */
static bool is_escaped(const char *s, size_t i)
{
	size_t k = 0;
	while (k < i && s[i - 1 - k] == '\\')
		k++;
	return k % 2 == 1;
}

static void test_md_hostile_strings_are_inert(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_hostile();
	char *s = fixture_render(c, FC_FMT_MD);
	/* no HTML at all: every < > from a source is an entity */
	assert_null(strchr(s, '<'));
	/* no link syntax, no code span, no emphasis from a source */
	for (size_t i = 0; s[i]; i++) {
		if (strchr("[]`_", s[i]))
			assert_true(is_escaped(s, i));
		if (s[i] == '*' && !(s[i + 1] == '*' || (i && s[i - 1] == '*')))
			assert_true(is_escaped(s, i));
		if (!strncmp(s + i, "://", 3))
			assert_true(is_escaped(s, i));
		if (!strncmp(s + i, "www.", 4))
			assert_true(is_escaped(s, i + 3));
		/* & only as an entity we wrote */
		if (s[i] == '&')
			assert_true(!strncmp(s + i, "&amp;", 5) ||
				    !strncmp(s + i, "&lt;", 4) ||
				    !strncmp(s + i, "&gt;", 4));
		/* valid UTF-8, no control characters but newlines */
		size_t k = fc_utf8_seq_len((const unsigned char *)s + i,
					   strlen(s + i));
		assert_true(k > 0);
		if ((unsigned char)s[i] < 0x20)
			assert_int_equal(s[i], '\n');
		i += k - 1;
	}
	assert_non_null(strstr(s, "\\[x\\](javascript:alert(1))"));
	/* the sentence's newlines do not start a heading or a list */
	assert_non_null(strstr(
		s, "> He said &lt;script&gt;alert(1)&lt;/script&gt;\"&gt;"
		   "&lt;img src=x onerror=alert(1)&gt; ' &amp;amp; "
		   "\\[x\\](javascript:alert(1)) and \xEF\xBF\xBD\xEF\xBF\xBD bad "
		   "\xEF\xBF\xBD bytes, see https\\://evil.example/x and "
		   "www\\.evil.example or mail me\\@evil.example\xEF\xBF\xBD. "
		   "\\# not a heading - nor a list\n"));
	assert_null(strstr(s, "\n# not"));
	assert_null(strstr(s, "\n- nor"));
	/* table cells cannot be split by a source's | */
	assert_non_null(strstr(s, "| id&lt;script&gt;"));
	fc_corpus_destroy(c);
	free(s);
}

/* Line starts that would open a list, a rule or a heading are escaped. */
static void test_md_line_start_escapes(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"- item", "\\- item"},
		{"+ item", "\\+ item"},
		{"1. item", "1\\. item"},
		{"2026) item", "2026\\) item"},
		{"===", "\\==="},
		{"  # x", "\\# x"},
		{"a\n\n- b", "a - b"},
		{"1.5 billion", "1.5 billion"},
		{"3.", "3\\."},
		{"-5%", "\\-5%"},
		{"x\t\ty", "x y"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct fc_corpus *c = fixture_corpus();
		c->findings[1].message = cases[i].in;
		char *s = fixture_render(c, FC_FMT_MD);
		char want[64];
		snprintf(want, sizeof(want), "\n### %s\n\n", cases[i].out);
		if (!strstr(s, want))
			fail_msg("case %zu: no %s", i, want);
		free(s);
		fc_corpus_destroy(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_head_and_sources_table),
		cmocka_unit_test(test_md_findings_grouped_by_status),
		cmocka_unit_test(test_md_variant_diff_and_partial),
		cmocka_unit_test(test_md_diffs_are_bounded),
		cmocka_unit_test(test_md_long_versions_are_capped),
		cmocka_unit_test(test_md_hostile_strings_are_inert),
		cmocka_unit_test(test_md_line_start_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
