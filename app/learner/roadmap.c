/*
 * roadmap: priorities for a track and the next steps for each (see roadmap.h).
 * Gap, priority, order and which steps fit are base/skill.c's, so the
 * roadmap lab (lab/roadmap/lab_roadmap.c) ranks exactly as this does.
 */
#include "learner/roadmap.h"

#include <stdlib.h>

static int rank_cmp(const void *a, const void *b)
{
    const RoadmapEntry *x = a, *y = b;
    return skill_rank_cmp(x->priority, x->weight, x->competency, y->priority, y->weight,
                          y->competency);
}

size_t roadmap_build(const AssessContent *c, const Track *t, const StageReport *r,
                     RoadmapEntry *out)
{
    for (size_t i = 0; i < t->nweights; i++) {
        const TrackWeight *w = &t->weights[i];
        RoadmapEntry *e = &out[i];
        *e = (RoadmapEntry){.competency = w->competency, .target = w->target,
                            .weight = w->weight, .current = -1};
        if ((size_t)w->competency < r->n)
            e->current = r->comps[w->competency].stage;
        e->gap = skill_gap(e->current, w->target);
        e->priority = skill_priority(e->gap, w->weight);
        int at = skill_at(e->current);
        for (size_t a = 0; a < c->nactions && e->nactions < ROADMAP_MAX_ACTIONS; a++) {
            const Action *act = &c->actions[a];
            if (skill_step_fits(act->competencies, act->ncompetencies, act->stages,
                                w->competency, at))
                e->actions[e->nactions++] = act;
        }
    }
    qsort(out, t->nweights, sizeof *out, rank_cmp);
    return t->nweights;
}
