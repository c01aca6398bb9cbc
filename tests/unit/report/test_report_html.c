/*
** test_report_html.c: the HTML report. A strict scanner checks that
** every tag and attribute in the output is one the writer emits (so a
** source string can never open a tag), that nothing loads from outside,
** and that the matched span is highlighted without splitting a UTF-8
** character.
*/
#include "fc_test.h"
#include "fixture.h"
#include "report/report_p.h"

#include <stdlib.h>

static const char *const allowed_tags[] = {
	"html", "head", "meta", "title", "style", "body", "header", "nav",
	"ul", "li", "a", "span", "main", "section", "h1", "h2", "h3", "div",
	"table", "thead", "tbody", "tr", "th", "td", "code", "article", "dl",
	"dt", "dd", "strong", "p", "figure", "blockquote", "mark",
	"figcaption", "cite", "footer", "del", "ins", "svg", "desc", "g",
	"rect", "circle", "path", "text", NULL,
};

/* The fixture's drawing: group 0 holds 000 and 002 (declared), group 1
** holds 001. */
static const char expected_svg[] =
	"<h3>Independent groups <span class=\"small\">(2)</span></h3>\n"
	"<figure>\n"
	"<svg class=\"deps\" viewBox=\"0 0 360 148\" role=\"img\" "
	"aria-labelledby=\"deps-title deps-desc\">\n"
	"<title id=\"deps-title\">Sources by independent group</title>\n"
	"<desc id=\"deps-desc\">3 sources in 2 independent groups, 1 "
	"dependent pair drawn</desc>\n"
	"<g>\n"
	"<rect class=\"box\" x=\"4\" y=\"8\" width=\"352\" height=\"74\" "
	"rx=\"6\"/>\n"
	"<text class=\"gh\" x=\"12\" y=\"23\">Group 0</text>\n"
	"<circle class=\"node\" cx=\"168\" cy=\"42\" r=\"5\"/>\n"
	"<text x=\"158\" y=\"46\" text-anchor=\"end\">000 \xC2\xB7 Agency A"
	"</text>\n"
	"<circle class=\"node\" cx=\"168\" cy=\"66\" r=\"5\"/>\n"
	"<text x=\"158\" y=\"70\" text-anchor=\"end\">002 \xC2\xB7 Wire C"
	"</text>\n"
	"<path class=\"edge e-declared\" d=\"M173 42C213 42 224 42 250 42C224 "
	"42 213 66 173 66\"/>\n"
	"<text class=\"el\" x=\"254\" y=\"46\">declared</text>\n"
	"</g>\n"
	"<g>\n"
	"<rect class=\"box\" x=\"4\" y=\"90\" width=\"352\" height=\"50\" "
	"rx=\"6\"/>\n"
	"<text class=\"gh\" x=\"12\" y=\"105\">Group 1</text>\n"
	"<circle class=\"node\" cx=\"168\" cy=\"124\" r=\"5\"/>\n"
	"<text x=\"158\" y=\"128\" text-anchor=\"end\">001</text>\n"
	"</g>\n"
	"</svg>\n";

static const char *const allowed_attrs[] = {
	"lang", "charset", "http-equiv", "content", "name", "class", "id",
	"href", "aria-label", "aria-labelledby", "scope", "data-label",
	"viewBox", "role", "x", "y", "width", "height", "rx", "cx", "cy", "r",
	"d", "text-anchor", NULL,
};

static bool in_list(const char *const *list, const char *s, size_t n)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == n && !strncmp(list[i], s, n))
			return true;
	return false;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

/*
** Scan html: every tag is allowed, attributes are allowed and quoted,
** hrefs are fragment links; text holds no raw quote and every & starts
** an entity the writer emits. Returns the number of tags seen.
*/
static size_t check_html(const char *s)
{
	size_t ntags = 0;
	const char *p = s;
	assert_memory_equal(p, "<!DOCTYPE html>\n", 16);
	p += 16;
	while (*p) {
		if (*p == '&') {
			assert_true(!strncmp(p, "&amp;", 5) ||
				    !strncmp(p, "&lt;", 4) ||
				    !strncmp(p, "&gt;", 4) ||
				    !strncmp(p, "&quot;", 6) ||
				    !strncmp(p, "&#39;", 5));
			p++;
			continue;
		}
		if (*p == '"' || *p == '\'' || *p == '>')
			fail_msg("raw %c in text at: %.40s", *p, p);
		if (*p != '<') {
			p++;
			continue;
		}
		p++;
		bool is_close = *p == '/';
		if (is_close)
			p++;
		const char *name = p;
		while (is_name_char(*p))
			p++;
		if (!in_list(allowed_tags, name, (size_t)(p - name)))
			fail_msg("tag not allowed: %.20s", name);
		bool is_style = !is_close && p - name == 5 &&
				!strncmp(name, "style", 5);
		while (*p == ' ') {
			p++;
			const char *an = p;
			while (is_name_char(*p))
				p++;
			if (!in_list(allowed_attrs, an, (size_t)(p - an)))
				fail_msg("attribute not allowed: %.20s", an);
			assert_memory_equal(p, "=\"", 2);
			p += 2;
			const char *v = p;
			while (*p && *p != '"' && *p != '<' && *p != '>')
				p++;
			assert_int_equal(*p, '"');
			if (p - an > 5 && !strncmp(an, "href=", 5))
				assert_int_equal(*v, '#');
			p++;
		}
		if (*p == '/') { /* self-closing: SVG shapes only */
			static const char *const shapes[] = {"rect", "circle",
							     "path", NULL};
			if (!in_list(shapes, name, (size_t)(p - name)) &&
			    !in_list(shapes, name, strcspn(name, " /")))
				fail_msg("self-closing tag: %.20s", name);
			p++;
		}
		assert_int_equal(*p, '>');
		p++;
		ntags++;
		if (is_style) {
			const char *end = strstr(p, "</style>");
			assert_non_null(end);
			assert_null(memmem(p, (size_t)(end - p), "url(", 4));
			assert_null(memmem(p, (size_t)(end - p), "@import", 7));
			p = end;
		}
	}
	return ntags;
}

static void test_html_head_is_locked_down(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	char *s = fixture_render(c, FC_FMT_HTML);
	static const char head[] =
		"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" "
		"content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
	assert_memory_equal(s, head, strlen(head));
	assert_true(check_html(s) > 100);
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "<link"));
	assert_null(strstr(s, "src="));
	assert_non_null(strstr(s, "@media print{"));
	assert_non_null(strstr(s, "<meta name=\"viewport\""));
	size_t n = strlen(s);
	assert_string_equal(s + n - 16, "</body>\n</html>\n");
	free(s);
	fc_corpus_destroy(c);
}

/* Nav counts, one section per status in order, badges with text. */
static void test_html_sections_and_badges(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	char *s = fixture_render(c, FC_FMT_HTML);
	assert_non_null(strstr(
		s, "<li><a href=\"#sources\">Sources <span>3</span></a></li>\n"
		   "<li><a href=\"#contradicted\"><span class=\"badge "
		   "b-contradicted\">Contradicted</span> <span>1</span></a>"
		   "</li>\n"));
	const char *src = strstr(s, "<section id=\"sources\"");
	const char *con = strstr(s, "<section id=\"contradicted\"");
	const char *cor = strstr(s, "<section id=\"corroborated\"");
	const char *sin = strstr(s, "<section id=\"single-source\"");
	const char *var = strstr(s, "<section id=\"variant\"");
	assert_non_null(src);
	assert_non_null(var);
	assert_true(src < con && con < cor && cor < sin && sin < var);
	assert_non_null(strstr(
		s, "<article class=\"s-contradicted\" id=\"finding-2\">\n<h3>"
		   "<span class=\"badge b-contradicted\">Contradicted</span> "
		   "Sources disagree on the date of the call: 2026-01-16 vs "
		   "2026-01-15</h3>\n"));
	assert_non_null(strstr(
		s, "<tr><th scope=\"row\"><code>001</code></th>"
		   "<td data-label=\"Outlet\">\xE2\x80\x94</td>"
		   "<td data-label=\"Published\">\xE2\x80\x94</td>"
		   "<td data-label=\"Independent group\">1</td>"
		   "<td data-label=\"Title\">\xE2\x80\x94</td>"
		   "<td data-label=\"Path\"><code>https://example.org/b</code>"
		   "</td></tr>\n"));
	assert_non_null(strstr(s, "<h1>Calls &amp; &quot;talks&quot; in "
				  "January</h1>"));
	free(s);
	fc_corpus_destroy(c);
}

/* The span of f4 ends inside "ü": the mark takes the whole character. */
static void test_html_marks_span_on_char_boundaries(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	char *s = fixture_render(c, FC_FMT_HTML);
	assert_non_null(strstr(
		s, "<blockquote>The two countries <mark>signed a 20-year pact "
		   "in Z\xC3\xBC</mark>rich.</blockquote>\n"
		   "<figcaption>\xE2\x80\x94 <cite><code>000</code> \xC2\xB7 "
		   "Agency A</cite>, fact <code>f4</code></figcaption>\n"));
	assert_non_null(strstr(
		s, "<blockquote>On Thursday, <mark>Putin reportedly called "
		   "Netanyahu</mark>.</blockquote>\n"));
	free(s);
	fc_corpus_destroy(c);
}

static void test_mark_span_cases(void **state)
{
	(void)state;
	/* "aé€b": a(0) é(1,2) €(3,4,5) b(6) */
	const char *t = "a\xC3\xA9\xE2\x82\xAC" "b";
	static const struct {
		uint32_t lo, hi, fs, fe, s, e;
	} cases[] = {
		{0, 7, 2, 4, 1, 6},  /* both ends inside: widened */
		{0, 7, 1, 3, 1, 3},  /* already on boundaries */
		{0, 7, 5, 99, 3, 7}, /* past the end: clamped */
		{3, 7, 0, 2, 3, 3},  /* outside the range: empty */
		{0, 7, 4, 4, 0, 0},  /* empty span: empty */
		{3, 6, 4, 5, 3, 6},  /* widened within the range only */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		uint32_t s, e;
		fc_rep_mark_span(t, cases[i].lo, cases[i].hi, cases[i].fs,
				 cases[i].fe, &s, &e);
		if (s != cases[i].s || e != cases[i].e)
			fail_msg("case %zu: [%u,%u) want [%u,%u)", i, s, e,
				 cases[i].s, cases[i].e);
	}
}

/* The sources drawn by independent group, then every dependent pair. */
static void test_html_sources_drawing_and_dependence(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	char *s = fixture_render(c, FC_FMT_HTML);
	assert_non_null(strstr(s, expected_svg));
	assert_non_null(strstr(
		s, "<tr><th scope=\"row\"><code>000</code> Agency A \xE2\x80\x94 "
		   "<code>002</code> Wire C</th><td data-label=\"Reason\">"
		   "declared</td><td data-label=\"Similarity\">\xE2\x80\x94</td>"
		   "<td data-label=\"Detail\">derived_from</td></tr>\n"));
	/* each finding names its sources by group, outlets beside them */
	assert_non_null(strstr(
		s, "<dt>Independent groups</dt><dd><code>000</code> Agency A, "
		   "<code>002</code> Wire C; <code>001</code></dd>\n"));
	free(s);
	/* reuse with its similarity; a wire pair across groups (inconsistent
	** input) is listed but not drawn */
	struct fc_dependence deps[2] = {
		{0, 2, FC_DEP_REUSE, 0.3512, "containment"},
		{0, 1, FC_DEP_WIRE, 0.0, "Reuters"},
	};
	c->deps = deps;
	c->ndeps = 2;
	s = fixture_render(c, FC_FMT_HTML);
	assert_non_null(strstr(s, "<text class=\"el\" x=\"254\" y=\"46\">"
				  "reuse 0.35</text>\n</g>\n"));
	assert_null(strstr(s, ">wire Reuters</text>"));
	assert_non_null(strstr(s, "1 dependent pair drawn</desc>"));
	assert_non_null(strstr(s, "<td data-label=\"Reason\">wire</td>"
				  "<td data-label=\"Similarity\">\xE2\x80\x94"
				  "</td><td data-label=\"Detail\">Reuters</td>"));
	assert_non_null(strstr(s, "<td data-label=\"Similarity\">0.35</td>"));
	c->deps = NULL;
	c->ndeps = 0;
	free(s);
	fc_corpus_destroy(c);
}

/* A variant's second wording in <del>/<ins>; the fragment is partial. */
static void test_html_variant_diff_and_partial(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	c->findings[3].values[0].value.text = "We *really* are not seeking "
					      "war now";
	char *s = fixture_render(c, FC_FMT_HTML);
	check_html(s);
	assert_non_null(strstr(
		s, "<p class=\"diff\"><span class=\"small\">Against the first "
		   "version:</span> We <del>really</del> are "
		   "\xE2\x80\x9Cnot\xE2\x80\x9D seeking <ins>a</ins> war "
		   "&lt;now</p>\n"));
	assert_non_null(strstr(
		s, "<p><strong>seeking war</strong> <span class=\"badge "
		   "b-partial\">partial</span> <span class=\"small\">(1 source: "
		   "<code>000</code>; found whole in a longer version)</span>"
		   "</p>\n"));
	const char *d = strstr(s, "<p class=\"diff\">");
	assert_null(strstr(d + 1, "<p class=\"diff\">"));
	free(s);
	fc_corpus_destroy(c);
}

static void test_html_hostile_strings_are_escaped(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_hostile();
	char *s = fixture_render(c, FC_FMT_HTML);
	check_html(s);
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "<img"));
	assert_null(strstr(s, "onerror=alert(1)>"));
	/* onerror= only ever appears as text between escaped brackets */
	for (const char *p = s; (p = strstr(p, "onerror=")); p++) {
		const char *lt = p;
		while (lt > s && *lt != '<' && *lt != '>')
			lt--;
		assert_int_equal(*lt, '>');
	}
	assert_non_null(strstr(
		s, "<blockquote>He said &lt;script&gt;alert(1)&lt;/script&gt;"
		   "<mark>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</mark> "
		   "&#39; &amp;amp; [x](javascript:alert(1)) and "
		   "\xEF\xBF\xBD\xEF\xBF\xBD bad \xEF\xBF\xBD bytes, see "
		   "https://evil.example/x and www.evil.example or mail "
		   "me@evil.example\xEF\xBF\xBD.\n# not a heading\n- nor a list"
		   "</blockquote>"));
	assert_non_null(strstr(
		s, "<title>Title &lt;script&gt;alert(1)&lt;/script&gt;&quot;"
		   "&gt;&lt;img src=x onerror=alert(1)&gt; &#39; &amp;amp; "
		   "[x](javascript:alert(1)) \xE2\x80\x94 factcross report"
		   "</title>"));
	assert_non_null(strstr(s, " (1 independent)</dd>"));
	/* the drawing clips labels by characters, then escapes them */
	assert_non_null(strstr(
		s, "<text x=\"158\" y=\"46\" text-anchor=\"end\">id&lt;script"
		   "&gt;alert(1)&lt;/scr\xE2\x80\xA6</text>\n"));
	assert_non_null(strstr(s, "<text class=\"el\" x=\"254\" y=\"46\">"
				  "wire Agency &lt;sc\xE2\x80\xA6</text>\n"));
	/* a diff run keeps the markup of the words as text */
	assert_non_null(strstr(
		s, "<del>We</del> <ins>They</ins> said &lt;script&gt;alert(1)"
		   "&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt; "
		   "&#39; &amp;amp; [x](javascript:alert(1 <del>today</del> "
		   "<ins>tomorrow</ins></p>\n"));
	assert_non_null(strstr(s, "\xEF\xBF\xBD\xEF\xBF\xBD</h3>"));
	for (size_t i = 0; s[i]; i++) {
		size_t k = fc_utf8_seq_len((const unsigned char *)s + i,
					   strlen(s + i));
		assert_true(k > 0);
		i += k - 1;
	}
	free(s);
	fc_corpus_destroy(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_head_is_locked_down),
		cmocka_unit_test(test_html_sections_and_badges),
		cmocka_unit_test(test_html_marks_span_on_char_boundaries),
		cmocka_unit_test(test_mark_span_cases),
		cmocka_unit_test(test_html_sources_drawing_and_dependence),
		cmocka_unit_test(test_html_variant_diff_and_partial),
		cmocka_unit_test(test_html_hostile_strings_are_escaped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
