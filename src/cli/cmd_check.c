/*
** cmd_check.c: factcross check DOC --against CORPUS (issue 5 fills it).
*/
#include "cli/opts.h"

int cmd_check(struct cli *cli, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error(cli, "check is not available in this build");
}
