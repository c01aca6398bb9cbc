/* STUB: replaced by the module owner. */
#include "stages.h"
#include "factcross/fc.h"

int fc_format_parse(const char *name, enum fc_format *out) { return 0; }
const char *fc_format_ext(enum fc_format f) { return "json"; }
fc_status fc_report_write(const struct fc_corpus *c, enum fc_format f, struct fc_buf *out) { return FC_OK; }
fc_status fc_report_facts_jsonl(const struct fc_corpus *c, struct fc_buf *out) { return FC_OK; }
fc_status fc_report_mentions_jsonl(const struct fc_document *doc, struct fc_buf *out) { return FC_OK; }
