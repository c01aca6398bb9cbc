/*
** cmd_rules.c: factcross lint and test, the rule authors' commands.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "core/core.h"
#include "pipeline/ruletest.h"

static const char LINT_HELP[] =
	"usage: factcross lint [RULES]... [OPTIONS]\n"
	"\n"
	"Load the built-in rules and each RULES folder or file, and report every\n"
	"problem in one run as file:line:col with the source line: YAML syntax,\n"
	"unknown or misspelled keys, wrong types, bad regular expressions,\n"
	"undefined references, duplicate ids. Exit 2 when there is an error.\n"
	"\n"
	"options:\n"
	"  --no-builtin     lint only the named files\n"
	"  --color WHEN     auto, always or never (NO_COLOR is honoured)\n"
	"  -q, --quiet      no summary line\n";

static const char TEST_HELP[] =
	"usage: factcross test [RULES]... [OPTIONS]\n"
	"\n"
	"Run the golden cases written under 'tests:' in rule files: the built-in\n"
	"suite, or only the files of the named RULES folders or files (loaded on\n"
	"top of the built-in suite). A failing case is printed with each failing\n"
	"expectation as file:line:col, the nearest produced item and how it\n"
	"differs, and every item the case produced; then true positives, false\n"
	"positives and false negatives per rule. Exit 1 when a case fails.\n"
	"\n"
	"options:\n"
	"  -v, --verbose    print every case, a line per file and every rule's counts\n"
	"  --no-builtin     do not load the built-in rules\n"
	"  --color WHEN     auto, always or never\n"
	"  -q, --quiet      no summary line\n";

static int parse(struct cli *cli, const char *cmd, const char *help,
		 int argc, char **argv, bool *verbose)
{
	static const struct option longopts[] = {
		COMMON_LONG_OPTS,
		{"verbose", no_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	opterr = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":qhv", longopts, NULL)) != -1) {
		int rc = cli_common_opt(cli, opt, optarg);
		if (rc > 0)
			return rc;
		if (rc == 0)
			continue;
		switch (opt) {
		case 'h': fputs(help, stdout); return -1;
		case 'v':
			if (verbose) {
				*verbose = true;
				break;
			}
			/* fall through */
		default:
			return cli_usage_error(cli,
					       "unknown option '%s'; see "
					       "'factcross %s --help'",
					       argv[optind - 1], cmd);
		}
	}
	for (int i = optind; i < argc; i++) {
		int rc = cli_common_opt(cli, OPT_RULES, argv[i]);
		if (rc)
			return rc;
	}
	return EXIT_DONE;
}

int cmd_lint(struct cli *cli, int argc, char **argv)
{
	int rc = parse(cli, "lint", LINT_HELP, argc, argv, NULL);
	if (rc)
		return rc < 0 ? EXIT_DONE : rc;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load(cli->rules, !cli->no_builtin, &r, &d);
	fc_diags_print(&d, stderr, cli->is_color);
	if (!cli->is_quiet) {
		size_t n = r ? r->nfiles : 0;
		if (d.nerr)
			fprintf(stderr, "%zu error%s, %zu warning%s in %zu rule "
					"file%s\n",
				d.nerr, d.nerr == 1 ? "" : "s", d.nwarn,
				d.nwarn == 1 ? "" : "s", n, n == 1 ? "" : "s");
		else
			fprintf(stderr, "%zu rule file%s: no errors, %zu "
					"warning%s\n",
				n, n == 1 ? "" : "s", d.nwarn,
				d.nwarn == 1 ? "" : "s");
	}
	rc = d.nerr ? cli_exit_code(st ? st : FC_ESCHEMA) : EXIT_DONE;
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	free(cli->rules);
	return rc;
}

/*
** True positives, false positives and false negatives per rule: every
** rule with is_all, else only the rules with a false positive or a
** false negative.
*/
static void print_rule_table(const struct fc_test_counts *n, bool is_all)
{
	size_t w = 4, shown = 0;
	for (size_t i = 0; i < n->nrules; i++) {
		const struct fc_rule_stat *s = &n->rules[i];
		if ((is_all || s->fp || s->fn) && strlen(s->rule) > w)
			w = strlen(s->rule);
	}
	for (size_t i = 0; i < n->nrules; i++) {
		const struct fc_rule_stat *s = &n->rules[i];
		if (!is_all && !s->fp && !s->fn)
			continue;
		if (!shown++)
			printf("%-*s %5s %5s %5s\n", (int)w, "rule", "TP", "FP",
			       "FN");
		printf("%-*s %5zu %5zu %5zu\n", (int)w, s->rule, s->tp, s->fp,
		       s->fn);
	}
}

int cmd_test(struct cli *cli, int argc, char **argv)
{
	bool verbose = false;
	int rc = parse(cli, "test", TEST_HELP, argc, argv, &verbose);
	if (rc)
		return rc < 0 ? EXIT_DONE : rc;
	struct fc_rules *r = NULL;
	if ((rc = cli_load_rules(cli, &r))) {
		free(cli->rules);
		return rc;
	}
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_buf out;
	fc_buf_init(&out, 0);
	struct fc_test_counts n;
	const char *const *only = cli->nrules ? cli->rules : NULL;
	/* Restrict to the named folders and files: a file is selected when
	** its real path is a named one or lies below it (a built-in file
	** named again is loaded once, under its built-in path). */
	const char **prefixes = NULL;
	if (only) {
		prefixes = calloc(r->nfiles + 1, sizeof(*prefixes));
		size_t k = 0;
		for (size_t j = 0; prefixes && j < cli->nrules; j++) {
			char *want = realpath(cli->rules[j], NULL);
			size_t wl = want ? strlen(want) : 0;
			for (size_t i = 0; want && i < r->nfiles; i++) {
				const char *real = r->files[i].real;
				if (real && !strncmp(real, want, wl) &&
				    (real[wl] == '\0' || real[wl] == '/'))
					prefixes[k++] = r->files[i].path;
			}
			free(want);
		}
	}
	fc_status st = fc_rules_test(r, only ? prefixes : NULL, verbose, &out,
				     &n, &d);
	fwrite(fc_buf_cstr(&out), 1, out.len, stdout);
	fflush(stdout);
	fc_diags_print(&d, stderr, cli->is_color);
	if (!cli->is_quiet) {
		print_rule_table(&n, verbose);
		printf("%zu rule files, %zu cases, %zu expectations; %zu "
		       "missed, %zu rejected produced\n",
		       n.nfiles, n.ncases, n.nexpect, n.nmissed, n.nrejected);
		printf("%zu true positives, %zu false positives, %zu false "
		       "negatives over %zu rules\n",
		       n.nexpect - n.nmissed, n.nrejected, n.nmissed, n.nrules);
		/* (an error in a case, "idd:" for "id:", leaves the case
		** unrun: the count of passes alone would hide it) */
		printf("%zu passed, %zu failed", n.ncases - n.nfailed,
		       n.nfailed);
		if (d.nerr)
			printf(", %zu %s in the rule files", d.nerr,
			       d.nerr == 1 ? "error" : "errors");
		printf("\n");
	}
	rc = d.nerr ? cli_exit_code(st ? st : FC_ESCHEMA)
	     : n.nfailed ? EXIT_FINDINGS
			 : EXIT_DONE;
	free(prefixes);
	fc_test_counts_finish(&n);
	fc_buf_finish(&out);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	free(cli->rules);
	return rc;
}
