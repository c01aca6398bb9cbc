/*
** fetch.h: fetching URL sources from the command line, shared by
** `factcross fetch` and `factcross verify --fetch` (src/cli only).
*/
#ifndef FACTCROSS_CLI_FETCH_H
#define FACTCROSS_CLI_FETCH_H

#include "cli/opts.h"
#include "pipeline/web.h"

enum { OPT_FETCH = 400, OPT_CACHE, OPT_TIMEOUT, OPT_DELAY };

#define FETCH_LONG_OPTS                                                   \
	{"cache", required_argument, NULL, OPT_CACHE},                    \
	{"timeout", required_argument, NULL, OPT_TIMEOUT},                \
	{"delay", required_argument, NULL, OPT_DELAY}

struct cli_fetch {
	const char *cache;  /* --cache, or NULL: NAME.cache.db beside the
			       manifest */
	long timeout_ms;    /* --timeout */
	long delay_ms;      /* --delay */
};

void cli_fetch_init(struct cli_fetch *f);
/* Handle a FETCH_LONG_OPTS option: -1 when opt is not one, else an exit
   code (EXIT_DONE to go on). */
int cli_fetch_opt(struct cli *cli, struct cli_fetch *f, int opt,
		  const char *arg);
/* How many sources of c have a url. */
size_t cli_url_sources(const struct fc_corpus *c);
/* The cache file of c (malloc'd; caller frees), NULL on out of memory. */
char *cli_cache_path(const struct cli_fetch *f, const struct fc_corpus *c);
/*
** Fetch every URL source of c into cache, one line per URL on stderr
** (and a progress line on a terminal). Returns EXIT_DONE, EXIT_ENV when
** a URL could not be fetched (its cached copy is kept) or the cache
** failed, EXIT_USAGE for a URL that does not parse.
*/
int cli_fetch_urls(struct cli *cli, const struct cli_fetch *f,
		   const struct fc_corpus *c, struct fc_cache *cache);

#endif
