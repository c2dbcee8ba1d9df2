/*
 * slab: power-of-two chunks in one word array, free lists per size.
 */
#include "sim/slab.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/check.h"

#define SLAB_HANDLE_END ((size_t)UINT32_MAX) /* handles are 32-bit */

void slab_init(SimSlab *s)
{
    memset(s, 0, sizeof *s);
    s->cap = 1024;
    s->words = xmalloc(s->cap * sizeof *s->words);
    s->len = 2; /* offset 0 means "none" */
    s->limit_words = SLAB_HANDLE_END;
}

void slab_fini(SimSlab *s)
{
    free(s->words);
    memset(s, 0, sizeof *s);
}

/* The class of a chunk of nwords (1 <= nwords <= SLAB_MAX_WORDS). */
static unsigned class_of(size_t nwords)
{
    /* the smallest k >= 1 with 2^k >= nwords: the bit length of nwords - 1 */
#if defined(__GNUC__)
    unsigned k = nwords <= 2 ? 1 : (unsigned)(64 - __builtin_clzll((unsigned long long)(nwords - 1)));
#else
    unsigned k = 1;
    while (((size_t)1 << k) < nwords)
        k++;
#endif
    SIM_ASSERT(k < SLAB_NCLASSES); /* free_head has a list per class, no more */
    return k;
}

/* Small chunks (an object's fixed fields) are always given while a handle
 * can address them, so no object is ever left half made; the limit stops
 * the large ones, which are what a runaway program asks for. */
#define SLAB_SMALL 64u

static size_t end_limit(const SimSlab *s, size_t nwords)
{
    if (nwords <= SLAB_SMALL)
        return SLAB_HANDLE_END;
    return s->limit_words < SLAB_HANDLE_END ? s->limit_words : SLAB_HANDLE_END;
}

bool slab_fits(const SimSlab *s, size_t nwords)
{
    if (nwords > SLAB_MAX_WORDS)
        return false;
    unsigned k = class_of(nwords ? nwords : 1);
    size_t end = end_limit(s, nwords);
    return s->free_head[k] || (s->len <= end && ((size_t)1 << k) <= end - s->len);
}

/* Room for `need` more words: double, or grow just enough when doubling is
 * refused by the limit or the host. */
static bool grow(SimSlab *s, size_t need)
{
    size_t want = s->len + need;
    if (want <= s->cap)
        return true;
    size_t cap = s->cap;
    while (cap < want)
        cap *= 2;
    if (cap > end_limit(s, need))
        cap = end_limit(s, need) > want ? end_limit(s, need) : want;
    uint32_t *w = realloc(s->words, cap * sizeof *w);
    if (!w && cap > want) {
        cap = want;
        w = realloc(s->words, cap * sizeof *w);
    }
    if (!w)
        return false;
    s->words = w;
    s->cap = cap;
    return true;
}

/* The array moved to a fresh block (the old one freed), as growth may move it */
static void move_words(SimSlab *s)
{
    uint32_t *w = xmalloc(s->cap * sizeof *w);
    memcpy(w, s->words, s->len * sizeof *w);
    free(s->words);
    s->words = w;
}

uint32_t slab_alloc(SimSlab *s, size_t nwords, uint32_t *capw)
{
    *capw = 0;
    if (s->always_move)
        move_words(s);
    if (nwords > SLAB_MAX_WORDS)
        return 0;
    unsigned k = class_of(nwords ? nwords : 1);
    size_t size = (size_t)1 << k;
    uint32_t h = s->free_head[k];
    if (h) { /* a freed chunk always fits */
        s->free_head[k] = s->words[h];
        *capw = (uint32_t)size;
        return h;
    }
    if (!slab_fits(s, nwords))
        return 0;
    if (!grow(s, size))
        return 0;
    h = (uint32_t)s->len;
    s->len += size;
    *capw = (uint32_t)size;
    return h;
}

void slab_free(SimSlab *s, uint32_t h, uint32_t capw)
{
    if (!h)
        return;
    SIM_ASSERT(h >= 2 && (size_t)h + capw <= s->len && (capw & (capw - 1)) == 0);
    unsigned k = class_of(capw);
    s->words[h] = s->free_head[k];
    s->free_head[k] = h;
}

uint32_t slab_resize(SimSlab *s, uint32_t h, uint32_t *capw, size_t nwords, size_t keep)
{
    if (h && nwords <= *capw)
        return h;
    uint32_t ncap;
    uint32_t n = slab_alloc(s, nwords, &ncap);
    if (!n)
        return 0;
    if (h) {
        memcpy(s->words + n, s->words + h, keep * sizeof *s->words);
        slab_free(s, h, *capw);
    }
    *capw = ncap;
    return n;
}
