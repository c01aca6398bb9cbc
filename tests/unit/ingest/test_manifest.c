/*
** test_manifest.c: corpus.yaml loading: the seed manifest, and every
** manifest error with its exact message and position.
*/
#include "fc_test.h"
#include "tmpdir.h"
#include "core/core.h"

#define SEED_DIR FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16"

struct want {
	unsigned line, col;
	fc_status code;
	const char *msg;
};

/* Every diagnostic, in order, against want[0, n); all in file. */
static void check_diags(const struct fc_diags *d, const char *file,
			const struct want *w, size_t n)
{
	bool same = d->n == n;
	for (size_t i = 0; same && i < n; i++)
		same = d->v[i].loc.line == w[i].line &&
		       d->v[i].loc.col == w[i].col &&
		       !strcmp(d->v[i].msg, w[i].msg);
	if (!same)
		for (size_t i = 0; i < d->n; i++)
			print_message("got %u:%u: %s\n", d->v[i].loc.line,
				      d->v[i].loc.col, d->v[i].msg);
	assert_int_equal(d->n, n);
	for (size_t i = 0; i < n; i++) {
		fc_assert_diag(d, i, file, w[i].line, w[i].col, w[i].msg);
		assert_int_equal(d->v[i].code, w[i].code);
		assert_int_equal(d->v[i].sev, FC_SEV_ERROR);
	}
}

static void test_seed_manifest(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(SEED_DIR, &c, &d), FC_OK);
	assert_int_equal(d.n, 0);
	assert_string_equal(c->name, "putin-iran-2026-01-16");
	assert_string_equal(c->title,
			    "Putin's calls with Netanyahu and Pezeshkian");
	assert_string_equal(c->reference_date, "2026-01-16");
	assert_string_equal(c->dir, SEED_DIR);
	assert_string_equal(c->manifest, SEED_DIR "/corpus.yaml");
	assert_int_equal(c->nsources, 5);
	const struct fc_source *s = &c->sources[0];
	assert_string_equal(s->id, "000");
	assert_string_equal(s->file, "000_6cb9a9ae1e300ea4.txt");
	assert_string_equal(s->path, SEED_DIR "/000_6cb9a9ae1e300ea4.txt");
	assert_string_equal(s->outlet, "i24NEWS");
	assert_string_equal(s->published, "2026-01-16");
	assert_null(s->url);
	assert_null(s->derived_from);
	assert_null(s->inline_text);
	assert_string_equal(s->loc.file, c->manifest);
	assert_int_equal(s->loc.line, 8);
	assert_int_equal(s->loc.col, 5);
	s = &c->sources[1];
	assert_string_equal(s->id, "001");
	assert_null(s->outlet);
	assert_null(s->published);
	assert_int_equal(s->loc.line, 12);
	s = &c->sources[4];
	assert_string_equal(s->id, "004");
	assert_string_equal(s->outlet, "Israfan");
	assert_int_equal(s->loc.line, 19);
	fc_corpus_destroy(c);

	/* The manifest itself, named directly, gives the same corpus. */
	assert_int_equal(fc_corpus_load(SEED_DIR "/corpus.yaml", &c, &d), FC_OK);
	assert_string_equal(c->dir, SEED_DIR);
	assert_int_equal(c->nsources, 5);
	assert_string_equal(c->sources[2].path,
			    SEED_DIR "/002_7859454476ef42ed.txt");
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
}

static void test_manifest_full(void **state)
{
	(void)state;
	char *dir = tmp_make();
	tmp_write(dir, "a.txt", "A.");
	tmp_write(dir, "texts/b.md", "B.");
	tmp_write(dir, "corpus.yaml",
		  "title: Two sources\n"
		  "sources:\n"
		  "  - id: a\n"
		  "    file: a.txt\n"
		  "    url: https://example.org/a\n"
		  "  - {id: b, file: texts/b.md, derived_from: a}\n"
		  "  - id: wire\n"
		  "    url: http://example.org/wire\n"
		  "    published: 2024-02-29\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(dir, &c, &d), FC_OK);
	assert_int_equal(d.n, 0);
	/* No name: the folder's. */
	assert_string_equal(c->name, strrchr(dir, '/') + 1);
	assert_null(c->reference_date);
	assert_int_equal(c->nsources, 3);
	assert_string_equal(c->sources[0].url, "https://example.org/a");
	assert_string_equal(c->sources[1].file, "texts/b.md");
	char path[512];
	snprintf(path, sizeof(path), "%s/texts/b.md", dir);
	assert_string_equal(c->sources[1].path, path);
	assert_string_equal(c->sources[1].derived_from, "a");
	assert_int_equal(c->sources[1].loc.line, 6);
	assert_int_equal(c->sources[1].loc.col, 5);
	assert_null(c->sources[2].file);
	assert_null(c->sources[2].path);
	assert_string_equal(c->sources[2].published, "2024-02-29");
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	tmp_remove(dir);
}

/* One manifest, its status and its exact diagnostics. */
struct manifest_case {
	const char *yaml;
	fc_status st;
	struct want w[8];
	size_t n;
};

static const struct manifest_case cases[] = {
	/* Unknown keys, with a suggestion. */
	{"sourcs:\n  - {id: a, file: a.txt}\n"
	 "sources:\n  - {id: a, file: a.txt, derived_form: a}\n",
	 FC_ESCHEMA,
	 {{1, 1, FC_ESCHEMA,
	   "unknown key 'sourcs' in corpus manifest (did you mean "
	   "'sources'?)"},
	  {4, 26, FC_ESCHEMA,
	   "unknown key 'derived_form' in source (did you mean "
	   "'derived_from'?)"}},
	 2},
	{"sources:\n  - {id: a, file: a.txt, colour: red}\n",
	 FC_ESCHEMA,
	 {{2, 26, FC_ESCHEMA, "unknown key 'colour' in source"}},
	 1},
	/* Wrong types. */
	{"title: [a, b]\nsources:\n  - {id: a, file: a.txt}\n",
	 FC_ESCHEMA,
	 {{1, 8, FC_ESCHEMA, "title must be a string, not a sequence"}},
	 1},
	{"sources: {id: a}\n",
	 FC_ESCHEMA,
	 {{1, 10, FC_ESCHEMA, "sources must be a list, not a mapping"}},
	 1},
	{"sources:\n  - a.txt\n  - {id: {x: 1}, file: a.txt}\n",
	 FC_ESCHEMA,
	 {{2, 5, FC_ESCHEMA,
	   "each source must be a mapping with 'id' and 'file' or 'url', "
	   "not a scalar"},
	  {3, 10, FC_ESCHEMA, "id must be a string, not a mapping"}},
	 2},
	{"- {id: a, file: a.txt}\n",
	 FC_ESCHEMA,
	 {{1, 1, FC_ESCHEMA,
	   "corpus manifest must be a mapping with 'sources:', not a "
	   "sequence"}},
	 1},
	/* Missing and duplicate ids. */
	{"sources:\n  - file: a.txt\n    outlet: X\n",
	 FC_ESCHEMA,
	 {{2, 5, FC_ESCHEMA, "source has no 'id'"}},
	 1},
	{"sources:\n  - id: a\n    file: a.txt\n  - id: b\n    file: a.txt\n"
	 "  - id: a\n    file: a.txt\n",
	 FC_ESCHEMA,
	 {{6, 9, FC_ESCHEMA, "duplicate source id 'a' (first at line 2)"}},
	 1},
	{"sources:\n  - {id: '', file: a.txt}\n",
	 FC_ESCHEMA,
	 {{2, 10, FC_ESCHEMA, "source id must not be empty"}},
	 1},
	/* Neither file nor url. */
	{"sources:\n  - id: a\n    outlet: Example\n",
	 FC_ESCHEMA,
	 {{2, 5, FC_ESCHEMA, "source 'a' has neither 'file' nor 'url'"}},
	 1},
	/* Dates that are not real days. */
	{"reference_date: 2026-02-30\nsources:\n"
	 "  - {id: a, file: a.txt, published: 2025-13-01}\n"
	 "  - {id: b, file: a.txt, published: 16.01.2026}\n",
	 FC_EINPUT,
	 {{1, 17, FC_EINPUT,
	   "reference_date '2026-02-30' is not a real date (expected "
	   "YYYY-MM-DD)"},
	  {3, 37, FC_EINPUT,
	   "published '2025-13-01' is not a real date (expected YYYY-MM-DD)"},
	  {4, 37, FC_EINPUT,
	   "published '16.01.2026' is not a real date (expected YYYY-MM-DD)"}},
	 3},
	/* A file that is not there: the error points at the value. */
	{"sources:\n  - id: a\n    file:   missing.txt\n",
	 FC_EINPUT,
	 {{3, 13, FC_EINPUT, NULL}},
	 1},
	{"sources:\n  - {id: a, file: sub}\n",
	 FC_EINPUT,
	 {{2, 19, FC_EINPUT, "source file 'sub' is not a regular file"}},
	 1},
	/* derived_from naming no source, or itself. */
	{"sources:\n  - {id: a, file: a.txt, derived_from: nobody}\n"
	 "  - {id: b, file: a.txt, derived_from: b}\n",
	 FC_ESCHEMA,
	 {{2, 40, FC_ESCHEMA, "derived_from names unknown source 'nobody'"},
	  {3, 40, FC_ESCHEMA, "source 'b' cannot be derived from itself"}},
	 2},
	/* URLs and names. */
	{"name: my corpus\nsources:\n  - {id: a, url: ftp://example.org/a}\n",
	 FC_ESCHEMA,
	 {{1, 7, FC_ESCHEMA,
	   "name 'my corpus' may only hold letters, digits, '.', '_' and "
	   "'-', and not start with '.' (it names the report files)"},
	  {3, 18, FC_ESCHEMA,
	   "url 'ftp://example.org/a' must start with http:// or https://"}},
	 2},
	/* Empty and missing pieces. */
	{"", FC_ESCHEMA,
	 {{1, 1, FC_ESCHEMA,
	   "corpus manifest is empty (expected a mapping with 'sources:')"}},
	 1},
	{"name: x\n", FC_ESCHEMA,
	 {{1, 1, FC_ESCHEMA,
	   "missing 'sources:' (a list of sources, each with 'id' and "
	   "'file' or 'url')"}},
	 1},
	{"sources: []\n", FC_ESCHEMA,
	 {{1, 10, FC_ESCHEMA,
	   "sources is empty: a corpus needs at least one source"}},
	 1},
	/* YAML syntax. */
	{"sources:\n  - id: a\n   file: a.txt\n", FC_ESYNTAX,
	 {{3, 4, FC_ESYNTAX,
	   "YAML: did not find expected '-' indicator while parsing a "
	   "block collection"}},
	 1},
};

static void test_manifest_errors(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		const struct manifest_case *mc = &cases[k];
		char *dir = tmp_make();
		tmp_write(dir, "a.txt", "A.");
		tmp_write(dir, "sub/x.txt", "X.");
		char *manifest = tmp_write_n(dir, "corpus.yaml", mc->yaml,
					     strlen(mc->yaml));
		struct fc_diags d;
		fc_diags_init(&d);
		struct fc_corpus *c = (struct fc_corpus *)&d; /* must be reset */
		print_message("case %zu\n", k);
		assert_int_equal(fc_corpus_load(dir, &c, &d), mc->st);
		assert_null(c);
		struct want w[8];
		memcpy(w, mc->w, sizeof(w));
		char msg[600];
		if (!w[0].msg) { /* the missing-file message names the path */
			snprintf(msg, sizeof(msg),
				 "source file 'missing.txt' not found (looked "
				 "for %s/missing.txt)",
				 dir);
			w[0].msg = msg;
		}
		check_diags(&d, manifest, w, mc->n);
		fc_diags_finish(&d);
		free(manifest);
		tmp_remove(dir);
	}
}

/* One run reports every problem, not just the first. */
static void test_manifest_all_errors_in_one_run(void **state)
{
	(void)state;
	char *dir = tmp_make();
	static const char yaml[] =
		"nmae: x\n"
		"sources:\n"
		"  - {id: a, file: gone.txt}\n"
		"  - {id: a, url: https://x.org}\n"
		"  - {outlet: Y}\n"
		"  - {id: c, file: gone.txt, published: 2026-01-32}\n";
	char *manifest = tmp_write_n(dir, "corpus.yaml", yaml, strlen(yaml));
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	/* The first error decides the status. */
	assert_int_equal(fc_corpus_load(manifest, &c, &d), FC_ESCHEMA);
	assert_null(c);
	char gone[600];
	snprintf(gone, sizeof(gone),
		 "source file 'gone.txt' not found (looked for %s/gone.txt)",
		 dir);
	const struct want w[] = {
		{1, 1, FC_ESCHEMA,
		 "unknown key 'nmae' in corpus manifest (did you mean "
		 "'name'?)"},
		{3, 19, FC_EINPUT, gone},
		{5, 5, FC_ESCHEMA, "source has no 'id'"},
		{5, 5, FC_ESCHEMA, "source has neither 'file' nor 'url'"},
		{6, 19, FC_EINPUT, gone},
		{6, 40, FC_EINPUT,
		 "published '2026-01-32' is not a real date (expected "
		 "YYYY-MM-DD)"},
		/* Checks across sources come after each source's own. */
		{4, 10, FC_ESCHEMA, "duplicate source id 'a' (first at line 3)"},
	};
	check_diags(&d, manifest, w, sizeof(w) / sizeof(*w));
	assert_int_equal(d.nerr, 7);
	fc_diags_finish(&d);
	free(manifest);
	tmp_remove(dir);
}

/* Many sources: ids are checked in n log n (a scan per source would
** take minutes here). */
static void test_manifest_many_sources(void **state)
{
	(void)state;
	enum { N = 50000 };
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "sources:\n");
	for (int i = 0; i < N; i++)
		fc_buf_printf(&b,
			      "  - {id: s%d, url: https://example.org/%d, "
			      "derived_from: s%d}\n",
			      i, i, (i + 1) % N);
	fc_buf_adds(&b, "  - {id: s7, url: https://example.org/again}\n");
	char *dir = tmp_make();
	char *manifest = tmp_write_n(dir, "corpus.yaml", b.p, b.len);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(manifest, &c, &d), FC_ESCHEMA);
	const struct want w[] = {
		{N + 2, 10, FC_ESCHEMA,
		 "duplicate source id 's7' (first at line 9)"},
	};
	check_diags(&d, manifest, w, 1);
	fc_diags_finish(&d);
	fc_buf_finish(&b);
	free(manifest);
	tmp_remove(dir);
}

static void test_missing_path(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load("/nonexistent/corpus", &c, &d),
			 FC_EINPUT);
	assert_null(c);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, "/nonexistent/corpus", 0, 0,
		       "cannot open corpus: No such file or directory");
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_manifest),
		cmocka_unit_test(test_manifest_full),
		cmocka_unit_test(test_manifest_errors),
		cmocka_unit_test(test_manifest_all_errors_in_one_run),
		cmocka_unit_test(test_manifest_many_sources),
		cmocka_unit_test(test_missing_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
