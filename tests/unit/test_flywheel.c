/*
 * Unit tests for lab/flywheel/flywheel (the equations, worked by hand) and
 * lab/flywheel/lab_flywheel (reading a program, its errors, running it line by line).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "lab/flywheel/flywheel.h"
#include "lab/lab.h"
#include "lab/flywheel/lab_flywheel.h"

#define NEAR(x, want) assert_true(fabs((x) - (want)) < 1e-9)

static void first_steps_by_hand(void **state)
{
    (void)state;
    FlyParams p = flywheel_defaults();
    FlyState s = {0.2, 0, 0};
    /* Step 1: L = 0 + 0.5*0.2 - 0 = 0.1; T = 0 + 0.5*0 - 0 = 0;
     *         U = 0.2 + 0.1*(0+0)*... - 0.05*0.2 = 0.19 (the lesson's own worked step). */
    assert_false(flywheel_step(&p, &s));
    NEAR(s.libraries, 0.1);
    NEAR(s.tools, 0.0);
    NEAR(s.users, 0.19);
    /* Step 2: L = 0.1 + 0.5*0.19 - 0.1*0.1 = 0.185; T = 0 + 0.5*0.1 - 0 = 0.05;
     *         U = 0.19 + 0.1*(0.1+0)*0.19*0.81 - 0.05*0.19 = 0.182039. */
    flywheel_step(&p, &s);
    NEAR(s.libraries, 0.185);
    NEAR(s.tools, 0.05);
    NEAR(s.users, 0.182039);
}

static void changed_parameters_by_hand(void **state)
{
    (void)state;
    FlyParams p = flywheel_defaults();
    *flywheel_param(&p, "g") = 0.2;
    *flywheel_param(&p, "c") = 0;
    assert_null(flywheel_param(&p, "z"));
    FlyState s = {0.5, 1, 1};
    /* L = 1 + 0.25 - 0.1 = 1.15; T = 1 + 0.5 - 0.1 = 1.4;
     * U = 0.5 + 0.2*2*0.5*0.5 - 0 = 0.6. */
    flywheel_step(&p, &s);
    NEAR(s.libraries, 1.15);
    NEAR(s.tools, 1.4);
    NEAR(s.users, 0.6);
}

static void users_stay_a_share(void **state)
{
    (void)state;
    FlyParams p = {.a = 0, .b = 0, .d = 0, .g = 10, .c = 0};
    FlyState s = {0.5, 10, 10}; /* U' would be 0.5 + 10*20*0.25 = 50.5 */
    assert_true(flywheel_step(&p, &s));
    NEAR(s.users, 1.0);
}

static void the_lessons_three_shapes(void **state)
{
    (void)state;
    /* The figures lessons/06-ai-ecosystem.yaml gives for its Python version
     * of the model: from 0.2 users passes 0.9 at step 24; from 0.02 never
     * (within 60); from 0.02 with a library index of 1 at step 28. */
    FlyParams p = flywheel_defaults();
    assert_int_equal(flywheel_steps_to(&p, (FlyState){0.2, 0, 0}, 0.9, 60), 24);
    assert_int_equal(flywheel_steps_to(&p, (FlyState){0.02, 0, 0}, 0.9, 60), 0);
    assert_int_equal(flywheel_steps_to(&p, (FlyState){0.02, 1, 0}, 0.9, 60), 28);
}

/* ---- the lab ---------------------------------------------------------------- */

static bool open_lab(Lab *lab, const char *src, DiagList *dl)
{
    return lab_open(lab, &lab_flywheel, src, strlen(src), "t.fly", 1, dl);
}

static char *first_diag(const char *src)
{
    Lab lab;
    DiagList dl = {0};
    bool ok = open_lab(&lab, src, &dl);
    assert_false(ok);
    assert_true(dl.len > 0);
    char *s = diag_format(&dl.items[0]);
    lab_close(&lab);
    diag_fini(&dl);
    return s;
}

static void expect_diag(const char *src, const char *want)
{
    char *s = first_diag(src);
    if (!strstr(s, want))
        fail_msg("program '%s': wanted '%s', got '%s'", src, want, s);
    free(s);
}

static void refuses_bad_programs_with_positions(void **state)
{
    (void)state;
    expect_diag("set x=1\n", "t.fly:1:5: error: expected NAME=VALUE with NAME one of a b d g c");
    expect_diag("set g=11\n", "t.fly:1:7: error: expected a number from 0 to 10 for 'g'");
    expect_diag("# c\n\nusers 2\n", "t.fly:3:7: error: expected one number from 0 to 1 after 'users'");
    expect_diag("run 0\n", "t.fly:1:5: error: expected a whole number of steps from 1 to 1000");
    expect_diag("run 2.5 years\n", "t.fly:1:5: error: expected a whole number");
    expect_diag("run 3 decades\n", "t.fly:1:7: error: expected 'steps' or 'years'");
    expect_diag("shock libraries 50\n", "t.fly:1:17: error: expected a change in percent");
    expect_diag("shock money -5%\n", "t.fly:1:7: error: expected users, libraries or tools");
    expect_diag("data x \"a b\n", "t.fly:1:11: error: expected a closing '\"'");
    expect_diag("data so \"a\" many\n", "t.fly:1:13: error: expected the figure as a number");
    expect_diag("spin 3\n", "t.fly:1:1: error: expected a directive");
    expect_diag("run 1000\nrun 1000\nrun 1000\nrun 1000\nrun 1000\nrun 1000\nrun 1000\n"
                "run 1000\nrun 1000\nrun 1000\nrun 1\n",
                "t.fly:11:5: error: the program runs more than 10000 steps");
}

static void runs_a_program_line_by_line(void **state)
{
    (void)state;
    Lab lab;
    DiagList dl = {0};
    const char *src = "# two steps, then a shock\n"
                      "set c=0.05\n"
                      "\n"
                      "run 2 years\n"
                      "shock libraries -50%\n"
                      "data so2025-languages \"Python, 2025\" 57.9\n"
                      "run 1\n";
    assert_true(open_lab(&lab, src, &dl));
    assert_int_equal(lab_line(&lab), 2); /* the comment is not a stopping point */
    lab_step(&lab);
    assert_int_equal(lab_line(&lab), 4);
    lab_step(&lab); /* run 2: computed at once, shown frame by frame */
    size_t n;
    const FlyState *s = fly_lab_series(&lab, &n);
    assert_int_equal(n, 3);
    assert_true(lab_busy(&lab));
    assert_int_equal(fly_lab_shown(&lab), 1);
    lab_tick(&lab);
    assert_int_equal(fly_lab_shown(&lab), 2);
    assert_true(lab_run_to_line(&lab, 6));
    s = fly_lab_series(&lab, &n);
    NEAR(s[2].libraries, 0.185 / 2); /* the shock halved step 2's libraries */
    NEAR(s[2].users, 0.182039);
    lab_finish(&lab);
    s = fly_lab_series(&lab, &n);
    assert_int_equal(n, 4);
    /* Step 3 from (0.182039, 0.0925, 0.05): L = 0.0925 + 0.0910195 - 0.00925. */
    NEAR(s[3].libraries, 0.0925 + 0.5 * 0.182039 - 0.00925);
    size_t nd;
    const FlyDatum *d = fly_lab_data(&lab, &nd);
    assert_int_equal(nd, 1);
    assert_string_equal(d[0].label, "Python, 2025");
    NEAR(d[0].value, 57.9);
    size_t nm;
    const FlyMark *m = fly_lab_marks(&lab, &nm);
    assert_int_equal(nm, 1);
    assert_int_equal(m[0].t, 2);
    const char *out = buf_str(&lab.out);
    assert_non_null(strstr(out, "    2   0.182      0.185      0.050\n"));
    assert_non_null(strstr(out, "shock: libraries -50% at step 2: 0.1850 -> 0.0925\n"));
    assert_true(lab.finished);
    assert_int_equal(lab.exit_code, 0);
    lab_close(&lab);
}

static void long_runs_print_about_ten_rows(void **state)
{
    (void)state;
    Lab lab;
    DiagList dl = {0};
    assert_true(open_lab(&lab, "run 30\n", &dl));
    lab_finish(&lab);
    const char *out = buf_str(&lab.out);
    int rows = 0;
    for (const char *p = out; (p = strchr(p, '\n')); p++)
        rows++;
    assert_int_equal(rows, 1 + 1 + 10); /* header, step 0, every 3rd step */
    assert_non_null(strstr(out, "\n   30 "));
    lab_close(&lab);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_steps_by_hand),
        cmocka_unit_test(changed_parameters_by_hand),
        cmocka_unit_test(users_stay_a_share),
        cmocka_unit_test(the_lessons_three_shapes),
        cmocka_unit_test(refuses_bad_programs_with_positions),
        cmocka_unit_test(runs_a_program_line_by_line),
        cmocka_unit_test(long_runs_print_about_ten_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
