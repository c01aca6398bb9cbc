/*
** main.c: the factcross command: dispatch to subcommands, shared
** error printing, progress and exit codes. Only src/cli prints or exits.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/core.h"
#include "extract/norm_ref.h"

static const char USAGE[] =
	"usage: factcross COMMAND [OPTIONS] [ARGS]\n"
	"\n"
	"Cross-verify facts across news sources.\n"
	"\n"
	"commands:\n"
	"  verify CORPUS       verify a corpus; write Markdown, HTML and JSON reports\n"
	"  check DOC --against CORPUS\n"
	"                      judge each claim of DOC (a summary) against the corpus;\n"
	"                      json, sarif, junit, github, md, html, claimreview\n"
	"  extract CORPUS      print the facts of a corpus as JSON lines\n"
	"  fetch CORPUS        fetch the url: sources of a corpus into its cache\n"
	"  normalize [TEXT|-]  print the mentions of a text as JSON lines\n"
	"  lint [RULES]...     check rule files; report every problem as file:line:col\n"
	"  test [RULES]...     run the golden tests written in the rule files\n"
	"\n"
	"common options:\n"
	"  --rules DIR         add rule files (a rule with a built-in id replaces it)\n"
	"  --no-builtin        do not load the built-in rules\n"
	"  --color WHEN        auto (default), always or never; NO_COLOR is honoured\n"
	"  -q, --quiet         no progress line, no summary\n"
	"  --time              (normalize, extract, verify, check) after the output,\n"
	"                      the time of each rule and stage on standard error\n"
	"  -h, --help          help for a command: factcross COMMAND --help\n"
	"  --version           print the version\n"
	"\n"
	"exit status: 0 done, 1 findings at or above --fail-on, 2 usage, rule,\n"
	"manifest or input error, 3 environment failure (network, disk,\n"
	"database).\n"
	"See factcross(1).\n";

int cli_exit_code(fc_status st)
{
	switch (st) {
	case FC_OK: return EXIT_DONE;
	case FC_ESQL:
	case FC_ENET:
	case FC_ENOMEM: return EXIT_ENV;
	default: return EXIT_USAGE;
	}
}

int cli_fail(const struct cli *cli, struct fc_diags *d, fc_status st)
{
	fc_diags_print(d, stderr, cli->is_color);
	if (st == FC_OK)
		st = fc_diags_status(d);
	return cli_exit_code(st);
}

int cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: %serror:%s ", cli->prog,
		cli->is_color ? "\033[1;31m" : "", cli->is_color ? "\033[0m" : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

bool cli_ref_ok(const struct cli *cli, const char *arg)
{
	struct norm_ref r;
	if (strlen(arg) < NORM_REF_MAX && fc_norm_ref_parse(arg, &r))
		return true;
	cli_usage_error(cli,
			"--ref takes a date YYYY-MM-DD or a date and time "
			"YYYY-MM-DDThh:mm, not '%s'",
			arg);
	return false;
}

int cli_load_rules(const struct cli *cli, struct fc_rules **out)
{
	return cli_load_rule_kinds(cli, FC_KIND_ALL, out);
}

int cli_load_rule_kinds(const struct cli *cli, unsigned kinds,
			struct fc_rules **out)
{
	struct fc_diags d;
	fc_diags_init(&d);
	uint64_t t0 = cli_timing_now(cli);
	fc_status st = fc_rules_load_kinds(cli->rules, !cli->no_builtin, kinds,
					   out, &d);
	cli_timing_stage(cli, FC_TS_RULES, t0);
	if (st) {
		fc_diags_print(&d, stderr, cli->is_color);
		fc_diags_finish(&d);
		fc_rules_destroy(*out);
		*out = NULL;
		return cli_exit_code(st);
	}
	fc_diags_print(&d, stderr, cli->is_color); /* warnings */
	fc_diags_finish(&d);
	return cli_timing_attach(cli, *out);
}

void cli_progress(void *ud, const char *stage, size_t done, size_t total)
{
	const struct cli *cli = ud;
	cli_timing_progress(cli, stage, done, total);
	if (!cli->is_tty || cli->is_quiet)
		return;
	if (done < total)
		fprintf(stderr, "\r\033[K%s %zu/%zu", stage, done, total);
	else
		fprintf(stderr, "\r\033[K");
	fflush(stderr);
}

int cli_max_source(const struct cli *cli, const char *arg, size_t *out)
{
	char *end;
	errno = 0;
	/* (digits only: strtol would take " 4" and "+4") */
	long v = arg[0] >= '0' && arg[0] <= '9' ? strtol(arg, &end, 10) : 0;
	if (errno || v < 1 || *end || v > 1024)
		return cli_usage_error(cli,
				       "--max-source-mb takes a whole number "
				       "of MiB from 1 to 1024, not '%s'",
				       arg);
	*out = (size_t)v << 20;
	return EXIT_DONE;
}

int cli_stdout_failed(const struct cli *cli, int e)
{
	fprintf(stderr, "%s: error: cannot write standard output: %s\n",
		cli->prog, strerror(e ? e : EIO));
	return EXIT_ENV;
}

int cli_read_input(const struct cli *cli, const char *path, char **out,
		   size_t *len)
{
	fc_status st;
	if (!strcmp(path, "-")) {
		struct fc_buf b;
		fc_buf_init(&b, 64u << 20);
		char chunk[65536];
		size_t n;
		while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
			fc_buf_add(&b, chunk, n);
		if (b.err || ferror(stdin)) {
			fc_buf_finish(&b);
			return cli_usage_error(cli, "cannot read standard input%s",
					       b.err == FC_ELIMIT
						       ? ": larger than 64 MiB"
						       : "");
		}
		*out = fc_buf_steal(&b, len);
		return *out ? EXIT_DONE : EXIT_ENV;
	}
	st = fc_file_read(path, 64u << 20, out, len);
	if (st)
		return cli_usage_error(cli, "%s: cannot read: %s", path,
				       fc_strerror(st));
	return EXIT_DONE;
}

static const struct {
	const char *name;
	int (*fn)(struct cli *, int, char **);
} commands[] = {
	{"check", cmd_check},
	{"extract", cmd_extract},
	{"fetch", cmd_fetch},
	{"lint", cmd_lint},
	{"normalize", cmd_normalize},
	{"test", cmd_test},
	{"verify", cmd_verify},
};

int main(int argc, char **argv)
{
	struct cli cli = {.prog = "factcross"};
	cli.is_tty = isatty(STDERR_FILENO);
	const char *nc = getenv("NO_COLOR");
	cli.is_color = cli.is_tty && !(nc && *nc) && getenv("TERM") &&
		       strcmp(getenv("TERM"), "dumb");
	if (argc < 2) {
		fputs(USAGE, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") ||
	    !strcmp(cmd, "help")) {
		fputs(USAGE, stdout);
		return EXIT_DONE;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("factcross %s\n", FC_VERSION);
		return EXIT_DONE;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		if (!strcmp(commands[i].name, cmd))
			return commands[i].fn(&cli, argc - 1, argv + 1);
	const char *best = NULL;
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		if (fc_edit_distance(cmd, commands[i].name, 2) <= 2)
			best = commands[i].name;
	if (best)
		return cli_usage_error(&cli,
				       "unknown command '%s' (did you mean "
				       "'%s'?); see 'factcross --help'",
				       cmd, best);
	return cli_usage_error(&cli,
			       "unknown command '%s'; see 'factcross --help'",
			       cmd);
}
