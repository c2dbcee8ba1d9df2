/*
 * roadmap: what to learn next for a chosen goal (track).
 *
 * Each competency the track weights gets a priority: the gap between the
 * learner's stage and the track's target stage (in rungs of the ladder; a
 * competency not yet assessed counts as novice) times the track's weight.
 * Entries are ranked by priority, then weight, then content order, and
 * carry the actions that fit the learner's current stage.  Pure; the
 * arithmetic is base/skill.h, shared with the roadmap lab of chapter 7.
 */
#ifndef PYDIVE_LEARNER_ROADMAP_H
#define PYDIVE_LEARNER_ROADMAP_H

#include <stddef.h>

#include "learner/assess.h"
#include "learner/mastery.h"

#define ROADMAP_MAX_ACTIONS SKILL_MAX_STEPS

typedef struct RoadmapEntry {
    int competency;
    int current;     /* stage index, -1 = not assessed */
    int target;
    double weight;
    int gap;         /* rungs still to climb, >= 0 */
    double priority; /* gap x weight */
    const Action *actions[ROADMAP_MAX_ACTIONS];
    size_t nactions;
} RoadmapEntry;

/* Fills out[0 .. t->nweights) ranked; returns how many were written. */
size_t roadmap_build(const AssessContent *c, const Track *t, const StageReport *r,
                     RoadmapEntry *out);

#endif
