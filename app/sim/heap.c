/*
 * heap: the object table, reference counting, free lists and deallocation
 * in CPython's order (list_dealloc, tuple_dealloc, dict_dealloc,
 * subtype_dealloc ... as described in cpython-internals.md §1.7, §3, §4.2 and
 * checked against oracle programs s06/s12).  The heap start-up leaves is
 * built in startup.c.
 */
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/brc.h"
#include "sim/check.h"
#include "sim/gc.h"
#include "sim/trace.h"
#include "sim/userkey.h"

#define TRASHCAN_DEPTH 50u /* _PyTrash_UNWIND_LEVEL */

/* ---- events ---------------------------------------------------------------- */

size_t sim_events_since(const Sim *s, uint64_t since, SimEvent *out, size_t max)
{
    uint64_t first = s->nevents > SIM_EVENT_RING ? s->nevents - SIM_EVENT_RING : 0;
    if (since < first)
        since = first;
    size_t n = 0;
    for (uint64_t q = since; q < s->nevents && n < max; q++)
        out[n++] = s->ring[q % SIM_EVENT_RING];
    return n;
}

/* ---- records -------------------------------------------------------------- */

/* The record table doubles while the host budget allows; past it, it grows
 * by a little at a time (every record asked for is still given, so the model
 * stays whole) and each growth counts as a refused allocation. */
void sim__move_records(Sim *s)
{
    SimObj *o = xmalloc(s->capobj * sizeof *o);
    memcpy(o, s->obj, s->capobj * sizeof *o);
    free(s->obj);
    s->obj = o;
}

void sim__grow_records(Sim *s)
{
    uint64_t limit = s->host_limit / 2, size = sizeof *s->obj;
    uint64_t cap = (uint64_t)s->capobj * 2;
    if (cap * size > limit) {
        cap = limit / size > s->capobj ? limit / size : (uint64_t)s->capobj + 4096;
        if (cap == (uint64_t)s->capobj + 4096)
            sim_set_nomem(s);
    }
    if (cap > UINT32_MAX)
        cap = UINT32_MAX; /* SimId is 32-bit */
    if (cap <= s->capobj)
        abort(); /* unreachable: the host limit stops the table long before 2^32 records */
    s->capobj = (uint32_t)cap;
    s->obj = xrealloc(s->obj, s->capobj * sizeof *s->obj);
}

static inline void free_record(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    SIM_ASSERT(o->kind != SK_FREE && !(o->flags & SIM_F_TRACKED)); /* freed once, untracked */
    SIM_ASSERT(s->nlive > 0);
    if (o->data)
        slab_free(&s->slab, o->data, o->datacap);
    if (s->ukeys) /* the id will name another object */
        sim__userkey_forget(s, id);
    o->kind = SK_FREE;
    o->v.free.next = s->free_head;
    s->free_head = id;
    s->nlive--;
}

void sim__free_record(Sim *s, SimId id) { free_record(s, id); }

void sim_set_hooks(Sim *s, const SimHooks *h) { s->hooks = *h; }

/* ---- memory budget ------------------------------------------------------ */

void sim_set_memory_limit(Sim *s, uint64_t bytes) { s->pm.limit = bytes; }

void sim_set_host_limit(Sim *s, uint64_t bytes)
{
    s->host_limit = bytes;
    s->slab.limit_words = bytes / 2 / sizeof(uint32_t); /* half for payloads */
    s->pm.host_limit = bytes / 4;                       /* a quarter for arena tables */
}

uint64_t sim_host_bytes(const Sim *s)
{
    return (uint64_t)s->capobj * sizeof *s->obj + s->slab.cap * sizeof(uint32_t) +
           pm_host_bytes(&s->pm) + (uint64_t)s->capinterned * sizeof *s->interned +
           s->capdeferred * sizeof *s->deferred;
}

bool sim__mem_room(Sim *s, uint64_t bytes, uint64_t words)
{
    if (pm_fits(&s->pm, bytes) && slab_fits(&s->slab, words))
        return true;
    sim_set_nomem(s);
    return false;
}

bool sim_take_nomem(Sim *s)
{
    bool was = s->nomem || s->pm.refused > 0;
    s->nomem = false;
    s->pm.refused = 0;
    if (was)
        sim_timing_seen(s); /* a limit reached: garbage held longer elsewhere brings it sooner */
    return was;
}

/* ---- reference counts -------------------------------------------------- */

static inline void release(Sim *s, SimId id, SimFreeList *fl);

void sim__refcnt_zero(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    if (o->flags & SIM_F_STATIC) { /* 3.11 static objects are never freed */
        o->refcnt = 1;
        return;
    }
    /* the leaves (what dealloc_body does for them, without the trashcan's
     * bookkeeping): they hold nothing, are never tracked nor weakly referenced */
    if (o->type) { /* an instance of a program's subclass of int, float or str: subtype_dealloc */
        sim__dealloc(s, id);
        return;
    }
    if (o->kind == SK_INT || o->kind == SK_BYTES || o->kind == SK_COMPLEX ||
        (o->kind == SK_STR && !(o->flags & SIM_F_SPECIAL))) {
        SIM_ASSERT(!(o->flags & SIM_F_TRACKED) && !o->weaklist);
        release(s, id, NULL);
        return;
    }
    if (o->kind == SK_FLOAT) {
        SIM_ASSERT(!(o->flags & SIM_F_TRACKED) && !o->weaklist);
        release(s, id, &s->fl_float);
        return;
    }
    sim__dealloc(s, id);
}

int64_t sim_refcount(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    if (o->flags & SIM_F_IMMORTAL)
        return s->prof->immortal_refcnt;
    return o->refcnt;
}

/* ---- free lists -------------------------------------------------------- */

static inline bool fl_put(Sim *s, SimFreeList *f, PmPtr b, SimId id)
{
    if (!sim__fl_park(s, f, b))
        return false;
    sim_event(s, SE_FREELIST_PUT, id, 0, f->n);
    return true;
}

static void fl_drain(Sim *s, SimFreeList *f)
{
    while (f->n > 0)
        pm_free(&s->pm, f->blocks[--f->n]);
    f->slack = 0;
}

/* Parks `by` more blocks on (or takes them off) a free list, as if
 * something before the program had left them there. */
static void fl_shift(Sim *s, SimFreeList *f, int by, uint32_t size)
{
    for (; by > 0 && f->n < f->max; by--)
        f->blocks[f->n++] = pm_alloc(&s->pm, size);
    for (; by < 0 && f->n > 0; by++)
        pm_free(&s->pm, f->blocks[--f->n]);
}

void sim_take_freelists(Sim *s, const SimFreeStock *st)
{
    fl_shift(s, &s->fl_dict, -(int)st->dicts, 0);
    fl_shift(s, &s->fl_keys, -(int)st->keys, 0);
    fl_shift(s, &s->fl_list, -(int)st->lists, 0);
    fl_shift(s, &s->fl_float, -(int)st->floats, 0);
    for (unsigned n = 0; n < SIM_TUPLE_MAXSAVE; n++)
        fl_shift(s, &s->fl_tuple[n], -(int)st->tuples[n], 0);
}

void sim_shift_freelists(Sim *s, int dicts, int lists)
{
    fl_shift(s, &s->fl_dict, dicts, 64);
    fl_shift(s, &s->fl_list, lists, 56);
}

/* An object made early (`own`) takes the place of one CPython makes now:
 * from the free list when it has a block (the block's trace, if any, passes
 * to the object), else freshly: a GC allocation, traced at the current line. */
static void fl_adopt(Sim *s, SimFreeList *f, PmPtr own, uint32_t size, bool gc)
{
    if (f->n == 0) {
        sim__fl_empty(s, f);
        if (gc)
            sim__gc_on_alloc(s);
        sim_trace_replace(s, own, size, PM_NULL);
        return;
    }
    PmPtr b = f->blocks[--f->n];
    const SimTraceEntry *e = sim_trace_find(s, b);
    bool traced = e != NULL;
    uint32_t where = traced ? e->where : 0;
    uint64_t n = traced ? e->size : 0;
    pm_free(&s->pm, b);
    if (traced) {
        sim_trace_replace(s, own, n, PM_NULL);
        sim_trace_set_where(s, own, where);
    }
}

void sim_adopt_from_freelists(Sim *s, SimId dict, SimId list)
{
    const SimObj *d = sim_obj(s, dict);
    PmPtr dict_mem = d->mem, keys_mem = d->mem2;
    PmPtr list_mem = sim_obj(s, list)->mem;
    fl_adopt(s, &s->fl_dict, dict_mem, 64, true);
    fl_adopt(s, &s->fl_keys, keys_mem, sim__dict_keys_size(3, true), false);
    fl_adopt(s, &s->fl_list, list_mem, 56, true);
}

void sim_stock_freelists(Sim *s, const SimFreeStock *st)
{
    fl_shift(s, &s->fl_dict, st->dicts, 64);
    fl_shift(s, &s->fl_keys, st->keys, sim__dict_keys_size(3, true));
    fl_shift(s, &s->fl_list, st->lists, 56);
    fl_shift(s, &s->fl_float, st->floats, 24);
    for (unsigned n = 1; n < SIM_TUPLE_MAXSAVE; n++)
        fl_shift(s, &s->fl_tuple[n], st->tuples[n], 40 + 8 * n);
}

static void fl_set(Sim *s, SimFreeList *f, unsigned lo, unsigned hi, uint32_t size)
{
    fl_shift(s, f, (int)lo - (int)f->n, size);
    f->slack = hi > f->n ? (hi < f->max ? hi : f->max) - f->n : 0;
}

void sim_guess_freelists(Sim *s, const SimFreeStock *lo, const SimFreeStock *hi)
{
    fl_set(s, &s->fl_dict, lo->dicts, hi->dicts, 64);
    fl_set(s, &s->fl_keys, lo->keys, hi->keys, sim__dict_keys_size(3, true));
    fl_set(s, &s->fl_list, lo->lists, hi->lists, 56);
    fl_set(s, &s->fl_float, lo->floats, hi->floats, 24);
    for (unsigned n = 1; n < SIM_TUPLE_MAXSAVE; n++)
        fl_set(s, &s->fl_tuple[n], lo->tuples[n], hi->tuples[n], 40 + 8 * n);
}

void sim_set_freelists(Sim *s, const SimFreeStock *st) { sim_guess_freelists(s, st, st); }

static uint8_t clamp8(uint32_t v) { return v > 255 ? 255 : (uint8_t)v; }

void sim_read_freelists(const Sim *s, SimFreeStock *n, SimFreeStock *slack)
{
    const SimFreeList *fl[4] = {&s->fl_dict, &s->fl_keys, &s->fl_list, &s->fl_float};
    uint8_t *nf[4] = {&n->dicts, &n->keys, &n->lists, &n->floats};
    uint8_t *sf[4] = {&slack->dicts, &slack->keys, &slack->lists, &slack->floats};
    for (int i = 0; i < 4; i++)
        *nf[i] = clamp8(fl[i]->n), *sf[i] = clamp8(fl[i]->slack);
    for (unsigned k = 0; k < SIM_TUPLE_MAXSAVE; k++)
        n->tuples[k] = clamp8(s->fl_tuple[k].n), slack->tuples[k] = clamp8(s->fl_tuple[k].slack);
}

static void fl_stash(SimFreeList *live, SimFreeList *aside)
{
    *aside = *live;
    live->blocks = xmalloc((live->max ? live->max : 1) * sizeof *live->blocks);
    live->n = 0;
    live->slack = 0;
}

static void fl_unstash(Sim *s, SimFreeList *live, SimFreeList *aside)
{
    fl_drain(s, live);
    free(live->blocks);
    *live = *aside;
}

void sim_freelists_stash(Sim *s, SimFreeStash *st)
{
    fl_stash(&s->fl_float, &st->fl_float);
    fl_stash(&s->fl_list, &st->fl_list);
    fl_stash(&s->fl_dict, &st->fl_dict);
    fl_stash(&s->fl_keys, &st->fl_keys);
    for (unsigned n = 0; n < SIM_TUPLE_MAXSAVE; n++)
        fl_stash(&s->fl_tuple[n], &st->fl_tuple[n]);
}

void sim_freelists_unstash(Sim *s, SimFreeStash *st)
{
    fl_unstash(s, &s->fl_float, &st->fl_float);
    fl_unstash(s, &s->fl_list, &st->fl_list);
    fl_unstash(s, &s->fl_dict, &st->fl_dict);
    fl_unstash(s, &s->fl_keys, &st->fl_keys);
    for (unsigned n = 0; n < SIM_TUPLE_MAXSAVE; n++)
        fl_unstash(s, &s->fl_tuple[n], &st->fl_tuple[n]);
}

void sim_clear_freelists(Sim *s)
{
    fl_drain(s, &s->fl_float);
    fl_drain(s, &s->fl_list);
    fl_drain(s, &s->fl_dict);
    fl_drain(s, &s->fl_keys);
    for (unsigned n = 0; n < SIM_TUPLE_MAXSAVE; n++)
        fl_drain(s, &s->fl_tuple[n]);
}

/* ---- deallocation ---------------------------------------------------- */

/* Inline where the leaves are freed, forced where the compiler allows:
 * one per object. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void release(Sim *s, SimId id, SimFreeList *fl)
{
    SimObj *o = &s->obj[id];
    if (!s->events_off) /* the size is for the event alone */
        sim_event(s, SE_FREE, id, (uint32_t)pm_block_size(&s->pm, o->mem), 0);
    bool parked = fl && o->mem != PM_NULL && fl_put(s, fl, o->mem, id);
    if (!parked) {
        pm_free(&s->pm, o->mem);
        if (o->flags & SIM_F_GCTYPE)
            sim__gc_on_free(s);
    }
    free_record(s, id);
}

void sim__release(Sim *s, SimId id, SimFreeList *fl) { release(s, id, fl); }

static inline void decref_items_reverse(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    uint32_t n = o->len;
    for (uint32_t i = n; i-- > 0;) {
        SimId it = sim_items(s, id)[i];
        if (it)
            sim_decref(s, it);
    }
}

/* subtype_dealloc's tp_finalize (a class's __del__, its own or inherited):
 * PyObject_CallFinalizerFromDealloc resurrects the object for the call;
 * true when the call kept it alive */
static bool finalize_from_dealloc(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    if (!(s->obj[o->type].flags & SIM_F_SPECIAL) || (o->flags & SIM_F_FINALIZED) || !s->hooks.finalize)
        return false;
    if (s->gc.run_phase != GC_IDLE)
        s->gc.run_touched = true; /* a collection's frees ran it */
    o->refcnt = 1;
    sim_track(s, id);
    sim_event(s, SE_FINALIZE, id, 0, 0);
    s->hooks.finalize(s->hooks.ctx, id);
    o = &s->obj[id];
    o->flags |= SIM_F_FINALIZED; /* PyObject_CallFinalizer: after the call (gc.is_finalized in __del__: False) */
    if (--o->refcnt > 0) {
        sim_event(s, SE_RESURRECT, id, 0, 0);
        return true;
    }
    sim_untrack(s, id);
    return false;
}

static void dealloc_instance(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    SimId cls = o->type;
    if (finalize_from_dealloc(s, id))
        return; /* resurrected */
    o = &s->obj[id];
    if (o->weaklist) {
        sim_clear_weakrefs(s, id, true); /* the callbacks may move the records */
        o = &s->obj[id];
    }
    if (o->sub != SIM_INST_PLAIN) { /* BaseException_dealloc: BaseException_clear, the memory
                                     * (no __slots__: refused; cap counts its base's words) */
        sim__exc_clear(s, id);
        release(s, id, NULL);
        sim_decref(s, cls);
        return;
    }
    sim__inst_clear_slots(s, id); /* subtype_dealloc: slots, then the dict */
    sim__inst_free_slots(s, id);
    o = &s->obj[id];
    SimId dict = o->v.instance.dict;
    /* attribute values in key order (_PyObject_FreeInstanceAttributes) */
    uint32_t n = o->len;
    for (uint32_t i = 0; i < n; i++) {
        SimId v = sim_items(s, id)[2 * i + 1];
        SimId k = sim_items(s, id)[2 * i];
        sim_items(s, id)[2 * i + 1] = 0;
        if (v)
            sim_decref(s, v);
        sim_decref(s, k);
    }
    o = &s->obj[id];
    if (o->mem2)
        pm_free(&s->pm, o->mem2);
    if (dict) { /* 3.13: a dict that outlives its instance takes over the values */
        s->obj[dict].flags &= (uint8_t)~SIM_F_EMBEDDED;
        sim_decref(s, dict);
    }
    release(s, id, NULL);
    sim_decref(s, cls);
}

static void dealloc_dict(Sim *s, SimId id, SimFreeList *fl)
{
    SimObj *o = &s->obj[id];
    uint32_t pos = 0;
    SimId k, v;
    uint32_t n = o->v.dict.used; /* entries used, including deleted */
    (void)n;
    /* free_keys_object: for each entry, key then value */
    while (sim__dict_next_raw(s, id, &pos, &k, &v)) {
        sim_items(s, id)[2 * (pos - 1)] = 0;
        sim_items(s, id)[2 * (pos - 1) + 1] = 0;
        sim_decref(s, k);
        if (v)
            sim_decref(s, v);
    }
    sim__dict_free_payload(s, id);
    release(s, id, fl);
}

static void dealloc_weakref(Sim *s, SimId id);

static void dealloc_body(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    SimId sub_cls = sim_is_subinst(s, id) ? o->type : 0; /* subtype_dealloc around the base's */
    if (sub_cls) {
        if (finalize_from_dealloc(s, id))
            return; /* resurrected */
        sim__subinst_dealloc_head(s, id);
        o = &s->obj[id];
    }
    switch ((SimKind)o->kind) {
    case SK_INT: case SK_STR: case SK_BYTES: case SK_OBJECT: case SK_RANGE: case SK_COMPLEX:
        if (o->kind == SK_STR && (o->flags & SIM_F_SPECIAL))
            sim__unintern(s, id);
        if (sub_cls && o->mem2) /* a str subclass's own buffer */
            pm_free(&s->pm, o->mem2);
        if (o->kind == SK_RANGE && o->mem2) { /* range_dealloc: start, stop, step, then length */
            pm_free(&s->pm, o->mem2);
            o->mem2 = PM_NULL;
        }
        release(s, id, NULL);
        break;
    case SK_FLOAT:
        release(s, id, sub_cls ? NULL : &s->fl_float);
        break;
    case SK_BYTEARRAY:
        pm_free(&s->pm, o->mem2);
        release(s, id, NULL);
        break;
    case SK_LIST:
        decref_items_reverse(s, id);
        pm_free(&s->pm, s->obj[id].mem2);
        release(s, id, sub_cls ? NULL : &s->fl_list);
        break;
    case SK_TUPLE: {
        uint32_t n = o->len;
        decref_items_reverse(s, id);
        bool ghost = !(s->obj[id].flags & SIM_F_GCTYPE); /* sim_tuple_ghost's: no free list */
        release(s, id, n < SIM_TUPLE_MAXSAVE && !sub_cls && !ghost ? &s->fl_tuple[n] : NULL);
        break;
    }
    case SK_DICT:
        dealloc_dict(s, id, sub_cls ? NULL : &s->fl_dict);
        break;
    case SK_SET: {
        if (o->weaklist) /* set_dealloc: its weak references die first */
            sim_clear_weakrefs(s, id, true);
        o = &s->obj[id];
        for (uint32_t i = 0; i < o->v.set.slots; i++) {
            SimId k = sim_items(s, id)[i];
            if (k)
                sim_decref(s, k);
        }
        sim__dict_free_payload(s, id);
        release(s, id, NULL);
        break;
    }
    case SK_INSTANCE:
        dealloc_instance(s, id);
        break;
    case SK_FUNC: {
        if (o->weaklist)
            sim_clear_weakrefs(s, id, true);
        uint32_t code = SIM_V(s, id, SK_FUNC, func.code);
        SimId g = SIM_V(s, id, SK_FUNC, func.globals);
        SimId parts[SIM_FN_NPARTS];
        memcpy(parts, sim_items(s, id), sizeof parts);
        release(s, id, NULL);
        sim_decref(s, g);
        /* func_clear's order (module, defaults, kwdefaults, doc, dict, closure, annotations,
         * type params), then the names */
        static const int order[] = {SIM_FN_MODULE, SIM_FN_DEFAULTS, SIM_FN_KWDEFAULTS, SIM_FN_DOC, SIM_FN_DICT,
                                    SIM_FN_CLOSURE, SIM_FN_ANNOTATIONS, SIM_FN_TYPEPARAMS, SIM_FN_FUNCNAME,
                                    SIM_FN_NAME};
        _Static_assert(sizeof order / sizeof order[0] == SIM_FN_NPARTS, "every part released");
        for (int i = 0; i < SIM_FN_NPARTS; i++)
            sim_xdecref(s, parts[order[i]]);
        if (s->hooks.func_freed)
            s->hooks.func_freed(s->hooks.ctx, code);
        break;
    }
    case SK_TYPE: { /* subtype_dealloc of a metaclass's instance: type_dealloc, then the metaclass */
        SimId meta = o->type;
        o->type = 0;
        if (o->weaklist)
            sim_clear_weakrefs(s, id, true);
        sim__type_dealloc(s, id);
        sim_xdecref(s, meta);
        break;
    }
    case SK_MEMBER_DESCR: case SK_GETSET_DESCR:
        sim__member_dealloc(s, id);
        break;
    case SK_PROPERTY: { /* property_dealloc: get, set, del, doc */
        SimId parts[4] = {0, 0, 0, 0};
        if (o->data)
            memcpy(parts, sim_items(s, id), sizeof parts);
        release(s, id, NULL);
        for (int i = 0; i < 4; i++)
            sim_xdecref(s, parts[i]);
        break;
    }
    case SK_CLASSMETHOD: case SK_STATICMETHOD: { /* cm_dealloc: the callable, the dict */
        SimId f = o->v.descr.func, d = o->v.descr.dict;
        release(s, id, NULL);
        sim_xdecref(s, f);
        sim_xdecref(s, d);
        break;
    }
    case SK_ITER:
        if (o->sub == SIM_IT_COMPOSITE) { /* its references, in tp_dealloc's order, then its memory */
            for (uint32_t i = 0; i < s->obj[id].len; i++) {
                SimId r = sim_items(s, id)[i];
                sim_items(s, id)[i] = 0;
                sim_xdecref(s, r);
            }
            sim__iter_free_blocks(s, id); /* PyMem_Free of its index arrays */
            release(s, id, sim_xtype_of(s, id) == SIM_XT_SLICE ? &s->fl_slice : NULL); /* slice_cache */
            break;
        }
        /* fall through */
    case SK_METHOD: case SK_BUILTIN: case SK_CELL: case SK_MODULE:
    case SK_DICTVIEW: {
        if (o->weaklist) { /* method_dealloc, meth_dealloc, module_dealloc: its weak references die first */
            sim_clear_weakrefs(s, id, true);
            o = &s->obj[id];
        }
        SimId a = 0, b = 0; /* the references it owns, dropped after its memory */
        switch ((SimKind)o->kind) {
        case SK_METHOD: a = o->v.method.func, b = o->v.method.self; break;
        case SK_BUILTIN: b = o->v.builtin.self; break;
        case SK_CELL: a = o->v.cell.ref; break;
        case SK_MODULE: a = o->v.module.dict, b = o->v.module.name; break;
        case SK_ITER: a = o->v.iter.seq; break;
        default: a = o->v.view.dict; break;
        }
        release(s, id, NULL);
        sim_xdecref(s, a);
        sim_xdecref(s, b);
        break;
    }
    case SK_WEAKREF:
        dealloc_weakref(s, id);
        break;
    case SK_TRACEBACK: { /* tb_dealloc: tb_next, tb_frame, then the memory */
        SimId next = o->v.tb.next, frame = o->v.tb.frame;
        o->v.tb.next = o->v.tb.frame = 0;
        sim_xdecref(s, next);
        sim_xdecref(s, frame);
        release(s, id, NULL);
        break;
    }
    case SK_FRAME: { /* frame_dealloc: what it owns, f_back, the memory */
        SimId back;
        sim__frame_dealloc_refs(s, id, &back);
        sim_xdecref(s, back);
        release(s, id, NULL);
        break;
    }
    case SK_DEQUE: /* deque_dealloc */
        if (o->weaklist)
            sim_clear_weakrefs(s, id, true);
        sim__deque_dealloc(s, id);
        release(s, id, NULL);
        break;
    case SK_STRINGIO: /* stringio_dealloc */
        sim__stringio_dealloc(s, id);
        release(s, id, NULL);
        break;
    case SK_ARRAY: /* array_dealloc */
        if (o->weaklist)
            sim_clear_weakrefs(s, id, true);
        pm_free(&s->pm, o->mem2);
        release(s, id, NULL);
        break;
    case SK_GEN:
        if (sim__gen_dealloc(s, id)) /* the frame's references go before the memory */
            release(s, id, NULL);
        break;
    default:
        if (o->weaklist)
            sim_clear_weakrefs(s, id, true);
        release(s, id, NULL);
        break;
    }
    if (sub_cls)
        sim_decref(s, sub_cls);
}

static void dealloc_weakref(Sim *s, SimId id)
{
    sim__weakref_unlink(s, id);
    SimId cb = SIM_V(s, id, SK_WEAKREF, weakref.callback);
    SIM_V(s, id, SK_WEAKREF, weakref.callback) = 0;
    SimId key = s->obj[id].sub == SIM_WR_KEYED ? sim_items(s, id)[0] : 0; /* KeyedRef.key */
    release(s, id, NULL);
    sim_xdecref(s, cb);
    sim_xdecref(s, key);
}

static bool uses_trashcan(SimKind k)
{
    return k == SK_LIST || k == SK_TUPLE || k == SK_DICT || k == SK_SET || k == SK_INSTANCE ||
           k == SK_TRACEBACK || k == SK_FRAME;
}

void sim__dealloc(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    SIM_ASSERT(o->kind != SK_FREE && o->kind != SK_SENTINEL && !(o->flags & SIM_F_STATIC));
    if (o->flags & SIM_F_TRACKED)
        sim__untrack_tracked(s, id);
    if (uses_trashcan((SimKind)o->kind) && s->dealloc_depth >= TRASHCAN_DEPTH) {
        if (s->ndeferred == s->capdeferred)
            s->deferred = xgrow(s->deferred, &s->capdeferred, s->ndeferred + 1,
                                sizeof *s->deferred);
        s->deferred[s->ndeferred++] = id;
        return;
    }
    s->dealloc_depth++;
    dealloc_body(s, id);
    s->dealloc_depth--;
    if (s->dealloc_depth == 0) {
        while (s->ndeferred > 0) {
            SimId d = s->deferred[--s->ndeferred];
            s->dealloc_depth++;
            dealloc_body(s, d);
            s->dealloc_depth--;
        }
    }
}

