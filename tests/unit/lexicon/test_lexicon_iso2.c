/*
** test_lexicon_iso2.c: ISO 3166-2 subdivisions (lexicon_iso2.c) from a
** lexicon file's `subdivisions:` on the real iso-codes lists, and on
** broken copies in a temporary folder: places with the country of their
** code, the lexicon's own names first, skip by name, code and first
** word, a name two countries share, and positioned errors (a missing
** list, a malformed entry, a bad option). Then the records kept in the
** rules cache: read again, missed when the options or the list change,
** made again when the file is damaged or not one the loader writes.
*/
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache_p.h"

#include "lx_test.h"

/* The place entity of id, or NULL. */
static const struct lx_ent *ent(const struct fc_rules *r, const char *id)
{
	uint32_t e = lx_ent_find(r->lexicon, id);
	return e == FC_NONE ? NULL : &r->lexicon->ents[e];
}

static void test_places_get_the_country_of_their_code(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "places:\n"
		 "  - {id: bavaria, name: Bavaria, aliases: [Bayern], "
		 "country: DE}\n"
		 "cities:\n"
		 "  - {id: lagos, name: Lagos, country: NG}\n"
		 "subdivisions:\n"
		 "  types: [State, Province, Land]\n"
		 "  skip: [Texas, US-OH, Santa *]\n"
		 "  suffixes: [\" Sheng\"]\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, FC_ISO_CODES_PATH, &d);
	assert_int_equal(d.nerr, 0);
	const struct lx_ent *e = ent(r, "name:kerala");
	assert_non_null(e);
	assert_string_equal(e->e.country, "IN");
	assert_int_equal(e->e.type, FC_ENT_OTHER);
	/* "Gujarāt": the id of the folded name, ISO's label */
	e = ent(r, "name:gujarat");
	assert_non_null(e);
	assert_string_equal(e->e.label, "Gujarāt");
	assert_string_equal(ent(r, "name:sichuan")->e.country, "CN");
	/* Punjab: a state of IN and a province of PK */
	e = ent(r, "name:punjab");
	assert_non_null(e);
	assert_null(e->e.country);
	assert_int_equal(e->country, FC_NONE);
	/* skipped by name, by code, by first word; the lexicon's Bayern */
	assert_null(ent(r, "name:texas"));
	assert_null(ent(r, "name:ohio"));
	assert_null(ent(r, "name:santa-cruz"));
	assert_null(ent(r, "name:bayern"));
	assert_string_equal(ent(r, "name:bavaria")->e.country, "DE");
	/* Georgia (US-GA) is the country's name (ISO 3166-1); Lagos
	** (NG-LA) the lexicon's city */
	assert_null(ent(r, "name:georgia"));
	assert_null(ent(r, "name:lagos"));
	assert_non_null(ent(r, "city:lagos"));
	/* a type not asked for: Japan's prefectures */
	assert_null(ent(r, "name:nagano"));
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_no_subdivisions_without_the_option(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml", "kind: lexicon\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, FC_ISO_CODES_PATH, &d);
	assert_int_equal(d.nerr, 0);
	assert_null(ent(r, "name:kerala"));
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_a_missing_list_names_the_path_and_the_asker(void **st)
{
	(void)st;
	struct fx f = {0};
	const char *lex = fx_write(&f, "a.yaml",
				   "kind: lexicon\n"
				   "subdivisions: {types: [State]}\n");
	char iso[160], want2[160], msg[512];
	snprintf(iso, sizeof(iso), "%s/iso_3166-1.json", f.dir);
	assert_int_equal(symlink(FC_ISO_CODES_PATH, iso), 0);
	snprintf(want2, sizeof(want2), "%s/iso_3166-2.json", f.dir);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, iso, &d);
	assert_int_equal(d.nerr, 1);
	snprintf(msg, sizeof(msg),
		 "cannot read the ISO 3166-2 subdivision list '%s' (asked "
		 "for by %s:2): install the iso-codes package (apt-get "
		 "install iso-codes) or point FACTCROSS_ISO_CODES at an "
		 "iso_3166-1.json with iso_3166-2.json beside it",
		 want2, lex);
	fc_assert_diag(&d, 0, want2, 0, 0, msg);
	assert_int_equal(d.v[0].code, FC_EIO);
	/* the countries are there still */
	assert_non_null(ent(r, "country:IN"));
	lx_rules_free(r);
	fc_diags_finish(&d);
	unlink(iso);
	fx_clean(&f);
}

static void test_a_malformed_entry_is_positioned(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "subdivisions: {types: [State]}\n");
	const char *bad = fx_write(&f, "iso_3166-2.json",
				   "{\n"
				   "  \"3166-2\": [\n"
				   "    {\"code\": \"IN-KL\", \"name\": \"Kerala\", "
				   "\"type\": \"State\"},\n"
				   "    {\"code\": \"IN-GJ\", \"name\": \"Gujarat\"}\n"
				   "  ]\n"
				   "}\n");
	char iso[160];
	snprintf(iso, sizeof(iso), "%s/iso_3166-1.json", f.dir);
	assert_int_equal(symlink(FC_ISO_CODES_PATH, iso), 0);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, iso, &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, bad, 4, 5,
		       "a subdivision must be an object with \"code\", "
		       "\"name\" and \"type\"");
	assert_int_equal(d.v[0].code, FC_ESCHEMA);
	lx_rules_free(r);
	fc_diags_finish(&d);
	unlink(iso);
	fx_clean(&f);
}

static void test_bad_options_are_positioned(void **st)
{
	(void)st;
	struct fx f = {0};
	const char *lex = fx_write(&f, "a.yaml",
				   "kind: lexicon\n"
				   "subdivisions: [State]\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, FC_ISO_CODES_PATH, &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, lex, 2, 15,
		       "subdivisions must be a mapping {types: [...], "
		       "skip: [...]}");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* ---- The records in the rules cache -------------------------------------- */

#define LIST_A                                                                \
	"{\"3166-2\": [\n"                                                    \
	"  {\"code\": \"IN-KL\", \"name\": \"Kerala\", \"type\": \"State\"},\n" \
	"  {\"code\": \"IN-GJ\", \"name\": \"Gujarāt\", \"type\": \"State\"},\n" \
	"  {\"code\": \"CN-SC\", \"name\": \"Sichuan Sheng\", "                \
	"\"type\": \"Province\"}\n"                                           \
	"]}\n"

/* A lexicon folder with the options opts and a list, the real ISO
** 3166-1 list beside it, and a cache folder of its own for the test. */
struct cx {
	struct fx f;
	char iso[160], cache[64], file[384]; /* file: the last iso2 file */
	char *env; /* FACTCROSS_CACHE as it was */
};

static void cx_open(struct cx *c, const char *opts, const char *list)
{
	fx_write(&c->f, "a.yaml", opts);
	fx_write(&c->f, "iso_3166-2.json", list);
	snprintf(c->iso, sizeof(c->iso), "%s/iso_3166-1.json", c->f.dir);
	assert_int_equal(symlink(FC_ISO_CODES_PATH, c->iso), 0);
	strcpy(c->cache, "/tmp/fc-iso2cache-XXXXXX");
	assert_non_null(mkdtemp(c->cache));
	const char *e = getenv("FACTCROSS_CACHE");
	c->env = e ? strdup(e) : NULL;
	setenv("FACTCROSS_CACHE", c->cache, 1);
}

/* The number of iso2 files in c's cache, the last one's path in
** c->file. */
static int cx_files(struct cx *c)
{
	DIR *dp = opendir(c->cache);
	assert_non_null(dp);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dp)))
		if (!strncmp(e->d_name, "iso2-", 5)) {
			snprintf(c->file, sizeof(c->file), "%s/%s", c->cache,
				 e->d_name);
			n++;
		}
	closedir(dp);
	return n;
}

static void cx_close(struct cx *c)
{
	/* (the ISO 3166-1 list's tree is there too) */
	DIR *dp = opendir(c->cache);
	struct dirent *e;
	while (dp && (e = readdir(dp)))
		if (e->d_name[0] != '.')
			unlinkat(dirfd(dp), e->d_name, 0);
	if (dp)
		closedir(dp);
	rmdir(c->cache);
	if (c->env)
		setenv("FACTCROSS_CACHE", c->env, 1);
	else
		unsetenv("FACTCROSS_CACHE");
	free(c->env);
	unlink(c->iso);
	fx_clean(&c->f);
}

/* Load c's folder: which of the places of LIST_A are there (bits 1
** kerala, 2 gujarat, 4 sichuan, 8 atlantis). */
static int cx_places(struct cx *c)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(c->f.dir, c->iso, &d);
	assert_int_equal(d.nerr, 0);
	int got = (ent(r, "name:kerala") ? 1 : 0) |
		  (ent(r, "name:gujarat") ? 2 : 0) |
		  (ent(r, "name:sichuan") ? 4 : 0) |
		  (ent(r, "name:atlantis") ? 8 : 0);
	lx_rules_free(r);
	fc_diags_finish(&d);
	return got;
}

static void test_the_records_are_kept_and_read_again(void **st)
{
	(void)st;
	struct cx c = {0};
	cx_open(&c, "kind: lexicon\n"
		    "subdivisions: {types: [State, Province], "
		    "suffixes: [\" Sheng\"]}\n",
		LIST_A);
	assert_int_equal(cx_places(&c), 7);
	assert_int_equal(cx_files(&c), 1);
	struct stat a, b;
	assert_int_equal(stat(c.file, &a), 0);
	struct timespec old[2] = {{1, 0}, {1, 0}};
	assert_int_equal(utimensat(AT_FDCWD, c.file, old, 0), 0);
	/* read (its time set to now), not written again (a new inode) */
	assert_int_equal(cx_places(&c), 7);
	assert_int_equal(cx_files(&c), 1);
	assert_int_equal(stat(c.file, &b), 0);
	assert_int_equal(a.st_ino, b.st_ino);
	assert_true(b.st_mtim.tv_sec > 1);
	cx_close(&c);
}

static void test_other_options_or_another_list_miss(void **st)
{
	(void)st;
	struct cx c = {0};
	cx_open(&c, "kind: lexicon\nsubdivisions: {types: [State]}\n", LIST_A);
	assert_int_equal(cx_places(&c), 3);
	/* the options: a type more, a name skipped, a suffix */
	fx_write(&c.f, "a.yaml",
		 "kind: lexicon\n"
		 "subdivisions: {types: [State, Province], skip: [Kerala], "
		 "suffixes: [\" Sheng\"]}\n");
	assert_int_equal(cx_places(&c), 6);
	assert_int_equal(cx_files(&c), 2);
	/* the list: Kerala gone, as many bytes (the name of another) */
	fx_write(&c.f, "a.yaml",
		 "kind: lexicon\nsubdivisions: {types: [State]}\n");
	char *list = strdup(LIST_A);
	memcpy(strstr(list, "IN-KL"), "XX-KL", 5);
	fx_write(&c.f, "iso_3166-2.json", list);
	free(list);
	assert_int_equal(cx_places(&c), 2);
	assert_int_equal(cx_files(&c), 3);
	cx_close(&c);
}

/* Write payload p[0, n) under the key of c->file (bytes 16 to 32 of
** its header, cache.c's struct header). */
static void cx_forge(struct cx *c, const void *p, size_t n)
{
	uint64_t key[2];
	int fd = open(c->file, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(pread(fd, key, sizeof(key), 16), sizeof(key));
	close(fd);
	const char *name = strrchr(c->file, '/') + 1;
	assert_true(fc_cache_write(c->cache, name, key, p, n));
}

static void test_a_damaged_or_foreign_file_is_made_again(void **st)
{
	(void)st;
	struct cx c = {0};
	cx_open(&c, "kind: lexicon\nsubdivisions: {types: [State]}\n", LIST_A);
	assert_int_equal(cx_places(&c), 3);
	assert_int_equal(cx_files(&c), 1);
	struct stat a, b;
	assert_int_equal(stat(c.file, &a), 0);
	/* cut short */
	assert_int_equal(truncate(c.file, a.st_size / 2), 0);
	assert_int_equal(cx_places(&c), 3);
	assert_int_equal(stat(c.file, &b), 0);
	assert_int_equal(b.st_size, a.st_size);
	/* a byte flipped in the payload: the checksum */
	int fd = open(c.file, O_RDWR);
	assert_true(fd >= 0);
	char ch;
	assert_int_equal(pread(fd, &ch, 1, a.st_size - 3), 1);
	ch ^= 0x20;
	assert_int_equal(pwrite(fd, &ch, 1, a.st_size - 3), 1);
	close(fd);
	assert_int_equal(cx_places(&c), 3);
	/* a well-formed payload is the records (the checksum guards
	** against damage, not against the user's own writes) */
	static const char good[] = "FCISO2R1\1\0\0\0\0\0\0\0"
				   "IN-KL\0Atlantis\0atlantis\0name:atlantis";
	cx_forge(&c, good, sizeof(good));
	assert_int_equal(cx_places(&c), 8);
	/* payloads the loader does not make: each is made again */
	/* (B: the literal with its NUL, which ends the record's id) */
#define B(s) {s, sizeof(s)}
#define ONE "FCISO2R1\1\0\0\0\0\0\0\0"
	static const struct {
		const char *p;
		size_t n;
	} bad[] = {
		B("FCISO2R0\1\0\0\0\0\0\0\0IN-KL\0A\0a\0name:a"),
		B("FCISO2R1\2\0\0\0\0\0\0\0IN-KL\0A\0a\0name:a"),
		B(ONE "IN-KL\0A\0a\0name:a\0\0"), /* bytes after */
		{ONE "IN-KL\0A\0a\0name:a", sizeof(ONE) + 15}, /* no NUL */
		B(ONE "IN-\0A\0a\0name:a"),
		B(ONE "I1-KL\0A\0a\0name:a"),
		B(ONE "INxKL\0A\0a\0name:a"),
		B(ONE "IN-KL\0\0a\0name:a"),
		B(ONE "IN-KL\0A\0\0name:a"),
		B(ONE "IN-KL\0A\0a\0name:"),
		B(ONE "IN-KL\0A\0a\0nome:a"),
		B(ONE "IN-KL\0\xc3\0a\0name:a"), /* not UTF-8 */
	};
#undef ONE
#undef B
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cx_forge(&c, bad[i].p, bad[i].n);
		assert_int_equal(cx_places(&c), 3);
		assert_int_equal(stat(c.file, &b), 0);
		assert_int_equal(b.st_size, a.st_size);
	}
	cx_close(&c);
}

/* A name whose folded key the tokenizer cuts at 65,535 bytes, inside a
** character (one word: a letter and 30,000 CJK ones of three bytes): the key is not
** UTF-8, and its record must not make the load fail. */
static void test_a_cut_key_does_not_fail_the_load(void **st)
{
	(void)st;
	size_t nw = 30000;
	char *list = malloc(3 * nw + 512);
	assert_non_null(list);
	char *o = list;
	o += sprintf(o, "{\"3166-2\": [\n"
			"  {\"code\": \"IN-KL\", \"name\": \"Kerala\", "
			"\"type\": \"State\"},\n"
			"  {\"code\": \"IN-GJ\", \"name\": \"a");
	for (size_t i = 0; i < nw; i++, o += 3)
		memcpy(o, "\xe4\xb8\xad", 3); /* U+4E2D */
	strcpy(o, "\", \"type\": \"State\"}\n]}\n");
	struct cx c = {0};
	cx_open(&c, "kind: lexicon\nsubdivisions: {types: [State]}\n", list);
	free(list);
	assert_int_equal(cx_places(&c), 1);
	assert_int_equal(cx_places(&c), 1);
	cx_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_places_get_the_country_of_their_code),
		cmocka_unit_test(test_no_subdivisions_without_the_option),
		cmocka_unit_test(test_a_missing_list_names_the_path_and_the_asker),
		cmocka_unit_test(test_a_malformed_entry_is_positioned),
		cmocka_unit_test(test_bad_options_are_positioned),
		cmocka_unit_test(test_the_records_are_kept_and_read_again),
		cmocka_unit_test(test_other_options_or_another_list_miss),
		cmocka_unit_test(test_a_damaged_or_foreign_file_is_made_again),
		cmocka_unit_test(test_a_cut_key_does_not_fail_the_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
