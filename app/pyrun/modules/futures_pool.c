/*
 * futures_pool: concurrent.futures.ThreadPoolExecutor (max_workers,
 * thread_name_prefix; submit, map, shutdown, with) and its workers on the
 * VM's threads.
 *
 * In CPython Lib/concurrent/futures/thread.py: submit() puts a _WorkItem
 * in a SimpleQueue and starts a worker thread named prefix_N unless one is
 * idle (the idle semaphore) or max_workers run; a worker (_worker) takes
 * items until it finds the None that shutdown() puts, runs fn(*args,
 * **kwargs) and sets the future's result or exception.  The model keeps
 * the queue itself (FutPool) and drives each worker from vm_threads.c: a
 * worker with no frame asks futures_worker_next for its next item, whose
 * Python function runs as the thread's frame; the idle semaphore is a real
 * threading.Semaphore, released where 3.11 releases it (after an item) or
 * 3.12+ (before waiting for one).  Which idle worker gets the next item:
 * 3.13's SimpleQueue parks its getters in the parking lot and put() hands
 * the item to the one parked longest (Modules/_queuemodule.c,
 * maybe_handoff_item), so the worker that went idle first runs it; 3.11
 * and 3.12 wake a getter through the queue's lock, whose waiter the OS
 * picks (runs of the same program differ), and the model makes the same
 * first-come choice there.  The default max_workers is
 * min(32, cpu + 4) for the 2 cores of the machine the model's costs were
 * measured on.  Calls inside one call from C (map's submits) cannot let
 * the new workers run between them, as CPython's start() does.
 */
#include <stdio.h>

#include "pyrun/modules/futures_int.h"
#include "sim/vmsched.h"

enum { MODEL_CPUS = 2 };

static bool v312(PyRun *I)
{
    return S->prof->version >= SIM_V312;
}

static FutPool *pool_of(PyRun *I, SimId ex)
{
    int p = word(I, ex);
    if (sim_kind(S, ex) != SK_INSTANCE || !sim_is_subtype(S, sim_obj(S, ex)->type, fst(I)->cls[FC_EXECUTOR]) || p < 0 ||
        p >= fst(I)->npools) {
        py_not_modelled(I, 0, "a ThreadPoolExecutor method on an object that is not one, or not initialized");
        return NULL;
    }
    return &fst(I)->pools[p];
}

static void push_item(FutPool *P, SimId item)
{
    if (P->n == P->cap) {
        int cap = P->cap ? 2 * P->cap : 16;
        SimId *items = xmalloc((size_t)cap * sizeof *items);
        for (int i = 0; i < P->n; i++)
            items[i] = P->items[(P->head + i) % P->cap];
        free(P->items);
        P->items = items, P->cap = cap, P->head = 0;
    }
    P->items[(P->head + P->n++) % P->cap] = item;
}

/* put(): handed to the worker waiting longest, else queued */
static void put_item(PyRun *I, FutPool *P, SimId item)
{
    if (!P->nwaiting) {
        push_item(P, item);
        return;
    }
    FutWorker *w = &fst(I)->workers[P->waiting[0]];
    P->nwaiting--;
    memmove(P->waiting, P->waiting + 1, (size_t)P->nwaiting * sizeof *P->waiting);
    w->handed = true;
    w->item = item;
    vs_event_set(&I->vs, w->event);
}

static void wait_item(PyRun *I, FutPool *P, int t)
{
    if (P->nwaiting == P->capwaiting) {
        P->capwaiting = P->capwaiting ? 2 * P->capwaiting : 8;
        P->waiting = xrealloc(P->waiting, (size_t)P->capwaiting * sizeof *P->waiting);
    }
    P->waiting[P->nwaiting++] = t;
    int e = fst(I)->workers[t].event;
    I->vs.events[e] = false;
    vs_wait_event(&I->vs, e, -1);
}

/* ---- the executor ---------------------------------------------------------------- */

static SimId e_init(PyRun *I, SimId *a, int n, SimId kw)
{
    static const char *const names[] = {"max_workers", "thread_name_prefix", "initializer", "initargs"};
    SimId v[4] = {0};
    int np = bi_npos(I, n, kw) - 1;
    if (np > 4) {
        py_raise(I, EXC_TypeError, "ThreadPoolExecutor.__init__() takes from 1 to 5 positional arguments but %d "
                                   "were given", np + 1);
        return 0;
    }
    for (int i = 0; i < 4; i++)
        v[i] = i < np ? a[1 + i] : bi_kwarg(I, a, n, kw, names[i]);
    if ((v[2] && v[2] != S->none) || v[3])
        return py_not_modelled(I, 0, "ThreadPoolExecutor's initializer"), (SimId)0;
    int64_t max = MODEL_CPUS + 4 < 32 ? MODEL_CPUS + 4 : 32;
    if (v[0] && v[0] != S->none) {
        if (sim_kind(S, v[0]) != SK_INT || sim_obj(S, v[0])->sub == 1)
            return py_not_modelled(I, 0, "a max_workers that is not an int"), (SimId)0;
        max = sim_obj(S, v[0])->v.i;
        if (max <= 0) {
            py_raise(I, EXC_ValueError, "max_workers must be greater than 0");
            return 0;
        }
    }
    PyFutures *F = fst(I);
    unsure(I);
    F->pools = xrealloc(F->pools, (size_t)(F->npools + 1) * sizeof *F->pools);
    FutPool *P = &F->pools[F->npools];
    *P = (FutPool){.sem = -1};
    set_word(I, a[0], F->npools++);
    SimId self = a[0];
    SimId prefix;
    size_t pn = 0;
    if (v[1] && sim_kind(S, v[1]) == SK_STR)
        sim_str_data(S, v[1], &pn);
    if (pn) {
        sim_incref(S, v[1]);
        prefix = v[1];
    } else {
        if (v[1] && v[1] != S->none && sim_kind(S, v[1]) != SK_STR)
            return py_not_modelled(I, 0, "a thread_name_prefix that is not a str"), (SimId)0;
        char buf[48];
        snprintf(buf, sizeof buf, "ThreadPoolExecutor-%d", F->counter++);
        prefix = sim_str(S, buf, strlen(buf));
    }
    SimId wq = vm_new_instance(I, F->cls[FC_SIMPLEQ], NULL, 0, false);
    SimId sem = vm_new_instance(I, st(I)->cls[THC_SEM], NULL, 0, false);
    if (!wq || !sem)
        return 0;
    SimId sargs[2] = {sem, sim_int(S, 0)};
    SimId ok = sem_init(I, sargs, 2, 0);
    sim_decref(S, sargs[1]);
    if (!ok)
        return 0;
    sim_decref(S, ok);
    P = &F->pools[word(I, self)];
    P->sem = word(I, sem);
    if (!put(I, self, "_max_workers", sim_int(S, max)) || !put(I, self, "_work_queue", wq) ||
        !put(I, self, "_idle_semaphore", sem) || !put(I, self, "_threads", sim_set(S)) ||
        !put(I, self, "_broken", sim_bool(S, false)) || !put(I, self, "_shutdown", sim_bool(S, false)) ||
        !put(I, self, "_shutdown_lock", thr_new_lock(I, false)) || !put(I, self, "_thread_name_prefix", prefix) ||
        !put(I, self, "_initializer", bi_none(I)))
        return 0;
    sim_incref(S, S->empty_tuple);
    return put(I, self, "_initargs", S->empty_tuple) ? bi_none(I) : 0;
}

static SimId w_worker(PyRun *I, SimId *a, int n, SimId kw);
static SimId shutdown(PyRun *I, SimId self, bool wait, bool call);

/* _adjust_thread_count: a new worker unless one is idle or max_workers run */
static bool adjust(PyRun *I, SimId self, FutPool *P)
{
    if (vs_sem_try(&I->vs, P->sem)) {
        SimId sem = get(I, self, "_idle_semaphore");
        return put(I, sem, "_value", sim_int(S, I->vs.locks[P->sem].count));
    }
    SimId mx = get(I, self, "_max_workers"), threads = get(I, self, "_threads"), prefix = get(I, self, "_thread_name_prefix");
    if (!mx || sim_kind(S, mx) != SK_INT || !threads || sim_kind(S, threads) != SK_SET || !prefix ||
        sim_kind(S, prefix) != SK_STR)
        return py_not_modelled(I, 0, "a ThreadPoolExecutor whose attributes the program changed");
    int64_t num = sim_obj(S, threads)->len;
    if (num >= sim_obj(S, mx)->v.i)
        return true;
    size_t pn;
    const char *pd = sim_str_data(S, prefix, &pn);
    Buf b = {0};
    buf_printf(&b, "%.*s_%lld", (int)pn, pd, (long long)num);
    SimId name = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    SimId t = threading_start_worker(I, name, fut_method(I, w_worker));
    if (!t)
        return false;
    PyFutures *F = fst(I);
    int tid = word(I, t);
    if (tid >= F->nworkers) {
        F->workers = xrealloc(F->workers, (size_t)(tid + 1) * sizeof *F->workers);
        for (int i = F->nworkers; i <= tid; i++)
            F->workers[i] = (FutWorker){.pool = -1, .event = -1};
        F->nworkers = tid + 1;
    }
    F->workers[tid] = (FutWorker){.pool = (int)(P - F->pools), .event = vs_event_new(&I->vs)};
    P->nthreads++;
    sim_set_add(S, threads, t);
    return true;
}

/* from_loop: asyncio's loop, which runs the other threads itself when a
 * new worker's start() makes it wait (vm_wait_nested) */
static SimId submit_to(PyRun *I, SimId self, SimId fn, SimId args, SimId kwargs, bool from_loop)
{
    FutPool *P = pool_of(I, self);
    if (!P)
        return 0;
    if (P->shutdown || get(I, self, "_shutdown") == S->true_) {
        py_raise(I, EXC_RuntimeError, "cannot schedule new futures after shutdown");
        return 0;
    }
    if (!from_loop && !thr_can_block(I, "ThreadPoolExecutor.submit()")) /* a new worker's start() waits */
        return 0;
    SimId f = fut_new(I);
    if (!f)
        return 0;
    SimId item = sim_tuple(S, 4);
    sim_incref(S, f), sim_incref(S, fn), sim_incref(S, args);
    sim_tuple_set(S, item, 0, f);
    sim_tuple_set(S, item, 1, fn);
    sim_tuple_set(S, item, 2, args);
    sim_tuple_set(S, item, 3, kwargs ? kwargs : sim_dict(S));
    put_item(I, P, item);
    if (!adjust(I, self, &fst(I)->pools[word(I, self)])) {
        sim_decref(S, f);
        return 0;
    }
    return f;
}

static SimId submit(PyRun *I, SimId self, SimId fn, SimId args, SimId kwargs)
{
    return submit_to(I, self, fn, args, kwargs, false);
}

SimId futures_submit_from_loop(PyRun *I, SimId ex, SimId fn, SimId args, SimId kwargs)
{
    return submit_to(I, ex, fn, args, kwargs, true);
}

SimId futures_executor_class(PyRun *I)
{
    return I->futures ? I->futures->cls[FC_EXECUTOR] : 0;
}

bool futures_is_executor(PyRun *I, SimId v)
{
    SimId c = futures_executor_class(I);
    return c && sim_kind(S, v) == SK_INSTANCE && sim_is_subtype(S, sim_obj(S, v)->type, c);
}

int futures_shutdown_from_loop(PyRun *I, SimId ex)
{
    FutPool *P = pool_of(I, ex);
    if (!P)
        return -2;
    if (!P->shutdown) {
        SimId r = shutdown(I, ex, false, false);
        if (!r)
            return -2;
        sim_decref(S, r);
    }
    int p = word(I, ex);
    for (int t = 0; t < fst(I)->nworkers; t++)
        if (fst(I)->workers[t].pool == p && vs_alive(&I->vs, t))
            return t;
    return -1;
}

static SimId e_submit(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np < 2) {
        py_raise(I, EXC_TypeError, "ThreadPoolExecutor.submit() missing 1 required positional argument: 'fn'");
        return 0;
    }
    SimId args = sim_tuple(S, (size_t)(np - 2));
    for (int i = 2; i < np; i++) {
        sim_incref(S, a[i]);
        sim_tuple_set(S, args, (size_t)(i - 2), a[i]);
    }
    SimId kwargs = 0;
    if (kw && sim_obj(S, kw)->len) {
        kwargs = sim_dict(S);
        for (uint32_t i = 0; i < sim_obj(S, kw)->len; i++) {
            SimId k = sim_items(S, kw)[i];
            sim_incref(S, k), sim_incref(S, a[np + (int)i]);
            sim_dict_set(S, kwargs, k, a[np + (int)i]);
        }
    }
    SimId f = submit(I, a[0], a[1], args, kwargs);
    sim_decref(S, args);
    return f;
}

static SimId e_map(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId tmo = bi_kwarg(I, a, n, kw, "timeout"), chunk = bi_kwarg(I, a, n, kw, "chunksize");
    if ((tmo && tmo != S->none) || chunk)
        return py_not_modelled(I, 0, "Executor.map() with a timeout or chunksize"), (SimId)0;
    if (np < 2) {
        py_raise(I, EXC_TypeError, "Executor.map() missing 1 required positional argument: 'fn'");
        return 0;
    }
    if (!pool_of(I, a[0]))
        return 0;
    SimId seqs[8];
    int nseq = np - 2;
    if (nseq > 8)
        return py_not_modelled(I, 0, "Executor.map() over more than 8 iterables"), (SimId)0;
    uint32_t len = UINT32_MAX;
    for (int i = 0; i < nseq; i++) {
        seqs[i] = bi_seq_fast(I, a[2 + i], NULL);
        if (!seqs[i]) {
            for (int k = 0; k < i; k++)
                sim_decref(S, seqs[k]);
            return 0;
        }
        if (sim_obj(S, seqs[i])->len < len)
            len = sim_obj(S, seqs[i])->len;
    }
    if (!nseq)
        len = 0;
    SimId seq = sim_list(S, 0); /* zip(*iterables) */
    for (uint32_t j = 0; j < len; j++) {
        SimId t = sim_tuple(S, (size_t)nseq);
        for (int i = 0; i < nseq; i++) {
            sim_incref(S, sim_items(S, seqs[i])[j]);
            sim_tuple_set(S, t, (size_t)i, sim_items(S, seqs[i])[j]);
        }
        sim_list_append(S, seq, t);
    }
    for (int i = 0; i < nseq; i++)
        sim_decref(S, seqs[i]);
    SimId fs = sim_list(S, 0);
    for (uint32_t i = 0; i < sim_obj(S, seq)->len; i++) {
        SimId f = submit(I, a[0], a[1], sim_items(S, seq)[i], 0);
        if (!f) {
            sim_decref(S, seq), sim_decref(S, fs);
            return 0;
        }
        sim_list_insert(S, fs, 0, f); /* fs.reverse(): popped from the end */
    }
    sim_decref(S, seq);
    return fut_iter_new(I, fs, true, "Executor.map.<locals>.result_iterator");
}

/* shutdown's wait: join each worker in turn */
static int join_next(PyRun *I, SimId ex, int64_t deadline, SimId *out)
{
    (void)deadline;
    PyFutures *F = fst(I);
    int p = word(I, ex);
    for (int t = 0; t < F->nworkers; t++)
        if (F->workers[t].pool == p && vs_alive(&I->vs, t)) {
            vs_wait_join(&I->vs, t, -1);
            sim_incref(S, ex);
            vm_block_resume(I, join_next, ex, VS_NEVER);
            return VM_RESUME_AGAIN;
        }
    *out = 0;
    return VM_RESUME_DONE;
}

static int join_for_call(PyRun *I, SimId ex, int64_t deadline, SimId *out)
{
    int r = join_next(I, ex, deadline, out);
    if (r == VM_RESUME_DONE)
        *out = bi_none(I);
    else if (I->ts->resume == join_next)
        I->ts->resume = join_for_call;
    return r;
}

/* shutdown(wait): no new futures; the None that wakes the workers; then
 * (wait) each worker joined: result_of says whether the call's value (None)
 * replaces the placeholder (a call) or the stack stays (__exit__) */
static SimId shutdown(PyRun *I, SimId self, bool wait, bool call)
{
    FutPool *P = pool_of(I, self);
    if (!P)
        return 0;
    P->shutdown = true;
    if (!put(I, self, "_shutdown", sim_bool(S, true)))
        return 0;
    put_item(I, P, 0);
    if (!wait)
        return bi_none(I);
    SimId dummy = 0;
    int p = word(I, self);
    bool alive = false;
    for (int t = 0; t < fst(I)->nworkers; t++)
        alive = alive || (fst(I)->workers[t].pool == p && vs_alive(&I->vs, t));
    if (!alive)
        return bi_none(I);
    if (!thr_can_block(I, "ThreadPoolExecutor.shutdown()"))
        return 0;
    sim_incref(S, self);
    if (join_next(I, self, VS_NEVER, &dummy) == VM_RESUME_AGAIN) {
        sim_decref(S, self); /* join_next took its own reference */
        if (call)
            I->ts->resume = join_for_call;
    }
    return bi_none(I);
}

static SimId e_shutdown(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId w = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "wait");
    SimId cf = bi_kwarg(I, a, n, kw, "cancel_futures");
    int cancel = cf ? op_truth(I, cf) : 0;
    int wait = w ? op_truth(I, w) : 1;
    if (wait < 0 || cancel < 0)
        return 0;
    if (cancel)
        return py_not_modelled(I, 0, "shutdown(cancel_futures=True)"), (SimId)0;
    return shutdown(I, a[0], wait, true);
}

static SimId e_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    sim_incref(S, a[0]);
    return a[0];
}

static SimId e_exit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId r = shutdown(I, a[0], true, false);
    if (!r)
        return 0;
    sim_decref(S, r);
    return sim_bool(S, false);
}

static SimId w_worker(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "concurrent.futures.thread._worker called by the program"), (SimId)0;
}

static SimId q_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "the SimpleQueue of a ThreadPoolExecutor"), (SimId)0;
}

#define M(nm, f, ...) BUILTIN(nm, SK_INSTANCE, BM_FUTURES, f, __VA_ARGS__)

const BuiltinDef futures_pool_functions[] = {
    M("__init__", e_init, .kw = "max_workers thread_name_prefix initializer initargs"),
    M("submit", e_submit, .kw = "*"),
    M("map", e_map, .kw = "*"),
    M("shutdown", e_shutdown, .kw = "wait cancel_futures"),
    M("__enter__", e_enter),
    M("__exit__", e_exit, .kw = "*"),
    M("_worker", w_worker, .kw = "*"),
    M("put", q_refused, .kw = "*"),
};
const int futures_pool_nfunctions = (int)(sizeof futures_pool_functions / sizeof futures_pool_functions[0]);

void futures_pool_init(PyRun *I, SimId d)
{
    PyFutures *F = fst(I);
    static const BuiltinFn ef[] = {e_init, e_submit, e_map, e_shutdown, e_enter, e_exit};
    static const char *const en[] = {"__init__", "submit", "map", "shutdown", "__enter__", "__exit__"};
    F->cls[FC_EXECUTOR] = fut_class(I, "concurrent.futures.thread", "ThreadPoolExecutor", ef, en, 6, true);
    static const BuiltinFn qf[] = {q_refused, q_refused, q_refused, q_refused};
    static const char *const qn[] = {"put", "get", "put_nowait", "get_nowait"};
    F->cls[FC_SIMPLEQ] = fut_class(I, "_queue", "SimpleQueue", qf, qn, 4, false);
    if (F->cls[FC_EXECUTOR]) {
        sim_incref(S, F->cls[FC_EXECUTOR]);
        bi_dict_put(I, d, "ThreadPoolExecutor", F->cls[FC_EXECUTOR]);
    }
}

/* ---- the workers (vm_threads.c drives them) ---------------------------------------- */

bool futures_is_worker(PyRun *I, int t)
{
    PyFutures *F = I->futures;
    return F && t < F->nworkers && F->workers[t].pool >= 0;
}

static void release_idle(PyRun *I, FutPool *P)
{
    vs_sem_release(&I->vs, P->sem, 1);
}

/* the item's call: its frame pushed (1), a C callable's result set (0),
 * or a C callable's call blocked (4: the worker waits, as a Thread whose
 * target is time.sleep does, and its future ends when it runs again) */
static int run_item(PyRun *I, FutWorker *w, SimId item)
{
    SimId f = sim_items(S, item)[0], fn = sim_items(S, item)[1], args = sim_items(S, item)[2],
          kwargs = sim_items(S, item)[3];
    if (!fut_set_running(I, f))
        return 3;
    uint32_t np = sim_obj(S, args)->len, nk = sim_obj(S, kwargs)->len;
    SimId *av = xmalloc((np + nk + 1) * sizeof *av);
    for (uint32_t i = 0; i < np; i++) {
        av[i] = sim_items(S, args)[i];
        sim_incref(S, av[i]);
    }
    SimId keys = 0;
    if (nk) {
        keys = sim_tuple(S, nk);
        SimId k, v;
        uint32_t pos = 0;
        for (uint32_t i = 0; sim_dict_next(S, kwargs, &pos, &k, &v); i++) {
            sim_incref(S, k), sim_incref(S, v);
            sim_tuple_set(S, keys, i, k);
            av[np + i] = v;
        }
    }
    SimId func = fn, self = 0;
    if (sim_kind(S, fn) == SK_METHOD && sim_kind(S, SIM_V(S, fn, SK_METHOD, method.func)) == SK_FUNC) {
        func = SIM_V(S, fn, SK_METHOD, method.func);
        self = SIM_V(S, fn, SK_METHOD, method.self);
    }
    sim_incref(S, f);
    w->future = f;
    if (sim_kind(S, func) == SK_FUNC) {
        sim_incref(S, func);
        if (self)
            sim_incref(S, self);
        bool ok = vm_push_python(I, func, self, av, (int)(np + nk), keys);
        free(av);
        sim_xdecref(S, keys);
        if (!ok)
            return -1;
        if (I->ts->gen_made) { /* a generator function: its call returns at once */
            SimId g = I->ts->gen_made;
            I->ts->gen_made = 0;
            vm_unwind_frame(I);
            futures_worker_returned(I, g);
            return 0;
        }
        I->ts->top->c_boundary = true;
        return 1;
    }
    SimId r = vm_call_kw(I, fn, av, (int)(np + nk), keys);
    for (uint32_t i = 0; i < np + nk; i++)
        sim_decref(S, av[i]);
    free(av);
    sim_xdecref(S, keys);
    if (r && I->vs.thr[I->vs.running].state != VS_RUN) {
        w->blocked = true;
        w->value = r;
        return 4;
    }
    if (r)
        futures_worker_returned(I, r);
    else if (!futures_worker_raised(I))
        return -1;
    return 0;
}

int futures_worker_next(PyRun *I)
{
    PyFutures *F = fst(I);
    int t = I->vs.running;
    if (F->workers[t].blocked) { /* its built-in call woke: the future ends */
        SimId r = F->workers[t].value;
        F->workers[t].blocked = false, F->workers[t].value = 0;
        futures_worker_returned(I, r);
        if (I->refused)
            return -1;
    }
    for (;;) {
        FutWorker *w = &F->workers[t];
        FutPool *P = &F->pools[w->pool];
        SimId item;
        if (w->handed) { /* woken by put() with its item */
            item = w->item;
            w->handed = false, w->item = 0;
        } else if (P->n) {
            item = P->items[P->head];
            P->head = (P->head + 1) % P->cap;
            P->n--;
        } else {
            if (v312(I) && !w->idle) { /* get_nowait() failed: idle before get(block=True) */
                release_idle(I, P);
                w->idle = true;
            }
            wait_item(I, P, t);
            return 0;
        }
        w->idle = false;
        if (!item) { /* the None of shutdown (or of the interpreter's exit) */
            if (P->shutdown) {
                put_item(I, P, 0); /* "Notice other workers" */
                w->pool = -1;
                return 2;
            }
            continue;
        }
        int r = run_item(I, w, item);
        sim_decref(S, item);
        if (r == 4)
            return 0;
        if (r == 3 && !v312(I)) /* a cancelled item: 3.11 counts the worker idle after it too */
            release_idle(I, P);
        else if (r != 0 && r != 3)
            return r;
        if (I->refused)
            return -1;
    }
}

void futures_worker_returned(PyRun *I, SimId r)
{
    FutWorker *w = &fst(I)->workers[I->vs.running];
    SimId f = w->future;
    w->future = 0;
    if (!f) {
        sim_xdecref(S, r);
        return;
    }
    fut_finish(I, f, r ? r : bi_none(I), 0);
    sim_decref(S, f);
    if (!v312(I) && fst(I)->pools)
        release_idle(I, &fst(I)->pools[w->pool]);
}

bool futures_worker_settled(PyRun *I, int t, SimId v)
{
    PyFutures *F = I->futures;
    if (!F || t >= F->nworkers || !F->workers[t].blocked)
        return false;
    sim_xdecref(S, F->workers[t].value);
    F->workers[t].value = v;
    return true;
}

bool futures_worker_raised(PyRun *I)
{
    FutWorker *w = &fst(I)->workers[I->vs.running];
    if (w->blocked) { /* its built-in call raised once it woke (queue.Empty) */
        sim_xdecref(S, w->value);
        w->blocked = false, w->value = 0;
    }
    SimId f = w->future;
    if (!f || I->refused || !I->ts->err.set)
        return false;
    SimId e = exc_instance(I);
    py_err_clear(I);
    exc_handled_pop_to(I, 0);
    w->future = 0;
    fut_finish(I, f, 0, e);
    sim_decref(S, f);
    if (!v312(I))
        release_idle(I, &fst(I)->pools[w->pool]);
    return !I->refused;
}

void futures_at_exit(PyRun *I)
{
    PyFutures *F = I->futures;
    for (int p = 0; F && p < F->npools; p++)
        if (!F->pools[p].shutdown) {
            F->pools[p].shutdown = true;
            put_item(I, &F->pools[p], 0);
        }
}
