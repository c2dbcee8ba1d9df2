/*
 * sim/internal: what the sim files share beyond sim.h's interface — record
 * allocation, the new-object block, the collector's counts, and each
 * kind's sizeof, traverse, clear and dealloc.  Code outside sim/ should not
 * need it (a few modules and unit tests still reach in: see their includes).
 */
#ifndef PYDIVE_SIM_INTERNAL_H
#define PYDIVE_SIM_INTERNAL_H

#include "sim/sim.h"

/* internal helpers shared by the sim files */
/* Lengths are 32-bit: a longer one is a refused allocation. */
static inline bool sim__len_fits(Sim *s, uint64_t n)
{
    if (n < UINT32_MAX)
        return true;
    sim_set_nomem(s);
    return false;
}
/* A new record of kind k, refcount 1, everything else zero (inline: one
 * per object made). */
void sim__grow_records(Sim *s);
void sim__brc_alloc(Sim *s, SimId id); /* brc.c: its owner is the running thread */
void sim__move_records(Sim *s);
static inline SimId sim__alloc_record(Sim *s, SimKind k)
{
    SimId id;
    if (s->free_head) {
        id = s->free_head;
        SIM_ASSERT(s->obj[id].kind == SK_FREE); /* the free list holds freed records only */
        s->free_head = s->obj[id].v.free.next;
    } else {
        if (s->nobj == s->capobj)
            sim__grow_records(s);
        id = s->nobj++;
    }
#ifdef SIM_CHECKS
    if (s->slab.always_move) /* the record table may move at any new record: a kept SimObj * is caught */
        sim__move_records(s);
#endif
    s->obj[id] = (SimObj){.kind = (uint8_t)k, .refcnt = 1};
    s->nlive++;
    if (s->brc)
        sim__brc_alloc(s, id);
    return id;
}
void sim__free_record(Sim *s, SimId id);
/* What a refused constructor returns: an empty record of kind k, nomem set. */
SimId sim__refused_record(Sim *s, SimKind k);
/* stringio.c: its size, dealloc (its references and buffer) and traverse */
size_t sim__stringio_size(const Sim *s);
void sim__stringio_dealloc(Sim *s, SimId id);
void sim__stringio_traverse(Sim *s, SimId id, SimVisit fn, void *arg);
void sim__gc_on_alloc(Sim *s);
/* A GC object's memory freed: gen 0's count goes down (inline: one per
 * container freed). */
static inline void sim__gc_on_free(Sim *s)
{
    if (s->gc.gen[0].count > 0)
        s->gc.gen[0].count--;
}
void gc__exposed(Sim *s); /* another start count's run may collect from here (gc_quiet.c) */
void sim__dealloc(Sim *s, SimId id);
void sim__dict_free_payload(Sim *s, SimId d);
size_t sim__dict_sizeof(const Sim *s, SimId d);
size_t sim__dict_keys_size(unsigned log2, bool str_keys); /* a keys block's size */
size_t sim__set_sizeof(const Sim *s, SimId d);
void sim__gc_list_append(Sim *s, uint32_t head, SimId id);
static inline void sim__gc_list_remove(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    SIM_ASSERT(s->obj[o->gc_prev].gc_next == id && s->obj[o->gc_next].gc_prev == id);
    s->obj[o->gc_prev].gc_next = o->gc_next;
    s->obj[o->gc_next].gc_prev = o->gc_prev;
    o->gc_prev = o->gc_next = 0;
}
/* sim_untrack of an object known to be tracked (inline: one per container
 * freed). */
static inline void sim__untrack_tracked(Sim *s, SimId id)
{
    sim__gc_list_remove(s, id);
    s->obj[id].flags &= (uint8_t) ~(SIM_F_TRACKED | SIM_F_COLLECTING | SIM_F_UNREACHABLE);
    SIM_ASSERT(s->tracked_count > 0);
    s->tracked_count--;
}
/* gc_clear.c: the tp_clear of an object's type (delete_garbage) */
void sim__tp_clear(Sim *s, SimId id);
void sim__unintern(Sim *s, SimId id);
void sim__weakref_unlink(Sim *s, SimId wr);
/* iter.c: the start-up type objects of SimXType; sizeof and dealloc of an
 * iterator */
void sim__make_xtypes(Sim *s, int64_t refcnt);
size_t sim__iter_sizeof(const Sim *s, SimId id);
void sim__iter_free_blocks(Sim *s, SimId id);
/* descr.c: what a property or a class/static method refers to, in its
 * tp_traverse order; what its tp_clear drops */
void sim__descr_traverse(Sim *s, SimId id, SimVisit fn, void *arg);
void sim__descr_clear(Sim *s, SimId id);
/* gen_dealloc up to the memory: weakrefs, finalizer, the frame; false when
 * the finalizer resurrected it. */
bool sim__gen_dealloc(Sim *s, SimId id);
/* Does its finalizer close a frame (run code)? */
bool sim__gen_needs_close(const Sim *s, SimId id);
/* A free list's block p is given out again: 3.11 and 3.12 re-attribute its
 * trace, if any, to the current traceback (_Py_NewReference calls
 * _PyTraceMalloc_NewReference); 3.13.0 keeps the first one. */
void sim__trace_renew(Sim *s, PmPtr p);
/* Parks block b on f, as a dealloc does when f has room: false when full. */
static inline bool sim__fl_park(Sim *s, SimFreeList *f, PmPtr b)
{
    if (f->n >= f->max)
        return false;
    if (f->slack && f->n + f->slack >= f->max) { /* CPython's may be full */
        s->fl_guess_missed = true;
        f->slack = f->max - f->n - 1;
    }
    SIM_ASSERT(b != PM_NULL);
    f->blocks[f->n++] = b;
    return true;
}
/* A block wanted from f, which holds none: CPython's may hold some
 * (sim_guess_freelists). */
static inline void sim__fl_empty(Sim *s, const SimFreeList *f)
{
    if (f->slack)
        s->fl_guess_missed = true;
}
/* Takes a block for a new object: from the type's free list when it has
 * one (no GC count change), else from pymalloc. */
static inline PmPtr sim__obj_block(Sim *s, SimFreeList *fl, size_t size, bool gc, bool *from_fl)
{
    SIM_ASSERT(!fl || fl->n <= fl->max);
    if (s->static_alloc) {
        *from_fl = false;
        return PM_NULL;
    }
    if (fl && fl->n > 0) {
        *from_fl = true;
        sim_event(s, SE_FREELIST_TAKE, 0, (uint32_t)size, fl->n - 1);
        PmPtr b = fl->blocks[--fl->n];
        if (s->pm.trace) /* tracemalloc: the block's trace moves to this line */
            sim__trace_renew(s, b);
        return b;
    }
    *from_fl = false;
    if (fl)
        sim__fl_empty(s, fl);
    if (gc)
        sim__gc_on_alloc(s);
    return pm_alloc(&s->pm, size);
}
SimId sim__new_obj(Sim *s, SimKind k, size_t size, SimFreeList *fl, bool gc);
/* A zeroed payload of nwords for id; false (none, refusal recorded) when refused. */
bool sim__set_payload(Sim *s, SimId id, size_t nwords);
/* A source inside the slab (a str's own bytes, sliced; a bytes copied into
 * a bytearray; an int's digits) moves with the array when the new object's
 * payload grows it: its offset is kept across the allocation, the pointer
 * made again. */
static inline ptrdiff_t sim__slab_offset(const Sim *s, const void *p)
{
    uintptr_t w = (uintptr_t)s->slab.words, c = (uintptr_t)p;
    return c >= w && c < w + s->slab.cap * sizeof *s->slab.words ? (ptrdiff_t)(c - w) : -1;
}
static inline const void *sim__slab_again(const Sim *s, const void *p, ptrdiff_t off)
{
    return off < 0 ? p : (const char *)s->slab.words + off;
}
/* Frees an object's record and block (to the free list fl when it has room). */
void sim__release(Sim *s, SimId id, SimFreeList *fl);
/* type.c: type_dealloc after the weakrefs (subclass entries, then the
 * references it owns); member / getset descriptor dealloc; an instance's
 * slot values dropped (clear_slots order) */
void sim__type_dealloc(Sim *s, SimId id);
void sim__member_dealloc(Sim *s, SimId id);
void sim__inst_clear_slots(Sim *s, SimId inst);
void sim__inst_visit_slots(Sim *s, SimId inst, SimVisit fn, void *arg);
void sim__inst_free_slots(Sim *s, SimId inst);
/* getsizeof of a class; the block of a program class's instance */
size_t sim__type_sizeof(const Sim *s, SimId id);
size_t sim__inst_size(const Sim *s, SimId cls);
/* exc.c: per-kind facts of exceptions and frames */
size_t sim__exc_sizeof(const Sim *s, SimId id);
/* A one-byte bytes singleton (characters[c]), static (heap.c) */
SimId sim__byte_char_new(Sim *s, uint8_t c);
void sim__exc_traverse(Sim *s, SimId id, SimVisit fn, void *arg);
void sim__exc_clear(Sim *s, SimId id);
size_t sim__frame_sizeof(const Sim *s, SimId id);
void sim__frame_traverse(Sim *s, SimId id, SimVisit fn, void *arg);
void sim__frame_clear(Sim *s, SimId id);
/* frame_dealloc's references up to f_back, which it hands back to drop last */
void sim__frame_dealloc_refs(Sim *s, SimId id, SimId *back);

/* An instance of cls stores its n-th attribute: its class's shared keys
 * learn the name, or are marked full (SIM_TYF_KEYSFULL). */
void sim__shared_keys_learn(Sim *s, SimId cls, uint32_t n, bool str_key);

#endif
