/*
** test_lit.c: the literals a claim pattern needs (src/claims/lit.c):
** exact sets for written regexes, none for syntax it does not read, the
** sentence folding, and over the seed corpus with the built-in rules:
** every pattern a sentence is skipped for does not match it.
*/
#include "claims_test.h"
#include "claims/claims_p.h"

/* The sets of re as "a|b & c & ...", or "-" for none. */
static char *sets_of(const char *re)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct cl_lits l;
	assert_int_equal(cl_lits_analyze(&a, re, strlen(re), &l), FC_OK);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	if (!l.nsets)
		fc_buf_adds(&b, "-");
	for (size_t i = 0; i < l.nsets; i++) {
		if (i)
			fc_buf_adds(&b, " & ");
		for (size_t k = 0; k < l.sets[i].n; k++)
			fc_buf_printf(&b, "%s%s", k ? "|" : "", l.sets[i].s[k]);
	}
	fc_arena_finish(&a);
	return fc_buf_steal(&b, NULL);
}

static void expect_sets(const char *re, const char *want)
{
	char *got = sets_of(re);
	if (strcmp(got, want))
		fprintf(stderr, "%s\n", re);
	assert_string_equal(got, want);
	free(got);
}

static void test_sets_of_written_regexes(void **state)
{
	(void)state;
	/* most selective first: longest shortest string, then fewest */
	expect_sets("(?i)(?:held|had)\\s+a\\s+(?:(?:tele)?phone|video)\\s+"
		    "call\\s+with",
		    "phone|video & call & with & held|had");
	/* an optional character ends a run; a run under 3 is not kept */
	expect_sets("colou?r", "colo");
	expect_sets("abc{0,2}def", "def");
	expect_sets("abc{2}def", "abc & def");
	expect_sets("abc+def", "abc & def");
	expect_sets("(?:abc)?def", "def");
	expect_sets("(?:abc)*def", "def");
	expect_sets("(?:abc){1,3}def", "abc & def");
	/* an empty branch needs nothing */
	expect_sets("x(?:alpha|)y", "-");
	expect_sets("(?:alpha|beta)", "alpha|beta");
	expect_sets("alpha|beta gamma", "alpha|beta gamma");
	/* look-arounds, classes, escapes and names need nothing */
	expect_sets("(?=phone)(?<!not\\s)call", "call");
	expect_sets("[abc]phone\\b\\s\\x01[PG]\\d+\\x02", "phone");
	expect_sets("(?<who>\\x{41}lpha)zeta", "lpha & zeta");
	expect_sets("e\\.g\\. said", "e.g. said");
	expect_sets("(?i:Spoke)\\.\\s(?-i:WITH)", "spoke & with");
	/* a class ends where PCRE2 ends it: "\c]" is a control character;
	** "[:" is a POSIX class only when ":]" comes before any ']' */
	expect_sets("[\\c]]abcd", "abcd");
	expect_sets("xyz[[:x]|bcd:]]", "xyz|bcd:]]");
	expect_sets("xyz[[:alpha:]]|bcd", "xyz|bcd");
	expect_sets("[[:alpha:][:digit:]\\]]+said", "said");
	/* \E and a comment are no item: a quantifier after one repeats
	** the item before (not read); without one, the run goes on */
	expect_sets("abc\\E?def", "-");
	expect_sets("abc(?#x)?def", "-");
	expect_sets("abc(?#x){0}def", "-");
	expect_sets("ab\\Ecd(?#x)ef", "abcdef");
	/* blanks in a quantifier's braces: a repeat from PCRE2 10.43 on
	** (read as one, a literal dropped under older PCRE2 is sound) */
	expect_sets("colou{ 0 }rful", "colo & rful");
	expect_sets("colou{ 0 , 2 }rful", "colo & rful");
	expect_sets("colou{\t1 }rful", "colou & rful");
	/* a group name is word characters: "(?<*" (a non-atomic
	** look-behind) is not read */
	expect_sets("(?<*x)abc|zzz(?:q>rrrr)", "-");
	expect_sets("(?P<ab_1>abcd)(?'c'efgh)", "abcd & efgh");
	/* a non-ASCII character is no literal */
	expect_sets("caf\xC3\xA9s", "caf");
	/* syntax it does not read: no sets at all */
	expect_sets("(?x)phone call", "-");
	expect_sets("(phone)\\1call", "-");
	expect_sets("\\Qphone\\Ecall", "-");
	expect_sets("(?(1)phone|call)", "-");
	expect_sets("(*COMMIT)phone", "-");
	expect_sets("(?&name)phone", "-");
	expect_sets("phone)", "-");
	expect_sets("(phone", "-");
}

static void test_fold(void **state)
{
	(void)state;
	const char *s = "\xC5\xBFpoke with MACRON \xE2\x84\xAA\xC3\xA9";
	char out[64];
	size_t n = cl_fold(s, strlen(s), out);
	assert_int_equal(n, strlen("spoke with macron k\xC3\xA9"));
	assert_memory_equal(out, "spoke with macron k\xC3\xA9", n);
}

/* PCRE2 matches s and k caselessly to U+017F and U+212A: the folded
** sentence has them, so such a sentence is still tried. */
static void test_fold_keeps_caseless_matches(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	const char *re = "(?i)spoke";
	struct cl_lits l;
	assert_int_equal(cl_lits_analyze(&a, re, strlen(re), &l), FC_OK);
	assert_int_equal(l.nsets, 1);
	const char *s = "Putin \xC5\xBFPO\xE2\x84\xAA" "E with Macron";
	int ec;
	size_t eo;
	pcre2_code *code = cl_compile_regex(re, strlen(re), &ec, &eo);
	assert_non_null(code);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	assert_true(pcre2_match(code, (PCRE2_SPTR)s, strlen(s), 0, 0, md,
				NULL) >= 0);
	char f[64];
	size_t n = cl_fold(s, strlen(s), f);
	assert_true(cl_lits_present(&l, f, n));
	assert_false(cl_lits_present(&l, "putin spake", 11));
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	fc_arena_finish(&a);
}

/* Every built-in pattern over every sentence of the seed corpus: when
** the sentence lacks its literals, the pattern does not match it. */
static void test_builtin_skips_are_sound(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(NULL, 1);
	struct fc_corpus *c = seed_corpus(r, 2);
	const struct fc_claims *cl = r->claims;
	size_t nwith = 0;
	for (size_t i = 0; i < cl->nactive; i++)
		for (size_t k = 0; k < cl->active[i]->npats; k++)
			nwith += cl_lazylits_get(&cl->active[i]->pats[k].lits)
					 ->nsets > 0;
	/* most patterns have literals */
	assert_true(nwith * 2 > cl->nactive);
	pcre2_match_data *md = pcre2_match_data_create(cl->maxpairs, NULL);
	size_t nskip = 0, ntried = 0;
	struct tagged t = {0};
	for (uint32_t di = 0; di < c->ndocs; di++) {
		const struct fc_document *doc = &c->docs[di];
		for (uint32_t si = 0; si < doc->nsentences; si++) {
			assert_int_equal(cl_tagged_build(&t, doc, si), FC_OK);
			char *f = malloc(t.len + 1);
			size_t n = cl_fold(t.s, t.len, f);
			for (size_t i = 0; i < cl->nactive; i++) {
				struct rule *ru = cl->active[i];
				for (size_t k = 0; k < ru->npats; k++) {
					struct pattern *p = &ru->pats[k];
					if (cl_lits_present(
						    cl_lazylits_get(&p->lits), f,
						    n)) {
						ntried++;
						continue;
					}
					nskip++;
					int rc = pcre2_match(
						p->re.code, (PCRE2_SPTR)t.s,
						t.len, 0, 0, md, NULL);
					if (rc != PCRE2_ERROR_NOMATCH)
						fail_msg("%s pattern %zu "
							 "matches a skipped "
							 "sentence: %s",
							 ru->id, k, t.s);
				}
			}
			free(f);
		}
	}
	/* the skips are real: most tries of a sentence are */
	assert_true(nskip > ntried);
	cl_tagged_finish(&t);
	pcre2_match_data_free(md);
	fc_corpus_destroy(c);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sets_of_written_regexes),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_keeps_caseless_matches),
		cmocka_unit_test(test_builtin_skips_are_sound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
