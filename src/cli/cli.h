/*
** cli.h: shared pieces of the factcross command line (src/cli only).
*/
#ifndef FACTCROSS_CLI_H
#define FACTCROSS_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "factcross/fc.h"
#include "factcross/fc_timing.h"

/* Exit codes (DESIGN.md). */
enum {
	EXIT_DONE = 0,     /* done, nothing at or above --fail-on */
	EXIT_FINDINGS = 1, /* findings or claims at or above --fail-on */
	EXIT_USAGE = 2,    /* usage, rule, manifest or input error */
	EXIT_ENV = 3,      /* network, disk, database */
};

struct cli {
	const char *prog;
	bool is_color;     /* stderr gets ANSI colour */
	bool is_tty;       /* stderr is a terminal (progress line) */
	bool is_quiet;
	const char **rules; /* --rules DIRs, NULL-terminated */
	size_t nrules;
	bool no_builtin;
	bool is_time;              /* --time */
	struct cli_timing *timing; /* its collector (src/cli/timing.c) */
};

/* Print diagnostics to stderr and map the status to an exit code. */
int cli_fail(const struct cli *cli, struct fc_diags *d, fc_status st);
int cli_exit_code(fc_status st);
/* "factcross: error: ..." on stderr; returns EXIT_USAGE. */
/* Is arg a --ref (a date, or a date and time with a zone)? Else a usage
** error is printed. */
bool cli_ref_ok(const struct cli *cli, const char *arg);
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
	FC_PRINTF(2, 3);
/* Load the rule suite (built-in + --rules); prints and returns exit code. */
int cli_load_rules(const struct cli *cli, struct fc_rules **out);
/* The same for the rule kinds given (FC_KIND_*) only. */
int cli_load_rule_kinds(const struct cli *cli, unsigned kinds,
			struct fc_rules **out);
void cli_progress(void *ud, const char *stage, size_t done, size_t total);
/* --max-source-mb N: *out = N MiB in bytes (N a whole number, 1 to
** 1024); else a usage error is printed. Returns the exit code. */
int cli_max_source(const struct cli *cli, const char *arg, size_t *out);
/* Standard output could not be written (errno e, 0: unknown): says so
** on stderr; returns EXIT_ENV. */
int cli_stdout_failed(const struct cli *cli, int e);
/* Read all of stdin or a file ("-" is stdin) into a malloc'd buffer. */
int cli_read_input(const struct cli *cli, const char *path, char **out,
		   size_t *len);

/*
** --time (src/cli/timing.c). cli_timing_start makes the collector when
** cli->is_time (a command calls it once its options are read, before it
** loads the rules: cli_load_rule_kinds times the loading and attaches the
** rules); cli_timing_stage adds the time since t0 (a cli_timing_now()) to
** stage s; cli_progress feeds cli_timing_progress; cli_timing_end prints
** the report on standard error and frees the collector. All are no-ops
** without --time.
*/
int cli_timing_start(struct cli *cli);
uint64_t cli_timing_now(const struct cli *cli);
void cli_timing_stage(const struct cli *cli, enum fc_time_stage s,
		      uint64_t t0);
int cli_timing_attach(const struct cli *cli, struct fc_rules *r);
void cli_timing_progress(const struct cli *cli, const char *stage,
			 size_t done, size_t total);
void cli_timing_end(struct cli *cli, struct fc_rules *r);

int cmd_verify(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_fetch(struct cli *cli, int argc, char **argv);
int cmd_extract(struct cli *cli, int argc, char **argv);
int cmd_normalize(struct cli *cli, int argc, char **argv);
int cmd_lint(struct cli *cli, int argc, char **argv);
int cmd_test(struct cli *cli, int argc, char **argv);

#endif
