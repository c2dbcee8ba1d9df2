/*
 * objects: the constructors of numbers, containers and the small runtime
 * objects (functions, methods, cells, modules, ranges), with CPython 3.11's
 * allocation path for each type (sizes measured in oracle/measured e1 and by
 * getsizeof on 3.11.7/3.12.1/3.13.0).  str and bytes are in strbytes.c.
 */
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#define GC_HEAD 16u

/* Inline in this file's constructors: one per object made (forced where
 * the compiler allows: an int's is most of sim_int's work). */
#if defined(__GNUC__)
#define OBJ_INLINE inline __attribute__((always_inline))
#else
#define OBJ_INLINE inline
#endif
static OBJ_INLINE SimId new_obj_inline(Sim *s, SimKind k, size_t size, SimFreeList *fl, bool gc)
{
    bool from_fl = false;
    PmPtr b = sim__obj_block(s, fl, size, gc, &from_fl);
    SimId id = sim__alloc_record(s, k);
    SimObj *o = &s->obj[id];
    o->mem = b;
    if (gc)
        o->flags |= SIM_F_GCTYPE;
    sim_event(s, SE_ALLOC, id, (uint32_t)size, from_fl);
    return id;
}

SimId sim__new_obj(Sim *s, SimKind k, size_t size, SimFreeList *fl, bool gc)
{
    return new_obj_inline(s, k, size, fl, gc);
}

#define new_obj new_obj_inline

/* A zeroed payload; false (no payload, refusal recorded) when refused. */
static bool set_payload(Sim *s, SimId id, size_t nwords)
{
    uint32_t cap = 0;
    uint32_t h = slab_alloc(&s->slab, nwords, &cap);
    s->obj[id].data = h;
    s->obj[id].datacap = cap;
    if (!h) {
        sim_set_nomem(s);
        return false;
    }
    memset(slab_ptr(&s->slab, h), 0, cap * sizeof(uint32_t));
    return true;
}

bool sim__set_payload(Sim *s, SimId id, size_t nwords) { return set_payload(s, id, nwords); }

/* What a refused constructor returns: an empty object of the kind asked for,
 * with no memory, untracked, that the host drops when it raises MemoryError. */
static SimId refused(Sim *s, SimKind k)
{
    sim_set_nomem(s);
    return sim__alloc_record(s, k);
}

SimId sim__refused_record(Sim *s, SimKind k) { return refused(s, k); }

static inline SimId ret(Sim *s, SimId id)
{
    sim_incref(s, id);
    return id;
}

/* ---- scalars --------------------------------------------------------------- */

static unsigned int_digits(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    unsigned d = 0;
    while (m) {
        d++;
        m >>= 30;
    }
    return d ? d : 1;
}

/* The bytes CPython asks for: a one-digit int comes from _PyLong_FromMedium,
 * PyObject_Malloc(sizeof(PyLongObject)), 32 with the padding (getsizeof says
 * 28); longer ones from _PyLong_New(n), 24 + 4n. */
static size_t int_request(int64_t v)
{
    unsigned d = int_digits(v);
    return d == 1 ? 32 : 24 + 4 * (size_t)d;
}

SimId sim_int(Sim *s, int64_t v)
{
    if (v >= -5 && v <= 256)
        return ret(s, s->small_int[v + 5]);
    /* one digit, |v| < 2^30 (most ints a program makes): no digit count,
     * and pymalloc's size class known here */
    bool medium = (uint64_t)v + 0x3fffffffu <= 0x7ffffffeu;
    SimId id = medium ? new_obj(s, SK_INT, 32, NULL, false) : new_obj(s, SK_INT, int_request(v), NULL, false);
    s->obj[id].v.i = v;
    return id;
}

SimId sim_int_digits(Sim *s, int64_t v)
{
    if (v >= -5 && v <= 256)
        return ret(s, s->small_int[v + 5]);
    SimId id = new_obj(s, SK_INT, 24 + 4 * int_digits(v), NULL, false); /* _PyLong_New(digits) */
    s->obj[id].v.i = v;
    return id;
}

SimId sim_int_request(Sim *s, int64_t v, size_t request)
{
    if (v >= -5 && v <= 256) { /* maybe_small_long: the block made and dropped for the cached int */
        sim_block_flash(s, request);
        return ret(s, s->small_int[v + 5]);
    }
    SimId id = new_obj(s, SK_INT, request, NULL, false);
    s->obj[id].v.i = v;
    return id;
}

void sim_block_flash(Sim *s, size_t n)
{
    PmPtr b = pm_alloc(&s->pm, n);
    if (b != PM_NULL)
        pm_free(&s->pm, b);
}

SimId sim_int_unsure(Sim *s, int64_t v)
{
    SimId id = new_obj(s, SK_INT, int_request(v), NULL, false);
    s->obj[id].v.i = v;
    s->obj[id].sub = SIM_INT_UNSURE;
    return id;
}

SimId sim_int_big(Sim *s, int sign, const uint32_t *digits, uint32_t n)
{
    return sim_int_big_request(s, sign, digits, n, 24 + 4 * (size_t)n);
}

SimId sim_int_big_request(Sim *s, int sign, const uint32_t *digits, uint32_t n, size_t request)
{
    if (!sim_mem_room(s, request, n))
        return refused(s, SK_INT);
    ptrdiff_t off = sim__slab_offset(s, digits);
    SimId id = new_obj(s, SK_INT, request, NULL, false);
    if (!set_payload(s, id, n))
        return id;
    memcpy(slab_ptr(&s->slab, s->obj[id].data), sim__slab_again(s, digits, off), n * sizeof *digits);
    s->obj[id].sub = 1;
    s->obj[id].len = n;
    s->obj[id].v.i = sign;
    return id;
}

SimId sim_float(Sim *s, double v)
{
    SimId id = new_obj(s, SK_FLOAT, 24, &s->fl_float, false);
    s->obj[id].v.f = v;
    return id;
}

SimId sim_complex(Sim *s, double re, double im)
{
    SimId id = new_obj(s, SK_COMPLEX, 32, NULL, false); /* PyComplex_FromCComplex: no free list */
    s->obj[id].v.c.re = re;
    s->obj[id].v.c.im = im;
    return id;
}

SimId sim_bool(Sim *s, bool v) { return ret(s, v ? s->true_ : s->false_); }
SimId sim_none(Sim *s) { return ret(s, s->none); }

/* ---- containers ------------------------------------------------------- */

static SimId list_new(Sim *s, size_t n, SimFreeList *fl)
{
    if (!sim_mem_room(s, 56 + 8 * (uint64_t)n, n) && n > SIM_SMALL_ITEMS)
        return refused(s, SK_LIST);
    SimId id = new_obj(s, SK_LIST, 56, fl, true);
    SimObj *o = &s->obj[id];
    o->mem2 = n ? pm_alloc(&s->pm, n * 8) : PM_NULL;
    if (set_payload(s, id, n ? n : 1))
        s->obj[id].len = s->obj[id].cap = (uint32_t)n;
    sim_track(s, id);
    return id;
}

SimId sim_list(Sim *s, size_t n) { return list_new(s, n, &s->fl_list); }
SimId sim_list_from_type(Sim *s) { return list_new(s, 0, NULL); } /* list(): tp_alloc */

SimId sim_tuple(Sim *s, size_t n)
{
    if (n == 0)
        return ret(s, s->empty_tuple);
    if (!sim_mem_room(s, 40 + 8 * (uint64_t)n, n) && n > SIM_SMALL_ITEMS)
        return refused(s, SK_TUPLE);
    SimId id = new_obj(s, SK_TUPLE, 40 + 8 * n, n < SIM_TUPLE_MAXSAVE ? &s->fl_tuple[n] : NULL,
                       true);
    if (set_payload(s, id, n))
        s->obj[id].len = (uint32_t)n;
    sim_track(s, id);
    return id;
}

bool sim_tuple_roundtrip(Sim *s, size_t n)
{
    return n > 0 && n < SIM_TUPLE_MAXSAVE && s->events_off && !s->static_alloc && s->fl_tuple[n].n > 0 &&
           s->dealloc_depth == 0 && s->ndeferred == 0 && sim_mem_room(s, 40 + 8 * (uint64_t)n, n);
}

void sim_tuple_set(Sim *s, SimId t, size_t i, SimId item)
{
    if (i >= s->obj[t].len) { /* a refused tuple holds nothing: the item is released */
        sim_xdecref(s, item);
        return;
    }
    sim_items(s, t)[i] = item;
}

bool sim_tuple_resize(Sim *s, SimId *t, size_t n)
{
    SimId v = *t;
    uint32_t old = s->obj[v].len;
    if (old == n)
        return true;
    if (n == 0 || old == 0) { /* the empty tuple is shared: never resized in place */
        sim_decref(s, v);
        *t = sim_tuple(s, n);
        return true;
    }
    if (!sim__len_fits(s, n) || !sim_mem_room(s, n > old ? 8 * (uint64_t)(n - old) : 0, n))
        return false;
    bool tracked = sim_is_tracked(s, v);
    if (tracked)
        sim_untrack(s, v);
    for (uint32_t i = (uint32_t)n; i < old; i++) { /* items cut off by the shrink */
        SimId x = sim_items(s, v)[i];
        sim_items(s, v)[i] = 0;
        sim_xdecref(s, x);
    }
    SimObj *o = &s->obj[v];
    uint32_t cap = o->datacap;
    uint32_t h = slab_resize(&s->slab, o->data, &cap, n, n < old ? n : old);
    PmPtr b = h ? pm_realloc(&s->pm, o->mem, 40 + 8 * n) : PM_NULL; /* PyObject_GC_Resize */
    o = &s->obj[v];
    if (h) {
        o->data = h;
        o->datacap = cap;
    }
    if (!b) {
        sim_set_nomem(s);
        if (tracked)
            sim_track(s, v);
        return false;
    }
    o->mem = b;
    for (uint32_t i = old; i < n; i++)
        sim_items(s, v)[i] = 0;
    o->len = (uint32_t)n;
    sim_track(s, v);
    return true;
}

SimId sim_dict(Sim *s)
{
    SimId id = new_obj(s, SK_DICT, 64, &s->fl_dict, true);
    return id; /* dicts start untracked */
}

SimId sim_dict_from_type(Sim *s)
{
    return new_obj(s, SK_DICT, 64, NULL, true); /* type->tp_alloc: not from the free list */
}

SimId sim_set(Sim *s)
{
    SimId id = new_obj(s, SK_SET, 216, NULL, true);
    sim_track(s, id);
    return id;
}

SimId sim_object(Sim *s) { return new_obj(s, SK_OBJECT, 16, NULL, false); }

SimId sim_super(Sim *s)
{
    SimId id = new_obj(s, SK_SUPER, 40, NULL, true);
    sim_track(s, id);
    return id;
}

SimId sim_func(Sim *s, uint32_t code, SimId name, SimId globals, SimId defaults, SimId closure)
{
    SimId id = new_obj(s, SK_FUNC, s->prof->version == SIM_V311 ? 152 : 160, NULL, true);
    SIM_V(s, id, SK_FUNC, func.code) = code;
    SIM_V(s, id, SK_FUNC, func.globals) = globals;
    set_payload(s, id, SIM_FN_NPARTS);
    uint32_t *p = sim_items(s, id);
    memset(p, 0, SIM_FN_NPARTS * sizeof *p);
    p[SIM_FN_NAME] = name, p[SIM_FN_DEFAULTS] = defaults, p[SIM_FN_CLOSURE] = closure;
    sim_track(s, id);
    return id;
}

/* A small tracked object whose fields the caller fills (and then tracks). */
static SimId small_gc_obj(Sim *s, SimKind k, size_t size)
{
    return new_obj(s, k, size, NULL, true);
}

SimId sim_method(Sim *s, SimId func, SimId self)
{
    SimId id = small_gc_obj(s, SK_METHOD, 64);
    SIM_V(s, id, SK_METHOD, method.func) = func;
    SIM_V(s, id, SK_METHOD, method.self) = self;
    sim_track(s, id);
    return id;
}

SimId sim_builtin(Sim *s, uint32_t index, SimId self)
{
    SimId id = small_gc_obj(s, SK_BUILTIN, 72);
    SIM_V(s, id, SK_BUILTIN, builtin.index) = index;
    SIM_V(s, id, SK_BUILTIN, builtin.self) = self;
    sim_track(s, id);
    return id;
}

SimId sim_method_wrapper(Sim *s, uint32_t index, SimId self)
{
    SimId id = small_gc_obj(s, SK_BUILTIN, 48); /* wrapperobject: descr, self */
    SIM_V(s, id, SK_BUILTIN, builtin.index) = index;
    SIM_V(s, id, SK_BUILTIN, builtin.self) = self;
    s->obj[id].sub = SIM_BUILTIN_WRAPPER;
    sim_track(s, id);
    return id;
}

SimId sim_cell(Sim *s, SimId content)
{
    SimId id = small_gc_obj(s, SK_CELL, 40);
    SIM_V(s, id, SK_CELL, cell.ref) = content;
    sim_track(s, id);
    return id;
}

SimId sim_module(Sim *s, SimId name, SimId dict)
{
    SimId id = small_gc_obj(s, SK_MODULE, 72);
    SIM_V(s, id, SK_MODULE, module.dict) = dict;
    SIM_V(s, id, SK_MODULE, module.name) = name;
    sim_track(s, id);
    return id;
}

SimId sim_dictview(Sim *s, SimId d, int view)
{
    SimId id = small_gc_obj(s, SK_DICTVIEW, 40);
    SIM_V(s, id, SK_DICTVIEW, view.dict) = d;
    s->obj[id].sub = (uint8_t)view;
    sim_track(s, id);
    return id;
}

SimId sim_range(Sim *s, int64_t start, int64_t stop, int64_t step)
{
    SimId id = new_obj(s, SK_RANGE, 48, NULL, false);
    set_payload(s, id, 4);
    int64_t *r = (int64_t *)(void *)sim_items(s, id);
    r[0] = stop, r[1] = step;
    s->obj[id].v.i = start;
    /* compute_range_length's fast path: r->length = PyLong_FromLong(len), an
     * int of its own beyond the small ones (its block stands for it) */
    int64_t len = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
                           : (start > stop ? (start - stop - 1) / -step + 1 : 0);
    if (len > 256 && !s->static_alloc)
        s->obj[id].mem2 = pm_alloc(&s->pm, int_request(len));
    return id;
}
