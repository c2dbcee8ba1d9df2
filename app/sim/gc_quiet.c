/*
 * gc_quiet: what pyrun/gc_timing.c asks the collector when it decides
 * whether garbage that went at a moment the model cannot know could show
 * in what a program prints: was the last collection quiet (nothing a
 * program sees ran or was reached), and which objects no automatic
 * collection from any start count could have taken: the young ones
 * tracked since the last moment one could run (3.11), and the ones a name
 * let go since then (every version).
 */
#include "sim/gc.h"

#include "sim/internal.h"

size_t gc_young_since_point(const Sim *s, SimId *out, size_t max)
{
    const SimGcState *g = &s->gc;
    if (g->count_pinned || !s->prof->gc_in_alloc)
        return 0; /* 3.12+ collect at eval-breaker checks, whose moments are not marked */
    uint32_t head = GC_LIST_GEN0;
    size_t n = 0;
    for (uint32_t id = s->obj[head].gc_prev; id != g->point_mark; id = s->obj[id].gc_prev) {
        if (id == head || n == max)
            return 0; /* the mark is not among the last `max`: nothing is known */
        out[n++] = id;
    }
    return n;
}

bool gc_last_quiet(const Sim *s)
{
    const SimGcState *g = &s->gc;
    return !g->ran_code && !g->un_weak && !g->un_final && !g->run_touched && !g->run_foreign &&
           g->run_n == 0 && g->debug == 0;
}

/* ---- what a name let go since the last moment ---------------------------
 * 3.11 collects only inside a GC allocation, 3.12+ only at eval-breaker
 * checks: the same moments in every start count's run.  An object a name
 * let go after the last of them was live then (the runs share their live
 * objects and values while collections are quiet), so no run's automatic
 * collection took it, and none runs between that moment and the pin: if
 * it is garbage at the pin, every run's pin finds it.  Recording
 * (sim_gc_released) starts once the run is exposed; each GC allocation
 * (3.11, sim__gc_on_alloc) or check forgets the record, and a check says
 * whether a collection is due. */

void gc__exposed(Sim *s)
{
    SimGcState *g = &s->gc;
    g->timing_exposed = true;
    g->watching = true;
    g->nreleased = 0;
    if (!s->prof->gc_in_alloc)
        g->scheduled = true; /* every check looks (gc_check_point) */
}

bool gc_check_point(Sim *s)
{
    SimGcState *g = &s->gc;
    g->nreleased = 0;
    g->watching = g->watching && !g->count_pinned;
    g->scheduled = g->watching;
    bool due = g->due;
    g->due = false;
    return due;
}

size_t gc_released_tracked(const Sim *s, SimId *out, size_t n, size_t max)
{
    const SimGcState *g = &s->gc;
    if (!g->watching || g->count_pinned || s->obj[g->permanent].gc_next != g->permanent)
        return n; /* gc.freeze()'s objects: freed by the pin's frees, not found by it */
    for (size_t i = 0; i < g->nreleased && n < max; i++) {
        SimId v = g->released[i];
        /* freed since and perhaps made again: then made after the check,
         * which no run's automatic collection saw either */
        if (v >= s->nobj || s->obj[v].kind == SK_FREE || !(s->obj[v].flags & SIM_F_TRACKED))
            continue;
        bool seen = false;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j] == v;
        if (!seen)
            out[n++] = v;
    }
    return n;
}
