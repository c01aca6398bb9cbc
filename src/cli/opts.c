/*
** opts.c: options every subcommand shares.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/opts.h"

int cli_common_opt(struct cli *cli, int opt, const char *arg)
{
	switch (opt) {
	case OPT_RULES: {
		const char **v = realloc(cli->rules,
					 (cli->nrules + 2) * sizeof(*v));
		if (!v)
			return EXIT_ENV;
		v[cli->nrules++] = arg;
		v[cli->nrules] = NULL;
		cli->rules = v;
		return EXIT_DONE;
	}
	case OPT_NO_BUILTIN: cli->no_builtin = true; return EXIT_DONE;
	case 'q': cli->is_quiet = true; return EXIT_DONE;
	case OPT_COLOR:
		if (!strcmp(arg, "always"))
			cli->is_color = true;
		else if (!strcmp(arg, "never"))
			cli->is_color = false;
		else if (strcmp(arg, "auto"))
			return cli_usage_error(cli,
					       "--color takes auto, always or "
					       "never, not '%s'",
					       arg);
		return EXIT_DONE;
	default: return -1;
	}
}

int cli_bad_opt(struct cli *cli, const char *cmd, char **argv)
{
	(void)argv;
	return cli_usage_error(cli, "see 'factcross %s --help'", cmd);
}
