/*
 * trace: the allocation tracer of tracemalloc (CPython's
 * Python/tracemalloc.c), on the model's blocks.  While it runs, every block
 * pymalloc or the modelled system malloc gives out is recorded with the size
 * that was REQUESTED (a GC object's request includes its pre-header) and
 * where the host says the program stands (an index the host defines: the
 * traceback of the allocating frame); a block freed loses its record.
 * Blocks from before the start are not traced and freeing them changes
 * nothing; a free list's blocks are neither allocated nor freed.
 * Memory of the tracer is the host's (this computer's), never the model's.
 */
#ifndef PYDIVE_SIM_TRACE_H
#define PYDIVE_SIM_TRACE_H

#include "sim/sim.h"

typedef uint32_t (*SimTraceWhereFn)(void *ctx);

typedef struct SimTraceEntry {
    PmPtr ptr;        /* PM_NULL: an empty slot */
    uint32_t where;   /* the host's traceback index */
    uint64_t size;    /* bytes requested */
} SimTraceEntry;

typedef struct SimTracer {
    SimTraceEntry *tab;   /* open addressing on ptr, linear probing */
    uint32_t cap, n;
    uint64_t current, peak;
    SimTraceWhereFn where;
    void *ctx;
    bool renew;           /* a free list's block takes the current traceback (3.11, 3.12) */
} SimTracer;

/* A block `fresh` of n bytes takes the place of `gone` (a virtual one) in
 * one step, as a realloc does (either may be PM_NULL) */
void sim_trace_replace(Sim *s, uint32_t fresh, size_t n, uint32_t gone);
/* Keys of virtual blocks: traced sizes with no model block behind them (a
 * writer's buffer, a scratch buffer), numbered from this base, above any
 * block address the model gives out. */
#define SIM_TRACE_VIRTUAL_BASE 0x7ff00000u
/* A virtual block `key` (SIM_TRACE_VIRTUAL_BASE + k) of n bytes replaces
 * its former trace (n 0: only dropped) */
void sim__trace_virtual(Sim *s, uint32_t key, size_t n);

/* tracemalloc.start(): installs the tracer (where() is asked at each
 * allocation); a tracer already running keeps its traces. */
void sim_trace_start(Sim *s, SimTraceWhereFn where, void *ctx);
/* tracemalloc.stop(): uninstalls it and drops every trace. */
void sim_trace_stop(Sim *s);
bool sim_tracing(const Sim *s);
/* clear_traces(): no trace left, current and peak 0. */
void sim_trace_clear(Sim *s);
/* get_traced_memory(): (current, peak); (0, 0) when not tracing. */
void sim_trace_memory(const Sim *s, uint64_t *current, uint64_t *peak);
/* reset_peak(): the peak becomes the current size. */
void sim_trace_reset_peak(Sim *s);
/* The traces now (a copy the caller frees), their number in *n. */
SimTraceEntry *sim_trace_copy(const Sim *s, size_t *n);
/* The traced block p is said to come from `where` (the host's index) */
void sim_trace_set_where(Sim *s, PmPtr p, uint32_t where);
/* The trace of block p, or NULL when it is not traced. */
const SimTraceEntry *sim_trace_find(const Sim *s, PmPtr p);

/* What CPython has static or made before the program (an interned name, a
 * one-character string) the model makes on first use: untraced.  pause()
 * returns what resume() puts back. */
static inline PmTraceFn sim_trace_pause(Sim *s)
{
    PmTraceFn t = s->pm.trace;
    if (t)
        pm_set_trace(&s->pm, NULL, s);
    return t;
}
static inline void sim_trace_resume(Sim *s, PmTraceFn t)
{
    if (t)
        pm_set_trace(&s->pm, t, s);
}

#endif
