/*
** test_lexicon_tok.c: the tokens lx_tokenize gives (lexicon_tok.c), on
** every path of lx_tokenize_from: the possessive 's and the clitic n't
** (straight and curly), web addresses and the marks that end them, ASCII
** marks with and without a space after them, quote marks, words that go
** on past their ASCII run (hyphens, apostrophes, letters above ASCII,
** "then-"), dotted initials and digit groups, words that start above
** ASCII, NUL bytes and invalid UTF-8, line breaks, words around 16 bytes
** (the 16-byte reader) and of 65,535 bytes and more (the form's length
** capped), texts that end inside any of these; each text as the whole
** of a block and with spaces after it, so that both the byte loop and
** the 16-byte readers read its words.
**
** The expected tokens were read from the tokenizer as it was before it
** was split into steps (dfcaa2c), so the split changed no token: start,
** end, flags, form, and a hash that is lx_hash_tok of the form.
*/
#include <stdlib.h>

#include "lx_test.h"

/* Each token "start end FLAGS form", tokens joined by '|'; FLAGS the
** letters of LX_T_ WORD CAP UPPER DIGIT POSS NL QOPEN(O) QCLOSE(Q)
** PARA(A), or "-" for none; a byte of the form outside ' '..'~' written
** \xNN. */
static const struct {
	const char *text;
	size_t n;
	const char *want;
} cases[] = {
	{"Russia's army", 13,
	 "0 6 WC russia|6 8 WP 's|9 13 W army"},
	{"RUSSIA'S", 8,
	 "0 6 WCU russia|6 8 WCUP 's"},
	{"Russia\xE2""\x80""\x99""s", 10,
	 "0 6 WC russia|6 10 WP 's"},
	{"Russia\xE2""\x80""\x99""S.", 11,
	 "0 6 WC russia|6 10 WCUP 's|10 11 - ."},
	{"the 'sixties", 12,
	 "0 3 W the|4 5 - '|5 12 W sixties"},
	{"Jones' car", 10,
	 "0 5 WC jones|5 6 - '|7 10 W car"},
	{"it's", 4,
	 "0 2 W it|2 4 WP 's"},
	{"'s", 2,
	 "0 2 WP 's"},
	{"x '", 3,
	 "0 1 W x|2 3 - '"},
	{"Russia'", 7,
	 "0 6 WC russia|6 7 - '"},
	{"Russia\xE2""\x80""\x99""", 9,
	 "0 6 WC russia|6 9 - '"},
	{"isn't", 5,
	 "0 2 W is|2 5 W n't"},
	{"ISN'T", 5,
	 "0 2 WCU is|2 5 WCU n't"},
	{"don\xE2""\x80""\x99""t go", 10,
	 "0 2 W do|2 7 W n't|8 10 W go"},
	{"n't", 3,
	 "0 3 W n't"},
	{"a n't", 5,
	 "0 1 W a|2 5 W n't"},
	{"can't've", 8,
	 "0 2 W ca|2 5 W n't|5 6 - '|6 8 W ve"},
	{"Hon'ts", 6,
	 "0 6 WC hon'ts"},
	{"isn'", 4,
	 "0 3 W isn|3 4 - '"},
	{"isn'T.", 6,
	 "0 2 W is|2 5 W n't|5 6 - ."},
	{"see www.example.com.", 20,
	 "0 3 W see|4 19 - www.example.com|19 20 - ."},
	{"WWW.EXAMPLE.ORG/a?b=1,", 22,
	 "0 21 C www.example.org/a?b=1|21 22 - ,"},
	{"http://x.y", 10,
	 "0 10 - http://x.y"},
	{"(https://x.y/z)", 15,
	 "0 1 - (|1 14 - https://x.y/z|14 15 - )"},
	{"http://", 7,
	 "0 4 W http|4 5 - :|5 6 - /|6 7 - /"},
	{"www.", 4,
	 "0 3 W www|3 4 - ."},
	{"http: no", 8,
	 "0 4 W http|4 5 - :|6 8 W no"},
	{"www.a", 5,
	 "0 5 - www.a"},
	{"said:http://a.b", 15,
	 "0 4 W said|4 5 - :|5 15 - http://a.b"},
	{"x http://a.b\xE2""\x80""\x9D""", 15,
	 "0 1 W x|2 12 - http://a.b|12 15 Q \""},
	{"HTTPS://A.B\"c", 13,
	 "0 11 CU https://a.b|11 12 OQ \"|12 13 W c"},
	{"a , b", 5,
	 "0 1 W a|2 3 - ,|4 5 W b"},
	{"a ,b", 4,
	 "0 1 W a|2 3 - ,|3 4 W b"},
	{"a,b", 3,
	 "0 1 W a|1 2 - ,|2 3 W b"},
	{"(a)", 3,
	 "0 1 - (|1 2 W a|2 3 - )"},
	{"? !", 3,
	 "0 1 - ?|2 3 - !"},
	{"a. ", 3,
	 "0 1 W a|1 2 - ."},
	{"@#&~/_", 6,
	 "0 1 - @|1 2 - #|2 3 - &|3 4 - ~|4 5 - /|5 6 - _"},
	{"\"a\"", 3,
	 "0 1 OQ \"|1 2 W a|2 3 OQ \""},
	{"\xE2""\x80""\x9C""a\xE2""\x80""\x9D""", 7,
	 "0 3 O \"|3 4 W a|4 7 Q \""},
	{"\xC2""\xAB""a\xC2""\xBB""", 5,
	 "0 2 O \"|2 3 W a|3 5 Q \""},
	{"\xE2""\x80""\x9E""a\xE2""\x80""\x9F""", 7,
	 "0 3 O \"|3 4 W a|4 7 O \""},
	{"\xE2""\x80""\x98""a\xE2""\x80""\x99""", 7,
	 "0 3 - '|3 4 W a|4 7 - '"},
	{"al-Assad", 8,
	 "0 8 W al-assad"},
	{"d'Ivoire", 8,
	 "0 8 W d'ivoire"},
	{"O\xE2""\x80""\x99""Neill", 9,
	 "0 9 WC o'neill"},
	{"rock-'n'-roll", 13,
	 "0 4 W rock|4 5 - -|5 6 - '|6 7 W n|7 8 - '|8 9 - -|9 13 W roll"},
	{"well\xE2""\x80""\x90""known", 12,
	 "0 12 W well-known"},
	{"a--b", 4,
	 "0 1 W a|1 2 - -|2 3 - -|3 4 W b"},
	{"a-", 2,
	 "0 1 W a|1 2 - -"},
	{"-a", 2,
	 "0 1 - -|1 2 W a"},
	{"a'", 2,
	 "0 1 W a|1 2 - '"},
	{"Caf\xC3""\xA9""s", 6,
	 "0 6 WC cafes"},
	{"na\xC3""\xAF""ve x", 8,
	 "0 6 W naive|7 8 W x"},
	{"x\xC3""y", 3,
	 "0 1 W x|1 2 - \\xC3|2 3 W y"},
	{"then-President Obama", 20,
	 "0 4 W then|5 14 WC president|15 20 WC obama"},
	{"THEN-Premier", 12,
	 "0 4 WCU then|5 12 WC premier"},
	{"then-", 5,
	 "0 4 W then|4 5 - -"},
	{"thence-on", 9,
	 "0 9 W thence-on"},
	{"athen-x", 7,
	 "0 7 W athen-x"},
	{"U.S.", 4,
	 "0 4 WCU u.s."},
	{"U.S", 3,
	 "0 1 WCU u|1 2 - .|2 3 WCU s"},
	{"U.K. said", 9,
	 "0 4 WCU u.k.|5 9 W said"},
	{"U.S.A.F.", 8,
	 "0 8 WCU u.s.a.f."},
	{"U.", 2,
	 "0 1 WCU u|1 2 - ."},
	{"A.B.C.D.E", 9,
	 "0 8 WCU a.b.c.d.|8 9 WCU e"},
	{"Ab.C.", 5,
	 "0 2 WC ab|2 3 - .|3 4 WCU c|4 5 - ."},
	{"3,000", 5,
	 "0 5 WD 3,000"},
	{"3.5", 3,
	 "0 3 WD 3.5"},
	{"1,2,3.4", 7,
	 "0 7 WD 1,2,3.4"},
	{"3,", 2,
	 "0 1 WD 3|1 2 - ,"},
	{"3.", 2,
	 "0 1 WD 3|1 2 - ."},
	{"3,a", 3,
	 "0 1 WD 3|1 2 - ,|2 3 W a"},
	{"a3,5", 4,
	 "0 2 W a3|2 3 - ,|3 4 WD 5"},
	{"3,000.50, 4", 11,
	 "0 8 WD 3,000.50|8 9 - ,|10 11 WD 4"},
	{"\xC3""\x89""ire", 5,
	 "0 5 WC eire"},
	{"\xC3""\x90""akovo", 7,
	 "0 7 WC dakovo"},
	{"\xC3""\x89""mile's", 8,
	 "0 6 WC emile|6 8 WP 's"},
	{"\xD0""\x96""uk", 4,
	 "0 4 WC \\xD0\\xB6uk"},
	{"\xD0""\xB6""uk", 4,
	 "0 4 W \\xD0\\xB6uk"},
	{"\xCE""\xA9""-x", 4,
	 "0 4 WC \\xCE\\xA9-x"},
	{"\xE4""\xB8""\xAD""\xE5""\x9B""\xBD""", 6,
	 "0 6 W \\xE4\\xB8\\xAD\\xE5\\x9B\\xBD"},
	{"\xF0""\x9F""\x99""\x82""a", 5,
	 "0 4 - \\xF0\\x9F\\x99\\x82|4 5 W a"},
	{"a\x00""b", 3,
	 "0 1 W a|1 2 - \\x00|2 3 W b"},
	{"\x00""", 1,
	 "0 1 - \\x00"},
	{"a\xFF""b", 3,
	 "0 1 W a|1 2 - \\xFF|2 3 W b"},
	{"\x80""", 1,
	 "0 1 - \\x80"},
	{"\xE2""\x80""", 2,
	 "0 1 - \\xE2|1 2 - \\x80"},
	{"\xF0""\x9F""", 2,
	 "0 1 - \\xF0|1 2 - \\x9F"},
	{"a\xC3""", 2,
	 "0 1 W a|1 2 - \\xC3"},
	{"a\x0A""\x0A""b\x0A""c", 6,
	 "0 1 W a|3 4 WNA b|5 6 WN c"},
	{"a\xC2""\xA0""b", 4,
	 "0 1 W a|3 4 W b"},
	{"a\xE2""\x80""\x89""b\x09""\x0D""\x0C""\x0B""c", 10,
	 "0 1 W a|4 5 W b|9 10 W c"},
	{"\x0A""\x0A""\"x\"", 5,
	 "2 3 NOQA \"|3 4 W x|4 5 OQ \""},
	{"abcdefghijklmno", 15,
	 "0 15 W abcdefghijklmno"},
	{"abcdefghijklmnop", 16,
	 "0 16 W abcdefghijklmnop"},
	{"abcdefghijklmnopq", 17,
	 "0 17 W abcdefghijklmnopq"},
	{"abcdefghijklmno-x", 17,
	 "0 17 W abcdefghijklmno-x"},
	{"ABCDEFGHIJKLMNOP's", 18,
	 "0 16 WCU abcdefghijklmnop|16 18 WP 's"},
	{"ABCDEFGHIJKLMN'T", 16,
	 "0 13 WCU abcdefghijklm|13 16 WCU n't"},
	{"123456789012345,6", 17,
	 "0 17 WD 123456789012345,6"},
	{"abcdefghijklmn\xC3""\xA9""z", 17,
	 "0 17 W abcdefghijklmnez"},
	{"\xC3""\xA9""", 2,
	 "0 2 W e"},
	{"\xC3""\xA9"" b", 4,
	 "0 2 W e|3 4 W b"},
	{"a\x0A""isn't", 7,
	 "0 1 W a|2 4 WN is|4 7 W n't"},
	{"a\x0A""\x0A""www.x.org", 12,
	 "0 1 W a|3 12 NA www.x.org"},
	{"x\x0A""\x0A""http://a.b/c", 15,
	 "0 1 W x|3 15 NA http://a.b/c"},
	/* words one space apart, read one after another without the
	** main loop (take_ascii_word): each word's own flags, and none of
	** the first's line breaks; a break, a tab, two spaces, a mark or a
	** letter above ASCII after the space ends the run */
	{"a\x0A""\x0A""Bc DE 12 f", 13,
	 "0 1 W a|3 5 WCNA bc|6 8 WCU de|9 11 WD 12|12 13 W f"},
	{"one two\x0Athree four", 18,
	 "0 3 W one|4 7 W two|8 13 WN three|14 18 W four"},
	{"a\tb  c ,d e", 11,
	 "0 1 W a|2 3 W b|5 6 W c|7 8 - ,|8 9 W d|10 11 W e"},
	{"a \xC3""\xA9""b c-d e's f", 15,
	 "0 1 W a|2 5 W eb|6 9 W c-d|10 11 W e|11 13 WP 's|14 15 W f"},
};

/* The tokens of t in the notation of cases[].want, written to out. */
static void describe(const struct lx_toks *t, char *out, size_t cap)
{
	static const char letter[] = "WCUDPNOQ..A";
	size_t o = 0;
	out[0] = '\0';
	for (size_t k = 0; k < t->n; k++) {
		const struct lx_tok *x = &t->v[k];
		char fl[16];
		int q = 0;
		for (int b = 0; b < 11; b++)
			if (x->flags >> b & 1)
				fl[q++] = letter[b];
		if (!q)
			fl[q++] = '-';
		fl[q] = '\0';
		o += (size_t)snprintf(out + o, cap - o, "%s%u %u %s ",
				      k ? "|" : "", x->start, x->end, fl);
		for (size_t j = 0; j < x->norm_len; j++) {
			unsigned char b = (unsigned char)t->norm[x->norm_off + j];
			assert_true(o + 5 < cap);
			o += (size_t)snprintf(out + o, cap - o,
					      b < 32 || b > 126 ? "\\x%02X" : "%c",
					      b);
		}
		/* no flag outside the tokenizer's own */
		assert_int_equal(x->flags & ~0x7FFu, 0);
		assert_int_equal(x->hash, lx_hash_tok(t->norm + x->norm_off,
						      x->norm_len));
		assert_int_equal(t->norm[x->norm_off + x->norm_len], ' ');
	}
}

/* cases[c] as the whole of a block (the byte loop reads its words) or
** with 32 spaces after it (the 16-byte readers read them): the same
** tokens either way. */
static void check_case(size_t c, size_t pad)
{
	char text[256];
	struct lx_toks t;
	char got[1024];
	assert_true(cases[c].n + pad <= sizeof(text));
	memcpy(text, cases[c].text, cases[c].n);
	memset(text + cases[c].n, ' ', pad);
	lx_tokenize_exact(&t, text, cases[c].n + pad);
	describe(&t, got, sizeof(got));
	if (strcmp(got, cases[c].want) != 0)
		fail_msg("case %zu (%zu spaces after): got \"%s\", want \"%s\"",
			 c, pad, got, cases[c].want);
	lx_toks_finish(&t);
}

static void test_tokens_as_before(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		check_case(c, 0);
		check_case(c, 32);
	}
}

/* A text from a point on (lx_tokenize_from): the same tokens as the
** whole text gives from there, offsets still in the whole text. */
static void test_from_keeps_offsets(void **state)
{
	(void)state;
	const char *text = "Russia's www.example.com U.S. isn't";
	struct lx_toks t;
	char got[256];
	memset(&t, 0, sizeof(t));
	assert_int_equal(lx_tokenize_from(&t, text, 9, strlen(text)), FC_OK);
	describe(&t, got, sizeof(got));
	assert_string_equal(got, "9 24 - www.example.com|25 29 WCU u.s.|"
				 "30 32 W is|32 35 W n't");
	lx_toks_finish(&t);
}

/* A word of len bytes of c, then suffix. */
static char *long_word(size_t len, char c, const char *suffix, size_t *n)
{
	size_t ls = strlen(suffix);
	char *p = malloc(len + ls);
	assert_non_null(p);
	memset(p, c, len);
	memcpy(p + len, suffix, ls);
	*n = len + ls;
	return p;
}

/* Words of 65,535 bytes and more: one token each (its form's length
** capped at 0xFFFF), what follows it read as after a short word. */
static void test_long_words(void **state)
{
	(void)state;
	static const struct {
		size_t len;
		char c;
		const char *suffix;
		size_t ntok;
		uint32_t end0;
		uint16_t flags0, norm_len0;
	} w[] = {
		{65534, 'a', "'s", 2, 65534, LX_T_WORD, 65534},
		{65535, 'a', "", 1, 65535, LX_T_WORD, 0xFFFF},
		{65535, 'A', "-b", 1, 65537, LX_T_WORD | LX_T_CAP, 0xFFFF},
		{65536, 'a', "-b", 1, 65538, LX_T_WORD, 0xFFFF},
		{65536, '7', ",5 x", 2, 65538, LX_T_WORD | LX_T_DIGIT, 0xFFFF},
		{70000, 'A', "n't", 2, 70000,
		 LX_T_WORD | LX_T_CAP | LX_T_UPPER, 0xFFFF},
		{65534, 'a', "\xC3\xA9", 1, 65536, LX_T_WORD, 0xFFFF},
		{65533, 'x', "-y", 1, 65535, LX_T_WORD, 0xFFFF},
	};
	for (size_t c = 0; c < sizeof(w) / sizeof(w[0]); c++) {
		size_t n;
		char *p = long_word(w[c].len, w[c].c, w[c].suffix, &n);
		struct lx_toks t;
		memset(&t, 0, sizeof(t));
		assert_int_equal(lx_tokenize(&t, p, n), FC_OK);
		assert_int_equal(t.n, w[c].ntok);
		assert_int_equal(t.v[0].start, 0);
		assert_int_equal(t.v[0].end, w[c].end0);
		assert_int_equal(t.v[0].flags, w[c].flags0);
		assert_int_equal(t.v[0].norm_len, w[c].norm_len0);
		for (size_t k = 0; k < t.n; k++)
			assert_int_equal(t.v[k].hash,
					 lx_hash_tok(t.norm + t.v[k].norm_off,
						     t.v[k].norm_len));
		if (t.n == 2)
			assert_int_equal(t.v[1].start,
					 w[c].end0 + (w[c].c == '7'));
		lx_toks_finish(&t);
		free(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens_as_before),
		cmocka_unit_test(test_from_keeps_offsets),
		cmocka_unit_test(test_long_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
