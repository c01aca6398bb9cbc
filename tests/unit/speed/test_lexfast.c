/*
** test_lexfast.c: the fast paths of the lexicon stage give what the
** plain ways give: the tokenizer's forms, hashes and case flags (read
** while a word is found) against the definitions, its word boundaries
** on the hard cases, and fc_mentions_finish's key sort against a stable
** sort by the same order (fixed seed).
*/
#include <stdlib.h>
#include <time.h>

#include "extract/lexicon_p.h"
#include "fc_test.h"
#include "speed_rnd.h"

/* The tokens of text as "form|form|...", each with its flags checked
** against the definitions where the token is ASCII. */
static void check_tokens(const char *text, size_t n, struct lx_toks *t)
{
	memset(t, 0, sizeof(*t));
	assert_int_equal(lx_tokenize(t, text, n), FC_OK);
	uint32_t prev_end = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct lx_tok *k = &t->v[i];
		assert_true(k->start >= prev_end && k->end > k->start &&
			    k->end <= n);
		prev_end = k->end;
		size_t len;
		const char *key = lx_key(t, i, 1, &len);
		assert_int_equal(len, k->norm_len);
		assert_int_equal(key[len], ' ');
		assert_int_equal(k->hash, lx_hash_tok(key, len));
		assert_int_equal(k->ment, FC_NONE);
		assert_null(k->match);
		bool is_ascii = true;
		for (uint32_t b = k->start; b < k->end; b++)
			is_ascii &= (unsigned char)text[b] < 0x80;
		if (!is_ascii)
			continue;
		/* ASCII: the form is the text in lower case; CAP and DIGIT
		** come from the first letter or digit, UPPER from all */
		int nup = 0, nlow = 0, first = 0;
		for (uint32_t b = k->start; b < k->end; b++) {
			char c = text[b];
			char lc = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
			assert_int_equal(key[b - k->start], lc);
			bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z',
			     dig = c >= '0' && c <= '9';
			if (!first && (up || low || dig))
				first = up ? 'A' : dig ? '0' : 'a';
			nup += up;
			nlow += low;
		}
		assert_int_equal(!!(k->flags & LX_T_CAP), first == 'A');
		assert_int_equal(!!(k->flags & LX_T_DIGIT), first == '0');
		assert_int_equal(!!(k->flags & LX_T_UPPER), nup && !nlow);
	}
}

static void forms_are(const char *text, const char *want)
{
	struct lx_toks t;
	check_tokens(text, strlen(text), &t);
	char got[512] = "";
	for (size_t i = 0; i < t.n; i++) {
		size_t len;
		const char *key = lx_key(&t, i, 1, &len);
		if (i)
			strcat(got, "|");
		strncat(got, key, len);
	}
	assert_string_equal(got, want);
	lx_toks_finish(&t);
}

static void test_word_boundaries(void **state)
{
	(void)state;
	forms_are("The U.S. said, \"no.\"", "the|u.s.|said|,|\"|no|.|\"");
	forms_are("Russia's don't al-Assad d'Ivoire",
		  "russia|'s|do|n't|al-assad|d'ivoire");
	forms_are("3,000 and 2.5 in 2024.", "3,000|and|2.5|in|2024|.");
	forms_are("Internationalisation NATO-led x-", "internationalisation|"
		  "nato-led|x|-");
	forms_are("Ümit Çelik’s “quote”", "umit|celik|'s|\"|quote|\"");
	forms_are("a\n\nb", "a|b");
}

static void test_tokens_match_definitions(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", "Z", "7", " ", "  ", "\n", ".", ",", "'", "-", "\"", "'s",
		"n't", "U.S.", "WHO", "Iran", "internationalisation", "3,000",
		"\xC3\xA9", "\xE2\x80\x99", "\xE2\x80\x9C", "\xC3\x9C", "(", ")",
		"ABCDEFGHIJ", "abcdefghijklmnop", "0123456789", "x1Y2",
	};
	char text[400];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		while (n < 300) {
			const char *p = pieces[rnd() % (sizeof(pieces) /
							sizeof(*pieces))];
			size_t k = strlen(p);
			memcpy(text + n, p, k);
			n += k;
		}
		struct lx_toks t;
		check_tokens(text, n, &t);
		lx_toks_finish(&t);
	}
}

/* 1 MB of "U.S." is one token of initials, read in linear time: with
** the initials tested again from the token's start at each dot it took
** 88 s (quadratic); now milliseconds, under a CPU second here even in
** the ASan build. */
static void test_initials_linear(void **state)
{
	(void)state;
	size_t n = 1u << 20;
	char *text = malloc(n);
	assert_non_null(text);
	for (size_t i = 0; i < n; i += 4)
		memcpy(text + i, "U.S.", 4);
	struct lx_toks t = {0};
	clock_t c0 = clock();
	assert_int_equal(lx_tokenize(&t, text, n), FC_OK);
	double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
	assert_true(secs < 1.0);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.v[0].start, 0);
	assert_int_equal(t.v[0].end, n);
	lx_toks_finish(&t);
	/* and short ones as before: "U.S" + "." glues, "U" "." "S" at the end */
	forms_are("U.S.A. U.S.a U.S", "u.s.a.|u.s.|a|u|.|s");
	free(text);
}

/* fc_mentions_finish orders as a stable sort by cmp_mention did. */
static bool before(const struct fc_mention *a, const struct fc_mention *b)
{
	if (a->start != b->start)
		return a->start < b->start;
	if (a->end != b->end)
		return a->end > b->end;
	return a->kind < b->kind;
}

static void test_mentions_sort_stable(void **state)
{
	(void)state;
	static const char *const tags[] = {"a", "b", "c", "d", "e", "f"};
	for (int round = 0; round < 300; round++) {
		size_t n = rnd() % 400;
		struct fc_document doc = {0};
		struct fc_mention *m = calloc(n ? n : 1, sizeof(*m));
		struct fc_mention *want = calloc(n ? n : 1, sizeof(*m));
		assert_non_null(m);
		assert_non_null(want);
		uint32_t span = 1 + (uint32_t)(rnd() % 50); /* many ties */
		for (size_t i = 0; i < n; i++) {
			m[i].start = (uint32_t)(rnd() % span);
			m[i].end = m[i].start + (uint32_t)(rnd() % 4);
			m[i].kind = (enum fc_mention_kind)(rnd() % 3);
			m[i].rule = tags[i % 6];
			m[i].inner_start = (uint32_t)i; /* the original place */
		}
		/* the reference: insertion sort, stable */
		for (size_t i = 0; i < n; i++) {
			size_t j = i;
			for (; j > 0 && before(&m[i], &want[j - 1]); j--)
				want[j] = want[j - 1];
			want[j] = m[i];
		}
		doc.mentions = m;
		doc.nmentions = n;
		fc_mentions_finish(&doc);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(m[i].inner_start, want[i].inner_start);
			assert_int_equal(m[i].sentence, FC_NONE);
		}
		free(m);
		free(want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_boundaries),
		cmocka_unit_test(test_tokens_match_definitions),
		cmocka_unit_test(test_initials_linear),
		cmocka_unit_test(test_mentions_sort_stable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
