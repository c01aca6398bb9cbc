/*
** test_cache.c: claim regexes in the persistent cache (jit.c,
** core/cache.c), with real files in a scratch folder named by
** FACTCROSS_CACHE. A cold load compiles every regex and writes the file,
** a warm one takes every regex from it (the counters of struct
** fc_claims, not timing); the facts are those of a load without the
** cache. A damaged file, a forged code size under a good checksum and a
** changed pattern are misses that compile, with the same facts.
*/
#include <sys/stat.h>
#include <unistd.h>

#include "claims_test.h"
#include "claims/claims_p.h"
#include "core/cache_p.h"

static char tmpdir[256], cachedir[300], rulepath[300];

static int setup(void **state)
{
	(void)state;
	if (fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-claims-cache"))
		return -1;
	snprintf(cachedir, sizeof(cachedir), "%s/cache", tmpdir);
	snprintf(rulepath, sizeof(rulepath), "%s/rules.yaml", tmpdir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unsetenv("FACTCROSS_CACHE");
	return fc_test_rmtree(tmpdir);
}

#define RULES(verbs)                                                        \
	"kind: claims\n"                                                    \
	"placeholders:\n"                                                   \
	"  TALK: '(?:" verbs ")'\n"                                         \
	"claims:\n"                                                         \
	"  - id: c\n"                                                       \
	"    fact: call\n"                                                  \
	"    requires: '(?i)with'\n"                                        \
	"    pattern: '(?i)(?<a>{ACTORS}) {TALK} with (?<b>{ACTORS})'\n"    \
	"    slots: {participants: {group: [a, b]}, date: sentence}\n"

/* The rules of yaml, always from the same file (one cache name). */
static struct fc_rules *load(const char *yaml)
{
	FILE *f = fopen(rulepath, "w");
	assert_non_null(f);
	fputs(yaml, f);
	fclose(f);
	const char *paths[] = {rulepath, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(rules_load_files(paths, &r, &d), FC_OK);
	assert_int_equal(d.n, 0);
	fc_diags_finish(&d);
	return r;
}

static char *facts_of(const struct fc_rules *r)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Putin spoke with Macron on Friday.\n"
		  "Pezeshkian talked with Putin.\n"
		  "Macron chatted with Pezeshkian.",
		  "2026-01-16");
	tdoc_time(&t, "Friday", 0, "2026-01-16");
	tdoc_tag_entities(&t);
	fc_mentions_finish(t.doc);
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(tdoc_run(&t, r, &d), FC_OK);
	assert_int_equal(d.n, 0);
	char *s = facts_render(&t);
	fc_diags_finish(&d);
	tdoc_free(&t);
	return s;
}

/* The one claims-*.fcc file of the cache folder into path; 1 if there
** is one, 0 if none. */
static int claims_file(char *path, size_t cap)
{
	DIR *dd = opendir(cachedir);
	if (!dd)
		return 0;
	int n = 0;
	struct dirent *de;
	while ((de = readdir(dd)))
		if (!strncmp(de->d_name, "claims-", 7)) {
			snprintf(path, cap, "%s/%s", cachedir, de->d_name);
			n++;
		}
	closedir(dd);
	return n;
}

/* Expect a load's counters. */
static void expect_counts(const struct fc_rules *r, size_t hits,
			  size_t misses, size_t writes)
{
	if (r->claims->ncache_hits != hits ||
	    r->claims->ncache_misses != misses ||
	    r->claims->ncache_writes != writes)
		fprintf(stderr, "hits %zu misses %zu writes %zu\n",
			r->claims->ncache_hits, r->claims->ncache_misses,
			r->claims->ncache_writes);
	assert_int_equal(r->claims->ncache_hits, hits);
	assert_int_equal(r->claims->ncache_misses, misses);
	assert_int_equal(r->claims->ncache_writes, writes);
}

/* The facts without the cache; the cache folder emptied and named. */
static char *facts_uncached(const char *yaml)
{
	setenv("FACTCROSS_CACHE", "off", 1);
	struct fc_rules *r = load(yaml);
	expect_counts(r, 0, 0, 0);
	char *want = facts_of(r);
	rules_free(r);
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", cachedir);
	assert_int_equal(system(cmd), 0);
	setenv("FACTCROSS_CACHE", cachedir, 1);
	return want;
}

/* Regexes compiled per load of RULES: the schema file's, the
** placeholder's check, the `requires:` and the pattern. */
static size_t nregex(void)
{
	setenv("FACTCROSS_CACHE", cachedir, 1);
	struct fc_rules *r = load(RULES("spoke|talked"));
	size_t n = r->claims->ncache_hits + r->claims->ncache_misses;
	rules_free(r);
	return n;
}

static void test_cold_writes_warm_reads(void **state)
{
	(void)state;
	char *want = facts_uncached(RULES("spoke|talked"));
	assert_string_equal(want,
		"call participants=[person:vladimir-putin,"
		"person:emmanuel-macron] date=2026-01-16 "
		"@Putin spoke with Macron\n"
		"call participants=[person:masoud-pezeshkian,"
		"person:vladimir-putin] @Pezeshkian talked with Putin\n");
	char path[1024];
	assert_int_equal(claims_file(path, sizeof(path)), 0);

	struct fc_rules *r = load(RULES("spoke|talked"));
	size_t n = r->claims->ncache_misses;
	assert_true(n >= 3); /* at least placeholder, requires, pattern */
	expect_counts(r, 0, n, 1);
	char *got = facts_of(r);
	assert_string_equal(got, want);
	free(got);
	rules_free(r);
	assert_int_equal(claims_file(path, sizeof(path)), 1);
	struct stat st0;
	assert_int_equal(stat(path, &st0), 0);

	/* warm: every regex from the file, nothing compiled or written */
	r = load(RULES("spoke|talked"));
	expect_counts(r, n, 0, 0);
	got = facts_of(r);
	assert_string_equal(got, want);
	free(got);
	rules_free(r);
	struct stat st1;
	assert_int_equal(stat(path, &st1), 0);
	assert_int_equal(st0.st_ino, st1.st_ino); /* not rewritten */
	free(want);
}

/* Flip byte `at` (from the end when negative) of the file; or cut it to
** `at` bytes when is_cut. */
static void damage(const char *path, long at, bool is_cut)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	if (at < 0)
		at += st.st_size;
	if (is_cut) {
		assert_int_equal(truncate(path, at), 0);
		return;
	}
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, at, SEEK_SET);
	int c = fgetc(f);
	fseek(f, at, SEEK_SET);
	fputc(c ^ 0x40, f);
	fclose(f);
}

static void test_damaged_file_compiles(void **state)
{
	(void)state;
	char *want = facts_uncached(RULES("spoke|talked"));
	size_t n = nregex();
	char path[1024];
	assert_int_equal(claims_file(path, sizeof(path)), 1);
	/* a byte of a text, of the serialized codes, of the header's key;
	** the file cut in the codes, cut to 10 bytes */
	const struct {
		long at;
		bool is_cut;
	} cases[] = {{90, false}, {-100, false}, {20, false}, {-50, true},
		     {10, true}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		damage(path, cases[i].at, cases[i].is_cut);
		struct fc_rules *r = load(RULES("spoke|talked"));
		expect_counts(r, 0, n, 1); /* compiled, the file mended */
		char *got = facts_of(r);
		assert_string_equal(got, want);
		free(got);
		rules_free(r);
		r = load(RULES("spoke|talked"));
		expect_counts(r, n, 0, 0);
		rules_free(r);
	}
	free(want);
}

/* The file's key, as jit.c makes it. */
static void claims_key(uint64_t key[2])
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_true(fc_cache_key_base(&b));
	fc_buf_adds(&b, "claims\n");
	fc_cache_put_u64(&b, PCRE2_UTF | PCRE2_DUPNAMES);
	fc_cache_hash(b.p, b.len, 0, key);
	fc_buf_finish(&b);
}

/* A payload under a good checksum whose first code's recorded size is
** off by delta: the sizes are checked before pcre2_serialize_decode. */
static void test_forged_size_compiles(void **state)
{
	(void)state;
	char *want = facts_uncached(RULES("spoke|talked"));
	size_t n = nregex();
	char path[1024];
	assert_int_equal(claims_file(path, sizeof(path)), 1);
	const char *name = strrchr(path, '/') + 1;
	uint64_t key[2];
	claims_key(key);
	size_t len = 0;
	uint8_t *p = fc_cache_read(cachedir, name, key, &len);
	assert_non_null(p);
	/* count, then the first regex: text length, text, code size,
	** serialized length, serialized code */
	uint64_t tl;
	memcpy(&tl, p + 8, 8);
	assert_true(16 + tl + 16 <= len);
	const int64_t deltas[] = {8, -8, (int64_t)1 << 40};
	for (size_t i = 0; i < 3; i++) {
		uint8_t *q = malloc(len);
		memcpy(q, p, len);
		uint64_t size;
		memcpy(&size, q + 16 + tl, 8);
		size += (uint64_t)deltas[i];
		memcpy(q + 16 + tl, &size, 8);
		assert_true(fc_cache_write(cachedir, name, key, q, len));
		free(q);
		struct fc_rules *r = load(RULES("spoke|talked"));
		expect_counts(r, 0, n, 1);
		char *got = facts_of(r);
		assert_string_equal(got, want);
		free(got);
		rules_free(r);
	}
	/* the serialized length beyond what the payload holds */
	for (size_t i = 0; i < 2; i++) {
		uint8_t *q = malloc(len);
		memcpy(q, p, len);
		uint64_t sl;
		memcpy(&sl, q + 16 + tl + 8, 8);
		sl = i ? UINT64_MAX : sl + 1;
		memcpy(q + 16 + tl + 8, &sl, 8);
		assert_true(fc_cache_write(cachedir, name, key, q, len));
		free(q);
		struct fc_rules *r = load(RULES("spoke|talked"));
		expect_counts(r, 0, n, 1);
		rules_free(r);
	}
	/* the text count beyond what the payload can hold */
	uint8_t *q = malloc(len);
	memcpy(q, p, len);
	uint64_t big = UINT64_MAX;
	memcpy(q, &big, 8);
	assert_true(fc_cache_write(cachedir, name, key, q, len));
	free(q);
	struct fc_rules *r = load(RULES("spoke|talked"));
	expect_counts(r, 0, n, 1);
	rules_free(r);
	free(p);
	free(want);
}

static void test_changed_pattern_is_a_miss(void **state)
{
	(void)state;
	char *want = facts_uncached(RULES("spoke|talked|chatted"));
	size_t n = nregex(); /* the file of the old rules */
	/* the placeholder changed: its check and the pattern compile, the
	** schema's regexes and the `requires:` come from the file */
	struct fc_rules *r = load(RULES("spoke|talked|chatted"));
	expect_counts(r, n - 2, 2, 1);
	char *got = facts_of(r);
	assert_string_equal(got, want);
	assert_non_null(strstr(got, "@Macron chatted with Pezeshkian"));
	free(got);
	rules_free(r);
	r = load(RULES("spoke|talked|chatted"));
	expect_counts(r, n, 0, 0);
	rules_free(r);
	/* back: the old texts are gone from the file (only what a load
	** uses is kept) */
	r = load(RULES("spoke|talked"));
	expect_counts(r, n - 2, 2, 1);
	rules_free(r);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cold_writes_warm_reads),
		cmocka_unit_test(test_damaged_file_compiles),
		cmocka_unit_test(test_forged_size_compiles),
		cmocka_unit_test(test_changed_pattern_is_a_miss),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
