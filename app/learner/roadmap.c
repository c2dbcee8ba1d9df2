/*
 * roadmap: priorities for a track and the next steps for each (see roadmap.h).
 */
#include "learner/roadmap.h"

#include <stdlib.h>

static int rank_cmp(const void *a, const void *b)
{
    const RoadmapEntry *x = a, *y = b;
    if (x->priority != y->priority)
        return x->priority > y->priority ? -1 : 1;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return x->competency - y->competency;
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
        int at = e->current < 0 ? 0 : e->current;
        e->gap = w->target > at ? w->target - at : 0;
        e->priority = e->gap * w->weight;
        for (size_t a = 0; a < c->nactions && e->nactions < ROADMAP_MAX_ACTIONS; a++) {
            const Action *act = &c->actions[a];
            if (!act->stages[at])
                continue;
            for (size_t k = 0; k < act->ncompetencies; k++)
                if (act->competencies[k] == w->competency) {
                    e->actions[e->nactions++] = act;
                    break;
                }
        }
    }
    qsort(out, t->nweights, sizeof *out, rank_cmp);
    return t->nweights;
}
