/*
 * complex: complex numbers (Objects/complexobject.c, the same in 3.11-3.13):
 * two doubles in a 32-byte object that is never tracked and has no free
 * list.  Arithmetic as _Py_c_sum / _Py_c_diff / _Py_c_prod / _Py_c_quot
 * compute it (an int or float operand becomes (x, 0.0) first), powers by
 * repeated squaring for small integral exponents and in polar form
 * otherwise, abs() by hypot, == and != against ints, floats and complex
 * numbers (no ordering), the repr with each part in float repr's shortest
 * digits without ".0", complex() from numbers and strings, .real, .imag
 * and .conjugate().
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct Cx { double re, im; } Cx;

static Cx cx_of(PyRun *I, SimId v) { return (Cx){sim_obj(S, v)->v.c.re, sim_obj(S, v)->v.c.im}; }
static SimId cx_new(PyRun *I, Cx c) { return sim_complex(S, c.re, c.im); }

/* An int, bool or float as a complex number (false: not a number, or an
 * int too large for a double: OverflowError raised, *err set). */
static bool as_cx(PyRun *I, SimId v, Cx *out, bool *err)
{
    bool hooked = sim_is_subinst(S, v) || sim_kind(S, v) == SK_INSTANCE;
    SimId h = hooked ? dunder_float_slot(I, v) : S->notimpl; /* PyNumber_Float: a class's __float__ */
    if (h == S->notimpl && sim_kind(S, v) == SK_INSTANCE) { /* ... else its __index__, as a float */
        SimId idx = dunder_index(I, v);
        double d = 0.0;
        if (idx != S->notimpl) {
            bool ok = idx && math_to_double(I, idx, &d);
            sim_xdecref(S, idx);
            h = ok ? sim_float(S, d) : 0;
        }
    }
    if (h != S->notimpl) {
        *err = !h;
        if (h)
            *out = (Cx){sim_obj(S, h)->v.f, 0.0};
        sim_xdecref(S, h);
        return h != 0;
    }
    const SimObj *o = sim_obj(S, v);
    switch ((SimKind)o->kind) {
    case SK_COMPLEX: *out = (Cx){o->v.c.re, o->v.c.im}; return true;
    case SK_FLOAT: *out = (Cx){o->v.f, 0.0}; return true;
    case SK_BOOL: *out = (Cx){(double)o->v.i, 0.0}; return true;
    case SK_INT:
        if (o->sub == 1) { /* a big int: PyLong_AsDouble */
            BigInt b;
            big_from_sim(S, v, &b);
            double d = big_to_double(&b);
            big_free(&b);
            if (isinf(d)) {
                py_raise(I, EXC_OverflowError, "int too large to convert to float");
                *err = true;
                return false;
            }
            *out = (Cx){d, 0.0};
            return true;
        }
        *out = (Cx){(double)o->v.i, 0.0};
        return true;
    default:
        return false;
    }
}

static Cx c_prod(Cx a, Cx b) { return (Cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

/* _Py_c_quot: Smith's method; errno EDOM for a zero divisor */
static Cx c_quot(Cx a, Cx b)
{
    Cx r;
    double abs_br = fabs(b.re), abs_bi = fabs(b.im);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.re = r.im = 0.0;
        } else {
            double ratio = b.im / b.re, denom = b.re + b.im * ratio;
            r.re = (a.re + a.im * ratio) / denom;
            r.im = (a.im - a.re * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else { /* a NaN in the divisor */
        r.re = r.im = NAN;
    }
    return r;
}

static Cx c_powu(Cx x, long n)
{
    Cx r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

/* _Py_c_pow: the polar form */
static Cx c_pow(Cx a, Cx b)
{
    if (b.re == 0.0 && b.im == 0.0)
        return (Cx){1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0)
            errno = EDOM;
        return (Cx){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re), at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    double c = cos(phase), s = sin(phase); /* named: cppcheck misreads them in the initializer */
    return (Cx){len * c, len * s};
}

/* complex_pow without a modulus */
static SimId cx_power(PyRun *I, Cx a, Cx b)
{
    errno = 0;
    Cx p;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) {
        long n = (long)b.re;
        p = n > 0 ? c_powu(a, n) : c_quot((Cx){1.0, 0.0}, c_powu(a, -n));
    } else {
        p = c_pow(a, b);
    }
    if (isinf(p.re) || isinf(p.im)) /* _Py_ADJUST_ERANGE2 */
        errno = errno ? errno : ERANGE;
    else if (errno == ERANGE)
        errno = 0;
    if (errno == EDOM) {
        py_raise(I, EXC_ZeroDivisionError, "0.0 to a negative or complex power");
        return 0;
    }
    if (errno == ERANGE) {
        py_raise(I, EXC_OverflowError, "complex exponentiation");
        return 0;
    }
    return cx_new(I, p);
}

SimId complex_binary(PyRun *I, int op, SimId a, SimId b)
{
    Cx x, y;
    bool err = false;
    if (!as_cx(I, a, &x, &err) || !as_cx(I, b, &y, &err))
        return err ? 0 : S->notimpl; /* borrowed: the caller's TypeError follows */
    switch (op) {
    case OP_ADD: return cx_new(I, (Cx){x.re + y.re, x.im + y.im});
    case OP_SUB: return cx_new(I, (Cx){x.re - y.re, x.im - y.im});
    case OP_MUL: return cx_new(I, c_prod(x, y));
    case OP_DIV: {
        errno = 0;
        Cx q = c_quot(x, y);
        if (errno == EDOM) {
            py_raise(I, EXC_ZeroDivisionError, "complex division by zero");
            return 0;
        }
        return cx_new(I, q);
    }
    case OP_POW: return cx_power(I, x, y);
    default: return S->notimpl;
    }
}

SimId complex_unary(PyRun *I, int op, SimId a)
{
    Cx c = cx_of(I, a);
    if (op == OP_NEG)
        return cx_new(I, (Cx){-c.re, -c.im});
    if (op == OP_POS)
        return cx_new(I, c);
    return S->notimpl;
}

/* complex_abs: hypot, inf when a part is infinite */
SimId complex_abs(PyRun *I, SimId a)
{
    Cx c = cx_of(I, a);
    double r;
    if (isinf(c.re) || isinf(c.im))
        r = INFINITY;
    else if (isnan(c.re) || isnan(c.im))
        r = NAN;
    else
        r = hypot(c.re, c.im);
    if (isinf(r) && !isinf(c.re) && !isinf(c.im)) {
        py_raise(I, EXC_OverflowError, "absolute value too large");
        return 0;
    }
    return sim_float(S, r);
}

/* == with a number: 1 or 0; -1 when b is no number (NotImplemented) */
int complex_equal(PyRun *I, SimId a, SimId b)
{
    Cx x = cx_of(I, a), y;
    bool err = false;
    if (sim_kind(S, b) == SK_INT && sim_obj(S, b)->sub == 1) /* exact against a big int */
        return x.im != 0.0 ? 0 : -2;
    if (!as_cx(I, b, &y, &err))
        return -1;
    return x.re == y.re && x.im == y.im;
}

/* one part in repr's 'r' format without the ".0" float repr adds */
static void part(double x, bool sign, Buf *out)
{
    Buf f = {0};
    float_repr(x, &f);
    size_t n = f.len;
    if (n > 2 && strcmp(buf_str(&f) + n - 2, ".0") == 0)
        n -= 2;
    if (sign && buf_str(&f)[0] != '-')
        buf_addc(out, '+');
    buf_add(out, buf_str(&f), n);
    buf_fini(&f);
}

void complex_repr(PyRun *I, SimId v, Buf *out)
{
    Cx c = cx_of(I, v);
    if (c.re == 0.0 && copysign(1.0, c.re) == 1.0) { /* +0 real part: the imaginary one alone */
        part(c.im, false, out);
        buf_addc(out, 'j');
        return;
    }
    buf_addc(out, '(');
    part(c.re, false, out);
    part(c.im, true, out);
    buf_adds(out, "j)");
}

SimId complex_attr(PyRun *I, SimId v, const char *name, bool *found)
{
    *found = true;
    Cx c = cx_of(I, v);
    if (strcmp(name, "real") == 0)
        return sim_float(S, c.re);
    if (strcmp(name, "imag") == 0)
        return sim_float(S, c.im);
    *found = false;
    return 0;
}

static SimId complex_conjugate(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Cx c = cx_of(I, a[0]);
    return cx_new(I, (Cx){c.re, -c.im});
}

/* ---- complex(): from numbers and strings ---------------------------------- */

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* A float's text at s (what float() reads: digits, a point, an exponent,
 * or inf / infinity / nan), its value in *out; the end, or s when none. */
static const char *float_text(const char *s, const char *end, double *out)
{
    const char *p = s;
    if (p < end && (*p == '+' || *p == '-'))
        p++;
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (int w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if ((size_t)(end - p) >= n && strncasecmp(p, words[w], n) == 0) {
            double v = w == 2 ? NAN : INFINITY;
            *out = *s == '-' ? -v : v;
            return p + n;
        }
    }
    const char *digits = p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    bool any = p > digits;
    if (p < end && *p == '.') {
        const char *frac = ++p;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        any |= p > frac;
    }
    if (!any)
        return s;
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-'))
            q++;
        const char *ed = q;
        while (q < end && *q >= '0' && *q <= '9')
            q++;
        if (q > ed)
            p = q;
    }
    char buf[400];
    size_t n = (size_t)(p - s);
    if (n >= sizeof buf)
        return s;
    memcpy(buf, s, n);
    buf[n] = '\0';
    *out = strtod(buf, NULL);
    return p;
}

/* complex_from_string_inner: <float>, <float>j, <float><signed float>j,
 * and the old <float><sign>j, <sign>j, j; spaces and one pair of
 * parentheses around it */
static bool parse_complex(const char *s, size_t len, Cx *out)
{
    const char *end = s + len;
    double x = 0.0, y = 0.0, z;
    while (s < end && is_space(*s))
        s++;
    bool bracket = s < end && *s == '(';
    if (bracket)
        for (s++; s < end && is_space(*s); s++) {}
    const char *e = float_text(s, end, &z);
    if (e != s) {
        s = e;
        if (s < end && (*s == '+' || *s == '-')) {
            x = z;
            e = float_text(s, end, &y);
            if (e != s)
                s = e;
            else
                y = *s++ == '+' ? 1.0 : -1.0;
            if (s >= end || (*s != 'j' && *s != 'J'))
                return false;
            s++;
        } else if (s < end && (*s == 'j' || *s == 'J')) {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        y = 1.0;
        if (s < end && (*s == '+' || *s == '-'))
            y = *s++ == '+' ? 1.0 : -1.0;
        if (s >= end || (*s != 'j' && *s != 'J'))
            return false;
        s++;
    }
    while (s < end && is_space(*s))
        s++;
    if (bracket) {
        if (s >= end || *s != ')')
            return false;
        for (s++; s < end && is_space(*s); s++) {}
    }
    *out = (Cx){x, y};
    return s == end;
}

static SimId from_string(PyRun *I, SimId str)
{
    size_t n;
    const char *s = sim_str_data(S, str, &n);
    if (memchr(s, '_', n) || memchr(s, '\0', n))
        return py_not_modelled(I, 0, "complex() of a string with underscores or NULs"), (SimId)0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return py_not_modelled(I, 0, "complex() of a string with non-ASCII characters"), (SimId)0;
    Cx c;
    if (!parse_complex(s, n, &c)) {
        py_raise(I, EXC_ValueError, "complex() arg is a malformed string");
        return 0;
    }
    return cx_new(I, c);
}

/* complex_new: complex(), complex(real), complex(real, imag), by keyword too */
static SimId construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "complex", np, 0, 2))
        return 0;
    SimId kr = bi_kwarg(I, a, n, kw, "real"), ki = bi_kwarg(I, a, n, kw, "imag");
    if ((np > 0 && kr) || (np > 1 && ki)) {
        py_raise(I, EXC_TypeError, "argument for complex() given by name ('%s') and position (%d)",
                 np > 0 && kr ? "real" : "imag", np > 0 && kr ? 1 : 2);
        return 0;
    }
    SimId r = np > 0 ? a[0] : kr, i = np > 1 ? a[1] : ki;
    if (I->ts->err.set)
        return 0;
    if (!r && !i)
        return cx_new(I, (Cx){0.0, 0.0});
    if (r && sim_kind(S, r) == SK_STR) {
        if (i) {
            py_raise(I, EXC_TypeError, "complex() can't take second arg if first is a string");
            return 0;
        }
        return from_string(I, r);
    }
    if (i && sim_kind(S, i) == SK_STR) {
        py_raise(I, EXC_TypeError, "complex() second arg can't be a string");
        return 0;
    }
    if (r && sim_kind(S, r) == SK_COMPLEX && !sim_obj(S, r)->type && !i) {
        sim_incref(S, r);
        return r;
    }
    Cx cr = {0.0, 0.0}, ci = {0.0, 0.0};
    bool err = false;
    SimId bad = r && !as_cx(I, r, &cr, &err) ? r : (i && !err && !as_cx(I, i, &ci, &err)) ? i : 0;
    if (err)
        return 0;
    if (bad) { /* an instance's __float__ and __index__ were looked for (__complex__ is refused in a class) */
        py_raise_sure(I, EXC_TypeError, bad == r ? "complex() first argument must be a string or a number, not '%s'"
                                            : "complex() second argument must be a number, not '%s'",
                 op_typename(I, bad));
        return 0;
    }
    bool r_cx = r && sim_kind(S, r) == SK_COMPLEX, i_cx = i && sim_kind(S, i) == SK_COMPLEX;
    double re = cr.re, im = i ? ci.re : cr.im; /* complex_new's corrections, signed zeros kept */
    if (i_cx)
        re -= ci.im;
    if (r_cx && i)
        im += cr.im;
    return cx_new(I, (Cx){re, im});
}

const BuiltinDef complex_methods[] = {
    BUILTIN("conjugate", SK_COMPLEX, BM_BUILTINS, complex_conjugate, .style = ARGS_NONE),
};
const int complex_nmethods = (int)(sizeof complex_methods / sizeof complex_methods[0]);

SimId complex_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    TpArgs t = tp_args(I, a, n, kw); /* no vectorcall: _PyObject_MakeTpCall packs the arguments */
    return tp_args_done(I, &t, construct(I, a, n, kw));
}
