/*
** opts.h: option tables shared by the subcommands (getopt_long).
*/
#ifndef FACTCROSS_OPTS_H
#define FACTCROSS_OPTS_H

#include <getopt.h>

#include "cli/cli.h"

enum {
	OPT_RULES = 256, OPT_NO_BUILTIN, OPT_COLOR, OPT_QUIET, OPT_HELP,
	OPT_FORMAT, OPT_OUTPUT, OPT_DB, OPT_FAIL_ON, OPT_REF, OPT_VERBOSE,
	OPT_NO_DB, OPT_TIME, OPT_MAX_SOURCE,
};

#define COMMON_LONG_OPTS                                                  \
	{"rules", required_argument, NULL, OPT_RULES},                    \
	{"no-builtin", no_argument, NULL, OPT_NO_BUILTIN},                \
	{"color", required_argument, NULL, OPT_COLOR},                    \
	{"colour", required_argument, NULL, OPT_COLOR},                   \
	{"quiet", no_argument, NULL, 'q'},                                \
	{"help", no_argument, NULL, 'h'}

/*
** Handle a common option. Returns -1 when opt is not common, else an
** exit code (EXIT_DONE to go on).
*/
int cli_common_opt(struct cli *cli, int opt, const char *arg);
/* Report an unknown option or a missing argument (getopt's '?'/':'). */
int cli_bad_opt(struct cli *cli, const char *cmd, char **argv);

#endif
