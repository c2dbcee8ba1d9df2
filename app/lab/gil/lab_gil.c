/*
 * lab_gil: chapter 3's lab.  The program is read into directives first
 * (lab_gil_read.c: every mistake with its line and column), then each line changes
 * a setting or runs the scheduler.  A `run` is computed whole when its line
 * runs; the timeline is then revealed frame by frame (busy/tick), so the
 * learner watches the threads take turns while the summary is already known.
 */
#include "lab/gil/lab_gil_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lab/gil/workload.h"

static void gil_close(void *st);

static void *gil_open(const char *src, size_t len, const char *file, uint64_t seed, DiagList *dl)
{
    GilLab *g = xcalloc(1, sizeof *g);
    if (!lab_gil_read(g, src, len, file, dl)) {
        gil_close(g);
        return NULL;
    }
    sched_config_init(&g->cfg);
    g->cfg.nthreads = 4;
    g->cfg.ncores = 4;
    g->cfg.seed = seed ? seed : 1;
    g->cfg.horizon_us = 1000000;
    workload_preset("cpu", &g->wl);
    snprintf(g->wl_name, sizeof g->wl_name, "cpu");
    g->window_us = 20000;
    g->heap_mb = 1024;
    return g;
}

static void gil_close(void *st)
{
    GilLab *g = st;
    if (g->sched)
        sched_free(g->sched);
    free(g->dirs);
    free(g);
}

/* ---- running it ------------------------------------------------------------------ */

static int gil_line(const void *st)
{
    const GilLab *g = st;
    return g->next < g->ndirs ? g->dirs[g->next].line : 0;
}

static const char *regime_words(SchedRegime r)
{
    return r == SCHED_GIL ? "default build (GIL)"
         : r == SCHED_FREE_THREADED ? "free-threaded build" : "one process each";
}

/* The config of the settings in force, ready for sched_new. */
static SchedConfig config_now(GilLab *g, int threads, bool log)
{
    SchedConfig c = g->cfg;
    c.nthreads = threads;
    c.workloads = &g->wl;
    c.nworkloads = 1;
    if (strcmp(g->wl_name, "task") == 0) {
        c.objects = g->objects;
        c.nobjects = g->nobjects;
    } else {
        c.objects = workload_objects(&c.nobjects);
    }
    int64_t win = g->window_us < c.horizon_us ? g->window_us : c.horizon_us;
    c.log_from_us = log ? 0 : c.horizon_us;
    c.log_until_us = log ? win : 0;
    return c;
}

static void keep_result(GilLab *g, int line, const SchedConfig *c, const SchedTotals *t,
                        bool sweep)
{
    if (g->nresults == LAB_GIL_MAX_RUNS) /* keep the latest */
        memmove(g->results, g->results + 1, (LAB_GIL_MAX_RUNS - 1) * sizeof g->results[0]);
    else
        g->nresults++;
    LabGilResult *res = &g->results[g->nresults - 1];
    *res = (LabGilResult){.line = line, .regime = c->regime, .threads = c->nthreads,
                          .cores = c->ncores, .totals = *t, .from_sweep = sweep};
    snprintf(res->workload, sizeof res->workload, "%s", g->wl_name);
}

static void summary(Buf *out, const char *what, const SchedConfig *c, const char *wl,
                    const SchedTotals *t)
{
    buf_printf(out, "%s: %s, %d worker%s on %d core%s, %s: %.3f s, %" PRId64
                    " tasks (%.0f/s), speed-up %.2fx, cores busy %.0f%%\n",
               what, regime_words(c->regime), c->nthreads, c->nthreads == 1 ? "" : "s",
               c->ncores, c->ncores == 1 ? "" : "s", wl, (double)t->wall_us / 1e6, t->tasks,
               t->throughput, t->speedup, t->utilization * 100.0);
}

/* A line that would take seconds of wall time is refused with the way out. */
static bool within_budget(const GilLab *g, const Directive *d, double workers, Buf *err)
{
    double secs = (double)g->cfg.horizon_us / 1e6;
    if (workers * secs <= MAX_WORKER_SECONDS)
        return true;
    buf_printf(err, "line %d: %s: %.0f workers x %g s is more than the lab simulates in one line "
                    "(%.0f worker-seconds); shorten `time` or use fewer workers\n",
               d->line, lab_gil_dir_names[d->kind], workers, secs, MAX_WORKER_SECONDS);
    return false;
}

static int do_run(GilLab *g, const Directive *d, Buf *out, Buf *err)
{
    if (!within_budget(g, d, g->cfg.nthreads, err))
        return 1;
    SchedConfig c = config_now(g, g->cfg.nthreads, true);
    char msg[160];
    Sched *s = sched_new(&c, msg, sizeof msg);
    if (!s) {
        buf_printf(err, "line %d: run: %s\n", d->line, msg);
        return 1;
    }
    if (g->sched)
        sched_free(g->sched);
    g->sched = s;
    sched_finish(s);
    SchedTotals t;
    sched_totals(s, &t);
    keep_result(g, d->line, &c, &t, false);
    char what[32];
    snprintf(what, sizeof what, "run %zu", g->nresults);
    summary(out, what, &c, g->wl_name, &t);
    g->reveal_us = 0;
    return 0;
}

static int do_sweep(GilLab *g, const Directive *d, Buf *out, Buf *err)
{
    double workers = 1; /* the sweep also runs one worker for its baseline */
    for (size_t i = 0; i < d->ncounts; i++)
        workers += d->counts[i];
    if (!within_budget(g, d, workers, err))
        return 1;
    SchedConfig c = config_now(g, 1, false);
    WorkloadPoint pts[LAB_GIL_MAX_SWEEP];
    char msg[160];
    if (workload_sweep(&c, d->counts, d->ncounts, pts, msg, sizeof msg) < 0) {
        buf_printf(err, "line %d: sweep: %s\n", d->line, msg);
        return 1;
    }
    buf_printf(out, "sweep: %s, %d core%s, %s; workers: tasks/s, against 1 worker, "
                    "speed-up\n", regime_words(c.regime), c.ncores, c.ncores == 1 ? "" : "s",
               g->wl_name);
    for (size_t i = 0; i < d->ncounts; i++) {
        c.nthreads = pts[i].threads;
        keep_result(g, d->line, &c, &pts[i].totals, true);
        buf_printf(out, "%5d: %7.0f/s %6.2fx %6.2fx\n", pts[i].threads,
                   pts[i].totals.throughput, pts[i].vs_one, pts[i].totals.speedup);
    }
    return 0;
}

static void do_memory(GilLab *g, const Directive *d, Buf *out)
{
    CowConfig cc;
    cow_config_init(&cc);
    cc.heap_mb = g->heap_mb;
    cc.seed = g->cfg.seed;
    g->memory.line = d->line;
    g->memory.workers = (int)d->num;
    g->memory.heap_mb = g->heap_mb;
    cow_scenarios(&cc, (int)d->num, g->memory.rows);
    g->has_memory = true;
    buf_printf(out, "memory: %d workers, a %d MiB parent heap\n", (int)d->num, g->heap_mb);
    for (int i = 0; i < COW_NSCENARIOS; i++) {
        const CowScenario *row = &g->memory.rows[i];
        buf_printf(out, "  %-50s %8.0f MiB", row->name, (double)row->total_bytes / 1048576.0);
        if (row->shared_pct >= 0)
            buf_printf(out, "  %5.1f%% shared", row->shared_pct);
        buf_adds(out, "\n");
    }
}

static int gil_step(void *st, Buf *out, Buf *err)
{
    GilLab *g = st;
    if (g->next >= g->ndirs)
        return 0;
    const Directive *d = &g->dirs[g->next++];
    switch (d->kind) {
    case D_THREADS: g->cfg.nthreads = (int)d->num; break;
    case D_CORES: g->cfg.ncores = (int)d->num; break;
    case D_REGIME: g->cfg.regime = d->regime; break;
    case D_REPEAT: g->wl.repeat = (uint32_t)d->num; break;
    case D_TIME: g->cfg.horizon_us = d->num; break;
    case D_WINDOW: g->window_us = d->num; break;
    case D_SEED: g->cfg.seed = (uint64_t)d->num; break;
    case D_HEAP: g->heap_mb = (int)d->num; break;
    case D_SET: sched_param_set(&g->cfg.params, d->name, d->value); break;
    case D_OBJECT: break; /* declared while reading */
    case D_WORKLOAD: {
        uint32_t repeat = g->wl.repeat;
        workload_preset(d->name, &g->wl);
        g->wl.repeat = repeat;
        snprintf(g->wl_name, sizeof g->wl_name, "%s", d->name);
        break;
    }
    case D_TASK:
        memcpy(g->task, d->segs, d->nsegs * sizeof d->segs[0]);
        g->wl.name = "task";
        g->wl.segs = g->task;
        g->wl.nsegs = d->nsegs;
        snprintf(g->wl_name, sizeof g->wl_name, "task");
        break;
    case D_RUN: return do_run(g, d, out, err);
    case D_SWEEP: return do_sweep(g, d, out, err);
    case D_MEMORY: do_memory(g, d, out); break;
    case D_NKINDS: break;
    }
    return 0;
}

static int64_t shown_window(const GilLab *g)
{
    if (!g->sched)
        return 0;
    const SchedConfig *c = sched_config(g->sched);
    return c->log_until_us;
}

static bool gil_busy(const void *st)
{
    const GilLab *g = st;
    return g->sched && g->reveal_us < shown_window(g);
}

static void gil_tick(void *st)
{
    GilLab *g = st;
    int64_t w = shown_window(g), inc = w / REVEAL_FRAMES;
    g->reveal_us += inc > 0 ? inc : 1;
    if (g->reveal_us > w)
        g->reveal_us = w;
}

static void gil_settle(void *st)
{
    GilLab *g = st;
    g->reveal_us = shown_window(g);
}

void lab_gil_view_of(const void *st, LabGilView *out)
{
    const GilLab *g = st;
    *out = (LabGilView){.sched = g->sched,
                        .playing = gil_busy(g),
                        .window_us = shown_window(g),
                        .reveal_us = g->sched ? g->reveal_us : 0,
                        .results = g->results,
                        .nresults = g->nresults,
                        .memory = g->has_memory ? &g->memory : NULL};
}

/* The directives at a glance, for `?` on the lab screen. */
#define LAB_REFERENCE \
    "threads N, cores N\tworkers (threads, or processes) and CPU cores\n" \
    "regime gil|free|processes\tdefault build, free-threaded build, one process each\n" \
    "workload NAME\ta preset task: cpu, io, mixed, native, contended, locked\n" \
    "task cpu 1ms, io 2ms\tone task: cpu/io/native DUR, lock OBJ DUR, touch OBJ N, send SIZE\n" \
    "object NAME [immortal]\ta shared object for lock/touch (also deferred, owner=N)\n" \
    "repeat N, time 1s\ttasks per worker (0: until the time is up); simulated time\n" \
    "window 20ms, seed N\tthe stretch the timeline shows; the seed\n" \
    "set NAME=V\ta cost parameter (pydive gil --params lists them)\n" \
    "run\truns what is set and plays its timeline\n" \
    "sweep 1,2,4,8\tthe same for several worker counts\n" \
    "heap 1024MB, memory N\tN forked workers sharing a heap, against N threads\n"

const LabClass lab_gil = {
    .name = "gil",
    .title = "GIL scheduler",
    .ext = "gil",
    .reference = LAB_REFERENCE,
    .open = gil_open,
    .close = gil_close,
    .line = gil_line,
    .step = gil_step,
    .busy = gil_busy,
    .tick = gil_tick,
    .settle = gil_settle,
    .end = NULL,
};
