/*
 * Unit tests for the GIL lab (lab/gil/lab_gil.c, script/lab_gil_lua.c,
 * view/lab_gil_view.c): every mistake in a program at its line and column,
 * settings that persist from line to line, a run equal to the scheduler run
 * with the same config, the reveal frame by frame, stepping back by replay,
 * the `run` table and gil.simulate from Lua, and the views' pages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script/labs.h"
#include "lab/lab.h"
#include "lab/gil/lab_gil.h"
#include "sim/sched.h"
#include "lab/gil/workload.h"
#include "view/labs.h"

static char *first_error(const char *src)
{
    Lab lab;
    DiagList dl = {0};
    bool ok = lab_open(&lab, &lab_gil, src, strlen(src), "t.gil", 1, &dl);
    char *msg = dl.len ? diag_format(&dl.items[0]) : NULL;
    assert_true(ok == (dl.len == 0));
    lab_close(&lab);
    diag_fini(&dl);
    return msg;
}

static void errors_name_line_and_column(void **state)
{
    (void)state;
    struct {
        const char *src, *expect;
    } cases[] = {
        {"threads 4\nrnu\n", "t.gil:2:1: error: unknown directive 'rnu'"},
        {"threads 0\n", "t.gil:1:9: error: a worker count must be 1 to 1024"},
        {"time 5\n", "t.gil:1:6: error: '5': a duration needs a unit (us, ms, s)"},
        {"regime fast\n", "t.gil:1:8: error: expected gil, free or processes (got 'fast')"},
        {"task cpu 1ms, lock cache 1ms\n", "t.gil:1:20: error: no object 'cache'"},
        {"task cpu 1ms, walk 2ms\n", "t.gil:1:15: error: expected a segment"},
        {"set switch_interval=5\n", "t.gil:1:5: error: no cost parameter 'switch_interval'"},
        {"run now\n", "t.gil:1:5: error: unexpected 'now' after the run directive"},
        {"workload gpu\n", "t.gil:1:10: error: no workload 'gpu'"},
        {"object a\nobject a\n", "t.gil:2:8: error: object 'a' is already declared"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *msg = first_error(cases[i].src);
        if (!msg || strncmp(msg, cases[i].expect, strlen(cases[i].expect)) != 0)
            fail_msg("case %zu: expected '%s...', got '%s'", i, cases[i].expect,
                     msg ? msg : "(no error)");
        free(msg);
    }
    assert_null(first_error("# only a comment\n\n   \n"));
}

/* A line that would take seconds is refused when it runs, with the way out;
 * the fork-memory table for thousands of workers stays quick (sampled). */
static void costly_lines_are_bounded(void **state)
{
    (void)state;
    const char *src = "threads 1024\ncores 1024\ntime 60s\nrun\n";
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_gil, src, strlen(src), "t.gil", 1, &dl));
    lab_finish(&lab);
    assert_int_equal(lab.exit_code, 1);
    assert_non_null(strstr(buf_str(&lab.err), "line 4: run: 1024 workers x 60 s is more than"));
    lab_close(&lab);
    src = "heap 16384MB\nmemory 4096\n";
    assert_true(lab_open(&lab, &lab_gil, src, strlen(src), "t.gil", 1, &dl));
    lab_finish(&lab);
    assert_int_equal(lab.exit_code, 0);
    LabGilView v;
    lab_gil_view_of(lab.st, &v);
    /* spawn: every worker loads its own copy, 4097 heaps in all */
    assert_int_equal(v.memory->rows[6].total_bytes, 4097LL * 16384 * 1024 * 1024);
    lab_close(&lab);
    diag_fini(&dl);
}

/* The lab's run equals sched_run on the same configuration. */
static void a_run_is_the_scheduler_run(void **state)
{
    (void)state;
    const char *src = "# four threads\nthreads 4\ncores 2\nworkload io\nseed 9\ntime 200ms\nrun\n";
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_gil, src, strlen(src), "t.gil", 1, &dl));
    assert_int_equal(lab_line(&lab), 2); /* the comment is not a stop */
    assert_true(lab_run_to_line(&lab, 7));
    assert_int_equal(lab.out.len, 0); /* settings print nothing */
    lab_finish(&lab);
    assert_true(lab.finished);
    assert_int_equal(lab.exit_code, 0);
    LabGilView v;
    lab_gil_view_of(lab.st, &v);
    assert_int_equal(v.nresults, 1);
    SchedConfig c;
    sched_config_init(&c);
    SchedWorkload wl;
    assert_true(workload_preset("io", &wl));
    c.nthreads = 4, c.ncores = 2, c.seed = 9, c.horizon_us = 200000;
    c.workloads = &wl, c.nworkloads = 1;
    c.objects = workload_objects(&c.nobjects);
    SchedTotals t;
    char err[128];
    assert_int_equal(sched_run(&c, &t, err, sizeof err), 0);
    assert_int_equal(v.results[0].totals.tasks, t.tasks);
    assert_int_equal(v.results[0].totals.wall_us, t.wall_us);
    assert_int_equal(v.results[0].totals.handoffs, t.handoffs);
    assert_non_null(strstr(buf_str(&lab.out), "run 1: default build (GIL), 4 workers on 2 cores"));
    lab_close(&lab);
    diag_fini(&dl);
}

static void reveal_and_step_back(void **state)
{
    (void)state;
    const char *src = "window 6ms\nrun\nregime free\nrun\n";
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_gil, src, strlen(src), "t.gil", 1, &dl));
    lab_step(&lab); /* window */
    lab_step(&lab); /* run: computed, then revealed frame by frame */
    assert_true(lab_busy(&lab));
    LabGilView v;
    lab_gil_view_of(lab.st, &v);
    assert_int_equal(v.window_us, 6000);
    assert_int_equal(v.reveal_us, 0);
    lab_tick(&lab);
    lab_gil_view_of(lab.st, &v);
    assert_int_equal(v.reveal_us, 100); /* a sixtieth of the window */
    int frames = 1;
    while (lab_busy(&lab))
        lab_tick(&lab), frames++;
    assert_int_equal(frames, 60);
    assert_int_equal(lab_line(&lab), 3);
    lab_finish(&lab);
    char *all = strdup(buf_str(&lab.out));
    lab_seek(&lab, 2); /* back to just after the first run */
    assert_false(lab_busy(&lab));
    assert_int_equal(lab_line(&lab), 3);
    lab_gil_view_of(lab.st, &v);
    assert_int_equal(v.nresults, 1);
    lab_finish(&lab);
    assert_string_equal(buf_str(&lab.out), all); /* the replay gives the same record */
    free(all);
    lab_close(&lab);
    diag_fini(&dl);
}

static void run_table_and_simulate_from_lua(void **state)
{
    (void)state;
    const char *src = "cores 4\nthreads 4\nrun\nsweep 1,2\nheap 256MB\nmemory 8\n";
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_gil, src, strlen(src), "t.gil", 1, &dl));
    lab_finish(&lab);
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    labs_push_run(L, &lab);
    lua_setglobal(L, "run");
    labs_open_libs(L);
    const char *chunk =
        "assert(run.model == 'gil' and run.finished and run.exit == 0)\n"
        "assert(#run.runs == 3 and run.runs[1].line == 3 and not run.runs[1].sweep)\n"
        "assert(run.runs[2].sweep and run.runs[2].threads == 1 and run.runs[3].threads == 2)\n"
        "local r = run.runs[1]\n"
        "assert(r.regime == 'gil' and r.threads == 4 and r.workload == 'cpu')\n"
        "assert(r.speedup > 0.9 and r.speedup < 1.1, 'GIL: about 1x')\n"
        "local sum = 0 for _, v in pairs(r.share) do sum = sum + v end\n"
        "assert(math.abs(sum - 1) < 1e-9 and r.share.gil_wait > 0.5)\n"
        "assert(run.memory.workers == 8 and run.memory.heap_mb == 256 and #run.memory.rows == 9)\n"
        "assert(run.memory.rows[8].shared_pct == nil)\n"
        "local f = gil.simulate{regime='free', threads=4, cores=4, seconds=0.2}\n"
        "assert(f.speedup > 3 and f.speedup < 4, 'free-threaded: under 4x')\n"
        "local t = gil.simulate{task={{'cpu', 200}, {'io', 800}}, threads=4, seconds=0.2}\n"
        "assert(t.workload == 'task' and t.share.io > 0.5)\n"
        "assert(not pcall(gil.simulate, {threads=0}))\n"
        "assert(not pcall(gil.simulate, {task={{'walk', 5}}}))\n"
        "assert(not pcall(gil.simulate, {seconds=100}))\n"
        "return true\n";
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
    lua_close(L);
    lab_close(&lab);
    diag_fini(&dl);
}

static bool canvas_has(const Canvas *cv, const char *text)
{
    Buf b = {0};
    canvas_to_text(cv, &b);
    bool found = strstr(buf_str(&b), text) != NULL;
    buf_fini(&b);
    return found;
}

static void views_draw_every_page(void **state)
{
    (void)state;
    const char *src = "threads 3\ncores 3\nwindow 15ms\nrun\nsweep 1,2\nmemory 4\n";
    Lab lab;
    DiagList dl = {0};
    assert_true(lab_open(&lab, &lab_gil, src, strlen(src), "t.gil", 1, &dl));
    const LabView *v = lab_view_find("gil");
    assert_non_null(v);
    assert_int_equal(v->npages, 3);
    Canvas *cv = canvas_new(70, 16, false);
    LabViewOptions o = {0};
    v->draw(&lab, &o, cv, (Rect){0, 0, 70, 16});
    assert_true(canvas_has(cv, "nothing has run yet"));
    lab_finish(&lab);
    canvas_clear(cv);
    v->draw(&lab, &o, cv, (Rect){0, 0, 70, 16});
    assert_true(canvas_has(cv, "GIL, 3 workers on 3 cores: 0-15.0 ms"));
    assert_true(canvas_has(cv, "w2"));
    assert_false(canvas_has(cv, "w3"));
    assert_true(canvas_has(cv, "waiting for the GIL"));
    o.page = 1;
    canvas_clear(cv);
    v->draw(&lab, &o, cv, (Rect){0, 0, 70, 16});
    assert_true(canvas_has(cv, "gil    3w/3c cpu"));
    assert_true(canvas_has(cv, "gil    2w/3c cpu"));
    o.page = 2;
    canvas_clear(cv);
    v->draw(&lab, &o, cv, (Rect){0, 0, 70, 16});
    assert_true(canvas_has(cv, "Memory: 4 workers, 1024 MiB parent heap"));
    canvas_free(cv);
    /* a tiny rectangle: nothing drawn outside it, no crash */
    cv = canvas_new(10, 3, true);
    for (o.page = 0; o.page < 3; o.page++)
        v->draw(&lab, &o, cv, (Rect){0, 0, 10, 3});
    canvas_free(cv);
    lab_close(&lab);
    diag_fini(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(errors_name_line_and_column),
        cmocka_unit_test(costly_lines_are_bounded),
        cmocka_unit_test(a_run_is_the_scheduler_run),
        cmocka_unit_test(reveal_and_step_back),
        cmocka_unit_test(run_table_and_simulate_from_lua),
        cmocka_unit_test(views_draw_every_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
