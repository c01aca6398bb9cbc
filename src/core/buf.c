/*
** buf.c: growable buffers with a hard maximum and a sticky error, and
** whole-file reading and atomic writing.
*/
#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"

#define BUF_DEFAULT_MAX ((size_t)1 << 30)

void fc_buf_init(struct fc_buf *b, size_t max)
{
	b->p = NULL;
	b->len = b->cap = 0;
	b->max = max ? max : BUF_DEFAULT_MAX;
	b->err = FC_OK;
}

void fc_buf_finish(struct fc_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void fc_buf_reset(struct fc_buf *b)
{
	b->len = 0;
	b->err = FC_OK;
}

static int reserve(struct fc_buf *b, size_t n)
{
	if (b->err)
		return 0;
	if (n > b->max - b->len) {
		b->err = FC_ELIMIT;
		return 0;
	}
	if (b->len + n + 1 <= b->cap)
		return 1;
	size_t ncap = b->cap ? b->cap : 256;
	while (ncap < b->len + n + 1)
		ncap *= 2;
	char *p = realloc(b->p, ncap);
	if (!p) {
		b->err = FC_ENOMEM;
		return 0;
	}
	b->p = p;
	b->cap = ncap;
	return 1;
}

/* Is there room for n more bytes (within the maximum)? */
static bool fits(const struct fc_buf *b, size_t n)
{
	return !b->err && n <= b->max - b->len && b->len + n + 1 <= b->cap;
}

void fc_buf_add(struct fc_buf *b, const void *p, size_t n)
{
	if (!fits(b, n) && !reserve(b, n))
		return;
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void fc_buf_add_buf(struct fc_buf *b, struct fc_buf *from)
{
	if (b->len || b->err || from->len > b->max) {
		fc_buf_add(b, from->p, from->len);
		fc_buf_reset(from);
		return;
	}
	/* b is empty: the two exchange their memory (megabytes of lines
	** are not copied), and from keeps b's for its next contents */
	char *p = b->p;
	size_t cap = b->cap;
	b->p = from->p;
	b->cap = from->cap;
	b->len = from->len;
	from->p = p;
	from->cap = cap;
	fc_buf_reset(from);
}

char *fc_buf_room(struct fc_buf *b, size_t n)
{
	if (!fits(b, n) && !reserve(b, n))
		return NULL;
	return b->p + b->len;
}

void fc_buf_used(struct fc_buf *b, size_t n)
{
	if (!fits(b, n))
		return;
	b->len += n;
	b->p[b->len] = '\0';
}

void fc_buf_adds(struct fc_buf *b, const char *s)
{
	fc_buf_add(b, s, strlen(s));
}

void fc_buf_addc(struct fc_buf *b, char c)
{
	if (!fits(b, 1) && !reserve(b, 1))
		return;
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

void fc_buf_printf(struct fc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->err = b->err ? b->err : FC_EIO;
		return;
	}
	if (!reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *fc_buf_cstr(struct fc_buf *b)
{
	return b->p ? b->p : "";
}

char *fc_buf_steal(struct fc_buf *b, size_t *len)
{
	char *p = b->p;
	if (!p) {
		p = calloc(1, 1);
	}
	if (len)
		*len = b->len;
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

fc_status fc_file_read(const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return FC_EIO;
	struct fc_buf b;
	fc_buf_init(&b, max);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		fc_buf_add(&b, chunk, n);
		if (b.err)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (b.err || bad) {
		fc_status st = b.err ? b.err : FC_EIO;
		fc_buf_finish(&b);
		return st;
	}
	*out = fc_buf_steal(&b, len);
	return *out ? FC_OK : FC_ENOMEM;
}

/* Write data to an open stream and close it; false on any error. */
static bool write_all(FILE *f, const char *data, size_t len)
{
	bool ok = fwrite(data, 1, len, f) == len;
	return (fclose(f) == 0) && ok;
}

fc_status fc_file_write(const char *path, const char *data, size_t len)
{
	/* Not a plain file (a device such as /dev/null, a FIFO, a link):
	** write into it; renaming over it would replace it. */
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		FILE *f = fopen(path, "wb");
		if (!f)
			return FC_EIO;
		return write_all(f, data, len) ? FC_OK : FC_EIO;
	}
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	if (!tmp)
		return FC_ENOMEM;
	snprintf(tmp, plen + 16, "%s.tmp%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		free(tmp);
		return FC_EIO;
	}
	if (!write_all(f, data, len) || rename(tmp, path) != 0) {
		unlink(tmp);
		free(tmp);
		return FC_EIO;
	}
	free(tmp);
	return FC_OK;
}
