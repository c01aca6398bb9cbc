/*
** norm_compile_jobs.c: the normalizer's patterns analysed and compiled
** after their expansion (norm_compile.c), on two threads when there are:
** the second thread analyses the patterns in order (the analysis carries
** its memo from one to the next, so its results are those of one
** thread), and both compile each analysed pattern (pcre2_compile without
** a context only mallocs). The start strings the second thread made move
** into the rules' arena after the join.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/norm_compile_p.h"
#include "extract/norm_trie_p.h"

/*
** The start strings of p's expansion rx (p->first, allocated in a). The
** scan and its look-backs (norm_anchor.c) run the pattern anchored where
** its start strings occur, so such a pattern is compiled anchored
** (norm_is_anchored); one without start strings runs unanchored. Either
** is JIT compiled when it proves hot (norm_jit.c).
*/
static void analyse(struct fc_norm *n, struct norm_pattern *p,
		    struct fc_arena *a, const char *rx, size_t len,
		    bool is_run, uint32_t *opts)
{
	if (is_run && norm_scan_pattern(n, p, a, rx, len, *opts))
		*opts |= PCRE2_ANCHORED;
}

struct cqueue {
	struct fc_norm *n;
	struct cjob *jobs;     /* one for each pattern */
	size_t nanalysed;      /* jobs analysed (the second thread) */
	size_t next;           /* the next job to compile */
	struct fc_arena first; /* the analyses' start strings */
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static void job_compile(struct cjob *j)
{
	if (!j->rx)
		return;
	j->code = pcre2_compile((PCRE2_SPTR)j->rx, j->len, j->opts,
				&j->errcode, &j->erroff, NULL);
}

/* The next analysed job to compile, waiting for one while more may
** come; false when every job is claimed. */
static bool job_claim(struct cqueue *q, size_t *i)
{
	size_t njobs = q->n->npatterns;
	pthread_mutex_lock(&q->mu);
	while (q->next >= q->nanalysed && q->nanalysed < njobs)
		pthread_cond_wait(&q->cv, &q->mu);
	bool is_claimed = q->next < q->nanalysed;
	if (is_claimed)
		*i = q->next++;
	pthread_mutex_unlock(&q->mu);
	return is_claimed;
}

/* The second thread: every job analysed in order, then compiles. */
static void *compile_worker(void *arg)
{
	struct cqueue *q = arg;
	size_t njobs = q->n->npatterns, i;
	for (i = 0; i < njobs; i++) {
		struct cjob *j = &q->jobs[i];
		if (j->rx)
			analyse(q->n, &q->n->patterns[i], &q->first, j->rx,
				j->len, j->is_run, &j->opts);
		pthread_mutex_lock(&q->mu);
		q->nanalysed = i + 1;
		pthread_cond_broadcast(&q->cv);
		pthread_mutex_unlock(&q->mu);
	}
	while (job_claim(q, &i))
		job_compile(&q->jobs[i]);
	return NULL;
}

/* Threads for the compile: FACTCROSS_THREADS, else the CPUs online, as
** for the normalizer's stream (normalize.c); a third thread would have
** little to do. */
static size_t compile_threads(void)
{
	const char *env = getenv("FACTCROSS_THREADS");
	long k = env && *env ? strtol(env, NULL, 10)
			     : sysconf(_SC_NPROCESSORS_ONLN);
	return k >= 2 ? 2 : 1;
}

/* p's start strings from the second thread's arena into a; false when
** out of memory (they are dropped). */
static bool first_move(struct norm_first *f, struct fc_arena *a)
{
	if (!f->is_ok)
		return true;
	uint64_t(*sets)[4] = fc_arena_alloc(a, f->nsets * sizeof(*f->sets));
	struct norm_pstr *strs =
		fc_arena_alloc(a, (f->nstrs + 1) * sizeof(*f->strs));
	if (!sets || !strs) {
		memset(f, 0, sizeof(*f));
		return false;
	}
	memcpy(sets, f->sets, f->nsets * sizeof(*f->sets));
	memcpy(strs, f->strs, f->nstrs * sizeof(*f->strs));
	f->sets = sets;
	f->strs = strs;
	return true;
}

/* Every job analysed and compiled on two threads; false when the second
** thread is not to be had (nothing done). */
static bool compile_two(struct fc_norm *n, struct fc_arena *a,
			struct cjob *jobs)
{
	struct cqueue q = {.n = n, .jobs = jobs};
	if (pthread_mutex_init(&q.mu, NULL))
		return false;
	if (pthread_cond_init(&q.cv, NULL)) {
		pthread_mutex_destroy(&q.mu);
		return false;
	}
	fc_arena_init(&q.first);
	pthread_t worker;
	bool is_two = !pthread_create(&worker, NULL, compile_worker, &q);
	if (is_two) {
		size_t i;
		while (job_claim(&q, &i))
			job_compile(&q.jobs[i]);
		pthread_join(worker, NULL);
		for (i = 0; i < n->npatterns; i++)
			if (jobs[i].is_expanded)
				jobs[i].is_first_lost =
					!first_move(&n->patterns[i].first, a);
	}
	fc_arena_finish(&q.first);
	pthread_cond_destroy(&q.cv);
	pthread_mutex_destroy(&q.mu);
	return is_two;
}

void norm_compile_jobs(struct fc_norm *n, struct fc_arena *a,
		       struct cjob *jobs)
{
	if (compile_threads() > 1 && compile_two(n, a, jobs))
		return;
	for (size_t i = 0; i < n->npatterns; i++) {
		struct cjob *j = &jobs[i];
		if (!j->rx)
			continue;
		analyse(n, &n->patterns[i], a, j->rx, j->len, j->is_run,
			&j->opts);
		job_compile(j);
	}
}
