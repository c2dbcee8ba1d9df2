/*
 * slab: variable-length payloads of simulated objects (list items, tuple
 * items, dict entries, string bytes) in one growable array of 32-bit words.
 *
 * A chunk holds 2^k words (1 <= k < SLAB_NCLASSES); freed chunks go on a
 * free list per k and are reused first, so a million live objects cost a
 * few large arrays, never a malloc each.  Handles are 32-bit word offsets;
 * 0 is "no chunk".  The array never grows past `limit_words` (and never past
 * what a 32-bit handle can address): a request that would is refused.
 */
#ifndef PYDIVE_SIM_SLAB_H
#define PYDIVE_SIM_SLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SLAB_NCLASSES 32
/* the largest chunk: 2^31 words; every handle stays below 2^32 */
#define SLAB_MAX_WORDS ((size_t)1 << (SLAB_NCLASSES - 1))

typedef struct SimSlab {
    uint32_t *words;
    size_t len, cap;
    size_t limit_words;   /* host budget of the array, in words */
    uint32_t free_head[SLAB_NCLASSES];
    bool always_move;     /* checks (SIM_CHECKS, PYDIVE_MOVE_MEMORY=1): every allocation moves the
                           * array, so a payload pointer kept across one is caught as a use after free */
} SimSlab;

void slab_init(SimSlab *s);
void slab_fini(SimSlab *s);
/* Would a chunk of `nwords` fit (free list or room to grow)? */
bool slab_fits(const SimSlab *s, size_t nwords);
/* slab_fits for a chunk of at most SLAB_QUICK words, which a handle can
 * always address while the array is below SLAB_QUICK_END words (so the
 * answer is yes): the allocation paths ask it first. */
#define SLAB_QUICK 64u
#define SLAB_QUICK_END ((size_t)UINT32_MAX - 2 * SLAB_QUICK)
static inline bool slab_fits_quick(const SimSlab *s, size_t nwords)
{
    return nwords <= SLAB_QUICK && s->len <= SLAB_QUICK_END;
}
/* A chunk of at least `nwords` words (contents undefined); *capw gets the
 * real capacity in words.  Returns 0 (and leaves *capw 0) when the request
 * is refused: too large, past the limit, or the host has no memory. */
uint32_t slab_alloc(SimSlab *s, size_t nwords, uint32_t *capw);
void slab_free(SimSlab *s, uint32_t h, uint32_t capw);
/* Grows (or keeps) a chunk, preserving the first `keep` words.  On refusal
 * returns 0 and leaves the old chunk and *capw as they were. */
uint32_t slab_resize(SimSlab *s, uint32_t h, uint32_t *capw, size_t nwords, size_t keep);
static inline uint32_t *slab_ptr(const SimSlab *s, uint32_t h) { return s->words + h; }

#endif
