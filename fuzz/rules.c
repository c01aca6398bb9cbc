/*
** rules.c: fuzz target: the bytes as one YAML rule file, loaded beside the
** built-in rules and compiled (fc_rules_load_kinds: its parse, the
** module's fc_X_add and fc_X_compile). Any diagnostic is fine; a crash,
** a leak or a hang is not. The modules loaded are the ones the file's
** kind needs (named by its `kind:` line, else the text modules), so an
** input costs the loading of the built-in files it sits beside; when the
** rules load, a short text goes through them (fuzzed patterns and
** productions get run, not only compiled).
*/
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "core/core.h"
#include "factcross/fc.h"
#include "fuzz.h"

static char dir[4096], path[4200];

static const char sample[] =
	"MOSCOW, Jan. 16 (Reuters) - Russian President Vladimir Putin spoke "
	"by phone on Friday with Israeli Prime Minister Benjamin Netanyahu, "
	"the Kremlin said. \"We are not seeking war,\" he said. About 3,000 "
	"people protested for two weeks from Dec. 28, 2025 at 5 p.m.; the "
	"treaty runs 20 years and cost $1.5 billion.\n\nThe U.S. embassy "
	"closed on Monday.\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* no rules cache (norm_cache.c): nothing of an input is kept, and
	** no file read or written for one */
	setenv("FACTCROSS_CACHE", "off", 1);
	setenv("FACTCROSS_RULES", fuzz_rules_dir(), 1);
	setenv("FACTCROSS_THREADS", "1", 1);
	snprintf(dir, sizeof(dir), "%s/rules", fuzz_tmpdir());
	snprintf(path, sizeof(path), "%s/fuzz.yaml", dir);
	if (mkdir(dir, 0700) != 0)
		abort();
	return 0;
}

/* The modules a file of the kind named in data needs loaded. */
static unsigned kinds_of(const uint8_t *data, size_t size)
{
	static const struct {
		const char *name;
		unsigned kinds;
	} k[] = {
		{"boilerplate", FC_KIND_BOILERPLATE},
		{"normalizer", FC_KIND_NORMALIZER},
		{"lexicon", FC_KIND_LEXICON},
		{"claims", FC_KIND_CLAIMS},
		{"checks", FC_KIND_CHECKS | FC_KIND_CLAIMS},
		{"html", FC_KIND_HTML},
		{"independence", FC_KIND_INDEPENDENCE},
	};
	const char *s = (const char *)data;
	for (size_t i = 0; i + 5 < size; i++) {
		if ((i && s[i - 1] != '\n') || memcmp(s + i, "kind:", 5))
			continue;
		size_t j = i + 5;
		while (j < size && (s[j] == ' ' || s[j] == '"'))
			j++;
		for (size_t x = 0; x < sizeof(k) / sizeof(k[0]); x++) {
			size_t n = strlen(k[x].name);
			if (j + n <= size && !memcmp(s + j, k[x].name, n))
				return k[x].kinds;
		}
		break;
	}
	return FC_KIND_TEXT;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write(path, data, size);
	unsigned kinds = kinds_of(data, size);
	const char *dirs[] = {dir, NULL};
	struct fc_rules *r = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	fc_status st = fc_rules_load_kinds(dirs, 1, kinds, &r, &d);
	fuzz_diags_done(&d);
	if (!st && (kinds & FC_KIND_TEXT)) {
		struct fc_corpus *c = fc_corpus_create();
		if (!c)
			abort();
		fc_diags_init(&d);
		struct fc_document *doc;
		fc_normalize_text(r, c, "2026-01-16", sample,
				  sizeof(sample) - 1, &doc, &d);
		fuzz_diags_done(&d);
		fc_corpus_destroy(c);
	}
	fc_rules_destroy(r);
	return 0;
}
