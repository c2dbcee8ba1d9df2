/*
 * bigint_powmod: pow(base, exp, mod) on ints of any size, as long_pow
 * computes it with a modulus: the base reduced modulo |mod|, a negative
 * exponent through the base's inverse (long_invmod, Python 3.8+), the
 * result in [0, |mod|) moved to (mod, 0] when mod is negative.
 */
#include "pyrun/types/bigint.h"

#include <stdbool.h>
#include <string.h>

static void big_copy(const BigInt *a, BigInt *out)
{
    BigInt zero;
    big_from_i64(&zero, 0);
    big_add(a, &zero, out);
    big_free(&zero);
}

/* a * b mod c (c > 0), into *acc, which it replaces */
static void mulmod(BigInt *acc, const BigInt *b, const BigInt *c)
{
    BigInt p, q, r;
    big_mul(acc, b, &p);
    big_divmod(&p, c, &q, &r);
    big_free(&p);
    big_free(&q);
    big_free(acc);
    *acc = r;
}

/* x's inverse modulo c (0 <= x < c) by the extended Euclidean algorithm;
 * false when they share a factor */
static bool inverse(const BigInt *x, const BigInt *c, BigInt *out)
{
    BigInt r0, r1, t0, t1;
    big_copy(c, &r0);
    big_copy(x, &r1);
    big_from_i64(&t0, 0);
    big_from_i64(&t1, 1);
    while (r1.sign != 0) {
        BigInt q, r2, qt, t2;
        big_divmod(&r0, &r1, &q, &r2);
        big_mul(&q, &t1, &qt);
        big_sub(&t0, &qt, &t2);
        big_free(&q);
        big_free(&qt);
        big_free(&r0);
        big_free(&t0);
        r0 = r1, r1 = r2, t0 = t1, t1 = t2;
    }
    bool ok = r0.n == 1 && r0.d[0] == 1;
    if (ok) { /* t0 modulo c, made non-negative */
        BigInt q;
        big_divmod(&t0, c, &q, out);
        big_free(&q);
    }
    big_free(&r0);
    big_free(&r1);
    big_free(&t0);
    big_free(&t1);
    return ok;
}

bool big_powmod(const BigInt *base, const BigInt *exp, const BigInt *mod, BigInt *out)
{
    BigInt c, q, x;
    big_copy(mod, &c);
    if (c.sign < 0)
        c.sign = 1;
    big_divmod(base, &c, &q, &x); /* floor modulo a positive c: 0 <= x < c */
    big_free(&q);
    if (exp->sign < 0) {
        BigInt inv;
        bool ok = inverse(&x, &c, &inv);
        big_free(&x);
        if (!ok) {
            big_free(&c);
            return false;
        }
        x = inv;
    }
    big_from_i64(out, c.n == 1 && c.d[0] == 1 ? 0 : 1);
    for (int i = 0; i < exp->n; i++)
        for (int bit = 0; bit < 30; bit++) {
            if (exp->d[i] >> bit & 1)
                mulmod(out, &x, &c);
            if (i < exp->n - 1 || exp->d[i] >> (bit + 1))
                mulmod(&x, &x, &c);
        }
    if (mod->sign < 0 && out->sign != 0) {
        BigInt moved;
        big_sub(out, &c, &moved);
        big_free(out);
        *out = moved;
    }
    big_free(&x);
    big_free(&c);
    return true;
}
