/*
 * gc: the cyclic garbage collector of CPython 3.8-3.13 (Modules/gcmodule.c,
 * Python/gc.c; cpython-internals.md §4): three generations with thresholds
 * and counts, the permanent generation of gc.freeze(), and one collection
 * as a sequence of phases a view can step through:
 *
 *   START -> UPDATE_REFS -> SUBTRACT_REFS -> MOVE_UNREACHABLE -> SURVIVORS
 *   -> WEAKREFS -> FINALIZE -> RESURRECT -> DELETE -> DONE
 *
 * Between phases every object's gc_refs and list are readable in the heap.
 * gc_collect runs all phases at once; gc_begin/gc_step run them one by one.
 */
#ifndef PYDIVE_SIM_GC_H
#define PYDIVE_SIM_GC_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/sim.h"

typedef enum GcPhase {
    GC_IDLE, GC_PH_START, GC_PH_UPDATE_REFS, GC_PH_SUBTRACT_REFS, GC_PH_MOVE_UNREACHABLE,
    GC_PH_SURVIVORS, GC_PH_WEAKREFS, GC_PH_FINALIZE, GC_PH_RESURRECT, GC_PH_DELETE, GC_PH_DONE
} GcPhase;

/* sentinel record ids of the lists */
enum {
    GC_LIST_GEN0 = 1, GC_LIST_GEN1, GC_LIST_GEN2, GC_LIST_PERMANENT, GC_LIST_UNREACHABLE,
    GC_LIST_WRCB, GC_LIST_FINAL, GC_LIST_SEEN, GC_LIST_TMP
};

#define GC_DEBUG_SAVEALL 32u

void gc_init(Sim *s);
const char *gc_phase_name(GcPhase p);

/* gc.collect(generation): returns collected + uncollectable, or 0 when a
 * collection is already running. */
long gc_collect(Sim *s, int generation);
/* Py_FinalizeEx's _PyGC_CollectIfEnabled: the full collection interpreter
 * exit runs while __main__ is still in sys.modules, `main_dict` being its
 * dict (the caller has let go of every other reference the program's run
 * held to it but the module's). */
long gc_shutdown_collect(Sim *s, SimId main_dict);
/* Starts a collection of `generation` to be advanced with gc_step. */
bool gc_begin(Sim *s, int generation);
/* Runs the next phase; returns the phase just completed (GC_PH_DONE last). */
GcPhase gc_step(Sim *s);
GcPhase gc_phase(const Sim *s);
/* What a finished gc_step sequence found: collected + uncollectable. */
long gc_result(const Sim *s);

/* The automatic collection: the oldest generation over its threshold,
 * with the 25 % long-lived rule for generation 2. */
void gc_collect_generations(Sim *s);
/* Did the last collection free its garbage without anything a program can
 * see: no weak reference reached, no finalizer or callback run, nothing
 * uncollectable, no debug flags, no import's garbage counted? */
bool gc_last_quiet(const Sim *s);
/* The young objects tracked since the latest moment an automatic collection
 * could have run from another start count (3.11, count unpinned), newest
 * first, at most `max`; 0 when that moment is not known. */
size_t gc_young_since_point(const Sim *s, SimId *out, size_t max);
/* 3.12+: an eval-breaker check.  Forgets what names let go before it
 * (sim_gc_released) and answers whether a collection is due (then no
 * longer due). */
bool gc_check_point(Sim *s);
/* 3.12+, count unpinned: appends to out[0..n) the tracked objects a name let
 * go since the last check, not already there, up to `max`; the new n. */
size_t gc_released_tracked(const Sim *s, SimId *out, size_t n, size_t max);

/* n GC objects allocated by interpreter code the model does not make one by
 * one (an import's), `survivors` of them staying tracked: the young count
 * moves as n allocations would move it (collecting when one would) and the
 * interpreter's own long-lived objects grow by `survivors`. */
void gc_note_foreign(Sim *s, unsigned n, unsigned survivors);

size_t gc_list_size(const Sim *s, uint32_t head);
void gc_freeze(Sim *s);
void gc_unfreeze(Sim *s);
size_t gc_freeze_count(const Sim *s);

/* The tracked objects a full collection would find unreachable now, counted
 * without touching the heap.  `scratch` holds 2 * s->nobj + 1 words; after
 * the call scratch[id] has GC_SCRATCH_REACHED for each tracked object that
 * is still reachable. */
#define GC_SCRATCH_REACHED 0x80000000u
size_t gc_unreachable_now(Sim *s, uint32_t *scratch);

#endif
