/*
** cache.c: the cache folder, its files and their keys (the header
** cache_p.h says what is kept and what is trusted).
**
** A file: the header below, then the payload. It is read whole with one
** read, and its payload handed out only when the file's size is the
** header's plus the payload's length, the key is the caller's and the
** checksum (a second hash with another seed) is the payload's.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "core/cache_p.h"
#include "factcross/fc.h"

#define MAGIC "FCCACHE\n"
#define SUM_SEED 0x5EEDC0DE5EEDC0DEull

struct header {
	char magic[8];
	uint32_t format;
	uint32_t size; /* of this header */
	uint64_t key[2];
	uint64_t len;  /* of the payload after it */
	uint64_t sum[2];
};

/* ---- The hash ------------------------------------------------------------ */

/*
** Two 64-bit lanes read the bytes 16 at a time, the last 16 padded with
** zeros: lane a XORs in the first word (8 bytes), lane b adds the
** second. Each then multiplies by an odd constant of its own (2^64 /
** golden ratio, and the first constant of splitmix64's finalizer) and
** rotates, so that the high bits of a product reach the low bits of the
** next. Each step is one-to-one in its lane, so two inputs that differ
** in one word differ in that word's lane. At the end the lanes are
** crossed (one-to-one too) with the length, and each is finished with
** splitmix64's finalizer (Steele, Lea and Flood), after which every
** input bit reaches every output bit. A word in one lane only (each word
** used to go into both) halves the instructions a byte: the checksums of
** the cache files a warm start reads (about 6 MB) were a tenth of its
** start-up. Not a cryptographic hash: it tells a stale or damaged file
** from a good one, not a forged one (cache_p.h).
*/
#define LANE_A_MUL 0x9E3779B97F4A7C15ull
#define LANE_B_MUL 0xBF58476D1CE4E5B9ull
#define LANE_BASE 0xCBF29CE484222325ull /* FNV-1a's 64-bit offset basis */

static inline uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* splitmix64's finalizer: one-to-one, every bit reaches every bit. */
static inline uint64_t finalize(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

void fc_cache_hash(const void *p, size_t n, uint64_t seed,
		     uint64_t out[2])
{
	const unsigned char *s = p;
	uint64_t a = LANE_BASE ^ seed, b = LANE_BASE ^ rotl(~seed, 32);
	size_t i = 0;
	for (; n - i >= 16; i += 16) {
		uint64_t w[2];
		memcpy(w, s + i, 16);
		a = rotl((a ^ w[0]) * LANE_A_MUL, 29);
		b = rotl((b + w[1]) * LANE_B_MUL, 35);
	}
	if (i < n) {
		uint64_t w[2] = {0, 0};
		memcpy(w, s + i, n - i);
		a = rotl((a ^ w[0]) * LANE_A_MUL, 29);
		b = rotl((b + w[1]) * LANE_B_MUL, 35);
	}
	uint64_t c = a ^ rotl(b, 17);
	uint64_t d = b + c;
	out[0] = finalize(c ^ (uint64_t)n);
	out[1] = finalize(d + (uint64_t)n);
}

/* ---- The folder ----------------------------------------------------------- */

/* Make path's missing folders (0700) from byte `from` on (what comes
** before must be there: a cache does not make a home); true when path
** is a folder. */
static bool make_dirs(char *path, size_t from)
{
	struct stat st;
	if (!stat(path, &st))
		return S_ISDIR(st.st_mode);
	for (char *s = path + from; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		bool ok = !mkdir(path, 0700) || errno == EEXIST;
		*s = '/';
		if (!ok)
			return false;
	}
	if (mkdir(path, 0700) && errno != EEXIST)
		return false;
	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

char *fc_cache_dir(void)
{
	const char *env = getenv("FACTCROSS_CACHE");
	const char *base = NULL, *tail = NULL;
	bool is_home = false;
	if (env && *env) {
		if (!strcmp(env, "off"))
			return NULL;
		base = env, tail = "";
	} else if ((env = getenv("XDG_CACHE_HOME")) && *env == '/') {
		base = env, tail = "/factcross";
	} else if ((env = getenv("HOME")) && *env == '/') {
		base = env, tail = "/.cache/factcross", is_home = true;
	} else {
		return NULL;
	}
	size_t nb = strlen(base), nt = strlen(tail);
	while (nb > 1 && base[nb - 1] == '/')
		nb--;
	char *dir = malloc(nb + nt + 1);
	if (!dir)
		return NULL;
	memcpy(dir, base, nb);
	memcpy(dir + nb, tail, nt + 1);
	/* what may be made: .cache/factcross in $HOME (a cache does not
	** make a home), $XDG_CACHE_HOME and its factcross, the folder
	** $FACTCROSS_CACHE names; not the folders above them */
	size_t from = nb + nt < nb + 1 ? nb + nt : nb + 1;
	if (!is_home)
		while (from > 1 && dir[from - 2] != '/')
			from--;
	/* the user's own folder, that no one else may write into: what is
	** read from it runs as the user's compiled rules */
	struct stat st;
	if (!make_dirs(dir, from) || stat(dir, &st) ||
	    st.st_uid != geteuid() || (st.st_mode & 022)) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* ---- The key's base --------------------------------------------------- */

struct build_id {
	uintptr_t addr; /* of this code */
	const unsigned char *id;
	size_t len;
};

/* dl_iterate_phdr's callback: the GNU build id of the object that holds
** b->addr; 1 (stop) once that object is seen. */
static int find_build_id(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	struct build_id *b = arg;
	bool is_ours = false;
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type == PT_LOAD && b->addr >= lo &&
		    b->addr - lo < ph->p_memsz)
			is_ours = true;
	}
	if (!is_ours)
		return 0;
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_NOTE)
			continue;
		size_t align = ph->p_align == 8 ? 8 : 4;
		const unsigned char *s =
			(const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
		size_t off = 0, n = ph->p_memsz;
		/* off <= n first: a note's padded end (next) may pass n,
		** and n - off would wrap */
		while (off <= n && n - off >= sizeof(ElfW(Nhdr))) {
			ElfW(Nhdr) nh;
			memcpy(&nh, s + off, sizeof(nh));
			size_t name = off + sizeof(nh);
			size_t desc = name + ((nh.n_namesz + align - 1) &
					      ~(align - 1));
			size_t next = desc + ((nh.n_descsz + align - 1) &
					      ~(align - 1));
			if (desc > n || nh.n_descsz > n - desc)
				break;
			if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
			    !memcmp(s + name, "GNU", 4)) {
				b->id = s + desc;
				b->len = nh.n_descsz;
				return 1;
			}
			off = next;
		}
	}
	return 1;
}

bool fc_cache_key_base(struct fc_buf *b)
{
	struct build_id bid = {.addr = (uintptr_t)(void *)fc_cache_key_base};
	dl_iterate_phdr(find_build_id, &bid);
	if (!bid.id || !bid.len)
		return false;
	char ver[64] = "";
	pcre2_config(PCRE2_CONFIG_VERSION, ver);
	uint32_t conf[3] = {0};
	pcre2_config(PCRE2_CONFIG_LINKSIZE, &conf[0]);
	pcre2_config(PCRE2_CONFIG_NEWLINE, &conf[1]);
	pcre2_config(PCRE2_CONFIG_BSR, &conf[2]);
	fc_buf_printf(b, "factcross cache %d\n%s\npcre2 %s %u %u %u\n",
		      FC_CACHE_FORMAT, FC_VERSION, ver, conf[0], conf[1],
		      conf[2]);
	fc_buf_add(b, &bid.len, sizeof(bid.len));
	fc_buf_add(b, bid.id, bid.len);
	return !b->err;
}

/* ---- Reading ------------------------------------------------------------ */

/* dir/name, or NULL (a name with '/' is refused). */
static char *path_of(const char *dir, const char *name, const char *pre)
{
	if (strchr(name, '/'))
		return NULL;
	size_t nd = strlen(dir), np = strlen(pre), nn = strlen(name);
	char *p = malloc(nd + 1 + np + nn + 1);
	if (!p)
		return NULL;
	memcpy(p, dir, nd);
	p[nd] = '/';
	memcpy(p + nd + 1, pre, np);
	memcpy(p + nd + 1 + np, name, nn + 1);
	return p;
}

/* n bytes of fd into p; false on an error or a short file. */
static bool read_all(int fd, void *p, size_t n)
{
	unsigned char *s = p;
	while (n) {
		ssize_t k = read(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false; /* shrunk under us: not the file we sized */
		s += k, n -= (size_t)k;
	}
	return true;
}

/*
** The header, then the payload straight into its own buffer: read
** whole and moved down over the header, a warm start copied its 6 MB of
** payloads once more (3 M instructions).
*/
void *fc_cache_read(const char *dir, const char *name,
		      const uint64_t key[2], size_t *len)
{
	char *path = path_of(dir, name, "");
	if (!path)
		return NULL;
	unsigned char *buf = NULL;
	/* O_NONBLOCK: a FIFO of that name would make open wait for a
	** writer (S_ISREG refuses it; on a regular file it changes
	** nothing) */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || st.st_size < (off_t)sizeof(struct header) ||
	    (uint64_t)st.st_size > FC_CACHE_MAX)
		goto fail;
	size_t size = (size_t)st.st_size;
	struct header h;
	if (!read_all(fd, &h, sizeof(h)) || memcmp(h.magic, MAGIC, 8) ||
	    h.format != FC_CACHE_FORMAT || h.size != sizeof(h) ||
	    h.key[0] != key[0] || h.key[1] != key[1] ||
	    h.len != size - sizeof(h))
		goto fail;
	buf = malloc(h.len ? h.len : 1);
	if (!buf || !read_all(fd, buf, h.len))
		goto fail;
	uint64_t sum[2];
	fc_cache_hash(buf, h.len, SUM_SEED, sum);
	if (sum[0] != h.sum[0] || sum[1] != h.sum[1])
		goto fail;
	/* the last-used order of the eviction (fc_cache_write) */
	(void)futimens(fd, NULL);
	close(fd);
	free(path);
	*len = h.len;
	return buf;
fail:
	if (fd >= 0)
		close(fd);
	free(buf);
	free(path);
	return NULL;
}

/* ---- Writing -------------------------------------------------------------- */

static bool write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	while (n) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		s += k, n -= (size_t)k;
	}
	return true;
}

struct entry {
	char *name;
	struct timespec t;
};

static int by_time(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->t.tv_sec != y->t.tv_sec)
		return x->t.tv_sec < y->t.tv_sec ? -1 : 1;
	if (x->t.tv_nsec != y->t.tv_nsec)
		return x->t.tv_nsec < y->t.tv_nsec ? -1 : 1;
	return 0;
}

/* Add name (with time t) to v[0, *n); false when out of memory. */
static bool push_entry(struct entry **v, size_t *n, size_t *cap,
		       const char *name, struct timespec t)
{
	if (*n == *cap) {
		size_t ncap = *cap ? 2 * *cap : 16;
		struct entry *g = realloc(*v, ncap * sizeof(**v));
		if (!g)
			return false;
		*v = g, *cap = ncap;
	}
	(*v)[*n].name = strdup(name);
	(*v)[*n].t = t;
	if (!(*v)[*n].name)
		return false;
	(*n)++;
	return true;
}

/* Remove v[0, n)'s entries beyond the keep used last (all those older
** than an hour when is_aged), then free v. */
static void drop_oldest(int dfd, struct entry *v, size_t n, size_t keep,
			bool is_aged, time_t now)
{
	if (n > 1)
		qsort(v, n, sizeof(*v), by_time);
	for (size_t i = 0; i < n; i++)
		if (i + keep < n || (is_aged && now - v[i].t.tv_sec > 3600))
			(void)unlinkat(dfd, v[i].name, 0);
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/*
** Remove the files of dir named prefix* beyond the keep used last, and
** temporary files (".prefix*") that killed writers left: an hour old or
** more, or beyond the keep newest (a writer being
** killed again and again must not fill the folder within the hour; a
** live writer whose file goes only fails its rename, and skips its
** write).
*/
static void evict(const char *dir, const char *prefix, size_t keep)
{
	DIR *dd = opendir(dir);
	if (!dd)
		return;
	int dfd = dirfd(dd);
	size_t np = strlen(prefix), n = 0, cap = 0, nt = 0, capt = 0;
	struct entry *v = NULL, *tv = NULL;
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	struct dirent *de;
	while ((de = readdir(dd))) {
		const char *nm = de->d_name;
		bool is_tmp = nm[0] == '.' && !strncmp(nm + 1, prefix, np);
		struct stat st;
		if ((!is_tmp && strncmp(nm, prefix, np)) ||
		    fstatat(dfd, nm, &st, AT_SYMLINK_NOFOLLOW) ||
		    !S_ISREG(st.st_mode))
			continue;
		if (is_tmp ? !push_entry(&tv, &nt, &capt, nm, st.st_mtim)
			   : !push_entry(&v, &n, &cap, nm, st.st_mtim))
			break;
	}
	drop_oldest(dfd, tv, nt, keep, true, now.tv_sec);
	drop_oldest(dfd, v, n, keep, false, now.tv_sec);
	closedir(dd);
}

bool fc_cache_write(const char *dir, const char *name,
		      const uint64_t key[2], const void *p, size_t len)
{
	return fc_cache_write_keep(dir, name, key, p, len, FC_CACHE_KEEP);
}

bool fc_cache_write_keep(const char *dir, const char *name,
			 const uint64_t key[2], const void *p, size_t len,
			 size_t keep)
{
	const char *dash = strchr(name, '-');
	size_t np = dash ? (size_t)(dash - name) + 1 : strlen(name);
	char prefix[64];
	if (np >= sizeof(prefix) || len > FC_CACHE_MAX - sizeof(struct header))
		return false;
	memcpy(prefix, name, np);
	prefix[np] = '\0';
	char *path = path_of(dir, name, "");
	char *tmp = path_of(dir, name, ".");
	char *tpl = tmp ? malloc(strlen(tmp) + 8) : NULL;
	int fd = -1;
	bool ok = false;
	if (!path || !tpl)
		goto done;
	strcpy(tpl, tmp);
	strcat(tpl, ".XXXXXX");
	fd = mkostemp(tpl, O_CLOEXEC);
	if (fd < 0)
		goto done;
	struct header h = {.format = FC_CACHE_FORMAT,
			   .size = sizeof(h),
			   .key = {key[0], key[1]},
			   .len = len};
	memcpy(h.magic, MAGIC, 8);
	fc_cache_hash(p, len, SUM_SEED, h.sum);
	ok = write_all(fd, &h, sizeof(h)) && write_all(fd, p, len);
	ok = !close(fd) && ok;
	fd = -1;
	ok = ok && !rename(tpl, path);
	if (!ok)
		(void)unlink(tpl);
	else
		evict(dir, prefix, keep);
done:
	free(tpl);
	free(tmp);
	free(path);
	return ok;
}

/* ---- Payloads ------------------------------------------------------------- */

void fc_cache_put_u64(struct fc_buf *b, uint64_t v)
{
	fc_buf_add(b, &v, sizeof(v));
}

void fc_cache_put_data(struct fc_buf *b, const void *p, size_t n,
		       uint64_t seed)
{
	uint64_t h[2];
	fc_cache_hash(p, n, seed, h);
	fc_cache_put_u64(b, n);
	fc_cache_put_u64(b, h[0]);
	fc_cache_put_u64(b, h[1]);
}

bool fc_cache_key_end(struct fc_buf *b, bool ok, uint64_t key[2])
{
	ok = ok && !b->err;
	if (ok)
		fc_cache_hash(b->p, b->len, 0, key);
	fc_buf_finish(b);
	return ok;
}

uint64_t fc_cache_get_u64(struct fc_cache_reader *r)
{
	uint64_t v = 0;
	const uint8_t *s = fc_cache_take(r, sizeof(v));
	if (s)
		memcpy(&v, s, sizeof(v));
	return v;
}

/* pcre2_serialize_encode's layout (pcre2_serialize.c, 10.3x/10.4x): a
** 16-byte header, the character tables once, then each code's
** `blocksize` bytes; blocksize, a PCRE2_SIZE, is the field after the
** code's memctl (3 pointers), tables, executable_jit and 32-byte start
** bitmap. */
#define SER_HEADER 16
#define SER_TABLES 1088
#define CODE_BLOCKSIZE_AT (5 * sizeof(void *) + 32)

bool fc_cache_ser_ok(const uint8_t *ser, size_t len, const uint64_t *size,
		     size_t np)
{
	if (len < SER_HEADER + SER_TABLES)
		return false;
	size_t off = SER_HEADER + SER_TABLES;
	for (size_t i = 0; i < np; i++) {
		PCRE2_SIZE bs;
		if (len - off < CODE_BLOCKSIZE_AT + sizeof(bs))
			return false;
		memcpy(&bs, ser + off + CODE_BLOCKSIZE_AT, sizeof(bs));
		if (bs != size[i] || bs < CODE_BLOCKSIZE_AT + sizeof(bs) ||
		    bs > len - off)
			return false;
		off += bs;
	}
	return off == len;
}
