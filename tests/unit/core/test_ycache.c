/*
** test_ycache.c: parsed YAML trees in the cache (core/ycache.c). A tree
** serialized and decoded is the tree libyaml made, node for node and
** position for position (a real rule file, and a fixture of every scalar
** style); a truncated or forged payload is refused with the arena as it
** was; through fc_yaml_load with FACTCROSS_CACHE a scratch folder, a
** second load of the same bytes comes from the cache file, an edited
** file misses, a broken file is never kept, a damaged cache file is
** parsed around and written again, and "off" writes nothing.
*/
#include <dirent.h>
#include <inttypes.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fc_test.h"
#include "core/arena_mark.h"
#include "core/cache_p.h"
#include "core/ycache_p.h"

static char tmpdir[160];
static char cachedir[200];

static int setup(void **state)
{
	(void)state;
	if (fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-ycache"))
		return -1;
	snprintf(cachedir, sizeof(cachedir), "%s/cache", tmpdir);
	return setenv("FACTCROSS_CACHE", cachedir, 1);
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

/* Every field of two trees is the same (file names compared as text). */
static void assert_same(const struct fc_ynode *x, const struct fc_ynode *y)
{
	assert_int_equal(x->type, y->type);
	assert_int_equal(x->len, y->len);
	if (x->str || y->str) {
		assert_non_null(x->str);
		assert_non_null(y->str);
		assert_memory_equal(x->str, y->str, x->len + 1);
	}
	assert_int_equal(x->is_plain, y->is_plain);
	assert_int_equal(x->style, y->style);
	assert_string_equal(x->loc.file, y->loc.file);
	assert_int_equal(x->loc.line, y->loc.line);
	assert_int_equal(x->loc.col, y->loc.col);
	assert_int_equal(x->loc.len, y->loc.len);
	assert_int_equal(x->val_line, y->val_line);
	assert_int_equal(x->val_col, y->val_col);
	assert_int_equal(x->raw_len, y->raw_len);
	assert_int_equal(x->raw != NULL, y->raw != NULL);
	if (x->raw)
		assert_memory_equal(x->raw, y->raw, x->raw_len);
	assert_int_equal(x->nkids, y->nkids);
	for (size_t i = 0; i < x->nkids; i++)
		assert_same(x->kids[i], y->kids[i]);
}

/* Nodes of a tree, and those with raw text. */
static size_t count_nodes(const struct fc_ynode *n, size_t *nraw)
{
	size_t k = 1;
	*nraw += n->raw != NULL;
	for (size_t i = 0; i < n->nkids; i++)
		k += count_nodes(n->kids[i], nraw);
	return k;
}

static const char FIXTURE[] =
	"kind: normalizer\n"
	"description: >\n"
	"  folded text\n"
	"  on two lines\n"
	"literal: |\n"
	"    kept\n"
	"    as is\n"
	"quoted: \"a\\tb \\\"c\\\"\"\n"
	"single: 'it''s'\n"
	"plain: null\n"
	"empty: {}\n"
	"flow: [a, 'b', \"c\"]\n"
	"nested:\n"
	"  - {id: x, pattern: \"\\\\bnews\\\\b\"}\n"
	"  - id: y\n"
	"    list:\n"
	"      - ~\n"
	"      - \"\"\n";

/* A tree parsed with the cache off (what libyaml makes). */
static struct fc_ynode *parse(struct fc_arena *a, const char *name,
			      const char *data, size_t len)
{
	setenv("FACTCROSS_CACHE", "off", 1);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_ynode *root = NULL;
	assert_int_equal(fc_yaml_load(a, name, data, len, &root, &d), FC_OK);
	assert_int_equal(d.n, 0);
	fc_diags_finish(&d);
	setenv("FACTCROSS_CACHE", cachedir, 1);
	return root;
}

/* Encode root, decode it under another name: the same tree. */
static void round_trip(const struct fc_ynode *root, bool is_skipped)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_true(fc_ytree_encode(&b, root, is_skipped));
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_ynode *t = NULL;
	bool sk = !is_skipped;
	/* the file's name as the caller gives it, kept as a pointer */
	assert_true(fc_ytree_decode(&a, root->loc.file, b.p, b.len, &t, &sk));
	assert_int_equal(sk, is_skipped);
	assert_ptr_equal(t->loc.file, root->loc.file);
	assert_same(root, t);
	fc_arena_finish(&a);
	fc_buf_finish(&b);
}

static void test_round_trip(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_ynode *r = parse(&a, "fix.yaml", FIXTURE, strlen(FIXTURE));
	size_t nraw = 0;
	assert_int_equal(count_nodes(r, &nraw), 34);
	assert_int_equal(nraw, 3); /* "a\tb..", 'it''s' and the pattern */
	const struct fc_ynode *q = fc_ymap_get(r, "quoted");
	assert_int_equal(q->val_col, 10);
	assert_string_equal(q->raw, "a\\tb \\\"c\\\"");
	assert_int_equal(fc_ymap_get(r, "literal")->val_line, 6);
	round_trip(r, false);
	round_trip(r, true);

	/* a real rule file, every node */
	char path[512];
	snprintf(path, sizeof(path), "%s/rules/normalizers/dates.yaml",
		 FC_SOURCE_ROOT);
	char *data;
	size_t len;
	assert_int_equal(fc_file_read(path, 1 << 24, &data, &len), FC_OK);
	struct fc_ynode *big = parse(&a, path, data, len);
	nraw = 0;
	assert_true(count_nodes(big, &nraw) > 1000);
	round_trip(big, false);
	free(data);
	fc_arena_finish(&a);
}

static void assert_keys_scalar(const struct fc_ynode *t)
{
	for (size_t i = 0; i < t->nkids; i++) {
		if (t->type == FC_Y_MAP && i % 2 == 0)
			assert_int_equal(t->kids[i]->type, FC_Y_SCALAR);
		assert_keys_scalar(t->kids[i]);
	}
	if (t->type == FC_Y_SCALAR)
		assert_int_equal(t->str[t->len], '\0');
}

/* Decoding p[0, n) fails and leaves the arena as it was. */
static void assert_refused(const void *p, size_t n)
{
	struct fc_arena a;
	fc_arena_init(&a);
	(void)fc_arena_alloc(&a, 8);
	size_t before = a.nbytes;
	struct fc_ynode *t = NULL;
	bool sk = false;
	assert_false(fc_ytree_decode(&a, "f", p, n, &t, &sk));
	assert_null(t);
	assert_int_equal(a.nbytes, before);
	fc_arena_finish(&a);
}

/* The record layout of ycache.c: 4 bytes then 8 uint32_t. */
#define REC 36
#define AT_NKIDS (4 + 6 * 4)
#define AT_LEN (4 + 5 * 4)

static void test_forged(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_ynode *r = parse(&a, "fix.yaml", FIXTURE, strlen(FIXTURE));
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_true(fc_ytree_encode(&b, r, false));
	uint8_t *p = (uint8_t *)b.p;
	size_t n = b.len;

	/* every truncation, and a byte too many */
	for (size_t k = 0; k < n; k++)
		assert_refused(p, k);
	uint8_t *more = malloc(n + 1);
	memcpy(more, p, n);
	more[n] = 0;
	assert_refused(more, n + 1);
	free(more);

	uint8_t *f = malloc(n);
	const size_t root = 16; /* after the magic and is_skipped */
	uint32_t v;
#define FORGE(off, val)                                                        \
	do {                                                                   \
		memcpy(f, p, n);                                               \
		v = (val);                                                     \
		memcpy(f + (off), &v, 4);                                      \
		assert_refused(f, n);                                          \
	} while (0)
	FORGE(root + AT_NKIDS, 0xFFFFFFFFu); /* more kids than bytes */
	FORGE(root + AT_NKIDS, 17);          /* a mapping of odd length */
	FORGE(root + AT_NKIDS, 2);           /* bytes left over */
	FORGE(root + AT_LEN, 5);             /* a value on a mapping */
	FORGE(root, 7);                      /* no such kind */
	FORGE(root, FC_Y_SCALAR | 'p' << 8); /* a scalar with kids */
	/* the first key ("kind"): its length past the end, and a kind
	** that makes a key a sequence */
	FORGE(root + REC + AT_LEN, 0x7FFFFFFFu);
	FORGE(root + REC, (uint32_t)FC_Y_SEQ); /* with a value */
	memcpy(f, p, n);
	f[8] = 2; /* is_skipped neither 0 nor 1 */
	assert_refused(f, n);
	memcpy(f, p, n);
	f[0] ^= 1; /* the magic */
	assert_refused(f, n);
#undef FORGE
	free(f);

	/* every byte changed to 0, 0xFF and one more: refused, or a tree
	** whose mapping keys are scalars (under ASan: no read past p) */
	uint8_t *g = malloc(n);
	size_t nok = 0;
	for (size_t k = 0; k < n; k++) {
		const uint8_t to[3] = {0, 0xFF, (uint8_t)(p[k] + 1)};
		for (int j = 0; j < 3; j++) {
			memcpy(g, p, n);
			g[k] = to[j];
			struct fc_arena ga;
			fc_arena_init(&ga);
			struct fc_ynode *t = NULL;
			bool sk;
			if (fc_ytree_decode(&ga, "g", g, n, &t, &sk)) {
				nok++;
				assert_keys_scalar(t);
			}
			fc_arena_finish(&ga);
		}
	}
	assert_true(nok > 0); /* a changed letter of a value decodes */
	free(g);

	/* nested as deep as a parse allows (65 levels), and deeper */
	for (int levels = 65; levels <= 66; levels++) {
		struct fc_buf d;
		fc_buf_init(&d, 0);
		fc_buf_add(&d, "FCYTREE1", 8);
		fc_cache_put_u64(&d, 0);
		for (int i = 0; i < levels; i++) {
			uint8_t rec[REC] = {FC_Y_SEQ};
			uint32_t one = i < levels - 1, pos = (uint32_t)i + 1;
			memcpy(rec + 4, &pos, 4);
			memcpy(rec + 8, &pos, 4);
			memcpy(rec + AT_NKIDS, &one, 4);
			fc_buf_add(&d, rec, REC);
		}
		if (levels == 66) {
			assert_refused(d.p, d.len);
		} else {
			struct fc_ynode *t = NULL;
			bool sk = true;
			assert_true(fc_ytree_decode(&a, "deep", d.p, d.len, &t,
						    &sk));
			assert_false(sk);
			assert_int_equal(t->kids[0]->kids[0]->loc.line, 3);
		}
		fc_buf_finish(&d);
	}
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

/* A mapping {k: v} of plain key "k" and value scalar v, encoded. */
static void encode_kv(struct fc_buf *b, const struct fc_ynode *v)
{
	struct fc_ynode k = {.type = FC_Y_SCALAR, .str = "k", .len = 1,
			     .is_plain = true, .style = 'p',
			     .loc = {"t", 1, 1, 1}, .val_line = 1,
			     .val_col = 1};
	struct fc_ynode *kids[2] = {&k, (struct fc_ynode *)v};
	struct fc_ynode m = {.type = FC_Y_MAP, .kids = kids, .nkids = 2,
			     .loc = {"t", 1, 1, 1}};
	fc_buf_init(b, 0);
	assert_true(fc_ytree_encode(b, &m, false));
}

/* Text a parse never makes, which later code would trust: bytes that
** are not UTF-8 (the normalizer compiles scalars with
** PCRE2_NO_UTF_CHECK), a raw text whose escape runs past its end
** (fc_ynode_loc_at reads the escape's hex digits), a raw text on a
** plain scalar. Each refused; the same scalars made right, and a raw
** text cut inside a character as a parse makes it, decode. */
static void test_forged_text(void **state)
{
	(void)state;
	struct fc_ynode v = {.type = FC_Y_SCALAR, .style = '"',
			     .loc = {"t", 1, 4, 1}, .val_line = 1,
			     .val_col = 5};
	struct fc_buf b;
	static const struct {
		const char *str, *raw;
		char style;
		bool is_ok;
	} cases[] = {
		{"a\xff" "b", NULL, '"', false},       /* not UTF-8 */
		{"\xed\xa0\x80", NULL, '"', false}, /* a surrogate */
		{"\xc0\xaf", NULL, '\'', false},    /* overlong */
		{"\xc3\xa9", NULL, '"', true},       /* e acute */
		{"A", "\\U", '"', false},           /* \U without digits */
		{"A", "\\x4", '"', false},          /* one digit of two */
		{"A", "\\x41", '"', true},
		/* a raw text cut inside a character: ynode.c cuts at libyaml's
		** character indexes, so a parse makes these */
		{"\xe2\x80\x9c", "\xe2", '"', true},
		{"A", "A", 'p', false},              /* raw on a plain one */
		{"a'b", "a''b", '\'', true},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		v.str = cases[i].str;
		v.len = strlen(cases[i].str);
		v.style = cases[i].style;
		v.is_plain = v.style == 'p';
		v.raw = cases[i].raw;
		v.raw_len = v.raw ? strlen(v.raw) : 0;
		encode_kv(&b, &v);
		if (cases[i].is_ok) {
			struct fc_arena a;
			fc_arena_init(&a);
			struct fc_ynode *t = NULL;
			bool sk;
			assert_true(fc_ytree_decode(&a, "t", b.p, b.len, &t,
						    &sk));
			assert_int_equal(t->kids[1]->len, v.len);
			fc_arena_finish(&a);
		} else {
			assert_refused(b.p, b.len);
		}
		fc_buf_finish(&b);
	}
}

/* The value text[0, n) in a {k: v}: decoded byte for byte (its NUL
** after) when is_ok, else refused. */
static void check_value(const char *text, size_t n, bool is_ok)
{
	struct fc_ynode v = {.type = FC_Y_SCALAR, .style = '"', .str = text,
			     .len = n, .loc = {"t", 1, 4, 1}, .val_line = 1,
			     .val_col = 5};
	struct fc_buf b;
	encode_kv(&b, &v);
	if (!is_ok) {
		assert_refused(b.p, b.len);
		fc_buf_finish(&b);
		return;
	}
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_ynode *t = NULL;
	bool sk;
	assert_true(fc_ytree_decode(&a, "t", b.p, b.len, &t, &sk));
	assert_int_equal(t->kids[1]->len, n);
	assert_memory_equal(t->kids[1]->str, text, n + 1);
	fc_arena_finish(&a);
	fc_buf_finish(&b);
}

/* Values of every length up to 40: all ASCII, with an "é" at each
** place, with a byte that is not UTF-8 at each place (in a word, in
** the tail that overlaps, among a short value's bytes). */
static void test_values_of_every_length(void **state)
{
	(void)state;
	char text[48];
	for (size_t n = 0; n <= 40; n++) {
		for (size_t i = 0; i < n; i++)
			text[i] = (char)('a' + i % 26);
		text[n] = '\0';
		check_value(text, n, true);
		for (size_t at = 0; at + 2 <= n; at++) {
			char c[2] = {text[at], text[at + 1]};
			memcpy(text + at, "\xc3\xa9", 2);
			check_value(text, n, true);
			text[at] = (char)0xff;
			check_value(text, n, false);
			memcpy(text + at, c, 2);
		}
		if (n) {
			text[n - 1] = (char)0xff;
			check_value(text, n, false);
		}
	}
}

/* ---- through fc_yaml_load ------------------------------------------------- */

/* The cache's "ytree-" files: how many, and the name of one. */
static size_t ytree_files(char *name, size_t cap)
{
	DIR *dd = opendir(cachedir);
	if (!dd)
		return 0;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dd)))
		if (!strncmp(de->d_name, "ytree-", 6)) {
			n++;
			if (name)
				snprintf(name, cap, "%s", de->d_name);
		}
	closedir(dd);
	return n;
}

/* A rule file of n lines with value val on the first: over the size
** below which files are not kept. */
static char *big_yaml(const char *val, size_t *len)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_printf(&b, "kind: lexicon\nfirst: %s\nwords:\n", val);
	for (int i = 0; i < 100; i++)
		fc_buf_printf(&b, "  - {w: 'word%d', n: \"x\\ty\"}\n", i);
	return fc_buf_steal(&b, len);
}

static struct fc_ynode *load(struct fc_arena *a, const char *data, size_t len,
			     struct fc_diags *d)
{
	struct fc_ynode *root = NULL;
	fc_status st = fc_yaml_load(a, "big.yaml", data, len, &root, d);
	return st ? NULL : root;
}

static void test_load_hits_and_misses(void **state)
{
	(void)state;
	fc_test_rmtree(cachedir);
	size_t len;
	char *data = big_yaml("one", &len);
	assert_true(len > 1024);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_diags d;
	fc_diags_init(&d);

	struct fc_ynode *r1 = load(&a, data, len, &d);
	assert_non_null(r1);
	char name[256];
	assert_int_equal(ytree_files(name, sizeof(name)), 1);
	struct fc_ynode *want = parse(&a, "big.yaml", data, len);
	assert_same(r1, want);

	/* a hit: put another tree in the file under its key, and the
	** load returns that tree (the key is in the name) */
	uint64_t key[2];
	assert_int_equal(sscanf(name, "ytree-%16" SCNx64 "%16" SCNx64,
				&key[0], &key[1]),
			 2);
	struct fc_ynode *other = parse(&a, "big.yaml", FIXTURE,
				       strlen(FIXTURE));
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_true(fc_ytree_encode(&b, other, false));
	assert_true(fc_cache_write(cachedir, name, key, b.p, b.len));
	fc_buf_finish(&b);
	struct fc_ynode *r2 = load(&a, data, len, &d);
	assert_same(r2, other);

	/* the same file read by fc_yaml_load_skip: another key, its own
	** file, and the skipped value as a parse leaves it */
	bool is_skipped = false;
	struct fc_ynode *r3 = NULL;
	for (int i = 0; i < 2; i++) {
		assert_int_equal(fc_yaml_load_skip(&a, "big.yaml", data, len,
						   "words", &r3, &is_skipped,
						   &d),
				 FC_OK);
		assert_true(is_skipped);
		assert_int_equal(fc_ymap_get(r3, "words")->nkids, 0);
		assert_int_equal(fc_ymap_get(r3, "words")->loc.line, 4);
		assert_int_equal(ytree_files(NULL, 0), 2);
	}

	/* an edited file misses: the new value, a file of its own */
	data[len - 4] = 'z';
	struct fc_ynode *r4 = load(&a, data, len, &d);
	const struct fc_ynode *w = fc_ymap_get(r4, "words");
	assert_string_equal(w->kids[99]->kids[3]->raw, "x\\tz");
	assert_int_equal(ytree_files(NULL, 0), 3);
	assert_int_equal(d.n, 0);

	fc_diags_finish(&d);
	fc_arena_finish(&a);
	free(data);
}

static void test_broken_and_damaged(void **state)
{
	(void)state;
	fc_test_rmtree(cachedir);
	struct fc_arena a;
	fc_arena_init(&a);

	/* a repeated key: said at its place each time, never kept */
	size_t len;
	char *bad = big_yaml("one\nfirst: two", &len);
	for (int i = 0; i < 2; i++) {
		struct fc_diags d;
		fc_diags_init(&d);
		assert_null(load(&a, bad, len, &d));
		assert_int_equal(d.n, 1);
		fc_assert_diag(&d, 0, "big.yaml", 3, 1,
			       "duplicate key 'first' (first at line 2)");
		fc_diags_finish(&d);
		assert_int_equal(ytree_files(NULL, 0), 0);
	}
	free(bad);

	/* a damaged cache file: parsed again, the same tree, rewritten */
	char *data = big_yaml("one", &len);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_ynode *want = load(&a, data, len, &d);
	char name[256], path[700];
	assert_int_equal(ytree_files(name, sizeof(name)), 1);
	snprintf(path, sizeof(path), "%s/%s", cachedir, name);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	FILE *fp = fopen(path, "r+b");
	assert_non_null(fp);
	fseek(fp, -10, SEEK_END);
	fputc('#', fp);
	fclose(fp);
	assert_same(load(&a, data, len, &d), want);
	assert_int_equal(truncate(path, st.st_size / 2), 0);
	assert_same(load(&a, data, len, &d), want);
	struct stat st2;
	assert_int_equal(stat(path, &st2), 0);
	assert_int_equal(st2.st_size, st.st_size);
	assert_int_equal(d.n, 0);

	/* the cache off: nothing written */
	fc_test_rmtree(cachedir);
	setenv("FACTCROSS_CACHE", "off", 1);
	assert_same(load(&a, data, len, &d), want);
	assert_int_equal(ytree_files(NULL, 0), 0);
	setenv("FACTCROSS_CACHE", cachedir, 1);

	fc_diags_finish(&d);
	fc_arena_finish(&a);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_forged),
		cmocka_unit_test(test_forged_text),
		cmocka_unit_test(test_values_of_every_length),
		cmocka_unit_test(test_load_hits_and_misses),
		cmocka_unit_test(test_broken_and_damaged),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
