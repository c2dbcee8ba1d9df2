/*
 * Unit tests for sim/looplog.h (the asyncio tasks' lanes over simulated
 * time) and the loop view drawn from it (view/view_loop.c).  Times in ps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/buf.h"
#include "sim/looplog.h"
#include "view/views.h"

#define MS 1000000000LL

/* Two tasks: t0 blocks the loop for 4 ms while t1 sits ready, then both
 * await; t1 ends cancelled. */
static void fill(LoopLog *l)
{
    memset(l, 0, sizeof *l);
    int a = ll_task(l, "Task-1", 0);
    int b = ll_task(l, "worker", 0);
    ll_lane(l, a, LL_RUN, 0, NULL);
    ll_lane(l, a, LL_WAIT, 4 * MS, "sleep");
    ll_lane(l, b, LL_RUN, 4 * MS, NULL);
    ll_lane(l, b, LL_WAIT, 4 * MS + 1, "Queue.get");
    ll_lane(l, a, LL_RUN, 8 * MS, NULL);
    ll_lane(l, b, LL_DONE, 8 * MS, "cancelled");
    ll_lane(l, a, LL_DONE, 8 * MS + 1, "done");
}

static void lanes_follow_the_tasks(void **state)
{
    (void)state;
    LoopLog l;
    fill(&l);
    assert_int_equal(l.ntasks, 2);
    assert_int_equal(l.start, 0);
    assert_string_equal(l.tasks[1].awaits, "Queue.get");
    assert_string_equal(l.tasks[1].end, "cancelled");
    assert_string_equal(l.tasks[0].end, "done");
    ll_lane(&l, 1, LL_RUN, 9 * MS, NULL); /* a done task stays done */
    assert_int_equal(l.tasks[1].lane, LL_DONE);
    uint8_t cells[2 * 8];
    ll_timeline(&l, 0, 2, 0, 8 * MS, 8, cells);
    for (int c = 0; c < 4; c++) {
        assert_int_equal(cells[c], LL_RUN);       /* the blocking step */
        assert_int_equal(cells[8 + c], LL_READY); /* the other waits for the loop */
    }
    assert_int_equal(cells[5], LL_WAIT);
    assert_int_equal(cells[8 + 4], LL_RUN); /* a short step still shows */
    assert_int_equal(cells[8 + 6], LL_WAIT);
    assert_string_equal(ll_lane_name(LL_READY), "ready");
    ll_free(&l);
}

static void the_view_draws_lanes_and_what_they_awaited(void **state)
{
    (void)state;
    LoopLog l;
    fill(&l);
    l.turns = 5;
    l.max_ready = 2;
    Canvas *cv = canvas_new(48, 12, true);
    view_loop(&l, cv, (Rect){0, 0, 48, 12});
    Buf out = {0};
    canvas_to_text(cv, &out);
    const char *text = buf_str(&out);
    assert_non_null(strstr(text, "Loop: 2 tasks, 5 turns, longest ready queue 2"));
    assert_non_null(strstr(text, "Task-1  ####"));
    assert_non_null(strstr(text, "worker  ...."));
    assert_non_null(strstr(text, "awaited: Task-1 sleep, worker Queue.get"));
    assert_non_null(strstr(text, "ended: Task-1 done, worker cancelled"));
    buf_fini(&out);
    view_loop(NULL, cv, (Rect){0, 0, 48, 12});
    canvas_to_text(cv, &out);
    assert_non_null(strstr(buf_str(&out), "Loop: no asyncio task so far."));
    buf_fini(&out);
    canvas_free(cv);
    ll_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lanes_follow_the_tasks),
        cmocka_unit_test(the_view_draws_lanes_and_what_they_awaited),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
