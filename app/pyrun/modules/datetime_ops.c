/*
 * datetime_ops: the number methods, rich comparisons and hashes of
 * datetime's objects (Modules/_datetimemodule.c): date +- timedelta,
 * date - date, datetime +- timedelta, datetime - datetime, and timedelta's
 * + - * / // % unary - + abs() with ints, floats (rounded half to even
 * from the exact product or quotient, as CPython's as_integer_ratio path
 * does) and timedeltas.  A date and a datetime mixed in one operation or
 * comparison are refused.  Hashes: a date's, a time's and a datetime's
 * are _Py_HashBytes of their packed fields (SipHash-1-3 under the seed),
 * a timedelta's its (days, seconds, microseconds) tuple's.
 */
#include <math.h>
#include <string.h>

#include "pyrun/modules/datetime_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId notimpl(PyRun *I)
{
    sim_incref(S, S->notimpl);
    return S->notimpl;
}

static bool both(PyRun *I, SimId *a, int n, DtKind *ka, DtKind *kb)
{
    if (n != 2)
        return false;
    *ka = dt_kind(I, a[0]), *kb = dt_kind(I, a[1]);
    return true;
}

static bool mixed(PyRun *I, DtKind ka, DtKind kb)
{
    if ((ka == DT_DATE && kb == DT_DATETIME) || (ka == DT_DATETIME && kb == DT_DATE))
        return !py_not_modelled(I, 0, "a date and a datetime in one operation");
    return false;
}

/* a date or datetime moved by a timedelta */
static SimId shift(PyRun *I, SimId when, SimId delta, int sign)
{
    DtVal v = dt_get(I, when), d = dt_get(I, delta);
    DtKind k = dt_kind(I, when);
    if (k == DT_DATE) {
        int64_t ord = dt_to_ordinal(v.year, v.month, v.day) + sign * d.days;
        if (ord < 1 || ord > dt_to_ordinal(9999, 12, 31)) {
            py_raise(I, EXC_OverflowError, "date value out of range");
            return 0;
        }
        dt_from_ordinal(ord, &v.year, &v.month, &v.day);
        return dt_new(I, DT_DATE, &v);
    }
    __int128 t = dt_total_us(&v) + sign * dt_delta_us(&d), day = (__int128)86400000000LL;
    __int128 ord = t / day, rest = t % day;
    if (t < day || ord > dt_to_ordinal(9999, 12, 31)) {
        py_raise(I, EXC_OverflowError, "date value out of range");
        return 0;
    }
    dt_from_ordinal((int64_t)ord, &v.year, &v.month, &v.day);
    v.hour = (int64_t)(rest / 3600000000LL), rest %= 3600000000LL;
    v.minute = (int64_t)(rest / 60000000), rest %= 60000000;
    v.second = (int64_t)(rest / 1000000), v.us = (int64_t)(rest % 1000000);
    return dt_new(I, DT_DATETIME, &v);
}

static SimId add(PyRun *I, SimId x, SimId y)
{
    DtKind kx = dt_kind(I, x), ky = dt_kind(I, y);
    if (kx == DT_DELTA && ky == DT_DELTA) {
        DtVal a = dt_get(I, x), b = dt_get(I, y);
        return dt_new_delta_us(I, dt_delta_us(&a) + dt_delta_us(&b));
    }
    if ((kx == DT_DATE || kx == DT_DATETIME) && ky == DT_DELTA)
        return shift(I, x, y, 1);
    if ((ky == DT_DATE || ky == DT_DATETIME) && kx == DT_DELTA)
        return shift(I, y, x, 1);
    return notimpl(I);
}

static SimId o_add(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    return n == 2 ? add(I, a[0], a[1]) : notimpl(I);
}

static SimId sub(PyRun *I, SimId x, SimId y)
{
    DtKind kx = dt_kind(I, x), ky = dt_kind(I, y);
    if (mixed(I, kx, ky))
        return 0;
    DtVal a = dt_get(I, x), b = dt_get(I, y);
    if (kx == DT_DELTA && ky == DT_DELTA)
        return dt_new_delta_us(I, dt_delta_us(&a) - dt_delta_us(&b));
    if ((kx == DT_DATE || kx == DT_DATETIME) && ky == DT_DELTA)
        return shift(I, x, y, -1);
    if (kx == DT_DATE && ky == DT_DATE)
        return dt_new_delta_us(I, (__int128)(dt_to_ordinal(a.year, a.month, a.day) - dt_to_ordinal(b.year, b.month, b.day)) *
                                      86400000000LL);
    if (kx == DT_DATETIME && ky == DT_DATETIME)
        return dt_new_delta_us(I, dt_total_us(&a) - dt_total_us(&b));
    return notimpl(I);
}

static SimId o_sub(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, n == 2 ? sub(I, a[0], a[1]) : notimpl(I); }
static SimId o_rsub(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, n == 2 ? sub(I, a[1], a[0]) : notimpl(I); }

/* num / den rounded half to even (den > 0) */
static __int128 round_div(__int128 num, __int128 den)
{
    __int128 q = num / den, r = num % den;
    if (r < 0)
        r += den, q--;
    if (2 * r > den || (2 * r == den && (q & 1)))
        q++;
    return q;
}

/* a float as m * 2**e with m odd or 0 (float.as_integer_ratio) */
static void ratio(double x, int64_t *m, int *e)
{
    int ex;
    double f = frexp(x, &ex);
    *m = (int64_t)ldexp(f, 53);
    *e = ex - 53;
    while (*m && !(*m & 1))
        *m /= 2, (*e)++;
}

static bool fits(__int128 v) { return v < ((__int128)1 << 100) && v > -((__int128)1 << 100); }

/* us * x or us / x for a float x, exact then rounded */
static SimId by_float(PyRun *I, __int128 us, double x, bool divide)
{
    if (!isfinite(x))
        return py_not_modelled(I, 0, "a timedelta multiplied or divided by an infinite float or nan"), (SimId)0;
    int64_t m;
    int e;
    ratio(x, &m, &e);
    if (divide && m == 0) {
        py_raise(I, EXC_ZeroDivisionError, "division by zero");
        return 0;
    }
    __int128 num = divide ? us : us * m, den = divide ? m : 1;
    if (!fits(num) || e > 40 || e < -60)
        return py_not_modelled(I, 0, "a timedelta times a float of this size"), (SimId)0;
    int shift = divide ? -e : e; /* divide: num / (m * 2**e) = (num * 2**-e) / m */
    if (shift >= 0)
        num <<= shift;
    else
        den <<= -shift;
    if (!fits(num) || !fits(den))
        return py_not_modelled(I, 0, "a timedelta times a float of this size"), (SimId)0;
    if (den < 0)
        num = -num, den = -den;
    return dt_new_delta_us(I, round_div(num, den));
}

static bool small_int(PyRun *I, SimId v, int64_t *out)
{
    SimKind k = sim_kind(S, v);
    if ((k == SK_INT || k == SK_BOOL) && sim_obj(S, v)->sub != 1) {
        *out = sim_obj(S, v)->v.i;
        return true;
    }
    return false;
}

static SimId mul(PyRun *I, SimId delta, SimId x)
{
    DtVal d = dt_get(I, delta);
    int64_t k;
    if (small_int(I, x, &k)) {
        __int128 us = dt_delta_us(&d);
        if (!fits(us * k))
            return py_not_modelled(I, 0, "a timedelta times an int this large"), (SimId)0;
        return dt_new_delta_us(I, us * k);
    }
    if (sim_kind(S, x) == SK_FLOAT)
        return by_float(I, dt_delta_us(&d), sim_obj(S, x)->v.f, false);
    if (sim_kind(S, x) == SK_INT)
        return py_not_modelled(I, 0, "a timedelta times an int beyond 64 bits"), (SimId)0;
    return notimpl(I);
}

static SimId o_mul(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 2)
        return notimpl(I);
    if (dt_kind(I, a[0]) == DT_DELTA && dt_kind(I, a[1]) != DT_DELTA)
        return mul(I, a[0], a[1]);
    if (dt_kind(I, a[1]) == DT_DELTA && dt_kind(I, a[0]) != DT_DELTA)
        return mul(I, a[1], a[0]);
    return notimpl(I);
}

/* a timedelta divided: its microseconds, the divisor's kind; false when it
 * is not a timedelta on the left */
static bool delta_left(PyRun *I, SimId *a, int n, __int128 *us, DtKind *kb)
{
    DtKind ka;
    if (!both(I, a, n, &ka, kb) || ka != DT_DELTA)
        return false;
    DtVal d = dt_get(I, a[0]);
    *us = dt_delta_us(&d);
    return true;
}

/* the divisor's microseconds, or 0 with ZeroDivisionError raised */
static __int128 delta_divisor(PyRun *I, SimId v, const char *zero)
{
    DtVal e = dt_get(I, v);
    __int128 den = dt_delta_us(&e);
    if (den == 0)
        py_raise(I, EXC_ZeroDivisionError, "%s", zero);
    return den;
}

static __int128 floor_div(__int128 a, __int128 b)
{
    __int128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* a timedelta / or // a timedelta (a float, an int), an int (a timedelta
 * rounded half to even, floored) or, for /, a float */
static SimId divide(PyRun *I, SimId *a, int n, bool floor)
{
    __int128 us, den, big = (__int128)1 << 53;
    DtKind kb;
    int64_t k;
    if (!delta_left(I, a, n, &us, &kb))
        return notimpl(I);
    if (kb == DT_DELTA) {
        if (!(den = delta_divisor(I, a[1], floor ? "integer division or modulo by zero" : "division by zero")))
            return 0;
        if (floor)
            return sim_int(S, (int64_t)floor_div(us, den));
        if (us > big || us < -big || den > big || den < -big)
            return py_not_modelled(I, 0, "a division of timedeltas of more than 2**53 microseconds"), (SimId)0;
        return sim_float(S, (double)us / (double)den);
    }
    if (small_int(I, a[1], &k)) {
        if (k == 0) {
            py_raise(I, EXC_ZeroDivisionError, "integer division or modulo by zero");
            return 0;
        }
        return dt_new_delta_us(I, floor ? floor_div(us, k) : k < 0 ? round_div(-us, -(__int128)k) : round_div(us, k));
    }
    if (!floor && sim_kind(S, a[1]) == SK_FLOAT)
        return by_float(I, us, sim_obj(S, a[1])->v.f, true);
    return notimpl(I);
}

static SimId o_truediv(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, divide(I, a, n, false); }
static SimId o_floordiv(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, divide(I, a, n, true); }

static SimId o_mod(PyRun *I, SimId *a, int n, SimId kw)
{
    __int128 x, y;
    DtKind kb;
    (void)kw;
    if (!delta_left(I, a, n, &x, &kb) || kb != DT_DELTA)
        return notimpl(I);
    if (!(y = delta_divisor(I, a[1], "integer division or modulo by zero")))
        return 0;
    return dt_new_delta_us(I, x - floor_div(x, y) * y);
}

static SimId unary(PyRun *I, SimId *a, int sign)
{
    DtVal d = dt_get(I, a[0]);
    __int128 us = dt_delta_us(&d);
    return dt_new_delta_us(I, sign == 0 ? (us < 0 ? -us : us) : sign * us);
}

static SimId o_neg(PyRun *I, SimId *a, int n, SimId kw) { return (void)n, (void)kw, unary(I, a, -1); }
static SimId o_abs(PyRun *I, SimId *a, int n, SimId kw) { return (void)n, (void)kw, unary(I, a, 0); }

static SimId o_pos(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return unary(I, a, 1); /* delta_positive makes a new object */
}

static SimId o_bool(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    DtVal d = dt_get(I, a[0]);
    return sim_bool(S, dt_delta_us(&d) != 0);
}

/* -1, 0, 1; 2: not comparable (NotImplemented) */
static int cmp3(PyRun *I, SimId x, SimId y, bool *refused)
{
    DtKind kx = dt_kind(I, x), ky = dt_kind(I, y);
    *refused = false;
    if (mixed(I, kx, ky)) {
        *refused = true;
        return 2;
    }
    if (kx != ky || kx == DT_NONE)
        return 2;
    DtVal a = dt_get(I, x), b = dt_get(I, y);
    __int128 p, q;
    if (kx == DT_DELTA) {
        p = dt_delta_us(&a), q = dt_delta_us(&b);
    } else if (kx == DT_TIME) {
        p = ((a.hour * 60 + a.minute) * 60 + a.second) * (__int128)1000000 + a.us;
        q = ((b.hour * 60 + b.minute) * 60 + b.second) * (__int128)1000000 + b.us;
    } else {
        p = dt_total_us(&a), q = dt_total_us(&b);
    }
    return p < q ? -1 : p > q ? 1 : 0;
}

static SimId compare(PyRun *I, SimId *a, int n, int op)
{
    bool refused;
    if (n != 2)
        return notimpl(I);
    int c = cmp3(I, a[0], a[1], &refused);
    if (refused)
        return 0;
    if (c == 2)
        return notimpl(I);
    bool r = op == 0 ? c < 0 : op == 1 ? c <= 0 : op == 2 ? c == 0 : op == 3 ? c != 0 : op == 4 ? c > 0 : c >= 0;
    return sim_bool(S, r);
}

static SimId o_lt(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, compare(I, a, n, 0); }
static SimId o_le(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, compare(I, a, n, 1); }
static SimId o_eq(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, compare(I, a, n, 2); }
static SimId o_ne(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, compare(I, a, n, 3); }
static SimId o_gt(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, compare(I, a, n, 4); }
static SimId o_ge(PyRun *I, SimId *a, int n, SimId kw) { return (void)kw, compare(I, a, n, 5); }

static SimId o_hash(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    DtVal v = dt_get(I, a[0]);
    uint8_t b[10];
    size_t len = 0;
    switch (dt_kind(I, a[0])) {
    case DT_DELTA: { /* hash((days, seconds, microseconds)) */
        SimId t = sim_tuple(S, 3);
        sim_tuple_set(S, t, 0, sim_int(S, v.days));
        sim_tuple_set(S, t, 1, sim_int(S, v.second));
        sim_tuple_set(S, t, 2, sim_int(S, v.us));
        int64_t h = (int64_t)sim_hash(S, t);
        sim_decref(S, t);
        return sim_int(S, h);
    }
    case DT_DATE:
    case DT_DATETIME:
        b[len++] = (uint8_t)(v.year >> 8), b[len++] = (uint8_t)v.year, b[len++] = (uint8_t)v.month;
        b[len++] = (uint8_t)v.day;
        if (dt_kind(I, a[0]) == DT_DATE)
            break;
        __attribute__((fallthrough)); /* the time's fields follow the date's */
    case DT_TIME:
        b[len++] = (uint8_t)v.hour, b[len++] = (uint8_t)v.minute, b[len++] = (uint8_t)v.second;
        b[len++] = (uint8_t)(v.us >> 16), b[len++] = (uint8_t)(v.us >> 8), b[len++] = (uint8_t)v.us;
        break;
    default: break;
    }
    return sim_int(S, (int64_t)sim_bytes_hash(b, len));
}

#define M(nm, f) BUILTIN(nm, SK_INSTANCE, BM_DATETIME, f, .kw = "*")
#define CMP(c)                                                                                                       \
    M(c ".__lt__", o_lt), M(c ".__le__", o_le), M(c ".__eq__", o_eq), M(c ".__ne__", o_ne), M(c ".__gt__", o_gt), \
        M(c ".__ge__", o_ge), M(c ".__hash__", o_hash)
const BuiltinDef dt_op_methods[] = {
    CMP("date"), CMP("time"), CMP("datetime"), CMP("timedelta"),
    M("date.__add__", o_add), M("date.__radd__", o_add), M("date.__sub__", o_sub), M("date.__rsub__", o_rsub),
    M("datetime.__add__", o_add), M("datetime.__radd__", o_add), M("datetime.__sub__", o_sub),
    M("datetime.__rsub__", o_rsub),
    M("timedelta.__add__", o_add), M("timedelta.__radd__", o_add), M("timedelta.__sub__", o_sub),
    M("timedelta.__rsub__", o_rsub), M("timedelta.__mul__", o_mul), M("timedelta.__rmul__", o_mul),
    M("timedelta.__truediv__", o_truediv), M("timedelta.__floordiv__", o_floordiv), M("timedelta.__mod__", o_mod),
    M("timedelta.__neg__", o_neg), M("timedelta.__pos__", o_pos), M("timedelta.__abs__", o_abs),
    M("timedelta.__bool__", o_bool),
};
const int dt_op_nmethods = (int)(sizeof dt_op_methods / sizeof dt_op_methods[0]);
#undef M
#undef CMP
