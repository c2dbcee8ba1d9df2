/*
 * predict: the expected answer of a "predict the output" assessment item,
 * computed by running its program on the simulated CPython (3.11, the
 * course's reference version) — never typed by hand.
 */
#ifndef PYDIVE_VIEW_PREDICT_H
#define PYDIVE_VIEW_PREDICT_H

#include <stdbool.h>

#include "base/buf.h"
#include "learner/assess.h"

/* A PredictOracle (learner/quiz.h): fills *out with what the program prints
 * on stdout; false when it cannot be run to a normal end. */
bool predict_output(const Item *item, Buf *out, void *ctx);
/* The same for any program text; *err (may be NULL) gets the last stderr line
 * on failure. */
bool predict_run(const char *program, const char *version, Buf *out, Buf *err);

#endif
