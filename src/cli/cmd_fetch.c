/*
** cmd_fetch.c: factcross fetch CORPUS (issue 6 fills it).
*/
#include "cli/opts.h"

int cmd_fetch(struct cli *cli, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error(cli, "fetch is not available in this build");
}
