/*
 * assess_log: a learner's assessment record (pure data) — every answer and
 * exercise result kept as evidence, optional self-ratings, the history of
 * finished assessments with the stages they ended on, and the review cards
 * of missed items.
 *
 * Evidence keeps the competencies and difficulty it was given under, so an
 * estimate survives later edits of the content.  Mastery is never stored:
 * it is recomputed from the evidence (mastery.h), which keeps the file
 * honest and the estimate reproducible.  Times are Unix seconds and days are
 * day numbers (assess_day), both supplied by the caller.
 */
#ifndef PYDIVE_LEARNER_ASSESS_LOG_H
#define PYDIVE_LEARNER_ASSESS_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ASSESS_LOG_SCHEMA_VERSION 1

typedef enum AnswerResult { RESULT_WRONG, RESULT_PARTIAL, RESULT_CORRECT } AnswerResult;

typedef struct AnswerRec {
    char *item;
    int64_t at;
    AnswerResult result;
    int difficulty;          /* 1..3 */
    char **competencies;
    size_t ncompetencies;
    int session;             /* SessionRec.id it was given in */
} AnswerRec;

typedef struct ExerciseRec {
    char *exercise;
    int64_t at;
    bool solved;
    int hints;               /* hints used before solving */
    int difficulty;
    char **competencies;
    size_t ncompetencies;
} ExerciseRec;

typedef struct RatingRec {
    char *competency;
    int64_t at;
    int rating;              /* 1 (cannot yet) .. 5 (could teach it) */
} RatingRec;

typedef enum SessionKind { SESSION_CHAPTER, SESSION_STAGE, SESSION_REVIEW } SessionKind;

typedef struct StageSnap {
    char *competency;
    char *stage;             /* stage id; NULL = not assessed */
    double mastery;
} StageSnap;

typedef struct SessionRec {
    int id;
    SessionKind kind;
    int chapter;             /* SESSION_CHAPTER; 0 otherwise */
    int64_t started, finished;
    int items, correct;
    char *overall;           /* stage id; NULL = not enough evidence */
    StageSnap *stages;
    size_t nstages;
} SessionRec;

typedef struct ReviewCard {  /* SM-2 state of one item (Wozniak 1990) */
    char *item;
    double ease;             /* E-Factor, >= 1.3 */
    int interval;            /* days */
    int repetitions;         /* successful reviews in a row */
    int lapses;              /* times missed */
    int64_t due;             /* day number */
} ReviewCard;

typedef struct AssessLog {
    int schema_version;
    char *profile;
    int64_t updated;
    char *track;             /* chosen goal; NULL = none yet */
    AnswerRec *answers;
    size_t nanswers;
    ExerciseRec *exercises;
    size_t nexercises;
    RatingRec *ratings;
    size_t nratings;
    SessionRec *sessions;
    size_t nsessions;
    ReviewCard *cards;
    size_t ncards;
} AssessLog;

void assess_log_init(AssessLog *log, const char *profile);
void assess_log_fini(AssessLog *log);

/* Appenders copy their strings. */
void assess_log_add_answer(AssessLog *log, const char *item, int64_t at, AnswerResult result,
                           int difficulty, const char *const *competencies, size_t n,
                           int session);
void assess_log_add_exercise(AssessLog *log, const char *exercise, int64_t at, bool solved,
                             int hints, int difficulty, const char *const *competencies,
                             size_t n);
void assess_log_add_rating(AssessLog *log, const char *competency, int64_t at, int rating);
/* Appends an empty session record and returns it (valid until the next add). */
SessionRec *assess_log_add_session(AssessLog *log, SessionKind kind, int chapter,
                                   int64_t started);
void assess_log_set_track(AssessLog *log, const char *track);
/* The id the next session gets (1 + the highest id used by sessions or answers). */
int assess_log_next_session(const AssessLog *log);

ReviewCard *assess_log_card(AssessLog *log, const char *item);
const ReviewCard *assess_log_card_get(const AssessLog *log, const char *item);
ReviewCard *assess_log_add_card(AssessLog *log, const char *item, double ease, int64_t due);

/* The day number of a Unix time, for a clock `utc_offset` seconds east of UTC. */
int64_t assess_day(int64_t now, long utc_offset);
const char *assess_session_kind_name(SessionKind k);
const char *assess_result_name(AnswerResult r);

#endif
