/*
 * mastery: Bayesian Knowledge Tracing over a learner's evidence and the
 * stage rules on top of it (see mastery.h; rules in docs/ASSESSMENTS.md).
 *
 * Evidence of one competency is replayed oldest first: answers (guess by
 * item kind, weight 1), exercises (weight lowered by hints) and
 * self-ratings (a light weight; 3 of 5 says nothing).  Partial answers
 * count as wrong for BKT, which observes right or wrong only.
 */
#include "learner/mastery.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

typedef struct Ev {
    int64_t at;
    size_t order;   /* position in the log, to keep ties stable */
    bool correct;
    double weight;
    double guess;
} Ev;

static int ev_cmp(const void *a, const void *b)
{
    const Ev *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static bool has(char **list, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], id) == 0)
            return true;
    return false;
}

int mastery_stage(const AssessModel *m, double mastery, const int right_at[4], int solved,
                  bool any_evidence)
{
    return skill_stage(m->rules, mastery, right_at, solved, any_evidence);
}

int mastery_overall(const AssessModel *m, const int *stages, size_t n)
{
    return skill_overall(m->overall_min_assessed, stages, n);
}

/* Right answers in a row needed to lift p(L) to `target`. */
static int answers_to(const AssessModel *m, double k, double target)
{
    BktParams p = m->bkt;
    p.p_guess = m->guess_by_kind[ITEM_SINGLE];
    int n = 0;
    while (k < target && n < 99) {
        k = bkt_update(&p, k, true, 1.0);
        n++;
    }
    return n;
}

static void move_up(const AssessModel *m, CompetencyEstimate *e)
{
    e->next_stage = e->stage + 1;
    if (e->next_stage >= ASSESS_NSTAGES) {
        e->next_stage = -1;
        return;
    }
    if (e->next_stage == 0) { /* not assessed: any answer places the learner */
        e->answers_needed = 1;
        return;
    }
    const StageRule *r = &m->rules[e->next_stage];
    e->answers_needed = answers_to(m, e->mastery, r->min_mastery);
    e->hard_level = r->at_difficulty;
    e->hard_needed = r->min_correct - e->right_at[r->at_difficulty];
    if (e->hard_needed < 0)
        e->hard_needed = 0;
    e->exercises_needed = r->min_exercises - e->solved;
    if (e->exercises_needed < 0)
        e->exercises_needed = 0;
}

static double decay(const AssessModel *m, int64_t now, int64_t at)
{
    double days = (double)(now - at) / 86400.0;
    return days <= 0 ? 1.0 : pow(0.5, days / m->half_life_days);
}

/* Distinct items whose latest answer (for this competency) is right. */
static void count_right(const AssessLog *log, const char *cid, CompetencyEstimate *e)
{
    for (size_t i = 0; i < log->nanswers; i++) {
        const AnswerRec *a = &log->answers[i];
        if (!has(a->competencies, a->ncompetencies, cid))
            continue;
        bool latest = true;
        for (size_t j = 0; j < log->nanswers && latest; j++) {
            const AnswerRec *b = &log->answers[j];
            if (j != i && strcmp(b->item, a->item) == 0 &&
                (b->at > a->at || (b->at == a->at && j > i)))
                latest = false;
        }
        if (!latest || a->result != RESULT_CORRECT)
            continue;
        for (int d = 1; d <= 3 && d <= a->difficulty; d++)
            e->right_at[d]++;
    }
    e->right_at[0] = e->right_at[1];
}

static void estimate(const AssessContent *c, const AssessLog *log, int64_t now, int ci,
                     CompetencyEstimate *e)
{
    const AssessModel *m = &c->model;
    const char *cid = c->competencies[ci].id;
    size_t cap = log->nanswers + log->nexercises + log->nratings;
    Ev *ev = xcalloc(cap ? cap : 1, sizeof *ev);
    size_t n = 0;
    *e = (CompetencyEstimate){.competency = ci, .stage = -1};
    for (size_t i = 0; i < log->nanswers; i++) {
        const AnswerRec *a = &log->answers[i];
        if (!has(a->competencies, a->ncompetencies, cid))
            continue;
        const Item *it = assess_item(c, a->item);
        double g = it ? m->guess_by_kind[it->kind] : m->bkt.p_guess;
        ev[n++] = (Ev){a->at, i, a->result == RESULT_CORRECT, 1.0, g};
        e->answers++;
        e->correct += a->result == RESULT_CORRECT;
    }
    for (size_t i = 0; i < log->nexercises; i++) {
        const ExerciseRec *x = &log->exercises[i];
        if (!has(x->competencies, x->ncompetencies, cid))
            continue;
        double w = m->exercise_weight;
        if (x->solved) {
            w -= m->hint_penalty * x->hints;
            if (w < m->min_exercise_weight)
                w = m->min_exercise_weight;
            if (x->hints == 0)
                e->solved++;
        }
        ev[n++] = (Ev){x->at, log->nanswers + i, x->solved, w, m->bkt.p_guess};
        e->exercises++;
    }
    for (size_t i = 0; i < log->nratings; i++) {
        const RatingRec *r = &log->ratings[i];
        if (strcmp(r->competency, cid) != 0)
            continue;
        e->ratings++;
        if (r->rating == 3)
            continue; /* "somewhat": no information either way */
        ev[n++] = (Ev){r->at, log->nanswers + log->nexercises + i, r->rating > 3,
                       m->self_rating_weight, m->bkt.p_guess};
    }
    qsort(ev, n, sizeof *ev, ev_cmp);
    double k = m->bkt.p_init;
    for (size_t i = 0; i < n; i++) {
        BktParams p = m->bkt;
        p.p_guess = ev[i].guess;
        k = bkt_update(&p, k, ev[i].correct, ev[i].weight);
        e->effective += ev[i].weight * decay(m, now, ev[i].at);
        if (ev[i].at > e->last_at)
            e->last_at = ev[i].at;
    }
    free(ev);
    e->mastery = k;
    count_right(log, cid, e);
    e->stage = mastery_stage(m, k, e->right_at, e->solved, n > 0);
    if (n == 0)
        e->confidence = CONF_NONE;
    else if (now - e->last_at > (int64_t)m->stale_days * 86400)
        e->confidence = CONF_STALE;
    else if (e->effective >= m->fairly_sure)
        e->confidence = CONF_FAIRLY_SURE;
    else if (e->effective >= m->likely)
        e->confidence = CONF_LIKELY;
    else
        e->confidence = CONF_TENTATIVE;
    move_up(m, e);
}

void mastery_report(const AssessContent *c, const AssessLog *log, int64_t now,
                    StageReport *out)
{
    *out = (StageReport){.n = c->ncompetencies, .overall = -1};
    out->comps = xcalloc(c->ncompetencies ? c->ncompetencies : 1, sizeof *out->comps);
    int *stages = xcalloc(c->ncompetencies ? c->ncompetencies : 1, sizeof *stages);
    for (size_t i = 0; i < c->ncompetencies; i++) {
        estimate(c, log, now, (int)i, &out->comps[i]);
        stages[i] = out->comps[i].stage;
        out->assessed += stages[i] >= 0;
    }
    out->overall = mastery_overall(&c->model, stages, c->ncompetencies);
    free(stages);
}

void stage_report_fini(StageReport *r)
{
    free(r->comps);
    *r = (StageReport){0};
}

const char *mastery_confidence_name(Confidence c)
{
    static const char *const names[] = {"none", "tentative", "likely", "fairly sure", "stale"};
    return names[c];
}

void mastery_describe(const CompetencyEstimate *e, char *out, size_t size)
{
    char what[96];
    int pieces = 0;
    what[0] = '\0';
    if (e->answers)
        pieces += snprintf(what, sizeof what, "%d answer%s", e->answers,
                           e->answers == 1 ? "" : "s") > 0;
    if (e->exercises)
        snprintf(what + strlen(what), sizeof what - strlen(what), "%s%d exercise%s",
                 pieces++ ? ", " : "", e->exercises, e->exercises == 1 ? "" : "s");
    if (e->ratings)
        snprintf(what + strlen(what), sizeof what - strlen(what), "%s%d self-rating%s",
                 pieces ? ", " : "", e->ratings, e->ratings == 1 ? "" : "s");
    switch (e->confidence) {
    case CONF_NONE: snprintf(out, size, "no evidence yet"); break;
    case CONF_TENTATIVE: snprintf(out, size, "tentative, from %s", what); break;
    case CONF_STALE: snprintf(out, size, "stale: from %s, none recent", what); break;
    default: snprintf(out, size, "%s (%s)", mastery_confidence_name(e->confidence), what); break;
    }
}
