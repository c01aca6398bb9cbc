/*
** test_rules_par.c: the rule files of a folder parsed on two threads
** (src/pipeline/rules.c, load_files): the same trees and the same
** diagnostics, in the same order, as on one thread. A folder of twelve
** files, broken in different ways (YAML syntax, bad UTF-8, not a mapping,
** an unknown kind, a bad regex, schema errors, a file too large to
** read), is loaded with FACTCROSS_THREADS=1 and =2, for `normalize`
** (some kinds, tests cut off) and for `lint` (every kind).
*/
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fc_test.h"

static char dir[64];

static void put(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/fc-rulespar-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	put("a_ok.yaml", "kind: normalizer\ndescription: fine\n"
			 "tests:\n  - text: \"in 2020\"\n");
	put("b_regex.yaml",
	    "kind: normalizer\npatterns:\n"
	    "  - id: t.bad\n    match: 'in (19|20[0-9]{2}'\n"
	    "    production: time_of_day\n"
	    "  - id: t.span\n    match: 'y(?<hour>[0-9]+)'\n"
	    "    production: time_of_day\n    span: nosuch\n");
	put("c_syntax.yaml", "kind: normalizer\npatterns:\n  - id: x\n"
			     "    match: \"foo\n  bar: [1, 2\n");
	put("d_kind.yaml", "kind: normaliser\n");
	put("e_list.yaml", "- kind: normalizer\n");
	put("f_dup.yaml", "kind: lexicon\nkind: lexicon\n");
	put("g_key.yaml", "kind: normalizer\nfoo: 1\ntests:\n"
			  "  - text: \"x\"\n   bad: indent\n");
	put("h_utf8.yaml", "kind: normalizer\n\xff\xfe: 1\n");
	put("i_claims.yaml", "kind: claims\nnope: [\n");
	put("j_quoted.yaml", "kind: normalizer\ndescription: \"a\\tb \\u00e9\"\n"
			     "macros:\n  q: 'it''s (?:x'\n");
	put("k_empty.yaml", "");
	char path[128];
	/* larger than a rule file may be (16 MiB): cannot be read */
	snprintf(path, sizeof(path), "%s/n_big.yaml", dir);
	if (truncate(path, 0) && errno != ENOENT)
		return -1;
	FILE *big = fopen(path, "w");
	if (!big || ftruncate(fileno(big), 17 << 20) || fclose(big))
		return -1;
	snprintf(path, sizeof(path), "%s/l_dir.yaml", dir);
	mkdir(path, 0700); /* a folder named .yaml: its files, none */
	/* a dangling link: the listing skips it */
	snprintf(path, sizeof(path), "%s/m_dangling.yaml", dir);
	if (symlink("/proc/self/nonexistent", path))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Two trees equal: types, positions, values, raw texts. */
static void same_tree(const struct fc_ynode *a, const struct fc_ynode *b)
{
	if (!a || !b) {
		assert_true(a == b);
		return;
	}
	assert_int_equal(a->type, b->type);
	assert_int_equal(a->len, b->len);
	assert_int_equal(a->is_plain, b->is_plain);
	assert_int_equal(a->style, b->style);
	assert_int_equal(a->loc.line, b->loc.line);
	assert_int_equal(a->loc.col, b->loc.col);
	assert_string_equal(a->loc.file, b->loc.file);
	assert_int_equal(a->val_line, b->val_line);
	assert_int_equal(a->val_col, b->val_col);
	assert_true((a->str == NULL) == (b->str == NULL));
	if (a->str)
		assert_memory_equal(a->str, b->str, a->len + 1);
	assert_int_equal(a->raw_len, b->raw_len);
	assert_true((a->raw == NULL) == (b->raw == NULL));
	if (a->raw)
		assert_memory_equal(a->raw, b->raw, a->raw_len);
	assert_int_equal(a->nkids, b->nkids);
	for (size_t i = 0; i < a->nkids; i++)
		same_tree(a->kids[i], b->kids[i]);
}

struct want {
	const char *file;
	unsigned line, col;
	const char *msg;
};

#define BAD_RX "bad regex in pattern 't.bad': missing closing parenthesis"
#define BAD_SPAN "span 'nosuch' is not a capture of pattern 't.span'"
#define NOT_MAP "a rule file must be a mapping with a 'kind:' key"

/* normalize: the tests of g_key.yaml are not parsed, i_claims.yaml is
** of a kind not read */
static const struct want want_text[] = {
	{"c_syntax.yaml", 6, 1, "YAML: found unexpected end of stream while "
				"scanning a quoted scalar"},
	{"d_kind.yaml", 1, 7, "unknown rule kind 'normaliser' (did you mean "
			      "'normalizer'?)"},
	{"e_list.yaml", 1, 1, NOT_MAP},
	{"f_dup.yaml", 2, 1, "duplicate key 'kind' (first at line 1)"},
	{"g_key.yaml", 2, 1, "unknown key 'foo' in a normalizer file"},
	{"h_utf8.yaml", 0, 0, "YAML: invalid leading UTF-8 octet"},
	{"k_empty.yaml", 1, 1, NOT_MAP},
	{"n_big.yaml", 0, 0, "cannot read rule file: limit exceeded"},
	{"b_regex.yaml", 4, 30, BAD_RX},
	{"b_regex.yaml", 9, 11, BAD_SPAN},
	{NULL, 0, 0, NULL},
};

static const struct want want_all[] = {
	{"c_syntax.yaml", 6, 1, "YAML: found unexpected end of stream while "
				"scanning a quoted scalar"},
	{"d_kind.yaml", 1, 7, "unknown rule kind 'normaliser' (did you mean "
			      "'normalizer'?)"},
	{"e_list.yaml", 1, 1, NOT_MAP},
	{"f_dup.yaml", 2, 1, "duplicate key 'kind' (first at line 1)"},
	{"g_key.yaml", 5, 4, "YAML: did not find expected '-' indicator while "
			     "parsing a block collection"},
	{"h_utf8.yaml", 0, 0, "YAML: invalid leading UTF-8 octet"},
	{"i_claims.yaml", 3, 1, "YAML: did not find expected node content "
				"while parsing a flow node"},
	{"k_empty.yaml", 1, 1, NOT_MAP},
	{"n_big.yaml", 0, 0, "cannot read rule file: limit exceeded"},
	{"b_regex.yaml", 4, 30, BAD_RX},
	{"b_regex.yaml", 9, 11, BAD_SPAN},
	{NULL, 0, 0, NULL},
};

static struct fc_rules *load(const char *threads, unsigned kinds,
			     struct fc_diags *d)
{
	setenv("FACTCROSS_THREADS", threads, 1);
	const char *dirs[] = {dir, NULL};
	struct fc_rules *r = NULL;
	fc_diags_init(d);
	fc_status st = fc_rules_load_kinds(dirs, 0, kinds, &r, d);
	assert_int_not_equal(st, FC_OK);
	assert_int_not_equal(st, FC_ENOMEM);
	assert_non_null(r);
	return r;
}

static void compare(unsigned kinds)
{
	struct fc_diags d1, d2;
	struct fc_rules *r1 = load("1", kinds, &d1);
	struct fc_rules *r2 = load("2", kinds, &d2);
	assert_int_equal(d1.n, d2.n);
	assert_int_equal(d1.nerr, d2.nerr);
	assert_int_equal(d1.nwarn, d2.nwarn);
	for (size_t i = 0; i < d1.n; i++) {
		assert_int_equal(d1.v[i].code, d2.v[i].code);
		assert_int_equal(d1.v[i].sev, d2.v[i].sev);
		assert_string_equal(d1.v[i].loc.file, d2.v[i].loc.file);
		assert_int_equal(d1.v[i].loc.line, d2.v[i].loc.line);
		assert_int_equal(d1.v[i].loc.col, d2.v[i].loc.col);
		assert_string_equal(d1.v[i].msg, d2.v[i].msg);
	}
	assert_int_equal(r1->nfiles, r2->nfiles);
	for (size_t i = 0; i < r1->nfiles; i++) {
		assert_string_equal(r1->files[i].path, r2->files[i].path);
		assert_true((r1->files[i].kind == NULL) ==
			    (r2->files[i].kind == NULL));
		if (r1->files[i].kind)
			assert_string_equal(r1->files[i].kind,
					    r2->files[i].kind);
		same_tree(r1->files[i].root, r2->files[i].root);
	}
	/* in file order, then the normalizer's compile */
	const struct want *w = kinds == FC_KIND_ALL ? want_all : want_text;
	size_t nw = 0;
	while (w[nw].msg)
		nw++;
	assert_int_equal(d2.n, nw);
	for (size_t i = 0; i < nw; i++) {
		char file[128];
		snprintf(file, sizeof(file), "%s/%s", dir, w[i].file);
		fc_assert_diag(&d2, i, file, w[i].line, w[i].col, w[i].msg);
	}
	fc_rules_destroy(r1);
	fc_rules_destroy(r2);
	fc_diags_finish(&d1);
	fc_diags_finish(&d2);
}

static void test_text_kinds(void **state)
{
	(void)state;
	compare(FC_KIND_TEXT);
}

static void test_all_kinds(void **state)
{
	(void)state;
	compare(FC_KIND_ALL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_kinds),
		cmocka_unit_test(test_all_kinds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
