/*
 * asyncio_future: the methods of asyncio's Future and Task objects (done,
 * result, exception, cancel, set_result, callbacks, names, repr) and
 * gather's done callback, on asyncio_loop.c's futures.
 */
#include <stdio.h>

#include "pyrun/modules/asyncio_int.h"

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static int count_of(PyRun *I, SimId f) { return FW_COUNT(fw(I, f)); }
static void count_add(PyRun *I, SimId f) { fw_set(I, f, fw(I, f) + (1u << FW_COUNT_SHIFT)); }

static bool is_fut(PyRun *I, SimId self, const char *what)
{
    if (aio_is_future(I, self))
        return true;
    py_raise(I, EXC_TypeError, "descriptor '%s' requires a '_asyncio.Future' object but received a '%s'", what,
             op_typename(I, self));
    return false;
}

/* ---- Future and Task methods ------------------------------------------------------- */

SimId aio_f_done(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return is_fut(I, a[0], "done") ? sim_bool(S, fstate(I, a[0]) != FS_PENDING) : 0;
}

SimId aio_f_cancelled(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return is_fut(I, a[0], "cancelled") ? sim_bool(S, fstate(I, a[0]) == FS_CANCELLED) : 0;
}

/* A stored exception (or a cancelled future's CancelledError) raised again
 * has the frames it went through, asyncio's Python ones among them maybe
 * (its traceback is refused, as an error out of asyncio's Python code);
 * the InvalidStateError of a pending future comes from _asyncio's C code. */
static void stored_raised(PyRun *I, SimId fut)
{
    if (fstate(I, fut) == FS_PENDING || I->err_library || I->refused)
        return;
    if (aio_is_class(I, fut, AC_TASK) && fstate(I, fut) == FS_FINISHED) /* the task flagged the frames it went through */
        return;
    I->err_library = "asyncio";
    I->err_library_line = py_current_line(I);
    I->err_library_tb = true;
}

SimId aio_f_result(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_fut(I, a[0], "result"))
        return 0;
    SimId r = aio_result(I, a[0]);
    if (!r)
        stored_raised(I, a[0]);
    return r;
}

SimId aio_f_exception(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_fut(I, a[0], "exception"))
        return 0;
    int st = fstate(I, a[0]);
    if (st == FS_CANCELLED) {
        vm_raise_value(I, aio_cancelled_error(I, a[0]));
        stored_raised(I, a[0]);
        return 0;
    }
    if (st != FS_FINISHED) {
        SimId args = sim_tuple(S, 1);
        sim_tuple_set(S, args, 0, sim_str(S, "Exception is not set.", 21));
        vm_raise_value(I, exc_new(I, aio(I)->cls[AC_INVALID], args));
        return 0;
    }
    fw_set(I, a[0], fw(I, a[0]) | FW_RETRIEVED);
    SimId e = aio_get(I, a[0], "_exception");
    return ref(I, e ? e : S->none);
}

SimId aio_f_cancel(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!is_fut(I, a[0], "cancel"))
        return 0;
    SimId msg = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "msg");
    return sim_bool(S, aio_cancel(I, a[0], msg && msg != S->none ? msg : 0));
}

SimId aio_f_add_done_callback(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n;
    if (!is_fut(I, a[0], "add_done_callback"))
        return 0;
    if (kw && kw != S->none)
        return py_not_modelled(I, 0, "add_done_callback(context=...)"), 0;
    aio_add_callback(I, a[0], AQ_CALLBACK, a[1]);
    return bi_none(I);
}

static bool settable(PyRun *I, SimId self, const char *what)
{
    if (!is_fut(I, self, what))
        return false;
    if (aio_is_class(I, self, AC_TASK)) {
        py_raise(I, EXC_RuntimeError, "Task does not support %s() operation", what);
        return false;
    }
    if (fstate(I, self) != FS_PENDING) {
        SimId args = sim_tuple(S, 1);
        sim_tuple_set(S, args, 0, sim_str(S, "invalid state", 13));
        vm_raise_value(I, exc_new(I, aio(I)->cls[AC_INVALID], args));
        return false;
    }
    return true;
}

SimId aio_f_set_result(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!settable(I, a[0], "set_result"))
        return 0;
    aio_set_result(I, a[0], ref(I, a[1]));
    return bi_none(I);
}

SimId aio_f_set_exception(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!settable(I, a[0], "set_exception"))
        return 0;
    SimId e = a[1];
    if (sim_kind(S, e) == SK_TYPE && exc_is_class(I, e)) {
        e = vm_call(I, e, NULL, 0);
        if (!e)
            return 0;
    } else if (sim_kind(S, e) == SK_INSTANCE && exc_is_class(I, sim_obj(S, e)->type)) {
        sim_incref(S, e);
    } else {
        py_raise(I, EXC_TypeError, "invalid exception object");
        return 0;
    }
    aio_set_exception(I, a[0], e);
    return bi_none(I);
}

SimId aio_t_get_name(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (aio_order_hidden_name(I, a[0], "get_name()"))
        return 0;
    SimId nm = aio_is_class(I, a[0], AC_TASK) ? aio_get(I, a[0], "_name") : 0;
    if (!nm) {
        py_raise(I, EXC_TypeError, "get_name() needs a Task");
        return 0;
    }
    return ref(I, nm);
}

SimId aio_t_set_name(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!aio_is_class(I, a[0], AC_TASK)) {
        py_raise(I, EXC_TypeError, "set_name() needs a Task");
        return 0;
    }
    Buf b = {0};
    if (!op_str(I, a[1], &b)) {
        buf_fini(&b);
        return 0;
    }
    aio_put(I, a[0], "_name", sim_str(S, buf_str(&b), b.len));
    buf_fini(&b);
    aio_log_name(I, a[0]);
    return bi_none(I);
}

SimId aio_t_get_coro(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId c = aio_is_class(I, a[0], AC_TASK) ? aio_get(I, a[0], "_coro") : 0;
    return ref(I, c ? c : S->none);
}

/* coroutines._format_coroutine: "f() running at FILE:LINE", "f() done, defined at FILE:LINE" */
static bool format_coro(PyRun *I, SimId coro, Buf *out)
{
    if (sim_kind(S, coro) != SK_GEN) {
        buf_printf(out, "sleep()");
        return py_not_modelled(I, 0, "the repr of a task that runs asyncio.sleep() itself");
    }
    const SimObj *o = sim_obj(S, coro);
    const PyCode *co = &I->codes[o->v.gen.code];
    size_t qn;
    const char *q = sim_str_data(S, co->qualname, &qn);
    if (o->sub == SIM_GEN_CLOSED)
        buf_printf(out, "%.*s() done, defined at %s:%d", (int)qn, q, I->filename, co->firstline);
    else if (o->sub == SIM_GEN_CREATED)
        buf_printf(out, "%.*s() running at %s:%d", (int)qn, q, I->filename, co->firstline);
    else
        return py_not_modelled(I, 0, "the repr of a task whose coroutine is suspended (its frame's line)");
    return true;
}

SimId aio_f_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId self = a[0];
    if (aio_order_hidden_name(I, self, "repr()"))
        return 0;
    bool task = aio_is_class(I, self, AC_TASK);
    int st = fstate(I, self);
    Buf b = {0};
    buf_printf(&b, "<%s %s", task ? "Task" : "Future", st == FS_PENDING ? "pending" : st == FS_CANCELLED ? "cancelled" : "finished");
    if (task) {
        Buf nm = {0};
        if (!op_repr(I, aio_get(I, self, "_name"), &nm)) {
            buf_fini(&nm), buf_fini(&b);
            return 0;
        }
        buf_printf(&b, " name=%s coro=<", buf_str(&nm));
        buf_fini(&nm);
        if (!format_coro(I, aio_get(I, self, "_coro"), &b)) {
            buf_fini(&b);
            return 0;
        }
        buf_printf(&b, ">");
    }
    SimId cbs = aio_get(I, self, "_callbacks");
    SimId waiter = task ? aio_get(I, self, "_fut_waiter") : 0;
    if ((cbs && sim_obj(S, cbs)->len > 0) || (waiter && waiter != S->none)) {
        buf_fini(&b);
        return py_not_modelled(I, 0, "the repr of a future or task with done callbacks or a future it waits for"), 0;
    }
    if (st == FS_FINISHED) {
        SimId e = aio_get(I, self, "_exception");
        SimId v = e && e != S->none ? e : aio_get(I, self, "_result");
        Buf r = {0};
        if (!op_repr(I, v ? v : S->none, &r)) {
            buf_fini(&r), buf_fini(&b);
            return 0;
        }
        if (r.len > 60) {
            buf_fini(&r), buf_fini(&b);
            return py_not_modelled(I, 0, "the repr of a future whose result's repr is long (reprlib shortens it)"), 0;
        }
        buf_printf(&b, " %s=%s", e && e != S->none ? "exception" : "result", buf_str(&r));
        buf_fini(&r);
    }
    buf_printf(&b, ">");
    SimId s = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return s;
}

SimId aio_f_await(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "calling a future's __await__ (the FutureIter type)"), 0;
}

/* ---- gather's done callback -------------------------------------------------------- */

static SimId child_exception(PyRun *I, SimId fut)
{
    SimId e = aio_get(I, fut, "_exception");
    fw_set(I, fut, fw(I, fut) | FW_RETRIEVED);
    return e && e != S->none ? e : 0;
}

void aio_gather_child_done(PyRun *I, SimId outer, SimId fut)
{
    count_add(I, outer);
    if (fstate(I, outer) != FS_PENDING) {
        if (fstate(I, fut) != FS_CANCELLED)
            child_exception(I, fut);
        return;
    }
    if (!(fw(I, outer) & FW_RETEXC)) {
        if (fstate(I, fut) == FS_CANCELLED) {
            aio_set_exception(I, outer, aio_cancelled_error(I, fut));
            return;
        }
        SimId e = child_exception(I, fut);
        if (e) {
            aio_set_exception(I, outer, ref(I, e));
            return;
        }
    }
    SimId nf = aio_get(I, outer, "_nfuts");
    if (!nf || count_of(I, outer) < sim_obj(S, nf)->v.i)
        return;
    SimId children = aio_get(I, outer, "_children");
    uint32_t n = sim_obj(S, children)->len;
    SimId results = sim_list(S, 0);
    for (uint32_t i = 0; i < n; i++) {
        SimId c = sim_items(S, children)[i], res;
        if (fstate(I, c) == FS_CANCELLED) {
            /* CancelledError('' if fut._cancel_message is None else ...), in all three */
            SimId msg = aio_get(I, c, "_cancel_message");
            SimId args = sim_tuple(S, 1);
            sim_tuple_set(S, args, 0, msg && msg != S->none ? ref(I, msg) : sim_str(S, "", 0));
            res = exc_new(I, aio(I)->cls[AC_CANCELLED], args);
        } else {
            SimId e = child_exception(I, c);
            SimId r = aio_get(I, c, "_result");
            res = ref(I, e ? e : r ? r : S->none);
        }
        sim_list_append(S, results, res);
    }
    if (fw(I, outer) & FW_CANCEL_REQ) {
        sim_decref(S, results);
        aio_set_exception(I, outer, aio_cancelled_error(I, sim_items(S, children)[n - 1]));
    } else {
        aio_set_result(I, outer, results);
    }
}

