/*
** test_lit.c: the literals a claim pattern needs (src/claims/lit.c):
** exact sets for written regexes, none for syntax it does not read, the
** sentence folding, and over the seed corpus with the built-in rules:
** every pattern a sentence is skipped for does not match it. Every
** character PCRE2 matches caselessly to an ASCII letter is folded, and a
** differential fuzz (100000 random regexes, fixed seed) finds no skip
** of a sentence that matches.
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
	expect_sets("(?R)?phone", "-");
	expect_sets("(?C\"x)y\")phone", "-");
	/* option letters PCRE2 lacks are not read as options */
	expect_sets("(?q)phone", "-");
	/* PCRE2's option letters are; a numbered callout needs nothing */
	expect_sets("(?imnsU)phone(?C)(?C12)call", "phone & call");
	expect_sets("(?^J:phone)", "phone");
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

/* Every non-ASCII character that PCRE2 matches caselessly to an ASCII
** letter (UTF, with and without UCP) folds to that letter: else a
** sentence holding it would be skipped although it matches. */
static void test_fold_covers_every_caseless_twin(void **state)
{
	(void)state;
	struct fc_buf all;
	fc_buf_init(&all, 0);
	for (uint32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char u[4];
		size_t n;
		if (cp < 0x800) {
			u[0] = (char)(0xC0 | cp >> 6);
			n = 1;
		} else if (cp < 0x10000) {
			u[0] = (char)(0xE0 | cp >> 12);
			u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
			n = 2;
		} else {
			u[0] = (char)(0xF0 | cp >> 18);
			u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
			u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
			n = 3;
		}
		u[n++] = (char)(0x80 | (cp & 0x3F));
		fc_buf_add(&all, u, n);
	}
	const char *s = fc_buf_cstr(&all);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	size_t ntwins = 0;
	for (int ucp = 0; ucp < 2; ucp++)
		for (char c = 'a'; c <= 'z'; c++) {
			char re[32];
			snprintf(re, sizeof(re), "%s(?i)%c", ucp ? "(*UCP)" : "",
				 c);
			int ec;
			size_t eo;
			pcre2_code *code = cl_compile_regex(re, strlen(re), &ec,
							    &eo);
			assert_non_null(code);
			size_t off = 0;
			while (pcre2_match(code, (PCRE2_SPTR)s, all.len, off,
					   PCRE2_NO_UTF_CHECK, md, NULL) >= 0) {
				const PCRE2_SIZE *ov =
					pcre2_get_ovector_pointer(md);
				char f[8];
				size_t n = cl_fold(s + ov[0], ov[1] - ov[0], f);
				if (n != 1 || f[0] != c)
					fail_msg("%s matches U+%.*s unfolded", re,
						 (int)(ov[1] - ov[0]), s + ov[0]);
				ntwins++;
				off = ov[1];
			}
			pcre2_code_free(code);
		}
	/* U+212A and U+017F, with UCP and without */
	assert_true(ntwins >= 4);
	pcre2_match_data_free(md);
	fc_buf_finish(&all);
}

/* ---- Differential fuzz: lit.c's skip against PCRE2 ----------------------
** Random regexes built from every syntax a claim pattern may use, each
** with a sample subject built alongside it (then mutated: case, k/s and
** their caseless Unicode twins, Turkish i, deletions, affixes). Whenever
** lit.c's sets say "skip", pcre2_match must find no match. Fixed seed. */

struct gen {
	uint64_t rng;
	struct fc_buf re, sub;
	int ngroups; /* capturing groups written so far */
	bool is_named; /* (?<n1>...) written */
	int in_reset;  /* inside (?|...) */
};

static uint32_t rnd(struct gen *g, uint32_t n)
{
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 7;
	g->rng ^= g->rng << 17;
	return (uint32_t)(g->rng % n);
}

static const char *const WORDS[] = {
	"said", "Kilo", "sss", "call", "held", "Iran", "abc", "phone",
	"strasse", "e.g.", "k-s", "caf\xC3\xA9", "\xC3\x9F" "ad", "x]y",
	"a#b", "{ab}", "\xC5\xBFun", "\xE2\x84\xAA" "ey", "\xCE\xA3" "ig",
};

/* A word as regex (metacharacters escaped) and as sample. */
static void gen_word(struct gen *g)
{
	const char *w = WORDS[rnd(g, sizeof(WORDS) / sizeof(*WORDS))];
	for (const char *c = w; *c; c++) {
		if (strchr(".{}]#-", *c) && rnd(g, 3))
			fc_buf_addc(&g->re, '\\');
		fc_buf_addc(&g->re, *c);
	}
	fc_buf_adds(&g->sub, w);
}

static void gen_seq(struct gen *g, int depth);

/* One atom (regex and a sample of it); false when it takes no
** quantifier. */
static bool gen_atom(struct gen *g, int depth)
{
	/* regex, sample, takes a quantifier (2: one there quantifies the
	** atom before it) */
	static const struct {
		const char *re, *sub;
		int q;
	} ESC[] = {
		{"\\w", "x", 1}, {"\\s", " ", 1}, {"\\d", "7", 1},
		{"\\b", "", 0}, {"\\.", ".", 1}, {"\\x{41}", "A", 1},
		{"\\x41", "A", 1}, {"\\K", "", 0}, {"\\Qa.b\\E", "a.b", 1},
		{"[abc]", "b", 1}, {"[^a-z]", "1", 1}, {"[\\]x]", "]", 1},
		{"[[:alpha:]]", "z", 1}, {"[\\c]]", "\x1d", 1}, {".", "q", 1},
		{"\\N{U+41}", "A", 1}, {"(?i)", "", 0}, {"(?-i)", "", 0},
		{"(?#c)", "", 2}, {"(?C)", "", 0}, {"\\E", "", 2},
		{"$", "", 0}, {"[#]", "#", 1}, {"\\c(", "h", 1},
		{"[[:x]", "x", 1}, {"\\e", "\x1b", 1}, {"\\ ", " ", 1},
		{"\\\\", "\\", 1}, {"\\x{17F}", "\xC5\xBF", 1},
		{"[[:x]|ab:]]", "ab:]", 1}, {"\\Q\\E", "", 2},
	};
	uint32_t k = rnd(g, depth > 1 ? 4 : 9);
	if (k < 2 || rnd(g, 3) == 0) {
		gen_word(g);
		return true;
	}
	if (k == 2) {
		size_t e = rnd(g, sizeof(ESC) / sizeof(*ESC));
		fc_buf_adds(&g->re, ESC[e].re);
		fc_buf_adds(&g->sub, ESC[e].sub);
		return ESC[e].q == 1 || (ESC[e].q == 2 && g->re.len > 8);
	}
	if (k == 3) { /* a single letter */
		char c = (char)('a' + rnd(g, 26));
		fc_buf_addc(&g->re, c);
		fc_buf_addc(&g->sub, c);
		return true;
	}
	if (k == 4) { /* a look-around: its sample is not consumed */
		static const char *const LA[] = {"(?=", "(?!", "(?<=", "(?<!"};
		uint32_t la = rnd(g, 4);
		fc_buf_adds(&g->re, LA[la]);
		size_t s0 = g->sub.len;
		if (la >= 2 || rnd(g, 2))
			gen_word(g); /* a look-behind is of fixed length */
		else
			gen_seq(g, depth + 1);
		fc_buf_addc(&g->re, ')');
		if (rnd(g, 2))
			g->sub.len = s0;
		return true;
	}
	if (k == 5 && g->ngroups) { /* a back-reference or a call */
		static const char *const REF[] = {"\\1", "(?1)", "\\g{1}",
						  "(?&n1)", "(?P>n1)", "\\k<n1>"};
		uint32_t r = rnd(g, g->is_named ? 6 : 3);
		fc_buf_adds(&g->re, REF[r]);
		gen_word(g); /* a guess at what it matches */
		return true;
	}
	/* a group */
	static const char *const GR[] = {"(", "(?:", "(?|", "(?>", "(?i:",
					  "(?-i:", "(?<n>", "(?'n'", "(?P<n>",
					  "(?i-i:", "(?^:"};
	uint32_t gi = rnd(g, sizeof(GR) / sizeof(*GR));
	if (g->in_reset && gi >= 6 && gi <= 8)
		gi = 1; /* names in (?|...) must agree */
	const char *open = GR[gi];
	bool is_cap = gi == 0 || (gi >= 6 && gi <= 8);
	if (gi >= 6 && gi <= 8) {
		size_t ol = strlen(open);
		char name[24];
		snprintf(name, sizeof(name), "%.*s%d%c", (int)ol - 1, open,
			 g->ngroups + 1, open[ol - 1]);
		fc_buf_adds(&g->re, name);
		if (g->ngroups == 0)
			g->is_named = true;
	} else {
		fc_buf_adds(&g->re, open);
	}
	if (is_cap)
		g->ngroups++;
	g->in_reset += gi == 2;
	uint32_t nb = 1 + rnd(g, 3), pick = rnd(g, nb);
	for (uint32_t b = 0; b < nb; b++) {
		if (b)
			fc_buf_addc(&g->re, '|');
		size_t s0 = g->sub.len;
		if (rnd(g, 8))
			gen_seq(g, depth + 1);
		if (b != pick)
			g->sub.len = s0;
	}
	g->in_reset -= gi == 2;
	fc_buf_addc(&g->re, ')');
	return true;
}

/* A quantifier after an atom whose sample is sub[s0, len). */
static void gen_quant(struct gen *g, size_t s0)
{
	static const char *const Q[] = {"?", "*", "+", "{0}", "{2}", "{0,2}",
					"{1,}", "??", "*+", "{0,3}?", "{,2}",
					"{ 0 }", "?+", "{1}"};
	if (rnd(g, 3))
		return;
	uint32_t q = rnd(g, sizeof(Q) / sizeof(*Q));
	fc_buf_adds(&g->re, Q[q]);
	size_t n = g->sub.len - s0;
	char *one = malloc(n + 1);
	if (n)
		memcpy(one, g->sub.p + s0, n);
	uint32_t times = q == 3 ? 0 : q == 4 ? 2 : rnd(g, 3);
	if ((q == 2 || q == 6) && !times)
		times = 1;
	g->sub.len = s0;
	for (uint32_t t = 0; t < times; t++)
		fc_buf_add(&g->sub, one, n);
	free(one);
}

static void gen_seq(struct gen *g, int depth)
{
	uint32_t n = 1 + rnd(g, 4);
	for (uint32_t i = 0; i < n; i++) {
		size_t s0 = g->sub.len;
		if (gen_atom(g, depth))
			gen_quant(g, s0);
	}
}

/* The regex: a sequence or a top-level alternation, maybe behind a
** verb, (?i) or (?x), or with a (?(DEFINE)...) group. */
static void gen_regex(struct gen *g)
{
	g->re.len = g->sub.len = 0;
	g->ngroups = 0;
	g->is_named = false;
	g->in_reset = 0;
	uint32_t lead = rnd(g, 24);
	if (lead == 0)
		fc_buf_adds(&g->re, "(*UCP)");
	else if (lead == 1)
		fc_buf_adds(&g->re, "(?i)");
	else if (lead == 2)
		fc_buf_adds(&g->re, "(?x) # a comment\n");
	else if (lead == 3)
		fc_buf_adds(&g->re, "(*UCP)(?i)");
	uint32_t nb = 1 + rnd(g, 3), pick = rnd(g, nb);
	for (uint32_t b = 0; b < nb; b++) {
		if (b)
			fc_buf_addc(&g->re, '|');
		size_t s0 = g->sub.len;
		gen_seq(g, 0);
		if (b != pick)
			g->sub.len = s0;
	}
	if (rnd(g, 12) == 0)
		fc_buf_adds(&g->re, "(?(DEFINE)(?<dd>said))(?&dd)");
}

/* The sample mutated: case, caseless twins, a deletion, affixes. */
static void mutate(struct gen *g, struct fc_buf *out)
{
	static const char *const TWIN[][2] = {
		{"k", "\xE2\x84\xAA"}, {"s", "\xC5\xBF"}, {"i", "\xC4\xB0"},
		{"I", "\xC4\xB1"}, {"\xC3\x9F", "\xE1\xBA\x9E"},
		{"\xCE\xA3", "\xCF\x82"}, {"K", "\xE2\x84\xAA"},
		{"S", "\xC5\xBF"},
	};
	out->len = 0;
	if (rnd(g, 4) == 0)
		fc_buf_adds(out, "He said: ");
	uint32_t mode = rnd(g, 4);
	for (size_t i = 0; i < g->sub.len; i++) {
		char c = g->sub.p[i];
		if (mode == 1 && rnd(g, 2) && (unsigned)(c | 0x20) - 'a' < 26u)
			c ^= 0x20;
		bool is_done = false;
		for (size_t t = 0; mode == 2 && !is_done &&
				   t < sizeof(TWIN) / sizeof(*TWIN); t++) {
			size_t l = strlen(TWIN[t][0]);
			if (!strncmp(g->sub.p + i, TWIN[t][0], l) &&
			    rnd(g, 2)) {
				fc_buf_adds(out, TWIN[t][1]);
				i += l - 1;
				is_done = true;
			}
		}
		if (is_done)
			continue;
		if (mode == 3 && (unsigned char)c < 0x80 && rnd(g, 8) == 0)
			continue; /* an ASCII byte deleted */
		fc_buf_addc(out, c);
	}
	if (rnd(g, 4) == 0)
		fc_buf_adds(out, " yesterday.");
}

/* Many thousands of random regexes: a skip is never a lost match. */
static void test_fuzz_skip_is_sound(void **state)
{
	(void)state;
	struct gen g = {.rng = 0x9E3779B97F4A7C15u};
	fc_buf_init(&g.re, 0);
	fc_buf_init(&g.sub, 0);
	struct fc_buf s;
	fc_buf_init(&s, 0);
	pcre2_match_data *md = pcre2_match_data_create(32, NULL);
	pcre2_match_context *mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mctx, 100000);
	size_t ncompiled = 0, nwith = 0, nskip = 0, nmatch = 0;
	for (int it = 0; it < 100000; it++) {
		gen_regex(&g);
		int ec;
		size_t eo;
		pcre2_code *code = cl_compile_regex(fc_buf_cstr(&g.re),
						    g.re.len, &ec, &eo);
		if (!code)
			continue;
		ncompiled++;
		struct fc_arena a;
		fc_arena_init(&a);
		struct cl_lits l;
		assert_int_equal(cl_lits_analyze(&a, g.re.p, g.re.len, &l),
				 FC_OK);
		nwith += l.nsets > 0;
		for (int v = 0; v < 6 && l.nsets; v++) {
			mutate(&g, &s);
			const char *sp = fc_buf_cstr(&s);
			char *f = malloc(s.len + 1);
			size_t n = cl_fold(sp, s.len, f);
			bool is_in = cl_lits_present(&l, f, n);
			free(f);
			int rc = pcre2_match(code, (PCRE2_SPTR)sp, s.len, 0,
					     0, md, mctx);
			nmatch += rc >= 0;
			if (is_in)
				continue;
			nskip++;
			if (rc >= 0 || rc == PCRE2_ERROR_MATCHLIMIT)
				fail_msg("skipped but %s: /%.*s/ on \"%.*s\"",
					 rc >= 0 ? "matches" : "undecided",
					 (int)g.re.len, g.re.p, (int)s.len,
					 sp);
		}
		fc_arena_finish(&a);
		pcre2_code_free(code);
	}
	/* the generator reaches the cases that matter */
	assert_true(ncompiled > 90000);
	assert_true(nwith > 25000);
	assert_true(nskip > 35000);
	assert_true(nmatch > 50000);
	pcre2_match_context_free(mctx);
	pcre2_match_data_free(md);
	fc_buf_finish(&s);
	fc_buf_finish(&g.re);
	fc_buf_finish(&g.sub);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sets_of_written_regexes),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_keeps_caseless_matches),
		cmocka_unit_test(test_builtin_skips_are_sound),
		cmocka_unit_test(test_fold_covers_every_caseless_twin),
		cmocka_unit_test(test_fuzz_skip_is_sound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
