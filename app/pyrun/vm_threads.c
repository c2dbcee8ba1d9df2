/*
 * vm_threads: the scheduler driving the VM (sim/vmsched.h).  Each
 * instruction adds its cost to the simulated clock (I->vs.now, from the
 * per-profile table vm_opcost_table.h, calibrated against the interpreters
 * by tests/tools/calibrate-opcost.py); at an eval-breaker check (after a
 * backward jump, a call, a with statement's __enter__) the loop asks the
 * scheduler once the clock reached vs.check_at, which is never while one
 * thread runs alone.  A thread switch happens only between two instructions
 * of the outermost loop (ts->nested == 0): the loop returns VM_SWITCH and
 * its caller runs the next thread's frames (vm_thread_switch).
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"
#include "pyrun/modules/asyncio.h"
#include "pyrun/modules/futures.h"
#include "pyrun/modules/threading.h"
#include "pyrun/vm_opcost_table.h"
#define S (I->sim)
#include "sim/brc.h"
#include "sim/sched.h"

enum { PROFILES = 3 };

void vm_opcost_init(PyRun *I)
{
    static const uint32_t deflt[PROFILES] = VM_OPCOST_DEFAULT;
    static const struct {
        int op;
        uint32_t ps[PROFILES];
    } measured[] = {
#define X(op, a, b, c) {op, {a, b, c}},
        VM_OPCOST_MEASURED
#undef X
    };
    SimVersion v = I->sim->prof->version;
    int p = v == SIM_V311 ? 0 : v == SIM_V312 ? 1 : 2;
    for (int op = 0; op < OP_COUNT; op++)
        I->opcost[op] = deflt[p];
    for (size_t i = 0; i < sizeof measured / sizeof measured[0]; i++)
        I->opcost[measured[i].op] = measured[i].ps[p];
    if (v == SIM_V313T) /* the free-threaded build's single-thread overhead: about 40% on
                         * pyperformance in 3.13 (the 3.13 free-threading HOWTO; an estimate) */
        for (int op = 0; op < OP_COUNT; op++)
            I->opcost[op] = I->opcost[op] * 14 / 10;
    /* the model's own markers; 3.11+'s try blocks cost nothing until they catch */
    I->opcost[OP_LINE] = I->opcost[OP_NOP] = 0;
    I->opcost[OP_SETUP_TRY] = I->opcost[OP_POP_TRY] = 0;
}

/* 3.13t: the threads that can run share the cores, so the clock moves by
 * an instruction's cost over how many run at once (vmsched.h), and the
 * biased counts learn who runs and how long a round of turns is. */
static void parallel_apply(PyRun *I)
{
    VmSched *v = &I->vs;
    if (!v->parallel)
        return;
    if (v->par != I->opcost_par) {
        vm_opcost_init(I);
        for (int op = 0; op < OP_COUNT; op++)
            I->opcost[op] /= (uint32_t)v->par;
        I->opcost_par = v->par;
    }
    int k = vs_runnable(v);
    sim_brc_set(S, v->running < 0 ? 0 : v->running, v->par, v->slice * (k > 1 ? k : 1) / v->par);
}

static int check(PyRun *I, bool can_switch)
{
    int r = vs_check(&I->vs, can_switch);
    parallel_apply(I);
    return r;
}

/* Who stored a global, an attribute or an item lately: an open-addressing
 * table keyed by (container, name) — the globals dict or the object, and
 * the name or key (an int key by its value: equal ints are often distinct
 * objects). */
typedef struct VmRaceRec {
    SimId dict, name; /* borrowed: compared, never followed; dict 0: a free entry */
    int64_t keyval;   /* an int key's value (name 0) */
    int tid;
    bool locked;
    int64_t at;
} VmRaceRec;

static uint32_t race_hash(SimId dict, SimId name, int64_t keyval)
{
    uint64_t h = (uint64_t)dict * 0x9E3779B97F4A7C15ull ^ ((uint64_t)name + (uint64_t)keyval) * 0xC2B2AE3D27D4EB4Full;
    return (uint32_t)(h >> 32);
}

static VmRaceRec *race_slot(PyRun *I, SimId dict, SimId name, int64_t keyval)
{
    if (2 * (I->nraces + 1) > I->capraces) { /* at most half full */
        int cap = I->capraces ? 2 * I->capraces : 64;
        VmRaceRec *old = I->races;
        int oldcap = I->capraces;
        I->races = xcalloc((size_t)cap, sizeof *I->races);
        I->capraces = cap;
        for (int i = 0; i < oldcap; i++)
            if (old[i].dict) {
                uint32_t j = race_hash(old[i].dict, old[i].name, old[i].keyval) & (uint32_t)(cap - 1);
                while (I->races[j].dict)
                    j = (j + 1) & (uint32_t)(cap - 1);
                I->races[j] = old[i];
            }
        free(old);
    }
    uint32_t mask = (uint32_t)I->capraces - 1, j = race_hash(dict, name, keyval) & mask;
    while (I->races[j].dict && !(I->races[j].dict == dict && I->races[j].name == name && I->races[j].keyval == keyval))
        j = (j + 1) & mask;
    return &I->races[j];
}

static bool holds_a_lock(const VmSched *v)
{
    for (int l = 0; l < v->nlocks; l++)
        if (!v->locks[l].semaphore && v->locks[l].owner == v->running)
            return true;
    return false;
}

bool vm_race_check(PyRun *I, SimId dict, SimId name, int what)
{
    VmSched *v = &I->vs;
    if (what == VM_RACE_ATTR && threading_local_shape(I, dict) == 1)
        return true; /* each thread stores into its own __dict__ */
    bool locked = holds_a_lock(v);
    int k = vs_runnable(v);
    int64_t window = 2 * v->slice * (k > 1 ? k : 1) / v->par; /* two rounds of turns */
    int64_t keyval = 0;
    SimId key = name;
    if (what == VM_RACE_ITEM && sim_kind(S, name) == SK_INT && !sim_obj(S, name)->sub)
        keyval = sim_obj(S, name)->v.i, key = 0;
    VmRaceRec *r = race_slot(I, dict, key, keyval);
    if (!r->dict) {
        I->nraces++;
        *r = (VmRaceRec){dict, key, keyval, v->running, locked, v->now};
        return true;
    }
    int other = r->tid;
    if (other != v->running && v->now - r->at <= window && (!locked || !r->locked) && other < v->nthr &&
        (v->thr[other].state == VS_RUN || v->thr[other].state == VS_READY)) {
        size_t n = 1;
        const char *s = sim_kind(S, name) == SK_STR ? sim_str_data(S, name, &n) : "?";
        const Frame *f = I->ts->top; /* the store's own line: ip is past it */
        int line = f && f->ip > 0 ? I->codes[f->code].lines[f->ip - 1] : 0;
        char what_text[200];
        if (what == VM_RACE_GLOBAL)
            snprintf(what_text, sizeof what_text, "the global '%.*s'", (int)(n > 60 ? 60 : n), s);
        else if (what == VM_RACE_ATTR)
            snprintf(what_text, sizeof what_text, "the attribute '%.*s' of a '%s'", (int)(n > 60 ? 60 : n), s,
                     op_typename(I, dict));
        else
            snprintf(what_text, sizeof what_text, "one item of a '%s'", op_typename(I, dict));
        py_not_modelled(I, line, "a store to %s by threads running at once with no lock held (3.13t can "
                                 "lose such updates, differently each run; the model runs each thread's "
                                 "instructions whole)", what_text);
        return false;
    }
    *r = (VmRaceRec){dict, key, keyval, v->running, locked, v->now};
    return true;
}

void vm_threads_spawned(PyRun *I)
{
    if (I->vs.parallel || S->prof->version != SIM_V313T)
        return;
    SchedParams p;
    sched_params_default(&p);
    vs_set_parallel(&I->vs, I->ncores);
    sim_brc_start(S, &I->vs.now, (int64_t)p.brc_shared_ns * 1000, (int64_t)p.line_transfer_ns * 1000);
    I->vs.brc = S->brc;
    I->opcost_par = 1;
}

/* The call that blocked returns whether its wait succeeded (a lock taken,
 * an event set) or timed out, or what its continuation gives (a queue's
 * item): settled now that the thread runs again.  1 when the continuation
 * blocked once more, -1 when it raised (the error is pending), else 0. */
static int settle_value(PyRun *I, PyThreadState *ts, SimId *out)
{
    SimId v = 0;
    *out = 0;
    if (ts->resume) { /* blocking again, it sets the next continuation */
        int (*fn)(PyRun *, SimId, int64_t, SimId *) = ts->resume;
        SimId obj = ts->resume_obj;
        ts->resume = NULL;
        ts->resume_obj = 0;
        int r = fn(I, obj, ts->resume_at, &v);
        sim_decref(I->sim, obj);
        if (r == VM_RESUME_AGAIN)
            return 1;
        if (r == VM_RESUME_ERROR)
            return -1;
    } else if (ts->wait_result) {
        ts->wait_result = false;
        v = sim_bool(I->sim, I->vs.thr[ts->id].woke != 0);
    } else {
        return 0;
    }
    *out = v;
    return 0;
}

static int settle(PyRun *I, PyThreadState *ts)
{
    if (ts->wait_nested) /* vm_wait_call settles it, as the call's result */
        return 0;
    SimId v;
    int s = settle_value(I, ts, &v);
    if (s != 0 || !v) /* the continuation leaves the stack as it is (a with block's __exit__) */
        return s;
    if (!ts->top) { /* a target called from C: its result is not kept, but a pool's item's is */
        if (!futures_worker_settled(I, ts->id, v))
            sim_decref(I->sim, v);
        return 0;
    }
    SimId *top = &ts->stack[ts->top->sp - 1];
    SimId old = *top;
    *top = v;
    sim_decref(I->sim, old);
    return 0;
}

void vm_block_resume(PyRun *I, int (*fn)(PyRun *, SimId, int64_t, SimId *), SimId obj, int64_t deadline)
{
    I->ts->resume = fn;
    I->ts->resume_obj = obj;
    I->ts->resume_at = deadline;
}

bool vm_block_retry(PyRun *I, const char *what)
{
    if (I->refused)
        return false;
    py_not_modelled(I, 0, "%s that waits where the model cannot run the instruction again (a for loop over it, "
                          "or a call such as list() of it, can)", what);
    I->ts->retry = true;
    return false;
}

bool vm_retry_taken(PyRun *I)
{
    PyThreadState *ts = I->ts;
    ts->retry = false;
    if (!I->refused || !ts->top || ts->nested)
        return false;
    I->refused = false;
    I->refusal[0] = '\0';
    ts->err.set = false;
    ts->err.refused = false;
    I->err_library = NULL;
    ts->top->ip--; /* back to the instruction */
    return true;
}

void vm_thread_exception(PyRun *I)
{
    if (I->refused)
        return;
    if (!I->ts->err.set) {
        py_not_modelled(I, 0, "an exception that ends a thread (threading.excepthook prints it with "
                              "threading.py's frames)");
        return;
    }
    char what[40];
    snprintf(what, sizeof what, "%s", I->ts->err.type);
    int line = 0; /* where it was raised: its traceback's last entry */
    SimId e = I->ts->err_obj, tb = e ? sim_exc_get(S, e, SIM_EXC_TRACEBACK) : 0;
    for (; tb && tb != S->none; tb = sim_obj(S, tb)->v.tb.next)
        line = (int)sim_obj(S, tb)->len;
    py_not_modelled(I, line, "an exception (%s) that ends a thread (threading.excepthook prints "
                             "it with threading.py's frames)", what);
}

static int deadlock(PyRun *I)
{
    py_not_modelled(I, 0, "a program whose every thread waits for ever (CPython hangs here)");
    return -1;
}

int vm_sched_check(PyRun *I)
{
    for (;;) {
        int next = check(I, I->ts->nested == 0);
        if (next < 0)
            return deadlock(I);
        if (next != I->ts->id)
            return 1;
        if (I->ts->nested && I->asyncio && !asyncio_gil_kept(I)) /* a worker of the loop's must run now */
            return -1;
        int s = settle(I, I->ts);
        if (s <= 0)
            return s;
    }
}

/* A started thread's first frame: what its run() calls (Thread.run: the
 * target with its arguments; a subclass's run: that method).  A callable
 * that is no Python function runs here, from C, and the thread ends. */
static bool boot(PyRun *I, PyThreadState *ts)
{
    ts->booted = true;
    SimId *args, kwnames;
    int nargs;
    SimId fn = threading_boot_call(I, ts->id, &args, &nargs, &kwnames, &ts->own_run);
    if (!fn) {
        free(args);
        return !ts->err.set;
    }
    SimKind k = sim_kind(I->sim, fn);
    SimId func = fn, self = 0;
    if (k == SK_METHOD && sim_kind(I->sim, SIM_V(I->sim, fn, SK_METHOD, method.func)) == SK_FUNC) {
        func = SIM_V(I->sim, fn, SK_METHOD, method.func);
        self = SIM_V(I->sim, fn, SK_METHOD, method.self);
        sim_incref(I->sim, func);
        sim_incref(I->sim, self);
        sim_decref(I->sim, fn);
    } else if (k != SK_FUNC) {
        SimId r = vm_call_kw(I, fn, args, nargs, kwnames);
        for (int i = 0; i < nargs; i++)
            sim_decref(I->sim, args[i]);
        free(args);
        sim_xdecref(I->sim, kwnames);
        sim_decref(I->sim, fn);
        sim_xdecref(I->sim, r);
        return r != 0;
    }
    bool ok = vm_push_python(I, func, self, args, nargs, kwnames);
    free(args);
    sim_xdecref(I->sim, kwnames);
    if (!ok)
        return false;
    if (ts->gen_made) { /* a generator function: its call returns at once */
        sim_decref(I->sim, ts->gen_made);
        ts->gen_made = 0;
        vm_unwind_frame(I);
        return true;
    }
    ts->top->c_boundary = true;
    return true;
}

/* A thread whose run() raised from C: threading.excepthook has it and the
 * thread ends (true: the scheduler goes on), or it is refused. */
static bool ended_by_hook(PyRun *I, PyThreadState *ts)
{
    if (I->refused || !ts->err.set || !threading_thread_raised(I)) {
        vm_thread_exception(I);
        return false;
    }
    threading_thread_ended(I, ts->id, ts->own_run);
    vs_exit(&I->vs);
    if (check(I, true) < 0) {
        deadlock(I);
        return false;
    }
    return true;
}

void vm_thread_switch(PyRun *I)
{
    for (;;) {
        PyThreadState *ts = I->threads[I->vs.running];
        I->ts = ts;
        threading_locals_switch(I, ts->id); /* each threading.local shows this thread's dict */
        vm_set_depth(I, ts->nframes);
        int s = settle(I, ts);
        if (s > 0) { /* its continuation blocked again */
            if (check(I, true) < 0) {
                deadlock(I);
                return;
            }
            continue;
        }
        if (s < 0 && !ts->top && futures_is_worker(I, ts->id)) { /* a pool item's built-in call raised */
            if (!futures_worker_raised(I)) {
                vm_thread_exception(I);
                return;
            }
            s = 0; /* the worker takes its next item */
        }
        if (s < 0) {
            if (!ts->top) { /* a target called from C (a Timer's function) raised */
                if (!ended_by_hook(I, ts))
                    return;
                continue;
            }
            ts->resume_failed = true; /* vm_run starts at the error */
            return;
        }
        if (ts->id == 0)
            return;
        if (ts->nframes == 0 && futures_is_worker(I, ts->id)) { /* a pool worker's next item */
            ts->booted = true;
            int r = futures_worker_next(I);
            vm_set_depth(I, ts->nframes);
            if (r == 1 || r < 0)
                return;
            if (r == 2) {
                threading_thread_ended(I, ts->id, true);
                vs_exit(&I->vs);
            }
            if (check(I, true) < 0) {
                deadlock(I);
                return;
            }
            continue;
        }
        if (ts->booted)
            return;
        if (!boot(I, ts)) { /* a target that is no Python function raised */
            if (!ended_by_hook(I, ts))
                return;
            continue;
        }
        vm_set_depth(I, ts->nframes);
        if (I->vs.thr[ts->id].state == VS_RUN)
            return;
        /* a target called from C blocked (time.sleep): it ends once it wakes */
        if (check(I, true) < 0) {
            deadlock(I);
            return;
        }
    }
}

int vm_thread_returned(PyRun *I)
{
    if (I->vs.nthr == 1)
        return 0;
    PyThreadState *ts = I->ts;
    if (ts->id > 0 && futures_is_worker(I, ts->id)) { /* its item's frame returned */
        SimId r = ts->c_result;
        ts->c_result = 0;
        futures_worker_returned(I, r);
        int n = I->refused ? -1 : futures_worker_next(I);
        vm_set_depth(I, ts->nframes);
        if (n == 1)
            return 1;
        if (n < 0)
            return -1;
        if (n == 2) {
            threading_thread_ended(I, ts->id, true);
            vs_exit(&I->vs);
        }
    } else if (ts->id > 0) {
        sim_xdecref(I->sim, ts->c_result);
        ts->c_result = 0;
        threading_thread_ended(I, ts->id, ts->own_run);
        vs_exit(&I->vs);
    } else {
        futures_at_exit(I); /* _python_exit: the pools' workers end */
        vs_wait_shutdown(&I->vs); /* threading._shutdown: the non-daemon threads first */
        if (I->vs.thr[0].state == VS_RUN)
            return 0;
    }
    if (check(I, true) < 0)
        return deadlock(I);
    vm_thread_switch(I);
    return I->refused ? -1 : 1;
}

SimId vm_wait_call(PyRun *I, SimId r)
{
    PyThreadState *ts = I->ts;
    if (!r || I->vs.thr[ts->id].state == VS_RUN) {
        ts->wait_nested = false;
        return r;
    }
    for (;;) {
        bool ok = vm_wait_nested(I);
        ts->wait_nested = false;
        if (!ok) {
            sim_decref(I->sim, r);
            return 0;
        }
        SimId v;
        int s = settle_value(I, ts, &v);
        if (s == 1) { /* blocked once more */
            ts->wait_nested = true;
            continue;
        }
        if (s < 0 || v) {
            sim_decref(I->sim, r);
            r = s < 0 ? 0 : v;
        }
        return r;
    }
}

bool vm_wait_nested(PyRun *I)
{
    PyThreadState *me = I->ts;
    int depth = I->depth;
    if (check(I, true) < 0) {
        deadlock(I);
        return false;
    }
    bool ok = true;
    while (ok && I->vs.running != me->id) {
        vm_thread_switch(I);
        if (I->refused || I->ts == me)
            break;
        VmStop st = vm_run(I, 0, false);
        if (st == VM_SWITCH)
            continue;
        if (st == VM_ERROR && !I->refused && futures_is_worker(I, I->ts->id) && futures_worker_raised(I))
            st = VM_RETURNED; /* _WorkItem.run's except: the future keeps it */
        if (st == VM_ERROR && !I->refused && I->ts->id > 0 && threading_thread_raised(I))
            st = VM_RETURNED; /* threading.excepthook had it */
        if (st == VM_RETURNED)
            ok = vm_thread_returned(I) >= 0 && !I->refused;
        else {
            vm_thread_exception(I);
            ok = false;
        }
    }
    I->ts = me;
    threading_locals_switch(I, me->id); /* each threading.local shows this thread's dict again */
    vm_set_depth(I, depth);
    return ok && !I->refused;
}
