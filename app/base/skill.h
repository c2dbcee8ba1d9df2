/*
 * skill: the pure arithmetic of skill stages and roadmap priorities, in one
 * place for the two callers that need it: the learner's assessment engine
 * (learner/mastery.c, learner/roadmap.c), which takes its numbers from
 * the assessments/ YAML files, and the roadmap lab (lab/roadmap/lab_roadmap.c), whose
 * programs carry the same numbers as text.  Either way the answer comes from
 * the functions below, so an exercise cannot teach a ranking the dashboard
 * would not give.  No I/O, no allocation; the rules in words are in
 * docs/ASSESSMENTS.md sections 2.1, 2.2 and 2.4.
 */
#ifndef PYDIVE_BASE_SKILL_H
#define PYDIVE_BASE_SKILL_H

#include <stdbool.h>
#include <stddef.h>

#define SKILL_NSTAGES 5   /* the Dreyfus ladder: novice .. expert, ranks 0..4 */
#define SKILL_MAX_STEPS 3 /* next steps a roadmap entry offers */

/* Bayesian Knowledge Tracing parameters (Corbett & Anderson 1995). */
typedef struct BktParams {
    double p_init;  /* p(L0): known before any evidence */
    double p_learn; /* p(T): learned at one opportunity */
    double p_guess; /* p(G): right without knowing */
    double p_slip;  /* p(S): wrong while knowing */
} BktParams;

/* A rung above novice: the conditions to stand on it. */
typedef struct StageRule {
    double min_mastery;  /* p(L) at least this */
    int min_correct;     /* distinct items answered right ... */
    int at_difficulty;   /* ... at this difficulty or harder */
    int min_exercises;   /* exercises solved for this competency */
} StageRule;

/* One BKT step: the posterior p(L | observation) mixed with the prior by
 * `weight` (1 = the published update, 0 = no change), then the learning
 * transition p(T) scaled by the same weight.  Returns the new p(L). */
double bkt_update(const BktParams *p, double p_known, bool correct, double weight);
/* p(correct) predicted for the next opportunity. */
double bkt_p_correct(const BktParams *p, double p_known);

/* The stage index the ladder gives (rules[0] unused), -1 without evidence.
 * right_at[d]: distinct items right at difficulty d or harder (d 1..3). */
int skill_stage(const StageRule rules[SKILL_NSTAGES], double mastery, const int right_at[4],
                int solved, bool any_evidence);
/* The overall stage: the lower median of the stages >= 0, or -1 when fewer
 * than min_assessed of them are. */
int skill_overall(int min_assessed, const int *stages, size_t n);

/* The rung a roadmap plans from: a competency not assessed (-1) counts as
 * novice (0). */
int skill_at(int current);
/* Rungs from the current stage up to the target, never below 0. */
int skill_gap(int current, int target);
double skill_priority(int gap, double weight);
/* Roadmap order: negative when entry a ranks above b.  Higher priority
 * first, then higher weight, then the lower content order. */
int skill_rank_cmp(double priority_a, double weight_a, int order_a, double priority_b,
                   double weight_b, int order_b);
/* Whether a next step (for the competencies comps, right at the stages
 * marked in `stages`) suits `competency` for a learner at rung `at`.  A
 * roadmap entry offers the first SKILL_MAX_STEPS that fit, in content order. */
bool skill_step_fits(const int *comps, size_t ncomps, const bool stages[SKILL_NSTAGES],
                     int competency, int at);

#endif
