/*
 * vm_names: the per-instruction cache of name lookups (vm_names.c says how
 * it stays right); the hit path is inline for the dispatch loop.
 */
#ifndef PYDIVE_PYRUN_VM_NAMES_H
#define PYDIVE_PYRUN_VM_NAMES_H

#include <stdbool.h>
#include <stdint.h>

#include "pyrun/interp.h"

typedef struct NameCache {
    uint8_t where;    /* 1 + the index of the dict it was found in; 0: nothing cached */
    uint8_t ndicts;   /* how many dicts the lookup searched (2 or 3) */
    uint32_t entry;
    uint64_t version; /* of the dict searched before it (where > 1) */
} NameCache;

/* The code's caches, made on first use: one per instruction. */
NameCache *vm_name_caches(PyCode *co);

/* The value at entry i of d when the entry still holds name, else 0. */
static inline SimId vm_name_entry(const Sim *s, SimId d, uint32_t i, SimId name)
{
    const SimObj *o = &s->obj[d];
    if (!o->cap || i >= o->v.dict.used)
        return 0;
    const SimId *e = sim_items(s, d);
    return e[2 * i] == name ? e[2 * i + 1] : 0;
}

/* LOAD_NAME / LOAD_GLOBAL's cached value (borrowed), or 0 when the cache
 * does not hold or no longer fits the dicts of frame f. */
static inline SimId vm_name_hit(const PyRun *I, const Frame *f, const NameCache *nc, SimId name,
                                bool use_locals)
{
    const Sim *s = I->sim;
    unsigned n = use_locals && f->locals ? 3 : 2;
    if (nc->ndicts != n)
        return 0;
    SimId first = n == 3 ? f->locals : f->globals, d;
    switch (nc->where) {
    case 1:
        d = first;
        break;
    case 2: /* the first dict missed */
        if (sim_dict_version(s, first) != nc->version)
            return 0;
        d = n == 3 ? f->globals : I->builtins;
        break;
    case 3: /* locals and globals, one dict, missed */
        if (f->globals != first || sim_dict_version(s, first) != nc->version)
            return 0;
        d = I->builtins;
        break;
    default:
        return 0;
    }
    return vm_name_entry(s, d, nc->entry, name);
}

/* The misses of vm_name_hit: LOAD_NAME / LOAD_GLOBAL of names index arg by
 * the top frame's instruction whose cache is nc; a new reference, or 0 with
 * NameError raised. */
SimId vm_load_name_slow(PyRun *I, NameCache *nc, int arg, bool use_locals);
/* STORE_NAME / STORE_GLOBAL of value (stolen) through cache nc. */
bool vm_store_name_at(PyRun *I, NameCache *nc, int arg, SimId value, bool use_locals);
/* DELETE_NAME / DELETE_GLOBAL of names index arg; false with NameError
 * raised. */
bool vm_delete_name(PyRun *I, int arg, bool use_locals);

#endif
