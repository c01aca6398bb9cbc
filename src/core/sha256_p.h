/*
** sha256_p.h: internal entry to SHA-256 (sha256.c) that picks the
** implementation, so tests reach the portable path and the x86-64 SHA
** extensions path on the same machine and compare them.
*/
#ifndef FC_SHA256_P_H
#define FC_SHA256_P_H

#include <stdbool.h>
#include <stddef.h>

enum fc_sha256_impl {
	FC_SHA256_BEST,     /* what fc_sha256_hex uses: the fastest available */
	FC_SHA256_PORTABLE, /* plain C, every CPU */
	FC_SHA256_SHANI,    /* x86-64 SHA extensions (sha256rnds2 ...) */
};

/* True when this build and this CPU can run FC_SHA256_SHANI. */
bool fc_sha256_has_shani(void);

/* fc_sha256_hex through one implementation: writes 64 lowercase hex
** digits and a NUL to out. Returns false (out untouched) when that
** implementation is not available here. data is borrowed, any alignment. */
bool fc_sha256_hex_impl(enum fc_sha256_impl impl, const void *data,
			size_t len, char out[65]);

#endif
