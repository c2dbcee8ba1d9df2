/*
 * array: array.array's object — a GC object of 64 bytes (80 with its GC
 * header on 3.11-3.13) holding no references, tracked, with its items in
 * one PyMem block of `allocated * itemsize` bytes that array_resize grows
 * as Modules/arraymodule.c does. sub: the typecode; cap: allocated; len:
 * the items; the model's copy of the items lives in the slab.
 */
#include "sim/internal.h"

#include <string.h>

unsigned sim_array_itemsize(char typecode)
{
    switch (typecode) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

/* the slab words for n items (at least one word) */
static size_t words_for(const SimObj *o, size_t n) { return (n * sim_array_itemsize((char)o->sub) + 3) / 4 + 1; }

SimId sim_array(Sim *s, char typecode, size_t n)
{
    unsigned isz = sim_array_itemsize(typecode);
    if (!sim__len_fits(s, n) || !sim_mem_room(s, 80 + (uint64_t)n * isz, (n * isz + 3) / 4 + 1))
        return sim__refused_record(s, SK_ARRAY);
    SimId id = sim__new_obj(s, SK_ARRAY, 80, NULL, true);
    SimObj *o = &s->obj[id];
    o->sub = (uint8_t)typecode;
    uint32_t cap = 0;
    o->data = slab_alloc(&s->slab, (n * isz + 3) / 4 + 1, &cap);
    o->datacap = cap;
    if (!o->data) {
        sim_set_nomem(s);
    } else {
        memset(slab_ptr(&s->slab, o->data), 0, cap * sizeof(uint32_t));
        o->len = o->cap = (uint32_t)n;
        o->mem2 = n ? pm_alloc(&s->pm, n * isz) : PM_NULL; /* newarrayobject: exactly */
    }
    sim_track(s, id);
    return id;
}

void sim_array_resize(Sim *s, SimId id, size_t n)
{
    SimObj *o = &s->obj[id];
    if (o->cap >= n && o->len < n + 16 && o->mem2 != PM_NULL) {
        o->len = (uint32_t)n; /* room enough, and not shrinking by 16 or more */
        return;
    }
    if (n == 0) {
        pm_free(&s->pm, o->mem2);
        o->mem2 = PM_NULL;
        o->len = o->cap = 0;
        return;
    }
    size_t alloc = (n >> 4) + (o->len < 8 ? 3 : 7) + n;
    unsigned isz = sim_array_itemsize((char)o->sub);
    if (!sim__len_fits(s, alloc) ||
        !sim_mem_room(s, alloc > o->cap ? (uint64_t)(alloc - o->cap) * isz : 0, words_for(o, alloc)))
        return;
    uint32_t cap = o->datacap;
    uint32_t data = slab_resize(&s->slab, o->data, &cap, words_for(o, alloc), o->datacap);
    if (!data) {
        sim_set_nomem(s);
        return;
    }
    o->data = data;
    o->datacap = cap;
    PmPtr m = pm_realloc(&s->pm, o->mem2, alloc * isz);
    if (m == PM_NULL)
        return;
    o->mem2 = m;
    o->cap = (uint32_t)alloc;
    o->len = (uint32_t)n;
}

SimId sim_array_get(Sim *s, SimId a, size_t i)
{
    const uint8_t *p = (const uint8_t *)slab_ptr(&s->slab, s->obj[a].data);
    switch ((char)s->obj[a].sub) {
    case 'b': return sim_int(s, ((const int8_t *)p)[i]);
    case 'B': return sim_int(s, p[i]);
    case 'h': { int16_t v; memcpy(&v, p + 2 * i, 2); return sim_int(s, v); }
    case 'H': { uint16_t v; memcpy(&v, p + 2 * i, 2); return sim_int(s, v); }
    case 'i': { int32_t v; memcpy(&v, p + 4 * i, 4); return sim_int(s, v); }
    case 'I': { uint32_t v; memcpy(&v, p + 4 * i, 4); return sim_int(s, v); }
    case 'f': { float v; memcpy(&v, p + 4 * i, 4); return sim_float(s, (double)v); }
    case 'd': { double v; memcpy(&v, p + 8 * i, 8); return sim_float(s, v); }
    default: { int64_t v; memcpy(&v, p + 8 * i, 8); return sim_int(s, v); } /* l L q Q: stored only up to 2**63 - 1 */
    }
}
