/*
 * forkpages: a forked child's copied pages (forkpages.h): an open-addressed
 * set of the parent's page numbers, each marked once copied.
 */
#include "sim/forkpages.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "sim/brc.h"
#include "sim/internal.h"

#define PAGE_SHIFT 12 /* 4 KiB: Linux's page on x86-64 and arm64's default */

struct SimForkPages {
    uint64_t *slot; /* page number + 1, 0 empty; the top bit: copied */
    size_t cap;     /* a power of two */
    int64_t shared, copied;
};

#define COPIED ((uint64_t)1 << 63)

static size_t hash_page(uint64_t p) { return (size_t)(p * 0x9e3779b97f4a7c15ull >> 17); }

/* the slot of page p (an empty one when absent) */
static uint64_t *find(const SimForkPages *f, uint64_t p)
{
    size_t mask = f->cap - 1;
    for (size_t i = hash_page(p) & mask;; i = (i + 1) & mask)
        if (!f->slot[i] || (f->slot[i] & ~COPIED) == p + 1)
            return &f->slot[i];
}

static uint64_t page_of(const Sim *s, SimId id) { return sim__id_address(s, id) >> PAGE_SHIFT; }

void sim_forkpages_begin(Sim *s)
{
    if (!s->brc)
        s->brc = xcalloc(1, sizeof *s->brc); /* the hook alone: no biased counting (no clock) */
    sim__forkpages_free(s->brc->fork);
    SimForkPages *f = xcalloc(1, sizeof *f);
    size_t n = 1;
    while (n < 2 * (size_t)s->nlive + 16)
        n <<= 1;
    f->cap = n;
    f->slot = xcalloc(n, sizeof *f->slot);
    for (SimId id = 1; id < s->nobj; id++) {
        const SimObj *o = &s->obj[id];
        if (o->kind == SK_FREE || !o->mem)
            continue;
        uint64_t *sl = find(f, page_of(s, id));
        if (!*sl) {
            *sl = page_of(s, id) + 1;
            f->shared++;
        }
    }
    s->brc->fork = f;
}

void sim__forkpages_touch(Sim *s, SimId id)
{
    SimForkPages *f = s->brc->fork;
    if (!s->obj[id].mem)
        return;
    uint64_t *sl = find(f, page_of(s, id));
    if (*sl && !(*sl & COPIED)) {
        *sl |= COPIED;
        f->copied++;
    }
}

void sim_forkpages_counts(const Sim *s, int64_t *shared, int64_t *copied)
{
    const SimForkPages *f = s->brc ? s->brc->fork : NULL;
    *shared = f ? f->shared : 0;
    *copied = f ? f->copied : 0;
}

void sim__forkpages_free(SimForkPages *f)
{
    if (!f)
        return;
    free(f->slot);
    free(f);
}
