/*
 * asyncio_ascomp: asyncio.as_completed().  Its futures' done callbacks put
 * each one, as it finishes, into a Queue of its own (asyncio_sync.c's);
 * each item of the iteration is a coroutine (_wait_for_one) that awaits
 * that queue's get() and gives the future's result, or raises
 * TimeoutError when the timer put None there instead.  Under 3.11 and
 * 3.12 as_completed is a generator (nothing happens before its first
 * next()); 3.13 makes an _AsCompletedIterator, its tasks at the call.
 * The tasks of the coroutines it is given are made in the order of a set
 * (by address): for two or more, asyncio_order.c runs them when that
 * order cannot show.  `async for` over it
 * (3.13) is refused with `async for` itself.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pyrun/modules/asyncio_int.h"

#define AS_STARTED 1u
#define AS_LEFT(c) ((c) >> 8)

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static uint32_t word(PyRun *I, SimId o) { return sim_obj(S, o)->cap; }
static void set_word(PyRun *I, SimId o, uint32_t v) { sim_obj(S, o)->cap = v; }

/* The set of futures, their callbacks, the queue and the timer */
static bool start(PyRun *I, SimId it)
{
    bool v313 = S->prof->version >= SIM_V313;
    SimId fs = aio_get(I, it, "_fs_arg");
    if (aio_is_future(I, fs) || aio_is_coro(I, fs)) {
        py_raise(I, EXC_TypeError, v313 ? "expects an iterable of awaitables, not %s"
                                        : "expect an iterable of futures, not %s", op_typename(I, fs));
        return false;
    }
    if (!I->asyncio || !I->asyncio->loop)
        return py_not_modelled(I, 0, "asyncio.as_completed() outside a running event loop");
    SimId set = set_construct(I, &fs, 1, 0);
    if (!set)
        return false;
    uint32_t pos = 0, ncoros = 0;
    SimId f;
    uint64_t h;
    while (sim_set_next(S, set, &pos, &f, &h)) {
        if (aio_is_future(I, f) && !aio_is_class(I, f, AC_SLEEP))
            continue;
        if (!aio_is_coro(I, f)) {
            sim_decref(S, set);
            return py_not_modelled(I, 0, "asyncio.as_completed() of a '%s'", op_typename(I, f));
        }
        ncoros++;
    }
    SimId todo = sim_list(S, 0);
    SimId *made = xmalloc((ncoros ? ncoros : 1) * sizeof *made);
    size_t nmade = 0;
    for (pos = 0; sim_set_next(S, set, &pos, &f, &h);) {
        bool fut = aio_is_future(I, f) && !aio_is_class(I, f, AC_SLEEP);
        SimId t = fut ? ref(I, f) : aio_task_new(I, f, 0);
        if (!t) {
            free(made);
            sim_decref(S, set);
            sim_decref(S, todo);
            return false;
        }
        if (!fut)
            made[nmade++] = t;
        sim_list_append(S, todo, t);
    }
    sim_decref(S, set);
    if (v313) /* _AsCompletedIterator keeps its tasks, not what it was given */
        aio_put(I, it, "_fs_arg", ref(I, S->none));
    bool marked = nmade < 2 || aio_order_begin(I, made, nmade);
    free(made);
    if (!marked) {
        sim_decref(S, todo);
        return false;
    }
    SimId q = vm_new_instance(I, aio(I)->cls[AC_QUEUE], NULL, 0, false);
    if (!q || !aio_q_init(I, &q, 1, 0)) {
        sim_xdecref(S, q);
        sim_decref(S, todo);
        return false;
    }
    sim_decref(S, S->none); /* __init__'s None */
    aio_put(I, it, "_done", q);
    aio_put(I, it, "_todo", todo);
    uint32_t n = sim_obj(S, todo)->len;
    for (uint32_t i = 0; i < n; i++)
        aio_add_callback(I, sim_items(S, todo)[i], AQ_ASC_DONE, it);
    SimId timeout = aio_get(I, it, "_timeout");
    if (n && timeout && timeout != S->none) {
        bool ok;
        int64_t d = aio_secs_arg(I, timeout, &ok);
        if (!ok)
            return false;
        aio_call_later(I, d, AQ_ASC_TIMEOUT, it, 0);
    }
    set_word(I, it, AS_STARTED | n << 8);
    return true;
}

SimId aio_m_as_completed(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId fs = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "fs");
    if (np > 1 || !fs) {
        if (np > 1)
            py_raise(I, EXC_TypeError, "as_completed() takes 1 positional argument but %d were given", np);
        else
            py_raise(I, EXC_TypeError, "as_completed() missing 1 required positional argument: 'fs'");
        return 0;
    }
    SimId timeout = bi_kwarg(I, a, n, kw, "timeout");
    SimId it = vm_new_instance(I, aio(I)->cls[AC_ASCOMP], NULL, 0, false);
    if (!it)
        return 0;
    set_word(I, it, 0);
    aio_put(I, it, "_fs_arg", ref(I, fs));
    aio_put(I, it, "_timeout", ref(I, timeout ? timeout : S->none));
    if (S->prof->version >= SIM_V313 && !start(I, it)) {
        sim_decref(S, it);
        return 0;
    }
    return it;
}

SimId aio_asc_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return ref(I, a[0]);
}

SimId aio_asc_next(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId it = a[0];
    if (!aio_is_class(I, it, AC_ASCOMP)) {
        py_raise(I, EXC_TypeError, "__next__() needs an as_completed() iterator");
        return 0;
    }
    if (!(word(I, it) & AS_STARTED) && !start(I, it))
        return 0;
    uint32_t c = word(I, it);
    if (AS_LEFT(c) == 0) {
        aio_put(I, it, "_fs_arg", ref(I, S->none)); /* 3.11, 3.12: the generator's frame (fs) is gone */
        vm_raise_value(I, exc_new(I, exc_class(I, EXC_StopIteration), 0));
        return 0;
    }
    set_word(I, it, AS_STARTED | (AS_LEFT(c) - 1) << 8);
    return aio_op_new(I, OK_ASONE, it, 0);
}

/* _wait_for_one(): f = await done.get(); None: TimeoutError; else f.result() */
int aio_asc_step(PyRun *I, SimId op, bool throwing, SimId *out)
{
    SimId get = aio_get(I, op, "_get");
    if (!get) {
        if (throwing)
            return -1;
        SimId it = aio_get(I, op, "_target");
        get = aio_op_new(I, OK_GET, aio_get(I, it, "_done"), 0);
        if (!get || !aio_put(I, op, "_get", get))
            return -1;
    }
    sim_incref(S, get);
    int h;
    if (throwing) {
        aio_op_throw(I, get);
        h = -1;
    } else {
        h = aio_op_step(I, get, out);
    }
    sim_decref(S, get);
    if (h != 0)
        return h;
    SimId f = *out;
    if (f == S->none) {
        sim_decref(S, f);
        vm_raise_value(I, exc_new(I, exc_class(I, EXC_TimeoutError), 0));
        return -1;
    }
    SimId r = aio_result(I, f);
    sim_decref(S, f);
    if (!r)
        return -1;
    *out = r;
    return 0;
}

static void put(PyRun *I, SimId it, SimId v)
{
    SimId args[2] = {aio_get(I, it, "_done"), v};
    SimId r = aio_q_put_nowait(I, args, 2, 0);
    sim_xdecref(S, r);
}

/* _on_completion(f) */
void aio_asc_done(PyRun *I, SimId it, SimId f)
{
    SimId todo = aio_get(I, it, "_todo");
    if (!todo || sim_obj(S, todo)->len == 0)
        return;
    SimObj *o = sim_obj(S, todo);
    for (uint32_t i = 0; i < o->len; i++)
        if (sim_items(S, todo)[i] == f) {
            memmove(sim_items(S, todo) + i, sim_items(S, todo) + i + 1, (o->len - i - 1) * sizeof(SimId));
            o->len--;
            put(I, it, f); /* may move the records: o is read again below */
            sim_decref(S, f);
            break;
        }
    if (sim_obj(S, todo)->len == 0)
        aio_cancel_timer_of(I, it);
}

/* _on_timeout() */
void aio_asc_timeout(PyRun *I, SimId it)
{
    SimId todo = aio_get(I, it, "_todo");
    if (!todo)
        return;
    while (sim_obj(S, todo)->len > 0) { /* the record read afresh: put() may move the records */
        SimId f = sim_items(S, todo)[--sim_obj(S, todo)->len];
        aio_remove_callback(I, f, AQ_ASC_DONE, it);
        put(I, it, S->none);
        sim_decref(S, f);
    }
}
