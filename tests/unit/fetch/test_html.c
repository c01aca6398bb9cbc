/*
** test_html.c: the HTML main-text extractor on fixture pages, hostile
** pages, and the kind: html rule loader and its golden tests.
*/
#include "fetch_test.h"
#include "fetch/fetch_p.h"

struct fx {
	struct fc_rules *r;
	struct fc_arena a;
	struct fc_diags d;
	struct fc_article art;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	f->r = load_html_rules(NULL);
	fc_arena_init(&f->a);
	fc_diags_init(&f->d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fc_rules_destroy(f->r);
	fc_arena_finish(&f->a);
	fc_diags_finish(&f->d);
	free(f);
	return 0;
}

static fc_status extract_file(struct fx *f, const char *name, const char *url,
			      const char *ctype)
{
	char path[512];
	snprintf(path, sizeof(path), DATA "%s", name);
	size_t len;
	char *data = read_data(path, &len);
	fc_status st = fc_html_extract(f->r, &f->a, data, len, url, ctype,
				       &f->art, &f->d);
	free(data);
	return st;
}

static const struct fc_html_drop *find_drop(const struct fc_article *a,
					    const char *rule, const char *tag,
					    const char *text_prefix)
{
	for (size_t i = 0; i < a->ndrops; i++)
		if (!strcmp(a->drops[i].rule, rule) &&
		    !strcmp(a->drops[i].tag, tag) &&
		    !strncmp(a->drops[i].text, text_prefix,
			     strlen(text_prefix)))
			return &a->drops[i];
	return NULL;
}

/* ---- the heavy page ------------------------------------------------- */

static void test_heavy_markup_gives_exact_article(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "article.html",
				      "https://herald.example/news/x", NULL),
			 FC_OK);
	assert_int_equal(f->d.n, 0);
	assert_string_equal(f->art.text, ARTICLE_TEXT);
	assert_int_equal(f->art.text_len, strlen(ARTICLE_TEXT));
	assert_int_equal(f->art.nparagraphs, 6);
	assert_false(f->art.is_fallback);
	assert_false(f->art.is_truncated);
	assert_string_equal(f->art.title,
			    "Harbour bridge reopens after two years of repairs");
	assert_string_equal(f->art.author, "Mara Lindqvist");
	assert_string_equal(f->art.published, "2025-09-12");
	assert_string_equal(f->art.canonical_url,
			    "https://herald.example/news/bridge-reopens");
	assert_string_equal(f->art.site_name, "The Coastal Herald");
	assert_string_equal(f->art.lang, "en");
	assert_string_equal(f->art.charset, "UTF-8");
	/* the chrome, each by the rule that removed it */
	assert_non_null(find_drop(&f->art, "html.drop.chrome-words", "div",
				  "We use cookies and similar"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-tags", "header",
				  "The Coastal Herald News Sport Business"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-words", "div",
				  "Advertisement"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-words", "div",
				  "Facebook Twitter Email this story"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-tags",
				  "figcaption", "The bridge at dawn"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-tags", "aside",
				  "Read more Council approves"));
	assert_non_null(find_drop(&f->art, "html.drop.code", "noscript",
				  "Please enable JavaScript"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-words", "div",
				  "Morning briefing Get the day"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-words", "section",
				  "12 comments Finally!"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-tags", "aside",
				  "Most popular Storm damage"));
	assert_non_null(find_drop(&f->art, "html.drop.chrome-tags", "footer",
				  "\xC2\xA9 2025 The Coastal Herald."));
	assert_int_equal(f->art.ndrops, 19);
}

/* ---- hostile pages --------------------------------------------------- */

static void test_unclosed_tags(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "unclosed.html", NULL, NULL), FC_OK);
	assert_string_equal(
		f->art.text,
		"The council voted on Monday to extend the night bus service "
		"until the end of next year, officials said.\n\n"
		"The extension will cost about two million a year, and it will "
		"be paid from parking fees.\n\n"
		"A single cell in a table without any closing tags at all, left "
		"open\n\nan item\n\nanother item dangling span and a link that "
		"never closes");
	assert_string_equal(f->art.title, "Unclosed tags");
}

static char *nested_page(size_t depth, size_t *len)
{
	static const char head[] =
		"<html><body><article><p>The council voted on Monday to "
		"extend the night bus service until the end of next year, "
		"officials said.</p></article>";
	static const char tail[] = "<p>After the nest, never read, "
				   "officials said.</p></body></html>";
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, head);
	for (size_t i = 0; i < depth; i++)
		fc_buf_adds(&b, "<div>");
	fc_buf_adds(&b, "deep text");
	for (size_t i = 0; i < depth; i++)
		fc_buf_adds(&b, "</div>");
	fc_buf_adds(&b, tail);
	assert_int_equal(b.err, FC_OK);
	return fc_buf_steal(&b, len);
}

static void test_10000_nested_divs(void **state)
{
	struct fx *f = *state;
	size_t len;
	char *page = nested_page(10000, &len);
	assert_int_equal(fc_html_extract(f->r, &f->a, page, len, "deep.html",
					 NULL, &f->art, &f->d),
			 FC_OK);
	free(page);
	assert_true(f->art.is_truncated);
	assert_string_equal(f->art.text,
			    "The council voted on Monday to extend the night "
			    "bus service until the end of next year, officials "
			    "said.");
	assert_int_equal(f->d.n, 1);
	assert_int_equal(f->d.v[0].sev, FC_SEV_WARNING);
	fc_assert_diag(&f->d, 0, "deep.html", 0, 0,
		       "elements nested more than 256 deep; the rest of the "
		       "page was not read");
}

static void test_200_nested_divs_are_read(void **state)
{
	struct fx *f = *state;
	size_t len;
	char *page = nested_page(200, &len);
	assert_int_equal(fc_html_extract(f->r, &f->a, page, len, NULL, NULL,
					 &f->art, &f->d),
			 FC_OK);
	free(page);
	assert_false(f->art.is_truncated);
	assert_int_equal(f->d.n, 0);
	assert_true(has_paragraph(f->art.text, "After the nest, never read, "
					       "officials said."));
}

static void test_5mb_page(void **state)
{
	struct fx *f = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "<html><head><title>Big</title></head><body>");
	size_t n = 0;
	while (b.len < (5u << 20)) {
		fc_buf_adds(&b, "<div class=\"related\"><ul>");
		for (int j = 0; j < 5; j++)
			fc_buf_printf(&b, "<li><a href=\"/x%d\">Link %d to "
					  "another story</a></li>",
				      j, j);
		fc_buf_printf(&b, "</ul></div><div class=\"box\"><p>Paragraph "
				  "%zu of the long page, with a comma, and "
				  "another one.</p></div>\n",
			      n++);
	}
	fc_buf_adds(&b, "</body></html>");
	assert_true(b.len >= (5u << 20));
	assert_int_equal(fc_html_extract(f->r, &f->a, b.p, b.len, NULL, NULL,
					 &f->art, &f->d),
			 FC_OK);
	fc_buf_finish(&b);
	assert_int_equal(f->art.nparagraphs, n);
	assert_non_null(strstr(f->art.text, "Paragraph 0 of the long page"));
	char last[64];
	snprintf(last, sizeof(last), "Paragraph %zu of the long page", n - 1);
	assert_non_null(strstr(f->art.text, last));
	assert_null(strstr(f->art.text, "another story"));
	assert_int_equal(f->d.n, 0);
}

static void test_nul_bytes_become_replacement_characters(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "nul.html", "nul.html", NULL), FC_OK);
	assert_string_equal(
		f->art.text,
		"The council voted\xEF\xBF\xBD on Monday to extend the night "
		"bus service until the end of next year, officials said.\n\n"
		"\xEF\xBF\xBD\xEF\xBF\xBD\n\n"
		"The extension will cost about two million a year, and it will "
		"be paid from parking fees.");
	assert_int_equal(f->d.n, 1);
	fc_assert_diag(&f->d, 0, "nul.html", 0, 0,
		       "3 invalid bytes replaced by U+FFFD (first at byte 41)");
}

static void test_invalid_utf8_in_utf8_page(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "badutf8.html", "badutf8.html", NULL),
			 FC_OK);
	/* one U+FFFD per bad byte; the rest of the page stays UTF-8 */
	assert_string_equal(
		f->art.text,
		"Caf\xC3\xA9 owners \xEF\xBF\xBD met the mayor on Monday to "
		"discuss the new terrace rules, officials said.\n\n"
		"The rules take effect in \xEF\xBF\xBD June, and they apply to "
		"every caf\xC3\xA9 in the old town.\n\n"
		"\xC3\xA9t\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(f->art.charset, "UTF-8");
	fc_assert_diag(&f->d, 0, "badutf8.html", 0, 0,
		       "4 invalid bytes replaced by U+FFFD (first at byte 72)");
}

static const char LATIN1_TEXT[] =
	"Le caf\xC3\xA9 de la gare a rouvert ses portes, a d\xC3\xA9"
	"clar\xC3\xA9 le maire, \xE2\x80\x9C"
	"avec une nouvelle terrasse\xE2\x80\x9D.\n\n"
	"Les habitants de Sa\xC3\xAF"
	"d et de Cr\xC3\xA9teil \xC3\xA9taient nombreux \xC3\xA0 l'ouverture, "
	"selon la pr\xC3\xA9" "fecture.";

static void test_latin1_without_declaration(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "latin1.html", NULL, NULL), FC_OK);
	assert_string_equal(f->art.text, LATIN1_TEXT);
	assert_string_equal(f->art.charset, "WINDOWS-1252");
	assert_string_equal(f->art.title, "R\xC3\xA9sum\xC3\xA9");
	assert_int_equal(f->d.n, 0);
}

static void test_latin1_with_meta_charset(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "latin1_meta.html", NULL, NULL),
			 FC_OK);
	assert_string_equal(f->art.text, LATIN1_TEXT);
	assert_string_equal(f->art.charset, "WINDOWS-1252");
	assert_int_equal(f->d.n, 0);
}

static void test_latin1_with_http_header(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "latin1.html", NULL,
				      "text/html; charset=\"ISO-8859-1\""),
			 FC_OK);
	assert_string_equal(f->art.text, LATIN1_TEXT);
	assert_string_equal(f->art.charset, "WINDOWS-1252");
}

static void test_http_charset_wins_over_meta(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "utf8_meta_latin1.html", NULL,
				      "text/html;charset=UTF-8"),
			 FC_OK);
	assert_string_equal(f->art.text, "Caf\xC3\xA9 cr\xC3\xA8me");
	assert_string_equal(f->art.charset, "UTF-8");
	/* without the header the (wrong) meta is believed */
	assert_int_equal(extract_file(f, "utf8_meta_latin1.html", NULL, NULL),
			 FC_OK);
	assert_string_equal(f->art.text,
			    "Caf\xC3\x83\xC2\xA9 cr\xC3\x83\xC2\xA8me");
	assert_string_equal(f->art.charset, "WINDOWS-1252");
}

static void test_unknown_charset_warns_and_sniffs(void **state)
{
	struct fx *f = *state;
	static const char page[] = "<p>Caf\xC3\xA9</p>";
	assert_int_equal(fc_html_extract(f->r, &f->a, page, strlen(page),
					 "u.html", "text/html; charset=x-nope",
					 &f->art, &f->d),
			 FC_OK);
	assert_string_equal(f->art.text, "Caf\xC3\xA9");
	fc_assert_diag(&f->d, 0, "u.html", 0, 0,
		       "unknown charset 'x-nope'; the page is read by its "
		       "bytes");
}

static void test_script_inside_article_never_reaches_text(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "script_in_article.html", NULL, NULL),
			 FC_OK);
	assert_string_equal(f->art.text,
			    "The council voted on Monday to extend the night "
			    "bus service until the end of next year, officials "
			    "said.\n\nThe extension will cost about two million "
			    "a year, and it will be paid from parking fees.");
	/* not even without any rules */
	struct fc_article bare;
	size_t len;
	char *data = read_data(DATA "script_in_article.html", &len);
	assert_int_equal(fc_html_extract(NULL, &f->a, data, len, NULL, NULL,
					 &bare, &f->d),
			 FC_OK);
	free(data);
	assert_null(strstr(bare.text, "SCRIPT"));
	assert_null(strstr(bare.text, "STYLE"));
	assert_null(strstr(bare.text, "TEMPLATE"));
	assert_null(strstr(bare.text, "JSONLD"));
	assert_true(has_paragraph(bare.text,
				  "The extension will cost about two million "
				  "a year, and it will be paid from parking "
				  "fees."));
}

static void test_jsonld_with_garbage(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "jsonld.html", NULL, NULL), FC_OK);
	assert_string_equal(f->art.title, "Night buses \xE2\x80\x93 extended");
	assert_string_equal(f->art.published, "2025-02-03");
	assert_string_equal(f->art.author, "Jos\xC3\xA9 \"Pepe\" Alvarez");
	assert_string_equal(f->art.site_name, "City Post");
	assert_null(f->art.canonical_url);
}

static void test_time_inside_article_is_preferred(void **state)
{
	struct fx *f = *state;
	assert_int_equal(extract_file(f, "time.html", NULL, NULL), FC_OK);
	assert_string_equal(f->art.published, "2025-04-07");
	assert_string_equal(f->art.title, "Night buses");
}

static void test_dates(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} ok[] = {
		{"2026-01-16", "2026-01-16"},
		{"2026-01-16T10:00:00+02:00", "2026-01-16"},
		{" 2026/01/16 08:00", "2026-01-16"},
		{"Fri, 16 Jan 2026 10:00:00 GMT", "2026-01-16"},
		{"6 Feb 2025", "2025-02-06"},
	};
	static const char *const bad[] = {"2026-13-01", "2026-02-30", "2026-01",
					  "yesterday", "16.01.2026", ""};
	char buf[11];
	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++) {
		assert_true(fc_html_date(ok[i].in, buf));
		assert_string_equal(buf, ok[i].out);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_false(fc_html_date(bad[i], buf));
}

static void test_empty_page(void **state)
{
	struct fx *f = *state;
	assert_int_equal(fc_html_extract(f->r, &f->a, "", 0, "e.html", NULL,
					 &f->art, &f->d),
			 FC_OK);
	assert_string_equal(f->art.text, "");
	fc_assert_diag(&f->d, 0, "e.html", 0, 0,
		       "no main text found (empty page)");
	fc_diags_finish(&f->d);
	fc_diags_init(&f->d);
	static const char chrome[] = "<nav><a href=/>Home</a></nav>";
	assert_int_equal(fc_html_extract(f->r, &f->a, chrome, strlen(chrome),
					 "n.html", NULL, &f->art, &f->d),
			 FC_OK);
	assert_string_equal(f->art.text, "");
	fc_assert_diag(&f->d, 0, "n.html", 0, 0, "no main text found");
}

static void test_fallback_when_the_container_is_dropped(void **state)
{
	struct fx *f = *state;
	/* the article's own wrapper carries a drop word and no keep word */
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "<html><body><div class=\"layout-with-sidebar\">");
	for (int i = 0; i < 4; i++)
		fc_buf_printf(&b, "<p>Paragraph %d says that the council met, "
				  "voted, and adjourned, after a long debate "
				  "on the budget.</p>",
			      i);
	fc_buf_adds(&b, "</div></body></html>");
	assert_int_equal(fc_html_extract(f->r, &f->a, b.p, b.len, NULL, NULL,
					 &f->art, &f->d),
			 FC_OK);
	fc_buf_finish(&b);
	assert_true(f->art.is_fallback);
	assert_int_equal(f->art.nparagraphs, 4);
	assert_int_equal(f->art.ndrops, 0);
}

static void test_too_large(void **state)
{
	struct fx *f = *state;
	static const char one[] = "x";
	assert_int_equal(fc_html_extract(f->r, &f->a, one,
					 FC_HTML_MAX_BYTES + 1, "big.html",
					 NULL, &f->art, &f->d),
			 FC_ELIMIT);
	fc_assert_diag(&f->d, 0, "big.html", 0, 0, "page larger than 64 MiB");
}

/* ---- rules: golden tests, loader diagnostics, overrides --------------- */

static void test_builtin_golden_tests_pass(void **state)
{
	struct fx *f = *state;
	size_t npass, nfail;
	assert_int_equal(fc_html_rules_test(f->r, &npass, &nfail, &f->d),
			 FC_OK);
	if (f->d.n)
		fc_diags_print(&f->d, stderr, 0);
	assert_int_equal(npass, 3);
	assert_int_equal(nfail, 0);
	assert_int_equal(f->d.n, 0);
}

static char *tmpdir(void)
{
	char *t = strdup("/tmp/fc-html-XXXXXX");
	assert_non_null(mkdtemp(t));
	return t;
}

static void rmtree(char *dir, char **files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	rmdir(dir);
	free(dir);
}

static void test_failing_golden_case_is_located(void **state)
{
	(void)state;
	char *dir = tmpdir();
	char *file = write_file(dir, "t.yaml",
		"kind: html\n"
		"tests:\n"
		"  - html: \"<p>The mayor said the bridge will open, in May, "
		"as planned.</p>\"\n"
		"    expect:\n"
		"      - {kind: paragraph, text: \"Something else\"}\n"
		"    reject:\n"
		"      - {kind: paragraph}\n");
	struct fc_rules *r = load_html_rules(dir);
	struct fc_diags d;
	fc_diags_init(&d);
	size_t npass, nfail;
	assert_int_equal(fc_html_rules_test(r, &npass, &nfail, &d),
			 FC_EINPUT);
	assert_int_equal(npass, 3);
	assert_int_equal(nfail, 1);
	assert_int_equal(d.n, 2);
	fc_assert_diag(&d, 0, file, 5, 9,
		       "expected item {kind: \"paragraph\", text: \"Something "
		       "else\"} not produced");
	fc_assert_diag(&d, 1, file, 7, 9,
		       "rejected item {kind: \"paragraph\"} was produced");
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	rmtree(dir, &file, 1);
}

static void test_loader_reports_every_error(void **state)
{
	(void)state;
	char *dir = tmpdir();
	char *file = write_file(dir, "bad.yaml",
		"kind: html\n"                                   /* 1 */
		"setings: {}\n"                                  /* 2 */
		"settings:\n"                                    /* 3 */
		"  max_link_density: 2\n"                        /* 4 */
		"metadata:\n"                                    /* 5 */
		"  published: [\"meta:date\", \"jsonld\"]\n"     /* 6 */
		"  titel: [title]\n"                             /* 7 */
		"rules:\n"                                       /* 8 */
		"  - id: a\n"                                    /* 9 */
		"    action: dorp\n"                             /* 10 */
		"    tags: [nav]\n"                              /* 11 */
		"  - id: b\n"                                    /* 12 */
		"    action: weight\n"                           /* 13 */
		"    tags: [div]\n"                              /* 14 */
		"  - id: c\n"                                    /* 15 */
		"    action: drop\n"                             /* 16 */
		"    attrs: [\"=x\"]\n"                          /* 17 */
		"  - id: d\n"                                    /* 18 */
		"    action: keep\n"                             /* 19 */
		"  - id: e\n"                                    /* 20 */
		"    action: drop\n"                             /* 21 */
		"    words: [\"*ad\"]\n"                         /* 22 */
		"  - id: f\n"                                    /* 23 */
		"    action: drop\n"                             /* 24 */
		"    tags: [nav]\n"                              /* 25 */
		"  - id: f\n"                                    /* 26 */
		"    action: drop\n"                             /* 27 */
		"    tags: [footer]\n"                           /* 28 */
		"    weight: 3\n"                                /* 29 */
		"tests:\n"                                       /* 30 */
		"  - html: <p>x</p>\n"                           /* 31 */
		"    expect: [{kind: paragrap, text: x}]\n");    /* 32 */
	const char *dirs[] = {dir, NULL};
	struct fc_rules *r = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_ESCHEMA);
	static const struct {
		unsigned line, col;
		const char *msg;
	} want[] = {
		{2, 1, "unknown key 'setings' in an html rule file (did you "
		       "mean 'settings'?)"},
		{4, 21, "max_link_density must be from 0 to 1"},
		{6, 28, "unknown metadata source 'jsonld' (meta:NAME, "
			"jsonld:KEY, link:REL, title, h1 or time)"},
		{7, 3, "unknown metadata field 'titel' (did you mean "
		       "'title'?)"},
		{10, 13, "unknown action 'dorp' (did you mean 'drop'?)"},
		{12, 5, "a weight rule needs 'weight'"},
		{17, 13, "bad attribute selector '=x' (name, name=value or "
			 "name*=value)"},
		{18, 5, "html rule 'd' has no selector (tags, words, roles or "
			"attrs)"},
		{22, 13, "bad class/id word '*ad'"},
		{29, 13, "'weight' only goes with action: weight"},
		{32, 21, "unknown item kind 'paragrap' (did you mean "
			 "'paragraph'?)"},
	};
	if (d.n != sizeof(want) / sizeof(*want))
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(d.n, sizeof(want) / sizeof(*want));
	for (size_t i = 0; i < d.n; i++)
		fc_assert_diag(&d, i, file, want[i].line, want[i].col,
			       want[i].msg);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	rmtree(dir, &file, 1);
}

static void test_duplicate_id_in_one_file(void **state)
{
	(void)state;
	char *dir = tmpdir();
	char *file = write_file(dir, "dup.yaml",
		"kind: html\n"
		"rules:\n"
		"  - {id: x, action: drop, tags: [nav]}\n"
		"  - {id: x, action: drop, tags: [aside]}\n");
	const char *dirs[] = {dir, NULL};
	struct fc_rules *r = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_ESCHEMA);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, file, 4, 5,
		       "duplicate html rule id 'x' (first at line 3)");
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	rmtree(dir, &file, 1);
}

static void test_rule_override_by_id(void **state)
{
	struct fx *f = *state;
	static const char page[] =
		"<html><body><article><h1>Bridge opens</h1><p>The bridge "
		"opened on Friday, two years late, the city said.</p>"
		"</article></body></html>";
	assert_int_equal(fc_html_extract(f->r, &f->a, page, strlen(page), NULL,
					 NULL, &f->art, &f->d),
			 FC_OK);
	assert_false(has_paragraph(f->art.text, "Bridge opens"));
	/* a --rules DIR gives html.drop.headline again: h1 is kept */
	char *dir = tmpdir();
	char *file = write_file(dir, "mine.yaml",
		"kind: html\n"
		"rules:\n"
		"  - id: html.drop.headline\n"
		"    action: weight\n"
		"    weight: 0\n"
		"    tags: [h1]\n");
	struct fc_rules *r = load_html_rules(dir);
	struct fc_article art;
	assert_int_equal(fc_html_extract(r, &f->a, page, strlen(page), NULL,
					 NULL, &art, &f->d),
			 FC_OK);
	assert_string_equal(art.text, "Bridge opens\n\nThe bridge opened on "
				      "Friday, two years late, the city said.");
	fc_rules_destroy(r);
	rmtree(dir, &file, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_heavy_markup_gives_exact_article),
		T(test_unclosed_tags),
		T(test_10000_nested_divs),
		T(test_200_nested_divs_are_read),
		T(test_5mb_page),
		T(test_nul_bytes_become_replacement_characters),
		T(test_invalid_utf8_in_utf8_page),
		T(test_latin1_without_declaration),
		T(test_latin1_with_meta_charset),
		T(test_latin1_with_http_header),
		T(test_http_charset_wins_over_meta),
		T(test_unknown_charset_warns_and_sniffs),
		T(test_script_inside_article_never_reaches_text),
		T(test_jsonld_with_garbage),
		T(test_time_inside_article_is_preferred),
		T(test_dates),
		T(test_empty_page),
		T(test_fallback_when_the_container_is_dropped),
		T(test_too_large),
		T(test_builtin_golden_tests_pass),
		T(test_failing_golden_case_is_located),
		T(test_loader_reports_every_error),
		T(test_duplicate_id_in_one_file),
		T(test_rule_override_by_id),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
