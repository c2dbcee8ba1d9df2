/*
 * lab_gil_read: a GIL-lab program into directives (lab_gil.h has the
 * language).  Every mistake is reported with its line and column and what was
 * expected, all in one pass; nothing runs until the whole program reads.
 */
#include "lab/gil/lab_gil_internal.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/linescan.h"
#include "base/xalloc.h"
#include "lab/gil/workload.h"

const char *const lab_gil_dir_names[D_NKINDS] = {
    "threads", "cores", "regime", "workload", "task", "object", "repeat", "time", "window",
    "set", "seed", "run", "sweep", "heap", "memory",
};

typedef struct Reader {
    LineScan ls;       /* the lines and the diagnostics (base/linescan.h) */
    const char *start; /* a NUL-terminated copy of the line, for columns */
    const char *p;
    bool failed;
    GilLab *g;
    char objnames[MAX_OBJECTS][32];
} Reader;

static void err_at(Reader *r, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void err_at(Reader *r, const char *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    linescan_verror(&r->ls, (int)(at - r->start) + 1, fmt, ap);
    va_end(ap);
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
    while (k < D_NKINDS && strcmp(lab_gil_dir_names[k], kw) != 0)
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

bool lab_gil_read(GilLab *g, const char *src, size_t len, const char *file, DiagList *dl)
{
    Reader r = {.g = g};
    linescan_init(&r.ls, src, len, file, dl, 0);
    size_t before = diag_count(dl, DIAG_ERROR), cap = 0;
    while (linescan_next(&r.ls)) {
        char *text = xstrndup(r.ls.text, r.ls.len); /* the cursor reads to a NUL */
        r.start = r.p = text;
        r.failed = false;
        if (!at_end(&r)) {
            if (g->ndirs == cap)
                g->dirs = xrealloc(g->dirs, (cap = cap ? cap * 2 : 16) * sizeof *g->dirs);
            Directive *d = &g->dirs[g->ndirs];
            memset(d, 0, sizeof *d);
            d->line = r.ls.line;
            read_line(&r, d);
            g->ndirs += !r.failed;
        }
        free(text);
    }
    return diag_count(dl, DIAG_ERROR) == before;
}
