/*
** manifest.c: fuzz target: the bytes as a corpus.yaml in a temp folder
** beside a few small source files (a.txt, b.md, c.html, 000.txt), loaded
** with fc_corpus_load; a manifest that loads is read on by fc_verify's
** text stage (sources read, cleaned, split, grouped by independence).
** No network: fc_verify reads a `url:` source from the fetch cache only
** (none is given here, so it is an error), never fetches it. A source
** file outside the temp folder is not read (the fuzzer is not to read
** the machine's files), the manifest is loaded all the same.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "factcross/fc.h"
#include "fuzz.h"

static struct fc_rules *rules;
static char dir[4096], manifest[4200];

static void put(const char *name, const char *text)
{
	char path[4400];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fuzz_write(path, text, strlen(text));
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* no rules cache (norm_cache.c): nothing of an input is kept, and
	** no file read or written for one */
	setenv("FACTCROSS_CACHE", "off", 1);
	rules = fuzz_builtin_rules(FC_KIND_BOILERPLATE | FC_KIND_HTML |
				   FC_KIND_INDEPENDENCE);
	snprintf(dir, sizeof(dir), "%s", fuzz_tmpdir());
	snprintf(manifest, sizeof(manifest), "%s/corpus.yaml", dir);
	put("a.txt", "date 2026-01-16\n\nPutin spoke with Netanyahu on "
		     "Friday, the Kremlin said.\n");
	put("b.md", "# Talks\n\nMOSCOW (Reuters) - Putin spoke with "
		    "Netanyahu on Friday, the Kremlin said.\n");
	put("c.html", "<html><head><title>Talks</title><meta property="
		      "\"article:published_time\" content=\"2026-01-16\">"
		      "</head><body><p>Putin spoke with Pezeshkian.</p>"
		      "</body></html>");
	put("000.txt", "Putin spoke with Pezeshkian on Friday.\n");
	return 0;
}

/* Every file source is one of ours (no "..", in dir). */
static bool is_local(const struct fc_corpus *c)
{
	size_t n = strlen(dir);
	for (size_t i = 0; i < c->nsources; i++) {
		const char *p = c->sources[i].path;
		if (p && (strncmp(p, dir, n) || p[n] != '/' ||
			  strstr(p, "..")))
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write(manifest, data, size);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	fc_status st = fc_corpus_load(manifest, &c, &d);
	if (!st && is_local(c)) {
		struct fc_verify_opts o = {.stop_after = 1};
		fc_verify(rules, c, &o, &d);
	}
	fc_corpus_destroy(c);
	fuzz_diags_done(&d);
	return 0;
}
