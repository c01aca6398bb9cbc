/*
** test_seeds.c: the built-in boilerplate rules on the five seed
** articles: the exact blocks dropped (rule and text), the title, the
** published date, and that no dropped text reaches a kept sentence.
*/
#include "text_test.h"

#define SEEDS FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16/"

struct drop {
	const char *rule, *text;
};

struct seed {
	const char *file;
	const char *published; /* from the date line, or NULL */
	const char *title;
	size_t nsentences;
	struct drop drops[20];
};

static const struct seed seeds[] = {
	{"000_6cb9a9ae1e300ea4.txt", "2026-01-16",
	 "In effort to 'mediate, deescalate,' Putin speaks with Israeli, "
	 "Iranian leaders",
	 8,
	 {{"date-line", "date 2026-01-16"},
	  {"heading", "In effort to 'mediate, deescalate,' Putin speaks with "
		      "Israeli, Iranian leaders"},
	  {"duplicate", "Kremlin spokesperson Dmitry Peskov said that "
			"\xE2\x80\x9CRussia is already providing assistance "
			"not only to Iran but also to the entire region, and "
			"to the cause of regional stability and peace\""},
	  /* the second logo opens in lower case: one block (plain.c) */
	  {"heading", "i24NEWS\ni24NEWS"},
	  {"reading-time", "2 min read"},
	  {"reading-time", "2 min read"},
	  {"no-text", "\xE2\x96\xA0"},
	  {"caption", "File photo from Netanyahu's 2020 meeting with Vladimir "
		      "Putin"},
	  {"caption", "File photo from Netanyahu's 2020 meeting with Vladimir "
		      "Putin Maxim Shemetov/Pool Photo via AP, File"},
	  {"video-poster", "Video poster"},
	  {"video-poster", "Iran anti-regime protests. NYT: Netanyahu asked "
			   "Trump to postpone attack on Iran"},
	  {"video-poster", "Video poster"},
	  {"video-poster", "Russia condemns attempts by 'foreign powers' to "
			   "interfere with Iran"},
	  {"video-poster", "Video poster"},
	  {"video-poster", "Russia mediates: Israel, Iran reassured each other "
			   "via Russia on attack plans"},
	  {"comments", "This article received 0 comments"},
	  {"comments", "Comments"}}},
	{"001_73b993a7e7b8d6bb.txt", NULL,
	 "Russia's Putin engages Israel's Netanyahu and Iran's Pezeshkian on "
	 "regional tensions",
	 12,
	 {{"heading", "Russia's Putin engages Israel's Netanyahu and Iran's "
		      "Pezeshkian on regional tensions"},
	  {"paywall", "Unlock premium news, Start your free trial today."}}},
	{"002_7859454476ef42ed.txt", NULL, NULL, 26,
	 {{"heading", "Putin Outlines Russia\xE2\x80\x99s Role as a Regional "
		      "Mediator"},
	  {"heading", "Suspected Iranian arms cargo ship sinks in the Caspian, "
		      "spotlighting a shadow war route to Russia"},
	  {"heading", "Iran Faces Protests and Rising International Pressure"},
	  {"heading", "South Africa begins naval drills with China, Russia and "
		      "Iran to strengthen maritime cooperation"},
	  {"heading", "Russia Balances Relations Between Israel and Iran"},
	  {"heading", "Iran Sold Nearly $3 Billion in Missiles and Drones to "
		      "Russia as Ukraine War Intensified"}}},
	{"003_f44dc16e987fcf8e.txt", "2026-01-16", NULL, 19,
	 {{"date-line", "date 2026-01-16"},
	  {"advertisement", "ADVERTISEMENT"},
	  {"related", "Also Read Iran crackdown tests Elon Musk\xE2\x80\x99s "
		      "Starlink as Tehran deploys jammers and spoofing "
		      "tactics"},
	  {"related", "Also Read Deadly crackdown appears to quell Iran "
		      "protests, say residents and rights group"},
	  {"related", "Also Read Peaceful protests held in Kashmir backing "
		      "Iran amid unrest and US intervention threats"},
	  {"heading", "Western sanctions"}}},
	{"004_bf693ee05da6e663.txt", NULL,
	 "Putin Offers to Mediate Iran Talks in Call With Netanyahu", 17,
	 {{"heading", "Israfan"},
	  {"navigation", "Posts"},
	  {"heading", "Putin Offers to Mediate Iran Talks in Call With "
		      "Netanyahu"},
	  {"heading", "Putin Offers to Mediate Iran Talks in Call With "
		      "Netanyahu"},
	  {"newsletter", "Stand with Israel as it works to secure stability "
			 "amid rising threats. Share this story or subscribe "
			 "to our newsletter for more insights into "
			 "Israel\xE2\x80\x99s diplomacy and defense."}}},
};

static void check_seed(const struct fc_rules *r, const struct seed *sd)
{
	char path[512];
	snprintf(path, sizeof(path), SEEDS "%s", sd->file);
	char *raw;
	size_t len;
	assert_int_equal(fc_file_read(path, 1 << 20, &raw, &len), FC_OK);
	struct cleaned c;
	clean_buf(&c, r, path, NULL, raw, len);
	free(raw);
	assert_int_equal(c.st, FC_OK);
	assert_int_equal(c.d.n, 0);
	assert_doc_sane(&c.doc);
	size_t nd = 0;
	while (nd < 20 && sd->drops[nd].rule)
		nd++;
	bool same = c.doc.ndropped == nd;
	for (size_t i = 0; same && i < nd; i++)
		same = !strcmp(c.doc.dropped[i].rule, sd->drops[i].rule) &&
		       !strcmp(dropped_text(&c, i), sd->drops[i].text);
	if (!same)
		for (size_t i = 0; i < c.doc.ndropped; i++)
			print_message("%s: %s [%s]\n", sd->file,
				      c.doc.dropped[i].rule,
				      dropped_text(&c, i));
	assert_true(same);
	if (sd->title)
		assert_string_equal(c.doc.title, sd->title);
	else
		assert_null(c.doc.title);
	if (sd->published) {
		assert_string_equal(c.doc.published, sd->published);
		assert_true(c.doc.is_published_stated);
	} else {
		assert_null(c.doc.published);
	}
	assert_int_equal(c.doc.nsentences, sd->nsentences);
	/* No dropped line leaks into a kept sentence: none begins or ends
	** with one, none holds one of three words or more, none is made of
	** dropped text. (A heading's short phrase may recur in prose, and
	** a duplicate's text stays once, by design.) */
	for (size_t i = 0; i < c.doc.ndropped; i++) {
		if (!strcmp(c.doc.dropped[i].rule, "duplicate"))
			continue;
		const char *dt = dropped_text(&c, i);
		size_t dn = strlen(dt), words = 1;
		for (const char *p = dt; *p; p++)
			words += *p == ' ';
		for (size_t k = 0; k < c.doc.nsentences; k++) {
			const char *st = sentence_text(&c, k);
			size_t sn = strlen(st);
			assert_false(!strncmp(st, dt, dn));
			assert_false(sn >= dn && !strcmp(st + sn - dn, dt));
			if (words >= 3)
				assert_null(strstr(st, dt));
			assert_null(strstr(dt, st));
		}
	}
	cleaned_finish(&c);
}

static void test_seed_000(void **state) { check_seed(*state, &seeds[0]); }
static void test_seed_001(void **state) { check_seed(*state, &seeds[1]); }
static void test_seed_002(void **state) { check_seed(*state, &seeds[2]); }
static void test_seed_003(void **state) { check_seed(*state, &seeds[3]); }
static void test_seed_004(void **state) { check_seed(*state, &seeds[4]); }

/* Sentences start on the raw lines they come from. */
static void test_seed_lines(void **state)
{
	const struct fc_rules *r = *state;
	char *raw;
	size_t len;
	assert_int_equal(fc_file_read(SEEDS "003_f44dc16e987fcf8e.txt", 1 << 20,
				      &raw, &len),
			 FC_OK);
	struct cleaned c;
	clean_buf(&c, r, "003.txt", NULL, raw, len);
	free(raw);
	static const uint32_t lines[] = {1, 3, 7, 11, 13, 15, 19, 21, 23, 27,
					 31, 33, 35, 37, 39, 41, 41, 43, 43};
	assert_int_equal(c.doc.nsentences, 19);
	for (size_t i = 0; i < 19; i++)
		assert_int_equal(c.doc.sentences[i].line, lines[i]);
	assert_string_equal(sentence_text(&c, 0),
			    "President Vladimir Putin is mediating in the Iran "
			    "situation to try to quickly de-escalate tensions, "
			    "the Kremlin said on Friday, after the Russian "
			    "leader spoke to Israeli Prime Minister Benjamin "
			    "Netanyahu and Iranian President Masoud "
			    "Pezeshkian.");
	assert_string_equal(sentence_text(&c, 18),
			    "Russia says it supports Iran's right to peaceful "
			    "nuclear energy.");
	cleaned_finish(&c);
}

static int setup(void **state)
{
	*state = load_rules(BOILER_DIR);
	return 0;
}

static int teardown(void **state)
{
	fc_rules_destroy(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_000),
		cmocka_unit_test(test_seed_001),
		cmocka_unit_test(test_seed_002),
		cmocka_unit_test(test_seed_003),
		cmocka_unit_test(test_seed_004),
		cmocka_unit_test(test_seed_lines),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
