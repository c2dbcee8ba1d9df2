/*
 * threading_timer: threading.Timer, Lib/threading.py's Thread subclass
 * that waits on its `finished` Event for `interval` seconds and then, unless
 * cancel() set it, calls `function(*args, **kwargs)` on its own thread.
 *
 * Its run() is this file's: the VM boots a Timer's thread by calling it from
 * C (vm_threads.c), it waits on the scheduler's event and its continuation
 * (vm_block_resume) makes the call when the thread runs again.  That call is
 * made from C, so a blocking call inside the function (a sleep, a lock held
 * by another thread) is refused there, as for any call from C.
 */
#include <stdlib.h>

#include "pyrun/modules/threading_int.h"

/* Timer(interval, function, args=None, kwargs=None): Thread.__init__(self),
 * then interval, function, args ([] for None), kwargs ({} for None) and
 * finished, in threading.py's order. */
SimId timer_init(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"interval", "function", "args", "kwargs"};
    SimId v[4] = {0};
    int np = bi_npos(I, n, kw) - 1;
    if (np > 4) {
        py_raise(I, EXC_TypeError, "Timer.__init__() takes from 3 to 5 positional arguments but %d were given",
                 np + 1);
        return 0;
    }
    for (int i = 0; i < 4; i++)
        v[i] = i < np ? a[1 + i] : bi_kwarg(I, a, n, kw, names[i]);
    for (int i = 0; i < 2; i++)
        if (!v[i]) {
            py_raise(I, EXC_TypeError, "Timer.__init__() missing %d required positional argument%s: %s",
                     v[1] ? 1 : 2 - i, v[1] || i ? "" : "s", v[1] ? "'interval'" : i ? "'function'" : "'interval' and 'function'");
            return 0;
        }
    SimId self = a[0];
    SimId init = thr_thread_init(I, self);
    if (!init)
        return 0;
    sim_decref(S, init);
    SimId ev = vm_new_instance(I, st(I)->cls[THC_EVENT], NULL, 0, false);
    if (!ev || !thr_event_fill(I, ev)) {
        sim_xdecref(S, ev);
        return 0;
    }
    sim_incref(S, v[0]);
    sim_incref(S, v[1]);
    SimId args = v[2] && v[2] != S->none ? (sim_incref(S, v[2]), v[2]) : sim_list(S, 0);
    SimId kwargs = v[3] && v[3] != S->none ? (sim_incref(S, v[3]), v[3]) : sim_dict(S);
    bool ok = put(I, self, "interval", v[0]) && put(I, self, "function", v[1]) && put(I, self, "args", args) &&
              put(I, self, "kwargs", kwargs) && put(I, self, "finished", ev);
    return ok ? bi_none(I) : 0;
}

static int finished_event(PyRun *I, SimId self)
{
    SimId fin = get(I, self, "finished");
    if (!fin || sim_kind(S, fin) != SK_INSTANCE || sim_obj(S, fin)->type != st(I)->cls[THC_EVENT]) {
        py_not_modelled(I, 0, "a Timer whose finished is not its own threading.Event");
        return -1;
    }
    return word(I, fin);
}

static bool set_finished(PyRun *I, SimId self)
{
    SimId fin = get(I, self, "finished");
    SimId r = ev_set(I, &fin, 1, 0);
    sim_xdecref(S, r);
    return r != 0;
}

SimId timer_cancel(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (finished_event(I, a[0]) < 0)
        return 0;
    return set_finished(I, a[0]) ? bi_none(I) : 0;
}

/* The wait is over: unless cancelled, function(*args, **kwargs); then
 * finished.set(). */
static int fire(PyRun *I, SimId self, int64_t deadline, SimId *result)
{
    (void)deadline;
    int e = finished_event(I, self);
    if (e < 0)
        return VM_RESUME_ERROR;
    if (!I->vs.events[e]) {
        SimId fn = get(I, self, "function"), args = get(I, self, "args"), kwargs = get(I, self, "kwargs");
        SimId seq = args ? bi_seq_fast(I, args, "Timer's args must be iterable") : 0;
        if (!fn || !seq || !kwargs || sim_kind(S, kwargs) != SK_DICT) {
            sim_xdecref(S, seq);
            if (!I->refused && !I->ts->err.set)
                py_not_modelled(I, 0, "a Timer whose function, args or kwargs the program removed or replaced");
            return VM_RESUME_ERROR;
        }
        uint32_t np = sim_obj(S, seq)->len, nk = sim_obj(S, kwargs)->len;
        SimId *av = xmalloc((np + nk + 1) * sizeof *av);
        for (uint32_t i = 0; i < np; i++)
            av[i] = sim_items(S, seq)[i];
        SimId keys = 0;
        if (nk) {
            keys = sim_tuple(S, nk);
            SimId k, v;
            uint32_t pos = 0;
            for (uint32_t i = 0; sim_dict_next(S, kwargs, &pos, &k, &v); i++) {
                sim_incref(S, k);
                sim_tuple_set(S, keys, i, k);
                av[np + i] = v;
            }
        }
        I->ts->nested++; /* called from C: a wait inside it is refused (thr_can_block) */
        SimId r = vm_call_kw(I, fn, av, (int)(np + nk), keys);
        I->ts->nested--; /* nargs counts the keywords' values */
        free(av);
        sim_xdecref(S, keys);
        sim_decref(S, seq);
        if (!r)
            return VM_RESUME_ERROR;
        sim_decref(S, r);
    }
    if (!set_finished(I, self))
        return VM_RESUME_ERROR;
    *result = bi_none(I);
    return VM_RESUME_DONE;
}

/* Timer.run: self.finished.wait(self.interval), then fire(). */
SimId timer_run(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId self = a[0];
    int e = finished_event(I, self);
    if (e < 0)
        return 0;
    int64_t timeout;
    if (!thr_timeout_arg(I, get(I, self, "interval"), false, &timeout))
        return 0;
    if (!I->vs.events[e] && timeout != 0) {
        if (!thr_can_block(I, "Timer.run()"))
            return 0;
        vs_wait_event(&I->vs, e, timeout);
        sim_incref(S, self);
        vm_block_resume(I, fire, self, VS_NEVER);
        return bi_none(I); /* a placeholder fire's None replaces */
    }
    SimId r = 0;
    if (fire(I, self, VS_NEVER, &r) != VM_RESUME_DONE)
        return 0;
    return r;
}
