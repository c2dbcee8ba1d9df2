/*
 * Unit tests for sim/vmsched.h: bytecode threads on the GIL, with the clock
 * pushed by hand as the VM pushes it (default parameters: switch interval
 * 5 ms, GIL wake-up 50 us, lock hand-off 5 us; times in ps).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim/vmsched.h"

#define US 1000000LL
#define MS (1000 * US)

/* Runs the holder until the scheduler wants a look, as the VM does. */
static int run_until_check(VmSched *v, int64_t step, int64_t until)
{
    while (v->now < until) {
        v->now += step;
        if (v->now >= v->check_at)
            return vs_check(v, true);
    }
    return v->running;
}

static void alone_never_checks(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    assert_int_equal(v.running, 0);
    assert_true(v.check_at == VS_NEVER);
    vs_fini(&v);
}

static void drop_request_after_the_interval(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    v.now = 1 * MS;
    int t = vs_spawn(&v, false);
    assert_int_equal(t, 1);
    assert_int_equal(vs_check(&v, true), 0); /* arms the request: 1 ms + 5 ms */
    assert_true(v.check_at == 6 * MS);
    int r = run_until_check(&v, 100 * 1000, 20 * MS); /* 100 ns instructions */
    assert_int_equal(r, 1);
    assert_true(v.now >= 6 * MS + 50 * US && v.now < 6 * MS + 51 * US);
    /* the dropper waits from the hand-off: its request 5 ms later */
    int64_t took = v.now;
    r = run_until_check(&v, 100 * 1000, 40 * MS);
    assert_int_equal(r, 0);
    assert_true(v.now >= took + 5 * MS + 50 * US && v.now < took + 5 * MS + 51 * US);
    vs_fini(&v);
}

static void blocking_hands_over_at_once(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    int t = vs_spawn(&v, false);
    vs_sleep(&v, 2 * MS); /* main sleeps: the other thread runs */
    assert_int_equal(vs_check(&v, true), t);
    assert_true(v.now == 50 * US);
    assert_true(v.check_at == 2 * MS); /* main's timer */
    v.now = 2 * MS;
    assert_int_equal(vs_check(&v, true), t); /* main waits for the GIL now */
    assert_true(v.check_at == 7 * MS);
    vs_exit(&v); /* the thread ends: main takes it */
    assert_int_equal(vs_check(&v, true), 0);
    assert_int_equal(vs_live_count(&v), 1);
    vs_fini(&v);
}

static void sleep_alone_moves_the_clock(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    vs_sleep(&v, 3 * MS);
    assert_int_equal(vs_check(&v, true), 0);
    assert_true(v.now == 3 * MS);
    assert_true(v.check_at == VS_NEVER);
    vs_fini(&v);
}

static void locks_are_fifo_and_time_out(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    int l = vs_lock_new(&v, false);
    int a = vs_spawn(&v, false), b = vs_spawn(&v, false);
    assert_true(vs_lock_try(&v, l));
    vs_sleep(&v, 10 * MS);
    assert_int_equal(vs_check(&v, true), a);
    assert_false(vs_lock_try(&v, l));
    vs_wait_lock(&v, l, -1);
    assert_int_equal(vs_check(&v, true), b);
    vs_wait_lock(&v, l, 1 * MS); /* b gives up after 1 ms */
    int64_t t0 = v.now;
    assert_int_equal(vs_check(&v, true), b);
    assert_true(v.now == t0 + 1 * MS);
    assert_int_equal(v.thr[b].woke, 0);
    vs_exit(&v);
    assert_int_equal(vs_check(&v, true), 0); /* main's sleep ends */
    assert_true(v.now == 10 * MS);
    vs_lock_release(&v, l); /* handed to a, who wakes 5 us later */
    assert_int_equal(v.locks[l].owner, a);
    vs_exit(&v);
    assert_int_equal(vs_check(&v, true), a);
    assert_int_equal(v.thr[a].woke, 1);
    vs_fini(&v);
}

static void semaphores_hand_permits_over(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    int s = vs_sem_new(&v, 1);
    int a = vs_spawn(&v, false);
    assert_true(vs_sem_try(&v, s));
    assert_false(vs_sem_try(&v, s));
    vs_sleep(&v, 1 * MS);
    assert_int_equal(vs_check(&v, true), a);
    vs_wait_lock(&v, s, -1); /* a waits for a permit */
    assert_int_equal(vs_check(&v, true), 0);
    vs_sem_release(&v, s, 2); /* one to a, one to the value */
    assert_int_equal(v.locks[s].count, 1);
    vs_exit(&v);
    assert_int_equal(vs_check(&v, true), a);
    assert_int_equal(v.thr[a].woke, 1);
    vs_fini(&v);
}

static void condition_wait_takes_the_lock_again(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    int l = vs_lock_new(&v, true), cond = vs_lock_new(&v, false);
    int a = vs_spawn(&v, false);
    assert_true(vs_lock_try(&v, l));
    assert_true(vs_lock_try(&v, l)); /* depth 2 */
    vs_cond_wait(&v, cond, l, 1 * MS); /* releases it entirely */
    assert_int_equal(v.locks[l].owner, -1);
    assert_int_equal(vs_check(&v, true), a);
    assert_true(vs_lock_try(&v, l));
    v.now += 2 * MS; /* main's wait times out while a holds the lock */
    assert_int_equal(vs_check(&v, true), a);
    assert_int_equal(v.thr[0].state, VS_LOCK);
    vs_lock_release(&v, l); /* handed back at main's depth, with its outcome */
    assert_int_equal(v.locks[l].owner, 0);
    assert_int_equal(v.locks[l].count, 2);
    vs_exit(&v);
    assert_int_equal(vs_check(&v, true), 0);
    assert_int_equal(v.thr[0].woke, 0);
    vs_fini(&v);
}

static void deadlock_is_reported(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    int l = vs_lock_new(&v, false);
    assert_true(vs_lock_try(&v, l));
    vs_wait_lock(&v, l, -1);
    assert_int_equal(vs_check(&v, true), -1);
    vs_fini(&v);
}

static void join_and_shutdown(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    int t = vs_spawn(&v, false);
    int d = vs_spawn(&v, true);
    vs_wait_started(&v, t);
    assert_int_equal(vs_check(&v, true), t);
    assert_true(vs_alive(&v, t));
    vs_sleep(&v, 1 * MS);
    assert_int_equal(vs_check(&v, true), d); /* FIFO: the daemon waited first */
    vs_sleep(&v, 100 * MS);
    assert_int_equal(vs_check(&v, true), 0); /* main, woken when t ran */
    vs_wait_shutdown(&v);
    assert_int_equal(vs_check(&v, true), t);
    vs_exit(&v);
    assert_int_equal(vs_check(&v, true), 0); /* the daemon still sleeps: no wait for it */
    assert_false(vs_alive(&v, t));
    assert_true(vs_alive(&v, d));
    vs_fini(&v);
}

/* The lane log: the drop request's hand-off, a blocked thread's lane, and
 * the cells a view draws from it. */
static void the_log_keeps_the_lanes(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    v.now = 1 * MS;
    int t = vs_spawn(&v, false);
    vs_check(&v, true);
    int r = run_until_check(&v, 100 * 1000, 20 * MS); /* t takes it at 6 ms + 50 us */
    assert_int_equal(r, t);
    vs_wait_lock(&v, vs_lock_new(&v, false), -1); /* never mind the owner: t just blocks */
    v.now += 1 * MS;
    assert_int_equal(vs_check(&v, true), 0);
    /* main ran [0, 6 ms] (forced), t waited [1 ms, 6.05 ms], ran, blocked */
    assert_true(v.nlog >= 3);
    assert_int_equal(v.log[0].thread, 0);
    assert_int_equal(v.log[0].lane, VS_LANE_RUN);
    assert_true(v.log[0].forced);
    assert_true(v.log[0].t0 == 0);
    bool waited = false, ran = false;
    for (size_t i = 0; i < v.nlog; i++) {
        if (v.log[i].thread == t && v.log[i].lane == VS_LANE_GIL)
            waited = v.log[i].t0 == 1 * MS;
        if (v.log[i].thread == t && v.log[i].lane == VS_LANE_RUN)
            ran = v.log[i].handoff;
    }
    assert_true(waited);
    assert_true(ran);
    assert_int_equal(v.thr[t].lane, VS_LANE_BLOCKED);
    v.now += 2 * MS; /* main runs on */
    uint8_t cells[2 * 8], marks[8];
    int16_t gil[8];
    vs_timeline(&v, 0, 2, 0, 8 * MS, 8, cells, marks);
    vs_gil_timeline(&v, 0, 8 * MS, 8, gil);
    assert_int_equal(cells[0], VS_LANE_RUN);       /* main, 0-1 ms */
    assert_int_equal(cells[8 + 2], VS_LANE_GIL);   /* t, 2-3 ms */
    assert_int_equal(cells[8 + 7], VS_LANE_BLOCKED); /* t, 7-8 ms */
    assert_int_equal(gil[0], 0);
    assert_int_equal(gil[6], t);
    assert_int_equal(marks[6], 2); /* the drop request's hand-off at 6 ms */
    vs_fini(&v);
}


/* 3.13t: threads that can run share the cores; the VM's turns rotate after
 * a slice of a thread's own time; no GIL hand-off is counted. */
static void parallel_turns_share_the_cores(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    vs_set_parallel(&v, 2);
    vs_spawn(&v, false);
    vs_spawn(&v, false);
    assert_int_equal(vs_check(&v, true), 0);
    assert_int_equal(vs_runnable(&v), 3);
    assert_int_equal(v.par, 2);
    assert_true(v.check_at == v.slice); /* main's turn began when threads went parallel */
    int r = run_until_check(&v, 100 * 1000, 10 * MS);
    assert_int_equal(r, 1); /* the next thread's turn, at once: no wake-up */
    int64_t at = v.now;
    assert_true(at >= v.slice && at < v.slice + 100 * 1000);
    r = run_until_check(&v, 100 * 1000, 10 * MS);
    assert_int_equal(r, 2); /* a turn is half as long on the clock: two threads per core */
    assert_true(v.now >= at + v.slice / 2 && v.now < at + v.slice / 2 + 100 * 1000);
    assert_int_equal(v.handoffs, 0);
    vs_log_sync(&v);
    for (int i = 0; i < 3; i++) /* every lane runs */
        assert_int_equal(v.thr[i].lane, VS_LANE_RUN);
    vs_fini(&v);
}

/* 3.13t: a released lock is free at once; its first waiter wakes to try
 * again and queues once more when a running thread took it first. */
static void parallel_lock_release_does_not_hand_off(void **state)
{
    (void)state;
    VmSched v;
    vs_init(&v);
    vs_set_parallel(&v, 2);
    int l = vs_lock_new(&v, false);
    assert_true(vs_lock_try(&v, l)); /* main holds it */
    vs_spawn(&v, false);
    assert_int_equal(vs_check(&v, true), 0);
    v.now += 10 * US;
    v.running = 1; /* as the VM's rotation would have it */
    v.thr[1].state = VS_RUN;
    v.thr[0].state = VS_READY;
    v.gil = (VsQueue){0, 0};
    v.thr[0].next = -1;
    vs_wait_lock(&v, l, -1);
    assert_int_equal(vs_check(&v, true), 0);
    vs_lock_release(&v, l);
    assert_int_equal(v.locks[l].owner, -1);
    assert_int_equal(v.thr[1].state, VS_LOCK_WAKE);
    assert_true(vs_lock_try(&v, l)); /* main takes it again first */
    v.now += 6 * US;
    assert_int_equal(vs_check(&v, true), 0);
    assert_int_equal(v.thr[1].state, VS_LOCK); /* back in the queue */
    vs_lock_release(&v, l);
    v.now += 6 * US;
    vs_check(&v, true);
    assert_int_equal(v.locks[l].owner, 1);
    assert_int_equal(v.thr[1].woke, 1);
    vs_fini(&v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(alone_never_checks),
        cmocka_unit_test(drop_request_after_the_interval),
        cmocka_unit_test(blocking_hands_over_at_once),
        cmocka_unit_test(sleep_alone_moves_the_clock),
        cmocka_unit_test(locks_are_fifo_and_time_out),
        cmocka_unit_test(semaphores_hand_permits_over),
        cmocka_unit_test(condition_wait_takes_the_lock_again),
        cmocka_unit_test(deadlock_is_reported),
        cmocka_unit_test(join_and_shutdown),
        cmocka_unit_test(the_log_keeps_the_lanes),
        cmocka_unit_test(parallel_turns_share_the_cores),
        cmocka_unit_test(parallel_lock_release_does_not_hand_off),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
