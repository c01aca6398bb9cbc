/*
** test_folder.c: corpora without a manifest (a folder, a single file)
** and in-memory sources.
*/
#include "fc_test.h"
#include "tmpdir.h"

static void test_folder_sources_sorted(void **state)
{
	(void)state;
	char *dir = tmp_make();
	tmp_write(dir, "b-story.md", "# B\n");
	tmp_write(dir, "a.txt", "date 2026-01-16 A.\n");
	tmp_write(dir, "c.HTML", "<p>C.</p>");
	tmp_write(dir, "notes.csv", "x,y\n");
	tmp_write(dir, ".hidden.txt", "H.");
	tmp_write(dir, "sub/d.txt", "D.");
	char path[600];
	snprintf(path, sizeof(path), "%s/", dir); /* a trailing slash */
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(path, &c, &d), FC_OK);
	assert_int_equal(d.n, 0);
	assert_string_equal(c->dir, dir);
	assert_null(c->manifest);
	assert_null(c->title);
	assert_null(c->reference_date);
	assert_string_equal(c->name, strrchr(dir, '/') + 1);
	assert_int_equal(c->nsources, 3);
	static const char *const ids[] = {"a", "b-story", "c"};
	static const char *const files[] = {"a.txt", "b-story.md", "c.HTML"};
	for (size_t i = 0; i < 3; i++) {
		const struct fc_source *s = &c->sources[i];
		assert_string_equal(s->id, ids[i]);
		assert_string_equal(s->file, files[i]);
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		assert_string_equal(s->path, path);
		/* The date line is read with the text, not here. */
		assert_null(s->published);
		assert_null(s->loc.file);
		assert_int_equal(s->loc.line, 0);
	}
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	tmp_remove(dir);
}

static void test_folder_id_clash(void **state)
{
	(void)state;
	char *dir = tmp_make();
	tmp_write(dir, "a.txt", "A.");
	tmp_write(dir, "a.md", "A.");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(dir, &c, &d), FC_EINPUT);
	assert_null(c);
	char path[600];
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, path, 0, 0,
		       "files 'a.md' and 'a.txt' both give source id 'a'; "
		       "rename one or write a corpus.yaml");
	fc_diags_finish(&d);
	tmp_remove(dir);
}

static void test_folder_empty(void **state)
{
	(void)state;
	char *dir = tmp_make();
	tmp_write(dir, "readme.rst", "nothing");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(dir, &c, &d), FC_EINPUT);
	assert_null(c);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, dir, 0, 0,
		       "no corpus.yaml and no .txt, .md or .html files in "
		       "this folder");
	fc_diags_finish(&d);
	tmp_remove(dir);
}

/* A folder with corpus.yml (not .yaml) uses it. */
static void test_folder_yml_manifest(void **state)
{
	(void)state;
	char *dir = tmp_make();
	tmp_write(dir, "x.txt", "X.");
	tmp_write(dir, "y.txt", "Y.");
	tmp_write(dir, "corpus.yml", "name: only-x\nsources:\n  - {id: x, "
				     "file: x.txt}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(dir, &c, &d), FC_OK);
	assert_string_equal(c->name, "only-x");
	assert_int_equal(c->nsources, 1);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	tmp_remove(dir);
}

static void test_single_file(void **state)
{
	(void)state;
	char *dir = tmp_make();
	char *path = tmp_write_n(dir, "story.md", "# T\n", 4);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(path, &c, &d), FC_OK);
	assert_string_equal(c->name, "story");
	assert_string_equal(c->dir, dir);
	assert_null(c->manifest);
	assert_int_equal(c->nsources, 1);
	assert_string_equal(c->sources[0].id, "story");
	assert_string_equal(c->sources[0].file, "story.md");
	assert_string_equal(c->sources[0].path, path);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	free(path);
	tmp_remove(dir);
}

static void test_add_text(void **state)
{
	(void)state;
	struct fc_corpus *c = fc_corpus_create();
	static const char text[] = "A\0B."; /* bytes, NUL included */
	assert_int_equal(fc_corpus_add_text(c, "doc", "2026-01-16", text, 4),
			 FC_OK);
	/* Enough sources to grow the array past its first capacity. */
	char id[16];
	for (int i = 0; i < 40; i++) {
		snprintf(id, sizeof(id), "s%d", i);
		assert_int_equal(fc_corpus_add_text(c, id, NULL, "x.", 2),
				 FC_OK);
	}
	assert_int_equal(c->nsources, 41);
	const struct fc_source *s = &c->sources[0];
	assert_string_equal(s->id, "doc");
	assert_string_equal(s->published, "2026-01-16");
	assert_int_equal(s->inline_len, 4);
	assert_memory_equal(s->inline_text, "A\0B.", 5);
	assert_null(s->file);
	assert_null(s->path);
	assert_string_equal(c->sources[40].id, "s39");
	assert_memory_equal(c->sources[40].inline_text, "x.", 3);
	/* Copies, not borrowed pointers. */
	assert_ptr_not_equal(s->inline_text, text);
	assert_ptr_not_equal(s->id, "doc");

	assert_int_equal(fc_corpus_add_text(c, "doc", NULL, "y", 1),
			 FC_EINPUT); /* duplicate id */
	assert_int_equal(fc_corpus_add_text(c, "z", "2026-02-30", "y", 1),
			 FC_EINPUT); /* not a real date */
	assert_int_equal(fc_corpus_add_text(c, "", NULL, "y", 1), FC_EINPUT);
	assert_int_equal(fc_corpus_add_text(c, NULL, NULL, "y", 1),
			 FC_EINPUT);
	assert_int_equal(fc_corpus_add_text(c, "n", NULL, NULL, 1),
			 FC_EINPUT);
	assert_int_equal(fc_corpus_add_text(c, "empty", NULL, NULL, 0),
			 FC_OK);
	assert_int_equal(c->nsources, 42);
	assert_string_equal(c->sources[41].inline_text, "");
	fc_corpus_destroy(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folder_sources_sorted),
		cmocka_unit_test(test_folder_id_clash),
		cmocka_unit_test(test_folder_empty),
		cmocka_unit_test(test_folder_yml_manifest),
		cmocka_unit_test(test_single_file),
		cmocka_unit_test(test_add_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
