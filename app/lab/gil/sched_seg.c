/*
 * sched_seg: the lab's workers running their segments on the scheduler's
 * core (sim/sched.h: the GIL, the OS run queue, the clock, the logs).
 *
 * A worker's segment turns into work on a core (Python bytecode, which
 * under SCHED_GIL also needs the GIL; C code; process overhead), a timer
 * (I/O), a wait in a lock's FIFO, or a burst of refcount operations.  Under
 * SCHED_FREE_THREADED a burst on an object the worker does not own takes the
 * shared atomic path and reserves the object's refcount cache line, so bursts
 * from several cores serialize.  The core calls back through SchedDriver:
 * on_core when a worker got a core, on_timer when its timer fired.
 */
#include "lab/gil/workload.h"
#include "sim/sched_internal.h"

#include "base/rng.h"
/* ---- running work ------------------------------------------------------ */

static void touch_reserve(Sched *s, SchedThr *th);

/* th has just got a core, or continues on it with new work. */
static void on_core(Sched *s, SchedThr *th)
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
        on_core(s, th);
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

static const SchedDriver seg_driver = {on_core, on_thread_timer};

Sched *sched_new(const SchedConfig *cfg, char *err, size_t errlen)
{
    Sched *s = sched_core_new(cfg, &seg_driver, err, errlen);
    if (!s)
        return NULL;
    for (int i = 0; i < cfg->nthreads; i++) /* all start at t = 0, in index order */
        if (seg_start(s, &s->thr[i]))
            seg_next(s, &s->thr[i]);
    return s;
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
