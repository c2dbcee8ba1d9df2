/*
 * asyncio_sync: asyncio's Queue, Event, Lock, Semaphore and
 * BoundedSemaphore.  In CPython they are Python classes (asyncio/queues.py,
 * locks.py) whose coroutines wait on futures kept in deques of waiters;
 * here each awaited method returns an operation object (shown as a
 * coroutine) that asyncio_loop.c steps as CPython's coroutine would run:
 * the fast path at once, else a waiter future appended to the object's
 * waiters and yielded to the task; when the task resumes, the waiter
 * leaves the list and the operation ends as the coroutine does; an
 * exception thrown in (a cancellation) runs the coroutine's except and
 * finally clauses.  The object's own count (locked, set, a semaphore's
 * value, a queue's unfinished tasks) is in its spare word; the waiters,
 * the queue's items are lists in its __dict__.
 */
#include <stdio.h>

#include "pyrun/modules/asyncio_int.h"

#define OP_KIND 15u
#define OP_WAITING 16u  /* a waiter was yielded */
#define OP_AENTER 32u   /* __aenter__: the result is None */
#define OP_STARTED 64u  /* it was stepped (awaited) once */

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static uint32_t count(PyRun *I, SimId o) { return sim_obj(S, o)->cap; }
static void set_count(PyRun *I, SimId o, uint32_t v) { sim_obj(S, o)->cap = v; }

static SimId list_of(PyRun *I, SimId o, const char *name)
{
    SimId l = aio_get(I, o, name);
    if (!l) {
        aio_put(I, o, name, sim_list(S, 0));
        l = aio_get(I, o, name);
    }
    return l;
}

static void list_remove(PyRun *I, SimId l, SimId v)
{
    SimObj *o = sim_obj(S, l);
    SimId *it = sim_items(S, l);
    for (uint32_t i = 0; i < o->len; i++)
        if (it[i] == v) {
            memmove(it + i, it + i + 1, (o->len - i - 1) * sizeof *it);
            o->len--;
            sim_decref(S, v);
            return;
        }
}

/* the first item of l (new reference), taken out; 0 when empty */
static SimId list_popleft(PyRun *I, SimId l)
{
    SimObj *o = sim_obj(S, l);
    if (o->len == 0)
        return 0;
    SimId *it = sim_items(S, l);
    SimId v = it[0];
    memmove(it, it + 1, (o->len - 1) * sizeof *it);
    o->len--;
    return v;
}

SimId aio_op_new(PyRun *I, int kind, SimId target, SimId item)
{
    SimId op = vm_new_instance(I, aio(I)->cls[AC_OP], NULL, 0, false);
    if (!op)
        return 0;
    set_count(I, op, (uint32_t)kind);
    if (target)
        aio_put(I, op, "_target", ref(I, target));
    if (item)
        aio_put(I, op, "_item", ref(I, item));
    return op;
}

static int done_with(PyRun *I, SimId v, SimId *out)
{
    (void)I;
    *out = v;
    return 0;
}

/* a new waiter future appended to target's list `name`, yielded */
static int wait_on(PyRun *I, SimId op, SimId target, const char *name, SimId *out)
{
    SimId fut = aio_future_new(I, AC_FUTURE);
    if (!fut)
        return -1;
    sim_list_append(S, list_of(I, target, name), ref(I, fut));
    aio_put(I, op, "_waiter", ref(I, fut));
    set_count(I, op, count(I, op) | OP_WAITING);
    fw_set(I, fut, fw(I, fut) | FW_BLOCKING);
    *out = fut;
    return 1;
}

static bool all_cancelled(PyRun *I, SimId l)
{
    for (uint32_t i = 0; l && i < sim_obj(S, l)->len; i++)
        if (fstate(I, sim_items(S, l)[i]) != FS_CANCELLED)
            return false;
    return true;
}

/* Lock._wake_up_first */
static void wake_first(PyRun *I, SimId lock)
{
    SimId l = aio_get(I, lock, "_waiters");
    if (l && sim_obj(S, l)->len > 0 && fstate(I, sim_items(S, l)[0]) == FS_PENDING)
        aio_set_result(I, sim_items(S, l)[0], ref(I, S->true_));
}

static bool sem_locked(PyRun *I, SimId sem)
{
    return count(I, sem) == 0 || !all_cancelled(I, aio_get(I, sem, "_waiters"));
}

/* Semaphore._wake_up_next */
static bool sem_wake_next(PyRun *I, SimId sem)
{
    SimId l = aio_get(I, sem, "_waiters");
    for (uint32_t i = 0; l && i < sim_obj(S, l)->len; i++) {
        SimId f = sim_items(S, l)[i];
        if (fstate(I, f) == FS_PENDING) {
            set_count(I, sem, count(I, sem) - 1);
            aio_set_result(I, f, ref(I, S->true_));
            return true;
        }
    }
    return false;
}

/* after a semaphore's wait: 3.11, 3.12 wake one more while the value
 * allows; 3.13's finally wakes as many as it allows */
static void sem_wake_more(PyRun *I, SimId sem)
{
    if (S->prof->version >= SIM_V313) {
        while (count(I, sem) > 0 && sem_wake_next(I, sem))
            ;
    } else if (count(I, sem) > 0) {
        sem_wake_next(I, sem);
    }
}

/* Queue._wakeup_next */
static void wakeup_next(PyRun *I, SimId q, const char *name)
{
    SimId l = aio_get(I, q, name);
    SimId w;
    while (l && (w = list_popleft(I, l)) != 0) {
        bool pending = fstate(I, w) == FS_PENDING;
        if (pending)
            aio_set_result(I, w, bi_none(I));
        sim_decref(S, w);
        if (pending)
            break;
    }
}

static int64_t maxsize(PyRun *I, SimId q)
{
    SimId m = aio_get(I, q, "_maxsize");
    return m && sim_kind(S, m) == SK_INT ? sim_obj(S, m)->v.i : 0;
}

static uint32_t qlen(PyRun *I, SimId q) { return sim_obj(S, list_of(I, q, "_queue"))->len; }
static bool qfull(PyRun *I, SimId q) { return maxsize(I, q) > 0 && qlen(I, q) >= (uint64_t)maxsize(I, q); }

static void event_set_waiters(PyRun *I, SimId owner, const char *name)
{
    SimId l = aio_get(I, owner, name);
    for (uint32_t i = 0; l && i < sim_obj(S, l)->len; i++)
        if (fstate(I, sim_items(S, l)[i]) == FS_PENDING)
            aio_set_result(I, sim_items(S, l)[i], ref(I, S->true_));
}

static void put_item(PyRun *I, SimId q, SimId item)
{
    sim_list_append(S, list_of(I, q, "_queue"), ref(I, item));
    set_count(I, q, count(I, q) + 1); /* _unfinished_tasks; _finished.clear() */
    wakeup_next(I, q, "_getters");
}

static SimId get_item(PyRun *I, SimId q)
{
    SimId v = list_popleft(I, list_of(I, q, "_queue"));
    wakeup_next(I, q, "_putters");
    return v;
}

/* ---- stepping an operation ------------------------------------------------------------ */

/* the waiter the operation yielded leaves its list (the coroutine's finally) */
static SimId unwait(PyRun *I, SimId op, SimId target, const char *name)
{
    SimId w = aio_get(I, op, "_waiter");
    if (!w || w == S->none)
        return 0;
    sim_incref(S, w);
    SimId l = aio_get(I, target, name);
    if (l)
        list_remove(I, l, w);
    aio_put(I, op, "_waiter", bi_none(I));
    set_count(I, op, count(I, op) & ~OP_WAITING);
    return w; /* owned */
}

int aio_op_step(PyRun *I, SimId op, SimId *out)
{
    set_count(I, op, count(I, op) | OP_STARTED);
    uint32_t c = count(I, op);
    if ((c & OP_KIND) >= OK_WAITFOR)
        return aio_long_step(I, op, false, out);
    SimId t = aio_get(I, op, "_target");
    SimId ret = (c & OP_AENTER) ? S->none : S->true_;
    switch (c & OP_KIND) {
    case OK_LOCK:
        if (c & OP_WAITING) {
            sim_xdecref(S, unwait(I, op, t, "_waiters"));
        } else if (count(I, t) || !all_cancelled(I, aio_get(I, t, "_waiters"))) {
            return wait_on(I, op, t, "_waiters", out);
        }
        set_count(I, t, 1);
        return done_with(I, ref(I, ret), out);
    case OK_SEM:
        if (c & OP_WAITING) {
            sim_xdecref(S, unwait(I, op, t, "_waiters"));
            sem_wake_more(I, t);
        } else if (sem_locked(I, t)) {
            return wait_on(I, op, t, "_waiters", out);
        } else {
            set_count(I, t, count(I, t) - 1);
        }
        return done_with(I, ref(I, ret), out);
    case OK_EVENT:
        if (c & OP_WAITING)
            sim_xdecref(S, unwait(I, op, t, "_waiters"));
        else if (!count(I, t))
            return wait_on(I, op, t, "_waiters", out);
        return done_with(I, ref(I, S->true_), out);
    case OK_JOIN:
        if (c & OP_WAITING)
            sim_xdecref(S, unwait(I, op, t, "_joiners"));
        else if (count(I, t) > 0)
            return wait_on(I, op, t, "_joiners", out);
        return done_with(I, bi_none(I), out);
    case OK_GET:
        set_count(I, op, c & ~OP_WAITING);
        aio_put(I, op, "_waiter", bi_none(I));
        if (qlen(I, t) == 0)
            return wait_on(I, op, t, "_getters", out);
        return done_with(I, get_item(I, t), out);
    case OK_PUT:
        set_count(I, op, c & ~OP_WAITING);
        aio_put(I, op, "_waiter", bi_none(I));
        if (qfull(I, t))
            return wait_on(I, op, t, "_putters", out);
        put_item(I, t, aio_get(I, op, "_item"));
        return done_with(I, bi_none(I), out);
    default: {
        SimId v = aio_get(I, op, "_item");
        return done_with(I, ref(I, v ? v : S->none), out);
    }
    }
}

/* An exception (pending) is thrown into the operation: its except and
 * finally clauses run; the exception goes on. */
void aio_op_throw(PyRun *I, SimId op)
{
    set_count(I, op, count(I, op) | OP_STARTED);
    uint32_t c = count(I, op);
    if ((c & OP_KIND) >= OK_WAITFOR)
        return; /* aio_long_step steps it */
    SimId t = aio_get(I, op, "_target");
    if (!(c & OP_WAITING))
        return;
    bool cancel = I->ts->err.set && exc_matches(I, aio(I)->cls[AC_CANCELLED]);
    SavedErr sv;
    py_err_save(I, &sv);
    SimId w = 0;
    switch (c & OP_KIND) {
    case OK_LOCK:
        w = unwait(I, op, t, "_waiters");
        if (cancel && !count(I, t))
            wake_first(I, t);
        break;
    case OK_SEM:
        w = unwait(I, op, t, "_waiters");
        if (S->prof->version >= SIM_V313) {
            if (cancel && fstate(I, w) == FS_FINISHED)
                set_count(I, t, count(I, t) + 1);
            sem_wake_more(I, t);
        } else if (cancel && fstate(I, w) != FS_CANCELLED) {
            set_count(I, t, count(I, t) + 1);
            sem_wake_next(I, t);
        }
        break;
    case OK_EVENT:
        w = unwait(I, op, t, "_waiters");
        break;
    case OK_JOIN:
        w = unwait(I, op, t, "_joiners");
        break;
    case OK_GET: case OK_PUT: {
        bool get = (c & OP_KIND) == OK_GET;
        w = unwait(I, op, t, get ? "_getters" : "_putters");
        if (w) {
            aio_cancel(I, w, 0);
            if ((get ? qlen(I, t) > 0 : !qfull(I, t)) && fstate(I, w) != FS_CANCELLED)
                wakeup_next(I, t, get ? "_getters" : "_putters");
        }
        break;
    }
    default:
        break;
    }
    sim_xdecref(S, w);
    py_err_restore(I, &sv);
}

/* ---- the classes' methods ---------------------------------------------------------------- */

static bool of(PyRun *I, SimId self, int c, const char *what)
{
    if (aio_is_class(I, self, c) || (c == AC_SEM && aio_is_class(I, self, AC_BSEM)))
        return true;
    py_raise(I, EXC_TypeError, "%s() needs its object", what);
    return false;
}

SimId aio_lock_init(PyRun *I, SimId *a, int n, SimId kw)
{
    if (n > 1 || (kw && kw != S->none))
        return py_not_modelled(I, 0, "arguments to asyncio.Lock()"), 0;
    set_count(I, a[0], 0);
    return bi_none(I);
}

SimId aio_lock_acquire(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_LOCK, "acquire") ? aio_op_new(I, OK_LOCK, a[0], 0) : 0;
}

SimId aio_lock_release(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!of(I, a[0], AC_LOCK, "release"))
        return 0;
    if (!count(I, a[0])) {
        py_raise(I, EXC_RuntimeError, "Lock is not acquired.");
        return 0;
    }
    set_count(I, a[0], 0);
    wake_first(I, a[0]);
    return bi_none(I);
}

SimId aio_lock_locked(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (aio_is_class(I, a[0], AC_LOCK))
        return sim_bool(S, count(I, a[0]) != 0);
    return of(I, a[0], AC_SEM, "locked") ? sim_bool(S, sem_locked(I, a[0])) : 0;
}

SimId aio_x_aenter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    bool lock = aio_is_class(I, a[0], AC_LOCK);
    if (!lock && !of(I, a[0], AC_SEM, "__aenter__"))
        return 0;
    SimId op = aio_op_new(I, lock ? OK_LOCK : OK_SEM, a[0], 0);
    if (op)
        set_count(I, op, count(I, op) | OP_AENTER);
    return op;
}

SimId aio_x_aexit(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId r = aio_is_class(I, a[0], AC_LOCK) ? aio_lock_release(I, a, n, kw) : aio_sem_release(I, a, 1, 0);
    if (!r)
        return 0;
    sim_decref(S, r);
    return aio_op_new(I, OK_DONE, a[0], 0);
}

SimId aio_sem_init(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId v = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "value");
    int64_t value = 1;
    if (v && !bi_int_arg(I, v, &value))
        return 0;
    if (value < 0) {
        py_raise(I, EXC_ValueError, "Semaphore initial value must be >= 0");
        return 0;
    }
    set_count(I, a[0], (uint32_t)value);
    aio_put(I, a[0], "_bound_value", sim_int(S, value));
    return bi_none(I);
}

SimId aio_sem_acquire(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_SEM, "acquire") ? aio_op_new(I, OK_SEM, a[0], 0) : 0;
}

SimId aio_sem_release(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!of(I, a[0], AC_SEM, "release"))
        return 0;
    if (aio_is_class(I, a[0], AC_BSEM)) {
        SimId b = aio_get(I, a[0], "_bound_value");
        if (b && (int64_t)count(I, a[0]) >= sim_obj(S, b)->v.i) {
            py_raise(I, EXC_ValueError, "BoundedSemaphore released too many times");
            return 0;
        }
    }
    set_count(I, a[0], count(I, a[0]) + 1);
    sem_wake_next(I, a[0]);
    return bi_none(I);
}

SimId aio_ev_init(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    set_count(I, a[0], 0);
    return bi_none(I);
}

SimId aio_ev_set(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!of(I, a[0], AC_EVENT, "set"))
        return 0;
    if (!count(I, a[0])) {
        set_count(I, a[0], 1);
        event_set_waiters(I, a[0], "_waiters");
    }
    return bi_none(I);
}

SimId aio_ev_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!of(I, a[0], AC_EVENT, "clear"))
        return 0;
    set_count(I, a[0], 0);
    return bi_none(I);
}

SimId aio_ev_is_set(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_EVENT, "is_set") ? sim_bool(S, count(I, a[0]) != 0) : 0;
}

SimId aio_ev_wait(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_EVENT, "wait") ? aio_op_new(I, OK_EVENT, a[0], 0) : 0;
}

SimId aio_q_init(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId m = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "maxsize");
    int64_t size = 0;
    if (m && !bi_int_arg(I, m, &size))
        return 0;
    aio_put(I, a[0], "_maxsize", sim_int(S, size));
    aio_put(I, a[0], "_queue", sim_list(S, 0));
    set_count(I, a[0], 0);
    return bi_none(I);
}

SimId aio_q_put(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_QUEUE, "put") ? aio_op_new(I, OK_PUT, a[0], a[1]) : 0;
}

SimId aio_q_get(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_QUEUE, "get") ? aio_op_new(I, OK_GET, a[0], 0) : 0;
}

SimId aio_q_join(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_QUEUE, "join") ? aio_op_new(I, OK_JOIN, a[0], 0) : 0;
}

SimId aio_q_put_nowait(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!of(I, a[0], AC_QUEUE, "put_nowait"))
        return 0;
    if (qfull(I, a[0])) {
        vm_raise_value(I, exc_new(I, aio(I)->cls[AC_QFULL], 0));
        return 0;
    }
    put_item(I, a[0], a[1]);
    return bi_none(I);
}

SimId aio_q_get_nowait(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!of(I, a[0], AC_QUEUE, "get_nowait"))
        return 0;
    if (qlen(I, a[0]) == 0) {
        vm_raise_value(I, exc_new(I, aio(I)->cls[AC_QEMPTY], 0));
        return 0;
    }
    return get_item(I, a[0]);
}

SimId aio_q_task_done(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!of(I, a[0], AC_QUEUE, "task_done"))
        return 0;
    if (count(I, a[0]) == 0) {
        py_raise(I, EXC_ValueError, "task_done() called too many times");
        return 0;
    }
    set_count(I, a[0], count(I, a[0]) - 1);
    if (count(I, a[0]) == 0) /* _finished.set() */
        event_set_waiters(I, a[0], "_joiners");
    return bi_none(I);
}

SimId aio_q_qsize(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_QUEUE, "qsize") ? sim_int(S, qlen(I, a[0])) : 0;
}

SimId aio_q_empty(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_QUEUE, "empty") ? sim_bool(S, qlen(I, a[0]) == 0) : 0;
}

SimId aio_q_full(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return of(I, a[0], AC_QUEUE, "full") ? sim_bool(S, qfull(I, a[0])) : 0;
}

/* a coroutine's finalizer: 'coroutine ... was never awaited' when it never ran */
SimId aio_x_del(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId o = a[0];
    if (aio_is_class(I, o, AC_SLEEP)) {
        if (!(fw(I, o) & FW_TIMER) && fstate(I, o) == FS_PENDING)
            vm_warn_unawaited(I, "sleep");
        return bi_none(I);
    }
    uint32_t c = count(I, o);
    if (!aio_is_class(I, o, AC_OP) || (c & OP_STARTED) || (c & OP_KIND) == OK_DONE)
        return bi_none(I);
    SimId t = aio_get(I, o, "_target");
    static const char *const names[] = {[OK_LOCK] = "acquire", [OK_SEM] = "acquire", [OK_EVENT] = "wait",
                                        [OK_GET] = "get", [OK_PUT] = "put", [OK_JOIN] = "join"};
    char q[96];
    if ((c & OP_KIND) >= OK_WAITFOR)
        snprintf(q, sizeof q, "%s", aio_op_name(I, (int)(c & OP_KIND)));
    else
        snprintf(q, sizeof q, "%s.%s", t ? op_typename(I, t) : "?",
                 (c & OP_AENTER) ? "__aenter__" : names[c & OP_KIND]);
    vm_warn_unawaited(I, q);
    return bi_none(I);
}

SimId aio_x_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return py_not_modelled(I, 0, "the repr of asyncio's %s objects", op_typename(I, a[0])), 0;
}


static SimId exc_subclass(PyRun *I, const char *name, SimId base)
{
    return exc_subclass_in(I, "asyncio.queues", name, base);
}

void aio_sync_init(PyRun *I, SimId d)
{
    PyAsyncio *A = aio(I);
    static const BuiltinFn lock[] = {aio_lock_init, aio_lock_acquire, aio_lock_release, aio_lock_locked, aio_x_aenter, aio_x_aexit, aio_x_repr};
    static const char *const lockn[] = {"__init__", "acquire", "release", "locked", "__aenter__", "__aexit__",
                                        "__repr__"};
    static const BuiltinFn sem[] = {aio_sem_init, aio_sem_acquire, aio_sem_release, aio_lock_locked, aio_x_aenter, aio_x_aexit, aio_x_repr};
    static const BuiltinFn ev[] = {aio_ev_init, aio_ev_set, aio_ev_clear, aio_ev_is_set, aio_ev_wait, aio_x_repr};
    static const char *const evn[] = {"__init__", "set", "clear", "is_set", "wait", "__repr__"};
    static const BuiltinFn q[] = {aio_q_init, aio_q_put, aio_q_get, aio_q_join, aio_q_put_nowait, aio_q_get_nowait, aio_q_task_done, aio_q_qsize,
                                  aio_q_empty, aio_q_full, aio_x_repr};
    static const char *const qn[] = {"__init__", "put", "get", "join", "put_nowait", "get_nowait", "task_done",
                                     "qsize", "empty", "full", "__repr__"};
    A->cls[AC_LOCK] = aio_make_class(I, "asyncio.locks", "Lock", lock, lockn, 7, 0, 0);
    A->cls[AC_SEM] = aio_make_class(I, "asyncio.locks", "Semaphore", sem, lockn, 7, 0, 0);
    A->cls[AC_BSEM] = aio_make_class(I, "asyncio.locks", "BoundedSemaphore", NULL, NULL, 0, A->cls[AC_SEM], 0);
    A->cls[AC_EVENT] = aio_make_class(I, "asyncio.locks", "Event", ev, evn, 6, 0, 0);
    A->cls[AC_QUEUE] = aio_make_class(I, "asyncio.queues", "Queue", q, qn, 11, 0, 0);
    static const BuiltinFn cond[] = {aio_cond_init, aio_cond_acquire, aio_cond_release, aio_cond_locked, aio_cond_aenter,
                                     aio_cond_aexit, aio_cond_notify, aio_cond_notify_all, aio_cond_wait, aio_cond_wait_for,
                                     aio_x_repr};
    static const char *const condn[] = {"__init__", "acquire", "release", "locked", "__aenter__", "__aexit__",
                                        "notify", "notify_all", "wait", "wait_for", "__repr__"};
    A->cls[AC_COND] = aio_make_class(I, "asyncio.locks", "Condition", cond, condn, 11, 0, 0);
    static const BuiltinFn opf[] = {aio_x_del};
    static const char *const opn[] = {"__del__"};
    A->cls[AC_OP] = aio_make_class(I, "builtins", "coroutine", opf, opn, 1, 0, 0);
    A->cls[AC_QEMPTY] = exc_subclass(I, "QueueEmpty", exc_class(I, EXC_Exception));
    A->cls[AC_QFULL] = exc_subclass(I, "QueueFull", exc_class(I, EXC_Exception));
    static const char *const names[] = {"Lock", "Semaphore", "BoundedSemaphore", "Event", "Queue", "QueueEmpty",
                                        "QueueFull", "Condition"};
    const int which[] = {AC_LOCK, AC_SEM, AC_BSEM, AC_EVENT, AC_QUEUE, AC_QEMPTY, AC_QFULL, AC_COND};
    for (int i = 0; i < 8; i++)
        if (A->cls[which[i]]) {
            sim_incref(S, A->cls[which[i]]);
            bi_dict_put(I, d, names[i], A->cls[which[i]]);
        }
}
