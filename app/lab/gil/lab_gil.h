/*
 * lab_gil: the scheduler model (sim/sched.h) and the memory of forked
 * workers (lab/gil/cow.h) as a lab, for chapter 3's exercises.
 *
 * The language, one directive per line ("#" starts a comment):
 *
 *   threads 4              workers (threads, or processes under `regime processes`)
 *   cores 4                CPU cores
 *   regime gil             gil | free | processes
 *   workload cpu           a preset task (pydive gil --workload lists them), or:
 *   task cpu 1ms, io 2ms   one task as segments: cpu/io/native DURATION,
 *                          lock OBJECT DURATION, touch OBJECT COUNT, send SIZE
 *   object cache immortal  a shared object for lock/touch (flags: immortal,
 *                          deferred; owner=N makes worker N its BRC owner)
 *   repeat 100             tasks per worker; 0 (default) = until the time is up
 *   time 1s                simulated time a run may take (the horizon)
 *   window 20ms            the stretch the timeline shows, animated
 *   set switch_interval_us=1000   a cost parameter (pydive gil --params)
 *   seed 7
 *   run                    runs what is set: animated, then one summary line
 *   sweep 1,2,4,8          the same over several worker counts (no timeline)
 *   heap 1024MB            the parent heap for `memory`
 *   memory 72              memory of 72 forked workers vs 72 threads (lab/gil/cow.h)
 *
 * Durations take us, ms or s; sizes B, KB, MB (KiB, MiB).  Settings stay in
 * force for every later run, so a program reads top to bottom like a lab
 * notebook.  The view (view/lab_gil_view.c) and the Lua binding read the
 * accessors below.
 */
#ifndef PYDIVE_SIM_LAB_GIL_H
#define PYDIVE_SIM_LAB_GIL_H

#include "lab/gil/cow.h"
#include "lab/lab.h"
#include "sim/sched.h"

#define LAB_GIL_MAX_RUNS 64
#define LAB_GIL_MAX_SWEEP 16

/* One `run` (or one point of a `sweep`), kept for the speed-up page and Lua. */
typedef struct LabGilResult {
    int line;            /* the directive's line */
    SchedRegime regime;
    int threads, cores;
    char workload[32];   /* preset name, or "task" */
    SchedTotals totals;
    bool from_sweep;
} LabGilResult;

typedef struct LabGilMemory {
    int line;
    int workers;
    int heap_mb;
    CowScenario rows[COW_NSCENARIOS];
} LabGilMemory;

/* What the view and the binding read; borrowed from the lab's state. */
typedef struct LabGilView {
    const Sched *sched;        /* the latest `run` (NULL before the first) */
    bool playing;              /* it is still being animated */
    int64_t window_us;         /* the timeline's stretch: [0, window_us) */
    int64_t reveal_us;         /* shown so far: [0, reveal_us) */
    const LabGilResult *results;
    size_t nresults;
    const LabGilMemory *memory; /* the latest `memory`, NULL before */
} LabGilView;

void lab_gil_view_of(const void *st, LabGilView *out);

#endif
