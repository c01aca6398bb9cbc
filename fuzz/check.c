/*
** check.c: fuzz target: the bytes as the DOC of `factcross check DOC
** --against CORPUS`, a published summary judged against the bundled
** seed corpus (loaded and verified once, with every built-in rule). A
** DOC is untrusted text that ends up in SARIF, JUnit XML, HTML,
** Markdown, JSON and GitHub annotations, so each input is written in
** every format; each format is written twice and must come out the same
** both times (the writers promise the same bytes for the same input).
**
** When the input has more than 2 bytes, the first 2 choose the run:
**   [0] % 3: the syntax (Markdown, HTML, plain text); bit 2: the
**       reference date of the corpus rather than DOC's own date line
**   [1] % 4: --fail-on (supported, unsupported, contradicted, none)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkdoc/checkdoc.h"
#include "core/core.h"
#include "factcross/fc.h"
#include "fuzz.h"

static struct fc_rules *rules;
static struct fc_corpus *corpus;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* no rules cache (norm_cache.c): nothing of an input is kept, and
	** no file read or written for one */
	setenv("FACTCROSS_CACHE", "off", 1);
	setenv("FACTCROSS_THREADS", "1", 0);
	rules = fuzz_builtin_rules(FC_KIND_ALL);
	struct fc_diags d;
	fc_diags_init(&d);
	if (fc_corpus_load(FUZZ_CORPUS, &corpus, &d) ||
	    fc_verify(rules, corpus, NULL, &d)) {
		fc_diags_print(&d, stderr, 0);
		abort();
	}
	fuzz_diags_done(&d);
	return 0;
}

/* Write cd in format f twice; abort when the two differ. */
static void write_twice(const struct fc_checkdoc *cd,
			enum fc_check_format f, enum fc_claim_status fail_on)
{
	struct fc_buf a, b;
	fc_buf_init(&a, 0);
	fc_buf_init(&b, 0);
	fc_status sa = fc_checkdoc_write(cd, f, fail_on, &a);
	fc_status sb = fc_checkdoc_write(cd, f, fail_on, &b);
	if (sa != sb || a.len != b.len || (a.len && memcmp(a.p, b.p, a.len)))
		abort();
	fc_buf_finish(&a);
	fc_buf_finish(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const syntax[] = {"md", "html", "txt"};
	const char *text = (const char *)data;
	size_t len = size;
	uint8_t h0 = 0, h1 = 2;
	if (size > 2) {
		h0 = data[0];
		h1 = data[1];
		text += 2;
		len -= 2;
	}
	struct fc_checkdoc_opts o = {
		.name = "summary",
		.against = "seed",
		.ref = (h0 & 4) ? corpus->reference_date : NULL,
		.syntax = syntax[h0 % 3],
	};
	enum fc_claim_status fail_on = (enum fc_claim_status)(h1 % 4);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_checkdoc *cd = NULL;
	if (!fc_checkdoc_run(rules, corpus, text, len, &o, &cd, &d)) {
		for (int f = 0; f < FC_CHK_COUNT; f++)
			write_twice(cd, (enum fc_check_format)f, fail_on);
		size_t nfail = fc_checkdoc_nfailing(cd, fail_on);
		if (getenv("FUZZ_VERBOSE"))
			fprintf(stderr, "%zu claims, %zu failing\n",
				cd->nclaims, nfail);
	}
	fc_checkdoc_destroy(cd);
	fuzz_diags_done(&d);
	return 0;
}
