/*
 * workload: the preset tasks behind `pydive gil --workload` and the
 * chapter's exercises, and the sweep that runs one configuration over
 * several thread counts.  Durations are illustrative shapes (1 ms of
 * bytecode, 2 ms of network wait), not measurements.
 */
#include "lab/gil/workload.h"

#include <string.h>

#define SEG(k, o, u, c) {(uint8_t)(k), (uint16_t)(o), (uint32_t)(u), (uint32_t)(c)}

static const SchedSeg cpu_segs[] = {SEG(SCHED_SEG_CPU, 0, 1000, 0)};
static const SchedSeg io_segs[] = {SEG(SCHED_SEG_CPU, 0, 200, 0), SEG(SCHED_SEG_IO, 0, 2000, 0)};
static const SchedSeg mixed_segs[] = {
    SEG(SCHED_SEG_CPU, 0, 600, 0),   SEG(SCHED_SEG_TOUCH, 0, 0, 2000),
    SEG(SCHED_SEG_LOCKED, 0, 40, 0), SEG(SCHED_SEG_IO, 0, 1200, 0),
    SEG(SCHED_SEG_SEND, 0, 0, 16384),
};
static const SchedSeg native_segs[] = {SEG(SCHED_SEG_NATIVE, 0, 900, 0),
                                       SEG(SCHED_SEG_CPU, 0, 100, 0)};
static const SchedSeg contended_segs[] = {SEG(SCHED_SEG_TOUCH, 0, 0, 20000),
                                          SEG(SCHED_SEG_CPU, 0, 200, 0)};
static const SchedSeg locked_segs[] = {SEG(SCHED_SEG_LOCKED, 0, 900, 0),
                                       SEG(SCHED_SEG_CPU, 0, 100, 0)};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    WorkloadInfo info;
    const SchedSeg *segs;
    size_t nsegs;
} presets[] = {
    {{"cpu", "1 ms of pure-Python bytecode"}, cpu_segs, N(cpu_segs)},
    {{"io", "0.2 ms of Python, then 2 ms waiting on the network"}, io_segs, N(io_segs)},
    {{"mixed", "0.6 ms Python, 2000 refcount ops and 40 us under a lock on a shared dict, "
               "1.2 ms I/O, 16 KiB of results passed back"},
     mixed_segs, N(mixed_segs)},
    {{"native", "0.9 ms in C code that releases the GIL (NumPy-style), 0.1 ms Python"},
     native_segs, N(native_segs)},
    {{"contended", "20000 refcount ops on one shared object, then 0.2 ms Python"},
     contended_segs, N(contended_segs)},
    {{"locked", "0.9 ms of Python inside `with lock:` on one shared object, 0.1 ms outside"},
     locked_segs, N(locked_segs)},
};


const WorkloadInfo *workload_list(size_t *n)
{
    static WorkloadInfo list[N(presets)];
    for (size_t i = 0; i < N(presets); i++)
        list[i] = presets[i].info;
    *n = N(presets);
    return list;
}

bool workload_preset(const char *name, SchedWorkload *out)
{
    for (size_t i = 0; i < N(presets); i++) {
        if (strcmp(presets[i].info.name, name) == 0) {
            *out = (SchedWorkload){presets[i].info.name, presets[i].segs, presets[i].nsegs, 0, 10};
            return true;
        }
    }
    return false;
}

const SchedObject *workload_objects(size_t *n)
{
    static const SchedObject objs[] = {{-1, 0}}; /* made by the main thread */
    *n = N(objs);
    return objs;
}

int workload_sweep(const SchedConfig *base, const int *counts, size_t n, WorkloadPoint *out,
                   char *err, size_t errlen)
{
    SchedConfig c = *base;
    SchedTotals one;
    c.log_from_us = c.horizon_us; /* nothing to draw: keep no lanes */
    c.log_until_us = 0;
    c.nthreads = 1;
    if (sched_run(&c, &one, err, errlen) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        c.nthreads = counts[i];
        out[i].threads = counts[i];
        if (sched_run(&c, &out[i].totals, err, errlen) < 0)
            return -1;
        out[i].vs_one = one.throughput > 0 ? out[i].totals.throughput / one.throughput : 0;
    }
    return 0;
}
