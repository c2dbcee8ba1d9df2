/*
 * gen: generator objects.  CPython 3.11+ keeps a generator's frame inside
 * the generator (gi_iframe): the object's size is its fixed part plus one
 * word per frame slot (co_nlocalsplus + co_stacksize), and the frame's
 * locals and stack are references the generator owns while it is
 * suspended.  The host saves and restores the frame (pyrun's vm_gen.c);
 * here are the object, its payload and gen_dealloc's order: weakrefs, the
 * finalizer (close, which runs Python code), the frame, then the memory.
 */
#include <string.h>

#include "sim/gc.h"
#include "sim/internal.h"

SimId sim_gen_new(Sim *s, uint32_t code, SimId func, uint32_t framesize)
{
    size_t fixed = s->prof->version == SIM_V311 ? 168 : 160; /* with the GC header */
    bool from_fl;
    PmPtr b = sim__obj_block(s, NULL, fixed + 8 * (size_t)framesize, true, &from_fl);
    SimId id = sim__alloc_record(s, SK_GEN);
    SimObj *o = &s->obj[id];
    o->mem = b;
    o->flags |= SIM_F_GCTYPE;
    o->cap = framesize;
    o->sub = SIM_GEN_CREATED;
    SIM_V(s, id, SK_GEN, gen.func) = func;
    SIM_V(s, id, SK_GEN, gen.flavor) = SIM_GEN_PLAIN;
    SIM_V(s, id, SK_GEN, gen.code) = code;
    sim_event(s, SE_ALLOC, id, (uint32_t)(fixed + 8 * (size_t)framesize), 0);
    sim_track(s, id);
    return id;
}

uint32_t *sim_gen_words(Sim *s, SimId gen, size_t words)
{
    SimObj *o = sim__of_kind(s, gen, SK_GEN);
    if (words <= o->datacap)
        return slab_ptr(&s->slab, o->data);
    uint32_t cap = o->datacap;
    uint32_t h = o->data ? slab_resize(&s->slab, o->data, &cap, words, o->datacap)
                         : slab_alloc(&s->slab, words, &cap);
    if (!h) {
        sim_set_nomem(s);
        return NULL;
    }
    o = &s->obj[gen];
    o->data = h;
    o->datacap = cap;
    return slab_ptr(&s->slab, h);
}

void sim_gen_clear_frame(Sim *s, SimId gen)
{
    /* the slots in order, each taken out first: a finalizer that runs
     * meanwhile never sees a freed one */
    while (s->obj[gen].len > 0) {
        SimObj *o = &s->obj[gen];
        uint32_t *w = slab_ptr(&s->slab, o->data);
        SimId v = w[0];
        memmove(w, w + 1, (size_t)(o->datacap - 1) * sizeof *w);
        o->len--;
        sim_xdecref(s, v);
    }
    SimId func = SIM_V(s, gen, SK_GEN, gen.func);
    SIM_V(s, gen, SK_GEN, gen.func) = 0;
    sim_xdecref(s, func);
}

bool sim__gen_needs_close(const Sim *s, SimId id)
{
    /* _PyGen_Finalize closes a paused frame; 3.11 also runs a just-created
     * one into GeneratorExit (3.12+ marks it completed without running it) */
    uint8_t st = s->obj[id].sub;
    if (st == SIM_GEN_CREATED && s->obj[id].v.gen.flavor == SIM_GEN_CORO)
        return true; /* 'coroutine ... was never awaited' (_PyErr_WarnUnawaitedCoroutine) */
    return st == SIM_GEN_SUSPENDED || (st == SIM_GEN_CREATED && s->prof->version == SIM_V311);
}

bool sim__gen_dealloc(Sim *s, SimId id)
{
    if (s->obj[id].weaklist)
        sim_clear_weakrefs(s, id, true);
    SimObj *o = &s->obj[id];
    if (sim__gen_needs_close(s, id) && !(o->flags & SIM_F_FINALIZED) && s->hooks.finalize) {
        /* PyObject_CallFinalizerFromDealloc: _PyGen_Finalize closes it */
        if (s->gc.run_phase != GC_IDLE)
            s->gc.run_touched = true; /* a collection's frees ran it */
        o->refcnt = 1;
        sim_track(s, id);
        o->flags |= SIM_F_FINALIZED;
        sim_event(s, SE_FINALIZE, id, 0, 0);
        s->hooks.finalize(s->hooks.ctx, id);
        o = &s->obj[id];
        if (--o->refcnt > 0) {
            sim_event(s, SE_RESURRECT, id, 0, 0);
            return false;
        }
        sim_untrack(s, id);
    }
    s->obj[id].sub = SIM_GEN_CLOSED;
    sim_gen_clear_frame(s, id);
    return true;
}
