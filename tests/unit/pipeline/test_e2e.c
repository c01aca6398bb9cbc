/*
** test_e2e.c: the whole pipeline on the bundled seed corpus, through the
** library: the acceptance findings of the verify issue, no fact from
** boilerplate, a changed date contradicted, byte-identical reruns, and
** the SQLite store holding what the run found.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fc_test.h"

#define SEED FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16"

struct run {
	struct fc_rules *rules;
	struct fc_corpus *c;
};

static struct run verify(const char *corpus, struct fc_store *store)
{
	struct run r = {0};
	struct fc_diags d;
	fc_diags_init(&d);
	if (fc_rules_load(NULL, 1, &r.rules, &d) ||
	    fc_corpus_load(corpus, &r.c, &d)) {
		fc_diags_print(&d, stderr, 0);
		fail_msg("loading failed");
	}
	struct fc_verify_opts o = {.store = store};
	if (fc_verify(r.rules, r.c, &o, &d)) {
		fc_diags_print(&d, stderr, 0);
		fail_msg("verify failed");
	}
	fc_diags_finish(&d);
	return r;
}

static void finish(struct run *r)
{
	fc_corpus_destroy(r->c);
	fc_rules_destroy(r->rules);
}

/* Collect the entity ids of every key slot (lists flattened). */
static size_t key_ids(const struct fc_finding *f, const char **ids, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < f->nkey; i++) {
		const struct fc_value *v = &f->key[i].value;
		if (v->type == FC_VAL_ENTITY && n < max)
			ids[n++] = v->entity.id;
		for (size_t j = 0; v->type == FC_VAL_LIST && j < v->nitems; j++)
			if (v->items[j].type == FC_VAL_ENTITY && n < max)
				ids[n++] = v->items[j].entity.id;
	}
	return n;
}

/* The finding of kind/field whose key entities are exactly want[]. */
static const struct fc_finding *find(const struct fc_corpus *c,
				     const char *kind, const char *field,
				     const char *const *want)
{
	size_t nwant = 0;
	while (want[nwant])
		nwant++;
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct fc_finding *f = &c->findings[i];
		if (strcmp(f->kind, kind) || !f->field || strcmp(f->field, field))
			continue;
		const char *ids[16];
		size_t n = key_ids(f, ids, 16);
		if (n != nwant)
			continue;
		size_t hit = 0;
		for (size_t k = 0; k < nwant; k++)
			for (size_t j = 0; j < n; j++)
				if (!strcmp(ids[j], want[k])) {
					hit++;
					break;
				}
		if (hit == nwant)
			return f;
	}
	print_error("no %s.%s finding for key", kind, field);
	for (size_t k = 0; k < nwant; k++)
		print_error(" %s", want[k]);
	print_error("\n");
	return NULL;
}

static bool has_value(const struct fc_finding *f, const char *value)
{
	for (size_t i = 0; i < f->nvalues; i++)
		if (!strcmp(f->values[i].text, value))
			return true;
	return false;
}

static bool has_source(const struct fc_corpus *c, const struct fc_finding *f,
		       const char *id)
{
	for (size_t i = 0; i < f->nsources; i++)
		if (!strcmp(c->docs[f->sources[i]].src->id, id))
			return true;
	return false;
}

static void expect(const struct fc_corpus *c, const char *kind,
		   const char *field, const char *const *key,
		   enum fc_finding_status status, const char *value)
{
	const struct fc_finding *f = find(c, kind, field, key);
	assert_non_null(f);
	if (f->status != status)
		print_error("%s: status %s\n", f->id,
			    fc_finding_status_name(f->status));
	assert_int_equal(f->status, status);
	if (!has_value(f, value))
		print_error("%s: no value %s\n", f->id, value);
	assert_true(has_value(f, value));
}

static void test_seed_corpus_acceptance(void **state)
{
	(void)state;
	struct run r = verify(SEED, NULL);
	const struct fc_corpus *c = r.c;
	static const char *const putin_netanyahu[] = {
		"person:vladimir-putin", "person:benjamin-netanyahu", NULL};
	static const char *const putin_pezeshkian[] = {
		"person:vladimir-putin", "person:masoud-pezeshkian", NULL};
	static const char *const ru_ir[] = {"country:RU", "country:IR", NULL};
	static const char *const ir_il[] = {"country:IR", "country:IL", NULL};
	static const char *const iran[] = {"country:IR", NULL};
	static const char *const maduro[] = {"person:nicolas-maduro", NULL};
	static const char *const assad[] = {"person:bashar-al-assad", NULL};

	expect(c, "call", "date", putin_netanyahu, FC_FIND_CORROBORATED,
	       "2026-01-16");
	expect(c, "call", "date", putin_pezeshkian, FC_FIND_CORROBORATED,
	       "2026-01-16");
	expect(c, "agreement", "duration", ru_ir, FC_FIND_CORROBORATED,
	       "P20Y");
	expect(c, "agreement", "signed", ru_ir, FC_FIND_CORROBORATED, "2025");
	const struct fc_finding *pact = find(c, "agreement", "duration", ru_ir);
	assert_true(has_source(c, pact, "003"));
	assert_true(has_source(c, pact, "004"));
	expect(c, "protest", "start", iran, FC_FIND_SINGLE_SOURCE,
	       "2025-12-28");
	expect(c, "capture", "date", maduro, FC_FIND_SINGLE_SOURCE, "2026-01");
	expect(c, "ouster", "date", assad, FC_FIND_SINGLE_SOURCE, "2024-12");
	expect(c, "war", "duration", ir_il, FC_FIND_SINGLE_SOURCE, "P12D");
	for (size_t i = 0; i < c->nfindings; i++) {
		if (c->findings[i].status == FC_FIND_CONTRADICTED)
			print_error("contradicted: %s\n", c->findings[i].id);
		assert_int_not_equal(c->findings[i].status,
				     FC_FIND_CONTRADICTED);
	}
	finish(&r);
}

/*
** Quote fidelity: Dmitry Peskov's "Russia is already providing
** assistance..." is one variant finding across the sources that quote
** it, with at least two versions, from sources including 003 and 004;
** the Markdown report shows the words that differ.
*/
static void test_peskov_quote_is_a_variant_with_a_diff(void **state)
{
	(void)state;
	struct run r = verify(SEED, NULL);
	const struct fc_corpus *c = r.c;
	const struct fc_finding *f = NULL;
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct fc_finding *x = &c->findings[i];
		if (strcmp(x->kind, "quote") || x->nkey != 1 ||
		    x->key[0].value.type != FC_VAL_ENTITY ||
		    strcmp(x->key[0].value.entity.id, "person:dmitry-peskov"))
			continue;
		for (size_t k = 0; k < x->nvalues; k++)
			if (x->values[k].value.type == FC_VAL_TEXT &&
			    strstr(x->values[k].value.text,
				   "Russia is already providing assistance")) {
				assert_null(f); /* one finding holds them all */
				f = x;
				break;
			}
	}
	assert_non_null(f);
	assert_int_equal(f->status, FC_FIND_VARIANT);
	size_t nversions = 0;
	for (size_t k = 0; k < f->nvalues; k++)
		nversions += !f->values[k].is_partial;
	assert_true(nversions >= 2);
	assert_true(has_source(c, f, "003"));
	assert_true(has_source(c, f, "004"));
	/* 001 words it differently, 000 and 004 quote fragments of 003 */
	assert_true(has_source(c, f, "001"));
	assert_true(has_source(c, f, "000"));

	struct fc_buf md;
	fc_buf_init(&md, 0);
	assert_int_equal(fc_report_write(c, FC_FMT_MD, &md), FC_OK);
	const char *s = fc_buf_cstr(&md);
	const char *h = strstr(s, "### Sources quote Dmitry Peskov in ");
	assert_non_null(h);
	const char *d = strstr(h, "Against the first version: ");
	assert_non_null(d);
	const char *end = strchr(d, '\n');
	assert_non_null(end);
	char line[2048];
	snprintf(line, sizeof(line), "%.*s", (int)(end - d), d);
	/* 003 says "already providing ... but also", 001 "providing this
	** ... but": the differing words, struck out and added. */
	if (!strstr(line, "~~already~~") || !strstr(line, "**this**") ||
	    !strstr(line, "~~also~~"))
		print_error("diff line: %s\n", line);
	assert_non_null(strstr(line, "Russia is ~~already~~ providing "
				     "**this** assistance"));
	assert_non_null(strstr(line, "~~also~~"));
	assert_non_null(strstr(line, "**including through presidential "
				     "activity aimed at helping**"));
	/* the fragments are partial, not versions */
	assert_non_null(strstr(h, "\xE2\x80\x94 004 \xC2\xB7 partial"));
	fc_buf_finish(&md);
	finish(&r);
}

static void test_no_fact_from_boilerplate(void **state)
{
	(void)state;
	/* Related-article headlines, teasers and captions of the seeds. */
	static const char *const junk[] = {
		"Iran Sold Nearly $3 Billion in Missiles",
		"South Africa begins naval drills",
		"Suspected Iranian arms cargo ship sinks",
		"NYT: Netanyahu asked Trump to postpone attack",
		"Russia condemns attempts by 'foreign powers'",
		"Russia mediates: Israel, Iran reassured each other",
		"Iran crackdown tests Elon Musk",
		"Deadly crackdown appears to quell Iran protests",
		"Peaceful protests held in Kashmir",
		"File photo from Netanyahu's 2020 meeting",
		"Unlock premium news",
		"This article received 0 comments",
	};
	struct run r = verify(SEED, NULL);
	const struct fc_corpus *c = r.c;
	assert_true(c->nfacts > 10);
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct fc_document *doc = &c->docs[i];
		for (size_t k = 0; k < sizeof(junk) / sizeof(*junk); k++) {
			if (strstr(doc->text, junk[k]))
				print_error("%s keeps: %s\n", doc->src->id,
					    junk[k]);
			assert_null(strstr(doc->text, junk[k]));
		}
	}
	finish(&r);
}

static void test_changed_date_is_the_one_contradiction(void **state)
{
	(void)state;
	struct run r = verify(FC_SOURCE_ROOT "/tests/corpora/one-date-changed",
			      NULL);
	const struct fc_corpus *c = r.c;
	size_t n = 0;
	const struct fc_finding *hit = NULL;
	for (size_t i = 0; i < c->nfindings; i++)
		if (c->findings[i].status == FC_FIND_CONTRADICTED) {
			n++;
			hit = &c->findings[i];
			print_error("contradicted: %s\n", hit->id);
		}
	assert_int_equal(n, 1);
	assert_string_equal(hit->kind, "agreement");
	assert_string_equal(hit->field, "signed");
	assert_true(has_value(hit, "2024"));
	assert_true(has_value(hit, "2025"));
	assert_true(has_source(c, hit, "003"));
	assert_true(has_source(c, hit, "004"));
	finish(&r);
}

static void test_reruns_are_byte_identical(void **state)
{
	(void)state;
	struct fc_buf a, b;
	fc_buf_init(&a, 0);
	fc_buf_init(&b, 0);
	struct run r1 = verify(SEED, NULL);
	struct run r2 = verify(SEED, NULL);
	assert_int_equal(fc_report_write(r1.c, FC_FMT_JSON, &a), FC_OK);
	assert_int_equal(fc_report_write(r2.c, FC_FMT_JSON, &b), FC_OK);
	assert_true(a.len > 1000);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.p, b.p, a.len);
	fc_buf_finish(&a);
	fc_buf_finish(&b);
	finish(&r1);
	finish(&r2);
}

static long long count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	long long n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return n;
}

static void test_store_holds_the_run(void **state)
{
	(void)state;
	char path[] = "/tmp/fc-e2e-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_store *s;
	assert_int_equal(fc_store_open(path, &s, &d), FC_OK);
	struct run r = verify(SEED, s);
	/* A second run replaces the rows instead of adding to them. */
	struct run r2 = verify(SEED, s);
	fc_store_close(s);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(count(db, "SELECT value FROM meta WHERE key='schema'"),
			 FC_STORE_SCHEMA);
	assert_int_equal(count(db, "SELECT count(*) FROM documents"), 5);
	assert_int_equal(count(db, "SELECT count(*) FROM facts"),
			 (long long)r.c->nfacts);
	assert_int_equal(count(db, "SELECT count(*) FROM findings"),
			 (long long)r.c->nfindings);
	size_t nm = 0;
	for (size_t i = 0; i < r.c->ndocs; i++)
		nm += r.c->docs[i].nmentions;
	assert_int_equal(count(db, "SELECT count(*) FROM mentions"),
			 (long long)nm);
	sqlite3_close(db);
	unlink(path);
	char wal[64];
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
	fc_diags_finish(&d);
	finish(&r);
	finish(&r2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_corpus_acceptance),
		cmocka_unit_test(test_peskov_quote_is_a_variant_with_a_diff),
		cmocka_unit_test(test_no_fact_from_boilerplate),
		cmocka_unit_test(test_changed_date_is_the_one_contradiction),
		cmocka_unit_test(test_reruns_are_byte_identical),
		cmocka_unit_test(test_store_holds_the_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
