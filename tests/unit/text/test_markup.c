/*
** test_markup.c: Markdown and HTML sources: markup removed, headings
** not prose, script and style never in the text, segments true to the
** raw bytes; and plain text that is hard-wrapped.
*/
#include "text_test.h"

static void clean_str(struct cleaned *c, const struct fc_rules *r,
		      const char *name, const char *raw)
{
	clean_buf(c, r, name, NULL, raw, strlen(raw));
	assert_int_equal(c->st, FC_OK);
	assert_doc_sane(&c->doc);
}

static void assert_drops(struct cleaned *c, const char *const *want)
{
	size_t n = 0;
	while (want[n])
		n += 2;
	bool same = c->doc.ndropped == n / 2;
	for (size_t i = 0; same && i < n / 2; i++)
		same = !strcmp(c->doc.dropped[i].rule, want[2 * i]) &&
		       !strcmp(dropped_text(c, i), want[2 * i + 1]);
	if (!same)
		for (size_t i = 0; i < c->doc.ndropped; i++)
			print_message("dropped %s [%s]\n", c->doc.dropped[i].rule,
				      dropped_text(c, i));
	assert_true(same);
}

static void test_markdown(void **state)
{
	const struct fc_rules *r = *state;
	struct cleaned c;
	clean_str(&c, r, "story.md",
		  "---\n"
		  "title: Ignored here\n"
		  "date: '2026-01-16'\n"
		  "---\n"
		  "# Putin offers to mediate\n"
		  "\n"
		  "**Moscow** said on _Friday_ that [Putin](https://kremlin.ru/x)\n"
		  "spoke with `Netanyahu`.\n"
		  "\n"
		  "## What was said?\n"
		  "\n"
		  "- The Kremlin *confirmed* the call.\n"
		  "- Peskov said it went well.\n"
		  "\n"
		  "> \"We are ready,\" Putin said.\n"
		  "\n"
		  "![A photo](photo.jpg)\n"
		  "\n"
		  "```\n"
		  "code();\n"
		  "```\n"
		  "\n"
		  "***\n"
		  "\n"
		  "Snake_case stays, 5 * 3 stays, &amp; decodes.\n"
		  "\n"
		  "Setext heading here\n"
		  "-------------------\n");
	assert_string_equal(c.doc.published, "2026-01-16");
	assert_string_equal(c.doc.title, "Putin offers to mediate");
	assert_string_equal(c.doc.text,
			    "Moscow said on Friday that Putin spoke with "
			    "Netanyahu.\n\n"
			    "The Kremlin confirmed the call.\n\n"
			    "Peskov said it went well.\n\n"
			    "\"We are ready,\" Putin said.\n\n"
			    "Snake_case stays, 5 * 3 stays, & decodes.");
	static const char *const drops[] = {
		"front-matter", "title: Ignored here\ndate: '2026-01-16'",
		"heading", "Putin offers to mediate",
		"heading", "What was said?",
		"code", "code();",
		"heading", "Setext heading here",
		NULL,
	};
	assert_drops(&c, drops);
	assert_int_equal(c.doc.nsentences, 5);
	assert_int_equal(c.doc.sentences[0].line, 7);
	assert_int_equal(c.doc.sentences[1].line, 12);
	assert_int_equal(c.doc.sentences[2].line, 13);
	assert_int_equal(c.doc.sentences[3].line, 15);
	assert_int_equal(c.doc.sentences[4].line, 25);
	cleaned_finish(&c);
}

static void test_markdown_links_linear(void **state)
{
	const struct fc_rules *r = *state;
	/* Unclosed and nested brackets: literal, and no quadratic scans. */
	size_t n = 200000;
	char *raw = malloc(n + 3);
	for (size_t i = 0; i < n; i++)
		raw[i] = "[](`*"[i % 5];
	memcpy(raw + n, " x", 3);
	struct cleaned c;
	clean_buf(&c, r, "brackets.md", NULL, raw, n + 2);
	assert_int_equal(c.st, FC_OK);
	assert_doc_sane(&c.doc);
	cleaned_finish(&c);
	free(raw);

	clean_str(&c, r, "l.md",
		  "See [the inner text](http://x.org) and [ref][1] and "
		  "[sic] and [open.\n\n[1]: http://example.org\n");
	assert_string_equal(c.doc.text,
			    "See the inner text and ref and [sic] and [open.");
	cleaned_finish(&c);
}

static void test_html(void **state)
{
	const struct fc_rules *r = *state;
	struct cleaned c;
	clean_str(&c, r, "page.html",
		  "<!DOCTYPE html><html><head>"
		  "<title>Putin offers to mediate | Example</title>"
		  "<meta property=\"article:published_time\" "
		  "content=\"2026-01-16T10:00:00Z\">"
		  "<style>p { color: red; }</style>"
		  "<script>var x = \"<p>Not text.</p>\";</script>"
		  "</head><body>"
		  "<nav><ul><li><a href=\"/\">Home</a></li><li>World</li></ul></nav>"
		  "<h1>Putin offers to mediate</h1>"
		  "<p>Moscow <b>said</b> on Friday that Putin&nbsp;spoke "
		  "with Netanyahu &amp; Pezeshkian.</p>"
		  "<!-- <p>Hidden.</p> -->"
		  "<figure><img src=x><figcaption>A photo of the call"
		  "</figcaption></figure>"
		  "<p>Peskov said &ldquo;Russia is ready.&rdquo;<br>"
		  "It was &#8220;useful&#x201D;.</p>"
		  "<SCRIPT type=x>alert(1)</SCRIPT>"
		  "<footer>Copyright Example</footer>"
		  "</body></html>");
	assert_string_equal(c.doc.published, "2026-01-16");
	assert_string_equal(c.doc.title, "Putin offers to mediate | Example");
	assert_string_equal(c.doc.text,
			    "Moscow said on Friday that Putin spoke with "
			    "Netanyahu & Pezeshkian.\n\n"
			    "Peskov said \xE2\x80\x9CRussia is ready.\xE2\x80\x9D"
			    "\n\nIt was \xE2\x80\x9Cuseful\xE2\x80\x9D.");
	assert_null(strstr(c.doc.text, "color"));
	assert_null(strstr(c.doc.text, "Not text"));
	assert_null(strstr(c.doc.text, "alert"));
	assert_null(strstr(c.doc.text, "Hidden"));
	static const char *const drops[] = {
		"heading", "Putin offers to mediate | Example",
		"html-nav", "Home",
		"html-nav", "World",
		"heading", "Putin offers to mediate",
		"html-figcaption", "A photo of the call",
		"html-footer", "Copyright Example",
		NULL,
	};
	assert_drops(&c, drops);
	assert_int_equal(c.doc.nsentences, 3);
	cleaned_finish(&c);
}

/* An unclosed script or style swallows the rest: never text. */
static void test_html_unclosed(void **state)
{
	const struct fc_rules *r = *state;
	struct cleaned c;
	clean_str(&c, r, "u.html",
		  "<p>Before the script.</p><script>document.write('x'); "
		  "<p>Inside.</p>");
	assert_string_equal(c.doc.text, "Before the script.");
	cleaned_finish(&c);
	clean_str(&c, r, "u.html",
		  "<p>Kept text.</p><style type=\"text/css\" <p>Lost?");
	assert_string_equal(c.doc.text, "Kept text.");
	cleaned_finish(&c);
	clean_str(&c, r, "u.htm", "<p>a < b and c > d, 5 &lt; 6 &bogus; ok.</p>");
	assert_string_equal(c.doc.text, "a < b and c > d, 5 < 6 &bogus; ok.");
	cleaned_finish(&c);
}

/* Hard-wrapped wire copy: lines join into paragraphs. */
static void test_wrapped_plain(void **state)
{
	const struct fc_rules *r = *state;
	struct cleaned c;
	clean_str(&c, r, "wire.txt",
		  "BankAmerica Corp is not under\n"
		  "pressure to act quickly on its proposed equity offering and\n"
		  "would do well to delay it because of the stock's recent poor\n"
		  "performance, banking analysts said.\n"
		  "    Some analysts said they have recommended BankAmerica delay\n"
		  "its up to one-billion-dlr equity offering, which has yet to be\n"
		  "approved by the Securities and Exchange Commission.\n"
		  " Reuter\n");
	assert_string_equal(c.doc.text,
			    "BankAmerica Corp is not under pressure to act "
			    "quickly on its proposed equity offering and would "
			    "do well to delay it because of the stock's recent "
			    "poor performance, banking analysts said.\n\n"
			    "Some analysts said they have recommended "
			    "BankAmerica delay its up to one-billion-dlr equity "
			    "offering, which has yet to be approved by the "
			    "Securities and Exchange Commission.");
	static const char *const drops[] = {"signoff", "Reuter", NULL};
	assert_drops(&c, drops);
	assert_int_equal(c.doc.nsentences, 2);
	assert_int_equal(c.doc.sentences[1].line, 5);
	cleaned_finish(&c);
}

/* A brief too short to judge as wrapped: a line that stops mid-sentence
** goes on into one that opens in lower case ("iPhone" too), and is no
** headline; a line that opens with a digit goes on from nothing. */
static void test_short_wrap(void **state)
{
	const struct fc_rules *r = *state;
	struct cleaned c;
	clean_str(&c, r, "brief.txt",
		  "Oil Slides as Traders Weigh Outlook\n"
		  "Oil prices fell 3 percent on Monday as traders weighed\n"
		  "the outlook, and rose 5 percent on Tuesday.\n"
		  "Storm Hits Ohio Coast\n"
		  "40,000 homes lost power.\n"
		  "Apple said sales of the\n"
		  "iPhone rose.\n");
	assert_string_equal(c.doc.text,
			    "Oil prices fell 3 percent on Monday as traders "
			    "weighed the outlook, and rose 5 percent on "
			    "Tuesday.\n\n40,000 homes lost power.\n\n"
			    "Apple said sales of the iPhone rose.");
	static const char *const drops[] = {
		"heading", "Oil Slides as Traders Weigh Outlook",
		"heading", "Storm Hits Ohio Coast",
		NULL,
	};
	assert_drops(&c, drops);
	assert_string_equal(c.doc.title, "Oil Slides as Traders Weigh Outlook");
	cleaned_finish(&c);
}

/* A drop-next rule counts a markup heading as the next block. */
static void test_markdown_drop_next(void **state)
{
	const struct fc_rules *r = *state;
	struct cleaned c;
	clean_str(&c, r, "v.md", "Video poster\n\n## Russia mediates\n\n"
				 "Putin called Netanyahu.\n");
	assert_string_equal(c.doc.text, "Putin called Netanyahu.");
	static const char *const drops[] = {
		"video-poster", "Video poster",
		"video-poster", "Russia mediates",
		NULL,
	};
	assert_drops(&c, drops);
	cleaned_finish(&c);
}

/* Without rules: markup headings still go, nothing else. */
static void test_no_rules(void **state)
{
	(void)state;
	struct cleaned c;
	clean_str(&c, NULL, "n.md", "# Title\n\nADVERTISEMENT\n\nText.\n");
	assert_string_equal(c.doc.text, "ADVERTISEMENT\n\nText.");
	assert_string_equal(c.doc.title, "Title");
	static const char *const drops[] = {"heading", "Title", NULL};
	assert_drops(&c, drops);
	cleaned_finish(&c);
}

static int setup(void **state)
{
	*state = load_rules(BOILER_DIR);
	return 0;
}

static int teardown(void **state)
{
	fc_rules_destroy(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_markdown_links_linear),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_html_unclosed),
		cmocka_unit_test(test_wrapped_plain),
		cmocka_unit_test(test_short_wrap),
		cmocka_unit_test(test_markdown_drop_next),
		cmocka_unit_test(test_no_rules),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
