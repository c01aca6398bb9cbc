/*
** test_yjson.c: fc_yaml_load reads JSON itself (objects, arrays and
** strings); its tree must be the one libyaml makes. A leading newline
** makes the text no longer start with '{' or '[', so libyaml reads it:
** the two trees must then differ only by that line.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fc_test.h"

/* a and b equal, b's lines one later. */
static void same_tree(const struct fc_ynode *a, const struct fc_ynode *b)
{
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(a->type, b->type);
	assert_int_equal(a->loc.line + 1, b->loc.line);
	assert_int_equal(a->loc.col, b->loc.col);
	assert_int_equal(a->loc.len, b->loc.len);
	assert_int_equal(a->nkids, b->nkids);
	if (a->type == FC_Y_SCALAR) {
		assert_int_equal(a->len, b->len);
		assert_memory_equal(a->str, b->str, a->len + 1);
		assert_int_equal(a->is_plain, b->is_plain);
		assert_int_equal(a->style, b->style);
		assert_int_equal(a->val_line + 1, b->val_line);
		assert_int_equal(a->val_col, b->val_col);
		assert_int_equal(a->raw_len, b->raw_len);
		assert_int_equal(a->raw == NULL, b->raw == NULL);
		if (a->raw)
			assert_memory_equal(a->raw, b->raw, a->raw_len);
	}
	for (size_t i = 0; i < a->nkids; i++)
		same_tree(a->kids[i], b->kids[i]);
}

struct both {
	struct fc_arena a;
	struct fc_diags d1, d2;
	struct fc_ynode *fast, *slow;
	fc_status s1, s2;
};

static void load_both(struct both *t, const char *text, size_t len)
{
	fc_arena_init(&t->a);
	fc_diags_init(&t->d1);
	fc_diags_init(&t->d2);
	char *nl = malloc(len + 1);
	assert_non_null(nl);
	nl[0] = '\n';
	memcpy(nl + 1, text, len);
	t->s1 = fc_yaml_load(&t->a, "t.json", text, len, &t->fast, &t->d1);
	t->s2 = fc_yaml_load(&t->a, "t.json", nl, len + 1, &t->slow, &t->d2);
	free(nl);
}

static void both_finish(struct both *t)
{
	fc_diags_finish(&t->d1);
	fc_diags_finish(&t->d2);
	fc_arena_finish(&t->a);
}

/* text loads to the same tree both ways (nkids: the root's). */
static void check_same(const char *text, size_t nkids)
{
	struct both t;
	load_both(&t, text, strlen(text));
	assert_int_equal(t.s1, FC_OK);
	assert_int_equal(t.s2, FC_OK);
	assert_int_equal(t.d1.n, 0);
	assert_int_equal(t.d2.n, 0);
	same_tree(t.fast, t.slow);
	assert_int_equal(t.fast->nkids, nkids);
	both_finish(&t);
}

static void test_json_trees_match_libyaml(void **state)
{
	(void)state;
	check_same("{}", 0);
	check_same("[]", 0);
	check_same("[\"a\"]", 1);
	check_same("{\"a\": \"b\", \"c\": [\"d\", \"e\"],\n \"f\": {}}", 6);
	check_same("{\n  \"x\": [\n    {\"k\": \"v\"},\n    []\n  ]\n}\n", 2);
	/* characters of 2, 3 and 4 bytes count one column each */
	check_same("{\"flag\": \"\xF0\x9F\x87\xA6\xF0\x9F\x87\xBC\", \"n\": "
		   "\"\xC3\x85land \xE2\x82\xAC\", \"z\": \"\"}",
		   6);
	check_same("[\"a\",\"b\" ,  \"c\"]   \n\n", 3);
}

/* What the fast path leaves to libyaml still loads, with libyaml's
** diagnostics at libyaml's positions. */
static void test_json_others_go_to_libyaml(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	struct fc_ynode *r;
	fc_arena_init(&a);
	fc_diags_init(&d);
	/* escapes, numbers, literals: read by libyaml */
	const char *t1 = "{\"a\": \"x\\ty\", \"b\": 12, \"c\": true}";
	assert_int_equal(fc_yaml_load(&a, "t.json", t1, strlen(t1), &r, &d),
			 FC_OK);
	assert_int_equal(r->nkids, 6);
	assert_string_equal(r->kids[1]->str, "x\ty");
	assert_non_null(r->kids[1]->raw);
	assert_string_equal(r->kids[3]->str, "12");
	assert_true(r->kids[3]->is_plain);
	/* a duplicate key: libyaml's tree, and its diagnostic */
	const char *t2 = "{\"a\": \"1\",\n \"a\": \"2\"}";
	assert_int_equal(fc_yaml_load(&a, "t.json", t2, strlen(t2), &r, &d),
			 FC_ESYNTAX);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].loc.line, 2);
	assert_int_equal(d.v[0].loc.col, 2);
	assert_non_null(strstr(d.v[0].msg, "duplicate key 'a'"));
	/* not closed */
	const char *t3 = "{\"a\": [\"b\"";
	assert_int_equal(fc_yaml_load(&a, "t.json", t3, strlen(t3), &r, &d),
			 FC_ESYNTAX);
	assert_int_equal(d.n, 2);
	/* nested deeper than the YAML reader allows */
	char deep[200];
	memset(deep, '[', 80);
	memset(deep + 80, ']', 80);
	deep[160] = '\0';
	assert_int_equal(
		fc_yaml_load(&a, "t.json", deep, strlen(deep), &r, &d),
		FC_ESYNTAX);
	assert_int_equal(d.n, 3);
	assert_non_null(strstr(d.v[2].msg, "nested deeper"));
	/* a control character and bad UTF-8 inside a string */
	const char *t4 = "[\"a\x01\"]";
	assert_int_equal(fc_yaml_load(&a, "t.json", t4, strlen(t4), &r, &d),
			 FC_ESYNTAX);
	const char *t5 = "[\"a\xC3(\"]";
	assert_int_equal(fc_yaml_load(&a, "t.json", t5, strlen(t5), &r, &d),
			 FC_ESYNTAX);
	assert_int_equal(d.n, 5);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

/* A mapping of many keys is checked by hash: a repeated key is still
** found, and each repeat names the first occurrence, as the small check
** does. */
static void test_yaml_large_map_duplicates(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int i = 0; i < 40; i++)
		fc_buf_printf(&b, "k%d: %d\n", i == 30 || i == 35 ? 5 : i, i);
	struct fc_arena a;
	struct fc_diags d;
	struct fc_ynode *r;
	fc_arena_init(&a);
	fc_diags_init(&d);
	assert_int_equal(fc_yaml_load(&a, "t.yaml", b.p, b.len, &r, &d),
			 FC_ESYNTAX);
	/* line 31: k5 again (first at line 6); line 36: once more */
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].loc.line, 31);
	assert_string_equal(d.v[0].msg,
			    "duplicate key 'k5' (first at line 6)");
	assert_int_equal(d.v[1].loc.line, 36);
	assert_string_equal(d.v[1].msg,
			    "duplicate key 'k5' (first at line 6)");
	fc_diags_finish(&d);
	/* the same with 10 keys (the pairwise check) */
	fc_buf_reset(&b);
	for (int i = 0; i < 10; i++)
		fc_buf_printf(&b, "k%d: %d\n", i == 6 || i == 8 ? 5 : i, i);
	fc_diags_init(&d);
	assert_int_equal(fc_yaml_load(&a, "t.yaml", b.p, b.len, &r, &d),
			 FC_ESYNTAX);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].loc.line, 7);
	assert_int_equal(d.v[1].loc.line, 9);
	assert_string_equal(d.v[1].msg,
			    "duplicate key 'k5' (first at line 6)");
	fc_diags_finish(&d);
	/* 40 distinct keys: no diagnostic */
	fc_buf_reset(&b);
	for (int i = 0; i < 40; i++)
		fc_buf_printf(&b, "k%d: %d\n", i, i);
	fc_diags_init(&d);
	assert_int_equal(fc_yaml_load(&a, "t.yaml", b.p, b.len, &r, &d),
			 FC_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(r->nkids, 80);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	fc_buf_finish(&b);
}

/* fc_yaml_load of b, which must take less than secs seconds. */
static fc_status load_timed(struct fc_arena *a, const char *name,
			    const struct fc_buf *b, struct fc_ynode **r,
			    struct fc_diags *d, double secs)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fc_status st = fc_yaml_load(a, name, b->p, b->len, r, d);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true((double)(t1.tv_sec - t0.tv_sec) +
			    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9 <
		    secs);
	return st;
}

/* A JSON object of many keys: its keys are checked by hash, not each
** against every key before it (100 000 keys took 5e9 comparisons); a
** repeated key among many still leaves the file to libyaml. */
static void test_json_many_keys(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "{");
	for (int i = 0; i < 100000; i++)
		fc_buf_printf(&b, "%s\"k%d\": \"v\"", i ? ", " : "", i);
	fc_buf_adds(&b, "}");
	struct fc_arena a;
	struct fc_diags d;
	struct fc_ynode *r;
	fc_arena_init(&a);
	fc_diags_init(&d);
	assert_int_equal(load_timed(&a, "t.json", &b, &r, &d, 2.0), FC_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(r->nkids, 200000);
	assert_string_equal(r->kids[199998]->str, "k99999");
	/* the same tree as libyaml's */
	char *nl = malloc(b.len + 2);
	assert_non_null(nl);
	nl[0] = '\n';
	memcpy(nl + 1, b.p, b.len + 1);
	struct fc_ynode *slow;
	assert_int_equal(fc_yaml_load(&a, "t.json", nl, b.len + 1, &slow, &d),
			 FC_OK);
	same_tree(r, slow);
	free(nl);
	/* 40 keys, k5 at 30 and 35 too: libyaml's diagnostics */
	fc_buf_reset(&b);
	fc_buf_adds(&b, "{");
	for (int i = 0; i < 40; i++)
		fc_buf_printf(&b, "%s\"k%d\": \"v\"\n", i ? ", " : "",
			      i == 30 || i == 35 ? 5 : i);
	fc_buf_adds(&b, "}");
	assert_int_equal(fc_yaml_load(&a, "t.json", b.p, b.len, &r, &d),
			 FC_ESYNTAX);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].loc.line, 31);
	assert_string_equal(d.v[0].msg,
			    "duplicate key 'k5' (first at line 6)");
	/* 3 keys, the last the first again */
	const char *t3 = "{\"a\": \"1\", \"b\": \"2\", \"a\": \"3\"}";
	assert_int_equal(fc_yaml_load(&a, "t.json", t3, strlen(t3), &r, &d),
			 FC_ESYNTAX);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.v[2].loc.col, 22);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	fc_buf_finish(&b);
}

/* One key of many repeated, and one key many times: the diagnostics of
** the pairwise check (each repeat names the first), found without
** comparing every key with every key (100 000 keys and one repeat took
** 27 s); a key given n times gives n - 1 of them, not n(n-1)/2. */
static void test_yaml_many_keys_one_repeated(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int i = 0; i < 100000; i++)
		fc_buf_printf(&b, "k%d: %d\n", i, i);
	fc_buf_adds(&b, "k7: again\n");
	for (int i = 0; i < 20; i++)
		fc_buf_adds(&b, "x: 1\n");
	struct fc_arena a;
	struct fc_diags d;
	struct fc_ynode *r;
	fc_arena_init(&a);
	fc_diags_init(&d);
	assert_int_equal(load_timed(&a, "t.yaml", &b, &r, &d, 5.0), FC_ESYNTAX);
	/* k7 once, then each x after the first */
	assert_int_equal(d.n, 1 + 19);
	assert_int_equal(d.v[0].loc.line, 100001);
	assert_string_equal(d.v[0].msg,
			    "duplicate key 'k7' (first at line 8)");
	assert_int_equal(d.v[2].loc.line, 100004);
	assert_string_equal(d.v[2].msg, "duplicate key 'x' (first at line 100002)");
	assert_int_equal(d.v[19].loc.line, 100021);
	assert_string_equal(d.v[19].msg, "duplicate key 'x' (first at line 100002)");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	fc_buf_finish(&b);
}

/* The iso-codes lists the lexicon and the normalizer read. */
static void test_json_iso_codes_match_libyaml(void **state)
{
	(void)state;
	const char *paths[] = {"/usr/share/iso-codes/json/iso_3166-1.json",
			       "/usr/share/iso-codes/json/iso_4217.json"};
	for (size_t i = 0; i < 2; i++) {
		char *data;
		size_t len;
		if (fc_file_read(paths[i], 1u << 24, &data, &len)) {
			skip();
			return;
		}
		struct both t;
		load_both(&t, data, len);
		assert_int_equal(t.s1, FC_OK);
		assert_int_equal(t.s2, FC_OK);
		same_tree(t.fast, t.slow);
		assert_int_equal(t.fast->type, FC_Y_MAP);
		assert_true(t.fast->kids[1]->nkids > 100);
		both_finish(&t);
		free(data);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_trees_match_libyaml),
		cmocka_unit_test(test_json_others_go_to_libyaml),
		cmocka_unit_test(test_json_iso_codes_match_libyaml),
		cmocka_unit_test(test_yaml_large_map_duplicates),
		cmocka_unit_test(test_json_many_keys),
		cmocka_unit_test(test_yaml_many_keys_one_repeated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
