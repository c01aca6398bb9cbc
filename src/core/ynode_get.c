/*
** ynode_get.c: reading the trees ynode.c makes: a mapping's keys, a
** scalar as a string, number, boolean or list, with an error at the
** node's file:line:col when it is not one; and the position of a byte
** inside a scalar (fc_ynode_loc_at), quoted or plain.
*/
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

struct fc_ynode *fc_ymap_get(const struct fc_ynode *n, const char *key)
{
	if (!n || n->type != FC_Y_MAP)
		return NULL;
	/* the first bytes first: most keys differ there, and a call to
	** strcmp a key cost a warm start 0.9 M instructions */
	for (size_t i = 0; i + 1 < n->nkids; i += 2) {
		const char *k = n->kids[i]->str;
		if (k[0] == key[0] && !strcmp(k, key))
			return n->kids[i + 1];
	}
	return NULL;
}

bool fc_ynode_is_null(const struct fc_ynode *n)
{
	return !n || (n->type == FC_Y_SCALAR && n->is_plain &&
		      (n->len == 0 || !strcmp(n->str, "~") ||
		       !strcmp(n->str, "null")));
}

void fc_ynode_unknown(const struct fc_ynode *n, const char *what,
		      const char *const *names, struct fc_diags *d)
{
	const char *best = fc_nearest(n->str, names, (size_t)-1);
	if (best) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "unknown %s '%s' (did you mean '%s'?)", what,
			    n->str, best);
		return;
	}
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; names[i]; i++)
		fc_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
	fc_diag_add(d, FC_ESCHEMA, &n->loc, "unknown %s '%s' (one of %s)", what,
		    n->str, fc_buf_cstr(&b));
	fc_buf_finish(&b);
}

size_t fc_ymap_check_keys(const struct fc_ynode *n, const char *const *keys,
			  const char *what, struct fc_diags *d)
{
	size_t bad = 0;
	if (!n || n->type != FC_Y_MAP)
		return 0;
	for (size_t i = 0; i < n->nkids; i += 2) {
		const char *k = n->kids[i]->str;
		if (fc_name_index(k, keys) >= 0)
			continue;
		const char *best = fc_nearest(k, keys, (size_t)-1);
		bad++;
		if (best)
			fc_diag_add(d, FC_ESCHEMA, &n->kids[i]->loc,
				    "unknown key '%s' in %s (did you mean "
				    "'%s'?)",
				    k, what, best);
		else
			fc_diag_add(d, FC_ESCHEMA, &n->kids[i]->loc,
				    "unknown key '%s' in %s", k, what);
	}
	return bad;
}

static const char *type_name(const struct fc_ynode *n)
{
	return n->type == FC_Y_MAP ? "a mapping"
	       : n->type == FC_Y_SEQ ? "a sequence"
				     : "a scalar";
}

bool fc_ynode_str(const struct fc_ynode *n, const char *what,
		  const char **out, struct fc_diags *d)
{
	if (!n || n->type != FC_Y_SCALAR) {
		if (n)
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "%s must be a string, not %s", what,
				    type_name(n));
		return false;
	}
	*out = n->str;
	return true;
}

bool fc_ynode_int(const struct fc_ynode *n, const char *what, long long lo,
		  long long hi, long long *out, struct fc_diags *d)
{
	if (n && n->type == FC_Y_SCALAR && n->len > 0 && n->len < 20) {
		const char *p = n->str;
		int neg = *p == '-';
		p += neg || *p == '+';
		long long v = 0;
		int ok = *p != '\0';
		for (; *p; p++) {
			if (*p < '0' || *p > '9') {
				ok = 0;
				break;
			}
			v = v * 10 + (*p - '0');
		}
		if (neg)
			v = -v;
		if (ok && v >= lo && v <= hi) {
			*out = v;
			return true;
		}
	}
	if (n)
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "%s must be a whole number from %lld to %lld",
			    what, lo, hi);
	return false;
}

bool fc_ynode_double(const struct fc_ynode *n, const char *what, double *out,
		     struct fc_diags *d)
{
	if (n && n->type == FC_Y_SCALAR && n->len > 0) {
		char *end;
		double v = strtod(n->str, &end);
		if (*end == '\0') {
			*out = v;
			return true;
		}
	}
	if (n)
		fc_diag_add(d, FC_ESCHEMA, &n->loc, "%s must be a number",
			    what);
	return false;
}

bool fc_ynode_bool(const struct fc_ynode *n, const char *what, bool *out,
		   struct fc_diags *d)
{
	if (n && n->type == FC_Y_SCALAR) {
		if (!strcmp(n->str, "true") || !strcmp(n->str, "yes")) {
			*out = true;
			return true;
		}
		if (!strcmp(n->str, "false") || !strcmp(n->str, "no")) {
			*out = false;
			return true;
		}
	}
	if (n)
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "%s must be true or false", what);
	return false;
}

bool fc_ynode_strlist(struct fc_arena *a, const struct fc_ynode *n,
		      const char *what, const char ***out, size_t *nout,
		      struct fc_diags *d)
{
	*out = NULL;
	*nout = 0;
	if (!n)
		return true;
	if (n->type == FC_Y_SCALAR) {
		const char **v = fc_arena_alloc(a, sizeof(*v));
		if (!v)
			return false;
		v[0] = n->str;
		*out = v;
		*nout = 1;
		return true;
	}
	if (n->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "%s must be a string or a list of strings", what);
		return false;
	}
	const char **v = fc_arena_alloc(a, (n->nkids + 1) * sizeof(*v));
	if (!v)
		return false;
	bool ok = true;
	for (size_t i = 0; i < n->nkids; i++)
		ok = fc_ynode_str(n->kids[i], what, &v[i], d) && ok;
	if (!ok)
		return false; /* empty, never a list with a NULL in it */
	*out = v;
	*nout = n->nkids;
	return true;
}

static size_t char_len(const char *p, size_t avail)
{
	size_t k = fc_utf8_seq_len((const unsigned char *)p, avail);
	return k ? k : 1;
}

/* Bytes of the UTF-8 encoding of the code point in hex digits p[0, n). */
static size_t hex_utf8_len(const char *p, size_t n)
{
	unsigned long cp = 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		unsigned v = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
			     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
						    : 0;
		cp = cp * 16 + v;
	}
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* Column of value offset off in a quoted scalar written as raw. */
static uint32_t quoted_col(const struct fc_ynode *n, size_t off)
{
	const char *d = n->raw;
	size_t len = n->raw_len, i = 0, v = 0;
	uint32_t c = n->val_col;
	while (i < len && v < off) {
		char ch = d[i];
		size_t raw = 1, val = 1;
		if (n->style == '\'' && ch == '\'') {
			raw = 2; /* '' is one quote */
		} else if (n->style == '"' && ch == '\\' && i + 1 < len) {
			raw = 2;
			switch (d[i + 1]) {
			case 'x': raw = 4; val = hex_utf8_len(d + i + 2, 2); break;
			case 'u': raw = 6; val = hex_utf8_len(d + i + 2, 4); break;
			case 'U': raw = 10; val = hex_utf8_len(d + i + 2, 8); break;
			case 'N': case '_': val = 2; break;
			case 'L': case 'P': val = 3; break;
			default: break;
			}
			if (i + raw > len)
				raw = len - i;
		} else {
			raw = val = char_len(d + i, len - i);
		}
		/* an escape is as wide as it is written; a character is 1 */
		c += raw == val ? 1 : (uint32_t)raw;
		i += raw;
		v += val;
	}
	return c;
}

struct fc_srcloc fc_ynode_loc_at(const struct fc_ynode *n, size_t off)
{
	struct fc_srcloc l = n->loc;
	l.len = 1;
	if (n->type != FC_Y_SCALAR)
		return l;
	if (off > n->len)
		off = n->len;
	if (n->raw) {
		l.line = n->val_line;
		l.col = quoted_col(n, off);
		return l;
	}
	if (n->style == '>' || (n->style != '|' && memchr(n->str, '\n', n->len))) {
		/* Folded or multi-line flow scalars: the value's newlines are
		** not the file's; point at the scalar. */
		return l;
	}
	uint32_t line = n->val_line, col = n->val_col ? n->val_col : 1;
	for (size_t i = 0; i < off;) {
		if (n->str[i] == '\n') {
			line++;
			col = n->val_col ? n->val_col : 1;
			i++;
		} else {
			col++;
			i += char_len(n->str + i, n->len - i);
		}
	}
	l.line = line;
	l.col = col;
	return l;
}
