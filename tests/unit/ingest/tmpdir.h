/*
** tmpdir.h: scratch folders for unit tests (created, filled, removed).
*/
#ifndef FC_TEST_TMPDIR_H
#define FC_TEST_TMPDIR_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A new empty folder; free with tmp_remove(). */
static inline char *tmp_make(void)
{
	char *t = strdup("/tmp/fc-test-XXXXXX");
	assert_non_null(t);
	assert_non_null(mkdtemp(t));
	return t;
}

/* dir/name with n bytes of data (folders in name are created). */
static inline char *tmp_write_n(const char *dir, const char *name,
				const char *data, size_t n)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *path = malloc(dl + nl + 2);
	assert_non_null(path);
	memcpy(path, dir, dl);
	path[dl] = '/';
	memcpy(path + dl + 1, name, nl + 1);
	for (char *s = path + strlen(dir) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(path, 0755);
		*s = '/';
	}
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	return path;
}

static inline void tmp_write(const char *dir, const char *name,
			     const char *text)
{
	free(tmp_write_n(dir, name, text, strlen(text)));
}

static inline int tmp_rm_one(const char *p, const struct stat *s, int flag,
			     struct FTW *w)
{
	(void)s;
	(void)flag;
	(void)w;
	return remove(p);
}

static inline void tmp_remove(char *dir)
{
	nftw(dir, tmp_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

#endif
