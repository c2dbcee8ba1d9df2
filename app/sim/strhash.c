/*
 * strhash: the hash of a str or bytes as CPython 3.11+ computes it with
 * PYTHONHASHSEED=0, the seed the oracle runs under (hash randomisation off):
 * SipHash-1-3 with a zero key over the object's own representation (a
 * str's code units at its kind's width, 1, 2 or 4 bytes, little-endian;
 * a bytes object's bytes), 0 for an empty one, -1 made -2
 * (Python/pyhash.c).  A set of strings then iterates in the order CPython
 * prints under that seed; under any other seed CPython's order is one of
 * many, so this one is as good as any it prints.
 */
#include "sim/internal.h"

#include <stdlib.h>

#include "base/xalloc.h"

static uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

typedef struct Sip {
    uint64_t v0, v1, v2, v3;
} Sip;

static void sip_round(Sip *s)
{
    s->v0 += s->v1;
    s->v2 += s->v3;
    s->v1 = rotl(s->v1, 13) ^ s->v0;
    s->v3 = rotl(s->v3, 16) ^ s->v2;
    s->v0 = rotl(s->v0, 32);
    s->v2 += s->v1;
    s->v0 += s->v3;
    s->v1 = rotl(s->v1, 17) ^ s->v2;
    s->v3 = rotl(s->v3, 21) ^ s->v0;
    s->v2 = rotl(s->v2, 32);
}

static uint64_t le64(const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* SipHash-1-3, key (0, 0): one compression round per 8-byte word, three
 * finalisation rounds */
static uint64_t siphash13(const uint8_t *p, size_t n)
{
    Sip s = {0x736f6d6570736575ull, 0x646f72616e646f6dull, 0x6c7967656e657261ull, 0x7465646279746573ull};
    uint64_t last = (uint64_t)n << 56;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t m = le64(p, 8);
        s.v3 ^= m;
        sip_round(&s);
        s.v0 ^= m;
    }
    last |= le64(p, n);
    s.v3 ^= last;
    sip_round(&s);
    s.v0 ^= last;
    s.v2 ^= 0xff;
    for (int i = 0; i < 3; i++)
        sip_round(&s);
    return (s.v0 ^ s.v1) ^ (s.v2 ^ s.v3);
}

static uint64_t finish(uint64_t h) { return h == (uint64_t)-1 ? (uint64_t)-2 : h; }

uint64_t sim_bytes_hash(const uint8_t *p, size_t n) { return n ? finish(siphash13(p, n)) : 0; }

/* One code point from UTF-8 (the model's str storage), advancing *i. */
static uint32_t next_cp(const unsigned char *u, size_t n, size_t *i)
{
    unsigned char b = u[*i];
    size_t len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    uint32_t cp = len == 1 ? b : len == 2 ? b & 0x1fu : len == 3 ? b & 0x0fu : b & 0x07u;
    for (size_t k = 1; k < len && *i + k < n; k++)
        cp = cp << 6 | (u[*i + k] & 0x3fu);
    *i += len;
    return cp;
}

uint64_t sim_str_hash(const char *utf8, size_t n)
{
    if (n == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)utf8;
    uint32_t max = 0;
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        uint32_t cp = next_cp(u, n, &i);
        max = cp > max ? cp : max;
    }
    if (max < 0x80) /* ASCII: the bytes are the code units */
        return finish(siphash13(u, n));
    unsigned width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    uint8_t small[256];
    uint8_t *units = count * width <= sizeof small ? small : xmalloc(count * width);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = next_cp(u, n, &i);
        for (unsigned b = 0; b < width; b++)
            units[k++] = (uint8_t)(cp >> (8 * b));
    }
    uint64_t h = finish(siphash13(units, k));
    if (units != small)
        free(units);
    return h;
}
