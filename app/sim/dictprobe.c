/*
 * dictprobe: CPython's index of a dict that holds keys a program hashes
 * (userkey.h says when and why).  Objects/dictobject.c: a lookup starts at
 * hash & mask and goes on by i = (i*5 + perturb + 1) & mask with perturb
 * shifted right by 5 each step (PERTURB_SHIFT); an insertion takes the
 * first slot that holds no entry, a dummy included (find_empty_slot); a
 * deletion leaves a dummy; dictresize rebuilds the index from the
 * entries in order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/internal.h"
#include "sim/userkey.h"

enum { IX_EMPTY = -1, IX_DUMMY = -2 };

typedef struct Probe {
    uint32_t log2;
    int32_t ix[];
} Probe;

static Probe *probe_of(const Sim *s, SimId d)
{
    uint64_t v;
    return sim__uk_get(s, d, SIM_UK_PROBE, &v) ? (Probe *)(uintptr_t)v : NULL;
}

static void place(Probe *p, uint64_t hash, int32_t entry)
{
    size_t mask = ((size_t)1 << p->log2) - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (p->ix[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    p->ix[i] = entry;
}

static void build(Sim *s, SimId d)
{
    Probe *old = probe_of(s, d);
    free(old);
    const SimObj *o = &s->obj[d];
    size_t n = (size_t)1 << o->cap;
    Probe *p = xmalloc(sizeof *p + n * sizeof p->ix[0]);
    p->log2 = o->cap;
    for (size_t i = 0; i < n; i++)
        p->ix[i] = IX_EMPTY;
    const SimId *e = slab_ptr(&s->slab, o->data);
    for (uint32_t i = 0; o->cap && i < o->v.dict.used; i++)
        if (e[2 * i])
            place(p, sim__entry_hash(s, d, e[2 * i]), (int32_t)i);
    sim__uk_put(s, d, SIM_UK_PROBE, (uint64_t)(uintptr_t)p);
}

void sim__probe_added(Sim *s, SimId d, uint32_t n)
{
    Probe *p = probe_of(s, d);
    if (!p || p->log2 != s->obj[d].cap) {
        if (sim__holds_user_keys(s, d))
            build(s, d); /* the new entry with the others */
        return;
    }
    place(p, sim__entry_hash(s, d, slab_ptr(&s->slab, s->obj[d].data)[2 * n]), (int32_t)n);
}

void sim__probe_deleted(Sim *s, SimId d, uint32_t n)
{
    Probe *p = probe_of(s, d);
    if (!p)
        return;
    for (size_t i = 0; i < (size_t)1 << p->log2; i++)
        if (p->ix[i] == (int32_t)n)
            p->ix[i] = IX_DUMMY;
}

void sim__probe_resized(Sim *s, SimId d)
{
    if (probe_of(s, d))
        build(s, d);
}

const int32_t *sim__probe_index(const Sim *s, SimId d)
{
    const Probe *p = probe_of(s, d);
    return p && p->log2 == s->obj[d].cap ? p->ix : NULL;
}

void sim__probe_free(uint64_t handle) { free((void *)(uintptr_t)handle); }
