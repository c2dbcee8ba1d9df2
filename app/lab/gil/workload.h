/*
 * workload: the scheduler running segment workloads, ready-made workloads (the chapter's "cpu", "io",
 * "mixed" ... tasks) and the speed-up sweep over thread counts.
 *
 * A preset is one task a worker repeats; its segments are static, so the
 * SchedWorkload it fills stays valid for the program's life.  Presets that
 * name a shared object use object 0 of workload_objects(): a container the
 * main thread created, so under free-threading no worker owns it (BRC) and
 * every worker's refcount operations on it take the shared path.
 */
#ifndef PYDIVE_SIM_WORKLOAD_H
#define PYDIVE_SIM_WORKLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/sched.h"

/* The lab's runs: workers repeating their segment workloads (sched_seg.c)
 * on the scheduler's core. */
/* Checks cfg and prepares a run at t = 0 (copies everything it needs).
 * NULL when cfg is invalid, with the reason in err. */
Sched *sched_new(const SchedConfig *cfg, char *err, size_t errlen);
/* Runs cfg to the end and fills *out; -1 with err when cfg is invalid. */
int sched_run(const SchedConfig *cfg, SchedTotals *out, char *err, size_t errlen);

typedef struct WorkloadInfo {
    const char *name;    /* "cpu", "io", ... */
    const char *summary; /* one line: what a task does */
} WorkloadInfo;

/* The presets, in display order (static table). */
const WorkloadInfo *workload_list(size_t *n);
/* Fills *out with preset `name` (repeat 0, jitter 10%); false when unknown. */
bool workload_preset(const char *name, SchedWorkload *out);
/* The shared objects presets refer to (static). */
const SchedObject *workload_objects(size_t *n);

typedef struct WorkloadPoint {
    int threads;
    SchedTotals totals;
    double vs_one; /* throughput / throughput of 1 thread in the same regime */
} WorkloadPoint;

/* Runs base once per thread count (and once with 1 thread for vs_one),
 * without logging lanes.  out[n].  -1 with err when base is invalid. */
int workload_sweep(const SchedConfig *base, const int *counts, size_t n, WorkloadPoint *out,
                   char *err, size_t errlen);

#endif
