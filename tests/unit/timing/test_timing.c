/*
** test_timing.c: the --time counts (fc_timing.h) of the tiny normalizer
** suite in data/rules: exact tries and matches per pattern, the same
** whether the text runs whole or in pieces on one thread or two, and the
** same mentions with counting on as off.
*/
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "factcross/fc_timing.h"

#define RULES FC_SOURCE_ROOT "/tests/unit/timing/data/rules"
#define TEXT                                                               \
	"A red day came. Then a green night. Baz baz, said Baz. Red sky at " \
	"night."
#define NCOPIES 400

static struct fc_rules *load(void)
{
	const char *dirs[] = {RULES, NULL};
	struct fc_rules *r = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	fc_status st = fc_rules_load_kinds(dirs, 0, FC_KIND_TEXT, &r, &d);
	if (st)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(st, FC_OK);
	fc_diags_finish(&d);
	return r;
}

/* The mentions of text as JSON lines, through the stream in pieces of
** at least piece bytes (0: the default) on `threads` threads. */
static void stream(const struct fc_rules *r, const char *text,
		   size_t piece, const char *threads, struct fc_buf *out)
{
	setenv("FACTCROSS_THREADS", threads, 1);
	struct fc_norm_stream *s;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_stream_create(r, "2026-01-16", out, &s),
			 FC_OK);
	if (piece)
		fc_norm_stream_set_piece(s, piece);
	assert_int_equal(fc_norm_stream_feed(s, text, strlen(text), &d),
			 FC_OK);
	assert_int_equal(fc_norm_stream_finish(s, &d), FC_OK);
	fc_norm_stream_destroy(s);
	assert_int_equal(d.nerr, 0);
	fc_diags_finish(&d);
}

static const struct fc_rule_time *row(const struct fc_timing *t,
				      const char *id)
{
	for (size_t i = 0; i < t->nrules; i++)
		if (!strcmp(t->rules[i].id, id))
			return &t->rules[i];
	return NULL;
}

/* Rule id ran with these counts, from colours.yaml:line. */
static void expect_row(const struct fc_timing *t, const char *id,
		       unsigned line, uint64_t tries, uint64_t matches)
{
	const struct fc_rule_time *rt = row(t, id);
	assert_non_null(rt);
	assert_string_equal(rt->kind, "normalizer");
	assert_string_equal(rt->loc.file, RULES "/colours.yaml");
	assert_int_equal(rt->loc.line, line);
	assert_int_equal(rt->tries, tries);
	assert_int_equal(rt->matches, matches);
}

/* Counts of text (k copies of TEXT) through the stream as given. */
static struct fc_timing *timed(struct fc_rules *r, const char *text,
			       size_t piece, const char *threads,
			       struct fc_buf *out)
{
	struct fc_timing *t;
	assert_int_equal(fc_timing_create(&t), FC_OK);
	assert_int_equal(fc_timing_attach(r, t), FC_OK);
	stream(r, text, piece, threads, out);
	assert_int_equal(fc_timing_attach(r, NULL), FC_OK);
	assert_int_equal(fc_timing_finish(t, r), FC_OK);
	return t;
}

static void test_timing_small_text(void **state)
{
	(void)state;
	struct fc_rules *r = load();
	struct fc_buf plain, out;
	fc_buf_init(&plain, 0);
	fc_buf_init(&out, 0);
	stream(r, TEXT, 0, "1", &plain);
	struct fc_timing *t = timed(r, TEXT, 0, "1", &out);
	/* counting changes nothing of the output */
	assert_int_equal(out.len, plain.len);
	assert_memory_equal(out.p, plain.p, plain.len);
	/* tt.colour-day: "red day" (a match) and "green night" start like
	** one, "Red sky" does not; tt.baz at each of three bazes;
	** tt.twice at "Baz baz" (its second baz is inside the match, and
	** "Baz." is followed by no blank); tt.never nowhere */
	assert_int_equal(t->nrules, 3);
	expect_row(t, "tt.colour-day", 9, 2, 1);
	expect_row(t, "tt.baz", 13, 3, 3);
	expect_row(t, "tt.twice", 19, 1, 1);
	assert_null(row(t, "tt.never"));
	/* most time first, and the total is the sum */
	uint64_t sum = 0;
	for (size_t i = 0; i < t->nrules; i++) {
		if (i)
			assert_true(t->rules[i - 1].ns >= t->rules[i].ns);
		sum += t->rules[i].ns;
	}
	assert_int_equal(t->rule_ns, sum);
	/* the stages the stream measures, and none it does not */
	assert_true(t->has_stage[FC_TS_READ]);
	assert_true(t->has_stage[FC_TS_NORM]);
	assert_true(t->has_stage[FC_TS_WALK]);
	assert_true(t->has_stage[FC_TS_LEXICON]);
	assert_true(t->has_stage[FC_TS_OUTPUT]);
	assert_false(t->has_stage[FC_TS_RULES]);
	assert_false(t->has_stage[FC_TS_CLAIMS]);
	assert_false(t->has_stage[FC_TS_CHECKS]);
	assert_true(t->stage_ns[FC_TS_NORM] >= t->stage_ns[FC_TS_WALK]);
	assert_true(t->stage_ns[FC_TS_NORM] >= t->rule_ns);
	assert_true(t->wall_ns >= t->stage_ns[FC_TS_NORM]);
	fc_timing_destroy(t);
	fc_buf_finish(&plain);
	fc_buf_finish(&out);
	fc_rules_destroy(r);
}

static void test_timing_pieces_and_threads(void **state)
{
	(void)state;
	struct fc_rules *r = load();
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int i = 0; i < NCOPIES; i++) {
		fc_buf_adds(&b, TEXT);
		fc_buf_adds(&b, "\n\n");
	}
	const char *text = fc_buf_cstr(&b);
	/* whole, then in pieces of 4 KiB and more (some 8 pieces) on one
	** thread and on two: the same counts, NCOPIES times the small
	** text's, and the same output */
	struct fc_buf o[3];
	struct fc_timing *t[3];
	static const struct {
		size_t piece;
		const char *threads;
	} runs[3] = {{0, "1"}, {4096, "1"}, {4096, "2"}};
	for (int k = 0; k < 3; k++) {
		fc_buf_init(&o[k], 0);
		t[k] = timed(r, text, runs[k].piece, runs[k].threads, &o[k]);
		assert_int_equal(t[k]->nrules, 3);
		expect_row(t[k], "tt.colour-day", 9, 2 * NCOPIES, NCOPIES);
		expect_row(t[k], "tt.baz", 13, 3 * NCOPIES, 3 * NCOPIES);
		expect_row(t[k], "tt.twice", 19, NCOPIES, NCOPIES);
		assert_int_equal(o[k].len, o[0].len);
		assert_memory_equal(o[k].p, o[0].p, o[0].len);
		fc_timing_destroy(t[k]);
	}
	for (int k = 0; k < 3; k++)
		fc_buf_finish(&o[k]);
	fc_buf_finish(&b);
	fc_rules_destroy(r);
}

static void test_timing_detached_counts_nothing(void **state)
{
	(void)state;
	struct fc_rules *r = load();
	struct fc_timing *t;
	assert_int_equal(fc_timing_create(&t), FC_OK);
	struct fc_buf out;
	fc_buf_init(&out, 0);
	/* attached for one run, detached for the next: only the first
	** counts; a stage added by the caller shows as measured */
	assert_int_equal(fc_timing_attach(r, t), FC_OK);
	stream(r, TEXT, 0, "1", &out);
	assert_int_equal(fc_timing_attach(r, NULL), FC_OK);
	stream(r, TEXT TEXT, 0, "1", &out);
	uint64_t t0 = fc_timing_ticks();
	fc_timing_add_stage(t, FC_TS_RULES, fc_timing_ticks() - t0 + 1);
	assert_int_equal(fc_timing_finish(t, r), FC_OK);
	expect_row(t, "tt.baz", 13, 3, 3);
	assert_true(t->has_stage[FC_TS_RULES]);
	assert_string_equal(fc_time_stage_name(FC_TS_WALK),
			    "normalizer: start-string walk");
	fc_timing_destroy(t);
	fc_buf_finish(&out);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timing_small_text),
		cmocka_unit_test(test_timing_pieces_and_threads),
		cmocka_unit_test(test_timing_detached_counts_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
