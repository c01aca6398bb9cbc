/*
** anchor.c: "13 months after ...": a date a duration before or after a
** reference date, at the duration's grain (P13M before 2026-01-16 is
** 2024-12, P12D before it is 2026-01-04, P2Y is 2024).
*/
#include <stdio.h>
#include <string.h>

#include "claims/claims_p.h"

/* ---- Times --------------------------------------------------------------- */

/* "P13M", "P1Y6M", "P2W", "P12D": whole units only. */
static bool read_duration(const char *v, int *y, int *mo, int *d, int *grain)
{
	*y = *mo = *d = 0;
	*grain = 0; /* 3 year, 2 month, 1 day */
	if (*v++ != 'P' || !*v)
		return false;
	while (*v) {
		long n = 0;
		int nd = 0;
		while (*v >= '0' && *v <= '9' && nd < 6) {
			n = n * 10 + (*v++ - '0');
			nd++;
		}
		if (!nd)
			return false;
		switch (*v++) {
		case 'Y': *y += (int)n; *grain = *grain ? *grain : 3; break;
		case 'M': *mo += (int)n; *grain = *grain && *grain < 2 ? *grain : 2; break;
		case 'W': *d += 7 * (int)n; *grain = 1; break;
		case 'D': *d += (int)n; *grain = 1; break;
		default: return false;
		}
	}
	return *grain != 0;
}

/* Reference "YYYY", "YYYY-MM" or "YYYY-MM-DD..." -> fields present. */
static int read_ref(const char *v, int *y, int *mo, int *d)
{
	int f[3] = {0, 0, 0}, nf = 0;
	const char *p = v;
	static const int width[3] = {4, 2, 2};
	while (nf < 3) {
		int x = 0;
		for (int i = 0; i < width[nf]; i++, p++) {
			if (*p < '0' || *p > '9')
				goto done;
			x = x * 10 + (*p - '0');
		}
		f[nf++] = x;
		if (*p != '-')
			break;
		p++;
	}
done:
	*y = f[0];
	*mo = f[1];
	*d = f[2];
	if (nf >= 2 && (*mo < 1 || *mo > 12))
		return 0;
	if (nf == 3 && (*d < 1 || *d > 31))
		return 0;
	return nf;
}

bool cl_anchored_time(const char *dur, const char *ref, int sign,
			  struct fc_time *out)
{
	int dy, dmo, dd, grain, y, mo, d;
	if (!ref || !read_duration(dur, &dy, &dmo, &dd, &grain))
		return false;
	int nf = read_ref(ref, &y, &mo, &d);
	char v[40];
	if (grain == 3 && nf >= 1) {
		snprintf(v, sizeof(v), "%04d", y + sign * dy);
	} else if (grain == 2 && nf >= 2) {
		long months = (long)y * 12 + (mo - 1) + sign * (dy * 12L + dmo);
		snprintf(v, sizeof(v), "%04ld-%02ld", months / 12,
			 months % 12 + 1);
	} else if (grain == 1 && nf == 3) {
		long months = (long)y * 12 + (mo - 1) + sign * (dy * 12L + dmo);
		int32_t days = fc_days_from_civil((int)(months / 12),
						  (int)(months % 12) + 1, 1) +
			       (d - 1) + sign * dd;
		int ry, rm, rd;
		fc_civil_from_days(days, &ry, &rm, &rd);
		snprintf(v, sizeof(v), "%04d-%02d-%02d", ry, rm, rd);
	} else {
		return false;
	}
	memset(out, 0, sizeof(*out));
	out->type = FC_TIMEX_DATE;
	return fc_time_parse(v, out) == FC_OK;
}
