/*
** timing.c: --time on the command line: the collector's life, the
** stages the command measures around the library's calls, and the
** report on standard error after the normal output.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* The collector and the stage the progress callback is in. */
struct cli_timing {
	struct fc_timing *t;
	const char *stage; /* progress stage being timed, or NULL */
	uint64_t t0;       /* when it began */
	uint64_t norm0;    /* normalizer ticks then (for the lexicon) */
};

int cli_timing_start(struct cli *cli)
{
	if (cli->timing || !cli->is_time)
		return EXIT_DONE;
	struct cli_timing *ct = calloc(1, sizeof(*ct));
	if (!ct || fc_timing_create(&ct->t)) {
		free(ct);
		fprintf(stderr, "%s: error: out of memory\n", cli->prog);
		return EXIT_ENV;
	}
	cli->timing = ct;
	return EXIT_DONE;
}

uint64_t cli_timing_now(const struct cli *cli)
{
	return cli->timing ? fc_timing_ticks() : 0;
}

void cli_timing_stage(const struct cli *cli, enum fc_time_stage s,
		      uint64_t t0)
{
	if (cli->timing)
		fc_timing_add_stage(cli->timing->t, s, fc_timing_ticks() - t0);
}

int cli_timing_attach(const struct cli *cli, struct fc_rules *r)
{
	if (!cli->timing || !fc_timing_attach(r, cli->timing->t))
		return EXIT_DONE;
	fprintf(stderr, "%s: error: out of memory\n", cli->prog);
	return EXIT_ENV;
}

/*
** The progress of fc_verify (read, mentions, facts, checks): the text
** and checks stages timed from their first call to their last; the
** lexicon's time is the mentions stage's less what the normalizer took
** within it (the normalizer and the claim rules time themselves).
*/
void cli_timing_progress(const struct cli *cli, const char *stage,
			 size_t done, size_t total)
{
	struct cli_timing *ct = cli->timing;
	if (!ct || !stage)
		return;
	if (!ct->stage || strcmp(ct->stage, stage)) {
		ct->stage = stage;
		ct->t0 = fc_timing_ticks();
		ct->norm0 = fc_timing_stage_ticks(ct->t, FC_TS_NORM);
	}
	if (done < total)
		return;
	uint64_t dt = fc_timing_ticks() - ct->t0;
	if (!strcmp(stage, "read")) {
		fc_timing_add_stage(ct->t, FC_TS_READ, dt);
	} else if (!strcmp(stage, "checks")) {
		fc_timing_add_stage(ct->t, FC_TS_CHECKS, dt);
	} else if (!strcmp(stage, "mentions")) {
		uint64_t norm = fc_timing_stage_ticks(ct->t, FC_TS_NORM) -
				ct->norm0;
		fc_timing_add_stage(ct->t, FC_TS_LEXICON,
				    dt > norm ? dt - norm : 0);
	}
	ct->stage = NULL;
}

static int ndigits(uint64_t v)
{
	int n = 1;
	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static double ms(uint64_t ns)
{
	return (double)ns / 1e6;
}

/* "file:line" of a rule (caller frees); NULL on out of memory. */
static char *place(const struct fc_rule_time *rt)
{
	const char *f = rt->loc.file ? rt->loc.file : "?";
	size_t n = strlen(f) + 16;
	char *s = malloc(n);
	if (s && rt->loc.line)
		snprintf(s, n, "%s:%u", f, (unsigned)rt->loc.line);
	else if (s)
		snprintf(s, n, "%s", f);
	return s;
}

/* The rule table: a header, a line a rule (most time first), a total. */
static void print_rules(FILE *out, const struct fc_timing *t)
{
	char **places = calloc(t->nrules ? t->nrules : 1, sizeof(*places));
	if (!places)
		return;
	int wid = 4, wplace = 9, wtries = 5, wmatch = 7;
	uint64_t tries = 0, matches = 0;
	for (size_t i = 0; i < t->nrules; i++) {
		const struct fc_rule_time *rt = &t->rules[i];
		places[i] = place(rt);
		int w = (int)strlen(rt->id);
		wid = w > wid ? w : wid;
		w = places[i] ? (int)strlen(places[i]) : 1;
		wplace = w > wplace ? w : wplace;
		tries += rt->tries;
		matches += rt->matches;
	}
	char total[48];
	snprintf(total, sizeof(total), "%zu rule%s", t->nrules,
		 t->nrules == 1 ? "" : "s");
	wplace = (int)strlen(total) > wplace ? (int)strlen(total) : wplace;
	wtries = ndigits(tries) > wtries ? ndigits(tries) : wtries;
	wmatch = ndigits(matches) > wmatch ? ndigits(matches) : wmatch;
	int wms = 9; /* 99999.999 */
	for (uint64_t v = t->rule_ns / 1000000; v >= 100000; v /= 10)
		wms++;
	fprintf(out, "%-*s  %-*s  %*s  %*s  %*s  %6s\n", wid, "rule", wplace,
		"file:line", wtries, "tries", wmatch, "matches", wms, "ms",
		"share");
	for (size_t i = 0; i < t->nrules; i++) {
		const struct fc_rule_time *rt = &t->rules[i];
		double share = t->rule_ns ? 100.0 * (double)rt->ns /
						    (double)t->rule_ns
					  : 0.0;
		fprintf(out, "%-*s  %-*s  %*llu  %*llu  %*.3f  %5.1f%%\n", wid,
			rt->id, wplace, places[i] ? places[i] : "?", wtries,
			(unsigned long long)rt->tries, wmatch,
			(unsigned long long)rt->matches, wms, ms(rt->ns),
			share);
		free(places[i]);
	}
	fprintf(out, "%-*s  %-*s  %*llu  %*llu  %*.3f  %5.1f%%\n", wid, "total",
		wplace, total, wtries, (unsigned long long)tries, wmatch,
		(unsigned long long)matches, wms, ms(t->rule_ns),
		t->nrules ? 100.0 : 0.0);
	free(places);
}

/* The rules' time of one kind ("normalizer", "claims"). */
static uint64_t kind_ns(const struct fc_timing *t, const char *kind,
			bool *any)
{
	uint64_t ns = 0;
	for (size_t i = 0; i < t->nrules; i++)
		if (!strcmp(t->rules[i].kind, kind)) {
			ns += t->rules[i].ns;
			*any = true;
		}
	return ns;
}

/* The stage table: what was measured, in pipeline order, and the wall
** time; stages on several threads add up their threads' times. */
static void print_stages(FILE *out, const struct fc_timing *t)
{
	enum { W = 34 };
	fprintf(out, "%-*s  %12s\n", W, "stage", "ms");
	for (int s = 0; s < FC_TS_COUNT; s++) {
		if (!t->has_stage[s])
			continue;
		fprintf(out, "%-*s  %12.3f\n", W,
			fc_time_stage_name((enum fc_time_stage)s),
			ms(t->stage_ns[s]));
		bool any = false;
		if (s == FC_TS_WALK || (s == FC_TS_NORM &&
					!t->has_stage[FC_TS_WALK])) {
			uint64_t ns = kind_ns(t, "normalizer", &any);
			if (any)
				fprintf(out, "%-*s  %12.3f\n", W,
					"normalizer: pattern tries", ms(ns));
		} else if (s == FC_TS_CLAIMS) {
			uint64_t ns = kind_ns(t, "claims", &any);
			if (any)
				fprintf(out, "%-*s  %12.3f\n", W,
					"claim rules: pattern tries", ms(ns));
		}
	}
	fprintf(out, "%-*s  %12.3f\n", W, "wall (elapsed)", ms(t->wall_ns));
}

void cli_timing_end(struct cli *cli, struct fc_rules *r)
{
	struct cli_timing *ct = cli->timing;
	if (!ct)
		return;
	cli->timing = NULL;
	fflush(stdout);
	/* no report when the rules did not load: nothing ran */
	if (r && fc_timing_finish(ct->t, r) == FC_OK) {
		fputc('\n', stderr);
		print_rules(stderr, ct->t);
		fputc('\n', stderr);
		print_stages(stderr, ct->t);
	}
	fc_timing_attach(r, NULL);
	fc_timing_destroy(ct->t);
	free(ct);
}
