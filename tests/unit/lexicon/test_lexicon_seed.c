/*
** test_lexicon_seed.c: the lexicon stage on the seed corpus
** (corpora/putin-iran-2026-01-16): the Peskov quotes with their speaker,
** attributions, coreference chains and groups, read from the real
** article files.
*/
#include "lx_test.h"

#define SEED FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16/"

struct seed {
	struct fc_arena a;
	struct fc_document doc;
	struct lx_item *v;
	size_t n;
	char *data;
};

static void seed_run(const struct fc_rules *r, struct seed *s,
		     const char *file)
{
	size_t len;
	fc_arena_init(&s->a);
	assert_int_equal(fc_file_read(file, 1u << 20, &s->data, &len), FC_OK);
	s->v = lx_run(r, &s->a, &s->doc, s->data, &s->n);
}

static void seed_free(struct seed *s)
{
	free(s->data);
	fc_arena_finish(&s->a);
}

/* Number of items with this kind, exact text and field value. */
static size_t count(const struct seed *s, const char *kind, const char *text,
		    const char *speaker_or_id)
{
	size_t k = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct lx_item *it = &s->v[i];
		if (strcmp(it->kind, kind) || (text && strcmp(it->text, text)))
			continue;
		const char *f = !strcmp(kind, "entity") ? it->id
				: !strcmp(kind, "quote") ? it->speaker
							 : it->source;
		if (!speaker_or_id || (f && !strcmp(f, speaker_or_id)))
			k++;
	}
	return k;
}

static const char peskov1[] =
	"Russia is already providing assistance not only to Iran but also to "
	"the entire region, and to the cause of regional stability and peace";

static void test_peskov_quotes_have_their_speaker(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	struct seed s;

	/* 000: 'Peskov said that “...peace"' (twice: dek and body) */
	seed_run(r, &s, SEED "000_6cb9a9ae1e300ea4.txt");
	assert_int_equal(count(&s, "quote", peskov1, "person:dmitry-peskov"), 1);
	char *with_stop = fc_arena_printf(&s.a, "%s.", peskov1);
	assert_int_equal(count(&s, "quote", with_stop, "person:dmitry-peskov"),
			 1);
	assert_int_equal(count(&s, "attribution",
			       "Kremlin spokesperson Dmitry Peskov said",
			       "person:dmitry-peskov"), 2);
	assert_int_equal(count(&s, "attribution", "Kremlin said", "gov:RU"), 1);
	assert_int_equal(count(&s, "entity",
			       "Iranian counterpart Masoud Pezeshkian",
			       "person:masoud-pezeshkian"), 1);
	assert_int_equal(count(&s, "entity", "Israeli leader",
			       "person:benjamin-netanyahu"), 1);
	assert_int_equal(count(&s, "quote", "deescalate", "gov:RU"), 1);
	seed_free(&s);

	/* 001: '"...," Kremlin spokesman Dmitry Peskov stated at a ...' */
	seed_run(r, &s, SEED "001_73b993a7e7b8d6bb.txt");
	assert_int_equal(count(&s, "quote",
			       "Russia is providing this assistance not only "
			       "to Iran, but to the entire region, to the cause "
			       "of regional stability and peace, including "
			       "through presidential activity aimed at helping "
			       "to de-escalate tensions",
			       "person:dmitry-peskov"), 1);
	assert_int_equal(count(&s, "quote",
			       "devoted much of the first half of the day to "
			       "the situation around Iran", "org:tass"), 1);
	assert_int_equal(count(&s, "entity", "Russian leader",
			       "person:vladimir-putin"), 1);
	assert_int_equal(count(&s, "entity", "both leaders",
			       "group:person:benjamin-netanyahu+"
			       "person:vladimir-putin"), 1);
	assert_int_equal(count(&s, "entity", "Iranian capital", "city:tehran"),
			 1);
	seed_free(&s);

	/* 003: 'Kremlin spokesman Dmitry Peskov said: "... tensions."' */
	seed_run(r, &s, SEED "003_f44dc16e987fcf8e.txt");
	char *two = fc_arena_printf(&s.a, "%s. This is partly thanks to the "
				    "president's efforts to help de-escalate "
				    "tensions.", peskov1);
	assert_int_equal(count(&s, "quote", two, "person:dmitry-peskov"), 1);
	assert_int_equal(count(&s, "entity", "Moscow", "gov:RU"), 3);
	assert_int_equal(count(&s, "entity", "Tehran", "gov:IR"), 4);
	assert_int_equal(count(&s, "attribution", "Tehran denies", "gov:IR"), 1);
	assert_int_equal(count(&s, "negation", "denies", NULL), 1);
	assert_int_equal(count(&s, "entity", "Syrian President Bashar al-Assad",
			       "person:bashar-al-assad"), 1);
	assert_int_equal(count(&s, "entity",
			       "Venezuelan President Nicolas Maduro",
			       "person:nicolas-maduro"), 1);
	seed_free(&s);

	/* 004: 'Peskov stated that “...region,” citing ...' */
	seed_run(r, &s, SEED "004_bf693ee05da6e663.txt");
	assert_int_equal(count(&s, "quote",
			       "Russia is already providing assistance not only "
			       "to Iran but also to the entire region",
			       "person:dmitry-peskov"), 1);
	assert_int_equal(count(&s, "entity", "The two leaders",
			       "group:person:masoud-pezeshkian+"
			       "person:vladimir-putin"), 1);
	assert_int_equal(count(&s, "entity", "KAN News", "org:kan"), 1);
	assert_int_equal(count(&s, "attribution", "Putin told",
			       "person:vladimir-putin"), 1);
	assert_int_equal(count(&s, "negation", "not", NULL), 3);
	assert_int_equal(count(&s, "hedge", "reportedly", NULL), 2);
	seed_free(&s);

	lx_rules_free(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peskov_quotes_have_their_speaker),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
