/*
** test_lexicon_golden.c: run the `tests:` golden cases of every
** rules/lexicon YAML file through the lexicon stage alone (the real
** files, the real iso-codes list) and check every `expect` entry matches
** some mention and no `reject` entry matches any. Every lexicon file
** must carry tests.
*/
#include "lx_test.h"

static const char *field(const struct lx_item *it, const char *key)
{
	static const struct {
		const char *key;
		size_t off;
	} f[] = {
		{"kind", offsetof(struct lx_item, kind)},
		{"text", offsetof(struct lx_item, text)},
		{"rule", offsetof(struct lx_item, rule)},
		{"id", offsetof(struct lx_item, id)},
		{"label", offsetof(struct lx_item, label)},
		{"type", offsetof(struct lx_item, type)},
		{"country", offsetof(struct lx_item, country)},
		{"role", offsetof(struct lx_item, role)},
		{"speaker", offsetof(struct lx_item, speaker)},
		{"source", offsetof(struct lx_item, source)},
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(*f); i++)
		if (!strcmp(f[i].key, key))
			return *(const char *const *)((const char *)it + f[i].off);
	return NULL;
}

static int matches(const struct lx_item *it, const struct fc_ynode *want)
{
	for (size_t k = 0; k + 1 < want->nkids; k += 2) {
		const char *v = field(it, want->kids[k]->str);
		if (!v || strcmp(v, want->kids[k + 1]->str))
			return 0;
	}
	return 1;
}

static void print_want(const struct fc_ynode *want)
{
	fprintf(stderr, "{");
	for (size_t k = 0; k + 1 < want->nkids; k += 2)
		fprintf(stderr, "%s%s: %s", k ? ", " : "", want->kids[k]->str,
			want->kids[k + 1]->str);
	fprintf(stderr, "}");
}

static int run_file(const struct fc_rules *r, const char *path, int is_norm,
		    int *ncases)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_diags d;
	fc_diags_init(&d);
	char *data;
	size_t len;
	int bad = 0;
	assert_int_equal(fc_file_read(path, 16u << 20, &data, &len), FC_OK);
	struct fc_ynode *root;
	assert_int_equal(fc_yaml_load(&a, path, data, len, &root, &d), FC_OK);
	const struct fc_ynode *tests = fc_ymap_get(root, "tests");
	if (!tests || tests->type != FC_Y_SEQ || !tests->nkids) {
		fprintf(stderr, "%s: no tests\n", path);
		bad++;
	}
	for (size_t t = 0; tests && t < tests->nkids; t++) {
		const struct fc_ynode *tc = tests->kids[t];
		const struct fc_ynode *text = fc_ymap_get(tc, "text");
		if (!text)
			continue;
		(*ncases)++;
		struct fc_document doc;
		size_t n;
		const struct fc_ynode *ref = fc_ymap_get(tc, "ref");
		struct lx_item *items =
			lx_run_at(r, &a, &doc, text->str, is_norm,
				  ref ? ref->str : NULL, &n);
		int case_bad = 0;
		const struct fc_ynode *ex = fc_ymap_get(tc, "expect");
		for (size_t e = 0; ex && e < ex->nkids; e++) {
			size_t i;
			for (i = 0; i < n && !matches(&items[i], ex->kids[e]); i++)
				;
			if (i == n) {
				fprintf(stderr, "%s:%u: expected ", path,
					(unsigned)ex->kids[e]->loc.line);
				print_want(ex->kids[e]);
				fputc('\n', stderr);
				case_bad = 1;
			}
		}
		const struct fc_ynode *rj = fc_ymap_get(tc, "reject");
		for (size_t e = 0; rj && e < rj->nkids; e++)
			for (size_t i = 0; i < n; i++)
				if (matches(&items[i], rj->kids[e])) {
					fprintf(stderr, "%s:%u: rejected ",
						path,
						(unsigned)rj->kids[e]->loc.line);
					print_want(rj->kids[e]);
					fprintf(stderr, " matched '%s'\n",
						items[i].text);
					case_bad = 1;
				}
		if (case_bad || getenv("LX_DUMP")) {
			fprintf(stderr, "  text: %s\n", text->str);
			lx_print_items(items, n);
		}
		bad += case_bad;
	}
	free(data);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	return bad;
}

static int run_all(const struct fc_rules *r, int is_norm)
{
	DIR *dp = opendir(LX_RULES);
	assert_non_null(dp);
	struct dirent *e;
	int bad = 0, nfiles = 0, ncases = 0;
	while ((e = readdir(dp))) {
		if (!fc_str_ends_with(e->d_name, ".yaml"))
			continue;
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", LX_RULES, e->d_name);
		bad += run_file(r, path, is_norm, &ncases);
		nfiles++;
	}
	closedir(dp);
	fprintf(stderr, "%d lexicon files, %d golden cases%s, %d failing\n",
		nfiles, ncases, is_norm ? " (after the normalizer)" : "", bad);
	assert_true(nfiles >= 6);
	assert_true(ncases >= 40);
	return bad;
}

/* The lexicon stage alone, on the lexicon files only. */
static void test_golden_cases_of_every_lexicon_file(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	if (d.n)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(d.nerr, 0);
	assert_int_equal(run_all(r, 0), 0);
	lx_rules_free(r);
	fc_diags_finish(&d);
}

/* The same cases on the whole built-in suite, with times and
** quantities found first as in the pipeline ("the two leaders" holds a
** quantity). */
static void test_golden_cases_after_the_normalizer(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load(NULL, 1, &r, &d);
	if (st)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(st, FC_OK);
	assert_int_equal(run_all(r, 1), 0);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_cases_of_every_lexicon_file),
		cmocka_unit_test(test_golden_cases_after_the_normalizer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
