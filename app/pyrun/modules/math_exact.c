/*
 * math_exact: the math functions whose results are exact — floor, ceil,
 * trunc, the integer ones (factorial, isqrt, gcd, lcm, comb, perm), prod
 * and fsum (Shewchuk's error-free partial sums, rounded as CPython's
 * math_fsum rounds them).  Integers of any size go through bigint.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#include "pyrun/builtins.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* Above this the model would compute for too long: refused, not guessed. */
#define MATH_BIG_LIMIT 20000

/* PyNumber_Index: an int (bool too) read into b */
static bool index_arg(PyRun *I, SimId v, BigInt *b)
{
    SimKind k = sim_kind(S, v);
    if (dunder_index_hooked(I, v)) {
        SimId r = dunder_index(I, v);
        if (r == S->notimpl) {
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
            return false;
        }
        bool ok = r && index_arg(I, r, b);
        sim_xdecref(S, r);
        return ok;
    }
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, v));
        return false;
    }
    big_from_sim(S, v, b);
    return true;
}

static bool fits(const BigInt *b, int64_t *out)
{
    if (b->n > 2)
        return false;
    int64_t v = 0;
    for (int i = b->n - 1; i >= 0; i--)
        v = v * (1 << 30) + b->d[i];
    *out = b->sign < 0 ? -v : v;
    return true;
}

/* floor and ceil: a float rounded; an int is its own result (int.__floor__) */
static SimId rounding(PyRun *I, SimId v, double (*fn)(double), bool trunc_msg)
{
    SimKind k = sim_kind(S, v);
    const char *hook = fn == floor ? "__floor__" : fn == ceil ? "__ceil__" : "__trunc__";
    if (k == SK_INSTANCE || sim_is_subinst(S, v)) { /* _PyObject_LookupSpecial: the class's own */
        SimId r = dunder_special0(I, v, hook);
        if (r != S->notimpl)
            return r;
        if (k == SK_INSTANCE && trunc_msg) {
            py_raise_sure(I, EXC_TypeError, "type %s doesn't define __trunc__ method", op_typename(I, v));
            return 0;
        }
        if (k == SK_INSTANCE) { /* PyFloat_AsDouble: __float__, else __index__ */
            double x;
            return math_to_double(I, v, &x) ? int_from_double(I, fn(x)) : 0;
        }
    }
    if (k == SK_FLOAT)
        return int_from_double(I, fn(sim_obj(S, v)->v.f));
    if (k == SK_INT || k == SK_BOOL) /* int.__floor__ ...: long_long */
        return int_exact(I, v);
    if (trunc_msg)
        py_raise(I, EXC_TypeError, "type %s doesn't define __trunc__ method", op_typename(I, v));
    else
        py_raise(I, EXC_TypeError, "must be real number, not %s", op_typename(I, v));
    return 0;
}

SimId math_floor(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return rounding(I, a[0], floor, false); }
SimId math_ceil(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return rounding(I, a[0], ceil, false); }
SimId math_trunc(PyRun *I, SimId *a, int n, SimId kw) { (void)n, (void)kw; return rounding(I, a[0], trunc, true); }

/* ---- integers --------------------------------------------------------------------- */

/* lo * (lo+1) * ... * hi into out (1 when lo > hi) */
static void range_product(int64_t lo, int64_t hi, BigInt *out)
{
    big_from_i64(out, 1);
    for (int64_t i = lo; i <= hi; i++) {
        BigInt f, r;
        big_from_i64(&f, i);
        big_mul(out, &f, &r);
        big_free(&f);
        big_free(out);
        *out = r;
    }
}

SimId math_factorial(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    BigInt b;
    if (!index_arg(I, a[0], &b))
        return 0;
    int64_t v = 0;
    bool small = fits(&b, &v);
    int sign = b.sign;
    big_free(&b);
    if (sign < 0) {
        py_raise(I, EXC_ValueError, "factorial() not defined for negative values");
        return 0;
    }
    if (!small) {
        py_raise(I, EXC_OverflowError, "factorial() argument should not exceed %lld", (long long)INT64_MAX);
        return 0;
    }
    if (v > MATH_BIG_LIMIT)
        return py_not_modelled(I, 0, "math.factorial() of a number above %d", MATH_BIG_LIMIT), 0;
    BigInt r;
    range_product(2, v, &r);
    return big_to_sim(S, &r);
}

SimId math_isqrt(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    BigInt x;
    if (!index_arg(I, a[0], &x))
        return 0;
    if (x.sign < 0) {
        big_free(&x);
        py_raise(I, EXC_ValueError, "isqrt() argument must be nonnegative");
        return 0;
    }
    if (x.sign == 0)
        return big_to_sim(S, &x);
    /* Newton from above: r = (r + x / r) / 2 until it stops falling */
    BigInt r, two;
    big_from_i64(&two, 2);
    double approx = sqrt(big_to_double(&x));
    char buf[400];
    snprintf(buf, sizeof buf, "%.0f", isinf(approx) ? 1e300 : approx + 2);
    big_parse(buf, &r);
    for (;;) {
        BigInt q, rem, sum, next, rem2;
        big_divmod(&x, &r, &q, &rem);
        big_add(&r, &q, &sum);
        big_divmod(&sum, &two, &next, &rem2);
        big_free(&q), big_free(&rem), big_free(&sum), big_free(&rem2);
        if (big_cmp(&next, &r) >= 0) {
            big_free(&next);
            break;
        }
        big_free(&r);
        r = next;
    }
    big_free(&x);
    big_free(&two);
    return big_to_sim(S, &r);
}

static void big_abs_gcd(const BigInt *x, const BigInt *y, BigInt *out)
{
    BigInt a, b, zero;
    big_from_i64(&zero, 0);
    big_add(x, &zero, &a);
    big_add(y, &zero, &b);
    a.sign = a.sign < 0 ? 1 : a.sign;
    b.sign = b.sign < 0 ? 1 : b.sign;
    while (b.sign != 0) {
        BigInt q, r;
        big_divmod(&a, &b, &q, &r);
        big_free(&q);
        big_free(&a);
        a = b;
        b = r;
    }
    big_free(&b);
    big_free(&zero);
    *out = a;
}

static SimId gcd_or_lcm(PyRun *I, SimId *a, int n, bool lcm)
{
    BigInt acc;
    big_from_i64(&acc, lcm ? 1 : 0);
    for (int i = 0; i < n; i++) {
        BigInt x, g;
        if (!index_arg(I, a[i], &x)) {
            big_free(&acc);
            return 0;
        }
        if (!lcm) {
            big_abs_gcd(&acc, &x, &g);
        } else if (acc.sign == 0 || x.sign == 0) {
            big_from_i64(&g, 0);
        } else { /* |acc * x| / gcd */
            BigInt d, p, q, r;
            big_abs_gcd(&acc, &x, &d);
            big_mul(&acc, &x, &p);
            p.sign = 1;
            big_divmod(&p, &d, &q, &r);
            big_free(&d), big_free(&p), big_free(&r);
            g = q;
        }
        big_free(&x);
        big_free(&acc);
        acc = g;
    }
    return big_to_sim(S, &acc);
}

SimId math_gcd(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return gcd_or_lcm(I, a, n, false); }
SimId math_lcm(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return gcd_or_lcm(I, a, n, true); }

/* n and k of comb and perm: non-negative ints; 1 ok, 0 error raised, 2 (k > n) */
static int comb_args(PyRun *I, SimId nv, SimId kv, int64_t *n, int64_t *k)
{
    BigInt bn, bk;
    if (!index_arg(I, nv, &bn))
        return 0;
    if (!index_arg(I, kv, &bk)) {
        big_free(&bn);
        return 0;
    }
    int sn = bn.sign, sk = bk.sign;
    bool fn = fits(&bn, n), fk = fits(&bk, k);
    int order = big_cmp(&bk, &bn);
    big_free(&bn);
    big_free(&bk);
    if (sn < 0) {
        py_raise(I, EXC_ValueError, "n must be a non-negative integer");
        return 0;
    }
    if (sk < 0) {
        py_raise(I, EXC_ValueError, "k must be a non-negative integer");
        return 0;
    }
    if (order > 0)
        return 2;
    if (!fn || !fk || *n > 1000000)
        return py_not_modelled(I, 0, "math.comb() and math.perm() of numbers this large") ? 0 : 0;
    return 1;
}

static SimId perm_of(PyRun *I, int64_t n, int64_t k)
{
    if (k > MATH_BIG_LIMIT)
        return py_not_modelled(I, 0, "math.comb() and math.perm() with k above %d", MATH_BIG_LIMIT), 0;
    BigInt r;
    range_product(n - k + 1, n, &r);
    return big_to_sim(S, &r);
}

SimId math_comb(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t nn, k;
    int ok = comb_args(I, a[0], a[1], &nn, &k);
    if (ok != 1)
        return ok == 2 ? sim_int(S, 0) : 0;
    if (k > nn - k)
        k = nn - k;
    if (k > MATH_BIG_LIMIT)
        return py_not_modelled(I, 0, "math.comb() with k above %d", MATH_BIG_LIMIT), 0;
    BigInt top, bottom, q, r;
    range_product(nn - k + 1, nn, &top);
    range_product(2, k, &bottom);
    big_divmod(&top, &bottom, &q, &r);
    big_free(&top), big_free(&bottom), big_free(&r);
    return big_to_sim(S, &q);
}

SimId math_perm(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n == 1 || sim_kind(S, a[1]) == SK_NONE)
        return math_factorial(I, a, 1, 0);
    int64_t nn, k;
    int ok = comb_args(I, a[0], a[1], &nn, &k);
    if (ok != 1)
        return ok == 2 ? sim_int(S, 0) : 0;
    return perm_of(I, nn, k);
}

/* ---- prod and fsum ---------------------------------------------------------------- */

/* prod(iterable, /, *, start=1) */
SimId math_prod(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (np != 1) {
        py_raise(I, EXC_TypeError, "prod() takes exactly 1 positional argument (%d given)", np);
        return 0;
    }
    SimId start = bi_kwarg(I, a, n, kw, "start");
    SimId it = iter_get(I, a[0]);
    if (!it)
        return 0;
    SimId acc = start ? start : sim_int(S, 1);
    if (start)
        sim_incref(S, acc);
    SimId item;
    int st;
    while ((st = iter_step(I, it, &item)) == 1) {
        SimId r = op_binary(I, OP_MUL, acc, item, false);
        sim_decref(S, item);
        sim_decref(S, acc);
        acc = r;
        if (!acc)
            break;
    }
    sim_decref(S, it);
    if (st < 0 || !acc) {
        sim_xdecref(S, acc);
        return 0;
    }
    return acc;
}

void fsum_init(FsumState *f) { memset(f, 0, sizeof *f); }

void fsum_fini(FsumState *f) { free(f->p); }

const char *fsum_add(FsumState *f, double x, bool *overflow)
{
    double xsave = x;
    size_t i = 0;
    for (size_t k = 0; k < f->np; k++) {
        double y = f->p[k];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0)
            f->p[i++] = lo;
        x = hi;
    }
    f->np = i;
    if (x == 0.0)
        return NULL;
    if (!isfinite(x)) { /* a special value, or an overflow of finite ones */
        if (isfinite(xsave)) {
            *overflow = true;
            return "intermediate overflow in fsum";
        }
        if (isinf(xsave))
            f->inf_sum += xsave;
        f->special += xsave;
        f->np = 0;
        return NULL;
    }
    f->p = xgrow(f->p, &f->cap, f->np + 1, sizeof *f->p);
    f->p[f->np++] = x;
    return NULL;
}

const char *fsum_result(const FsumState *f, double *out)
{
    if (f->special != 0.0) {
        *out = f->special;
        return isnan(f->inf_sum) ? "-inf + inf in fsum" : NULL;
    }
    const double *p = f->p;
    size_t np = f->np;
    double hi = 0.0, lo = 0.0;
    if (np > 0) { /* add from the top, then round half-even on what is left */
        hi = p[--np];
        while (np > 0) {
            double x = hi, y = p[--np];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        if (np > 0 && ((lo < 0.0 && p[np - 1] < 0.0) || (lo > 0.0 && p[np - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    *out = hi;
    return NULL;
}

SimId math_fsum(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId it = iter_get(I, a[0]);
    if (!it)
        return 0;
    FsumState f;
    fsum_init(&f);
    SimId item;
    int st;
    const char *err = NULL;
    bool over = false;
    while (!err && (st = iter_step(I, it, &item)) == 1) {
        double x;
        bool ok = math_to_double(I, item, &x);
        sim_decref(S, item);
        if (!ok) {
            st = -1;
            break;
        }
        err = fsum_add(&f, x, &over);
    }
    sim_decref(S, it);
    double r = 0;
    if (!err && st >= 0)
        err = fsum_result(&f, &r);
    fsum_fini(&f);
    if (err)
        py_raise(I, over ? EXC_OverflowError : EXC_ValueError, "%s", err);
    return err || st < 0 ? 0 : sim_float(S, r);
}
