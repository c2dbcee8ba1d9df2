/*
 * looplog: what an asyncio event loop's tasks did over simulated time, for
 * the loop view — each task's lane (running a step, ready in the loop's
 * queue, awaiting something, done) as records [t0, t1), what it awaited
 * last, how it ended; and the log boiled down to cells a view can draw.
 * The loop (pyrun/modules/asyncio*.c) writes it; it knows nothing of
 * Python objects.
 */
#ifndef PYDIVE_SIM_LOOPLOG_H
#define PYDIVE_SIM_LOOPLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum LlLane {
    LL_NONE,  /* not made yet */
    LL_RUN,   /* the loop runs one of its steps */
    LL_READY, /* in the ready queue, waiting for the loop */
    LL_WAIT,  /* awaits a future, a sleep, another task ... */
    LL_DONE,  /* finished, failed or cancelled */
    LL_NSTATES
} LlLane;

typedef struct LlRec {
    int32_t task;
    uint8_t lane;
    int64_t t0, t1;
} LlRec;

typedef struct LlTask {
    char name[24];
    char awaits[24]; /* what it awaits (or awaited last) */
    char end[24];    /* "done", "cancelled", an exception's type; "" while it runs */
    uint8_t lane;
    int64_t since;
} LlTask;

#define LL_LOG_CAP 16384

typedef struct LoopLog {
    LlTask *tasks;
    int ntasks, captasks;
    LlRec *log;
    size_t nlog, caplog, dropped;
    int64_t full_at; /* where the log filled */
    int64_t start;   /* when the first task was made */
    int64_t now;     /* the loop's clock when it last wrote */
    uint64_t turns;  /* turns of the loop (_run_once) */
    size_t max_ready;
} LoopLog;

/* A new task, ready from now: its index */
int ll_task(LoopLog *l, const char *name, int64_t now);
/* Task i goes to lane at now (awaits: what it awaits, for LL_WAIT; end: how
 * it ended, for LL_DONE; else NULL) */
void ll_lane(LoopLog *l, int i, LlLane lane, int64_t now, const char *what);
const char *ll_lane_name(LlLane lane);
/* Tasks [first, first+n) over [t0, t1) in cols columns: the lane that
 * filled most of each cell (LL_NONE when nothing), row-major */
void ll_timeline(const LoopLog *l, int first, int n, int64_t t0, int64_t t1, int cols, uint8_t *cells);
void ll_free(LoopLog *l);

#endif
