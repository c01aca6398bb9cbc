/*
** test_wdiff.c: the words of a quote (normalised forms, spans as
** written, elisions, hostile bytes, the word cap) and the word LCS
** (against a dynamic-programming LCS on random sequences, and its cost
** on the largest inputs).
*/
#include <time.h>

#include "check_test.h"

struct want_word {
	const char *norm, *written;
	bool is_gap;
};

static void assert_words(const char *s, size_t len,
			 const struct want_word *w, size_t n)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_wd_text t;
	assert_true(fc_wd_split(&a, s, len, &t));
	if (t.n != n)
		for (size_t i = 0; i < t.n; i++)
			print_message("word %zu: '%s'\n", i, t.w[i].norm);
	assert_int_equal(t.n, n);
	assert_false(t.is_capped);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(t.w[i].norm, w[i].norm);
		assert_true(t.w[i].end <= len && t.w[i].start < t.w[i].end);
		size_t wl = strlen(w[i].written);
		assert_int_equal(t.w[i].end - t.w[i].start, wl);
		assert_memory_equal(s + t.w[i].start, w[i].written, wl);
		assert_int_equal(t.w[i].is_gap, w[i].is_gap);
	}
	fc_arena_finish(&a);
}

static void test_words_drop_case_punctuation_and_quote_marks(void **state)
{
	(void)state;
	static const char s[] =
		"\xE2\x80\x9C" "De-escalate,\xE2\x80\x9D he said: the "
		"president\xE2\x80\x99s 1,000 troops (3.5%) \xE2\x80\x94 "
		"won't-go. 10.";
	static const struct want_word w[] = {
		{"deescalate", "De-escalate", false},
		{"he", "he", false},
		{"said", "said", false},
		{"the", "the", false},
		{"presidents", "president\xE2\x80\x99s", false},
		{"1000", "1,000", false},
		{"troops", "troops", false},
		{"3.5", "3.5", false},
		{"wontgo", "won't-go", false},
		{"10", "10", false},
	};
	assert_words(s, strlen(s), w, sizeof(w) / sizeof(*w));
}

static void test_words_fold_latin_greek_cyrillic(void **state)
{
	(void)state;
	static const char s[] = "\xC3\x89T\xC3\x89 \xD0\x9C\xD0\xBE\xD1\x81"
				"\xD0\xBA\xD0\xB2\xD0\xB0 \xCE\x91\xCE\x98\xCE"
				"\x97\xCE\x9D\xCE\x91 \xC5\x81\xC3\xB3" "d\xC5\xBA"
				" \xC2\xAB\xD0\x81\xC2\xBB";
	static const struct want_word w[] = {
		{"\xC3\xA9t\xC3\xA9", "\xC3\x89T\xC3\x89", false},
		{"\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
		 "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", false},
		{"\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1",
		 "\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91", false},
		{"\xC5\x82\xC3\xB3" "d\xC5\xBA", "\xC5\x81\xC3\xB3" "d\xC5\xBA",
		 false},
		{"\xD1\x91", "\xD0\x81", false},
	};
	assert_words(s, strlen(s), w, sizeof(w) / sizeof(*w));
}

static void test_words_elisions_mark_gaps(void **state)
{
	(void)state;
	static const char s[] = "... a b ... c \xE2\x80\xA6 d [...] e. f.. g "
				"h...";
	static const struct want_word w[] = {
		{"a", "a", false}, {"b", "b", false}, {"c", "c", true},
		{"d", "d", true},  {"e", "e", true},  {"f", "f", false},
		{"g", "g", true},  {"h", "h", false},
	};
	assert_words(s, strlen(s), w, sizeof(w) / sizeof(*w));
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_wd_text t;
	assert_true(fc_wd_split(&a, s, strlen(s), &t));
	assert_string_equal(fc_wd_key(&a, &t),
			    "a b ... c ... d ... e f ... g h");
	fc_arena_finish(&a);
}

static void test_words_hostile_bytes(void **state)
{
	(void)state;
	/* Invalid UTF-8, a NUL, a truncated sequence at the very end. */
	static const char s[] = "ab\xFF" "cd\0ef \xC3";
	static const struct want_word w[] = {
		{"ab", "ab", false},
		{"cd", "cd", false},
		{"ef", "ef", false},
	};
	assert_words(s, sizeof(s) - 1, w, sizeof(w) / sizeof(*w));
	/* Nothing but separators. */
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_wd_text t;
	assert_true(fc_wd_split(&a, "\xE2\x80\x9C -- ... \xE2\x80\x9D", 12,
				&t));
	assert_int_equal(t.n, 0);
	assert_string_equal(fc_wd_key(&a, &t), "");
	fc_arena_finish(&a);
}

static void test_words_capped(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int i = 0; i < FC_WD_MAX_WORDS + 5; i++)
		fc_buf_adds(&b, "word ");
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_wd_text t;
	assert_true(fc_wd_split(&a, b.p, b.len, &t));
	assert_int_equal(t.n, FC_WD_MAX_WORDS);
	assert_true(t.is_capped);
	assert_int_equal(t.w[FC_WD_MAX_WORDS - 1].start,
			 5 * (FC_WD_MAX_WORDS - 1));
	fc_arena_finish(&a);
	fc_buf_finish(&b);
}

static void test_intern_numbers_equal_forms_alike(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_wd_text x, y;
	assert_true(fc_wd_split(&a, "Peace, and then PEACE", 21, &x));
	assert_true(fc_wd_split(&a, "and peace", 9, &y));
	struct fc_wd_text *t[] = {&x, &y};
	assert_true(fc_wd_intern(&a, t, 2));
	/* Forms in byte order: and=0, peace=1, then=2. */
	assert_int_equal(x.w[0].id, 1);
	assert_int_equal(x.w[1].id, 0);
	assert_int_equal(x.w[2].id, 2);
	assert_int_equal(x.w[3].id, 1);
	assert_int_equal(y.w[0].id, 0);
	assert_int_equal(y.w[1].id, 1);
	fc_arena_finish(&a);
}

/* ---- LCS ---------------------------------------------------------------- */

static size_t dp_lcs(const uint32_t *x, size_t nx, const uint32_t *y,
		     size_t ny)
{
	size_t *row = calloc(ny + 1, sizeof(*row));
	assert_non_null(row);
	for (size_t i = 0; i < nx; i++) {
		size_t diag = 0;
		for (size_t j = 0; j < ny; j++) {
			size_t up = row[j + 1];
			row[j + 1] = x[i] == y[j] ? diag + 1
				     : up > row[j] ? up
						   : row[j];
			diag = up;
		}
	}
	size_t r = row[ny];
	free(row);
	return r;
}

/* The marked words form a common subsequence of length want. */
static void assert_common(const uint32_t *x, size_t nx, const bool *xs,
			  const uint32_t *y, size_t ny, const bool *ys,
			  size_t nsame, size_t want)
{
	assert_int_equal(nsame, want);
	size_t i = 0, j = 0, n = 0;
	for (;;) {
		while (i < nx && !xs[i])
			i++;
		while (j < ny && !ys[j])
			j++;
		if (i == nx || j == ny)
			break;
		assert_int_equal(x[i], y[j]);
		i++, j++, n++;
	}
	assert_int_equal(i, nx);
	assert_int_equal(j, ny);
	assert_int_equal(n, want);
}

static void test_lcs_matches_dynamic_programming(void **state)
{
	(void)state;
	uint32_t seed = 20260116;
	for (int round = 0; round < 3000; round++) {
		uint32_t x[40], y[40];
		bool xs[40] = {0}, ys[40] = {0};
		seed = seed * 1103515245u + 12345u;
		size_t nx = (seed >> 16) % 33;
		seed = seed * 1103515245u + 12345u;
		size_t ny = (seed >> 16) % 33;
		uint32_t alpha = 2 + (uint32_t)round % 5;
		for (size_t i = 0; i < nx; i++) {
			seed = seed * 1103515245u + 12345u;
			x[i] = (seed >> 16) % alpha;
		}
		for (size_t i = 0; i < ny; i++) {
			seed = seed * 1103515245u + 12345u;
			y[i] = (seed >> 16) % alpha;
		}
		struct fc_arena a;
		fc_arena_init(&a);
		size_t nsame;
		assert_true(fc_wd_lcs(&a, x, nx, y, ny, xs, ys, &nsame));
		assert_common(x, nx, xs, y, ny, ys, nsame,
			      dp_lcs(x, nx, y, ny));
		fc_arena_finish(&a);
	}
}

static void test_lcs_of_capped_texts_is_bounded(void **state)
{
	(void)state;
	enum { N = FC_WD_MAX_WORDS };
	uint32_t *x = malloc(N * sizeof(*x)), *y = malloc(N * sizeof(*y));
	bool *xs = calloc(N, 1), *ys = calloc(N, 1);
	assert_true(x && y && xs && ys);
	/* Nothing in common: D = 2N, the worst case. */
	for (uint32_t i = 0; i < N; i++) {
		x[i] = i;
		y[i] = N + i;
	}
	struct fc_arena a;
	fc_arena_init(&a);
	size_t nsame = 1;
	clock_t t0 = clock();
	assert_true(fc_wd_lcs(&a, x, N, y, N, xs, ys, &nsame));
	assert_int_equal(nsame, 0);
	/* Every other word in common, shifted by one. */
	memset(xs, 0, N);
	memset(ys, 0, N);
	for (uint32_t i = 0; i < N; i++)
		y[i] = i % 2 ? x[i - 1] : N + i;
	assert_true(fc_wd_lcs(&a, x, N, y, N, xs, ys, &nsame));
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_common(x, N, xs, y, N, ys, nsame, N / 2);
	print_message("two LCS of %d words: %.3f s\n", N, secs);
	assert_true(secs < 2.0);
	fc_arena_finish(&a);
	free(x);
	free(y);
	free(xs);
	free(ys);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_words_drop_case_punctuation_and_quote_marks),
		cmocka_unit_test(test_words_fold_latin_greek_cyrillic),
		cmocka_unit_test(test_words_elisions_mark_gaps),
		cmocka_unit_test(test_words_hostile_bytes),
		cmocka_unit_test(test_words_capped),
		cmocka_unit_test(test_intern_numbers_equal_forms_alike),
		cmocka_unit_test(test_lcs_matches_dynamic_programming),
		cmocka_unit_test(test_lcs_of_capped_texts_is_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
