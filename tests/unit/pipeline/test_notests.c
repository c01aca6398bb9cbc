/*
** test_notests.c: a load that does not test its rules (FC_LOAD_NO_TESTS:
** verify, check, normalize) keeps no golden cases. The decisions tested
** here: a `tests:` block list that ends its file is not parsed (a YAML
** error inside it is left to `factcross test` and `lint`); `tests:`
** elsewhere is parsed by libyaml without keeping its nodes
** (fc_yaml_load_skip: a sequence or mapping reads as one with no items
** at its place, a scalar is kept, and any problem inside it re-parses
** the file whole, so its diagnostics are a full load's); every other
** diagnostic is a full load's, file:line:col and all; a kind whose
** loader checks its cases (html) is parsed whole; the rules hash is the
** same; and a full load (`factcross test`) still runs every case.
*/
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fc_test.h"
#include "pipeline/ruletest.h"

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	return fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-notests");
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

/* The diagnostics of d, "code line:col: msg" one a line, into b. */
static void render(const struct fc_diags *d, struct fc_buf *b)
{
	for (size_t i = 0; i < d->n; i++)
		fc_buf_printf(b, "%d %u:%u: %s\n", (int)d->v[i].code,
			      d->v[i].loc.line, d->v[i].loc.col, d->v[i].msg);
}

/* fc_yaml_load and fc_yaml_load_skip of text: the same status and the
** same diagnostics; the skipping load's tree into *root (arena a). */
static fc_status both(struct fc_arena *a, const char *text,
		      struct fc_ynode **root, bool *is_skipped, char **diags)
{
	struct fc_diags d1, d2;
	fc_diags_init(&d1);
	fc_diags_init(&d2);
	struct fc_ynode *full;
	fc_status st1 = fc_yaml_load(a, "t.yaml", text, strlen(text), &full,
				     &d1);
	fc_status st2 = fc_yaml_load_skip(a, "t.yaml", text, strlen(text),
					  "tests", root, is_skipped, &d2);
	struct fc_buf b1, b2;
	fc_buf_init(&b1, 0);
	fc_buf_init(&b2, 0);
	render(&d1, &b1);
	render(&d2, &b2);
	assert_int_equal(st1, st2);
	assert_string_equal(fc_buf_cstr(&b1), fc_buf_cstr(&b2));
	*diags = strdup(fc_buf_cstr(&b2));
	fc_buf_finish(&b1);
	fc_buf_finish(&b2);
	fc_diags_finish(&d1);
	fc_diags_finish(&d2);
	return st2;
}

static void test_tests_kept_empty(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_ynode *root;
	bool is_skipped;
	char *msg;
	/* the tests are not last: the key after them is read */
	assert_int_equal(both(&a,
			      "kind: normalizer\n"
			      "tests:\n"
			      "  - text: \"in 2020\"\n"
			      "    expect: [{kind: time, value: \"2020\"}]\n"
			      "  - {text: b, reject: [{a: 1}, {a: 1}]}\n"
			      "tables: {x: [a, b]}\n",
			      &root, &is_skipped, &msg),
			 FC_OK);
	assert_string_equal(msg, "");
	free(msg);
	assert_true(is_skipped);
	const struct fc_ynode *t = fc_ymap_get(root, "tests");
	assert_non_null(t);
	assert_int_equal(t->type, FC_Y_SEQ);
	assert_int_equal(t->nkids, 0);
	assert_int_equal(t->loc.line, 3);
	assert_int_equal(t->loc.col, 3);
	const struct fc_ynode *tab = fc_ymap_get(root, "tables");
	assert_non_null(tab);
	assert_int_equal(fc_ymap_get(tab, "x")->nkids, 2);
	assert_string_equal(fc_ymap_get(root, "kind")->str, "normalizer");
	/* a mapping is kept as an empty mapping; a scalar whole */
	assert_int_equal(both(&a, "kind: x\ntests: {a: [1, 2]}\n", &root,
			      &is_skipped, &msg),
			 FC_OK);
	free(msg);
	assert_true(is_skipped);
	t = fc_ymap_get(root, "tests");
	assert_int_equal(t->type, FC_Y_MAP);
	assert_int_equal(t->nkids, 0);
	assert_int_equal(t->loc.col, 8);
	assert_int_equal(both(&a, "kind: x\ntests: 5\n", &root, &is_skipped,
			      &msg),
			 FC_OK);
	free(msg);
	assert_false(is_skipped);
	assert_string_equal(fc_ymap_get(root, "tests")->str, "5");
	/* only the root's key: a nested `tests:` is built */
	assert_int_equal(both(&a, "kind: x\nrules: {tests: [a, b]}\n", &root,
			      &is_skipped, &msg),
			 FC_OK);
	free(msg);
	assert_false(is_skipped);
	t = fc_ymap_get(fc_ymap_get(root, "rules"), "tests");
	assert_int_equal(t->nkids, 2);
	fc_arena_finish(&a);
}

/* Every problem inside the tests, as a full parse reports it. */
static void test_malformed_tests_same_diags(void **state)
{
	(void)state;
	static const struct {
		const char *text, *diag;
	} cases[] = {
		{"kind: x\ntests:\n  - {text: a, text: b}\n",
		 "duplicate key 'text' (first at line 3)"},
		{"kind: x\ntests:\n  - text: a\n    expect: [{kind: t}\n",
		 "YAML: "},
		{"kind: x\ntests:\n  - &a {text: a}\n  - *a\n",
		 "YAML aliases are not allowed"},
		{"kind: x\ntests:\n  - {[a]: b}\n",
		 "mapping keys must be plain scalars"},
		{"kind: x\ntests:\n  - text: a\n    \"text\": b\n",
		 "duplicate key 'text' (first at line 3)"},
		/* a problem before the tests and one inside them */
		{"kind: x\nkind: y\ntests:\n  - {a: 1, a: 2}\n",
		 "2:1: duplicate key 'kind' (first at line 1)"},
		/* keys equal up to a NUL compare equal, as in a full load */
		{"kind: x\ntests:\n  - {\"a\\0b\": 1, \"a\\0c\": 2}\n",
		 "duplicate key 'a'"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct fc_arena a;
		fc_arena_init(&a);
		struct fc_ynode *root;
		bool is_skipped = true;
		char *msg;
		fc_status st = both(&a, cases[i].text, &root, &is_skipped,
				    &msg);
		assert_int_not_equal(st, FC_OK);
		assert_false(is_skipped);
		if (!strstr(msg, cases[i].diag))
			fail_msg("case %zu: '%s' lacks '%s'", i, msg,
				 cases[i].diag);
		free(msg);
		fc_arena_finish(&a);
	}
	/* nested deeper than the limit inside a case */
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_printf(&b, "kind: x\ntests:\n  - ");
	for (int i = 0; i < 70; i++)
		fc_buf_add(&b, "[", 1);
	for (int i = 0; i < 70; i++)
		fc_buf_add(&b, "]", 1);
	fc_buf_add(&b, "\n", 1);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_ynode *root;
	bool is_skipped;
	char *msg;
	assert_int_not_equal(both(&a, fc_buf_cstr(&b), &root, &is_skipped,
				  &msg),
			     FC_OK);
	assert_non_null(strstr(msg, "YAML nested deeper than 64 levels"));
	free(msg);
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

/* A huge tests section: many cases are read without nodes; a case of
** many keys is parsed whole (its repeats found by the full check). */
static void test_huge_tests(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_printf(&b, "kind: x\ntests:\n");
	for (int i = 0; i < 20000; i++)
		fc_buf_printf(&b,
			      "  - text: \"case %d with some words\"\n"
			      "    expect: [{kind: time, value: \"%d\"}]\n",
			      i, i);
	struct fc_arena a1, a2;
	fc_arena_init(&a1);
	fc_arena_init(&a2);
	struct fc_ynode *root;
	bool is_skipped;
	char *msg;
	assert_int_equal(both(&a2, fc_buf_cstr(&b), &root, &is_skipped, &msg),
			 FC_OK);
	free(msg);
	assert_true(is_skipped);
	assert_int_equal(fc_ymap_get(root, "tests")->nkids, 0);
	/* and the skip alone keeps a few nodes, not 20000 cases */
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_yaml_load_skip(&a1, "t.yaml", fc_buf_cstr(&b),
					   b.len, "tests", &root, &is_skipped,
					   &d),
			 FC_OK);
	assert_true(is_skipped);
	assert_int_equal(d.n, 0);
	assert_true(a1.nbytes < 4096);
	fc_diags_finish(&d);
	fc_arena_finish(&a1);
	fc_arena_finish(&a2);
	/* one case of 100 keys: parsed whole, a repeat of its first key
	** reported as a full load does */
	fc_buf_finish(&b);
	fc_buf_init(&b, 0);
	fc_buf_printf(&b, "kind: x\ntests:\n  - {");
	for (int i = 0; i < 100; i++)
		fc_buf_printf(&b, "k%d: %d, ", i, i);
	fc_buf_printf(&b, "k0: again}\n");
	fc_arena_init(&a1);
	assert_int_not_equal(both(&a1, fc_buf_cstr(&b), &root, &is_skipped,
				  &msg),
			     FC_OK);
	assert_non_null(strstr(msg, "duplicate key 'k0' (first at line 3)"));
	free(msg);
	/* the same without the repeat: fine, and whole */
	b.len -= strlen("k0: again}\n");
	fc_buf_printf(&b, "last: 1}\n");
	assert_int_equal(both(&a1, fc_buf_cstr(&b), &root, &is_skipped, &msg),
			 FC_OK);
	assert_string_equal(msg, "");
	free(msg);
	assert_false(is_skipped);
	assert_int_equal(fc_ymap_get(root, "tests")->kids[0]->nkids, 202);
	fc_arena_finish(&a1);
	fc_buf_finish(&b);
}

/* A fresh folder under tmpdir holding one file, name.yaml. */
static const char *one_file(const char *name, const char *text)
{
	static char dir[512];
	char path[600];
	snprintf(dir, sizeof(dir), "%s/%s", tmpdir, name);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/%s.yaml", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return dir;
}

/* The diagnostics of loading dir alone with these load flags. */
static char *load_diags(const char *dir, unsigned flags, fc_status *st)
{
	const char *dirs[] = {dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	*st = fc_rules_load_kinds(dirs, 0, flags, &r, &d);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	render(&d, &b);
	char *s = strdup(fc_buf_cstr(&b));
	fc_buf_finish(&b);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	return s;
}

/*
** A load without tests says what a full load says, but for YAML errors
** inside a `tests:` block list that ends its file (not parsed there:
** `factcross test` and `lint` report them).
*/
static void test_loader_diags(void **state)
{
	(void)state;
	static const struct {
		const char *name, *text, *diag;
		bool is_same;
	} cases[] = {
		{"scalar", "kind: normalizer\ntests: 5\n",
		 "2:8: tests must be a list of cases", true},
		{"map", "kind: boilerplate\ntests: {a: 1}\n",
		 "2:8: tests must be a list of cases", true},
		{"indented", "kind: boilerplate\ntests:\n  a: 1\n",
		 "3:3: tests must be a list of cases", true},
		{"html",
		 "kind: html\ntests:\n  - {url: 'http://a'}\n  - 5\n",
		 "3:5: html test without 'html'\n", true},
		/* tests before another key: parsed, no nodes kept */
		{"notlast",
		 "kind: claims\ntests:\n  - {a: 1, a: 2}\nclaims: []\n",
		 "3:12: duplicate key 'a' (first at line 3)", true},
		/* a problem before the tests: the file is parsed whole */
		{"before",
		 "kind: claims\nkind: claims\ntests:\n- {a: 1, a: 2}\n",
		 "2:1: duplicate key 'kind' (first at line 1)", true},
		/* the trailing block list is not parsed */
		{"dup", "kind: claims\nclaims: []\ntests:\n  - {a: 1, a: 2}\n",
		 "4:12: duplicate key 'a' (first at line 4)", false},
		{"syntax", "kind: claims\ntests:\n# c\n- text: \"a\n  - [\n",
		 "YAML: ", false},
		/* CR LF lines, a CR that ends the file: cut all the same */
		{"crlf",
		 "kind: claims\r\nclaims: []\r\ntests:\r\n  - {a: 1, a: 2}\r\n",
		 "4:12: duplicate key 'a' (first at line 4)", false},
		{"crlast", "kind: claims\nclaims: []\ntests:\n  - {a: 1, a: 2}\r",
		 "4:12: duplicate key 'a' (first at line 4)", false},
		/* a CR alone in the list, before an LF further on: parsed */
		{"crlone",
		 "kind: claims\nclaims: []\ntests:\n  - {a: 1, a: 2}\r  - b\r\n",
		 "4:12: duplicate key 'a' (first at line 4)", true},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const char *dir = one_file(cases[i].name, cases[i].text);
		fc_status st0, st;
		char *full = load_diags(dir, FC_KIND_ALL, &st0);
		if (!strstr(full, cases[i].diag))
			fail_msg("%s: '%s' lacks '%s'", cases[i].name, full,
				 cases[i].diag);
		assert_int_not_equal(st0, FC_OK);
		char *lean = load_diags(dir, FC_KIND_ALL | FC_LOAD_NO_TESTS,
					&st);
		if (cases[i].is_same) {
			assert_int_equal(st, st0);
			assert_string_equal(lean, full);
		} else {
			assert_int_equal(st, FC_OK);
			assert_string_equal(lean, "");
		}
		free(lean);
		free(full);
	}
}

/*
** libyaml breaks lines at CR, NEL, LS and PS as well as LF: a key after
** one of them at the left margin, below a trailing `tests:` list, is a
** key of the file (its error reported), not a part of the tests.
*/
static void test_other_line_breaks(void **state)
{
	(void)state;
	static const struct {
		const char *name, *text;
	} cases[] = {
		{"cr", "kind: normalizer\ntests:\n- text: a\n\rbogus: 1\n"},
		{"crmid", "kind: normalizer\ntests:\n- text: a\rbogus: 1\n"},
		{"crkey", "kind: normalizer\ntests: \r# c\rbogus: 1\n"},
		{"nel", "kind: normalizer\ntests:\n- text: a\xc2\x85"
			"bogus: 1\n"},
		{"ls", "kind: normalizer\ntests:\n- text: a\xe2\x80\xa8"
		       "bogus: 1\n"},
		{"ps", "kind: normalizer\ntests:\n- text: a\xe2\x80\xa9"
		       "bogus: 1\n"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const char *dir = one_file(cases[i].name, cases[i].text);
		fc_status st0, st1, st2;
		char *full = load_diags(dir, FC_KIND_ALL, &st0);
		if (!strstr(full, "unknown key 'bogus' in a normalizer file"))
			fail_msg("%s: '%s'", cases[i].name, full);
		char *lean = load_diags(dir, FC_KIND_ALL | FC_LOAD_NO_TESTS,
					&st1);
		char *text = load_diags(dir, FC_KIND_TEXT, &st2);
		assert_int_equal(st1, st0);
		assert_string_equal(lean, full);
		assert_int_equal(st2, st0);
		assert_string_equal(text, full);
		free(text);
		free(lean);
		free(full);
	}
}

/*
** The part before a trailing `tests:` list stands for the file only
** when it is a mapping at the left margin with no `tests` key, and
** `tests:` is the key (not the scalar `tests:#x`): else the file's
** diagnostics (no kind, not a mapping, a repeated key, a syntax error)
** are a full load's.
*/
static void test_prefix_not_the_file(void **state)
{
	(void)state;
	static const struct {
		const char *name, *text, *diag;
	} cases[] = {
		{"nokind", "tests:\n- text: a\n", "1:1: missing 'kind:'"},
		{"comment", "# c\ntests:\n- text: a\n", "2:1: missing 'kind:'"},
		{"seq", "- a\ntests:\n- text: b\n", "2:1: YAML: "},
		{"duptests", "tests: []\nkind: normalizer\ntests:\n- text: a\n",
		 "3:1: duplicate key 'tests' (first at line 1)"},
		{"hash", "kind: normalizer\ntests:#x\n- text: a\n",
		 "3:1: YAML: "},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const char *dir = one_file(cases[i].name, cases[i].text);
		fc_status st0, st1, st2;
		char *full = load_diags(dir, FC_KIND_ALL, &st0);
		if (!strstr(full, cases[i].diag))
			fail_msg("%s: '%s' lacks '%s'", cases[i].name, full,
				 cases[i].diag);
		char *lean = load_diags(dir, FC_KIND_ALL | FC_LOAD_NO_TESTS,
					&st1);
		char *text = load_diags(dir, FC_KIND_TEXT, &st2);
		assert_int_equal(st1, st0);
		assert_string_equal(lean, full);
		assert_int_equal(st2, st0);
		assert_string_equal(text, full);
		free(text);
		free(lean);
		free(full);
	}
}

/* The built-in suite: the same hash, no cases kept without tests, and
** a full load runs every case there is. */
static void test_builtin_suite(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *full = NULL, *lean = NULL;
	assert_int_equal(fc_rules_load_kinds(NULL, 1, FC_KIND_ALL, &full, &d),
			 FC_OK);
	assert_int_equal(fc_rules_load_kinds(NULL, 1,
					     FC_KIND_ALL | FC_LOAD_NO_TESTS,
					     &lean, &d),
			 FC_OK);
	assert_int_equal(d.n, 0);
	assert_false(full->is_no_tests);
	assert_true(lean->is_no_tests);
	assert_string_equal(full->hash, lean->hash);
	assert_int_equal(strlen(lean->hash), 64);
	assert_int_equal(full->nfiles, lean->nfiles);
	size_t ncases = 0;
	for (size_t i = 0; i < full->nfiles; i++) {
		const struct fc_ynode *t = fc_ymap_get(full->files[i].root,
						       "tests");
		const struct fc_ynode *u = fc_ymap_get(lean->files[i].root,
						       "tests");
		assert_non_null(t);
		/* html's loader checks its cases: that file is whole (its
		** cases run in tests/unit/fetch, not in fc_rules_test);
		** every other file's trailing tests are not parsed */
		bool is_html = !strcmp(full->files[i].kind, "html");
		if (is_html)
			assert_int_equal(u->nkids, t->nkids);
		else
			assert_null(u);
		ncases += is_html ? 0 : t->nkids;
	}
	assert_true(ncases >= 742);
	struct fc_buf out;
	fc_buf_init(&out, 0);
	struct fc_test_counts n;
	assert_int_equal(fc_rules_test(full, NULL, 0, &out, &n, &d), FC_OK);
	assert_int_equal(n.ncases, ncases);
	assert_int_equal(n.nfailed, 0);
	fc_test_counts_finish(&n);
	fc_buf_finish(&out);
	fc_diags_finish(&d);
	fc_rules_destroy(full);
	fc_rules_destroy(lean);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tests_kept_empty),
		cmocka_unit_test(test_malformed_tests_same_diags),
		cmocka_unit_test(test_huge_tests),
		cmocka_unit_test(test_loader_diags),
		cmocka_unit_test(test_builtin_suite),
		cmocka_unit_test(test_other_line_breaks),
		cmocka_unit_test(test_prefix_not_the_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
