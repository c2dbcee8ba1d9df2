/*
 * math: the math module's floating-point functions as CPython's
 * Modules/mathmodule.c computes them (3.11-3.13): each argument converted
 * with PyFloat_AsDouble (an int correctly rounded), the C library's
 * function applied, and its errors mapped as math_1 maps them ("math
 * domain error", "math range error").  The exact ones (gcd, factorial,
 * comb, fsum, prod ...) are in math_exact.c.  Functions the model does not
 * compute the same way (gamma, lgamma, erf ...) are left out: the names
 * table refuses them.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* ---- arguments ------------------------------------------------------------------ */

bool math_to_double(PyRun *I, SimId v, double *out)
{
    SimKind k = sim_kind(S, v);
    if (sim_is_subinst(S, v) && k != SK_FLOAT) { /* PyFloat_AsDouble: an int's subclass's own __float__ */
        SimId f = dunder_float(I, v);
        if (f != S->notimpl) {
            bool ok = f && math_to_double(I, f, out);
            sim_xdecref(S, f);
            return ok;
        }
    }
    if (k == SK_FLOAT) {
        *out = sim_obj(S, v)->v.f;
        return true;
    }
    if (k == SK_BOOL || (k == SK_INT && sim_obj(S, v)->sub != 1)) {
        *out = (double)sim_obj(S, v)->v.i; /* exact below 2^53, correctly rounded above */
        return true;
    }
    if (k == SK_INT) { /* PyLong_AsDouble: correctly rounded, through the decimal digits */
        BigInt b;
        Buf dec = {0};
        big_from_sim(S, v, &b);
        big_to_dec(&b, &dec);
        big_free(&b);
        errno = 0;
        *out = strtod(buf_str(&dec), NULL);
        buf_fini(&dec);
        if (isinf(*out)) {
            py_raise(I, EXC_OverflowError, "int too large to convert to float");
            return false;
        }
        return true;
    }
    if (k == SK_INSTANCE) { /* PyFloat_AsDouble: __float__, else __index__ */
        SimId f = dunder_float(I, v);
        if (f == S->notimpl)
            f = dunder_index(I, v);
        if (f == S->notimpl) { /* both looked for */
            py_raise_sure(I, EXC_TypeError, "must be real number, not %s", op_typename(I, v));
            return false;
        }
        bool ok = f && math_to_double(I, f, out);
        sim_xdecref(S, f);
        return ok;
    }
    py_raise(I, EXC_TypeError, "must be real number, not %s", op_typename(I, v));
    return false;
}

static SimId domain_error(PyRun *I)
{
    py_raise(I, EXC_ValueError, "math domain error");
    return 0;
}

static SimId range_error(PyRun *I)
{
    py_raise(I, EXC_OverflowError, "math range error");
    return 0;
}

/* math_1: a NaN from a non-NaN is a domain error; an infinity from a finite
 * argument a range error when the function can overflow, else a domain error */
static SimId math_1(PyRun *I, SimId v, double (*fn)(double), bool can_overflow)
{
    double x;
    if (!math_to_double(I, v, &x))
        return 0;
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x))
        return domain_error(I);
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error(I) : domain_error(I);
    if (isfinite(r) && errno == ERANGE && fabs(r) >= 1.0) /* an underflow to 0 is fine */
        return range_error(I);
    return sim_float(S, r);
}

#define MATH1(name, cfn, over) \
    static SimId m_##name(PyRun *I, SimId *a, int n, SimId kw) \
    { \
        (void)n, (void)kw; \
        return math_1(I, a[0], cfn, over); \
    }

MATH1(sqrt, sqrt, false)
MATH1(exp, exp, true)
MATH1(exp2, exp2, true)
MATH1(expm1, expm1, true)
MATH1(sin, sin, false)
MATH1(cos, cos, false)
MATH1(tan, tan, false)
MATH1(asin, asin, false)
MATH1(acos, acos, false)
MATH1(atan, atan, false)
MATH1(sinh, sinh, true)
MATH1(cosh, cosh, true)
MATH1(tanh, tanh, false)
MATH1(asinh, asinh, false)
MATH1(acosh, acosh, false)
MATH1(atanh, atanh, false)
MATH1(fabs, fabs, false)
MATH1(cbrt, cbrt, false)
MATH1(erf, erf, false)   /* CPython calls the C library's erf and erfc since 3.11 */
MATH1(erfc, erfc, false)

/* ---- logarithms (loghelper: an int too large for a float goes by its bits) ------------ */

static bool log_of(PyRun *I, SimId v, double (*fn)(double), double *out)
{
    if (sim_kind(S, v) == SK_INT && sim_obj(S, v)->sub == 1) {
        BigInt b;
        big_from_sim(S, v, &b);
        bool neg = b.sign <= 0;
        if (neg) {
            big_free(&b);
            py_raise(I, EXC_ValueError, "math domain error");
            return false;
        }
        /* x = m * 2**e with the top 64 bits in m: log(x) = log(m) + e*log(2) */
        double m = 0;
        int top = b.n - 1, used = 0;
        for (int i = top; i >= 0 && used < 3; i--, used++)
            m = m * 1073741824.0 + b.d[i];
        long e = 30L * (b.n - used);
        big_free(&b);
        *out = fn(m) + (double)e * fn(2.0);
        return true;
    }
    double x;
    if (!math_to_double(I, v, &x))
        return false;
    if (isnan(x) || x == INFINITY) {
        *out = x;
        return true;
    }
    if (x <= 0) {
        py_raise(I, EXC_ValueError, "math domain error");
        return false;
    }
    *out = fn(x);
    return true;
}

static SimId m_log(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n < 1 || n > 2) {
        if (S->prof->version == SIM_V311)
            py_raise(I, EXC_TypeError, "math.log requires 1 to 2 arguments");
        else if (n < 1)
            py_raise(I, EXC_TypeError, "log expected at least 1 argument, got %d", n);
        else
            py_raise(I, EXC_TypeError, "log expected at most 2 arguments, got %d", n);
        return 0;
    }
    double num, den;
    if (!log_of(I, a[0], log, &num))
        return 0;
    if (n == 1)
        return sim_float(S, num);
    if (!log_of(I, a[1], log, &den))
        return 0;
    if (den == 0) {
        py_raise(I, EXC_ZeroDivisionError, "float division by zero");
        return 0;
    }
    return sim_float(S, num / den);
}

static SimId m_log2(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double r;
    return log_of(I, a[0], log2, &r) ? sim_float(S, r) : 0;
}

static SimId m_log10(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double r;
    return log_of(I, a[0], log10, &r) ? sim_float(S, r) : 0;
}

static SimId m_log1p(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return math_1(I, a[0], log1p, false);
}

/* ---- two arguments ---------------------------------------------------------------- */

static bool two(PyRun *I, SimId *a, double *x, double *y)
{
    return math_to_double(I, a[0], x) && math_to_double(I, a[1], y);
}

static SimId m_pow(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x, y;
    if (!two(I, a, &x, &y))
        return 0;
    if (x == 0 && y < 0 && isfinite(y)) /* C says inf; CPython says no */
        return domain_error(I);
    errno = 0;
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error(I);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return x == 0 ? domain_error(I) : range_error(I);
    return sim_float(S, r);
}

static SimId m_atan2(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double y, x;
    return two(I, a, &y, &x) ? sim_float(S, atan2(y, x)) : 0;
}

static SimId m_copysign(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x, y;
    return two(I, a, &x, &y) ? sim_float(S, copysign(x, y)) : 0;
}

/* nextafter(x, y) (3.12+: the keyword steps, refused) */
static SimId m_nextafter(PyRun *I, SimId *a, int n, SimId kw)
{
    if (kw)
        return py_not_modelled(I, 0, "math.nextafter() with steps"), (SimId)0;
    (void)n;
    double x, y;
    return two(I, a, &x, &y) ? sim_float(S, nextafter(x, y)) : 0;
}

/* ulp(x): math_ulp_impl's distance to the next float away from zero */
static SimId m_ulp(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x;
    if (!math_to_double(I, a[0], &x))
        return 0;
    if (isnan(x))
        return sim_float(S, x);
    x = fabs(x);
    if (isinf(x))
        return sim_float(S, x);
    double x2 = nextafter(x, INFINITY);
    return sim_float(S, isinf(x2) ? x - nextafter(x, -INFINITY) : x2 - x);
}

static SimId m_fmod(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x, y;
    if (!two(I, a, &x, &y))
        return 0;
    if (isinf(y) && isfinite(x))
        return sim_float(S, x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error(I);
    return sim_float(S, r);
}

static SimId m_remainder(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x, y;
    if (!two(I, a, &x, &y))
        return 0;
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error(I);
    return sim_float(S, r);
}

static SimId m_degrees(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x;
    return math_to_double(I, a[0], &x) ? sim_float(S, x * (180.0 / M_PI)) : 0;
}

static SimId m_radians(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x;
    return math_to_double(I, a[0], &x) ? sim_float(S, x * (M_PI / 180.0)) : 0;
}

/* ---- predicates ------------------------------------------------------------------- */

static SimId predicate(PyRun *I, SimId v, int which)
{
    double x;
    if (!math_to_double(I, v, &x))
        return 0;
    bool r = which == 0 ? isnan(x) : which == 1 ? isinf(x) : isfinite(x);
    return sim_bool(S, r);
}

static SimId m_isnan(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], 0); }
static SimId m_isinf(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], 1); }
static SimId m_isfinite(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return predicate(I, a[0], 2); }

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static SimId m_isclose(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np > 2) {
        py_raise(I, EXC_TypeError, "isclose() takes exactly 2 positional arguments (%d given)", np);
        return 0;
    }
    SimId av = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "a");
    SimId bv = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "b");
    if (!av || !bv) {
        py_raise(I, EXC_TypeError, "isclose() missing required argument '%s' (pos %d)", av ? "b" : "a", av ? 2 : 1);
        return 0;
    }
    SimId rt = bi_kwarg(I, a, n, kw, "rel_tol"), at = bi_kwarg(I, a, n, kw, "abs_tol");
    double x, y, rel = 1e-09, abs_tol = 0.0;
    if (!math_to_double(I, av, &x) || !math_to_double(I, bv, &y) || (rt && !math_to_double(I, rt, &rel)) ||
        (at && !math_to_double(I, at, &abs_tol)))
        return 0;
    if (rel < 0.0 || abs_tol < 0.0) {
        py_raise(I, EXC_ValueError, "tolerances must be non-negative");
        return 0;
    }
    if (x == y)
        return sim_bool(S, true);
    if (isinf(x) || isinf(y))
        return sim_bool(S, false);
    double diff = fabs(y - x);
    bool close = (diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || (diff <= abs_tol);
    return sim_bool(S, close);
}

/* ---- hypot, dist, modf, frexp, ldexp ------------------------------------------------ */

/* vector_norm of coordinates already made absolute: CPython rounds the
 * square root of the sum of squares (nearly always) correctly; the 64-bit
 * mantissa of a long double holds that sum closely enough to round the same. */
static SimId norm_of(PyRun *I, double *v, int n)
{
    bool found_nan = false;
    long double sum = 0;
    for (int i = 0; i < n; i++) {
        if (isinf(v[i]))
            return sim_float(S, INFINITY);
        found_nan |= isnan(v[i]);
        sum += (long double)v[i] * v[i];
    }
    if (found_nan)
        return sim_float(S, NAN);
    return sim_float(S, (double)sqrtl(sum));
}

static SimId m_hypot(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n > 64)
        return py_not_modelled(I, 0, "math.hypot() of more than 64 coordinates"), 0;
    double v[64];
    for (int i = 0; i < n; i++) {
        if (!math_to_double(I, a[i], &v[i]))
            return 0;
        v[i] = fabs(v[i]);
    }
    return norm_of(I, v, n);
}

/* dist(p, q): a point that is not a tuple becomes one first (PySequence_Tuple) */
static SimId m_dist(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId pt[2] = {0, 0};
    SimId r = 0;
    for (int i = 0; i < 2; i++) {
        if (sim_kind(S, a[i]) == SK_TUPLE) {
            sim_incref(S, a[i]);
            pt[i] = a[i];
        } else {
            SimId args[1] = {a[i]};
            pt[i] = tuple_construct(I, args, 1, 0);
            if (!pt[i])
                goto done;
        }
    }
    uint32_t m = sim_obj(S, pt[0])->len;
    if (m != sim_obj(S, pt[1])->len) {
        py_raise(I, EXC_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (m > 64) {
        py_not_modelled(I, 0, "math.dist() of points with more than 64 coordinates");
        goto done;
    }
    double d[64];
    for (uint32_t i = 0; i < m; i++) {
        double x, y;
        if (!math_to_double(I, sim_items(S, pt[0])[i], &x) || !math_to_double(I, sim_items(S, pt[1])[i], &y))
            goto done;
        d[i] = fabs(x - y);
    }
    r = norm_of(I, d, (int)m);
done:
    sim_xdecref(S, pt[0]);
    sim_xdecref(S, pt[1]);
    return r;
}

static SimId pair(PyRun *I, SimId x, SimId y)
{
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, x);
    sim_tuple_set(S, t, 1, y);
    return t;
}

static SimId m_modf(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x, ip;
    if (!math_to_double(I, a[0], &x))
        return 0;
    if (isinf(x))
        return pair(I, sim_float(S, copysign(0.0, x)), sim_float(S, x));
    double fp = modf(x, &ip);
    return pair(I, sim_float(S, fp), sim_float(S, ip));
}

static SimId m_frexp(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x;
    if (!math_to_double(I, a[0], &x))
        return 0;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    return pair(I, sim_float(S, m), sim_int(S, e));
}

static SimId m_ldexp(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x;
    int64_t e;
    if (!math_to_double(I, a[0], &x))
        return 0;
    if (sim_kind(S, a[1]) != SK_INT && sim_kind(S, a[1]) != SK_BOOL) {
        py_raise(I, EXC_TypeError, "Expected an int as second argument to ldexp.");
        return 0;
    }
    if (sim_obj(S, a[1])->sub == 1)
        e = sim_obj(S, a[1])->v.i < 0 ? INT32_MIN : INT32_MAX;
    else
        e = sim_obj(S, a[1])->v.i;
    if (x == 0 || !isfinite(x))
        return sim_float(S, x);
    double r = ldexp(x, e > 100000 ? 100000 : e < -100000 ? -100000 : (int)e);
    if (isinf(r))
        return range_error(I);
    return sim_float(S, r);
}

/* ---- the module ----------------------------------------------------------------------- */

#define ONE(nm, f) BUILTIN(nm, 0, BM_MATH, f, .style = ARGS_ONE)
#define TWO(nm, f) BUILTIN(nm, 0, BM_MATH, f, .style = ARGS_RANGE, .min = 2, .max = 2)

const BuiltinDef math_functions[] = {
    ONE("sqrt", m_sqrt), ONE("exp", m_exp), ONE("exp2", m_exp2), ONE("expm1", m_expm1),
    ONE("sin", m_sin), ONE("cos", m_cos), ONE("tan", m_tan), ONE("asin", m_asin), ONE("acos", m_acos),
    ONE("atan", m_atan), ONE("sinh", m_sinh), ONE("cosh", m_cosh), ONE("tanh", m_tanh),
    ONE("asinh", m_asinh), ONE("acosh", m_acosh), ONE("atanh", m_atanh), ONE("fabs", m_fabs),
    ONE("cbrt", m_cbrt), ONE("erf", m_erf), ONE("erfc", m_erfc), ONE("log2", m_log2), ONE("log10", m_log10), ONE("log1p", m_log1p),
    ONE("degrees", m_degrees), ONE("radians", m_radians), ONE("isnan", m_isnan), ONE("isinf", m_isinf),
    ONE("isfinite", m_isfinite), ONE("modf", m_modf), ONE("frexp", m_frexp),
    BUILTIN("log", 0, BM_MATH, m_log),
    TWO("pow", m_pow), TWO("atan2", m_atan2), TWO("copysign", m_copysign), TWO("fmod", m_fmod),
    TWO("remainder", m_remainder), BUILTIN("nextafter", 0, BM_MATH, m_nextafter, .style = ARGS_RANGE, .min = 2,
                                           .max = 2, .kw_refused = "steps"), ONE("ulp", m_ulp), TWO("dist", m_dist), TWO("ldexp", m_ldexp),
    BUILTIN("hypot", 0, BM_MATH, m_hypot),
    BUILTIN("isclose", 0, BM_MATH, m_isclose, .kw = "a b rel_tol abs_tol"),
    ONE("floor", math_floor), ONE("ceil", math_ceil), ONE("trunc", math_trunc),
    ONE("factorial", math_factorial), ONE("isqrt", math_isqrt), ONE("fsum", math_fsum),
    BUILTIN("gcd", 0, BM_MATH, math_gcd), BUILTIN("lcm", 0, BM_MATH, math_lcm),
    TWO("comb", math_comb),
    BUILTIN("perm", 0, BM_MATH, math_perm, .style = ARGS_RANGE, .min = 1, .max = 2),
    BUILTIN("prod", 0, BM_MATH, math_prod, .kw = "start"),
};
const int math_nfunctions = (int)(sizeof math_functions / sizeof math_functions[0]);

void math_module_init(PyRun *I, SimId d)
{
    bi_dict_put(I, d, "pi", sim_float(S, M_PI));
    bi_dict_put(I, d, "e", sim_float(S, M_E));
    bi_dict_put(I, d, "tau", sim_float(S, 2 * M_PI));
    bi_dict_put(I, d, "inf", sim_float(S, INFINITY));
    bi_dict_put(I, d, "nan", sim_float(S, NAN));
}

void math_on_import(PyRun *I) { std_import(I, STD_MATH); }
