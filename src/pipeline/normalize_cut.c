/*
** normalize_cut.c: the bytes of factcross normalize's input: where the
** stream cuts a piece (a blank line, else a forced cut in a long
** paragraph), and how much of a piece's end the next keeps as context
** (invalid UTF-8 is replaced as the text is copied: fc_utf8_repair_to). Pure functions over
** bytes; the stream itself (normalize.c) calls them. The why of the
** pieces is in normalize.c's comment on the stream.
*/
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/core.h"
#include "pipeline/normalize_p.h"

#define CTX_MIN 512         /* context kept before a piece, at least */
#define CTX_MAX (64 * 1024) /* and at most */
#define CTX_WORDS 4         /* white-space separated words it holds */

void stream_warn_bad(struct fc_diags *d, size_t nbad, uint64_t first)
{
	fc_diag_warn(d, NULL,
		     "input: %zu invalid UTF-8 byte%s replaced by U+FFFD "
		     "(first at byte %llu)",
		     nbad, nbad == 1 ? "" : "s", (unsigned long long)first);
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where to cut p[0, n) at min or after: the start of a white space run
** with two line feeds; 0 when there is none yet. */
size_t stream_find_cut(const char *p, size_t n, size_t min)
{
	for (size_t i = min; i < n;) {
		const char *nl = memchr(p + i, '\n', n - i);
		if (!nl)
			return 0;
		size_t at = (size_t)(nl - p), rs = at, nls = 0;
		while (rs > 0 && is_ws(p[rs - 1]))
			nls += p[--rs] == '\n';
		size_t j = at + 1;
		while (j < n && is_ws(p[j]) && !nls)
			nls += p[j++] == '\n';
		if (nls && rs > 0)
			return rs;
		if (rs == 0) {
			/* white space back to p's start: no line feed of
			** this run gives a cut; go past the run at once (one
			** look back a line feed made it quadratic) */
			while (j < n && is_ws(p[j]))
				j++;
		}
		i = j > at ? j : at + 1;
	}
	return 0;
}

/* The length of a closing quote or bracket that ends p[0, n), or 0. */
static size_t closer_before(const char *p, size_t n)
{
	if (n && (p[n - 1] == '"' || p[n - 1] == '\'' || p[n - 1] == ')' ||
		  p[n - 1] == ']'))
		return 1;
	if (n >= 3 && !memcmp(p + n - 3, "\xE2\x80", 2) &&
	    (p[n - 1] == '\x9D' || p[n - 1] == '\x99')) /* U+201D, U+2019 */
		return 3;
	return 0;
}

/* Where to cut p[0, n), n > max, when no blank line comes before max:
** in [min, max), the last white space run that holds a line feed, else
** the last that follows the end of a sentence (".", "!" or "?", closing
** quotes or brackets after it), else the last; with no white space
** there, the last character boundary before max. Each cut takes at
** least min bytes, so the scans of a long line stay linear. */
size_t stream_force_cut(const char *p, size_t min, size_t max)
{
	size_t any = 0, stop = 0;
	for (size_t i = max; i > min && i > 1; i--) {
		if (!is_ws(p[i - 1]) || is_ws(p[i - 2]))
			continue;
		size_t rs = i - 1, k = rs; /* a run starts at rs */
		while (k < max && is_ws(p[k]) && p[k] != '\n')
			k++;
		if (k < max && p[k] == '\n')
			return rs;
		size_t b = rs, c;
		while ((c = closer_before(p, b)) != 0)
			b -= c;
		if (!stop && b && (p[b - 1] == '.' || p[b - 1] == '!' ||
				   p[b - 1] == '?'))
			stop = rs;
		if (!any)
			any = rs;
	}
	if (stop)
		return stop;
	if (any)
		return any;
	size_t i = max;
	while (i > min && ((unsigned char)p[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* How much of text[0, len) the next piece keeps before it: what the
** normalizer's look-behinds read, and the last few words. */
size_t stream_context_from(const char *t, size_t len, size_t keep_norm)
{
	size_t i = len;
	for (int w = 0; w < CTX_WORDS && i > 0; w++) {
		while (i > 0 && is_ws(t[i - 1]))
			i--;
		while (i > 0 && !is_ws(t[i - 1]))
			i--;
	}
	size_t keep = len - i;
	if (keep < keep_norm)
		keep = keep_norm;
	if (keep < CTX_MIN)
		keep = CTX_MIN;
	if (keep > CTX_MAX)
		keep = CTX_MAX;
	if (keep > len)
		keep = len;
	size_t from = len - keep;
	while (from < len && (t[from] & 0xC0) == 0x80)
		from++; /* not inside a character */
	return from;
}
