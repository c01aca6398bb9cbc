/*
** test_norm_tensememo.c: the scan keeps the tense of its last readings
** (norm_tense.c, in the look-back of norm_anchor.c). A reading from the
** memo must be what a fresh reading gives, for every span, stretch and
** pattern, also once entries are replaced and after the look-back is
** forgotten for the next document; and so must a reading through the
** scan's cache of word facts when more words are read than it holds.
*/
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_p.h"
#include "extract/norm_tense_p.h"

static struct fc_rules *rules;

/* (the built-in rules, kept for the helpers below) */
static int setup(void **state)
{
	int rc = fc_test_rules_setup(state);
	rules = *state;
	return rc;
}

static const char text[] =
	"The company said on Tuesday it will meet on March 3. On Friday, "
	"the talks resume. The deal closed on Jan. 5 after talks that "
	"began June 2, and the vote scheduled for Sunday was postponed; "
	"they meet Monday. Shares rose 5% in March. The envoy is traveling "
	"to Somalia for long talks with the new government leaders on "
	"Wednesday.";

/* The first pattern with production prod. */
static const struct norm_pattern *pattern_of(enum norm_prod prod)
{
	const struct fc_norm *n = rules->norm;
	for (size_t i = 0; i < n->npatterns; i++)
		if (n->patterns[i].prod == prod)
			return &n->patterns[i];
	fail_msg("no pattern with production %d", (int)prod);
	return NULL;
}

struct reading {
	const char *word; /* the match: the first occurrence of word */
	bool is_weekday;
	bool is_cut; /* the stretch ends with the match */
};

/* The tense of r, through lb's memo when lb is not NULL. */
static int tense(const struct reading *r, struct norm_lookback **lb,
		 PCRE2_SIZE *ov, const struct norm_ref *ref)
{
	const struct fc_norm *n = rules->norm;
	const char *at = strstr(text, r->word);
	assert_non_null(at);
	uint32_t start = (uint32_t)(at - text);
	uint32_t end = start + (uint32_t)strlen(r->word);
	struct norm_match m = {
		.n = n,
		.p = pattern_of(r->is_weekday ? P_WEEKDAY : P_DATE),
		.text = text, .ov = ov, .nov = (uint32_t)n->maxcap,
		.start = start, .end = end, .stretch_start = 0,
		.stretch_end = r->is_cut ? end : (uint32_t)strlen(text),
		.ref = ref, .lookback = lb,
	};
	return norm_tense(&m);
}

static void test_tensememo_same_as_fresh(void **state)
{
	(void)state;
	const struct fc_norm *n = rules->norm;
	PCRE2_SIZE ov[2 * 64];
	assert_true(n->maxcap <= 64);
	for (size_t i = 0; i < 2 * 64; i++)
		ov[i] = PCRE2_UNSET;
	struct norm_ref ref;
	assert_true(fc_norm_ref_parse("2000-01-01", &ref));
	static const struct reading rs[] = {
		{"Tuesday", true, false},  {"March 3", false, false},
		{"Friday", true, false},   {"Friday", true, true},
		{"Jan. 5", false, false},  {"June 2", false, false},
		{"Sunday", true, false},   {"Monday", true, false},
		{"March.", false, false},  {"Tuesday", false, false},
		{"March 3", false, true},  {"Sunday", true, true},
		{"Wednesday", true, false}, {"Wednesday", false, false},
	};
	size_t nr = sizeof(rs) / sizeof(*rs);
	int fresh[sizeof(rs) / sizeof(*rs)];
	for (size_t i = 0; i < nr; i++)
		fresh[i] = tense(&rs[i], NULL, ov, &ref);
	/* the readings differ where the key does: the stretch's end
	** ("On Friday, the talks resume": a schedule verb after it) and
	** the clause (a future cue, a past verb) */
	assert_int_equal(fresh[2], NORM_TENSE_SCHED);
	assert_int_equal(fresh[3], 0);
	assert_int_equal(fresh[1], 1);
	assert_true(fresh[4] < 0);
	/* a plan far back in the clause: a weekday's, not a date's */
	assert_int_equal(fresh[12], 1);
	assert_int_not_equal(fresh[13], 1);

	struct norm_lookback *lb = norm_lookback_create(n, NULL);
	assert_non_null(lb);
	struct norm_match probe = {.lookback = &lb};
	struct norm_tense_memo *memo = norm_lookback_tense_memo(&probe);
	assert_non_null(memo);
	/* each reading three times over, in an order that fills the memo
	** (more readings than entries) and reads kept ones again */
	for (int round = 0; round < 3; round++) {
		for (size_t k = 0; k < nr; k++) {
			size_t i = (k * 5 + (size_t)round) % nr;
			assert_int_equal(tense(&rs[i], &lb, ov, &ref),
					 fresh[i]);
			assert_int_equal(tense(&rs[i], &lb, ov, &ref),
					 fresh[i]);
		}
	}
	size_t nused = 0;
	for (size_t k = 0; k < NORM_TENSE_MEMO; k++)
		nused += memo->is_used[k];
	assert_int_equal(nused, NORM_TENSE_MEMO);
	/* a new document: nothing kept */
	norm_lookback_forget(lb);
	for (size_t k = 0; k < NORM_TENSE_MEMO; k++)
		assert_false(memo->is_used[k]);
	for (size_t i = 0; i < nr; i++)
		assert_int_equal(tense(&rs[i], &lb, ov, &ref), fresh[i]);
	norm_lookback_destroy(lb);
}

/* A word of letters only for k: "zb", "zc", ... (no table has them),
** every fourth one a cue word of the rules ("said", "will"). */
static size_t put_word(char *o, size_t k)
{
	static const char *const cues[] = {"said", "will", "was", "to",
					   "the", "scheduled", "held", "is"};
	if (k % 4 == 3) {
		const char *c = cues[(k / 4) % 8];
		memcpy(o, c, strlen(c));
		return strlen(c);
	}
	size_t n = 0;
	o[n++] = 'z';
	for (size_t v = k; n < 6; v /= 26) {
		o[n++] = (char)('a' + v % 26);
		if (v < 26)
			break;
	}
	return n;
}

static void test_tensememo_many_words(void **state)
{
	(void)state;
	const struct fc_norm *n = rules->norm;
	PCRE2_SIZE ov[2 * 64];
	for (size_t i = 0; i < 2 * 64; i++)
		ov[i] = PCRE2_UNSET;
	struct norm_ref ref;
	assert_true(fc_norm_ref_parse("2000-01-01", &ref));
	/* 300 clauses of 8 words and a date: 2,400 words, more than the
	** cache holds, so entries are replaced while they are read */
	enum { NCL = 300, NW = 8 };
	size_t cap = NCL * (NW * 8 + 16) + 1;
	char *txt = malloc(cap);
	uint32_t *at = malloc(NCL * sizeof(*at));
	assert_non_null(txt);
	assert_non_null(at);
	size_t o = 0;
	for (size_t c = 0; c < NCL; c++) {
		for (size_t w = 0; w < NW; w++) {
			o += put_word(txt + o, (c * NW + w) * 7 % 1999);
			txt[o++] = ' ';
		}
		at[c] = (uint32_t)o;
		memcpy(txt + o, "June 2; ", 8);
		o += 8;
	}
	txt[o] = 0;
	struct norm_lookback *lb = norm_lookback_create(n, NULL);
	assert_non_null(lb);
	size_t nfuture = 0, npast = 0;
	for (int round = 0; round < 2; round++) {
		for (size_t c = 0; c < NCL; c++) {
			struct norm_match m = {
				.n = n, .p = pattern_of(P_DATE), .text = txt,
				.ov = ov, .nov = (uint32_t)n->maxcap,
				.start = at[c], .end = at[c] + 6,
				.stretch_start = 0,
				.stretch_end = (uint32_t)o, .ref = &ref,
			};
			int fresh = norm_tense(&m);
			m.lookback = &lb;
			assert_int_equal(norm_tense(&m), fresh);
			nfuture += fresh > 0;
			npast += fresh < 0;
		}
	}
	/* the cue words decide some clauses each way */
	assert_true(nfuture > 0);
	assert_true(npast > 0);
	norm_lookback_destroy(lb);
	free(at);
	free(txt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tensememo_same_as_fresh),
		cmocka_unit_test(test_tensememo_many_words),
	};
	return cmocka_run_group_tests(tests, setup, fc_test_rules_teardown);
}
