/*
 * asyncio_group: asyncio.wait() (tasks.py's _wait: a waiter future, a done
 * callback on each future that counts them down, an optional timer that
 * releases the waiter), shield() (an outer future that follows the inner
 * one, whose own cancellation does not reach it), TaskGroup
 * (taskgroups.py: __aexit__ awaits an on-completed future until the tasks
 * the group made are done) and all_tasks().  wait()'s coroutine and
 * __aexit__'s are operation objects (asyncio_sync.c's) stepped here.
 *
 * The sets wait() and all_tasks() return hold tasks, hashed by address:
 * iterating one of two or more is refused by the set itself.  A TaskGroup
 * whose task fails or whose body raises aborts as taskgroups.py does: the
 * tasks still pending are cancelled, the parent task too (and uncancelled
 * at __aexit__'s start under 3.11 and 3.12, at its end under 3.13), and __aexit__
 * raises BaseExceptionGroup('unhandled errors in a TaskGroup', errors)
 * from None.  Refused: cancelling two or more tasks at once (_abort goes
 * through a set, in the order of addresses), a group cancelled from
 * outside, KeyboardInterrupt or SystemExit out of a task or the body.
 */
#include <stdio.h>

#include "pyrun/modules/asyncio_int.h"

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static uint32_t word(PyRun *I, SimId o) { return sim_obj(S, o)->cap; }
static void set_word(PyRun *I, SimId o, uint32_t v) { sim_obj(S, o)->cap = v; }

static bool no_loop(PyRun *I)
{
    if (I->asyncio && I->asyncio->loop)
        return false;
    py_raise(I, EXC_RuntimeError, "no running event loop");
    return true;
}

/* fut.remove_done_callback(cb): every entry of kind op on obj leaves */
void aio_remove_callback(PyRun *I, SimId fut, int op, SimId obj)
{
    SimId cbs = aio_get(I, fut, "_callbacks");
    if (!cbs || sim_kind(S, cbs) != SK_LIST)
        return;
    SimObj *o = sim_obj(S, cbs);
    for (uint32_t i = 0; i < o->len;) {
        SimId tp = sim_items(S, cbs)[i];
        if (sim_items(S, tp)[1] == obj && sim_obj(S, sim_items(S, tp)[0])->v.i == op) {
            memmove(sim_items(S, cbs) + i, sim_items(S, cbs) + i + 1, (o->len - i - 1) * sizeof(SimId));
            o->len--;
            sim_decref(S, tp);
            continue;
        }
        i++;
    }
}

/* ---- wait() ------------------------------------------------------------------------------- */

enum { RW_ALL, RW_FIRST, RW_EXC };
#define WAIT_RW(c) (((c) >> 8) & 3u)
#define WAIT_COUNT(c) ((c) >> 10)

SimId aio_m_wait(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId fs = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "fs");
    if (np > 1 || !fs) {
        if (np > 1)
            py_raise(I, EXC_TypeError, "wait() takes 1 positional argument but %d were given", np);
        else
            py_raise(I, EXC_TypeError, "wait() missing 1 required positional argument: 'fs'");
        return 0;
    }
    SimId timeout = bi_kwarg(I, a, n, kw, "timeout"), rw = bi_kwarg(I, a, n, kw, "return_when");
    SimId op = aio_op_new(I, OK_WAIT, 0, 0);
    if (!op)
        return 0;
    aio_put(I, op, "_fs_arg", ref(I, fs));
    aio_put(I, op, "_timeout", ref(I, timeout ? timeout : S->none));
    aio_put(I, op, "_return_when", rw ? ref(I, rw) : aio_name(I, "ALL_COMPLETED"));
    return op;
}

static int return_when(PyRun *I, SimId rw)
{
    static const char *const names[] = {"ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"};
    if (sim_kind(S, rw) == SK_STR) {
        size_t len;
        const char *txt = sim_str_data(S, rw, &len);
        for (int i = 0; i < 3; i++)
            if (len == strlen(names[i]) && memcmp(txt, names[i], len) == 0)
                return i;
    }
    Buf b = {0};
    if (op_str(I, rw, &b))
        py_raise(I, EXC_ValueError, "Invalid return_when value: %s", buf_str(&b));
    buf_fini(&b);
    return -1;
}

/* wait()'s checks, then _wait's start: the waiter yielded */
static int wait_start(PyRun *I, SimId op, SimId *out)
{
    SimId fs = aio_get(I, op, "_fs_arg");
    if (aio_is_future(I, fs) || aio_is_coro(I, fs)) {
        py_raise(I, EXC_TypeError, "expect a list of futures, not %s", op_typename(I, fs));
        return -1;
    }
    int t = op_truth(I, fs);
    if (t <= 0) {
        if (t == 0)
            py_raise(I, EXC_ValueError, "Set of Tasks/Futures is empty.");
        return -1;
    }
    int rw = return_when(I, aio_get(I, op, "_return_when"));
    if (rw < 0)
        return -1;
    SimId set = set_construct(I, &fs, 1, 0);
    if (!set)
        return -1;
    aio_put(I, op, "_fs", set);
    uint32_t pos = 0;
    SimId f;
    uint64_t h;
    while (sim_set_next(S, set, &pos, &f, &h))
        if (aio_is_coro(I, f)) {
            py_raise(I, EXC_TypeError, "Passing coroutines is forbidden, use tasks explicitly.");
            return -1;
        }
    for (pos = 0; sim_set_next(S, set, &pos, &f, &h);)
        if (!aio_is_future(I, f))
            return py_not_modelled(I, 0, "asyncio.wait() of a '%s' (not a future)", op_typename(I, f)), -1;
    SimId waiter = aio_future_new(I, AC_FUTURE);
    if (!waiter)
        return -1;
    aio_put(I, op, "_waiter", ref(I, waiter));
    SimId timeout = aio_get(I, op, "_timeout");
    if (timeout != S->none) {
        bool ok;
        int64_t d = aio_secs_arg(I, timeout, &ok);
        if (!ok) {
            sim_decref(S, waiter);
            return -1;
        }
        aio_call_later(I, d, AQ_RELEASE, waiter, 0);
    }
    set_word(I, op, (word(I, op) & 0xffu) | (uint32_t)rw << 8 | sim_obj(S, set)->len << 10);
    for (pos = 0; sim_set_next(S, set, &pos, &f, &h);)
        aio_add_callback(I, f, AQ_WAIT_DONE, op);
    fw_set(I, waiter, fw(I, waiter) | FW_BLOCKING);
    *out = waiter;
    return 1;
}

/* _on_completion(f) */
static void wait_done(PyRun *I, SimId op, SimId f)
{
    uint32_t c = word(I, op);
    uint32_t left = WAIT_COUNT(c) ? WAIT_COUNT(c) - 1 : 0;
    set_word(I, op, (c & 0x3ffu) | left << 10);
    bool failed = false;
    if (WAIT_RW(c) == RW_EXC && fstate(I, f) == FS_FINISHED) { /* f.exception() */
        fw_set(I, f, fw(I, f) | FW_RETRIEVED);
        SimId e = aio_get(I, f, "_exception");
        failed = e && e != S->none;
    }
    if (left == 0 || WAIT_RW(c) == RW_FIRST || failed) {
        SimId w = aio_get(I, op, "_waiter");
        aio_cancel_timer_of(I, w);
        aio_release_waiter(I, w);
    }
}

static int wait_step(PyRun *I, SimId op, bool throwing, SimId *out)
{
    SimId w = aio_get(I, op, "_waiter");
    if (!w || w == S->none)
        return throwing ? -1 : wait_start(I, op, out);
    SimId set = aio_get(I, op, "_fs");
    sim_incref(S, set);
    aio_cancel_timer_of(I, w); /* the finally clause */
    uint32_t pos = 0;
    SimId f;
    uint64_t h;
    while (sim_set_next(S, set, &pos, &f, &h)) /* an _on_completion already scheduled still runs */
        aio_remove_callback(I, f, AQ_WAIT_DONE, op);
    if (throwing) {
        sim_decref(S, set);
        return -1;
    }
    SimId done = sim_set(S), pending = sim_set(S);
    for (pos = 0; sim_set_next(S, set, &pos, &f, &h);)
        sim_set_add_hash(S, fstate(I, f) != FS_PENDING ? done : pending, ref(I, f), h);
    sim_decref(S, set);
    SimId r = sim_tuple(S, 2);
    sim_tuple_set(S, r, 0, done);
    sim_tuple_set(S, r, 1, pending);
    *out = r;
    return 0;
}

/* ---- shield() ------------------------------------------------------------------------------- */

SimId aio_m_shield(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId inner;
    if (aio_is_future(I, a[0]) && !aio_is_class(I, a[0], AC_SLEEP)) {
        inner = ref(I, a[0]);
    } else if (aio_is_coro(I, a[0])) {
        if (no_loop(I))
            return 0;
        inner = aio_task_new(I, a[0], 0);
        if (!inner)
            return 0;
    } else {
        py_raise(I, EXC_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
        return 0;
    }
    if (fstate(I, inner) != FS_PENDING)
        return inner;
    SimId outer = aio_future_new(I, AC_FUTURE);
    if (outer) {
        aio_add_callback(I, inner, AQ_SHIELD_INNER, outer);
        aio_add_callback(I, outer, AQ_SHIELD_OUTER, inner);
    }
    sim_decref(S, inner);
    return outer;
}

/* _inner_done_callback(inner) */
static void shield_inner_done(PyRun *I, SimId outer, SimId inner)
{
    int st = fstate(I, inner);
    if (st == FS_FINISHED)
        fw_set(I, inner, fw(I, inner) | FW_RETRIEVED); /* inner.exception() */
    if (fstate(I, outer) == FS_CANCELLED)
        return;
    if (st == FS_CANCELLED) {
        aio_cancel(I, outer, 0);
        return;
    }
    SimId e = aio_get(I, inner, "_exception");
    if (e && e != S->none) {
        aio_set_exception(I, outer, ref(I, e));
    } else {
        SimId r = aio_get(I, inner, "_result");
        aio_set_result(I, outer, ref(I, r ? r : S->none));
    }
}

/* ---- TaskGroup ---------------------------------------------------------------------------- */

#define TG_ENTERED 1u
#define TG_EXITING 2u
#define TG_ABORTING 4u
#define TG_PARENT_CANCEL 8u /* _parent_cancel_requested */
#define TG_PROPAGATE 16u    /* propagate_cancellation_error: the CancelledError in _exit_exc */

static bool is_group(PyRun *I, SimId v, const char *what)
{
    if (aio_is_class(I, v, AC_TGROUP))
        return true;
    py_raise(I, EXC_TypeError, "%s() needs a TaskGroup", what);
    return false;
}

static SimId group_tasks(PyRun *I, SimId tg)
{
    SimId l = aio_get(I, tg, "_tasks");
    if (!l) {
        aio_put(I, tg, "_tasks", sim_list(S, 0));
        l = aio_get(I, tg, "_tasks");
    }
    return l;
}

static void group_repr(PyRun *I, SimId tg, Buf *b)
{
    buf_adds(b, "<TaskGroup");
    uint32_t nt = sim_obj(S, group_tasks(I, tg))->len;
    if (nt)
        buf_printf(b, " tasks=%u", nt);
    if (word(I, tg) & TG_ENTERED)
        buf_adds(b, " entered");
    buf_adds(b, ">");
}

static SimId group_error(PyRun *I, SimId tg, const char *fmt)
{
    Buf b = {0};
    group_repr(I, tg, &b);
    py_raise(I, EXC_RuntimeError, fmt, buf_str(&b));
    buf_fini(&b);
    return 0;
}

SimId aio_tg_init(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_group(I, a[0], "__init__"))
        return 0;
    set_word(I, a[0], 0);
    group_tasks(I, a[0]);
    aio_put(I, a[0], "_errors", sim_list(S, 0));
    return bi_none(I);
}

SimId aio_tg_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_group(I, a[0], "__repr__"))
        return 0;
    Buf b = {0};
    group_repr(I, a[0], &b);
    SimId s = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return s;
}

SimId aio_tg_aenter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_group(I, a[0], "__aenter__"))
        return 0;
    SimId tg = a[0];
    if (word(I, tg) & TG_ENTERED)
        return group_error(I, tg, "TaskGroup %s has already been entered");
    SimId parent = I->asyncio && I->asyncio->loop ? I->asyncio->current : 0;
    if (no_loop(I))
        return 0;
    if (!parent)
        return group_error(I, tg, "TaskGroup %s cannot determine the parent task");
    set_word(I, tg, word(I, tg) | TG_ENTERED | (uint32_t)py_current_line(I) << 8); /* for a refusal */
    aio_put(I, tg, "_parent_task", ref(I, parent));
    return aio_op_new(I, OK_DONE, tg, tg);
}

static int group_line(PyRun *I, SimId tg) { return (int)(word(I, tg) >> 8); }

static bool is_base_error(PyRun *I, SimId e)
{
    SimId t = sim_obj(S, e)->type;
    return sim_is_subtype(S, t, exc_class(I, EXC_KeyboardInterrupt)) || sim_is_subtype(S, t, exc_class(I, EXC_SystemExit));
}

static int cancels(PyRun *I, SimId task) { return FW_COUNT(fw(I, task)); }

static int uncancel(PyRun *I, SimId task)
{
    if (cancels(I, task) > 0)
        fw_set(I, task, fw(I, task) - (1u << FW_COUNT_SHIFT));
    return cancels(I, task);
}

/* _abort(): every task of the group not done yet is cancelled */
static bool group_abort(PyRun *I, SimId tg)
{
    set_word(I, tg, word(I, tg) | TG_ABORTING);
    SimId tasks = group_tasks(I, tg);
    sim_incref(S, tasks);
    bool ok = aio_cancel_set(I, sim_items(S, tasks), sim_obj(S, tasks)->len, group_line(I, tg), "a TaskGroup");
    sim_decref(S, tasks);
    return ok;
}

static SimId errors_of(PyRun *I, SimId tg)
{
    SimId l = aio_get(I, tg, "_errors");
    return l && sim_kind(S, l) == SK_LIST ? l : 0;
}

SimId aio_tg_aexit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!is_group(I, a[0], "__aexit__") || n < 4)
        return 0;
    SimId tg = a[0], exc = a[2], parent = aio_get(I, tg, "_parent_task");
    set_word(I, tg, word(I, tg) | TG_EXITING);
    bool cancelled = exc != S->none && sim_is_subtype(S, sim_obj(S, exc)->type, aio(I)->cls[AC_CANCELLED]);
    if (exc != S->none && is_base_error(I, exc))
        return py_not_modelled(I, 0, "KeyboardInterrupt or SystemExit leaving a TaskGroup's body"), 0;
    if (exc != S->none)
        aio_put(I, tg, "_exit_exc", ref(I, exc));
    if (cancelled) { /* propagate_cancellation_error = exc */
        set_word(I, tg, word(I, tg) | TG_PROPAGATE);
        aio_put(I, tg, "_propagate", ref(I, exc));
    }
    if (S->prof->version <= SIM_V312 && (word(I, tg) & TG_PARENT_CANCEL) && parent && uncancel(I, parent) == 0)
        set_word(I, tg, word(I, tg) & ~TG_PROPAGATE); /* 3.11 and 3.12 uncancel at the start */
    if (exc != S->none && !(word(I, tg) & TG_ABORTING) && !group_abort(I, tg))
        return 0;
    return aio_op_new(I, OK_TGEXIT, tg, 0);
}

/* what __aexit__ does once its tasks are done: 0 (None), or -1 with the
 * exception group (or a refusal) raised */
static int group_finish(PyRun *I, SimId tg, SimId *out)
{
    SimId parent = aio_get(I, tg, "_parent_task"), exit_exc = aio_get(I, tg, "_exit_exc");
    uint32_t w = word(I, tg);
    bool propagate = (w & TG_PROPAGATE) != 0;
    if (S->prof->version >= SIM_V313 && (w & TG_PARENT_CANCEL) && parent && uncancel(I, parent) == 0)
        propagate = false;
    SimId errors = errors_of(I, tg);
    bool cancelled = exit_exc && sim_is_subtype(S, sim_obj(S, exit_exc)->type, aio(I)->cls[AC_CANCELLED]);
    if (exit_exc && !cancelled && errors)
        sim_list_append(S, errors, ref(I, exit_exc));
    uint32_t nerr = errors ? sim_obj(S, errors)->len : 0;
    SimId prop = aio_get(I, tg, "_propagate");
    if (propagate && nerr == 0 && prop && prop != S->none) { /* raise propagate_cancellation_error */
        vm_raise_value(I, ref(I, prop)); /* its traceback gets __aexit__'s frame (aio_lib_raised) */
        aio_put(I, tg, "_propagate", bi_none(I));
        return -1;
    }
    if (nerr == 0) {
        *out = bi_none(I);
        return 0;
    }
    if (S->prof->version >= SIM_V313 && parent && cancels(I, parent) > 0)
        return py_not_modelled(I, group_line(I, tg), "a failed TaskGroup whose parent task is being cancelled"), -1;
    SimId args[2] = {sim_str(S, "unhandled errors in a TaskGroup", 31), ref(I, errors)};
    SimId me = exc_group_call(I, exc_class(I, EXC_BaseExceptionGroup), args, 2, 0);
    sim_decref(S, args[0]);
    sim_decref(S, args[1]);
    aio_put(I, tg, "_errors", bi_none(I)); /* the finally clause: self._errors = None */
    if (!me)
        return -1;
    vm_raise_value(I, me); /* raise me from None: no cause, the context suppressed */
    sim_exc_set(S, me, SIM_EXC_CAUSE, 0);
    sim_exc_set(S, me, SIM_EXC_SUPPRESS, 1);
    sim_exc_set(S, me, SIM_EXC_CONTEXT, exit_exc ? ref(I, exit_exc) : 0); /* what __aexit__ was handling */
    aio(I)->tb_kind = TB_KIND_TG_AEXIT; /* its traceback gets __aexit__'s frame (aio_lib_raised) */
    return -1;
}

/* __aexit__'s loop: while self._tasks, await a new on-completed future */
static int group_exit_step(PyRun *I, SimId op, bool throwing, SimId *out)
{
    SimId tg = aio_get(I, op, "_target");
    if (throwing) { /* except CancelledError as ex: */
        if (!exc_matches(I, aio(I)->cls[AC_CANCELLED]))
            return py_not_modelled(I, group_line(I, tg), "an exception other than CancelledError thrown into a "
                                                         "TaskGroup's __aexit__"),
                   -1;
        SimId ex = exc_instance(I);
        py_err_clear(I);
        if (word(I, tg) & TG_ABORTING) { /* the group's own abort: swallowed */
            sim_decref(S, ex);
        } else { /* its parent cancelled from outside: propagate_cancellation_error = ex; self._abort() */
            set_word(I, tg, word(I, tg) | TG_PROPAGATE);
            aio_put(I, tg, "_propagate", ex);
            if (!group_abort(I, tg))
                return -1;
        }
    }
    aio_put(I, tg, "_on_completed", bi_none(I));
    if (sim_obj(S, group_tasks(I, tg))->len == 0)
        return group_finish(I, tg, out);
    SimId fut = aio_future_new(I, AC_FUTURE);
    if (!fut)
        return -1;
    aio_put(I, tg, "_on_completed", ref(I, fut));
    fw_set(I, fut, fw(I, fut) | FW_BLOCKING);
    *out = fut;
    return 1;
}

SimId aio_tg_create_task(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!is_group(I, a[0], "create_task"))
        return 0;
    SimId tg = a[0], coro = a[1], name = bi_kwarg(I, a, n, kw, "name");
    uint32_t w = word(I, tg);
    SimId tasks = group_tasks(I, tg);
    const char *err = !(w & TG_ENTERED) ? "TaskGroup %s has not been entered"
                      : (w & TG_EXITING) && sim_obj(S, tasks)->len == 0 ? "TaskGroup %s is finished"
                                                                        : 0;
    if (err && aio_is_coro(I, coro)) { /* 3.13 closes it; 3.11's frame in the traceback keeps it */
        if (sim_kind(S, coro) != SK_GEN || S->prof->version < SIM_V313)
            return py_not_modelled(I, 0, "a coroutine refused by TaskGroup.create_task() (CPython's traceback "
                                         "keeps it alive until the exception is gone)"),
                   0;
        if (!vm_gen_close(I, coro))
            return 0;
    }
    if (err)
        return group_error(I, tg, err);
    if (no_loop(I))
        return 0;
    if (!aio_is_coro(I, coro)) {
        Buf b = {0};
        if (op_repr(I, coro, &b))
            py_raise(I, EXC_TypeError, "a coroutine was expected, got %s", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    SimId task = aio_task_new_later(I, coro, name); /* loop.create_task(coro), then its name */
    if (!task)
        return 0;
    sim_list_append(S, tasks, ref(I, task));
    aio_add_callback(I, task, AQ_TG_DONE, tg);
    return task;
}

/* _on_task_done(task) */
static bool group_task_done(PyRun *I, SimId tg, SimId task)
{
    SimId tasks = group_tasks(I, tg);
    SimObj *o = sim_obj(S, tasks);
    for (uint32_t i = 0; i < o->len; i++)
        if (sim_items(S, tasks)[i] == task) {
            memmove(sim_items(S, tasks) + i, sim_items(S, tasks) + i + 1, (o->len - i - 1) * sizeof(SimId));
            o->len--;
            sim_decref(S, task);
            break;
        }
    SimId fut = aio_get(I, tg, "_on_completed");
    if (fut && fut != S->none && o->len == 0 && fstate(I, fut) == FS_PENDING)
        aio_set_result(I, fut, ref(I, S->true_));
    if (fstate(I, task) == FS_CANCELLED)
        return true;
    fw_set(I, task, fw(I, task) | FW_RETRIEVED);
    SimId e = aio_get(I, task, "_exception");
    if (!e || e == S->none)
        return true;
    if (is_base_error(I, e))
        return py_not_modelled(I, group_line(I, tg), "a TaskGroup task raising KeyboardInterrupt or SystemExit");
    SimId errors = errors_of(I, tg), parent = aio_get(I, tg, "_parent_task");
    if (!errors || !parent || fstate(I, parent) != FS_PENDING)
        return py_not_modelled(I, group_line(I, tg), "a TaskGroup task failing after the group or its parent task ended");
    sim_list_append(S, errors, ref(I, e));
    uint32_t w = word(I, tg);
    if (!(w & TG_ABORTING) && !(w & TG_PARENT_CANCEL)) {
        if (!group_abort(I, tg))
            return false;
        set_word(I, tg, word(I, tg) | TG_PARENT_CANCEL);
        aio_cancel(I, parent, 0);
    }
    return true;
}

/* ---- all_tasks() --------------------------------------------------------------------------- */

SimId aio_m_all_tasks(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (no_loop(I))
        return 0;
    SimId set = sim_set(S);
    for (size_t i = 0; i < I->asyncio->ntasks; i++)
        sim_set_add(S, set, ref(I, I->asyncio->tasks[i]));
    return set;
}

/* ---- what the loop and the operations call ------------------------------------------------- */

int aio_long_step(PyRun *I, SimId op, bool throwing, SimId *out)
{
    switch (word(I, op) & 15u) {
    case OK_WAIT:
        return wait_step(I, op, throwing, out);
    case OK_TGEXIT:
        return group_exit_step(I, op, throwing, out);
    case OK_ASONE:
        return aio_asc_step(I, op, throwing, out);
    case OK_COND: case OK_CONDFOR:
        return aio_cond_step(I, op, throwing, out);
    case OK_TOTHREAD:
        return aio_exec_step(I, op, throwing, out);
    default:
        return aio_wait_step(I, op, throwing, out);
    }
}

const char *aio_op_name(PyRun *I, int kind)
{
    switch (kind) {
    case OK_WAIT:
        return "wait";
    case OK_TGEXIT:
        return "TaskGroup.__aexit__";
    case OK_COND:
        return "Condition.wait";
    case OK_CONDFOR:
        return "Condition.wait_for";
    case OK_TOTHREAD:
        return "to_thread";
    case OK_ASONE: /* the coroutine's __qualname__ */
        return S->prof->version >= SIM_V313 ? "_AsCompletedIterator._wait_for_one" : "as_completed.<locals>._wait_for_one";
    default:
        return "wait_for";
    }
}

bool aio_group_callback(PyRun *I, int op, SimId a, SimId b)
{
    switch (op) {
    case AQ_WAIT_DONE:
        wait_done(I, a, b);
        return true;
    case AQ_SHIELD_INNER:
        shield_inner_done(I, a, b);
        return true;
    case AQ_SHIELD_OUTER: /* _outer_done_callback(outer): a is inner, b outer */
        if (fstate(I, a) == FS_PENDING)
            aio_remove_callback(I, a, AQ_SHIELD_INNER, b);
        return true;
    case AQ_TG_DONE:
        return group_task_done(I, a, b);
    case AQ_ASC_DONE:
        aio_asc_done(I, a, b);
        return true;
    case AQ_ASC_TIMEOUT:
        aio_asc_timeout(I, a);
        return true;
    case AQ_EXEC_DONE: case AQ_EXEC_CANCEL:
        return aio_exec_callback(I, op, a, b);
    default:
        return true;
    }
}
