/*
 * mp_exec: concurrent.futures.ProcessPoolExecutor on multiprocessing's
 * children (mp_wire.c), with the fork start method of 3.11-3.13 on Linux.
 *
 * submit() runs its call at once in a fork of the program as it is then
 * and gives back a finished Future with its result; map() deals its calls
 * (chunksize items at a time) round-robin to max_workers children
 * (mp_pool_run) and returns a generator over the results.  The simulated
 * clock: the tasks run on the executor's workers, one after another on
 * each, the workers on the machine's cores; map() waits for its last
 * result, shutdown(wait=True) (and leaving a `with`) for the executor's
 * last task; a Future's result() does not move the clock.  Each submit()
 * forks afresh, so what one task leaves in a worker's globals the next
 * one does not see (CPython's worker keeps it); a task that raises is
 * refused.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/modules/futures_int.h"
#include "pyrun/modules/mp_int.h"

#define S (I->sim)

static struct MpExec *exec_of(PyRun *I, SimId self)
{
    PyMp *m = mp_state(I);
    int k = (int)sim_obj(S, self)->cap - 1;
    if (k >= 0 && k < m->nexecs)
        return &m->execs[k];
    py_raise(I, EXC_RuntimeError, "ProcessPoolExecutor.__init__() not called");
    return NULL;
}

static bool usable(PyRun *I, struct MpExec *e, const char *what)
{
    if (!e)
        return false;
    if (e->shutdown) {
        py_raise(I, EXC_RuntimeError, "cannot schedule new futures after shutdown");
        return false;
    }
    if (mp_state(I)->current || mp_state(I)->current_name[0])
        return py_not_modelled(I, 0, "a ProcessPoolExecutor used by a child process");
    if (vs_live_count(&I->vs) > 1)
        return py_not_modelled(I, 0, "%s while threads run (the model forks only a program with one thread)", what);
    return true;
}

SimId ex_init(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw) - 1;
    SimId v = np > 0 ? a[1] : bi_kwarg(I, a, n, kw, "max_workers");
    if (np > 1 || bi_kwarg(I, a, n, kw, "mp_context") || bi_kwarg(I, a, n, kw, "initializer") ||
        bi_kwarg(I, a, n, kw, "max_tasks_per_child"))
        return py_not_modelled(I, 0, "ProcessPoolExecutor's mp_context, initializer, initargs and "
                                     "max_tasks_per_child"), (SimId)0;
    int64_t k = I->ncores > 0 ? I->ncores : 2; /* os.cpu_count(): the simulated machine's */
    if (v && v != S->none) {
        if (sim_kind(S, v) != SK_INT || sim_obj(S, v)->sub) {
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
            return 0;
        }
        k = sim_obj(S, v)->v.i;
        if (k <= 0) {
            py_raise(I, EXC_ValueError, "max_workers must be greater than 0");
            return 0;
        }
    }
    if (k > 61) /* as on Windows; the model keeps its pools small */
        return py_not_modelled(I, 0, "a ProcessPoolExecutor of more than 61 workers"), (SimId)0;
    PyMp *m = mp_state(I);
    m->execs = xrealloc(m->execs, (size_t)(m->nexecs + 1) * sizeof *m->execs);
    struct MpExec *e = &m->execs[m->nexecs];
    *e = (struct MpExec){.busy = xcalloc((size_t)k, sizeof *e->busy), .k = (int)k, .first = m->counter + 1};
    m->counter += (int)k; /* its workers take the next numbers: ForkProcess-N */
    sim_obj(S, a[0])->cap = (uint32_t)++m->nexecs;
    I->gc_count_unsure = I->gc_garbage_unsure = true;
    I->count_unsure_what = "concurrent.futures.process's objects (its allocations are not replayed)";
    SimId key = sim_str_intern(S, "_max_workers", 12);
    bool ok = attr_set(I, a[0], key, sim_int(S, k));
    sim_decref(S, key);
    return ok ? bi_none(I) : 0;
}

/* a finished Future holding r (stolen) */
static SimId finished(PyRun *I, SimId r)
{
    SimId f = fut_new(I);
    if (!f || !fut_set_running(I, f) || !fut_finish(I, f, r, 0)) {
        sim_xdecref(S, f);
        return 0;
    }
    return f;
}

SimId ex_submit(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0;
    if (n - nk < 2) {
        py_raise(I, EXC_TypeError, "submit() missing 1 required positional argument: 'fn'");
        return 0;
    }
    struct MpExec *e = exec_of(I, a[0]);
    if (!usable(I, e, "ProcessPoolExecutor.submit()"))
        return 0;
    MpCall call = {a[1], a + 2, n - 2, nk ? kw : 0};
    int64_t end;
    int w = e->ntasks % e->k;
    SimId l = mp_pool_run(I, 1, e->first + w, "ForkProcess", &call, 1, 1, &end);
    e = exec_of(I, a[0]);
    if (!l) {
        if (!I->refused) {
            py_err_clear(I);
            py_not_modelled(I, 0, "a ProcessPoolExecutor task that raises (its traceback is the worker's, "
                                  "through concurrent.futures.process's frames)");
        }
        return 0;
    }
    int busy = e->ntasks + 1 < e->k ? e->ntasks + 1 : e->k, ncores = I->ncores > 0 ? I->ncores : 2;
    int64_t ran = (end - I->vs.now - 2 * MP_IPC_PS) * (busy > ncores ? busy : ncores) / ncores;
    int64_t start = e->busy[w] > I->vs.now + MP_IPC_PS ? e->busy[w] : I->vs.now + MP_IPC_PS;
    e->busy[w] = start + (ran > 0 ? ran : 0) + MP_IPC_PS;
    e->end = e->busy[w] > e->end ? e->busy[w] : e->end;
    e->ntasks++;
    e->used = true;
    SimId r = sim_items(S, l)[0];
    sim_incref(S, r);
    sim_decref(S, l);
    return finished(I, r);
}

SimId ex_map(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    SimId cs = bi_kwarg(I, a, n, kw, "chunksize"), tmo = bi_kwarg(I, a, n, kw, "timeout");
    if (np < 3) {
        py_raise(I, EXC_TypeError, "map() missing required arguments");
        return 0;
    }
    if (tmo && tmo != S->none)
        return py_not_modelled(I, 0, "ProcessPoolExecutor.map(timeout=)"), (SimId)0;
    int chunk = 1;
    if (cs && cs != S->none) {
        if (sim_kind(S, cs) != SK_INT || sim_obj(S, cs)->v.i < 1) {
            py_raise(I, EXC_ValueError, "chunksize must be >= 1.");
            return 0;
        }
        chunk = (int)sim_obj(S, cs)->v.i;
    }
    struct MpExec *e = exec_of(I, a[0]);
    if (!usable(I, e, "ProcessPoolExecutor.map()"))
        return 0;
    int nit = np - 2;
    SimId *seqs = xcalloc((size_t)nit, sizeof *seqs);
    int ncalls = -1;
    bool ok = true;
    for (int i = 0; i < nit && ok; i++) { /* zip(*iterables) */
        seqs[i] = bi_seq_fast(I, a[2 + i], NULL);
        ok = seqs[i] != 0;
        if (ok && (ncalls < 0 || (int)sim_obj(S, seqs[i])->len < ncalls))
            ncalls = (int)sim_obj(S, seqs[i])->len;
    }
    MpCall *calls = xcalloc((size_t)(ncalls > 0 ? ncalls : 1), sizeof *calls);
    SimId *argv = xcalloc((size_t)(ncalls > 0 ? ncalls : 1) * (size_t)nit, sizeof *argv);
    for (int c = 0; ok && c < ncalls; c++) {
        for (int i = 0; i < nit; i++)
            argv[c * nit + i] = sim_items(S, seqs[i])[c];
        calls[c] = (MpCall){a[1], argv + c * nit, nit, 0};
    }
    int64_t end = 0;
    SimId l = ok ? mp_pool_run(I, e->k, e->first, "ForkProcess", calls, ncalls > 0 ? ncalls : 0, chunk, &end) : 0;
    for (int i = 0; i < nit; i++)
        sim_xdecref(S, seqs[i]);
    free(seqs), free(calls), free(argv);
    if (!l) {
        if (ok && !I->refused) {
            py_err_clear(I);
            py_not_modelled(I, 0, "a ProcessPoolExecutor task that raises (its traceback is the worker's, "
                                  "through concurrent.futures.process's frames)");
        }
        return 0;
    }
    e = exec_of(I, a[0]);
    if (end > I->vs.now)
        I->vs.now = end;
    e->end = e->end > end ? e->end : end;
    e->used = e->used || ncalls > 0; /* its manager and feeder threads started (mp_own_threads_refused) */
    SimId futs = sim_list(S, 0); /* reversed, as Executor.map's result_iterator pops them */
    for (uint32_t i = sim_obj(S, l)->len; i-- > 0;) {
        SimId r = sim_items(S, l)[i];
        sim_incref(S, r);
        SimId f = finished(I, r);
        if (!f) {
            sim_decref(S, futs), sim_decref(S, l);
            return 0;
        }
        sim_list_append(S, futs, f);
    }
    sim_decref(S, l);
    return fut_iter_new(I, futs, true, "_chain_from_iterable_of_lists");
}

SimId ex_shutdown(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId wait = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "wait");
    struct MpExec *e = exec_of(I, a[0]);
    if (!e)
        return 0;
    e->shutdown = true;
    if (!wait || op_truth(I, wait) > 0) {
        e->joined = true;
        if (e->end > I->vs.now)
            I->vs.now = e->end;
    }
    return bi_none(I);
}

SimId ex_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    sim_incref(S, a[0]);
    return a[0];
}

SimId ex_exit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId r = ex_shutdown(I, a, 1, 0);
    if (!r)
        return 0;
    sim_decref(S, r);
    sim_incref(S, S->false_);
    return S->false_;
}

SimId mp_executor_class(PyRun *I)
{
    PyMp *m = mp_state(I);
    if (!m->cls_executor) {
        static const char *const en[] = {"__init__", "submit", "map", "shutdown", "__enter__", "__exit__"};
        static const BuiltinFn ef[] = {ex_init, ex_submit, ex_map, ex_shutdown, ex_enter, ex_exit};
        m->cls_executor = mp_class(I, "concurrent.futures.process", "ProcessPoolExecutor", en, ef, 6);
    }
    sim_incref(S, m->cls_executor);
    return m->cls_executor;
}
