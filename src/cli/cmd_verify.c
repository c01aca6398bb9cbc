/*
** cmd_verify.c: factcross verify, extract and normalize.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/fetch.h"
#include "core/core.h"

static const char VERIFY_HELP[] =
	"usage: factcross verify CORPUS [OPTIONS]\n"
	"\n"
	"Read every source of CORPUS (a corpus.yaml, or a folder with or without\n"
	"one), find its facts, compare them across sources and write a report.\n"
	"\n"
	"options:\n"
	"  --format FMT     md, html or json; repeat for several (default: all three)\n"
	"  --output PATH    a file for one format, '-' for standard output, or a\n"
	"                   folder for several (default: reports/CORPUS-NAME.EXT)\n"
	"  --db PATH        the SQLite store (default: CORPUS-NAME.db beside the reports)\n"
	"  --no-db          do not store the run\n"
	"  --fail-on LEVEL  exit 1 when a finding is at or above LEVEL: none (default),\n"
	"                   contradicted, variant or single-source\n"
	"  --fetch          fetch the url: sources first (as 'factcross fetch');\n"
	"                   without it they are read from the fetch cache, offline\n"
	"  --cache PATH     the fetch cache (default: CORPUS-NAME.cache.db beside\n"
	"                   corpus.yaml)\n"
	"  --timeout S, --delay S  for --fetch, as for 'factcross fetch'\n"
	"  --max-source-mb N  refuse a source with more than N MiB of text (a\n"
	"                   page's main text), an input error (default: 4)\n"
	"  --rules DIR      add rule files; a rule with a built-in id replaces it\n"
	"  --no-builtin     do not load the built-in rules\n"
	"  --color WHEN     auto, always or never (NO_COLOR is honoured)\n"
	"  -q, --quiet      no progress line and no summary\n"
	"  --time           after the run, print on standard error the time each\n"
	"                   normalizer pattern and claim rule took (tries, matches,\n"
	"                   ms, share; most first) and the time of each stage\n"
	"\n"
	"exit status: 0 done, 1 findings at or above --fail-on, 2 usage, rule,\n"
	"manifest or input error, 3 environment failure (with --fetch: a URL\n"
	"could not be fetched; the report is still written from the cache).\n";

static const char EXTRACT_HELP[] =
	"usage: factcross extract CORPUS [--format jsonl] [OPTIONS]\n"
	"\n"
	"Print the facts found in every source of CORPUS, one JSON object a line.\n"
	"\n"
	"options:\n"
	"  --format jsonl   the only format (default)\n"
	"  --fetch, --cache PATH, --timeout S, --delay S: as for verify\n"
	"  --max-source-mb N: as for verify\n"
	"  --rules DIR, --no-builtin, --color WHEN, -q, --time: as for verify\n";

static const char NORMALIZE_HELP[] =
	"usage: factcross normalize [--ref DATE[Thh:mm[:ss][ZONE]]] [TEXT | -]\n"
	"\n"
	"Print the mentions (times, quantities, entities, quotes, attributions,\n"
	"negations, hedges) of TEXT, or of standard input with '-' or no TEXT,\n"
	"one JSON object a line with UTF-8 byte offsets into the input. A time\n"
	"has its TIMEX3 type and value, grain and mod, and when it is dated the\n"
	"first and last day it covers (\"interval\"). Long input is read in\n"
	"pieces on every CPU (FACTCROSS_THREADS sets how many), with a progress\n"
	"line on a terminal.\n"
	"\n"
	"options:\n"
	"  --ref DATE       resolve relative times against DATE (the published date):\n"
	"                   YYYY-MM-DD, or with a time of day and zone offset,\n"
	"                   2013-02-12T04:30:00-02:00 (\"in 3 minutes\", \"now\",\n"
	"                   \"8:00 PST\" then resolve from that time, in that zone)\n"
	"  --time           after the output, print on standard error the time each\n"
	"                   normalizer pattern took (tries, matches, ms, share; most\n"
	"                   first) and the time of each stage (threads add up)\n"
	"  --rules DIR, --no-builtin, --color WHEN: as for verify\n";

enum fail_level { FAIL_NONE, FAIL_SINGLE, FAIL_VARIANT, FAIL_CONTRADICTED };

static int parse_fail_on(struct cli *cli, const char *arg,
			 enum fail_level *out)
{
	static const struct {
		const char *name;
		enum fail_level level;
	} levels[] = {
		{"none", FAIL_NONE},
		{"contradicted", FAIL_CONTRADICTED},
		{"variant", FAIL_VARIANT},
		{"single-source", FAIL_SINGLE},
	};
	for (size_t i = 0; i < sizeof(levels) / sizeof(*levels); i++)
		if (!strcmp(arg, levels[i].name)) {
			*out = levels[i].level;
			return EXIT_DONE;
		}
	return cli_usage_error(cli,
			       "--fail-on takes none, contradicted, variant "
			       "or single-source, not '%s'",
			       arg);
}

static enum fail_level level_of(enum fc_finding_status s)
{
	switch (s) {
	case FC_FIND_CONTRADICTED: return FAIL_CONTRADICTED;
	case FC_FIND_VARIANT: return FAIL_VARIANT;
	case FC_FIND_SINGLE_SOURCE: return FAIL_SINGLE;
	default: return FAIL_NONE;
	}
}

static int make_dir(struct cli *cli, const char *dir)
{
	if (mkdir(dir, 0777) == 0 || errno == EEXIST)
		return EXIT_DONE;
	fprintf(stderr, "%s: error: cannot create folder %s: %s\n", cli->prog,
		dir, strerror(errno));
	return EXIT_ENV;
}

static char *path_join(const char *dir, const char *name, const char *ext)
{
	size_t n = strlen(dir) + strlen(name) + (ext ? strlen(ext) : 0) + 3;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s%s%s", dir, name, ext ? "." : "",
			 ext ? ext : "");
	return p;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* Parse options shared by verify and extract. */
struct run_opts {
	enum fc_format formats[8];
	size_t nformats;
	const char *output, *db, *ref;
	bool no_db;
	enum fail_level fail_on;
	const char *corpus;
	bool is_fetch;
	struct cli_fetch fetch;
	size_t max_source; /* bytes; 0: the default */
};

static int parse_run(struct cli *cli, const char *cmd, const char *help,
		     int argc, char **argv, struct run_opts *o, bool is_extract)
{
	static const struct option longopts[] = {
		COMMON_LONG_OPTS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"output", required_argument, NULL, OPT_OUTPUT},
		{"db", required_argument, NULL, OPT_DB},
		{"no-db", no_argument, NULL, OPT_NO_DB},
		{"fail-on", required_argument, NULL, OPT_FAIL_ON},
		{"fetch", no_argument, NULL, OPT_FETCH},
		{"time", no_argument, NULL, OPT_TIME},
		{"max-source-mb", required_argument, NULL, OPT_MAX_SOURCE},
		FETCH_LONG_OPTS,
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
		case 'h': fputs(help, stdout); return -1;
		case OPT_FORMAT:
			if (is_extract) {
				if (strcmp(optarg, "jsonl"))
					return cli_usage_error(
						cli,
						"extract writes only jsonl, not "
						"'%s'",
						optarg);
				break;
			}
			if (o->nformats == 8)
				return cli_usage_error(cli, "too many --format");
			if (!fc_format_parse(optarg, &o->formats[o->nformats]) ||
			    o->formats[o->nformats] == FC_FMT_JSONL)
				return cli_usage_error(
					cli,
					"unknown format '%s' (md, html or "
					"json)",
					optarg);
			o->nformats++;
			break;
		case OPT_OUTPUT: o->output = optarg; break;
		case OPT_DB: o->db = optarg; break;
		case OPT_NO_DB: o->no_db = true; break;
		case OPT_FETCH: o->is_fetch = true; break;
		case OPT_TIME: cli->is_time = true; break;
		case OPT_MAX_SOURCE: {
			int rc2 = cli_max_source(cli, optarg,
						 &o->max_source);
			if (rc2)
				return rc2;
			break;
		}
		case OPT_FAIL_ON: {
			int rc2 = parse_fail_on(cli, optarg, &o->fail_on);
			if (rc2)
				return rc2;
			break;
		}
		case ':':
			return cli_usage_error(cli, "%s needs a value; see "
						    "'factcross %s --help'",
					       argv[optind - 1], cmd);
		default:
			return cli_usage_error(cli,
					       "unknown option '%s'; see "
					       "'factcross %s --help'",
					       argv[optind - 1], cmd);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli,
				       "%s takes one CORPUS (a corpus.yaml or "
				       "a folder); see 'factcross %s --help'",
				       cmd, cmd);
	o->corpus = argv[optind];
	return cli_timing_start(cli);
}

/*
** The fetch cache of a corpus with url: sources, after fetching them with
** --fetch (*fetch_rc: how that went). Without --fetch a cache that does
** not exist is not created: *out stays NULL and every URL source is
** reported as not fetched.
*/
static int open_cache(struct cli *cli, struct run_opts *o,
		      const struct fc_corpus *c, struct fc_cache **out,
		      int *fetch_rc)
{
	*out = NULL;
	*fetch_rc = EXIT_DONE;
	if (!cli_url_sources(c))
		return EXIT_DONE;
	char *path = cli_cache_path(&o->fetch, c);
	if (!path)
		return EXIT_ENV;
	int rc = EXIT_DONE;
	if (o->is_fetch || access(path, F_OK) == 0) {
		struct fc_diags d;
		fc_diags_init(&d);
		fc_status st = fc_cache_open(path, out, &d);
		rc = st ? cli_fail(cli, &d, st) : EXIT_DONE;
		fc_diags_finish(&d);
	}
	free(path);
	if (!rc && o->is_fetch)
		*fetch_rc = cli_fetch_urls(cli, &o->fetch, c, *out);
	if (*fetch_rc == EXIT_USAGE) /* a URL that does not parse */
		rc = EXIT_USAGE;
	return rc;
}

/* Load rules and corpus, open the store, run the stages. */
static int run(struct cli *cli, struct run_opts *o, int stop_after,
	       struct fc_rules **rules, struct fc_corpus **corpus,
	       const char *outdir, int *fetch_rc)
{
	*fetch_rc = EXIT_DONE;
	int rc = cli_load_rule_kinds(cli, FC_KIND_ALL | FC_LOAD_NO_TESTS,
				     rules);
	if (rc)
		return rc;
	struct fc_diags d;
	fc_diags_init(&d);
	fc_status st = fc_corpus_load(o->corpus, corpus, &d);
	if (st) {
		rc = cli_fail(cli, &d, st);
		fc_diags_finish(&d);
		return rc;
	}
	struct fc_store *store = NULL;
	struct fc_cache *cache = NULL;
	char *dbpath = NULL;
	if ((rc = open_cache(cli, o, *corpus, &cache, fetch_rc)))
		goto out;
	if (!o->no_db && (o->db || outdir)) {
		if (!o->db && (rc = make_dir(cli, outdir)))
			goto out;
		dbpath = o->db ? strdup(o->db)
			       : path_join(outdir, (*corpus)->name, "db");
		if (!dbpath) {
			rc = EXIT_ENV;
			goto out;
		}
		if ((st = fc_store_open(dbpath, &store, &d))) {
			rc = cli_fail(cli, &d, st);
			goto out;
		}
	}
	struct fc_verify_opts vo = {
		.store = store,
		.progress = cli_progress,
		.progress_ud = cli,
		.stop_after = stop_after,
	};
	struct fc_web_opts wo = {
		.cache = cache,
		.now = (int64_t)time(NULL),
		.max_age = FC_WEB_MAX_AGE,
		.max_source = o->max_source,
	};
	st = fc_verify_cached(*rules, *corpus, &vo, &wo, &d);
	cli_progress(cli, "", 1, 1);
	if (st) {
		rc = cli_fail(cli, &d, st);
		/* a source missing because its fetch just failed */
		if (rc == EXIT_USAGE && *fetch_rc == EXIT_ENV)
			rc = EXIT_ENV;
	} else {
		fc_diags_print(&d, stderr, cli->is_color); /* warnings */
	}
out:
	fc_cache_close(cache);
	fc_store_close(store);
	free(dbpath);
	fc_diags_finish(&d);
	return rc;
}

int cmd_verify(struct cli *cli, int argc, char **argv)
{
	struct run_opts o = {0};
	int rc = parse_run(cli, "verify", VERIFY_HELP, argc, argv, &o, false);
	if (rc) {
		free(cli->rules);
		return rc < 0 ? EXIT_DONE : rc;
	}
	if (!o.nformats) {
		o.formats[0] = FC_FMT_MD;
		o.formats[1] = FC_FMT_HTML;
		o.formats[2] = FC_FMT_JSON;
		o.nformats = 3;
	}
	bool to_stdout = o.output && !strcmp(o.output, "-");
	if (to_stdout && o.nformats != 1)
		return cli_usage_error(cli, "--output - takes exactly one "
					    "--format");
	/* Where reports (and the default store) go. */
	char *outdir = NULL;
	if (!o.output)
		outdir = strdup("reports");
	else if (!to_stdout && o.nformats > 1)
		outdir = strdup(o.output);
	else if (!to_stdout)
		outdir = dir_of(o.output);
	struct fc_rules *rules = NULL;
	struct fc_corpus *c = NULL;
	struct fc_buf bufs[8];
	for (size_t i = 0; i < 8; i++)
		fc_buf_init(&bufs[i], 0);
	int fetch_rc;
	rc = run(cli, &o, 0, &rules, &c, outdir, &fetch_rc);
	if (rc)
		goto out;
	/* Render every report first: no half report is ever written. */
	uint64_t t0 = cli_timing_now(cli);
	for (size_t i = 0; i < o.nformats; i++) {
		fc_status st = fc_report_write(c, o.formats[i], &bufs[i]);
		if (st || bufs[i].err) {
			fprintf(stderr, "%s: error: cannot render the %s "
					"report: %s\n",
				cli->prog, fc_format_ext(o.formats[i]),
				fc_strerror(st ? st : bufs[i].err));
			rc = EXIT_ENV;
			goto out;
		}
	}
	if (to_stdout) {
		if (fwrite(bufs[0].p, 1, bufs[0].len, stdout) != bufs[0].len ||
		    fflush(stdout)) {
			rc = cli_stdout_failed(cli, errno);
			goto out;
		}
	} else {
		if ((rc = make_dir(cli, outdir)))
			goto out;
		for (size_t i = 0; i < o.nformats; i++) {
			char *path = o.output && o.nformats == 1
					     ? strdup(o.output)
					     : path_join(outdir, c->name,
							 fc_format_ext(
								 o.formats[i]));
			fc_status st = path ? fc_file_write(path, bufs[i].p,
							    bufs[i].len)
					    : FC_ENOMEM;
			if (st) {
				fprintf(stderr, "%s: error: cannot write %s: "
						"%s\n",
					cli->prog, path ? path : "report",
					strerror(errno));
				free(path);
				rc = EXIT_ENV;
				goto out;
			}
			if (!cli->is_quiet)
				fprintf(stderr, "wrote %s\n", path);
			free(path);
		}
	}
	cli_timing_stage(cli, FC_TS_OUTPUT, t0);
	size_t counts[4] = {0};
	enum fail_level worst = FAIL_NONE;
	for (size_t i = 0; i < c->nfindings; i++) {
		counts[c->findings[i].status]++;
		enum fail_level l = level_of(c->findings[i].status);
		if (l > worst)
			worst = l;
	}
	if (!cli->is_quiet)
		fprintf(stderr,
			"%s: %zu sources, %zu facts, %zu findings: %zu "
			"corroborated, %zu contradicted, %zu single-source, "
			"%zu variant\n",
			c->name, c->ndocs, c->nfacts, c->nfindings,
			counts[FC_FIND_CORROBORATED],
			counts[FC_FIND_CONTRADICTED],
			counts[FC_FIND_SINGLE_SOURCE], counts[FC_FIND_VARIANT]);
	if (o.fail_on != FAIL_NONE && worst >= o.fail_on)
		rc = EXIT_FINDINGS;
	if (fetch_rc)
		rc = fetch_rc; /* the report came from older copies */
out:
	cli_timing_end(cli, rules);
	for (size_t i = 0; i < 8; i++)
		fc_buf_finish(&bufs[i]);
	free(outdir);
	fc_corpus_destroy(c);
	fc_rules_destroy(rules);
	free(cli->rules);
	return rc;
}

int cmd_extract(struct cli *cli, int argc, char **argv)
{
	struct run_opts o = {0};
	int rc = parse_run(cli, "extract", EXTRACT_HELP, argc, argv, &o, true);
	if (rc) {
		free(cli->rules);
		return rc < 0 ? EXIT_DONE : rc;
	}
	o.no_db = !o.db;
	struct fc_rules *rules = NULL;
	struct fc_corpus *c = NULL;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	int fetch_rc;
	rc = run(cli, &o, 3, &rules, &c, NULL, &fetch_rc);
	if (!rc) {
		uint64_t t0 = cli_timing_now(cli);
		fc_status st = fc_report_facts_jsonl(c, &b);
		if (st || b.err)
			rc = EXIT_ENV;
		else if (fwrite(fc_buf_cstr(&b), 1, b.len, stdout) != b.len ||
			 fflush(stdout))
			rc = cli_stdout_failed(cli, errno);
		else
			rc = fetch_rc;
		cli_timing_stage(cli, FC_TS_OUTPUT, t0);
	}
	cli_timing_end(cli, rules);
	fc_buf_finish(&b);
	fc_corpus_destroy(c);
	fc_rules_destroy(rules);
	free(cli->rules);
	return rc;
}

/* Output buffer kept between blocks, at most. */
#define FLUSH_KEEP (8u << 20)

/* Write out what b holds to standard output; false when it fails (errno
** says why, ENOMEM when b could not hold the lines). */
static bool flush_out(const struct cli *cli, struct fc_buf *b)
{
	uint64_t t0 = cli_timing_now(cli);
	errno = 0;
	bool ok = !b->err &&
		  (!b->len || fwrite(b->p, 1, b->len, stdout) == b->len);
	int e = b->err ? ENOMEM : errno;
	fc_buf_reset(b);
	if (b->cap > FLUSH_KEEP) { /* a hostile text's lines: give back */
		fc_buf_finish(b);
		fc_buf_init(b, 0);
	}
	cli_timing_stage(cli, FC_TS_OUTPUT, t0);
	errno = e;
	return ok;
}

/* The stream's sink: each piece's lines leave as they are made. */
struct out_sink {
	const struct cli *cli;
	bool is_failed;
	int err; /* errno of the failed write */
};

static fc_status sink_out(void *ud, struct fc_buf *b)
{
	struct out_sink *o = ud;
	if (flush_out(o->cli, b))
		return FC_OK;
	o->is_failed = true;
	o->err = errno;
	return FC_EIO;
}

/*
** The mentions of arg, or of standard input (arg NULL), as JSON lines:
** the text goes through fc_norm_stream in blocks, so any length is read
** in bounded memory, and output leaves as it is made.
*/
static int normalize_run(struct cli *cli, const struct fc_rules *rules,
			 const char *ref, const char *arg, struct fc_diags *d)
{
	enum { BLOCK = 1 << 20 };
	struct fc_buf b;
	fc_buf_init(&b, 0);
	struct fc_norm_stream *ns = NULL;
	char *block = arg ? NULL : malloc(BLOCK);
	fc_status st = arg || block ? fc_norm_stream_create(rules, ref, &b, &ns)
				    : FC_ENOMEM;
	int rc = EXIT_DONE;
	struct out_sink sink = {cli, false, 0};
	if (!st)
		fc_norm_stream_set_sink(ns, sink_out, &sink);
	if (!st && arg)
		st = fc_norm_stream_feed(ns, arg, strlen(arg), d);
	/* on a terminal, a progress line: MiB read (of the file's size) */
	struct stat sst;
	size_t total = !arg && !fstat(STDIN_FILENO, &sst) &&
				       S_ISREG(sst.st_mode)
			       ? (size_t)(sst.st_size >> 20)
			       : 0;
	size_t mib = 0;
	while (!st && !arg && !rc) {
		size_t n = fread(block, 1, BLOCK, stdin);
		if (n)
			st = fc_norm_stream_feed(ns, block, n, d);
		if (!st && !flush_out(cli, &b))
			rc = cli_stdout_failed(cli, errno);
		if (n == BLOCK && ++mib < total)
			cli_progress(cli, "normalize (MiB)", mib, total);
		else if (n == BLOCK && !total && cli->is_tty &&
			 !cli->is_quiet)
			fprintf(stderr, "\r\033[Knormalize: %zu MiB read", mib);
		if (n < BLOCK) {
			if (ferror(stdin))
				rc = cli_usage_error(cli, "cannot read standard "
							  "input");
			break;
		}
	}
	if (mib)
		cli_progress(cli, "", 1, 1); /* clears the line */
	if (!st && !rc)
		st = fc_norm_stream_finish(ns, d);
	if (sink.is_failed)
		rc = cli_stdout_failed(cli, sink.err);
	else if (st)
		rc = cli_fail(cli, d, st);
	else if (!rc && (!flush_out(cli, &b) || fflush(stdout)))
		rc = cli_stdout_failed(cli, errno);
	else if (!rc)
		fc_diags_print(d, stderr, cli->is_color);
	fc_norm_stream_destroy(ns);
	fc_buf_finish(&b);
	free(block);
	return rc;
}

static int normalize_main(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONG_OPTS,
		{"ref", required_argument, NULL, OPT_REF},
		{"time", no_argument, NULL, OPT_TIME},
		{NULL, 0, NULL, 0},
	};
	const char *ref = NULL;
	int opt, rc;
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
		rc = cli_common_opt(cli, opt, optarg);
		if (rc > 0)
			return rc;
		if (rc == 0)
			continue;
		switch (opt) {
		case 'h': fputs(NORMALIZE_HELP, stdout); return EXIT_DONE;
		case OPT_REF:
			if (!cli_ref_ok(cli, optarg))
				return EXIT_USAGE;
			ref = optarg;
			break;
		case OPT_TIME: cli->is_time = true; break;
		case ':':
			return cli_usage_error(cli, "%s needs a value",
					       argv[optind - 1]);
		default:
			return cli_usage_error(cli,
					       "unknown option '%s'; see "
					       "'factcross normalize --help'",
					       argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(cli, "normalize takes one TEXT (quote "
					    "it) or '-' for standard input");
	const char *arg = optind < argc && strcmp(argv[optind], "-")
				  ? argv[optind]
				  : NULL;
	if (!arg && optind == argc && isatty(STDIN_FILENO))
		return cli_usage_error(cli, "normalize needs a TEXT or "
					    "'-' with text on standard input");
	struct fc_rules *rules = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	rc = cli_timing_start(cli);
	if (!rc)
		rc = cli_load_rule_kinds(
			cli, FC_KIND_TEXT | FC_LOAD_NO_TESTS, &rules);
	if (!rc)
		rc = normalize_run(cli, rules, ref, arg, &d);
	cli_timing_end(cli, rules);
	fc_diags_finish(&d);
	fc_rules_destroy(rules);
	return rc;
}

int cmd_normalize(struct cli *cli, int argc, char **argv)
{
	int rc = normalize_main(cli, argc, argv);
	free(cli->rules); /* --rules, on every way out */
	return rc;
}
