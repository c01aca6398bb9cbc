/*
** test_seeds.c: the five seed articles as web pages.
**
** data/seeds/NNN.html holds the lines of corpora/putin-iran-2026-01-16/
** NNN_*.txt inside a news site's markup, with navigation, related-link
** boxes, scripts, ads, a comment section and more around them (written
** by data/seeds/make_seeds.py). The extracted text must hold every line
** of the .txt as a paragraph of its own, except the lines that are page
** chrome in the .txt too (listed below per seed) and the headline (the
** title), and nothing of the chrome the pages add.
*/
#include "fetch_test.h"

#define CORPUS FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16/"

struct seed {
	const char *txt, *html;
	const char *title, *published, *charset;
	const char *chrome[12]; /* lines of the .txt that are page chrome */
};

static const struct seed seeds[] = {
	{"000_6cb9a9ae1e300ea4.txt", "000.html",
	 "In effort to 'mediate, deescalate,' Putin speaks with Israeli, "
	 "Iranian leaders",
	 "2026-01-16", "UTF-8",
	 {"i24NEWS", "2 min read", "\xE2\x80\x83\xE2\x96\xA0\xE2\x80\x83",
	  "File photo from Netanyahu's 2020 meeting with Vladimir Putin",
	  "File photo from Netanyahu's 2020 meeting with Vladimir Putin "
	  "Maxim Shemetov/Pool Photo via AP, File",
	  "Video poster",
	  "Iran anti-regime protests. NYT: Netanyahu asked Trump to postpone "
	  "attack on Iran",
	  "Russia condemns attempts by 'foreign powers' to interfere with Iran",
	  "Russia mediates: Israel, Iran reassured each other via Russia on "
	  "attack plans",
	  "This article received 0 comments", "Comments"}},
	{"001_73b993a7e7b8d6bb.txt", "001.html",
	 "Russia's Putin engages Israel's Netanyahu and Iran's Pezeshkian on "
	 "regional tensions",
	 NULL, "UTF-8",
	 {"Unlock premium news, Start your free trial today."}},
	{"002_7859454476ef42ed.txt", "002.html",
	 "Putin holds separate calls with Netanyahu and Pezeshkian", NULL,
	 "UTF-8",
	 {"Suspected Iranian arms cargo ship sinks in the Caspian, spotlighting "
	  "a shadow war route to Russia",
	  "South Africa begins naval drills with China, Russia and Iran to "
	  "strengthen maritime cooperation",
	  "Iran Sold Nearly $3 Billion in Missiles and Drones to Russia as "
	  "Ukraine War Intensified"}},
	{"003_f44dc16e987fcf8e.txt", "003.html",
	 "Putin is mediating in Iran situation, Kremlin says", "2026-01-16",
	 "UTF-8",
	 {"ADVERTISEMENT",
	  "Also Read Iran crackdown tests Elon Musk\xE2\x80\x99s Starlink as "
	  "Tehran deploys jammers and spoofing tactics",
	  "Also Read Deadly crackdown appears to quell Iran protests, say "
	  "residents and rights group",
	  "Also Read Peaceful protests held in Kashmir backing Iran amid "
	  "unrest and US intervention threats"}},
	{"004_bf693ee05da6e663.txt", "004.html",
	 "Putin Offers to Mediate Iran Talks in Call With Netanyahu", NULL,
	 "WINDOWS-1252",
	 {"- Israfan", "- Posts",
	  "- Putin Offers to Mediate Iran Talks in Call With Netanyahu",
	  "Stand with Israel as it works to secure stability amid rising "
	  "threats. Share this story or subscribe to our newsletter for more "
	  "insights into Israel\xE2\x80\x99s diplomacy and defense."}},
};

/* Everything the pages add around the articles. */
static const char *const injected[] = {
	"Latest Headlines", "Opinion & Analysis", "Sign in",
	"We use cookies", "Accept all cookies", "Share on Facebook",
	"Send by WhatsApp", "Advertisement", "googletag", "adsbygoogle",
	"Related coverage", "Oil prices climb", "back-channel diplomacy",
	"Get the morning briefing", "Comments (3)",
	"really important development", "Mediation only works",
	"Thanks for the clear reporting", "Most read", "Storm warnings",
	"Central bank holds rates", "All rights reserved", "Privacy policy",
	"window.dataLayer", "min-height", "Injected by script", "paywallMeter",
	"Your privacy matters", "Skip to content", "Posted in World",
	"Tagged Russia", "Previous post", "Posted on January 16",
	"World News Network Staff", "Updated: 16 Jan 2026", "Subscribe",
	"Home", "Reuters",
};

/* Trim ASCII spaces and NBSP at both ends, in place. */
static char *trim(char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if ((unsigned char)s[0] == 0xC2 &&
			 (unsigned char)s[1] == 0xA0)
			s += 2;
		else
			break;
	}
	size_t n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
			  s[n - 1] == '\r'))
			n--;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
			 (unsigned char)s[n - 1] == 0xA0)
			n -= 2;
		else
			break;
	}
	s[n] = '\0';
	return s;
}

static bool is_chrome(const struct seed *sd, const char *line)
{
	for (size_t i = 0; i < 12 && sd->chrome[i]; i++)
		if (!strcmp(sd->chrome[i], line))
			return true;
	return false;
}

static void check_seed(const struct seed *sd)
{
	struct fc_rules *r = load_html_rules(NULL);
	struct fc_arena a;
	struct fc_diags d;
	struct fc_article art;
	fc_arena_init(&a);
	fc_diags_init(&d);
	char path[512];
	size_t len;
	snprintf(path, sizeof(path), DATA "seeds/%s", sd->html);
	char *page = read_data(path, &len);
	assert_int_equal(fc_html_extract(r, &a, page, len,
					 "https://news.example/story", NULL,
					 &art, &d),
			 FC_OK);
	free(page);
	if (d.n)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(d.n, 0);
	assert_false(art.is_fallback);
	assert_string_equal(art.title, sd->title);
	assert_string_equal(art.charset, sd->charset);
	if (sd->published)
		assert_string_equal(art.published, sd->published);
	else
		assert_null(art.published);

	snprintf(path, sizeof(path), CORPUS "%s", sd->txt);
	char *txt = read_data(path, &len);
	size_t nprose = 0, nchrome = 0;
	char *save = NULL;
	bool first = true;
	for (char *line = strtok_r(txt, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), first = false) {
		char *s = trim(line);
		/* the .txt format's first line may start with its date */
		if (first && !strncmp(s, "date 2026-01-16 ", 16))
			s += 16;
		if (!*s)
			continue;
		if (is_chrome(sd, s)) {
			const char *bare = !strncmp(s, "- ", 2) ? s + 2 : s;
			if (strstr(art.text, bare))
				fail_msg("%s: chrome line in the text: %s",
					 sd->html, bare);
			nchrome++;
		} else if (!strcmp(s, sd->title)) {
			assert_false(has_paragraph(art.text, s));
		} else {
			if (!has_paragraph(art.text, s))
				fail_msg("%s: paragraph missing: %s\n--- text:\n%s",
					 sd->html, s, art.text);
			nprose++;
		}
	}
	free(txt);
	assert_true(nchrome > 0);
	/* exactly those paragraphs: nothing else slipped in */
	assert_int_equal(art.nparagraphs, nprose);
	for (size_t i = 0; i < sizeof(injected) / sizeof(*injected); i++)
		if (strstr(art.text, injected[i]))
			fail_msg("%s: injected chrome in the text: %s",
				 sd->html, injected[i]);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_seed_000(void **state)
{
	(void)state;
	check_seed(&seeds[0]);
}

static void test_seed_001(void **state)
{
	(void)state;
	check_seed(&seeds[1]);
}

static void test_seed_002(void **state)
{
	(void)state;
	check_seed(&seeds[2]);
}

static void test_seed_003(void **state)
{
	(void)state;
	check_seed(&seeds[3]);
}

static void test_seed_004(void **state)
{
	(void)state;
	check_seed(&seeds[4]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_000), cmocka_unit_test(test_seed_001),
		cmocka_unit_test(test_seed_002), cmocka_unit_test(test_seed_003),
		cmocka_unit_test(test_seed_004),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
