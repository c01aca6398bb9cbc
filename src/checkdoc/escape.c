/*
** escape.c: text from DOC and the corpus made safe for each format.
**
** Any bytes may arrive here (the corpus is hostile input): invalid
** UTF-8 and control characters become U+FFFD in XML and Markdown (XML
** 1.0 cannot carry them at all), and each format's markup characters
** are escaped.
*/
#include <string.h>

#include "checkdoc/checkdoc_p.h"

#define REPLACEMENT "\xEF\xBF\xBD"

/*
** The next character of s at p: its length (1-4) when it is valid
** UTF-8 and not a control character other than tab and LF, else 0
** (the caller writes U+FFFD for one byte). U+FFFE and U+FFFF, not
** characters in XML, count as controls too.
*/
static size_t text_char(const unsigned char *p, size_t avail)
{
	size_t k = fc_utf8_seq_len(p, avail);
	if (!k)
		return 0;
	if (k == 1)
		return (p[0] < 0x20 && p[0] != '\t' && p[0] != '\n') ||
				       p[0] == 0x7F
			       ? 0
			       : 1;
	if (k == 2 && p[0] == 0xC2 && p[1] < 0xA0)
		return 0; /* C1 controls */
	if (k == 3 && p[0] == 0xEF && p[1] == 0xBF &&
	    (p[2] == 0xBE || p[2] == 0xBF))
		return 0;
	return k;
}

void cd_esc_xml(struct fc_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);
	for (size_t i = 0; i < n;) {
		size_t k = text_char(p + i, n - i);
		if (!k) {
			fc_buf_adds(b, REPLACEMENT);
			i++;
			continue;
		}
		switch (k == 1 ? p[i] : 0) {
		case '&': fc_buf_adds(b, "&amp;"); break;
		case '<': fc_buf_adds(b, "&lt;"); break;
		case '>': fc_buf_adds(b, "&gt;"); break;
		case '"': fc_buf_adds(b, "&quot;"); break;
		case '\'': fc_buf_adds(b, "&#39;"); break;
		case '\n': fc_buf_adds(b, "&#10;"); break;
		case '\t': fc_buf_adds(b, "&#9;"); break;
		default: fc_buf_add(b, p + i, k); break;
		}
		i += k;
	}
}

void cd_esc_md(struct fc_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);
	bool is_start = true;
	for (size_t i = 0; i < n;) {
		size_t k = text_char(p + i, n - i);
		if (!k) {
			fc_buf_adds(b, REPLACEMENT);
			i++;
			is_start = false;
			continue;
		}
		unsigned char c = k == 1 ? p[i] : 0;
		if (is_start) {
			/* A line start must not open a list or a heading. */
			size_t e = i;
			while (e < n && p[e] >= '0' && p[e] <= '9')
				e++;
			if (c == '-' || c == '+' || c == '=')
				fc_buf_addc(b, '\\');
			else if (e > i && e < n && p[e] == '.') {
				fc_buf_add(b, p + i, e - i);
				fc_buf_adds(b, "\\.");
				i = e + 1;
				is_start = false;
				continue;
			}
		}
		is_start = false;
		switch (c) {
		case '&': fc_buf_adds(b, "&amp;"); break;
		case '<': fc_buf_adds(b, "&lt;"); break;
		case '>': fc_buf_adds(b, "&gt;"); break;
		case '\n': case '\t': fc_buf_addc(b, ' '); break;
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '#': case '|': case '~':
			fc_buf_addc(b, '\\');
			fc_buf_addc(b, (char)c);
			break;
		default: fc_buf_add(b, p + i, k); break;
		}
		i += k;
	}
}

void cd_esc_gh(struct fc_buf *b, const char *s, bool is_property)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);
	for (size_t i = 0; i < n;) {
		size_t k = text_char(p + i, n - i);
		if (!k && p[i] != '\r') {
			fc_buf_adds(b, REPLACEMENT);
			i++;
			continue;
		}
		switch (k <= 1 ? p[i] : 0) {
		case '%': fc_buf_adds(b, "%25"); break;
		case '\r': fc_buf_adds(b, "%0D"); break;
		case '\n': fc_buf_adds(b, "%0A"); break;
		case ':': fc_buf_adds(b, is_property ? "%3A" : ":"); break;
		case ',': fc_buf_adds(b, is_property ? "%2C" : ","); break;
		default: fc_buf_add(b, p + i, k); break;
		}
		i += k ? k : 1;
	}
}
