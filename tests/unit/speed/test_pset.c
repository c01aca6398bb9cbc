/*
** test_pset.c: the shortening of large sets of start strings
** (norm_ps_norm in norm_pset_norm.c) reads only the strings each pass can
** change; it must give exactly what the pass-over-everything reference
** (norm_ps_norm_all) gives: the same strings in the same order and the
** same classes interned. Checked on random sets with few classes (many
** duplicates and merges), and with the class table nearly full (merges
** then drop classes and the reference takes over).
*/
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_first_p.h"

static uint64_t rng;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void fa_init(struct fa *f)
{
	memset(f, 0, sizeof(*f));
	f->sets = calloc(NSETS, sizeof(*f->sets));
	assert_non_null(f->sets);
	f->nsets = 1;
}

static void fa_copy(struct fa *to, const struct fa *from)
{
	fa_init(to);
	memcpy(to->sets, from->sets, NSETS * sizeof(*to->sets));
	to->nsets = from->nsets;
	memcpy(to->weight, from->weight, sizeof(to->weight));
	memcpy(to->hset, from->hset, sizeof(to->hset));
}

static void fa_free(struct fa *f)
{
	norm_ps_spares_free(f);
	free(f->sets);
	free(f->hash);
	free(f->heads);
}

/* nclasses classes of one to three letters, interned into f. */
static void classes(struct fa *f, size_t nclasses, uint8_t *ids)
{
	for (size_t i = 0; i < nclasses; i++) {
		bset b = {0};
		for (uint64_t k = next() % 3 + 1; k--;)
			bs_set(b, 'a' + (unsigned)(next() % 26));
		bs_set(b, 128 + (unsigned)(i % 128)); /* each one new */
		if (i >= 128)
			bs_set(b, 0xF0);
		ids[i] = norm_fa_intern(f, b);
		assert_false(f->is_bad);
	}
}

/* n random strings over the first nids of ids. */
static void random_set(struct fa *f, struct pset *p, size_t n,
		       const uint8_t *ids, size_t nids)
{
	for (size_t i = 0; i < n; i++) {
		struct norm_pstr s = norm_ps_eps(0, 0);
		s.len = (uint8_t)(next() % (NORM_PK + 1));
		for (uint8_t k = 0; k < s.len; k++) {
			s.sym[k] = ids[next() % nids];
			if (next() % 8 == 0)
				s.loop |= (uint16_t)(1u << k);
		}
		s.flags = (uint8_t)(next() % 4); /* F_TRUNC, F_WS */
		if (next() % 4 == 0)
			s.x = ids[next() % nids];
		norm_ps_push(f, p, &s);
	}
}

/* Shorten one random set both ways; the results must be the same. */
static void compare(size_t n, size_t nids, size_t nfill)
{
	struct fa f0, fa, fb;
	uint8_t ids[256];
	fa_init(&f0);
	classes(&f0, nids + nfill, ids);
	struct pset a = {0}, b = {0};
	random_set(&f0, &a, n, ids, nids);
	fa_copy(&fa, &f0);
	fa_copy(&fb, &f0);
	for (size_t i = 0; i < a.n; i++)
		norm_ps_push(&fb, &b, &a.v[i]);
	norm_ps_norm(&fa, &a);
	norm_ps_norm_all(&fb, &b);
	assert_int_equal(fa.is_bad, fb.is_bad);
	assert_int_equal(a.n, b.n);
	assert_true(a.n <= SET_MAX || fa.is_bad);
	assert_memory_equal(a.v, b.v, a.n * sizeof(*a.v));
	assert_int_equal(fa.nsets, fb.nsets);
	assert_memory_equal(fa.sets, fb.sets, fa.nsets * sizeof(*fa.sets));
	norm_ps_free(&fa, &a);
	norm_ps_free(&fb, &b);
	fa_free(&f0);
	fa_free(&fa);
	fa_free(&fb);
}

static void test_large_sets(void **state)
{
	(void)state;
	rng = 0x9E3779B97F4A7C15ull;
	static const size_t sizes[] = {385, 500, 1000, 3000, 6000};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes); i++)
		for (size_t nids = 2; nids <= 12; nids += 5)
			for (int rep = 0; rep < 4; rep++)
				compare(sizes[i], nids, 0);
}

static void test_full_class_table(void **state)
{
	(void)state;
	rng = 0x2545F4914F6CDD1Dull;
	/* 250 classes of 255: a few unions fit, then groups lose their
	** last class */
	for (int rep = 0; rep < 8; rep++) {
		compare(2000, 6, 244);
		compare(800, 3, 247);
	}
}

/* Small sets only lose duplicates, the first of each kept. */
static void test_small_set_dedupes(void **state)
{
	(void)state;
	struct fa f;
	fa_init(&f);
	uint8_t ids[4];
	rng = 7;
	classes(&f, 4, ids);
	struct pset p = {0};
	struct norm_pstr s = norm_ps_eps(0, 0), t = s;
	s.len = 2;
	s.sym[0] = ids[0];
	s.sym[1] = ids[1];
	t.len = 1;
	t.sym[0] = ids[2];
	norm_ps_push(&f, &p, &s);
	norm_ps_push(&f, &p, &t);
	norm_ps_push(&f, &p, &s);
	norm_ps_push(&f, &p, &t);
	norm_ps_norm(&f, &p);
	assert_int_equal(p.n, 2);
	assert_memory_equal(&p.v[0], &s, sizeof(s));
	assert_memory_equal(&p.v[1], &t, sizeof(t));
	norm_ps_free(&f, &p);
	fa_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_large_sets),
		cmocka_unit_test(test_full_class_table),
		cmocka_unit_test(test_small_set_dedupes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
