/*
** test_lexicon_namesake.c: names that read as something else, with the
** real rules/lexicon files: a country's or a capital's name as a
** person's surname ("Michael Jordan", "Jordan said" after him, "Mr.
** Jordan"; "in Jordan" stays the country), the capital's name that is
** a state after a city ("Seattle, Washington"), a known surname that
** means the document's person ("Harris" after "John Harris"), firms
** with "and" inside ("Harris Trust and Savings Bank"), a place before a
** group that speaks for itself ("Wall Street analysts said": no
** source), and a country's High Commission (its mission). Each case
** lists every mention, in text order, rendered as test_lexicon_cases.c
** renders them, so spans, ids and counts are checked exactly.
*/
#include "lx_test.h"

static char *render(struct fc_arena *a, const struct lx_item *it)
{
	if (!strcmp(it->kind, "entity"))
		return fc_arena_printf(a, "entity %u-%u '%s' %s %s %s",
				       it->start, it->end, it->text, it->id,
				       it->type, it->rule);
	if (!strcmp(it->kind, "attribution"))
		return fc_arena_printf(a, "attribution %u-%u '%s' source=%s",
				       it->start, it->end, it->text,
				       it->source);
	return fc_arena_printf(a, "%s %u-%u '%s'", it->kind, it->start,
			       it->end, it->text);
}

struct lcase {
	const char *text;
	const char *want[16]; /* NULL-terminated */
};

static const struct lcase cases[] = {
	{"Michael Jordan scored. Jordan said he was tired. Talks in Jordan "
	 "ended.",
	 {"entity 0-14 'Michael Jordan' person:michael-jordan person "
	  "name.person",
	  "attribution 23-34 'Jordan said' source=person:michael-jordan",
	  "entity 23-29 'Jordan' person:michael-jordan person coref.surname",
	  "entity 58-64 'Jordan' country:JO country lexicon.country",
	  NULL}},
	{"Mr. Jordan left. Jordan's King Abdullah said so.",
	 {"entity 0-10 'Mr. Jordan' person:jordan person lexicon.title",
	  "attribution 17-44 'Jordan's King Abdullah said' "
	  "source=person:abdullah",
	  "entity 17-39 'Jordan's King Abdullah' person:abdullah person "
	  "lexicon.title",
	  NULL}},
	{"Seattle, Washington police said so. Officials in Oregon said "
	 "Washington must pay.",
	 {"entity 0-7 'Seattle' city:seattle city lexicon.city",
	  "attribution 9-31 'Washington police said' "
	  "source=name:washington-state",
	  "entity 9-19 'Washington' name:washington-state other lexicon.place",
	  "attribution 49-60 'Oregon said' source=name:oregon",
	  "entity 49-55 'Oregon' name:oregon other lexicon.place",
	  "entity 61-71 'Washington' gov:US government lexicon.actor",
	  NULL}},
	{"John Harris met Ann Lee. Harris said so.",
	 {"entity 0-11 'John Harris' person:john-harris person name.person",
	  "entity 16-23 'Ann Lee' person:ann-lee person name.person",
	  "attribution 25-36 'Harris said' source=person:john-harris",
	  "entity 25-31 'Harris' person:john-harris person lexicon.surname",
	  NULL}},
	{"Harris Trust and Savings Bank said so. Daiwa Securities and Nomura "
	 "Securities agreed.",
	 {"attribution 0-34 'Harris Trust and Savings Bank said' "
	  "source=org:harris-trust-and-savings-bank",
	  "entity 0-29 'Harris Trust and Savings Bank' "
	  "org:harris-trust-and-savings-bank org name.org",
	  "entity 39-55 'Daiwa Securities' org:daiwa-securities org name.org",
	  "entity 60-77 'Nomura Securities' org:nomura-securities org name.org",
	  NULL}},
	{"Wall Street analysts said so. Moscow officials said so.",
	 {"attribution 0-25 'Wall Street analysts said' source=Wall Street "
	  "analysts said",
	  "entity 0-11 'Wall Street' name:wall-street other name",
	  "attribution 30-51 'Moscow officials said' source=gov:RU",
	  "entity 30-36 'Moscow' gov:RU government lexicon.actor",
	  NULL}},
	{"The British High Commission said so.",
	 {"attribution 4-32 'British High Commission said' source=country:GB",
	  "entity 4-27 'British High Commission' country:GB country "
	  "lexicon.mission",
	  NULL}},
};

static void test_namesakes_give_exact_mentions(void **state)
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
		size_t n, nwant = 0;
		struct lx_item *v = lx_run(r, &a, &doc, cases[c].text, &n);
		while (cases[c].want[nwant])
			nwant++;
		int ok = n == nwant;
		for (size_t i = 0; ok && i < n; i++)
			ok = !strcmp(render(&a, &v[i]), cases[c].want[i]);
		if (!ok) {
			bad++;
			fprintf(stderr, "case %zu: %s\n  got:\n", c, cases[c].text);
			for (size_t i = 0; i < n; i++)
				fprintf(stderr, "    \"%s\",\n", render(&a, &v[i]));
			fprintf(stderr, "  want:\n");
			for (size_t i = 0; i < nwant; i++)
				fprintf(stderr, "    %s\n", cases[c].want[i]);
		}
		fc_arena_finish(&a);
	}
	assert_int_equal(bad, 0);
	lx_rules_free(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_namesakes_give_exact_mentions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
