/*
** norm_walk.c: the one pass of the normalizer scan over a stretch, on
** the start tables of norm_trie.c.
**
** The pass (norm_walk_stretch) reads every byte of the stretch once:
** the letter runs select the patterns whose anchors occur (the trigger
** hash of norm_compile.c), digits and symbols too, and a walk from the
** start of each letter/digit run (and from each byte that may start a
** string anywhere) finds where each pattern's match may start. The
** positions are queued per pattern for norm.c, which tries the anchored
** pattern there only.
**
** The walks run on a DFA built lazily from the trie (norm_walk_dfa.c):
** this file follows the transitions made so far, and calls there, out
** of the hot loop, for a transition, a start, or the bits of a state
** where a walk ends or bails that are not made yet.
**
** The walk is the hot loop of the scan, so a transition is one load of
** 16 bits: the next state, a flag when the transition reports bits, and
** two values that send the walk to its slow path (not yet made; a byte
** above ASCII, which has a column of its own). The load is where the
** walk waits for memory (a DFA of 5,000 states over 58 byte columns is
** 0.6 MB at 16 bits a transition, 1.3 MB at 32), so the table is kept
** small. A report of starts is kept as a record (position, bits) until the
** stretch is read, and then queues the position for the patterns of the
** bits that the stretch activated only: most starts belong to patterns
** whose anchors the stretch lacks, and those never run.
**
** For the patterns with anchor groups or anchor_within (norm_trie_near.c)
** the pass also keeps hits: where a word, symbol or run of digits
** triggers one of their bits, with a reference to the bits (a hit is two
** stores); after the flush, their starts are filtered on the hits.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_walk_p.h"

#define WALK_MAX 256 /* bytes a walk reads at most (walk_end) */

/* Queue position p for pattern j (once: positions come in order). */
static inline void push(struct norm_walk *w, size_t j, uint32_t p)
{
	struct norm_startq *q = &w->q[j];
	size_t n = q->n; /* (a local: the build does not assume strict
			 ** aliasing, and every store would reload it) */
	if (!n)
		w->queued[j / 64] |= 1ull << (j % 64);
	else if (q->v[n - 1] == p)
		return;
	if (n == q->cap &&
	    !vgrow(w, (void **)&q->v, sizeof(*q->v), &q->cap, n + 1))
		return;
	q->v[n] = p;
	q->n = n + 1;
}

static __attribute__((noinline)) void add_rec_grow(struct norm_walk *w,
						   uint32_t p, uint32_t b)
{
	if (!vgrow(w, (void **)&w->rec, 2 * sizeof(*w->rec), &w->caprec,
		   w->nrec + 1))
		return;
	w->rec[2 * w->nrec] = p;
	w->rec[2 * w->nrec + 1] = b;
	w->nrec++;
}

static inline void add_rec(struct norm_walk *w, uint32_t p, uint32_t b)
{
	if (__builtin_expect(w->nrec == w->caprec, 0)) {
		add_rec_grow(w, p, b);
		return;
	}
	w->rec[2 * w->nrec] = p;
	w->rec[2 * w->nrec + 1] = b;
	w->nrec++;
}

/*
** Queue the records' positions for their patterns that are in active
** (NULL: for every one). Records come in position order, so each queue
** stays sorted.
*/
static void flush(struct norm_walk *w, const uint64_t *active)
{
	size_t nw = w->nw;
	/* locals: push stores, and the build does not assume strict
	** aliasing */
	const uint64_t *act = active ? active : w->ones;
	const uint64_t *pats = w->d->pats;
	const uint32_t *pat_at = w->d->pat_at;
	const uint32_t *rec = w->rec;
	size_t nrec = w->nrec;
	w->nrec_made += nrec;
	for (size_t r = 0; r < nrec; r++) {
		uint32_t p = rec[2 * r], b = rec[2 * r + 1];
		if (!(b & REC_SET)) {
			/* interned bits: their words with bits */
			const uint64_t *l = pats + pat_at[b];
			const uint64_t *end = l + 1 + 2 * l[0];
			for (const uint64_t *o = l + 1; o < end; o += 2) {
				size_t k = (size_t)o[0];
				for (uint64_t m = o[1] & act[k]; m; m &= m - 1)
					push(w,
					     k * 64 + (size_t)__builtin_ctzll(m),
					     p);
			}
			continue;
		}
		const uint64_t *v =
			b == REC_BOS
				? w->t->bos
				: pool_at(w->t, (int32_t)(b & ~REC_SET), nw);
		for (size_t k = 0; k < nw; k++)
			for (uint64_t m = v[k] & act[k]; m; m &= m - 1)
				push(w, k * 64 + (size_t)__builtin_ctzll(m), p);
	}
	w->nrec = 0;
}

void norm_walk_flush_all(struct norm_walk *w)
{
	flush(w, w->only);
}

/* The triggers of bits b (F_TRIG) into active, and a hit when a pattern
** wants where. */
static void report_trig(struct norm_walk *w, uint32_t b, uint32_t p,
			uint64_t *active)
{
	const uint64_t *l = w->d->pats + w->d->pat_at[b];
	l += 1 + 2 * l[0]; /* past the starts: the triggers' list */
	for (const uint64_t *o = l + 1, *end = o + 2 * l[0]; o < end; o += 2)
		active[o[0]] |= o[1];
	if (w->d->bflags[b] & F_POS)
		norm_near_hit(&w->near, p, NEAR_DFA | b);
}

/* Bits b of a walk from p: a record of p for their starts, their
** triggers into active (and a hit, when a pattern wants where). */
static inline void report(struct norm_walk *w, uint32_t b, uint32_t p,
			  uint64_t *active)
{
	if (!b)
		return;
	uint8_t f = w->d->bflags[b];
	if (f & F_STARTS)
		add_rec(w, p, b);
	if (f & F_TRIG)
		report_trig(w, b, p, active);
}

/* The end or bail bits of state id (made on first use); UNKNOWN when out
** of memory. The walk from there stops. */
static inline uint32_t state_bits(struct norm_walk *w, uint32_t id,
				  bool is_bail)
{
	uint32_t b = is_bail ? w->d->st[id].bail : w->d->st[id].end;
	return b != UNKNOWN ? b : norm_walk_dfa_state_bits(w, id, is_bail);
}

/*
** A walk from p stops in state id (0: dead): where the stretch ends, the
** strings that end there; cut short at WALK_MAX bytes (is_cut), every
** start below the state, as at a byte above ASCII. A looping node
** ("[0-9]+") would otherwise walk from each byte of a long run to its
** end: quadratic in the run. The cut only adds tries, and no walk over
** words comes near it.
*/
static inline void walk_end(struct norm_walk *w, uint32_t id, bool is_cut,
			    uint32_t p, uint64_t *active)
{
	uint32_t b = id ? state_bits(w, id, is_cut) : 0;
	if (b != UNKNOWN)
		report(w, b, p, active);
}

/* Where a walk from p stops at the latest: e, or WALK_MAX bytes on. */
static inline uint32_t walk_limit(uint32_t p, uint32_t e)
{
	return e - p > WALK_MAX ? p + WALK_MAX : e;
}

/*
** The walk from p on, in state id at x[i]: the general loop, which makes
** the transitions the DFA lacks and stops at a byte above ASCII.
*/
static __attribute__((noinline)) void
walk_on(struct norm_walk *w, const unsigned char *x, uint32_t p, uint32_t i,
	uint32_t id, uint32_t e, uint64_t *active)
{
	uint32_t lim = walk_limit(p, e);
	for (; id && i < lim; i++) {
		size_t at = id * w->d->nrow + w->d->col[x[i]];
		uint32_t nx = w->d->trans[at];
		if (nx & T_BITS) {
			if (nx >= T_DEAD) {
				if (nx == T_BAIL) {
					uint32_t bb = state_bits(w, id, true);
					if (bb != UNKNOWN)
						report(w, bb, p, active);
					return;
				}
				if (nx == T_DEAD) {
					id = 0;
					break;
				}
				uint32_t tr = norm_walk_dfa_learn(w, &id, x[i]);
				if (tr == UNKNOWN)
					return;
				report(w, tr & 0xFFFF, p, active);
				id = tr >> 16;
				continue;
			}
			report(w, w->d->tbits16[at], p, active);
			nx &= ~T_BITS;
		}
		id = nx;
	}
	walk_end(w, id, i < e, p, active);
}

/* The start of a walk the table lacks: a byte above ASCII, or the first
** walk from a byte. */
static __attribute__((noinline)) void
walk_start(struct norm_walk *w, const unsigned char *x, uint32_t p,
	   uint32_t e, bool any_only, uint64_t *active)
{
	const struct norm_scan *t = w->t;
	unsigned c = x[p];
	size_t ck = c >= 0x80 ? fc_utf8_seq_len(x + p, e - p) : 0;
	if (ck >= 2) {
		/* a character above ASCII: a string's class holds its lead
		** byte, and the string goes on at the next character */
		uint32_t tr = w->d->start_hi[c - 0x80];
		if (tr == UNKNOWN && (tr = norm_walk_dfa_start_hi(w, c)) ==
					     UNKNOWN)
			return;
		report(w, tr & 0xFFFF, p, active);
		walk_on(w, x, p, p + (uint32_t)ck, tr >> 16, e, active);
		return;
	}
	if (c >= 0x80) {
		/* not a whole character: whatever may start with it */
		for (uint32_t k = t->any_at[c]; k < t->any_at[c + 1]; k++) {
			int32_t sub = t->nodes[t->first[k]].sub;
			if (sub >= 0)
				add_rec(w, p, REC_SET | (uint32_t)sub);
		}
		return;
	}
	uint32_t tr = norm_walk_dfa_start(w, any_only, c);
	if (tr == UNKNOWN)
		return;
	report(w, tr & 0xFFFF, p, active);
	walk_on(w, x, p, p + 1, tr >> 16, e, active);
}

/*
** Walk from position p (its byte x[p] taken): at the start of a
** letter/digit run with both roots, else with the one for anywhere.
** Starts are queued at p, triggers go to active. The scan's hot loop:
** inline, on the transitions made so far; most walks die in two or
** three bytes, reporting nothing.
*/
static inline __attribute__((always_inline)) void
walk(struct norm_walk *w, const unsigned char *x, uint32_t p, uint32_t e,
     bool any_only, uint64_t *active)
{
	unsigned c = x[p];
	uint32_t tr = c < 0x80 ? w->d->start[any_only][c] : UNKNOWN;
	if (__builtin_expect(tr == UNKNOWN, 0)) {
		walk_start(w, x, p, e, any_only, active);
		return;
	}
	report(w, tr & 0xFFFF, p, active);
	uint32_t id = tr >> 16; /* 0: the dead state */
	if (!id)
		return;
	const size_t nrow = w->d->nrow;
	const uint8_t *col = w->d->col;
	const uint16_t *trans = w->d->trans;
	const unsigned char *xp = x + p + 1, *xl = x + walk_limit(p, e);
	/* (T_BITS: one test a byte for the bits, the walk's end and the
	** slow path) */
	for (; xp < xl; xp++) {
		size_t at = id * nrow + col[*xp];
		uint32_t nx = trans[at];
		if (nx & T_BITS) {
			if (nx >= T_DEAD) {
				if (nx == T_DEAD)
					return; /* no end bits */
				walk_on(w, x, p, (uint32_t)(xp - x), id, e,
					active);
				return;
			}
			report(w, w->d->tbits16[at], p, active);
			nx &= ~T_BITS;
			if (!nx)
				return; /* dead: no end bits */
		}
		id = nx;
	}
	walk_end(w, id, xp < x + e, p, active);
}

/* Learn whether ASCII pair c1 c2 is dead (see pair_dead); false when the
** DFA has not made the transition yet. */
static __attribute__((noinline)) bool pair_learn(struct norm_walk *w,
						 unsigned c1, unsigned c2)
{
	uint32_t tr = w->d->start[1][c1];
	if (tr == UNKNOWN)
		return false;
	uint32_t id = tr >> 16;
	size_t at = id * w->d->nrow + w->d->col[c2];
	uint32_t nx = id ? w->d->trans[at] : 0;
	if (nx == T_UNKNOWN)
		return false;
	unsigned k = c1 << 7 | c2;
	bool is_dead = !(tr & 0xFFFF) && (!id || nx == T_DEAD);
	if (is_dead)
		w->d->pair_dead[k / 64] |= 1ull << (k % 64);
	else
		w->d->pair_live[k / 64] |= 1ull << (k % 64);
	return is_dead;
}

/* Is ASCII x[i] x[i + 1] known to be in pair_dead? */
static inline bool is_dead_pair(const struct norm_walk *w,
				const unsigned char *x, uint32_t i, uint32_t e)
{
	if (i + 1 >= e || x[i + 1] >= 0x80)
		return false;
	unsigned k = (unsigned)x[i] << 7 | x[i + 1];
	return w->d->pair_dead[k / 64] >> (k % 64) & 1;
}

/* Is a walk for anywhere from ASCII x[i] idle (pair_dead)? */
static inline bool is_idle_pair(struct norm_walk *w, const unsigned char *x,
				uint32_t i, uint32_t e)
{
	if (i + 1 >= e || x[i + 1] >= 0x80)
		return false;
	unsigned k = (unsigned)x[i] << 7 | x[i + 1];
	if (w->d->pair_dead[k / 64] >> (k % 64) & 1)
		return true;
	if (w->d->pair_live[k / 64] >> (k % 64) & 1)
		return false;
	return pair_learn(w, x[i], x[i + 1]);
}

/* Does x[i] start U+212A or U+017F (a caseless k or s), below e? */
static inline bool is_wild(const unsigned char *x, uint32_t i, uint32_t e)
{
	return (x[i] == 0xE2 && i + 2 < e && x[i + 1] == 0x84 &&
		x[i + 2] == 0xAA) ||
	       (x[i] == 0xC5 && i + 1 < e && x[i + 1] == 0xBF);
}

/* The character of k bytes at s, packed. */
static uint32_t pack_char(const unsigned char *s, unsigned k)
{
	uint32_t v = 0;
	for (unsigned j = 0; j < k; j++)
		v |= (uint32_t)s[j] << (8 * j);
	return v;
}

/* Add the first character of anchor word s when it is above ASCII. */
static void add_sym_char(uint32_t **v, size_t *n, size_t *cap, bool *is_oom,
			 const char *s)
{
	while (*s == ' ')
		s++;
	const unsigned char *u = (const unsigned char *)s;
	size_t k = fc_utf8_seq_len(u, strnlen(s, 4));
	if (k < 2 || !norm_grow((void **)v, sizeof(**v), cap, *n + 1, is_oom))
		return;
	(*v)[(*n)++] = pack_char(u, (unsigned)k);
}

static int cmp_char(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	/* by lead byte (the low byte), then the rest */
	if ((x & 0xFF) != (y & 0xFF))
		return (x & 0xFF) < (y & 0xFF) ? -1 : 1;
	return x < y ? -1 : x > y;
}

/*
** The characters above ASCII that begin an anchor: the first character of
** every key of every table (a superset of the anchor tables' keys: no
** lookup by name) and of every literal anchor (an anchor named by a
** table has an ASCII name). Out of memory: none made, and every lead
** byte of one counts as before.
*/
static void make_sym_chars(struct norm_walk *w)
{
	const struct fc_norm *n = w->n;
	uint32_t *v = NULL;
	size_t nv = 0, cap = 0;
	bool is_oom = false;
	w->is_symch = true;
	for (size_t t = 0; t < n->ntables; t++)
		for (size_t k = 0; k < n->tables[t].n; k++)
			add_sym_char(&v, &nv, &cap, &is_oom,
				     n->tables[t].keys[k]);
	for (size_t i = 0; i < n->npatterns; i++)
		for (size_t k = 0; k < n->patterns[i].nanchors; k++)
			add_sym_char(&v, &nv, &cap, &is_oom,
				     n->patterns[i].anchors[k]);
	if (is_oom) {
		free(v);
		return;
	}
	if (nv > 1)
		qsort(v, nv, sizeof(*v), cmp_char);
	size_t o = 0;
	for (size_t k = 0; k < nv; k++)
		if (!o || v[k] != v[o - 1])
			v[o++] = v[k];
	/* symch_at[c - 0xC0]: the first character with lead byte c or
	** above */
	size_t k = 0;
	for (unsigned c = 0xC0; c <= 0x100; c++) {
		while (k < o && (v[k] & 0xFF) < c)
			k++;
		w->symch_at[c - 0xC0] = (uint32_t)k;
	}
	w->symch = v;
}

/*
** Does an anchor begin with the character at x[i] (a byte above ASCII,
** below e)? A lead byte is shared by many characters ("€" E2 82 AC and
** the closing quote E2 80 9D), and a symbol anchor is triggered by its
** lead byte: without this, every curly quote or dash in a text would
** activate the patterns anchored on a currency symbol, a hedge symbol
** ("≥") or a vulgar fraction, and make a hit for their windows. True
** when unsure (no whole character there, no list for want of memory).
*/
static bool sym_char_is_anchor(struct norm_walk *w, const unsigned char *x,
			       uint32_t i, uint32_t e)
{
	size_t k = fc_utf8_seq_len(x + i, e - i);
	if (k < 2)
		return true;
	if (!w->is_symch)
		make_sym_chars(w);
	if (!w->symch)
		return true;
	uint32_t ch = pack_char(x + i, (unsigned)k);
	for (uint32_t j = w->symch_at[x[i] - 0xC0];
	     j < w->symch_at[x[i] - 0xC0 + 1]; j++)
		if (w->symch[j] == ch)
			return true;
	return false;
}

/* A byte that is a symbol (its patterns into active, a hit when one
** wants where) or may start U+212A or U+017F: out of the hot loop. */
static __attribute__((noinline)) void sym_byte(struct norm_walk *w,
					       const unsigned char *x,
					       uint32_t i, uint32_t e,
					       uint8_t k, uint64_t *active)
{
	const struct fc_norm *n = w->n;
	unsigned char c = x[i];
	if (k & B_SYM) {
		or_set(active, n->sym_set[c], w->nw);
		if (n->sym_pos[c])
			norm_near_hit(&w->near, i, NEAR_SYM | c);
	}
	if ((k & B_WILD) && is_wild(x, i, e))
		norm_near_wild(&w->near, i);
}

/* sym_byte for a byte above ASCII: a symbol only when an anchor begins
** with its character. */
static __attribute__((noinline)) void sym_high(struct norm_walk *w,
					       const unsigned char *x,
					       uint32_t i, uint32_t e,
					       uint8_t k, uint64_t *active)
{
	if ((k & B_SYM) && !sym_char_is_anchor(w, x, i, e))
		k &= (uint8_t)~B_SYM;
	sym_byte(w, x, i, e, k, active);
}

/*
** The bytes above ASCII from i (below e) on, to the first ASCII byte:
** what the pass does for each (none is a letter or digit), in one call
** (text in another script, or bytes that are no UTF-8, come in runs;
** the pass's loop keeps its registers). Returns where the run ends.
*/
static __attribute__((noinline)) uint32_t
high_run(struct norm_walk *w, const unsigned char *x, uint32_t i, uint32_t e,
	 uint64_t *active)
{
	const uint8_t *cls = w->cls;
	for (; i < e && x[i] >= 0x80; i++) {
		uint8_t k = cls[x[i]];
		if (k & (B_SYM | B_WILD))
			sym_high(w, x, i, e, k, active);
		if (k & B_ANY) /* no start table above ASCII */
			walk_start(w, x, i, e, true, active);
	}
	return i;
}

/* The first byte from i on, below e, of a class other than 0 (blanks,
** the bytes inside a character above ASCII), or e. */
static inline uint32_t blanks_end(const uint8_t *cls, const unsigned char *x,
				  uint32_t i, uint32_t e)
{
	const unsigned char *p = x + i, *pe = x + e;
	while (p < pe && !cls[*p])
		p++;
	return (uint32_t)(p - x);
}

/* The trigger of the letter run at i (bounded by e) into active. */
static void trigger_word(struct norm_walk *w, const unsigned char *x,
			 uint32_t i, uint32_t e, uint64_t *active)
{
	const struct fc_norm *n = w->n;
	char buf[32];
	size_t len = 0;
	for (uint32_t j = i; j < e && is_alpha(x[j]); j++, len++)
		if (len < sizeof(buf))
			buf[len] = (char)(x[j] | 0x20);
	if (len <= sizeof(buf)) {
		int32_t b = norm_hash_get(&n->triggers, -1, buf, len);
		if (b >= 0) {
			const uint64_t *t = n->bitsets + (size_t)b * w->nw;
			or_set(active, t, w->nw);
			if (n->trig_pos[b])
				norm_near_hit(&w->near, i,
					      NEAR_TRIG | (uint32_t)b);
		}
	}
}

/* Does no ASCII letter of byte classes cls start a string anywhere? */
static bool letters_plain(const uint8_t *cls)
{
	for (unsigned c = 0; c < 128; c++)
		if (is_alpha((unsigned char)c) && (cls[c] & B_ANY))
			return false;
	return true;
}

/* A walk with a DFA of its own (host NULL) or host's. */
static struct norm_walk *make(const struct fc_norm *n, struct norm_walk *host)
{
	struct norm_walk *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->n = n;
	w->t = n->scan;
	norm_near_init(&w->near, n);
	w->nw = n->nwords;
	w->mem = calloc(5 * w->nw, sizeof(uint64_t));
	w->q = calloc(n->npatterns, sizeof(*w->q));
	if (!w->mem || !w->q) {
		norm_walk_destroy(w);
		return NULL;
	}
	w->cls = w->t->cls;
	w->is_plain = w->is_plain_t = letters_plain(w->cls);
	w->tbits = w->mem;
	w->queued = w->mem + 2 * w->nw;
	w->fmask = w->mem + 3 * w->nw;
	w->ones = w->mem + 4 * w->nw;
	memset(w->ones, 0xFF, w->nw * sizeof(uint64_t));
	if (host) {
		w->d = host->d;
		return w;
	}
	if (!norm_walk_dfa_init(w)) {
		norm_walk_destroy(w);
		return NULL;
	}
	return w;
}

struct norm_walk *norm_walk_create(const struct fc_norm *n)
{
	return make(n, NULL);
}

struct norm_walk *norm_walk_create_shared(struct norm_walk *host)
{
	return make(host->n, host);
}

void norm_walk_destroy(struct norm_walk *w)
{
	if (!w)
		return;
	for (size_t i = 0; w->q && i < w->n->npatterns; i++)
		free(w->q[i].v);
	free(w->q);
	free(w->mem);
	norm_walk_dfa_free(w);
	free(w->rec);
	free(w->symch);
	norm_near_free(&w->near);
	free(w);
}

const struct norm_startq *norm_walk_starts(const struct norm_walk *w,
					   size_t pi)
{
	return &w->q[pi];
}

void norm_walk_queue_all(struct norm_walk *w)
{
	w->is_all = true;
}

/*
** The byte classes for a walk that queues the patterns of only (its
** bits must not change while w uses it): a walk from a byte reports
** nothing that such a walk needs when the byte's reach has none of the
** patterns nor of the bits of their anchor groups (the triggers that
** keep them active and their hits). The patterns not in only may then
** lack triggers in active: the flush and the look-back read only's.
*/
static const struct walk_only *only_classes(struct norm_walk *w,
					   const uint64_t *only)
{
	for (unsigned k = 0; k < 2; k++)
		if (w->only_cls[k].set == only)
			return &w->only_cls[k];
	const struct fc_norm *n = w->n;
	const struct norm_scan *t = w->t;
	size_t nw = w->nw;
	uint64_t *need = w->tbits; /* scratch of the DFA, idle now */
	memcpy(need, only, nw * sizeof(uint64_t));
	for (size_t k = 0; k < nw; k++)
		for (uint64_t m = only[k]; m; m &= m - 1) {
			size_t pi = k * 64 + (size_t)__builtin_ctzll(m);
			const struct norm_pattern *p = &n->patterns[pi];
			for (unsigned g = 0; g < p->ngroups; g++) {
				size_t bit = norm_group_bit(p, pi, g);
				need[bit / 64] |= 1ull << (bit % 64);
			}
		}
	struct walk_only *o = &w->only_cls[w->only_next];
	w->only_next ^= 1;
	o->set = only;
	for (unsigned c = 0; c < 256; c++) {
		uint8_t k = t->cls[c];
		if (!sets_meet(t->reach + (size_t)c * nw, need, nw))
			k &= (uint8_t)~B_RUN;
		if (!sets_meet(t->reach + (256 + (size_t)c) * nw, need, nw))
			k &= (uint8_t)~B_ANY;
		o->cls[c] = k;
	}
	o->is_plain = letters_plain(o->cls);
	return o;
}

void norm_walk_queue_only(struct norm_walk *w, const uint64_t *only)
{
	w->only = only;
	if (!only) {
		w->cls = w->t->cls;
		w->is_plain = w->is_plain_t;
		return;
	}
	const struct walk_only *o = only_classes(w, only);
	w->cls = o->cls;
	w->is_plain = o->is_plain;
}

const uint64_t *norm_walk_queued(const struct norm_walk *w)
{
	return w->queued;
}

fc_status norm_walk_stretch(struct norm_walk *w, const char *text,
			    uint32_t s, uint32_t e, uint64_t *active)
{
	const struct fc_norm *n = w->n;
	const struct norm_scan *t = w->t;
	const unsigned char *x = (const unsigned char *)text;
	size_t nw = w->nw;
	memcpy(active, n->always_set, nw * sizeof(uint64_t));
	for (size_t k = 0; k < nw; k++) {
		for (uint64_t m = w->queued[k]; m; m &= m - 1)
			w->q[k * 64 + (size_t)__builtin_ctzll(m)].n = 0;
		w->queued[k] = 0;
	}
	w->nrec = 0;
	norm_near_reset(&w->near);
	/* ^ holds at the subject's start only */
	if (s == 0 && t->is_bos)
		add_rec(w, 0, REC_BOS);
	const uint8_t *cls = w->cls;
	uint8_t kinds = 0; /* of every letter/digit run */
	for (uint32_t i = s; i < e;) {
		unsigned char c = x[i];
		uint8_t k = cls[c];
		if (!k) {
			/* white space and the like: nothing to do */
			i = blanks_end(cls, x, i + 1, e);
			continue;
		}
		if (!(k & (B_LETTER | B_DIGIT))) {
			if (c >= 0x80) {
				i = high_run(w, x, i, e, active);
				continue;
			}
			if (k & (B_SYM | B_WILD))
				sym_byte(w, x, i, e, k, active);
			if (k & B_ANY)
				walk(w, x, i, e, true, active);
			i++;
			continue;
		}
		/* a letter/digit run: its start walks with both roots (its
		** letters' triggers included); letter runs after digits are
		** looked up, bytes that start strings anywhere walked */
		/* (past s, the byte before is one the loop found no letter
		** or digit: each run is read to its end) */
		bool is_start = i > s || i == 0 ||
				!(cls[x[i - 1]] & (B_LETTER | B_DIGIT));
		if (is_start) {
			if (k & (B_RUN | B_ANY))
				walk(w, x, i, e, false, active);
		} else {
			if (k & B_LETTER)
				trigger_word(w, x, i, e, active);
			if (k & B_ANY)
				walk(w, x, i, e, true, active);
		}
		/* a run of digits starts: a hit for the groups with "digit" */
		if ((k & B_DIGIT) && n->is_digit_pos)
			norm_near_hit(&w->near, i, NEAR_DIGIT);
		kinds |= k;
		uint8_t prev = k;
		for (;;) {
			/* most bytes: the same kind of run, nothing starts,
			** or the walk from it is known to die at once */
			uint8_t same = prev & (B_LETTER | B_DIGIT);
			if (same == B_LETTER && w->is_plain)
				i = norm_letters_end(x, i + 1, e) - 1;
			while (++i < e) {
				uint8_t kq = cls[x[i]] &
					     (B_LETTER | B_DIGIT | B_ANY);
				if (kq != same &&
				    (kq != (same | B_ANY) ||
				     !is_dead_pair(w, x, i, e)))
					break;
			}
			if (i >= e)
				break;
			uint8_t kq = cls[x[i]];
			if (!(kq & (B_LETTER | B_DIGIT))) {
				/* the blanks after a word: passed here,
				** not by the loop's dispatch */
				if (!kq)
					i = blanks_end(cls, x, i + 1, e);
				break;
			}
			kinds |= kq;
			if ((kq & B_LETTER) && (prev & B_DIGIT))
				trigger_word(w, x, i, e, active);
			else if ((kq & B_DIGIT) && (prev & B_LETTER) &&
				 n->is_digit_pos)
				norm_near_hit(&w->near, i, NEAR_DIGIT);
			if ((kq & B_ANY) && !is_idle_pair(w, x, i, e))
				walk(w, x, i, e, true, active);
			prev = kq;
		}
	}
	if (kinds & B_DIGIT)
		or_set(active, n->digit_set, nw);
	if (n->nnear)
		norm_near_groups(&w->near, active);
	const uint64_t *fm = w->is_all ? NULL : active;
	if (w->only) {
		for (size_t k = 0; k < nw; k++)
			w->fmask[k] = w->only[k] & (fm ? fm[k] : ~0ull);
		fm = w->fmask;
	}
	flush(w, fm);
	if (n->nnear)
		norm_near_starts(&w->near, x, s, w->d->bits, w->q, w->queued);
	return w->is_oom || w->near.is_oom ? FC_ENOMEM : FC_OK;
}
