/*
 * vmsched: the bytecode threads' GIL, timers, locks and events (see
 * vmsched.h).  Every change of who runs goes through vs_check, which the VM
 * calls at an eval-breaker check once the clock reached check_at or the
 * running thread blocked; check_at is recomputed there, so the VM's own
 * cost per check is one compare.
 */
#include "sim/vmsched.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/sched.h"

static void q_push(VmSched *v, VsQueue *q, int i)
{
    v->thr[i].next = -1;
    if (q->tail < 0)
        q->head = i;
    else
        v->thr[q->tail].next = i;
    q->tail = i;
}

static int q_pop(VmSched *v, VsQueue *q)
{
    int i = q->head;
    if (i >= 0) {
        q->head = v->thr[i].next;
        if (q->head < 0)
            q->tail = -1;
    }
    return i;
}

static void q_remove(VmSched *v, VsQueue *q, int i)
{
    int prev = -1;
    for (int k = q->head; k >= 0; prev = k, k = v->thr[k].next) {
        if (k != i)
            continue;
        if (prev < 0)
            q->head = v->thr[k].next;
        else
            v->thr[prev].next = v->thr[k].next;
        if (q->tail == k)
            q->tail = prev;
        return;
    }
}

void vs_init(VmSched *v)
{
    SchedParams p;
    sched_params_default(&p);
    memset(v, 0, sizeof *v);
    v->interval = (int64_t)p.switch_interval_us * 1000000;
    v->wakeup = (int64_t)p.gil_wakeup_us * 1000000;
    v->lock_handoff = (int64_t)p.lock_handoff_us * 1000000;
    v->gil = (VsQueue){-1, -1};
    v->check_at = VS_NEVER;
    v->running = vs_spawn(v, false);
    v->thr[0].state = VS_RUN;
    v->thr[0].started = true;
    v->thr[0].lane = VS_LANE_RUN; /* logged from t = 0 once a thread starts */
    v->gil = (VsQueue){-1, -1};
    v->last_holder = 0;
    v->par = 1;
}

void vs_set_parallel(VmSched *v, int ncores)
{
    v->parallel = true;
    v->ncores = ncores < 1 ? 1 : ncores;
    v->slice = (int64_t)50 * 1000000; /* 50 us: far below the OS's 3 ms slices */
    v->rotate_at = v->now + v->slice; /* the running thread's turn from now */
    v->check_at = 0;
}

int vs_runnable(const VmSched *v)
{
    int n = v->running >= 0 && v->thr[v->running].state == VS_RUN;
    for (int i = v->gil.head; i >= 0; i = v->thr[i].next)
        n++;
    return n;
}

void vs_fini(VmSched *v)
{
    free(v->thr);
    free(v->locks);
    free(v->events);
    free(v->log);
    free(v->procs);
    memset(v, 0, sizeof *v);
}

int vs_spawn(VmSched *v, bool daemon)
{
    if (v->nthr == v->capthr) {
        v->capthr = v->capthr ? 2 * v->capthr : 8;
        v->thr = xrealloc(v->thr, (size_t)v->capthr * sizeof *v->thr);
    }
    int id = v->nthr++;
    v->thr[id] = (VsThread){.state = VS_READY, .daemon = daemon, .woke = 1, .on = -1, .relock = -1, .next = -1,
                            .since = v->now, .wake_at = VS_NEVER};
    if (id > 0) {
        q_push(v, &v->gil, id);
        v->check_at = 0; /* a waiter's drop request is to be armed */
    }
    return id;
}

int vs_lock_new(VmSched *v, bool reentrant)
{
    if (v->nlocks == v->caplocks) {
        v->caplocks = v->caplocks ? 2 * v->caplocks : 8;
        v->locks = xrealloc(v->locks, (size_t)v->caplocks * sizeof *v->locks);
    }
    v->locks[v->nlocks] = (VsLock){.owner = -1, .reentrant = reentrant, .waiters = {-1, -1}};
    return v->nlocks++;
}

int vs_event_new(VmSched *v)
{
    if (v->nevents == v->capevents) {
        v->capevents = v->capevents ? 2 * v->capevents : 8;
        v->events = xrealloc(v->events, (size_t)v->capevents * sizeof *v->events);
    }
    v->events[v->nevents] = false;
    return v->nevents++;
}

bool vs_lock_try(VmSched *v, int l)
{
    VsLock *k = &v->locks[l];
    if (k->owner < 0) {
        k->owner = v->running;
        k->count = 1;
        return true;
    }
    if (k->reentrant && k->owner == v->running) {
        k->count++;
        return true;
    }
    return false;
}

/* t wakes at `at` with outcome `woke` (it waits for the GIL from then on). */
static void wake_at(VmSched *v, int t, int64_t at, int woke)
{
    VsThread *th = &v->thr[t];
    th->state = VS_TIMER;
    th->wake_at = at;
    th->woke = (int8_t)woke;
    if (at < v->check_at)
        v->check_at = at;
}

void vs_lock_release(VmSched *v, int l)
{
    VsLock *k = &v->locks[l];
    if (k->count > 1) {
        k->count--;
        return;
    }
    if (v->parallel && k->waiters.head >= 0 && v->thr[k->waiters.head].relock != l) {
        /* 3.13t: no hand-off; the lock is free at once (a running thread
         * may take it first) and its first waiter wakes to try again */
        int w = q_pop(v, &k->waiters);
        k->owner = -1;
        k->count = 0;
        VsThread *th = &v->thr[w];
        th->deadline = th->wake_at;
        th->state = VS_LOCK_WAKE;
        th->wake_at = v->now + v->lock_handoff;
        if (th->wake_at < v->check_at)
            v->check_at = th->wake_at;
        return;
    }
    int w = q_pop(v, &k->waiters);
    k->owner = w;
    k->count = w >= 0;
    if (w >= 0) { /* handed straight to the first waiter, who must wake up */
        VsThread *th = &v->thr[w];
        int woke = 1;
        if (th->relock == l) { /* back from Condition.wait: its depth, its outcome */
            k->count = th->recount;
            woke = th->woke;
            th->relock = -1;
        }
        wake_at(v, w, v->now + v->lock_handoff, woke);
    }
}

/* Thread t, notified (woke 1) or timed out (0) in Condition.wait, takes
 * its lock again: at once when free, else in the lock's queue. */
static void relock(VmSched *v, int t, int woke)
{
    VsThread *th = &v->thr[t];
    VsLock *k = &v->locks[th->relock];
    th->woke = (int8_t)woke;
    if (k->owner < 0) {
        k->owner = t;
        k->count = th->recount;
        th->relock = -1;
        wake_at(v, t, v->now + v->lock_handoff, woke);
        return;
    }
    th->state = VS_LOCK;
    th->on = (int)(k - v->locks);
    th->wake_at = VS_NEVER;
    q_push(v, &k->waiters, t);
}

void vs_cond_notify(VmSched *v, int cond, uint32_t n)
{
    for (; n > 0; n--) {
        int w = q_pop(v, &v->locks[cond].waiters);
        if (w < 0)
            return;
        relock(v, w, 1);
    }
}

int vs_sem_new(VmSched *v, uint32_t value)
{
    int l = vs_lock_new(v, false);
    v->locks[l].semaphore = true;
    v->locks[l].count = value;
    return l;
}

bool vs_sem_try(VmSched *v, int l)
{
    VsLock *k = &v->locks[l];
    if (k->count == 0)
        return false;
    k->count--;
    return true;
}

void vs_sem_release(VmSched *v, int l, uint32_t n)
{
    for (; n > 0; n--) {
        int w = q_pop(v, &v->locks[l].waiters);
        if (w < 0)
            v->locks[l].count++;
        else /* the first waiter's acquire succeeds; it wakes up */
            wake_at(v, w, v->now + v->lock_handoff, 1);
    }
}

static void block(VmSched *v, int state, int on, int64_t timeout_ps)
{
    VsThread *th = &v->thr[v->running];
    th->state = (uint8_t)state;
    th->on = on;
    th->woke = 1;
    th->wake_at = timeout_ps < 0 ? VS_NEVER : v->now + timeout_ps;
    v->check_at = 0; /* the GIL goes at the check that follows the call */
}

void vs_sleep(VmSched *v, int64_t ps)
{
    block(v, VS_TIMER, -1, ps < 0 ? 0 : ps);
}

void vs_wait_lock(VmSched *v, int l, int64_t timeout_ps)
{
    q_push(v, &v->locks[l].waiters, v->running);
    block(v, VS_LOCK, l, timeout_ps);
}

void vs_cond_wait(VmSched *v, int cond, int lock, int64_t timeout_ps)
{
    VsThread *th = &v->thr[v->running];
    VsLock *k = &v->locks[lock];
    th->recount = k->count ? k->count : 1;
    k->count = 1;
    vs_lock_release(v, lock);
    th->relock = lock;
    q_push(v, &v->locks[cond].waiters, v->running);
    block(v, VS_COND, cond, timeout_ps);
}

void vs_wait_join(VmSched *v, int t, int64_t timeout_ps)
{
    block(v, VS_JOIN, t, timeout_ps);
}

void vs_wait_event(VmSched *v, int e, int64_t timeout_ps)
{
    block(v, VS_EVENT, e, timeout_ps);
}

void vs_wait_started(VmSched *v, int t)
{
    block(v, VS_STARTING, t, -1);
}

static bool others_alive(const VmSched *v)
{
    for (int i = 1; i < v->nthr; i++)
        if (v->thr[i].state != VS_DONE && !v->thr[i].daemon)
            return true;
    return false;
}

void vs_wait_shutdown(VmSched *v)
{
    if (others_alive(v))
        block(v, VS_SHUTDOWN, -1, -1);
}

void vs_event_set(VmSched *v, int e)
{
    v->events[e] = true;
    for (int i = 0; i < v->nthr; i++)
        if (v->thr[i].state == VS_EVENT && v->thr[i].on == e)
            wake_at(v, i, v->now + v->lock_handoff, 1);
}

void vs_exit(VmSched *v)
{
    int me = v->running;
    block(v, VS_DONE, -1, -1);
    for (int i = 0; i < v->nthr; i++) {
        VsThread *th = &v->thr[i];
        if (th->state == VS_JOIN && th->on == me)
            wake_at(v, i, v->now, 1);
    }
    if (v->thr[0].state == VS_SHUTDOWN && !others_alive(v))
        wake_at(v, 0, v->now, 1);
}

void vs_forked(VmSched *v)
{
    if (v->running != 0 || v->nthr == 1)
        return;
    v->nthr = 1; /* fork() copies the calling thread alone */
    v->gil = (VsQueue){-1, -1};
    for (int l = 0; l < v->nlocks; l++) /* no one else waits; a lock another thread held stays held */
        v->locks[l].waiters = (VsQueue){-1, -1};
    if (!v->parallel)
        v->check_at = VS_NEVER;
}

bool vs_alive(const VmSched *v, int t)
{
    return t >= 0 && t < v->nthr && v->thr[t].state != VS_DONE;
}

int vs_live_count(const VmSched *v)
{
    int n = 0;
    for (int i = 0; i < v->nthr; i++)
        n += v->thr[i].state != VS_DONE;
    return n;
}

/* ---- who runs ------------------------------------------------------------ */

/* Timers due by now: sleepers and hand-offs join the GIL's waiters, timed
 * waits give up (woke = 0). */
static void fire_timers(VmSched *v)
{
    for (int i = 0; i < v->nthr; i++) {
        VsThread *th = &v->thr[i];
        if (th->wake_at > v->now || i == v->running || th->state == VS_READY || th->state == VS_DONE)
            continue;
        if (th->state == VS_LOCK_WAKE) { /* tries the lock again: taken, or back in its queue */
            VsLock *k = &v->locks[th->on];
            if (k->owner >= 0 && th->deadline > v->now) {
                th->state = VS_LOCK;
                th->wake_at = th->deadline;
                th->next = k->waiters.head; /* first again */
                k->waiters.head = i;
                if (k->waiters.tail < 0)
                    k->waiters.tail = i;
                continue;
            }
            if (k->owner < 0) {
                k->owner = i;
                k->count = 1;
                th->woke = 1;
            } else {
                th->woke = 0;
            }
            th->state = VS_READY;
            th->since = th->wake_at;
            th->wake_at = VS_NEVER;
            q_push(v, &v->gil, i);
            continue;
        }
        if (th->state == VS_LOCK)
            q_remove(v, &v->locks[th->on].waiters, i);
        if (th->state == VS_COND) { /* timed out: it still takes the lock again */
            q_remove(v, &v->locks[th->on].waiters, i);
            int64_t at = th->wake_at;
            th->wake_at = VS_NEVER;
            int64_t now = v->now;
            v->now = at;
            relock(v, i, 0);
            v->now = now;
            if (th->state != VS_READY && th->state != VS_TIMER)
                continue;
            if (th->wake_at > v->now)
                continue;
        }
        if (th->state != VS_TIMER)
            th->woke = 0;
        th->state = VS_READY;
        th->since = th->wake_at;
        th->wake_at = VS_NEVER;
        q_push(v, &v->gil, i);
    }
}

static int64_t next_timer(const VmSched *v)
{
    int64_t t = VS_NEVER;
    for (int i = 0; i < v->nthr; i++)
        if (v->thr[i].state != VS_READY && v->thr[i].state != VS_DONE && v->thr[i].wake_at < t &&
            i != v->running)
            t = v->thr[i].wake_at;
    return t;
}

/* The first drop request the waiters make while the holder keeps it. */
static int64_t next_drop(const VmSched *v)
{
    int64_t t = VS_NEVER;
    for (int i = v->gil.head; i >= 0; i = v->thr[i].next) {
        int64_t d = sched_gil_drop_at(v->thr[i].since, v->last_switch, v->interval);
        if (d < t)
            t = d;
    }
    return t;
}

static void take(VmSched *v, int t)
{
    VsThread *th = &v->thr[t];
    th->state = VS_RUN;
    th->wake_at = VS_NEVER;
    v->running = t;
    v->hold_since = v->now;
    if (v->last_holder != t && !v->parallel) {
        th->took_over = true;
        v->handoffs++;
        v->last_holder = t;
        v->last_switch = v->now;
    }
    if (!th->started) {
        th->started = true;
        for (int i = 0; i < v->nthr; i++) /* start() returns once it runs */
            if (v->thr[i].state == VS_STARTING && v->thr[i].on == t)
                wake_at(v, i, v->now, 1);
    }
}

static void release(VmSched *v)
{
    VsThread *th = &v->thr[v->running];
    th->run_ps += v->now - v->hold_since;
    v->running = -1;
}

/* 3.13t: the running thread's turn ends after `slice` of its own time (its
 * clock moves 1/par as fast) and the next thread that can run takes it;
 * a thread that blocks leaves its core at once.  No GIL: no drop request,
 * no wake-up to take it, no hand-off. */
static int check_parallel(VmSched *v, bool can_switch)
{
    fire_timers(v);
    vs_log_sync(v);
    int r = v->running;
    bool took = false;
    if (r >= 0 && v->thr[r].state == VS_RUN) {
        if (can_switch && v->gil.head >= 0 && v->now >= v->rotate_at) {
            release(v);
            VsThread *th = &v->thr[r];
            th->state = VS_READY;
            th->since = v->now;
            q_push(v, &v->gil, r);
            take(v, q_pop(v, &v->gil));
            took = true;
        }
    } else {
        if (r >= 0)
            release(v);
        for (;;) {
            int w = q_pop(v, &v->gil);
            if (w >= 0) {
                take(v, w);
                took = true;
                break;
            }
            int64_t t = next_timer(v);
            if (t == VS_NEVER)
                return v->check_at = VS_NEVER, -1;
            v->now = t > v->now ? t : v->now;
            fire_timers(v);
            vs_log_sync(v);
        }
    }
    int k = vs_runnable(v);
    v->par = k < v->ncores ? k : v->ncores;
    if (took || v->rotate_at <= v->now)
        v->rotate_at = v->now + v->slice / v->par;
    int64_t a = next_timer(v), b = v->gil.head >= 0 ? v->rotate_at : VS_NEVER;
    v->check_at = a < b ? a : b;
    vs_log_sync(v);
    return v->running;
}

int vs_check(VmSched *v, bool can_switch)
{
    if (v->parallel)
        return check_parallel(v, can_switch);
    fire_timers(v);
    vs_log_sync(v);
    int r = v->running;
    if (r >= 0 && v->thr[r].state == VS_RUN) {
        if (can_switch && v->gil.head >= 0 && next_drop(v) <= v->now) {
            v->drop_requests++;
            v->forced_drops++;
            v->thr[r].forced_end = true;
            release(v);
            int w = q_pop(v, &v->gil);
            v->now += v->wakeup;
            take(v, w);
            /* FORCE_SWITCHING: the dropper queues again once the new holder has it */
            VsThread *th = &v->thr[r];
            th->state = VS_READY;
            th->since = v->now;
            q_push(v, &v->gil, r);
        }
    } else {
        if (r >= 0)
            release(v);
        for (bool idle = false;; idle = true) {
            int w = q_pop(v, &v->gil);
            if (w >= 0) {
                if (!idle && v->last_holder != w) /* signalled by the holder that dropped it */
                    v->now += v->wakeup;
                take(v, w);
                break;
            }
            int64_t t = next_timer(v);
            if (t == VS_NEVER)
                return v->check_at = VS_NEVER, -1;
            v->now = t > v->now ? t : v->now;
            fire_timers(v);
            vs_log_sync(v);
        }
    }
    int64_t a = next_timer(v), b = next_drop(v);
    v->check_at = a < b ? a : b;
    vs_log_sync(v);
    return v->running;
}
