/*
 * list: list storage with CPython 3.11's over-allocation (list_resize),
 * item order on clear/pop/delete (their iterators are in iter.c).
 */
#include "sim/internal.h"

#include <string.h>

/* Gives the list `alloc` slots (items array and payload) or, when the budget
 * refuses, leaves it as it was and returns false. */
static bool set_allocated(Sim *s, SimId id, size_t alloc)
{
    SimObj *o = &s->obj[id];
    uint64_t grow = alloc > o->cap ? 8 * (uint64_t)(alloc - o->cap) : 0;
    if (!sim__len_fits(s, alloc) || !sim_mem_room(s, grow, alloc > o->datacap ? alloc : 0))
        return false;
    /* the payload first: a bigger chunk than needed is harmless if the
     * items array is then refused */
    uint32_t cap = o->datacap;
    uint32_t data = slab_resize(&s->slab, o->data, &cap, alloc ? alloc : 1, o->len);
    if (!data) {
        sim_set_nomem(s);
        return false;
    }
    o->data = data;
    o->datacap = cap;
    PmPtr m = pm_realloc(&s->pm, o->mem2, alloc * 8);
    if (m == PM_NULL && alloc > 0)
        return false;
    o->mem2 = m;
    for (size_t i = o->len; i < alloc; i++)
        sim_items(s, id)[i] = 0;
    o->cap = (uint32_t)alloc;
    return true;
}

bool sim_list_resize(Sim *s, SimId id, size_t newsize)
{
    SimObj *o = &s->obj[id];
    size_t allocated = o->cap;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        o->len = (uint32_t)newsize;
        return true;
    }
    /* growth pattern 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ... */
    size_t new_alloc = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if ((int64_t)newsize - (int64_t)o->len > (int64_t)new_alloc - (int64_t)newsize)
        new_alloc = (newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_alloc = 0;
    if (!set_allocated(s, id, new_alloc))
        return false;
    s->obj[id].len = (uint32_t)newsize;
    return true;
}

void sim_list_reserve_exact(Sim *s, SimId id, size_t n)
{
    if (n > s->obj[id].cap)
        set_allocated(s, id, n);
}

void sim_list_append(Sim *s, SimId id, SimId item)
{
    size_t n = s->obj[id].len;
    if (!sim_list_resize(s, id, n + 1)) {
        sim_decref(s, item); /* not stored: the stolen reference goes */
        return;
    }
    sim_items(s, id)[n] = item;
}

void sim_list_set(Sim *s, SimId id, size_t i, SimId item)
{
    SIM_ASSERT(s->obj[id].kind == SK_LIST && i < s->obj[id].len);
    SimId old = sim_items(s, id)[i];
    sim_items(s, id)[i] = item;
    sim_xdecref(s, old);
}

void sim_list_insert(Sim *s, SimId id, size_t i, SimId item)
{
    size_t n = s->obj[id].len;
    if (!sim_list_resize(s, id, n + 1)) {
        sim_decref(s, item);
        return;
    }
    SimId *it = sim_items(s, id);
    if (i > n)
        i = n;
    memmove(it + i + 1, it + i, (n - i) * sizeof *it);
    it[i] = item;
}

SimId sim_list_pop(Sim *s, SimId id, size_t i)
{
    size_t n = s->obj[id].len;
    SimId *it = sim_items(s, id);
    SimId v = it[i];
    memmove(it + i, it + i + 1, (n - i - 1) * sizeof *it);
    sim_list_resize(s, id, n - 1);
    return v;
}

void sim_list_del(Sim *s, SimId id, size_t i)
{
    SimId v = sim_list_pop(s, id, i);
    sim_xdecref(s, v);
}

void sim_list_del_item(Sim *s, SimId id, size_t i)
{
    if (s->prof->version < SIM_V313) { /* list_ass_slice: resized, may shrink */
        sim_list_del(s, id, i);
        return;
    }
    /* 3.13's list_ass_item: the items move down, the allocation stays */
    size_t n = s->obj[id].len;
    SimId *it = sim_items(s, id);
    SimId v = it[i];
    memmove(it + i, it + i + 1, (n - i - 1) * sizeof *it);
    s->obj[id].len = (uint32_t)(n - 1);
    sim_xdecref(s, v);
}

void sim_list_clear(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    uint32_t n = o->len;
    PmPtr items = o->mem2;
    uint32_t h = o->data, hc = o->datacap;
    o->mem2 = PM_NULL;
    o->len = o->cap = 0;
    o->data = 0;
    o->datacap = 0;
    for (uint32_t i = n; i-- > 0;) {
        SimId v = slab_ptr(&s->slab, h)[i];
        if (v)
            sim_decref(s, v);
    }
    slab_free(&s->slab, h, hc);
    pm_free(&s->pm, items);
}
