/*
** norm_first_p.h: private to the start-string analysis of patterns
** (norm_first.c reads the regex, norm_first_index.c lexes it once for
** the lookups, norm_first_memo.c keeps the strings of groups across
** patterns, norm_fa.c reads byte classes and escapes, norm_pset.c
** makes the sets of start strings, norm_pset_norm.c keeps them small).
*/
#ifndef FC_NORM_FIRST_P_H
#define FC_NORM_FIRST_P_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "extract/norm_p.h"

#define SET_MAX 384 /* strings in one set before they are shortened */
#define NSETS 256   /* byte classes of one pattern (id 0 unused) */
#define NEST_MAX 256 /* group depth read */
#define NCALLS 8    /* group calls within group calls */
#define REP_MAX 4   /* {n,m} with m at most this is spelled out */
#define PRODUCT_MAX 4096 /* strings a concatenation may make */
#define ENOUGH 15   /* weight at which a string stops growing (pset.c) */
#define NSPARE 32   /* set buffers kept for reuse */

/* F_B: a \b is pending; F_BOS: the string starts at the start of the
** subject (^, \A) */
enum { F_TRUNC = NORM_PS_TRUNC, F_WS = NORM_PS_WS, F_B = 4, F_BOS = 8 };
#define F_KEEP (F_WS | F_BOS) /* what a shortened string keeps */

typedef uint64_t bset[4];

struct pset {
	struct norm_pstr *v;
	size_t n, cap;
};

/*
** What a string a followed by the first class y of a string of b makes
** (append_sym: up to two strings), kept while a is joined to the other
** strings of b: they share few first classes. By (y, loop): stamp of
** the string a, strings.
*/
struct heads {
	uint32_t stamp;
	uint32_t at[NSETS * 2];
	uint8_t n[NSETS * 2];
	struct norm_pstr v[NSETS * 2][2];
};

struct fa {
	const unsigned char *s;
	size_t n, i;
	bool is_bad;
	bool is_multi; /* (?m) seen: ^ is any line start */
	int depth;
	struct norm_first_memo *memo; /* groups seen in earlier patterns */
	size_t calls[NCALLS][2]; /* groups being called: name, length */
	size_t ncalls;
	size_t nconds; /* assertions and backreferences read so far */
	int skip; /* > 0: read only (what follows a closed set cannot
		     change it): no strings are made */
	bool is_whole; /* every product made whole (product_cut off: the
			  reference of the tests) */
	bset *sets; /* interned classes, [0] unused */
	size_t nsets;
	uint8_t weight[NSETS]; /* how much each class narrows a string */
	uint8_t hset[NSETS * 2]; /* class hash: set index, 0 free */
	struct heads *heads; /* for norm_ps_concat, or NULL */
	/* buffers of freed sets, kept for the next sets */
	struct norm_pstr *spare[NSPARE];
	size_t capspare[NSPARE], nspare;
	uint64_t *hash; /* scratch of ps_dedupe and ps_merge_last: stamp
			   << 32 | index + 1, stale unless of f->stamp */
	size_t caphash;
	uint32_t stamp;
	/* the regex read once (norm_first_index.c), or NULLs: for
	** each byte where a token starts, its group + 1 (0 elsewhere);
	** each group's ')' + 1 (0 none); the call sites, in order; the
	** hash of each prefix */
	uint32_t *tok, *close, *calls_at;
	size_t ncalls_at;
	uint64_t *prefix;
	/* group definitions found by name (find_def) */
	struct {
		size_t name, len, def;
	} defs[16];
	size_t ndefs;
};

/* norm_first_analyze, with every product made whole when is_whole (the
** reference the tests compare it with: the same strings, unless the
** pattern's classes run out, NSETS; see product_cut in norm_pset.c). */
void norm_first_analyze_as(const char *rx, size_t len, bool is_caseless,
			   struct norm_first_memo **memo, struct fc_arena *a,
			   struct norm_first *out, bool is_whole);

/* ---- The regex index (norm_first_index.c) ----------------------------- */

/* Lex f's regex once (f->tok, f->close, f->calls_at, f->prefix), so that
** the lookups below are not scans; without memory they stay scans. */
void norm_first_index(struct fa *f);
/* Free what norm_first_index made. */
void norm_first_index_free(struct fa *f);
/* Where the group whose text starts at `from` ends (its ')'), or
** SIZE_MAX. */
size_t norm_first_group_end(const struct fa *f, size_t from);
/* Does the group text s[start, end) (end: its ')') call a group
** ((?&name), (?P>name))? Its strings then depend on the pattern around
** it. (A call cannot run into the ')' at end.) */
bool norm_first_has_call(const struct fa *f, size_t start, size_t end);
/* Where the pattern of the group named s[name, name + len) starts
** (after its "(?<name>"), or SIZE_MAX; kept by name for the next
** call. */
size_t norm_first_find_def(struct fa *f, size_t name, size_t len);
/* The memo's hash of text s[0, n) (is_ci: caseless): a polynomial in its
** bytes, so that the hash of any part of a regex comes from the hashes
** of its prefixes. */
uint64_t norm_first_hash_text(const unsigned char *s, size_t n, bool is_ci);
/* norm_first_hash_text of s[start, end), from the index when made. */
uint64_t norm_first_hash_part(const struct fa *f, size_t start, size_t end,
			      bool is_ci);
/* The memo key of group text s[start, end): the text, and after it the
** pattern of every group it calls (the same text may call different
** patterns in different regexes), with its hash in *h. Caller frees the
** key (*klen bytes); NULL when a call is not found. */
unsigned char *norm_first_memo_key(struct fa *f, size_t start, size_t end,
				   size_t *klen, uint64_t *h);

/* ---- The memo (norm_first_memo.c) --------------------------------------- */

#define MEMO_MIN 24 /* bytes of group text worth keeping */

struct memo_ent; /* the strings of one group text */

/* An empty memo (caller frees with norm_first_memo_free), or NULL. */
struct norm_first_memo *norm_first_memo_create(void);
/* Hand the scratch kept in m to the analysis f (m keeps none), and take
** it back (f's buffers are m's again). */
void norm_first_memo_lend(struct norm_first_memo *m, struct fa *f);
void norm_first_memo_keep(struct norm_first_memo *m, struct fa *f);
/* The entry of group text s[0, n) with hash h, or NULL. */
const struct memo_ent *norm_first_memo_find(const struct norm_first_memo *m,
					    uint64_t h, const unsigned char *s,
					    size_t n, bool is_ci);
/* The strings of entry e for f (its classes interned into f's, none when
** f->skip), its conditions counted in f->nconds. */
struct pset norm_first_memo_use(struct fa *f, const struct memo_ent *e);
/* Keep p, the strings of group text s[0, n) with hash h (has_cond: it
** holds assertions or backreferences), in f->memo; nothing on out of
** memory. */
void norm_first_memo_put(struct fa *f, uint64_t h, const unsigned char *s,
			 size_t n, bool is_ci, bool has_cond,
			 const struct pset *p);

/* ---- Byte sets (norm_fa.c) ---------------------------------------------- */

/* \w: ASCII letters, digits and '_' (PCRE2 without UCP); letters and
** digits. */
static const bset WORD = {0x03FF000000000000ull, 0x07FFFFFE87FFFFFEull, 0, 0};
static const bset ALNUM = {0x03FF000000000000ull, 0x07FFFFFE07FFFFFEull, 0, 0};

static inline void bs_set(uint64_t *b, unsigned c)
{
	b[c / 64] |= 1ull << (c % 64);
}

static inline bool bs_has(const uint64_t *b, unsigned c)
{
	return b[c / 64] >> (c % 64) & 1;
}

static inline void bs_range(uint64_t *b, unsigned lo, unsigned hi)
{
	for (unsigned c = lo; c <= hi; c++)
		bs_set(b, c);
}

static inline bool bs_empty(const uint64_t *b)
{
	return !(b[0] | b[1] | b[2] | b[3]);
}

static inline bool bs_subset(const uint64_t *a, const uint64_t *b)
{
	for (int k = 0; k < 4; k++)
		if (a[k] & ~b[k])
			return false;
	return true;
}

static inline bool bs_disjoint(const uint64_t *a, const uint64_t *b)
{
	for (int k = 0; k < 4; k++)
		if (a[k] & b[k])
			return false;
	return true;
}

static inline void bs_word(uint64_t *b)
{
	memcpy(b, WORD, sizeof(bset));
}

static inline void bs_alnum(uint64_t *b)
{
	memcpy(b, ALNUM, sizeof(bset));
}

uint8_t norm_fa_intern(struct fa *f, const uint64_t *b);
/* First bytes of code point cp (both cases when is_ci). */
void norm_fa_cp_closure(uint64_t *b, uint32_t cp, bool is_ci);

/* ---- Lexing (norm_fa.c) ------------------------------------------------- */

static inline unsigned peek(const struct fa *f, size_t k)
{
	return f->i + k < f->n ? f->s[f->i + k] : 0;
}

static inline size_t utf8_len(unsigned lead)
{
	return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
}

static inline uint32_t decode(const unsigned char *p, size_t k)
{
	if (k == 1)
		return p[0];
	uint32_t cp = p[0] & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < k; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	return cp;
}

bool norm_fa_escape_class(unsigned c, uint64_t *b);
long norm_fa_escape_char(struct fa *f, unsigned c);
void norm_fa_parse_class(struct fa *f, bool is_ci, uint64_t *b);
bool norm_fa_parse_quant(struct fa *f, long *min, long *max);

/* ---- String sets (norm_pset.c, norm_pset_norm.c) ------------------------ */

bool norm_ps_grow(struct fa *f, struct pset *p);

static inline void norm_ps_push(struct fa *f, struct pset *p,
				const struct norm_pstr *s)
{
	if (f->skip || (p->n == p->cap && !norm_ps_grow(f, p)))
		return;
	p->v[p->n++] = *s;
}
void norm_ps_free(struct fa *f, struct pset *p);
void norm_ps_spares_free(struct fa *f);
void norm_ps_norm(struct fa *f, struct pset *p);
/* Drop the duplicates of p (the first of each kept). */
void norm_ps_dedupe(struct fa *f, struct pset *p);
/* norm_ps_norm of p without duplicates: shorten it while too large. */
void norm_ps_shorten(struct fa *f, struct pset *p);
/* The same, each pass over the whole set (the reference of the tests). */
void norm_ps_norm_all(struct fa *f, struct pset *p);
/* Cut the longest strings of p by one class (nothing known after them);
** false when none is longer than one. */
bool norm_ps_cut_longest(struct pset *p);
struct norm_pstr norm_ps_eps(uint8_t flags, uint8_t x);
void norm_ps_one(struct fa *f, struct pset *p, uint8_t flags, uint8_t x);
void norm_ps_union(struct fa *f, struct pset *a, struct pset *b);
uint8_t norm_ps_ascii(struct fa *f, const uint64_t *x);
struct pset norm_ps_concat(struct fa *f, struct pset *a, struct pset *b);
struct pset norm_ps_repeat(struct fa *f, struct pset *p, long min, long max);
bool norm_ps_close(struct fa *f, struct pset *p);

#endif
