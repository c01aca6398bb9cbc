/*
** common.c: temp folders and files, and the built-in rules, for the fuzz
** targets.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "factcross/fc.h"
#include "factcross/fc_error.h"
#include "fuzz.h"

static char tmp_dir[4096];

/* Remove the folder made by fuzz_tmpdir (flat, or one level deep). */
static void remove_tree(const char *dir, int depth)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	struct dirent *e;
	char path[8192];
	while ((e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (unlink(path) != 0 && depth < 2)
			remove_tree(path, depth + 1);
	}
	closedir(dp);
	rmdir(dir);
}

static void cleanup(void)
{
	if (tmp_dir[0])
		remove_tree(tmp_dir, 0);
}

const char *fuzz_tmpdir(void)
{
	if (tmp_dir[0])
		return tmp_dir;
	const char *t = getenv("TMPDIR");
	snprintf(tmp_dir, sizeof(tmp_dir), "%s/fcfuzz.XXXXXX",
		 t && *t ? t : "/tmp");
	if (!mkdtemp(tmp_dir)) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(cleanup);
	return tmp_dir;
}

void fuzz_write(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || (n && fwrite(data, 1, n, f) != n) || fclose(f)) {
		perror(path);
		abort();
	}
}

const char *fuzz_rules_dir(void)
{
	return FUZZ_RULES_DIR;
}

void fuzz_diags_done(struct fc_diags *d)
{
	const char *v = getenv("FUZZ_VERBOSE");
	if (v && *v)
		fc_diags_print(d, stderr, 0);
	fc_diags_finish(d);
}

struct fc_rules *fuzz_builtin_rules(unsigned kinds)
{
	setenv("FACTCROSS_RULES", fuzz_rules_dir(), 1);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	if (fc_rules_load_kinds(NULL, 1, kinds, &r, &d)) {
		fc_diags_print(&d, stderr, 0);
		abort();
	}
	fuzz_diags_done(&d);
	return r;
}
