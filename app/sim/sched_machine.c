/*
 * sched_machine: the machine under the scheduler — the event heap (ordered
 * by time, then sequence number, so equal times resolve the same way every
 * run), FIFO queues linked through the workers, the lane and GIL logs, and
 * the OS's cores: a free core goes to the first ready worker; when workers
 * outnumber cores, a running one is preempted after os_quantum_us and goes
 * to the back of the run queue.
 */
#include "sim/sched_internal.h"

#include "base/xalloc.h"

/* ---- events ------------------------------------------------------------ */

/* A 4-ary min-heap: shallower than a binary one for the same entries. */
void sched_ev_push(Sched *s, int64_t t, int kind, int idx, uint32_t ver)
{
    if (t > s->cfg.horizon_us + 1) /* never fires; keeps t below 2^32 */
        t = s->cfg.horizon_us + 1;
    s->heap = xgrow(s->heap, &s->capheap, s->nheap + 1, sizeof *s->heap);
    SchedEv e = {(uint64_t)t << 32 | s->seq++, ver, (uint16_t)kind, (int16_t)idx};
    size_t i = s->nheap++;
    while (i > 0) {
        size_t p = (i - 1) / 4;
        if (e.key >= s->heap[p].key)
            break;
        s->heap[i] = s->heap[p];
        i = p;
    }
    s->heap[i] = e;
}

SchedEv sched_ev_pop(Sched *s)
{
    SchedEv top = s->heap[0], last = s->heap[--s->nheap];
    size_t i = 0, n = s->nheap;
    for (;;) {
        size_t c = 4 * i + 1, end = c + 4 < n ? c + 4 : n;
        if (c >= n)
            break;
        size_t best = c;
        for (size_t k = c + 1; k < end; k++)
            if (s->heap[k].key < s->heap[best].key)
                best = k;
        if (s->heap[best].key >= last.key)
            break;
        s->heap[i] = s->heap[best];
        i = best;
    }
    if (n)
        s->heap[i] = last;
    return top;
}

int64_t sched_ev_time(const SchedEv *e)
{
    return (int64_t)(e->key >> 32);
}

void sched_thr_timer(Sched *s, SchedThr *th, int64_t t)
{
    sched_ev_push(s, t, EV_THREAD, (int)(th - s->thr), ++th->ver);
}

/* ---- queues ------------------------------------------------------------ */

void sched_q_push(Sched *s, SchedQueue *q, int i)
{
    s->thr[i].next = -1;
    if (q->tail < 0)
        q->head = i;
    else
        s->thr[q->tail].next = i;
    q->tail = i;
}

int sched_q_pop(Sched *s, SchedQueue *q)
{
    int i = q->head;
    if (i >= 0) {
        q->head = s->thr[i].next;
        if (q->head < 0)
            q->tail = -1;
    }
    return i;
}

/* ---- the log ----------------------------------------------------------- */

static bool clip(const Sched *s, int64_t *a, int64_t *b)
{
    if (*a < s->cfg.log_from_us)
        *a = s->cfg.log_from_us;
    if (*b > s->log_until)
        *b = s->log_until;
    return *b > *a;
}

void sched_lane_close(Sched *s, SchedThr *th, int64_t end)
{
    int64_t a = th->lane_since, b = end;
    if (th->lane >= SCHED_LANE_NSTATES || b <= a)
        return;
    th->lane_us[th->lane] += b - a;
    if (!clip(s, &a, &b))
        return;
    if (s->nlanes == s->cfg.log_cap) {
        s->tot.lanes_dropped++;
        return;
    }
    if (s->nlanes == s->caplanes)
        s->lanes = xgrow(s->lanes, &s->caplanes, s->nlanes + 1, sizeof *s->lanes);
    s->lanes[s->nlanes++] = (SchedLaneRec){(uint32_t)a, (uint32_t)b, (uint16_t)(th - s->thr),
                                           th->lane, (uint8_t)(th->lane_core < 0 ? 255 : th->lane_core % 255)};
}

/* Switches th to `lane` from time t (t >= now; later only for a stall that
 * ends in the future). */
void sched_lane_at(Sched *s, SchedThr *th, int lane, int64_t t)
{
    bool on_core = lane == SCHED_LANE_RUN || lane == SCHED_LANE_NATIVE ||
                   lane == SCHED_LANE_CONTENDED || lane == SCHED_LANE_OVERHEAD;
    int core = on_core ? th->core : -1;
    if (th->lane == lane && th->lane_core == core)
        return;
    sched_lane_close(s, th, t);
    th->lane = (uint8_t)lane;
    th->lane_core = (int16_t)core;
    th->lane_since = t;
}

void sched_lane_set(Sched *s, SchedThr *th, int lane)
{
    sched_lane_at(s, th, lane, s->now);
}

void sched_hold_close(Sched *s, int thread, bool forced)
{
    int64_t a = s->gil.hold_since, b = s->now;
    if (!clip(s, &a, &b))
        return;
    if (s->nholds == s->cfg.hold_cap) {
        s->tot.holds_dropped++;
        return;
    }
    if (s->nholds == s->capholds)
        s->holds = xgrow(s->holds, &s->capholds, s->nholds + 1, sizeof *s->holds);
    s->holds[s->nholds++] = (SchedGilHold){(uint32_t)a, (uint32_t)b, (uint16_t)thread, forced};
}

/* ---- cores ------------------------------------------------------------- */

static void core_arm(Sched *s, int c)
{
    SchedCore *k = &s->cores[c];
    if (k->armed || k->thr < 0 || s->ready.head < 0)
        return;
    int64_t t = k->since + s->cfg.params.os_quantum_us;
    k->armed = true;
    sched_ev_push(s, t > s->now ? t : s->now, EV_QUANTUM, c, ++k->qver);
}

static void core_assign(Sched *s, int c, SchedThr *th)
{
    SchedCore *k = &s->cores[c];
    k->thr = (int)(th - s->thr);
    k->since = s->now;
    k->armed = false;
    k->qver++;
    th->core = c;
    s->nfree--;
    s->drv->on_core(s, th);
    core_arm(s, c);
}

void sched_core_request(Sched *s, SchedThr *th)
{
    if (s->nfree > 0) {
        for (int c = 0; c < s->cfg.ncores; c++) {
            if (s->cores[c].thr < 0) {
                core_assign(s, c, th);
                return;
            }
        }
    }
    sched_lane_set(s, th, SCHED_LANE_READY);
    sched_q_push(s, &s->ready, (int)(th - s->thr));
    for (int c = 0; c < s->cfg.ncores; c++)
        core_arm(s, c);
}

void sched_core_release(Sched *s, SchedThr *th)
{
    if (th->core < 0)
        return;
    SchedCore *k = &s->cores[th->core];
    k->busy_us += s->now - k->since;
    k->thr = -1;
    k->armed = false;
    k->qver++;
    int c = th->core;
    th->core = -1;
    s->nfree++;
    int w = sched_q_pop(s, &s->ready);
    if (w >= 0)
        core_assign(s, c, &s->thr[w]);
}


void sched_on_quantum(Sched *s, int c)
{
    SchedCore *k = &s->cores[c];
    k->armed = false;
    if (s->ready.head < 0 || k->thr < 0)
        return;
    SchedThr *th = &s->thr[k->thr];
    if (th->phase != PH_WORK) { /* a reserved refcount burst runs to its end */
        k->since = s->now;
        core_arm(s, c);
        return;
    }
    s->tot.preemptions++;
    th->remaining -= s->now - th->run_since;
    th->ver++;
    if (th->has_gil)
        s->gil.brk_ver++; /* checks again when it runs */
    sched_core_release(s, th);
    sched_lane_set(s, th, SCHED_LANE_READY);
    sched_q_push(s, &s->ready, (int)(th - s->thr));
    for (int i = 0; i < s->cfg.ncores; i++)
        core_arm(s, i);
}

