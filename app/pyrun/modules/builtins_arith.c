/*
 * builtins_arith: the builtins that do arithmetic on numbers: abs(),
 * divmod() and pow() with its three-argument modular path (long_pow's),
 * CPython's results and messages for each.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)

SimId builtin_abs(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "abs", n, 1, 1))
        return 0;
    if (sim_kind(S, a[0]) == SK_FLOAT)
        return sim_float(S, fabs(sim_obj(S, a[0])->v.f));
    if (sim_kind(S, a[0]) == SK_COMPLEX)
        return complex_abs(I, a[0]);
    bool own = I->own_slot; /* int.__abs__(self), super().__abs__() */
    I->own_slot = false;
    if (sim_kind(S, a[0]) == SK_INSTANCE || (!own && sim_is_subinst(S, a[0]) && dunder_defines(I, a[0], "__abs__"))) {
        SimId r = dunder_call0(I, a[0], "__abs__");
        if (r != S->notimpl)
            return r;
        py_raise(I, EXC_TypeError, "bad operand type for abs(): '%s'", op_typename(I, a[0]));
        return 0;
    }
    SimKind k = sim_kind(S, a[0]);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "bad operand type for abs(): '%s'", op_typename(I, a[0]));
        return 0;
    }
    /* long_abs: the negation of a negative int; a non-negative int itself
     * (a copy for a bool: the small int) */
    SimId zero = sim_int(S, 0), lt = op_compare(I, OP_LT, a[0], zero);
    sim_decref(S, zero);
    if (!lt)
        return 0;
    bool neg = lt == S->true_;
    sim_decref(S, lt);
    if (neg)
        return op_unary(I, OP_NEG, a[0]);
    return int_exact(I, a[0]); /* long_long: a bool's or a subclass's value as an exact int */
}

SimId builtin_abs_of(PyRun *I, SimId v) { return builtin_abs(I, &v, 1, 0); }

SimId builtin_divmod(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "divmod", n, 2, 2))
        return 0;
    SimKind ka = sim_kind(S, a[0]), kb = sim_kind(S, a[1]);
    if (ka == SK_INSTANCE || kb == SK_INSTANCE)
        return py_not_modelled(I, 0, "divmod() of an object of a class (__divmod__, __rdivmod__)"), 0;
    bool numbers = (ka == SK_INT || ka == SK_BOOL || ka == SK_FLOAT) && (kb == SK_INT || kb == SK_BOOL || kb == SK_FLOAT);
    if (!numbers) { /* no nb_divmod for the pair */
        py_raise(I, EXC_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", op_typename(I, a[0]),
                 op_typename(I, a[1]));
        return 0;
    }
    if (numbers && (ka == SK_FLOAT || kb == SK_FLOAT)) { /* float_divmod's own message */
        bool zero = kb == SK_FLOAT ? sim_obj(S, a[1])->v.f == 0.0
                                   : sim_obj(S, a[1])->sub != 1 && sim_obj(S, a[1])->v.i == 0;
        if (zero) {
            py_raise(I, EXC_ZeroDivisionError, "float divmod()");
            return 0;
        }
    }
    SimId q = op_binary(I, OP_FLOORDIV, a[0], a[1], false);
    if (!q)
        return 0;
    SimId r = op_binary(I, OP_MOD, a[0], a[1], false);
    if (!r) {
        sim_decref(S, q);
        return 0;
    }
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, q);
    sim_tuple_set(S, t, 1, r);
    return t;
}

/* (b * e) % m without overflow, m > 0 */
static int64_t mulmod(int64_t a, int64_t b, int64_t m) { return (int64_t)((__int128)a * b % m); }

/* pow(base, exp, mod) with an int beyond 64 bits among them; under
 * tracemalloc its figures are not followed (l_mod's blocks) */
static SimId pow_mod_big(PyRun *I, SimId b, SimId e, SimId m)
{
    BigInt x, y, z, r;
    big_from_sim(S, b, &x);
    big_from_sim(S, e, &y);
    big_from_sim(S, m, &z);
    bool ok = z.sign != 0 && big_powmod(&x, &y, &z, &r);
    bool zero = z.sign == 0;
    big_free(&x);
    big_free(&y);
    big_free(&z);
    if (!ok) {
        py_raise(I, EXC_ValueError, zero ? "pow() 3rd argument cannot be 0" : "base is not invertible for the given modulus");
        return 0;
    }
    if (sim_tracing(S))
        tm_note_unsure(I, "pow() with three arguments beyond 64-bit integers (the blocks of its reductions)");
    return big_to_sim(S, &r);
}

/* pow(base, exp, mod) for ints (long_pow's three-argument path) */
SimId builtin_pow_mod(PyRun *I, SimId b, SimId e, SimId m)
{
    SimKind kb = sim_kind(S, b), ke = sim_kind(S, e), km = sim_kind(S, m);
    bool ints = (kb == SK_INT || kb == SK_BOOL) && (ke == SK_INT || ke == SK_BOOL) && (km == SK_INT || km == SK_BOOL);
    if (kb == SK_COMPLEX || ke == SK_COMPLEX || km == SK_COMPLEX) { /* complex_pow with a modulus */
        py_raise(I, EXC_ValueError, "complex modulo");
        return 0;
    }
    if (!ints) {
        py_raise(I, EXC_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return 0;
    }
    if (sim_obj(S, b)->sub == 1 || sim_obj(S, e)->sub == 1 || sim_obj(S, m)->sub == 1)
        return pow_mod_big(I, b, e, m);
    int64_t base = sim_obj(S, b)->v.i, exp = sim_obj(S, e)->v.i, mod = sim_obj(S, m)->v.i;
    if (mod == 0) {
        py_raise(I, EXC_ValueError, "pow() 3rd argument cannot be 0");
        return 0;
    }
    if (mod == INT64_MIN)
        return py_not_modelled(I, 0, "pow() with three arguments beyond 64-bit integers"), 0;
    bool negative = mod < 0;
    int64_t c = negative ? -mod : mod;
    int64_t x = ((base % c) + c) % c;
    if (exp < 0) { /* the inverse of base modulo c, then its power */
        int64_t r0 = c, r1 = x, t0 = 0, t1 = 1;
        while (r1) {
            int64_t q = r0 / r1, r2 = r0 - q * r1, t2 = t0 - q * t1;
            r0 = r1, r1 = r2, t0 = t1, t1 = t2;
        }
        if (r0 != 1) {
            py_raise(I, EXC_ValueError, "base is not invertible for the given modulus");
            return 0;
        }
        x = ((t0 % c) + c) % c;
        exp = exp == INT64_MIN ? INT64_MAX : -exp; /* INT64_MIN: one short, refused below */
        if (sim_obj(S, e)->v.i == INT64_MIN)
            return py_not_modelled(I, 0, "pow() with three arguments beyond 64-bit integers"), 0;
    }
    int64_t r = c == 1 ? 0 : 1;
    for (; exp > 0 && c != 1; exp >>= 1) {
        if (exp & 1)
            r = mulmod(r, x, c);
        x = mulmod(x, x, c);
    }
    if (negative && r != 0)
        r -= c;
    return sim_int(S, r);
}

SimId builtin_pow(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np > 3) {
        py_raise(I, EXC_TypeError, "pow() takes at most 3 arguments (%d given)", np);
        return 0;
    }
    SimId base = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "base");
    SimId exp = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "exp");
    SimId mod = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "mod");
    if (!base || !exp) {
        py_raise(I, EXC_TypeError, "pow() missing required argument '%s' (pos %d)", base ? "exp" : "base",
                 base ? 2 : 1);
        return 0;
    }
    if (mod && sim_kind(S, mod) != SK_NONE)
        return builtin_pow_mod(I, base, exp, mod);
    return op_binary(I, OP_POW, base, exp, false); /* PyNumber_Power(base, exp, None) */
}

SimId builtin_divmod_of(PyRun *I, SimId x, SimId y)
{
    SimId a[2] = {x, y};
    return builtin_divmod(I, a, 2, 0);
}
