/*
** fc_report.h: verification reports (Markdown, HTML, JSON).
**
** Writers read a verified corpus and append to an fc_buf; they never
** touch files. Output is deterministic: the same corpus and rules give
** byte-identical reports (no clocks, no addresses, stable ordering).
*/
#ifndef FACTCROSS_FC_REPORT_H
#define FACTCROSS_FC_REPORT_H

#include "fc_error.h"
#include "fc_model.h"

struct fc_buf;

enum fc_format { FC_FMT_JSON, FC_FMT_MD, FC_FMT_HTML, FC_FMT_JSONL };

/* "json" -> FC_FMT_JSON ...; false for an unknown name. */
int fc_format_parse(const char *name, enum fc_format *out);
const char *fc_format_ext(enum fc_format f); /* "json", "md", "html" */

/*
** Write the report of c in format f to out. c must have been through
** every stage (fc_verify). Every string that comes from a source is
** escaped for the format (HTML: &<>"' ; Markdown: inline markup).
*/
fc_status fc_report_write(const struct fc_corpus *c, enum fc_format f,
			  struct fc_buf *out);

/* Facts as JSON lines (factcross extract). */
fc_status fc_report_facts_jsonl(const struct fc_corpus *c, struct fc_buf *out);

/* Mentions of one document as JSON lines, with offsets into doc->text:
** past a bad byte of the input (U+FFFD there, three bytes) they are two
** bytes a bad byte beyond the input's; factcross normalize maps them to
** the input's (fc_report_mentions_jsonl_at with the repairs). */
fc_status fc_report_mentions_jsonl(const struct fc_document *doc,
				   struct fc_buf *out);

#endif
