/*
 * vmsched_log: what the bytecode threads did over simulated time, for the
 * threads view — each thread's lane (running, waiting for the GIL, blocked,
 * sleeping, ended) as records [t0, t1), written when vs_check sees a lane
 * change, and the log boiled down to cells a view can draw.  The records
 * follow the scheduler's own state, so a program gives the same log on
 * every run.
 */
#include "sim/vmsched.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/timecells.h"

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
    case VS_READY: /* 3.13t: on its core, between the VM's turns at its bytecode */
        *since = th->since;
        return v->parallel ? VS_LANE_RUN : VS_LANE_GIL;
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
                mark(marks, tc_column(r->t0, t0, t1, ncols), 1);
            if (r->forced)
                mark(marks, tc_column(r->t1, t0, t1, ncols), 2);
        }
        int row = r->thread - first;
        if (row >= 0 && row < n)
            tc_spread(r->t0, r->t1, t0, t1, ncols, acc + (size_t)row * (size_t)ncols * nl + r->lane,
                   nl);
    }
    for (int row = 0; row < n; row++) { /* what each is doing now */
        int i = first + row;
        if (i < 0 || i >= v->nthr)
            continue;
        const VsThread *th = &v->thr[i];
        if (th->lane == VS_LANE_RUN && th->took_over)
            mark(marks, tc_column(th->lane_since, t0, t1, ncols), 1);
        if (th->lane != VS_LANE_NONE) {
            int64_t end = th->lane == VS_LANE_DONE ? t1 : v->now;
            tc_spread(th->lane_since, end, t0, t1, ncols,
                   acc + (size_t)row * (size_t)ncols * nl + th->lane, nl);
        }
    }
    tc_dominant(acc, (size_t)n * (size_t)ncols, nl, out);
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
        tc_hold(a, b, who, t0, t1, ncols, best, acc, out);
    }
    free(best);
    free(acc);
}

static void add_run(double *out, int ncols, int64_t t0, int64_t t1, int64_t a, int64_t b)
{
    if (a < t0)
        a = t0;
    if (b > t1)
        b = t1;
    if (b <= a)
        return;
    double w = (double)(t1 - t0) / ncols;
    int c0 = (int)((double)(a - t0) / w), c1 = (int)((double)(b - t0) / w);
    for (int c = c0 < 0 ? 0 : c0; c <= c1 && c < ncols; c++) {
        double lo = t0 + c * w, hi = lo + w;
        double x = (double)a > lo ? (double)a : lo, y = (double)b < hi ? (double)b : hi;
        if (y > x)
            out[c] += (y - x) / w;
    }
}

void vs_run_density(const VmSched *v, int64_t t0, int64_t t1, int ncols, double *out)
{
    for (int c = 0; c < ncols; c++)
        out[c] = 0;
    if (t1 <= t0 || ncols <= 0)
        return;
    for (size_t i = 0; i < v->nlog; i++)
        if (v->log[i].lane == VS_LANE_RUN)
            add_run(out, ncols, t0, t1, v->log[i].t0, v->log[i].t1);
    for (int i = 0; i < v->nthr; i++)
        if (v->thr[i].lane == VS_LANE_RUN)
            add_run(out, ncols, t0, t1, v->thr[i].lane_since, v->now);
}

void vs_proc_note(VmSched *v, const char *name, int64_t shared_pages, int64_t copied_pages)
{
    if (v->nprocs < VS_PROCS_CAP) {
        if (v->nprocs == v->capprocs) {
            v->capprocs = v->capprocs ? 2 * v->capprocs : 8;
            v->procs = xrealloc(v->procs, (size_t)v->capprocs * sizeof *v->procs);
        }
        VsProc *p = &v->procs[v->nprocs];
        snprintf(p->name, sizeof p->name, "%s", name);
        p->shared_pages = shared_pages;
        p->copied_pages = copied_pages;
    }
    v->nprocs++;
}
