/*
 * threading_barrier: threading.Barrier and BrokenBarrierError, as
 * Lib/threading.py writes them: _cond (a Condition over a Lock), _action,
 * _timeout, _parties, _state (0 filling, 1 draining, -1 resetting, -2
 * broken) and _count in the instance's __dict__, which the calls read and
 * write, so a program sees CPython's values.
 *
 * wait() runs threading.py's steps on the scheduler: take the lock, wait
 * while the barrier drains or resets (_enter), take an index; the last
 * party runs the action and releases the others (_release), the others wait
 * on the condition until the state leaves 0 or the timeout breaks it
 * (_wait); then _exit.  A step that must wait blocks the thread with the
 * lock released and continues (vm_block_resume) when the thread runs again
 * with the lock taken back, as Condition.wait returns.  The action runs
 * from C: a wait inside it is refused.
 */
#include <stdio.h>

#include "base/buf.h"
#include "pyrun/modules/threading_int.h"

enum { FILLING = 0, DRAINING = 1, RESETTING = -1, BROKEN = -2 };
enum { AT_LOCK, AT_LOCKED, AT_ENTER, AT_WAIT }; /* where a wait() continues */

static bool int_of(PyRun *I, SimId self, const char *name, int64_t *out)
{
    SimId v = get(I, self, name);
    if (v && sim_kind(S, v) == SK_INT) {
        *out = sim_obj(S, v)->v.i;
        return true;
    }
    py_not_modelled(I, 0, "a Barrier whose %s is not an int", name);
    return false;
}

static bool set_int(PyRun *I, SimId self, const char *name, int64_t v)
{
    return put(I, self, name, sim_int(S, v));
}

/* The Condition's lock and the condition's scheduler numbers. */
static bool cond_of(PyRun *I, SimId self, int *lock, int *cond)
{
    SimId c = get(I, self, "_cond");
    SimId l = c && sim_kind(S, c) == SK_INSTANCE && sim_obj(S, c)->type == st(I)->cls[THC_COND] ? get(I, c, "_lock")
                                                                                                : 0;
    if (!l || sim_kind(S, l) != SK_INSTANCE || sim_obj(S, l)->type != st(I)->cls[THC_LOCK]) {
        py_not_modelled(I, 0, "a Barrier whose _cond is not its own Condition over a Lock");
        return false;
    }
    *lock = word(I, l);
    *cond = word(I, c);
    return true;
}

SimId barrier_init(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId parties = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "parties");
    SimId action = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "action");
    SimId timeout = np > 3 ? a[3] : bi_kwarg(I, a, n, kw, "timeout");
    if (!parties) {
        py_raise(I, EXC_TypeError, "Barrier.__init__() missing 1 required positional argument: 'parties'");
        return 0;
    }
    int64_t p;
    if (sim_kind(S, parties) != SK_INT || !bi_int_arg(I, parties, &p))
        return py_not_modelled(I, 0, "Barrier(parties) other than an int"), (SimId)0;
    if (p < 1 && S->prof->version >= SIM_V313) { /* 3.11 and 3.12 accept it (its wait() never returns) */
        py_raise(I, EXC_ValueError, "parties must be > 0");
        return 0;
    }
    unsure(I);
    SimId lock = thr_new_lock(I, false);
    SimId c = lock ? thr_new_condition(I, lock) : 0;
    if (!c)
        return 0;
    SimId act = action ? action : S->none, tmo = timeout ? timeout : S->none;
    sim_incref(S, act);
    sim_incref(S, tmo);
    sim_incref(S, parties);
    bool ok = put(I, a[0], "_cond", c) && put(I, a[0], "_action", act) && put(I, a[0], "_timeout", tmo) &&
              put(I, a[0], "_parties", parties) && set_int(I, a[0], "_state", FILLING) &&
              set_int(I, a[0], "_count", 0);
    return ok ? bi_none(I) : 0;
}

static void broken_error(PyRun *I)
{
    vm_raise_value(I, exc_new(I, st(I)->cls[THC_BROKEN], 0));
}

/* _break: broken, every waiter woken. */
static bool do_break(PyRun *I, SimId self, int cond)
{
    vs_cond_notify(&I->vs, cond, UINT32_MAX);
    return set_int(I, self, "_state", BROKEN);
}

/* The end of wait() with the lock held: `finally: _count -= 1; _exit()`,
 * the lock released, the index returned (or the error kept). */
static int leave(PyRun *I, SimId self, int lock, int cond, int64_t index, SimId *result)
{
    int64_t count, state;
    bool ok = !I->ts->err.set && !I->refused;
    if (int_of(I, self, "_count", &count) && set_int(I, self, "_count", count - 1) &&
        int_of(I, self, "_state", &state) && count - 1 == 0 && (state == RESETTING || state == DRAINING)) {
        set_int(I, self, "_state", FILLING);
        vs_cond_notify(&I->vs, cond, UINT32_MAX);
    }
    vs_lock_release(&I->vs, lock);
    if (!ok || I->ts->err.set || I->refused)
        return VM_RESUME_ERROR;
    *result = sim_int(S, index);
    return VM_RESUME_DONE;
}

static int step(PyRun *I, SimId call, int64_t deadline, SimId *result);

/* Blocks the thread at `at` (the lock released while it waits on the
 * condition, or queued for the lock) and continues there. */
static int park(PyRun *I, SimId call, int at, int lock, int cond, int64_t deadline)
{
    SimId old = sim_items(S, call)[1];
    SimId state = sim_int(S, at == AT_LOCK ? AT_LOCKED : at); /* the lock is ours when it wakes */
    sim_items(S, call)[1] = state;
    sim_decref(S, old);
    if (at == AT_LOCK)
        vs_wait_lock(&I->vs, lock, -1);
    else
        vs_cond_wait(&I->vs, cond, lock, at == AT_WAIT && deadline != VS_NEVER ? deadline - I->vs.now : -1);
    sim_incref(S, call);
    vm_block_resume(I, step, call, deadline);
    return VM_RESUME_AGAIN;
}

/* One stretch of wait(); call is (self, at, index, deadline-or-None). */
static int step(PyRun *I, SimId call, int64_t deadline, SimId *result)
{
    SimId self = sim_items(S, call)[0];
    int at = (int)sim_obj(S, sim_items(S, call)[1])->v.i;
    int64_t index = sim_obj(S, sim_items(S, call)[2])->v.i;
    int lock, cond;
    int64_t state, parties;
    if (!cond_of(I, self, &lock, &cond))
        return VM_RESUME_ERROR;
    if (at == AT_LOCK && !vs_lock_try(&I->vs, lock))
        return park(I, call, AT_LOCK, lock, cond, deadline);
    if (!int_of(I, self, "_state", &state))
        return vs_lock_release(&I->vs, lock), VM_RESUME_ERROR;
    if (at != AT_WAIT) { /* _enter */
        if (state == DRAINING || state == RESETTING)
            return park(I, call, AT_ENTER, lock, cond, deadline);
        if (state < 0) {
            vs_lock_release(&I->vs, lock);
            return broken_error(I), VM_RESUME_ERROR;
        }
        if (!int_of(I, self, "_count", &index) || !set_int(I, self, "_count", index + 1) ||
            !int_of(I, self, "_parties", &parties))
            return vs_lock_release(&I->vs, lock), VM_RESUME_ERROR;
        sim_decref(S, sim_items(S, call)[2]);
        SimId at_index = sim_int(S, index);
        sim_items(S, call)[2] = at_index;
        if (index + 1 == parties) { /* _release: the action, then draining */
            SimId action = get(I, self, "_action");
            if (action && action != S->none) {
                I->ts->nested++; /* called from C: a wait inside it is refused */
                SimId r = vm_call(I, action, NULL, 0);
                I->ts->nested--;
                if (!r) {
                    do_break(I, self, cond);
                    return leave(I, self, lock, cond, index, result);
                }
                sim_decref(S, r);
            }
            set_int(I, self, "_state", DRAINING);
            vs_cond_notify(&I->vs, cond, UINT32_MAX);
            return leave(I, self, lock, cond, index, result);
        }
        state = FILLING;
    }
    /* _wait: wait_for(lambda: self._state != 0, timeout) */
    if (state == FILLING) {
        if (deadline == VS_NEVER || I->vs.now < deadline)
            return park(I, call, AT_WAIT, lock, cond, deadline);
        do_break(I, self, cond); /* timed out */
        broken_error(I);
        return leave(I, self, lock, cond, index, result);
    }
    if (state < 0) {
        broken_error(I);
        return leave(I, self, lock, cond, index, result);
    }
    return leave(I, self, lock, cond, index, result);
}

SimId barrier_wait(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId tmo = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "timeout");
    if (!tmo || tmo == S->none)
        tmo = get(I, a[0], "_timeout");
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, false, &timeout))
        return 0;
    if (!thr_can_block(I, "Barrier.wait()"))
        return 0;
    SimId call = sim_tuple(S, 3);
    sim_incref(S, a[0]);
    sim_tuple_set(S, call, 0, a[0]);
    sim_tuple_set(S, call, 1, sim_int(S, AT_LOCK));
    sim_tuple_set(S, call, 2, sim_int(S, -1));
    SimId r = 0;
    int st = step(I, call, timeout < 0 ? VS_NEVER : I->vs.now + timeout, &r);
    sim_decref(S, call);
    if (st == VM_RESUME_ERROR)
        return 0;
    if (st == VM_RESUME_AGAIN)
        return sim_int(S, -1); /* a placeholder the index replaces */
    return r;
}

/* with self._cond: what, without waiting (the lock is free outside wait()'s
 * waits, or held by a woken waiter: refused then) */
static bool locked_call(PyRun *I, SimId self, int *lock, int *cond)
{
    if (!cond_of(I, self, lock, cond))
        return false;
    if (!vs_lock_try(&I->vs, *lock))
        return py_not_modelled(I, 0, "a Barrier's reset() or abort() while a woken waiter holds its lock"), false;
    return true;
}

SimId barrier_reset(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int lock, cond;
    int64_t count, state;
    if (!locked_call(I, a[0], &lock, &cond))
        return 0;
    bool ok = int_of(I, a[0], "_count", &count) && int_of(I, a[0], "_state", &state);
    if (ok && count > 0) {
        if (state == FILLING || state == BROKEN)
            ok = set_int(I, a[0], "_state", RESETTING);
    } else if (ok) {
        ok = set_int(I, a[0], "_state", FILLING);
    }
    vs_cond_notify(&I->vs, cond, UINT32_MAX);
    vs_lock_release(&I->vs, lock);
    return ok ? bi_none(I) : 0;
}

SimId barrier_abort(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int lock, cond;
    if (!locked_call(I, a[0], &lock, &cond))
        return 0;
    bool ok = do_break(I, a[0], cond);
    vs_lock_release(&I->vs, lock);
    return ok ? bi_none(I) : 0;
}

SimId barrier_parties(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = get(I, a[0], "_parties");
    if (!v)
        return py_not_modelled(I, 0, "a Barrier whose _parties the program deleted"), (SimId)0;
    sim_incref(S, v);
    return v;
}

SimId barrier_n_waiting(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t state, count;
    if (!int_of(I, a[0], "_state", &state) || !int_of(I, a[0], "_count", &count))
        return 0;
    return sim_int(S, state == FILLING ? count : 0);
}

SimId barrier_broken(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t state;
    if (!int_of(I, a[0], "_state", &state))
        return 0;
    return sim_bool(S, state == BROKEN);
}

SimId barrier_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t state, count, parties;
    if (!int_of(I, a[0], "_state", &state) || !int_of(I, a[0], "_count", &count) ||
        !int_of(I, a[0], "_parties", &parties))
        return 0;
    char buf[160];
    unsigned long long addr = (unsigned long long)sim_id_address(S, a[0]);
    int len = state == BROKEN ? snprintf(buf, sizeof buf, "<threading.Barrier at %#llx: broken>", addr)
                              : snprintf(buf, sizeof buf, "<threading.Barrier at %#llx: waiters=%lld/%lld>", addr,
                                         (long long)(state == FILLING ? count : 0), (long long)parties);
    return sim_str(S, buf, (size_t)len);
}

SimId barrier_error_class(PyRun *I)
{
    return exc_subclass_in(I, "threading", "BrokenBarrierError", exc_class(I, EXC_RuntimeError));
}
