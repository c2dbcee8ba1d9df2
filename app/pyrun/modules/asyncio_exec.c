/*
 * asyncio_exec: loop.run_in_executor() and asyncio.to_thread() on the
 * model's threads (vm_threads.c, concurrent.futures's ThreadPoolExecutor of
 * futures_pool.c), as base_events.py and futures.py run them.
 *
 * run_in_executor(None, fn, *args) submits fn to the loop's default
 * executor, ThreadPoolExecutor(thread_name_prefix='asyncio') made at the
 * first call (its workers are asyncio_0, asyncio_1 ...), and wraps the
 * concurrent future in an asyncio one (wrap_future's _chain_future): when
 * the worker finishes, _call_set_state runs in the worker thread and puts
 * _set_state in the loop's ready queue with call_soon_threadsafe, which
 * wakes the selector; cancelling the asyncio future cancels the concurrent
 * one (_call_check_cancel).  to_thread(fn, *args, **kwargs) is a coroutine
 * that does `return await loop.run_in_executor(None, partial)`.
 *
 * The loop runs inside asyncio.run()'s C call, so its thread cannot return
 * to the VM's outermost loop to let the workers run.  Instead, the loop's
 * thread blocks where CPython's does and runs the other threads itself
 * (vm_wait_nested) until the scheduler gives it the GIL back: in the
 * selector's wait (the Event the wake-up sets, timed out by the first
 * timer) and in a new worker's start().  Between those, while the loop runs
 * a turn, the workers wait for the GIL; a turn whose handle holds the GIL
 * past the switch interval while a worker waits for it is refused (CPython
 * switches inside that step, the model cannot).  At asyncio.run()'s end
 * shutdown_default_executor() joins the workers; its own helper thread
 * (Thread-N (_do_shutdown)) takes a number from threading's counter.
 */
#include <stdio.h>

#include "pyrun/modules/asyncio_int.h"
#include "pyrun/modules/futures.h"
#include "pyrun/modules/threading.h"
#include "sim/vmsched.h"

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

/* the selector's wake-up (the self-pipe): a scheduler event */
static int wake_event(PyRun *I)
{
    PyAsyncio *A = aio(I);
    if (A->wake_ev == 0)
        A->wake_ev = vs_event_new(&I->vs) + 1;
    return A->wake_ev - 1;
}

bool aio_threads_alive(PyRun *I) { return vs_live_count(&I->vs) > 1; }

void aio_exec_wake(PyRun *I) { vs_event_set(&I->vs, wake_event(I)); }

static SimId default_executor(PyRun *I)
{
    PyAsyncio *A = aio(I);
    if (A->executor)
        return A->executor;
    if (!module_find(I, "concurrent.futures", 18) || !futures_executor_class(I)) /* asyncio imports it */
        return py_not_modelled(I, 0, "loop.run_in_executor() without the model's concurrent.futures"), 0;
    SimId args[2] = {S->none, aio_name(I, "asyncio")}; /* max_workers=None, thread_name_prefix='asyncio' */
    SimId ex = vm_call(I, futures_executor_class(I), args, 2);
    sim_decref(S, args[1]);
    A->executor = ex;
    return ex;
}

/* the loop's thread waits (its state set already) while the others run */
static bool wait_here(PyRun *I)
{
    if (I->vs.thr[I->ts->id].state == VS_RUN)
        return true;
    return vm_wait_nested(I);
}

static long chain_of(PyRun *I, SimId cf)
{
    PyAsyncio *A = aio(I);
    for (size_t i = 0; i < A->nchains; i++)
        if (A->chains[2 * i] == cf)
            return (long)i;
    return -1;
}

/* call_soon_threadsafe(_set_state, destination, source) */
static void schedule_set_state(PyRun *I, long i)
{
    PyAsyncio *A = aio(I);
    aio_call_soon(I, AQ_EXEC_DONE, A->chains[2 * i + 1], A->chains[2 * i]);
    sim_decref(S, A->chains[2 * i]);
    sim_decref(S, A->chains[2 * i + 1]);
    A->chains[2 * i] = A->chains[2 * (A->nchains - 1)];
    A->chains[2 * i + 1] = A->chains[2 * (A->nchains - 1) + 1];
    A->nchains--;
    vs_event_set(&I->vs, wake_event(I));
}

void asyncio_executor_done(PyRun *I, SimId f)
{
    if (!I->asyncio || !I->asyncio->nchains)
        return;
    long i = chain_of(I, f);
    if (i >= 0 && I->asyncio->loop)
        schedule_set_state(I, i);
}

/* fn and args borrowed, kwargs (a dict, or 0) stolen, as submit takes it */
static SimId run_in_executor(PyRun *I, SimId executor, SimId fn, SimId args, SimId kwargs)
{
    PyAsyncio *A = aio(I);
    SimId ex = I->ts->id != 0 ? 0 : executor && executor != S->none ? executor : default_executor(I);
    if (ex && !futures_is_executor(I, ex)) {
        py_not_modelled(I, 0, "loop.run_in_executor() with an executor other than a ThreadPoolExecutor");
        ex = 0;
    }
    if (!ex) {
        if (I->ts->id != 0 && !I->refused)
            py_not_modelled(I, 0, "an event loop in a thread other than the main thread");
        sim_xdecref(S, kwargs);
        return 0;
    }
    SimId cf = futures_submit_from_loop(I, ex, fn, args, kwargs);
    if (!cf)
        return 0;
    if (!wait_here(I)) { /* a new worker's start() waits until it ran */
        sim_decref(S, cf);
        return 0;
    }
    SimId af = aio_future_new(I, AC_FUTURE);
    if (!af) {
        sim_decref(S, cf);
        return 0;
    }
    aio_add_callback(I, af, AQ_EXEC_CANCEL, cf); /* _call_check_cancel */
    A->chains = xgrow(A->chains, &A->capchains, 2 * (A->nchains + 1), sizeof *A->chains);
    A->chains[2 * A->nchains] = cf; /* the reference submit gave */
    A->chains[2 * A->nchains + 1] = ref(I, af);
    A->nchains++;
    SimId v;
    if (futures_outcome(I, cf, &v) != 0) /* it ended while start() waited: _call_set_state at once */
        schedule_set_state(I, (long)A->nchains - 1);
    return af;
}

SimId aio_l_run_in_executor(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n < 3) {
        py_raise(I, EXC_TypeError, "run_in_executor() missing %d required positional argument%s", 3 - n,
                 n == 2 ? ": 'func'" : "s: 'executor' and 'func'");
        return 0;
    }
    SimId args = sim_tuple(S, (size_t)(n - 3));
    for (int i = 3; i < n; i++)
        sim_tuple_set(S, args, (size_t)(i - 3), ref(I, a[i]));
    SimId r = run_in_executor(I, a[1], a[2], args, 0);
    sim_decref(S, args);
    return r;
}

/* asyncio.to_thread(func, /, *args, **kwargs): a coroutine (an operation) */
SimId aio_m_to_thread(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np < 1) {
        py_raise(I, EXC_TypeError, "to_thread() missing 1 required positional argument: 'func'");
        return 0;
    }
    SimId args = sim_tuple(S, (size_t)(np - 1));
    for (int i = 1; i < np; i++)
        sim_tuple_set(S, args, (size_t)(i - 1), ref(I, a[i]));
    SimId kwargs = sim_dict(S);
    for (uint32_t i = 0; kw && i < sim_obj(S, kw)->len; i++)
        sim_dict_set(S, kwargs, ref(I, sim_items(S, kw)[i]), ref(I, a[np + (int)i]));
    SimId item = sim_tuple(S, 3);
    sim_tuple_set(S, item, 0, ref(I, a[0]));
    sim_tuple_set(S, item, 1, args);
    sim_tuple_set(S, item, 2, kwargs);
    SimId op = aio_op_new(I, OK_TOTHREAD, a[0], item);
    sim_decref(S, item);
    return op;
}

/* to_thread's coroutine: run_in_executor at its first step, then `await` */
int aio_exec_step(PyRun *I, SimId op, bool throwing, SimId *out)
{
    if (throwing) /* a cancellation thrown in: out of `await fut` */
        return -1;
    SimId af = aio_get(I, op, "_waiter");
    if (!af || af == S->none) {
        if (!I->asyncio || !I->asyncio->loop) {
            py_raise(I, EXC_RuntimeError, "no running event loop");
            return -1;
        }
        SimId item = aio_get(I, op, "_item");
        af = run_in_executor(I, 0, sim_items(S, item)[0], sim_items(S, item)[1], ref(I, sim_items(S, item)[2]));
        if (!af)
            return -1;
        aio_put(I, op, "_waiter", af);
    }
    return aio_await_future(I, af, out);
}

/* the ready queue's AQ_EXEC_DONE (_set_state: a the asyncio future, b the
 * concurrent one) and AQ_EXEC_CANCEL (_call_check_cancel: a the concurrent
 * future, b the asyncio one) */
bool aio_exec_callback(PyRun *I, int op, SimId a, SimId b)
{
    if (op == AQ_EXEC_CANCEL) {
        if (fstate(I, b) != FS_CANCELLED)
            return true;
        SimId name = aio_name(I, "cancel");
        SimId m = attr_get(I, a, name);
        sim_decref(S, name);
        SimId r = m ? vm_call(I, m, NULL, 0) : 0;
        sim_xdecref(S, m);
        if (!r)
            return false;
        sim_decref(S, r);
        return true;
    }
    if (fstate(I, a) != FS_PENDING) /* _copy_future_state: a cancelled destination stays */
        return true;
    SimId v;
    switch (futures_outcome(I, b, &v)) {
    case 1:
        aio_set_result(I, a, ref(I, v));
        return true;
    case 2:
        aio_set_exception(I, a, ref(I, v));
        return true;
    case 3:
        aio_cancel(I, a, 0);
        return true;
    default:
        return py_not_modelled(I, 0, "a concurrent future that was not done when the loop copied it");
    }
}

/* _run_once's select() while other threads live: the loop's thread waits
 * for the wake-up or the timeout (ps, < 0: none) while they run */
bool aio_exec_select(PyRun *I, int64_t timeout)
{
    int ev = wake_event(I);
    if (I->vs.events[ev]) { /* the self-pipe has data: select returns at once */
        I->vs.events[ev] = false;
        return true;
    }
    int64_t t0 = I->vs.now;
    vs_wait_event(&I->vs, ev, timeout);
    bool ok = vm_wait_nested(I);
    I->vs.events[ev] = false;
    I->clock_skipped += I->vs.now - t0;
    return ok;
}

/* after each handle: a worker that waited for the GIL longer than the
 * switch interval would have had it in the middle of that handle */
bool aio_exec_check_turn(PyRun *I)
{
    const VmSched *v = &I->vs;
    for (int t = 0; t < v->nthr; t++)
        if (t != I->ts->id && v->thr[t].state == VS_READY && v->now - v->thr[t].since > v->interval)
            return py_not_modelled(I, 0, "a step of the event loop that holds the GIL past the switch interval while a "
                                         "worker thread waits for it (CPython switches inside the step)");
    return true;
}

bool asyncio_wait_here(PyRun *I)
{
    PyAsyncio *A = I->asyncio;
    if (!A || !A->loop || I->ts->id != A->loop_thread)
        return false;
    I->ts->wait_nested = true;
    return true;
}

bool asyncio_gil_kept(PyRun *I)
{
    return !I->asyncio || !I->asyncio->loop || I->ts->id != 0 || aio_exec_check_turn(I);
}

/* shutdown_default_executor(): its helper thread (a Thread-N of threading's
 * counter) shuts the executor down and joins the workers */
bool aio_exec_shutdown(PyRun *I)
{
    PyAsyncio *A = aio(I);
    if (!A->executor)
        return true;
    if (I->threading)
        I->threading->counter++;
    int t;
    while ((t = futures_shutdown_from_loop(I, A->executor)) >= 0) {
        vs_wait_join(&I->vs, t, -1);
        if (!vm_wait_nested(I))
            return false;
    }
    sim_decref(S, A->executor);
    A->executor = 0;
    return t == -1;
}
