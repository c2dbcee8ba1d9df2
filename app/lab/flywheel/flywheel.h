/*
 * flywheel: chapter 6's illustrative model of the loop users -> libraries ->
 * tools and investment -> more users.  AN ILLUSTRATION, NOT A FORECAST: it is
 * fitted to no data, its default parameters are invented round numbers, and
 * its outputs are not predictions (lessons/06-ai-ecosystem.yaml, section
 * flywheel-model, states the same model and labels it the same way).
 *
 * One step (think of it as a year) from (U, L, T) to (U', L', T'):
 *
 *   L' = L + a*U - d*L                          users write libraries; some decay
 *   T' = T + b*L - d*T                          libraries draw tools and money; some decay
 *   U' = U + g*(L + T)*U*(1 - U) - c*U          libraries and tools pull in developers
 *                                               not yet using it; some users leave
 *
 *   U  users, a share of all developers, 0..1
 *   L  libraries, an index (0 = none)
 *   T  tools and investment, an index (0 = none)
 *   a  libraries written per unit of users      default 0.5
 *   b  tools and investment drawn per library   default 0.5
 *   d  share of libraries and tools that decay  default 0.1
 *   g  pull of libraries and tools on users     default 0.1
 *   c  share of users who leave each step       default 0.05
 *
 * Every right-hand side reads the old values (a simultaneous update).  U is a
 * share, so a step that would take it outside 0..1 (only with extreme
 * parameters) is held at the bound and the step says so (FlyStep.clamped).
 * Plain C, no I/O, no randomness: the same inputs give the same run.
 */
#ifndef PYDIVE_SIM_FLYWHEEL_H
#define PYDIVE_SIM_FLYWHEEL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct FlyParams {
    double a, b, d, g, c; /* see above */
} FlyParams;

typedef struct FlyState {
    double users, libraries, tools; /* U, L, T */
} FlyState;

/* The parameter names in the order above ("a" ... "c") and their ranges. */
typedef struct FlyParamInfo {
    const char *name;
    const char *meaning;
    double lo, hi; /* accepted values, inclusive */
} FlyParamInfo;

extern const FlyParamInfo flywheel_param_info[5];

FlyParams flywheel_defaults(void);
/* The parameter called `name` ("a", "b", "d", "g", "c"), or NULL. */
double *flywheel_param(FlyParams *p, const char *name);
const FlyParamInfo *flywheel_param_find(const char *name);

/* One step of the equations; true when U had to be held within 0..1. */
bool flywheel_step(const FlyParams *p, FlyState *s);
/* The first step (1..max) at which users reach `level` starting from s0;
 * 0 when they do not within max steps. */
int flywheel_steps_to(const FlyParams *p, FlyState s0, double level, int max);

#endif
