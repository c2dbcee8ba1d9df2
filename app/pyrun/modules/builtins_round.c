/*
 * builtins_round: round() as the numbers' own __round__ compute it —
 * floatobject.c (float___round___impl, double_round: the exact decimal
 * value rounded half to even at the digit asked for, which is what dtoa's
 * mode 3 gives), longobject.c (long_round: the int itself, or the nearest
 * multiple of 10**-ndigits, ties to even) — and a class's own __round__.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* floatobject.c's bounds: beyond them the answer is x, or a zero of x's sign */
enum { NDIGITS_MAX = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103),
       NDIGITS_MIN = -(int)((DBL_MAX_EXP + 1) * 0.30103) };

/* An int for an integral double (any size). */
static SimId int_of_double(PyRun *I, double r)
{
    if (fabs(r) < 9.2e18)
        return sim_int(S, (int64_t)r);
    char buf[400];
    snprintf(buf, sizeof buf, "%.0f", fabs(r));
    BigInt b;
    big_parse(buf, &b);
    if (r < 0)
        b.sign = -b.sign;
    return big_to_sim(S, &b);
}

/* |x| (finite, not zero) rounded half to even at 10**-nd, from its exact
 * decimal expansion */
static double round_decimal(double x, int nd)
{
    enum { FRAC = 1100 }; /* a double's expansion has at most 1074 decimals */
    char *s = malloc(FRAC + 400);
    snprintf(s, FRAC + 400, "%.*f", FRAC, fabs(x));
    char *dot = strchr(s, '.');
    size_t ilen = (size_t)(dot - s);
    memmove(dot, dot + 1, strlen(dot + 1) + 1); /* the digits alone */
    size_t len = strlen(s);
    long cut = (long)ilen + nd; /* digits kept */
    double r;
    if (cut < 0) {
        r = 0.0;
    } else if ((size_t)cut >= len) {
        r = fabs(x);
    } else {
        char next = s[cut];
        bool rest = false;
        for (size_t i = (size_t)cut + 1; i < len && !rest; i++)
            rest = s[i] != '0';
        bool odd = cut > 0 && (s[cut - 1] - '0') % 2;
        bool up = next > '5' || (next == '5' && (rest || odd));
        char *out = malloc((size_t)cut + ilen + 8);
        out[0] = '0'; /* room for a carry */
        memcpy(out + 1, s, (size_t)cut);
        size_t n = (size_t)cut + 1;
        for (size_t i = n; up && i-- > 0;) {
            if (out[i] == '9') {
                out[i] = '0';
            } else {
                out[i]++;
                up = false;
            }
        }
        /* digits up to the cut, then zeros to the decimal point */
        for (long z = cut; z < (long)ilen; z++)
            out[n++] = '0';
        out[n] = '\0';
        if (cut > (long)ilen) { /* a fraction: put the point back */
            size_t ipart = ilen + 1;
            memmove(out + ipart + 1, out + ipart, n - ipart + 1);
            out[ipart] = '.';
        }
        r = strtod(out, NULL);
        free(out);
    }
    free(s);
    return x < 0 ? -r : r;
}

static SimId round_float(PyRun *I, double x, SimId nd)
{
    if (!nd) { /* round(x): the nearest int, ties to even */
        if (isnan(x)) {
            py_raise(I, EXC_ValueError, "cannot convert float NaN to integer");
            return 0;
        }
        if (isinf(x)) {
            py_raise(I, EXC_OverflowError, "cannot convert float infinity to integer");
            return 0;
        }
        return int_of_double(I, nearbyint(x));
    }
    int64_t d = sim_obj(S, nd)->v.i;
    if (sim_obj(S, nd)->sub == 1) { /* PyNumber_AsSsize_t(nd, NULL) clamps a big one */
        SimId zero = sim_int(S, 0), lt = op_compare(I, OP_LT, nd, zero);
        sim_decref(S, zero);
        d = lt == S->true_ ? INT64_MIN : INT64_MAX;
        sim_xdecref(S, lt);
    }
    if (d > NDIGITS_MAX || !isfinite(x) || x == 0.0)
        return sim_float(S, x);
    if (d < NDIGITS_MIN)
        return sim_float(S, 0.0 * x);
    return sim_float(S, round_decimal(x, (int)d));
}

/* long_round with ndigits < 0: self - r, r the remainder of the division
 * by 10**-ndigits rounded half to even (_PyLong_DivmodNear) */
static SimId round_int_neg(PyRun *I, SimId v, SimId nd)
{
    SimId neg = op_unary(I, OP_NEG, nd), ten = sim_int(S, 10);
    SimId m = neg ? op_binary(I, OP_POW, ten, neg, false) : 0;
    sim_xdecref(S, neg);
    sim_decref(S, ten);
    if (!m)
        return 0;
    SimId q = op_binary(I, OP_FLOORDIV, v, m, false), r = q ? op_binary(I, OP_MOD, v, m, false) : 0;
    SimId twice = r ? op_binary(I, OP_ADD, r, r, false) : 0;
    SimId gt = twice ? op_compare(I, OP_GT, twice, m) : 0, eq = gt ? op_compare(I, OP_EQ, twice, m) : 0;
    SimId result = 0;
    if (eq) {
        bool up = gt == S->true_;
        if (!up && eq == S->true_) { /* a tie: to the even quotient */
            SimId two = sim_int(S, 2), odd = op_binary(I, OP_MOD, q, two, false);
            up = odd && op_truth(I, odd) == 1;
            sim_xdecref(S, odd);
            sim_decref(S, two);
        }
        SimId down = op_binary(I, OP_SUB, v, r, false);
        result = down && up ? op_binary(I, OP_ADD, down, m, false) : down;
        if (up)
            sim_xdecref(S, down);
    }
    SimId tmp[] = {m, q, r, twice, gt, eq};
    for (size_t i = 0; i < sizeof tmp / sizeof tmp[0]; i++)
        sim_xdecref(S, tmp[i]);
    return result;
}

static SimId round_int(PyRun *I, SimId v, SimId nd)
{
    if (nd) {
        SimId zero = sim_int(S, 0), lt = op_compare(I, OP_LT, nd, zero);
        sim_decref(S, zero);
        if (!lt)
            return 0;
        bool negative = lt == S->true_;
        sim_decref(S, lt);
        if (negative)
            return round_int_neg(I, v, nd);
    }
    return int_exact(I, v); /* long_long: a bool's or a subclass's value as an exact int */
}

SimId builtin_round(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw) { /* round(number=, ndigits=): the registry checked the names */
        int np = bi_npos(I, n, kw);
        SimId num = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "number");
        SimId nd = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "ndigits");
        SimId args[2] = {num, nd};
        return builtin_round(I, args, nd ? 2 : 1, 0);
    }
    bool own = I->own_slot; /* float.__round__(x) by its name: past a subclass's own */
    I->own_slot = false;
    if (!bi_nargs(I, "round", n, 1, 2))
        return 0;
    SimId x = a[0], nd = n > 1 && sim_kind(S, a[1]) != SK_NONE ? a[1] : 0;
    SimKind k = sim_kind(S, x);
    if (k == SK_INSTANCE || (!own && sim_is_subinst(S, x) && dunder_defines(I, x, "__round__"))) {
        SimId m = sim_type_lookup(S, sim_obj(S, x)->type, "__round__");
        if (m && (sim_kind(S, m) == SK_FUNC || weakref_native_method(I, m))) { /* fractions.Fraction's */
            SimId args[2] = {x, nd};
            return vm_call(I, m, args, nd ? 2 : 1);
        }
        if (m)
            return py_not_modelled(I, 0, "a __round__ that is not a plain function"), 0;
    }
    if (k != SK_FLOAT && k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "type %s doesn't define __round__ method", op_typename(I, x));
        return 0;
    }
    if (nd && sim_kind(S, nd) != SK_INT && sim_kind(S, nd) != SK_BOOL) {
        SimId r = dunder_index_hooked(I, nd) ? dunder_index(I, nd) : S->notimpl; /* float___round__, int___round__ */
        if (r != S->notimpl) {
            SimId args[2] = {x, r}, v = r ? builtin_round(I, args, 2, 0) : 0;
            sim_xdecref(S, r);
            return v;
        }
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, nd));
        return 0;
    }
    if (k == SK_FLOAT)
        return round_float(I, sim_obj(S, x)->v.f, nd);
    return round_int(I, x, nd);
}
