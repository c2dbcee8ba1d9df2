/*
 * array_int: what array.c (storage, construction) and array_ops.c
 * (methods, subscription, operators, repr) share. Internal to pyrun/types.
 */
#ifndef PYDIVE_PYRUN_TYPES_ARRAY_INT_H
#define PYDIVE_PYRUN_TYPES_ARRAY_INT_H

#include "pyrun/builtins.h"

/* its typecode, item size and items (the model's copy) */
char array_code(PyRun *I, SimId a);
unsigned array_isz(PyRun *I, SimId a);
uint8_t *array_raw(PyRun *I, SimId a);
/* a[i] = v with CPython's conversion and range errors; false with the error raised */
bool array_put(PyRun *I, SimId a, size_t i, SimId v);
/* array_resize; false with MemoryError */
bool array_resize(PyRun *I, SimId a, size_t n);
/* ins1 at the end; array_do_extend (an array of its kind at once, else item by item) */
bool array_append(PyRun *I, SimId a, SimId v);
bool array_extend(PyRun *I, SimId a, SimId src);
/* a new array of n items copied from d (NULL: zeros), allocated exactly; 0 with MemoryError */
SimId array_fresh(PyRun *I, char tc, const uint8_t *d, size_t n);

#endif
