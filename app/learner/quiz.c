/*
 * quiz: item selection for the three session modes, recording answers, and
 * the closing snapshot of stages (see quiz.h).
 */
#include "learner/quiz.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "learner/mastery.h"
#include "learner/review.h"

void quiz_start(Quiz *q, const AssessContent *c, const AssessLog *log, QuizMode mode,
                int chapter, int64_t now, int64_t today, PredictOracle oracle, void *ctx)
{
    *q = (Quiz){.content = c, .mode = mode, .chapter = chapter, .started = now,
                .today = today, .oracle = oracle, .oracle_ctx = ctx, .current_comp = -1,
                .session = assess_log_next_session(log)};
    if (mode == QUIZ_REVIEW) {
        size_t *due;
        size_t n = review_due(log, c, today, &due);
        q->queue = xcalloc(n ? n : 1, sizeof *q->queue);
        for (size_t i = 0; i < n; i++) {
            const Item *it = assess_item(c, log->cards[due[i]].item);
            q->queue[q->nqueue++] = (size_t)(it - c->items);
        }
        free(due);
    } else if (mode == QUIZ_CHAPTER) {
        q->queue = xcalloc(c->nitems ? c->nitems : 1, sizeof *q->queue);
        for (size_t i = 0; i < c->nitems; i++)
            if (c->items[i].chapter == chapter)
                q->queue[q->nqueue++] = i;
    } else {
        q->used = xcalloc(c->nitems ? c->nitems : 1, sizeof *q->used);
        q->level = xcalloc(c->ncompetencies ? c->ncompetencies : 1, sizeof *q->level);
        q->asked = xcalloc(c->ncompetencies ? c->ncompetencies : 1, sizeof *q->asked);
        for (size_t i = 0; i < c->ncompetencies; i++)
            q->level[i] = c->model.start_difficulty;
        q->planned = c->ncompetencies * (size_t)c->model.stage_items_per_competency;
        return;
    }
    for (size_t i = 0; i < q->nqueue; i++)
        q->planned += c->items[q->queue[i]].kind != ITEM_PREDICT || oracle != NULL;
}

/* False when the item cannot be asked now (a predict item without a
 * working simulator); the expected output is kept in q->expected. */
static bool ready(Quiz *q, const Item *it)
{
    buf_clear(&q->expected);
    if (it->kind != ITEM_PREDICT)
        return true;
    if (q->oracle && q->oracle(it, &q->expected, q->oracle_ctx))
        return true;
    q->skipped_predict++;
    return false;
}

static bool has_comp(const Item *it, int ci)
{
    for (size_t k = 0; k < it->ncompetencies; k++)
        if (it->competencies[k] == ci)
            return true;
    return false;
}

/* The unused item of competency ci closest to `level`: that difficulty,
 * else one easier, else one harder, and so on. */
static const Item *pick(Quiz *q, int ci, int level)
{
    const AssessContent *c = q->content;
    for (int step = 0; step < 6; step++) {
        int want = level + (step % 2 ? (step + 1) / 2 : -(step / 2));
        if (want < 1 || want > 3)
            continue;
        for (size_t i = 0; i < c->nitems; i++) {
            const Item *it = &c->items[i];
            if (q->used[i] || it->difficulty != want || !has_comp(it, ci))
                continue;
            q->used[i] = true;
            if (ready(q, it))
                return it;
        }
    }
    return NULL;
}

static const Item *next_stage_item(Quiz *q)
{
    const AssessContent *c = q->content;
    for (size_t tries = 0; tries < c->ncompetencies; tries++) {
        size_t ci = q->turn;
        q->turn = (q->turn + 1) % c->ncompetencies;
        if (q->asked[ci] >= c->model.stage_items_per_competency)
            continue;
        const Item *it = pick(q, (int)ci, q->level[ci]);
        if (!it) {
            q->asked[ci] = c->model.stage_items_per_competency; /* nothing left to ask */
            continue;
        }
        q->asked[ci]++;
        q->current_comp = (int)ci;
        return it;
    }
    return NULL;
}

const Item *quiz_next(Quiz *q)
{
    q->current = NULL;
    if (q->mode == QUIZ_STAGE && q->content->ncompetencies > 0) {
        q->current = next_stage_item(q);
    } else {
        while (q->pos < q->nqueue && !q->current) {
            const Item *it = &q->content->items[q->queue[q->pos++]];
            if (ready(q, it))
                q->current = it;
        }
    }
    return q->current;
}

void quiz_answer(Quiz *q, AssessLog *log, const Response *r, int64_t now, Score *out)
{
    const Item *it = q->current;
    if (!it) {
        *out = (Score){.result = RESULT_WRONG};
        return;
    }
    quiz_score(it, r, buf_str(&q->expected), out);
    const char *ids[16];
    size_t n = 0;
    for (size_t k = 0; k < it->ncompetencies && n < 16; k++)
        ids[n++] = q->content->competencies[it->competencies[k]].id;
    assess_log_add_answer(log, it->id, now, out->result, it->difficulty, ids, n, q->session);
    review_note_answer(log, &q->content->model, it->id, out->result, q->today);
    q->answered++;
    q->correct += out->result == RESULT_CORRECT;
    if (q->mode == QUIZ_STAGE && q->current_comp >= 0) {
        int *lv = &q->level[q->current_comp];
        if (out->result == RESULT_CORRECT && *lv < 3)
            (*lv)++;
        else if (out->result != RESULT_CORRECT && *lv > 1)
            (*lv)--;
    }
    q->current = NULL;
}

bool quiz_finish(Quiz *q, AssessLog *log, int64_t now)
{
    if (q->answered == 0)
        return false;
    const AssessContent *c = q->content;
    SessionKind kind = q->mode == QUIZ_CHAPTER ? SESSION_CHAPTER
                       : q->mode == QUIZ_STAGE ? SESSION_STAGE
                                               : SESSION_REVIEW;
    StageReport rep;
    mastery_report(c, log, now, &rep);
    SessionRec *s = assess_log_add_session(log, kind, q->mode == QUIZ_CHAPTER ? q->chapter : 0,
                                           q->started);
    s->id = q->session;
    s->finished = now;
    s->items = q->answered;
    s->correct = q->correct;
    s->overall = rep.overall >= 0 ? xstrdup(c->stages[rep.overall].id) : NULL;
    s->stages = xcalloc(rep.n ? rep.n : 1, sizeof *s->stages);
    for (size_t i = 0; i < rep.n; i++) {
        const CompetencyEstimate *e = &rep.comps[i];
        s->stages[s->nstages++] = (StageSnap){
            .competency = xstrdup(c->competencies[e->competency].id),
            .stage = e->stage >= 0 ? xstrdup(c->stages[e->stage].id) : NULL,
            .mastery = e->mastery};
    }
    if (now > log->updated)
        log->updated = now;
    stage_report_fini(&rep);
    return true;
}

void quiz_fini(Quiz *q)
{
    free(q->queue);
    free(q->used);
    free(q->level);
    free(q->asked);
    buf_fini(&q->expected);
    *q = (Quiz){0};
}
