/*
 * list: list storage with CPython 3.11's over-allocation (list_resize),
 * item order on clear/pop/delete, and iterators over the built-in
 * containers.
 */
#include "sim/sim.h"

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
        s->nomem = true;
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

/* ---- iterators ------------------------------------------------------- */

SimId sim_iter(Sim *s, SimId over)
{
    SimObj *o = &s->obj[over];
    int kind;
    size_t size = 48;
    bool gc = true;
    switch ((SimKind)o->kind) {
    case SK_LIST: kind = SIM_IT_LIST; break;
    case SK_TUPLE: kind = SIM_IT_TUPLE; break;
    case SK_STR: kind = SIM_IT_STR; break;
    case SK_BYTES: case SK_BYTEARRAY: kind = SIM_IT_BYTES; break;
    case SK_DICT: kind = SIM_IT_DICT; size = 72; break;
    case SK_DICTVIEW: kind = SIM_IT_DICT; size = 72; break;
    case SK_SET: kind = SIM_IT_SET; size = 72; break;
    case SK_RANGE:
        kind = SIM_IT_RANGE;
        gc = false;
        size = s->prof->version == SIM_V311 ? 48 : 40;
        break;
    case SK_ITER:
        sim_incref(s, over);
        return over;
    default:
        return 0;
    }
    bool fl;
    PmPtr b = sim__obj_block(s, NULL, size, gc, &fl);
    SimId id = sim__alloc_record(s, SK_ITER);
    SimObj *it = &s->obj[id];
    it->mem = b;
    it->sub = (uint8_t)kind;
    if (gc)
        it->flags |= SIM_F_GCTYPE;
    sim_event(s, SE_ALLOC, id, (uint32_t)size, 0);
    if (kind == SIM_IT_RANGE) {
        uint32_t cap;
        it->data = slab_alloc(&s->slab, 6, &cap);
        it->datacap = cap;
        int64_t *r = (int64_t *)(void *)slab_ptr(&s->slab, it->data);
        const int64_t *src = (const int64_t *)(const void *)sim_items(s, over);
        r[0] = s->obj[over].v.i, r[1] = src[0], r[2] = src[1];
        return id;
    }
    if (s->obj[over].kind == SK_DICTVIEW) {
        it->sub = SIM_IT_DICT;
        it->len = s->obj[over].sub; /* which view */
        it->v.iter.seq = SIM_V(s, over, SK_DICTVIEW, view.dict);
        sim_incref(s, it->v.iter.seq);
    } else {
        it->v.iter.seq = over;
        it->len = SIM_VIEW_KEYS;
        sim_incref(s, over);
    }
    sim_track(s, id);
    return id;
}

static SimId utf8_char_at(Sim *s, SimId str, uint32_t *pos)
{
    size_t n;
    const char *d = sim_str_data(s, str, &n);
    if (*pos >= n)
        return 0;
    unsigned char b = (unsigned char)d[*pos];
    size_t len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    if (*pos + len > n)
        len = n - *pos;
    SimId r = sim_str(s, d + *pos, len);
    *pos += (uint32_t)len;
    return r;
}

SimId sim_iter_next(Sim *s, SimId id)
{
    if (sim_nomem(s)) /* a loop in C stops at a refused allocation; the host raises */
        return 0;
    SimObj *it = &s->obj[id];
    SimId seq = it->v.iter.seq;
    switch (it->sub) {
    case SIM_IT_RANGE: {
        int64_t *r = (int64_t *)(void *)slab_ptr(&s->slab, it->data);
        if ((r[2] > 0 && r[0] >= r[1]) || (r[2] < 0 && r[0] <= r[1]))
            return 0;
        int64_t v = r[0];
        r[0] += r[2];
        return sim_int(s, v);
    }
    case SIM_IT_LIST: case SIM_IT_TUPLE:
        if (!seq || it->cap >= s->obj[seq].len)
            break;
        {
            SimId v = sim_items(s, seq)[it->cap++];
            sim_incref(s, v);
            return v;
        }
    case SIM_IT_STR:
        if (!seq)
            return 0;
        {
            SimId v = utf8_char_at(s, seq, &it->cap);
            if (v)
                return v;
        }
        break;
    case SIM_IT_BYTES:
        if (!seq || it->cap >= s->obj[seq].len)
            break;
        return sim_int(s, ((const uint8_t *)sim_items(s, seq))[it->cap++]);
    case SIM_IT_SET: {
        if (!seq)
            return 0;
        while (it->cap < SIM_V(s, seq, SK_SET, set.slots)) {
            SimId k = sim_items(s, seq)[it->cap++];
            if (k) {
                sim_incref(s, k);
                return k;
            }
        }
        break;
    }
    case SIM_IT_DICT: {
        if (!seq)
            return 0;
        SimId k, v;
        if (!sim_dict_next(s, seq, &it->cap, &k, &v))
            break;
        if (it->len == SIM_VIEW_KEYS) {
            sim_incref(s, k);
            return k;
        }
        if (it->len == SIM_VIEW_VALUES) {
            sim_incref(s, v);
            return v;
        }
        SimId t = sim_tuple(s, 2);
        sim_incref(s, k), sim_incref(s, v);
        sim_tuple_set(s, t, 0, k);
        sim_tuple_set(s, t, 1, v);
        return t;
    }
    default:
        break;
    }
    /* exhausted: CPython drops the sequence reference */
    it = &s->obj[id];
    if (it->v.iter.seq && it->sub != SIM_IT_RANGE) {
        SimId q = it->v.iter.seq;
        it->v.iter.seq = 0;
        sim_decref(s, q);
    }
    return 0;
}
