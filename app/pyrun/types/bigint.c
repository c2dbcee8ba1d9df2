/*
 * bigint: schoolbook arithmetic on 30-bit digits.  Small enough for the
 * numbers lessons print (2**100, 25!, 10**30); not tuned for huge ones.
 */
#include "pyrun/types/bigint.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define SHIFT 30
#define MASK ((1u << SHIFT) - 1)

static void grow(BigInt *b, int n)
{
    b->d = xrealloc(b->d, (size_t)(n > 0 ? n : 1) * sizeof *b->d);
}

static void trim(BigInt *b)
{
    while (b->n > 0 && b->d[b->n - 1] == 0)
        b->n--;
    if (b->n == 0)
        b->sign = 0;
}

void big_free(BigInt *b)
{
    free(b->d);
    memset(b, 0, sizeof *b);
}

void big_from_i64(BigInt *b, int64_t v)
{
    memset(b, 0, sizeof *b);
    grow(b, 3);
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    b->sign = v < 0 ? -1 : v > 0;
    while (m) {
        b->d[b->n++] = (uint32_t)(m & MASK);
        m >>= SHIFT;
    }
}

void big_from_sim(const Sim *s, SimId v, BigInt *b)
{
    const SimObj *o = &s->obj[v];
    if (o->kind != SK_INT || o->sub != 1) {
        big_from_i64(b, o->v.i);
        return;
    }
    memset(b, 0, sizeof *b);
    b->n = (int)o->len;
    grow(b, b->n);
    memcpy(b->d, slab_ptr(&s->slab, o->data), (size_t)b->n * sizeof *b->d);
    b->sign = (int)o->v.i;
}


/* x's n digits in two's complement (the magnitude's, complemented and
 * incremented when x is negative), into out */
static void twos_complement(const BigInt *x, int n, uint32_t *out)
{
    for (int i = 0; i < n; i++)
        out[i] = i < x->n ? x->d[i] : 0;
    if (x->sign >= 0)
        return;
    uint32_t carry = 1;
    for (int i = 0; i < n; i++) {
        uint32_t v = (out[i] ^ MASK) + carry;
        out[i] = v & MASK;
        carry = v >> SHIFT;
    }
}

void big_bitwise(const BigInt *a, const BigInt *b, char op, BigInt *out)
{
    int n = (a->n > b->n ? a->n : b->n) + 1; /* room for the sign */
    uint32_t *x = xmalloc((size_t)n * sizeof *x), *y = xmalloc((size_t)n * sizeof *y);
    twos_complement(a, n, x);
    twos_complement(b, n, y);
    bool na = a->sign < 0, nb = b->sign < 0;
    bool negative = op == '&' ? na && nb : op == '|' ? na || nb : na != nb;
    for (int i = 0; i < n; i++)
        x[i] = op == '&' ? x[i] & y[i] : op == '|' ? x[i] | y[i] : x[i] ^ y[i];
    free(y);
    memset(out, 0, sizeof *out);
    out->d = x;
    out->n = n;
    out->sign = 1;
    if (negative) { /* back to a magnitude: complement and increment again */
        BigInt m = {.sign = -1, .n = n, .d = x};
        uint32_t *mag = xmalloc((size_t)n * sizeof *mag);
        twos_complement(&m, n, mag);
        free(x);
        out->d = mag;
        out->sign = -1;
    }
    trim(out);
}

SimId big_to_sim(Sim *s, BigInt *b) { return big_to_sim_request(s, b, 0); }

SimId big_to_sim_request(Sim *s, BigInt *b, size_t request)
{
    trim(b);
    if (request) { /* the block CPython asked for, spare digits and all */
        SimId r;
        if (b->n <= 2 || (b->n == 3 && b->d[2] < 8)) {
            uint64_t m = 0;
            for (int i = b->n - 1; i >= 0; i--)
                m = m << SHIFT | b->d[i];
            if (m <= (uint64_t)INT64_MAX || (b->sign < 0 && m == (uint64_t)INT64_MAX + 1)) {
                r = sim_int_request(s, b->sign < 0 ? (int64_t)(0 - m) : (int64_t)m, request);
                big_free(b);
                return r;
            }
        }
        r = sim_int_big_request(s, b->sign, b->d, (uint32_t)b->n, request);
        big_free(b);
        return r;
    }
    if (b->n <= 2 || (b->n == 3 && b->d[2] < 8)) {
        uint64_t m = 0;
        for (int i = b->n - 1; i >= 0; i--)
            m = m << SHIFT | b->d[i];
        if (m <= (uint64_t)INT64_MAX || (b->sign < 0 && m == (uint64_t)INT64_MAX + 1)) {
            int64_t v = b->sign < 0 ? (int64_t)(0 - m) : (int64_t)m;
            big_free(b);
            return sim_int(s, v);
        }
    }
    SimId r = sim_int_big(s, b->sign, b->d, (uint32_t)b->n);
    big_free(b);
    return r;
}

static int cmp_mag(const BigInt *a, const BigInt *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

int big_cmp(const BigInt *a, const BigInt *b)
{
    if (a->sign != b->sign)
        return a->sign < b->sign ? -1 : 1;
    int c = cmp_mag(a, b);
    return a->sign < 0 ? -c : c;
}

static void add_mag(const BigInt *a, const BigInt *b, BigInt *o)
{
    int n = (a->n > b->n ? a->n : b->n) + 1;
    memset(o, 0, sizeof *o);
    grow(o, n);
    uint32_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint32_t s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        o->d[i] = s & MASK;
        carry = s >> SHIFT;
    }
    o->n = n;
}

/* |a| >= |b| */
static void sub_mag(const BigInt *a, const BigInt *b, BigInt *o)
{
    memset(o, 0, sizeof *o);
    grow(o, a->n);
    int32_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t s = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = s < 0;
        o->d[i] = (uint32_t)(s + (borrow ? (1 << SHIFT) : 0));
    }
    o->n = a->n;
}

void big_add(const BigInt *a, const BigInt *b, BigInt *o)
{
    if (a->sign == 0 || b->sign == 0 || a->sign == b->sign) {
        add_mag(a, b, o);
        o->sign = a->sign ? a->sign : b->sign;
    } else if (cmp_mag(a, b) >= 0) {
        sub_mag(a, b, o);
        o->sign = a->sign;
    } else {
        sub_mag(b, a, o);
        o->sign = b->sign;
    }
    trim(o);
}

void big_sub(const BigInt *a, const BigInt *b, BigInt *o)
{
    BigInt nb = *b;
    nb.sign = -b->sign;
    big_add(a, &nb, o);
}

void big_mul(const BigInt *a, const BigInt *b, BigInt *o)
{
    memset(o, 0, sizeof *o);
    int n = a->n + b->n;
    grow(o, n);
    memset(o->d, 0, (size_t)(n > 0 ? n : 1) * sizeof *o->d);
    for (int i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < b->n; j++) {
            uint64_t t = (uint64_t)a->d[i] * b->d[j] + o->d[i + j] + carry;
            o->d[i + j] = (uint32_t)(t & MASK);
            carry = t >> SHIFT;
        }
        int k = i + b->n;
        while (carry) {
            uint64_t t = (uint64_t)o->d[k] + carry;
            o->d[k++] = (uint32_t)(t & MASK);
            carry = t >> SHIFT;
        }
    }
    o->n = n;
    o->sign = a->sign * b->sign;
    trim(o);
}

static void shl1_or(BigInt *r, uint32_t bit)
{
    uint32_t carry = bit;
    for (int i = 0; i < r->n; i++) {
        uint32_t v = (r->d[i] << 1) | carry;
        carry = (r->d[i] >> (SHIFT - 1)) & 1;
        r->d[i] = v & MASK;
    }
    if (carry) {
        grow(r, r->n + 1);
        r->d[r->n++] = carry;
    }
}

/* truncating division of magnitudes, bit by bit */
static void divmod_mag(const BigInt *a, const BigInt *b, BigInt *q, BigInt *r)
{
    memset(q, 0, sizeof *q);
    memset(r, 0, sizeof *r);
    grow(q, a->n);
    memset(q->d, 0, (size_t)(a->n > 0 ? a->n : 1) * sizeof *q->d);
    q->n = a->n;
    grow(r, b->n + 1);
    BigInt bm = *b;
    bm.sign = 1;
    for (int i = a->n * SHIFT - 1; i >= 0; i--) {
        shl1_or(r, (a->d[i / SHIFT] >> (i % SHIFT)) & 1);
        r->sign = r->n ? 1 : 0;
        trim(r);
        if (r->n && cmp_mag(r, &bm) >= 0) {
            BigInt t;
            sub_mag(r, &bm, &t);
            trim(&t);
            big_free(r);
            *r = t;
            if (r->n == 0)
                grow(r, 1);
            q->d[i / SHIFT] |= 1u << (i % SHIFT);
        }
    }
    q->sign = 1;
    trim(q);
    r->sign = r->n ? 1 : 0;
}

bool big_divmod(const BigInt *a, const BigInt *b, BigInt *q, BigInt *r)
{
    if (b->sign == 0)
        return false;
    divmod_mag(a, b, q, r);
    if (q->n)
        q->sign = a->sign * b->sign;
    if (r->n)
        r->sign = a->sign;
    if (r->n && a->sign != b->sign) { /* floor: q -= 1, r += b */
        BigInt one, t;
        big_from_i64(&one, 1);
        big_sub(q, &one, &t);
        big_free(q);
        *q = t;
        big_add(r, b, &t);
        big_free(r);
        *r = t;
        big_free(&one);
    }
    return true;
}

bool big_parse(const char *dec, BigInt *b)
{
    big_from_i64(b, 0);
    BigInt ten, t, dg;
    big_from_i64(&ten, 10);
    bool neg = *dec == '-';
    if (neg)
        dec++;
    for (; *dec; dec++) {
        if (*dec == '_')
            continue;
        if (*dec < '0' || *dec > '9') {
            big_free(&ten);
            return false;
        }
        big_mul(b, &ten, &t);
        big_free(b);
        big_from_i64(&dg, *dec - '0');
        big_add(&t, &dg, b);
        big_free(&t);
        big_free(&dg);
    }
    big_free(&ten);
    if (neg)
        b->sign = -b->sign;
    return true;
}

void big_to_dec(const BigInt *a, Buf *out)
{
    if (a->sign == 0) {
        buf_addc(out, '0');
        return;
    }
    BigInt cur = {0}, base, q, r;
    cur.n = a->n;
    grow(&cur, a->n);
    memcpy(cur.d, a->d, (size_t)a->n * sizeof *a->d);
    cur.sign = 1;
    big_from_i64(&base, 1000000000);
    uint32_t chunks[512];
    int nc = 0;
    while (cur.n && nc < 512) {
        divmod_mag(&cur, &base, &q, &r);
        uint64_t v = 0;
        for (int i = r.n - 1; i >= 0; i--)
            v = v << SHIFT | r.d[i];
        chunks[nc++] = (uint32_t)v;
        big_free(&cur);
        big_free(&r);
        cur = q;
    }
    big_free(&cur);
    big_free(&base);
    if (a->sign < 0)
        buf_addc(out, '-');
    buf_printf(out, "%u", chunks[nc - 1]);
    for (int i = nc - 2; i >= 0; i--)
        buf_printf(out, "%09u", chunks[i]);
}

double big_to_double(const BigInt *a)
{
    double v = 0;
    for (int i = a->n - 1; i >= 0; i--)
        v = v * (double)(1u << SHIFT) + a->d[i];
    return a->sign < 0 ? -v : v;
}

void big_to_pow2_base(const BigInt *a, unsigned bits, bool upper, Buf *out)
{
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t total = (size_t)a->n * 30, groups = total / bits + 1;
    char *rev = malloc(groups + 1);
    size_t k = 0, pos = 0;
    do { /* `bits` bits at a time from the lowest */
        unsigned d = 0;
        for (unsigned i = 0; i < bits; i++, pos++)
            if (pos < total && (a->d[pos / 30] >> (pos % 30) & 1))
                d |= 1u << i;
        rev[k++] = dig[d];
    } while (pos < total);
    while (k > 1 && rev[k - 1] == '0') /* no leading zeros, but 0 itself */
        k--;
    while (k > 0)
        buf_addc(out, rev[--k]);
    free(rev);
}
