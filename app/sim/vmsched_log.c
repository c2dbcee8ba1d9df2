/*
 * vmsched_log: what the bytecode threads did over simulated time, for the
 * threads view — each thread's lane (running, waiting for the GIL, blocked,
 * sleeping, ended) as records [t0, t1), written when vs_check sees a lane
 * change, and the log boiled down to cells a view can draw.  The records
 * follow the scheduler's own state, so a program gives the same log on
 * every run.
 */
#include "sim/vmsched.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static const char *const lane_names[VS_LANE_NSTATES] = {
    "none", "run", "gil-wait", "blocked", "sleep", "done",
};

const char *vs_lane_name(VsLane l)
{
    return (unsigned)l < VS_LANE_NSTATES ? lane_names[l] : "?";
}

/* The lane thread i is in, and since when (as the scheduler knows it). */
static VsLane lane_of(const VmSched *v, int i, int64_t *since)
{
    const VsThread *th = &v->thr[i];
    *since = v->now;
    switch (th->state) {
    case VS_RUN:
        if (i == v->running)
            *since = v->hold_since;
        return VS_LANE_RUN;
    case VS_READY: *since = th->since; return VS_LANE_GIL;
    case VS_DONE: return VS_LANE_DONE;
    case VS_TIMER: /* a sleep, or a blocked thread's wake-up on its way */
        return th->lane == VS_LANE_BLOCKED ? VS_LANE_BLOCKED : VS_LANE_SLEEP;
    default: return VS_LANE_BLOCKED;
    }
}

static void record(VmSched *v, const VsLaneRec *r)
{
    if (r->t1 <= r->t0 && !r->forced)
        return;
    if (v->nlog >= VS_LOG_CAP) {
        if (v->log_dropped++ == 0)
            v->log_full_at = r->t0;
        return;
    }
    if (v->nlog == v->caplog) {
        v->caplog = v->caplog ? 2 * v->caplog : 256;
        v->log = xrealloc(v->log, v->caplog * sizeof *v->log);
    }
    v->log[v->nlog++] = *r;
}

void vs_log_sync(VmSched *v)
{
    for (int i = 0; i < v->nthr; i++) {
        VsThread *th = &v->thr[i];
        int64_t since;
        VsLane lane = lane_of(v, i, &since);
        if (lane == th->lane)
            continue;
        if (since < th->lane_since)
            since = th->lane_since;
        if (th->lane != VS_LANE_NONE) {
            VsLaneRec r = {th->lane_since, since, i, th->lane, 0, 0};
            if (th->lane == VS_LANE_RUN) {
                r.forced = th->forced_end;
                r.handoff = th->took_over;
                th->forced_end = th->took_over = false;
            }
            record(v, &r);
        }
        th->lane = (uint8_t)lane;
        th->lane_since = since;
    }
}

/* Adds [a, b) to acc[col * stride] for each column of [t0, t1) it overlaps. */
static void spread(int64_t a, int64_t b, int64_t t0, int64_t t1, int ncols, int64_t *acc,
                   size_t stride)
{
    if (a < t0)
        a = t0;
    if (b > t1)
        b = t1;
    if (b <= a)
        return;
    int64_t span = t1 - t0;
    int col = (int)((double)(a - t0) * ncols / (double)span);
    for (; col < ncols; col++) {
        int64_t c0 = t0 + (int64_t)((double)span * col / ncols);
        int64_t c1 = t0 + (int64_t)((double)span * (col + 1) / ncols);
        if (c0 >= b)
            break;
        int64_t lo = a > c0 ? a : c0, hi = b < c1 ? b : c1;
        if (hi > lo)
            acc[(size_t)col * stride] += hi - lo;
    }
}

static int column_of(int64_t t, int64_t t0, int64_t t1, int ncols)
{
    if (t < t0 || t > t1)
        return -1;
    int c = (int)((double)(t - t0) * ncols / (double)(t1 - t0));
    return c >= ncols ? ncols - 1 : c;
}

static void mark(uint8_t *marks, int col, uint8_t m)
{
    if (marks && col >= 0 && marks[col] < m)
        marks[col] = m;
}

void vs_timeline(const VmSched *v, int first, int n, int64_t t0, int64_t t1, int ncols,
                 uint8_t *out, uint8_t *marks)
{
    if (n <= 0 || ncols <= 0)
        return;
    memset(out, VS_LANE_NONE, (size_t)n * (size_t)ncols);
    if (marks)
        memset(marks, 0, (size_t)ncols);
    if (t1 <= t0)
        return;
    const size_t nl = VS_LANE_NSTATES;
    int64_t *acc = xcalloc((size_t)n * (size_t)ncols * nl, sizeof *acc);
    for (size_t i = 0; i < v->nlog; i++) {
        const VsLaneRec *r = &v->log[i];
        if (r->lane == VS_LANE_RUN) {
            if (r->handoff)
                mark(marks, column_of(r->t0, t0, t1, ncols), 1);
            if (r->forced)
                mark(marks, column_of(r->t1, t0, t1, ncols), 2);
        }
        int row = r->thread - first;
        if (row >= 0 && row < n)
            spread(r->t0, r->t1, t0, t1, ncols, acc + (size_t)row * (size_t)ncols * nl + r->lane,
                   nl);
    }
    for (int row = 0; row < n; row++) { /* what each is doing now */
        int i = first + row;
        if (i < 0 || i >= v->nthr)
            continue;
        const VsThread *th = &v->thr[i];
        if (th->lane == VS_LANE_RUN && th->took_over)
            mark(marks, column_of(th->lane_since, t0, t1, ncols), 1);
        if (th->lane != VS_LANE_NONE) {
            int64_t end = th->lane == VS_LANE_DONE ? t1 : v->now;
            spread(th->lane_since, end, t0, t1, ncols,
                   acc + (size_t)row * (size_t)ncols * nl + th->lane, nl);
        }
    }
    for (size_t cell = 0; cell < (size_t)n * (size_t)ncols; cell++) {
        const int64_t *a = acc + cell * nl;
        int64_t best = 0;
        for (size_t l = 0; l < nl; l++) {
            if (a[l] > best) {
                best = a[l];
                out[cell] = (uint8_t)l;
            }
        }
    }
    free(acc);
}

void vs_gil_timeline(const VmSched *v, int64_t t0, int64_t t1, int ncols, int16_t *out)
{
    if (ncols <= 0)
        return;
    for (int c = 0; c < ncols; c++)
        out[c] = -1;
    if (t1 <= t0)
        return;
    int64_t *best = xcalloc((size_t)ncols, sizeof *best);
    int64_t *acc = xcalloc((size_t)ncols, sizeof *acc);
    for (size_t i = 0; i <= v->nlog; i++) {
        int64_t a, b;
        int who;
        if (i < v->nlog) {
            if (v->log[i].lane != VS_LANE_RUN)
                continue;
            a = v->log[i].t0;
            b = v->log[i].t1;
            who = v->log[i].thread;
        } else if (v->running >= 0 && v->thr[v->running].lane == VS_LANE_RUN) {
            a = v->thr[v->running].lane_since;
            b = v->now;
            who = v->running;
        } else {
            break;
        }
        int c0 = column_of(a < t0 ? t0 : a, t0, t1, ncols);
        int c1 = column_of(b > t1 ? t1 : b, t0, t1, ncols);
        if (c0 < 0 || c1 < 0)
            continue;
        for (int c = c0; c <= c1; c++)
            acc[c] = 0;
        spread(a, b, t0, t1, ncols, acc, 1);
        for (int c = c0; c <= c1; c++) {
            if (acc[c] > best[c]) {
                best[c] = acc[c];
                out[c] = (int16_t)who;
            }
        }
    }
    free(best);
    free(acc);
}
