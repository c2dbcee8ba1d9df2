/*
 * threading_funcs: threading's module-level functions: current_thread,
 * main_thread, get_ident, active_count, enumerate, and Lock and RLock (the
 * factories threading.py exports; the lock classes are threading_sync.c's).
 * Each thread's Thread object is threading.c's (threading_obj).
 */
#include "pyrun/modules/threading_int.h"

static SimId current(PyRun *I)
{
    SimId o = I->vs.running == 0 ? st(I)->objs[0] : threading_obj(I, I->vs.running);
    sim_incref(S, o);
    return o;
}

SimId thr_current_thread(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return current(I);
}

SimId thr_main_thread(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    sim_incref(S, st(I)->objs[0]);
    return st(I)->objs[0];
}

SimId thr_get_ident(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_int(S, (int64_t)thr_ident_of(I->vs.running));
}

SimId thr_active_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (multiprocessing_feeder_refused(I))
        return 0;
    return sim_int(S, vs_live_count(&I->vs));
}

SimId thr_enumerate(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (multiprocessing_feeder_refused(I))
        return 0;
    SimId l = sim_list(S, 0);
    for (int t = 0; t < st(I)->nobjs; t++) {
        SimId o = st(I)->objs[t];
        if (o && vs_alive(&I->vs, t)) {
            sim_incref(S, o);
            sim_list_append(S, l, o);
        }
    }
    return l;
}

SimId thr_lock(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return thr_new_lock(I, false);
}

SimId thr_rlock(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    unsure(I); /* threading.RLock is a Python function: its call allocates */
    return thr_new_lock(I, true);
}
