/*
** norm_first.c: how can a pattern's match start?
**
** The scan (norm.c) does not run a pattern over a whole stretch: it
** tries an anchored copy of it only where a match can start. This file
** reads the expanded regex (the PCRE2 syntax the normalizer emits:
** groups, named and atomic groups, lookarounds, classes, escapes,
** quantifiers, inline (?i)) and computes its start strings: every match
** begins with one of them, a string being up to NORM_PK byte classes
** (the first byte of each character: "[Tt][Oo][Dd][Aa][Yy]", "[0-9]
** [0-9]/", "[Aa][ \t\n\v\f\r]"). Strings come from concatenation,
** alternation and bounded repetition; \b between two classes narrows
** them ("a" + \b + ...), a negative lookahead of single characters
** narrows the next class ((?![\w%])), and a \b or a negative lookbehind
** that excludes every letter and digit before the first class marks the
** string NORM_PS_WS (it starts at the start of a letter/digit run).
**
** Everything is conservative: the strings may allow more than the
** regex, never less. A class with characters above ASCII holds their
** lead bytes (and caseless letters any lead byte, since PCRE2 folds
** U+212A to k and U+017F to s); the scan treats a non-ASCII byte inside
** a string as a possible match. What this file cannot read
** (backreferences, \K, verbs, recursion, (?x)) and a pattern that can
** match the empty string leave the pattern unknown: the scan runs it
** unanchored over the stretch, as before.
**
** The regex is lexed once for the lookups (group ends, call sites:
** norm_first_index.c), and the strings of long group texts are kept
** across patterns (norm_first_memo.c).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_first_p.h"

/* ---- Parsing ------------------------------------------------------------ */

static struct pset parse_alt(struct fa *f, bool *is_ci);

/* parse_alt for the text of a group, from the memo when it is there. */
static struct pset group_alt(struct fa *f, bool *is_ci)
{
	size_t start = f->i, end = norm_first_group_end(f, start);
	if (!f->memo || end == SIZE_MAX || end - start < MEMO_MIN)
		return parse_alt(f, is_ci);
	size_t klen = end - start;
	unsigned char *key = NULL;
	const unsigned char *k = f->s + start;
	uint64_t h = 0;
	if (norm_first_has_call(f, start, end)) {
		if (!(key = norm_first_memo_key(f, start, end, &klen, &h)))
			return parse_alt(f, is_ci);
		k = key;
		h ^= *is_ci ? 0x9E3779B97F4A7C15ull : 0;
	} else {
		h = norm_first_hash_part(f, start, end, *is_ci);
	}
	const struct memo_ent *e =
		norm_first_memo_find(f->memo, h, k, klen, *is_ci);
	if (e) {
		free(key);
		f->i = end;
		return norm_first_memo_use(f, e);
	}
	bool ci = *is_ci;
	size_t nc0 = f->nconds;
	struct pset p = parse_alt(f, is_ci);
	if (!f->is_bad && f->i == end && !f->skip)
		norm_first_memo_put(f, h, k, klen, ci, f->nconds > nc0, &p);
	free(key);
	return p;
}

/*
** A call of the group named s[name, name + len): the strings of its
** pattern, read where it is defined (caselessly: a call keeps the
** options of the definition, and caseless strings take in the others).
** A call within the group it calls is not read (the pattern is unknown).
*/
static struct pset call_group(struct fa *f, size_t name, size_t len)
{
	struct pset out = {0};
	if (len == 0 || len > 64 || f->ncalls >= NCALLS) {
		f->is_bad = true;
		return out;
	}
	for (size_t k = 0; k < f->ncalls; k++)
		if (f->calls[k][1] == len &&
		    !memcmp(f->s + f->calls[k][0], f->s + name, len)) {
			f->is_bad = true; /* recursion */
			return out;
		}
	size_t def = norm_first_find_def(f, name, len);
	if (def == SIZE_MAX) {
		f->is_bad = true;
		return out;
	}
	size_t back = f->i;
	f->calls[f->ncalls][0] = name;
	f->calls[f->ncalls++][1] = len;
	f->i = def;
	bool ci = true;
	out = group_alt(f, &ci);
	if (!f->is_bad && peek(f, 0) != ')')
		f->is_bad = true;
	f->ncalls--;
	f->i = back;
	return out;
}

/* Option letters after "(?": returns ':' or ')' as read, 0 if unknown. */
static unsigned parse_opts(struct fa *f, bool *is_ci)
{
	bool on = true;
	while (f->i < f->n) {
		unsigned c = f->s[f->i++];
		switch (c) {
		case '-': on = false; break;
		case 'i': *is_ci = on; break;
		case 'm': f->is_multi = true; break;
		case 's': case 'n': case 'U': case 'J': break;
		case ':': case ')': return c;
		default: return 0;
		}
	}
	return 0;
}

/*
** The set of a negative lookahead body: the single characters it
** excludes after this point (alternatives of one class), as a set id
** of their ASCII bytes.
*/
static uint8_t excluded(struct fa *f, const struct pset *body)
{
	bset x = {0};
	for (size_t i = 0; i < body->n; i++) {
		const struct norm_pstr *s = &body->v[i];
		if (s->len == 1 && !(s->flags & F_TRUNC) && !s->x &&
		    !(s->flags & F_B))
			for (int k = 0; k < 2; k++)
				x[k] |= f->sets[s->sym[0]][k];
	}
	return norm_ps_ascii(f, x);
}

/* A group after its '(': its strings (empty for assertions). */
static struct pset parse_group(struct fa *f, bool *is_ci, bool *is_opt)
{
	struct pset out = {0};
	bool ci = *is_ci;
	*is_opt = false;
	if (++f->depth > NEST_MAX || peek(f, 0) == '*') {
		f->is_bad = true; /* too deep, or (*VERB) */
		return out;
	}
	unsigned c = peek(f, 1);
	if (peek(f, 0) != '?') {
		out = group_alt(f, &ci);
	} else if (c == ':' || c == '>' || c == '|') {
		f->i += 2;
		out = group_alt(f, &ci);
	} else if ((c == '<' && peek(f, 2) != '=' && peek(f, 2) != '!') ||
		   (c == 'P' && peek(f, 2) == '<') || c == '\'') {
		unsigned end = c == '\'' ? '\'' : '>';
		f->i += c == 'P' ? 3 : 2;
		while (f->i < f->n && f->s[f->i] != end)
			f->i++;
		f->i++;
		out = group_alt(f, &ci);
	} else if (c == '=' || c == '!' ||
		   (c == '<' && (peek(f, 2) == '=' || peek(f, 2) == '!'))) {
		bool is_behind = c == '<';
		bool is_neg = (is_behind ? peek(f, 2) : c) == '!';
		f->i += is_behind ? 3 : 2;
		size_t nc0 = f->nconds;
		/* a positive body's strings are not used: read its syntax
		** (and count its conditions) only */
		f->skip += !is_neg;
		struct pset body = parse_alt(f, &ci);
		f->skip -= !is_neg;
		uint8_t flags = 0, x = 0;
		/* a body with assertions or backreferences holds only when
		** they do: what it excludes is then not known */
		bool is_plain = f->nconds == nc0;
		f->nconds++;
		if (!is_plain) {
			/* nothing */
		} else if (is_neg && is_behind) {
			/* (?<![\w.,]): nothing alphanumeric before */
			uint8_t ex = excluded(f, &body);
			bset an;
			bs_alnum(an);
			if (ex && bs_subset(an, f->sets[ex]))
				flags = F_WS;
		} else if (is_neg) {
			x = excluded(f, &body);
		}
		norm_ps_free(f, &body);
		norm_ps_one(f, &out, flags, x);
	} else if (c == '#') {
		while (f->i < f->n && f->s[f->i] != ')')
			f->i++;
		norm_ps_one(f, &out, 0, 0);
	} else if (c == '&' || (c == 'P' && peek(f, 2) == '>')) {
		/* (?&name): the named group's pattern, again */
		f->i += c == '&' ? 2 : 3;
		size_t n0 = f->i;
		while (f->i < f->n && f->s[f->i] != ')')
			f->i++;
		out = call_group(f, n0, f->i - n0);
	} else {
		f->i++;
		unsigned end = parse_opts(f, &ci);
		if (end == ':') {
			out = parse_alt(f, &ci);
		} else if (end == ')') {
			*is_ci = ci; /* (?i): the rest of the group */
			*is_opt = true;
			f->depth--;
			norm_ps_one(f, &out, 0, 0);
			return out;
		} else {
			f->is_bad = true;
		}
	}
	f->depth--;
	if (f->is_bad || peek(f, 0) != ')') {
		f->is_bad = true;
		return out;
	}
	f->i++;
	return out;
}

/* Skip the rest of a backreference after \g, \k or \digit. */
static void skip_backref(struct fa *f, unsigned e)
{
	unsigned c = peek(f, 0);
	if (e != 'g' && e != 'k') {
		while (peek(f, 0) >= '0' && peek(f, 0) <= '9')
			f->i++;
		return;
	}
	if (c == '{' || c == '<' || c == '\'') {
		unsigned end = c == '{' ? '}' : c == '<' ? '>' : '\'';
		while (f->i < f->n && f->s[f->i] != end)
			f->i++;
		f->i++;
		return;
	}
	if (c == '-' || c == '+')
		f->i++;
	while (peek(f, 0) >= '0' && peek(f, 0) <= '9')
		f->i++;
}

/* One atom at f->i: its strings. */
static struct pset parse_atom(struct fa *f, bool *is_ci)
{
	struct pset out = {0};
	unsigned c = f->s[f->i];
	bset b = {0};
	if (c == '(') {
		f->i++;
		bool is_opt;
		return parse_group(f, is_ci, &is_opt);
	}
	if (c == '[') {
		f->i++;
		norm_fa_parse_class(f, *is_ci, b);
	} else if (c == '\\') {
		unsigned e = peek(f, 1);
		f->i += 2;
		long cp;
		if (norm_fa_escape_class(e, b)) {
			/* \d \w \s ... */
		} else if (e == 'b') {
			f->nconds++;
			norm_ps_one(f, &out, F_B, 0);
			return out;
		} else if (e == 'A') {
			f->nconds++;
			norm_ps_one(f, &out, F_BOS, 0);
			return out;
		} else if (e == 'B' || e == 'z' || e == 'Z') {
			/* (\G would hold at every position tried) */
			f->nconds++;
			norm_ps_one(f, &out, 0, 0);
			return out;
		} else if (e == 'h' || e == 'H' || e == 'v' || e == 'V' ||
			   e == 'R' || e == 'N' || e == 'X') {
			bs_range(b, 0, 255);
		} else if (e == 'p' || e == 'P') {
			if (peek(f, 0) == '{') {
				while (f->i < f->n && f->s[f->i] != '}')
					f->i++;
			}
			f->i++;
			bs_range(b, 0, 255);
		} else if ((cp = norm_fa_escape_char(f, e)) >= 0) {
			norm_fa_cp_closure(b, (uint32_t)cp, *is_ci);
		} else if (e == 'g' || e == 'k' || (e >= '1' && e <= '9')) {
			/* a backreference: the text of a group, any or none */
			skip_backref(f, e);
			f->nconds++;
			norm_ps_one(f, &out, 0, 0);
			struct norm_pstr any = norm_ps_eps(F_TRUNC, 0);
			bs_range(b, 0, 255);
			any.sym[0] = norm_fa_intern(f, b);
			any.len = 1;
			norm_ps_push(f, &out, &any);
			return out;
		} else {
			f->is_bad = true; /* \K, \Q ... */
			return out;
		}
	} else if (c == '.') {
		f->i++;
		bs_range(b, 0, 255);
	} else if (c == '^' || c == '$') {
		f->i++;
		f->nconds++;
		norm_ps_one(f, &out, c == '^' && !f->is_multi ? F_BOS : 0, 0);
		return out;
	} else {
		size_t k = utf8_len(c);
		if (f->i + k > f->n) {
			f->is_bad = true;
			return out;
		}
		norm_fa_cp_closure(b, decode(f->s + f->i, k), *is_ci);
		f->i += k;
	}
	if (bs_empty(b))
		return out; /* matches nothing */
	struct norm_pstr s = norm_ps_eps(0, 0);
	s.sym[0] = norm_fa_intern(f, b);
	s.len = 1;
	norm_ps_push(f, &out, &s);
	return out;
}

/* Is p the empty string alone, nothing pending (\b, lookahead)? */
static bool is_eps(const struct pset *p)
{
	static const struct norm_pstr eps;
	return p->n == 1 && !memcmp(&p->v[0], &eps, sizeof(eps));
}

/* One branch up to '|' or ')': the concatenation of its atoms. */
static struct pset parse_seq(struct fa *f, bool *is_ci)
{
	struct pset acc = {0};
	bool is_closed = false;
	norm_ps_one(f, &acc, 0, 0);
	while (f->i < f->n && !f->is_bad) {
		unsigned c = f->s[f->i];
		if (c == '|' || c == ')')
			break;
		if (!f->skip && !is_closed && norm_ps_close(f, &acc)) {
			/* the rest is read for its syntax only */
			is_closed = true;
			f->skip++;
		}
		struct pset a = parse_atom(f, is_ci);
		long min, max;
		bool is_rep = !f->is_bad && norm_fa_parse_quant(f, &min, &max);
		if (f->skip) {
			/* (syntax only: its strings are not repeated) */
			norm_ps_free(f, &a);
			continue;
		}
		if (is_rep)
			a = norm_ps_repeat(f, &a, min, max);
		if (is_eps(&acc)) {
			/* the first atom (a group in a group: "(?:(?:x))"):
			** the empty string followed by a is a (normalised
			** as made, unless repeated) */
			norm_ps_free(f, &acc);
			acc = a;
			if (is_rep)
				norm_ps_norm(f, &acc);
			continue;
		}
		struct pset nx = norm_ps_concat(f, &acc, &a);
		norm_ps_free(f, &a);
		norm_ps_free(f, &acc);
		acc = nx;
	}
	if (is_closed)
		f->skip--;
	return acc;
}

static struct pset parse_alt(struct fa *f, bool *is_ci)
{
	struct pset out = {0};
	bool ci = *is_ci;
	size_t nbranches = 0;
	for (;;) {
		struct pset b = parse_seq(f, &ci);
		if (f->skip)
			norm_ps_free(f, &b); /* (syntax only: no union) */
		else
			norm_ps_union(f, &out, &b);
		nbranches++;
		if (f->is_bad || peek(f, 0) != '|')
			break;
		f->i++;
	}
	/* one branch is normalised as parse_seq made it */
	if (nbranches > 1 && !f->skip)
		norm_ps_norm(f, &out);
	return out;
}

void norm_first_analyze(const char *rx, size_t len, bool is_caseless,
			struct norm_first_memo **memo, struct fc_arena *a,
			struct norm_first *out)
{
	norm_first_analyze_as(rx, len, is_caseless, memo, a, out, false);
}

void norm_first_analyze_as(const char *rx, size_t len, bool is_caseless,
			   struct norm_first_memo **memo, struct fc_arena *a,
			   struct norm_first *out, bool is_whole)
{
	memset(out, 0, sizeof(*out));
	if (!*memo)
		*memo = norm_first_memo_create();
	struct fa f = {.s = (const unsigned char *)rx, .n = len,
		       .memo = *memo, .is_whole = is_whole};
	/* only the interned classes are read (and [0], none) */
	f.sets = malloc(NSETS * sizeof(*f.sets));
	if (!f.sets)
		return;
	struct norm_first_memo *m = *memo;
	if (m)
		norm_first_memo_lend(m, &f);
	memset(f.sets[0], 0, sizeof(f.sets[0]));
	f.nsets = 1;
	norm_first_index(&f);
	bool ci = is_caseless;
	struct pset p = parse_alt(&f, &ci);
	bool ok = !f.is_bad && f.i == f.n && p.n;
	/* strings at the start of the subject: the scan tries position 0 */
	bool is_bos = false;
	size_t o = 0;
	for (size_t i = 0; ok && i < p.n; i++) {
		if (p.v[i].flags & F_BOS)
			is_bos = true;
		else
			p.v[o++] = p.v[i];
	}
	if (ok)
		p.n = o;
	for (size_t i = 0; ok && i < p.n; i++) {
		struct norm_pstr *s = &p.v[i];
		if (s->len == 0) {
			ok = false; /* it can match the empty string */
			break;
		}
		if (!(s->flags & F_TRUNC) && (s->flags & F_B)) {
			/* \b at the end: the next byte is of the other kind */
			bset w, x = {0};
			bs_word(w);
			const uint64_t *last = f.sets[s->sym[s->len - 1]];
			if (bs_subset(last, w))
				memcpy(x, w, sizeof(x));
			else if (bs_disjoint(last, w))
				for (unsigned c = 0; c < 128; c++)
					if (!bs_has(w, c))
						bs_set(x, c);
			if (s->x)
				for (int k = 0; k < 4; k++)
					x[k] |= f.sets[s->x][k];
			s->x = norm_ps_ascii(&f, x);
		}
		s->flags &= (uint8_t)(F_TRUNC | F_WS);
		if (s->flags & F_TRUNC)
			s->x = 0;
	}
	ok = ok && !f.is_bad;
	if (ok) {
		out->sets = fc_arena_alloc(a, f.nsets * sizeof(*out->sets));
		out->strs = fc_arena_alloc(a, (p.n + 1) * sizeof(*out->strs));
		ok = out->sets && out->strs;
	}
	if (ok) {
		memcpy(out->sets, f.sets, f.nsets * sizeof(*out->sets));
		out->nsets = f.nsets;
		memcpy(out->strs, p.v, p.n * sizeof(*out->strs));
		out->nstrs = p.n;
		out->is_bos = is_bos;
		out->is_ok = true;
	} else {
		memset(out, 0, sizeof(*out));
	}
	norm_ps_free(&f, &p);
	free(f.sets);
	norm_first_index_free(&f);
	if (m) {
		norm_first_memo_keep(m, &f);
	} else {
		norm_ps_spares_free(&f);
		free(f.hash);
		free(f.heads);
	}
}
