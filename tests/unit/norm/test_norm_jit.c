/*
** test_norm_jit.c: a pattern runs interpreted for its first tries, then
** JIT compiled (norm_jit.c); a try that one engine gives up on is run on
** the other, so the mentions of a text do not depend on how many tries
** came before it: "x", 1000 letters, "y" is too deep for the
** interpreter (depth limit 1000) and matches x(?:a|b)*y on the JIT
** (before, it was no mention for the first tries and a mention once the
** pattern was compiled); with 2000 letters both give up on every try
** (the JIT's stack is full), and the text has no mention and one limit
** warning (before, a mention for the first tries, when the interpreter
** went 5000 deep, and none after). Two threads
** sharing the rules see the same (the second waits for the compile the
** first began when its interpreter gives up).
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>

#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The cases that need the JIT to decide are skipped on a PCRE2 built
** without one (there the interpreter alone decides, and gives up). */
static void need_jit(void)
{
	uint32_t has_jit = 0;
	if (pcre2_config(PCRE2_CONFIG_JIT, &has_jit) < 0 || !has_jit)
		skip();
}

/* "x", nletters times "a", "y" (malloc). */
static char *deep_text(size_t nletters)
{
	char *s = malloc(nletters + 3);
	assert_non_null(s);
	s[0] = 'x';
	memset(s + 1, 'a', nletters);
	memcpy(s + 1 + nletters, "y", 2);
	return s;
}

/* Does text have nm mentions (the first PRESENT_REF ending at end) and
** nwarn warnings? No cmocka assertion: a second thread calls it too. */
static bool is_as_expected(struct fc_rules *r, const char *text, size_t nm,
			   size_t end, size_t nwarn)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = fc_arena_strdup(&a, text);
	doc.text_len = strlen(text);
	doc.published = "2026-01-16";
	struct fc_diags d;
	fc_diags_init(&d);
	bool ok = fc_norm_doc(r, &a, &doc, &d) == FC_OK && d.nerr == 0 &&
		  d.nwarn == nwarn && doc.nmentions == nm;
	if (ok && nm)
		ok = doc.mentions[0].start == 0 &&
		     doc.mentions[0].end == end &&
		     !strcmp(doc.mentions[0].time.value, "PRESENT_REF");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	return ok;
}

/* 100 runs: well past the tries after which the pattern is compiled */
#define RUNS 100

struct job {
	struct fc_rules *r;
	const char *deep, *deeper; /* 1000 and 2000 letters */
	int nbad;
};

/* RUNS times each text, as is_as_expected; nbad: how often not. */
static void *run_job(void *arg)
{
	struct job *j = arg;
	for (int i = 0; i < RUNS; i++) {
		if (j->deep)
			j->nbad += !is_as_expected(j->r, j->deep, 1, 1002, 0);
		if (j->deeper)
			j->nbad += !is_as_expected(j->r, j->deeper, 0, 0, 1);
	}
	return NULL;
}

static void test_norm_jit_jit_decides_when_interpreter_gives_up(void **state)
{
	(void)state;
	need_jit();
	struct fc_rules *r = fc_test_load_rules(DATA "/jit.yaml", 0);
	char *deep = deep_text(1000);
	struct job j = {r, deep, NULL, 0};
	run_job(&j);
	assert_int_equal(j.nbad, 0);
	free(deep);
	fc_rules_destroy(r);
}

static void test_norm_jit_both_give_up_on_every_try(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/jit.yaml", 0);
	char *deeper = deep_text(2000);
	struct job j = {r, NULL, deeper, 0};
	run_job(&j);
	assert_int_equal(j.nbad, 0);
	/* a short one still matches, on the JIT now */
	assert_true(is_as_expected(r, "xaby", 1, 4, 0));
	free(deeper);
	fc_rules_destroy(r);
}

static void test_norm_jit_two_threads_agree(void **state)
{
	(void)state;
	need_jit();
	struct fc_rules *r = fc_test_load_rules(DATA "/jit.yaml", 0);
	char *deep = deep_text(1000), *deeper = deep_text(2000);
	struct job j[2] = {{r, deep, deeper, 0}, {r, deep, deeper, 0}};
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, run_job, &j[1]), 0);
	run_job(&j[0]);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(j[0].nbad, 0);
	assert_int_equal(j[1].nbad, 0);
	free(deep);
	free(deeper);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_norm_jit_jit_decides_when_interpreter_gives_up),
		cmocka_unit_test(test_norm_jit_both_give_up_on_every_try),
		cmocka_unit_test(test_norm_jit_two_threads_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
