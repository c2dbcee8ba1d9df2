/*
 * lab_roadmap: chapter 7's lab, a learner's plan (ext "plan"): the course's
 * competency areas, a goal's weights and targets, the learner's stages (set
 * directly or earned by answers through BKT and the stage ladder), the next
 * steps, and the ranking the dashboard would show.  All arithmetic is
 * base/skill.c, the same code the learner's real roadmap runs.
 *
 * The lab cannot read the YAML of assessments/ (sim/ has no I/O), so a program
 * carries the numbers as text; tests/unit/test_roadmap_lab_content.c checks
 * that every chapter 7 exercise program says what the YAML says.  The
 * language is documented in docs/EXERCISES.md section 8 ("The roadmap lab").
 *
 *   areas  A B C ...                   the competency ids, in the course's order (once, first)
 *   goal   ID                          a goal (track); the weights after it belong to it
 *   weight AREA W TARGET               W from 0.1 to 10, TARGET a stage id
 *   step   ID AREA[,AREA..] S[,S..]    a next step for those areas at those stages
 *   level  AREA STAGE|not-assessed     place the learner directly
 *   bkt    P_INIT P_LEARN P_SLIP       BKT parameters (answers need them)
 *   guess  KIND G                      p(G) for an item kind
 *   rule   STAGE MASTERY RIGHT DIFF EX a rung's rule (answers need all four)
 *   overall N                          areas needed for an overall stage
 *   answer AREA right|wrong DIFF [KIND]  one more item answered (default kind single)
 *   rank                               print the ranked roadmap
 *   stage                              print the stages and the overall stage
 */
#ifndef PYDIVE_SIM_LAB_ROADMAP_H
#define PYDIVE_SIM_LAB_ROADMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/skill.h"

#define PLAN_MAX_AREAS 16
#define PLAN_ID_MAX 64
#define PLAN_NKINDS 5 /* single multiple numeric ordering predict */

typedef enum PlanOp {
    PLAN_AREAS, PLAN_GOAL, PLAN_WEIGHT, PLAN_STEP, PLAN_LEVEL, PLAN_BKT, PLAN_GUESS,
    PLAN_RULE, PLAN_OVERALL, PLAN_ANSWER, PLAN_RANK, PLAN_STAGE,
} PlanOp;

/* One directive, read.  Which fields mean something depends on op. */
typedef struct PlanInstr {
    PlanOp op;
    int line;
    char id[PLAN_ID_MAX + 1];  /* goal, step: its id */
    int area;                  /* weight, level, answer: index into the areas */
    int stage;                 /* weight: target; level: stage (-1 = not assessed); rule */
    int kind;                  /* guess, answer: item kind index */
    bool right;                /* answer */
    int ints[3];               /* rule: right, difficulty, exercises; answer: difficulty;
                                  overall: ints[0] */
    double num[3];             /* weight: num[0]; bkt: init, learn, slip; guess: num[0];
                                  rule: num[0] = min mastery */
    int comps[PLAN_MAX_AREAS]; /* step: the areas it serves */
    size_t ncomps;
    bool stages[SKILL_NSTAGES]; /* step: the stages it suits */
} PlanInstr;

/* A row of the ranking as it stands now. */
typedef struct PlanRow {
    int area;              /* index into the areas (content order) */
    const char *competency;
    int current;           /* stage, -1 = not assessed */
    int target;
    int gap;
    double weight;
    double priority;
    const char *step;      /* the first next step that fits; NULL when none given */
} PlanRow;

/* Stage ids of the ladder ("novice" .. "expert"); "not-assessed" for -1. */
const char *plan_stage_id(int stage);
const char *plan_kind_id(int kind);

/* Read access to a roadmap lab's state (the `st` of a Lab whose class is
 * lab_roadmap), for its Lua binding, its view and the content test. */
size_t plan_ninstrs(const void *st);
const PlanInstr *plan_instr(const void *st, size_t i);
size_t plan_nareas(const void *st); /* 0 until the `areas` line ran */
const char *plan_area(const void *st, size_t i);
int plan_area_stage(const void *st, size_t i);
/* p(L) of an area placed by answers; false for one that is not. */
bool plan_area_mastery(const void *st, size_t i, double *mastery);
const char *plan_goal(const void *st); /* "" before a `goal` line ran */
/* The ranking for the current goal, best first; returns the rows written
 * (at most PLAN_MAX_AREAS, so out needs that many). */
size_t plan_ranking(const void *st, PlanRow *out);
/* The overall stage (-1: not enough evidence); false when no `overall`
 * line ran yet. */
bool plan_overall(const void *st, int *overall, int *assessed, int *needed);

#endif
