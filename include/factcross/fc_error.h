/*
** fc_error.h: status codes and positioned diagnostics.
**
** Library functions return an fc_status and deliver results through
** out-parameters. Loaders keep going after an error and count it in
** struct fc_diags; they return FC_ESYNTAX at the end when nerr > 0.
** The library never prints: the CLI renders diagnostics.
*/
#ifndef FACTCROSS_FC_ERROR_H
#define FACTCROSS_FC_ERROR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(__GNUC__)
#define FC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define FC_PRINTF(f, a)
#endif

typedef enum fc_status {
	FC_OK = 0,
	FC_ENOMEM,  /* out of memory */
	FC_EIO,     /* file could not be read or written */
	FC_ESYNTAX, /* malformed input: YAML, manifest, rule */
	FC_ESCHEMA, /* well-formed but wrong: unknown key, wrong type */
	FC_EREGEX,  /* PCRE2 compile error */
	FC_ESQL,    /* SQLite error */
	FC_ENET,    /* network error */
	FC_ELIMIT,  /* a hard limit was exceeded */
	FC_EINPUT,  /* bad input data (missing source file, bad date) */
} fc_status;

enum fc_severity { FC_SEV_NOTE, FC_SEV_WARNING, FC_SEV_ERROR };

/* A position in a file. 1-based; 0 means unknown. len is the caret width. */
struct fc_srcloc {
	const char *file; /* borrowed: owned by whoever loaded the file */
	uint32_t line, col, len;
};

struct fc_diag {
	fc_status code;
	enum fc_severity sev;
	struct fc_srcloc loc;
	char *file; /* owned copy of loc.file, so diagnostics outlive loaders */
	char *msg;  /* owned by fc_diags */
};

struct fc_diags {
	struct fc_diag *v;
	size_t n, cap;
	size_t nerr, nwarn;
};

const char *fc_strerror(fc_status st);

void fc_diags_init(struct fc_diags *d);
void fc_diags_finish(struct fc_diags *d);

/* Add an error. loc may be NULL. Out of memory is counted, never lost. */
void fc_diag_add(struct fc_diags *d, fc_status code,
		 const struct fc_srcloc *loc, const char *fmt, ...)
	FC_PRINTF(4, 5);
void fc_diag_warn(struct fc_diags *d, const struct fc_srcloc *loc,
		  const char *fmt, ...) FC_PRINTF(3, 4);
void fc_diag_vadd(struct fc_diags *d, fc_status code, enum fc_severity sev,
		  const struct fc_srcloc *loc, const char *fmt, va_list ap);

/*
** Write every diagnostic as "file:line:col: error: msg", followed by
** the source line and a caret when the file can be read. is_color adds
** ANSI colour.
*/
void fc_diags_print(const struct fc_diags *d, FILE *out, int is_color);

/* The first error's code, or FC_OK. */
fc_status fc_diags_status(const struct fc_diags *d);

#endif
