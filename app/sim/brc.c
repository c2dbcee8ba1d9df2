/*
 * brc: where a count change goes under 3.13t and what it costs (brc.h).
 * Called from sim_incref/sim_decref (non-immortal objects) and from record
 * allocation, only while s->brc is set.
 */
#include "sim/brc.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/forkpages.h"
#include "sim/internal.h"

struct SimBrcRec {
    uint64_t cur, prev; /* threads (bit tid % 64) that changed its count in this round and the last */
    int64_t round;      /* the round cur is for */
    uint16_t owner;     /* ob_tid: the thread that made it (0 before the first thread) */
};

void sim_brc_start(Sim *s, int64_t *clock, int64_t shared_ps, int64_t line_ps)
{
    if (s->brc && s->brc->clock)
        return;
    SimBrc *b = s->brc ? s->brc : xcalloc(1, sizeof *b); /* (a forked child's hook: counting too now) */
    b->clock = clock;
    b->par = 1;
    b->window = 1;
    b->shared_ps = shared_ps;
    b->line_ps = line_ps;
    s->brc = b;
}

void sim_brc_free(Sim *s)
{
    if (!s->brc)
        return;
    free(s->brc->rec);
    free(s->brc->thr);
    sim__forkpages_free(s->brc->fork);
    free(s->brc);
    s->brc = NULL;
}

static SimBrcThread *thread_stats(SimBrc *b, int t)
{
    if (t >= b->nthr) {
        int n = t + 8;
        b->thr = xrealloc(b->thr, (size_t)n * sizeof *b->thr);
        memset(b->thr + b->nthr, 0, (size_t)(n - b->nthr) * sizeof *b->thr);
        b->nthr = n;
    }
    return &b->thr[t];
}

void sim_brc_set(Sim *s, int tid, int par, int64_t window)
{
    SimBrc *b = s->brc;
    if (!b)
        return;
    b->tid = tid;
    b->par = par < 1 ? 1 : par;
    b->window = window < 1 ? 1 : window;
    thread_stats(b, tid);
}

SimBrcThread sim_brc_thread(const Sim *s, int t)
{
    const SimBrc *b = s->brc;
    if (!b || t < 0 || t >= b->nthr)
        return (SimBrcThread){0};
    return b->thr[t];
}

static SimBrcRec *rec_of(Sim *s, SimBrc *b, SimId id)
{
    if (id >= b->cap) {
        uint32_t n = s->capobj > id ? s->capobj : id + 1;
        b->rec = xrealloc(b->rec, (size_t)n * sizeof *b->rec);
        memset(b->rec + b->cap, 0, (size_t)(n - b->cap) * sizeof *b->rec);
        b->cap = n;
    }
    return &b->rec[id];
}

void sim__brc_alloc(Sim *s, SimId id)
{
    SimBrc *b = s->brc;
    if (!b->clock) /* a forked child's hook alone */
        return;
    SimBrcRec *r = rec_of(s, b, id);
    *r = (SimBrcRec){0, 0, -1, (uint16_t)b->tid};
}

/* The objects 3.13t makes immortal once a second thread starts, where later
 * versions count them deferred: their counts are no one's. */
static bool deferred(const SimObj *o)
{
    switch (o->kind) {
    case SK_TYPE:
    case SK_FUNC:
    case SK_CODE:
    case SK_MODULE:
    case SK_MEMBER_DESCR:
    case SK_GETSET_DESCR: return true;
    case SK_BUILTIN: return o->v.builtin.self == 0;
    default: return false;
    }
}

void sim__brc_touch(Sim *s, SimId id)
{
    SimBrc *b = s->brc;
    const SimObj *o = &s->obj[id];
    if (b->fork && !(b->clock && deferred(o))) /* (immortal once 3.13t's threads started) */
        sim__forkpages_touch(s, id);
    if (!b->clock || deferred(o))
        return;
    SimBrcRec *r = rec_of(s, b, id);
    int t = b->tid;
    int64_t round = *b->clock / b->window;
    if (r->round != round) {
        r->prev = r->round == round - 1 ? r->cur : 0;
        r->cur = 0;
        r->round = round;
    }
    uint64_t me = (uint64_t)1 << (t & 63);
    r->cur |= me;
    uint64_t others = (r->cur | r->prev) & ~me;
    SimBrcThread *th = thread_stats(b, t);
    int64_t cost;
    if (others && b->par > 1) {
        int n = __builtin_popcountll(others);
        if (n > b->par - 1)
            n = b->par - 1;
        cost = b->line_ps * n;
        th->contended++;
        th->stall_ps += cost;
    } else if (r->owner != t) {
        cost = b->shared_ps;
        th->shared++;
        th->stall_ps += cost;
    } else {
        th->local++;
        return;
    }
    *b->clock += cost / b->par;
}
