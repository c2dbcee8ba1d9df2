/*
 * gc_quiet: what pyrun/gc_timing.c asks the collector when it decides
 * whether garbage that went at a moment the model cannot know could show
 * in what a program prints: was the last collection quiet (nothing a
 * program sees ran or was reached), and which young objects no automatic
 * collection from any start count could have seen.
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
