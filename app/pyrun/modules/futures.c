/*
 * futures: concurrent.futures's Future (result and exception with a
 * timeout, done, running, cancelled, cancel, add_done_callback,
 * set_result, set_exception), as_completed, wait, the exceptions, and the
 * module (the executor is futures_pool.c).
 *
 * In CPython Lib/concurrent/futures/_base.py is Python: a Future is an
 * instance whose __dict__ holds _condition (a Condition over an RLock),
 * _state (the strings 'PENDING', 'RUNNING', 'CANCELLED',
 * 'CANCELLED_AND_NOTIFIED', 'FINISHED'), _result, _exception, _waiters and
 * _done_callbacks: the model makes those objects and keeps the state in
 * them.  A call that waits for a future blocks the thread on an event of
 * its own that the future's end sets (CPython's Condition.notify_all and
 * its _Waiter objects); result() and exception() settle when the thread runs
 * again (vm_block_resume), an iterator's next runs again (vm_block_retry).
 * Futures that end are numbered in the order they end, the order
 * as_completed() yields the futures it waited for.
 */
#include <stdio.h>

#include "pyrun/modules/asyncio.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/futures_int.h"
#include "pyrun/modules/mp_int.h"
#include "sim/vmsched.h"

static const char *const state_names[FS_COUNT] = {"PENDING", "RUNNING", "CANCELLED", "CANCELLED_AND_NOTIFIED",
                                                  "FINISHED"};
static const char *const state_repr[FS_COUNT] = {"pending", "running", "cancelled", "cancelled", "finished"};

static void lib_error(PyRun *I)
{
    if (I->ts->err.set && !I->refused && !I->err_library) {
        I->err_library = "concurrent.futures";
        I->err_library_line = py_current_line(I);
    }
}

/* ---- state -------------------------------------------------------------------- */

int fut_state(PyRun *I, SimId f)
{
    SimId s = get(I, f, "_state");
    size_t n;
    const char *d = s && sim_kind(S, s) == SK_STR ? sim_str_data(S, s, &n) : NULL;
    for (int i = 0; d && i < FS_COUNT; i++)
        if (strlen(state_names[i]) == n && memcmp(state_names[i], d, n) == 0)
            return i;
    return -1;
}

bool fut_is(PyRun *I, SimId f)
{
    return sim_kind(S, f) == SK_INSTANCE && sim_is_subtype(S, sim_obj(S, f)->type, fst(I)->cls[FC_FUTURE]);
}

/* the state, or -1 refused */
static int state_of(PyRun *I, SimId f)
{
    int s = fut_is(I, f) ? fut_state(I, f) : -1;
    if (s < 0)
        py_not_modelled(I, 0, "a Future whose _state the program changed, or an object that is no Future");
    return s;
}

bool fut_done(PyRun *I, SimId f)
{
    int s = fut_state(I, f);
    return s == FS_CANCELLED || s == FS_NOTIFIED || s == FS_FINISHED;
}

static bool set_state(PyRun *I, SimId f, int s)
{
    return put(I, f, "_state", name_of(I, state_names[s]));
}

static bool fill(PyRun *I, SimId f)
{
    unsure(I);
    SimId c = thr_new_condition(I, thr_new_lock(I, true));
    set_word(I, f, -1);
    return c && put(I, f, "_condition", c) && set_state(I, f, FS_PENDING) && put(I, f, "_result", bi_none(I)) &&
           put(I, f, "_exception", bi_none(I)) && put(I, f, "_waiters", sim_list(S, 0)) &&
           put(I, f, "_done_callbacks", sim_list(S, 0));
}

SimId fut_new(PyRun *I)
{
    SimId f = vm_new_instance(I, fst(I)->cls[FC_FUTURE], NULL, 0, false);
    if (f && !fill(I, f)) {
        sim_decref(S, f);
        return 0;
    }
    return f;
}

/* ---- waiters ------------------------------------------------------------------- */

int fut_wait_event(PyRun *I, int t)
{
    PyFutures *F = fst(I);
    if (t >= F->nevents) {
        F->events = xrealloc(F->events, (size_t)(t + 1) * sizeof *F->events);
        for (int i = F->nevents; i <= t; i++)
            F->events[i] = -1;
        F->nevents = t + 1;
    }
    if (F->events[t] < 0)
        F->events[t] = vs_event_new(&I->vs);
    I->vs.events[F->events[t]] = false;
    fut_unwatch(I, t);
    return F->events[t];
}

void fut_watch(PyRun *I, SimId f, int t)
{
    PyFutures *F = fst(I);
    if (F->nwaits == F->capwaits) {
        F->capwaits = F->capwaits ? 2 * F->capwaits : 16;
        F->waits = xrealloc(F->waits, (size_t)F->capwaits * sizeof *F->waits);
    }
    F->waits[F->nwaits++] = (FutWait){f, t};
}

void fut_unwatch(PyRun *I, int t)
{
    PyFutures *F = fst(I);
    int k = 0;
    for (int i = 0; i < F->nwaits; i++)
        if (F->waits[i].thread != t)
            F->waits[k++] = F->waits[i];
    F->nwaits = k;
}

static void wake_watchers(PyRun *I, SimId f)
{
    PyFutures *F = fst(I);
    for (int i = 0; i < F->nwaits; i++)
        if (F->waits[i].future == f && F->events && F->waits[i].thread < F->nevents)
            vs_event_set(&I->vs, F->events[F->waits[i].thread]);
}

/* _invoke_callbacks: each done callback with the future */
static bool run_callbacks(PyRun *I, SimId f)
{
    SimId cbs = get(I, f, "_done_callbacks");
    if (!cbs || sim_kind(S, cbs) != SK_LIST)
        return true;
    for (uint32_t i = 0; i < sim_obj(S, cbs)->len; i++) {
        SimId cb = sim_items(S, cbs)[i];
        sim_incref(S, cb);
        SimId r = vm_call(I, cb, &f, 1);
        sim_decref(S, cb);
        if (!r) {
            if (!I->refused)
                py_not_modelled(I, 0, "a done callback that raises (concurrent.futures logs it with its traceback)");
            return false;
        }
        sim_decref(S, r);
    }
    return true;
}

bool fut_finish(PyRun *I, SimId f, SimId result, SimId exc)
{
    bool ok = result ? put(I, f, "_result", result) : put(I, f, "_exception", exc);
    if (!ok || !set_state(I, f, FS_FINISHED))
        return false;
    set_word(I, f, ++fst(I)->finish_seq);
    wake_watchers(I, f);
    asyncio_executor_done(I, f); /* wrap_future's _call_set_state, the first done callback */
    return run_callbacks(I, f);
}

int futures_outcome(PyRun *I, SimId f, SimId *value)
{
    *value = 0;
    int s = fut_is(I, f) ? fut_state(I, f) : -1;
    if (s == FS_CANCELLED || s == FS_NOTIFIED)
        return 3;
    if (s != FS_FINISHED)
        return 0;
    SimId e = get(I, f, "_exception");
    if (e && e != S->none) {
        *value = e;
        return 2;
    }
    *value = get(I, f, "_result");
    return 1;
}

bool fut_set_running(PyRun *I, SimId f)
{
    int s = fut_state(I, f);
    if (s == FS_CANCELLED) {
        set_state(I, f, FS_NOTIFIED);
        set_word(I, f, ++fst(I)->finish_seq);
        wake_watchers(I, f);
        return false;
    }
    return set_state(I, f, FS_RUNNING);
}

/* ---- Future's methods ------------------------------------------------------------ */

static SimId f_init(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return fill(I, a[0]) ? bi_none(I) : 0;
}

static SimId raise_cls(PyRun *I, int which)
{
    vm_raise_value(I, exc_new(I, fst(I)->cls[which], 0));
    lib_error(I);
    return 0;
}

SimId fut_result_now(PyRun *I, SimId f)
{
    int s = fut_state(I, f);
    if (s == FS_CANCELLED || s == FS_NOTIFIED)
        return raise_cls(I, FC_CANCELLED);
    SimId e = get(I, f, "_exception");
    if (e && e != S->none) {
        sim_incref(S, e);
        vm_raise_value(I, e);
        lib_error(I);
        return 0;
    }
    SimId r = get(I, f, "_result");
    sim_incref(S, r);
    return r;
}

static SimId exception_now(PyRun *I, SimId f)
{
    int s = fut_state(I, f);
    if (s == FS_CANCELLED || s == FS_NOTIFIED)
        return raise_cls(I, FC_CANCELLED);
    SimId e = get(I, f, "_exception");
    sim_incref(S, e);
    return e;
}

/* after a wait of result() (obj's spare word set) or exception() */
static int settle_wait(PyRun *I, SimId pair, int64_t deadline, SimId *out)
{
    SimId f = sim_items(S, pair)[0];
    bool want_result = sim_items(S, pair)[1] == S->true_;
    fut_unwatch(I, I->vs.running);
    if (!fut_done(I, f)) {
        if (deadline == VS_NEVER || I->vs.now < deadline) { /* woken by no end of it: wait on */
            vs_wait_event(&I->vs, fut_wait_event(I, I->vs.running), deadline == VS_NEVER ? -1 : deadline - I->vs.now);
            fut_watch(I, f, I->vs.running);
            sim_incref(S, pair);
            vm_block_resume(I, settle_wait, pair, deadline);
            return VM_RESUME_AGAIN;
        }
        vm_raise_value(I, exc_new(I, exc_class(I, EXC_TimeoutError), 0));
        lib_error(I);
        return VM_RESUME_ERROR;
    }
    *out = want_result ? fut_result_now(I, f) : exception_now(I, f);
    return *out ? VM_RESUME_DONE : VM_RESUME_ERROR;
}

static SimId wait_call(PyRun *I, SimId *a, int n, SimId kw, bool want_result)
{
    SimId f = a[0];
    if (state_of(I, f) < 0)
        return 0;
    SimId tmo = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "timeout");
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, false, &timeout))
        return 0;
    if (fut_done(I, f))
        return want_result ? fut_result_now(I, f) : exception_now(I, f);
    if (timeout == 0) {
        vm_raise_value(I, exc_new(I, exc_class(I, EXC_TimeoutError), 0));
        lib_error(I);
        return 0;
    }
    if (!thr_can_block(I, want_result ? "Future.result()" : "Future.exception()"))
        return 0;
    vs_wait_event(&I->vs, fut_wait_event(I, I->vs.running), timeout);
    fut_watch(I, f, I->vs.running);
    SimId pair = sim_tuple(S, 2);
    sim_incref(S, f);
    sim_tuple_set(S, pair, 0, f);
    sim_tuple_set(S, pair, 1, sim_bool(S, want_result));
    vm_block_resume(I, settle_wait, pair, timeout < 0 ? VS_NEVER : I->vs.now + timeout);
    return bi_none(I);
}

static SimId f_result(PyRun *I, SimId *a, int n, SimId kw)
{
    return wait_call(I, a, n, kw, true);
}

static SimId f_exception(PyRun *I, SimId *a, int n, SimId kw)
{
    return wait_call(I, a, n, kw, false);
}

static SimId f_done(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int s = state_of(I, a[0]);
    return s < 0 ? 0 : sim_bool(S, s == FS_CANCELLED || s == FS_NOTIFIED || s == FS_FINISHED);
}

static SimId f_running(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int s = state_of(I, a[0]);
    return s < 0 ? 0 : sim_bool(S, s == FS_RUNNING);
}

static SimId f_cancelled(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int s = state_of(I, a[0]);
    return s < 0 ? 0 : sim_bool(S, s == FS_CANCELLED || s == FS_NOTIFIED);
}

static SimId f_cancel(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int s = state_of(I, a[0]);
    if (s < 0)
        return 0;
    if (s == FS_RUNNING || s == FS_FINISHED)
        return sim_bool(S, false);
    if (s == FS_CANCELLED || s == FS_NOTIFIED)
        return sim_bool(S, true);
    if (!set_state(I, a[0], FS_CANCELLED))
        return 0;
    wake_watchers(I, a[0]);
    return run_callbacks(I, a[0]) ? sim_bool(S, true) : 0;
}

static SimId f_add_done_callback(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId fn = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "fn");
    if (!fn) {
        py_raise(I, EXC_TypeError, "Future.add_done_callback() missing 1 required positional argument: 'fn'");
        return 0;
    }
    if (state_of(I, a[0]) < 0)
        return 0;
    if (!fut_done(I, a[0])) {
        SimId cbs = get(I, a[0], "_done_callbacks");
        if (!cbs || sim_kind(S, cbs) != SK_LIST)
            return py_not_modelled(I, 0, "a Future whose _done_callbacks the program replaced"), (SimId)0;
        sim_incref(S, fn);
        sim_list_append(S, cbs, fn);
        return bi_none(I);
    }
    SimId r = vm_call(I, fn, a, 1);
    if (!r) {
        if (!I->refused)
            py_not_modelled(I, 0, "a done callback that raises (concurrent.futures logs it with its traceback)");
        return 0;
    }
    sim_decref(S, r);
    return bi_none(I);
}

static SimId f_set_result(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId v = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "result");
    if (!v || state_of(I, a[0]) < 0)
        return v ? 0 : (py_raise(I, EXC_TypeError, "Future.set_result() missing 1 required positional argument: "
                                                   "'result'"), (SimId)0);
    if (fut_done(I, a[0]))
        return py_not_modelled(I, 0, "set_result() of a Future already done (InvalidStateError)"), (SimId)0;
    sim_incref(S, v);
    return fut_finish(I, a[0], v, 0) ? bi_none(I) : 0;
}

static SimId f_set_exception(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId v = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "exception");
    if (!v || state_of(I, a[0]) < 0)
        return v ? 0 : (py_raise(I, EXC_TypeError, "Future.set_exception() missing 1 required positional "
                                                   "argument: 'exception'"), (SimId)0);
    if (fut_done(I, a[0]) || !exc_is_instance(I, v))
        return py_not_modelled(I, 0, "set_exception() of a Future already done, or of an exception class"),
               (SimId)0;
    sim_incref(S, v);
    return fut_finish(I, a[0], 0, v) ? bi_none(I) : 0;
}

static SimId f_set_running(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int s = state_of(I, a[0]);
    if (s < 0)
        return 0;
    if (s != FS_PENDING && s != FS_CANCELLED)
        return py_not_modelled(I, 0, "set_running_or_notify_cancel() of a Future that is not pending"), (SimId)0;
    return sim_bool(S, fut_set_running(I, a[0]));
}

static SimId f_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int s = state_of(I, a[0]);
    if (s < 0)
        return 0;
    Buf b = {0};
    buf_printf(&b, "<%s at %#llx state=%s", sim_type_name(S, a[0]), (unsigned long long)sim_id_address(S, a[0]),
               state_repr[s]);
    if (s == FS_FINISHED) {
        SimId e = get(I, a[0], "_exception");
        if (e && e != S->none)
            buf_printf(&b, " raised %s", op_typename(I, e));
        else
            buf_printf(&b, " returned %s", op_typename(I, get(I, a[0], "_result")));
    }
    buf_adds(&b, ">");
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

/* ---- the module ---------------------------------------------------------------- */

#define F(nm, f, ...) BUILTIN(nm, 0, BM_FUTURES, f, __VA_ARGS__)
#define M(nm, f, ...) BUILTIN(nm, SK_INSTANCE, BM_FUTURES, f, __VA_ARGS__)

const BuiltinDef futures_functions[] = {
    F("as_completed", m_as_completed, .kw = "fs timeout"),
    F("wait", m_wait, .kw = "fs timeout return_when"),
    M("__init__", f_init),
    M("result", f_result, .kw = "timeout"),
    M("exception", f_exception, .kw = "timeout"),
    M("done", f_done),
    M("running", f_running),
    M("cancelled", f_cancelled),
    M("cancel", f_cancel),
    M("add_done_callback", f_add_done_callback, .kw = "fn"),
    M("set_result", f_set_result, .kw = "result"),
    M("set_exception", f_set_exception, .kw = "exception"),
    M("set_running_or_notify_cancel", f_set_running),
    M("__repr__", f_repr),
    M("__next__", g_next),
    M("__iter__", g_iter),
    M("__repr__", g_repr),
};
const int futures_nfunctions = (int)(sizeof futures_functions / sizeof futures_functions[0]);

SimId fut_method(PyRun *I, BuiltinFn fn)
{
    for (int i = 0; i < futures_nfunctions; i++)
        if (futures_functions[i].fn == fn)
            return sim_builtin(S, (uint32_t)bi_index_of(&futures_functions[i]), 0);
    for (int i = 0; i < futures_pool_nfunctions; i++)
        if (futures_pool_functions[i].fn == fn)
            return sim_builtin(S, (uint32_t)bi_index_of(&futures_pool_functions[i]), 0);
    return 0;
}

SimId fut_class(PyRun *I, const char *module, const char *name, const BuiltinFn *fns, const char *const *names,
                int nfns, bool dict)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", name_of(I, module));
    for (int i = 0; i < nfns; i++)
        bi_dict_put(I, ns, names[i], fut_method(I, fns[i]));
    SimId nm = name_of(I, name);
    sim_incref(S, nm);
    SimId bases = sim_tuple(S, 1);
    sim_incref(S, S->type_object);
    sim_tuple_set(S, bases, 0, S->type_object);
    SimId mro[1] = {S->type_object};
    SimClassSpec spec = {.name = nm, .qualname = nm, .bases = bases, .dict = ns, .best = 0, .mro = mro,
                         .nmro = 1, .add_dict = dict, .add_weak = dict, .layout = 0};
    SimId cls = sim_class_new(S, &spec);
    if (sim_obj(S, cls)->data)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    return cls;
}

static SimId exc_cls(PyRun *I, const char *name, SimId base)
{
    return exc_subclass_in(I, "concurrent.futures._base", name, base);
}

void futures_module_init(PyRun *I, SimId d)
{
    if (!module_find(I, "queue", 5)) /* concurrent.futures.thread imports queue (and threading) */
        return;
    PyFutures *F = fst(I);
    static const BuiltinFn ff[] = {f_init, f_result, f_exception, f_done, f_running, f_cancelled, f_cancel,
                                   f_add_done_callback, f_set_result, f_set_exception, f_set_running, f_repr};
    static const char *const fn[] = {"__init__", "result", "exception", "done", "running", "cancelled", "cancel",
                                     "add_done_callback", "set_result", "set_exception",
                                     "set_running_or_notify_cancel", "__repr__"};
    F->cls[FC_FUTURE] = fut_class(I, "concurrent.futures._base", "Future", ff, fn, 12, true);
    static const BuiltinFn gf[] = {g_next, g_iter, g_repr};
    static const char *const gn[] = {"__next__", "__iter__", "__repr__"};
    F->cls[FC_GEN] = fut_class(I, "builtins", "generator", gf, gn, 3, false);
    F->cls[FC_ERROR] = exc_cls(I, "Error", exc_class(I, EXC_Exception));
    F->cls[FC_CANCELLED] = exc_cls(I, "CancelledError", F->cls[FC_ERROR]);
    SimId nt[2] = {name_of(I, "DoneAndNotDoneFutures"), name_of(I, "done not_done")};
    F->cls[FC_DONE_TUPLE] = namedtuple_make(I, nt, 2, 0);
    sim_decref(S, nt[0]), sim_decref(S, nt[1]);
    futures_pool_init(I, d);
    bi_dict_put(I, d, "ProcessPoolExecutor", mp_executor_class(I)); /* mp_exec.c */
    static const char *const names[] = {"Future", "CancelledError"};
    const int which[] = {FC_FUTURE, FC_CANCELLED};
    for (int i = 0; i < 2; i++)
        if (F->cls[which[i]]) {
            sim_incref(S, F->cls[which[i]]);
            bi_dict_put(I, d, names[i], F->cls[which[i]]);
        }
    SimId te = exc_class(I, EXC_TimeoutError);
    sim_incref(S, te);
    bi_dict_put(I, d, "TimeoutError", te);
    for (int i = 0; i < 3; i++)
        bi_dict_put(I, d, fut_when_names[i], name_of(I, fut_when_names[i]));
}

void futures_on_import(PyRun *I)
{
    unsure(I);
    I->count_unsure_what = "concurrent.futures's objects (its import and Python code are not replayed)";
}

static SimId c_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "this part of concurrent"), (SimId)0;
}

const BuiltinDef concurrent_functions[] = {
    M("__reduce__", c_refused, .refused = true), /* the package has no functions of its own */
};
const int concurrent_nfunctions = 1;

/* `concurrent`: the package, its one submodule */
void concurrent_module_init(PyRun *I, SimId d)
{
    SimId m = module_find(I, "concurrent.futures", 18);
    if (m) {
        sim_incref(S, m);
        bi_dict_put(I, d, "futures", m);
    }
}

void concurrent_on_import(PyRun *I)
{
    (void)I;
}

/* ---- the state ------------------------------------------------------------------ */

bool futures_owns(PyRun *I, SimId cls)
{
    for (int i = 0; I->futures && i < FC_COUNT; i++)
        if (I->futures->cls[i] == cls)
            return true;
    return false;
}

void futures_roots(PyRun *I, SimVisit visit, void *arg)
{
    PyFutures *F = I->futures;
    if (!F)
        return;
    for (int i = 0; i < FC_COUNT; i++)
        if (F->cls[i])
            visit(S, F->cls[i], arg);
    for (int i = 0; i < F->niters; i++) {
        visit(S, F->iters[i].futures, arg);
        visit(S, F->iters[i].ready, arg);
    }
    for (int p = 0; p < F->npools; p++)
        for (int i = 0; i < F->pools[p].n; i++) {
            SimId it = F->pools[p].items[(F->pools[p].head + i) % F->pools[p].cap];
            if (it)
                visit(S, it, arg);
        }
    for (int t = 0; t < F->nworkers; t++) {
        if (F->workers[t].future)
            visit(S, F->workers[t].future, arg);
        if (F->workers[t].handed && F->workers[t].item)
            visit(S, F->workers[t].item, arg);
    }
}

void futures_free(PyRun *I)
{
    PyFutures *F = I->futures;
    if (!F)
        return;
    for (int p = 0; p < F->npools; p++)
        free(F->pools[p].items), free(F->pools[p].waiting);
    free(F->pools), free(F->workers), free(F->events), free(F->waits), free(F->iters);
    free(F);
    I->futures = NULL;
}
