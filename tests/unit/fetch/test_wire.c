/*
** test_wire.c: the fetch library wired into the pipeline, without a
** network: pages put into a real cache file (fc_cache_put), a real
** manifest, the built-in rule suite. URL sources read from the cache
** with their staleness warnings; HTML sources through fc_html_extract
** with the page's metadata; stealth edits between cached versions;
** sources with one canonical URL grouped as one.
*/
#include <errno.h>
#include <sys/stat.h>

#include "fetch_test.h"
#include "pipeline/pipeline_p.h"

#define T0 INT64_C(1700000000) /* 2023-11-14 22:13:20 UTC */
#define DAY INT64_C(86400)

struct fx {
	char dir[64], manifest[96], cache_path[96];
	struct fc_rules *r;
	struct fc_cache *cache;
	struct fc_corpus *c;
	struct fc_diags d;
};

/* Each test's fixture; *state is the group's (fc_test_rules_setup): the
** built-in suite, which the fixture borrows. */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/fc-wire-XXXXXX");
	if (!f || !mkdtemp(f->dir))
		return -1;
	snprintf(f->manifest, sizeof(f->manifest), "%s/corpus.yaml", f->dir);
	snprintf(f->cache_path, sizeof(f->cache_path), "%s/c.db", f->dir);
	f->r = *state;
	fc_diags_init(&f->d);
	if (fc_cache_open(f->cache_path, &f->cache, &f->d))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fc_corpus_destroy(f->c);
	fc_cache_close(f->cache);
	fc_diags_finish(&f->d);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* Record a successful fetch of url at time t. */
static void put_page(struct fx *f, const char *url, const char *body,
		     int64_t t)
{
	struct fc_http_result res = {
		.url = (char *)url, .final_url = (char *)url, .status = 200,
		.content_type = "text/html; charset=utf-8",
		.body = (char *)body, .body_len = strlen(body),
	};
	assert_int_equal(fc_cache_put(f->cache, &res, t, NULL, &f->d), FC_OK);
}

static void put_failure(struct fx *f, const char *url, long status,
			const char *msg, int64_t t)
{
	struct fc_http_result res = {
		.url = (char *)url, .status = status, .error = FC_ENET,
		.error_msg = (char *)msg,
	};
	assert_int_equal(fc_cache_put(f->cache, &res, t, NULL, &f->d), FC_OK);
}

/* Load the manifest and run every stage with the cache at time now. */
static fc_status verify(struct fx *f, const char *yaml, int64_t now)
{
	free(write_file(f->dir, "corpus.yaml", yaml));
	fc_corpus_destroy(f->c);
	f->c = NULL;
	assert_int_equal(fc_corpus_load(f->manifest, &f->c, &f->d), FC_OK);
	struct fc_verify_opts vo = {0};
	struct fc_web_opts w = {f->cache, now, FC_WEB_MAX_AGE, 0};
	return fc_verify_cached(f->r, f->c, &vo, &w, &f->d);
}

/* A news page: the paragraphs inside navigation, an ad and a footer. */
static char *page(const char *ad, const char *const *paras)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "<!DOCTYPE html><html lang=\"en\"><head>"
			"<title>Leaders talk | Example News</title>"
			"<meta property=\"article:published_time\" "
			"content=\"2024-03-08T10:00:00Z\">"
			"<link rel=\"canonical\" href=\"/world/leaders\">"
			"</head><body><nav><a href=\"/\">Home</a> "
			"<a href=\"/world\">World</a> <a href=\"/sport\">Sport"
			"</a></nav><main><article><h1>Leaders talk</h1>");
	for (size_t i = 0; paras[i]; i++)
		fc_buf_printf(&b, "<p>%s</p>", paras[i]);
	fc_buf_printf(&b, "</article><aside class=\"ad\">%s</aside></main>"
			  "<footer>&copy; 2024 Example News</footer>"
			  "<script>track('%s');</script></body></html>",
		      ad, ad);
	return fc_buf_steal(&b, NULL);
}

static const char CALL_TUE[] =
	"German Chancellor Olaf Scholz spoke by phone with French President "
	"Emmanuel Macron on Tuesday, his office said.";
static const char CALL_WED[] =
	"German Chancellor Olaf Scholz spoke by phone with French President "
	"Emmanuel Macron on Wednesday, his office said.";
static const char TOLL_LYON[] =
	"At least 12 people were killed in Lyon on Monday, officials said.";
static const char TOLL_NICE[] =
	"At least 3 people were killed in Nice on Sunday, officials said.";
static const char CLOSURE[] = "Britain closed its embassy in Kabul in 2021.";

#define URL "https://news.example/world/leaders?id=7"

static const char ONE_URL[] = "name: wire\n"
			      "reference_date: 2024-03-08\n"
			      "sources:\n"
			      "  - id: a\n"
			      "    url: " URL "\n";

static const struct fc_edit_slot *slot(const struct fc_edit *e,
				       const char *name)
{
	for (size_t i = 0; i < e->nslots; i++)
		if (!strcmp(e->slots[i].name, name))
			return &e->slots[i];
	fail_msg("no slot %s", name);
	return NULL;
}

static void test_url_source_reads_main_text_and_metadata(void **state)
{
	struct fx *f = *state;
	const char *v1[] = {CALL_TUE, TOLL_LYON, NULL};
	char *p1 = page("Buy shoes", v1);
	put_page(f, URL, p1, T0);
	assert_int_equal(verify(f, ONE_URL, T0 + 60), FC_OK);
	assert_int_equal(f->d.n, 0);
	const struct fc_document *doc = &f->c->docs[0];
	char expect[512];
	snprintf(expect, sizeof(expect), "%s\n\n%s", CALL_TUE, TOLL_LYON);
	assert_string_equal(doc->text, expect);
	assert_string_equal(doc->published, "2024-03-08");
	assert_true(doc->is_published_stated);
	assert_string_equal(doc->title, "Leaders talk");
	assert_string_equal(doc->canonical_url,
			    "https://news.example/world/leaders");
	char sha[65];
	fc_sha256_hex(p1, strlen(p1), sha);
	assert_string_equal(doc->sha256, sha); /* of the page as fetched */
	assert_null(doc->edits);
	assert_int_equal(f->c->nfacts, 2);
	assert_string_equal(f->c->facts[0].kind, "call");
	assert_string_equal(fc_fact_slot(&f->c->facts[0], "date")
				    ->value.time.value,
			    "2024-03-05");
	free(p1);
}

static void test_manifest_published_wins_over_page(void **state)
{
	struct fx *f = *state;
	const char *v1[] = {CALL_TUE, NULL};
	char *p1 = page("x", v1);
	put_page(f, URL, p1, T0);
	assert_int_equal(verify(f,
				"name: wire\nsources:\n  - id: a\n    url: " URL
				"\n    published: 2024-03-11\n",
				T0),
			 FC_OK);
	assert_string_equal(f->c->docs[0].published, "2024-03-11");
	assert_string_equal(fc_fact_slot(&f->c->facts[0], "date")
				    ->value.time.value,
			    "2024-03-05");
	free(p1);
}

static void test_stealth_edits_changed_appeared_vanished(void **state)
{
	struct fx *f = *state;
	const char *v1[] = {CALL_TUE, TOLL_LYON, CLOSURE, NULL};
	const char *v2[] = {CALL_WED, TOLL_LYON, TOLL_NICE, NULL};
	char *p1 = page("Buy shoes", v1), *p2 = page("Buy shoes", v2);
	put_page(f, URL, p1, T0);
	put_page(f, URL, p1, T0 + 3600);
	put_page(f, URL, p2, T0 + 7200);
	assert_int_equal(verify(f, ONE_URL, T0 + 7260), FC_OK);
	assert_int_equal(f->d.n, 0);
	const struct fc_edits *ed = f->c->docs[0].edits;
	assert_non_null(ed);
	assert_string_equal(ed->url, URL);
	assert_int_equal(ed->nversions, 2);
	assert_int_equal(ed->before_first_seen, T0);
	assert_int_equal(ed->before_last_seen, T0 + 3600);
	assert_int_equal(ed->after_first_seen, T0 + 7200);
	char sha[65];
	fc_sha256_hex(p1, strlen(p1), sha);
	assert_string_equal(ed->before_sha256, sha);
	assert_int_equal(ed->n, 3);

	const struct fc_edit *e = &ed->v[0];
	assert_int_equal(e->kind, FC_EDIT_CHANGED);
	assert_string_equal(e->fact_kind, "call");
	assert_string_equal(f->c->facts[e->fact].kind, "call");
	assert_string_equal(e->before_sentence, CALL_TUE);
	assert_string_equal(e->after_sentence, CALL_WED);
	assert_int_equal(e->nslots, 2);
	assert_string_equal(e->slots[0].name, "date"); /* changed first */
	assert_true(e->slots[0].is_changed);
	assert_string_equal(e->slots[0].before, "2024-03-05");
	assert_string_equal(e->slots[0].after, "2024-03-06");
	assert_false(slot(e, "participants")->is_changed);
	assert_string_equal(slot(e, "participants")->after_label,
			    "Olaf Scholz, Emmanuel Macron");

	e = &ed->v[1];
	assert_int_equal(e->kind, FC_EDIT_APPEARED);
	assert_string_equal(e->fact_kind, "death_toll");
	assert_null(e->before_sentence);
	assert_string_equal(e->after_sentence, TOLL_NICE);
	assert_string_equal(slot(e, "place")->after_label, "Nice");
	assert_null(slot(e, "place")->before);
	assert_string_equal(slot(e, "date")->after, "2024-03-03");

	e = &ed->v[2];
	assert_int_equal(e->kind, FC_EDIT_VANISHED);
	assert_string_equal(e->fact_kind, "closure");
	assert_int_equal(e->fact, FC_NONE);
	assert_string_equal(e->before_sentence, CLOSURE);
	assert_null(e->after_sentence);
	assert_string_equal(slot(e, "country")->before, "country:GB");
	assert_string_equal(slot(e, "date")->before, "2021");
	assert_string_equal(fc_edit_kind_name(e->kind), "vanished");

	/* The reports carry it (one call line in each writer). */
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_report_write(f->c, FC_FMT_MD, &b), FC_OK);
	char line[256];
	snprintf(line, sizeof(line),
		 "- **Changed** call, fact %s: date: 2024-03-05 \xE2\x86\x92 "
		 "2024-03-06; participants: Olaf Scholz, Emmanuel Macron\n",
		 f->c->facts[ed->v[0].fact].id);
	assert_non_null(strstr(fc_buf_cstr(&b), line));
	assert_non_null(strstr(fc_buf_cstr(&b),
			       "The copy first fetched 2023-11-15 00:13 UTC "
			       "differs from the one last fetched 2023-11-14 "
			       "23:13 UTC (2 versions cached): 1 changed, 1 "
			       "appeared, 1 vanished.\n"));
	assert_non_null(strstr(fc_buf_cstr(&b),
			       "- **Vanished** closure: city: Kabul; country: "
			       "United Kingdom; date: 2021; mission: embassy\n"
			       "  - Sentence: Britain closed its embassy in "
			       "Kabul in 2021.\n"));
	fc_buf_reset(&b);
	assert_int_equal(fc_report_write(f->c, FC_FMT_JSON, &b), FC_OK);
	assert_non_null(strstr(fc_buf_cstr(&b),
			       "\"first_fetched\": \"2023-11-14T22:13:20Z\""));
	assert_non_null(strstr(fc_buf_cstr(&b), "\"change\": \"appeared\""));
	fc_buf_finish(&b);
	free(p1);
	free(p2);
}

static void test_revert_and_markup_only_versions(void **state)
{
	struct fx *f = *state;
	const char *v1[] = {CALL_TUE, NULL};
	const char *v2[] = {CALL_WED, NULL};
	char *p1 = page("ad one", v1), *p2 = page("ad one", v2);
	char *p3 = page("ad two", v1), *p4 = page("ad three", v1);
	/* A -> B -> A' -> A'': A' and A'' differ from A only in the ad */
	put_page(f, URL, p1, T0);
	put_page(f, URL, p2, T0 + 10);
	put_page(f, URL, p3, T0 + 20);
	put_page(f, URL, p4, T0 + 30);
	assert_int_equal(verify(f, ONE_URL, T0 + 40), FC_OK);
	const struct fc_edits *ed = f->c->docs[0].edits;
	assert_non_null(ed);
	assert_int_equal(ed->nversions, 4);
	assert_int_equal(ed->before_first_seen, T0 + 10); /* B, the revert */
	assert_int_equal(ed->after_first_seen, T0 + 30);
	assert_int_equal(ed->n, 1);
	assert_int_equal(ed->v[0].kind, FC_EDIT_CHANGED);
	assert_string_equal(ed->v[0].slots[0].before, "2024-03-06");
	assert_string_equal(ed->v[0].slots[0].after, "2024-03-05");
	free(p1);
	free(p2);
	free(p3);
	free(p4);
}

static void test_markup_change_is_no_edit(void **state)
{
	struct fx *f = *state;
	const char *v1[] = {CALL_TUE, NULL};
	char *p1 = page("ad one", v1), *p2 = page("ad two", v1);
	put_page(f, URL, p1, T0);
	put_page(f, URL, p2, T0 + 10);
	assert_int_equal(verify(f, ONE_URL, T0 + 20), FC_OK);
	assert_null(f->c->docs[0].edits);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_report_write(f->c, FC_FMT_JSON, &b), FC_OK);
	assert_null(strstr(fc_buf_cstr(&b), "\"edits\""));
	fc_buf_finish(&b);
	free(p1);
	free(p2);
}

static void test_stale_copies_are_warnings(void **state)
{
	struct fx *f = *state;
	const char *v1[] = {CALL_TUE, NULL};
	char *p1 = page("x", v1);
	put_page(f, URL, p1, T0);
	assert_int_equal(verify(f, ONE_URL, T0 + 8 * DAY + 5), FC_OK);
	assert_int_equal(f->d.n, 1);
	assert_int_equal(f->d.v[0].sev, FC_SEV_WARNING);
	fc_assert_diag(&f->d, 0, f->manifest, 4, 5,
		       "source 'a': the copy of " URL " is stale (fetched "
		       "2023-11-14 22:13 UTC, 8 days ago); run 'factcross "
		       "fetch' to refresh it");
	fc_diags_finish(&f->d);
	fc_diags_init(&f->d);
	put_failure(f, URL, 404, "HTTP 404 Not Found", T0 + DAY);
	assert_int_equal(verify(f, ONE_URL, T0 + DAY + 5), FC_OK);
	assert_int_equal(f->d.n, 1);
	assert_int_equal(f->d.v[0].sev, FC_SEV_WARNING);
	fc_assert_diag(&f->d, 0, f->manifest, 4, 5,
		       "source 'a': using the copy of " URL " fetched "
		       "2023-11-14 22:13 UTC; the last fetch (2023-11-15 22:13 "
		       "UTC) failed: HTTP 404 Not Found");
	assert_int_equal(f->c->nfacts, 1); /* the copy is used */
	free(p1);
}

static void test_missing_copies_are_errors(void **state)
{
	struct fx *f = *state;
	put_failure(f, URL, 0, "connection refused", T0);
	assert_int_equal(verify(f,
				"name: wire\nsources:\n"
				"  - id: a\n    url: " URL "\n"
				"  - id: b\n    url: https://news.example/b\n",
				T0 + 5),
			 FC_EINPUT);
	assert_int_equal(f->d.n, 2); /* every missing source */
	fc_assert_diag(&f->d, 0, f->manifest, 3, 5,
		       "source 'a': " URL " has no cached copy: the last fetch "
		       "(2023-11-14 22:13 UTC) failed: connection refused");
	fc_assert_diag(&f->d, 1, f->manifest, 5, 5,
		       "source 'b': https://news.example/b has not been "
		       "fetched; run 'factcross fetch' or 'factcross verify "
		       "--fetch'");
}

static void test_file_stands_in_for_an_unfetched_url(void **state)
{
	struct fx *f = *state;
	free(write_file(f->dir, "a.txt", TOLL_LYON));
	assert_int_equal(verify(f,
				"name: wire\nreference_date: 2024-03-08\n"
				"sources:\n  - id: a\n    url: " URL
				"\n    file: a.txt\n",
				T0),
			 FC_OK);
	assert_int_equal(f->d.n, 0);
	assert_string_equal(f->c->docs[0].text, TOLL_LYON);
	const char *v1[] = {CALL_TUE, NULL};
	char *p1 = page("x", v1);
	put_page(f, URL, p1, T0);
	assert_int_equal(verify(f,
				"name: wire\nreference_date: 2024-03-08\n"
				"sources:\n  - id: a\n    url: " URL
				"\n    file: a.txt\n",
				T0),
			 FC_OK);
	assert_string_equal(f->c->docs[0].text, CALL_TUE); /* the copy */
	free(p1);
}

static char *canonical_page(const char *canonical, const char *text)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_printf(&b, "<html><head><link rel=\"canonical\" href=\"%s\">"
			  "</head><body><nav>Home World</nav><article><p>%s"
			  "</p></article></body></html>",
		      canonical, text);
	return fc_buf_steal(&b, NULL);
}

static void test_one_canonical_url_is_one_source(void **state)
{
	struct fx *f = *state;
	char *a = canonical_page("https://WWW.News.example/world/leaders/#top",
				 CALL_TUE);
	char *b = canonical_page("http://www.news.example/world/leaders",
				 TOLL_LYON);
	char *c = canonical_page("https://www.news.example/world/other",
				 CLOSURE);
	free(write_file(f->dir, "a.html", a));
	free(write_file(f->dir, "b.html", b));
	free(write_file(f->dir, "c.html", c));
	assert_int_equal(verify(f,
				"name: wire\nreference_date: 2024-03-08\n"
				"sources:\n"
				"  - {id: a, file: a.html}\n"
				"  - {id: b, file: b.html}\n"
				"  - {id: c, file: c.html}\n",
				T0),
			 FC_OK);
	assert_int_equal(f->d.n, 0);
	struct fc_corpus *k = f->c;
	assert_string_equal(k->docs[0].text, CALL_TUE); /* no nav */
	assert_int_equal(k->ndeps, 1);
	assert_int_equal(k->deps[0].a, 0);
	assert_int_equal(k->deps[0].b, 1);
	assert_int_equal(k->deps[0].reason, FC_DEP_CANONICAL);
	assert_int_equal(k->ngroups, 2);
	assert_int_equal(k->docs[0].independent_group,
			 k->docs[1].independent_group);
	assert_int_not_equal(k->docs[0].independent_group,
			     k->docs[2].independent_group);
	free(a);
	free(b);
	free(c);
}

static void test_canonical_link_to_a_source_url(void **state)
{
	struct fx *f = *state;
	/* a has no canonical link: its URL is its identity; b, a copy
	   elsewhere, names a's URL as its canonical page */
	char *a = canonical_page("", CALL_TUE);
	char *b = canonical_page(URL, TOLL_LYON);
	put_page(f, URL, a, T0);
	put_page(f, "https://mirror.example/b", b, T0);
	assert_int_equal(verify(f,
				"name: wire\nsources:\n"
				"  - {id: a, url: \"" URL "\"}\n"
				"  - {id: b, url: "
				"\"https://mirror.example/b\"}\n",
				T0),
			 FC_OK);
	assert_null(f->c->docs[0].canonical_url);
	assert_string_equal(f->c->docs[1].canonical_url, URL);
	assert_int_equal(f->c->ndeps, 1);
	assert_int_equal(f->c->deps[0].reason, FC_DEP_CANONICAL);
	assert_string_equal(f->c->deps[0].detail, URL);
	assert_int_equal(f->c->ngroups, 1);
	free(a);
	free(b);
}

static void put_typed(struct fx *f, const char *url, const char *type,
		      const char *body)
{
	struct fc_http_result res = {
		.url = (char *)url, .status = 200, .content_type = (char *)type,
		.body = (char *)body, .body_len = strlen(body),
	};
	assert_int_equal(fc_cache_put(f->cache, &res, T0, NULL, &f->d), FC_OK);
}

static void test_plain_text_and_other_types(void **state)
{
	struct fx *f = *state;
	put_typed(f, URL, "text/plain; charset=utf-8", CLOSURE);
	put_typed(f, "https://news.example/doc.pdf", "application/pdf",
		  "%PDF-1.7 <p>");
	assert_int_equal(verify(f,
				"name: wire\nsources:\n"
				"  - {id: a, url: \"" URL "\"}\n"
				"  - {id: b, url: "
				"\"https://news.example/doc.pdf\"}\n",
				T0),
			 FC_EINPUT);
	assert_int_equal(f->d.n, 1);
	fc_assert_diag(&f->d, 0, f->manifest, 4, 5,
		       "source 'b': https://news.example/doc.pdf is "
		       "application/pdf, not an HTML page or text");
	assert_string_equal(f->c->docs[0].text, CLOSURE);
	assert_null(f->c->docs[0].title);
	assert_null(f->c->docs[0].canonical_url);
}

static void test_web_is_html(void **state)
{
	(void)state;
	assert_true(web_is_html("text/html; charset=utf-8", "x", 1));
	assert_true(web_is_html("application/xhtml+xml", "x", 1));
	assert_false(web_is_html("text/plain", "<p>", 3));
	assert_true(web_is_html(NULL, "\xEF\xBB\xBF \n<!DOCTYPE html>", 20));
	assert_false(web_is_html(NULL, "Plain words.", 12));
	assert_false(web_is_html("", "", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_url_source_reads_main_text_and_metadata, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_manifest_published_wins_over_page, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_stealth_edits_changed_appeared_vanished, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_revert_and_markup_only_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markup_change_is_no_edit,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_copies_are_warnings,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_copies_are_errors,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_file_stands_in_for_an_unfetched_url, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_one_canonical_url_is_one_source, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_canonical_link_to_a_source_url, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain_text_and_other_types,
						setup, teardown),
		cmocka_unit_test(test_web_is_html),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
