/*
 * Unit tests for the roadmap lab (lab/roadmap/lab_roadmap.c) and the arithmetic it
 * shares with the learner's roadmap (base/skill.c).  Every expected ranking
 * is worked by hand in the comment above it, from priority = gap x weight,
 * ties by weight then by the order of the `areas` line.
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
#include "base/skill.h"
#include "lab/lab.h"
#include "lab/roadmap/lab_roadmap.h"

#define AREAS "areas memory-architecture garbage-collection concurrency-gil bindings-capi " \
              "async-services ecosystem-judgement ai-era-practice\n"
#define LLM_GOAL "goal llm-api-service\n"                          \
                 "weight async-services 3 proficient\n"            \
                 "weight concurrency-gil 2 competent\n"            \
                 "weight ai-era-practice 2 proficient\n"           \
                 "weight memory-architecture 1 competent\n"        \
                 "weight garbage-collection 1 competent\n"         \
                 "weight ecosystem-judgement 1 competent\n"
#define MODEL "bkt 0.2 0.1 0.1\n"                  \
              "guess single 0.25\n"                \
              "rule advanced-beginner 0.4 1 1 0\n" \
              "rule competent 0.7 2 2 0\n"         \
              "rule proficient 0.9 2 3 0\n"        \
              "rule expert 0.95 3 3 1\n"           \
              "overall 3\n"

static bool open_plan(Lab *lab, const char *src, DiagList *dl)
{
    return lab_open(lab, &lab_roadmap, src, strlen(src), "t.plan", 1, dl);
}

/* Opens src, runs it to the end and returns the ranking now. */
static size_t run_plan(Lab *lab, const char *src, PlanRow *rows)
{
    DiagList dl = {0};
    bool ok = open_plan(lab, src, &dl);
    if (!ok)
        diag_print(&dl, stderr);
    assert_true(ok);
    diag_fini(&dl);
    lab_finish(lab);
    assert_int_equal(lab->exit_code, 0);
    return plan_ranking(lab->st, rows);
}

static void expect_row(const PlanRow *r, const char *comp, int gap, double weight,
                       double priority)
{
    assert_string_equal(r->competency, comp);
    assert_int_equal(r->gap, gap);
    assert_true(fabs(r->weight - weight) < 1e-12);
    assert_true(fabs(r->priority - priority) < 1e-12);
}

/* The registry knows the lab by name and extension. */
static void test_registered(void **state)
{
    (void)state;
    const LabClass *c = lab_class_find("roadmap");
    assert_ptr_equal(c, &lab_roadmap);
    assert_string_equal(c->ext, "plan");
}

/* A new learner: all novice, so priority = target rank x weight:
 * async 3x3 = 9, ai 3x2 = 6, gil 2x2 = 4, then memory, gc, ecosystem at
 * 2x1 = 2 each, in the order of the areas line. */
static void test_new_learner(void **state)
{
    (void)state;
    Lab lab;
    PlanRow r[PLAN_MAX_AREAS];
    size_t n = run_plan(&lab, AREAS LLM_GOAL "rank\n", r);
    assert_int_equal(n, 6);
    expect_row(&r[0], "async-services", 3, 3, 9);
    expect_row(&r[1], "ai-era-practice", 3, 2, 6);
    expect_row(&r[2], "concurrency-gil", 2, 2, 4);
    expect_row(&r[3], "memory-architecture", 2, 1, 2);
    expect_row(&r[4], "garbage-collection", 2, 1, 2);
    expect_row(&r[5], "ecosystem-judgement", 2, 1, 2);
    assert_non_null(strstr(buf_str(&lab.out), "roadmap for llm-api-service"));
    assert_non_null(strstr(buf_str(&lab.out),
                           " 1. async-services       not-assessed      -> proficient        "
                           "gap 3 x weight 3 = 9"));
    lab_close(&lab);
}

/* The worked example of ch07#ranking-what-to-learn: async AB->proficient
 * 2x3 = 6; gil novice->competent 2x2 = 4 and ai AB->proficient 2x2 = 4 tie
 * on priority and weight, so gil (earlier in the areas) comes first; gc not
 * assessed counts as novice, 2x1 = 2; ecosystem AB->competent 1x1 = 1;
 * memory at its target, 0. */
static void test_lesson_example(void **state)
{
    (void)state;
    Lab lab;
    PlanRow r[PLAN_MAX_AREAS];
    size_t n = run_plan(&lab,
                        AREAS LLM_GOAL "level async-services advanced-beginner\n"
                                       "level concurrency-gil novice\n"
                                       "level ai-era-practice advanced-beginner\n"
                                       "level ecosystem-judgement advanced-beginner\n"
                                       "level memory-architecture competent\n",
                        r);
    assert_int_equal(n, 6);
    expect_row(&r[0], "async-services", 2, 3, 6);
    expect_row(&r[1], "concurrency-gil", 2, 2, 4);
    expect_row(&r[2], "ai-era-practice", 2, 2, 4);
    expect_row(&r[3], "garbage-collection", 2, 1, 2);
    assert_int_equal(r[3].current, -1);
    expect_row(&r[4], "ecosystem-judgement", 1, 1, 1);
    expect_row(&r[5], "memory-architecture", 0, 1, 0);
    lab_close(&lab);
}

/* A higher weight beats a bigger gap (the lesson's misconception callout):
 * gap 1 x weight 3 = 3 ranks above gap 2 x weight 1 = 2. */
static void test_weight_beats_gap(void **state)
{
    (void)state;
    Lab lab;
    PlanRow r[PLAN_MAX_AREAS];
    run_plan(&lab,
             AREAS "goal g\nweight bindings-capi 3 competent\nweight memory-architecture 1 competent\n"
                   "level bindings-capi advanced-beginner\n",
             r);
    expect_row(&r[0], "bindings-capi", 1, 3, 3);
    expect_row(&r[1], "memory-architecture", 2, 1, 2);
    lab_close(&lab);
}

/* The next step is the first `step` line that fits the area at the
 * learner's stage (not assessed plans from novice). */
static void test_next_step(void **state)
{
    (void)state;
    Lab lab;
    PlanRow r[PLAN_MAX_AREAS];
    run_plan(&lab,
             AREAS "step reread-gil concurrency-gil novice\n"
                   "step threads-vs-processes concurrency-gil novice,advanced-beginner\n"
                   "step prefork-freeze garbage-collection,memory-architecture,concurrency-gil competent,proficient\n"
                   "goal g\nweight concurrency-gil 2 expert\nweight garbage-collection 1 expert\n"
                   "level garbage-collection competent\nlevel concurrency-gil advanced-beginner\nrank\n",
             r);
    /* gil AB->expert 3x2 = 6, gc competent->expert 2x1 = 2 */
    expect_row(&r[0], "concurrency-gil", 3, 2, 6);
    assert_string_equal(r[0].step, "threads-vs-processes");
    expect_row(&r[1], "garbage-collection", 2, 1, 2);
    assert_string_equal(r[1].step, "prefork-freeze");
    lab_close(&lab);
    /* nothing fits: NULL, and the output says so */
    run_plan(&lab, AREAS "goal g\nweight bindings-capi 1 competent\nrank\n", r);
    assert_null(r[0].step);
    assert_non_null(strstr(buf_str(&lab.out), "(no step given)"));
    lab_close(&lab);
}

/* Answers run BKT and the ladder.  One right single-choice answer from
 * p(L0) 0.2 (G 0.25, S 0.1, T 0.1): 0.18 / (0.18 + 0.2) = 0.473684, then
 * + 0.526316 x 0.1 = 0.526316 >= 0.4 with one item right: advanced
 * beginner.  The ranking moves: gil's gap drops from 2 to 1. */
static void test_answer_moves_ranking(void **state)
{
    (void)state;
    Lab lab;
    PlanRow r[PLAN_MAX_AREAS];
    const char *src = AREAS MODEL "goal g\nweight concurrency-gil 2 competent\n"
                                  "weight garbage-collection 1 proficient\nrank\n"
                                  "answer concurrency-gil right 2\nrank\n";
    DiagList dl = {0};
    assert_true(open_plan(&lab, src, &dl));
    assert_true(lab_run_to_line(&lab, 13)); /* before the answer */
    plan_ranking(lab.st, r);
    /* gil 2x2 = 4, gc 3x1 = 3 */
    expect_row(&r[0], "concurrency-gil", 2, 2, 4);
    expect_row(&r[1], "garbage-collection", 3, 1, 3);
    lab_finish(&lab);
    plan_ranking(lab.st, r);
    /* gil 1x2 = 2 now falls below gc 3 */
    expect_row(&r[0], "garbage-collection", 3, 1, 3);
    expect_row(&r[1], "concurrency-gil", 1, 2, 2);
    double m = 0;
    size_t gil = 2; /* third in the areas line */
    assert_true(plan_area_mastery(lab.st, gil, &m));
    assert_true(fabs(m - 0.526316) < 1e-6);
    assert_int_equal(plan_area_stage(lab.st, gil), 1);
    assert_non_null(strstr(buf_str(&lab.out),
                           "concurrency-gil: right at difficulty 2: p(L) 0.200 -> 0.526, "
                           "not-assessed -> advanced-beginner"));
    lab_close(&lab);
    diag_fini(&dl);
}

/* Competent needs p(L) 0.7 and two items right at difficulty 2: two right
 * answers give 0.526316 then 0.82 (test_assess.c's hand value), so two at
 * difficulty 2 climb two rungs, but two at difficulty 1 stop at advanced
 * beginner.  A wrong answer from 0.2: 0.02 / (0.02 + 0.6) = 0.032258, +
 * 0.967742 x 0.1 = 0.129032, below 0.4: novice. */
static void test_ladder(void **state)
{
    (void)state;
    Lab lab;
    PlanRow r[PLAN_MAX_AREAS];
    run_plan(&lab,
             AREAS MODEL "answer garbage-collection right 2\nanswer garbage-collection right 2\n"
                         "answer memory-architecture right 1\nanswer memory-architecture right 1\n"
                         "answer async-services wrong 2\nstage\n",
             r);
    assert_int_equal(plan_area_stage(lab.st, 1), 2);
    assert_int_equal(plan_area_stage(lab.st, 0), 1);
    assert_int_equal(plan_area_stage(lab.st, 4), 0);
    double m;
    assert_true(plan_area_mastery(lab.st, 4, &m));
    assert_true(fabs(m - 0.129032) < 1e-6);
    /* three assessed (2, 1, 0): the lower median is 1 */
    int overall, assessed, needed;
    assert_true(plan_overall(lab.st, &overall, &assessed, &needed));
    assert_int_equal(overall, 1);
    assert_int_equal(assessed, 3);
    assert_non_null(strstr(buf_str(&lab.out),
                           "overall: advanced-beginner (the lower median of 3 assessed areas)"));
    lab_close(&lab);
}

/* The overall rule needs `overall` areas assessed; below that, none. */
static void test_overall_needs_evidence(void **state)
{
    (void)state;
    Lab lab;
    PlanRow r[PLAN_MAX_AREAS];
    run_plan(&lab, AREAS "overall 3\nlevel bindings-capi expert\nlevel concurrency-gil competent\nstage\n", r);
    int overall, assessed, needed;
    assert_true(plan_overall(lab.st, &overall, &assessed, &needed));
    assert_int_equal(overall, -1);
    assert_int_equal(assessed, 2);
    assert_non_null(strstr(buf_str(&lab.out), "overall: not enough evidence (2 of 3 areas assessed)"));
    lab_close(&lab);
}

/* The shared arithmetic itself: the lower median, gap floors, the order. */
static void test_skill_arithmetic(void **state)
{
    (void)state;
    int s[] = {4, -1, 0, 3, 1, 2}; /* assessed 0 1 2 3 4: median 2 */
    assert_int_equal(skill_overall(3, s, 6), 2);
    int t[] = {3, 1, -1, 0}; /* 0 1 3: lower median 1 */
    assert_int_equal(skill_overall(3, t, 4), 1);
    assert_int_equal(skill_overall(4, t, 4), -1);
    int u[] = {3, 1}; /* even count: the lower of the two */
    assert_int_equal(skill_overall(1, u, 2), 1);
    assert_int_equal(skill_gap(-1, 2), 2);
    assert_int_equal(skill_gap(3, 2), 0);
    assert_true(skill_rank_cmp(4, 2, 5, 4, 1, 0) < 0); /* weight breaks the tie */
    assert_true(skill_rank_cmp(4, 2, 5, 4, 2, 0) > 0); /* then content order */
    assert_true(skill_rank_cmp(1, 9, 0, 2, 1, 9) > 0);
    bool st[SKILL_NSTAGES] = {true, false, true, false, false};
    int comps[] = {3, 1};
    assert_true(skill_step_fits(comps, 2, st, 1, 2));
    assert_false(skill_step_fits(comps, 2, st, 1, 1));
    assert_false(skill_step_fits(comps, 2, st, 0, 0));
}

/* Stepping stops at directive lines only, and the Lab runner replays. */
static void test_lines_and_seek(void **state)
{
    (void)state;
    Lab lab;
    DiagList dl = {0};
    const char *src = "# a plan\n\n" AREAS "goal g   # trailing comment\n\nweight bindings-capi 2 competent\nrank\n";
    assert_true(open_plan(&lab, src, &dl));
    assert_int_equal(lab_line(&lab), 3);
    lab_step(&lab);
    assert_int_equal(lab_line(&lab), 4);
    lab_step(&lab);
    assert_int_equal(lab_line(&lab), 6);
    lab_finish(&lab);
    assert_true(lab.finished);
    assert_int_equal(lab_line(&lab), 0);
    lab_seek(&lab, 2);
    assert_int_equal(lab_line(&lab), 6);
    assert_string_equal(plan_goal(lab.st), "g");
    lab_close(&lab);
    diag_fini(&dl);
}

/* Bad input: every problem, each as file:line:col with what was expected. */
static void expect_error(const char *src, const char *want)
{
    Lab lab;
    DiagList dl = {0};
    assert_false(open_plan(&lab, src, &dl));
    assert_true(dl.len >= 1);
    char *got = diag_format(&dl.items[0]);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "want: %s\ngot:  %s\n", want, got);
    assert_string_equal(got, want);
    free(got);
    diag_fini(&dl);
    lab_close(&lab);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("goal g\n", "t.plan:1:1: error: expected `areas` first: the competency ids in "
                             "the course's order");
    expect_error(AREAS "weight bindings-capi 2 competent\n",
                 "t.plan:2:1: error: expected a `goal ID` line before this line");
    expect_error(AREAS "goal g\nweight bindings 2 competent\n",
                 "t.plan:3:8: error: expected a competency of the `areas` line, not 'bindings'");
    expect_error(AREAS "goal g\nweight bindings-capi 20 competent\n",
                 "t.plan:3:22: error: expected a weight, a number from 0.1 to 10");
    expect_error(AREAS "goal g\nweight bindings-capi 2 guru\n",
                 "t.plan:3:24: error: expected a stage: novice, advanced-beginner, competent, "
                 "proficient or expert");
    expect_error(AREAS "rank\n", "t.plan:2:1: error: expected a `goal` with `weight AREA W "
                                 "TARGET` lines before this line");
    expect_error(AREAS "answer concurrency-gil right 2\n",
                 "t.plan:2:1: error: expected a `bkt P_INIT P_LEARN P_SLIP` line before this line");
    expect_error(AREAS "level concurrency-gil competent\n" MODEL "answer concurrency-gil right 2\n",
                 "t.plan:10:8: error: expected an area placed by answers: `level` set this one on "
                 "line 2");
    expect_error(AREAS "rank extra\n", "t.plan:2:6: error: expected `rank`, and nothing more on the line");
    expect_error(AREAS "frobnicate\n", "t.plan:2:1: error: expected a directive (areas, goal, "
                                       "weight, step, level, bkt, guess, rule, overall, answer, "
                                       "rank or stage)");
    expect_error(AREAS "goal g\nweight bindings-capi 1e400 expert\n",
                 "t.plan:3:22: error: expected a weight, a number from 0.1 to 10");
    /* all problems at once */
    Lab lab;
    DiagList dl = {0};
    assert_false(open_plan(&lab, AREAS "goal G!\nlevel x novice\nstage\n", &dl));
    assert_int_equal(dl.len, 3);
    diag_fini(&dl);
    lab_close(&lab);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registered),
        cmocka_unit_test(test_new_learner),
        cmocka_unit_test(test_lesson_example),
        cmocka_unit_test(test_weight_beats_gap),
        cmocka_unit_test(test_next_step),
        cmocka_unit_test(test_answer_moves_ranking),
        cmocka_unit_test(test_ladder),
        cmocka_unit_test(test_overall_needs_evidence),
        cmocka_unit_test(test_skill_arithmetic),
        cmocka_unit_test(test_lines_and_seek),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
