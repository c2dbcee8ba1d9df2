/*
 * evloop: the engine of the event-loop model (lab/loop/evloop.h) — events in a
 * binary heap ordered by (time, sequence), requests moving through their
 * handler's stages, the loop's ready queue, the thread pool behind AnyIO's
 * capacity limiter, and the run as a whole.
 *
 * A request's work comes in slices: Python work that needs the GIL, then a
 * blocking wait.  The loop (actor 0) runs the slices of async handlers and
 * the first and last slice of def handlers; a pool thread (actor 1 + i) runs
 * a def handler's body.  An await ends a slice: the request sleeps on a timer
 * and rejoins the loop's ready queue (FIFO, like asyncio's call_soon).
 */
#include "lab/loop/evloop_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "base/xalloc.h"

/* ---- events ------------------------------------------------------------ */

static bool ev_before(const EvEvent *a, const EvEvent *b)
{
    return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

void ev_push(Evloop *e, int64_t t, int kind, int idx, uint32_t ver)
{
    e->heap = xgrow(e->heap, &e->capheap, e->nheap + 1, sizeof *e->heap);
    EvEvent v = {t, e->seq++, ver, (uint8_t)kind, idx};
    size_t i = e->nheap++;
    while (i > 0 && ev_before(&v, &e->heap[(i - 1) / 2])) {
        e->heap[i] = e->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    e->heap[i] = v;
}

static EvEvent ev_pop(Evloop *e)
{
    EvEvent top = e->heap[0], last = e->heap[--e->nheap];
    size_t i = 0, n = e->nheap;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && ev_before(&e->heap[c + 1], &e->heap[c]))
            c++;
        if (!ev_before(&e->heap[c], &last))
            break;
        e->heap[i] = e->heap[c];
        i = c;
    }
    if (n)
        e->heap[i] = last;
    return top;
}

void ev_actor_timer(Evloop *e, int a, int64_t t)
{
    ev_push(e, t, EVE_ACTOR, a, ++e->act[a].ver);
}

/* Closes the actor's current interval into the buckets and switches state. */
void ev_actor_state(Evloop *e, int a, EvloopState s)
{
    EvActor *ac = &e->act[a];
    if (ac->state == s)
        return;
    ev_bucket_add(e, a, ac->state, ac->since, e->now);
    ac->state = (uint8_t)s;
    ac->since = e->now;
}

/* ---- queues ------------------------------------------------------------ */

static void q_push(Evloop *e, EvQueue *q, int r)
{
    e->req[r].next = -1;
    if (q->tail < 0)
        q->head = r;
    else
        e->req[q->tail].next = r;
    q->tail = r;
    q->len++;
    ev_bucket_queue(e);
}

static int q_pop(Evloop *e, EvQueue *q)
{
    int r = q->head;
    if (r >= 0) {
        q->head = e->req[r].next;
        if (q->head < 0)
            q->tail = -1;
        q->len--;
    }
    return r;
}

/* ---- slices -------------------------------------------------------------- */

/* Starts or continues actor a's slice; true when nothing of it is left. */
static bool actor_continue(Evloop *e, int a)
{
    EvActor *ac = &e->act[a];
    if (ac->cpu_left > 0) {
        if (ev_gil_acquire(e, a)) {
            ev_actor_state(e, a, EVS_RUN);
            ac->run_since = e->now;
            ev_actor_timer(e, a, e->now + ac->cpu_left);
        }
        return false;
    }
    if (ac->block_left > 0) {
        ev_actor_state(e, a, EVS_BLOCKED);
        ev_actor_timer(e, a, e->now + ac->block_left);
        return false;
    }
    return true;
}

static bool actor_begin(Evloop *e, int a, int r)
{
    EvActor *ac = &e->act[a];
    ac->req = r;
    ac->cpu_left = e->req[r].cpu;
    ac->block_left = e->req[r].block;
    return actor_continue(e, a);
}

/* ---- requests ------------------------------------------------------------ */

static void pool_enter(Evloop *e, int r);

static int new_request(Evloop *e, int load)
{
    if (e->nreq >= EVLOOP_MAX_REQUESTS) {
        e->tot.truncated = true;
        return -1;
    }
    const EvloopLoad *ld = &e->loads[load];
    const EvloopRoute *rt = &e->routes[ld->route];
    e->req = xgrow(e->req, &e->capreq, e->nreq + 1, sizeof *e->req);
    int r = (int)e->nreq++;
    EvReq *q = &e->req[r];
    memset(q, 0, sizeof *q);
    q->arrival = e->now;
    q->ttft = -1;
    q->route = (int16_t)ld->route;
    q->load = (int16_t)load;
    q->stage = ST_START;
    /* async def: its Python and its blocking call run right away on the loop;
     * def: the loop only routes it, the body goes to a thread */
    q->cpu = e->cfg.params.request_overhead_us + (rt->sync ? 0 : rt->cpu_us);
    q->block = rt->sync ? 0 : rt->blocking_us;
    e->arrived[ld->route]++;
    e->tot.arrived++;
    e->inflight++;
    ev_bucket_cover(e, e->now);
    e->buckets[e->now / e->width].arrivals++;
    q_push(e, &e->ready, r);
    return r;
}

static void req_done(Evloop *e, int r)
{
    EvReq *q = &e->req[r];
    q->stage = ST_DONE;
    int64_t lat = e->now - q->arrival;
    ev_lat_add(&e->lat[q->route], lat);
    ev_lat_add(&e->ttft[q->route], q->ttft >= 0 ? q->ttft - q->arrival : lat);
    e->inflight--;
    e->tot.done++;
    e->last_done = e->now;
    ev_bucket_cover(e, e->now);
    e->buckets[e->now / e->width].done++;
    const EvloopLoad *ld = &e->loads[q->load];
    if (ld->kind == EVLOAD_USERS && e->now + ld->think_us < ld->start_us + ld->for_us)
        ev_push(e, e->now + ld->think_us, EVE_USER, q->load, 0);
}

/* What follows a finished slice of request r. */
static void req_after_slice(Evloop *e, int r)
{
    EvReq *q = &e->req[r];
    const EvloopRoute *rt = &e->routes[q->route];
    const EvloopParams *p = &e->cfg.params;
    switch ((EvStage)q->stage) {
    case ST_START:
        if (rt->sync) {
            q->stage = ST_POOL;
            q->cpu = rt->cpu_us;
            q->block = rt->blocking_us + rt->io_us; /* a def handler cannot await */
            pool_enter(e, r);
            return;
        }
        if (rt->io_us > 0) {
            q->stage = ST_IO;
            q->cpu = p->resume_us;
            q->block = 0;
            ev_push(e, e->now + rt->io_us, EVE_WAKE, r, 0);
            return;
        }
        goto after_io; /* nothing awaited before the stream */
    case ST_IO:
    after_io:
        if (rt->tokens > 0) {
            q->stage = ST_TOKEN;
            q->tokens_left = rt->tokens;
            q->cpu = p->token_cpu_us;
            q->block = 0;
            ev_push(e, e->now + rt->every_us, EVE_WAKE, r, 0);
            return;
        }
        req_done(e, r);
        return;
    case ST_TOKEN:
        if (q->ttft < 0)
            q->ttft = e->now;
        if (--q->tokens_left > 0)
            ev_push(e, e->now + rt->every_us, EVE_WAKE, r, 0);
        else
            req_done(e, r);
        return;
    case ST_POOL:
        q->stage = ST_RETURN;
        q->cpu = p->resume_us;
        q->block = 0;
        ev_push(e, e->now + p->thread_handoff_us, EVE_WAKE, r, 0);
        return;
    case ST_RETURN:
    case ST_DONE:
        req_done(e, r);
        return;
    }
}

/* ---- the loop and the pool ------------------------------------------------ */

/* The loop takes the next ready request while it has nothing to do. */
static void loop_kick(Evloop *e)
{
    EvActor *lp = &e->act[0];
    while (lp->req < 0 && e->ready.len > 0) {
        int r = q_pop(e, &e->ready);
        if (!actor_begin(e, 0, r))
            return;
        lp->req = -1; /* it cost nothing */
        req_after_slice(e, r);
    }
    if (lp->req < 0)
        ev_actor_state(e, 0, EVS_IDLE);
}

/* Thread a runs r, then whatever waits for a token, until it finds work that
 * takes time or the limiter's queue is empty. */
static void thread_run(Evloop *e, int a, int r)
{
    e->busy_threads++;
    if (e->busy_threads > e->tot.peak_threads)
        e->tot.peak_threads = e->busy_threads;
    while (r >= 0) {
        if (!actor_begin(e, a, r))
            return;
        e->act[a].req = -1;
        req_after_slice(e, r);
        r = q_pop(e, &e->limiter);
    }
    e->busy_threads--;
    ev_actor_state(e, a, EVS_IDLE);
}

static void pool_enter(Evloop *e, int r)
{
    if (e->busy_threads >= e->cfg.pool_size) {
        q_push(e, &e->limiter, r); /* no token: wait in the limiter's FIFO */
        return;
    }
    for (int a = 1; a < e->nact; a++) {
        if (e->act[a].req < 0) {
            thread_run(e, a, r);
            return;
        }
    }
}

static void slice_done(Evloop *e, int a)
{
    int r = e->act[a].req;
    e->act[a].req = -1;
    req_after_slice(e, r);
    if (a == 0)
        return; /* loop_kick runs after every event */
    e->busy_threads--;
    int next = q_pop(e, &e->limiter);
    if (next >= 0)
        thread_run(e, a, next);
    else
        ev_actor_state(e, a, EVS_IDLE);
}

static void on_actor_timer(Evloop *e, int a)
{
    EvActor *ac = &e->act[a];
    if (ac->taking) {
        ev_gil_on_timer(e, a);
        return;
    }
    if (ac->state == EVS_RUN) {
        ac->cpu_left = 0;
        ev_gil_release(e, a);
    } else {
        ac->block_left = 0;
    }
    if (actor_continue(e, a))
        slice_done(e, a);
}

/* ---- arrivals -------------------------------------------------------------- */

/* An exponential gap for a Poisson process of `rate` a second, in µs. */
static int64_t poisson_gap(uint64_t *s, double rate)
{
    double u = ((double)(rng_next(s) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    return (int64_t)llround(-log(u) * 1e6 / rate);
}

static void on_arrive(Evloop *e, int load)
{
    const EvloopLoad *ld = &e->loads[load];
    int64_t end = ld->start_us + ld->for_us, next = -1;
    switch ((EvloopLoadKind)ld->kind) {
    case EVLOAD_BURST:
        for (int i = 0; i < ld->count; i++)
            if (new_request(e, load) < 0)
                return;
        return;
    case EVLOAD_RATE:
        next = e->now + poisson_gap(&e->rng[load], ld->rate);
        break;
    case EVLOAD_EVERY:
        next = e->now + ld->every_us;
        break;
    case EVLOAD_USERS:
        return;
    }
    if (new_request(e, load) >= 0 && next < end)
        ev_push(e, next, EVE_ARRIVE, load, 0);
}

/* ---- the run ---------------------------------------------------------------- */

static bool check(const EvloopConfig *c, char *err, size_t errlen)
{
    if (c->nroutes < 1 || c->nroutes > EVLOOP_MAX_ROUTES) {
        snprintf(err, errlen, "1 to %d routes expected", EVLOOP_MAX_ROUTES);
        return false;
    }
    if (c->nloads < 1 || c->nloads > EVLOOP_MAX_LOADS) {
        snprintf(err, errlen, "1 to %d loads expected", EVLOOP_MAX_LOADS);
        return false;
    }
    if (c->pool_size < 1 || c->pool_size > EVLOOP_MAX_POOL) {
        snprintf(err, errlen, "a thread pool of 1 to %d expected", EVLOOP_MAX_POOL);
        return false;
    }
    for (size_t i = 0; i < c->nroutes; i++) {
        const EvloopRoute *r = &c->routes[i];
        if (r->cpu_us < 0 || r->blocking_us < 0 || r->io_us < 0 || r->tokens < 0 ||
            r->every_us < 0 || r->cpu_us > EVLOOP_MAX_US || r->blocking_us > EVLOOP_MAX_US ||
            r->io_us > EVLOOP_MAX_US || r->every_us > EVLOOP_MAX_US || r->tokens > 100000) {
            snprintf(err, errlen, "route %zu: a cost out of range", i);
            return false;
        }
    }
    for (size_t i = 0; i < c->nloads; i++) {
        const EvloopLoad *l = &c->loads[i];
        bool bad = l->route < 0 || (size_t)l->route >= c->nroutes || l->start_us < 0 ||
                   l->for_us < 0 || l->start_us > EVLOOP_MAX_US || l->for_us > EVLOOP_MAX_US ||
                   l->think_us < 0 || l->think_us > EVLOOP_MAX_US;
        if (l->kind == EVLOAD_RATE)
            bad |= !(l->rate > 0 && l->rate <= 1e6);
        else if (l->kind == EVLOAD_EVERY)
            bad |= l->every_us < 1;
        else if (l->kind == EVLOAD_BURST || l->kind == EVLOAD_USERS)
            bad |= l->count < 1 || l->count > EVLOOP_MAX_REQUESTS;
        else
            bad = true;
        if (bad) {
            snprintf(err, errlen, "load %zu: out of range", i);
            return false;
        }
    }
    return true;
}

Evloop *evloop_new(const EvloopConfig *cfg, char *err, size_t errlen)
{
    if (!check(cfg, err, errlen))
        return NULL;
    Evloop *e = xcalloc(1, sizeof *e);
    e->cfg = *cfg;
    memcpy(e->routes, cfg->routes, cfg->nroutes * sizeof *e->routes);
    memcpy(e->loads, cfg->loads, cfg->nloads * sizeof *e->loads);
    e->cfg.routes = e->routes;
    e->cfg.loads = e->loads;
    if (e->cfg.cap_us <= 0 || e->cfg.cap_us > EVLOOP_MAX_US)
        e->cfg.cap_us = EVLOOP_MAX_US;
    e->nact = 1 + cfg->pool_size;
    e->act = xcalloc((size_t)e->nact, sizeof *e->act);
    for (int a = 0; a < e->nact; a++)
        e->act[a].req = e->act[a].next = -1;
    e->gil.holder = e->gil.taker = e->gil.last = e->gil.head = e->gil.tail = -1;
    e->ready.head = e->ready.tail = e->limiter.head = e->limiter.tail = -1;
    e->buckets = xcalloc(EVLOOP_NBUCKETS, sizeof *e->buckets);
    e->width = 1000;
    for (size_t i = 0; i < cfg->nloads; i++) {
        const EvloopLoad *l = &e->loads[i];
        e->rng[i] = cfg->seed * 0x2545F4914F6CDD1DULL + (i + 1) * 0x9E3779B97F4A7C15ULL;
        int64_t t = l->start_us;
        if (l->kind == EVLOAD_RATE)
            t += poisson_gap(&e->rng[i], l->rate);
        if (l->kind == EVLOAD_USERS)
            for (int u = 0; u < l->count; u++)
                ev_push(e, t, EVE_USER, (int)i, 0);
        else if (l->kind == EVLOAD_BURST || t < l->start_us + l->for_us)
            ev_push(e, t, EVE_ARRIVE, (int)i, 0);
        if (l->kind != EVLOAD_BURST && l->start_us + l->for_us > e->tot.window_us)
            e->tot.window_us = l->start_us + l->for_us;
    }
    return e;
}

void evloop_free(Evloop *e)
{
    if (!e)
        return;
    for (int i = 0; i < EVLOOP_MAX_ROUTES; i++) {
        free(e->lat[i].v);
        free(e->ttft[i].v);
    }
    free(e->heap);
    free(e->req);
    free(e->act);
    free(e->buckets);
    free(e);
}

static bool stale(const Evloop *e, const EvEvent *v)
{
    if (v->kind == EVE_ACTOR)
        return v->ver != e->act[v->idx].ver;
    if (v->kind == EVE_DROP)
        return !e->gil.drop_armed || v->ver != e->gil.drop_ver;
    return false;
}

static void handle(Evloop *e, const EvEvent *v)
{
    switch ((EvEvKind)v->kind) {
    case EVE_ARRIVE:
        on_arrive(e, v->idx);
        break;
    case EVE_USER:
        new_request(e, v->idx);
        break;
    case EVE_WAKE:
        q_push(e, &e->ready, v->idx);
        break;
    case EVE_ACTOR:
        on_actor_timer(e, v->idx);
        break;
    case EVE_DROP:
        ev_gil_on_drop(e, v->ver);
        break;
    }
    loop_kick(e);
}

bool evloop_advance(Evloop *e, int64_t until)
{
    while (!e->finished && e->nheap > 0) {
        EvEvent v = e->heap[0];
        if (stale(e, &v)) { /* a cancelled timer: time does not move for it */
            ev_pop(e);
            continue;
        }
        if (v.t > until)
            break;
        if (v.t > e->cfg.cap_us) {
            e->now = e->cfg.cap_us;
            e->tot.truncated = e->inflight > 0;
            e->finished = true;
            break;
        }
        if (e->nevents >= EVLOOP_MAX_EVENTS) { /* a run that asks too much stops */
            e->tot.event_cap = true;
            e->tot.truncated = true;
            e->finished = true;
            break;
        }
        ev_pop(e);
        e->now = v.t;
        e->nevents++;
        handle(e, &v);
    }
    if (e->nheap == 0)
        e->finished = true;
    if (!e->finished && until > e->now)
        e->now = until < e->cfg.cap_us ? until : e->cfg.cap_us;
    return e->finished;
}

void evloop_finish(Evloop *e)
{
    evloop_advance(e, INT64_MAX);
}

bool evloop_done(const Evloop *e)
{
    return e->finished;
}

int64_t evloop_now(const Evloop *e)
{
    return e->now;
}

const EvloopConfig *evloop_config(const Evloop *e)
{
    return &e->cfg;
}

int evloop_queue_now(const Evloop *e)
{
    return e->ready.len + e->limiter.len;
}

EvloopState evloop_lane_state(const Evloop *e, int lane)
{
    return lane >= 0 && lane < e->nact && lane < EVLOOP_NLANES ? (EvloopState)e->act[lane].state
                                                                 : EVS_IDLE;
}
