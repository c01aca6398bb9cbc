/*
** strutil.c: small string helpers (slugs, edit distance, UTF-8).
*/
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

size_t fc_utf8_seq_len(const unsigned char *p, size_t avail)
{
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	size_t n;
	uint32_t cp;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

bool fc_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		/* news text is mostly ASCII: eight bytes at a time */
		uint64_t v;
		if (i + 8 <= len &&
		    (memcpy(&v, p + i, 8), !(v & 0x8080808080808080ull))) {
			i += 8;
			continue;
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = fc_utf8_seq_len(p + i, len - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

/* Fold common Latin-1 letters to ASCII for slugs ("é" -> 'e'). */
static char fold_latin(const unsigned char *p, size_t k)
{
	if (k != 2 || p[0] != 0xC3)
		return 0;
	static const char map[64] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTs"
				    "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	char c = map[p[1] - 0x80 < 64 ? p[1] - 0x80 : 0];
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? c : 0;
}

char *fc_slug(struct fc_arena *a, const char *s, size_t n)
{
	char *out = fc_arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	int dash = 0;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		char w = 0;
		size_t k = 1;
		if (c >= 0x80) {
			k = fc_utf8_seq_len(p + i, n - i);
			if (!k)
				k = 1;
			w = fold_latin(p + i, k);
		} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			w = (char)c;
		} else if (c >= 'A' && c <= 'Z') {
			w = (char)(c - 'A' + 'a');
		} else if (c == '\'' ) {
			i++;
			continue; /* "Côte d'Ivoire" -> "cote-divoire" */
		}
		if (w >= 'A' && w <= 'Z')
			w = (char)(w - 'A' + 'a');
		if (w) {
			if (dash && o)
				out[o++] = '-';
			dash = 0;
			out[o++] = w;
		} else {
			dash = 1;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

size_t fc_edit_distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return max + 1;
	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = prev + cost;
			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			prev = cur;
		}
	}
	return row[lb] > max ? max + 1 : row[lb];
}

const char *fc_nearest(const char *s, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < n && names[i]; i++) {
		size_t dist = fc_edit_distance(s, names[i], 2);
		if (dist < bestd) {
			bestd = dist;
			best = names[i];
		}
	}
	return best;
}

int fc_name_index(const char *s, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

bool fc_str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !memcmp(s + n - k, suffix, k);
}

const char *fc_path_beside(struct fc_arena *a, const char *path,
			   const char *name)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return name;
	return fc_arena_printf(a, "%.*s/%s", (int)(slash - path), path, name);
}

fc_status fc_iso_list_read(const char *path, size_t max, const char *what,
			   const struct fc_srcloc *by, struct fc_diags *d,
			   char **data, size_t *len)
{
	if (fc_file_read(path, max, data, len) == FC_OK)
		return FC_OK;
	const struct fc_srcloc loc = {path, 0, 0, 0};
	const char *slash = strrchr(path, '/');
	fc_diag_add(d, FC_EIO, &loc,
		    "cannot read the %s '%s' (asked for by %s:%u): install the "
		    "iso-codes package (apt-get install iso-codes) or point "
		    "FACTCROSS_ISO_CODES at an iso_3166-1.json with %s beside "
		    "it",
		    what, path, by->file ? by->file : "?", (unsigned)by->line,
		    slash ? slash + 1 : path);
	return FC_EIO;
}

char *fc_lower(struct fc_arena *a, const char *s, size_t n)
{
	char *p = fc_arena_strndup(a, s, n);
	if (!p)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
	return p;
}

/* Does the 8-byte word w hold a byte >= 0x80 or a NUL? */
static bool has_odd_byte(uint64_t w)
{
	return ((w | ((w - 0x0101010101010101ull) & ~w)) &
		0x8080808080808080ull) != 0;
}

/* The one loop of the repair (out NULL: the replaced bytes counted
** only; end not NULL: where each U+FFFD put ends, as
** fc_utf8_repair_ends says); ASCII runs of eight bytes are taken at
** once. */
static inline size_t repair(char *out, const char *s, size_t n,
			    size_t *nbad, size_t *first, uint32_t *end)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, i = 0;
	while (i < n) {
		uint64_t w;
		while (i + 8 <= n && (memcpy(&w, p + i, 8), !has_odd_byte(w))) {
			if (out)
				memcpy(out + o, p + i, 8);
			o += 8;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = p[i];
		size_t k = c >= 0x80 ? fc_utf8_seq_len(p + i, n - i) : c != 0;
		if (!k) {
			if (!*nbad)
				*first = i;
			(*nbad)++;
			if (out)
				memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			if (end)
				end[*nbad - 1] = (uint32_t)o;
			i++;
		} else {
			if (out)
				memcpy(out + o, p + i, k);
			o += k;
			i += k;
		}
	}
	return o;
}

size_t fc_utf8_repair_to(char *out, const char *s, size_t n, size_t *nbad,
			 size_t *first)
{
	return repair(out, s, n, nbad, first, NULL);
}

size_t fc_utf8_repair_ends(const char *s, size_t n, uint32_t *end)
{
	size_t nbad = 0, first = 0;
	repair(NULL, s, n, &nbad, &first, end);
	return nbad;
}

char *fc_utf8_repair(struct fc_arena *a, const char *s, size_t n,
		     size_t *out_len, size_t *nbad, size_t *first_bad)
{
	size_t bad = 0, first = n;
	size_t len = repair(NULL, s, n, &bad, &first, NULL);
	char *out = fc_arena_alloc(a, len + 1);
	if (!out)
		return NULL;
	size_t bad2 = 0, first2 = n;
	repair(out, s, n, &bad2, &first2, NULL);
	out[len] = '\0';
	*out_len = len;
	if (nbad)
		*nbad = bad;
	if (first_bad)
		*first_bad = first;
	return out;
}

const unsigned char fc_first_ones[32] = {
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};
