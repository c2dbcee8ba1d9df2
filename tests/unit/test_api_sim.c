/*
 * Unit tests for the simulation bindings (app/script/api_sim), the exercise
 * engine (app/script/exrun) and the per-exercise state (app/learner/exstate).
 * Each binding is read against a small program whose heap is known: the
 * figures are CPython 3.11.7's (python3 -S -s), as the model reproduces them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "learner/assess_log.h"
#include "learner/exstate.h"
#include "script/api_sim.h"
#include "script/exrun.h"
#include "script/sandbox.h"
#include "script/sandbox_lua.h"

/* A sandbox with `run` bound to `program` run to its end (or to `line`). */
typedef struct Fixture {
    Sandbox *sb;
    SimRun run;
} Fixture;

static void fx_open(Fixture *f, const char *program, int line)
{
    SandboxResult res = {0};
    f->sb = sandbox_new(NULL, &res);
    assert_non_null(f->sb);
    assert_true(api_sim_register(f->sb, &res));
    Buf err = {0};
    assert_true(simrun_start(&f->run, program, strlen(program), "<test>", NULL, &err));
    buf_fini(&err);
    if (line)
        assert_true(simrun_run_to_line(&f->run, line));
    else
        simrun_finish(&f->run);
    assert_true(api_sim_bind(f->sb, &f->run, &res));
    sandbox_result_fini(&res);
}

static void fx_close(Fixture *f)
{
    sandbox_free(f->sb);
    simrun_fini(&f->run);
}

/* Runs a Lua chunk; returns its first value as text (caller frees) or NULL
 * and the error in *msg. */
static char *lua(Fixture *f, const char *chunk, char **msg)
{
    SandboxResult res = {0};
    char *v = NULL;
    if (sandbox_run_string(f->sb, chunk, strlen(chunk), "=test", &res)) {
        v = res.value ? strdup(res.value) : strdup("(nil)");
    } else if (msg) {
        *msg = strdup(res.message ? res.message : "?");
    }
    sandbox_result_fini(&res);
    return v;
}

static void expect_lua(Fixture *f, const char *chunk, const char *want)
{
    char *msg = NULL;
    char *got = lua(f, chunk, &msg);
    if (!got)
        fail_msg("%s: error %s", chunk, msg ? msg : "?");
    if (strcmp(got, want) != 0)
        fail_msg("%s: got %s, wanted %s", chunk, got, want);
    free(got);
    free(msg);
}

static void expect_error(Fixture *f, const char *chunk, const char *part)
{
    char *msg = NULL;
    char *got = lua(f, chunk, &msg);
    if (got)
        fail_msg("%s should fail, gave %s", chunk, got);
    if (!msg || !strstr(msg, part))
        fail_msg("%s: error '%s' lacks '%s'", chunk, msg ? msg : "", part);
    free(msg);
}

static const char *const CYCLE = "class Node:\n"
                                 "    pass\n"
                                 "\n"
                                 "a = Node()\n"
                                 "b = Node()\n"
                                 "a.other = b\n"
                                 "b.other = a\n"
                                 "keep = Node()\n"
                                 "del a, b\n"
                                 "print('end')\n";

static void refcount_tracked_global(void **state)
{
    (void)state;
    Fixture f;
    fx_open(&f, "a = []\nb = a\nn = 5\ns = 'hi'\nt = (1, 2)\n", 0);
    expect_lua(&f, "return run.refcount('a')", "2");
    expect_lua(&f, "return run:refcount('b')", "2"); /* colon calls work too */
    expect_lua(&f, "return run.tracked('a')", "true");
    expect_lua(&f, "return run.tracked('n')", "false");
    expect_lua(&f, "return run.global('a')", "true");
    expect_lua(&f, "return run.global('zz')", "false");
    expect_lua(&f, "return run.type('t')", "tuple");
    expect_lua(&f, "return run.value('n')", "5");
    expect_lua(&f, "return run.value('s')", "hi");
    expect_lua(&f, "return run.len('t')", "2");
    expect_lua(&f, "return run.exit", "0");
    expect_lua(&f, "return run.finished", "true");
    expect_lua(&f, "return run.python", "3.11");
    fx_close(&f);
}

static void cycles_and_collect(void **state)
{
    (void)state;
    Fixture f;
    fx_open(&f, CYCLE, 0);
    expect_lua(&f, "return run.has_cycle()", "true");
    expect_lua(&f, "local n, k = run.cycles(); return n .. ' ' .. k.Node", "2 2");
    expect_lua(&f, "return run.live('Node')", "3");
    assert_int_equal(simrun_cyclic_garbage(&f.run), 2);
    expect_lua(&f, "return run.collect()", "2"); /* what gc.collect() returns in 3.11 */
    expect_lua(&f, "return run.has_cycle()", "false");
    expect_lua(&f, "return run.live('Node')", "1");
    expect_lua(&f, "local a, b, c = run.collections(); return c", "1");
    expect_lua(&f, "return run.stdout[1] .. #run.stdout", "end1");
    fx_close(&f);
}

/* Issue 20: a binding that walks the heap is one uninterruptible C call the
 * count hook never sees.  Its work is charged to the instruction budget
 * (one instruction per SANDBOX_WORK_PER_INSTRUCTION objects), so a check
 * that loops over run.collect() stops after a bounded number of passes,
 * whatever the clock says (the deadline here is ten minutes). */
static void costly_bindings_count_against_the_budget(void **state)
{
    (void)state;
    SandboxLimits lim = {.instructions = 200000, .wall_ms = 600000};
    SandboxResult res = {0};
    Sandbox *sb = sandbox_new(&lim, &res);
    assert_non_null(sb);
    assert_true(api_sim_register(sb, &res));
    SimRun run;
    Buf err = {0};
    const char *prog = "keep = [[] for i in range(3000)]\n";
    assert_true(simrun_start(&run, prog, strlen(prog), "<test>", NULL, &err));
    simrun_finish(&run);
    assert_true(api_sim_bind(sb, &run, &res));
    size_t heap = simrun_heap_size(&run);
    assert_true(heap > 3000);
    const char *loop = "while true do run.collect() end";
    assert_false(sandbox_run_string(sb, loop, strlen(loop), "=loop", &res));
    assert_int_equal(res.outcome, SANDBOX_INSTRUCTIONS);
    uint64_t passes = run.sim->gc.collections[2];
    uint64_t bound = (uint64_t)lim.instructions * SANDBOX_WORK_PER_INSTRUCTION / heap + 1;
    if (passes > bound)
        fail_msg("%llu full collections of a %zu-object heap; at most %llu fit the budget",
                 (unsigned long long)passes, heap, (unsigned long long)bound);
    /* the same for run.live, one pass each, and run.peak_live, which runs the
     * program again and counts at every statement */
    const char *live = "while true do run.live('list') end";
    assert_false(sandbox_run_string(sb, live, strlen(live), "=live", &res));
    assert_int_equal(res.outcome, SANDBOX_INSTRUCTIONS);
    const char *peak = "while true do run.peak_live('list') end";
    assert_false(sandbox_run_string(sb, peak, strlen(peak), "=peak", &res));
    assert_int_equal(res.outcome, SANDBOX_INSTRUCTIONS);
    /* the cyclic garbage is computed once per state of the heap: asking in a
     * loop is cheap, and run.collect() makes it ask again */
    const char *ask = "for i = 1, 20000 do assert(run.has_cycle() == false) end\n"
                      "local n = run.cycles() return n";
    assert_true(sandbox_run_string(sb, ask, strlen(ask), "=ask", &res));
    assert_string_equal(res.value, "0");
    sandbox_result_fini(&res);
    buf_fini(&err);
    sandbox_free(sb);
    simrun_fini(&run);
}

/* The remembered answer is forgotten when the heap changes, within one call. */
static void cached_garbage_follows_the_heap(void **state)
{
    (void)state;
    Fixture f;
    fx_open(&f, CYCLE, 0);
    expect_lua(&f, "local a, n = run.has_cycle(), run.cycles() run.collect()\n"
                   "local b, m = run.has_cycle(), run.cycles()\n"
                   "return tostring(a) .. n .. tostring(b) .. m", "true2false0");
    fx_close(&f);
}

static void no_cycle_without_garbage(void **state)
{
    (void)state;
    Fixture f;
    /* a cycle still reachable from a global is not garbage */
    fx_open(&f, "x = []\nx.append(x)\ny = [1, 2]\n", 0);
    expect_lua(&f, "return run.has_cycle()", "false");
    expect_lua(&f, "return (run.cycles())", "0");
    expect_lua(&f, "return run.collect()", "0");
    fx_close(&f);
}

static void arenas(void **state)
{
    (void)state;
    Fixture f;
    fx_open(&f,
            "data = [bytes(50) for i in range(100000)]\n"
            "survivors = data[::100]\n"
            "del data\n"
            "survivors = None\n",
            0);
    /* 3.11.7 (python3 and python3 -S -s alike): +10 arenas to build, none back at
     * del, 9 back at the end */
    expect_lua(&f, "return run.arenas_at(2) - run.arenas_at_start()", "10");
    expect_lua(&f, "return run.arenas_at(4) - run.arenas_at(3)", "0");
    expect_lua(&f, "return run.arenas_at(4) - run.arenas()", "9");
    expect_lua(&f, "return run.arenas_at(1) == run.arenas_at_start()", "true");
    expect_lua(&f, "return run.arenas_at(99)", "(nil)");
    expect_lua(&f, "local a, b, c = run.gc_count(); return math.type(a) .. math.type(c)",
               "integerinteger");
    fx_close(&f);
}

static void paused_run(void **state)
{
    (void)state;
    Fixture f;
    fx_open(&f, "a = []\nprint('one')\nb = a\nprint('two')\n", 3);
    expect_lua(&f, "return run.line", "3");
    expect_lua(&f, "return run.finished", "false");
    expect_lua(&f, "return run.exit", "(nil)");
    expect_lua(&f, "return run.refcount('a')", "1");
    expect_lua(&f, "return #run.stdout", "1");
    fx_close(&f);
}

static void program_errors(void **state)
{
    (void)state;
    Fixture f;
    fx_open(&f, "print('before')\nprint(y)\n", 0);
    expect_lua(&f, "return run.exit", "1");
    expect_lua(&f, "return run.error", "NameError: name 'y' is not defined");
    expect_lua(&f, "return run.stdout[1]", "before");
    fx_close(&f);
}

static void bad_arguments(void **state)
{
    (void)state;
    Fixture f;
    fx_open(&f, "a = []\n", 0);
    expect_error(&f, "return run.refcount(5)", "run.refcount: expected a name (a string)");
    expect_error(&f, "return run.refcount('nope')", "no global named 'nope'");
    expect_error(&f, "return run.live()", "run.live: expected a name");
    expect_error(&f, "return run.arenas_at('x')", "number expected");
    expect_error(&f, "return run.value('a')", "has no Lua value");
    /* an error inside pcall leaves the bindings usable */
    expect_lua(&f, "local ok = pcall(run.refcount, {}); return ok", "false");
    expect_lua(&f, "return run.refcount('a')", "1");
    SandboxResult res = {0};
    assert_true(api_sim_bind(f.sb, NULL, &res));
    sandbox_result_fini(&res);
    expect_error(&f, "return run.arenas()", "no program has run yet");
    expect_lua(&f, "return run.stdout", "(nil)");
    fx_close(&f);
}

/* ---- the engine ----------------------------------------------------------- */

static void answers(void **state)
{
    (void)state;
    char a_[] = "a", b_[] = "b", c_[] = "c";
    char *choices[] = {a_, b_, c_};
    int one[] = {2}, multi[] = {1, 3}, order[] = {3, 1, 2};
    ExerciseStep choice = {.type = STEP_CHOICE, .choices = choices, .nchoices = 3,
                           .answer = one, .nanswer = 1};
    ExerciseStep many = {.type = STEP_MULTI, .choices = choices, .nchoices = 3,
                         .answer = multi, .nanswer = 2};
    ExerciseStep ord = {.type = STEP_ORDER, .choices = choices, .nchoices = 3,
                        .answer = order, .nanswer = 3};
    ExerciseStep num = {.type = STEP_NUMBER, .number = 8};
    ExAnswer a;
    Buf err = {0};
    assert_true(exrun_parse_answer(&choice, " 2 ", &a, &err));
    assert_int_equal(exrun_judge(&choice, &a, NULL), EX_RIGHT);
    assert_false(exrun_parse_answer(&choice, "1 2", &a, &err));
    assert_false(exrun_parse_answer(&choice, "4", &a, &err));
    assert_string_equal(buf_str(&err), "4 is not a choice (1 to 3)");
    assert_true(exrun_parse_answer(&many, "3,1", &a, &err));
    assert_int_equal(exrun_judge(&many, &a, NULL), EX_RIGHT);
    assert_true(exrun_parse_answer(&many, "1", &a, &err));
    assert_int_equal(exrun_judge(&many, &a, NULL), EX_PARTIAL);
    assert_true(exrun_parse_answer(&many, "1 2", &a, &err));
    assert_int_equal(exrun_judge(&many, &a, NULL), EX_WRONG);
    assert_false(exrun_parse_answer(&many, "1 1", &a, &err));
    assert_false(exrun_parse_answer(&ord, "3 1", &a, &err));
    size_t in_place;
    assert_true(exrun_parse_answer(&ord, "3 2 1", &a, &err));
    assert_int_equal(exrun_judge(&ord, &a, &in_place), EX_PARTIAL);
    assert_int_equal(in_place, 1);
    assert_true(exrun_parse_answer(&num, "8.0", &a, &err));
    assert_int_equal(exrun_judge(&num, &a, NULL), EX_RIGHT);
    assert_false(exrun_parse_answer(&num, "eight", &a, &err));
    exrun_answer_text(&many, &err);
    assert_string_equal(buf_str(&err), "1, 3 (a; c)");
    exrun_answer_text(&num, &err);
    assert_string_equal(buf_str(&err), "8");
    buf_fini(&err);
}

static void shipped_exercises_verify(void **state)
{
    (void)state;
    ExEntry *idx;
    size_t n = exrun_index(".", &idx);
    /* the index finds every exercises/chNN/ID.lua: count them another way */
    size_t files = 0;
    for (int ch = 1; ch <= 7; ch++) {
        char dir[64];
        snprintf(dir, sizeof dir, "exercises/ch%02d", ch);
        DIR *d = opendir(dir);
        for (struct dirent *e; d && (e = readdir(d));)
            files += strlen(e->d_name) > 4 && strcmp(e->d_name + strlen(e->d_name) - 4, ".lua") == 0;
        if (d)
            closedir(d);
    }
    assert_true(files >= 10);
    assert_int_equal(n, files);
    assert_string_equal(idx[0].id, "arena-playground");
    assert_int_equal(idx[0].chapter, 1);
    for (size_t i = 0; i < n; i++) {
        ExHandle h;
        DiagList dl = {0};
        bool ok = exrun_load(&h, idx[i].path, &dl) && exrun_verify(&h, &dl);
        if (!ok) {
            char *d = dl.len ? diag_format(&dl.items[0]) : NULL;
            fail_msg("%s: %s", idx[i].path, d ? d : "?");
        }
        diag_fini(&dl);
        exrun_fini(&h);
    }
    exrun_index_free(idx, n);
}

static void drifted_answer_is_reported(void **state)
{
    (void)state;
    ExHandle h;
    DiagList dl = {0};
    assert_true(exrun_load(&h, "tests/fixtures/lua/exercises/verify/ch01/drifted-answer.lua", &dl));
    assert_false(exrun_verify(&h, &dl));
    assert_int_equal(dl.len, 1);
    assert_int_equal(dl.items[0].line, 23);
    assert_non_null(strstr(dl.items[0].msg, "stated answer is 3 but the model gives 2"));
    diag_fini(&dl);
    exrun_fini(&h);
}

static void fix_check(void **state)
{
    (void)state;
    ExHandle h;
    DiagList dl = {0};
    assert_true(exrun_load(&h, "exercises/ch02/break-the-cycle.lua", &dl));
    ExCheck c;
    assert_true(exrun_check(&h, h.ex.starter, strlen(h.ex.starter), "starter.py", &c));
    assert_false(c.passed);
    assert_non_null(strstr(c.message, "5 objects in a cycle (1 Parent, 1 list, 3 Child)"));
    excheck_fini(&c);
    assert_true(exrun_check(&h, h.ex.solution, strlen(h.ex.solution), "solution.py", &c));
    assert_true(c.passed);
    assert_non_null(strstr(buf_str(&c.output), "closing report\ndeleted\n"));
    excheck_fini(&c);
    const char *broken = "print(y)\n";
    assert_true(exrun_check(&h, broken, strlen(broken), "broken.py", &c));
    assert_false(c.passed);
    assert_int_equal(c.exit_code, 1);
    assert_string_equal(c.error_line, "NameError: name 'y' is not defined");
    excheck_fini(&c);
    diag_fini(&dl);
    exrun_fini(&h);
}

/* ---- per-exercise state ------------------------------------------------------ */

static void state_round_trip(void **state)
{
    (void)state;
    ExState st = {0}, back;
    assert_int_equal(exstate_next_hint(&st, 3, 100), 1);
    exstate_attempt(&st, 110);
    exstate_next_hint(&st, 3, 120);
    exstate_solve(&st, 160);
    assert_int_equal(st.seconds, 60);
    assert_true(exstate_solution_open(&st));
    Buf text = {0}, err = {0};
    exstate_serialize(&st, &text);
    assert_true(exstate_parse(buf_str(&text), text.len, &back, &err));
    assert_true(back.started == 100 && back.last == 160 && back.solved == 160);
    assert_true(back.attempts == 1 && back.hints == 2 && back.seconds == 60);
    assert_true(back.gave_up == 0 && !back.recorded);
    assert_false(exstate_parse("hints 7\n", 8, &back, &err));
    assert_false(exstate_parse("schema 9\n", 9, &back, &err));
    assert_true(exstate_parse("future 1\nhints 1\n", 17, &back, &err)); /* unknown keys */
    assert_int_equal(back.hints, 1);
    buf_fini(&text);
    buf_fini(&err);
    assert_int_equal(exstate_level(1), 1);
    assert_int_equal(exstate_level(3), 2);
    assert_int_equal(exstate_level(5), 3);
}

static void evidence_once(void **state)
{
    (void)state;
    AssessLog log;
    assess_log_init(&log, "t");
    const char *comps[] = {"garbage-collection"};
    ExState st = {0};
    exstate_next_hint(&st, 3, 10);
    assert_false(exstate_record(&st, &log, "x", 20, 3, comps, 1)); /* no outcome yet */
    exstate_solve(&st, 30);
    assert_true(exstate_record(&st, &log, "x", 30, 3, comps, 1));
    assert_false(exstate_record(&st, &log, "x", 40, 3, comps, 1));
    assert_int_equal(log.nexercises, 1);
    assert_true(log.exercises[0].solved);
    assert_int_equal(log.exercises[0].hints, 1);
    assert_int_equal(log.exercises[0].difficulty, 2);
    ExState quit = {0};
    exstate_give_up(&quit, 50);
    assert_true(exstate_record(&quit, &log, "y", 50, 1, comps, 1));
    assert_false(log.exercises[1].solved);
    assess_log_fini(&log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(refcount_tracked_global),
        cmocka_unit_test(cycles_and_collect),
        cmocka_unit_test(costly_bindings_count_against_the_budget),
        cmocka_unit_test(cached_garbage_follows_the_heap),
        cmocka_unit_test(no_cycle_without_garbage),
        cmocka_unit_test(arenas),
        cmocka_unit_test(paused_run),
        cmocka_unit_test(program_errors),
        cmocka_unit_test(bad_arguments),
        cmocka_unit_test(answers),
        cmocka_unit_test(shipped_exercises_verify),
        cmocka_unit_test(drifted_answer_is_reported),
        cmocka_unit_test(fix_check),
        cmocka_unit_test(state_round_trip),
        cmocka_unit_test(evidence_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
