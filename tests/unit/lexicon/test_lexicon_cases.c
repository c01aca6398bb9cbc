/*
** test_lexicon_cases.c: the lexicon stage on news sentences, with the
** real rules/lexicon files and iso-codes list. Each case lists every
** mention the stage must produce, in text order, rendered as
**   entity <start>-<end> '<text>' <id> (<label>) <type> <country> <role>
**   quote <start>-<end> '<content>' speaker=<id>
**   attribution <start>-<end> '<text>' source=<id or text>
**   negation|hedge <start>-<end> '<text>'
** so spans, counts and every field are checked exactly.
*/
#include <stdlib.h>
#include <time.h>

#include "lx_test.h"

static char *render(struct fc_arena *a, const struct lx_item *it)
{
	if (!strcmp(it->kind, "entity"))
		return fc_arena_printf(a, "entity %u-%u '%s' %s (%s) %s %s %s",
				       it->start, it->end, it->text, it->id,
				       it->label, it->type,
				       it->country ? it->country : "-",
				       it->role ? it->role : "-");
	if (!strcmp(it->kind, "quote"))
		return fc_arena_printf(a, "quote %u-%u '%s' speaker=%s",
				       it->start, it->end, it->text,
				       it->speaker ? it->speaker : "-");
	if (!strcmp(it->kind, "attribution"))
		return fc_arena_printf(a, "attribution %u-%u '%s' source=%s",
				       it->start, it->end, it->text,
				       it->source);
	return fc_arena_printf(a, "%s %u-%u '%s'", it->kind, it->start,
			       it->end, it->text);
}

struct lcase {
	const char *text;
	const char *want[24]; /* NULL-terminated */
};

static const struct lcase cases[] = {
	{"Israel is not seeking war.",
	 {"entity 0-6 'Israel' country:IL (Israel) country IL -",
	  "negation 10-13 'not'", NULL}},
	{"Tehran denies it.",
	 {"attribution 0-13 'Tehran denies' source=gov:IR",
	  "entity 0-6 'Tehran' gov:IR (Iranian government) government IR -",
	  "negation 7-13 'denies'", NULL}},
	/* A lone last word of an untyped name is that name; a common
	** adjective opening its sentence before a noun is no mention. */
	{"Police arrested Winston Blackmore. Blackmore was charged. "
	  "Senator Young Kim spoke. Young people agreed.",
	 {"entity 16-33 'Winston Blackmore' name:winston-blackmore "
	  "(Winston Blackmore) other - -",
	  "entity 35-44 'Blackmore' name:winston-blackmore (Winston "
	  "Blackmore) other - -",
	  "entity 58-75 'Senator Young Kim' person:young-kim (Young "
	  "Kim) person - senator", NULL}},
	/* A water's word before "of" names a water of its own; a
	** sheriff is a title; a role's body is one organisation. */
	{"The Navy sailed in the Sea of Japan. Genesee County "
	  "Sheriff Robert J. Pickell said so. The Mayor's Office "
	  "said no.",
	 {"entity 23-35 'Sea of Japan' name:sea-of-japan (Sea of "
	  "Japan) other - -",
	  "entity 37-51 'Genesee County' name:genesee-county "
	  "(Genesee County) other - -",
	  "attribution 52-82 'Sheriff Robert J. Pickell said' "
	  "source=person:robert-j-pickell",
	  "entity 52-77 'Sheriff Robert J. Pickell' "
	  "person:robert-j-pickell (Robert J. Pickell) person - "
	  "sheriff",
	  "attribution 91-110 'Mayor's Office said' "
	  "source=org:mayors-office",
	  "entity 91-105 'Mayor's Office' org:mayors-office (Mayor's "
	  "Office) org - -",
	  "negation 111-113 'no'", NULL}},
	/* A person of a firm speaks for himself; two short names of
	** one listed person are one mention. */
	{"Analyst Carole Berger of Cyrus J. Lawrence said so. Prime "
	  "Minister Bibi Netanyahu spoke.",
	 {"attribution 0-47 'Analyst Carole Berger of Cyrus J. "
	  "Lawrence said' source=person:carole-berger",
	  "entity 0-21 'Analyst Carole Berger' person:carole-berger "
	  "(Carole Berger) person - analyst",
	  "entity 25-42 'Cyrus J. Lawrence' name:cyrus-j-lawrence "
	  "(Cyrus J. Lawrence) other - -",
	  "entity 52-81 'Prime Minister Bibi Netanyahu' "
	  "person:benjamin-netanyahu (Benjamin Netanyahu) person IL "
	  "prime minister", NULL}},
	/* Title phrases, an unknown person after a title, surname coref. */
	{"Chilean President Gabriel Boric met Iran's foreign minister. "
	 "Boric said Chile would never join.",
	 {"entity 0-31 'Chilean President Gabriel Boric' "
	  "person:gabriel-boric (Gabriel Boric) person CL president",
	  "entity 36-59 'Iran's foreign minister' person:abbas-araghchi "
	  "(Abbas Araghchi) person IR foreign minister",
	  "attribution 61-71 'Boric said' source=person:gabriel-boric",
	  "entity 61-66 'Boric' person:gabriel-boric (Gabriel Boric) "
	  "person CL president",
	  "entity 72-77 'Chile' country:CL (Chile) country CL -",
	  "negation 84-89 'never'", NULL}},
	/* Demonym + role, counterpart, the two leaders. */
	{"Putin spoke with his Iranian counterpart Masoud Pezeshkian. "
	 "The Russian leader then called the Israeli leader. "
	 "The two leaders agreed.",
	 {"entity 0-5 'Putin' person:vladimir-putin (Vladimir Putin) "
	  "person RU president",
	  "entity 21-58 'Iranian counterpart Masoud Pezeshkian' "
	  "person:masoud-pezeshkian (Masoud Pezeshkian) person IR president",
	  "entity 64-78 'Russian leader' person:vladimir-putin "
	  "(Vladimir Putin) person RU president",
	  "entity 95-109 'Israeli leader' person:benjamin-netanyahu "
	  "(Benjamin Netanyahu) person IL prime minister",
	  "entity 111-126 'The two leaders' "
	  "group:person:benjamin-netanyahu+person:vladimir-putin "
	  "(Vladimir Putin and Benjamin Netanyahu) group - -",
	  NULL}},
	/* A firm takes its legal form, through "&" too, and the
	** attribution goes to the firm, not to a stray "Inc". */
	{"AT&T Inc said it would cut jobs. Ben & Jerry's Inc said so.",
	 {"attribution 0-13 'AT&T Inc said' source=org:att",
	  "entity 0-8 'AT&T Inc' org:att (AT&T) org US -",
	  "attribution 33-55 'Ben & Jerry's Inc said' "
	  "source=org:ben-jerrys-inc",
	  "entity 33-50 'Ben & Jerry's Inc' org:ben-jerrys-inc "
	  "(Ben & Jerry's Inc) org - -",
	  NULL}},
	/* "and" joins two firms' names before a business line only. */
	{"Manufacturers Hanover Trust and Chemical Bank agreed. "
	 "Harris Trust and Savings Bank lent.",
	 {"entity 0-27 'Manufacturers Hanover Trust' "
	  "org:manufacturers-hanover-trust (Manufacturers Hanover Trust) "
	  "org - -",
	  "entity 32-45 'Chemical Bank' org:chemical-bank (Chemical Bank) "
	  "org - -",
	  "entity 54-83 'Harris Trust and Savings Bank' "
	  "org:harris-trust-and-savings-bank (Harris Trust and Savings "
	  "Bank) org - -",
	  NULL}},
	/* A bare capital is the person named in the two sentences before
	** only: three sentences on it is the government again. */
	{"George Washington crossed the river. The army followed him. "
	 "Rain fell all night. Washington said it would impose sanctions.",
	 {"entity 0-17 'George Washington' person:george-washington "
	  "(George Washington) person - -",
	  "attribution 81-96 'Washington said' source=gov:US",
	  "entity 81-91 'Washington' gov:US (US government) government US -",
	  NULL}},
	/* Capitals: actor vs place; government metonyms. */
	{"Moscow, an ally of Tehran, has condemned the strikes on Kyiv, "
	 "and the White House said its envoy would fly to Moscow.",
	 {"entity 0-6 'Moscow' gov:RU (Russian government) government RU -",
	  "entity 19-25 'Tehran' gov:IR (Iranian government) government IR -",
	  "entity 56-60 'Kyiv' gov:UA (Ukrainian government) government UA -",
	  "attribution 70-86 'White House said' source=gov:US",
	  "entity 70-81 'White House' gov:US (US government) government US -",
	  "entity 110-116 'Moscow' city:moscow (Moscow) city RU -", NULL}},
	/* Quotes: colon, post attribution, scare quotes, guillemets. */
	{"Lavrov said: \xe2\x80\x9cWe will not accept this.\xe2\x80\x9d "
	 "The so-called \"peace plan\" was shelved. "
	 "\xc2\xab" "Calm is needed," "\xc2\xbb" " the Kremlin added.",
	 {"attribution 0-11 'Lavrov said' source=person:sergei-lavrov",
	  "entity 0-6 'Lavrov' person:sergei-lavrov (Sergei Lavrov) person "
	  "RU foreign minister",
	  "quote 13-43 'We will not accept this.' speaker=person:sergei-lavrov",
	  "negation 24-27 'not'",
	  "quote 58-70 'peace plan' speaker=-",
	  "quote 84-103 'Calm is needed' speaker=gov:RU",
	  "attribution 108-121 'Kremlin added' source=gov:RU",
	  "entity 108-115 'Kremlin' gov:RU (Russian government) government "
	  "RU -", NULL}},
	/* according to: with and without an entity; hedges. */
	{"The talks may resume, according to the statement. "
	 "Iran reportedly agreed, according to Reuters.",
	 {"hedge 10-13 'may'",
	  "attribution 22-48 'according to the statement' "
	  "source=according to the statement",
	  "entity 50-54 'Iran' country:IR (Iran) country IR -",
	  "hedge 55-65 'reportedly'",
	  "attribution 74-94 'according to Reuters' source=org:reuters",
	  "entity 87-94 'Reuters' org:reuters (Reuters) org - -", NULL}},
	/* Counter-examples: May, turkey, President alone, sentence-initial
	** words, lower-case "us". */
	{"In May the President let us eat turkey. Also Asked Questions.",
	 {NULL}},
	/* Unknown multi-word names; headlines make none. */
	{"Officials at Tidewater Shipping Lines denied the report.\n"
	 "Tidewater Shipping Lines Denies Report About Iran\n",
	 {"attribution 13-44 'Tidewater Shipping Lines denied' "
	  "source=org:tidewater-shipping-lines",
	  "entity 13-37 'Tidewater Shipping Lines' "
	  "org:tidewater-shipping-lines (Tidewater Shipping Lines) org - -",
	  "negation 38-44 'denied'",
	  "negation 82-88 'Denies'",
	  "entity 102-106 'Iran' country:IR (Iran) country IR -", NULL}},
	/* A surname alone, then the full name of a lexicon person. */
	{"Netanyahu spoke. Benjamin Netanyahu's office confirmed it.",
	 {"entity 0-9 'Netanyahu' person:benjamin-netanyahu "
	  "(Benjamin Netanyahu) person IL prime minister",
	  "entity 17-35 'Benjamin Netanyahu' person:benjamin-netanyahu "
	  "(Benjamin Netanyahu) person IL prime minister", NULL}},
	/* Titles from governments and organisations; Mr + surname. */
	{"UN Secretary-General Antonio Guterres and Kremlin spokesman "
	 "Dmitry Peskov spoke. Mr Peskov later said he was not told.",
	 {"entity 0-37 'UN Secretary-General Antonio Guterres' "
	  "person:antonio-guterres (Antonio Guterres) person - "
	  "secretary general",
	  "entity 42-73 'Kremlin spokesman Dmitry Peskov' "
	  "person:dmitry-peskov (Dmitry Peskov) person RU spokesperson",
	  "attribution 81-101 'Mr Peskov later said' "
	  "source=person:dmitry-peskov",
	  "entity 81-90 'Mr Peskov' person:dmitry-peskov (Dmitry Peskov) "
	  "person RU spokesperson",
	  "negation 109-112 'not'", NULL}},
	{"", {NULL}},
	{"\"\"\xe2\x80\x9c\xe2\x80\x9d\xc2\xab", {NULL}},
	/* Namesakes: a country's or a capital's name as a surname ("Michael
	** Jordan", "Jordan said" after him, "Mr. Jordan"; "in Jordan" stays
	** the country), the capital's name as a state after a city ("Seattle,
	** Washington"), a known surname as the document's person ("Harris"
	** after "John Harris"), a firm with "and" inside, a place before a
	** group that speaks for itself (no source), a High Commission. */
	{"Michael Jordan scored. Jordan said he was tired. Talks in Jordan "
	 "ended.",
	 {"entity 0-14 'Michael Jordan' person:michael-jordan (Michael "
	  "Jordan) person - -",
	  "attribution 23-34 'Jordan said' source=person:michael-jordan",
	  "entity 23-29 'Jordan' person:michael-jordan (Michael Jordan) "
	  "person - -",
	  "entity 58-64 'Jordan' country:JO (Jordan) country JO -",
	  NULL}},
	{"Mr. Jordan left. Jordan's King Abdullah said so.",
	 {"entity 0-10 'Mr. Jordan' person:jordan (Jordan) person - -",
	  "attribution 17-44 'Jordan's King Abdullah said' "
	  "source=person:abdullah",
	  "entity 17-39 'Jordan's King Abdullah' person:abdullah (Abdullah) "
	  "person JO king",
	  NULL}},
	{"Seattle, Washington police said so. Officials in Oregon said "
	 "Washington must pay.",
	 {"attribution 0-31 'Seattle, Washington police said' "
	  "source=city:seattle",
	  "entity 0-7 'Seattle' city:seattle (Seattle) city US -",
	  "entity 9-19 'Washington' name:washington-state (Washington State) "
	  "other US -",
	  "attribution 49-60 'Oregon said' source=name:oregon",
	  "entity 49-55 'Oregon' name:oregon (Oregon) other US -",
	  "entity 61-71 'Washington' gov:US (US government) government US -",
	  NULL}},
	{"John Harris met Ann Lee. Harris said so.",
	 {"entity 0-11 'John Harris' person:john-harris (John Harris) person "
	  "- -",
	  "entity 16-23 'Ann Lee' person:ann-lee (Ann Lee) person - -",
	  "attribution 25-36 'Harris said' source=person:john-harris",
	  "entity 25-31 'Harris' person:john-harris (John Harris) person - -",
	  NULL}},
	{"Harris Trust and Savings Bank said so. Daiwa Securities and Nomura "
	 "Securities agreed.",
	 {"attribution 0-34 'Harris Trust and Savings Bank said' "
	  "source=org:harris-trust-and-savings-bank",
	  "entity 0-29 'Harris Trust and Savings Bank' "
	  "org:harris-trust-and-savings-bank (Harris Trust and Savings Bank) "
	  "org - -",
	  "entity 39-55 'Daiwa Securities' org:daiwa-securities (Daiwa "
	  "Securities) org - -",
	  "entity 60-77 'Nomura Securities' org:nomura-securities (Nomura "
	  "Securities) org - -",
	  NULL}},
	{"Wall Street analysts said so. Moscow officials said so.",
	 {"attribution 0-25 'Wall Street analysts said' source=Wall Street "
	  "analysts said",
	  "entity 0-11 'Wall Street' name:wall-street (Wall Street) other - -",
	  "attribution 30-51 'Moscow officials said' source=gov:RU",
	  "entity 30-36 'Moscow' gov:RU (Russian government) government RU -",
	  NULL}},
	{"The British High Commission said so.",
	 {"attribution 4-32 'British High Commission said' source=country:GB",
	  "entity 4-27 'British High Commission' country:GB (United Kingdom) "
	  "country GB -",
	  NULL}},
	/* A role after a firm's name is the firm's officer: no national
	** office holder of the firm's country. */
	{"Apple's vice president spoke. An AMD president said so.",
	 {"entity 0-5 'Apple' org:apple (Apple) org US -",
	  "entity 33-36 'AMD' org:amd (AMD) org US -", NULL}},
	/* One name word and its legal form after "and" close one firm's
	** name; a known firm's group company is the firm; two firms with
	** a legal form each stay two. */
	{"Barnes and Noble Inc said sales rose. Goldman Sachs Group Inc said "
	 "so. Texaco Inc and Pennzoil Co met.",
	 {"attribution 0-25 'Barnes and Noble Inc said' "
	  "source=org:barnes-and-noble-inc",
	  "entity 0-20 'Barnes and Noble Inc' org:barnes-and-noble-inc "
	  "(Barnes and Noble Inc) org - -",
	  "attribution 38-66 'Goldman Sachs Group Inc said' "
	  "source=org:goldman-sachs",
	  "entity 38-61 'Goldman Sachs Group Inc' org:goldman-sachs "
	  "(Goldman Sachs) org - -",
	  "entity 71-81 'Texaco Inc' org:texaco (Texaco) org US -",
	  "entity 86-97 'Pennzoil Co' org:pennzoil-co (Pennzoil Co) org - -",
	  NULL}},
	/* A known firm's subsidiary is a firm of its own, not the parent. */
	{"Chrysler Financial Corp said so.",
	 {"attribution 0-28 'Chrysler Financial Corp said' "
	  "source=org:chrysler-financial-corp",
	  "entity 0-23 'Chrysler Financial Corp' org:chrysler-financial-corp "
	  "(Chrysler Financial Corp) org - -",
	  NULL}},
	/* A firm's short name after its full name is the firm's. */
	{"GenCorp Inc raised its bid. GenCorp said so.",
	 {"entity 0-11 'GenCorp Inc' org:gencorp-inc (GenCorp Inc) org - -",
	  "attribution 28-40 'GenCorp said' source=org:gencorp-inc",
	  "entity 28-35 'GenCorp' org:gencorp-inc (GenCorp Inc) org - -",
	  NULL}},
	{"Houston Lighting and Power Co said so.",
	 {"attribution 0-34 'Houston Lighting and Power Co said' "
	  "source=org:houston-lighting-and-power-co",
	  "entity 0-29 'Houston Lighting and Power Co' "
	  "org:houston-lighting-and-power-co (Houston Lighting and Power Co) "
	  "org US -",
	  NULL}},
	/* A firm's business line opening a wrapped line goes on the name
	** before the break. */
	{"Investors sold shares of Ford\nMotor Co and Honda\nMotor Corp.",
	 {"entity 25-38 'Ford\nMotor Co' org:ford-motor-co (Ford Motor Co) "
	  "org - -",
	  "entity 43-59 'Honda\nMotor Corp' org:honda-motor-corp "
	  "(Honda Motor Corp) org - -",
	  NULL}},
	/* A listed surname after a firm the document named with it is the
	** firm's; before a place's word it opens a place's name
	** (entity_surname.c). */
	{"Harris Corp said profits rose. Harris said so in Harris County.",
	 {"attribution 0-16 'Harris Corp said' source=org:harris-corp",
	  "entity 0-11 'Harris Corp' org:harris-corp (Harris Corp) org - -",
	  "attribution 31-42 'Harris said' source=org:harris-corp",
	  "entity 31-37 'Harris' org:harris-corp (Harris Corp) org - -",
	  "entity 49-62 'Harris County' name:harris-county (Harris County) "
	  "other - -",
	  NULL}},
	/* A ministry before a role: no listed holder (entity_title.c); a
	** possessive owns its source noun through lower-case words
	** (cue_scan.c owning_poss). */
	{"Russia's Foreign Ministry spokesman said no. Mr Blair's official "
	 "spokesman said yes.",
	 {"attribution 0-40 'Russia's Foreign Ministry spokesman said' "
	  "source=gov:RU",
	  "entity 0-25 'Russia's Foreign Ministry' gov:RU (Russian "
	  "government) government RU -",
	  "negation 41-43 'no'",
	  "attribution 45-79 'Mr Blair's official spokesman said' "
	  "source=person:blair",
	  "entity 45-53 'Mr Blair' person:blair (Blair) person - -", NULL}},
	/* A possessive ends a person's name, not a saint's (entity_scan.c
	** poss_ends_name); no verb of saying before it makes the name
	** before it a person (entity_name.c person_context). */
	{"Charlize Theron's Oscar was stolen, added Security Pacific's "
	 "Bannon, at St George's Chapel.",
	 {"entity 0-15 'Charlize Theron' name:charlize-theron (Charlize "
	  "Theron) other - -",
	  "entity 42-58 'Security Pacific' name:security-pacific (Security "
	  "Pacific) other - -",
	  "entity 72-90 'St George's Chapel' name:st-georges-chapel (St "
	  "George's Chapel) other - -",
	  NULL}},
	/* A demonym before an org-word, two before a name, open a firm's
	** name (entity_demonym.c); one plain word keeps the country. */
	{"British American Tobacco and British Airways grew. Iraqi Kurds "
	 "voted.",
	 {"entity 0-24 'British American Tobacco' "
	  "org:british-american-tobacco (British American Tobacco) org GB -",
	  "entity 29-44 'British Airways' org:british-airways (British "
	  "Airways) org GB -",
	  "entity 51-56 'Iraqi' country:IQ (Iraq) country IQ -", NULL}},
	/* A surname alone after a title is the person named with the
	** title's role, not one named since with none (entity_title.c). */
	{"President George W. Bush spoke. Kate Bush sang. President Bush "
	 "left.",
	 {"entity 0-24 'President George W. Bush' person:george-w-bush "
	  "(George W. Bush) person - president",
	  "entity 32-41 'Kate Bush' person:kate-bush (Kate Bush) person - -",
	  "entity 48-62 'President Bush' person:george-w-bush (George W. "
	  "Bush) person - president",
	  NULL}},
	/* A role's acronym before a name opens a firm's name when an
	** org-word ends it (entity_title.c acronym_firm), else it is the
	** person's title. */
	/* ... and through "&" (entity_title.c acronym_firm). */
	{"WR Grace & Co rose.",
	 {"entity 0-13 'WR Grace & Co' org:wr-grace-co (WR Grace & Co) org "
	  "- -",
	  NULL}},
	{"RB Industries Inc rose. RB Reggie Bush left.",
	 {"entity 0-17 'RB Industries Inc' org:rb-industries-inc (RB "
	  "Industries Inc) org - -",
	  "entity 24-38 'RB Reggie Bush' person:reggie-bush (Reggie Bush) "
	  "person - running back",
	  NULL}},
	/* A body's word before "of" and a known place where a place
	** stands is the body's name, no lone place (entity_name.c). */
	{"It came from Bank of France lending figures.",
	 {"entity 13-27 'Bank of France' org:bank-of-france (Bank of France) "
	  "org - -",
	  NULL}},
	/* An honorific between a title and a name is the name's: the
	** title's role stays the person's (entity_title.c). */
	{"Foreign Minister Sheikh Abdullah bin Zayed spoke.",
	 {"entity 0-42 'Foreign Minister Sheikh Abdullah bin Zayed' "
	  "person:abdullah-bin-zayed (Abdullah bin Zayed) person - "
	  "foreign minister",
	  NULL}},
	/* A capital ending a name with "of" is the place, not its
	** government (entity_scan.c of_a_name); an unlisted name ("Lloyd's
	** of London" is an org of the lexicon). */
	{"Smith's of London said losses rose.",
	 {"attribution 11-22 'London said' source=city:london",
	  "entity 11-17 'London' city:london (London) city GB -",
	  NULL}},
	/* A credit rating with its sign is no place (entity_name.c
	** is_signed_grade). */
	{"It was cut to BBB+ on Monday.", {NULL}},
	/* An honorific, "of" and a place are one style: the place does
	** not speak (entity_title.c honorific_of). */
	{"The Prince of Wales said so.",
	 {"attribution 4-24 'Prince of Wales said' "
	  "source=name:prince-of-wales",
	  "entity 4-19 'Prince of Wales' name:prince-of-wales "
	  "(Prince of Wales) other - -",
	  NULL}},
	/* A plural title after a place, before no name word, ends a
	** team's name (entity_name.c is_team_title). */
	{"The Ottawa Senators won.",
	 {"entity 4-19 'Ottawa Senators' org:ottawa-senators "
	  "(Ottawa Senators) org - -",
	  NULL}},
};

static void test_news_cases_give_exact_mentions(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	assert_int_equal(d.nerr, 0);
	int bad = 0;
	for (size_t c = 0; c < sizeof(cases) / sizeof(*cases); c++) {
		struct fc_arena a;
		fc_arena_init(&a);
		struct fc_document doc;
		size_t n;
		struct lx_item *v = lx_run(r, &a, &doc, cases[c].text, &n);
		char **got = fc_arena_alloc(&a, (n + 1) * sizeof(*got));
		for (size_t i = 0; i < n; i++)
			got[i] = render(&a, &v[i]);
		bad += lx_case_differs(c, cases[c].text, got, n,
				       cases[c].want);
		fc_arena_finish(&a);
	}
	assert_int_equal(bad, 0);
	lx_rules_free(r);
	fc_diags_finish(&d);
}

/* A line of names with possessives (240 KB) scans in linear time: a
** possessive's test reads the words after it once, not through every
** possessive after them (entity_scan.c poss_ends_name; 14 s before). */
static void test_possessive_chain_scans_in_linear_time(void **state)
{
	(void)state;
	static const char unit[] = "Dead Man's Shoes Hell's ";
	size_t reps = 10000, len = sizeof(unit) - 1;
	char *text = malloc(reps * len + 1);
	assert_non_null(text);
	for (size_t k = 0; k < reps; k++)
		memcpy(text + k * len, unit, len);
	text[reps * len] = '\0';
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	size_t n;
	clock_t t0 = clock();
	lx_run(r, &a, &doc, text, &n);
	(void)n;
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_true(secs < 5.0);
	fc_arena_finish(&a);
	lx_rules_free(r);
	fc_diags_finish(&d);
	free(text);
}

/* Spans taken by times and quantities are skipped. */
static void test_time_and_quantity_spans_are_skipped(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	const char *text = "Iran may sign on May 5 a deal worth 3 Billion "
			   "Rials with China.";
	lx_doc(&a, &doc, text, 1);
	struct fc_mention *m = fc_doc_push_mention(&a, &doc);
	m->kind = FC_MENTION_TIME;
	m->start = 17; /* May 5 */
	m->end = 22;
	m = fc_doc_push_mention(&a, &doc);
	m->kind = FC_MENTION_QUANTITY;
	m->start = 36; /* 3 Billion Rials */
	m->end = 51;
	assert_int_equal(fc_lexicon_doc(r, &a, &doc, &d), FC_OK);
	fc_mentions_finish(&doc);
	size_t n;
	struct lx_item *v = lx_items(&a, &doc, &n);
	assert_int_equal(n, 5);
	assert_string_equal(render(&a, &v[0]),
			    "entity 0-4 'Iran' country:IR (Iran) country IR -");
	assert_string_equal(render(&a, &v[1]), "hedge 5-8 'may'");
	assert_string_equal(v[2].kind, "time");
	assert_string_equal(v[3].kind, "quantity");
	assert_string_equal(render(&a, &v[4]),
			    "entity 57-62 'China' country:CN (China) country CN -");
	fc_arena_finish(&a);
	lx_rules_free(r);
	fc_diags_finish(&d);
}

/* Any bytes, any length: invalid UTF-8, NULs, unbalanced quotes, and a
** long document in linear time. */
static void test_hostile_and_long_input(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	unsigned char junk[4096];
	uint32_t x = 12345;
	for (size_t i = 0; i < sizeof(junk); i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (unsigned char)(x >> 16);
	}
	memset(&doc, 0, sizeof(doc));
	doc.text = (char *)junk;
	doc.text_len = sizeof(junk);
	assert_int_equal(fc_lexicon_doc(r, &a, &doc, &d), FC_OK);
	for (size_t i = 0; i < doc.nmentions; i++)
		assert_true(doc.mentions[i].end <= sizeof(junk));

	/* 2 MB of news text with an open quote every paragraph. */
	const char *para = "Kremlin spokesman Dmitry Peskov said: \xe2\x80\x9c"
			   "Russia is not a party. The Russian leader met "
			   "Iranian President Masoud Pezeshkian in Tehran, "
			   "according to TASS.\n";
	size_t plen = strlen(para), reps = (2u << 20) / plen;
	char *big = malloc(plen * reps + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(big + i * plen, para, plen);
	big[plen * reps] = '\0';
	memset(&doc, 0, sizeof(doc));
	doc.text = big;
	doc.text_len = plen * reps;
	assert_int_equal(fc_lexicon_doc(r, &a, &doc, &d), FC_OK);
	/* per paragraph: Peskov, attribution, Russia, negation, Russian
	** leader, Pezeshkian, Tehran, according to TASS, TASS; no quote
	** (it is still open at the line break) */
	assert_int_equal(doc.nmentions, reps * 9);
	free(big);
	fc_arena_finish(&a);
	lx_rules_free(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_news_cases_give_exact_mentions),
		cmocka_unit_test(test_time_and_quantity_spans_are_skipped),
		cmocka_unit_test(test_possessive_chain_scans_in_linear_time),
		cmocka_unit_test(test_hostile_and_long_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
