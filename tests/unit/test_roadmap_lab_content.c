/*
 * The roadmap lab's programs carry the course's numbers as text, because
 * sim/ cannot read assessments/.  This test keeps the two from drifting:
 * every plan in exercises/ch07 (program, starter, solution) must say what
 * assessments/ says, directive by directive:
 *
 *   areas    the competency ids of competencies.yaml, in that order
 *   goal     a track of tracks.yaml, followed by exactly its weights
 *   weight   that track's weight and target for the area
 *   step     an action of actions.yaml with the same stages, for areas it
 *            lists; in the file's order; and for every (area, stage) a step
 *            serves, the plan also holds the first action that serves it,
 *            so the plan offers the step the dashboard would
 *   bkt, guess, rule, overall   the figures of model.yaml
 *
 * and the lab's stage ids are those of stages.yaml.  A drifted plan is
 * tried too, so the checker can fail.
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

#include "base/buf.h"
#include "base/diag.h"
#include "learner/assess.h"
#include "script/exercise.h"
#include "script/sandbox.h"
#include "lab/lab.h"
#include "lab/roadmap/lab_roadmap.h"

#define CH07 "exercises/ch07"

#include "shipped_assessments.h"

static bool same(double a, double b)
{
    return fabs(a - b) < 1e-12;
}

static int action_index(const AssessContent *c, const char *id)
{
    for (size_t i = 0; i < c->nactions; i++)
        if (strcmp(c->actions[i].id, id) == 0)
            return (int)i;
    return -1;
}

static bool lists(const Action *a, int comp)
{
    for (size_t k = 0; k < a->ncompetencies; k++)
        if (a->competencies[k] == comp)
            return true;
    return false;
}

/* Weights of the goal block that ends before instr `end`. */
static bool check_goal_block(const AssessContent *c, const void *st, const Track *t,
                             size_t from, size_t end, Buf *why)
{
    size_t n = 0;
    for (size_t i = from; i < end; i++) {
        const PlanInstr *in = plan_instr(st, i);
        if (in->op != PLAN_WEIGHT)
            continue;
        n++;
        const TrackWeight *w = NULL;
        for (size_t k = 0; k < t->nweights; k++)
            if (t->weights[k].competency == in->area)
                w = &t->weights[k];
        if (!w || !same(w->weight, in->num[0]) || w->target != in->stage) {
            buf_printf(why, "line %d: weight %s %g %s is not %s's in tracks.yaml", in->line,
                       c->competencies[in->area].id, in->num[0], plan_stage_id(in->stage), t->id);
            return false;
        }
    }
    if (n != t->nweights) {
        buf_printf(why, "goal %s: %zu weights given, tracks.yaml has %zu", t->id, n, t->nweights);
        return false;
    }
    return true;
}

static bool check_steps(const AssessContent *c, const void *st, Buf *why)
{
    int last = -1;
    bool served[PLAN_MAX_AREAS][SKILL_NSTAGES] = {{false}};
    bool declared[PLAN_MAX_AREAS][64] = {{false}}; /* [area][action] */
    for (size_t i = 0; i < plan_ninstrs(st); i++) {
        const PlanInstr *in = plan_instr(st, i);
        if (in->op != PLAN_STEP)
            continue;
        int a = action_index(c, in->id);
        if (a < 0 || a >= 64) {
            buf_printf(why, "line %d: no action '%s' in actions.yaml", in->line, in->id);
            return false;
        }
        const Action *act = &c->actions[a];
        if (memcmp(act->stages, in->stages, sizeof act->stages) != 0) {
            buf_printf(why, "line %d: step %s: not the stages of actions.yaml", in->line, in->id);
            return false;
        }
        if (a <= last) {
            buf_printf(why, "line %d: step %s is out of actions.yaml's order", in->line, in->id);
            return false;
        }
        last = a;
        for (size_t k = 0; k < in->ncomps; k++) {
            if (!lists(act, in->comps[k])) {
                buf_printf(why, "line %d: actions.yaml's %s does not list %s", in->line, in->id,
                           c->competencies[in->comps[k]].id);
                return false;
            }
            declared[in->comps[k]][a] = true;
            for (int s = 0; s < SKILL_NSTAGES; s++)
                served[in->comps[k]][s] |= in->stages[s];
        }
    }
    /* the first action serving each (area, stage) the plan serves is in it */
    for (size_t comp = 0; comp < c->ncompetencies && comp < PLAN_MAX_AREAS; comp++)
        for (int s = 0; s < SKILL_NSTAGES; s++) {
            if (!served[comp][s])
                continue;
            for (size_t a = 0; a < c->nactions; a++) {
                if (!skill_step_fits(c->actions[a].competencies, c->actions[a].ncompetencies,
                                     c->actions[a].stages, (int)comp, s))
                    continue;
                if (a >= 64 || !declared[comp][a]) {
                    buf_printf(why, "%s at %s: the plan skips %s, which actions.yaml offers first",
                               c->competencies[comp].id, plan_stage_id(s), c->actions[a].id);
                    return false;
                }
                break;
            }
        }
    return true;
}

static bool check_model(const AssessContent *c, const PlanInstr *in, Buf *why)
{
    const AssessModel *m = &c->model;
    bool ok = true;
    switch (in->op) {
    case PLAN_BKT:
        ok = same(in->num[0], m->bkt.p_init) && same(in->num[1], m->bkt.p_learn) &&
             same(in->num[2], m->bkt.p_slip);
        break;
    case PLAN_GUESS:
        for (int k = 0; k < ITEM_NKINDS; k++)
            if (strcmp(assess_kind_name((ItemKind)k), plan_kind_id(in->kind)) == 0)
                ok = same(in->num[0], m->guess_by_kind[k]);
        break;
    case PLAN_RULE: {
        const StageRule *r = &m->rules[in->stage];
        ok = same(in->num[0], r->min_mastery) && in->ints[0] == r->min_correct &&
             in->ints[1] == r->at_difficulty && in->ints[2] == r->min_exercises;
        break;
    }
    case PLAN_OVERALL: ok = in->ints[0] == m->overall_min_assessed; break;
    default: break;
    }
    if (!ok)
        buf_printf(why, "line %d: not the figures of model.yaml", in->line);
    return ok;
}

/* True when the plan text says what assessments/ says; else why. */
static bool check_plan(const AssessContent *c, const char *text, const char *name, Buf *why)
{
    Lab lab;
    DiagList dl = {0};
    if (!lab_open(&lab, &lab_roadmap, text, strlen(text), name, 1, &dl)) {
        char *d = diag_format(&dl.items[0]);
        buf_printf(why, "does not open: %s", d);
        free(d);
        diag_fini(&dl);
        lab_close(&lab);
        return false;
    }
    diag_fini(&dl);
    lab_finish(&lab);
    const void *st = lab.st;
    bool ok = plan_nareas(st) == c->ncompetencies;
    for (size_t i = 0; ok && i < c->ncompetencies; i++)
        ok = strcmp(plan_area(st, i), c->competencies[i].id) == 0;
    if (!ok)
        buf_printf(why, "the areas line is not competencies.yaml's ids in order");
    const Track *t = NULL;
    size_t from = 0;
    for (size_t i = 0; ok && i <= plan_ninstrs(st); i++) {
        const PlanInstr *in = plan_instr(st, i);
        if (!in || in->op == PLAN_GOAL) {
            if (t)
                ok = check_goal_block(c, st, t, from, i, why);
            if (!in || !ok)
                break;
            t = assess_track(c, in->id);
            from = i;
            if (!t) {
                buf_printf(why, "line %d: no track '%s' in tracks.yaml", in->line, in->id);
                ok = false;
            }
            continue;
        }
        ok = check_model(c, in, why);
    }
    ok = ok && check_steps(c, st, why);
    lab_close(&lab);
    return ok;
}

static void test_stage_ids(void **state)
{
    (void)state;
    for (int s = 0; s < SKILL_NSTAGES; s++)
        assert_string_equal(plan_stage_id(s), shipped.stages[s].id);
}

static void check_text(const char *file, const char *what, const char *text, int *n)
{
    if (!text)
        return;
    Buf why = {0};
    bool ok = check_plan(&shipped, text, file, &why);
    if (!ok)
        fprintf(stderr, "%s (%s): %s\n", file, what, buf_str(&why));
    assert_true(ok);
    buf_fini(&why);
    (*n)++;
}

static void test_ch07_plans_match_assessments(void **state)
{
    (void)state;
    DIR *d = opendir(CH07);
    assert_non_null(d);
    struct dirent *e;
    int exercises = 0, plans = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", CH07, e->d_name);
        Sandbox *sb = sandbox_new(NULL, NULL);
        assert_non_null(sb);
        Exercise ex = {0};
        DiagList dl = {0};
        bool ok = exercise_load(sb, path, &ex, &dl);
        if (!ok)
            diag_print(&dl, stderr);
        assert_true(ok);
        diag_fini(&dl);
        if (ex.lab == &lab_roadmap) {
            exercises++;
            check_text(path, "program", ex.program && *ex.program ? ex.program : NULL, &plans);
            check_text(path, "starter", ex.starter, &plans);
            if (ex.kind == EXERCISE_FIX)
                check_text(path, "solution", ex.solution, &plans);
        }
        exercise_fini(&ex);
        sandbox_free(sb);
    }
    closedir(d);
    assert_true(exercises >= 5);
    assert_true(plans >= exercises);
}

/* The checker finds each kind of drift. */
static void expect_drift(const char *text, const char *want)
{
    Buf why = {0};
    assert_false(check_plan(&shipped, text, "drift.plan", &why));
    if (!strstr(buf_str(&why), want))
        fprintf(stderr, "want '%s' in: %s\n", want, buf_str(&why));
    assert_non_null(strstr(buf_str(&why), want));
    buf_fini(&why);
}

#define AREAS "areas memory-architecture garbage-collection concurrency-gil bindings-capi " \
              "async-services ecosystem-judgement ai-era-practice\n"
#define EXT "goal extension-author\nweight bindings-capi 3 expert\n"                    \
            "weight garbage-collection 2 proficient\nweight concurrency-gil 2 proficient\n" \
            "weight memory-architecture 2 competent\n"

static void test_checker_catches_drift(void **state)
{
    (void)state;
    Buf why = {0};
    const char *good = AREAS EXT "weight ai-era-practice 1 competent\nrank\n";
    bool ok = check_plan(&shipped, good, "good.plan", &why);
    if (!ok)
        fprintf(stderr, "%s\n", buf_str(&why));
    assert_true(ok);
    buf_fini(&why);
    expect_drift(AREAS EXT "weight ai-era-practice 2 competent\n", "is not extension-author's");
    expect_drift(AREAS EXT "rank\n", "4 weights given, tracks.yaml has 5");
    expect_drift("areas garbage-collection memory-architecture\n", "the areas line");
    expect_drift(AREAS "bkt 0.2 0.1 0.2\n", "line 2: not the figures of model.yaml");
    expect_drift(AREAS "rule competent 0.7 2 1 0\n", "not the figures of model.yaml");
    expect_drift(AREAS "guess single 0.2\n", "not the figures of model.yaml");
    expect_drift(AREAS "step cycle-lab garbage-collection advanced-beginner,competent\n",
                 "the plan skips reread-counting");
    expect_drift(AREAS "step cycle-lab garbage-collection competent\n", "not the stages");
    expect_drift(AREAS "step cycle-lab memory-architecture advanced-beginner,competent\n",
                 "does not list memory-architecture");
    expect_drift(AREAS "goal serve-llm-apis\n", "no track 'serve-llm-apis'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stage_ids),
        cmocka_unit_test(test_ch07_plans_match_assessments),
        cmocka_unit_test(test_checker_catches_drift),
    };
    return cmocka_run_group_tests(tests, load_shipped, free_shipped);
}
