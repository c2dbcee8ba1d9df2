/*
 * sched_internal: the scheduler's private state, shared by sched.c (the
 * event engine), sched_timeline.c (summaries of the log for drawing) and the
 * drivers of its workers (lab/gil/sched_seg.c: segment workloads).  Not part
 * of the public API: views use sim/sched.h.
 */
#ifndef PYDIVE_SIM_SCHED_INTERNAL_H
#define PYDIVE_SIM_SCHED_INTERNAL_H

#include "sim/sched.h"

/* What a worker's pending timer or queue slot means. */
typedef enum SchedPhase {
    PH_WORK,      /* `remaining` µs to do on a core (maybe needing the GIL) */
    PH_IO,        /* blocked until its timer */
    PH_GIL_WAIT,  /* in the GIL's waiters */
    PH_GIL_TAKE,  /* signalled; takes the GIL at its timer */
    PH_LOCK_WAIT, /* in a lock's waiters */
    PH_LOCK_WAKE, /* handed the lock; runs at its timer */
    PH_TOUCH,     /* shared-path refcount ops, waiting for a core */
    PH_TOUCH_RES, /* reserved the object's line; done at its timer */
    PH_DONE
} SchedPhase;

/* After a PH_WORK stretch completes. */
typedef enum SchedThen { THEN_NEXT, THEN_UNLOCK, THEN_STARTED } SchedThen;

typedef struct SchedQueue {
    int head, tail; /* thread indices linked by SchedThr.next; -1 = empty */
} SchedQueue;

typedef struct SchedThr {
    uint32_t wl;          /* workload index */
    uint32_t seg;         /* segment within the task */
    int64_t tasks;
    uint8_t phase;        /* SchedPhase */
    uint8_t then;         /* SchedThen */
    uint8_t work_lane;    /* lane while doing PH_WORK: RUN, NATIVE or OVERHEAD */
    uint8_t lane;         /* current SchedLane */
    bool needs_gil;       /* current work is Python bytecode (SCHED_GIL) */
    bool has_gil;
    bool started;         /* processes: start-up paid */
    int16_t lane_core;    /* core shown with the current lane, -1 none */
    int core;             /* core it runs on, -1 none */
    int next;             /* queue link */
    uint32_t ver;         /* its valid timer event */
    int64_t remaining;    /* µs of work left in PH_WORK (as of run_since) */
    int64_t run_since;    /* when PH_WORK last started on its core */
    int64_t lane_since;
    int64_t gil_wait_since; /* start of its current take_gil wait (s_w) */
    int64_t locked_work;  /* LOCKED: µs of work once the lock is held */
    uint32_t cur_count;   /* TOUCH ops of the current segment */
    uint16_t cur_obj;
    int64_t task_serial_ns; /* single-thread cost of the current segment */
    uint64_t rng;
    int64_t lane_us[SCHED_LANE_NSTATES];
} SchedThr;

typedef struct SchedCore {
    int thr;          /* running thread, -1 idle */
    int64_t since;    /* when thr got this core */
    int64_t busy_us;  /* closed busy time */
    uint32_t qver;    /* valid quantum event */
    bool armed;
} SchedCore;

typedef struct SchedObj {
    SchedObject spec;
    int owner_lock;      /* thread holding its lock, -1 */
    SchedQueue waiters;  /* parked on its lock */
    int64_t line_until;  /* shared refcount line reserved until */
    int last_user;       /* last thread on the shared path */
} SchedObj;

typedef struct SchedGil {
    int holder, taker, last_holder; /* -1 none */
    uint64_t switch_number;
    int64_t last_switch;  /* when switch_number last changed */
    int64_t hold_since;
    bool drop_req;
    bool req_armed;
    int64_t req_at;
    uint32_t req_ver, brk_ver;
    SchedQueue waiters;
} SchedGil;

typedef struct SchedEv {
    uint64_t key; /* time (µs, clamped to the horizon + 1 < 2^32) << 32 | sequence
                     number, so one compare orders both; the sequence number wraps
                     after 2^32 events, far beyond an hour of simulated time */
    uint32_t ver;
    uint16_t kind;
    int16_t idx;
} SchedEv;

/* What the workers do: the core calls back when one got a core (or goes on
 * with new work on the one it has) and when its timer fires. */
typedef struct SchedDriver {
    void (*on_core)(Sched *s, SchedThr *th);
    void (*on_timer)(Sched *s, SchedThr *th);
} SchedDriver;

struct Sched {
    const SchedDriver *drv;
    SchedConfig cfg;        /* workloads/objects point into owned copies */
    SchedWorkload *wls;
    SchedSeg *segs;
    SchedThr *thr;
    SchedCore *cores;
    SchedObj *objs;
    SchedGil gil;
    SchedQueue ready;
    int nfree;              /* idle cores */
    int ndone;              /* finished threads */
    int64_t now;
    bool done;
    int64_t log_until;
    SchedEv *heap;
    size_t nheap, capheap;
    uint32_t seq;
    SchedLaneRec *lanes;
    size_t nlanes, caplanes;
    SchedGilHold *holds;
    size_t nholds, capholds;
    SchedTotals tot;        /* counters; time sums computed on demand */
    int64_t serial_ns;
};

enum { EV_THREAD, EV_GIL_REQ, EV_GIL_BREAK, EV_QUANTUM };

/* sched_machine.c */
void sched_ev_push(Sched *s, int64_t t, int kind, int idx, uint32_t ver);
SchedEv sched_ev_pop(Sched *s);
int64_t sched_ev_time(const SchedEv *e);
void sched_thr_timer(Sched *s, SchedThr *th, int64_t t); /* th's one timer */
void sched_q_push(Sched *s, SchedQueue *q, int i);
int sched_q_pop(Sched *s, SchedQueue *q); /* -1 when empty */
void sched_lane_close(Sched *s, SchedThr *th, int64_t end);
void sched_lane_at(Sched *s, SchedThr *th, int lane, int64_t t);
void sched_lane_set(Sched *s, SchedThr *th, int lane);
void sched_hold_close(Sched *s, int thread, bool forced);
void sched_core_request(Sched *s, SchedThr *th); /* a core now, or the run queue */
void sched_core_release(Sched *s, SchedThr *th); /* gives it to the next ready */
void sched_on_quantum(Sched *s, int core);

/* sched_gil.c */
void sched_gil_arm(Sched *s);
void sched_gil_take(Sched *s, SchedThr *th);
void sched_gil_wait(Sched *s, SchedThr *th, int64_t since);
void sched_gil_release(Sched *s, SchedThr *th, bool forced);
void sched_gil_on_request(Sched *s);
void sched_gil_on_break(Sched *s);

/* sched.c: checks cfg and prepares a run at t = 0 whose workers do what drv
 * says (none started yet); NULL with the reason in err when cfg is invalid. */
Sched *sched_core_new(const SchedConfig *cfg, const SchedDriver *drv, char *err, size_t errlen);

#endif
