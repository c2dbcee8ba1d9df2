/*
 * evloop_stats: what the event-loop model reports — time buckets that
 * double their width as the run grows (so memory stays fixed however long
 * it runs), latency lists and their nearest-rank percentiles, totals, and
 * per-column summaries a view draws.
 */
#include "lab/loop/evloop_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* ---- buckets ------------------------------------------------------------ */

static void merge_pairs(Evloop *e)
{
    EvloopBucket *b = e->buckets;
    for (size_t i = 0; i < EVLOOP_NBUCKETS / 2; i++) {
        EvloopBucket m = b[2 * i], *o = &b[2 * i + 1];
        for (int l = 0; l < EVLOOP_NLANES; l++)
            for (int s = 0; s < EVS_NSTATES; s++)
                m.lane_us[l][s] += o->lane_us[l][s];
        for (int s = 0; s < EVS_NSTATES; s++)
            m.pool_us[s] += o->pool_us[s];
        if (o->max_queue > m.max_queue)
            m.max_queue = o->max_queue;
        m.arrivals += o->arrivals;
        m.done += o->done;
        b[i] = m;
    }
    memset(b + EVLOOP_NBUCKETS / 2, 0, EVLOOP_NBUCKETS / 2 * sizeof *b);
    e->width *= 2;
}

/* Makes the buckets reach time t (at most EVLOOP_MAX_US + 1, so the width
 * stays far below 2^32 µs). */
void ev_bucket_cover(Evloop *e, int64_t t)
{
    while (t >= e->width * EVLOOP_NBUCKETS)
        merge_pairs(e);
    size_t used = (size_t)(t / e->width) + 1;
    if (used > e->nbuckets_used)
        e->nbuckets_used = used;
}

void ev_bucket_add(Evloop *e, int actor, int state, int64_t t0, int64_t t1)
{
    if (t1 <= t0)
        return;
    if (actor == 0)
        e->tot.loop_us[state] += t1 - t0;
    else
        e->tot.pool_us[state] += t1 - t0;
    ev_bucket_cover(e, t1);
    int lane = actor < EVLOOP_NLANES ? actor : -1;
    for (int64_t i = t0 / e->width; i * e->width < t1; i++) {
        int64_t b0 = i * e->width, b1 = b0 + e->width;
        int64_t d = (t1 < b1 ? t1 : b1) - (t0 > b0 ? t0 : b0);
        EvloopBucket *b = &e->buckets[i];
        if (lane >= 0)
            b->lane_us[lane][state] += (uint32_t)d;
        if (actor > 0)
            b->pool_us[state] += (uint64_t)d;
    }
}

void ev_bucket_queue(Evloop *e)
{
    int64_t q = e->ready.len + e->limiter.len;
    if (q > e->tot.max_queue)
        e->tot.max_queue = q;
    if (e->ready.len > e->tot.max_loop_queue)
        e->tot.max_loop_queue = e->ready.len;
    if (e->limiter.len > e->tot.max_pool_queue)
        e->tot.max_pool_queue = e->limiter.len;
    ev_bucket_cover(e, e->now);
    EvloopBucket *b = &e->buckets[e->now / e->width];
    if ((uint32_t)q > b->max_queue)
        b->max_queue = (uint32_t)q;
}

const EvloopBucket *evloop_buckets(const Evloop *e, size_t *n, int64_t *width_us)
{
    *n = e->nbuckets_used;
    *width_us = e->width;
    return e->buckets;
}

/* ---- latencies ------------------------------------------------------------- */

void ev_lat_add(EvLat *l, int64_t v)
{
    l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
    l->v[l->n++] = v;
}

const int64_t *evloop_latencies(const Evloop *e, int route, size_t *n)
{
    if (route < 0 || (size_t)route >= e->cfg.nroutes) {
        *n = 0;
        return NULL;
    }
    *n = e->lat[route].n;
    return e->lat[route].v;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int64_t *sorted_copy(const EvLat *l)
{
    int64_t *v = xmalloc((l->n ? l->n : 1) * sizeof *v);
    if (l->n)
        memcpy(v, l->v, l->n * sizeof *v);
    qsort(v, l->n, sizeof *v, cmp_i64);
    return v;
}

void evloop_route_stats(const Evloop *e, int route, EvloopRouteStats *out)
{
    memset(out, 0, sizeof *out);
    if (route < 0 || (size_t)route >= e->cfg.nroutes)
        return;
    const EvLat *l = &e->lat[route];
    out->arrived = e->arrived[route];
    out->done = (int64_t)l->n;
    if (l->n == 0)
        return;
    int64_t *v = sorted_copy(l);
    double sum = 0;
    for (size_t i = 0; i < l->n; i++)
        sum += (double)v[i];
    out->mean_us = sum / (double)l->n;
    out->p50_us = evloop_percentile(v, l->n, 50);
    out->p95_us = evloop_percentile(v, l->n, 95);
    out->p99_us = evloop_percentile(v, l->n, 99);
    out->max_us = v[l->n - 1];
    free(v);
    v = sorted_copy(&e->ttft[route]);
    out->ttft_p50_us = evloop_percentile(v, e->ttft[route].n, 50);
    out->ttft_p99_us = evloop_percentile(v, e->ttft[route].n, 99);
    free(v);
}

/* ---- totals ------------------------------------------------------------------ */

void evloop_totals(const Evloop *e, EvloopTotals *out)
{
    *out = e->tot;
    out->now_us = e->now;
    for (int a = 0; a < e->nact; a++) { /* the open intervals */
        int64_t d = e->now - e->act[a].since;
        if (d <= 0)
            continue;
        if (a == 0)
            out->loop_us[e->act[a].state] += d;
        else
            out->pool_us[e->act[a].state] += d;
    }
    out->offered = e->tot.window_us > 0 ? (double)e->tot.arrived * 1e6 / (double)e->tot.window_us
                                        : 0.0;
    out->throughput = e->last_done > 0 ? (double)e->tot.done * 1e6 / (double)e->last_done : 0.0;
    out->finished = e->finished;
    out->done_all = e->finished && e->inflight == 0 && !e->tot.truncated;
}

/* ---- columns for drawing -------------------------------------------------------- */

/* Time of buckets [.., ..) overlapping [c0, c1), as a fraction of each. */
static double overlap(const Evloop *e, int64_t i, int64_t c0, int64_t c1)
{
    int64_t b0 = i * e->width, b1 = b0 + e->width;
    int64_t d = (c1 < b1 ? c1 : b1) - (c0 > b0 ? c0 : b0);
    return d > 0 ? (double)d / (double)e->width : 0.0;
}

void evloop_lane_columns(const Evloop *e, int lane, int64_t span, int ncols, uint8_t *out)
{
    int64_t T = e->now;
    for (int c = 0; c < ncols; c++)
        out[c] = EVLOOP_COL_FUTURE;
    if (lane < 0 || lane >= EVLOOP_NLANES || span <= 0 || ncols <= 0)
        return;
    const EvActor *ac = lane < e->nact ? &e->act[lane] : NULL;
    for (int c = 0; c < ncols; c++) {
        int64_t c0 = span * c / ncols, c1 = span * (c + 1) / ncols;
        if (c0 >= T)
            break;
        if (c1 <= c0)
            c1 = c0 + 1;
        double acc[EVS_NSTATES] = {0};
        for (int64_t i = c0 / e->width; i * e->width < c1 && (size_t)i < e->nbuckets_used; i++)
            for (int s = 0; s < EVS_NSTATES; s++)
                acc[s] += overlap(e, i, c0, c1) * e->buckets[i].lane_us[lane][s];
        if (ac) {
            int64_t o0 = ac->since > c0 ? ac->since : c0, o1 = c1 < T ? c1 : T;
            if (o1 > o0)
                acc[ac->state] += (double)(o1 - o0);
        }
        int best = EVS_IDLE;
        for (int s = 0; s < EVS_NSTATES; s++)
            if (acc[s] > acc[best])
                best = s;
        out[c] = (uint8_t)best;
    }
}

void evloop_queue_columns(const Evloop *e, int64_t span, int ncols, uint32_t *max_queue,
                          double *answers_per_s)
{
    for (int c = 0; c < ncols; c++) {
        max_queue[c] = 0;
        answers_per_s[c] = 0;
        int64_t c0 = span * c / ncols, c1 = span * (c + 1) / ncols;
        if (span <= 0 || c0 >= e->now)
            continue;
        if (c1 <= c0)
            c1 = c0 + 1;
        double done = 0;
        for (int64_t i = c0 / e->width; i * e->width < c1 && (size_t)i < e->nbuckets_used; i++) {
            const EvloopBucket *b = &e->buckets[i];
            if (b->max_queue > max_queue[c])
                max_queue[c] = b->max_queue;
            done += overlap(e, i, c0, c1) * b->done;
        }
        answers_per_s[c] = done * 1e6 / (double)(c1 - c0);
    }
}
