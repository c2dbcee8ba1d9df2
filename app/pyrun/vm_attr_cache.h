/*
 * vm_attr_cache: LOAD_ATTR and STORE_ATTR of an instance's own attribute,
 * LOAD_METHOD of a class's function or a built-in type's method, through a
 * cache per instruction, as CPython 3.11's LOAD_ATTR_INSTANCE_VALUE,
 * STORE_ATTR_INSTANCE_VALUE and LOAD_METHOD_WITH_VALUES keep one
 * (vm_attr_cache.c says when it holds).
 */
#ifndef PYDIVE_PYRUN_VM_ATTR_CACHE_H
#define PYDIVE_PYRUN_VM_ATTR_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "pyrun/interp.h"

#define ATTR_CACHE_MRO 4 /* classes with a dict along the __mro__ a cache follows */

/* what a cache holds */
enum { AC_NONE, AC_ATTR, AC_METHOD, AC_BUILTIN_METHOD };

typedef struct AttrCache {
    uint8_t what;    /* AC_* */
    uint8_t okind, osub; /* AC_BUILTIN_METHOD: the object's kind (and a set's sub) */
    SimId type;      /* the instance's class */
    SimId mro;       /* its __mro__ tuple then */
    uint32_t index;  /* AC_ATTR: the attribute's entry in the instance's values; AC_METHOD:
                      * the function's entry in the class dict after the ndicts missed;
                      * AC_BUILTIN_METHOD: the method's global index */
    uint32_t ndicts; /* class dicts along the __mro__ that miss the name */
    uint64_t version[ATTR_CACHE_MRO]; /* their versions */
    uint64_t seen;   /* the heap's last dict version when the walk last held (as CPython's
                      * type version tag: while no dict gained a key, it still holds) */
    SimId found;     /* AC_METHOD: the class dict the walk found the function in */
} AttrCache;

/* The code's caches, made on first use: one per instruction. */
AttrCache *vm_attr_caches(PyCode *co);

/* the class flags that send an attribute elsewhere */
#define VM_ATTR_HOOKS (SIM_TYF_GETATTR | SIM_TYF_SETATTR | SIM_TYF_NATIVE)

/* The __mro__ walk again once the heap's dict versions moved (below). */
bool vm__mro_walk_holds(PyRun *I, AttrCache *ac, SimId *found);

/* Does the __mro__ recorded still hold, the class dicts that missed the
 * name having gained none?  AC_ATTR: they are all the dicts along it;
 * AC_METHOD: *found is the dict after them.  The walk is skipped while no
 * dict of the heap gained a key and no class was made or cleared since it
 * last held (sim_dict_version's counter moves for each), as CPython 3.11
 * checks one type version tag instead of the dicts.  Inline, as the hits
 * below: one per LOAD_ATTR, STORE_ATTR and LOAD_METHOD. */
static inline bool vm__mro_holds(PyRun *I, AttrCache *ac, SimId *found)
{
    const uint32_t *words = sim_items(I->sim, ac->type);
    if ((words[SIM_TY_FLAGS] & VM_ATTR_HOOKS) || words[SIM_TY_MRO] != ac->mro)
        return false;
    if (ac->seen == sim_dict_versions(I->sim)) {
        *found = ac->found;
        return true;
    }
    return vm__mro_walk_holds(I, ac, found);
}

/* obj.name of an instance's own attribute when cache ac holds for it: the
 * value (borrowed), else 0 and the caller takes the generic way. */
static inline SimId vm_attr_hit(PyRun *I, AttrCache *ac, SimId obj, SimId name)
{
    const SimObj *o = sim_obj(I->sim, obj);
    SimId none;
    if (ac->what != AC_ATTR || o->kind != SK_INSTANCE || o->type != ac->type || o->sub != SIM_INST_PLAIN ||
        o->v.instance.dict || ac->index >= o->len || !vm__mro_holds(I, ac, &none))
        return 0;
    const SimId *items = sim_items(I->sim, obj);
    return items[2 * ac->index] == name ? items[2 * ac->index + 1] : 0;
}
/* Before the generic way: records in ac where obj.name lies when the
 * generic way is sure to read (store: to replace) the instance's own
 * attribute, else clears ac. */
void vm_attr_fill(PyRun *I, AttrCache *ac, SimId obj, SimId name, bool store);
/* obj.name = value (value stolen) when cache ac holds for a store; false
 * (nothing done) else. */
bool vm_attr_store_hit(PyRun *I, AttrCache *ac, SimId obj, SimId name, SimId value);
/* LOAD_METHOD (attrs.c: attr_method) of a class's plain function on an
 * instance, or of a built-in type's method: when cache ac holds, the
 * callable (a new reference) the generic way would push under obj, else 0. */
SimId vm_method_hit(PyRun *I, AttrCache *ac, SimId obj, SimId name);
/* Before the generic way: records what it is sure to find, or clears ac. */
void vm_method_fill(PyRun *I, AttrCache *ac, SimId obj, SimId name);

#endif
