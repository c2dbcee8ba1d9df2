/*
 * Unit tests for sim/sched.h: the GIL, free-threading, processes, with
 * expectations worked out by hand from the default parameters (switch
 * interval 5000 us, eval-breaker check 1 us, GIL wake-up 50 us, lock
 * hand-off 5 us, time slice 3000 us, free-threaded overhead 10%, process
 * start-up 50000 us, pickling 5000 ns per KiB, pipe message 30 us).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "sim/sched.h"
#include "lab/gil/workload.h"

static SchedSeg segs[8];
static SchedWorkload wl;
static SchedObject objs[2] = {{-1, 0}, {0, 0}};

/* A config of n threads on c cores running the segments given as
 * (kind, obj, us, count) quadruples, `repeat` tasks each, no jitter. */
static SchedConfig config(SchedRegime r, int n, int c, uint32_t repeat, int nsegs, ...)
{
    va_list ap;
    va_start(ap, nsegs);
    for (int i = 0; i < nsegs; i++) {
        segs[i].kind = (uint8_t)va_arg(ap, int);
        segs[i].obj = (uint16_t)va_arg(ap, int);
        segs[i].us = (uint32_t)va_arg(ap, int);
        segs[i].count = (uint32_t)va_arg(ap, int);
    }
    va_end(ap);
    wl = (SchedWorkload){"test", segs, (size_t)nsegs, repeat, 0};
    SchedConfig cfg;
    sched_config_init(&cfg);
    cfg.regime = r;
    cfg.nthreads = n;
    cfg.ncores = c;
    cfg.horizon_us = 10 * 1000000;
    cfg.workloads = &wl;
    cfg.nworkloads = 1;
    cfg.objects = objs;
    cfg.nobjects = 2;
    return cfg;
}

static SchedTotals run(const SchedConfig *cfg)
{
    SchedTotals t;
    char err[128] = "";
    int rc = sched_run(cfg, &t, err, sizeof err);
    if (rc != 0)
        fail_msg("sched_run: %s", err);
    return t;
}

/* One thread: 100 ms of bytecode, no one to hand off to. */
static void gil_one_thread_runs_alone(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_GIL, 1, 2, 1, 1, SCHED_SEG_CPU, 0, 100000, 0);
    SchedTotals t = run(&c);
    assert_int_equal(t.wall_us, 100000);
    assert_int_equal(t.handoffs, 0);
    assert_int_equal(t.drop_requests, 0);
    assert_true(t.done);
}

/* Two threads x 100 ms on 2 cores.  Thread 1 waits from 0, times out at
 * 5000 and sets the drop request; thread 0 checks the eval breaker at 5001
 * and drops; thread 1 wakes and takes it at 5051.  So every slice is 5001 us
 * of work and a new one starts every 5051 us.  100000 = 19 x 5001 + 4981:
 * thread 0's 20th slice (k = 38) starts at 38 x 5051 = 191938 and ends at
 * 196919; thread 1 takes over at 196969 and ends at 201950. */
static void gil_two_cpu_threads_take_twice_as_long(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_GIL, 2, 2, 1, 1, SCHED_SEG_CPU, 0, 100000, 0);
    Sched *s = sched_new(&c, NULL, 0);
    assert_non_null(s);
    sched_finish(s);
    SchedTotals t;
    sched_totals(s, &t);
    assert_int_equal(t.wall_us, 201950); /* 2.02 x one thread */
    assert_int_equal(t.forced_drops, 38);
    assert_int_equal(t.drop_requests, 38);
    assert_int_equal(t.handoffs, 39);
    assert_int_equal(t.lane_us[SCHED_LANE_RUN], 200000);
    size_t n;
    const SchedGilHold *h = sched_gil_holds(s, &n);
    assert_int_equal(n, 40);
    for (size_t i = 0; i < 39; i++) { /* a hand-off every switch interval (+ 51 us) */
        assert_int_equal(h[i].t0, i * 5051);
        assert_int_equal(h[i].thread, i % 2);
        assert_int_equal(h[i].forced, i < 38);
    }
    assert_int_equal(h[38].t1, 196919);
    assert_int_equal(h[39].t0, 196969);
    /* 200 hand-offs per second, as measured in oracle d1 (198-205/s) */
    double per_s = (double)t.handoffs * 1e6 / (double)t.wall_us;
    assert_true(per_s > 190 && per_s < 200);
    /* the drawing: four columns of 5051 us alternate run / wait */
    uint8_t cells[8];
    sched_timeline(s, 0, 2, 0, 4 * 5051, 4, cells);
    const uint8_t want[8] = {SCHED_LANE_RUN, SCHED_LANE_GIL_WAIT, SCHED_LANE_RUN,
                             SCHED_LANE_GIL_WAIT, SCHED_LANE_GIL_WAIT, SCHED_LANE_RUN,
                             SCHED_LANE_GIL_WAIT, SCHED_LANE_RUN};
    assert_memory_equal(cells, want, 8);
    int16_t gil[4];
    sched_gil_timeline(s, 0, 4 * 5051, 4, gil);
    assert_int_equal(gil[0], 0);
    assert_int_equal(gil[1], 1);
    assert_int_equal(gil[2], 0);
    assert_int_equal(gil[3], 1);
    sched_free(s);
}

/* Three threads: each waiter's timeouts tick from the start of its own
 * wait, and a tick that sees a switch since the last one only re-arms.
 * Threads 1 and 2 wait from 0; the request at 5000 hands the GIL to thread
 * 1 at 5051 (thread 0 waits from 5051).  Thread 2's tick at 10000 sees that
 * switch, so the next request is thread 0's at 10051: thread 2 (first in
 * line) takes at 10102.  Thread 0's tick at 10051 was before that switch, its
 * tick at 15051 sees it; thread 1 (waiting from 10102) asks at 15102, and
 * thread 0 takes at 15153. */
static void gil_each_waiter_times_out_on_its_own_clock(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_GIL, 3, 3, 1, 1, SCHED_SEG_CPU, 0, 100000, 0);
    Sched *s = sched_new(&c, NULL, 0);
    sched_advance(s, 20000);
    size_t n;
    const SchedGilHold *h = sched_gil_holds(s, &n);
    assert_int_equal(n, 3); /* the fourth hold is still open */
    const uint32_t t0[3] = {0, 5051, 10102};
    const uint16_t who[3] = {0, 1, 2};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(h[i].t0, t0[i]);
        assert_int_equal(h[i].thread, who[i]);
    }
    assert_int_equal(h[2].t1, 15103);
    assert_int_equal(sched_gil_holder(s), 0);
    int16_t gil[2]; /* 15000-15100: thread 2; 15100-15200: 3 us of 2, 47 of 0 */
    sched_gil_timeline(s, 15000, 15200, 2, gil);
    assert_int_equal(gil[0], 2);
    assert_int_equal(gil[1], 0);
    sched_free(s);
}

/* Without FORCE_SWITCHING the dropper re-takes the GIL before the woken
 * waiter can: thread 0 runs its 100 ms through, thread 1 gets the GIL only
 * when thread 0 finishes (100000 + 50 wake-up) and ends at 200050. */
static void gil_without_force_switching_the_dropper_wins(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_GIL, 2, 2, 1, 1, SCHED_SEG_CPU, 0, 100000, 0);
    assert_true(sched_param_set(&c.params, "force_switching", 0));
    SchedTotals t = run(&c);
    assert_int_equal(t.wall_us, 200050);
    assert_int_equal(t.handoffs, 1);
    assert_true(t.forced_drops >= 19);
}

/* Four threads of 10 x (100 us Python + 10 ms I/O): the GIL is free while
 * they wait, so their I/O overlaps.  Thread 0 starts at 0; threads 1-3 take
 * the GIL in turn at 150, 300, 450 (50 us wake-up each); after that nobody
 * waits and each task takes 10100 us.  Thread 3 ends at 450 + 101000. */
static void gil_io_threads_overlap(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_GIL, 1, 4, 10, 2, SCHED_SEG_CPU, 0, 100, 0, SCHED_SEG_IO, 0,
                           10000, 0);
    SchedTotals one = run(&c);
    assert_int_equal(one.wall_us, 101000);
    c.nthreads = 4;
    SchedTotals four = run(&c);
    assert_int_equal(four.wall_us, 101450);
    assert_int_equal(four.tasks, 40);
    assert_true(four.speedup > 3.95);
    /* and CPU-bound threads do not: 4 x 10 ms of Python take >= 40 ms */
    c = config(SCHED_GIL, 4, 4, 1, 1, SCHED_SEG_CPU, 0, 10000, 0);
    assert_true(run(&c).speedup < 1.0);
}

/* C code that releases the GIL runs in parallel even under the GIL; four
 * threads of 10 ms on 2 cores are time-sliced (3 ms slices): 20 ms. */
static void gil_native_code_runs_in_parallel(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_GIL, 4, 2, 1, 1, SCHED_SEG_NATIVE, 0, 10000, 0);
    SchedTotals t = run(&c);
    assert_int_equal(t.wall_us, 20000);
    assert_int_equal(t.lane_us[SCHED_LANE_NATIVE], 40000);
    assert_true(t.preemptions > 0);
}

/* Free-threaded: 10 x 10 ms of Python per thread, 10% slower per thread:
 * 110 ms each; 4 threads on 4 cores in parallel; 8 threads share 4 cores. */
static void free_threaded_scales_with_cores(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_FREE_THREADED, 1, 4, 10, 1, SCHED_SEG_CPU, 0, 10000, 0);
    assert_int_equal(run(&c).wall_us, 110000);
    c.nthreads = 4;
    SchedTotals t = run(&c);
    assert_int_equal(t.wall_us, 110000);
    assert_int_equal(t.serial_us, 400000);
    assert_true(t.speedup > 3.63 && t.speedup < 3.64);
    c.nthreads = 8;
    t = run(&c);
    assert_true(t.wall_us >= 220000 && t.wall_us <= 223000);
    assert_true(t.utilization > 0.99);
}

/* ... until one shared object serializes it: every task is 10 ms inside the
 * same lock.  40 critical sections of 11000 us back to back, 39 hand-offs
 * of 5 us: 440195 us, slower than one thread doing it all (400000). */
static void free_threaded_lock_contention_serializes(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_FREE_THREADED, 4, 4, 10, 1, SCHED_SEG_LOCKED, 0, 10000, 0);
    SchedTotals t = run(&c);
    assert_int_equal(t.wall_us, 440195);
    assert_int_equal(t.lock_acquires, 40);
    assert_int_equal(t.lock_waits, 39);
    assert_true(t.speedup < 1.0);
    assert_true(t.lane_us[SCHED_LANE_LOCK_WAIT] > 3 * 400000 / 2);
}

/* Biased reference counting: 100000 refcount ops on object 0 (made by the
 * main thread, so shared path for every worker) or object 1 (owned by
 * thread 0).  Shared path alone: 100000 x 10 ns = 1000 us.  Two threads at
 * once: thread 1 stalls until 1000, then every op moves the cache line:
 * 100000 x 100 ns = 10000 us, so 11000 in all. */
static void free_threaded_brc_fast_and_shared_paths(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_FREE_THREADED, 1, 2, 1, 1, SCHED_SEG_TOUCH, 0, 0, 100000);
    SchedTotals t = run(&c);
    assert_int_equal(t.wall_us, 1000);
    assert_int_equal(t.rc_shared, 100000);
    c.nthreads = 2;
    Sched *s = sched_new(&c, NULL, 0);
    sched_finish(s);
    sched_totals(s, &t);
    assert_int_equal(t.wall_us, 11000);
    assert_int_equal(t.rc_contended, 100000);
    assert_int_equal(t.lane_us[SCHED_LANE_CONTENDED], 1000);
    SchedThreadStats ts;
    sched_thread_stats(s, 1, &ts);
    assert_int_equal(ts.lane_us[SCHED_LANE_CONTENDED], 1000);
    assert_int_equal(ts.lane_us[SCHED_LANE_RUN], 10000);
    sched_free(s);
    /* the owner's ops take the fast path (1 ns): thread 0 is done at 100,
     * thread 1 goes the shared way uncontended: 1000 */
    c = config(SCHED_FREE_THREADED, 2, 2, 1, 1, SCHED_SEG_TOUCH, 1, 0, 100000);
    t = run(&c);
    assert_int_equal(t.rc_fast, 100000);
    assert_int_equal(t.rc_contended, 0);
    assert_int_equal(t.wall_us, 1000);
    /* an immortal object costs every thread the fast path */
    objs[0].flags = SCHED_OBJ_IMMORTAL;
    c = config(SCHED_FREE_THREADED, 2, 2, 1, 1, SCHED_SEG_TOUCH, 0, 0, 100000);
    t = run(&c);
    objs[0].flags = 0;
    assert_int_equal(t.wall_us, 100);
    assert_int_equal(t.rc_shared, 0);
}

/* Processes: 50 ms start-up before the first task; passing 1 MiB costs a
 * pipe message (30 us) plus 1024 KiB x 5 us of pickling. */
static void processes_pay_startup_and_pickling(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_PROCESSES, 4, 4, 10, 1, SCHED_SEG_CPU, 0, 10000, 0);
    SchedTotals t = run(&c);
    assert_int_equal(t.wall_us, 150000);
    assert_int_equal(t.startup_us, 200000);
    assert_int_equal(t.lane_us[SCHED_LANE_OVERHEAD], 200000);
    c = config(SCHED_PROCESSES, 1, 1, 1, 2, SCHED_SEG_CPU, 0, 1000, 0, SCHED_SEG_SEND, 0, 0,
               1048576);
    t = run(&c);
    assert_int_equal(t.wall_us, 50000 + 1000 + 30 + 5120);
    assert_int_equal(t.pickled_bytes, 1048576);
    /* threads pass a reference: free */
    c.regime = SCHED_FREE_THREADED;
    assert_int_equal(run(&c).wall_us, 1100);
}

static void lanes_of(const SchedConfig *c, SchedLaneRec **out, size_t *n, SchedTotals *t)
{
    Sched *s = sched_new(c, NULL, 0);
    assert_non_null(s);
    sched_finish(s);
    sched_totals(s, t);
    const SchedLaneRec *l = sched_lanes(s, n);
    *out = malloc(*n * sizeof **out + 1);
    memcpy(*out, l, *n * sizeof **out);
    sched_free(s);
}

/* Same seed, same log; another seed, another log. */
static void same_seed_same_log(void **state)
{
    (void)state;
    SchedConfig c;
    SchedWorkload m;
    sched_config_init(&c);
    assert_true(workload_preset("mixed", &m));
    c.workloads = &m;
    c.nworkloads = 1;
    c.objects = workload_objects(&c.nobjects);
    c.nthreads = 16;
    c.ncores = 4;
    c.horizon_us = 200000;
    c.seed = 7;
    for (int r = 0; r < SCHED_NREGIMES; r++) {
        c.regime = (SchedRegime)r;
        SchedLaneRec *a, *b;
        size_t na, nb;
        SchedTotals ta, tb;
        lanes_of(&c, &a, &na, &ta);
        lanes_of(&c, &b, &nb, &tb);
        assert_true(na > 100);
        assert_int_equal(na, nb);
        assert_memory_equal(a, b, na * sizeof *a);
        assert_int_equal(ta.tasks, tb.tasks);
        assert_int_equal(ta.busy_us, tb.busy_us);
        free(b);
        c.seed = 8;
        lanes_of(&c, &b, &nb, &tb);
        c.seed = 7;
        assert_true(na != nb || memcmp(a, b, na * sizeof *a) != 0);
        free(a);
        free(b);
    }
}

/* Advancing in steps gives the same run as one go, and the log keeps only
 * the window asked for, up to its capacity. */
static void stepping_and_log_window(void **state)
{
    (void)state;
    SchedConfig c = config(SCHED_GIL, 2, 2, 1, 1, SCHED_SEG_CPU, 0, 100000, 0);
    c.log_from_us = 10000;
    c.log_until_us = 20000;
    Sched *s = sched_new(&c, NULL, 0);
    for (int64_t t = 0; !sched_advance(s, t); t += 777)
        assert_true(sched_now(s) == t || t == 0);
    SchedTotals t;
    sched_totals(s, &t);
    assert_int_equal(t.wall_us, 201950);
    size_t n;
    const SchedLaneRec *l = sched_lanes(s, &n);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++)
        assert_true(l[i].t0 >= 10000 && l[i].t1 <= 20000 && l[i].t0 < l[i].t1);
    sched_free(s);
    c.log_from_us = 0;
    c.log_until_us = 0;
    c.log_cap = 3;
    s = sched_new(&c, NULL, 0);
    sched_finish(s);
    sched_lanes(s, &n);
    sched_totals(s, &t);
    assert_int_equal(n, 3);
    assert_true(t.lanes_dropped > 0);
    sched_free(s);
}

static void bad_configs_are_refused(void **state)
{
    (void)state;
    char err[128];
    SchedConfig c = config(SCHED_GIL, 2, 2, 1, 1, SCHED_SEG_LOCKED, 5, 100, 0);
    assert_null(sched_new(&c, err, sizeof err));
    assert_non_null(strstr(err, "object"));
    c = config(SCHED_GIL, 2, 2, 1, 1, SCHED_SEG_SEND, 0, 0, 100);
    assert_null(sched_new(&c, err, sizeof err));
    assert_non_null(strstr(err, "no time"));
    c = config(SCHED_GIL, 0, 2, 1, 1, SCHED_SEG_CPU, 0, 100, 0);
    assert_null(sched_new(&c, err, sizeof err));
    c = config(SCHED_GIL, 1, 1, 1, 1, SCHED_SEG_CPU, 0, 100, 0);
    c.params.switch_interval_us = 0;
    assert_null(sched_new(&c, err, sizeof err));
    assert_non_null(strstr(err, "switch_interval_us"));
    assert_false(sched_param_set(&c.params, "no_such_param", 1));
    assert_false(sched_param_set(&c.params, "force_switching", 2));
    /* the message is the sentence, with nothing glued to it (it once printed
     * "no workload(null)": a long fed to %s) */
    c = config(SCHED_GIL, 1, 1, 1, 1, SCHED_SEG_CPU, 0, 100, 0);
    c.nworkloads = 0;
    assert_null(sched_new(&c, err, sizeof err));
    assert_string_equal(err, "no workload");
    c = config(SCHED_GIL, 1, 1, 1, 1, SCHED_SEG_CPU, 0, 100, 0);
    c.log_from_us = -1;
    assert_null(sched_new(&c, err, sizeof err));
    assert_string_equal(err, "the log window cannot start before 0");
    c = config(SCHED_GIL, SCHED_MAX_THREADS + 1, 1, 1, 1, SCHED_SEG_CPU, 0, 100, 0);
    assert_null(sched_new(&c, err, sizeof err));
    char want[64];
    snprintf(want, sizeof want, "threads must be 1 to %d", SCHED_MAX_THREADS);
    assert_string_equal(err, want);
}

/* Every parameter has a default in range and a source; the ones read in
 * CPython's source are not flagged as estimates, the reasoned ones are. */
static void every_parameter_says_where_it_comes_from(void **state)
{
    (void)state;
    size_t n;
    const SchedParamInfo *t = sched_param_table(&n);
    SchedParams p;
    sched_params_default(&p);
    assert_true(n >= 14);
    for (size_t i = 0; i < n; i++) {
        assert_true(t[i].def >= t[i].min && t[i].def <= t[i].max);
        assert_int_equal(sched_param_get(&p, &t[i]), t[i].def);
        assert_true(strlen(t[i].source) > 20);
        if (strcmp(t[i].name, "switch_interval_us") == 0)
            assert_false(t[i].estimate);
        if (strcmp(t[i].name, "brc_shared_ns") == 0 || strcmp(t[i].name, "proc_start_us") == 0)
            assert_true(t[i].estimate);
    }
    assert_int_equal(p.switch_interval_us, 5000);
    assert_int_equal(p.force_switching, 1);
}

/* The sweep: CPU work under the GIL stays near 1x, free-threaded grows. */
static void sweep_over_thread_counts(void **state)
{
    (void)state;
    SchedConfig c;
    SchedWorkload cpu;
    sched_config_init(&c);
    workload_preset("cpu", &cpu);
    c.workloads = &cpu;
    c.nworkloads = 1;
    c.ncores = 8;
    c.horizon_us = 200000;
    const int counts[] = {1, 2, 8, 72};
    WorkloadPoint pts[4];
    assert_int_equal(workload_sweep(&c, counts, 4, pts, NULL, 0), 0);
    for (int i = 0; i < 4; i++)
        assert_true(pts[i].vs_one > 0.85 && pts[i].vs_one < 1.05);
    c.regime = SCHED_FREE_THREADED;
    assert_int_equal(workload_sweep(&c, counts, 4, pts, NULL, 0), 0);
    assert_true(pts[1].vs_one > 1.9);
    assert_true(pts[2].vs_one > 7.5);
    assert_true(pts[3].vs_one > 7.5 && pts[3].vs_one < 8.1); /* 8 cores */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gil_one_thread_runs_alone),
        cmocka_unit_test(gil_two_cpu_threads_take_twice_as_long),
        cmocka_unit_test(gil_each_waiter_times_out_on_its_own_clock),
        cmocka_unit_test(gil_without_force_switching_the_dropper_wins),
        cmocka_unit_test(gil_io_threads_overlap),
        cmocka_unit_test(gil_native_code_runs_in_parallel),
        cmocka_unit_test(free_threaded_scales_with_cores),
        cmocka_unit_test(free_threaded_lock_contention_serializes),
        cmocka_unit_test(free_threaded_brc_fast_and_shared_paths),
        cmocka_unit_test(processes_pay_startup_and_pickling),
        cmocka_unit_test(same_seed_same_log),
        cmocka_unit_test(stepping_and_log_window),
        cmocka_unit_test(bad_configs_are_refused),
        cmocka_unit_test(every_parameter_says_where_it_comes_from),
        cmocka_unit_test(sweep_over_thread_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
