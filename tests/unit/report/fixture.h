/*
** fixture.h: corpora built by hand for the report tests.
*/
#ifndef REPORT_FIXTURE_H
#define REPORT_FIXTURE_H

#include "factcross/fc.h"
#include "core/core.h"

/*
** Three sources ("000", "001" from a url, "002" derived from "000",
** one dependence), their texts, sentences and mentions, six facts
** (entity, time, quantity, text, int and list slots; one negated and
** reported) and four findings, one of each status (the variant: two
** wordings of a quote and a partial fragment). Caller frees with
** fc_corpus_destroy().
*/
struct fc_corpus *fixture_corpus(void);

/*
** Two sources (the second a wire copy of the first) whose ids, outlets,
** title, path, sentence, labels, dependence detail, finding messages and
** quote wordings (a variant finding with a partial) carry markup,
** script, quotes, a Markdown link, a URL and invalid UTF-8 bytes.
*/
struct fc_corpus *fixture_hostile(void);

/* The hostile strings the fixture uses. */
#define HOSTILE_SCRIPT "<script>alert(1)</script>"
#define HOSTILE_IMG "\"><img src=x onerror=alert(1)>"
#define HOSTILE_MDLINK "[x](javascript:alert(1))"

/* Write report format f of c into a fresh string (caller frees). */
char *fixture_render(const struct fc_corpus *c, enum fc_format f);

#endif
