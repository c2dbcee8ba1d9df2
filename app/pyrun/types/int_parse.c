/*
 * int_parse: int(text) and int(text, base) as PyLong_FromString reads
 * them — surrounding whitespace, a sign, the 0x/0o/0b prefix (base 0
 * takes it from the text), underscores only between digits, no leading
 * zeros under base 0 — into a small or a big int, with CPython's
 * ValueError naming the base and the text.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/modules/tracemalloc.h"
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
    if (b.len > 200 && sim_kind(S, text) == SK_STR) { /* %.200R: the repr's first 200 characters */
        size_t cut = 0;
        for (int chars = 0; cut < b.len && chars < 200; chars++)
            do
                cut++;
            while (cut < b.len && ((unsigned char)buf_str(&b)[cut] & 0xc0) == 0x80);
        b.len = cut;
        b.data[cut] = 0;
    }
    if (b.len > 200 && sim_kind(S, text) != SK_STR) /* a bytes: the repr of its first 200 bytes, whose quotes may differ */
        return buf_fini(&b), py_not_modelled(I, 0, "the message of int() for a bytes text over 200 bytes"), (SimId)0;
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

/* 3.11's long_from_non_binary_base counts the digits of the first run
 * (digits and single underscores between them) and checks the limit
 * before it looks at what follows; 0 when the run itself is invalid */
static size_t digit_run_311(const char *d, size_t i, size_t end, int b)
{
    size_t digits = 0;
    char prev = 0;
    for (; i < end && (digit_of(d[i]) < b || d[i] == '_'); i++) {
        if (d[i] == '_' && (prev == '_' || prev == 0))
            return 0;
        digits += d[i] != '_';
        prev = d[i];
    }
    return prev == '_' ? 0 : digits;
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
    size_t run = ok ? nd : S->prof->version == SIM_V311 ? digit_run_311(d, first, end, b) : 0;
    if (run > MAX_STR_DIGITS && (b & (b - 1)) != 0) /* a base that is not a power of two */
        py_raise(I, EXC_ValueError, "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                                    "use sys.set_int_max_str_digits() to increase the limit", MAX_STR_DIGITS, run);
    else if (!ok)
        r = invalid(I, text, base);
    else
        r = value_of(I, dv, nd, b, sign);
    free(dv);
    free(ascii);
    return r;
}

/* long_to_decimal_string_internal under the default int_max_str_digits:
 * past 4300 digits (the sign aside) a ValueError.  An int of fewer than
 * 481 digits of 30 bits gets there with its scratch int made (a peak
 * tracemalloc sees); a larger one is stopped before it. */
bool int_dec_limit_ok(PyRun *I, SimId v, const Buf *dec)
{
    size_t digits = dec->len - (dec->len && buf_str(dec)[0] == '-');
    if (digits <= MAX_STR_DIGITS)
        return true;
    if (sim_kind(S, v) == SK_INT && sim_obj(S, v)->sub == 1 && sim_obj(S, v)->len < 481) {
        tm_int_scratch(I, v, true);
        tm_int_scratch(I, v, false);
    }
    py_raise(I, EXC_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
                                "use sys.set_int_max_str_digits() to increase the limit", MAX_STR_DIGITS);
    return false;
}
