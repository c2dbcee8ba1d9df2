/*
 * startup: the heap CPython has built before the program's first line (the
 * static types and singletons, the blocks start-up leaves in use and on the
 * free lists, per profile), sim_new and sim_free.  The figures are the
 * profiles' (cpython-internals.md §1.7, §4.2; oracle programs s06/s12).
 */
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/brc.h"
#include "sim/gc.h"
#include "sim/trace.h"
#include "sim/userkey.h"

#define NSENTINELS 12u


static void on_pm_event(void *ctx, PmEventKind k, uint32_t arena, uint32_t pool)
{
    static const SimEventKind map[] = {SE_ARENA_NEW, SE_ARENA_FREE, SE_POOL_INIT, SE_POOL_EMPTY};
    sim_event(ctx, map[k], 0, arena, pool);
}

static void fl_init(SimFreeList *f, uint32_t max)
{
    f->max = max;
    f->n = 0;
    f->slack = 0;
    f->blocks = xmalloc(max * sizeof *f->blocks);
}

static SimId static_obj(Sim *s, SimKind k, int64_t refcnt)
{
    SimId id = sim__alloc_record(s, k);
    SimObj *o = &s->obj[id];
    o->flags = SIM_F_STATIC;
    if (s->prof->immortal_refcnt)
        o->flags |= SIM_F_IMMORTAL;
    o->refcnt = refcnt;
    return id;
}

SimId sim__byte_char_new(Sim *s, uint8_t c)
{
    int64_t base = s->prof->static_refcnt ? s->prof->static_refcnt : 1;
    SimId id = static_obj(s, SK_BYTES, base);
    uint32_t cap = 0;
    uint32_t h = slab_alloc(&s->slab, 1, &cap);
    SimObj *o = &s->obj[id];
    o->data = h;
    o->datacap = cap;
    if (!h) {
        sim_set_nomem(s);
        return id;
    }
    memset(slab_ptr(&s->slab, h), 0, cap * sizeof(uint32_t));
    *(uint8_t *)slab_ptr(&s->slab, h) = c;
    o->len = 1;
    return id;
}

SimId sim_code_new(Sim *s, uint32_t index)
{
    SimId id = static_obj(s, SK_CODE, 1);
    s->obj[id].flags &= (uint8_t)~SIM_F_IMMORTAL; /* a real refcount, not modelled: pyrun refuses it */
    s->obj[id].v.code.index = index;
    return id;
}

static void seed_allocator(Sim *s)
{
    const SimProfile *p = s->prof;
    /* blocks parked on the startup free lists are part of "in use" */
    static const unsigned tuple_seed[SIM_TUPLE_MAXSAVE] = {
        0, 6, 38, 10, 4, 2, 1, 2, 2, 2, 2, 2, 2, 3, 0, 1, 1, 0, 2, 0, 1};
    uint64_t reserve[PM_NCLASSES] = {0};
    reserve[3] += p->startup_freelist[0] + p->startup_freelist[2];
    reserve[1] += p->startup_freelist[1];
    for (unsigned n = 1; n < SIM_TUPLE_MAXSAVE; n++)
        reserve[pm_size_class(40 + 8 * n)] += tuple_seed[n];
    reserve[pm_size_class(56)] += 1; /* the slice start-up left in the cache (3.11-3.13 alike) */
    for (unsigned c = 0; c < PM_NCLASSES; c++) {
        uint64_t n = p->startup[c].in_use;
        n = n > reserve[c] ? n - reserve[c] : 0;
        for (uint64_t i = 0; i < n; i++)
            pm_alloc(&s->pm, pm_class_size(c));
    }
    /* the cached slice first: where the last start-up block of its class stood */
    s->fl_slice.blocks[s->fl_slice.n++] = pm_alloc(&s->pm, 56);
    for (unsigned i = 0; i < p->startup_freelist[0]; i++)
        s->fl_dict.blocks[s->fl_dict.n++] = pm_alloc(&s->pm, 64);
    for (unsigned i = 0; i < p->startup_freelist[1]; i++)
        s->fl_float.blocks[s->fl_float.n++] = pm_alloc(&s->pm, 24);
    for (unsigned i = 0; i < p->startup_freelist[2]; i++)
        s->fl_list.blocks[s->fl_list.n++] = pm_alloc(&s->pm, 56);
    for (unsigned n = 1; n < SIM_TUPLE_MAXSAVE; n++)
        for (unsigned i = 0; i < tuple_seed[n]; i++)
            s->fl_tuple[n].blocks[s->fl_tuple[n].n++] = pm_alloc(&s->pm, 40 + 8 * n);
}

static void make_types(Sim *s)
{
    int64_t rc = s->prof->static_refcnt ? s->prof->static_refcnt : 1;
    for (unsigned k = SK_NONE; k < SK_COUNT; k++) {
        SimId t = static_obj(s, SK_TYPE, rc);
        s->obj[t].sub = (uint8_t)k;
        s->types[k] = t;
    }
    s->type_type = s->types[SK_TYPE];
    s->type_object = s->types[SK_OBJECT];
}

static void make_singletons(Sim *s)
{
    const SimProfile *p = s->prof;
    int64_t base = p->static_refcnt ? p->static_refcnt : 1;
    s->none = static_obj(s, SK_NONE, p->none_refcnt ? p->none_refcnt : base);
    s->false_ = static_obj(s, SK_BOOL, p->false_refcnt ? p->false_refcnt : base);
    s->obj[s->false_].v.i = 0;
    s->true_ = static_obj(s, SK_BOOL, p->true_refcnt ? p->true_refcnt : base);
    s->obj[s->true_].v.i = 1;
    s->notimpl = static_obj(s, SK_NOTIMPL, base);
    s->ellipsis = static_obj(s, SK_ELLIPSIS, p->ellipsis_refcnt ? p->ellipsis_refcnt : base);
    s->empty_tuple = static_obj(s, SK_TUPLE, base + 7);
    for (int i = 0; i < 262; i++) {
        s->small_int[i] = static_obj(s, SK_INT, base + 1);
        s->obj[s->small_int[i]].v.i = i - 5;
    }
    s->empty_str = static_obj(s, SK_STR, base + 33);
    s->obj[s->empty_str].sub = 1;
    s->obj[s->empty_str].flags |= SIM_F_SPECIAL;
    s->empty_bytes = static_obj(s, SK_BYTES, base);
}

Sim *sim_new(const SimProfile *prof)
{
    Sim *s = xcalloc(1, sizeof *s);
    s->prof = prof;
    pm_init(&s->pm, prof->arena_size, prof->pool_size, prof->keep_one_empty_arena,
            prof->startup_unaligned);
    slab_init(&s->slab);
#ifdef SIM_CHECKS
    s->slab.always_move = getenv("PYDIVE_MOVE_MEMORY") && *getenv("PYDIVE_MOVE_MEMORY") == '1';
#endif
    s->capobj = 4096;
    s->obj = xmalloc(s->capobj * sizeof *s->obj);
    s->nobj = 1; /* id 0 is NULL */
    for (unsigned i = 0; i < NSENTINELS; i++) {
        SimId id = sim__alloc_record(s, SK_SENTINEL);
        s->obj[id].gc_prev = s->obj[id].gc_next = id;
    }
    fl_init(&s->fl_float, 100);
    fl_init(&s->fl_list, 80);
    fl_init(&s->fl_dict, 80);
    fl_init(&s->fl_keys, 80);
    for (unsigned n = 0; n < SIM_TUPLE_MAXSAVE; n++)
        fl_init(&s->fl_tuple[n], 2000);
    fl_init(&s->fl_slice, 1);
    seed_allocator(s);
    s->startup_blocks = s->pm.raw_live_blocks;
    for (unsigned c = 0; c < PM_NCLASSES; c++)
        s->startup_blocks += s->pm.class_in_use[c];
    s->startup_blocks -= s->fl_dict.n + s->fl_float.n + s->fl_list.n + s->fl_slice.n;
    for (unsigned n = 0; n < SIM_TUPLE_MAXSAVE; n++)
        s->startup_blocks -= s->fl_tuple[n].n;
    sim_set_memory_limit(s, SIM_DEFAULT_MEMORY);
    sim_set_host_limit(s, SIM_DEFAULT_HOST_MEMORY);
    s->pm.on_event = on_pm_event;
    s->pm.event_ctx = s;
    make_types(s);
    make_singletons(s);
    gc_init(s);
    /* last, so that the records (and addresses) of the objects above stay put */
    sim__make_xtypes(s, s->prof->static_refcnt ? s->prof->static_refcnt : 1);
    return s;
}

void sim_free(Sim *s)
{
    if (!s)
        return;
    pm_fini(&s->pm);
    slab_fini(&s->slab);
    sim_brc_free(s);
    free(s->obj);
    free(s->interned);
    free(s->fl_float.blocks), free(s->fl_list.blocks), free(s->fl_dict.blocks);
    free(s->fl_keys.blocks);
    free(s->fl_slice.blocks);
    for (unsigned n = 0; n < SIM_TUPLE_MAXSAVE; n++)
        free(s->fl_tuple[n].blocks);
    free(s->deferred);
    sim__userkey_free(s);
    sim__odict_free_all(s);
    if (s->tracer)
        free(s->tracer->tab);
    free(s->tracer);
    free(s);
}
