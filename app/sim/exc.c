/*
 * exc: the objects an exception brings — the exception instance with
 * BaseException's layout, traceback objects and frame objects.
 *
 * An exception is an instance (SK_INSTANCE, sub SIM_INST_EXC or
 * SIM_INST_EXC_HEAP for a class the program made) whose payload holds
 * PyBaseExceptionObject's fields: args, traceback, context, cause and
 * suppress_context; its __dict__ is a plain dict made on first use
 * (tp_dictoffset, not the managed values of other instances). sizeof is
 * 72 bytes and the GC header; a subclass adds a weakref slot (3.11) or a
 * pre-header (3.12+, Py_TPFLAGS_MANAGED_WEAKREF). A class built on a larger
 * layout (AttributeError's obj and name, OSError's five words...) adds its
 * words after those fields (`cap` of them); they are visited and cleared
 * first, as the subtype's traverse and clear functions do.
 *
 * A traceback (56 bytes, tracked) holds tb_next and tb_frame. A frame
 * object is made when a traceback first needs the frame (3.11+ keep
 * frames unboxed): untracked while its frame runs; when the frame ends and
 * the object is still referenced it takes the frame's slots over
 * (take_ownership), is tracked and keeps them alive. Its size is the fixed
 * part plus a word per slot (co_nlocalsplus + co_stacksize).
 */
#include <string.h>

#include "sim/internal.h"

/* ---- exceptions ------------------------------------------------------- */

static size_t exc_size(const Sim *s, bool heap_type, uint32_t nextra)
{
    size_t base = heap_type ? (s->prof->version == SIM_V311 ? 96 : 104) : 88;
    return base + 8 * (size_t)nextra;
}

size_t sim__exc_sizeof(const Sim *s, SimId id)
{
    return exc_size(s, s->obj[id].sub == SIM_INST_EXC_HEAP, s->obj[id].cap);
}

SimId sim_exc_new(Sim *s, SimId cls, bool heap_type, uint32_t nextra)
{
    SimObj *o;
    size_t size = exc_size(s, heap_type, nextra);
    bool from_fl;
    PmPtr b = sim__obj_block(s, NULL, size, true, &from_fl);
    SimId id = sim__alloc_record(s, SK_INSTANCE);
    o = &s->obj[id];
    o->mem = b;
    o->flags |= SIM_F_GCTYPE;
    o->sub = heap_type ? SIM_INST_EXC_HEAP : SIM_INST_EXC;
    o->type = cls;
    uint32_t cap = 0;
    uint32_t h = slab_alloc(&s->slab, SIM_EXC_NFIELDS + nextra, &cap);
    o = &s->obj[id];
    o->cap = nextra;
    o->data = h;
    o->datacap = cap;
    if (!h)
        sim_set_nomem(s);
    else
        memset(slab_ptr(&s->slab, h), 0, cap * sizeof(uint32_t));
    sim_event(s, SE_ALLOC, id, (uint32_t)size, 0);
    sim_incref(s, cls);
    sim_track(s, id);
    return id;
}

bool sim_is_exc(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    return o->kind == SK_INSTANCE && (o->sub == SIM_INST_EXC || o->sub == SIM_INST_EXC_HEAP);
}

SimId sim_exc_get(const Sim *s, SimId e, SimExcField f)
{
    SIM_ASSERT(sim_is_exc(s, e) && (uint32_t)f < SIM_EXC_NFIELDS + s->obj[e].cap);
    const SimObj *o = &s->obj[e];
    return o->data ? sim_items(s, e)[f] : 0;
}

void sim_exc_set(Sim *s, SimId e, SimExcField f, SimId v)
{
    SIM_ASSERT(sim_is_exc(s, e) && (uint32_t)f < SIM_EXC_NFIELDS + s->obj[e].cap);
    if (!s->obj[e].data) {
        sim_xdecref(s, v);
        return;
    }
    SimId old = sim_items(s, e)[f];
    sim_items(s, e)[f] = v;
    if (old && f != SIM_EXC_SUPPRESS)
        sim_decref(s, old);
}

SimId sim_exc_dict(Sim *s, SimId e)
{
    SimObj *o = &s->obj[e];
    if (!o->v.instance.dict) {
        SimId d = sim_dict(s);
        s->obj[e].v.instance.dict = d;
    }
    return s->obj[e].v.instance.dict;
}

/* BaseException_traverse: dict, args, (notes), traceback, cause, context */
static const SimExcField visit_order[] = {SIM_EXC_ARGS, SIM_EXC_TRACEBACK, SIM_EXC_CAUSE,
                                          SIM_EXC_CONTEXT};

void sim__exc_traverse(Sim *s, SimId id, SimVisit fn, void *arg)
{
    SimObj *o = &s->obj[id];
    if (o->sub == SIM_INST_EXC_HEAP) /* subtype_traverse: the heap type first */
        fn(s, o->type, arg);
    for (uint32_t i = 0; o->data && i < o->cap; i++) {
        SimId v = sim_items(s, id)[SIM_EXC_NFIELDS + i];
        if (v)
            fn(s, v, arg);
    }
    if (o->v.instance.dict)
        fn(s, o->v.instance.dict, arg);
    for (size_t i = 0; o->data && i < sizeof visit_order / sizeof visit_order[0]; i++) {
        SimId v = sim_items(s, id)[visit_order[i]];
        if (v)
            fn(s, v, arg);
    }
    if (o->sub == SIM_INST_EXC)
        fn(s, o->type, arg); /* the model's classes live on the heap: the audit counts it */
}

/* BaseException_clear, in its order; each field taken out first */
void sim__exc_clear(Sim *s, SimId id)
{
    for (uint32_t i = 0; s->obj[id].data && i < s->obj[id].cap; i++) {
        SimId v = sim_items(s, id)[SIM_EXC_NFIELDS + i];
        sim_items(s, id)[SIM_EXC_NFIELDS + i] = 0;
        sim_xdecref(s, v);
    }
    SimId d = s->obj[id].v.instance.dict;
    s->obj[id].v.instance.dict = 0;
    sim_xdecref(s, d);
    for (size_t i = 0; i < sizeof visit_order / sizeof visit_order[0]; i++) {
        if (!s->obj[id].data)
            break;
        SimId v = sim_items(s, id)[visit_order[i]];
        sim_items(s, id)[visit_order[i]] = 0;
        sim_xdecref(s, v);
    }
}

/* ---- tracebacks ------------------------------------------------------- */

SimId sim_traceback_new(Sim *s, SimId next, SimId frame, uint32_t code, int lineno, uint32_t lasti)
{
    bool from_fl;
    PmPtr b = sim__obj_block(s, NULL, 56, true, &from_fl);
    SimId id = sim__alloc_record(s, SK_TRACEBACK);
    SimObj *o = &s->obj[id];
    o->mem = b;
    o->flags |= SIM_F_GCTYPE;
    o->len = (uint32_t)(lineno > 0 ? lineno : 0);
    o->cap = code;
    o->v.tb.next = next;
    o->v.tb.frame = frame;
    o->v.tb.lasti = lasti;
    sim_event(s, SE_ALLOC, id, 56, 0);
    sim_track(s, id);
    return id;
}

/* ---- frames ------------------------------------------------------------ */

size_t sim__frame_sizeof(const Sim *s, SimId id)
{
    return (s->prof->version == SIM_V313 ? 152 : 136) + 8 * (size_t)s->obj[id].cap;
}

SimId sim_frame_new(Sim *s, uint32_t nslots)
{
    bool from_fl;
    size_t size = (s->prof->version == SIM_V313 ? 152 : 136) + 8 * (size_t)nslots;
    PmPtr b = sim__obj_block(s, NULL, size, true, &from_fl);
    SimId id = sim__alloc_record(s, SK_FRAME);
    SimObj *o = &s->obj[id];
    o->mem = b;
    o->flags |= SIM_F_GCTYPE;
    o->cap = nslots;
    sim_event(s, SE_ALLOC, id, (uint32_t)size, 0);
    return id; /* _PyFrame_New_NoTrack: tracked once it owns its frame */
}

bool sim_frame_take(Sim *s, SimId frame, const SimId *slots, uint32_t n, SimId func, SimId back)
{
    SimObj *o = sim__of_kind(s, frame, SK_FRAME);
    uint32_t cap = 0;
    uint32_t h = n ? slab_alloc(&s->slab, n, &cap) : 0;
    o = &s->obj[frame];
    if (n && !h) {
        sim_set_nomem(s);
        return false;
    }
    o->data = h;
    o->datacap = cap;
    if (n)
        memcpy(slab_ptr(&s->slab, h), slots, n * sizeof *slots);
    o->len = n;
    o->sub = SIM_FRAME_OWNED;
    o->v.frame.func = func;
    o->v.frame.back = back;
    if (!(o->flags & SIM_F_TRACKED))
        sim_track(s, frame);
    return true;
}

void sim__frame_traverse(Sim *s, SimId id, SimVisit fn, void *arg)
{
    SimObj *o = &s->obj[id];
    if (o->v.frame.back)
        fn(s, o->v.frame.back, arg);
    if (o->sub != SIM_FRAME_OWNED)
        return;
    if (o->v.frame.func)
        fn(s, o->v.frame.func, arg);
    for (uint32_t i = 0; i < s->obj[id].len; i++)
        if (sim_items(s, id)[i])
            fn(s, sim_items(s, id)[i], arg);
}

/* frame_tp_clear: the slots (the function and f_back stay) */
void sim__frame_clear(Sim *s, SimId id)
{
    while (s->obj[id].len > 0) {
        uint32_t i = --s->obj[id].len;
        SimId v = sim_items(s, id)[i];
        sim_items(s, id)[i] = 0;
        sim_xdecref(s, v);
    }
}

/* frame_dealloc: the function, the slots in order, then f_back */
void sim__frame_dealloc_refs(Sim *s, SimId id, SimId *back)
{
    SimObj *o = &s->obj[id];
    *back = o->v.frame.back;
    o->v.frame.back = 0;
    SimId func = o->v.frame.func;
    o->v.frame.func = 0;
    sim_xdecref(s, func);
    uint32_t n = s->obj[id].len;
    for (uint32_t i = 0; i < n; i++) {
        SimId v = sim_items(s, id)[i];
        sim_items(s, id)[i] = 0;
        sim_xdecref(s, v);
    }
    s->obj[id].len = 0;
}
