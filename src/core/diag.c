/*
** diag.c: positioned diagnostics, collected and rendered as
** "file:line:col: error: message" plus the source line and a caret.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

const char *fc_strerror(fc_status st)
{
	static const char *const names[] = {
		[FC_OK] = "success",
		[FC_ENOMEM] = "out of memory",
		[FC_EIO] = "input/output error",
		[FC_ESYNTAX] = "syntax error",
		[FC_ESCHEMA] = "schema error",
		[FC_EREGEX] = "bad regular expression",
		[FC_ESQL] = "database error",
		[FC_ENET] = "network error",
		[FC_ELIMIT] = "limit exceeded",
		[FC_EINPUT] = "bad input",
	};
	if ((size_t)st < sizeof(names) / sizeof(names[0]) && names[st])
		return names[st];
	return "unknown error";
}

void fc_diags_init(struct fc_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void fc_diags_finish(struct fc_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].msg);
		free(d->v[i].file);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

void fc_diag_vadd(struct fc_diags *d, fc_status code, enum fc_severity sev,
		  const struct fc_srcloc *loc, const char *fmt, va_list ap)
{
	if (sev == FC_SEV_ERROR)
		d->nerr++;
	else if (sev == FC_SEV_WARNING)
		d->nwarn++;
	if (d->n == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 8;
		struct fc_diag *v = realloc(d->v, ncap * sizeof(*v));
		if (!v)
			return; /* counted above, text lost */
		d->v = v;
		d->cap = ncap;
	}
	struct fc_diag *g = &d->v[d->n];
	memset(g, 0, sizeof(*g));
	g->code = code;
	g->sev = sev;
	if (loc) {
		g->loc = *loc;
		if (loc->file) {
			g->file = strdup(loc->file);
			g->loc.file = g->file;
		}
	}
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n >= 0) {
		g->msg = malloc((size_t)n + 1);
		if (g->msg)
			vsnprintf(g->msg, (size_t)n + 1, fmt, ap);
	}
	d->n++;
}

void fc_diag_add(struct fc_diags *d, fc_status code,
		 const struct fc_srcloc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fc_diag_vadd(d, code, FC_SEV_ERROR, loc, fmt, ap);
	va_end(ap);
}

void fc_diag_warn(struct fc_diags *d, const struct fc_srcloc *loc,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fc_diag_vadd(d, FC_OK, FC_SEV_WARNING, loc, fmt, ap);
	va_end(ap);
}

fc_status fc_diags_status(const struct fc_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].sev == FC_SEV_ERROR)
			return d->v[i].code ? d->v[i].code : FC_EINPUT;
	return d->nerr ? FC_ENOMEM : FC_OK;
}

#define EXCERPT_WIDTH 100 /* characters shown around the caret */

/*
** Print one character of an untrusted source line: control characters
** and invalid UTF-8 become U+FFFD, so a file cannot send escape
** sequences to the terminal. Returns the bytes consumed.
*/
static size_t put_char(FILE *out, const char *p, size_t avail)
{
	unsigned char c = (unsigned char)*p;
	if (c == '\t') {
		fputc('\t', out);
		return 1;
	}
	size_t k = fc_utf8_seq_len((const unsigned char *)p, avail);
	if (!k || c < 0x20 || c == 0x7f ||
	    (k == 2 && c == 0xC2 && (unsigned char)p[1] < 0xA0)) {
		fputs("\xEF\xBF\xBD", out);
		return k ? k : 1;
	}
	fwrite(p, 1, k, out);
	return k;
}

/* Print line `line` of file with a caret under col..col+len. */
static void print_excerpt(FILE *out, const struct fc_srcloc *loc, int color)
{
	if (!loc->file || !loc->line)
		return;
	FILE *f = fopen(loc->file, "rb");
	if (!f)
		return;
	/* Read the line, keeping at most 64 KiB of it. */
	char *buf = malloc(65536);
	if (!buf) {
		fclose(f);
		return;
	}
	size_t n = 0;
	uint32_t line = 1;
	int ch, found = 0;
	while ((ch = fgetc(f)) != EOF) {
		if (line == loc->line) {
			found = 1;
			if (ch == '\n' || ch == '\r')
				break;
			if (n < 65535)
				buf[n++] = (char)ch;
		} else if (ch == '\n' && ++line > loc->line) {
			break;
		}
	}
	if (line == loc->line)
		found = 1;
	fclose(f);
	buf[n] = '\0';
	if (!found) {
		free(buf);
		return;
	}
	/* Byte offsets of characters: show a window around the caret. */
	uint32_t col = loc->col ? loc->col : 1;
	uint32_t first = col > EXCERPT_WIDTH / 2 ? col - EXCERPT_WIDTH / 2 : 1;
	size_t i = 0;
	uint32_t c = 1;
	while (c < first && i < n) {
		size_t k = fc_utf8_seq_len((const unsigned char *)buf + i, n - i);
		i += k ? k : 1;
		c++;
	}
	fprintf(out, " %5u | %s", (unsigned)loc->line, first > 1 ? "..." : "");
	size_t start = i;
	uint32_t shown = 0;
	while (i < n && shown < EXCERPT_WIDTH) {
		i += put_char(out, buf + i, n - i);
		shown++;
	}
	fputs(i < n ? "...\n" : "\n", out);
	fprintf(out, "       | %s", first > 1 ? "   " : "");
	/* Pad with the line's own tabs so the caret lines up. */
	size_t j = start;
	for (uint32_t k = first; k < col && j < n; k++) {
		fputc(buf[j] == '\t' ? '\t' : ' ', out);
		size_t w = fc_utf8_seq_len((const unsigned char *)buf + j, n - j);
		j += w ? w : 1;
	}
	if (color)
		fputs("\033[1;32m", out);
	uint32_t w = loc->len ? loc->len : 1;
	if (w > EXCERPT_WIDTH)
		w = EXCERPT_WIDTH;
	for (uint32_t k = 0; k < w; k++)
		fputc('^', out);
	if (color)
		fputs("\033[0m", out);
	fputc('\n', out);
	free(buf);
}

void fc_diags_print(const struct fc_diags *d, FILE *out, int color)
{
	static const char *const sev[] = {"note", "warning", "error"};
	static const char *const col[] = {"\033[1;36m", "\033[1;35m",
					  "\033[1;31m"};
	for (size_t i = 0; i < d->n; i++) {
		const struct fc_diag *g = &d->v[i];
		if (g->loc.file) {
			if (g->loc.line && g->loc.col)
				fprintf(out, "%s:%u:%u: ", g->loc.file,
					(unsigned)g->loc.line,
					(unsigned)g->loc.col);
			else if (g->loc.line)
				fprintf(out, "%s:%u: ", g->loc.file,
					(unsigned)g->loc.line);
			else
				fprintf(out, "%s: ", g->loc.file);
		}
		if (color)
			fprintf(out, "%s%s:\033[0m %s\n", col[g->sev],
				sev[g->sev], g->msg ? g->msg : "(no memory)");
		else
			fprintf(out, "%s: %s\n", sev[g->sev],
				g->msg ? g->msg : "(no memory)");
		if (g->sev != FC_SEV_NOTE && g->loc.col)
			print_excerpt(out, &g->loc, color);
	}
}
