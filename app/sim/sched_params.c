/*
 * sched_params: the scheduler's cost parameters, their defaults and where
 * each default comes from, plus the names of regimes, lanes and segments.
 *
 * One table drives the defaults, the setter and the provenance a screen
 * shows, so they cannot drift apart.  A row flagged `estimate` is a cost we
 * reasoned out, not one read in CPython's source or measured by the oracle;
 * the screen must say "estimate" next to it.  Source tags follow
 * reference/cpython-internals.md: [SRC] CPython source, [RUN] oracle
 * measurement, [PEP], [DOC] CPython docs.
 */
#include "sim/sched.h"

#include <string.h>

#define P(field) offsetof(SchedParams, field)

static const SchedParamInfo param_table[] = {
    {"switch_interval_us", "us", P(switch_interval_us), 5000, 1, 1000000, false,
     "sys.getswitchinterval() = 0.005 s: DEFAULT_INTERVAL in Python/ceval_gil.c "
     "[SRC]; 0.005 on 3.8-3.13 [RUN d1_gil_switch]"},
    {"eval_check_us", "us", P(eval_check_us), 1, 0, 1000000, true,
     "holder checks the eval breaker at RESUME, backward jumps and calls (ceval.c "
     "3.11 [SRC]); a pure-Python loop turn is ~0.1 us (d1: ~10M turns/s), rounded "
     "up to 1 us; a long C call that never checks delays the drop"},
    {"gil_wakeup_us", "us", P(gil_wakeup_us), 50, 0, 100000, true,
     "condition-variable wake-up of the signalled waiter; fitted to d1: ~200 "
     "switches/s at 5 ms and ~910/s at 1 ms imply 0-100 us per hand-off [RUN]"},
    {"force_switching", "bool", P(force_switching), 1, 0, 1, false,
     "FORCE_SWITCHING is defined in ceval_gil.c: drop_gil waits on switch_cond "
     "until another thread has taken the GIL [SRC]; 0 lets the dropper re-take it"},
    {"ft_overhead_pct", "%", P(ft_overhead_pct), 10, 0, 400, true,
     "single-thread slowdown of the free-threaded build, pyperformance averages: "
     "~10% (PEP 779), 5-10% (What's New 3.14), 1-8% (current HOWTO); 3.13t ~40% "
     "(3.13 HOWTO) - set 40 for 3.13t"},
    {"rc_plain_ns", "ns", P(rc_plain_ns), 1, 1, 100000, true,
     "default build Py_INCREF/Py_DECREF: a plain add on a cached header, a few "
     "cycles; not measured here"},
    {"brc_local_ns", "ns", P(brc_local_ns), 1, 1, 100000, true,
     "BRC owner fast path: ob_tid compare + non-atomic add on ob_ref_local "
     "(PEP 703 Biased Reference Counting); same order as a plain add"},
    {"brc_shared_ns", "ns", P(brc_shared_ns), 10, 1, 100000, true,
     "BRC non-owner: atomic add on ob_ref_shared (PEP 703); an uncontended "
     "locked add is ~5-20 ns on x86-64, the cost BRC (Choi et al. 2018) avoids"},
    {"line_transfer_ns", "ns", P(line_transfer_ns), 100, 1, 100000, true,
     "several cores hammering one object's ob_ref_shared: its cache line moves "
     "on every op, ~50-200 ns between cores or sockets"},
    {"lock_handoff_us", "us", P(lock_handoff_us), 5, 0, 100000, true,
     "PyMutex/threading.Lock: a released lock wakes a parked waiter (futex "
     "wake-up, a few us); PEP 703 per-object locks park after a short spin"},
    {"os_quantum_us", "us", P(os_quantum_us), 3000, 1, 1000000, true,
     "OS time slice when runnable threads outnumber cores: Linux CFS/EEVDF "
     "base slice 0.75 ms x (1 + log2 CPUs), ~3 ms on 8+ CPUs"},
    {"proc_start_us", "us", P(proc_start_us), 50000, 0, 100000000, true,
     "one worker process: a fresh interpreter plus re-import of __main__ under "
     "forkserver (Linux default since 3.14, PR #125750) or spawn (macOS since "
     "3.8); interpreter start ~10-20 ms, plain fork ~1-2 ms"},
    {"pickle_ns_per_kb", "ns", P(pickle_ns_per_kb), 5000, 0, 100000000, true,
     "pickle + unpickle of object-heavy data ~200 MB/s (5 us per KiB); flat "
     "buffers (bytes, arrays) go near memcpy speed; the IPC cost Grisel names "
     "in PEP 703's Motivation"},
    {"ipc_msg_us", "us", P(ipc_msg_us), 30, 0, 10000000, true,
     "one multiprocessing message: pipe write, worker wake-up, read; tens of us"},
};

#undef P

const SchedParamInfo *sched_param_table(size_t *n)
{
    *n = sizeof param_table / sizeof param_table[0];
    return param_table;
}

static int32_t *field(SchedParams *p, const SchedParamInfo *info)
{
    return (int32_t *)(void *)((char *)p + info->offset);
}

int32_t sched_param_get(const SchedParams *p, const SchedParamInfo *info)
{
    return *(const int32_t *)(const void *)((const char *)p + info->offset);
}

void sched_params_default(SchedParams *p)
{
    memset(p, 0, sizeof *p);
    size_t n;
    const SchedParamInfo *t = sched_param_table(&n);
    for (size_t i = 0; i < n; i++)
        *field(p, &t[i]) = t[i].def;
}

bool sched_param_set(SchedParams *p, const char *name, int32_t value)
{
    size_t n;
    const SchedParamInfo *t = sched_param_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(t[i].name, name) != 0)
            continue;
        if (value < t[i].min || value > t[i].max)
            return false;
        *field(p, &t[i]) = value;
        return true;
    }
    return false;
}

void sched_config_init(SchedConfig *c)
{
    memset(c, 0, sizeof *c);
    c->regime = SCHED_GIL;
    c->nthreads = 1;
    c->ncores = 1;
    c->seed = 1;
    c->horizon_us = 1000000;
    sched_params_default(&c->params);
}

static const char *const regime_names[SCHED_NREGIMES] = {"gil", "free", "processes"};

const char *sched_regime_name(SchedRegime r)
{
    return (unsigned)r < SCHED_NREGIMES ? regime_names[r] : "?";
}

bool sched_regime_parse(const char *name, SchedRegime *out)
{
    for (int i = 0; i < SCHED_NREGIMES; i++) {
        if (strcmp(name, regime_names[i]) == 0) {
            *out = (SchedRegime)i;
            return true;
        }
    }
    if (strcmp(name, "free-threaded") == 0 || strcmp(name, "ft") == 0) {
        *out = SCHED_FREE_THREADED;
        return true;
    }
    return false;
}

const char *sched_lane_name(SchedLane l)
{
    static const char *const names[SCHED_LANE_NSTATES + 1] = {
        "run", "native", "ready", "gil-wait", "io", "lock-wait", "contended", "overhead",
        "done"};
    return (unsigned)l <= SCHED_LANE_NSTATES ? names[l] : "?";
}

const char *sched_seg_name(SchedSegKind k)
{
    static const char *const names[SCHED_SEG_NKINDS] = {"cpu",    "io",    "native",
                                                        "locked", "touch", "send"};
    return (unsigned)k < SCHED_SEG_NKINDS ? names[k] : "?";
}
