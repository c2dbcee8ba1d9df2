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
#include "pyrun/vm_names.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"

#define S (I->sim)
#define F (I->ts->top)

NameCache *vm_name_caches(PyCode *co)
{
    if (!co->ncache)
        co->ncache = xcalloc(co->nops ? co->nops : 1, sizeof *co->ncache);
    return co->ncache;
}

SimId vm_load_name_slow(PyRun *I, NameCache *nc, int arg, bool use_locals)
{
    Frame *f = F;
    SimId name = I->codes[f->code].names[arg];
    SimId dicts[3];
    unsigned n = 0;
    if (use_locals && f->locals)
        dicts[n++] = f->locals;
    dicts[n++] = f->globals;
    dicts[n++] = I->builtins;
    SimId v = vm_name_hit(I, f, nc, name, use_locals);
    if (v) {
        sim_incref(S, v);
        return v;
    }
    for (unsigned w = 0; w < n; w++) {
        int64_t i = sim_dict_index(S, dicts[w], name);
        if (i < 0)
            continue;
        v = sim_items(S, dicts[w])[2 * i + 1];
        /* cached when the entry holds this very name, and the dicts missed
         * before it are one dict with a version of its own */
        bool one = w < 2 || dicts[1] == dicts[0];
        uint64_t ver = w ? sim_dict_version(S, dicts[0]) : 0;
        if (sim_items(S, dicts[w])[2 * i] == name && one && (w == 0 || ver != 0))
            *nc = (NameCache){(uint8_t)(w + 1), (uint8_t)n, (uint32_t)i, ver};
        sim_incref(S, v);
        return v;
    }
    return vm_load_name(I, name, use_locals); /* an exception class, or NameError */
}

bool vm_store_name_at(PyRun *I, NameCache *nc, int arg, SimId value, bool use_locals)
{
    Frame *f = F;
    SimId name = I->codes[f->code].names[arg];
    SimId d = use_locals && f->locals ? f->locals : f->globals;
    SimId old = vm_name_entry(S, d, nc->entry, name);
    if (nc->where == 1 && old) {
        sim_gc_released(S, old);
        sim_dict_replace_at(S, d, nc->entry, value);
        return true;
    }
    if (S->gc.watching)
        sim_gc_released(S, sim_dict_get(S, d, name));
    if (f->kind == FR_CLASS && d == f->locals) { /* the namespace may be an Enum's _EnumDict */
        if (!enum_body_store(I, f->extra, I->codes[f->code].name, d, name, &value)) { /* auto() resolved */
            sim_decref(S, value);
            return false;
        }
        sim_incref(S, name);
        sim_dict_set(S, d, name, value);
        return true; /* not cached: every store of the body asks again */
    }
    sim_incref(S, name);
    sim_dict_set(S, d, name, value);
    int64_t i = sim_dict_index(S, d, name);
    if (i >= 0 && sim_items(S, d)[2 * i] == name)
        *nc = (NameCache){1, 1, (uint32_t)i, 0};
    return true;
}

bool vm_delete_name(PyRun *I, int arg, bool use_locals)
{
    Frame *f = F;
    SimId d = use_locals && f->locals ? f->locals : f->globals;
    SimId name = vm_name_const(I, arg);
    if (S->gc.watching) /* the value it drops (gc_quiet.c) */
        sim_gc_released(S, sim_dict_get(S, d, name));
    if (!sim_dict_del(S, d, name)) {
        vm_name_error(I, name);
        return false;
    }
    return true;
}
