/*
** hosts.c: per-host politeness for fc_http_fetch.
**
** A host is busy while one request to it runs; a second request to the
** same host waits for it, then waits until host_delay_ms have passed
** since the first one ended. Hosts are told apart by name (lower case,
** without port). The table is shared by threads under one mutex.
*/
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fetch/fetch_p.h"

struct host {
	char *name;
	bool is_busy, has_last;
	struct timespec last; /* CLOCK_MONOTONIC end of the last request */
};

struct fc_http_hosts {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct host *v;
	size_t n, cap;
};

fc_status fc_http_hosts_create(struct fc_http_hosts **out)
{
	struct fc_http_hosts *h = calloc(1, sizeof(*h));
	if (!h)
		return FC_ENOMEM;
	if (pthread_mutex_init(&h->mu, NULL)) {
		free(h);
		return FC_ENOMEM;
	}
	if (pthread_cond_init(&h->cv, NULL)) {
		pthread_mutex_destroy(&h->mu);
		free(h);
		return FC_ENOMEM;
	}
	*out = h;
	return FC_OK;
}

void fc_http_hosts_destroy(struct fc_http_hosts *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i].name);
	free(h->v);
	pthread_cond_destroy(&h->cv);
	pthread_mutex_destroy(&h->mu);
	free(h);
}

/* The entry of name, added when new; NULL on out of memory. */
static struct host *find(struct fc_http_hosts *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++)
		if (!strcmp(h->v[i].name, name))
			return &h->v[i];
	if (h->n == h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 8;
		struct host *v = realloc(h->v, cap * sizeof(*v));
		if (!v)
			return NULL;
		h->v = v;
		h->cap = cap;
	}
	struct host *e = &h->v[h->n];
	memset(e, 0, sizeof(*e));
	if (!(e->name = strdup(name)))
		return NULL;
	h->n++;
	return e;
}

static int64_t ms_between(const struct timespec *a, const struct timespec *b)
{
	return (int64_t)(b->tv_sec - a->tv_sec) * 1000 +
	       (b->tv_nsec - a->tv_nsec) / 1000000;
}

static void sleep_ms(int64_t ms)
{
	struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000};
	while (nanosleep(&t, &t) == -1 && errno == EINTR)
		;
}

fc_status fc_http_hosts_acquire(struct fc_http_hosts *h, const char *name,
				long delay_ms)
{
	pthread_mutex_lock(&h->mu);
	struct host *e = find(h, name);
	if (!e) {
		pthread_mutex_unlock(&h->mu);
		return FC_ENOMEM;
	}
	while (e->is_busy) {
		pthread_cond_wait(&h->cv, &h->mu);
		e = find(h, name); /* the table may have moved */
	}
	e->is_busy = true;
	int64_t wait = 0;
	if (e->has_last && delay_ms > 0) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		wait = delay_ms - ms_between(&e->last, &now);
	}
	pthread_mutex_unlock(&h->mu);
	if (wait > 0)
		sleep_ms(wait);
	return FC_OK;
}

void fc_http_hosts_release(struct fc_http_hosts *h, const char *name)
{
	pthread_mutex_lock(&h->mu);
	for (size_t i = 0; i < h->n; i++) {
		if (strcmp(h->v[i].name, name))
			continue;
		h->v[i].is_busy = false;
		h->v[i].has_last = true;
		clock_gettime(CLOCK_MONOTONIC, &h->v[i].last);
	}
	pthread_cond_broadcast(&h->cv);
	pthread_mutex_unlock(&h->mu);
}
