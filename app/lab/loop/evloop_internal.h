/*
 * evloop_internal: the event-loop model's private state, shared by evloop.c
 * (the engine), evloop_gil.c (threads taking turns on the GIL) and
 * evloop_stats.c (buckets, percentiles, columns for drawing).  Views use
 * lab/loop/evloop.h.
 */
#ifndef PYDIVE_SIM_EVLOOP_INTERNAL_H
#define PYDIVE_SIM_EVLOOP_INTERNAL_H

#include "lab/loop/evloop.h"

typedef enum EvEvKind {
    EVE_ARRIVE, /* idx = load: one open-loop arrival, then the next is scheduled */
    EVE_USER,   /* idx = request: a closed-loop user's next request */
    EVE_WAKE,   /* idx = request: its await is over, back on the loop's queue */
    EVE_ACTOR,  /* idx = actor: its timer (work done, wait done, GIL taken) */
    EVE_DROP    /* the GIL holder is asked to drop it */
} EvEvKind;

typedef struct EvEvent {
    int64_t t;
    uint64_t seq; /* equal times fire in the order they were scheduled */
    uint32_t ver; /* ACTOR, DROP: stale when it differs from the current */
    uint8_t kind;
    int32_t idx;
} EvEvent;

/* Where a request is in its handler. */
typedef enum EvStage {
    ST_START,  /* first slice on the loop */
    ST_IO,     /* awaiting I/O (async) */
    ST_TOKEN,  /* streaming: awaiting the gap before the next chunk */
    ST_POOL,   /* def: waiting for or holding a pool thread */
    ST_RETURN, /* def: result back on the loop */
    ST_DONE
} EvStage;

typedef struct EvReq {
    int64_t arrival, ttft;
    int32_t next;       /* queue link, -1 */
    int16_t route, load;
    uint8_t stage;      /* EvStage */
    int32_t tokens_left;
    int64_t cpu, block; /* the slice it runs next */
} EvReq;

typedef struct EvQueue {
    int32_t head, tail, len;
} EvQueue;

/* The loop (actor 0) or pool thread i (actor 1 + i). */
typedef struct EvActor {
    uint8_t state;       /* EvloopState */
    int64_t since;       /* state since (not yet in the buckets) */
    int32_t req;         /* request it works on, -1 */
    int64_t cpu_left;    /* Python work left in this slice */
    int64_t block_left;  /* then a blocking wait */
    int64_t run_since;   /* when it last got the GIL */
    uint32_t ver;        /* its valid timer */
    int32_t next;        /* GIL waiters link */
    bool taking;         /* signalled: takes the GIL at its timer */
} EvActor;

typedef struct EvGil {
    int holder;          /* actor, -1 */
    int taker;           /* signalled waiter in hand-off, -1 */
    int last;            /* last holder, -1 */
    int32_t head, tail;  /* waiters, FIFO through EvActor.next */
    uint32_t drop_ver;   /* valid EVE_DROP */
    bool drop_armed;
} EvGil;

typedef struct EvLat {
    int64_t *v;
    size_t n, cap;
} EvLat;

struct Evloop {
    EvloopConfig cfg;
    EvloopRoute routes[EVLOOP_MAX_ROUTES];
    EvloopLoad loads[EVLOOP_MAX_LOADS];
    uint64_t rng[EVLOOP_MAX_LOADS];
    int64_t now;
    bool finished;

    EvEvent *heap;
    size_t nheap, capheap;
    uint64_t seq;
    int64_t nevents; /* handled so far: bounded by EVLOOP_MAX_EVENTS */

    EvReq *req;
    size_t nreq, capreq;
    int64_t inflight;

    EvQueue ready;   /* requests waiting for the loop */
    EvQueue limiter; /* def requests waiting for a pool token */
    EvActor *act;    /* 1 + pool_size */
    int nact;
    int busy_threads;
    EvGil gil;

    EvLat lat[EVLOOP_MAX_ROUTES], ttft[EVLOOP_MAX_ROUTES];
    int64_t arrived[EVLOOP_MAX_ROUTES];
    int64_t last_done; /* when the last answer went out */

    EvloopBucket *buckets; /* EVLOOP_NBUCKETS */
    int64_t width;         /* µs per bucket; doubles as the run grows */
    size_t nbuckets_used;
    EvloopTotals tot;
};

/* evloop.c */
void ev_push(Evloop *e, int64_t t, int kind, int idx, uint32_t ver);
void ev_actor_timer(Evloop *e, int a, int64_t t);
void ev_actor_state(Evloop *e, int a, EvloopState s);
/* evloop_gil.c: actor a wants the GIL for its cpu_left (true: it has it now) */
bool ev_gil_acquire(Evloop *e, int a);
void ev_gil_release(Evloop *e, int a);
void ev_gil_on_timer(Evloop *e, int a); /* the taker's hand-off ended */
void ev_gil_on_drop(Evloop *e, uint32_t ver);
/* evloop_stats.c */
void ev_bucket_cover(Evloop *e, int64_t t);
void ev_bucket_add(Evloop *e, int lane, int state, int64_t t0, int64_t t1);
void ev_bucket_queue(Evloop *e);
void ev_lat_add(EvLat *l, int64_t v);

#endif
