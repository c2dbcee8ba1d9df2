/*
 * sched: the scheduler's run as a whole — the public half of sim/sched.h
 * (the run's state, advancing the clock through the events, totals and
 * accessors).  What a worker does is its driver's (SchedDriver): the lab's
 * segment workloads (lab/gil/sched_seg.c).  The machine (events, cores,
 * logs) is in sched_machine.c and the GIL in sched_gil.c.
 */
#include "sim/sched_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static void dispatch(Sched *s, const SchedEv *e)
{
    SchedGil *g = &s->gil;
    switch (e->kind) {
    case EV_THREAD:
        if (e->ver == s->thr[e->idx].ver)
            s->drv->on_timer(s, &s->thr[e->idx]);
        break;
    case EV_GIL_REQ:
        if (e->ver == g->req_ver)
            sched_gil_on_request(s);
        break;
    case EV_GIL_BREAK:
        if (e->ver == g->brk_ver)
            sched_gil_on_break(s);
        break;
    case EV_QUANTUM:
        if (e->ver == s->cores[e->idx].qver)
            sched_on_quantum(s, e->idx);
        break;
    default:
        break;
    }
}

/* ---- the run ----------------------------------------------------------- */

__attribute__((format(printf, 3, 4)))
static bool fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool check_workload(const SchedConfig *c, size_t w, char *err, size_t errlen)
{
    const SchedWorkload *wl = &c->workloads[w];
    bool costs = false;
    if (!wl->segs || wl->nsegs == 0 || wl->nsegs > 65536)
        return fail(err, errlen, "workload %ld needs 1 to 65536 segments", (long)w);
    if (wl->jitter_pct > 100)
        return fail(err, errlen, "workload %ld: jitter_pct above 100", (long)w);
    for (size_t i = 0; i < wl->nsegs; i++) {
        const SchedSeg *g = &wl->segs[i];
        if (g->kind >= SCHED_SEG_NKINDS)
            return fail(err, errlen, "segment %ld: unknown kind", (long)i);
        if ((g->kind == SCHED_SEG_LOCKED || g->kind == SCHED_SEG_TOUCH) && g->obj >= c->nobjects)
            return fail(err, errlen, "segment %ld names an object that does not exist", (long)i);
        if ((g->kind == SCHED_SEG_TOUCH && g->count > 0) ||
            (g->kind != SCHED_SEG_TOUCH && g->kind != SCHED_SEG_SEND && g->us > 0))
            costs = true;
    }
    if (!costs)
        return fail(err, errlen, "workload %ld takes no time (give a segment some us)", (long)w);
    return true;
}

static bool check_config(const SchedConfig *c, char *err, size_t errlen)
{
    if ((unsigned)c->regime >= SCHED_NREGIMES)
        return fail(err, errlen, "unknown regime %ld", (long)c->regime);
    if (c->nthreads < 1 || c->nthreads > SCHED_MAX_THREADS)
        return fail(err, errlen, "threads must be 1 to %d", SCHED_MAX_THREADS);
    if (c->ncores < 1 || c->ncores > SCHED_MAX_CORES)
        return fail(err, errlen, "cores must be 1 to %d", SCHED_MAX_CORES);
    if (c->horizon_us < 1 || c->horizon_us > SCHED_MAX_HORIZON_US)
        return fail(err, errlen, "the horizon must be 1 us to %lld s",
                    (long long)(SCHED_MAX_HORIZON_US / 1000000));
    if (c->nobjects > SCHED_MAX_OBJECTS || (c->nobjects && !c->objects))
        return fail(err, errlen, "at most %d objects", SCHED_MAX_OBJECTS);
    if (c->log_from_us < 0 || c->log_until_us < 0)
        return fail(err, errlen, "the log window cannot start before 0");
    size_t n;
    const SchedParamInfo *t = sched_param_table(&n);
    for (size_t i = 0; i < n; i++) {
        int32_t v = sched_param_get(&c->params, &t[i]);
        if (v < t[i].min || v > t[i].max) {
            if (err && errlen)
                snprintf(err, errlen, "parameter %s = %ld is outside %ld..%ld", t[i].name,
                         (long)v, (long)t[i].min, (long)t[i].max);
            return false;
        }
    }
    if (!c->workloads || c->nworkloads == 0)
        return fail(err, errlen, "no workload");
    for (size_t w = 0; w < c->nworkloads; w++)
        if (!check_workload(c, w, err, errlen))
            return false;
    return true;
}

static void copy_config(Sched *s, const SchedConfig *c)
{
    size_t nsegs = 0;
    for (size_t w = 0; w < c->nworkloads; w++)
        nsegs += c->workloads[w].nsegs;
    s->wls = xcalloc(c->nworkloads, sizeof *s->wls);
    s->segs = xcalloc(nsegs, sizeof *s->segs);
    for (size_t w = 0, at = 0; w < c->nworkloads; w++) {
        s->wls[w] = c->workloads[w];
        memcpy(s->segs + at, c->workloads[w].segs, c->workloads[w].nsegs * sizeof *s->segs);
        s->wls[w].segs = s->segs + at;
        s->wls[w].name = NULL; /* not copied: the caller's string */
        at += c->workloads[w].nsegs;
    }
    s->objs = xcalloc(c->nobjects ? c->nobjects : 1, sizeof *s->objs);
    for (size_t i = 0; i < c->nobjects; i++)
        s->objs[i] = (SchedObj){c->objects[i], -1, {-1, -1}, 0, -1};
    s->cfg = *c;
    s->cfg.workloads = s->wls;
    s->cfg.objects = NULL;
    s->cfg.log_cap = c->log_cap ? c->log_cap : SCHED_DEFAULT_LOG_CAP;
    s->cfg.hold_cap = c->hold_cap ? c->hold_cap : SCHED_DEFAULT_LOG_CAP;
    s->log_until = c->log_until_us ? c->log_until_us : c->horizon_us;
}

Sched *sched_core_new(const SchedConfig *cfg, const SchedDriver *drv, char *err, size_t errlen)
{
    if (!check_config(cfg, err, errlen))
        return NULL;
    Sched *s = xcalloc(1, sizeof *s);
    copy_config(s, cfg);
    s->drv = drv;
    s->thr = xcalloc((size_t)cfg->nthreads, sizeof *s->thr);
    s->cores = xcalloc((size_t)cfg->ncores, sizeof *s->cores);
    for (int c = 0; c < cfg->ncores; c++)
        s->cores[c].thr = -1;
    s->nfree = cfg->ncores;
    s->ready = (SchedQueue){-1, -1};
    s->gil = (SchedGil){.holder = -1, .taker = -1, .last_holder = -1, .waiters = {-1, -1}};
    for (int i = 0; i < cfg->nthreads; i++) {
        SchedThr *th = &s->thr[i];
        th->wl = (uint32_t)(i % (int)cfg->nworkloads);
        th->core = -1;
        th->lane_core = -1;
        th->next = -1;
        th->lane = SCHED_LANE_DONE;
        th->rng = cfg->seed * 0x100000001B3ULL + (uint64_t)i * 0x9E3779B97F4A7C15ULL;
    }
    return s;
}

void sched_free(Sched *s)
{
    if (!s)
        return;
    free(s->wls);
    free(s->segs);
    free(s->thr);
    free(s->cores);
    free(s->objs);
    free(s->heap);
    free(s->lanes);
    free(s->holds);
    free(s);
}

/* Closes every open interval at s->now (the end of the run). */
static void close_all(Sched *s)
{
    for (int i = 0; i < s->cfg.nthreads; i++) {
        SchedThr *th = &s->thr[i];
        if (th->lane_since < s->now) {
            sched_lane_close(s, th, s->now);
            th->lane_since = s->now;
        }
    }
    if (s->gil.holder >= 0) {
        sched_hold_close(s, s->gil.holder, false);
        s->gil.hold_since = s->now;
    }
    for (int c = 0; c < s->cfg.ncores; c++) {
        if (s->cores[c].thr >= 0) {
            s->cores[c].busy_us += s->now - s->cores[c].since;
            s->cores[c].since = s->now;
        }
    }
}

bool sched_advance(Sched *s, int64_t until_us)
{
    if (s->done)
        return true;
    int64_t horizon = s->cfg.horizon_us;
    int64_t limit = until_us < horizon ? until_us : horizon;
    while (s->nheap && sched_ev_time(&s->heap[0]) <= limit && !s->done) {
        SchedEv e = sched_ev_pop(s);
        s->now = sched_ev_time(&e);
        dispatch(s, &e);
    }
    if (!s->done && limit >= horizon) {
        s->now = horizon;
        s->done = true;
    } else if (!s->done && limit > s->now) {
        s->now = limit;
    }
    if (s->done)
        close_all(s);
    return s->done;
}

void sched_finish(Sched *s)
{
    sched_advance(s, s->cfg.horizon_us);
}

int64_t sched_now(const Sched *s)
{
    return s->now;
}

const SchedConfig *sched_config(const Sched *s)
{
    return &s->cfg;
}

static int64_t open_us(const Sched *s, const SchedThr *th)
{
    return th->lane < SCHED_LANE_NSTATES && s->now > th->lane_since ? s->now - th->lane_since : 0;
}

void sched_thread_stats(const Sched *s, int thread, SchedThreadStats *out)
{
    const SchedThr *th = &s->thr[thread];
    memset(out, 0, sizeof *out);
    out->tasks = th->tasks;
    memcpy(out->lane_us, th->lane_us, sizeof out->lane_us);
    if (th->lane < SCHED_LANE_NSTATES)
        out->lane_us[th->lane] += open_us(s, th);
    out->lane = (SchedLane)th->lane;
    out->lane_since = th->lane_since;
    out->core = th->core;
}

int64_t sched_core_busy_us(const Sched *s, int core)
{
    const SchedCore *k = &s->cores[core];
    return k->busy_us + (k->thr >= 0 ? s->now - k->since : 0);
}

void sched_totals(const Sched *s, SchedTotals *out)
{
    *out = s->tot;
    out->wall_us = s->now;
    out->serial_us = s->serial_ns / 1000;
    for (int i = 0; i < s->cfg.nthreads; i++) {
        SchedThreadStats ts;
        sched_thread_stats(s, i, &ts);
        for (int l = 0; l < SCHED_LANE_NSTATES; l++)
            out->lane_us[l] += ts.lane_us[l];
    }
    for (int c = 0; c < s->cfg.ncores; c++)
        out->busy_us += sched_core_busy_us(s, c);
    if (s->now > 0) {
        out->throughput = (double)out->tasks * 1e6 / (double)s->now;
        out->speedup = (double)out->serial_us / (double)s->now;
        out->utilization = (double)out->busy_us / ((double)s->now * s->cfg.ncores);
    }
    out->done = s->done;
}

int sched_gil_holder(const Sched *s)
{
    return s->cfg.regime == SCHED_GIL ? s->gil.holder : -1;
}

const SchedLaneRec *sched_lanes(const Sched *s, size_t *n)
{
    *n = s->nlanes;
    return s->lanes;
}

const SchedGilHold *sched_gil_holds(const Sched *s, size_t *n)
{
    *n = s->nholds;
    return s->holds;
}
