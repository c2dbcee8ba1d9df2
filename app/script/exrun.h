/*
 * exrun: the exercise engine, without curses and without learner records.
 *
 * It loads an exercise into its own sandbox (with the `run` table of
 * api_sim.h registered), and offers what a screen or the command line needs:
 *
 *   - predict: the steps (ex.steps; each pauses *before* line `at`), parsing
 *     and judging the learner's answer against the stated one, and the line
 *     where the answer shows (exrun_reveal_line);
 *   - fix: running the learner's program on the model to its end (heap kept,
 *     no interpreter teardown) and calling the exercise's `check(run)`;
 *   - hints: the ladder, rung by rung (recording rungs is the caller's job:
 *     learner/exstate.h keeps them in the profile);
 *   - exrun_verify: the exercise against the model, so stated answers and
 *     reference solutions cannot drift from what the model does.
 *
 * A broken or hostile script ends in a message (file:line), never a crash.
 * Attempts, time and evidence are counted by the caller (app/cli, the screen).
 */
#ifndef PYDIVE_SCRIPT_EXRUN_H
#define PYDIVE_SCRIPT_EXRUN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"
#include "script/exercise.h"
#include "script/sandbox.h"

/* {====== Finding exercises ====== */

typedef struct ExEntry {
    char *id;       /* the file name without .lua */
    char *path;     /* <content>/exercises/chNN/ID.lua */
    int chapter;    /* NN, 0 when the folder is not named chNN */
} ExEntry;

/* Every exercises/chNN/ID.lua under content_dir, by chapter then id. */
size_t exrun_index(const char *content_dir, ExEntry **out);
void exrun_index_free(ExEntry *entries, size_t n);
const ExEntry *exrun_index_find(const ExEntry *entries, size_t n, const char *id);

/* }====== */

/* {====== A loaded exercise ====== */

typedef struct ExHandle {
    Exercise ex;    /* the declarative part (exercise.h): title, steps, hints ... */
    Sandbox *sb;    /* keeps `check` and the steps' `model` functions */
    int chapter;    /* from the folder name chNN; 0 if unknown */
} ExHandle;

/* Loads and validates `path` (diagnostics "file:line: error: ..." in dl).
 * False when the file has errors; exrun_fini either way. */
bool exrun_load(ExHandle *h, const char *path, DiagList *dl);
void exrun_fini(ExHandle *h);

/* Rung 1..3 of the hint ladder (nudge, concept with lesson link, part of the
 * answer); NULL when there is no such rung. */
const char *exrun_hint(const Exercise *ex, int rung);
int exrun_hint_count(const Exercise *ex);

/* }====== */

/* {====== Predict: the learner's answers ====== */

#define EXRUN_MAX_PICKS 32

typedef struct ExAnswer {
    int picks[EXRUN_MAX_PICKS]; /* 1-based choice numbers, in the order given */
    size_t npicks;
    double number;              /* STEP_NUMBER */
} ExAnswer;

typedef enum ExVerdict { EX_WRONG, EX_PARTIAL, EX_RIGHT } ExVerdict;

/* Parses what the learner typed: "2" (choice), "1 3" or "1,3" (multi),
 * "3 1 2" (order), "9" or "0.5" (number).  False with a reason in *err. */
bool exrun_parse_answer(const ExerciseStep *st, const char *text, ExAnswer *out, Buf *err);
/* Judges an answer against the stated one.  Multi: partial when some but
 * not all right choices were picked and no wrong one; order: partial when
 * some are in place (*in_place counts them; may be NULL). */
ExVerdict exrun_judge(const ExerciseStep *st, const ExAnswer *a, size_t *in_place);
/* The stated answer as text: "3 (both)", "1, 2 (find the cycle; free both
 * nodes)", "9". */
void exrun_answer_text(const ExerciseStep *st, Buf *out);
/* "the number of one choice", ... for prompts. */
const char *exrun_how_to_answer(const ExerciseStep *st);
/* The program line before which step i's answer is shown (the next step's
 * `at`), or 0 for the end of the program: a step's question is about what
 * happens between its pause and there. */
int exrun_reveal_line(const Exercise *ex, size_t i);

/* }====== */

/* {====== Fix: checking a program ====== */

typedef struct ExCheck {
    bool passed;
    bool script_error;   /* check itself failed (Lua error, limit): not the learner's fault */
    char *message;       /* why not (check's second value, or the script error); may be NULL */
    int exit_code;       /* of the learner's program: 0, or 1 after an uncaught exception */
    char *error_line;    /* the traceback's last line when exit_code != 0, else NULL */
    Buf output;          /* what the program printed on stdout */
    Buf errout;          /* and on stderr */
} ExCheck;

/* Runs `program` on the model (Python 3.11) to its end and calls
 * check(run).  True when the check ran (out->passed says how it went);
 * false when it could not run (out->script_error, out->message). */
bool exrun_check(ExHandle *h, const char *program, size_t len, const char *filename,
                 ExCheck *out);
void excheck_fini(ExCheck *c);

/* }====== */

/* {====== Verify ====== */

/* Checks the exercise against the model; mismatches are added to dl as
 * "file:line: error: ...":
 *   predict: the program runs to a normal end, stops before every step's
 *     `at` in order, and each step's `model(run)`, called at its reveal line,
 *     gives the stated `answer` (a step without `model` is an error);
 *   fix: check(solution) passes and check(starter) does not;
 *   sandbox: the program (if any) runs to a normal end. */
bool exrun_verify(ExHandle *h, DiagList *dl);

/* }====== */

#endif
