/*
** cmd_fetch.c: factcross fetch CORPUS, and the fetching that
** `verify --fetch` shares with it.
**
** Every `url:` source of the manifest is fetched (each URL once, one at a
** time, with a pause between two requests to one host) into the fetch
** cache, a SQLite file beside the manifest. Nothing cached is ever lost:
** a page that changed is kept in each of its versions, and a fetch that
** fails keeps the earlier copy, which `verify` then uses.
*/
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/fetch.h"
#include "core/core.h"

static const char FETCH_HELP[] =
	"usage: factcross fetch CORPUS [OPTIONS]\n"
	"\n"
	"Fetch every url: source of CORPUS (a corpus.yaml, or a folder holding\n"
	"one) into the fetch cache. Every fetch is kept: a page that changed is\n"
	"kept in each of its versions (verify reports the facts that changed),\n"
	"and a fetch that fails keeps the earlier copy. 'factcross verify' then\n"
	"reads the pages from the cache, offline.\n"
	"\n"
	"options:\n"
	"  --cache PATH       the fetch cache (default: CORPUS-NAME.cache.db\n"
	"                     beside corpus.yaml)\n"
	"  --timeout SECONDS  give up on a page after this long (default 30)\n"
	"  --delay SECONDS    pause between two requests to one host (default 1)\n"
	"  --color WHEN       auto, always or never (NO_COLOR is honoured)\n"
	"  -q, --quiet        no progress line, no line per URL, no summary\n"
	"\n"
	"exit status: 0 every URL fetched, 2 usage or manifest error, 3 a URL\n"
	"could not be fetched (its cached copy is kept) or the cache failed.\n";

void cli_fetch_init(struct cli_fetch *f)
{
	struct fc_fetch_opts o;
	fc_fetch_opts_init(&o);
	f->cache = NULL;
	f->timeout_ms = o.timeout_ms;
	f->delay_ms = o.host_delay_ms;
}

/* Seconds (a decimal number) to milliseconds; false when invalid. */
static bool parse_seconds(const char *arg, double min, long *ms)
{
	char *end;
	double v = strtod(arg, &end);
	if (end == arg || *end || !isfinite(v) || v < min || v > 86400)
		return false;
	*ms = lround(v * 1000.0);
	return true;
}

int cli_fetch_opt(struct cli *cli, struct cli_fetch *f, int opt,
		  const char *arg)
{
	switch (opt) {
	case OPT_CACHE: f->cache = arg; return EXIT_DONE;
	case OPT_TIMEOUT:
		if (!parse_seconds(arg, 0.001, &f->timeout_ms))
			return cli_usage_error(cli,
					       "--timeout takes seconds "
					       "(more than 0), not '%s'",
					       arg);
		return EXIT_DONE;
	case OPT_DELAY:
		if (!parse_seconds(arg, 0, &f->delay_ms))
			return cli_usage_error(cli,
					       "--delay takes seconds (0 or "
					       "more), not '%s'",
					       arg);
		return EXIT_DONE;
	default: return -1;
	}
}

size_t cli_url_sources(const struct fc_corpus *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nsources; i++)
		n += c->sources[i].url != NULL;
	return n;
}

char *cli_cache_path(const struct cli_fetch *f, const struct fc_corpus *c)
{
	if (f->cache)
		return strdup(f->cache);
	const char *dir = c->dir && *c->dir ? c->dir : ".";
	size_t n = strlen(dir) + strlen(c->name) + 16;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s.cache.db", dir, c->name);
	return p;
}

/* The progress line: "fetch 2/5 https://x/y 12 KiB of 40 KiB". */
struct progress {
	const struct cli *cli;
	size_t i, n;
};

static int on_progress(void *ud, const char *url, uint64_t done,
		       uint64_t total)
{
	const struct progress *p = ud;
	size_t len = strlen(url);
	const char *cut = len > 60 ? "..." : "";
	int show = len > 60 ? 57 : (int)len;
	fprintf(stderr, "\r\033[Kfetch %zu/%zu %.*s%s %llu KiB", p->i + 1,
		p->n, show, url, cut, (unsigned long long)(done >> 10));
	if (total)
		fprintf(stderr, " of %llu KiB",
			(unsigned long long)(total >> 10));
	fflush(stderr);
	return 0;
}

static void clear_progress(const struct cli *cli)
{
	if (cli->is_tty && !cli->is_quiet) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
}

/* Is s->url the url of an earlier source? */
static bool is_repeat(const struct fc_corpus *c, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (c->sources[k].url && !strcmp(c->sources[k].url,
						 c->sources[i].url))
			return true;
	return false;
}

struct tally {
	size_t nnew, nchanged, nsame, nfailed;
};

static void report(const struct cli *cli, const struct fc_source *s,
		   fc_status st, const struct fc_fetch_outcome *out,
		   struct tally *t)
{
	char when[32];
	switch (out->change) {
	case FC_FETCH_FIRST: t->nnew++; break;
	case FC_FETCH_CHANGED: t->nchanged++; break;
	case FC_FETCH_SAME: t->nsame++; break;
	case FC_FETCH_FAILED: t->nfailed++; break;
	}
	if (st) {
		/* with the error just printed, even with --quiet */
		if (out->has_copy) {
			fc_web_time(out->copy_fetched_at, when, sizeof(when));
			fprintf(stderr, "%s %s: not fetched; the copy fetched "
					"%s is kept\n",
				s->id, s->url, when);
		} else {
			fprintf(stderr, "%s %s: not fetched; there is no "
					"copy in the cache\n",
				s->id, s->url);
		}
		return;
	}
	if (cli->is_quiet)
		return;
	switch (out->change) {
	case FC_FETCH_FIRST:
		fprintf(stderr, "%s %s: new, %zu bytes\n", s->id, s->url,
			out->body_len);
		break;
	case FC_FETCH_CHANGED:
		fprintf(stderr, "%s %s: changed, %zu bytes (version %zu)\n",
			s->id, s->url, out->body_len, out->nversions);
		break;
	default:
		fprintf(stderr, "%s %s: unchanged%s\n", s->id, s->url,
			out->is_not_modified ? " (not modified)" : "");
		break;
	}
}

int cli_fetch_urls(struct cli *cli, const struct cli_fetch *f,
		   const struct fc_corpus *c, struct fc_cache *cache)
{
	struct fc_fetch_opts o;
	struct fc_http_hosts *hosts = NULL;
	struct progress pr = {.cli = cli, .n = cli_url_sources(c)};
	struct tally t = {0};
	int rc = EXIT_DONE;
	/* libcurl and OpenSSL may write to a socket the peer closed */
	signal(SIGPIPE, SIG_IGN);
	if (fc_http_hosts_create(&hosts))
		return EXIT_ENV;
	fc_fetch_opts_init(&o);
	o.timeout_ms = f->timeout_ms;
	if (o.connect_timeout_ms > f->timeout_ms)
		o.connect_timeout_ms = f->timeout_ms;
	o.host_delay_ms = f->delay_ms;
	o.hosts = hosts;
	if (cli->is_tty && !cli->is_quiet) {
		o.progress = on_progress;
		o.progress_ud = &pr;
	}
	for (size_t i = 0; i < c->nsources; i++) {
		const struct fc_source *s = &c->sources[i];
		if (!s->url)
			continue;
		if (is_repeat(c, i)) {
			pr.i++;
			continue;
		}
		struct fc_diags d;
		struct fc_fetch_outcome out;
		fc_diags_init(&d);
		fc_status st = fc_source_fetch(&o, cache, s->url,
					       (int64_t)time(NULL), &out, &d);
		clear_progress(cli);
		fc_diags_print(&d, stderr, cli->is_color);
		fc_diags_finish(&d);
		pr.i++;
		if (st == FC_ESQL || st == FC_ENOMEM) {
			rc = EXIT_ENV;
			break;
		}
		report(cli, s, st, &out, &t);
		if (st == FC_EINPUT && rc == EXIT_DONE)
			rc = EXIT_USAGE;
		else if (st)
			rc = EXIT_ENV;
	}
	fc_http_hosts_destroy(hosts);
	if (!cli->is_quiet)
		fprintf(stderr, "%s: %zu URL%s: %zu new, %zu changed, %zu "
				"unchanged, %zu failed\n",
			c->name, pr.n, pr.n == 1 ? "" : "s", t.nnew,
			t.nchanged, t.nsame, t.nfailed);
	return rc;
}

int cmd_fetch(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONG_OPTS,
		FETCH_LONG_OPTS,
		{NULL, 0, NULL, 0},
	};
	struct cli_fetch f;
	int opt, rc;
	cli_fetch_init(&f);
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":qh", longopts, NULL)) != -1) {
		if ((rc = cli_common_opt(cli, opt, optarg)) >= 0 ||
		    (rc = cli_fetch_opt(cli, &f, opt, optarg)) >= 0) {
			if (rc)
				return rc;
			continue;
		}
		switch (opt) {
		case 'h': fputs(FETCH_HELP, stdout); return EXIT_DONE;
		case ':':
			return cli_usage_error(cli, "%s needs a value; see "
						    "'factcross fetch --help'",
					       argv[optind - 1]);
		default:
			return cli_usage_error(cli,
					       "unknown option '%s'; see "
					       "'factcross fetch --help'",
					       argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(cli, "fetch takes one CORPUS (a "
					    "corpus.yaml or a folder); see "
					    "'factcross fetch --help'");
	struct fc_corpus *c = NULL;
	struct fc_cache *cache = NULL;
	char *path = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	fc_status st = fc_corpus_load(argv[optind], &c, &d);
	if (st) {
		rc = cli_fail(cli, &d, st);
		goto out;
	}
	fc_diags_print(&d, stderr, cli->is_color);
	fc_diags_finish(&d);
	fc_diags_init(&d);
	if (!cli_url_sources(c)) {
		if (!cli->is_quiet)
			fprintf(stderr, "%s: no source has a url; nothing to "
					"fetch\n",
				c->name);
		rc = EXIT_DONE;
		goto out;
	}
	if (!(path = cli_cache_path(&f, c))) {
		rc = EXIT_ENV;
		goto out;
	}
	if ((st = fc_cache_open(path, &cache, &d))) {
		rc = cli_fail(cli, &d, st);
		goto out;
	}
	rc = cli_fetch_urls(cli, &f, c, cache);
out:
	fc_cache_close(cache);
	free(path);
	fc_diags_finish(&d);
	fc_corpus_destroy(c);
	free(cli->rules);
	return rc;
}
