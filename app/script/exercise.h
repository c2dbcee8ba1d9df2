/*
 * exercise: the static part of the exercise protocol.
 *
 * An exercise file (exercises/chNN/ID.lua) is a Lua chunk that returns a
 * table.  exercise_load runs it in a Sandbox and reads the declarative
 * fields of that table into an Exercise: plain C data that the views, the
 * CLI and the progress store can use without Lua.  The functions in the
 * table (today `check`, for fix exercises) stay in the sandbox, which the
 * caller keeps alive to call them later (sandbox_call(sb, "check", ...)).
 * The schema is docs/EXERCISES.md.
 *
 * Every problem is reported as "file:line: error: what was expected" in a
 * DiagList, all of them in one pass.  Lines are found by looking for the key
 * in the source ("title =" ...; a step by its "at ="); when the key is not
 * there, the line of the chunk's last `return` is used.
 */
#ifndef PYDIVE_SCRIPT_EXERCISE_H
#define PYDIVE_SCRIPT_EXERCISE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "script/sandbox.h"
#include "lab/lab.h"

typedef enum ExerciseKind {
    EXERCISE_PREDICT, /* a program runs; at chosen lines the learner predicts */
    EXERCISE_FIX,     /* the learner edits `starter` until `check` passes */
    EXERCISE_SANDBOX, /* a free playground: a program and every view */
} ExerciseKind;

typedef enum StepType {
    STEP_CHOICE, /* one of `choices`; answer is its 1-based index */
    STEP_MULTI,  /* several of `choices`; answer lists indices (kept sorted) */
    STEP_ORDER,  /* put all `choices` in order; answer is a permutation */
    STEP_NUMBER, /* a number; answer is that number */
} StepType;

typedef struct ExerciseStep {
    int at;          /* program line (1-based) before which the run pauses */
    char *ask;       /* the question */
    StepType type;
    char **choices;  /* STEP_CHOICE/MULTI/ORDER: at least 2 */
    size_t nchoices;
    int *answer;     /* choice indices, 1-based; NULL for STEP_NUMBER */
    size_t nanswer;
    double number;   /* STEP_NUMBER: the answer */
    char *explain;   /* shown after the learner answered */
    int line;        /* where the step is in the .lua file */
    bool has_model;  /* the step has a `model` function (left in the sandbox): it
                        computes the true answer from the run (exrun_verify) */
} ExerciseStep;

#define EXERCISE_HINTS 3
#define EXERCISE_DIFFICULTY_MAX 5

typedef struct Exercise {
    char *file;       /* the path it was loaded from */
    int line;         /* the line of the chunk's last `return` */
    char *id;         /* [a-z0-9][a-z0-9-]*, equal to the file name without .lua */
    char *title;
    char *goal;       /* one sentence: what "solved" means */
    ExerciseKind kind;
    const LabClass *lab; /* `model = "gil"`: the program is that lab's (lab/lab.h);
                            NULL: Python on the simulated CPython */
    int difficulty;   /* 1 (first steps) .. 5 (hardest in the course) */
    char **competencies; /* ids of competency areas, at least one */
    size_t ncompetencies;
    char *hints[EXERCISE_HINTS]; /* nudge, concept (with a lesson link), part of the
                                    answer; all NULL for a sandbox without hints */
    char *hint_link;  /* "ch02#reference-counting", taken from hints[1] */
    char *solution;   /* the reference answer; NULL only for sandbox exercises */
    char *program;    /* Python source: predict (required), sandbox ("" if absent) */
    char *starter;    /* Python source the learner starts from: fix only */
    ExerciseStep *steps; /* predict only, at least one */
    size_t nsteps;
    bool ends_in_error; /* predict, sandbox: the program is meant to stop with an error
                           (a C-API misuse, an exception), and verify checks that it does */
    const char *view; /* `view = "graph"`: the view the program opens on ("arena",
                         "memory", "graph", "gc"; static text); NULL: the arena map */
    const char *python; /* `python = "3.13t"`: the profile its programs run on (a
                           profile's static name); NULL: the default (3.11) */
    bool has_check;   /* fix: the table has a `check` function (left in the sandbox) */
    int check_line;   /* where `check` is defined */
} Exercise;

/* Runs `path` in `sb` (chunk name "@path") and validates what it returns.
 * Fills *ex as far as it could read it; returns true when no error was
 * added to dl.  *ex must be zeroed; exercise_fini frees it either way. */
bool exercise_load(Sandbox *sb, const char *path, Exercise *ex, DiagList *dl);
/* Same, from source already in memory; `path` names it in messages. */
bool exercise_load_string(Sandbox *sb, const char *path, const char *src, size_t len,
                          Exercise *ex, DiagList *dl);
void exercise_fini(Exercise *ex);
/* The profile the exercise's programs run on (its `python`, or the default). */
const struct SimProfile *exercise_profile(const Exercise *ex);

const char *exercise_kind_name(ExerciseKind kind);
const char *exercise_step_type_name(StepType type);

#endif
