/*
** norm_digits.c: numbers written in digits, for norm_number.c.
**
**   1,200.5     groups of three and a decimal point
**   12,34,567   Indian groups (twos, then a three)
**   1 234 567   groups apart (also U+00A0, U+202F no-break spaces)
**   1.111,11    dot groups and a decimal comma; 5,00 and 12,5 (a comma
**               after one or two digits with one or two after it)
**   1.3e6  12.32e+14  1.3x10^6  6.23x10^-4  1.1^23   exponents, powers
**
** The digits are the same in every language: no table here.
*/
#include <math.h>
#include <string.h>

#include "extract/norm_p.h"

/* A run of digits from s[i]; adds them to *v (as a fraction when f). */
static size_t add_digits(const char *s, size_t len, size_t i, double *v,
			 bool is_frac)
{
	double f = 0.1;
	size_t k = i;
	for (; k < len && norm_is_digit(s[k]); k++) {
		if (is_frac) {
			*v += (s[k] - '0') * f;
			f /= 10;
		} else {
			*v = *v * 10 + (s[k] - '0');
		}
	}
	return k - i;
}

/* The length of a group separator sep at s[k] (0 if none): ' ' also
** matches U+00A0 and U+202F (no-break spaces). */
static size_t sep_at(const char *s, size_t len, size_t k, char sep)
{
	if (k < len && s[k] == sep)
		return 1;
	if (sep != ' ')
		return 0;
	if (k + 1 < len && !memcmp(s + k, "\xc2\xa0", 2))
		return 2;
	if (k + 2 < len && !memcmp(s + k, "\xe2\x80\xaf", 3))
		return 3;
	return 0;
}

/*
** Digits in groups at s[i]: a lead of 1 to lead_max digits, then groups
** of g digits after sep, the last group of 3 digits: "1,234,567" (g 3),
** "12,34,567" (Indian, g 2), "1 234 567", "1.111" (g 3). Returns the
** bytes used and the value in *v, or 0 when the form does not hold.
*/
static size_t grouped(const char *s, size_t len, size_t i, char sep,
		      size_t lead_max, size_t g, double *v)
{
	size_t n0 = norm_ndigits(s, len, i);
	if (n0 == 0 || n0 > lead_max)
		return 0;
	size_t k = i + n0, sl;
	bool last3 = false;
	while ((sl = sep_at(s, len, k, sep)) > 0) {
		size_t nd = norm_ndigits(s, len, k + sl);
		if (nd == 3) {
			k += sl + 3;
			last3 = true;
			if (g != 3)
				break; /* Indian: the group of 3 ends it */
		} else if (nd == g && !last3) {
			k += sl + g;
		} else {
			break;
		}
	}
	if (!last3)
		return 0;
	*v = 0;
	for (size_t j = i; j < k; j++)
		if (norm_is_digit(s[j]))
			*v = *v * 10 + (s[j] - '0');
	return k - i;
}

/* Exponent forms after a mantissa: e10, e+14, ^23, ^-1, x10^6. */
static size_t exponent(const char *s, size_t len, size_t i, double *v)
{
	size_t k = i;
	int kind = 0; /* 1: x 10^e, 2: ^e (a power) */
	if (k < len && (s[k] == 'e' || s[k] == 'E')) {
		k++;
	} else if (k < len && s[k] == '^') {
		kind = 2;
		k++;
	} else {
		size_t j = k;
		if (j < len && s[j] == ' ')
			j++;
		if (j + 1 < len && (s[j] == 'x' || s[j] == 'X'))
			j++;
		else if (j + 2 < len && !memcmp(s + j, "\xc3\x97", 2))
			j += 2; /* U+00D7 MULTIPLICATION SIGN */
		else
			return 0;
		if (j < len && s[j] == ' ')
			j++;
		if (j + 2 >= len || s[j] != '1' || s[j + 1] != '0' ||
		    s[j + 2] != '^')
			return 0;
		kind = 1;
		k = j + 3;
	}
	int sign = 1;
	if (k < len && (s[k] == '+' || s[k] == '-'))
		sign = s[k++] == '-' ? -1 : 1;
	size_t nd = norm_ndigits(s, len, k);
	if (!nd || nd > 3 || (k + nd < len && norm_is_alpha(s[k + nd])))
		return 0;
	double e = 0;
	add_digits(s, len, k, &e, false);
	e *= sign;
	*v = kind == 2 ? pow(*v, e) : *v * pow(10, e);
	return k + nd - i;
}

size_t norm_read_digits(const char *s, size_t len, size_t i, double *v,
			bool *is_int)
{
	size_t k;
	*v = 0;
	*is_int = true;
	/* every group form has a lead of 1 to 3 digits and a separator
	** after it (',', '.', ' ' or the lead byte of a no-break space):
	** most numbers ("2020", "5") have none and skip the four tries */
	size_t n0 = norm_ndigits(s, len, i);
	char after = i + n0 < len ? s[i + n0] : 0;
	bool may_group = n0 >= 1 && n0 <= 3;
	/* a form is tried only after its own separator (grouped() finds
	** none after the lead otherwise): "13.5" tries the dot groups
	** only */
	bool is_comma = may_group && after == ',';
	bool is_blank = may_group && (after == ' ' || after == '\xc2' ||
				      after == '\xe2');
	bool is_dot = may_group && after == '.';
	if ((is_comma && ((k = grouped(s, len, i, ',', 3, 3, v)) ||
			  (n0 <= 2 && (k = grouped(s, len, i, ',', 2, 2, v))))) ||
	    (is_blank && (k = grouped(s, len, i, ' ', 3, 3, v)))) {
		k += i;
	} else if (is_dot && (k = grouped(s, len, i, '.', 3, 3, v)) &&
		   i + k + 1 < len && s[i + k] == ',' &&
		   norm_ndigits(s, len, i + k + 1) >= 1 &&
		   norm_ndigits(s, len, i + k + 1) <= 2) {
		/* 1.111,11: dot groups and a decimal comma */
		k += i;
		k += 1 + add_digits(s, len, k + 1, v, true);
		*is_int = false;
	} else {
		*v = 0;
		k = i + add_digits(s, len, i, v, false);
		if (k == i && !(k + 1 < len && s[k] == '.' &&
				norm_is_digit(s[k + 1])))
			return 0;
		size_t nd = k > i && k + 1 < len && s[k] == ','
				    ? norm_ndigits(s, len, k + 1)
				    : 0;
		if (nd >= 1 && nd <= 2 && k - i <= 2 &&
		    !(k + 1 + nd + 1 < len && s[k + 1 + nd] == ',' &&
		      norm_is_digit(s[k + 2 + nd]))) {
			/* "5,00", "12,5": a decimal comma after one or
			** two digits (no group has fewer than three) */
			k += 1 + add_digits(s, len, k + 1, v, true);
			*is_int = false;
		}
	}
	if (*is_int && k + 1 < len && s[k] == '.' && norm_is_digit(s[k + 1])) {
		k += 1 + add_digits(s, len, k + 1, v, true);
		*is_int = false;
	}
	size_t e = exponent(s, len, k, v);
	if (e)
		*is_int = false;
	return k + e - i;
}
