/*
 * bigint_div: a / b of two ints as CPython's long_true_divide gives it:
 * the exact quotient rounded once to the nearest double (ties to even),
 * subnormals included.  Converting both ints to doubles first rounds
 * twice: (10**20) / 3 would be off in its last bit, and ints past the
 * double range would give inf or nan.
 */
#include "pyrun/types/bigint.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define SHIFT 30
#define MASK ((1u << SHIFT) - 1)

static int64_t bit_length(const BigInt *x)
{
    if (x->n == 0)
        return 0;
    return (int64_t)(x->n - 1) * SHIFT + (64 - __builtin_clzll(x->d[x->n - 1]));
}

/* |x| shifted left by s >= 0 bits */
static void shifted(const BigInt *x, int64_t s, BigInt *out)
{
    int64_t whole = s / SHIFT, bits = s % SHIFT;
    out->n = x->n + (int)whole + 1;
    out->d = xcalloc((size_t)out->n, sizeof *out->d);
    out->sign = x->n ? 1 : 0;
    uint64_t carry = 0;
    for (int i = 0; i < x->n; i++) {
        uint64_t v = ((uint64_t)x->d[i] << bits) | carry;
        out->d[i + whole] = (uint32_t)(v & MASK);
        carry = v >> SHIFT;
    }
    out->d[x->n + whole] = (uint32_t)carry;
    while (out->n > 0 && out->d[out->n - 1] == 0)
        out->n--;
}

/* bit i of x (0 past its top) */
static bool bit_at(const BigInt *x, int64_t i) { return i < (int64_t)x->n * SHIFT && ((x->d[i / SHIFT] >> (i % SHIFT)) & 1); }

/* are any of x's bits below bit i set? */
static bool any_below(const BigInt *x, int64_t i)
{
    for (int64_t k = 0; k < x->n && k < i / SHIFT; k++)
        if (x->d[k])
            return true;
    return i / SHIFT < x->n && (x->d[i / SHIFT] & ((1u << (i % SHIFT)) - 1)) != 0;
}

bool big_true_divide(const BigInt *a, const BigInt *b, double *out)
{
    bool negative = (a->sign < 0) != (b->sign < 0);
    if (a->sign == 0) {
        *out = negative ? -0.0 : 0.0;
        return true;
    }
    /* q = floor(|a| * 2**k / |b|) with 55 or 56 bits; |a| / |b| = (q + frac) * 2**-k */
    int64_t k = 55 - (bit_length(a) - bit_length(b));
    BigInt num, den, q, r;
    BigInt ma = *a, mb = *b;
    ma.sign = 1, mb.sign = 1;
    shifted(&ma, k > 0 ? k : 0, &num);
    shifted(&mb, k < 0 ? -k : 0, &den);
    big_divmod(&num, &den, &q, &r);
    bool sticky = r.sign != 0;
    big_free(&num);
    big_free(&den);
    big_free(&r);
    /* drop the bits past 53, or past the smallest subnormal (2**-1074) */
    int64_t len = bit_length(&q), drop = len - 53 > k - 1074 ? len - 53 : k - 1074;
    uint64_t kept = 0;
    for (int64_t i = len - 1; i >= drop; i--)
        kept = kept << 1 | bit_at(&q, i);
    if (bit_at(&q, drop - 1) && (any_below(&q, drop - 1) || sticky || (kept & 1))) /* half: to even */
        kept++;
    big_free(&q);
    double v = ldexp((double)kept, (int)(drop - k));
    if (isinf(v))
        return false;
    *out = negative ? -v : v;
    return true;
}
