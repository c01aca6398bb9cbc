/*
** test_once.c: work done once (core/once.h): one thread claims it,
** the others sleep until it is done and then see what it published; a
** sleeper marks the state so that fc_once_done wakes it (a missed wake
** would hang the test, which meson's timeout fails).
*/
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "fc_test.h"
#include "core/once.h"

static void test_claim_once(void **state)
{
	(void)state;
	atomic_uint st;
	atomic_init(&st, FC_ONCE_IDLE);
	assert_false(fc_once_is_done(&st));
	assert_true(fc_once_claim(&st));
	assert_false(fc_once_claim(&st)); /* claimed */
	assert_false(fc_once_is_done(&st));
	fc_once_done(&st);
	assert_true(fc_once_is_done(&st));
	assert_false(fc_once_claim(&st)); /* done */
	fc_once_wait(&st);                /* returns at once */
	atomic_uint idle;
	atomic_init(&idle, FC_ONCE_IDLE);
	fc_once_wait(&idle); /* nobody claimed it: nothing to wait for */
	assert_int_equal(atomic_load(&idle), FC_ONCE_IDLE);
}

struct shared {
	atomic_uint state;
	atomic_int value; /* published by the claiming thread */
	atomic_int claims;
	int seen[8];
};

struct arg {
	struct shared *s;
	int k;
};

static void *sleeper(void *p)
{
	struct arg *a = p;
	fc_once_wait(&a->s->state);
	a->s->seen[a->k] =
		atomic_load_explicit(&a->s->value, memory_order_relaxed);
	return NULL;
}

static void test_sleepers_are_woken(void **state)
{
	(void)state;
	struct shared s = {0};
	atomic_init(&s.state, FC_ONCE_IDLE);
	assert_true(fc_once_claim(&s.state));
	pthread_t t[4];
	struct arg a[4];
	for (int k = 0; k < 4; k++) {
		a[k] = (struct arg){&s, k};
		assert_int_equal(pthread_create(&t[k], NULL, sleeper, &a[k]), 0);
	}
	/* a sleeper marks the state before it sleeps */
	for (int i = 0; i < 5000 && atomic_load(&s.state) != FC_ONCE_WAITED;
	     i++)
		nanosleep(&(struct timespec){0, 1000000}, NULL);
	assert_int_equal(atomic_load(&s.state), FC_ONCE_WAITED);
	atomic_store_explicit(&s.value, 42, memory_order_relaxed);
	fc_once_done(&s.state);
	for (int k = 0; k < 4; k++) {
		assert_int_equal(pthread_join(t[k], NULL), 0);
		assert_int_equal(s.seen[k], 42);
	}
}

static void *racer(void *p)
{
	struct arg *a = p;
	struct shared *s = a->s;
	if (fc_once_claim(&s->state)) {
		atomic_fetch_add(&s->claims, 1);
		atomic_store_explicit(&s->value, 7, memory_order_relaxed);
		fc_once_done(&s->state);
	} else {
		fc_once_wait(&s->state);
	}
	s->seen[a->k] = atomic_load_explicit(&s->value, memory_order_relaxed);
	return NULL;
}

static void test_one_claim_in_a_race(void **state)
{
	(void)state;
	for (int round = 0; round < 300; round++) {
		struct shared s = {0};
		atomic_init(&s.state, FC_ONCE_IDLE);
		pthread_t t[8];
		struct arg a[8];
		for (int k = 0; k < 8; k++) {
			a[k] = (struct arg){&s, k};
			assert_int_equal(
				pthread_create(&t[k], NULL, racer, &a[k]), 0);
		}
		for (int k = 0; k < 8; k++)
			assert_int_equal(pthread_join(t[k], NULL), 0);
		assert_int_equal(atomic_load(&s.claims), 1);
		assert_true(fc_once_is_done(&s.state));
		for (int k = 0; k < 8; k++)
			assert_int_equal(s.seen[k], 7);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_claim_once),
		cmocka_unit_test(test_sleepers_are_woken),
		cmocka_unit_test(test_one_claim_in_a_race),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
