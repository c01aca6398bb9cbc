/*
** test_report_json.c: the JSON report, byte for byte, and the format
** table. The expected text is written out in full: any change of key,
** order, indentation or value shows up here.
*/
#include "fc_test.h"
#include "fixture.h"

#include <stdlib.h>

static const char expected_json[] =
	"{\n"
	"  \"schema\": \"factcross/report-1\",\n"
	"  \"corpus\": {\n"
	"    \"name\": \"fixture-calls\",\n"
	"    \"title\": \"Calls & \\\"talks\\\" in January\",\n"
	"    \"reference_date\": \"2026-01-16\"\n"
	"  },\n"
	"  \"sources\": [\n"
	"    {\n"
	"      \"id\": \"000\",\n"
	"      \"outlet\": \"Agency A\",\n"
	"      \"published\": \"2026-01-16\",\n"
	"      \"path\": \"000.txt\",\n"
	"      \"sha256\": \"fbcf2ed014631f39395352aae33b4fe8b0a4912aedbb6c992baf18796085d641\",\n"
	"      \"independent_group\": 0,\n"
	"      \"title\": \"Putin and Netanyahu talk\",\n"
	"      \"dropped\": 0\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"001\",\n"
	"      \"outlet\": null,\n"
	"      \"published\": null,\n"
	"      \"path\": \"https://example.org/b\",\n"
	"      \"sha256\": \"bc0c0ac6176a0f7dfaf0a943e3329ffc2da5572202dda5ede36f2f7c0ceadbb9\",\n"
	"      \"independent_group\": 1,\n"
	"      \"title\": null,\n"
	"      \"dropped\": 2\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"002\",\n"
	"      \"outlet\": \"Wire C\",\n"
	"      \"published\": null,\n"
	"      \"path\": \"002.txt\",\n"
	"      \"sha256\": \"b8e8bd6620f45da70d8ee8df0afd52d778fdab05ccadf13d01cf4c42fc139b80\",\n"
	"      \"independent_group\": 0,\n"
	"      \"title\": null,\n"
	"      \"dropped\": 0\n"
	"    }\n"
	"  ],\n"
	"  \"dependence\": [\n"
	"    {\n"
	"      \"a\": \"000\",\n"
	"      \"b\": \"002\",\n"
	"      \"reason\": \"declared\",\n"
	"      \"similarity\": null,\n"
	"      \"detail\": \"derived_from\"\n"
	"    }\n"
	"  ],\n"
	"  \"facts\": [\n"
	"    {\n"
	"      \"id\": \"f1\",\n"
	"      \"kind\": \"call\",\n"
	"      \"source\": \"000\",\n"
	"      \"span\": [\n"
	"        0,\n"
	"        36\n"
	"      ],\n"
	"      \"sentence\": \"Putin spoke with Netanyahu on Friday.\",\n"
	"      \"slots\": {\n"
	"        \"participants\": [\n"
	"          {\n"
	"            \"id\": \"person:vladimir-putin\",\n"
	"            \"label\": \"Vladimir Putin\"\n"
	"          },\n"
	"          {\n"
	"            \"id\": \"person:benjamin-netanyahu\",\n"
	"            \"label\": \"Benjamin Netanyahu\"\n"
	"          }\n"
	"        ],\n"
	"        \"date\": \"2026-01-16\"\n"
	"      },\n"
	"      \"polarity\": \"asserted\",\n"
	"      \"modality\": \"factual\",\n"
	"      \"attribution\": null,\n"
	"      \"rule\": \"call.spoke-with\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"f2\",\n"
	"      \"kind\": \"call\",\n"
	"      \"source\": \"001\",\n"
	"      \"span\": [\n"
	"        13,\n"
	"        46\n"
	"      ],\n"
	"      \"sentence\": \"On Thursday, Putin reportedly called Netanyahu.\",\n"
	"      \"slots\": {\n"
	"        \"participants\": [\n"
	"          {\n"
	"            \"id\": \"person:vladimir-putin\",\n"
	"            \"label\": \"Vladimir Putin\"\n"
	"          },\n"
	"          {\n"
	"            \"id\": \"person:benjamin-netanyahu\",\n"
	"            \"label\": \"Benjamin Netanyahu\"\n"
	"          }\n"
	"        ],\n"
	"        \"date\": \"2026-01-15\"\n"
	"      },\n"
	"      \"polarity\": \"asserted\",\n"
	"      \"modality\": \"hedged\",\n"
	"      \"attribution\": null,\n"
	"      \"rule\": \"call.called\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"f3\",\n"
	"      \"kind\": \"call\",\n"
	"      \"source\": \"002\",\n"
	"      \"span\": [\n"
	"        41,\n"
	"        77\n"
	"      ],\n"
	"      \"sentence\": \"Putin spoke with Netanyahu on Friday.\",\n"
	"      \"slots\": {\n"
	"        \"participants\": [\n"
	"          {\n"
	"            \"id\": \"person:vladimir-putin\",\n"
	"            \"label\": \"Vladimir Putin\"\n"
	"          },\n"
	"          {\n"
	"            \"id\": \"person:benjamin-netanyahu\",\n"
	"            \"label\": \"Benjamin Netanyahu\"\n"
	"          }\n"
	"        ],\n"
	"        \"date\": \"2026-01-16\"\n"
	"      },\n"
	"      \"polarity\": \"asserted\",\n"
	"      \"modality\": \"factual\",\n"
	"      \"attribution\": null,\n"
	"      \"rule\": \"call.spoke-with\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"f4\",\n"
	"      \"kind\": \"agreement\",\n"
	"      \"source\": \"000\",\n"
	"      \"span\": [\n"
	"        56,\n"
	"        83\n"
	"      ],\n"
	"      \"sentence\": \"The two countries signed a 20-year pact in Z\xC3\xBCrich.\",\n"
	"      \"slots\": {\n"
	"        \"parties\": [\n"
	"          {\n"
	"            \"id\": \"country:RU\",\n"
	"            \"label\": \"Russia\"\n"
	"          },\n"
	"          {\n"
	"            \"id\": \"country:IL\",\n"
	"            \"label\": \"Israel\"\n"
	"          }\n"
	"        ],\n"
	"        \"type\": \"pact\",\n"
	"        \"duration\": \"P20Y\",\n"
	"        \"place\": {\n"
	"          \"id\": \"city:zurich\",\n"
	"          \"label\": \"Z\xC3\xBCrich\"\n"
	"        }\n"
	"      },\n"
	"      \"polarity\": \"asserted\",\n"
	"      \"modality\": \"factual\",\n"
	"      \"attribution\": null,\n"
	"      \"rule\": \"agreement.signed\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"f5\",\n"
	"      \"kind\": \"pledge\",\n"
	"      \"source\": \"001\",\n"
	"      \"span\": [\n"
	"        48,\n"
	"        77\n"
	"      ],\n"
	"      \"sentence\": \"Nearly $3 billion was pledged, officials said.\",\n"
	"      \"slots\": {\n"
	"        \"amount\": {\n"
	"          \"value\": 3000000000,\n"
	"          \"unit\": \"USD\",\n"
	"          \"high\": 3000000000\n"
	"        },\n"
	"        \"order\": 2\n"
	"      },\n"
	"      \"polarity\": \"asserted\",\n"
	"      \"modality\": \"reported\",\n"
	"      \"attribution\": \"officials\",\n"
	"      \"rule\": \"pledge.amount\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"f6\",\n"
	"      \"kind\": \"quote\",\n"
	"      \"source\": \"002\",\n"
	"      \"span\": [\n"
	"        0,\n"
	"        39\n"
	"      ],\n"
	"      \"sentence\": \"\xC2\xABWe are not seeking war\xC2\xBB, Peskov said.\",\n"
	"      \"slots\": {\n"
	"        \"speaker\": {\n"
	"          \"id\": \"person:dmitry-peskov\",\n"
	"          \"label\": \"Dmitry Peskov\"\n"
	"        },\n"
	"        \"quote\": \"We are not seeking war\"\n"
	"      },\n"
	"      \"polarity\": \"negated\",\n"
	"      \"modality\": \"reported\",\n"
	"      \"attribution\": \"Peskov\",\n"
	"      \"rule\": \"quote.said\"\n"
	"    }\n"
	"  ],\n"
	"  \"findings\": [\n"
	"    {\n"
	"      \"id\": \"agreement.duration:country:IL,country:RU\",\n"
	"      \"rule\": \"agreement-duration\",\n"
	"      \"status\": \"single-source\",\n"
	"      \"severity\": \"info\",\n"
	"      \"kind\": \"agreement\",\n"
	"      \"field\": \"duration\",\n"
	"      \"key\": {\n"
	"        \"parties\": [\n"
	"          {\n"
	"            \"id\": \"country:RU\",\n"
	"            \"label\": \"Russia\"\n"
	"          },\n"
	"          {\n"
	"            \"id\": \"country:IL\",\n"
	"            \"label\": \"Israel\"\n"
	"          }\n"
	"        ]\n"
	"      },\n"
	"      \"values\": [\n"
	"        {\n"
	"          \"value\": \"P20Y\",\n"
	"          \"sources\": [\n"
	"            \"000\"\n"
	"          ],\n"
	"          \"facts\": [\n"
	"            \"f4\"\n"
	"          ]\n"
	"        }\n"
	"      ],\n"
	"      \"sources\": [\n"
	"        \"000\"\n"
	"      ],\n"
	"      \"independent_sources\": 1,\n"
	"      \"message\": \"Only one source gives the duration of the agreement\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"call.date:person:benjamin-netanyahu,person:vladimir-putin\",\n"
	"      \"rule\": \"call-date\",\n"
	"      \"status\": \"contradicted\",\n"
	"      \"severity\": \"warning\",\n"
	"      \"kind\": \"call\",\n"
	"      \"field\": \"date\",\n"
	"      \"key\": {\n"
	"        \"participants\": [\n"
	"          {\n"
	"            \"id\": \"person:vladimir-putin\",\n"
	"            \"label\": \"Vladimir Putin\"\n"
	"          },\n"
	"          {\n"
	"            \"id\": \"person:benjamin-netanyahu\",\n"
	"            \"label\": \"Benjamin Netanyahu\"\n"
	"          }\n"
	"        ]\n"
	"      },\n"
	"      \"values\": [\n"
	"        {\n"
	"          \"value\": \"2026-01-16\",\n"
	"          \"sources\": [\n"
	"            \"000\",\n"
	"            \"002\"\n"
	"          ],\n"
	"          \"facts\": [\n"
	"            \"f3\",\n"
	"            \"f1\"\n"
	"          ]\n"
	"        },\n"
	"        {\n"
	"          \"value\": \"2026-01-15\",\n"
	"          \"sources\": [\n"
	"            \"001\"\n"
	"          ],\n"
	"          \"facts\": [\n"
	"            \"f2\"\n"
	"          ]\n"
	"        }\n"
	"      ],\n"
	"      \"sources\": [\n"
	"        \"000\",\n"
	"        \"001\",\n"
	"        \"002\"\n"
	"      ],\n"
	"      \"independent_sources\": 2,\n"
	"      \"message\": \"Sources disagree on the date of the call: 2026-01-16 vs 2026-01-15\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"call.participants:2026-01-16\",\n"
	"      \"rule\": \"call-participants\",\n"
	"      \"status\": \"corroborated\",\n"
	"      \"severity\": \"info\",\n"
	"      \"kind\": \"call\",\n"
	"      \"field\": \"participants\",\n"
	"      \"key\": {},\n"
	"      \"values\": [\n"
	"        {\n"
	"          \"value\": \"person:vladimir-putin,person:benjamin-netanyahu\",\n"
	"          \"sources\": [\n"
	"            \"000\",\n"
	"            \"001\",\n"
	"            \"002\"\n"
	"          ],\n"
	"          \"facts\": [\n"
	"            \"f1\",\n"
	"            \"f2\",\n"
	"            \"f3\"\n"
	"          ]\n"
	"        }\n"
	"      ],\n"
	"      \"sources\": [\n"
	"        \"000\",\n"
	"        \"001\",\n"
	"        \"002\"\n"
	"      ],\n"
	"      \"independent_sources\": 2,\n"
	"      \"message\": \"Three sources name the same participants\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"quote.quote:person:dmitry-peskov\",\n"
	"      \"rule\": \"quote-wording\",\n"
	"      \"status\": \"variant\",\n"
	"      \"severity\": \"error\",\n"
	"      \"kind\": \"quote\",\n"
	"      \"field\": \"quote\",\n"
	"      \"key\": {\n"
	"        \"speaker\": {\n"
	"          \"id\": \"person:dmitry-peskov\",\n"
	"          \"label\": \"Dmitry Peskov\"\n"
	"        }\n"
	"      },\n"
	"      \"values\": [\n"
	"        {\n"
	"          \"value\": \"We are not seeking war\",\n"
	"          \"sources\": [\n"
	"            \"002\"\n"
	"          ],\n"
	"          \"facts\": [\n"
	"            \"f6\"\n"
	"          ]\n"
	"        },\n"
	"        {\n"
	"          \"value\": \"We are \xE2\x80\x9Cnot\xE2\x80\x9D seeking a war <now>\",\n"
	"          \"sources\": [\n"
	"            \"001\"\n"
	"          ],\n"
	"          \"facts\": [\n"
	"            \"f2\"\n"
	"          ],\n"
	"          \"diff\": [\n"
	"            {\n"
	"              \"op\": \"same\",\n"
	"              \"text\": \"We are \xE2\x80\x9Cnot\xE2\x80\x9D seeking\"\n"
	"            },\n"
	"            {\n"
	"              \"op\": \"added\",\n"
	"              \"text\": \"a\"\n"
	"            },\n"
	"            {\n"
	"              \"op\": \"same\",\n"
	"              \"text\": \"war\"\n"
	"            },\n"
	"            {\n"
	"              \"op\": \"added\",\n"
	"              \"text\": \"now\"\n"
	"            }\n"
	"          ]\n"
	"        },\n"
	"        {\n"
	"          \"value\": \"seeking war\",\n"
	"          \"sources\": [\n"
	"            \"000\"\n"
	"          ],\n"
	"          \"facts\": [\n"
	"            \"f1\"\n"
	"          ],\n"
	"          \"partial\": true\n"
	"        }\n"
	"      ],\n"
	"      \"sources\": [\n"
	"        \"000\",\n"
	"        \"001\",\n"
	"        \"002\"\n"
	"      ],\n"
	"      \"independent_sources\": 2,\n"
	"      \"message\": \"The quote is worded differently\"\n"
	"    }\n"
	"  ]\n"
	"}\n"
	;

static void test_json_report_is_exact(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	char *s = fixture_render(c, FC_FMT_JSON);
	assert_string_equal(s, expected_json);
	free(s);
	fc_corpus_destroy(c);
}

/* Two corpora built apart (other addresses) and two writes: same bytes. */
static void test_json_report_is_deterministic(void **state)
{
	(void)state;
	struct fc_corpus *a = fixture_corpus();
	struct fc_corpus *b = fixture_corpus();
	for (int f = FC_FMT_JSON; f <= FC_FMT_JSONL; f++) {
		char *s1 = fixture_render(a, (enum fc_format)f);
		char *s2 = fixture_render(b, (enum fc_format)f);
		char *s3 = fixture_render(a, (enum fc_format)f);
		assert_string_equal(s1, s2);
		assert_string_equal(s1, s3);
		free(s1);
		free(s2);
		free(s3);
	}
	fc_corpus_destroy(a);
	fc_corpus_destroy(b);
}

static void test_json_report_of_empty_corpus(void **state)
{
	(void)state;
	struct fc_corpus *c = fc_corpus_create();
	c->name = "empty";
	char *s = fixture_render(c, FC_FMT_JSON);
	assert_string_equal(s, "{\n"
			       "  \"schema\": \"factcross/report-1\",\n"
			       "  \"corpus\": {\n"
			       "    \"name\": \"empty\",\n"
			       "    \"title\": null,\n"
			       "    \"reference_date\": null\n"
			       "  },\n"
			       "  \"sources\": [],\n"
			       "  \"dependence\": [],\n"
			       "  \"facts\": [],\n"
			       "  \"findings\": []\n"
			       "}\n");
	free(s);
	fc_corpus_destroy(c);
}

/* Control characters, quotes and invalid UTF-8 stay valid JSON. */
static void test_json_report_escapes_strings(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_hostile();
	char *s = fixture_render(c, FC_FMT_JSON);
	assert_non_null(strstr(
		s, "\"title\": \"Doc title <script>alert(1)</script>\\\">"
		   "<img src=x onerror=alert(1)> ' &amp; "
		   "[x](javascript:alert(1))\""));
	/* \x01 becomes \u0001, \xFF\xFE two U+FFFD, the newline \n */
	assert_non_null(strstr(s, "me@evil.example\\u0001.\\n# not a heading"));
	assert_non_null(strstr(s, " and \xEF\xBF\xBD\xEF\xBF\xBD bad "
				  "\xEF\xBF\xBD bytes"));
	assert_non_null(strstr(s, "\"message\": \"Message <script>"));
	assert_non_null(strstr(
		s, "\"reason\": \"wire\",\n      \"similarity\": null,\n"
		   "      \"detail\": \"Agency <script>alert(1)</script>\\\">"));
	/* diff runs are the words as written, the invalid byte left out */
	assert_non_null(strstr(
		s, "\"op\": \"same\",\n              \"text\": \"said <script>"
		   "alert(1)</script>\\\"><img src=x onerror=alert(1)> ' &amp; "
		   "[x](javascript:alert(1\"\n"));
	assert_non_null(strstr(s, "\"op\": \"added\",\n              "
				  "\"text\": \"tomorrow\"\n"));
	for (size_t i = 0; s[i]; i++) {
		size_t k = fc_utf8_seq_len((const unsigned char *)s + i,
					   strlen(s + i));
		assert_true(k > 0);
		if ((unsigned char)s[i] < 0x20)
			assert_int_equal(s[i], '\n');
		i += k - 1;
	}
	free(s);
	fc_corpus_destroy(c);
}

static void test_format_names(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		enum fc_format fmt;
		const char *ext;
	} cases[] = {
		{"json", FC_FMT_JSON, "json"},
		{"md", FC_FMT_MD, "md"},
		{"markdown", FC_FMT_MD, "md"},
		{"html", FC_FMT_HTML, "html"},
		{"jsonl", FC_FMT_JSONL, "jsonl"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		enum fc_format f = FC_FMT_JSONL;
		assert_true(fc_format_parse(cases[i].name, &f));
		assert_int_equal(f, cases[i].fmt);
		assert_string_equal(fc_format_ext(f), cases[i].ext);
	}
	enum fc_format f = FC_FMT_HTML;
	assert_false(fc_format_parse("JSON", &f));
	assert_false(fc_format_parse("pdf", &f));
	assert_false(fc_format_parse("", &f));
	assert_false(fc_format_parse(NULL, &f));
	assert_int_equal(f, FC_FMT_HTML);
	assert_null(fc_format_ext((enum fc_format)99));
}

/* A full buffer reports FC_ELIMIT; a bad format FC_EINPUT. */
static void test_write_reports_limit_and_bad_format(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	for (int f = FC_FMT_JSON; f <= FC_FMT_JSONL; f++) {
		struct fc_buf b;
		fc_buf_init(&b, 100);
		assert_int_equal(fc_report_write(c, (enum fc_format)f, &b),
				 FC_ELIMIT);
		fc_buf_finish(&b);
	}
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_report_write(c, (enum fc_format)42, &b),
			 FC_EINPUT);
	assert_int_equal(b.len, 0);
	fc_buf_finish(&b);
	fc_corpus_destroy(c);
}

/* Out-of-range indexes in findings are skipped, never read. */
static void test_json_report_survives_bad_indexes(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	c->findings[1].values[1].facts[0] = 999;
	c->findings[1].sources[2] = 77;
	c->facts[0].sentence = 55; /* falls back to the fact's span */
	c->facts[1].doc = 9;
	c->facts[2].end = 100000;
	char *s = fixture_render(c, FC_FMT_JSON);
	assert_non_null(strstr(s, "\"sentence\": \"Putin spoke with "
				  "Netanyahu on Friday\",\n"));
	assert_non_null(strstr(s, "\"source\": \"?\",\n"));
	assert_non_null(strstr(s, "\"sources\": [],\n"
				  "          \"facts\": []\n"));
	assert_non_null(strstr(s, "\"001\",\n        \"?\"\n      ],"));
	free(s);
	fc_corpus_destroy(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_report_is_exact),
		cmocka_unit_test(test_json_report_is_deterministic),
		cmocka_unit_test(test_json_report_of_empty_corpus),
		cmocka_unit_test(test_json_report_escapes_strings),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_write_reports_limit_and_bad_format),
		cmocka_unit_test(test_json_report_survives_bad_indexes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
