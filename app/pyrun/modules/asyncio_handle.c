/*
 * asyncio_handle: the loop's call_soon(), call_later() and call_at() and
 * the Handle and TimerHandle they return (events.py).  A handle keeps its
 * callback and arguments in its __dict__ (_callback, _args; a TimerHandle
 * its _when too); its word says it was cancelled.  call_soon puts it at
 * the end of the ready queue (call_soon_threadsafe too, and wakes the
 * selector the loop may wait in), call_later/call_at on the timers at
 * loop.time() + delay / at when; the loop calls callback(*args) when it
 * comes (Handle._run), unless cancel() came first.  An exception out of a
 * callback is refused (CPython's exception handler logs it and goes on),
 * and so are repr() of a handle (its callback's source location) and the
 * context= keyword.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pyrun/modules/asyncio_int.h"

#define HW_CANCELLED 1u

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

/* A Handle (or TimerHandle, when: its _when) for callback a[first], args after it */
static SimId make(PyRun *I, SimId *a, int np, int first, SimId when, const char *method)
{
    PyAsyncio *A = aio(I);
    if (np <= first) {
        py_raise(I, EXC_TypeError, "%s() missing 1 required positional argument: 'callback'", method);
        return 0;
    }
    /* the callback is checked in debug mode only (_check_callback): a bad one fails when it runs */
    SimId h = vm_new_instance(I, A->cls[when ? AC_TIMERHANDLE : AC_HANDLE], NULL, 0, false);
    if (!h)
        return 0;
    sim_obj(S, h)->cap = 0;
    SimId args = sim_tuple(S, (uint32_t)(np - first - 1));
    for (int i = first + 1; i < np; i++)
        sim_tuple_set(S, args, (uint32_t)(i - first - 1), ref(I, a[i]));
    if (!aio_put(I, h, "_callback", ref(I, a[first])) || !aio_put(I, h, "_args", args) ||
        (when && !aio_put(I, h, "_when", ref(I, when)))) {
        sim_decref(S, h);
        return 0;
    }
    return h;
}

static bool no_context(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!bi_kwarg(I, a, n, kw, "context"))
        return true;
    return py_not_modelled(I, 0, "the context= keyword of the loop's call_soon/call_later/call_at");
}

SimId aio_l_call_soon(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_context(I, a, n, kw))
        return 0;
    SimId h = make(I, a, bi_npos(I, n, kw), 1, 0, "call_soon");
    if (h)
        aio_call_soon(I, AQ_HANDLE, h, 0);
    return h;
}

/* call_soon, and the selector woken (from another thread: the loop waits in it) */
SimId aio_l_call_soon_threadsafe(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_context(I, a, n, kw))
        return 0;
    SimId h = make(I, a, bi_npos(I, n, kw), 1, 0, "call_soon_threadsafe");
    if (h) {
        aio_call_soon(I, AQ_HANDLE, h, 0);
        aio_exec_wake(I);
    }
    return h;
}

/* loop.time() + delay (a new reference), or 0 with CPython's TypeError */
static SimId time_plus(PyRun *I, SimId delay)
{
    if (delay == S->none) {
        py_raise(I, EXC_TypeError, "delay must not be None");
        return 0;
    }
    SimId now = sim_float(S, 1000.0 + (double)I->vs.now * 1e-12); /* loop.time() */
    SimId r = op_binary(I, OP_ADD, now, delay, false);
    sim_decref(S, now);
    return r;
}

/* A TimerHandle at loop time `when` (borrowed), scheduled */
static SimId at(PyRun *I, SimId *a, int n, SimId kw, SimId when, const char *method)
{
    double w;
    if (sim_kind(S, when) == SK_FLOAT)
        w = SIM_V(S, when, SK_FLOAT, f);
    else if (sim_kind(S, when) == SK_INT && !sim_obj(S, when)->sub)
        w = (double)SIM_V(S, when, SK_INT, i);
    else if (when == S->none)
        return py_raise(I, EXC_TypeError, "when cannot be None"), (SimId)0;
    else
        return py_not_modelled(I, 0, "%s() at a time of type '%s'", method, op_typename(I, when)), (SimId)0;
    int64_t ps = (int64_t)((w - 1000.0) * 1e12) - I->vs.now;
    SimId h = make(I, a, bi_npos(I, n, kw), 2, when, method);
    if (h)
        aio_call_later(I, ps, AQ_HANDLE, h, 0);
    return h;
}

SimId aio_l_call_later(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_context(I, a, n, kw))
        return 0;
    if (bi_npos(I, n, kw) < 2) {
        py_raise(I, EXC_TypeError, "call_later() missing 2 required positional arguments: 'delay' and 'callback'");
        return 0;
    }
    SimId when = time_plus(I, a[1]);
    if (!when)
        return 0;
    SimId h = at(I, a, n, kw, when, "call_later");
    sim_decref(S, when);
    return h;
}

SimId aio_l_call_at(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!no_context(I, a, n, kw))
        return 0;
    if (bi_npos(I, n, kw) < 2) {
        py_raise(I, EXC_TypeError, "call_at() missing 2 required positional arguments: 'when' and 'callback'");
        return 0;
    }
    return at(I, a, n, kw, a[1], "call_at");
}

static bool is_handle(PyRun *I, SimId h)
{
    return aio_is_class(I, h, AC_HANDLE) || aio_is_class(I, h, AC_TIMERHANDLE);
}

SimId aio_h_cancel(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId h = a[0];
    if (!is_handle(I, h)) {
        py_raise(I, EXC_TypeError, "cancel() needs a Handle");
        return 0;
    }
    if (!(sim_obj(S, h)->cap & HW_CANCELLED)) {
        sim_obj(S, h)->cap |= HW_CANCELLED;
        if (aio_is_class(I, h, AC_TIMERHANDLE))
            aio_cancel_timer_of(I, h);
        aio_put(I, h, "_callback", ref(I, S->none)); /* Handle.cancel drops them (not in debug mode) */
        aio_put(I, h, "_args", ref(I, S->none));
    }
    return bi_none(I);
}

SimId aio_h_cancelled(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, is_handle(I, a[0]) && (sim_obj(S, a[0])->cap & HW_CANCELLED));
}

SimId aio_h_when(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId w = aio_is_class(I, a[0], AC_TIMERHANDLE) ? aio_get(I, a[0], "_when") : 0;
    if (!w) {
        py_raise(I, EXC_AttributeError, "'Handle' object has no attribute 'when'");
        return 0;
    }
    return ref(I, w);
}

SimId aio_h_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "repr() of an asyncio Handle (its callback and where it was defined)"), (SimId)0;
}

/* Handle._run: callback(*args), unless cancelled; false stops the run */
bool aio_handle_run(PyRun *I, SimId h)
{
    if (sim_obj(S, h)->cap & HW_CANCELLED)
        return true;
    SimId cb = aio_get(I, h, "_callback"), args = aio_get(I, h, "_args");
    if (!cb || !args || sim_kind(S, args) != SK_TUPLE)
        return true;
    sim_incref(S, cb);
    sim_incref(S, args);
    uint32_t na = sim_obj(S, args)->len;
    SimId local[8], *v = na <= 8 ? local : xmalloc(na * sizeof *v);
    memcpy(v, sim_items(S, args), na * sizeof *v);
    SimId r = vm_call(I, cb, v, (int)na);
    if (v != local)
        free(v);
    sim_decref(S, args);
    sim_decref(S, cb);
    if (r) {
        sim_decref(S, r);
        return true;
    }
    if (I->refused || py_err_matches(I, EXC_KeyboardInterrupt) || py_err_matches(I, EXC_SystemExit))
        return false;
    return py_not_modelled(I, 0, "an exception in a callback the loop calls (asyncio's exception handler logs "
                                 "it)");
}

/* sys.getrefcount(handle): the loop's ready queue or timers hold one
 * reference while it waits, as _ready and _scheduled do; a cancelled
 * TimerHandle stays in _scheduled until it comes to the heap's top, which
 * the model does not follow: refused */
bool aio_handle_refcount(PyRun *I, SimId h, SimId *out)
{
    if (aio_is_class(I, h, AC_TIMERHANDLE) && (sim_obj(S, h)->cap & HW_CANCELLED))
        return py_not_modelled(I, 0, "sys.getrefcount() of a cancelled TimerHandle (it leaves the loop's heap "
                                     "when it comes to its top)"),
               true;
    *out = sim_int(S, (int64_t)sim_refcount(S, h));
    return true;
}
