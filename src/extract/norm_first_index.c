/*
** norm_first_index.c: the regex of the start-string analysis
** (norm_first.c) lexed once, and the lookups on it: where a group ends,
** whether it calls a group and where a named group is defined, and the
** memo's hash of its text and key (norm_first_memo.c).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_first_p.h"

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

uint64_t norm_first_hash_text(const unsigned char *s, size_t n, bool is_ci)
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
uint64_t norm_first_hash_part(const struct fa *f, size_t start, size_t end,
			      bool is_ci)
{
	if (!f->prefix)
		return norm_first_hash_text(f->s + start, end - start, is_ci);
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
void norm_first_index(struct fa *f)
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

size_t norm_first_group_end(const struct fa *f, size_t from)
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

bool norm_first_has_call(const struct fa *f, size_t start, size_t end)
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

size_t norm_first_find_def(struct fa *f, size_t name, size_t len)
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

unsigned char *norm_first_memo_key(struct fa *f, size_t start, size_t end,
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
		size_t def = norm_first_find_def(f, n0, n1 - n0);
		size_t dend = def == SIZE_MAX ? SIZE_MAX
					       : norm_first_group_end(f, def);
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
		*h = norm_first_hash_text((const unsigned char *)b.p, b.len,
					  false);
	if (b.err) {
		fc_buf_finish(&b);
		return NULL;
	}
	return (unsigned char *)fc_buf_steal(&b, klen);
}

void norm_first_index_free(struct fa *f)
{
	free(f->tok);
	free(f->close);
	free(f->prefix);
	free(f->calls_at);
}
