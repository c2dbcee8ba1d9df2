/*
 * sched_gil: the GIL of Python/ceval_gil.c as the scheduler models it.
 *
 * A waiter in take_gil waits up to the switch interval; if it times out and
 * switch_number did not change meanwhile, it sets gil_drop_request (which
 * also sets the eval breaker).  The holder sees the request at its next
 * eval-breaker check (eval_check_us later), drops the GIL, signals one
 * waiter, and with FORCE_SWITCHING waits until that waiter has taken it
 * before it queues again, so it cannot grab it straight back.  I/O, lock
 * waits and C code that release the GIL (Py_BEGIN_ALLOW_THREADS) drop it
 * without a request.  switch_number grows only when a different thread
 * takes the GIL, as in take_gil.  Waiters are woken in FIFO order, the
 * model's choice (the OS picks in CPython).  Each waiter's timeouts fall at
 * s + k * interval from the start s of its wait, so the next drop request is
 * computed rather than polled: one pending event however many threads wait.
 */
#include "sim/sched_internal.h"

/* ---- the GIL ----------------------------------------------------------- */

int64_t sched_gil_drop_at(int64_t wait_since, int64_t last_switch, int64_t interval)
{
    int64_t k = 0;
    if (last_switch > wait_since)
        k = (last_switch - wait_since + interval - 1) / interval;
    return wait_since + (k + 1) * interval;
}

/* When waiter w's timed wait first times out with switch_number unchanged. */
static int64_t gil_trigger(const Sched *s, const SchedThr *w)
{
    return sched_gil_drop_at(w->gil_wait_since, s->gil.last_switch, s->cfg.params.switch_interval_us);
}

static void gil_arm_at(Sched *s, int64_t t)
{
    SchedGil *g = &s->gil;
    g->req_armed = true;
    g->req_at = t;
    sched_ev_push(s, t, EV_GIL_REQ, 0, ++g->req_ver);
}

/* Recomputes the next drop request over every waiter. */
void sched_gil_arm(Sched *s)
{
    SchedGil *g = &s->gil;
    g->req_armed = false;
    g->req_ver++;
    if (g->holder < 0 || g->drop_req || g->waiters.head < 0)
        return;
    int64_t best = INT64_MAX;
    for (int i = g->waiters.head; i >= 0; i = s->thr[i].next) {
        int64_t t = gil_trigger(s, &s->thr[i]);
        if (t < best)
            best = t;
    }
    gil_arm_at(s, best);
}

void sched_gil_take(Sched *s, SchedThr *th)
{
    SchedGil *g = &s->gil;
    int id = (int)(th - s->thr);
    g->holder = id;
    g->taker = -1;
    g->hold_since = s->now;
    th->has_gil = true;
    if (g->last_holder != id) {
        if (g->last_holder >= 0)
            s->tot.handoffs++;
        g->switch_number++;
        g->last_switch = s->now;
        g->last_holder = id;
    }
    g->drop_req = false; /* take_gil resets a pending drop request */
    g->brk_ver++;
    sched_gil_arm(s);
}

/* Adds th to the waiters; its wait (and timeout clock) starts at `since`. */
void sched_gil_wait(Sched *s, SchedThr *th, int64_t since)
{
    SchedGil *g = &s->gil;
    th->phase = PH_GIL_WAIT;
    th->gil_wait_since = since;
    sched_lane_set(s, th, SCHED_LANE_GIL_WAIT);
    sched_q_push(s, &g->waiters, (int)(th - s->thr));
    if (g->holder >= 0 && !g->drop_req) {
        int64_t t = gil_trigger(s, th);
        if (!g->req_armed || t < g->req_at)
            gil_arm_at(s, t);
    }
}

void sched_gil_release(Sched *s, SchedThr *th, bool forced)
{
    SchedGil *g = &s->gil;
    sched_hold_close(s, (int)(th - s->thr), forced);
    th->has_gil = false;
    g->holder = -1;
    g->req_armed = false;
    g->req_ver++;
    g->brk_ver++;
    int w = sched_q_pop(s, &g->waiters);
    if (w >= 0) {
        g->taker = w;
        s->thr[w].phase = PH_GIL_TAKE;
        sched_thr_timer(s, &s->thr[w], s->now + s->cfg.params.gil_wakeup_us);
    }
}


/* The holder reaches an eval-breaker check with gil_drop_request set. */
void sched_gil_on_break(Sched *s)
{
    SchedGil *g = &s->gil;
    if (g->holder < 0 || !g->drop_req)
        return;
    SchedThr *th = &s->thr[g->holder];
    if (th->phase != PH_WORK || th->core < 0)
        return;
    s->tot.forced_drops++;
    if (!s->cfg.params.force_switching) {
        /* drop_gil, then take_gil at once: the dropper is already running
         * and wins; the signalled waiter wakes to a locked GIL and waits
         * another interval.  FORCE_SWITCHING exists to prevent this. */
        g->drop_req = false;
        if (g->waiters.head >= 0)
            s->thr[g->waiters.head].gil_wait_since = s->now + s->cfg.params.gil_wakeup_us;
        sched_gil_arm(s);
        return;
    }
    th->remaining -= s->now - th->run_since;
    th->ver++; /* its completion timer is void */
    sched_core_release(s, th);
    sched_gil_release(s, th, true);
    /* FORCE_SWITCHING: queue again only once the new holder has it */
    sched_gil_wait(s, th, s->now + s->cfg.params.gil_wakeup_us);
}


/* A waiter's timed wait ran out with no switch meanwhile. */
void sched_gil_on_request(Sched *s)
{
    SchedGil *g = &s->gil;
    if (g->holder < 0 || g->drop_req)
        return;
    g->req_armed = false;
    g->drop_req = true; /* SET_GIL_DROP_REQUEST */
    s->tot.drop_requests++;
    if (s->thr[g->holder].core >= 0 && s->thr[g->holder].phase == PH_WORK)
        sched_ev_push(s, s->now + s->cfg.params.eval_check_us, EV_GIL_BREAK, 0, ++g->brk_ver);
}
