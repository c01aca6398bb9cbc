/*
** json.c: JSON text output. Strings are escaped per RFC 8259; invalid
** UTF-8 becomes U+FFFD so the output is always valid JSON.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

void fc_json_strn(struct fc_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	fc_buf_addc(b, '"');
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && p[run] >= 0x20 && p[run] < 0x80 &&
		       p[run] != '"' && p[run] != '\\')
			run++;
		if (run > i) {
			fc_buf_add(b, p + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = p[i];
		if (c >= 0x80) {
			size_t k = fc_utf8_seq_len(p + i, n - i);
			if (k) {
				fc_buf_add(b, p + i, k);
				i += k;
			} else {
				fc_buf_adds(b, "\xEF\xBF\xBD");
				i++;
			}
			continue;
		}
		switch (c) {
		case '"': fc_buf_adds(b, "\\\""); break;
		case '\\': fc_buf_adds(b, "\\\\"); break;
		case '\n': fc_buf_adds(b, "\\n"); break;
		case '\r': fc_buf_adds(b, "\\r"); break;
		case '\t': fc_buf_adds(b, "\\t"); break;
		default: fc_buf_printf(b, "\\u%04x", c); break;
		}
		i++;
	}
	fc_buf_addc(b, '"');
}

void fc_json_str(struct fc_buf *b, const char *s)
{
	if (!s) {
		fc_buf_adds(b, "null");
		return;
	}
	fc_json_strn(b, s, strlen(s));
}

void fc_json_num(struct fc_buf *b, double v)
{
	if (!isfinite(v)) {
		fc_buf_adds(b, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		fc_buf_printf(b, "%.0f", v);
		return;
	}
	char tmp[32];
	for (int prec = 6; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	fc_buf_adds(b, tmp);
}
