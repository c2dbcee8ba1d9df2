/*
 * Unit tests for the assessment engine in app/learner: scoring of every item
 * kind, BKT updates against values worked by hand from Corbett & Anderson's
 * equations, the stage rules on constructed histories, SM-2 intervals, quiz
 * sessions and the roadmap ranking.  Files: test_assess_files.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/fsutil.h"
#include "learner/assess.h"
#include "learner/assess_log.h"
#include "learner/assess_store.h"
#include "learner/mastery.h"
#include "learner/quiz.h"
#include "learner/review.h"
#include "learner/roadmap.h"

#define NOW 1800000000LL
#define DAY 86400LL

#include "shipped_assessments.h"

static const Item *item(const char *id)
{
    const Item *it = assess_item(&shipped, id);
    assert_non_null(it);
    return it;
}

/* ---- scoring ------------------------------------------------------------ */

static AnswerResult score_line(const Item *it, const char *line, Score *s)
{
    Response r;
    Buf err = {0};
    bool ok = quiz_parse_response(it, line, &r, &err);
    buf_fini(&err);
    assert_true(ok);
    quiz_score(it, &r, NULL, s);
    return s->result;
}

static void test_score_single_and_numeric(void **state)
{
    (void)state;
    Score s;
    assert_int_equal(score_line(item("ch01-small-threshold"), "1", &s), RESULT_CORRECT);
    assert_int_equal(score_line(item("ch01-small-threshold"), "2", &s), RESULT_WRONG);
    assert_int_equal(score_line(item("ch01-size-class"), " 48 ", &s), RESULT_CORRECT);
    assert_int_equal(score_line(item("ch01-size-class"), "47.5", &s), RESULT_WRONG);
    /* tolerance: 57.9 +- 0.1 */
    assert_int_equal(score_line(item("ch06-python-share"), "58", &s), RESULT_CORRECT);
    assert_int_equal(score_line(item("ch06-python-share"), "58.1", &s), RESULT_WRONG);
    Response r;
    Buf err = {0};
    assert_false(quiz_parse_response(item("ch01-small-threshold"), "1 2", &r, &err));
    assert_false(quiz_parse_response(item("ch01-small-threshold"), "9", &r, &err));
    assert_false(quiz_parse_response(item("ch01-size-class"), "forty", &r, &err));
    assert_true(err.len > 0);
    buf_fini(&err);
}

static void test_score_multiple_exact_set(void **state)
{
    (void)state;
    Score s;
    const Item *it = item("ch01-not-pymalloc"); /* right: 1 and 2 */
    assert_int_equal(score_line(it, "2, 1", &s), RESULT_CORRECT);
    assert_int_equal(score_line(it, "1", &s), RESULT_WRONG);       /* a subset */
    assert_int_equal(score_line(it, "1 2 3", &s), RESULT_WRONG);   /* a superset */
    Response r;
    Buf err = {0};
    assert_false(quiz_parse_response(it, "1 1", &r, &err)); /* repeated */
    buf_fini(&err);
}

static void test_score_ordering_partial(void **state)
{
    (void)state;
    Score s;
    const Item *it = item("ch02-collection-steps"); /* right: 2 4 1 3 */
    assert_int_equal(score_line(it, "2 4 1 3", &s), RESULT_CORRECT);
    assert_int_equal(s.in_place, 4);
    assert_int_equal(score_line(it, "2 4 3 1", &s), RESULT_PARTIAL);
    assert_int_equal(s.in_place, 2);
    assert_int_equal(s.total, 4);
    assert_int_equal(score_line(it, "1 2 3 4", &s), RESULT_WRONG);
    assert_int_equal(s.in_place, 0);
    Response r;
    Buf err = {0};
    assert_false(quiz_parse_response(it, "2 4 1", &r, &err)); /* must give all */
    buf_fini(&err);
}

static void test_score_predict(void **state)
{
    (void)state;
    const Item *it = item("ch02-predict-alias");
    assert_null(it->answer);
    assert_non_null(it->program);
    Response r = {.text = "3  \n\n"};
    Score s;
    quiz_score(it, &r, "3\n", &s);
    assert_int_equal(s.result, RESULT_CORRECT);
    assert_string_equal(s.expected, "3");
    score_fini(&s);
    r.text = "2";
    quiz_score(it, &r, "3\n", &s);
    assert_int_equal(s.result, RESULT_WRONG);
    score_fini(&s);
}

/* ---- BKT ------------------------------------------------------------------ */

static void test_bkt_hand_computed(void **state)
{
    (void)state;
    BktParams p = {.p_init = 0.2, .p_learn = 0.1, .p_guess = 0.25, .p_slip = 0.1};
    /* right: 0.2*0.9 / (0.2*0.9 + 0.8*0.25) = 0.473684; + 0.526316*0.1 = 0.526316 */
    assert_true(fabs(bkt_update(&p, 0.2, true, 1.0) - 0.526316) < 1e-6);
    /* wrong: 0.2*0.1 / (0.2*0.1 + 0.8*0.75) = 0.032258; + 0.967742*0.1 = 0.129032 */
    assert_true(fabs(bkt_update(&p, 0.2, false, 1.0) - 0.129032) < 1e-6);
    /* two right in a row: 0.526316 -> 0.473684/0.592105 = 0.8 -> 0.82 */
    assert_true(fabs(bkt_update(&p, bkt_update(&p, 0.2, true, 1), true, 1) - 0.82) < 1e-6);
    /* weight 0 changes nothing; weight 0.5 goes half way, learning halved:
     * 0.5*0.473684 + 0.5*0.2 = 0.336842; + 0.663158*0.05 = 0.37 */
    assert_true(fabs(bkt_update(&p, 0.2, true, 0.0) - 0.2) < 1e-12);
    assert_true(fabs(bkt_update(&p, 0.2, true, 0.5) - 0.37) < 1e-6);
    /* p(correct) = 0.2*0.9 + 0.8*0.25 = 0.38 */
    assert_true(fabs(bkt_p_correct(&p, 0.2) - 0.38) < 1e-12);
}

/* ---- stage rules -------------------------------------------------------- */

static void answer_all(AssessLog *log, int chapter, bool right, int64_t at)
{
    for (size_t i = 0; i < shipped.nitems; i++) {
        const Item *it = &shipped.items[i];
        if (it->chapter != chapter || it->kind == ITEM_PREDICT)
            continue;
        const char *ids[8];
        for (size_t k = 0; k < it->ncompetencies; k++)
            ids[k] = shipped.competencies[it->competencies[k]].id;
        assess_log_add_answer(log, it->id, at, right ? RESULT_CORRECT : RESULT_WRONG,
                              it->difficulty, ids, it->ncompetencies, 1);
    }
}

static const CompetencyEstimate *est(const StageReport *r, const char *id)
{
    int i = assess_competency_index(&shipped, id);
    assert_true(i >= 0);
    return &r->comps[i];
}

static void test_stage_no_evidence(void **state)
{
    (void)state;
    AssessLog log;
    assess_log_init(&log, "t");
    StageReport r;
    mastery_report(&shipped, &log, NOW, &r);
    for (size_t i = 0; i < r.n; i++) {
        assert_int_equal(r.comps[i].stage, -1);
        assert_int_equal(r.comps[i].confidence, CONF_NONE);
        assert_true(fabs(r.comps[i].mastery - shipped.model.bkt.p_init) < 1e-12);
        assert_int_equal(r.comps[i].next_stage, 0);
    }
    assert_int_equal(r.overall, -1);
    assert_int_equal(r.assessed, 0);
    stage_report_fini(&r);
    assess_log_fini(&log);
}

static void test_stage_all_wrong_and_all_right(void **state)
{
    (void)state;
    AssessLog log;
    assess_log_init(&log, "t");
    answer_all(&log, 2, false, NOW);
    StageReport r;
    mastery_report(&shipped, &log, NOW, &r);
    const CompetencyEstimate *gc = est(&r, "garbage-collection");
    assert_int_equal(gc->stage, 0); /* placed, at novice */
    assert_true(gc->mastery < 0.2);
    assert_int_equal(gc->confidence, CONF_FAIRLY_SURE); /* 9 fresh answers */
    assert_int_equal(gc->next_stage, 1);
    assert_true(gc->answers_needed >= 1);
    stage_report_fini(&r);
    assess_log_fini(&log);

    assess_log_init(&log, "t");
    answer_all(&log, 2, true, NOW);
    mastery_report(&shipped, &log, NOW, &r);
    gc = est(&r, "garbage-collection");
    assert_true(gc->mastery > 0.99);
    assert_int_equal(gc->right_at[3], 4); /* four difficulty-3 non-predict items */
    /* expert also asks for a solved exercise: proficient without one */
    assert_int_equal(gc->stage, assess_stage_index(&shipped, "proficient"));
    assert_int_equal(gc->exercises_needed, 1);
    const char *ids[] = {"garbage-collection"};
    assess_log_add_exercise(&log, "ex-cycles", NOW, true, 0, 3, ids, 1);
    stage_report_fini(&r);
    mastery_report(&shipped, &log, NOW, &r);
    assert_int_equal(est(&r, "garbage-collection")->stage, assess_stage_index(&shipped, "expert"));
    assert_int_equal(est(&r, "garbage-collection")->next_stage, -1);
    stage_report_fini(&r);
    assess_log_fini(&log);
}

static void test_stage_hints_and_ratings(void **state)
{
    (void)state;
    AssessLog a, b;
    assess_log_init(&a, "t");
    assess_log_init(&b, "t");
    const char *ids[] = {"bindings-capi"};
    assess_log_add_exercise(&a, "ex", NOW, true, 0, 2, ids, 1);
    assess_log_add_exercise(&b, "ex", NOW, true, 2, 2, ids, 1);
    StageReport ra, rb;
    mastery_report(&shipped, &a, NOW, &ra);
    mastery_report(&shipped, &b, NOW, &rb);
    /* hints lower the weight, so the estimate rises less and counts less */
    assert_true(est(&rb, "bindings-capi")->mastery < est(&ra, "bindings-capi")->mastery);
    assert_true(est(&rb, "bindings-capi")->effective < est(&ra, "bindings-capi")->effective);
    assert_int_equal(est(&rb, "bindings-capi")->solved, 0); /* not "without hints" */
    stage_report_fini(&ra);
    stage_report_fini(&rb);
    /* a rating of 3 is no information; 5 nudges up by a light weight */
    assess_log_add_rating(&a, "async-services", NOW, 3);
    mastery_report(&shipped, &a, NOW, &ra);
    assert_true(fabs(est(&ra, "async-services")->mastery - shipped.model.bkt.p_init) < 1e-12);
    assert_int_equal(est(&ra, "async-services")->ratings, 1);
    stage_report_fini(&ra);
    assess_log_add_rating(&a, "async-services", NOW, 5);
    mastery_report(&shipped, &a, NOW, &ra);
    assert_true(est(&ra, "async-services")->mastery > shipped.model.bkt.p_init);
    assert_int_equal(est(&ra, "async-services")->confidence, CONF_TENTATIVE);
    stage_report_fini(&ra);
    assess_log_fini(&a);
    assess_log_fini(&b);
}

static void test_stage_old_evidence(void **state)
{
    (void)state;
    AssessLog fresh, old, older;
    assess_log_init(&fresh, "t");
    assess_log_init(&old, "t");
    assess_log_init(&older, "t");
    answer_all(&fresh, 1, true, NOW);
    answer_all(&old, 1, true, NOW - 130 * DAY); /* 19 answers x 0.5^(130/90) ~ 7: likely */
    answer_all(&older, 1, true, NOW - 400 * DAY);
    StageReport a, b, c;
    mastery_report(&shipped, &fresh, NOW, &a);
    mastery_report(&shipped, &old, NOW, &b);
    mastery_report(&shipped, &older, NOW, &c);
    const CompetencyEstimate *ea = est(&a, "memory-architecture"),
                             *eb = est(&b, "memory-architecture"),
                             *ec = est(&c, "memory-architecture");
    /* BKT has no forgetting: same mastery and stage ... */
    assert_true(fabs(ea->mastery - ec->mastery) < 1e-12);
    assert_int_equal(ea->stage, ec->stage);
    /* ... but the evidence counts for less, and past stale_days it is stale */
    assert_int_equal(ea->confidence, CONF_FAIRLY_SURE);
    assert_true(eb->effective < ea->effective / 2);
    assert_int_equal(eb->confidence, CONF_LIKELY);
    assert_int_equal(ec->confidence, CONF_STALE);
    char text[160];
    mastery_describe(ec, text, sizeof text);
    assert_non_null(strstr(text, "stale"));
    stage_report_fini(&a);
    stage_report_fini(&b);
    stage_report_fini(&c);
    assess_log_fini(&fresh);
    assess_log_fini(&old);
    assess_log_fini(&older);
}

static void test_stage_rules_table(void **state)
{
    (void)state;
    AssessModel m = {0};
    m.rules[1] = (StageRule){0.4, 1, 1, 0};
    m.rules[2] = (StageRule){0.7, 2, 2, 0};
    m.rules[3] = (StageRule){0.9, 2, 3, 0};
    m.rules[4] = (StageRule){0.95, 3, 3, 1};
    m.overall_min_assessed = 3;
    int none[4] = {0}, two_hard[4] = {0, 2, 2, 2}, easy_only[4] = {0, 5, 0, 0};
    assert_int_equal(mastery_stage(&m, 0.99, none, 0, false), -1);
    assert_int_equal(mastery_stage(&m, 0.1, none, 0, true), 0);
    assert_int_equal(mastery_stage(&m, 0.5, none, 0, true), 0);     /* needs a right answer */
    assert_int_equal(mastery_stage(&m, 0.99, easy_only, 0, true), 1); /* no harder items */
    assert_int_equal(mastery_stage(&m, 0.8, two_hard, 0, true), 2);
    assert_int_equal(mastery_stage(&m, 0.96, two_hard, 5, true), 3); /* 3 hard for expert */
    int hard3[4] = {0, 3, 3, 3};
    assert_int_equal(mastery_stage(&m, 0.96, hard3, 1, true), 4);
    assert_int_equal(mastery_stage(&m, 0.85, hard3, 1, true), 2); /* a ladder: no skipping */
    /* overall: lower median of assessed stages, after enough are assessed */
    int s1[] = {-1, 3, -1, 1};
    assert_int_equal(mastery_overall(&m, s1, 4), -1);
    int s2[] = {4, 1, -1, 2, 0};
    assert_int_equal(mastery_overall(&m, s2, 5), 1);
    int s3[] = {3, 3, 1};
    assert_int_equal(mastery_overall(&m, s3, 3), 3);
}

/* ---- SM-2 ----------------------------------------------------------------- */

static void test_sm2_intervals(void **state)
{
    (void)state;
    ReviewCard c = {.ease = 2.5};
    review_grade(&c, 4, 100);
    assert_int_equal(c.interval, 1);
    assert_int_equal(c.due, 101);
    assert_true(fabs(c.ease - 2.5) < 1e-9); /* q = 4 leaves EF as it is */
    review_grade(&c, 4, 101);
    assert_int_equal(c.interval, 6);
    review_grade(&c, 4, 107);
    assert_int_equal(c.interval, 15); /* ceil(6 * 2.5) */
    review_grade(&c, 5, 122);
    assert_int_equal(c.interval, 38); /* ceil(15 * 2.5), then EF rises */
    assert_true(fabs(c.ease - 2.6) < 1e-9);
    review_grade(&c, 1, 160);         /* a lapse restarts, EF unchanged */
    assert_int_equal(c.interval, 1);
    assert_int_equal(c.repetitions, 0);
    assert_int_equal(c.lapses, 1);
    assert_true(fabs(c.ease - 2.6) < 1e-9);
    review_grade(&c, 3, 161);         /* 0.1 - 2*(0.08 + 0.04) = -0.14 */
    assert_true(fabs(c.ease - 2.46) < 1e-9);
    ReviewCard f = {.ease = 1.35};
    review_grade(&f, 3, 0);
    assert_true(fabs(f.ease - SM2_MIN_EASE) < 1e-9);
}

static void test_review_queue(void **state)
{
    (void)state;
    AssessLog log;
    assess_log_init(&log, "t");
    const AssessModel *m = &shipped.model;
    review_note_answer(&log, m, "ch01-arena-size", RESULT_CORRECT, 100);
    assert_int_equal(log.ncards, 0); /* only misses enter the queue */
    review_note_answer(&log, m, "ch01-size-class", RESULT_WRONG, 100);
    review_note_answer(&log, m, "ch01-lifo-reuse", RESULT_PARTIAL, 100);
    review_note_answer(&log, m, "no-such-item", RESULT_WRONG, 100);
    assert_int_equal(log.ncards, 3);
    size_t *due;
    assert_int_equal(review_due(&log, &shipped, 100, &due), 0); /* tomorrow, not today */
    free(due);
    assert_int_equal(review_due(&log, &shipped, 101, &due), 2); /* unknown items left out */
    free(due);
    assert_int_equal(review_next_day(&log, 100), 101);
    /* a right review moves the card on */
    review_note_answer(&log, m, "ch01-size-class", RESULT_CORRECT, 101);
    assert_int_equal(assess_log_card_get(&log, "ch01-size-class")->due, 102);
    assess_log_fini(&log);
}

/* ---- quiz sessions ------------------------------------------------------- */

static void test_quiz_chapter_and_history(void **state)
{
    (void)state;
    AssessLog log;
    assess_log_init(&log, "t");
    Quiz q;
    quiz_start(&q, &shipped, &log, QUIZ_CHAPTER, 2, NOW, NOW / DAY, NULL, NULL);
    const Item *it;
    int n = 0;
    while ((it = quiz_next(&q)) != NULL) {
        assert_int_equal(it->chapter, 2);
        assert_int_not_equal(it->kind, ITEM_PREDICT);
        Response r = {.nchoices = 1, .number = -1};
        Score s;
        quiz_answer(&q, &log, &r, NOW + n++, &s);
        score_fini(&s);
    }
    assert_int_equal(q.skipped_predict, 5); /* no simulator here */
    assert_int_equal(n, (int)q.planned);
    assert_true(quiz_finish(&q, &log, NOW + 100));
    assert_int_equal(log.nsessions, 1);
    assert_int_equal(log.sessions[0].kind, SESSION_CHAPTER);
    assert_int_equal(log.sessions[0].items, n);
    assert_int_equal(log.sessions[0].nstages, shipped.ncompetencies);
    assert_int_equal(log.answers[0].session, log.sessions[0].id);
    assert_true(log.ncards > 0);
    quiz_fini(&q);
    /* a second session gets the next id */
    quiz_start(&q, &shipped, &log, QUIZ_CHAPTER, 3, NOW, NOW / DAY, NULL, NULL);
    assert_int_equal(q.session, log.sessions[0].id + 1);
    assert_false(quiz_finish(&q, &log, NOW)); /* nothing answered: nothing kept */
    quiz_fini(&q);
    assess_log_fini(&log);
}

static bool fake_sim(const Item *it, Buf *out, void *ctx)
{
    (void)ctx;
    buf_adds(out, strstr(it->program, "getrefcount") ? "3\n" : "10\n");
    return true;
}

static void test_quiz_stage_adaptive(void **state)
{
    (void)state;
    AssessLog log;
    assess_log_init(&log, "t");
    Quiz q;
    quiz_start(&q, &shipped, &log, QUIZ_STAGE, 0, NOW, NOW / DAY, fake_sim, NULL);
    const Item *first = quiz_next(&q);
    assert_non_null(first);
    assert_int_equal(first->difficulty, shipped.model.start_difficulty);
    int comp = q.current_comp;
    Response right = {0};
    if (first->kind == ITEM_NUMERIC)
        right.number = first->number;
    for (size_t i = 0; i < first->nanswer; i++)
        right.choices[right.nchoices++] = first->answer[i];
    Score s;
    quiz_answer(&q, &log, &right, NOW, &s);
    assert_int_equal(s.result, RESULT_CORRECT);
    score_fini(&s);
    assert_int_equal(q.level[comp], shipped.model.start_difficulty + 1); /* harder next */
    int asked = 1;
    const Item *it;
    while ((it = quiz_next(&q)) != NULL) {
        Response wrong = {.nchoices = 0, .number = -12345, .text = "?"};
        quiz_answer(&q, &log, &wrong, NOW, &s);
        score_fini(&s);
        asked++;
    }
    assert_true(asked <= (int)q.planned);
    assert_true(asked >= (int)shipped.ncompetencies);
    for (size_t i = 0; i < shipped.ncompetencies; i++)
        assert_true(q.asked[i] >= 1);
    quiz_fini(&q);
    assess_log_fini(&log);
}

/* ---- roadmap -------------------------------------------------------------- */

static void test_roadmap_ranking(void **state)
{
    (void)state;
    const Track *t = assess_track(&shipped, "training-infra");
    assert_non_null(t);
    AssessLog log;
    assess_log_init(&log, "t");
    StageReport r;
    mastery_report(&shipped, &log, NOW, &r);
    RoadmapEntry e[16];
    size_t n = roadmap_build(&shipped, t, &r, e);
    assert_int_equal(n, t->nweights);
    /* nothing assessed: gap = target rank, priority = gap x weight; ties by
     * weight, then content order */
    assert_int_equal(e[0].competency, assess_competency_index(&shipped, "memory-architecture"));
    assert_true(fabs(e[0].priority - 9) < 1e-9);
    assert_int_equal(e[1].competency, assess_competency_index(&shipped, "concurrency-gil"));
    assert_int_equal(e[2].competency, assess_competency_index(&shipped, "garbage-collection"));
    assert_true(fabs(e[2].priority - 6) < 1e-9);
    for (size_t i = 1; i < n; i++)
        assert_true(e[i - 1].priority >= e[i].priority);
    for (size_t i = 0; i < n; i++)
        assert_true(e[i].nactions >= 1); /* every gap has a next step */
    stage_report_fini(&r);
    /* memory at its target drops to the end with no gap */
    answer_all(&log, 1, true, NOW);
    mastery_report(&shipped, &log, NOW, &r);
    n = roadmap_build(&shipped, t, &r, e);
    assert_int_equal(e[n - 1].competency,
                     assess_competency_index(&shipped, "memory-architecture"));
    assert_int_equal(e[n - 1].gap, 0);
    stage_report_fini(&r);
    assess_log_fini(&log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_score_single_and_numeric),
        cmocka_unit_test(test_score_multiple_exact_set),
        cmocka_unit_test(test_score_ordering_partial),
        cmocka_unit_test(test_score_predict),
        cmocka_unit_test(test_bkt_hand_computed),
        cmocka_unit_test(test_stage_no_evidence),
        cmocka_unit_test(test_stage_all_wrong_and_all_right),
        cmocka_unit_test(test_stage_hints_and_ratings),
        cmocka_unit_test(test_stage_old_evidence),
        cmocka_unit_test(test_stage_rules_table),
        cmocka_unit_test(test_sm2_intervals),
        cmocka_unit_test(test_review_queue),
        cmocka_unit_test(test_quiz_chapter_and_history),
        cmocka_unit_test(test_quiz_stage_adaptive),
        cmocka_unit_test(test_roadmap_ranking),
    };
    return cmocka_run_group_tests(tests, load_shipped, free_shipped);
}
