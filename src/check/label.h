/*
** label.h: values in words for finding messages and reports (shared by
** src/check and src/report).
**
**   quantity  its number with thousands separators and its hedge:
**             "168,000", "about 168,000", "at least 40", "up to 3,000",
**             "40 to 50", then its unit
**   time      a date in words: "16 January 2026", "January 2026",
**             "2025", "Tuesday", "9 November"; with its preposition
**             ("on 16 January 2026", "in 2025") for {when}. A value it
**             cannot read is kept as it is ("(date XXXX-WXX)" for
**             the one with the preposition)
**   list      its items in words: "Iran, Russia and China"
**   others    as fc_value_label (labels instead of ids)
*/
#ifndef FC_CHECK_LABEL_H
#define FC_CHECK_LABEL_H

#include <stdbool.h>

#include "core/core.h"
#include "factcross/fc_model.h"

/* A quantity in words into b. */
void fc_check_quantity_words(struct fc_buf *b, const struct fc_quantity *q);
/* A TIMEX3 value in words into b; with_prep puts "on", "in" first. */
void fc_check_time_words(struct fc_buf *b, const char *value, bool with_prep);
/* v in words, in a; NULL when out of memory. */
char *fc_check_value_words(struct fc_arena *a, const struct fc_value *v);

#endif
