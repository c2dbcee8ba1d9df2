/*
 * fractions_int: what fractions.c (the class, construction, text) and
 * fractions_ops.c (arithmetic, comparison, hash, rounding) share.
 * Internal to pyrun/modules.
 */
#ifndef PYDIVE_PYRUN_MODULES_FRACTIONS_INT_H
#define PYDIVE_PYRUN_MODULES_FRACTIONS_INT_H

#include "pyrun/builtins.h"

/* The temporaries of a computation, released together (up to 64). */
typedef struct FrTmp {
    SimId ids[64];
    int n;
} FrTmp;
/* keeps v (a new reference or 0) to release with fr_tmp_free; returns v */
SimId fr_keep(PyRun *I, FrTmp *t, SimId v);
void fr_tmp_free(PyRun *I, FrTmp *t);

/* a Fraction of the model's (an instance of fractions.Fraction or a subclass) */
bool fr_is(PyRun *I, SimId v);
/* its _numerator and _denominator, borrowed */
SimId fr_num(PyRun *I, SimId f);
SimId fr_den(PyRun *I, SimId f);
/* a new fractions.Fraction of n and d (ints already in lowest terms, d > 0;
 * borrowed) */
SimId fr_make(PyRun *I, SimId n, SimId d);
/* Fraction(n, d) of two ints: ZeroDivisionError, gcd and sign as __new__ */
SimId fr_normalized(PyRun *I, SimId n, SimId d);
/* the young count and traced figures refused after Lib/fractions.py's code */
void fr_note(PyRun *I);
/* integer arithmetic on the model's ints: a new reference or 0 raised */
SimId fr_op(PyRun *I, FrTmp *t, int op, SimId a, SimId b);
/* a < 0, a == 0 for an int */
int fr_sign(PyRun *I, SimId a);
/* float(f): n / d, correctly rounded (a new float) */
SimId fr_float(PyRun *I, SimId f);

/* fractions_ops.c: the methods */
SimId fr_add(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_radd(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_sub(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_rsub(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_mul(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_rmul(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_div(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_rdiv(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_floordiv(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_rfloordiv(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_mod(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_rmod(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_pow(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_rpow(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_neg(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_pos(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_abs(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_eq(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_lt(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_le(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_gt(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_ge(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_hash(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_bool(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_trunc(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_floor(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_ceil(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_round(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_float_m(PyRun *I, SimId *a, int n, SimId kw);
SimId fr_limit(PyRun *I, SimId *a, int n, SimId kw);

#endif
