/*
** check_test.h: builders for the check module's unit tests: values,
** hand-made corpora (documents with independent groups, facts with
** slots) and a rule suite of `kind: checks` files with the fact schema
** they are checked against (`kind: claims` files with `facts:`).
*/
#ifndef CHECK_TEST_H
#define CHECK_TEST_H

#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "check/check_p.h"

#define CHECK_DATA FC_SOURCE_ROOT "/tests/unit/check/data"

/* ---- Values ------------------------------------------------------------- */

static inline struct fc_value v_entity(const char *id, const char *label)
{
	struct fc_value v = {.type = FC_VAL_ENTITY};
	v.entity.id = id;
	v.entity.label = label;
	return v;
}

/* A TIMEX3 value with a mod, parsed like the normalizer does. */
static inline struct fc_value v_time_mod(const char *value,
					 enum fc_timex_mod mod)
{
	struct fc_value v = {.type = FC_VAL_TIME};
	v.time.mod = mod;
	assert_int_equal(fc_time_parse(value, &v.time), FC_OK);
	return v;
}

static inline struct fc_value v_time(const char *value)
{
	return v_time_mod(value, FC_MOD_NONE);
}

static inline struct fc_value v_text(const char *s)
{
	struct fc_value v = {.type = FC_VAL_TEXT};
	v.text = s;
	return v;
}

static inline struct fc_value v_int(int64_t i)
{
	struct fc_value v = {.type = FC_VAL_INT};
	v.i = i;
	return v;
}

/* A quantity: exact when lo == hi == value; open ends as flags. */
static inline struct fc_value v_qty(double value, double lo, double hi,
				    const char *unit, bool is_lo_open,
				    bool is_hi_open)
{
	struct fc_value v = {.type = FC_VAL_QUANTITY};
	v.quantity.value = value;
	v.quantity.lo = lo;
	v.quantity.hi = hi;
	v.quantity.unit = unit;
	v.quantity.is_lo_open = is_lo_open;
	v.quantity.is_hi_open = is_hi_open;
	return v;
}

/* A list of n entity ids (labels: the ids), items in a. */
static inline struct fc_value v_list(struct fc_arena *a, size_t n,
				     const char *const *ids)
{
	struct fc_value v = {.type = FC_VAL_LIST};
	v.items = fc_arena_alloc(a, (n ? n : 1) * sizeof(*v.items));
	assert_non_null(v.items);
	for (size_t i = 0; i < n; i++)
		v.items[i] = v_entity(ids[i], ids[i]);
	v.nitems = n;
	return v;
}

/* ---- Corpora ------------------------------------------------------------ */

/* A corpus of n documents; groups[i] is document i's independent group.
** Source ids are "a", "b", ... */
static inline struct fc_corpus *corpus_new(size_t n, const int32_t *groups)
{
	static const char *const ids[] = {"a", "b", "c", "d", "e", "f",
					  "g", "h"};
	struct fc_corpus *c = fc_corpus_create();
	assert_non_null(c);
	c->sources = fc_arena_alloc(&c->arena, n * sizeof(*c->sources));
	c->docs = fc_arena_alloc(&c->arena, n * sizeof(*c->docs));
	assert_non_null(c->sources);
	assert_non_null(c->docs);
	c->nsources = c->ndocs = n;
	int32_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		c->sources[i].id = i < 8 ? ids[i]
					 : fc_arena_printf(&c->arena, "s%zu", i);
		c->docs[i].src = &c->sources[i];
		c->docs[i].independent_group = groups ? groups[i] : (int32_t)i;
		if (c->docs[i].independent_group + 1 > ng)
			ng = c->docs[i].independent_group + 1;
	}
	c->ngroups = ng;
	return c;
}

/* Add a fact of kind in document doc with nslots (name, value) pairs. */
static inline struct fc_fact *fact_add(struct fc_corpus *c, const char *kind,
				       uint32_t doc, enum fc_polarity pol,
				       size_t nslots, const char *const *names,
				       const struct fc_value *values)
{
	struct fc_fact *f = fc_corpus_push_fact(c);
	assert_non_null(f);
	f->kind = kind;
	f->rule = "test";
	f->doc = doc;
	f->polarity = pol;
	f->slots = fc_arena_alloc(&c->arena,
				  (nslots ? nslots : 1) * sizeof(*f->slots));
	assert_non_null(f->slots);
	for (size_t i = 0; i < nslots; i++) {
		f->slots[i].name = names[i];
		f->slots[i].value = values[i];
	}
	f->nslots = nslots;
	return f;
}

/* ---- Rules -------------------------------------------------------------- */

/*
** A rule suite from the files paths[0, n), read and parsed like the
** pipeline does: `kind: claims` files (the fact schema) go to the claims
** module, the others to the checks module; then both are compiled,
** claims first. Diagnostics go to d.
*/
static inline struct fc_rules *rules_load_files(const char *const *paths,
						size_t n, struct fc_diags *d)
{
	struct fc_rules *r = calloc(1, sizeof(*r));
	assert_non_null(r);
	fc_arena_init(&r->arena);
	r->files = fc_arena_alloc(&r->arena, (n ? n : 1) * sizeof(*r->files));
	assert_non_null(r->files);
	for (size_t i = 0; i < n; i++) {
		struct fc_rulefile *f = &r->files[r->nfiles++];
		assert_int_equal(fc_file_read(paths[i], 1 << 20, &f->data,
					      &f->len),
				 FC_OK);
		f->path = paths[i];
		if (fc_yaml_load(&r->arena, f->path, f->data, f->len, &f->root,
				 d) != FC_OK ||
		    !f->root)
			continue;
		const struct fc_ynode *k = fc_ymap_get(f->root, "kind");
		if (k && k->type == FC_Y_SCALAR && !strcmp(k->str, "claims")) {
			f->kind = "claims";
			fc_claims_add(r, f, d);
		} else {
			f->kind = "checks";
			fc_checks_add(r, f, d);
		}
	}
	fc_claims_compile(r, d);
	fc_checks_compile(r, d);
	return r;
}

/* The fact kinds of these tests (a `kind: claims` file). */
#define CHECK_FACTS CHECK_DATA "/facts.yaml"

/* One checks file, with the test fact kinds loaded first. */
static inline struct fc_rules *rules_load_file(const char *path,
					       struct fc_diags *d)
{
	const char *paths[] = {CHECK_FACTS, path};
	return rules_load_files(paths, 2, d);
}

static inline void rules_free(struct fc_rules *r)
{
	if (!r)
		return;
	fc_checks_destroy(r->checks);
	fc_claims_destroy(r->claims);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].data);
	fc_arena_finish(&r->arena);
	free(r);
}

/* Print every diagnostic (for a failing test's log). */
static inline void diags_dump(const struct fc_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("diag %zu: %s:%u:%u: %s\n", i,
			      d->v[i].loc.file ? d->v[i].loc.file : "-",
			      (unsigned)d->v[i].loc.line,
			      (unsigned)d->v[i].loc.col, d->v[i].msg);
}

#endif
