/*
 * lab_gil: chapter 3's lab.  The program is read into directives first
 * (every mistake reported with its line and column), then each line changes
 * a setting or runs the scheduler.  A `run` is computed whole when its line
 * runs; the timeline is then revealed frame by frame (busy/tick), so the
 * learner watches the threads take turns while the summary is already known.
 */
#include "sim/lab_gil.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/workload.h"

#define MAX_TIME_US (60LL * 1000000LL) /* a lab run stays interactive */
#define MAX_OBJECTS 16
#define MAX_SEGS 16
#define REVEAL_FRAMES 60
/* Worker-seconds one line may simulate: the costliest mix (processes, the
 * "mixed" task, as many cores as workers) runs ~4,000 of them a wall second,
 * so a line stays under about half a second; 72 workers get 28 s. */
#define MAX_WORKER_SECONDS 2048.0

typedef enum DirKind {
    D_THREADS, D_CORES, D_REGIME, D_WORKLOAD, D_TASK, D_OBJECT, D_REPEAT, D_TIME, D_WINDOW,
    D_SET, D_SEED, D_RUN, D_SWEEP, D_HEAP, D_MEMORY, D_NKINDS
} DirKind;

static const char *const dir_names[D_NKINDS] = {
    "threads", "cores", "regime", "workload", "task", "object", "repeat", "time", "window",
    "set", "seed", "run", "sweep", "heap", "memory",
};

typedef struct Directive {
    int line;
    DirKind kind;
    int64_t num;          /* threads, cores, repeat, time, window, seed, heap, memory */
    char name[48];        /* workload preset, set parameter */
    int32_t value;        /* set */
    SchedRegime regime;
    SchedSeg segs[MAX_SEGS];
    size_t nsegs;
    int counts[LAB_GIL_MAX_SWEEP];
    size_t ncounts;
} Directive;

typedef struct GilLab {
    Directive *dirs;
    size_t ndirs, next;   /* directives; the one about to run */
    SchedObject objects[MAX_OBJECTS];
    size_t nobjects;
    /* settings in force */
    SchedConfig cfg;
    SchedWorkload wl;
    SchedSeg task[MAX_SEGS];
    char wl_name[32];
    int64_t window_us;
    int heap_mb;
    /* what ran */
    Sched *sched;
    int64_t reveal_us;    /* the timeline is shown up to here */
    LabGilResult results[LAB_GIL_MAX_RUNS];
    size_t nresults;
    LabGilMemory memory;
    bool has_memory;
} GilLab;

/* ---- reading the program ---------------------------------------------------- */

typedef struct Reader {
    const char *file;
    DiagList *dl;
    int line;
    const char *start; /* of the line, for columns */
    const char *p;
    bool failed;
    GilLab *g;
    char objnames[MAX_OBJECTS][32];
} Reader;

static void err_at(Reader *r, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void err_at(Reader *r, const char *at, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(r->dl, DIAG_ERROR, r->file, r->line, (int)(at - r->start) + 1, "%s", msg);
    r->failed = true;
}

static void skip_space(Reader *r)
{
    while (*r->p == ' ' || *r->p == '\t')
        r->p++;
}

static bool at_end(Reader *r)
{
    skip_space(r);
    return *r->p == '\0' || *r->p == '#';
}

/* The next word (letters, digits, _ - . / %), copied into out. */
static const char *word(Reader *r, char *out, size_t cap)
{
    skip_space(r);
    const char *s = r->p;
    size_t n = 0;
    while (*r->p && !isspace((unsigned char)*r->p) && *r->p != ',' && *r->p != '#') {
        if (n + 1 < cap)
            out[n++] = *r->p;
        r->p++;
    }
    out[n] = '\0';
    return s;
}

/* A number with an optional unit suffix, scaled by the matching factor. */
typedef struct Unit {
    const char *suffix;
    double factor;
} Unit;

static const Unit time_units[] = {{"us", 1}, {"ms", 1e3}, {"s", 1e6}, {NULL, 0}};
static const Unit size_units[] = {{"B", 1},         {"KB", 1024},   {"KiB", 1024},
                                  {"MB", 1048576},  {"MiB", 1048576}, {NULL, 0}};

static bool quantity(Reader *r, const Unit *units, const char *what, double lo, double hi,
                     int64_t *out)
{
    char w[48];
    const char *at = word(r, w, sizeof w);
    if (!*w) {
        err_at(r, at, "expected %s", what);
        return false;
    }
    char *end;
    errno = 0;
    double v = strtod(w, &end);
    if (end == w || errno || !isfinite(v)) {
        err_at(r, at, "expected %s, got '%s'", what, w);
        return false;
    }
    double f = 0;
    for (const Unit *u = units; u->suffix; u++)
        if (strcmp(end, u->suffix) == 0)
            f = u->factor;
    if (f == 0) {
        Buf b = {0};
        for (const Unit *u = units; u->suffix; u++)
            buf_printf(&b, "%s%s", u == units ? "" : ", ", u->suffix);
        err_at(r, at, "'%s': %s needs a unit (%s)", w, what, buf_str(&b));
        buf_fini(&b);
        return false;
    }
    v *= f;
    if (!(v >= lo && v <= hi)) {
        err_at(r, at, "%s '%s' is out of range", what, w);
        return false;
    }
    *out = (int64_t)(v + 0.5);
    return true;
}

static bool integer(Reader *r, const char *what, int64_t lo, int64_t hi, int64_t *out)
{
    char w[48];
    const char *at = word(r, w, sizeof w);
    char *end;
    errno = 0;
    long long v = strtoll(w, &end, 10);
    if (!*w || *end || errno) {
        err_at(r, at, "expected %s (a whole number), got '%s'", what, w);
        return false;
    }
    if (v < lo || v > hi) {
        err_at(r, at, "%s must be %" PRId64 " to %" PRId64 " (got %lld)", what, lo, hi, v);
        return false;
    }
    *out = v;
    return true;
}

static int object_index(Reader *r, const char *at, const char *name)
{
    for (size_t i = 0; i < r->g->nobjects; i++)
        if (strcmp(r->objnames[i], name) == 0)
            return (int)i;
    err_at(r, at, "no object '%s' (declare it first: object %s)", name, name);
    return -1;
}

/* One segment of a `task` line: cpu/io/native DURATION, lock OBJ DURATION,
 * touch OBJ COUNT, send SIZE. */
static bool segment(Reader *r, SchedSeg *seg)
{
    char k[32], o[32];
    const char *at = word(r, k, sizeof k);
    int64_t v;
    memset(seg, 0, sizeof *seg);
    if (strcmp(k, "cpu") == 0 || strcmp(k, "io") == 0 || strcmp(k, "native") == 0) {
        seg->kind = k[0] == 'c' ? SCHED_SEG_CPU : k[0] == 'i' ? SCHED_SEG_IO : SCHED_SEG_NATIVE;
        if (!quantity(r, time_units, "a duration", 1, 10e6, &v))
            return false;
        seg->us = (uint32_t)v;
    } else if (strcmp(k, "lock") == 0 || strcmp(k, "touch") == 0) {
        const char *oat = word(r, o, sizeof o);
        int idx = object_index(r, oat, o);
        if (idx < 0)
            return false;
        seg->obj = (uint16_t)idx;
        if (k[0] == 'l') {
            seg->kind = SCHED_SEG_LOCKED;
            if (!quantity(r, time_units, "a duration", 1, 10e6, &v))
                return false;
            seg->us = (uint32_t)v;
        } else {
            seg->kind = SCHED_SEG_TOUCH;
            if (!integer(r, "a count of refcount operations", 1, 10000000, &v))
                return false;
            seg->count = (uint32_t)v;
        }
    } else if (strcmp(k, "send") == 0) {
        seg->kind = SCHED_SEG_SEND;
        if (!quantity(r, size_units, "a size", 1, 1 << 30, &v))
            return false;
        seg->count = (uint32_t)v;
    } else {
        err_at(r, at, "expected a segment: cpu, io, native, lock, touch or send (got '%s')", k);
        return false;
    }
    return true;
}

static void read_task(Reader *r, Directive *d)
{
    for (;;) {
        if (d->nsegs == MAX_SEGS) {
            err_at(r, r->p, "a task has at most %d segments", MAX_SEGS);
            return;
        }
        if (!segment(r, &d->segs[d->nsegs]))
            return;
        d->nsegs++;
        skip_space(r);
        if (*r->p != ',')
            return;
        r->p++;
    }
}

static void read_object(Reader *r)
{
    char name[32], flag[32];
    const char *at = word(r, name, sizeof name);
    if (!*name || !isalpha((unsigned char)name[0])) {
        err_at(r, at, "expected an object name (a word), got '%s'", name);
        return;
    }
    for (size_t i = 0; i < r->g->nobjects; i++)
        if (strcmp(r->objnames[i], name) == 0) {
            err_at(r, at, "object '%s' is already declared", name);
            return;
        }
    if (r->g->nobjects == MAX_OBJECTS) {
        err_at(r, at, "at most %d objects", MAX_OBJECTS);
        return;
    }
    SchedObject ob = {-1, 0};
    while (!at_end(r)) {
        const char *fat = word(r, flag, sizeof flag);
        if (strcmp(flag, "immortal") == 0)
            ob.flags |= SCHED_OBJ_IMMORTAL;
        else if (strcmp(flag, "deferred") == 0)
            ob.flags |= SCHED_OBJ_DEFERRED;
        else if (strncmp(flag, "owner=", 6) == 0) {
            char *end;
            long v = strtol(flag + 6, &end, 10);
            if (end == flag + 6 || *end || v < 0 || v >= SCHED_MAX_THREADS) {
                err_at(r, fat, "owner= takes a worker number, 0 to %d", SCHED_MAX_THREADS - 1);
                return;
            }
            ob.owner = (int32_t)v;
        } else {
            err_at(r, fat, "expected immortal, deferred or owner=N (got '%s')", flag);
            return;
        }
    }
    snprintf(r->objnames[r->g->nobjects], sizeof r->objnames[0], "%s", name);
    r->g->objects[r->g->nobjects++] = ob;
}

static void read_sweep(Reader *r, Directive *d)
{
    for (;;) {
        int64_t v;
        if (d->ncounts == LAB_GIL_MAX_SWEEP) {
            err_at(r, r->p, "a sweep has at most %d points", LAB_GIL_MAX_SWEEP);
            return;
        }
        if (!integer(r, "a worker count", 1, SCHED_MAX_THREADS, &v))
            return;
        d->counts[d->ncounts++] = (int)v;
        skip_space(r);
        if (*r->p != ',')
            return;
        r->p++;
    }
}

static void read_set(Reader *r, Directive *d)
{
    char w[64];
    const char *at = word(r, w, sizeof w);
    char *eq = strchr(w, '=');
    size_t n;
    const SchedParamInfo *t = sched_param_table(&n);
    if (!eq) {
        err_at(r, at, "expected name=value (pydive gil --params lists the names)");
        return;
    }
    *eq = '\0';
    const SchedParamInfo *info = NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].name, w) == 0)
            info = &t[i];
    if (!info) {
        err_at(r, at, "no cost parameter '%s' (pydive gil --params lists them)", w);
        return;
    }
    char *end;
    errno = 0;
    long v = strtol(eq + 1, &end, 10);
    if (end == eq + 1 || *end || errno || v < info->min || v > info->max) {
        err_at(r, eq + 1, "%s takes a whole number from %" PRId32 " to %" PRId32 " (%s)", w,
               info->min, info->max, info->unit);
        return;
    }
    snprintf(d->name, sizeof d->name, "%s", w);
    d->value = (int32_t)v;
}

static void read_line(Reader *r, Directive *d)
{
    char kw[32], w[48];
    const char *at = word(r, kw, sizeof kw);
    int k = 0;
    while (k < D_NKINDS && strcmp(dir_names[k], kw) != 0)
        k++;
    if (k == D_NKINDS) {
        err_at(r, at, "unknown directive '%s' (expected threads, cores, regime, workload, task, "
               "object, repeat, time, window, set, seed, run, sweep, heap or memory)", kw);
        return;
    }
    d->kind = (DirKind)k;
    switch (d->kind) {
    case D_THREADS: integer(r, "a worker count", 1, SCHED_MAX_THREADS, &d->num); break;
    case D_CORES: integer(r, "a core count", 1, SCHED_MAX_CORES, &d->num); break;
    case D_REPEAT: integer(r, "tasks per worker", 0, 1000000, &d->num); break;
    case D_SEED: integer(r, "a seed", 0, INT64_MAX, &d->num); break;
    case D_MEMORY: integer(r, "a number of workers", 1, 4096, &d->num); break;
    case D_TIME: quantity(r, time_units, "a duration", 1, (double)MAX_TIME_US, &d->num); break;
    case D_WINDOW: quantity(r, time_units, "a duration", 60, (double)MAX_TIME_US, &d->num); break;
    case D_HEAP:
        if (quantity(r, size_units, "a heap size", 1048576, 16384.0 * 1048576, &d->num))
            d->num /= 1048576;
        break;
    case D_REGIME:
        at = word(r, w, sizeof w);
        if (!sched_regime_parse(w, &d->regime))
            err_at(r, at, "expected gil, free or processes (got '%s')", w);
        break;
    case D_WORKLOAD: {
        at = word(r, d->name, sizeof d->name);
        SchedWorkload tmp;
        if (!workload_preset(d->name, &tmp)) {
            size_t nw;
            const WorkloadInfo *wi = workload_list(&nw);
            Buf b = {0};
            for (size_t i = 0; i < nw; i++)
                buf_printf(&b, "%s%s", i ? ", " : "", wi[i].name);
            err_at(r, at, "no workload '%s' (presets: %s; or write a task line)", d->name,
                   buf_str(&b));
            buf_fini(&b);
        }
        break;
    }
    case D_TASK: read_task(r, d); break;
    case D_OBJECT: read_object(r); break;
    case D_SET: read_set(r, d); break;
    case D_SWEEP: read_sweep(r, d); break;
    case D_RUN: case D_NKINDS: break;
    }
    if (!r->failed && !at_end(r))
        err_at(r, r->p, "unexpected '%s' after the %s directive", r->p, kw);
}

static void gil_close(void *st);

static void *gil_open(const char *src, size_t len, const char *file, uint64_t seed, DiagList *dl)
{
    GilLab *g = xcalloc(1, sizeof *g);
    Reader r = {.file = file, .dl = dl, .g = g};
    size_t before = diag_count(dl, DIAG_ERROR), cap = 0;
    const char *s = src, *end = src + len;
    for (int line = 1; s < end; line++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        char *text = xmalloc(n + 1);
        memcpy(text, s, n);
        text[n] = '\0';
        if (memchr(s, '\0', n)) {
            diag_add(dl, DIAG_ERROR, file, line, 1, "a NUL byte in the program");
        } else {
            r.line = line;
            r.start = r.p = text;
            r.failed = false;
            if (!at_end(&r)) {
                if (g->ndirs == cap)
                    g->dirs = xrealloc(g->dirs, (cap = cap ? cap * 2 : 16) * sizeof *g->dirs);
                Directive *d = &g->dirs[g->ndirs];
                memset(d, 0, sizeof *d);
                d->line = line;
                read_line(&r, d);
                g->ndirs += !r.failed;
            }
        }
        free(text);
        s += n + (nl != NULL);
    }
    if (diag_count(dl, DIAG_ERROR) > before) {
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
               d->line, dir_names[d->kind], workers, secs, MAX_WORKER_SECONDS);
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
