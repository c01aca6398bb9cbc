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
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_first_p.h"

/* ---- Memo --------------------------------------------------------------- */

/*
** Patterns share their macros and tables ({num}, {month}, {hedgep}), so
** the same group text comes back again and again: its strings are kept
** with the classes they use and taken over by the later patterns.
*/

#define MEMO_MIN 24 /* bytes of group text worth keeping */

struct memo_ent {
	uint64_t hash;
	char *text;
	size_t len;
	bool is_ci;
	struct norm_pstr *strs; /* classes numbered into sets */
	size_t nstrs;
	bset *sets;
	size_t nsets;
	bool has_cond; /* holds assertions or backreferences */
};

struct norm_first_memo {
	struct memo_ent *v;
	size_t n, cap;
	uint32_t *slots; /* hash of v: index + 1, 0 free */
	size_t nslots;   /* a power of two, at least 2 * cap */
	/* the scratch of the analysis, kept for the next pattern: the
	** set hash and the buffers of freed sets (struct fa) */
	uint64_t *hash;
	size_t caphash;
	uint32_t stamp;
	struct heads *heads;
	struct norm_pstr *spare[NSPARE];
	size_t capspare[NSPARE], nspare;
};

void norm_first_memo_free(struct norm_first_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].text);
		free(m->v[i].strs);
		free(m->v[i].sets);
	}
	free(m->v);
	free(m->slots);
	free(m->hash);
	free(m->heads);
	while (m->nspare)
		free(m->spare[--m->nspare]);
	free(m);
}

/* Is a group called at s[i] ((?&name), (?P>name))? */
static bool is_call_at(const unsigned char *s, size_t n, size_t i)
{
	return i + 2 < n && s[i] == '(' && s[i + 1] == '?' &&
	       (s[i + 2] == '&' ||
		(s[i + 2] == 'P' && i + 3 < n && s[i + 3] == '>'));
}

/* The memo's hash of text (a polynomial in its bytes, so that the hash
** of any part of a regex comes from the hashes of its prefixes). */
#define HASH_MUL 0x100000001B3ull

static uint64_t hash_pow(size_t n)
{
	uint64_t r = 1, b = HASH_MUL;
	for (; n; n >>= 1, b *= b)
		if (n & 1)
			r *= b;
	return r;
}

static uint64_t hash_text(const unsigned char *s, size_t n, bool is_ci)
{
	uint64_t h = 0;
	for (size_t i = 0; i < n; i++)
		h = h * HASH_MUL + s[i] + 1;
	return h ^ (is_ci ? 0x9E3779B97F4A7C15ull : 0);
}

/* hash_text of s[start, end) (f->prefix made), before its case bit. */
static uint64_t hash_raw(const struct fa *f, size_t start, size_t end)
{
	return f->prefix[end] - f->prefix[start] * hash_pow(end - start);
}

/* hash_text of s[start, end). */
static uint64_t hash_part(const struct fa *f, size_t start, size_t end,
			  bool is_ci)
{
	if (!f->prefix)
		return hash_text(f->s + start, end - start, is_ci);
	return hash_raw(f, start, end) ^ (is_ci ? 0x9E3779B97F4A7C15ull : 0);
}

/*
** The regex lexed once the way group_end reads it, so that group_end,
** has_call and the memo's hash are lookups, not scans of a group's text
** at every level of nesting (a 12 KB expansion nests groups dozens
** deep). From a byte where a token starts, group_end's scan meets the
** tokens this pass meets: the ')' it stops at closes the innermost group
** open there (or, outside every group, is the next unmatched ')').
** Without memory the scans stay.
*/
static void lex_index(struct fa *f)
{
	size_t n = f->n;
	const unsigned char *s = f->s;
	if (n >= UINT32_MAX - 2)
		return;
	uint32_t *tok = malloc((n + 1) * sizeof(*tok));
	uint32_t *close = malloc((n + 2) * sizeof(*close));
	uint32_t *stack = malloc((n + 1) * sizeof(*stack));
	uint64_t *prefix = malloc((n + 1) * sizeof(*prefix));
	uint32_t *calls = NULL;
	size_t ncalls = 0, capcalls = 0;
	bool ok = tok && close && stack && prefix;
	/* cur: the innermost open group + 1 (outside every group, the
	** group that the next unmatched ')' closes) */
	uint32_t ng = 1, top = 0, cur = 1;
	if (ok)
		close[0] = 0;
	static const bool is_special[256] = {
		['\\'] = true, ['['] = true, ['('] = true, [')'] = true};
	for (size_t i = 0; ok && i < n; i++) {
		unsigned c = s[i];
		tok[i] = cur;
		if (!is_special[c])
			continue;
		size_t i0 = i;
		if (c == '\\') {
			i++;
		} else if (c == '[') {
			i++;
			if (i < n && s[i] == '^')
				i++;
			if (i < n && s[i] == ']')
				i++;
			while (i < n && s[i] != ']')
				i += s[i] == '\\' ? 2 : 1;
		} else if (c == '(') {
			close[ng] = 0;
			stack[top++] = cur;
			cur = ++ng;
		} else {
			close[cur - 1] = (uint32_t)i + 1;
			if (top) {
				cur = stack[--top];
			} else {
				close[ng] = 0;
				cur = ++ng;
			}
		}
		/* bytes inside an escape or a class start no token */
		for (size_t k = i0 + 1; k <= i && k < n; k++)
			tok[k] = 0;
	}
	if (ok)
		tok[n] = 0;
	/* call sites as has_call reads them: bytes, not tokens */
	for (const unsigned char *p = s; ok && (p = memchr(p, '(', n - (size_t)(p - s)));
	     p++) {
		size_t i = (size_t)(p - s);
		if (!is_call_at(s, n, i))
			continue;
		if (ncalls == capcalls) {
			capcalls = capcalls ? 2 * capcalls : 16;
			uint32_t *g = realloc(calls, capcalls * sizeof(*g));
			if (!g) {
				ok = false;
				break;
			}
			calls = g;
		}
		calls[ncalls++] = (uint32_t)i;
	}
	if (ok) {
		uint64_t h = 0;
		prefix[0] = 0;
		for (size_t i = 0; i < n; i++)
			prefix[i + 1] = h = h * HASH_MUL + s[i] + 1;
	}
	free(stack);
	if (!ok) {
		free(tok);
		free(close);
		free(prefix);
		free(calls);
		return;
	}
	f->tok = tok;
	f->close = close;
	f->prefix = prefix;
	f->calls_at = calls;
	f->ncalls_at = ncalls;
}

/* Where the group whose text starts at `from` ends (its ')'), or
** SIZE_MAX. */
static size_t group_end(const struct fa *f, size_t from)
{
	if (f->tok && from < f->n && f->tok[from]) {
		uint32_t c = f->close[f->tok[from] - 1];
		return c ? c - 1 : SIZE_MAX;
	}
	int depth = 0;
	for (size_t i = from; i < f->n; i++) {
		unsigned c = f->s[i];
		if (c == '\\') {
			i++;
		} else if (c == '[') {
			i++;
			if (i < f->n && f->s[i] == '^')
				i++;
			if (i < f->n && f->s[i] == ']')
				i++;
			while (i < f->n && f->s[i] != ']')
				i += f->s[i] == '\\' ? 2 : 1;
		} else if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (!depth--)
				return i;
		}
	}
	return SIZE_MAX;
}


static struct memo_ent *memo_find(struct norm_first_memo *m, uint64_t h,
				  const unsigned char *s, size_t n, bool is_ci)
{
	if (!m->nslots)
		return NULL;
	for (size_t k = h & (m->nslots - 1); m->slots[k];
	     k = (k + 1) & (m->nslots - 1)) {
		struct memo_ent *e = &m->v[m->slots[k] - 1];
		if (e->hash == h && e->len == n && e->is_ci == is_ci &&
		    !memcmp(e->text, s, n))
			return e;
	}
	return NULL;
}

/* Index entry i of m in its hash (grown to twice the entries' room). */
static bool memo_index(struct norm_first_memo *m, size_t i)
{
	if (m->nslots < 2 * m->cap) {
		size_t ns = 64;
		while (ns < 2 * m->cap)
			ns *= 2;
		uint32_t *sl = calloc(ns, sizeof(*sl));
		if (!sl)
			return false;
		free(m->slots);
		m->slots = sl;
		m->nslots = ns;
		for (size_t j = 0; j < i; j++) {
			size_t k = m->v[j].hash & (ns - 1);
			while (sl[k])
				k = (k + 1) & (ns - 1);
			sl[k] = (uint32_t)(j + 1);
		}
	}
	size_t k = m->v[i].hash & (m->nslots - 1);
	while (m->slots[k])
		k = (k + 1) & (m->nslots - 1);
	m->slots[k] = (uint32_t)(i + 1);
	return true;
}

/* Keep p, the strings of group text s[0, n). */
static void memo_put(struct fa *f, uint64_t h, const unsigned char *s,
		     size_t n, bool is_ci, bool has_cond, const struct pset *p)
{
	struct norm_first_memo *m = f->memo;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct memo_ent *v = realloc(m->v, cap * sizeof(*v));
		if (!v)
			return;
		m->v = v;
		m->cap = cap;
	}
	struct memo_ent e = {h, malloc(n), n, is_ci,
			     malloc((p->n ? p->n : 1) * sizeof(*e.strs)), p->n,
			     NULL, 1, has_cond};
	uint8_t map[NSETS] = {0};
	e.sets = malloc(NSETS * sizeof(*e.sets));
	if (!e.text || !e.strs || !e.sets) {
		free(e.text);
		free(e.strs);
		free(e.sets);
		return;
	}
	memcpy(e.text, s, n);
	for (size_t i = 0; i < p->n; i++) {
		struct norm_pstr t = p->v[i];
		for (uint8_t k = 0; k <= t.len; k++) {
			uint8_t *id = k < t.len ? &t.sym[k] : &t.x;
			if (!*id)
				continue;
			if (!map[*id]) {
				memcpy(e.sets[e.nsets], f->sets[*id],
				       sizeof(bset));
				map[*id] = (uint8_t)e.nsets++;
			}
			*id = map[*id];
		}
		e.strs[i] = t;
	}
	m->v[m->n] = e;
	if (!memo_index(m, m->n)) {
		free(e.text);
		free(e.strs);
		free(e.sets);
		return;
	}
	m->n++;
}

/* The strings of e, their classes interned into this pattern. */
static struct pset memo_get(struct fa *f, const struct memo_ent *e)
{
	struct pset out = {0};
	uint8_t map[NSETS] = {0};
	for (size_t k = 1; k < e->nsets; k++)
		map[k] = norm_fa_intern(f, e->sets[k]);
	for (size_t i = 0; i < e->nstrs && !f->is_bad; i++) {
		struct norm_pstr t = e->strs[i];
		for (uint8_t k = 0; k < t.len; k++)
			t.sym[k] = map[t.sym[k]];
		t.x = map[t.x];
		norm_ps_push(f, &out, &t);
	}
	return out;
}

/* ---- Parsing ------------------------------------------------------------ */

static struct pset parse_alt(struct fa *f, bool *is_ci);

/* Does the group text s[start, end) (end: its ')') call a group
** ((?&name), (?P>name))? Its strings then depend on the pattern around
** it. (A call cannot run into the ')' at end.) */
static bool has_call(const struct fa *f, size_t start, size_t end)
{
	if (f->tok) {
		/* the first call site at or after start */
		size_t lo = 0, hi = f->ncalls_at;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (f->calls_at[mid] < start)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo < f->ncalls_at && f->calls_at[lo] < end;
	}
	for (size_t i = start; i < end; i++)
		if (is_call_at(f->s + start, end - start, i - start))
			return true;
	return false;
}

/* Where the pattern of the group named s[name, name + len) starts
** (after its "(?<name>"), or SIZE_MAX; kept by name for the next
** call. */
static size_t find_def(struct fa *f, size_t name, size_t len)
{
	static const char *const opens[] = {"(?<", "(?P<", "(?'"};
	static const char closes[] = {'>', '>', '\''};
	char pat[80];
	if (len == 0 || len > 64)
		return SIZE_MAX;
	for (size_t k = 0; k < f->ndefs; k++)
		if (f->defs[k].len == len &&
		    !memcmp(f->s + f->defs[k].name, f->s + name, len))
			return f->defs[k].def;
	size_t def = SIZE_MAX;
	for (size_t k = 0; k < 3 && def == SIZE_MAX; k++) {
		size_t ol = strlen(opens[k]), pl = ol + len + 1;
		memcpy(pat, opens[k], ol);
		memcpy(pat + ol, f->s + name, len);
		pat[ol + len] = closes[k];
		const unsigned char *hit = memmem(f->s, f->n, pat, pl);
		if (hit)
			def = (size_t)(hit - f->s) + pl;
	}
	if (f->ndefs < sizeof(f->defs) / sizeof(*f->defs)) {
		f->defs[f->ndefs].name = name;
		f->defs[f->ndefs].len = len;
		f->defs[f->ndefs++].def = def;
	}
	return def;
}

/*
** The memo key of group text s[start, end): the text, and after it the
** pattern of every group it calls (the same text may call different
** patterns in different regexes). NULL when a call is not found.
*/
static unsigned char *memo_key(struct fa *f, size_t start, size_t end,
			       size_t *klen, uint64_t *h)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_add(&b, f->s + start, end - start);
	/* the hash of the key as hash_text makes it, from the prefixes */
	*h = f->prefix ? hash_raw(f, start, end) : 0;
	/* the call sites, from the index when there is one (they are the
	** same: a call cannot run into the ')' at end) */
	size_t next = 0;
	if (f->tok)
		while (next < f->ncalls_at && f->calls_at[next] < start)
			next++;
	for (size_t i = start; i + 2 < end; i++) {
		if (f->tok) {
			if (next >= f->ncalls_at || f->calls_at[next] >= end)
				break;
			i = f->calls_at[next++];
		} else if (f->s[i] != '(' || f->s[i + 1] != '?' ||
			   !(f->s[i + 2] == '&' ||
			     (f->s[i + 2] == 'P' && f->s[i + 3] == '>'))) {
			continue;
		}
		size_t n0 = i + (f->s[i + 2] == '&' ? 3 : 4), n1 = n0;
		while (n1 < end && f->s[n1] != ')')
			n1++;
		size_t def = find_def(f, n0, n1 - n0);
		size_t dend = def == SIZE_MAX ? SIZE_MAX : group_end(f, def);
		if (dend == SIZE_MAX) {
			fc_buf_finish(&b);
			return NULL;
		}
		fc_buf_addc(&b, '\0');
		fc_buf_add(&b, f->s + def, dend - def);
		if (f->prefix)
			*h = (*h * HASH_MUL + 1) * hash_pow(dend - def) +
			     hash_raw(f, def, dend);
	}
	if (!f->prefix)
		*h = hash_text((const unsigned char *)b.p, b.len, false);
	if (b.err) {
		fc_buf_finish(&b);
		return NULL;
	}
	return (unsigned char *)fc_buf_steal(&b, klen);
}

/* parse_alt for the text of a group, from the memo when it is there. */
static struct pset group_alt(struct fa *f, bool *is_ci)
{
	size_t start = f->i, end = group_end(f, start);
	if (!f->memo || end == SIZE_MAX || end - start < MEMO_MIN)
		return parse_alt(f, is_ci);
	size_t klen = end - start;
	unsigned char *key = NULL;
	const unsigned char *k = f->s + start;
	uint64_t h = 0;
	if (has_call(f, start, end)) {
		if (!(key = memo_key(f, start, end, &klen, &h)))
			return parse_alt(f, is_ci);
		k = key;
		h ^= *is_ci ? 0x9E3779B97F4A7C15ull : 0;
	} else {
		h = hash_part(f, start, end, *is_ci);
	}
	const struct memo_ent *e = memo_find(f->memo, h, k, klen, *is_ci);
	if (e) {
		free(key);
		f->i = end;
		f->nconds += e->has_cond;
		if (f->skip)
			return (struct pset){0};
		return memo_get(f, e);
	}
	bool ci = *is_ci;
	size_t nc0 = f->nconds;
	struct pset p = parse_alt(f, is_ci);
	if (!f->is_bad && f->i == end && !f->skip)
		memo_put(f, h, k, klen, ci, f->nconds > nc0, &p);
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
	size_t def = find_def(f, name, len);
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
		struct pset body = parse_alt(f, &ci);
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
		if (!f->is_bad && norm_fa_parse_quant(f, &min, &max))
			a = norm_ps_repeat(f, &a, min, max);
		if (f->skip) {
			norm_ps_free(f, &a);
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
	for (;;) {
		struct pset b = parse_seq(f, &ci);
		norm_ps_union(f, &out, &b);
		if (f->is_bad || peek(f, 0) != '|')
			break;
		f->i++;
	}
	norm_ps_norm(f, &out);
	return out;
}

void norm_first_analyze(const char *rx, size_t len, bool is_caseless,
			struct norm_first_memo **memo, struct fc_arena *a,
			struct norm_first *out)
{
	memset(out, 0, sizeof(*out));
	if (!*memo)
		*memo = calloc(1, sizeof(**memo));
	struct fa f = {.s = (const unsigned char *)rx, .n = len,
		       .memo = *memo};
	/* only the interned classes are read (and [0], none) */
	f.sets = malloc(NSETS * sizeof(*f.sets));
	if (!f.sets)
		return;
	struct norm_first_memo *m = *memo;
	if (m) {
		f.hash = m->hash;
		f.caphash = m->caphash;
		f.stamp = m->stamp;
		m->hash = NULL;
		f.heads = m->heads;
		m->heads = NULL;
		memcpy(f.spare, m->spare, sizeof(f.spare));
		memcpy(f.capspare, m->capspare, sizeof(f.capspare));
		f.nspare = m->nspare;
		m->nspare = 0;
	}
	memset(f.sets[0], 0, sizeof(f.sets[0]));
	f.nsets = 1;
	lex_index(&f);
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
	free(f.tok);
	free(f.close);
	free(f.prefix);
	free(f.calls_at);
	if (m) {
		m->hash = f.hash;
		m->caphash = f.caphash;
		m->stamp = f.stamp;
		m->heads = f.heads;
		memcpy(m->spare, f.spare, sizeof(m->spare));
		memcpy(m->capspare, f.capspare, sizeof(m->capspare));
		m->nspare = f.nspare;
	} else {
		norm_ps_spares_free(&f);
		free(f.hash);
		free(f.heads);
	}
}
