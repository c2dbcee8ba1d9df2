/*
 * evloop_lab: what the event-loop lab (lab/loop/lab_loop.c, `lab_loop`) exposes
 * to its Lua binding and its view — read-only accessors over a Lab's state.
 *
 * Each `run` line plays the loads declared since the previous run against
 * the routes, pool and params as they are at that line, on a fresh server.
 * Its results are kept (one LoopRunResult a run); the run last started is
 * also kept whole, animated frame by frame while the line plays out, for
 * the timeline, queue and latency pages.
 */
#ifndef PYDIVE_SIM_EVLOOP_LAB_H
#define PYDIVE_SIM_EVLOOP_LAB_H

#include "lab/loop/evloop.h"
#include "lab/lab.h"

typedef struct LoopRunResult {
    int line;                  /* the `run` line */
    int pool;                  /* threadpool at that run */
    size_t nroutes;            /* routes defined at that run */
    EvloopRoute routes[EVLOOP_MAX_ROUTES];
    bool loaded[EVLOOP_MAX_ROUTES]; /* a load line sent it requests */
    EvloopLoad loads[EVLOOP_MAX_LOADS]; /* the load lines it played */
    size_t nloads;
    EvloopRouteStats stats[EVLOOP_MAX_ROUTES];
    EvloopTotals tot;          /* the whole run, played to its end */
} LoopRunResult;

/* The finished runs' results, in program order (runs played so far). */
const LoopRunResult *loop_lab_runs(const Lab *lab, size_t *n);
/* The run on screen (playing or finished); NULL before the first run. */
const Evloop *loop_lab_sim(const Lab *lab);
/* Routes, pool and params as the program has set them so far. */
const EvloopRoute *loop_lab_routes(const Lab *lab, size_t *n);
int loop_lab_pool(const Lab *lab);
const EvloopParams *loop_lab_params(const Lab *lab);

/* Whether lab is the event-loop lab (the accessors need it). */
bool loop_lab_is(const Lab *lab);

#endif
