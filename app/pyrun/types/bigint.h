/*
 * bigint: arbitrary-precision integers for pyrun, in CPython's layout
 * (30-bit digits, sign and magnitude) so that sys.getsizeof of a big int
 * is 24 + 4 * digits as in CPython.  Used when a result leaves int64.
 */
#ifndef PYDIVE_PYRUN_BIGINT_H
#define PYDIVE_PYRUN_BIGINT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "sim/sim.h"

typedef struct BigInt {
    int sign;      /* -1, 0, 1 */
    int n;         /* digits in use */
    uint32_t *d;   /* little-endian base 2^30 (malloc'ed) */
} BigInt;

void big_from_i64(BigInt *b, int64_t v);
/* Reads a sim int (small or big) into b. */
void big_from_sim(const Sim *s, SimId v, BigInt *b);
/* A new sim int for b (small when it fits); frees b. */
SimId big_to_sim(Sim *s, BigInt *b);
/* the same in a block of `request` bytes (0: its digits' own size) */
SimId big_to_sim_request(Sim *s, BigInt *b, size_t request);
bool big_parse(const char *dec, BigInt *b);
void big_free(BigInt *b);
void big_add(const BigInt *a, const BigInt *b, BigInt *out);
void big_sub(const BigInt *a, const BigInt *b, BigInt *out);
void big_mul(const BigInt *a, const BigInt *b, BigInt *out);
/* floor division and modulo; false when b is zero */
bool big_divmod(const BigInt *a, const BigInt *b, BigInt *q, BigInt *r);
int big_cmp(const BigInt *a, const BigInt *b);
/* a & b, a | b, a ^ b (op '&', '|', '^') as Python's ints behave: in two's
 * complement of unbounded width */
void big_bitwise(const BigInt *a, const BigInt *b, char op, BigInt *out);
void big_to_dec(const BigInt *a, Buf *out);
/* the magnitude's digits in base 2**bits (1: binary, 3: octal, 4: hex) */
void big_to_pow2_base(const BigInt *a, unsigned bits, bool upper, Buf *out);
double big_to_double(const BigInt *a);
/* bigint_div.c: a / b (b != 0) correctly rounded, as long_true_divide;
 * false when the quotient is too large for a double */
bool big_true_divide(const BigInt *a, const BigInt *b, double *out);
/* bigint_powmod.c: pow(base, exp, mod) with mod != 0 as Python computes it;
 * false when exp < 0 and base has no inverse modulo mod */
bool big_powmod(const BigInt *base, const BigInt *exp, const BigInt *mod, BigInt *out);

#endif
