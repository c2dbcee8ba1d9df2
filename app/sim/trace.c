/*
 * trace: tracemalloc's table of traces (see trace.h).  Sizes and the
 * running totals follow tracemalloc_add_trace / tracemalloc_remove_trace:
 * a block that replaces another (a realloc) drops the old trace first, so
 * the peak never counts both.
 */
#include "sim/trace.h"
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static uint32_t slot_of(PmPtr p, uint32_t mask)
{
    return (uint32_t)((p * 2654435761u) >> 7) & mask;
}

static SimTraceEntry *find(const SimTracer *t, PmPtr p)
{
    if (!t->cap)
        return NULL;
    uint32_t mask = t->cap - 1;
    for (uint32_t i = slot_of(p, mask);; i = (i + 1) & mask) {
        if (t->tab[i].ptr == p)
            return &t->tab[i];
        if (t->tab[i].ptr == PM_NULL)
            return NULL;
    }
}

static void put(SimTracer *t, SimTraceEntry e)
{
    uint32_t mask = t->cap - 1;
    uint32_t i = slot_of(e.ptr, mask);
    while (t->tab[i].ptr != PM_NULL)
        i = (i + 1) & mask;
    t->tab[i] = e;
}

static void grow(SimTracer *t)
{
    uint32_t old = t->cap;
    SimTraceEntry *tab = t->tab;
    t->cap = old ? old * 2 : 1024;
    t->tab = xcalloc(t->cap, sizeof *t->tab);
    for (uint32_t i = 0; i < old; i++)
        if (tab[i].ptr != PM_NULL)
            put(t, tab[i]);
    free(tab);
}

/* backward-shift deletion keeps every probe chain unbroken */
static void drop(SimTracer *t, SimTraceEntry *e)
{
    uint32_t mask = t->cap - 1, i = (uint32_t)(e - t->tab);
    t->current -= e->size;
    t->n--;
    for (uint32_t j = (i + 1) & mask;; j = (j + 1) & mask) {
        if (t->tab[j].ptr == PM_NULL)
            break;
        uint32_t home = slot_of(t->tab[j].ptr, mask);
        bool movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
            t->tab[i] = t->tab[j];
            i = j;
        }
    }
    t->tab[i].ptr = PM_NULL;
}

static void on_block(void *ctx, uint32_t fresh, size_t n, uint32_t gone)
{
    SimTracer *t = ((Sim *)ctx)->tracer;
    if (gone != PM_NULL) {
        SimTraceEntry *e = find(t, gone);
        if (e)
            drop(t, e);
    }
    if (fresh == PM_NULL)
        return;
    SimTraceEntry *e = find(t, fresh);
    if (e) /* a block resized in place: its trace is replaced */
        drop(t, e);
    if ((t->n + 1) * 4 > t->cap * 3)
        grow(t);
    put(t, (SimTraceEntry){fresh, t->where(t->ctx), n});
    t->n++;
    t->current += n;
    if (t->current > t->peak)
        t->peak = t->current;
}

void sim_trace_start(Sim *s, SimTraceWhereFn where, void *ctx)
{
    if (!s->tracer)
        s->tracer = xcalloc(1, sizeof *s->tracer);
    s->tracer->where = where;
    s->tracer->ctx = ctx;
    s->tracer->renew = s->prof->version < SIM_V313;
    pm_set_trace(&s->pm, on_block, s);
}

void sim_trace_clear(Sim *s)
{
    SimTracer *t = s->tracer;
    if (!t)
        return;
    free(t->tab);
    t->tab = NULL;
    t->cap = t->n = 0;
    t->current = t->peak = 0;
}

void sim_trace_stop(Sim *s)
{
    pm_set_trace(&s->pm, NULL, NULL);
    sim_trace_clear(s);
}

bool sim_tracing(const Sim *s) { return s->pm.trace != NULL; }

void sim_trace_memory(const Sim *s, uint64_t *current, uint64_t *peak)
{
    bool on = sim_tracing(s);
    *current = on ? s->tracer->current : 0;
    *peak = on ? s->tracer->peak : 0;
}

void sim_trace_reset_peak(Sim *s)
{
    if (sim_tracing(s))
        s->tracer->peak = s->tracer->current;
}

SimTraceEntry *sim_trace_copy(const Sim *s, size_t *n)
{
    const SimTracer *t = s->tracer;
    *n = 0;
    if (!t || !t->n)
        return NULL;
    SimTraceEntry *out = xmalloc(t->n * sizeof *out);
    for (uint32_t i = 0; i < t->cap; i++)
        if (t->tab[i].ptr != PM_NULL)
            out[(*n)++] = t->tab[i];
    return out;
}

const SimTraceEntry *sim_trace_find(const Sim *s, PmPtr p)
{
    return s->tracer && sim_tracing(s) ? find(s->tracer, p) : NULL;
}

void sim_trace_replace(Sim *s, uint32_t fresh, size_t n, uint32_t gone)
{
    if (sim_tracing(s))
        on_block(s, fresh, n, gone);
}

void sim__trace_virtual(Sim *s, uint32_t key, size_t n)
{
    if (sim_tracing(s))
        on_block(s, n ? key : PM_NULL, n, key);
}

void sim__trace_renew(Sim *s, PmPtr p)
{
    SimTracer *t = s->tracer;
    SimTraceEntry *e = t && t->renew ? find(t, p) : NULL;
    if (e)
        e->where = t->where(t->ctx);
}

void sim_trace_set_where(Sim *s, PmPtr p, uint32_t where)
{
    SimTraceEntry *e = s->tracer && sim_tracing(s) ? find(s->tracer, p) : NULL;
    if (e)
        e->where = where;
}
