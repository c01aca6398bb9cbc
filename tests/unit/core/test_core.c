/*
** test_core.c: the core helpers: YAML tree positions and errors, TIMEX3
** values, calendar arithmetic, SHA-256, JSON text, buffers, slugs, UTF-8.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fc_test.h"

static struct fc_ynode *yaml(struct fc_arena *a, const char *text,
			     struct fc_diags *d)
{
	struct fc_ynode *root = NULL;
	fc_yaml_load(a, "t.yaml", text, strlen(text), &root, d);
	return root;
}

static void test_yaml_positions_are_one_based(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	struct fc_ynode *r = yaml(&a, "kind: claims\nrules:\n  - id: x\n"
				      "    pattern: 'a(b'\n",
				  &d);
	assert_non_null(r);
	assert_int_equal(d.n, 0);
	struct fc_ynode *rules = fc_ymap_get(r, "rules");
	assert_int_equal(rules->type, FC_Y_SEQ);
	struct fc_ynode *pat = fc_ymap_get(rules->kids[0], "pattern");
	assert_string_equal(pat->str, "a(b");
	assert_int_equal(pat->loc.line, 4);
	assert_int_equal(pat->loc.col, 14);
	/* offset 1 inside the quoted value is one column past the quote */
	struct fc_srcloc l = fc_ynode_loc_at(pat, 1);
	assert_int_equal(l.line, 4);
	assert_int_equal(l.col, 16);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

static void test_yaml_block_scalar_offsets(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	struct fc_ynode *r = yaml(&a, "p: |\n    abc\n    de(f\n", &d);
	struct fc_ynode *p = fc_ymap_get(r, "p");
	struct fc_srcloc l = fc_ynode_loc_at(p, 6); /* the '(' */
	assert_int_equal(l.line, 3);
	assert_int_equal(l.col, 7);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

static void test_yaml_offsets_after_escapes(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	/* value "x\xc3\xa9(y": "(" is byte 3 of the value, column 12 */
	struct fc_ynode *r = yaml(&a, "p: \"x\\u00e9(y\"\nq: 'it''s ('\n"
				      "u: \"\xc3\xa9\xc3\xa9(\"\n",
				  &d);
	assert_non_null(r);
	struct fc_ynode *p = fc_ymap_get(r, "p");
	assert_string_equal(p->str, "x\xc3\xa9(y");
	assert_int_equal(fc_ynode_loc_at(p, 3).col, 12);
	struct fc_ynode *q = fc_ymap_get(r, "q");
	assert_string_equal(q->str, "it's (");
	assert_int_equal(fc_ynode_loc_at(q, 5).col, 11);
	/* plain UTF-8 counts one column per character */
	struct fc_ynode *u = fc_ymap_get(r, "u");
	assert_int_equal(fc_ynode_loc_at(u, 4).col, 7);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

static void test_yaml_syntax_error_has_position(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	struct fc_ynode *r = yaml(&a, "a: 1\nb: [1, 2\n", &d);
	assert_null(r);
	assert_int_equal(d.nerr, 1);
	assert_string_equal(d.v[0].loc.file, "t.yaml");
	assert_int_equal(d.v[0].loc.line, 3);
	assert_int_equal(d.v[0].loc.col, 1);
	assert_string_equal(d.v[0].msg, "YAML: did not find expected ',' or "
					"']' while parsing a flow sequence");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

static void test_yaml_refuses_aliases_and_duplicate_keys(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	assert_null(yaml(&a, "a: &x [1]\nb: *x\n", &d));
	fc_assert_diag(&d, 0, "t.yaml", 2, 4,
		       "YAML aliases are not allowed");
	fc_diags_finish(&d);
	fc_diags_init(&d);
	assert_null(yaml(&a, "id: a\nid: b\n", &d));
	fc_assert_diag(&d, 0, "t.yaml", 2, 1,
		       "duplicate key 'id' (first at line 1)");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

static void test_yaml_unknown_key_suggests(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	struct fc_ynode *r = yaml(&a, "id: x\npatern: y\nzzz: 1\n", &d);
	static const char *const keys[] = {"id", "pattern", NULL};
	assert_int_equal(fc_ymap_check_keys(r, keys, "a rule", &d), 2);
	fc_assert_diag(&d, 0, "t.yaml", 2, 1,
		       "unknown key 'patern' in a rule (did you mean "
		       "'pattern'?)");
	fc_assert_diag(&d, 1, "t.yaml", 3, 1, "unknown key 'zzz' in a rule");
	long long v;
	assert_false(fc_ynode_int(fc_ymap_get(r, "id"), "order", 1, 9, &v, &d));
	fc_assert_diag(&d, 2, "t.yaml", 1, 5,
		       "order must be a whole number from 1 to 9");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

/* A list with an item that is no string is an error and no list: callers
** never meet a NULL item (a check's key list once did). */
static void test_yaml_strlist_with_a_bad_item_is_empty(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	struct fc_ynode *r = yaml(&a, "key: [a, {b: c}, d]\nok: [a, b]\n", &d);
	const char **v = (const char **)&d;
	size_t n = 99;
	assert_false(fc_ynode_strlist(&a, fc_ymap_get(r, "key"), "key", &v,
				      &n, &d));
	assert_null(v);
	assert_int_equal(n, 0);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, "t.yaml", 1, 10,
		       "key must be a string, not a mapping");
	assert_true(fc_ynode_strlist(&a, fc_ymap_get(r, "ok"), "ok", &v, &n,
				     &d));
	assert_int_equal(n, 2);
	assert_string_equal(v[1], "b");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

static void test_yaml_parses_json(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	struct fc_ynode *r = yaml(
		&a, "{\"3166-1\": [{\"alpha_2\": \"NZ\", \"name\": \"New "
		    "Zealand\", \"flag\": \"\xf0\x9f\x87\xb3\xf0\x9f\x87\xbf\"}]}",
		&d);
	assert_non_null(r);
	struct fc_ynode *l = fc_ymap_get(r, "3166-1");
	assert_string_equal(fc_ymap_get(l->kids[0], "name")->str,
			    "New Zealand");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

struct timex_case {
	const char *value;
	enum fc_grain grain;
	const char *lo, *hi; /* interval [lo, hi) as dates; NULL: unanchored */
};

static const char *day_text(int32_t z, char buf[16])
{
	int y, m, d;
	fc_civil_from_days(z, &y, &m, &d);
	snprintf(buf, 16, "%04d-%02d-%02d", y, m, d);
	return buf;
}

static void test_timex_intervals(void **state)
{
	(void)state;
	static const struct timex_case cases[] = {
		{"2026-01-16", FC_GRAIN_DAY, "2026-01-16", "2026-01-17"},
		{"2025-12", FC_GRAIN_MONTH, "2025-12-01", "2026-01-01"},
		{"2024-02", FC_GRAIN_MONTH, "2024-02-01", "2024-03-01"},
		{"2025", FC_GRAIN_YEAR, "2025-01-01", "2026-01-01"},
		{"199", FC_GRAIN_DECADE, "1990-01-01", "2000-01-01"},
		{"20", FC_GRAIN_CENTURY, "2000-01-01", "2100-01-01"},
		{"2026-W03", FC_GRAIN_WEEK, "2026-01-12", "2026-01-19"},
		{"2009-W01", FC_GRAIN_WEEK, "2008-12-29", "2009-01-05"},
		{"2025-Q4", FC_GRAIN_QUARTER, "2025-10-01", "2026-01-01"},
		{"2025-H1", FC_GRAIN_HALF, "2025-01-01", "2025-07-01"},
		{"2025-WI", FC_GRAIN_SEASON, "2025-12-01", "2026-03-01"},
		{"2026-01-16TNI", FC_GRAIN_PART_OF_DAY, "2026-01-16",
		 "2026-01-17"},
		{"2026-01-16T14:30", FC_GRAIN_MINUTE, "2026-01-16", "2026-01-17"},
		{"XXXX-01-16", FC_GRAIN_DAY, NULL, NULL},
		{"XXXX-XX", FC_GRAIN_MONTH, NULL, NULL},
		{"XXXX-XX-XX", FC_GRAIN_DAY, NULL, NULL},
		{"XXXX-XX-XXTMO", FC_GRAIN_PART_OF_DAY, NULL, NULL},
		{"PRESENT_REF", FC_GRAIN_NONE, NULL, NULL},
	};
	char a[16], b[16];
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct fc_time t = {0};
		assert_int_equal(fc_time_parse(cases[i].value, &t), FC_OK);
		assert_int_equal(t.grain, cases[i].grain);
		if (!cases[i].lo) {
			assert_false(t.is_anchored);
			continue;
		}
		assert_true(t.is_anchored);
		assert_string_equal(day_text(t.lo, a), cases[i].lo);
		assert_string_equal(day_text(t.hi, b), cases[i].hi);
	}
}

static void test_timex_mods_narrow_and_durations(void **state)
{
	(void)state;
	char a[16], b[16];
	struct fc_time t = {.mod = FC_MOD_END};
	assert_int_equal(fc_time_parse("2025-12", &t), FC_OK);
	assert_string_equal(day_text(t.lo, a), "2025-12-21");
	assert_string_equal(day_text(t.hi, b), "2026-01-01");
	struct fc_time s = {.mod = FC_MOD_START};
	assert_int_equal(fc_time_parse("2026-01", &s), FC_OK);
	assert_string_equal(day_text(s.hi, b), "2026-01-12");

	/* years BC: BC0044 is the proleptic year -43; BC0001 ends where
	** year 1 starts; no year 0, no month after one */
	struct fc_time bc = {0};
	assert_int_equal(fc_time_parse("BC0044", &bc), FC_OK);
	assert_int_equal(bc.grain, FC_GRAIN_YEAR);
	assert_true(bc.is_anchored);
	assert_int_equal(bc.lo, fc_days_from_civil(-43, 1, 1));
	assert_int_equal(bc.hi, fc_days_from_civil(-42, 1, 1));
	assert_int_equal(fc_time_parse("BC0001", &bc), FC_OK);
	assert_int_equal(bc.hi, fc_days_from_civil(1, 1, 1));
	assert_int_equal(fc_time_parse("BC0000", &bc), FC_ESYNTAX);
	assert_int_equal(fc_time_parse("BC0044-03", &bc), FC_ESYNTAX);
	assert_int_equal(fc_time_parse("BC44", &bc), FC_ESYNTAX);

	struct fc_time d = {0};
	assert_int_equal(fc_time_parse("P20Y", &d), FC_OK);
	assert_int_equal(d.type, FC_TIMEX_DURATION);
	assert_int_equal(d.grain, FC_GRAIN_YEAR);
	assert_true(fabs(d.seconds - 20 * 365.2425 * 86400) < 1);
	struct fc_time h = {0};
	assert_int_equal(fc_time_parse("PT3H", &h), FC_OK);
	assert_true(h.seconds == 3 * 3600.0);
	assert_int_equal(h.grain, FC_GRAIN_HOUR);
	struct fc_time m = {0};
	assert_int_equal(fc_time_parse("P1Y6M", &m), FC_OK);
	assert_int_equal(m.grain, FC_GRAIN_MONTH);
	struct fc_time dec = {0};
	assert_int_equal(fc_time_parse("P1DE", &dec), FC_OK);
	assert_int_equal(dec.grain, FC_GRAIN_DECADE);

	static const char *const bad[] = {"", "2025-13", "2025-02-30", "P",
					  "PY", "20x5", "2025-W60",
					  "2026-01-16T25:00", "P3Q2",
					  "2026-XX", "2026-01-XX", "XXXX-XX-16",
					  "XXXX-XX-XXTZZ"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct fc_time x = {0};
		assert_int_equal(fc_time_parse(bad[i], &x), FC_ESYNTAX);
	}
}

static void test_calendar(void **state)
{
	(void)state;
	assert_int_equal(fc_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(fc_days_from_civil(2000, 3, 1), 11017);
	/* 2026-01-16 was a Friday (4 with Monday = 0). */
	assert_int_equal(fc_weekday(fc_days_from_civil(2026, 1, 16)), 4);
	for (int32_t z = -800000; z < 800000; z += 997) {
		int y, m, d;
		fc_civil_from_days(z, &y, &m, &d);
		assert_int_equal(fc_days_from_civil(y, m, d), z);
	}
	int y, m, d;
	assert_true(fc_date_parse("2024-02-29", &y, &m, &d));
	assert_false(fc_date_parse("2025-02-29", &y, &m, &d));
	assert_false(fc_date_parse("2025-1-01", &y, &m, &d));
	assert_false(fc_date_parse("2025-01-01x", &y, &m, &d));
}

static void test_sha256_vectors(void **state)
{
	(void)state;
	char h[65];
	fc_sha256_hex("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb924"
			       "27ae41e4649b934ca495991b7852b855");
	fc_sha256_hex("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
			       "b00361a396177a9cb410ff61f20015ad");
	const char *s = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	fc_sha256_hex(s, strlen(s), h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039"
			       "a33ce45964ff2167f6ecedd419db06c1");
}

static void test_json_escapes_and_numbers(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_json_strn(&b, "a\"b\\c\n\x01\xff\xc3\xa9", 10);
	assert_string_equal(fc_buf_cstr(&b),
			    "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\xc3\xa9\"");
	fc_buf_reset(&b);
	fc_json_num(&b, 3e9);
	fc_buf_addc(&b, ' ');
	fc_json_num(&b, 0.4);
	fc_buf_addc(&b, ' ');
	fc_json_num(&b, -12);
	fc_buf_addc(&b, ' ');
	fc_json_num(&b, 1.0 / 3);
	assert_string_equal(fc_buf_cstr(&b),
			    "3000000000 0.4 -12 0.3333333333333333");
	fc_buf_finish(&b);
}

static void test_buf_limit_is_sticky(void **state)
{
	(void)state;
	struct fc_buf b;
	fc_buf_init(&b, 8);
	fc_buf_adds(&b, "12345");
	fc_buf_adds(&b, "6789");
	assert_int_equal(b.err, FC_ELIMIT);
	fc_buf_adds(&b, "x");
	assert_int_equal(b.len, 5);
	assert_string_equal(fc_buf_cstr(&b), "12345");
	fc_buf_finish(&b);
}

/* fc_buf_add_buf: into an empty buffer by exchanging memory (from keeps
** the other's for its next contents), else by copying; over the limit
** of b, nothing is taken. */
static void test_buf_add_buf(void **state)
{
	(void)state;
	struct fc_buf b, from;
	fc_buf_init(&b, 0);
	fc_buf_init(&from, 0);
	fc_buf_adds(&from, "one line\n");
	const char *mem = from.p;
	fc_buf_add_buf(&b, &from);
	assert_ptr_equal(b.p, mem);
	assert_string_equal(fc_buf_cstr(&b), "one line\n");
	assert_int_equal(from.len, 0);
	fc_buf_adds(&from, "two\n");
	fc_buf_add_buf(&b, &from);
	assert_string_equal(fc_buf_cstr(&b), "one line\ntwo\n");
	assert_int_equal(from.len, 0);
	fc_buf_finish(&b);
	fc_buf_init(&b, 4);
	fc_buf_adds(&from, "too long");
	fc_buf_add_buf(&b, &from);
	assert_int_equal(b.err, FC_ELIMIT);
	assert_int_equal(b.len, 0);
	fc_buf_finish(&b);
	fc_buf_finish(&from);
}

static void test_slug_and_utf8(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	const char *n = "Nicol\xc3\xa1s  Maduro";
	assert_string_equal(fc_slug(&a, n, strlen(n)), "nicolas-maduro");
	const char *b = "Bashar al-Assad";
	assert_string_equal(fc_slug(&a, b, strlen(b)), "bashar-al-assad");
	const char *c = "C\xc3\xb4te d'Ivoire";
	assert_string_equal(fc_slug(&a, c, strlen(c)), "cote-divoire");
	assert_string_equal(fc_path_beside(&a, "/u/json/iso_3166-1.json",
					   "iso_4217.json"),
			    "/u/json/iso_4217.json");
	assert_string_equal(fc_path_beside(&a, "/x.json", "y.json"),
			    "/y.json");
	assert_string_equal(fc_path_beside(&a, "x.json", "y.json"), "y.json");
	size_t len, nbad, first;
	char *r = fc_utf8_repair(&a, "ok\xff\xfeok\xe2\x82", 8, &len, &nbad,
				 &first);
	assert_string_equal(r, "ok\xEF\xBF\xBD\xEF\xBF\xBDok\xEF\xBF\xBD"
			       "\xEF\xBF\xBD");
	assert_int_equal(nbad, 4);
	assert_int_equal(first, 2);
	/* overlong and surrogate encodings are invalid */
	assert_int_equal(fc_utf8_seq_len((const unsigned char *)"\xc0\xaf", 2),
			 0);
	assert_int_equal(
		fc_utf8_seq_len((const unsigned char *)"\xed\xa0\x80", 3), 0);
	assert_int_equal(fc_edit_distance("patern", "pattern", 2), 1);
	assert_int_equal(fc_edit_distance("abc", "xyzw", 2), 3);
	fc_arena_finish(&a);
}

static void test_duration_labels_in_words(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"P20Y", "20 years"},       {"P1Y6M", "1 year 6 months"},
		{"PT3H", "3 hours"},        {"PT30M", "30 minutes"},
		{"P13M", "13 months"},      {"P1DE", "1 decade"},
		{"P12D", "12 days"},        {"PXY", "PXY"},
		{"P1.5Y", "1.5 years"},
	};
	struct fc_arena a;
	fc_arena_init(&a);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct fc_value v = {.type = FC_VAL_TIME};
		assert_int_equal(fc_time_parse(cases[i][0], &v.time), FC_OK);
		assert_string_equal(fc_value_label(&a, &v), cases[i][1]);
		assert_string_equal(fc_value_text(&a, &v), cases[i][0]);
	}
	struct fc_value d = {.type = FC_VAL_TIME};
	assert_int_equal(fc_time_parse("2026-01-16", &d.time), FC_OK);
	assert_string_equal(fc_value_label(&a, &d), "2026-01-16");
	fc_arena_finish(&a);
}

static char *render(const struct fc_diags *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	fc_diags_print(d, f, 0);
	fclose(f);
	return text;
}

static void test_diag_excerpt_is_safe_and_windowed(void **state)
{
	(void)state;
	char path[] = "/tmp/fc-diag-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("ok\n\x1b]0;pwned\x07 bad \xff line\n", f);
	for (int i = 0; i < 300; i++)
		fputc('a' + i % 26, f);
	fputs("\n", f);
	fclose(f);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_srcloc l2 = {path, 2, 8, 3}, l3 = {path, 3, 200, 1};
	fc_diag_add(&d, FC_ESCHEMA, &l2, "hostile");
	fc_diag_add(&d, FC_ESCHEMA, &l3, "long");
	char *out = render(&d);
	assert_null(strchr(out, '\x1b'));
	assert_null(strchr(out, '\x07'));
	assert_non_null(strstr(out, "\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD bad "
				    "\xEF\xBF\xBD line"));
	/* the long line shows 100 characters around column 200 */
	char want[160];
	snprintf(want, sizeof(want), "%s:3:200: error: long\n     3 | ...",
		 path);
	assert_non_null(strstr(out, want));
	assert_non_null(strstr(out, "...\n       |    "));
	free(out);
	fc_diags_finish(&d);
	unlink(path);
}

/* A report written to /dev/null leaves the device alone (it was once
** renamed over), and a plain file is replaced whole. */
static void test_file_write_keeps_devices(void **state)
{
	(void)state;
	struct stat st;
	assert_int_equal(fc_file_write("/dev/null", "x\n", 2), FC_OK);
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	char path[] = "/tmp/fc-write-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "old and longer", 14), 14);
	close(fd);
	char link[sizeof(path) + 8];
	snprintf(link, sizeof(link), "%s.link", path);
	assert_int_equal(symlink(path, link), 0);
	assert_int_equal(fc_file_write(link, "new", 3), FC_OK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode)); /* still the link */
	char *data;
	size_t len;
	assert_int_equal(fc_file_read(path, 1024, &data, &len), FC_OK);
	assert_string_equal(data, "new");
	free(data);
	assert_int_equal(fc_file_write(path, "plain", 5), FC_OK);
	assert_int_equal(fc_file_read(path, 1024, &data, &len), FC_OK);
	assert_string_equal(data, "plain");
	free(data);
	unlink(link);
	unlink(path);
}

/* fc_ymap_get: the value of a key equal to the one asked for (as strcmp
** compares: up to a NUL), the first of its first byte or not; the empty
** key; none; not a mapping. */
static void test_ymap_get_finds_keys(void **state)
{
	(void)state;
	struct fc_arena a;
	struct fc_diags d;
	fc_arena_init(&a);
	fc_diags_init(&d);
	struct fc_ynode *r = yaml(&a, "ab: 1\naa: 2\nb: 3\n\"\": 4\n"
				      "\"c\\0d\": 5\nl: [x]\n",
				  &d);
	assert_non_null(r);
	assert_int_equal(d.n, 0);
	assert_string_equal(fc_ymap_get(r, "ab")->str, "1");
	assert_string_equal(fc_ymap_get(r, "aa")->str, "2");
	assert_string_equal(fc_ymap_get(r, "b")->str, "3");
	assert_string_equal(fc_ymap_get(r, "")->str, "4");
	assert_string_equal(fc_ymap_get(r, "c")->str, "5");
	assert_null(fc_ymap_get(r, "a"));
	assert_null(fc_ymap_get(r, "abc"));
	assert_null(fc_ymap_get(r, "bb"));
	assert_null(fc_ymap_get(fc_ymap_get(r, "l"), "x"));
	assert_null(fc_ymap_get(NULL, "x"));
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_positions_are_one_based),
		cmocka_unit_test(test_ymap_get_finds_keys),
		cmocka_unit_test(test_yaml_block_scalar_offsets),
		cmocka_unit_test(test_yaml_offsets_after_escapes),
		cmocka_unit_test(test_yaml_syntax_error_has_position),
		cmocka_unit_test(test_yaml_refuses_aliases_and_duplicate_keys),
		cmocka_unit_test(test_yaml_unknown_key_suggests),
		cmocka_unit_test(test_yaml_strlist_with_a_bad_item_is_empty),
		cmocka_unit_test(test_yaml_parses_json),
		cmocka_unit_test(test_timex_intervals),
		cmocka_unit_test(test_timex_mods_narrow_and_durations),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_json_escapes_and_numbers),
		cmocka_unit_test(test_buf_limit_is_sticky),
		cmocka_unit_test(test_buf_add_buf),
		cmocka_unit_test(test_slug_and_utf8),
		cmocka_unit_test(test_duration_labels_in_words),
		cmocka_unit_test(test_diag_excerpt_is_safe_and_windowed),
		cmocka_unit_test(test_file_write_keeps_devices),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
