/*
 * multiprocessing: Process and Pool with the fork start method (Linux's
 * default in 3.11-3.13), each process its own simulated heap.
 *
 * A child is a fork of pydive itself (mp_wire.c), so its heap is the
 * parent's at that moment, copied on write, and what it changes (a global
 * it increments, an object it mutates) stays in the child, as in CPython.
 * The child runs to its end when the parent starts it, and the parent takes
 * back its report: its output, results, exit code and the simulated time
 * it ran.  The model's rules where CPython's outcome depends on the OS:
 *   - output: multiprocessing flushes the parent's streams at each fork and
 *     a child's at its exit, so with stdout a file or a pipe a child's
 *     lines land where the parent started it (before what the parent
 *     prints after start()): the model writes them there.  A pool worker's
 *     lines are written when map() returns, worker by worker (CPython
 *     loses them or not depending on when terminate() kills the worker).
 *   - time: a process runs on one of the simulated machine's cores
 *     (`--cores N`, 2 by default) from its start (plus a fork, 2 ms: the
 *     processes regime's "plain fork ~1-2 ms") until its report's time;
 *     join() moves the parent's clock to its end.  A pool deals map()'s
 *     chunks (chunksize as Pool._map_async computes it) round-robin to its
 *     workers (CPython's take them as they free up), each worker a child
 *     that runs its chunks in order, its heap kept from one chunk to the
 *     next; more workers than cores share them.
 *   - a pool's workers are forked at each map() (CPython forks them at
 *     Pool()): a global the program changes between the two is seen.
 * Results and arguments of a pool cross as pickle would carry them for
 * None, bool, int, float, str, tuple, list and dict; anything else is
 * refused.  An exception in a pool's task is raised again by map() in the
 * parent (its traceback, with the worker's, refused); one that ends a
 * Process (its traceback printed by process.py) is refused, as are pid,
 * the reprs (they show pids), a Pool's async methods, a Pool or an
 * executor while threads run.  A Process may start while the main
 * thread's others run: the child is a copy of the main thread alone
 * (vs_forked), join() blocks on the simulated clock while the threads go
 * on, and a child that prints is refused then (its lines land at its exit,
 * among what the parent's threads flushed by then).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/modules/mp_int.h"
#include "pyrun/modules/native_class.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/threading_int.h"

#define S (I->sim)
#define FORK_PS MP_FORK_PS
#define IPC_PS MP_IPC_PS

enum { PS_INITIAL, PS_DONE }; /* a Process's state, in its spare word's record */

struct MpProc {
    int state;
    int exitcode;
    int64_t end;   /* simulated ps it ends at */
};
typedef struct MpProc MpProc;


PyMp *mp_state(PyRun *I)
{
    if (!I->mp)
        I->mp = xcalloc(1, sizeof *I->mp);
    return I->mp;
}

/* When a process started now, running `ps`, ends: on the first free core. */
static int64_t schedule(PyRun *I, int64_t start, int64_t ps)
{
    PyMp *m = mp_state(I);
    int n = I->ncores > 0 ? I->ncores : 2;
    if (m->ncores != n) {
        m->core_free = xrealloc(m->core_free, (size_t)n * sizeof *m->core_free);
        memset(m->core_free, 0, (size_t)n * sizeof *m->core_free);
        m->ncores = n;
    }
    int best = 0;
    for (int c = 1; c < n; c++)
        if (m->core_free[c] < m->core_free[best])
            best = c;
    int64_t at = start > m->core_free[best] ? start : m->core_free[best];
    m->core_free[best] = at + ps;
    return at + ps;
}

/* The child's refusal, or its exception, in the parent; false when either. */
bool mp_report_ok(PyRun *I, const MpReport *rep, bool raise_exc)
{
    if (rep->refused) {
        py_not_modelled(I, 0, "%s (in a child process, at its line %d)", rep->why, rep->line);
        return false;
    }
    if (rep->exc && raise_exc && rep->exc > 0) { /* Pool: the task's exception, raised again */
        py_raise(I, (ExcType)(rep->exc - 1), "%s", rep->excmsg);
        I->err_library = "multiprocessing";
        I->err_library_line = py_current_line(I);
        return false;
    }
    if (rep->exc) {
        py_not_modelled(I, 0, "an exception that ends a child process (%s; process.py prints its traceback "
                              "with multiprocessing's frames)", rep->exc > 0 ? exc_name((ExcType)(rep->exc - 1))
                                                                             : "not a built-in one");
        return false;
    }
    return true;
}

/* ---- Process ------------------------------------------------------------------ */

static MpProc *proc_of(PyRun *I, SimId self)
{
    PyMp *m = mp_state(I);
    int k = (int)sim_obj(S, self)->cap - 1;
    return k >= 0 && k < m->nprocs ? &m->procs[k] : NULL;
}

static SimId pr_init(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"group", "target", "name", "args", "kwargs"};
    SimId v[5] = {0};
    int np = bi_npos(I, n, kw) - 1;
    if (np > 5) {
        py_raise(I, EXC_TypeError, "BaseProcess.__init__() takes from 1 to 6 positional arguments but %d were given",
                 np + 1);
        return 0;
    }
    for (int i = 0; i < 5; i++)
        v[i] = i < np ? a[1 + i] : bi_kwarg(I, a, n, kw, names[i]);
    if (v[0] && v[0] != S->none)
        return py_not_modelled(I, 0, "Process(group=...) (CPython asserts it is None)"), (SimId)0;
    SimId dm = bi_kwarg(I, a, n, kw, "daemon");
    mp_unsure(I);
    PyMp *m = mp_state(I);
    char buf[160];
    SimId name;
    int count = ++m->counter; /* _process_counter: every Process takes a number */
    if (v[2] && v[2] != S->none) {
        sim_incref(S, v[2]);
        name = v[2];
    } else { /* type(self).__name__ and the number */
        snprintf(buf, sizeof buf, "%.100s-%d", sim_type_name(S, a[0]), count);
        name = sim_str(S, buf, strlen(buf));
    }
    SimId target = v[1] ? v[1] : S->none, args = v[3] ? v[3] : S->empty_tuple;
    sim_incref(S, target), sim_incref(S, args);
    SimId kwargs = v[4] ? v[4] : 0;
    if (kwargs)
        sim_incref(S, kwargs);
    m->procs = xrealloc(m->procs, (size_t)(m->nprocs + 1) * sizeof *m->procs);
    m->procs[m->nprocs] = (MpProc){PS_INITIAL, 0, 0};
    sim_obj(S, a[0])->cap = (uint32_t)++m->nprocs;
    bool ok = mp_put(I, a[0], "_target", target) && mp_put(I, a[0], "_name", name) && mp_put(I, a[0], "_args", args) &&
              mp_put(I, a[0], "_kwargs", kwargs ? kwargs : sim_dict(S));
    if (ok && dm && dm != S->none) {
        sim_incref(S, dm);
        ok = mp_put(I, a[0], "_daemonic", dm);
    }
    return ok ? bi_none(I) : 0;
}

/* BaseProcess.run: the target with its arguments */
static SimId pr_run(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId target = mp_get(I, a[0], "_target"), args = mp_get(I, a[0], "_args"), kwargs = mp_get(I, a[0], "_kwargs");
    if (!target || target == S->none)
        return bi_none(I);
    if (kwargs && sim_kind(S, kwargs) == SK_DICT && sim_obj(S, kwargs)->len)
        return py_not_modelled(I, 0, "a Process's keyword arguments (kwargs=)"), (SimId)0;
    SimId seq = args ? bi_seq_fast(I, args, NULL) : 0;
    if (!seq)
        return 0;
    SimId r = vm_call(I, target, sim_items(S, seq), (int)sim_obj(S, seq)->len);
    sim_decref(S, seq);
    return r;
}

static SimId pr_start(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    MpProc *p = proc_of(I, a[0]);
    if (!p) {
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute '_popen'", op_typename(I, a[0]));
        return 0;
    }
    if (p->state != PS_INITIAL) {
        py_raise(I, EXC_AssertionError, "cannot start a process twice");
        return 0;
    }
    if (mp_state(I)->current || mp_state(I)->current_name[0])
        return py_not_modelled(I, 0, "a process started by a child process"), (SimId)0;
    bool threads = vs_live_count(&I->vs) > 1; /* the child is the calling thread's copy alone */
    if (threads && I->vs.running != 0)
        return py_not_modelled(I, 0, "Process.start() in a thread other than the main thread"), (SimId)0;
    SimId rk = mp_name(I, "run");
    SimId run = attr_get(I, a[0], rk);
    sim_decref(S, rk);
    if (!run)
        return 0;
    SimId nm = mp_get(I, a[0], "_name");
    size_t nn = 0;
    const char *name = nm && sim_kind(S, nm) == SK_STR ? sim_str_data(S, nm, &nn) : "Process";
    char nbuf[64];
    snprintf(nbuf, sizeof nbuf, "%.*s", (int)nn, name);
    PyMp *m = mp_state(I);
    m->current = a[0];
    MpCall call = {run, NULL, 0, 0};
    MpReport rep;
    bool forked = mp_run_child(I, nbuf, &call, 1, &rep);
    m->current = 0;
    sim_decref(S, run);
    if (!forked)
        return py_not_modelled(I, 0, "a process this machine could not fork"), (SimId)0;
    p = proc_of(I, a[0]);
    if (threads && rep.out.len && !rep.refused) { /* the parent's threads may flush meanwhile */
        mp_report_fini(I, &rep);
        return py_not_modelled(I, 0, "a child process's output while the parent's threads run (its lines land "
                                     "when it exits, among what the threads print by then)"),
               (SimId)0;
    }
    mp_replay_output(I, &rep); /* the fork flushed the parent's; the child's at its exit */
    bool ok = mp_report_ok(I, &rep, false);
    int64_t ran = rep.ncalls ? rep.elapsed[0] : 0;
    p->exitcode = rep.exitcode;
    p->end = schedule(I, I->vs.now + FORK_PS, ran);
    if (!rep.refused)
        mq_apply(I, &rep, p->end - ran); /* what it took from and sent on the queues and pipes */
    p->state = PS_DONE;
    I->vs.now += FORK_PS / 10; /* the parent's side of fork(): its page tables copied */
    mp_report_fini(I, &rep);
    return ok ? bi_none(I) : 0;
}

static SimId pr_join(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId tmo = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "timeout");
    MpProc *p = proc_of(I, a[0]);
    if (!p || p->state == PS_INITIAL) {
        py_raise(I, EXC_AssertionError, "can only join a started process");
        return 0;
    }
    if (tmo && tmo != S->none)
        return py_not_modelled(I, 0, "Process.join(timeout)"), (SimId)0;
    if (I->vs.now < p->end && vs_live_count(&I->vs) > 1) { /* the other threads run meanwhile */
        if (!thr_can_block(I, "Process.join()"))
            return 0;
        vs_sleep(&I->vs, p->end - I->vs.now);
    } else if (I->vs.now < p->end) {
        I->vs.now = p->end;
    }
    return bi_none(I);
}

static SimId pr_is_alive(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    MpProc *p = proc_of(I, a[0]);
    return sim_bool(S, p && p->state == PS_DONE && I->vs.now < p->end);
}

static SimId pr_exitcode(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    MpProc *p = proc_of(I, a[0]);
    if (!p || p->state == PS_INITIAL || I->vs.now < p->end)
        return bi_none(I);
    return sim_int(S, p->exitcode);
}

static SimId pr_name(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = mp_get(I, a[0], "_name");
    if (!v)
        return py_not_modelled(I, 0, "the name of a process the model did not make"), (SimId)0;
    sim_incref(S, v);
    return v;
}

static SimId pr_daemon(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId v = mp_get(I, a[0], "_daemonic");
    return v ? (sim_incref(S, v), v) : sim_bool(S, false);
}

static SimId pr_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "a process's pid and repr (the OS's process ids)"), (SimId)0;
}

/* ---- the module ---------------------------------------------------------------- */

static SimId f_cpu_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_int(S, I->ncores > 0 ? I->ncores : 2);
}

static SimId f_current_process(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    PyMp *m = mp_state(I);
    if (m->current_name[0] && !m->current) /* a pool's worker: a Process named for it */
        return py_not_modelled(I, 0, "current_process() in a pool's worker"), (SimId)0;
    SimId p = m->current ? m->current : m->main;
    sim_incref(S, p);
    return p;
}

static SimId f_start_method(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_str(S, "fork", 4);
}

/* Names CPython has whose objects live outside every process's heap: a
 * call is refused, saying why (registry.c's .refused, .why) */
static SimId f_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "this multiprocessing function"), (SimId)0;
}

#define MP_SHARED_WHY "the model runs each child to its end: share results through a Queue, a Pipe or Pool.map"

#define F(nm, f, ...) BUILTIN(nm, 0, BM_MULTIPROCESSING, f, __VA_ARGS__)
#define M(nm, f, ...) BUILTIN(nm, SK_INSTANCE, BM_MULTIPROCESSING, f, __VA_ARGS__)

const BuiltinDef multiprocessing_functions[] = {
    F("cpu_count", f_cpu_count, .style = ARGS_NONE),
    F("current_process", f_current_process, .style = ARGS_NONE),
    F("get_start_method", f_start_method, .kw = "allow_none"),
    F("Manager", f_refused, .refused = true,
      .why = "objects a server process shares; " MP_SHARED_WHY),
    F("Value", f_refused, .refused = true, .why = "memory processes share; " MP_SHARED_WHY),
    F("Array", f_refused, .refused = true, .why = "memory processes share; " MP_SHARED_WHY),
    M("__init__", pr_init, .kw = "*"),
    M("start", pr_start),
    M("join", pr_join, .kw = "timeout"),
    M("is_alive", pr_is_alive),
    M("run", pr_run),
    M("__repr__", pr_refused),
    F("_mp_name", pr_name, .style = ARGS_ONE),     /* properties: taken out of the module's dict */
    F("_mp_daemon", pr_daemon, .style = ARGS_ONE),
    F("_mp_exitcode", pr_exitcode, .style = ARGS_ONE),
    F("_mp_pid", pr_refused, .style = ARGS_ONE),
    M("__init__", po_init, .kw = "*"),
    M("map", po_map, .kw = "*"),
    M("starmap", po_starmap, .kw = "*"),
    M("apply", po_apply, .kw = "*"),
    M("close", po_close),
    M("terminate", po_terminate),
    M("join", po_join),
    M("__enter__", po_enter),
    M("__exit__", po_exit, .kw = "*"),
    M("map_async", po_refused, .kw = "*"),
    M("__repr__", pr_refused),
    M("__init__", mq_queue, .kw = "maxsize"), /* Queue, SimpleQueue, Pipe's Connection (mp_queue.c) */
    M("put", mq_put, .kw = "obj block timeout"),
    M("put_nowait", mq_put_nowait),
    M("get", mq_get, .kw = "block timeout"),
    M("get_nowait", mq_get_nowait),
    M("qsize", mq_qsize),
    M("empty", mq_empty),
    M("full", mq_full),
    M("close", mq_close),
    M("join_thread", mq_join_thread),
    M("cancel_join_thread", mq_join_thread),
    M("__repr__", mq_refused),
    M("__init__", mq_joinable_queue, .kw = "maxsize"), /* JoinableQueue (mp_joinq.c) */
    M("task_done", mq_task_done),
    M("join", mq_join),
    M("__init__", mq_simple_queue),
    M("send", mc_send),
    M("recv", mc_recv),
    M("poll", mc_poll, .kw = "timeout"),
    M("close", mc_close),
    F("Pipe", mq_pipe, .kw = "duplex"),
    M("__init__", ex_init, .kw = "*"), /* concurrent.futures.ProcessPoolExecutor's (mp_exec.c) */
    M("submit", ex_submit, .kw = "*"),
    M("map", ex_map, .kw = "*"),
    M("shutdown", ex_shutdown, .kw = "wait cancel_futures"),
    M("__enter__", ex_enter),
    M("__exit__", ex_exit, .kw = "*"),
};
const int multiprocessing_nfunctions = (int)(sizeof multiprocessing_functions / sizeof multiprocessing_functions[0]);

static SimId method(PyRun *I, BuiltinFn fn)
{
    return nc_method(I, multiprocessing_functions, multiprocessing_nfunctions, fn);
}

SimId mp_class(PyRun *I, const char *module, const char *name, const char *const *mnames, const BuiltinFn *fns,
               int nm)
{
    return nc_class(I, module, name, 0, mnames, fns, nm, NC_DICT | NC_WEAK, method);
}

static void put_property(PyRun *I, SimId cls, const char *name, BuiltinFn getter)
{
    bi_dict_put(I, SIM_V(S, cls, SK_TYPE, type.dict), name, sim_property(S, method(I, getter), 0, 0, 0));
}

void multiprocessing_module_init(PyRun *I, SimId d)
{
    PyMp *m = mp_state(I);
    static const char *const pn[] = {"__init__", "start", "join", "is_alive", "run", "__repr__"};
    static const BuiltinFn pf[] = {pr_init, pr_start, pr_join, pr_is_alive, pr_run, pr_refused};
    static const char *const qn[] = {"__init__", "map", "starmap", "apply", "close", "terminate", "join",
                                     "__enter__", "__exit__", "map_async", "apply_async", "imap",
                                     "imap_unordered", "__repr__"};
    static const BuiltinFn qf[] = {po_init, po_map, po_starmap, po_apply, po_close, po_terminate, po_join,
                                   po_enter, po_exit, po_refused, po_refused, po_refused, po_refused, pr_refused};
    m->cls_process = mp_class(I, "multiprocessing.context", "Process", pn, pf, 6);
    put_property(I, m->cls_process, "name", pr_name);
    put_property(I, m->cls_process, "daemon", pr_daemon);
    put_property(I, m->cls_process, "exitcode", pr_exitcode);
    put_property(I, m->cls_process, "pid", pr_refused);
    m->cls_pool = mp_class(I, "multiprocessing.pool", "Pool", qn, qf, 14);
    SimId main = vm_new_instance(I, m->cls_process, NULL, 0, false);
    mp_put(I, main, "_name", sim_str(S, "MainProcess", 11));
    m->main = main;
    sim_incref(S, m->cls_process);
    bi_dict_put(I, d, "Process", m->cls_process);
    sim_incref(S, m->cls_pool);
    bi_dict_put(I, d, "Pool", m->cls_pool);
    static const char *const qn2[] = {"__init__", "put", "put_nowait", "get", "get_nowait", "qsize", "empty", "full",
                                      "close", "join_thread", "cancel_join_thread", "__repr__"};
    static const BuiltinFn qf2[] = {mq_queue, mq_put, mq_put_nowait, mq_get, mq_get_nowait, mq_qsize, mq_empty,
                                    mq_full, mq_close, mq_join_thread, mq_join_thread, mq_refused};
    m->cls_queue = mp_class(I, "multiprocessing.queues", "Queue", qn2, qf2, 12);
    static const char *const jn[] = {"__init__", "put", "put_nowait", "get", "get_nowait", "qsize", "empty", "full",
                                     "close", "join_thread", "cancel_join_thread", "__repr__", "task_done", "join"};
    static const BuiltinFn jf[] = {mq_joinable_queue, mq_put, mq_put_nowait, mq_get, mq_get_nowait, mq_qsize,
                                   mq_empty, mq_full, mq_close, mq_join_thread, mq_join_thread, mq_refused,
                                   mq_task_done, mq_join};
    m->cls_joinq = mp_class(I, "multiprocessing.queues", "JoinableQueue", jn, jf, 14);
    sim_incref(S, m->cls_joinq);
    bi_dict_put(I, d, "JoinableQueue", m->cls_joinq);
    static const char *const sn[] = {"__init__", "put", "get", "empty", "close", "__repr__"};
    static const BuiltinFn sf[] = {mq_simple_queue, mq_put, mq_get, mq_empty, mq_close, mq_refused};
    m->cls_simpleq = mp_class(I, "multiprocessing.queues", "SimpleQueue", sn, sf, 6);
    static const char *const cn[] = {"send", "recv", "poll", "close", "__repr__"};
    static const BuiltinFn cf[] = {mc_send, mc_recv, mc_poll, mc_close, mq_refused};
    m->cls_conn = mp_class(I, "multiprocessing.connection", "Connection", cn, cf, 5);
    sim_incref(S, m->cls_queue);
    bi_dict_put(I, d, "Queue", m->cls_queue);
    sim_incref(S, m->cls_simpleq);
    bi_dict_put(I, d, "SimpleQueue", m->cls_simpleq);
    static const char *const hidden[] = {"_mp_name", "_mp_daemon", "_mp_exitcode", "_mp_pid"};
    for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
        SimId k = mp_name(I, hidden[i]);
        sim_dict_del(S, d, k);
        sim_decref(S, k);
    }
}

void multiprocessing_on_import(PyRun *I)
{
    mp_unsure(I);
}

void multiprocessing_roots(PyRun *I, SimVisit visit, void *arg)
{
    PyMp *m = I->mp;
    if (!m)
        return;
    mq_roots(I, visit, arg);
    SimId own[] = {m->cls_process, m->cls_pool, m->main, m->cls_executor, m->cls_queue, m->cls_simpleq, m->cls_conn,
                  m->cls_joinq};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (own[i])
            visit(S, own[i], arg);
}

void multiprocessing_free(PyRun *I)
{
    if (!I->mp)
        return;
    mq_free(I);
    free(I->mp->core_free);
    free(I->mp->procs);
    for (int i = 0; i < I->mp->nexecs; i++)
        free(I->mp->execs[i].busy);
    free(I->mp->execs);
    free(I->mp->live_pools);
    free(I->mp);
    I->mp = NULL;
}
