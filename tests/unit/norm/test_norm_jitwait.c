/*
** test_norm_jitwait.c: threads that need a pattern's JIT copy while
** another thread compiles it sleep until it is done (norm_jit.c: a
** futex, not a spin). Each round loads the rules afresh (no copy made
** yet) and starts 8 threads together on a text the interpreter gives up
** on: the first try of each needs the JIT copy, one thread compiles it,
** the others wait for it (3000 alternatives make the compile long
** enough that most rounds have sleepers). Every thread must get the
** JIT's match, and none may hang (the test's timeout: without the wake
** it hangs).
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>

#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"
#define NTHREADS 8
#define ROUNDS 20

struct job {
	struct fc_rules *r;
	const char *text;
	pthread_barrier_t *go;
	bool is_ok;
};

/* One try at "x", 1000 letters, "y": the interpreter gives up (depth
** limit), the JIT matches it whole. No cmocka assertion: a thread. */
static void *run_job(void *arg)
{
	struct job *j = arg;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = fc_arena_strdup(&a, j->text);
	doc.text_len = strlen(j->text);
	doc.published = "2026-01-16";
	struct fc_diags d;
	fc_diags_init(&d);
	pthread_barrier_wait(j->go);
	j->is_ok = fc_norm_doc(j->r, &a, &doc, &d) == FC_OK && d.nerr == 0 &&
		   d.nwarn == 0 && doc.nmentions == 1 &&
		   doc.mentions[0].start == 0 &&
		   doc.mentions[0].end == doc.text_len;
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	return NULL;
}

static void test_norm_jitwait_threads_wait_for_one_compile(void **state)
{
	(void)state;
	uint32_t has_jit = 0;
	if (pcre2_config(PCRE2_CONFIG_JIT, &has_jit) < 0 || !has_jit)
		skip();
	char text[1003];
	text[0] = 'x';
	memset(text + 1, 'a', 1000);
	memcpy(text + 1001, "y", 2);
	for (int round = 0; round < ROUNDS; round++) {
		struct fc_rules *r = fc_test_load_rules(DATA "/jitwait.yaml", 0);
		pthread_barrier_t go;
		assert_int_equal(pthread_barrier_init(&go, NULL, NTHREADS), 0);
		struct job j[NTHREADS];
		pthread_t t[NTHREADS];
		for (int k = 0; k < NTHREADS; k++) {
			j[k] = (struct job){r, text, &go, false};
			assert_int_equal(
				pthread_create(&t[k], NULL, run_job, &j[k]), 0);
		}
		for (int k = 0; k < NTHREADS; k++) {
			assert_int_equal(pthread_join(t[k], NULL), 0);
			assert_true(j[k].is_ok);
		}
		pthread_barrier_destroy(&go);
		fc_rules_destroy(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_jitwait_threads_wait_for_one_compile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
