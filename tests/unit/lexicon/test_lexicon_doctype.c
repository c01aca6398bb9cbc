/*
** test_lexicon_doctype.c: document-level typing of unknown names
** (lx_type_names, coref_track.c). A name a cue types (an apposition's
** role, a place and a plural noun) gives its type to its untyped
** mentions after it and before it, across blank lines; a text read in
** pieces (cut at every blank line here) types back within its piece
** only, and gets the whole's mentions but those. Two more things the
** document decides: a capitalised word opening a sentence before a verb
** of saying is no source when the document writes it in lower case after
** a function word (lx_lower_elsewhere); "the Bank" is the body named
** before with that head word within 30 sentences (head_coref).
*/
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"

static char *whole(const struct fc_rules *rules, const char *text)
{
	return fc_test_mentions(rules, "2009-01-01", text, strlen(text));
}

/* Read in pieces of one byte at least: one per blank line. */
static char *in_pieces(const struct fc_rules *rules, const char *text)
{
	size_t npieces;
	char *out = fc_test_mentions_in_pieces(rules, "2009-01-01", text,
					       strlen(text), 1, &npieces);
	assert_true(npieces >= 4);
	return out;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* The line (mention) of the n-th occurrence (0-based) of `text`. */
static char *nth_line(const char *out, const char *text, size_t n)
{
	const char *p = out;
	for (size_t k = 0; (p = strstr(p, text)); p++, k++) {
		if (k < n)
			continue;
		const char *a = p, *b = strchr(p, '\n');
		while (a > out && a[-1] != '\n')
			a--;
		return strndup(a, b ? (size_t)(b - a) : strlen(a));
	}
	return NULL;
}

static const char TEXT[] =
	"Zoltan Feldkamp arrived at noon on the plane. \"It was over,\" said "
	"Zoltan Feldkamp, a Harvard professor.\n\n"
	"Zoltan Feldkamp left. Dilson Grutsch arrived at noon on the plane, "
	"and Purple Aces fans cheered.\n\n"
	"Dilson Grutsch spoke of the Purple Aces.\n\n"
	"\"No,\" said Dilson Grutsch, a Harvard professor. Dilson Grutsch "
	"left.\n";

static void test_types_before_in_paragraph_and_after(void **state)
{
	const struct fc_rules *rules = *state;
	char *out = whole(rules, TEXT);
	const char *fk = "\"text\": \"Zoltan Feldkamp\"";
	const char *gr = "\"text\": \"Dilson Grutsch\"";
	const char *pa = "\"text\": \"Purple Aces\"";
	assert_int_equal(count(out, fk), 3);
	assert_int_equal(count(out, gr), 4);
	assert_int_equal(count(out, pa), 2);
	/* Feldkamp: before the apposition in its paragraph, and after it */
	char *l;
	assert_non_null(l = nth_line(out, fk, 0));
	assert_non_null(strstr(l, "\"id\": \"person:zoltan-feldkamp\""));
	assert_non_null(strstr(l, "\"role\": \"professor\""));
	assert_non_null(strstr(l, "\"rule\": \"coref.name\""));
	free(l);
	assert_non_null(l = nth_line(out, fk, 1));
	assert_non_null(strstr(l, "\"rule\": \"name.person\""));
	free(l);
	assert_non_null(l = nth_line(out, fk, 2));
	assert_non_null(strstr(l, "\"id\": \"person:zoltan-feldkamp\""));
	free(l);
	/* Grutsch: typed in the last paragraph, and back past two blank
	** lines */
	for (size_t k = 0; k < 2; k++) {
		assert_non_null(l = nth_line(out, gr, k));
		assert_non_null(strstr(l, "\"id\": \"person:dilson-grutsch\""));
		assert_non_null(strstr(l, "\"rule\": \"coref.name\""));
		free(l);
	}
	for (size_t k = 2; k < 4; k++) {
		assert_non_null(l = nth_line(out, gr, k));
		assert_non_null(strstr(l, "\"id\": \"person:dilson-grutsch\""));
		free(l);
	}
	/* the Purple Aces: a team after "the", and so before it */
	assert_non_null(l = nth_line(out, pa, 0));
	assert_non_null(strstr(l, "\"id\": \"org:purple-aces\""));
	assert_non_null(strstr(l, "\"rule\": \"coref.name\""));
	free(l);
	assert_non_null(l = nth_line(out, pa, 1));
	assert_non_null(strstr(l, "\"id\": \"org:purple-aces\""));
	assert_non_null(strstr(l, "\"rule\": \"name.org-plural\""));
	free(l);
	/* (the mentions after a typed one find it as a person already:
	** coref.surname) */
	assert_int_equal(count(out, "\"rule\": \"coref.name\""), 4);
	free(out);
}

/* In pieces, Grutsch's two mentions and the Purple Aces' first before
** the piece that types them stay untyped; every other line is the
** whole's. */
static void test_pieces_type_back_in_their_piece(void **state)
{
	const struct fc_rules *rules = *state;
	char *want = whole(rules, TEXT);
	char *got = in_pieces(rules, TEXT);
	const char *gr = "\"text\": \"Dilson Grutsch\"";
	char *l;
	for (size_t k = 0; k < 4; k++) {
		assert_non_null(l = nth_line(got, gr, k));
		assert_non_null(strstr(l, k < 2 ? "\"id\": \"name:dilson-grutsch\""
					       : "\"id\": \"person:dilson-grutsch\""));
		free(l);
	}
	assert_non_null(l = nth_line(got, "\"text\": \"Purple Aces\"", 0));
	assert_non_null(strstr(l, "\"id\": \"name:purple-aces\""));
	free(l);
	/* the same lines but those three */
	size_t nw = count(want, "\n"), ng = count(got, "\n");
	assert_int_equal(ng, nw);
	size_t same = 0;
	for (const char *p = got; *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) + 1 : strlen(p);
		char *line = strndup(p, n);
		same += strstr(want, line) != NULL;
		free(line);
		p += n;
	}
	assert_int_equal(same, nw - 3);
	free(want);
	free(got);
}

/* A long text whose names a cue types only at its end: each name is
** typed back, in linear time. */
static void test_late_typing_in_one_long_paragraph(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	enum { N = 3000 };
	for (int i = 0; i < N; i++)
		fc_buf_printf(&b, "Zoltan Feldkamp%c met with the old friend "
				  "Dilson Grutsch%c at noon on the plane. ",
			      'a' + i % 26, 'a' + i / 26 % 26);
	fc_buf_adds(&b, "\"Yes,\" said Zoltan Feldkampa, a Harvard professor.");
	char *out = whole(rules, b.p);
	/* (every 26th sentence names him; the rest are other names) */
	assert_int_equal(count(out, "\"rule\": \"coref.name\""),
			 (N + 25) / 26);
	free(out);
	fc_buf_finish(&b);
}

/* Many sentences opened by a word the text also writes in lower case:
** no source at all; without the lower-case word, each one is. */
static void test_lower_case_twin(void **state)
{
	const struct fc_rules *rules = *state;
	enum { N = 2000 };
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int i = 0; i < N; i++)
		fc_buf_adds(&b, "Zorbs said it was late. ");
	char *out = whole(rules, b.p);
	assert_int_equal(count(out, "\"kind\": \"entity\""), N);
	assert_int_equal(count(out, "\"rule\": \"name.speaker\""), N);
	assert_int_equal(count(out, "\"source\": {\"id\": \"name:zorbs\""), N);
	free(out);
	/* (after a function word only: "green zorbs" is no twin) */
	fc_buf_adds(&b, "They sold green zorbs. ");
	out = whole(rules, b.p);
	assert_int_equal(count(out, "\"rule\": \"name.speaker\""), N);
	free(out);
	fc_buf_adds(&b, "Nobody saw the zorbs.");
	out = whole(rules, b.p);
	assert_int_equal(count(out, "\"kind\": \"entity\""), 0);
	/* (no subject, no attribution: "Enough said") */
	assert_int_equal(count(out, "\"kind\": \"attribution\""), 0);
	free(out);
	fc_buf_finish(&b);
}

/* The twin written first, then some thousands of other words in lower
** case after a function word (the table of lower_build starts at 512
** entries and doubles at half full): the twin is still found after the
** table has grown, and a word never written in lower case is not. */
static void test_lower_case_twin_after_growth(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "Nobody saw the zorbs.\n");
	char w[8] = "zq";
	for (int i = 0; i < 3000; i++) {
		/* "zqaa", "zqab", ...: words no table knows */
		w[2] = (char)('a' + i / 676);
		w[3] = (char)('a' + i / 26 % 26);
		w[4] = (char)('a' + i % 26);
		w[5] = '\0';
		fc_buf_adds(&b, "They saw the ");
		fc_buf_adds(&b, w);
		fc_buf_adds(&b, ". ");
	}
	fc_buf_adds(&b, "\nZorbs said it was late. Glorbs said it was late.");
	char *out = whole(rules, b.p);
	assert_int_equal(count(out, "\"source\": {\"id\": \"name:zorbs\""), 0);
	assert_int_equal(count(out, "\"source\": {\"id\": \"name:glorbs\""),
			 1);
	free(out);
	fc_buf_finish(&b);
}

/* The twin of a word the gazetteer knows ("Speaker", kept apart by its
** slot) and of one it does not ("Zorbs"); read in pieces, the twin in
** the tokens kept from the piece before counts as well. */
static void test_lower_case_twin_by_slot_and_in_pieces(void **state)
{
	const struct fc_rules *rules = *state;
	char *out = whole(rules, "Speaker Nancy Grutsch said it was late.");
	assert_int_equal(count(out, "\"id\": \"name:speaker-nancy-grutsch\""),
			 2);
	assert_int_equal(count(out, "person:nancy-grutsch"), 0);
	free(out);
	out = whole(rules, "Speaker Nancy Grutsch said it was late. They "
			   "asked the speaker.");
	assert_int_equal(count(out, "\"id\": \"person:nancy-grutsch\""), 2);
	assert_int_equal(count(out, "speaker-nancy"), 0);
	free(out);
	static const char text[] =
		"They asked the speaker.\n\n"
		"Speaker Nancy Grutsch said it was late.\n\n"
		"Nobody saw the zorbs.\n\n"
		"Zorbs said it was late.\n";
	char *want = whole(rules, text);
	char *got = in_pieces(rules, text);
	assert_string_equal(got, want);
	assert_int_equal(count(got, "\"id\": \"person:nancy-grutsch\""), 2);
	assert_int_equal(count(got, "speaker-nancy"), 0);
	assert_int_equal(count(got, "zorbs"), 0);
	free(want);
	free(got);
}

/* "the Bank" finds "the Acme Bank" 30 sentences back, not 31. */
static void test_head_within_30_sentences(void **state)
{
	const struct fc_rules *rules = *state;
	for (int gap = 29; gap <= 30; gap++) {
		struct fc_buf b;
		fc_buf_init(&b, 0);
		fc_buf_adds(&b, "The Acme Bank opened. ");
		for (int i = 0; i < gap; i++)
			fc_buf_adds(&b, "It rained. ");
		fc_buf_adds(&b, "The Bank said it was shut.");
		char *out = whole(rules, b.p);
		assert_int_equal(count(out, "\"rule\": \"coref.head\""),
				 gap == 29 ? 1 : 0);
		if (gap == 29)
			assert_non_null(strstr(
				out, "\"text\": \"Bank said\", \"start\""));
		assert_int_equal(count(out, "\"id\": \"org:acme-bank\""),
				 gap == 29 ? 3 : 1);
		free(out);
		fc_buf_finish(&b);
	}
}

/* A wire's line break between "the" and "Treasury" is no bar, nor is a
** missing determiner ("Treasury officials"), nor a blank line. */
static void test_head_across_line_break(void **state)
{
	const struct fc_rules *rules = *state;
	static const char text[] =
		"Dealers said the U.S. Treasury sold debt on Monday.\n"
		"Treasury officials said it would sell more, and the\n"
		"Treasury accepted 6.6 billion dlrs of bids.\n\n"
		"Treasury officials said so.";
	char *out = whole(rules, text);
	assert_int_equal(count(out, "\"rule\": \"coref.head\""), 3);
	assert_int_equal(count(out, "\"type\": \"government\""), 4);
	assert_int_equal(count(out, "org:treasury"), 0);
	char *last = nth_line(out, "\"text\": \"Treasury\"", 1);
	assert_non_null(last);
	assert_non_null(strstr(last, "\"start\": 104,"));
	free(last);
	free(out);
}

/* A known surname the document writes in lower case, repeated as long as
** the text: the name that may begin one word on is sought in a loop, not
** by recursion (200,000 calls deep overflowed the stack). */
static void test_long_run_of_surname(void **state)
{
	const struct fc_rules *rules = *state;
	static const char head[] =
		"Forestry analyst Rick Sales said the sales rose. ";
	const size_t nwords = 200000;
	size_t n = strlen(head) + 6 * nwords + 7;
	char *text = malloc(n);
	assert_non_null(text);
	char *p = stpcpy(text, head);
	for (size_t w = 0; w < nwords; w++)
		p = stpcpy(p, "Sales ");
	strcpy(p, "said.\n");
	char *out = whole(rules, text);
	assert_int_equal(count(out, "\"id\": \"person:rick-sales\""), 2);
	/* (each word after "Rick Sales" drops the one before it: the name
	** begins one word on, to the run's last two) */
	assert_int_equal(count(out, "\"kind\": \"entity\""), 2);
	char *last = nth_line(out, "\"text\": \"Sales Sales\"", 0);
	assert_non_null(last);
	assert_non_null(strstr(last, "\"start\": 1200037,"));
	free(last);
	free(out);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types_before_in_paragraph_and_after),
		cmocka_unit_test(test_pieces_type_back_in_their_piece),
		cmocka_unit_test(test_late_typing_in_one_long_paragraph),
		cmocka_unit_test(test_lower_case_twin),
		cmocka_unit_test(test_lower_case_twin_by_slot_and_in_pieces),
		cmocka_unit_test(test_lower_case_twin_after_growth),
		cmocka_unit_test(test_head_within_30_sentences),
		cmocka_unit_test(test_head_across_line_break),
		cmocka_unit_test(test_long_run_of_surname),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
