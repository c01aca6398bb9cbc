/*
** arena.c: bump allocation for one run (corpus) or one rule suite.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "factcross/fc_model.h"

#define CHUNK_MIN (64 * 1024)
#define ALIGN 16

struct fc_arena_chunk {
	struct fc_arena_chunk *next;
	size_t used, size;
	_Alignas(ALIGN) unsigned char data[];
};

void fc_arena_init(struct fc_arena *a)
{
	a->head = NULL;
	a->nbytes = 0;
}

void fc_arena_finish(struct fc_arena *a)
{
	struct fc_arena_chunk *c = a->head;
	while (c) {
		struct fc_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->nbytes = 0;
}

/* n bytes, aligned, not cleared. */
static void *alloc_raw(struct fc_arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2)
		return NULL;
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	struct fc_arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
		c = malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	a->nbytes += n;
	return p;
}

void *fc_arena_alloc(struct fc_arena *a, size_t n)
{
	void *p = alloc_raw(a, n);
	if (p) /* the padding too, as it always was */
		memset(p, 0, n ? (n + ALIGN - 1) & ~(size_t)(ALIGN - 1)
			       : ALIGN);
	return p;
}

char *fc_arena_strndup(struct fc_arena *a, const char *s, size_t n)
{
	char *p = fc_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *fc_arena_strdup(struct fc_arena *a, const char *s)
{
	return s ? fc_arena_strndup(a, s, strlen(s)) : NULL;
}

char *fc_arena_printf(struct fc_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = fc_arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *fc_arena_grow(struct fc_arena *a, void *old, size_t elem, size_t *cap,
		    size_t need)
{
	if (need <= *cap)
		return old;
	size_t ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / elem)
		return NULL;
	/* the old part is copied over, so only the new tail is cleared */
	unsigned char *p = alloc_raw(a, ncap * elem);
	if (!p)
		return NULL;
	size_t kept = old ? *cap * elem : 0;
	if (kept)
		memcpy(p, old, kept);
	memset(p + kept, 0, ncap * elem - kept);
	*cap = ncap;
	return p;
}
