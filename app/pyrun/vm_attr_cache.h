/*
 * vm_attr_cache: LOAD_ATTR and STORE_ATTR of an instance's own attribute
 * through a cache per instruction, as CPython 3.11's LOAD_ATTR_INSTANCE_VALUE
 * and STORE_ATTR_INSTANCE_VALUE keep one (vm_attr_cache.c says when it
 * holds).
 */
#ifndef PYDIVE_PYRUN_VM_ATTR_CACHE_H
#define PYDIVE_PYRUN_VM_ATTR_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "pyrun/interp.h"

#define ATTR_CACHE_MRO 4 /* classes with a dict along the __mro__ a cache follows */

typedef struct AttrCache {
    SimId type;      /* the instance's class; 0: nothing cached */
    SimId mro;       /* its __mro__ tuple then */
    uint32_t index;  /* the attribute's entry in the instance's values */
    uint32_t ndicts;
    uint64_t version[ATTR_CACHE_MRO]; /* of the class dicts along the __mro__, none holding the name */
} AttrCache;

/* The code's caches, made on first use: one per instruction. */
AttrCache *vm_attr_caches(PyCode *co);

/* obj.name of an instance's own attribute when cache ac holds for it: the
 * value (borrowed), else 0 and the caller takes the generic way. */
SimId vm_attr_hit(PyRun *I, const AttrCache *ac, SimId obj, SimId name);
/* Before the generic way: records in ac where obj.name lies when the
 * generic way is sure to read (store: to replace) the instance's own
 * attribute, else clears ac. */
void vm_attr_fill(PyRun *I, AttrCache *ac, SimId obj, SimId name, bool store);
/* obj.name = value (value stolen) when cache ac holds for a store; false
 * (nothing done) else. */
bool vm_attr_store_hit(PyRun *I, const AttrCache *ac, SimId obj, SimId name, SimId value);

#endif
