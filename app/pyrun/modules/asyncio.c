/*
 * asyncio: learners' asyncio programs on the simulated event loop
 * (asyncio_loop.c): run, sleep, create_task, gather, wait_for,
 * current_task, get_running_loop, the Task and Future objects, the
 * exceptions; Queue, Event, Lock and Semaphore are asyncio_sync.c's.
 *
 * In CPython Task and Future are C objects of _asyncio (no __dict__):
 * sys.getsizeof gives their size per profile, measured on the interpreters
 * (Task 192, 192, 176; Future 144, 144, 136); their reference counts are
 * the loop's business and are refused.  `import asyncio` imports dozens of
 * modules: the collector's counts, a collection's result and the
 * allocator's figures are refused after it.  asyncio.run() runs as CPython's
 * Runner does: the main task (Task-1 for the first), then the tasks left
 * are cancelled and run to their end, then the two shutdown coroutines run
 * as tasks (they take a Task-N each), then the loop closes.  An exception
 * out of asyncio.run() has asyncio's frames in its traceback (refused if
 * uncaught).
 */
#include <stdio.h>
#include <stdlib.h>

#include "pyrun/modules/asyncio_int.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/std_import.h"

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static bool no_loop(PyRun *I)
{
    if (I->asyncio && I->asyncio->loop)
        return false;
    py_raise(I, EXC_RuntimeError, "no running event loop");
    return true;
}

/* A delay in seconds, in ps on the simulated clock */
int64_t aio_secs_arg(PyRun *I, SimId v, bool *ok)
{
    *ok = true;
    SimKind k = sim_kind(S, v);
    double secs;
    if (k == SK_FLOAT)
        secs = sim_obj(S, v)->v.f;
    else if ((k == SK_INT || k == SK_BOOL) && sim_obj(S, v)->sub != 1)
        secs = (double)sim_obj(S, v)->v.i;
    else {
        *ok = false;
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as a number of seconds", op_typename(I, v));
        return 0;
    }
    if (secs != secs || secs > 1e9) {
        *ok = false;
        py_not_modelled(I, 0, "an asyncio delay that is NaN or more than 10**9 seconds");
        return 0;
    }
    return (int64_t)(secs * 1e12);
}

/* ---- the loop object ------------------------------------------------------------------ */

static SimId l_time(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    /* time.monotonic(): the simulated clock, from an origin of the model's */
    return sim_float(S, 1000.0 + (double)I->vs.now * 1e-12);
}

static SimId l_create_future(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return aio_future_new(I, AC_FUTURE);
}

static SimId create_task(PyRun *I, SimId coro, SimId name, bool module)
{
    if (no_loop(I))
        return 0;
    if (!aio_is_coro(I, coro)) {
        Buf b = {0};
        if (op_repr(I, coro, &b))
            py_raise(I, EXC_TypeError, "a coroutine was expected, got %s", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    return module ? aio_task_new_later(I, coro, name) : aio_task_new(I, coro, name);
}

static SimId l_create_task(PyRun *I, SimId *a, int n, SimId kw)
{
    return create_task(I, a[1], bi_kwarg(I, a, n, kw, "name"), false);
}

static SimId l_is_running(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, I->asyncio && I->asyncio->loop == a[0]);
}

static SimId l_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    bool running = I->asyncio && I->asyncio->loop == a[0];
    char buf[96];
    int len = snprintf(buf, sizeof buf, "<_UnixSelectorEventLoop running=%s closed=%s debug=False>",
                       running ? "True" : "False", running ? "False" : "True");
    return sim_str(S, buf, (size_t)len);
}

/* ---- module functions ------------------------------------------------------------------- */

static SimId m_create_task(PyRun *I, SimId *a, int n, SimId kw)
{
    if (bi_npos(I, n, kw) != 1) {
        py_raise(I, EXC_TypeError, "create_task() takes 1 positional argument but %d were given", bi_npos(I, n, kw));
        return 0;
    }
    return create_task(I, a[0], bi_kwarg(I, a, n, kw, "name"), true);
}

static SimId m_sleep(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId delay = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "delay");
    SimId result = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "result");
    if (!delay) {
        py_raise(I, EXC_TypeError, "sleep() missing 1 required positional argument: 'delay'");
        return 0;
    }
    SimId sl = aio_future_new(I, AC_SLEEP);
    if (!sl)
        return 0;
    if (!aio_put(I, sl, "_delay", ref(I, delay)) || !aio_put(I, sl, "_value", ref(I, result ? result : S->none))) {
        sim_decref(S, sl);
        return 0;
    }
    return sl;
}

static SimId m_current_task(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (no_loop(I))
        return 0;
    SimId t = I->asyncio->current;
    return ref(I, t ? t : S->none);
}

static SimId m_get_running_loop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (no_loop(I))
        return 0;
    return ref(I, I->asyncio->loop);
}

static SimId m_iscoroutine(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return sim_bool(S, aio_is_coro(I, a[0]));
}

/* ensure_future: a future itself, a coroutine wrapped in a task (new reference) */
static SimId ensure_future(PyRun *I, SimId v)
{
    if (aio_is_future(I, v) && !aio_is_class(I, v, AC_SLEEP))
        return ref(I, v);
    if (aio_is_coro(I, v))
        return aio_task_new(I, v, 0);
    py_raise(I, EXC_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
    return 0;
}

static SimId m_ensure_future(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (no_loop(I))
        return 0;
    return ensure_future(I, a[0]);
}

static SimId m_gather(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId re = bi_kwarg(I, a, n, kw, "return_exceptions");
    if (no_loop(I))
        return 0;
    SimId outer = aio_future_new(I, AC_FUTURE);
    if (!outer)
        return 0;
    if (np == 0) {
        aio_set_result(I, outer, sim_list(S, 0));
        return outer;
    }
    if (re && re != S->none && re != S->false_)
        fw_set(I, outer, fw(I, outer) | FW_RETEXC);
    SimId children = sim_list(S, 0);
    SimId *done = xmalloc((size_t)np * sizeof *done);
    int ndone = 0, nfuts = 0;
    for (int i = 0; i < np; i++) {
        int dup = -1;
        for (int j = 0; j < i; j++)
            if (a[j] == a[i])
                dup = j;
        SimId fut;
        if (dup >= 0) {
            fut = ref(I, sim_items(S, children)[dup]);
        } else {
            fut = ensure_future(I, a[i]);
            if (!fut) {
                free(done);
                sim_decref(S, children);
                sim_decref(S, outer);
                return 0;
            }
            nfuts++;
            if (fstate(I, fut) != FS_PENDING && S->prof->version >= SIM_V312)
                done[ndone++] = fut;
            else
                aio_add_callback(I, fut, AQ_GATHER, outer);
        }
        sim_list_append(S, children, fut);
    }
    aio_put(I, outer, "_children", children);
    aio_put(I, outer, "_nfuts", sim_int(S, nfuts));
    for (int i = 0; i < ndone; i++) /* 3.12+: the children done already, at once */
        aio_gather_child_done(I, outer, done[i]);
    free(done);
    return outer;
}

static SimId m_run(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n;
    PyAsyncio *A = aio(I);
    SimId dbg = bi_kwarg(I, a, n, kw, "debug");
    if (dbg && dbg != S->none && dbg != S->false_)
        return py_not_modelled(I, 0, "asyncio.run(debug=True) (the debug mode's checks and logs)"), 0;
    if (A->loop) {
        py_raise(I, EXC_RuntimeError, "asyncio.run() cannot be called from a running event loop");
        return 0;
    }
    if (I->ts->nested)
        return py_not_modelled(I, 0, "asyncio.run() inside a call from C code"), 0;
    SimId loop = vm_new_instance(I, A->cls[AC_LOOP], NULL, 0, false);
    if (!loop)
        return 0;
    A->loop = loop;
    SimId coro = a[0], task = 0, result = 0;
    bool ok = true;
    if (!aio_is_coro(I, coro)) {
        Buf b = {0};
        if (op_repr(I, coro, &b))
            py_raise(I, EXC_ValueError, "a coroutine was expected, got %s", buf_str(&b));
        buf_fini(&b);
    } else {
        task = aio_task_new(I, coro, 0);
        ok = task && aio_run_until(I, task);
    }
    SavedErr sv;
    py_err_save(I, &sv);
    if (ok && !I->refused) { /* Runner.close(): _cancel_all_tasks, over all_tasks() (a set) */
        size_t nt = A->ntasks;
        SimId *left = xmalloc((nt ? nt : 1) * sizeof *left);
        for (size_t i = 0; i < nt; i++)
            left[i] = ref(I, A->tasks[i]);
        ok = aio_cancel_set(I, left, nt, 0, "asyncio.run(), ending with tasks still pending,");
        for (size_t i = 0; ok && i < nt; i++)
            while (ok && fstate(I, left[i]) == FS_PENDING)
                ok = aio_run_turns(I, 1) && !I->refused;
        if (ok && nt)
            ok = aio_run_turns(I, 2); /* the gather's done callbacks and the stop */
        for (size_t i = 0; i < nt; i++)
            sim_decref(S, left[i]);
        free(left);
        for (int k = 0; ok && k < 2; k++) { /* shutdown_asyncgens, shutdown_default_executor */
            A->task_counter++;
            ok = (k == 0 || aio_exec_shutdown(I)) && aio_run_turns(I, 2);
        }
    }
    if (A->nfailed)
        sim_timing_seen_refcount(S); /* garbage may hold a task until the pin */
    for (size_t i = 0; i < A->nfailed; i++) { /* the task's __del__ logs it: not modelled */
        if (ok && !I->refused && !(fw(I, A->failed[i]) & FW_RETRIEVED) && sim_refcount(S, A->failed[i]) == 1)
            ok = py_not_modelled(I, 0, "a task's exception that was never retrieved (asyncio's logger reports it "
                                       "when the task is freed)");
        sim_decref(S, A->failed[i]);
    }
    A->nfailed = 0;
    aio_loop_close(I);
    if (A->executor) { /* loop.close(): the default executor shut down, without waiting, and dropped */
        sim_decref(S, A->executor);
        A->executor = 0;
    }
    A->loop = 0;
    sim_decref(S, loop);
    if (!ok || I->refused) {
        py_err_discard(I, &sv);
        sim_xdecref(S, task);
        return 0;
    }
    py_err_restore(I, &sv);
    if (task && !I->ts->err.set)
        result = aio_result(I, task);
    sim_xdecref(S, task);
    if (!result && !I->err_library) {
        I->err_library = "asyncio";
        I->err_library_line = py_current_line(I);
    }
    return result;
}

static SimId m_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "this asyncio function"), 0;
}

/* the loop's methods CPython has and the model does not: calling one is
 * refused (registry.c's .refused), each its own function so that its
 * class finds it by name */
#define LOOP_REFUSED(fn) \
    static SimId fn(PyRun *I, SimId *a, int n, SimId kw) { return m_refused(I, a, n, kw); }
LOOP_REFUSED(l_run_until_complete)
LOOP_REFUSED(l_stop)

#define F(nm, f, ...) BUILTIN(nm, 0, BM_ASYNCIO, f, __VA_ARGS__)
#define M(nm, f, ...) BUILTIN(nm, SK_INSTANCE, BM_ASYNCIO, f, __VA_ARGS__)

const BuiltinDef asyncio_functions[] = {
    F("run", m_run, .style = ARGS_RANGE, .min = 1, .max = 1, .kw = "debug"),
    F("sleep", m_sleep, .kw = "delay result"),
    F("create_task", m_create_task, .kw = "name", .kw_refused = "context"),
    F("gather", m_gather, .kw = "return_exceptions"),
    F("wait_for", aio_m_wait_for, .kw = "fut timeout"),
    F("timeout", aio_m_timeout, .style = ARGS_ONE),
    F("current_task", m_current_task, .style = ARGS_NONE),
    F("get_running_loop", m_get_running_loop, .style = ARGS_NONE),
    F("get_event_loop", m_get_running_loop, .style = ARGS_NONE),
    F("iscoroutine", m_iscoroutine, .style = ARGS_ONE),
    F("ensure_future", m_ensure_future, .style = ARGS_ONE),
    F("to_thread", aio_m_to_thread, .kw = "*"),
    F("wait", aio_m_wait, .kw = "fs timeout return_when"),
    F("as_completed", aio_m_as_completed, .kw = "fs timeout"),
    F("shield", aio_m_shield, .style = ARGS_ONE),
    F("all_tasks", aio_m_all_tasks, .style = ARGS_NONE),
    F("timeout_at", aio_m_timeout_at, .style = ARGS_ONE),
    F("Runner", m_refused, .refused = true),
    F("new_event_loop", m_refused, .refused = true),
    F("run_coroutine_threadsafe", m_refused, .refused = true),
    M("cancelling", aio_task_cancelling, .style = ARGS_NONE),
    M("uncancel", aio_task_uncancel, .style = ARGS_NONE),
    M("__iter__", aio_asc_iter, .style = ARGS_NONE),
    M("__next__", aio_asc_next, .style = ARGS_NONE),
    M("__init__", aio_tg_init, .style = ARGS_NONE),
    M("__repr__", aio_tg_repr),
    M("__aenter__", aio_tg_aenter, .style = ARGS_NONE),
    M("__aexit__", aio_tg_aexit, .kw = "*"),
    M("create_task", aio_tg_create_task, .kw = "name", .kw_refused = "context"),
    M("__aenter__", aio_timeout_aenter, .style = ARGS_NONE),
    M("__aexit__", aio_timeout_aexit, .kw = "*"),
    M("expired", aio_timeout_expired, .style = ARGS_NONE),
    M("when", aio_timeout_when, .style = ARGS_NONE),
    M("reschedule", aio_timeout_reschedule, .style = ARGS_ONE),
    M("done", aio_f_done),
    M("cancelled", aio_f_cancelled),
    M("result", aio_f_result),
    M("exception", aio_f_exception),
    M("cancel", aio_f_cancel, .kw = "msg"),
    M("add_done_callback", aio_f_add_done_callback, .kw = "context"),
    M("set_result", aio_f_set_result, .style = ARGS_ONE),
    M("set_exception", aio_f_set_exception, .style = ARGS_ONE),
    M("get_name", aio_t_get_name),
    M("set_name", aio_t_set_name),
    M("get_coro", aio_t_get_coro),
    M("__repr__", aio_f_repr),
    M("__await__", aio_f_await),
    M("time", l_time),
    M("create_future", l_create_future),
    M("create_task", l_create_task, .kw = "name"),
    M("is_running", l_is_running),
    M("__repr__", l_repr),
    M("run_in_executor", aio_l_run_in_executor),
    M("call_soon", aio_l_call_soon, .kw = "context"),
    M("call_later", aio_l_call_later, .kw = "context"),
    M("call_at", aio_l_call_at, .kw = "context"),
    M("cancel", aio_h_cancel, .style = ARGS_NONE),
    M("cancelled", aio_h_cancelled, .style = ARGS_NONE),
    M("when", aio_h_when, .style = ARGS_NONE),
    M("__repr__", aio_h_repr),
    M("call_soon_threadsafe", aio_l_call_soon_threadsafe, .kw = "context"),
    M("run_until_complete", l_run_until_complete, .refused = true),
    M("stop", l_stop, .refused = true),
    /* asyncio_sync.c */
    M("__init__", aio_lock_init, .kw = "*"),
    M("acquire", aio_lock_acquire, .style = ARGS_NONE),
    M("release", aio_lock_release, .style = ARGS_NONE),
    M("locked", aio_lock_locked, .style = ARGS_NONE),
    M("__aenter__", aio_x_aenter, .style = ARGS_NONE),
    M("__aexit__", aio_x_aexit, .kw = "*"),
    M("__repr__", aio_x_repr),
    M("__init__", aio_sem_init, .kw = "value"),
    M("acquire", aio_sem_acquire, .style = ARGS_NONE),
    M("release", aio_sem_release, .style = ARGS_NONE),
    M("__init__", aio_ev_init, .style = ARGS_NONE),
    M("set", aio_ev_set, .style = ARGS_NONE),
    M("clear", aio_ev_clear, .style = ARGS_NONE),
    M("is_set", aio_ev_is_set, .style = ARGS_NONE),
    M("wait", aio_ev_wait, .style = ARGS_NONE),
    M("__init__", aio_q_init, .kw = "maxsize"),
    M("put", aio_q_put, .style = ARGS_ONE),
    M("get", aio_q_get, .style = ARGS_NONE),
    M("join", aio_q_join, .style = ARGS_NONE),
    M("put_nowait", aio_q_put_nowait, .style = ARGS_ONE),
    M("get_nowait", aio_q_get_nowait, .style = ARGS_NONE),
    M("task_done", aio_q_task_done, .style = ARGS_NONE),
    M("qsize", aio_q_qsize, .style = ARGS_NONE),
    M("empty", aio_q_empty, .style = ARGS_NONE),
    M("full", aio_q_full, .style = ARGS_NONE),
    M("__del__", aio_x_del),
    /* asyncio_cond.c */
    M("__init__", aio_cond_init, .kw = "lock"),
    M("acquire", aio_cond_acquire, .style = ARGS_NONE),
    M("release", aio_cond_release, .style = ARGS_NONE),
    M("locked", aio_cond_locked, .style = ARGS_NONE),
    M("__aenter__", aio_cond_aenter, .style = ARGS_NONE),
    M("__aexit__", aio_cond_aexit, .kw = "*"),
    M("notify", aio_cond_notify, .kw = "n"),
    M("notify_all", aio_cond_notify_all, .style = ARGS_NONE),
    M("wait", aio_cond_wait, .style = ARGS_NONE),
    M("wait_for", aio_cond_wait_for, .style = ARGS_ONE),
};
const int asyncio_nfunctions = (int)(sizeof asyncio_functions / sizeof asyncio_functions[0]);

/* ---- the classes ---------------------------------------------------------------------------- */

static SimId method(PyRun *I, BuiltinFn fn)
{
    for (int i = 0; i < asyncio_nfunctions; i++)
        if (asyncio_functions[i].fn == fn)
            return sim_builtin(S, (uint32_t)bi_index_of(&asyncio_functions[i]), 0);
    return 0;
}

typedef struct ClassSpec {
    const char *module, *name;
    BuiltinFn methods[12];
    const char *mnames[12];
    int size[3]; /* sys.getsizeof per profile (a C type's), or 0: a Python class's instance */
} ClassSpec;

SimId aio_make_class(PyRun *I, const char *module, const char *name, const BuiltinFn *fns, const char *const *names,
                     int nfns, SimId base, int size)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", aio_name(I, module));
    for (int i = 0; i < nfns && fns[i]; i++)
        bi_dict_put(I, ns, names[i], method(I, fns[i]));
    SimId nm = aio_name(I, name);
    SimId bases = sim_tuple(S, 1);
    SimId b = base ? base : S->type_object;
    sim_incref(S, b);
    sim_tuple_set(S, bases, 0, b);
    SimId mro[2] = {base ? base : S->type_object, S->type_object};
    SimClassSpec spec = {.name = nm, .qualname = ref(I, nm), .bases = bases, .dict = ns, .best = base, .mro = mro,
                         .nmro = base ? 2 : 1, .add_dict = !base, .add_weak = !base, .layout = 0};
    SimId cls = sim_class_new(S, &spec);
    if (sim_obj(S, cls)->data) {
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
        if (size) /* sys.getsizeof adds 32 to it for these classes (a GC header, a pre-header) */
            sim_items(S, cls)[SIM_TY_BASICSIZE] = (uint32_t)(size - 32);
    }
    return cls;
}

static SimId make(PyRun *I, const ClassSpec *c, SimId base)
{
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    return aio_make_class(I, c->module, c->name, c->methods, c->mnames, 12, base, c->size[v]);
}

static SimId exc_subclass(PyRun *I, const char *module, const char *name, SimId base)
{
    return exc_subclass_in(I, module, name, base);
}

static void export(PyRun *I, SimId d, const char *name, SimId v)
{
    if (v)
        bi_dict_put(I, d, name, ref(I, v));
}

void asyncio_module_init(PyRun *I, SimId d)
{
    PyAsyncio *A = aio(I);
    CollQuiet q;
    coll_quiet_begin(I, &q);
    static const ClassSpec future = {"_asyncio", "Future",
                                     {aio_f_done, aio_f_cancelled, aio_f_result, aio_f_exception, aio_f_cancel, aio_f_add_done_callback,
                                      aio_f_repr, aio_f_await, aio_f_set_result, aio_f_set_exception},
                                     {"done", "cancelled", "result", "exception", "cancel", "add_done_callback",
                                      "__repr__", "__await__", "set_result", "set_exception"},
                                     {144, 144, 136}};
    static const ClassSpec task = {"_asyncio", "Task",
                                   {aio_t_get_name, aio_t_set_name, aio_t_get_coro, aio_task_cancelling, aio_task_uncancel},
                                   {"get_name", "set_name", "get_coro", "cancelling", "uncancel"},
                                   {192, 192, 176}};
    static const ClassSpec sleep = {"builtins", "coroutine", {aio_x_del}, {"__del__"}, {0, 0, 0}};
    static const ClassSpec loop = {"asyncio.unix_events", "_UnixSelectorEventLoop",
                                   {l_time, l_create_future, l_create_task, l_is_running, l_repr, aio_l_run_in_executor,
                                    aio_l_call_soon, aio_l_call_later, aio_l_call_at, aio_l_call_soon_threadsafe, l_run_until_complete,
                                    l_stop},
                                   {"time", "create_future", "create_task", "is_running", "__repr__", "run_in_executor",
                                    "call_soon", "call_later", "call_at", "call_soon_threadsafe", "run_until_complete",
                                    "stop"},
                                   {0, 0, 0}};
    A->cls[AC_FUTURE] = make(I, &future, 0);
    A->cls[AC_TASK] = make(I, &task, A->cls[AC_FUTURE]);
    A->cls[AC_SLEEP] = make(I, &sleep, A->cls[AC_FUTURE]);
    A->cls[AC_LOOP] = make(I, &loop, 0);
    static const ClassSpec timeout = {"asyncio.timeouts", "Timeout",
                                      {aio_timeout_aenter, aio_timeout_aexit, aio_timeout_expired, aio_timeout_when,
                                       aio_timeout_reschedule},
                                      {"__aenter__", "__aexit__", "expired", "when", "reschedule"},
                                      {0, 0, 0}};
    A->cls[AC_TIMEOUT] = make(I, &timeout, 0);
    static const ClassSpec group = {"asyncio.taskgroups", "TaskGroup",
                                    {aio_tg_init, aio_tg_repr, aio_tg_aenter, aio_tg_aexit, aio_tg_create_task},
                                    {"__init__", "__repr__", "__aenter__", "__aexit__", "create_task"},
                                    {0, 0, 0}};
    A->cls[AC_TGROUP] = make(I, &group, 0);
    static const ClassSpec handle = {"asyncio.events", "Handle", {aio_h_cancel, aio_h_cancelled, aio_h_repr},
                                     {"cancel", "cancelled", "__repr__"}, {96, 104, 104}};
    static const ClassSpec timer = {"asyncio.events", "TimerHandle", {aio_h_when}, {"when"}, {112, 120, 120}};
    A->cls[AC_HANDLE] = make(I, &handle, 0);
    A->cls[AC_TIMERHANDLE] = make(I, &timer, A->cls[AC_HANDLE]);
    static const ClassSpec ascomp[2] = {{"builtins", "generator", {aio_asc_iter, aio_asc_next, aio_x_repr},
                                         {"__iter__", "__next__", "__repr__"}, {0, 0, 0}},
                                        {"asyncio.tasks", "_AsCompletedIterator", {aio_asc_iter, aio_asc_next, aio_x_repr},
                                         {"__iter__", "__next__", "__repr__"}, {0, 0, 0}}};
    A->cls[AC_ASCOMP] = make(I, &ascomp[S->prof->version >= SIM_V313], 0);
    A->cls[AC_CANCELLED] = exc_subclass(I, "asyncio.exceptions", "CancelledError", exc_class(I, EXC_BaseException));
    A->cls[AC_INVALID] = exc_subclass(I, "asyncio.exceptions", "InvalidStateError", exc_class(I, EXC_Exception));
    aio_sync_init(I, d);
    coll_quiet_end(I, &q);
    export(I, d, "Future", A->cls[AC_FUTURE]);
    export(I, d, "Task", A->cls[AC_TASK]);
    export(I, d, "CancelledError", A->cls[AC_CANCELLED]);
    export(I, d, "InvalidStateError", A->cls[AC_INVALID]);
    export(I, d, "TimeoutError", exc_class(I, EXC_TimeoutError));
    export(I, d, "TaskGroup", A->cls[AC_TGROUP]);
    export(I, d, "Handle", A->cls[AC_HANDLE]);
    export(I, d, "TimerHandle", A->cls[AC_TIMERHANDLE]);
    static const char *const when[] = {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"};
    for (int i = 0; i < 3; i++)
        bi_dict_put(I, d, when[i], aio_name(I, when[i]));
    aio_install_hooks(I);
}

void asyncio_on_import(PyRun *I)
{
    /* dozens of modules: their allocations are not replayed */
    I->gc_count_unsure = true;
    I->gc_garbage_unsure = true;
    if (!I->count_unsure_what)
        I->count_unsure_what = "import asyncio (the modules it imports are not replayed)";
    if (!I->foreign_heap)
        I->foreign_heap = "import asyncio";
    I->std_imported |= STD_BIT(STD_HEAPQ); /* asyncio's events and queues import heapq */
}

bool asyncio_refused(PyRun *I, SimId obj, const char *what)
{
    if (!I->asyncio || sim_kind(S, obj) != SK_INSTANCE)
        return false;
    for (int i = 0; i < AC_COUNT; i++)
        if (I->asyncio->cls[i] && sim_obj(S, obj)->type == I->asyncio->cls[i])
            return py_not_modelled(I, 0, "%s an asyncio object (the event loop's own references)", what), true;
    return false;
}

bool asyncio_getrefcount(PyRun *I, SimId obj, SimId *out)
{
    *out = 0;
    if (!I->asyncio || sim_kind(S, obj) != SK_INSTANCE)
        return false;
    PyAsyncio *A = I->asyncio;
    bool task = aio_is_class(I, obj, AC_TASK), fut = aio_is_class(I, obj, AC_FUTURE);
    if (aio_is_class(I, obj, AC_HANDLE) || aio_is_class(I, obj, AC_TIMERHANDLE))
        return aio_handle_refcount(I, obj, out);
    if (!task && !fut)
        return asyncio_refused(I, obj, "sys.getrefcount() of");
    if (task && obj == A->current) /* its step's handle, _current_tasks, the C frames ... */
        return py_not_modelled(I, 0, "sys.getrefcount() of the running task (the loop's own references)"), true;
    SimId children = aio_get(I, obj, "_children");
    if (children && fstate(I, obj) == FS_PENDING) /* one _done_callback closure for all its children */
        return py_not_modelled(I, 0, "sys.getrefcount() of gather()'s future while its children run"), true;
    int64_t n = sim_refcount(S, obj);
    for (size_t i = 0; i < A->ntasks; i++) /* all_tasks() is a WeakSet: the model's list of them is not CPython's */
        n -= A->tasks[i] == obj;
    for (size_t i = 0; i < A->nfailed; i++)
        n -= A->failed[i] == obj;
    if (obj == A->woke_by) /* the handle's args, and Handle._run's `*self._args` tuple */
        n++;
    *out = sim_int(S, n);
    return true;
}
