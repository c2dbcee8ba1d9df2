/*
 * random_mt: the Mersenne Twister of Modules/_randommodule.c, bit for bit
 * (init_by_array, genrand_uint32, random_random's 53 bits, getrandbits'
 * words least significant first), one per run (PyRun.random).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "pyrun/modules/random_mt.h"
#include "pyrun/types/types.h"

#define MT_N 624
#define MT_M 397

struct PyRandom {
    uint32_t mt[MT_N];
    int index;
    bool has_gauss; /* Random.gauss_next: not None */
    double gauss_next;
};

static void init_genrand(PyRandom *r, uint32_t s)
{
    r->mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

void mt_init_by_array(PyRandom *r, const uint32_t *key, size_t len)
{
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= MT_N) {
            r->mt[0] = r->mt[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            r->mt[0] = r->mt[MT_N - 1];
            i = 1;
        }
    }
    r->mt[0] = 0x80000000u;
}

uint32_t mt_uint32(PyRandom *r)
{
    static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
    uint32_t y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (r->mt[kk] & 0x80000000u) | (r->mt[kk + 1] & 0x7fffffffu);
            r->mt[kk] = r->mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1u];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (r->mt[kk] & 0x80000000u) | (r->mt[kk + 1] & 0x7fffffffu);
            r->mt[kk] = r->mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1u];
        }
        y = (r->mt[MT_N - 1] & 0x80000000u) | (r->mt[0] & 0x7fffffffu);
        r->mt[MT_N - 1] = r->mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1u];
        r->index = 0;
    }
    y = r->mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

double mt_res53(PyRandom *r)
{
    uint32_t a = mt_uint32(r) >> 5, b = mt_uint32(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* getrandbits(k) for k <= 64: 32-bit words, least significant first */
uint64_t mt_getrandbits(PyRandom *r, int k)
{
    if (k <= 0)
        return 0;
    if (k <= 32)
        return mt_uint32(r) >> (32 - k);
    uint64_t lo = mt_uint32(r), hi = mt_uint32(r) >> (64 - k);
    return lo | hi << 32;
}

/* the import's Random(): seeded from the system's entropy, as CPython's */
PyRandom *mt_gen(PyRun *I)
{
    if (!I->random) {
        I->random = calloc(1, sizeof *I->random);
        uint32_t key[4] = {(uint32_t)time(NULL), (uint32_t)getpid(), (uint32_t)clock(), 0x9e3779b9u};
        uint32_t seed;
        FILE *f = fopen("/dev/urandom", "rb");
        if (f && fread(&seed, sizeof seed, 1, f) == 1)
            key[3] ^= seed;
        if (f)
            fclose(f);
        mt_init_by_array(I->random, key, 4);
    }
    return I->random;
}

/* getrandbits(k) for any k > 0, as random_getrandbits makes it: 32-bit
 * words least significant first, the last word's top bits dropped; into b
 * (its digits those of the significant bytes, as _PyLong_FromByteArray) */
void mt_randbits_big(PyRandom *r, int64_t k, BigInt *b)
{
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = xmalloc(words * sizeof *w);
    int64_t left = k;
    for (size_t i = 0; i < words; i++, left -= 32) {
        uint32_t x = mt_uint32(r);
        w[i] = left < 32 ? x >> (32 - left) : x;
    }
    size_t sig = words * 4;
    while (sig > 0 && ((w[(sig - 1) / 4] >> (8 * ((sig - 1) % 4))) & 0xff) == 0)
        sig--;
    size_t ndigits = (sig * 8 + 29) / 30;
    *b = (BigInt){.sign = sig ? 1 : 0, .n = (int)ndigits, .d = xcalloc(ndigits + 1, sizeof(uint32_t))};
    for (size_t bit = 0; bit < sig * 8; bit++)
        if ((w[bit / 32] >> (bit % 32)) & 1)
            b->d[bit / 30] |= UINT32_C(1) << (bit % 30);
    free(w);
}

bool mt_gauss_take(PyRandom *r, double *z)
{
    bool had = r->has_gauss;
    *z = r->gauss_next;
    r->has_gauss = false;
    return had;
}

void mt_gauss_keep(PyRandom *r, double z)
{
    r->gauss_next = z;
    r->has_gauss = true;
}
