/*
** test_lexicon_doctype.c: document-level typing of unknown names
** (lx_type_names, coref_track.c). A name a cue types (an apposition's
** role, a place and a plural noun) gives its type to its untyped
** mentions after it, and to those before it in its paragraph only; the
** text read in pieces (cut at every blank line) gets the same mentions.
*/
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"

static char *whole(const struct fc_rules *rules, const char *text)
{
	struct fc_corpus *c = fc_corpus_create();
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_document *doc;
	assert_int_equal(fc_normalize_text(rules, c, "2009-01-01", text,
					   strlen(text), &doc, &d),
			 FC_OK);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_report_mentions_jsonl(doc, &b), FC_OK);
	fc_diags_finish(&d);
	fc_corpus_destroy(c);
	return fc_buf_steal(&b, NULL);
}

/* Read in pieces of one byte at least: one per blank line. */
static char *in_pieces(const struct fc_rules *rules, const char *text)
{
	setenv("FACTCROSS_THREADS", "1", 1);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_norm_stream *s;
	assert_int_equal(fc_norm_stream_create(rules, "2009-01-01", &b, &s),
			 FC_OK);
	fc_norm_stream_set_piece(s, 1);
	assert_int_equal(fc_norm_stream_feed(s, text, strlen(text), &d), FC_OK);
	assert_int_equal(fc_norm_stream_finish(s, &d), FC_OK);
	assert_true(fc_norm_stream_npieces(s) >= 4);
	fc_norm_stream_destroy(s);
	fc_diags_finish(&d);
	unsetenv("FACTCROSS_THREADS");
	return fc_buf_steal(&b, NULL);
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
	/* Grutsch: typed in the last paragraph only, not back past a
	** blank line */
	for (size_t k = 0; k < 2; k++) {
		assert_non_null(l = nth_line(out, gr, k));
		assert_non_null(strstr(l, "\"id\": \"name:dilson-grutsch\""));
		assert_non_null(strstr(l, "\"type\": \"other\""));
		free(l);
	}
	for (size_t k = 2; k < 4; k++) {
		assert_non_null(l = nth_line(out, gr, k));
		assert_non_null(strstr(l, "\"id\": \"person:dilson-grutsch\""));
		free(l);
	}
	/* the Purple Aces: untyped first, then a team after "the" */
	assert_non_null(l = nth_line(out, pa, 0));
	assert_non_null(strstr(l, "\"id\": \"name:purple-aces\""));
	free(l);
	assert_non_null(l = nth_line(out, pa, 1));
	assert_non_null(strstr(l, "\"id\": \"org:purple-aces\""));
	assert_non_null(strstr(l, "\"rule\": \"name.org-plural\""));
	free(l);
	/* (the mentions after a typed one find it as a person already:
	** coref.surname) */
	assert_int_equal(count(out, "\"rule\": \"coref.name\""), 1);
	free(out);
}

static void test_pieces_type_as_the_whole(void **state)
{
	const struct fc_rules *rules = *state;
	char *want = whole(rules, TEXT);
	char *got = in_pieces(rules, TEXT);
	assert_string_equal(got, want);
	free(want);
	free(got);
}

/* A long text with no blank line whose names a cue types only at its
** end: each name is typed back (one paragraph), in linear time. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types_before_in_paragraph_and_after),
		cmocka_unit_test(test_pieces_type_as_the_whole),
		cmocka_unit_test(test_late_typing_in_one_long_paragraph),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
