/*
** test_norm_cache.c: the cache of compiled patterns (core/cache.c,
** norm_cache_norm.c), with real files in a scratch folder named by
** FACTCROSS_CACHE and the real built-in rules. The mentions of the seed
** corpus's articles are those of a run without the cache, cold (the
** file is written) and warm (the file is read: it keeps its inode, not
** rewritten, and its time is set, as only a hit does), on one thread and
** two; a damaged file of every kind is a miss that gives the same
** mentions and is rewritten; a rule changed by one character, or a
** table key, a macro's text or a case mode changed alone, is a miss; a
** cache folder that is a file, or the cache off, changes nothing; the
** folder keeps at most FC_CACHE_KEEP files of one kind.
*/
#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fc_test.h"
#include "extract/norm_cache_p.h"
#include "extract/norm_trie_p.h"

#define CORPUS FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16"

struct fixture {
	char dir[128];   /* scratch */
	char cache[160]; /* dir/cache: FACTCROSS_CACHE */
	char *text;      /* the corpus's articles */
	char *want;      /* their mentions, without the cache */
};

static struct fixture fx;

/* The corpus's articles, one after the other (malloc). */
static char *corpus_text(void)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	DIR *dd = opendir(CORPUS);
	assert_non_null(dd);
	struct dirent *de;
	char *names[64];
	size_t n = 0;
	while ((de = readdir(dd)) && n < 64) {
		size_t k = strlen(de->d_name);
		if (k > 4 && !strcmp(de->d_name + k - 4, ".txt"))
			names[n++] = strdup(de->d_name);
	}
	closedir(dd);
	assert_true(n >= 3);
	for (size_t i = 0; i < n; i++) /* readdir's order is no order */
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char *t = names[i];
				names[i] = names[j], names[j] = t;
			}
	for (size_t i = 0; i < n; i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", CORPUS, names[i]);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		char buf[4096];
		size_t k;
		while ((k = fread(buf, 1, sizeof(buf), f)))
			fc_buf_add(&b, buf, k);
		fclose(f);
		fc_buf_adds(&b, "\n\n");
		free(names[i]);
	}
	fc_buf_adds(&b, "The zorkday came, then a zorkdax.\n");
	size_t len;
	return fc_buf_steal(&b, &len);
}

/* The mentions of text under r, one line each (malloc). */
static char *mentions(const struct fc_rules *r, const char *text)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = fc_arena_strdup(&a, text);
	doc.text_len = strlen(text);
	doc.published = "2026-01-16";
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(r, &a, &doc, &d), FC_OK);
	fc_mentions_finish(&doc);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < doc.nmentions; i++) {
		const struct fc_mention *m = &doc.mentions[i];
		fc_buf_printf(&b, "%u %u %d %s %s %d %d %.17g %.17g %.17g %s\n",
			      m->start, m->end, (int)m->kind,
			      m->rule ? m->rule : "-", m->time.value,
			      (int)m->time.grain, (int)m->time.type,
			      m->quantity.value, m->quantity.lo,
			      m->quantity.hi,
			      m->quantity.unit ? m->quantity.unit : "-");
	}
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	size_t len;
	char *s = fc_buf_steal(&b, &len);
	assert_non_null(s);
	return s;
}

/* The mentions of the corpus with the built-in rules and rules (NULL:
** none), FACTCROSS_CACHE as it is. */
static char *run(const char *rules)
{
	struct fc_rules *r = fc_test_load_rules(rules, 1);
	char *s = mentions(r, fx.text);
	fc_rules_destroy(r);
	return s;
}

/* The cache files of a kind ("norm-": the compiled patterns, "scan-":
** the scan's start tables) in dir: how many there are, the path of one
** in path. */
static size_t kind_files(const char *dir, const char *kind, char *path,
			 size_t cap)
{
	DIR *dd = opendir(dir);
	if (!dd)
		return 0;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dd)))
		if (!strncmp(de->d_name, kind, strlen(kind))) {
			snprintf(path, cap, "%s/%s", dir, de->d_name);
			n++;
		}
	closedir(dd);
	return n;
}

/* The patterns' file (kind_files). */
static size_t cache_files(const char *dir, char *path, size_t cap)
{
	return kind_files(dir, "norm-", path, cap);
}

static const char *const kinds[] = {"norm-", "scan-"};

static struct stat stat_of(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return st;
}

/* Set path's time to 1970 (a hit sets it to now). */
static void make_old(const char *path)
{
	struct timespec t[2] = {{1, 0}, {1, 0}};
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static int setup(void **state)
{
	(void)state;
	if (fc_test_mkdtemp(fx.dir, sizeof(fx.dir), "fc-cache"))
		return -1;
	snprintf(fx.cache, sizeof(fx.cache), "%s/cache", fx.dir);
	fx.text = corpus_text();
	setenv("FACTCROSS_CACHE", "off", 1);
	fx.want = run(NULL);
	setenv("FACTCROSS_CACHE", fx.cache, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(fx.text);
	free(fx.want);
	return fc_test_rmtree(fx.dir);
}

static void empty_cache(void)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx.cache);
	assert_int_equal(system(cmd), 0);
	setenv("FACTCROSS_CACHE", fx.cache, 1);
}

/* Cold, the file is written (0700 folder); warm, it is read and not
** written; the same mentions as without the cache; two threads and one. */
static void test_norm_cache_cold_then_warm(void **state)
{
	(void)state;
	const char *threads[] = {"2", "1"};
	for (size_t t = 0; t < 2; t++) {
		setenv("FACTCROSS_THREADS", threads[t], 1);
		empty_cache();
		char *cold = run(NULL);
		assert_string_equal(cold, fx.want);
		free(cold);
		assert_int_equal(stat_of(fx.cache).st_mode & 0777, 0700);
		char path[2][512];
		struct stat st0[2];
		for (size_t f = 0; f < 2; f++) {
			assert_int_equal(kind_files(fx.cache, kinds[f], path[f],
						    sizeof(path[f])),
					 1);
			st0[f] = stat_of(path[f]);
			assert_true(st0[f].st_size > 100000);
			make_old(path[f]);
		}
		for (size_t k = 0; k < 2; k++) {
			setenv("FACTCROSS_THREADS", threads[(t + k) % 2], 1);
			char *warm = run(NULL);
			assert_string_equal(warm, fx.want);
			free(warm);
			for (size_t f = 0; f < 2; f++) {
				struct stat st = stat_of(path[f]);
				assert_int_equal(st.st_ino, st0[f].st_ino);
				assert_int_equal(st.st_size, st0[f].st_size);
				assert_true(st.st_mtime > 1); /* read: a hit */
				make_old(path[f]);
			}
		}
		for (size_t f = 0; f < 2; f++)
			assert_int_equal(kind_files(fx.cache, kinds[f], path[f],
						    sizeof(path[f])),
					 1);
	}
	unsetenv("FACTCROSS_THREADS");
}

/* The patterns of a warm load are those of a cold one: codes of the
** same size and the same start strings. */
static void test_norm_cache_same_patterns(void **state)
{
	(void)state;
	empty_cache();
	struct fc_rules *r1 = fc_test_load_rules(NULL, 1);
	struct fc_rules *r2 = fc_test_load_rules(NULL, 1);
	const struct fc_norm *n1 = r1->norm, *n2 = r2->norm;
	assert_int_equal(n1->npatterns, n2->npatterns);
	assert_int_equal(n1->maxcap, n2->maxcap);
	size_t nanchored = 0;
	for (size_t i = 0; i < n1->npatterns; i++) {
		const struct norm_pattern *p1 = &n1->patterns[i];
		const struct norm_pattern *p2 = &n2->patterns[i];
		assert_int_equal(p1->code != NULL, p2->code != NULL);
		assert_memory_equal(p1->slot_group, p2->slot_group,
				    sizeof(p1->slot_group));
		assert_int_equal(p1->span_group, p2->span_group);
		const struct norm_first *f1 = &p1->first, *f2 = &p2->first;
		assert_int_equal(f1->is_ok, f2->is_ok);
		assert_int_equal(f1->is_bos, f2->is_bos);
		assert_int_equal(f1->nsets, f2->nsets);
		assert_int_equal(f1->nstrs, f2->nstrs);
		if (f1->nsets)
			assert_memory_equal(f1->sets, f2->sets,
					    f1->nsets * sizeof(*f1->sets));
		for (size_t k = 0; k < f1->nstrs; k++) {
			const struct norm_pstr *s1 = &f1->strs[k];
			const struct norm_pstr *s2 = &f2->strs[k];
			assert_memory_equal(s1->sym, s2->sym, NORM_PK);
			assert_int_equal(s1->len, s2->len);
			assert_int_equal(s1->flags, s2->flags);
			assert_int_equal(s1->x, s2->x);
			assert_int_equal(s1->loop, s2->loop);
		}
		if (p1->code) {
			size_t z1 = 0, z2 = 0;
			uint32_t o1 = 0, o2 = 0;
			pcre2_pattern_info(p1->code, PCRE2_INFO_SIZE, &z1);
			pcre2_pattern_info(p2->code, PCRE2_INFO_SIZE, &z2);
			pcre2_pattern_info(p1->code, PCRE2_INFO_ALLOPTIONS, &o1);
			pcre2_pattern_info(p2->code, PCRE2_INFO_ALLOPTIONS, &o2);
			assert_int_equal(z1, z2);
			assert_int_equal(o1, o2);
			nanchored += (o1 & PCRE2_ANCHORED) != 0;
		}
	}
	assert_true(nanchored > 100);
	/* and the same start tables */
	const struct norm_scan *t1 = n1->scan, *t2 = n2->scan;
	assert_int_equal(n1->lookbehind, n2->lookbehind);
	assert_int_equal(t1->nnodes, t2->nnodes);
	assert_int_equal(t1->npool, t2->npool);
	assert_int_equal(t1->ndisp, t2->ndisp);
	assert_int_equal(t1->ncls, t2->ncls);
	assert_memory_equal(t1->cls, t2->cls, sizeof(t1->cls));
	assert_memory_equal(t1->run_at, t2->run_at, sizeof(t1->run_at));
	assert_memory_equal(t1->any_at, t2->any_at, sizeof(t1->any_at));
	assert_memory_equal(t1->pool, t2->pool,
			    t1->npool * t1->nwords * sizeof(uint64_t));
	assert_memory_equal(t1->reach, t2->reach,
			    512 * t1->nwords * sizeof(uint64_t));
	for (size_t i = 0; i < t1->nnodes; i++) {
		assert_int_equal(t1->nodes[i].child, t2->nodes[i].child);
		assert_int_equal(t1->nodes[i].sibling, t2->nodes[i].sibling);
		assert_int_equal(t1->nodes[i].pats, t2->nodes[i].pats);
		assert_int_equal(t1->nodes[i].sym, t2->nodes[i].sym);
	}
	fc_rules_destroy(r1);
	fc_rules_destroy(r2);
}

enum damage {
	D_HALF, D_EMPTY, D_HEADER, D_FORMAT, D_KEY, D_LENGTH, D_PAYLOAD,
	D_LAST, D_GARBAGE, D_LONGER, NDAMAGE
};

/* Damage the cache file at path (size bytes) in way k. */
static void damage(const char *path, size_t size, enum damage k)
{
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	unsigned char *s = malloc(size + 16);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, size, f), size);
	fclose(f);
	size_t len = size;
	switch (k) {
	case D_HALF: len = size / 2; break;
	case D_EMPTY: len = 0; break;
	case D_HEADER: len = 20; break;
	case D_FORMAT: s[8] ^= 0x40; break;  /* format */
	case D_KEY: s[17] ^= 0x01; break;    /* key */
	case D_LENGTH: s[33] ^= 0x01; break; /* payload length */
	case D_PAYLOAD: s[size / 2] ^= 0x10; break;
	case D_LAST: s[size - 1] ^= 0x80; break;
	case D_GARBAGE:
		for (size_t i = 0; i < size; i++)
			s[i] = (unsigned char)(i * 131 + 7);
		break;
	case D_LONGER: memset(s + size, 0, 16), len = size + 16; break;
	default: break;
	}
	/* the damaged file replaces the good one: a new inode */
	char tmp[600];
	snprintf(tmp, sizeof(tmp), "%s.damaged", path);
	f = fopen(tmp, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, len, f), len);
	fclose(f);
	assert_int_equal(rename(tmp, path), 0);
	free(s);
}

/* Each damaged file of each kind: the same mentions, and the file
** rewritten (then read by the next run). */
static void test_norm_cache_damaged(void **state)
{
	(void)state;
	empty_cache();
	free(run(NULL));
	for (size_t f = 0; f < 2; f++) {
		char path[512];
		assert_int_equal(
			kind_files(fx.cache, kinds[f], path, sizeof(path)), 1);
		size_t size = (size_t)stat_of(path).st_size;
		for (int k = 0; k < NDAMAGE; k++) {
			damage(path, size, (enum damage)k);
			struct stat bad = stat_of(path);
			char *s = run(NULL);
			assert_string_equal(s, fx.want);
			free(s);
			struct stat st = stat_of(path);
			assert_int_not_equal(st.st_ino, bad.st_ino);
			assert_int_equal(st.st_size, size);
			make_old(path);
			s = run(NULL);
			assert_string_equal(s, fx.want);
			free(s);
			struct stat hit = stat_of(path);
			assert_int_equal(hit.st_ino, st.st_ino);
			assert_true(hit.st_mtime > 1);
			assert_int_equal(kind_files(fx.cache, kinds[f], path,
						    sizeof(path)),
					 1);
		}
	}
}

/* The cache file's name is a folder: nothing to read or write there,
** the same mentions. */
static void test_norm_cache_file_is_folder(void **state)
{
	(void)state;
	empty_cache();
	free(run(NULL));
	char path[512];
	assert_int_equal(cache_files(fx.cache, path, sizeof(path)), 1);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	char inner[600];
	snprintf(inner, sizeof(inner), "%s/x", path);
	assert_int_equal(mkdir(inner, 0700), 0);
	char *s = run(NULL);
	assert_string_equal(s, fx.want);
	free(s);
	assert_true(S_ISDIR(stat_of(path).st_mode));
}

/* The cache file's name is a FIFO: not opened for a read that would wait
** for a writer; the same mentions, and the file written over it. */
static void test_norm_cache_file_is_fifo(void **state)
{
	(void)state;
	empty_cache();
	free(run(NULL));
	char path[512];
	assert_int_equal(cache_files(fx.cache, path, sizeof(path)), 1);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkfifo(path, 0600), 0);
	char *s = run(NULL);
	assert_string_equal(s, fx.want);
	free(s);
	assert_true(S_ISREG(stat_of(path).st_mode));
}

/* FACTCROSS_CACHE names a file, a folder others may write into, or
** "off" (with HOME and XDG_CACHE_HOME in the scratch folder): the same
** mentions, nothing written. */
static void test_norm_cache_unusable_or_off(void **state)
{
	(void)state;
	char file[256];
	snprintf(file, sizeof(file), "%s/plain", fx.dir);
	FILE *f = fopen(file, "wb");
	assert_non_null(f);
	fputs("not a folder\n", f);
	fclose(f);
	setenv("FACTCROSS_CACHE", file, 1);
	char *s = run(NULL);
	assert_string_equal(s, fx.want);
	free(s);
	assert_int_equal(stat_of(file).st_size, 13);

	char open_dir[256], path[512];
	snprintf(open_dir, sizeof(open_dir), "%s/open", fx.dir);
	assert_int_equal(mkdir(open_dir, 0700), 0);
	assert_int_equal(chmod(open_dir, 0777), 0);
	setenv("FACTCROSS_CACHE", open_dir, 1);
	s = run(NULL);
	assert_string_equal(s, fx.want);
	free(s);
	assert_int_equal(cache_files(open_dir, path, sizeof(path)), 0);

	char home[256], xdg[256];
	snprintf(home, sizeof(home), "%s/home", fx.dir);
	snprintf(xdg, sizeof(xdg), "%s/xdg", fx.dir);
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", home, 1);
	setenv("XDG_CACHE_HOME", xdg, 1);
	setenv("FACTCROSS_CACHE", "off", 1);
	s = run(NULL);
	assert_string_equal(s, fx.want);
	free(s);
	assert_int_not_equal(access(home, F_OK), 0);
	assert_int_not_equal(access(xdg, F_OK), 0);
	/* unset: $XDG_CACHE_HOME/factcross, made 0700 */
	unsetenv("FACTCROSS_CACHE");
	free(run(NULL));
	char xf[300];
	snprintf(xf, sizeof(xf), "%s/factcross", xdg);
	assert_int_equal(cache_files(xf, path, sizeof(path)), 1);
	assert_int_equal(stat_of(xf).st_mode & 0777, 0700);
	/* and without it, $HOME/.cache/factcross, made only when $HOME is
	** there (a cache does not make a home) */
	unsetenv("XDG_CACHE_HOME");
	char *s2 = run(NULL);
	assert_string_equal(s2, fx.want);
	free(s2);
	assert_int_not_equal(access(home, F_OK), 0);
	assert_int_equal(mkdir(home, 0700), 0);
	free(run(NULL));
	snprintf(xf, sizeof(xf), "%s/.cache/factcross", home);
	assert_int_equal(cache_files(xf, path, sizeof(path)), 1);
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_home);
	setenv("FACTCROSS_CACHE", fx.cache, 1);
}

/* dir/zork.yaml, opened to write. */
static FILE *open_zork(const char *dir)
{
	char path[300];
	snprintf(path, sizeof(path), "%s/zork.yaml", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	return f;
}

/* The first mention of t.zork in s (a run's mentions) is at want. */
static void assert_zork_at(const char *s, const char *want)
{
	const char *z = strstr(s, "t.zork");
	assert_non_null(z);
	while (z > s && z[-1] != '\n')
		z--;
	unsigned at = 0;
	assert_int_equal(sscanf(z, "%u", &at), 1);
	assert_int_equal(strncmp(fx.text + at, want, strlen(want)), 0);
}

/* A rule file in dir: one pattern matching word, anchored on the word
** anchor when not NULL. */
static void write_rule(const char *dir, const char *word, const char *anchor)
{
	FILE *f = open_zork(dir);
	fprintf(f, "kind: normalizer\n"
		   "patterns:\n"
		   "  - id: t.zork\n"
		   "    match: '\\b%s\\b'\n"
		   "    production: literal\n"
		   "    set: {value: PRESENT_REF}\n",
		word);
	if (anchor)
		fprintf(f, "    anchor: [%s]\n", anchor);
	fclose(f);
}

/* One character of one pattern changed: a miss (the suite's file
** rewritten), and the new pattern runs. */
static void test_norm_cache_changed_rule(void **state)
{
	(void)state;
	empty_cache();
	char rules[256];
	snprintf(rules, sizeof(rules), "%s/rules", fx.dir);
	assert_int_equal(mkdir(rules, 0700), 0);
	write_rule(rules, "zorkday", NULL);
	char *s1 = run(rules);
	assert_non_null(strstr(s1, "t.zork PRESENT_REF"));
	char path[512];
	assert_int_equal(cache_files(fx.cache, path, sizeof(path)), 1);
	struct stat st1 = stat_of(path);
	make_old(path);
	char *s2 = run(rules);
	assert_string_equal(s2, s1);
	assert_int_equal(stat_of(path).st_ino, st1.st_ino); /* a hit */
	write_rule(rules, "zorkdax", NULL);
	char *s3 = run(rules);
	assert_int_equal(cache_files(fx.cache, path, sizeof(path)), 1);
	assert_int_not_equal(stat_of(path).st_ino, st1.st_ino); /* a miss */
	/* the mention moved from "zorkday" to "zorkdax" */
	assert_zork_at(s1, "zorkday");
	assert_zork_at(s3, "zorkdax");
	/* an anchor word: the same expansions (the patterns' file is
	** read), other triggers (the scan's is written again); the
	** mentions of a run without the cache */
	char scan[512];
	assert_int_equal(kind_files(fx.cache, "scan-", scan, sizeof(scan)), 1);
	struct stat pat3 = stat_of(path), scan3 = stat_of(scan);
	write_rule(rules, "zorkdax", "then");
	char *s4 = run(rules);
	assert_int_equal(stat_of(path).st_ino, pat3.st_ino);
	assert_int_not_equal(stat_of(scan).st_ino, scan3.st_ino);
	setenv("FACTCROSS_CACHE", "off", 1);
	char *s5 = run(rules);
	setenv("FACTCROSS_CACHE", fx.cache, 1);
	assert_string_equal(s4, s5);
	assert_non_null(strstr(s4, "t.zork PRESENT_REF"));
	free(s1);
	free(s2);
	free(s3);
	free(s4);
	free(s5);
}

/* dir/zork.yaml: one pattern of the table zork_word (its one key key)
** and the macro zork_tail (macro), case sensitive when case_mode is
** "sensitive". */
static void write_table_rule(const char *dir, const char *key,
			     const char *macro, const char *case_mode)
{
	FILE *f = open_zork(dir);
	fprintf(f, "kind: normalizer\n"
		   "macros:\n"
		   "  zork_tail: '%s'\n"
		   "tables:\n"
		   "  zork_word:\n"
		   "    %s: 1\n"
		   "patterns:\n"
		   "  - id: t.zork\n"
		   "    match: '\\b{zork_word}{zork_tail:}\\b'\n"
		   "    production: literal\n"
		   "    set: {value: PRESENT_REF}\n"
		   "    case: %s\n",
		macro, key, case_mode);
	fclose(f);
}

/* The key is made from what the expansions read, not from the
** expansions: a key of a table, the text of a macro, or a pattern's case
** mode, each changed alone, is a miss (the file rewritten), and the new
** expansion runs; the mentions are those of a run without the cache
** (none: steps[i][3] NULL). */
static void test_norm_cache_changed_table_macro(void **state)
{
	(void)state;
	empty_cache();
	char rules[256];
	snprintf(rules, sizeof(rules), "%s/rules-tm", fx.dir);
	assert_int_equal(mkdir(rules, 0700), 0);
	const char *steps[][4] = {
		{"zork", "day", "insensitive", "zorkday"},
		{"zork", "day", "insensitive", "zorkday"}, /* a hit */
		{"zork", "dax", "insensitive", "zorkdax"}, /* the macro */
		{"zor", "kdax", "insensitive", "zorkdax"}, /* both */
		{"zorkd", "ay", "insensitive", "zorkday"}, /* both again */
		{"zork", "day|x", "insensitive", "zorkday"},
		{"zorkda", "day|x", "insensitive", "zorkdax"}, /* the table */
		{"ZORKDA", "day|x", "insensitive", "zorkdax"}, /* its key */
		{"ZORKDA", "day|x", "sensitive", NULL}, /* the case mode */
	};
	char path[512];
	ino_t last = 0;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		write_table_rule(rules, steps[i][0], steps[i][1],
				 steps[i][2]);
		char *s = run(rules);
		if (steps[i][3])
			assert_zork_at(s, steps[i][3]);
		else
			assert_null(strstr(s, "t.zork"));
		assert_int_equal(cache_files(fx.cache, path, sizeof(path)),
				 1);
		ino_t ino = stat_of(path).st_ino;
		if (i == 1)
			assert_int_equal(ino, last); /* a hit */
		else if (i)
			assert_int_not_equal(ino, last); /* a miss */
		last = ino;
		setenv("FACTCROSS_CACHE", "off", 1);
		char *cold = run(rules);
		setenv("FACTCROSS_CACHE", fx.cache, 1);
		assert_string_equal(s, cold);
		free(cold);
		free(s);
	}
	snprintf(path, sizeof(path), "%s/zork.yaml", rules);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(rules), 0);
}

/* The generic files: read back by key only; at most FC_CACHE_KEEP of
** one prefix, the least recently written go first. */
static void test_norm_cache_files(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof(dir), "%s/files", fx.dir);
	setenv("FACTCROSS_CACHE", dir, 1);
	char *d = fc_cache_dir();
	assert_non_null(d);
	assert_string_equal(d, dir);
	uint64_t key[2] = {1, 2}, other[2] = {1, 3};
	for (unsigned i = 0; i < FC_CACHE_KEEP + 3; i++) {
		char name[32];
		snprintf(name, sizeof(name), "test-%02u", i);
		assert_true(fc_cache_write(d, name, key, name, 8));
		char path[300];
		snprintf(path, sizeof(path), "%s/%s", d, name);
		struct timespec t[2] = {{1000 + i, 0}, {1000 + i, 0}};
		assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
	}
	assert_true(fc_cache_write(d, "other-x", key, "abc", 3));
	size_t len = 0;
	char *p = fc_cache_read(d, "test-10", key, &len);
	assert_non_null(p);
	assert_int_equal(len, 8);
	assert_memory_equal(p, "test-10", 8);
	free(p);
	assert_null(fc_cache_read(d, "test-10", other, &len));
	assert_null(fc_cache_read(d, "../files/test-10", key, &len));
	/* the writes made 11; each write keeps the 8 used last */
	for (unsigned i = 0; i < FC_CACHE_KEEP + 3; i++) {
		char path[300];
		snprintf(path, sizeof(path), "%s/test-%02u", d, i);
		assert_int_equal(access(path, F_OK) == 0, i >= 3);
	}
	char path[300];
	snprintf(path, sizeof(path), "%s/other-x", d);
	assert_int_equal(access(path, F_OK), 0);
	/* a crashed writer's temporary files: those an hour old or more go
	** at the next write of their prefix, newer ones stay */
	char old_tmp[300], new_tmp[300];
	snprintf(old_tmp, sizeof(old_tmp), "%s/.test-05.AbCdEf", d);
	snprintf(new_tmp, sizeof(new_tmp), "%s/.test-06.GhIjKl", d);
	for (int k = 0; k < 2; k++) {
		FILE *f = fopen(k ? new_tmp : old_tmp, "wb");
		assert_non_null(f);
		fclose(f);
	}
	make_old(old_tmp);
	assert_true(fc_cache_write(d, "test-10", key, "test-10", 8));
	assert_int_not_equal(access(old_tmp, F_OK), 0);
	assert_int_equal(access(new_tmp, F_OK), 0);
	/* a symbolic link as a file's name: not read through, and a write
	** replaces the link, not what it points to */
	char target[300], link[300];
	snprintf(target, sizeof(target), "%s/target", fx.dir);
	snprintf(link, sizeof(link), "%s/test-link", d);
	assert_true(fc_cache_write(d, "test-10", key, "test-10", 8));
	snprintf(path, sizeof(path), "%s/test-10", d);
	assert_int_equal(rename(path, target), 0);
	assert_int_equal(symlink(target, link), 0);
	assert_null(fc_cache_read(d, "test-link", key, &len));
	assert_true(fc_cache_write(d, "test-link", key, "link", 4));
	struct stat lst;
	assert_int_equal(lstat(link, &lst), 0);
	assert_true(S_ISREG(lst.st_mode));
	assert_int_equal(stat_of(target).st_size, 56 + 8); /* untouched */
	free(d);
	setenv("FACTCROSS_CACHE", fx.cache, 1);
}

/* The cache file at path, its payload changed by edit (ctx: for the
** scan's, the tables of a cold build), written back with its key and a right checksum, as
** only the user's own writes could: the decoder must still refuse what
** the scan cannot use. */
static void forge_file(const char *path, const void *ctx,
		       void (*edit)(uint8_t *p, size_t len, const void *ctx))
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t size = (size_t)stat_of(path).st_size;
	uint8_t *s = malloc(size);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, size, f), size);
	fclose(f);
	uint32_t hsize;
	uint64_t key[2], len;
	memcpy(&hsize, s + 12, 4);
	memcpy(key, s + 16, 16);
	memcpy(&len, s + 32, 8);
	assert_int_equal(hsize + len, size);
	edit(s + hsize, (size_t)len, ctx);
	const char *name = strrchr(path, '/') + 1;
	assert_true(fc_cache_write(fx.cache, name, key, s + hsize,
				     (size_t)len));
	free(s);
}

/* Where the scan's payload has its pool (norm_cache_scan_store). */
static size_t pool_at_of(const struct norm_scan *t)
{
	return 3 * 8 + 256 + 128 + 2 * 257 * 4 + 8 + t->nsets * 32 +
	       4096 * 4 + 8 + t->nnodes * sizeof(struct trie_node) + 8 +
	       t->nconds * sizeof(struct trie_cond) + 8;
}

/* The last bit of every bitset of the pool, then of bos: a pattern
** beyond the suite's. */
static void edit_pool_bits(uint8_t *p, size_t len, const void *ctx)
{
	const struct norm_scan *t = ctx;
	size_t at = pool_at_of(t), nw = t->nwords;
	assert_true(at + t->npool * nw * 8 <= len);
	for (size_t i = 0; i < t->npool; i++)
		p[at + (i * nw + nw - 1) * 8 + 7] |= 0x80;
}

static void edit_bos_bits(uint8_t *p, size_t len, const void *ctx)
{
	(void)ctx;
	p[len - 1] |= 0x80;
}

/* Where the scan's payload has its nodes and conditions. */
static size_t nodes_at_of(const struct norm_scan *t)
{
	return 3 * 8 + 256 + 128 + 2 * 257 * 4 + 8 + t->nsets * 32 +
	       4096 * 4 + 8;
}

/* In the n elements of elem bytes at p + at, from element i0 on: the
** uint32_t field at byte field of each, when 0 (a list's end), set to the
** element's own index: the list then does not end. */
static void loop_ends(uint8_t *p, size_t at, size_t n, size_t elem,
		      size_t field, uint32_t i0)
{
	for (uint32_t i = i0; i < n; i++) {
		uint8_t *f = p + at + i * elem + field;
		uint32_t v;
		memcpy(&v, f, 4);
		if (!v)
			memcpy(f, &i, 4);
	}
}

/* The last node of every sibling list its own sibling, the last
** condition of every list its own next. */
static void edit_sibling_loop(uint8_t *p, size_t len, const void *ctx)
{
	const struct norm_scan *t = ctx;
	size_t at = nodes_at_of(t);
	assert_true(at + t->nnodes * sizeof(struct trie_node) <= len);
	loop_ends(p, at, t->nnodes, sizeof(struct trie_node),
		  offsetof(struct trie_node, sibling), 3);
}

static void edit_cond_loop(uint8_t *p, size_t len, const void *ctx)
{
	const struct norm_scan *t = ctx;
	size_t at = nodes_at_of(t) + t->nnodes * sizeof(struct trie_node) + 8;
	assert_true(at + t->nconds * sizeof(struct trie_cond) <= len);
	loop_ends(p, at, t->nconds, sizeof(struct trie_cond),
		  offsetof(struct trie_cond, next), 1);
}

/* The empty list (offset 0, where a dispatch entry of no children
** points) made long. */
static void edit_list0(uint8_t *p, size_t len, const void *ctx)
{
	const struct norm_scan *t = ctx;
	size_t at = pool_at_of(t) + t->npool * t->nwords * 8 + 8 +
		    t->ndisp * 4 + 8;
	assert_true(at + 4 <= len);
	uint32_t zero, many = 1u << 30;
	memcpy(&zero, p + at, 4);
	assert_int_equal(zero, 0);
	memcpy(p + at, &many, 4);
}

/* A lookbehind of 2^40 bytes (the scan's second number): the stream
** would keep the whole text behind a stretch. It is recomputed from the
** patterns, and a file that says otherwise is refused. */
static void edit_lookbehind(uint8_t *p, size_t len, const void *ctx)
{
	(void)ctx;
	assert_true(len >= 16);
	uint64_t lb = (uint64_t)1 << 40;
	memcpy(p + 8, &lb, 8);
}

/* Forged scan files whose tables name patterns the suite has not, or
** whose lists do not end (the walk would follow them for ever), or
** whose lookbehind is not the patterns': a miss (the file rewritten), the mentions of a run without the cache. */
static void test_norm_cache_forged_scan(void **state)
{
	(void)state;
	void (*edits[])(uint8_t *, size_t, const void *) = {
		edit_pool_bits, edit_bos_bits, edit_sibling_loop,
		edit_cond_loop, edit_list0, edit_lookbehind};
	for (size_t e = 0; e < sizeof(edits) / sizeof(edits[0]); e++) {
		empty_cache();
		struct fc_rules *r = fc_test_load_rules(NULL, 1);
		const struct fc_norm *n = r->norm;
		assert_true(n->nwords * 64 > n->npatterns);
		char path[512];
		assert_int_equal(
			kind_files(fx.cache, "scan-", path, sizeof(path)), 1);
		forge_file(path, n->scan, edits[e]);
		fc_rules_destroy(r);
		struct stat forged = stat_of(path);
		char *s = run(NULL);
		assert_string_equal(s, fx.want);
		free(s);
		assert_int_not_equal(stat_of(path).st_ino, forged.st_ino);
	}
}

/* The offset of the serialized codes in the patterns' payload p[0, len),
** of the first start string of a pattern that has one (*str), of the
** code size recorded for the last pattern (*last), and of the table of
** the first capture of a reference (*cap). */
static size_t norm_ser_at(const uint8_t *p, size_t len, size_t *str,
			  size_t *last, size_t *cap)
{
	size_t cap0 = 0;
	uint64_t np;
	memcpy(&np, p, 8);
	size_t at = 8;
	*str = 0;
	for (uint64_t i = 0; i < np; i++) {
		uint32_t cnt[2];
		assert_true(at + 12 <= len);
		memcpy(cnt, p + at + 4, 8);
		at += 12 + (size_t)cnt[0] * 32;
		if (cnt[1] && !*str)
			*str = at;
		at += (size_t)cnt[1] * (NORM_PK + 5);
		*last = at;
		at += 8;
		/* the captures: count, then length, name and table each */
		assert_true(at < len);
		unsigned ncap = p[at++];
		for (unsigned k = 0; k < ncap; k++) {
			assert_true(at < len);
			at += 1 + (size_t)p[at] + 4;
			if (!cap0)
				cap0 = at - 4;
		}
	}
	if (cap)
		*cap = cap0;
	return at + 8; /* after the serialized codes' length */
}

/* A start string's first class beyond its pattern's classes. */
static void edit_str_class(uint8_t *p, size_t len, const void *ctx)
{
	(void)ctx;
	size_t str, last;
	norm_ser_at(p, len, &str, &last, NULL);
	assert_true(str > 0);
	p[str] = 0xFF;
}

/* The last code's block 8 bytes longer, in the serialized codes and in
** the size recorded, which then agree: it would run past the payload
** (pcre2_serialize_decode takes a block's size as it comes). */
static void edit_code_size(uint8_t *p, size_t len, const void *ctx)
{
	(void)ctx;
	size_t str, last, at = norm_ser_at(p, len, &str, &last, NULL) + 16 +
				   1088;
	const size_t bs_off = 5 * sizeof(void *) + 32;
	uint64_t np, bs = 0;
	memcpy(&np, p, 8);
	for (uint64_t i = 0; i < np; i++) {
		assert_true(at + bs_off + 8 <= len);
		memcpy(&bs, p + at + bs_off, 8);
		if (i + 1 < np)
			at += bs;
	}
	assert_int_equal(at + bs, len);
	uint64_t rec;
	memcpy(&rec, p + last, 8);
	assert_int_equal(rec, bs);
	bs += 8;
	memcpy(p + at + bs_off, &bs, 8);
	memcpy(p + last, &bs, 8);
}

/* A capture's table beyond the suite's tables. */
static void edit_cap_table(uint8_t *p, size_t len, const void *ctx)
{
	(void)ctx;
	size_t str, last, cap;
	norm_ser_at(p, len, &str, &last, &cap);
	assert_true(cap > 0);
	int32_t t = 1 << 20;
	memcpy(p + cap, &t, 4);
}

/* Forged files of the compiled patterns (key and checksum right): a
** class no pattern has, a code whose block runs past the payload, a
** capture of a table that is not there: a miss
** (the file rewritten), the mentions of a run without the cache. */
static void test_norm_cache_forged_norm(void **state)
{
	(void)state;
	void (*edits[])(uint8_t *, size_t, const void *) = {
		edit_str_class, edit_code_size, edit_cap_table};
	for (size_t e = 0; e < sizeof(edits) / sizeof(edits[0]); e++) {
		empty_cache();
		free(run(NULL));
		char path[512];
		assert_int_equal(cache_files(fx.cache, path, sizeof(path)), 1);
		forge_file(path, NULL, edits[e]);
		struct stat forged = stat_of(path);
		char *s = run(NULL);
		assert_string_equal(s, fx.want);
		free(s);
		assert_int_not_equal(stat_of(path).st_ino, forged.st_ino);
	}
}

/* The hash of the keys and checksums: known values (a change of them
** must change FC_CACHE_FORMAT), other seeds other values, and each bit
** of an input flipped changes about half the 128 bits, never few. */
static void test_norm_cache_hash(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		uint64_t seed, h[2];
	} kat[] = {
		{"", 0, {0x206C8922112726F7ull, 0xD4E792E1B616E60Full}},
		{"a", 0, {0x92BE8A72C1A9C0FDull, 0x6C30E87F772B1086ull}},
		{"abcdefgh", 0, {0x5CD2CEA86F44A77Dull, 0x6E0213B967F543F9ull}},
		{"abcdefghi", 0, {0x4E39E70C9B8857B7ull, 0x7DC88874A079FFFDull}},
		{"factcross cache\n", 0x5EEDC0DE5EEDC0DEull,
		 {0xF4B6110E8C51881Cull, 0x8449F92ABB18F5F9ull}},
		{"abcdefghijklmnopq", 0,
		 {0xF21C91404E444E09ull, 0x954D2ADD7C2D87E4ull}},
	};
	for (size_t i = 0; i < sizeof(kat) / sizeof(kat[0]); i++) {
		uint64_t h[2];
		fc_cache_hash(kat[i].s, strlen(kat[i].s), kat[i].seed, h);
		assert_int_equal(h[0], kat[i].h[0]);
		assert_int_equal(h[1], kat[i].h[1]);
	}
	unsigned char buf[37];
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7 + 1);
	uint64_t h0[2], hs[2];
	fc_cache_hash(buf, sizeof(buf), 0, h0);
	fc_cache_hash(buf, sizeof(buf), 1, hs);
	assert_true(h0[0] != hs[0] && h0[1] != hs[1]);
	unsigned total = 0;
	for (unsigned bit = 0; bit < 8 * sizeof(buf); bit++) {
		buf[bit / 8] ^= (unsigned char)(1u << (bit % 8));
		uint64_t h[2];
		fc_cache_hash(buf, sizeof(buf), 0, h);
		buf[bit / 8] ^= (unsigned char)(1u << (bit % 8));
		unsigned k = (unsigned)__builtin_popcountll(h[0] ^ h0[0]) +
			     (unsigned)__builtin_popcountll(h[1] ^ h0[1]);
		assert_true(k >= 40 && k <= 88);
		total += k;
	}
	/* 64 on average (64.08 measured) */
	assert_true(total >= 62 * 8 * sizeof(buf) &&
		    total <= 66 * 8 * sizeof(buf));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_cache_cold_then_warm),
		cmocka_unit_test(test_norm_cache_same_patterns),
		cmocka_unit_test(test_norm_cache_damaged),
		cmocka_unit_test(test_norm_cache_file_is_folder),
		cmocka_unit_test(test_norm_cache_file_is_fifo),
		cmocka_unit_test(test_norm_cache_unusable_or_off),
		cmocka_unit_test(test_norm_cache_changed_rule),
		cmocka_unit_test(test_norm_cache_changed_table_macro),
		cmocka_unit_test(test_norm_cache_files),
		cmocka_unit_test(test_norm_cache_hash),
		cmocka_unit_test(test_norm_cache_forged_scan),
		cmocka_unit_test(test_norm_cache_forged_norm),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
