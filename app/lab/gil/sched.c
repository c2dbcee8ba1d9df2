/*
 * sched: workers running their segments, and the run as a whole — the
 * public half of lab/gil/sched.h (new, advance, totals, accessors).
 *
 * A worker's segment turns into work on a core (Python bytecode, which
 * under SCHED_GIL also needs the GIL; C code; process overhead), a timer
 * (I/O), a wait in a lock's FIFO, or a burst of refcount operations.  Under
 * SCHED_FREE_THREADED a burst on an object the worker does not own takes the
 * shared atomic path and reserves the object's refcount cache line, so bursts
 * from several cores serialize.  The machine (events, cores, logs) is in
 * sched_machine.c and the GIL in sched_gil.c.
 */
#include "lab/gil/sched_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "base/xalloc.h"

/* ---- running work ------------------------------------------------------ */

static void touch_reserve(Sched *s, SchedThr *th);

/* th has just got a core, or continues on it with new work. */
void sched_on_core(Sched *s, SchedThr *th)
{
    if (th->phase == PH_TOUCH) {
        touch_reserve(s, th);
        return;
    }
    sched_lane_set(s, th, th->work_lane);
    th->run_since = s->now;
    sched_thr_timer(s, th, s->now + th->remaining);
    if (th->has_gil && s->gil.drop_req)
        sched_ev_push(s, s->now + s->cfg.params.eval_check_us, EV_GIL_BREAK, 0, ++s->gil.brk_ver);
}

/* th needs a core for its current phase (and the GIL, for Python work). */
static void run_or_wait(Sched *s, SchedThr *th)
{
    if (th->needs_gil && !th->has_gil) {
        SchedGil *g = &s->gil;
        if (g->holder >= 0 || g->taker >= 0) {
            sched_core_release(s, th);
            sched_gil_wait(s, th, s->now);
            return;
        }
        sched_gil_take(s, th);
    }
    if (th->core >= 0)
        sched_on_core(s, th);
    else
        sched_core_request(s, th);
}

static void start_work(Sched *s, SchedThr *th, int64_t us, int lane, bool gil, int then)
{
    th->phase = PH_WORK;
    th->remaining = us;
    th->work_lane = (uint8_t)lane;
    th->needs_gil = gil;
    th->then = (uint8_t)then;
    run_or_wait(s, th);
}

/* Leaves the GIL and the core: th is about to block. */
static void block(Sched *s, SchedThr *th, int phase, int lane)
{
    if (th->has_gil)
        sched_gil_release(s, th, false);
    sched_core_release(s, th);
    th->phase = (uint8_t)phase;
    sched_lane_set(s, th, lane);
}

static int64_t jitter(SchedThr *th, int64_t v, uint32_t pct)
{
    int64_t span = v * pct / 100;
    if (span <= 0)
        return v;
    uint64_t z = rng_next(&th->rng);
    int64_t r = v - span + (int64_t)(z % (uint64_t)(2 * span + 1));
    return r < 1 ? 1 : r;
}

static int64_t ceil_div(int64_t a, int64_t b)
{
    return (a + b - 1) / b;
}

/* Starts segment th->seg.  Returns true when it cost nothing here (the
 * caller moves on to the next segment). */
static bool seg_start(Sched *s, SchedThr *th)
{
    const SchedParams *p = &s->cfg.params;
    const SchedWorkload *wl = &s->wls[th->wl];
    const SchedSeg *g = &wl->segs[th->seg];
    SchedRegime rg = s->cfg.regime;
    int64_t us = jitter(th, g->us, wl->jitter_pct);
    int64_t count = g->count ? jitter(th, g->count, wl->jitter_pct) : 0;
    int64_t py_us = rg == SCHED_FREE_THREADED ? ceil_div(us * (100 + p->ft_overhead_pct), 100) : us;

    if (rg == SCHED_PROCESSES && !th->started) { /* the worker process starts first */
        s->tot.startup_us += p->proc_start_us;
        start_work(s, th, p->proc_start_us, SCHED_LANE_OVERHEAD, false, THEN_STARTED);
        return false;
    }
    switch ((SchedSegKind)g->kind) {
    case SCHED_SEG_CPU:
        th->task_serial_ns += us * 1000;
        start_work(s, th, py_us, SCHED_LANE_RUN, rg == SCHED_GIL, THEN_NEXT);
        return false;
    case SCHED_SEG_NATIVE:
        th->task_serial_ns += us * 1000;
        if (th->has_gil)
            sched_gil_release(s, th, false); /* Py_BEGIN_ALLOW_THREADS */
        start_work(s, th, us, SCHED_LANE_NATIVE, false, THEN_NEXT);
        return false;
    case SCHED_SEG_IO:
        th->task_serial_ns += us * 1000;
        block(s, th, PH_IO, SCHED_LANE_IO);
        sched_thr_timer(s, th, s->now + us);
        return false;
    case SCHED_SEG_LOCKED: {
        th->task_serial_ns += us * 1000;
        SchedObj *o = &s->objs[g->obj];
        if (rg == SCHED_PROCESSES) { /* every process has its own copy */
            start_work(s, th, py_us, SCHED_LANE_RUN, false, THEN_NEXT);
            return false;
        }
        s->tot.lock_acquires++;
        if (o->owner_lock < 0) {
            o->owner_lock = (int)(th - s->thr);
            start_work(s, th, py_us, SCHED_LANE_RUN, rg == SCHED_GIL, THEN_UNLOCK);
            return false;
        }
        s->tot.lock_waits++;
        th->locked_work = py_us;
        th->cur_obj = g->obj;
        block(s, th, PH_LOCK_WAIT, SCHED_LANE_LOCK_WAIT);
        sched_q_push(s, &o->waiters, (int)(th - s->thr));
        return false;
    }
    case SCHED_SEG_TOUCH: {
        th->task_serial_ns += count * p->rc_plain_ns;
        const SchedObject *spec = &s->objs[g->obj].spec;
        bool free_ops = spec->flags & (SCHED_OBJ_IMMORTAL | SCHED_OBJ_DEFERRED);
        if (rg != SCHED_FREE_THREADED || free_ops || spec->owner == (int32_t)(th - s->thr)) {
            int64_t ns = rg == SCHED_FREE_THREADED ? p->brc_local_ns : p->rc_plain_ns;
            s->tot.rc_fast += count;
            start_work(s, th, ceil_div(count * ns, 1000), SCHED_LANE_RUN, rg == SCHED_GIL,
                       THEN_NEXT);
            return false;
        }
        th->phase = PH_TOUCH;
        th->cur_obj = g->obj;
        th->cur_count = (uint32_t)count;
        if (th->core >= 0)
            touch_reserve(s, th);
        else
            sched_core_request(s, th);
        return false;
    }
    case SCHED_SEG_SEND:
        if (rg != SCHED_PROCESSES)
            return true; /* threads pass a reference */
        s->tot.pickled_bytes += count;
        start_work(s, th, p->ipc_msg_us + ceil_div(count * p->pickle_ns_per_kb, 1024 * 1000),
                   SCHED_LANE_OVERHEAD, false, THEN_NEXT);
        return false;
    case SCHED_SEG_NKINDS:
        break;
    }
    return true;
}

static void thread_done(Sched *s, SchedThr *th)
{
    block(s, th, PH_DONE, SCHED_LANE_DONE);
    if (++s->ndone == s->cfg.nthreads)
        s->done = true;
}

/* The current segment is over: on to the next one(s). */
static void seg_next(Sched *s, SchedThr *th)
{
    const SchedWorkload *wl = &s->wls[th->wl];
    for (;;) {
        s->serial_ns += th->task_serial_ns; /* the segment just finished */
        th->task_serial_ns = 0;
        if (++th->seg == wl->nsegs) {
            th->seg = 0;
            th->tasks++;
            s->tot.tasks++;
            if (wl->repeat && th->tasks >= wl->repeat) {
                thread_done(s, th);
                return;
            }
        }
        if (!seg_start(s, th))
            return;
    }
}

/* A shared-path refcount burst (free-threaded, not the owner): the object's
 * ob_ref_shared line is one resource; a burst waits for the one before it,
 * stalled on its core, and under contention every op moves the line. */
static void touch_reserve(Sched *s, SchedThr *th)
{
    const SchedParams *p = &s->cfg.params;
    SchedObj *o = &s->objs[th->cur_obj];
    int id = (int)(th - s->thr);
    int64_t start = o->line_until > s->now ? o->line_until : s->now;
    bool contended = start > s->now || (o->last_user != id && o->line_until + 1 >= s->now &&
                                        o->last_user >= 0);
    int64_t dur = ceil_div((int64_t)th->cur_count *
                               (contended ? p->line_transfer_ns : p->brc_shared_ns), 1000);
    s->tot.rc_shared += th->cur_count;
    if (contended)
        s->tot.rc_contended += th->cur_count;
    o->line_until = start + dur;
    o->last_user = id;
    th->phase = PH_TOUCH_RES;
    if (start > s->now)
        sched_lane_set(s, th, SCHED_LANE_CONTENDED);
    sched_lane_at(s, th, SCHED_LANE_RUN, start);
    sched_thr_timer(s, th, start + dur);
}

static void lock_release(Sched *s, SchedThr *th)
{
    SchedObj *o = &s->objs[s->wls[th->wl].segs[th->seg].obj];
    int w = sched_q_pop(s, &o->waiters);
    o->owner_lock = w;
    if (w >= 0) { /* handed straight to the first waiter, who must wake up */
        s->thr[w].phase = PH_LOCK_WAKE;
        sched_thr_timer(s, &s->thr[w], s->now + s->cfg.params.lock_handoff_us);
    }
}

/* ---- event handlers ---------------------------------------------------- */

static void on_thread_timer(Sched *s, SchedThr *th)
{
    switch ((SchedPhase)th->phase) {
    case PH_WORK:
        th->remaining = 0;
        if (th->then == THEN_STARTED) {
            th->started = true;
            if (!seg_start(s, th))
                return;
        } else if (th->then == THEN_UNLOCK) {
            lock_release(s, th);
        }
        seg_next(s, th);
        return;
    case PH_IO:
    case PH_TOUCH_RES:
        seg_next(s, th);
        return;
    case PH_GIL_TAKE: /* only Python work waits for the GIL */
        th->phase = PH_WORK;
        sched_gil_take(s, th);
        run_or_wait(s, th);
        return;
    case PH_LOCK_WAKE:
        start_work(s, th, th->locked_work, SCHED_LANE_RUN, s->cfg.regime == SCHED_GIL,
                   THEN_UNLOCK);
        return;
    case PH_GIL_WAIT:
    case PH_LOCK_WAIT:
    case PH_TOUCH:
    case PH_DONE:
        break;
    }
}

static void dispatch(Sched *s, const SchedEv *e)
{
    SchedGil *g = &s->gil;
    switch (e->kind) {
    case EV_THREAD:
        if (e->ver == s->thr[e->idx].ver)
            on_thread_timer(s, &s->thr[e->idx]);
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

Sched *sched_new(const SchedConfig *cfg, char *err, size_t errlen)
{
    if (!check_config(cfg, err, errlen))
        return NULL;
    Sched *s = xcalloc(1, sizeof *s);
    copy_config(s, cfg);
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
    for (int i = 0; i < cfg->nthreads; i++) /* all start at t = 0, in index order */
        if (seg_start(s, &s->thr[i]))
            seg_next(s, &s->thr[i]);
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

int sched_run(const SchedConfig *cfg, SchedTotals *out, char *err, size_t errlen)
{
    Sched *s = sched_new(cfg, err, errlen);
    if (!s)
        return -1;
    sched_finish(s);
    sched_totals(s, out);
    sched_free(s);
    return 0;
}
