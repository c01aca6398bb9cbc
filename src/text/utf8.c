/*
** utf8.c: raw bytes -> valid UTF-8 with LF line ends (the U layer), and
** small code point helpers.
**
** Nothing is dropped silently: every invalid byte becomes U+FFFD and is
** counted (NUL too, since the text is NUL-terminated downstream). What
** changes besides: a leading BOM goes, CRLF and CR become LF, no-break
** and typographic spaces become ' ', line and paragraph separators (and
** form feeds) become LF, other C0 controls become ' ', and invisible
** characters that split words (zero-width space, word joiner, soft
** hyphen, an inner BOM) are removed. Also fc_text_fold_cr, the line
** ends of a text whose length may not change.
*/
#include <string.h>

#include "text/text_p.h"

uint32_t text_decode(const unsigned char *p, size_t n, size_t *len)
{
	size_t k = fc_utf8_seq_len(p, n);
	if (k == 0) {
		*len = 1;
		return 0xFFFD;
	}
	*len = k;
	if (k == 1)
		return p[0];
	uint32_t cp = p[0] & (0xFF >> (k + 1));
	for (size_t i = 1; i < k; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	return cp;
}

size_t text_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int text_cp_class(uint32_t cp)
{
	switch (cp) {
	case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
		return ' ';
	case 0x0085: case 0x2028: case 0x2029: case '\f': case '\v':
		return '\n';
	case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
		return -1;
	default:
		break;
	}
	if (cp >= 0x2000 && cp <= 0x200A)
		return ' ';
	if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F)
		return ' ';
	return 0;
}

bool text_is_closer(uint32_t cp)
{
	switch (cp) {
	case '"': case '\'': case ')': case ']': case '}':
	case 0x2019: /* ’ */
	case 0x201D: /* ” */
	case 0x00BB: /* » */
	case 0x203A: /* › */
		return true;
	default:
		return false;
	}
}

uint32_t text_decode_back(const char *s, size_t off, size_t *len)
{
	size_t i = off;
	/* Back over at most three continuation bytes. */
	while (i > 0 && off - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0 && off - i < 4)
		i--;
	if (i == off) {
		*len = 0;
		return 0;
	}
	size_t k;
	uint32_t cp = text_decode((const unsigned char *)s + i, off - i, &k);
	if (i + k != off) { /* not one whole character: take the last byte */
		*len = 1;
		return (unsigned char)s[off - 1];
	}
	*len = k;
	return cp;
}

fc_status text_repair(const char *raw, size_t len, struct temit *u,
		      size_t *nbad, size_t *first_bad)
{
	const unsigned char *p = (const unsigned char *)raw;
	size_t i = 0, run = 0; /* run: start of pending verbatim bytes */
	*nbad = 0;
	*first_bad = 0;
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = run = 3;
	while (i < len) {
		unsigned char c = p[i];
		/* Printable ASCII and tabs and LF pass through in bulk. */
		if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') {
			i++;
			continue;
		}
		size_t k = c >= 0x80 ? fc_utf8_seq_len(p + i, len - i)
				     : c ? 1 : 0;
		uint32_t cp = 0;
		int cls;
		if (k == 0) {
			cls = 0xFFFD;
			k = 1;
			if ((*nbad)++ == 0)
				*first_bad = i;
		} else {
			cp = text_decode(p + i, len - i, &k);
			cls = c == '\r' ? '\r' : text_cp_class(cp);
		}
		if (cls == 0) {
			i += k;
			continue;
		}
		temit_copy(u, raw, run, i - run);
		if (cls == '\r') {
			/* CRLF: the LF is copied with the next run. */
			if (i + 1 >= len || p[i + 1] != '\n')
				temit_synth(u, "\n", 1);
		} else if (cls == 0xFFFD) {
			temit_synth(u, "\xEF\xBF\xBD", 3);
		} else if (cls > 0) {
			char ch = (char)cls;
			temit_synth(u, &ch, 1);
		}
		i += k;
		run = i;
	}
	temit_copy(u, raw, run, len - run);
	return temit_status(u);
}

/*
** Carriage returns in place, for text whose byte offsets are the input's
** (factcross normalize): its length cannot change, so a run of CR and LF
** bytes is rewritten as one LF for each line end (CRLF, LF, or a CR
** alone) and one space for each byte that ends no line. A run of one
** line end (a wrapped line, "said,\r\nSilva") puts its space before the
** LF, so the next line starts right after it as in the text with LF
** (readers of a line's first word: names, datelines); a run of more (a
** blank line, "\r\n\r\n" -> "\n\n  ") puts its LFs right after the
** line's last word, as every reader of a blank line knows one (sentence
** ends, paragraph look-backs, the stream's cuts; some look-backs read
** "word.  \n\n" as no paragraph's end). A CR that ends t becomes a
** space (the stream never cuts inside a run of white space).
*/
void fc_text_fold_cr(char *t, size_t n)
{
	char *p = t, *end = t + n;
	while ((p = memchr(p, '\r', (size_t)(end - p)))) {
		char *s = p;
		while (s > t && s[-1] == '\n')
			s--;
		char *e = s;
		size_t breaks = 0;
		while (e < end && (*e == '\r' || *e == '\n')) {
			if (*e == '\r' && e + 1 < end && e[1] == '\n')
				e++;
			breaks += *e == '\n' || e + 1 < end;
			e++;
		}
		size_t len = (size_t)(e - s);
		/* one line end: the spaces before it, so the next line
		** starts right after its LF as in the text with LF */
		size_t lead = breaks == 1 ? len - 1 : 0;
		memset(s, ' ', lead);
		memset(s + lead, '\n', breaks);
		memset(s + lead + breaks, ' ', len - lead - breaks);
		p = e;
	}
}
