/*
** test_wire.c: wire credits with the real rules/independence files: a
** table of datelines, credit lines and bylines that are copies, and of
** attributions, photo credits and mentions that are not; where credits
** are looked for (cleaned text, dropped blocks, raw bytes, the outlet,
** the first 2000 bytes for datelines).
*/
#include "indep_test.h"

struct case_ {
	const char *text;
	const char *key; /* the one key expected, or NULL for none */
};

static const struct case_ copies[] = {
	{"MOSCOW (Reuters) - Russia said on Friday.", "agency:reuters"},
	{"Headline\n\nWASHINGTON, Jan 16 (AP) — The White House said.",
	 "agency:ap"},
	{"WASHINGTON (AP) -- Officials said.", "agency:ap"},
	{"New Delhi [India], January 16 (ANI): India called for calm.",
	 "agency:ani"},
	{"NEW DELHI, Jan 16 (PTI) - The ministry said.", "agency:pti"},
	{"BEIJING, Jan. 16 (Xinhua) -- China urged restraint.",
	 "agency:xinhua"},
	{"Madrid, 16 ene (EFE).- Spain said.", "agency:efe"},
	{"(Bloomberg) -- Oil rose for a third day.", "agency:bloomberg"},
	{"ANKARA (AA) - Turkey's foreign minister said.", "agency:anadolu"},
	{"CAIRO, Jan 16 (MENA) - Egypt said.", "agency:mena"},
	{"TORONTO (CP) — Canada said.", "agency:cp"},
	{"ABU DHABI, 16th January, 2026 (WAM) -- The UAE said.", "agency:wam"},
	{"TOKYO, Jan. 16 (Kyodo) -- Japan said.", "agency:kyodo"},
	{"SEOUL, Jan. 16 (Yonhap) -- South Korea said.", "agency:yonhap"},
	{"Berlin (dpa) - Germany said.", "agency:dpa"},
	{"(ANSA) - ROME, JAN 16 - Italy said.", "agency:ansa"},
	{"ISTANBUL (AP) — Turkey said.\nBy The Associated Press", "agency:ap"},
	{"Rio de Janeiro (AFP) - Brazil said.", "agency:afp"},
	{"ST. PETERSBURG (Reuters) - A court ruled.", "agency:reuters"},
	{"MOSCOW, January 16. /TASS/. The Kremlin said.", "agency:tass"},
	{"Kremlin comments on the mediation offer - TASS", "agency:tass"},
	{"The statement called for restraint.—AFP", "agency:afp"},
	{"Text.\nReuters", "agency:reuters"},
	{"Text.\n(AFP)", "agency:afp"},
	{"By Reuters staff\nText.", "agency:reuters"},
	{"By The Associated Press\nText.", "agency:ap"},
	{"Text.\nSource: Xinhua", "agency:xinhua"},
	{"Text.\n© 2026 Reuters", "agency:reuters"},
	{"Text.\nCopyright 2026 The Associated Press. All rights reserved.",
	 "agency:ap"},
	{"AFP , Tuesday 2 Jul 2013\nText.", "agency:afp"},
	{"Reuters Sep 18 , 2013 , 02 . 16PM IST\nText.", "agency:reuters"},
	{"By JOHN SMITH, Associated Press\nText.", "agency:ap"},
	{"By Jane Doe | Reuters\nText.", "agency:reuters"},
	{"By Jane Doe Associated Press Writer\nText.", "agency:ap"},
	{"Text.\n(With inputs from PTI)", "agency:pti"},
	{"Text.\nWith AFP", "agency:afp"},
	{"Text.\nThe Associated Press contributed to this report.",
	 "agency:ap"},
	{"Text.\nReporting by Maria Example in Odesa",
	 "byline:maria example in odesa"},
};

static const struct case_ not_copies[] = {
	{"\"We are receiving signals,\" Putin told TASS at the time.", NULL},
	{"Putin was busy, according to Russian state media TASS.", NULL},
	{"The Associated Press reported that two embassies had closed.", NULL},
	{"A resident told AP that the streets were quiet.", NULL},
	{"File photo from a 2020 meeting\nMaxim Shemetov/Pool Photo via AP, "
	 "File",
	 NULL},
	{"Putin in Moscow. Photo: Maxim Shemetov - Reuters", NULL},
	{"\"We heard the blast,\" one woman told AFP.", NULL},
	{"AFP reports: the death toll rose to ten.", NULL},
	{"PTI reports:", NULL},
	{"Reuters journalists filmed bodies on the ground.", NULL},
	{"A Reuters correspondent heard a large explosion.", NULL},
	{"The AP Top 25 has nine teams from the conference.", NULL},
	{"Mayor Bloomberg visited the community.", NULL},
	{"Iranian officials were quoted by AP as saying.", NULL},
	{"He told the Associated Press news agency.", NULL},
	{"Reid , 33 , told People magazine .", NULL},
	{"The reporter , by Reuters standards , was new .", NULL},
	{"By the time it arrived, the man had died.", NULL},
	{"Sources close to AFP said nothing.", NULL},
	{"a bank official told\nReuters.\n    The new CDs", NULL},
	{"launching of\nSputnik.\n", NULL},
	{"bonds, currently\nAA-3.\n", NULL},
	{"Region\nMENA\n", NULL},
	{"Gaza (MENA) was mentioned.", NULL},
};

static void run_cases(const struct case_ *cs, size_t n)
{
	struct fc_rules *r = rules_real();
	struct fc_arena a;
	fc_arena_init(&a);
	for (size_t i = 0; i < n; i++) {
		struct tdoc t = {"x", cs[i].text, NULL, NULL};
		struct fc_corpus *c = corpus_of(r, &t, 1, false);
		struct wire_key *keys = NULL;
		size_t nkeys = 0, cap = 0;
		assert_int_equal(indep_wire_keys(r->indep, &a, &c->docs[0], 0,
						 &keys, &nkeys, &cap),
				 FC_OK);
		if (nkeys != (cs[i].key ? 1u : 0u) ||
		    (nkeys && strcmp(keys[0].key, cs[i].key)))
			fail_msg("case %zu \"%s\": %zu keys, first %s", i,
				 cs[i].text, nkeys, nkeys ? keys[0].key : "-");
		fc_corpus_destroy(c);
	}
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_copies(void **state)
{
	(void)state;
	run_cases(copies, sizeof(copies) / sizeof(*copies));
}

static void test_not_copies(void **state)
{
	(void)state;
	run_cases(not_copies, sizeof(not_copies) / sizeof(*not_copies));
}

/* Details: the agency's display name; the byline as written. */
static void test_details(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	struct fc_arena a;
	fc_arena_init(&a);
	struct tdoc t = {"x",
			 "WASHINGTON (AP) — Text.\nReporting by  Jane   Doe "
			 "in Kyiv;\n(With inputs from PTI)",
			 NULL, "Agence France-Presse"};
	struct fc_corpus *c = corpus_of(r, &t, 1, false);
	struct wire_key *k = NULL;
	size_t n = 0, cap = 0;
	assert_int_equal(
		indep_wire_keys(r->indep, &a, &c->docs[0], 7, &k, &n, &cap),
		FC_OK);
	assert_int_equal(n, 4);
	/* The outlet first, then credits in the order of the rule files. */
	assert_string_equal(k[0].key, "agency:afp");
	assert_string_equal(k[0].detail, "Agence France-Presse");
	assert_string_equal(k[1].key, "agency:ap");
	assert_string_equal(k[1].detail, "Associated Press");
	assert_string_equal(k[2].key, "agency:pti");
	assert_string_equal(k[2].detail, "PTI");
	assert_string_equal(k[3].key, "byline:jane doe in kyiv");
	assert_string_equal(k[3].detail, "Jane Doe in Kyiv");
	assert_int_equal(k[3].doc, 7);
	fc_corpus_destroy(c);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

/* A dateline counts at the start of the body only (first 2000 bytes). */
static void test_dateline_within(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	struct fc_arena a;
	fc_arena_init(&a);
	char text[2400];
	memset(text, 'x', sizeof(text));
	for (size_t i = 80; i < sizeof(text); i += 80)
		text[i] = '\n';
	const char *dl = "\nMOSCOW (Reuters) - Late in the text.";
	memcpy(text + 2100, dl, strlen(dl));
	text[2100 + strlen(dl)] = '\0';
	struct tdoc t = {"x", text, NULL, NULL};
	struct fc_corpus *c = corpus_of(r, &t, 1, false);
	struct wire_key *k = NULL;
	size_t n = 0, cap = 0;
	assert_int_equal(
		indep_wire_keys(r->indep, &a, &c->docs[0], 0, &k, &n, &cap),
		FC_OK);
	assert_int_equal(n, 0);
	memcpy(text + 1900, dl, strlen(dl));
	fc_corpus_destroy(c);
	c = corpus_of(r, &t, 1, false);
	assert_int_equal(
		indep_wire_keys(r->indep, &a, &c->docs[0], 0, &k, &n, &cap),
		FC_OK);
	assert_int_equal(n, 1);
	assert_string_equal(k[0].key, "agency:reuters");
	fc_corpus_destroy(c);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

/*
** A credit line the text stage dropped as boilerplate still counts (it
** is read from the raw bytes of the dropped block); with no cleaned
** text at all, the raw bytes are read.
*/
static void test_dropped_and_raw(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	struct fc_arena a;
	fc_arena_init(&a);
	static const char raw[] = "Kremlin says calls went well.\n"
				  "(Reporting by Jane Doe; Editing by John "
				  "Roe)\n";
	struct tdoc t = {"x", raw, NULL, NULL};
	struct fc_corpus *c = corpus_of(r, &t, 1, false);
	struct fc_document *doc = &c->docs[0];
	doc->text_len = 29; /* the cleaned text lost the tail */
	doc->text[29] = '\0';
	struct wire_key *k = NULL;
	size_t n = 0, cap = 0;
	assert_int_equal(indep_wire_keys(r->indep, &a, doc, 0, &k, &n, &cap),
			 FC_OK);
	assert_int_equal(n, 0);
	struct fc_dropped drop = {30, (uint32_t)strlen(raw), "credit"};
	doc->dropped = &drop;
	doc->ndropped = 1;
	assert_int_equal(indep_wire_keys(r->indep, &a, doc, 0, &k, &n, &cap),
			 FC_OK);
	assert_int_equal(n, 2);
	assert_string_equal(k[0].key, "agency:reuters");
	assert_string_equal(k[1].key, "byline:jane doe");
	doc->dropped = NULL;
	doc->ndropped = 0;
	doc->text = NULL;
	n = 0;
	assert_int_equal(indep_wire_keys(r->indep, &a, doc, 0, &k, &n, &cap),
			 FC_OK);
	assert_int_equal(n, 2);
	fc_corpus_destroy(c);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

/* Invalid UTF-8 in raw bytes is read safely and matches around it. */
static void test_invalid_utf8(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	struct fc_arena a;
	fc_arena_init(&a);
	struct tdoc t = {"x", "\xff\xfe\xc3\nMOSCOW (Reuters) - \xe2\x80 ok",
			 NULL, NULL};
	struct fc_corpus *c = corpus_of(r, &t, 1, false);
	c->docs[0].text = NULL;
	struct wire_key *k = NULL;
	size_t n = 0, cap = 0;
	assert_int_equal(
		indep_wire_keys(r->indep, &a, &c->docs[0], 0, &k, &n, &cap),
		FC_OK);
	assert_int_equal(n, 1);
	assert_string_equal(k[0].key, "agency:reuters");
	fc_corpus_destroy(c);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copies),
		cmocka_unit_test(test_not_copies),
		cmocka_unit_test(test_details),
		cmocka_unit_test(test_dateline_within),
		cmocka_unit_test(test_dropped_and_raw),
		cmocka_unit_test(test_invalid_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
