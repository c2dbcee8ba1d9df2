/*
 * hash: PyObject_Hash of the model's objects, value for value as CPython
 * 3.11-3.13 computes it on a 64-bit build (Python/pyhash.c,
 * Objects/longobject.c long_hash, floatobject.c via _Py_HashDouble,
 * tupleobject.c tuplehash, setobject.c frozenset_hash).  A set's table
 * order follows these values, so they must be exact for a printed set to
 * be.  Numbers hash to their value modulo the Mersenne prime 2**61 - 1,
 * so that 1, 1.0 and True are one key.  What CPython hashes by address
 * (instances, functions, classes, None before 3.12, a NaN) gets a stable
 * model value; sim_hash_by_identity() tells the callers that print an
 * order which depends on it.
 */
#include "sim/internal.h"

#include <math.h>
#include <string.h>

#include "sim/profile.h"
#include "sim/userkey.h"
#include "sim/subinst.h"

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159u

/* -1 is CPython's error value: a hash that comes out as -1 is -2 */
static uint64_t not_minus_one(uint64_t h) { return h == (uint64_t)-1 ? (uint64_t)-2 : h; }

/* Rotates x, a value below the modulus, left by e bits within 61 bits: x * 2**e mod P */
static uint64_t rotate61(uint64_t x, unsigned e)
{
    e %= HASH_BITS;
    return e ? ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e) : x;
}

static uint64_t signed_hash(bool negative, uint64_t magnitude)
{
    return not_minus_one(negative ? 0 - magnitude : magnitude);
}

static uint64_t int_hash(const Sim *s, const SimObj *o)
{
    if (o->kind != SK_INT || o->sub != 1) {
        int64_t v = o->v.i;
        uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
        return signed_hash(v < 0, m % HASH_MODULUS);
    }
    /* 30-bit digits from the most significant: x = x * 2**30 + digit (mod P) */
    const uint32_t *d = slab_ptr(&s->slab, o->data);
    uint64_t x = 0;
    for (uint32_t i = o->len; i-- > 0;) {
        x = rotate61(x, 30) + d[i];
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    return signed_hash(o->v.i < 0, x);
}

/* A finite double is m * 2**e with m an integer: its hash is m * 2**e mod P,
 * the mantissa taken 28 bits at a time. */
static uint64_t float_hash(double v)
{
    if (isinf(v))
        return v > 0 ? HASH_INF : 0 - (uint64_t)HASH_INF;
    int e;
    double m = frexp(v, &e);
    bool negative = m < 0;
    if (negative)
        m = -m;
    uint64_t x = 0;
    while (m != 0) {
        x = rotate61(x, 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t whole = (uint64_t)m;
        m -= (double)whole;
        x += whole;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    /* 2**e mod P for a negative e is 2**(e mod 61): the exponent reduced */
    unsigned shift = e >= 0 ? (unsigned)e % HASH_BITS : HASH_BITS - 1 - (unsigned)((-1 - e) % HASH_BITS);
    return signed_hash(negative, rotate61(x, shift));
}

/* tuplehash: the xxHash64 lanes over the items' hashes (one at a time) */
void sim_tuple_hash_step(uint64_t *acc, uint64_t item_hash)
{
    *acc += item_hash * 14029467366897019727ull;
    *acc = *acc << 31 | *acc >> 33;
    *acc *= 11400714785074694791ull;
}

uint64_t sim_tuple_hash_end(uint64_t acc, uint32_t n)
{
    acc += (uint64_t)n ^ (SIM_TUPLE_HASH_START ^ 3527539ull);
    return acc == (uint64_t)-1 ? 1546275796u : acc;
}

static uint64_t tuple_hash(const Sim *s, SimId t)
{
    uint64_t acc = SIM_TUPLE_HASH_START;
    uint32_t n = s->obj[t].len;
    for (uint32_t i = 0; i < n; i++)
        sim_tuple_hash_step(&acc, sim_hash(s, sim_items(s, t)[i]));
    return sim_tuple_hash_end(acc, n);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u; }

/* frozenset_hash: the items' shuffled hashes xor-ed (order does not count),
 * the size folded in, then dispersed for nested frozensets */
static uint64_t frozenset_hash(const Sim *s, SimId f)
{
    uint64_t h = 0;
    uint32_t pos = 0;
    SimId key;
    uint64_t kh;
    while (sim_set_next(s, f, &pos, &key, &kh))
        h ^= shuffle_bits(kh);
    h ^= ((uint64_t)s->obj[f].len + 1) * 1927868237u;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923u;
    return h == (uint64_t)-1 ? 590923713u : h;
}

/* Enum.__hash__: hash(self._name_); 0 for any other object */
static SimId enum_name(const Sim *s, SimId k)
{
    const SimObj *o = &s->obj[k];
    if (o->kind != SK_INSTANCE || !o->type || !(sim_type_word(s, o->type, SIM_TY_FLAGS) & SIM_TYF_ENUM))
        return 0;
    SimId name = sim_attr_get_str(s, k, "_name_");
    return name && s->obj[name].kind == SK_STR ? name : 0;
}

static int64_t range_parts(const Sim *s, SimId k, int64_t *start, int64_t *step);

bool sim_hash_by_identity(const Sim *s, SimId k)
{
    const SimObj *o = &s->obj[k];
    switch ((SimKind)o->kind) {
    case SK_INT: case SK_BOOL: case SK_STR: case SK_BYTES:
        return false;
    case SK_FLOAT:
        return isnan(o->v.f);
    case SK_COMPLEX: /* a NaN part hashes by identity (_Py_HashDouble) */
        return isnan(o->v.c.re) || isnan(o->v.c.im);
    case SK_NONE:
        return s->prof->version == SIM_V311; /* 3.12 gave None a constant hash */
    case SK_RANGE: { /* None stands in its tuple for a range of one item or none */
        int64_t start, step;
        return s->prof->version == SIM_V311 && range_parts(s, k, &start, &step) <= 1;
    }
    case SK_INSTANCE: /* hashed by its class's __hash__: the value is the program's */
        return !(s->ukeys && sim_is_user_key(s, k)) && !enum_name(s, k); /* an enum member: its name's */
    case SK_TUPLE:
        for (uint32_t i = 0; i < o->len; i++)
            if (sim_hash_by_identity(s, sim_items(s, k)[i]))
                return true;
        return false;
    case SK_SET: {
        uint32_t pos = 0;
        SimId key;
        uint64_t kh;
        while (sim_set_next(s, k, &pos, &key, &kh))
            if (sim_hash_by_identity(s, key))
                return true;
        return false;
    }
    default:
        return true;
    }
}

/* a range's start, step and length (compute_range_length) */
static int64_t range_parts(const Sim *s, SimId k, int64_t *start, int64_t *step)
{
    const int64_t *r = (const int64_t *)(const void *)sim_items(s, k);
    int64_t stop = r[0];
    *start = s->obj[k].v.i;
    *step = r[1];
    return *step > 0 ? (stop > *start ? (stop - *start - 1) / *step + 1 : 0)
                     : (*start > stop ? (*start - stop - 1) / -*step + 1 : 0);
}

int sim_int_float_cmp(const Sim *s, SimId iv, double d)
{
    if (isnan(d))
        return 2;
    if (isinf(d))
        return d > 0 ? -1 : 1;
    const SimObj *o = &s->obj[iv];
    if (!(o->kind == SK_INT && o->sub == 1)) { /* in one word: compare with d's integral part, then its fraction */
        int64_t i = o->v.i;
        if (d >= 9223372036854775808.0)
            return -1;
        if (d < -9223372036854775808.0)
            return 1;
        double t = trunc(d);
        int64_t di = (int64_t)t;
        if (i != di)
            return i < di ? -1 : 1;
        return d - t > 0 ? -1 : d - t < 0 ? 1 : 0;
    }
    int sign = o->v.i < 0 ? -1 : 1; /* a big int: beyond 64 bits */
    if ((d < 0) != (sign < 0) || fabs(d) < 9223372036854775808.0)
        return sign;
    int e; /* |d| = m * 2**(e - 53), integral here: its 30-bit digits */
    uint64_t m = (uint64_t)ldexp(frexp(fabs(d), &e), 53);
    uint32_t n = (uint32_t)(e / 30 + 2), dd[40] = {0};
    for (int bit = 0; bit < 53; bit++)
        if (m >> bit & 1) {
            int at = bit + e - 53;
            if (at >= 0)
                dd[at / 30] |= 1u << (at % 30);
        }
    while (n > 0 && dd[n - 1] == 0)
        n--;
    const uint32_t *g = slab_ptr(&s->slab, o->data);
    int mag = o->len != n ? (o->len < n ? -1 : 1) : 0;
    for (uint32_t k = n; mag == 0 && k-- > 0;)
        mag = g[k] < dd[k] ? -1 : g[k] > dd[k];
    return sign * mag;
}

bool sim_range_equal(const Sim *s, SimId a, SimId b)
{
    int64_t sa, ta, sb, tb, la = range_parts(s, a, &sa, &ta), lb = range_parts(s, b, &sb, &tb);
    return la == lb && (la == 0 || (sa == sb && (la == 1 || ta == tb)));
}

static uint64_t i64_hash(int64_t v)
{
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    return signed_hash(v < 0, m % HASH_MODULUS);
}

/* _Py_HashPointer: the address rotated right by 4 bits; the model's
 * addresses are not CPython's (sim_hash_by_identity) */
static uint64_t pointer_hash(const Sim *s, SimId k)
{
    uint64_t p = (uint64_t)sim__id_address(s, k);
    return p >> 4 | p << 60;
}

uint64_t sim_pointer_hash(const Sim *s, SimId k) { return not_minus_one(pointer_hash(s, k)); }

uint64_t sim_hash(const Sim *s, SimId k)
{
    const SimObj *o = &s->obj[k];
    if (o->type && o->kind != SK_INSTANCE && sim_is_subinst(s, k) && sim__userhash_noted(s, k))
        /* a subclass's own __hash__ (or its __eq__), as the host noted it */
        return sim__userhash_current(s, k);
    switch ((SimKind)o->kind) {
    case SK_INT: case SK_BOOL:
        return int_hash(s, o);
    case SK_FLOAT:
        if (!isnan(o->v.f))
            return float_hash(o->v.f);
        break;
    case SK_COMPLEX: /* complex_hash: real + 1000003 * imag, -1 kept for errors */
        if (!isnan(o->v.c.re) && !isnan(o->v.c.im)) {
            uint64_t h = float_hash(o->v.c.re) + 1000003u * float_hash(o->v.c.im);
            return h == (uint64_t)-1 ? (uint64_t)-2 : h;
        }
        break;
    case SK_STR: case SK_BYTES: {
        if (o->kind == SK_STR && o->v.str.hash)
            return o->v.str.hash;
        size_t n;
        const char *p = sim_str_data(s, k, &n);
        return o->kind == SK_STR ? sim_str_hash(p, n) : sim_bytes_hash((const uint8_t *)p, n);
    }
    case SK_TUPLE:
        return tuple_hash(s, k);
    case SK_SET:
        return frozenset_hash(s, k);
    case SK_RANGE: { /* range_hash: hash((len, start, step)), None where the length makes them moot */
        int64_t start, step, len = range_parts(s, k, &start, &step);
        uint64_t acc = SIM_TUPLE_HASH_START, none = sim_hash(s, s->none);
        sim_tuple_hash_step(&acc, i64_hash(len));
        sim_tuple_hash_step(&acc, len == 0 ? none : i64_hash(start));
        sim_tuple_hash_step(&acc, len <= 1 ? none : i64_hash(step));
        return sim_tuple_hash_end(acc, 3);
    }
    case SK_NONE:
        if (s->prof->version != SIM_V311)
            return 0xFCA86420u; /* _Py_HashNone */
        break;
    case SK_INSTANCE:
        if (s->ukeys && sim_is_user_key(s, k)) /* its class's __hash__, as the host noted it */
            return sim__userhash_current(s, k);
        if (enum_name(s, k))
            return sim_hash(s, enum_name(s, k));
        break;
    case SK_METHOD: /* method_hash: self's address mixed with the function's hash */
        return not_minus_one(pointer_hash(s, o->v.method.self) ^ sim_hash(s, o->v.method.func));
    case SK_BUILTIN: /* meth_hash: self's address and the C function's */
        if (o->v.builtin.self)
            return not_minus_one(pointer_hash(s, o->v.builtin.self) ^ (o->v.builtin.index * 0x9E3779B97F4A7C15u >> 4));
        break;
    default:
        break;
    }
    return not_minus_one(pointer_hash(s, k));
}
