/*
** lit.c: the literals a claim pattern needs, to skip a sentence that
** lacks them before a try.
**
** Most tries of a claim pattern fail on the whole sentence (on the seed
** corpus, 445 of 545 interpreted tries; 89% of the bytes given to the
** interpreter): the rule's `requires:` lets a sentence through on one of
** its words, and the pattern (one of several of the rule) wants another
** ("called" lets "held a phone call with" through). An interpreted try
** of a pattern that starts with a title ({T}) costs some 200 K
** instructions; a look for a few words in the sentence costs little.
**
** cl_lits_analyze reads the expanded pattern and finds sets of strings
** such that the subject must contain one string of each set: a run of
** literal characters must occur; a group needs one of what each of its
** branches needs; a repeat with a minimum of 0 needs nothing. Whatever
** it does not read for sure (a class, an escape, a look-around, a
** back-reference) needs nothing, and syntax it does not know (extended
** mode, conditions, calls (?1) (?&n), verbs, \Q, a quantifier after
** \E or a comment, (?R), option letters PCRE2 lacks) makes it give up:
** then the pattern has no sets and is always tried (a numbered callout
** (?C) (?C12) needs nothing). So
** a set only ever says what every match contains, and skipping a
** sentence without it changes no result; unit.claims.lit checks that
** with a differential fuzz against PCRE2.
**
** A pattern's sets are read on its first try (struct cl_lazylits),
** like its JIT copy: at load, reading them all cost 13.7 M
** instructions, which a small corpus that reaches few patterns need not
** pay. Two threads that reach a pattern at once do not wait: the one
** that does not read the sets tries the pattern.
**
** Strings are compared caselessly (ASCII): a literal under (?i), or
** not, occurs in the sentence folded to lower case. PCRE2 also matches
** k and s caselessly to U+212A (KELVIN SIGN) and U+017F (LATIN SMALL
** LETTER LONG S); the folded sentence writes those as k and s. A
** non-ASCII character in a pattern is not a literal here (its case
** folding is PCRE2's business).
*/
#include <stdlib.h>
#include <string.h>

#include "claims/claims_p.h"

#define LIT_MAX_LEN 48   /* a longer run is cut: a part is needed too */
#define LIT_MAX_ALTS 48  /* a set of more strings is not kept */
#define LIT_MAX_DEPTH 64 /* deeper groups: give up */

/* A set of strings, one of which must occur; !is_ok: nothing known. */
struct sset {
	char **v;
	size_t n;
	size_t minlen;
	bool is_ok;
};

struct lp {
	struct fc_arena tmp; /* every set while analysing: freed at once */
	const char *s;
	size_t i, n;
	int depth;
	bool is_failed; /* syntax not read: the pattern gets no sets */
	bool is_oom;
};

/* The conjuncts of the top-level sequence. */
struct conj {
	struct sset *v;
	size_t n, cap;
};

/* A set no longer used (its memory goes with the scratch arena). */
static void sset_drop(struct sset *x)
{
	*x = (struct sset){0};
}

static struct sset sset_one(struct lp *p, const char *s, size_t len)
{
	struct sset x = {0};
	x.v = fc_arena_alloc(&p->tmp, sizeof(*x.v));
	char *c = fc_arena_alloc(&p->tmp, len + 1);
	if (!x.v || !c) {
		p->is_oom = true;
		return (struct sset){0};
	}
	memcpy(c, s, len);
	x.v[0] = c;
	x.n = 1;
	x.minlen = len;
	x.is_ok = true;
	return x;
}

/* a | b: one of a's strings or one of b's (duplicates are dropped when
** the sets are kept). */
static struct sset sset_union(struct lp *p, struct sset a, struct sset b)
{
	if (!a.is_ok || !b.is_ok || a.n + b.n > LIT_MAX_ALTS)
		return (struct sset){0};
	char **v = fc_arena_alloc(&p->tmp, (a.n + b.n) * sizeof(*v));
	if (!v) {
		p->is_oom = true;
		return (struct sset){0};
	}
	memcpy(v, a.v, a.n * sizeof(*v));
	memcpy(v + a.n, b.v, b.n * sizeof(*v));
	a.v = v;
	a.n += b.n;
	if (b.minlen < a.minlen)
		a.minlen = b.minlen;
	return a;
}

/* Is x a better witness than y (longer shortest string, then fewer)? */
static bool sset_better(const struct sset *x, const struct sset *y)
{
	if (!y->is_ok)
		return x->is_ok;
	if (!x->is_ok)
		return false;
	if (x->minlen != y->minlen)
		return x->minlen > y->minlen;
	return x->n < y->n;
}

/* ---- The parse ----------------------------------------------------------- */

/* A_SKIP: no item at all (\E, a comment): a quantifier after it
** repeats the item before it. */
enum atom { A_LIT, A_SET, A_NONE, A_ZERO, A_SKIP };

static struct sset parse_alt(struct lp *p, struct conj *top);

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* Skip "{...}" at p->i when there; false when it is not closed. */
static bool skip_braces(struct lp *p)
{
	if (p->i >= p->n || p->s[p->i] != '{')
		return true;
	while (p->i < p->n && p->s[p->i] != '}')
		p->i++;
	if (p->i >= p->n)
		return false;
	p->i++;
	return true;
}

/* The rest of a UTF-8 character whose lead byte was just read. */
static void skip_utf8_tail(struct lp *p)
{
	while (p->i < p->n && ((unsigned char)p->s[p->i] & 0xC0) == 0x80)
		p->i++;
}

/* After '\': the escape as an atom (*c: its character for A_LIT). */
static enum atom parse_escape(struct lp *p, char *c)
{
	if (p->i >= p->n) {
		p->is_failed = true;
		return A_NONE;
	}
	unsigned char e = (unsigned char)p->s[p->i++];
	if (e >= 0x80) {
		skip_utf8_tail(p);
		return A_NONE;
	}
	if (!((e | 0x20) >= 'a' && (e | 0x20) <= 'z') && !is_digit((char)e)) {
		*c = (char)(e >= 'A' && e <= 'Z' ? e + 0x20 : e);
		return A_LIT; /* an escaped punctuation or blank */
	}
	switch (e) {
	case 'Q':
		p->is_failed = true; /* \Q...\E is not read */
		return A_NONE;
	case 'E':
		return A_SKIP;
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G':
	case 'K':
		return A_ZERO;
	case 'x':
		if (p->i < p->n && p->s[p->i] == '{') {
			if (!skip_braces(p))
				p->is_failed = true;
		} else {
			for (int k = 0; k < 2 && p->i < p->n &&
					is_hex(p->s[p->i]); k++)
				p->i++;
		}
		return A_NONE;
	case 'o': case 'N':
		if (!skip_braces(p))
			p->is_failed = true;
		return A_NONE;
	case 'p': case 'P':
		if (p->i < p->n && p->s[p->i] == '{') {
			if (!skip_braces(p))
				p->is_failed = true;
		} else if (p->i < p->n) {
			p->i++;
		}
		return A_NONE;
	case 'c':
		if (p->i < p->n)
			p->i++;
		return A_NONE;
	case 'g': case 'k':
		/* a back-reference or a subroutine call: not read */
		p->is_failed = true;
		return A_NONE;
	default:
		if (is_digit((char)e)) {
			p->is_failed = true; /* a back-reference or octal */
			return A_NONE;
		}
		return A_NONE; /* \d \s \w \h \v \R \X \t \n ... */
	}
}

/*
** At "[:", "[." or "[=" inside a class (p->i at the '['): does PCRE2
** read a POSIX class there? As its check_posix_syntax: a ']' (not
** escaped) or another "[:" before the closing ":]" says no. *end: just
** past the ":]".
*/
static bool is_posix(const struct lp *p, size_t *end)
{
	char term = p->s[p->i + 1];
	for (size_t j = p->i + 2; j + 1 < p->n; j++) {
		char c = p->s[j];
		if (c == '\\' && (p->s[j + 1] == ']' || p->s[j + 1] == '\\'))
			j++;
		else if ((c == '[' && p->s[j + 1] == term) || c == ']')
			return false;
		else if (c == term && p->s[j + 1] == ']') {
			*end = j + 2;
			return true;
		}
	}
	return false;
}

/* After '[': skip the class. */
static void skip_class(struct lp *p)
{
	if (p->i < p->n && p->s[p->i] == '^')
		p->i++;
	if (p->i < p->n && p->s[p->i] == ']')
		p->i++;
	while (p->i < p->n) {
		size_t end;
		char t = p->i + 1 < p->n ? p->s[p->i + 1] : '\0';
		if (p->s[p->i] == '[' && (t == ':' || t == '.' || t == '=') &&
		    is_posix(p, &end)) {
			p->i = end; /* "[.x.]" and "[=x=]" do not compile */
			continue;
		}
		char c = p->s[p->i++];
		if (c == ']')
			return;
		if (c == '\\') {
			if (p->i >= p->n)
				break;
			char e = p->s[p->i++];
			if (e == 'Q' || e == 'E') {
				p->is_failed = true;
				return;
			}
			if (e == 'c' && p->i < p->n) {
				p->i++; /* "\c]" is a control character */
			} else if ((e == 'x' || e == 'o' || e == 'p' ||
				    e == 'P' || e == 'N') &&
				   !skip_braces(p)) {
				p->is_failed = true;
				return;
			}
		}
	}
	p->is_failed = true; /* not closed */
}

/*
** After "(?": true when what follows is option letters up to ':' or ')'.
** Only PCRE2's option letters are read (pcre2pattern, "Internal option
** setting": imnsJU, the a-options aDSWPT and r, '-' and '^'); x
** changes how the rest is read (blanks and comments), and anything else
** is syntax this reader does not know, so both give up.
*/
static bool read_flags(struct lp *p)
{
	while (p->i < p->n) {
		char c = p->s[p->i];
		if (c == ':' || c == ')')
			return true;
		if (!c || !strchr("imnsJUaDSWPTr-^", c))
			return false;
		p->i++;
	}
	return false;
}

/* A group's inside up to its ')', as a set. */
static struct sset group_body(struct lp *p)
{
	if (++p->depth > LIT_MAX_DEPTH) {
		p->is_failed = true;
		return (struct sset){0};
	}
	struct sset x = parse_alt(p, NULL);
	p->depth--;
	if (p->i >= p->n || p->s[p->i] != ')') {
		p->is_failed = true;
		sset_drop(&x);
		return (struct sset){0};
	}
	p->i++;
	return x;
}

/* After '(': the group as an atom (*x: its set for A_SET). */
static enum atom parse_group(struct lp *p, struct sset *x)
{
	*x = (struct sset){0};
	if (p->i < p->n && p->s[p->i] == '*') {
		p->is_failed = true; /* a verb */
		return A_NONE;
	}
	if (p->i >= p->n || p->s[p->i] != '?') {
		*x = group_body(p); /* capturing */
		return A_SET;
	}
	p->i++;
	char c = p->i < p->n ? p->s[p->i] : '\0';
	char c2 = p->i + 1 < p->n ? p->s[p->i + 1] : '\0';
	if (c == ':' || c == '>' || c == '|') {
		p->i++;
		*x = group_body(p);
		return A_SET;
	}
	if (c == '=' || c == '!' || (c == '<' && (c2 == '=' || c2 == '!'))) {
		p->i += c == '<' ? 2 : 1;
		struct sset y = group_body(p); /* zero-width: needs nothing */
		sset_drop(&y);
		return A_ZERO;
	}
	if (c == '<' || c == '\'' || (c == 'P' && c2 == '<')) {
		char close = c == '\'' ? '\'' : '>';
		p->i += c == 'P' ? 2 : 1;
		/* a name is word characters: "(?<*" is a look-behind */
		while (p->i < p->n && p->s[p->i] != close &&
		       (p->s[p->i] == '_' || is_digit(p->s[p->i]) ||
			(unsigned char)p->s[p->i] >= 0x80 ||
			((p->s[p->i] | 0x20) >= 'a' &&
			 (p->s[p->i] | 0x20) <= 'z')))
			p->i++;
		if (p->i >= p->n || p->s[p->i] != close) {
			p->is_failed = true;
			return A_NONE;
		}
		p->i++;
		*x = group_body(p);
		return A_SET;
	}
	if (c == 'C') {
		/* a numbered callout matches no text; one with a string
		** argument (which may hold a ')') is not read */
		size_t j = p->i + 1;
		while (j < p->n && is_digit(p->s[j]))
			j++;
		if (j >= p->n || p->s[j] != ')') {
			p->is_failed = true;
			return A_NONE;
		}
		p->i = j + 1;
		return A_ZERO;
	}
	if (c == '#') {
		while (p->i < p->n && p->s[p->i] != ')')
			p->i++;
		if (p->i >= p->n)
			p->is_failed = true;
		else
			p->i++;
		return A_SKIP;
	}
	if (!read_flags(p)) {
		p->is_failed = true; /* a condition, a recursion, (?x) ... */
		return A_NONE;
	}
	if (p->s[p->i++] == ')')
		return A_ZERO; /* (?i): flags for the rest */
	*x = group_body(p);
	return A_SET;
}

/* Past the spaces and tabs from j (allowed in a quantifier's braces
** from PCRE2 10.43 on). */
static size_t skip_blanks(const struct lp *p, size_t j)
{
	while (j < p->n && (p->s[j] == ' ' || p->s[j] == '\t'))
		j++;
	return j;
}

/*
** After an atom: its quantifier, if any. *min: the least repeats; 1
** with *is_rep false when there is none.
*/
static void parse_quant(struct lp *p, size_t *min, bool *is_rep)
{
	*min = 1;
	*is_rep = false;
	if (p->i >= p->n)
		return;
	char c = p->s[p->i];
	if (c == '*' || c == '?') {
		*min = 0;
		p->i++;
	} else if (c == '+') {
		*is_rep = true;
		p->i++;
	} else if (c == '{') {
		size_t j = skip_blanks(p, p->i + 1), lo = 0;
		bool is_lo = false;
		while (j < p->n && is_digit(p->s[j])) {
			lo = lo * 10 + (size_t)(p->s[j++] - '0');
			is_lo = true;
			if (lo > 65535)
				lo = 65535;
		}
		j = skip_blanks(p, j);
		if (j < p->n && p->s[j] == ',') {
			j = skip_blanks(p, j + 1);
			while (j < p->n && is_digit(p->s[j]))
				j++;
			j = skip_blanks(p, j);
		}
		if (j >= p->n || p->s[j] != '}')
			return; /* a literal '{': the caller reads it */
		/* "{,n}" and "{ 2 }" are repeats from PCRE2 10.43 on,
		** literals before: either way, treat them as repeats (a
		** literal dropped is still sound) */
		*min = is_lo ? lo : 0;
		*is_rep = true;
		p->i = j + 1;
	} else {
		return;
	}
	if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '?'))
		p->i++;
}

/* Add x to the candidates (unless it is no witness). */
static void keep(struct lp *p, struct conj *cands, struct sset x)
{
	if (!x.is_ok)
		return;
	if (cands->n == cands->cap) {
		size_t ncap = cands->cap ? cands->cap * 2 : 8;
		struct sset *v = fc_arena_alloc(&p->tmp, ncap * sizeof(*v));
		if (!v) {
			p->is_oom = true;
			return;
		}
		if (cands->n)
			memcpy(v, cands->v, cands->n * sizeof(*v));
		cands->v = v;
		cands->cap = ncap;
	}
	cands->v[cands->n++] = x;
}

static void flush(struct lp *p, struct conj *cands, char *run, size_t *len)
{
	if (*len)
		keep(p, cands, sset_one(p, run, *len));
	*len = 0;
}

/*
** A sequence up to '|', ')' or the end: its best witness set. With top,
** every witness set of it is added there too.
*/
static struct sset parse_seq(struct lp *p, struct conj *top)
{
	struct conj cands = {0};
	char run[LIT_MAX_LEN];
	size_t rlen = 0;
	while (p->i < p->n && !p->is_failed && !p->is_oom) {
		char c = p->s[p->i];
		if (c == '|' || c == ')')
			break;
		p->i++;
		struct sset x = {0};
		enum atom a;
		char lit = 0;
		if (c == '\\') {
			a = parse_escape(p, &lit);
		} else if (c == '(') {
			a = parse_group(p, &x);
		} else if (c == '[') {
			skip_class(p);
			a = A_NONE;
		} else if (c == '.' || c == '{') {
			a = A_NONE;
		} else if (c == '^' || c == '$') {
			a = A_ZERO;
		} else if (c == '*' || c == '+' || c == '?') {
			p->is_failed = true; /* a repeat of nothing */
			break;
		} else if ((unsigned char)c >= 0x80) {
			skip_utf8_tail(p);
			a = A_NONE;
		} else {
			lit = c >= 'A' && c <= 'Z' ? (char)(c + 0x20) : c;
			a = A_LIT;
		}
		size_t min, i0 = p->i;
		bool is_rep;
		parse_quant(p, &min, &is_rep);
		if (a == A_SKIP) {
			/* "ab\E?" is "ab?": not read */
			if (p->i != i0)
				p->is_failed = true;
			continue;
		}
		if (a == A_LIT && min > 0) {
			if (rlen == LIT_MAX_LEN)
				flush(p, &cands, run, &rlen);
			run[rlen++] = lit;
			if (is_rep) /* "ab+c" holds "ab", then "b" and "c" */
				flush(p, &cands, run, &rlen);
			continue;
		}
		flush(p, &cands, run, &rlen);
		if (a == A_SET && min > 0)
			keep(p, &cands, x);
		else
			sset_drop(&x);
	}
	flush(p, &cands, run, &rlen);
	struct sset best = {0};
	size_t bi = 0;
	for (size_t i = 0; i < cands.n; i++)
		if (sset_better(&cands.v[i], &best)) {
			best = cands.v[i];
			bi = i;
		}
	for (size_t i = 0; top && i < cands.n; i++)
		if (!best.is_ok || i != bi)
			keep(p, top, cands.v[i]);
	if (top && best.is_ok)
		keep(p, top, best); /* sets are never changed: share it */
	return best;
}

/* Branches up to ')' or the end: the union of their witness sets. With
** top, a single branch's witness sets go there. */
static struct sset parse_alt(struct lp *p, struct conj *top)
{
	struct conj one = {0};
	struct sset acc = parse_seq(p, top ? &one : NULL);
	bool is_alt = false;
	while (p->i < p->n && p->s[p->i] == '|' && !p->is_failed) {
		p->i++;
		is_alt = true;
		acc = sset_union(p, acc, parse_seq(p, NULL));
	}
	if (top) {
		if (is_alt) {
			keep(p, top, acc);
			return (struct sset){0};
		}
		for (size_t i = 0; i < one.n; i++)
			keep(p, top, one.v[i]);
	}
	return acc;
}

/* ---- Public ---------------------------------------------------------- */

static int cmp_set(const void *x, const void *y)
{
	const struct sset *a = x, *b = y;
	if (sset_better(a, b) || sset_better(b, a))
		return sset_better(a, b) ? -1 : 1;
	for (size_t i = 0; i < a->n && i < b->n; i++) /* same order always */
		if (strcmp(a->v[i], b->v[i]))
			return strcmp(a->v[i], b->v[i]);
	return 0;
}

/* Copy set x into ls (in a), each string once. */
static bool copy_set(struct fc_arena *a, const struct sset *x,
		     struct cl_litset *ls)
{
	ls->s = fc_arena_alloc(a, x->n * sizeof(*ls->s));
	ls->len = fc_arena_alloc(a, x->n * sizeof(*ls->len));
	if (!ls->s || !ls->len)
		return false;
	ls->n = 0;
	for (size_t k = 0; k < x->n; k++) {
		bool is_dup = false;
		for (size_t j = 0; j < ls->n && !is_dup; j++)
			is_dup = !strcmp(ls->s[j], x->v[k]);
		if (is_dup)
			continue;
		if (!(ls->s[ls->n] = fc_arena_strdup(a, x->v[k])))
			return false;
		ls->len[ls->n++] = strlen(x->v[k]);
	}
	return true;
}

fc_status cl_lits_analyze(struct fc_arena *a, const char *re, size_t len,
			  struct cl_lits *out)
{
	*out = (struct cl_lits){0};
	struct lp p = {.s = re, .n = len};
	fc_arena_init(&p.tmp);
	struct conj top = {0};
	parse_alt(&p, &top);
	if (p.i != p.n)
		p.is_failed = true; /* an unmatched ')' */
	fc_status st = p.is_oom ? FC_ENOMEM : FC_OK;
	if (!p.is_failed && !p.is_oom && top.n) {
		qsort(top.v, top.n, sizeof(*top.v), cmp_set);
		out->sets = fc_arena_alloc(a, CL_LITS_MAX * sizeof(*out->sets));
		if (!out->sets)
			st = FC_ENOMEM;
		for (size_t i = 0; i < top.n && !st; i++) {
			if (out->nsets == CL_LITS_MAX ||
			    top.v[i].minlen < CL_LITS_MINLEN)
				break;
			if (i && !cmp_set(&top.v[i], &top.v[i - 1]))
				continue; /* the same set twice */
			if (!copy_set(a, &top.v[i], &out->sets[out->nsets++]))
				st = FC_ENOMEM;
		}
	}
	fc_arena_finish(&p.tmp);
	if (st || !out->nsets)
		*out = (struct cl_lits){0};
	return st;
}

size_t cl_fold(const char *s, size_t len, char *out)
{
	const unsigned char *x = (const unsigned char *)s;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = x[i];
		if ((unsigned)c - 'A' < 26u) {
			out[o++] = (char)(c + 0x20);
		} else if (c == 0xC5 && i + 1 < len && x[i + 1] == 0xBF) {
			out[o++] = 's'; /* U+017F LATIN SMALL LETTER LONG S */
			i++;
		} else if (c == 0xE2 && i + 2 < len && x[i + 1] == 0x84 &&
			   x[i + 2] == 0xAA) {
			out[o++] = 'k'; /* U+212A KELVIN SIGN */
			i += 2;
		} else {
			out[o++] = (char)c;
		}
	}
	return o;
}

enum { NOT_READ, READING, READ };

void cl_lazylits_init(struct cl_lazylits *z, const char *src, size_t len)
{
	z->src = src;
	z->len = len;
	atomic_init(&z->state, NOT_READ);
	z->lits = (struct cl_lits){0};
}

void cl_lazylits_free(struct cl_lazylits *z)
{
	if (atomic_load(&z->state) == READ)
		fc_arena_finish(&z->a);
	atomic_store(&z->state, NOT_READ);
}

bool cl_lazylits_is_read(struct cl_lazylits *z)
{
	return atomic_load(&z->state) == READ;
}

const struct cl_lits *cl_lazylits_get(struct cl_lazylits *z)
{
	unsigned st = atomic_load_explicit(&z->state, memory_order_acquire);
	if (st == READ)
		return &z->lits;
	if (!z->src || st != NOT_READ ||
	    !atomic_compare_exchange_strong(&z->state, &st, READING))
		return NULL; /* another thread reads them: try the pattern */
	fc_arena_init(&z->a);
	/* out of memory: no sets, the pattern is always tried */
	if (cl_lits_analyze(&z->a, z->src, z->len, &z->lits))
		z->lits = (struct cl_lits){0};
	atomic_store_explicit(&z->state, READ, memory_order_release);
	return &z->lits;
}

bool cl_lits_present(const struct cl_lits *l, const char *folded, size_t len)
{
	for (size_t i = 0; i < l->nsets; i++) {
		const struct cl_litset *ls = &l->sets[i];
		bool is_in = false;
		for (size_t k = 0; k < ls->n && !is_in; k++)
			is_in = ls->len[k] <= len &&
				memmem(folded, len, ls->s[k], ls->len[k]);
		if (!is_in)
			return false;
	}
	return true;
}
