/*
 * evloop_lang: the event-loop lab's language (`model = "loop"`), one
 * directive per line, `#` starts a comment:
 *
 *   route /chat async io=200ms cpu=1ms           # awaits I/O; 1 ms of Python
 *   route /report async blocking=300ms           # time.sleep inside async def
 *   route /embed def cpu=30ms                    # plain def: the thread pool
 *   route /stream async stream tokens=50 every=20ms
 *   threadpool 40                                # AnyIO limiter tokens
 *   param request_overhead=0                     # a cost (evloop_param_table)
 *   load /chat rate=100/s for=10s                # Poisson arrivals
 *   load /report every=1s for=10s at=2s          # evenly spaced, from t = 2 s
 *   load /chat burst=10                          # ten at once
 *   load /chat users=20 think=100ms for=10s      # closed loop
 *   run                                          # plays the loads since the last run
 *
 * Durations need a unit (us, ms, s; decimals allowed: 1.5s); a rate is N/s.
 * Every problem is reported as file:line:col with what was expected; a
 * program with any problem does not run.  Plain C, no I/O.
 */
#ifndef PYDIVE_SIM_EVLOOP_LANG_H
#define PYDIVE_SIM_EVLOOP_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "lab/loop/evloop.h"

#define LOOP_MAX_RUNS 32

typedef enum LoopOp { LOOP_ROUTE, LOOP_THREADPOOL, LOOP_PARAM, LOOP_LOAD, LOOP_RUN } LoopOp;

typedef struct LoopDirective {
    int line;
    uint8_t op;                   /* LoopOp */
    int route_ix;                 /* ROUTE: slot it defines or redefines; LOAD: load.route */
    EvloopRoute route;            /* ROUTE */
    int pool;                     /* THREADPOOL */
    const EvloopParamInfo *param; /* PARAM */
    int64_t value;                /* PARAM: µs */
    EvloopLoad load;              /* LOAD */
} LoopDirective;

typedef struct LoopProgram {
    LoopDirective *d; /* in line order; blank and comment lines left out */
    size_t n;
} LoopProgram;

/* Reads a whole program; false with every problem in dl (file names them). */
bool loop_parse(const char *src, size_t len, const char *file, LoopProgram *out, DiagList *dl);
void loop_program_fini(LoopProgram *p);

/* "850us", "12.5ms", "1.20s" into out (at least 16 bytes). */
void loop_format_us(int64_t us, char *out, size_t len);

#endif
