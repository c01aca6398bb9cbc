/*
** test_utf8.c: raw bytes -> valid UTF-8: invalid bytes become U+FFFD
** with one warning per document, BOM, line ends, spaces, the date line,
** and the map from cleaned text back to raw bytes.
*/
#include "text_test.h"
#include "text/text_p.h"

#define FFFD "\xEF\xBF\xBD"

static void test_invalid_bytes_replaced(void **state)
{
	(void)state;
	static const char raw[] = "Caf\xC3\xA9 \xFF ok.\n"
				  "Line two \xE2\x82 x.\n";
	struct cleaned c;
	clean_buf(&c, NULL, "bad.txt", NULL, raw, sizeof(raw) - 1);
	assert_int_equal(c.st, FC_OK);
	assert_string_equal(c.doc.text, "Caf\xC3\xA9 " FFFD " ok.\n\n"
					"Line two " FFFD FFFD " x.");
	/* One warning for the document, at the first bad byte. */
	assert_int_equal(c.d.n, 1);
	assert_int_equal(c.d.nwarn, 1);
	assert_int_equal(c.d.nerr, 0);
	assert_int_equal(c.d.v[0].sev, FC_SEV_WARNING);
	fc_assert_diag(&c.d, 0, "bad.txt", 1, 6,
		       "3 invalid UTF-8 bytes replaced by U+FFFD (the first "
		       "is here)");
	assert_int_equal(c.doc.nsentences, 2);
	assert_int_equal(c.doc.sentences[0].line, 1);
	assert_int_equal(c.doc.sentences[1].line, 2);
	/* The verbatim runs around the replacement: "Café " and " ok.". */
	static const struct fc_segment want[] = {{0, 0, 6}, {9, 7, 4}};
	assert_true(c.doc.nsegments >= 2);
	assert_memory_equal(c.doc.segments, want, sizeof(want));
	/* Offsets back to raw: 'o' of "ok"; the U+FFFD (made up) maps to
	** the bad byte; the end of the first sentence; the second
	** sentence's start after the made-up blank line. */
	assert_int_equal(fc_text_raw_offset(&c.doc, 10, false), 8);
	assert_int_equal(fc_text_raw_offset(&c.doc, 6, false), 6);
	assert_int_equal(fc_text_raw_offset(&c.doc, 8, false), 6);
	assert_int_equal(fc_text_raw_offset(&c.doc, 13, true), 11);
	uint32_t s2 = c.doc.sentences[1].start;
	assert_int_equal(s2, 15);
	assert_int_equal(fc_text_raw_offset(&c.doc, s2, false), 12);
	assert_doc_sane(&c.doc);
	cleaned_finish(&c);
}

static void test_warning_column_counts_characters(void **state)
{
	(void)state;
	/* Line 2, after three two-byte characters: column 4. */
	static const char raw[] = "Fine.\n\xC3\xA9\xC3\xA9\xC3\xA9\xC0 x.\n";
	struct cleaned c;
	clean_buf(&c, NULL, "col.txt", NULL, raw, sizeof(raw) - 1);
	assert_int_equal(c.d.n, 1);
	fc_assert_diag(&c.d, 0, "col.txt", 2, 4,
		       "1 invalid UTF-8 byte replaced by U+FFFD (the first "
		       "is here)");
	cleaned_finish(&c);
}

static void test_many_bad_bytes_one_warning(void **state)
{
	(void)state;
	char raw[2003];
	memcpy(raw, "A ", 2);
	memset(raw + 2, 0xFE, 2000);
	raw[2002] = '.';
	struct cleaned c;
	clean_buf(&c, NULL, "many.txt", NULL, raw, sizeof(raw));
	assert_int_equal(c.d.n, 1);
	fc_assert_diag(&c.d, 0, "many.txt", 1, 3,
		       "2000 invalid UTF-8 bytes replaced by U+FFFD (the "
		       "first is here)");
	/* Never dropped: 2000 replacement characters. */
	assert_int_equal(c.doc.text_len, 2 + 2000 * 3 + 1);
	cleaned_finish(&c);
}

static void test_truncated_and_nul(void **state)
{
	(void)state;
	static const char raw[] = "A\0B said so, the end \xE2\x80";
	struct cleaned c;
	clean_buf(&c, NULL, "t.txt", NULL, raw, sizeof(raw) - 1);
	assert_string_equal(c.doc.text, "A" FFFD "B said so, the end " FFFD FFFD);
	assert_int_equal(c.doc.text_len, strlen(c.doc.text));
	fc_assert_diag(&c.d, 0, "t.txt", 1, 2,
		       "3 invalid UTF-8 bytes replaced by U+FFFD (the first "
		       "is here)");
	cleaned_finish(&c);
}

static void test_bom_and_line_ends(void **state)
{
	(void)state;
	static const char raw[] = "\xEF\xBB\xBF"
				  "First line.\r\nSecond line.\rThird line.\r\n";
	struct cleaned c;
	clean_buf(&c, NULL, "crlf.txt", NULL, raw, sizeof(raw) - 1);
	assert_int_equal(c.d.n, 0);
	assert_string_equal(c.doc.text,
			    "First line.\n\nSecond line.\n\nThird line.");
	assert_int_equal(c.doc.nsentences, 3);
	for (uint32_t i = 0; i < 3; i++)
		assert_int_equal(c.doc.sentences[i].line, i + 1);
	/* "First line." starts after the BOM. */
	assert_int_equal(c.doc.segments[0].clean_start, 0);
	assert_int_equal(c.doc.segments[0].raw_start, 3);
	assert_int_equal(c.doc.segments[0].len, 11);
	assert_doc_sane(&c.doc);
	cleaned_finish(&c);
}

/* fc_text_fold_cr(s) as a new string (the length is kept). */
static void expect_fold(const char *in, const char *want)
{
	size_t n = strlen(in);
	char buf[64];
	assert_true(n < sizeof(buf));
	memcpy(buf, in, n + 1);
	fc_text_fold_cr(buf, n);
	assert_int_equal(strlen(buf), n);
	assert_string_equal(buf, want);
}

/* Line ends in place, for normalize (offsets are the input's): each
** CRLF, LF or CR alone is one LF; a run of one line end has the byte
** left over as a space before its LF, a run of more (a blank line) its
** LFs first and the spaces after them; a CR that ends the text is a
** space. */
static void test_fold_cr(void **state)
{
	(void)state;
	expect_fold("a\r\nb", "a \nb");
	/* a wrapped line starts right after its LF, as with LF */
	expect_fold("said,\r\nSilva said", "said, \nSilva said");
	expect_fold("a.\r\n\r\nB", "a.\n\n  B");
	expect_fold("a\rb\r\rc", "a\nb\n\nc");
	expect_fold("a\n\r\nb", "a\n\n b");
	expect_fold("a\r\n \r\nb", "a \n  \nb");
	expect_fold("a\n\nb", "a\n\nb");
	expect_fold("a\r", "a ");
	expect_fold("\r\n\r\n", "\n\n  ");
	expect_fold("", "");
}

static void test_spaces_and_invisibles(void **state)
{
	(void)state;
	/* NBSP, thin space, soft hyphen, zero-width space, tab. */
	static const char raw[] = "Pezesh\xC2\xADkian said\xC2\xA0so\xE2\x80\x89"
				  "at\tnoon \xE2\x80\x8B today.\xC2\xA0\n";
	struct cleaned c;
	clean_buf(&c, NULL, "sp.txt", NULL, raw, sizeof(raw) - 1);
	assert_int_equal(c.d.n, 0);
	assert_string_equal(c.doc.text, "Pezeshkian said so at noon today.");
	assert_doc_sane(&c.doc);
	cleaned_finish(&c);
}

static void test_date_line(void **state)
{
	(void)state;
	static const char raw[] =
		" date 2026-01-16 President Putin spoke on Friday.\n\n"
		"He called again.\n";
	struct cleaned c;
	clean_buf(&c, NULL, "d.txt", NULL, raw, sizeof(raw) - 1);
	assert_string_equal(c.doc.published, "2026-01-16");
	assert_true(c.doc.is_published_stated);
	assert_string_equal(c.doc.text,
			    "President Putin spoke on Friday.\n\nHe called "
			    "again.");
	assert_int_equal(c.doc.ndropped, 1);
	assert_string_equal(c.doc.dropped[0].rule, "date-line");
	assert_int_equal(c.doc.dropped[0].raw_start, 1);
	assert_int_equal(c.doc.dropped[0].raw_end, 16);
	assert_int_equal(c.doc.sentences[0].line, 1);
	assert_int_equal(c.doc.sentences[1].line, 3);
	assert_doc_sane(&c.doc);
	cleaned_finish(&c);

	/* A manifest date wins; the prefix still goes. */
	clean_buf(&c, NULL, "d.txt", "2026-01-15", raw, sizeof(raw) - 1);
	assert_string_equal(c.doc.published, "2026-01-15");
	assert_int_equal(strncmp(c.doc.text, "President", 9), 0);
	cleaned_finish(&c);

	/* Not a real date, or not "date": the line is text. */
	static const char *const keep[] = {
		"date 2026-02-30 Something happened.",
		"dated 2026-01-16 Something happened.",
		"date 2026-01-16x Something happened.",
		"Up to date 2026-01-16 figures.",
	};
	for (size_t i = 0; i < 4; i++) {
		clean_buf(&c, NULL, "d.txt", NULL, keep[i], strlen(keep[i]));
		assert_null(c.doc.published);
		assert_false(c.doc.is_published_stated);
		assert_string_equal(c.doc.text, keep[i]);
		assert_int_equal(c.doc.ndropped, 0);
		cleaned_finish(&c);
	}
	/* "Date:" and a date line alone. */
	static const char alone[] = "Date: 2025-12-31\nThe year ended.";
	clean_buf(&c, NULL, "d.txt", NULL, alone, sizeof(alone) - 1);
	assert_string_equal(c.doc.published, "2025-12-31");
	assert_string_equal(c.doc.text, "The year ended.");
	assert_int_equal(c.doc.sentences[0].line, 2);
	cleaned_finish(&c);
}

static void test_empty_and_blank(void **state)
{
	(void)state;
	struct cleaned c;
	clean_buf(&c, NULL, "e.txt", NULL, "", 0);
	assert_int_equal(c.st, FC_OK);
	assert_string_equal(c.doc.text, "");
	assert_int_equal(c.doc.nsentences, 0);
	assert_int_equal(c.doc.nsegments, 0);
	cleaned_finish(&c);
	clean_buf(&c, NULL, "e.txt", NULL, " \n\r\n\t \n", 7);
	assert_string_equal(c.doc.text, "");
	assert_int_equal(c.doc.nsentences, 0);
	cleaned_finish(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invalid_bytes_replaced),
		cmocka_unit_test(test_warning_column_counts_characters),
		cmocka_unit_test(test_many_bad_bytes_one_warning),
		cmocka_unit_test(test_truncated_and_nul),
		cmocka_unit_test(test_bom_and_line_ends),
		cmocka_unit_test(test_fold_cr),
		cmocka_unit_test(test_spaces_and_invisibles),
		cmocka_unit_test(test_date_line),
		cmocka_unit_test(test_empty_and_blank),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
