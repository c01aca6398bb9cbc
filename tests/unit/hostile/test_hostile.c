/*
** test_hostile.c: inputs found by the fuzz targets (fuzz/), one test per
** bug, each asserting what the code must do with them. The seeds that
** found them are in fuzz/corpus/<target>/crash-* (replayed by the
** `fuzz` suite).
*/
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "extract/lexicon_p.h"
#include "fc_test.h"

/*
** fuzz/normalize: ASCII marks take two bytes of the tokenizer's form
** buffer per byte of text (the mark and a space), more than it reserves,
** so 128 of them fill its first 256 bytes to the last one; the word after
** them was written past the buffer (the room left, 0 - 1, wrapped).
*/
static void test_tokens_after_full_forms(void **state)
{
	(void)state;
	char text[128 + 5];
	memset(text, '!', 128);
	memcpy(text + 128, "Word", 5);
	struct lx_toks t = {0};
	assert_int_equal(lx_tokenize(&t, text, 132), FC_OK);
	assert_int_equal(t.n, 129);
	assert_int_equal(t.norm_len, 256 + 5);
	const struct lx_tok *w = &t.v[128];
	assert_int_equal(w->start, 128);
	assert_int_equal(w->end, 132);
	assert_int_equal(w->norm_len, 4);
	assert_memory_equal(t.norm + w->norm_off, "word ", 5);
	assert_int_equal(t.v[127].start, 127);
	assert_memory_equal(t.norm + t.v[127].norm_off, "! ", 2);
	lx_toks_finish(&t);
}

/* Load the built-in rules of kinds with yaml as DIR/fuzz.yaml beside
** them; the status, and the diagnostics in d. *path: the file's path
** (static). */
static fc_status load_beside(const char *yaml, unsigned kinds,
			     struct fc_diags *d, const char **path)
{
	static char dir[64], file[96];
	snprintf(dir, sizeof(dir), "/tmp/fc-hostile-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/fuzz.yaml", dir);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	assert_int_equal(fputs(yaml, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	const char *dirs[] = {dir, NULL};
	struct fc_rules *r = NULL;
	setenv("FACTCROSS_RULES", FC_SOURCE_ROOT "/rules", 1);
	fc_status st = fc_rules_load_kinds(dirs, 1, kinds, &r, d);
	fc_rules_destroy(r);
	remove(file);
	rmdir(dir);
	*path = file;
	return st;
}

/*
** fuzz/rules: a check's key with an entry that is no string ("[a: b]" is
** a mapping) was reported, but the list kept NULL there and the
** message's placeholders were looked up in it (strlen(NULL)).
*/
static void test_check_key_not_string(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	const char *path;
	fc_status st = load_beside("kind: checks\n"
				   "checks:\n"
				   "  - id: strike.polarity\n"
				   "    kind: strike\n"
				   "    key: [attstart: target]\n"
				   "    field: polarity\n"
				   "    message: \"{attacker} struck {target}\"\n",
				   FC_KIND_CHECKS | FC_KIND_CLAIMS, &d, &path);
	assert_int_equal(st, FC_ESCHEMA);
	assert_int_equal(d.n, 3);
	fc_assert_diag(&d, 0, path, 5, 11,
		       "key must be a string, not a mapping");
	fc_assert_diag(&d, 1, path, 7, 15,
		       "unknown placeholder '{attacker}' in message (a key "
		       "slot, the compared field, value, values, kind, field, "
		       "when, rule, status, sources, independent_sources or "
		       "versions)");
	fc_assert_diag(&d, 2, path, 7, 33,
		       "unknown placeholder '{target}' in message (a key "
		       "slot, the compared field, value, values, kind, field, "
		       "when, rule, status, sources, independent_sources or "
		       "versions)");
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens_after_full_forms),
		cmocka_unit_test(test_check_key_not_string),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
