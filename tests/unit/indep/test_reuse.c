/*
** test_reuse.c: text reuse with the real rules/independence files: the
** seed rewrite pair (001/002) and the seed's independent pairs, a
** rewrite with sentences reordered and reworded, the sentence-level rule
** on its own, the LSH path for long documents, word normalisation,
** quoted spans, determinism, bounded work on hostile input.
*/
#include "indep_test.h"

static const char flood_original[] =
	"Flooding forced the evacuation of more than 2,000 residents from "
	"low-lying districts of the river town of Marlow on Tuesday, local "
	"officials said. The river rose nearly two metres overnight after "
	"three days of heavy rain across the region. Emergency crews used "
	"boats to reach families trapped on the upper floors of their homes "
	"in the old quarter. The regional governor declared a state of "
	"emergency and asked the army to help reinforce the embankments. "
	"Schools in the town will stay closed until Friday, and the main "
	"bridge has been shut to traffic. Forecasters expect the rain to ease "
	"by Thursday, but warned that the river could keep rising for another "
	"day. \"We have never seen the water come up this fast,\" said the "
	"mayor, Anna Kovacs. Insurers said it was too early to estimate the "
	"cost of the damage.";

/* The same facts, sentences in another order, about half the words new. */
static const char flood_rewrite[] =
	"Marlow's mayor, Anna Kovacs, said: \"We have never seen the water "
	"come up this fast.\" Officials said on Tuesday that more than 2,000 "
	"people had been evacuated from the low-lying districts of the river "
	"town after flooding. Following three days of heavy rain across the "
	"region, the river rose almost two metres during the night. The "
	"governor of the region declared a state of emergency and asked the "
	"army for help to reinforce the embankments. Rescue teams used boats "
	"to reach families who were trapped on the upper floors of their "
	"homes in the old quarter. The main bridge has been closed to "
	"traffic, and schools in the town will remain shut until Friday. "
	"Weather forecasters expect the rain to ease on Thursday but warned "
	"the river could keep rising for another day. It is too early to "
	"estimate the cost of the damage, insurers said.";

/* Another reporter on the same flood, quoting the mayor word for word. */
static const char flood_independent[] =
	"Hundreds of homes in Marlow were under water on Tuesday as the "
	"swollen river burst its banks, leaving whole streets cut off. \"We "
	"have never seen the water come up this fast,\" Mayor Anna Kovacs "
	"told reporters at a makeshift shelter in a sports hall. Volunteers "
	"handed out blankets and hot meals to evacuees, many of whom fled "
	"with only a bag of belongings. Farmers upstream said their fields "
	"had been flooded for the second time in five years. Engineers will "
	"inspect the embankments once the water recedes, a spokesman for the "
	"water authority said. Residents criticised the authorities for "
	"failing to finish flood defences promised after the last disaster.";

#define assert_near(x, want)                                                   \
	do {                                                                   \
		double v_ = (x);                                               \
		if (!(v_ > (want)-0.0005 && v_ < (want) + 0.0005))             \
			fail_msg("%s = %.4f, not %.3f", #x, v_,                \
				 (double)(want));                              \
	} while (0)

static void score(const struct fc_rules *r, struct fc_corpus *c, uint32_t a,
		  uint32_t b, struct reuse_score *s)
{
	struct fc_arena ar;
	fc_arena_init(&ar);
	struct doc_feat fa, fb;
	assert_int_equal(
		indep_features(&r->indep->reuse, &ar, &c->docs[a], &fa), FC_OK);
	assert_int_equal(
		indep_features(&r->indep->reuse, &ar, &c->docs[b], &fb), FC_OK);
	indep_score_pair(&r->indep->reuse, &fa, &fb, s);
	fc_arena_finish(&ar);
}

/* Real rules plus one override file written to a temporary folder. */
static struct fc_rules *rules_with(const char *yaml)
{
	char *dir = tmp_dir();
	char *file = tmp_write(dir, "override.yaml", yaml);
	const char *dirs[] = {INDEP_RULES, dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_dirs(dirs, &d);
	assert_int_equal(d.n, 0);
	fc_diags_finish(&d);
	tmp_rmdir(dir, &file, 1);
	return r;
}

/*
** The seed corpus as files (no text stage: the module splits sentences
** itself): 001 and 002 are a rewrite pair, 000, 003 and 004 stand alone
** though 000 and 003 quote Peskov word for word.
*/
static void test_seed(void **state)
{
	(void)state;
	static const char *const names[] = {
		"000_6cb9a9ae1e300ea4.txt", "001_73b993a7e7b8d6bb.txt",
		"002_7859454476ef42ed.txt", "003_f44dc16e987fcf8e.txt",
		"004_bf693ee05da6e663.txt"};
	struct fc_rules *r = rules_real();
	struct fc_arena a;
	fc_arena_init(&a);
	struct tdoc t[5];
	static const char *const ids[] = {"000", "001", "002", "003", "004"};
	for (int i = 0; i < 5; i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", SEED_DIR, names[i]);
		t[i] = (struct tdoc){ids[i], slurp(&a, path), NULL, NULL};
	}
	struct fc_corpus *c = corpus_of(r, t, 5, false);
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(c->ngroups, 4);
	static const int32_t want[] = {0, 1, 1, 2, 3};
	for (int i = 0; i < 5; i++)
		assert_int_equal(c->docs[i].independent_group, want[i]);
	assert_int_equal(c->ndeps, 1);
	assert_int_equal(c->deps[0].a, 1);
	assert_int_equal(c->deps[0].b, 2);
	assert_int_equal(c->deps[0].reason, FC_DEP_REUSE);
	assert_string_equal(c->deps[0].detail, "containment");
	assert_near(c->deps[0].similarity, 0.327);

	/* Every pair, exactly: containment of the smaller text. */
	static const double cont[5][5] = {
		{0, 0.020, 0.035, 0.059, 0.030},
		{0, 0, 0.327, 0.066, 0.071},
		{0, 0, 0, 0.048, 0.079},
		{0, 0, 0, 0, 0.042},
	};
	for (uint32_t i = 0; i < 5; i++)
		for (uint32_t j = i + 1; j < 5; j++) {
			struct reuse_score s;
			score(r, c, i, j, &s);
			assert_near(s.containment, cont[i][j]);
		}
	struct reuse_score s;
	score(r, c, 1, 2, &s);
	assert_near(s.resemblance, 0.101);
	assert_int_equal(s.matched, 2);
	assert_int_equal(s.eligible, 11);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);

	/* Without the quote discount 000 and 003 share Peskov's words. */
	struct fc_rules *nq = rules_with("kind: independence\nreuse:\n  "
					 "quotes: {open: [], close: []}\n");
	c = corpus_of(nq, t, 5, false);
	score(nq, c, 0, 3, &s);
	assert_near(s.containment, 0.146);
	fc_corpus_destroy(c);
	fc_rules_destroy(nq);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

/* The seed corpus through the real pipeline (manifest, text stage). */
static void test_seed_pipeline(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_rules_load(NULL, 1, &r, &d), FC_OK);
	assert_int_equal(fc_corpus_load(SEED_DIR "/corpus.yaml", &c, &d),
			 FC_OK);
	struct fc_verify_opts o = {0};
	o.stop_after = 1;
	assert_int_equal(fc_verify(r, c, &o, &d), FC_OK);
	assert_int_equal(c->ngroups, 4);
	static const int32_t want[] = {0, 1, 1, 2, 3};
	for (int i = 0; i < 5; i++)
		assert_int_equal(c->docs[i].independent_group, want[i]);
	assert_int_equal(c->ndeps, 1);
	assert_int_equal(c->deps[0].a, 1);
	assert_int_equal(c->deps[0].b, 2);
	assert_int_equal(c->deps[0].reason, FC_DEP_REUSE);
	assert_string_equal(c->deps[0].detail, "containment");
	/* 0.351 with the text stage of this writing; the threshold is 0.3 */
	assert_true(c->deps[0].similarity > 0.33);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

static const struct tdoc flood[] = {
	{"original", flood_original, NULL, NULL},
	{"rewrite", flood_rewrite, NULL, NULL},
	{"independent", flood_independent, NULL, NULL},
};

static void test_rewrite(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	struct fc_corpus *c = corpus_of(r, flood, 3, true);
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(c->ngroups, 2);
	assert_int_equal(c->docs[0].independent_group, 0);
	assert_int_equal(c->docs[1].independent_group, 0);
	assert_int_equal(c->docs[2].independent_group, 1);
	assert_int_equal(c->ndeps, 1);
	assert_int_equal(c->deps[0].reason, FC_DEP_REUSE);
	assert_string_equal(c->deps[0].detail, "containment");
	fc_corpus_destroy(c);

	/* Scores with the module's own sentence split. */
	c = corpus_of(r, flood, 3, false);
	struct reuse_score s;
	score(r, c, 0, 1, &s);
	assert_near(s.resemblance, 0.333);
	assert_near(s.containment, 0.513);
	assert_int_equal(s.matched, 5);
	assert_int_equal(s.eligible, 7);
	score(r, c, 0, 2, &s);
	assert_near(s.containment, 0.011);
	assert_int_equal(s.matched, 0);
	score(r, c, 1, 2, &s);
	assert_near(s.containment, 0.011);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/* With whole-text measures switched off, the sentences still find it. */
static void test_sentence_rule(void **state)
{
	(void)state;
	struct fc_rules *r =
		rules_with("kind: independence\nreuse:\n"
			   "  resemblance_min_shingles: 1000000\n"
			   "  containment_min_shingles: 1000000\n");
	struct fc_corpus *c = corpus_of(r, flood, 3, false);
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(c->ndeps, 1);
	assert_int_equal(c->deps[0].a, 0);
	assert_int_equal(c->deps[0].b, 1);
	assert_string_equal(c->deps[0].detail, "sentences");
	assert_near(c->deps[0].similarity, 5.0 / 7.0);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/*
** Past max_sentence_pairs, sentence pairs come from LSH buckets only:
** cheaper, and it may miss a pair (here 4 of the 5 matched sentences).
*/
static void test_sentence_pairs_by_lsh(void **state)
{
	(void)state;
	struct fc_rules *r = rules_with(
		"kind: independence\nreuse:\n  max_sentence_pairs: 1\n");
	struct fc_corpus *c = corpus_of(r, flood, 3, false);
	struct reuse_score s;
	score(r, c, 0, 1, &s);
	assert_int_equal(s.matched, 4);
	assert_int_equal(s.eligible, 7);
	score(r, c, 0, 2, &s);
	assert_int_equal(s.matched, 0);
	fc_corpus_destroy(c);
	fc_rules_destroy(r);
}

/* Case, punctuation and apostrophes do not matter; numbers do. */
static void test_normalisation(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	static const struct tdoc t[] = {
		{"a",
		 "Russia's army lost 2,290 tanks near the old river town "
		 "this week.",
		 NULL, NULL},
		{"b",
		 "RUSSIA’S ARMY -- LOST 2290 tanks; near the [old] river "
		 "town (this) week!",
		 NULL, NULL},
		{"c",
		 "Russia's army lost 2,291 tanks near the old river town "
		 "this week.",
		 NULL, NULL},
	};
	struct fc_corpus *c = corpus_of(r, t, 3, false);
	struct fc_arena ar;
	fc_arena_init(&ar);
	struct doc_feat f[3];
	for (int i = 0; i < 3; i++)
		assert_int_equal(indep_features(&r->indep->reuse, &ar,
						&c->docs[i], &f[i]),
				 FC_OK);
	/* russias army lost 2290 tanks near the old river town this week */
	assert_int_equal(f[0].nsh, 10);
	assert_int_equal(f[1].nsh, 10);
	assert_memory_equal(f[0].sh, f[1].sh, 10 * sizeof(uint64_t));
	assert_int_equal(indep_intersect(f[0].sh, 10, f[2].sh, f[2].nsh), 7);
	assert_memory_equal(f[0].sig, f[1].sig,
			    r->indep->reuse.hashes * sizeof(uint64_t));
	fc_arena_finish(&ar);
	fc_corpus_destroy(c);
	fc_rules_destroy(r);
}

/* Quoted speech is left out; an unclosed or overlong quote is kept. */
static void test_quotes(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	static const struct tdoc t[] = {
		{"a", "“Alpha beta gamma delta epsilon,” he said.", NULL, NULL},
		{"b", "``Alpha beta gamma delta epsilon,'' he said.", NULL,
		 NULL},
		{"c",
		 "He said “Alpha beta gamma delta epsilon.\n\nNo closer "
		 "here at all.",
		 NULL, NULL},
		{"d", "He said: \"alpha beta gamma\" and then went home.", NULL,
		 NULL},
		{"e", "He said, \"First part of it.\n\nSecond part of it,\" "
		      "and left.",
		 NULL, NULL},
		{"f", "Buy the 12\" screen now, \"alpha beta gamma\" she said "
		      "today.",
		 NULL, NULL},
		{"g", "Tokenised , \"alpha beta gamma delta . \" he said so "
		      "today .",
		 NULL, NULL},
	};
	struct fc_corpus *c = corpus_of(r, t, 7, false);
	struct fc_arena ar;
	fc_arena_init(&ar);
	struct doc_feat f;
	assert_int_equal(indep_features(&r->indep->reuse, &ar, &c->docs[0], &f),
			 FC_OK);
	assert_int_equal(f.nsh, 0);
	assert_null(f.sig);
	assert_int_equal(indep_features(&r->indep->reuse, &ar, &c->docs[1], &f),
			 FC_OK);
	assert_int_equal(f.nsh, 0);
	/* he said alpha beta gamma delta epsilon | no closer here at all */
	assert_int_equal(indep_features(&r->indep->reuse, &ar, &c->docs[2], &f),
			 FC_OK);
	assert_int_equal(f.nsh, 5 + 3);
	/* he said | and then went home: 0 + 2 */
	assert_int_equal(indep_features(&r->indep->reuse, &ar, &c->docs[3], &f),
			 FC_OK);
	assert_int_equal(f.nsh, 2);
	/* A quote runs over a paragraph break: nothing is left but two
	** words on each side. */
	assert_int_equal(indep_features(&r->indep->reuse, &ar, &c->docs[4], &f),
			 FC_OK);
	assert_int_equal(f.nsh, 0);
	/* An inch mark neither opens nor swallows: buy the 12 screen now |
	** she said today. */
	assert_int_equal(indep_features(&r->indep->reuse, &ar, &c->docs[5], &f),
			 FC_OK);
	assert_int_equal(f.nsh, 3 + 1);
	/* Tokenised text: a mark between spaces closes. tokenised | he said
	** so today */
	assert_int_equal(indep_features(&r->indep->reuse, &ar, &c->docs[6], &f),
			 FC_OK);
	assert_int_equal(f.nsh, 2);
	fc_arena_finish(&ar);
	fc_corpus_destroy(c);

	struct fc_rules *sh = rules_with("kind: independence\nreuse:\n"
					 "  quotes: {max_len: 10}\n");
	c = corpus_of(sh, t, 1, false);
	fc_arena_init(&ar);
	assert_int_equal(
		indep_features(&sh->indep->reuse, &ar, &c->docs[0], &f), FC_OK);
	assert_int_equal(f.nsh, 5);
	fc_arena_finish(&ar);
	fc_corpus_destroy(c);
	fc_rules_destroy(sh);
	fc_rules_destroy(r);
}

/* The same input gives the same pairs in any document order. */
static void test_deterministic(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	static const struct tdoc rev[] = {
		{"independent", flood_independent, NULL, NULL},
		{"rewrite", flood_rewrite, NULL, NULL},
		{"original", flood_original, NULL, NULL},
	};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c1 = corpus_of(r, flood, 3, false);
	struct fc_corpus *c2 = corpus_of(r, flood, 3, false);
	struct fc_corpus *c3 = corpus_of(r, rev, 3, false);
	assert_int_equal(fc_indep_groups(r, c1, &d), FC_OK);
	assert_int_equal(fc_indep_groups(r, c2, &d), FC_OK);
	assert_int_equal(fc_indep_groups(r, c3, &d), FC_OK);
	assert_int_equal(c1->ndeps, 1);
	assert_int_equal(c2->ndeps, 1);
	assert_int_equal(c3->ndeps, 1);
	assert_true(c1->deps[0].similarity == c2->deps[0].similarity);
	assert_true(c1->deps[0].similarity == c3->deps[0].similarity);
	assert_int_equal(c3->deps[0].a, 1);
	assert_int_equal(c3->deps[0].b, 2);
	static const int32_t want3[] = {0, 1, 1};
	for (int i = 0; i < 3; i++)
		assert_int_equal(c3->docs[i].independent_group, want3[i]);
	fc_corpus_destroy(c1);
	fc_corpus_destroy(c2);
	fc_corpus_destroy(c3);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/* 70 copies of one text: the full LSH buckets are chained (69 pairs). */
static void test_many_copies_chained(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	enum { N = 70 };
	struct tdoc t[N];
	char id[N][8];
	for (int i = 0; i < N; i++) {
		snprintf(id[i], sizeof(id[i]), "c%02d", i);
		t[i] = (struct tdoc){id[i], flood_original, NULL, NULL};
	}
	struct fc_corpus *c = corpus_of(r, t, N, false);
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(c->ngroups, 1);
	assert_int_equal(c->ndeps, N - 1);
	for (uint32_t i = 0; i + 1 < N; i++) {
		assert_int_equal(c->deps[i].a, i);
		assert_int_equal(c->deps[i].b, i + 1);
		assert_string_equal(c->deps[i].detail, "resemblance");
		assert_true(c->deps[i].similarity == 1.0);
	}
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/* Short reports of one event share names and dates, not copy. */
static void test_short_texts(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	static const struct tdoc t[] = {
		{"a",
		 "Russian President Vladimir Putin spoke by phone with US "
		 "President Donald Trump on Friday, the Kremlin said.",
		 NULL, NULL},
		{"b",
		 "Russian President Vladimir Putin did not speak with US "
		 "President Donald Trump on Friday, a Kremlin spokesman "
		 "said.",
		 NULL, NULL},
	};
	struct fc_corpus *c = corpus_of(r, t, 2, true);
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(c->ndeps, 0);
	assert_int_equal(c->ngroups, 2);
	struct reuse_score s;
	score(r, c, 0, 1, &s);
	assert_near(s.containment, 0.467);
	assert_int_equal(s.nmin, 15);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/* Which measure decides, at the thresholds exactly. */
static void test_decision(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	const struct reuse_cfg *cfg = &r->indep->reuse;
	double sim;
	const char *det;
	struct reuse_score s = {0.5, 0.5, 0.5, 3, 6, 10};
	assert_true(indep_is_reuse(cfg, &s, &sim, &det));
	assert_string_equal(det, "resemblance");
	s = (struct reuse_score){0.49, 0.3, 0.0, 0, 6, 40};
	assert_true(indep_is_reuse(cfg, &s, &sim, &det));
	assert_string_equal(det, "containment");
	s = (struct reuse_score){0.49, 0.3, 0.0, 0, 6, 39};
	assert_false(indep_is_reuse(cfg, &s, &sim, &det));
	s = (struct reuse_score){0.49, 0.29, 0.5, 3, 6, 400};
	assert_true(indep_is_reuse(cfg, &s, &sim, &det));
	assert_string_equal(det, "sentences");
	assert_true(sim == 0.5);
	s = (struct reuse_score){0.49, 0.29, 1.0, 2, 2, 400};
	assert_false(indep_is_reuse(cfg, &s, &sim, &det));
	s = (struct reuse_score){0.9, 0.9, 1.0, 2, 2, 9};
	assert_false(indep_is_reuse(cfg, &s, &sim, &det));
	fc_rules_destroy(r);
}

/* Hostile input: unmatched quote marks, junk bytes, one huge sentence. */
static void test_hostile(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	enum { QN = 200000, JN = 1 << 20, WN = 1 << 21 };
	/* words: "w0 w1 w2 ..." in one sentence of 2 MiB */
	char *quotes = malloc(QN * 3 + 1);
	char *junk = malloc(JN + 1);
	char *words = malloc(WN + 1);
	assert_non_null(quotes);
	assert_non_null(junk);
	assert_non_null(words);
	for (size_t i = 0; i < QN; i++)
		memcpy(quotes + 3 * i, "\xe2\x80\x9c", 3);
	quotes[QN * 3] = '\0';
	uint32_t x = 12345;
	for (size_t i = 0; i < JN; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)((x >> 16) | 1);
	}
	junk[JN] = '\0';
	size_t wl = 0;
	for (unsigned i = 0; wl + 16 < WN; i++)
		wl += (size_t)snprintf(words + wl, 16, "w%u ", i);
	words[wl] = '\0';
	const struct tdoc t[] = {
		{"q", quotes, NULL, NULL}, {"j", junk, NULL, NULL},
		{"w", words, NULL, NULL},  {"w2", words, NULL, NULL},
		{"j2", junk, NULL, NULL},
	};
	struct fc_corpus *c = corpus_of(r, t, 5, false);
	c->docs[4].text = NULL; /* raw bytes, invalid UTF-8 */
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(c->ngroups, 3);
	assert_int_equal(c->docs[2].independent_group,
			 c->docs[3].independent_group);
	assert_int_equal(c->docs[1].independent_group,
			 c->docs[4].independent_group);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	free(quotes);
	free(junk);
	free(words);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_seed_pipeline),
		cmocka_unit_test(test_rewrite),
		cmocka_unit_test(test_sentence_rule),
		cmocka_unit_test(test_sentence_pairs_by_lsh),
		cmocka_unit_test(test_normalisation),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_many_copies_chained),
		cmocka_unit_test(test_short_texts),
		cmocka_unit_test(test_decision),
		cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
