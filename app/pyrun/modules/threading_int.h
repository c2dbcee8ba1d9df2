/*
 * threading_int: what modules/threading.c (threads, the module, its
 * classes) and threading_sync.c (locks, events, waiting) share.
 */
#ifndef PYDIVE_PYRUN_MODULES_THREADING_INT_H
#define PYDIVE_PYRUN_MODULES_THREADING_INT_H

#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/threading.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static inline PyThreading *st(PyRun *I)
{
    if (!I->threading)
        I->threading = xcalloc(1, sizeof *I->threading);
    return I->threading;
}

static inline SimId name_of(PyRun *I, const char *s)
{
    return sim_str_intern(S, s, strlen(s));
}

/* The number kept in an object's spare word (+1; -1 for none). */
static inline int word(PyRun *I, SimId o)
{
    return (int)sim_obj(S, o)->cap - 1;
}

static inline void set_word(PyRun *I, SimId o, int v)
{
    sim_obj(S, o)->cap = (uint32_t)(v + 1);
}

static inline void unsure(PyRun *I)
{
    I->gc_count_unsure = true;
    I->gc_garbage_unsure = true;
    I->count_unsure_what = "threading's objects (Lib/threading.py's allocations are not replayed)";
}

/* obj.<name> = v (v's reference stolen) */
static inline bool put(PyRun *I, SimId obj, const char *name, SimId v)
{
    SimId k = name_of(I, name);
    bool ok = attr_set(I, obj, k, v);
    sim_decref(S, k);
    sim_decref(S, v);
    return ok;
}

/* obj's own attribute (borrowed), 0 when it has none */
static inline SimId get(PyRun *I, SimId obj, const char *name)
{
    SimId k = name_of(I, name);
    SimId v = sim_attr_get(S, obj, k);
    sim_decref(S, k);
    return v;
}

/* threading.c: a started Thread named `name` (stolen) whose target is
 * `target` (stolen), as concurrent.futures starts its workers */
SimId threading_start_worker(PyRun *I, SimId name, SimId target);

/* threading.c: the module's built-in fn as a callable (a new reference) */
SimId thr_builtin(PyRun *I, BuiltinFn fn);
/* threading.c: del obj._target, _args, _kwargs (Thread.run's finally) */
void thr_drop_run_args(PyRun *I, SimId obj);
/* threading_funcs.c: the module's functions (BuiltinFn) */
SimId thr_current_thread(PyRun *I, SimId *a, int n, SimId kw);
SimId thr_main_thread(PyRun *I, SimId *a, int n, SimId kw);
SimId thr_get_ident(PyRun *I, SimId *a, int n, SimId kw);
SimId thr_active_count(PyRun *I, SimId *a, int n, SimId kw);
SimId thr_enumerate(PyRun *I, SimId *a, int n, SimId kw);
SimId thr_lock(PyRun *I, SimId *a, int n, SimId kw);
SimId thr_rlock(PyRun *I, SimId *a, int n, SimId kw);
/* threading_excepthook.c */
SimId eh_exc_type(PyRun *I, SimId *a, int n, SimId kw);
SimId eh_exc_value(PyRun *I, SimId *a, int n, SimId kw);
SimId eh_exc_traceback(PyRun *I, SimId *a, int n, SimId kw);
SimId eh_thread(PyRun *I, SimId *a, int n, SimId kw);
SimId eh_getitem(PyRun *I, SimId *a, int n, SimId kw);
SimId eh_len(PyRun *I, SimId *a, int n, SimId kw);
SimId eh_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId eh_default(PyRun *I, SimId *a, int n, SimId kw);
/* The module's excepthook, __excepthook__ and ExceptHookArgs in d; the
 * table's helper names taken out of it. */
void thr_excepthook_init(PyRun *I, SimId d);
/* threading_local.c */
SimId thr_local_dead(PyRun *I, SimId *a, int n, SimId kw);
void threading_local_class_made(PyRun *I, SimId cls);
void threading_locals_roots(PyRun *I, SimVisit visit, void *arg);
void threading_locals_free(PyRun *I);
/* threading_sync.c */
SimId thr_new_lock(PyRun *I, bool reentrant);
/* A Condition over lock (stolen), as threading.Condition(lock) makes it. */
SimId thr_new_condition(PyRun *I, SimId lock);
/* An Event's attributes (_cond: a Condition over a new lock; _flag) and its
 * scheduler event. */
bool thr_event_fill(PyRun *I, SimId e);
/* A blocking call must be made where the VM can switch threads. */
bool thr_can_block(PyRun *I, const char *what);
bool thr_timeout_arg(PyRun *I, SimId v, bool lock, int64_t *out);
/* pthread_self() of scheduler thread t, as threading shows it */
uint64_t thr_ident_of(int t);
SimId lock_acquire(PyRun *I, SimId *a, int n, SimId kw);
SimId lock_release(PyRun *I, SimId *a, int n, SimId kw);
SimId lock_locked(PyRun *I, SimId *a, int n, SimId kw);
SimId lock_enter(PyRun *I, SimId *a, int n, SimId kw);
SimId lock_exit(PyRun *I, SimId *a, int n, SimId kw);
SimId lock_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId ev_init(PyRun *I, SimId *a, int n, SimId kw);
SimId ev_is_set(PyRun *I, SimId *a, int n, SimId kw);
SimId ev_set(PyRun *I, SimId *a, int n, SimId kw);
SimId ev_clear(PyRun *I, SimId *a, int n, SimId kw);
SimId ev_wait(PyRun *I, SimId *a, int n, SimId kw);
SimId rlock_private(PyRun *I, SimId *a, int n, SimId kw);
SimId rlock_is_owned(PyRun *I, SimId *a, int n, SimId kw);
SimId cond_init(PyRun *I, SimId *a, int n, SimId kw);
SimId cond_wait(PyRun *I, SimId *a, int n, SimId kw);
SimId cond_notify(PyRun *I, SimId *a, int n, SimId kw);
SimId cond_notify_all(PyRun *I, SimId *a, int n, SimId kw);
SimId cond_enter(PyRun *I, SimId *a, int n, SimId kw);
SimId cond_exit(PyRun *I, SimId *a, int n, SimId kw);
SimId cond_wait_for(PyRun *I, SimId *a, int n, SimId kw);
SimId cond_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId sem_init(PyRun *I, SimId *a, int n, SimId kw);
SimId sem_acquire(PyRun *I, SimId *a, int n, SimId kw);
SimId sem_release(PyRun *I, SimId *a, int n, SimId kw);
SimId sem_enter(PyRun *I, SimId *a, int n, SimId kw);
SimId sem_exit(PyRun *I, SimId *a, int n, SimId kw);
SimId sem_repr(PyRun *I, SimId *a, int n, SimId kw);
/* threading.c: Thread.__init__(self) with no arguments, as Timer's calls it */
SimId thr_thread_init(PyRun *I, SimId self);
/* threading_timer.c */
SimId timer_init(PyRun *I, SimId *a, int n, SimId kw);
SimId timer_cancel(PyRun *I, SimId *a, int n, SimId kw);
SimId timer_run(PyRun *I, SimId *a, int n, SimId kw);
/* threading_barrier.c */
SimId barrier_init(PyRun *I, SimId *a, int n, SimId kw);
SimId barrier_wait(PyRun *I, SimId *a, int n, SimId kw);
SimId barrier_reset(PyRun *I, SimId *a, int n, SimId kw);
SimId barrier_abort(PyRun *I, SimId *a, int n, SimId kw);
SimId barrier_parties(PyRun *I, SimId *a, int n, SimId kw);
SimId barrier_n_waiting(PyRun *I, SimId *a, int n, SimId kw);
SimId barrier_broken(PyRun *I, SimId *a, int n, SimId kw);
SimId barrier_repr(PyRun *I, SimId *a, int n, SimId kw);
/* threading.BrokenBarrierError(RuntimeError) */
SimId barrier_error_class(PyRun *I);

#endif
