/*
** test_kinds.c: fc_rules_load_kinds reads a file of a kind it does not
** want from its first YAML events only (peek_kind in rules.c): the file
** is known to be a mapping with a known kind and is not parsed further.
** A file whose kind the peek cannot tell for sure (quoted, not a plain
** scalar, a scalar cut by the 1 KiB peek, missing, unknown) is parsed
** whole, with every diagnostic as before; a load of every kind parses
** every file. A load of some kinds also leaves out the golden tests of
** a file when they come last (tests_start).
*/
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fc_test.h"

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	return fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-kinds");
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
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

/* Load dir alone with these kinds: the status, the diagnostics rendered
** "line:col: msg" one a line into out, the file's kind into kind. */
static fc_status load(const char *dir, unsigned kinds, char *out,
		      size_t cap, const char **kind, bool *is_parsed)
{
	const char *dirs[] = {dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load_kinds(dirs, 0, kinds, &r, &d);
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < d.n && o < cap; i++)
		o += (size_t)snprintf(out + o, cap - o, "%u:%u: %s\n",
				      d.v[i].loc.line, d.v[i].loc.col,
				      d.v[i].msg);
	assert_non_null(r);
	assert_int_equal(r->nfiles, 1);
	*kind = r->files[0].kind;
	*is_parsed = r->files[0].root != NULL;
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	return st;
}

static void test_unwanted_kind_is_peeked(void **state)
{
	(void)state;
	char msg[1024];
	const char *kind;
	bool is_parsed;
	/* broken YAML after the kind: normalize does not read it */
	const char *dir = one_file("broken", "kind: claims\nrules: [a, b\n");
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_OK);
	assert_string_equal(msg, "");
	assert_string_equal(kind, "claims");
	assert_false(is_parsed);
	/* every kind: parsed, and the error is where it was */
	assert_int_equal(load(dir, FC_KIND_ALL, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_ESYNTAX);
	assert_non_null(strstr(msg, "YAML: "));
	/* a kind after other keys (a nested value skipped) */
	dir = one_file("later", "description: x\ntests:\n  - {text: a}\n"
				"kind: checks\nchecks: []\n");
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_OK);
	assert_string_equal(kind, "checks");
	assert_false(is_parsed);
	/* a wanted kind is parsed whole */
	dir = one_file("wanted", "kind: normalizer\ntables: {}\n");
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_OK);
	assert_string_equal(kind, "normalizer");
	assert_true(is_parsed);
}

static void test_unsure_kind_is_parsed(void **state)
{
	(void)state;
	char msg[1024];
	const char *kind;
	bool is_parsed;
	/* quoted: parsed whole, so the broken rest is reported */
	const char *dir = one_file("quoted", "kind: \"claims\"\nrules: [a\n");
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_ESYNTAX);
	assert_non_null(strstr(msg, "YAML: "));
	/* unknown, and a plain scalar of two lines: the usual errors */
	dir = one_file("unknown", "kind: claimz\n");
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_ESCHEMA);
	assert_string_equal(msg, "1:7: unknown rule kind 'claimz' (did you "
				 "mean 'claims'?)\n");
	dir = one_file("twolines", "kind: claims\n  more\nrules: []\n");
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_ESCHEMA);
	assert_non_null(strstr(msg, "unknown rule kind 'claims more'"));
	/* no kind at all */
	dir = one_file("nokind", "description: x\n");
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_ESCHEMA);
	assert_non_null(strstr(msg, "missing 'kind:'"));
}

/* The peek reads 1 KiB: a plain scalar cut there may go on after it. */
static void test_kind_at_the_cut(void **state)
{
	(void)state;
	char msg[1024];
	const char *kind;
	bool is_parsed;
	char text[2048];
	/* "kind: claims\n" ends at byte 1024, "  more\n" continues it */
	size_t pad = 1024 - strlen("description: \n") -
		     strlen("kind: claims\n");
	size_t o = (size_t)snprintf(text, sizeof(text), "description: ");
	memset(text + o, 'x', pad);
	o += pad;
	snprintf(text + o, sizeof(text) - o, "\nkind: claims\n  more\n");
	assert_int_equal(strstr(text, "  more") - text, 1024);
	const char *dir = one_file("cut", text);
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_ESCHEMA);
	assert_non_null(strstr(msg, "unknown rule kind 'claims more'"));
	/* a next key that starts before the cut ends it: peeked */
	o -= 10;
	snprintf(text + o, sizeof(text) - o, "\nkind: claims\nrules: [a\n");
	assert_int_equal(strstr(text, "rules") - text, 1014);
	dir = one_file("cutkey", text);
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_OK);
	assert_string_equal(kind, "claims");
	assert_false(is_parsed);
}

/* Whether the one file of dir, loaded with kinds, keeps its tests. */
static bool has_tests(const char *dir, unsigned kinds)
{
	const char *dirs[] = {dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	assert_int_equal(fc_rules_load_kinds(dirs, 0, kinds, &r, &d), FC_OK);
	assert_int_equal(d.n, 0);
	assert_non_null(r->files[0].root);
	bool is = fc_ymap_get(r->files[0].root, "tests") != NULL;
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	return is;
}

static void test_tests_left_out(void **state)
{
	(void)state;
	char msg[1024], all[1024];
	const char *kind;
	bool is_parsed;
	/* last, with broken YAML: normalize reads up to them */
	const char *dir = one_file("testslast",
				   "kind: normalizer\ntables: {}\n"
				   "tests:\n- text: \"a\"\n  expect: [\n# x\n");
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_OK);
	assert_string_equal(msg, "");
	assert_true(is_parsed);
	assert_int_equal(load(dir, FC_KIND_ALL, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_ESYNTAX);
	/* well formed: left out by a load of some kinds only */
	dir = one_file("testsok", "kind: normalizer\ntables: {}\n"
				  "tests:\n  - text: a\n\n# end\n");
	assert_false(has_tests(dir, FC_KIND_TEXT));
	assert_true(has_tests(dir, FC_KIND_ALL));
	/* not last: the file is parsed whole */
	dir = one_file("testsmid", "kind: normalizer\n"
				   "tests:\n  - text: a\ntables: {}\n");
	assert_true(has_tests(dir, FC_KIND_TEXT));
	/* a problem before them: the diagnostics of the whole file */
	dir = one_file("testsbad", "kind: normalizer\ntables: [\n"
				   "tests:\n  - text: a\n");
	assert_int_equal(load(dir, FC_KIND_ALL, all, sizeof(all), &kind,
			      &is_parsed),
			 FC_ESYNTAX);
	assert_int_equal(load(dir, FC_KIND_TEXT, msg, sizeof(msg), &kind,
			      &is_parsed),
			 FC_ESYNTAX);
	assert_string_equal(msg, all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unwanted_kind_is_peeked),
		cmocka_unit_test(test_unsure_kind_is_parsed),
		cmocka_unit_test(test_kind_at_the_cut),
		cmocka_unit_test(test_tests_left_out),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
