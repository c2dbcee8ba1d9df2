/*
 * exstate: a learner's state in one exercise — attempts, hint rungs taken,
 * time, solved or given up — and the one piece of assessment evidence each
 * exercise gives.
 *
 * File: <profile dir>/exercises/ID.state, written atomically (base/fsutil),
 * one "key value" per line (docs/EXERCISES.md §9):
 *
 *     # pydive exercise state
 *     schema 1
 *     started 1764000000   first contact (hint, check, show), Unix seconds
 *     last 1764000300      latest contact
 *     attempts 3           checks run (fix) or passes answered (predict)
 *     hints 2              highest hint rung taken, 0..3
 *     solved 1764000300    first success, 0 = not yet
 *     gave_up 0            when the learner asked for the solution unsolved, 0 = never
 *     seconds 300          time spent up to the first success (or giving up)
 *     best 2/3             predict: most steps right in one pass, of all steps
 *     recorded 1           the outcome went into the assessment record
 *
 * Unknown keys are ignored (newer files stay readable); a line that cannot
 * be read makes the whole file "damaged": it is reported and the learner
 * carries on from a fresh state (the damaged file is left where it is, and
 * overwritten only by the next save).
 *
 * Evidence: an exercise adds at most one ExerciseRec to the assessment
 * record, with the hint rungs taken: when it is first solved, or when the
 * learner gives up (solved = false).  Failed attempts on the way are not
 * evidence against the learner: they are how a fix exercise is done.  The
 * exercise's difficulty 1..5 is mapped to the record's 1..3 (exstate_level).
 */
#ifndef PYDIVE_LEARNER_EXSTATE_H
#define PYDIVE_LEARNER_EXSTATE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "learner/assess_log.h"

#define EXSTATE_SCHEMA 1

typedef struct ExState {
    int64_t started, last, solved, gave_up;
    int attempts;
    int hints;          /* highest rung taken, 0..3 */
    int64_t seconds;
    int best_right, best_total;
    bool recorded;
} ExState;

/* The state file's path for exercise `id` (caller frees). */
char *exstate_path(const char *profile_dir, const char *id);
/* Loads the state; a missing file is a fresh state (true).  False with a
 * sentence in *err when the file is damaged or unreadable (*st is then fresh). */
bool exstate_load(const char *profile_dir, const char *id, ExState *st, Buf *err);
/* Writes it atomically, creating <profile dir>/exercises/ when needed. */
bool exstate_save(const char *profile_dir, const char *id, const ExState *st, Buf *err);
void exstate_serialize(const ExState *st, Buf *out);
bool exstate_parse(const char *text, size_t len, ExState *st, Buf *err);

/* Notes a contact at `now` (sets started the first time). */
void exstate_touch(ExState *st, int64_t now);
/* Takes the next rung (at most `nhints`); returns the rung now shown. */
int exstate_next_hint(ExState *st, int nhints, int64_t now);
/* A check or a predict pass. */
void exstate_attempt(ExState *st, int64_t now);
/* The first success: marks it solved and counts the time. */
void exstate_solve(ExState *st, int64_t now);
void exstate_give_up(ExState *st, int64_t now);
/* May the full solution be shown (solved, or given up)? */
bool exstate_solution_open(const ExState *st);

/* Exercise difficulty 1..5 as the assessment record's 1..3. */
int exstate_level(int difficulty);
/* Adds the exercise's evidence to `log` once the outcome is known (solved
 * or given up) and not yet recorded; returns true when it added it. */
bool exstate_record(ExState *st, AssessLog *log, const char *id, int64_t now, int difficulty,
                    const char *const *competencies, size_t n);

/* Predict: one answer, as it was, becomes evidence of its own: item "ID#STEP"
 * (STEP 1-based), right, partly right or wrong.  A second try is a second
 * answer: a wrong first try stays on the record. */
void exstate_record_answer(AssessLog *log, const char *id, size_t step, int64_t now,
                           AnswerResult result, int difficulty,
                           const char *const *competencies, size_t n);
/* Predict: a full pass ended with `right` of `total` questions right (at the
 * first or second try).  Counts the attempt and the best pass; solved only
 * when all are right.  The first full pass is the exercise's evidence (added
 * to `log` when not NULL, solved or not); returns true when it added it. */
bool exstate_pass(ExState *st, AssessLog *log, const char *id, int right, int total, int64_t now,
                  int difficulty, const char *const *competencies, size_t n);

#endif
