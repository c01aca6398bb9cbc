/*
** test_jit.c: a claim regex runs interpreted until it is hot, then on a
** JIT copy (src/claims/jit.c). What a text does not need is never
** JIT-compiled; the facts do not depend on the tier; a try one engine
** gives up on is decided by the other.
*/
#include <pthread.h>

#include "claims_test.h"
#include "claims/claims_p.h"

/* Interpreted unless an engine gives up; JIT from the first try. */
static const struct fc_lazy_policy NEVER = {(unsigned)-1, (unsigned)-1,
					    false};
static const struct fc_lazy_policy AT_ONCE = {0, 0, false};

/* The limits fc_claims_doc sets (match.c). */
#define MATCH_LIMIT 500000u
#define DEPTH_LIMIT 5000u

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	return fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-claims-jit");
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

static struct fc_rules *rules_from(const char *yaml)
{
	return rules_from_yaml(tmpdir, yaml);
}

static struct rule *rule_by_id(const struct fc_claims *cl, const char *id)
{
	for (size_t i = 0; i < cl->nactive; i++)
		if (!strcmp(cl->active[i]->id, id))
			return cl->active[i];
	fail_msg("no rule %s", id);
	return NULL;
}

/* ---- What a text does not need is never compiled ------------------------ */

/* Forty sentences of news without a word of a call ("phone", "call",
** "talk", "spoke", ...). */
static const char *const no_call_lines[] = {
	"The storm dropped heavy rain across the region on Tuesday.",
	"Firefighters worked through the night to contain the blaze.",
	"Shares of the company fell sharply after the report.",
	"Residents were asked to leave their homes before dawn.",
	"The museum will reopen next month after a long renovation.",
	"Police closed the road for several hours.",
	"The team won its third game in a row.",
	"Prices for fuel rose for the fourth straight week.",
};

static void test_unneeded_patterns_are_never_compiled(void **state)
{
	(void)state;
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: call.by-phone\n"
		"    fact: call\n"
		"    requires: '(?i)phone'\n"
		"    pattern: '(?<a>{ACTOR}) spoke by phone with (?<b>{ACTOR})'\n"
		"    slots: {participants: [a, b]}\n");
	struct rule *ru = rule_by_id(r->claims, "call.by-phone");
	assert_int_equal(cl_jit_count(r->claims), 0);

	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < 40; i++)
		fc_buf_printf(&b, "%s\n", no_call_lines[i % 8]);
	fc_buf_adds(&b, "Putin spoke by phone with Macron.");
	char *text = fc_buf_steal(&b, NULL);
	struct tdoc t;
	tdoc_init(&t, text, "2026-01-16");
	free(text);
	tdoc_expect(r, &t,
		  "call participants=[person:vladimir-putin,"
		  "person:emmanuel-macron] @Putin spoke by phone with Macron\n");
	/* the requires: ran on all 41 sentences, hot long before the end */
	assert_true(fc_lazy_re_is_jit(ru->req));
	/* the pattern: tried on the one sentence the requires let through,
	** interpreted: from its start, then on the "." after the match */
	assert_int_equal(atomic_load(&ru->pats[0].re.read),
			 strlen("\x01P0\x02 spoke by phone with \x01P1\x02.") +
				 strlen("."));
	assert_false(fc_lazy_re_is_jit(&ru->pats[0].re));
	assert_int_equal(cl_jit_count(r->claims), 1);
	rules_free(r);
}

/* The built-in rules over sentences with no word of a call: no call
** pattern is tried, so none is compiled; the requires: of every rule ran
** on every sentence and is hot. */
static void test_builtin_call_patterns_untried(void **state)
{
	(void)state;
	struct fc_rules *R = rules_load_builtin();
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < 40; i++)
		fc_buf_printf(&b, "%s%s", i ? "\n" : "", no_call_lines[i % 8]);
	char *text = fc_buf_steal(&b, NULL);
	struct tdoc t;
	tdoc_init(&t, text, "2026-01-16");
	free(text);
	tdoc_expect(R, &t, "");
	const struct fc_claims *cl = R->claims;
	size_t ncalls = 0, nreq = 0;
	for (size_t i = 0; i < cl->nactive; i++) {
		struct rule *ru = cl->active[i];
		if (ru->req) {
			assert_true(fc_lazy_re_is_jit(ru->req));
			nreq++;
		}
		if (strncmp(ru->id, "call.", 5))
			continue;
		ncalls++;
		for (size_t k = 0; k < ru->npats; k++) {
			assert_int_equal(atomic_load(&ru->pats[k].re.read), 0);
			assert_false(fc_lazy_re_is_jit(&ru->pats[k].re));
			/* nor its literals read */
			assert_false(cl_lazylits_is_read(&ru->pats[k].lits));
		}
	}
	assert_true(ncalls >= 5);
	assert_true(nreq >= 30);
	rules_free(R);
}

/* ---- The tier does not change the facts --------------------------------- */

/* The facts of the seed corpus (every stage up to facts), one a line. */
static char *seed_facts(const struct fc_lazy_policy *pol, size_t *njit)
{
	struct fc_rules *r = fc_test_load_rules(NULL, 1);
	r->claims->jit = *pol;
	struct fc_corpus *c = seed_corpus(r, 3);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < c->nfacts; i++) {
		const struct fc_fact *f = &c->facts[i];
		fc_buf_printf(&b, "%u:%u %s %s", f->doc, f->sentence, f->rule,
			      f->kind);
		for (size_t k = 0; k < f->nslots; k++) {
			fc_buf_printf(&b, " %s=", f->slots[k].name);
			render_value(&b, &c->arena, &f->slots[k].value);
		}
		fc_buf_printf(&b, " %d %d %s @%.*s\n", (int)f->polarity,
			      (int)f->modality,
			      f->attribution ? f->attribution : "-",
			      (int)(f->end - f->start),
			      c->docs[f->doc].text + f->start);
	}
	*njit = cl_jit_count(r->claims);
	fc_corpus_destroy(c);
	fc_rules_destroy(r);
	return fc_buf_steal(&b, NULL);
}

static void test_seed_facts_same_on_every_tier(void **state)
{
	(void)state;
	size_t jn, ja, jd;
	char *never = seed_facts(&NEVER, &jn);
	char *at_once = seed_facts(&AT_ONCE, &ja);
	struct fc_lazy_policy def = {CL_JIT_SIZE_PCT, CL_JIT_MATCHES, false};
	char *dflt = seed_facts(&def, &jd);
	size_t nlines = 0;
	for (const char *p = never; *p; p++)
		nlines += *p == '\n';
	assert_true(nlines >= 50);
	assert_string_equal(never, at_once);
	assert_string_equal(never, dflt);
	/* nothing gave up, so nothing was compiled; at once, everything
	** tried was; by default, some */
	assert_int_equal(jn, 0);
	assert_true(jd > 0 && jd < ja);
	free(never);
	free(at_once);
	free(dflt);
}

/* ---- A try one engine gives up on --------------------------------------- */

struct engine {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *stack;
};

static void engine_init(struct engine *e)
{
	e->md = pcre2_match_data_create(4, NULL);
	e->mctx = pcre2_match_context_create(NULL);
	e->stack = pcre2_jit_stack_create(32u << 10, 1u << 20, NULL);
	assert_non_null(e->md);
	assert_non_null(e->mctx);
	assert_non_null(e->stack);
	pcre2_set_match_limit(e->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(e->mctx, DEPTH_LIMIT);
	pcre2_jit_stack_assign(e->mctx, NULL, e->stack);
}

static void engine_finish(struct engine *e)
{
	pcre2_jit_stack_free(e->stack);
	pcre2_match_context_free(e->mctx);
	pcre2_match_data_free(e->md);
}

static void compile_re(struct fc_lazy_re *re, const char *src)
{
	int ec;
	size_t eoff;
	pcre2_code *code = cl_compile_regex(src, strlen(src), &ec, &eoff);
	assert_non_null(code);
	fc_lazy_re_init(re, code);
}

/* "x", 6000 "a", "y" against x(?:a|b)*y: the interpreter gives up at the
** depth limit, the JIT matches. On either tier the try matches. */
static void test_deep_try_matches_on_both_tiers(void **state)
{
	(void)state;
	size_t n = 6000;
	char *s = malloc(n + 3);
	s[0] = 'x';
	memset(s + 1, 'a', n);
	s[n + 1] = 'y';
	s[n + 2] = '\0';
	struct engine e;
	engine_init(&e);
	struct fc_lazy_re never, at_once;
	compile_re(&never, "x(?:a|b)*y");
	compile_re(&at_once, "x(?:a|b)*y");
	/* the interpreter alone gives up */
	assert_int_equal(pcre2_match(never.code, (PCRE2_SPTR)s, n + 2, 0, 0,
				     e.md, e.mctx),
			 PCRE2_ERROR_DEPTHLIMIT);
	assert_int_equal(fc_lazy_re_match(&NEVER, &never, s, n + 2, 0, e.md,
					e.mctx),
			 1);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e.md);
	assert_int_equal(ov[0], 0);
	assert_int_equal(ov[1], n + 2);
	/* it took the JIT copy (made for that try) to decide */
	assert_true(fc_lazy_re_is_jit(&never));
	assert_int_equal(fc_lazy_re_match(&AT_ONCE, &at_once, s, n + 2, 0, e.md,
					e.mctx),
			 1);
	assert_int_equal(ov[0], 0);
	assert_int_equal(ov[1], n + 2);
	fc_lazy_re_free(&never);
	fc_lazy_re_free(&at_once);
	engine_finish(&e);
	free(s);
}

/* "Putin " and 20000 "a" then "b" against a pattern that backtracks
** exponentially: both engines give up; the rule stops with the same
** warning (the interpreter's error) and no fact on either tier. */
static void test_hopeless_try_fails_alike_on_both_tiers(void **state)
{
	(void)state;
	const char *yaml = "kind: claims\n"
			   "claims:\n"
			   "  - id: slow\n"
			   "    fact: statement\n"
			   "    pattern: '(?<a>{ACTOR}) (?<t>(?:a|a?a)+)$'\n"
			   "    slots: {speaker: a, topic: t}\n";
	size_t n = 20000;
	char *text = malloc(n + 16);
	memcpy(text, "Putin ", 6);
	memset(text + 6, 'a', n);
	strcpy(text + 6 + n, "b");
	char *msg[2];
	for (int k = 0; k < 2; k++) {
		struct fc_rules *r = rules_from(yaml);
		r->claims->jit = k ? AT_ONCE : NEVER;
		struct tdoc t;
		tdoc_init(&t, text, "2026-01-16");
		struct fc_diags d;
		fc_diags_init(&d);
		assert_int_equal(tdoc_run(&t, r, &d), FC_OK);
		assert_int_equal(t.c->nfacts, 0);
		assert_int_equal(d.n, 1);
		assert_int_equal(d.nwarn, 1);
		msg[k] = strdup(d.v[0].msg);
		/* either way the JIT copy was made and tried */
		assert_int_equal(cl_jit_count(r->claims), 1);
		fc_diags_finish(&d);
		tdoc_free(&t);
		rules_free(r);
	}
	assert_string_equal(msg[0], msg[1]);
	assert_non_null(strstr(msg[0], "claim rule 'slow' stopped on sentence "
					"1 of source 't'"));
	free(msg[0]);
	free(msg[1]);
	free(text);
}

/* ---- Shared by threads ----------------------------------------------- */

/* One regex and one pattern's literals shared by four threads, each
** with its own match data, as threads would share the rules. */
struct shared {
	struct fc_lazy_re re;
	struct cl_lazylits lits;
};

static const char *const SUBJ[] = {
	"Putin spoke by phone with Macron on Tuesday.",
	"The storm dropped heavy rain across the region.",
	"Putin spoke with Macron.",
};

static void *hammer(void *arg)
{
	struct shared *sh = arg;
	static const struct fc_lazy_policy pol = {CL_JIT_SIZE_PCT,
						  CL_JIT_MATCHES, false};
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	pcre2_match_context *mctx = pcre2_match_context_create(NULL);
	size_t nbad = 0;
	const struct cl_lits *l = NULL;
	for (size_t i = 0; i < 600; i++) {
		const char *s = SUBJ[i % 3];
		int rc = fc_lazy_re_match(&pol, &sh->re, s, strlen(s), 0, md,
					mctx);
		nbad += (i % 3 == 0) != (rc >= 0);
		/* NULL while another thread reads them; then always the
		** same sets */
		const struct cl_lits *x = cl_lazylits_get(&sh->lits);
		nbad += l && x != l;
		if (x)
			l = x;
	}
	pcre2_match_context_free(mctx);
	pcre2_match_data_free(md);
	/* a thread may see no literals at all: it can run its 600 tries
	** while the one reading them is off the CPU (NULL means "try the
	** pattern", which is right); that all see them once read is
	** asserted after the join */
	return (void *)(uintptr_t)nbad;
}

/* Four threads from the first try on: every try right, one JIT copy,
** one reading of the literals that all see; freed once (ASan). */
static void test_threads_share_a_regex(void **state)
{
	(void)state;
	const char *re = "(?<a>\\w+) spoke by phone with (?<b>\\w+)";
	for (int round = 0; round < 50; round++) {
		struct shared sh = {0};
		int ec;
		size_t eo;
		pcre2_code *code = cl_compile_regex(re, strlen(re), &ec, &eo);
		assert_non_null(code);
		fc_lazy_re_init(&sh.re, code);
		cl_lazylits_init(&sh.lits, re, strlen(re));
		pthread_t th[4];
		for (int k = 0; k < 4; k++)
			assert_int_equal(pthread_create(&th[k], NULL, hammer,
							&sh), 0);
		size_t nbad = 0;
		for (int k = 0; k < 4; k++) {
			void *r;
			assert_int_equal(pthread_join(th[k], &r), 0);
			nbad += (uintptr_t)r;
		}
		assert_int_equal(nbad, 0);
		assert_true(fc_lazy_re_is_jit(&sh.re));
		const struct cl_lits *l = cl_lazylits_get(&sh.lits);
		assert_non_null(l);
		assert_int_equal(l->nsets, 1);
		assert_int_equal(l->sets[0].n, 1);
		assert_string_equal(l->sets[0].s[0], " spoke by phone with ");
		assert_true(cl_lazylits_is_read(&sh.lits));
		cl_lazylits_free(&sh.lits);
		fc_lazy_re_free(&sh.re);
		fc_lazy_re_free(&sh.re); /* twice: no double free */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unneeded_patterns_are_never_compiled),
		cmocka_unit_test(test_builtin_call_patterns_untried),
		cmocka_unit_test(test_seed_facts_same_on_every_tier),
		cmocka_unit_test(test_deep_try_matches_on_both_tiers),
		cmocka_unit_test(test_hopeless_try_fails_alike_on_both_tiers),
		cmocka_unit_test(test_threads_share_a_regex),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
