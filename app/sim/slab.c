/*
 * slab: power-of-two chunks in one word array, free lists per size.
 */
#include "sim/slab.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void slab_init(SimSlab *s)
{
    memset(s, 0, sizeof *s);
    s->cap = 1024;
    s->words = xmalloc(s->cap * sizeof *s->words);
    s->len = 2; /* offset 0 means "none" */
}

void slab_fini(SimSlab *s)
{
    free(s->words);
    memset(s, 0, sizeof *s);
}

static unsigned class_of(size_t nwords, uint32_t *capw)
{
    unsigned k = 1;
    while (((size_t)1 << k) < nwords)
        k++;
    *capw = 1u << k;
    return k;
}

uint32_t slab_alloc(SimSlab *s, size_t nwords, uint32_t *capw)
{
    unsigned k = class_of(nwords ? nwords : 1, capw);
    uint32_t h = s->free_head[k];
    if (h) {
        s->free_head[k] = s->words[h];
        return h;
    }
    if (s->len + *capw > s->cap) {
        while (s->len + *capw > s->cap)
            s->cap *= 2;
        s->words = xrealloc(s->words, s->cap * sizeof *s->words);
    }
    h = (uint32_t)s->len;
    s->len += *capw;
    return h;
}

void slab_free(SimSlab *s, uint32_t h, uint32_t capw)
{
    if (!h)
        return;
    uint32_t c;
    unsigned k = class_of(capw, &c);
    s->words[h] = s->free_head[k];
    s->free_head[k] = h;
}

uint32_t slab_resize(SimSlab *s, uint32_t h, uint32_t *capw, size_t nwords, size_t keep)
{
    if (h && nwords <= *capw)
        return h;
    uint32_t ncap;
    uint32_t n = slab_alloc(s, nwords, &ncap);
    if (h) {
        memcpy(s->words + n, s->words + h, keep * sizeof *s->words);
        slab_free(s, h, *capw);
    }
    *capw = ncap;
    return n;
}
