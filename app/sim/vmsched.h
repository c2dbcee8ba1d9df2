/*
 * vmsched: the simulated interpreter's threads on the GIL, paced by the
 * bytecode they run.  The lab's scheduler (sim/sched.h) knows each worker's
 * work in advance; here the running thread's work is the program's next
 * instructions, so the clock is pushed by the VM (each instruction adds its
 * cost to `now`) and the scheduler is asked at the eval breaker's checks
 * whether the running thread must let another one run.  The GIL's rules are
 * the same as the lab's: a waiter's timed wait sets gil_drop_request after
 * the switch interval with no hand-off meanwhile (sched_gil_drop_at), the
 * holder drops it at its next check, the dropper waits until the next holder
 * has it (FORCE_SWITCHING, which CPython defines), blocking calls (sleep, a lock held by
 * another thread, join, Event.wait) release it, the signalled waiter takes
 * it after gil_wakeup_us, and a released lock is handed to its first waiter
 * (FIFO) who wakes lock_handoff_us later.  Waiters take the GIL in FIFO
 * order (the OS picks in CPython): the model's schedule is one seedless,
 * deterministic choice among those CPython may make.
 *
 * Times are in picoseconds of simulated time (an instruction costs a few
 * hundred to tens of thousands; int64 holds 106 days).  Plain C, no I/O.
 */
#ifndef PYDIVE_SIM_VMSCHED_H
#define PYDIVE_SIM_VMSCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VS_NEVER INT64_MAX

typedef enum VsState {
    VS_RUN,      /* holds the GIL (the running thread) */
    VS_READY,    /* waiting to take the GIL */
    VS_TIMER,    /* sleeping, or woken and on its way: READY at wake_at */
    VS_LOCK,     /* parked on a lock (timed when wake_at < VS_NEVER) */
    VS_JOIN,     /* in join() of thread `on` */
    VS_EVENT,    /* in Event.wait() of event `on` */
    VS_STARTING, /* in start() until thread `on` has run */
    VS_COND,     /* in Condition.wait() of condition `on` (timed when wake_at < VS_NEVER) */
    VS_SHUTDOWN, /* the main thread at exit, until every non-daemon thread ended */
    VS_LOCK_WAKE,/* 3.13t: woken by a lock's release, it tries lock `on` again at wake_at */
    VS_DONE
} VsState;

typedef struct VsThread {
    uint8_t state;   /* VsState */
    bool daemon;
    bool started;    /* has held the GIL once */
    int8_t woke;     /* the last wait's outcome: 1 got it (or set, joined), 0 timed out */
    int on;          /* what it waits on (a lock, an event, a thread, a condition) */
    int relock;      /* in or after Condition.wait: the lock to take again, -1 none */
    uint32_t recount;/* ... and the depth to restore (an RLock's) */
    int next;        /* queue link, -1 */
    int64_t since;   /* READY: when its wait for the GIL began */
    int64_t wake_at; /* TIMER and timed waits: when it wakes; VS_NEVER none */
    int64_t deadline;/* LOCK_WAKE: the timed acquire's own deadline, VS_NEVER none */
    int64_t run_ps;  /* time it held the GIL */
    uint8_t lane;    /* VsLane last logged (vmsched_log.c) */
    bool forced_end; /* its RUN stretch ends by a drop request */
    bool took_over;  /* its RUN stretch began with a hand-off from another thread */
    int64_t lane_since;
} VsThread;

/* What a view draws of a thread: its state, as last logged. */
typedef enum VsLane {
    VS_LANE_NONE,    /* not started yet (nothing logged) */
    VS_LANE_RUN,     /* holds the GIL, runs bytecode */
    VS_LANE_GIL,     /* waits to take the GIL */
    VS_LANE_BLOCKED, /* a lock, join, Event/Condition wait, start() (and its wake-up) */
    VS_LANE_SLEEP,   /* time.sleep */
    VS_LANE_DONE,    /* ended */
    VS_LANE_NSTATES
} VsLane;

/* One thread in one lane over [t0, t1), ps.  forced: a RUN stretch ended by
 * a drop request (the eval breaker), not by blocking or ending. */
typedef struct VsLaneRec {
    int64_t t0, t1;
    int32_t thread;
    uint8_t lane;
    uint8_t forced;
    uint8_t handoff; /* a RUN stretch that began by taking the GIL from another thread */
} VsLaneRec;

#define VS_LOG_CAP 16384 /* a view reads it all each frame: under ~1 ms */

typedef struct VsQueue {
    int head, tail; /* thread ids linked by VsThread.next; -1 = empty */
} VsQueue;

typedef struct VsLock {
    int owner;       /* thread id, -1 when free (a semaphore: -1) */
    uint32_t count;  /* reentrant: the owner's depth; a semaphore: its value */
    bool reentrant;
    bool semaphore;
    VsQueue waiters;
} VsLock;

typedef struct VmSched {
    int64_t now;         /* simulated ps; the VM adds each instruction's cost */
    int64_t check_at;    /* when the eval breaker must ask (a drop request or a
                          * timer falls due): VS_NEVER while one thread runs alone */
    int64_t interval;    /* sys.setswitchinterval, ps */
    int64_t wakeup;      /* signalled GIL waiter wakes and takes it, ps */
    int64_t lock_handoff;/* a released lock's first waiter wakes, ps */
    int running;         /* the GIL holder, -1 while every thread waits */
    int last_holder;
    int64_t last_switch; /* when the GIL last changed hands */
    int64_t hold_since;
    VsThread *thr;
    int nthr, capthr;
    VsLock *locks;
    int nlocks, caplocks;
    bool *events;        /* each Event's flag */
    int nevents, capevents;
    VsQueue gil;         /* the GIL's waiters */
    int64_t handoffs, drop_requests, forced_drops;
    VsLaneRec *log;      /* closed lane records in the order they closed (vmsched_log.c) */
    size_t nlog, caplog;
    int64_t log_dropped; /* not kept: past VS_LOG_CAP */
    int64_t log_full_at; /* the first record not kept began here (a view stops there) */
    /* --python 3.13t (vs_set_parallel): no GIL.  The threads that can run
     * (the running one and the READY queue) run at once on `ncores`
     * simulated cores: the VM runs their bytecode in turns of `slice` ps of
     * a thread's own time and the clock moves by an instruction's cost
     * divided by `par`, min(threads that can run, ncores) - processor
     * sharing, which is also what the OS's time slices give when threads
     * outnumber cores. */
    bool parallel;
    int ncores;
    int par;             /* the clock's divisor now (1 under the GIL) */
    int64_t slice;       /* a turn's length in a thread's own time, ps */
    int64_t rotate_at;   /* the running thread's turn ends (clock time) */
    const struct SimBrc *brc; /* 3.13t: the heap's biased counting per thread (sim/brc.h), for views */
    struct VsProc *procs; /* the child processes forked so far (vs_proc_note), for the threads view */
    int nprocs, capprocs;
} VmSched;

/* A forked child (multiprocessing): its name, the pages holding the
 * parent's objects at the fork and how many of them it copied
 * (sim/forkpages.h) */
typedef struct VsProc {
    char name[40];
    int64_t shared_pages, copied_pages;
} VsProc;
#define VS_PROCS_CAP 4096 /* kept for the view; later ones are counted in nprocs only */
void vs_proc_note(VmSched *v, const char *name, int64_t shared_pages, int64_t copied_pages);

/* The main thread (0) holds the GIL at t = 0; defaults from the lab's table. */
void vs_init(VmSched *v);
void vs_fini(VmSched *v);
/* A new thread, waiting for the GIL from now on; its id. */
int vs_spawn(VmSched *v, bool daemon);
int vs_lock_new(VmSched *v, bool reentrant);
int vs_event_new(VmSched *v);
/* Takes lock l for the running thread when it is free (or its own,
 * reentrant); false when another thread holds it. */
bool vs_lock_try(VmSched *v, int l);
/* Releases lock l (once, for a reentrant one); when it is free, hands it to
 * its first waiter. */
void vs_lock_release(VmSched *v, int l);

/* A semaphore of `value` (a lock whose waiters wait for the value to be
 * above 0); try takes one when it is; release gives n, each to the first
 * waiter (who wakes lock_handoff later) or to the value. */
int vs_sem_new(VmSched *v, uint32_t value);
bool vs_sem_try(VmSched *v, int l);
void vs_sem_release(VmSched *v, int l, uint32_t n);

/* Condition.wait(): the running thread releases `lock` entirely (it must
 * hold it), waits on condition `cond` (a lock number used for its queue),
 * and once notified or timed out takes the lock again (woke: 1 notified, 0
 * timed out).  notify wakes up to n waiters, each then waiting for the lock. */
void vs_cond_wait(VmSched *v, int cond, int lock, int64_t timeout_ps);
void vs_cond_notify(VmSched *v, int cond, uint32_t n);

/* The running thread blocks (its state changes; the GIL is released at the
 * next vs_check): timeout_ps < 0 waits for ever. */
void vs_sleep(VmSched *v, int64_t ps);
void vs_wait_lock(VmSched *v, int l, int64_t timeout_ps);
void vs_wait_join(VmSched *v, int t, int64_t timeout_ps);
void vs_wait_event(VmSched *v, int e, int64_t timeout_ps);
void vs_wait_started(VmSched *v, int t);
/* The main thread's end: waits for every non-daemon thread. */
void vs_wait_shutdown(VmSched *v);
void vs_event_set(VmSched *v, int e);
/* The running thread ends: its joiners wake. */
void vs_exit(VmSched *v);
/* In a fork's child made by the main thread: that thread alone, as if no
 * other had ever started (the others are not copied; a lock one of them
 * held stays held). */
void vs_forked(VmSched *v);
bool vs_alive(const VmSched *v, int t); /* started and not ended: is_alive() */
int vs_live_count(const VmSched *v);    /* threads not ended */

/* From now on threads run at once on ncores simulated cores (3.13t). */
void vs_set_parallel(VmSched *v, int ncores);
/* How many threads can run now (the running one and those ready). */
int vs_runnable(const VmSched *v);

/* The eval breaker's question, asked once now >= check_at or the running
 * thread blocked: fires the timers due, and drops the GIL when a waiter's
 * drop request is due (only when can_switch: a thread inside a call from C
 * keeps running) or the running thread blocked.  Returns the thread that
 * runs now (maybe the same one); -1 when every thread waits for ever. */
int vs_check(VmSched *v, bool can_switch);

/* ---- the log a view draws (vmsched_log.c) ---------------------------------- */

/* Closes and opens lane records for every thread whose lane changed since
 * the last call (vs_check calls it). */
void vs_log_sync(VmSched *v);
/* For threads [first, first + n) and ncols columns splitting [t0, t1): the
 * lane that filled most of each cell (VS_LANE_NONE when nothing), row-major
 * into out[n * ncols]; marks[ncols] (may be NULL) gets per column 0, 1 when
 * the GIL changed hands in it, 2 when by a drop request.  Open stretches
 * count up to now. */
void vs_timeline(const VmSched *v, int first, int n, int64_t t0, int64_t t1, int ncols,
                 uint8_t *out, uint8_t *marks);
/* The thread that held the GIL longest in each column, -1 none. */
void vs_gil_timeline(const VmSched *v, int64_t t0, int64_t t1, int ncols, int16_t *out);
const char *vs_lane_name(VsLane l);
/* How many threads ran on average in each of ncols columns over [t0, t1). */
void vs_run_density(const VmSched *v, int64_t t0, int64_t t1, int ncols, double *out);

#endif
