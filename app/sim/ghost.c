/*
 * ghost: objects the model makes where CPython makes none.  3.12+ inline
 * a list, set or dict comprehension into its function (PEP 709): a
 * variable the two share is a plain local there, and no closure is built.
 * The model runs the comprehension as a function of its own, so it needs a
 * cell for such a variable and a closure tuple for the comprehension; these
 * take a block (the model's memory must hold them) that tracemalloc does
 * not see, that no collection counts or tracks, and the tuple neither comes
 * from nor goes to the tuple free list (heap.c).  What the program can see
 * of memory is then CPython's.
 */
#include "sim/internal.h"
#include "sim/sim.h"
#include "sim/trace.h"

SimId sim_cell_ghost(Sim *s, SimId content)
{
    PmTraceFn t = sim_trace_pause(s);
    SimId id = sim__new_obj(s, SK_CELL, 40, NULL, false);
    sim_trace_resume(s, t);
    SIM_V(s, id, SK_CELL, cell.ref) = content;
    return id;
}

SimId sim_tuple_ghost(Sim *s, size_t n)
{
    PmTraceFn t = sim_trace_pause(s);
    SimId id = sim__new_obj(s, SK_TUPLE, 40 + 8 * n, NULL, false);
    sim_trace_resume(s, t);
    if (sim__set_payload(s, id, n))
        s->obj[id].len = (uint32_t)n;
    return id;
}
