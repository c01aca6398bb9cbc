/*
** test_people.c: one person, one id across a corpus's documents
** (people.c), on tests/corpora/people-across: "Winston K. Blackmore"
** (source a) and "Winston Blackmore" (b) are one person, so their two
** reports of his arrest agree; "Oler" (c) could be James (a) or Jane (b)
** Oler, and stays apart. A checked document names them as the corpus
** does.
*/
#include <stdio.h>

#include "fc_test.h"

#include "checkdoc/checkdoc.h"

#define CORPUS FC_SOURCE_ROOT "/tests/corpora/people-across"

static struct fc_corpus *verify(struct fc_rules **rules)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	struct fc_verify_opts o = {0};
	if (fc_rules_load(NULL, 1, rules, &d) ||
	    fc_corpus_load(CORPUS, &c, &d) || fc_verify(*rules, c, &o, &d)) {
		fc_diags_print(&d, stderr, 0);
		fail_msg("verify failed");
	}
	fc_diags_finish(&d);
	return c;
}

static const struct fc_finding *find(const struct fc_corpus *c,
				     const char *id)
{
	for (size_t i = 0; i < c->nfindings; i++)
		if (!strcmp(c->findings[i].id, id))
			return &c->findings[i];
	return NULL;
}

/* The entity mention of doc that starts with text, or NULL. */
static const struct fc_mention *mention(const struct fc_document *doc,
					const char *text)
{
	for (size_t i = 0; i < doc->nmentions; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		if (m->kind == FC_MENTION_ENTITY &&
		    !strncmp(doc->text + m->start, text, strlen(text)))
			return m;
	}
	return NULL;
}

static void test_people_one_id(void **state)
{
	(void)state;
	struct fc_rules *r;
	struct fc_corpus *c = verify(&r);
	const struct fc_finding *f =
		find(c, "capture.date:person:winston-k-blackmore");
	assert_non_null(f);
	assert_int_equal(f->status, FC_FIND_CORROBORATED);
	assert_int_equal(f->nsources, 2);
	assert_null(find(c, "capture.date:person:winston-blackmore"));
	/* source b's own mention carries the corpus's id and label */
	const struct fc_mention *m = mention(&c->docs[1], "Winston Blackmore");
	assert_non_null(m);
	assert_string_equal(m->entity.id, "person:winston-k-blackmore");
	assert_string_equal(m->entity.label, "Winston K. Blackmore");
	assert_int_equal(m->entity.type, FC_ENT_PERSON);
	/* two Olers: the surname alone is neither */
	assert_non_null(find(c, "statement.polarity:person:oler;the law would "
				"not survive a challenge in court"));
	fc_corpus_destroy(c);
	fc_rules_destroy(r);
}

/* "Winston Blackmore" of a summary is checked against what a and b say
** of "Winston K. Blackmore". */
static void test_people_checked_doc(void **state)
{
	(void)state;
	struct fc_rules *r;
	struct fc_corpus *c = verify(&r);
	static const char doc[] = "Sect leader arrested.\n\nPolice said "
				  "Winston Blackmore was arrested on Monday "
				  "in Creston.\n";
	struct fc_checkdoc_opts o = {.name = "summary.md"};
	struct fc_checkdoc *cd = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(
		fc_checkdoc_run(r, c, doc, sizeof(doc) - 1, &o, &cd, &d),
		FC_OK);
	assert_int_equal(cd->nclaims, 1);
	assert_int_equal(cd->claims[0].status, FC_CLAIM_CONTRADICTED);
	assert_string_equal(cd->claims[0].message,
			    "capture of Winston K. Blackmore: date 2009-01-05 "
			    "contradicts 2009-01-06 in a, b");
	fc_checkdoc_destroy(cd);
	fc_diags_finish(&d);
	fc_corpus_destroy(c);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_people_one_id),
		cmocka_unit_test(test_people_checked_doc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
