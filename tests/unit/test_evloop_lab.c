/*
 * Unit tests for the event-loop lab (lab/loop/lab_loop.c, lab/loop/evloop_lang.h):
 * programs read with every problem as file:line:col, runs stepped line by
 * line, reports with the figures worked out by hand, the animation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lab/loop/evloop_lab.h"
#include "lab/loop/evloop_lang.h"

static const char zero_costs[] = "param request_overhead=0\n"
                                 "param resume=0\n"
                                 "param token_cpu=0\n"
                                 "param thread_handoff=0\n"
                                 "param gil_wakeup=0\n";

static bool open_lab(Lab *lab, const char *src, DiagList *dl)
{
    const LabClass *cls = lab_class_find("loop");
    assert_non_null(cls);
    return lab_open(lab, cls, src, strlen(src), "t.loop", 1, dl);
}

/* The first diagnostic as "file:line:col: error: msg". */
static void expect_error(const char *src, const char *want)
{
    Lab lab;
    DiagList dl = {0};
    assert_false(open_lab(&lab, src, &dl));
    assert_true(dl.len >= 1);
    char *got = diag_format(&dl.items[0]);
    if (!strstr(got, want))
        fail_msg("got '%s', want '%s'", got, want);
    free(got);
    diag_fini(&dl);
    lab_close(&lab);
}

static void parse_errors_name_line_and_column(void **state)
{
    (void)state;
    expect_error("rute /x async\n", "t.loop:1:1: error: unknown directive 'rute'");
    expect_error("route /x asink\n", "t.loop:1:10: error: expected async or def");
    expect_error("route /x async io=200\n", "t.loop:1:22: error: io: expected a unit");
    expect_error("route /x async io=fast\n", "t.loop:1:19: error: io: expected a duration");
    expect_error("route x async\n", "t.loop:1:7: error: expected a path");
    expect_error("route /x async cpu=1ms cpu=2ms\n", "1:24: error: 'cpu' given twice");
    expect_error("route /x async colour=red\n", "1:16: error: unknown option 'colour'");
    expect_error("route /x def stream tokens=3 every=1ms\n", "1:14: error: this lab streams");
    expect_error("route /x async stream\n", "a stream needs tokens=N and every=DURATION");
    expect_error("load /y rate=1/s for=1s\nrun\n", "1:6: error: unknown route '/y'");
    expect_error("route /x async\nload /x rate=5 for=1s\nrun\n", "2:14: error: rate: expected");
    expect_error("route /x async\nload /x rate=5/s\nrun\n", "expected for=DURATION");
    expect_error("route /x async\nload /x rate=5/s burst=3 for=1s\nrun\n",
                 "2:18: error: expected exactly one of");
    expect_error("route /x async\nrun\n", "2:1: error: nothing to run");
    expect_error("route /x async\nload /x burst=3\n", "2:1: error: this load never plays");
    expect_error("threadpool 0\n", "1:12: error: threadpool: expected a whole number from 1");
    expect_error("param warp=1ms\n", "1:7: error: unknown param 'warp'");
    expect_error("param switch_interval=0\n", "1:23: error: switch_interval: expected 50us");
    expect_error("route /x async\nload /x rate=1000000/s for=3600s\nrun\n", "at most 1000000");
}

static void every_problem_is_reported(void **state)
{
    (void)state;
    Lab lab;
    DiagList dl = {0};
    assert_false(open_lab(&lab, "rute\nroute /x async io=1\n\n# fine\nthreadpool -1\n", &dl));
    assert_int_equal(dl.len, 3);
    assert_int_equal(dl.items[0].line, 1);
    assert_int_equal(dl.items[1].line, 2);
    assert_int_equal(dl.items[2].line, 5);
    diag_fini(&dl);
    lab_close(&lab);
}

/* The lesson's example: ten requests at once to a handler that blocks 100 ms. */
static void a_run_reports_the_hand_worked_figures(void **state)
{
    (void)state;
    char src[1024];
    snprintf(src, sizeof src,
             "%s"
             "route /report async blocking=100ms  # time.sleep(0.1)\n"
             "\n"
             "load /report burst=10\n"
             "run\n",
             zero_costs);
    Lab lab;
    DiagList dl = {0};
    assert_true(open_lab(&lab, src, &dl));
    assert_int_equal(lab_line(&lab), 1);
    assert_true(lab_run_to_line(&lab, 9)); /* the run line; blank 7 skipped */
    assert_int_equal(lab.out.len, 0);
    lab_step(&lab);
    assert_true(lab_busy(&lab)); /* the run plays out over frames */
    const char *out = buf_str(&lab.out);
    assert_non_null(strstr(out, "run 1 (line 9): 10 requests, threadpool 40"));
    assert_non_null(strstr(out, "/report          async    10  500.0ms    1.00s    1.00s    1.00s"));
    assert_non_null(strstr(out, "throughput 10.0/s, max queue 10 (loop 10, pool 0)"));
    assert_non_null(strstr(out, "loop: running 0%, blocked 100%"));
    assert_non_null(strstr(out, "estimated costs (not measured): request_overhead 0us"));
    const Evloop *e = loop_lab_sim(&lab);
    assert_non_null(e);
    int frames = 0;
    while (lab_busy(&lab) && frames < 1000) {
        lab_tick(&lab);
        frames++;
    }
    assert_true(frames >= 60 && frames <= 100); /* about 90 frames a run */
    lab_finish(&lab);
    assert_true(lab.finished);
    assert_int_equal(lab.exit_code, 0);
    size_t n;
    const LoopRunResult *r = loop_lab_runs(&lab, &n);
    assert_int_equal(n, 1);
    assert_int_equal(r[0].stats[0].p99_us, 1000000);
    lab_close(&lab);
}

/* Two runs: the pool resized between them; the third request waits. */
static void routes_and_pool_carry_over_between_runs(void **state)
{
    (void)state;
    char src[1024];
    snprintf(src, sizeof src,
             "%s"
             "route /legacy def blocking=100ms\n"
             "threadpool 2\n"
             "load /legacy burst=3\n"
             "run\n"
             "threadpool 3\n"
             "load /legacy burst=3\n"
             "run\n",
             zero_costs);
    Lab lab;
    DiagList dl = {0};
    assert_true(open_lab(&lab, src, &dl));
    lab_finish(&lab);
    size_t n;
    const LoopRunResult *r = loop_lab_runs(&lab, &n);
    assert_int_equal(n, 2);
    assert_int_equal(r[0].stats[0].max_us, 200000);
    assert_int_equal(r[0].tot.max_pool_queue, 1);
    assert_int_equal(r[1].stats[0].max_us, 100000);
    assert_int_equal(r[1].pool, 3);
    assert_non_null(strstr(buf_str(&lab.out), "run 2 (line 12)"));
    lab_close(&lab);
}

/* Stepping back replays the same runs: same seed, same report. */
static void seek_replays_the_same_run(void **state)
{
    (void)state;
    const char *src = "route /chat async cpu=2ms io=50ms\n"
                      "route /embed def cpu=20ms\n"
                      "load /chat rate=300/s for=2s\n"
                      "load /embed rate=10/s for=2s\n"
                      "run\n";
    Lab lab;
    DiagList dl = {0};
    assert_true(open_lab(&lab, src, &dl));
    lab_finish(&lab);
    char first[4096];
    snprintf(first, sizeof first, "%s", buf_str(&lab.out));
    assert_non_null(strstr(first, "/s offered)"));
    lab_seek(&lab, 2);
    assert_int_equal(lab_line(&lab), 3);
    lab_finish(&lab);
    assert_string_equal(buf_str(&lab.out), first);
    lab_close(&lab);
}

static void formats_durations(void **state)
{
    (void)state;
    char b[24];
    loop_format_us(850, b, sizeof b);
    assert_string_equal(b, "850us");
    loop_format_us(12500, b, sizeof b);
    assert_string_equal(b, "12.5ms");
    loop_format_us(1200000, b, sizeof b);
    assert_string_equal(b, "1.20s");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_errors_name_line_and_column),
        cmocka_unit_test(every_problem_is_reported),
        cmocka_unit_test(a_run_reports_the_hand_worked_figures),
        cmocka_unit_test(routes_and_pool_carry_over_between_runs),
        cmocka_unit_test(seek_replays_the_same_run),
        cmocka_unit_test(formats_durations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
