/*
** yamlpos.c: where byte `off` of a YAML scalar's value stands in the
** file, so that a PCRE2 error or a bad placeholder points at the exact
** column. Columns count characters, as libyaml's marks do.
**
** Quoted scalars on one line are re-read from the file bytes, undoing
** the escapes ('' in single quotes, \x.. \u.... \\ in double quotes);
** plain and literal block scalars map directly; anything else (folded
** or multi-line flow scalars) falls back to fc_ynode_loc_at().
*/
#include <string.h>

#include "claims/claims_p.h"

static size_t char_len(const char *p, size_t avail)
{
	size_t k = fc_utf8_seq_len((const unsigned char *)p, avail);
	return k ? k : 1;
}

/* Byte index in data of (line, col), both 1-based; len when not found. */
static size_t byte_at(const char *data, size_t len, uint32_t line,
		      uint32_t col)
{
	size_t i = 0;
	for (uint32_t l = 1; l < line; l++) {
		const char *nl = memchr(data + i, '\n', len - i);
		if (!nl)
			return len;
		i = (size_t)(nl - data) + 1;
	}
	for (uint32_t c = 1; c < col && i < len && data[i] != '\n'; c++)
		i += char_len(data + i, len - i);
	return i;
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

/*
** Walk a quoted scalar in the file; true with *col set when off was
** reached on the opening line.
*/
static bool quoted_col(const char *data, size_t len, size_t q, char style,
		       size_t off, uint32_t col0, uint32_t *col)
{
	size_t i = q + 1, v = 0;
	uint32_t c = col0;
	while (i < len && v < off) {
		char ch = data[i];
		size_t raw = 1, val = 1;
		if (ch == '\n' || ch == '\r')
			return false;
		if (style == '\'') {
			if (ch == '\'') {
				if (i + 1 < len && data[i + 1] == '\'')
					raw = 2;
				else
					return false; /* closing quote */
			} else {
				raw = val = char_len(data + i, len - i);
			}
		} else if (ch == '"') {
			return false;
		} else if (ch == '\\' && i + 1 < len) {
			char e = data[i + 1];
			raw = 2;
			switch (e) {
			case 'x': raw = 4; val = hex_utf8_len(data + i + 2, 2); break;
			case 'u': raw = 6; val = hex_utf8_len(data + i + 2, 4); break;
			case 'U': raw = 10; val = hex_utf8_len(data + i + 2, 8); break;
			case 'N': case '_': val = 2; break;
			case 'L': case 'P': val = 3; break;
			case '\n': case '\r': return false;
			default: break;
			}
			if (i + raw > len)
				return false;
		} else {
			raw = val = char_len(data + i, len - i);
		}
		/* columns count characters: an escape is as wide as written */
		c += ch == '\\' || (style == '\'' && ch == '\'') ? (uint32_t)raw
								 : 1;
		i += raw;
		v += val;
	}
	*col = c;
	return v >= off;
}

struct fc_srcloc cl_yaml_scalar_loc(const struct fc_rulefile *file,
				 const struct fc_ynode *n, size_t off)
{
	struct fc_srcloc l = n->loc;
	l.len = 1;
	if (n->type != FC_Y_SCALAR)
		return l;
	if (off > n->len)
		off = n->len;
	if (n->style == '\'' || n->style == '"') {
		if (!file || !file->data)
			return fc_ynode_loc_at(n, off);
		size_t q = byte_at(file->data, file->len, n->loc.line,
				   n->loc.col);
		uint32_t col;
		if (q < file->len && file->data[q] == n->style &&
		    quoted_col(file->data, file->len, q, n->style, off,
			       n->loc.col + 1, &col)) {
			l.line = n->loc.line;
			l.col = col;
			return l;
		}
		return fc_ynode_loc_at(n, off);
	}
	if (n->style == 'p' || n->style == '|') {
		if (n->style == 'p' && memchr(n->str, '\n', n->len))
			return fc_ynode_loc_at(n, off);
		uint32_t line = n->val_line, col = n->val_col;
		for (size_t i = 0; i < off;) {
			if (n->str[i] == '\n') {
				line++;
				col = n->val_col;
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
	return fc_ynode_loc_at(n, off);
}
