/*
** charset.c: the bytes of a page -> UTF-8 without NUL bytes.
**
** The charset is taken, in this order, from a byte order mark, the
** HTTP Content-Type, a <meta charset> or <meta http-equiv=Content-Type>
** in the first 8 KiB, and else from the bytes: UTF-8 when valid UTF-8
** sequences outnumber invalid bytes, windows-1252 otherwise. Labels
** follow the WHATWG Encoding Standard where it matters for news pages:
** ISO-8859-1, Latin-1 and US-ASCII are read as windows-1252 (curly
** quotes in 0x80-0x9F), and a <meta> saying UTF-16 on an ASCII-compatible
** page means UTF-8.
**
** Conversion is done here (glibc iconv), not by libxml2, so that an
** invalid byte becomes one U+FFFD instead of switching the rest of the
** page to Latin-1, which is what libxml2 2.9 does.
*/
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fetch/fetch_p.h"

#define META_SCAN_BYTES 8192

static const char *const cp1252_labels[] = {
	"ansi_x3.4-1968", "ascii",      "cp1252",   "cp819",
	"csisolatin1",    "ibm819",     "iso-8859-1", "iso-ir-100",
	"iso8859-1",      "iso88591",   "iso_8859-1", "iso_8859-1:1987",
	"l1",             "latin1",     "us-ascii", "windows-1252",
	"x-cp1252",       NULL,
};
static const char *const utf8_labels[] = {
	"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8",
	"utf8",              "x-unicode20utf8", NULL,
};

static bool in_list(const char *s, const char *const *v)
{
	for (size_t i = 0; v[i]; i++)
		if (!strcmp(s, v[i]))
			return true;
	return false;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* A label trimmed of spaces and quotes, lower case; NULL when empty. */
static char *clean_label(struct fc_arena *a, const char *s, size_t n)
{
	while (n && (is_space(*s) || *s == '"' || *s == '\'')) {
		s++;
		n--;
	}
	while (n && (is_space(s[n - 1]) || s[n - 1] == '"' ||
		     s[n - 1] == '\'' || s[n - 1] == ';'))
		n--;
	if (!n || n > 40)
		return NULL;
	return fc_lower(a, s, n);
}

/* "charset=" inside a Content-Type value (case-insensitive). */
static const char *find_charset_param(const char *s, size_t n, size_t *vlen)
{
	for (size_t i = 0; i + 8 <= n; i++) {
		if (strncasecmp(s + i, "charset", 7))
			continue;
		size_t j = i + 7;
		while (j < n && is_space(s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && is_space(s[j]))
			j++;
		size_t k = j;
		if (k < n && (s[k] == '"' || s[k] == '\'')) {
			char q = s[k++];
			j = k;
			while (k < n && s[k] != q)
				k++;
		} else {
			while (k < n && !is_space(s[k]) && s[k] != ';')
				k++;
		}
		*vlen = k - j;
		return s + j;
	}
	return NULL;
}

const char *fc_http_charset(struct fc_arena *a, const char *content_type)
{
	if (!content_type)
		return NULL;
	size_t vlen;
	const char *v = find_charset_param(content_type, strlen(content_type),
					   &vlen);
	return v ? clean_label(a, v, vlen) : NULL;
}

/*
** The <meta> prescan: the charset label of the first <meta charset=...>
** or <meta http-equiv=content-type content="...; charset=..."> found.
*/
static char *meta_charset(struct fc_arena *a, const char *s, size_t n)
{
	if (n > META_SCAN_BYTES)
		n = META_SCAN_BYTES;
	size_t i = 0;
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			break;
		i = (size_t)(lt - s);
		if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) {
			const char *end = memmem(s + i + 4, n - i - 4, "-->", 3);
			if (!end)
				break;
			i = (size_t)(end - s) + 3;
			continue;
		}
		if (i + 6 > n || strncasecmp(s + i, "<meta", 5) ||
		    !(is_space(s[i + 5]) || s[i + 5] == '/')) {
			i++;
			continue;
		}
		i += 5;
		const char *charset = NULL, *content = NULL;
		size_t charset_len = 0, content_len = 0;
		bool is_ct = false;
		while (i < n && s[i] != '>') {
			while (i < n && (is_space(s[i]) || s[i] == '/'))
				i++;
			size_t ns = i;
			while (i < n && !is_space(s[i]) && s[i] != '=' &&
			       s[i] != '>' && s[i] != '/')
				i++;
			size_t nlen = i - ns;
			while (i < n && is_space(s[i]))
				i++;
			const char *val = "";
			size_t vlen = 0;
			if (i < n && s[i] == '=') {
				i++;
				while (i < n && is_space(s[i]))
					i++;
				if (i < n && (s[i] == '"' || s[i] == '\'')) {
					char q = s[i++];
					val = s + i;
					while (i < n && s[i] != q)
						i++;
					vlen = (size_t)(s + i - val);
					if (i < n)
						i++;
				} else {
					val = s + i;
					while (i < n && !is_space(s[i]) &&
					       s[i] != '>')
						i++;
					vlen = (size_t)(s + i - val);
				}
			}
			if (!nlen)
				continue;
			if (nlen == 7 && !strncasecmp(s + ns, "charset", 7)) {
				charset = val;
				charset_len = vlen;
			} else if (nlen == 10 &&
				   !strncasecmp(s + ns, "http-equiv", 10)) {
				is_ct = vlen == 12 &&
					!strncasecmp(val, "content-type", 12);
			} else if (nlen == 7 &&
				   !strncasecmp(s + ns, "content", 7)) {
				content = val;
				content_len = vlen;
			}
		}
		if (charset)
			return clean_label(a, charset, charset_len);
		if (is_ct && content) {
			size_t vlen;
			const char *v =
				find_charset_param(content, content_len, &vlen);
			if (v)
				return clean_label(a, v, vlen);
		}
	}
	return NULL;
}

/* Mostly valid UTF-8: more valid multi-byte sequences than bad bytes. */
static bool looks_utf8(const char *s, size_t n)
{
	size_t nmulti = 0, nbad = 0;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = fc_utf8_seq_len(p + i, n - i);
		if (k) {
			nmulti++;
			i += k;
		} else {
			nbad++;
			i++;
		}
	}
	return nbad == 0 || nmulti > nbad;
}

/* Convert with iconv; invalid or incomplete sequences become U+FFFD. */
static fc_status convert(const char *from, const char *s, size_t n,
			 struct fc_buf *out, size_t *nbad, size_t *first_bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return FC_EINPUT;
	char chunk[4096];
	char *in = (char *)s;
	size_t left = n;
	while (left > 0) {
		char *o = chunk;
		size_t room = sizeof(chunk);
		size_t rc = iconv(cd, &in, &left, &o, &room);
		fc_buf_add(out, chunk, sizeof(chunk) - room);
		if (rc != (size_t)-1 || errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL: one bad byte, then go on */
		if (!*nbad)
			*first_bad = (size_t)(in - s);
		(*nbad)++;
		fc_buf_add(out, "\xEF\xBF\xBD", 3);
		in++;
		left--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return out->err;
}

fc_status fc_html_to_utf8(struct fc_arena *a, const char *html, size_t len,
			  const char *content_type, const struct fc_srcloc *loc,
			  char **out, size_t *out_len, const char **charset,
			  size_t *nbad, size_t *first_bad, struct fc_diags *d)
{
	const char *label = NULL;
	const char *name = NULL;
	const unsigned char *u = (const unsigned char *)html;
	size_t skip = 0;
	*nbad = 0;
	*first_bad = len;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		name = "UTF-8";
		skip = 3;
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		name = "UTF-16LE";
		skip = 2;
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		name = "UTF-16BE";
		skip = 2;
	}
	html += skip;
	len -= skip;
	bool is_meta = false;
	if (!name) {
		label = fc_http_charset(a, content_type);
		if (!label) {
			label = meta_charset(a, html, len);
			is_meta = label != NULL;
		}
	}
	if (!name && label) {
		if (in_list(label, utf8_labels))
			name = "UTF-8";
		else if (in_list(label, cp1252_labels))
			name = "WINDOWS-1252";
		else if (is_meta && !strncmp(label, "utf-16", 6))
			name = "UTF-8"; /* an ASCII page cannot be UTF-16 */
		else {
			iconv_t cd = iconv_open("UTF-8", label);
			if (cd != (iconv_t)-1) {
				iconv_close(cd);
				char *up = fc_arena_strdup(a, label);
				if (!up)
					return FC_ENOMEM;
				for (char *p = up; *p; p++)
					if (*p >= 'a' && *p <= 'z')
						*p = (char)(*p - 'a' + 'A');
				name = up;
			} else {
				fc_diag_warn(d, loc,
					     "unknown charset '%s'; the page "
					     "is read by its bytes",
					     label);
			}
		}
	}
	if (!name)
		name = looks_utf8(html, len) ? "UTF-8" : "WINDOWS-1252";
	*charset = name;

	size_t n1 = 0, f1 = 0;
	if (strcmp(name, "UTF-8")) {
		struct fc_buf b;
		fc_buf_init(&b, 0);
		fc_status st = convert(name, html, len, &b, nbad, first_bad);
		if (st) {
			fc_buf_finish(&b);
			return st;
		}
		/* NUL bytes that the charset maps to U+0000 */
		*out = fc_utf8_repair(a, b.p ? b.p : "", b.len, out_len, &n1,
				      &f1);
		fc_buf_finish(&b);
		if (n1 && !*nbad)
			*first_bad = len; /* offset unknown after conversion */
		*nbad += n1;
	} else {
		*out = fc_utf8_repair(a, html, len, out_len, nbad, first_bad);
	}
	/* offsets count in the bytes as given, BOM included */
	*first_bad = *nbad && *first_bad < len ? *first_bad + skip : len + skip;
	return *out ? FC_OK : FC_ENOMEM;
}
