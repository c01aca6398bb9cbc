/*
** test_lexicon_wrap.c: a wire's hard line break inside a name is a space
** when the text around it is wrapped (join_wrapped in
** src/extract/lexicon.c), and stays a break in text of a sentence a line
** and under a headline. Real rules/lexicon files; the golden runner
** cannot say it (its text module joins or drops such lines first).
*/
#include "lexicon/lx_test.h"

/* The entity mentions of text as "text=id;..." ('\n' written '/'). */
static char *entities(const struct fc_rules *r, struct fc_arena *a,
		      const char *text)
{
	struct fc_document doc;
	size_t n;
	const struct lx_item *v = lx_run(r, a, &doc, text, &n);
	char *out = fc_arena_strdup(a, "");
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].kind, "entity"))
			continue;
		char *t = fc_arena_strdup(a, v[i].text), *o = t;
		for (const char *p = t; *p; p++)
			if (*p != '\r') /* (CR LF reads as LF) */
				*o++ = *p == '\n' ? '/' : *p;
		*o = '\0';
		out = fc_arena_printf(a, "%s%s=%s;", out, t, v[i].id);
	}
	return out;
}

static struct fc_rules *rules;

static int setup(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	rules = lx_rules(&d);
	fc_diags_finish(&d);
	return rules ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	lx_rules_free(rules);
	return 0;
}

/* Reuters-style lines of about 60 bytes: the names across the breaks are
** whole, the one after a line going on in lower case too. */
static void test_wrapped_names_join(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(
		entities(rules, &a,
			 "The company, a unit of the large Japanese carmaker Honda\n"
			 "Motor Corp, said it will buy the shares from its offices and\n"
			 "from its large offices in Singapore and in Hong\n"
			 "Kong, officials said on Tuesday.\n"),
		"Japanese=country:JP;Honda/Motor Corp=org:honda-motor-corp;"
		"Singapore=country:SG;Hong/Kong=country:HK;");
	fc_arena_finish(&a);
}

/* Lines that end a sentence, a headline over a dateline, an indented
** line and a blank line keep their breaks. */
static void test_breaks_kept(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	/* no line nearby goes on in lower case */
	assert_string_equal(
		entities(rules, &a,
			 "Chargers defensive tackle Jamal Williams was arrested Sunday\n"
			 "Police in San Diego said he was driving under the influence\n"),
		"Jamal Williams=person:jamal-williams;San Diego=city:san-diego;");
	/* the line before is short */
	assert_string_equal(
		entities(rules, &a,
			 "Bank talks in Tokyo\n"
			 "Honda Motor Corp said it would buy the shares from its staff\n"
			 "and from its offices.\n"),
		"Tokyo=city:tokyo;Honda Motor Corp=org:honda-motor-corp;");
	/* an indented line opens a paragraph */
	assert_string_equal(
		entities(rules, &a,
			 "The company, a unit of the large Japanese carmaker Honda\n"
			 "    Motor Corp said it will buy the shares from its offices\n"
			 "and from its staff.\n"),
		"Japanese=country:JP;Motor Corp=org:motor-corp;");
	fc_arena_finish(&a);
}

/* A break where no line can end or begin goes on the name, whatever
** the lines around it (a story's first line, cut short where its
** dateline was; the next line in capitals): a title and a given name
** before it, a legal form or a business line after it. */
static void test_name_breaks_join(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(
		entities(rules, &a,
			 "Federal Reserve Board Chairman Paul\n"
			 "Volcker said current data does not give a clear sign that the\n"
			 "deterioration in the trade balance has been reversed.\n"),
		"Federal Reserve Board Chairman Paul/Volcker="
		"person:paul-volcker;");
	assert_string_equal(
		entities(rules, &a,
			 "He met Mr. Paul\n"
			 "Volcker.\n"),
		"Mr. Paul/Volcker=person:paul-volcker;");
	assert_string_equal(
		entities(rules, &a,
			 "Zenith Electronics\n"
			 "Corp. said it lost money. Philips\n"
			 "Electronics said sales rose.\n"),
		"Zenith Electronics/Corp=org:zenith-electronics-corp;"
		"Philips/Electronics=org:philips-electronics;");
	/* a given name inside a sentence, the surname before lower case */
	assert_string_equal(
		entities(rules, &a,
			 "Parlex Corp said it named Robert\n"
			 "Cyr to its new post.\n"),
		"Parlex Corp=org:parlex-corp;Robert/Cyr=person:robert-cyr;");
	/* a line a name goes on from is prose, no headline, however many
	** capitals its names hold */
	assert_string_equal(
		entities(rules, &a,
			 "It said it is joining with Bell Textron of\n"
			 "Canada, Canadian Marconi Co, IMP Group, and Paramax\n"
			 "Electronics Inc and is supported by Augusta Industries.\n"),
		"Bell Textron=name:bell-textron;Canada=country:CA;"
		"Canadian Marconi Co=org:canadian-marconi-co;"
		"IMP Group=org:imp-group;"
		"Paramax/Electronics Inc=org:paramax-electronics-inc;"
		"Augusta Industries=org:augusta-industries;");
	fc_arena_finish(&a);
}

/* ... but not across a blank line or an indent, nor where the line after
** goes on in capitals (a given name ending a headline line), nor a
** business line or a legal form that opens a name of its own. */
static void test_name_breaks_kept(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(
		entities(rules, &a,
			 "Chairman Paul\n"
			 "\n"
			 "Volcker said so.\n"),
		"Chairman Paul=person:paul;Volcker=name:volcker;");
	assert_string_equal(
		entities(rules, &a,
			 "Chairman Paul\n"
			 "    Volcker said so.\n"),
		"Chairman Paul=person:paul;Volcker=name:volcker;");
	assert_string_equal(
		entities(rules, &a,
			 "Fans cheered for Acme\n"
			 "Trust Company Bank employees.\n"),
		"");
	/* a legal form's word that opens a name of its own ("AG" an
	** attorney general's title) after a headline's last name */
	assert_string_equal(
		entities(rules, &a,
			 "Senate Confirms Barr\n"
			 "AG William Barr was sworn in on Thursday.\n"),
		"AG William Barr=name:ag-william-barr;");
	fc_arena_finish(&a);
}

#define L0 "The company, a unit of the large Japanese carmaker, said it"
/* 100 bytes */
#define L1 "will buy the shares from its offices and from its largest " \
	   "offices in the cities of Asia, and in Hong"
#define L2 "Kong and Singapore, officials said on Tuesday after the board " \
	   "of the company met in the old city for"

/* A line of 100 bytes is a wrapped line whether it ends in LF, CR LF or
** blanks before its line feed. */
static void test_line_ends_alike(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	const char *want = "Japanese=country:JP;Asia=name:asia;"
			   "Hong/Kong=country:HK;"
			   "Singapore=country:SG;";
	assert_string_equal(entities(rules, &a, L0 "\n" L1 "\n" L2 "\n"),
			    want);
	assert_string_equal(
		entities(rules, &a, L0 "\r\n" L1 "\r\n" L2 "\r\n"), want);
	assert_string_equal(entities(rules, &a, L0 "\n" L1 "  \n" L2 "\n"),
			    "Japanese=country:JP;Asia=name:asia;"
			    "Hong  /Kong=country:HK;Singapore=country:SG;");
	fc_arena_finish(&a);
}

/* The stream cuts its text where the white space of a blank line begins:
** the text before the cut reads as it does in the whole text, whatever
** ends its last line (LF, CR LF, blanks) and at 100 and 101 bytes. */
static void test_cut_reads_as_whole(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	static const char *const ends[] = {"\n\n", "\r\n\r\n", "  \n\n",
					   " \t\r\n \n"};
	static const char *const lasts[] = {L2, L2 "m"};
	for (size_t l = 0; l < 2; l++) {
		char *cut = fc_arena_printf(&a, L0 "\n" L1 "\n%s", lasts[l]);
		const char *want = entities(rules, &a, cut);
		for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
			char *whole = fc_arena_printf(
				&a, "%s%sand more text.\n", cut, ends[e]);
			assert_string_equal(entities(rules, &a, whole), want);
		}
	}
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrapped_names_join),
		cmocka_unit_test(test_breaks_kept),
		cmocka_unit_test(test_line_ends_alike),
		cmocka_unit_test(test_cut_reads_as_whole),
		cmocka_unit_test(test_name_breaks_join),
		cmocka_unit_test(test_name_breaks_kept),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
