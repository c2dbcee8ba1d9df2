/*
 * vm_names: LOAD_NAME, LOAD_GLOBAL, STORE_NAME and STORE_GLOBAL through a
 * cache per instruction, as CPython 3.11's specialised LOAD_GLOBAL keeps
 * one.  The cache says in which of the dicts searched (locals, globals,
 * builtins) the name was found and at which entry.  A hit is checked
 * against the dict as it is now: the entry must still hold this very name
 * (an entry's key never changes in place, a deleted one reads 0), and the
 * dicts searched before it must have gained no key since (their version,
 * sim_dict_version, is the one recorded).  Anything else is a miss, which
 * looks the name up as before and records what it found.  The cache
 * changes no count: it reads what the lookups read.
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"
#include "pyrun/vm_ops.h"

#define S (I->sim)
#define F (&I->frames[I->nframes - 1])

typedef struct NameCache {
    uint8_t where;  /* 1 + the index of the dict it was found in; 0: nothing cached */
    uint8_t ndicts; /* how many dicts the lookup searched (2 or 3) */
    uint32_t entry;
    uint64_t version; /* of the dict searched before it (where > 1) */
} NameCache;

static NameCache *cache_of(PyCode *co, uint32_t ip)
{
    if (!co->ncache)
        co->ncache = xcalloc(co->nops ? co->nops : 1, sizeof *co->ncache);
    return &co->ncache[ip];
}

/* The value at entry i of d when the entry still holds name, else 0. */
static inline SimId entry_value(PyRun *I, SimId d, uint32_t i, SimId name)
{
    const SimObj *o = sim_obj(S, d);
    if (!o->cap || i >= o->v.dict.used)
        return 0;
    const SimId *e = sim_items(S, d);
    return e[2 * i] == name ? e[2 * i + 1] : 0;
}

/* Are the dicts before `where` one dict whose keys are as recorded? */
static inline bool misses_hold(PyRun *I, const SimId *dicts, const NameCache *nc)
{
    unsigned w = nc->where - 1u;
    if (w == 0)
        return true;
    if (w == 2 && dicts[1] != dicts[0])
        return false;
    return sim_dict_version(S, dicts[0]) == nc->version;
}

SimId vm_load_name_at(PyRun *I, uint32_t ip, int arg, bool use_locals)
{
    Frame *f = F;
    PyCode *co = &I->codes[f->code];
    SimId name = co->names[arg];
    SimId dicts[3];
    unsigned n = 0;
    if (use_locals && f->locals)
        dicts[n++] = f->locals;
    dicts[n++] = f->globals;
    dicts[n++] = I->builtins;
    NameCache *nc = co->ncache ? &co->ncache[ip] : NULL;
    if (nc && nc->where && nc->ndicts == n && misses_hold(I, dicts, nc)) {
        SimId v = entry_value(I, dicts[nc->where - 1], nc->entry, name);
        if (v) {
            sim_incref(S, v);
            return v;
        }
    }
    for (unsigned w = 0; w < n; w++) {
        int64_t i = sim_dict_index(S, dicts[w], name);
        if (i < 0)
            continue;
        SimId v = sim_items(S, dicts[w])[2 * i + 1];
        /* cached when the entry holds this very name, and the dicts missed
         * before it are one dict with a version of its own */
        bool one = w < 2 || dicts[1] == dicts[0];
        uint64_t ver = w ? sim_dict_version(S, dicts[0]) : 0;
        if (sim_items(S, dicts[w])[2 * i] == name && one && (w == 0 || ver != 0)) {
            nc = cache_of(co, ip);
            *nc = (NameCache){(uint8_t)(w + 1), (uint8_t)n, (uint32_t)i, ver};
        }
        sim_incref(S, v);
        return v;
    }
    return vm_load_name(I, name, use_locals); /* an exception class, or NameError */
}

void vm_store_name_at(PyRun *I, uint32_t ip, int arg, SimId value, bool use_locals)
{
    Frame *f = F;
    PyCode *co = &I->codes[f->code];
    SimId name = co->names[arg];
    SimId d = use_locals && f->locals ? f->locals : f->globals;
    NameCache *nc = co->ncache ? &co->ncache[ip] : NULL;
    if (nc && nc->where == 1 && entry_value(I, d, nc->entry, name)) {
        sim_dict_replace_at(S, d, nc->entry, value);
        return;
    }
    sim_incref(S, name);
    sim_dict_set(S, d, name, value);
    int64_t i = sim_dict_index(S, d, name);
    if (i >= 0 && sim_items(S, d)[2 * i] == name) {
        co = &I->codes[F->code]; /* a finalizer the store ran may have compiled code */
        nc = cache_of(co, ip);
        *nc = (NameCache){1, 1, (uint32_t)i, 0};
    }
}
