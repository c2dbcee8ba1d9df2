/*
 * gate: chapter-check scores and stages for workshop policies (gate.h).
 */
#include "learner/gate.h"

#include "learner/mastery.h"

int gate_check_score(const AssessLog *log, int number)
{
    int best = -1;
    for (size_t i = 0; i < log->nsessions; i++) {
        const SessionRec *s = &log->sessions[i];
        if (s->kind != SESSION_CHAPTER || s->chapter != number || s->items <= 0)
            continue;
        int pct = (int)((long long)s->correct * 100 / s->items);
        if (pct > best)
            best = pct;
    }
    return best;
}

int gate_stage_of(const AssessContent *c, const AssessLog *log, int64_t now, int competency)
{
    if (competency < 0 || (size_t)competency >= c->ncompetencies)
        return -1;
    StageReport r;
    mastery_report(c, log, now, &r);
    int stage = r.comps[competency].stage;
    stage_report_fini(&r);
    return stage;
}
