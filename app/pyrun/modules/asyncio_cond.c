/*
 * asyncio_cond: asyncio.Condition (asyncio/locks.py) on a Lock of the
 * model's (asyncio_sync.c): acquire, release, locked and `async with` are
 * the lock's; wait() releases the lock, waits on a future appended to the
 * condition's waiters, takes it out again and re-acquires the lock (a
 * Lock.acquire stepped inside it); wait_for(predicate) calls the
 * predicate and waits until it is true; notify(n) sets the first n
 * pending waiters' results to False.  An exception thrown into a wait
 * (a cancellation) is refused: its finally clauses re-acquire the lock
 * and 3.13 passes the notification on, which the model does not follow.
 */
#include "pyrun/modules/asyncio_int.h"

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static bool is_cond(PyRun *I, SimId v, const char *what)
{
    if (aio_is_class(I, v, AC_COND))
        return true;
    py_raise(I, EXC_TypeError, "descriptor '%s' requires a 'Condition' object", what);
    return false;
}

static SimId lock_of(PyRun *I, SimId c) { return aio_get(I, c, "_lock"); }
static bool locked(PyRun *I, SimId lock) { return sim_obj(S, lock)->cap != 0; }

SimId aio_cond_init(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId lock = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "lock");
    if (!is_cond(I, a[0], "__init__"))
        return 0;
    if (lock && lock != S->none && !aio_is_class(I, lock, AC_LOCK))
        return py_not_modelled(I, 0, "asyncio.Condition() of a '%s' (only an asyncio.Lock)", op_typename(I, lock)), 0;
    if (!lock || lock == S->none) {
        lock = vm_new_instance(I, aio(I)->cls[AC_LOCK], NULL, 0, false);
        if (!lock)
            return 0;
        sim_obj(S, lock)->cap = 0;
    } else {
        sim_incref(S, lock);
    }
    aio_put(I, a[0], "_lock", lock);
    aio_put(I, a[0], "_waiters", sim_list(S, 0));
    return bi_none(I);
}

/* the lock's methods, on the condition's lock */
static SimId on_lock(PyRun *I, SimId *a, int n, SimId kw, BuiltinFn fn, const char *what)
{
    if (!is_cond(I, a[0], what))
        return 0;
    SimId args[4] = {lock_of(I, a[0]), n > 1 ? a[1] : 0, n > 2 ? a[2] : 0, n > 3 ? a[3] : 0};
    return fn(I, args, n, kw);
}

SimId aio_cond_acquire(PyRun *I, SimId *a, int n, SimId kw) { return on_lock(I, a, n, kw, aio_lock_acquire, "acquire"); }
SimId aio_cond_release(PyRun *I, SimId *a, int n, SimId kw) { return on_lock(I, a, n, kw, aio_lock_release, "release"); }
SimId aio_cond_locked(PyRun *I, SimId *a, int n, SimId kw) { return on_lock(I, a, n, kw, aio_lock_locked, "locked"); }
SimId aio_cond_aenter(PyRun *I, SimId *a, int n, SimId kw) { return on_lock(I, a, n, kw, aio_x_aenter, "__aenter__"); }
SimId aio_cond_aexit(PyRun *I, SimId *a, int n, SimId kw) { return on_lock(I, a, n, kw, aio_x_aexit, "__aexit__"); }

/* _notify(n): the first n waiters not done get False */
static void notify(PyRun *I, SimId c, int64_t n)
{
    SimId l = aio_get(I, c, "_waiters");
    int64_t idx = 0;
    for (uint32_t i = 0; l && i < sim_obj(S, l)->len && idx < n; i++) {
        SimId f = sim_items(S, l)[i];
        if (fstate(I, f) == FS_PENDING) {
            idx++;
            aio_set_result(I, f, ref(I, S->false_));
        }
    }
}

SimId aio_cond_notify(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId nv = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "n");
    int64_t k = 1;
    if (!is_cond(I, a[0], "notify") || (nv && !bi_int_arg(I, nv, &k)))
        return 0;
    if (!locked(I, lock_of(I, a[0]))) {
        py_raise(I, EXC_RuntimeError, "cannot notify on un-acquired lock");
        return 0;
    }
    notify(I, a[0], k);
    return bi_none(I);
}

SimId aio_cond_notify_all(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_cond(I, a[0], "notify_all"))
        return 0;
    if (!locked(I, lock_of(I, a[0]))) {
        py_raise(I, EXC_RuntimeError, "cannot notify on un-acquired lock");
        return 0;
    }
    notify(I, a[0], (int64_t)sim_obj(S, aio_get(I, a[0], "_waiters"))->len);
    return bi_none(I);
}

SimId aio_cond_wait(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return is_cond(I, a[0], "wait") ? aio_op_new(I, OK_COND, a[0], 0) : 0;
}

SimId aio_cond_wait_for(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return is_cond(I, a[0], "wait_for") ? aio_op_new(I, OK_CONDFOR, a[0], a[1]) : 0;
}

/* ---- stepping wait() and wait_for() ------------------------------------------------------- */

enum { PH_PREDICATE, PH_START, PH_NOTIFIED, PH_REACQUIRE };

static int phase(PyRun *I, SimId op)
{
    SimId p = aio_get(I, op, "_phase");
    return p ? (int)sim_obj(S, p)->v.i : -1;
}

static void set_phase(PyRun *I, SimId op, int p) { aio_put(I, op, "_phase", sim_int(S, p)); }

static void list_drop(PyRun *I, SimId l, SimId v)
{
    SimObj *o = sim_obj(S, l);
    for (uint32_t i = 0; i < o->len; i++)
        if (sim_items(S, l)[i] == v) {
            memmove(sim_items(S, l) + i, sim_items(S, l) + i + 1, (o->len - i - 1) * sizeof(SimId));
            o->len--;
            sim_decref(S, v);
            return;
        }
}

int aio_cond_step(PyRun *I, SimId op, bool throwing, SimId *out)
{
    SimId c = aio_get(I, op, "_target"), lock = lock_of(I, c);
    bool wait_for = (sim_obj(S, op)->cap & 15u) == OK_CONDFOR;
    int ph = phase(I, op);
    if (ph < 0)
        ph = wait_for ? PH_PREDICATE : PH_START;
    if (throwing)
        return py_not_modelled(I, 0, "an exception thrown into Condition.wait() (its finally clauses re-acquire "
                                     "the lock; 3.13 passes the notification on)"),
               -1;
    for (;;) {
        switch (ph) {
        case PH_PREDICATE: {
            SimId r = vm_call(I, aio_get(I, op, "_item"), NULL, 0);
            if (!r)
                return -1;
            int t = op_truth(I, r);
            if (t != 0) {
                if (t < 0) {
                    sim_decref(S, r);
                    return -1;
                }
                *out = r;
                return 0;
            }
            sim_decref(S, r);
            ph = PH_START;
            break;
        }
        case PH_START: {
            if (!locked(I, lock)) {
                py_raise(I, EXC_RuntimeError, "cannot wait on un-acquired lock");
                return -1;
            }
            SimId r = aio_lock_release(I, &lock, 1, 0);
            if (!r)
                return -1;
            sim_decref(S, r);
            SimId fut = aio_future_new(I, AC_FUTURE);
            if (!fut)
                return -1;
            sim_list_append(S, aio_get(I, c, "_waiters"), ref(I, fut));
            aio_put(I, op, "_fut", ref(I, fut));
            fw_set(I, fut, fw(I, fut) | FW_BLOCKING);
            set_phase(I, op, PH_NOTIFIED);
            *out = fut;
            return 1;
        }
        case PH_NOTIFIED: { /* finally: self._waiters.remove(fut); then self.acquire() */
            list_drop(I, aio_get(I, c, "_waiters"), aio_get(I, op, "_fut"));
            aio_put(I, op, "_fut", bi_none(I));
            SimId acq = aio_op_new(I, OK_LOCK, lock, 0);
            if (!acq)
                return -1;
            aio_put(I, op, "_acq", acq);
            set_phase(I, op, PH_REACQUIRE);
            ph = PH_REACQUIRE;
            break;
        }
        default: { /* PH_REACQUIRE */
            int r = aio_op_step(I, aio_get(I, op, "_acq"), out);
            if (r != 0)
                return r;
            sim_decref(S, *out);
            aio_put(I, op, "_acq", bi_none(I));
            if (!wait_for) {
                *out = ref(I, S->true_);
                return 0;
            }
            ph = PH_PREDICATE;
            set_phase(I, op, ph);
            break;
        }
        }
    }
}
