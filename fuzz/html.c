/*
** html.c: fuzz target: the bytes as an HTML page, through what reads one:
**   - a local page.html source of a corpus (fc_verify's text stage:
**     fc_html_extract with libxml2, then the cleaning, sentence split
**     and independence of src/text and src/indep);
**   - the same bytes as inline text named .html (the tag strip of
**     src/text/html.c, then the cleaning and sentences);
**   - fc_html_extract as a fetched page with a Content-Type naming a
**     charset (chosen by the input's length), as a cached URL is read.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "factcross/fc.h"
#include "fetch/fetch.h"
#include "fuzz.h"

static struct fc_rules *rules;
static char manifest[4200], page[4200];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* no rules cache (norm_cache.c): nothing of an input is kept, and
	** no file read or written for one */
	setenv("FACTCROSS_CACHE", "off", 1);
	rules = fuzz_builtin_rules(FC_KIND_BOILERPLATE | FC_KIND_HTML |
				   FC_KIND_INDEPENDENCE);
	const char *dir = fuzz_tmpdir();
	snprintf(manifest, sizeof(manifest), "%s/corpus.yaml", dir);
	snprintf(page, sizeof(page), "%s/page.html", dir);
	static const char yaml[] = "name: fuzz\n"
				   "reference_date: 2026-01-16\n"
				   "sources:\n"
				   "  - id: page\n"
				   "    file: page.html\n";
	fuzz_write(manifest, yaml, sizeof(yaml) - 1);
	return 0;
}

static void run_corpus(struct fc_corpus *c)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_verify_opts o = {.stop_after = 1};
	fc_verify(rules, c, &o, &d);
	fuzz_diags_done(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const types[] = {
		NULL,
		"text/html; charset=windows-1252",
		"text/html; charset=\"utf-16\"",
		"application/xhtml+xml; charset=ISO-8859-1",
	};
	const char *html = (const char *)data;

	/* a page.html source of a corpus */
	fuzz_write(page, data, size);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	if (!fc_corpus_load(manifest, &c, &d))
		run_corpus(c);
	fc_corpus_destroy(c);
	fuzz_diags_done(&d);

	/* inline text named .html */
	c = fc_corpus_create();
	if (!c || fc_corpus_add_text(c, "inline.html", NULL, html, size))
		abort();
	run_corpus(c);
	fc_corpus_destroy(c);

	/* a fetched page with a charset */
	const char *type = types[size % 4];
	if (type) {
		struct fc_arena a;
		fc_arena_init(&a);
		fc_diags_init(&d);
		struct fc_article art;
		fc_html_extract(rules, &a, html, size,
				"https://example.com/news/page.html", type,
				&art, &d);
		fuzz_diags_done(&d);
		fc_arena_finish(&a);
	}
	return 0;
}
