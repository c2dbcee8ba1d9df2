/*
 * threading_sync: threading's locks (_thread.lock, _thread.RLock: acquire
 * with blocking and timeout, release, locked, with) and Event (set, clear,
 * is_set, wait), Semaphore and BoundedSemaphore on the scheduler's locks,
 * semaphores and events (sim/vmsched.h).  A
 * call that must wait blocks the running thread where the VM can switch
 * (the outermost loop); the value it returns is settled when the thread
 * runs again (vm_threads.c), True for a wait that succeeded, False for one
 * that timed out.
 */
#include <stdio.h>

#include "pyrun/modules/asyncio.h"
#include "pyrun/modules/threading_int.h"
#include "sim/deque.h"

/* ---- the running thread's wait ----------------------------------------------- */

/* A blocking call must be made where the VM can switch threads. */
bool thr_can_block(PyRun *I, const char *what)
{
    if (I->ts->nested == 0 || asyncio_wait_here(I)) /* asyncio's loop blocks inside its step */
        return true;
    py_not_modelled(I, 0, "%s that waits inside a call from C code (a callback, a generator, __init__ "
                          "called by a class call ...): the model switches threads only in the outermost loop",
                    what);
    return false;
}

/* A timeout argument in ps: -1 for none (None, or -1 for a lock).  A lock's
 * other negative timeouts are a ValueError; Condition.wait (under
 * Event.wait) makes any timeout <= 0 a non-blocking try (0).  False with
 * the error raised. */
bool thr_timeout_arg(PyRun *I, SimId v, bool lock, int64_t *out)
{
    *out = -1;
    if (!v || v == S->none)
        return true;
    double secs;
    SimKind k = sim_kind(S, v);
    if (k == SK_FLOAT)
        secs = sim_obj(S, v)->v.f;
    else if (k == SK_INT || k == SK_BOOL)
        secs = (double)sim_obj(S, v)->v.i;
    else {
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer or float", op_typename(I, v));
        return false;
    }
    if (lock && secs < 0 && secs != -1) {
        py_raise(I, EXC_ValueError, S->prof->version >= SIM_V313 ? "timeout value must be a non-negative number"
                                                                 : "timeout value must be positive");
        return false;
    }
    *out = secs < 0 ? (lock ? -1 : 0) : (int64_t)(secs * 1e12);
    return true;
}

/* The call's result is settled when the thread runs again (vm_threads.c). */
static SimId wait_result(PyRun *I)
{
    I->ts->wait_result = true;
    return sim_bool(S, true);
}

/* ---- locks ------------------------------------------------------------------ */

SimId thr_new_lock(PyRun *I, bool reentrant)
{
    PyThreading *t = st(I);
    SimId l = vm_new_instance(I, t->cls[reentrant ? THC_RLOCK : THC_LOCK], NULL, 0, false);
    if (l)
        set_word(I, l, vs_lock_new(&I->vs, reentrant));
    return l;
}

SimId lock_acquire(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId self = a[0], blocking = bi_kwarg(I, a, n, kw, "blocking"), tmo = bi_kwarg(I, a, n, kw, "timeout");
    int np = bi_npos(I, n, kw);
    if (np > 1)
        blocking = a[1];
    if (np > 2)
        tmo = a[2];
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, true, &timeout))
        return 0;
    int b = blocking ? op_truth(I, blocking) : 1;
    if (b < 0)
        return 0;
    if (!b && timeout >= 0) {
        py_raise(I, EXC_ValueError, "can't specify a timeout for a non-blocking call");
        return 0;
    }
    int id = word(I, self);
    if (vs_lock_try(&I->vs, id))
        return sim_bool(S, true);
    if (!b || timeout == 0)
        return sim_bool(S, false);
    if (!thr_can_block(I, "Lock.acquire()"))
        return 0;
    vs_wait_lock(&I->vs, id, timeout);
    return timeout < 0 ? sim_bool(S, true) : wait_result(I);
}

SimId lock_release(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int id = word(I, a[0]);
    VsLock *k = &I->vs.locks[id];
    if (k->owner < 0 || (k->reentrant && k->owner != I->vs.running)) {
        py_raise(I, EXC_RuntimeError, k->reentrant ? "cannot release un-acquired lock" : "release unlocked lock");
        return 0;
    }
    vs_lock_release(&I->vs, id);
    return bi_none(I);
}

SimId lock_locked(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, I->vs.locks[word(I, a[0])].owner >= 0);
}

SimId lock_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return lock_acquire(I, a, 1, 0);
}

SimId lock_exit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId r = lock_release(I, a, 1, 0);
    if (r)
        sim_decref(S, r);
    return r ? bi_none(I) : 0;
}

uint64_t thr_ident_of(int t)
{
    /* pthread_self(): the main thread's descriptor, then each new thread's below
     * its 8 MiB stack and guard page (the usual glibc layout; CPython prints
     * whatever this machine gives) */
    return 0x7f3a2b8c4740ull - (t ? 0x1b4c000ull + (uint64_t)(t - 1) * 0x801000ull : 0);
}

SimId lock_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    VsLock *k = &I->vs.locks[word(I, a[0])];
    char buf[160];
    unsigned long long addr = (unsigned long long)sim_id_address(S, a[0]);
    if (k->reentrant)
        snprintf(buf, sizeof buf, "<%s _thread.RLock object owner=%llu count=%u at %#llx>",
                 k->owner >= 0 ? "locked" : "unlocked", k->owner >= 0 ? (unsigned long long)thr_ident_of(k->owner) : 0ull,
                 k->owner >= 0 ? k->count : 0u, addr);
    else
        snprintf(buf, sizeof buf, "<%s _thread.lock object at %#llx>", k->owner >= 0 ? "locked" : "unlocked", addr);
    return sim_str(S, buf, strlen(buf));
}

/* ---- events ------------------------------------------------------------------ */

static int index_of(BuiltinFn fn)
{
    for (int i = 0; i < threading_nfunctions; i++)
        if (threading_functions[i].fn == fn)
            return bi_index_of(&threading_functions[i]);
    return -1;
}

/* Condition.__init__'s attributes over `lock` (stolen): the lock, its bound
 * acquire and release (an RLock's _release_save, _acquire_restore,
 * _is_owned too), the waiters' deque; its scheduler queue */
static bool cond_fill(PyRun *I, SimId c, SimId lock)
{
    bool rl = I->vs.locks[word(I, lock)].reentrant;
    set_word(I, c, vs_lock_new(&I->vs, false));
    sim_incref(S, lock);
    sim_incref(S, lock);
    bool ok = put(I, c, "_lock", lock) && put(I, c, "acquire", sim_builtin(S, (uint32_t)index_of(lock_acquire), lock)) &&
              put(I, c, "release", sim_builtin(S, (uint32_t)index_of(lock_release), lock));
    if (ok && rl) {
        sim_incref(S, lock);
        sim_incref(S, lock);
        sim_incref(S, lock);
        ok = put(I, c, "_release_save", sim_builtin(S, (uint32_t)index_of(rlock_private), lock)) &&
             put(I, c, "_acquire_restore", sim_builtin(S, (uint32_t)index_of(rlock_private), lock)) &&
             put(I, c, "_is_owned", sim_builtin(S, (uint32_t)index_of(rlock_is_owned), lock));
    }
    return ok && put(I, c, "_waiters", sim_deque(S, -1));
}

SimId thr_new_condition(PyRun *I, SimId lock)
{
    PyThreading *t = st(I);
    SimId c = vm_new_instance(I, t->cls[THC_COND], NULL, 0, false);
    if (!c || !lock) {
        sim_xdecref(S, c);
        sim_xdecref(S, lock);
        return 0;
    }
    if (cond_fill(I, c, lock))
        return c;
    sim_decref(S, c);
    return 0;
}

/* A Condition over a new lock, as Event.__init__ makes it. */
static SimId new_condition(PyRun *I)
{
    return thr_new_condition(I, thr_new_lock(I, false));
}

/* an RLock's _release_save and _acquire_restore, which Condition calls */
SimId rlock_private(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "an RLock's _release_save() and _acquire_restore() called by the program"),
           (SimId)0;
}

static bool owned(PyRun *I, int lock)
{
    VsLock *k = &I->vs.locks[lock];
    return k->reentrant ? k->owner == I->vs.running : k->owner >= 0; /* a Lock: held by anyone */
}

SimId rlock_is_owned(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, owned(I, word(I, a[0])));
}

/* ---- conditions ---------------------------------------------------------------- */

SimId cond_init(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId lock = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "lock");
    unsure(I);
    if (lock && lock != S->none) {
        SimId t = sim_obj(S, lock)->type;
        if (sim_kind(S, lock) != SK_INSTANCE || (t != st(I)->cls[THC_LOCK] && t != st(I)->cls[THC_RLOCK]))
            return py_not_modelled(I, 0, "a Condition over a lock other than threading's Lock and RLock"), (SimId)0;
        sim_incref(S, lock);
    } else {
        lock = thr_new_lock(I, true);
    }
    return lock && cond_fill(I, a[0], lock) ? bi_none(I) : 0;
}

static int cond_lock(PyRun *I, SimId self, const char *what)
{
    SimId lock = get(I, self, "_lock");
    if (!lock) {
        py_not_modelled(I, 0, "a Condition whose _lock the program deleted");
        return -1;
    }
    int l = word(I, lock);
    if (!owned(I, l)) {
        py_raise(I, EXC_RuntimeError, "cannot %s on un-acquired lock", what);
        return -1;
    }
    return l;
}

SimId cond_wait(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId tmo = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "timeout");
    int l = cond_lock(I, a[0], "wait");
    if (l < 0)
        return 0;
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, false, &timeout))
        return 0;
    if (timeout == 0) /* released, a non-blocking try, taken again */
        return sim_bool(S, false);
    if (!thr_can_block(I, "Condition.wait()"))
        return 0;
    vs_cond_wait(&I->vs, word(I, a[0]), l, timeout);
    return timeout < 0 ? sim_bool(S, true) : wait_result(I);
}

SimId cond_notify(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId nv = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "n");
    int64_t count = 1;
    if (nv && !bi_int_arg(I, nv, &count))
        return 0;
    if (cond_lock(I, a[0], "notify") < 0)
        return 0;
    if (count > 0)
        vs_cond_notify(&I->vs, word(I, a[0]), count > UINT32_MAX ? UINT32_MAX : (uint32_t)count);
    return bi_none(I);
}

SimId cond_notify_all(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (cond_lock(I, a[0], "notify") < 0)
        return 0;
    vs_cond_notify(&I->vs, word(I, a[0]), UINT32_MAX);
    return bi_none(I);
}

SimId cond_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId lock = get(I, a[0], "_lock");
    if (!lock)
        return py_not_modelled(I, 0, "a Condition whose _lock the program deleted"), (SimId)0;
    return lock_acquire(I, &lock, 1, 0);
}

SimId cond_exit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId lock = get(I, a[0], "_lock");
    if (!lock)
        return py_not_modelled(I, 0, "a Condition whose _lock the program deleted"), (SimId)0;
    SimId r = lock_release(I, &lock, 1, 0);
    if (r)
        sim_decref(S, r);
    return r ? bi_none(I) : 0;
}

/* wait_for's loop once the thread holds the lock again (obj: the tuple
 * (condition, predicate)): the predicate's result when true or the time is
 * up (threading.py's `waittime <= 0: break`), else one more wait. */
static int wait_for_again(PyRun *I, SimId obj, int64_t deadline, SimId *result)
{
    SimId self = sim_items(S, obj)[0], pred = sim_items(S, obj)[1];
    SimId r = vm_call(I, pred, NULL, 0);
    if (!r)
        return VM_RESUME_ERROR;
    int t = op_truth(I, r);
    if (t < 0) {
        sim_decref(S, r);
        return VM_RESUME_ERROR;
    }
    if (t || (deadline != VS_NEVER && I->vs.now >= deadline)) {
        *result = r;
        return VM_RESUME_DONE;
    }
    sim_decref(S, r);
    int l = cond_lock(I, self, "wait");
    if (l < 0)
        return VM_RESUME_ERROR;
    vs_cond_wait(&I->vs, word(I, self), l, deadline == VS_NEVER ? -1 : deadline - I->vs.now);
    sim_incref(S, obj);
    vm_block_resume(I, wait_for_again, obj, deadline);
    return VM_RESUME_AGAIN;
}

/* Condition.wait_for(predicate, timeout=None): the predicate first (its
 * true result returns at once, the lock never looked at, as in
 * threading.py), then wait() and the predicate again until it is true or
 * the timeout has passed since the first wait. */
SimId cond_wait_for(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId pred = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "predicate");
    SimId tmo = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "timeout");
    if (!pred) {
        py_raise(I, EXC_TypeError, "Condition.wait_for() missing 1 required positional argument: 'predicate'");
        return 0;
    }
    SimId r = vm_call(I, pred, NULL, 0);
    if (!r)
        return 0;
    int t = op_truth(I, r);
    if (t != 0)
        return t < 0 ? (sim_decref(S, r), (SimId)0) : r;
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, false, &timeout)) {
        sim_decref(S, r);
        return 0;
    }
    int l = cond_lock(I, a[0], "wait");
    if (l < 0) {
        sim_decref(S, r);
        return 0;
    }
    if (timeout == 0) { /* wait(0) releases and takes the lock again; the predicate once more */
        sim_decref(S, r);
        return vm_call(I, pred, NULL, 0);
    }
    if (!thr_can_block(I, "Condition.wait_for()")) {
        sim_decref(S, r);
        return 0;
    }
    SimId pair = sim_tuple(S, 2);
    sim_incref(S, a[0]);
    sim_incref(S, pred);
    sim_tuple_set(S, pair, 0, a[0]);
    sim_tuple_set(S, pair, 1, pred);
    vs_cond_wait(&I->vs, word(I, a[0]), l, timeout);
    vm_block_resume(I, wait_for_again, pair, timeout < 0 ? VS_NEVER : I->vs.now + timeout);
    return r; /* a placeholder the predicate's last result replaces */
}

SimId cond_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId lock = get(I, a[0], "_lock");
    if (!lock)
        return py_not_modelled(I, 0, "a Condition whose _lock the program deleted"), (SimId)0;
    SimId lr = lock_repr(I, &lock, 1, 0);
    if (!lr)
        return 0;
    int waiting = 0;
    for (int t = I->vs.locks[word(I, a[0])].waiters.head; t >= 0; t = I->vs.thr[t].next)
        waiting++;
    size_t ln;
    const char *ls = sim_str_data(S, lr, &ln);
    char buf[256];
    snprintf(buf, sizeof buf, "<Condition(%.*s, %d)>", (int)ln, ls, waiting);
    sim_decref(S, lr);
    return sim_str(S, buf, strlen(buf));
}

bool thr_event_fill(PyRun *I, SimId e)
{
    SimId c = new_condition(I);
    if (!c)
        return false;
    set_word(I, e, vs_event_new(&I->vs));
    return put(I, e, "_cond", c) && put(I, e, "_flag", sim_bool(S, false));
}

SimId ev_init(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    unsure(I);
    return thr_event_fill(I, a[0]) ? bi_none(I) : 0;
}

SimId ev_is_set(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, I->vs.events[word(I, a[0])]);
}

SimId ev_set(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    vs_event_set(&I->vs, word(I, a[0]));
    return put(I, a[0], "_flag", sim_bool(S, true)) ? bi_none(I) : 0;
}

SimId ev_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    I->vs.events[word(I, a[0])] = false;
    return put(I, a[0], "_flag", sim_bool(S, false)) ? bi_none(I) : 0;
}

SimId ev_wait(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId tmo = bi_kwarg(I, a, n, kw, "timeout");
    if (bi_npos(I, n, kw) > 1)
        tmo = a[1];
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, false, &timeout))
        return 0;
    int id = word(I, a[0]);
    if (I->vs.events[id])
        return sim_bool(S, true);
    if (timeout == 0)
        return sim_bool(S, false);
    if (!thr_can_block(I, "Event.wait()"))
        return 0;
    vs_wait_event(&I->vs, id, timeout);
    return timeout < 0 ? sim_bool(S, true) : wait_result(I);
}

/* ---- semaphores ---------------------------------------------------------------- */

static bool bounded(PyRun *I, SimId self)
{
    return sim_is_subtype(S, sim_obj(S, self)->type, st(I)->cls[THC_BSEM]);
}

static bool sync_value(PyRun *I, SimId self)
{
    return put(I, self, "_value", sim_int(S, I->vs.locks[word(I, self)].count));
}

/* Semaphore.__init__(value=1) and BoundedSemaphore's: _cond (a Condition
 * over a Lock), _value, and for a bounded one _initial_value */
SimId sem_init(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId v = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "value");
    int64_t value = 1;
    if (v && !bi_int_arg(I, v, &value))
        return 0;
    if (value < 0) {
        py_raise(I, EXC_ValueError, "semaphore initial value must be >= 0");
        return 0;
    }
    if (value > UINT32_MAX)
        return py_not_modelled(I, 0, "a semaphore's value above 2**32 - 1"), (SimId)0;
    unsure(I);
    SimId c = new_condition(I);
    if (!c)
        return 0;
    set_word(I, a[0], vs_sem_new(&I->vs, (uint32_t)value));
    bool ok = put(I, a[0], "_cond", c) && put(I, a[0], "_value", sim_int(S, value));
    if (ok && bounded(I, a[0]))
        ok = put(I, a[0], "_initial_value", sim_int(S, value));
    return ok ? bi_none(I) : 0;
}

SimId sem_acquire(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId blocking = bi_kwarg(I, a, n, kw, "blocking"), tmo = bi_kwarg(I, a, n, kw, "timeout");
    int np = bi_npos(I, n, kw);
    if (np > 1)
        blocking = a[1];
    if (np > 2)
        tmo = a[2];
    int b = blocking ? op_truth(I, blocking) : 1;
    if (b < 0)
        return 0;
    if (!b && tmo && tmo != S->none) {
        py_raise(I, EXC_ValueError, "can't specify timeout for non-blocking acquire");
        return 0;
    }
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, false, &timeout))
        return 0;
    int id = word(I, a[0]);
    if (vs_sem_try(&I->vs, id))
        return sync_value(I, a[0]) ? sim_bool(S, true) : 0;
    if (!b || timeout == 0)
        return sim_bool(S, false);
    if (!thr_can_block(I, "Semaphore.acquire()"))
        return 0;
    vs_wait_lock(&I->vs, id, timeout);
    return timeout < 0 ? sim_bool(S, true) : wait_result(I);
}

SimId sem_release(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId nv = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "n");
    int64_t count = 1;
    if (nv && !bi_int_arg(I, nv, &count))
        return 0;
    if (count < 1) {
        py_raise(I, EXC_ValueError, "n must be one or more");
        return 0;
    }
    int id = word(I, a[0]);
    VsLock *k = &I->vs.locks[id];
    if (bounded(I, a[0])) {
        SimId init = get(I, a[0], "_initial_value");
        int64_t limit = init && sim_kind(S, init) == SK_INT ? sim_obj(S, init)->v.i : 0;
        if ((int64_t)k->count + count > limit) {
            py_raise(I, EXC_ValueError, "Semaphore released too many times");
            return 0;
        }
    }
    vs_sem_release(&I->vs, id, (uint32_t)count);
    return sync_value(I, a[0]) ? bi_none(I) : 0;
}

SimId sem_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sem_acquire(I, a, 1, 0);
}

SimId sem_exit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId r = sem_release(I, a, 1, 0);
    if (r)
        sim_decref(S, r);
    return r ? bi_none(I) : 0;
}

SimId sem_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    char buf[128];
    unsigned long long addr = (unsigned long long)sim_id_address(S, a[0]);
    uint32_t value = I->vs.locks[word(I, a[0])].count;
    SimId init = get(I, a[0], "_initial_value");
    if (bounded(I, a[0]) && init && sim_kind(S, init) == SK_INT)
        snprintf(buf, sizeof buf, "<threading.BoundedSemaphore at %#llx: value=%u/%lld>", addr, value,
                 (long long)sim_obj(S, init)->v.i);
    else
        snprintf(buf, sizeof buf, "<threading.%s at %#llx: value=%u>", sim_type_name(S, a[0]), addr, value);
    return sim_str(S, buf, strlen(buf));
}
