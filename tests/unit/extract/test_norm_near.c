/*
** test_norm_near.c: anchor groups, anchor_within and anchor_next
** (norm_trie_near.c, norm_load.c): the loader rejects misuse at its
** file:line:col, and the walk keeps exactly the starts whose groups have
** words of their own near them (rules in data/near.yaml, read by
** libyaml).
*/
#include <stdio.h>

#include "fc_test.h"
#include "extract/norm_p.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/extract/data"

static int find(const struct fc_diags *d, const char *msg, unsigned line)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].msg && !strcmp(d->v[i].msg, msg) &&
		    d->v[i].loc.line == line)
			return (int)i;
	return -1;
}

static void expect(const struct fc_diags *d, const char *file, unsigned line,
		   unsigned col, const char *msg)
{
	int i = find(d, msg, line);
	if (i < 0)
		fprintf(stderr, "missing diagnostic: %u: %s\n", line, msg);
	assert_true(i >= 0);
	fc_assert_diag(d, (size_t)i, file, line, col, msg);
	assert_int_equal(d->v[i].sev, FC_SEV_ERROR);
}

static void test_load_misuse(void **state)
{
	(void)state;
	const char *f = DATA "/bad_near.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	assert_int_not_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	expect(&d, f, 8, 20, "anchor_within needs an anchor");
	expect(&d, f, 13, 20,
	       "anchor_within must be a whole number from 0 to 1000");
	expect(&d, f, 18, 20,
	       "anchor_within must be a whole number from 0 to 1000");
	expect(&d, f, 22, 22,
	       "an anchor group must be a list of one or more words");
	expect(&d, f, 26, 22,
	       "an anchor group must be a list of one or more words");
	expect(&d, f, 30, 34, "anchor takes at most 4 groups");
	expect(&d, f, 34, 21, "an anchor word must be a string, not a mapping");
	expect(&d, f, 38, 18, "anchor_next needs an anchor");
	expect(&d, f, 43, 18, "anchor_next must be true or false");
	expect(&d, f, 48, 18, "anchor_next takes an anchor of one group");
	assert_int_equal(d.nerr, 10);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

static size_t pattern(const struct fc_norm *n, const char *id)
{
	for (size_t i = 0; i < n->npatterns; i++)
		if (!strcmp(n->patterns[i].id, id)) {
			assert_true(norm_is_anchored(&n->patterns[i]));
			return i;
		}
	fail_msg("no pattern %s", id);
	return 0;
}

/*
** The starts of pattern id that the walk keeps over text (one stretch),
** written as their offsets into out ("0,12"; "-" when the pattern is not
** active, "" when it is but has none).
*/
static void starts(const struct fc_rules *r, const char *id,
		   const char *text, char *out, size_t cap)
{
	const struct fc_norm *n = r->norm;
	size_t pi = pattern(n, id);
	struct norm_walk *w = norm_walk_create(n);
	uint64_t *active = calloc(n->nwords, sizeof(*active));
	assert_non_null(w);
	assert_non_null(active);
	assert_int_equal(norm_walk_stretch(w, text, 0, (uint32_t)strlen(text),
					   active),
			 FC_OK);
	out[0] = '\0';
	if (!(active[pi / 64] >> (pi % 64) & 1)) {
		snprintf(out, cap, "-");
	} else if (norm_walk_queued(w)[pi / 64] >> (pi % 64) & 1) {
		const struct norm_startq *q = norm_walk_starts(w, pi);
		size_t o = 0;
		for (size_t k = 0; k < q->n; k++)
			o += (size_t)snprintf(out + o, cap - o, "%s%u",
					      k ? "," : "", q->v[k]);
	}
	free(active);
	norm_walk_destroy(w);
}

#define STARTS(id, text, want)                                             \
	do {                                                               \
		char got[256];                                             \
		starts(r, id, text, got, sizeof(got));                     \
		assert_string_equal(got, want);                            \
	} while (0)

static void test_within(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/near.yaml", 0);
	/* "5 km": km 2 bytes on; "7 big big km": 10 on; "9 big big big km"
	** (at 30): 14 on, too far */
	STARTS("n.within", "5 km, 7 big big km or 9 big big big km",
	       "0,6");
	/* the window counts from the start: 12 bytes exactly is in */
	STARTS("n.within", "1 big big   miles", "0");
	STARTS("n.within", "1 big big    miles", "");
	/* no unit at all: the pattern does not run */
	STARTS("n.within", "5 big 6", "-");
	/* a unit before the number is not after the start */
	STARTS("n.within", "km 5 big big big big", "");
	/* a run of starts a few bytes apart is kept from its first when
	** its last is in the window: a match from the first may run
	** through it ("two hundred and twenty-five thousand ... percent");
	** not across a gap of more than CHAIN_GAP (16) bytes */
	STARTS("n.within", "1 big big 2 big big 3 big big km", "0,10,20");
	STARTS("n.within", "1 big big big 2 big big km", "0,14");
	STARTS("n.within", "1 big big big big big 2 big big km", "22");
	/* U+212A (Kelvin sign, a caseless k) is a word of every group */
	STARTS("n.within", "3 \xE2\x84\xAAm and 4 big km", "0,11");
	fc_rules_destroy(r);
}

static void test_next(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/near.yaml", 0);
	/* the unit the next word, glued to the number, or after blanks of
	** a line break */
	STARTS("n.next", "5 km", "0");
	STARTS("n.next", "5km", "0");
	STARTS("n.next", "5 \n\t km", "0");
	/* a word between: not tried (anchor_within would keep it) */
	STARTS("n.next", "5 big km", "");
	/* the unit before the start is not after it */
	STARTS("n.next", "km 5", "");
	STARTS("n.next", "km 5 big", "");
	/* the start's run of non-blanks is its word: "1.5", then "5" */
	STARTS("n.next", "1.5 km", "0,2");
	/* the starts before a kept one are chained to it ("2 big big" may be
	** the head of a longer match) */
	STARTS("n.next", "2 big big 5 km", "0,10");
	STARTS("n.next", "4 big big big big 5 km", "18");
	/* a stretch with a word the walk cannot read keeps every start */
	STARTS("n.next", "5 big \xE2\x84\xAAm km", "0");
	fc_rules_destroy(r);
}

static void test_groups(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/near.yaml", 0);
	/* a bit for each group after the first, but one for the same
	** anchors: n.two shares its pattern's, n.hall takes 2, n.digits 1;
	** the five patterns with groups, a window or anchor_next are filtered */
	const struct fc_norm *n = r->norm;
	assert_int_equal(n->nvbits, 3);
	assert_int_equal(n->nnear, 5);
	const struct norm_pattern *two = &n->patterns[pattern(n, "n.two")];
	assert_int_equal(two->ngroups, 2);
	assert_int_equal(two->gslot[1], 0);
	assert_int_equal(n->patterns[pattern(n, "n.hall")].digit_groups, 4);
	/* one hedge: no start; two (one word each): every start */
	STARTS("n.two", "more than 10 people", "");
	STARTS("n.two", "10 people", "-");
	STARTS("n.two", "more than 10 and less than 40", "0,17");
	/* the same word twice is two words */
	STARTS("n.two", "about 10 and about 20", "0,13");
	/* a wild character may be the second hedge */
	STARTS("n.two", "about 10 and \xC5\xBFome 20", "0");
	fc_rules_destroy(r);
}

static void test_hall(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/near.yaml", 0);
	/* groups [ab, cd], [ab], [digit] within 8 bytes: "cd ab 1" has a
	** word of each from 0; from 3, "ab" cannot serve both word groups */
	STARTS("n.hall", "cd ab 1", "0");
	STARTS("n.hall", "ab 1 zz  cd", "");
	/* "ab ab 1": two words, each its own group */
	STARTS("n.hall", "ab ab 1", "0");
	/* "cd cd 1": [ab] has no word in the stretch: not active */
	STARTS("n.hall", "cd cd 1", "-");
	/* the digit 25 bytes after "cd" is too far; 7 after "ab" is in
	** (and "cd" is more than CHAIN_GAP bytes before it) */
	STARTS("n.hall", "cd zz zz zz zz zz ab ab  1", "18");
	/* ... a start CHAIN_GAP bytes or less before a kept one is kept */
	STARTS("n.hall", "cd ab ab  1", "0,3");
	/* a start inside a run of digits has its digit at the start */
	STARTS("n.digits", "12345km", "4");
	STARTS("n.digits", "5km", "0");
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_misuse),
		cmocka_unit_test(test_within),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_hall),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
