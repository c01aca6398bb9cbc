/*
** norm_ref.h: the reference a document's relative times resolve against
** (its published date, or `normalize --ref`): a date, or an ISO 8601
** date and time with optional seconds and zone offset. No dependencies,
** so the modules that check a published value (ingest, pipeline, cli)
** can use the same parse.
*/
#ifndef FACTCROSS_NORM_REF_H
#define FACTCROSS_NORM_REF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes a reference text may take, NUL included (for copies). */
#define NORM_REF_MAX 48

struct norm_ref {
	bool is_set;
	int y, m, d;
	int32_t days;
	/* a time of day: hh:mm[:ss], and a zone offset east of UTC */
	bool is_time, has_sec, has_zone;
	int hh, mi, ss;
	int zone_min; /* minutes, -02:00 is -120 */
};

/*
** Parse "2013-02-12", "2013-02-12T04:30", "2013-02-12T04:30:00",
** "2013-02-12 04:30:00.5", "2013-02-12T04:30:00-02:00", "...Z",
** "...+0530", "...+05". False (and *r cleared) when s is not one of
** these or names no real date or time.
*/
bool fc_norm_ref_parse(const char *s, struct norm_ref *r);

/* A zone offset s[0, len): "Z", "+05:30", "-0800", "+05", "-3", "UTC+2",
** "GMT-03:30" into minutes east of UTC. False when it is none. */
bool fc_norm_zone_parse(const char *s, size_t len, int *min);

#endif
