/*
 * sched_timeline: the scheduler's log boiled down to cells a view can draw —
 * for each worker and each column of a time window, the state that filled
 * most of the column, and for the GIL, who held it longest.  Reads the lane
 * and GIL logs plus the intervals still open at the current time.
 */
#include "sim/sched_internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* Adds [a, b) to acc[col] for each column of [t0, t1) it overlaps. */
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
    int col = (int)((a - t0) * ncols / span);
    for (; col < ncols; col++) {
        int64_t c0 = t0 + span * col / ncols, c1 = t0 + span * (col + 1) / ncols;
        if (c0 >= b)
            break;
        int64_t lo = a > c0 ? a : c0, hi = b < c1 ? b : c1;
        if (hi > lo)
            acc[(size_t)col * stride] += hi - lo;
    }
}

void sched_timeline(const Sched *s, int first, int nthreads, int64_t t0, int64_t t1,
                    int ncols, uint8_t *out)
{
    if (nthreads <= 0 || ncols <= 0)
        return;
    memset(out, SCHED_LANE_DONE, (size_t)nthreads * (size_t)ncols);
    if (t1 <= t0)
        return;
    const size_t nl = SCHED_LANE_NSTATES;
    int64_t *acc = xcalloc((size_t)nthreads * (size_t)ncols * nl, sizeof *acc);
    for (size_t i = 0; i < s->nlanes; i++) {
        const SchedLaneRec *r = &s->lanes[i];
        int row = (int)r->thread - first;
        if (row < 0 || row >= nthreads)
            continue;
        spread(r->t0, r->t1, t0, t1, ncols, acc + ((size_t)row * (size_t)ncols) * nl + r->lane, nl);
    }
    for (int row = 0; row < nthreads; row++) { /* what each is doing right now */
        int i = first + row;
        if (i < 0 || i >= s->cfg.nthreads)
            continue;
        const SchedThr *th = &s->thr[i];
        if (th->lane < SCHED_LANE_NSTATES)
            spread(th->lane_since, s->now, t0, t1, ncols,
                   acc + ((size_t)row * (size_t)ncols) * nl + th->lane, nl);
    }
    for (size_t cell = 0; cell < (size_t)nthreads * (size_t)ncols; cell++) {
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

void sched_gil_timeline(const Sched *s, int64_t t0, int64_t t1, int ncols, int16_t *out)
{
    if (ncols <= 0)
        return;
    for (int c = 0; c < ncols; c++)
        out[c] = -1;
    if (t1 <= t0 || s->cfg.regime != SCHED_GIL)
        return;
    /* longest holder per column: holds are in time order, so a column sees
     * few of them; keep the best so far per column */
    int64_t *best = xcalloc((size_t)ncols, sizeof *best);
    int64_t *acc = xcalloc((size_t)ncols, sizeof *acc);
    for (size_t i = 0; i <= s->nholds; i++) {
        int64_t a, b;
        int who;
        if (i < s->nholds) {
            a = s->holds[i].t0;
            b = s->holds[i].t1;
            who = s->holds[i].thread;
        } else if (s->gil.holder >= 0) {
            a = s->gil.hold_since;
            b = s->now;
            who = s->gil.holder;
        } else {
            break;
        }
        memset(acc, 0, (size_t)ncols * sizeof *acc);
        spread(a, b, t0, t1, ncols, acc, 1);
        for (int c = 0; c < ncols; c++) {
            if (acc[c] > best[c]) {
                best[c] = acc[c];
                out[c] = (int16_t)who;
            }
        }
    }
    free(best);
    free(acc);
}
