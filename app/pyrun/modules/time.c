/*
 * time: the clocks learners time their code with (time, perf_counter,
 * monotonic, process_time, their _ns forms) and sleep.  CPython's
 * `import time` costs nothing (the interpreter imported it at start-up),
 * and neither does the model's.
 *
 * perf_counter and monotonic read the simulated clock (I->vs.now: each
 * instruction's calibrated cost, the sleeps, the threads' waits), so a
 * program times itself the same on every run and threads that wait at once
 * finish together, as in CPython; their origin is the model's (CPython's is
 * unspecified): 1000 s, the one asyncio's loop.time() reads.  time and
 * process_time are this machine's, read when the line runs: what CPython
 * prints for them differs from run to run too, so no oracle can compare
 * them.  The floats
 * and ints the clocks return are ordinary objects (sizes, counts), and a
 * clock read allocates nothing the collector counts, as in CPython.
 * The time asyncio's loop skips instead of waiting for a timer (its sleeps
 * cost no wall time) is added to time() (the simulated clocks have it), so
 * that time.time() around asyncio.run() measures what CPython's would.
 * sleep() really waits, in slices, so that stopping a run still works, and
 * moves the simulated clock; once the program started a thread it only
 * moves the simulated clock, releasing the GIL (sim/vmsched.h).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <time.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/asyncio.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* the time asyncio's loop skipped instead of sleeping, which CPython's
 * clocks would have seen pass (not the process's CPU time) */
static int64_t skipped_ns(PyRun *I, clockid_t id)
{
    return id == CLOCK_PROCESS_CPUTIME_ID ? 0 : I->clock_skipped / 1000;
}

static SimId as_float(PyRun *I, clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return sim_float(S, (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9 + (double)skipped_ns(I, id) * 1e-9);
}

#define CLOCK(fname, id) \
    static SimId t_##fname(PyRun *I, SimId *a, int n, SimId kw) \
    { \
        (void)a, (void)n, (void)kw; \
        return as_float(I, id); \
    } \
    static SimId t_##fname##_ns(PyRun *I, SimId *a, int n, SimId kw) \
    { \
        (void)a, (void)n, (void)kw; \
        return sim_int(S, clock_ns(id) + skipped_ns(I, id)); \
    }
CLOCK(time, CLOCK_REALTIME)
CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)

#define SIM_CLOCK(fname) \
    static SimId t_##fname(PyRun *I, SimId *a, int n, SimId kw) \
    { \
        (void)a, (void)n, (void)kw; \
        return sim_float(S, 1000.0 + (double)I->vs.now * 1e-12); \
    } \
    static SimId t_##fname##_ns(PyRun *I, SimId *a, int n, SimId kw) \
    { \
        (void)a, (void)n, (void)kw; \
        return sim_int(S, 1000000000000LL + I->vs.now / 1000); \
    }
SIM_CLOCK(perf_counter)
SIM_CLOCK(monotonic)

static SimId t_sleep(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double secs;
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_FLOAT)
        secs = sim_obj(S, a[0])->v.f;
    else if ((k == SK_INT || k == SK_BOOL) && sim_obj(S, a[0])->sub != 1)
        secs = (double)sim_obj(S, a[0])->v.i;
    else if (k == SK_INT) {
        py_raise(I, EXC_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return 0;
    } else {
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, a[0]));
        return 0;
    }
    if (isnan(secs)) {
        py_raise(I, EXC_ValueError, "Invalid value NaN (not a number)");
        return 0;
    }
    if (secs < 0) {
        py_raise(I, EXC_ValueError, "sleep length must be non-negative");
        return 0;
    }
    if (I->vs.nthr > 1) { /* threads: the simulated clock, the GIL released (vm_threads.c) */
        if (I->ts->nested && !asyncio_wait_here(I)) { /* the loop's thread blocks inside its step */
            py_not_modelled(I, 0, "time.sleep() inside a call from C code while threads run: the model "
                                  "switches threads only in the outermost loop");
            return 0;
        }
        vs_sleep(&I->vs, (int64_t)(secs * 1e12));
        return bi_none(I);
    }
    int64_t end = clock_ns(CLOCK_MONOTONIC) + (int64_t)(secs * 1e9);
    I->vs.now += (int64_t)(secs * 1e12);
    for (;;) {
        if (I->stop && *I->stop)
            break;
        int64_t left = end - clock_ns(CLOCK_MONOTONIC);
        if (left <= 0)
            break;
        if (left > 50000000)
            left = 50000000;
        struct timespec ts = {0, (long)left};
        nanosleep(&ts, NULL);
    }
    return bi_none(I);
}

#define NOARGS(nm, f) BUILTIN(nm, 0, BM_TIME, f, .style = ARGS_NONE)
const BuiltinDef time_functions[] = {
    NOARGS("time", t_time), NOARGS("time_ns", t_time_ns),
    NOARGS("perf_counter", t_perf_counter), NOARGS("perf_counter_ns", t_perf_counter_ns),
    NOARGS("monotonic", t_monotonic), NOARGS("monotonic_ns", t_monotonic_ns),
    NOARGS("process_time", t_process_time), NOARGS("process_time_ns", t_process_time_ns),
    BUILTIN("sleep", 0, BM_TIME, t_sleep, .style = ARGS_ONE),
};
const int time_nfunctions = (int)(sizeof time_functions / sizeof time_functions[0]);

void time_module_init(PyRun *I, SimId d) { (void)I, (void)d; }

/* already imported by CPython's start-up: no traffic */
void time_on_import(PyRun *I) { (void)I; }
