/*
 * vm_depth: where a call too deep stops, per profile (checked before each
 * frame is pushed).  Calls from Python to Python cost one unit of the
 * recursion limit in every profile, the module's frame included.  Frames
 * entered from C cost more, and differently:
 *   3.11  one counter for Python frames and C-level checks: a class call
 *         costs one more (_PyObject_MakeTpCall's check) before __init__;
 *   3.12  Python frames apart from a C budget of 1500 (Py_C_RECURSION_LIMIT)
 *         that each C entry draws from (two for the eval loop it enters,
 *         one per check on the way): a class call's __init__ costs three;
 *   3.13  the budget is larger and a specialised class call pushes a shim
 *         frame that the Python limit counts, after a warm-up.
 * The model keeps the class-call case of 3.11 and 3.12 exactly (measured
 * with recursive __init__ at several limits) and refuses, before CPython
 * could raise, recursion through the other C entries (callbacks, generator
 * resumes, f(*args), slot calls) and 3.13's __init__ chains, whose costs it
 * does not count.
 */
#include "pyrun/interp.h"

#define S (I->sim)
#define C_BUDGET_312 1500 /* 3.12's Py_C_RECURSION_LIMIT */
#define C_ENTRY_312 2     /* what entering the eval loop from C draws from it */
#define MAX_FROM_C 1000   /* frames entered from C on one thread (callbacks and generator
                           * resumes each run a nested loop on the host's own stack) */
#define MAX_FROM_C_313 400 /* 3.13: frames entered from C (its C budget, and where it crashes) */
#define MARGIN 16         /* refusals come this far before any limit CPython could reach */
_Static_assert(VM_DEPTH_FAST_C * 5 + MARGIN + C_ENTRY_312 < C_BUDGET_312 && VM_DEPTH_FAST_C < MAX_FROM_C &&
               VM_DEPTH_FAST_C < MAX_FROM_C_313, "vm_depth_ok's quick answer stays inside every limit");

void vm_frame_entered(PyRun *I, Frame *f, int way)
{
    if (f->entered != ENTERED_PY)
        return; /* the first way it was marked with holds */
    f->entered = (uint8_t)way;
    I->ts->entered[way]++;
}

static bool refuse_from_c(PyRun *I)
{
    return py_not_modelled(I, 0, "recursion this deep through calls made from C (class calls' __init__, "
                           "callbacks, generator resumes: CPython's C-level recursion checks decide)");
}

static bool too_deep(PyRun *I, const char *why)
{
    py_raise(I, EXC_RecursionError, "maximum recursion depth exceeded%s", why);
    return false;
}

bool vm_depth_check(PyRun *I)
{
    PyThreadState *ts = I->ts;
    int init = ts->init_pending ? 1 : 0;
    ts->init_pending = false;
    int depth = ts->nframes, limit = I->recursion_limit;
    int ninit = ts->entered[ENTERED_INIT] + init, nc = ts->entered[ENTERED_C];
    if (depth >= VM_MAX_FRAMES)
        return py_not_modelled(I, 0, "recursion deeper than %d frames (the model's memory)", VM_MAX_FRAMES);
    if (nc >= MAX_FROM_C)
        return refuse_from_c(I);
    switch (S->prof->version) {
    case SIM_V311:
        if (nc && (int64_t)depth + ninit + 3 * (int64_t)nc + MARGIN >= limit)
            return refuse_from_c(I);
        if ((int64_t)depth + ninit > limit && init) /* the class call's own check fails first */
            return too_deep(I, " while calling a Python object");
        if ((int64_t)depth + ninit >= limit)
            return too_deep(I, "");
        return true;
    case SIM_V312:
        if (nc && C_ENTRY_312 + 3 * ninit + 5 * nc + MARGIN >= C_BUDGET_312)
            return refuse_from_c(I);
        if (depth >= limit || C_ENTRY_312 + 3 * ninit > C_BUDGET_312)
            return too_deep(I, "");
        return true;
    default:
        if ((ninit || nc) && ((int64_t)depth + ninit + nc + MARGIN >= limit || ninit + nc > MAX_FROM_C_313))
            return refuse_from_c(I);
        if (depth >= limit)
            return too_deep(I, "");
        return true;
    }
}
