/*
** norm_number.c: reading a number phrase, in digits or in words.
**
**   digits     1,200.5  1.3e6  3/4  2 1/2 (the digit forms: norm_digits.c)
**   words      twenty-four, a hundred and five, three lakh crore,
**              4 thousand 3 hundred and 21, two point five million
**   fractions  two thirds, a third, one twenty-fifth, three quarters
**              billion, one hundred and three quarters, five and a half
**              million, two million and a half, two thirds of a million
**   ordinals   third, twenty-first, one hundred twenty fifth, 21st
**
** Every word comes from a YAML table (number, scale, scale_plural,
** ordinal, fraction_den, fraction_den_tens, fraction_one, article,
** number_joiner, decimal_point, fraction_of, vulgar_fraction); the C
** knows only the grammar: which kind of word may follow which. The
** reader takes the longest well-formed prefix and says how many bytes
** it used, so a pattern may match loosely and the reading decides.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

#define MAX_TOKS 48

enum cls {
	C_ZERO, C_UNIT, C_TEEN, C_TENS, C_HUND, C_BIG, C_DIG, C_ART, C_AND,
	C_POINT, C_OF, C_FRAC,
};

enum form { F_CARD, F_ORD, F_PORD };

/* bits of the open group (what it holds since the last scale) */
enum {
	G_UNIT = 1, G_TEEN = 2, G_TENS = 4, G_HUND = 8, G_DIG = 16,
	G_DEC = 32, G_FRAC = 64, G_ART = 128,
};

struct tok {
	uint32_t start, end;
	double v;
	enum cls cls;
	enum form form;
	bool is_hyph;       /* joined to the token before by a hyphen */
	bool is_only_frac;  /* half, quarter: a fraction, never an ordinal */
	bool is_tens_den;   /* firsts, seconds: a denominator after tens */
	bool is_plural;     /* hundreds, dozens: a scale after a number */
	bool is_one;        /* a, an, one: a numerator of one */
	bool is_int;        /* digits without a decimal part */
};

/* The running value of a phrase. */
struct acc {
	double total, cur;  /* closed groups; the open group */
	double maxbig;      /* largest scale >= 1000 applied so far */
	double lastbig;     /* the scale that closed the last group */
	unsigned grp;       /* G_* of the open group */
	double hund;        /* the open group at its hundred ("three
			    ** hundred and two dozen": 300 + 2 x 12) */
	int ntok;
	bool is_one;        /* exactly "a", "an" or "one" */
	bool is_bare;       /* "half" with nothing before it */
	bool frac_of_big;   /* "two million and a half": x lastbig */
	bool is_closed;     /* "1.5 million": nothing may follow */
};

/* ---- Tokens ------------------------------------------------------------ */

static int32_t lookup(const struct fc_norm *n, int t, const char *w,
		      size_t len)
{
	char buf[32];
	if (t < 0 || len >= sizeof(buf))
		return -1;
	size_t kl = norm_key(w, len, buf, sizeof(buf));
	return norm_hash_get(&n->lookup, t, buf, kl);
}

static double tval(const struct fc_norm *n, int t, int32_t k)
{
	return n->tables[t].nums[k];
}

/* The class of a number word by its value: 7 unit, 13 teen, 40 tens. */
static enum cls by_value(double v)
{
	if (v == 0)
		return C_ZERO;
	if (v != floor(v) || v < 0)
		return C_DIG;
	if (v < 10)
		return C_UNIT;
	if (v < 20)
		return C_TEEN;
	if (v < 100 && fmod(v, 10) == 0)
		return C_TENS;
	if (v == 100)
		return C_HUND;
	if (v >= 1000 && v == pow(10, floor(log10(v))))
		return C_BIG;
	return C_DIG;
}

/* A word of a number phrase, normalised once for the lookups in the
** number tables (norm_key, norm_word_hash), and the word facts. */
struct word {
	const struct fc_norm *n;
	const struct norm_wordfacts *f;
	char buf[32];
	size_t len;
	uint32_t h;
};

/* The word's row in table t (facts table wt), or -1. */
static int32_t word_row(const struct word *w, int t, int wt)
{
	if (t < 0 || !norm_wf_may(w->f, wt, w->h, w->len))
		return -1;
	return norm_hash_get(&w->n->lookup, t, w->buf, w->len);
}

/* Classify the word s[0, len); false when it is no number word. */
static bool word_tok(const struct fc_norm *n, const char *s, size_t len,
		     struct tok *t)
{
	struct word w = {.n = n, .f = norm_wordfacts(n)};
	if (len >= sizeof(w.buf))
		return false; /* as lookup(): no key is that long */
	w.len = norm_key(s, len, w.buf, sizeof(w.buf));
	w.h = norm_word_hash(w.buf, w.len);
	int32_t k;
	if ((k = word_row(&w, n->t_number, NORM_WF_NUMBER)) >= 0) {
		t->v = tval(n, n->t_number, k);
		t->cls = by_value(t->v);
		t->is_one = t->v == 1;
		t->is_int = true;
	} else if ((k = word_row(&w, n->t_scale, NORM_WF_SCALE)) >= 0) {
		t->v = tval(n, n->t_scale, k);
		t->cls = t->v < 1000 ? C_HUND : C_BIG;
	} else if ((k = word_row(&w, n->t_scale_plural,
				 NORM_WF_SCALE_PLURAL)) >= 0 ||
		   (k = word_row(&w, n->t_scale_short,
				 NORM_WF_SCALE_SHORT)) >= 0) {
		/* "hundreds", "bln": only after a number */
		int tb = word_row(&w, n->t_scale_plural,
				  NORM_WF_SCALE_PLURAL) >= 0
				 ? n->t_scale_plural
				 : n->t_scale_short;
		t->v = tval(n, tb, k);
		t->cls = t->v < 1000 ? C_HUND : C_BIG;
		t->is_plural = true;
	} else if ((k = word_row(&w, n->t_ordinal, NORM_WF_ORDINAL)) >= 0) {
		t->v = tval(n, n->t_ordinal, k);
		t->cls = by_value(t->v);
		t->form = F_ORD;
	} else if ((k = word_row(&w, n->t_frac_den, NORM_WF_FRAC_DEN)) >=
		   0) {
		t->v = tval(n, n->t_frac_den, k);
		t->cls = by_value(t->v);
		t->form = F_PORD;
	} else if ((k = word_row(&w, n->t_frac_one, NORM_WF_FRAC_ONE)) >=
		   0) {
		t->v = tval(n, n->t_frac_one, k);
		t->cls = by_value(t->v);
		t->form = F_ORD;
		t->is_only_frac = true;
	} else if ((k = word_row(&w, n->t_frac_tens, NORM_WF_FRAC_TENS)) >=
		   0) {
		t->v = tval(n, n->t_frac_tens, k);
		t->cls = C_UNIT;
		t->form = F_PORD;
		t->is_tens_den = true;
	} else if (word_row(&w, n->t_article, NORM_WF_ARTICLE) >= 0) {
		t->cls = C_ART;
		t->v = 1;
		t->is_one = true;
	} else if (word_row(&w, n->t_joiner, NORM_WF_JOINER) >= 0) {
		t->cls = C_AND;
	} else if (word_row(&w, n->t_point, NORM_WF_POINT) >= 0) {
		t->cls = C_POINT;
	} else if (word_row(&w, n->t_of, NORM_WF_OF) >= 0) {
		t->cls = C_OF;
	} else {
		return false;
	}
	return isfinite(t->v) || t->cls >= C_ART;
}

static bool is_suffix(const char *s, size_t len)
{
	static const char *const sfx[] = {"st", "nd", "rd", "th"};
	if (len != 2)
		return false;
	for (size_t i = 0; i < 4; i++)
		if ((s[0] | 0x20) == sfx[i][0] && (s[1] | 0x20) == sfx[i][1])
			return true;
	return false;
}

/* Is s[0, len), letters glued to digits, a scale of a thousand or more
** ("bn", "mln", "billion")? */
static bool is_glued_scale(const struct fc_norm *n, const char *s, size_t len)
{
	struct tok t = {0};
	return len && word_tok(n, s, len, &t) && t.cls == C_BIG;
}

/* Split s into tokens; stops at the first byte that is no part of one. */
static size_t tokenize(const struct fc_norm *n, const char *s, size_t len,
		       struct tok *t, size_t cap)
{
	size_t nt = 0, i = 0;
	bool hyph = false;
	while (i < len && nt < cap) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		if (c == '-' || (c == 0xe2 && i + 2 < len &&
				 (unsigned char)s[i + 1] == 0x80 &&
				 (unsigned char)s[i + 2] == 0x93)) {
			if (!nt || hyph)
				break;
			hyph = true;
			i += c == '-' ? 1 : 3;
			continue;
		}
		struct tok *k = &t[nt];
		memset(k, 0, sizeof(*k));
		k->start = (uint32_t)i;
		k->is_hyph = hyph;
		hyph = false;
		if (norm_is_digit((char)c) || (c == '.' && i + 1 < len &&
					  norm_is_digit(s[i + 1]))) {
			size_t used = norm_read_digits(s, len, i, &k->v,
						       &k->is_int);
			if (!used)
				break;
			k->cls = C_DIG;
			i += used;
			size_t nd;
			if (k->is_int && i + 1 < len && s[i] == '/' &&
			    (nd = norm_ndigits(s, len, i + 1)) > 0 &&
			    (i + 1 + nd >= len || s[i + 1 + nd] != '/')) {
				double den = 0;
				for (size_t j = i + 1; j < i + 1 + nd; j++)
					den = den * 10 + (s[j] - '0');
				if (den == 0)
					break;
				k->v /= den;
				k->cls = C_FRAC;
				i += 1 + nd;
			}
			size_t j = i;
			while (j < len && norm_is_alpha(s[j]))
				j++;
			if (j > i && k->cls == C_DIG && is_suffix(s + i, j - i))
				k->form = F_ORD;
			/* other letters on digits ("5m") are a suffix; a
			** scale word ("211bn yen", "3mln") is read next, as
			** after a blank */
			if (k->form == F_ORD || !is_glued_scale(n, s + i, j - i))
				i = j;
		} else if (norm_is_alpha((char)c)) {
			size_t j = i;
			while (j < len && norm_is_alpha(s[j]))
				j++;
			if (!word_tok(n, s + i, j - i, k))
				break;
			i = j;
		} else if (c >= 0x80) {
			const unsigned char *u = (const unsigned char *)s;
			size_t sl = fc_utf8_seq_len(u + i, len - i);
			int32_t v = sl ? lookup(n, n->t_vulgar, s + i, sl) : -1;
			if (v < 0)
				break;
			k->v = tval(n, n->t_vulgar, v);
			k->cls = C_FRAC;
			i += sl;
		} else {
			break;
		}
		k->end = (uint32_t)i;
		/* "twenty-first", "thirty-fifths": one ordinal */
		if (nt && k->is_hyph && k->form != F_CARD && k->cls == C_UNIT &&
		    t[nt - 1].cls == C_TENS && t[nt - 1].form == F_CARD) {
			struct tok *p = &t[nt - 1];
			p->v += k->v;
			p->form = k->form;
			p->end = k->end;
			p->is_one = false;
			continue;
		}
		nt++;
	}
	return nt;
}

/* ---- Grammar ----------------------------------------------------------- */

/* May a cardinal of class c (value v) extend a? */
static bool card_ok(const struct acc *a, const struct tok *t)
{
	unsigned g = a->grp;
	if (a->is_closed)
		return false;
	switch (t->cls) {
	case C_ZERO:
		return a->ntok == 0;
	case C_UNIT:
		return !(g & (G_UNIT | G_TEEN | G_DIG | G_DEC | G_FRAC |
			      G_ART));
	case C_TEEN:
	case C_TENS:
		return !(g & (G_UNIT | G_TEEN | G_TENS | G_DIG | G_DEC |
			      G_FRAC | G_ART));
	case C_DIG:
		if (a->ntok == 0)
			return true;
		if (g == G_HUND)
			return t->v < 100 && t->v > 0 && t->is_int;
		return g == 0 && a->total > 0 && t->v < a->lastbig;
	case C_HUND:
		if ((g & G_HUND) && t->v < 100 &&
		    (g & (G_UNIT | G_TEEN | G_TENS | G_DIG)) &&
		    !(g & (G_DEC | G_FRAC)))
			return true; /* "hundred and two dozen" */
		if (t->is_plural)
			return (g & (G_UNIT | G_TEEN | G_TENS | G_DIG)) &&
			       !(g & (G_HUND | G_DEC | G_FRAC));
		if (g & (G_HUND | G_DEC | G_FRAC))
			return false;
		return g != 0 || a->ntok == 0;
	case C_BIG:
		if (g == 0)
			return a->ntok == 0 ? !t->is_plural
					    : a->total > 0 && t->v > a->maxbig;
		if (a->total > 0 && t->v >= a->maxbig)
			return false;
		return !t->is_plural || !(g & G_ART);
	default:
		return false;
	}
}

static void card_apply(struct acc *a, const struct tok *t)
{
	switch (t->cls) {
	case C_ZERO:
		a->grp |= G_UNIT;
		break;
	case C_UNIT:
		a->cur += t->v;
		a->grp |= G_UNIT;
		break;
	case C_TEEN:
		a->cur += t->v;
		a->grp |= G_TEEN;
		break;
	case C_TENS:
		a->cur += t->v;
		a->grp |= G_TENS | (fmod(t->v, 10) != 0 ? G_UNIT : 0);
		break;
	case C_DIG:
		a->cur += t->v;
		a->grp |= G_DIG;
		break;
	case C_HUND:
		if (a->grp & G_HUND)
			a->cur = a->hund + (a->cur - a->hund) * t->v;
		else
			a->cur = (a->cur > 0 ? a->cur : 1) * t->v;
		a->hund = a->cur;
		a->grp = G_HUND;
		break;
	case C_BIG:
		if ((a->grp & G_DEC) ||
		    ((a->grp & G_DIG) && a->cur != floor(a->cur)))
			a->is_closed = true; /* "5.4 mln | Nine months" */
		if (a->grp == 0 && a->ntok > 0) {
			a->total *= t->v; /* "thousand million", "lakh crore" */
		} else {
			a->total += (a->grp ? a->cur : 1) * t->v;
		}
		if (t->v > a->maxbig)
			a->maxbig = t->v;
		a->lastbig = t->v;
		a->cur = 0;
		a->grp = 0;
		a->frac_of_big = false;
		break;
	default:
		break;
	}
	a->is_one = false;
	a->is_bare = false;
	a->ntok++;
}

static double value(const struct acc *a)
{
	if (a->frac_of_big)
		return a->total + a->cur * a->lastbig;
	return a->total + a->cur;
}

static bool ends_ok(const struct acc *a)
{
	return a->ntok > 0 && a->grp != G_ART;
}

/* A fraction f replaces the phrase so far ("two thirds" -> 0.667). */
static void set_frac(struct acc *a, double f)
{
	memset(a, 0, sizeof(*a));
	a->cur = f;
	a->grp = G_FRAC;
	a->ntok = 1;
}

/*
** An ordinal phrase at t[i]: cardinal words ending in an ordinal or a
** plural ordinal ("one hundred fifth", "twenty firsts"). Sets *den and
** *form; returns the index after it, or 0.
*/
static size_t ord_phrase(const struct tok *t, size_t nt, size_t i,
			 double *den, enum form *form)
{
	struct acc a = {0};
	for (; i < nt; i++) {
		const struct tok *k = &t[i];
		if (k->cls == C_AND) {
			/* "one hundred and fifth" */
			if (!(a.grp == G_HUND || (a.grp == 0 && a.total > 0)))
				return 0;
			continue;
		}
		if (k->is_tens_den) {
			if (a.grp != G_TENS)
				return 0;
		} else if (k->is_only_frac || !card_ok(&a, k)) {
			return 0;
		}
		if (k->is_tens_den)
			a.cur += k->v;
		else
			card_apply(&a, k);
		if (k->form != F_CARD) {
			*den = value(&a);
			*form = k->form;
			return i + 1;
		}
	}
	return 0;
}

/* Does a fraction end the number words from t[i] on? */
static bool frac_ahead(const struct tok *t, size_t nt, size_t i)
{
	for (; i < nt && t[i].cls <= C_AND; i++)
		if (t[i].form == F_PORD || t[i].cls == C_FRAC ||
		    (t[i].form == F_ORD &&
		     (t[i].is_only_frac || t[i].v >= 3)))
			return true;
		else if (t[i].form == F_ORD)
			return false;
	return i < nt && t[i].cls == C_FRAC;
}

struct best {
	uint32_t end;
	double v, scale_end;
	enum norm_num_kind kind;
	bool is_bare;
};

static void commit(const struct acc *a, const struct tok *t,
		   enum norm_num_kind kind, struct best *b)
{
	if (!ends_ok(a))
		return;
	b->end = t->end;
	b->v = value(a);
	b->kind = kind;
	b->is_bare = a->is_bare;
	b->scale_end = a->grp == 0 && a->total > 0 && a->cur == 0 &&
				       t->cls == C_BIG
			       ? a->lastbig
			       : 0;
}

/* Digits after "point": "point zero three", "point seventy-one". */
static size_t decimals(const struct tok *t, size_t nt, size_t i, double *out)
{
	double v = 0, f = 1;
	size_t j = i;
	while (j < nt) {
		const struct tok *k = &t[j];
		if (k->form != F_CARD)
			break;
		if (k->cls == C_ZERO || k->cls == C_UNIT) {
			f /= 10;
			v += k->v * f;
		} else if (k->cls == C_TEEN || k->cls == C_TENS) {
			double x = k->v;
			if (k->cls == C_TENS && fmod(x, 10) == 0 &&
			    j + 1 < nt && t[j + 1].cls == C_UNIT &&
			    t[j + 1].form == F_CARD)
				x += t[++j].v;
			f /= 100;
			v += x * f;
		} else if (k->cls == C_DIG && k->is_int && !k->is_hyph &&
			   k->v < 1e15) {
			size_t nd = k->end - k->start;
			f /= pow(10, (double)nd);
			v += k->v * f;
		} else {
			break;
		}
		j++;
	}
	*out = v;
	return j - i;
}

double norm_round(double x)
{
	char buf[40];
	/* Whole numbers below 1e15 already have at most 15 digits: the
	** round trip through %.15g would give them back unchanged. */
	if (!isfinite(x) || x == 0 || (x == floor(x) && fabs(x) < 1e15))
		return x;
	/* Nor do those that are the double nearest a decimal of at most 15
	** digits (y / 10^k, y whole, the division rounded once): "1.2",
	** "0.75". %.15g prints that decimal back (DBL_DIG is 15), and it
	** reads as x. */
	static const double pow10[] = {1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
	for (size_t k = 0; k < sizeof(pow10) / sizeof(*pow10); k++) {
		double y = x * pow10[k];
		if (fabs(y) >= 1e15)
			break;
		if (y == floor(y) && y / pow10[k] == x)
			return x;
	}
	snprintf(buf, sizeof(buf), "%.15g", x);
	return strtod(buf, NULL);
}

/*
** Groups of three after a comma and a blank, the last starting with a
** zero ("20, 000", "1, 500, 000": prose typed with a blank after the
** group comma; a group such as "000" or "050" starts no number of its
** own, while "In 2004, 150 died" is two): the whole of s[0..len) in
** that form, its value in *v.
*/
static bool comma_blank_groups(const char *s, size_t len, double *v)
{
	size_t n0 = norm_ndigits(s, len, 0), k = n0, ngrp = 0;
	if (n0 == 0 || n0 > 3)
		return false;
	*v = 0;
	for (size_t j = 0; j < n0; j++)
		*v = *v * 10 + (s[j] - '0');
	while (k + 5 <= len && s[k] == ',' && s[k + 1] == ' ' &&
	       norm_ndigits(s, len, k + 2) == 3) {
		for (size_t j = k + 2; j < k + 5; j++)
			*v = *v * 10 + (s[j] - '0');
		k += 5;
		ngrp++;
	}
	return ngrp > 0 && k == len && s[len - 3] == '0';
}

bool norm_number_read(const struct fc_norm *n, const char *s, size_t len,
		      struct norm_num *out)
{
	/* a run of digits alone ("2020", "15"), a third of the numbers
	** quantities read: what the reading below gives it (one whole
	** C_DIG token, a cardinal), without the tokens; up to 15 digits
	** are exact in a double, as norm_read_digits adds them */
	if (len >= 1 && len <= 15) {
		size_t i = 0;
		double v = 0;
		while (i < len && norm_is_digit(s[i]))
			v = v * 10 + (s[i++] - '0');
		if (i == len) {
			out->value = v;
			out->used = (uint32_t)len;
			out->kind = NORM_NUM_CARD;
			out->is_bare = false;
			out->scale_end = 0;
			return true;
		}
	}
	if (len >= 6 && len <= 15 && s[len - 5] == ',' &&
	    comma_blank_groups(s, len, &out->value)) {
		out->used = (uint32_t)len;
		out->kind = NORM_NUM_CARD;
		out->is_bare = false;
		out->scale_end = 0;
		return true;
	}
	/* digits with group commas or dots and a decimal part ("1,200",
	** "13.5", "1.111,11") that norm_read_digits reads whole: one C_DIG
	** token, a cardinal, whose value the reading below takes as it is
	** (0 + v) and rounds to 15 digits */
	if (len >= 1 && norm_is_digit(s[0])) {
		size_t i = 1;
		while (i < len && (norm_is_digit(s[i]) || s[i] == ',' || s[i] == '.'))
			i++;
		double v;
		bool is_int;
		if (i == len && norm_read_digits(s, len, 0, &v, &is_int) == len) {
			out->value = norm_round(v);
			out->used = (uint32_t)len;
			out->kind = NORM_NUM_CARD;
			out->is_bare = false;
			out->scale_end = 0;
			return true;
		}
	}
	struct tok t[MAX_TOKS];
	size_t nt = tokenize(n, s, len, t, MAX_TOKS);
	struct acc a = {0}, base = {0}, before = {0}; /* before: a before
						      ** the last word */
	bool in_seg = false; /* after "and", before its fraction */
	bool after_and = false; /* a cardinal "and", no scale since */
	enum norm_num_kind kind = NORM_NUM_CARD;
	struct best b = {0, NAN, 0, NORM_NUM_CARD, false}, pre = b;
	for (size_t i = 0; i < nt;) {
		const struct tok *k = &t[i];
		if (k->cls == C_AND) {
			if (!ends_ok(&a) || a.grp & (G_DEC | G_FRAC))
				break;
			if (in_seg) {
				/* "twenty and three and three fifths" */
				if (!frac_ahead(t, nt, i + 1))
					break;
				base.cur += value(&a);
				base.grp |= G_UNIT;
				memset(&a, 0, sizeof(a));
			} else if (frac_ahead(t, nt, i + 1)) {
				base = a;
				memset(&a, 0, sizeof(a));
				in_seg = true;
			} else if (!(a.grp == G_HUND ||
				     (a.grp == 0 && a.total > 0))) {
				break; /* "two and three": not one number */
			} else {
				pre = b;
				after_and = true;
			}
			i++;
			continue;
		}
		if (k->cls == C_ART) {
			if (a.ntok)
				break;
			a.cur = 1;
			a.grp = G_ART;
			a.is_one = true;
			a.ntok = 1;
			i++;
			continue;
		}
		if (k->cls == C_POINT) {
			double d;
			size_t nd;
			if ((a.ntok && (!ends_ok(&a) ||
					(a.grp & (G_DEC | G_FRAC)))) ||
			    !(nd = decimals(t, nt, i + 1, &d)))
				break;
			a.cur += d;
			a.grp |= G_DEC;
			a.ntok++;
			i += 1 + nd;
			commit(&a, &t[i - 1], kind, &b);
			continue;
		}
		if (k->cls == C_OF) {
			/* "two thirds of a million" */
			if (a.grp != G_FRAC || i + 2 >= nt ||
			    t[i + 1].cls != C_ART || t[i + 2].cls != C_BIG ||
			    t[i + 2].is_plural)
				break;
			i += 2;
			continue;
		}
		double f = NAN;
		size_t next = i + 1;
		if (k->cls == C_FRAC) {
			if (a.ntok == 0)
				f = k->v;
			else if (a.grp == G_DIG && k->v < 1 && !in_seg)
				f = value(&a) + k->v; /* 2 1/2 */
			else
				break;
		} else if (k->form == F_PORD && !k->is_tens_den) {
			/* "two thirds": the phrase so far over the ordinal */
			if (!ends_ok(&a) || (a.grp & (G_DEC | G_FRAC)) ||
			    k->cls == C_DIG || k->v == 0)
				break;
			f = value(&a) / k->v;
			if (i > 0 && t[i - 1].cls == C_TENS &&
			    t[i - 1].form == F_CARD && k->cls == C_UNIT &&
			    !k->is_hyph && fmod(t[i - 1].v, 10) == 0 &&
			    ends_ok(&before) &&
			    !(before.grp & (G_DEC | G_FRAC))) {
				/* "one hundred thirty fifths": the tens
				** and the ordinal are the denominator */
				f = value(&before) / (t[i - 1].v + k->v);
			} else if (in_seg && f >= 1) {
				/* "one hundred and thirty fifths": an improper
				** fraction takes the whole as its numerator */
				if (!(base.grp == G_HUND ||
				      (base.grp == 0 && base.total > 0)))
					break;
				f = (value(&base) + value(&a)) / k->v;
				in_seg = false;
				memset(&a, 0, sizeof(a));
			}
		} else if (k->form == F_ORD &&
			   (a.is_one || (a.ntok == 0 && k->is_only_frac)) &&
			   (k->is_only_frac || k->v >= 3) && k->cls != C_DIG) {
			/* "a third", "one twenty-fifth", "half" */
			f = 1 / k->v;
		} else if (!k->is_only_frac && !k->is_tens_den &&
			   card_ok(&a, k)) {
			before = a;
			card_apply(&a, k);
			a.is_one = k->is_one && a.ntok == 1 && k->cls != C_DIG;
			if (k->form == F_ORD) {
				bool cont = base.grp == G_HUND ||
					    (base.grp == 0 && base.total > 0);
				if (in_seg && cont) {
					/* "one hundred and fifth" */
					base.cur += value(&a);
					base.grp |= G_UNIT;
					commit(&base, k, NORM_NUM_ORD, &b);
				} else if (!in_seg) {
					commit(&a, k, NORM_NUM_ORD, &b);
				}
				break; /* an ordinal ends the phrase */
			}
			if (k->cls == C_HUND || k->cls == C_BIG)
				after_and = false;
			if (!in_seg)
				commit(&a, k, kind, &b);
			i++;
			continue;
		} else if ((k->cls == C_HUND || k->cls == C_BIG) &&
			   k->form == F_CARD && after_and) {
			/* "3 hundred and 2 hundred": two numbers */
			b = pre;
			break;
		} else {
			/* "one one hundred fifth", "three twenty firsts":
			** the numerator, then the ordinal phrase */
			double den;
			enum form fm;
			size_t j;
			if (!ends_ok(&a) || (a.grp & (G_DEC | G_FRAC)) ||
			    !(j = ord_phrase(t, nt, i, &den, &fm)) ||
			    den == 0 || (fm == F_ORD && !a.is_one))
				break;
			f = (fm == F_ORD ? 1 : value(&a)) / den;
			next = j;
		}
		if (!isfinite(f))
			break;
		bool bare = a.ntok == 0 && k->is_only_frac;
		kind = NORM_NUM_FRAC;
		if (in_seg) {
			/* "five and a half", "two million and a half" */
			struct acc m = base;
			bool of_big = m.grp == 0 && m.total > 0;
			m.cur += f;
			m.grp = G_FRAC;
			m.frac_of_big = of_big;
			m.ntok++;
			a = m;
			in_seg = false;
			base.ntok = 0;
		} else {
			set_frac(&a, f);
			a.is_bare = bare;
		}
		i = next;
		commit(&a, &t[i - 1], kind, &b);
		/* a scale may follow ("three quarters billion"): the
		** cardinal path takes it, the open group being the fraction */
	}
	if (!b.end)
		return false;
	out->value = b.kind == NORM_NUM_FRAC ? b.v : norm_round(b.v);
	out->used = b.end;
	out->kind = b.kind;
	out->is_bare = b.is_bare;
	out->scale_end = b.scale_end;
	return true;
}

size_t norm_number_gap(const struct fc_norm *n, const char *s, size_t len)
{
	size_t i = 0;
	for (int words = 0;;) {
		while (i < len && strchr(" \t\n\r,-", s[i]) && s[i])
			i++;
		size_t j = i;
		while (j < len && norm_is_alpha(s[j]))
			j++;
		if (words++ || j == i ||
		    lookup(n, n->t_joiner, s + i, j - i) < 0)
			return i;
		i = j;
	}
}

double norm_number(const struct fc_norm *n, const char *s, size_t len)
{
	struct norm_num r;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (!norm_number_read(n, s, len, &r) || r.used != len)
		return NAN;
	return r.value;
}
