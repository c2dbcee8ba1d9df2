/*
 * mp_pool: multiprocessing.Pool (multiprocessing.c has the module, its
 * rules and Process): map, starmap and apply on worker processes that are
 * forks of the program (mp_wire.c), chunks dealt round-robin; close,
 * terminate, join, with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/modules/mp_int.h"

#define S (I->sim)
#define FORK_PS MP_FORK_PS
#define IPC_PS MP_IPC_PS

/* ---- Pool -------------------------------------------------------------------- */

static int pool_size(PyRun *I, SimId self)
{
    return (int)sim_obj(S, self)->cap - 1;
}

SimId po_init(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId v = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "processes");
    if (bi_npos(I, n, kw) > 2 || bi_kwarg(I, a, n, kw, "initializer") || bi_kwarg(I, a, n, kw, "maxtasksperchild"))
        return py_not_modelled(I, 0, "Pool's initializer, initargs, maxtasksperchild and context"), (SimId)0;
    int64_t k = I->ncores > 0 ? I->ncores : 2; /* os.cpu_count(): the simulated machine's */
    if (v && v != S->none) {
        if (sim_kind(S, v) != SK_INT || sim_obj(S, v)->sub) {
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
            return 0;
        }
        k = sim_obj(S, v)->v.i;
        if (k < 1) {
            py_raise(I, EXC_ValueError, "Number of processes must be at least 1");
            return 0;
        }
    }
    if (k > 64)
        return py_not_modelled(I, 0, "a pool of more than 64 processes"), (SimId)0;
    if (mp_threads_run(I, "Pool()"))
        return 0;
    mp_unsure(I);
    PyMp *m = mp_state(I);
    sim_obj(S, a[0])->cap = (uint32_t)(k + 1);
    m->counter += (int)k; /* its workers take the next numbers: ForkPoolWorker-N */
    SimId base = sim_int(S, m->counter - k + 1);
    I->vs.now += k * FORK_PS / 10; /* the parent forks each worker */
    m->live_pools = xrealloc(m->live_pools, (size_t)(m->nlive_pools + 1) * sizeof *m->live_pools);
    m->live_pools[m->nlive_pools++] = a[0]; /* Pool() starts its worker, task and result handlers */
    return mp_put(I, a[0], "_first_worker", base) && mp_put(I, a[0], "_state", mp_name(I, "RUN")) ? bi_none(I) : 0;
}

static bool pool_running(PyRun *I, SimId self)
{
    SimId st = mp_get(I, self, "_state");
    if (st && sim_kind(S, st) == SK_STR && sim_str_equals(S, st, "RUN"))
        return true;
    py_raise(I, EXC_ValueError, "Pool not running");
    return false;
}

/* Runs the calls on the pool's workers, chunks dealt round-robin; the
 * results in order (a new list) or 0. */
static SimId pool_run(PyRun *I, SimId self, MpCall *calls, int ncalls, int chunk)
{
    int k = pool_size(I, self);
    if (mp_state(I)->current || mp_state(I)->current_name[0])
        return py_not_modelled(I, 0, "a pool used by a child process"), (SimId)0;
    if (mp_threads_run(I, "a Pool's map()"))
        return 0;
    SimId first = mp_get(I, self, "_first_worker");
    int base = first && sim_kind(S, first) == SK_INT ? (int)sim_obj(S, first)->v.i : 1;
    int64_t end;
    SimId out = mp_pool_run(I, k, base, "ForkPoolWorker", calls, ncalls, chunk, &end);
    if (out) {
        I->vs.now = end;
        mp_unsure(I);
    }
    return out;
}

SimId mp_pool_run(PyRun *I, int k, int base, const char *prefix, const MpCall *calls, int ncalls, int chunk,
                  int64_t *endp)
{
    SimId out = sim_list(S, (size_t)ncalls);
    int64_t start = I->vs.now, end = start;
    int nchunks = chunk ? (ncalls + chunk - 1) / chunk : 0;
    int busy = nchunks < k ? nchunks : k;
    int ncores = I->ncores > 0 ? I->ncores : 2;
    bool ok = true;
    MpCall *mine = xmalloc((size_t)(ncalls ? ncalls : 1) * sizeof *mine);
    int *where = xmalloc((size_t)(ncalls ? ncalls : 1) * sizeof *where);
    for (int w = 0; w < busy && ok; w++) {
        int nm = 0;
        for (int c = w; c < nchunks; c += k)
            for (int i = c * chunk; i < (c + 1) * chunk && i < ncalls; i++)
                where[nm] = i, mine[nm++] = calls[i];
        char name[64];
        snprintf(name, sizeof name, "%s-%d", prefix, base + w);
        MpReport rep;
        if (!mp_run_child(I, name, mine, nm, &rep)) {
            ok = py_not_modelled(I, 0, "a pool worker this machine could not fork");
            break;
        }
        mp_replay_output(I, &rep);
        ok = mp_report_ok(I, &rep, true);
        int64_t t = start;
        for (int i = 0; ok && i < rep.ncalls; i++) {
            SimId r = rep.results[i];
            if (!r) {
                ok = py_not_modelled(I, 0, "a result that did not read back from a pool worker");
                break;
            }
            rep.results[i] = 0;
            sim_list_set(S, out, (size_t)where[i], r);
            t += IPC_PS + rep.elapsed[i] * (busy > ncores ? busy : ncores) / ncores;
        }
        end = t > end ? t : end;
        mp_report_fini(I, &rep);
    }
    free(mine);
    free(where);
    for (int i = 0; i < ncalls; i++) /* slots a failure left empty */
        if (!sim_items(S, out)[i])
            sim_list_set(S, out, (size_t)i, bi_none(I));
    if (!ok) {
        sim_decref(S, out);
        return 0;
    }
    *endp = end + IPC_PS;
    return out;
}

/* Pool._map_async's chunksize: divmod(len, 4 * processes), rounded up */
static int default_chunk(int n, int k)
{
    int c = n / (4 * k);
    return c + (n % (4 * k) ? 1 : 0);
}

static SimId map_common(PyRun *I, SimId *a, int n, SimId kw, bool star)
{
    SimId self = a[0], fn = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "func");
    SimId it = bi_npos(I, n, kw) > 2 ? a[2] : bi_kwarg(I, a, n, kw, "iterable");
    SimId cs = bi_npos(I, n, kw) > 3 ? a[3] : bi_kwarg(I, a, n, kw, "chunksize");
    if (!fn || !it) {
        py_raise(I, EXC_TypeError, "Pool.%s() missing required arguments", star ? "starmap" : "map");
        return 0;
    }
    if (!pool_running(I, self))
        return 0;
    SimId seq = bi_seq_fast(I, it, NULL);
    if (!seq)
        return 0;
    int ncalls = (int)sim_obj(S, seq)->len, k = pool_size(I, self);
    int chunk = default_chunk(ncalls, k);
    if (cs && cs != S->none) {
        if (sim_kind(S, cs) != SK_INT || sim_obj(S, cs)->v.i < 1) {
            sim_decref(S, seq);
            return py_not_modelled(I, 0, "a chunksize that is not a positive int"), (SimId)0;
        }
        chunk = (int)sim_obj(S, cs)->v.i;
    }
    MpCall *calls = xcalloc((size_t)(ncalls ? ncalls : 1), sizeof *calls);
    SimId *held = xcalloc((size_t)(ncalls ? ncalls : 1), sizeof *held);
    bool ok = true;
    for (int i = 0; i < ncalls && ok; i++) {
        SimId x = sim_items(S, seq)[i];
        calls[i].fn = fn;
        if (star) { /* each item unpacked: fn(*item) */
            held[i] = bi_seq_fast(I, x, NULL);
            ok = held[i] != 0;
            calls[i].args = ok ? sim_items(S, held[i]) : NULL;
            calls[i].nargs = ok ? (int)sim_obj(S, held[i])->len : 0;
        } else {
            calls[i].args = &sim_items(S, seq)[i];
            calls[i].nargs = 1;
        }
    }
    SimId r = ok ? pool_run(I, self, calls, ncalls, chunk) : 0;
    for (int i = 0; i < ncalls; i++)
        sim_xdecref(S, held[i]);
    free(held);
    free(calls);
    sim_decref(S, seq);
    return r;
}

SimId po_map(PyRun *I, SimId *a, int n, SimId kw) { return map_common(I, a, n, kw, false); }
SimId po_starmap(PyRun *I, SimId *a, int n, SimId kw) { return map_common(I, a, n, kw, true); }

SimId po_apply(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId fn = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "func");
    SimId args = bi_npos(I, n, kw) > 2 ? a[2] : bi_kwarg(I, a, n, kw, "args");
    if (bi_npos(I, n, kw) > 3 || bi_kwarg(I, a, n, kw, "kwds"))
        return py_not_modelled(I, 0, "Pool.apply()'s kwds"), (SimId)0;
    if (!fn) {
        py_raise(I, EXC_TypeError, "Pool.apply() missing 1 required positional argument: 'func'");
        return 0;
    }
    if (!pool_running(I, a[0]))
        return 0;
    SimId seq = args ? bi_seq_fast(I, args, NULL) : S->empty_tuple;
    if (!seq)
        return 0;
    if (!args)
        sim_incref(S, seq);
    MpCall call = {fn, sim_items(S, seq), (int)sim_obj(S, seq)->len, 0};
    SimId l = pool_run(I, a[0], &call, 1, 1);
    sim_decref(S, seq);
    if (!l)
        return 0;
    SimId r = sim_items(S, l)[0];
    sim_incref(S, r);
    sim_decref(S, l);
    return r;
}

SimId po_close(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return mp_put(I, a[0], "_state", mp_name(I, "CLOSE")) ? bi_none(I) : 0;
}

/* terminate(), or join() after close(): the handler threads joined */
static void handlers_joined(PyRun *I, SimId pool)
{
    PyMp *m = mp_state(I);
    for (int i = 0; i < m->nlive_pools; i++)
        if (m->live_pools[i] == pool) {
            m->live_pools[i] = m->live_pools[--m->nlive_pools];
            return;
        }
}

SimId po_terminate(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    handlers_joined(I, a[0]);
    return mp_put(I, a[0], "_state", mp_name(I, "TERMINATE")) ? bi_none(I) : 0;
}

bool mp_own_threads_refused(PyRun *I)
{
    PyMp *m = I->mp;
    if (!m)
        return false;
    bool ex = false;
    for (int i = 0; i < m->nexecs; i++)
        ex = ex || (m->execs[i].used && !m->execs[i].joined);
    if (!m->nlive_pools && !ex)
        return false;
    return py_not_modelled(I, 0, "threading's count of threads while %s (CPython counts its threads: %s)",
                           m->nlive_pools ? "a multiprocessing Pool is open" : "a ProcessPoolExecutor runs",
                           m->nlive_pools ? "three handler threads per pool until terminate() or join()"
                                          : "its manager thread and its queue's feeder until shutdown(wait=True)"),
           true;
}

SimId po_join(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId st = mp_get(I, a[0], "_state");
    if (st && sim_kind(S, st) == SK_STR && sim_str_equals(S, st, "RUN")) {
        py_raise(I, EXC_ValueError, "Pool is still running");
        return 0;
    }
    handlers_joined(I, a[0]);
    return bi_none(I);
}

SimId po_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!pool_running(I, a[0]))
        return 0;
    sim_incref(S, a[0]);
    return a[0];
}

SimId po_exit(PyRun *I, SimId *a, int n, SimId kw) { return po_terminate(I, a, n, kw); }

SimId po_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "a Pool's asynchronous methods (map_async, apply_async, imap, "
                                 "imap_unordered)"), (SimId)0;
}
