/*
** test_starts.c: the start tables of the normalizer scan (norm_first.c,
** norm_trie.c) never miss where a match starts: over every sentence of a
** text, every match of the unanchored search of every pattern they serve
** starts at a queued position (norm_check_starts). Checked for the
** built-in rules on the seed corpus and on a mangled text, and for rules
** written to need each construct the analysis reads.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_p.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/speed/data"
#define SEED FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16"

static void append_file(struct fc_buf *b, const char *path)
{
	char *t;
	size_t n;
	assert_int_equal(fc_file_read(path, 1u << 24, &t, &n), FC_OK);
	fc_buf_add(b, t, n);
	fc_buf_adds(b, "\n\n");
	free(t);
}

/* Every pattern of r that the tables serve, and how many do. */
static size_t served(const struct fc_rules *r, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < r->norm->npatterns; i++) {
		const struct norm_pattern *p = &r->norm->patterns[i];
		bool ok = norm_is_anchored(p);
		if (id && !strcmp(p->id, id))
			return ok;
		n += ok;
	}
	return id ? 0 : n;
}

static void test_builtin_seed_and_mangled(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(NULL, 1);
	assert_true(served(r, NULL) >= r->norm->npatterns * 9 / 10);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	DIR *dp = opendir(SEED);
	assert_non_null(dp);
	struct dirent *de;
	char path[512];
	size_t nfiles = 0;
	while ((de = readdir(dp))) {
		if (!fc_str_ends_with(de->d_name, ".txt"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", SEED, de->d_name);
		append_file(&b, path);
		nfiles++;
	}
	closedir(dp);
	assert_true(nfiles >= 3);
	/* a mangled text: U+212A (K) and U+017F (s) where caseless k and s
	** may match, digit runs, dashes, odd spacing and case */
	fc_buf_adds(&b,
		    "About 3 \xE2\x84\xAAilometres and \xC5\xBFix thou\xC5\xBF"
		    "and people, 12,500 or 0.5 percent; 1,0 or ,0 and 2.\n\n"
		    "NEARLY $3 BILLION on 2 March 2025 at 10:30 a.m. GMT, "
		    "twenty-five per cent, one in three, 4 out of 5\n\n"
		    "1234567890123456789012345678901234567890 "
		    "--- 5 - 6 \xE2\x80\x93 7th 21st 1990s '90s\n\n"
		    "last week,the day before yesterday;early\nJanuary 2026\n");
	size_t nmatch = 0;
	size_t missed = norm_check_starts(r, fc_buf_cstr(&b), b.len, &nmatch);
	assert_int_equal(missed, 0);
	assert_true(nmatch >= 40);
	fc_buf_finish(&b);
	fc_rules_destroy(r);
}

static void test_tricky_constructs(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/starts", 0);
	/* each of them is served by the tables, none left unanchored */
	const char *ids[] = {"t.call-first", "t.backref", "t.cond-ahead",
			     "t.inline-case", "t.behind-word", "t.trie",
			     "t.loop-digits", "t.bos"};
	for (size_t i = 0; i < sizeof(ids) / sizeof(*ids); i++)
		assert_int_equal(served(r, ids[i]), 1);
	const char *text =
		"Two and 3 km. One and two miles. 5 or 5 and 6 or 7. "
		"1,0 and ,0 then 12 x. It was 0.5 or 0. Per cent, per CENT, "
		"PER cent but not per Cent.\n\n"
		"ax12 then 9x34 and x5. Seventeen hundred, sixty, ten, two "
		"hundred, seven. 1.2.3rd and 21st and 4th.\n";
	size_t nmatch = 0;
	size_t missed = norm_check_starts(r, text, strlen(text), &nmatch);
	assert_int_equal(missed, 0);
	/* the matches themselves, so the check cannot pass on nothing */
	assert_true(nmatch >= 20);
	/* ^ and \A: position 0 is tried. Matches: t.bos 2 (12 km, at 14
	** km; #7km, at 9km), t.cond-ahead 3 (the numbers), t.call-first 3
	** and 1 (a number, a space, km) */
	for (size_t i = 0; i < r->norm->npatterns; i++)
		if (!strcmp(r->norm->patterns[i].id, "t.bos"))
			assert_true(r->norm->patterns[i].first.is_bos);
	const char *bos[] = {"12 km and 13 km, at 14 km.\n",
			     "#7km then 8 km at 9km.\n"};
	for (size_t i = 0; i < 2; i++) {
		missed = norm_check_starts(r, bos[i], strlen(bos[i]), &nmatch);
		assert_int_equal(missed, 0);
		assert_int_equal(nmatch, i ? 6 : 8);
	}
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_seed_and_mangled),
		cmocka_unit_test(test_tricky_constructs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
