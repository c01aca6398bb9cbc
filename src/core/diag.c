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

/* Print line `line` of file with a caret under col..col+len. */
static void print_excerpt(FILE *out, const struct fc_srcloc *loc, int color)
{
	if (!loc->file || !loc->line)
		return;
	FILE *f = fopen(loc->file, "rb");
	if (!f)
		return;
	char buf[4096];
	uint32_t line = 1;
	int found = 0;
	while (fgets(buf, sizeof(buf), f)) {
		size_t n = strlen(buf);
		int whole = n > 0 && buf[n - 1] == '\n';
		if (line == loc->line) {
			found = 1;
			break;
		}
		if (whole)
			line++;
	}
	fclose(f);
	if (!found)
		return;
	size_t n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	fprintf(out, " %5u | %s\n       | ", (unsigned)loc->line, buf);
	/* Pad with the line's own whitespace so tabs line up. */
	uint32_t col = loc->col ? loc->col : 1;
	for (uint32_t i = 1; i < col && i <= n; i++)
		fputc(buf[i - 1] == '\t' ? '\t' : ' ', out);
	if (color)
		fputs("\033[1;32m", out);
	uint32_t w = loc->len ? loc->len : 1;
	for (uint32_t i = 0; i < w; i++)
		fputc('^', out);
	if (color)
		fputs("\033[0m", out);
	fputc('\n', out);
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
