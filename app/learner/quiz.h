/*
 * quiz: one assessment session, driven one item at a time, and the scoring
 * of a single answer.
 *
 * A screen or the plain CLI calls quiz_next for an item, shows it, turns
 * what the learner typed into a Response (quiz_parse_response, or its own
 * widgets), calls quiz_answer to score and record it, shows the Score and
 * the item's explanation, and repeats until quiz_next returns NULL; then
 * quiz_finish appends the session, with the stages it ended on, to the
 * history.  Three modes:
 *   chapter  every item of one chapter, in file order;
 *   stage    adaptive, across all competencies in turn: each starts at the
 *            model's start difficulty, goes one harder after a right answer
 *            and one easier after a wrong one;
 *   review   the SM-2 cards due today (review.h).
 * Predict items need the simulator to compute the expected output: pass an
 * oracle, or they are left out (counted in skipped_predict).  Pure except
 * for the oracle; time is passed in.
 */
#ifndef PYDIVE_LEARNER_QUIZ_H
#define PYDIVE_LEARNER_QUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "learner/assess.h"
#include "learner/assess_log.h"

/* Computes the expected output of a predict item into *out; false when the
 * program cannot be run (the item is then skipped, not scored). */
typedef bool (*PredictOracle)(const Item *item, Buf *out, void *ctx);

typedef struct Response {
    size_t choices[9];  /* single: [0]; multiple: a set; ordering: the order */
    size_t nchoices;
    double number;      /* numeric */
    const char *text;   /* predict: the learner's predicted output */
} Response;

typedef struct Score {
    AnswerResult result;
    size_t in_place;    /* ordering: choices in their right position ... */
    size_t total;       /* ... out of this many */
    char *expected;     /* predict: the simulator's output (owned; score_fini) */
} Score;

/* Scores a response.  `expected` is the predict item's computed output
 * (ignored for other kinds). */
void quiz_score(const Item *it, const Response *r, const char *expected, Score *out);
void score_fini(Score *s);

/* Reads one typed line as a response: choice numbers from 1 (separated by
 * spaces or commas), a number, or for predict the text itself ("\n" for
 * line breaks).  False with a sentence in *err when the line does not fit. */
bool quiz_parse_response(const Item *it, const char *line, Response *r, Buf *err);
/* The right answer in words ("2. 16 bytes", "1, 3", "3 -> 1 -> 2", "42 (± 0.5) bytes"). */
void quiz_answer_text(const Item *it, Buf *out);

typedef enum QuizMode { QUIZ_CHAPTER, QUIZ_STAGE, QUIZ_REVIEW } QuizMode;

typedef struct Quiz {
    const AssessContent *content;
    QuizMode mode;
    int chapter;
    int session;             /* id the answers are recorded under */
    int64_t started;
    int64_t today;           /* day number, for the review queue */
    PredictOracle oracle;
    void *oracle_ctx;
    size_t *queue;           /* chapter and review: item indices */
    size_t nqueue, pos;
    bool *used;              /* stage: items already asked */
    int *level;              /* stage: next difficulty per competency */
    int *asked;              /* stage: items asked per competency */
    size_t turn;             /* stage: competency whose turn it is */
    const Item *current;
    Buf expected;            /* predict: the current item's computed output */
    int current_comp;
    int answered, correct;
    size_t skipped_predict;
    size_t planned;          /* items planned (an upper bound for stage) */
} Quiz;

void quiz_start(Quiz *q, const AssessContent *c, const AssessLog *log, QuizMode mode,
                int chapter, int64_t now, int64_t today, PredictOracle oracle, void *ctx);
/* The next item, or NULL when the session is over. */
const Item *quiz_next(Quiz *q);
/* Scores r against the current item, records the answer in log (evidence
 * and review queue) and fills *out (score_fini it). */
void quiz_answer(Quiz *q, AssessLog *log, const Response *r, int64_t now, Score *out);
/* Appends the finished session with a stage snapshot; false (nothing
 * appended) when no item was answered. */
bool quiz_finish(Quiz *q, AssessLog *log, int64_t now);
void quiz_fini(Quiz *q);

#endif
