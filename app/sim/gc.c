/*
 * gc: the collector.  The steps and their order follow gc_collect_main of
 * Modules/gcmodule.c 3.11.2 as described in cpython-internals.md §4.2
 * (update_refs, subtract_refs, move_unreachable, untrack_tuples,
 * handle_weakrefs, finalize_garbage, handle_resurrected_objects,
 * delete_garbage); reimplemented over the heap's intrusive lists.  Each
 * type's tp_clear is in gc_clear.c.
 */
#include "sim/gc.h"
#include "sim/brc.h"
#include "sim/forkpages.h"
#include "sim/internal.h"

#include "sim/check.h"

#include <string.h>

#define GEN_HEAD(g) ((uint32_t)(GC_LIST_GEN0 + (g)))

/* ---- intrusive lists ---------------------------------------------------- */

static inline SimObj *O(Sim *s, uint32_t id) { return &s->obj[id]; }

void sim__gc_list_append(Sim *s, uint32_t head, SimId id)
{
    SIM_ASSERT(O(s, head)->kind == SK_SENTINEL && O(s, id)->kind != SK_FREE);
    uint32_t last = O(s, head)->gc_prev;
    SIM_ASSERT(O(s, last)->gc_next == head); /* the list is whole before the insert */
    O(s, id)->gc_prev = last;
    O(s, id)->gc_next = head;
    O(s, last)->gc_next = id;
    O(s, head)->gc_prev = id;
}

static void list_move(Sim *s, SimId id, uint32_t head)
{
    sim__gc_list_remove(s, id);
    sim__gc_list_append(s, head, id);
}

static bool list_empty(const Sim *s, uint32_t head) { return s->obj[head].gc_next == head; }

/* Appends every object of `from` to `to` without touching them. */
static void list_splice(Sim *s, uint32_t from, uint32_t to)
{
    if (list_empty(s, from))
        return;
    uint32_t first = O(s, from)->gc_next, last = O(s, from)->gc_prev;
    uint32_t tail = O(s, to)->gc_prev;
    O(s, tail)->gc_next = first;
    O(s, first)->gc_prev = tail;
    O(s, last)->gc_next = to;
    O(s, to)->gc_prev = last;
    O(s, from)->gc_next = O(s, from)->gc_prev = from;
}

/* Appends every object of `from` to `to`, setting their generation. */
static void list_merge(Sim *s, uint32_t from, uint32_t to, int gen)
{
    if (list_empty(s, from))
        return;
    for (uint32_t id = O(s, from)->gc_next; id != from; id = O(s, id)->gc_next)
        O(s, id)->gen = (uint8_t)gen;
    uint32_t first = O(s, from)->gc_next, last = O(s, from)->gc_prev;
    uint32_t tail = O(s, to)->gc_prev;
    O(s, tail)->gc_next = first;
    O(s, first)->gc_prev = tail;
    O(s, last)->gc_next = to;
    O(s, to)->gc_prev = last;
    O(s, from)->gc_next = O(s, from)->gc_prev = from;
}

size_t gc_list_size(const Sim *s, uint32_t head)
{
    size_t n = 0;
    for (uint32_t id = s->obj[head].gc_next; id != head; id = s->obj[id].gc_next)
        n++;
    return n;
}

void sim_track(Sim *s, SimId id)
{
    SimObj *o = O(s, id);
    if (o->flags & SIM_F_TRACKED)
        return;
    o->flags |= SIM_F_TRACKED;
    o->gen = 0;
    sim__gc_list_append(s, GEN_HEAD(0), id);
    s->tracked_count++;
}

void sim_untrack(Sim *s, SimId id)
{
    if (O(s, id)->flags & SIM_F_TRACKED)
        sim__untrack_tracked(s, id);
}

/* ---- counts and triggers ------------------------------------------------ */

void gc_init(Sim *s)
{
    SimGcState *g = &s->gc;
    for (int i = 0; i < 3; i++) {
        g->gen[i].head = GEN_HEAD(i);
        g->gen[i].threshold = s->prof->threshold[i];
    }
    g->permanent = GC_LIST_PERMANENT;
    g->gen[0].count = (int)s->prof->startup_gc_count0;
    g->gen[1].count = (int)s->prof->startup_gc_count1;
    g->enabled = true;
    g->count_pinned = true; /* a program runner unpins it (pyrun.c) */
    g->first_gen = -1;
    g->startup_tracked = s->prof->startup_tracked;
    g->startup_frozen = s->prof->startup_frozen;
}

static bool should_collect(const Sim *s)
{
    const SimGcState *g = &s->gc;
    return g->enabled && g->gen[0].threshold && g->gen[0].count > g->gen[0].threshold &&
           !g->collecting && g->run_phase == GC_IDLE;
}

void sim__gc_on_alloc(Sim *s)
{
    SimGcState *g = &s->gc;
    g->gen[0].count++;
    if (!g->count_pinned && g->enabled && g->gen[0].threshold &&
        g->gen[0].count + g->unpinned_slack > g->gen[0].threshold && !g->timing_exposed)
        gc__exposed(s);
    if (should_collect(s)) {
        if (s->prof->gc_in_alloc) {
            s->gc.collecting = true;
            gc_collect_generations(s);
            s->gc.collecting = false;
        } else {
            s->gc.scheduled = s->gc.due = true; /* run at the next eval-breaker check */
        }
    }
    if (!g->count_pinned) { /* 3.11: from another start count, a collection could have run here */
        g->point_mark = O(s, GEN_HEAD(0))->gc_prev;
        g->nreleased = 0;
    }
}

void gc_note_foreign(Sim *s, unsigned n, unsigned survivors)
{
    s->gc.startup_tracked += survivors;
    for (unsigned i = 0; i < n; i++)
        sim__gc_on_alloc(s);
}

/* ---- the phases -------------------------------------------------------- */

static void visit_decref(Sim *s, SimId ref, void *arg)
{
    (void)arg;
    SimObj *o = O(s, ref);
    if ((o->flags & (SIM_F_TRACKED | SIM_F_COLLECTING)) == (SIM_F_TRACKED | SIM_F_COLLECTING))
        o->gc_refs--;
}

static void update_refs(Sim *s, uint32_t head)
{
    for (uint32_t id = O(s, head)->gc_next; id != head; id = O(s, id)->gc_next) {
        SimObj *o = O(s, id);
        o->gc_refs = (o->flags & SIM_F_IMMORTAL) ? (int64_t)1 << 40 : o->refcnt;
        o->flags |= SIM_F_COLLECTING;
        if (s->brc && s->brc->fork) /* a forked child writes gc_refs into the parent's page */
            sim__forkpages_touch(s, id);
    }
}

static void subtract_refs(Sim *s, uint32_t head)
{
    for (uint32_t id = O(s, head)->gc_next; id != head; id = O(s, id)->gc_next) {
        const SimObj *o = O(s, id);
        if (o->type || (o->kind != SK_LIST && o->kind != SK_TUPLE)) {
            sim_traverse(s, id, visit_decref, NULL);
            continue;
        }
        const SimId *items = sim_items(s, id); /* sim_traverse's walk of an exact list or tuple */
        for (uint32_t i = 0, n = o->len; i < n; i++)
            if (items[i])
                visit_decref(s, items[i], NULL);
    }
}

static void visit_reachable(Sim *s, SimId ref, void *arg)
{
    uint32_t young = *(uint32_t *)arg;
    SimObj *o = O(s, ref);
    if (!(o->flags & SIM_F_TRACKED) || !(o->flags & SIM_F_COLLECTING))
        return;
    if (o->flags & SIM_F_UNREACHABLE) { /* tentatively unreachable: bring it back */
        o->flags &= (uint8_t)~SIM_F_UNREACHABLE;
        list_move(s, ref, young);
        o->gc_refs = 1;
    } else if (o->gc_refs == 0) {
        o->gc_refs = 1;
    }
}

/* Interpreter exit's first collection: __main__'s module reaches its dict.
 * The model holds neither the module nor sys.modules (which holds it, an
 * interpreter object at the front of the oldest generation holding any of
 * them), so it brings the dict back where CPython's scan would: */
enum {
    GC_EXIT_OFF,
    GC_EXIT_AT_SCAN,     /* 3.13: the dict comes just before the module */
    GC_EXIT_AT_BOUNDARY, /* 3.11/3.12: sys.modules after the young generation */
};

static void exit_rescue(Sim *s, uint32_t young)
{
    SimId d = s->gc.exit_dict;
    s->gc.exit_mode = GC_EXIT_OFF;
    if (!(O(s, d)->flags & SIM_F_UNREACHABLE))
        return;
    O(s, d)->flags &= (uint8_t)~SIM_F_UNREACHABLE;
    list_move(s, d, young);
    O(s, d)->gc_refs = 1;
}

/* tp_traverse in CPython's order, which decides the order the scan brings
 * objects back in: list_traverse and tupletraverse go from the last item,
 * dict_traverse visits a value before its key when the keys are not all
 * str (sim_traverse walks them forward, key first) */
static void traverse_in_order(Sim *s, SimId id, SimVisit fn, void *arg)
{
    const SimObj *o = O(s, id);
    bool seq = o->kind == SK_LIST || o->kind == SK_TUPLE;
    bool mixed = o->kind == SK_DICT && !o->sub && !(o->flags & SIM_F_EMBEDDED);
    if ((!seq && !mixed) || sim_is_odict(s, id)) {
        sim_traverse(s, id, fn, arg);
        return;
    }
    if (sim_is_subinst(s, id)) { /* subtype_traverse: the dict, the class, then the base's */
        if (o->ext)
            fn(s, o->ext, arg);
        fn(s, O(s, id)->type, arg);
    }
    if (seq) {
        for (uint32_t i = O(s, id)->len; i-- > 0;)
            if (i < O(s, id)->len && sim_items(s, id)[i])
                fn(s, sim_items(s, id)[i], arg);
        return;
    }
    uint32_t pos = 0;
    SimId k, v;
    while (sim__dict_next_raw(s, id, &pos, &k, &v)) {
        if (v)
            fn(s, v, arg);
        fn(s, k, arg);
    }
}

static void move_unreachable(Sim *s, uint32_t young, uint32_t unreachable)
{
    uint32_t id = O(s, young)->gc_next;
    uint32_t last = O(s, young)->gc_prev; /* the scan's end before anything comes back */
    while (id != young) {
        if (s->gc.exit_mode == GC_EXIT_AT_BOUNDARY && id == s->gc.exit_boundary)
            exit_rescue(s, young);
        bool reachable = O(s, id)->gc_refs > 0;
        uint32_t next = O(s, id)->gc_next;
        if (reachable) {
            traverse_in_order(s, id, visit_reachable, &young);
            O(s, id)->flags &= (uint8_t)~SIM_F_COLLECTING;
        } else {
            list_move(s, id, unreachable);
            O(s, id)->flags |= SIM_F_UNREACHABLE;
            if (s->gc.exit_mode == GC_EXIT_AT_SCAN && id == s->gc.exit_dict)
                exit_rescue(s, young); /* the module just after it takes it back */
        }
        if (id == last && s->gc.exit_mode == GC_EXIT_AT_BOUNDARY) {
            exit_rescue(s, young); /* sys.modules after the last: the dict comes back behind all */
            if (next == young)
                next = O(s, young)->gc_prev;
        }
        if (reachable) /* the traversal may have brought objects back behind it */
            next = O(s, id)->gc_next;
        id = next;
    }
}

static void deduce_unreachable(Sim *s, uint32_t base, uint32_t unreachable)
{
    update_refs(s, base);
    subtract_refs(s, base);
    move_unreachable(s, base, unreachable);
}

static void clear_unreachable_flags(Sim *s, uint32_t head)
{
    for (uint32_t id = O(s, head)->gc_next; id != head; id = O(s, id)->gc_next)
        O(s, id)->flags &= (uint8_t)~SIM_F_UNREACHABLE;
}

static void clear_collecting(Sim *s, uint32_t head)
{
    for (uint32_t id = O(s, head)->gc_next; id != head; id = O(s, id)->gc_next)
        O(s, id)->flags &= (uint8_t)~SIM_F_COLLECTING;
}

static bool all_items_untracked(Sim *s, SimId id)
{
    SimObj *o = O(s, id);
    if (o->kind == SK_TUPLE) {
        for (uint32_t i = 0; i < o->len; i++) {
            SimId it = sim_items(s, id)[i];
            if (it && sim_may_be_tracked(s, it))
                return false;
        }
        return true;
    }
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(s, id, &pos, &k, &v))
        if (sim_may_be_tracked(s, k) || (v && sim_may_be_tracked(s, v)))
            return false;
    return true;
}

static void untrack_kind(Sim *s, uint32_t head, SimKind kind)
{
    uint32_t id = O(s, head)->gc_next;
    while (id != head) {
        uint32_t next = O(s, id)->gc_next;
        if (O(s, id)->kind == kind && !sim_is_subinst(s, id) && all_items_untracked(s, id)) { /* exact ones only */
            sim_untrack(s, id);
            sim_event(s, SE_UNTRACK, id, 0, 0);
        }
        id = next;
    }
}

static inline bool needs_finalizer(Sim *s, SimId id);

static uint32_t young_of(const Sim *s) { return GEN_HEAD(s->gc.run_gen); }
static uint32_t old_of(const Sim *s) { return GEN_HEAD(s->gc.run_gen < 2 ? s->gc.run_gen + 1 : 2); }

static void phase_survivors(Sim *s)
{
    int g = s->gc.run_gen;
    uint32_t young = young_of(s);
    untrack_kind(s, young, SK_TUPLE);
    if (g < 2) {
        if (g == 1)
            s->gc.long_lived_pending += gc_list_size(s, young);
        list_merge(s, young, old_of(s), g + 1);
    } else {
        untrack_kind(s, young, SK_DICT); /* only full collections untrack dicts */
        if (s->gc.startup_full < 2 && s->gc.startup_tracked) {
            /* the interpreter's own untrackable tuples and dicts */
            uint64_t u = s->prof->startup_untrack[s->gc.startup_full++];
            s->gc.startup_tracked -= u < s->gc.startup_tracked ? u : s->gc.startup_tracked;
        }
        s->gc.long_lived_pending = 0;
        s->gc.long_lived_total = gc_list_size(s, young) + s->gc.startup_tracked;
        for (uint32_t id = O(s, young)->gc_next; id != young; id = O(s, id)->gc_next)
            O(s, id)->gen = 2;
    }
    /* one pass over the trash: clear the marks and note what later phases need */
    uint32_t un = GC_LIST_UNREACHABLE;
    s->gc.un_count = 0;
    s->gc.un_weak = s->gc.un_final = false;
    for (uint32_t id = O(s, un)->gc_next; id != un; id = O(s, id)->gc_next) {
        SimObj *o = O(s, id);
        o->flags &= (uint8_t)~SIM_F_UNREACHABLE;
        s->gc.un_count++;
        if (o->weaklist || o->kind == SK_WEAKREF)
            s->gc.un_weak = true;
        if (needs_finalizer(s, id))
            s->gc.un_final = true;
    }
}

static void phase_weakrefs(Sim *s)
{
    uint32_t un = GC_LIST_UNREACHABLE;
    if (!s->gc.un_weak)
        return;
    for (uint32_t id = O(s, un)->gc_next; id != un; id = O(s, id)->gc_next) {
        if (O(s, id)->kind == SK_WEAKREF)
            sim__weakref_unlink(s, id); /* trash weakrefs lose their referent */
        while (O(s, id)->weaklist) {
            SimId wr = O(s, id)->weaklist;
            sim__weakref_unlink(s, wr);
            if (!SIM_V(s, wr, SK_WEAKREF, weakref.callback) || (O(s, wr)->flags & SIM_F_COLLECTING))
                continue;
            sim_incref(s, wr);
            list_move(s, wr, GC_LIST_WRCB);
        }
    }
    while (!list_empty(s, GC_LIST_WRCB)) {
        SimId wr = O(s, GC_LIST_WRCB)->gc_next;
        SimId cb = SIM_V(s, wr, SK_WEAKREF, weakref.callback);
        sim_event(s, SE_WEAKREF_CB, wr, 0, 0);
        s->gc.ran_code = true;
        sim_incref(s, cb);
        if (s->hooks.call1)
            s->hooks.call1(s->hooks.ctx, cb, wr);
        sim_decref(s, cb);
        sim_decref(s, wr);
        if (O(s, GC_LIST_WRCB)->gc_next == wr)
            list_move(s, wr, old_of(s)); /* still alive */
        else
            s->gc.run_m++; /* the callback freed it */
    }
}

/* tp_finalize that runs code: a __del__, or a suspended generator's close */
static inline bool needs_finalizer(Sim *s, SimId id)
{
    SimObj *o = O(s, id);
    if (o->flags & SIM_F_FINALIZED || !s->hooks.finalize)
        return false;
    if (o->kind == SK_GEN)
        return sim__gen_needs_close(s, id);
    return (o->kind == SK_INSTANCE || sim_is_subinst(s, id)) && (O(s, o->type)->flags & SIM_F_SPECIAL);
}

static void phase_finalize(Sim *s)
{
    uint32_t un = GC_LIST_UNREACHABLE;
    if (!s->gc.un_final)
        return; /* nothing to call: finalize_garbage would only walk the list */
    s->gc.ran_code = true;
    while (!list_empty(s, un)) {
        SimId id = O(s, un)->gc_next;
        list_move(s, id, GC_LIST_SEEN);
        SimObj *o = O(s, id);
        if (!needs_finalizer(s, id))
            continue;
        o->flags |= SIM_F_FINALIZED;
        sim_incref(s, id);
        sim_event(s, SE_FINALIZE, id, 0, 0);
        s->hooks.finalize(s->hooks.ctx, id);
        sim_decref(s, id);
    }
    list_merge(s, GC_LIST_SEEN, un, s->gc.run_gen);
}

static void phase_resurrect(Sim *s)
{
    uint32_t un = GC_LIST_UNREACHABLE;
    if (!s->gc.ran_code) {
        /* no Python code ran since the deduction: nothing can have been
         * resurrected, so the second deduction would find the same set */
        list_splice(s, un, GC_LIST_FINAL);
        s->gc.run_m += (long)s->gc.un_count;
        return;
    }
    clear_collecting(s, un);
    deduce_unreachable(s, un, GC_LIST_FINAL);
    clear_unreachable_flags(s, GC_LIST_FINAL);
    for (uint32_t id = O(s, un)->gc_next; id != un; id = O(s, id)->gc_next)
        sim_event(s, SE_RESURRECT, id, 0, 0);
    int og = s->gc.run_gen < 2 ? s->gc.run_gen + 1 : 2;
    list_merge(s, un, old_of(s), og);
    s->gc.run_m += (long)gc_list_size(s, GC_LIST_FINAL);
}

static void phase_delete(Sim *s)
{
    uint32_t fin = GC_LIST_FINAL;
    int og = s->gc.run_gen < 2 ? s->gc.run_gen + 1 : 2;
    while (!list_empty(s, fin)) {
        SimId id = O(s, fin)->gc_next;
        if (s->gc.debug & GC_DEBUG_SAVEALL) {
            sim_incref(s, id);
            sim_list_append(s, s->gc.garbage, id);
        } else {
            sim_incref(s, id);
            sim__tp_clear(s, id);
            sim_decref(s, id);
        }
        if (O(s, fin)->gc_next == id) { /* survived its tp_clear */
            O(s, id)->flags &= (uint8_t)~SIM_F_COLLECTING;
            list_move(s, id, old_of(s));
            O(s, id)->gen = (uint8_t)og;
        }
    }
}

/* ---- driving a collection ----------------------------------------------- */

bool gc_begin(Sim *s, int gen)
{
    SimGcState *g = &s->gc;
    if (g->run_phase != GC_IDLE)
        return false;
    g->run_gen = gen;
    g->ran_code = g->run_touched = g->run_foreign = false;
    g->run_phase = GC_PH_START;
    g->run_m = g->run_n = 0;
    if (g->first_gen < 0)
        g->first_gen = (int8_t)gen;
    g->exit_boundary = gen == 2 ? O(s, GEN_HEAD(1))->gc_next : 0; /* the old generation's first */
    g->exit_boundary = g->exit_boundary == GEN_HEAD(1) ? 0 : g->exit_boundary;
    if (gen + 1 < 3)
        g->gen[gen + 1].count++;
    for (int i = 0; i <= gen; i++)
        g->gen[i].count = 0;
    for (int i = 0; i < gen; i++)
        list_merge(s, GEN_HEAD(i), GEN_HEAD(gen), gen);
    sim_event(s, SE_GC_START, 0, (uint32_t)gen, 0);
    return true;
}

GcPhase gc_step(Sim *s)
{
    SimGcState *g = &s->gc;
    GcPhase done = (GcPhase)g->run_phase;
    switch (done) {
    case GC_IDLE: return GC_IDLE;
    case GC_PH_START: update_refs(s, young_of(s)); break;
    case GC_PH_UPDATE_REFS:
        subtract_refs(s, young_of(s));
        if (g->exit_mode != GC_EXIT_OFF && (O(s, g->exit_dict)->flags & SIM_F_COLLECTING))
            O(s, g->exit_dict)->gc_refs--; /* the module's reference is one among the set's */
        else
            g->exit_mode = GC_EXIT_OFF; /* frozen: sys.modules' reach is not this collection's */
        break;
    case GC_PH_SUBTRACT_REFS: move_unreachable(s, young_of(s), GC_LIST_UNREACHABLE); break;
    case GC_PH_MOVE_UNREACHABLE: phase_survivors(s); break;
    case GC_PH_SURVIVORS: phase_weakrefs(s); break;
    case GC_PH_WEAKREFS: phase_finalize(s); break;
    case GC_PH_FINALIZE: phase_resurrect(s); break;
    case GC_PH_RESURRECT: phase_delete(s); break;
    case GC_PH_DELETE:
        g->run_foreign = g->foreign_garbage > 0;
        g->run_m += (long)g->foreign_garbage; /* an import's own garbage is young: any collection finds it */
        g->foreign_garbage = 0;
        if (g->run_gen == 2)
            sim_clear_freelists(s);
        g->collections[g->run_gen]++;
        g->collected[g->run_gen] += (uint64_t)g->run_m;
        g->uncollectable[g->run_gen] += (uint64_t)g->run_n;
        break;
    case GC_PH_DONE:
        g->run_phase = GC_IDLE;
        return GC_PH_DONE;
    }
    g->run_phase = done + 1;
    sim_event(s, g->run_phase == GC_PH_DONE ? SE_GC_DONE : SE_GC_PHASE, 0,
              (uint32_t)g->run_phase, (uint32_t)g->run_m);
    return (GcPhase)g->run_phase;
}

GcPhase gc_phase(const Sim *s) { return (GcPhase)s->gc.run_phase; }
long gc_result(const Sim *s) { return s->gc.run_m + s->gc.run_n; }

long gc_collect(Sim *s, int gen)
{
    if (s->gc.collecting || s->gc.run_phase != GC_IDLE)
        return 0;
    s->gc.collecting = true;
    gc_begin(s, gen);
    while (gc_step(s) != GC_PH_DONE)
        ;
    s->gc.run_phase = GC_IDLE;
    s->gc.collecting = false;
    return gc_result(s);
}

long gc_shutdown_collect(Sim *s, SimId main_dict)
{
    SimGcState *g = &s->gc;
    SimObj *d = O(s, main_dict);
    g->exit_mode = GC_EXIT_OFF;
    if (d->kind == SK_DICT && (d->flags & SIM_F_TRACKED)) { /* else nothing reaches it late */
        if (s->prof->version == SIM_V313)
            g->exit_mode = GC_EXIT_AT_SCAN;
        else if (s->prof->version <= SIM_V312 && (g->first_gen < 0 || g->first_gen == 2))
            g->exit_mode = GC_EXIT_AT_BOUNDARY; /* else sys.modules has come first */
    }
    g->exit_dict = main_dict;
    long r = gc_collect(s, 2);
    g->exit_mode = GC_EXIT_OFF, g->exit_dict = 0;
    return r;
}

void gc_collect_generations(Sim *s)
{
    SimGcState *g = &s->gc;
    for (int i = 2; i >= 0; i--) {
        if (g->gen[i].count > g->gen[i].threshold) {
            if (i == 2 && g->long_lived_pending < g->long_lived_total / 4)
                continue;
            bool was = g->collecting;
            if (s->hooks.collecting) /* gc_collect_with_callback: callbacks around it */
                s->hooks.collecting(s->hooks.ctx, false, i, 0);
            g->collecting = false;
            long collected = gc_collect(s, i);
            g->collecting = was;
            if (!g->count_pinned && collected > 0 && gc_last_quiet(s))
                sim_garbage_moved(s); /* gc_timing.c watches what that may change */
            else if (!g->count_pinned && collected > 0)
                g->timing_sensitive = true; /* found garbage: when it ran matters */
            if (s->hooks.collecting)
                s->hooks.collecting(s->hooks.ctx, true, i, collected);
            break;
        }
    }
}

const char *gc_phase_name(GcPhase p)
{
    static const char *names[] = {"idle", "start", "update_refs", "subtract_refs",
                                  "move_unreachable", "survivors", "weakrefs", "finalize",
                                  "resurrect", "delete", "done"};
    return names[p];
}

void gc_freeze(Sim *s)
{
    for (int i = 0; i < 3; i++)
        list_merge(s, GEN_HEAD(i), GC_LIST_PERMANENT, SIM_GEN_PERMANENT);
    s->gc.startup_frozen += s->gc.startup_tracked; /* the interpreter's own objects too */
    s->gc.startup_tracked = 0;
    s->gc.gen[0].count = 0; /* gc_freeze_impl resets the young count */
}

void gc_unfreeze(Sim *s)
{
    list_merge(s, GC_LIST_PERMANENT, GEN_HEAD(2), 2);
    s->gc.startup_tracked += s->gc.startup_frozen;
    s->gc.startup_frozen = 0;
}

size_t gc_freeze_count(const Sim *s)
{
    return gc_list_size(s, GC_LIST_PERMANENT) + s->gc.startup_frozen;
}

/* ---- cyclic garbage, counted without touching the heap ---------------- */

/* scratch[id]: 0 = not a candidate; 1 + references from outside the
 * candidates (saturated) while counting; then GC_SCRATCH_REACHED. */
#define NOT_CANDIDATE 0u

typedef struct Walk {
    uint32_t *v;
    uint32_t *stack; /* == v + nobj: ids still to visit */
    size_t top;
} Walk;

static void visit_internal(Sim *s, SimId ref, void *arg)
{
    (void)s;
    uint32_t *v = arg;
    if (v[ref] > 1 && !(v[ref] & GC_SCRATCH_REACHED))
        v[ref]--; /* one reference from a candidate: not an outside one */
}

static void visit_reach(Sim *s, SimId ref, void *arg)
{
    (void)s;
    Walk *w = arg;
    if (w->v[ref] != NOT_CANDIDATE && !(w->v[ref] & GC_SCRATCH_REACHED)) {
        w->v[ref] |= GC_SCRATCH_REACHED;
        w->stack[w->top++] = ref;
    }
}

#define FOR_TRACKED(s, id)                                      \
    for (uint32_t g_ = GC_LIST_GEN0; g_ <= GC_LIST_GEN2; g_++) \
        for (uint32_t id = (s)->obj[g_].gc_next; id != g_; id = (s)->obj[id].gc_next)

size_t gc_unreachable_now(Sim *s, uint32_t *v)
{
    size_t nobj = s->nobj;
    memset(v, 0, nobj * sizeof *v);
    /* the candidates: every object in generations 0..2, as gc.collect() */
    FOR_TRACKED(s, id) {
        const SimObj *o = &s->obj[id];
        int64_t rc = (o->flags & SIM_F_IMMORTAL) ? ((int64_t)1 << 30) : o->refcnt;
        if (rc > (int64_t)1 << 30)
            rc = (int64_t)1 << 30;
        v[id] = 1 + (uint32_t)(rc < 0 ? 0 : rc);
    }
    FOR_TRACKED(s, id)
        sim_traverse(s, id, visit_internal, v);
    /* roots: referenced from outside; everything they reach is alive */
    Walk w = {.v = v, .stack = v + nobj, .top = 0};
    FOR_TRACKED(s, id)
        if (v[id] > 1 && !(v[id] & GC_SCRATCH_REACHED)) {
            v[id] |= GC_SCRATCH_REACHED;
            w.stack[w.top++] = id;
        }
    while (w.top > 0)
        sim_traverse(s, w.stack[--w.top], visit_reach, &w);
    size_t garbage = 0;
    FOR_TRACKED(s, id)
        garbage += !(v[id] & GC_SCRATCH_REACHED);
    return garbage;
}
