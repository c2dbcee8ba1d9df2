/*
 * reprlib_int: what reprlib.c (the dispatch of Repr.repr1) and
 * reprlib_class.c (the Repr class) share.
 */
#ifndef PYDIVE_PYRUN_MODULES_REPRLIB_INT_H
#define PYDIVE_PYRUN_MODULES_REPRLIB_INT_H

#include "pyrun/builtins.h"

/* a Repr instance's limits (its attributes, read when a call starts) */
typedef struct ReprLimits {
    int64_t level, tuple, list, array, dict, set, frozenset, deque, string, lng, other;
} ReprLimits;

/* Repr.repr1(x, level) with those limits: a new str, or 0 with the error */
SimId reprlib_repr1(PyRun *I, const ReprLimits *L, SimId x, int64_t level);

/* reprlib_class.c: the Repr class's methods (a[0] is self), and the class
 * put in the module's dict */
SimId rc_init(PyRun *I, SimId *a, int n, SimId kw);
SimId rc_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId rc_repr1(PyRun *I, SimId *a, int n, SimId kw);
SimId rc_inner(PyRun *I, SimId *a, int n, SimId kw);
void reprlib_class_init(PyRun *I, SimId d);

#endif
