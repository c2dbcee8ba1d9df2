/*
 * statistics: mean, fmean, median, median_low, median_high, mode,
 * multimode, variance, pvariance, stdev, pstdev and quantiles as Lib/statistics.py
 * computes them (the same code in 3.11.7, 3.12.1 and 3.13.0), for data of
 * ints, bools and floats (mode and multimode: strs too).
 *
 * CPython sums exactly: every value is a ratio of ints (as_integer_ratio),
 * the totals Fractions; mean is the exact total over n, variance the
 * exact (n*Sxx - Sx*Sx) / (n*(n-1)), each converted once (_convert: an int
 * when every value is an int and the ratio is whole, else float(ratio),
 * correctly rounded); stdev is _float_sqrt_of_frac of the reduced ratio,
 * the square root correctly rounded.  Every float is m * 2**e, so the
 * model keeps the sums as big ints scaled by the smallest power of two
 * and rounds once, the same way (pyrun/types/bigint.c).  median sorts as
 * sorted() does (stable, exact comparisons of ints and floats) and takes
 * (a + b) / 2 of the middle pair with Python's own + and /; mode and
 * multimode count as Counter does (first seen first, equal values one key).
 *
 * Refused: other types (Fraction, Decimal, subclasses), infinities and
 * NaN, fmean's weights, xbar and mu, the other functions.  Each call runs
 * Python code in CPython (generators, Fractions, a Counter): the young
 * count and the traced figures are refused after one until they are known
 * again, as after fractions' code.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"
#include "sim/subinst.h"

#define S (I->sim)

static void note(PyRun *I, const char *what)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = what;
    I->gc_count_unsure = true;
    tm_note_unsure(I, what);
}

static bool raise_stat(PyRun *I, const char *msg)
{
    SimId e = exc_module_instance(I, "statistics", "StatisticsError", msg);
    if (!e) {
        py_raise(I, EXC_ValueError, "%s", msg);
        return false;
    }
    py_raise_instance(I, e, msg);
    return false;
}

/* the data argument, and at most max positional ones (other calls refused) */
static bool one_arg(PyRun *I, const char *fn, int n, SimId kw, int max)
{
    int np = bi_npos(I, n, kw);
    if (np < 1 || np > max)
        return py_not_modelled(I, 0, "statistics.%s() called with %d positional arguments", fn, np);
    return true;
}

/* ---- exact numbers: m * 2**e ----------------------------------------------- */

typedef struct Data {
    SimId list;    /* the values (a new list) */
    uint32_t n;
    BigInt *x;     /* each value scaled: m * 2**(e - emin) */
    int emin;      /* <= 0 */
    bool is_float; /* T is float (else int) */
} Data;

static void data_free(PyRun *I, Data *d)
{
    for (uint32_t i = 0; d->x && i < d->n; i++)
        big_free(&d->x[i]);
    free(d->x);
    if (d->list)
        sim_decref(S, d->list);
    memset(d, 0, sizeof *d);
}

static void pow2(int k, BigInt *out)
{
    memset(out, 0, sizeof *out);
    out->n = k / 30 + 1;
    out->d = xcalloc((size_t)out->n, sizeof *out->d);
    out->d[k / 30] = 1u << (k % 30);
    out->sign = 1;
}

/* a * 2**k (k >= 0), a freed */
static void shl(BigInt *a, int k)
{
    if (k == 0 || a->sign == 0)
        return;
    BigInt p, r;
    pow2(k, &p);
    big_mul(a, &p, &r);
    big_free(&p);
    big_free(a);
    *a = r;
}

static int64_t bits(const BigInt *a)
{
    if (a->n == 0)
        return 0;
    int64_t b = (int64_t)(a->n - 1) * 30;
    for (uint32_t top = a->d[a->n - 1]; top; top >>= 1)
        b++;
    return b;
}

/* floor(sqrt(n)) for n >= 0 (Newton from above) */
static void isqrt(const BigInt *n, BigInt *out)
{
    if (n->sign == 0) {
        big_from_i64(out, 0);
        return;
    }
    BigInt x;
    pow2((int)((bits(n) + 1) / 2), &x);
    for (;;) {
        BigInt q, r, s, y, two, rr;
        big_divmod(n, &x, &q, &r);
        big_add(&x, &q, &s);
        big_from_i64(&two, 2);
        big_divmod(&s, &two, &y, &rr);
        big_free(&q), big_free(&r), big_free(&s), big_free(&two), big_free(&rr);
        if (big_cmp(&y, &x) >= 0) {
            big_free(&y);
            break;
        }
        big_free(&x);
        x = y;
    }
    *out = x;
}

static void gcd(const BigInt *a0, const BigInt *b0, BigInt *out)
{
    BigInt a, b, z;
    big_from_i64(&z, 0);
    big_add(a0, &z, &a);
    big_add(b0, &z, &b);
    a.sign = a.sign ? 1 : 0, b.sign = b.sign ? 1 : 0;
    while (b.sign) {
        BigInt q, r;
        big_divmod(&a, &b, &q, &r);
        big_free(&q);
        big_free(&a);
        a = b;
        b = r;
    }
    big_free(&b);
    big_free(&z);
    *out = a;
}

/* the values of `data` as exact scaled ints; false: raised or refused */
static bool read_data(PyRun *I, const char *fn, SimId data, Data *d)
{
    memset(d, 0, sizeof *d);
    d->list = bi_list_from(I, data);
    if (!d->list)
        return false;
    d->n = sim_obj(S, d->list)->len;
    d->x = xcalloc(d->n ? d->n : 1, sizeof *d->x);
    int *e = xcalloc(d->n ? d->n : 1, sizeof *e);
    for (uint32_t i = 0; i < d->n; i++) {
        SimId v = sim_items(S, d->list)[i];
        SimKind k = sim_kind(S, v);
        if (k == SK_BOOL || (k == SK_INT && !sim_is_subinst(S, v))) {
            if (k == SK_BOOL)
                big_from_i64(&d->x[i], op_truth(I, v) == 1);
            else
                big_from_sim(S, v, &d->x[i]);
        } else if (k == SK_FLOAT && !sim_is_subinst(S, v) && isfinite(sim_obj(S, v)->v.f)) {
            int ex;
            double f = frexp(sim_obj(S, v)->v.f, &ex);
            big_from_i64(&d->x[i], (int64_t)ldexp(f, 53));
            e[i] = ex - 53;
            d->is_float = true;
            if (e[i] < d->emin)
                d->emin = e[i];
        } else {
            free(e);
            return py_not_modelled(I, 0, "statistics.%s() of data other than ints and finite floats", fn);
        }
    }
    for (uint32_t i = 0; i < d->n; i++)
        shl(&d->x[i], e[i] - d->emin);
    free(e);
    return true;
}

/* _convert(num / den, T): an int when T is int and the ratio whole, else
 * float(Fraction), correctly rounded */
static SimId convert(PyRun *I, BigInt *num, BigInt *den, bool is_float)
{
    SimId r = 0;
    if (!is_float) {
        BigInt q, rem;
        big_divmod(num, den, &q, &rem);
        if (rem.sign == 0)
            r = big_to_sim(S, &q);
        else
            big_free(&q);
        big_free(&rem);
    }
    if (!r) {
        double f;
        if (!big_true_divide(num, den, &f))
            return py_not_modelled(I, 0, "a statistics result too large for a float"), (SimId)0;
        r = sim_float(S, f);
    }
    return r;
}

/* Sx, and Sxx when sq, over the scaled values */
static void sums(const Data *d, BigInt *sx, BigInt *sxx, bool sq)
{
    big_from_i64(sx, 0);
    big_from_i64(sxx, 0);
    for (uint32_t i = 0; i < d->n; i++) {
        BigInt t;
        big_add(sx, &d->x[i], &t);
        big_free(sx);
        *sx = t;
        if (sq) {
            BigInt p, u;
            big_mul(&d->x[i], &d->x[i], &p);
            big_add(sxx, &p, &u);
            big_free(&p);
            big_free(sxx);
            *sxx = u;
        }
    }
}

static SimId s_mean(PyRun *I, SimId *a, int n, SimId kw)
{
    Data d;
    note(I, "statistics.mean() (Lib/statistics.py's Fractions)");
    if (!one_arg(I, "mean", n, kw, 1))
        return 0;
    if (!read_data(I, "mean", a[0], &d)) {
        data_free(I, &d);
        return 0;
    }
    SimId r = 0;
    if (d.n < 1) {
        raise_stat(I, "mean requires at least one data point");
    } else {
        BigInt sx, sxx, den, cnt;
        sums(&d, &sx, &sxx, false);
        big_from_i64(&cnt, d.n);
        pow2(-d.emin, &den);
        BigInt den2;
        big_mul(&den, &cnt, &den2);
        r = convert(I, &sx, &den2, d.is_float);
        big_free(&sx), big_free(&sxx), big_free(&den), big_free(&cnt), big_free(&den2);
    }
    data_free(I, &d);
    return r;
}

/* the exact variance as num / den: ss / (n - 1) (sample) or ss / n */
static void variance_of(const Data *d, bool sample, BigInt *num, BigInt *den)
{
    BigInt sx, sxx, cnt, nsxx, sx2, p, c2;
    sums(d, &sx, &sxx, true);
    big_from_i64(&cnt, d->n);
    big_mul(&cnt, &sxx, &nsxx);
    big_mul(&sx, &sx, &sx2);
    big_sub(&nsxx, &sx2, num);
    big_from_i64(&c2, sample ? (int64_t)d->n - 1 : (int64_t)d->n);
    big_mul(&cnt, &c2, &p);
    BigInt scale;
    pow2(-2 * d->emin, &scale);
    big_mul(&p, &scale, den);
    big_free(&sx), big_free(&sxx), big_free(&cnt), big_free(&nsxx), big_free(&sx2), big_free(&p), big_free(&c2);
    big_free(&scale);
}

/* _float_sqrt_of_frac(n, m) of the reduced n / m */
static SimId sqrt_of_frac(PyRun *I, BigInt *num, BigInt *den)
{
    BigInt g, n, m, r1, r2;
    gcd(num, den, &g);
    big_divmod(num, &g, &n, &r1);
    big_divmod(den, &g, &m, &r2);
    big_free(&g), big_free(&r1), big_free(&r2);
    int64_t diff = bits(&n) - bits(&m) - (2 * 53 + 3);
    int64_t q = diff >= 0 ? diff / 2 : -((-diff + 1) / 2); /* floor */
    BigInt nn = n, mm = m, one;
    big_from_i64(&one, 1);
    if (q >= 0)
        shl(&mm, (int)(2 * q));
    else
        shl(&nn, (int)(-2 * q));
    /* _integer_sqrt_of_frac_rto: a = isqrt(n // m); a | (a*a*m != n) */
    BigInt fl, rem, a, aa, aam;
    big_divmod(&nn, &mm, &fl, &rem);
    isqrt(&fl, &a);
    big_mul(&a, &a, &aa);
    big_mul(&aa, &mm, &aam);
    if (big_cmp(&aam, &nn) != 0) {
        BigInt o;
        big_bitwise(&a, &one, '|', &o);
        big_free(&a);
        a = o;
    }
    BigInt numer = a, denom;
    if (q >= 0) {
        shl(&numer, (int)q);
        big_from_i64(&denom, 1);
    } else {
        pow2((int)-q, &denom);
    }
    double f;
    bool ok = big_true_divide(&numer, &denom, &f);
    big_free(&fl), big_free(&rem), big_free(&aa), big_free(&aam), big_free(&one);
    big_free(&numer), big_free(&denom), big_free(&nn), big_free(&mm);
    return ok ? sim_float(S, f) : (py_not_modelled(I, 0, "a statistics result too large for a float"), (SimId)0);
}

static SimId spread(PyRun *I, SimId *a, int n, SimId kw, const char *fn, bool sample, bool root)
{
    if (!one_arg(I, fn, n, kw, 1))
        return 0;
    if (kw || bi_npos(I, n, kw) > 1)
        return py_not_modelled(I, 0, "statistics.%s() given %s", fn, sample ? "xbar" : "mu"), (SimId)0;
    char what[80];
    note(I, strcmp(fn, "variance") == 0 ? "statistics.variance() (Lib/statistics.py's Fractions)"
            : strcmp(fn, "pvariance") == 0 ? "statistics.pvariance() (Lib/statistics.py's Fractions)"
            : strcmp(fn, "stdev") == 0 ? "statistics.stdev() (Lib/statistics.py's Fractions)"
                                      : "statistics.pstdev() (Lib/statistics.py's Fractions)");
    Data d;
    if (!read_data(I, fn, a[0], &d)) {
        data_free(I, &d);
        return 0;
    }
    SimId r = 0;
    if (d.n < (sample ? 2u : 1u)) {
        snprintf(what, sizeof what, "%s requires at least %s data point%s", fn, sample ? "two" : "one",
                 sample ? "s" : "");
        raise_stat(I, what);
    } else {
        BigInt num, den;
        variance_of(&d, sample, &num, &den);
        r = root ? sqrt_of_frac(I, &num, &den) : convert(I, &num, &den, d.is_float);
        big_free(&num), big_free(&den);
    }
    data_free(I, &d);
    return r;
}

static SimId s_variance(PyRun *I, SimId *a, int n, SimId kw) { return spread(I, a, n, kw, "variance", true, false); }
static SimId s_pvariance(PyRun *I, SimId *a, int n, SimId kw) { return spread(I, a, n, kw, "pvariance", false, false); }
static SimId s_stdev(PyRun *I, SimId *a, int n, SimId kw) { return spread(I, a, n, kw, "stdev", true, true); }
static SimId s_pstdev(PyRun *I, SimId *a, int n, SimId kw) { return spread(I, a, n, kw, "pstdev", false, true); }

static SimId s_fmean(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId w = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "weights");
    if (!one_arg(I, "fmean", n, kw, 2))
        return 0;
    if (w && sim_kind(S, w) != SK_NONE)
        return py_not_modelled(I, 0, "statistics.fmean() with weights"), (SimId)0;
    note(I, "statistics.fmean() (Lib/statistics.py's code)");
    SimId list = bi_list_from(I, a[0]);
    if (!list)
        return 0;
    FsumState f;
    fsum_init(&f);
    const char *err = NULL;
    bool over = false, ok = true;
    uint32_t cnt = sim_obj(S, list)->len;
    for (uint32_t i = 0; i < cnt && ok && !err; i++) {
        double x;
        ok = math_to_double(I, sim_items(S, list)[i], &x);
        if (ok)
            err = fsum_add(&f, x, &over);
    }
    double total = 0;
    if (ok && !err)
        err = fsum_result(&f, &total);
    fsum_fini(&f);
    sim_decref(S, list);
    if (!ok)
        return 0;
    if (err) {
        py_raise(I, over ? EXC_OverflowError : EXC_ValueError, "%s", err);
        return 0;
    }
    if (cnt == 0)
        return raise_stat(I, "fmean requires at least one data point"), (SimId)0;
    return sim_float(S, total / (double)cnt);
}

/* ---- order and counting ----------------------------------------------------- */

/* sorted(data): a stable merge sort on the exact values; idx gets the order */
static void sort_idx(const Data *d, uint32_t *idx, uint32_t *tmp, uint32_t lo, uint32_t hi)
{
    if (hi - lo < 2)
        return;
    uint32_t mid = lo + (hi - lo) / 2, i = lo, j = mid, k = lo;
    sort_idx(d, idx, tmp, lo, mid);
    sort_idx(d, idx, tmp, mid, hi);
    while (i < mid && j < hi)
        tmp[k++] = big_cmp(&d->x[idx[j]], &d->x[idx[i]]) < 0 ? idx[j++] : idx[i++];
    while (i < mid)
        tmp[k++] = idx[i++];
    while (j < hi)
        tmp[k++] = idx[j++];
    memcpy(idx + lo, tmp + lo, (hi - lo) * sizeof *idx);
}

static SimId median_of(PyRun *I, SimId *a, int n, SimId kw, int which)
{
    static const char *const fns[3] = {"median", "median_low", "median_high"};
    note(I, "a statistics median (Lib/statistics.py's code)");
    if (!one_arg(I, fns[which], n, kw, 1))
        return 0;
    Data d;
    if (!read_data(I, fns[which], a[0], &d)) {
        data_free(I, &d);
        return 0;
    }
    if (d.n == 0) {
        data_free(I, &d);
        return raise_stat(I, "no median for empty data"), (SimId)0;
    }
    uint32_t *idx = xcalloc(d.n, sizeof *idx), *tmp = xcalloc(d.n, sizeof *tmp);
    for (uint32_t i = 0; i < d.n; i++)
        idx[i] = i;
    sort_idx(&d, idx, tmp, 0, d.n);
    SimId *items = sim_items(S, d.list), r;
    uint32_t h = d.n / 2;
    if (which == 2 || d.n % 2 == 1) {
        r = items[idx[h]];
        sim_incref(S, r);
    } else if (which == 1) {
        r = items[idx[h - 1]];
        sim_incref(S, r);
    } else { /* (data[i - 1] + data[i]) / 2 */
        SimId sum = op_binary(I, OP_ADD, items[idx[h - 1]], items[idx[h]], false), two = sim_int(S, 2);
        r = sum ? op_binary(I, OP_DIV, sum, two, false) : 0;
        sim_xdecref(S, sum);
        sim_decref(S, two);
    }
    free(idx);
    free(tmp);
    data_free(I, &d);
    return r;
}

static SimId s_median(PyRun *I, SimId *a, int n, SimId kw) { return median_of(I, a, n, kw, 0); }
static SimId s_median_low(PyRun *I, SimId *a, int n, SimId kw) { return median_of(I, a, n, kw, 1); }
static SimId s_median_high(PyRun *I, SimId *a, int n, SimId kw) { return median_of(I, a, n, kw, 2); }

/* Counter(iter(data)): the first of each group of equal values, and counts */
static SimId counted(PyRun *I, const char *fn, SimId data, uint32_t **counts, uint32_t *nkeys, uint32_t *best)
{
    SimId list = bi_list_from(I, data);
    if (!list)
        return 0;
    uint32_t n = sim_obj(S, list)->len;
    SimId keys = sim_list(S, 0);
    *counts = xcalloc(n ? n : 1, sizeof **counts);
    *nkeys = 0, *best = 0;
    for (uint32_t i = 0; i < n; i++) {
        SimId v = sim_items(S, list)[i];
        SimKind k = sim_kind(S, v);
        if (sim_is_subinst(S, v) || (k != SK_INT && k != SK_BOOL && k != SK_FLOAT && k != SK_STR)) {
            sim_decref(S, list);
            sim_decref(S, keys);
            free(*counts);
            return py_not_modelled(I, 0, "statistics.%s() of data other than ints, floats and strs", fn), (SimId)0;
        }
        uint32_t j = 0;
        for (; j < *nkeys; j++) {
            SimId key = sim_items(S, keys)[j];
            if (key == v)
                break;
            int eq = op_equal(I, key, v);
            if (eq < 0) {
                sim_decref(S, list);
                sim_decref(S, keys);
                free(*counts);
                return 0;
            }
            if (eq)
                break;
        }
        if (j == *nkeys) {
            sim_incref(S, v);
            sim_list_append(S, keys, v);
            (*nkeys)++;
        }
        if (++(*counts)[j] > *best)
            *best = (*counts)[j];
    }
    sim_decref(S, list);
    return keys;
}

static SimId s_mode(PyRun *I, SimId *a, int n, SimId kw)
{
    note(I, "statistics.mode() (a Counter)");
    if (!one_arg(I, "mode", n, kw, 1))
        return 0;
    uint32_t *counts, nkeys, best;
    SimId keys = counted(I, "mode", a[0], &counts, &nkeys, &best);
    if (!keys)
        return 0;
    SimId r = 0;
    for (uint32_t j = 0; j < nkeys && !r; j++) /* most_common(1): max() keeps the first */
        if (counts[j] == best) {
            r = sim_items(S, keys)[j];
            sim_incref(S, r);
        }
    free(counts);
    sim_decref(S, keys);
    if (!r)
        raise_stat(I, "no mode for empty data");
    return r;
}

static SimId s_multimode(PyRun *I, SimId *a, int n, SimId kw)
{
    note(I, "statistics.multimode() (a Counter)");
    if (!one_arg(I, "multimode", n, kw, 1))
        return 0;
    uint32_t *counts, nkeys, best;
    SimId keys = counted(I, "multimode", a[0], &counts, &nkeys, &best);
    if (!keys)
        return 0;
    SimId r = sim_list(S, 0);
    for (uint32_t j = 0; j < nkeys; j++)
        if (counts[j] == best) {
            sim_incref(S, sim_items(S, keys)[j]);
            sim_list_append(S, r, sim_items(S, keys)[j]);
        }
    free(counts);
    sim_decref(S, keys);
    return r;
}

/* (x * (n - delta) + y * delta) / n with Python's own operators */
static SimId interpolate(PyRun *I, SimId x, SimId y, int64_t n, int64_t delta)
{
    SimId nd = sim_int(S, n - delta), d = sim_int(S, delta), nn = sim_int(S, n);
    SimId a = op_binary(I, OP_MUL, x, nd, false), b = a ? op_binary(I, OP_MUL, y, d, false) : 0;
    SimId sum = b ? op_binary(I, OP_ADD, a, b, false) : 0, r = sum ? op_binary(I, OP_DIV, sum, nn, false) : 0;
    sim_xdecref(S, a), sim_xdecref(S, b), sim_xdecref(S, sum);
    sim_decref(S, nd), sim_decref(S, d), sim_decref(S, nn);
    return r;
}

/* quantiles(data, *, n=4, method='exclusive') */
static SimId s_quantiles(PyRun *I, SimId *a, int n, SimId kw)
{
    note(I, "statistics.quantiles (Lib/statistics.py's code)");
    if (!one_arg(I, "quantiles", n, kw, 1))
        return 0;
    SimId nv = bi_kwarg(I, a, n, kw, "n"), mv = bi_kwarg(I, a, n, kw, "method");
    if (nv && (sim_kind(S, nv) != SK_INT || sim_obj(S, nv)->sub == 1 || sim_obj(S, nv)->v.i > (1 << 20)))
        return py_not_modelled(I, 0, "statistics.quantiles() with an n that is not an int up to 2**20"), (SimId)0;
    if (mv && sim_kind(S, mv) != SK_STR)
        return py_not_modelled(I, 0, "statistics.quantiles() with a method that is not a str"), (SimId)0;
    int64_t q = nv ? sim_obj(S, nv)->v.i : 4;
    if (q < 1)
        return raise_stat(I, "n must be at least 1"), (SimId)0;
    Data d;
    if (!read_data(I, "quantiles", a[0], &d)) {
        data_free(I, &d);
        return 0;
    }
    uint32_t *idx = xcalloc(d.n ? d.n : 1, sizeof *idx), *tmp = xcalloc(d.n ? d.n : 1, sizeof *tmp);
    for (uint32_t i = 0; i < d.n; i++)
        idx[i] = i;
    sort_idx(&d, idx, tmp, 0, d.n);
    SimId *items = sim_items(S, d.list), r = 0;
    int64_t ld = d.n;
    bool inclusive = mv && sim_str_equals(S, mv, "inclusive");
    if (ld < 2 && !(ld == 1 && S->prof->version >= SIM_V313)) {
        raise_stat(I, S->prof->version >= SIM_V313 ? "must have at least one data point"
                                                   : "must have at least two data points");
    } else if (mv && !inclusive && !sim_str_equals(S, mv, "exclusive")) {
        Buf t = {0};
        if (op_repr(I, mv, &t))
            py_raise(I, EXC_ValueError, "Unknown method: %s", buf_str(&t));
        buf_fini(&t);
    } else {
        r = sim_list(S, 0);
        for (int64_t i = 1; i < q && r; i++) {
            SimId v;
            if (ld == 1) { /* 3.13: data * (n - 1) */
                v = items[idx[0]];
                sim_incref(S, v);
            } else if (inclusive) {
                int64_t m = ld - 1, j = i * m / q, delta = i * m % q;
                v = interpolate(I, items[idx[j]], items[idx[j + 1]], q, delta);
            } else {
                int64_t m = ld + 1, j = i * m / q;
                j = j < 1 ? 1 : j > ld - 1 ? ld - 1 : j;
                v = interpolate(I, items[idx[j - 1]], items[idx[j]], q, i * m - j * q);
            }
            if (!v) {
                sim_decref(S, r);
                r = 0;
                break;
            }
            sim_list_append(S, r, v);
        }
    }
    free(idx);
    free(tmp);
    data_free(I, &d);
    return r;
}

#define F(nm, f, ...) BUILTIN(nm, 0, BM_STATISTICS, f, .style = ARGS_OWN, __VA_ARGS__)

const BuiltinDef statistics_functions[] = {
    F("mean", s_mean, .kw = NULL),
    F("fmean", s_fmean, .kw = "weights"),
    F("median", s_median, .kw = NULL),
    F("median_low", s_median_low, .kw = NULL),
    F("median_high", s_median_high, .kw = NULL),
    F("mode", s_mode, .kw = NULL),
    F("multimode", s_multimode, .kw = NULL),
    F("variance", s_variance, .kw = "xbar"),
    F("pvariance", s_pvariance, .kw = "mu"),
    F("stdev", s_stdev, .kw = "xbar"),
    F("pstdev", s_pstdev, .kw = "mu"),
    F("quantiles", s_quantiles, .kw = "n method"),
};
const int statistics_nfunctions = (int)(sizeof statistics_functions / sizeof statistics_functions[0]);

/* class StatisticsError(ValueError), of statistics */
void statistics_module_init(PyRun *I, SimId d)
{
    SimId cls = exc_subclass_in(I, "statistics", "StatisticsError", exc_class(I, EXC_ValueError));
    if (cls)
        bi_dict_put(I, d, "StatisticsError", cls);
}

void statistics_on_import(PyRun *I) { std_import(I, STD_STATISTICS); }
