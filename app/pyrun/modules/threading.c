/*
 * threading: a first subset of the module on the VM's threads (vm_threads.c,
 * sim/vmsched.h): Thread (target, args, kwargs, name, daemon; start, join,
 * is_alive, run, name, ident, daemon, a subclass's own run), Lock and RLock
 * (acquire with blocking and timeout, release, locked, with), Event (set,
 * clear, is_set, wait), Condition, Semaphore and BoundedSemaphore, current_thread, get_ident, active_count, enumerate,
 * main_thread.
 *
 * In CPython Lib/threading.py is Python over _thread: a Thread is an
 * instance of a Python class whose __dict__ holds CPython's attributes in
 * CPython's order (_target, _name, _args, _kwargs, _daemonic, _ident ...),
 * its _started an Event whose _cond is a Condition over a lock, with that
 * lock's bound acquire and release and a deque of waiters: the model makes
 * those objects (sizes and refcounts as CPython's), with None standing for
 * the values it does not make (_stderr, _invoke_excepthook, 3.13's _handle).
 * What threading's Python code allocates besides is not replayed, so the
 * young count and the next collection's result are unsure (refused) after
 * it.  A lock is an object of the class _thread.lock (56 bytes; RLock 64)
 * whose scheduler lock is its number in the object's spare word (cap), as
 * are a Thread's scheduler thread and an Event's event.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pyrun/modules/collections.h"
#include "pyrun/modules/native_class.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/threading_int.h"

/* del obj.<name> for each name (Thread.run's finally) */
void thr_drop_run_args(PyRun *I, SimId obj)
{
    static const char *const names[] = {"_target", "_args", "_kwargs"};
    for (int i = 0; i < 3; i++) {
        SimId k = name_of(I, names[i]);
        if (sim_attr_get(S, obj, k))
            attr_del(I, obj, k);
        sim_decref(S, k);
    }
}

/* ---- threads ----------------------------------------------------------------- */

/* Scheduler thread t's Thread object (t < 0: none) */
SimId threading_obj(PyRun *I, int t)
{
    PyThreading *s = I->threading;
    return s && t >= 0 && t < s->nobjs ? s->objs[t] : 0;
}

static void set_obj(PyRun *I, int t, SimId obj)
{
    PyThreading *s = st(I);
    if (t >= s->nobjs) {
        s->objs = xrealloc(s->objs, (size_t)(t + 1) * sizeof *s->objs);
        memset(s->objs + s->nobjs, 0, (size_t)(t + 1 - s->nobjs) * sizeof *s->objs);
        s->nobjs = t + 1;
    }
    s->objs[t] = obj;
}

static bool v313(PyRun *I)
{
    return S->prof->version >= SIM_V313;
}

/* Thread.__init__'s attributes, in CPython's order */
static bool thread_fill(PyRun *I, SimId self, SimId target, SimId name, SimId args, SimId kwargs, bool daemon)
{
    SimId ev = vm_new_instance(I, st(I)->cls[THC_EVENT], NULL, 0, false);
    if (!ev || !thr_event_fill(I, ev))
        return false;
    sim_incref(S, target), sim_incref(S, args);
    if (kwargs)
        sim_incref(S, kwargs);
    bool ok = put(I, self, "_target", target) && put(I, self, "_name", name) && put(I, self, "_args", args) &&
              put(I, self, "_kwargs", kwargs ? kwargs : sim_dict(S)) &&
              put(I, self, "_daemonic", sim_bool(S, daemon)) && put(I, self, "_ident", bi_none(I)) &&
              put(I, self, "_native_id", bi_none(I)) &&
              put(I, self, v313(I) ? "_handle" : "_tstate_lock", bi_none(I)) && put(I, self, "_started", ev);
    if (ok && !v313(I))
        ok = put(I, self, "_is_stopped", sim_bool(S, false));
    return ok && put(I, self, "_initialized", sim_bool(S, true)) && put(I, self, "_stderr", bi_none(I)) &&
           put(I, self, "_invoke_excepthook", bi_none(I));
}

static SimId th_init(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"group", "target", "name", "args", "kwargs"};
    SimId v[5] = {0};
    int np = bi_npos(I, n, kw) - 1;
    if (np > 5) {
        py_raise(I, EXC_TypeError, "Thread.__init__() takes from 1 to 6 positional arguments but %d were given", np + 1);
        return 0;
    }
    for (int i = 0; i < 5; i++)
        v[i] = i < np ? a[1 + i] : bi_kwarg(I, a, n, kw, names[i]);
    SimId dm = bi_kwarg(I, a, n, kw, "daemon");
    if (v[0] && v[0] != S->none)
        return py_not_modelled(I, 0, "Thread(group=...) (CPython asserts it is None)"), (SimId)0;
    SimId target = v[1] && v[1] != S->none ? v[1] : S->none;
    unsure(I);
    SimId name;
    if (v[2] && v[2] != S->none) {
        Buf b = {0};
        if (!op_str(I, v[2], &b)) {
            buf_fini(&b);
            return 0;
        }
        name = sim_str(S, buf_str(&b), b.len);
        buf_fini(&b);
    } else {
        char buf[160];
        int k = ++st(I)->counter;
        int len = snprintf(buf, sizeof buf, "Thread-%d", k);
        SimKind tk = sim_kind(S, target);
        SimId fn = tk == SK_METHOD ? SIM_V(S, target, SK_METHOD, method.func) : target;
        size_t nn = 0;
        const char *d = NULL;
        if (sim_kind(S, fn) == SK_FUNC) { /* 3.10+: the target's __name__ */
            SimId tn = sim_items(S, fn)[SIM_FN_FUNCNAME];
            if (!tn)
                tn = I->codes[SIM_V(S, fn, SK_FUNC, func.code)].name;
            if (tn && sim_kind(S, tn) == SK_STR)
                d = sim_str_data(S, tn, &nn);
        } else if (tk == SK_BUILTIN) {
            d = bi_def(SIM_V(S, target, SK_BUILTIN, builtin.index))->name;
            nn = strlen(d);
        } else if (tk == SK_TYPE) { /* its __name__: a class's, or tp_name after its last dot */
            SimId tn = sim_obj(S, target)->sub == SK_INSTANCE ? sim_items(S, target)[0] : 0;
            const char *tp = tn ? NULL : sim_type_obj_name(S, target), *dot = tp ? strrchr(tp, '.') : NULL;
            d = tn && sim_kind(S, tn) == SK_STR ? sim_str_data(S, tn, &nn) : dot ? dot + 1 : tp;
            nn = tn ? nn : d ? strlen(d) : 0;
        }
        if (d)
            len += snprintf(buf + len, sizeof buf - (size_t)len, " (%.*s)", (int)(nn > 100 ? 100 : nn), d);
        name = sim_str(S, buf, (size_t)(len < (int)sizeof buf ? len : (int)sizeof buf - 1));
    }
    SimId args = v[3] ? v[3] : S->empty_tuple;
    bool daemon;
    if (dm && dm != S->none) {
        int b = op_truth(I, dm);
        if (b < 0)
            return 0;
        daemon = b;
    } else {
        SimId cur = threading_obj(I, I->vs.running);
        daemon = cur && I->vs.running > 0 && I->vs.thr[I->vs.running].daemon;
    }
    SimId kwargs = v[4] && v[4] != S->none ? v[4] : 0;
    return thread_fill(I, a[0], target, name, args, kwargs, daemon) ? bi_none(I) : 0;
}

SimId thr_thread_init(PyRun *I, SimId self)
{
    return th_init(I, &self, 1, 0);
}

static int thread_id(PyRun *I, SimId self)
{
    return word(I, self);
}

static bool initialized(PyRun *I, SimId self)
{
    if (get(I, self, "_initialized"))
        return true;
    py_raise(I, EXC_RuntimeError, "thread.__init__() not called");
    return false;
}

static bool start(PyRun *I, SimId self);

static SimId th_start(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId self = a[0];
    if (!initialized(I, self))
        return 0;
    if (thread_id(I, self) >= 0) {
        py_raise(I, EXC_RuntimeError, "threads can only be started once");
        return 0;
    }
    if (!thr_can_block(I, "Thread.start()")) /* it waits for the new thread's _started */
        return 0;
    return start(I, self) ? bi_none(I) : 0;
}

SimId threading_start_worker(PyRun *I, SimId name, SimId target)
{
    SimId t = vm_new_instance(I, st(I)->cls[THC_THREAD], NULL, 0, false);
    bool ok = t && thread_fill(I, t, target, name, S->empty_tuple, 0, false);
    sim_decref(S, target);
    if (!ok || !start(I, t)) {
        sim_xdecref(S, t);
        return 0;
    }
    return t;
}

/* Thread.start() once checked: a scheduler thread; the caller waits for it
 * to run (unless it already waits: several starts inside one call from C) */
static bool start(PyRun *I, SimId self)
{
    SimId dm = get(I, self, "_daemonic");
    int t = vs_spawn(&I->vs, dm == S->true_);
    vm_threads_spawned(I);
    set_word(I, self, t);
    sim_incref(S, self);
    set_obj(I, t, self); /* threading._active */
    while (I->nthreads <= t) {
        I->threads = xrealloc(I->threads, (size_t)(I->nthreads + 1) * sizeof *I->threads);
        I->threads[I->nthreads] = py_thread_new(I->nthreads);
        I->nthreads++;
    }
    unsure(I);
    if (!put(I, self, "_ident", sim_int(S, (int64_t)thr_ident_of(t))))
        return false;
    if (I->vs.thr[I->vs.running].state == VS_RUN)
        vs_wait_started(&I->vs, t);
    return true;
}

static SimId th_join(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId self = a[0], tmo = bi_kwarg(I, a, n, kw, "timeout");
    if (bi_npos(I, n, kw) > 1)
        tmo = a[1];
    if (!initialized(I, self))
        return 0;
    int t = thread_id(I, self);
    if (t < 0) {
        py_raise(I, EXC_RuntimeError, "cannot join thread before it is started");
        return 0;
    }
    if (t == I->vs.running) {
        py_raise(I, EXC_RuntimeError, "cannot join current thread");
        return 0;
    }
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, false, &timeout))
        return 0;
    if (!vs_alive(&I->vs, t) || timeout == 0)
        return bi_none(I);
    if (!thr_can_block(I, "Thread.join()"))
        return 0;
    vs_wait_join(&I->vs, t, timeout < 0 ? -1 : timeout);
    return bi_none(I);
}

static SimId th_is_alive(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!initialized(I, a[0]))
        return 0;
    int t = thread_id(I, a[0]);
    return sim_bool(S, t >= 0 && vs_alive(&I->vs, t));
}

/* Thread.run: the target with its arguments; the VM runs it as the new
 * thread's first frame (vm_threads.c), so this is only a call by the program */
static SimId th_run(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId target = get(I, a[0], "_target");
    if (!target || target == S->none) {
        thr_drop_run_args(I, a[0]);
        return bi_none(I);
    }
    SimId args = get(I, a[0], "_args"), kwargs = get(I, a[0], "_kwargs");
    if (kwargs && sim_kind(S, kwargs) == SK_DICT && sim_obj(S, kwargs)->len)
        return py_not_modelled(I, 0, "Thread.run() called by the program with keyword arguments"), (SimId)0;
    if (!args || sim_kind(S, args) != SK_TUPLE)
        return py_not_modelled(I, 0, "Thread.run() called by the program with args that are not a tuple"),
               (SimId)0;
    SimId r = vm_call(I, target, sim_items(S, args), (int)sim_obj(S, args)->len);
    if (r)
        thr_drop_run_args(I, a[0]);
    return r;
}

static SimId th_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId self = a[0];
    if (!initialized(I, self))
        return 0;
    int t = thread_id(I, self);
    const char *status = t < 0 ? "initial" : vs_alive(&I->vs, t) ? "started" : "stopped";
    SimId name = get(I, self, "_name");
    size_t nn = 0;
    const char *d = name && sim_kind(S, name) == SK_STR ? sim_str_data(S, name, &nn) : "";
    Buf b = {0};
    buf_printf(&b, "<%s(%.*s, %s", sim_type_name(S, self), (int)nn, d, status);
    if (get(I, self, "_daemonic") == S->true_)
        buf_adds(&b, " daemon");
    if (t >= 0)
        buf_printf(&b, " %llu", (unsigned long long)thr_ident_of(t));
    buf_adds(&b, ")>");
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

static SimId th_name(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = get(I, a[0], "_name");
    if (!v)
        return initialized(I, a[0]), (SimId)0;
    sim_incref(S, v);
    return v;
}

static SimId th_ident(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = get(I, a[0], "_ident");
    if (!v)
        return initialized(I, a[0]), (SimId)0;
    sim_incref(S, v);
    return v;
}

static SimId th_daemon(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = get(I, a[0], "_daemonic");
    if (!v)
        return initialized(I, a[0]), (SimId)0;
    sim_incref(S, v);
    return v;
}

void threading_thread_ended(PyRun *I, int t, bool own_run)
{
    SimId obj = threading_obj(I, t);
    if (!obj)
        return;
    if (own_run)
        thr_drop_run_args(I, obj);
    if (!v313(I))
        put(I, obj, "_is_stopped", sim_bool(S, true));
    threading_locals_thread_ended(I, t);
    I->threading->objs[t] = 0;
    sim_decref(S, obj); /* out of threading._active */
}

SimId threading_boot_call(PyRun *I, int t, SimId **args, int *nargs, SimId *kwnames, bool *own_run)
{
    SimId obj = threading_obj(I, t);
    *args = NULL, *nargs = 0, *kwnames = 0, *own_run = false;
    if (!obj)
        return 0;
    SimId run = sim_type_lookup(S, sim_obj(S, obj)->type, "run");
    bool own = run && sim_kind(S, run) == SK_BUILTIN && bi_def(SIM_V(S, run, SK_BUILTIN, builtin.index))->fn == th_run;
    if (!own) { /* a subclass's run(self) */
        *args = xmalloc(sizeof **args);
        sim_incref(S, obj);
        (*args)[0] = obj;
        *nargs = 1;
        sim_incref(S, run);
        return run;
    }
    *own_run = true;
    SimId target = get(I, obj, "_target"), targs = get(I, obj, "_args"), kwargs = get(I, obj, "_kwargs");
    if (!target || target == S->none)
        return 0;
    SimId seq = targs ? bi_seq_fast(I, targs, NULL) : 0;
    if (targs && !seq)
        return 0;
    uint32_t np = seq ? sim_obj(S, seq)->len : 0;
    uint32_t nk = kwargs && sim_kind(S, kwargs) == SK_DICT ? sim_obj(S, kwargs)->len : 0;
    *args = xmalloc((np + nk + 1) * sizeof **args);
    for (uint32_t i = 0; i < np; i++) {
        (*args)[i] = sim_items(S, seq)[i];
        sim_incref(S, (*args)[i]);
    }
    sim_xdecref(S, seq);
    if (nk) {
        SimId keys = sim_tuple(S, nk);
        SimId k, v;
        uint32_t pos = 0;
        for (uint32_t i = 0; sim_dict_next(S, kwargs, &pos, &k, &v); i++) {
            sim_incref(S, k), sim_incref(S, v);
            sim_tuple_set(S, keys, i, k);
            (*args)[np + i] = v;
        }
        *kwnames = keys;
    }
    *nargs = (int)(np + nk);
    sim_incref(S, target);
    return target;
}

#define F(nm, f, ...) BUILTIN(nm, 0, BM_THREADING, f, __VA_ARGS__)
#define M(nm, f, ...) BUILTIN(nm, SK_INSTANCE, BM_THREADING, f, __VA_ARGS__)

const BuiltinDef threading_functions[] = {
    F("current_thread", thr_current_thread, .style = ARGS_NONE),
    F("main_thread", thr_main_thread, .style = ARGS_NONE),
    F("get_ident", thr_get_ident, .style = ARGS_NONE),
    F("active_count", thr_active_count, .style = ARGS_NONE),
    F("enumerate", thr_enumerate, .style = ARGS_NONE),
    F("Lock", thr_lock, .style = ARGS_NONE),
    F("RLock", thr_rlock, .kw = "*"),
    M("__init__", th_init, .kw = "*"),
    M("start", th_start),
    M("join", th_join, .kw = "timeout"),
    M("is_alive", th_is_alive),
    M("run", th_run),
    M("__repr__", th_repr),
    F("name", th_name, .style = ARGS_ONE),
    F("ident", th_ident, .style = ARGS_ONE),
    F("daemon", th_daemon, .style = ARGS_ONE),
    M("acquire", lock_acquire, .kw = "blocking timeout"),
    M("release", lock_release),
    M("locked", lock_locked),
    M("__enter__", lock_enter, .kw = "*"),
    M("__exit__", lock_exit, .kw = "*"),
    M("__repr__", lock_repr),
    M("__init__", ev_init),
    M("is_set", ev_is_set),
    M("set", ev_set),
    M("clear", ev_clear),
    M("wait", ev_wait, .kw = "timeout"),
    M("_release_save", rlock_private),
    M("_acquire_restore", rlock_private),
    M("_is_owned", rlock_is_owned),
    M("__init__", cond_init, .kw = "lock"),
    M("wait", cond_wait, .kw = "timeout"),
    M("notify", cond_notify, .kw = "n"),
    M("notify_all", cond_notify_all),
    M("__enter__", cond_enter, .kw = "*"),
    M("__exit__", cond_exit, .kw = "*"),
    M("wait_for", cond_wait_for, .kw = "*"),
    M("__repr__", cond_repr),
    M("__init__", sem_init, .kw = "value"),
    M("acquire", sem_acquire, .kw = "blocking timeout"),
    M("release", sem_release, .kw = "n"),
    M("__enter__", sem_enter, .kw = "*"),
    M("__exit__", sem_exit, .kw = "*"),
    M("__repr__", sem_repr),
    M("__init__", timer_init, .kw = "*"),
    M("cancel", timer_cancel),
    M("run", timer_run),
    F("_localdummy_destroyed", thr_local_dead, .style = ARGS_ONE), /* taken out of the module's dict */
    F("_excepthook", eh_default, .style = ARGS_ONE),            /* as excepthook and __excepthook__ */
    F("exc_type", eh_exc_type, .style = ARGS_ONE),              /* _ExceptHookArgs' fields: taken out */
    F("exc_value", eh_exc_value, .style = ARGS_ONE),
    F("exc_traceback", eh_exc_traceback, .style = ARGS_ONE),
    F("thread", eh_thread, .style = ARGS_ONE),
    M("__getitem__", eh_getitem),
    M("__len__", eh_len),
    M("__repr__", eh_repr),
    M("__init__", barrier_init, .kw = "*"),
    M("wait", barrier_wait, .kw = "timeout"),
    M("reset", barrier_reset),
    M("abort", barrier_abort),
    M("__repr__", barrier_repr),
    F("parties", barrier_parties, .style = ARGS_ONE),
    F("n_waiting", barrier_n_waiting, .style = ARGS_ONE),
    F("broken", barrier_broken, .style = ARGS_ONE),
};
const int threading_nfunctions = (int)(sizeof threading_functions / sizeof threading_functions[0]);

/* ---- the classes --------------------------------------------------------------- */

static SimId method(PyRun *I, BuiltinFn fn)
{
    return nc_method(I, threading_functions, threading_nfunctions, fn);
}

typedef struct ClassSpec {
    const char *module, *name;
    BuiltinFn methods[8];
    const char *mnames[8];
    int basicsize;  /* 0: a Python class's (with __dict__); else tp_basicsize less the GC
                     * header sys.getsizeof adds for the model's instances (lock: 56, RLock: 64) */
} ClassSpec;

static SimId make_class(PyRun *I, const ClassSpec *c, SimId base)
{
    int n = 0;
    while (n < 8 && c->methods[n])
        n++;
    int flags = (!c->basicsize && !base ? NC_DICT : 0) | (!base ? NC_WEAK : 0);
    SimId cls = nc_class(I, c->module, c->name, base, c->mnames, c->methods, n, flags, method);
    if (sim_obj(S, cls)->data && c->basicsize) /* the header sys.getsizeof adds: 16 bytes in 3.11, 32 from 3.12 */
        sim_items(S, cls)[SIM_TY_BASICSIZE] = (uint32_t)(c->basicsize - (S->prof->version == SIM_V311 ? 0 : 16));
    return cls;
}

SimId thr_builtin(PyRun *I, BuiltinFn fn)
{
    return method(I, fn);
}

static void put_property(PyRun *I, SimId cls, const char *name, BuiltinFn getter)
{
    bi_dict_put(I, SIM_V(S, cls, SK_TYPE, type.dict), name, sim_property(S, method(I, getter), 0, 0, 0));
}

/* The main thread's Thread object (threading._main_thread) */
static void make_main(PyRun *I)
{
    PyThreading *t = st(I);
    SimId m = vm_new_instance(I, t->cls[THC_MAIN], NULL, 0, false);
    thread_fill(I, m, S->none, name_of(I, "MainThread"), S->empty_tuple, 0, false);
    put(I, m, "_ident", sim_int(S, (int64_t)thr_ident_of(0)));
    set_word(I, m, 0);
    set_obj(I, 0, m);
}

void threading_module_init(PyRun *I, SimId d)
{
    PyThreading *t = st(I);
    CollQuiet q;
    coll_quiet_begin(I, &q);
    static const ClassSpec thread = {"threading", "Thread",
                                     {th_init, th_start, th_join, th_is_alive, th_run, th_repr},
                                     {"__init__", "start", "join", "is_alive", "run", "__repr__"}, 0};
    static const ClassSpec lock = {"_thread", "lock",
                                   {lock_acquire, lock_release, lock_locked, lock_enter, lock_exit, lock_repr},
                                   {"acquire", "release", "locked", "__enter__", "__exit__", "__repr__"}, 40};
    static const ClassSpec rlock = {"_thread", "RLock",
                                    {lock_acquire, lock_release, lock_enter, lock_exit, lock_repr, rlock_is_owned,
                                     rlock_private, rlock_private},
                                    {"acquire", "release", "__enter__", "__exit__", "__repr__", "_is_owned",
                                     "_release_save", "_acquire_restore"}, 48};
    static const ClassSpec event = {"threading", "Event", {ev_init, ev_is_set, ev_set, ev_clear, ev_wait},
                                    {"__init__", "is_set", "set", "clear", "wait"}, 0};
    static const ClassSpec cond = {"threading", "Condition",
                                   {cond_init, cond_wait, cond_notify, cond_notify_all, cond_enter, cond_exit,
                                    cond_wait_for, cond_repr},
                                   {"__init__", "wait", "notify", "notify_all", "__enter__", "__exit__", "wait_for",
                                    "__repr__"}, 0};
    static const ClassSpec sem = {"threading", "Semaphore",
                                  {sem_init, sem_acquire, sem_release, sem_enter, sem_exit, sem_repr},
                                  {"__init__", "acquire", "release", "__enter__", "__exit__", "__repr__"}, 0};
    static const ClassSpec bsem = {"threading", "BoundedSemaphore", {0}, {0}, 0};
    static const ClassSpec local = {"_thread", "_local", {0}, {0}, 0};
    static const ClassSpec ehargs = {"_thread", "_ExceptHookArgs", {eh_getitem, eh_len, eh_repr},
                                     {"__getitem__", "__len__", "__repr__"}, 0};
    static const ClassSpec mainth = {"threading", "_MainThread", {0}, {0}, 0};
    static const ClassSpec timer = {"threading", "Timer", {timer_init, timer_cancel, timer_run},
                                    {"__init__", "cancel", "run"}, 0};
    static const ClassSpec barrier = {"threading", "Barrier",
                                      {barrier_init, barrier_wait, barrier_reset, barrier_abort, barrier_repr},
                                      {"__init__", "wait", "reset", "abort", "__repr__"}, 0};
    t->cls[THC_THREAD] = make_class(I, &thread, 0);
    put_property(I, t->cls[THC_THREAD], "name", th_name);
    put_property(I, t->cls[THC_THREAD], "ident", th_ident);
    put_property(I, t->cls[THC_THREAD], "daemon", th_daemon);
    t->cls[THC_MAIN] = make_class(I, &mainth, t->cls[THC_THREAD]);
    t->cls[THC_TIMER] = make_class(I, &timer, t->cls[THC_THREAD]);
    t->cls[THC_BARRIER] = make_class(I, &barrier, 0);
    put_property(I, t->cls[THC_BARRIER], "parties", barrier_parties);
    put_property(I, t->cls[THC_BARRIER], "n_waiting", barrier_n_waiting);
    put_property(I, t->cls[THC_BARRIER], "broken", barrier_broken);
    t->cls[THC_BROKEN] = barrier_error_class(I);
    t->cls[THC_LOCK] = make_class(I, &lock, 0);
    t->cls[THC_RLOCK] = make_class(I, &rlock, 0);
    t->cls[THC_EVENT] = make_class(I, &event, 0);
    t->cls[THC_COND] = make_class(I, &cond, 0);
    t->cls[THC_SEM] = make_class(I, &sem, 0);
    t->cls[THC_BSEM] = make_class(I, &bsem, t->cls[THC_SEM]);
    t->cls[THC_LOCAL] = make_class(I, &local, 0);
    t->cls[THC_EHARGS] = make_class(I, &ehargs, 0); /* its fields: thr_excepthook_init */
    threading_local_class_made(I, t->cls[THC_LOCAL]);
    make_main(I);
    coll_quiet_end(I, &q);
    sim_incref(S, t->cls[THC_THREAD]);
    bi_dict_put(I, d, "Thread", t->cls[THC_THREAD]);
    sim_incref(S, t->cls[THC_EVENT]);
    bi_dict_put(I, d, "Event", t->cls[THC_EVENT]);
    sim_incref(S, t->cls[THC_COND]);
    bi_dict_put(I, d, "Condition", t->cls[THC_COND]);
    sim_incref(S, t->cls[THC_SEM]);
    bi_dict_put(I, d, "Semaphore", t->cls[THC_SEM]);
    sim_incref(S, t->cls[THC_BSEM]);
    bi_dict_put(I, d, "BoundedSemaphore", t->cls[THC_BSEM]);
    sim_incref(S, t->cls[THC_TIMER]);
    bi_dict_put(I, d, "Timer", t->cls[THC_TIMER]);
    sim_incref(S, t->cls[THC_BARRIER]);
    bi_dict_put(I, d, "Barrier", t->cls[THC_BARRIER]);
    sim_incref(S, t->cls[THC_BROKEN]);
    bi_dict_put(I, d, "BrokenBarrierError", t->cls[THC_BROKEN]);
    sim_incref(S, t->cls[THC_LOCAL]);
    bi_dict_put(I, d, "local", t->cls[THC_LOCAL]);
    thr_excepthook_init(I, d);
}

void threading_on_import(PyRun *I)
{
    std_import(I, STD_THREADING);
}

bool threading_owns(PyRun *I, SimId cls)
{
    for (int i = 0; I->threading && i < THC_COUNT; i++)
        if (I->threading->cls[i] == cls)
            return true;
    return false;
}

void threading_roots(PyRun *I, SimVisit visit, void *arg)
{
    PyThreading *t = I->threading;
    if (!t)
        return;
    for (int i = 0; i < THC_COUNT; i++)
        if (t->cls[i])
            visit(S, t->cls[i], arg);
    for (int i = 0; i < t->nobjs; i++)
        if (t->objs[i])
            visit(S, t->objs[i], arg);
    threading_locals_roots(I, visit, arg);
}

void threading_free(PyRun *I)
{
    if (!I->threading)
        return;
    threading_locals_free(I);
    free(I->threading->objs);
    free(I->threading);
    I->threading = NULL;
}
