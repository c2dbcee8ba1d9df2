/*
 * float: the float type's behaviour — arithmetic, repr (shortest
 * round-trip digits, as float_repr) and constructor.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
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
        if (b == 0) { py_raise(I, EXC_ZeroDivisionError, "float floor division by zero"); return 0; }
        return sim_float(S, floor(a / b));
    case OP_MOD: {
        if (b == 0) { py_raise(I, EXC_ZeroDivisionError, "float modulo"); return 0; }
        double m = fmod(a, b);
        if (m != 0 && ((m < 0) != (b < 0)))
            m += b;
        return sim_float(S, m);
    }
    case OP_POW:
        if (a == 0 && b < 0) { py_raise(I, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power"); return 0; }
        return sim_float(S, pow(a, b));
    default: return 0;
    }
}

SimId float_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    if (!bi_nargs(I, "float", np, 0, 1))
        return 0;
    if (np == 0)
        return sim_float(S, 0.0);
    if (sim_kind(S, a[0]) == SK_FLOAT) {
        sim_incref(S, a[0]);
        return a[0];
    }
    if (sim_kind(S, a[0]) == SK_INT || sim_kind(S, a[0]) == SK_BOOL)
        return sim_float(S, (double)sim_obj(S, a[0])->v.i);
    if (sim_kind(S, a[0]) == SK_STR) {
        size_t len;
        const char *d = sim_str_data(S, a[0], &len);
        char buf[64];
        snprintf(buf, sizeof buf, "%.*s", (int)len, d);
        char *end;
        double v = strtod(buf, &end);
        if (end != buf && !*end)
            return sim_float(S, v);
        py_raise(I, EXC_ValueError, "could not convert string to float: '%s'", buf);
        return 0;
    }
    py_raise(I, EXC_TypeError, "float() argument must be a string or a real number, not '%s'", op_typename(I, a[0]));
    return 0;
}
