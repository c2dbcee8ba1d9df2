/*
 * sched: Python threads on CPU cores under the GIL, free-threaded (PEP 703),
 * or as one process per worker — an event-driven model in integer µs.
 *
 * A run is N workers (threads, or processes in SCHED_PROCESSES) on C cores.
 * Each worker repeats a workload: a list of segments (Python work, blocking
 * I/O, C code that releases the GIL, `with lock:` on a shared object,
 * reference-count traffic on a shared object, data passed to the worker).
 * The model owns the GIL (switch interval, drop request, eval-breaker check,
 * FORCE_SWITCHING hand-off, I/O releasing it), an OS run queue with time
 * slices when workers outnumber cores, FIFO locks, biased reference counting
 * with a contended shared path, and process start-up and pickling costs.
 *
 * It records what a view draws: per-worker lane records (running, waiting for
 * a core, waiting for the GIL, in I/O, waiting on a lock, stalled on a shared
 * refcount, process overhead) in a bounded log for a caller-chosen window,
 * who held the GIL when, and totals.  Plain C, no I/O; the seed and every parameter
 * come from the caller, so a seed always gives the same log.  Parameters and
 * where each default comes from: sched_param_table() (sched_params.c).
 * The lab runs its segment workloads on it (sched_new, sched_run: lab/gil/
 * workload.h); the VM drives its bytecode threads with the same GIL rules
 * (sim/vmsched.h).
 */
#ifndef PYDIVE_SIM_SCHED_H
#define PYDIVE_SIM_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum SchedRegime {
    SCHED_GIL,           /* default build: one thread runs Python at a time */
    SCHED_FREE_THREADED, /* 3.13t/3.14t: parallel, BRC, per-object locks */
    SCHED_PROCESSES,     /* multiprocessing: one process per worker, own heap */
    SCHED_NREGIMES
} SchedRegime;

typedef enum SchedSegKind {
    SCHED_SEG_CPU,    /* us µs of Python bytecode (needs the GIL under SCHED_GIL) */
    SCHED_SEG_IO,     /* us µs of blocking I/O: no core, the GIL released */
    SCHED_SEG_NATIVE, /* us µs of C code that releases the GIL (needs a core) */
    SCHED_SEG_LOCKED, /* `with lock:` guarding object obj around us µs of Python */
    SCHED_SEG_TOUCH,  /* count refcount increments/decrements on object obj */
    SCHED_SEG_SEND,   /* count bytes passed to and from the worker */
    SCHED_SEG_NKINDS
} SchedSegKind;

typedef struct SchedSeg {
    uint8_t kind;   /* SchedSegKind */
    uint16_t obj;   /* LOCKED, TOUCH: index into SchedConfig.objects */
    uint32_t us;    /* CPU, IO, NATIVE, LOCKED: duration in µs */
    uint32_t count; /* TOUCH: refcount operations; SEND: bytes */
} SchedSeg;

typedef struct SchedWorkload {
    const char *name;     /* for display; may be NULL */
    const SchedSeg *segs; /* one task; copied by sched_new */
    size_t nsegs;
    uint32_t repeat;      /* tasks per worker; 0 = repeat until the horizon */
    uint32_t jitter_pct;  /* each segment's us/count varies ±jitter_pct, seeded */
} SchedWorkload;

enum {
    SCHED_OBJ_IMMORTAL = 1, /* PEP 683/703: refcount operations write nothing */
    SCHED_OBJ_DEFERRED = 2  /* PEP 703 deferred RC: stack references skip it */
};

typedef struct SchedObject {
    int32_t owner;  /* BRC owner thread (ob_tid): the creator; -1 = none */
    uint32_t flags; /* SCHED_OBJ_* */
} SchedObject;

/* Cost parameters.  Defaults and provenance: sched_param_table(). */
typedef struct SchedParams {
    int32_t switch_interval_us; /* GIL: a waiter asks for a drop after this */
    int32_t eval_check_us;      /* GIL: from drop request to the holder's check */
    int32_t gil_wakeup_us;      /* GIL: signalled waiter wakes and takes it */
    int32_t force_switching;    /* GIL: 1 = dropper waits until a waiter took it */
    int32_t ft_overhead_pct;    /* free-threaded: single-thread slowdown, % */
    int32_t rc_plain_ns;        /* default build: one non-atomic refcount op */
    int32_t brc_local_ns;       /* free-threaded: owner fast path, one op */
    int32_t brc_shared_ns;      /* free-threaded: uncontended atomic, one op */
    int32_t line_transfer_ns;   /* free-threaded: contended op (cache-line move) */
    int32_t lock_handoff_us;    /* lock released to a parked waiter: wake-up */
    int32_t os_quantum_us;      /* OS time slice when workers outnumber cores */
    int32_t proc_start_us;      /* processes: start one worker process */
    int32_t pickle_ns_per_kb;   /* processes: pickle + unpickle, per KiB passed */
    int32_t ipc_msg_us;         /* processes: one message over the pipe */
} SchedParams;

typedef struct SchedParamInfo {
    const char *name;   /* field name, as in SchedParams */
    const char *unit;   /* "us", "ns", "%", "bool" */
    size_t offset;      /* offsetof(SchedParams, field) */
    int32_t def;        /* default value */
    int32_t min, max;   /* accepted range */
    bool estimate;      /* true: an estimate, the screen must say so */
    const char *source; /* where the default comes from, one line */
} SchedParamInfo;

/* The parameter table (static, never freed); *n gets its length. */
const SchedParamInfo *sched_param_table(size_t *n);
/* Fills every field with its default. */
void sched_params_default(SchedParams *p);
/* Sets one parameter by name; false when unknown or out of range. */
bool sched_param_set(SchedParams *p, const char *name, int32_t value);
int32_t sched_param_get(const SchedParams *p, const SchedParamInfo *info);

typedef struct SchedConfig {
    SchedRegime regime;
    int nthreads;       /* workers, 1..SCHED_MAX_THREADS */
    int ncores;         /* 1..SCHED_MAX_CORES */
    uint64_t seed;      /* jitter; same seed, same run */
    int64_t horizon_us; /* stop here even if work remains; 1..SCHED_MAX_HORIZON_US */
    const SchedWorkload *workloads; /* worker i runs workloads[i % nworkloads] */
    size_t nworkloads;
    const SchedObject *objects;     /* shared objects named by segments */
    size_t nobjects;
    SchedParams params;
    int64_t log_from_us;  /* lane records kept for [from, until) ... */
    int64_t log_until_us; /* ... until 0 = the horizon */
    size_t log_cap;       /* most lane records kept; 0 = SCHED_DEFAULT_LOG_CAP */
    size_t hold_cap;      /* most GIL holds kept; 0 = the same default */
} SchedConfig;

#define SCHED_MAX_THREADS 1024
#define SCHED_MAX_CORES 1024
#define SCHED_MAX_OBJECTS 1024
#define SCHED_MAX_HORIZON_US (3600LL * 1000000LL) /* the log holds uint32 µs */
#define SCHED_DEFAULT_LOG_CAP 65536

/* Default config: SCHED_GIL, 1 thread, 1 core, seed 1, 1 s, default params,
 * no workload (the caller must set one). */
void sched_config_init(SchedConfig *c);

/* What a worker is doing.  A lane record holds one state over [t0, t1). */
typedef enum SchedLane {
    SCHED_LANE_RUN,       /* running Python on a core (holding the GIL if any) */
    SCHED_LANE_NATIVE,    /* running C code on a core without the GIL */
    SCHED_LANE_READY,     /* runnable, every core busy (OS run queue) */
    SCHED_LANE_GIL_WAIT,  /* waiting to take the GIL */
    SCHED_LANE_IO,        /* blocked in I/O */
    SCHED_LANE_LOCK_WAIT, /* parked on a lock another worker holds */
    SCHED_LANE_CONTENDED, /* on a core, stalled on a shared refcount's cache line */
    SCHED_LANE_OVERHEAD,  /* processes: start-up, pickling, pipe messages */
    SCHED_LANE_NSTATES,
    SCHED_LANE_DONE = SCHED_LANE_NSTATES /* finished its tasks (never logged) */
} SchedLane;

typedef struct SchedLaneRec {
    uint32_t t0, t1; /* µs since the start, clipped to the log window */
    uint16_t thread;
    uint8_t lane;    /* SchedLane */
    uint8_t core;    /* RUN/NATIVE/CONTENDED/OVERHEAD: core number mod 255; else 255 */
} SchedLaneRec;

/* One stretch of the GIL held by one thread, [t0, t1).  Consecutive holds by
 * different threads are the hand-offs. */
typedef struct SchedGilHold {
    uint32_t t0, t1; /* µs, clipped to the log window */
    uint16_t thread;
    uint8_t forced;  /* 1: ended by a drop request (eval breaker), 0: released
                        for I/O, a lock, C code, or the end of its tasks */
} SchedGilHold;

typedef struct SchedTotals {
    int64_t wall_us;      /* simulated time so far (end of the run when done) */
    int64_t tasks;        /* workload passes finished, all workers */
    double throughput;    /* tasks per simulated second */
    int64_t serial_us;    /* the segments finished, run back to back by one thread of
                             the default build (work done, in single-thread µs) */
    double speedup;       /* serial_us / wall_us: vs one thread of the default build */
    int64_t busy_us;      /* core time used, all cores (includes stalls, overhead) */
    double utilization;   /* busy_us / (wall_us * ncores) */
    int64_t lane_us[SCHED_LANE_NSTATES]; /* time per state, summed over workers */
    int64_t handoffs;      /* GIL taken by a different thread than its last holder */
    int64_t drop_requests; /* waiters timing out and setting gil_drop_request */
    int64_t forced_drops;  /* holders dropping at the eval-breaker check */
    int64_t rc_fast;       /* refcount ops: plain (default build) or BRC owner path */
    int64_t rc_shared;     /* free-threaded: ops on the shared atomic path */
    int64_t rc_contended;  /* ... of which under contention */
    int64_t lock_acquires, lock_waits; /* LOCKED segments; those that had to wait */
    int64_t preemptions;   /* OS time-slice ends with another worker ready */
    int64_t startup_us;    /* processes: start-up time, all workers */
    int64_t pickled_bytes; /* processes: bytes pickled to and from workers */
    int64_t lanes_dropped; /* lane records not kept: the log was full */
    int64_t holds_dropped;
    bool done;             /* every worker finished, or the horizon was reached */
} SchedTotals;

typedef struct SchedThreadStats {
    int64_t tasks;
    int64_t lane_us[SCHED_LANE_NSTATES];
    SchedLane lane;     /* current state */
    int64_t lane_since; /* since when (µs); not yet in the log */
    int core;           /* current core, -1 when off-core */
} SchedThreadStats;

typedef struct Sched Sched;

void sched_free(Sched *s);
/* Runs events up to until_us (clamped to the horizon); returns true when the
 * run is done (all tasks finished or horizon reached).  Lets a view animate. */
bool sched_advance(Sched *s, int64_t until_us);
/* Runs to the end. */
void sched_finish(Sched *s);
int64_t sched_now(const Sched *s);
const SchedConfig *sched_config(const Sched *s); /* workloads, objects copied */
/* Totals up to now (open intervals included). */
void sched_totals(const Sched *s, SchedTotals *out);
void sched_thread_stats(const Sched *s, int thread, SchedThreadStats *out);
int64_t sched_core_busy_us(const Sched *s, int core);
/* GIL holder now (-1 none or in hand-off); SCHED_GIL only. */
int sched_gil_holder(const Sched *s);
/* Lane records in the order they closed (by thread, t0 increasing). */
const SchedLaneRec *sched_lanes(const Sched *s, size_t *n);
/* GIL holds in time order (SCHED_GIL only). */
const SchedGilHold *sched_gil_holds(const Sched *s, size_t *n);

/* take_gil's timed wait: a waiter that started waiting at wait_since times
 * out every interval; the first timeout after the GIL last changed hands
 * (last_switch) sets gil_drop_request.  When that is (any unit of time). */
int64_t sched_gil_drop_at(int64_t wait_since, int64_t last_switch, int64_t interval);

const char *sched_regime_name(SchedRegime r); /* "gil", "free", "processes" */
bool sched_regime_parse(const char *name, SchedRegime *out);
const char *sched_lane_name(SchedLane l);     /* "run", "gil-wait", ... */
const char *sched_seg_name(SchedSegKind k);

/* Summarises the log for drawing: for each thread in [first, first+nthreads)
 * and each of ncols columns splitting [t0, t1), the state that filled most
 * of the cell (SCHED_LANE_DONE when nothing was recorded), row-major into
 * out[nthreads * ncols].  Open intervals (the current state) count too. */
void sched_timeline(const Sched *s, int first, int nthreads, int64_t t0, int64_t t1,
                    int ncols, uint8_t *out);
/* The same for the GIL: out[ncols] gets the thread that held it longest in
 * each column, -1 for none. */
void sched_gil_timeline(const Sched *s, int64_t t0, int64_t t1, int ncols, int16_t *out);

#endif
