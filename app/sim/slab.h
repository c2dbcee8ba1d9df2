/*
 * slab: variable-length payloads of simulated objects (list items, tuple
 * items, dict entries, string bytes) in one growable array of 32-bit words.
 *
 * A chunk holds 2^k words (k >= 1); freed chunks go on a free list per k and
 * are reused first, so a million live objects cost a few large arrays, never
 * a malloc each.  Handles are word offsets; 0 is "no chunk".
 */
#ifndef PYDIVE_SIM_SLAB_H
#define PYDIVE_SIM_SLAB_H

#include <stddef.h>
#include <stdint.h>

#define SLAB_NCLASSES 32

typedef struct SimSlab {
    uint32_t *words;
    size_t len, cap;
    uint32_t free_head[SLAB_NCLASSES];
} SimSlab;

void slab_init(SimSlab *s);
void slab_fini(SimSlab *s);
/* A chunk of at least `nwords` words (contents undefined); *capw gets the
 * real capacity in words. */
uint32_t slab_alloc(SimSlab *s, size_t nwords, uint32_t *capw);
void slab_free(SimSlab *s, uint32_t h, uint32_t capw);
/* Grows (or keeps) a chunk, preserving the first `keep` words. */
uint32_t slab_resize(SimSlab *s, uint32_t h, uint32_t *capw, size_t nwords, size_t keep);
static inline uint32_t *slab_ptr(const SimSlab *s, uint32_t h) { return s->words + h; }

#endif
