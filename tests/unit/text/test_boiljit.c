/*
** test_boiljit.c: boilerplate regexes run on the interpreter until they
** prove hot (core/lazyre.c, boiler_load.c's policy): none has a JIT copy
** after loading; a regex gets one on the try that brings the bytes its
** tries were given to its code's size (a long first try at once), or
** after 4 matches; results are
** the same on both engines; a try both engines give up on returns the
** interpreter's error (and the JIT copy is made to try it).
*/
#include <unistd.h>

#include "fc_test.h"
#include "text/text_p.h"

static char tmpdir[200];

static const char RULES[] =
	"kind: boilerplate\n"
	"rules:\n"
	"  - id: ad\n"
	"    pattern: '^ADVERTISEMENT$'\n"
	"    action: drop\n"
	"  - id: nested\n"
	"    pattern: '^(a+)+$'\n"
	"    action: drop\n";

static int setup(void **state)
{
	(void)state;
	if (fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-boiljit"))
		return -1;
	char path[300];
	snprintf(path, sizeof(path), "%s/b.yaml", tmpdir);
	return fc_file_write(path, RULES, strlen(RULES)) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

static struct fc_rules *load(void)
{
	const char *dirs[] = {tmpdir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	assert_int_equal(d.n, 0);
	fc_diags_finish(&d);
	assert_non_null(r->boiler);
	assert_int_equal(r->boiler->nrules, 2);
	return r;
}

static bool has_jit(void)
{
	uint32_t jit = 0;
	pcre2_config(PCRE2_CONFIG_JIT, &jit);
	return jit;
}

static int try(struct fc_rules *r, size_t rule, const char *s,
	       pcre2_match_data *md)
{
	return fc_lazy_re_match(&text_boiler_jit,
				&r->boiler->rules[rule].codes[0], s, strlen(s), 0,
				md, r->boiler->mctx);
}

static bool is_jit(struct fc_rules *r, size_t rule)
{
	return atomic_load(&r->boiler->rules[rule].codes[0].jit) != NULL;
}

/* Bytes: interpreted until the tries have read the code's size. */
static void test_hot_by_bytes(void **state)
{
	(void)state;
	struct fc_rules *r = load();
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	struct fc_lazy_re *bc = &r->boiler->rules[0].codes[0];
	assert_false(is_jit(r, 0));
	assert_false(is_jit(r, 1));
	assert_true(bc->size > 40);
	const char *s = "Officials said on Monday."; /* 25 bytes */
	size_t tries = 0;
	while (atomic_load(&bc->read) + 25 < bc->size) {
		assert_int_equal(try(r, 0, s, md), PCRE2_ERROR_NOMATCH);
		assert_false(is_jit(r, 0));
		tries++;
	}
	assert_int_equal(tries, (bc->size - 1) / 25);
	assert_int_equal(try(r, 0, s, md), PCRE2_ERROR_NOMATCH);
	assert_int_equal(is_jit(r, 0), has_jit());
	/* the same answers from the copy */
	assert_int_equal(try(r, 0, "ADVERTISEMENT", md), 1);
	assert_int_equal(try(r, 0, "ADVERTISEMENT now", md),
			 PCRE2_ERROR_NOMATCH);
	assert_false(is_jit(r, 1)); /* the other rule untouched */
	pcre2_match_data_free(md);
	fc_rules_destroy(r);
}

/* A first try as long as the code: a JIT copy at once. */
static void test_hot_by_long_try(void **state)
{
	(void)state;
	struct fc_rules *r = load();
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	struct fc_lazy_re *bc = &r->boiler->rules[0].codes[0];
	char *s = calloc(bc->size + 1, 1);
	memset(s, '-', bc->size);
	assert_int_equal(try(r, 0, s, md), PCRE2_ERROR_NOMATCH);
	assert_int_equal(is_jit(r, 0), has_jit());
	free(s);
	pcre2_match_data_free(md);
	fc_rules_destroy(r);
}

/* Matches: the fifth try after four matches runs a JIT copy. */
static void test_hot_by_matches(void **state)
{
	(void)state;
	struct fc_rules *r = load();
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	struct fc_lazy_re *bc = &r->boiler->rules[0].codes[0];
	assert_true(bc->size > 4 * 13 + 1);
	for (int i = 0; i < 4; i++) {
		assert_false(is_jit(r, 0));
		assert_int_equal(try(r, 0, "ADVERTISEMENT", md), 1);
	}
	assert_int_equal(atomic_load(&bc->matches), 4);
	assert_false(is_jit(r, 0));
	assert_int_equal(try(r, 0, "x", md), PCRE2_ERROR_NOMATCH);
	assert_int_equal(is_jit(r, 0), has_jit());
	pcre2_match_data_free(md);
	fc_rules_destroy(r);
}

/* A try both engines give up on: the interpreter's error. */
static void test_given_up(void **state)
{
	(void)state;
	struct fc_rules *r = load();
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	const char *bad = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
	/* a match; 0: the match data holds no room for the group, as in
	** boiler.c (any rc >= 0 is a match) */
	assert_int_equal(try(r, 1, "aaaa", md), 0);
	assert_int_equal(try(r, 1, bad, md), PCRE2_ERROR_MATCHLIMIT);
	/* the JIT copy was made to try it, and gave up too */
	assert_int_equal(is_jit(r, 1), has_jit());
	assert_int_equal(try(r, 1, bad, md), PCRE2_ERROR_MATCHLIMIT);
	assert_int_equal(try(r, 1, "aaaa", md), 0);
	pcre2_match_data_free(md);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hot_by_bytes),
		cmocka_unit_test(test_hot_by_long_try),
		cmocka_unit_test(test_hot_by_matches),
		cmocka_unit_test(test_given_up),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
