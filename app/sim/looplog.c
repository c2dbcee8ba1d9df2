/*
 * looplog: the asyncio tasks' lanes over simulated time (see looplog.h).
 */
#include "sim/looplog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/timecells.h"

static const char *const names[LL_NSTATES] = {"none", "run", "ready", "wait", "done"};

const char *ll_lane_name(LlLane lane) { return (unsigned)lane < LL_NSTATES ? names[lane] : "?"; }

static void record(LoopLog *l, int task, uint8_t lane, int64_t t0, int64_t t1)
{
    if (lane == LL_NONE || lane == LL_DONE || t1 <= t0)
        return;
    if (l->nlog >= LL_LOG_CAP) {
        if (l->dropped++ == 0)
            l->full_at = t0;
        return;
    }
    if (l->nlog == l->caplog) {
        l->caplog = l->caplog ? 2 * l->caplog : 256;
        l->log = xrealloc(l->log, l->caplog * sizeof *l->log);
    }
    l->log[l->nlog++] = (LlRec){task, lane, t0, t1};
}

int ll_task(LoopLog *l, const char *name, int64_t now)
{
    if (l->ntasks == l->captasks) {
        l->captasks = l->captasks ? 2 * l->captasks : 16;
        l->tasks = xrealloc(l->tasks, (size_t)l->captasks * sizeof *l->tasks);
    }
    if (l->ntasks == 0)
        l->start = now;
    LlTask *t = &l->tasks[l->ntasks];
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", name);
    t->lane = LL_READY;
    t->since = now;
    l->now = now;
    return l->ntasks++;
}

void ll_lane(LoopLog *l, int i, LlLane lane, int64_t now, const char *what)
{
    if (i < 0 || i >= l->ntasks)
        return;
    LlTask *t = &l->tasks[i];
    if (t->lane == LL_DONE)
        return;
    record(l, i, t->lane, t->since, now);
    t->lane = (uint8_t)lane;
    t->since = now;
    l->now = now;
    if (lane == LL_WAIT && what)
        snprintf(t->awaits, sizeof t->awaits, "%s", what);
    if (lane == LL_DONE && what)
        snprintf(t->end, sizeof t->end, "%s", what);
}

void ll_timeline(const LoopLog *l, int first, int n, int64_t t0, int64_t t1, int cols, uint8_t *cells)
{
    size_t ncells = (size_t)n * (size_t)cols;
    memset(cells, LL_NONE, ncells);
    if (n <= 0 || cols <= 0 || t1 <= t0)
        return;
    int64_t *acc = xcalloc(ncells * LL_NSTATES, sizeof *acc);
    for (size_t k = 0; k < l->nlog; k++) {
        const LlRec *r = &l->log[k];
        if (r->task >= first && r->task < first + n)
            tc_spread(r->t0, r->t1, t0, t1, cols, acc + ((size_t)(r->task - first) * (size_t)cols) * LL_NSTATES + r->lane,
                      LL_NSTATES);
    }
    for (int i = first; i < first + n && i < l->ntasks; i++) { /* the lane it is in now */
        const LlTask *t = &l->tasks[i];
        if (t->lane != LL_DONE && t->lane != LL_NONE)
            tc_spread(t->since, l->now, t0, t1, cols, acc + ((size_t)(i - first) * (size_t)cols) * LL_NSTATES + t->lane,
                      LL_NSTATES);
    }
    /* a step is short: a column where the task ran at all shows it */
    for (size_t c = 0; c < ncells; c++)
        if (acc[c * LL_NSTATES + LL_RUN] > 0)
            acc[c * LL_NSTATES + LL_RUN] = INT64_MAX / 2;
    tc_dominant(acc, ncells, LL_NSTATES, cells);
    free(acc);
}

void ll_free(LoopLog *l)
{
    free(l->tasks);
    free(l->log);
    memset(l, 0, sizeof *l);
}
