/*
 * asyncio_wait: asyncio.timeout() (asyncio/timeouts.py's Timeout: a timer
 * that cancels the task, and whose __aexit__ turns that cancellation into
 * TimeoutError) and asyncio.wait_for(), which 3.12 and 3.13 build on it
 * (the awaitable runs inside the calling task) and 3.11 builds on a task
 * of its own, a waiter future released by a timer or by the task's end,
 * and _cancel_and_wait.  wait_for's coroutine is an operation object
 * (asyncio_sync.c's) stepped here.
 */
#include <math.h>

#include "pyrun/modules/asyncio_int.h"

enum { TS_CREATED, TS_ENTERED, TS_EXPIRING, TS_EXPIRED, TS_EXITED };

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static uint32_t word(PyRun *I, SimId o) { return sim_obj(S, o)->cap; }
static void set_word(PyRun *I, SimId o, uint32_t v) { sim_obj(S, o)->cap = v; }

static int cancels(PyRun *I, SimId task) { return FW_COUNT(fw(I, task)); }

/* Task.uncancel(): the cancel requests left */
static int uncancel(PyRun *I, SimId task)
{
    if (cancels(I, task) > 0)
        fw_set(I, task, fw(I, task) - (1u << FW_COUNT_SHIFT));
    return cancels(I, task);
}

SimId aio_task_cancelling(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_int(S, aio_is_class(I, a[0], AC_TASK) ? cancels(I, a[0]) : 0);
}

SimId aio_task_uncancel(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_int(S, aio_is_class(I, a[0], AC_TASK) ? uncancel(I, a[0]) : 0);
}

/* ---- Timeout ---------------------------------------------------------------------------- */

/* loop.time() of a moment of the simulated clock (ps), and back */
static double loop_secs(int64_t ps) { return 1000.0 + (double)ps * 1e-12; }
static int64_t loop_ps(double secs) { return llround((secs - 1000.0) * 1e12); }

/* the handle of _on_timeout at _when: call_soon when it is due, else call_at */
static void schedule(PyRun *I, SimId t)
{
    SimId when = aio_get(I, t, "_when");
    if (!when || when == S->none)
        return;
    double secs = sim_kind(S, when) == SK_FLOAT ? sim_obj(S, when)->v.f : (double)sim_obj(S, when)->v.i;
    int64_t at = loop_ps(secs);
    if (at <= I->vs.now) /* when <= loop.time() */
        aio_call_soon(I, AQ_TIMEOUT, t, 0);
    else
        aio_call_later(I, at - I->vs.now, AQ_TIMEOUT, t, 0);
}

static bool timeout_enter(PyRun *I, SimId t)
{
    if (word(I, t) != TS_CREATED) {
        py_raise(I, EXC_RuntimeError, "Timeout has already been entered");
        return false;
    }
    SimId task = I->asyncio ? I->asyncio->current : 0;
    if (!task) {
        py_raise(I, EXC_RuntimeError, "Timeout should be used inside a task");
        return false;
    }
    set_word(I, t, TS_ENTERED);
    aio_put(I, t, "_task", ref(I, task));
    aio_put(I, t, "_cancelling", sim_int(S, cancels(I, task)));
    schedule(I, t);
    return true;
}

void aio_timeout_fire(PyRun *I, SimId t)
{
    if (word(I, t) != TS_ENTERED) /* its handle was cancelled */
        return;
    SimId task = aio_get(I, t, "_task");
    if (task)
        aio_cancel(I, task, 0);
    set_word(I, t, TS_EXPIRING);
}

/* __aexit__ with the pending exception (or none): false with TimeoutError
 * (from the CancelledError) or the exception as it was */
static bool timeout_exit(PyRun *I, SimId t)
{
    aio_cancel_timer_of(I, t);
    if (word(I, t) == TS_ENTERED) {
        set_word(I, t, TS_EXITED);
        return !I->ts->err.set;
    }
    if (word(I, t) != TS_EXPIRING)
        return !I->ts->err.set;
    set_word(I, t, TS_EXPIRED);
    SimId task = aio_get(I, t, "_task"), c = aio_get(I, t, "_cancelling");
    int left = task ? uncancel(I, task) : 0;
    if (!I->ts->err.set || left > (c ? sim_obj(S, c)->v.i : 0))
        return !I->ts->err.set;
    if (!exc_matches(I, aio(I)->cls[AC_CANCELLED])) {
        if (S->prof->version >= SIM_V313)
            return py_not_modelled(I, 0, "3.13's note of a timeout on another exception (_insert_timeout_error)");
        return false;
    }
    SimId e = exc_instance(I); /* raise TimeoutError from exc_val */
    py_err_clear(I);
    SimId te = exc_new(I, exc_class(I, EXC_TimeoutError), 0);
    sim_incref(S, e);
    sim_exc_set(S, te, SIM_EXC_CAUSE, e);
    sim_exc_set(S, te, SIM_EXC_SUPPRESS, 1);
    sim_exc_set(S, te, SIM_EXC_CONTEXT, e);
    py_raise_instance(I, te, "");
    return false;
}

static SimId new_timeout(PyRun *I, SimId delay)
{
    if (!I->asyncio || !I->asyncio->loop) {
        py_raise(I, EXC_RuntimeError, "no running event loop");
        return 0;
    }
    SimId when = bi_none(I);
    if (delay && delay != S->none) {
        bool ok;
        int64_t d = aio_secs_arg(I, delay, &ok);
        sim_decref(S, when);
        if (!ok)
            return 0;
        when = sim_float(S, loop_secs(I->vs.now + d));
    }
    SimId t = vm_new_instance(I, aio(I)->cls[AC_TIMEOUT], NULL, 0, false);
    if (!t) {
        sim_decref(S, when);
        return 0;
    }
    set_word(I, t, TS_CREATED);
    aio_put(I, t, "_when", when);
    return t;
}

SimId aio_m_timeout(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return new_timeout(I, a[0]);
}

/* timeout_at(when): Timeout(when), when on loop.time()'s clock or None */
SimId aio_m_timeout_at(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimKind k = sim_kind(S, a[0]);
    if (a[0] != S->none && k != SK_FLOAT && k != SK_INT)
        return py_not_modelled(I, 0, "asyncio.timeout_at() of a '%s'", op_typename(I, a[0])), (SimId)0;
    SimId t = new_timeout(I, S->none);
    if (t)
        aio_put(I, t, "_when", ref(I, a[0]));
    return t;
}

/* Timeout.reschedule(when) */
SimId aio_timeout_reschedule(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId t = a[0], when = a[1];
    static const char *const state[] = {"created", "active", "expiring", "expired", "finished"};
    if (!aio_is_class(I, t, AC_TIMEOUT))
        return 0;
    if (word(I, t) != TS_ENTERED) {
        if (word(I, t) == TS_CREATED)
            py_raise(I, EXC_RuntimeError, "Timeout has not been entered");
        else
            py_raise(I, EXC_RuntimeError, "Cannot change state of %s Timeout", state[word(I, t) % 5]);
        return 0;
    }
    SimKind k = sim_kind(S, when);
    if (when != S->none && k != SK_FLOAT && k != SK_INT)
        return py_not_modelled(I, 0, "Timeout.reschedule() of a '%s'", op_typename(I, when)), (SimId)0;
    aio_put(I, t, "_when", ref(I, when));
    aio_cancel_timer_of(I, t);
    schedule(I, t);
    return bi_none(I);
}

SimId aio_timeout_aenter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!aio_is_class(I, a[0], AC_TIMEOUT) || !timeout_enter(I, a[0]))
        return 0;
    return aio_op_new(I, OK_DONE, a[0], a[0]);
}

SimId aio_timeout_aexit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!aio_is_class(I, a[0], AC_TIMEOUT) || n < 4)
        return 0;
    SimId e = a[2];
    if (e != S->none) { /* seen as the pending exception */
        sim_incref(S, e);
        vm_raise_value(I, e);
    }
    if (!timeout_exit(I, a[0])) {
        if (I->ts->err.set && I->ts->err_obj != e) /* raise TimeoutError from exc_val */
            aio_lib_raised_kind(I, TB_KIND_TIMEOUT_AEXIT);
        if (!I->ts->err.set || e == S->none || I->ts->err_obj != e)
            return 0; /* TimeoutError (or a refusal) */
        py_err_clear(I); /* the body's exception: __aexit__ returns None, it goes on */
    }
    return aio_op_new(I, OK_DONE, a[0], 0);
}

SimId aio_timeout_expired(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, word(I, a[0]) == TS_EXPIRING || word(I, a[0]) == TS_EXPIRED);
}

SimId aio_timeout_when(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId w = aio_get(I, a[0], "_when");
    return ref(I, w ? w : S->none);
}

/* ---- stepping what wait_for awaits -------------------------------------------------------- */

static int sub_step(PyRun *I, SimId sub, SimId *out)
{
    if (sim_kind(S, sub) == SK_GEN) {
        SimId r = vm_gen_send(I, sub, S->none);
        if (r) {
            *out = r;
            return 1;
        }
        if (!py_err_matches(I, EXC_StopIteration))
            return -1;
        *out = aio_stop_value(I);
        return 0;
    }
    int h = I->await_step(I, sub, out);
    return h == 2 ? (py_not_modelled(I, 0, "wait_for() of this awaitable"), -1) : h;
}

static int sub_throw(PyRun *I, SimId sub, SimId *out)
{
    if (sim_kind(S, sub) == SK_GEN) {
        SimId r = vm_gen_throw(I, sub);
        if (r) {
            *out = r;
            return 1;
        }
        if (!py_err_matches(I, EXC_StopIteration))
            return -1;
        *out = aio_stop_value(I);
        return 0;
    }
    if (aio_is_class(I, sub, AC_OP))
        aio_op_throw(I, sub);
    return -1;
}

/* wait_for's timeout raised TimeoutError from CancelledError e: e's traceback
 * starts in wait_for's frame, the TimeoutError's ends in it (3.12+: and in
 * timeout()'s __aexit__).  Known only when what wait_for awaited was the
 * program's coroutine or a task: over sleep() or a Queue.get() directly the
 * CancelledError's traceback goes on into their frames (refused). */
static void timed_out(PyRun *I, SimId e, bool known)
{
    SimId k = known ? EXC_LIBRARY_PRE(TB_KIND_WAIT_FOR_CANCELLED) : EXC_LIBRARY_TB;
    sim_exc_set(S, e, SIM_EXC_SUPPRESS, sim_exc_get(S, e, SIM_EXC_SUPPRESS) | k);
    aio(I)->tb_kind = TB_KIND_WAIT_FOR_TIMEOUT;
}

/* 3.12+: `async with timeout(t): return await fut` inside the task */
static int wait312(PyRun *I, SimId op, bool throwing, SimId *out)
{
    SimId t = aio_get(I, op, "_timeout"), sub = aio_get(I, op, "_sub");
    if (!sub) { /* the first step: enter the timeout, start awaiting */
        if (throwing)
            return -1;
        SimId inner = aio_get(I, op, "_inner");
        SimId delay = aio_get(I, op, "_delay");
        SimId tm = new_timeout(I, delay);
        if (!tm || !aio_put(I, op, "_timeout", tm) || !timeout_enter(I, tm))
            return -1;
        t = tm;
        SimId it = vm_get_awaitable(I, inner);
        if (!it) {
            timeout_exit(I, t);
            return -1;
        }
        aio_put(I, op, "_sub", it);
        sub = it;
    }
    sim_incref(S, sub);
    int h = throwing ? sub_throw(I, sub, out) : sub_step(I, sub, out);
    sim_decref(S, sub);
    if (h == 1)
        return 1;
    SimId pending = I->ts->err.set ? I->ts->err_obj : 0;
    if (!timeout_exit(I, t)) {
        if (h == 0)
            sim_decref(S, *out);
        if (h == -1 && pending && I->ts->err.set && I->ts->err_obj == pending) /* `return await fut` */
            aio(I)->tb_kind = TB_KIND_WAIT_FOR;
        else if (h == -1 && pending && I->ts->err.set && I->ts->err_obj &&
                 sim_exc_get(S, I->ts->err_obj, SIM_EXC_CAUSE) == pending)
            timed_out(I, pending, sim_kind(S, sub) == SK_GEN); /* TimeoutError from the CancelledError */
        return -1;
    }
    return h;
}

/* _release_waiter(waiter): the waiter done, if it was not */
void aio_release_waiter(PyRun *I, SimId waiter)
{
    if (fstate(I, waiter) == FS_PENDING)
        aio_set_result(I, waiter, bi_none(I));
}

/* fut.remove_done_callback(partial(_release_waiter, w)) */
static void remove_release(PyRun *I, SimId fut, SimId w)
{
    SimId cbs = aio_get(I, fut, "_callbacks");
    if (!cbs || sim_kind(S, cbs) != SK_LIST)
        return;
    SimObj *o = sim_obj(S, cbs);
    for (uint32_t i = 0; i < o->len;) {
        SimId tp = sim_items(S, cbs)[i];
        if (sim_items(S, tp)[1] == w) {
            memmove(sim_items(S, cbs) + i, sim_items(S, cbs) + i + 1, (o->len - i - 1) * sizeof(SimId));
            o->len--;
            sim_decref(S, tp);
            continue;
        }
        i++;
    }
}

/* _cancel_and_wait(fut)'s start: a second waiter released by fut's end */
static int cancel_and_wait(PyRun *I, SimId op, SimId fut, SimId *out)
{
    SimId w2 = aio_future_new(I, AC_FUTURE);
    if (!w2)
        return -1;
    aio_add_callback(I, fut, AQ_RELEASE, w2);
    aio_cancel(I, fut, 0);
    aio_put(I, op, "_waiter2", ref(I, w2));
    fw_set(I, w2, fw(I, w2) | FW_BLOCKING);
    *out = w2;
    return 1;
}

enum { W_START, W_WAIT, W_CANCELLING, W_CANCELLED_OUT };
#define W_PHASE(c) (((c) >> 8) & 7u)
#define W_SET(c, p) (((c) & ~(7u << 8)) | (uint32_t)(p) << 8)

/* 3.11: the awaitable in a task of its own; a waiter released by a timer
 * or by the task's end */
static int wait311(PyRun *I, SimId op, bool throwing, SimId *out)
{
    uint32_t c = word(I, op);
    SimId w = aio_get(I, op, "_waiter"), fut = aio_get(I, op, "_fut");
    switch (W_PHASE(c)) {
    case W_START: {
        if (throwing)
            return -1;
        bool ok;
        int64_t d = aio_secs_arg(I, aio_get(I, op, "_delay"), &ok);
        if (!ok)
            return -1;
        SimId waiter = aio_future_new(I, AC_FUTURE);
        if (!waiter)
            return -1;
        aio_put(I, op, "_waiter", ref(I, waiter));
        aio_call_later(I, d, AQ_RELEASE, waiter, 0);
        SimId inner = aio_get(I, op, "_inner");
        SimId f = aio_is_future(I, inner) && !aio_is_class(I, inner, AC_SLEEP) ? ref(I, inner) : aio_task_new(I, inner, 0);
        if (!f) {
            sim_decref(S, waiter);
            return -1;
        }
        aio_add_callback(I, f, AQ_RELEASE, waiter);
        aio_put(I, op, "_fut", f);
        set_word(I, op, W_SET(c, W_WAIT));
        fw_set(I, waiter, fw(I, waiter) | FW_BLOCKING);
        *out = waiter;
        return 1;
    }
    case W_WAIT:
        if (fstate(I, fut) != FS_PENDING) { /* return fut.result() (a cancellation swallowed) */
            if (throwing)
                py_err_clear(I);
            aio_cancel_timer_of(I, w);
            SimId r = aio_result(I, fut);
            if (!r && !throwing) /* line 489's, not 479's */
                aio(I)->tb_kind = TB_KIND_WAIT_FOR;
            return r ? (*out = r, 0) : -1;
        }
        remove_release(I, fut, w);
        if (throwing) { /* cancelled while waiting: cancel the task, wait, re-raise */
            SimId e = exc_instance(I);
            py_err_clear(I);
            aio_put(I, op, "_exc", e);
            set_word(I, op, W_SET(c, W_CANCELLED_OUT));
        } else {
            set_word(I, op, W_SET(c, W_CANCELLING));
        }
        return cancel_and_wait(I, op, fut, out);
    default: { /* back from _cancel_and_wait */
        SimId w2 = aio_get(I, op, "_waiter2");
        if (w2)
            remove_release(I, fut, w2);
        aio_cancel_timer_of(I, w);
        if (throwing)
            return -1;
        if (W_PHASE(c) == W_CANCELLED_OUT) {
            SimId e = aio_get(I, op, "_exc");
            vm_raise_value(I, ref(I, e));
            return -1;
        }
        SimId r = aio_result(I, fut);
        if (r) {
            *out = r;
            return 0;
        }
        if (!exc_matches(I, aio(I)->cls[AC_CANCELLED]))
            return -1;
        SimId e = exc_instance(I); /* raise exceptions.TimeoutError() from exc */
        py_err_clear(I);
        SimId te = exc_new(I, exc_class(I, EXC_TimeoutError), 0);
        sim_exc_set(S, te, SIM_EXC_CAUSE, e);
        sim_exc_set(S, te, SIM_EXC_SUPPRESS, 1);
        sim_incref(S, e);
        sim_exc_set(S, te, SIM_EXC_CONTEXT, e);
        py_raise_instance(I, te, "");
        timed_out(I, e, true); /* (a task's: what it ran flagged its own frames) */
        return -1;
    }
    }
}

int aio_wait_step(PyRun *I, SimId op, bool throwing, SimId *out)
{
    SimId delay = aio_get(I, op, "_delay");
    if (!delay || delay == S->none) { /* no timeout: await fut */
        SimId sub = aio_get(I, op, "_sub");
        if (!sub) {
            if (throwing)
                return -1;
            sub = vm_get_awaitable(I, aio_get(I, op, "_inner"));
            if (!sub || !aio_put(I, op, "_sub", sub))
                return -1;
            sub = aio_get(I, op, "_sub");
        }
        sim_incref(S, sub);
        int h = throwing ? sub_throw(I, sub, out) : sub_step(I, sub, out);
        sim_decref(S, sub);
        if (h == -1) /* `return await fut` (3.12+: inside timeout(None)) */
            aio(I)->tb_kind = TB_KIND_WAIT_FOR_NONE;
        return h;
    }
    return S->prof->version == SIM_V311 ? wait311(I, op, throwing, out) : wait312(I, op, throwing, out);
}

SimId aio_m_wait_for(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId fut = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "fut");
    SimId timeout = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "timeout");
    if (!fut || !timeout) {
        py_raise(I, EXC_TypeError, "wait_for() missing 1 required positional argument: '%s'", fut ? "timeout" : "fut");
        return 0;
    }
    if (timeout != S->none) {
        bool ok;
        int64_t d = aio_secs_arg(I, timeout, &ok);
        if (!ok)
            return 0;
        if (d <= 0)
            return py_not_modelled(I, 0, "asyncio.wait_for() with a timeout <= 0 (_cancel_and_wait at once)"), 0;
    }
    SimId op = aio_op_new(I, OK_WAITFOR, 0, 0);
    if (!op)
        return 0;
    aio_put(I, op, "_inner", ref(I, fut));
    aio_put(I, op, "_delay", ref(I, timeout));
    return op;
}
