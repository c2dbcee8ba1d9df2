/*
 * lab_flywheel: the flywheel lab (chapter 6), a program of directives over
 * the model of lab/flywheel/flywheel.h.  AN ILLUSTRATION, NOT A FORECAST.
 *
 *   set a=0.5 g=0.2        change parameters (a b d g c, see flywheel.h)
 *   users 0.2              set a stock now: users (a share, 0..1),
 *   libraries 1            libraries or tools (an index, 0 or more)
 *   run 30 steps           run the equations N steps (1..1000; "years"
 *                          and "steps" are the same unit), printing a table
 *   shock libraries -50%   multiply a stock by (1 + P/100), P >= -100
 *   show                   print the equations with the current values
 *   data so2025-languages "Python, 2025" 57.9
 *                          quote one figure of assets/data/ID.yaml in the
 *                          program, so an exercise can reason from it;
 *                          tests/content checks each against the file
 *
 * Every run starts from U=0.2, L=0, T=0 with the default parameters.  The
 * read-only accessors below are for the lab's view and Lua binding.
 */
#ifndef PYDIVE_SIM_LAB_FLYWHEEL_H
#define PYDIVE_SIM_LAB_FLYWHEEL_H

#include <stddef.h>

#include "lab/flywheel/flywheel.h"
#include "lab/lab.h"

#define FLY_MAX_RUN 1000     /* steps one `run` line may ask for */
#define FLY_MAX_STEPS 10000  /* steps in a whole program */

typedef struct FlyDatum {
    char *id;      /* assets/data file name without .yaml */
    char *label;   /* the point's label */
    double value;
    char *text;    /* the value as written in the program */
    int line;      /* where the program quotes it */
} FlyDatum;

typedef struct FlyMark {
    int t;          /* the step it happened at */
    char what[48];  /* "libraries -50%" */
} FlyMark;

/* The model as it is now.  series[i] is the state at step i (after any
 * change made at that step); nseries = t + 1. */
const FlyParams *fly_lab_params(const Lab *lab);
const FlyState *fly_lab_series(const Lab *lab, size_t *nseries);
/* Steps a view should show: fewer than nseries while a `run` line plays out. */
size_t fly_lab_shown(const Lab *lab);
const FlyDatum *fly_lab_data(const Lab *lab, size_t *n);
const FlyMark *fly_lab_marks(const Lab *lab, size_t *n);
/* Steps at which U had to be held within 0..1. */
size_t fly_lab_clamped(const Lab *lab);

#endif
