/*
 * review: spaced repetition of missed items with SM-2 (P. A. Wozniak,
 * "Optimization of learning", 1990; the algorithm SuperMemo 2 used and
 * Anki's scheduler grew from).
 *
 * An item the learner misses gets a card due the next day.  Each later
 * answer to it is graded 0..5 (the grades for right, partial and wrong come
 * from assessments/model.yaml) and reschedules the card:
 *   grade >= 3: intervals 1, 6, then the previous interval times the
 *               E-Factor, rounded up; the E-Factor moves by
 *               0.1 - (5-q)(0.08 + (5-q)0.02), never below 1.3;
 *   grade <  3: the repetitions start again (interval 1) and the E-Factor
 *               is left as it was.
 * Days are day numbers (assess_day); everything here is pure.
 */
#ifndef PYDIVE_LEARNER_REVIEW_H
#define PYDIVE_LEARNER_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "learner/assess.h"
#include "learner/assess_log.h"

#define SM2_MIN_EASE 1.3 /* SM-2's floor for the E-Factor */

/* Grades one review of `card` on day `today` and sets its next due day. */
void review_grade(ReviewCard *card, int quality, int64_t today);

/* Records an answer in the review queue: a miss of an item without a card
 * creates one (due tomorrow); an answer to an item with a card grades it. */
void review_note_answer(AssessLog *log, const AssessModel *m, const char *item,
                        AnswerResult result, int64_t today);

/* Indices into log->cards of the cards due on or before `today` whose item
 * still exists in the content, oldest due first.  Returns the count; *out
 * is malloc'ed (caller frees). */
size_t review_due(const AssessLog *log, const AssessContent *c, int64_t today, size_t **out);
/* The earliest due day after `today`, or -1 when no card is waiting. */
int64_t review_next_day(const AssessLog *log, int64_t today);

#endif
