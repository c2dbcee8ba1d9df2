/*
 * random_int.h: what random.c takes from random_range.c.
 */
#ifndef PYDIVE_PYRUN_MODULES_RANDOM_INT_H
#define PYDIVE_PYRUN_MODULES_RANDOM_INT_H

#include <stdint.h>

#include "pyrun/interp.h"

/* _randbelow_with_getrandbits(n), n > 0, with its bound method replayed */
uint64_t random_randbelow(PyRun *I, uint64_t n);
/* randrange(start[, stop[, step]]) (stop and step 0 when not given) and
 * randint(a, b): the drawn int, a new reference, or 0 raised or refused */
SimId random_randrange(PyRun *I, SimId start, SimId stop, SimId step);
SimId random_randint(PyRun *I, SimId a, SimId b);

#endif
