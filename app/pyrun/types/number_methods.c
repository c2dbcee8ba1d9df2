/*
 * number_methods: what an int or a float answers besides arithmetic — the
 * data descriptors real, imag, numerator and denominator, conjugate(),
 * as_integer_ratio(), float.is_integer(), float.hex() and fromhex(),
 * int.to_bytes() and int.from_bytes().  Where CPython gives an exact
 * number itself back (int_int, float_float) so does the model: `x.real is
 * x`; a bool's is the int it stands for.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyrun/builtins.h"
#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* int_int / float_float: an exact number itself, a bool or a subclass's
 * instance as the plain number it holds */
static SimId plain(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    if (k == SK_BOOL)
        return sim_int(S, v == S->true_);
    if (sim_is_subinst(S, v)) {
        if (k == SK_FLOAT)
            return sim_float(S, sim_obj(S, v)->v.f);
        BigInt b;
        big_from_sim(S, v, &b);
        return big_to_sim(S, &b);
    }
    sim_incref(S, v);
    return v;
}

SimId number_attr(PyRun *I, SimId v, const char *name, bool *found)
{
    bool is_float = sim_kind(S, v) == SK_FLOAT;
    *found = true;
    if (strcmp(name, "real") == 0 || (!is_float && strcmp(name, "numerator") == 0))
        return plain(I, v);
    if (strcmp(name, "imag") == 0)
        return is_float ? sim_float(S, 0.0) : sim_int(S, 0);
    if (!is_float && strcmp(name, "denominator") == 0)
        return sim_int(S, 1);
    *found = false;
    return 0;
}

static SimId m_conjugate(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return plain(I, a[0]);
}

/* a BigInt of magnitude m << shift (m < 2^64) */
static void big_shifted(uint64_t m, int shift, BigInt *out)
{
    int n = (64 + shift) / 30 + 2;
    *out = (BigInt){.sign = m ? 1 : 0, .n = n, .d = calloc((size_t)n, sizeof(uint32_t))};
    for (int bit = 0; bit < 64; bit++)
        if (m >> bit & 1)
            out->d[(bit + shift) / 30] |= 1u << ((bit + shift) % 30);
    while (out->n > 0 && out->d[out->n - 1] == 0)
        out->n--;
}

static SimId pair(PyRun *I, SimId x, SimId y)
{
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, x);
    sim_tuple_set(S, t, 1, y);
    return t;
}

static SimId m_int_ratio(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return pair(I, plain(I, a[0]), sim_int(S, 1));
}

/* float_as_integer_ratio: x = m * 2**e with m odd, as (m << e, 1) or (m, 2**-e) */
static SimId m_float_ratio(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x = sim_obj(S, a[0])->v.f;
    if (isinf(x)) {
        py_raise(I, EXC_OverflowError, "cannot convert Infinity to integer ratio");
        return 0;
    }
    if (isnan(x)) {
        py_raise(I, EXC_ValueError, "cannot convert NaN to integer ratio");
        return 0;
    }
    int e;
    double frac = frexp(fabs(x), &e);
    uint64_t m = (uint64_t)ldexp(frac, 53);
    e = m ? e - 53 : 0;
    while (m && !(m & 1)) {
        m >>= 1;
        e++;
    }
    BigInt num, den;
    big_shifted(m, e > 0 ? e : 0, &num);
    big_shifted(1, e < 0 ? -e : 0, &den);
    if (x < 0)
        num.sign = -1;
    return pair(I, big_to_sim(S, &num), big_to_sim(S, &den));
}

static SimId m_is_integer(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x = sim_obj(S, a[0])->v.f;
    return sim_bool(S, isfinite(x) && floor(x) == x);
}

/* float_hex: one hex digit before the point, 13 after, a binary exponent */
static SimId m_hex(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double x = sim_obj(S, a[0])->v.f;
    char out[40];
    if (isnan(x) || isinf(x)) {
        Buf b = {0};
        float_repr(x, &b);
        SimId r = sim_str(S, buf_str(&b), b.len);
        buf_fini(&b);
        return r;
    }
    if (x == 0.0) {
        const char *z = signbit(x) ? "-0x0.0p+0" : "0x0.0p+0";
        return sim_str(S, z, strlen(z));
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char digits[20];
    int k = 0;
    digits[k++] = "0123456789abcdef"[(int)m];
    m -= (int)m;
    digits[k++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        digits[k++] = "0123456789abcdef"[(int)m];
        m -= (int)m;
    }
    digits[k] = '\0';
    snprintf(out, sizeof out, "%s0x%sp%c%d", x < 0 ? "-" : "", digits, e < 0 ? '-' : '+', e < 0 ? -e : e);
    return sim_str(S, out, strlen(out));
}

/* float.fromhex(s): C's strtod reads hexadecimal floats with the same
 * rounding; CPython also takes them without "0x", and inf / nan */
static SimId m_fromhex(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (a[0] != S->types[SK_FLOAT])
        return py_not_modelled(I, 0, "fromhex() on a subclass of float"), (SimId)0;
    if (sim_kind(S, a[1]) != SK_STR) {
        py_raise(I, EXC_TypeError, "bad argument type for built-in operation");
        return 0;
    }
    size_t len;
    const char *d = sim_str_data(S, a[1], &len);
    char *text = malloc(len + 3), *p = text;
    size_t i = 0, end = len;
    while (i < end && strchr(" \t\n\r\f\v", d[i]))
        i++;
    while (end > i && strchr(" \t\n\r\f\v", d[end - 1]))
        end--;
    if (i < end && (d[i] == '-' || d[i] == '+'))
        *p++ = d[i++];
    bool word = end - i >= 3 && (strncasecmp(d + i, "inf", 3) == 0 || strncasecmp(d + i, "nan", 3) == 0);
    if (!word && !(end - i >= 2 && d[i] == '0' && (d[i + 1] == 'x' || d[i + 1] == 'X')))
        *p++ = '0', *p++ = 'x';
    memcpy(p, d + i, end - i);
    p[end - i] = '\0';
    char *stop;
    errno = 0;
    double v = end > i ? strtod(text, &stop) : 0.0;
    bool whole = end > i && *stop == '\0' && !strpbrk(text, "_");
    bool word_ok = !word || strcasecmp(text + (text[0] == '-' || text[0] == '+'), "inf") == 0 ||
                   strcasecmp(text + (text[0] == '-' || text[0] == '+'), "infinity") == 0 ||
                   strcasecmp(text + (text[0] == '-' || text[0] == '+'), "nan") == 0;
    free(text);
    if (!whole || !word_ok) {
        py_raise(I, EXC_ValueError, "invalid hexadecimal floating-point string");
        return 0;
    }
    if (errno == ERANGE && isinf(v)) {
        py_raise(I, EXC_OverflowError, "hexadecimal value too large to represent as a float");
        return 0;
    }
    return sim_float(S, v);
}

/* the byteorder argument: 'big' (true) or 'little' */
static bool byteorder(PyRun *I, SimId v, bool *big)
{
    if (!v) {
        *big = true;
        return true;
    }
    if (sim_kind(S, v) != SK_STR) {
        py_raise(I, EXC_TypeError, "to_bytes() argument 'byteorder' must be str, not %s", op_typename(I, v));
        return false;
    }
    size_t n;
    const char *d = sim_str_data(S, v, &n);
    if ((n == 3 && memcmp(d, "big", 3) == 0) || (n == 6 && memcmp(d, "little", 6) == 0)) {
        *big = n == 3;
        return true;
    }
    py_raise(I, EXC_ValueError, "byteorder must be either 'little' or 'big'");
    return false;
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False) */
static SimId m_to_bytes(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId len_v = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "length");
    SimId order = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "byteorder"), sg = bi_kwarg(I, a, n, kw, "signed");
    int64_t length = 1;
    bool big, is_signed = sg && op_truth(I, sg) == 1;
    if ((len_v && !bi_int_arg(I, len_v, &length)) || !byteorder(I, order, &big))
        return 0;
    if (length < 0) {
        py_raise(I, EXC_ValueError, "length argument must be non-negative");
        return 0;
    }
    if (length > 1 << 20)
        return py_not_modelled(I, 0, "to_bytes() of more than a MiB"), (SimId)0;
    BigInt b;
    big_from_sim(S, a[0], &b);
    if (b.sign < 0 && !is_signed) {
        big_free(&b);
        py_raise(I, EXC_OverflowError, "can't convert negative int to unsigned");
        return 0;
    }
    /* the two's complement of the magnitude, byte by byte from the lowest */
    uint8_t *out = calloc((size_t)length + 1, 1);
    size_t nbytes = ((size_t)b.n * 30 + 7) / 8 + 1;
    uint8_t *mag = calloc(nbytes, 1);
    for (size_t bit = 0; bit < (size_t)b.n * 30; bit++)
        if (b.d[bit / 30] >> (bit % 30) & 1)
            mag[bit / 8] |= (uint8_t)(1u << (bit % 8));
    if (b.sign < 0) { /* ~mag + 1 over every byte */
        unsigned carry = 1;
        for (size_t i = 0; i < nbytes; i++) {
            unsigned v = (uint8_t)~mag[i] + carry;
            mag[i] = (uint8_t)v;
            carry = v >> 8;
        }
    }
    uint8_t fill = b.sign < 0 ? 0xff : 0x00;
    bool fits = true;
    for (size_t i = 0; i < nbytes; i++) {
        if (i < (size_t)length)
            out[i] = mag[i];
        else if (mag[i] != fill)
            fits = false;
    }
    /* the top bit says the sign when signed; unsigned needs none */
    if (fits && is_signed && (length == 0 ? b.sign != 0 : ((out[length - 1] >> 7) != (b.sign < 0))))
        fits = false;
    if (fits && !is_signed && length == 0 && b.sign != 0)
        fits = false;
    big_free(&b);
    free(mag);
    if (!fits) {
        free(out);
        py_raise(I, EXC_OverflowError, "int too big to convert");
        return 0;
    }
    if (big)
        for (int64_t i = 0; i < length / 2; i++) {
            uint8_t t = out[i];
            out[i] = out[length - 1 - i];
            out[length - 1 - i] = t;
        }
    SimId r = sim_bytes(S, out, (size_t)length); /* _PyBytes_FromSize: a new object, even of one byte */
    free(out);
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False): a classmethod */
static SimId m_from_bytes(PyRun *I, SimId *a, int n, SimId kw)
{
    if (a[0] != S->types[SK_INT])
        return py_not_modelled(I, 0, "from_bytes() on a subclass of int"), (SimId)0;
    int np = bi_npos(I, n, kw);
    SimId src = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "bytes");
    SimId order = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "byteorder"), sg = bi_kwarg(I, a, n, kw, "signed");
    if (!src) {
        py_raise(I, EXC_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
        return 0;
    }
    bool big, is_signed = sg && op_truth(I, sg) == 1;
    if (!byteorder(I, order, &big))
        return 0;
    if (!bytes_like(I, src))
        return py_not_modelled(I, 0, "from_bytes() of an object that is not bytes or a bytearray"), (SimId)0;
    size_t len;
    const uint8_t *d = (const uint8_t *)sim_str_data(S, src, &len);
    uint8_t *le = malloc(len + 1);
    for (size_t i = 0; i < len; i++)
        le[i] = big ? d[len - 1 - i] : d[i];
    bool negative = is_signed && len > 0 && (le[len - 1] & 0x80);
    if (negative) { /* the magnitude of a two's complement: ~x + 1 */
        unsigned carry = 1;
        for (size_t i = 0; i < len; i++) {
            unsigned v = (uint8_t)~le[i] + carry;
            le[i] = (uint8_t)v;
            carry = v >> 8;
        }
    }
    int ndig = (int)((len * 8 + 29) / 30) + 1;
    BigInt b = {.sign = 1, .n = ndig, .d = calloc((size_t)ndig, sizeof(uint32_t))};
    for (size_t bit = 0; bit < len * 8; bit++)
        if (le[bit / 8] >> (bit % 8) & 1)
            b.d[bit / 30] |= 1u << (bit % 30);
    free(le);
    while (b.n > 0 && b.d[b.n - 1] == 0)
        b.n--;
    b.sign = b.n == 0 ? 0 : negative ? -1 : 1;
    return big_to_sim(S, &b);
}

const BuiltinDef number_methods[] = {
    BUILTIN("conjugate", SK_INT, 0, m_conjugate, .style = ARGS_NONE),
    BUILTIN("as_integer_ratio", SK_INT, 0, m_int_ratio, .style = ARGS_NONE),
    BUILTIN("to_bytes", SK_INT, 0, m_to_bytes, .style = ARGS_RANGE, .min = 0, .max = 2,
            .kw = "length byteorder signed", .clinic = "int.to_bytes:length byteorder signed"),
    BUILTIN("from_bytes", SK_INT, 0, m_from_bytes, .style = ARGS_RANGE, .min = 1, .max = 2,
            .kw = "bytes byteorder signed", .clinic = "int.from_bytes:bytes byteorder signed", .classmethod = true),
    BUILTIN("conjugate", SK_FLOAT, 0, m_conjugate, .style = ARGS_NONE),
    BUILTIN("as_integer_ratio", SK_FLOAT, 0, m_float_ratio, .style = ARGS_NONE),
    BUILTIN("is_integer", SK_FLOAT, 0, m_is_integer, .style = ARGS_NONE),
    BUILTIN("hex", SK_FLOAT, 0, m_hex, .style = ARGS_NONE),
    BUILTIN("fromhex", SK_FLOAT, 0, m_fromhex, .style = ARGS_ONE, .classmethod = true),
};
const int number_nmethods = (int)(sizeof number_methods / sizeof number_methods[0]);
