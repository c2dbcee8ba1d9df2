/*
 * skill: BKT, the stage ladder and roadmap priorities (see skill.h).
 */
#include "base/skill.h"

double bkt_p_correct(const BktParams *p, double k)
{
    return k * (1.0 - p->p_slip) + (1.0 - k) * p->p_guess;
}

double bkt_update(const BktParams *p, double k, bool correct, double weight)
{
    if (weight <= 0)
        return k;
    if (weight > 1)
        weight = 1;
    /* Corbett & Anderson (1995): Bayes' rule on the observation ... */
    double post;
    if (correct)
        post = k * (1 - p->p_slip) / (k * (1 - p->p_slip) + (1 - k) * p->p_guess);
    else
        post = k * p->p_slip / (k * p->p_slip + (1 - k) * (1 - p->p_guess));
    post = weight * post + (1 - weight) * k;
    /* ... then the chance of learning at this opportunity. */
    return post + (1 - post) * p->p_learn * weight;
}

int skill_stage(const StageRule rules[SKILL_NSTAGES], double mastery, const int right_at[4],
                int solved, bool any_evidence)
{
    if (!any_evidence)
        return -1;
    int stage = 0;
    for (int s = 1; s < SKILL_NSTAGES; s++) {
        const StageRule *r = &rules[s];
        int d = r->at_difficulty < 0 ? 0 : r->at_difficulty > 3 ? 3 : r->at_difficulty;
        if (mastery < r->min_mastery || right_at[d] < r->min_correct ||
            solved < r->min_exercises)
            break; /* a ladder: no rung is skipped */
        stage = s;
    }
    return stage;
}

int skill_overall(int min_assessed, const int *stages, size_t n)
{
    size_t count[SKILL_NSTAGES] = {0}, k = 0;
    for (size_t i = 0; i < n; i++)
        if (stages[i] >= 0 && stages[i] < SKILL_NSTAGES)
            count[stages[i]]++, k++;
    if (k == 0 || k < (size_t)(min_assessed < 0 ? 0 : min_assessed))
        return -1;
    /* the lower median: the value at sorted position (k - 1) / 2 */
    size_t want = (k - 1) / 2, seen = 0;
    for (int s = 0; s < SKILL_NSTAGES; s++) {
        seen += count[s];
        if (seen > want)
            return s;
    }
    return -1; /* not reached: k values were counted */
}

int skill_at(int current)
{
    return current < 0 ? 0 : current;
}

int skill_gap(int current, int target)
{
    int at = skill_at(current);
    return target > at ? target - at : 0;
}

double skill_priority(int gap, double weight)
{
    return gap * weight;
}

int skill_rank_cmp(double pa, double wa, int oa, double pb, double wb, int ob)
{
    if (pa != pb)
        return pa > pb ? -1 : 1;
    if (wa != wb)
        return wa > wb ? -1 : 1;
    return (oa > ob) - (oa < ob);
}

bool skill_step_fits(const int *comps, size_t ncomps, const bool stages[SKILL_NSTAGES],
                     int competency, int at)
{
    if (at < 0 || at >= SKILL_NSTAGES || !stages[at])
        return false;
    for (size_t k = 0; k < ncomps; k++)
        if (comps[k] == competency)
            return true;
    return false;
}
