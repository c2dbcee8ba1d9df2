/*
 * futures_wait: waiting for several futures — as_completed() and
 * Executor.map()'s generators (their next blocks the thread and runs again,
 * vm_block_retry: once per future in a for loop; inside list() or sorted()
 * once every future ended, so that nothing is taken before the wait) and
 * wait() with its return_when (settled when the thread runs again).
 */
#include <stdio.h>

#include "pyrun/modules/futures_int.h"
#include "sim/vmsched.h"

/* ---- iterators of futures: as_completed's and Executor.map's generators ------------ */

bool fut_direct_next(PyRun *I, SimId it)
{
    Frame *f = I->ts->top;
    if (!f || f->ip == 0 || I->ts->nested)
        return false;
    uint32_t w = I->codes[f->code].ops[f->ip - 1];
    return OPCODE(w) == OP_FOR_ITER && f->sp > f->base && I->ts->stack[f->sp - 1] == it;
}

SimId fut_iter_new(PyRun *I, SimId futures, bool map, const char *qualname)
{
    PyFutures *F = fst(I);
    SimId it = vm_new_instance(I, F->cls[FC_GEN], NULL, 0, false);
    if (!it) {
        sim_decref(S, futures);
        return 0;
    }
    if (F->niters == F->capiters) {
        F->capiters = F->capiters ? 2 * F->capiters : 8;
        F->iters = xrealloc(F->iters, (size_t)F->capiters * sizeof *F->iters);
    }
    F->iters[F->niters] = (FutIter){futures, sim_list(S, 0), map, qualname};
    set_word(I, it, F->niters++);
    return it;
}

/* Blocks the thread until one of `fs` (a list) ends; the instruction that
 * asked runs again then. */
static SimId wait_retry(PyRun *I, SimId fs, const char *what)
{
    if (!thr_can_block(I, what))
        return 0;
    int ev = fut_wait_event(I, I->vs.running);
    for (uint32_t i = 0; i < sim_obj(S, fs)->len; i++)
        if (!fut_done(I, sim_items(S, fs)[i]))
            fut_watch(I, sim_items(S, fs)[i], I->vs.running);
    vs_wait_event(&I->vs, ev, -1);
    vm_block_retry(I, what);
    return 0;
}

static bool all_done(PyRun *I, SimId fs)
{
    for (uint32_t i = 0; i < sim_obj(S, fs)->len; i++)
        if (!fut_done(I, sim_items(S, fs)[i]))
            return false;
    return true;
}

static SimId stop(PyRun *I)
{
    py_raise(I, EXC_StopIteration, "%s", "");
    return 0;
}

/* as_completed: the pending futures that ended move to ready, the first to
 * end last (the end of the list is yielded first) */
static void collect(PyRun *I, FutIter *it)
{
    for (;;) {
        int best = -1, seq = 0;
        SimId fs = it->futures;
        for (uint32_t i = 0; i < sim_obj(S, fs)->len; i++) {
            SimId f = sim_items(S, fs)[i];
            if (fut_done(I, f) && (best < 0 || word(I, f) > seq))
                best = (int)i, seq = word(I, f);
        }
        if (best < 0)
            return;
        SimId f = sim_list_pop(S, fs, (size_t)best);
        sim_list_insert(S, it->ready, sim_obj(S, it->ready)->len, f);
    }
}

SimId g_next(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    FutIter *it = &fst(I)->iters[word(I, a[0])];
    fut_unwatch(I, I->vs.running);
    bool direct = fut_direct_next(I, a[0]);
    SimId fs = it->futures;
    uint32_t len = sim_obj(S, fs)->len;
    if (it->map) {
        if (!len)
            return stop(I);
        SimId f = sim_items(S, fs)[len - 1];
        if ((!direct && !all_done(I, fs)) || !fut_done(I, f))
            return wait_retry(I, fs, "the next result of Executor.map()");
        f = sim_list_pop(S, fs, len - 1);
        SimId r = fut_result_now(I, f);
        sim_decref(S, f);
        return r;
    }
    if (!direct && len && !all_done(I, fs)) /* list(), sorted() ...: once every future ended */
        return wait_retry(I, fs, "as_completed()'s next future");
    if (!sim_obj(S, it->ready)->len)
        collect(I, it);
    uint32_t nready = sim_obj(S, it->ready)->len;
    if (!nready)
        return len ? wait_retry(I, fs, "as_completed()'s next future") : stop(I);
    return sim_list_pop(S, it->ready, nready - 1);
}

SimId g_iter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    sim_incref(S, a[0]);
    return a[0];
}

SimId g_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    char buf[160];
    snprintf(buf, sizeof buf, "<generator object %s at %#llx>", fst(I)->iters[word(I, a[0])].qualname,
             (unsigned long long)sim_id_address(S, a[0]));
    return sim_str(S, buf, strlen(buf));
}

/* set(fs) of futures, each checked */
static SimId future_set(PyRun *I, SimId fs)
{
    SimId seq = bi_seq_fast(I, fs, NULL);
    if (!seq)
        return 0;
    SimId set = sim_set(S);
    for (uint32_t i = 0; i < sim_obj(S, seq)->len; i++) {
        SimId f = sim_items(S, seq)[i];
        if (!fut_is(I, f)) {
            sim_decref(S, seq), sim_decref(S, set);
            return py_not_modelled(I, 0, "waiting for objects that are not concurrent.futures Futures"), (SimId)0;
        }
        sim_incref(S, f);
        sim_set_add(S, set, f);
    }
    sim_decref(S, seq);
    return set;
}

SimId m_as_completed(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId tmo = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "timeout");
    if (tmo && tmo != S->none)
        return py_not_modelled(I, 0, "as_completed() with a timeout"), (SimId)0;
    SimId set = future_set(I, a[0]);
    if (!set)
        return 0;
    SimId pending = sim_list(S, 0), ready = 0;
    int nready = 0;
    uint32_t pos = 0;
    SimId f;
    uint64_t h;
    while (sim_set_next(S, set, &pos, &f, &h)) {
        sim_incref(S, f);
        if (fut_done(I, f)) {
            sim_xdecref(S, ready);
            ready = f;
            nready++;
        } else {
            sim_list_append(S, pending, f);
        }
    }
    sim_decref(S, set);
    if (nready > 1) {
        sim_decref(S, ready), sim_decref(S, pending);
        return py_not_modelled(I, 0, "the order in which as_completed() yields futures that had ended before it "
                                     "was called (a set's order: by address)"), (SimId)0;
    }
    SimId it = fut_iter_new(I, pending, false, "as_completed");
    if (it && ready)
        sim_list_append(S, fst(I)->iters[word(I, it)].ready, ready);
    else
        sim_xdecref(S, ready);
    return it;
}

/* ---- wait ------------------------------------------------------------------------ */

enum { W_FIRST_COMPLETED, W_FIRST_EXCEPTION, W_ALL_COMPLETED };
const char *const fut_when_names[3] = {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"};

/* DoneAndNotDoneFutures(done, not_done) once return_when holds (or force) */
static SimId wait_outcome(PyRun *I, SimId set, int when, bool force)
{
    SimId done = sim_set(S), not_done = sim_set(S);
    bool raised = false;
    uint32_t pos = 0;
    SimId f;
    uint64_t h;
    while (sim_set_next(S, set, &pos, &f, &h)) {
        sim_incref(S, f);
        if (fut_done(I, f)) {
            SimId e = get(I, f, "_exception");
            raised = raised || (fut_state(I, f) == FS_FINISHED && e && e != S->none);
            sim_set_add(S, done, f);
        } else {
            sim_set_add(S, not_done, f);
        }
    }
    uint32_t nd = sim_obj(S, done)->len, nn = sim_obj(S, not_done)->len;
    bool ok = force || !nn || (when == W_FIRST_COMPLETED && nd) || (when == W_FIRST_EXCEPTION && raised);
    if (!ok) {
        sim_decref(S, done), sim_decref(S, not_done);
        return 0;
    }
    SimId args[2] = {done, not_done};
    SimId r = vm_call(I, fst(I)->cls[FC_DONE_TUPLE], args, 2);
    sim_decref(S, done), sim_decref(S, not_done);
    return r;
}

static void watch_set(PyRun *I, SimId set, int64_t deadline)
{
    int ev = fut_wait_event(I, I->vs.running);
    uint32_t pos = 0;
    SimId f;
    uint64_t h;
    while (sim_set_next(S, set, &pos, &f, &h))
        if (!fut_done(I, f))
            fut_watch(I, f, I->vs.running);
    vs_wait_event(&I->vs, ev, deadline == VS_NEVER ? -1 : deadline - I->vs.now);
}

static int wait_again(PyRun *I, SimId pair, int64_t deadline, SimId *out)
{
    SimId set = sim_items(S, pair)[0];
    int when = (int)sim_obj(S, sim_items(S, pair)[1])->v.i;
    fut_unwatch(I, I->vs.running);
    bool late = deadline != VS_NEVER && I->vs.now >= deadline;
    *out = wait_outcome(I, set, when, late);
    if (*out)
        return VM_RESUME_DONE;
    if (I->ts->err.set)
        return VM_RESUME_ERROR;
    watch_set(I, set, deadline);
    sim_incref(S, pair);
    vm_block_resume(I, wait_again, pair, deadline);
    return VM_RESUME_AGAIN;
}

SimId m_wait(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId tmo = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "timeout");
    SimId rw = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "return_when");
    int when = W_ALL_COMPLETED;
    if (rw) {
        size_t len;
        const char *d = sim_kind(S, rw) == SK_STR ? sim_str_data(S, rw, &len) : NULL;
        when = -1;
        for (int i = 0; d && i < 3; i++)
            if (strlen(fut_when_names[i]) == len && memcmp(d, fut_when_names[i], len) == 0)
                when = i;
        if (when < 0)
            return py_not_modelled(I, 0, "wait() with a return_when that is none of the module's constants"),
                   (SimId)0;
    }
    int64_t timeout;
    if (!thr_timeout_arg(I, tmo, false, &timeout))
        return 0;
    SimId set = future_set(I, a[0]);
    if (!set)
        return 0;
    SimId r = wait_outcome(I, set, when, timeout == 0);
    if (r || I->ts->err.set || !thr_can_block(I, "concurrent.futures.wait()")) {
        sim_decref(S, set);
        return r;
    }
    int64_t deadline = timeout < 0 ? VS_NEVER : I->vs.now + timeout;
    watch_set(I, set, deadline);
    SimId pair = sim_tuple(S, 2);
    sim_tuple_set(S, pair, 0, set);
    sim_tuple_set(S, pair, 1, sim_int(S, when));
    vm_block_resume(I, wait_again, pair, deadline);
    return bi_none(I);
}

