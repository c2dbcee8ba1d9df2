/*
 * fractions_ops: Fraction's arithmetic, comparisons, hash and rounding as
 * Lib/fractions.py computes them: _operator_fallbacks (a Fraction or an
 * int operand gives an exact result, a float one the float operation on
 * float(a)), _add/_sub/_mul/_div reduced to lowest terms (the ints are
 * the same whatever the order of gcds), _floordiv and _mod, __pow__ and
 * __rpow__, _richcmp and __eq__ (a float compared exactly, NaN and the
 * infinities as 0.0 is), __hash__ (the inverse of the denominator modulo
 * 2**61 - 1), __trunc__/__floor__/__ceil__/__round__ (ties to even) and
 * limit_denominator's continued fraction.  Each profile's own
 * ZeroDivisionError text.  Complex operands are refused.
 */
#include <math.h>

#include "pyrun/interp.h"
#include "pyrun/modules/fractions_int.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId notimpl(PyRun *I)
{
    sim_incref(S, S->notimpl);
    return S->notimpl;
}

static bool one_arg(PyRun *I, const char *fn, int n, SimId kw)
{
    fr_note(I);
    if (kw || n != 2) {
        py_raise(I, EXC_TypeError, "Fraction.%s() takes 2 positional arguments but %d were given", fn, n);
        return false;
    }
    return true;
}

static bool intlike(PyRun *I, SimId v) { return sim_kind(S, v) == SK_INT || sim_kind(S, v) == SK_BOOL; }

/* the numerator and denominator of a Rational operand (int or Fraction) */
static bool rational(PyRun *I, FrTmp *t, SimId v, SimId *n, SimId *d)
{
    if (intlike(I, v)) {
        *n = v;
        *d = fr_keep(I, t, sim_int(S, 1));
        return true;
    }
    if (fr_is(I, v)) {
        *n = fr_num(I, v);
        *d = fr_den(I, v);
        return true;
    }
    return false;
}

typedef enum { K_ADD, K_SUB, K_MUL, K_DIV, K_FLOORDIV, K_MOD, K_POW } Kind;
static const int float_op[] = {OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW};

static int64_t small(PyRun *I, SimId v)
{
    int64_t x = 0;
    bi_int_arg(I, v, &x);
    return x;
}

static bool above_one(PyRun *I, SimId v)
{
    SimId one = sim_int(S, 1), c = op_compare(I, OP_GT, v, one);
    bool r = c && op_truth(I, c) == 1;
    sim_xdecref(S, c);
    sim_decref(S, one);
    return r;
}

/* a / b's ZeroDivisionError: 3.12 names b's denominator; 3.11 the
 * numerator _div made before Fraction(n, 0) refused it */
static SimId div_by_zero(PyRun *I, FrTmp *t, SimId na, SimId da, SimId db)
{
    SimId n = db;
    if (S->prof->version == SIM_V311) {
        SimId zero = fr_keep(I, t, sim_int(S, 0)), g[2] = {na, zero}, h[2] = {db, da};
        SimId g1 = fr_keep(I, t, math_gcd(I, g, 2, 0)), g2 = fr_keep(I, t, math_gcd(I, h, 2, 0));
        if (!g1 || !g2)
            return 0;
        SimId a = above_one(I, g1) ? fr_op(I, t, OP_FLOORDIV, na, g1) : na;
        SimId b = above_one(I, g2) ? fr_op(I, t, OP_FLOORDIV, db, g2) : db;
        n = fr_op(I, t, OP_MUL, a, b);
    }
    Buf buf = {0};
    if (n && op_str(I, n, &buf))
        py_raise(I, EXC_ZeroDivisionError, "Fraction(%s, 0)", buf_str(&buf));
    buf_fini(&buf);
    return 0;
}

/* the monomorphic operation on two Rationals */
static SimId mono(PyRun *I, Kind k, SimId na, SimId da, SimId nb, SimId db)
{
    FrTmp t = {0};
    SimId r = 0, n = 0, d = 0;
    switch (k) {
    case K_ADD: case K_SUB:
        n = fr_op(I, &t, k == K_ADD ? OP_ADD : OP_SUB, fr_op(I, &t, OP_MUL, na, db), fr_op(I, &t, OP_MUL, da, nb));
        d = fr_op(I, &t, OP_MUL, da, db);
        break;
    case K_MUL:
        n = fr_op(I, &t, OP_MUL, na, nb);
        d = fr_op(I, &t, OP_MUL, da, db);
        break;
    case K_DIV:
        if (fr_sign(I, nb) == 0) {
            div_by_zero(I, &t, na, da, db);
            break;
        }
        n = fr_op(I, &t, OP_MUL, na, db);
        d = fr_op(I, &t, OP_MUL, da, nb);
        break;
    case K_FLOORDIV: /* an int */
        r = op_binary(I, OP_FLOORDIV, fr_op(I, &t, OP_MUL, na, db), fr_op(I, &t, OP_MUL, da, nb), false);
        break;
    case K_MOD:
        n = fr_op(I, &t, OP_MOD, fr_op(I, &t, OP_MUL, na, db), fr_op(I, &t, OP_MUL, nb, da));
        d = fr_op(I, &t, OP_MUL, da, db);
        break;
    case K_POW: break;
    }
    if (n && d)
        r = fr_normalized(I, n, d);
    fr_tmp_free(I, &t);
    return r;
}

static SimId power(PyRun *I, SimId a, SimId b);

/* forward(a, b): self is a[0] */
static SimId forward(PyRun *I, SimId *a, int n, SimId kw, Kind k, const char *fn)
{
    if (!one_arg(I, fn, n, kw))
        return 0;
    SimId self = a[0], b = a[1];
    if (k == K_POW)
        return power(I, self, b);
    FrTmp t = {0};
    SimId nb, db, r;
    if (rational(I, &t, b, &nb, &db)) {
        r = mono(I, k, fr_num(I, self), fr_den(I, self), nb, db);
    } else if (sim_kind(S, b) == SK_FLOAT) {
        SimId f = fr_keep(I, &t, fr_float(I, self));
        r = f ? op_binary(I, float_op[k], f, b, false) : 0;
    } else if (sim_kind(S, b) == SK_COMPLEX) {
        r = (py_not_modelled(I, 0, "a Fraction with a complex number"), (SimId)0);
    } else {
        r = notimpl(I);
    }
    fr_tmp_free(I, &t);
    return r;
}

/* reverse(b, a): self (the Fraction) is a[0], the left operand a[1] */
static SimId reverse(PyRun *I, SimId *a, int n, SimId kw, Kind k, const char *fn)
{
    if (!one_arg(I, fn, n, kw))
        return 0;
    SimId self = a[0], left = a[1];
    FrTmp t = {0};
    SimId r;
    if (intlike(I, left)) {
        r = mono(I, k, left, fr_keep(I, &t, sim_int(S, 1)), fr_num(I, self), fr_den(I, self));
    } else if (sim_kind(S, left) == SK_FLOAT) {
        SimId f = fr_keep(I, &t, fr_float(I, self)), l = fr_keep(I, &t, vm_call(I, S->types[SK_FLOAT], &left, 1));
        r = f && l ? op_binary(I, float_op[k], l, f, false) : 0;
    } else if (sim_kind(S, left) == SK_COMPLEX) {
        r = (py_not_modelled(I, 0, "a Fraction with a complex number"), (SimId)0);
    } else {
        r = notimpl(I);
    }
    fr_tmp_free(I, &t);
    return r;
}

#define OPS(name, k, fwd, rev)                                                                                         \
    SimId fr_##name(PyRun *I, SimId *a, int n, SimId kw) { return forward(I, a, n, kw, k, fwd); }                      \
    SimId fr_r##name(PyRun *I, SimId *a, int n, SimId kw) { return reverse(I, a, n, kw, k, rev); }
OPS(add, K_ADD, "__add__", "__radd__")
OPS(sub, K_SUB, "__sub__", "__rsub__")
OPS(mul, K_MUL, "__mul__", "__rmul__")
OPS(div, K_DIV, "__truediv__", "__rtruediv__")
OPS(floordiv, K_FLOORDIV, "__floordiv__", "__rfloordiv__")
OPS(mod, K_MOD, "__mod__", "__rmod__")

/* ---- powers ------------------------------------------------------------------------ */

/* a ** b for a Fraction a */
static SimId power(PyRun *I, SimId a, SimId b)
{
    FrTmp t = {0};
    SimId nb, db, r = 0;
    if (rational(I, &t, b, &nb, &db)) {
        SimId one = fr_keep(I, &t, sim_int(S, 1));
        int whole = op_equal(I, db, one);
        SimId na = fr_num(I, a), da = fr_den(I, a);
        if (whole == 1) {
            int ps = fr_sign(I, nb), as = fr_sign(I, na);
            SimId neg = ps < 0 ? fr_keep(I, &t, op_unary(I, OP_NEG, nb)) : nb;
            if (ps >= 0) {
                SimId x = fr_op(I, &t, OP_POW, na, nb), y = fr_op(I, &t, OP_POW, da, nb);
                r = x && y ? fr_make(I, x, y) : 0;
            } else if (as > 0 || (as == 0 && S->prof->version == SIM_V311)) {
                SimId x = fr_op(I, &t, OP_POW, da, neg), y = fr_op(I, &t, OP_POW, na, neg);
                if (as == 0) { /* 3.11: Fraction(d ** -p, 0, _normalize=False) refuses it */
                    Buf buf = {0};
                    if (x && op_str(I, x, &buf))
                        py_raise(I, EXC_ZeroDivisionError, "Fraction(%s, 0)", buf_str(&buf));
                    buf_fini(&buf);
                } else {
                    r = x && y ? fr_make(I, x, y) : 0;
                }
            } else if (as == 0) {
                SimId x = fr_op(I, &t, OP_POW, da, neg);
                Buf buf = {0};
                if (x && op_str(I, x, &buf))
                    py_raise(I, EXC_ZeroDivisionError, "Fraction(%s, 0)", buf_str(&buf));
                buf_fini(&buf);
            } else if (as < 0) {
                SimId x = fr_op(I, &t, OP_POW, fr_keep(I, &t, op_unary(I, OP_NEG, da)), neg);
                SimId y = fr_op(I, &t, OP_POW, fr_keep(I, &t, op_unary(I, OP_NEG, na)), neg);
                r = x && y ? fr_make(I, x, y) : 0;
            }
        } else if (whole == 0) { /* float(a) ** float(b) */
            SimId x = fr_keep(I, &t, fr_float(I, a));
            SimId y = intlike(I, b) ? fr_keep(I, &t, vm_call(I, S->types[SK_FLOAT], &b, 1)) : fr_keep(I, &t, fr_float(I, b));
            r = x && y ? op_binary(I, OP_POW, x, y, false) : 0;
        }
    } else if (sim_kind(S, b) == SK_COMPLEX) {
        r = (py_not_modelled(I, 0, "a Fraction with a complex number"), (SimId)0);
    } else {
        SimId x = fr_keep(I, &t, fr_float(I, a));
        r = x ? op_binary(I, OP_POW, x, b, false) : 0;
    }
    fr_tmp_free(I, &t);
    return r;
}

SimId fr_pow(PyRun *I, SimId *a, int n, SimId kw) { return forward(I, a, n, kw, K_POW, "__pow__"); }

/* __rpow__(b, a): self b is a[0], the base a[1] */
SimId fr_rpow(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!one_arg(I, "__rpow__", n, kw))
        return 0;
    SimId b = a[0], base = a[1], nb = fr_num(I, b), db = fr_den(I, b);
    SimId one = sim_int(S, 1);
    int whole = op_equal(I, db, one);
    sim_decref(S, one);
    if (whole < 0)
        return 0;
    if (whole && fr_sign(I, nb) >= 0)
        return op_binary(I, OP_POW, base, nb, false);
    if (intlike(I, base)) { /* Fraction(a) ** b */
        FrTmp t = {0};
        SimId f = fr_keep(I, &t, fr_make(I, base, fr_keep(I, &t, sim_int(S, 1))));
        SimId r = f ? power(I, f, b) : 0;
        fr_tmp_free(I, &t);
        return r;
    }
    if (sim_kind(S, base) == SK_COMPLEX)
        return py_not_modelled(I, 0, "a Fraction with a complex number"), (SimId)0;
    if (whole)
        return op_binary(I, OP_POW, base, nb, false);
    SimId f = fr_float(I, b), r = f ? op_binary(I, OP_POW, base, f, false) : 0;
    sim_xdecref(S, f);
    return r;
}

/* ---- unary ------------------------------------------------------------------------- */

static bool self_only(PyRun *I, const char *fn, int n, SimId kw)
{
    fr_note(I);
    if (kw || n != 1) {
        py_raise(I, EXC_TypeError, "Fraction.%s() takes 1 positional argument but %d were given", fn, n);
        return false;
    }
    return true;
}

static SimId unary(PyRun *I, SimId *a, int n, SimId kw, const char *fn, int op)
{
    if (!self_only(I, fn, n, kw))
        return 0;
    SimId num = fr_num(I, a[0]);
    SimId x = op >= 0 ? op_unary(I, op, num) : (sim_incref(S, num), num);
    if (op == -2 && fr_sign(I, num) < 0) { /* abs */
        sim_decref(S, x);
        x = op_unary(I, OP_NEG, num);
    }
    SimId r = x ? fr_make(I, x, fr_den(I, a[0])) : 0;
    sim_xdecref(S, x);
    return r;
}

SimId fr_neg(PyRun *I, SimId *a, int n, SimId kw) { return unary(I, a, n, kw, "__neg__", OP_NEG); }
SimId fr_pos(PyRun *I, SimId *a, int n, SimId kw) { return unary(I, a, n, kw, "__pos__", -1); }
SimId fr_abs(PyRun *I, SimId *a, int n, SimId kw) { return unary(I, a, n, kw, "__abs__", -2); }

SimId fr_bool(PyRun *I, SimId *a, int n, SimId kw)
{
    return self_only(I, "__bool__", n, kw) ? sim_bool(S, fr_sign(I, fr_num(I, a[0])) != 0) : 0;
}

SimId fr_float_m(PyRun *I, SimId *a, int n, SimId kw) { return self_only(I, "__float__", n, kw) ? fr_float(I, a[0]) : 0; }

/* n // d rounded: 0 toward zero, -1 down, 1 up */
static SimId rounded(PyRun *I, SimId f, int how)
{
    FrTmp t = {0};
    SimId num = fr_num(I, f), den = fr_den(I, f), r;
    bool flip = how == 1 || (how == 0 && fr_sign(I, num) < 0);
    if (flip) { /* -(-n // d) */
        SimId q = fr_op(I, &t, OP_FLOORDIV, fr_keep(I, &t, op_unary(I, OP_NEG, num)), den);
        r = q ? op_unary(I, OP_NEG, q) : 0;
    } else {
        r = op_binary(I, OP_FLOORDIV, num, den, false);
    }
    fr_tmp_free(I, &t);
    return r;
}

SimId fr_trunc(PyRun *I, SimId *a, int n, SimId kw) { return self_only(I, "__trunc__", n, kw) ? rounded(I, a[0], 0) : 0; }
SimId fr_floor(PyRun *I, SimId *a, int n, SimId kw) { return self_only(I, "__floor__", n, kw) ? rounded(I, a[0], -1) : 0; }
SimId fr_ceil(PyRun *I, SimId *a, int n, SimId kw) { return self_only(I, "__ceil__", n, kw) ? rounded(I, a[0], 1) : 0; }

/* round(f): divmod, ties to the even one */
static SimId round_half_even(PyRun *I, SimId num, SimId den)
{
    FrTmp t = {0};
    SimId fl = fr_op(I, &t, OP_FLOORDIV, num, den), rem = fr_op(I, &t, OP_MOD, num, den);
    SimId two = fr_keep(I, &t, sim_int(S, 2)), twice = fr_op(I, &t, OP_MUL, rem, two);
    SimId c = twice ? fr_keep(I, &t, op_compare(I, OP_LT, twice, den)) : 0;
    SimId r = 0;
    if (c && op_truth(I, c)) {
        r = fl;
    } else if (c) {
        int eq = op_equal(I, twice, den);
        SimId odd = fr_op(I, &t, OP_MOD, fl, two);
        r = eq == 1 && odd && fr_sign(I, odd) == 0 ? fl : fr_op(I, &t, OP_ADD, fl, fr_keep(I, &t, sim_int(S, 1)));
    }
    if (r)
        sim_incref(S, r);
    fr_tmp_free(I, &t);
    return r;
}

SimId fr_round(PyRun *I, SimId *a, int n, SimId kw)
{
    fr_note(I);
    if (kw || n < 1 || n > 2) {
        py_raise(I, EXC_TypeError, "Fraction.__round__() takes from 1 to 2 positional arguments but %d were given", n);
        return 0;
    }
    SimId f = a[0];
    if (n == 1 || sim_kind(S, a[1]) == SK_NONE)
        return round_half_even(I, fr_num(I, f), fr_den(I, f));
    if (!intlike(I, a[1]))
        return py_not_modelled(I, 0, "round() of a Fraction to a %s of digits", op_typename(I, a[1])), (SimId)0;
    FrTmp t = {0};
    int s = fr_sign(I, a[1]);
    SimId nd = s < 0 ? fr_keep(I, &t, op_unary(I, OP_NEG, a[1])) : a[1];
    SimId shift = fr_op(I, &t, OP_POW, fr_keep(I, &t, sim_int(S, 10)), nd), r = 0;
    if (shift && s > 0) { /* Fraction(round(self * shift), shift) */
        SimId x = fr_keep(I, &t, round_half_even(I, fr_op(I, &t, OP_MUL, fr_num(I, f), shift), fr_den(I, f)));
        r = x ? fr_normalized(I, x, shift) : 0;
    } else if (shift) { /* Fraction(round(self / shift) * shift) */
        SimId x = fr_keep(I, &t, round_half_even(I, fr_num(I, f), fr_op(I, &t, OP_MUL, fr_den(I, f), shift)));
        SimId y = fr_op(I, &t, OP_MUL, x, shift);
        r = y ? fr_make(I, y, fr_keep(I, &t, sim_int(S, 1))) : 0;
    }
    fr_tmp_free(I, &t);
    return r;
}

/* ---- comparison and hash --------------------------------------------------------------- */

static bool float_special(PyRun *I, SimId v)
{
    double x = sim_obj(S, v)->v.f;
    return isnan(x) || isinf(x);
}

/* op(a, b) for the Fraction a[0]: _richcmp, and __eq__ (op OP_EQ) */
static SimId compare(PyRun *I, SimId *a, int n, SimId kw, int op, const char *fn)
{
    if (!one_arg(I, fn, n, kw))
        return 0;
    SimId self = a[0], b = a[1];
    FrTmp t = {0};
    SimId nb, db, r;
    if (sim_kind(S, b) == SK_FLOAT && float_special(I, b)) { /* op(0.0, b) */
        SimId z = fr_keep(I, &t, sim_float(S, 0.0));
        r = op_compare(I, op, z, b);
    } else if (sim_kind(S, b) == SK_FLOAT) { /* against Fraction(b), exactly */
        SimId k = fr_keep(I, &t, sim_str_intern(S, "as_integer_ratio", 16)), m = fr_keep(I, &t, attr_get(I, b, k));
        SimId ratio = m ? fr_keep(I, &t, vm_call(I, m, NULL, 0)) : 0;
        r = 0;
        if (ratio) {
            nb = sim_items(S, ratio)[0];
            db = sim_items(S, ratio)[1];
            r = op_compare(I, op, fr_op(I, &t, OP_MUL, fr_num(I, self), db), fr_op(I, &t, OP_MUL, fr_den(I, self), nb));
        }
    } else if (rational(I, &t, b, &nb, &db)) {
        if (op == OP_EQ) { /* a._numerator == b.numerator and a._denominator == b.denominator */
            int e1 = op_equal(I, fr_num(I, self), nb), e2 = e1 == 1 ? op_equal(I, fr_den(I, self), db) : e1;
            r = e2 < 0 ? 0 : sim_bool(S, e2 == 1);
        } else {
            r = op_compare(I, op, fr_op(I, &t, OP_MUL, fr_num(I, self), db), fr_op(I, &t, OP_MUL, fr_den(I, self), nb));
        }
    } else if (sim_kind(S, b) == SK_COMPLEX) {
        r = (py_not_modelled(I, 0, "a Fraction compared with a complex number"), (SimId)0);
    } else {
        r = notimpl(I);
    }
    fr_tmp_free(I, &t);
    return r;
}

SimId fr_eq(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, OP_EQ, "__eq__"); }
SimId fr_lt(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, OP_LT, "__lt__"); }
SimId fr_le(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, OP_LE, "__le__"); }
SimId fr_gt(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, OP_GT, "__gt__"); }
SimId fr_ge(PyRun *I, SimId *a, int n, SimId kw) { return compare(I, a, n, kw, OP_GE, "__ge__"); }

enum { HASH_BITS = 61 };
static const uint64_t HASH_P = ((uint64_t)1 << HASH_BITS) - 1;

static uint64_t mulmod(uint64_t a, uint64_t b) { return (uint64_t)(((unsigned __int128)a * b) % HASH_P); }

/* hash(hash(abs(n)) * pow(d, -1, P)), negated for n < 0; inf when P | d */
SimId fr_hash(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!self_only(I, "__hash__", n, kw))
        return 0;
    FrTmp t = {0};
    SimId num = fr_num(I, a[0]), P = fr_keep(I, &t, sim_int(S, (int64_t)HASH_P));
    int s = fr_sign(I, num);
    SimId an = s < 0 ? fr_keep(I, &t, op_unary(I, OP_NEG, num)) : num;
    SimId nm = fr_op(I, &t, OP_MOD, an, P), dm = fr_op(I, &t, OP_MOD, fr_den(I, a[0]), P);
    if (!nm || !dm) {
        fr_tmp_free(I, &t);
        return 0;
    }
    uint64_t x = (uint64_t)small(I, nm), d = (uint64_t)small(I, dm), h;
    fr_tmp_free(I, &t);
    if (d == 0) {
        h = 314159; /* sys.hash_info.inf */
    } else {
        uint64_t inv = 1, base = d;
        for (uint64_t e = HASH_P - 2; e; e >>= 1, base = mulmod(base, base))
            if (e & 1)
                inv = mulmod(inv, base);
        h = mulmod(x, inv);
    }
    int64_t r = s < 0 ? -(int64_t)h : (int64_t)h;
    return sim_int(S, r == -1 ? -2 : r);
}

/* ---- limit_denominator ---------------------------------------------------------------- */

SimId fr_limit(PyRun *I, SimId *a, int n, SimId kw)
{
    fr_note(I);
    SimId self = a[0], maxd = n > 1 && !kw ? a[1] : bi_kwarg(I, a, n, kw, "max_denominator");
    if (n > 2 || (kw && !maxd)) {
        py_raise(I, EXC_TypeError, "Fraction.limit_denominator() takes from 1 to 2 positional arguments but %d were "
                 "given", n);
        return 0;
    }
    if (maxd && !intlike(I, maxd))
        return py_not_modelled(I, 0, "limit_denominator() of a %s", op_typename(I, maxd)), (SimId)0;
    maxd = maxd ? (sim_incref(S, maxd), maxd) : sim_int(S, 1000000); /* owned to the end */
    FrTmp t = {0};
    SimId one = fr_keep(I, &t, sim_int(S, 1)), zero = fr_keep(I, &t, sim_int(S, 0)), r = 0;
    SimId c = fr_keep(I, &t, op_compare(I, OP_LT, maxd, one));
    if (c && op_truth(I, c)) {
        py_raise(I, EXC_ValueError, "max_denominator should be at least 1");
        fr_tmp_free(I, &t);
        sim_decref(S, maxd);
        return 0;
    }
    SimId den = fr_den(I, self), le = fr_keep(I, &t, op_compare(I, OP_LE, den, maxd));
    if (le && op_truth(I, le)) { /* Fraction(self) */
        r = fr_make(I, fr_num(I, self), den);
        fr_tmp_free(I, &t);
        sim_decref(S, maxd);
        return r;
    }
    SimId p0 = zero, q0 = one, p1 = one, q1 = zero, nn = fr_num(I, self), dd = den;
    for (;;) {
        if (t.n > 48) { /* keep the temporaries' table from filling: hold the state, drop the rest */
            SimId keep[6] = {p0, q0, p1, q1, nn, dd};
            for (int i = 0; i < 6; i++)
                sim_incref(S, keep[i]);
            fr_tmp_free(I, &t);
            for (int i = 0; i < 6; i++)
                fr_keep(I, &t, keep[i]);
        }
        SimId q = fr_op(I, &t, OP_FLOORDIV, nn, dd);
        SimId q2 = fr_op(I, &t, OP_ADD, q0, fr_op(I, &t, OP_MUL, q, q1));
        SimId gt = q2 ? fr_keep(I, &t, op_compare(I, OP_GT, q2, maxd)) : 0;
        if (!gt)
            break;
        if (op_truth(I, gt))
            break;
        SimId np1 = fr_op(I, &t, OP_ADD, p0, fr_op(I, &t, OP_MUL, q, p1));
        p0 = p1, q0 = q1, p1 = np1, q1 = q2;
        SimId nd = fr_op(I, &t, OP_SUB, nn, fr_op(I, &t, OP_MUL, q, dd));
        nn = dd, dd = nd;
    }
    if (!I->ts->err.set) { /* k = (max_denominator-q0)//q1; 2*d*(q0+k*q1) <= self._denominator */
        SimId k = fr_op(I, &t, OP_FLOORDIV, fr_op(I, &t, OP_SUB, maxd, q0), q1);
        SimId qk = fr_op(I, &t, OP_ADD, q0, fr_op(I, &t, OP_MUL, k, q1));
        SimId lhs = fr_op(I, &t, OP_MUL, fr_op(I, &t, OP_MUL, fr_keep(I, &t, sim_int(S, 2)), dd), qk);
        SimId cmp = lhs ? fr_keep(I, &t, op_compare(I, OP_LE, lhs, den)) : 0;
        if (cmp && op_truth(I, cmp))
            r = fr_make(I, p1, q1);
        else if (cmp)
            r = fr_make(I, fr_op(I, &t, OP_ADD, p0, fr_op(I, &t, OP_MUL, k, p1)), qk);
    }
    fr_tmp_free(I, &t);
    sim_decref(S, maxd);
    return r;
}
