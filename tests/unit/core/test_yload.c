/*
** test_yload.c: what a YAML load costs when it fails. The arena's mark
** and rewind give back every block since the mark; a parse that fails
** gives its nodes back (fc_yaml_load, and the first parse of
** fc_yaml_load_skip before it reads the file again); and the rule
** loader parses a broken file twice at most, with the diagnostics of a
** full load. The parses are counted through libyaml: this executable
** is linked with --wrap=yaml_parser_set_input_string, which records the
** size of every input given to a parser (the kind peek gives 1024 bytes
** of a longer file, the part before a trailing `tests:` list its
** length, a whole parse the file's).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "core/arena_mark.h"
#include "core/ycache_p.h"
#include "fc_test.h"

/* ---- the parses, counted ------------------------------------------------ */

#define MAX_INPUTS 16
static size_t inputs[MAX_INPUTS];
static size_t ninputs;

void __real_yaml_parser_set_input_string(yaml_parser_t *p,
					 const unsigned char *in, size_t size);
void __wrap_yaml_parser_set_input_string(yaml_parser_t *p,
					 const unsigned char *in, size_t size);

void __wrap_yaml_parser_set_input_string(yaml_parser_t *p,
					 const unsigned char *in, size_t size)
{
	if (ninputs < MAX_INPUTS)
		inputs[ninputs] = size;
	ninputs++;
	__real_yaml_parser_set_input_string(p, in, size);
}

/* realloc, failing while is_realloc_fail is set: a diagnostics list
** that cannot grow (fc_diag_vadd counts the error, its text is lost) */
static bool is_realloc_fail;
void *__real_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n);

void *__wrap_realloc(void *p, size_t n)
{
	return is_realloc_fail ? NULL : __real_realloc(p, n);
}

/* malloc and free, counted while is_counting is set: the arena's
** chunks live (the arena takes them with malloc) */
static bool is_counting;
static long nlive;
static size_t nmalloced; /* bytes asked for while counting */
void *__real_malloc(size_t n);
void *__wrap_malloc(size_t n);
void __real_free(void *p);
void __wrap_free(void *p);

void *__wrap_malloc(size_t n)
{
	void *p = __real_malloc(n);
	nlive += is_counting && p;
	nmalloced += is_counting ? n : 0;
	return p;
}

void __wrap_free(void *p)
{
	nlive -= is_counting && p;
	__real_free(p);
}

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	return fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-yload");
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

/* The diagnostics of d, "line:col: msg" one a line, into b. */
static void render(const struct fc_diags *d, struct fc_buf *b)
{
	for (size_t i = 0; i < d->n; i++)
		fc_buf_printf(b, "%u:%u: %s\n", d->v[i].loc.line,
			      d->v[i].loc.col, d->v[i].msg);
}

/* text[0, len) written to tmpdir/name; its path into path. */
static void write_bytes(const char *name, const char *text, size_t len,
			char *path, size_t size)
{
	snprintf(path, size, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* text written to tmpdir/name; its path into path. */
static void write_file(const char *name, const char *text, char *path,
		       size_t size)
{
	write_bytes(name, text, strlen(text), path, size);
}

/*
** A rule file of more than 1024 bytes (the kind peek reads 1024 of
** it): head (NULL: `kind: normalizer`), 40 lines of comment, then body
** and tail, with CR line ends when is_cr. Into b.
*/
static void rule_text(struct fc_buf *b, const char *head, const char *body,
		      const char *tail, bool is_cr)
{
	fc_buf_printf(b, "%s", head ? head : "kind: normalizer\n");
	for (int i = 0; i < 40; i++)
		fc_buf_printf(b, "# line %02d of a comment that pads it\n", i);
	fc_buf_printf(b, "%s%s", body, tail);
	if (is_cr)
		for (size_t i = 0; i < b->len; i++)
			if (b->p[i] == '\n')
				b->p[i] = '\r';
}

#define BODY_OK "times:\n  - id: a\n    pattern: x\n"
#define BODY_BAD "times:\n  - id: a\n    pattern: x: y\n"
#define TESTS_OK "tests:\n  - text: a\n    expect: []\n"
#define TESTS_BAD "tests:\n  - text: a\n    text: b\n"
#define SAY_BAD \
	"44:15: YAML: mapping values are not allowed in this context\n"
#define HEAD_CLAIMS "kind: claims\ndescription: d\n"
#define SAY_DUP "47:5: duplicate key 'text' (first at line 46)\n"

/* A broken rule file loaded with kinds: the inputs libyaml is given, one
** letter each (P the kind peek's 1024 bytes, C the part before a
** trailing `tests:` list, W the whole file), and the diagnostics. */
struct lcase {
	const char *name; /* also the folder of its file */
	const char *head, *body, *tail;
	bool is_cr;
	unsigned kinds;
	const char *inputs;
	const char *expect;
};

static const struct lcase cases[] = {
	/* the part before the tests fails, and the whole file is parsed
	** once more (not twice: a skipping parse would say the same as
	** the whole parse after it) */
	{"error-before-tests", NULL, BODY_BAD, TESTS_OK, false,
	 FC_KIND_TEXT | FC_LOAD_NO_TESTS, "PCW", SAY_BAD},
	/* `tests:` not last (no cut): the skipping parse finds the error
	** inside, and the whole parse says it */
	{"error-inside-tests", NULL, BODY_OK, TESTS_BAD "description: d\n",
	 false,
	 FC_KIND_TEXT | FC_LOAD_NO_TESTS, "PWW", SAY_DUP},
	/* CR line ends: no cut (the lines are libyaml's, not the cut's);
	** an error before `tests:` is said by the skipping parse alone */
	{"cr-error-before-tests", NULL, BODY_BAD, TESTS_OK, true,
	 FC_KIND_TEXT | FC_LOAD_NO_TESTS, "PW", SAY_BAD},
	{"cr-error-inside-tests", NULL, BODY_OK, TESTS_BAD, true,
	 FC_KIND_TEXT | FC_LOAD_NO_TESTS, "PWW", SAY_DUP},
	/* no `tests:` at all: one parse, some kinds or all */
	{"no-tests", NULL, BODY_BAD, "", false, FC_KIND_TEXT | FC_LOAD_NO_TESTS,
	 "PW", SAY_BAD},
	{"no-tests-all", NULL, BODY_BAD, "", false,
	 FC_KIND_ALL | FC_LOAD_NO_TESTS, "W", SAY_BAD},
	/* a full load (test, lint) parses once */
	{"error-before-tests-full", NULL, BODY_BAD, TESTS_OK, false,
	 FC_KIND_ALL, "W", SAY_BAD},
	/* the usual head (`kind:`, then a key): known without libyaml; a
	** file of another kind is not read at all */
	{"head-other-kind", HEAD_CLAIMS, BODY_BAD, "", false,
	 FC_KIND_TEXT | FC_LOAD_NO_TESTS, "", ""},
	{"head-own-kind", "kind: normalizer\ndescription: d\n", BODY_BAD,
	 TESTS_OK, false, FC_KIND_TEXT | FC_LOAD_NO_TESTS, "CW",
	 "45:15: YAML: mapping values are not allowed in this context\n"},
	/* any other head: libyaml peeks (here: a comment first) */
	{"head-comment-first", "# c\n" HEAD_CLAIMS, BODY_BAD, "", false,
	 FC_KIND_TEXT | FC_LOAD_NO_TESTS, "P", ""},
	/* bytes libyaml's reader refuses in the part peeked: the peek
	** fails, and the whole parse says why */
	{"head-bad-utf8", HEAD_CLAIMS "# \xFF\n", BODY_OK, "", false,
	 FC_KIND_TEXT | FC_LOAD_NO_TESTS, "PW",
	 "0:0: YAML: invalid leading UTF-8 octet\n"},
	{"head-nel", HEAD_CLAIMS "# \xC2\x85\n", BODY_BAD, "", false,
	 FC_KIND_TEXT | FC_LOAD_NO_TESTS, "P", ""},
};

/* Case *state: its file loaded as the rules of its folder; libyaml's
** inputs and the diagnostics, which are fc_yaml_load's of the file. */
static void test_load_case(void **state)
{
	const struct lcase *c = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	rule_text(&b, c->head, c->body, c->tail, c->is_cr);
	const char *text = fc_buf_cstr(&b);
	char dir[300], path[400], full[400];
	snprintf(dir, sizeof(dir), "%s/%s", tmpdir, c->name);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(path, sizeof(path), "%s/t.yaml", c->name);
	write_file(path, text, full, sizeof(full));

	const char *dirs[] = {dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	ninputs = 0;
	fc_status st = fc_rules_load_kinds(dirs, 0, c->kinds, &r, &d);
	assert_int_equal(ninputs, strlen(c->inputs));
	for (size_t i = 0; c->inputs[i]; i++) {
		char k = c->inputs[i];
		size_t want = k == 'P'	 ? 1024
			      : k == 'C' ? b.len - strlen(c->tail)
					 : b.len;
		assert_int_equal(inputs[i], want);
	}

	if (!*c->expect) { /* not read */
		assert_int_equal(st, FC_OK);
		assert_int_equal(d.n, 0);
		fc_diags_finish(&d);
		fc_rules_destroy(r);
		fc_buf_finish(&b);
		return;
	}
	assert_int_not_equal(st, FC_OK);

	/* the diagnostics of a full load of the file, exactly */
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_diags d2;
	fc_diags_init(&d2);
	struct fc_ynode *root;
	assert_int_not_equal(fc_yaml_load(&a, full, text, b.len, &root, &d2),
			     FC_OK);
	struct fc_buf b1, b2;
	fc_buf_init(&b1, 0);
	fc_buf_init(&b2, 0);
	render(&d, &b1);
	render(&d2, &b2);
	assert_string_equal(fc_buf_cstr(&b1), fc_buf_cstr(&b2));
	assert_string_equal(fc_buf_cstr(&b1), c->expect);
	for (size_t i = 0; i < d.n; i++)
		assert_string_equal(d.v[i].loc.file, full);
	fc_buf_finish(&b1);
	fc_buf_finish(&b2);
	fc_buf_finish(&b);
	fc_diags_finish(&d);
	fc_diags_finish(&d2);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

/* A character cut by the peek's 1024 bytes: the usual head, but the
** peek is libyaml's (which reads no further than it needs; here the
** kind). */
static void test_head_char_cut(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_printf(&b, HEAD_CLAIMS "# ");
	while (b.len < 1023)
		fc_buf_printf(&b, "a");
	fc_buf_printf(&b, "\xC3\xA9\n" BODY_BAD); /* U+00E9 at 1023 */
	char path[300];
	write_file("cut.yaml", fc_buf_cstr(&b), path, sizeof(path));
	const char *files[] = {path, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	ninputs = 0;
	assert_int_equal(fc_rules_load_kinds(files, 0,
					     FC_KIND_TEXT | FC_LOAD_NO_TESTS,
					     &r, &d),
			 FC_OK);
	assert_int_equal(ninputs, 1);
	assert_int_equal(inputs[0], 1024);
	assert_int_equal(d.n, 0);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	fc_buf_finish(&b);
}

/*
** Short files of kind claims, loaded for the kinds of a text: the fast
** peek knows the usual head only (no parse: inputs 0, the file not
** read); any other head is libyaml's to peek (an input), and the file
** is read (another input, with its diagnostics) when that peek finds
** no kind. Both peeks decide alike (a repeated `kind:` too: the first
** counts, and a file of another kind is not read).
*/
#define HEAD(t) t, sizeof(t) - 1
static const struct {
	const char *text;
	size_t len;
	size_t ninputs;
	const char *expect; /* "line:col: msg\n" each */
} heads[] = {
	{HEAD("kind: claims\ndescription: d\n"), 0, ""},
	{HEAD("kind: claims\ndescription:\n"), 0, ""},
	{HEAD("kind: claims\nx_-: d\n"), 0, ""},
	{HEAD("kind: claims\nkind: normalizer\n"), 0, ""},
	{HEAD("kind: normalizer\nkind: claims\n"), 1,
	 "2:1: duplicate key 'kind' (first at line 1)\n"},
	{HEAD("k"), 2,
	 "1:1: a rule file must be a mapping with a 'kind:' key\n"},
	{HEAD("kind: claims"), 1, ""},
	{HEAD("kind: claims\n"), 1, ""},
	{HEAD("kind: claims\ndescription:"), 1, ""},
	{HEAD("kind: claims\ndescription"), 2,
	 "3:1: YAML: could not find expected ':' while scanning a simple "
	 "key\n"},
	{HEAD("kind: claims\0\ndescription: d\n"), 2,
	 "0:0: YAML: control characters are not allowed\n"},
	{HEAD("kind: claims\rdescription: d\r"), 1, ""},
	{HEAD("kind: claims\r\ndescription: d\r\n"), 1, ""},
	{HEAD("\xEF\xBB\xBFkind: claims\ndescription: d\n"), 1, ""},
	{HEAD("kind:\tclaims\ndescription: d\n"), 1, ""},
	{HEAD("kind: claims\ndescription:\td\n"), 1, ""},
	{HEAD("kind:claims\ndescription: d\n"), 2,
	 "2:12: YAML: mapping values are not allowed in this context\n"},
	{HEAD("kind: \"claims\"\ndescription: d\n"), 2, ""},
	{HEAD("kind: claims # c\ndescription: d\n"), 1, ""},
	{HEAD("---\nkind: claims\ndescription: d\n"), 1, ""},
	{HEAD("{kind: claims}\n"), 1, ""},
	{HEAD("kind: claims\n# c\ndescription: d\n"), 1, ""},
	{HEAD("kind: claims\n description: d\n"), 2,
	 "2:13: YAML: mapping values are not allowed in this context\n"},
	{HEAD("kind: claims\nDescription: d\n"), 1, ""},
	{HEAD("kind: claims\nkind:: d\n"), 1, ""},
	{HEAD("kind: claimsx\ndescription: d\n"), 2,
	 "1:7: unknown rule kind 'claimsx' (did you mean 'claims'?)\n"},
	{HEAD("kind: claims\ndescription: \xC3\x28\n"), 2,
	 "0:0: YAML: invalid trailing UTF-8 octet\n"},
};

static void test_head_peek(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(heads) / sizeof(*heads); i++) {
		char name[32], path[300];
		snprintf(name, sizeof(name), "head%zu.yaml", i);
		write_bytes(name, heads[i].text, heads[i].len, path,
			    sizeof(path));
		const char *files[] = {path, NULL};
		struct fc_diags d;
		fc_diags_init(&d);
		struct fc_rules *r = NULL;
		ninputs = 0;
		fc_status st = fc_rules_load_kinds(
			files, 0, FC_KIND_TEXT | FC_LOAD_NO_TESTS, &r, &d);
		struct fc_buf b;
		fc_buf_init(&b, 0);
		render(&d, &b);
		print_message("head %zu\n", i);
		assert_int_equal(ninputs, heads[i].ninputs);
		assert_string_equal(fc_buf_cstr(&b), heads[i].expect);
		assert_int_equal(st == FC_OK, !*heads[i].expect);
		fc_buf_finish(&b);
		fc_diags_finish(&d);
		fc_rules_destroy(r);
	}
}

/* ---- the arena's mark and rewind ----------------------------------------- */

static void test_rewind_gives_back(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_arena_mark m0 = fc_arena_mark(&a); /* empty */
	char *keep = fc_arena_strdup(&a, "kept");
	struct fc_arena_mark m = fc_arena_mark(&a);
	size_t nbytes = a.nbytes;
	nlive = 0;
	is_counting = true;
	void *first = fc_arena_alloc(&a, 100);
	/* new head chunks, and big blocks in chunks of their own behind
	** the head (before and after a new head: more than the room of a
	** chunk, 64 KiB, so that the head of the mark cannot hold it) */
	assert_non_null(fc_arena_alloc(&a, 70000));
	for (int i = 0; i < 50; i++)
		assert_non_null(fc_arena_alloc(&a, 5000));
	assert_non_null(fc_arena_alloc(&a, 100000));
	assert_true(a.nbytes > nbytes + 300000);
	assert_true(nlive >= 4); /* chunks taken since m */
	fc_arena_rewind(&a, &m);
	is_counting = false;
	assert_int_equal(nlive, 0); /* every one given back */
	assert_int_equal(a.nbytes, nbytes);
	assert_string_equal(keep, "kept");
	/* the head's room after the mark is in use again */
	assert_ptr_equal(fc_arena_alloc(&a, 100), first);
	fc_arena_rewind(&a, &m0);
	assert_int_equal(a.nbytes, 0);
	assert_null(a.head);
	assert_non_null(fc_arena_strdup(&a, "again"));
	fc_arena_finish(&a);
}

/* A big rule file, n rules, then text after them. */
static void big_text(struct fc_buf *b, size_t n, const char *after)
{
	fc_buf_printf(b, "kind: normalizer\ntimes:\n");
	for (size_t i = 0; i < n; i++)
		fc_buf_printf(b, "  - id: rule-%zu\n    pattern: 'w%zu'\n", i,
			      i);
	fc_buf_printf(b, "%s", after);
}

/* A file that breaks at its end keeps nothing of its nodes. */
/*
** A forged tree in the cache (ycache.c) that promises more children than
** its bytes can hold is refused before its child arrays grow: a chain
** of sequences, each promising every record left after it, over 1 MiB
** of padding. Bounding each level alone took child arrays of every
** level first (some 15 MiB for this file); the children owed by the
** levels above count too, so the second level is refused.
*/
static void test_forged_tree_promises(void **state)
{
	(void)state;
	struct rec { /* ycache.c's record */
		uint8_t type, style, flags, pad;
		uint32_t line, col, loclen, val_line, val_col;
		uint32_t len, nkids, raw_len;
	};
	enum { LEVELS = 64, PAD = 1 << 20 };
	size_t len = 16 + LEVELS * sizeof(struct rec) + PAD;
	unsigned char *p = calloc(1, len);
	assert_non_null(p);
	memcpy(p, "FCYTREE1", 8); /* then is_skipped 0 */
	for (size_t k = 0; k < LEVELS; k++) {
		size_t at = 16 + k * sizeof(struct rec);
		struct rec r = {FC_Y_SEQ, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0};
		r.nkids = (uint32_t)((len - at - sizeof(r)) / sizeof(r));
		memcpy(p + at, &r, sizeof(r));
	}
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_ynode *t = NULL;
	bool sk = false;
	nmalloced = 0;
	is_counting = true;
	assert_false(fc_ytree_decode(&a, "forged", p, len, &t, &sk));
	is_counting = false;
	/* one level's child array (a quarter of the file) and the arena's
	** chunks, not one array a level */
	assert_true(nmalloced < len / 2);
	fc_arena_finish(&a);
	free(p);
}

static void test_failed_load_gives_back(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	big_text(&b, 5000, "oops: [\n");
	char path[300];
	write_file("big.yaml", fc_buf_cstr(&b), path, sizeof(path));
	char *data;
	size_t len;
	assert_int_equal(fc_file_read(path, 1 << 24, &data, &len), FC_OK);
	struct fc_arena a;
	fc_arena_init(&a);
	char *before = fc_arena_strdup(&a, "before");
	assert_non_null(before);
	size_t nbytes = a.nbytes;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_ynode dummy = {0}, *root = &dummy;
	assert_int_equal(fc_yaml_load(&a, path, data, len, &root, &d),
			 FC_ESYNTAX);
	assert_null(root);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, path, 10004, 1,
		       "YAML: did not find expected node content while "
		       "parsing a flow node");
	assert_int_equal(a.nbytes, nbytes);
	/* the head is the chunk of before again, used up to it */
	assert_ptr_equal(fc_arena_alloc(&a, 1), before + 16);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	free(data);
	fc_buf_finish(&b);
}

/*
** The skipping load reads a file again when a value under `tests:` may
** be wrong (here a mapping of 70 keys, which it does not compare): the
** tree kept is the whole parse's, and the arena holds no more than a
** load of the file alone. An error there: the arena holds nothing.
*/
static void test_skip_redo_keeps_one_tree(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	struct fc_buf t;
	fc_buf_init(&t, 0);
	fc_buf_printf(&t, "tests:\n  - text: a\n");
	for (int i = 0; i < 70; i++)
		fc_buf_printf(&t, "    k%d: v\n", i);
	big_text(&b, 2000, fc_buf_cstr(&t));
	char path[300];
	write_file("redo.yaml", fc_buf_cstr(&b), path, sizeof(path));
	char *data;
	size_t len;
	assert_int_equal(fc_file_read(path, 1 << 24, &data, &len), FC_OK);

	struct fc_arena a1, a2;
	fc_arena_init(&a1);
	fc_arena_init(&a2);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_ynode *r1, *r2;
	bool is_skipped = true;
	assert_int_equal(fc_yaml_load(&a1, path, data, len, &r1, &d), FC_OK);
	assert_int_equal(fc_yaml_load_skip(&a2, path, data, len, "tests", &r2,
					   &is_skipped, &d),
			 FC_OK);
	assert_int_equal(d.n, 0);
	assert_false(is_skipped);
	assert_int_equal(fc_ymap_get(r2, "tests")->nkids, 1);
	assert_int_equal(fc_ymap_get(r2, "times")->nkids, 2000);
	assert_int_equal(a2.nbytes, a1.nbytes);

	/* the same with a key repeated under tests: an error, no tree */
	struct fc_arena a3;
	fc_arena_init(&a3);
	fc_buf_printf(&b, "    k0: again\n");
	assert_int_equal(fc_yaml_load_skip(&a3, path, fc_buf_cstr(&b), b.len,
					   "tests", &r2, &is_skipped, &d),
			 FC_ESYNTAX);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, path, 4075, 5,
		       "duplicate key 'k0' (first at line 4005)");
	assert_int_equal(a3.nbytes, 0);
	fc_diags_finish(&d);
	fc_arena_finish(&a1);
	fc_arena_finish(&a2);
	fc_arena_finish(&a3);
	free(data);
	fc_buf_finish(&t);
	fc_buf_finish(&b);
}

/*
** Out of memory for the diagnostics: an error is counted, never lost
** (fc_error.h), also when the skipping load says its first parse's
** diagnostics again. A syntax error outside `tests:` (no second parse).
*/
static void test_skip_error_counted_without_memory(void **state)
{
	(void)state;
	const char *text = "kind: normalizer\nx: [\ntests:\n  - text: a\n";
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_ynode *root;
	bool is_skipped = true;
	is_realloc_fail = true;
	fc_status st = fc_yaml_load_skip(&a, "t.yaml", text, strlen(text),
					 "tests", &root, &is_skipped, &d);
	is_realloc_fail = false;
	assert_int_equal(st, FC_ESYNTAX);
	assert_false(is_skipped);
	assert_int_equal(d.n, 0); /* no room for the text */
	assert_int_equal(d.nerr, 1);
	assert_int_equal(fc_diags_status(&d), FC_ENOMEM);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

int main(void)
{
	/* the parses themselves are counted: none may come from the cache
	** of parsed trees (test_ycache.c tests that) */
	setenv("FACTCROSS_CACHE", "off", 1);
	enum { NCASES = sizeof(cases) / sizeof(*cases) };
	struct CMUnitTest tests[6 + NCASES] = {
		cmocka_unit_test(test_head_peek),
		cmocka_unit_test(test_skip_error_counted_without_memory),
		cmocka_unit_test(test_rewind_gives_back),
		cmocka_unit_test(test_failed_load_gives_back),
		cmocka_unit_test(test_forged_tree_promises),
		cmocka_unit_test(test_skip_redo_keeps_one_tree),
		cmocka_unit_test(test_head_char_cut),
	};
	for (size_t i = 0; i < NCASES; i++)
		tests[6 + i] = (struct CMUnitTest){
			.name = cases[i].name,
			.test_func = test_load_case,
			.initial_state = (void *)&cases[i]};
	return cmocka_run_group_tests(tests, setup, teardown);
}
