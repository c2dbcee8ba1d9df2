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
#include "sim/timecells.h"

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
        tc_spread(r->t0, r->t1, t0, t1, ncols, acc + ((size_t)row * (size_t)ncols) * nl + r->lane, nl);
    }
    for (int row = 0; row < nthreads; row++) { /* what each is doing right now */
        int i = first + row;
        if (i < 0 || i >= s->cfg.nthreads)
            continue;
        const SchedThr *th = &s->thr[i];
        if (th->lane < SCHED_LANE_NSTATES)
            tc_spread(th->lane_since, s->now, t0, t1, ncols,
                   acc + ((size_t)row * (size_t)ncols) * nl + th->lane, nl);
    }
    tc_dominant(acc, (size_t)nthreads * (size_t)ncols, nl, out);
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
        tc_hold(a, b, who, t0, t1, ncols, best, acc, out);
    }
    free(best);
    free(acc);
}
