/*
 * asyncio_loop: the event loop on the simulated clock, futures and tasks,
 * as CPython's base_events.py, futures.py and tasks.py (their C
 * accelerator _asyncio) run them.
 *
 * The loop runs CPython's _run_once: when nothing is ready it moves the
 * clock to the first timer (asyncio.sleep costs no wall time); the timers
 * due go to the end of the ready queue; then exactly the handles ready at
 * the start of the turn run, first in first out.  A future's done
 * callbacks are scheduled (call_soon) when it completes; a task's step
 * sends into its coroutine (or throws the exception that woke it), and the
 * future the coroutine yields gets the task's wakeup as a done callback.
 * `await fut` and asyncio.sleep() are asyncio_await.c's.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pyrun/modules/asyncio_int.h"

/* ---- small helpers ---------------------------------------------------------- */

bool aio_put(PyRun *I, SimId obj, const char *name, SimId v)
{
    SimId k = aio_name(I, name);
    bool ok = attr_set(I, obj, k, v);
    sim_decref(S, k);
    sim_decref(S, v);
    return ok;
}

SimId aio_get(PyRun *I, SimId obj, const char *name)
{
    SimId k = aio_name(I, name);
    SimId v = sim_attr_get(S, obj, k);
    sim_decref(S, k);
    return v;
}

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

bool aio_is_class(PyRun *I, SimId v, int c)
{
    return I->asyncio && sim_kind(S, v) == SK_INSTANCE && sim_obj(S, v)->type == I->asyncio->cls[c];
}

bool aio_is_future(PyRun *I, SimId v)
{
    return aio_is_class(I, v, AC_FUTURE) || aio_is_class(I, v, AC_TASK) || aio_is_class(I, v, AC_SLEEP);
}

bool aio_is_coro(PyRun *I, SimId v)
{
    return sim_is_coro(S, v) || aio_is_class(I, v, AC_SLEEP) || aio_is_class(I, v, AC_OP);
}

SimId aio_future_new(PyRun *I, int c)
{
    SimId f = vm_new_instance(I, aio(I)->cls[c], NULL, 0, false);
    if (!f)
        return 0;
    fw_set(I, f, FS_PENDING);
    if (!aio_put(I, f, "_callbacks", sim_list(S, 0))) {
        sim_decref(S, f);
        return 0;
    }
    return f;
}

/* ---- the ready queue and the timers -------------------------------------------- */

static void push_ready(PyRun *I, AioItem it)
{
    PyAsyncio *A = aio(I);
    if (A->head > 0 && A->head == A->nready)
        A->head = A->nready = 0;
    A->ready = xgrow(A->ready, &A->capready, A->nready + 1, sizeof *A->ready);
    A->ready[A->nready++] = it;
}

static AioItem item(PyRun *I, int op, SimId a, SimId b)
{
    if (a)
        sim_incref(S, a);
    if (b)
        sim_incref(S, b);
    return (AioItem){(uint8_t)op, a, b};
}

static void drop_item(PyRun *I, AioItem it)
{
    sim_xdecref(S, it.a);
    sim_xdecref(S, it.b);
}

void aio_call_soon(PyRun *I, int op, SimId a, SimId b)
{
    if (op == AQ_STEP || op == AQ_WAKEUP)
        aio_log_lane(I, a, LL_READY, 0);
    push_ready(I, item(I, op, a, b));
}

void aio_call_later(PyRun *I, int64_t delay, int op, SimId a, SimId b)
{
    PyAsyncio *A = aio(I);
    A->timers = xgrow(A->timers, &A->captimers, A->ntimers + 1, sizeof *A->timers);
    A->timers[A->ntimers++] = (AioTimer){I->vs.now + (delay > 0 ? delay : 0), A->seq++, item(I, op, a, b), false};
}

/* The timer whose item runs on `a` (a sleep's, a timeout's) is cancelled. */
void aio_cancel_timer_of(PyRun *I, SimId a)
{
    PyAsyncio *A = aio(I);
    for (size_t i = 0; i < A->ntimers; i++)
        if (A->timers[i].it.a == a)
            A->timers[i].cancelled = true;
}

/* the first live timer, or -1 (cancelled ones are dropped, as _run_once does) */
static long first_timer(PyRun *I)
{
    PyAsyncio *A = aio(I);
    long best = -1;
    for (size_t i = 0; i < A->ntimers;) {
        if (A->timers[i].cancelled) {
            drop_item(I, A->timers[i].it);
            A->timers[i] = A->timers[--A->ntimers];
            continue;
        }
        if (best < 0 || A->timers[i].when < A->timers[best].when ||
            (A->timers[i].when == A->timers[best].when && A->timers[i].seq < A->timers[best].seq))
            best = (long)i;
        i++;
    }
    return best;
}

/* ---- futures -------------------------------------------------------------------- */

void aio_add_callback(PyRun *I, SimId fut, int op, SimId obj)
{
    if (fstate(I, fut) != FS_PENDING) { /* done already: scheduled at once */
        aio_call_soon(I, op, obj, fut);
        return;
    }
    SimId cbs = aio_get(I, fut, "_callbacks");
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, sim_int(S, op));
    sim_tuple_set(S, t, 1, ref(I, obj));
    if (cbs && sim_kind(S, cbs) == SK_LIST)
        sim_list_append(S, cbs, t);
    else
        sim_decref(S, t);
}

/* __schedule_callbacks: each done callback goes to the ready queue, in order */
static void schedule_callbacks(PyRun *I, SimId fut)
{
    SimId cbs = aio_get(I, fut, "_callbacks");
    if (!cbs || sim_kind(S, cbs) != SK_LIST)
        return;
    sim_incref(S, cbs);
    aio_put(I, fut, "_callbacks", sim_list(S, 0));
    for (uint32_t i = 0; i < sim_obj(S, cbs)->len; i++) {
        SimId t = sim_items(S, cbs)[i];
        aio_call_soon(I, (int)sim_obj(S, sim_items(S, t)[0])->v.i, sim_items(S, t)[1], fut);
    }
    sim_decref(S, cbs);
}

static void finish(PyRun *I, SimId fut, int state)
{
    fw_set(I, fut, (fw(I, fut) & ~FW_STATE) | (uint32_t)state);
    if (aio_is_class(I, fut, AC_TASK))
        aio_log_lane(I, fut, LL_DONE, 0);
    PyAsyncio *A = aio(I);
    for (size_t i = 0; i < A->ntasks; i++) /* a task done leaves the pending list */
        if (A->tasks[i] == fut) {
            memmove(A->tasks + i, A->tasks + i + 1, (A->ntasks - i - 1) * sizeof *A->tasks);
            A->ntasks--;
            schedule_callbacks(I, fut);
            sim_decref(S, fut);
            return;
        }
    schedule_callbacks(I, fut);
}

void aio_set_result(PyRun *I, SimId fut, SimId value)
{
    aio_put(I, fut, "_result", value);
    finish(I, fut, FS_FINISHED);
}

void aio_set_exception(PyRun *I, SimId fut, SimId exc)
{
    aio_put(I, fut, "_exception", exc);
    finish(I, fut, FS_FINISHED);
}

SimId aio_cancelled_error(PyRun *I, SimId fut)
{
    SimId kept = aio_get(I, fut, "_cancelled_exc");
    if (kept && kept != S->none) { /* the CancelledError the task's coroutine raised */
        sim_incref(S, kept);
        aio_put(I, fut, "_cancelled_exc", bi_none(I));
        return kept;
    }
    SimId msg = aio_get(I, fut, "_cancel_message");
    SimId args = sim_tuple(S, msg && msg != S->none ? 1 : 0);
    if (msg && msg != S->none)
        sim_tuple_set(S, args, 0, ref(I, msg));
    return exc_new(I, aio(I)->cls[AC_CANCELLED], args);
}

static bool future_cancel(PyRun *I, SimId fut, SimId msg)
{
    if (fstate(I, fut) != FS_PENDING)
        return false;
    aio_put(I, fut, "_cancel_message", ref(I, msg ? msg : S->none));
    if (aio_is_class(I, fut, AC_SLEEP))
        aio_cancel_timer_of(I, fut);
    finish(I, fut, FS_CANCELLED);
    return true;
}

static void count_add(PyRun *I, SimId f) { fw_set(I, f, fw(I, f) + (1u << FW_COUNT_SHIFT)); }

bool aio_cancel(PyRun *I, SimId fut, SimId msg)
{
    if (fstate(I, fut) != FS_PENDING)
        return false;
    if (aio_is_class(I, fut, AC_TASK)) { /* Task.cancel */
        count_add(I, fut);
        SimId waiter = aio_get(I, fut, "_fut_waiter");
        if (waiter && waiter != S->none && aio_cancel(I, waiter, msg))
            return true;
        fw_set(I, fut, fw(I, fut) | FW_MUST_CANCEL);
        aio_put(I, fut, "_cancel_message", ref(I, msg ? msg : S->none));
        return true;
    }
    SimId children = aio_get(I, fut, "_children");
    if (children && sim_kind(S, children) == SK_LIST) { /* _GatheringFuture.cancel */
        bool any = false;
        sim_incref(S, children);
        for (uint32_t i = 0; i < sim_obj(S, children)->len; i++)
            any |= aio_cancel(I, sim_items(S, children)[i], msg);
        sim_decref(S, children);
        if (any)
            fw_set(I, fut, fw(I, fut) | FW_CANCEL_REQ);
        return any;
    }
    return future_cancel(I, fut, msg);
}

SimId aio_result(PyRun *I, SimId fut)
{
    int st = fstate(I, fut);
    if (st == FS_CANCELLED) {
        vm_raise_value(I, aio_cancelled_error(I, fut));
        return 0;
    }
    if (st != FS_FINISHED) {
        SimId args = sim_tuple(S, 1);
        sim_tuple_set(S, args, 0, sim_str(S, "Result is not set.", 18));
        vm_raise_value(I, exc_new(I, aio(I)->cls[AC_INVALID], args));
        return 0;
    }
    fw_set(I, fut, fw(I, fut) | FW_RETRIEVED);
    SimId e = aio_get(I, fut, "_exception");
    if (e && e != S->none) {
        vm_raise_value(I, ref(I, e));
        return 0;
    }
    SimId r = aio_get(I, fut, "_result");
    return ref(I, r ? r : S->none);
}

/* ---- tasks ---------------------------------------------------------------------------- */

SimId aio_task_new(PyRun *I, SimId coro, SimId name)
{
    PyAsyncio *A = aio(I);
    SimId t = aio_future_new(I, AC_TASK);
    if (!t)
        return 0;
    SimId nm;
    if (name && name != S->none) {
        Buf b = {0};
        if (!op_str(I, name, &b)) {
            buf_fini(&b);
            sim_decref(S, t);
            return 0;
        }
        nm = sim_str(S, buf_str(&b), b.len);
        buf_fini(&b);
    } else {
        char buf[32];
        int len = snprintf(buf, sizeof buf, "Task-%llu", (unsigned long long)++A->task_counter);
        nm = sim_str(S, buf, (size_t)len);
    }
    if (!aio_put(I, t, "_coro", ref(I, coro)) || !aio_put(I, t, "_name", nm) ||
        !aio_put(I, t, "_fut_waiter", bi_none(I))) {
        sim_decref(S, t);
        return 0;
    }
    A->tasks = xgrow(A->tasks, &A->captasks, A->ntasks + 1, sizeof *A->tasks);
    A->tasks[A->ntasks++] = ref(I, t);
    aio_log_task(I, t);
    aio_call_soon(I, AQ_STEP, t, 0);
    return t;
}

SimId aio_task_new_later(PyRun *I, SimId coro, SimId name)
{
    bool later = name && name != S->none && S->prof->version < SIM_V313;
    SimId task = aio_task_new(I, coro, later ? 0 : name);
    if (!task || !later)
        return task;
    Buf b = {0};
    if (!op_str(I, name, &b)) {
        buf_fini(&b);
        sim_decref(S, task);
        return 0;
    }
    aio_put(I, task, "_name", sim_str(S, buf_str(&b), b.len));
    buf_fini(&b);
    aio_log_name(I, task);
    return task;
}

/* The value a StopIteration carries (new reference); the error cleared. */
SimId aio_stop_value(PyRun *I)
{
    SimId e = exc_instance(I);
    py_err_clear(I);
    SimId args = exc_args(I, e);
    SimId v = args && sim_kind(S, args) == SK_TUPLE && sim_obj(S, args)->len > 0 ? sim_items(S, args)[0] : S->none;
    sim_incref(S, v);
    sim_decref(S, e);
    return v;
}

/* coro.send(None), or coro.throw(exc) (exc stolen) */
static SimId coro_send(PyRun *I, SimId coro, SimId exc)
{
    if (exc)
        vm_raise_value(I, exc);
    if (sim_kind(S, coro) == SK_GEN)
        return exc ? vm_gen_throw(I, coro) : vm_gen_send(I, coro, S->none);
    bool op = aio_is_class(I, coro, AC_OP);
    if (exc) { /* a sleep or an operation run as a task: the exception ends it */
        if (op && (sim_obj(S, coro)->cap & 15u) >= OK_WAITFOR) {
            SimId r = 0;
            int h = aio_long_step(I, coro, true, &r);
            if (h == 1)
                return r;
            if (h == 0) {
                SimId args = sim_tuple(S, 1);
                sim_tuple_set(S, args, 0, r);
                py_raise_instance(I, exc_new(I, exc_class(I, EXC_StopIteration), args), "");
            }
            return 0;
        }
        if (op)
            aio_op_throw(I, coro);
        else
            future_cancel(I, coro, 0);
        return 0;
    }
    SimId r = 0;
    int got = op ? aio_op_step(I, coro, &r) : aio_sleep_step(I, coro, &r);
    if (got == 0) { /* done: as a coroutine's return */
        SimId args = sim_tuple(S, 1);
        sim_tuple_set(S, args, 0, r);
        SimId e = exc_new(I, exc_class(I, EXC_StopIteration), args);
        py_raise_instance(I, e, "");
        return 0;
    }
    return got == 1 ? r : 0;
}

/* Stops the run: an exception no task may keep, or a refusal. */
static bool fatal(PyRun *I)
{
    return I->refused || py_err_matches(I, EXC_KeyboardInterrupt) || py_err_matches(I, EXC_SystemExit);
}

/* task.__step(exc): false when the run must stop */
static bool task_step(PyRun *I, SimId task, SimId exc)
{
    PyAsyncio *A = aio(I);
    if (fstate(I, task) != FS_PENDING) {
        sim_xdecref(S, exc);
        return true;
    }
    if (fw(I, task) & FW_MUST_CANCEL) {
        if (exc && !sim_is_subtype(S, sim_obj(S, exc)->type, A->cls[AC_CANCELLED])) {
            sim_decref(S, exc);
            exc = 0;
        }
        if (!exc)
            exc = aio_cancelled_error(I, task);
        fw_set(I, task, fw(I, task) & ~FW_MUST_CANCEL);
    }
    aio_put(I, task, "_fut_waiter", bi_none(I));
    SimId coro = aio_get(I, task, "_coro");
    sim_incref(S, coro);
    SimId was = A->current;
    A->current = task;
    aio_log_lane(I, task, LL_RUN, 0);
    bool first = fw(I, task) & FW_FIRST;
    if (first)
        aio_order_enter(I);
    SimId r = coro_send(I, coro, exc);
    A->current = was;
    if (!r && sim_kind(S, coro) != SK_GEN && !py_err_matches(I, EXC_StopIteration)) /* a sleep or an operation */
        aio_lib_raised(I);
    sim_decref(S, coro);
    if (first && !aio_order_leave(I, task, r)) {
        sim_xdecref(S, r);
        return false;
    }
    if (!r) {
        if (I->refused)
            return false;
        if (py_err_matches(I, EXC_StopIteration)) {
            SimId v = aio_stop_value(I);
            if (fw(I, task) & FW_MUST_CANCEL) {
                sim_decref(S, v);
                fw_set(I, task, fw(I, task) & ~FW_MUST_CANCEL);
                future_cancel(I, task, aio_get(I, task, "_cancel_message"));
            } else {
                aio_set_result(I, task, v);
            }
            return true;
        }
        SimId e = exc_instance(I);
        bool stop = fatal(I);
        if (!stop) {
            aio_keep_library(I, e);
            py_err_clear(I);
        }
        if (!stop && sim_is_subtype(S, sim_obj(S, e)->type, A->cls[AC_CANCELLED])) {
            aio_put(I, task, "_cancelled_exc", e);
            future_cancel(I, task, 0);
            return true;
        }
        aio_set_exception(I, task, e);
        A->failed = xgrow(A->failed, &A->capfailed, A->nfailed + 1, sizeof *A->failed);
        A->failed[A->nfailed++] = ref(I, task);
        return !stop;
    }
    if (aio_is_future(I, r) && (fw(I, r) & FW_BLOCKING)) {
        fw_set(I, r, fw(I, r) & ~FW_BLOCKING);
        if (r == task) {
            sim_decref(S, r);
            return py_not_modelled(I, 0, "a task that awaits itself");
        }
        aio_add_callback(I, r, AQ_WAKEUP, task);
        aio_log_lane(I, task, LL_WAIT, r);
        aio_put(I, task, "_fut_waiter", r);
        if ((fw(I, task) & FW_MUST_CANCEL) && aio_cancel(I, r, aio_get(I, task, "_cancel_message")))
            fw_set(I, task, fw(I, task) & ~FW_MUST_CANCEL);
        return true;
    }
    if (r == S->none) { /* a bare yield: the task goes on at the next turn */
        sim_decref(S, r);
        aio_call_soon(I, AQ_STEP, task, 0);
        return true;
    }
    sim_decref(S, r);
    return py_not_modelled(I, 0, "a task whose coroutine yields something other than a future (a bad yield)");
}

/* task.__wakeup(fut) */
static bool task_wakeup(PyRun *I, SimId task, SimId fut)
{
    if (fstate(I, fut) == FS_CANCELLED)
        return task_step(I, task, aio_cancelled_error(I, fut));
    SimId e = aio_get(I, fut, "_exception");
    if (fstate(I, fut) == FS_FINISHED && e && e != S->none) {
        fw_set(I, fut, fw(I, fut) | FW_RETRIEVED);
        return task_step(I, task, ref(I, e));
    }
    return task_step(I, task, 0);
}

/* ---- the loop --------------------------------------------------------------------------- */

static bool run_item(PyRun *I, AioItem it)
{
    bool ok = true;
    switch (it.op) {
    case AQ_STEP:
        ok = task_step(I, it.a, it.b ? ref(I, it.b) : 0);
        break;
    case AQ_WAKEUP: {
        SimId was = aio(I)->woke_by;
        aio(I)->woke_by = it.b;
        ok = task_wakeup(I, it.a, it.b);
        aio(I)->woke_by = was;
        break;
    }
    case AQ_GATHER:
        aio_gather_child_done(I, it.a, it.b);
        break;
    case AQ_SLEEP_DONE: /* futures._set_result_unless_cancelled */
        if (fstate(I, it.a) == FS_PENDING) {
            SimId r = aio_get(I, it.a, "_value");
            aio_set_result(I, it.a, ref(I, r ? r : S->none));
        }
        break;
    case AQ_TIMEOUT: /* Timeout._on_timeout */
        aio_timeout_fire(I, it.a);
        break;
    case AQ_RELEASE: /* _release_waiter */
        aio_release_waiter(I, it.a);
        break;
    case AQ_CALLBACK: {
        SimId r = vm_call(I, it.a, &it.b, 1);
        if (r)
            sim_decref(S, r);
        else if (!fatal(I))
            ok = py_not_modelled(I, 0, "an exception in a future's done callback (asyncio's exception handler "
                                       "logs it)");
        else
            ok = false;
        break;
    }
    case AQ_HANDLE: /* call_soon's, call_later's */
        ok = aio_handle_run(I, it.a);
        break;
    default: /* wait()'s, shield()'s, a TaskGroup's */
        ok = aio_group_callback(I, it.op, it.a, it.b);
        break;
    }
    drop_item(I, it);
    return ok;
}

/* One turn of _run_once; `wait`: when nothing is ready, the clock moves to
 * the first timer.  False when the run must stop (or nothing is left). */
static bool run_once(PyRun *I, bool wait)
{
    PyAsyncio *A = aio(I);
    long t = first_timer(I);
    if (A->head == A->nready && wait && aio_threads_alive(I)) { /* select() while the workers run */
        int64_t timeout = t < 0 ? -1 : A->timers[t].when > I->vs.now
                                          ? (A->timers[t].when - I->vs.now + 999999999) / 1000000000 * 1000000000
                                          : 0;
        if (!aio_exec_select(I, timeout))
            return false;
    } else if (A->head == A->nready && wait) {
        if (t < 0)
            return py_not_modelled(I, 0, "an event loop with nothing left to run while a task waits (CPython "
                                         "waits for ever)");
        if (A->timers[t].when > I->vs.now) { /* EpollSelector.select: its timeout rounded up to a ms */
            int64_t ps = (A->timers[t].when - I->vs.now + 999999999) / 1000000000 * 1000000000;
            I->clock_skipped += ps;
            I->vs.now += ps;
        }
    }
    for (t = first_timer(I); t >= 0 && A->timers[t].when <= I->vs.now; t = first_timer(I)) {
        AioItem it = A->timers[t].it;
        A->timers[t] = A->timers[--A->ntimers];
        push_ready(I, it);
    }
    size_t n = A->nready - A->head;
    aio_log_turn(I, n);
    for (size_t i = 0; i < n; i++) {
        AioItem it = A->ready[A->head++];
        if (!run_item(I, it))
            return false;
        if (aio_threads_alive(I) && !aio_exec_check_turn(I))
            return false;
    }
    return true;
}

bool aio_run_until(PyRun *I, SimId fut)
{
    while (fstate(I, fut) == FS_PENDING)
        if (!run_once(I, true))
            return false;
    return run_once(I, false); /* the turn that runs _run_until_complete_cb and stops */
}

bool aio_run_turns(PyRun *I, int n)
{
    for (int i = 0; i < n; i++)
        if (!run_once(I, false))
            return false;
    return true;
}

/* loop.close(): what is still scheduled is dropped */
void aio_loop_close(PyRun *I)
{
    PyAsyncio *A = aio(I);
    while (A->head < A->nready)
        drop_item(I, A->ready[A->head++]);
    A->head = A->nready = 0;
    while (A->ntimers > 0)
        drop_item(I, A->timers[--A->ntimers].it);
    for (size_t i = 0; i < 2 * A->nchains; i++) /* the futures run_in_executor wrapped are left */
        sim_decref(S, A->chains[i]);
    A->nchains = 0;
}

void asyncio_roots(PyRun *I, SimVisit visit, void *arg)
{
    PyAsyncio *A = I->asyncio;
    if (!A)
        return;
    for (int i = 0; i < AC_COUNT; i++)
        if (A->cls[i])
            visit(S, A->cls[i], arg);
    for (size_t i = A->head; i < A->nready; i++) {
        if (A->ready[i].a)
            visit(S, A->ready[i].a, arg);
        if (A->ready[i].b)
            visit(S, A->ready[i].b, arg);
    }
    for (size_t i = 0; i < A->ntimers; i++) {
        if (A->timers[i].it.a)
            visit(S, A->timers[i].it.a, arg);
        if (A->timers[i].it.b)
            visit(S, A->timers[i].it.b, arg);
    }
    for (size_t i = 0; i < A->ntasks; i++)
        visit(S, A->tasks[i], arg);
    for (size_t i = 0; i < A->nfailed; i++)
        visit(S, A->failed[i], arg);
    if (A->loop)
        visit(S, A->loop, arg);
    if (A->executor)
        visit(S, A->executor, arg);
    for (size_t i = 0; i < 2 * A->nchains; i++)
        visit(S, A->chains[i], arg);
}

void asyncio_free(PyRun *I)
{
    if (!I->asyncio)
        return;
    free(I->asyncio->ready);
    free(I->asyncio->timers);
    free(I->asyncio->tasks);
    free(I->asyncio->failed);
    ll_free(&I->asyncio->log);
    free(I->asyncio->logids);
    free(I->asyncio->chains);
    aio_order_free(I);
    free(I->asyncio);
    I->asyncio = NULL;
}
