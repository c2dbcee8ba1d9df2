/*
 * gate: the learner-side facts a workshop policy asks about (see
 * course/workshop.h): the best chapter-check score and whether a competency
 * has reached a stage.  Pure functions of the record; view/access.h combines
 * them with the pack's policy for the screens.
 */
#ifndef PYDIVE_LEARNER_GATE_H
#define PYDIVE_LEARNER_GATE_H

#include <stdbool.h>
#include <stdint.h>

#include "learner/assess.h"
#include "learner/assess_log.h"

/* The best score, in whole percent (rounded down), over the finished chapter
 * checks of chapter `number` (SESSION_CHAPTER sessions with items); -1 when
 * there is none. */
int gate_check_score(const AssessLog *log, int number);

/* The stage index (content order) a competency stands at now, per
 * mastery_report; -1 when not assessed or out of range. */
int gate_stage_of(const AssessContent *c, const AssessLog *log, int64_t now, int competency);

#endif
