/*
 * review: SM-2 scheduling of missed items (see review.h for the rules).
 */
#include "learner/review.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"

/* SM-2's fixed first two intervals, in days. */
#define SM2_FIRST_INTERVAL 1
#define SM2_SECOND_INTERVAL 6

void review_grade(ReviewCard *card, int quality, int64_t today)
{
    if (quality < 0)
        quality = 0;
    if (quality > 5)
        quality = 5;
    if (quality < 3) {
        card->repetitions = 0;
        card->interval = SM2_FIRST_INTERVAL;
        card->lapses++;
    } else {
        if (card->repetitions == 0)
            card->interval = SM2_FIRST_INTERVAL;
        else if (card->repetitions == 1)
            card->interval = SM2_SECOND_INTERVAL;
        else
            card->interval = (int)ceil(card->interval * card->ease - 1e-9);
        card->repetitions++;
        int d = 5 - quality;
        card->ease += 0.1 - d * (0.08 + d * 0.02);
        if (card->ease < SM2_MIN_EASE)
            card->ease = SM2_MIN_EASE;
    }
    card->due = today + card->interval;
}

void review_note_answer(AssessLog *log, const AssessModel *m, const char *item,
                        AnswerResult result, int64_t today)
{
    int q = result == RESULT_CORRECT   ? m->quality_correct
            : result == RESULT_PARTIAL ? m->quality_partial
                                       : m->quality_wrong;
    ReviewCard *card = assess_log_card(log, item);
    if (!card) {
        if (q >= 3)
            return; /* only missed items enter the queue */
        card = assess_log_add_card(log, item, m->initial_ease, today);
    }
    review_grade(card, q, today);
}

size_t review_due(const AssessLog *log, const AssessContent *c, int64_t today, size_t **out)
{
    *out = xcalloc(log->ncards ? log->ncards : 1, sizeof **out);
    size_t n = 0;
    for (size_t i = 0; i < log->ncards; i++) {
        if (log->cards[i].due > today || !assess_item(c, log->cards[i].item))
            continue;
        size_t j = n++; /* insertion sort by due day; ties keep log order */
        while (j > 0 && log->cards[(*out)[j - 1]].due > log->cards[i].due) {
            (*out)[j] = (*out)[j - 1];
            j--;
        }
        (*out)[j] = i;
    }
    return n;
}

int64_t review_next_day(const AssessLog *log, int64_t today)
{
    int64_t best = -1;
    for (size_t i = 0; i < log->ncards; i++)
        if (log->cards[i].due > today && (best < 0 || log->cards[i].due < best))
            best = log->cards[i].due;
    return best;
}
