/*
** timing.c: the --time collector (include/factcross/fc_timing.h): the
** counts of the runs, added up, and the results fc_timing_finish makes
** of them.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims_p.h"
#include "extract/norm_p.h"
#include "pipeline/timing.h"

struct fc_timing_state {
	pthread_mutex_t mu;
	struct fc_tally *sets[FC_TALLY_NSETS];
	size_t nsets[FC_TALLY_NSETS];
	uint64_t stage[FC_TS_COUNT]; /* ticks */
	bool has[FC_TS_COUNT];
	uint64_t ticks0, ns0; /* at create: the clock and CLOCK_MONOTONIC */
};

static uint64_t mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

const char *fc_time_stage_name(enum fc_time_stage s)
{
	static const char *const names[FC_TS_COUNT] = {
		[FC_TS_RULES] = "rules: load and compile",
		[FC_TS_READ] = "text: read, clean, sentences",
		[FC_TS_NORM] = "normalizer (times, quantities)",
		[FC_TS_WALK] = "normalizer: start-string walk",
		[FC_TS_LEXICON] = "lexicon: entities, quotes, cues",
		[FC_TS_CLAIMS] = "claim rules",
		[FC_TS_CHECKS] = "checks across sources",
		[FC_TS_JUDGE] = "check DOC: its stages, verdicts",
		[FC_TS_OUTPUT] = "output: render and write",
	};
	return (unsigned)s < FC_TS_COUNT ? names[s] : "?";
}

uint64_t fc_timing_ticks(void)
{
	return fc_ticks();
}

fc_status fc_timing_create(struct fc_timing **out)
{
	*out = NULL;
	struct fc_timing *t = calloc(1, sizeof(*t));
	struct fc_timing_state *s = calloc(1, sizeof(*s));
	if (!t || !s || pthread_mutex_init(&s->mu, NULL)) {
		free(t);
		free(s);
		return FC_ENOMEM;
	}
	s->ticks0 = fc_ticks();
	s->ns0 = mono_ns();
	t->state = s;
	*out = t;
	return FC_OK;
}

void fc_timing_destroy(struct fc_timing *t)
{
	if (!t)
		return;
	struct fc_timing_state *s = t->state;
	for (int i = 0; i < FC_TALLY_NSETS; i++)
		free(s->sets[i]);
	pthread_mutex_destroy(&s->mu);
	free(s);
	free(t->rules);
	free(t);
}

/* Room for n counts in set i (zeroed); false on out of memory. */
static bool set_size(struct fc_timing_state *s, int i, size_t n)
{
	free(s->sets[i]);
	s->sets[i] = calloc(n ? n : 1, sizeof(*s->sets[i]));
	s->nsets[i] = s->sets[i] ? n : 0;
	return s->sets[i] != NULL;
}

fc_status fc_timing_attach(struct fc_rules *r, struct fc_timing *t)
{
	if (!r)
		return FC_OK;
	if (t && ((r->norm && !set_size(t->state, FC_TALLY_NORM,
					r->norm->npatterns)) ||
		  (r->claims && !set_size(t->state, FC_TALLY_CLAIMS,
					  r->claims->nactive))))
		return FC_ENOMEM;
	if (r->norm)
		r->norm->timing = t;
	if (r->claims)
		r->claims->timing = t;
	return FC_OK;
}

struct fc_timing *fc_timing_of(const struct fc_rules *r)
{
	return r && r->norm ? r->norm->timing : NULL;
}

void fc_timing_add_tallies(struct fc_timing *t, enum fc_tally_set set,
			   const struct fc_tally *v, size_t n)
{
	struct fc_timing_state *s = t->state;
	pthread_mutex_lock(&s->mu);
	struct fc_tally *sum = s->sets[set];
	for (size_t i = 0; i < n && i < s->nsets[set]; i++) {
		sum[i].tries += v[i].tries;
		sum[i].matches += v[i].matches;
		sum[i].ticks += v[i].ticks;
	}
	pthread_mutex_unlock(&s->mu);
}

void fc_timing_add_stage(struct fc_timing *t, enum fc_time_stage st,
			 uint64_t ticks)
{
	if (!t || (unsigned)st >= FC_TS_COUNT)
		return;
	struct fc_timing_state *s = t->state;
	pthread_mutex_lock(&s->mu);
	s->stage[st] += ticks;
	s->has[st] = true;
	pthread_mutex_unlock(&s->mu);
}

uint64_t fc_timing_stage_ticks(struct fc_timing *t, enum fc_time_stage st)
{
	if (!t || (unsigned)st >= FC_TS_COUNT)
		return 0;
	struct fc_timing_state *s = t->state;
	pthread_mutex_lock(&s->mu);
	uint64_t v = s->stage[st];
	pthread_mutex_unlock(&s->mu);
	return v;
}

/* Most time first, then most tries, normalizer before claims, by id. */
static int cmp_row(const void *x, const void *y)
{
	const struct fc_rule_time *a = x, *b = y;
	if (a->ns != b->ns)
		return a->ns > b->ns ? -1 : 1;
	if (a->tries != b->tries)
		return a->tries > b->tries ? -1 : 1;
	int k = strcmp(a->kind, b->kind);
	if (k)
		return -k; /* "normalizer" first */
	return strcmp(a->id, b->id);
}

/* Rule i of set `set` in r: its kind, id and place. */
static void describe(const struct fc_rules *r, int set, size_t i,
		     struct fc_rule_time *row)
{
	if (set == FC_TALLY_NORM) {
		const struct norm_pattern *p = &r->norm->patterns[i];
		row->kind = "normalizer";
		row->id = p->id ? p->id : "?";
		if (p->node)
			row->loc = p->node->loc;
		else
			row->loc.file = p->file;
	} else {
		const struct rule *ru = r->claims->active[i];
		row->kind = "claims";
		row->id = ru->id ? ru->id : "?";
		row->loc = ru->loc;
	}
}

fc_status fc_timing_finish(struct fc_timing *t, const struct fc_rules *r)
{
	struct fc_timing_state *s = t->state;
	uint64_t dticks = fc_ticks() - s->ticks0;
	uint64_t dns = mono_ns() - s->ns0;
	/* nanoseconds a tick, from the whole run (1 when the clock is
	** CLOCK_MONOTONIC itself) */
	double scale = dticks ? (double)dns / (double)dticks : 1.0;
	pthread_mutex_lock(&s->mu);
	size_t n = 0;
	for (int k = 0; k < FC_TALLY_NSETS; k++)
		for (size_t i = 0; i < s->nsets[k]; i++)
			n += s->sets[k][i].tries > 0;
	struct fc_rule_time *rows = calloc(n ? n : 1, sizeof(*rows));
	if (!rows) {
		pthread_mutex_unlock(&s->mu);
		return FC_ENOMEM;
	}
	n = 0;
	t->rule_ns = 0;
	for (int k = 0; k < FC_TALLY_NSETS; k++) {
		size_t nrules = k == FC_TALLY_NORM
					? (r && r->norm ? r->norm->npatterns : 0)
					: (r && r->claims ? r->claims->nactive
							  : 0);
		for (size_t i = 0; i < s->nsets[k] && i < nrules; i++) {
			const struct fc_tally *c = &s->sets[k][i];
			if (!c->tries)
				continue;
			struct fc_rule_time *row = &rows[n++];
			describe(r, k, i, row);
			row->tries = c->tries;
			row->matches = c->matches;
			row->ns = (uint64_t)((double)c->ticks * scale + 0.5);
			t->rule_ns += row->ns;
		}
	}
	for (int i = 0; i < FC_TS_COUNT; i++) {
		t->has_stage[i] = s->has[i];
		t->stage_ns[i] = (uint64_t)((double)s->stage[i] * scale + 0.5);
	}
	pthread_mutex_unlock(&s->mu);
	qsort(rows, n, sizeof(*rows), cmp_row);
	free(t->rules);
	t->rules = rows;
	t->nrules = n;
	t->wall_ns = dns;
	return FC_OK;
}
