/*
** json.c: JSON text output. Strings are escaped per RFC 8259; invalid
** UTF-8 becomes U+FFFD so the output is always valid JSON. The *_at
** forms write into room the caller made (fc_buf_room), without printf.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

/* Bytes copied as they are: printable ASCII but '"' and '\\'. */
static inline bool is_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Does the 8-byte word w hold a byte that is not plain? (For each test
** "(x - ONES) & ~x & HIGHS" flags a zero byte of x, exactly when any.) */
static inline bool has_special(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');
	return (((w - ONES * 0x20) & ~w) | ((q - ONES) & ~q) |
		((b - ONES) & ~b) | w) & HIGHS;
}

/* fc_json_strn_at from s[i] on, with s[0, i) written plain already. */
__attribute__((noinline)) static size_t strn_rest(char *out, const char *s,
						 size_t n, size_t i)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	char *o = out + 1 + i;
	while (i < n) {
		/* plain text eight bytes at a time, then byte by byte up to
		** the next byte that needs care */
		uint64_t w;
		while (i + 8 <= n && (memcpy(&w, p + i, 8), !has_special(w))) {
			memcpy(o, &w, 8);
			o += 8;
			i += 8;
		}
		while (i < n && is_plain(p[i]))
			*o++ = (char)p[i++];
		if (i >= n)
			break;
		unsigned char c = p[i];
		if (c >= 0x80) {
			size_t k = fc_utf8_seq_len(p + i, n - i);
			if (k) {
				memcpy(o, p + i, k);
				o += k;
				i += k;
			} else {
				memcpy(o, "\xEF\xBF\xBD", 3);
				o += 3;
				i++;
			}
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		default:
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
			break;
		}
		i++;
	}
	*o++ = '"';
	return (size_t)(o - out);
}

/* has_special() of a 4-byte word. */
static inline bool has_special4(uint32_t w)
{
	const uint32_t ones = 0x01010101u, highs = 0x80808080u;
	uint32_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
	return (((w - ones * 0x20) & ~w) | ((q - ones) & ~q) |
		((b - ones) & ~b) | w) & highs;
}

/* Plain strings (most) by words: eight bytes at a time, the last eight
** (or four) overlapping what went before; the first word with a byte
** that needs care hands over to strn_rest. */
size_t fc_json_strn_at(char *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	out[0] = '"';
	if (n >= 8) {
		uint64_t w;
		for (size_t i = 0; i + 8 <= n; i += 8) {
			memcpy(&w, p + i, 8);
			if (has_special(w))
				return strn_rest(out, s, n, i);
			memcpy(out + 1 + i, &w, 8);
		}
		memcpy(&w, p + n - 8, 8);
		if (has_special(w))
			return strn_rest(out, s, n, n & ~(size_t)7);
		memcpy(out + 1 + n - 8, &w, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		if (has_special4(a) || has_special4(b))
			return strn_rest(out, s, n, 0);
		memcpy(out + 1, &a, 4);
		memcpy(out + 1 + n - 4, &b, 4);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (!is_plain(p[i]))
				return strn_rest(out, s, n, 0);
			out[1 + i] = (char)p[i];
		}
	}
	out[1 + n] = '"';
	return n + 2;
}

void fc_json_strn(struct fc_buf *b, const char *s, size_t n)
{
	if (n > (SIZE_MAX - 2) / 6) {
		if (!b->err)
			b->err = FC_ELIMIT;
		return;
	}
	char *o = fc_buf_room(b, FC_JSON_STRN_MAX(n));
	if (o)
		fc_buf_used(b, fc_json_strn_at(o, s, n));
}

void fc_json_str(struct fc_buf *b, const char *s)
{
	if (!s) {
		fc_buf_add(b, "null", 4);
		return;
	}
	fc_json_strn(b, s, strlen(s));
}

static const char pairs[201] =
	"0001020304050607080910111213141516171819"
	"2021222324252627282930313233343536373839"
	"4041424344454647484950515253545556575859"
	"6061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

static const uint64_t pow10_64[20] = {
	1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
	10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
	100000000000ull, 1000000000000ull, 10000000000000ull,
	100000000000000ull, 1000000000000000ull, 10000000000000000ull,
	100000000000000000ull, 1000000000000000000ull,
	10000000000000000000ull,
};

/* The eight digits of w < 10^8 as ASCII, the first in the lowest byte.
** In lanes of one word rather than by table (the offsets of every line
** `normalize` writes pass here): the halves w / 10^4 and w % 10^4 in
** 32-bit lanes, each split by 100 into 16-bit lanes, each of those by
** 10 into bytes. A lane's quotient is a multiply and a shift (x * 10486
** >> 20 is x / 100 for x < 10^4; x * 103 >> 10 is x / 10 for x < 100),
** and no lane's product reaches the next lane. */
static inline uint64_t digits8(uint32_t w)
{
	uint64_t v = (uint64_t)(w / 10000) | (uint64_t)(w % 10000) << 32;
	uint64_t h = ((v * 10486) >> 20) & 0x0000007F0000007Full;
	v = h | (v - h * 100) << 16;
	uint64_t t = ((v * 103) >> 10) & 0x000F000F000F000Full;
	v = t | (v - t * 10) << 8;
	return v + 0x3030303030303030ull;
}

size_t fc_json_int_at(char *out, int64_t v)
{
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	size_t k = 0;
	if (v < 0)
		out[k++] = '-';
	/* digits: about log10 from the bit length, then one comparison */
	unsigned lg = (unsigned)(64 - __builtin_clzll(u | 1)) * 1233 >> 12;
	size_t nd = lg + ((u | 1) >= pow10_64[lg]); /* (0 has one digit) */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (nd <= 8) {
		/* (the offsets into the text, mostly: eight digits at once,
		** the leading zeros shifted out; the zero bytes after them
		** land in the room the caller made, 21 bytes) */
		uint64_t x = digits8((uint32_t)u) >> (8 * (8 - nd));
		memcpy(out + k, &x, 8);
		return k + nd;
	}
#endif
	/* two digits a division, from the end (in 32 bits when they do) */
	char *e = out + k + nd;
	while (u > UINT32_MAX) {
		unsigned r = (unsigned)(u % 100);
		u /= 100;
		e -= 2;
		memcpy(e, pairs + 2 * r, 2);
	}
	uint32_t w = (uint32_t)u;
	while (w >= 100) {
		uint32_t r = w % 100;
		w /= 100;
		e -= 2;
		memcpy(e, pairs + 2 * r, 2);
	}
	if (w >= 10)
		memcpy(e - 2, pairs + 2 * w, 2);
	else
		e[-1] = (char)('0' + w);
	return k + nd;
}

/*
** v, not a whole number, as "%.6g" prints it when that reads back as v,
** for 1e-4 <= |v| < 1e5; 0 when it cannot tell (the caller then asks
** printf). The decimal D = m / 10^d with the fewest decimals d whose
** double is v has at most six digits, so it is also what rounding v to
** six digits gives (two such decimals differ by far more than v's
** rounding error), and %g strips the trailing zeros it would not have.
*/
static size_t short_decimal(char *out, double v)
{
	static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5,
				     1e6, 1e7, 1e8, 1e9};
	static const double lim[] = {1e-4, 1e-3, 1e-2, 1e-1, 1e0,
				     1e1,  1e2,  1e3,  1e4};
	double a = fabs(v);
	if (!(a >= lim[0] && a < 1e5))
		return 0;
	int x = 4; /* a >= 10^x */
	while (a < lim[x + 4])
		x--;
	for (int d = 1; d <= 5 - x; d++) {
		/* (rounding by a cast: when some m reads back, a * 10^d is
		** within far less than 0.5 of it, so ties do not matter) */
		double m = (double)(int64_t)(a * p10[d] + 0.5);
		if (m / p10[d] != a)
			continue;
		uint64_t mi = (uint64_t)m, pw = (uint64_t)p10[d];
		size_t k = 0;
		if (v < 0)
			out[k++] = '-';
		k += fc_json_int_at(out + k, (int64_t)(mi / pw));
		out[k++] = '.';
		uint64_t f = mi % pw;
		for (int i = d; i-- > 0; f /= 10)
			out[k + (size_t)i] = (char)('0' + f % 10);
		return k + (size_t)d;
	}
	return 0;
}

/*
** The longer decimals ("55.00000000000001", products of decimals) the
** same way without printf and strtod: for 1e-4 <= |v| < 1e15, not a
** whole number, v = m / 2^E exactly (m of 53 bits, 3 <= E <= 66), and
** the decimals N * 10^q of up to 17 digits compared with it in 128-bit
** integers, which hold every product below (at most 2^125). A target
** without 128-bit integers (32-bit ones) takes the printf search below.
*/
#ifdef __SIZEOF_INT128__
typedef unsigned __int128 u128;

static u128 pow10_128(int k) /* 0 <= k <= 38 */
{
	return k < 20 ? pow10_64[k] : (u128)pow10_64[k - 19] * pow10_64[19];
}

/* The sign of m / 2^E - N * 10^q (|q| <= 21, the values close). */
static int cmp_dec(uint64_t m, int E, uint64_t N, int q)
{
	u128 l, r;
	if (q >= 0) {
		l = m;
		r = ((u128)N * pow10_64[q]) << E;
	} else {
		l = (u128)m * pow10_128(-q);
		r = (u128)N << E;
	}
	return (l > r) - (l < r);
}

/* N = v * 10^s rounded to an integer, ties to even (as printf rounds
** the exact value of v). */
static uint64_t round_scaled(uint64_t m, int E, int s)
{
	u128 q, r, half;
	if (s >= 0) {
		u128 num = (u128)m * pow10_128(s);
		q = num >> E;
		r = num & (((u128)1 << E) - 1);
		half = (u128)1 << (E - 1);
	} else {
		u128 den = pow10_128(-s) << E;
		q = m / den;
		r = m % den;
		if (2 * r > den || (2 * r == den && (q & 1)))
			q++;
		return (uint64_t)q;
	}
	if (r > half || (r == half && (q & 1)))
		q++;
	return (uint64_t)q;
}

/* Does strtod read N * 10^q back as m / 2^E? Within half an ulp of it,
** and on the half way point when m is even (ties go to even). */
static bool reads_back(uint64_t m, int E, uint64_t N, int q)
{
	int up = cmp_dec(2 * m + 1, E + 1, N, q); /* the midpoint above */
	int down = m == 1ull << 52
			   ? cmp_dec(4 * m - 1, E + 2, N, q) /* (a binade's
								first) */
			   : cmp_dec(2 * m - 1, E + 1, N, q);
	bool is_even = !(m & 1);
	return (up > 0 || (up == 0 && is_even)) &&
	       (down < 0 || (down == 0 && is_even));
}

/* v as "%.Pg" prints it for the fewest P in [lo, 17] that reads back
** (the same search as with printf below); 0 when out of range. */
static size_t exact_decimal(char *out, double v, int lo)
{
	double a = fabs(v);
	if (!(a >= 1e-4 && a < 1e15))
		return 0;
	int ex;
	double f = frexp(a, &ex);
	uint64_t m = (uint64_t)ldexp(f, 53);
	int E = 53 - ex;
	if (E < 3 || E > 66)
		return 0;
	/* x: the exponent of a (10^x <= a < 10^(x+1)), exactly */
	int x = (int)floor(log10(a));
	if (x < -4 || x > 14)
		return 0;
	if (cmp_dec(m, E, 1, x) < 0)
		x--;
	else if (x < 14 && cmp_dec(m, E, 1, x + 1) >= 0)
		x++;
	int hi = 17;
	uint64_t best = 0;
	int best_p = 0;
	for (int mid = lo <= 15 ? 15 : hi; lo < hi; mid = (lo + hi) / 2) {
		uint64_t N = round_scaled(m, E, mid - 1 - x);
		if (reads_back(m, E, N, x - mid + 1)) {
			hi = mid;
			best = N;
			best_p = mid;
		} else {
			lo = mid + 1;
		}
	}
	if (best_p != lo) {
		best = round_scaled(m, E, lo - 1 - x);
		best_p = lo;
	}
	/* %g's exponent: x, or x + 1 when rounding made 10^P */
	int X = x;
	if (best == pow10_64[best_p]) {
		best /= 10;
		X++;
	}
	if (X < -4 || X >= best_p)
		return 0; /* printf's exponent form: not here */
	char dig[20];
	for (int i = best_p; i-- > 0; best /= 10)
		dig[i] = (char)('0' + best % 10);
	int nd = best_p;
	int nint = X >= 0 ? X + 1 : 0; /* digits before the point */
	while (nd > nint && dig[nd - 1] == '0')
		nd--; /* %g drops the fraction's trailing zeros */
	size_t k = 0;
	if (v < 0)
		out[k++] = '-';
	if (X >= 0) {
		memcpy(out + k, dig, (size_t)nint);
		k += (size_t)nint;
	} else {
		out[k++] = '0';
	}
	if (nd > nint) {
		out[k++] = '.';
		for (int i = X + 1; i < 0; i++)
			out[k++] = '0';
		memcpy(out + k, dig + nint, (size_t)(nd - nint));
		k += (size_t)(nd - nint);
	}
	return k;
}

#else
static size_t exact_decimal(char *out, double v, int lo)
{
	(void)out, (void)v, (void)lo;
	return 0;
}
#endif

size_t fc_json_num_at(char *out, double v)
{
	if (!isfinite(v)) {
		memcpy(out, "null", 4);
		return 4;
	}
	if (fabs(v) < 1e15 && (double)(int64_t)v == v) { /* whole */
		/* as "%.0f" prints it, "-0" included */
		if (v == 0 && signbit(v)) {
			memcpy(out, "-0", 2);
			return 2;
		}
		return fc_json_int_at(out, (int64_t)v);
	}
	size_t fast = short_decimal(out, v);
	if (fast)
		return fast;
	bool is_short_range = fabs(v) >= 1e-4 && fabs(v) < 1e5;
	/* (short_decimal() said 6 does not read back in its range) */
	fast = exact_decimal(out, v, is_short_range ? 7 : 6);
	if (fast)
		return fast;
	/* the fewest digits from 6 that read back as v: a precision that
	** reads back makes every higher one read back, so search, first at
	** 15 (most numbers that need more than 6 need 16 or 17) */
	/* %.17g needs at most 24 bytes, but the compiler cannot see that
	** the precision stays <= 17: size for any %g of a double */
	char tmp[320];
	int n = 0, lo = 6, hi = 17, got = 0; /* got: precision in tmp */
	if (is_short_range) /* short_decimal() said 6 does not read back */
		lo = 7;
	for (int mid = lo <= 15 ? 15 : hi; lo < hi; mid = (lo + hi) / 2) {
		int k = snprintf(tmp, sizeof(tmp), "%.*g", mid, v);
		if (strtod(tmp, NULL) == v) {
			hi = mid;
			if (k > 0 && k < FC_JSON_NUM_MAX) { /* the best yet */
				memcpy(out, tmp, (size_t)k);
				got = mid;
				n = k;
			}
		} else {
			lo = mid + 1;
		}
	}
	if (got == lo)
		return (size_t)n;
	n = snprintf(tmp, sizeof(tmp), "%.*g", lo, v);
	if (n <= 0 || n >= FC_JSON_NUM_MAX) {
		memcpy(out, "null", 4);
		return 4;
	}
	memcpy(out, tmp, (size_t)n);
	return (size_t)n;
}

void fc_json_num(struct fc_buf *b, double v)
{
	char *o = fc_buf_room(b, FC_JSON_NUM_MAX);
	if (o)
		fc_buf_used(b, fc_json_num_at(o, v));
}

/* ---- The streaming writer (fc_jw) -------------------------------------- */

void fc_jw_init(struct fc_jw *w, struct fc_buf *b, bool is_pretty)
{
	memset(w, 0, sizeof(*w));
	w->b = b;
	w->is_pretty = is_pretty;
}

static void newline(struct fc_jw *w, int depth)
{
	fc_buf_addc(w->b, '\n');
	for (int i = 0; i < depth; i++)
		fc_buf_add(w->b, "  ", 2);
}

/* Separator and indentation before a value or a key. */
static void before_item(struct fc_jw *w)
{
	if (w->is_after_key) {
		w->is_after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (w->has_items[w->depth])
		fc_buf_add(w->b, ", ", w->is_pretty ? 1 : 2);
	w->has_items[w->depth] = true;
	if (w->is_pretty)
		newline(w, w->depth);
}

static void jw_open(struct fc_jw *w, char c)
{
	before_item(w);
	if (w->depth >= FC_JW_MAX_DEPTH) {
		if (!w->b->err)
			w->b->err = FC_ELIMIT;
		return;
	}
	fc_buf_addc(w->b, c);
	w->depth++;
	w->has_items[w->depth] = false;
}

static void jw_close(struct fc_jw *w, char c)
{
	if (w->depth == 0)
		return;
	if (w->is_pretty && w->has_items[w->depth])
		newline(w, w->depth - 1);
	w->depth--;
	fc_buf_addc(w->b, c);
}

void fc_jw_obj(struct fc_jw *w) { jw_open(w, '{'); }
void fc_jw_obj_end(struct fc_jw *w) { jw_close(w, '}'); }
void fc_jw_arr(struct fc_jw *w) { jw_open(w, '['); }
void fc_jw_arr_end(struct fc_jw *w) { jw_close(w, ']'); }

/*
** Room for an item of at most n bytes and its separator, written in one
** go (compact output, not right after a key): the separator is put and
** the item counted as before_item() does. NULL (nothing changed) when
** the caller must take the plain way.
*/
static char *item_room(struct fc_jw *w, size_t n, size_t *used)
{
	if (w->is_pretty || w->is_after_key)
		return NULL;
	char *o = fc_buf_room(w->b, n + 2);
	if (!o)
		return NULL;
	*used = 0;
	if (w->depth) {
		if (w->has_items[w->depth]) {
			memcpy(o, ", ", 2);
			*used = 2;
		}
		w->has_items[w->depth] = true;
	}
	return o + *used;
}

void fc_jw_key(struct fc_jw *w, const char *key)
{
	size_t n = key ? strlen(key) : 0, sep = 0;
	char *o = key && n < 4096 ? item_room(w, FC_JSON_STRN_MAX(n) + 2, &sep)
				  : NULL;
	if (o) { /* the key and ": " at once */
		size_t k = fc_json_strn_at(o, key, n);
		o[k] = ':';
		o[k + 1] = ' ';
		fc_buf_used(w->b, sep + k + 2);
	} else {
		before_item(w);
		fc_json_str(w->b, key);
		fc_buf_add(w->b, ": ", 2);
	}
	w->is_after_key = true;
}

void fc_jw_str(struct fc_jw *w, const char *s)
{
	size_t n = s ? strlen(s) : 0, sep = 0;
	char *o = s && n < 4096 ? item_room(w, FC_JSON_STRN_MAX(n), &sep) : NULL;
	if (o) {
		fc_buf_used(w->b, sep + fc_json_strn_at(o, s, n));
		return;
	}
	before_item(w);
	fc_json_str(w->b, s);
}

void fc_jw_strn(struct fc_jw *w, const char *s, size_t n)
{
	before_item(w);
	fc_json_strn(w->b, s, n);
}

void fc_jw_num(struct fc_jw *w, double v)
{
	size_t sep = 0;
	char *o = item_room(w, FC_JSON_NUM_MAX, &sep);
	if (o) {
		fc_buf_used(w->b, sep + fc_json_num_at(o, v));
		return;
	}
	before_item(w);
	fc_json_num(w->b, v);
}

void fc_jw_int(struct fc_jw *w, int64_t v)
{
	before_item(w);
	char *o = fc_buf_room(w->b, 24);
	if (o)
		fc_buf_used(w->b, fc_json_int_at(o, v));
}

void fc_jw_bool(struct fc_jw *w, bool v)
{
	before_item(w);
	fc_buf_adds(w->b, v ? "true" : "false");
}

void fc_jw_null(struct fc_jw *w)
{
	before_item(w);
	fc_buf_adds(w->b, "null");
}
