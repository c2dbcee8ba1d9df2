/*
 * int_parse: int(text) and int(text, base) as PyLong_FromString reads
 * them — surrounding whitespace, a sign, the 0x/0o/0b prefix (base 0
 * takes it from the text), underscores only between digits, no leading
 * zeros under base 0 — into a small or a big int, with CPython's
 * ValueError naming the base and the text.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/types/bigint.h"
#include "pyrun/types/types.h"

#define S (I->sim)

enum { MAX_STR_DIGITS = 4300 }; /* sys.get_int_max_str_digits() by default (3.11+) */

static int digit_of(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

static SimId invalid(PyRun *I, SimId text, int base)
{
    Buf b = {0};
    if (sim_kind(S, text) == SK_BYTEARRAY) { /* _PyLong_FromBytes shows a bytes of its text */
        size_t n;
        const char *d = sim_str_data(S, text, &n);
        str_repr(d, n, true, 0, &b);
    } else {
        op_repr(I, text, &b);
    }
    if (b.len > 200) /* CPython shows at most 200 characters of it */
        return buf_fini(&b), py_not_modelled(I, 0, "the message of int() for a text over 200 characters"), (SimId)0;
    py_raise(I, EXC_ValueError, "invalid literal for int() with base %d: %s", base, buf_str(&b));
    buf_fini(&b);
    return 0;
}

/* the value of n digit values in base b: 64 bits while they fit, else a big int */
static SimId value_of(PyRun *I, const uint8_t *dv, size_t n, int b, int sign)
{
    int64_t v = 0;
    size_t i = 0;
    for (; i < n; i++)
        if (__builtin_mul_overflow(v, b, &v) || __builtin_add_overflow(v, dv[i], &v))
            break;
    if (i == n)
        return sim_int_digits(S, sign * v);
    BigInt big, base, digit, t;
    big_from_i64(&big, 0);
    big_from_i64(&base, b);
    for (i = 0; i < n; i++) {
        big_from_i64(&digit, dv[i]);
        big_mul(&big, &base, &t);
        big_free(&big);
        big_add(&t, &digit, &big);
        big_free(&t), big_free(&digit);
    }
    big_free(&base);
    if (sign < 0)
        big.sign = -big.sign;
    return big_to_sim(S, &big);
}

SimId int_from_text(PyRun *I, SimId text, int base)
{
    size_t n;
    const char *d = sim_str_data(S, text, &n);
    char *ascii = NULL; /* Unicode digits and spaces made ASCII */
    if (sim_kind(S, text) == SK_STR && sim_obj(S, text)->sub != 1)
        d = ascii = str_ascii_number(I, text, &n);
    size_t i = 0, end = n;
    while (i < end && space(d[i]))
        i++;
    while (end > i && space(d[end - 1]))
        end--;
    int sign = 1;
    if (i < end && (d[i] == '+' || d[i] == '-'))
        sign = d[i++] == '-' ? -1 : 1;
    int b = base;
    bool prefixed = false;
    if (i + 1 < end && d[i] == '0') {
        char p = (char)(d[i + 1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            i += 2;
            prefixed = true;
        }
    }
    if (b == 0)
        b = 10;
    uint8_t *dv = malloc(end - i + 1);
    size_t nd = 0, first = i;
    bool ok = true, prev_digit = false, after_prefix = prefixed;
    for (; i < end && ok; i++) {
        if (d[i] == '_') { /* between digits, or once right after a prefix */
            ok = prev_digit || after_prefix;
            prev_digit = after_prefix = false;
            continue;
        }
        int v = digit_of(d[i]);
        ok = v < b;
        dv[nd++] = (uint8_t)v;
        prev_digit = true;
        after_prefix = false;
    }
    ok = ok && nd > 0 && prev_digit;
    if (ok && base == 0 && !prefixed && d[first] == '0') /* "010" under base 0: zeros only */
        for (size_t k = 0; k < nd && ok; k++)
            ok = dv[k] == 0;
    SimId r = 0;
    if (!ok)
        r = invalid(I, text, base);
    else if (nd > MAX_STR_DIGITS && (b & (b - 1)) != 0)
        py_not_modelled(I, 0, "int() of more than %d digits (the int_max_str_digits limit)", MAX_STR_DIGITS);
    else
        r = value_of(I, dv, nd, b, sign);
    free(dv);
    free(ascii);
    return r;
}
