/*
 * math_exact: what the two files of the math module share. Internal to
 * pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_MATH_EXACT_H
#define PYDIVE_PYRUN_MODULES_MATH_EXACT_H

#include "pyrun/builtins.h"

/* PyFloat_AsDouble of a math argument: a float, or an int correctly
 * rounded; else CPython's TypeError (an object of a class is refused). */
bool math_to_double(PyRun *I, SimId v, double *out);

/* math_exact.c: the functions whose results are exact (BuiltinFn) */
SimId math_floor(PyRun *I, SimId *a, int n, SimId kw);
SimId math_ceil(PyRun *I, SimId *a, int n, SimId kw);
SimId math_trunc(PyRun *I, SimId *a, int n, SimId kw);
SimId math_factorial(PyRun *I, SimId *a, int n, SimId kw);
SimId math_isqrt(PyRun *I, SimId *a, int n, SimId kw);
SimId math_gcd(PyRun *I, SimId *a, int n, SimId kw);
SimId math_lcm(PyRun *I, SimId *a, int n, SimId kw);
SimId math_comb(PyRun *I, SimId *a, int n, SimId kw);
SimId math_perm(PyRun *I, SimId *a, int n, SimId kw);
SimId math_prod(PyRun *I, SimId *a, int n, SimId kw);
SimId math_fsum(PyRun *I, SimId *a, int n, SimId kw);

/* math.fsum's running sum (Shewchuk's error-free partials and the special
 * values seen): fsum_add gives CPython's error text or NULL (*overflow:
 * OverflowError rather than ValueError); fsum_result rounds the partials
 * half-even as math_fsum does.  Pure: tests/unit/test_math.c. */
typedef struct FsumState {
    double *p;
    size_t np, cap;
    double special, inf_sum;
} FsumState;
void fsum_init(FsumState *f);
void fsum_fini(FsumState *f);
const char *fsum_add(FsumState *f, double x, bool *overflow);
const char *fsum_result(const FsumState *f, double *out);

#endif
