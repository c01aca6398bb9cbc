/*
** cmd_check.c: factcross check DOC --against CORPUS.
**
** Verifies CORPUS (no store), judges every claim of DOC against it
** (src/checkdoc) and writes the report in each --format: to standard
** output for one format and no --output (or --output -), to a file for
** one format and --output FILE, into a folder for several. Exit 1 when
** a claim is at or above --fail-on (contradicted by default).
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checkdoc/checkdoc.h"
#include "cli/fetch.h"
#include "core/core.h"

static const char CHECK_HELP[] =
	"usage: factcross check DOC --against CORPUS [OPTIONS]\n"
	"\n"
	"Judge every claim of DOC (Markdown, HTML or plain text by its name; '-'\n"
	"reads Markdown from standard input) against the verified facts of\n"
	"CORPUS: supported, contradicted (with the corpus sentences that\n"
	"contradict it) or unsupported (no source reports it). Claims are\n"
	"located by line and column in DOC (columns count characters).\n"
	"\n"
	"options:\n"
	"  --against CORPUS  a corpus.yaml, or a folder with or without one\n"
	"  --format FMT      json, sarif, junit, github, md, html or claimreview;\n"
	"                    repeat for several (default: md)\n"
	"  --output PATH     a file for one format, '-' for standard output, or a\n"
	"                    folder for several (default: standard output)\n"
	"  --fail-on LEVEL   exit 1 when a claim is at or above LEVEL:\n"
	"                    contradicted (default), unsupported, or none\n"
	"  --ref DATE        resolve relative times in DOC against DATE, or a\n"
	"                    date and time 2026-01-16T09:30+01:00 (default: DOC's\n"
	"                    'date' line, else the corpus reference date)\n"
	"  --cache PATH      the fetch cache of CORPUS's url: sources (default:\n"
	"                    CORPUS-NAME.cache.db beside the manifest; check reads\n"
	"                    it offline: run 'factcross fetch' first)\n"
	"  --max-source-mb N refuse a source of CORPUS with more than N MiB of\n"
	"                    text, an input error (default: 4)\n"
	"  --rules DIR       add rule files; a rule with a built-in id replaces it\n"
	"  --no-builtin      do not load the built-in rules\n"
	"  --color WHEN      auto, always or never (NO_COLOR is honoured)\n"
	"  -q, --quiet       no summary line\n"
	"  --time            after the run, print on standard error the time each\n"
	"                    normalizer pattern and claim rule took (tries,\n"
	"                    matches, ms, share; most first) and the time of each\n"
	"                    stage\n"
	"\n"
	"exit status: 0 no claim at or above --fail-on, 1 some claim is, 2 usage,\n"
	"rule, corpus or input error, 3 environment failure.\n";

enum { OPT_AGAINST = 420 }; /* past cli/fetch.h's options */

struct check_opts {
	enum fc_check_format formats[FC_CHK_COUNT];
	size_t nformats;
	const char *output, *ref, *against, *doc;
	enum fc_claim_status fail_on;
	struct cli_fetch fetch; /* --cache */
	size_t max_source; /* --max-source-mb, bytes; 0: the default */
};

static int parse(struct cli *cli, int argc, char **argv, struct check_opts *o)
{
	static const struct option longopts[] = {
		COMMON_LONG_OPTS,
		{"against", required_argument, NULL, OPT_AGAINST},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"output", required_argument, NULL, OPT_OUTPUT},
		{"fail-on", required_argument, NULL, OPT_FAIL_ON},
		{"ref", required_argument, NULL, OPT_REF},
		{"cache", required_argument, NULL, OPT_CACHE},
		{"time", no_argument, NULL, OPT_TIME},
		{"max-source-mb", required_argument, NULL, OPT_MAX_SOURCE},
		{NULL, 0, NULL, 0},
	};
	int opt;
	opterr = 0;
	optind = 1;
	cli_fetch_init(&o->fetch);
	while ((opt = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
		int rc = cli_common_opt(cli, opt, optarg);
		if (rc < 0)
			rc = cli_fetch_opt(cli, &o->fetch, opt, optarg);
		if (rc > 0)
			return rc;
		if (rc == 0)
			continue;
		switch (opt) {
		case 'h': fputs(CHECK_HELP, stdout); return -1;
		case OPT_AGAINST: o->against = optarg; break;
		case OPT_FORMAT: {
			enum fc_check_format f;
			if (!fc_check_format_parse(optarg, &f))
				return cli_usage_error(
					cli,
					"unknown format '%s' (json, sarif, "
					"junit, github, md, html or "
					"claimreview)",
					optarg);
			size_t i = 0;
			while (i < o->nformats && o->formats[i] != f)
				i++;
			if (i == o->nformats)
				o->formats[o->nformats++] = f;
			break;
		}
		case OPT_OUTPUT: o->output = optarg; break;
		case OPT_TIME: cli->is_time = true; break;
		case OPT_MAX_SOURCE: {
			int rc2 = cli_max_source(cli, optarg,
						 &o->max_source);
			if (rc2)
				return rc2;
			break;
		}
		case OPT_FAIL_ON:
			if (!fc_claim_status_parse(optarg, &o->fail_on) ||
			    o->fail_on == FC_CLAIM_SUPPORTED)
				return cli_usage_error(
					cli,
					"--fail-on takes contradicted, "
					"unsupported or none, not '%s'",
					optarg);
			break;
		case OPT_REF:
			if (!cli_ref_ok(cli, optarg))
				return EXIT_USAGE;
			o->ref = optarg;
			break;
		case ':':
			return cli_usage_error(cli,
					       "%s needs a value; see "
					       "'factcross check --help'",
					       argv[optind - 1]);
		default:
			return cli_usage_error(cli,
					       "unknown option '%s'; see "
					       "'factcross check --help'",
					       argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "check takes one DOC; see "
					    "'factcross check --help'");
	o->doc = argv[optind];
	if (!o->against)
		return cli_usage_error(cli, "check needs --against CORPUS; see "
					    "'factcross check --help'");
	if (!o->nformats)
		o->formats[o->nformats++] = FC_CHK_MD;
	bool to_stdout = !o->output || !strcmp(o->output, "-");
	if (to_stdout && o->nformats > 1)
		return cli_usage_error(cli,
				       "%zu formats need --output FOLDER; "
				       "standard output takes one",
				       o->nformats);
	return EXIT_DONE;
}

/*
** The fetch cache of a corpus with url: sources, when it exists (check
** never fetches: run 'factcross fetch' first); NULL otherwise.
*/
static int open_cache(struct cli *cli, const struct check_opts *o,
		      const struct fc_corpus *c, struct fc_cache **out)
{
	*out = NULL;
	if (!cli_url_sources(c))
		return EXIT_DONE;
	char *path = cli_cache_path(&o->fetch, c);
	if (!path)
		return EXIT_ENV;
	int rc = EXIT_DONE;
	if (access(path, F_OK) == 0) {
		struct fc_diags d;
		fc_diags_init(&d);
		fc_status st = fc_cache_open(path, out, &d);
		rc = st ? cli_fail(cli, &d, st) : EXIT_DONE;
		fc_diags_finish(&d);
	}
	free(path);
	return rc;
}

/* The corpus, verified (url: sources from the cache); prints diagnostics. */
static int load_corpus(struct cli *cli, const struct check_opts *o,
		       const struct fc_rules *r, struct fc_corpus **out)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_cache *cache = NULL;
	int rc = EXIT_DONE;
	fc_status st = fc_corpus_load(o->against, out, &d);
	if (!st && !(rc = open_cache(cli, o, *out, &cache))) {
		struct fc_verify_opts vo = {.progress = cli_progress,
					    .progress_ud = cli};
		struct fc_web_opts wo = {.cache = cache,
					 .now = (int64_t)time(NULL),
					 .max_age = FC_WEB_MAX_AGE,
					 .max_source = o->max_source};
		st = fc_verify_cached(r, *out, &vo, &wo, &d);
		cli_progress(cli, "", 1, 1);
	}
	if (st)
		rc = cli_fail(cli, &d, st);
	else if (!rc)
		fc_diags_print(&d, stderr, cli->is_color); /* warnings */
	fc_cache_close(cache);
	fc_diags_finish(&d);
	return rc;
}

/* "dir/summary.md" -> "summary" (caller frees). */
static char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	s = s ? s + 1 : path;
	const char *dot = strrchr(s, '.');
	size_t n = dot && dot != s ? (size_t)(dot - s) : strlen(s);
	if (!n || !strcmp(path, "-"))
		return strdup("stdin");
	return strndup(s, n);
}

static int write_out(struct cli *cli, const struct check_opts *o,
		     struct fc_buf *bufs)
{
	if (!o->output || !strcmp(o->output, "-")) {
		if (fwrite(fc_buf_cstr(&bufs[0]), 1, bufs[0].len, stdout) !=
			    bufs[0].len ||
		    fflush(stdout))
			return cli_stdout_failed(cli, errno);
		return EXIT_DONE;
	}
	if (o->nformats > 1 && mkdir(o->output, 0777) && errno != EEXIST) {
		fprintf(stderr, "%s: error: cannot create folder %s: %s\n",
			cli->prog, o->output, strerror(errno));
		return EXIT_ENV;
	}
	char *base = base_name(o->doc);
	int rc = base ? EXIT_DONE : EXIT_ENV;
	for (size_t i = 0; !rc && i < o->nformats; i++) {
		char *path;
		if (o->nformats == 1) {
			path = strdup(o->output);
		} else {
			const char *ext = fc_check_format_ext(o->formats[i]);
			size_t n = strlen(o->output) + strlen(base) +
				   strlen(ext) + 3;
			if ((path = malloc(n)))
				snprintf(path, n, "%s/%s.%s", o->output, base,
					 ext);
		}
		fc_status st = path ? fc_file_write(path, fc_buf_cstr(&bufs[i]),
						    bufs[i].len)
				    : FC_ENOMEM;
		if (st) {
			fprintf(stderr, "%s: error: cannot write %s: %s\n",
				cli->prog, path ? path : "report",
				strerror(errno));
			rc = EXIT_ENV;
		} else if (!cli->is_quiet) {
			fprintf(stderr, "wrote %s\n", path);
		}
		free(path);
	}
	free(base);
	return rc;
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	struct check_opts o = {.fail_on = FC_CLAIM_CONTRADICTED};
	int rc = parse(cli, argc, argv, &o);
	if (rc) {
		free(cli->rules);
		return rc < 0 ? EXIT_DONE : rc;
	}
	struct fc_rules *rules = NULL;
	struct fc_corpus *c = NULL;
	struct fc_checkdoc *cd = NULL;
	char *data = NULL;
	size_t len = 0;
	struct fc_buf bufs[FC_CHK_COUNT];
	for (size_t i = 0; i < FC_CHK_COUNT; i++)
		fc_buf_init(&bufs[i], 0);
	struct fc_diags d;
	fc_diags_init(&d);
	if ((rc = cli_read_input(cli, o.doc, &data, &len)) ||
	    (rc = cli_timing_start(cli)) ||
	    (rc = cli_load_rule_kinds(cli, FC_KIND_ALL | FC_LOAD_NO_TESTS,
				      &rules)) ||
	    (rc = load_corpus(cli, &o, rules, &c)))
		goto out;
	/* Standard input has no name to tell its syntax: Markdown (plain
	** text reads the same, but for markup characters). */
	struct fc_checkdoc_opts co = {.name = o.doc, .against = o.against,
				      .ref = o.ref,
				      .syntax = strcmp(o.doc, "-") ? NULL : "md"};
	uint64_t t0 = cli_timing_now(cli);
	fc_status st = fc_checkdoc_run(rules, c, data, len, &co, &cd, &d);
	cli_timing_stage(cli, FC_TS_JUDGE, t0);
	if (st) {
		rc = cli_fail(cli, &d, st);
		goto out;
	}
	fc_diags_print(&d, stderr, cli->is_color); /* warnings */
	/* Render every format first: no half report is ever written. */
	t0 = cli_timing_now(cli);
	for (size_t i = 0; i < o.nformats; i++) {
		st = fc_checkdoc_write(cd, o.formats[i], o.fail_on, &bufs[i]);
		if (st) {
			fprintf(stderr, "%s: error: cannot render the %s "
					"report: %s\n",
				cli->prog, fc_check_format_name(o.formats[i]),
				fc_strerror(st));
			rc = EXIT_ENV;
			goto out;
		}
	}
	rc = write_out(cli, &o, bufs);
	cli_timing_stage(cli, FC_TS_OUTPUT, t0);
	if (rc)
		goto out;
	size_t nfail = fc_checkdoc_nfailing(cd, o.fail_on);
	if (!cli->is_quiet)
		fprintf(stderr,
			"%s: %zu claims in %zu sentences: %zu contradicted, "
			"%zu unsupported, %zu supported; %zu at or above "
			"--fail-on %s\n",
			o.doc, cd->nclaims, cd->nsentences,
			cd->counts[FC_CLAIM_CONTRADICTED],
			cd->counts[FC_CLAIM_UNSUPPORTED],
			cd->counts[FC_CLAIM_SUPPORTED], nfail,
			fc_claim_status_name(o.fail_on));
	rc = nfail ? EXIT_FINDINGS : EXIT_DONE;
out:
	cli_timing_end(cli, rules);
	for (size_t i = 0; i < FC_CHK_COUNT; i++)
		fc_buf_finish(&bufs[i]);
	fc_diags_finish(&d);
	fc_checkdoc_destroy(cd);
	fc_corpus_destroy(c);
	fc_rules_destroy(rules);
	free(data);
	free(cli->rules);
	return rc;
}
