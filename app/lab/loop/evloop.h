/*
 * evloop: an ASGI server's event loop serving requests — a discrete-event
 * model in integer µs (chapter 5: FastAPI and async I/O).
 *
 * One event-loop thread runs every `async def` handler: its Python work
 * (CPU, needs the GIL), a blocking call made inside it (time.sleep, a
 * synchronous HTTP client: the loop is held, the GIL released), awaited I/O
 * (the loop serves others meanwhile) and streamed chunks (an await between
 * chunks, a little Python per chunk).  A plain `def` handler is handed to a
 * thread pool guarded by AnyIO's capacity limiter (FIFO wait for a token),
 * runs there, and posts its result back to the loop.  Python work on the loop
 * and in the pool threads takes turns on one GIL (the holder is asked to drop
 * it after a switch interval when someone waits).
 *
 * Load: open-loop arrivals (Poisson at a rate, or evenly spaced), a burst at
 * one instant, or closed-loop users who send, wait for the answer, think and
 * send again.  Metrics: per-route latency percentiles (nearest rank), time to
 * first chunk for streams, throughput, queue length over time, what the loop
 * and the pool's threads did over time (bounded buckets that double their
 * width as the run grows), totals.  Plain C, no I/O: the seed and every
 * parameter come from the caller, so a seed always gives the same run.
 * Parameters and where each default comes from: evloop_param_table().
 */
#ifndef PYDIVE_SIM_EVLOOP_H
#define PYDIVE_SIM_EVLOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EVLOOP_MAX_ROUTES 16
#define EVLOOP_MAX_LOADS 32
#define EVLOOP_MAX_POOL 4096
#define EVLOOP_MAX_REQUESTS 2000000          /* per run: memory stays bounded */
#define EVLOOP_MAX_US (3600LL * 1000000LL)   /* a run stops after 1 simulated hour */
#define EVLOOP_MAX_EVENTS 8000000            /* ... or after this many events (about 1 s) */
#define EVLOOP_NBUCKETS 256
#define EVLOOP_LANE_THREADS 16 /* pool threads with their own timeline lane */
#define EVLOOP_NLANES (1 + EVLOOP_LANE_THREADS) /* lane 0 is the loop */

/* AnyIO's default thread limiter: 40 tokens.  Source: evloop_pool_source. */
#define EVLOOP_DEFAULT_POOL 40
extern const char evloop_pool_source[];

typedef struct EvloopRoute {
    char path[32];       /* "/chat" */
    bool sync;           /* true: `def` handler, run in the thread pool */
    int64_t cpu_us;      /* Python work, needs the GIL (the loop's for async def) */
    int64_t blocking_us; /* a blocking call: holds the loop in async def, its thread in def */
    int64_t io_us;       /* awaited I/O in async def; in def a blocking wait of the thread */
    int32_t tokens;      /* streamed response: chunks sent (0: one plain response) */
    int64_t every_us;    /* awaited gap before each chunk */
} EvloopRoute;

typedef enum EvloopLoadKind {
    EVLOAD_RATE,  /* Poisson arrivals, `rate` a second on average */
    EVLOAD_EVERY, /* one arrival every `every_us` */
    EVLOAD_BURST, /* `count` arrivals at once */
    EVLOAD_USERS  /* `count` users: send, wait for the answer, think, send again */
} EvloopLoadKind;

typedef struct EvloopLoad {
    int route;        /* index into routes */
    uint8_t kind;     /* EvloopLoadKind */
    double rate;      /* RATE: arrivals per simulated second */
    int64_t every_us; /* EVERY: gap between arrivals */
    int32_t count;    /* BURST: requests; USERS: users */
    int64_t think_us; /* USERS: pause between an answer and the next request */
    int64_t start_us; /* first arrival (BURST: all of them) */
    int64_t for_us;   /* no new arrivals at or after start + for (BURST: ignored) */
} EvloopLoad;

/* Cost parameters in µs.  Defaults and provenance: evloop_param_table(). */
typedef struct EvloopParams {
    int32_t request_overhead_us; /* per request on the loop: ASGI, routing, validation */
    int32_t resume_us;           /* a task resumed after an await, answer written */
    int32_t token_cpu_us;        /* one streamed chunk: serialize and write */
    int32_t thread_handoff_us;   /* a def handler's result reaching the loop */
    int32_t switch_interval_us;  /* GIL: a waiter asks the holder to drop it */
    int32_t gil_wakeup_us;       /* GIL: the signalled waiter wakes and takes it */
} EvloopParams;

typedef struct EvloopParamInfo {
    const char *name;   /* field name without "_us": "request_overhead" */
    size_t offset;      /* offsetof(EvloopParams, field) */
    int32_t def;        /* default, µs */
    int32_t min, max;   /* accepted range, µs */
    bool estimate;      /* true: our estimate, the screen says so */
    const char *source; /* where the default comes from, one line */
} EvloopParamInfo;

const EvloopParamInfo *evloop_param_table(size_t *n);
void evloop_params_default(EvloopParams *p);
/* Sets one parameter by name ("gil_wakeup" or "gil_wakeup_us"); false when
 * the name is unknown or the value out of range. */
bool evloop_param_set(EvloopParams *p, const char *name, int64_t us);
int32_t evloop_param_get(const EvloopParams *p, const EvloopParamInfo *info);
const EvloopParamInfo *evloop_param_find(const char *name);

typedef struct EvloopConfig {
    const EvloopRoute *routes; /* copied by evloop_new */
    size_t nroutes;            /* 1..EVLOOP_MAX_ROUTES */
    const EvloopLoad *loads;   /* copied */
    size_t nloads;             /* 1..EVLOOP_MAX_LOADS */
    int pool_size;             /* limiter tokens, 1..EVLOOP_MAX_POOL */
    uint64_t seed;
    EvloopParams params;
    int64_t cap_us;            /* stop here even if requests remain; 0 = EVLOOP_MAX_US */
} EvloopConfig;

/* Default pool (40), seed 1, default params, no routes or loads. */
void evloop_config_init(EvloopConfig *c);

/* What the loop or a pool thread is doing. */
typedef enum EvloopState {
    EVS_IDLE,     /* loop: waiting for events; thread: no request (token free) */
    EVS_RUN,      /* running Python, holding the GIL */
    EVS_BLOCKED,  /* loop: a blocking call inside async def; thread: its handler waits */
    EVS_GIL_WAIT, /* wants to run Python, another thread holds the GIL */
    EVS_NSTATES
} EvloopState;

const char *evloop_state_name(EvloopState s); /* "idle", "run", "blocked", "gil-wait" */

/* One slice of time.  Sums over the bucket; states in µs of each lane. */
typedef struct EvloopBucket {
    uint32_t lane_us[EVLOOP_NLANES][EVS_NSTATES]; /* lane 0 = loop, 1.. = threads 0.. */
    uint64_t pool_us[EVS_NSTATES]; /* all pool threads, summed */
    uint32_t max_queue;  /* most requests waiting (loop queue + limiter) */
    uint32_t arrivals, done;
} EvloopBucket;

typedef struct EvloopRouteStats {
    int64_t arrived, done;
    int64_t p50_us, p95_us, p99_us, max_us; /* end-to-end latency, nearest rank */
    double mean_us;
    int64_t ttft_p50_us, ttft_p99_us;       /* streams: first chunk; else = latency */
} EvloopRouteStats;

typedef struct EvloopTotals {
    int64_t now_us;        /* simulated time so far (the end when done) */
    int64_t arrived, done; /* requests */
    int64_t window_us;     /* when the last load stops sending */
    double offered;        /* arrivals per second over the window (0 for a burst) */
    double throughput;     /* answers per second, from 0 to the last answer */
    int64_t max_queue, max_loop_queue, max_pool_queue;
    int64_t loop_us[EVS_NSTATES]; /* the loop's time per state */
    int64_t pool_us[EVS_NSTATES]; /* pool thread-µs per state */
    int peak_threads;      /* most pool threads busy at once (threads AnyIO started) */
    int64_t gil_switches;  /* GIL passed to another thread */
    int64_t forced_drops;  /* holder asked to drop after the switch interval */
    bool done_all;         /* every request answered */
    bool truncated;        /* stopped early (cap_us, the event budget, the request
                              cap) with requests in flight or not sent */
    bool event_cap;        /* stopped after EVLOOP_MAX_EVENTS events */
    bool finished;         /* no more events */
} EvloopTotals;

typedef struct Evloop Evloop;

/* Checks cfg and prepares a run at t = 0.  NULL with the reason in err. */
Evloop *evloop_new(const EvloopConfig *cfg, char *err, size_t errlen);
void evloop_free(Evloop *e);
/* Runs events up to until_us; true when the run is over. */
bool evloop_advance(Evloop *e, int64_t until_us);
void evloop_finish(Evloop *e);
bool evloop_done(const Evloop *e);
int64_t evloop_now(const Evloop *e);
const EvloopConfig *evloop_config(const Evloop *e); /* routes and loads copied */
void evloop_totals(const Evloop *e, EvloopTotals *out);
/* Latency statistics of one route over the answers so far. */
void evloop_route_stats(const Evloop *e, int route, EvloopRouteStats *out);
/* Latencies of a route's answers in the order they finished (µs). */
const int64_t *evloop_latencies(const Evloop *e, int route, size_t *n);
int evloop_queue_now(const Evloop *e);
EvloopState evloop_lane_state(const Evloop *e, int lane); /* now */

/* The buckets so far: [i * width, (i + 1) * width) for i < *n.  The open
 * intervals (what each lane does now) are not in them yet. */
const EvloopBucket *evloop_buckets(const Evloop *e, size_t *n, int64_t *width_us);
/* For drawing: ncols columns split [0, span_us).  For one lane, the state
 * that filled most of each column (open intervals counted); columns at or
 * after now get EVLOOP_COL_FUTURE (not played yet). */
#define EVLOOP_COL_FUTURE 255
void evloop_lane_columns(const Evloop *e, int lane, int64_t span_us, int ncols, uint8_t *out);
/* The longest queue seen in each column, and answers a second in it;
 * columns after now get 0 in both. */
void evloop_queue_columns(const Evloop *e, int64_t span_us, int ncols, uint32_t *max_queue,
                          double *answers_per_s);

/* Nearest-rank percentile of n sorted values: v[ceil(p/100 * n) - 1]. */
int64_t evloop_percentile(const int64_t *sorted, size_t n, int p);

#endif
