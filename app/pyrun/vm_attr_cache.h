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

/* obj.name of an instance's own attribute when cache ac holds for it: the
 * value (borrowed), else 0 and the caller takes the generic way. */
SimId vm_attr_hit(PyRun *I, AttrCache *ac, SimId obj, SimId name);
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
