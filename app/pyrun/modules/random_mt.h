/*
 * random_mt: the Mersenne Twister random's functions draw from
 * (Modules/_randommodule.c, 3.11-3.13).
 */
#ifndef PYDIVE_PYRUN_MODULES_RANDOM_MT_H
#define PYDIVE_PYRUN_MODULES_RANDOM_MT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pyrun/interp.h"
#include "pyrun/types/bigint.h"

typedef struct PyRandom PyRandom;

/* the run's generator: the import's Random(), seeded from system entropy */
PyRandom *mt_gen(PyRun *I);
/* seed(n): init_by_array of abs(n)'s 32-bit words */
void mt_init_by_array(PyRandom *r, const uint32_t *key, size_t len);
uint32_t mt_uint32(PyRandom *r);
/* random(): 27 and 26 bits joined */
double mt_res53(PyRandom *r);
/* getrandbits(k), k <= 64 */
uint64_t mt_getrandbits(PyRandom *r, int k);
/* getrandbits(k), any k > 0, as a big int's digits */
void mt_randbits_big(PyRandom *r, int64_t k, BigInt *b);

/* Random.gauss_next: taken (false when None) and set to None; kept */
bool mt_gauss_take(PyRandom *r, double *z);
void mt_gauss_keep(PyRandom *r, double z);

#endif
