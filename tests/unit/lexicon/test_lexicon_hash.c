/*
** test_lexicon_hash.c: the token and phrase hashes (lexicon_p.h) and the
** tokenizer's 16-byte word reader (lexicon_tok.c).
**   - a word of every length from 1 to 40, in every case pattern the
**     reader tells apart, read with 16 bytes to spare (the SSE2 path)
**     and as the last bytes of a text of exactly its length (the byte
**     loop): the same form, hash and case flags both ways, the hash
**     lx_hash_tok of the form;
**   - a phrase key's hash (lx_hash_key) is its tokens' hashes joined in
**     order, so a gazetteer key and a run of text tokens meet;
**   - hashes that differ: forms one byte apart, the same bytes split
**     into other tokens, a form and its zero-padded longer twin.
*/
#include <stdlib.h>

#include "lx_test.h"

/* The word of length n in case pattern c: 0 lower, 1 Capitalised,
** 2 UPPER, 3 digits then letters, 4 mIxEd. */
static void make_word(char *w, size_t n, int c)
{
	for (size_t i = 0; i < n; i++) {
		char lc = (char)('a' + (i * 7 + (size_t)c) % 26);
		switch (c) {
		case 0: w[i] = lc; break;
		case 1: w[i] = i ? lc : (char)(lc - 32); break;
		case 2: w[i] = (char)(lc - 32); break;
		case 3: w[i] = i < 2 ? (char)('0' + i) : lc; break;
		default: w[i] = i % 2 ? (char)(lc - 32) : lc; break;
		}
	}
	w[n] = '\0';
}

static void test_reader_matches_byte_loop(void **state)
{
	(void)state;
	for (size_t n = 1; n <= 40; n++) {
		for (int c = 0; c < 5; c++) {
			char w[64], text[128];
			make_word(w, n, c);
			/* the word, then a comma and 20 more bytes */
			snprintf(text, sizeof(text), "%s, and some more text.", w);
			struct lx_toks a, b;
			lx_tokenize_exact(&a, text, strlen(text));
			lx_tokenize_exact(&b, w, n); /* the word alone, at the end */
			assert_true(a.n >= 2);
			assert_int_equal(b.n, 1);
			const struct lx_tok *ta = &a.v[0], *tb = &b.v[0];
			assert_int_equal(ta->end, n);
			assert_int_equal(tb->end, n);
			size_t la, lb;
			const char *ka = lx_key(&a, 0, 1, &la);
			const char *kb = lx_key(&b, 0, 1, &lb);
			assert_int_equal(la, n);
			assert_int_equal(lb, n);
			assert_memory_equal(ka, kb, n);
			for (size_t i = 0; i < n; i++)
				assert_int_equal(ka[i], w[i] >= 'A' && w[i] <= 'Z'
								? w[i] + 32
								: w[i]);
			assert_int_equal(ta->hash, tb->hash);
			assert_int_equal(ta->hash, lx_hash_tok(ka, n));
			assert_int_equal(ta->flags, tb->flags);
			assert_int_equal(!!(ta->flags & LX_T_CAP), c == 1 || c == 2);
			assert_int_equal(!!(ta->flags & LX_T_DIGIT), c == 3);
			/* all upper: the UPPER pattern, and a one-letter
			** mixed word ("X") */
			assert_int_equal(!!(ta->flags & LX_T_UPPER),
					 c == 2 || (c == 1 && n == 1));
			assert_true(ta->flags & LX_T_WORD);
			lx_toks_finish(&a);
			lx_toks_finish(&b);
		}
	}
}

static void test_phrase_hash_joins_tokens(void **state)
{
	(void)state;
	const char *text = "The Islamic Revolutionary Guard Corps said";
	struct lx_toks t;
	lx_tokenize_exact(&t, text, strlen(text));
	assert_int_equal(t.n, 6);
	for (size_t i = 0; i < t.n; i++) {
		uint32_t h = t.v[i].hash;
		for (size_t k = 1; i + k <= t.n; k++) {
			if (k > 1)
				h = lx_hash_join(h, t.v[i + k - 1].hash);
			size_t len;
			const char *key = lx_key(&t, i, k, &len);
			assert_int_equal(lx_hash_key(key, len), h);
		}
	}
	lx_toks_finish(&t);
}

static void test_hashes_differ(void **state)
{
	(void)state;
	/* one byte apart, at every position of a 20-byte form */
	char a[21] = "abcdefghijklmnopqrst", b[21];
	for (size_t i = 0; i < 20; i++) {
		memcpy(b, a, sizeof(a));
		b[i] = 'z';
		assert_int_not_equal(lx_hash_tok(a, 20), lx_hash_tok(b, 20));
	}
	/* a form and the same bytes with a zero byte more */
	assert_int_not_equal(lx_hash_tok("ab\0", 2), lx_hash_tok("ab\0", 3));
	/* "ab c" and "a bc": the same bytes, other tokens */
	assert_int_not_equal(lx_hash_key("ab c", 4), lx_hash_key("a bc", 4));
	/* a phrase and its first word */
	assert_int_not_equal(lx_hash_key("new york", 8),
			     lx_hash_key("new", 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_matches_byte_loop),
		cmocka_unit_test(test_phrase_hash_joins_tokens),
		cmocka_unit_test(test_hashes_differ),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
