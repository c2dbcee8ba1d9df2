/*
 * stats: the heap in numbers — `sys._debugmallocstats()` text in CPython's
 * format, and a snapshot struct a view or `--json` can read.
 */
#ifndef PYDIVE_SIM_STATS_H
#define PYDIVE_SIM_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "sim/sim.h"

typedef struct SimSnapshot {
    PmStats pm;
    uint64_t objects_by_kind[SK_COUNT];
    uint64_t live_objects;
    size_t gen_size[3], permanent_size;
    int gen_count[3], gen_threshold[3];
    uint64_t collections[3], collected[3];
    uint32_t freelist_float, freelist_list, freelist_dict, freelist_tuple[SIM_TUPLE_MAXSAVE];
} SimSnapshot;

void sim_snapshot(const Sim *s, SimSnapshot *out);
/* Appends what sys._debugmallocstats() writes to stderr. */
void sim_debugmallocstats(const Sim *s, Buf *out);
/* Appends the snapshot as one JSON object. */
void sim_snapshot_json(const Sim *s, Buf *out);
/* Appends a human summary (pools per size class, objects by type, GC). */
void sim_snapshot_text(const Sim *s, Buf *out);

#endif
