/*
 * Unit tests for lab/loop/evloop.h: the event loop, the thread pool, the GIL and
 * the load generators, with latencies worked out by hand.  Every hand-worked
 * case zeroes the estimated costs (request overhead, resume, chunk, hand-off,
 * GIL wake-up) so the arithmetic stays in whole milliseconds; the switch
 * interval keeps its cited 5 ms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "lab/loop/evloop.h"

#define MS 1000

static EvloopRoute routes[4];
static EvloopLoad loads[4];

static EvloopConfig bare(size_t nroutes, size_t nloads, int pool)
{
    EvloopConfig c;
    evloop_config_init(&c);
    c.routes = routes;
    c.nroutes = nroutes;
    c.loads = loads;
    c.nloads = nloads;
    c.pool_size = pool;
    size_t n;
    const EvloopParamInfo *t = evloop_param_table(&n);
    for (size_t i = 0; i < n; i++)
        if (t[i].estimate)
            assert_true(evloop_param_set(&c.params, t[i].name, 0));
    return c;
}

static EvloopRoute route(const char *path, bool sync, int64_t cpu, int64_t blocking, int64_t io)
{
    EvloopRoute r;
    memset(&r, 0, sizeof r);
    strcpy(r.path, path);
    r.sync = sync;
    r.cpu_us = cpu;
    r.blocking_us = blocking;
    r.io_us = io;
    return r;
}

static EvloopLoad burst(int route_ix, int n, int64_t at)
{
    EvloopLoad l;
    memset(&l, 0, sizeof l);
    l.route = route_ix;
    l.kind = EVLOAD_BURST;
    l.count = n;
    l.start_us = at;
    return l;
}

static EvloopLoad every(int route_ix, int64_t gap, int64_t at, int64_t dur)
{
    EvloopLoad l = burst(route_ix, 0, at);
    l.kind = EVLOAD_EVERY;
    l.every_us = gap;
    l.for_us = dur;
    return l;
}

static Evloop *run(const EvloopConfig *c)
{
    char err[128] = "";
    Evloop *e = evloop_new(c, err, sizeof err);
    assert_non_null(e);
    evloop_finish(e);
    assert_true(evloop_done(e));
    return e;
}

static void expect_latencies(const Evloop *e, int r, const int64_t *want, size_t n)
{
    size_t got_n;
    const int64_t *got = evloop_latencies(e, r, &got_n);
    assert_int_equal(got_n, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

/* Ten requests at once to `async def` with time.sleep(0.1): they queue
 * behind each other, the last answered after 1.0 s (the lesson's example). */
static void blocking_handler_serializes_a_burst(void **state)
{
    (void)state;
    routes[0] = route("/report", false, 0, 100 * MS, 0);
    loads[0] = burst(0, 10, 0);
    EvloopConfig c = bare(1, 1, 40);
    Evloop *e = run(&c);
    int64_t want[10];
    for (int i = 0; i < 10; i++)
        want[i] = (i + 1) * 100 * MS;
    expect_latencies(e, 0, want, 10);
    EvloopRouteStats st;
    evloop_route_stats(e, 0, &st);
    assert_int_equal(st.p50_us, 500 * MS); /* rank ceil(0.50 * 10) = 5 */
    assert_int_equal(st.p95_us, 1000 * MS); /* rank ceil(9.5) = 10 */
    assert_int_equal(st.p99_us, 1000 * MS);
    EvloopTotals t;
    evloop_totals(e, &t);
    assert_int_equal(t.loop_us[EVS_BLOCKED], 1000 * MS);
    assert_int_equal(t.loop_us[EVS_RUN], 0);
    assert_int_equal(t.now_us, 1000 * MS);
    assert_int_equal(t.max_queue, 10); /* all ten waited in the loop's queue */
    assert_true(t.throughput > 9.999 && t.throughput < 10.001);
    assert_true(t.done_all);
    evloop_free(e);
}

/* One blocking handler of 100 ms at 5 requests a second: each arrives to an
 * idle loop, so each takes exactly 100 ms and the loop is blocked half the time. */
static void blocking_handler_at_five_a_second(void **state)
{
    (void)state;
    routes[0] = route("/report", false, 0, 100 * MS, 0);
    loads[0] = every(0, 200 * MS, 0, 1000 * MS);
    EvloopConfig c = bare(1, 1, 40);
    Evloop *e = run(&c);
    int64_t want[5] = {100 * MS, 100 * MS, 100 * MS, 100 * MS, 100 * MS};
    expect_latencies(e, 0, want, 5);
    EvloopTotals t;
    evloop_totals(e, &t);
    assert_int_equal(t.loop_us[EVS_BLOCKED], 500 * MS);
    assert_int_equal(t.now_us, 900 * MS); /* the last answer: 800 + 100 ms */
    assert_true(t.offered > 4.999 && t.offered < 5.001);
    evloop_free(e);
}

/* A 300 ms blocking call at t = 0 holds the loop; /chat requests (await 200
 * ms of I/O) arriving at 50, 150, 250 ms cannot even start before 300 ms. */
static void a_blocked_loop_delays_awaiting_handlers(void **state)
{
    (void)state;
    routes[0] = route("/report", false, 0, 300 * MS, 0);
    routes[1] = route("/chat", false, 0, 0, 200 * MS);
    loads[0] = burst(0, 1, 0);
    loads[1] = every(1, 100 * MS, 50 * MS, 500 * MS);
    EvloopConfig c = bare(2, 2, 40);
    Evloop *e = run(&c);
    /* started at 300, 300, 300, 350, 450; answered 200 ms later */
    int64_t want[5] = {450 * MS, 350 * MS, 250 * MS, 200 * MS, 200 * MS};
    expect_latencies(e, 1, want, 5);
    EvloopRouteStats st;
    evloop_route_stats(e, 1, &st);
    assert_int_equal(st.p50_us, 250 * MS); /* sorted 200 200 250 350 450: rank 3 */
    assert_int_equal(st.max_us, 450 * MS);
    evloop_free(e);
}

/* A pool of 2 threads, 3 def requests at once that block 100 ms each: the
 * third waits in the limiter for a token. */
static void the_third_def_request_waits_for_a_thread(void **state)
{
    (void)state;
    routes[0] = route("/legacy", true, 0, 100 * MS, 0);
    loads[0] = burst(0, 3, 0);
    EvloopConfig c = bare(1, 1, 2);
    Evloop *e = run(&c);
    int64_t want[3] = {100 * MS, 100 * MS, 200 * MS};
    expect_latencies(e, 0, want, 3);
    EvloopTotals t;
    evloop_totals(e, &t);
    assert_int_equal(t.peak_threads, 2);
    assert_int_equal(t.max_pool_queue, 1);
    assert_int_equal(t.loop_us[EVS_BLOCKED], 0); /* def handlers never hold the loop */
    assert_int_equal(t.pool_us[EVS_BLOCKED], 300 * MS);
    evloop_free(e);
}

/* The default pool takes all three at once. */
static void forty_threads_take_them_together(void **state)
{
    (void)state;
    routes[0] = route("/legacy", true, 0, 100 * MS, 0);
    loads[0] = burst(0, 3, 0);
    EvloopConfig c = bare(1, 1, EVLOOP_DEFAULT_POOL);
    assert_int_equal(c.pool_size, 40);
    Evloop *e = run(&c);
    int64_t want[3] = {100 * MS, 100 * MS, 100 * MS};
    expect_latencies(e, 0, want, 3);
    evloop_free(e);
}

/* CPU in a pool thread competes with the loop for the GIL: a def handler
 * computes 30 ms from t = 0; an async request needing 1 ms of Python arrives
 * at 1 ms, waits the 5 ms switch interval, runs 6..7 ms.  The thread gets the
 * GIL back and finishes its 24 ms left at 31 ms. */
static void python_in_a_thread_delays_the_loop(void **state)
{
    (void)state;
    routes[0] = route("/embed", true, 30 * MS, 0, 0);
    routes[1] = route("/ping", false, 1 * MS, 0, 0);
    loads[0] = burst(0, 1, 0);
    loads[1] = burst(1, 1, 1 * MS);
    EvloopConfig c = bare(2, 2, 40);
    Evloop *e = run(&c);
    int64_t embed[1] = {31 * MS}, ping[1] = {6 * MS};
    expect_latencies(e, 0, embed, 1);
    expect_latencies(e, 1, ping, 1);
    EvloopTotals t;
    evloop_totals(e, &t);
    assert_int_equal(t.forced_drops, 1);
    assert_int_equal(t.gil_switches, 2);
    assert_int_equal(t.loop_us[EVS_GIL_WAIT], 5 * MS);
    assert_int_equal(t.loop_us[EVS_RUN], 1 * MS);
    evloop_free(e);
}

/* A stream of 5 chunks 20 ms apart: first chunk at 20 ms, the end at 100 ms. */
static void streams_report_time_to_first_chunk(void **state)
{
    (void)state;
    routes[0] = route("/stream", false, 0, 0, 0);
    routes[0].tokens = 5;
    routes[0].every_us = 20 * MS;
    loads[0] = burst(0, 2, 0);
    EvloopConfig c = bare(1, 1, 40);
    Evloop *e = run(&c);
    EvloopRouteStats st;
    evloop_route_stats(e, 0, &st);
    assert_int_equal(st.ttft_p50_us, 20 * MS);
    assert_int_equal(st.p50_us, 100 * MS);
    assert_int_equal(st.done, 2);
    evloop_free(e);
}

/* The estimated costs add up where the model says they are paid: a def
 * request pays the overhead on the loop, the hand-off, and the resume. */
static void estimated_costs_are_paid_where_they_belong(void **state)
{
    (void)state;
    routes[0] = route("/legacy", true, 0, 10 * MS, 0);
    loads[0] = burst(0, 1, 0);
    EvloopConfig c = bare(1, 1, 40);
    evloop_param_set(&c.params, "request_overhead", 100);
    evloop_param_set(&c.params, "thread_handoff_us", 50);
    evloop_param_set(&c.params, "resume", 20);
    Evloop *e = run(&c);
    int64_t want[1] = {100 + 10 * MS + 50 + 20};
    expect_latencies(e, 0, want, 1);
    evloop_free(e);
}

/* Closed-loop users: 2 users, no think time, a 100 ms blocking handler.  The
 * loop answers one every 100 ms; a user sends again while t < 1 s, so the
 * answers at 100..900 ms bring 9 more requests: 11, the last at 1.1 s. */
static void users_send_again_after_each_answer(void **state)
{
    (void)state;
    routes[0] = route("/report", false, 0, 100 * MS, 0);
    loads[0] = burst(0, 2, 0);
    loads[0].kind = EVLOAD_USERS;
    loads[0].for_us = 1000 * MS;
    EvloopConfig c = bare(1, 1, 40);
    Evloop *e = run(&c);
    EvloopTotals t;
    evloop_totals(e, &t);
    assert_int_equal(t.done, 11);
    assert_int_equal(t.now_us, 1100 * MS);
    EvloopRouteStats st;
    evloop_route_stats(e, 0, &st);
    assert_int_equal(st.max_us, 200 * MS); /* one in front of it at most */
    evloop_free(e);
}

static void poisson_run(uint64_t seed, size_t *n, int64_t *sum, int64_t *p99)
{
    routes[0] = route("/chat", false, 1 * MS, 0, 200 * MS);
    routes[1] = route("/embed", true, 20 * MS, 0, 0);
    loads[0] = every(0, 1, 0, 2000 * MS);
    loads[0].kind = EVLOAD_RATE;
    loads[0].rate = 200;
    loads[1] = every(1, 1, 0, 2000 * MS);
    loads[1].kind = EVLOAD_RATE;
    loads[1].rate = 20;
    EvloopConfig c;
    evloop_config_init(&c);
    c.routes = routes, c.nroutes = 2, c.loads = loads, c.nloads = 2, c.seed = seed;
    Evloop *e = run(&c);
    const int64_t *v = evloop_latencies(e, 0, n);
    *sum = 0;
    for (size_t i = 0; i < *n; i++)
        *sum += v[i] * (int64_t)(i + 1);
    EvloopRouteStats st;
    evloop_route_stats(e, 0, &st);
    *p99 = st.p99_us;
    evloop_free(e);
}

static void same_seed_same_run(void **state)
{
    (void)state;
    size_t n1, n2, n3;
    int64_t s1, s2, s3, p1, p2, p3;
    poisson_run(7, &n1, &s1, &p1);
    poisson_run(7, &n2, &s2, &p2);
    poisson_run(8, &n3, &s3, &p3);
    assert_int_equal(n1, n2);
    assert_int_equal(s1, s2);
    assert_int_equal(p1, p2);
    assert_true(n1 != n3 || s1 != s3);
    assert_true(n1 > 300 && n1 < 500); /* about 200/s for 2 s */
    assert_true(p1 >= 201 * MS);       /* at least the I/O and the CPU */
}

/* Stepping in pieces gives the same run as finishing at once; the buckets
 * account for every µs of the loop. */
static void stepping_and_buckets(void **state)
{
    (void)state;
    routes[0] = route("/report", false, 2 * MS, 30 * MS, 0);
    loads[0] = every(0, 50 * MS, 0, 10 * 1000 * MS);
    EvloopConfig c = bare(1, 1, 40);
    char err[128];
    Evloop *e = evloop_new(&c, err, sizeof err);
    assert_non_null(e);
    int64_t t = 0;
    while (!evloop_advance(e, t))
        t += 333 * MS;
    EvloopTotals a;
    evloop_totals(e, &a);
    Evloop *f = run(&c);
    EvloopTotals b;
    evloop_totals(f, &b);
    assert_int_equal(a.now_us, b.now_us);
    assert_int_equal(a.done, 200);
    assert_int_equal(a.loop_us[EVS_RUN], b.loop_us[EVS_RUN]);
    assert_int_equal(a.loop_us[EVS_RUN], 200 * 2 * MS);
    size_t nb;
    int64_t width;
    const EvloopBucket *bk = evloop_buckets(e, &nb, &width);
    assert_true(width > 1000); /* 10 s does not fit 256 buckets of 1 ms */
    int64_t sum = 0;
    for (size_t i = 0; i < nb; i++)
        for (int s = 0; s < EVS_NSTATES; s++)
            sum += bk[i].lane_us[0][s];
    assert_int_equal(sum, a.now_us); /* the loop ended idle: interval closed */
    uint8_t cols[40];
    evloop_lane_columns(e, 0, a.now_us, 40, cols);
    for (int i = 0; i < 40; i++) /* 30 of every 50 ms blocked */
        assert_int_equal(cols[i], EVS_BLOCKED);
    evloop_lane_columns(e, 0, 2 * a.now_us, 40, cols); /* twice as long: half not played */
    assert_int_equal(cols[19], EVS_BLOCKED);
    assert_int_equal(cols[20], EVLOOP_COL_FUTURE);
    uint32_t q[10];
    double rate[10];
    evloop_queue_columns(e, a.now_us, 10, q, rate);
    for (int i = 0; i < 10; i++) /* 20 answers a second: one every 50 ms */
        assert_true(rate[i] > 18 && rate[i] < 22);
    evloop_free(e);
    evloop_free(f);
}

static void bad_configs_are_refused(void **state)
{
    (void)state;
    char err[128];
    routes[0] = route("/x", false, 0, 0, 0);
    loads[0] = burst(0, 1, 0);
    EvloopConfig c = bare(1, 1, 0);
    assert_null(evloop_new(&c, err, sizeof err));
    c.pool_size = 1;
    c.nloads = 0;
    assert_null(evloop_new(&c, err, sizeof err));
    c.nloads = 1;
    loads[0].route = 3;
    assert_null(evloop_new(&c, err, sizeof err));
    loads[0] = every(0, 0, 0, 1000);
    assert_null(evloop_new(&c, err, sizeof err));
    assert_false(evloop_param_set(&c.params, "switch_interval", 0));
    assert_false(evloop_param_set(&c.params, "no_such", 1));
}

static void every_parameter_says_where_it_comes_from(void **state)
{
    (void)state;
    size_t n;
    const EvloopParamInfo *t = evloop_param_table(&n);
    assert_true(n >= 6);
    for (size_t i = 0; i < n; i++) {
        assert_true(strlen(t[i].source) > 20);
        assert_true(t[i].def >= t[i].min && t[i].def <= t[i].max);
    }
    assert_non_null(strstr(evloop_pool_source, "40"));
    assert_false(evloop_param_find("switch_interval")->estimate);
    assert_true(evloop_param_find("request_overhead")->estimate);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blocking_handler_serializes_a_burst),
        cmocka_unit_test(blocking_handler_at_five_a_second),
        cmocka_unit_test(a_blocked_loop_delays_awaiting_handlers),
        cmocka_unit_test(the_third_def_request_waits_for_a_thread),
        cmocka_unit_test(forty_threads_take_them_together),
        cmocka_unit_test(python_in_a_thread_delays_the_loop),
        cmocka_unit_test(streams_report_time_to_first_chunk),
        cmocka_unit_test(estimated_costs_are_paid_where_they_belong),
        cmocka_unit_test(users_send_again_after_each_answer),
        cmocka_unit_test(same_seed_same_run),
        cmocka_unit_test(stepping_and_buckets),
        cmocka_unit_test(bad_configs_are_refused),
        cmocka_unit_test(every_parameter_says_where_it_comes_from),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
