/*
** norm_ref.c: parse the reference of a document (norm_ref.h).
*/
#include <string.h>

#include "extract/norm_ref.h"
#include "factcross/fc_model.h"

/* Two digits at *p into *v. */
static bool two(const char **p, int *v)
{
	const char *s = *p;
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	*v = (s[0] - '0') * 10 + (s[1] - '0');
	*p = s + 2;
	return true;
}

bool fc_norm_zone_parse(const char *s, size_t len, int *min)
{
	const char *p = s, *e = s + len;
	if (len >= 3 && (!strncmp(p, "UTC", 3) || !strncmp(p, "GMT", 3) ||
			 !strncmp(p, "utc", 3) || !strncmp(p, "gmt", 3))) {
		for (p += 3; p < e && *p == ' '; p++)
			;
		if (p == e) {
			*min = 0; /* "GMT" alone */
			return true;
		}
	}
	if (p + 1 == e && (*p == 'Z' || *p == 'z')) {
		*min = 0;
		return true;
	}
	if (p == e || (*p != '+' && *p != '-'))
		return false;
	int sign = *p++ == '-' ? -1 : 1, h = 0, m = 0, nh = 0, nm = 0;
	for (; p < e && nh < 2 && *p >= '0' && *p <= '9'; nh++)
		h = h * 10 + (*p++ - '0');
	if (p < e && *p == ':')
		p++;
	for (; p < e && nm < 2 && *p >= '0' && *p <= '9'; nm++)
		m = m * 10 + (*p++ - '0');
	if (p != e || !nh || nm == 1 || h > 14 || m > 59)
		return false;
	*min = sign * (h * 60 + m);
	return true;
}

bool fc_norm_ref_parse(const char *s, struct norm_ref *r)
{
	memset(r, 0, sizeof(*r));
	char date[11];
	size_t n = s ? strlen(s) : 0;
	if (n < 10)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!fc_date_parse(date, &r->y, &r->m, &r->d))
		return false;
	const char *p = s + 10;
	if (*p) {
		if ((*p != 'T' && *p != ' ') || (p++, !two(&p, &r->hh)) ||
		    *p++ != ':' || !two(&p, &r->mi) || r->hh > 23 ||
		    r->mi > 59)
			goto bad;
		if (*p == ':') {
			p++;
			if (!two(&p, &r->ss) || r->ss > 59)
				goto bad;
			r->has_sec = true;
			if (*p == '.' || *p == ',') /* fractions are dropped */
				for (p++; *p >= '0' && *p <= '9'; p++)
					;
		}
		/* ISO 8601: Z, or a sign and two digits of hours */
		if (*p && ((*p != 'Z' && (p[1] < '0' || p[1] > '9' ||
					  p[2] < '0' || p[2] > '9')) ||
			   !fc_norm_zone_parse(p, strlen(p), &r->zone_min)))
			goto bad;
		r->has_zone = *p != '\0';
		r->is_time = true;
	}
	r->is_set = true;
	r->days = fc_days_from_civil(r->y, r->m, r->d);
	return true;
bad:
	memset(r, 0, sizeof(*r));
	return false;
}
