/*
 * Unit tests for view/lab_loop_view.c: the event-loop lab's pages drawn on
 * a canvas of the size the lab screen gives them at 80x24 (about 50x12),
 * in UTF-8 and ASCII, checked for what they must show.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/labs.h"

static const char program[] = "param request_overhead=0\n"
                              "param resume=0\n"
                              "param thread_handoff=0\n"
                              "route /report async blocking=100ms\n"
                              "route /legacy def blocking=100ms\n"
                              "threadpool 2\n"
                              "load /legacy burst=3\n"
                              "load /report burst=10\n"
                              "run\n";

static char *draw(const Lab *lab, int page, int w, int h, bool ascii)
{
    const LabView *v = lab_view_find("loop");
    assert_non_null(v);
    assert_int_equal(v->npages, 4);
    Canvas *cv = canvas_new(w, h, ascii);
    LabViewOptions o = {.page = page};
    v->draw(lab, &o, cv, (Rect){0, 0, w, h});
    Buf out = {0};
    canvas_to_text(cv, &out);
    canvas_free(cv);
    return buf_take(&out);
}

static void expect_in(char *text, const char *want)
{
    if (!strstr(text, want))
        fail_msg("'%s' not in:\n%s", want, text);
}

static void open_program(Lab *lab)
{
    DiagList dl = {0};
    assert_true(lab_open(lab, lab_class_find("loop"), program, strlen(program), "v.loop", 1, &dl));
}

static void before_any_run_it_says_so(void **state)
{
    (void)state;
    Lab lab;
    open_program(&lab);
    for (int p = 0; p < 4; p++) {
        char *t = draw(&lab, p, 50, 12, false);
        expect_in(t, p == 3 ? "No run yet" : "Nothing has run yet");
        free(t);
    }
    lab_close(&lab);
}

static void pages_show_the_run(void **state)
{
    (void)state;
    Lab lab;
    open_program(&lab);
    lab_finish(&lab);
    char *t = draw(&lab, 0, 50, 12, false);
    expect_in(t, "Loop and pool, run 1 (line 9): 0-1.00s");
    expect_in(t, "loop \xe2\x96\x93\xe2\x96\x93\xe2\x96\x93"); /* blocked the whole run */
    expect_in(t, "t0   \xe2\x96\x93");                          /* the two pool threads */
    expect_in(t, "t0   \xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93-");
    expect_in(t, "t1   ");
    expect_in(t, "100% blocked");
    expect_in(t, "blocked (sync call)");
    expect_in(t, "estimates:");
    free(t);
    t = draw(&lab, 0, 50, 12, true);
    expect_in(t, "loop XXXXXXXXXX");
    expect_in(t, "X blocked (sync call)");
    free(t);
    t = draw(&lab, 1, 50, 12, true);
    expect_in(t, "Queue, run 1");
    expect_in(t, "max 11: loop 10, pool 1");
    expect_in(t, "done/s");
    free(t);
    t = draw(&lab, 2, 50, 12, false);
    expect_in(t, "/report async: p99 1.00s, p95 1.00s, p50 500.0ms,");
    /* the threads finish by 200 ms, but the answers go out from the blocked loop */
    expect_in(t, "/legacy def: p99 1.00s, p95 1.00s, p50 1.00s, 3 d");
    expect_in(t, "p95, \xe2\x96\x91 to p99");
    free(t);
    t = draw(&lab, 3, 50, 12, true);
    expect_in(t, "burst 13");
    expect_in(t, "p99 1.00s");
    free(t);
    lab_close(&lab);
}

/* While the run plays, the timeline is revealed from the left. */
static void the_timeline_grows_as_the_run_plays(void **state)
{
    (void)state;
    Lab lab;
    open_program(&lab);
    assert_true(lab_run_to_line(&lab, 9));
    lab_step(&lab);
    for (int i = 0; i < 30; i++)
        lab_tick(&lab);
    assert_true(lab_busy(&lab));
    char *t = draw(&lab, 0, 50, 12, true);
    expect_in(t, "(playing)");
    char *loop = strstr(t, "loop X");
    assert_non_null(loop);
    size_t xs = strspn(loop + 5, "X");
    assert_true(xs > 5 && xs < 40); /* about a third of the 45 columns */
    free(t);
    lab_close(&lab);
}

/* Small rectangles: nothing drawn outside, and no crash. */
static void tiny_rectangles(void **state)
{
    (void)state;
    Lab lab;
    open_program(&lab);
    lab_finish(&lab);
    for (int p = 0; p < 4; p++) {
        char *t = draw(&lab, p, 6, 2, true);
        assert_true(strlen(t) <= 2 * 7 + 1);
        free(t);
    }
    lab_close(&lab);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(before_any_run_it_says_so),
        cmocka_unit_test(pages_show_the_run),
        cmocka_unit_test(the_timeline_grows_as_the_run_plays),
        cmocka_unit_test(tiny_rectangles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
