/*
** ytree.c: fuzz target: the decoder of parsed YAML trees in the rules
** cache (src/core/ycache.c), on payloads a forger could write. The bytes
** are a YAML file; a clean parse is serialized (fc_ytree_encode), must
** decode to a tree of the same shape, and then the payload is damaged
** in ways picked from the input's own bytes (a byte changed, the tail
** cut, a count or length field overwritten) and decoded again. The
** decoder must refuse a damaged payload or give a tree a parse could
** make: every node is walked and every scalar's positions asked for
** (fc_ynode_loc_at reads a quoted scalar's raw text). Any result is
** fine; a crash, a read past a buffer, a leak or a hang is not.
*/
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/ycache_p.h"
#include "factcross/fc.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* the parse reads no cache and writes none */
	setenv("FACTCROSS_CACHE", "off", 1);
	return 0;
}

/* Nodes of t, every scalar's positions asked for at each offset. */
static size_t walk(const struct fc_ynode *t)
{
	size_t n = 1;
	if (t->type == FC_Y_SCALAR) {
		unsigned sum = 0; /* (used: the calls are not optimised out) */
		for (size_t off = 0; off <= t->len; off++)
			sum += fc_ynode_loc_at(t, off).col;
		if (t->str[t->len] != '\0' || sum == 1u << 31)
			abort(); /* a value is NUL-terminated */
	}
	for (size_t i = 0; i < t->nkids; i++)
		n += walk(t->kids[i]);
	return n;
}

/* Decode p[0, n); walk what it gives. */
static void decode(const uint8_t *p, size_t n)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_ynode *t = NULL;
	bool sk = false;
	if (fc_ytree_decode(&a, "fuzz.yaml", p, n, &t, &sk))
		walk(t);
	fc_arena_finish(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 16384)
		return 0; /* the damage loop below is per byte of payload */
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_ynode *root = NULL;
	fc_status rc = fc_yaml_load(&a, "fuzz.yaml", (const char *)data, size,
				    &root, &d);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	if (rc == FC_OK && root && fc_ytree_encode(&b, root, false)) {
		/* the tree as it was parsed comes back whole */
		struct fc_arena a2;
		fc_arena_init(&a2);
		struct fc_ynode *t = NULL;
		bool sk = true;
		if (!fc_ytree_decode(&a2, "fuzz.yaml", b.p, b.len, &t, &sk) ||
		    sk || walk(t) != walk(root))
			abort();
		fc_arena_finish(&a2);
		/* damage picked from the input's bytes */
		uint8_t *w = malloc(b.len ? b.len : 1);
		if (!w)
			abort();
		for (size_t k = 0; k < 32 && k < size && b.len; k++) {
			memcpy(w, b.p, b.len);
			size_t at = (data[k] * 131u + k * 977u) % b.len;
			switch (k % 4) {
			case 0: /* one byte */
				w[at] ^= (uint8_t)(data[size - 1 - k] | 1);
				decode(w, b.len);
				break;
			case 1: /* the tail cut */
				decode(w, at);
				break;
			case 2: /* a 32-bit field large */
				if (at + 4 <= b.len) {
					memset(w + at, 0xFF, 4);
					decode(w, b.len);
				}
				break;
			default: /* a 32-bit field small */
				if (at + 4 <= b.len) {
					uint32_t v = data[k];
					memcpy(w + at, &v, 4);
					decode(w, b.len);
				}
				break;
			}
		}
		free(w);
	}
	fc_buf_finish(&b);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	return 0;
}
