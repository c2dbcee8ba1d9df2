/*
 * tracemalloc_ranges: the free lists after library code the model does not
 * replay (collections.namedtuple(), @dataclass), measured on CPython per
 * version and field count (tests/tools/gen-freelist-ranges.py).
 */
#ifndef PYDIVE_TRACEMALLOC_RANGES_H
#define PYDIVE_TRACEMALLOC_RANGES_H

#include <stddef.h>

#include "sim/sim.h"

/* From the stock `base`, the call left each list holding from `lo` to `hi` */
typedef struct StockRange {
    int v;       /* 0, 1, 2: 3.11.7, 3.12.1, 3.13.0 */
    int nfields; /* the call's field count */
    SimFreeStock base, lo, hi;
} StockRange;

extern const StockRange namedtuple_ranges[], dataclass_ranges[];
extern const size_t namedtuple_nranges, dataclass_nranges;

#endif
