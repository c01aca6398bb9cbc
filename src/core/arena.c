/*
** arena.c: bump allocation for one run (corpus) or one rule suite.
**
** Small blocks are cut from the head chunk (64 KiB); a block above BIG
** gets a chunk of its own, linked behind the head so that the head's room
** stays in use. Growing arrays: fc_arena_grow extends the head's last
** block where it is, else copies (the old block stays, as callers may
** hold it); fc_arena_regrow reallocates a big array's own chunk, for the
** one array that nothing points into and that grows to millions of
** elements on hostile text (a document's mentions). fc_arena_rewind
** (arena_mark.h) frees every block since a mark: a YAML parse that
** fails gives its tree back.
*/
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "factcross/fc_model.h"
#include "core/arena_mark.h"

#define CHUNK_MIN (64 * 1024)
#define ALIGN 16
/* A block above this gets a chunk of its own (a quarter of a chunk: the
** room a new chunk would leave unused in the head stays small). */
#define BIG (CHUNK_MIN / 4)

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

/* Free the chunks from c on up to stop (not freed, NULL: to the end);
** returns stop. */
static struct fc_arena_chunk *free_until(struct fc_arena_chunk *c,
					 struct fc_arena_chunk *stop)
{
	while (c && c != stop) {
		struct fc_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	return c;
}

void fc_arena_finish(struct fc_arena *a)
{
	free_until(a->head, NULL);
	a->head = NULL;
	a->nbytes = 0;
}

/* n rounded up to the alignment. */
static size_t rounded(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

/*
** A block of n bytes (rounded) in a chunk of its own: linked behind the
** head, so that the head's room keeps serving small blocks (a big block
** as the new head left the old head's room unused), and full, so that no
** other block ever shares it (fc_arena_regrow reallocates it).
*/
static struct fc_arena_chunk *own_chunk(struct fc_arena *a, size_t n)
{
	struct fc_arena_chunk *c = malloc(sizeof(*c) + n);
	if (!c)
		return NULL;
	c->size = c->used = n;
	if (a->head) {
		c->next = a->head->next;
		a->head->next = c;
	} else {
		c->next = NULL;
		a->head = c;
	}
	return c;
}

/* n bytes, aligned, not cleared. */
static void *alloc_raw(struct fc_arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2)
		return NULL;
	n = rounded(n);
	struct fc_arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		if (n > BIG) {
			c = own_chunk(a, n);
			if (!c)
				return NULL;
			a->nbytes += n;
			return c->data;
		}
		c = malloc(sizeof(*c) + CHUNK_MIN);
		if (!c)
			return NULL;
		c->size = CHUNK_MIN;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	a->nbytes += n;
	return p;
}

/*
** Blocks of up to CLEAR_AHEAD bytes in a head with that much room are
** cleared with one memset of that constant size (inline stores), run
** past the block into the head's room not in use yet (every block is
** cleared or written when it is handed out): most blocks are small (a
** tree node, a short string), and the memset call and alloc_raw's cost
** per block were a tenth of a warm start-up.
*/
#define CLEAR_AHEAD 128

/* p[0, 128) = 0, p 16-aligned, in eight 16-byte stores: a memset or a
** loop of that size is compiled to rep stosq, which costs as much as
** the call. */
typedef uint64_t zero16 __attribute__((vector_size(16)));

static inline void clear_ahead(unsigned char *p)
{
	_Static_assert(CLEAR_AHEAD == 8 * sizeof(zero16), "eight stores");
	zero16 *q = (zero16 *)(void *)p;
	const zero16 z = {0, 0};
	q[0] = z, q[1] = z, q[2] = z, q[3] = z;
	q[4] = z, q[5] = z, q[6] = z, q[7] = z;
}

void *fc_arena_alloc(struct fc_arena *a, size_t n)
{
	struct fc_arena_chunk *c = a->head;
	if (n <= CLEAR_AHEAD && c && c->size - c->used >= CLEAR_AHEAD) {
		size_t k = n ? rounded(n) : ALIGN;
		unsigned char *p = c->data + c->used;
		clear_ahead(p);
		c->used += k;
		a->nbytes += k;
		return p;
	}
	void *p = alloc_raw(a, n);
	if (p) /* the padding too, as it always was */
		memset(p, 0, n ? rounded(n) : ALIGN);
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

/* The capacity an array of *cap grows to, to hold need; 0 on overflow. */
static size_t grown_cap(size_t elem, size_t cap, size_t need)
{
	size_t ncap = cap ? cap : 16;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return 0;
		ncap *= 2;
	}
	if (ncap > (SIZE_MAX / 2) / elem)
		return 0;
	return ncap;
}

/* Is p[0, n) the last block of the head chunk, with room for `more`
** bytes after it? Then it grows where it is. */
static bool grows_in_head(const struct fc_arena *a, const void *p, size_t n,
			  size_t more)
{
	const struct fc_arena_chunk *c = a->head;
	if (!c || !p || c->used < n)
		return false;
	uintptr_t at = (uintptr_t)c->data + c->used - n;
	return (uintptr_t)p == at && c->size - c->used >= more;
}

void *fc_arena_grow(struct fc_arena *a, void *old, size_t elem, size_t *cap,
		    size_t need)
{
	if (need <= *cap)
		return old;
	size_t ncap = grown_cap(elem, *cap, need);
	if (!ncap)
		return NULL;
	size_t kept = old ? *cap * elem : 0;
	unsigned char *p;
	size_t had = rounded(kept), want = rounded(ncap * elem);
	if (kept && grows_in_head(a, old, had, want - had)) {
		/* the last block of the head: it grows in place */
		a->head->used += want - had;
		a->nbytes += want - had;
		p = old;
	} else {
		/* the old part is copied over, so only the new tail is
		** cleared */
		p = alloc_raw(a, ncap * elem);
		if (!p)
			return NULL;
		if (kept)
			memcpy(p, old, kept);
	}
	memset(p + kept, 0, ncap * elem - kept);
	*cap = ncap;
	return p;
}

/* How many chunks from the head fc_arena_regrow looks at for old's. */
#define REGROW_LOOK 8

void *fc_arena_regrow(struct fc_arena *a, void *old, size_t elem,
		      size_t *cap, size_t need)
{
	if (need <= *cap)
		return old;
	size_t ncap = grown_cap(elem, *cap, need);
	if (!ncap)
		return NULL;
	size_t kept = old ? *cap * elem : 0, had = rounded(kept);
	size_t want = rounded(ncap * elem);
	if (want <= BIG)
		return fc_arena_grow(a, old, elem, cap, need);
	/* a chunk of old's own, near the head: reallocated (moved by
	** the system without a copy when it can) */
	struct fc_arena_chunk **at = &a->head;
	for (int k = 0; kept && *at && k < REGROW_LOOK;
	     k++, at = &(*at)->next) {
		struct fc_arena_chunk *c = *at;
		if ((void *)c->data != old || c->size != had ||
		    c->used != had)
			continue;
		struct fc_arena_chunk *g = realloc(c, sizeof(*c) + want);
		if (!g)
			return NULL;
		g->size = g->used = want;
		*at = g;
		a->nbytes += want - had;
		*cap = ncap;
		return g->data;
	}
	unsigned char *p = alloc_raw(a, want);
	if (!p)
		return NULL;
	if (kept)
		memcpy(p, old, kept);
	*cap = ncap;
	return p;
}

struct fc_arena_mark fc_arena_mark(const struct fc_arena *a)
{
	struct fc_arena_mark m = {a->head, a->head ? a->head->next : NULL,
				  a->head ? a->head->used : 0, a->nbytes};
	return m;
}

/*
** The chunks made since m: new heads come in front of m's head, and a
** big block's own chunk goes right behind the head of its time, so
** every new chunk is before m's head or between it and m's next.
*/
void fc_arena_rewind(struct fc_arena *a, const struct fc_arena_mark *m)
{
	struct fc_arena_chunk *c = free_until(a->head, m->head);
	a->head = c;
	if (c) {
		c->next = free_until(c->next, m->next);
		c->used = m->used;
	}
	a->nbytes = m->nbytes;
}
