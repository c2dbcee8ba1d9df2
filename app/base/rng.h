/*
 * rng: the seeded generator every model draws from (splitmix64, Steele,
 * Lea and Flood, "Fast splittable pseudorandom number generators", 2014).
 * The state is one uint64_t the caller owns and seeds, so a run is the same
 * on every laptop for the same seed and two models never share a stream.
 */
#ifndef PYDIVE_BASE_RNG_H
#define PYDIVE_BASE_RNG_H

#include <stdint.h>

/* Advances *state and returns the next 64 random bits. */
uint64_t rng_next(uint64_t *state);
/* A uniform double in [0, 1) with 53 random bits. */
double rng_unit(uint64_t *state);

#endif
