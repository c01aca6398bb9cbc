/*
** test_run.c: fc_checks_run on hand-built corpora (documents with
** independent groups, facts with slots) against the checks of
** data/run.yaml, asserting the exact findings.
*/
#include <dirent.h>
#include <time.h>

#include "check_test.h"

#define PUTIN "person:vladimir-putin", "Vladimir Putin"
#define NETANYAHU "person:benjamin-netanyahu", "Benjamin Netanyahu"
#define PEZESHKIAN "person:masoud-pezeshkian", "Masoud Pezeshkian"
#define TRUMP "person:donald-trump", "Donald Trump"

static const char *const call_slots[] = {"participants", "date"};

/* A list of entities from (id, label) pairs. */
static struct fc_value people(struct fc_arena *a, size_t n,
			      const char *const *pairs)
{
	struct fc_value v = {.type = FC_VAL_LIST};
	v.items = fc_arena_alloc(a, n * sizeof(*v.items));
	assert_non_null(v.items);
	for (size_t i = 0; i < n; i++)
		v.items[i] = v_entity(pairs[2 * i], pairs[2 * i + 1]);
	v.nitems = n;
	return v;
}

/* A call between two people (dated when date is not NULL). */
static struct fc_fact *call(struct fc_corpus *c, uint32_t doc,
			    enum fc_polarity pol, const char *id1,
			    const char *l1, const char *id2, const char *l2,
			    const char *date)
{
	const char *pairs[] = {id1, l1, id2, l2};
	struct fc_value v[2] = {people(&c->arena, 2, pairs),
				date ? v_time(date) : v_text("")};
	return fact_add(c, "call", doc, pol, date ? 2 : 1, call_slots, v);
}

/* "text=f1,f2|text=f3": a finding's values with their facts' ids. */
static char *values_str(const struct fc_corpus *c, const struct fc_finding *f)
{
	static char buf[4096];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->nvalues; i++) {
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s=",
				      i ? "|" : "", f->values[i].text);
		for (size_t k = 0; k < f->values[i].nfacts; k++)
			o += (size_t)snprintf(
				buf + o, sizeof(buf) - o, "%s%s", k ? "," : "",
				c->facts[f->values[i].facts[k]].id);
	}
	return buf;
}

static char *sources_str(const struct fc_corpus *c, const struct fc_finding *f)
{
	static char buf[1024];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->nsources; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s",
				      i ? "," : "", c->sources[f->sources[i]].id);
	return buf;
}

static void assert_finding(const struct fc_corpus *c, size_t i,
			   const char *id, enum fc_finding_status status,
			   enum fc_severity sev, const char *values,
			   const char *sources, uint32_t indep,
			   const char *message)
{
	assert_true(i < c->nfindings);
	const struct fc_finding *f = &c->findings[i];
	assert_string_equal(f->id, id);
	assert_string_equal(fc_finding_status_name(f->status),
			    fc_finding_status_name(status));
	assert_int_equal(f->severity, sev);
	assert_string_equal(values_str(c, f), values);
	assert_string_equal(sources_str(c, f), sources);
	assert_int_equal(f->independent_sources, indep);
	if (message)
		assert_string_equal(f->message, message);
}

struct fixture {
	struct fc_rules *r;
	struct fc_diags d;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	fc_diags_init(&fx->d);
	fx->r = rules_load_file(CHECK_DATA "/run.yaml", &fx->d);
	diags_dump(&fx->d);
	assert_int_equal(fx->d.n, 0);
	assert_int_equal(fx->r->checks->nlive, 5);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	rules_free(fx->r);
	fc_diags_finish(&fx->d);
	free(fx);
	return 0;
}

static void run(struct fixture *fx, struct fc_corpus *c)
{
	assert_int_equal(fc_checks_run(fx->r, c, &fx->d), FC_OK);
	if (fx->d.nerr)
		diags_dump(&fx->d);
	assert_int_equal(fx->d.nerr, 0);
}

static void test_corroborated_and_single_source(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(3, NULL);
	call(c, 0, FC_POL_ASSERTED, PUTIN, NETANYAHU, "2026-01-16");
	call(c, 1, FC_POL_ASSERTED, NETANYAHU, PUTIN, "2026-01-16");
	call(c, 2, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026-01-16");
	run(fx, c);
	assert_int_equal(c->nfindings, 4);
	assert_finding(c, 0,
		       "call.date:person:benjamin-netanyahu,"
		       "person:vladimir-putin",
		       FC_FIND_CORROBORATED, FC_SEV_NOTE, "2026-01-16=f1,f2",
		       "a,b", 2,
		       "Benjamin Netanyahu and Vladimir Putin spoke on "
		       "16 January 2026");
	assert_finding(c, 1,
		       "call.date:person:masoud-pezeshkian,"
		       "person:vladimir-putin",
		       FC_FIND_SINGLE_SOURCE, FC_SEV_NOTE, "2026-01-16=f3", "c",
		       1,
		       "Masoud Pezeshkian and Vladimir Putin spoke on 16 January 2026");
	assert_finding(c, 2,
		       "call.polarity:person:benjamin-netanyahu,"
		       "person:vladimir-putin",
		       FC_FIND_CORROBORATED, FC_SEV_NOTE, "asserted=f1,f2",
		       "a,b", 2,
		       "Benjamin Netanyahu and Vladimir Putin: asserted (2 of 2 "
		       "sources, corroborated)");
	assert_finding(c, 3,
		       "call.polarity:person:masoud-pezeshkian,"
		       "person:vladimir-putin",
		       FC_FIND_SINGLE_SOURCE, FC_SEV_NOTE, "asserted=f3", "c",
		       1, NULL);
	/* The finding's fields and its key: the participants as a set. */
	const struct fc_finding *f = &c->findings[0];
	assert_string_equal(f->rule, "call.date");
	assert_string_equal(f->kind, "call");
	assert_string_equal(f->field, "date");
	assert_int_equal(f->nkey, 1);
	assert_string_equal(f->key[0].name, "participants");
	assert_int_equal(f->key[0].value.type, FC_VAL_LIST);
	assert_int_equal(f->key[0].value.nitems, 2);
	assert_string_equal(f->key[0].value.items[0].entity.id,
			    "person:benjamin-netanyahu");
	assert_string_equal(f->key[0].value.items[1].entity.id,
			    "person:vladimir-putin");
	assert_int_equal(f->values[0].value.type, FC_VAL_TIME);
	assert_string_equal(f->values[0].value.time.value, "2026-01-16");
	fc_corpus_destroy(c);
}

static void test_contradicted_lists_every_value(void **state)
{
	struct fixture *fx = *state;
	const int32_t groups[] = {0, 1, 2, 2};
	struct fc_corpus *c = corpus_new(4, groups);
	call(c, 0, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026-01-17");
	call(c, 1, FC_POL_ASSERTED, PEZESHKIAN, PUTIN, "2026-01-16");
	call(c, 2, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026-01-16");
	call(c, 3, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026-01-16");
	call(c, 1, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026");
	run(fx, c);
	assert_int_equal(c->nfindings, 2);
	/* The best supported group first ("2026" agrees with it), then
	** the other reading. */
	assert_finding(c, 0,
		       "call.date:person:masoud-pezeshkian,"
		       "person:vladimir-putin",
		       FC_FIND_CONTRADICTED, FC_SEV_ERROR,
		       "2026-01-16=f2,f3,f4|2026=f5|2026-01-17=f1", "a,b,c,d",
		       3,
		       "Sources disagree on when Masoud Pezeshkian and Vladimir "
		       "Putin spoke: 16 January 2026 / 2026 / 17 January 2026");
	assert_finding(c, 1,
		       "call.polarity:person:masoud-pezeshkian,"
		       "person:vladimir-putin",
		       FC_FIND_CORROBORATED, FC_SEV_NOTE,
		       "asserted=f1,f2,f3,f4,f5", "a,b,c,d", 3,
		       "Masoud Pezeshkian and Vladimir Putin: asserted (3 of 4 "
		       "sources, corroborated)");
	fc_corpus_destroy(c);
}

static void test_derived_sources_are_one_group(void **state)
{
	struct fixture *fx = *state;
	const int32_t groups[] = {0, 0};
	struct fc_corpus *c = corpus_new(2, groups);
	call(c, 0, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026-01-16");
	call(c, 1, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026-01-16");
	run(fx, c);
	assert_int_equal(c->nfindings, 2);
	assert_finding(c, 0,
		       "call.date:person:masoud-pezeshkian,"
		       "person:vladimir-putin",
		       FC_FIND_SINGLE_SOURCE, FC_SEV_NOTE, "2026-01-16=f1,f2",
		       "a,b", 1, NULL);
	fc_corpus_destroy(c);
}

static void test_containment_corroborates(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(3, NULL);
	call(c, 0, FC_POL_ASSERTED, PUTIN, TRUMP, "2025");
	call(c, 1, FC_POL_ASSERTED, PUTIN, TRUMP, "2025-07-08");
	call(c, 2, FC_POL_ASSERTED, PUTIN, TRUMP, "XXXX-07-08");
	run(fx, c);
	assert_int_equal(c->nfindings, 2);
	/* Equal support: the most specific value leads the message. */
	assert_finding(c, 0, "call.date:person:donald-trump,person:vladimir-putin",
		       FC_FIND_CORROBORATED, FC_SEV_NOTE,
		       "2025-07-08=f2|2025=f1|XXXX-07-08=f3", "a,b,c", 3,
		       "Donald Trump and Vladimir Putin spoke on 8 July 2025");
	fc_corpus_destroy(c);
}

static void test_negated_and_missing_field(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(3, NULL);
	call(c, 0, FC_POL_ASSERTED, PUTIN, NETANYAHU, "2026-01-16");
	call(c, 1, FC_POL_NEGATED, PUTIN, NETANYAHU, "2026-01-17");
	call(c, 2, FC_POL_ASSERTED, NETANYAHU, PUTIN, NULL);
	call(c, 2, FC_POL_ASSERTED, PUTIN, TRUMP, NULL);
	run(fx, c);
	/* No date for Putin-Trump: no call.date finding for it. The
	** negated fact says nothing about the date. */
	assert_int_equal(c->nfindings, 3);
	assert_finding(c, 0,
		       "call.date:person:benjamin-netanyahu,"
		       "person:vladimir-putin",
		       FC_FIND_SINGLE_SOURCE, FC_SEV_NOTE, "2026-01-16=f1", "a",
		       1, NULL);
	assert_finding(c, 1,
		       "call.polarity:person:benjamin-netanyahu,"
		       "person:vladimir-putin",
		       FC_FIND_CONTRADICTED, FC_SEV_WARNING,
		       "asserted=f1,f3|negated=f2", "a,b,c", 3,
		       "Benjamin Netanyahu and Vladimir Putin: asserted (3 of 3 "
		       "sources, contradicted)");
	assert_finding(c, 2, "call.polarity:person:donald-trump,person:vladimir-putin",
		       FC_FIND_SINGLE_SOURCE, FC_SEV_NOTE, "asserted=f4", "c",
		       1, NULL);
	fc_corpus_destroy(c);
}

static struct fc_fact *closure(struct fc_corpus *c, uint32_t doc,
			       const char *country, const char *label,
			       size_t n, const char *const *after)
{
	static const char *const names[] = {"country", "after"};
	struct fc_value v[2] = {v_entity(country, label),
				people(&c->arena, n, after)};
	return fact_add(c, "closure", doc, FC_POL_ASSERTED, 2, names, v);
}

static void test_list_order(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c = corpus_new(3, NULL);
	const char *gb_de[] = {"country:GB", "United Kingdom", "country:DE",
			       "Germany"};
	const char *de_gb[] = {"country:DE", "Germany", "country:GB",
			       "United Kingdom"};
	closure(c, 0, "country:NZ", "New Zealand", 2, gb_de);
	closure(c, 1, "country:NZ", "New Zealand", 1, gb_de);
	closure(c, 2, "country:NZ", "New Zealand", 2, de_gb);
	closure(c, 0, "country:FR", "France", 1, gb_de);
	closure(c, 1, "country:FR", "France", 1, gb_de);
	run(fx, c);
	assert_int_equal(c->nfindings, 2);
	assert_finding(c, 0, "closure.after:country:FR", FC_FIND_CORROBORATED,
		       FC_SEV_NOTE, "country:GB=f4,f5", "a,b", 2,
		       "{France} closed after United Kingdom");
	/* [GB] agrees with both orders; the group it joins comes first. */
	assert_finding(c, 1, "closure.after:country:NZ", FC_FIND_CONTRADICTED,
		       FC_SEV_ERROR,
		       "country:DE,country:GB=f3|country:GB=f2|"
		       "country:GB,country:DE=f1",
		       "a,b,c", 3,
		       "{New Zealand} closed after Germany and United Kingdom / "
		       "United Kingdom / United Kingdom and Germany");
	fc_corpus_destroy(c);
}

static struct fc_fact *agreement(struct fc_corpus *c, uint32_t doc,
				 const char *duration)
{
	static const char *const names[] = {"parties", "duration"};
	const char *ru_ir[] = {"country:RU", "Russia", "country:IR", "Iran"};
	struct fc_value v[2] = {people(&c->arena, 2, ru_ir),
				v_time(duration)};
	return fact_add(c, "agreement", doc, FC_POL_ASSERTED, 2, names, v);
}

static void test_min_independent_and_tolerance(void **state)
{
	struct fixture *fx = *state;
	const int32_t groups[] = {0, 1, 1, 2};
	struct fc_corpus *c = corpus_new(4, groups);
	agreement(c, 0, "P20Y");
	agreement(c, 1, "P20Y");
	agreement(c, 2, "P240M");
	run(fx, c);
	/* Two independent groups, three needed. */
	assert_int_equal(c->nfindings, 1);
	assert_finding(c, 0, "agreement.duration:country:IR,country:RU",
		       FC_FIND_SINGLE_SOURCE, FC_SEV_NOTE,
		       "P20Y=f1,f2|P240M=f3", "a,b,c", 2,
		       "Agreement duration: 20 years / 240 months");
	agreement(c, 3, "P7305D"); /* 20 years to within a day */
	run(fx, c);
	assert_finding(c, 0, "agreement.duration:country:IR,country:RU",
		       FC_FIND_CORROBORATED, FC_SEV_NOTE,
		       "P20Y=f1,f2|P240M=f3|P7305D=f4", "a,b,c,d", 3, NULL);
	agreement(c, 3, "P19Y"); /* a year short: beyond the grain slack */
	run(fx, c);
	assert_finding(c, 0, "agreement.duration:country:IR,country:RU",
		       FC_FIND_CONTRADICTED, FC_SEV_ERROR,
		       "P20Y=f1,f2|P240M=f3|P7305D=f4|P19Y=f5", "a,b,c,d", 3,
		       "Agreement duration: 20 years / 240 months / 7305 days / 19 years");
	fc_corpus_destroy(c);
}

static void test_quantity_hedges(void **state)
{
	struct fixture *fx = *state;
	static const char *const names[] = {"place", "count"};
	struct fc_corpus *c = corpus_new(3, NULL);
	struct fc_value v[3][2] = {
		{v_entity("country:IR", "Iran"),
		 v_qty(500, 500, 0, NULL, false, true)}, /* more than 500 */
		{v_entity("country:IR", "Iran"),
		 v_qty(540, 540, 540, NULL, false, false)},
		{v_entity("country:IR", "Iran"),
		 v_qty(90, 90, 90, NULL, false, false)},
	};
	for (uint32_t i = 0; i < 3; i++)
		fact_add(c, "toll", i, FC_POL_ASSERTED, 2, names, v[i]);
	run(fx, c);
	assert_int_equal(c->nfindings, 1);
	/* severity: info for a contradiction of this check. */
	assert_finding(c, 0, "toll.count:country:IR", FC_FIND_CONTRADICTED,
		       FC_SEV_NOTE, "540=f2|500=f1|90=f3", "a,b,c", 3,
		       "Toll count: 540 / at least 500 / 90");
	fc_corpus_destroy(c);
}

/* Findings of the same facts added in another order keep their ids,
** order and values (fact ids differ, so compare texts). */
static void test_stable_ids_and_order(void **state)
{
	struct fixture *fx = *state;
	struct fc_corpus *c1 = corpus_new(3, NULL), *c2 = corpus_new(3, NULL);
	call(c1, 0, FC_POL_ASSERTED, PUTIN, NETANYAHU, "2026-01-16");
	call(c1, 1, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026-01-17");
	call(c1, 2, FC_POL_ASSERTED, PEZESHKIAN, PUTIN, "2026-01-16");
	agreement(c1, 1, "P20Y");
	call(c1, 2, FC_POL_NEGATED, TRUMP, PUTIN, NULL);

	call(c2, 2, FC_POL_NEGATED, TRUMP, PUTIN, NULL);
	agreement(c2, 1, "P20Y");
	call(c2, 2, FC_POL_ASSERTED, PUTIN, PEZESHKIAN, "2026-01-16");
	call(c2, 1, FC_POL_ASSERTED, PEZESHKIAN, PUTIN, "2026-01-17");
	call(c2, 0, FC_POL_ASSERTED, NETANYAHU, PUTIN, "2026-01-16");
	run(fx, c1);
	run(fx, c2);
	static const char *const ids[] = {
		"agreement.duration:country:IR,country:RU",
		"call.date:person:benjamin-netanyahu,person:vladimir-putin",
		"call.date:person:masoud-pezeshkian,person:vladimir-putin",
		"call.polarity:person:benjamin-netanyahu,person:vladimir-putin",
		"call.polarity:person:donald-trump,person:vladimir-putin",
		"call.polarity:person:masoud-pezeshkian,person:vladimir-putin",
	};
	assert_int_equal(c1->nfindings, 6);
	assert_int_equal(c2->nfindings, 6);
	for (size_t i = 0; i < 6; i++) {
		const struct fc_finding *a = &c1->findings[i],
					*b = &c2->findings[i];
		assert_string_equal(a->id, ids[i]);
		assert_string_equal(b->id, ids[i]);
		assert_int_equal(a->status, b->status);
		assert_int_equal(a->nvalues, b->nvalues);
		for (size_t k = 0; k < a->nvalues; k++)
			assert_string_equal(a->values[k].text,
					    b->values[k].text);
		assert_string_equal(a->message, b->message);
	}
	/* Equal support: values fall back to text order, not fact order. */
	assert_string_equal(c1->findings[2].values[0].text, "2026-01-16");
	/* A second run over the same corpus gives the same findings. */
	const char *first = c1->findings[2].id;
	run(fx, c1);
	assert_int_equal(c1->nfindings, 6);
	assert_string_equal(c1->findings[2].id, first);
	fc_corpus_destroy(c1);
	fc_corpus_destroy(c2);
}

static void test_no_checks_no_findings(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_files(NULL, 0, &d);
	struct fc_corpus *c = corpus_new(1, NULL);
	call(c, 0, FC_POL_ASSERTED, PUTIN, NETANYAHU, "2026-01-16");
	assert_int_equal(fc_checks_run(r, c, &d), FC_OK);
	assert_int_equal(c->nfindings, 0);
	assert_int_equal(d.n, 0);
	fc_corpus_destroy(c);
	rules_free(r);
	fc_diags_finish(&d);
}

/* Many clusters and one hostile cluster of all-distinct dates. */
static void test_scale(void **state)
{
	struct fixture *fx = *state;
	enum { NDOCS = 8, NCLUSTERS = 3000, PER = 8, NHOSTILE = 4000 };
	struct fc_corpus *c = corpus_new(NDOCS, NULL);
	for (int k = 0; k < NCLUSTERS; k++) {
		char *id = fc_arena_printf(&c->arena, "person:p%d", k);
		for (int i = 0; i < PER; i++)
			call(c, (uint32_t)i, FC_POL_ASSERTED, PUTIN, id, id,
			     "2026-01-16");
	}
	for (int i = 0; i < NHOSTILE; i++) {
		char date[16];
		snprintf(date, sizeof(date), "%04d-01-16", 1000 + i);
		call(c, (uint32_t)(i % NDOCS), FC_POL_ASSERTED, PUTIN, TRUMP,
		     date);
	}
	size_t nwarn0 = fx->d.nwarn;
	clock_t t0 = clock();
	run(fx, c);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	print_message("%zu facts -> %zu findings in %.3f s\n", c->nfacts,
		      c->nfindings, secs);
	assert_int_equal(c->nfindings, 2 * (NCLUSTERS + 1));
	size_t ncorr = 0, ncontra = 0;
	for (size_t i = 0; i < c->nfindings; i++) {
		ncorr += c->findings[i].status == FC_FIND_CORROBORATED;
		ncontra += c->findings[i].status == FC_FIND_CONTRADICTED;
	}
	assert_int_equal(ncorr, 2 * NCLUSTERS + 1); /* + Trump polarity */
	assert_int_equal(ncontra, 1);
	const struct fc_finding *h = NULL;
	for (size_t i = 0; i < c->nfindings; i++)
		if (!strcmp(c->findings[i].id,
			    "call.date:person:donald-trump,person:vladimir-putin"))
			h = &c->findings[i];
	assert_non_null(h);
	assert_int_equal(h->nvalues, NHOSTILE);
	/* The cap on comparisons is reported, once. */
	assert_int_equal(fx->d.nwarn, nwarn0 + 1);
	assert_true(secs < 5.0);
	fc_corpus_destroy(c);
}

/* The shipped rules/checks/ files load without a diagnostic against the
** shipped fact schema, and check every fact kind it declares. */
static void test_builtin_rules_load(void **state)
{
	(void)state;
	const char *dir = FC_SOURCE_ROOT "/rules/checks";
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	char *paths[64];
	size_t n = 0;
	paths[n++] = strdup(FC_SOURCE_ROOT "/rules/claims/00-facts.yaml");
	struct dirent *e;
	while ((e = readdir(dp)) && n < 64)
		if (fc_str_ends_with(e->d_name, ".yaml")) {
			paths[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
			sprintf(paths[n++], "%s/%s", dir, e->d_name);
		}
	closedir(dp);
	assert_int_equal(n, 1 + 13);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_files((const char *const *)paths, n, &d);
	diags_dump(&d);
	assert_int_equal(d.n, 0);
	assert_int_equal(r->checks->nlive, 30);
	/* live is sorted by kind: count the kinds checked */
	size_t nkinds = 0;
	for (size_t i = 0; i < r->checks->nlive; i++)
		nkinds += !i || strcmp(r->checks->live[i]->kind,
				       r->checks->live[i - 1]->kind);
	assert_int_equal(nkinds, 13);
	rules_free(r);
	fc_diags_finish(&d);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corroborated_and_single_source),
		cmocka_unit_test(test_contradicted_lists_every_value),
		cmocka_unit_test(test_derived_sources_are_one_group),
		cmocka_unit_test(test_containment_corroborates),
		cmocka_unit_test(test_negated_and_missing_field),
		cmocka_unit_test(test_list_order),
		cmocka_unit_test(test_min_independent_and_tolerance),
		cmocka_unit_test(test_quantity_hedges),
		cmocka_unit_test(test_stable_ids_and_order),
		cmocka_unit_test(test_no_checks_no_findings),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_builtin_rules_load),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
