/*
 * evloop_gil: the loop and the pool's threads taking turns on the GIL — a
 * simple model of CPython's default build (the GIL lab, lab/gil/sched_gil.c,
 * has the detailed one).
 *
 * One holder at a time; the others wait in FIFO order.  When someone waits,
 * the holder is asked to drop the GIL after the switch interval (CPython's
 * waiter times out and sets the drop request) and goes to the back of the
 * queue with the rest of its work.  A holder that blocks or finishes
 * releases it at once.  The signalled waiter takes it after gil_wakeup_us.
 * An uncontended take costs nothing.
 */
#include "lab/loop/evloop_internal.h"

static void waiters_push(Evloop *e, int a)
{
    EvGil *g = &e->gil;
    e->act[a].next = -1;
    if (g->tail < 0)
        g->head = a;
    else
        e->act[g->tail].next = a;
    g->tail = a;
}

static int waiters_pop(Evloop *e)
{
    EvGil *g = &e->gil;
    int a = g->head;
    if (a >= 0) {
        g->head = e->act[a].next;
        if (g->head < 0)
            g->tail = -1;
    }
    return a;
}

static void arm_drop(Evloop *e)
{
    EvGil *g = &e->gil;
    if (g->drop_armed || g->holder < 0 || g->head < 0)
        return;
    g->drop_armed = true;
    ev_push(e, e->now + e->cfg.params.switch_interval_us, EVE_DROP, 0, ++g->drop_ver);
}

static void take(Evloop *e, int a)
{
    EvGil *g = &e->gil;
    g->holder = a;
    if (g->last >= 0 && g->last != a)
        e->tot.gil_switches++;
    g->last = a;
}

bool ev_gil_acquire(Evloop *e, int a)
{
    EvGil *g = &e->gil;
    if (g->holder < 0 && g->taker < 0 && g->head < 0) {
        take(e, a);
        return true;
    }
    waiters_push(e, a);
    ev_actor_state(e, a, EVS_GIL_WAIT);
    arm_drop(e);
    return false;
}

void ev_gil_release(Evloop *e, int a)
{
    EvGil *g = &e->gil;
    if (g->holder != a)
        return;
    g->holder = -1;
    g->drop_armed = false;
    g->drop_ver++;
    int w = waiters_pop(e);
    if (w < 0)
        return;
    g->taker = w;
    e->act[w].taking = true;
    ev_actor_timer(e, w, e->now + e->cfg.params.gil_wakeup_us);
}

/* The signalled waiter a has woken: it holds the GIL and runs. */
void ev_gil_on_timer(Evloop *e, int a)
{
    EvActor *ac = &e->act[a];
    e->gil.taker = -1;
    ac->taking = false;
    take(e, a);
    ev_actor_state(e, a, EVS_RUN);
    ac->run_since = e->now;
    ev_actor_timer(e, a, e->now + ac->cpu_left);
    arm_drop(e);
}

void ev_gil_on_drop(Evloop *e, uint32_t ver)
{
    EvGil *g = &e->gil;
    int a = g->holder;
    if (ver != g->drop_ver || a < 0 || g->head < 0) {
        g->drop_armed = false; /* nobody waits any more: keep running */
        return;
    }
    EvActor *ac = &e->act[a];
    ac->cpu_left -= e->now - ac->run_since;
    if (ac->cpu_left < 0)
        ac->cpu_left = 0;
    ac->ver++; /* its end-of-work timer no longer holds */
    e->tot.forced_drops++;
    ev_gil_release(e, a);
    waiters_push(e, a);
    ev_actor_state(e, a, EVS_GIL_WAIT);
}
