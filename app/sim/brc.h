/*
 * brc: biased reference counting's costs under --python 3.13t once a second
 * thread started (PEP 703; docs/THREADS.md).  The model keeps one count per
 * object as before (what sys.getrefcount shows is the sum CPython reports);
 * what this adds is where each count change would go in the free-threaded
 * build and what it costs on simulated cores:
 *
 *   - the owner (the thread that made the object: ob_tid) changes its local
 *     count with plain instructions: no cost beyond the default build's;
 *   - any other thread adds to the shared count atomically: brc_shared_ns;
 *   - an object whose count several running threads change within one round
 *     of the VM's turns (the same stretch of simulated time) has its header's
 *     cache line moving between cores: each change waits line_transfer_ns per
 *     other core writing it (the owner's local writes too: both counts share
 *     the line), so a count many threads hammer serializes them;
 *   - immortal objects (None, small ints, interned strings, static types)
 *     are skipped as before, and so are the objects 3.13 immortalizes once a
 *     second thread starts in place of deferred counting (gh-117783): classes,
 *     functions, code objects, modules, descriptors and unbound built-ins.
 *
 * The merge of a negative shared count by its owner (the queued state) is
 * not modelled: the counts here are costs and statistics, never printed
 * refcounts.  The costs are the scheduler's estimates (sim/sched_params.c).
 */
#ifndef PYDIVE_SIM_BRC_H
#define PYDIVE_SIM_BRC_H

#include <stdint.h>

#include "sim/sim.h"

typedef struct SimBrcThread {
    uint64_t local;     /* owner fast path */
    uint64_t shared;    /* another thread's object, its line quiet */
    uint64_t contended; /* the line wanted by other running threads */
    int64_t stall_ps;   /* thread time spent waiting for lines */
} SimBrcThread;

typedef struct SimBrcRec SimBrcRec;

typedef struct SimBrc {
    int tid;            /* the thread whose bytecode runs */
    int par;            /* threads running at once (the clock's divisor) */
    int64_t *clock;     /* the VM's simulated clock, ps: stalls move it */
    int64_t window;     /* a round of the VM's turns, ps of clock time */
    int64_t shared_ps, line_ps;
    SimBrcRec *rec;     /* per record: owner and who touched it lately */
    uint32_t cap;
    SimBrcThread *thr;
    int nthr;
    struct SimForkPages *fork; /* a forked child's copied pages (forkpages.h), or NULL; with clock
                                * NULL the hook serves only them (no biased counting) */
} SimBrc;

/* Starts the accounting (3.13t, the first thread's start): objects made so
 * far are the main thread's. */
void sim_brc_start(Sim *s, int64_t *clock, int64_t shared_ps, int64_t line_ps);
void sim_brc_free(Sim *s);
/* The running thread, and how many threads run at once over what round. */
void sim_brc_set(Sim *s, int tid, int par, int64_t window);
/* Thread t's counts (zeroes when it never changed one). */
SimBrcThread sim_brc_thread(const Sim *s, int t);

#endif
