/*
 * float: the float type's behaviour — arithmetic, repr (shortest
 * round-trip digits, as float_repr) and constructor.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <strings.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/math_exact.h"
#include "pyrun/types/types.h"

#define S (I->sim)

void float_repr(double x, Buf *out)
{
    if (isnan(x)) {
        buf_adds(out, "nan");
        return;
    }
    if (isinf(x)) {
        buf_adds(out, x > 0 ? "inf" : "-inf");
        return;
    }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    /* buf = d.ddde[+-]XX : split mantissa digits and exponent */
    char digits[32];
    int nd = 0;
    const char *p = buf;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    digits[nd] = '\0';
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        digits[--nd] = '\0';
    if (neg)
        buf_addc(out, '-');
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            buf_adds(out, "0.");
            for (int i = 0; i < -exp - 1; i++)
                buf_addc(out, '0');
            buf_adds(out, digits);
        } else if (nd <= exp + 1) {
            buf_adds(out, digits);
            for (int i = nd; i <= exp; i++)
                buf_addc(out, '0');
            buf_adds(out, ".0");
        } else {
            buf_add(out, digits, (size_t)exp + 1);
            buf_addc(out, '.');
            buf_adds(out, digits + exp + 1);
        }
        return;
    }
    buf_addc(out, digits[0]);
    if (nd > 1) {
        buf_addc(out, '.');
        buf_adds(out, digits + 1);
    }
    buf_printf(out, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

SimId float_binary(PyRun *I, int op, double a, double b)
{
    switch (op) {
    case OP_ADD: return sim_float(S, a + b);
    case OP_SUB: return sim_float(S, a - b);
    case OP_MUL: return sim_float(S, a * b);
    case OP_DIV:
        if (b == 0) { py_raise(I, EXC_ZeroDivisionError, "float division by zero"); return 0; }
        return sim_float(S, a / b);
    case OP_FLOORDIV:
    case OP_MOD: {
        if (b == 0) {
            py_raise(I, EXC_ZeroDivisionError, op == OP_FLOORDIV ? "float floor division by zero"
                                               : S->prof->version >= SIM_V313 ? "float modulo by zero"
                                                                              : "float modulo");
            return 0;
        }
        /* _float_div_mod: the remainder takes b's sign (a zero too), and the
         * quotient comes from (a - mod) / b, not from floor(a / b):
         * 1 // 0.1 is 9.0 */
        double mod = fmod(a, b), div = (a - mod) / b;
        if (mod) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
                div -= 1.0;
            }
        } else {
            mod = copysign(0.0, b);
        }
        if (op == OP_MOD)
            return sim_float(S, mod);
        double fd;
        if (div) {
            fd = floor(div);
            if (div - fd > 0.5)
                fd += 1.0;
        } else {
            fd = copysign(0.0, a / b);
        }
        return sim_float(S, fd);
    }
    case OP_POW: {
        if (a == 0 && b < 0) { py_raise(I, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power"); return 0; }
        if (a < 0 && isfinite(a) && isfinite(b) && b != floor(b)) { /* float_pow hands it to complex */
            SimId ca = sim_complex(S, a, 0.0), cb = sim_complex(S, b, 0.0);
            SimId r = complex_binary(I, OP_POW, ca, cb);
            sim_decref(S, ca);
            sim_decref(S, cb);
            return r;
        }
        double r = pow(a, b);
        if (isinf(r) && isfinite(a) && isfinite(b)) {
            py_raise(I, EXC_OverflowError, "(34, 'Numerical result out of range')");
            return 0;
        }
        return sim_float(S, r);
    }
    default: return 0;
    }
}

/* A float literal as float() reads one (_Py_string_to_number_with_underscores
 * and _PyOS_ascii_strtod): blanks around it, a sign, digits with single
 * underscores between them, an optional fraction and exponent, or
 * inf / infinity / nan in any case.  Writes the digits without underscores
 * to out (room for n + 1); false when it is none of these. */
static bool float_literal(const char *d, size_t n, char *out)
{
    while (n && strchr(" \t\n\v\f\r", d[0]))
        d++, n--;
    while (n && strchr(" \t\n\v\f\r", d[n - 1]))
        n--;
    size_t o = 0, i = 0;
    if (i < n && (d[i] == '+' || d[i] == '-'))
        out[o++] = d[i++];
    const char *word = d + i;
    size_t wl = n - i;
    if ((wl == 3 && (!strncasecmp(word, "inf", 3) || !strncasecmp(word, "nan", 3))) ||
        (wl == 8 && !strncasecmp(word, "infinity", 8))) {
        memcpy(out + o, word, wl);
        out[o + wl] = '\0';
        return true;
    }
    /* digits ('_' only between two), then the same after '.', and after 'e' */
    size_t mant = 0;
    for (int part = 0; part < 3 && i <= n; part++) {
        if (part == 1 && (i == n || d[i] != '.'))
            continue;
        if (part == 2) {
            if (i == n)
                break;
            if (d[i] != 'e' && d[i] != 'E')
                return false;
            out[o++] = d[i++];
            if (i < n && (d[i] == '+' || d[i] == '-'))
                out[o++] = d[i++];
        } else if (part == 1) {
            out[o++] = d[i++];
        }
        size_t digits = 0;
        while (i < n && (d[i] >= '0' && d[i] <= '9')) {
            out[o++] = d[i++];
            digits++;
            if (i + 1 < n && d[i] == '_' && d[i + 1] >= '0' && d[i + 1] <= '9')
                i++;
        }
        if (part == 2 && !digits)
            return false;
        if (part < 2)
            mant += digits;
    }
    out[o] = '\0';
    return i == n && mant > 0;
}

/* float(x): PyNumber_Float */
SimId float_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "float", np, 0, 1))
        return 0;
    if (np == 0)
        return sim_float(S, 0.0);
    SimId x = a[0];
    SimKind k = sim_kind(S, x);
    if (sim_is_subinst(S, x) && (k == SK_FLOAT || k == SK_INT)) { /* PyNumber_Float: nb_float */
        SimId f = dunder_float_slot(I, x); /* the subclass's own __float__ (slot_nb_float) */
        if (f != S->notimpl)
            return f;
    }
    if (k == SK_FLOAT && !sim_is_subinst(S, x)) {
        sim_incref(S, x);
        return x;
    }
    if (k == SK_FLOAT) /* float_float: an exact float of a subclass's value */
        return sim_float(S, sim_obj(S, x)->v.f);
    if (k == SK_INT || k == SK_BOOL) { /* PyLong_AsDouble: correctly rounded */
        double v;
        return math_to_double(I, x, &v) ? sim_float(S, v) : 0;
    }
    if (k == SK_STR || k == SK_BYTES || k == SK_BYTEARRAY) {
        size_t len;
        const char *d = sim_str_data(S, x, &len);
        char *ascii = NULL; /* Unicode digits and spaces made ASCII */
        if (k == SK_STR && sim_obj(S, x)->sub != 1)
            d = ascii = str_ascii_number(I, x, &len);
        char *lit = malloc(len + 2);
        bool ok = float_literal(d, len, lit);
        double v = ok ? strtod(lit, NULL) : 0.0;
        free(lit);
        free(ascii);
        if (ok)
            return sim_float(S, v);
        Buf r = {0};
        if (op_repr(I, x, &r))
            py_raise(I, EXC_ValueError, "could not convert string to float: %s", buf_str(&r));
        buf_fini(&r);
        return 0;
    }
    bool found;
    SimId f = native_dunder_call(I, x, "__float__", NULL, 0, &found); /* fractions.Fraction's */
    if (found && f && sim_kind(S, f) != SK_FLOAT) {
        sim_decref(S, f);
        return py_not_modelled(I, 0, "a __float__ that returns a %s", "non-float"), 0;
    }
    if (found)
        return f;
    if (k == SK_INSTANCE) { /* PyNumber_Float: __float__, else __index__ */
        f = dunder_float(I, x);
        if (f != S->notimpl)
            return f;
        SimId idx = dunder_index(I, x);
        if (idx != S->notimpl) {
            double v;
            bool ok = idx && math_to_double(I, idx, &v);
            sim_xdecref(S, idx);
            return ok ? sim_float(S, v) : 0;
        }
    }
    if (sim_is_subinst(S, x))
        return py_not_modelled(I, 0, "float() of an object of a class (__float__, __index__)"), 0;
    py_raise_sure(I, EXC_TypeError, "float() argument must be a string or a real number, not '%s'", /* hooks looked for */
                  op_typename(I, x));
    return 0;
}
