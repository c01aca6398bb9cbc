/*
** speed_rnd.h: the fixed-seed xorshift64 the generated-input tests of
** the fast paths draw from (the same inputs on every run).
*/
#ifndef SPEED_RND_H
#define SPEED_RND_H

#include <stdint.h>

static uint64_t rnd_state = 0x9E3779B97F4A7C15ull;

static inline uint64_t rnd(void)
{
	uint64_t x = rnd_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rnd_state = x;
}

#endif
